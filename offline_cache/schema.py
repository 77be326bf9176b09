"""The cache schema and its migrations.

The schema version lives in ``PRAGMA user_version`` and, for humans and salvage, in the
``meta`` table (key ``schema_version``). ``MIGRATIONS[i]`` takes a database at version
``i`` to version ``i + 1``; a new schema version appends one entry and never edits the
older ones. ``migrate`` runs inside the caller's transaction (the writer thread's
``BEGIN IMMEDIATE``), so a crash mid-migration leaves the old version intact.

Scope membership of products: a product row is stored once even when it is both in a
followed section's scope and in a company scope (exhibitor staff). ``sec_scope`` holds
the id of the section scope that delivered it (NULL if none), ``co_scope`` the id of the
company scope that delivered it. A row is deleted only when neither holds it any more.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from . import deals_schema, workspace_schema

FTS_TOKENIZE = "unicode61 remove_diacritics 2"

# the FTS column order (schema version 2 on); bm25 weights in search.py follow it
FTS_COLUMNS = ("name", "extra", "facets")
# FTS5 settings of product_fts (version 2 on; persistent, in product_fts_config):
# 4 KB index pages (fewer, larger leaf writes) and a lazier automatic merge (merge 16
# segments of a level at a time instead of 4: each token's data is rewritten about half
# as often during a big sync). Search.merge_index, run when idle after a large sync,
# then merges what is left.
FTS_OPTIONS = ""
FTS_CONFIG: tuple[tuple[str, int], ...] = (
    ("pgsz", 4050), ("automerge", 16), ("crisismerge", 64),
)

PRODUCT_COLUMNS = (
    "id", "company_id", "section_id", "category_id", "name_en", "name_zh", "desc_en",
    "desc_zh", "specs", "image_count", "price_min_cents", "price_max_cents", "currency",
    "moq", "unit_en", "unit_zh", "lead_time_days", "certifications", "keywords", "hidden",
    "version", "updated_at",
)
COMPANY_COLUMNS = (
    "id", "name_en", "name_zh", "country", "city", "founded", "employees", "profile_en",
    "profile_zh", "booth_no", "main_section_id", "section_ids", "has_logo", "has_banner",
    "is_demo", "version", "updated_at",
)
CATEGORY_COLUMNS = ("id", "slug", "name_en", "name_zh", "position")
SECTION_COLUMNS = (
    "id", "category_id", "slug", "name_en", "name_zh", "position", "booth_count",
    "product_count", "est_bytes",
)
PROFILE_COLUMNS = (
    "user_id", "display_name", "email", "role", "company_id", "company", "country",
    "interests", "annual_volume", "version",
)
FAVOURITE_COLUMNS = ("id", "kind", "target_id", "note", "tags", "created_at")
STAFF_COLUMNS = ("user_id", "display_name", "email", "company_id")

# fields stored as JSON text and returned parsed
JSON_FIELDS = frozenset({"specs", "certifications", "section_ids", "interests", "tags"})
BOOL_FIELDS = frozenset({"hidden", "has_logo", "has_banner", "is_demo"})

_V1 = f"""
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE scopes (
    scope TEXT PRIMARY KEY,
    cursor TEXT,
    tracked_at TEXT NOT NULL,
    synced_at TEXT,
    complete INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    slug TEXT, name_en TEXT, name_zh TEXT, position INTEGER
);
CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    category_id INTEGER, slug TEXT, name_en TEXT, name_zh TEXT, position INTEGER,
    booth_count INTEGER, product_count INTEGER, est_bytes INTEGER
);
CREATE INDEX sections_category ON sections(category_id, position);
CREATE TABLE companies (
    id INTEGER PRIMARY KEY,
    name_en TEXT, name_zh TEXT, country TEXT, city TEXT, founded INTEGER,
    employees INTEGER, profile_en TEXT, profile_zh TEXT, booth_no TEXT,
    main_section_id INTEGER, section_ids TEXT, has_logo INTEGER, has_banner INTEGER,
    is_demo INTEGER, version INTEGER, updated_at TEXT
);
CREATE INDEX companies_main_section ON companies(main_section_id);
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    company_id INTEGER, section_id INTEGER, category_id INTEGER,
    name_en TEXT, name_zh TEXT, desc_en TEXT, desc_zh TEXT, specs TEXT,
    image_count INTEGER, price_min_cents INTEGER, price_max_cents INTEGER, currency TEXT,
    moq INTEGER, unit_en TEXT, unit_zh TEXT, lead_time_days INTEGER, certifications TEXT,
    keywords TEXT, hidden INTEGER NOT NULL DEFAULT 0, version INTEGER, updated_at TEXT,
    sec_scope INTEGER, co_scope INTEGER
);
CREATE INDEX products_section ON products(section_id);
CREATE INDEX products_company ON products(company_id);
-- tiny partial indexes: rows held by a scope other than their own section's
CREATE INDEX products_sec_scope_moved ON products(sec_scope)
    WHERE sec_scope IS NOT NULL AND sec_scope != section_id;
CREATE INDEX products_co_scope ON products(co_scope) WHERE co_scope IS NOT NULL;
CREATE VIRTUAL TABLE product_fts USING fts5(
    name_en, name_zh, keywords, desc_en, desc_zh, company, facets,
    tokenize = '{FTS_TOKENIZE}'
);
CREATE TABLE profile (
    user_id INTEGER PRIMARY KEY,
    display_name TEXT, email TEXT, role TEXT, company_id INTEGER, company TEXT,
    country TEXT, interests TEXT, annual_volume TEXT, version INTEGER
);
CREATE TABLE favourites (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL, target_id INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]', created_at TEXT
);
CREATE TABLE staff (
    user_id INTEGER PRIMARY KEY,
    display_name TEXT, email TEXT, company_id INTEGER
);
CREATE INDEX staff_company ON staff(company_id);
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    args TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sent', 'applied', 'rejected')),
    code TEXT,
    reason TEXT,
    result TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX outbox_open ON outbox(seq) WHERE state IN ('pending', 'sent');
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        # executescript would COMMIT the caller's transaction: run statement by statement
        for stmt in _split(sql):
            conn.execute(stmt)

    return run


