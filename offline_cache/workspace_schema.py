"""Cache schema version 5: the exhibitor's workspace: figures and leads (protocol section 9).

Appended to offline_cache.schema.MIGRATIONS; never edit once released.

- ``ws_figures``: one ``figures_day`` per (company, UTC day), the whole wire object in
  ``data``.
- ``ws_leads``: one ``lead`` per (company, buyer), with the columns the lead list filters
  and sorts on.
- ``ws_views``: the views this client already queued today (``view.record`` is queued
  once per kind/id/UTC day so browsing does not flood the outbox).
- ``ws_uploads``: images to upload before the catalog/booth mutation (outbox ``seq``)
  that names them (product images, logo, banner): ``local_path`` is the file to PUT.
- ``ws_resolved``: rejected catalog/booth edits the user has resolved (kept mine or took
  theirs); the others are listed as conflicts.
- ``ws_outbox_rejected``: rejected outbox items by type (the conflict list reads them).
- ``ws_merged``: open edits a later local edit of the same product/booth was merged
  into (checked against the server's result once applied).
- ``ws_imports``: spreadsheet imports queued here (one ``product.import`` each) with the
  spreadsheet row number of each product, to show the server's per-row errors.
"""

from __future__ import annotations

SQL = """
CREATE TABLE ws_figures (
    company_id INTEGER NOT NULL, day TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (company_id, day)
);
CREATE TABLE ws_leads (
    company_id INTEGER NOT NULL, user_id INTEGER NOT NULL,
    display_name TEXT, company TEXT, country TEXT, email TEXT, sources TEXT,
    first_contact_at TEXT, last_contact_at TEXT, message_count INTEGER, deal_count INTEGER,
    data TEXT NOT NULL,
    PRIMARY KEY (company_id, user_id)
);
CREATE TABLE ws_views (
    kind TEXT NOT NULL, target_id INTEGER NOT NULL, day TEXT NOT NULL,
    seq INTEGER,
    PRIMARY KEY (kind, target_id, day)
);
CREATE TABLE ws_uploads (
    attachment_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    purpose TEXT NOT NULL,
    local_path TEXT NOT NULL,
    filename TEXT,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'uploaded', 'failed')),
    reason TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX ws_uploads_seq ON ws_uploads(seq);
CREATE TABLE ws_resolved (
    seq INTEGER PRIMARY KEY,
    how TEXT NOT NULL,
    new_seq INTEGER,
    resolved_at TEXT NOT NULL
);
CREATE INDEX ws_outbox_rejected ON outbox(type, seq) WHERE state = 'rejected';
CREATE TABLE ws_merged (
    seq INTEGER PRIMARY KEY
);
CREATE TABLE ws_imports (
    seq INTEGER PRIMARY KEY,
    company_id INTEGER,
    filename TEXT NOT NULL DEFAULT '',
    row_numbers TEXT NOT NULL DEFAULT '[]',
    created INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
"""
