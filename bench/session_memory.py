"""Memory over an hour of use on `large`: does the process keep growing?

    python bench/session_memory.py [--db PATH] [--minutes 60]

An hour-long session scripted through the World API (what the UI calls), compressed:
each simulated minute does what a busy user does in a minute — 20 searches as typed
(prefixes, words, filters), 6 profiles opened, one InMail sent (credits bought when
short), the dashboard, inbox and credits glanced at, and the clock advanced 6 days (a
year over the hour) — without the think time between them. The resident set size is
sampled after every simulated minute.

Target (issue 13): no growth past the first minute's figure + 10%.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from common import scratch_copy, seeded

from netui.core.model import Category
from netui.store.search import SearchFilters
from netui.world import World

WORDS = ("data engineer", "marketing manager", "sales", "python", "rossi", "director", "nurse")
SEARCHES, PROFILES, SENDS, DAYS = 20, 6, 1, 6  # per simulated minute
DRAFT = {
    "subject": "A question about your work",
    "category": Category.EXPERTISE_REQUEST,
    "body": "Hello, I admire your work. Would you have 15 minutes for a call next week?",
}


def rss_mb() -> float:
    """This process's resident set size now (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def one_minute(world: World, rng: random.Random, targets: list[int], countries: list[str]) -> int:
    """A minute of use; returns how many World calls it made."""
    calls = 0
    for _ in range(SEARCHES):
        word = rng.choice(WORDS)
        text = word[: rng.randint(1, len(word))]  # somewhere while typing it
        filters = SearchFilters(country=rng.choice(countries)) if rng.random() < 0.2 else None
        found = world.search(text, filters or SearchFilters(), limit=20)
        calls += 1
        if found and rng.random() < PROFILES / SEARCHES:
            world.profile(rng.choice(found).id)
            calls += 1
    for _ in range(SENDS):
        if world.balance() < 1:
            world.buy(10)
            calls += 1
        world.send(rng.choice(targets), want_inmail=True, **DRAFT)
        calls += 2
    world.stats()
    world.inbox()
    world.credits()
    world.advance(DAYS)
    return calls + 4


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, help="a seeded database (default: bench/out/large.db)")
    parser.add_argument("--minutes", type=int, default=60)
    args = parser.parse_args()
    world = World.open(scratch_copy(args.db or seeded("large"), "session.db"))
    targets = [
        member
        for (member,) in world.db.execute(
            "SELECT m.id FROM members m LEFT JOIN reach r ON r.member_id = m.id "
            "WHERE m.accepts_inmail AND NOT m.open_profile AND coalesce(r.hops, 9) > 1 "
            "LIMIT 5000"
        )
    ]
    countries = [facet.name for facet in world.facets().countries][:20]
    rng = random.Random(60)
    started = time.perf_counter()
    samples, calls = [rss_mb()], 0
    for _minute in range(args.minutes):
        calls += one_minute(world, rng, targets, countries)
        samples.append(rss_mb())
    seconds = time.perf_counter() - started
    first, peak, last = samples[1], max(samples[1:]), samples[-1]
    growth = last / first - 1
    print(
        f"{args.minutes} simulated minutes ({calls:,} World calls, {world.today} reached) "
        f"in {seconds:.0f} s"
    )
    print(
        f"RSS: opened {samples[0]:.0f} MB, after minute 1 {first:.0f} MB, peak {peak:.0f} MB, "
        f"last {last:.0f} MB"
    )
    verdict = "meets" if peak <= first * 1.1 else "misses"
    print(
        f"growth past minute 1: {growth:+.1%} last, {peak / first - 1:+.1%} peak ({verdict} ≤ +10%)"
    )
    print("RSS by minute (MB): " + ", ".join(f"{s:.0f}" for s in samples[1::5]))


if __name__ == "__main__":
    main()
