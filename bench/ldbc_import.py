"""Importing an LDBC SNB snapshot of scale factor 1: `read_ldbc` + `World.build`.

    python bench/ldbc_import.py [--persons 10000] [--knows 220000] [--keep DIR]

Target: ≤ 15 s for SF1 (about 10,000 persons, 220,000 knows edges, 90,000 forums
and 1.6 million forum memberships; this input has about 2 million). The input is
synthetic but LDBC-shaped: the same folders, headers and id styles as the generator's
`csv/bi/composite-merged-fk/initial_snapshot`, several part files per entity, and
heavy-tailed degrees. It is made from a fixed seed, so every run reads the same files.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from random import Random

from faker.providers.date_time import Provider as FakerDates

from netui.ldbc import read_ldbc
from netui.world import World

STAMP = "2011-05-04T10:11:12.131+00:00"  # creationDate: the importer reads only its date


def write_entity(root: Path, entity: str, header: str, rows: Iterable[str], parts: int = 1) -> int:
    """Write rows into `parts` part files under root/entity; return the row count."""
    rows = list(rows)
    folder = root / entity
    folder.mkdir(parents=True)
    size = -(-len(rows) // parts) or 1
    for number, start in enumerate(range(0, max(len(rows), 1), size)):
        lines = [header, *rows[start : start + size]]
        (folder / f"part-{number:05d}-bench.csv").write_text("\n".join(lines) + "\n")
    return len(rows)


def make_snapshot(root: Path, persons: int, knows: int, seed: int = 1) -> dict[str, int]:
    """An SF1-shaped snapshot in root; returns the row count of each entity."""
    rng = Random(seed)
    counts: dict[str, int] = {}

    # Places: 111 countries (LDBC's count) and their cities.
    countries = [c.name.replace(" ", "_") for c in FakerDates.countries[:111]]
    cities = [(5000 + i, f"City_{i}", 1000 + i % len(countries)) for i in range(1343)]
    places = [f"{1000 + i}|{name}|http://x/{name}|Country|1" for i, name in enumerate(countries)]
    places += [f"{pid}|{name}|http://x/{name}|City|{country}" for pid, name, country in cities]
    counts["Place"] = write_entity(root, "static/Place", "id|name|url|type|PartOfPlaceId", places)

    companies = [f"{i}|Company|Company_{i}|http://x/{i}|{1000 + i % 111}" for i in range(1575)]
    universities = [f"{i}|University|University_{i}|http://x/{i}|{5000 + i % 1343}"
                    for i in range(1575, 7955)]  # fmt: skip
    counts["Organisation"] = write_entity(
        root, "static/Organisation", "id|type|name|url|LocationPlaceId", companies + universities
    )
    tags = [f"{i}|Tag_{i}|http://x/tag{i}|{i % 70}" for i in range(16080)]
    counts["Tag"] = write_entity(root, "static/Tag", "id|name|url|TypeTagClassId", tags)

    # Persons with LDBC-style sparse ids.
    ids = sorted(rng.sample(range(10**6, 4 * 10**13), persons))
    people = [
        f"{STAMP}|{pid}|First{i}|Last{i}|female|1980-01-01|1.2.3.4|Firefox|"
        f"{rng.choice(cities)[0]}|{rng.choice(['en', 'de;en', 'zh;en', 'es;en'])}|p{i}@x.org"
        for i, pid in enumerate(ids)
    ]
    counts["Person"] = write_entity(
        root, "dynamic/Person",
        "creationDate|id|firstName|lastName|gender|birthday|locationIP|browserUsed|"
        "LocationCityId|language|email", people,
    )  # fmt: skip

    friends = _heavy_tailed_pairs(rng, persons, knows)
    counts["Person_knows_Person"] = write_entity(
        root, "dynamic/Person_knows_Person", "creationDate|Person1Id|Person2Id",
        (f"{STAMP}|{ids[a]}|{ids[b]}" for a, b in friends), parts=4,
    )  # fmt: skip
    jobs = [
        f"{STAMP}|{pid}|{rng.randrange(1575)}|{rng.randint(1995, 2012)}"
        for pid in ids
        for _ in range(rng.choice((0, 1, 1, 2, 3)))
    ]
    counts["Person_workAt_Company"] = write_entity(
        root, "dynamic/Person_workAt_Company", "creationDate|PersonId|CompanyId|workFrom", jobs
    )
    study = [f"{STAMP}|{pid}|{rng.randrange(1575, 7955)}|2004" for pid in ids[::5]]
    counts["Person_studyAt_University"] = write_entity(
        root, "dynamic/Person_studyAt_University", "creationDate|PersonId|UniversityId|classYear",
        study,
    )  # fmt: skip
    interests = [
        f"{STAMP}|{pid}|{tag}"
        for pid in ids
        for tag in rng.sample(range(16080), rng.randint(1, 45))
    ]
    counts["Person_hasInterest_Tag"] = write_entity(
        root, "dynamic/Person_hasInterest_Tag", "creationDate|PersonId|TagId", interests, parts=2
    )
    counts.update(_forums(root, rng, ids, friends))
    return counts


def _heavy_tailed_pairs(rng: Random, persons: int, count: int) -> list[tuple[int, int]]:
    """`count` distinct pairs a < b; a few members are in many of them."""
    weights = [1 / (rank + 1) ** 0.6 for rank in range(persons)]
    rng.shuffle(weights)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < count:
        ends = rng.choices(range(persons), weights, k=2 * (count - len(pairs)))
        for a, b in zip(ends[::2], ends[1::2], strict=True):
            if a != b:
                pairs.add((a, b) if a < b else (b, a))
    return sorted(pairs)[:count]


def _forums(root: Path, rng: Random, ids: list[int], friends: list[tuple[int, int]]) -> dict:
    """Walls (members: the owner's friends), albums, and "Group for …" forums."""
    forums, members = [], []
    friends_of: dict[int, list[int]] = {}
    for a, b in friends:
        friends_of.setdefault(a, []).append(b)
        friends_of.setdefault(b, []).append(a)
    next_id = 0
    for owner, pid in enumerate(ids):
        forums.append(f"{STAMP}|{next_id}|Wall of First{owner} Last{owner}|{pid}")
        members += (f"{STAMP}|{next_id}|{ids[f]}" for f in friends_of.get(owner, ()))
        next_id += 1
        for album in range(rng.randint(0, 13)):
            forums.append(f"{STAMP}|{next_id}|Album {album} of First{owner} Last{owner}|{pid}")
            members += (f"{STAMP}|{next_id}|{ids[f]}" for f in friends_of.get(owner, ())[:20])
            next_id += 1
    for group in range(3000):
        forums.append(f"{STAMP}|{next_id}|Group for Tag_{group} in City_{group % 1343}|"
                      f"{rng.choice(ids)}")  # fmt: skip
        size = min(len(ids), int(rng.paretovariate(1.2) * 20))
        members += (f"{STAMP}|{next_id}|{pid}" for pid in rng.sample(ids, size))
        next_id += 1
    return {
        "Forum": write_entity(
            root, "dynamic/Forum", "creationDate|id|title|ModeratorPersonId", forums
        ),  # fmt: skip
        "Forum_hasMember_Person": write_entity(
            root,
            "dynamic/Forum_hasMember_Person",
            "creationDate|ForumId|PersonId",
            members,
            parts=4,
        ),  # fmt: skip
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--knows", type=int, default=220_000)
    parser.add_argument("--keep", type=Path, help="write the snapshot here and keep it")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="netui-ldbc-bench-"))
    snapshot = args.keep or work / "initial_snapshot"
    try:
        started = time.perf_counter()
        if not (snapshot / "dynamic").is_dir():
            counts = make_snapshot(snapshot, args.persons, args.knows)
            print("input: " + ", ".join(f"{name} {n:,}" for name, n in counts.items()))
        print(f"made the input in {time.perf_counter() - started:.1f} s")

        timings: dict[str, float] = {}

        def timed_read(progress):
            began = time.perf_counter()
            network = read_ldbc(snapshot, progress=progress)
            timings["read"] = time.perf_counter() - began
            return network

        began = time.perf_counter()
        summary = World.build(work / "ldbc.db", timed_read)
        total = time.perf_counter() - began
        print(
            f"{summary.members:,} members, {summary.connections:,} connections, "
            f"{summary.groups:,} groups, {summary.countries} countries"
        )
        print(
            f"read_ldbc {timings['read']:.1f} s + store and degrees "
            f"{total - timings['read']:.1f} s = {total:.1f} s (target ≤ 15 s)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
