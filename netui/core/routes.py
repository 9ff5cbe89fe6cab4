"""R3: how I may contact a member. The one routing decision every screen and command uses."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class RouteDecision:
    degree: Degree
    route: Route
    cost: int
    allowed: bool
    reasons: tuple[str, ...] = ()
    # The paid route a refusal was about, so a screen can offer the way out
    # (buy credits) without parsing the reasons.
    needs_credits: bool = False

    def as_json(self) -> dict:
        return {
            "degree": self.degree.value,
            "route": self.route.value,
            "cost": self.cost,
            "allowed": self.allowed,
            "reasons": list(self.reasons),
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
        return RouteDecision(degree, Route.NONE, 0, False, ("That is you.",))
    if degree is Degree.FIRST:
        if want_inmail:
            return RouteDecision(
                degree,
                Route.NONE,
                0,
                False,
                ("You cannot InMail a 1st-degree connection; send them a message instead.",),
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
    reasons: list[str] = []
    if not reach.accepts_inmail:
        reasons.append("This member does not accept InMail.")
    free = reach.open_profile
    if not free and credits <= 0:
        reasons.append("You have no InMail credits; buy a pack or change plan.")
    if reasons:
        return RouteDecision(
            reach.degree,
            Route.NONE,
            0,
            False,
            (*notes, *reasons),
            needs_credits=not free and credits <= 0,
        )
    if free:
        return RouteDecision(
            reach.degree,
            Route.FREE_INMAIL,
            0,
            True,
            (*notes, "Open Profile: InMail costs no credit."),
        )
    return RouteDecision(reach.degree, Route.INMAIL, 1, True, (*notes, "InMail costs 1 credit."))
