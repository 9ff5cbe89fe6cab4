"""R12: the policy lab — one InMail campaign, run under each refund policy (or plan, or
draft), on scratch copies of my world, side by side.

The question the reference article raises: what does a refund policy do to the way
people send InMail? Each run starts from the same copy of my database, sends the same
campaign to the same recipients, and follows it for the same days. A recipient's fate is
drawn from the world's seed and the message's id (R6.5), and the runs send their
InMails in the same order, so every run meets the same member decisions: the runs
differ only by what was varied (common random numbers, with no randomness of our own).

Under `vary=policy` the InMails are even sent only once: the runs copy the world just
after sending and freeze another policy on the same InMails, which is exactly what
sending them under that policy would have stored. My database is only ever read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from netui.core.checklist import LengthBand
from netui.core.model import Category, Degree, Plan, RefundPolicy
from netui.core.money import PriceList, dollars, per_answer
from netui.core.routes import Refusal
from netui.errors import BadInput
from netui.store.db import scratch_copy
from netui.store.search import SearchFilters
from netui.world import World

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_COUNT = 5_000
MAX_DAYS = 365
# The draft lengths a campaign can have, as the bands LinkedIn published (R4.6):
# under 400 characters, 400–800, and over 1,200.
LENGTHS = {"short": LengthBand.SHORT, "medium": LengthBand.MEDIUM, "long": LengthBand.VERY_LONG}
BODY_CHARS = {"short": 320, "medium": 640, "long": 1_400}
CHECKLIST_STEPS = (0, 3, 6, 9)
PACKS_LARGEST_FIRST = (10, 5, 2, 1)
BEYOND_FIRST = (Degree.SECOND, Degree.THIRD, Degree.GROUP, Degree.OUT)

Progress = Callable[[str, float], None]


class Vary(StrEnum):
    """What differs between the runs of one lab."""

    POLICY = "policy"
    PLAN = "plan"
    CHECKLIST = "checklist"
    LENGTH = "length"


@dataclass(frozen=True)
class Campaign:
    """An InMail campaign, described rather than written (R12.1)."""

    query: str = ""
    degrees: tuple[Degree, ...] = ()
    ids: tuple[int, ...] = ()
    count: int = 60
    checklist: int = 5
    length: str = "medium"
    category: Category | None = None  # None: each recipient's own first welcomed category
    weekday: str = "mon"
    plan: Plan | None = None  # None: the plan I am on
    days: int = 90
    vary: Vary = Vary.POLICY

    def check(self) -> None:
        """Raise BadInput naming every option that cannot be run."""
        problems = []
        if not 1 <= self.count <= MAX_COUNT:
            problems.append(f"--count is {self.count}; send between 1 and {MAX_COUNT:,} InMails.")
        if not 0 <= self.checklist <= 9:
            problems.append(f"--checklist is {self.checklist}; a checklist scores 0 to 9.")
        if self.length not in LENGTHS:
            problems.append(f"--length {self.length!r}: choose short, medium or long.")
        if self.weekday not in WEEKDAYS:
            problems.append(f"--weekday {self.weekday!r}: choose one of {', '.join(WEEKDAYS)}.")
        if not 1 <= self.days <= MAX_DAYS:
            problems.append(f"--days is {self.days}; follow a campaign 1 to {MAX_DAYS} days.")
        if problems:
            raise BadInput(problems[0] if len(problems) == 1 else "Bad lab options.", problems)

    def as_json(self) -> dict:
        return {
            "query": self.query,
            "degrees": [d.value for d in self.degrees],
            "ids": list(self.ids),
            "count": self.count,
            "checklist": self.checklist,
            "length": self.length,
            "category": self.category.value if self.category else "matched",
            "weekday": self.weekday,
            "plan": self.plan.value if self.plan else None,
            "days": self.days,
            "vary": self.vary.value,
        }


@dataclass(frozen=True)
class Run:
    """What one variant of the campaign did (R12.3)."""

    name: str
    sent: int
    opened: int
    answered: int
    spent: int
    refunded: int
    usd_cents: int
    balance_by_day: tuple[tuple[str, int], ...]

    @property
    def net_credits(self) -> int:
        return self.spent - self.refunded

    def as_json(self) -> dict:
        per = per_answer(self.usd_cents, self.answered)
        return {
            "name": self.name,
            "sent": self.sent,
            "opened": self.opened,
            "answered": self.answered,
            "spent": self.spent,
            "refunded": self.refunded,
            "net_credits": self.net_credits,
            "usd": dollars(self.usd_cents),
            "usd_per_answer": None if per is None else dollars(per),
            "balance_by_day": [{"date": d, "balance": b} for d, b in self.balance_by_day],
        }


@dataclass(frozen=True)
class LabReport:
    campaign: Campaign
    recipients: tuple[int, ...]
    start: str
    runs: tuple[Run, ...] = field(default_factory=tuple)

    def as_json(self) -> dict:
        return {
            "campaign": self.campaign.as_json(),
            "recipients": len(self.recipients),
            "start": self.start,
            "runs": [run.as_json() for run in self.runs],
        }

    def as_csv(self) -> str:
        """One row per run and day: the table and the balance curve in one file."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        columns = [
            "name",
            "sent",
            "opened",
            "answered",
            "spent",
            "refunded",
            "net_credits",
            "usd",
            "usd_per_answer",
        ]
        writer.writerow([*columns, "date", "balance"])
        for run in self.runs:
            row = run.as_json()
            for point in row["balance_by_day"]:
                writer.writerow([*(row[c] for c in columns), point["date"], point["balance"]])
        return out.getvalue()


