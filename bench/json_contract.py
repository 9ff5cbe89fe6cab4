"""The JSON contract of every command, saved to compare two versions of netui.

    python bench/json_contract.py OUTDIR

Seeds a fresh `tiny` network (deterministic) into a temporary folder and runs every
command of the CLI with `--json`, in a fixed order, through the real CLI
(`python -m netui`), writing each output to OUTDIR/NN-command.json. Run it before and
after a change and `diff -r` the two folders: the command contract (R11) is unchanged
when the diff is empty.

Members are chosen from earlier outputs (the first 1st-degree search result, …), so
the script follows the network rather than hard-coding ids. The only value normalised
is `seconds` in the seed summary (wall time); the database lives in the temporary
folder, so paths in the output are relative and the same on every run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

DB = "net.db"


class Runner:
    def __init__(self, outdir: Path, workdir: Path) -> None:
        self.outdir = outdir
        self.workdir = workdir
        self.number = 0

    def __call__(self, *args: str, expect_error: bool | None = False) -> object:
        """Run `netui ARGS --json`, save its output, and return it parsed; stop if it
        fails when it should not or succeeds when it should fail (None: either)."""
        done = subprocess.run(
            [sys.executable, "-m", "netui", *args, "--db", DB, "--json"],
            cwd=self.workdir,
            capture_output=True,
            text=True,
            env={**os.environ, "NETUI_CONFIG": str(self.workdir / "no-config.toml")},
        )
        if expect_error is not None and (done.returncode != 0) != expect_error:
            raise SystemExit(f"netui {' '.join(args)}: exit {done.returncode}\n{done.stderr}")
        data = json.loads(done.stdout)
        if args[0] == "seed":
            data["seconds"] = 0  # wall time: the one value that differs run to run
        name = f"{self.number:02d}-{args[0]}.json"
        (self.outdir / name).write_text(
            json.dumps({"argv": list(args), "exit": done.returncode, "output": data}, indent=2)
            + "\n",
            encoding="utf-8",
        )
        self.number += 1
        return data


def first_id(rows: object) -> int | None:
    return rows[0]["id"] if isinstance(rows, list) and rows else None


def run_all(netui: Runner) -> None:
    netui("seed", "--recipe", "tiny")
    stats = netui("stats")
    me = stats["me"]
    netui("search", "--limit", "5")
    netui("search", "engineer", "--limit", "10")
    first = first_id(netui("search", "--degree", "1st", "--limit", "3"))
    second = first_id(netui("search", "--degree", "2nd", "--limit", "3"))
    third = first_id(netui("search", "--degree", "3rd", "--limit", "3"))
    out = first_id(netui("search", "--degree", "group,out", "--limit", "3"))
    beyond = netui("search", "--degree", "2nd,3rd", "--limit", "300")
    fellow = next(r["id"] for r in beyond if r["route"] == "group_message")
    profile = netui("profile", str(second))
    netui("search", "--country", profile["country"], "--limit", "5")
    netui("search", "--industry", profile["industry"], "--degree", "2nd,3rd", "--limit", "5")
    netui("search", "--company", profile["company"][:4], "--limit", "5")
    for member in (first, third, out, fellow, me):
        netui("profile", str(member))
    netui("route", str(first))
    netui("route", str(first), "--inmail")
    netui("route", str(second), "--inmail")
    netui("route", str(me))
    netui("settings")
    netui(
        "settings",
        "--headline",
        "Data engineer at Acme",
        "--summary",
        "I build data platforms.",
        "--photo",
        "on",
        "--company",
        "Acme",
        "--skills",
        "python,sql",
        "--categories",
        "job-inquiry,new-venture",
        "--accept-inmail",
        "on",
        "--contact-visible",
        "on",
    )
    netui("settings", "--refund-policy", "response-within-90-days")
    netui("credits")
    netui("send", str(first), "--body", "Hi, long time no see! How are things?")
    netui(
        "send",
        str(second),
        "--inmail",
        "--category",
        "job-inquiry",
        "--subject",
        "Data roles at Acme",
        "--body",
        "Dear colleague, I saw your work on data platforms. Would you have 15 minutes?",
    )
    netui("send", str(third), "--body", "Hello there, a short note.", expect_error=True)
    netui("send", str(fellow), "--body", "Hello, we share a group.")
    netui(
        "send",
        str(out),
        "--inmail",
        "--subject",
        "Hello",
        "--body",
        "A short InMail.",
        expect_error=None,
    )
    netui("send", str(first), "--inmail", "--subject", "x", "--body", "y", expect_error=True)
    netui("connect", str(second))
    netui("connect", str(second), expect_error=True)
    netui("withdraw", str(second))
    netui("connect", str(second), expect_error=True)
    netui("connect", str(first), expect_error=True)
    netui("buy", "5")
    netui("buy", "3", expect_error=True)
    netui("plan", "recruiter-lite")
    netui("plan", "premium-business")
    netui("advance", "7")
    netui("advance", "--to", "2015-05-01")
    inbox = netui("inbox")
    netui("inbox", "--limit", "2")
    netui("sent")
    answerable_inmails: list[int] = []
    replyable: list[int] = []
    for conversation in inbox[:20]:
        for message in netui("thread", str(conversation["member_id"])):
            if message["can_answer"]:
                kind = answerable_inmails if message["kind"] == "inmail" else replyable
                kind.append(message["id"])
    if replyable:
        netui("reply", str(replyable[0]), "--body", "Thanks, happy to talk on Tuesday.")
    for how, message in zip(("accept", "decline", "reply"), answerable_inmails, strict=False):
        extra = ("--body", "Thank you, let us talk.") if how == "reply" else ()
        netui(how, str(message), *extra)
    netui("accept", str(replyable[0]) if replyable else "1", expect_error=True)
    netui("credits", "--ledger", "500")
    netui("plan", "free")
    netui("settings", "--open-profile", "on", expect_error=True)
    netui("export", "--format", "csv", "tables")
    netui("export", "--format", "graphml", "network.graphml")
    netui("export", "--format", "gexf", "mine.gexf", "--within", "2")
    netui("lab", "--count", "6", "--days", "30")
    netui("lab", "--degree", "2nd,3rd", "--count", "4", "--vary", "checklist", "--days", "14")
    netui("settings", "--me", str(second))
    netui("stats")
    netui("credits", "--ledger", "5")
    # Errors: each one a clear message and exit status 2, nothing changed.
    netui("profile", "999999", expect_error=True)
    netui("thread", "0", expect_error=True)
    netui("reply", "999999", "--body", "hi", expect_error=True)
    netui("search", "--degree", "4th", expect_error=True)
    netui("send", str(first), "--body", "", expect_error=True)
    netui("advance", "--to", "2000-01-01", expect_error=True)
    netui("stats", "--bogus", expect_error=True)


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    outdir = Path(sys.argv[1])
    if outdir.exists() and any(outdir.iterdir()):
        raise SystemExit(f"{outdir} is not empty; give a new folder.")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="netui-json-") as workdir:
        netui = Runner(outdir, Path(workdir))
        run_all(netui)
    print(f"{netui.number} outputs in {outdir}")


if __name__ == "__main__":
    main()
