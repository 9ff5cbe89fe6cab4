"""The scriptable face of netui (SPEC R11): parse, call the World, print.

Every command takes `--db` and `--json`. A refused or invalid action prints one
clear line (or `{"error": …, "reasons": […]}` with --json) and exits with status 2.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from netui import __version__
from netui.cli_text import render
from netui.config import default_database_path, load_config
from netui.core.inputs import (
    check_text,
    parse_date,
    parse_id,
    parse_limit,
    parse_whole_number,
)
from netui.core.model import Category, Degree, Plan, RefundPolicy, parse_enum
from netui.errors import BadInput, NetuiError

# The World and the search filters are imported where a command needs them: `netui`
# with no command opens the UI, which loads them in a worker after its first frame.
if TYPE_CHECKING:
    from netui.world import World

EXIT_REFUSED = 2


class Parser(argparse.ArgumentParser):
    """argparse, but a bad flag is a BadInput like any other (so --json still applies)."""

    def error(self, message: str):  # type: ignore[override]
        raise BadInput(f"{self.prog}: {message}")


# ── argument types ─────────────────────────────────────────────────────────


# Each type checks one kind of value the same way for every command (netui.core.inputs);
# a bad value is a BadInput, so it exits 2 before any database is opened.


def member_id(text: str) -> int:
    return parse_id(text, "member")


def message_id(text: str) -> int:
    return parse_id(text, "message")


def limit_of(what: str) -> Callable[[str], int]:
    """How many `what` a listing shows: 1 to MAX_LIMIT."""
    return lambda text: parse_limit(text, what)


def text_of(field: str, *, multiline: bool = False) -> Callable[[str], str]:
    """Free text for `field`: no control characters, no undecodable bytes."""
    return lambda text: check_text(field, text, multiline=multiline)


def file_path(text: str) -> Path:
    if not text or "\0" in text:
        raise BadInput(f"{text!r} is not a file name.")
    return Path(text)


def on_off(text: str) -> bool:
    value = text.strip().lower()
    if value not in ("on", "off"):
        raise argparse.ArgumentTypeError(f"expected on or off, not {text!r}")
    return value == "on"


def categories(text: str) -> list[Category]:
    return [parse_enum(Category, part, "category") for part in text.split(",") if part.strip()]


def iso_date(text: str) -> date:
    return parse_date(text)


def whole_number(text: str) -> int:
    return parse_whole_number(text)


def category(text: str) -> Category:
    return parse_enum(Category, text, "category")


def degrees(text: str) -> tuple[Degree, ...]:
    return tuple(parse_enum(Degree, part, "degree") for part in text.split(",") if part.strip())


# ── commands ───────────────────────────────────────────────────────────────


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


def run_search(args: argparse.Namespace) -> object:
    from netui.store.search import SearchFilters

    filters = SearchFilters(
        degrees=args.degree or (),
        country=args.country,
        industry=args.industry,
        company=args.company,
    )
    return open_world(args).search(" ".join(args.query), filters, limit=args.limit)


def run_profile(args: argparse.Namespace) -> object:
    return open_world(args).profile(args.id)


def run_route(args: argparse.Namespace) -> object:
    return open_world(args).route(args.id, want_inmail=args.inmail).as_json()


def run_settings(args: argparse.Namespace) -> object:
    world = open_world(args)
    if args.me is not None:
        world.switch_persona(args.me)
    return world.change_settings(
        accept_inmail=args.accept_inmail,
        categories=args.categories,
        contact_visible=args.contact_visible,
        open_profile=args.open_profile,
        refund_policy=args.refund_policy,
        headline=args.headline,
        summary=args.summary,
        photo=args.photo,
        company=args.company,
        skills=args.skills,
    )


def run_send(args: argparse.Namespace) -> object:
    return open_world(args).send(
        args.id,
        body=args.body,
        subject=args.subject,
        category=args.category,
        want_inmail=args.inmail,
    )


def run_connect(args: argparse.Namespace) -> object:
    return open_world(args).connect(args.id)


def run_withdraw(args: argparse.Namespace) -> object:
    return open_world(args).withdraw(args.id)


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


def run_credits(args: argparse.Namespace) -> object:
    return open_world(args).credits(ledger_limit=args.ledger)


def run_buy(args: argparse.Namespace) -> object:
    return open_world(args).buy(args.pack)


def run_plan(args: argparse.Namespace) -> object:
    return open_world(args).change_plan(args.plan)


def run_advance(args: argparse.Namespace) -> object:
    return open_world(args).advance(args.days, to=args.to)


def open_world(args: argparse.Namespace) -> World:
    from netui.world import World

    return World.open(args.db, args.config.prices)


def build_parser() -> Parser:
    common = Parser(add_help=False)
    # SUPPRESS: `--db X` given before the command must survive the subcommand's parsing.
    common.add_argument(
        "--db",
        type=file_path,
        default=argparse.SUPPRESS,
        help="database file (default: netui.db in the user data directory, or $NETUI_DB)",
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON document"
    )

    parser = Parser(
        prog="netui",
        description="A simulated professional network and its InMail credit economy. "
        "With no command, opens the terminal UI.",
        parents=[common],
        epilog="Examples:\n  netui\n  netui seed --recipe tiny\n  netui search data engineer "
        "--degree 2nd\n  netui send 42 --inmail --category job-inquiry --subject ... --body ...",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"netui {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def add(name: str, help: str, run: Callable, *examples: str) -> Parser:
        epilog = "Examples:\n" + "\n".join(f"  {e}" for e in examples) if examples else None
        p = sub.add_parser(
            name,
            help=help,
            description=help,
            parents=[common],
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(run=run)
        return p

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

    p = add(
        "search",
        "find members (R9), 1st degree first",
        run_search,
        "netui search data engineer",
        "netui search --degree 2nd,3rd --country Italy rossi",
        "netui search --company acme --limit 100",
    )
    p.add_argument(
        "query",
        nargs="*",
        type=text_of("The search", multiline=True),
        help="words to look for (empty: my connections)",
    )
    p.add_argument("--degree", type=degrees, help="comma-separated: 1st,2nd,3rd,group,out")
    p.add_argument("--country", type=text_of("--country"), help="country name or ISO code")
    p.add_argument("--industry", type=text_of("--industry"), help="industry name")
    p.add_argument("--company", type=text_of("--company"), help="part of a company name")
    p.add_argument(
        "--limit", type=limit_of("results"), default=20, help="at most this many results (20)"
    )

    p = add("profile", "one member, from my side", run_profile, "netui profile 42")
    p.add_argument("id", type=member_id)

    p = add(
        "route",
        "how I may contact a member (R3)",
        run_route,
        "netui route 42",
        "netui route 42 --inmail",
    )
    p.add_argument("id", type=member_id)
    p.add_argument("--inmail", action="store_true", help="ask for InMail explicitly")

    p = add(
        "send",
        "write to a member by the route R3 allows",
        run_send,
        "netui send 42 --body 'Hi Marco, long time no see!'",
        "netui send 77 --inmail --category job-inquiry --subject 'Data roles at Acme' "
        "--body 'Dear Chiara, ...'",
    )
    p.add_argument("id", type=member_id)
    p.add_argument("--body", required=True, help="the text (1–2,000 characters)")
    p.add_argument("--subject", help="InMail subject (1–200 characters)")
    p.add_argument("--category", type=category, help="InMail category, e.g. job-inquiry")
    p.add_argument("--inmail", action="store_true", help="send as InMail (costs a credit)")

    p = add("connect", "invite a member to connect (R3.6)", run_connect, "netui connect 42")
    p.add_argument("id", type=member_id)
    p = add(
        "withdraw",
        "withdraw my pending invitation to a member (R3.6); 21 days before inviting again",
        run_withdraw,
        "netui withdraw 42",
    )
    p.add_argument("id", type=member_id)

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

    p = add(
        "settings",
        "show or change my settings (R8)",
        run_settings,
        "netui settings",
        "netui settings --me 1234",
    )
    p.add_argument("--me", type=member_id, help="play as another member")
    p.add_argument("--accept-inmail", type=on_off, help="on|off: whether I accept InMail")
    p.add_argument(
        "--categories",
        type=categories,
        help="comma-separated categories I welcome, e.g. job-inquiry,new-venture",
    )
    p.add_argument("--contact-visible", type=on_off, help="on|off: contact info on my profile")
    p.add_argument("--open-profile", type=on_off, help="on|off: free InMail to me (premium)")
    p.add_argument(
        "--refund-policy",
        type=lambda t: parse_enum(RefundPolicy, t, "refund policy"),
        help="open-within-90-days | response-within-90-days | unopened-after-7-days",
    )
    p.add_argument(
        "--headline",
        type=text_of("--headline"),
        help="my headline, e.g. 'Data engineer at Acme' (R8.2)",
    )
    p.add_argument(
        "--summary",
        type=text_of("--summary", multiline=True),
        help="my profile summary (up to 2,000 characters)",
    )
    p.add_argument("--photo", type=on_off, help="on|off: a photo on my profile")
    p.add_argument("--company", type=text_of("--company"), help="my current position's company")
    p.add_argument(
        "--skills",
        type=lambda t: [part for part in text_of("--skills")(t).split(",") if part.strip()],
        help="comma-separated skills, e.g. 'python,sql,data modelling'",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in argv
    try:
        args = build_parser().parse_args(argv)
        config = load_config()
        for warning in config.warnings:
            print(f"netui: {warning}", file=sys.stderr)
        args.db = getattr(args, "db", None) or default_database_path(config)
        args.config = config
        args.json = getattr(args, "json", False)
        if args.command is None:
            # No garbage collection until the UI is up: start-up makes long-lived
            # objects, not garbage, and a full collection would cost tens of ms.
            # NetuiApp.world_ready freezes what exists and turns collection back on.
            gc.disable()
            from netui.ui.app import run_app

            return run_app(args.db)
        result = args.run(args)
    except NetuiError as error:
        return fail(error, as_json)
    except sqlite3.Error as error:  # the file or its disk failed: say which, and what to do
        from netui.store.db import database_fault

        return fail(database_fault(error, args.db), as_json)
    except OSError as error:  # a file or folder the command needs is out of reach
        what = error.strerror or str(error)
        said = f"Cannot use {error.filename}: {what}." if error.filename else f"{what}."
        return fail(NetuiError(said), as_json)
    except KeyboardInterrupt:
        return 130
    if as_json:
        emit(json.dumps(to_json(result), ensure_ascii=False, indent=2), sys.stdout)
    else:
        emit(render(args.command, result), sys.stdout)
    return 0  # the work is done, even if the reader of the output has gone


def fail(error: NetuiError, as_json: bool) -> int:
    if as_json:
        emit(json.dumps(error.as_json(), ensure_ascii=False), sys.stdout)
    else:
        lines = [f"netui: {error.message}", *(f"  - {reason}" for reason in error.reasons)]
        emit("\n".join(lines), sys.stderr)
    return EXIT_REFUSED


def emit(text: str, stream: TextIO | None) -> None:
    """Write one document, as `git` and `ls` do: a reader that leaves early
    (`netui search … | head -1`) ends the output quietly, not with a traceback.

    Characters the stream cannot encode (a file name with bytes that are not UTF-8,
    a name in a script a Latin-1 terminal lacks) are written as backslash escapes,
    which in JSON are the very same characters.
    """
    if stream is None:  # started with the descriptor closed (`netui stats >&-`)
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    text = text.encode(encoding, "backslashreplace").decode(encoding)
    try:
        stream.write(text + "\n")
        stream.flush()
    except BrokenPipeError:
        _discard_rest(stream)


def _discard_rest(stream: TextIO) -> None:
    """Send what is still buffered to /dev/null: Python flushes the standard streams on
    exit, and a second broken pipe there would print 'Exception ignored…' to stderr."""
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):  # not a real file: nothing will flush it at exit
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, descriptor)
    finally:
        os.close(devnull)


def to_json(result: object) -> object:
    as_json = getattr(result, "as_json", None)
    return as_json() if callable(as_json) else result
