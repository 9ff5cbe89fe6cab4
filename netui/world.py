"""The one application API: what the CLI and the terminal UI call.

A `World` is one netui database seen from the member I play. Every rule lives in
`netui.core`, every SQL statement in `netui.store`; this module puts them together,
one transaction per user action.
"""

from __future__ import annotations

import os
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

import sqlite_utils

from netui.core import credits, letters
from netui.core.behaviour import (
    Answer,
    Factors,
    Inbound,
    inbound_for_day,
    invitation_fate,
    plan_fate,
    seeded_rng,
)
from netui.core.checklist import (
    Checklist,
    Draft,
    LengthBand,
    RecipientView,
    SenderView,
    check_inmail,
    validate_draft,
)
from netui.core.clock import EVENT_KINDS, target_date
from netui.core.credits import ANSWER_WINDOW, InMailState, inmail_state
from netui.core.degrees import Standing, after_connecting, path_to, standings_from
from netui.core.invitations import can_invite_again, check_may_invite
from netui.core.measures import measure
from netui.core.model import Category, Degree, MessageKind, Plan, RefundPolicy, Route, given_name
from netui.core.money import PriceList, dollars, month_charge, pack_charge, per_answer
from netui.core.network import Network
from netui.core.profile import MyProfile, checked_skills, checked_text, completeness
from netui.core.routes import Reach, RouteDecision, route_for
from netui.errors import BadInput, DatabaseError, Refused, UnknownMember
from netui.store import messaging
from netui.store import network as store
from netui.store.db import check_is_netui, open_database, transaction
from netui.store.search import SearchFilters, search_members

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
    def __init__(self, db: sqlite_utils.Database, prices: PriceList | None = None) -> None:
        self.db = db
        # What money buys (R5.8): the configuration's price list, or the 2015 prices.
        self.prices = prices or PriceList()
        self._facets: dict[str, list[dict]] | None = None

    # ── opening and building ────────────────────────────────────────────────

    @classmethod
    def open(cls, path: Path, prices: PriceList | None = None) -> World:
        db = open_database(Path(path))
        if store.get_meta(db, "me") is None:
            raise DatabaseError(f"{path} holds no network yet; build one with `netui seed`.")
        return cls(db, prices)

    @classmethod
    def build(
        cls,
        path: Path,
        make_network: Callable[[Progress], Network],
        *,
        force: bool = False,
        progress: Progress = no_progress,
        refund_policy: RefundPolicy = RefundPolicy.OPEN_WITHIN_90_DAYS,
        prices: PriceList | None = None,
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
        db = open_database(partial, create=True, bulk=True)
        try:
            with transaction(db), store.indexes_deferred(db, progress):
                store.write_network(db, network, progress)
                cls._write_start(db, network, progress)
                store.set_meta(db, refund_policy=refund_policy.value)
                cls(db, prices)._open_account(network.me)
            db.execute("PRAGMA journal_mode = WAL")  # what every later open expects
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
            self._open_account(member_id)

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
        for flag in ("open_profile", "accepts_inmail", "contact_visible", "photo"):
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
            "can_invite_again": self._invite_again_from(member_id),
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
            results.append(
                {
                    **row,
                    "degree": degree.value,
                    "route": route.route.value,
                    "route_reasons": list(route.reasons),
                    "refusals": [refusal.value for refusal in route.refusals],
                }
            )
        return results

    def facets(self) -> dict[str, list[dict]]:
        """What search can be narrowed by: every country and industry, with how many
        members are in it, by name. Members never move, so it is read once."""
        if self._facets is None:

            def values(column: str) -> list[dict]:
                counts = store.member_counts(self.db, column)
                return [{"name": name, "members": members} for name, members in counts]

            self._facets = {"countries": values("country"), "industries": values("industry")}
        return self._facets

    # ── the dashboard ───────────────────────────────────────────────────────

    def stats(self) -> dict:
        """R10: the numbers at a glance, from stored counts (nothing recomputed)."""

        def get(key: str):
            return store.get_meta(self.db, key)

        counts = store.rank_counts(self.db)
        members = get("member_count")
        degrees = {d.value: counts.get(d.rank, 0) for d in Degree if d is not Degree.OUT}
        degrees[Degree.OUT.value] = members - sum(degrees.values()) - 1  # minus me
        return {
            "members": members,
            "connections": get("connection_count"),
            "groups": get("group_count"),
            "countries": get("country_count"),
            "source": get("source"),
            "degrees": degrees,
            "network": get("measures"),
            **self.glance(),
        }

    def glance(self) -> dict:
        """What moves as I act and the days pass: the date, my credits, score, unread
        messages, invitations. Cheap (no counting over the network): for a status bar."""
        return {
            "date": self.today.isoformat(),
            "me": self.me,
            "me_name": self._name(self.me),
            "credits": self.balance(),
            "plan": self.my_plan().value,
            **self._score_and_expiry(),
            "unread": messaging.unread_count(self.db, self.me),
            "pending_invitations": messaging.pending_invitations(self.db, self.me),
            "group_messages_left": self.group_messages_left(),
        }

    # ── settings (R8) ───────────────────────────────────────────────────────

    def settings(self) -> dict:
        me = self.member(self.me)
        profile = self.my_profile()
        done = completeness(profile)
        return {
            "me": self.me,
            "name": me["name"],
            "accept_inmail": me["accepts_inmail"],
            "categories": me["categories"],
            "contact_visible": me["contact_visible"],
            "open_profile": me["open_profile"],
            "plan": me["plan"],
            "refund_policy": self.refund_policy().value,
            "headline": profile.headline,
            "summary": profile.summary,
            "photo": profile.photo,
            "company": profile.company,
            "skills": list(profile.skills),
            "completeness": done.percent,
            "missing": list(done.missing),
        }

    def my_profile(self) -> MyProfile:
        """What the people I write to see of me (R8.2)."""
        me = self.member(self.me)
        return MyProfile(
            headline=me["headline"],
            summary=me["summary"],
            photo=me["photo"],
            company=me["company"],
            skills=tuple(me["skills"]),
            contact_visible=me["contact_visible"],
        )

    def change_settings(
        self,
        *,
        accept_inmail: bool | None = None,
        categories: list[Category] | None = None,
        contact_visible: bool | None = None,
        open_profile: bool | None = None,
        refund_policy: RefundPolicy | None = None,
        headline: str | None = None,
        summary: str | None = None,
        photo: bool | None = None,
        company: str | None = None,
        skills: list[str] | None = None,
    ) -> dict:
        """Change any of my settings and my profile in one action; a refused change
        changes nothing."""
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
            "headline": None if headline is None else checked_text("headline", headline),
            "summary": None if summary is None else checked_text("summary", summary),
            "photo": photo,
            "company": None if company is None else checked_text("company", company),
            "skills": None if skills is None else "; ".join(checked_skills(skills)),
        }
        changes = {column: value for column, value in changes.items() if value is not None}
        with transaction(self.db):
            if changes:
                store.update_member(self.db, self.me, changes)
            if refund_policy is not None:
                store.set_meta(self.db, refund_policy=refund_policy.value)
        return self.settings()

    def refund_policy(self) -> RefundPolicy:
        return RefundPolicy(store.get_meta(self.db, "refund_policy"))

    # ── sending (R3, R4) ─────────────────────────────────────────────────────

    def send(
        self,
        member_id: int,
        *,
        body: str,
        subject: str | None = None,
        category: Category | None = None,
        want_inmail: bool = False,
        checklist_score: int | None = None,
    ) -> dict:
        """Send by the route R3 allows: the message and its ledger entry land together.

        `checklist_score` is for the policy lab, whose drafts are described rather than
        written: the score is taken as given instead of read from the text (R12.1)."""
        member = self.member(member_id)
        with transaction(self.db):  # the route is decided under the write lock
            decision = self.route(member_id, want_inmail=want_inmail)
            if not decision.allowed:
                raise Refused(f"Cannot write to {member['name']} that way.", decision.reasons)
            kind = KIND_OF_ROUTE[decision.route]
            draft = validate_draft(kind, subject, body, category)
            message_id = self._store_message(member, kind, draft, decision.cost, checklist_score)
        return {
            "message_id": message_id,
            "route": decision.route.value,
            "cost": decision.cost,
            "credits": self.balance(),
            "mismatch": bool(
                kind is MessageKind.INMAIL and draft.category.value not in member["categories"]
            ),
        }

    def _store_message(
        self,
        member: dict,
        kind: MessageKind,
        draft: Draft,
        cost: int,
        checklist_score: int | None = None,
    ) -> int:
        today, me = self.today, self.me
        standing = self.standing(member["id"])
        checklist = None
        if kind is MessageKind.INMAIL:
            checklist = (
                Scored(checklist_score)
                if checklist_score is not None
                else self._checklist(member, standing, draft)
            )
        welcomed = draft.category is None or draft.category.value in member["categories"]
        message_id = messaging.insert_message(
            self.db,
            {
                "sender": me,
                "recipient": member["id"],
                "kind": kind.value,
                "category": draft.category and draft.category.value,
                "subject": draft.subject or None,
                "body": draft.body,
                "sent": today.isoformat(),
                "opens_conversation": not messaging.has_conversation(self.db, me, member["id"]),
                "cost": cost,
                "mismatch": not welcomed,
                "checklist_score": checklist and checklist.score,
                "refund_policy": self.refund_policy().value if kind is MessageKind.INMAIL else None,
            },
        )
        if cost:
            posting = credits.spend(
                messaging.lots(self.db, me),
                today,
                message_id=message_id,
                cause=f"InMail to {member['name']}",
            )
            messaging.post(self.db, me, posting)
        factors = Factors(
            activity=member["activity"],
            responsiveness=member["responsiveness"],
            category_match=welcomed,
            checklist_score=checklist.score if checklist else 5,
            length=LengthBand.of(draft.body),
            weekday=today.weekday(),
            mutual=standing.mutual,
            shared_groups=standing.shared_groups,
            contact_visible=self.member(me)["contact_visible"],
            completeness=completeness(self.my_profile()).fraction,
            kind=kind,
        )
        self._plan_fate(message_id, kind, cost, factors)
        return message_id

    def _plan_fate(self, message_id: int, kind: MessageKind, cost: int, factors: Factors) -> None:
        """Decide now what the recipient will do (R6.5): reproducible whatever runs later."""
        today = self.today
        fate = plan_fate(factors, seeded_rng(self._seed, "fate", message_id))
        opened = _not_before_tomorrow(today, fate.opened_after)
        answered = _not_before_tomorrow(today, fate.answered_after)
        answer = fate.answer
        if opened and answered and answered < opened:
            answered = opened
        if kind is MessageKind.INMAIL and answered and answered >= today + ANSWER_WINDOW:
            answer = answered = None  # by then it is "no answer" for good (R7.3)
        refund_on = None
        if kind is MessageKind.INMAIL:
            refund_on = credits.refund_date(
                self.refund_policy(), today, opened, answered, free=cost == 0
            )
        messaging.update_message(
            self.db,
            message_id,
            fate_opened=opened and opened.isoformat(),
            fate_answer=answer and answer.value,
            fate_answered=answered and answered.isoformat(),
            refund_on=refund_on and refund_on.isoformat(),
        )

    def draft_checklist(
        self, member_id: int, *, subject: str, body: str, category: Category | None
    ) -> Checklist:
        """R4.6: how a draft to this member measures up, item by item."""
        member = self.member(member_id)
        return self._checklist(member, self.standing(member_id), Draft(subject, body, category))

    def _checklist(self, member: dict, standing: Standing, draft: Draft) -> Checklist:
        me = self.member(self.me)
        recipient = RecipientView(
            name=member["name"],
            first_name=given_name(member["name"], member["locale"]),
            company=member["company"],
            industry=member["industry"],
            skills=tuple(member["skills"]),
            welcomed=frozenset(Category(c) for c in member["categories"]),
            mutual_names=tuple(self._mutual_names(member["id"])) if standing.mutual else (),
            shared_group_names=tuple(self._shared_group_names(member["id"])),
        )
        sender = SenderView(me["name"], me["headline"], me["company"], me["contact_visible"])
        return check_inmail(draft, recipient, sender)

    def connect(self, member_id: int) -> dict:
        """Invite a member (R3.6); they accept or ignore it as the clock runs."""
        member = self.member(member_id)
        standing = self.standing(member_id)
        if member_id == self.me:
            raise Refused("You cannot invite yourself.")
        if standing.degree is Degree.FIRST:
            raise Refused(f"{member['name']} is already a 1st-degree connection.")
        with transaction(self.db):
            if messaging.pending_invitation(self.db, self.me, member_id):
                raise Refused(
                    f"You already invited {member['name']}; wait for an answer "
                    f"or withdraw it (netui withdraw {member_id})."
                )
            check_may_invite(
                member["name"], messaging.last_withdrawn(self.db, self.me, member_id), self.today
            )
            cursor = self.db.execute(
                "INSERT INTO invitations (sender, recipient, sent) VALUES (?, ?, ?)",
                (self.me, member_id, self.today.isoformat()),
            )
            invitation_id = cursor.lastrowid
            days = invitation_fate(
                seeded_rng(self._seed, "invitation", invitation_id),
                standing.degree,
                standing.mutual,
                standing.shared_groups > 0,
                member["activity"],
                responsiveness=member["responsiveness"],
            )
            accepted = _not_before_tomorrow(self.today, days)
            self.db.execute(
                "UPDATE invitations SET fate_accepted = ? WHERE id = ?",
                (accepted and accepted.isoformat(), invitation_id),
            )
        return {"invitation_id": invitation_id, "status": "pending", "to": member_id}

    def _invitation_pending(self, member_id: int) -> bool:
        return messaging.pending_invitation(self.db, self.me, member_id) is not None

    def _invite_again_from(self, member_id: int) -> str | None:
        """While the pause after a withdrawal runs (R3.6), the day it ends."""
        withdrawn = messaging.last_withdrawn(self.db, self.me, member_id)
        if withdrawn is None or can_invite_again(withdrawn) <= self.today:
            return None
        return can_invite_again(withdrawn).isoformat()

    def withdraw(self, member_id: int) -> dict:
        """Withdraw my pending invitation to a member (R3.6); 21 days before a new one."""
        member = self.member(member_id)
        with transaction(self.db):
            invitation_id = messaging.pending_invitation(self.db, self.me, member_id)
            if invitation_id is None:
                raise Refused(f"You have no pending invitation to {member['name']}.")
            messaging.withdraw_invitation(self.db, invitation_id, self.today)
        return {
            "invitation_id": invitation_id,
            "to": member_id,
            "status": "withdrawn",
            "can_invite_again": can_invite_again(self.today).isoformat(),
        }

    def invitations(self) -> list[dict]:
        """My invitations still waiting for an answer, oldest first."""
        return messaging.pending_invitations_sent(self.db, self.me)

    # ── inbox and sent (R7) ──────────────────────────────────────────────────

    def inbox(self, limit: int = 200) -> list[dict]:
        """The `limit` most recent conversations, newest first, with unread counts (R7.1)."""
        if limit < 1:
            raise BadInput("The inbox shows at least one conversation; use a limit of 1 or more.")
        return [
            {**c, "last_from_me": bool(c["last_from_me"])}
            for c in messaging.conversations(self.db, self.me, limit)
        ]

    def thread(self, member_id: int, *, mark_read: bool = True) -> list[dict]:
        """Every message with one member, oldest first; reading marks them read."""
        self.member(member_id)
        messages = [self._shown(m) for m in messaging.thread(self.db, self.me, member_id)]
        if mark_read:
            with transaction(self.db):
                messaging.mark_read(self.db, self.me, member_id)
        return messages

    def _state(self, m: dict, today: date | None = None) -> str:
        """sent → opened → answered, or no answer once its window has closed (R7.3).
        Only InMails have a window; a message simply waits."""
        today = today or self.today
        state = inmail_state(_day(m["sent"]), _day(m["opened"]), m["answer"], today)
        if state is InMailState.NO_ANSWER and m["kind"] != MessageKind.INMAIL:
            state = InMailState.OPENED if m["opened"] else InMailState.SENT
        return state.value

    def _shown(self, m: dict) -> dict:
        incoming = m["recipient"] == self.me
        return {
            "id": m["id"],
            "direction": "in" if incoming else "out",
            "from": m["sender"],
            "to": m["recipient"],
            "kind": m["kind"],
            "category": m["category"],
            "subject": m["subject"],
            "body": m["body"],
            "sent": m["sent"],
            "state": self._state(m),
            "read": bool(m["read"]) or not incoming,
            "can_answer": incoming and m["answer"] is None and m["reply_to"] is None,
        }

    def sent(self) -> list[dict]:
        """My InMails with their state and what became of the credit (R7.3)."""
        today = self.today
        return [self._sent_item(m, today) for m in messaging.sent_inmails(self.db, self.me)]

    def _sent_item(self, m: dict, today: date) -> dict:
        free = m["cost"] == 0
        refund_on = _day(m["refunded"]) or None
        return {
            "message_id": m["id"],
            "to": m["recipient"],
            "to_name": m["to_name"],
            "sent": m["sent"],
            "category": m["category"],
            "subject": m["subject"],
            "mismatch": bool(m["mismatch"]),
            "state": self._state(m, today),
            "credit_state": credits.credit_state(free=free, refund_on=refund_on, today=today),
            "refund_days_left": None
            if refund_on
            else credits.refund_days_left(
                RefundPolicy(m["refund_policy"]),
                _day(m["sent"]),
                today,
                opened=_day(m["opened"]),
                answered=_day(m["answered"]),
                free=free,
            ),
        }

    def reply(self, message_id: int, body: str) -> dict:
        """Answer a message or InMail sent to me with a written reply (R7.2)."""
        original = self._received(message_id)
        draft = validate_draft(MessageKind.MESSAGE, None, body, None)
        with transaction(self.db):
            reply_id = messaging.insert_message(
                self.db,
                {
                    "sender": self.me,
                    "recipient": original["sender"],
                    "kind": original["kind"],
                    "subject": original["subject"] and f"Re: {original['subject']}"[:200],
                    "body": draft.body,
                    "sent": self.today.isoformat(),
                    "reply_to": message_id,
                    "read": 1,
                },
            )
            self._answer(original, Answer.REPLY)
        return {**self._shown(messaging.message(self.db, message_id)), "reply_id": reply_id}

    def accept(self, message_id: int) -> dict:
        return self._answer_inmail(message_id, Answer.ACCEPT)

    def decline(self, message_id: int) -> dict:
        return self._answer_inmail(message_id, Answer.DECLINE)

    def _answer_inmail(self, message_id: int, answer: Answer) -> dict:
        original = self._received(message_id)
        if original["kind"] != MessageKind.INMAIL:
            raise BadInput(f"Message {message_id} is not an InMail; reply to it instead.")
        if original["answer"] is not None:
            raise Refused(f"You already answered message {message_id} ({original['answer']}).")
        with transaction(self.db):
            self._answer(original, answer)
        return self._shown(messaging.message(self.db, message_id))

    def _answer(self, original: dict, answer: Answer) -> None:
        if original["answer"] is None:
            messaging.update_message(
                self.db,
                original["id"],
                answer=answer.value,
                answered=self.today.isoformat(),
                read=1,
            )

    def _received(self, message_id: int) -> dict:
        found = messaging.message(self.db, message_id)
        if found is None:
            raise BadInput(f"No message with id {message_id}.")
        if found["recipient"] != self.me:
            raise BadInput(f"Message {message_id} was not sent to you.")
        return found

    # ── credits (R5) ─────────────────────────────────────────────────────────

    def balance(self) -> int:
        return messaging.balance(self.db, self.me)

    def group_messages_left(self) -> int:
        """Free group messages left this calendar month (R3.2)."""
        today = self.today
        used = messaging.conversations_opened(
            self.db, self.me, MessageKind.GROUP_MESSAGE.value, today.replace(day=1), today
        )
        return max(0, GROUP_MESSAGES_PER_MONTH - used)

    def my_plan(self) -> Plan:
        return Plan(self.member(self.me)["plan"])

    def credits(self, *, ledger_limit: int = 100) -> dict:
        """Balance, plan, lots, score, money and the newest ledger entries (R5)."""
        if ledger_limit < 0:
            raise BadInput("The ledger shows the newest N entries; N cannot be negative.")
        today, me = self.today, self.me
        account = messaging.account(self.db, me)
        plan = self.my_plan()
        window, in_window = self._refund_window()
        spent = messaging.spent_cents(self.db, me)
        answers = messaging.answered_inmails(self.db, me)
        return {
            "balance": messaging.balance(self.db, me),
            "plan": plan.value,
            "monthly_grant": plan.monthly_grant,
            "next_grant": self._next_grant(account),
            "billing_day": account["billing_day"],
            "pending_plan": account["pending_plan"],
            "pending_from": account["pending_from"],
            "spent_usd": dollars(spent),
            "answered": answers,
            "usd_per_answer": None if not answers else dollars(per_answer(spent, answers)),
            "charges": [c.as_json() for c in messaging.charges(self.db, me)],
            "prices": self.prices.as_json(),
            "lots": messaging.credits_by_expiry(self.db, me, today),
            **self._score_and_expiry(),
            "refund_policy": self.refund_policy().value,
            "policy_meaning": self.refund_policy().meaning,
            "in_refund_window": window,
            "in_refund_window_count": in_window,
            "ledger": [
                _ledger_json(entry) for entry in messaging.ledger(self.db, me, ledger_limit)
            ],
            "ledger_total": messaging.ledger_size(self.db, me),
            "history": self._balance_history(),
        }

    def _score_and_expiry(self) -> dict:
        """What the dashboard and the credits panel both show beside the balance."""
        today = self.today
        upcoming = messaging.credits_by_expiry(self.db, self.me, today)
        first = upcoming[0]["expires"] if upcoming else None
        score = self._score()
        return {
            "next_expiry": first
            and {
                "amount": sum(lot["amount"] for lot in upcoming if lot["expires"] == first),
                "date": first,
            },
            "score": score.response_rate,
            "score_text": score.describe(),
            "open_rate": score.open_rate,
            "open_rate_text": score.describe_open_rate(),
        }

    def _score(self) -> credits.Score:
        today = self.today
        outcomes = messaging.inmail_outcomes(self.db, self.me, today - credits.SCORE_WINDOW)
        return credits.score(
            (outcome[:3] for outcome in outcomes for _ in range(outcome[3])), today
        )

    def _refund_window(self) -> tuple[list[dict], int]:
        """The InMails whose credit may still come back, soonest decided first (up to
        REFUND_WINDOW_SHOWN of them), and how many there are in all."""
        today, me = self.today, self.me
        since = today - credits.REFUND_WINDOW
        open_groups = []
        for group in messaging.refundable_groups(self.db, me, since):
            left = credits.refund_days_left(
                RefundPolicy(group["refund_policy"]),
                _day(group["sent"]),
                today,
                opened=today if group["opened"] else None,
                answered=today if group["answered"] else None,
            )
            if left is not None:
                open_groups.append((left, group))
        open_groups.sort(key=lambda g: (g[0], g[1]["sent"]))
        shown: list[dict] = []
        for left, group in open_groups:
            room = REFUND_WINDOW_SHOWN - len(shown)
            if room <= 0:
                break
            shown += [
                {**m, "days_left": left}
                for m in messaging.refundable_in_group(self.db, me, group, room)
            ]
        return shown, sum(group["count"] for _, group in open_groups)

    def balance_by_day(self, *, since: date) -> list[tuple[str, int]]:
        """(date, balance at the end of it) for every day from `since` to today."""
        net = dict(messaging.daily_net(self.db, self.me))
        running = sum(v for d, v in net.items() if d < since.isoformat())
        days = []
        for offset in range((self.today - since).days + 1):
            day = (since + timedelta(days=offset)).isoformat()
            running += net.get(day, 0)
            days.append((day, running))
        return days

    def spent_cents(self) -> int:
        """All the money I have ever spent (R5.8), in cents."""
        return messaging.spent_cents(self.db, self.me)

    def campaign_outcome(self, message_ids: list[int]) -> dict[str, int]:
        """What became of these InMails of mine by today: opened, answered, credits
        spent and refunded (the lab's report, R12.3)."""
        return messaging.outcome_of(self.db, message_ids)

    def refreeze_refund_policy(self, message_ids: list[int], policy: RefundPolicy) -> None:
        """Store on these InMails what sending them under `policy` would have stored
        (R5.5 freezes a policy per InMail): the lab's runs differ only by the policy."""
        with transaction(self.db):
            for m in messaging.fates_of(self.db, message_ids):
                refund_on = credits.refund_date(
                    policy,
                    _day(m["sent"]),
                    _day(m["fate_opened"]),
                    _day(m["fate_answered"]),
                    free=m["cost"] == 0,
                )
                messaging.update_message(
                    self.db,
                    m["id"],
                    refund_policy=policy.value,
                    refund_on=refund_on and refund_on.isoformat(),
                )

    def _balance_history(self, days: int = 90) -> list[dict]:
        """The balance at the end of each of the last `days` days, for the chart: from
        my account's first entry at the earliest (no made-up days before it)."""
        net = dict(messaging.daily_net(self.db, self.me))
        today = self.today
        start = today - timedelta(days=days - 1)
        if net:
            start = max(start, date.fromisoformat(min(net)))
        running = sum(v for d, v in net.items() if d < start.isoformat())
        history = []
        for offset in range((today - start).days + 1):
            day = (start + timedelta(days=offset)).isoformat()
            running += net.get(day, 0)
            history.append({"date": day, "balance": running})
        return history

    def buy(self, pack: int) -> dict:
        """Buy a pack of 1, 2, 5 or 10 credits (R5.2), paid at the price list's rate."""
        today, me = self.today, self.me
        with transaction(self.db):
            posting = credits.purchase(pack, today, lot_id=messaging.next_lot_id(self.db))
            entry_id = messaging.post(self.db, me, posting)
            paid = pack_charge(self.prices, pack, today)
            messaging.charge(self.db, me, paid, entry_id)
        return {
            "balance": self.balance(),
            "bought": pack,
            "usd": dollars(paid.cents),
            "expires": posting.lot.expires.isoformat(),
        }

    def change_plan(self, plan: Plan) -> dict:
        """R5.3: from Free, a subscription starts at once (charged and granted); paid →
        paid at the next billing day; to Free at once, dropping the plan's credits."""
        today, me = self.today, self.me
        with transaction(self.db):
            account = messaging.account(self.db, me)
            pending = account["pending_plan"]
            change = credits.change_plan(
                self.my_plan(),
                plan,
                billing_day=account["billing_day"],
                pending=Plan(pending) if pending else None,
                lots=messaging.lots(self.db, me),
                today=today,
            )
            if change.effective == today:
                self._apply_plan(change, account, today)
            else:
                account.update(pending_plan=plan.value, pending_from=change.effective.isoformat())
                messaging.save_account(self.db, account)
        account = messaging.account(self.db, me)
        return {
            "plan": self.my_plan().value,
            "pending_plan": account["pending_plan"],
            "effective": change.effective.isoformat(),
            "next_grant": self._next_grant(account),
            "message": change.describe(),
            "balance": self.balance(),
            "spent_usd": dollars(messaging.spent_cents(self.db, me)),
        }

    def _next_grant(self, account: dict) -> str | None:
        """The next billing day, if a paid plan will be in force on it."""
        billing_day = account["billing_day"]
        if not billing_day or not (account["pending_plan"] or self.my_plan().is_premium):
            return None
        return credits.next_billing_date(billing_day, self.today).isoformat()

    def _apply_plan(self, change: credits.PlanChange, account: dict, day: date) -> None:
        owner = account["member_id"]
        for posting in change.cancellations:
            messaging.post(self.db, owner, posting)
        member_changes: dict = {"plan": change.new.value}
        if not change.new.is_premium:
            member_changes["open_profile"] = 0  # Open Profile is for premium members (R8.1)
        self.db["members"].update(owner, member_changes)
        account.update(billing_day=change.billing_day, pending_plan=None, pending_from=None)
        messaging.save_account(self.db, account)
        if change.starts_subscription:
            self._bill_month(owner, change.new, day, change.billing_day, first=True)

    def _bill_month(
        self, owner: int, plan: Plan, day: date, billing_day: int, *, first: bool = False
    ) -> int:
        """A billing day of a paid plan: the month is charged and its full grant posted
        (R5.3, R5.8). The credits granted."""
        posting = credits.grant(
            plan, day, billing_day=billing_day, lot_id=messaging.next_lot_id(self.db)
        )
        if posting is None:
            return 0
        entry_id = messaging.post(self.db, owner, posting)
        messaging.charge(
            self.db, owner, month_charge(self.prices, plan, day, first=first), entry_id
        )
        return posting.entry.amount

    def _open_account(self, member_id: int) -> None:
        """First time I play a member: their subscription starts today, and on a paid
        plan its first month is charged and granted."""
        account = messaging.account(self.db, member_id)
        if account["billing_day"] is not None:
            return
        plan = Plan(self.member(member_id)["plan"])
        account["billing_day"] = self.today.day
        messaging.save_account(self.db, account)
        self._bill_month(member_id, plan, self.today, self.today.day, first=True)

    # ── the clock (R6) ───────────────────────────────────────────────────────

    def advance(self, days: int | None = None, *, to: date | None = None) -> dict:
        """Move the clock day by day; each day is one transaction (R6.1)."""
        today = self.today
        target = target_date(today, days, to)
        events: Counter[str] = Counter()
        day = today
        while day < target:
            day += timedelta(days=1)
            with transaction(self.db):
                self._live(day, events)
                store.set_meta(self.db, today=day.isoformat())
        return {
            "date": target.isoformat(),
            "days": (target - today).days,
            "events": {kind: events[kind] for kind in EVENT_KINDS},
        }

    def _live(self, day: date, events: Counter[str]) -> None:
        """One simulated day, in the order R6.1 gives."""
        self._expire(day, events)
        self._bill(day, events)
        opened = messaging.open_due(self.db, day)
        events["inmails_opened"] += opened.get(MessageKind.INMAIL, 0)
        events["messages_opened"] += sum(opened.values()) - opened.get(MessageKind.INMAIL, 0)
        for m in messaging.answering_on(self.db, day):
            self._answered(m, day, events)
        for m in messaging.refunding_on(self.db, day):
            self._refund(m, day)
            events["refunded"] += 1
        for invitation in messaging.accepting_on(self.db, day):
            self._invitation_accepted(invitation, day)
            events["invitations_accepted"] += 1
        for number, inbound in enumerate(self._inbound(day)):
            self._receive(inbound, day, number)
            events["new_messages"] += 1

    def _expire(self, day: date, events: Counter[str]) -> None:
        for owner in messaging.owners_with_credits_expiring(self.db, day):
            for posting in credits.expire(messaging.lots(self.db, owner, expiring_by=day), day):
                messaging.post(self.db, owner, posting)
                events["expired"] += -posting.entry.amount

    def _bill(self, day: date, events: Counter[str]) -> None:
        """Billing days: a switch asked for earlier takes effect, then the plan in force
        charges its month and grants its full amount (R5.3)."""
        for account in messaging.accounts(self.db):
            owner, billing_day = account["member_id"], account["billing_day"]
            if not billing_day or not credits.is_billing_date(billing_day, day):
                continue
            if account["pending_from"] == day.isoformat():
                old = Plan(self.member(owner)["plan"])
                change = credits.PlanChange(old, Plan(account["pending_plan"]), day, billing_day)
                self._apply_plan(change, account, day)
            granted = self._bill_month(owner, Plan(self.member(owner)["plan"]), day, billing_day)
            events["granted"] += granted
            events["charges"] += granted > 0

    def _answered(self, m: dict, day: date, events: Counter[str]) -> None:
        answer = Answer(m["fate_answer"])
        messaging.update_message(
            self.db,
            m["id"],
            answer=answer.value,
            answered=day.isoformat(),
            opened=m["opened"] or day.isoformat(),
        )
        events[ANSWER_EVENT[answer]] += 1
        writer, reader = self.member(m["recipient"]), self.member(m["sender"])
        text = letters.answer_letter(
            seeded_rng(self._seed, "answer", m["id"]),
            answer,
            writer=_writer(writer),
            reader_first_name=given_name(reader["name"], reader["locale"]),
            kind=MessageKind(m["kind"]),
            subject=m["subject"] or "",
        )
        messaging.insert_message(
            self.db,
            {
                "sender": m["recipient"],
                "recipient": m["sender"],
                "kind": m["kind"],
                "subject": text.subject or None,
                "body": text.body,
                "sent": day.isoformat(),
                "reply_to": m["id"],
            },
        )

    def _refund(self, m: dict, day: date) -> None:
        posting = credits.refund(
            day,
            lot_id=messaging.next_lot_id(self.db),
            message_id=m["id"],
            cause=f"Refund for InMail #{m['id']} ({m['refund_policy']})",
        )
        messaging.post(self.db, m["sender"], posting)
        messaging.update_message(self.db, m["id"], refunded=day.isoformat())

    def _invitation_accepted(self, invitation: dict, day: date) -> None:
        a, b = invitation["sender"], invitation["recipient"]
        self.db.execute(
            "UPDATE invitations SET status = 'accepted', decided = ? WHERE id = ?",
            (day.isoformat(), invitation["id"]),
        )
        messaging.add_connection(self.db, a, b)
        store.set_meta(self.db, connection_count=store.get_meta(self.db, "connection_count") + 1)
        me = self.me
        if me in (a, b):
            friend = b if a == me else a
            changed = after_connecting(me, friend, _SqlAdjacency(self.db), self._stored_standing)
            store.update_standings(self.db, changed)
        else:  # a persona I played before: the change reaches me through the graph
            store.save_standings(
                self.db,
                standings_from(
                    store.load_adjacency(self.db), me, store.shared_group_counts(self.db, me)
                ),
            )

    def _stored_standing(self, member_id: int) -> Standing | None:
        row = self.db.execute(
            "SELECT hops, parent, mutual, shared_groups FROM reach WHERE member_id = ?",
            (member_id,),
        ).fetchone()
        return Standing(*row) if row else None

    def _inbound(self, day: date) -> list[Inbound]:
        me = self.member(self.me)
        rng = seeded_rng(self._seed, "inbound", self.me, day.isoformat())
        return inbound_for_day(
            rng,
            day,
            connections=store.members_at(self.db, hops=1),
            group_fellows=store.group_fellows(self.db),
            strangers=range(1, store.get_meta(self.db, "member_count") + 1),
            is_stranger=self._is_stranger,
            accepts_inmail=me["accepts_inmail"],
            welcomed=frozenset(Category(c) for c in me["categories"]),
        )

    def _is_stranger(self, member_id: int) -> bool:
        """Neither me, nor a connection, nor a fellow group member: who may InMail me."""
        standing = self.standing(member_id)
        return member_id != self.me and standing.hops != 1 and standing.shared_groups == 0

    def _receive(self, inbound: Inbound, day: date, number: int) -> None:
        """Store the `number`th message written to me on `day` (the number keeps two
        letters from one sender on one day from being word for word the same)."""
        if inbound.sender_id == self.me:
            return
        writer, me = self.member(inbound.sender_id), self.member(self.me)
        groups = self._shared_group_names(inbound.sender_id)
        text = letters.inbound_letter(
            seeded_rng(self._seed, "letter", self.me, day.isoformat(), number),
            inbound.kind,
            writer=_writer(writer),
            reader_first_name=given_name(me["name"], me["locale"]),
            reader_company=me["company"],
            category=inbound.category,
            group_name=groups[0] if groups else "",
        )
        messaging.insert_message(
            self.db,
            {
                "sender": inbound.sender_id,
                "recipient": self.me,
                "kind": inbound.kind.value,
                "category": inbound.category and inbound.category.value,
                "subject": text.subject or None,
                "body": text.body,
                "sent": day.isoformat(),
                "opens_conversation": not messaging.has_conversation(
                    self.db, self.me, inbound.sender_id
                ),
            },
        )

    @property
    def _seed(self) -> int:
        return store.get_meta(self.db, "seed")


