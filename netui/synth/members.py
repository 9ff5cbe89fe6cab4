"""Members: who they are, where they work, what they welcome (R1.1, R1.2).

Built for speed: no Faker call per member. Countries get their members by a skewed
share; each country has a pool of companies with heavy-tailed sizes; names come from
the country's Faker locale word lists (`wordlists`), drawn in bulk. Profile pieces that
depend only on a member's kind (industry, role, seniority) — skill sets, welcomed
categories — are drawn from small per-kind pools, so a million members cost a few
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

from netui.core.model import Category, Plan
from netui.core.progress import PhaseProgress
from netui.synth import professions as prof
from netui.synth.countries import Country, largest_countries
from netui.synth.recipe import NETWORK_OPENED, Recipe
from netui.synth.wordlists import GENDERS, locale_words

CHUNK = 100_000  # member rows handed out at a time (each one a full-text index segment)
MEAN_COMPANY_SIZE = 12  # members per company, on average; sizes are Zipf-like
HQ_SHARE = 0.7  # members who live in their company's home city
BRANDED_COMPANY_SHARE = 0.35  # "Rossi Analytics" rather than Faker's "Rossi SpA"
VARIANTS_PER_KIND = 16  # distinct skill sets / category sets per kind of member
SKILLS_PER_MEMBER = (3, 8)
CATEGORY_COUNT_WEIGHTS = (15, 25, 30, 20, 10)  # welcoming 1, 2, 3, 4 or 5 categories
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


@dataclass(slots=True)
class _Kind:
    """A kind of member — industry, role, seniority — and what follows from it alone.

    Skill and category pools are shared by every kind that would fill them alike; they
    grow by one fresh variant per member until they hold VARIANTS_PER_KIND, then members
    draw from them. Small networks pay only for what they use, large ones share strings.
    """

    industry: int
    role: prof.Role
    seniority: prof.Seniority
    titles: tuple[str, ...]
    plan_odds: list[tuple[str, float]]  # (Plan value, cumulative odds)
    sociability: float
    skill_pool: list[tuple[tuple[str, ...], str]]
    category_pool: list[str]


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
    kinds, kind_of = _kinds(pop.industry, rng)
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
            pool.append(_skill_set(kind, pool_rng))
            member_skills, skills_text = pool[-1]
        else:
            member_skills, skills_text = pool[int(uniform() * VARIANTS_PER_KIND)]
        pool = kind.category_pool
        if len(pool) < VARIANTS_PER_KIND:
            pool.append(_category_set(kind, pool_rng))
            categories = pool[-1]
        else:
            categories = pool[int(uniform() * VARIANTS_PER_KIND)]
        plan = _plan(kind.plan_odds, uniform())
        low, high = kind.seniority.years
        years = low + int(uniform() * (high - low + 1))
        industry = industries[kind.industry].name
        summary = _SUMMARIES[int(uniform() * len(_SUMMARIES))](
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


def _kinds(industry_of: list[int], rng: Random) -> tuple[list[_Kind], list[int]]:
    """Draw a role and seniority per member; return the distinct kinds and each
    member's kind index."""
    n = len(industry_of)
    seniority_of = rng.choices(
        range(len(prof.SENIORITIES)), [s.weight for s in prof.SENIORITIES], k=n
    )
    cross_of = rng.choices(range(len(prof.CROSS_ROLES)), k=n)
    picks = [rng.random() for _ in range(n)]
    index: dict[int, int] = {}
    kinds: list[_Kind] = []
    skill_pools: dict[tuple, list] = {}
    category_pools: dict[tuple, list] = {}
    kind_of = []
    cross_share = prof.CROSS_ROLE_SHARE
    for i in range(n):
        industry, seniority, pick = industry_of[i], seniority_of[i], picks[i]
        if pick < cross_share:
            role_code = cross_of[i]
        else:  # the same uniform draw, rescaled, picks one of the industry's own roles
            own = len(prof.INDUSTRIES[industry].roles)
            role_code = 100 + min(int((pick - cross_share) / (1 - cross_share) * own), own - 1)
        key = (industry * 1000 + role_code) * 10 + seniority  # an int hashes fastest
        k = index.get(key)
        if k is None:
            k = index[key] = len(kinds)
            kinds.append(_new_kind(industry, role_code, seniority, skill_pools, category_pools))
        kind_of.append(k)
    return kinds, kind_of


def _new_kind(
    industry: int, role_code: int, seniority_index: int, skill_pools: dict, category_pools: dict
) -> _Kind:
    if role_code >= 100:
        role = prof.INDUSTRIES[industry].roles[role_code - 100]
    else:
        role = prof.CROSS_ROLES[role_code]
    seniority = prof.SENIORITIES[seniority_index]
    function = role.function
    return _Kind(
        industry=industry,
        role=role,
        seniority=seniority,
        titles=prof.job_titles(role, seniority),
        plan_odds=_plan_odds(function, seniority.key),
        sociability=seniority.sociability * prof.FUNCTION_SOCIABILITY.get(function, 1.0),
        skill_pool=skill_pools.setdefault((industry, function, seniority.manages), []),
        category_pool=category_pools.setdefault((function, seniority.key), []),
    )


