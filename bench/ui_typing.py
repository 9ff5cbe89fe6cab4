"""Typing on a busy machine: keystroke → painted, netui's text boxes beside bare ones.

    python bench/ui_typing.py [--db PATH] [--recipe default] [--rounds 3]
                               [--key 0.05] [--word 0.25] [--no-load]

A CPU-bound process runs beside the app for the whole run (one core kept busy, as a
build or a browser does on a laptop; the bench starts and stops it). Through Pilot's
headless driver, keys are sent at a fast typist's cadence (a key every 50 ms, a longer
pause after each word, so that checklists and results land between keys as they do
for a person) without waiting for the app, into:
- netui's compose form: a subject, then a body, while the live checklist follows;
- netui's search box: a query, while the results follow;
- a bare Textual app with one Input and one TextArea: the same keys, same load.

"Painted" is the first completed compositor refresh of the active screen (the moment
the new lines go to the terminal) that shows the text up to and including the key:
the hook reads the text box as it paints, so a paint before the key landed does not
count. Per target: p50 and p95 over every key of every round, and netui's p95 as a
multiple of the bare widget's (the target is ≤ 1.5×). Then, per netui target, the time
from the last key to the checklist or results for the whole text on screen.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import multiprocessing
import statistics
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from common import ms, p95, scratch_copy, seeded
from textual import events
from textual.app import App, ComposeResult
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.screen import Screen
from textual.widgets import Input, TextArea

SUBJECT = "Your talk on streaming pipelines in Milan"
BODY = (
    "Dear Giulia,\n"
    "I watched your talk on streaming pipelines and the part on late events stayed "
    "with me. We are moving our batch jobs at Acme to Kafka and I would value ten "
    "minutes of your view on it. Would a short call next Tuesday or Thursday work?\n"
    "Best, Sam"
)
QUERIES = ("data engineer milan", "marketing manager", "rossi")
TIMEOUT = 60.0


# ── when a key is painted ───────────────────────────────────────────────────


@dataclass
class Typed:
    """The keys sent into one text box, and when each was first painted."""

    read: Callable[[], str]  # the box's text now
    sent: list[tuple[str, float]] = field(default_factory=list)  # (text expected, sent at)
    painted: list[float] = field(default_factory=list)  # per key, sent → painted

    def seen(self, now: float) -> None:
        text = self.read()
        while len(self.painted) < len(self.sent):
            expected, at = self.sent[len(self.painted)]
            if not text.startswith(expected):
                return
            self.painted.append(now - at)


WATCHING: list[Typed] = []
_paint = Screen._compositor_refresh


def _timed_paint(self: Screen) -> None:
    _paint(self)
    if self is self.app.screen and WATCHING:
        WATCHING[-1].seen(time.perf_counter())


Screen._compositor_refresh = _timed_paint  # type: ignore[method-assign]


def key_event(app: App, char: str) -> events.Key:
    """The event Pilot's press() sends for one character (textual.App._press_keys)."""
    key = "enter" if char == "\n" else _character_to_key(char) if not char.isalnum() else char
    try:
        printable: str | None = unicodedata.lookup(
            _get_unicode_name_from_key(REPLACED_KEYS.get(key, key))
        )
    except KeyError:
        printable = key if len(key) == 1 else None
    event = events.Key(key, printable)
    event.set_sender(app)
    return event


@dataclass(frozen=True)
class Cadence:
    key: float  # seconds from one key to the next
    word: float  # and after a space or a new line, this much more


async def type_into(app: App, read: Callable[[], str], text: str, cadence: Cadence) -> Typed:
    """From rest (no work left from opening the screen), send `text` at `cadence`,
    then wait until the last key is painted."""
    await app.workers.wait_for_complete()
    await asyncio.sleep(0.1)
    typed = Typed(read)
    WATCHING.append(typed)
    start = read()
    for n, char in enumerate(text, 1):
        typed.sent.append((start + text[:n], time.perf_counter()))
        app._driver.send_message(key_event(app, char))  # as Pilot does, without waiting
        await asyncio.sleep(cadence.key + (cadence.word if char in " \n" else 0))
    deadline = time.perf_counter() + TIMEOUT
    while len(typed.painted) < len(text):
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{len(text) - len(typed.painted)} keys were never painted")
        await asyncio.sleep(0.005)
    WATCHING.remove(typed)
    return typed


async def until(condition: Callable[[], bool]) -> float:
    """When `condition` first held (polled), for the last key → result figures."""
    deadline = time.perf_counter() + TIMEOUT
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the result for the whole text never showed")
        await asyncio.sleep(0.002)
    return time.perf_counter()


# ── the targets ──────────────────────────────────────────────────────────────


Samples = dict[str, list[float]]


