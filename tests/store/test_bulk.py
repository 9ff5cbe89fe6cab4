"""A bulk load (issue 13): what the loader leaves, search index and both ways of each pair."""

from __future__ import annotations

import sqlite3

from netui.core.network import MEMBER_COLUMNS
from netui.seeding import seed_database
from netui.store import bulk
from netui.synth import generate, load_recipe


def test_seeded_search_index_is_whole_and_the_scratch_file_gone(tmp_path):
    path = tmp_path / "net.db"
    seed_database(path, "tiny", show_progress=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["net.db"]
    db = sqlite3.connect(path)
    # FTS5 checks its index, built a chunk at a time during the load, against every row.
    db.execute("INSERT INTO members_fts (members_fts, rank) VALUES ('integrity-check', 1)")
    network = generate(load_recipe("tiny"))
    for word in {row[2].split()[-1] for row in network.members}:  # headline words
        expected = {row[0] for row in network.members if word in row[2].split()}
        found = db.execute(
            "SELECT rowid FROM members_fts WHERE members_fts MATCH ?", (f'headline: "{word}"',)
        )
        assert {r[0] for r in found} >= expected, word


def test_seeded_connections_are_kept_both_ways(tmp_path):
    path = tmp_path / "net.db"
    seed_database(path, "tiny", show_progress=False)
    db = sqlite3.connect(path)
    network = generate(load_recipe("tiny"))
    assert db.execute("SELECT a, b FROM connections ORDER BY a, b").fetchall() == list(
        network.connections
    )
    assert db.execute("SELECT a, b FROM connections_reversed ORDER BY b, a").fetchall() == sorted(
        network.connections, key=lambda pair: (pair[1], pair[0])
    )


def test_r1_6_same_recipe_same_database(tmp_path):
    """Byte for byte in members, connections and groups, though parts are stored on
    another thread while the next is drawn."""

    def tables(path):
        db = sqlite3.connect(path)
        return [
            db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("members", "connections", "connections_reversed", "groups")
        ] + [db.execute("SELECT * FROM group_members ORDER BY 1, 2").fetchall()]

    first, second = tmp_path / "first.db", tmp_path / "second.db"
    seed_database(first, "tiny", show_progress=False)
    seed_database(second, "tiny", show_progress=False)
    assert tables(first) == tables(second)
    assert tables(first)[0]  # not two empty databases


def test_seeded_members_are_the_generated_rows_whatever_the_statement_size(tmp_path, monkeypatch):
    """Members go in many rows to a statement: a chunk cut into statements of 7 rows
    (tiny's members are no multiple of 7) stores every row once, as generated."""
    monkeypatch.setattr(bulk, "ROWS_PER_INSERT", 7)
    network = generate(load_recipe("tiny"))
    assert len(network.members) % 7
    path = tmp_path / "net.db"
    seed_database(path, "tiny", show_progress=False)
    stored = sqlite3.connect(path).execute(
        f"SELECT {', '.join(MEMBER_COLUMNS)} FROM members ORDER BY id"
    )
    assert stored.fetchall() == [tuple(row) for row in network.members]
