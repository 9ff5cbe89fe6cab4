"""The whole `netui seed` — generate, store, index, degrees, measures — against its peers.

    python bench/seed.py [--recipe default|large] [--peer-sample N] [--keep PATH]

Targets: default ≤ 10 s; large ≤ 150 s with peak memory ≤ 6 GB. Peers, same run:
- default: the member fields generated the naive way, one Faker call per field per
  member (timed on 2,000 members, extrapolated to 25,000);
- large: networkx.powerlaw_cluster_graph at the same size and mean degree (timed at
  --peer-sample nodes and extrapolated linearly, as bench/seed_generate.py does).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from seed_generate import NAIVE_SAMPLE, in_child, measure_naive_members, measure_powerlaw

from netui.synth import load_recipe


def seed(recipe: str, keep: Path | None) -> tuple[float, float]:
    """Seconds and peak memory (GB) of `netui seed` in a child process."""
    with tempfile.TemporaryDirectory() as scratch:
        path = keep or Path(scratch) / "net.db"
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "netui",
                "seed",
                "--recipe",
                recipe,
                "--db",
                str(path),
                "--json",
                "--force",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_kb / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recipe", default="default")
    parser.add_argument("--peer-sample", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the seeded database at this path")
    args = parser.parse_args()
    recipe = load_recipe(args.recipe)
    seconds, peak = seed(args.recipe, args.keep)
    print(
        f"netui seed --recipe {args.recipe}: {seconds:.1f} s wall, peak {peak:.2f} GB "
        f"({recipe.members:,} members, mean {recipe.mean_connections} connections)"
    )
    if recipe.members <= 100_000:
        naive = in_child(measure_naive_members, args.recipe, NAIVE_SAMPLE)
        naive_seconds = naive["setup"] + naive["per_member"] * recipe.members
        print(
            f"peer: naive Faker member fields {naive_seconds:.1f} s (measured on "
            f"{NAIVE_SAMPLE:,} members, extrapolated to {recipe.members:,})"
        )
        print(
            f"ratio: the naive member fields alone take {naive_seconds / seconds:.1f}× "
            "our whole seed"
        )
    else:
        n = min(args.peer_sample, recipe.members)
        peer = in_child(measure_powerlaw, n, recipe.mean_connections)
        full = peer["seconds"] * recipe.members / n
        print(
            f"peer: networkx.powerlaw_cluster_graph {peer['seconds']:.1f} s at {n:,} nodes, "
            f"≈ {full:.0f} s extrapolated to {recipe.members:,}"
        )
        print(f"ratio: the peer graph alone takes {full / seconds:.2f}× our whole seed")


if __name__ == "__main__":
    main()
