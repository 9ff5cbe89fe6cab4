"""Sending, credits, the clock and the inbox on the handmade network (R3–R8).

Me is member 1 (Giulia, Premium Business: 15 credits granted when the world was built).
See tests/handmade.py for who is where.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from netui.core.model import Category, Plan, RefundPolicy
from netui.core.outcomes import InMailState
from netui.errors import BadInput, Refused
from netui.world.results import BalanceDay

GOOD = {
    "subject": "A risk analytics role at Acme in Milan",
    "category": Category.CAREER_OPPORTUNITY,
    "body": "Dear Noor, I'm Giulia, Data Engineer at Acme. I'm writing because we are "
    "hiring a Risk Analyst in Banking. Would you be open to a short call? Thank you!",
}


def counts(world) -> tuple[int, int, int]:
    db = world.db
    return tuple(
        db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("messages", "ledger", "lots")
    )


def ledger_sum(world) -> int:
    return world.db.execute("SELECT sum(amount) FROM ledger WHERE owner = 1").fetchone()[0]


def test_r3_1_a_message_to_a_connection_is_free(world):
    result = world.send(2, body="Ciao Marco!")
    assert (result.route, result.cost, result.credits) == ("message", 0, 15)


def test_r5_1_an_inmail_costs_one_credit_and_lands_with_its_ledger_entry(world):
    result = world.send(8, want_inmail=True, **GOOD)
    assert (result.route, result.cost, result.credits) == ("inmail", 1, 14)
    spend = world.db.execute(
        "SELECT amount, message_id FROM ledger WHERE kind = 'spend'"
    ).fetchall()
    assert spend == [(-1, result.message_id)]
    assert ledger_sum(world) == world.balance() == 14


@pytest.mark.parametrize(
    ("member", "reason"),
    [
        (2, "1st-degree"),  # R3.1
        (6, "does not accept InMail"),  # R3.4
    ],
)
def test_r3_refused_inmails_change_nothing(world, member, reason):
    before = counts(world)
    with pytest.raises(Refused) as refused:
        world.send(member, want_inmail=True, **GOOD)
    assert any(reason in r for r in refused.value.reasons)
    assert counts(world) == before


def test_r3_4_no_credits_refuses_and_says_how_to_get_some(world):
    world.change_plan(Plan.FREE)
    before = counts(world)
    with pytest.raises(Refused) as refused:
        world.send(8, want_inmail=True, **GOOD)
    assert any("buy a pack" in r for r in refused.value.reasons)
    assert counts(world) == before


def test_r3_5_open_profile_inmail_is_free_and_never_refunded(world):
    result = world.send(7, want_inmail=True, **GOOD)
    assert (result.route, result.cost, result.credits) == ("free_inmail", 0, 15)
    world.advance(120)
    (item,) = [s for s in world.sent() if s.message_id == result.message_id]
    assert item.credit_state == "free"
    assert not world.db.execute("SELECT count(*) FROM ledger WHERE kind='refund'").fetchone()[0]


def test_r4_3_an_unwelcome_category_is_sent_and_recorded_as_mismatch(world):
    result = world.send(8, want_inmail=True, **{**GOOD, "category": Category.BUSINESS_DEAL})
    assert result.mismatch is True


@pytest.mark.parametrize(
    "bad",
    [
        {"subject": ""},
        {"subject": "x" * 201},
        {"body": ""},
        {"body": "   "},
        {"body": "y" * 2_001},
        {"body": "bell\x07"},
        {"subject": "two\nlines"},
        {"category": None},
    ],
)
def test_r4_1_bad_drafts_are_refused_and_change_nothing(world, bad):
    before = counts(world)
    with pytest.raises(BadInput):
        world.send(8, want_inmail=True, **{**GOOD, **bad})
    assert counts(world) == before


def test_message_text_is_stored_verbatim(world):
    body = "[bold]not bold[/] \\e[31m <b>hi</b> 'quotes' \"double\" — ünïcödé 🚀"
    result = world.send(2, body=body)
    (stored,) = [m for m in world.thread(2) if m.id == result.message_id]
    assert stored.body == body


def test_r3_2_fifteen_free_group_messages_a_month_then_inmail(world):
    assert world.route(9).route.value == "group_message"
    # Fourteen conversations opened earlier this month by group message (R3.2 counts
    # the first message of each conversation).
    today = world.today.isoformat()
    for _ in range(14):
        world.db.execute(
            "INSERT INTO messages (sender, recipient, kind, body, sent, opens_conversation) "
            "VALUES (1, 5, 'group_message', 'hello', ?, 1)",
            (today,),
        )
    assert world.group_messages_left() == 1
    world.send(9, body="Hola Tomás, saw your post in Rust Guild.")
    assert world.group_messages_left() == 0
    assert world.route(7).route.value == "free_inmail"  # past the allowance: InMail
    world.advance(days=(date(2015, 2, 1) - world.today).days)
    assert world.group_messages_left() == 15  # a new calendar month


def test_r5_2_buying_packs(world):
    assert world.buy(10).balance == 25
    for size in (0, 3, 4, 11, -1):
        with pytest.raises(BadInput):
            world.buy(size)
    assert world.balance() == 25


def test_r5_4_credits_expire_90_days_after_they_were_credited(world):
    world.change_plan(Plan.FREE)
    world.buy(5)
    bought_on = world.today
    world.advance(89)
    assert world.balance() == 5
    world.advance(1)
    assert world.today == bought_on + timedelta(days=90)
    assert world.balance() == 0
    assert ledger_sum(world) == 0
    kinds = [e.kind for e in world.credits().ledger]
    assert "expiry" in kinds


def test_r5_4_grants_alone_never_hold_more_than_three_months(world):
    grant = Plan.PREMIUM_BUSINESS.monthly_grant
    for _ in range(14):
        world.advance(31)
        assert world.balance() <= 3 * grant
    assert world.balance() == 3 * grant  # and it does fill up to the cap


def test_r5_3_paid_to_paid_waits_for_the_billing_day(world):
    result = world.change_plan(Plan.SALES_NAVIGATOR)
    assert result.plan == "premium-business"
    assert result.pending_plan == "sales-navigator"
    world.advance(days=(date.fromisoformat(result.effective) - world.today).days)
    assert world.my_plan() is Plan.SALES_NAVIGATOR
    assert world.balance() == 15 + 50


def test_r5_3_moving_to_free_drops_grants_but_keeps_bought_credits(world):
    world.buy(2)
    world.change_plan(Plan.FREE)
    assert world.balance() == 2
    assert world.credits().ledger[0].kind == "cancellation"


def test_r8_open_profile_needs_premium(world):
    world.change_plan(Plan.FREE)
    with pytest.raises(Refused, match="premium"):
        world.change_settings(open_profile=True)
    assert world.settings().open_profile is False


def test_r5_5_unopened_after_7_days_refunds_unopened_inmails_a_week_later(world):
    world.change_settings(refund_policy=RefundPolicy.UNOPENED_AFTER_7_DAYS)
    sent = world.send(8, want_inmail=True, **GOOD)
    world.advance(7)
    (item,) = world.sent()
    fate = world.db.execute(
        "SELECT fate_opened FROM messages WHERE id = ?", (sent.message_id,)
    ).fetchone()[0]
    opened_within_week = fate is not None and fate <= world.today.isoformat()
    assert item.credit_state == ("spent" if opened_within_week else "refunded")


def test_r5_5_policy_is_frozen_on_each_inmail(world):
    world.send(8, want_inmail=True, **GOOD)
    world.change_settings(refund_policy=RefundPolicy.UNOPENED_AFTER_7_DAYS)
    (policy,) = world.db.execute("SELECT refund_policy FROM messages").fetchone()
    assert policy == RefundPolicy.OPEN_WITHIN_90_DAYS.value


def test_r6_5_same_database_and_actions_give_the_same_events(handmade_template, tmp_path):
    import shutil

    from netui.world import World

    outcomes = []
    for name, noise in (("a", False), ("b", True)):
        path = tmp_path / f"{name}.db"
        shutil.copyfile(handmade_template, path)
        world = World.open(path)
        world.send(8, want_inmail=True, **GOOD)
        if noise:  # other things in between must not change the fates
            world.search("rust")
            world.profile(6)
            world.credits()
        world.send(2, body="Hello Marco")
        outcomes.append(
            (world.advance(60).events, world.sent(), [c.member_id for c in world.inbox()])
        )
    assert outcomes[0] == outcomes[1]


def test_r6_answers_arrive_in_my_inbox_and_can_be_answered(world):
    world.advance(60)
    inbox = world.inbox()
    assert inbox, "sixty days bring messages from connections and group fellows"
    assert sum(c.unread for c in inbox) == world.stats().glance.unread
    incoming = [m for c in inbox for m in world.thread(c.member_id) if m.can_answer]
    assert world.stats().glance.unread == 0  # reading a thread marks it read
    message = incoming[0]
    replied = world.reply(message.id, "Thanks, let's talk next week.")
    assert replied.message.state is InMailState.REPLIED
    with pytest.raises(BadInput):
        world.reply(message.id, "")


def test_r7_2_accept_and_decline_only_inmails_to_me(world):
    world.advance(120)
    inmails = [
        m
        for c in world.inbox()
        for m in world.thread(c.member_id)
        if m.kind == "inmail" and m.can_answer
    ]
    assert inmails, "120 days bring InMails to me on the handmade network"
    assert world.accept(inmails[0].id).state == "accepted"
    with pytest.raises(Refused):
        world.decline(inmails[0].id)
    messages = [
        m
        for c in world.inbox()
        for m in world.thread(c.member_id)
        if m.kind == "message" and m.incoming
    ]
    with pytest.raises(BadInput):
        world.accept(messages[0].id)


def test_r6_4_no_inmails_to_me_while_i_refuse_them(world):
    world.change_settings(accept_inmail=False)
    world.advance(200)
    kinds = world.db.execute(
        "SELECT DISTINCT kind FROM messages WHERE recipient = 1 AND reply_to IS NULL"
    ).fetchall()
    assert ("inmail",) not in kinds


def test_r2_3_an_accepted_invitation_updates_degrees_at_once(world):
    assert world.standing(4).degree.value == "2nd"
    invitation = world.connect(4)
    assert invitation.as_json()["status"] == "pending"
    with pytest.raises(Refused):
        world.connect(4)  # one pending invitation per member
    with pytest.raises(Refused):
        world.connect(2)  # already 1st degree
    # Whether member 4 accepts is their fate; this test is about what acceptance does.
    world.db.execute("UPDATE invitations SET fate_accepted = '2015-01-15'")
    world.advance(to=date(2015, 1, 15))
    assert world.standing(4).degree.value == "1st"
    assert world.standing(6).degree.value == "2nd"  # 6 was 3rd, now through 4
    assert world.standing(7).degree.value == "3rd"  # 7 was group-only, now 3 hops
    assert world.route(4).route.value == "message"
    assert world.stats().degrees["1st"] == 3


@pytest.mark.parametrize(
    ("days", "to"), [(0, None), (-3, None), (None, None), (None, date(2015, 1, 1)), (99_999, None)]
)
def test_r6_1_bad_advances_are_refused(world, days, to):
    with pytest.raises(BadInput):
        world.advance(days, to=to)
    assert world.today == date(2015, 1, 12)


def test_r2_3_incremental_update_matches_a_full_recomputation(world):
    from netui.core.degrees import standings_from
    from netui.store import connections, groups, reach

    world.connect(6)
    world.db.execute("UPDATE invitations SET fate_accepted = '2015-01-13'")
    world.advance(1)
    stored = {m: world.standing(m) for m in range(2, 10)}
    graph = connections.load_graph(world.db)
    full = standings_from(graph.adj, 1, groups.shared_counts(world.db, 1))
    for member, standing in stored.items():
        expected = full.get(member)
        assert (standing.hops, standing.mutual) == (
            (expected.hops, expected.mutual) if expected else (None, 0)
        ), member
    # The dashboard's counts by degree (kept beside reach, R10) follow as well.
    counted = dict(world.db.execute("SELECT rank, count(*) FROM reach GROUP BY rank").fetchall())
    assert reach.rank_counts(world.db) == counted
    stats = world.stats().degrees
    assert stats["1st"] == 3 and sum(stats.values()) == 8  # 6 joined my 1st; all but me


def test_r5_the_balance_chart_starts_with_the_account_and_follows_the_ledger(world):
    """The credits screen's chart: one point per day, from my account's first entry
    (no made-up days before the network existed), at most the last 90 days."""
    history = world.credits().history
    assert history == (BalanceDay("2015-01-12", 15),)
    world.buy(5)
    world.advance(120)
    history = world.credits().history
    assert len(history) == 90 and history[-1] == BalanceDay(
        world.today.isoformat(), world.balance()
    )
    ledger = world.db.execute("SELECT date, amount FROM ledger WHERE owner = ?", (world.me,))
    entries = ledger.fetchall()
    for point in history:
        assert point.balance == sum(amount for day, amount in entries if day <= point.date)
