"""Killing the process mid-action, and two processes racing for the last credit."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from netui.core.model import Category, Plan
from netui.world import World

ROOT = Path(__file__).resolve().parents[2]


def _python(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _assert_consistent(path) -> None:
    world = World.open(path)
    db, today = world.db, world.today.isoformat()
    one = lambda sql, *p: db.execute(sql, p).fetchone()[0]  # noqa: E731
    for owner in [r[0] for r in db.execute("SELECT DISTINCT owner FROM ledger")]:
        ledger = one("SELECT sum(amount) FROM ledger WHERE owner = ?", owner)
        live = one(
            "SELECT coalesce(sum(remaining), 0) FROM lots WHERE owner = ? AND expires > ?",
            owner,
            today,
        )
        assert ledger == live >= 0
    assert (
        one(
            "SELECT count(*) FROM ledger l LEFT JOIN messages m ON m.id = l.message_id "
            "WHERE l.kind = 'spend' AND m.id IS NULL"
        )
        == 0
    )
    assert (
        one(
            "SELECT count(*) FROM messages WHERE kind = 'inmail' AND cost = 1 AND id NOT IN "
            "(SELECT message_id FROM ledger WHERE kind = 'spend')"
        )
        == 0
    )
    # No half-applied day: everything due by today happened, nothing after it did.
    assert (
        one("SELECT count(*) FROM messages WHERE fate_opened <= ? AND opened IS NULL", today) == 0
    )
    assert one("SELECT count(*) FROM messages WHERE opened > ? OR sent > ?", today, today) == 0
    assert (
        one("SELECT count(*) FROM messages WHERE refund_on <= ? AND refunded IS NULL", today) == 0
    )
    world.db.conn.close()


def _kill_after(process: subprocess.Popen, marker: str, seconds: float) -> None:
    """Wait until the child says it started, let it work a while, then SIGKILL it."""
    assert process.stdout.readline().strip() == marker, process.stderr.read()
    time.sleep(seconds)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


def test_sigkill_during_a_long_advance_leaves_a_consistent_database(handmade_db):
    path = handmade_db
    world = World.open(path)
    world.buy(10)
    for member in (8, 4, 5):
        world.send(
            member,
            want_inmail=True,
            subject="A question about your work",
            category=Category.JOB_INQUIRY,
            body="Hello, I'm Giulia. Could we talk? Thanks!",
        )
    world.db.conn.close()
    child = _python(
        """
        import sys
        from netui.world import World
        world = World.open(sys.argv[1])
        print("started", flush=True)
        while True:  # long advances, one after the other, until killed
            world.advance(3000)
    """,
        str(path),
    )
    _kill_after(child, "started", 1.0)
    assert child.returncode == -signal.SIGKILL
    _assert_consistent(path)


def test_sigkill_during_a_loop_of_sends_leaves_a_consistent_database(handmade_db):
    path = handmade_db
    child = _python(
        """
        import sys
        from netui.core.model import Category
        from netui.world import World
        world = World.open(sys.argv[1])
        print("started", flush=True)
        for _ in range(100_000):
            world.buy(1)
            world.send(8, want_inmail=True, subject="A question about your work",
                       category=Category.JOB_INQUIRY, body="Hello, I'm Giulia. Thanks!")
    """,
        str(path),
    )
    _kill_after(child, "started", 1.5)
    assert child.returncode == -signal.SIGKILL
    _assert_consistent(path)


def test_two_processes_cannot_both_spend_the_last_credit(handmade_db, tmp_path):
    path = handmade_db
    world = World.open(path)
    world.change_plan(Plan.FREE)
    world.buy(1)
    world.db.conn.close()
    go = tmp_path / "go"
    racers = [
        _python(
            """
        import pathlib, sys, time
        from netui.core.model import Category
        from netui.errors import Refused
        from netui.world import World
        world = World.open(sys.argv[1])
        print("ready", flush=True)
        while not pathlib.Path(sys.argv[2]).exists():
            time.sleep(0.001)
        try:
            world.send(int(sys.argv[3]), want_inmail=True, subject="A question for you",
                       category=Category.JOB_INQUIRY, body="Hello, could we talk? Thanks!")
            print("sent")
        except Refused:
            print("refused")
    """,
            str(path),
            str(go),
            member,
        )
        for member in ("8", "4")
    ]
    for racer in racers:
        assert racer.stdout.readline().strip() == "ready"
    go.touch()
    outcomes = sorted(r.communicate(timeout=30)[0].strip() for r in racers)
    assert outcomes == ["refused", "sent"]
    world = World.open(path)
    assert world.balance() == 0
    _assert_consistent(path)
