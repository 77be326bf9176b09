"""Tables of deals: negotiation and network signing (migration 4, docs/protocol.md §8).

Same conventions as :mod:`server.db`: every changed row takes its own value of the
server-wide change sequence (``seq``).  JSON-valued columns hold canonical JSON text
(sorted keys, no whitespace, UTF-8).  ``deal_events`` is append-only and hash-chained.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

deals_metadata = sa.MetaData()

#: One deal per (buyer, company) negotiation: its current state, terms and version.
deals = sa.Table(
    "deals",
    deals_metadata,
    sa.Column("id", sa.Text, primary_key=True),  # client-generated UUID (canonical lowercase)
    sa.Column("buyer_user_id", sa.Integer, nullable=False),
    sa.Column("company_id", sa.Integer, nullable=False),
    sa.Column("conversation_id", sa.Integer, nullable=True),
    sa.Column("product_ids", sa.Text, nullable=False, default="[]"),  # JSON text
    sa.Column("opened_by", sa.Text, nullable=False),  # buyer | company
    sa.Column("opened_by_user_id", sa.Integer, nullable=False),
    # draft | offered | countered | accepted | signed | declined | withdrawn
    sa.Column("state", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("offer_by", sa.Text, nullable=True),  # side of the current offer's maker
    sa.Column("offer_user_id", sa.Integer, nullable=True),
    sa.Column("terms", sa.Text, nullable=True),  # canonical JSON text of the current terms
    sa.Column("terms_hash", sa.Text, nullable=True),
    sa.Column("valid_until", sa.Text, nullable=True),  # of the current offer
    sa.Column("accepted_version", sa.Integer, nullable=True),
    sa.Column("accepted_at", sa.Text, nullable=True),
    sa.Column("signatures", sa.Text, nullable=False, default="[]"),  # JSON text
    sa.Column("signed_at", sa.Text, nullable=True),
    sa.Column("event_count", sa.Integer, nullable=False),
    sa.Column("head_hash", sa.Text, nullable=False),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("updated_at", sa.Text, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
)
sa.Index("ix_deals_buyer_seq", deals.c.buyer_user_id, deals.c.seq)
sa.Index("ix_deals_company_seq", deals.c.company_id, deals.c.seq)
sa.Index("ix_deals_state", deals.c.state)

#: The append-only, hash-chained history of each deal.
deal_events = sa.Table(
    "deal_events",
    deals_metadata,
    sa.Column("deal_id", sa.Text, primary_key=True),
    sa.Column("n", sa.Integer, primary_key=True),  # 1, 2, 3 ... within the deal
    sa.Column("buyer_user_id", sa.Integer, nullable=False),
    sa.Column("company_id", sa.Integer, nullable=False),
    # open | offer | counter | accept | decline | withdraw | sign
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("actor_side", sa.Text, nullable=False),  # buyer | company
    sa.Column("actor_user_id", sa.Integer, nullable=False),
    sa.Column("actor_name", sa.Text, nullable=False),  # display only (not hashed)
    sa.Column("version", sa.Integer, nullable=False),  # the deal version this event made
    sa.Column("terms", sa.Text, nullable=True),  # canonical JSON text (event payload)
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("prev_hash", sa.Text, nullable=False),
    sa.Column("hash", sa.Text, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
)
sa.Index("ix_deal_events_buyer_seq", deal_events.c.buyer_user_id, deal_events.c.seq)
sa.Index("ix_deal_events_company_seq", deal_events.c.company_id, deal_events.c.seq)

#: Registered Ed25519 public keys (a user may have several: rotation keeps old ones).
signing_keys = sa.Table(
    "signing_keys",
    deals_metadata,
    sa.Column("fingerprint", sa.Text, primary_key=True),  # first 16 hex of SHA-256(raw)
    sa.Column("user_id", sa.Integer, nullable=False),
    sa.Column("public_key", sa.Text, nullable=False),  # base64 of the raw 32 bytes
    sa.Column("is_demo", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
)
sa.Index("ix_signing_keys_user_seq", signing_keys.c.user_id, signing_keys.c.seq)

#: Private keys of the demo bots (embedded demo only; never of a human).
demo_signing_keys = sa.Table(
    "demo_signing_keys",
    deals_metadata,
    sa.Column("user_id", sa.Integer, primary_key=True),
    sa.Column("private_key", sa.Text, nullable=False),  # base64 of the raw 32-byte seed
)


def create(conn: Connection) -> None:
    """Migration 4: create every table above."""
    deals_metadata.create_all(conn)
