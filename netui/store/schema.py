"""The database schema as numbered migrations, keyed on `PRAGMA user_version`.

A migration is applied once, in order, inside one transaction. Never edit a
released migration: add the next one.
"""

from __future__ import annotations

# Stamped into every netui database so a foreign SQLite file is recognised as such.
APPLICATION_ID = 0x6E657475  # "netu"

# Secondary indexes of the big tables. A bulk load drops them and builds them once at
# the end: one sort instead of ten million index updates.
BULK_INDEXES = {
    "group_members_by_member": (
        "CREATE INDEX group_members_by_member ON group_members (member_id, group_id)"
    ),
    "reach_by_rank": "CREATE INDEX reach_by_rank ON reach (rank, member_id)",
    # Search filters (R9.1), as typed: any case.
    "members_by_country": "CREATE INDEX members_by_country ON members (country COLLATE NOCASE)",
    "members_by_country_code": (
        "CREATE INDEX members_by_country_code ON members (country_code COLLATE NOCASE)"
    ),
    "members_by_industry": "CREATE INDEX members_by_industry ON members (industry COLLATE NOCASE)",
}

# The member fields full-text search looks at (R9.1), and how it cuts them into words.
FTS_COLUMNS = "name, headline, company, industry, skills, city, country"
FTS_OPTIONS = (
    "content = 'members', content_rowid = 'id', "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"
)

# My 1st and 2nd degree (ranks 0 and 1) also have a search index of their own.
INNER_CIRCLE_MAX_RANK = 1
INNER_CIRCLE_ROWS = (
    f"SELECT m.id, {', '.join(f'm.{c.strip()}' for c in FTS_COLUMNS.split(','))} "
    "FROM members m JOIN reach r ON r.member_id = m.id "
    f"WHERE r.rank <= {INNER_CIRCLE_MAX_RANK}"
)

