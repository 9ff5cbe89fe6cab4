"""The one door from the terminal UI to the World, and the workers that go through it.

Why a lock and not a World per worker: a World is one sqlite connection opened with
`check_same_thread=False`, which lets any thread use it but does not make two threads
using it at once safe. Opening a World per worker would be safe, but two workers writing
at once would then race for SQLite's file lock, and each would pay to open and check
the file. The UI only ever needs one answer at a time, so one connection behind a lock
is both simpler and faster: calls queue up, and the screen never waits for them
because they run in thread workers, never on the event loop.

The gate is also where a failing file becomes a notice: an SQLite error (a full disk,
a read-only file, another program holding the lock) is turned into a DatabaseError
that says what happened, and a database file deleted or replaced while the app has it
open is noticed before each call. SQLite would otherwise go on reading the old,
unlinked file and saving changes into it that vanish when the app quits.
"""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual.dom import DOMNode
from textual.timer import Timer
from textual.worker import Worker, get_current_worker

from netui.errors import NetuiError
from netui.store.db import database_fault, file_identity, moved_fault

if TYPE_CHECKING:
    from netui.ui.app import NetuiApp
    from netui.world import World

T = TypeVar("T")

# Asked as you type: the question waits for a pause in the typing this long. Keys in a
# word come 80–200 ms apart (60–120 wpm), so 150 ms lets a typed word or a paste ask
# once, not once per key, while an answer still follows a pause too soon to feel late.
# The keys themselves never wait for it: the text box is drawn at once.
TYPING_PAUSE = 0.15
# An answer this long overdue (counted from the first key it owes) is said to be
# coming. Below it nothing is said: a marker shown for every quick answer would blink
# at each pause in the typing.
LATE_AFTER = 0.4

OVERTAKEN = object()  # what a question overtaken before its turn came "answers"
_tickets = itertools.count(1)
# The newest question per (node, group); weak so a closed screen is forgotten.
_latest: weakref.WeakKeyDictionary[DOMNode, dict[str, int]] = weakref.WeakKeyDictionary()


class WorldGate:
    """The World behind a lock: every call from the UI goes through `call`."""

    def __init__(self, world: World) -> None:
        self.world = world
        self._lock = threading.Lock()
        # The file the World opened ("" for an in-memory one), and which file that is.
        self.path = Path(world.db.execute("PRAGMA database_list").fetchone()[2] or "")
        self._identity = file_identity(self.path) if self.path.name else None

    def call(self, question: Callable[[World], T]) -> T:
        with self._lock:
            if self._identity is not None and file_identity(self.path) != self._identity:
                raise moved_fault(self.path)
            try:
                return question(self.world)
            except sqlite3.Error as error:
                raise database_fault(error, self.path) from None

    def close(self) -> None:
        with self._lock:
            self.world.db.conn.close()


