"""R9: full-text member search that no typed text can break.

User text never reaches FTS5 as syntax: it is cut into words and each word is
quoted, so quotes, operators (AND, NEAR), `*`, `-`, `c++`, emoji or a 10,000-character
paste are just text. Results come in degree order (1st first), then by relevance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlite_utils

from netui.core.model import Degree
from netui.store.schema import INNER_CIRCLE_MAX_RANK

WORD = re.compile(r"\w+")
MAX_WORDS = 12
MAX_WORD_LENGTH = 40
OUT_RANK = Degree.OUT.rank
# Above this many matches a query is "broad": see search_members. Ranking a few hundred
# matches is quick; ranking all of a common word's matches on a million members takes
# most of a second (bm25 costs a few microseconds a row).
BROAD_MATCHES = 500
# Beyond my 1st and 2nd degree, a broad query ranks this many matches: the first ones
# in id order, which carry no hint of relevance or degree (ids are shuffled).
BROAD_SAMPLE = 2_000

RESULT_COLUMNS = f"""
    m.id, m.name, m.headline, m.company, m.country, m.industry,
    m.accepts_inmail, m.open_profile,
    coalesce(r.rank, {OUT_RANK}) AS degree_rank, coalesce(r.mutual, 0) AS mutual,
    coalesce(r.shared_groups, 0) AS shared_groups
