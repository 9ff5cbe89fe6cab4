"""Errors a user can cause. Each carries a message a person can act on.

The CLI prints them and exits with status 2; the UI shows them as notifications.
"""

from __future__ import annotations


class NetuiError(Exception):
    """Base of every user-facing error: a message and optional detailed reasons."""

    def __init__(self, message: str, reasons: list[str] | tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.reasons = list(reasons)

    def as_json(self) -> dict:
        return {"error": self.message, "reasons": self.reasons}


class BadInput(NetuiError):
    """A value the user typed is not acceptable (bad id, date, size, flag...)."""


class UnknownMember(BadInput):
    def __init__(self, member_id: object) -> None:
        super().__init__(f"No member with id {member_id!s}.")


class Refused(NetuiError):
    """The action is understood but the rules forbid it (R3.4, R5.1 ...)."""


class DatabaseError(NetuiError):
    """The database file is missing, foreign, damaged or from a newer netui."""
