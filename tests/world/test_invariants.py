"""R5 invariants on the real World, over random sequences of user actions (hypothesis)."""

from __future__ import annotations

import shutil
import tempfile
from contextlib import suppress
from datetime import timedelta
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from netui.core.model import Category, Plan, RefundPolicy
from netui.errors import NetuiError
from netui.world import World
from tests.handmade import handmade_network

_TEMPLATE = Path(tempfile.mkdtemp()) / "template.db"
World.build(_TEMPLATE, lambda p: handmade_network())

INMAIL = {
    "subject": "A question about your work",
    "category": Category.JOB_INQUIRY,
    "body": "Hello, I'm Giulia. Could we talk? Thanks!",
}


class CreditEconomy(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp())
        shutil.copy(_TEMPLATE, self.dir / "w.db")
        self.world = World.open(self.dir / "w.db")
        self.fates: dict[int, tuple] = {}
        # (date, plan) of every plan I have been on or asked for: the grant cap (R5.4)
        # follows the plan, and a switch takes up to a billing month to apply.
        self.plans = [(self.world.today, self.world.my_plan())]

    def teardown(self) -> None:
        self.world.db.conn.close()
        shutil.rmtree(self.dir)

    @rule(member=st.sampled_from([3, 4, 5, 7, 8, 9]), want_inmail=st.booleans())
    def send(self, member: int, want_inmail: bool) -> None:
        with suppress(NetuiError):  # refusals are fine; the invariants must hold either way
            self.world.send(member, want_inmail=want_inmail, **INMAIL)

    @rule(pack=st.sampled_from([1, 2, 5, 10]))
    def buy(self, pack: int) -> None:
        self.world.buy(pack)

    @rule(days=st.integers(1, 45))
    def advance(self, days: int) -> None:
        self.world.advance(days)

    @rule(plan=st.sampled_from(list(Plan)))
    def change_plan(self, plan: Plan) -> None:
        self.world.change_plan(plan)
        self.plans.append((self.world.today, plan))

    @rule(policy=st.sampled_from(list(RefundPolicy)))
    def change_policy(self, policy: RefundPolicy) -> None:
        # Remember every InMail's frozen fate: a policy change must not move it (R5.5).
        self.fates = self._fates()
        self.world.change_settings(refund_policy=policy)
        assert {k: v for k, v in self._fates().items() if k in self.fates} == self.fates

    def _fates(self) -> dict[int, tuple]:
        return {
            r[0]: r[1:]
            for r in self.world.db.execute(
                "SELECT id, refund_policy, refund_on FROM messages WHERE kind = 'inmail'"
            )
        }

    def _one(self, sql: str, *params) -> int:
        return self.world.db.execute(sql, params).fetchone()[0]

    @invariant()
    def balance_is_the_ledger_sum_and_never_negative(self) -> None:
        balance = self.world.balance()
        live = self._one(
            "SELECT coalesce(sum(remaining), 0) FROM lots WHERE owner = 1 AND expires > ?",
            self.world.today.isoformat(),
        )
        assert balance >= 0
        assert balance == live

    @invariant()
    def no_inmail_refunded_twice_and_free_ones_never(self) -> None:
        assert (
            self._one(
                "SELECT count(*) FROM (SELECT message_id FROM ledger WHERE kind = "
                "'refund' GROUP BY message_id HAVING count(*) > 1)"
            )
            == 0
        )
        assert (
            self._one(
                "SELECT count(*) FROM ledger l JOIN messages m ON m.id = l.message_id "
                "WHERE l.kind = 'refund' AND m.cost = 0"
            )
            == 0
        )

    @invariant()
    def no_credit_spent_after_its_expiry(self) -> None:
        assert (
            self._one(
                "SELECT count(*) FROM ledger l JOIN lots ON lots.id = l.lot_id "
                "WHERE l.kind = 'spend' AND l.date >= lots.expires"
            )
            == 0
        )

    @invariant()
    def every_spent_credit_has_its_message(self) -> None:
        assert (
            self._one(
                "SELECT count(*) FROM ledger l LEFT JOIN messages m "
                "ON m.id = l.message_id WHERE l.kind = 'spend' AND m.id IS NULL"
            )
            == 0
        )

    @invariant()
    def grants_alone_hold_at_most_three_months(self) -> None:
        today = self.world.today
        held = self._one(
            "SELECT coalesce(sum(remaining), 0) FROM lots WHERE owner = 1 AND "
            "source = 'grant' AND expires > ?",
            today.isoformat(),
        )
        # Plans in force in the last 90 days: those asked for since then (a paid switch
        # waits up to a billing month), and the one in force before them.
        horizon = today - timedelta(days=90 + 31)
        recent = [p for d, p in self.plans if d >= horizon]
        recent += [p for d, p in self.plans if d < horizon][-1:]
        if len(set(recent)) == 1:  # one plan throughout: the strict rule
            assert held <= 3 * recent[0].monthly_grant
        else:
            assert held <= 3 * max(p.monthly_grant for p in recent)


CreditEconomy.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestCreditEconomy = CreditEconomy.TestCase