GROUP_MESSAGES_PER_MONTH = 15
REFUND_WINDOW_SHOWN = 50
ANSWER_EVENT = {Answer.ACCEPT: "accepted", Answer.DECLINE: "declined", Answer.REPLY: "replied"}
KIND_OF_ROUTE = {
    Route.MESSAGE: MessageKind.MESSAGE,
    Route.GROUP_MESSAGE: MessageKind.GROUP_MESSAGE,
    Route.INMAIL: MessageKind.INMAIL,
    Route.FREE_INMAIL: MessageKind.INMAIL,
}


@dataclass(frozen=True)
class Scored:
    """A checklist known only by its score (the lab's described drafts)."""

    score: int


class _SqlAdjacency:
    """`adjacency[member]` answered from the connections table, for small local searches."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def __getitem__(self, member: int) -> list[int]:
        return store.neighbours(self.db, member)


def _writer(member: dict) -> letters.Writer:
    return letters.Writer(member["name"], member["headline"], member["company"])


def _ledger_json(entry: dict) -> dict:
    """A ledger entry as the command contract spells it: `usd` only where money was
    charged with it (R11)."""
    cents = entry.pop("cents")
    return entry if cents is None else {**entry, "usd": dollars(cents)}


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _not_before_tomorrow(today: date, days: int | None) -> date | None:
    """A planned reaction, never on the sending day: that day has already been lived."""
    return None if days is None else today + timedelta(days=max(1, days))
