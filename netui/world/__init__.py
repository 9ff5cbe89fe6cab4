"""The one application API: what the CLI and the terminal UI call.

A `World` is one netui database seen from the member I play. Every rule lives in
`netui.core`, every SQL statement in `netui.store`; the modules of this package put
them together, one transaction per user action, each about one thing:

- `context`: what they all share (the database, prices, who and when I am)
- `building`: building a network into a new file, or opening one
- `persona`: who I play, and the network as that member sees it (R2)
- `views`: routes, profiles, search and the dashboard (R3, R9, R10)
- `preferences`: my settings and my profile (R8)
- `messaging`: writing to members and inviting them (R3, R4)
- `mailbox`: my conversations, sent InMails, and answering (R7)
- `account`: my credits as the Credits screen shows them (R5)
- `billing`: packs, plans and billing days (R5.2, R5.3, R5.8)
- `clock`: moving the simulated clock, and what each day brings (R6)
- `results`: the frozen types every answer comes in, each with the JSON of R11

`World` itself only hands each call to the module that does it, with its context.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

import sqlite_utils

from netui.core.money import PriceList
from netui.world import (
    account,
    billing,
    building,
    clock,
    mailbox,
    messaging,
    persona,
    preferences,
    views,
)
from netui.world.building import BuildSummary
from netui.world.context import Context
from netui.world.results import Facets

__all__ = ["BuildSummary", "World"]

P = ParamSpec("P")
R = TypeVar("R")


def _on_context(
    function: Callable[Concatenate[Context, P], R],
) -> Callable[Concatenate[World, P], R]:
    """A World method that calls `function` with the world's context; its name,
    signature and docstring are the function's own."""

    @wraps(function)
    def method(world: World, /, *args: P.args, **kwargs: P.kwargs) -> R:
        return function(world.ctx, *args, **kwargs)

    return method


class World:
    """One netui database seen from the member I play; open one with `World.open`."""

    def __init__(self, db: sqlite_utils.Database, prices: PriceList | None = None) -> None:
        self.ctx = Context(db, prices)
        self._facets: Facets | None = None

    @classmethod
    def open(cls, path: Path, prices: PriceList | None = None) -> World:
        """The world in an existing database that holds a network."""
        return cls(building.open_existing(path), prices)

    build = staticmethod(building.build)

    @property
    def db(self) -> sqlite_utils.Database:
        return self.ctx.db

    @property
    def prices(self) -> PriceList:
        return self.ctx.prices

    @property
    def me(self) -> int:
        return self.ctx.me

    @property
    def today(self) -> date:
        return self.ctx.today

    # Who I play, and members as I see them.
    switch_persona = _on_context(persona.switch)
    member = _on_context(Context.member)
    standing = _on_context(Context.standing)
    route = _on_context(views.route)
    profile = _on_context(views.profile)
    search = _on_context(views.search)

    def facets(self) -> Facets:
        """What search can be narrowed by. Members never move, so it is read once."""
        if self._facets is None:
            self._facets = views.facets(self.ctx)
        return self._facets

    # The dashboard.
    stats = _on_context(views.stats)
    glance = _on_context(views.glance)

    # Settings.
    settings = _on_context(preferences.settings)
    my_profile = _on_context(preferences.my_profile)
    change_settings = _on_context(preferences.change_settings)
    refund_policy = _on_context(Context.refund_policy)

    # Writing, inviting, and what came back.
    send = _on_context(messaging.send)
    draft_checklist = _on_context(messaging.draft_checklist)
    draft_for = _on_context(messaging.draft_for)
    save_draft = _on_context(messaging.save_draft)
    drop_draft = _on_context(messaging.drop_draft)
    connect = _on_context(messaging.connect)
    withdraw = _on_context(messaging.withdraw)
    invitations = _on_context(messaging.pending_invitations)
    inbox = _on_context(mailbox.inbox)
    thread = _on_context(mailbox.thread)
    sent = _on_context(mailbox.sent)
    waiting_for_answer = _on_context(mailbox.waiting_for_answer)
    reply = _on_context(mailbox.reply)
    accept = _on_context(mailbox.accept)
    decline = _on_context(mailbox.decline)

    # Credits and money.
    balance = _on_context(Context.balance)
    my_plan = _on_context(Context.my_plan)
    group_messages_left = _on_context(account.group_messages_left)
    credits = _on_context(account.overview)
    buy = _on_context(billing.buy)
    change_plan = _on_context(billing.change_plan)

    # The policy lab's runs (R12).
    balance_by_day = _on_context(account.balance_by_day)
    spent_cents = _on_context(account.spent_cents)
    campaign_outcome = _on_context(account.campaign_outcome)
    refreeze_refund_policy = _on_context(account.refreeze_refund_policy)

    # The clock.
    advance = _on_context(clock.advance)
