"""The one application API: what the CLI and the terminal UI call.

A `World` is one netui database seen from the member I play. Every rule lives in
`netui.core`, every SQL statement in `netui.store`; this module puts them together,
one transaction per user action.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

import sqlite_utils

from netui.core.degrees import Standing, path_to, standings_from
from netui.core.measures import measure
from netui.core.model import Category, Degree, Plan, RefundPolicy
from netui.core.routes import Reach, RouteDecision, route_for
from netui.errors import BadInput, DatabaseError, Refused, UnknownMember
from netui.store import network as store
from netui.store.db import check_is_netui, open_database, transaction
from netui.store.search import SearchFilters, search_members
from netui.synth.network import Network

Progress = Callable[[str, float], None]
MAX_SEARCH_LIMIT = 10_000


def no_progress(phase: str, fraction: float) -> None:
    pass


@dataclass(frozen=True)
class BuildSummary:
    members: int
    connections: int
    groups: int
    countries: int
    me: int
    seconds: float
    source: str

    def as_json(self) -> dict:
        return asdict(self)


class World:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # ── opening and building ────────────────────────────────────────────────

    @classmethod
    def open(cls, path: Path) -> World:
        db = open_database(Path(path))
        if store.get_meta(db, "me") is None:
            raise DatabaseError(f"{path} holds no network yet; build one with `netui seed`.")
        return cls(db)

    @classmethod
    def build(
        cls,
        path: Path,
        make_network: Callable[[Progress], Network],
        *,
        force: bool = False,
        progress: Progress = no_progress,
    ) -> BuildSummary:
        """Build a network into a new file and move it into place only when complete.

        Killing the process midway leaves the previous database (or none) untouched.
        """
        path = Path(path)
        if path.exists():
            if not force:
                raise BadInput(f"{path} already exists; add --force to replace it.")
            check_is_netui(path)  # never overwrite somebody else's file
        started = time.perf_counter()
        network = make_network(progress)
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        db = open_database(partial, create=True)
        try:
            with transaction(db):
                store.write_network(db, network, progress)
                cls._write_start(db, network, progress)
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.conn.close()
        for leftover in ("-wal", "-shm"):
            Path(str(path) + leftover).unlink(missing_ok=True)
        os.replace(partial, path)
        return BuildSummary(
            members=len(network.members),
            connections=len(network.connections),
            groups=len(network.groups),
            countries=len({m[7] for m in network.members}),
            me=network.me,
            seconds=round(time.perf_counter() - started, 2),
            source=network.source,
        )

    @staticmethod
    def _write_start(db: sqlite_utils.Database, network: Network, progress: Progress) -> None:
        progress("Finding my 1st, 2nd and 3rd degree", 0.0)
        adjacency = store.adjacency_of(len(network.members), network.connections)
        standings = standings_from(adjacency, network.me, store.shared_group_counts(db, network.me))
        store.save_standings(db, standings)
        progress("Measuring the network", 0.5)
        members = [m[0] for m in network.members]
        measures = measure(adjacency, members, random.Random(network.seed))
        store.set_meta(
            db,
            me=network.me,
            today=network.start_date.isoformat(),
            start_date=network.start_date.isoformat(),
            seed=network.seed,
            source=network.source,
            member_count=len(network.members),
            connection_count=len(network.connections),
            group_count=len(network.groups),
            country_count=len({m[7] for m in network.members}),
            measures=measures.as_json(),
            refund_policy=RefundPolicy.OPEN_WITHIN_90_DAYS.value,
        )
        progress("Measuring the network", 1.0)

    # ── who I am and when it is ─────────────────────────────────────────────

    @property
    def me(self) -> int:
        return store.get_meta(self.db, "me")

    @property
    def today(self) -> date:
        return date.fromisoformat(store.get_meta(self.db, "today"))

    def switch_persona(self, member_id: int) -> None:
        """Play as another member: my view of the graph is recomputed (R2)."""
        self.member(member_id)
        with transaction(self.db):
            adjacency = store.load_adjacency(self.db)
            shared = store.shared_group_counts(self.db, member_id)
            store.save_standings(self.db, standings_from(adjacency, member_id, shared))
            store.set_meta(self.db, me=member_id)

    # ── members as I see them ───────────────────────────────────────────────

    def member(self, member_id: int) -> dict:
        row = self.db.execute("SELECT * FROM members WHERE id = ?", (member_id,))
        names = [d[0] for d in row.description]
        values = row.fetchone()
        if values is None:
            raise UnknownMember(member_id)
        member = dict(zip(names, values, strict=True))
        member["skills"] = [s for s in member["skills"].split("; ") if s]
        member["categories"] = [c for c in member["categories"].split(";") if c]
        for flag in ("open_profile", "accepts_inmail", "contact_visible"):
            member[flag] = bool(member[flag])
        return member

    def standing(self, member_id: int) -> Standing:
        row = self.db.execute(
            "SELECT hops, parent, mutual, shared_groups FROM reach WHERE member_id = ?",
            (member_id,),
        ).fetchone()
        return Standing(*row) if row else Standing(None, None, 0, 0)

    def route(self, member_id: int, *, want_inmail: bool = False) -> RouteDecision:
        member = self.member(member_id)
        return self._route(
            member_id,
            self.standing(member_id).degree,
            shares_group=self.standing(member_id).shared_groups > 0,
            accepts_inmail=member["accepts_inmail"],
            open_profile=member["open_profile"],
            want_inmail=want_inmail,
        )

    def _route(
        self,
        member_id: int,
        degree: Degree,
        *,
        shares_group: bool,
        accepts_inmail: bool,
        open_profile: bool,
        want_inmail: bool = False,
        allowance: tuple[int, int] | None = None,
    ) -> RouteDecision:
        credits, group_left = allowance or (self.balance(), self.group_messages_left())
        reach = Reach(degree, shares_group, accepts_inmail, open_profile, member_id == self.me)
        return route_for(
            reach, credits=credits, group_messages_left=group_left, want_inmail=want_inmail
        )

    def profile(self, member_id: int) -> dict:
        member = self.member(member_id)
        standing = self.standing(member_id)
        path = path_to(self.me, member_id, self._parent_of) if standing.hops else []
        return {
            **member,
            "degree": standing.degree.value,
            "mutual": standing.mutual,
            "mutual_names": self._mutual_names(member_id),
            "shared_groups": standing.shared_groups,
            "shared_group_names": self._shared_group_names(member_id),
            "path": path,
            "path_names": [self._name(m) for m in path],
            "connections": len(store.neighbours(self.db, member_id)),
            "invitation_pending": self._invitation_pending(member_id),
            "route": self.route(member_id).as_json(),
        }

    def _parent_of(self, member_id: int) -> int | None:
        row = self.db.execute(
            "SELECT parent FROM reach WHERE member_id = ?", (member_id,)
        ).fetchone()
        return row[0] if row else None

    def _name(self, member_id: int) -> str:
        row = self.db.execute("SELECT name FROM members WHERE id = ?", (member_id,)).fetchone()
        return row[0] if row else "?"

    def _mutual_names(self, member_id: int, limit: int = 20) -> list[str]:
        rows = self.db.execute(
            """
            SELECT m.name FROM (
                SELECT b AS id FROM connections WHERE a = :id
                UNION ALL SELECT a FROM connections WHERE b = :id
            ) n JOIN reach r ON r.member_id = n.id AND r.hops = 1
            JOIN members m ON m.id = n.id
            ORDER BY m.name LIMIT :limit
            """,
            {"id": member_id, "limit": limit},
        )
        return [r[0] for r in rows]

    def _shared_group_names(self, member_id: int) -> list[str]:
        rows = self.db.execute(
            """
            SELECT g.name FROM group_members mine
            JOIN group_members theirs ON theirs.group_id = mine.group_id
            JOIN groups g ON g.id = mine.group_id
            WHERE mine.member_id = ? AND theirs.member_id = ? ORDER BY g.name
            """,
            (self.me, member_id),
        )
        return [r[0] for r in rows]

    # ── search ──────────────────────────────────────────────────────────────

    def search(
        self, text: str, filters: SearchFilters | None = None, limit: int = 50
    ) -> list[dict]:
        """R9: matching members with degree, mutual, shared groups and the route R3 allows."""
        if not 1 <= limit <= MAX_SEARCH_LIMIT:
            raise BadInput(f"--limit must be between 1 and {MAX_SEARCH_LIMIT:,}.")
        allowance = (self.balance(), self.group_messages_left())
        results = []
        for row in search_members(self.db, text, filters or SearchFilters(), limit, self.me):
            degree = list(Degree)[row.pop("degree_rank")]
            route = self._route(
                row["id"],
                degree,
                shares_group=row["shared_groups"] > 0,
                accepts_inmail=bool(row.pop("accepts_inmail")),
                open_profile=bool(row.pop("open_profile")),
                allowance=allowance,
            )
            results.append({**row, "degree": degree.value, "route": route.route.value,
                            "route_reasons": list(route.reasons)})
        return results

    # ── the dashboard ───────────────────────────────────────────────────────

    def stats(self) -> dict:
        """R10: the numbers at a glance, from stored counts (nothing recomputed)."""
        def get(key: str):
            return store.get_meta(self.db, key)

        counts = dict(self.db.execute("SELECT rank, count(*) FROM reach GROUP BY rank").fetchall())
        members = get("member_count")
        degrees = {d.value: counts.get(d.rank, 0) for d in Degree if d is not Degree.OUT}
        degrees[Degree.OUT.value] = members - sum(degrees.values()) - 1  # minus me
        return {
            "members": members,
            "connections": get("connection_count"),
            "groups": get("group_count"),
            "countries": get("country_count"),
            "me": self.me,
            "me_name": self._name(self.me),
            "date": self.today.isoformat(),
            "source": get("source"),
            "degrees": degrees,
            "network": get("measures"),
        }

    # ── settings (R8) ───────────────────────────────────────────────────────

    def settings(self) -> dict:
        me = self.member(self.me)
        return {
            "me": self.me,
            "name": me["name"],
            "accept_inmail": me["accepts_inmail"],
            "categories": me["categories"],
            "contact_visible": me["contact_visible"],
            "open_profile": me["open_profile"],
            "plan": me["plan"],
            "refund_policy": self.refund_policy().value,
        }

    def change_settings(
        self,
        *,
        accept_inmail: bool | None = None,
        categories: list[Category] | None = None,
        contact_visible: bool | None = None,
        open_profile: bool | None = None,
        refund_policy: RefundPolicy | None = None,
    ) -> dict:
        """Change any of my settings in one action; a refused change changes nothing."""
        if open_profile and not self.my_plan().is_premium:
            raise Refused(
                "Open Profile is for premium members; change plan first "
                "(netui plan premium-career).",
            )
        changes = {
            "accepts_inmail": accept_inmail,
            "contact_visible": contact_visible,
            "open_profile": open_profile,
            "categories": None if categories is None else ";".join(c.value for c in categories),
        }
        changes = {column: value for column, value in changes.items() if value is not None}
        with transaction(self.db):
            if changes:
                self.db["members"].update(self.me, changes)
            if refund_policy is not None:
                store.set_meta(self.db, refund_policy=refund_policy.value)
        return self.settings()

    def refund_policy(self) -> RefundPolicy:
        return RefundPolicy(store.get_meta(self.db, "refund_policy"))

    # ── messaging, credits and the clock (R3–R7) ─────────────────────────────
    # Shapes follow SPEC R11's --json contract; implemented in the messaging layer.

    def send(
        self,
        member_id: int,
        *,
        body: str,
        subject: str | None = None,
        category: Category | None = None,
        want_inmail: bool = False,
    ) -> dict:
        """Send by the allowed route, in one transaction.

        Returns {message_id, route, cost, credits, mismatch}; raises Refused/BadInput.
        """
        raise NotImplementedError

    def draft_checklist(
        self, member_id: int, *, subject: str, body: str, category: Category | None
    ):
        """R4.6 checklist of a draft to this member (netui.core.checklist.Checklist)."""
        raise NotImplementedError

    def connect(self, member_id: int) -> dict:
        """Invite a member (R3.6). Returns {invitation_id, status}."""
        raise NotImplementedError

    def inbox(self) -> list[dict]:
        """Conversations newest first: {member_id, name, last_date, unread, kind, subject,
        preview, count}."""
        raise NotImplementedError

    def thread(self, member_id: int, *, mark_read: bool = True) -> list[dict]:
        """Messages with one member, oldest first: {id, direction ("in"/"out"), kind,
        category, subject, body, sent, state, read, can_answer}."""
        raise NotImplementedError

    def sent(self) -> list[dict]:
        """My InMails: {message_id, to, to_name, sent, category, subject, state,
        credit_state, refund_days_left}."""
        raise NotImplementedError

    def reply(self, message_id: int, body: str) -> dict:
        raise NotImplementedError

    def accept(self, message_id: int) -> dict:
        raise NotImplementedError

    def decline(self, message_id: int) -> dict:
        raise NotImplementedError

    def credits(self) -> dict:
        """{balance, plan, next_grant, pending_plan, lots [{amount, expires, source}],
        score, score_text, open_rate, refund_policy, policy_meaning,
        in_refund_window [{message_id, to_name, days_left}], ledger [{date, kind, amount,
        cause}], history [{date, balance}]}"""
        raise NotImplementedError

    def buy(self, pack: int) -> dict:
        """Buy a pack of 1, 2, 5 or 10 credits. Returns {balance, ...}."""
        raise NotImplementedError

    def change_plan(self, plan: Plan) -> dict:
        """R5.3. Returns {plan, next_grant, pending_plan}."""
        raise NotImplementedError

    def advance(self, days: int | None = None, *, to: date | None = None) -> dict:
        """Move the clock (R6). Returns {date, events: {kind: count}}."""
        raise NotImplementedError

    def balance(self) -> int:
        return 0

    def group_messages_left(self) -> int:
        return 15

    def _invitation_pending(self, member_id: int) -> bool:
        return False

    def my_plan(self) -> Plan:
        return Plan(self.member(self.me)["plan"])
