"""Importing the LDBC SNB sample: counts and degrees checked against the CSV files.

Everything expected here is derived in the test itself, with `csv` and networkx,
from the files the importer reads, never from the importer's own code.
"""

from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from netui.errors import BadInput
from netui.ldbc import import_ldbc, read_ldbc
from netui.world import World

# The SF0.003 sample, cut to the files and rows the importer reads (see its README).
SAMPLE = Path(__file__).resolve().parents[1] / "data/ldbc-snb-sample"

KNOWS = "dynamic/Person_knows_Person"


def rows(root: Path, entity: str) -> Iterator[dict[str, str]]:
    for part in sorted((root / entity).glob("part-*.csv")):
        with part.open(encoding="utf-8", newline="") as f:
            yield from csv.DictReader(f, delimiter="|")


def the_only_part(root: Path, entity: str) -> Path:
    (part,) = (root / entity).glob("part-*.csv")
    return part


@pytest.fixture(scope="module")
def expected() -> dict:
    """What the CSV files say, keyed by LDBC ids."""
    graph = nx.Graph()
    graph.add_nodes_from(int(p["id"]) for p in rows(SAMPLE, "dynamic/Person"))
    graph.add_edges_from((int(k["Person1Id"]), int(k["Person2Id"])) for k in rows(SAMPLE, KNOWS))
    groups = {f["id"] for f in rows(SAMPLE, "dynamic/Forum") if f["title"].startswith("Group for")}
    membership: dict[str, set[int]] = {}
    for row in rows(SAMPLE, "dynamic/Forum_hasMember_Person"):
        if row["ForumId"] in groups:
            membership.setdefault(row["ForumId"], set()).add(int(row["PersonId"]))
    return {"graph": graph, "groups": groups, "membership": membership}


def build(tmp_path: Path, source: Path = SAMPLE, me: int | None = None) -> World:
    path = tmp_path / "ldbc.db"
    World.build(path, lambda progress: read_ldbc(source, me=me, progress=progress))
    return World.open(path)


def ldbc_id_of(world: World, member_id: int) -> int:
    """The importer keeps the LDBC id at the end of the summary."""
    summary = world.member(member_id)["summary"]
    return int(re.search(r"LDBC person (\d+)\.$", summary)[1])


def test_counts_match_the_csv_files(tmp_path, expected):
    stats = build(tmp_path).stats()
    assert stats.members == expected["graph"].number_of_nodes() == 50
    assert stats.connections == expected["graph"].number_of_edges() == 83
    assert stats.groups == len(expected["groups"])


def test_me_is_the_best_connected_person_lowest_id_first(tmp_path, expected):
    graph = expected["graph"]
    best = min(graph.nodes, key=lambda person: (-graph.degree[person], person))
    world = build(tmp_path)
    assert ldbc_id_of(world, world.me) == best


# Two persons chosen with --me: the first has a wide 3-hop reach, the second a narrow one
# and many fellow group members beyond it.
@pytest.mark.parametrize("me", [14, 28587302322191])
def test_degrees_from_a_chosen_me_agree_with_networkx(tmp_path, expected, me):
    graph = expected["graph"]
    world = build(tmp_path, me=me)
    assert ldbc_id_of(world, world.me) == me

    hops = nx.single_source_shortest_path_length(graph, me, cutoff=3)
    my_groups = [m for m in expected["membership"].values() if me in m]
    fellows = set().union(*my_groups) - {me} if my_groups else set()
    by_degree = {"1st": 0, "2nd": 0, "3rd": 0, "group": 0}
    for person in graph.nodes:
        if person == me:
            continue
        if person in hops:
            by_degree[("1st", "2nd", "3rd")[hops[person] - 1]] += 1
        elif person in fellows:
            by_degree["group"] += 1
    assert by_degree["group"] > 0  # so the Group label is exercised too
    degrees = world.stats().degrees
    assert {d: degrees[d] for d in by_degree} == by_degree
    assert degrees["out"] == graph.number_of_nodes() - 1 - sum(by_degree.values())

    # And member by member, for everyone within three hops.
    for member_id in range(1, graph.number_of_nodes() + 1):
        person = ldbc_id_of(world, member_id)
        if person != me and person in hops:
            assert world.profile(member_id).degree == ("1st", "2nd", "3rd")[hops[person] - 1]