# ── running ──────────────────────────────────────────────────────────────────


def run_lab(
    path: Path,
    campaign: Campaign,
    *,
    prices: PriceList | None = None,
    progress: Progress = lambda phase, fraction: None,
) -> LabReport:
    """Run `campaign` once per variant on scratch copies of the world at `path`.

    `progress` hears about each run as it starts; raising from it (a UI cancelling
    the lab) stops the lab, and nothing is left behind: the copies live in memory.
    """
    campaign.check()
    start_world = World(scratch_copy(path), prices)
    try:
        _go_to_weekday(start_world, WEEKDAYS.index(campaign.weekday))
        if campaign.vary is not Vary.PLAN:
            _move_to(start_world, campaign.plan)
        recipients = choose_recipients(start_world, campaign)
        runs = _policy_runs if campaign.vary is Vary.POLICY else _variant_runs
        report_runs = runs(start_world, campaign, recipients, progress)
        progress("Done", 1.0)
        return LabReport(campaign, recipients, start_world.today.isoformat(), report_runs)
    finally:
        start_world.db.conn.close()


def choose_recipients(world: World, campaign: Campaign) -> tuple[int, ...]:
    """Who the campaign goes to: the ids given, or the search's best matches; only
    members who accept InMail and can be sent one (not me, not a connection)."""
    if campaign.ids:
        candidates = list(dict.fromkeys(campaign.ids))
        for member_id in candidates:
            world.member(member_id)  # UnknownMember for an id that is nobody
    else:
        # With neither words nor degrees, everyone I could InMail (an empty search
        # would list my connections, who get messages instead).
        degrees = campaign.degrees or (() if campaign.query.strip() else BEYOND_FIRST)
        filters = SearchFilters(degrees=degrees)
        found = world.search(campaign.query, filters, limit=MAX_COUNT * 2)
        candidates = [result.id for result in found]
    chosen = [m for m in candidates if _inmail_possible(world, m)][: campaign.count]
    if not chosen:
        raise BadInput(
            "Nobody the campaign could reach: no member found accepts InMail from you.",
            [
                "Try a broader query, other degrees, or other ids (1st-degree connections "
                "are sent messages, not InMail)."
            ],
        )
    return tuple(chosen)


def _inmail_possible(world: World, member_id: int) -> bool:
    """InMail is allowed, or refused only for want of credits (the lab buys them)."""
    decision = world.route(member_id, want_inmail=True)
    return decision.allowed or set(decision.refusals) == {Refusal.NO_CREDITS}


