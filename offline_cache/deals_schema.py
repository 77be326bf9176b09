"""Cache schema version 4: deals and signing keys (protocol section 8).

Appended to offline_cache.schema.MIGRATIONS; never edit once released.

- ``deals``: one row per deal (the whole wire object in ``data``) plus the columns the
  lists sort and filter on; ``scope`` is the pulled scope that holds it (``me`` for a
  buyer, ``company:<id>`` for staff); ``local`` is 1 for a deal opened here whose
  ``deal.open`` the server has not confirmed yet; ``search`` is the lower-cased text the
  list filter looks in (parties, item descriptions, place).
- ``deal_events``: the append-only history (wire object in ``data``).
- ``signing_keys``: this user's registered public keys (``me`` scope).
- ``deal_commands``: local-first commands on deals, keyed by the outbox ``seq``:
  ``state`` ``pending`` until the server's result, then deleted when applied, or kept as
  ``rejected`` (with ``code`` and ``reason``) until the user dismisses it.
"""

from __future__ import annotations

SQL = """
CREATE TABLE deals (
    id TEXT PRIMARY KEY,
    scope TEXT NOT NULL,
    company_id INTEGER,
    buyer_user_id INTEGER,
    state TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT,
    local INTEGER NOT NULL DEFAULT 0,
    search TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL
);
CREATE INDEX deals_updated ON deals(updated_at);
CREATE INDEX deals_scope ON deals(scope);
CREATE TABLE deal_events (
    deal_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (deal_id, n)
);
CREATE TABLE signing_keys (
    fingerprint TEXT PRIMARY KEY,
    data TEXT NOT NULL
);
CREATE TABLE deal_commands (
    seq INTEGER PRIMARY KEY,
    deal_id TEXT NOT NULL,
    type TEXT NOT NULL,
    args TEXT NOT NULL,
    made_on_version INTEGER,
    state TEXT NOT NULL,
    code TEXT,
    reason TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX deal_commands_deal ON deal_commands(deal_id);
"""
