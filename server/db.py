"""Database: schema (SQLAlchemy Core), versioned migrations, engine, change sequence.

Design notes
------------
* Every write takes values of ONE server-wide change sequence (``counters`` row
  ``seq``) with ``UPDATE counters SET value = value + n ... RETURNING value`` inside the
  writing transaction.  The row lock (SQLite: the database write lock; PostgreSQL: the
  row lock) is held until commit, so sequence order == commit order.
* Each changed row gets its OWN sequence value (a transaction that changes three rows
  takes three values), so within one scope no two changes share a sequence value and
  a cursor is just "the last sequence value delivered".
* Entity tables carry ``seq`` = the sequence value of their last change, indexed to
  match the scope queries.  Deletes and "moved out of a scope" are rows of
  ``tombstones(scope, entity, entity_id, seq)``.  Purging tombstones raises the
  scope's horizon (``scope_horizons``); cursors below it answer "reset".
* Write transactions on SQLite use ``BEGIN IMMEDIATE`` (see :func:`write_tx`) so two
  writers never deadlock on a lock upgrade.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)

metadata = sa.MetaData()

# --------------------------------------------------------------------------- tables

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("applied_at", sa.Text, nullable=False),
)

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

counters = sa.Table(
    "counters",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

categories = sa.Table(
    "categories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("slug", sa.Text, nullable=False),
    sa.Column("name_en", sa.Text, nullable=False),
    sa.Column("name_zh", sa.Text, nullable=False),
    sa.Column("position", sa.Integer, nullable=False, default=0),
    sa.Column("seq", sa.BigInteger, nullable=False, index=True),
)

sections = sa.Table(
    "sections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("category_id", sa.Integer, sa.ForeignKey("categories.id"), nullable=False),
    sa.Column("slug", sa.Text, nullable=False),
    sa.Column("name_en", sa.Text, nullable=False),
    sa.Column("name_zh", sa.Text, nullable=False),
    sa.Column("position", sa.Integer, nullable=False, default=0),
    sa.Column("booth_count", sa.Integer, nullable=False, default=0),
    sa.Column("product_count", sa.Integer, nullable=False, default=0),
    sa.Column("est_bytes", sa.BigInteger, nullable=False, default=0),
    sa.Column("seq", sa.BigInteger, nullable=False, index=True),
)

companies = sa.Table(
    "companies",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name_en", sa.Text, nullable=False),
    sa.Column("name_zh", sa.Text, nullable=False, default=""),
    sa.Column("country", sa.Text, nullable=False, default=""),
    sa.Column("city", sa.Text, nullable=False, default=""),
    sa.Column("founded", sa.Integer, nullable=True),
    sa.Column("employees", sa.Integer, nullable=True),
    sa.Column("profile_en", sa.Text, nullable=False, default=""),
    sa.Column("profile_zh", sa.Text, nullable=False, default=""),
    sa.Column("booth_no", sa.Text, nullable=False, default=""),
    sa.Column("main_section_id", sa.Integer, sa.ForeignKey("sections.id"), nullable=True),
    sa.Column("section_ids", sa.Text, nullable=False, default="[]"),  # JSON text
    sa.Column("has_logo", sa.Boolean, nullable=False, default=False),
    sa.Column("has_banner", sa.Boolean, nullable=False, default=False),
    sa.Column("is_demo", sa.Boolean, nullable=False, default=False),
    sa.Column("join_code", sa.Text, nullable=False, unique=True),
    sa.Column("version", sa.Integer, nullable=False, default=1),
    sa.Column("updated_at", sa.Text, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False, index=True),
)

products = sa.Table(
    "products",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("company_id", sa.Integer, sa.ForeignKey("companies.id"), nullable=False),
    sa.Column("section_id", sa.Integer, sa.ForeignKey("sections.id"), nullable=False),
    sa.Column("category_id", sa.Integer, nullable=False),
    sa.Column("name_en", sa.Text, nullable=False),
    sa.Column("name_zh", sa.Text, nullable=False, default=""),
    sa.Column("desc_en", sa.Text, nullable=False, default=""),
    sa.Column("desc_zh", sa.Text, nullable=False, default=""),
    sa.Column("specs", sa.Text, nullable=False, default="[]"),  # JSON text
    sa.Column("image_count", sa.Integer, nullable=False, default=0),
    sa.Column("price_min_cents", sa.BigInteger, nullable=True),
    sa.Column("price_max_cents", sa.BigInteger, nullable=True),
    sa.Column("currency", sa.Text, nullable=False, default="USD"),
    sa.Column("moq", sa.Integer, nullable=False, default=1),
    sa.Column("unit_en", sa.Text, nullable=False, default="piece"),
    sa.Column("unit_zh", sa.Text, nullable=False, default="件"),
    sa.Column("lead_time_days", sa.Integer, nullable=True),
    sa.Column("certifications", sa.Text, nullable=False, default="[]"),  # JSON text
    sa.Column("keywords", sa.Text, nullable=False, default=""),
    sa.Column("hidden", sa.Boolean, nullable=False, default=False),
    sa.Column("version", sa.Integer, nullable=False, default=1),
    sa.Column("updated_at", sa.Text, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sqlite_autoincrement=True,  # product ids are never reused after a delete
)
sa.Index("ix_products_section_seq", products.c.section_id, products.c.seq)
sa.Index("ix_products_company_seq", products.c.company_id, products.c.seq)

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("email", sa.Text, nullable=False, unique=True),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("display_name", sa.Text, nullable=False),
    sa.Column("role", sa.Text, nullable=False),  # buyer | exhibitor
    sa.Column("company_id", sa.Integer, sa.ForeignKey("companies.id"), nullable=True),
    sa.Column("company", sa.Text, nullable=False, default=""),
    sa.Column("country", sa.Text, nullable=False, default=""),
    sa.Column("interests", sa.Text, nullable=False, default="[]"),  # JSON text
    sa.Column("annual_volume", sa.Text, nullable=False, default=""),
    sa.Column("disabled", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False, default=1),
    sa.Column("seq", sa.BigInteger, nullable=False, index=True),
)
sa.Index("ix_users_company_seq", users.c.company_id, users.c.seq)

tokens = sa.Table(
    "tokens",
    metadata,
    sa.Column("token_hash", sa.Text, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("revoked_at", sa.Text, nullable=True),
)

login_failures = sa.Table(
    "login_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("email", sa.Text, nullable=False, index=True),
    sa.Column("addr", sa.Text, nullable=False, index=True),
    sa.Column("at", sa.Float, nullable=False, index=True),
)

favourites = sa.Table(
    "favourites",
    metadata,
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), primary_key=True),
    sa.Column("kind", sa.Text, primary_key=True),
    sa.Column("target_id", sa.Integer, primary_key=True),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("tags", sa.Text, nullable=False, default="[]"),  # JSON text
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
)
sa.Index("ix_favourites_user_seq", favourites.c.user_id, favourites.c.seq)

push_clients = sa.Table(
    "push_clients",
    metadata,
    sa.Column("client_id", sa.Text, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("last_seq", sa.BigInteger, nullable=False, default=0),
)

push_results = sa.Table(
    "push_results",
    metadata,
    sa.Column("client_id", sa.Text, primary_key=True),
    sa.Column("seq", sa.BigInteger, primary_key=True),
    sa.Column("user_id", sa.Integer, nullable=False),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),  # applied | rejected
    sa.Column("code", sa.Text, nullable=True),
    sa.Column("reason", sa.Text, nullable=True),
    sa.Column("result", sa.Text, nullable=True),  # JSON text
    sa.Column("applied_at", sa.Text, nullable=False),
)

tombstones = sa.Table(
    "tombstones",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("scope", sa.Text, nullable=False),
    sa.Column("entity", sa.Text, nullable=False),
    sa.Column("entity_id", sa.Text, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False, index=True),
)
sa.Index("ix_tombstones_scope_seq", tombstones.c.scope, tombstones.c.seq)
sa.Index(
    "ix_tombstones_scope_entity", tombstones.c.scope, tombstones.c.entity, tombstones.c.entity_id
)

scope_horizons = sa.Table(
    "scope_horizons",
    metadata,
    sa.Column("scope", sa.Text, primary_key=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
)


# ----------------------------------------------------------------------- migrations

SEQ = "seq"


def _m1_initial(conn: Connection) -> None:
    """Version 1: every table above."""
    metadata.create_all(conn)
    conn.execute(counters.insert().values(name=SEQ, value=0))
    conn.execute(
        meta.insert(),
        [
            {"key": "epoch", "value": uuid.uuid4().hex},
            {"key": "cursor_key", "value": secrets.token_hex(32)},
            {"key": "name", "value": "FairDesk fair"},
            {"key": "demo", "value": "0"},
        ],
    )


def _m2_search(conn: Connection) -> None:
    """Version 2: the server-side full-text index (see :mod:`server.catalog`)."""
    from server import catalog

    catalog.create_search_index(conn)


def _m3_social(conn: Connection) -> None:
    """Version 3: grants, cards, chat, attachments (see :mod:`server.social_schema`)."""
    from server import social_schema

    social_schema.create(conn)


def _m4_deals(conn: Connection) -> None:
    """Version 4: deals, their hash-chained events, signing keys (see :mod:`server.deals_schema`)."""
    from server import deals_schema

    deals_schema.create(conn)


def _m5_workspace(conn: Connection) -> None:
    """Version 5: view counting, daily figures, leads (see :mod:`server.workspace_schema`)."""
    from server import workspace_schema

    workspace_schema.create(conn)


def _m6_uploads(conn: Connection) -> None:
    """Version 6: uploaded card photos, company logos/banners, product images (see :mod:`server.uploads`)."""
    from server import uploads

    uploads.create(conn)


#: Ordered migration steps: (version, function). Append, never edit or reorder.
MIGRATIONS: list[tuple[int, Callable[[Connection], None]]] = [
    (1, _m1_initial),
    (2, _m2_search),
    (3, _m3_social),
    (4, _m4_deals),
    (5, _m5_workspace),
    (6, _m6_uploads),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    insp = sa.inspect(conn)
    if not insp.has_table("schema_version"):
        return 0
    v = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()
    return int(v or 0)


def migrate(engine: Engine) -> int:
    """Bring the schema up to :data:`SCHEMA_VERSION`; returns the version."""
    with write_tx(engine) as conn:
        v = current_version(conn)
        if v > SCHEMA_VERSION:
            raise RuntimeError(
                f"database schema version {v} is newer than this server ({SCHEMA_VERSION})"
            )
        for version, step in MIGRATIONS:
            if version <= v:
                continue
            log.info("applying migration %d (%s)", version, step.__name__)
            step(conn)
            conn.execute(schema_version.insert().values(version=version, applied_at=now_iso()))
            v = version
    return v


# --------------------------------------------------------------------------- engine

def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=15000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.execute("PRAGMA cache_size=-32768")
    cur.close()


def _on_begin(conn: Connection) -> None:
    if conn.get_execution_options().get("sqlite_immediate"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(url_or_path: str | Path) -> Engine:
    """An engine for a SQLite file path (or any SQLAlchemy URL)."""
    url = str(url_or_path)
    if "://" not in url:
        path = Path(url).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite+pysqlite:///{path}"
    if url.startswith("sqlite"):
        engine = sa.create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 15},
            pool_size=8,
            max_overflow=16,
            pool_pre_ping=False,
        )
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
    else:  # pragma: no cover - PostgreSQL path, not exercised in CI
        engine = sa.create_engine(url, pool_size=8, max_overflow=16)
    return engine


def open_db(url_or_path: str | Path) -> Engine:
    engine = make_engine(url_or_path)
    migrate(engine)
    return engine


@contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """A write transaction (BEGIN IMMEDIATE on SQLite), committed on success."""
    with engine.connect() as conn:
        conn.execution_options(sqlite_immediate=True)
        with conn.begin():
            yield conn


@contextmanager
def read_tx(engine: Engine) -> Iterator[Connection]:
    """A read transaction: one consistent snapshot (WAL) for several queries."""
    with engine.connect() as conn, conn.begin():
        yield conn


# --------------------------------------------------------------------- helpers

def now_iso() -> str:
    """Now, ISO 8601 UTC with milliseconds and a Z suffix."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def next_seq(conn: Connection, n: int = 1) -> int:
    """Allocate ``n`` consecutive change-sequence values; returns the FIRST of them.

    Must be called inside a write transaction; the lock it takes is held until commit,
    so sequence order is commit order.
    """
    row = conn.execute(
        sa.update(counters)
        .where(counters.c.name == SEQ)
        .values(value=counters.c.value + n)
        .returning(counters.c.value)
    ).one()
    return int(row[0]) - n + 1