def _policy_runs(
    world: World, campaign: Campaign, recipients: tuple[int, ...], progress: Progress
) -> tuple[Run, ...]:
    """Send once, then freeze each policy on the same InMails in a copy and follow it."""
    progress("Sending the campaign", 0.0)
    spent_before = world.spent_cents()
    start = world.today
    sent = _send_campaign(world, campaign, recipients)
    runs = []
    for number, policy in enumerate(RefundPolicy):
        progress(f"Following {policy.value}", (number + 1) / (len(RefundPolicy) + 1))
        run = World(scratch_copy(world.db), world.prices)
        try:
            run.change_settings(refund_policy=policy)
            run.refreeze_refund_policy(sent, policy)
            runs.append(_follow(run, policy.value, sent, campaign.days, start, spent_before))
        finally:
            run.db.conn.close()
    return tuple(runs)


def _variant_runs(
    world: World, campaign: Campaign, recipients: tuple[int, ...], progress: Progress
) -> tuple[Run, ...]:
    """Each variant sends its own campaign from the same starting copy."""
    variants = _variants(campaign)
    runs = []
    for number, (name, variant) in enumerate(variants):
        progress(f"Running {name}", number / len(variants))
        run = World(scratch_copy(world.db), world.prices)
        try:
            spent_before = run.spent_cents()
            start = run.today
            _move_to(run, variant.plan)
            sent = _send_campaign(run, variant, recipients)
            runs.append(_follow(run, name, sent, campaign.days, start, spent_before))
        finally:
            run.db.conn.close()
    return tuple(runs)


def _variants(campaign: Campaign) -> list[tuple[str, Campaign]]:
    match campaign.vary:
        case Vary.PLAN:
            return [(plan.value, replace(campaign, plan=plan)) for plan in Plan]
        case Vary.CHECKLIST:
            return [(f"checklist-{n}", replace(campaign, checklist=n)) for n in CHECKLIST_STEPS]
        case Vary.LENGTH:
            return [(length, replace(campaign, length=length)) for length in LENGTHS]
    raise ValueError(campaign.vary)  # policies are run by _policy_runs


def _send_campaign(world: World, campaign: Campaign, recipients: tuple[int, ...]) -> list[int]:
    """Buy what the campaign needs, then send it in order; the message ids."""
    _buy_for(world, recipients)
    body = _body(BODY_CHARS[campaign.length])
    return [
        world.send(
            member,
            subject="A question about your work",
            body=body,
            category=campaign.category or _matched(world, member),
            want_inmail=True,
            checklist_score=campaign.checklist,
        ).message_id
        for member in recipients
    ]


def _buy_for(world: World, recipients: tuple[int, ...]) -> None:
    """The fewest packs that cover the paid InMails beyond my balance (R5.2); an
    InMail to an Open Profile is free (R3.5)."""
    paid = sum(not world.member(m)["open_profile"] for m in recipients)
    needed = paid - world.balance()
    for pack in PACKS_LARGEST_FIRST:
        while needed >= pack:
            world.buy(pack)
            needed -= pack


def _follow(
    world: World, name: str, sent: list[int], days: int, start: date, spent_before: int
) -> Run:
    world.advance(to=start + timedelta(days=days))
    outcome = world.campaign_outcome(sent)
    return Run(
        name=name,
        sent=len(sent),
        opened=outcome["opened"],
        answered=outcome["answered"],
        spent=outcome["spent"],
        refunded=outcome["refunded"],
        usd_cents=world.spent_cents() - spent_before,
        balance_by_day=tuple(world.balance_by_day(since=start)),
    )


# ── the world before the campaign ───────────────────────────────────────────────


def _go_to_weekday(world: World, weekday: int) -> None:
    """The campaign goes out on the next such weekday (today, if today is one)."""
    ahead = (weekday - world.today.weekday()) % 7
    if ahead:
        world.advance(ahead)


def _move_to(world: World, plan: Plan | None) -> None:
    """The campaign's plan, in force at once: a paid plan starts from Free today."""
    if plan is None or plan is world.my_plan():
        return
    world.change_plan(Plan.FREE)
    if plan.is_premium:
        world.change_plan(plan)


def _matched(world: World, member_id: int) -> Category:
    welcomed = world.member(member_id)["categories"]
    return Category(welcomed[0]) if welcomed else Category.CAREER_OPPORTUNITY


def _body(chars: int) -> str:
    """A body of about `chars` characters: the lab describes drafts, it does not write
    them, so the text only sets the length band."""
    sentence = "This is a campaign draft, described by its checklist score and length. "
    return (sentence * (chars // len(sentence) + 1))[:chars].rstrip()
