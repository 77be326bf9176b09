"""Tables of the exhibitor's workspace: view counting, daily figures, leads (migration 5,
docs/protocol.md §9).

Same conventions as :mod:`server.db`: every changed row that is pulled takes its own
value of the server-wide change sequence (``seq``); days are UTC dates ``YYYY-MM-DD``.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

workspace_metadata = sa.MetaData()

#: One row per (buyer, entity, day) that was counted: the dedup of ``view.record``.
view_marks = sa.Table(
    "view_marks",
    workspace_metadata,
    sa.Column("user_id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.Text, primary_key=True),  # booth | product
    sa.Column("entity_id", sa.Integer, primary_key=True),
    sa.Column("day", sa.Text, primary_key=True),
    sa.Column("company_id", sa.Integer, nullable=False),
)

#: Daily figures of a company (the ``figures_day`` entity of ``company:<id>``).
figures_days = sa.Table(
    "figures_days",
    workspace_metadata,
    sa.Column("company_id", sa.Integer, primary_key=True),
    sa.Column("day", sa.Text, primary_key=True),
    sa.Column("booth_visits", sa.Integer, nullable=False, default=0),
    sa.Column("product_views", sa.Integer, nullable=False, default=0),
    sa.Column("inquiries", sa.Integer, nullable=False, default=0),
    sa.Column("deals", sa.Integer, nullable=False, default=0),
    sa.Column("grants", sa.Integer, nullable=False, default=0),
    sa.Column("card_requests", sa.Integer, nullable=False, default=0),
    sa.Column("top_products", sa.Text, nullable=False, default="[]"),  # JSON text
    sa.Column("updated_at", sa.Text, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
)
sa.Index("ix_figures_days_company_seq", figures_days.c.company_id, figures_days.c.seq)

#: Counted views per product and day (top products).
product_view_days = sa.Table(
    "product_view_days",
    workspace_metadata,
    sa.Column("company_id", sa.Integer, primary_key=True),
    sa.Column("day", sa.Text, primary_key=True),
    sa.Column("product_id", sa.Integer, primary_key=True),
    sa.Column("views", sa.Integer, nullable=False),
)

#: Leads: buyers who authorized, messaged or opened a deal with a company.
leads = sa.Table(
    "leads",
    workspace_metadata,
    sa.Column("company_id", sa.Integer, primary_key=True),
    sa.Column("buyer_user_id", sa.Integer, primary_key=True),
    sa.Column("authorized", sa.Boolean, nullable=False),
    sa.Column("messaged", sa.Boolean, nullable=False),
    sa.Column("deal", sa.Boolean, nullable=False),
    sa.Column("deal_count", sa.Integer, nullable=False, default=0),
    sa.Column("message_count", sa.Integer, nullable=False, default=0),
    sa.Column("first_contact_at", sa.Text, nullable=True),
    sa.Column("last_contact_at", sa.Text, nullable=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
)
sa.Index("ix_leads_company_seq", leads.c.company_id, leads.c.seq)


def create(conn: Connection) -> None:
    """Migration 5: create every table above, the indexes the counting needs on the
    tables of §7/§8, and derive leads and figures from the records already there."""
    workspace_metadata.create_all(conn)
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_grant_events_company_at ON grant_events (company_id, at)")
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_deals_company_buyer ON deals (company_id, buyer_user_id)")
    from server.workspace import backfill

    backfill(conn)
