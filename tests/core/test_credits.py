"""R5: lots, ledger, grants, plan changes, refunds and the score, rule by rule.

The ledger as a whole is exercised by property tests in test_credits_properties.py.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.core.credits import (
    PACK_SIZES,
    LedgerEntry,
    LedgerKind,
    Lot,
    LotSource,
    Posting,
    balance,
    choose_lot,
    expire,
    expired_lots,
    live_credits,
    purchase,
    refund,
    spend,
)
from netui.core.model import Plan, RefundPolicy
from netui.core.outcomes import (
    CreditState,
    InMailState,
    credit_state,
    inmail_state,
    refund_date,
    refund_days_left,
    score,
)
from netui.core.plans import (
    billing_date,
    change_plan,
    grant,
    is_billing_date,
    next_billing_date,
    plan_credits_expire,
)
from netui.errors import BadInput, Refused

D = date(2015, 1, 12)
OPEN = RefundPolicy.OPEN_WITHIN_90_DAYS
RESPONSE = RefundPolicy.RESPONSE_WITHIN_90_DAYS
UNOPENED = RefundPolicy.UNOPENED_AFTER_7_DAYS


def days(n: int) -> timedelta:
    return timedelta(days=n)


def lot(id: int, credited: date, amount: int = 1, source: LotSource = LotSource.PURCHASE) -> Lot:
    return Lot.credit(id, source, amount, credited)


# --- R5.4: lots live 90 days and the soonest-expiring is spent first ----------------------


def test_r5_4_a_credit_expires_90_days_after_it_was_credited():
    feb_1 = lot(1, date(2015, 2, 1))
    assert feb_1.expires == date(2015, 5, 2)
    assert feb_1.is_live(date(2015, 5, 1))
    assert not feb_1.is_live(date(2015, 5, 2))
    assert expired_lots([feb_1], date(2015, 5, 2)) == [feb_1]


def test_r5_4_spend_takes_soonest_expiring_lot():
    older, newer = lot(1, D, 5), lot(2, D + days(10), 5)
    assert choose_lot([newer, older], D + days(20)) == older
    posting = spend([newer, older], D + days(20), message_id=7, cause="InMail to Ada")
    assert posting.lot == Lot(1, LotSource.PURCHASE, 5, 4, D, older.expires)
    assert posting.entry.kind is LedgerKind.SPEND
    assert posting.entry.amount == -1
    assert (posting.entry.message_id, posting.entry.lot_id) == (7, 1)


def test_r5_4_equal_expiry_spends_oldest_lot_first():
    assert choose_lot([lot(9, D), lot(3, D), lot(5, D)], D).id == 3


def test_r5_4_never_spends_an_expired_or_empty_lot():
    expired = lot(1, D)
    empty = Lot(2, LotSource.GRANT, 5, 0, D + days(50), D + days(140))
    today = expired.expires
    assert choose_lot([expired, empty], today) is None
    assert live_credits([expired, empty], today) == 0


def test_r5_1_spending_with_no_credit_is_refused():
    with pytest.raises(Refused, match="no InMail credits"):
        spend([lot(1, D)], D + days(90), message_id=1, cause="InMail")


def test_r5_4_expiry_writes_off_what_is_left_dated_on_the_expiry_day():
    lots = [lot(1, D, 5), lot(2, D + days(3), 2, LotSource.GRANT), lot(3, D + days(60))]
    postings = expire(lots, D + days(100))
    assert [p.entry.lot_id for p in postings] == [1, 2]
    assert [p.entry.date for p in postings] == [D + days(90), D + days(93)]
    assert [p.entry.amount for p in postings] == [-5, -2]
    assert all(p.entry.kind is LedgerKind.EXPIRY and p.lot.remaining == 0 for p in postings)
    assert "2 credits granted on 2015-01-15 expired" in postings[1].entry.cause


# --- R5.2: packs ------------------------------------------------------------------------


@pytest.mark.parametrize("pack", PACK_SIZES)
def test_r5_2_buy_a_pack_of_1_2_5_or_10(pack):
    posting = purchase(pack, D, lot_id=4)
    assert posting.lot == Lot(4, LotSource.PURCHASE, pack, pack, D, D + days(90))
    assert posting.entry.kind is LedgerKind.PURCHASE
    assert posting.entry.amount == pack


@pytest.mark.parametrize("pack", [0, 3, 4, 11, -1])
def test_r5_2_other_pack_sizes_are_bad_input(pack):
    with pytest.raises(BadInput, match="packs of 1, 2, 5, 10"):
        purchase(pack, D, lot_id=1)


# --- R5.3: billing days -----------------------------------------------------------------


def test_r5_3_billing_day_31_is_clamped_to_the_month_length():
    assert billing_date(31, 2015, 2) == date(2015, 2, 28)
    assert billing_date(31, 2016, 2) == date(2016, 2, 29)
    assert billing_date(31, 2015, 4) == date(2015, 4, 30)
    assert billing_date(31, 2015, 5) == date(2015, 5, 31)


def test_r5_3_next_billing_date_is_strictly_after_today():
    assert next_billing_date(12, date(2015, 1, 11)) == date(2015, 1, 12)
    assert next_billing_date(12, date(2015, 1, 12)) == date(2015, 2, 12)
    assert next_billing_date(31, date(2015, 12, 31)) == date(2016, 1, 31)


def billing_days(billing_day: int, start: date, count: int) -> list[date]:
    """`count` billing dates after `start`, one after the other."""
    found, day = [], start
    for _ in range(count):
        day = next_billing_date(billing_day, day)
        found.append(day)
    return found


@given(st.integers(1, 31), st.dates(date(2000, 1, 1), date(2099, 1, 1)))
def test_r5_3_one_billing_date_a_month_on_the_plan_day_or_the_last_day(billing_day, start):
    found = billing_days(billing_day, start, 13)
    for earlier, later in zip(found, found[1:], strict=False):
        assert (later.year * 12 + later.month) - (earlier.year * 12 + earlier.month) == 1
    for day in found:
        assert day == billing_date(billing_day, day.year, day.month)
        assert is_billing_date(billing_day, day)
        assert not is_billing_date(billing_day, day - days(1))


# --- R5.3, R5.4: grants expire by billing cycle -------------------------------------------


def test_r5_3_free_plan_has_no_grant():
    assert grant(Plan.FREE, D, billing_day=12, lot_id=1) is None


def test_r5_4_a_grant_is_always_the_plans_full_amount():
    for plan in Plan:
        posting = grant(plan, D, billing_day=12, lot_id=1)
        if plan.is_premium:
            assert posting.entry.amount == posting.lot.amount == plan.monthly_grant
            assert posting.entry.kind is LedgerKind.GRANT
        else:
            assert posting is None


@pytest.mark.parametrize(
    ("billing_day", "granted", "expires"),
    [
        (12, date(2015, 1, 12), date(2015, 4, 12)),
        # A billing day of 31 clamps to the month's end: Feb 28, Mar 31, Apr 30.
        (31, date(2015, 1, 31), date(2015, 4, 30)),
        (31, date(2015, 2, 28), date(2015, 5, 31)),
        (30, date(2015, 11, 30), date(2016, 2, 29)),  # 2016 is a leap year
    ],
)
def test_r5_4_plan_credits_expire_on_the_third_billing_day_after_their_grant(
    billing_day, granted, expires
):
    assert plan_credits_expire(billing_day, granted) == expires
    posting = grant(Plan.PREMIUM_BUSINESS, granted, billing_day=billing_day, lot_id=7)
    assert posting.lot.expires == expires


@pytest.mark.parametrize("billing_day", [1, 12, 28, 29, 30, 31])
@pytest.mark.parametrize("plan", [p for p in Plan if p.is_premium])
def test_r5_4_a_steady_plan_holds_one_two_then_three_grants_for_ever(plan, billing_day):
    """15, 30, 45, 45, … on Premium Business: each billing day first expires the grant
    of three billing days ago, then grants in full; nothing is withheld."""
    lots: dict[int, Lot] = {}
    ledger: list[LedgerEntry] = []
    start = billing_date(billing_day, 2015, 1)
    for month, day in enumerate([start, *billing_days(billing_day, start, 47)], start=1):
        post(lots, ledger, expire(lots.values(), day))
        post(lots, ledger, [grant(plan, day, billing_day=billing_day, lot_id=month)])
        assert live_credits(lots.values(), day) == min(month, 3) * plan.monthly_grant
        assert balance(ledger) == live_credits(lots.values(), day)
    grants = [e for e in ledger if e.kind is LedgerKind.GRANT]
    assert len(grants) == 48
    assert {e.amount for e in grants} == {plan.monthly_grant}


def post(lots: dict[int, Lot], ledger: list[LedgerEntry], postings: list[Posting]) -> None:
    """What the service does with postings: append the entries, store the lots."""
    for posting in postings:
        ledger.append(posting.entry)
        if posting.lot is not None:
            lots[posting.lot.id] = posting.lot


# --- R5.3: plan changes -----------------------------------------------------------------


def plan_change(old: Plan, new: Plan, **kwargs):
    return change_plan(
        old,
        new,
        billing_day=kwargs.get("billing_day"),
        pending=kwargs.get("pending"),
        lots=kwargs.get("lots", []),
        today=kwargs.get("today", D),
    )


def test_r5_3_another_paid_plan_takes_effect_at_the_next_billing_day():
    change = plan_change(
        Plan.PREMIUM_CAREER, Plan.SALES_NAVIGATOR, billing_day=12, today=date(2015, 3, 20)
    )
    assert change.effective == date(2015, 4, 12)
    assert change.billing_day == 12
    assert change.cancellations == ()
    assert not change.starts_subscription  # charged and granted by that billing day
    assert "Sales Navigator takes effect on your next billing day, 2015-04-12" in (
        change.describe()
    )


def test_r5_3_from_free_a_paid_plan_starts_at_once_and_today_becomes_the_billing_day():
    change = plan_change(Plan.FREE, Plan.PREMIUM_CAREER)
    assert (change.effective, change.billing_day, change.starts_subscription) == (D, 12, True)
    assert "first month is charged" in change.describe()


def test_r5_3_moving_to_free_drops_unspent_grant_credits_at_once():
    granted = Lot(1, LotSource.GRANT, 15, 9, D, D + days(90))
    bought, refunded = lot(2, D, 5), lot(3, D, 1, LotSource.REFUND)
    spent_grant = Lot(4, LotSource.GRANT, 15, 0, D, D + days(90))
    today = D + days(20)
    change = plan_change(
        Plan.PREMIUM_BUSINESS,
        Plan.FREE,
        billing_day=12,
        lots=[granted, bought, refunded, spent_grant],
        today=today,
    )
    assert change.effective == today
    assert change.billing_day is None
    assert not change.starts_subscription
    [cancelled] = change.cancellations
    assert cancelled.entry.kind is LedgerKind.CANCELLATION
    assert (cancelled.entry.amount, cancelled.entry.lot_id, cancelled.entry.date) == (-9, 1, today)
    assert cancelled.lot.remaining == 0
    assert "9 credits of unspent plan grants dropped" in change.describe()


def test_r5_3_choosing_the_current_plan_changes_nothing():
    change = plan_change(Plan.RECRUITER_LITE, Plan.RECRUITER_LITE, billing_day=3)
    assert change.is_noop and not change.starts_subscription
    assert change.describe() == "You are already on Recruiter Lite."


def test_r5_3_choosing_the_current_plan_again_cancels_a_pending_switch():
    change = plan_change(
        Plan.RECRUITER_LITE, Plan.RECRUITER_LITE, billing_day=3, pending=Plan.SALES_NAVIGATOR
    )
    assert not change.is_noop
    assert change.dropped_pending is Plan.SALES_NAVIGATOR
    assert change.describe() == (
        "You stay on Recruiter Lite; the move to Sales Navigator is cancelled."
    )


# --- R7.3: no answer --------------------------------------------------------------------


def test_r7_3_an_inmail_without_answer_is_no_answer_from_day_90_on():
    assert inmail_state(D, None, None, D + days(89)) is InMailState.SENT
    assert inmail_state(D, D + days(3), None, D + days(89)) is InMailState.OPENED
    assert inmail_state(D, None, None, D + days(90)) is InMailState.NO_ANSWER
    assert inmail_state(D, D + days(3), None, D + days(400)) is InMailState.NO_ANSWER
    assert inmail_state(D, D + days(3), "reply", D + days(400)) is InMailState.REPLIED


# --- R5.5: refund policies ---------------------------------------------------------------


def test_r5_5_open_within_90_days_refunds_on_the_open_date():
    assert refund_date(OPEN, D, D + days(3), None) == D + days(3)
    assert refund_date(OPEN, D, D + days(89), None) == D + days(89)
    assert refund_date(OPEN, D, D + days(90), None) is None
    assert refund_date(OPEN, D, None, None) is None


def test_r5_5_response_within_90_days_refunds_on_the_answer_date():
    assert refund_date(RESPONSE, D, D + days(2), D + days(5)) == D + days(5)
    assert refund_date(RESPONSE, D, D + days(2), None) is None
    assert refund_date(RESPONSE, D, D + days(80), D + days(90)) is None


def test_r5_5_unopened_after_7_days_refunds_on_day_7():
    assert refund_date(UNOPENED, D, None, None) == D + days(7)
    assert refund_date(UNOPENED, D, D + days(8), D + days(9)) == D + days(7)
    assert refund_date(UNOPENED, D, D + days(6), None) is None


def test_r5_5_opened_on_day_7_exactly_counts_as_opened():
    # R6.1 processes the day's opens before its refunds.
    assert refund_date(UNOPENED, D, D + days(7), None) is None


@pytest.mark.parametrize("policy", list(RefundPolicy))
def test_r5_5_free_inmails_are_never_refunded(policy):
    for opened in (None, D + days(1), D + days(30)):
        assert refund_date(policy, D, opened, opened, free=True) is None


def test_r5_5_refund_is_a_new_lot_with_its_own_90_days():
    posting = refund(D + days(5), lot_id=8, message_id=3, cause="InMail to Ada was opened")
    assert posting.lot == Lot(8, LotSource.REFUND, 1, 1, D + days(5), D + days(95))
    assert posting.entry.kind is LedgerKind.REFUND
    assert (posting.entry.amount, posting.entry.message_id) == (1, 3)


def test_r7_3_days_left_in_the_refund_window():
    assert refund_days_left(OPEN, D, D) == 90
    assert refund_days_left(OPEN, D, D + days(89)) == 1
    assert refund_days_left(OPEN, D, D + days(90)) is None
    assert refund_days_left(UNOPENED, D, D + days(2)) == 5
    assert refund_days_left(UNOPENED, D, D + days(7)) is None
    assert refund_days_left(RESPONSE, D, D + days(10)) == 80


def test_r7_3_no_days_left_once_the_recipient_has_settled_it():
    opened, answered = D + days(3), D + days(4)
    assert refund_days_left(OPEN, D, D + days(5), opened=opened) is None
    assert refund_days_left(UNOPENED, D, D + days(5), opened=opened) is None
    assert refund_days_left(RESPONSE, D, D + days(5), opened=opened) == 85
    assert refund_days_left(RESPONSE, D, D + days(5), opened=opened, answered=answered) is None
    assert refund_days_left(OPEN, D, D, free=True) is None


def test_r7_3_future_events_are_not_yet_known():
    assert refund_days_left(OPEN, D, D + days(5), opened=D + days(30)) == 85


def test_r7_3_credit_state():
    assert credit_state(free=True, refund_on=None, today=D) is CreditState.FREE
    assert credit_state(free=False, refund_on=None, today=D) is CreditState.SPENT
    assert credit_state(free=False, refund_on=D + days(1), today=D) is CreditState.SPENT
    assert credit_state(free=False, refund_on=D, today=D) is CreditState.REFUNDED


# --- R5.6: the score ---------------------------------------------------------------------


def test_r5_6_no_score_yet_without_inmails():
    result = score([], D)
    assert (result.response_rate, result.open_rate, result.sent) == (None, None, 0)
    assert result.describe() == "no score yet"


def test_r5_6_score_is_the_response_rate_with_the_open_rate_beside_it():
    answered = [(D, D + days(1), D + days(2))] * 12
    opened_only = [(D, D + days(1), None)] * 9
    unopened = [(D, None, None)] * 14
    result = score(answered + opened_only + unopened, D + days(10))
    assert result.sent == 35
    assert result.response_rate == pytest.approx(12 / 35)
    assert result.open_rate == pytest.approx(21 / 35)
    assert result.describe() == "34% (12 of 35)"
    assert result.describe_open_rate() == "60% (21 of 35)"


def test_r5_6_score_counts_the_trailing_90_days_and_only_what_has_happened():
    today = D + days(100)
    inmails = [
        (D, D + days(1), D + days(1)),  # sent 100 days ago: outside the window
        (today - days(90), None, None),  # exactly 90 days ago: outside
        (today - days(89), today - days(80), today - days(70)),
        (today - days(5), today + days(1), today + days(2)),  # answers still to come
        (today + days(1), None, None),  # not yet sent
    ]
    result = score(inmails, today)
    assert (result.sent, result.opened, result.answered) == (2, 1, 1)


def test_r5_6_waiting_for_answers_until_one_inmail_is_decided():
    """Issue 14.5: right after a first send the rate would read 0% (0 of 1); until an
    InMail is answered or its answer window (R7.3) has closed, it says it is waiting."""
    first = score([(D, None, None)], D)
    assert first.waiting and first.response_rate == 0
    assert first.describe() == "waiting for answers (1 InMail sent, none answered yet)"
    opened = score([(D, D + days(1), None), (D, None, None)], D + days(2))
    assert opened.describe() == "waiting for answers (2 InMails sent, none answered yet)"
    answered = score([(D, D + days(1), D + days(2)), (D, None, None)], D + days(2))
    assert not answered.waiting and answered.describe() == "50% (1 of 2)"


def test_r5_6_an_answer_counts_as_an_open():
    assert score([(D, None, D + days(1))], D + days(1)).open_rate == 1.0
