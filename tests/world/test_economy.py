"""SPEC revision 2 on the real World: plans, money, billing-cycle expiry, no answer,
withdrawing invitations, the routes of mail to me, my profile (R3.6, R5, R6.4, R7.3, R8).

Me is member 1 (Giulia, Premium Business since the world was built on 2015-01-12: its
first month was charged and granted that day). See tests/handmade.py.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from netui.core.model import Category, Plan
from netui.core.money import PriceList, per_answer
from netui.core.plans import next_billing_date
from netui.core.profile import PARTS
from netui.errors import BadInput, Refused
from netui.world import World
from tests.handmade import handmade_network

PRICES = PriceList()
INMAIL = {
    "subject": "A question about your work",
    "category": Category.CAREER_OPPORTUNITY,
    "body": "Dear Noor, I'm Giulia from Acme. Could we talk next week? Thank you!",
}


def cents(usd: float) -> int:
    return round(usd * 100)


def billing_days_after(billing_day: int, start: date, until: date) -> list[date]:
    days, day = [], next_billing_date(billing_day, start)
    while day <= until:
        days.append(day)
        day = next_billing_date(billing_day, day)
    return days


# ── R5.3, R5.4, R5.8: a year on each plan ────────────────────────────────────


@pytest.mark.parametrize("plan", [p for p in Plan if p.is_premium])
def test_r5_4_a_year_on_a_plan_without_sending(tmp_path, plan):
    """On the plan from day one, never sending: the balance climbs one grant a month to
    three grants and stays there; every billing day charges the month (R5.3, R5.8)."""
    path = tmp_path / "w.db"
    World.build(path, lambda p: handmade_network())
    world = World.open(path)
    if plan is not Plan.PREMIUM_BUSINESS:  # start the year on `plan`, from Free
        world.change_plan(Plan.FREE)
        world.change_plan(plan)
    start, billing_day = world.today, world.today.day
    spent_before = cents(world.credits().spent_usd)
    for month, day in enumerate(billing_days_after(billing_day, start, start.replace(2016)), 2):
        world.advance(to=day)
        assert world.balance() == min(month, 3) * plan.monthly_grant, day
    credits = world.credits(ledger_limit=1_000)
    grants = [e for e in credits.ledger if e.kind == "grant" and plan.label in e.cause]
    assert len(grants) == 13  # the first month and twelve billing days after it
    assert {e.amount for e in grants} == {plan.monthly_grant}
    assert all(cents(e.usd) == PRICES.month_of(plan) for e in grants)
    assert cents(credits.spent_usd) - spent_before == 12 * PRICES.month_of(plan)


def test_r5_3_the_first_month_is_charged_when_the_world_is_built(world):
    (charge,) = world.credits().charges
    assert charge.as_json() == {
        "date": "2015-01-12",
        "usd": PRICES.month_of(Plan.PREMIUM_BUSINESS) / 100,
        "cause": "Premium Business: first month",
    }


def test_r5_3_switching_plans_on_one_day_mints_nothing_for_free(world):
    """Free → Sales Navigator → Free → Sales Navigator: each subscription is paid for."""
    spent = cents(world.credits().spent_usd)
    world.change_plan(Plan.FREE)
    assert world.balance() == 0
    for _ in range(2):
        result = world.change_plan(Plan.SALES_NAVIGATOR)
        assert result.plan == "sales-navigator"
        assert world.balance() == 50
        spent += PRICES.month_of(Plan.SALES_NAVIGATOR)
        assert cents(result.spent_usd) == spent
        world.change_plan(Plan.FREE)
        assert world.balance() == 0  # the plan's credits go with it; no money comes back
        assert cents(world.credits().spent_usd) == spent


def test_r5_3_paid_to_paid_is_charged_and_granted_on_the_next_billing_day(world):
    result = world.change_plan(Plan.SALES_NAVIGATOR)
    effective = date.fromisoformat(result.effective)
    assert effective == date(2015, 2, 12)
    spent = cents(world.credits().spent_usd)
    events = world.advance(to=effective).events
    assert world.my_plan() is Plan.SALES_NAVIGATOR
    assert events["granted"] == 50 and events["charges"] == 1  # counted in the events
    assert world.balance() == 15 + 50
    assert cents(world.credits().spent_usd) - spent == PRICES.month_of(Plan.SALES_NAVIGATOR)


def test_r5_3_asking_for_my_plan_again_cancels_a_pending_switch(world):
    world.change_plan(Plan.RECRUITER_LITE)
    result = world.change_plan(Plan.PREMIUM_BUSINESS)
    assert result.pending_plan is None
    assert "cancelled" in result.message
    world.advance(31)
    assert world.my_plan() is Plan.PREMIUM_BUSINESS


def test_r8_1_moving_to_free_turns_open_profile_off(world):
    world.change_settings(open_profile=True)
    world.change_plan(Plan.FREE)
    assert world.settings().open_profile is False
    assert world.member(1)["open_profile"] is False


def test_r5_8_a_pack_costs_ten_dollars_a_credit_and_the_ledger_says_so(world):
    world.buy(5)
    credits = world.credits()
    assert credits.ledger[0].kind == "purchase"
    assert cents(credits.ledger[0].usd) == 5 * PRICES.credit_cents
    assert credits.charges[-1].cause == "Pack of 5 InMail credits"


def test_r5_8_the_price_list_comes_from_the_configuration(handmade_db):
    prices = PriceList(credit_cents=250)
    world = World.open(handmade_db, prices)
    assert world.buy(2).usd == 5.0


def test_r5_8_money_per_answered_inmail(world):
    assert world.credits().usd_per_answer is None  # nothing answered: nothing to divide
    world.db.execute("UPDATE members SET activity = 1, responsiveness = 1")
    world.buy(10)
    for member in (4, 5, 8, 9):
        world.send(member, want_inmail=True, **INMAIL)
    world.advance(120)
    credits = world.credits()
    answered = sum(m.state in ("accepted", "declined", "replied") for m in world.sent())
    assert answered > 0
    assert credits.answered == answered
    spent = cents(credits.spent_usd)
    assert cents(credits.usd_per_answer) == per_answer(spent, answered)
    assert abs(credits.usd_per_answer * answered - credits.spent_usd) < 0.01 * answered


def test_r5_ledger_limit_cannot_be_negative(world):
    with pytest.raises(BadInput):
        world.credits(ledger_limit=-5)
    assert world.credits(ledger_limit=0).ledger == ()


# ── R7.3: no answer ──────────────────────────────────────────────────────────


def test_r7_3_an_unanswered_inmail_is_no_answer_from_day_90(world):
    sent = world.send(8, want_inmail=True, **INMAIL)
    # Member 8 will read it on day 3 and never answer.
    world.db.execute(
        "UPDATE messages SET fate_opened = ?, fate_answer = NULL, fate_answered = NULL "
        "WHERE id = ?",
        ((world.today + timedelta(days=3)).isoformat(), sent.message_id),
    )
    world.advance(89)
    assert world.sent()[0].state in ("sent", "opened")
    world.advance(1)
    assert world.sent()[0].state == "no_answer"


def test_r7_3_no_inmail_is_answered_after_its_window(world):
    world.buy(10)
    for member in (4, 5, 8, 9):
        world.send(member, want_inmail=True, **INMAIL)
    late = world.db.execute(
        "SELECT count(*) FROM messages WHERE kind = 'inmail' AND fate_answered >= date(sent, "
        "'+90 days')"
    ).fetchone()[0]
    assert late == 0


# ── R3.6: withdrawing an invitation ──────────────────────────────────────────


def test_r3_6_withdraw_then_wait_21_days_to_invite_again(world):
    world.connect(8)
    assert world.profile(8).invitation_pending
    result = world.withdraw(8)
    assert result.as_json()["status"] == "withdrawn"
    again = date.fromisoformat(result.can_invite_again)
    assert again == world.today + timedelta(days=21)
    assert not world.profile(8).invitation_pending
    assert world.profile(8).can_invite_again == again.isoformat()
    with pytest.raises(Refused, match=again.isoformat()):
        world.connect(8)
    world.advance(to=again - timedelta(days=1))
    with pytest.raises(Refused):
        world.connect(8)
    world.advance(1)
    assert world.connect(8).as_json()["status"] == "pending"


def test_r3_6_a_withdrawn_invitation_is_never_accepted(world):
    world.connect(8)
    world.db.execute("UPDATE invitations SET fate_accepted = '2015-01-20'")
    world.withdraw(8)
    world.advance(30)
    assert world.profile(8).degree == "out"


def test_r3_6_withdraw_needs_a_pending_invitation(world):
    with pytest.raises(Refused, match="no pending invitation"):
        world.withdraw(8)


# ── R6.4: members write to me by their own routes ─────────────────────────────


def test_r6_4_inbound_mail_comes_by_the_senders_own_route(tmp_path):
    """A simulated year: no InMail from a connection or a fellow group member, no group
    message from a member I share no group with. Degrees are checked as of each day."""
    path = tmp_path / "w.db"
    World.build(path, lambda p: handmade_network())
    world = World.open(path)
    kinds = set()
    for _ in range(365):
        first = set(world.db.execute("SELECT member_id FROM reach WHERE hops = 1").fetchall())
        fellows = set(
            world.db.execute("SELECT member_id FROM reach WHERE shared_groups > 0").fetchall()
        )
        world.advance(1)
        for sender, kind in world.db.execute(
            "SELECT sender, kind FROM messages WHERE recipient = 1 AND sent = ? "
            "AND reply_to IS NULL",
            (world.today.isoformat(),),
        ):
            kinds.add(kind)
            if kind == "inmail":
                assert (sender,) not in first and (sender,) not in fellows
            if kind == "group_message":
                assert (sender,) in fellows and (sender,) not in first
            if kind == "message":
                assert (sender,) in first
    assert kinds == {"message", "group_message", "inmail"}


# ── R8.2: my profile ─────────────────────────────────────────────────────────


def test_r8_2_completeness_counts_what_my_profile_holds(world):
    settings = world.settings()
    assert settings.completeness == 100 and settings.missing == ()
    settings = world.change_settings(photo=False, summary="", contact_visible=False)
    weight = {part: w for part, w, _ in PARTS}
    assert settings.completeness == 100 - weight["photo"] - weight["summary"] - weight["contact"]
    assert settings.missing == (
        "write a summary",
        "add a photo",
        "make your contact info visible",
    )
    settings = world.change_settings(skills=["Python", "python ", "SQL"])
    assert settings.skills == ("Python", "SQL")
    assert "list at least 3 skills" in settings.missing


def test_r8_2_my_profile_is_found_by_search_as_i_edit_it(world):
    world.switch_persona(2)  # Giulia becomes a member others find
    world.switch_persona(1)
    world.change_settings(headline="Quantum Gardener")
    world.switch_persona(2)
    assert [r.id for r in world.search("quantum gardener")] == [1]
    assert world.search("data engineer giulia") == []


@pytest.mark.parametrize(
    "changes",
    [{"headline": "x" * 121}, {"company": "Acme\nEvil"}, {"skills": ["a;b"]}],
)
def test_r8_2_bad_profile_text_is_refused_and_changes_nothing(world, changes):
    before = world.settings()
    with pytest.raises(BadInput):
        world.change_settings(**changes)
    assert world.settings() == before


def test_r8_2_recipients_see_my_profile_as_it_is_when_i_send(world, monkeypatch):
    """The behaviour model (R6.2) is handed my profile's completeness at sending."""
    import netui.world.messaging as service

    seen = []
    real = service.plan_fate
    monkeypatch.setattr(service, "plan_fate", lambda f, rng: seen.append(f) or real(f, rng))
    world.send(8, want_inmail=True, **INMAIL)
    world.change_settings(summary="", company="", skills=[], contact_visible=False)
    assert world.settings().completeness == 40
    world.send(9, want_inmail=True, **INMAIL)
    assert [f.completeness for f in seen] == [1.0, 0.4]
    assert [f.contact_visible for f in seen] == [True, False]
