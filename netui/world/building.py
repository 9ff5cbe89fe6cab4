"""Making a world: building a network into a new database file, or opening one.

A build writes into a scratch file beside the destination and moves it into place only
when complete, so killing the process midway leaves the previous database (or none)
untouched. Besides the network itself it stores where everything starts: the member I
play, the date, the seed, my view of the graph, the measures the dashboard shows, and
my subscription's first month.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import sqlite_utils

from netui.core.measures import measure
from netui.core.model import RefundPolicy
from netui.core.money import PriceList
from netui.core.network import MEMBER_COLUMNS, Network
from netui.core.progress import Progress, no_progress
from netui.errors import BadInput, DatabaseError
from netui.store import bulk, connections, meta
from netui.store.db import check_is_netui, end_bulk_load, open_database, transaction
from netui.world import billing, persona
from netui.world.context import Context

MakeNetwork = Callable[[Progress], Network]
ID, COUNTRY = MEMBER_COLUMNS.index("id"), MEMBER_COLUMNS.index("country")


@dataclass(frozen=True)
class BuildSummary:
    members: int
    connections: int
    groups: int
    countries: int
    me: int
    seconds: float
    source: str

    def as_json(self) -> dict:
        return asdict(self)


def open_existing(path: Path) -> sqlite_utils.Database:
    """A netui database that holds a network; DatabaseError if it holds none yet."""
    db = open_database(Path(path))
    if meta.get(db, "me") is None:
        raise DatabaseError(f"{path} holds no network yet; build one with `netui seed`.")
    return db


def build(
    path: Path,
    make_network: MakeNetwork,
    *,
    force: bool = False,
    progress: Progress = no_progress,
    refund_policy: RefundPolicy = RefundPolicy.OPEN_WITHIN_90_DAYS,
    prices: PriceList | None = None,
) -> BuildSummary:
    """Build a network into a new file and move it into place only when complete.

    Killing the process midway leaves the previous database (or none) untouched.
    """
    path = Path(path)
    if path.exists():
        if not force:
            raise BadInput(f"{path} already exists; add --force to replace it.")
        check_is_netui(path)  # never overwrite somebody else's file
    started = time.perf_counter()
    network = make_network(progress)
    countries = len({m[COUNTRY] for m in network.members})
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    db = open_database(partial, create=True, bulk=True)
    try:
        with transaction(db), bulk.indexes_deferred(db, progress):
            bulk.write_network(db, network, progress)
            _write_start(db, network, countries, progress)
            meta.update(db, refund_policy=refund_policy.value)
            billing.open_account(Context(db, prices), network.me)
        end_bulk_load(db)
    finally:
        db.conn.close()
    for leftover in ("-wal", "-shm"):
        Path(str(path) + leftover).unlink(missing_ok=True)
    os.replace(partial, path)
    return BuildSummary(
        members=len(network.members),
        connections=len(network.connections),
        groups=len(network.groups),
        countries=countries,
        me=network.me,
        seconds=round(time.perf_counter() - started, 2),
        source=network.source,
    )


def _write_start(
    db: sqlite_utils.Database, network: Network, countries: int, progress: Progress
) -> None:
    """Where the world starts: my view of the graph, its measures, and the meta keys."""
    progress("Finding my 1st, 2nd and 3rd degree", 0.0)
    adjacency = connections.adjacency_of(len(network.members), network.connections)
    persona.look_from(db, network.me, adjacency)
    progress("Measuring the network", 0.5)
    ids = [m[ID] for m in network.members]
    measures = measure(adjacency, ids, random.Random(network.seed))
    meta.update(
        db,
        me=network.me,
        today=network.start_date.isoformat(),
        start_date=network.start_date.isoformat(),
        seed=network.seed,
        source=network.source,
        member_count=len(network.members),
        connection_count=len(network.connections),
        group_count=len(network.groups),
        country_count=countries,
        measures=measures.as_json(),
    )
    progress("Measuring the network", 1.0)
