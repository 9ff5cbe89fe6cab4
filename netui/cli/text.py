"""Plain-text output of each command, for people (scripts use --json).

Text from members is printed as it is: print() interprets no markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from netui.core.clock import describe_events
from netui.core.model import Degree, MessageKind
from netui.core.money import usd
from netui.core.routes import RouteDecision
from netui.core.words import count

if TYPE_CHECKING:
    from netui.world.building import BuildSummary
    from netui.world.results import (
        AdvanceReport,
        Conversation,
        CreditsOverview,
        InvitationSent,
        InvitationWithdrawn,
        PlanChanged,
        Profile,
        Purchase,
        ScoreLine,
        SearchResult,
        SendReceipt,
        SentItem,
        Settings,
        Stats,
        ThreadMessage,
    )


def render(command: str, result: object) -> str:
    """A World answer read by its attributes; the lab report, the export summary and
    anything without a renderer of its own as the JSON they print."""
    renderer = RENDERERS.get(command)
    if renderer is not None:
        return renderer(result)
    return _generic(_json(result))


def _json(result: object) -> object:
    as_json = getattr(result, "as_json", None)
    return as_json() if callable(as_json) else result


def _generic(data: object) -> str:
    if isinstance(data, dict):
        return "\n".join(f"{k}: {_value(v)}" for k, v in data.items())
    if isinstance(data, list):
        return "\n".join(_generic(item) for item in data) or "(nothing)"
    return str(data)


def _value(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "—" if value is None else str(value)


def _seed(s: BuildSummary) -> str:
    return f"Seeded {s.source}: {_network_size(s)}; me = member {s.me} ({s.seconds:.1f} s)."


def _network_size(s: BuildSummary | Stats) -> str:
    """'1,000 members in 37 countries, 9,874 connections, 120 groups'."""
    return (
        f"{count(s.members, 'member')} in {count(s.countries, 'country', 'countries')}, "
        f"{count(s.connections, 'connection')}, {count(s.groups, 'group')}"
    )


def _stats(s: Stats) -> str:
    glance = s.glance
    mine = " · ".join(f"{d.value} {s.degrees[d]:,}" for d in Degree)
    lines = [
        f"{glance.date}  ·  playing {glance.me_name} (#{glance.me})  ·  network: {s.source}",
        _network_size(s),
        f"My network: {mine}",
        _credit_line(s),
    ]
    n = s.network
    if n:
        lines.append(
            f"Graph: mean {n['mean_connections']} / median {n['median_connections']} / "
            f"max {n['max_connections']:,} connections, clustering {n['clustering']:.3f}, "
            f"mean path {n['mean_path_length']:.2f} hops, giant component "
            f"{n['giant_component_share']:.1%}"
        )
    return "\n".join(lines)


def _credit_line(s: Stats) -> str:
    glance, score = s.glance, s.glance.score_line
    expiry = score.next_expiry
    expiry_text = f" ({expiry.amount} expire {expiry.date})" if expiry else ""
    return (
        f"Credits {glance.credits}{expiry_text} · {_score(score)} · "
        f"unread {glance.unread} · pending invitations {glance.pending_invitations}"
    )


def _score(line: ScoreLine, label: str = "score") -> str:
    """'score 34% (12 of 35)', 'score: waiting for answers (…)' (R5.6, issue 14.5), or
    'score: none yet'."""
    if line.score is None:
        return f"{label}: none yet"
    return f"{label}{':' if line.score_waiting else ''} {line.score_text}"


def _words(value: str) -> str:
    """group_message → group message."""
    return value.replace("_", " ")


def _search(results: list[SearchResult]) -> str:
    if not results:
        return "No members found."
    lines = []
    for r in results:
        lines.append(
            f"{r.id:>8}  {r.degree:<5} {r.name} — {r.headline} at {r.company} "
            f"({r.country}) · {r.mutual} mutual · "
            f"{count(r.shared_groups, 'shared group')} · {_words(r.decision.route)}"
        )
    return "\n".join(lines)


def _profile(p: Profile) -> str:
    route = p.route
    lines = [
        f"{p.name}  [{p.degree}]  #{p.id}",
        f"{p.headline} at {p.company} · {p.industry}",
        f"{p.city}, {p.country} · member since {p.joined} · plan {p.plan}",
        f"Skills: {', '.join(p.skills)}",
        p.summary,
        "",
        f"How you're connected: {' → '.join(p.path_names) or 'not within 3 degrees'}",
        f"Mutual connections: {p.mutual}"
        + (
            f" ({', '.join(p.mutual_names[:5])}{'…' if p.mutual > 5 else ''})"
            if p.mutual_names
            else ""
        ),
        f"Shared groups: {p.shared_groups}"
        + (f" ({', '.join(p.shared_group_names)})" if p.shared_group_names else ""),
        f"Accepts InMail: {_value(p.accepts_inmail)} · Open Profile: {_value(p.open_profile)}",
        f"Welcomes: {', '.join(p.categories) or 'no categories'}",
        f"Route: {route.route} (cost {route.cost}) — {' '.join(route.reasons)}",
    ]
    return "\n".join(lines)


def _route(d: RouteDecision) -> str:
    verdict = "allowed" if d.allowed else "refused"
    return f"{d.degree}: {d.route} — {verdict}, cost {d.cost}\n" + "\n".join(
        f"  - {r}" for r in d.reasons
    )


def _send(r: SendReceipt) -> str:
    cost = "free" if r.cost == 0 else f"{r.cost} credit"
    note = " · category not one they welcome" if r.mismatch else ""
    return (
        f"Sent message #{r.message_id} by {_words(r.route)} ({cost}); "
        f"{count(r.credits, 'credit')} left{note}."
    )


def _inbox(conversations: list[Conversation]) -> str:
    if not conversations:
        return "No conversations yet."
    lines = []
    for c in conversations:
        unread = f"{c.unread} unread" if c.unread else "read"
        subject = f" · {c.subject}" if c.subject else ""
        lines.append(
            f"{c.last_date}  #{c.member_id:<7} {c.name} — "
            f"{count(c.count, 'message')}, {unread} · {_words(c.kind)}{subject}"
        )
    return "\n".join(lines)


def _thread(messages: list[ThreadMessage]) -> str:
    blocks = []
    for m in messages:
        arrow = "← from them" if m.incoming else "→ to them"
        head = f"#{m.id} {m.sent} {arrow} · {_words(m.kind)}"
        if m.category:
            head += f" · {m.category}"
        if not m.incoming:
            head += f" · {m.state}"
        elif m.can_answer:
            head += " · awaiting your answer (reply" + (
                ", accept or decline)" if m.kind is MessageKind.INMAIL else ")"
            )
        subject = f"Subject: {m.subject}\n" if m.subject else ""
        blocks.append(f"{head}\n{subject}{m.body}")
    return "\n\n".join(blocks) or "No messages with this member."


def _sent(items: list[SentItem]) -> str:
    if not items:
        return "No InMails sent yet."
    lines = []
    for m in items:
        credit = str(m.credit_state)
        if m.refund_days_left is not None:
            credit += f", {count(m.refund_days_left, 'day')} left in the refund window"
        lines.append(
            f"#{m.message_id:<6} {m.sent} to {m.to_name} · {m.category} · "
            f"{m.state} · credit {credit}"
        )
    return "\n".join(lines)


def _credits(c: CreditsOverview) -> str:
    lines = [
        f"Balance {c.balance} · plan {c.plan} ({c.monthly_grant} a month)"
        + (f" · next grant {c.next_grant}" if c.next_grant else "")
        + (f" · moving to {c.pending_plan} on {c.pending_from}" if c.pending_plan else ""),
        f"{_score(c.score_line, 'Score')} · open rate {c.score_line.open_rate_text}",
        f"Money spent {_dollars(c.spent_usd)} · {count(c.answered, 'InMail')} answered · "
        f"{_dollars(c.usd_per_answer)} per answer",
        f"Refund policy {c.refund_policy}: {c.policy_meaning}",
        "Lots:",
    ]
    lines += [
        f"  {lot.amount:>3} {lot.source:<8} credited {lot.credited}, expires {lot.expires}"
        for lot in c.lots
    ] or ["  (none)"]
    if c.in_refund_window:
        lines.append(f"In the refund window: {count(c.in_refund_window_count, 'InMail')}")
    lines.append(f"Ledger (newest {len(c.ledger)} of {c.ledger_total}):")
    lines += [
        f"  {e.date} {e.kind:<12} {e.amount:>+4}  {e.cause}"
        + (f" ({_dollars(e.usd)})" if e.usd is not None else "")
        for e in c.ledger
    ]
    return "\n".join(lines)


def _dollars(amount: float | None) -> str:
    return usd(None if amount is None else round(amount * 100))


def _advance(r: AdvanceReport) -> str:
    return f"Now {r.date} (+{count(r.days, 'day')}): {describe_events(r.events)}."


def _plan(r: PlanChanged) -> str:
    return r.message + (f" Next grant {r.next_grant}." if r.next_grant else "")


def _buy(r: Purchase) -> str:
    return (
        f"Bought {count(r.bought, 'credit')} for {_dollars(r.usd)} "
        f"(they expire {r.expires}); balance {r.balance}."
    )


def _connect(r: InvitationSent) -> str:
    return f"Invitation #{r.invitation_id} sent to member {r.to}; pending."


def _withdraw(r: InvitationWithdrawn) -> str:
    return (
        f"Invitation #{r.invitation_id} to member {r.to} withdrawn; you can invite "
        f"them again from {r.can_invite_again}."
    )


def _lab(report: object) -> str:
    """The runs side by side, one column each, as the Lab screen's table."""
    d = _json(report)
    c = d["campaign"]
    if c["ids"]:
        who = f"ids {', '.join(map(str, c['ids']))}"
    elif c["query"]:
        who = f"the best matches for {c['query']!r}"
    else:
        who = "members beyond my 1st degree"
    if c["degrees"]:
        who += f" ({', '.join(c['degrees'])})"
    lines = [
        f"Campaign: {count(d['recipients'], 'InMail')} to {who}, checklist {c['checklist']}/9, "
        f"{c['length']}, category {c['category']}, sent {c['weekday'].capitalize()} "
        f"{d['start']}, followed {count(c['days'], 'day')}.",
        "",
    ]
    rows = [
        ("", "name", str),
        ("sent", "sent", str),
        ("opened", "opened", str),
        ("answered", "answered", str),
        ("credits spent", "spent", str),
        ("credits refunded", "refunded", str),
        ("net credits", "net_credits", str),
        ("money spent", "usd", _dollars),
        ("money per answer", "usd_per_answer", _dollars),
    ]
    width = max(12, *(len(run["name"]) for run in d["runs"]))
    for label, key, show in rows:
        cells = "".join(f"{show(run[key]):>{width + 2}}" for run in d["runs"])
        lines.append(f"{label:<17}{cells}")
    for run in d["runs"]:
        end = run["balance_by_day"][-1] if run["balance_by_day"] else {"balance": 0}
        lines.append(f"  {run['name']}: balance on the last day {end['balance']}")
    return "\n".join(lines)