def ask_world(
    node: DOMNode,
    question: Callable[[World], T],
    then: Callable[[T], object],
    *,
    group: str = "world",
    latest_only: bool = True,
    failed: Callable[[NetuiError], object] | None = None,
) -> Worker[None]:
    """Ask the World a question in a thread worker and hand the answer to `then`.

    `then` runs on the event loop (so it may touch widgets). With `latest_only` (for
    questions) it runs only if this is still the newest question of its `group` on
    `node`: a search typed over by a newer one is discarded, never shown, and the
    worker is exclusive, so an older question still queued for the lock is cancelled
    and skipped. Actions (send, buy, advance) pass `latest_only=False`: each one runs
    and each answer is delivered. Errors never escape as a traceback: a
    NetuiError goes to `failed` (default: a notification), anything else is reported
    as an unexpected error.
    """
    app: NetuiApp = node.app  # type: ignore[assignment]
    ticket = next(_tickets)
    latest = _latest.setdefault(node, {})
    latest[group] = ticket

    def current() -> bool:
        newest = latest.get(group) == ticket or not latest_only
        return newest and (node is app or node.is_attached)

    def deliver(answer: T) -> None:
        if current():
            then(answer)

    def refuse(error: NetuiError) -> None:
        if not current():
            return
        if failed is not None:
            failed(error)
        else:
            app.show_error(error)

    def job() -> None:
        worker = get_current_worker()

        def overtaken() -> bool:
            return latest_only and worker.is_cancelled

        def unless_overtaken(world: World) -> T | object:
            # Asked again once the lock is ours: questions that queued behind a slow one
            # and were overtaken meanwhile are skipped, not answered one after another
            # (a pasted body used to queue one checklist per character).
            return OVERTAKEN if overtaken() else question(world)

        if overtaken() or app.gate is None:
            return
        try:
            answer = app.gate.call(unless_overtaken)
        except NetuiError as error:
            app.call_from_thread(refuse, error)
        except Exception as error:  # a bug: say so plainly, keep the app alive
            app.call_from_thread(app.show_unexpected, error)
        else:
            if answer is not OVERTAKEN:
                app.call_from_thread(deliver, answer)

    return node.run_worker(
        job, thread=True, exclusive=latest_only, group=group, exit_on_error=False, name=group
    )


class AsYouType:
    """A question asked again at each keystroke (a draft's checklist, a search).

    Asked once the typing pauses (TYPING_PAUSE), in a worker through `ask_world`, so
    the newest answer wins and an overtaken one is dropped. Per key this costs no
    more than noting the newest question: one waiting worker serves a whole burst of
    keys. `late(True)` is called once an answer is overdue (LATE_AFTER) and
    `late(False)` when the answer to the newest question is shown, so the screen can
    say a result is on its way without blinking at every key.
    """

    def __init__(
        self,
        node: DOMNode,
        group: str,
        then: Callable[[T], object],
        late: Callable[[bool], object],
    ) -> None:
        self.node, self.group, self.then, self.late = node, group, then, late
        self.asked = 0  # questions asked (one per key), the newest last
        self.answered = 0  # the newest question whose answer is on screen
        self._question: Callable[[World], T] | None = None
        self._due = 0.0
        self._pause: Worker[None] | None = None
        self._overdue: Timer | None = None
        self._said_late = False

    @property
    def pending(self) -> bool:
        return self.answered < self.asked

    def ask(self, question: Callable[[World], T], *, at_once: bool = False) -> None:
        """Ask `question` when the typing pauses; `at_once` for a choice made in one
        step (a filter picked, the screen shown again), which has no pause to wait for."""
        if not self.pending:
            self._overdue = self.node.set_timer(LATE_AFTER, self._say_late)
        self.asked += 1
        self._question = question
        self._due = time.monotonic() + (0 if at_once else TYPING_PAUSE)
        if self._pause is None:
            self._pause = self.node.run_worker(
                self._wait, group=f"{self.group}-pause", exit_on_error=False
            )

    async def _wait(self) -> None:
        """Sleep until the typing has paused, then ask the newest question."""
        try:
            while (left := self._due - time.monotonic()) > 0:
                await asyncio.sleep(left)
        finally:  # cancelled too (the screen closing): the next key starts a new wait
            self._pause = None
        asked, question = self.asked, self._question
        ask_world(
            self.node,
            question,
            lambda answer: self._answered(asked, answer),
            group=self.group,
            failed=lambda error: self._failed(asked, error),
        )

    def _answered(self, asked: int, answer: T) -> None:
        self._settled(asked)
        self.then(answer)

    def _failed(self, asked: int, error: NetuiError) -> None:
        self._settled(asked)
        self.node.app.show_error(error)  # type: ignore[attr-defined]

    def _say_late(self) -> None:
        self._said_late = True
        self.late(True)

    def _settled(self, asked: int) -> None:
        self.answered = asked
        if self.pending:
            return
        if self._overdue is not None:
            self._overdue.stop()
        if self._said_late:
            self._said_late = False
            self.late(False)
