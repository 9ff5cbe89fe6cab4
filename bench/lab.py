"""The policy lab against its peer (issue 11): a 3-policy lab of 1,000 InMails
followed for 90 days, beside sending the same 1,000 InMails once through the
ordinary path (`send` + `advance 90`) on a file copy, measured in the same run.

    python bench/lab.py [--db PATH] [--count 1000]

Target: lab / peer ≤ 1.0 (three runs for the price of one).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from common import scratch_copy, seeded

from netui import lab
from netui.world import World


def peer(path: Path, campaign: lab.Campaign) -> float:
    """The campaign sent by hand, as a user's script would: send, then advance."""
    world = World.open(scratch_copy(path, "lab-peer.db"))
    started = time.perf_counter()
    lab._go_to_weekday(world, lab.WEEKDAYS.index(campaign.weekday))
    recipients = lab.choose_recipients(world, campaign)
    lab._buy_for(world, recipients)
    body = lab._body(lab.BODY_CHARS[campaign.length])
    for member in recipients:
        world.send(
            member,
            subject="A question about your work",
            body=body,
            category=lab._matched(world, member),
            want_inmail=True,
        )
    world.advance(campaign.days)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--count", type=int, default=1_000)
    args = parser.parse_args()
    source = args.db or seeded("default")
    campaign = lab.Campaign(query="", degrees=(), count=args.count)
    started = time.perf_counter()
    report = lab.run_lab(source, campaign)
    lab_seconds = time.perf_counter() - started
    peer_seconds = peer(source, campaign)
    print(
        f"lab: {len(report.runs)} runs of {report.runs[0].sent:,} InMails, 90 days: "
        f"{lab_seconds:.2f} s"
    )
    print(f"peer: the same InMails once, send + advance 90: {peer_seconds:.2f} s")
    print(f"lab / peer = {lab_seconds / peer_seconds:.2f} [target ≤ 1.0]")


if __name__ == "__main__":
    main()
