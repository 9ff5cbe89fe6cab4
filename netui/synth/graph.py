"""Connections: a professional network's shape, in pure Python, at a million members (R1.3).

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
4. **Tidy up.** Repeated pairs are dropped per member (adjacency lists, one small sort
   each: a global sort of ten million ints is several times slower), the loss is
   replaced from the wide tiers, and the edges come out sorted.

Everything draws from one `random.Random`, and no order comes from iterating a set or a
hash of a string, so the output is the same on every run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from random import Random

from netui.core.progress import PhaseProgress
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
TOP_UP_SAMPLE = 20_000
TOP_UP_TOLERANCE = 0.01


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

    edges: list[tuple[int, int]]  # (a, b) member ids, a < b, sorted, each pair once
    degree: list[int]  # by member id (index 0 unused)


def build_graph(
    people: Affiliations, mean: float, rng: Random, progress: PhaseProgress | None = None
) -> Graph:
    report = progress or (lambda _fraction: None)
    n = len(people.company)
    # Per-member lists inside the graph are indexed by member id; slot 0 is unused.
    targets = [0.0, *target_degrees(people.sociability, mean, rng)]
    # adjacency[a] holds the partners b > a of member a. Every id comes from `ids`, so
    # ten million entries share a million int objects instead of creating their own.
    ids = list(range(n + 1))
    adjacency: list[list[int]] = [[] for _ in range(n + 1)]
    groupings = _groupings(people, ids, rng)
    _backbone(groupings["company"], people, adjacency, rng)
    report(0.1)
    _communities(groupings, targets, mean, adjacency, rng, report)
    _replace_repeats(groupings, targets, round(mean * n / 2), adjacency, rng)
    report(0.8)
    _dedupe(adjacency, range(1, n + 1))
    report(0.9)
    edges = [(ids[a], b) for a in range(1, n + 1) for b in adjacency[a]]
    degree = _degrees(adjacency)
    report(1.0)
    return Graph(edges, degree)


def target_degrees(sociability: Sequence[float], mean: float, rng: Random) -> list[float]:
    """Heavy-tailed targets with the given mean: lognormal body, Pareto tail, a cap."""
    n = len(sociability)
    # Nobody knows more than a tenth of a network (unless the mean itself demands it).
    cap = min(MAX_CONNECTIONS, n - 1, max(MIN_TARGET, n // 10, round(4 * mean)))
    # A pool of lognormal draws sampled with replacement: same shape, a tenth the cost.
    pool = [rng.lognormvariate(0.0, DEGREE_SIGMA) for _ in range(min(n, 20_000))]
    raw = [s * x for s, x in zip(sociability, rng.choices(pool, k=n), strict=True)]
    for i in rng.sample(range(n), round(n * SUPER_CONNECTOR_ODDS)):
        raw[i] *= SUPER_CONNECTOR_BOOST * rng.paretovariate(SUPER_CONNECTOR_ALPHA)
    # Scaling and capping interact; settle the scale on a regular sample of members.
    sample = raw[:: max(1, n // 50_000)]
    scale = mean * len(sample) / sum(sample)
    for _ in range(4):
        capped = sum(min(cap, max(MIN_TARGET, scale * r)) for r in sample) / len(sample)
        scale *= mean / capped
    return [min(cap, max(MIN_TARGET, scale * r)) for r in raw]


def _backbone(
    companies: list[list[int]], people: Affiliations, adjacency: list[list[int]], rng: Random
) -> None:
    """A random recursive tree over everyone: each member links to an earlier coworker;
    each company's first member to an earlier company of the country; each country's
    first company to an earlier country. Connected, shallow, mostly inside companies."""
    uniform = rng.random
    heads_by_country: dict[int, list[int]] = {}
    country_heads: list[int] = []
    for members in companies:
        for k in range(1, len(members)):
            _link(adjacency, members[k], members[int(uniform() * k)])
        head = members[0]
        heads = heads_by_country.setdefault(people.country[head - 1], [])
        earlier = heads or country_heads
        if earlier:
            _link(adjacency, head, earlier[int(uniform() * len(earlier))])
        if not heads:
            country_heads.append(head)
        heads.append(head)


def _link(adjacency: list[list[int]], a: int, b: int) -> None:
    if a < b:
        adjacency[a].append(b)
    else:
        adjacency[b].append(a)


def _communities(
    groupings: dict[str, list[list[int]]],
    targets: list[float],
    mean: float,
    adjacency: list[list[int]],
    rng: Random,
    report: PhaseProgress,
) -> None:
    """Split each member's target over the tiers, then match stubs tier by tier; what a
    tier cannot place spills to a wider one."""
    stubs = dict(zip(TIERS, _split_over_tiers(targets, rng), strict=True))
    team_circle = _circle_size(TEAM, mean)
    for t, tier in enumerate(TIERS):
        blocks = _blocks(groupings[tier.name], _circle_size(tier, mean), rng)
        spill = stubs.get(SPILLS_TO.get(tier, WORLD), [])
        min_block = round(tier.min_circles * team_circle)
        _match_stubs(blocks, stubs.pop(tier), spill, min_block, adjacency, rng)
        report(0.1 + 0.6 * (t + 1) / len(TIERS))


def _circle_size(tier: Tier, mean: float) -> int:
    """Members per circle for a circle tier; 0 for a tier of whole groups."""
    return max(MIN_CIRCLE, round(tier.circle * tier.share * mean)) if tier.circle else 0


def _split_over_tiers(targets: list[float], rng: Random) -> list[list[int]]:
    """Stub counts per tier per member, summing to about target - 1 (the backbone gave
    one). Systematic sampling — one random offset per member, cut at each tier's
    cumulative share — keeps the split exact and unbiased without a draw per stub."""
    budgets = [max(0.0, t - 1.0) for t in targets]
    offsets = [rng.random() for _ in targets]
    total = sum(tier.share for tier in TIERS)
    per_tier = []
    previous = [0] * len(targets)
    share = 0.0
    for tier in TIERS:
        share += tier.share / total
        reached = [int(u + b * share) for u, b in zip(offsets, budgets, strict=True)]
        per_tier.append([r - p for r, p in zip(reached, previous, strict=True)])
        previous = reached
    return per_tier


def _groupings(people: Affiliations, ids: list[int], rng: Random) -> dict[str, list[list[int]]]:
    """Members (as ids) grouped by what each tier clusters on.

    Only companies and cities need a pass over the members: a company sits in one
    country and one industry, so the wider groups are unions of whole companies. Local
    and alumni groups are shuffled before they are cut into circles, so a circle mixes
    companies instead of repeating a team. Every order derives from member ids and the
    seeded rng.
    """
    company, city = people.company, people.city
    companies: list[list[int]] = [[] for _ in range(max(company) + 1)]
    cities: dict[str, list[int]] = {}
    for i in range(len(company)):
        m = ids[i + 1]
        companies[company[i]].append(m)
        group = cities.get(city[i])
        if group is None:
            cities[city[i]] = [m]
        else:
            group.append(m)
    companies = [c for c in companies if c]
    fields: dict[tuple[int, int], list[int]] = {}
    countries: dict[int, list[int]] = {}
    industries: dict[int, list[int]] = {}
    for members in companies:
        first = members[0] - 1
        country, industry = people.country[first], people.industry[first]
        fields.setdefault((country, industry), []).extend(members)
        countries.setdefault(country, []).extend(members)
        industries.setdefault(industry, []).extend(members)
    return {
        "team": companies,
        "company": companies,
        "local": [_shuffled(g, rng) for g in cities.values()],
        "city": list(cities.values()),
        "alumni": [_shuffled(g, rng) for g in fields.values()],
        "field": list(fields.values()),
        "country": list(countries.values()),
        "industry": list(industries.values()),
        "world": [ids[1:]],
    }


def _shuffled(group: list[int], rng: Random) -> list[int]:
    copy = list(group)
    rng.shuffle(copy)
    return copy


def _blocks(groups: list[list[int]], circle_size: int, rng: Random) -> list[list[int]]:
    """Cut each group into circles of about `circle_size` (or keep it whole)."""
    if not circle_size:
        return groups
    blocks = []
    for group in groups:
        count = max(1, round(len(group) / circle_size))
        if count == 1:
            blocks.append(group)
            continue
        # Random cut points, so circle sizes vary around the target.
        cuts = sorted(rng.sample(range(1, len(group)), count - 1))
        for start, end in zip([0, *cuts], [*cuts, len(group)], strict=True):
            blocks.append(group[start:end])
    return blocks


def _match_stubs(
    blocks: list[list[int]],
    stubs: list[int],
    spill: list[int],
    min_block: int,
    adjacency: list[list[int]],
    rng: Random,
) -> None:
    """Link members within each block so each gets about as many links as it has stubs.

    A member asks for at most (block size - 1) links; the excess, and everything in a
    block under `min_block`, is added to `spill`. Dense blocks (circles) use a
    Chung–Lu coin per pair, which never repeats a pair; sparse blocks let every other
    stub pick a partner stub at random, which is cheaper and rarely repeats.
    """
    uniform = rng.random
    for block in blocks:
        size = len(block)
        room = size - 1 if size >= min_block else 0
        wanted = [stubs[m] for m in block]
        if max(wanted) > room:  # the slow path, mostly for circles
            for k, m in enumerate(block):
                if wanted[k] > room:
                    spill[m] += wanted[k] - room
                    wanted[k] = room
        total = sum(wanted)
        if total < 2:
            continue
        if size * (size - 1) <= 4 * total:
            _link_pairs(block, wanted, total, adjacency, uniform)
        else:
            _link_stubs(block, wanted, adjacency, uniform)


def _link_pairs(
    block: list[int],
    wanted: list[int],
    total: int,
    adjacency: list[list[int]],
    uniform: Callable[[], float],
) -> None:
    """Chung–Lu: link u and v with probability wanted[u] * wanted[v] / total."""
    scale = 1.0 / total
    for x in range(len(block)):
        wx = wanted[x] * scale
        if not wx:
            continue
        u = block[x]
        for y in range(x + 1, len(block)):
            if uniform() < wx * wanted[y]:
                v = block[y]
                if u < v:
                    adjacency[u].append(v)
                else:
                    adjacency[v].append(u)


def _link_stubs(
    block: list[int], wanted: list[int], adjacency: list[list[int]], uniform: Callable[[], float]
) -> None:
    """Every other stub picks a partner stub at random: a member with c stubs starts
    about c/2 links and receives about c/2."""
    pool: list[int] = []
    for m, c in zip(block, wanted, strict=True):
        if c:
            pool.extend([m] * c)
    size = len(pool)
    for a in pool[::2]:
        b = pool[int(uniform() * size)]
        if a < b:
            adjacency[a].append(b)
        elif b < a:
            adjacency[b].append(a)


def _dedupe(adjacency: list[list[int]], members: Sequence[int] | range) -> None:
    """Sort each listed member's partners and drop repeats."""
    for a in members:
        partners = adjacency[a]
        if len(partners) > 1:
            adjacency[a] = sorted(set(partners))


