"""Who I play, and the network as that member sees it (R2).

Where every member stands from me (degree, a path, mutual connections, shared groups)
is worked out once by a breadth-first search when I start playing a member, and kept
in the store's `reach` table. A new connection of mine only moves the members it brings
closer; a connection between two others (a persona I played before) is rarer, and its
effect is worked out again from the whole graph.
"""

from __future__ import annotations

import sqlite_utils

from netui.core.adjacency import Adjacency
from netui.core.degrees import after_connecting, reach_rows
from netui.store import connections, groups, meta, reach
from netui.store.db import transaction
from netui.world import billing
from netui.world.context import Context


def look_from(db: sqlite_utils.Database, me: int, adjacency: Adjacency) -> None:
    """Work out where every member stands from `me` and keep it."""
    reach.save(db, reach_rows(adjacency, me, groups.shared_counts(db, me)))


def switch(ctx: Context, member_id: int) -> None:
    """Play as another member: my view of the graph is recomputed, and their
    subscription starts if I never played them before."""
    ctx.member(member_id)
    with transaction(ctx.db):
        look_from(ctx.db, member_id, connections.load_adjacency(ctx.db))
        meta.update(ctx.db, me=member_id)
        billing.open_account(ctx, member_id)


def connected(ctx: Context, a: int, b: int) -> None:
    """Keep my view up to date after members `a` and `b` connect (R2.3)."""
    me = ctx.me
    if me in (a, b):
        friend = b if a == me else a
        changed = after_connecting(
            me, friend, connections.Neighbours(ctx.db), lambda m: reach.standing(ctx.db, m)
        )
        reach.update(ctx.db, changed)
    else:  # a persona I played before: the change reaches me through the graph
        look_from(ctx.db, me, connections.load_adjacency(ctx.db))
