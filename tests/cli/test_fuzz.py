"""Fuzzing the commands (issue 12, item 5): hypothesis writes argument lists for every
command — valid, boundary and hostile values — and runs them on a copy of the tiny
network. Whatever it writes, a command exits 0 or 2, never prints a traceback, prints
one JSON document with --json, and leaves the credit ledger whole (R5.7).

Commands run in-process through `main(argv)`. Two things are kept out of reach on
purpose, because they are slow or never return, not because they might fail: building
a large network (`seed` only ever gets the tiny recipe, or is refused) and serving
(`serve` only ever gets a port it must refuse).
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import tempfile
from datetime import date
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, event, given, settings

from netui.cli import main
from netui.core.inputs import LARGEST_ID, MAX_LIMIT
from netui.core.model import Category, Degree, Plan, RefundPolicy
from tests.world.test_faults import _assert_consistent

MEMBERS = 300  # the tiny recipe


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "tiny.db"
    code, out, err = _run(["seed", "--recipe", "tiny", "--db", str(path), "--json"])
    assert code == 0, out + err
    return path


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as done:  # only --help exits this way (argparse prints it)
            code = done.code or 0
    return code, out.getvalue(), err.getvalue()


# ── values ──────────────────────────────────────────────────────────────────

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\udcff",  # a byte that is not UTF-8, as Python hands it over
    "\x1b[31mred\x1b[0m",
    "\x07",
    "\r\n",
    "line\nbreak",
    "\t",
    '"',
    "'",
    "O'Brien",
    "AND",
    "NEAR(",
    "*",
    "-x",
    "--",
    "c++",
    "%",
    "_",
    "\\",
    "😀",
    "[bold]x[/]",
    "x" * 2_001,
    "é" * 201,
]
NUMBER_EDGES = [
    "0",
    "-1",
    "1",
    str(LARGEST_ID),
    str(LARGEST_ID + 1),
    str(2**64),
    "-" + str(LARGEST_ID + 2),
    "9" * 40,
    "1e3",
    "0x1f",
    " 7 ",
    "+3",
    "٣",
    "1_000",
    "4.0",
    "",
    "abc",
]

text = st.one_of(st.text(max_size=40), st.sampled_from(HOSTILE))
number_edges = st.sampled_from(NUMBER_EDGES)
member_ids = st.one_of(st.integers(1, MEMBERS).map(str), number_edges)
message_ids = st.one_of(st.integers(1, 40).map(str), number_edges)
limits = st.one_of(
    st.sampled_from(["1", "2", "20", str(MAX_LIMIT), str(MAX_LIMIT + 1), "-5"]), number_edges
)
bodies = st.one_of(
    st.sampled_from(
        [
            "Hello, could we talk about your work? Thanks!",
            "Hi,\n\tshort note. Thank you.",
            "x" * 2_000,
        ]
    ),
    text,
)
subjects = st.one_of(st.sampled_from(["A question", "S" * 200, "S" * 201]), text)


def enum_or_junk(enum) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from([e.value for e in enum]), text)


def comma_list(enum) -> st.SearchStrategy[str]:
    return st.one_of(
        st.lists(st.sampled_from([e.value for e in enum]), max_size=4).map(",".join), text
    )


dates = st.one_of(
    st.dates(min_value=date(2015, 1, 1), max_value=date(2015, 12, 31)).map(date.isoformat),
    st.sampled_from(
        ["10000-01-01", "9999-12-31", "0001-01-01", "2015-02-30", "20150301", "2015-W10-1"]
    ),
    text,
)


def option(flag: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """`[flag, value]` or nothing."""
    return st.one_of(st.just([]), values.map(lambda value: [flag, value]))


def flag(name: str) -> st.SearchStrategy[list[str]]:
    return st.sampled_from([[], [name]])


def command(
    name: str | st.SearchStrategy[str], *parts: st.SearchStrategy[list[str]]
) -> st.SearchStrategy[list[str]]:
    names = name if isinstance(name, st.SearchStrategy) else st.just(name)
    return st.tuples(names, *parts).map(
        lambda drawn: [drawn[0], *(arg for part in drawn[1:] for arg in part)]
    )


def positional(values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return values.map(lambda value: [value])


def files(folder: Path) -> st.SearchStrategy[str]:
    """Paths inside this example's folder only: a fuzzed name never writes elsewhere."""
    names = st.one_of(
        st.sampled_from(["out.graphml", "net.gexf", "tables", "missing/x.graphml", ""]),
        st.text(max_size=12).filter(lambda name: "/" not in name and name not in (".", "..")),
    )
    return names.map(lambda name: str(folder / name) if name else str(folder))


