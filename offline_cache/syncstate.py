"""Scopes, cursors and applying pulled pages (protocol "Pull").

Every function takes the ``sqlite_utils.Database`` first; those that write must run in
``Store.write`` (one transaction), so a page's changes and its cursor are saved together
and a killed process resumes from the last saved cursor.

Scope ownership: ``directory`` owns categories, sections and companies; ``me`` the
profile and favourites; ``section:<id>`` the products it delivered; ``company:<id>`` its
staff and the products it delivered. A product is stored once; ``products.sec_scope`` /
``products.co_scope`` record which section scope / company scope hold it, and the row
goes only when neither does (untrack, reset or a tombstone in each scope that held it).
"""

from __future__ import annotations

import operator
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import orjson

from . import search
from .changes import ChangeSet
from .schema import (
    CATEGORY_COLUMNS,
    COMPANY_COLUMNS,
    FAVOURITE_COLUMNS,
    JSON_FIELDS,
    PRODUCT_COLUMNS,
    PROFILE_COLUMNS,
    SECTION_COLUMNS,
    STAFF_COLUMNS,
)

if TYPE_CHECKING:
    import sqlite_utils

__all__ = [
    "ChangeSet",
    "MalformedPage",
    "apply_page",
    "followed_sections",
    "get_cursors",
    "is_tracked",
    "parse_scope",
    "reset_scope",
    "track_scope",
    "untrack_scope",
]

_SCOPE_RE = re.compile(r"^(directory|me)$|^(section|company):([1-9][0-9]{0,17})$")


class MalformedPage(ValueError):
    """A pulled page that cannot be applied (nothing of it was saved)."""


def parse_scope(scope: str) -> tuple[str, int | None]:
    """``"section:12"`` -> ``("section", 12)``; ``"me"`` -> ``("me", None)``."""
    m = _SCOPE_RE.match(scope) if isinstance(scope, str) else None
    if m is None:
        raise ValueError(f"not a scope name: {scope!r}")
    if m.group(1):
        return m.group(1), None
    return m.group(2), int(m.group(3))


def _conn(db: sqlite_utils.Database | sqlite3.Connection) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def _now() -> str:
    from .store import utcnow

    return utcnow()


# ---------------------------------------------------------------- scopes
def get_cursors(db: sqlite_utils.Database) -> dict[str, str | None]:
    """Every tracked scope and its cursor (None: pull from the beginning)."""
    rows = _conn(db).execute("SELECT scope, cursor FROM scopes ORDER BY scope").fetchall()
    return {r[0]: r[1] for r in rows}


