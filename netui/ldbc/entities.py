"""LDBC's entities read and checked against each other: places, organisations and tags
(the static part), persons and what they did, and the discussion groups."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from netui.errors import BadInput
from netui.ldbc.csv_files import Index, plain, rows, whole_number
from netui.ldbc.profiles import MAX_SKILLS, industry_for

GROUP_TITLE = re.compile(r"Group for (?P<topic>.+?)(?: in .+)?$")  # "Group for X in Y"

# ── the static part: places, organisations, tags ──────────────────────────


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # City, Country or Continent
    part_of: int | None


def read_places(root: Path) -> dict[int, Place]:
    places = {}
    for file, line, (pid, name, kind, part_of) in rows(
        root, "static/Place", ("id", "name", "type", "PartOfPlaceId")
    ):
        parent = whole_number(part_of, file, line, "PartOfPlaceId") if part_of else None
        places[whole_number(pid, file, line, "id")] = Place(plain(name), kind, parent)
    return places


def read_names(root: Path, entity: str) -> dict[int, str]:
    return {
        whole_number(oid, file, line, "id"): plain(name)
        for file, line, (oid, name) in rows(root, entity, ("id", "name"))
    }


def _city_and_country(places: dict[int, Place], city_id: int, file: str, line: int) -> tuple:
    city = places.get(city_id)
    if city is None or city.kind != "City":
        raise BadInput(f"{file} line {line}: city {city_id} is not a City in Place.")
    country = places.get(city.part_of) if city.part_of is not None else None
    if country is None or country.kind != "Country":
        raise BadInput(
            f"{file} line {line}: city {city_id} ({city.name}) is not part of a Country in Place."
        )
    return city.name, country.name


# ── persons and what they did ─────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Person:
    ldbc_id: int
    name: str
    city: str
    country: str
    languages: tuple[str, ...]
    joined: str  # ISO date


def read_persons(root: Path, places: dict[int, Place]) -> list[Person]:
    """Persons in LDBC id order: the order that numbers them 1..N."""
    persons: dict[int, Person] = {}
    columns = ("id", "firstName", "lastName", "LocationCityId", "language", "creationDate")
    for file, line, (pid, first, last, city_id, language, created) in rows(
        root, "dynamic/Person", columns
    ):
        ldbc_id = whole_number(pid, file, line, "id")
        if ldbc_id in persons:
            raise BadInput(f"{file} line {line}: person {ldbc_id} appears twice.")
        city, country = _city_and_country(
            places, whole_number(city_id, file, line, "LocationCityId"), file, line
        )
        name = " ".join(part for part in (first.strip(), last.strip()) if part)
        persons[ldbc_id] = Person(
            ldbc_id, name or f"Person {ldbc_id}", city, country,
            tuple(code for code in language.split(";") if code), created[:10],
        )  # fmt: skip
    if not persons:
        raise BadInput("dynamic/Person: no persons, so nothing to import.")
    return [persons[key] for key in sorted(persons)]


def read_knows(root: Path, ids: Index) -> list[tuple[int, int]]:
    """Connections as (a, b) with a < b, each once; duplicates and self-loops refused."""
    seen: set[tuple[int, int]] = set()
    for file, line, (p1, p2) in rows(
        root, "dynamic/Person_knows_Person", ("Person1Id", "Person2Id")
    ):
        a = ids.find(p1, file, line, "Person1Id")
        b = ids.find(p2, file, line, "Person2Id")
        if a == b:
            raise BadInput(f"{file} line {line}: person {p1} knows themself (a self-loop).")
        pair = (a, b) if a < b else (b, a)
        if pair in seen:
            raise BadInput(
                f"{file} line {line}: persons {p1} and {p2} are already connected "
                "(a duplicate edge)."
            )
        seen.add(pair)
    return sorted(seen)


def read_employers(root: Path, ids: Index, organisations: dict[int, str]) -> dict[int, str]:
    """Member → the company they joined last (latest workFrom; ties: lowest company id)."""
    latest: dict[int, tuple[int, int]] = {}  # member → (workFrom, -company id)
    for file, line, (pid, cid, since) in rows(
        root, "dynamic/Person_workAt_Company", ("PersonId", "CompanyId", "workFrom")
    ):
        member = ids.find(pid, file, line, "PersonId")
        company = whole_number(cid, file, line, "CompanyId")
        if company not in organisations:
            raise BadInput(f"{file} line {line}: company {company} is not in Organisation.")
        key = (whole_number(since, file, line, "workFrom"), -company)
        if member not in latest or key > latest[member]:
            latest[member] = key
    return {member: organisations[-company] for member, (_, company) in latest.items()}


def read_interests(root: Path, ids: Index, tags: dict[int, str]) -> dict[int, list[str]]:
    """Member → their interest tag names, in tag id order (at most MAX_SKILLS)."""
    chosen: dict[int, set[int]] = {}
    for file, line, (pid, tid) in rows(
        root, "dynamic/Person_hasInterest_Tag", ("PersonId", "TagId")
    ):
        member = ids.find(pid, file, line, "PersonId")
        tag = whole_number(tid, file, line, "TagId")
        if tag not in tags:
            raise BadInput(f"{file} line {line}: tag {tag} is not in Tag.")
        chosen.setdefault(member, set()).add(tag)
    return {member: [tags[t] for t in sorted(ts)[:MAX_SKILLS]] for member, ts in chosen.items()}


# ── groups ────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class GroupForum:
    ldbc_id: int
    title: str
    topic: str
    moderator: int | None  # netui id

    def as_group(self, number: int, industries: dict[int, str]) -> tuple[int, str, str, str]:
        # LDBC groups have no industry: the moderator's stands in, as the person
        # who started a group usually sets its field.
        industry = industries.get(self.moderator) or industry_for(f"topic:{self.topic}")
        return number, self.title, self.topic, industry


@dataclass
class Forums:
    groups: list[GroupForum]  # the discussion groups, in LDBC id order
    index: Index  # every forum → its group number, or 0 for a wall or an album


def read_forums(root: Path, ids: Index) -> Forums:
    """Every forum, checked; those titled "Group for …" are the groups.

    Walls and albums are personal pages, not discussion groups.
    """
    groups: dict[int, GroupForum] = {}
    seen: set[int] = set()
    for file, line, (fid, title, moderator) in rows(
        root, "dynamic/Forum", ("id", "title", "ModeratorPersonId")
    ):
        forum = whole_number(fid, file, line, "id")
        if forum in seen:
            raise BadInput(f"{file} line {line}: forum {forum} appears twice.")
        seen.add(forum)
        if match := GROUP_TITLE.match(title):
            host = ids.find(moderator, file, line, "ModeratorPersonId") if moderator else None
            groups[forum] = GroupForum(forum, plain(title), plain(match["topic"]), host)
    ordered = [groups[forum] for forum in sorted(groups)]
    numbers = dict.fromkeys(seen, 0) | {g.ldbc_id: n for n, g in enumerate(ordered, start=1)}
    return Forums(ordered, Index("forum", "Forum", numbers))


def read_group_members(root: Path, ids: Index, forums: Forums) -> list[tuple[int, int]]:
    """(group, member) pairs for the group forums; a repeated membership is refused."""
    pairs: set[tuple[int, int]] = set()
    for file, line, (fid, pid) in rows(
        root, "dynamic/Forum_hasMember_Person", ("ForumId", "PersonId")
    ):
        group = forums.index.find(fid, file, line, "ForumId")
        member = ids.find(pid, file, line, "PersonId")
        if not group:
            continue
        if (group, member) in pairs:
            raise BadInput(
                f"{file} line {line}: person {pid} is already a member of forum {fid} "
                "(a duplicate edge)."
            )
        pairs.add((group, member))
    return sorted(pairs)
