"""Exporting a network: GraphML (the target), GEXF and CSV, whole and my 2nd degree.

    python bench/export.py [--db PATH] [--formats graphml,gexf,csv]

Target: ≤ 20 s to GraphML for the 25,000-member default network. Without --db it
uses bench/out/default.db (seeding it the first time); if the seeder is not
available it builds a stand-in of the same size instead: 25,000 members and
500,000 connections (the default recipe's mean of 40), through the LDBC importer.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from common import OUT, seeded
from ldbc_import import make_snapshot

from netui.export import export_network
from netui.ldbc import read_ldbc
from netui.world import World

STAND_IN_MEMBERS = 25_000
STAND_IN_CONNECTIONS = 500_000


def default_network() -> Path:
    try:
        return seeded("default")
    except (subprocess.CalledProcessError, OSError):
        return stand_in()


def stand_in() -> Path:
    """bench/out/export-stand-in.db: a default-sized network made through the importer."""
    path = OUT / "export-stand-in.db"
    if path.exists():
        return path
    OUT.mkdir(exist_ok=True)
    print(f"seeding failed; building a stand-in of {STAND_IN_MEMBERS:,} members instead")
    work = Path(tempfile.mkdtemp(prefix="netui-export-bench-"))
    try:
        make_snapshot(work, STAND_IN_MEMBERS, STAND_IN_CONNECTIONS)
        World.build(path, lambda progress: read_ldbc(work, progress=progress))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return path


def size_of(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir())
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="the database to export (default: default.db)")
    parser.add_argument("--formats", default="graphml,gexf,csv")
    args = parser.parse_args()
    db = args.db or default_network()
    out = Path(tempfile.mkdtemp(prefix="netui-export-"))
    try:
        for fmt in args.formats.split(","):
            for within in (None, 2):
                target = out / f"network-{within or 'all'}.{fmt}"
                started = time.perf_counter()
                summary = export_network(db, fmt, target, within=within)
                seconds = time.perf_counter() - started
                scope = "whole network" if within is None else f"within {within}"
                goal = " (target ≤ 20 s)" if fmt == "graphml" and within is None else ""
                print(
                    f"{fmt:8} {scope:14} {summary.members:>9,} members "
                    f"{summary.connections:>10,} connections  {size_of(target) / 1e6:7.1f} MB  "
                    f"{seconds:6.1f} s{goal}"
                )
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
