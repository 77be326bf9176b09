"""Local-first writes: the local change and its outbox mutation in one transaction.

Run these through ``Store.write`` (e.g. ``await store.write(writes.set_favourite,
"product", 7, note="samples")``). Each validates its input (``ValueError`` with a clear
message, nothing written), changes the local rows so the UI shows the change at once,
and enqueues the protocol mutation (docs/protocol.md, "Push").
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import orjson
import sqlite_utils

from . import outbox, syncstate
from .changes import ChangeSet
from .checks import check_tags

if TYPE_CHECKING:
    from .outbox import OutboxItem

FAVOURITE_KINDS = ("product", "company")
PROFILE_FIELDS = ("display_name", "company", "country", "interests", "annual_volume")
MAX_NOTE = 4000
MAX_TAGS = 32
MAX_TAG = 64
MAX_TEXT = 200
_PRODUCT_ID_RE = re.compile(r"^product:([0-9]+)$")


def _conn(db: sqlite_utils.Database | sqlite3.Connection) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def _now() -> str:
    from .store import utcnow

    return utcnow()


def favourite_id(kind: Any, target_id: Any) -> str | None:
    if kind not in FAVOURITE_KINDS or isinstance(target_id, bool) \
            or not isinstance(target_id, int):
        return None
    return f"{kind}:{target_id}"


def _check_target(kind: Any, target_id: Any) -> str:
    if kind not in FAVOURITE_KINDS:
        raise ValueError(f"favourite kind must be one of {FAVOURITE_KINDS}, got {kind!r}")
    if isinstance(target_id, bool) or not isinstance(target_id, int) or target_id <= 0:
        raise ValueError(f"favourite target_id must be a positive integer, got {target_id!r}")
    return f"{kind}:{target_id}"


def _check_tags(tags: Iterable[Any]) -> list[str]:
    return check_tags(tags, max_tags=MAX_TAGS, max_len=MAX_TAG)


# ---------------------------------------------------------------- favourites
def set_favourite(db: sqlite_utils.Database, kind: str, target_id: int, note: str = "",
                  tags: Iterable[str] = ()) -> ChangeSet:
    """Add or update a favourite (with a note and tags) and enqueue favourite.set."""
    _check_target(kind, target_id)
    if not isinstance(note, str):
        raise ValueError("note must be a string")
    if len(note) > MAX_NOTE:
        raise ValueError(f"note is at most {MAX_NOTE} characters")
    args = {"kind": kind, "target_id": target_id, "note": note, "tags": _check_tags(tags)}
    changes = ChangeSet()
    apply_local(_conn(db), "favourite.set", args, changes)
    changes.add_upsert("outbox", outbox.enqueue(db, "favourite.set", args))
    return changes


def remove_favourite(db: sqlite_utils.Database, kind: str, target_id: int) -> ChangeSet:
    _check_target(kind, target_id)
    args = {"kind": kind, "target_id": target_id}
    changes = ChangeSet()
    apply_local(_conn(db), "favourite.remove", args, changes)
    changes.add_upsert("outbox", outbox.enqueue(db, "favourite.remove", args))
    return changes


# ---------------------------------------------------------------- profile
def update_profile(db: sqlite_utils.Database, **fields: Any) -> ChangeSet:
    """Change own profile fields (display_name, company, country, interests,
    annual_volume) and enqueue profile.update. The server validates values further."""
    if not fields:
        raise ValueError("update_profile needs at least one field")
    unknown = sorted(set(fields) - set(PROFILE_FIELDS))
    if unknown:
        raise ValueError(f"unknown profile field(s): {', '.join(unknown)}")
    args: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "interests":
            args[name] = _check_tags(value)
        else:
            if not isinstance(value, str):
                raise ValueError(f"{name} must be a string")
            value = value.strip()
            if len(value) > MAX_TEXT:
                raise ValueError(f"{name} is at most {MAX_TEXT} characters")
            if name == "display_name" and not value:
                raise ValueError("display_name cannot be empty")
            if name == "country":
                value = value.upper()
            args[name] = value
    changes = ChangeSet()
    apply_local(_conn(db), "profile.update", args, changes)
    changes.add_upsert("outbox", outbox.enqueue(db, "profile.update", args))
    return changes


def apply_local(conn: sqlite3.Connection, type: str, args: Mapping[str, Any],
                changes: ChangeSet | None = None) -> None:
    """The local effect of a favourite/profile mutation (also used to rebase)."""
    if type == "favourite.set":
        fid = favourite_id(args.get("kind"), args.get("target_id"))
        if fid is None:
            return
        conn.execute(
            "INSERT INTO favourites(id, kind, target_id, note, tags, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "note = excluded.note, tags = excluded.tags",
            (fid, args["kind"], args["target_id"], str(args.get("note") or ""),
             orjson.dumps(list(args.get("tags") or [])).decode(), _now()),
        )
        if changes is not None:
            changes.add_upsert("favourite", fid)
    elif type == "favourite.remove":
        fid = favourite_id(args.get("kind"), args.get("target_id"))
        if fid is None:
            return
        conn.execute("DELETE FROM favourites WHERE id = ?", (fid,))
        if changes is not None:
            changes.add_delete("favourite", fid)
    elif type == "profile.update":
        sets = []
        vals: list[Any] = []
        for name in PROFILE_FIELDS:
            if name in args:
                sets.append(f"{name} = ?")
                v = args[name]
                vals.append(orjson.dumps(v).decode() if name == "interests" else v)
        if not sets:
            return
        ids = [r[0] for r in conn.execute("SELECT user_id FROM profile")]
        conn.execute(f"UPDATE profile SET {', '.join(sets)}", vals)
        if changes is not None:
            changes.add_upserts("profile", ids)


# ---------------------------------------------------------------- catalog (staff)
_REQUIRED = ("company_id", "section_id", "category_id", "name_en", "name_zh")


def product_upsert(db: sqlite_utils.Database, product: Mapping[str, Any],
                   base_version: int | None) -> ChangeSet:
    """Exhibitor staff: create (base_version None) or edit a product of their company.

    The local copy changes at once (a new product gets a temporary negative id, -seq,
    until the server assigns the real one); the server checks ``base_version`` and
    answers ``conflict`` with its current product if another PC changed it first.
    """
    conn = _conn(db)
    if not isinstance(product, Mapping):
        raise ValueError("product must be a mapping of fields")
    missing = [f for f in _REQUIRED if product.get(f) in (None, "")]
    if missing:
        raise ValueError(f"product is missing: {', '.join(missing)}")
    for f in ("company_id", "section_id", "category_id"):
        v = product[f]
        if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
            raise ValueError(f"{f} must be a positive integer")
    if base_version is not None and (isinstance(base_version, bool)
                                     or not isinstance(base_version, int)):
        raise ValueError("base_version must be an integer or None")
    data = dict(product)
    if base_version is None:
        data.pop("id", None)
    else:
        pid = data.get("id")
        if isinstance(pid, bool) or not isinstance(pid, int) or pid <= 0:
            raise ValueError("editing a product needs its positive integer id")
    try:
        orjson.dumps(data)
    except TypeError as exc:
        raise ValueError(f"product fields are not JSON-serialisable: {exc}") from exc
    args = {"product": data, "base_version": base_version}
    seq = outbox.enqueue(db, "product.upsert", args)
    local = dict(data)
    if base_version is None:
        local["id"] = -seq
        local.setdefault("version", 0)
    local.setdefault("hidden", False)
    changes = _store_local_product(conn, local)
    changes.add_upsert("outbox", seq)
    return changes


def product_delete(db: sqlite_utils.Database, product_id: int,
                   base_version: int) -> ChangeSet:
    """Exhibitor staff: delete a product of their company (checked against base_version)."""
    conn = _conn(db)
    if isinstance(product_id, bool) or not isinstance(product_id, int) or product_id <= 0:
        raise ValueError("product_id must be a positive integer")
    if isinstance(base_version, bool) or not isinstance(base_version, int):
        raise ValueError("base_version must be an integer")
    seq = outbox.enqueue(db, "product.delete", {"id": product_id, "base_version": base_version})
    syncstate._delete_products(conn, [product_id])
    changes = ChangeSet()
    changes.add_delete("product", product_id)
    changes.add_upsert("outbox", seq)
    return changes


def _store_local_product(conn: sqlite3.Connection, product: Mapping[str, Any]) -> ChangeSet:
    changes = ChangeSet()
    company_id = int(product["company_id"])
    base = {
        "specs": [], "image_count": 0, "price_min_cents": None, "price_max_cents": None,
        "currency": "USD", "moq": None, "unit_en": None, "unit_zh": None,
        "lead_time_days": None, "certifications": [], "keywords": "", "desc_en": "",
        "desc_zh": "", "version": None, "updated_at": None,
    }
    old = conn.execute("SELECT version, updated_at FROM products WHERE id = ?",
                       (product["id"],)).fetchone()
    if old is not None:
        base["version"], base["updated_at"] = old
    base.update(product)
    syncstate._upsert_products(conn, "company", company_id, [base], changes)
    return changes


def drop_local_draft(conn: sqlite3.Connection, item: OutboxItem,
                     changes: ChangeSet) -> None:
    """An applied create: drop the local draft (the server's copy comes by pull)."""
    draft = -item.seq
    row = conn.execute("SELECT 1 FROM products WHERE id = ?", (draft,)).fetchone()
    if row is None:
        return
    # the company scope's next pull brings the product under its server id
    syncstate._delete_products(conn, [draft])
    changes.add_delete("product", draft)


def undo_product_mutation(conn: sqlite3.Connection, item: OutboxItem, result: Any,
                          changes: ChangeSet) -> None:
    """A rejected catalog edit: show the server's product again."""
    current = result.get("current") if isinstance(result, Mapping) else None
    product = item.args.get("product") if isinstance(item.args, Mapping) else None
    if item.type == "product.upsert" and item.args.get("base_version") is None:
        draft = -item.seq
        syncstate._delete_products(conn, [draft])
        changes.add_delete("product", draft)
    if isinstance(current, Mapping) and isinstance(current.get("id"), int) \
            and isinstance(current.get("company_id"), int):
        try:
            changes.merge(_store_local_product(conn, current))
            return
        except (syncstate.MalformedPage, KeyError, TypeError, ValueError):
            pass
    company_id = product.get("company_id") if isinstance(product, Mapping) else None
    if company_id is None:
        row = conn.execute("SELECT company_id FROM products WHERE id = ?",
                           (item.args.get("id"),)).fetchone()
        company_id = row[0] if row else None
    # re-pull the company's catalog from the start: it brings the server's truth
    # (a deleted product's row is gone, so without its company: every company scope)
    scopes = [f"company:{company_id}"] if isinstance(company_id, int) else [
        r[0] for r in conn.execute("SELECT scope FROM scopes WHERE scope LIKE 'company:%'")]
    for scope in scopes:
        conn.execute("UPDATE scopes SET cursor = NULL, complete = 0 WHERE scope = ?", (scope,))
        changes.scopes.add(scope)


def applied_product_id(result: Any) -> int | None:
    """``{"id": "product:123"}`` -> 123."""
    if isinstance(result, Mapping):
        m = _PRODUCT_ID_RE.match(str(result.get("id", "")))
        if m:
            return int(m.group(1))
    return None
