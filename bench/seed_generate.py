"""Seeding speed: netui.synth.generate() against the obvious ways to do the same.

    python bench/seed_generate.py [--large] [--naive-sample N] [--peer-sample N]

Measures, each in a fresh child process (so peak memory is that run's own):

- generate() on the `default` recipe (and `large` with --large): seconds per phase,
  total seconds, peak memory (ru_maxrss);
- peer (a), the naive member fields: one Faker call per field per member, in the
  member's country locale. Timed on --naive-sample members (default 2,000) and
  extrapolated to the recipe's size — the output says so;
- peer (b), the naive graph: networkx.powerlaw_cluster_graph(n, m, p) with the same
  mean degree (m = mean / 2, p = 0.1). For default it runs at full size; for large it
  runs at --peer-sample nodes (default 100,000; 0 = the full million, which takes many
  minutes) and is extrapolated linearly in n, clearly labelled.

Then one ratio line per peer: how many times slower the peer is than our phase.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import time
from collections.abc import Callable
from datetime import date
from random import Random

NAIVE_SAMPLE = 2_000
PEER_SAMPLE = 100_000
CLUSTERING_P = 0.1


def measure_generate(recipe_name: str) -> dict:
    from netui.synth import generate, load_recipe

    recipe = load_recipe(recipe_name)
    started: dict[str, float] = {}

    def progress(phase: str, _fraction: float) -> None:
        started.setdefault(phase, time.perf_counter())

    t0 = time.perf_counter()
    network = generate(recipe, progress)
    end = time.perf_counter()
    marks = [*started.values(), end]
    phases = {phase: marks[i + 1] - marks[i] for i, phase in enumerate(started)}
    return {
        "seconds": end - t0,
        "phases": phases,
        "members": len(network.members),
        "connections": len(network.connections),
        "groups": len(network.groups),
        "memberships": len(network.group_members),
        "mean": recipe.mean_connections,
    }


def measure_naive_members(recipe_name: str, sample: int) -> dict:
    """Peer (a): the same member fields, one Faker call per field per member."""
    from faker import Faker

    from netui.core.model import Category, Plan
    from netui.synth.countries import largest_countries
    from netui.synth.members import country_counts
    from netui.synth.professions import INDUSTRIES
    from netui.synth.recipe import load_recipe

    recipe = load_recipe(recipe_name)
    countries = largest_countries(recipe.countries)
    counts = country_counts(recipe.members, countries, recipe.country_skew)
    rng = Random(1)
    people = rng.sample(
        [c for c, n in zip(countries, counts, strict=True) for _ in range(n)], sample
    )
    t0 = time.perf_counter()
    fakers = {loc: Faker(loc) for loc in sorted({c.main_locale for c in people})}
    for fake in fakers.values():
        fake.seed_instance(1)
    setup = time.perf_counter() - t0
    industries = [i.name for i in INDUSTRIES]
    plans = [p.value for p in Plan]
    categories = [c.value for c in Category]
    t1 = time.perf_counter()
    rows = []
    for i, country in enumerate(people, start=1):
        fake = fakers[country.main_locale]
        rows.append(
            (
                i,
                fake.name(),
                fake.job(),
                fake.company(),
                fake.random_element(industries),
                fake.city(),
                country.name,
                country.code,
                country.main_locale,
                "; ".join(fake.words(nb=fake.random_int(3, 8))),
                fake.sentence(nb_words=14),
                fake.date_between(date(2003, 5, 5), recipe.start_date).isoformat(),
                fake.random_element(plans),
                int(fake.boolean(chance_of_getting_true=5)),
                int(fake.boolean(chance_of_getting_true=88)),
                ";".join(fake.random_elements(categories, length=3, unique=True)),
                int(fake.boolean()),
                fake.pyfloat(min_value=0, max_value=1),
                fake.pyfloat(min_value=0, max_value=1),
            )
        )
    per_member = (time.perf_counter() - t1) / sample
    return {"setup": setup, "per_member": per_member, "sample": sample, "size": recipe.members}


def measure_powerlaw(nodes: int, mean: float) -> dict:
    """Peer (b): networkx's clustered power-law generator at the same mean degree."""
    import networkx as nx

    m = max(1, round(mean / 2))
    t0 = time.perf_counter()
    graph = nx.powerlaw_cluster_graph(nodes, m, CLUSTERING_P, seed=1)
    return {
        "seconds": time.perf_counter() - t0,
        "nodes": nodes,
        "m": m,
        "edges": graph.number_of_edges(),
    }


