"""Exporting the handmade network and reading it back with NetworkX."""

from __future__ import annotations

import csv

import networkx as nx
import pytest

from netui.errors import BadInput, DatabaseError
from netui.export import export_network
from tests.handmade import CONNECTIONS, DEFAULTS, GROUP_MEMBERS, GROUPS, PEOPLE

# Where each member stands from me (member 1), as drawn in tests/handmade.py.
DEGREES = {1: "me", 2: "1st", 3: "1st", 4: "2nd", 5: "2nd", 6: "3rd", 7: "group", 8: "out",
           9: "group"}  # fmt: skip
HOPS = {1: 0, 2: 1, 3: 1, 4: 2, 5: 2, 6: 3, 7: -1, 8: -1, 9: -1}
READERS = {
    "graphml": lambda path: nx.read_graphml(path, node_type=int),
    "gexf": lambda path: nx.read_gexf(path, node_type=int),
}


def person(member_id: int) -> dict:
    return {**DEFAULTS, **PEOPLE[member_id]}


def group_names(member_id: int) -> str:
    names = {gid: name for gid, name, _, _ in GROUPS}
    return "; ".join(sorted(names[g] for g, m in GROUP_MEMBERS if m == member_id))


def edge_set(edges) -> set[frozenset[int]]:
    return {frozenset(edge) for edge in edges}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_round_trip_keeps_members_connections_and_attributes(handmade_db, tmp_path, fmt):
    path = tmp_path / f"network.{fmt}"
    summary = export_network(handmade_db, fmt, path)
    assert (summary.members, summary.connections, summary.groups) == (9, 7, 2)

    graph = READERS[fmt](path)
    assert set(graph.nodes) == set(PEOPLE)
    assert edge_set(graph.edges) == edge_set(CONNECTIONS)
    for member_id, data in graph.nodes(data=True):
        expected = person(member_id)
        assert data["label"] == data["name"] == expected["name"]
        for field in ("headline", "company", "industry", "city", "country", "skills"):
            assert data[field] == expected[field], (member_id, field)
        assert data["accepts_inmail"] == bool(expected["accepts_inmail"])
        assert data["degree"] == DEGREES[member_id]
        assert data["hops"] == HOPS[member_id]
        assert data["groups"] == group_names(member_id)
    assert graph.nodes[4]["mutual"] == 2  # via 2 and 3


def test_within_one_keeps_me_and_my_first_degree(handmade_db, tmp_path):
    path = tmp_path / "mine.graphml"
    export_network(handmade_db, "graphml", path, within=1)
    graph = nx.read_graphml(path, node_type=int)
    assert set(graph.nodes) == {1, 2, 3}
    assert edge_set(graph.edges) == edge_set([(1, 2), (1, 3)])


def test_within_three_leaves_out_group_only_and_out_of_network(handmade_db, tmp_path):
    path = tmp_path / "mine.gexf"
    summary = export_network(handmade_db, "gexf", path, within=3)
    assert set(nx.read_gexf(path, node_type=int).nodes) == {1, 2, 3, 4, 5, 6}
    assert summary.groups == 2  # both groups have me in them


def test_csv_writes_gephi_ready_tables(handmade_db, tmp_path):
    folder = tmp_path / "tables"
    export_network(handmade_db, "csv", folder)

    def read(name: str) -> list[dict]:
        with (folder / name).open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    nodes = {int(row["Id"]): row for row in read("nodes.csv")}
    assert set(nodes) == set(PEOPLE)
    assert nodes[4]["Label"] == "Seán O'Brien"
    assert nodes[7]["degree"] == "group"
    edges = read("edges.csv")
    assert edge_set((int(e["Source"]), int(e["Target"])) for e in edges) == edge_set(CONNECTIONS)
    assert {e["Type"] for e in edges} == {"Undirected"}
    assert [g["name"] for g in read("groups.csv")] == ["Rust Guild", "Data Circle"]
    memberships = {(int(r["group_id"]), int(r["member_id"])) for r in read("group_members.csv")}
    assert memberships == set(GROUP_MEMBERS)


def test_an_export_replaces_an_earlier_one_whole(handmade_db, tmp_path):
    path = tmp_path / "network.graphml"
    path.write_text("old")
    export_network(handmade_db, "graphml", path, within=1)
    assert nx.read_graphml(path).number_of_nodes() == 3
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".partial"] == []


def test_an_open_world_can_be_exported(world, tmp_path):
    summary = export_network(world, "graphml", tmp_path / "w.graphml")
    assert summary.members == 9


@pytest.mark.parametrize("fmt", ["pdf", "", "graph ml"])
def test_an_unknown_format_is_refused(handmade_db, tmp_path, fmt):
    with pytest.raises(BadInput, match="choose one of: graphml, gexf, csv"):
        export_network(handmade_db, fmt, tmp_path / "x")


@pytest.mark.parametrize("within", [0, 4, -1])
def test_within_outside_one_to_three_is_refused(handmade_db, tmp_path, within):
    with pytest.raises(BadInput, match="--within must be between 1 and 3"):
        export_network(handmade_db, "graphml", tmp_path / "x.graphml", within=within)


def test_an_unwritable_destination_is_refused(handmade_db, tmp_path):
    a_file = tmp_path / "file.txt"
    a_file.write_text("")
    with pytest.raises(BadInput, match="is not an existing folder"):
        export_network(handmade_db, "graphml", a_file / "x.graphml")
    with pytest.raises(BadInput, match="is not an existing folder"):
        export_network(handmade_db, "gexf", tmp_path / "missing" / "x.gexf")
    with pytest.raises(BadInput, match="writes a folder"):
        export_network(handmade_db, "csv", a_file)
    directory = tmp_path / "a-folder"
    directory.mkdir()
    with pytest.raises(BadInput, match="Cannot write"):
        export_network(handmade_db, "graphml", directory)


def test_a_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(DatabaseError):
        export_network(tmp_path / "none.db", "graphml", tmp_path / "x.graphml")
