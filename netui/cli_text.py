"""Plain-text output of each command, for people (scripts use --json).

Text from members is printed as it is: print() interprets no markup.
"""

from __future__ import annotations

from collections.abc import Callable

from netui.core.clock import describe_events
from netui.core.money import usd
from netui.core.words import count


def render(command: str, result: object) -> str:
    as_json = getattr(result, "as_json", None)
    data = as_json() if callable(as_json) else result
    return RENDERERS.get(command, _generic)(data)


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


def _seed(d: dict) -> str:
    return (
        f"Seeded {d['source']}: {_network_size(d)}; me = member {d['me']} ({d['seconds']:.1f} s)."
    )


def _network_size(d: dict) -> str:
    """'1,000 members in 37 countries, 9,874 connections, 120 groups'."""
    return (
        f"{count(d['members'], 'member')} in {count(d['countries'], 'country', 'countries')}, "
        f"{count(d['connections'], 'connection')}, {count(d['groups'], 'group')}"
    )


def _stats(d: dict) -> str:
    deg = d["degrees"]
    lines = [
        f"{d['date']}  ·  playing {d['me_name']} (#{d['me']})  ·  network: {d['source']}",
        _network_size(d),
        f"My network: 1st {deg['1st']:,} · 2nd {deg['2nd']:,} · 3rd {deg['3rd']:,} · "
        f"group {deg['group']:,} · out {deg['out']:,}",
    ]
    if "credits" in d:
        lines.append(_credit_line(d))
    n = d.get("network")
    if n:
        lines.append(
            f"Graph: mean {n['mean_connections']} / median {n['median_connections']} / "
            f"max {n['max_connections']:,} connections, clustering {n['clustering']:.3f}, "
            f"mean path {n['mean_path_length']:.2f} hops, giant component "
            f"{n['giant_component_share']:.1%}"
        )
    return "\n".join(lines)


def _credit_line(d: dict) -> str:
    expiry = d.get("next_expiry")
    expiry_text = f" ({expiry['amount']} expire {expiry['date']})" if expiry else ""
    return (
        f"Credits {d['credits']}{expiry_text} · {_score(d)} · "
        f"unread {d['unread']} · pending invitations {d['pending_invitations']}"
    )


def _score(d: dict, label: str = "score") -> str:
    """'score 34% (12 of 35)', 'score: waiting for answers (…)' (R5.6, issue 14.5), or
    'score: none yet'."""
    if d.get("score") is None:
        return f"{label}: none yet"
    return f"{label}{':' if d.get('score_waiting') else ''} {d['score_text']}"


def _search(rows: list[dict]) -> str:
    if not rows:
        return "No members found."
    lines = []
    for r in rows:
        lines.append(
            f"{r['id']:>8}  {r['degree']:<5} {r['name']} — {r['headline']} at {r['company']} "
            f"({r['country']}) · {r['mutual']} mutual · "
            f"{count(r['shared_groups'], 'shared group')} · {r['route'].replace('_', ' ')}"
        )
    return "\n".join(lines)


def _profile(d: dict) -> str:
    route = d["route"]
    lines = [
        f"{d['name']}  [{d['degree']}]  #{d['id']}",
        f"{d['headline']} at {d['company']} · {d['industry']}",
        f"{d['city']}, {d['country']} · member since {d['joined']} · plan {d['plan']}",
        f"Skills: {', '.join(d['skills'])}",
        d["summary"],
        "",
        f"How you're connected: {' → '.join(d['path_names']) or 'not within 3 degrees'}",
        f"Mutual connections: {d['mutual']}"
        + (
            f" ({', '.join(d['mutual_names'][:5])}{'…' if d['mutual'] > 5 else ''})"
            if d["mutual_names"]
            else ""
        ),
        f"Shared groups: {d['shared_groups']}"
        + (f" ({', '.join(d['shared_group_names'])})" if d["shared_group_names"] else ""),
        f"Accepts InMail: {_value(d['accepts_inmail'])} · Open Profile: "
        f"{_value(d['open_profile'])}",
        f"Welcomes: {', '.join(d['categories']) or 'no categories'}",
        f"Route: {route['route']} (cost {route['cost']}) — {' '.join(route['reasons'])}",
    ]
    return "\n".join(lines)


def _route(d: dict) -> str:
    verdict = "allowed" if d["allowed"] else "refused"
    return f"{d['degree']}: {d['route']} — {verdict}, cost {d['cost']}\n" + "\n".join(
        f"  - {r}" for r in d["reasons"]
    )


def _send(d: dict) -> str:
    cost = "free" if d["cost"] == 0 else f"{d['cost']} credit"
    note = " · category not one they welcome" if d["mismatch"] else ""
    return (
        f"Sent message #{d['message_id']} by {d['route'].replace('_', ' ')} ({cost}); "
        f"{count(d['credits'], 'credit')} left{note}."
    )


