"""The scriptable face of netui (SPEC R11): parse, call the World, print.

Every command takes `--db` and `--json`. A refused or invalid action prints one
clear line (or `{"error": …, "reasons": […]}` with --json) and exits with status 2.
"""

from __future__ import annotations

import gc
import sqlite3
import sys
from collections.abc import Sequence

from netui.cli.output import fail, succeed
from netui.cli.parser import build_parser
from netui.config import default_database_path, load_config
from netui.errors import NetuiError

__all__ = ["main"]


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
    return succeed(args.command, result, as_json)
