"""How the simulated members answer InMail, condition by condition (R6.2), and the
refund-policy story of the reference article (R5.5).

    python bench/calibration.py [--db PATH] [--per-condition 400]

Sends InMails from me on a scratch copy of `default` and reads back what the
recipients do within 90 days. Targets: a typical InMail gets 10–25% responses; a
matched, well-made, short one at least twice a generic mismatched one; under 400
characters does better and over 1,200 worse; Friday/Saturday sends do worst. Under
`unopened-after-7-days` a Monday campaign gets most credits back a week later; under
the 90-day policies it does not.
"""

from __future__ import annotations

import argparse
import random
from datetime import date
from pathlib import Path

from common import scratch_copy, seeded

from netui.core.model import Category, RefundPolicy, given_name
from netui.core.outcomes import CreditState
from netui.world import World

FILLER = (
    " Over the last years our team has grown across three countries, and we keep "
    "learning from people with experience like yours."
)


def good_draft(world: World, member: dict, length: int) -> dict:
    me = world.member(world.me)
    profile = world.profile(member["id"])
    shared = (
        f" We both know {profile.mutual_names[0]}."
        if profile.mutual_names
        else f" We are both in {profile.shared_group_names[0]}."
        if profile.shared_group_names
        else ""
    )
    body = (
        f"Dear {given_name(member['name'], member['locale'])}, I'm {me['name']}, "
        f"{me['headline']} at {me['company']}. I'm writing because your work on "
        f"{member['skills'][0]} at {member['company']} caught my eye.{shared} "
        "Would you be open to a short call next week? Thank you!"
    )
    while len(body) < length:
        body = body.replace(" Would you", FILLER + " Would you", 1)
    return {
        "subject": f"Your {member['skills'][0]} work at {member['company']}",
        "body": body[:2000],
        "category": Category(member["categories"][0]),
    }


def generic_draft(member: dict) -> dict:
    unwelcome = [c for c in Category if c.value not in member["categories"]] or list(Category)
    return {
        "subject": "Opportunity",
        "category": unwelcome[0],
        "body": "Hello, I have an interesting opportunity. Let me know.",
    }


def rates(world: World, ids: list[int]) -> tuple[float, float]:
    rows = world.db.execute(
        f"SELECT sent, fate_opened, fate_answered FROM messages WHERE id IN "
        f"({','.join(map(str, ids))})"
    ).fetchall()
    window = [
        (date.fromisoformat(s), o and date.fromisoformat(o), a and date.fromisoformat(a))
        for s, o, a in rows
    ]
    opened = sum(1 for s, o, _ in window if o and (o - s).days < 90)
    answered = sum(1 for s, _, a in window if a and (a - s).days < 90)
    return opened / len(rows), answered / len(rows)


def recipients(world: World, *, shared: bool | None, rng: random.Random, n: int) -> list[dict]:
    condition = {
        None: "1",
        True: "(r.mutual > 0 OR r.shared_groups > 0)",
        False: "coalesce(r.mutual, 0) = 0 AND coalesce(r.shared_groups, 0) = 0",
    }[shared]
    ids = [
        i
        for (i,) in world.db.execute(
            "SELECT m.id FROM members m LEFT JOIN reach r ON r.member_id = m.id WHERE "
            f"m.accepts_inmail AND NOT m.open_profile AND coalesce(r.hops, 9) > 1 AND {condition}"
        )
    ]
    return [world.member(i) for i in rng.sample(ids, min(n, len(ids)))]


