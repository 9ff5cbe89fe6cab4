"""The fields LDBC does not have, and the countries and locales of its persons.

Filled from a random generator seeded by the LDBC id (or the company), never
from global state, so an import is reproducible and a person keeps the same
made-up headline whatever else the files contain.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from netui.core.model import Category, Plan
from netui.core.network import MEMBER_COLUMNS

if TYPE_CHECKING:  # entities uses this module's industries; only the type goes back
    from netui.ldbc.entities import Person

MIN_SKILLS, MAX_SKILLS = 3, 8

# ── fields LDBC does not have ─────────────────────────────────────────────

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


def industry_for(key: str) -> str:
    return random.Random(f"ldbc-industry:{key}").choice(sorted(INDUSTRIES))


def member_row(number: int, person: Person, company: str | None, interests: list[str]) -> tuple:
    rng = random.Random(f"ldbc-person:{person.ldbc_id}")
    # Colleagues share an industry, so the imported graph clusters by industry too.
    industry = industry_for(f"company:{company}" if company else f"person:{person.ldbc_id}")
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
