"""Commands about the network as a whole: building it, exporting it, serving the UI,
its numbers, and the policy lab (R1, R10, R12)."""

from __future__ import annotations

import argparse
from pathlib import Path

from netui.cli.arguments import (
    Add,
    degrees,
    file_path,
    member_id,
    open_world,
    text_of,
    whole_number,
)
from netui.core.model import Category, Plan, parse_enum
from netui.errors import BadInput


def run_seed(args: argparse.Namespace) -> object:
    from netui.seeding import seed_database

    return seed_database(
        args.db,
        args.recipe,
        members=args.members,
        seed=args.seed,
        force=args.force,
        show_progress=not args.json,
        refund_policy=args.config.refund_policy,
        prices=args.config.prices,
    )


def run_import_ldbc(args: argparse.Namespace) -> object:
    from netui.ldbc import read_ldbc
    from netui.seeding import progress_bar
    from netui.world import World

    with progress_bar(not args.json) as progress:
        return World.build(
            args.db,
            lambda report: read_ldbc(args.dir, me=args.me, progress=report),
            force=args.force,
            progress=progress,
            refund_policy=args.config.refund_policy,
            prices=args.config.prices,
        )


def run_export(args: argparse.Namespace) -> object:
    from netui.export import export_network

    return export_network(args.db, args.format, args.path, within=args.within)


def run_serve(args: argparse.Namespace) -> object:
    from netui.serve import public_url, serve

    serve(args.db, host=args.host, port=args.port)  # returns on Ctrl+C
    return {"served": public_url(args.host, args.port), "stopped": True}


def run_stats(args: argparse.Namespace) -> object:
    return open_world(args).stats()


def run_lab(args: argparse.Namespace) -> object:
    from netui import lab

    campaign = lab.Campaign(
        query=" ".join(args.query or ()),
        degrees=args.degree or (),
        ids=tuple(args.ids or ()),
        count=args.count,
        checklist=args.checklist,
        length=args.length,
        category=None
        if args.category == "matched"
        else parse_enum(Category, args.category, "category"),
        weekday=args.weekday,
        plan=args.plan,
        days=args.days,
        vary=parse_enum(lab.Vary, args.vary, "thing to vary"),
    )
    report = lab.run_lab(args.db, campaign, prices=args.config.prices)
    if args.csv:
        write_text(args.csv, report.as_csv())
    return report


def write_text(path: Path, text: str) -> None:
    """Write a report file whole or not at all: a half-written CSV is worse than none."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BadInput(f"Cannot write {path}: {error.strerror or error}.") from None


def register_network(add: Add) -> None:
    """seed, import-ldbc, export, serve, stats."""
    p = add(
        "seed",
        "build a new synthetic network",
        run_seed,
        "netui seed",
        "netui seed --recipe tiny --seed 3",
        "netui seed --recipe large --force",
        "netui seed --recipe ./my-recipe.toml --members 5000",
    )
    p.add_argument(
        "--recipe",
        default="default",
        type=text_of("--recipe"),
        help="recipe name in seed/ or a TOML file",
    )
    p.add_argument("--members", type=whole_number, help="override the recipe's member count")
    p.add_argument("--seed", type=whole_number, help="override the recipe's random seed")
    p.add_argument("--force", action="store_true", help="replace an existing database")

    p = add(
        "import-ldbc",
        "build a network from an LDBC SNB CSV snapshot",
        run_import_ldbc,
        "netui import-ldbc ~/ldbc/social_network-sf1-CsvCompositeMergeForeign",
        "netui import-ldbc ./initial_snapshot --me 933 --force",
    )
    p.add_argument(
        "dir",
        type=file_path,
        help="the folder holding static/ and dynamic/, "
        "or one above csv/bi/composite-merged-fk/initial_snapshot",
    )
    p.add_argument(
        "--me",
        type=whole_number,
        metavar="LDBC_ID",
        help="the LDBC person id to play (default: the best-connected person)",
    )
    p.add_argument("--force", action="store_true", help="replace an existing database")

    p = add(
        "export",
        "write the network for Gephi or NetworkX",
        run_export,
        "netui export --format graphml network.graphml",
        "netui export --format gexf mine.gexf --within 2",
        "netui export --format csv ./tables",
    )
    p.add_argument("path", type=file_path, help="the file to write (for csv: a folder)")
    p.add_argument(
        "--format",
        default="graphml",
        choices=("graphml", "gexf", "csv"),
        help="graphml (default), gexf, or csv (nodes/edges/groups tables)",
    )
    p.add_argument(
        "--within",
        type=int,
        choices=(1, 2, 3),
        metavar="N",
        help="only me and members up to N (1-3) hops away",
    )

    p = add(
        "serve",
        "open netui in a web browser (needs netui[web])",
        run_serve,
        "netui serve",
        "netui serve --port 8080",
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        type=text_of("--host"),
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    p.add_argument(
        "--port", type=whole_number, default=8000, help="port to listen on (default 8000)"
    )

    add(
        "stats",
        "the dashboard numbers (R10) and how the network looks",
        run_stats,
        "netui stats",
        "netui stats --json",
    )


def register_lab(add: Add) -> None:
    """The policy lab (R12)."""
    p = add(
        "lab",
        "the policy lab: one InMail campaign under each refund policy, side by side (R12)",
        run_lab,
        "netui lab --query engineer --count 60",
        "netui lab --degree 2nd,3rd --checklist 8 --length short --weekday tue",
        "netui lab --ids 12,40,77 --vary checklist --csv lab.csv",
    )
    p.add_argument("--query", nargs="+", type=text_of("--query"), help="search words")
    p.add_argument("--degree", type=degrees, help="comma-separated: 2nd,3rd,group,out")
    p.add_argument(
        "--ids",
        type=lambda t: [member_id(part) for part in t.split(",") if part.strip()],
        help="comma-separated member ids instead of a search",
    )
    p.add_argument("--count", type=whole_number, default=60, help="how many InMails (60)")
    p.add_argument(
        "--checklist", type=whole_number, default=5, help="the draft's checklist score, 0-9 (5)"
    )
    p.add_argument(
        "--length",
        default="medium",
        help="short (<400 chars), medium (400-800) or long (>1,200) (medium)",
    )
    p.add_argument(
        "--category",
        default="matched",
        help="matched (each recipient's welcomed category) or a category name (matched)",
    )
    p.add_argument("--weekday", default="mon", help="mon..sun: the day it goes out (mon)")
    p.add_argument(
        "--plan", type=lambda t: parse_enum(Plan, t, "plan"), help="the plan (default: mine)"
    )
    p.add_argument("--days", type=whole_number, default=90, help="days to follow it (90)")
    p.add_argument("--vary", default="policy", help="policy (default), plan, checklist or length")
    p.add_argument("--csv", type=file_path, help="also write the report as CSV to this file")
