"""Tables of buyer authorization, business cards, chat and attachments (migration 3).

Same conventions as :mod:`server.db`: every changed row takes its own value of the
server-wide change sequence (``seq``); deletes and "left the scope" are tombstones.
JSON-valued columns hold JSON text.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

social_metadata = sa.MetaData()

#: Append-only log of grant events (``set`` / ``revoke``), the audit trail.
grant_events = sa.Table(
    "grant_events",
    social_metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("buyer_user_id", sa.Integer, nullable=False),
    sa.Column("company_id", sa.Integer, nullable=False),
    sa.Column("action", sa.Text, nullable=False),  # set | revoke
    sa.Column("at", sa.Text, nullable=False),
)
sa.Index("ix_grant_events_pair", grant_events.c.buyer_user_id, grant_events.c.company_id)

#: Current grant state per (buyer, company), derived from the events.
grants = sa.Table(
    "grants",
    social_metadata,
    sa.Column("buyer_user_id", sa.Integer, primary_key=True),
    sa.Column("company_id", sa.Integer, primary_key=True),
    sa.Column("status", sa.Text, nullable=False),  # granted | revoked
    sa.Column("granted_at", sa.Text, nullable=True),
    sa.Column("revoked_at", sa.Text, nullable=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
)
sa.Index("ix_grants_buyer_seq", grants.c.buyer_user_id, grants.c.seq)

#: What a company may know of a buyer: authorized (grant) and/or contacted (the buyer
#: wrote to it or asked for its card).  Drives the ``buyer`` entity of ``company:<id>``.
buyer_links = sa.Table(
    "buyer_links",
    social_metadata,
    sa.Column("company_id", sa.Integer, primary_key=True),
    sa.Column("buyer_user_id", sa.Integer, primary_key=True),
    sa.Column("authorized", sa.Boolean, nullable=False, default=False),
    sa.Column("contacted", sa.Boolean, nullable=False, default=False),
    sa.Column("authorized_at", sa.Text, nullable=True),
    sa.Column("contacted_at", sa.Text, nullable=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
)
sa.Index("ix_buyer_links_company_seq", buyer_links.c.company_id, buyer_links.c.seq)
sa.Index("ix_buyer_links_buyer", buyer_links.c.buyer_user_id)

cards = sa.Table(
    "cards",
    social_metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("owner_user_id", sa.Integer, nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False, default=""),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("company", sa.Text, nullable=False, default=""),
    sa.Column("country", sa.Text, nullable=False, default=""),
    sa.Column("phone", sa.Text, nullable=False, default=""),
    sa.Column("email", sa.Text, nullable=False, default=""),
    sa.Column("website", sa.Text, nullable=False, default=""),
    sa.Column("handles", sa.Text, nullable=False, default="{}"),  # JSON text
    sa.Column("has_photo", sa.Boolean, nullable=False, default=False),
    sa.Column("company_id", sa.Integer, nullable=True),
    sa.Column("role", sa.Text, nullable=False, default="buyer"),
    sa.Column("is_demo", sa.Boolean, nullable=False, default=False),
    sa.Column("version", sa.Integer, nullable=False, default=1),
    sa.Column("updated_at", sa.Text, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False, index=True),
)

card_holdings = sa.Table(
    "card_holdings",
    social_metadata,
    sa.Column("holder_user_id", sa.Integer, primary_key=True),
    sa.Column("card_id", sa.Integer, primary_key=True),
    sa.Column("tags", sa.Text, nullable=False, default="[]"),  # JSON text
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("met_at", sa.Text, nullable=False, default=""),  # booth | chat | deal | ""
    sa.Column("via", sa.Text, nullable=False),  # exchange | sent
    sa.Column("received_at", sa.Text, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
)
sa.Index("ix_card_holdings_holder_seq", card_holdings.c.holder_user_id, card_holdings.c.seq)
sa.Index("ix_card_holdings_card", card_holdings.c.card_id)

card_requests = sa.Table(
    "card_requests",
    social_metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("from_user_id", sa.Integer, nullable=False),
    sa.Column("from_company_id", sa.Integer, nullable=True),  # the requester is staff
    sa.Column("to_user_id", sa.Integer, nullable=True),  # a person (buyer or staff member)
    sa.Column("to_company_id", sa.Integer, nullable=True),  # any staff of it may answer
    sa.Column("buyer_user_id", sa.Integer, nullable=False),
    sa.Column("company_id", sa.Integer, nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("status", sa.Text, nullable=False),  # pending | accepted | declined
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("decided_at", sa.Text, nullable=True),
    sa.Column("decided_by_user_id", sa.Integer, nullable=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
)
sa.Index("ix_card_requests_buyer_seq", card_requests.c.buyer_user_id, card_requests.c.seq)
sa.Index("ix_card_requests_company_seq", card_requests.c.company_id, card_requests.c.seq)
sa.Index("ix_card_requests_status", card_requests.c.status)

conversations = sa.Table(
    "conversations",
    social_metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("buyer_user_id", sa.Integer, nullable=False),
    sa.Column("company_id", sa.Integer, nullable=False),
    sa.Column("started_by", sa.Text, nullable=False),  # buyer | company
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("message_count", sa.Integer, nullable=False, default=0),
    sa.Column("last_message", sa.Text, nullable=True),  # JSON text: preview of the last message
    sa.Column("last_sender_side", sa.Text, nullable=True),  # buyer | company
    sa.Column("last_message_at", sa.Text, nullable=True),
    sa.Column("buyer_unread", sa.Integer, nullable=False, default=0),
    sa.Column("company_unread", sa.Integer, nullable=False, default=0),
    sa.Column("buyer_read_upto", sa.Integer, nullable=False, default=0),
    sa.Column("company_read_upto", sa.Integer, nullable=False, default=0),
    sa.Column("company_read_by", sa.Integer, nullable=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.UniqueConstraint("buyer_user_id", "company_id", name="uq_conversation_pair"),
)
sa.Index("ix_conversations_buyer_seq", conversations.c.buyer_user_id, conversations.c.seq)
sa.Index("ix_conversations_company_seq", conversations.c.company_id, conversations.c.seq)

messages = sa.Table(
    "messages",
    social_metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("conversation_id", sa.Integer, nullable=False),
    sa.Column("n", sa.Integer, nullable=False),  # 1, 2, 3 ... within the conversation
    sa.Column("buyer_user_id", sa.Integer, nullable=False),
    sa.Column("company_id", sa.Integer, nullable=False),
    sa.Column("sender_user_id", sa.Integer, nullable=False),
    sa.Column("sender_name", sa.Text, nullable=False),
    sa.Column("sender_side", sa.Text, nullable=False),  # buyer | company
    sa.Column("client_msg_id", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),  # text | product | attachment
    sa.Column("text", sa.Text, nullable=False, default=""),
    sa.Column("product_id", sa.Integer, nullable=True),
    sa.Column("product", sa.Text, nullable=True),  # JSON text: snapshot for display
    sa.Column("attachment_id", sa.Text, nullable=True),
    sa.Column("attachment", sa.Text, nullable=True),  # JSON text: {id, filename, ...}
    sa.Column("is_demo_reply", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.UniqueConstraint("sender_user_id", "client_msg_id", name="uq_message_client_id"),
    sa.UniqueConstraint("conversation_id", "n", name="uq_message_n"),
)
sa.Index("ix_messages_buyer_seq", messages.c.buyer_user_id, messages.c.seq)
sa.Index("ix_messages_company_seq", messages.c.company_id, messages.c.seq)
sa.Index("ix_messages_attachment", messages.c.attachment_id)

quick_replies = sa.Table(
    "quick_replies",
    social_metadata,
    sa.Column("company_id", sa.Integer, primary_key=True),
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("position", sa.Integer, nullable=False, default=0),
    sa.Column("updated_by", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.Text, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
)
sa.Index("ix_quick_replies_company_seq", quick_replies.c.company_id, quick_replies.c.seq)

attachments = sa.Table(
    "attachments",
    social_metadata,
    sa.Column("id", sa.Text, primary_key=True),  # client-generated UUID
    sa.Column("uploader_user_id", sa.Integer, nullable=False),
    sa.Column("sha256", sa.Text, nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("content_type", sa.Text, nullable=False),  # sniffed, never the declared one
    sa.Column("filename", sa.Text, nullable=False),  # sanitised
    sa.Column("created_at", sa.Text, nullable=False),
)

#: One bot account per demo company (embedded demo only).
demo_bots = sa.Table(
    "demo_bots",
    social_metadata,
    sa.Column("company_id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, nullable=False, unique=True),
)


def create(conn: Connection) -> None:
    """Migration 3: create every table above."""
    social_metadata.create_all(conn)
