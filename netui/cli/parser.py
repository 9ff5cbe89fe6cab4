"""The whole command line: every command with its arguments, in the order `--help`
lists them. Each area's commands are declared beside the functions that run them."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from netui import __version__
from netui.cli.arguments import Parser, file_path
from netui.cli.mail import register_mail
from netui.cli.members import register_members, register_settings
from netui.cli.money import register_money
from netui.cli.network import register_lab, register_network


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

    for register in (
        register_network,
        register_members,
        register_lab,
        register_mail,
        register_money,
        register_settings,
    ):
        register(add)
    return parser