def scope_states(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    rows = _conn(db).execute(
        "SELECT scope, cursor, tracked_at, synced_at, complete FROM scopes ORDER BY scope"
    ).fetchall()
    return [
        {"scope": r[0], "cursor": r[1], "tracked_at": r[2], "synced_at": r[3],
         "complete": bool(r[4])}
        for r in rows
    ]


def is_tracked(db: sqlite_utils.Database, scope: str) -> bool:
    return _conn(db).execute("SELECT 1 FROM scopes WHERE scope = ?", (scope,)).fetchone() \
        is not None


def track_scope(db: sqlite_utils.Database, scope: str) -> bool:
    """Start caching a scope (from the beginning). Returns False if already tracked."""
    parse_scope(scope)
    cur = _conn(db).execute(
        "INSERT OR IGNORE INTO scopes(scope, cursor, tracked_at) VALUES (?, NULL, ?)",
        (scope, _now()),
    )
    return cur.rowcount > 0


def untrack_scope(db: sqlite_utils.Database, scope: str) -> ChangeSet:
    """Stop caching a scope and evict the data it owns (a section's products...)."""
    parse_scope(scope)
    conn = _conn(db)
    changes = _discard_scope_data(conn, scope)
    conn.execute("DELETE FROM scopes WHERE scope = ?", (scope,))
    changes.scopes.add(scope)
    return changes


def reset_scope(db: sqlite_utils.Database, scope: str) -> ChangeSet:
    """The server said "reset": discard the scope's data and pull it again from null."""
    parse_scope(scope)
    conn = _conn(db)
    changes = _discard_scope_data(conn, scope)
    conn.execute(
        "UPDATE scopes SET cursor = NULL, complete = 0, synced_at = ? WHERE scope = ?",
        (_now(), scope),
    )
    changes.scopes.add(scope)
    return changes


def followed_sections(db: sqlite_utils.Database) -> list[int]:
    rows = _conn(db).execute(
        "SELECT scope FROM scopes WHERE scope LIKE 'section:%'"
    ).fetchall()
    out = []
    for (scope,) in rows:
        try:
            _kind, ident = parse_scope(scope)
        except ValueError:
            continue
        if ident is not None:
            out.append(ident)
    return sorted(out)


def _discard_scope_data(conn: sqlite3.Connection, scope: str) -> ChangeSet:
    kind, ident = parse_scope(scope)
    changes = ChangeSet()
    if kind == "section":
        ids = [r[0] for r in conn.execute(
            "SELECT id, co_scope FROM products WHERE section_id = ? AND sec_scope = ? "
            "UNION ALL SELECT id, co_scope FROM products "
            "WHERE sec_scope = ? AND sec_scope != section_id",
            (ident, ident, ident),
        ) if r[1] is None]
        _delete_products(conn, ids)
        conn.execute(
            "UPDATE products SET sec_scope = NULL WHERE section_id = ? AND sec_scope = ?",
            (ident, ident),
        )
        conn.execute(
            "UPDATE products SET sec_scope = NULL WHERE sec_scope = ? AND sec_scope != section_id",
            (ident,),
        )
        changes.add_deletes("product", ids)
    elif kind == "company":
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM products WHERE co_scope = ? AND sec_scope IS NULL", (ident,)
        )]
        _delete_products(conn, ids)
        conn.execute("UPDATE products SET co_scope = NULL WHERE co_scope = ?", (ident,))
        changes.add_deletes("product", ids)
        staff = [r[0] for r in conn.execute(
            "SELECT user_id FROM staff WHERE company_id = ?", (ident,))]
        conn.execute("DELETE FROM staff WHERE company_id = ?", (ident,))
        changes.add_deletes("staff", staff)
        from . import deals, social, workspace

        social.discard_scope(conn, scope, kind, ident, changes)
        deals.discard_scope(conn, scope, kind, ident, changes)
        workspace.discard_scope(conn, scope, kind, ident, changes)
    elif kind == "directory":
        for table, entity in (("categories", "category"), ("sections", "section"),
                              ("companies", "company")):
            ids = [r[0] for r in conn.execute(f"SELECT id FROM {table}")]
            conn.execute(f"DELETE FROM {table}")
            changes.add_deletes(entity, ids)
    elif kind == "me":
        fav = [r[0] for r in conn.execute("SELECT id FROM favourites")]
        prof = [r[0] for r in conn.execute("SELECT user_id FROM profile")]
        conn.execute("DELETE FROM favourites")
        conn.execute("DELETE FROM profile")
        changes.add_deletes("favourite", fav)
        changes.add_deletes("profile", prof)
        from . import deals, social, workspace
        from .outbox import rebase_local

        social.discard_scope(conn, scope, kind, ident, changes)
        deals.discard_scope(conn, scope, kind, ident, changes)
        workspace.discard_scope(conn, scope, kind, ident, changes)
        rebase_local(conn, changes)
    return changes


