"""A reader that leaves early (`netui stats --json | head -c 100`) ends a command quietly.

As with `git` and `ls`: no traceback, no "Exception ignored" on stderr, and exit 0
when the command's work was done.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NETUI = [sys.executable, "-m", "netui"]


def _netui_with_reader_gone(*args: str) -> subprocess.CompletedProcess:
    """Run netui with its stdout a pipe whose reading end is closed before it writes."""
    process = subprocess.Popen(
        [*NETUI, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.close()  # the reader is gone: every write is a broken pipe
    _, err = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, b"", err)


@pytest.mark.parametrize(
    "args",
    [
        ["stats", "--json"],
        ["stats"],
        ["search", "a", "--limit", "100", "--json"],
        ["credits", "--ledger", "1"],
    ],
)
def test_a_closed_pipe_ends_a_command_quietly_with_exit_0(handmade_db, args):
    done = _netui_with_reader_gone(*args, "--db", str(handmade_db))
    assert done.stderr.decode() == ""
    assert done.returncode == 0


def test_a_closed_pipe_after_a_purchase_still_exits_0_and_the_purchase_stands(handmade_db):
    done = _netui_with_reader_gone("buy", "5", "--json", "--db", str(handmade_db))
    assert (done.returncode, done.stderr.decode()) == (0, "")
    credits = subprocess.run(
        [*NETUI, "credits", "--json", "--db", str(handmade_db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert json.loads(credits.stdout)["balance"] == 20


def test_a_refusal_into_a_closed_pipe_still_exits_2_quietly(handmade_db):
    done = _netui_with_reader_gone("profile", "999", "--json", "--db", str(handmade_db))
    assert (done.returncode, done.stderr.decode()) == (2, "")


@pytest.mark.parametrize(
    "pipeline", ["stats --json | head -c 100", "search a --json | head -1", "stats | head -1"]
)
def test_piping_into_head_prints_no_traceback(handmade_db, pipeline):
    netui = " ".join(shlex.quote(part) for part in NETUI)
    command, reader = pipeline.split(" | ")
    script = f"{netui} {command} --db {shlex.quote(str(handmade_db))} | {reader} >/dev/null"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stderr == ""
    assert done.returncode == 0


@pytest.mark.parametrize("as_json", [True, False])
def test_a_file_name_that_is_not_utf8_is_quoted_back_without_a_traceback(tmp_path, as_json):
    """Bytes that are not UTF-8 reach Python as lone surrogates, which a UTF-8 stream
    refuses to print: they come out as backslash escapes (in JSON, the same character)."""
    db = bytes(tmp_path) + b"/\xff.db"
    done = subprocess.run(
        [*NETUI, "stats", "--db", db, *(["--json"] if as_json else [])],
        cwd=ROOT,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"},
        timeout=60,
    )
    assert done.returncode == 2
    if as_json:
        assert json.loads(done.stdout)["error"].startswith(f"No netui database at {tmp_path}")
    else:
        assert b"Traceback" not in done.stderr and b"\\udcff.db" in done.stderr


@pytest.mark.parametrize(("args", "code", "closed"), [(["stats"], 0, 1), (["profile", "0"], 2, 2)])
def test_a_closed_output_descriptor_is_no_traceback(handmade_db, args, code, closed):
    """Started with stdout (or, for a refusal, stderr) closed: `netui stats >&-`."""
    done = subprocess.run(
        [*NETUI, *args, "--db", str(handmade_db)],
        cwd=ROOT,
        capture_output=True,
        preexec_fn=lambda: os.close(closed),
        timeout=60,
    )
    assert done.returncode == code  # not 1, from an AttributeError on sys.stdout None
    assert done.stderr == b""
