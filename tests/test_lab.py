"""R12: the policy lab on the handmade network (tests/handmade.py).

Who a campaign can reach from me (member 1): InMail to 4, 5, 8 and 9 costs a credit;
7 has an Open Profile (free, R3.5); 6 refuses InMail; 2 and 3 are 1st degree.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta

import pytest

from netui import lab
from netui.cli import main
from netui.core.model import Category, Plan, RefundPolicy
from netui.core.outcomes import refund_date
from netui.errors import BadInput
from netui.world import World

PAID = (4, 5, 8, 9)
CAMPAIGN = lab.Campaign(ids=(*PAID, 7, 6, 2), count=10, checklist=6, length="short")


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def report(handmade_db):
    return lab.run_lab(handmade_db, CAMPAIGN)


def fates(handmade_db, campaign: lab.Campaign) -> list[tuple[date, date | None, date | None]]:
    """The campaign sent by hand, through the World, on a copy: what each recipient
    decided (the lab must meet the very same decisions)."""
    world = World(lab.scratch_copy(handmade_db))
    lab._go_to_weekday(world, lab.WEEKDAYS.index(campaign.weekday))
    world.buy(10)
    rows = []
    for member in lab.choose_recipients(world, campaign):
        sent = world.send(
            member,
            subject="Hello",
            body="x" * lab.BODY_CHARS[campaign.length],
            category=Category(world.member(member)["categories"][0]),
            want_inmail=True,
            checklist_score=campaign.checklist,
        )
        row = world.db.execute(
            "SELECT sent, fate_opened, fate_answered, cost FROM messages WHERE id = ?",
            (sent.message_id,),
        ).fetchone()
        rows.append(tuple(d and date.fromisoformat(d) for d in row[:3]) + (row[3] == 0,))
    return rows


def test_r12_1_only_members_who_accept_inmail_and_are_not_connections(handmade_db):
    world = World.open(handmade_db)
    assert lab.choose_recipients(world, CAMPAIGN) == (*PAID, 7)
    assert lab.choose_recipients(world, lab.Campaign(ids=(9, 8, 9), count=1)) == (9,)


def test_r12_2_the_lab_never_changes_my_database(handmade_db):
    before = digest(handmade_db)
    lab.run_lab(handmade_db, CAMPAIGN)
    lab.run_lab(handmade_db, lab.Campaign(query="data", vary=lab.Vary.CHECKLIST, days=30))
    assert digest(handmade_db) == before


def test_r12_2_policy_runs_meet_the_same_decisions(report):
    assert [run.name for run in report.runs] == [p.value for p in RefundPolicy]
    assert len({(run.sent, run.opened, run.answered) for run in report.runs}) == 1
    assert {run.spent for run in report.runs} == {len(PAID)}  # 7's InMail is free


def test_r12_3_each_policy_refunds_exactly_what_its_rule_says(handmade_db, report):
    """Hand-computed from the recipients' decisions with the rule of R5.5."""
    decided = fates(handmade_db, CAMPAIGN)
    start = date.fromisoformat(report.start)
    end = start + timedelta(days=CAMPAIGN.days)
    for run in report.runs:
        policy = RefundPolicy(run.name)
        expected = sum(
            1
            for sent, opened, answered, free in decided
            if (due := refund_date(policy, sent, opened, answered, free=free)) and due <= end
        )
        assert run.refunded == expected, policy
        assert run.net_credits == run.spent - expected
    unopened = next(r for r in report.runs if r.name == "unopened-after-7-days")
    assert unopened.refunded == sum(
        1
        for sent, opened, _, free in decided
        if not free and (opened is None or opened > sent + timedelta(days=7))
    )


def test_r12_3_money_and_the_balance_by_day(report):
    for run in report.runs:
        days = run.balance_by_day
        assert len(days) == CAMPAIGN.days + 1
        assert days[0][0] == report.start
        # Nothing was bought (15 credits cover 4 paid InMails): money is the plan's
        # months billed while the campaign is followed.
        assert run.usd_cents % 5_999 == 0
        expected = round(run.usd_cents / run.answered) / 100 if run.answered else None
        assert run.as_json()["usd_per_answer"] == expected


def test_r12_3_same_database_and_options_same_report_byte_for_byte(handmade_db, report):
    again = lab.run_lab(handmade_db, CAMPAIGN)
    assert json.dumps(again.as_json()) == json.dumps(report.as_json())
    assert again.as_csv() == report.as_csv()


def test_r12_1_the_lab_buys_the_packs_a_campaign_needs(handmade_db):
    world = World.open(handmade_db)
    world.change_plan(Plan.FREE)  # no credits left, and no plan to bill
    world.db.conn.close()
    report = lab.run_lab(handmade_db, lab.Campaign(ids=PAID, days=10))
    # Four paid InMails with no credits: packs of 2 and 2, at $10 a credit (R5.8).
    assert {run.usd_cents for run in report.runs} == {4 * 1_000}
    assert {run.spent for run in report.runs} == {4}


@pytest.mark.parametrize(
    ("campaign", "words"),
    [
        (lab.Campaign(ids=PAID, count=0), "--count"),
        (lab.Campaign(ids=PAID, checklist=10), "--checklist"),
        (lab.Campaign(ids=PAID, length="huge"), "--length"),
        (lab.Campaign(ids=PAID, weekday="someday"), "--weekday"),
        (lab.Campaign(ids=(6, 2, 3)), "Nobody"),
        (lab.Campaign(query="zzzz-nobody"), "Nobody"),
    ],
)
def test_r12_bad_options_are_refused_and_change_nothing(handmade_db, campaign, words):
    before = digest(handmade_db)
    with pytest.raises(BadInput) as refused:
        lab.run_lab(handmade_db, campaign)
    assert words in refused.value.message + " ".join(refused.value.reasons)
    assert digest(handmade_db) == before


def test_r12_5_the_command(handmade_db, tmp_path, capsys):
    csv_path = tmp_path / "lab.csv"
    code = main(
        [
            "lab",
            "--ids",
            "4,5,8,9",
            "--days",
            "30",
            "--json",
            "--csv",
            str(csv_path),
            "--db",
            str(handmade_db),
        ]
    )
    assert code == 0
    document = json.loads(capsys.readouterr().out)
    assert document["campaign"]["vary"] == "policy"
    assert [run["name"] for run in document["runs"]] == [p.value for p in RefundPolicy]
    assert set(document["runs"][0]) >= {
        "name",
        "sent",
        "opened",
        "answered",
        "spent",
        "refunded",
        "net_credits",
        "usd",
        "usd_per_answer",
        "balance_by_day",
    }
    assert csv_path.read_text().startswith("name,sent,opened,answered")
    assert main(["lab", "--ids", "4", "--vary", "mood", "--json", "--db", str(handmade_db)]) == 2
    assert "thing to vary" in json.loads(capsys.readouterr().out)["error"]
