"""Search latency over a fixed mix of 50 queries, against a bare FTS5 floor.

    python bench/search.py [--db PATH] [--recipe default|large]

Target p95: ≤ 30 ms on default, ≤ 100 ms on large. The floor is a bare
`SELECT rowid FROM members_fts WHERE members_fts MATCH ? LIMIT 20` on the same database.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from common import ms, p95, seeded

from netui.core.model import Degree
from netui.store.search import SearchFilters, match_expression
from netui.world import World

HOSTILE = [
    '"',
    '""',
    "AND",
    "NEAR(",
    "c++",
    "foo-bar",
    "O'Brien",
    "*",
    "-",
    "🚀 growth",
    "مرحبا",
    "x" * 10_000,
]


def query_mix(world: World) -> list[tuple[str, SearchFilters]]:
    """50 queries drawn from the data itself, the same for the same database."""
    rng = random.Random(50)
    sample = world.db.execute(
        "SELECT name, headline, company, country, industry, skills FROM members "
        "WHERE id % 97 = 0 LIMIT 400"
    ).fetchall()
    common = [
        "manager",
        "engineer",
        "sales",
        "data",
        "marketing",
        "director",
        "software",
        "consultant",
    ]
    rare = [row[0].split()[-1] for row in rng.sample(sample, 10)]
    prefixes = [w[:3] for w in rng.sample(common, 6)] + [r[:4] for r in rare[:4]]
    mix: list[tuple[str, SearchFilters]] = [(w, SearchFilters()) for w in common]
    mix += [(w, SearchFilters()) for w in rare] + [(p, SearchFilters()) for p in prefixes]
    for _name, _headline, _company, country, industry, skills in rng.sample(sample, 10):
        mix.append((skills.split("; ")[0], SearchFilters(country=country)))
        if len(mix) < 38:
            mix.append(("", SearchFilters(industry=industry, degrees=(Degree.SECOND,))))
    mix = mix[:38] + [(h, SearchFilters()) for h in HOSTILE]
    return mix[:50]


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--recipe", default="default")
    args = parser.parse_args()
    world = World.open(args.db or seeded(args.recipe))
    mix = query_mix(world)
    for text, filters in mix:  # warm the page cache once, as a running app would be
        world.search(text, filters, limit=20)
    ours, floor = [], []
    for text, filters in mix:
        ours.append(timed(lambda t=text, f=filters: world.search(t, f, limit=20)))
        expression = match_expression(text)
        if expression:
            floor.append(
                timed(
                    lambda e=expression: world.db.execute(
                        "SELECT rowid FROM members_fts WHERE members_fts MATCH ? LIMIT 20", (e,)
                    ).fetchall()
                )
            )
    print(f"search over {len(mix)} queries: p95 {ms(p95(ours))}, max {ms(max(ours))}")
    print(f"bare FTS5 MATCH … LIMIT 20 floor: p95 {ms(p95(floor))}")
    print(f"ratio (netui p95 / floor p95): {p95(ours) / p95(floor):.1f}×")
    worst = sorted(zip(ours, mix, strict=True), key=lambda t: t[0], reverse=True)[:3]
    for seconds, (text, filters) in worst:
        print(f"  slowest: {ms(seconds)}  {text[:30]!r} {filters}")


if __name__ == "__main__":
    main()
