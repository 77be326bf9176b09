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

from . import outbox, syncstate
from .changes import ChangeSet
from .checks import check_tags

if TYPE_CHECKING:
    import sqlite_utils

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
# The catalog and booth edits live in offline_cache/workspace.py (with conflicts, images
# and imports); these names stay for the outbox hooks and older callers.


def product_upsert(db: sqlite_utils.Database, product: Mapping[str, Any],
                   base_version: int | None) -> ChangeSet:
    """Exhibitor staff: create (base_version None) or edit a product of their company
    (``workspace.save_product`` without images)."""
    from . import workspace

    return workspace.save_product(db, product, base_version)


def product_delete(db: sqlite_utils.Database, product_id: int,
                   base_version: int) -> ChangeSet:
    """Exhibitor staff: delete a product of their company (checked against base_version)."""
    from . import workspace

    if not isinstance(base_version, int) or isinstance(base_version, bool):
        raise ValueError("base_version must be an integer")
    return workspace.delete_product(db, product_id, base_version)


def _store_local_product(conn: sqlite3.Connection, product: Mapping[str, Any]) -> ChangeSet:
    from . import workspace

    return workspace._store_local_product(conn, product)


def drop_local_draft(conn: sqlite3.Connection, item: OutboxItem,
                     changes: ChangeSet) -> None:
    """An applied create: drop the local draft (the server's copy comes by pull); a
    later local edit merged into the create that did not go out is queued again."""
    from . import workspace

    draft = -item.seq
    row = conn.execute("SELECT 1 FROM products WHERE id = ?", (draft,)).fetchone()
    if row is not None:
        # the company scope's next pull brings the product under its server id
        syncstate._delete_products(conn, [draft])
        changes.add_delete("product", draft)
    workspace.check_merged(conn, changes)


def undo_product_mutation(conn: sqlite3.Connection, item: OutboxItem, result: Any,
                          changes: ChangeSet) -> None:
    """A rejected catalog edit: show the server's product again. The user's version
    stays in the rejected outbox item: ``workspace.catalog_conflicts`` lists both."""
    from . import workspace

    current = result.get("current") if isinstance(result, Mapping) else None
    product = item.args.get("product") if isinstance(item.args, Mapping) else None
    if item.type == "product.upsert" and item.args.get("base_version") is None:
        draft = -item.seq
        syncstate._delete_products(conn, [draft])
        changes.add_delete("product", draft)
    changes.add_upsert("conflict", item.seq)
    workspace.check_merged(conn, changes)
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
