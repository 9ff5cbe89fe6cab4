"""R6.2–R6.4: how the simulated members behave.

Whether and when a recipient opens and answers what I send, whether they accept my
invitation, and who writes to me each day. Each outcome is decided once — when the
message is sent, the invitation made, the day reached — from an rng the caller seeds
from the world seed and the thing's own id (`seeded_rng`). That is what makes outcomes
reproducible (R6.5): they do not depend on what else happened, or in which order.

The model is multiplicative around a typical InMail. A recipient first decides whether
to read it at all (`Odds.open`), which mostly depends on their activity and on whether
the category is one they welcome; then, having read it, whether to answer
(`Odds.answer`), which depends on their responsiveness and on the message itself:
checklist score, length band, weekday, what we share, my profile. Published LinkedIn
figures (length, weekday) act on the answer, so they move the response rate by the
published amount.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from random import Random

from netui.core.checklist import LengthBand
from netui.core.model import Category, Degree, MessageKind

# Beyond this many days a message is never opened and an invitation never accepted:
# the member has, in effect, ignored it.
HORIZON_DAYS = 180

# Chance that the recipient reads a message at all, before the factors below.
OPEN_BASE = {MessageKind.INMAIL: 0.65, MessageKind.GROUP_MESSAGE: 0.75, MessageKind.MESSAGE: 0.92}
# Chance of an answer once read, before the factors below.
ANSWER_BASE = {MessageKind.INMAIL: 0.30, MessageKind.GROUP_MESSAGE: 0.40, MessageKind.MESSAGE: 0.60}
# A category the recipient does not welcome is "much less likely to be opened" (R4.3).
MISMATCH_OPEN = 0.40
MISMATCH_ANSWER = 0.75
# Mon … Sun. LinkedIn: Friday and Saturday sends do worst.
WEEKDAY_ANSWER = (1.0, 1.02, 1.02, 1.0, 0.86, 0.83, 0.94)
MAX_OPEN = 0.97
MAX_ANSWER = 0.90
# Of InMail answers, how many decline — more when the category is unwelcome.
DECLINE_SHARE = 0.25
DECLINE_SHARE_MISMATCH = 0.45
ACCEPT_SHARE = 0.35


class Answer(StrEnum):
    """How a recipient answers (R6.3). Messages are only ever replied to."""

    ACCEPT = "accept"
    DECLINE = "decline"
    REPLY = "reply"


@dataclass(frozen=True)
class Factors:
    """What a recipient's reaction depends on (R6.2). The defaults are a typical InMail.

    activity and responsiveness are the recipient's traits (0..1); weekday is the
    sending day's `date.weekday()` (Monday 0); completeness is how complete my profile
    is (0..1).
    """

    activity: float = 0.5
    responsiveness: float = 0.5
    category_match: bool = True
    checklist_score: int = 5
    length: LengthBand = LengthBand.MEDIUM
    weekday: int = 1
    mutual: int = 0
    shared_groups: int = 0
    contact_visible: bool = True
    completeness: float = 0.7
    kind: MessageKind = MessageKind.INMAIL


@dataclass(frozen=True)
class Odds:
    """The chances behind a fate: of reading the message, and of answering once read."""

    open: float
    answer: float

    @property
    def response(self) -> float:
        return self.open * self.answer


@dataclass(frozen=True)
class Fate:
    """What the recipient will do, in days after sending. None: never."""

    opened_after: int | None
    answer: Answer | None
    answered_after: int | None

    def opened_on(self, sent: date) -> date | None:
        return _after(sent, self.opened_after)

    def answered_on(self, sent: date) -> date | None:
        return _after(sent, self.answered_after)


def seeded_rng(*parts: object) -> Random:
    """An rng for one decision, e.g. `seeded_rng(world_seed, "fate", message_id)`.

    Seeding from a string is stable across runs and Python versions (it is hashed with
    SHA-512, not `hash()`), so the same parts always give the same numbers.
    """
    return Random(":".join(map(str, parts)))


# --- messages I send -----------------------------------------------------------------


def odds(f: Factors) -> Odds:
    """The chance of opening, and of answering once opened, for these factors.

    The checklist and the category are InMail matters (R4): a message to a connection
    or a fellow group member is judged by who sent it, not by how it was written.
    """
    open_ = OPEN_BASE[f.kind] * (0.6 + 0.8 * f.activity)
    answer = (
        ANSWER_BASE[f.kind]
        * (0.3 + 1.4 * f.responsiveness)
        * f.length.response_factor
        * WEEKDAY_ANSWER[f.weekday]
        * _sender_factor(f)
    )
    if f.kind is MessageKind.INMAIL:
        answer *= 0.5 + 0.1 * f.checklist_score
        if not f.category_match:
            open_ *= MISMATCH_OPEN
            answer *= MISMATCH_ANSWER
    if f.kind is not MessageKind.MESSAGE:
        # A connection needs no introduction; a stranger is judged by what we share.
        answer *= _shared_factor(f)
    return Odds(_clamp(open_, MAX_OPEN), _clamp(answer, MAX_ANSWER))


def plan_fate(f: Factors, rng: Random) -> Fate:
    """Decide, at sending time, whether and when the recipient opens and answers.

    Always draws the same five numbers in the same order, so two messages with the
    same rng seed differ only where their factors differ.
    """
    u_open, u_read_delay, u_answer, u_kind, u_answer_delay = (rng.random() for _ in range(5))
    chances = odds(f)
    if u_open >= chances.open:
        return Fate(None, None, None)
    opened_after = 1 + _geometric(u_read_delay, _daily_read_chance(f.activity))
    if opened_after > HORIZON_DAYS:
        return Fate(None, None, None)
    if u_answer >= chances.answer:
        return Fate(opened_after, None, None)
    answer = _answer_kind(f, u_kind)
    # Answers come after reading; the responsive answer the same day or soon after.
    answered_after = opened_after + _geometric(u_answer_delay, 0.3 + 0.5 * f.responsiveness)
    return Fate(opened_after, answer, answered_after)


def _sender_factor(f: Factors) -> float:
    """My own profile (R8.2): hidden contact info and a thin profile cost trust. A
    complete profile answers 1.1×, a 40% one 0.8×: "cura bene il profilo"."""
    return (1.0 if f.contact_visible else 0.88) * (0.6 + 0.5 * f.completeness)


def _shared_factor(f: Factors) -> float:
    """Mutual connections help, up to +30%; a shared group +15%."""
    return (1 + 0.05 * min(f.mutual, 6)) * (1.15 if f.shared_groups else 1.0)


def _answer_kind(f: Factors, u: float) -> Answer:
    if f.kind is not MessageKind.INMAIL:
        return Answer.REPLY
    decline = DECLINE_SHARE if f.category_match else DECLINE_SHARE_MISMATCH
    if u < decline:
        return Answer.DECLINE
    if u < decline + ACCEPT_SHARE:
        return Answer.ACCEPT
    return Answer.REPLY


def _daily_read_chance(activity: float) -> float:
    """The chance a member looks at their messages on a given day.

    The keenest read almost daily (0.8), a middling member every few days, the least
    active about once a month (0.03): so most messages are read within days, some
    after weeks, and with the 180-day horizon a few never.
    """
    return 0.03 + 0.77 * min(max(activity, 0.0), 1.0) ** 1.5


# --- invitations -------------------------------------------------------------------------

INVITATION_BASE = {
    Degree.FIRST: 0.0,
    Degree.SECOND: 0.45,
    Degree.THIRD: 0.20,
    Degree.GROUP: 0.25,
    Degree.OUT: 0.08,
}


def invitation_fate(
    rng: Random,
    degree: Degree,
    mutual: int,
    shares_group: bool,
    activity: float,
    *,
    responsiveness: float = 0.5,
) -> int | None:
    """Days after inviting when the member accepts, or None if they ignore it (R3.6)."""
    u_accept, u_delay = rng.random(), rng.random()
    chance = INVITATION_BASE[degree] + 0.03 * min(mutual, 10) + (0.10 if shares_group else 0.0)
    chance *= (0.6 + 0.8 * activity) * (0.7 + 0.6 * responsiveness)
    if u_accept >= _clamp(chance, 0.95):
        return None
    days = 1 + _geometric(u_delay, _daily_read_chance(activity))
    return days if days <= HORIZON_DAYS else None


# --- messages to me ---------------------------------------------------------------------


@dataclass(frozen=True)
class InboundRates:
    """Expected new messages to me on a weekday; weekends are quieter."""

    message: float = 0.30
    group_message: float = 0.12
    inmail: float = 0.10
    weekend: float = 0.4
    welcomed_share: float = 0.85


@dataclass(frozen=True)
class Inbound:
    """One message someone writes to me today. The service writes its text (letters)."""

    kind: MessageKind
    sender_id: int
    category: Category | None = None


def inbound_for_day(
    rng: Random,
    day: date,
    *,
    connections: Sequence[int],
    group_fellows: Sequence[int],
    strangers: Sequence[int],
    is_stranger: Callable[[int], bool],
    accepts_inmail: bool,
    welcomed: Collection[Category],
    rates: InboundRates = InboundRates(),
) -> list[Inbound]:
    """Who writes to me on `day` (R6.4), from candidate pools the service samples.

    Members write by the route R3 gives *them*: connections send messages, fellow group
    members group messages, and anyone else InMail — only while I accept it, and mostly
    in the categories I welcome. `strangers` may be every member (a million ids are
    cheap as a range); a draw that `is_stranger` rejects (a connection, a fellow group
    member, me) is drawn again. An empty pool sends nothing.
    """
    scale = rates.weekend if day.weekday() >= 5 else 1.0
    inbound = [
        Inbound(MessageKind.MESSAGE, rng.choice(connections))
        for _ in range(_poisson(rng, rates.message * scale if connections else 0))
    ]
    inbound += [
        Inbound(MessageKind.GROUP_MESSAGE, rng.choice(group_fellows))
        for _ in range(_poisson(rng, rates.group_message * scale if group_fellows else 0))
    ]
    inmails = rates.inmail * scale if strangers and accepts_inmail else 0
    for _ in range(_poisson(rng, inmails)):
        sender = _draw_stranger(rng, strangers, is_stranger)
        category = _inbound_category(rng, welcomed, rates)
        if sender is not None:
            inbound.append(Inbound(MessageKind.INMAIL, sender, category))
    return inbound


def _draw_stranger(
    rng: Random, pool: Sequence[int], is_stranger: Callable[[int], bool], tries: int = 20
) -> int | None:
    """A member of `pool` who is a stranger to me, or None if `tries` draws find none
    (a tiny network where everyone is a connection)."""
    for _ in range(tries):
        candidate = rng.choice(pool)
        if is_stranger(candidate):
            return candidate
    return None


def _inbound_category(rng: Random, welcomed: Collection[Category], rates: InboundRates) -> Category:
    ordered = [c for c in Category if c in welcomed]
    if ordered and rng.random() < rates.welcomed_share:
        return rng.choice(ordered)
    return rng.choice(list(Category))


# --- small numeric tools ------------------------------------------------------------------


def _geometric(u: float, p: float) -> int:
    """Failures before the first success with daily chance p, from one uniform draw."""
    if p >= 1:
        return 0
    return int(math.log(1.0 - u) / math.log(1.0 - p))


def _poisson(rng: Random, mean: float) -> int:
    """Knuth's method; the means here are well below 1."""
    if mean <= 0:
        return 0
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _clamp(x: float, high: float) -> float:
    return min(max(x, 0.0), high)


def _after(start: date, days: int | None) -> date | None:
    return None if days is None else start + timedelta(days=days)