# Well-formed actions that move credits, so the ledger is tested on real changes too
# (hostile values alone are mostly refused before they reach it).
actions = st.one_of(
    command("buy", positional(st.sampled_from(["1", "2", "5", "10"]))),
    command("advance", positional(st.integers(1, 45).map(str))),
    command("plan", positional(st.sampled_from([p.value for p in Plan]))),
    command(
        "send",
        positional(st.integers(1, MEMBERS).map(str)),
        st.just(["--inmail", "--category", "job-inquiry", "--subject", "A question"]),
        st.just(["--body", "Hello, could we talk about your work? Thanks!"]),
    ),
    command("settings", option("--me", st.integers(1, MEMBERS).map(str))),
    command("connect", positional(st.integers(1, MEMBERS).map(str))),
    command("withdraw", positional(st.integers(1, MEMBERS).map(str))),
    command("settings", option("--refund-policy", enum_or_junk(RefundPolicy))),
    command(st.sampled_from(["accept", "decline"]), positional(st.integers(1, 60).map(str))),
    command(
        "reply",
        positional(st.integers(1, 60).map(str)),
        st.just(["--body", "Thank you, happy to talk."]),
    ),
)


def commands(db: Path) -> st.SearchStrategy[list[str]]:
    folder = db.parent
    bad_ports = st.sampled_from(["0", "-1", "65536", "99999", str(LARGEST_ID + 1), "http"])
    return st.one_of(
        actions,
        actions,
        command("stats"),
        command(
            "search",
            st.lists(text, max_size=3),
            option("--degree", comma_list(Degree)),
            option("--country", text),
            option("--industry", text),
            option("--company", text),
            option("--limit", limits),
        ),
        command("profile", positional(member_ids)),
        command("route", positional(member_ids), flag("--inmail")),
        command(
            "send",
            positional(member_ids),
            st.builds(lambda body: ["--body", body], bodies),
            option("--subject", subjects),
            option("--category", enum_or_junk(Category)),
            flag("--inmail"),
        ),
        command("connect", positional(member_ids)),
        command("withdraw", positional(member_ids)),
        command("inbox", option("--limit", limits)),
        command("thread", positional(member_ids)),
        command("sent"),
        command("accept", positional(message_ids)),
        command("decline", positional(message_ids)),
        command("reply", positional(message_ids), st.builds(lambda b: ["--body", b], bodies)),
        command("credits", option("--ledger", limits)),
        command("buy", positional(st.one_of(st.sampled_from(["1", "2", "5", "10"]), number_edges))),
        command("plan", positional(enum_or_junk(Plan))),
        command(
            "advance",
            st.one_of(
                st.just([]),
                positional(st.one_of(st.integers(1, 45).map(str), number_edges)),
                st.sampled_from([["3661"], ["0"]]),
            ),
            option("--to", dates),
        ),
        command(
            "settings",
            option("--me", member_ids),
            option("--accept-inmail", st.sampled_from(["on", "off", "maybe", "ON", ""])),
            option("--categories", comma_list(Category)),
            option("--contact-visible", st.sampled_from(["on", "off", "1"])),
            option("--open-profile", st.sampled_from(["on", "off", "yes"])),
            option("--refund-policy", enum_or_junk(RefundPolicy)),
            option("--headline", st.one_of(text, st.just("H" * 121))),
            option("--summary", st.one_of(text, st.just("S" * 2_001))),
            option("--photo", st.sampled_from(["on", "off", "no"])),
            option("--company", text),
            option(
                "--skills",
                st.one_of(text, st.just("a;b,c"), st.just(",".join(f"s{i}" for i in range(51)))),
            ),
        ),
        # Never a network bigger than tiny: with --force, only tiny and a small size.
        command(
            "seed",
            st.sampled_from([["--force"], []]),
            st.just(["--recipe", "tiny"]),
            option(
                "--members", st.one_of(st.integers(50, 400).map(str), st.sampled_from(["49", "-1"]))
            ),
            option("--seed", st.one_of(st.integers(0, 2**70).map(str), number_edges)),
        ),
        command("seed", st.builds(lambda recipe: ["--recipe", recipe], text)),  # no --force
        command(
            "export",
            positional(files(folder)),
            option("--format", st.sampled_from(["graphml", "gexf", "csv", "dot", ""])),
            option("--within", st.sampled_from(["1", "2", "3", "0", "4", "x"])),
        ),
        command(
            "import-ldbc", positional(files(folder)), option("--me", member_ids), flag("--force")
        ),
        command(
            "serve", st.builds(lambda port: ["--port", port], bad_ports), option("--host", text)
        ),
    )


# ── the property ────────────────────────────────────────────────────────────


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_any_arguments_exit_0_or_2_with_json_and_a_whole_ledger(tiny, data):
    folder = Path(tempfile.mkdtemp(prefix="netui-fuzz-"))
    try:
        db = folder / "w.db"
        shutil.copy(tiny, db)
        for _ in range(data.draw(st.integers(1, 4), label="commands")):
            args = data.draw(commands(db), label="args")
            as_json = data.draw(st.sampled_from([True, True, True, False]), label="json")
            argv = [*args, "--db", str(db), *(["--json"] if as_json else [])]
            code, out, err = _run(argv)
            event(f"{args[0]} exits {code}")  # --hypothesis-show-statistics: what was reached
            assert code in (0, 2), (code, out, err)
            assert "Traceback" not in out + err
            if as_json and not {"-h", "--help"} & set(args):
                document = json.loads(out)
                if code == 2:
                    assert set(document) == {"error", "reasons"} and document["error"]
            _assert_consistent(db)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
