"""Export the network for Gephi, NetworkX and spreadsheets.

Formats:
- `graphml` and `gexf`: one file, written by NetworkX's own writers, so
  `networkx.read_graphml(path, node_type=int)` gives the graph back and Gephi
  opens it as it is.
- `csv`: a folder holding `nodes.csv` (Id, Label, then the attributes),
  `edges.csv` (Source, Target, Type), `groups.csv` and `group_members.csv`. The
  first two use the column names Gephi's spreadsheet import recognises.

Every member is a node carrying its profile fields and where it stands from me
(`degree`: me, 1st, 2nd, 3rd, group, out; `hops`: 0 for me, -1 beyond the 3rd
degree, since GraphML has no null). Groups are a node attribute, `groups`, the
member's group names joined with "; ", rather than nodes of their own: group
nodes would pose as members and skew every degree and centrality Gephi computes.

`within=N` keeps me and the members up to N hops away (from the stored `reach`
table), and the connections among them.

A file is written beside its destination and renamed into place when complete,
so a failed export never leaves half a file where a good one was.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import networkx as nx
import sqlite_utils

from netui.core.degrees import MAX_HOPS
from netui.core.model import Degree
from netui.errors import BadInput
from netui.store import connections, groups, reach
from netui.world import World

FORMATS = ("graphml", "gexf", "csv")
ME = "me"  # the degree label of the member I play
BEYOND_REACH = -1  # `hops` of a member more than three hops away


@dataclass(frozen=True)
class ExportSummary:
    format: str
    path: str
    members: int
    connections: int
    groups: int

    def as_json(self) -> dict:
        return asdict(self)


def export_network(
    source: Path | World, fmt: str, path: Path, *, within: int | None = None
) -> ExportSummary:
    """Write the network (or my neighbourhood up to `within` hops) to `path`."""
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise BadInput(f"Unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
    if within is not None and not 1 <= within <= MAX_HOPS:
        raise BadInput(f"--within must be between 1 and {MAX_HOPS}, not {within}.")
    path = Path(path)
    _check_destination(path)
    with _opened(source) as world:
        graph = network_graph(world.db, world.me, within=within)
        group_table = group_rows(world.db, graph)
    try:
        if fmt == "csv":
            _write_csv(graph, group_table, path)
        else:
            writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
            with _replacing(path) as partial:
                writer(graph, partial)
    except OSError as error:
        raise BadInput(f"Cannot write {path}: {error.strerror or error}.") from None
    return ExportSummary(
        fmt, str(path), graph.number_of_nodes(), graph.number_of_edges(), len(group_table)
    )


@contextmanager
def _opened(source: Path | World) -> Iterator[World]:
    """The world to export: the one given, or one opened (and closed) here."""
    if isinstance(source, World):
        yield source
        return
    world = World.open(Path(source))
    try:
        yield world
    finally:
        world.db.conn.close()


def _check_destination(path: Path) -> None:
    """Refuse before any work is done when the result could not be written."""
    folder = path.parent
    if not folder.is_dir():
        raise BadInput(f"Cannot write {path}: {folder} is not an existing folder.")
    if not os.access(folder, os.W_OK):
        raise BadInput(f"Cannot write {path}: {folder} is not writable.")


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` that replaces it only if writing succeeds."""
    partial = path.with_name(path.name + ".partial")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


# ── the graph and its attributes ──────────────────────────────────────────


def network_graph(db: sqlite_utils.Database, me: int, *, within: int | None = None) -> nx.Graph:
    """Members with their attributes and the connections between them."""
    graph = connections.load_graph(db)
    if within is not None:
        keep = {me, *reach.within(db, within)}
        # In place: a subgraph copy of a big graph costs more than the export itself.
        graph.remove_nodes_from([node for node in graph if node not in keep])
    group_names = groups.names_by_member(db)
    for member_id, attributes in member_attributes(db, me):
        if member_id in graph:
            attributes["groups"] = "; ".join(sorted(group_names.get(member_id, ())))
            graph.nodes[member_id].update(attributes)
    graph.graph.update(name="netui network", me=me)
    return graph


MEMBER_FIELDS = (
    "name", "headline", "company", "industry", "city", "country", "country_code",
    "skills", "joined", "plan",
)  # fmt: skip
FLAGS = ("open_profile", "accepts_inmail")


def member_attributes(db: sqlite_utils.Database, me: int) -> Iterator[tuple[int, dict]]:
    """(member id, attributes) for every member, with where they stand from me."""
    ranks = list(Degree)
    rows = reach.members_with_standing(db, (*MEMBER_FIELDS, *FLAGS))
    for member_id, *profile, hops, rank, mutual, shared_groups in rows:
        fields = dict(zip((*MEMBER_FIELDS, *FLAGS), profile, strict=True))
        for flag in FLAGS:
            fields[flag] = bool(fields[flag])
        if member_id == me:
            degree, hops = ME, 0
        else:
            degree = ranks[rank].value if rank is not None else Degree.OUT.value
        # Gephi shows the `label` attribute on a node; `name` stays for scripts.
        yield (
            member_id,
            {
                "label": fields["name"],
                **fields,
                "degree": degree,
                "hops": BEYOND_REACH if hops is None else hops,
                "mutual": mutual or 0,
                "shared_groups": shared_groups or 0,
            },
        )


def group_rows(db: sqlite_utils.Database, graph: nx.Graph) -> list[tuple[int, str, str, str, list]]:
    """(id, name, topic, industry, exported member ids) of groups with an exported member."""
    members: dict[int, list[int]] = {}
    for group_id, member_id in groups.memberships(db):
        if member_id in graph:
            members.setdefault(group_id, []).append(member_id)
    return [
        (group_id, name, topic, industry, members[group_id])
        for group_id, name, topic, industry in groups.every(db)
        if group_id in members
    ]


# ── csv ───────────────────────────────────────────────────────────────────


def _write_csv(graph: nx.Graph, group_table: list[tuple], folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise BadInput(
            f"Cannot write {folder}: the csv format writes a folder, and this is a file."
        )
    folder.mkdir(exist_ok=True)
    attributes = [key for key in next(iter(graph.nodes.values()), {}) if key != "label"]
    _write_table(
        folder / "nodes.csv",
        ["Id", "Label", *attributes],
        (
            [node, data["label"], *(data[a] for a in attributes)]
            for node, data in graph.nodes.items()
        ),
    )
    _write_table(
        folder / "edges.csv",
        ["Source", "Target", "Type"],
        ([a, b, "Undirected"] for a, b in graph.edges),
    )
    _write_table(
        folder / "groups.csv",
        ["id", "name", "topic", "industry", "members"],
        ([*group[:4], len(group[4])] for group in group_table),
    )
    _write_table(
        folder / "group_members.csv",
        ["group_id", "member_id"],
        ([group[0], member] for group in group_table for member in group[4]),
    )


def _write_table(path: Path, header: list[str], rows: Iterator[list]) -> None:
    with _replacing(path) as partial, partial.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
