"""Kinds of member — an industry, a role, a seniority — and what follows from a kind alone.

Job titles, skill sets, welcomed InMail categories, the odds of each paid plan, how
sociable a member is: all depend only on the kind, so they are drawn from small pools
per kind (`VARIANTS_PER_KIND`) rather than per member, and a million members share a
few thousand strings. `members` composes each member's row from their kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from random import Random

from netui.core.model import Category, Plan
from netui.synth import professions as prof

VARIANTS_PER_KIND = 16  # distinct skill sets / category sets per kind of member
SKILLS_PER_MEMBER = (3, 8)
CATEGORY_COUNT_WEIGHTS = (15, 25, 30, 20, 10)  # welcoming 1, 2, 3, 4 or 5 categories
_FREE = Plan.FREE.value


@dataclass(slots=True)
class Kind:
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


def draw_kinds(industry_of: list[int], rng: Random) -> tuple[list[Kind], list[int]]:
    """Draw a role and seniority per member; return the distinct kinds and each
    member's kind index."""
    n = len(industry_of)
    seniority_of = rng.choices(
        range(len(prof.SENIORITIES)), [s.weight for s in prof.SENIORITIES], k=n
    )
    cross_of = rng.choices(range(len(prof.CROSS_ROLES)), k=n)
    picks = [rng.random() for _ in range(n)]
    index: dict[int, int] = {}
    kinds: list[Kind] = []
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
) -> Kind:
    if role_code >= 100:
        role = prof.INDUSTRIES[industry].roles[role_code - 100]
    else:
        role = prof.CROSS_ROLES[role_code]
    seniority = prof.SENIORITIES[seniority_index]
    function = role.function
    return Kind(
        industry=industry,
        role=role,
        seniority=seniority,
        titles=prof.job_titles(role, seniority),
        plan_odds=_plan_odds(function, seniority.key),
        sociability=seniority.sociability * prof.FUNCTION_SOCIABILITY.get(function, 1.0),
        skill_pool=skill_pools.setdefault((industry, function, seniority.manages), []),
        category_pool=category_pools.setdefault((function, seniority.key), []),
    )


def skill_set(kind: Kind, rng: Random) -> tuple[tuple[str, ...], str]:
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


def category_set(kind: Kind, rng: Random) -> str:
    """1–5 welcomed categories, likelier the more they appeal to this kind (R4.2)."""
    appeal = prof.category_appeal(kind.role.function, kind.seniority.key)
    count = rng.choices(range(1, 6), CATEGORY_COUNT_WEIGHTS)[0]
    chosen = set(_weighted_sample(rng, appeal, count))
    return ";".join(c.value for c in Category if c in chosen)  # declaration order


def plan_for(odds: list[tuple[str, float]], draw: float) -> str:
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
SUMMARIES: tuple[Callable[..., str], ...] = (
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
