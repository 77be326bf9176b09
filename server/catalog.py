"""Catalog reads (sections, company, product) and the online product search.

Search on SQLite uses an FTS5 table ``product_fts`` (rowid = product id) with the
``unicode61`` tokenizer.  Chinese/Japanese/Korean text is indexed with a space between
every CJK character, and a CJK run in a query becomes a phrase of single characters,
so any substring matches.  Latin words are prefix-matched.  User text is never passed
to MATCH as query syntax: every term is a double-quoted string.  On PostgreSQL this
module would use another implementation behind :func:`search_products`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

import orjson
import sqlalchemy as sa
from fastapi import APIRouter, Path, Query, Request
from sqlalchemy.engine import Connection
from starlette.responses import Response

from server import db, entities
from server.auth import Creds, User, require_user, token_of
from server.problems import ProblemError
from server.state import ServerState, get_state, run_sync

_CJK = (
    "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
)
_CJK_RUNS_RE = re.compile(f"[{_CJK}]+")
_CHUNK_RE = re.compile(r"[^\W_]+", re.UNICODE)  # CJK characters are word characters too
_TOKEN_RE = re.compile(f"[{_CJK}]|[^\\W_{_CJK}]+", re.UNICODE)
_CJK_RUN = re.compile(f"^[{_CJK}]+$")


def segment(text: str) -> str:
    """Put spaces around every CJK character (indexing side)."""
    if not text or text.isascii():
        return text or ""
    return _CJK_RUNS_RE.sub(_spaced, text)


def _spaced(m: re.Match[str]) -> str:
    return " " + " ".join(m.group()) + " "


def fts_query(text: str) -> str | None:
    """A safe FTS5 query for user text; None if it has no searchable term.

    Each run of letters/digits/CJK (split at spaces and punctuation) becomes one quoted
    phrase of its tokens (every CJK character is a token), prefix-matched when it ends
    in a Latin/digit token: ``LED台灯`` -> ``"LED 台 灯"``, ``lam`` -> ``"lam"*``,
    ``能L`` -> ``"能 L"*``.  Phrases are ANDed.  Quotes are doubled, so user text is
    never query syntax.
    """
    parts = []
    for chunk in _CHUNK_RE.findall(text)[:32]:
        tokens = _TOKEN_RE.findall(chunk)
        if not tokens:
            continue
        phrase = '"' + " ".join(tokens).replace('"', '""') + '"'
        if not _CJK_RUN.match(tokens[-1]):
            phrase += "*"
        parts.append(phrase)
    return " AND ".join(parts) if parts else None


def create_search_index(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS product_fts USING fts5("
            "name, words, tokenize='unicode61 remove_diacritics 2')"
        )


def index_text(name_en: str, name_zh: str, keywords: str) -> tuple[str, str]:
    return f"{name_en} {segment(name_zh)}", segment(keywords)


def index_product(conn: Connection, product_id: int, name_en: str, name_zh: str, keywords: str) -> None:
    if conn.dialect.name != "sqlite":  # pragma: no cover
        return
    unindex_product(conn, product_id)
    name, words = index_text(name_en, name_zh, keywords)
    conn.exec_driver_sql(
        "INSERT INTO product_fts(rowid, name, words) VALUES (?, ?, ?)", (product_id, name, words)
    )


def unindex_product(conn: Connection, product_id: int) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DELETE FROM product_fts WHERE rowid = ?", (product_id,))


def index_many(conn: Connection, rows: list[tuple[int, str, str, str]]) -> None:
    """Bulk-index (id, name_en, name_zh, keywords) rows of new products."""
    if conn.dialect.name != "sqlite" or not rows:
        return
    dbapi_conn = conn.connection.dbapi_connection
    assert dbapi_conn is not None
    cur = dbapi_conn.cursor()
    try:
        cur.executemany(
            "INSERT INTO product_fts(rowid, name, words) VALUES (?, ?, ?)",
            [(pid, *index_text(en, zh, kw)) for pid, en, zh, kw in rows],
        )
    finally:
        cur.close()


# ---------------------------------------------------------------------- reads

def list_sections(state: ServerState, token: str | None) -> bytes:
    with db.read_tx(state.engine) as conn:
        require_user(conn, token)
        S = db.sections.c
        rows = conn.execute(sa.select(*entities.SECTION_COLS).order_by(S.category_id, S.position, S.id))
        return orjson.dumps({"items": [entities.section(r) for r in rows]})


def get_company(state: ServerState, token: str | None, company_id: int) -> bytes:
    with db.read_tx(state.engine) as conn:
        require_user(conn, token)
        row = conn.execute(
            sa.select(*entities.COMPANY_COLS).where(db.companies.c.id == company_id)
        ).first()
        if row is None:
            raise ProblemError(404, "not-found", f"There is no company {company_id}.")
        return orjson.dumps(entities.company(row))


def visible_product(conn: Connection, user: User, product_id: int) -> dict[str, Any]:
    row = conn.execute(
        sa.select(*entities.PRODUCT_COLS).where(db.products.c.id == product_id)
    ).first()
    if row is None or (row.hidden and row.company_id != user.company_id):
        raise ProblemError(404, "not-found", f"There is no product {product_id}.")
    return entities.product(row)


def get_product(state: ServerState, token: str | None, product_id: int) -> bytes:
    with db.read_tx(state.engine) as conn:
        user = require_user(conn, token)
        return orjson.dumps(visible_product(conn, user, product_id))


@dataclass
class SearchFilters:
    section_id: int | None = None
    category_id: int | None = None
    price_min_cents: int | None = None
    price_max_cents: int | None = None
    moq_max: int | None = None
    cert: str | None = None


def search_products(
    conn: Connection, q: str, f: SearchFilters, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """(total, items) over the visible products; ranked by relevance when q has terms."""
    P = db.products.c
    conds: list[sa.ColumnElement[bool]] = [P.hidden.is_(False)]
    if f.section_id is not None:
        conds.append(P.section_id == f.section_id)
    if f.category_id is not None:
        conds.append(P.category_id == f.category_id)
    if f.price_min_cents is not None:
        conds.append(P.price_max_cents >= f.price_min_cents)
    if f.price_max_cents is not None:
        conds.append(P.price_min_cents <= f.price_max_cents)
    if f.moq_max is not None:
        conds.append(P.moq <= f.moq_max)
    if f.cert:
        conds.append(
            sa.exists(
                sa.select(sa.literal(1))
                .select_from(sa.func.json_each(P.certifications).table_valued("value"))
                .where(sa.literal_column("value") == f.cert)
            )
        )
    match = fts_query(q) if q.strip() else None
    if q.strip() and match is None:
        return 0, []
    if match is None:
        total = conn.execute(sa.select(sa.func.count()).select_from(db.products).where(*conds)).scalar_one()
        rows = conn.execute(
            sa.select(*entities.PRODUCT_COLS).where(*conds).order_by(P.id).limit(limit).offset(offset)
        )
        return int(total), [entities.product(r) for r in rows]
    fts = sa.table("product_fts", sa.column("rowid"), sa.column("rank"))
    base = sa.and_(
        sa.text("product_fts MATCH :match").bindparams(match=match), P.id == fts.c.rowid, *conds
    )
    total = conn.execute(sa.select(sa.func.count()).select_from(fts).join(db.products, sa.true()).where(base)).scalar_one()
    rows = conn.execute(
        sa.select(*entities.PRODUCT_COLS)
        .select_from(fts)
        .join(db.products, sa.true())
        .where(base)
        .order_by(fts.c.rank, P.id)
        .limit(limit)
        .offset(offset)
    )
    return int(total), [entities.product(r) for r in rows]


def search(state: ServerState, token: str | None, q: str, f: SearchFilters, limit: int, offset: int) -> bytes:
    with db.read_tx(state.engine) as conn:
        require_user(conn, token)
        total, items = search_products(conn, q, f, limit, offset)
    return orjson.dumps({"total": total, "items": items})


# --------------------------------------------------------------------- routes

router = APIRouter()
_JSON: dict[int | str, dict[str, Any]] = {200: {"content": {"application/json": {}}}}
Id = Annotated[int, Query(ge=1, le=2**62)]


def _json(b: bytes) -> Response:
    return Response(b, media_type="application/json")


@router.get("/v1/sections", response_class=Response, responses=_JSON, tags=["catalog"])
async def sections_route(request: Request, creds: Creds) -> Response:
    return _json(await run_sync(list_sections, get_state(request), token_of(creds)))


@router.get("/v1/companies/{company_id}", response_class=Response, responses=_JSON, tags=["catalog"])
async def company_route(
    company_id: Annotated[int, Path(ge=1, le=2**62)], request: Request, creds: Creds
) -> Response:
    return _json(await run_sync(get_company, get_state(request), token_of(creds), company_id))


@router.get("/v1/products/{product_id}", response_class=Response, responses=_JSON, tags=["catalog"])
async def product_route(
    product_id: Annotated[int, Path(ge=1, le=2**62)], request: Request, creds: Creds
) -> Response:
    return _json(await run_sync(get_product, get_state(request), token_of(creds), product_id))


@router.get("/v1/search", response_class=Response, responses=_JSON, tags=["catalog"])
async def search_route(
    request: Request,
    creds: Creds,
    q: Annotated[str, Query(max_length=500)] = "",
    section_id: Id | None = None,
    category_id: Id | None = None,
    price_min_cents: Annotated[int | None, Query(ge=0, le=2**62)] = None,
    price_max_cents: Annotated[int | None, Query(ge=0, le=2**62)] = None,
    moq_max: Annotated[int | None, Query(ge=0, le=2**62)] = None,
    cert: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Response:
    f = SearchFilters(section_id, category_id, price_min_cents, price_max_cents, moq_max, cert)
    return _json(await run_sync(search, get_state(request), token_of(creds), q, f, limit, offset))