def _city_picker(country: Country) -> Callable[[float], str]:
    """A function from a uniform draw to one of the country's cities, big ones likelier."""
    cities, cum = country.cities, _zipf_cum(len(country.cities))
    total = cum[-1]
    return lambda u: cities[bisect(cum, u * total)]


def _skill_set(kind: _Kind, rng: Random) -> tuple[tuple[str, ...], str]:
    """3–8 skills: mostly the industry's, then the function's, then leadership (for
    managers) or general ones."""
    count = rng.randint(*SKILLS_PER_MEMBER)
    industry = prof.INDUSTRIES[kind.industry].skills
    function = [s for s in prof.FUNCTION_SKILLS.get(kind.role.function, ()) if s not in industry]
    general = prof.LEADERSHIP_SKILLS if kind.seniority.manages else prof.SOFT_SKILLS
    general = [s for s in general if s not in industry and s not in function]
    from_function = min(len(function), round(count * rng.uniform(0.15, 0.4)))
    from_general = min(len(general), int(count * rng.uniform(0.0, 0.3)))
    from_industry = min(len(industry), count - from_function - from_general)
    chosen = (
        rng.sample(industry, from_industry)
        + rng.sample(function, from_function)
        + rng.sample(general, count - from_industry - from_function)
    )
    return tuple(chosen), "; ".join(chosen)


def _category_set(kind: _Kind, rng: Random) -> str:
    """1–5 welcomed categories, likelier the more they appeal to this kind (R4.2)."""
    appeal = prof.category_appeal(kind.role.function, kind.seniority.key)
    count = rng.choices(range(1, 6), CATEGORY_COUNT_WEIGHTS)[0]
    chosen = set(_weighted_sample(rng, appeal, count))
    return ";".join(c.value for c in Category if c in chosen)  # declaration order


def _plan(odds: list[tuple[str, float]], draw: float) -> str:
    for plan, cumulative in odds:
        if draw < cumulative:
            return plan
    return _FREE


def _weighted_sample(rng: Random, weights: dict, k: int) -> list:
    """k distinct keys, each drawn with probability ∝ weight (Efraimidis–Spirakis)."""
    keyed = sorted(weights, key=lambda item: -(rng.random() ** (1 / weights[item])))
    return keyed[:k]


def _plan_odds(function: str, seniority: str) -> list[tuple[str, float]]:
    """Cumulative odds of each paid plan; the rest is Free. Recruiters buy Recruiter Lite,
    sellers Sales Navigator, job seekers Career, leaders Business."""
    if function in prof.PEOPLE:
        odds = [
            (Plan.RECRUITER_LITE, 0.45 if function == prof.TALENT else 0.12),
            (Plan.PREMIUM_BUSINESS, 0.05),
            (Plan.PREMIUM_CAREER, 0.03),
        ]
    elif function in prof.COMMERCIAL:
        odds = [
            (Plan.SALES_NAVIGATOR, 0.3),
            (Plan.PREMIUM_BUSINESS, 0.05),
            (Plan.PREMIUM_CAREER, 0.03),
        ]
    elif seniority in prof.LEADERS:
        odds = [
            (Plan.PREMIUM_BUSINESS, 0.18),
            (Plan.SALES_NAVIGATOR, 0.05),
            (Plan.PREMIUM_CAREER, 0.03),
        ]
    else:
        odds = [(Plan.PREMIUM_CAREER, 0.07), (Plan.PREMIUM_BUSINESS, 0.04)]
    return list(zip((p.value for p, _ in odds), accumulate(o for _, o in odds), strict=True))


# Summary templates as functions of (title, company, city, industry, years, s0, s1, s2):
# an f-string in a lambda formats three times faster than str.format with keywords.
_SUMMARIES: tuple[Callable[..., str], ...] = (
    lambda t, c, ci, ind, y, s0, s1, s2: f"{t} at {c} in {ci}. I work on {s0} and {s1} in {ind}.",
    lambda t, c, ci, ind, y, s0, s1, s2: (
        f"{y} years in {ind}, now {t} at {c}. Focused on {s0}, {s1} and {s2}."
    ),
    lambda t, c, ci, ind, y, s0, s1, s2: (
        f"Based in {ci}; {t} at {c}. Happy to talk about {s0} and {s1}."
    ),
    lambda t, c, ci, ind, y, s0, s1, s2: (
        f"{t} with a background in {s0} and {s1}. Currently at {c}, {ci}."
    ),
    lambda t, c, ci, ind, y, s0, s1, s2: f"Passionate about {s0}. {t} at {c}, {y} years in {ind}.",
    lambda t, c, ci, ind, y, s0, s1, s2: f"I help {c} grow through {s0} and {s1}. {t}, {ci}.",
)


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
