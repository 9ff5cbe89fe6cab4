"""Seed recipes (R1.6): shipped recipes load, flags override, mistakes are named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from netui.errors import BadInput
from netui.synth.recipe import MAX_CONNECTIONS, Recipe, list_recipes, load_recipe

VALID = """
members = 120
mean_connections = 8
groups = 5
start_date = 2016-03-01
seed = 3
"""


def write(tmp_path: Path, text: str, name: str = "mine.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_recipes_are_listed_and_load():
    assert {"tiny", "default", "large"} <= set(list_recipes())
    for name in list_recipes():
        recipe = load_recipe(name)
        assert recipe.name == name
        assert recipe.mean_connections <= MAX_CONNECTIONS


def test_shipped_recipe_sizes_match_their_purpose():
    tiny, default, large = (load_recipe(n) for n in ("tiny", "default", "large"))
    assert tiny.members < 1_000 and tiny.start_date == date(2015, 1, 12) and tiny.seed == 7
    assert default.members == 25_000
    assert large.members == 1_000_000
    # R1.5: the persona of tiny still has a real network to work with.
    assert tiny.me_connections[0] >= 30


def test_flags_override_members_and_seed():
    recipe = load_recipe("tiny", members=500, seed=99)
    assert (recipe.members, recipe.seed) == (500, 99)
    assert recipe.groups == load_recipe("tiny").groups


def test_a_file_path_works_and_defaults_fill_the_rest(tmp_path):
    recipe = load_recipe(str(write(tmp_path, VALID)))
    assert recipe == Recipe(
        name="mine",
        members=120,
        mean_connections=8,
        groups=5,
        start_date=date(2016, 3, 1),
        seed=3,
    )


def test_unknown_recipe_names_the_choices():
    with pytest.raises(BadInput, match="Unknown recipe 'nope'.*default"):
        load_recipe("nope")


def test_missing_file_is_named(tmp_path):
    with pytest.raises(BadInput, match="does not exist"):
        load_recipe(str(tmp_path / "absent.toml"))


def test_malformed_toml_names_the_file(tmp_path):
    path = write(tmp_path, "members = = 3\n")
    with pytest.raises(BadInput, match=r"mine\.toml: not valid TOML"):
        load_recipe(str(path))


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("members = 49", "members"),
        ('members = "many"', "members"),
        ("members = true", "members"),
        ("mean_connections = 0", "mean_connections"),
        ("mean_connections = -2.5", "mean_connections"),
        ("mean_connections = 100", "mean_connections"),  # more than a quarter of 120
        ("groups = 1", "groups"),
        ("countries = 0", "countries"),
        ("countries = 999", "countries"),
        ("country_skew = -1", "country_skew"),
        ("start_date = 2001-01-01", "start_date"),
        ('start_date = "soon"', "start_date"),
        ('me = "someone"', "me"),
        ("me = 121", "me"),
        ("me_connections = [50, 10]", "me_connections"),
        ("me_connections = [10]", "me_connections"),
        ("groups_per_member = 0", "groups_per_member"),
        ("seed = -1", "seed"),
        ("seed = 1.5", "seed"),
        ("colour = 'blue'", "colour"),
    ],
)
def test_bad_values_name_file_and_field(tmp_path, line, field):
    key = line.split("=")[0].strip()
    kept = "\n".join(row for row in VALID.splitlines() if not row.startswith(key + " "))
    path = write(tmp_path, f"{kept}\n{line}\n")
    with pytest.raises(BadInput) as caught:
        load_recipe(str(path))
    message = caught.value.message
    assert "mine.toml" in message and repr(field) in message
    assert "\n" not in message


def test_required_fields_are_named(tmp_path):
    path = write(tmp_path, "members = 100\nmean_connections = 5\n")
    with pytest.raises(BadInput, match="'groups' is missing"):
        load_recipe(str(path))


def test_flag_values_are_validated_too():
    with pytest.raises(BadInput, match="'members'"):
        load_recipe("tiny", members=10)
    with pytest.raises(BadInput, match="'seed'"):
        load_recipe("tiny", seed=-5)


def test_a_toml_date_time_counts_as_its_day(tmp_path):
    path = write(tmp_path, VALID.replace("2016-03-01", "2016-03-01T09:30:00"))
    assert load_recipe(str(path)).start_date == date(2016, 3, 1)
