"""The whole `netui seed` — generate, store, index, degrees, measures — against its peers.

    python bench/seed.py [--recipe default|large] [--members N] [--keep PATH]

Peers, measured in the same run, each in a child process of its own:
- above 100,000 members: networkx.powerlaw_cluster_graph at the same size and mean
  degree (m = mean / 2, p = 0.1), at full size, never extrapolated. Targets (issue 13):
  the whole seed ≤ 0.4× the peer at 200,000 members, ≤ 0.25× at the large recipe's
  million, with peak memory (the seed process's resident set) ≤ 2.5 GB. The million-node
  peer alone takes minutes and a few GB;
- smaller: the member fields generated the naive way, one Faker call per field per
  member (timed on 2,000 members, extrapolated to the recipe's size).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from seed_generate import (
    CLUSTERING_P,
    NAIVE_SAMPLE,
    in_child,
    measure_naive_members,
    measure_powerlaw,
)

from netui.synth import load_recipe


def seed(recipe: str, members: int | None, keep: Path | None) -> tuple[float, float]:
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
                *(["--members", str(members)] if members else []),
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
    parser.add_argument("--members", type=int, help="override the recipe's member count")
    parser.add_argument("--keep", type=Path, help="keep the seeded database at this path")
    args = parser.parse_args()
    recipe = load_recipe(args.recipe, members=args.members)
    seconds, peak = seed(args.recipe, args.members, args.keep)
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
        return
    peer = in_child(measure_powerlaw, recipe.members, recipe.mean_connections)
    print(
        f"peer: networkx.powerlaw_cluster_graph({recipe.members:,}, {peer['m']}, "
        f"{CLUSTERING_P}) {peer['seconds']:.1f} s, {peer['edges']:,} edges, "
        f"peak {peer['peak_mb'] / 1024:.2f} GB (same run, full size)"
    )
    target = 0.4 if recipe.members < 1_000_000 else 0.25
    ratio = seconds / peer["seconds"]
    verdict = "meets" if ratio <= target else "misses"
    print(f"ratio: our whole seed takes {ratio:.2f}× the peer graph alone ({verdict} ≤ {target}×)")


if __name__ == "__main__":
    main()