def _child(target: Callable[..., dict], args: tuple, queue: multiprocessing.Queue) -> None:
    result = target(*args)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put(result)


def in_child(target: Callable[..., dict], *args: object) -> dict:
    """Run one measurement in a fresh interpreter and return its figures."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(target, args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def report_generate(name: str, run: dict) -> None:
    phases = ", ".join(f"{p} {s:.1f} s" for p, s in run["phases"].items())
    print(f"generate({name}): {run['seconds']:.1f} s  [{phases}]  peak {run['peak_mb']:,.0f} MB")
    print(
        f"  {run['members']:,} members, {run['connections']:,} connections, "
        f"{run['groups']:,} groups, {run['memberships']:,} memberships"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="also measure the large recipe")
    parser.add_argument("--naive-sample", type=int, default=NAIVE_SAMPLE, metavar="N")
    parser.add_argument(
        "--peer-sample",
        type=int,
        default=PEER_SAMPLE,
        metavar="N",
        help="nodes for the large networkx peer; 0 = full size",
    )
    args = parser.parse_args()

    default = in_child(measure_generate, "default")
    report_generate("default", default)

    naive = in_child(measure_naive_members, "default", args.naive_sample)
    naive_total = naive["setup"] + naive["per_member"] * naive["size"]
    print(
        f"peer (a) naive Faker, one call per field: {1 / naive['per_member']:,.0f} members/s "
        f"measured on {naive['sample']:,} members (+{naive['setup']:.1f} s to build the "
        f"Fakers) -> EXTRAPOLATED to {naive['size']:,}: {naive_total:.1f} s"
    )
    plc = in_child(measure_powerlaw, default["members"], default["mean"])
    print(
        f"peer (b) networkx.powerlaw_cluster_graph(n={plc['nodes']:,}, m={plc['m']}, "
        f"p={CLUSTERING_P}): {plc['seconds']:.1f} s, peak {plc['peak_mb']:,.0f} MB (measured)"
    )
    ours_members, ours_graph = default["phases"]["members"], default["phases"]["connections"]
    print(
        f"ratio default: naive members / our members phase = {naive_total / ours_members:.1f}x; "
        f"powerlaw_cluster_graph / our connections phase = {plc['seconds'] / ours_graph:.1f}x"
    )

    if not args.large:
        return
    large = in_child(measure_generate, "large")
    report_generate("large", large)
    nodes = args.peer_sample or large["members"]
    plc = in_child(measure_powerlaw, nodes, large["mean"])
    scaled = plc["seconds"] * large["members"] / nodes
    label = (
        "measured"
        if nodes == large["members"]
        else (f"measured at n={nodes:,}, EXTRAPOLATED linearly to n={large['members']:,}")
    )
    print(
        f"peer (b) networkx.powerlaw_cluster_graph(m={plc['m']}, p={CLUSTERING_P}): "
        f"{scaled:.1f} s ({label}; {plc['seconds']:.1f} s at n={nodes:,}, "
        f"peak {plc['peak_mb']:,.0f} MB there)"
    )
    print(
        "ratio large: powerlaw_cluster_graph / our connections phase = "
        f"{scaled / large['phases']['connections']:.1f}x"
    )


if __name__ == "__main__":
    main()