def _replace_repeats(
    groupings: dict[str, list[list[int]]],
    targets: list[float],
    wanted: int,
    adjacency: list[list[int]],
    rng: Random,
) -> None:
    """Matching repeats some pairs; add wide-tier links until about `wanted` unique
    links exist. Counting them exactly needs a full dedupe, so in a big network each
    round estimates from a regular sample of about 20,000 members' lists instead."""
    sample = range(1, len(adjacency), max(1, len(adjacency) // TOP_UP_SAMPLE))
    for _round in range(TOP_UP_ROUNDS):
        raw = kept = 0
        for a in sample:
            raw += len(adjacency[a])
            kept += len(set(adjacency[a]))
        estimate = sum(map(len, adjacency)) * kept / max(1, raw)
        if estimate >= wanted * (1 - TOP_UP_TOLERANCE):
            return
        _top_up(groupings, targets, wanted - round(estimate), adjacency, rng)


def _top_up(
    groupings: dict[str, list[list[int]]],
    targets: list[float],
    missing: int,
    adjacency: list[list[int]],
    rng: Random,
) -> None:
    """Add about `missing` links from the country tier (70%) and the world (30%),
    shared out in proportion to target degree."""
    n = len(targets)
    uniform = rng.random
    # Two stubs make a link; a little extra covers the repeats the new links bring.
    factor = 2.2 * missing / sum(targets)
    stubs = [int(t * factor + uniform()) for t in targets]
    country_stubs = [int(s * 0.7 + uniform()) for s in stubs]
    world_stubs = [s - c for s, c in zip(stubs, country_stubs, strict=True)]
    _match_stubs(groupings["country"], country_stubs, world_stubs, 0, adjacency, rng)
    _match_stubs(groupings["world"], world_stubs, [0] * n, 0, adjacency, rng)


def _degrees(adjacency: list[list[int]]) -> list[int]:
    """Connections per member id: partners listed under it plus lists naming it."""
    degree = [len(partners) for partners in adjacency]
    for partners in adjacency:
        for b in partners:
            degree[b] += 1
    return degree
