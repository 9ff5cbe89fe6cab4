"""From the command line to values: the parser, and one type per kind of argument.

Each type checks one kind of value the same way for every command (netui.core.inputs);
a bad value is a BadInput, so it exits 2 before any database is opened.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from netui.core.inputs import (
    check_text,
    parse_date,
    parse_id,
    parse_limit,
    parse_whole_number,
)
from netui.core.model import Category, Degree, parse_enum
from netui.errors import BadInput

# The World is imported where a command needs it: `netui` with no command opens the
# UI, which loads it in a worker after its first frame.
if TYPE_CHECKING:
    from netui.world import World


class Parser(argparse.ArgumentParser):
    """argparse, but a bad flag is a BadInput like any other (so --json still applies)."""

    def error(self, message: str):  # type: ignore[override]
        raise BadInput(f"{self.prog}: {message}")


# How a command is added to the parser: name, help, the function that runs it, examples.
Add = Callable[..., Parser]


def open_world(args: argparse.Namespace) -> World:
    from netui.world import World

    return World.open(args.db, args.config.prices)


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