async def netui(path: Path, cadence: Cadence, times: Samples) -> None:
    from netui.core.model import Degree, Route
    from netui.store.search import SearchFilters
    from netui.ui.app import NetuiApp
    from netui.ui.modals.compose import ComposeModal
    from netui.ui.screens.search import SearchScreen

    gc.disable()  # as netui.cli.main does before it loads the UI (NetuiApp re-enables it)
    app = NetuiApp(db_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.gate.is_open:
            await asyncio.sleep(0.01)
        await pilot.pause()
        far = app.gate.call(
            lambda world: world.search("", SearchFilters(degrees=(Degree.THIRD,)), limit=50)
        )
        member = next(row.id for row in far if row.decision.route is Route.INMAIL)
        modal = ComposeModal(app.gate, member, want_inmail=True)
        app.push_screen(modal)
        await until(lambda: modal.recipient is not None and modal.checklist is not None)
        await pilot.pause()
        subject, body = modal.query_one("#subject", Input), modal.query_one("#body", TextArea)
        modal.set_focus(subject)
        await pilot.pause()
        typed = await type_into(app, lambda: subject.value, SUBJECT, cadence)
        times["netui compose subject"] += typed.painted
        modal.set_focus(body)
        await pilot.pause()
        typed = await type_into(app, lambda: body.text, BODY, cadence)
        times["netui compose body"] += typed.painted
        last = typed.sent[-1][1]
        final = await until(lambda: checklist_for(modal) == (SUBJECT, BODY))
        times["netui last key → checklist"].append(final - last)
        modal.dismiss(None)
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        box = screen.query_one("#query", Input)
        screen.set_focus(box)
        for query in QUERIES:
            box.value = ""
            await until(lambda: shown(screen) == "")
            typed = await type_into(app, lambda: box.value, query, cadence)
            times["netui search query"] += typed.painted
            final = await until(lambda q=query: shown(screen) == q)
            times["netui last key → results"].append(final - typed.sent[-1][1])


def shown(screen) -> str | None:
    """The query whose results the search screen shows."""
    return None if screen.shown_query is None else screen.shown_query.text


def checklist_for(modal) -> tuple[str, str] | None:
    """The (subject, body) the checklist on screen was made for."""
    draft = modal.checked_draft
    return None if draft is None else (draft.subject, draft.body)


class Bare(App):
    def compose(self) -> ComposeResult:
        yield Input()
        yield TextArea(soft_wrap=True)


async def bare(cadence: Cadence, times: Samples) -> None:
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        box, area = app.query_one(Input), app.query_one(TextArea)
        app.set_focus(box)
        await pilot.pause()
        typed = await type_into(app, lambda: box.value, SUBJECT, cadence)
        times["bare Input (subject)"] += typed.painted
        app.set_focus(area)
        await pilot.pause()
        typed = await type_into(app, lambda: area.text, BODY, cadence)
        times["bare TextArea (body)"] += typed.painted
        app.set_focus(box)
        for query in QUERIES:
            box.value = ""
            await pilot.pause()
            typed = await type_into(app, lambda: box.value, query, cadence)
            times["bare Input (query)"] += typed.painted


# ── the load beside it ───────────────────────────────────────────────────────


def _spin() -> None:
    while True:
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--recipe", default="default")
    parser.add_argument("--key", type=float, default=0.05, help="seconds between keys")
    parser.add_argument("--word", type=float, default=0.25, help="more after a word")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-load", action="store_true", help="without the busy process")
    args = parser.parse_args()
    path = scratch_copy(args.db or seeded(args.recipe), "ui_typing.db")
    hog = None if args.no_load else multiprocessing.Process(target=_spin, daemon=True)
    cadence = Cadence(args.key, args.word)
    times: Samples = {}
    for name in (
        "netui compose subject",
        "netui compose body",
        "netui search query",
        "bare Input (subject)",
        "bare TextArea (body)",
        "bare Input (query)",
        "netui last key → checklist",
        "netui last key → results",
    ):
        times[name] = []
    if hog:
        hog.start()
    try:
        for _ in range(args.rounds):  # interleaved, so drift in the load hits both alike
            asyncio.run(netui(path, cadence, times))
            asyncio.run(bare(cadence, times))
    finally:
        if hog:
            hog.terminate()
            hog.join()
    load = "no load" if args.no_load else "one core kept busy by a second process"
    print(
        f"database: {args.db or args.recipe}; {load}; "
        f"a key every {ms(cadence.key)}, {ms(cadence.word)} more after a word"
    )
    print(f"{args.rounds} rounds; keystroke → painted:")
    pairs = (
        ("netui compose subject", "bare Input (subject)"),
        ("netui compose body", "bare TextArea (body)"),
        ("netui search query", "bare Input (query)"),
    )
    for ours, theirs in pairs:
        for name in (ours, theirs):
            print(f"  {name:24} {spread(times[name])}")
        ratio = p95(times[ours]) / p95(times[theirs])
        print(f"  {'':24} p95 ratio {ratio:.2f}× {'(≤ 1.5×)' if ratio <= 1.5 else '(> 1.5×!)'}")
    for name in ("netui last key → checklist", "netui last key → results"):
        print(f"{name}: {spread(times[name])}")


def spread(samples: list[float]) -> str:
    if not samples:
        return "no samples"
    return f"n {len(samples):3}  p50 {ms(statistics.median(samples))}  p95 {ms(p95(samples))}"


if __name__ == "__main__":
    main()
