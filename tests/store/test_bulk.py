"""A bulk load (issue 13): what the loader leaves, search index and both ways of each pair."""

from __future__ import annotations

import sqlite3

from netui.seeding import seed_database
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
