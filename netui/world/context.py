"""What every part of the world shares: the database, the price list, and who and
when I am.

The modules of `netui.world` receive this context rather than the `World`, so each
stays about one thing and calls another only through its functions. Everything here
is read from the database when asked (who I play and the date change as I act), so a
context never holds a stale answer.
"""

from __future__ import annotations

from datetime import date, timedelta

import sqlite_utils

from netui.core.degrees import Standing
from netui.core.model import Plan, RefundPolicy
from netui.core.money import PriceList
from netui.errors import UnknownMember
from netui.store import ledger, members, meta, reach

OUT_OF_REACH = Standing(None, None, 0, 0)


class Context:
    def __init__(self, db: sqlite_utils.Database, prices: PriceList | None = None) -> None:
        self.db = db
        # What money buys (R5.8): the configuration's price list, or the 2015 prices.
        self.prices = prices or PriceList()

    @property
    def me(self) -> int:
        """The member I play."""
        return meta.get(self.db, "me")

    @property
    def today(self) -> date:
        """The simulated date."""
        return date.fromisoformat(meta.get(self.db, "today"))

    @property
    def seed(self) -> int:
        """The world's seed: every random draw after building is taken from it (R6.5)."""
        return meta.get(self.db, "seed")

    def member(self, member_id: int) -> dict:
        member = members.get(self.db, member_id)
        if member is None:
            raise UnknownMember(member_id)
        return member

    def standing(self, member_id: int) -> Standing:
        """Where a member stands from me (R2); out of reach if beyond the 3rd degree."""
        return reach.standing(self.db, member_id) or OUT_OF_REACH

    def my_plan(self) -> Plan:
        return Plan(self.member(self.me)["plan"])

    def balance(self) -> int:
        """My credits: the sum of my ledger (R5.7)."""
        return ledger.balance(self.db, self.me)

    def refund_policy(self) -> RefundPolicy:
        """The policy new InMails go out under (R5.5)."""
        return RefundPolicy(meta.get(self.db, "refund_policy"))


def day_or_none(text: str | None) -> date | None:
    """A stored ISO date, or None where nothing happened yet."""
    return date.fromisoformat(text) if text else None


def not_before_tomorrow(today: date, days: int | None) -> date | None:
    """A planned reaction, never on the sending day: that day has already been lived."""
    return None if days is None else today + timedelta(days=max(1, days))
