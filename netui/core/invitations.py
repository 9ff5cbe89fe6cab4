"""R3.6: invitations to connect, and the pause after withdrawing one."""

from __future__ import annotations

from datetime import date, timedelta

from netui.errors import Refused

# LinkedIn's rule: after withdrawing an invitation, the same member cannot be
# invited again for three weeks.
REINVITE_AFTER = timedelta(days=21)


def can_invite_again(withdrawn: date) -> date:
    """The first day a member can be invited again after a withdrawal on `withdrawn`."""
    return withdrawn + REINVITE_AFTER


def check_may_invite(name: str, withdrawn: date | None, today: date) -> None:
    """Raise Refused while the pause after a withdrawal runs, saying until when."""
    if withdrawn is None:
        return
    again = can_invite_again(withdrawn)
    if today < again:
        raise Refused(
            f"You withdrew your invitation to {name} on {withdrawn.isoformat()}; "
            f"you can invite them again from {again.isoformat()}.",
            [f"After a withdrawal, {REINVITE_AFTER.days} days pass before a new invitation."],
        )
