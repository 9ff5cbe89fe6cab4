"""Issue 10 item 3: the World answers in typed results whose `as_json()` is the command
contract (R11), and which carry the decisions World made (no screen re-derives them).

The handmade network (tests/handmade.py): from me (1), 1st = {2, 3}; 2nd = {4, 5};
3rd = {6}, who does not accept InMail; 7 and 9 share a group with me (7 has an Open
Profile); 8 is out of reach.
"""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError

import pytest

from netui.cli import main
from netui.core.credits import LedgerKind
from netui.core.model import Category, Degree, MessageKind, Plan, RefundPolicy, Route
from netui.core.outcomes import CreditState, InMailState
from netui.core.routes import Refusal, RouteDecision
from netui.world import World
from tests.handmade import DEFAULTS

# What R11 says each command's --json gives at least.
AT_LEAST = {
    "stats": {"members", "connections", "groups", "countries", "me", "date", "degrees"},
    "search": {"id", "name", "headline", "company", "country", "degree", "mutual"}
    | {"shared_groups", "route"},
    "profile": {"degree", "mutual", "shared_groups", "path", "accepts_inmail", "open_profile"}
    | {"categories", "route"},
    "credits": {"balance", "plan", "lots", "score", "open_rate", "ledger"},
    "settings": {"completeness", "missing", "accept_inmail", "categories", "refund_policy"},
}


def cli_json(capsys, db, *argv: str) -> object:
    assert main([*argv, "--db", str(db), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def as_printed(result: object) -> object:
    """What the CLI prints for a World answer: its as_json, through JSON."""
    if isinstance(result, list):
        return [as_printed(item) for item in result]
    return json.loads(json.dumps(result.as_json(), ensure_ascii=False))


@pytest.mark.parametrize(
    ("argv", "ask"),
    [
        (("stats",), lambda w: w.stats()),
        (("search", "--limit", "50"), lambda w: w.search("", limit=50)),
        (("search", "--degree", "2nd,3rd,group,out"), lambda w: w.search("", _beyond(), 20)),
        (("profile", "4"), lambda w: w.profile(4)),
        (("profile", "7"), lambda w: w.profile(7)),
        (("route", "6", "--inmail"), lambda w: w.route(6, want_inmail=True)),
        (("credits",), lambda w: w.credits(ledger_limit=20)),
        (("settings",), lambda w: w.settings()),
        (("inbox",), lambda w: w.inbox()),
        (("sent",), lambda w: w.sent()),
    ],
)
def test_r11_the_cli_prints_the_world_answer_as_json(capsys, handmade_db, argv, ask):
    """The CLI has no JSON of its own: it prints each answer's as_json (R11)."""
    world = World.open(handmade_db)
    world.buy(2)
    world.send(
        4,
        subject="Hello",
        body="A question.",
        category=Category.EXPERTISE_REQUEST,
        want_inmail=True,
    )
    world.advance(3)
    expected = as_printed(ask(world))
    world.db.conn.close()
    printed = cli_json(capsys, handmade_db, *argv)
    assert printed == expected
    keys = AT_LEAST.get(argv[0])
    if keys is not None:
        first = printed[0] if isinstance(printed, list) else printed
        assert keys <= set(first)


def _beyond():
    from netui.store.search import SearchFilters

    return SearchFilters(degrees=(Degree.SECOND, Degree.THIRD, Degree.GROUP, Degree.OUT))


def test_r9_2_each_search_result_carries_the_decision_world_makes_for_that_member(world):
    results = world.search("", _beyond(), limit=20)
    assert {r.id for r in results} == {4, 5, 6, 7, 8, 9}
    for result in results:
        assert isinstance(result.decision, RouteDecision)
        assert result.decision == world.route(result.id)
    by_id = {r.id: r for r in results}
    assert by_id[4].degree is Degree.SECOND and by_id[4].decision.route is Route.INMAIL
    assert by_id[4].decision.cost == 1
    assert by_id[9].degree is Degree.GROUP
    assert by_id[9].decision.route is Route.GROUP_MESSAGE and by_id[9].decision.cost == 0
    assert by_id[6].decision.refusals == (Refusal.INMAIL_OFF,)
    assert not by_id[6].decision.allowed


def test_r3_a_profile_carries_both_routes_world_decided(world):
    profile = world.profile(2)
    assert profile.degree is Degree.FIRST and profile.is_connection
    assert profile.route == world.route(2)
    assert profile.route.route is Route.MESSAGE
    # InMail to a connection is refused (R3.1): decided by World, shown by the screens.
    assert profile.inmail_route == world.route(2, want_inmail=True)
    assert profile.inmail_route.refusals == (Refusal.FIRST_DEGREE,)
    # The InMail route is for the screens only: the contract has no such key.
    assert "inmail_route" not in profile.as_json()
    assert not profile.can_invite
    assert world.profile(4).can_invite


def test_r3_5_open_profile_inmail_is_free_in_the_profile_and_in_search(world):
    profile = world.profile(7)
    assert profile.open_profile is True
    assert profile.inmail_route.route is Route.FREE_INMAIL and profile.inmail_route.cost == 0
    assert profile.plan is Plan.SALES_NAVIGATOR


def test_fields_hold_the_domain_values_not_their_spellings(world):
    """Enums in the fields, the same spellings in the JSON (R11)."""
    profile = world.profile(4)
    expected = tuple(Category(c) for c in DEFAULTS["categories"].split(";"))
    assert profile.categories == expected
    assert profile.as_json()["categories"] == [c.value for c in expected]
    assert profile.path[0] == world.me and profile.path[-1] == 4 and len(profile.path) == 3
    settings = world.settings()
    assert settings.plan is Plan.PREMIUM_BUSINESS
    assert settings.refund_policy is RefundPolicy.OPEN_WITHIN_90_DAYS
    assert settings.as_json()["refund_policy"] == "open-within-90-days"
    stats = world.stats()
    assert stats.degrees == {
        Degree.FIRST: 2,
        Degree.SECOND: 2,
        Degree.THIRD: 1,
        Degree.GROUP: 2,
        Degree.OUT: 1,
    }
    assert stats.as_json()["degrees"] == {"1st": 2, "2nd": 2, "3rd": 1, "group": 2, "out": 1}
    assert stats.glance == world.glance()


def test_r7_sent_thread_and_credits_use_the_enums(world):
    receipt = world.send(
        4,
        subject="Hello",
        body="A question.",
        category=Category.EXPERTISE_REQUEST,
        want_inmail=True,
    )
    assert receipt.route is Route.INMAIL and receipt.cost == 1
    (item,) = world.sent()
    assert item.message_id == receipt.message_id
    assert item.state is InMailState.SENT and item.credit_state is CreditState.SPENT
    (message,) = world.thread(4)
    assert message.kind is MessageKind.INMAIL and not message.incoming
    assert message.as_json()["direction"] == "out"
    assert message.as_json()["from"] == world.me and message.as_json()["to"] == 4
    credits = world.credits()
    assert credits.ledger[0].kind is LedgerKind.SPEND
    # `usd` only where money was charged with the entry (R11).
    assert "usd" not in credits.ledger[0].as_json()
    assert credits.in_refund_window[0].message_id == receipt.message_id


def test_results_are_frozen(world):
    with pytest.raises(FrozenInstanceError):
        world.profile(4).name = "Someone else"  # type: ignore[misc]
