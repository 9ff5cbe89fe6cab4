"""Opening databases: foreign files are refused untouched; migrations are numbered."""

from __future__ import annotations

import sqlite3

import pytest

from netui.errors import DatabaseError
from netui.store import connections, reach
from netui.store.db import LATEST_VERSION, open_database
from netui.store.schema import APPLICATION_ID
from netui.world import World
from tests.handmade import handmade_network


def _assert_refused_untouched(path):
    before = path.read_bytes()
    with pytest.raises(DatabaseError):
        World.open(path)
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()


def test_a_text_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes\n")
    _assert_refused_untouched(path)


def test_another_applications_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    _assert_refused_untouched(path)


def test_a_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    _assert_refused_untouched(path)


def test_a_missing_database_is_refused_and_not_created(tmp_path):
    path = tmp_path / "nowhere.db"
    with pytest.raises(DatabaseError, match="netui seed"):
        World.open(path)
    assert not path.exists()


def test_migrations_bring_a_new_file_to_the_latest_version(tmp_path):
    db = open_database(tmp_path / "new.db", create=True)
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_building_over_an_existing_network_needs_force(tmp_path, handmade_db):
    from netui.errors import BadInput

    with pytest.raises(BadInput, match="--force"):
        World.build(handmade_db, lambda p: handmade_network())
    World.build(handmade_db, lambda p: handmade_network(), force=True)
    assert World.open(handmade_db).stats().members == 9


def test_force_never_overwrites_a_foreign_file(tmp_path):
    path = tmp_path / "thesis.db"
    path.write_text("chapter one")
    with pytest.raises(DatabaseError):
        World.build(path, lambda p: handmade_network(), force=True)
    assert path.read_text() == "chapter one"


# What migrations 6, 7 and 8 add, taken away again: a database as netui wrote it before.
UNDO_MIGRATION_8 = (
    "DROP TABLE connections_reversed; CREATE INDEX connections_by_b ON connections (b, a);"
)
UNDO_MIGRATION_7 = f"{UNDO_MIGRATION_8} DROP TABLE drafts;"
UNDO_MIGRATION_6 = (
    f"{UNDO_MIGRATION_7} DROP TABLE charges; DROP INDEX invitations_by_pair;"
    " ALTER TABLE members DROP COLUMN photo;"
)


def test_migration_8_keeps_every_pair_under_its_larger_id_too(handmade_db):
    conn = sqlite3.connect(handmade_db)
    pairs = conn.execute("SELECT a, b FROM connections").fetchall()
    conn.executescript(f"{UNDO_MIGRATION_8} PRAGMA user_version = 7;")
    conn.close()
    world = World.open(handmade_db)
    assert world.db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    reversed_pairs = world.db.execute("SELECT a, b FROM connections_reversed").fetchall()
    assert sorted(reversed_pairs) == sorted(pairs)
    # A member's partners below and above them: the same as reading both directions.
    for member in range(1, 10):
        expected = sorted(
            {b for a, b in pairs if a == member} | {a for a, b in pairs if b == member}
        )
        assert sorted(connections.neighbours(world.db, member)) == expected


def test_migration_7_adds_drafts_to_a_version_6_database(handmade_db):
    conn = sqlite3.connect(handmade_db)
    conn.executescript(f"{UNDO_MIGRATION_7} PRAGMA user_version = 6;")
    conn.close()
    world = World.open(handmade_db)
    assert world.db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    world.save_draft(4, inmail=False, subject="", body="Kept")
    assert world.draft_for(4).body == "Kept"


def test_migration_6_adds_money_and_photos_and_clears_open_profile_on_free(handmade_db):
    conn = sqlite3.connect(handmade_db)
    conn.executescript(
        f"{UNDO_MIGRATION_6} UPDATE members SET open_profile = 1 WHERE id = 3;"
        " PRAGMA user_version = 5;"
    )
    plan_of_3 = conn.execute("SELECT plan FROM members WHERE id = 3").fetchone()[0]
    conn.close()
    world = World.open(handmade_db)
    assert world.db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert world.member(3)["open_profile"] is (plan_of_3 != "free")
    assert all(world.member(m)["photo"] for m in range(1, 10))
    assert world.credits().charges == ()  # money is counted from the upgrade on


def test_migration_5_counts_my_view_by_degree_in_place(handmade_db):
    conn = sqlite3.connect(handmade_db)
    conn.executescript(
        f"{UNDO_MIGRATION_6} DELETE FROM meta WHERE key = 'rank_counts'; PRAGMA user_version = 4;"
    )
    conn.close()
    world = World.open(handmade_db)
    assert world.db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    counted = dict(world.db.execute("SELECT rank, count(*) FROM reach GROUP BY rank").fetchall())
    assert reach.rank_counts(world.db) == counted and sum(counted.values()) == 7
    assert world.stats().degrees == {"1st": 2, "2nd": 2, "3rd": 1, "group": 2, "out": 1}


def test_migration_3_upgrades_a_version_2_database_in_place(handmade_db):
    conn = sqlite3.connect(handmade_db)
    conn.executescript(
        "DROP TABLE inner_fts; DROP INDEX members_by_country; DROP INDEX members_by_country_code;"
        f" DROP INDEX members_by_industry; {UNDO_MIGRATION_6} PRAGMA user_version = 2;"
    )
    conn.close()
    world = World.open(handmade_db)
    assert world.db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    inner = {
        r[0]
        for r in world.db.execute("SELECT rowid FROM inner_fts WHERE inner_fts MATCH 'software'")
    }
    assert inner == {2, 3, 4, 5}  # my 1st and 2nd degree, all in Software
