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

from netui.core.adjacency import Adjacency
from netui.core.measures import NetworkMeasures, measure
from netui.core.model import RefundPolicy
from netui.core.money import PriceList
from netui.core.network import MEMBER_COLUMNS, Network, Parts
from netui.core.progress import Progress, no_progress
from netui.errors import BadInput, DatabaseError
from netui.store import bulk, connections, meta
from netui.store.db import check_is_netui, end_bulk_load, open_database, transaction
from netui.world import billing, persona
from netui.world.context import Context

# A network, whole or handed out part by part (netui.core.network.Parts).
MakeNetwork = Callable[[Progress], Network | Parts]
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
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    db = open_database(partial, create=True, bulk=True)
    try:
        with transaction(db):
            bulk.drop_indexes(db)
            network, adjacency, measures = _store_while_making(db, make_network, progress)
            countries = len({m[COUNTRY] for m in network.members})
            _write_start(db, network, countries, adjacency, measures, progress)
            meta.update(db, refund_policy=refund_policy.value)
            billing.open_account(Context(db, prices), network.me)
        end_bulk_load(db)
    except BaseException:
        db.conn.close()
        partial.unlink(missing_ok=True)  # a network that could not be made leaves nothing
        raise
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


def _store_while_making(
    db: sqlite_utils.Database, make_network: MakeNetwork, progress: Progress
) -> tuple[Network, Adjacency, NetworkMeasures]:
    """The network, stored part by part while the rest is made and measured."""
    loader = bulk.Loader(db)
    try:
        made = make_network(progress)
        if isinstance(made, Network):
            network = made
            loader.members(network.members)
            loader.connections(network.connections)
        else:
            network = _drive(made, loader)
        loader.groups(network.groups, network.group_members)
        progress("Measuring the network", 0.0)
        adjacency = connections.adjacency_of(len(network.members), network.connections)
        ids = [m[ID] for m in network.members]
        measures = measure(adjacency, ids, random.Random(network.seed))
        progress("Storing the network", 0.0)
    finally:
        loader.finish()
    return network, adjacency, measures


def _drive(parts: Parts, loader: bulk.Loader) -> Network:
    """Store each part as it is handed out; the persona's row is settled last."""
    stores = {"members": loader.members, "connections": loader.connections}
    while True:
        try:
            name, rows = next(parts)
        except StopIteration as done:
            network = done.value
            loader.changed_members(network.members)
            return network
        stores[name](rows)


def _write_start(
    db: sqlite_utils.Database,
    network: Network,
    countries: int,
    adjacency: Adjacency,
    measures: NetworkMeasures,
    progress: Progress,
) -> None:
    """Where the world starts: my view of the graph, its measures, and the meta keys."""
    progress("Finding my 1st, 2nd and 3rd degree", 0.0)
    persona.look_from(db, network.me, adjacency)
    bulk.build_indexes(db, "reach")
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
    progress("Finding my 1st, 2nd and 3rd degree", 1.0)
