"""Every number and text a user types is checked at the edge (issue 12, item 3).

A value out of range is refused with exit 2 and a clear reason before anything is read
or written: ids beyond SQLite's integer range, limits below 1 or above 10,000, dates
not written YYYY-MM-DD, control characters and undecodable bytes in text.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from netui.cli import main
from netui.core.inputs import LARGEST_ID, MAX_LIMIT

TOO_BIG = str(LARGEST_ID + 1)  # 9223372036854775808: no SQLite integer is this large


def contents(db: Path) -> list[str]:
    """Everything the database holds, as SQL (the file's bytes move with checkpoints)."""
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def refused(capsys, db, *args: str) -> dict:
    """Run a command that must be refused: exit 2, a JSON error, the database unchanged."""
    before = contents(db)
    code = main([*args, "--db", str(db), "--json"])
    out, err = capsys.readouterr()
    assert code == 2, out
    error = json.loads(out)
    assert set(error) == {"error", "reasons"} and error["error"]
    assert "Traceback" not in out + err
    assert contents(db) == before
    return error


def ok(capsys, db, *args: str) -> object:
    code = main([*args, "--db", str(db), "--json"])
    out, _ = capsys.readouterr()
    assert code == 0, out
    return json.loads(out)


# ── ids ──────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "args",
    [
        ["profile", TOO_BIG],
        ["route", TOO_BIG],
        ["send", TOO_BIG, "--body", "Hello"],
        ["connect", TOO_BIG],
        ["thread", TOO_BIG],
        ["settings", "--me", TOO_BIG],
    ],
)
def test_a_member_id_beyond_sqlites_range_is_no_such_member(capsys, handmade_db, args):
    error = refused(capsys, handmade_db, *args)
    assert error["error"] == f"No member with id {TOO_BIG}."


@pytest.mark.parametrize("command", ["reply", "accept", "decline"])
def test_a_message_id_beyond_sqlites_range_is_no_such_message(capsys, handmade_db, command):
    extra = ["--body", "Thanks!"] if command == "reply" else []
    error = refused(capsys, handmade_db, command, TOO_BIG, *extra)
    assert error["error"] == f"No message with id {TOO_BIG}."


@pytest.mark.parametrize(
    "value", [str(LARGEST_ID), "0", "-1", "-" + TOO_BIG, "1e3", "0x10", "4.0", "٣", "", "9" * 5000]
)
def test_other_bad_member_ids_are_refused(capsys, handmade_db, value):
    error = refused(capsys, handmade_db, "profile", value)
    assert len(error["error"]) < 120  # a 5,000-digit number is not quoted back whole


# ── limits ───────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("value", ["-5", "0", str(MAX_LIMIT + 1), TOO_BIG, "lots"])
@pytest.mark.parametrize(
    "command", [["credits", "--ledger"], ["inbox", "--limit"], ["search", "a", "--limit"]]
)
def test_limits_run_from_1_to_10000(capsys, handmade_db, command, value):
    error = refused(capsys, handmade_db, *command, value)
    if value != "lots":
        assert "between 1 and 10,000" in error["error"]


def test_the_ledger_limit_shows_the_newest_entries(capsys, handmade_db):
    ok(capsys, handmade_db, "buy", "1")
    ok(capsys, handmade_db, "buy", "2")
    assert [e["amount"] for e in ok(capsys, handmade_db, "credits", "--ledger", "1")["ledger"]] == [
        2
    ]
    everything = ok(capsys, handmade_db, "credits", "--ledger", str(MAX_LIMIT))["ledger"]
    assert len(everything) == 3


# ── dates ────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "value",
    ["10000-01-01", "2015-13-01", "2015-02-30", "20150301", "2015-W10-1", "2015-3-1", "0001-01-01"],
)
def test_advance_to_refuses_dates_out_of_range_or_not_written_yyyy_mm_dd(
    capsys, handmade_db, value
):
    refused(capsys, handmade_db, "advance", "--to", value)


def test_advance_to_a_good_date_works(capsys, handmade_db):
    assert ok(capsys, handmade_db, "advance", "--to", "2015-02-01")["date"] == "2015-02-01"


# ── text ─────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("bad", ["\x00", "\x1b[31m", "\x07", "\x7f", "\udcff"])
@pytest.mark.parametrize(
    "where",
    [
        ["search", "{}"],
        ["search", "x", "--country", "{}"],
        ["search", "x", "--industry", "{}"],
        ["search", "x", "--company", "{}"],
        ["send", "2", "--body", "Hi {}"],
        ["send", "8", "--inmail", "--category", "job-inquiry", "--subject", "A{}", "--body", "Hi"],
        ["reply", "1", "--body", "Thanks {}"],
    ],
)
def test_control_characters_and_undecodable_bytes_in_text_are_refused(
    capsys, handmade_db, where, bad
):
    args = [arg.replace("{}", bad) for arg in where]
    error = refused(capsys, handmade_db, *args)
    if where[0] != "reply":  # reply: message 1 is not to me, which may be said first
        assert "control character" in json.dumps(error) or "UTF-8" in json.dumps(error)


def test_a_body_may_hold_new_lines_and_tabs_up_to_2000_characters(capsys, handmade_db):
    body = ("Hi Marco,\n\tline two. " * 200)[:2000]
    sent = ok(capsys, handmade_db, "send", "2", "--body", body)
    assert sent["route"] == "message"
    error = refused(capsys, handmade_db, "send", "2", "--body", body + "!")
    assert "2,001 characters" in error["error"]


def test_a_subject_of_200_characters_is_the_limit(capsys, handmade_db):
    inmail = ["send", "8", "--inmail", "--category", "job-inquiry", "--body", "Dear Noor, hi."]
    refused(capsys, handmade_db, *inmail, "--subject", "S" * 201)
    assert ok(capsys, handmade_db, *inmail, "--subject", "S" * 200)["route"] == "inmail"


def test_a_nul_in_a_file_name_is_refused(capsys, tmp_path):
    code = main(["stats", "--db", str(tmp_path / "a\x00b.db"), "--json"])
    out, _ = capsys.readouterr()
    assert code == 2 and "not a file name" in json.loads(out)["error"]
