"""Members (R1.1, R1.2): every field present and plausible, names true to the country."""

from __future__ import annotations

import importlib
import statistics
from collections import defaultdict
from datetime import date

import pytest

from netui.core.model import Category, Plan
from netui.synth import MEMBER_COLUMNS, Network
from netui.synth.countries import COUNTRIES
from netui.synth.recipe import NETWORK_OPENED

pytestmark = pytest.mark.slow  # uses the session's `default` network

COLUMN = {name: i for i, name in enumerate(MEMBER_COLUMNS)}
COUNTRY_BY_NAME = {c.name: c for c in COUNTRIES}


def column(network: Network, name: str) -> list:
    return [row[COLUMN[name]] for row in network.members]


def share(values: list, predicate) -> float:
    return sum(1 for v in values if predicate(v)) / len(values)


def faker_words(locale: str, *attributes: str) -> set[str]:
    """Words straight from Faker's provider class, independent of the seeder's reading."""
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    words: set[str] = set()
    for attribute in attributes:
        words.update(getattr(provider, attribute, ()))
    return words


def test_r1_1_rows_have_every_column_and_ids_run_from_one(default):
    assert all(len(row) == len(MEMBER_COLUMNS) for row in default.members)
    assert column(default, "id") == list(range(1, len(default.members) + 1))
    for name in ("name", "headline", "company", "industry", "city", "summary"):
        assert all(isinstance(v, str) and v.strip() for v in column(default, name)), name


def test_r1_1_three_to_eight_distinct_skills(default):
    for text in column(default, "skills"):
        skills = text.split("; ")
        assert 3 <= len(skills) <= 8
        assert len(set(skills)) == len(skills)


def test_r1_1_joined_before_the_clock_starts(default):
    joined = [date.fromisoformat(d) for d in column(default, "joined")]
    assert all(NETWORK_OPENED <= d < default.start_date for d in joined)


def test_r1_1_mostly_free_some_premium_of_every_kind(default):
    plans = column(default, "plan")
    assert set(plans) == {p.value for p in Plan}
    premium = share(plans, lambda p: p != Plan.FREE.value)
    assert 0.1 <= premium <= 0.3


def test_r1_1_open_profile_only_for_premium_members(default):
    rows = default.members
    open_rows = [r for r in rows if r[COLUMN["open_profile"]]]
    assert open_rows, "some premium members opt in"
    assert all(r[COLUMN["plan"]] != Plan.FREE.value for r in open_rows)
    premium = [r for r in rows if r[COLUMN["plan"]] != Plan.FREE.value]
    assert len(open_rows) < len(premium) / 2


def test_r1_1_a_realistic_minority_refuses_inmail(default):
    refusing = share(column(default, "accepts_inmail"), lambda v: v == 0)
    assert 0.03 <= refusing <= 0.3
    visible = share(column(default, "contact_visible"), lambda v: v == 1)
    assert 0.3 <= visible <= 0.7


def test_r1_1_welcomed_categories_are_valid(default):
    valid = {c.value for c in Category}
    for text in column(default, "categories"):
        categories = text.split(";")
        assert 1 <= len(categories) <= 5
        assert len(set(categories)) == len(categories)
        assert set(categories) <= valid


def test_r4_2_recruiters_welcome_job_inquiries_more_than_others(default):
    rows = default.members
    recruiters = [r for r in rows if "Recruit" in r[COLUMN["headline"]]]
    assert recruiters

    def welcoming(group):
        return share(group, lambda r: "job-inquiry" in r[COLUMN["categories"]].split(";"))

    assert welcoming(recruiters) > 2 * welcoming(rows)


def test_r1_1_behaviour_traits_are_spread_over_zero_to_one(default):
    for name in ("activity", "responsiveness"):
        values = column(default, name)
        assert all(0.0 <= v <= 1.0 for v in values)
        assert 0.2 <= statistics.median(values) <= 0.8  # most are moderate …
        assert min(values) < 0.1 and max(values) > 0.8  # … some are extreme


def test_r1_2_locale_city_and_country_agree(default):
    for row in default.members:
        country = COUNTRY_BY_NAME[row[COLUMN["country"]]]
        assert row[COLUMN["country_code"]] == country.code
        assert row[COLUMN["locale"]] in {locale for locale, _ in country.locales}
        assert row[COLUMN["city"]] in country.cities


def test_r1_2_italians_have_italian_first_names(default):
    italians = [r for r in default.members if r[COLUMN["country"]] == "Italy"]
    assert len(italians) >= 50
    first_names = faker_words("it_IT", "first_names", "first_names_male", "first_names_female")
    for row in italians:
        assert row[COLUMN["name"]].split(" ")[0] in first_names, row


def test_r1_2_japanese_have_japanese_names_family_name_first(default):
    japanese = [r for r in default.members if r[COLUMN["country"]] == "Japan"]
    assert len(japanese) >= 10
    first_names = faker_words("ja_JP", "first_names", "first_names_male", "first_names_female")
    last_names = faker_words("ja_JP", "last_names")
    for row in japanese:
        family, given = row[COLUMN["name"]].split(" ")
        assert family in last_names and given in first_names, row


def test_r1_2_a_company_has_one_country_and_one_industry(default):
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in default.members:
        seen[(row[COLUMN["company"]], row[COLUMN["country"]])].add(row[COLUMN["industry"]])
    assert all(len(industries) == 1 for industries in seen.values())
    # Companies cluster members: far fewer companies than members, some of them big.
    sizes = defaultdict(int)
    for row in default.members:
        sizes[(row[COLUMN["company"]], row[COLUMN["country"]])] += 1
    assert len(sizes) < len(default.members) / 5
    assert max(sizes.values()) >= 50


def test_r1_1_about_forty_industries(default):
    assert 30 <= len(set(column(default, "industry"))) <= 50