def test_member_fields_come_from_person_place_company_and_tags(tmp_path):
    world = build(tmp_path)
    person = next(p for p in rows(SAMPLE, "dynamic/Person") if p["id"] == "14")
    places = {p["id"]: p for p in rows(SAMPLE, "static/Place")}
    city = places[person["LocationCityId"]]
    member = world.member(1)  # LDBC 14 is the lowest id, so member 1
    assert member["name"] == f"{person['firstName']} {person['lastName']}"
    assert member["city"] == city["name"].replace("_", " ")
    assert member["country"] == places[city["PartOfPlaceId"]]["name"].replace("_", " ")
    assert 3 <= len(member["skills"]) <= 8
    companies = {o["id"]: o["name"] for o in rows(SAMPLE, "static/Organisation")}
    jobs = [j for j in rows(SAMPLE, "dynamic/Person_workAt_Company") if j["PersonId"] == "14"]
    latest = max(jobs, key=lambda j: (int(j["workFrom"]), -int(j["CompanyId"])))
    assert member["company"] == companies[latest["CompanyId"]].replace("_", " ")


def test_groups_and_their_members(tmp_path, expected):
    world = build(tmp_path)
    stored = world.db.execute("SELECT count(*) FROM group_members").fetchone()[0]
    assert stored == sum(len(m) for m in expected["membership"].values())
    names = [r[0] for r in world.db.execute("SELECT name FROM groups")]
    assert all(name.startswith("Group for ") for name in names)


def test_the_same_files_give_the_same_network():
    first, second = read_ldbc(SAMPLE), read_ldbc(SAMPLE)
    assert first.members == second.members
    assert first.connections == second.connections
    assert first.groups == second.groups


def test_several_part_files_and_a_parent_folder_are_accepted(tmp_path):
    snapshot = tmp_path / "out/graphs/csv/bi/composite-merged-fk/initial_snapshot"
    shutil.copytree(SAMPLE, snapshot)
    part = the_only_part(snapshot, KNOWS)
    header, *lines = part.read_text(encoding="utf-8").splitlines(keepends=True)
    part.write_text(header + "".join(lines[:40]), encoding="utf-8")
    (part.parent / "part-00001.csv").write_text(header + "".join(lines[40:]), encoding="utf-8")
    split = read_ldbc(tmp_path / "out")
    assert split.connections == read_ldbc(SAMPLE).connections


def test_an_unknown_me_is_refused(tmp_path):
    with pytest.raises(BadInput, match="--me 999: no person"):
        read_ldbc(SAMPLE, me=999)


def test_the_mapping_back_to_ldbc_ids_is_kept():
    imported = import_ldbc(SAMPLE)
    person_ids = sorted(int(p["id"]) for p in rows(SAMPLE, "dynamic/Person"))
    assert imported.ldbc_ids == person_ids
    assert imported.ldbc_id(1) == person_ids[0]


# ── malformed input: a clear error with file and line, and no database ─────


def append_line(root: Path, entity: str, line: str) -> tuple[str, int]:
    """Add a row; return the file (relative) and the line number it landed on."""
    part = the_only_part(root, entity)
    text = part.read_text(encoding="utf-8")
    part.write_text(text + line + "\n", encoding="utf-8")
    return part.relative_to(root).as_posix(), text.count("\n") + 1


def first_knows(root: Path) -> tuple[str, str]:
    row = next(rows(root, KNOWS))
    return row["Person1Id"], row["Person2Id"]


