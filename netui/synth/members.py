"""Members: who they are, where they work, what they welcome (R1.1, R1.2).

Built for speed: no Faker call per member. Countries get their members by a skewed
share; each country has a pool of companies with heavy-tailed sizes; names come from
the country's Faker locale word lists (`wordlists`), drawn in bulk. Profile pieces that
depend only on a member's kind (industry, role, seniority) — skill sets, welcomed
categories — are drawn from small per-kind pools (`kinds`), so a million members cost
seconds, and identical strings are shared rather than repeated in memory.
"""

from __future__ import annotations

import math
from bisect import bisect
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from random import Random

from netui.core.model import Plan
from netui.core.progress import PhaseProgress
from netui.synth import professions as prof
from netui.synth.countries import Country, largest_countries
from netui.synth.kinds import (
    SUMMARIES,
    VARIANTS_PER_KIND,
    category_set,
    draw_kinds,
    plan_for,
    skill_set,
)
from netui.synth.recipe import NETWORK_OPENED, Recipe
from netui.synth.wordlists import GENDERS, locale_words

CHUNK = 100_000  # member rows handed out at a time (each one a full-text index segment)
MEAN_COMPANY_SIZE = 12  # members per company, on average; sizes are Zipf-like
HQ_SHARE = 0.7  # members who live in their company's home city
BRANDED_COMPANY_SHARE = 0.35  # "Rossi Analytics" rather than Faker's "Rossi SpA"
ACCEPTS_INMAIL = 0.88
CONTACT_VISIBLE = 0.5
OPEN_PROFILE_AMONG_PREMIUM = 0.3
_FREE = Plan.FREE.value


@dataclass(frozen=True)
class Company:
    name: str
    industry: int  # index into professions.INDUSTRIES
    country: int  # index into Population.countries
    city: str


@dataclass
class Population:
    """Members as rows (MEMBER_COLUMNS order) plus the traits the graph is built on.

    Lists are indexed by member index i; the member's id is i + 1.
    """

    countries: tuple[Country, ...]
    companies: list[Company]
    rows: list[tuple] = field(default_factory=list)
    country: list[int] = field(default_factory=list)
    company: list[int] = field(default_factory=list)
    industry: list[int] = field(default_factory=list)
    city: list[str] = field(default_factory=list)
    skills: list[tuple[str, ...]] = field(default_factory=list)
    sociability: list[float] = field(default_factory=list)  # degree multiplier


def generate_members(
    recipe: Recipe, rng: Random, progress: PhaseProgress | None = None
) -> Generator[list[tuple], None, Population]:
    """The members, handing out their rows CHUNK at a time as they are composed (so
    they can be stored and indexed while the rest are drawn); returns them all."""
    report = progress or (lambda _fraction: None)
    countries = largest_countries(recipe.countries)
    counts = country_counts(recipe.members, countries, recipe.country_skew)
    country_of = [c for c, n in enumerate(counts) for _ in range(n)]
    rng.shuffle(country_of)  # ids carry no hint of the country
    pop = Population(countries=countries, companies=[])
    pop.country = country_of
    members_of: list[list[int]] = [[] for _ in countries]  # member indexes by country
    for i, c in enumerate(country_of):
        members_of[c].append(i)
    report(0.05)
    _assign_companies(pop, members_of, rng)
    report(0.2)
    names, locales = _names(pop, members_of, rng)
    report(0.4)
    yield from _build_rows(pop, recipe, names, locales, rng, report)
    return pop


def country_counts(members: int, countries: tuple[Country, ...], skew: float) -> list[int]:
    """Members per country: share ∝ weight ** skew, largest remainder, at least one each
    when there are members enough (so the long tail exists)."""
    shares = [c.weight**skew for c in countries]
    total = sum(shares)
    floor = 1 if members >= 4 * len(countries) else 0
    spare = members - floor * len(countries)
    exact = [spare * s / total for s in shares]
    counts = [floor + math.floor(x) for x in exact]
    leftover = members - sum(counts)
    by_remainder = sorted(range(len(countries)), key=lambda i: (-(exact[i] % 1), i))
    for i in by_remainder[:leftover]:
        counts[i] += 1
    return counts


