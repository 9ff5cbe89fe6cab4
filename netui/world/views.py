"""Members and the network as I see them: routes, profiles, search and the dashboard.

Nothing here changes the world. Every view is read from what the store keeps (my
`reach`, stored counts), so opening a profile or the dashboard never walks the graph;
the routing decision itself (R3) is `netui.core.routes.route_for`, taken here with
my credits and free group messages as they stand.
"""

from __future__ import annotations

from netui.core.degrees import path_to
from netui.core.invitations import can_invite_again
from netui.core.model import Category, Degree, Plan
from netui.core.routes import Reach, RouteDecision, route_for
from netui.errors import BadInput
from netui.store import connections, groups, invitations, members, messages, meta, reach
from netui.store.search import SearchFilters, search_members
from netui.world import account
from netui.world.context import Context
from netui.world.results import Facet, Facets, Glance, Profile, SearchResult, Stats

MAX_SEARCH_LIMIT = 10_000


# ── routes (R3) ──────────────────────────────────────────────────────────────


def route(ctx: Context, member_id: int, *, want_inmail: bool = False) -> RouteDecision:
    """How I may contact a member, if at all, and why."""
    member = ctx.member(member_id)
    standing = ctx.standing(member_id)
    return _decide(
        ctx,
        member_id,
        standing.degree,
        shares_group=standing.shared_groups > 0,
        accepts_inmail=member["accepts_inmail"],
        open_profile=member["open_profile"],
        want_inmail=want_inmail,
    )


def _decide(
    ctx: Context,
    member_id: int,
    degree: Degree,
    *,
    shares_group: bool,
    accepts_inmail: bool,
    open_profile: bool,
    want_inmail: bool = False,
    allowance: tuple[int, int] | None = None,
) -> RouteDecision:
    """The route to a member from what is already known of them; `allowance` is my
    (credits, free group messages left), read once for a whole page of results."""
    credits, group_left = allowance or _allowance(ctx)
    seen = Reach(degree, shares_group, accepts_inmail, open_profile, member_id == ctx.me)
    return route_for(seen, credits=credits, group_messages_left=group_left, want_inmail=want_inmail)


def _allowance(ctx: Context) -> tuple[int, int]:
    return ctx.balance(), account.group_messages_left(ctx)


# ── one member ───────────────────────────────────────────────────────────────


def profile(ctx: Context, member_id: int) -> Profile:
    """A member with where they stand from me, how we are linked and how I may write."""
    member = ctx.member(member_id)
    standing = ctx.standing(member_id)
    me = ctx.me
    path = path_to(me, member_id, lambda m: reach.parent(ctx.db, m)) if standing.hops else []
    return Profile(
        **{
            **member,
            "skills": tuple(member["skills"]),
            "plan": Plan(member["plan"]),
            "categories": tuple(Category(c) for c in member["categories"]),
        },
        degree=standing.degree,
        mutual=standing.mutual,
        mutual_names=tuple(reach.mutual_names(ctx.db, member_id)),
        shared_groups=standing.shared_groups,
        shared_group_names=tuple(groups.shared_names(ctx.db, me, member_id)),
        path=tuple(path),
        path_names=tuple(members.name(ctx.db, m) for m in path),
        connections=len(connections.neighbours(ctx.db, member_id)),
        invitation_pending=invitations.pending(ctx.db, me, member_id) is not None,
        can_invite_again=_invite_again_from(ctx, member_id),
        route=route(ctx, member_id),
        inmail_route=route(ctx, member_id, want_inmail=True),
    )


def _invite_again_from(ctx: Context, member_id: int) -> str | None:
    """While the pause after a withdrawal runs (R3.6), the day it ends."""
    withdrawn = invitations.last_withdrawn(ctx.db, ctx.me, member_id)
    if withdrawn is None or can_invite_again(withdrawn) <= ctx.today:
        return None
    return can_invite_again(withdrawn).isoformat()


# ── search (R9) ──────────────────────────────────────────────────────────────


def search(
    ctx: Context, text: str, filters: SearchFilters | None = None, limit: int = 50
) -> list[SearchResult]:
    """Matching members with degree, mutual, shared groups and the route R3 allows."""
    if not 1 <= limit <= MAX_SEARCH_LIMIT:
        raise BadInput(f"--limit must be between 1 and {MAX_SEARCH_LIMIT:,}.")
    allowance = _allowance(ctx)
    results = []
    for row in search_members(ctx.db, text, filters or SearchFilters(), limit, ctx.me):
        degree = list(Degree)[row.pop("degree_rank")]
        decision = _decide(
            ctx,
            row["id"],
            degree,
            shares_group=row["shared_groups"] > 0,
            accepts_inmail=bool(row.pop("accepts_inmail")),
            open_profile=bool(row.pop("open_profile")),
            allowance=allowance,
        )
        results.append(SearchResult(**row, degree=degree, decision=decision))
    return results


def facets(ctx: Context) -> Facets:
    """What search can be narrowed by: every country and industry, with how many
    members are in it, by name."""

    def values(column: str) -> tuple[Facet, ...]:
        return tuple(Facet(name, n) for name, n in members.count_by(ctx.db, column))

    return Facets(countries=values("country"), industries=values("industry"))


# ── the dashboard (R10) ─────────────────────────────────────────────────────


def stats(ctx: Context) -> Stats:
    """The numbers at a glance, from stored counts (nothing recomputed)."""

    def get(key: str):
        return meta.get(ctx.db, key)

    counts = reach.rank_counts(ctx.db)
    total = get("member_count")
    degrees = {d: counts.get(d.rank, 0) for d in Degree if d is not Degree.OUT}
    degrees[Degree.OUT] = total - sum(degrees.values()) - 1  # minus me
    return Stats(
        members=total,
        connections=get("connection_count"),
        groups=get("group_count"),
        countries=get("country_count"),
        source=get("source"),
        degrees=degrees,
        network=get("measures"),
        glance=glance(ctx),
    )


def glance(ctx: Context) -> Glance:
    """What moves as I act and the days pass: the date, my credits, score, unread
    messages, invitations. Cheap (no counting over the network): for a status bar."""
    me = ctx.me
    return Glance(
        date=ctx.today.isoformat(),
        me=me,
        me_name=members.name(ctx.db, me),
        credits=ctx.balance(),
        plan=ctx.my_plan(),
        score_line=account.score_and_expiry(ctx),
        unread=messages.unread_count(ctx.db, me),
        pending_invitations=invitations.pending_count(ctx.db, me),
        group_messages_left=account.group_messages_left(ctx),
    )
