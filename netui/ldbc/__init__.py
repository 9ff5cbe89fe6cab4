"""Import a real network: the LDBC Social Network Benchmark's CSV snapshot.

Reads the `csv/bi/composite-merged-fk/initial_snapshot` layout written by the LDBC
SNB data generator: `<static|dynamic>/<Entity>/part-*.csv`, pipe-separated, one
header row, any number of part files per entity.

What becomes what:
- Person → a member. LDBC ids are large and sparse, so members are renumbered
  1..N in LDBC id order; the original id is kept at the end of the member's
  summary ("LDBC person 14.") and `--me` takes the LDBC id, since netui ids do
  not exist until the import has run.
- Person_knows_Person → connections; Forum titled "Group for <topic> in <city>"
  → a group named by that title (underscores read as spaces), with its members
  from Forum_hasMember_Person. Walls and albums are not groups.
- Place gives city and country, Person_workAt_Company the latest employer,
  Person_hasInterest_Tag the skills (3–8; fewer are padded from the industry),
  Person.language the Faker locale.
- What LDBC does not have (headline, industry, plan, InMail settings, behaviour)
  is filled in deterministically from the person's id, so the same files always
  give the same database.

The whole input is parsed and checked before anything is stored: a missing file,
a wrong header, an id that points nowhere, a duplicate or self-loop `knows` edge
raises BadInput naming the file and line, and no database is written. A repeated
edge is refused rather than skipped, because it means the export is not what it
claims to be, and silently repairing it would hide that.

The package reads in three steps, a module each: `csv_files` (LDBC's pipe-separated
part files, with file and line for every error), `entities` (places, persons,
connections, employers, interests and groups, checked against each other) and
`profiles` (the fields LDBC does not have, and countries and locales).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from netui.core.network import MEMBER_COLUMNS, Network
from netui.core.progress import Progress, no_progress
from netui.errors import BadInput
from netui.ldbc.csv_files import Index
from netui.ldbc.entities import (
    read_employers,
    read_forums,
    read_group_members,
    read_interests,
    read_knows,
    read_names,
    read_persons,
    read_places,
)
from netui.ldbc.profiles import member_row


@dataclass
class LdbcImport:
    """A network read from LDBC files, with the way back to LDBC's person ids."""

    network: Network
    ldbc_ids: list[int]  # ldbc_ids[member_id - 1] is that member's LDBC person id

    def ldbc_id(self, member_id: int) -> int:
        return self.ldbc_ids[member_id - 1]


def read_ldbc(
    directory: Path, *, me: int | None = None, progress: Progress = no_progress
) -> Network:
    """The network in an LDBC SNB snapshot; `me` is an LDBC person id (default: the
    best-connected person, ties broken by the lowest id)."""
    return import_ldbc(directory, me=me, progress=progress).network


def import_ldbc(
    directory: Path, *, me: int | None = None, progress: Progress = no_progress
) -> LdbcImport:
    root = find_snapshot(Path(directory))
    progress("Reading places, companies and tags", 0.0)
    places = read_places(root)
    organisations = read_names(root, "static/Organisation")
    tags = read_names(root, "static/Tag")
    progress("Reading persons", 0.2)
    persons = read_persons(root, places)
    ids = Index("person", "Person", {p.ldbc_id: n for n, p in enumerate(persons, start=1)})
    if me is not None and me not in ids:
        raise BadInput(f"--me {me}: no person with that LDBC id in dynamic/Person.")
    progress("Reading connections", 0.4)
    connections = read_knows(root, ids)
    progress("Reading employers and interests", 0.6)
    employers = read_employers(root, ids, organisations)
    interests = read_interests(root, ids, tags)
    progress("Reading groups", 0.8)
    forums = read_forums(root, ids)
    group_members = read_group_members(root, ids, forums)
    progress("Filling in profiles", 0.9)
    members = [
        member_row(number, person, employers.get(number), interests.get(number, []))
        for number, person in enumerate(persons, start=1)
    ]
    industries = {m[0]: m[MEMBER_COLUMNS.index("industry")] for m in members}
    groups = [
        forum.as_group(number, industries) for number, forum in enumerate(forums.groups, start=1)
    ]
    network = Network(
        members=members,
        connections=connections,
        groups=groups,
        group_members=group_members,
        me=ids[me] if me is not None else best_connected(len(persons), connections),
        seed=0,
        source=f"ldbc:{root}",
    )
    progress("Filling in profiles", 1.0)
    return LdbcImport(network, [person.ldbc_id for person in persons])


def find_snapshot(directory: Path) -> Path:
    """The folder holding `static/` and `dynamic/`: `directory` itself, or the one
    `initial_snapshot` below it."""
    if not directory.is_dir():
        raise BadInput(f"{directory}: no such directory.")
    if _is_snapshot(directory):
        return directory
    found = sorted(p for p in directory.rglob("initial_snapshot") if _is_snapshot(p))
    preferred = [p for p in found if "composite-merged-fk" in p.parts] or found
    if len(preferred) == 1:
        return preferred[0]
    if not preferred:
        raise BadInput(
            f"{directory}: not an LDBC SNB snapshot (no static/ and dynamic/ folders, "
            "and no initial_snapshot/ below it)."
        )
    raise BadInput(
        f"{directory} holds several LDBC snapshots; pass one of them.",
        [str(p) for p in preferred],
    )


def _is_snapshot(directory: Path) -> bool:
    return (directory / "static").is_dir() and (directory / "dynamic").is_dir()


def best_connected(member_count: int, connections: list[tuple[int, int]]) -> int:
    """The member with the most connections; of equals, the lowest id."""
    degree = [0] * (member_count + 1)
    for a, b in connections:
        degree[a] += 1
        degree[b] += 1
    # max() keeps the first of equals, and members are numbered in LDBC id order.
    return max(range(1, member_count + 1), key=degree.__getitem__)