def campaign(path: Path, policy: RefundPolicy, size: int = 60) -> tuple[int, int]:
    """Send `size` generic InMails on a Monday; credits back one week later."""
    world = World.open(scratch_copy(path, f"campaign-{policy.value}.db"))
    world.change_settings(refund_policy=policy)
    while world.today.weekday() != 0:
        world.advance(1)
    for _ in range(size // 10 + 1):
        world.buy(10)
    before = world.balance()
    for member in recipients(world, shared=None, rng=random.Random(7), n=size):
        world.send(member["id"], want_inmail=True, **generic_draft(member))
    world.advance(7)
    back = sum(1 for s in world.sent() if s.credit_state is CreditState.REFUNDED)
    return back, before - world.balance() + back


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--per-condition", type=int, default=400)
    args = parser.parse_args()
    source = args.db or seeded("default")
    world = World.open(scratch_copy(source, "calibration.db"))
    rng, n = random.Random(42), args.per_condition
    for _ in range(n * 12 // 10 + 10):
        world.buy(10)

    def send_all(members, make) -> list[int]:
        return [world.send(m["id"], want_inmail=True, **make(m)).message_id for m in members]

    def row(label: str, ids: list[int]) -> tuple[float, float]:
        opened, answered = rates(world, ids)
        print(f"  {label:<44} open {opened:6.1%}   response {answered:6.1%}   (n={len(ids)})")
        return opened, answered

    while world.today.weekday() != 1:  # a Tuesday for everything but the weekday test
        world.advance(1)
    print(f"Calibration on {source.name}: InMails from me, outcomes within 90 days")
    typical = row(
        "typical (mixed drafts and recipients)",
        send_all(
            recipients(world, shared=None, rng=rng, n=n),
            lambda m: good_draft(world, m, 600) if rng.random() < 0.5 else generic_draft(m),
        ),
    )
    best = row(
        "matched, checklist high, < 400 chars",
        send_all(recipients(world, shared=None, rng=rng, n=n), lambda m: good_draft(world, m, 0)),
    )
    worst = row(
        "generic, category mismatched",
        send_all(recipients(world, shared=None, rng=rng, n=n), generic_draft),
    )
    for label, length in (
        ("good draft, 401–800 chars", 600),
        ("good draft, 801–1,200", 1000),
        ("good draft, > 1,200 chars", 1500),
    ):
        row(
            label,
            send_all(
                recipients(world, shared=None, rng=rng, n=n),
                lambda m, k=length: good_draft(world, m, k),
            ),
        )
    row(
        "good draft, shared connections or groups",
        send_all(recipients(world, shared=True, rng=rng, n=n), lambda m: good_draft(world, m, 0)),
    )
    row(
        "good draft, nothing shared",
        send_all(recipients(world, shared=False, rng=rng, n=n), lambda m: good_draft(world, m, 0)),
    )
    profile = world.settings()
    full = row(
        f"good draft, my profile {profile.completeness}% complete",
        send_all(recipients(world, shared=None, rng=rng, n=n), lambda m: good_draft(world, m, 0)),
    )
    # 40%: no headline, summary or photo (contact info stays visible, so only the
    # completeness moves).
    world.change_settings(headline="", summary="", photo=False)
    thin = row(
        f"good draft, my profile {world.settings().completeness}% complete",
        send_all(recipients(world, shared=None, rng=rng, n=n), lambda m: good_draft(world, m, 0)),
    )
    world.change_settings(
        headline=profile["headline"], summary=profile["summary"], photo=profile["photo"]
    )
    days = {}
    for weekday in range(7):
        while world.today.weekday() != weekday:
            world.advance(1)
        days[weekday] = rates(
            world,
            send_all(
                recipients(world, shared=None, rng=rng, n=n // 2), lambda m: good_draft(world, m, 0)
            ),
        )[1]
    names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    print(
        "  response by weekday sent: " + ", ".join(f"{names[d]} {r:.1%}" for d, r in days.items())
    )
    print(
        f"  best / worst response ratio: {best[1] / max(worst[1], 1e-9):.1f}× [target ≥ 2×]; "
        f"typical {typical[1]:.1%} [target 10–25%]"
    )
    print(
        f"  complete / 40% profile response ratio: {full[1] / max(thin[1], 1e-9):.2f}× "
        "[target: clearly above 1]"
    )
    print("Monday campaign of 60 generic InMails, credits back 7 days later:")
    for policy in RefundPolicy:
        back, spent = campaign(source, policy)
        print(f"  {policy.value:<26} {back} of {spent} credits back")


if __name__ == "__main__":
    main()
