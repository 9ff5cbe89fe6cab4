"""Discussion groups (R1.4): named after a skill or an industry, heavy-tailed in size,
joined mostly by people of that industry who have that skill.

A group is about an industry ("FinTech Leaders Network") or one of its skills
("Kubernetes Practitioners Italy"), worldwide or in one country. Its members are drawn
from the matching industry (and country): those with the skill always qualify, others
sometimes, and a few outsiders join anything — so membership correlates with industry
and skills without being a copy of them.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Sequence
from dataclasses import dataclass
from random import Random

from netui.core.progress import PhaseProgress
from netui.synth import professions as prof
from netui.synth.countries import Country

SKILL_TOPIC_SHARE = 0.6  # the rest are about a whole industry
COUNTRY_SCOPE_SHARE = 0.3  # groups for one country; the rest are worldwide
MIN_COUNTRY_POOL = 40  # a country needs this many people in the field for its own group
SIZE_SIGMA = 1.2  # lognormal spread of group sizes: most small, a few huge
MIN_SIZE = 3
POOL_FILL_LIMIT = 0.6  # a group takes at most this share of its candidate pool
OUTSIDER_SHARE = 0.08  # members who join a group outside their own field
NON_SKILL_ACCEPT = 0.25  # chance a candidate without the group's skill joins anyway
MAX_BATCHES = 12
ME_GROUPS = (2, 6)  # R1.5 persona: belongs to a handful of groups

_SKILL_NAMES = (
    "{topic} Practitioners",
    "{topic} Professionals",
    "{topic} Community",
    "{topic} User Group",
    "{topic} Experts Network",
    "Advanced {topic}",
    "{topic} Jobs & Careers",
)
_SKILL_COUNTRY_NAMES = (
    "{topic} Practitioners {country}",
    "{country} {topic} Network",
    "{topic} Professionals {country}",
    "{topic} Meetup {country}",
)
_INDUSTRY_NAMES = (
    "{topic} Leaders Network",
    "{topic} Professionals",
    "Women in {topic}",
    "{topic} Innovation Forum",
    "Future of {topic}",
    "{topic} Executives Club",
)
_INDUSTRY_COUNTRY_NAMES = (
    "{country} {topic} Network",
    "{topic} Careers {country}",
    "{topic} Professionals {country}",
)
_DISAMBIGUATORS = ("", " Network", " Forum", " Hub", " Circle", " Society", " Guild")


@dataclass(frozen=True)
class Membership:
    """What groups need to know about members, per member index (id = index + 1)."""

    industry: Sequence[int]
    country: Sequence[int]
    skills: Sequence[tuple[str, ...]]


@dataclass
class Groups:
    """Rows for the Network: the groups and who belongs to them."""

    groups: list[tuple[int, str, str, str]]  # (id, name, topic, industry)
    members: list[tuple[int, int]]  # (group id, member id), sorted, unique


def build_groups(
    people: Membership,
    countries: Sequence[Country],
    count: int,
    per_member: float,
    me: int,
    rng: Random,
    progress: PhaseProgress | None = None,
) -> Groups:
    """`count` groups whose sizes add up to about `per_member` memberships a member;
    the persona `me` ends up in 2–6 of them."""
    report = progress or (lambda _fraction: None)
    n = len(people.industry)
    index = _PeopleIndex(people)
    taken_names: set[str] = set()
    specs, pools, skills = [], [], []
    for g in range(1, count + 1):
        industry, skill, country = _topic(people, index, rng)
        topic = skill or prof.INDUSTRIES[industry].name
        place = countries[country].name if country is not None else None
        name = _unique_name(topic, skill is not None, place, taken_names, rng)
        specs.append((g, name, topic, prof.INDUSTRIES[industry].name))
        pools.append(index.of(industry, country))
        skills.append(skill)
    report(0.1)
    sizes = _sizes([_capacity(len(pool)) for pool in pools], n * per_member, rng)
    rosters = []
    for g, (pool, size, skill) in enumerate(zip(pools, sizes, skills, strict=True)):
        rosters.append(_roster(pool, size, skill, people.skills, n, rng))
        if g % 500 == 0:
            report(0.1 + 0.8 * g / count)
    _place_me(me, people, specs, rosters, rng)
    members = [(g, m) for g, roster in enumerate(rosters, start=1) for m in roster]
    report(1.0)
    return Groups(specs, members)


class _PeopleIndex:
    """Member ids by industry, and by country and industry ("field"), in id order."""

    def __init__(self, people: Membership) -> None:
        kinds = len(prof.INDUSTRIES)
        self.by_industry: list[list[int]] = [[] for _ in range(kinds)]
        # A flat list indexed by country * kinds + industry: no tuple keys to hash.
        self._by_field: list[list[int]] = [[] for _ in range((max(people.country) + 1) * kinds)]
        self._kinds = kinds
        by_industry, by_field = self.by_industry, self._by_field
        pairs = zip(people.industry, people.country, strict=True)
        for m, (industry, country) in enumerate(pairs, start=1):
            by_industry[industry].append(m)
            by_field[country * kinds + industry].append(m)

    def field(self, country: int, industry: int) -> list[int]:
        return self._by_field[country * self._kinds + industry]

    def of(self, industry: int, country: int | None) -> list[int]:
        return self.by_industry[industry] if country is None else self.field(country, industry)


def _capacity(pool: int) -> int:
    """The most members a group drawing on a pool of this size takes."""
    return max(MIN_SIZE, round(pool * POOL_FILL_LIMIT / (1 - OUTSIDER_SHARE)))


def _sizes(capacities: list[int], memberships: float, rng: Random) -> list[int]:
    """Heavy-tailed sizes within each group's capacity, adding up to about
    `memberships` (capping and scaling interact; a few rounds settle it)."""
    raw = [rng.lognormvariate(0.0, SIZE_SIGMA) for _ in capacities]
    scale = memberships / sum(raw)
    for _ in range(4):
        total = sum(
            min(cap, max(MIN_SIZE, r * scale)) for r, cap in zip(raw, capacities, strict=True)
        )
        scale *= memberships / total
    return [
        min(cap, max(MIN_SIZE, round(r * scale))) for r, cap in zip(raw, capacities, strict=True)
    ]


def _topic(
    people: Membership, index: _PeopleIndex, rng: Random
) -> tuple[int, str | None, int | None]:
    """An industry, maybe one of its skills, maybe a country (if it has people enough).

    Taking the industry and country of a random member weights both by where people
    actually are, so big fields in big countries get more groups.
    """
    someone = rng.randrange(len(people.industry))
    industry, country = people.industry[someone], people.country[someone]
    local = rng.random() < COUNTRY_SCOPE_SHARE
    if not local or len(index.field(country, industry)) < MIN_COUNTRY_POOL:
        country = None
    skill = None
    if rng.random() < SKILL_TOPIC_SHARE:
        skill = rng.choice(prof.INDUSTRIES[industry].skills)
    return industry, skill, country


def _unique_name(
    topic: str, is_skill: bool, country: str | None, taken: set[str], rng: Random
) -> str:
    """A group name no other group has (names are what people search for)."""
    if country is None:
        templates = _SKILL_NAMES if is_skill else _INDUSTRY_NAMES
    else:
        templates = _SKILL_COUNTRY_NAMES if is_skill else _INDUSTRY_COUNTRY_NAMES
    base = ""
    for extra in _DISAMBIGUATORS:
        for _attempt in range(3):
            base = rng.choice(templates).format(topic=topic, country=country)
            if base + extra not in taken:
                taken.add(base + extra)
                return base + extra
    number = 2
    while f"{base} {number}" in taken:
        number += 1
    taken.add(f"{base} {number}")
    return f"{base} {number}"


def _roster(
    pool: list[int],
    size: int,
    skill: str | None,
    skills: Sequence[tuple[str, ...]],
    n: int,
    rng: Random,
) -> list[int]:
    """Member ids of one group: mostly from `pool`, preferring holders of `skill`, plus
    a few outsiders from anywhere. Candidates are drawn in batches."""
    uniform = rng.random
    outsiders = int(size * OUTSIDER_SHARE + uniform())
    insiders = min(size - outsiders, int(len(pool) * POOL_FILL_LIMIT))
    chosen: dict[int, None] = {}  # an insertion-ordered set of ints
    for _batch in range(MAX_BATCHES):  # bounded: few skill holders must not loop forever
        missing = insiders - len(chosen)
        if missing <= 0:
            break
        batch = [pool[int(uniform() * len(pool))] for _ in range(2 * missing + 2)]
        if skill is not None:
            batch = [m for m in batch if skill in skills[m - 1] or uniform() < NON_SKILL_ACCEPT]
        chosen.update(dict.fromkeys(batch))
    members = list(chosen)[:insiders]
    members.extend(1 + int(uniform() * n) for _ in range(outsiders))
    return sorted(set(members))


def _place_me(
    me: int,
    people: Membership,
    specs: list[tuple[int, str, str, str]],
    rosters: list[list[int]],
    rng: Random,
) -> None:
    """Make sure the persona belongs to 2–6 groups, preferring groups of their field."""
    mine = [g for g, roster in enumerate(rosters) if me in roster]
    low, high = ME_GROUPS
    if len(mine) > high:
        for g in rng.sample(mine, len(mine) - high):
            rosters[g].remove(me)
        return
    if len(mine) >= low:
        return
    industry = prof.INDUSTRIES[people.industry[me - 1]].name
    skills = set(people.skills[me - 1])
    relevant = [
        g
        for g, (_id, _name, topic, group_industry) in enumerate(specs)
        if g not in mine and (group_industry == industry or topic in skills)
    ]
    skip = set(mine) | set(relevant)
    others = [g for g in range(len(specs)) if g not in skip]
    wanted = rng.randint(low, min(4, high)) - len(mine)
    if len(relevant) >= wanted:
        chosen = rng.sample(relevant, wanted)
    else:
        chosen = relevant + rng.sample(others, min(len(others), wanted - len(relevant)))
    for g in chosen:
        insort(rosters[g], me)
