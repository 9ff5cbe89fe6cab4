"""The command contract (R11): --json shapes, exit status 2 and one clear line on errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from netui.cli import main


def run(capsys, db, *args: str) -> tuple[int, object, str]:
    code = main([*args, "--db", str(db), "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def run_text(capsys, db, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--db", str(db)])
    out, err = capsys.readouterr()
    return code, out, err


def test_r11_stats(capsys, handmade_db):
    code, stats, _ = run(capsys, handmade_db, "stats")
    assert code == 0
    assert {"members", "connections", "groups", "countries", "me", "date", "degrees"} <= set(stats)
    assert set(stats["degrees"]) == {"1st", "2nd", "3rd", "group", "out"}
    assert stats["date"] == "2015-01-12"


def test_r11_search_rows(capsys, handmade_db):
    code, rows, _ = run(capsys, handmade_db, "search", "engineer", "--degree", "2nd,3rd")
    assert code == 0 and rows
    for row in rows:
        assert {
            "id",
            "name",
            "headline",
            "company",
            "country",
            "degree",
            "mutual",
            "shared_groups",
            "route",
        } <= set(row)
        assert row["degree"] in ("2nd", "3rd")


def test_r11_profile_and_route(capsys, handmade_db):
    _, profile, _ = run(capsys, handmade_db, "profile", "6")
    assert profile["path"][0] == 1 and profile["path"][-1] == 6
    for key in (
        "degree",
        "mutual",
        "shared_groups",
        "accepts_inmail",
        "open_profile",
        "categories",
        "route",
    ):
        assert key in profile
    _, route, _ = run(capsys, handmade_db, "route", "2", "--inmail")
    assert (
        route
        == {
            "degree": "1st",
            "route": "none",
            "cost": 0,
            "allowed": False,
            "reasons": route["reasons"],
            "refusals": ["first_degree"],  # for scripts: why, without reading the words
        }
        and route["reasons"]
    )


def test_r11_send_credits_advance_sent(capsys, handmade_db):
    code, sent, _ = run(
        capsys,
        handmade_db,
        "send",
        "8",
        "--inmail",
        "--category",
        "career-opportunity",
        "--subject",
        "Risk roles in Milan",
        "--body",
        "Dear Noor, would you like to talk? Thanks",
    )
    assert code == 0
    assert (sent["route"], sent["cost"], sent["credits"]) == ("inmail", 1, 14)
    _, credits, _ = run(capsys, handmade_db, "credits")
    assert credits["balance"] == 14 == sum(e["amount"] for e in credits["ledger"])
    assert {"balance", "plan", "lots", "score", "open_rate", "ledger"} <= set(credits)
    assert all({"amount", "expires"} <= set(lot) for lot in credits["lots"])
    _, advanced, _ = run(capsys, handmade_db, "advance", "7")
    assert advanced["date"] == "2015-01-19" and isinstance(advanced["events"], dict)
    _, items, _ = run(capsys, handmade_db, "sent")
    assert {
        "message_id",
        "to",
        "sent",
        "category",
        "state",
        "credit_state",
        "refund_days_left",
    } <= set(items[0])


def test_r11_settings_buy_plan(capsys, handmade_db):
    _, settings, _ = run(
        capsys,
        handmade_db,
        "settings",
        "--accept-inmail",
        "off",
        "--categories",
        "new-venture,job-inquiry",
    )
    assert settings["accept_inmail"] is False
    assert settings["categories"] == ["new-venture", "job-inquiry"]
    _, bought, _ = run(capsys, handmade_db, "buy", "5")
    assert bought["balance"] == 20
    _, plan, _ = run(capsys, handmade_db, "plan", "free")
    assert plan["plan"] == "free"


@pytest.mark.parametrize(
    "args",
    [
        ["profile", "999"],
        ["profile", "abc"],
        ["profile", "0"],
        ["route", "-4"],
        ["send", "8", "--body", ""],
        ["send", "2", "--inmail", "--body", "x", "--subject", "y", "--category", "job-inquiry"],
        ["send", "8", "--inmail", "--body", "x", "--subject", "y", "--category", "spam"],
        ["buy", "3"],
        ["buy", "lots"],
        ["plan", "gold"],
        ["advance", "--to", "2014-12-31"],
        ["advance", "--to", "31/12/2015"],
        ["advance", "0"],
        ["settings", "--refund-policy", "never"],
        ["settings", "--accept-inmail", "maybe"],
        ["search", "x", "--degree", "4th"],
        ["search", "x", "--limit", "0"],
        ["accept", "12345"],
        ["reply", "1", "--body", "hi"],
        ["stats", "--bogus"],
        ["frobnicate"],
    ],
)
def test_r11_bad_input_exits_2_with_a_json_error_and_changes_nothing(capsys, handmade_db, args):
    before = handmade_db.read_bytes()
    code = main([*args, "--db", str(handmade_db), "--json"])
    out, err = capsys.readouterr()
    assert code == 2
    error = json.loads(out)
    assert set(error) == {"error", "reasons"} and error["error"]
    assert "Traceback" not in out + err
    assert handmade_db.read_bytes() == before


def test_r11_errors_are_one_clear_line_without_json(capsys, handmade_db):
    code, out, err = run_text(capsys, handmade_db, "profile", "999")
    assert code == 2 and out == ""
    assert err.strip() == "netui: No member with id 999."


def test_missing_and_foreign_databases(capsys, tmp_path):
    code, out, err = run_text(capsys, tmp_path / "none.db", "stats")
    assert code == 2 and "netui seed" in err and not (tmp_path / "none.db").exists()
    foreign = tmp_path / "paper.db"
    foreign.write_text("not a database")
    code, out, err = run_text(capsys, foreign, "stats")
    assert code == 2 and "not a netui database" in err
    assert foreign.read_text() == "not a database"


def test_r11_text_output_shows_member_text_verbatim(capsys, handmade_db):
    code, out, _ = run_text(capsys, handmade_db, "profile", "5")
    assert "[bold]Eve[/] Markup" in out and "[link=http://x]Evil[/link] Ltd" in out


def test_the_installed_command_runs_as_a_subprocess(handmade_db):
    done = subprocess.run(
        [sys.executable, "-m", "netui", "stats", "--db", str(handmade_db)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "9 members" in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "netui", "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.startswith("netui ")


def test_the_score_waits_for_answers_in_the_text_output(capsys, handmade_db):
    """Issue 14.5, and plurals (14.10): the text of `credits` and `stats`."""
    sent = ["send", "4", "--inmail", "--subject", "Hi", "--body", "Dear Seán."]
    code, out, _ = run_text(capsys, handmade_db, *sent, "--category", "job-inquiry")
    assert code == 0 and "14 credits left" in out
    _, out, _ = run_text(capsys, handmade_db, "credits")
    assert "Score: waiting for answers (1 InMail sent, none answered yet)" in out
    assert "0 InMails answered" in out
    _, out, _ = run_text(capsys, handmade_db, "stats")
    assert "score: waiting for answers" in out
    code, data, _ = run(capsys, handmade_db, "credits")
    assert data["score"] == 0 and data["score_waiting"] is True  # R5.6's figure is kept
    _, out, _ = run_text(capsys, handmade_db, "inbox")
    assert "Seán O'Brien — 1 message, read" in out  # not "1 messages"
    _, out, _ = run_text(capsys, handmade_db, "buy", "1")
    assert out.startswith("Bought 1 credit for $10.00")
    _, out, _ = run_text(capsys, handmade_db, "search", "amina")
    assert "· 1 shared group ·" in out