def _settings(s: Settings) -> str:
    shown = {k: v for k, v in s.as_json().items() if k not in ("completeness", "missing")}
    lines = [f"{k}: {_value(v)}" for k, v in shown.items()]
    todo = f" — to do: {', '.join(s.missing)}" if s.missing else ""
    lines.append(f"Profile {s.completeness}% complete{todo}")
    return "\n".join(lines)


RENDERERS: dict[str, Callable] = {
    "send": _send,
    "inbox": _inbox,
    "thread": _thread,
    "sent": _sent,
    "reply": lambda r: _thread([r.message]),
    "accept": lambda d: _thread([d]),
    "decline": lambda d: _thread([d]),
    "credits": _credits,
    "advance": _advance,
    "plan": _plan,
    "buy": _buy,
    "connect": _connect,
    "withdraw": _withdraw,
    "lab": _lab,
    "settings": _settings,
    "seed": _seed,
    "import-ldbc": lambda summary: _seed(summary).replace("Seeded", "Imported", 1),
    "export": lambda summary: (
        f"Wrote {count(summary.members, 'member')} and "
        f"{count(summary.connections, 'connection')} to {summary.path} ({summary.format})."
    ),
    "stats": _stats,
    "search": _search,
    "profile": _profile,
    "route": _route,
}
