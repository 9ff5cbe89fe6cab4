"""The country table (R1.2): about 200 countries, real Faker locales, a skewed spread."""

from __future__ import annotations

import importlib

from faker.config import AVAILABLE_LOCALES

from netui.synth.countries import COUNTRIES, all_locales, largest_countries
from netui.synth.members import country_counts


def test_r1_2_about_two_hundred_distinct_countries():
    assert 190 <= len(COUNTRIES) <= 230
    assert len({c.code for c in COUNTRIES}) == len(COUNTRIES)
    assert len({c.name for c in COUNTRIES}) == len(COUNTRIES)
    assert all(len(c.code) == 2 and c.code.isupper() for c in COUNTRIES)


def test_r1_2_every_locale_is_a_faker_locale_with_names():
    for locale in all_locales():
        assert locale in AVAILABLE_LOCALES
        importlib.import_module(f"faker.providers.person.{locale}")


def test_r1_2_every_country_has_cities_and_locale_shares():
    for country in COUNTRIES:
        assert country.cities and all(city.strip() for city in country.cities)
        assert country.locales and all(share > 0 for _, share in country.locales)
        assert country.weight > 0


def test_r1_2_spread_is_skewed_with_a_long_tail():
    countries = largest_countries(len(COUNTRIES))
    counts = country_counts(25_000, countries, skew=0.7)
    assert sum(counts) == 25_000
    assert min(counts) >= 1  # everyone is represented …
    top_ten = sum(sorted(counts, reverse=True)[:10])
    assert top_ten > 0.4 * 25_000  # … but a few large countries hold much of the network
    assert counts == sorted(counts, reverse=True)  # bigger weight, more members


def test_country_counts_handle_fewer_members_than_countries():
    counts = country_counts(60, largest_countries(len(COUNTRIES)), skew=1.0)
    assert sum(counts) == 60
    assert counts[0] == max(counts)


def test_a_flat_skew_spreads_evenly():
    counts = country_counts(2_000, largest_countries(20), skew=0.0)
    assert max(counts) - min(counts) <= 1