def current_seq(conn: Connection) -> int:
    return int(conn.execute(sa.select(counters.c.value).where(counters.c.name == SEQ)).scalar_one())


def get_meta(conn: Connection, key: str, default: str | None = None) -> str | None:
    v = conn.execute(sa.select(meta.c.value).where(meta.c.key == key)).scalar()
    return default if v is None else str(v)


def set_meta(conn: Connection, key: str, value: str) -> None:
    updated = conn.execute(sa.update(meta).where(meta.c.key == key).values(value=value))
    if updated.rowcount == 0:
        conn.execute(meta.insert().values(key=key, value=value))


def add_tombstone(conn: Connection, scope: str, entity: str, entity_id: int | str, seq: int) -> None:
    """Record that ``entity_id`` left ``scope`` (deleted or moved out) at ``seq``.

    Replaces an older tombstone of the same entity in the same scope.
    """
    eid = str(entity_id)
    conn.execute(
        sa.delete(tombstones).where(
            tombstones.c.scope == scope,
            tombstones.c.entity == entity,
            tombstones.c.entity_id == eid,
        )
    )
    conn.execute(tombstones.insert().values(scope=scope, entity=entity, entity_id=eid, seq=seq))


def clear_tombstone(conn: Connection, scope: str, entity: str, entity_id: int | str) -> None:
    """The entity is back in ``scope``: its older tombstone there is obsolete."""
    conn.execute(
        sa.delete(tombstones).where(
            tombstones.c.scope == scope,
            tombstones.c.entity == entity,
            tombstones.c.entity_id == str(entity_id),
        )
    )


