"""R5 invariants on the real World, over random sequences of user actions (hypothesis)."""

from __future__ import annotations

import shutil
import tempfile
from contextlib import suppress
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
        self.spent = self._spent()

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

    @rule(plans=st.lists(st.sampled_from(list(Plan)), min_size=1, max_size=4))
    def change_plan(self, plans: list[Plan]) -> None:
        """One or several switches on the same day (R5.3: none of them is free)."""
        for plan in plans:
            self.world.change_plan(plan)

    @rule(
        contact=st.booleans(),
        photo=st.booleans(),
        summary=st.sampled_from(["", "Data engineer in Milan."]),
        skills=st.lists(st.sampled_from(["Python", "SQL", "Kafka", "Rust"]), max_size=4),
    )
    def edit_profile(self, contact: bool, photo: bool, summary: str, skills: list[str]) -> None:
        settings = self.world.change_settings(
            contact_visible=contact, photo=photo, summary=summary, skills=skills
        )
        assert 0 <= settings.completeness <= 100

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
    def plan_credits_are_at_most_the_last_three_grants(self) -> None:
        """R5.4: a grant lives three billing cycles; on one plan, at most 3 × its grant."""
        held = self._one(
            "SELECT coalesce(sum(remaining), 0) FROM lots WHERE owner = 1 AND "
            "source = 'grant' AND expires > ?",
            self.world.today.isoformat(),
        )
        last_three = self._one(
            "SELECT coalesce(sum(amount), 0) FROM (SELECT amount FROM ledger WHERE owner = 1 "
            "AND kind = 'grant' ORDER BY id DESC LIMIT 3)"
        )
        assert held <= last_three

    @invariant()
    def each_grant_is_the_full_amount_of_its_plan(self) -> None:
        for amount, cause in self.world.db.execute(
            "SELECT amount, cause FROM ledger WHERE kind = 'grant'"
        ):
            (plan,) = [p for p in Plan if p.is_premium and cause.startswith(p.label)]
            assert amount == plan.monthly_grant

    @invariant()
    def no_credit_appears_without_a_grant_purchase_or_refund(self) -> None:
        kinds = {
            kind for (kind,) in self.world.db.execute("SELECT kind FROM ledger WHERE amount > 0")
        }
        assert kinds <= {"grant", "purchase", "refund"}
        orphans = self._one(
            "SELECT count(*) FROM lots WHERE NOT EXISTS (SELECT 1 FROM ledger l WHERE "
            "l.lot_id = lots.id AND l.kind IN ('grant', 'purchase', 'refund') "
            "AND l.amount = lots.amount)"
        )
        assert orphans == 0

    @invariant()
    def money_only_grows_and_by_exactly_the_prices(self) -> None:
        """R5.8: every charge is a price from the list; nothing is ever paid back."""
        prices = self.world.prices
        for cents, cause, kind, amount in self.world.db.execute(
            "SELECT c.cents, c.cause, l.kind, l.amount FROM charges c "
            "JOIN ledger l ON l.id = c.ledger_id"
        ):
            if kind == "purchase":
                assert cents == prices.pack(amount)
            else:
                (plan,) = [p for p in Plan if p.is_premium and cause.startswith(p.label)]
                assert kind == "grant" and cents == prices.month_of(plan)
        spent = self._spent()
        assert spent >= self.spent
        self.spent = spent

    def _spent(self) -> int:
        return self._one("SELECT coalesce(sum(cents), 0) FROM charges WHERE owner = 1")


CreditEconomy.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestCreditEconomy = CreditEconomy.TestCase
