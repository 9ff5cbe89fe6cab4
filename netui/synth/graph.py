"""Connections: a professional network's shape, on arrays, at a million members (R1.3).

The model, in four steps:

1. **Target degrees.** Each member gets a target number of connections: a lognormal
   body scaled by how sociable their job is (recruiters, sellers and executives collect
   contacts), a rare Pareto tail of super-connectors, a cap; the whole scaled to the
   recipe's mean.
2. **A spanning backbone.** Each member links to an earlier coworker, each company's
   first member to an earlier company of the same country, each country's first company
   to an earlier country: a random recursive tree, so the network is one component from
   the start, without a union-find pass over ten million edges.
3. **Circles and tiers.** The rest of a member's target is split over nested
   communities, from intimate to global (`TIERS`): a team (a slice of the company), a
   local circle (same city), an alumni circle (same country and industry), then the
   whole company, the country's industry, the city, the country, the industry
   worldwide, the world. Within each community, members are linked so that each gets
   about as many links as it asked of that tier. Small dense circles make the
   clustering; the wide tiers and the super-connectors make the short paths.
4. **Tidy up.** Repeated pairs are dropped (one sort of the packed pairs), the loss is
   replaced from the wide tiers, and the edges come out sorted.

Each step works on whole tiers at once with numpy (`matching`): a million members and
ten million connections in a few seconds, where a loop per link took a minute. All
draws come from one numpy Generator seeded from the recipe's stream, and no order
comes from iterating a set or a hash of a string, so the output is the same on every
run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from random import Random

import numpy as np

from netui.core.pairs import PackedPairs, sorted_unique
from netui.core.progress import PhaseProgress
from netui.synth.matching import Grouping, link_blocks
from netui.synth.recipe import MAX_CONNECTIONS

CIRCLE = 2.0  # a circle holds about twice the links its members ask of it
MIN_CIRCLE = 5


@dataclass(frozen=True)
class Tier:
    """A level of community: its share of a member's connections, how its blocks are cut.

    `circle`: cut each group into circles whose size is this multiple of the links a
    member typically asks of the tier (share × mean degree), so a circle is about as
    dense in a sparse network as in a dense one. 0 keeps each group whole.
    `min_circles`: a group smaller than this many team circles would only repeat
    circles already made (a small company is a single team), so its stubs go to a
    wider tier instead.
    """

    name: str
    share: float
    circle: float = 0.0
    min_circles: float = 0.0


# Half of everyone's links are in one tight team: several small circles per person would
# each be dense, but the pairs across them are not, and clustering would fade. The wide
# tiers lose their triangles as a network grows (a city of 10,000 is not a circle),
# so the team is what keeps a million-member network clustered.
TEAM = Tier("team", 0.50, circle=CIRCLE)  # a slice of the company
LOCAL = Tier("local", 0.08, circle=CIRCLE)  # same city, any company
ALUMNI = Tier("alumni", 0.08, circle=CIRCLE)  # same country and industry, other companies
COMPANY = Tier("company", 0.06, min_circles=2)
FIELD = Tier("field", 0.06, min_circles=2)  # the country's industry
CITY = Tier("city", 0.08, min_circles=2)
COUNTRY = Tier("country", 0.08)
INDUSTRY = Tier("industry", 0.03)  # worldwide
WORLD = Tier("world", 0.03)
TIERS = (TEAM, LOCAL, ALUMNI, COMPANY, FIELD, CITY, COUNTRY, INDUSTRY, WORLD)
# Where the stubs a tier cannot place go (all others: the world).
SPILLS_TO = {
    TEAM: COUNTRY,
    LOCAL: COUNTRY,
    ALUMNI: COUNTRY,
    COMPANY: COUNTRY,
    FIELD: COUNTRY,
    CITY: COUNTRY,
}

DEGREE_SIGMA = 0.7  # spread of the lognormal body
SUPER_CONNECTOR_ODDS = 0.0005  # members with a Pareto-tail degree ("LIONs")
SUPER_CONNECTOR_ALPHA = 1.1
SUPER_CONNECTOR_BOOST = 8.0
MIN_TARGET = 2
TOP_UP_ROUNDS = 6
TOP_UP_TOLERANCE = 0.01
TOP_UP_IN_COUNTRY = 0.7  # the rest of the replacement links are worldwide


@dataclass(frozen=True)
class Affiliations:
    """What the graph clusters on, per member index (member id = index + 1)."""

    company: Sequence[int]
    country: Sequence[int]
    industry: Sequence[int]
    city: Sequence[str]
    sociability: Sequence[float]


@dataclass
class Graph:
    """The connections, and each member's count of them."""

    edges: PackedPairs  # (a, b) member ids, a < b, sorted, each pair once
    degree: list[int]  # by member id (index 0 unused)


