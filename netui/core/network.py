"""The shape a generated or imported network takes before it is stored (plain data, so
importing it costs nothing: the seeder and its Faker stay unloaded until they are needed).

The seeder (netui.synth) and the LDBC importer both produce a `Network`; the store
writes it in one go. Rows are plain tuples so a million members stay affordable.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from datetime import date

# Order of the values in each member tuple; the store's `members` table has these columns.
MEMBER_COLUMNS = (
    "id",  # int, 1..N
    "name",  # full name in the country's locale
    "headline",  # job title, e.g. "Senior Data Engineer"
    "company",
    "industry",
    "city",
    "country",  # English country name, e.g. "Italy"
    "country_code",  # ISO 3166 alpha-2, e.g. "IT"
    "locale",  # Faker locale the name came from, e.g. "it_IT"
    "skills",  # 3–8 skills joined with "; "
    "summary",  # a short paragraph
    "joined",  # ISO date
    "plan",  # netui.core.model.Plan value
    "open_profile",  # 0/1 (only premium members can have 1)
    "accepts_inmail",  # 0/1 (a realistic minority has 0)
    "categories",  # welcomed InMail categories, Category values joined with ";"
    "contact_visible",  # 0/1
    "activity",  # 0..1: how often they read messages
    "responsiveness",  # 0..1: how willing they are to answer
)


@dataclass
class Network:
    members: list[tuple] = field(default_factory=list)  # tuples in MEMBER_COLUMNS order
    # a < b, each pair once: a list of tuples, or (from the seeder) netui.core.pairs.PackedPairs
    connections: Sequence[tuple[int, int]] = field(default_factory=list)
    # (id, name, topic, industry)
    groups: list[tuple[int, str, str, str]] = field(default_factory=list)
    group_members: list[tuple[int, int]] = field(default_factory=list)  # (group_id, member_id)
    me: int = 1
    start_date: date = date(2015, 1, 12)
    seed: int = 0
    source: str = "tiny"  # recipe name or "ldbc:<dir>"


# A network handed out part by part as it is made, so a part can be stored while the
# next is drawn: ("members", rows) one or more times, then ("connections", pairs); the
# Network is returned.
Part = tuple[str, Sequence[tuple]]
Parts = Generator[Part, None, Network]
