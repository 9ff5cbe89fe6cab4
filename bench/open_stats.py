"""Opening a seeded database and answering `netui stats` (no degrees recomputed).

    python bench/open_stats.py [--db PATH] [--recipe default|large]

Target: ≤ 0.5 s on default, ≤ 3 s on large. Prints the in-process time (open + stats)
and the wall time of the whole command, Python start-up included.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from common import seeded

from netui.world import World


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--recipe", default="default")
    args = parser.parse_args()
    path = args.db or seeded(args.recipe)
    started = time.perf_counter()
    stats = World.open(path).stats()
    inside = time.perf_counter() - started
    walls = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "netui", "stats", "--json", "--db", str(path)],
            check=True,
            capture_output=True,
        )
        walls.append(time.perf_counter() - started)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = time.perf_counter() - started
    print(
        f"{stats.members:,} members: open + stats in-process {inside * 1000:.0f} ms; "
        f"`netui stats --json` wall median {sorted(walls)[2]:.2f} s "
        f"(bare Python start {bare:.2f} s)"
    )


if __name__ == "__main__":
    main()