def build_graph(
    people: Affiliations, mean: float, rng: Random, progress: PhaseProgress | None = None
) -> Graph:
    report = progress or (lambda _fraction: None)
    gen = np.random.default_rng(rng.getrandbits(128))
    n = len(people.company)
    # Per-member arrays inside the graph are indexed by member id; slot 0 is unused.
    targets = np.concatenate([[0.0], target_degrees(people.sociability, mean, gen)])
    groupings = _groupings(people, gen)
    links = [_backbone(groupings["company"], people, gen)]
    report(0.1)
    links += _communities(groupings, targets, mean, gen, report)
    unique = sorted_unique(np.concatenate(links))  # sorted, each pair once
    edges = _replace_repeats(groupings, targets, round(mean * n / 2), unique, gen)
    report(0.9)
    pairs = PackedPairs(edges)
    degree = np.bincount(pairs.firsts, minlength=n + 1) + np.bincount(
        pairs.seconds, minlength=n + 1
    )
    report(1.0)
    return Graph(pairs, degree.tolist())


def target_degrees(
    sociability: Sequence[float], mean: float, gen: np.random.Generator
) -> np.ndarray:
    """Heavy-tailed targets with the given mean: lognormal body, Pareto tail, a cap."""
    n = len(sociability)
    # Nobody knows more than a tenth of a network (unless the mean itself demands it).
    cap = min(MAX_CONNECTIONS, n - 1, max(MIN_TARGET, n // 10, round(4 * mean)))
    raw = np.asarray(sociability, dtype=np.float64) * gen.lognormal(0.0, DEGREE_SIGMA, n)
    lions = gen.choice(n, round(n * SUPER_CONNECTOR_ODDS), replace=False)
    # numpy's pareto is Lomax (x - 1 of the classic Pareto random.paretovariate draws).
    raw[lions] *= SUPER_CONNECTOR_BOOST * (1.0 + gen.pareto(SUPER_CONNECTOR_ALPHA, len(lions)))
    # Scaling and capping interact; a few rounds settle the scale.
    scale = mean / raw.mean()
    for _ in range(4):
        scale *= mean / np.clip(scale * raw, MIN_TARGET, cap).mean()
    return np.clip(scale * raw, MIN_TARGET, cap)


def _groupings(people: Affiliations, gen: np.random.Generator) -> dict[str, Grouping]:
    """Members grouped by what each tier clusters on.

    Local and alumni groups are shuffled before they are cut into circles, so a circle
    mixes companies instead of repeating a team; the others keep members in id order.
    """
    company = np.asarray(people.company, dtype=np.int64)
    country = np.asarray(people.country, dtype=np.int64)
    industry = np.asarray(people.industry, dtype=np.int64)
    codes: dict[str, int] = {}  # city names as numbers, in order of first appearance
    city = np.fromiter(
        (codes.setdefault(c, len(codes)) for c in people.city), np.int64, len(company)
    )
    field = country * (int(industry.max()) + 1) + industry
    shuffle = gen.random(len(company))
    return {
        "team": (companies := Grouping.by_key(company)),
        "company": companies,
        "local": Grouping.by_key(city, np.lexsort((shuffle, city))),
        "city": Grouping.by_key(city),
        "alumni": Grouping.by_key(field, np.lexsort((shuffle, field))),
        "field": Grouping.by_key(field),
        "country": Grouping.by_key(country),
        "industry": Grouping.by_key(industry),
        "world": Grouping.by_key(np.zeros_like(company)),
    }


def _backbone(companies: Grouping, people: Affiliations, gen: np.random.Generator) -> np.ndarray:
    """A random recursive tree over everyone: each member links to an earlier coworker;
    each company's first member to an earlier company of the country; each country's
    first company to an earlier country. Connected, shallow, mostly inside companies."""
    heads = companies.members[companies.bounds[:-1]]
    country = np.asarray(people.country, dtype=np.int64)
    by_country = Grouping.by_key(country[heads - 1])  # positions in `heads`, plus one
    country_heads = heads[by_country.members[by_country.bounds[:-1]] - 1]
    return np.concatenate(
        [
            _earlier(companies.members, companies.bounds, gen),
            _earlier(heads[by_country.members - 1], by_country.bounds, gen),
            _earlier(country_heads, np.array([0, len(country_heads)]), gen),
        ]
    )


def _earlier(members: np.ndarray, bounds: np.ndarray, gen: np.random.Generator) -> np.ndarray:
    """Each member but the first of its group linked to a random earlier one of it."""
    sizes = np.diff(bounds)
    start = np.repeat(bounds[:-1], sizes)
    place = np.arange(len(members)) - start
    later = np.flatnonzero(place > 0)
    partner = start[later] + (gen.random(len(later)) * place[later]).astype(np.int64)
    a, b = members[later], members[partner]
    return (np.minimum(a, b) << 32) | np.maximum(a, b)


def _communities(
    groupings: dict[str, Grouping],
    targets: np.ndarray,
    mean: float,
    gen: np.random.Generator,
    report: PhaseProgress,
) -> list[np.ndarray]:
    """Split each member's target over the tiers, then link tier by tier; what a tier
    cannot place spills to a wider one."""
    stubs = dict(zip(TIERS, _split_over_tiers(targets, gen), strict=True))
    team_circle = _circle_size(TEAM, mean)
    links = []
    for t, tier in enumerate(TIERS):
        blocks = groupings[tier.name]
        if tier.circle:
            blocks = blocks.cut(_circle_size(tier, mean), gen)
        min_block = round(tier.min_circles * team_circle)
        found, excess = link_blocks(blocks, stubs.pop(tier), min_block, gen)
        links.append(found)
        spill_to = SPILLS_TO.get(tier, WORLD)
        if spill_to in stubs:
            stubs[spill_to] += excess
        report(0.1 + 0.6 * (t + 1) / len(TIERS))
    return links


def _circle_size(tier: Tier, mean: float) -> int:
    """Members per circle for a circle tier; 0 for a tier of whole groups."""
    return max(MIN_CIRCLE, round(tier.circle * tier.share * mean)) if tier.circle else 0


def _split_over_tiers(targets: np.ndarray, gen: np.random.Generator) -> list[np.ndarray]:
    """Stub counts per tier per member id, summing to about target - 1 (the backbone
    gave one). Systematic sampling — one random offset per member, cut at each tier's
    cumulative share — keeps the split exact and unbiased without a draw per stub."""
    budgets = np.maximum(0.0, targets - 1.0)
    budgets[0] = 0.0
    offsets = gen.random(len(targets))
    shares = np.cumsum([tier.share for tier in TIERS]) / sum(tier.share for tier in TIERS)
    reached = np.floor(offsets[None, :] + budgets[None, :] * shares[:, None]).astype(np.int64)
    return list(np.diff(reached, axis=0, prepend=0))


def _replace_repeats(
    groupings: dict[str, Grouping],
    targets: np.ndarray,
    wanted: int,
    edges: np.ndarray,
    gen: np.random.Generator,
) -> np.ndarray:
    """Linking repeats some pairs; add wide-tier links until about `wanted` unique
    links exist: from the country tier and the world, in proportion to target degree."""
    for _round in range(TOP_UP_ROUNDS):
        missing = wanted - len(edges)
        if missing <= wanted * TOP_UP_TOLERANCE:
            break
        # Two stubs make a link; a little extra covers the repeats the new links bring.
        stubs = np.floor(targets * (2.2 * missing / targets.sum()) + gen.random(len(targets)))
        stubs = stubs.astype(np.int64)
        in_country = np.floor(stubs * TOP_UP_IN_COUNTRY + gen.random(len(targets)))
        in_country = in_country.astype(np.int64)
        country_links, spilled = link_blocks(groupings["country"], in_country, 0, gen)
        world_links, _ = link_blocks(groupings["world"], stubs - in_country + spilled, 0, gen)
        edges = sorted_unique(np.concatenate([edges, country_links, world_links]))
    return edges