def missing_file(root: Path) -> str:
    shutil.rmtree(root / KNOWS)
    return KNOWS


def wrong_header(root: Path) -> str:
    part = the_only_part(root, "dynamic/Person")
    text = part.read_text(encoding="utf-8")
    part.write_text(text.replace("|firstName|", "|givenName|", 1), encoding="utf-8")
    return f"{part.relative_to(root).as_posix()} line 1: the header lacks firstName"


def dangling_id(root: Path) -> str:
    file, line = append_line(root, KNOWS, "2012-01-01T00:00:00.000+00:00|14|123")
    return f"{file} line {line}: person 123 is not in Person"


def duplicate_edge(root: Path) -> str:
    a, b = first_knows(root)
    file, line = append_line(root, KNOWS, f"2012-01-01T00:00:00.000+00:00|{b}|{a}")
    return f"{file} line {line}: persons {b} and {a} are already connected"


def self_loop(root: Path) -> str:
    a, _ = first_knows(root)
    file, line = append_line(root, KNOWS, f"2012-01-01T00:00:00.000+00:00|{a}|{a}")
    return f"{file} line {line}: person {a} knows themself"


def dangling_group_member(root: Path) -> str:
    forum = next(f["id"] for f in rows(root, "dynamic/Forum") if f["title"].startswith("Group"))
    entity = "dynamic/Forum_hasMember_Person"
    file, line = append_line(root, entity, f"2012-01-01T00:00:00.000+00:00|{forum}|77")
    return f"{file} line {line}: person 77 is not in Person"


def dangling_forum(root: Path) -> str:
    entity = "dynamic/Forum_hasMember_Person"
    file, line = append_line(root, entity, "2012-01-01T00:00:00.000+00:00|999|14")
    return f"{file} line {line}: forum 999 is not in Forum"


def duplicate_group_member(root: Path) -> str:
    groups = {f["id"] for f in rows(root, "dynamic/Forum") if f["title"].startswith("Group")}
    entity = "dynamic/Forum_hasMember_Person"
    row = next(r for r in rows(root, entity) if r["ForumId"] in groups)
    file, line = append_line(root, entity, f"2013-01-01T00:00:00.000+00:00|{row['ForumId']}|"
                             f"{row['PersonId']}")  # fmt: skip
    return f"{file} line {line}: person {row['PersonId']} is already a member"


def not_a_number(root: Path) -> str:
    file, line = append_line(root, KNOWS, "2012-01-01T00:00:00.000+00:00|14|fourteen")
    return f"{file} line {line}: Person2Id 'fourteen' is not a whole number"


def short_row(root: Path) -> str:
    file, line = append_line(root, KNOWS, "2012-01-01T00:00:00.000+00:00|14")
    return f"{file} line {line}: 2 fields where the header has 3"


@pytest.mark.parametrize(
    "spoil",
    [missing_file, wrong_header, dangling_id, duplicate_edge, self_loop, dangling_group_member,
     dangling_forum, duplicate_group_member, not_a_number, short_row],
)  # fmt: skip
def test_malformed_input_names_file_and_line_and_leaves_nothing(tmp_path, spoil):
    copy = tmp_path / "snapshot"
    shutil.copytree(SAMPLE, copy)
    message = spoil(copy)
    db = tmp_path / "ldbc.db"
    with pytest.raises(BadInput) as raised:
        World.build(db, lambda progress: read_ldbc(copy, me=None, progress=progress))
    assert message in raised.value.message
    assert [p.name for p in tmp_path.iterdir()] == ["snapshot"]  # no .db, no .partial


def test_a_folder_that_is_not_a_snapshot_is_refused(tmp_path):
    with pytest.raises(BadInput, match="not an LDBC SNB snapshot"):
        read_ldbc(tmp_path)
    with pytest.raises(BadInput, match="no such directory"):
        read_ldbc(tmp_path / "nowhere")
