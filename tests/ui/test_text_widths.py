"""Issue 14.11: names in Devanagari, Tamil and Sinhala keep borders straight.

A terminal that counts with wcwidth (tmux, xterm, VTE, glibc) gives a spacing combining
mark (category Mc, e.g. the vowel sign ा) one cell, a non-spacing mark (Mn, e.g. the
virama ्) none, and joins the character after a zero width joiner to the cell before.
Rich alone gives Mc no cell, so each such name drew wider than it was laid out.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from netui.core.model import Category
from netui.ui.app import NetuiApp
from netui.ui.text import cell_width
from netui.ui.widgets.row_table import RowTable
from tests.ui.conftest import ask, settle

# Real names from the seeded default network, with their cells counted by hand.
NAMES = {
    # र ा ज ु ␠ प न ् त: ा is Mc (1), ु and ् are Mn (0) → 7 (Rich alone said 6)
    "राजु पन्त": 7,
    # ஸ ய ூ ர ி ␠ எ ட ் ட ப ் ப ன ்: ூ ி are Mc (1), ் is Mn (0) → 12 (Rich alone: 10)
    "ஸயூரி எட்டப்பன்": 12,
    # ග ය ත ් ZWJ ර ී ␠ ර ා ජ ප ක ් ෂ: ා is Mc (1), ් ී are Mn (0), the ර after
    # the ZWJ joins the cell before → 10 (Rich alone: 9)
    "ගයත්\u200dරී රාජපක්ෂ": 10,
    "Seán O'Brien": 12,
    "田中 愛子": 9,  # wide characters: two cells each
}


def terminal_cells(text: str) -> int:
    """The test's own count, independent of Rich: the rules above, one character at a time."""
    cells, joined = 0, False
    for character in text:
        if joined or unicodedata.category(character) in ("Mn", "Me", "Cf"):
            width = 0
        else:
            width = 2 if unicodedata.east_asian_width(character) in "WF" else 1
        joined = character == "\u200d"
        cells += width
    return cells


@pytest.mark.parametrize("name", NAMES)
def test_a_name_is_as_wide_as_a_terminal_draws_it(name):
    assert cell_width(name) == terminal_cells(name) == NAMES[name]


# Prints each name at the top left and asks the terminal where the cursor ended (DSR).
PROBE = r"""
import json, os, re, sys, termios, tty
names = json.loads(sys.argv[1])
tty.setraw(0)
found = {}
for name in names:
    os.write(1, b"\x1b[H\x1b[2K" + name.encode() + b"\x1b[6n")
    answer = b""
    while not answer.endswith(b"R"):
        answer += os.read(0, 32)
    found[name] = int(re.search(rb";(\d+)R", answer).group(1)) - 1
open(sys.argv[2], "w").write(json.dumps(found))
"""


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_tmux_draws_each_name_in_the_cells_netui_counts(tmp_path: Path):
    out = tmp_path / "cells.json"
    script = tmp_path / "probe.py"
    script.write_text(PROBE)
    session = f"netui-widths-{tmp_path.name}"
    command = [sys.executable, str(script), json.dumps(list(NAMES)), str(out)]
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "60", "-y", "5", *command],
        check=True,
    )
    try:
        for _ in range(100):
            if out.exists() and out.read_text():
                break
            time.sleep(0.05)
        drawn = json.loads(out.read_text())
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    assert drawn == {name: cell_width(name) for name in NAMES}


async def test_sent_inmails_to_indic_names_keep_every_column_in_line(handmade_db: Path):
    """Every line of the Sent table is exactly as wide as the table, counted as a
    terminal counts: the columns after a name start in the same cell on every row."""
    indic = ["राजु पन्त", "ஸயூரி எட்டப்பன்", "ගයත්\u200dරී රාජපක්ෂ"]
    with sqlite3.connect(handmade_db) as db:
        # Members 4, 5 and 8 of the handmade network are not 1st degree and accept InMail.
        for member, name in zip((4, 5, 8), indic, strict=True):
            db.execute("UPDATE members SET name = ? WHERE id = ?", (name, member))
    app = NetuiApp(db_path=handmade_db)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        for member in (4, 5, 8):
            ask(
                app,
                lambda world, member=member: world.send(
                    member,
                    subject="A role for you",
                    body="Dear friend, would you be open to a short call?",
                    category=Category.CAREER_OPPORTUNITY,
                    want_inmail=True,
                ),
            )
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one("#sent", RowTable)
        lines = [table.render_line(y).text for y in range(1 + table.row_count)]
        assert {name for name in indic if any(name in line for line in lines)} == set(indic)
        assert {terminal_cells(line) for line in lines} == {table.size.width}
        sent_column = {terminal_cells(line[: line.index("20")]) for line in lines[1:]}
        assert len(sent_column) == 1
