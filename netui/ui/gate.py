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

The App makes the gate before the World is open and gives it to every screen it makes;
screens ask through it (`gate.ask(self, …)`) and never reach for the App.

Quitting never waits for the World: closing the gate interrupts the SQL statement in
progress (its transaction rolls back) and refuses new calls, and every worker thread is
a daemon (`DaemonThreads`), which the process does not wait for.
"""

from __future__ import annotations

import asyncio
import itertools
import math
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual.dom import DOMNode
from textual.timer import Timer
from textual.worker import Worker, get_current_worker

from netui.core.money import PriceList
from netui.errors import NetuiError
from netui.store.db import database_fault, file_identity, moved_fault

if TYPE_CHECKING:
    from netui.world import World

T = TypeVar("T")

# SQLite asks the gate every this many virtual-machine steps whether to stop (well under
# a millisecond), and closing waits this long for the call in progress to unwind.
STEPS_BETWEEN_CHECKS = 10_000
CLOSE_WAIT_SECONDS = 0.5

# Asked as you type (see AsYouType). A key asks at once when the answer to the key
# before is on screen, and otherwise waits for the typing to pause for TYPING_PAUSE, so
# a burst asks once, not once per key. Keys closer together than DRAW_GAP (faster than
# 200 wpm: a fast typist's run, a held key repeating) are a burst, whose answers are
# drawn only once no key has come for DRAW_GAP: a redraw between them would delay the
# next key's echo. A typist who bursts does so word after word, so for BURST_MEMORY
# after a burst's key the first key of the next word counts as a burst's too, and so
# does the first key after a rest longer than that (nothing yet says how the typing
# will go on). Any other key (a person typing at their own pace, 80–200 ms a key) has
# its answer drawn as soon as it comes. The keys themselves never wait for either: the
# text box is drawn at once.
TYPING_PAUSE = 0.15
DRAW_GAP = 0.06
BURST_MEMORY = 2.0
# An answer not on screen this long after the newest key is said to be coming. Below it
# nothing is said: a marker shown for every quick answer would blink at each pause in
# the typing. Counted from the newest key, not the first one owed: while keys come,
# answers are held on purpose, and redrawing the detail line in the middle of a burst
# put some 25 ms on the echo of the key typed then.
LATE_AFTER = 0.4
_tickets = itertools.count(1)
# The newest question per (node, group); weak so a closed screen is forgotten.
_latest: weakref.WeakKeyDictionary[DOMNode, dict[str, int]] = weakref.WeakKeyDictionary()


class WorldGate:
    """The World behind a lock: every call from the UI goes through `call` or `ask`.

    Made empty, before the World exists; `open` hands it the World once it is open.
    """

    def __init__(self) -> None:
        self.world: World | None = None
        self._lock = threading.Lock()
        # The file the World opened ("" for an in-memory one), and which file that is.
        self.path = Path()
        self._identity: tuple[int, int] | None = None
        self._closing = threading.Event()

    def open(self, world: World) -> None:
        self.path = Path(world.db.execute("PRAGMA database_list").fetchone()[2] or "")
        self._identity = file_identity(self.path) if self.path.name else None
        # Once closing, any statement running or started aborts with "interrupted".
        world.db.conn.set_progress_handler(self._closing.is_set, STEPS_BETWEEN_CHECKS)
        self.world = world

    @property
    def is_open(self) -> bool:
        return self.world is not None

    @property
    def prices(self) -> PriceList:
        """The price list in force (the configuration's, fixed for the World's life)."""
        return self.world.prices if self.world is not None else PriceList()

    def call(self, question: Callable[[World], T]) -> T:
        with self._lock:
            return self._call(question)

    def last_call(self, question: Callable[[World], object]) -> bool:
        """One more call as netui quits, on the event loop (a worker would never run):
        made only if the World is free within CLOSE_WAIT_SECONDS, so quitting never
        hangs on a long call. Whether it was made."""
        if not self._lock.acquire(timeout=CLOSE_WAIT_SECONDS):
            return False
        try:
            self._call(question)
            return True
        except NetuiError:
            return False
        finally:
            self._lock.release()

    def _call(self, question: Callable[[World], T]) -> T:
        if self.world is None:
            raise NetuiError("The network is not open yet.")
        if self._closing.is_set():
            raise NetuiError("netui is closing.")
        if self._identity is not None and file_identity(self.path) != self._identity:
            raise moved_fault(self.path)
        try:
            return question(self.world)
        except sqlite3.Error as error:
            raise database_fault(error, self.path) from None

    def close(self) -> None:
        """Close the World's connection, waiting at most CLOSE_WAIT_SECONDS.

        A call in progress is interrupted at its next SQL step and its transaction rolls
        back, then the connection closes. A call busy in Python for longer is left to
        end with the process: what it had not committed, SQLite rolls back when the file
        is next opened.
        """
        self._closing.set()
        if not self._lock.acquire(timeout=CLOSE_WAIT_SECONDS):
            return
        try:
            if self.world is not None:
                self.world.db.conn.close()
        finally:
            self._lock.release()

    def ask(
        self,
        node: DOMNode,
        question: Callable[[World], T],
        then: Callable[[T], object],
        *,
        group: str = "world",
        latest_only: bool = True,
        failed: Callable[[NetuiError], object] | None = None,
    ) -> Worker[None]:
        """Ask the World a question in a thread worker of `node`; hand the answer to `then`.

        `then` runs on the event loop (so it may touch widgets). With `latest_only` (for
        questions) it runs only if this is still the newest question of its `group` on
        `node`: a search typed over by a newer one is discarded, never shown, and the
        worker is exclusive, so an older question still queued for the lock is cancelled
        and skipped. Actions (send, buy, advance) pass `latest_only=False`: each one runs
        and each answer is delivered. Errors never escape as a traceback: a
        NetuiError goes to `failed` (default: a notification), anything else is reported
        as an unexpected error. Asked before the World is open, nothing happens.
        """
        app = node.app
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
            if current():
                (failed or (lambda error: show_error(node, error)))(error)

        def job() -> None:
            worker = get_current_worker()

            def unless_overtaken(world: World) -> T:
                # Asked again while this waited for the lock: the older question is
                # not worth the database's time (the answer would be thrown away).
                if latest_only and worker.is_cancelled:
                    raise _Overtaken
                return question(world)

            if (latest_only and worker.is_cancelled) or not self.is_open:
                return
            try:
                answer = self.call(unless_overtaken)
            except _Overtaken:
                return
            except NetuiError as error:
                app.call_from_thread(refuse, error)
            except Exception as error:  # a bug: say so plainly, keep the app alive
                app.call_from_thread(show_unexpected, app, error)
            else:
                app.call_from_thread(deliver, answer)

        return node.run_worker(
            job, thread=True, exclusive=latest_only, group=group, exit_on_error=False, name=group
        )


class _Overtaken(Exception):
    """A question cancelled by a newer one of its group before its turn came."""


class DaemonThreads(ThreadPoolExecutor):
    """The event loop's executor for the app's thread workers: each job in a daemon
    thread of its own, and shutting down never waits.

    With asyncio's default executor, quitting would wait for every job in flight
    (building a network, an advance, a lab run): asyncio waits for its executor when
    the loop ends, and Python for a pool's threads at exit. A daemon thread ends with
    the process instead. What it was writing stays consistent: each change is one
    SQLite transaction, rolled back when the file is next opened if it never committed,
    and a new network is built in a `.partial` file moved into place only when done.
    """

    def submit(self, fn: Callable[..., T], /, *args: object, **kwargs: object) -> Future[T]:
        future: Future[T] = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as error:
                future.set_exception(error)
            else:
                future.set_result(result)

        threading.Thread(target=run, name="netui-worker", daemon=True).start()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Nothing to wait for (see the class)."""


