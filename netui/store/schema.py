"""The database schema as numbered migrations, keyed on `PRAGMA user_version`.

A migration is applied once, in order, inside one transaction. Never edit a
released migration: add the next one.
"""

from __future__ import annotations

# Stamped into every netui database so a foreign SQLite file is recognised as such.
APPLICATION_ID = 0x6E657475  # "netu"

MIGRATIONS: tuple[str, ...] = (
    # 1: the world — members, connections, groups, my view of the graph, settings.
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        headline TEXT NOT NULL,
        company TEXT NOT NULL,
        industry TEXT NOT NULL,
        city TEXT NOT NULL,
        country TEXT NOT NULL,
        country_code TEXT NOT NULL,
        locale TEXT NOT NULL,
        skills TEXT NOT NULL,
        summary TEXT NOT NULL,
        joined TEXT NOT NULL,
        plan TEXT NOT NULL,
        open_profile INTEGER NOT NULL,
        accepts_inmail INTEGER NOT NULL,
        categories TEXT NOT NULL,
        contact_visible INTEGER NOT NULL,
        activity REAL NOT NULL,
        responsiveness REAL NOT NULL
    );
    -- Undirected: each pair once, a < b; the second index finds b's neighbours.
    CREATE TABLE connections (
        a INTEGER NOT NULL,
        b INTEGER NOT NULL,
        PRIMARY KEY (a, b),
        CHECK (a < b)
    ) WITHOUT ROWID;
    CREATE INDEX connections_by_b ON connections (b, a);
    CREATE TABLE groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        topic TEXT NOT NULL,
        industry TEXT NOT NULL
    );
    CREATE TABLE group_members (
        group_id INTEGER NOT NULL,
        member_id INTEGER NOT NULL,
        PRIMARY KEY (group_id, member_id)
    ) WITHOUT ROWID;
    CREATE INDEX group_members_by_member ON group_members (member_id, group_id);
    -- My view of the graph (R2), computed once per persona so opening a database
    -- never rebuilds the world. Members absent from it are out of network.
    -- hops: 1..3, or NULL beyond the third degree; parent: the next member on one
    -- shortest path back to me.
    CREATE TABLE reach (
        member_id INTEGER PRIMARY KEY,
        hops INTEGER,
        parent INTEGER,
        mutual INTEGER NOT NULL,
        shared_groups INTEGER NOT NULL,
        rank INTEGER NOT NULL
    );
    CREATE INDEX reach_by_rank ON reach (rank, member_id);
    CREATE VIRTUAL TABLE members_fts USING fts5 (
        name, headline, company, industry, skills, city, country,
        content = 'members', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
    );
    """,
)