def purge_tombstones(engine: Engine, before_seq: int) -> dict[str, int]:
    """Delete tombstones with ``seq < before_seq``.

    Each scope that lost tombstones gets its horizon raised to the highest purged
    sequence value: cursors below the horizon can no longer be served and answer
    "reset".  Returns {scope: number of tombstones purged}.
    """
    purged: dict[str, int] = {}
    with write_tx(engine) as conn:
        rows = conn.execute(
            sa.select(
                tombstones.c.scope,
                sa.func.count().label("n"),
                sa.func.max(tombstones.c.seq).label("top"),
            )
            .where(tombstones.c.seq < before_seq)
            .group_by(tombstones.c.scope)
        ).all()
        for scope, n, top in rows:
            purged[scope] = int(n)
            old = conn.execute(
                sa.select(scope_horizons.c.seq).where(scope_horizons.c.scope == scope)
            ).scalar()
            if old is None:
                conn.execute(scope_horizons.insert().values(scope=scope, seq=int(top)))
            elif int(old) < int(top):
                conn.execute(
                    sa.update(scope_horizons)
                    .where(scope_horizons.c.scope == scope)
                    .values(seq=int(top))
                )
        conn.execute(sa.delete(tombstones).where(tombstones.c.seq < before_seq))
    return purged