def _delete_products(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    if not ids:
        return
    params = [(i,) for i in ids]
    conn.executemany("DELETE FROM product_fts WHERE rowid = ?", params)
    conn.executemany("DELETE FROM products WHERE id = ?", params)


# ---------------------------------------------------------------- applying pages
_PRODUCT_INSERT = (
    f"INSERT OR REPLACE INTO products({', '.join(PRODUCT_COLUMNS)}, sec_scope, co_scope) "
    f"VALUES ({', '.join('?' * (len(PRODUCT_COLUMNS) + 2))})"
)


_PRODUCT_GETTER = operator.itemgetter(*PRODUCT_COLUMNS)
_PRODUCT_DEFAULTS: dict[str, Any] = {"image_count": 0, "hidden": False}


def _product_values(p: Mapping[str, Any]) -> tuple[Any, ...]:
    """Product values in PRODUCT_COLUMNS order, tolerating missing optional fields."""
    for key in ("id", "company_id", "section_id", "category_id"):
        if key not in p:
            raise MalformedPage(f"product without {key}")
    return tuple(p.get(c, _PRODUCT_DEFAULTS.get(c)) for c in PRODUCT_COLUMNS)


def _dumps(v: Any) -> str:
    return orjson.dumps(v).decode()


def apply_page(db: sqlite_utils.Database, scope: str, changes: Iterable[Mapping[str, Any]],
               cursor: str | None, complete: bool | None = None, *,
               product_rows: Sequence[Sequence[Any]] = (),
               product_columns: Sequence[str] = PRODUCT_COLUMNS) -> ChangeSet:
    """Apply one pulled page of ``scope`` and save its cursor (same transaction).

    Upserts replace by id; tombstones delete (products only leave when no scope holds
    them any more); entity types this client does not know are ignored. A page for a
    scope that is no longer tracked (unfollowed while the page was in flight) is
    dropped. A malformed change raises MalformedPage and nothing is saved.

    ``product_rows``: product upserts in the compact pull format (docs/protocol.md §4),
    one sequence of values per product in ``product_columns`` order, with ``specs`` and
    ``certifications`` as JSON text (stored as they come).
    """
    kind, ident = parse_scope(scope)
    conn = _conn(db)
    if not conn.in_transaction:
        raise RuntimeError("apply_page must run inside a write transaction (Store.write)")
    if conn.execute("SELECT 1 FROM scopes WHERE scope = ?", (scope,)).fetchone() is None:
        return ChangeSet()
    if cursor is not None and not isinstance(cursor, str):
        raise MalformedPage("cursor must be a string")
    out = ChangeSet(scopes={scope})
    product_up: list[Mapping[str, Any]] = []
    product_del: list[int] = []
    other: dict[str, list[Mapping[str, Any]]] = {}
    try:
        for ch in changes:
            entity = ch["entity"]
            op = ch["op"]
            if entity == "product":
                if kind not in ("section", "company"):
                    continue
                if op == "upsert":
                    product_up.append(ch["data"])
                elif op == "delete":
                    product_del.append(_int_id(ch["id"]))
            elif op in ("upsert", "delete"):
                other.setdefault(entity, []).append(ch)
    except (KeyError, TypeError) as exc:
        raise MalformedPage(f"malformed change in {scope}: {exc!r}") from exc

    if product_up:
        _upsert_products(conn, kind, ident, product_up, out)
    if product_rows and kind in ("section", "company"):
        _upsert_product_rows(conn, kind, ident, product_rows, product_columns, out)
    if product_del:
        _tombstone_products(conn, kind, ident, product_del, out)
    if kind in ("me", "company"):
        # authorization, cards and chat (protocol section 7)
        from . import deals, social, workspace

        social.apply_changes(conn, scope, kind, ident, other, out)
        deals.apply_changes(conn, scope, kind, ident, other, out)
        workspace.apply_changes(conn, scope, kind, ident, other, out)
    if kind == "directory":
        for entity, table, cols in (("category", "categories", CATEGORY_COLUMNS),
                                    ("section", "sections", SECTION_COLUMNS)):
            _apply_simple(conn, table, cols, "id", other.get(entity, ()), entity, out)
        _apply_companies(conn, other.get("company", ()), out)
    elif kind == "me":
        _apply_simple(conn, "profile", PROFILE_COLUMNS, "user_id", other.get("profile", ()),
                      "profile", out)
        _apply_simple(conn, "favourites", FAVOURITE_COLUMNS, "id", other.get("favourite", ()),
                      "favourite", out)
        from .outbox import rebase_local

        rebase_local(conn, out)
    elif kind == "company":
        _apply_simple(conn, "staff", STAFF_COLUMNS, "user_id", other.get("staff", ()),
                      "staff", out)
    conn.execute(
        "UPDATE scopes SET cursor = ?, synced_at = ?, "
        "complete = coalesce(?, complete) WHERE scope = ?",
        (cursor, _now(), None if complete is None else int(bool(complete)), scope),
    )
    return out


def set_complete(db: sqlite_utils.Database, scope: str, complete: bool) -> None:
    _conn(db).execute("UPDATE scopes SET complete = ? WHERE scope = ?", (int(complete), scope))


def _int_id(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise MalformedPage(f"id must be an integer, got {v!r}")
    return v


# (name_en, name_zh) -> search.company_text: every page of a sync names the same few
# hundred companies, and stripping their legal-form suffixes (regular expressions) was
# ~1.5 us of each product's apply time
_COMPANY_TEXT_MEMO: dict[tuple[Any, Any], str] = {}


def _company_texts(conn: sqlite3.Connection, company_ids: set[int]) -> dict[int, str]:
    if not company_ids:
        return {}
    rows = conn.execute(
        "SELECT id, name_en, name_zh FROM companies WHERE id IN (SELECT value FROM json_each(?))",
        (_dumps(sorted(company_ids)),),
    ).fetchall()
    memo = _COMPANY_TEXT_MEMO
    out: dict[int, str] = {}
    for cid, name_en, name_zh in rows:
        key = (name_en, name_zh)
        text = memo.get(key)
        if text is None:
            text = search.company_text(name_en, name_zh)
            if len(memo) >= 50_000:
                memo.clear()
            memo[key] = text
        out[cid] = text
    return out


def _upsert_products(conn: sqlite3.Connection, kind: str, ident: int | None,
                     products: list[Mapping[str, Any]], out: ChangeSet) -> None:
    try:
        ids = [_int_id(p["id"]) for p in products]
        company_ids = {p["company_id"] for p in products}
    except (KeyError, TypeError) as exc:
        raise MalformedPage(f"malformed product: {exc!r}") from exc
    existing = {
        r[0]: (r[1], r[2], r[3])
        for r in conn.execute(
            "SELECT id, sec_scope, co_scope, hidden FROM products "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (_dumps(ids),),
        )
    }
    companies = _company_texts(conn, company_ids)
    in_section = kind == "section"
    rows: list[tuple[Any, ...]] = []
    fts: list[tuple[Any, ...]] = []
    fts_drop: list[tuple[int]] = []
    rows_append = rows.append
    fts_append = fts.append
    dumps = orjson.dumps
    index_texts = search.index_texts
    getter = _PRODUCT_GETTER
    get_company = companies.get
    try:
        # one pass per product: the products row and, if visible, its index row
        for p in products:
            try:
                # the fast path: a complete product from the server
                (pid, company_id, section_id, category_id, name_en, name_zh, desc_en,
                 desc_zh, specs, image_count, pmin, pmax, currency, moq, unit_en, unit_zh,
                 lead, certs, keywords, hidden, version, updated_at) = getter(p)
            except KeyError:
                (pid, company_id, section_id, category_id, name_en, name_zh, desc_en,
                 desc_zh, specs, image_count, pmin, pmax, currency, moq, unit_en, unit_zh,
                 lead, certs, keywords, hidden, version, updated_at) = _product_values(p)
            old = existing.get(pid)
            if old is None:
                sec, co = (ident, None) if in_section else (None, ident)
            else:
                sec, co = (ident, old[1]) if in_section else (old[0], ident)
                if not old[2]:
                    fts_drop.append((pid,))
            hidden = bool(hidden)
            rows_append((
                pid, company_id, section_id, category_id, name_en, name_zh, desc_en, desc_zh,
                dumps(specs if specs is not None else []).decode(), image_count, pmin, pmax,
                currency, moq, unit_en, unit_zh, lead,
                dumps(certs if certs is not None else []).decode(), keywords, hidden,
                version, updated_at, sec, co,
            ))
            if not hidden:
                fts_append((pid, *index_texts(
                    name_en, name_zh, keywords, get_company(company_id, ""), section_id,
                    category_id, company_id, certs)))
    except (KeyError, TypeError, AttributeError) as exc:
        raise MalformedPage(f"malformed product: {exc!r}") from exc
    try:
        if fts_drop:
            conn.executemany("DELETE FROM product_fts WHERE rowid = ?", fts_drop)
        conn.executemany(_PRODUCT_INSERT, rows)
        conn.executemany(search.FTS_INSERT, fts)
    except (sqlite3.InterfaceError, sqlite3.IntegrityError, OverflowError) as exc:
        raise MalformedPage(f"product values not storable: {exc}") from exc
    out.add_upserts("product", ids)


def _existing_products(conn: sqlite3.Connection,
                       ids: list[int]) -> dict[int, tuple[Any, Any, Any]]:
    """(sec_scope, co_scope, hidden) of those of ``ids`` already cached."""
    if conn.execute("SELECT 1 FROM products LIMIT 1").fetchone() is None:
        return {}       # an empty cache (the first sync): nothing to look up
    return {
        r[0]: (r[1], r[2], r[3])
        for r in conn.execute(
            "SELECT id, sec_scope, co_scope, hidden FROM products "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (_dumps(ids),),
        )
    }


def _rows_upsert_sql(kind: str, ident: int | None) -> str:
    """The upsert of one compact product row for a scope (its id is a literal: the row
    values are bound as they came, with no per-row Python work).

    A row new to the cache is held by this scope only; an existing row keeps the other
    kind of scope that holds it (``sec_scope`` / ``co_scope``), as ``_upsert_products``.
    """
    own = "sec_scope" if kind == "section" else "co_scope"
    lit = str(int(ident)) if ident is not None else "NULL"
    sec, co = (lit, "NULL") if kind == "section" else ("NULL", lit)
    updates = ", ".join(f"{c} = excluded.{c}" for c in PRODUCT_COLUMNS[1:])
    return (
        f"INSERT INTO products({', '.join(PRODUCT_COLUMNS)}, sec_scope, co_scope) "
        f"VALUES ({', '.join('?' * len(PRODUCT_COLUMNS))}, {sec}, {co}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}, {own} = excluded.{own}"
    )


_ROW_DEFAULTS: dict[str, Any] = {"image_count": 0, "hidden": False, "specs": "[]",
                                 "certifications": "[]"}
_ROW_REQUIRED = ("id", "company_id", "section_id", "category_id")
_I_COMPANY = PRODUCT_COLUMNS.index("company_id")
# the values the index needs, in one C call per row
_ROW_INDEX_GETTER = operator.itemgetter(*(PRODUCT_COLUMNS.index(c) for c in (
    "id", "name_en", "name_zh", "keywords", "company_id", "section_id", "category_id",
    "specs", "certifications", "hidden")))
# certifications JSON text -> its facet tokens (a catalog has few distinct lists)
_CERT_FACETS: dict[str, str] = {}


def _cert_facets(text: Any) -> str:
    tail = _CERT_FACETS.get(text)
    if tail is not None:
        return tail
    if text is None:
        return ""
    if type(text) is not str:
        raise MalformedPage("certifications must be JSON text in a product row")
    try:
        certs = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise MalformedPage(f"certifications are not JSON: {exc}") from exc
    if not isinstance(certs, list):
        raise MalformedPage("certifications must be a JSON array")
    # search.facets(...) is "sec cat co" + " <cert tokens>"
    tail = search.facets("", "", "", certs)[len("sec cat co"):]
    if len(text) <= 200:
        if len(_CERT_FACETS) > 10_000:
            _CERT_FACETS.clear()
        _CERT_FACETS[text] = tail
    return tail


def _reorder_rows(rows: Sequence[Sequence[Any]],
                  columns: Sequence[str]) -> Sequence[Sequence[Any]]:
    """Rows in another column order (or with columns added or left out) -> in
    PRODUCT_COLUMNS order, with defaults for the missing optional ones."""
    index = {c: i for i, c in enumerate(columns)}
    for c in _ROW_REQUIRED:
        if c not in index:
            raise MalformedPage(f"product rows without {c}")
    picks = [(index.get(c), _ROW_DEFAULTS.get(c)) for c in PRODUCT_COLUMNS]
    try:
        return [[r[i] if i is not None else d for i, d in picks] for r in rows]
    except (IndexError, TypeError) as exc:
        raise MalformedPage(f"malformed product row: {exc!r}") from exc


def _upsert_product_rows(conn: sqlite3.Connection, kind: str, ident: int | None,
                         rows: Sequence[Sequence[Any]], columns: Sequence[str],
                         out: ChangeSet) -> None:
    """Store compact product rows (and index the visible ones) with no per-row dicts."""
    if tuple(columns) != PRODUCT_COLUMNS:
        rows = _reorder_rows(rows, columns)
    try:
        ids = [r[0] for r in rows]
        company_ids = {r[_I_COMPANY] for r in rows}
    except (IndexError, TypeError) as exc:
        raise MalformedPage(f"malformed product row: {exc!r}") from exc
    for pid in ids:
        if type(pid) is not int:
            raise MalformedPage(f"id must be an integer, got {pid!r}")
    existing = _existing_products(conn, ids)
    companies = _company_texts(conn, company_ids)
    get_company = companies.get
    fts: list[tuple[Any, ...]] = []
    fts_append = fts.append
    fts_drop = [(pid,) for pid in ids if pid in existing and not existing[pid][2]]
    segment = search.segment
    cert_facets = _cert_facets
    getter = _ROW_INDEX_GETTER
    try:
        for r in rows:
            (pid, name_en, name_zh, keywords, company_id, section_id, category_id, specs,
             certs, hidden) = getter(r)
            if specs is not None and (type(specs) is not str or specs[:1] != "["):
                raise MalformedPage("specs must be the JSON text of an array in a product row")
            if hidden is not False:
                if hidden is True:
                    continue          # hidden products are stored, not indexed
                raise MalformedPage(f"hidden must be true or false, got {hidden!r}")
            # search.index_texts, inlined (test_syncstate_rows checks they agree)
            fts_append((
                pid,
                f"{name_en or ''} {segment(name_zh or '')}",
                f"{segment(keywords or '')} {get_company(company_id, '')}",
                f"sec{section_id} cat{category_id} co{company_id}{cert_facets(certs)}",
            ))
    except (TypeError, AttributeError) as exc:
        raise MalformedPage(f"malformed product row: {exc!r}") from exc
    try:
        if fts_drop:
            conn.executemany("DELETE FROM product_fts WHERE rowid = ?", fts_drop)
        conn.executemany(_rows_upsert_sql(kind, ident), rows)
        conn.executemany(search.FTS_INSERT, fts)
    except (sqlite3.InterfaceError, sqlite3.IntegrityError, sqlite3.ProgrammingError,
            OverflowError) as exc:
        raise MalformedPage(f"product values not storable: {exc}") from exc
    out.add_upserts("product", ids)


def _tombstone_products(conn: sqlite3.Connection, kind: str, ident: int | None,
                        ids: list[int], out: ChangeSet) -> None:
    rows = conn.execute(
        "SELECT id, sec_scope, co_scope FROM products "
        "WHERE id IN (SELECT value FROM json_each(?))",
        (_dumps(ids),),
    ).fetchall()
    gone: list[int] = []
    release: list[tuple[int]] = []
    for pid, sec, co in rows:
        if kind == "section":
            if sec != ident:
                continue          # held through another section (moved) or not at all
            if co is None:
                gone.append(pid)
            else:
                release.append((pid,))
        else:
            if co != ident:
                continue
            if sec is None:
                gone.append(pid)
            else:
                release.append((pid,))
    col = "sec_scope" if kind == "section" else "co_scope"
    if release:
        conn.executemany(f"UPDATE products SET {col} = NULL WHERE id = ?", release)
        # a hidden copy that only the company scope should hold leaves the index
        out.add_upserts("product", [r[0] for r in release])
    _delete_products(conn, gone)
    out.add_deletes("product", gone)


def _row_values(data: Mapping[str, Any], cols: Sequence[str]) -> tuple[Any, ...]:
    vals = []
    for c in cols:
        v = data.get(c)
        if c in JSON_FIELDS:
            v = _dumps(v if v is not None else [])
        elif isinstance(v, (dict, list)):
            v = _dumps(v)
        vals.append(v)
    return tuple(vals)


def _apply_simple(conn: sqlite3.Connection, table: str, cols: Sequence[str], key: str,
                  changes: Iterable[Mapping[str, Any]], entity: str, out: ChangeSet) -> None:
    ups: list[tuple[Any, ...]] = []
    dels: list[tuple[Any]] = []
    try:
        for ch in changes:
            if ch["op"] == "upsert":
                data = dict(ch["data"])
                data.setdefault(key, ch.get("id"))
                if data.get(key) is None:
                    raise MalformedPage(f"{entity} without {key}")
                ups.append(_row_values(data, cols))
                out.add_upsert(entity, data[key])
            else:
                dels.append((ch["id"],))
                out.add_delete(entity, ch["id"])
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        if isinstance(exc, MalformedPage):
            raise
        raise MalformedPage(f"malformed {entity}: {exc!r}") from exc
    try:
        if dels:
            conn.executemany(f"DELETE FROM {table} WHERE {key} = ?", dels)
        if ups:
            conn.executemany(
                f"INSERT OR REPLACE INTO {table}({', '.join(cols)}) "
                f"VALUES ({', '.join('?' * len(cols))})",
                ups,
            )
    except (sqlite3.InterfaceError, OverflowError) as exc:
        raise MalformedPage(f"{entity} values not storable: {exc}") from exc


def _apply_companies(conn: sqlite3.Connection, changes: Iterable[Mapping[str, Any]],
                     out: ChangeSet) -> None:
    changes = list(changes)
    if not changes:
        return
    ids = [ch.get("id") for ch in changes]
    old = {
        r[0]: (r[1], r[2])
        for r in conn.execute(
            "SELECT id, name_en, name_zh FROM companies "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (_dumps([i for i in ids if isinstance(i, int)]),),
        )
    }
    _apply_simple(conn, "companies", COMPANY_COLUMNS, "id", changes, "company", out)
    renamed: list[tuple[str, int]] = []
    for ch in changes:
        if ch["op"] != "upsert":
            continue
        data = ch["data"]
        cid = data.get("id", ch.get("id"))
        names = (data.get("name_en"), data.get("name_zh"))
        if old.get(cid) != names:
            renamed.append((search.company_text(*names), cid))
    if renamed:
        # keep the company names indexed with each product in step
        for text, cid in renamed:
            rows = conn.execute(
                "SELECT id, keywords FROM products WHERE company_id = ? AND hidden = 0",
                (cid,),
            ).fetchall()
            conn.executemany(
                "UPDATE product_fts SET extra = ? WHERE rowid = ?",
                [(search.extra_text(str(kw or ""), text), pid) for pid, kw in rows],
            )
