"""The simulated clock's one rule for moving: forward only, by a sane amount (R6)."""

from __future__ import annotations

from datetime import date, timedelta

from netui.errors import BadInput

# Ten years: enough for any experiment, and a typo like 20150 days is refused.
MAX_ADVANCE_DAYS = 3_660


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
