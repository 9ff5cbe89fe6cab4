"""Messaging speed on `default` (issue targets in brackets).

    python bench/messaging.py [--db PATH]

- send (route + ledger + persist): p95 [≤ 10 ms]
- advance 90 days with 10,000 InMails in flight [≤ 3 s]
- credits and inbox with 10,000 messages [≤ 50 ms each]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from common import ms, p95, scratch_copy, seeded

from netui.core.model import Category
from netui.world import World

DRAFT = {
    "subject": "A question about your data platform work",
    "category": Category.EXPERTISE_REQUEST,
    "body": "Hello, I'm writing because I admire your work "
    "on data platforms. Would you have 15 minutes for a call next week? Thank you!",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, help="a seeded database (default: bench/out/default.db)")
    args = parser.parse_args()
    world = World.open(scratch_copy(args.db or seeded("default"), "messaging.db"))
    targets = [
        member
        for (member,) in world.db.execute(
            "SELECT m.id FROM members m LEFT JOIN reach r ON r.member_id = m.id "
            "WHERE m.accepts_inmail AND NOT m.open_profile AND coalesce(r.hops, 9) > 1"
        )
    ]
    rng = random.Random(1)
    for _ in range(1_000):
        world.buy(10)
    timings = []
    for _ in range(10_000):
        started = time.perf_counter()
        world.send(rng.choice(targets), want_inmail=True, **DRAFT)
        timings.append(time.perf_counter() - started)
    print(
        f"send: p95 {ms(p95(timings))}, median {ms(sorted(timings)[len(timings) // 2])} "
        f"over {len(timings):,} InMails [target ≤ 10 ms]"
    )

    for name, call in (("credits", world.credits), ("inbox", world.inbox)):
        samples = []
        for _ in range(30):
            started = time.perf_counter()
            call()
            samples.append(time.perf_counter() - started)
        median = sorted(samples)[len(samples) // 2]
        print(
            f"{name}: p95 {ms(p95(samples))}, median {ms(median)} with {_count(world):,} "
            "messages [target ≤ 50 ms]"
        )

    started = time.perf_counter()
    events = world.advance(90).events
    print(
        f"advance 90 with 10,000 InMails in flight: {time.perf_counter() - started:.2f} s "
        f"[target ≤ 3 s]; events {events}"
    )


def _count(world: World) -> int:
    return world.db.execute("SELECT count(*) FROM messages").fetchone()[0]


if __name__ == "__main__":
    main()