# ---- companies -------------------------------------------------------------------------


def _assign_companies(pop: Population, members_of: list[list[int]], rng: Random) -> None:
    """Give each country a pool of companies and each member a company in their country."""
    industry_weights = [ind.weight for ind in prof.INDUSTRIES]
    pop.company = [0] * len(pop.country)
    for c, country in enumerate(pop.countries):
        count = len(members_of[c])
        if not count:
            continue
        # Each country leans on some industries more than others.
        leaning = [w * rng.lognormvariate(0, 0.5) for w in industry_weights]
        first = len(pop.companies)
        how_many = max(1, round(count / MEAN_COMPANY_SIZE))
        pop.companies.extend(_companies(country, c, how_many, leaning, rng))
        # Zipf sizes: the k-th company is about 1/k the size of the biggest.
        cum = list(accumulate(1 / k for k in range(1, how_many + 1)))
        chosen = rng.choices(range(first, first + how_many), cum_weights=cum, k=count)
        for i, company in zip(members_of[c], chosen, strict=True):
            pop.company[i] = company
    pop.industry = [pop.companies[k].industry for k in pop.company]


def _companies(
    country: Country, c: int, how_many: int, leaning: list[float], rng: Random
) -> list[Company]:
    locales = [loc for loc, _ in country.locales]
    locale_cum = list(accumulate(share for _, share in country.locales))
    industries = rng.choices(range(len(prof.INDUSTRIES)), weights=leaning, k=how_many)
    city_cum = _zipf_cum(len(country.cities))
    cities = rng.choices(country.cities, cum_weights=city_cum, k=how_many)
    taken: set[str] = set()
    companies = []
    for industry, city in zip(industries, cities, strict=True):
        words = locale_words(rng.choices(locales, cum_weights=locale_cum)[0])
        name = ""
        for _attempt in range(6):
            if words.latin_script and rng.random() < BRANDED_COMPANY_SHARE:
                brand = rng.choice(prof.INDUSTRIES[industry].brand_words)
                name = f"{words.last['male'].pick(rng)} {brand}"
            else:
                name = rng.choice(words.company_templates).render(rng)
            if name not in taken:
                break
        else:
            name = f"{name} {city}"  # a rare clash: tell them apart by home city
        taken.add(name)
        companies.append(Company(name, industry, c, city))
    return companies


def _zipf_cum(n: int, exponent: float = 1.0) -> list[float]:
    return list(accumulate(1 / k**exponent for k in range(1, n + 1)))


# ---- names -----------------------------------------------------------------------------


def _names(
    pop: Population, members_of: list[list[int]], rng: Random
) -> tuple[list[str], list[str]]:
    """A name per member from a locale of their country, drawn locale by locale."""
    n = len(pop.country)
    locale_of = [""] * n
    by_locale: dict[str, list[int]] = {}
    for c, country in enumerate(pop.countries):
        if not members_of[c]:
            continue
        locales = [loc for loc, _ in country.locales]
        weights = [share for _, share in country.locales]
        for i, loc in zip(
            members_of[c], rng.choices(locales, weights, k=len(members_of[c])), strict=True
        ):
            locale_of[i] = loc
            by_locale.setdefault(loc, []).append(i)
    names = [""] * n
    for loc in sorted(by_locale):  # sorted: the draw order must not depend on dict history
        members = by_locale[loc]
        words = locale_words(loc)
        genders = rng.choices(GENDERS, k=len(members))
        for gender in GENDERS:
            chosen = [i for i, g in zip(members, genders, strict=True) if g == gender]
            for i, name in zip(chosen, words.names(rng, gender, len(chosen)), strict=True):
                names[i] = name
    return names, locale_of


# ---- profiles --------------------------------------------------------------------------