def _inbox(rows: list[dict]) -> str:
    if not rows:
        return "No conversations yet."
    lines = []
    for c in rows:
        unread = f"{c['unread']} unread" if c["unread"] else "read"
        subject = f" · {c['subject']}" if c["subject"] else ""
        lines.append(
            f"{c['last_date']}  #{c['member_id']:<7} {c['name']} — "
            f"{count(c['count'], 'message')}, {unread} · {c['kind'].replace('_', ' ')}{subject}"
        )
    return "\n".join(lines)


def _thread(rows: list[dict]) -> str:
    blocks = []
    for m in rows:
        arrow = "→ to them" if m["direction"] == "out" else "← from them"
        head = f"#{m['id']} {m['sent']} {arrow} · {m['kind'].replace('_', ' ')}"
        if m["category"]:
            head += f" · {m['category']}"
        if m["direction"] == "out":
            head += f" · {m['state']}"
        elif m["can_answer"]:
            head += " · awaiting your answer (reply" + (
                ", accept or decline)" if m["kind"] == "inmail" else ")"
            )
        subject = f"Subject: {m['subject']}\n" if m["subject"] else ""
        blocks.append(f"{head}\n{subject}{m['body']}")
    return "\n\n".join(blocks) or "No messages with this member."


def _sent(rows: list[dict]) -> str:
    if not rows:
        return "No InMails sent yet."
    lines = []
    for m in rows:
        credit = m["credit_state"]
        if m["refund_days_left"] is not None:
            credit += f", {count(m['refund_days_left'], 'day')} left in the refund window"
        lines.append(
            f"#{m['message_id']:<6} {m['sent']} to {m['to_name']} · {m['category']} · "
            f"{m['state']} · credit {credit}"
        )
    return "\n".join(lines)


def _credits(d: dict) -> str:
    lines = [
        f"Balance {d['balance']} · plan {d['plan']} ({d['monthly_grant']} a month)"
        + (f" · next grant {d['next_grant']}" if d["next_grant"] else "")
        + (f" · moving to {d['pending_plan']} on {d['pending_from']}" if d["pending_plan"] else ""),
        f"{_score(d, 'Score')} · open rate {d['open_rate_text']}",
        f"Money spent {_dollars(d['spent_usd'])} · {count(d['answered'], 'InMail')} answered · "
        f"{_dollars(d['usd_per_answer'])} per answer",
        f"Refund policy {d['refund_policy']}: {d['policy_meaning']}",
        "Lots:",
    ]
    lines += [
        f"  {lot['amount']:>3} {lot['source']:<8} credited {lot['credited']}, "
        f"expires {lot['expires']}"
        for lot in d["lots"]
    ] or ["  (none)"]
    if d["in_refund_window"]:
        lines.append(f"In the refund window: {count(d['in_refund_window_count'], 'InMail')}")
    lines.append(f"Ledger (newest {len(d['ledger'])} of {d['ledger_total']}):")
    lines += [
        f"  {e['date']} {e['kind']:<12} {e['amount']:>+4}  {e['cause']}"
        + (f" ({_dollars(e['usd'])})" if "usd" in e else "")
        for e in d["ledger"]
    ]
    return "\n".join(lines)


def _dollars(amount: float | None) -> str:
    return usd(None if amount is None else round(amount * 100))


def _advance(d: dict) -> str:
    return f"Now {d['date']} (+{count(d['days'], 'day')}): {describe_events(d['events'])}."


def _plan(d: dict) -> str:
    return d["message"] + (f" Next grant {d['next_grant']}." if d["next_grant"] else "")


def _buy(d: dict) -> str:
    return (
        f"Bought {count(d['bought'], 'credit')} for {_dollars(d['usd'])} "
        f"(they expire {d['expires']}); balance {d['balance']}."
    )


def _connect(d: dict) -> str:
    return f"Invitation #{d['invitation_id']} sent to member {d['to']}; pending."


def _withdraw(d: dict) -> str:
    return (
        f"Invitation #{d['invitation_id']} to member {d['to']} withdrawn; you can invite "
        f"them again from {d['can_invite_again']}."
    )


def _lab(d: dict) -> str:
    """The runs side by side, one column each, as the Lab screen's table."""
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


def _settings(d: dict) -> str:
    lines = [f"{k}: {_value(v)}" for k, v in d.items() if k not in ("completeness", "missing")]
    todo = f" — to do: {', '.join(d['missing'])}" if d["missing"] else ""
    lines.append(f"Profile {d['completeness']}% complete{todo}")
    return "\n".join(lines)


RENDERERS: dict[str, Callable] = {
    "send": _send,
    "inbox": _inbox,
    "thread": _thread,
    "sent": _sent,
    "reply": lambda d: _thread([d]),
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
    "import-ldbc": lambda d: _seed(d).replace("Seeded", "Imported", 1),
    "export": lambda d: (
        f"Wrote {count(d['members'], 'member')} and {count(d['connections'], 'connection')} "
        f"to {d['path']} ({d['format']})."
    ),
    "stats": _stats,
    "search": _search,
    "profile": _profile,
    "route": _route,
}
