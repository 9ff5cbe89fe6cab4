"""Commands about what came back (R7): the inbox, threads, sent InMails, answering."""

from __future__ import annotations

import argparse

from netui.cli.arguments import (
    Add,
    limit_of,
    member_id,
    message_id,
    open_world,
)


def run_inbox(args: argparse.Namespace) -> object:
    return open_world(args).inbox(limit=args.limit)


def run_thread(args: argparse.Namespace) -> object:
    return open_world(args).thread(args.id)


def run_sent(args: argparse.Namespace) -> object:
    return open_world(args).sent()


def run_reply(args: argparse.Namespace) -> object:
    return open_world(args).reply(args.message, args.body)


def run_accept(args: argparse.Namespace) -> object:
    return open_world(args).accept(args.message)


def run_decline(args: argparse.Namespace) -> object:
    return open_world(args).decline(args.message)


def register_mail(add: Add) -> None:
    """inbox, thread, sent, accept, decline, reply."""
    p = add(
        "inbox",
        "my conversations, newest first (R7)",
        run_inbox,
        "netui inbox",
        "netui inbox --limit 1000 --json",
    )
    p.add_argument(
        "--limit",
        type=limit_of("conversations"),
        default=200,
        help="at most this many conversations (200)",
    )
    p = add(
        "thread", "every message with one member (marks them read)", run_thread, "netui thread 42"
    )
    p.add_argument("id", type=member_id)
    add("sent", "my InMails with their state and credit state (R7.3)", run_sent, "netui sent")
    for name, run, what in (
        ("accept", run_accept, "accept an InMail to me"),
        ("decline", run_decline, "decline an InMail to me"),
    ):
        p = add(name, what, run, f"netui {name} 1234")
        p.add_argument("message", type=message_id, metavar="MSG", help="message id")
    p = add(
        "reply",
        "reply to a message or InMail to me",
        run_reply,
        "netui reply 1234 --body 'Thanks, happy to talk on Tuesday.'",
    )
    p.add_argument("message", type=message_id, metavar="MSG", help="message id")
    p.add_argument("--body", required=True)
