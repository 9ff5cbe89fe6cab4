"""R5 as properties: random sequences of operations on an in-memory ledger.

`Wallet` below is a miniature of what the service does with the pure functions of
`netui.core.credits`: it appends ledger entries, stores lots, and advances the clock
day by day in the order R6.1 gives (expiries, plan changes and grants, refunds).
Hypothesis then drives it with random buys, sends, plan and policy changes and clock
jumps, and checks the invariants of R5 after every step.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from netui.core.credits import (
    PACK_SIZES,
    LedgerEntry,
    LedgerKind,
    Lot,
    LotSource,
    Posting,
    balance,
    expire,
    live_credits,
    purchase,
    refund,
    spend,
)
from netui.core.model import Plan, RefundPolicy
from netui.core.outcomes import refund_date
from netui.core.plans import PlanChange, change_plan, grant, is_billing_date
from netui.errors import Refused

START = date(2015, 1, 31)  # a billing day of 31 meets every month length


@dataclass
class SentInMail:
    """An InMail as the service stores it: the policy and refund date frozen at sending."""

    id: int
    sent: date
    free: bool
    policy: RefundPolicy
    opened: date | None
    answered: date | None
    refund_on: date | None
    refunded: bool = False


class Wallet:
    """The service's use of the credit functions, without a database."""

    def __init__(self, plan: Plan) -> None:
        self.today = START
        self.plan = Plan.FREE
        self.billing_day: int | None = None
        self.pending: PlanChange | None = None
        self.policy = RefundPolicy.OPEN_WITHIN_90_DAYS
        self.lots: dict[int, Lot] = {}
        self.ledger: list[LedgerEntry] = []
        self.inmails: list[SentInMail] = []
        # Every grant since the last move to Free: (plan in force, amount).
        self.grants: list[tuple[Plan, int]] = []
        self.change_plan(plan)

    # -- what the service does for each user action --

    def post(self, postings: list[Posting] | tuple[Posting, ...]) -> None:
        for posting in postings:
            self.ledger.append(posting.entry)
            if posting.lot is not None:
                self.lots[posting.lot.id] = posting.lot

    def next_lot_id(self) -> int:
        return len(self.lots) + 1

    def buy(self, pack: int) -> None:
        self.post([purchase(pack, self.today, lot_id=self.next_lot_id())])

    def send(self, free: bool, opened_after: int | None, answer_delay: int | None) -> None:
        message_id = len(self.inmails) + 1
        if not free:
            self.post(
                [spend(self.lots.values(), self.today, message_id=message_id, cause="InMail")]
            )
        opened = self.today + timedelta(days=opened_after) if opened_after else None
        answered = opened + timedelta(days=answer_delay) if opened and answer_delay else None
        refund_on = refund_date(self.policy, self.today, opened, answered, free=free)
        self.inmails.append(
            SentInMail(message_id, self.today, free, self.policy, opened, answered, refund_on)
        )

    def change_plan(self, plan: Plan) -> None:
        change = change_plan(
            self.plan,
            plan,
            billing_day=self.billing_day,
            pending=self.pending.new if self.pending else None,
            lots=self.lots.values(),
            today=self.today,
        )
        if change.effective == self.today:
            self.pending = None
            self.apply(change)
        else:
            self.pending = change

    def apply(self, change: PlanChange) -> None:
        self.plan, self.billing_day = change.new, change.billing_day
        self.post(change.cancellations)
        if not change.new.is_premium:
            self.grants = []
        if change.starts_subscription:
            self.grant()

    def grant(self) -> None:
        posting = grant(
            self.plan, self.today, billing_day=self.billing_day, lot_id=self.next_lot_id()
        )
        if posting is not None:
            self.post([posting])
            self.grants.append((self.plan, posting.entry.amount))

    def advance(self, days: int) -> None:
        for _ in range(days):
            self.today += timedelta(days=1)
            self.post(expire(self.lots.values(), self.today))
            if self.billing_day and is_billing_date(self.billing_day, self.today):
                if self.pending and self.pending.effective == self.today:
                    change, self.pending = self.pending, None
                    self.apply(change)
                self.grant()
            self.refund_due()

    def refund_due(self) -> None:
        for inmail in self.inmails:
            if inmail.refund_on and inmail.refund_on <= self.today and not inmail.refunded:
                lot_id = self.next_lot_id()
                self.post([refund(self.today, lot_id=lot_id, message_id=inmail.id, cause="refund")])
                inmail.refunded = True


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.wallet = Wallet(Plan.PREMIUM_BUSINESS)

    @rule(pack=st.sampled_from(PACK_SIZES))
    def buy(self, pack: int) -> None:
        self.wallet.buy(pack)

    @rule(
        free=st.booleans(),
        opened_after=st.none() | st.integers(1, 120),
        answer_delay=st.none() | st.integers(0, 40),
    )
    def send(self, free: bool, opened_after: int | None, answer_delay: int | None) -> None:
        before = live_credits(self.wallet.lots.values(), self.wallet.today)
        try:
            self.wallet.send(free, opened_after, answer_delay)
        except Refused:
            assert before == 0 and not free  # refused only when a paid InMail has no credit

    @rule(days=st.integers(1, 45))
    def advance(self, days: int) -> None:
        self.wallet.advance(days)

    @rule(plan=st.sampled_from(Plan))
    def change_plan(self, plan: Plan) -> None:
        self.wallet.change_plan(plan)

    @rule(policy=st.sampled_from(RefundPolicy))
    def change_policy(self, policy: RefundPolicy) -> None:
        self.wallet.policy = policy

    def teardown(self) -> None:
        # `pytest --hypothesis-show-statistics` shows these: the runs reach every kind
        # of entry, capped grants and refunds included.
        for kind in sorted({entry.kind for entry in self.wallet.ledger}):
            event(f"ledger has {kind}")
        if len({plan for plan, _ in self.wallet.grants}) > 1:
            event("grants under two paid plans")

    # -- R5 invariants --

    @invariant()
    def balance_is_the_ledger_sum_and_never_negative(self) -> None:
        w = self.wallet
        total = balance(w.ledger)
        assert total >= 0
        assert total == sum(lot.remaining for lot in w.lots.values())
        assert total == live_credits(w.lots.values(), w.today)  # expiries are posted

    @invariant()
    def no_credit_is_spent_after_its_expiry(self) -> None:
        for entry in self.wallet.ledger:
            if entry.kind is LedgerKind.SPEND:
                assert entry.date < self.wallet.lots[entry.lot_id].expires

    @invariant()
    def no_inmail_is_refunded_twice_and_free_ones_never(self) -> None:
        refunds = Counter(e.message_id for e in self.wallet.ledger if e.kind is LedgerKind.REFUND)
        assert all(count == 1 for count in refunds.values())
        free = {m.id for m in self.wallet.inmails if m.free}
        assert not free & refunds.keys()

    @invariant()
    def each_grant_is_the_plans_full_amount(self) -> None:
        assert all(amount == plan.monthly_grant for plan, amount in self.wallet.grants)

    @invariant()
    def plan_credits_are_at_most_the_last_three_grants(self) -> None:
        """R5.4: a grant lives three billing cycles, so only the newest three can be
        alive (on a steady plan: at most three months of its grant)."""
        w = self.wallet
        held = live_credits(
            (lot for lot in w.lots.values() if lot.source is LotSource.GRANT), w.today
        )
        assert held <= sum(amount for _, amount in w.grants[-3:])

    @invariant()
    def each_refund_follows_the_policy_in_force_when_the_inmail_was_sent(self) -> None:
        w = self.wallet
        refunded_on = {e.message_id: e.date for e in w.ledger if e.kind is LedgerKind.REFUND}
        for m in w.inmails:
            due = refund_date(m.policy, m.sent, m.opened, m.answered, free=m.free)
            if due is not None and due <= w.today:
                assert refunded_on[m.id] == due
            else:
                assert m.id not in refunded_on

    @invariant()
    def the_ledger_is_in_time_order(self) -> None:
        dates = [entry.date for entry in self.wallet.ledger]
        assert dates == sorted(dates)


LedgerMachine.TestCase.settings = settings(max_examples=150, stateful_step_count=30, deadline=None)
test_ledger_properties = LedgerMachine.TestCase


def test_r5_5_policy_is_frozen_per_inmail():
    """Changing the policy after sending leaves the InMails already sent as they were."""
    wallet = Wallet(Plan.PREMIUM_CAREER)
    wallet.send(False, None, None)  # unopened: refunded on day 7 under the old rule...
    wallet.policy = RefundPolicy.UNOPENED_AFTER_7_DAYS
    wallet.send(False, None, None)
    wallet.advance(30)
    refunds = [e.message_id for e in wallet.ledger if e.kind is LedgerKind.REFUND]
    assert refunds == [2]  # ...only the one sent under it
    assert [m.policy for m in wallet.inmails] == [
        RefundPolicy.OPEN_WITHIN_90_DAYS,
        RefundPolicy.UNOPENED_AFTER_7_DAYS,
    ]
    assert wallet.inmails[0].refund_on is None
