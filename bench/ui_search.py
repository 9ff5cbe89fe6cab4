"""Search as you type, measured through the UI: keystroke → results on screen.

    python bench/ui_search.py [--db PATH] [--recipe default|large|tiny]

Drives the real app headless with Pilot. Two figures:
- per keystroke: type one character, time until the table holds the results for the
  box's new text, until the screen has been painted with them (the figure a user
  sees), and until Pilot sees the app idle again; p50 / p95 / max over every
  keystroke of a few queries, beside the same keys in a bare Input (the floor that
  Pilot's idle wait costs on this machine). A key with no answer owed is asked at
  once, and its answer drawn once no key has come for netui.ui.gate.DRAW_GAP, so each
  of these figures includes that gap;
- a burst: a whole query typed without waiting (as a fast typist does), then the time
  from the last keystroke until the results for the full text are on screen (a
  burst's question waits for the typing to pause, TYPING_PAUSE). Stale
  answers for the intermediate prefixes must never be the ones left showing.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import time
from pathlib import Path

from common import ms, p95, scratch_copy, seeded

from netui.ui.app import NetuiApp
from netui.ui.screens.search import SearchScreen

# When the search screen last painted itself (the compositor's refresh, which sends
# the new lines to the terminal). Instrumentation for this benchmark only.
PAINTS: list[float] = []
_paint = SearchScreen._compositor_refresh


def _timed_paint(self: SearchScreen) -> None:
    _paint(self)
    PAINTS.append(time.perf_counter())


SearchScreen._compositor_refresh = _timed_paint  # type: ignore[method-assign]

QUERIES = ("data engineer", "rossi", "marketing manager", "sales", "python sql", "mar")
TIMEOUT = 30.0


async def shown(screen: SearchScreen, text: str) -> None:
    """Until the results in the table are the answer to exactly `text`."""
    deadline = time.perf_counter() + TIMEOUT
    while screen.shown_query is None or screen.shown_query.text != text:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"results for {text!r} never showed")
        await asyncio.sleep(0.0005)


async def painted(after: float) -> float:
    """When the screen was first painted after `after`."""
    deadline = time.perf_counter() + TIMEOUT
    while not PAINTS or PAINTS[-1] <= after:
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen was never painted")
        await asyncio.sleep(0.0005)
    return next(moment for moment in PAINTS if moment > after)


async def clear(pilot, screen: SearchScreen) -> None:
    """Empty the box and let the app draw and go idle: each query starts from rest."""
    screen.query_one("#query").value = ""  # type: ignore[attr-defined]
    await shown(screen, "")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def key(char: str) -> str:
    return "space" if char == " " else char


async def measure(path: Path) -> dict[str, list[float]]:
    gc.disable()  # as netui.cli.main does before it loads the UI (see NetuiApp.world_ready)
    app = NetuiApp(db_path=path)
    times: dict[str, list[float]] = {"results": [], "painted": [], "idle": [], "burst": []}
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.gate.is_open:
            await asyncio.sleep(0.01)
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        box = screen.query_one("#query")
        for query in QUERIES:
            for n in range(1, len(query) + 1):
                started = time.perf_counter()
                press = asyncio.create_task(pilot.press(key(query[n - 1])))
                await shown(screen, query[:n])  # the table holds the new results
                in_table = time.perf_counter()
                times["results"].append(in_table - started)
                times["painted"].append(await painted(in_table) - started)  # on screen
                await press  # and Pilot has seen the app idle again
                times["idle"].append(time.perf_counter() - started)
            await clear(pilot, screen)
        for query in QUERIES:
            # Every prefix in a row, without waiting: each one starts a search.
            for n in range(1, len(query) + 1):
                box.value = query[:n]  # type: ignore[attr-defined]
            started = time.perf_counter()
            await shown(screen, query)
            times["burst"].append(time.perf_counter() - started)
            await clear(pilot, screen)
    return times


async def floor() -> list[float]:
    """The same keystrokes into a bare Input above an empty DataTable: Pilot and drawing."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Input

    class Bare(App):
        def compose(self) -> ComposeResult:
            yield Input()
            yield DataTable()

    times = []
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        for query in QUERIES:
            for char in query:
                started = time.perf_counter()
                await pilot.press(key(char))
                times.append(time.perf_counter() - started)
    return times


def spread(samples: list[float]) -> str:
    return f"p50 {ms(statistics.median(samples))}, p95 {ms(p95(samples))}, max {ms(max(samples))}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--recipe", default="default")
    args = parser.parse_args()
    path = scratch_copy(args.db or seeded(args.recipe), "ui_search.db")
    times = asyncio.run(measure(path))
    bare = asyncio.run(floor())
    print(f"database: {args.db or args.recipe}; queries: {', '.join(QUERIES)}")
    print(f"{len(times['results'])} keystrokes, one at a time:")
    print(f"  keystroke → new results in the table:   {spread(times['results'])}")
    print(f"  keystroke → results painted on screen:  {spread(times['painted'])}")
    print(f"  keystroke → Pilot sees the app idle:    {spread(times['idle'])}")
    print(f"  the same, a bare Input (Pilot's floor): {spread(bare)}")
    print(
        f"burst typing, last keystroke → final results: {spread(times['burst'])} "
        f"over {len(times['burst'])} queries"
    )
    ratio = p95(times["painted"]) / p95(bare)
    verdict = "meets" if ratio <= 1.5 else "misses"
    print(f"ratio: painted p95 / bare Input p95 = {ratio:.2f}× ({verdict} ≤ 1.5×, issue 13)")


if __name__ == "__main__":
    main()
