"""Commands about credits and time: the credits panel, packs, plans (R5), the clock (R6)."""

from __future__ import annotations

import argparse

from netui.cli.arguments import (
    Add,
    iso_date,
    limit_of,
    open_world,
    whole_number,
)
from netui.core.model import Plan, parse_enum


def run_credits(args: argparse.Namespace) -> object:
    return open_world(args).credits(ledger_limit=args.ledger)


def run_buy(args: argparse.Namespace) -> object:
    return open_world(args).buy(args.pack)


def run_plan(args: argparse.Namespace) -> object:
    return open_world(args).change_plan(args.plan)


def run_advance(args: argparse.Namespace) -> object:
    return open_world(args).advance(args.days, to=args.to)


def register_money(add: Add) -> None:
    """credits, buy, plan, advance."""
    p = add(
        "credits",
        "balance, plan, lots, score and ledger (R5)",
        run_credits,
        "netui credits",
        "netui credits --ledger 500 --json",
    )
    p.add_argument(
        "--ledger",
        type=limit_of("ledger entries"),
        default=20,
        metavar="N",
        help="how many of the newest ledger entries to show, 1 to 10,000 (20)",
    )
    p = add("buy", "buy a pack of InMail credits", run_buy, "netui buy 5")
    p.add_argument("pack", type=whole_number, help="1, 2, 5 or 10")
    p = add("plan", "change plan (R5.3)", run_plan, "netui plan recruiter-lite", "netui plan free")
    p.add_argument(
        "plan",
        type=lambda t: parse_enum(Plan, t, "plan"),
        help="free, premium-career, premium-business, recruiter-lite, sales-navigator",
    )
    p = add(
        "advance",
        "move the simulated clock (R6)",
        run_advance,
        "netui advance 7",
        "netui advance --to 2015-06-01",
    )
    p.add_argument("days", type=whole_number, nargs="?", help="how many days")
    p.add_argument("--to", type=iso_date, help="advance to this date (YYYY-MM-DD)")
