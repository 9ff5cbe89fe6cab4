"""R3: how I may contact a member. The one routing decision every screen and command uses."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from netui.core.model import Degree, Route

GROUP_MESSAGES_PER_MONTH = 15


@dataclass(frozen=True)
class Reach:
    """What the routing decision needs to know about one member, from my side."""

    degree: Degree
    shares_group: bool
    accepts_inmail: bool
    open_profile: bool
    is_me: bool = False


class Refusal(StrEnum):
    """Why there is no route to a member."""

    SELF = "self"
    FIRST_DEGREE = "first_degree"  # InMail asked for; a message is the way
    INMAIL_OFF = "inmail_off"
    NO_CREDITS = "no_credits"


# The reason a paid InMail gives; a screen that already shows the cost leaves it out.
INMAIL_COST_REASON = "InMail costs 1 credit."

REFUSAL_REASONS = {
    Refusal.INMAIL_OFF: "This member does not accept InMail.",
    Refusal.NO_CREDITS: "You have no InMail credits; buy a pack or change plan.",
}


@dataclass(frozen=True)
class RouteDecision:
    degree: Degree
    route: Route
    cost: int
    allowed: bool
    reasons: tuple[str, ...] = ()
    # Why not, for screens and scripts: the way out (buy credits, write a message)
    # is offered from these, never by reading the reasons' words.
    refusals: tuple[Refusal, ...] = ()

    @property
    def needs_credits(self) -> bool:
        return Refusal.NO_CREDITS in self.refusals

    def as_json(self) -> dict:
        return {
            "degree": self.degree.value,
            "route": self.route.value,
            "cost": self.cost,
            "allowed": self.allowed,
            "reasons": list(self.reasons),
            "refusals": [refusal.value for refusal in self.refusals],
        }


def route_for(
    reach: Reach, *, credits: int, group_messages_left: int, want_inmail: bool = False
) -> RouteDecision:
    """Decide the route to a member (R3.1–R3.5).

    `want_inmail` is set when the user explicitly asks for InMail: to a 1st-degree
    connection that is refused (R3.1); to a fellow group member it skips the free
    group message, which is the user's choice to make.
    """
    degree = reach.degree
    if reach.is_me:
        return RouteDecision(
            degree, Route.NONE, 0, False, ("That is you.",), refusals=(Refusal.SELF,)
        )
    if degree is Degree.FIRST:
        if want_inmail:
            return RouteDecision(
                degree,
                Route.NONE,
                0,
                False,
                ("You cannot InMail a 1st-degree connection; send them a message instead.",),
                refusals=(Refusal.FIRST_DEGREE,),
            )
        return RouteDecision(degree, Route.MESSAGE, 0, True, ("1st-degree connection.",))
    if reach.shares_group and not want_inmail:
        if group_messages_left > 0:
            return RouteDecision(
                degree,
                Route.GROUP_MESSAGE,
                0,
                True,
                (f"You share a group; {group_messages_left} free group messages left this month.",),
            )
        group_note = ("Free group messages used up this month; InMail instead.",)
    else:
        group_note = ()
    return _inmail(reach, credits, group_note)


def _inmail(reach: Reach, credits: int, notes: tuple[str, ...]) -> RouteDecision:
    refusals: list[Refusal] = []
    if not reach.accepts_inmail:
        refusals.append(Refusal.INMAIL_OFF)
    free = reach.open_profile
    if not free and credits <= 0:
        refusals.append(Refusal.NO_CREDITS)
    if refusals:
        reasons = tuple(REFUSAL_REASONS[refusal] for refusal in refusals)
        return RouteDecision(
            reach.degree, Route.NONE, 0, False, (*notes, *reasons), refusals=tuple(refusals)
        )
    if free:
        return RouteDecision(
            reach.degree,
            Route.FREE_INMAIL,
            0,
            True,
            (*notes, "Open Profile: InMail costs no credit."),
        )
    return RouteDecision(reach.degree, Route.INMAIL, 1, True, (*notes, INMAIL_COST_REASON))
