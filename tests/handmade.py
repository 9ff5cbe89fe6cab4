"""A nine-member network drawn by hand, so every degree and count is known by construction.

    me(1) ─ 2 ─ 4 ─ 6 ─ 7        groups: "Rust Guild" = {1, 7, 9}
      └── 3 ─┘                            "Data Circle" = {1, 5}
          └── 5                  8 is alone; 9 is alone but shares a group with me.

From me: 1st = {2, 3}; 2nd = {4 (mutual 2: via 2 and 3), 5 (mutual 1)}; 3rd = {6};
7 is four hops away but shares a group → Group; 9 → Group; 8 → Out.
"""

from __future__ import annotations

from datetime import date

from netui.core.network import MEMBER_COLUMNS, Network

DEFAULTS = {
    "headline": "Data Engineer",
    "company": "Acme",
    "industry": "Software",
    "city": "Milano",
    "country": "Italy",
    "country_code": "IT",
    "locale": "it_IT",
    "skills": "Python; SQL; Kafka",
    "summary": "Builds data pipelines.",
    "joined": "2012-03-04",
    "plan": "free",
    "open_profile": 0,
    "accepts_inmail": 1,
    "categories": "career-opportunity;expertise-request",
    "contact_visible": 1,
    "activity": 0.5,
    "responsiveness": 0.5,
}

PEOPLE = {
    1: {"name": "Giulia Rossi", "plan": "premium-business"},
    2: {"name": "Marco Bianchi"},
    3: {
        "name": "Aiko Tanaka",
        "country": "Japan",
        "country_code": "JP",
        "locale": "ja_JP",
        "city": "Osaka",
        "company": "Tanaka Shoji",
    },
    4: {
        "name": "Seán O'Brien",
        "country": "Ireland",
        "country_code": "IE",
        "locale": "en_IE",
        "headline": "C++ Developer",
        "skills": "C++; Rust; foo-bar tooling",
    },
    5: {"name": "[bold]Eve[/] Markup", "company": "[link=http://x]Evil[/link] Ltd"},
    6: {
        "name": "Lars Nilsson",
        "country": "Sweden",
        "country_code": "SE",
        "locale": "sv_SE",
        "accepts_inmail": 0,
    },
    7: {
        "name": "Amina Diallo",
        "country": "Senegal",
        "country_code": "SN",
        "locale": "fr_FR",
        "plan": "sales-navigator",
        "open_profile": 1,
    },
    8: {
        "name": "Noor Haddad",
        "country": "Jordan",
        "country_code": "JO",
        "locale": "ar_AA",
        "industry": "Banking",
        "headline": "Risk Analyst",
    },
    9: {
        "name": "Tomás Pérez",
        "country": "Spain",
        "country_code": "ES",
        "locale": "es_ES",
        "industry": "Banking",
    },
}

CONNECTIONS = [(1, 2), (1, 3), (2, 4), (3, 4), (3, 5), (4, 6), (6, 7)]
GROUPS = [(1, "Rust Guild", "Rust", "Software"), (2, "Data Circle", "SQL", "Software")]
GROUP_MEMBERS = [(1, 1), (1, 7), (1, 9), (2, 1), (2, 5)]


def handmade_network() -> Network:
    members = []
    for member_id, overrides in PEOPLE.items():
        row = {**DEFAULTS, "id": member_id, **overrides}
        members.append(tuple(row[c] for c in MEMBER_COLUMNS))
    return Network(
        members=members,
        connections=CONNECTIONS,
        groups=GROUPS,
        group_members=GROUP_MEMBERS,
        me=1,
        start_date=date(2015, 1, 12),
        seed=1,
        source="handmade",
    )
