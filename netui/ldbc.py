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
"""

from __future__ import annotations

import gzip
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import TextIO

from netui.core.model import Category, Plan
from netui.core.network import MEMBER_COLUMNS, Network
from netui.core.progress import Progress, no_progress
from netui.errors import BadInput

GROUP_TITLE = re.compile(r"Group for (?P<topic>.+?)(?: in .+)?$")  # "Group for X in Y"
MIN_SKILLS, MAX_SKILLS = 3, 8


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
    places = _read_places(root)
    organisations = _read_names(root, "static/Organisation")
    tags = _read_names(root, "static/Tag")
    progress("Reading persons", 0.2)
    persons = _read_persons(root, places)
    ids = _Index("person", "Person", {p.ldbc_id: n for n, p in enumerate(persons, start=1)})
    if me is not None and me not in ids:
        raise BadInput(f"--me {me}: no person with that LDBC id in dynamic/Person.")
    progress("Reading connections", 0.4)
    connections = _read_knows(root, ids)
    progress("Reading employers and interests", 0.6)
    employers = _read_employers(root, ids, organisations)
    interests = _read_interests(root, ids, tags)
    progress("Reading groups", 0.8)
    forums = _read_forums(root, ids)
    group_members = _read_group_members(root, ids, forums)
    progress("Filling in profiles", 0.9)
    members = [
        _member(number, person, employers.get(number), interests.get(number, []))
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


# ── reading the CSV files ──────────────────────────────────────────────────


def _rows(root: Path, entity: str, columns: Sequence[str]) -> Iterator[tuple[str, int, list[str]]]:
    """Every row of an entity as (file, line number, the wanted columns in order).

    File names are relative to the snapshot so error messages stay short; lines
    count from 1 at the header, as an editor shows them.
    """
    for part in _part_files(root, entity):
        file = part.relative_to(root).as_posix()
        with _open_text(part) as lines:
            try:
                yield from _file_rows(file, lines, columns)
            except UnicodeDecodeError as error:
                raise BadInput(f"{file}: not UTF-8 text ({error.reason}).") from None


def _file_rows(
    file: str, lines: TextIO, columns: Sequence[str]
) -> Iterator[tuple[str, int, list[str]]]:
    header = next(lines, "").rstrip("\r\n").split("|")
    missing = [c for c in columns if c not in header]
    if missing:
        raise BadInput(
            f"{file} line 1: the header lacks {', '.join(missing)} "
            f"(found {'|'.join(header) or 'nothing'})."
        )
    positions = [header.index(c) for c in columns]
    pick = itemgetter(*positions) if len(positions) > 1 else lambda f: (f[positions[0]],)
    width = len(header)
    for number, line in enumerate(lines, start=2):
        fields = line.rstrip("\r\n").split("|")
        if len(fields) != width:
            if not line.strip():
                continue  # a trailing blank line is harmless
            raise BadInput(
                f"{file} line {number}: {len(fields)} fields where the header has {width}."
            )
        yield file, number, pick(fields)


def _part_files(root: Path, entity: str) -> list[Path]:
    folder = root / entity
    parts = sorted(folder.glob("part-*.csv")) + sorted(folder.glob("part-*.csv.gz"))
    if not parts:
        raise BadInput(f"{entity}: missing (no part-*.csv files in {folder}).")
    return parts


def _open_text(path: Path) -> TextIO:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def _number(value: str, file: str, line: int, column: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise BadInput(f"{file} line {line}: {column} {value!r} is not a whole number.") from None


class _Index:
    """LDBC ids of one entity → a number of ours, found by the id as the file writes it.

    Parsing millions of ids is most of an import's time, so the text is looked up
    first; only a miss (a dangling id, or an odd spelling such as "0014") is parsed.
    """

    def __init__(self, what: str, entity: str, numbers: dict[int, int]) -> None:
        self.what, self.entity = what, entity
        self.numbers = numbers
        self._by_text = {str(ldbc_id): number for ldbc_id, number in numbers.items()}

    def __contains__(self, ldbc_id: int) -> bool:
        return ldbc_id in self.numbers

    def __getitem__(self, ldbc_id: int) -> int:
        return self.numbers[ldbc_id]

    def __len__(self) -> int:
        return len(self.numbers)

    def find(self, text: str, file: str, line: int, column: str) -> int:
        """Our number for the id in `column`, or BadInput for an id that points nowhere."""
        number = self._by_text.get(text)
        if number is None:
            ldbc_id = _number(text, file, line, column)
            number = self.numbers.get(ldbc_id)
            if number is None:
                raise BadInput(
                    f"{file} line {line}: {self.what} {ldbc_id} is not in {self.entity}."
                )
        return number


def _plain(name: str) -> str:
    """LDBC names come from DBpedia resources, with `_` for spaces."""
    return name.replace("_", " ")


# ── the static part: places, organisations, tags ──────────────────────────


@dataclass(frozen=True, slots=True)
class _Place:
    name: str
    kind: str  # City, Country or Continent
    part_of: int | None


def _read_places(root: Path) -> dict[int, _Place]:
    places = {}
    for file, line, (pid, name, kind, part_of) in _rows(
        root, "static/Place", ("id", "name", "type", "PartOfPlaceId")
    ):
        parent = _number(part_of, file, line, "PartOfPlaceId") if part_of else None
        places[_number(pid, file, line, "id")] = _Place(_plain(name), kind, parent)
    return places


def _read_names(root: Path, entity: str) -> dict[int, str]:
    return {
        _number(oid, file, line, "id"): _plain(name)
        for file, line, (oid, name) in _rows(root, entity, ("id", "name"))
    }


def _city_and_country(places: dict[int, _Place], city_id: int, file: str, line: int) -> tuple:
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
class _Person:
    ldbc_id: int
    name: str
    city: str
    country: str
    languages: tuple[str, ...]
    joined: str  # ISO date


def _read_persons(root: Path, places: dict[int, _Place]) -> list[_Person]:
    """Persons in LDBC id order: the order that numbers them 1..N."""
    persons: dict[int, _Person] = {}
    columns = ("id", "firstName", "lastName", "LocationCityId", "language", "creationDate")
    for file, line, (pid, first, last, city_id, language, created) in _rows(
        root, "dynamic/Person", columns
    ):
        ldbc_id = _number(pid, file, line, "id")
        if ldbc_id in persons:
            raise BadInput(f"{file} line {line}: person {ldbc_id} appears twice.")
        city, country = _city_and_country(
            places, _number(city_id, file, line, "LocationCityId"), file, line
        )
        name = " ".join(part for part in (first.strip(), last.strip()) if part)
        persons[ldbc_id] = _Person(
            ldbc_id, name or f"Person {ldbc_id}", city, country,
            tuple(code for code in language.split(";") if code), created[:10],
        )  # fmt: skip
    if not persons:
        raise BadInput("dynamic/Person: no persons, so nothing to import.")
    return [persons[key] for key in sorted(persons)]


def _read_knows(root: Path, ids: _Index) -> list[tuple[int, int]]:
    """Connections as (a, b) with a < b, each once; duplicates and self-loops refused."""
    seen: set[tuple[int, int]] = set()
    for file, line, (p1, p2) in _rows(
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


def _read_employers(root: Path, ids: _Index, organisations: dict[int, str]) -> dict[int, str]:
    """Member → the company they joined last (latest workFrom; ties: lowest company id)."""
    latest: dict[int, tuple[int, int]] = {}  # member → (workFrom, -company id)
    for file, line, (pid, cid, since) in _rows(
        root, "dynamic/Person_workAt_Company", ("PersonId", "CompanyId", "workFrom")
    ):
        member = ids.find(pid, file, line, "PersonId")
        company = _number(cid, file, line, "CompanyId")
        if company not in organisations:
            raise BadInput(f"{file} line {line}: company {company} is not in Organisation.")
        key = (_number(since, file, line, "workFrom"), -company)
        if member not in latest or key > latest[member]:
            latest[member] = key
    return {member: organisations[-company] for member, (_, company) in latest.items()}


def _read_interests(root: Path, ids: _Index, tags: dict[int, str]) -> dict[int, list[str]]:
    """Member → their interest tag names, in tag id order (at most MAX_SKILLS)."""
    chosen: dict[int, set[int]] = {}
    for file, line, (pid, tid) in _rows(
        root, "dynamic/Person_hasInterest_Tag", ("PersonId", "TagId")
    ):
        member = ids.find(pid, file, line, "PersonId")
        tag = _number(tid, file, line, "TagId")
        if tag not in tags:
            raise BadInput(f"{file} line {line}: tag {tag} is not in Tag.")
        chosen.setdefault(member, set()).add(tag)
    return {member: [tags[t] for t in sorted(ts)[:MAX_SKILLS]] for member, ts in chosen.items()}


# ── groups ────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class _GroupForum:
    ldbc_id: int
    title: str
    topic: str
    moderator: int | None  # netui id

    def as_group(self, number: int, industries: dict[int, str]) -> tuple[int, str, str, str]:
        # LDBC groups have no industry: the moderator's stands in, as the person
        # who started a group usually sets its field.
        industry = industries.get(self.moderator) or _industry_for(f"topic:{self.topic}")
        return number, self.title, self.topic, industry


@dataclass
class _Forums:
    groups: list[_GroupForum]  # the discussion groups, in LDBC id order
    index: _Index  # every forum → its group number, or 0 for a wall or an album


def _read_forums(root: Path, ids: _Index) -> _Forums:
    """Every forum, checked; those titled "Group for …" are the groups.

    Walls and albums are personal pages, not discussion groups.
    """
    groups: dict[int, _GroupForum] = {}
    seen: set[int] = set()
    for file, line, (fid, title, moderator) in _rows(
        root, "dynamic/Forum", ("id", "title", "ModeratorPersonId")
    ):
        forum = _number(fid, file, line, "id")
        if forum in seen:
            raise BadInput(f"{file} line {line}: forum {forum} appears twice.")
        seen.add(forum)
        if match := GROUP_TITLE.match(title):
            host = ids.find(moderator, file, line, "ModeratorPersonId") if moderator else None
            groups[forum] = _GroupForum(forum, _plain(title), _plain(match["topic"]), host)
    ordered = [groups[forum] for forum in sorted(groups)]
    numbers = dict.fromkeys(seen, 0) | {g.ldbc_id: n for n, g in enumerate(ordered, start=1)}
    return _Forums(ordered, _Index("forum", "Forum", numbers))


def _read_group_members(root: Path, ids: _Index, forums: _Forums) -> list[tuple[int, int]]:
    """(group, member) pairs for the group forums; a repeated membership is refused."""
    pairs: set[tuple[int, int]] = set()
    for file, line, (fid, pid) in _rows(
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


def best_connected(member_count: int, connections: list[tuple[int, int]]) -> int:
    """The member with the most connections; of equals, the lowest id."""
    degree = [0] * (member_count + 1)
    for a, b in connections:
        degree[a] += 1
        degree[b] += 1
    # max() keeps the first of equals, and members are numbered in LDBC id order.
    return max(range(1, member_count + 1), key=degree.__getitem__)


# ── fields LDBC does not have ─────────────────────────────────────────────
# Filled from a random generator seeded by the LDBC id (or the company), never
# from global state, so an import is reproducible and a person keeps the same
# made-up headline whatever else the files contain.

# industry → (job titles, skills to pad interests with)
INDUSTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Software": (
        ("Software Engineer", "Data Engineer", "Product Manager", "Site Reliability Engineer"),
        ("Python", "SQL", "Cloud Computing", "Distributed Systems", "Agile Methods"),
    ),
    "Financial Services": (
        ("Financial Analyst", "Risk Manager", "Portfolio Manager", "Controller"),
        ("Financial Modelling", "Risk Management", "Excel", "Accounting", "Compliance"),
    ),
    "Telecommunications": (
        ("Network Engineer", "Account Manager", "Solutions Architect"),
        ("Networking", "5G", "Fibre Optics", "Project Management", "Customer Service"),
    ),
    "Airlines and Aviation": (
        ("Flight Operations Manager", "Aircraft Engineer", "Pilot", "Cabin Crew Lead"),
        ("Aviation Safety", "Logistics", "Maintenance Planning", "Customer Service"),
    ),
    "Higher Education": (
        ("Lecturer", "Research Fellow", "Professor", "Admissions Officer"),
        ("Research", "Teaching", "Academic Writing", "Statistics", "Grant Writing"),
    ),
    "Hospital and Health Care": (
        ("Nurse", "Physician", "Clinical Researcher", "Health Care Administrator"),
        ("Patient Care", "Clinical Trials", "Public Health", "Medical Devices"),
    ),
    "Retail": (
        ("Store Manager", "Buyer", "E-commerce Manager", "Merchandiser"),
        ("Merchandising", "Supply Chain", "Negotiation", "Sales", "E-commerce"),
    ),
    "Marketing and Advertising": (
        ("Marketing Manager", "Brand Strategist", "Copywriter", "SEO Specialist"),
        ("Digital Marketing", "Branding", "Social Media", "Copywriting", "SEO"),
    ),
    "Construction": (
        ("Site Engineer", "Architect", "Project Manager", "Quantity Surveyor"),
        ("AutoCAD", "Project Management", "Civil Engineering", "Health and Safety"),
    ),
    "Media and Publishing": (
        ("Journalist", "Editor", "Producer", "Content Strategist"),
        ("Writing", "Editing", "Storytelling", "Video Production", "Social Media"),
    ),
    "Energy": (
        ("Energy Analyst", "Petroleum Engineer", "Power Systems Engineer"),
        ("Renewable Energy", "Oil and Gas", "Energy Markets", "Engineering"),
    ),
    "Government Administration": (
        ("Policy Advisor", "Public Servant", "Programme Officer"),
        ("Public Policy", "Government Relations", "Administration", "Research"),
    ),
}
SENIORITY = ("", "", "", "Junior ", "Senior ", "Lead ", "Principal ")
PLAN_WEIGHTS = {  # most members are on the free plan
    Plan.FREE: 70,
    Plan.PREMIUM_CAREER: 12,
    Plan.PREMIUM_BUSINESS: 9,
    Plan.RECRUITER_LITE: 5,
    Plan.SALES_NAVIGATOR: 4,
}
NO_EMPLOYER = "Self-employed"


def _industry_for(key: str) -> str:
    return random.Random(f"ldbc-industry:{key}").choice(sorted(INDUSTRIES))


def _member(number: int, person: _Person, company: str | None, interests: list[str]) -> tuple:
    rng = random.Random(f"ldbc-person:{person.ldbc_id}")
    # Colleagues share an industry, so the imported graph clusters by industry too.
    industry = _industry_for(f"company:{company}" if company else f"person:{person.ldbc_id}")
    titles, industry_skills = INDUSTRIES[industry]
    headline = rng.choice(SENIORITY) + rng.choice(titles)
    skills = _skills(interests, industry_skills, rng)
    plan = rng.choices(list(PLAN_WEIGHTS), weights=list(PLAN_WEIGHTS.values()))[0]
    country_code = country_code_of(person.country)
    row = {
        "id": number,
        "name": person.name,
        "headline": headline,
        "company": company or NO_EMPLOYER,
        "industry": industry,
        "city": person.city,
        "country": person.country,
        "country_code": country_code,
        "locale": locale_for(person.languages, country_code),
        "skills": "; ".join(skills),
        "summary": (
            f"{headline} at {company or 'my own business'} in {person.city}. "
            f"Interested in {', '.join(skills[:3])}. LDBC person {person.ldbc_id}."
        ),
        "joined": person.joined,
        "plan": plan.value,
        "open_profile": int(plan.is_premium and rng.random() < 0.4),
        "accepts_inmail": int(rng.random() < 0.88),
        "categories": ";".join(c.value for c in _categories(rng)),
        "contact_visible": int(rng.random() < 0.6),
        "activity": round(rng.betavariate(2, 3), 3),
        "responsiveness": round(rng.betavariate(2, 4), 3),
    }
    return tuple(row[column] for column in MEMBER_COLUMNS)


def _skills(interests: list[str], industry_skills: Sequence[str], rng: random.Random) -> list[str]:
    """Interest tags as skills; fewer than three are padded from the industry."""
    skills = list(interests[:MAX_SKILLS])
    spare = [s for s in industry_skills if s not in skills]
    rng.shuffle(spare)
    while len(skills) < MIN_SKILLS and spare:
        skills.append(spare.pop())
    return skills


def _categories(rng: random.Random) -> list[Category]:
    """Two to six welcomed InMail categories, in the canonical order."""
    chosen = set(rng.sample(list(Category), rng.randint(2, 6)))
    return [c for c in Category if c in chosen]


# ── countries and locales ─────────────────────────────────────────────────

# LDBC country names (from DBpedia) that Faker's country list spells otherwise.
COUNTRY_ALIASES = {
    "Burma": "MM",
    "China": "CN",
    "England": "GB",
    "Hong Kong": "HK",
    "Netherlands": "NL",
    "Northern Ireland": "GB",
    "Puerto Rico": "PR",
    "Republic of Macedonia": "MK",
    "Scotland": "GB",
    "Wales": "GB",
}
UNKNOWN_COUNTRY = "ZZ"  # ISO 3166's "user-assigned" code, for a name we cannot place


@cache
def _country_codes() -> dict[str, str]:
    from faker.providers.date_time import Provider

    return {c.name: c.alpha_2_code for c in Provider.countries} | COUNTRY_ALIASES


def country_code_of(country: str) -> str:
    """ISO 3166 alpha-2 code for an LDBC country name."""
    return _country_codes().get(country, UNKNOWN_COUNTRY)


@cache
def _faker_locales() -> tuple[str, ...]:
    from faker.config import AVAILABLE_LOCALES

    return tuple(sorted(AVAILABLE_LOCALES))


def locale_for(languages: Sequence[str], country_code: str) -> str:
    """The Faker locale that best fits a person's languages and country.

    First a language they speak as spoken in their country (zh + CN → zh_CN), then
    any locale of their country, then their first language anywhere, then en_US.
    """
    locales = _faker_locales()
    for language in languages:
        if f"{language}_{country_code}" in locales:
            return f"{language}_{country_code}"
    for locale in locales:
        if locale.endswith(f"_{country_code}"):
            return locale
    for locale in locales:
        if languages and locale.startswith(f"{languages[0]}_"):
            return locale
    return "en_US"