MIGRATIONS: tuple[str, ...] = (
    # 1: the world — members, connections, groups, my view of the graph, settings.
    f"""
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
    {BULK_INDEXES["group_members_by_member"]};
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
    {BULK_INDEXES["reach_by_rank"]};
    CREATE VIRTUAL TABLE members_fts USING fts5 ({FTS_COLUMNS}, {FTS_OPTIONS});
    """,
    # 2: messaging, credits and the clock (R3–R7).
    """
    -- Every message between two members. For messages I send, the recipient's
    -- behaviour is decided at sending (fate_*) so outcomes are reproducible (R6.5);
    -- opened/answer/answered record what has happened by the simulated today.
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        sender INTEGER NOT NULL REFERENCES members (id),
        recipient INTEGER NOT NULL REFERENCES members (id),
        kind TEXT NOT NULL,
        category TEXT,
        subject TEXT,
        body TEXT NOT NULL,
        sent TEXT NOT NULL,
        reply_to INTEGER REFERENCES messages (id),
        opens_conversation INTEGER NOT NULL DEFAULT 0,
        cost INTEGER NOT NULL DEFAULT 0,
        mismatch INTEGER NOT NULL DEFAULT 0,
        checklist_score INTEGER,
        refund_policy TEXT,
        refund_on TEXT,
        refunded TEXT,
        fate_opened TEXT,
        fate_answer TEXT,
        fate_answered TEXT,
        opened TEXT,
        answer TEXT,
        answered TEXT,
        read INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX messages_by_sender ON messages (sender, kind, sent);
    CREATE INDEX messages_by_recipient ON messages (recipient, sent);
    CREATE INDEX messages_by_fate_opened ON messages (fate_opened) WHERE fate_opened IS NOT NULL;
    CREATE INDEX messages_by_fate_answered ON messages (fate_answered)
        WHERE fate_answered IS NOT NULL;
    CREATE INDEX messages_by_refund_on ON messages (refund_on) WHERE refund_on IS NOT NULL;
    -- Credits arrive in lots that expire together (R5.4).
    CREATE TABLE lots (
        id INTEGER PRIMARY KEY,
        owner INTEGER NOT NULL REFERENCES members (id),
        source TEXT NOT NULL,
        amount INTEGER NOT NULL,
        remaining INTEGER NOT NULL CHECK (remaining >= 0),
        credited TEXT NOT NULL,
        expires TEXT NOT NULL
    );
    CREATE INDEX lots_by_owner ON lots (owner, expires);
    CREATE INDEX lots_with_credits ON lots (expires) WHERE remaining > 0;
    -- Append-only: the balance is the sum of an owner's entries (R5.7).
    CREATE TABLE ledger (
        id INTEGER PRIMARY KEY,
        owner INTEGER NOT NULL REFERENCES members (id),
        date TEXT NOT NULL,
        kind TEXT NOT NULL,
        amount INTEGER NOT NULL,
        cause TEXT NOT NULL,
        message_id INTEGER REFERENCES messages (id),
        lot_id INTEGER REFERENCES lots (id)
    );
    -- Indexed on owner alone: SQLite appends the rowid, so "newest entries" needs no sort.
    CREATE INDEX ledger_by_owner ON ledger (owner);
    CREATE UNIQUE INDEX one_refund_per_inmail ON ledger (message_id) WHERE kind = 'refund';
    CREATE UNIQUE INDEX one_spend_per_inmail ON ledger (message_id) WHERE kind = 'spend';
    -- The billing side of a member I have played: when grants arrive, what changes next.
    CREATE TABLE accounts (
        member_id INTEGER PRIMARY KEY REFERENCES members (id),
        billing_day INTEGER,
        pending_plan TEXT,
        pending_from TEXT
    );
    CREATE TABLE invitations (
        id INTEGER PRIMARY KEY,
        sender INTEGER NOT NULL REFERENCES members (id),
        recipient INTEGER NOT NULL REFERENCES members (id),
        sent TEXT NOT NULL,
        fate_accepted TEXT,
        status TEXT NOT NULL DEFAULT 'pending',
        decided TEXT
    );
    CREATE INDEX invitations_by_sender ON invitations (sender, status);
    CREATE INDEX invitations_by_fate ON invitations (fate_accepted)
        WHERE fate_accepted IS NOT NULL;
    """,
    # 3: indexes for the search filters, and the same search index for my 1st and 2nd
    # degree only. A broad query ("man…"
    # matches half of a million members) fills its page from these few thousand in
    # milliseconds instead of ranking every match. Kept in step with `reach`.
    f"""
    CREATE VIRTUAL TABLE inner_fts USING fts5 ({FTS_COLUMNS}, {FTS_OPTIONS});
    {BULK_INDEXES["members_by_country"]};
    {BULK_INDEXES["members_by_country_code"]};
    {BULK_INDEXES["members_by_industry"]};
    INSERT INTO inner_fts (rowid, {FTS_COLUMNS}) {INNER_CIRCLE_ROWS};
    """,
    # 4: my score and refund window read only this index, not ten thousand rows.
    """
    DROP INDEX messages_by_sender;
    CREATE INDEX messages_by_sender ON messages (
        sender, kind, sent, reply_to, cost, refunded, refund_policy, opened, answered
    );
    """,
    # 5: how many members my view holds at each degree, kept beside `reach` (see
    # store.reach.rank_counts), so the dashboard does not count a million rows.
    """
    INSERT INTO meta (key, value)
    SELECT 'rank_counts', json_group_object(rank, members)
    FROM (SELECT rank, count(*) AS members FROM reach GROUP BY rank ORDER BY rank)
    WHERE true
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;
    """,
    # 6: SPEC revision 2 — money (R5.8), my profile's photo (R8.2), withdrawn
    # invitations (R3.6), and Open Profile only while on a paid plan (R8.1).
    """
    -- Append-only, like the ledger: every payment with its day, whole cents and cause.
    -- ledger_id names the credit entry it paid for (a pack, a month's grant).
    CREATE TABLE charges (
        id INTEGER PRIMARY KEY,
        owner INTEGER NOT NULL REFERENCES members (id),
        date TEXT NOT NULL,
        cents INTEGER NOT NULL CHECK (cents >= 0),
        cause TEXT NOT NULL,
        ledger_id INTEGER REFERENCES ledger (id)
    );
    CREATE INDEX charges_by_owner ON charges (owner);
    CREATE UNIQUE INDEX one_charge_per_entry ON charges (ledger_id) WHERE ledger_id IS NOT NULL;
    -- Members have a photo unless they take it away (the profile is mine to edit).
    ALTER TABLE members ADD COLUMN photo INTEGER NOT NULL DEFAULT 1;
    UPDATE members SET open_profile = 0 WHERE plan = 'free' AND open_profile;
    CREATE INDEX invitations_by_pair ON invitations (sender, recipient, status);
    """,
    # 7: drafts (issue 14): what I was writing to a member, kept when the form closes.
    """
    -- One draft per recipient for each member I play; kind is what it was written as
    -- ('inmail' or 'message'), saved the simulated day it was last changed.
    CREATE TABLE drafts (
        owner INTEGER NOT NULL REFERENCES members (id),
        recipient INTEGER NOT NULL REFERENCES members (id),
        kind TEXT NOT NULL,
        category TEXT,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        saved TEXT NOT NULL,
        PRIMARY KEY (owner, recipient)
    ) WITHOUT ROWID;
    """,
    # 8: each pair also under its larger id, in a table of its own rather than an index:
    # a bulk load fills it in order from pairs sorted in memory, where an index over
    # ten million pairs must be sorted by SQLite itself (10 s of a 1M-member seed).
    """
    CREATE TABLE connections_reversed (
        b INTEGER NOT NULL,
        a INTEGER NOT NULL,
        PRIMARY KEY (b, a)
    ) WITHOUT ROWID;
    INSERT INTO connections_reversed (b, a) SELECT b, a FROM connections ORDER BY b, a;
    DROP INDEX connections_by_b;
    """,
)
