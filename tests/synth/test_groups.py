"""Groups (R1.4, R1.5): topical names, heavy-tailed sizes, members who fit the topic."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict

import pytest

from netui.synth import MEMBER_COLUMNS
from netui.synth.professions import INDUSTRIES

pytestmark = pytest.mark.slow

INDUSTRY, SKILLS = MEMBER_COLUMNS.index("industry"), MEMBER_COLUMNS.index("skills")
SKILLS_OF = {ind.name: set(ind.skills) for ind in INDUSTRIES}


def rosters(network) -> dict[int, list[int]]:
    by_group: dict[int, list[int]] = defaultdict(list)
    for group, member in network.group_members:
        by_group[group].append(member)
    return by_group


def test_r1_4_groups_are_numbered_and_uniquely_named(default):
    ids = [g[0] for g in default.groups]
    assert ids == list(range(1, len(default.groups) + 1))
    names = [g[1] for g in default.groups]
    assert len(set(names)) == len(names)


def test_r1_4_topic_is_an_industry_or_one_of_its_skills(default):
    for _id, name, topic, industry in default.groups:
        assert industry in SKILLS_OF
        assert topic == industry or topic in SKILLS_OF[industry]
        assert topic in name


def test_r1_4_memberships_are_unique_sorted_and_valid(default):
    pairs = default.group_members
    assert pairs == sorted(set(pairs))
    n, g = len(default.members), len(default.groups)
    assert all(1 <= group <= g and 1 <= member <= n for group, member in pairs)


def test_r1_4_sizes_are_heavy_tailed(default):
    sizes = [len(members) for members in rosters(default).values()]
    assert max(sizes) >= 5 * statistics.median(sizes)


def test_r1_4_membership_follows_industry_and_skills(default):
    rows = default.members
    industry_share = Counter(row[INDUSTRY] for row in rows)
    in_industry = with_skill = skill_total = total = chance = 0.0
    topics = {g[0]: (g[2], g[3]) for g in default.groups}
    for group, members in rosters(default).items():
        topic, industry = topics[group]
        for m in members:
            row = rows[m - 1]
            total += 1
            in_industry += row[INDUSTRY] == industry
            chance += industry_share[industry] / len(rows)
            if topic != industry:
                skill_total += 1
                with_skill += topic in row[SKILLS].split("; ")
    assert in_industry / total >= 0.6
    assert in_industry / total >= 5 * chance / total
    assert with_skill / skill_total >= 0.3


def test_r1_5_me_belongs_to_two_to_six_groups(default, tiny):
    for network in (default, tiny):
        mine = [g for g, m in network.group_members if m == network.me]
        assert 2 <= len(mine) <= 6
