"""The seeder: a synthetic professional network from a recipe, deterministically (R1).

    from netui.synth import generate
    from netui.synth.recipe import load_recipe
    network = generate(load_recipe("default"), progress=lambda phase, f: ...)

Members (`members`), then connections (`graph`), then the persona "me", then groups
(`groups`). Each phase draws from its own random stream derived from the recipe's seed,
so the same recipe and seed give the same `Network`, byte for byte, whatever
PYTHONHASHSEED is — and a change to one phase does not reshuffle the others.
"""

from __future__ import annotations

import gc
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from random import Random
from typing import TypeVar

from netui.core.model import Plan
from netui.core.network import MEMBER_COLUMNS, Network, Part, Parts
from netui.core.progress import PhaseProgress, Progress
from netui.synth.graph import Affiliations, build_graph
from netui.synth.groups import Membership, build_groups
from netui.synth.members import generate_members
from netui.synth.recipe import Recipe, list_recipes, load_recipe

__all__ = [
    "MEMBER_COLUMNS",
    "Network",
    "Recipe",
    "generate",
    "list_recipes",
    "load_recipe",
    "stream",
]

T = TypeVar("T")

# Phases as the progress callback names them, with their share of the total time.
PHASES = {"members": 0.3, "connections": 0.6, "groups": 0.1}


def generate(recipe: Recipe, progress: Progress | None = None) -> Network:
    """Build the network a recipe describes. `progress(phase, fraction)` is called
    often, with fraction going 0 → 1 within each phase."""
    parts = stream(recipe, progress)
    while True:
        try:
            next(parts)
        except StopIteration as done:
            return done.value


def stream(recipe: Recipe, progress: Progress | None = None) -> Parts:
    """`generate`, handing out each part as soon as it exists, so it can be stored while
    the next one is drawn: ("members", rows) a chunk at a time, then ("connections",
    pairs). Returns the whole Network, in which only the persona's row may differ from
    the rows handed out (its plan is the recipe's)."""
    report = progress or (lambda _phase, _fraction: None)
    with _collector_paused():
        report("members", 0.0)
        chunks = generate_members(recipe, _stream(recipe, "members"), _phase(report, "members"))
        people = yield from _named("members", chunks)
        report("members", 1.0)
        report("connections", 0.0)
        affiliations = Affiliations(
            company=people.company,
            country=people.country,
            industry=people.industry,
            city=people.city,
            sociability=people.sociability,
        )
        graph = build_graph(
            affiliations,
            recipe.mean_connections,
            _stream(recipe, "connections"),
            _phase(report, "connections"),
        )
        yield "connections", graph.edges
        me = pick_me(recipe, graph.degree, _stream(recipe, "me"))
        people.rows[me - 1] = with_plan(people.rows[me - 1], Plan(recipe.me_plan))
        report("groups", 0.0)
        groups = build_groups(
            Membership(people.industry, people.country, people.skills),
            people.countries,
            recipe.groups,
            recipe.groups_per_member,
            me,
            _stream(recipe, "groups"),
            _phase(report, "groups"),
        )
        report("groups", 1.0)
    return Network(
        members=people.rows,
        connections=graph.edges,
        groups=groups.groups,
        group_members=groups.members,
        me=me,
        start_date=recipe.start_date,
        seed=recipe.seed,
        source=recipe.name,
    )


def with_plan(row: tuple, plan: Plan) -> tuple:
    """A member row moved to `plan`; Open Profile only stays on a premium plan (R8)."""
    values = dict(zip(MEMBER_COLUMNS, row, strict=True))
    values["plan"] = plan.value
    values["open_profile"] = values["open_profile"] if plan.is_premium else 0
    return tuple(values[c] for c in MEMBER_COLUMNS)


def pick_me(recipe: Recipe, degree: list[int], rng: Random) -> int:
    """The persona (R1.5): the recipe's member id, or with "auto" a member whose
    connection count is within `me_connections`, as near `me_prefers` as possible
    (ties drawn at random). Without one in range, the nearest to the range."""
    if recipe.me != "auto":
        return recipe.me
    low, high = recipe.me_connections
    prefers = min(max(recipe.me_prefers, low), high)
    members = range(1, len(degree))
    in_range = [m for m in members if low <= degree[m] <= high]
    candidates = in_range or list(members)
    best = min(abs(degree[m] - prefers) for m in candidates)
    return rng.choice([m for m in candidates if abs(degree[m] - prefers) == best])


def _named(name: str, parts: Generator[list[tuple], None, T]) -> Generator[Part, None, T]:
    """Each part a generator hands out, named; then what it returns."""
    while True:
        try:
            part = next(parts)
        except StopIteration as done:
            return done.value
        yield name, part


def _stream(recipe: Recipe, phase: str) -> Random:
    # A string seed goes through SHA-512, not hash(): stable across processes.
    return Random(f"netui/{recipe.seed}/{phase}")


def _phase(report: Progress, phase: str) -> PhaseProgress:
    return lambda fraction: report(phase, fraction)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Millions of small tuples and lists, none of them cyclic: the cyclic garbage
    collector would only rescan them again and again. Pause it while building."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