def _build_rows(
    pop: Population,
    recipe: Recipe,
    names: list[str],
    locales: list[str],
    rng: Random,
    report: PhaseProgress,
) -> Iterator[list[tuple]]:
    """One pass over the members, composing each row from its kind and a few draws."""
    n = len(pop.country)
    kinds, kind_of = draw_kinds(pop.industry, rng)
    # Pools fill from their own stream, so the member stream does not depend on fill order.
    pool_rng = Random(rng.getrandbits(64))
    joined = _joined_dates(n, recipe.start_date, rng)
    activity = _beta_like(rng, 2.0, 3.0, n)
    responsiveness = _beta_like(rng, 2.0, 2.5, n)
    other_city = [_city_picker(c) for c in pop.countries]
    uniform = rng.random
    companies, countries, industries = pop.companies, pop.countries, prof.INDUSTRIES
    company_of, country_of = pop.company, pop.country
    rows, cities, skills, sociability = [], [], [], []
    step = max(1, n // 20)
    for i in range(n):
        kind = kinds[kind_of[i]]
        company = companies[company_of[i]]
        country = countries[country_of[i]]
        city = company.city if uniform() < HQ_SHARE else other_city[country_of[i]](uniform())
        titles = kind.titles
        title = titles[int(uniform() * len(titles))]
        pool = kind.skill_pool
        if len(pool) < VARIANTS_PER_KIND:
            pool.append(skill_set(kind, pool_rng))
            member_skills, skills_text = pool[-1]
        else:
            member_skills, skills_text = pool[int(uniform() * VARIANTS_PER_KIND)]
        pool = kind.category_pool
        if len(pool) < VARIANTS_PER_KIND:
            pool.append(category_set(kind, pool_rng))
            categories = pool[-1]
        else:
            categories = pool[int(uniform() * VARIANTS_PER_KIND)]
        plan = plan_for(kind.plan_odds, uniform())
        low, high = kind.seniority.years
        years = low + int(uniform() * (high - low + 1))
        industry = industries[kind.industry].name
        summary = SUMMARIES[int(uniform() * len(SUMMARIES))](
            title, company.name, city, industry, max(years, 1), *member_skills[:3]
        )
        rows.append(
            (
                i + 1,
                names[i],
                title,
                company.name,
                industry,
                city,
                country.name,
                country.code,
                locales[i],
                skills_text,
                summary,
                joined[i],
                plan,
                int(plan != _FREE and uniform() < OPEN_PROFILE_AMONG_PREMIUM),
                int(uniform() < ACCEPTS_INMAIL),
                categories,
                int(uniform() < CONTACT_VISIBLE),
                activity[i],
                responsiveness[i],
            )
        )
        cities.append(city)
        skills.append(member_skills)
        sociability.append(kind.sociability)
        if i % step == 0:
            report(0.4 + 0.6 * i / n)
        if len(rows) % CHUNK == 0:
            yield rows[-CHUNK:]
    if len(rows) % CHUNK:
        yield rows[-(len(rows) % CHUNK) :]
    pop.rows, pop.city, pop.skills, pop.sociability = rows, cities, skills, sociability


def _city_picker(country: Country) -> Callable[[float], str]:
    """A function from a uniform draw to one of the country's cities, big ones likelier."""
    cities, cum = country.cities, _zipf_cum(len(country.cities))
    total = cum[-1]
    return lambda u: cities[bisect(cum, u * total)]


def _joined_dates(n: int, start: date, rng: Random) -> list[str]:
    """ISO join dates before `start`, more of them recent (the network kept growing)."""
    span = (start - NETWORK_OPENED).days - 1
    iso: dict[int, str] = {}  # one string per day, shared by everyone who joined that day
    dates = []
    for u in (rng.random() for _ in range(n)):
        days_back = 1 + int(span * u * u)
        text = iso.get(days_back)
        if text is None:
            text = iso[days_back] = (start - timedelta(days=days_back)).isoformat()
        dates.append(text)
    return dates


def _beta_like(rng: Random, a: float, b: float, n: int) -> list[float]:
    """n values in 0..1 from Beta(a, b): most moderate, a few very high or very low.

    Drawn from a pool of 1,000 rounded quantile samples: same shape, a fraction of the cost.
    """
    pool = sorted(round(rng.betavariate(a, b), 3) for _ in range(1000))
    return rng.choices(pool, k=n)