# ── errors: notifications, never tracebacks ────────────────────────────────────


def show_error(node: DOMNode, error: NetuiError) -> None:
    """What the World refused, and why, as an error notification."""
    lines = [error.message, *(f"• {reason}" for reason in error.reasons)]
    node.app.notify("\n".join(lines), severity="error", markup=False, timeout=8)


def show_unexpected(node: DOMNode, error: BaseException) -> None:
    """A bug, said plainly; the app goes on."""
    node.app.log.error(repr(error))
    node.app.notify(
        f"Something went wrong: {error.__class__.__name__}: {error}",
        title="Unexpected error",
        severity="error",
        markup=False,
        timeout=12,
    )


@dataclass
class Pace:
    """How the keys come, to tell whether the newest counts as a burst's (see DRAW_GAP)."""

    last_key: float = -math.inf  # when the newest key came (monotonic seconds)
    last_burst: float = -math.inf  # when a key last came within DRAW_GAP of the one before

    def key(self, now: float) -> bool:
        """A key came at `now`: whether it counts as a burst's."""
        since_key = now - self.last_key
        self.last_key = now
        if since_key < DRAW_GAP:
            self.last_burst = now
        return now - self.last_burst < BURST_MEMORY or since_key > BURST_MEMORY


class AsYouType:
    """A question asked again at each keystroke (a draft's checklist, a search).

    When to ask: a key asks at once when the answer to the key before is on screen (the
    first key after the typing paused, or any key at a person's pace); a key that comes
    while an answer is still owed waits until the typing pauses for TYPING_PAUSE, so one
    waiting worker serves a whole burst. When to draw: as soon as it comes, unless the
    key counts as a burst's (`Pace`); then once no key has come for DRAW_GAP since the
    newest one, and an answer overtaken by a key in that time is dropped, so a fast
    typist's burst is never slowed by redrawing results between its keys. Per key this
    costs no more than noting the newest question and when it came.

    Questions go through the gate's `ask`, so the newest answer wins and an overtaken
    one is dropped. `late(True)` is called once an answer is overdue (LATE_AFTER after
    the newest key) and `late(False)` when the answer to the newest question is shown,
    so the screen can say a result is on its way without blinking at every key.
    """

    def __init__(
        self,
        gate: WorldGate,
        node: DOMNode,
        group: str,
        then: Callable[[T], object],
        late: Callable[[bool], object],
        *,
        eager: bool = True,
    ) -> None:
        self.gate, self.node, self.group = gate, node, group
        self.then, self.late = then, late
        # Not eager, every key waits for the pause: for a question that is Python work
        # (a checklist), whose thread would hold the interpreter while the next key
        # waits to be drawn. A search spends its time in SQLite, which lets go of it.
        self.eager = eager
        self.asked = 0  # questions asked (one per key), the newest last
        self.sent = 0  # the newest question sent to the World
        self.answered = 0  # the newest question whose answer is on screen
        self.pace = Pace()
        self.in_burst = False  # whether the newest key counts as a burst's
        self._question: Callable[[World], T] | None = None
        self._due = 0.0
        self._pause: Worker[None] | None = None
        self._overdue: Timer | None = None
        self._late_at = 0.0  # when the answer owed will be late (monotonic)
        self._said_late = False

    @property
    def pending(self) -> bool:
        return self.answered < self.asked

    def ask(self, question: Callable[[World], T], *, at_once: bool = False) -> None:
        """Ask `question` now if nothing is owed (when eager), else once the typing
        pauses; `at_once` for a choice made in one step (a filter picked, the screen
        shown again), which has no pause to wait for, and whose answer is drawn as soon
        as it comes."""
        now = time.monotonic()
        owed = self.pending
        if not owed:
            self._overdue = self.node.set_timer(LATE_AFTER, self._when_late)
        self.asked += 1
        self._question = question
        self._late_at = now + LATE_AFTER  # moved, not a new timer: see _when_late
        if not at_once:
            self.in_burst = self.pace.key(now)
        if at_once or (self.eager and not owed):
            self._due = now
            self._send()  # a wait in progress wakes to find nothing new to ask
        else:
            self._due = now + TYPING_PAUSE
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
        if self.sent < self.asked:
            self._send()

    def _send(self) -> None:
        asked, question = self.asked, self._question
        self.sent = asked
        self.gate.ask(
            self.node,
            question,
            lambda answer: self._answered(asked, answer),
            group=self.group,
            failed=lambda error: self._failed(asked, error),
        )

    def _answered(self, asked: int, answer: T) -> None:
        hold = self.pace.last_key + DRAW_GAP - time.monotonic()
        if self.in_burst and hold > 0:  # a burst's key just now: draw if none follows soon
            self.node.run_worker(
                self._draw_unless_overtaken(asked, answer, hold),
                group=f"{self.group}-draw",
                exit_on_error=False,
            )
        else:
            self._draw(asked, answer)

    async def _draw_unless_overtaken(self, asked: int, answer: T, hold: float) -> None:
        """A worker, not a timer, so whoever waits for the screen's work waits for it."""
        await asyncio.sleep(hold)
        # Overtaken, a newer question's answer follows; closed, there is nothing to draw.
        if asked == self.asked and self.node.is_attached:
            self._draw(asked, answer)

    def _draw(self, asked: int, answer: T) -> None:
        self._settled(asked)
        self.then(answer)

    def _failed(self, asked: int, error: NetuiError) -> None:
        self._settled(asked)
        show_error(self.node, error)

    def _when_late(self) -> None:
        """The overdue timer: a key since it was set moved the deadline, so it waits on."""
        if (left := self._late_at - time.monotonic()) > 0:
            self._overdue = self.node.set_timer(left, self._when_late)
        else:
            self._say_late()

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
