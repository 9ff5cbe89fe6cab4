"""How numbers are said, everywhere (the UI, the commands' text, the World's messages).

One home for plurals, so no screen says "1 messages" or "1 shared groups".
"""

from __future__ import annotations


def count(value: int | None, one: str, many: str | None = None) -> str:
    """'1 message', '2 messages', '1,200 countries' (give `many` when it is not one + s)."""
    value = value or 0
    return f"{value:,} {plural(value, one, many)}"


def plural(value: int | None, one: str, many: str | None = None) -> str:
    """The noun alone, as `count` would say it: for '3 new messages' and the like."""
    return one if value == 1 else (many or one + "s")
