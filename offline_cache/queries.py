"""Read functions for the UI and services (run them through ``Store.read``).

Rows are dicts with the protocol's field names (docs/protocol.md, "Entities on the
wire"); JSON fields (specs, certifications, section_ids, interests, tags) come back
parsed and flags as bools.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import orjson

from .schema import (
    BOOL_FIELDS,
    CATEGORY_COLUMNS,
    COMPANY_COLUMNS,
    FAVOURITE_COLUMNS,
    JSON_FIELDS,
    PRODUCT_COLUMNS,
    PROFILE_COLUMNS,
    SECTION_COLUMNS,
    STAFF_COLUMNS,
)
from .search import SearchError, SearchFilters, SearchPage, search_products

if TYPE_CHECKING:
    import sqlite_utils

__all__ = [
    "SearchError",
    "SearchFilters",
    "SearchPage",
    "cache_stats",
    "count_companies",
    "count_products",
    "get_company",
    "get_product",
    "get_profile",
    "list_categories",
    "list_companies",
    "list_favourites",
    "list_products",
    "list_sections",
    "list_staff",
    "search_products",
]

PRODUCT_SELECT = ", ".join(f"p.{c}" for c in PRODUCT_COLUMNS)
_MAX_LIMIT = 1000


def _conn(db: sqlite_utils.Database | sqlite3.Connection) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def _to_dict(cols: Sequence[str], row: Sequence[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for c, v in zip(cols, row, strict=False):
        if c in JSON_FIELDS:
            try:
                v = orjson.loads(v) if v is not None else []
            except orjson.JSONDecodeError:
                v = []
        elif c in BOOL_FIELDS:
            v = bool(v)
        out[c] = v
    return out


def product_from_row(row: Sequence[Any]) -> dict[str, Any]:
    return _to_dict(PRODUCT_COLUMNS, row)


def _limit(limit: int) -> int:
    return max(0, min(_MAX_LIMIT, int(limit)))


def _offset(offset: int) -> int:
    return max(0, int(offset))


# ---------------------------------------------------------------- directory
def list_categories(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    cols = ", ".join(CATEGORY_COLUMNS)
    rows = _conn(db).execute(f"SELECT {cols} FROM categories ORDER BY position, id")
    return [_to_dict(CATEGORY_COLUMNS, r) for r in rows]


def list_sections(db: sqlite_utils.Database,
                  category_id: int | None = None, counts: bool = True) -> list[dict[str, Any]]:
    """Sections with ``followed`` (tracked scope) and ``cached_products`` (stored here).

    ``counts=False`` leaves ``cached_products`` out: counting reads every cached
    product's index entry (~100 ms cold with a million products), which the directory
    tree does not need (the desktop's start-up path; count one section instead)."""
    conn = _conn(db)
    cols = ", ".join(f"s.{c}" for c in SECTION_COLUMNS)
    where, args = ("WHERE s.category_id = ?", (category_id,)) if category_id is not None \
        else ("", ())
    rows = conn.execute(
        f"SELECT {cols}, (SELECT 1 FROM scopes WHERE scope = 'section:' || s.id) "
        f"FROM sections s {where} ORDER BY s.position, s.id",
        args,
    ).fetchall()
    out = []
    for r in rows:
        d = _to_dict(SECTION_COLUMNS, r)
        d["followed"] = bool(r[-1])
        if not counts:
            out.append(d)
            continue
        d["cached_products"] = int(conn.execute(
            "SELECT count(*) FROM products WHERE section_id = ?", (d["id"],)
        ).fetchone()[0])
        out.append(d)
    return out


def _company_where(section_id: int | None, text: str) -> tuple[str, list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if section_id is not None:
        where.append(
            "(c.main_section_id = ? OR EXISTS (SELECT 1 FROM json_each(c.section_ids) "
            "WHERE value = ?))"
        )
        args += [section_id, section_id]
    text = (text or "").strip()
    if text:
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append(
            "(c.name_en LIKE ? ESCAPE '\\' OR c.name_zh LIKE ? ESCAPE '\\' "
            "OR c.booth_no LIKE ? ESCAPE '\\')"
        )
        args += [like, like, like]
    return ("WHERE " + " AND ".join(where)) if where else "", args


def count_companies(db: sqlite_utils.Database, section_id: int | None = None,
                    text: str = "") -> int:
    w, args = _company_where(section_id, text)
    return int(_conn(db).execute(f"SELECT count(*) FROM companies c {w}", args).fetchone()[0])


def list_companies(db: sqlite_utils.Database, section_id: int | None = None, text: str = "",
                   offset: int = 0, limit: int = 100) -> list[dict[str, Any]]:
    w, args = _company_where(section_id, text)
    cols = ", ".join(f"c.{c}" for c in COMPANY_COLUMNS)
    rows = _conn(db).execute(
        f"SELECT {cols} FROM companies c {w} ORDER BY c.name_en COLLATE NOCASE, c.id "
        "LIMIT ? OFFSET ?",
        (*args, _limit(limit), _offset(offset)),
    )
    return [_to_dict(COMPANY_COLUMNS, r) for r in rows]


def get_company(db: sqlite_utils.Database, company_id: int) -> dict[str, Any] | None:
    cols = ", ".join(COMPANY_COLUMNS)
    row = _conn(db).execute(f"SELECT {cols} FROM companies WHERE id = ?",
                            (company_id,)).fetchone()
    return _to_dict(COMPANY_COLUMNS, row) if row else None


def list_staff(db: sqlite_utils.Database, company_id: int) -> list[dict[str, Any]]:
    cols = ", ".join(STAFF_COLUMNS)
    rows = _conn(db).execute(
        f"SELECT {cols} FROM staff WHERE company_id = ? ORDER BY display_name, user_id",
        (company_id,),
    )
    return [_to_dict(STAFF_COLUMNS, r) for r in rows]


# ---------------------------------------------------------------- products
def _product_where(company_id: int | None, section_id: int | None,
                   include_hidden: bool) -> tuple[str, list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if company_id is not None:
        where.append("p.company_id = ?")
        args.append(company_id)
    if section_id is not None:
        where.append("p.section_id = ?")
        args.append(section_id)
    if not include_hidden:
        where.append("p.hidden = 0")
    return ("WHERE " + " AND ".join(where)) if where else "", args


def count_products(db: sqlite_utils.Database, company_id: int | None = None,
                   section_id: int | None = None, include_hidden: bool = True) -> int:
    w, args = _product_where(company_id, section_id, include_hidden)
    return int(_conn(db).execute(f"SELECT count(*) FROM products p {w}", args).fetchone()[0])


def list_products(db: sqlite_utils.Database, company_id: int | None = None,
                  section_id: int | None = None, offset: int = 0, limit: int = 100,
                  include_hidden: bool = True) -> list[dict[str, Any]]:
    """Products in id order (hidden ones are only cached for their own company's staff)."""
    w, args = _product_where(company_id, section_id, include_hidden)
    rows = _conn(db).execute(
        f"SELECT {PRODUCT_SELECT} FROM products p {w} ORDER BY p.id LIMIT ? OFFSET ?",
        (*args, _limit(limit), _offset(offset)),
    )
    return [product_from_row(r) for r in rows]


def get_product(db: sqlite_utils.Database, product_id: int) -> dict[str, Any] | None:
    row = _conn(db).execute(f"SELECT {PRODUCT_SELECT} FROM products p WHERE p.id = ?",
                            (product_id,)).fetchone()
    return product_from_row(row) if row else None


def get_products(db: sqlite_utils.Database, ids: Sequence[int]) -> list[dict[str, Any]]:
    """Several products by id, in the order given (missing ones left out)."""
    if not ids:
        return []
    rows = _conn(db).execute(
        f"SELECT {PRODUCT_SELECT} FROM products p "
        "WHERE p.id IN (SELECT value FROM json_each(?))",
        (orjson.dumps(list(ids)).decode(),),
    ).fetchall()
    by_id = {r[0]: product_from_row(r) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


# ---------------------------------------------------------------- me
def list_favourites(db: sqlite_utils.Database, kind: str | None = None) -> list[dict[str, Any]]:
    cols = ", ".join(FAVOURITE_COLUMNS)
    if kind is None:
        rows = _conn(db).execute(f"SELECT {cols} FROM favourites ORDER BY created_at DESC, id")
    else:
        rows = _conn(db).execute(
            f"SELECT {cols} FROM favourites WHERE kind = ? ORDER BY created_at DESC, id",
            (kind,),
        )
    return [_to_dict(FAVOURITE_COLUMNS, r) for r in rows]


def get_profile(db: sqlite_utils.Database) -> dict[str, Any] | None:
    cols = ", ".join(PROFILE_COLUMNS)
    row = _conn(db).execute(f"SELECT {cols} FROM profile ORDER BY user_id LIMIT 1").fetchone()
    return _to_dict(PROFILE_COLUMNS, row) if row else None


# ---------------------------------------------------------------- stats
def cache_stats(db: sqlite_utils.Database) -> dict[str, Any]:
    """Counts of cached things and the cache's size on disk (file + WAL)."""
    conn = _conn(db)

    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    page_size = one("PRAGMA page_size")
    page_count = one("PRAGMA page_count")
    freelist = one("PRAGMA freelist_count")
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    file_bytes = 0
    if path:
        for suffix in ("", "-wal"):
            with contextlib.suppress(OSError):
                file_bytes += os.path.getsize(path + suffix)
    outbox = {s: 0 for s in ("pending", "sent", "applied", "rejected")}
    for state, n in conn.execute("SELECT state, count(*) FROM outbox GROUP BY state"):
        outbox[state] = int(n)
    return {
        "products": one("SELECT count(*) FROM products"),
        "companies": one("SELECT count(*) FROM companies"),
        "sections": one("SELECT count(*) FROM sections"),
        "categories": one("SELECT count(*) FROM categories"),
        "favourites": one("SELECT count(*) FROM favourites"),
        "followed_sections": one("SELECT count(*) FROM scopes WHERE scope LIKE 'section:%'"),
        "outbox": outbox,
        "bytes": file_bytes,
        "db_bytes": page_size * page_count,
        "free_bytes": page_size * freelist,
    }