"""


@dataclass(frozen=True)
class SearchFilters:
    degrees: tuple[Degree, ...] = ()
    country: str | None = None
    industry: str | None = None
    company: str | None = None

    @property
    def any(self) -> bool:
        return bool(self.degrees or self.country or self.industry or self.company)


def match_expression(text: str) -> str | None:
    """The FTS5 MATCH expression for what the user typed, or None if it has no words.

    Every word is double-quoted (words never contain quotes), so nothing the user
    types is read as FTS5 syntax. The last word is a prefix, for search-as-you-type.
    """
    words = [w[:MAX_WORD_LENGTH] for w in WORD.findall(text)[:MAX_WORDS]]
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if len(words[-1]) >= 2:  # one-letter prefixes match half the index: not worth it
        quoted[-1] += "*"
    return " ".join(quoted)


def search_members(
    db: sqlite_utils.Database, text: str, filters: SearchFilters, limit: int, me: int
) -> list[dict]:
    """Matching members but me, as dicts (RESULT_COLUMNS), degree first then relevance."""
    # Within my network (no words, and no degree filter that takes in members out of
    # it), walk the degree tiers of my view rather than every member.
    within = not text.strip() and (
        not filters.any or bool(filters.degrees and Degree.OUT not in filters.degrees)
    )
    where, params = _filter_sql(filters, in_my_view=within)
    where.append("m.id != ?")
    params.append(me)
    if not text.strip():
        if not filters.any:  # nothing asked: my connections, a useful start
            where.append("r.rank = 0")
        if within and filters.industry:
            # My view's tiers first, each member checked against the industry's index
            # by (industry, id): 7 ms on a million members, where reading the
            # industry's tens of thousands of members first took 18 ms.
            source = (
                "reach r CROSS JOIN members m INDEXED BY members_by_industry ON m.id = r.member_id"
            )
        elif within:
            source = "reach r JOIN members m ON m.id = r.member_id"
        else:
            source = "members m LEFT JOIN reach r ON r.member_id = m.id"
        sql = (
            f"SELECT {RESULT_COLUMNS} FROM {source} {_where(where)} "
            "ORDER BY degree_rank, m.name LIMIT ?"
        )
        return list(db.query(sql, [*params, limit]))
    expression = match_expression(text)
    if expression is None:
        return []
    # The matches' degree and score are sorted first, on the narrow index and reach
    # tables; the wide member rows are read for the page only (a member row read costs
    # more than its score, and a common word matches thousands).
    where[-1] = "h.id != ?"
    needs_row = bool(filters.country or filters.industry or filters.company)
    # My 1st and 2nd degree come first, and have an index of their own: a few thousand
    # members where a common word or a short prefix is cheap, and which usually fills
    # the page. Degrees keep their order; within one, relevance is weighed against that
    # smaller index, which can swap two close matches (on default: 1 of 10 sample
    # queries, same members either way).
    found = _ranked(db, _hits("inner_fts"), expression, where, params, limit, needs_row)
    if len(found) == limit:
        return found
    # Beyond them, every match is ranked, unless the query is broad (a two-letter prefix
    # can match most of a million members, and ranking them all takes seconds): then
    # the first BROAD_SAMPLE matches, in id order, which carry no hint of relevance.
    beyond = [*where, f"coalesce(r.rank, {OUT_RANK}) > {INNER_CIRCLE_MAX_RANK}"]
    hits = _hits("members_fts")
    if _is_broad(db, expression):
        hits += f" LIMIT {BROAD_SAMPLE}"
    return found + _ranked(db, hits, expression, beyond, params, limit - len(found), needs_row)


def _is_broad(db: sqlite_utils.Database, expression: str) -> bool:
    """Whether more than BROAD_MATCHES members match. FTS5 reads matches in id order
    and stops at the limit: a fraction of a millisecond even for half the network,
    where counting them all takes up to 50 ms on a million members."""
    first = db.execute(
        "SELECT count(*) FROM (SELECT rowid FROM members_fts WHERE members_fts MATCH ? LIMIT ?)",
        (expression, BROAD_MATCHES + 1),
    ).fetchone()[0]
    return first > BROAD_MATCHES


def _hits(index: str) -> str:
    """Matching member ids with their relevance (bm25: lower is better)."""
    return f"SELECT rowid AS id, rank AS score FROM {index} WHERE {index} MATCH ?"


def _ranked(
    db: sqlite_utils.Database,
    hits: str,
    expression: str,
    where: list[str],
    params: list,
    limit: int,
    needs_row: bool,
) -> list[dict]:
    """The page of `hits` that passes `where`, degree first then relevance. Conditions
    name the hit `h`, my view of it `r` and, when `needs_row`, its member row `m`."""
    member = "JOIN members m ON m.id = h.id " if needs_row else ""
    sql = f"""
        SELECT {RESULT_COLUMNS} FROM (
            SELECT h.id, h.score, coalesce(r.rank, {OUT_RANK}) AS tier
            FROM ({hits}) h {member}LEFT JOIN reach r ON r.member_id = h.id
            {_where(where)} ORDER BY tier, h.score LIMIT ?
        ) page JOIN members m ON m.id = page.id LEFT JOIN reach r ON r.member_id = m.id
        ORDER BY page.tier, page.score
    """
    return list(db.query(sql, [expression, *params, limit]))


def _filter_sql(filters: SearchFilters, *, in_my_view: bool) -> tuple[list[str], list]:
    """Conditions on `m` (the member) and `r` (my view of them). `in_my_view`: every
    member has a reach row, so the rank index can serve the degree filter."""
    where: list[str] = []
    params: list = []
    if filters.degrees:
        ranks = sorted({d.rank for d in filters.degrees})
        rank = "r.rank" if in_my_view else f"coalesce(r.rank, {OUT_RANK})"
        where.append(f"{rank} IN ({', '.join('?' * len(ranks))})")
        params += ranks
    if filters.country:
        where.append("(m.country = ? COLLATE NOCASE OR m.country_code = ? COLLATE NOCASE)")
        params += [filters.country, filters.country]
    if filters.industry:
        where.append("m.industry = ? COLLATE NOCASE")
        params.append(filters.industry)
    if filters.company:
        where.append("m.company LIKE ? ESCAPE '\\'")
        params.append(f"%{_escape_like(filters.company)}%")
    return where, params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(conditions: list[str]) -> str:
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""