def scope_horizon(conn: Connection, scope: str) -> int:
    v = conn.execute(sa.select(scope_horizons.c.seq).where(scope_horizons.c.scope == scope)).scalar()
    return int(v or 0)


def is_empty(conn: Connection) -> bool:
    return conn.execute(sa.select(sa.func.count()).select_from(categories)).scalar_one() == 0


def retry_busy(fn: Callable[[], Any], attempts: int = 5) -> Any:
    """Run ``fn``, retrying a few times when SQLite reports a locked database."""
    for i in range(attempts):
        try:
            return fn()
        except sa.exc.OperationalError as e:
            if "locked" not in str(e) or i == attempts - 1:
                raise
            time.sleep(0.05 * (i + 1))
    return None  # pragma: no cover


def fetch_raw(conn: Connection, stmt: sa.Select[Any]) -> list[Any]:
    """Run a SELECT on the DBAPI cursor, skipping SQLAlchemy's row processing (hot paths:
    pulls).  Values come back as the driver gives them (SQLite booleans are 0/1)."""
    compiled = stmt.compile(dialect=conn.dialect)
    params = compiled.construct_params()
    args: Any = (
        tuple(params[k] for k in compiled.positiontup)
        if compiled.positiontup is not None
        else params
    )
    dbapi_conn = conn.connection.dbapi_connection
    assert dbapi_conn is not None
    cur = dbapi_conn.cursor()
    try:
        cur.execute(str(compiled), args)
        return list(cur.fetchall())
    finally:
        cur.close()


def bulk_insert(
    conn: Connection, table: sa.Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Fast executemany of positional ``rows`` (values in ``columns`` order) on the
    DBAPI cursor, skipping SQLAlchemy's per-row parameter processing (bulk loads)."""
    if not rows:
        return
    stmt = table.insert().values({c: sa.bindparam(c) for c in columns})
    compiled = stmt.compile(dialect=conn.dialect)
    order = compiled.positiontup
    if order is None:  # pragma: no cover - named paramstyle drivers
        conn.execute(stmt, [dict(zip(columns, r, strict=True)) for r in rows])
        return
    idx = [list(columns).index(name) for name in order]
    args: Sequence[Sequence[Any]] = (
        rows if idx == list(range(len(columns))) else [tuple(r[i] for i in idx) for r in rows]
    )
    dbapi_conn = conn.connection.dbapi_connection
    assert dbapi_conn is not None
    cur = dbapi_conn.cursor()
    try:
        cur.executemany(str(compiled), args)
    finally:
        cur.close()


def rows_as_dicts(rows: Sequence[Any]) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in rows]
