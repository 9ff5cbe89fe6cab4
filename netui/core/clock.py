"""The simulated clock's one rule for moving: forward only, by a sane amount (R6)."""

from __future__ import annotations

from datetime import date, timedelta

from netui.core.words import count
from netui.errors import BadInput

# Ten years: enough for any experiment, and a typo like 20150 days is refused.
MAX_ADVANCE_DAYS = 3_660

# What can happen while the clock moves (R6.1), in the order a summary lists it, with
# the words for one and for many. InMails and messages are counted apart: an opened
# free message is not an opened InMail.
EVENT_WORDS = {
    "inmails_opened": ("InMail opened", "InMails opened"),
    "messages_opened": ("message opened", "messages opened"),
    "accepted": ("InMail accepted", "InMails accepted"),
    "declined": ("InMail declined", "InMails declined"),
    "replied": ("reply", "replies"),
    "refunded": ("credit refunded", "credits refunded"),
    "expired": ("credit expired", "credits expired"),
    "granted": ("credit granted", "credits granted"),
    "charges": ("plan month charged", "plan months charged"),
    "invitations_accepted": ("invitation accepted", "invitations accepted"),
    "new_messages": ("new message", "new messages"),
}
EVENT_KINDS = tuple(EVENT_WORDS)


def describe_events(events: dict[str, int]) -> str:
    """'2 InMails opened, 1 reply, 1 credit refunded', or 'nothing new happened'."""
    happened = [count(n, *EVENT_WORDS.get(kind, (kind, kind))) for kind, n in events.items() if n]
    return ", ".join(happened) if happened else "nothing new happened"


def target_date(today: date, days: int | None, to: date | None) -> date:
    """The day the clock moves to: `days` from today, or the date `to`; BadInput if
    neither or both are given, or the move is backwards or too far."""
    if (days is None) == (to is None):
        raise BadInput("Say how far to advance: a number of days, or --to YYYY-MM-DD.")
    if to is None:
        if not 1 <= days <= MAX_ADVANCE_DAYS:
            raise BadInput(f"Advance between 1 and {MAX_ADVANCE_DAYS:,} days, not {days}.")
        return today + timedelta(days=days)
    if to <= today:
        raise BadInput(
            f"{to.isoformat()} is not after today ({today.isoformat()}); "
            "the clock only moves forward."
        )
    if (to - today).days > MAX_ADVANCE_DAYS:
        raise BadInput(f"Advance at most {MAX_ADVANCE_DAYS:,} days at a time.")
    return to
