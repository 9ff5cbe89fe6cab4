"""The real program in a real terminal: netui in tmux, driven by keys, read from the screen.

The journey: a fresh `tiny` network → buy credits → search → InMail a result straight
from the list → escape, and the draft comes back with the form → send → the credits
drop → advance a week → the answer is in the inbox → quit. Every wait polls the screen
with a deadline; nothing sleeps a fixed time.

Which member answers within a week is decided by the simulation's seed, so before
starting the program we rehearse the same InMail on scratch copies of the database
(through the World, as the UI would) and pick a member who does answer. The run in
tmux then has a known ending, whatever the recipe's details.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from netui.core.model import Category, Degree, Route
from netui.store.search import SearchFilters
from netui.ui.text import long_date
from netui.world import World

pytestmark = pytest.mark.e2e

TMUX = shutil.which("tmux")
SUBJECT = "Your work and a question"
BODY = "Hello, I am writing because we share interests. Would you be open to a call? Thanks!"
WIDTH, HEIGHT = 120, 40
ANSWERED = ("accepted", "declined", "replied")


@pytest.fixture
def tiny_db(tmp_path: Path) -> Path:
    """A fresh `tiny` network made by the real command."""
    path = tmp_path / "tiny.db"
    made = subprocess.run(
        [sys.executable, "-m", "netui", "seed", "--recipe", "tiny", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, f"netui seed --recipe tiny failed:\n{made.stderr}"
    return path


def rehearse(db: Path, scratch: Path) -> dict:
    """A member that the first InMail sent from this database gets an answer from in a week.

    Each candidate is tried on a fresh copy, exactly as the UI will do it: buy a pack,
    send one InMail with this subject and body, advance seven days.
    """
    world = World.open(db)
    try:
        balance, today = world.balance(), world.today
        candidates = []
        far = SearchFilters(degrees=(Degree.SECOND, Degree.THIRD))
        for row in world.search("", far, limit=500):
            name = row.name
            # A paid InMail (allowed, or refused only for want of credits): a member who
            # accepts InMail and has no Open Profile, so sending it costs a credit.
            decision = world.route(row.id, want_inmail=True)
            paid = decision.route is Route.INMAIL or decision.needs_credits
            if not name.isascii() or not paid:
                continue
            hits = world.search(name, limit=2)  # typing the name must find them alone
            categories = world.member(row.id)["categories"]
            if [hit.id for hit in hits] == [row.id] and categories:
                candidates.append((row.id, name, Category(categories[0])))
            if len(candidates) >= 40:
                break
    finally:
        world.db.conn.close()
    for member_id, name, category in candidates:
        copy = scratch / f"try-{member_id}.db"
        shutil.copy(db, copy)
        world = World.open(copy)
        try:
            world.buy(5)
            world.send(member_id, subject=SUBJECT, body=BODY, category=category, want_inmail=True)
            world.advance(7)
            if world.sent()[0].state in ANSWERED:
                # The form picks the first category they welcome, as done here.
                return {
                    "name": name,
                    "balance": balance,
                    "category": category.label,
                    "today": long_date(today.isoformat()),
                    "week_later": long_date((today + timedelta(days=7)).isoformat()),
                }
        finally:
            world.db.conn.close()
    raise AssertionError("no member of this network answers a first InMail within a week")


class Terminal:
    """One tmux session on a private server, so nothing else in tmux is touched.

    The server's socket is named by this process and a random part, so test runs in
    parallel (pytest-xdist workers, other checkouts) never share a server.
    """

    def __init__(self, command: list[str]) -> None:
        self.socket = f"netui-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.session = "netui"
        self.tmux(
            "new-session",
            "-d",
            "-s",
            self.session,
            "-x",
            str(WIDTH),
            "-y",
            str(HEIGHT),
            "-e",
            "LANG=C.UTF-8",
            # Under pytest the pane inherits COLUMNS=80 LINES=24, which would override
            # the real size for the program inside; say the real size instead.
            "-e",
            f"COLUMNS={WIDTH}",
            "-e",
            f"LINES={HEIGHT}",
            " ".join(command),
        )

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            [TMUX, "-L", self.socket, *args], capture_output=True, text=True, timeout=30
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.session, key)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def wait_for(self, *texts: str, timeout: float = 30) -> str:
        return self.poll(lambda screen: all(text in screen for text in texts), texts, timeout)

    def wait_until_gone(self, text: str, timeout: float = 30) -> str:
        return self.poll(lambda screen: text not in screen, f"no {text!r}", timeout)

    def poll(self, seen: Callable[[str], bool], what: object, timeout: float) -> str:
        """The screen once `seen` holds for it; an error showing it after `timeout` s."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if seen(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {what!r}; the screen was:\n{screen}")
            time.sleep(0.1)

    def running(self) -> bool:
        return self.session in self.tmux("list-sessions", "-F", "#{session_name}")

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
def test_search_inmail_send_advance_read_quit(tiny_db: Path, tmp_path: Path):
    target = rehearse(tiny_db, tmp_path)
    terminal = Terminal([sys.executable, "-m", "netui", "--db", str(tiny_db)])
    try:
        terminal.wait_for("Dashboard", "Search", target["today"], timeout=60)

        terminal.keys("c")  # buy a pack of five credits
        terminal.wait_for("Refund policy")
        terminal.keys("b")
        terminal.wait_for("Buy InMail credits")
        terminal.keys("5")
        credits = target["balance"] + 5
        terminal.wait_for(f"Credits · {credits}")

        terminal.keys("s")  # search, and InMail straight from the result
        terminal.wait_for("Search names")
        terminal.type(target["name"])
        terminal.wait_for(f"1 result · {target['name']}")
        terminal.keys("Down", "I")
        terminal.wait_for(f"To {target['name']}", "InMail (1 credit)", f"{credits} credits left")
        terminal.type(SUBJECT)
        terminal.keys("Tab")
        terminal.type(BODY)
        # Escape closes the form; the draft is kept (issue 14.1) and comes back with it.
        terminal.keys("Escape")
        terminal.wait_until_gone(f"To {target['name']}")
        terminal.keys("I")
        terminal.wait_for(f"To {target['name']}", "is back", SUBJECT, BODY[:40])
        terminal.keys("C-s")
        terminal.wait_for(f"InMail sent to {target['name']}", f"Credits · {credits - 1}")

        terminal.keys("w")  # a week later…
        terminal.wait_for("The clock moved", f"Now {target['week_later']}")
        terminal.keys("i")
        terminal.wait_for("Conversations", "Sent InMails (1)")
        terminal.keys("2")  # the Sent tab (issue 14.6: a key of its own)
        screen = terminal.wait_for(target["name"], target["category"])
        row = next(line for line in screen.splitlines() if target["name"] in line)
        assert any(state in row for state in ANSWERED), row
        terminal.keys("Enter")  # that InMail's conversation, with the answer in it
        terminal.wait_for(f"← {target['name']}")

        terminal.keys("q")
        deadline = time.monotonic() + 15
        while terminal.running() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not terminal.running(), "netui did not quit on q"
    finally:
        terminal.close()