def _split(sql: str) -> list[str]:
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def create_fts(conn: sqlite3.Connection) -> None:
    """Create the current (version 2 on) ``product_fts`` layout and its settings."""
    conn.execute(
        f"CREATE VIRTUAL TABLE product_fts USING fts5({', '.join(FTS_COLUMNS)}, "
        f"tokenize = '{FTS_TOKENIZE}'{FTS_OPTIONS})"
    )
    for key, value in FTS_CONFIG:
        conn.execute("INSERT INTO product_fts(product_fts, rank) VALUES (?, ?)", (key, value))


def _v2(conn: sqlite3.Connection) -> None:
    """The lean full-text index: names, keywords + company, facets (no descriptions).

    The index is rebuilt from the cached products (no re-download; the outbox and
    everything else are untouched).
    """
    from .search import rebuild_index

    conn.execute("DROP TABLE IF EXISTS product_fts")
    create_fts(conn)
    rebuild_index(conn)


# version 3: authorization, cards and chat (protocol section 7), see offline_cache/social.py.
# Each entity keeps its whole wire object in ``data`` (JSON) plus the columns queries
# filter and sort on. ``social_outgoing`` holds messages written here that the server has
# not delivered back yet ("waiting to send"), with the local file of an attachment.
_V3 = """
CREATE TABLE social_grants (
    company_id INTEGER PRIMARY KEY,
    status TEXT, version INTEGER, data TEXT NOT NULL
);
CREATE TABLE social_buyers (
    company_id INTEGER NOT NULL, user_id INTEGER NOT NULL,
    display_name TEXT, data TEXT NOT NULL,
    PRIMARY KEY (company_id, user_id)
);
CREATE TABLE social_cards (
    id INTEGER PRIMARY KEY,
    mine INTEGER NOT NULL DEFAULT 0, name TEXT, company TEXT, data TEXT NOT NULL
);
CREATE TABLE social_card_requests (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL, status TEXT, direction TEXT, created_at TEXT, data TEXT NOT NULL
);
CREATE INDEX social_card_requests_scope ON social_card_requests(scope);
CREATE TABLE social_conversations (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL, buyer_user_id INTEGER, company_id INTEGER,
    last_message_at TEXT, unread INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL
);
CREATE INDEX social_conversations_scope ON social_conversations(scope, last_message_at);
CREATE TABLE social_messages (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL, conversation_id INTEGER NOT NULL, n INTEGER NOT NULL,
    client_msg_id TEXT, sender_user_id INTEGER, text TEXT, created_at TEXT,
    data TEXT NOT NULL
);
CREATE INDEX social_messages_conv ON social_messages(conversation_id, n);
CREATE INDEX social_messages_cmid ON social_messages(client_msg_id);
CREATE INDEX social_messages_scope ON social_messages(scope);
CREATE TABLE social_quick_replies (
    id TEXT PRIMARY KEY,
    company_id INTEGER, position INTEGER, data TEXT NOT NULL
);
CREATE TABLE social_outgoing (
    client_msg_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    conversation_id INTEGER, company_id INTEGER, buyer_user_id INTEGER,
    kind TEXT NOT NULL, text TEXT NOT NULL DEFAULT '', product_id INTEGER,
    attachment_id TEXT, local_path TEXT, filename TEXT,
    upload_state TEXT CHECK (upload_state IS NULL
        OR upload_state IN ('pending', 'uploaded', 'failed')),
    state TEXT NOT NULL DEFAULT 'waiting'
        CHECK (state IN ('waiting', 'sent', 'rejected')),
    code TEXT, reason TEXT, message_id INTEGER,
    created_at TEXT NOT NULL
);
CREATE INDEX social_outgoing_seq ON social_outgoing(seq);
"""

def _v6(conn: sqlite3.Connection) -> None:
    """Make sure the deal and workspace tables exist: development builds stamped caches
    with versions 4 and 5 before those migrations held their tables. A no-op on every
    cache migrated by a release."""
    for sql in (deals_schema.SQL, workspace_schema.SQL):
        for stmt in _split(sql):
            stmt = stmt.replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", 1)
            stmt = stmt.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1)
            conn.execute(stmt)


# MIGRATIONS[i] migrates version i -> i + 1 (append only)
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(_V1), _v2, _script(_V3), _script(deals_schema.SQL), _script(workspace_schema.SQL),
    _v6,
]
SCHEMA_VERSION = len(MIGRATIONS)


class IncompatibleSchema(Exception):
    """The cache was written by a newer FairDesk (a schema version we do not know)."""


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, now: str) -> int:
    """Bring the schema to SCHEMA_VERSION inside the caller's transaction.

    Returns the version found before migrating. Raises IncompatibleSchema when the file
    is newer than this code.
    """
    found = user_version(conn)
    if found > SCHEMA_VERSION:
        raise IncompatibleSchema(
            f"cache schema version {found} is newer than this FairDesk ({SCHEMA_VERSION})"
        )
    for version in range(found, SCHEMA_VERSION):
        MIGRATIONS[version](conn)
    if found != SCHEMA_VERSION:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(SCHEMA_VERSION),),
        )
        if found == 0:
            conn.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('created_at', ?)", (now,)
            )
    return found
