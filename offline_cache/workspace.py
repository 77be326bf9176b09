"""The client cache of the exhibitor's workspace (protocol sections 4 and 9) (Qt-free).

Plain functions over the ``sqlite_utils.Database`` (run them through ``Store.read`` /
``Store.write``; the write ones validate first and raise ``ValueError`` with a clear
message, writing nothing).

Pulled entities (``company:<id>`` scope, via ``syncstate.apply_page``)::

    apply_changes(conn, scope, kind, ident, other, out)   # figures_day, lead
    discard_scope(conn, scope, kind, ident, changes)       # reset / untrack
    after_result(conn, item, status, code, reason, result, changes) -> bool  # view.record

Local-first writes (one transaction: the local change and its mutation)::

    record_view(db, kind, id, at=None) -> ChangeSet
        # "booth"|"product"; view.record queued once per kind/id/UTC day (else a no-op)
    save_product(db, product, base_version, images=None) -> ChangeSet
        # product.upsert; images: None = unchanged, else the product's new image list,
        # each {"attachment_id": uuid, "local_path": str, "filename": str}
    delete_product(db, product_id, base_version=None) -> ChangeSet    # product.delete
    set_hidden(db, product_id, hidden) -> ChangeSet                   # product.upsert
    update_company(db, fields, images=None, base_version=None) -> ChangeSet
        # company.update of one's own company; images: {"logo"|"banner": upload mapping}
    resolve_conflict(db, seq, keep) -> ChangeSet     # keep: "mine" | "theirs"
    queue_import(db, products, *, company_id=None, filename="", row_numbers=(),
                 created=0, updated=0) -> int        # ONE product.import; returns its seq

Queries::

    own_company_id(db) -> int | None
    get_own_company(db) -> dict | None                # + pending, conflict, pending_logo/banner
    company_problems(fields, known_sections=None) -> list[tuple[str, str]]
    list_company_products(db, company_id, text="", include_hidden=True) -> list[dict]
        # + pending (an unsent edit), conflict (an unresolved rejection), pending_images
    catalog_conflicts(db) -> list[dict]
        # {seq, type, action: create|edit|delete|booth, product_id, company_id, mine,
        #  theirs, code, reason, at}
    list_figures(db, company_id, first_day, last_day) -> list[dict]   # every day filled
    list_leads(db, company_id, text="", source=None, sort="last_contact") -> list[dict]
    list_imports(db) -> list[dict]
    pending_uploads(db, seqs=None) -> list[dict]      # for the sync engine's push phase
    finished_uploads(db) -> list[dict]; forget_upload_files(db, attachment_ids)
    set_upload_state(db, attachment_id, state, reason=None) -> ChangeSet
    product_problems(product, *, create) -> list[tuple[str, str]]    # (field, problem)
        # each problem is a CodedText: the English text as before (a str) that also
        # carries ``.code`` ("product.moq_range") and ``.params`` for the UI's translation
    CodedText(text, code="", params=None)     # str subclass: English text + code + params

ChangeSet entity names used here: ``product``, ``company``, ``figures_day`` (day),
``lead`` (user id), ``conflict`` (seq), ``upload`` (attachment id), ``import`` (seq),
``outbox`` (seq).

Edits and conflicts. An edit names the product version the user saw (``base_version``);
another PC's change in between makes the server reject it as ``conflict`` with its
current product. The rejected outbox item keeps the user's version, the cached product
becomes the server's: ``catalog_conflicts`` lists both until the user keeps theirs
("theirs": dismissed) or re-queues their fields on the server's version ("mine"). A
second local edit of a product whose first edit has no result yet is merged into that
queued mutation (a booth edit only while the first is unsent; once it is on its way the
second waits: ``ValueError``, save again once it has synced). Nothing is overwritten
silently.
A merge that the sync engine had already read and pushed without is found when its
result arrives (``check_merged``, from the product hooks and each ``company:`` page)
and the difference is queued on the server's new version.

Products change in the cache at once (a new one under a temporary negative id, -seq).
Booth edits leave the cached company row (the server's) alone: ``get_own_company``
shows the unsent fields on top of it, and the server's copy from an applied result
until the directory pull brings it; the fair's booth page shows the change after sync.
Images live in ``ws_uploads`` (their local copies) until the engine has uploaded them.
Imports make no local products: the pull brings them once the server applied them.
"""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeGuard

import orjson

from . import outbox
from .changes import ChangeSet

if TYPE_CHECKING:
    import sqlite_utils

__all__ = [
    "COMPANY_FIELDS",
    "LEAD_SORTS",
    "LEAD_SOURCES",
    "MAX_IMAGES",
    "MAX_IMPORT_ROWS",
    "PRODUCT_FIELDS",
    "CodedText",
    "after_result",
    "apply_changes",
    "catalog_conflicts",
    "delete_product",
    "discard_scope",
    "get_own_company",
    "list_company_products",
    "list_figures",
    "list_imports",
    "list_leads",
    "own_company_id",
    "pending_uploads",
    "product_problems",
    "queue_import",
    "record_view",
    "resolve_conflict",
    "save_product",
    "set_hidden",
    "set_upload_state",
    "update_company",
]

#: product fields a client sends in product.upsert (category_id, version, updated_at,
#: image_count are the server's)
PRODUCT_FIELDS = (
    "id", "company_id", "section_id", "name_en", "name_zh", "desc_en", "desc_zh", "specs",
    "price_min_cents", "price_max_cents", "currency", "moq", "unit_en", "unit_zh",
    "lead_time_days", "certifications", "keywords", "hidden", "image_attachment_ids",
)
COMPANY_FIELDS = (
    "name_en", "name_zh", "country", "city", "founded", "employees", "profile_en",
    "profile_zh", "section_ids", "logo_attachment_id", "banner_attachment_id",
)
FIGURES = ("booth_visits", "product_views", "inquiries", "deals", "grants", "card_requests")
LEAD_SOURCES = ("authorized", "messaged", "deal")
LEAD_SORTS = {
    "last_contact": "last_contact_at IS NULL, last_contact_at DESC, user_id",
    "first_contact": "first_contact_at IS NULL, first_contact_at, user_id",
    "name": "display_name COLLATE NOCASE, user_id",
    "company": "company COLLATE NOCASE, display_name COLLATE NOCASE, user_id",
    "country": "country, display_name COLLATE NOCASE, user_id",
    "messages": "message_count DESC, user_id",
    "deals": "deal_count DESC, user_id",
}
VIEW_KINDS = ("booth", "product")
MAX_IMAGES = 8
MAX_IMPORT_ROWS = 2000
MAX_SECTIONS = 5
_CATALOG_TYPES = ("product.upsert", "product.delete", "company.update")
_NULLABLE = frozenset({"price_min_cents", "price_max_cents", "lead_time_days"})
_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_AT_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z$")
_TEXT_LIMITS = {
    "name_en": 300, "name_zh": 300, "desc_en": 20000, "desc_zh": 20000, "unit_en": 50,
    "unit_zh": 50, "keywords": 20000,
}
_COMPANY_TEXT_LIMITS = {
    "name_en": 300, "name_zh": 300, "city": 200, "profile_en": 20000, "profile_zh": 20000,
}


def _conn(db: sqlite_utils.Database | sqlite3.Connection) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def _now() -> str:
    from .store import utcnow

    return utcnow()


def _dumps(v: Any) -> str:
    return orjson.dumps(v).decode()


def _loads(v: str | bytes | None) -> Any:
    if v is None:
        return None
    try:
        return orjson.loads(v)
    except orjson.JSONDecodeError:
        return None


def _is_int(v: Any) -> TypeGuard[int]:
    return isinstance(v, int) and not isinstance(v, bool)


def _pos_int(v: Any, name: str) -> int:
    if not _is_int(v) or v <= 0:
        raise ValueError(f"{name} must be a positive integer, got {v!r}")
    return int(v)


def _is_uuid(v: Any) -> bool:
    if not isinstance(v, str):
        return False
    try:
        return str(uuid.UUID(v)) == v
    except ValueError:
        return False


class CodedText(str):
    """An English message (a plain ``str`` to every caller: compares, joins and prints as
    the text) that also carries a stable ``code`` (such as ``"product.moq_range"``) and
    the ``params`` of its template, so a UI can show it translated. Operations on it
    (formatting, concatenation) give plain strings: only the object itself is coded."""

    code: str
    params: dict[str, Any]

    def __new__(cls, text: str, code: str = "", params: Mapping[str, Any] | None = None
                ) -> CodedText:
        self = super().__new__(cls, text)
        self.code = code
        self.params = dict(params or {})
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (CodedText, (str(self), self.code, self.params))


class CodedError(ValueError):
    """A ValueError whose message (``args[0]``) may be a :class:`CodedText`: ``.code`` and
    ``.params`` give its stable id and template params ("" and {} for a plain message)."""

    @property
    def code(self) -> str:
        return str(getattr(self.args[0] if self.args else "", "code", ""))

    @property
    def params(self) -> dict[str, Any]:
        return dict(getattr(self.args[0] if self.args else "", "params", {}))


def _bad_text(v: str) -> str | None:
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        return CodedText("is not valid text (unpaired surrogate)", "product.surrogate")
    if "\x00" in v:
        return CodedText("contains a NUL character", "product.nul")
    return None


# ================================================================ pulled entities
def apply_changes(conn: sqlite3.Connection, scope: str, kind: str, ident: int | None,
                  other: Mapping[str, Sequence[Mapping[str, Any]]], out: ChangeSet) -> None:
    """Apply this module's entities of one pulled page of a ``me``/``company`` scope
    (inside apply_page's transaction); unknown entity types are ignored."""
    if kind != "company" or ident is None:
        return
    from .syncstate import MalformedPage

    try:
        for ch in other.get("figures_day", ()):
            _apply_figures(conn, ident, ch, out)
        for ch in other.get("lead", ()):
            _apply_lead(conn, ident, ch, out)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        if isinstance(exc, MalformedPage):
            raise
        raise MalformedPage(f"malformed entity in {scope}: {exc!r}") from exc
    except (sqlite3.InterfaceError, OverflowError) as exc:
        raise MalformedPage(f"values not storable in {scope}: {exc}") from exc
    check_merged(conn, out)


def _apply_figures(conn: sqlite3.Connection, company_id: int, ch: Mapping[str, Any],
                   out: ChangeSet) -> None:
    if ch["op"] == "delete":
        day = str(ch["id"])
        conn.execute("DELETE FROM ws_figures WHERE company_id = ? AND day = ?",
                     (company_id, day))
        out.add_delete("figures_day", day)
        return
    data = ch["data"]
    if not isinstance(data, Mapping):
        raise TypeError("figures_day data must be an object")
    day = str(data.get("day") or data.get("id") or ch.get("id"))
    if not re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", day):
        raise ValueError(f"figures_day with a bad day {day!r}")
    conn.execute(
        "INSERT OR REPLACE INTO ws_figures(company_id, day, data) VALUES (?, ?, ?)",
        (company_id, day, _dumps(dict(data))))
    out.add_upsert("figures_day", day)


def _apply_lead(conn: sqlite3.Connection, company_id: int, ch: Mapping[str, Any],
                out: ChangeSet) -> None:
    if ch["op"] == "delete":
        uid = ch["id"]
        if not _is_int(uid):
            raise TypeError(f"lead id must be an integer, got {uid!r}")
        conn.execute("DELETE FROM ws_leads WHERE company_id = ? AND user_id = ?",
                     (company_id, uid))
        out.add_delete("lead", uid)
        return
    d = ch["data"]
    if not isinstance(d, Mapping):
        raise TypeError("lead data must be an object")
    uid = d.get("user_id", d.get("id", ch.get("id")))
    if not _is_int(uid):
        raise TypeError(f"lead user_id must be an integer, got {uid!r}")
    conn.execute(
        "INSERT OR REPLACE INTO ws_leads(company_id, user_id, display_name, company, country, "
        "email, sources, first_contact_at, last_contact_at, message_count, deal_count, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (company_id, uid, d.get("display_name"), d.get("company"), d.get("country"),
         d.get("email"), _dumps(list(d.get("sources") or [])), d.get("first_contact_at"),
         d.get("last_contact_at"), int(d.get("message_count") or 0),
         int(d.get("deal_count") or 0), _dumps(dict(d))))
    out.add_upsert("lead", uid)


def discard_scope(conn: sqlite3.Connection, scope: str, kind: str, ident: int | None,
                  changes: ChangeSet) -> None:
    """Drop the data a ``me``/``company`` scope owns (reset or untrack)."""
    if kind != "company" or ident is None:
        return
    days = [r[0] for r in conn.execute("SELECT day FROM ws_figures WHERE company_id = ?",
                                       (ident,))]
    users = [r[0] for r in conn.execute("SELECT user_id FROM ws_leads WHERE company_id = ?",
                                        (ident,))]
    conn.execute("DELETE FROM ws_figures WHERE company_id = ?", (ident,))
    conn.execute("DELETE FROM ws_leads WHERE company_id = ?", (ident,))
    changes.add_deletes("figures_day", days)
    changes.add_deletes("lead", users)


def after_result(conn: sqlite3.Connection, item: outbox.OutboxItem, status: str,
                 code: str | None, reason: str | None, result: Any,
                 changes: ChangeSet) -> bool:
    """The server's result for a ``view.record``: nothing to undo (a refused view is
    simply not counted). Never asks for a ``me`` re-pull."""
    return False


# ================================================================ views (buyer side)
def _utc_at(at: str | datetime | None) -> str:
    if at is None:
        at = datetime.now(UTC)
    if isinstance(at, datetime):
        if at.tzinfo is None:
            raise ValueError("the view time must be timezone-aware (UTC)")
        return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if not isinstance(at, str) or not _AT_RE.match(at):
        raise ValueError(f"the view time must be UTC YYYY-MM-DDTHH:MM:SS[.ffffff]Z, got {at!r}")
    return at


def record_view(db: sqlite_utils.Database, kind: str, id: int,
                at: str | datetime | None = None) -> ChangeSet:
    """A buyer opened a booth (``kind="booth"``, the company id) or a product page:
    queue ``view.record`` unless this kind/id was already queued for that UTC day.
    Exhibitor staff views are not counted by the server, so they are not queued."""
    if kind not in VIEW_KINDS:
        raise ValueError(f"view kind must be booth or product, got {kind!r}")
    target = _pos_int(id, "the viewed id")
    stamp = _utc_at(at)
    day = stamp[:10]
    conn = _conn(db)
    changes = ChangeSet()
    role = conn.execute("SELECT role FROM profile LIMIT 1").fetchone()
    if role is not None and role[0] == "exhibitor":
        return changes
    cur = conn.execute("INSERT OR IGNORE INTO ws_views(kind, target_id, day) VALUES (?, ?, ?)",
                       (kind, target, day))
    if not cur.rowcount:
        return changes
    seq = outbox.enqueue(db, "view.record", {"kind": kind, "id": target, "at": stamp})
    conn.execute("UPDATE ws_views SET seq = ? WHERE kind = ? AND target_id = ? AND day = ?",
                 (seq, kind, target, day))
    # forget the marks of days that can no longer be queued again anyway
    cutoff = (date.fromisoformat(day) - timedelta(days=3)).isoformat()
    conn.execute("DELETE FROM ws_views WHERE day < ?", (cutoff,))
    changes.add_upsert("outbox", seq)
    return changes


# ================================================================ product checks
def product_problems(product: Mapping[str, Any], *, create: bool) -> list[tuple[str, str]]:
    """Every problem of a product.upsert ``product`` (as the server checks it), as
    (field, problem) pairs; empty when it is valid. ``create``: name_en and section_id
    are required; otherwise ``id``. Each problem is a :class:`CodedText` (code
    ``product.*``; params as named in the text, e.g. ``limit``)."""
    p = product
    out: list[tuple[str, str]] = []

    def bad(field: str, problem: str, code: str = "", **params: Any) -> None:
        out.append((field, CodedText(problem, f"product.{code}" if code else "", params)))

    unknown = sorted(k for k in p if k not in PRODUCT_FIELDS)
    for k in unknown:
        bad(k, "is not a product field", "unknown_field")
    if create:
        if p.get("name_en") in (None, "") or (isinstance(p.get("name_en"), str)
                                               and not p["name_en"].strip()):
            bad("name_en", "is required", "required")
        if p.get("section_id") is None:
            bad("section_id", "is required", "required")
    elif not _is_int(p.get("id")) or p["id"] <= 0:
        bad("id", "an edit needs the product's id", "id_required")
    for f in ("company_id", "section_id"):
        if p.get(f) is not None and (not _is_int(p[f]) or p[f] <= 0):
            bad(f, "must be a positive whole number", "positive_int")
    for f, limit in _TEXT_LIMITS.items():
        if f not in p:
            continue
        v = p[f]
        if v is None:
            bad(f, "may not be empty (null)", "null")
        elif not isinstance(v, str):
            bad(f, "must be text", "not_text")
        elif len(v) > limit:
            bad(f, f"is longer than {limit:,} characters", "too_long", limit=f"{limit:,}")
        elif (why := _bad_text(v)) is not None:
            out.append((f, why))
    if "name_en" in p and isinstance(p["name_en"], str) and not p["name_en"].strip() \
            and not create:
        bad("name_en", "may not be blank", "blank")
    for f in ("price_min_cents", "price_max_cents"):
        v = p.get(f)
        if v is not None and (not _is_int(v) or not 0 <= v <= 10**13):
            bad(f, "must be a whole number of cents from 0 to 10^13", "cents_range")
    lo, hi = p.get("price_min_cents"), p.get("price_max_cents")
    if _is_int(lo) and _is_int(hi) and lo > hi:
        bad("price_max_cents", "is below the minimum price", "max_below_min")
    if "currency" in p and (not isinstance(p["currency"], str)
                            or not _CURRENCY_RE.match(p["currency"])):
        bad("currency", "must be a 3-letter ISO 4217 code such as USD", "currency")
    if "moq" in p and (not _is_int(p["moq"]) or not 1 <= p["moq"] <= 10**9):
        bad("moq", "must be a whole number from 1 to 1,000,000,000", "moq_range")
    v = p.get("lead_time_days")
    if v is not None and (not _is_int(v) or not 0 <= v <= 3650):
        bad("lead_time_days", "must be a whole number of days from 0 to 3650", "lead_range")
    if "hidden" in p and not isinstance(p["hidden"], bool):
        bad("hidden", "must be true or false", "hidden_bool")
    if "certifications" in p:
        certs = p["certifications"]
        if not isinstance(certs, list) or len(certs) > 50:
            bad("certifications", "must be a list of at most 50 names", "certs_list")
        elif any(not isinstance(c, str) or not 1 <= len(c) <= 50 for c in certs):
            bad("certifications", "each certification is 1 to 50 characters", "cert_length")
    if "specs" in p:
        specs = p["specs"]
        if not isinstance(specs, list) or len(specs) > 100:
            bad("specs", "must be a list of at most 100 specifications", "specs_list")
        else:
            for i, s in enumerate(specs):
                if not isinstance(s, Mapping) or set(s) - {"name_en", "name_zh", "value"}:
                    bad(f"specs.{i}", "must have name_en, name_zh and value only", "spec_keys")
                    continue
                if not isinstance(s.get("name_en"), str) or not 0 < len(s["name_en"]) <= 200:
                    bad(f"specs.{i}.name_en", "is required (at most 200 characters)", "spec_name")
                if not isinstance(s.get("name_zh", ""), str) or len(s.get("name_zh", "")) > 200:
                    bad(f"specs.{i}.name_zh", "is at most 200 characters", "spec_name_zh")
                if not isinstance(s.get("value"), str) or len(s["value"]) > 500:
                    bad(f"specs.{i}.value", "is required (at most 500 characters)", "spec_value")
    if "image_attachment_ids" in p:
        ids = p["image_attachment_ids"]
        if not isinstance(ids, list) or len(ids) > MAX_IMAGES:
            bad("image_attachment_ids", f"a product has at most {MAX_IMAGES} images", "images_max",
                max=MAX_IMAGES)
        elif not all(_is_uuid(i) for i in ids):
            bad("image_attachment_ids", "must be attachment UUIDs", "images_uuid")
    for f, v in p.items():
        if v is None and f in PRODUCT_FIELDS and f not in _NULLABLE and f not in _TEXT_LIMITS \
                and f not in ("id", "company_id", "section_id"):
            bad(f, "may not be empty (null)", "null")
    return out


def _raise_problems(problems: Sequence[tuple[str, str]]) -> None:
    if problems:
        # the message is coded too ("product.problems", params: items = the pairs)
        raise ValueError(CodedText("; ".join(f"{f}: {why}" for f, why in problems),
                                   "product.problems", {"items": list(problems)}))


def _clean_product(product: Mapping[str, Any]) -> dict[str, Any]:
    """Only the fields a client sends (drops read-only/UI-only keys such as version)."""
    if not isinstance(product, Mapping):
        raise ValueError("product must be a mapping of fields")
    out: dict[str, Any] = {}
    for k, v in product.items():
        if k not in PRODUCT_FIELDS:
            continue
        if isinstance(v, tuple):
            v = list(v)
        if v is None and k in _TEXT_LIMITS and k != "name_en":
            v = ""              # an empty text box
        elif v is None and k in ("specs", "certifications"):
            v = []
        elif v is None and k in ("moq", "currency", "hidden", "image_attachment_ids"):
            continue            # not set: the server keeps (or defaults) it
        out[k] = v
    return out


# ================================================================ company and profile
def own_company_id(db: sqlite_utils.Database | sqlite3.Connection) -> int | None:
    """The signed-in staff member's company (from the cached profile, else the one
    tracked company scope)."""
    conn = _conn(db)
    row = conn.execute("SELECT company_id, role FROM profile LIMIT 1").fetchone()
    if row is not None and _is_int(row[0]) and row[1] != "buyer":
        return int(row[0])
    scopes = [r[0] for r in conn.execute("SELECT scope FROM scopes WHERE scope LIKE 'company:%'")]
    if len(scopes) == 1:
        return int(scopes[0].split(":", 1)[1])
    return None


def _open_items(conn: sqlite3.Connection, type_: str) -> list[outbox.OutboxItem]:
    from .outbox import _COLS, _item

    rows = conn.execute(
        f"SELECT {_COLS} FROM outbox WHERE state IN ('pending', 'sent') AND type = ? "
        "ORDER BY seq", (type_,)).fetchall()
    return [_item(r) for r in rows]


def _get_item(conn: sqlite3.Connection, seq: int) -> outbox.OutboxItem | None:
    from .outbox import _COLS, _item

    row = conn.execute(f"SELECT {_COLS} FROM outbox WHERE seq = ?", (seq,)).fetchone()
    return _item(row) if row else None


def _set_args(conn: sqlite3.Connection, seq: int, args: Mapping[str, Any]) -> None:
    conn.execute("UPDATE outbox SET args = ?, updated_at = ? WHERE seq = ?",
                 (_dumps(dict(args)), _now(), seq))


def _uploads_of(conn: sqlite3.Connection, seq: int) -> dict[str, dict[str, Any]]:
    return {r[0]: {"attachment_id": r[0], "purpose": r[1], "local_path": r[2],
                   "filename": r[3], "state": r[4], "reason": r[5]}
            for r in conn.execute(
                "SELECT attachment_id, purpose, local_path, filename, state, reason "
                "FROM ws_uploads WHERE seq = ? ORDER BY rowid", (seq,))}


def _add_uploads(conn: sqlite3.Connection, seq: int, purpose: str,
                 uploads: Iterable[Mapping[str, Any]], changes: ChangeSet) -> list[str]:
    ids: list[str] = []
    for u in uploads:
        aid = u.get("attachment_id")
        path = u.get("local_path")
        if not _is_uuid(aid):
            raise ValueError("an image upload needs an attachment UUID (canonical lower case)")
        if not isinstance(path, str) or not path:
            raise ValueError("an image upload needs its local file path")
        conn.execute(
            "INSERT INTO ws_uploads(attachment_id, seq, purpose, local_path, filename, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(attachment_id) DO UPDATE SET "
            "seq = excluded.seq", (aid, seq, purpose, path, u.get("filename"), _now()))
        ids.append(str(aid))
        changes.add_upsert("upload", str(aid))
    return ids


def _relink_uploads(conn: sqlite3.Connection, ids: Iterable[str], seq: int) -> list[str]:
    """Re-queued image ids (keep mine): those not failed move to the new mutation."""
    kept: list[str] = []
    for aid in ids:
        row = conn.execute("SELECT state FROM ws_uploads WHERE attachment_id = ?",
                           (aid,)).fetchone()
        if row is not None and row[0] == "failed":
            continue
        conn.execute("UPDATE ws_uploads SET seq = ? WHERE attachment_id = ?", (seq, aid))
        kept.append(aid)
    return kept


# ================================================================ product writes
def _section_category(conn: sqlite3.Connection, section_id: Any) -> int | None:
    row = conn.execute("SELECT category_id FROM sections WHERE id = ?", (section_id,)).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def _store_local_product(conn: sqlite3.Connection, product: Mapping[str, Any]) -> ChangeSet:
    from . import syncstate

    changes = ChangeSet()
    company_id = int(product["company_id"])
    base: dict[str, Any] = {
        "specs": [], "image_count": 0, "price_min_cents": None, "price_max_cents": None,
        "currency": "USD", "moq": None, "unit_en": None, "unit_zh": None,
        "lead_time_days": None, "certifications": [], "keywords": "", "desc_en": "",
        "desc_zh": "", "version": None, "updated_at": None, "name_zh": "", "hidden": False,
    }
    old = conn.execute("SELECT version, updated_at, image_count, category_id FROM products "
                       "WHERE id = ?", (product["id"],)).fetchone()
    if old is not None:
        base["version"], base["updated_at"], base["image_count"], base["category_id"] = old
    base.update({k: v for k, v in product.items() if k != "image_attachment_ids"})
    if base.get("category_id") is None:
        base["category_id"] = _section_category(conn, base.get("section_id"))
    syncstate._upsert_products(conn, "company", company_id, [base], changes)
    return changes


def _local_product(conn: sqlite3.Connection, product_id: int) -> dict[str, Any] | None:
    from .queries import get_product

    return get_product(conn, product_id)  # type: ignore[arg-type]


def save_product(db: sqlite_utils.Database, product: Mapping[str, Any],
                 base_version: int | None,
                 images: Sequence[Mapping[str, Any]] | None = None) -> ChangeSet:
    """Exhibitor staff: create (``base_version`` None) or edit a product of their company
    and queue ``product.upsert``.

    The local copy changes at once (a new product gets a temporary negative id, -seq,
    until the server assigns the real one). Editing such a draft again, or a product
    whose previous edit is still unsent, merges into the queued mutation. ``images``
    (None: unchanged) replaces the product's images: each ``{"attachment_id",
    "local_path", "filename"}``; the sync engine uploads them before pushing.
    """
    conn = _conn(db)
    data = _clean_product(product)
    changes_before = ChangeSet()
    check_merged(conn, changes_before)
    if base_version is not None and (not _is_int(base_version) or base_version < 0):
        raise ValueError("base_version must be a whole number or None")
    pid = data.get("id")
    draft_seq = -pid if _is_int(pid) and pid < 0 else None
    if draft_seq is not None:
        return _edit_draft(conn, db, draft_seq, data, images).merge(changes_before)
    if base_version is None or base_version == 0:
        data.pop("id", None)
        return _create(conn, db, data, images).merge(changes_before)
    if not _is_int(pid) or int(pid or 0) <= 0:
        raise ValueError("editing a product needs its positive integer id")
    return _edit(conn, db, data, base_version, images).merge(changes_before)


def _company_for(conn: sqlite3.Connection, data: Mapping[str, Any]) -> int:
    cid = data.get("company_id")
    if cid is None and _is_int(data.get("id")):
        row = conn.execute("SELECT company_id FROM products WHERE id = ?", (data["id"],)).fetchone()
        cid = row[0] if row else None
    if cid is None:
        cid = own_company_id(conn)
    if cid is None:
        raise ValueError("product is missing: company_id (sign in as exhibitor staff)")
    return _pos_int(cid, "company_id")


def _create(conn: sqlite3.Connection, db: sqlite_utils.Database, data: dict[str, Any],
            images: Sequence[Mapping[str, Any]] | None) -> ChangeSet:
    missing = [f for f in ("section_id", "name_en") if data.get(f) in (None, "")]
    if missing:
        raise ValueError(f"product is missing: {', '.join(missing)}")
    data["company_id"] = _company_for(conn, data)
    if images is not None:
        data["image_attachment_ids"] = [str(u.get("attachment_id")) for u in images]
    _raise_problems(product_problems(data, create=True))
    changes = ChangeSet()
    seq = outbox.enqueue(db, "product.upsert", {"product": data, "base_version": None})
    if images is not None:
        _add_uploads(conn, seq, "product", images, changes)
    local = dict(data)
    local["id"] = -seq
    local["version"] = 0
    changes.merge(_store_local_product(conn, local))
    changes.add_upsert("outbox", seq)
    return changes


def _edit_draft(conn: sqlite3.Connection, db: sqlite_utils.Database, seq: int,
                data: dict[str, Any], images: Sequence[Mapping[str, Any]] | None) -> ChangeSet:
    item = _get_item(conn, seq)
    if item is None or item.type != "product.upsert" or item.state not in ("pending", "sent"):
        raise ValueError("this new product was already sent to the fair; edit it once it "
                         "has synced")
    old = dict(item.args.get("product") or {})
    data.pop("id", None)
    merged = {**old, **data}
    changes = ChangeSet()
    if images is not None:
        merged["image_attachment_ids"] = [str(u.get("attachment_id")) for u in images]
    _raise_problems(product_problems(merged, create=True))
    if images is not None:
        _add_uploads(conn, seq, "product", images, changes)
    _set_args(conn, seq, {"product": merged, "base_version": None})
    conn.execute("INSERT OR IGNORE INTO ws_merged(seq) VALUES (?)", (seq,))
    local = dict(merged)
    local["id"] = -seq
    local["version"] = 0
    changes.merge(_store_local_product(conn, local))
    changes.add_upsert("outbox", seq)
    return changes


def _open_edit(conn: sqlite3.Connection, pid: int) -> outbox.OutboxItem | None:
    for item in reversed(_open_items(conn, "product.upsert")):
        p = item.args.get("product")
        if isinstance(p, Mapping) and p.get("id") == pid:
            return item
    return None


def _edit(conn: sqlite3.Connection, db: sqlite_utils.Database, data: dict[str, Any],
          base_version: int, images: Sequence[Mapping[str, Any]] | None) -> ChangeSet:
    pid = int(data["id"])
    data["company_id"] = _company_for(conn, data)
    if images is not None:
        data["image_attachment_ids"] = [str(u.get("attachment_id")) for u in images]
    _raise_problems(product_problems(data, create=False))
    current = _local_product(conn, pid)
    if current is not None:
        lo = data.get("price_min_cents", current.get("price_min_cents"))
        hi = data.get("price_max_cents", current.get("price_max_cents"))
        if _is_int(lo) and _is_int(hi) and int(lo or 0) > int(hi or 0):
            raise ValueError("price_max_cents: is below the minimum price")
    changes = ChangeSet()
    pending = _open_edit(conn, pid)
    if pending is not None:
        # pending, or sent without a reply yet: a retry sends the merged fields under the
        # same seq; if the server had applied the first version already, its recorded
        # result comes back and check_merged queues the difference
        merged = {**pending.args["product"], **data}
        _set_args(conn, pending.seq, {"product": merged,
                                      "base_version": pending.args.get("base_version")})
        conn.execute("INSERT OR IGNORE INTO ws_merged(seq) VALUES (?)", (pending.seq,))
        seq = pending.seq
    else:
        seq = outbox.enqueue(db, "product.upsert", {"product": data,
                                                     "base_version": base_version})
    if images is not None:
        _add_uploads(conn, seq, "product", images, changes)
    if current is not None or "section_id" in data:
        local = {**(current or {}), **data}
        changes.merge(_store_local_product(conn, local))
    changes.add_upsert("outbox", seq)
    return changes


def set_hidden(db: sqlite_utils.Database, product_id: int, hidden: bool) -> ChangeSet:
    """Hide a product from buyers (or show it again): product.upsert {hidden}."""
    if not isinstance(hidden, bool):
        raise ValueError("hidden must be true or false")
    conn = _conn(db)
    pid = int(product_id) if _is_int(product_id) else 0
    current = _local_product(conn, pid) if pid else None
    if current is None:
        raise ValueError(f"product {product_id!r} is not in this workspace")
    data = {"id": pid, "company_id": current["company_id"], "hidden": hidden}
    if pid < 0:
        return save_product(db, data, None)
    return save_product(db, data, current.get("version") or 1)


def delete_product(db: sqlite_utils.Database, product_id: int,
                   base_version: int | None = None) -> ChangeSet:
    """Delete a product of one's company (checked against ``base_version``, default the
    cached version). A product created here that never synced cannot be deleted before
    it has (its creation is on its way)."""
    from . import syncstate

    conn = _conn(db)
    if not _is_int(product_id) or product_id == 0:
        raise ValueError("product_id must be a positive integer")
    if product_id < 0:
        raise ValueError("this new product is still waiting to be sent; delete it once it "
                         "has synced")
    if base_version is None:
        current = _local_product(conn, product_id)
        base_version = current.get("version") if current else None
    if base_version is not None and (not _is_int(base_version) or base_version < 1):
        raise ValueError("base_version must be a positive whole number or None")
    pending = _open_edit(conn, product_id)
    if pending is not None and base_version is not None:
        # the queued edit applies first and bumps the version by one
        base_version = int(pending.args.get("base_version") or base_version) + 1
    seq = outbox.enqueue(db, "product.delete", {"id": product_id, "base_version": base_version})
    syncstate._delete_products(conn, [product_id])
    changes = ChangeSet()
    changes.add_delete("product", product_id)
    changes.add_upsert("outbox", seq)
    return changes


# ================================================================ company writes
def company_problems(fields: Mapping[str, Any],
                     known_sections: Iterable[int] | None = None) -> list[tuple[str, str]]:
    """(field, problem) of a company.update ``fields`` mapping."""
    out: list[tuple[str, str]] = []
    for k in sorted(set(fields) - set(COMPANY_FIELDS)):
        out.append((k, "is not a booth field"))
    for f, limit in _COMPANY_TEXT_LIMITS.items():
        if f not in fields:
            continue
        v = fields[f]
        if not isinstance(v, str):
            out.append((f, "must be text"))
        elif len(v) > limit:
            out.append((f, f"is longer than {limit:,} characters"))
        elif (why := _bad_text(v)) is not None:
            out.append((f, why))
    if "name_en" in fields and isinstance(fields["name_en"], str) and not fields["name_en"].strip():
        out.append(("name_en", "may not be blank"))
    if "country" in fields and (not isinstance(fields["country"], str)
                                or not _COUNTRY_RE.match(fields["country"])):
        out.append(("country", "must be a 2-letter ISO 3166 code such as CN"))
    if "founded" in fields and fields["founded"] is not None and (
            not _is_int(fields["founded"]) or not 1700 <= fields["founded"] <= 2100):
        out.append(("founded", "must be a year from 1700 to 2100"))
    if "employees" in fields and fields["employees"] is not None and (
            not _is_int(fields["employees"]) or not 0 <= fields["employees"] <= 10**7):
        out.append(("employees", "must be a whole number from 0 to 10,000,000"))
    if "section_ids" in fields:
        ids = fields["section_ids"]
        if not isinstance(ids, list) or not 1 <= len(ids) <= MAX_SECTIONS \
                or not all(_is_int(i) and i > 0 for i in ids):
            out.append(("section_ids", f"choose 1 to {MAX_SECTIONS} sections"))
        elif len(set(ids)) != len(ids):
            out.append(("section_ids", "lists a section twice"))
        elif known_sections is not None:
            known = set(known_sections)
            missing = [i for i in ids if i not in known]
            if known and missing:
                out.append(("section_ids", f"no such section: {missing[0]}"))
    for f in ("logo_attachment_id", "banner_attachment_id"):
        if f in fields and fields[f] is not None and not _is_uuid(fields[f]):
            out.append((f, "must be an attachment UUID or null"))
    return out


def update_company(db: sqlite_utils.Database, fields: Mapping[str, Any],
                   images: Mapping[str, Mapping[str, Any]] | None = None,
                   base_version: int | None = None) -> ChangeSet:
    """Edit one's own booth (company.update): profile text, sections, logo/banner.

    ``images``: ``{"logo": upload, "banner": upload}`` (an upload as in save_product);
    set ``logo_attachment_id``/``banner_attachment_id`` to None in ``fields`` to go back
    to the default. ``base_version`` defaults to the cached company's version.
    """
    conn = _conn(db)
    if not isinstance(fields, Mapping):
        raise ValueError("booth fields must be a mapping")
    data = {k: (list(v) if isinstance(v, tuple) else v) for k, v in fields.items()}
    country = data.get("country")
    if isinstance(country, str):
        data["country"] = country.strip().upper()
    images = dict(images or {})
    for kind in images:
        if kind not in ("logo", "banner"):
            raise ValueError(f"booth image must be logo or banner, got {kind!r}")
        data[f"{kind}_attachment_id"] = images[kind].get("attachment_id")
    if not data:
        raise ValueError("nothing to change")
    known = [r[0] for r in conn.execute("SELECT id FROM sections")]
    _raise_problems(company_problems(data, known))
    changes = ChangeSet()
    check_merged(conn, changes)
    cid = own_company_id(conn)
    if cid is None:
        raise ValueError("only exhibitor staff edit a booth (no company in this profile)")
    row = conn.execute("SELECT version FROM companies WHERE id = ?", (cid,)).fetchone()
    if base_version is None and row is not None and _is_int(row[0]):
        base_version = int(row[0])
    pending = [i for i in _open_items(conn, "company.update") if i.state == "pending"]
    sent = [i for i in _open_items(conn, "company.update") if i.state == "sent"]
    if pending:
        item = pending[-1]
        merged = {**(item.args.get("fields") or {}), **data}
        _set_args(conn, item.seq, {**item.args, "fields": merged})
        conn.execute("INSERT OR IGNORE INTO ws_merged(seq) VALUES (?)", (item.seq,))
        seq = item.seq
    elif sent:
        raise ValueError("your previous booth change is being sent; save again once it "
                         "has synced")
    else:
        seq = outbox.enqueue(db, "company.update",
                             {"id": cid, "fields": data, "base_version": base_version})
    for kind, up in images.items():
        _add_uploads(conn, seq, kind, [up], changes)
    # the cached row stays the server's (the conflict list shows it as "theirs"); the
    # workspace shows the unsent change on top of it (get_own_company)
    changes.add_upsert("company", cid)
    changes.add_upsert("outbox", seq)
    return changes


# ================================================================ merge race check
def check_merged(conn: sqlite3.Connection, changes: ChangeSet) -> None:
    """A later local edit merged into a queued mutation that the sync engine had already
    read may have gone out without it: once applied, queue the difference on the
    server's new version."""
    rows = conn.execute("SELECT seq FROM ws_merged").fetchall()
    for (seq,) in rows:
        item = _get_item(conn, seq)
        if item is None or item.state in ("rejected", "applied"):
            conn.execute("DELETE FROM ws_merged WHERE seq = ?", (seq,))
        if item is None or item.state != "applied":
            continue
        follow_up(conn, item, item.result, changes)


def follow_up(conn: sqlite3.Connection, item: outbox.OutboxItem, result: Any,
              changes: ChangeSet) -> None:
    """Queue what an applied (merged) mutation's server copy lacks of its args."""
    if not isinstance(result, Mapping) or not isinstance(result.get("data"), Mapping):
        return
    data = result["data"]
    version = result.get("version", data.get("version"))
    if not _is_int(version):
        return
    if item.type == "product.upsert":
        mine = item.args.get("product") or {}
        diff = {k: v for k, v in mine.items()
                if k not in ("id", "company_id", "image_attachment_ids")
                and _norm(data.get(k)) != _norm(v)}
        if "image_attachment_ids" in mine and \
                data.get("image_count") != len(mine["image_attachment_ids"]):
            diff["image_attachment_ids"] = mine["image_attachment_ids"]
        pid = result.get("product_id", data.get("id"))
        if not diff or not _is_int(pid):
            return
        seq = outbox.enqueue(conn, "product.upsert",  # type: ignore[arg-type]
                             {"product": {"id": pid, "company_id": data.get("company_id"),
                                          **diff}, "base_version": version})
        if "image_attachment_ids" in diff:
            _relink_uploads(conn, diff["image_attachment_ids"], seq)
    elif item.type == "company.update":
        mine = item.args.get("fields") or {}
        diff = {k: v for k, v in mine.items()
                if k not in ("logo_attachment_id", "banner_attachment_id")
                and _norm(data.get(k)) != _norm(v)}
        if not diff:
            return
        seq = outbox.enqueue(conn, "company.update",  # type: ignore[arg-type]
                             {"id": item.args.get("id"), "fields": diff,
                              "base_version": version})
    else:
        return
    changes.add_upsert("outbox", seq)


def _norm(v: Any) -> Any:
    if isinstance(v, list):
        return [_norm(x) for x in v]
    if isinstance(v, Mapping):
        return {k: _norm(x) for k, x in v.items() if not (k == "name_zh" and x == "")}
    return v


# ================================================================ conflicts
def catalog_conflicts(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Rejected catalog/booth edits the user has not resolved, oldest first: ``mine``
    (what the user saved), ``theirs`` (the server's current copy, or None), the
    server's ``code`` and ``reason``."""
    from .queries import get_company

    conn = _conn(db)
    rows = conn.execute(
        "SELECT seq, type, args, code, reason, result, updated_at FROM outbox "
        "WHERE state = 'rejected' AND type IN ('product.upsert', 'product.delete', "
        "'company.update') AND seq NOT IN (SELECT seq FROM ws_resolved) ORDER BY seq"
    ).fetchall()
    out: list[dict[str, Any]] = []
    for seq, type_, args_json, code, reason, result_json, at in rows:
        args = _loads(args_json) or {}
        result = _loads(result_json)
        current = result.get("current") if isinstance(result, Mapping) else None
        failed = [u for u in _uploads_of(conn, seq).values() if u["state"] == "failed"]
        if failed:
            why = "; ".join(f"{u['filename'] or 'image'}: {u['reason']}" for u in failed)
            reason = f"{reason} ({why})" if reason else why
        entry: dict[str, Any] = {"seq": seq, "type": type_, "code": code, "reason": reason,
                                 "at": at}
        if type_ == "company.update":
            cid = args.get("id")
            theirs = get_company(conn, cid) if _is_int(cid) else None  # type: ignore[arg-type]
            if isinstance(current, Mapping) and _is_int(current.get("version")) and (
                    theirs is None or not _is_int(theirs.get("version"))
                    or current["version"] > theirs["version"]):
                theirs = dict(current)
            entry.update(action="booth", product_id=None, company_id=cid,
                         mine=args.get("fields") or {}, theirs=theirs)
        else:
            if type_ == "product.delete":
                pid = args.get("id")
                mine = None
                action = "delete"
            else:
                mine = args.get("product") or {}
                pid = mine.get("id")
                action = "create" if args.get("base_version") is None else "edit"
            theirs = _local_product(conn, pid) if _is_int(pid) else None
            if theirs is None and isinstance(current, Mapping):
                theirs = dict(current)
            entry.update(action=action, product_id=pid,
                         company_id=(mine or {}).get("company_id") or
                         (theirs or {}).get("company_id"),
                         mine=mine, theirs=theirs)
        out.append(entry)
    return out


def resolve_conflict(db: sqlite_utils.Database, seq: int, keep: str) -> ChangeSet:
    """Resolve a listed conflict: ``"theirs"`` dismisses my change (the cache already
    shows the server's copy); ``"mine"`` queues my fields again on the server's current
    version (a rejected create is queued again as a new product)."""
    if keep not in ("mine", "theirs"):
        raise ValueError("keep must be 'mine' or 'theirs'")
    conn = _conn(db)
    if not _is_int(seq):
        raise ValueError("seq must be an integer")
    match = [c for c in catalog_conflicts(db) if c["seq"] == seq]
    if not match:
        raise ValueError(f"there is no open conflict {seq}")
    c = match[0]
    changes = ChangeSet()
    new_seq: int | None = None
    if keep == "theirs":
        if c["type"] == "company.update" and _is_int(c["company_id"]):
            changes.add_upsert("company", int(c["company_id"]))
    elif c["type"] == "product.delete":
        if c["theirs"] is not None:
            changes.merge(delete_product(db, int(c["product_id"]),
                                         c["theirs"].get("version")))
    elif c["type"] == "company.update":
        theirs = c["theirs"] or {}
        fields = dict(c["mine"])
        images = {k: fields[k] for k in ("logo_attachment_id", "banner_attachment_id")
                  if isinstance(fields.get(k), str)}
        for k, aid in images.items():
            if not _relink_uploads(conn, [aid], seq):
                fields.pop(k)             # its upload failed: the rest is kept
        if not fields:
            raise ValueError("nothing of this booth change can be sent again (its images "
                             "could not be uploaded)")
        before = int(conn.execute("SELECT coalesce(max(seq), 0) FROM outbox").fetchone()[0])
        changes.merge(update_company(db, fields, base_version=theirs.get("version")))
        new_seq = _latest_seq(conn, before)
        if new_seq is not None:
            for k, aid in images.items():
                if k in fields:
                    _relink_uploads(conn, [aid], new_seq)
    else:
        mine = dict(c["mine"])
        ids = mine.pop("image_attachment_ids", None)
        theirs = c["theirs"]
        before = int(conn.execute("SELECT coalesce(max(seq), 0) FROM outbox").fetchone()[0])
        if c["action"] == "create" or theirs is None or not _is_int(theirs.get("version")):
            mine.pop("id", None)
            if c["action"] != "create" and theirs is None:
                # deleted on the server meanwhile: the edit becomes a new product
                mine = {k: v for k, v in mine.items() if k in PRODUCT_FIELDS}
            changes.merge(save_product(db, mine, None))
        else:
            changes.merge(save_product(db, {**mine, "id": c["product_id"]},
                                       int(theirs["version"])))
        new_seq = _latest_seq(conn, before)
        if ids is not None and new_seq is not None:
            target = new_seq
            item = _get_item(conn, target)
            if item is not None:
                kept = _relink_uploads(conn, ids, target)
                args = dict(item.args)
                args["product"] = {**args["product"], "image_attachment_ids": kept}
                _set_args(conn, target, args)
    conn.execute("INSERT OR REPLACE INTO ws_resolved(seq, how, new_seq, resolved_at) "
                 "VALUES (?, ?, ?, ?)", (seq, keep, new_seq, _now()))
    changes.add_delete("conflict", seq)
    return changes


def _latest_seq(conn: sqlite3.Connection, before: int) -> int | None:
    row = conn.execute("SELECT max(seq) FROM outbox WHERE seq > ?", (before,)).fetchone()
    if row and row[0] is not None:
        return int(row[0])
    # merged into an open item: the newest open catalog item
    row = conn.execute("SELECT max(seq) FROM outbox WHERE state IN ('pending', 'sent') "
                       "AND type IN ('product.upsert', 'company.update')").fetchone()
    return int(row[0]) if row and row[0] is not None else None


# ================================================================ workspace queries
def _conflict_ids(conn: sqlite3.Connection) -> tuple[set[int], bool]:
    ids: set[int] = set()
    booth = False
    for c in catalog_conflicts(conn):  # type: ignore[arg-type]
        if c["type"] == "company.update":
            booth = True
        elif _is_int(c.get("product_id")):
            ids.add(int(c["product_id"]))
    return ids, booth


def get_own_company(db: sqlite_utils.Database) -> dict[str, Any] | None:
    """The staff member's company as cached, with the unsent booth changes on top
    (``pending``), ``conflict`` (an unresolved rejected booth edit) and the local files
    of logo/banner images not yet on the server (``pending_logo``/``pending_banner``)."""
    from .queries import get_company

    conn = _conn(db)
    cid = own_company_id(conn)
    if cid is None:
        return None
    company = get_company(conn, cid)  # type: ignore[arg-type]
    if company is None:
        company = {"id": cid}
    company["pending"] = False
    company["pending_logo"] = None
    company["pending_banner"] = None
    # applied but not pulled yet: the server's copy from the push result
    from .outbox import _COLS, _item

    recent = conn.execute(
        f"SELECT {_COLS} FROM outbox WHERE state = 'applied' AND type = 'company.update' "
        "ORDER BY seq DESC LIMIT 3").fetchall()
    for row in reversed(recent):
        res = _item(row).result
        data = res.get("data") if isinstance(res, Mapping) else None
        if isinstance(data, Mapping) and data.get("id") == cid and _is_int(data.get("version")) \
                and (not _is_int(company.get("version")) or data["version"] > company["version"]):
            company.update(dict(data))
    for item in _open_items(conn, "company.update"):
        fields = item.args.get("fields") or {}
        company.update({k: v for k, v in fields.items() if k in COMPANY_FIELDS})
        company["pending"] = True
        for u in _uploads_of(conn, item.seq).values():
            if u["state"] != "failed":
                company[f"pending_{u['purpose']}"] = u["local_path"]
    company["conflict"] = _conflict_ids(conn)[1]
    return company


def list_company_products(db: sqlite_utils.Database, company_id: int, text: str = "",
                          include_hidden: bool = True) -> list[dict[str, Any]]:
    """Every cached product of the company (drafts first, then by id), filtered by a
    LIKE over the names and keywords; each with ``pending``, ``conflict`` and
    ``pending_images`` (local files of images not uploaded yet)."""
    from .queries import PRODUCT_SELECT, product_from_row

    conn = _conn(db)
    where = ["p.company_id = ?"]
    params: list[Any] = [company_id]
    if not include_hidden:
        where.append("p.hidden = 0")
    if text.strip():
        like = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append("(p.name_en LIKE ? ESCAPE '\\' OR p.name_zh LIKE ? ESCAPE '\\' "
                     "OR p.keywords LIKE ? ESCAPE '\\' OR CAST(p.id AS TEXT) = ?)")
        params += [like, like, like, text.strip()]
    rows = conn.execute(
        f"SELECT {PRODUCT_SELECT} FROM products p WHERE {' AND '.join(where)} "
        "ORDER BY p.id < 0 DESC, p.id", params).fetchall()
    products = [product_from_row(r) for r in rows]
    open_edits: dict[Any, outbox.OutboxItem] = {}
    for item in _open_items(conn, "product.upsert"):
        p = item.args.get("product") or {}
        pid = p.get("id") if item.args.get("base_version") is not None else -item.seq
        if _is_int(pid):
            open_edits[int(pid)] = item
    deleting = {i.args.get("id") for i in _open_items(conn, "product.delete")}
    conflicts = _conflict_ids(conn)[0]
    out = []
    for p in products:
        if p["id"] in deleting:
            continue
        edit = open_edits.get(p["id"])
        p["pending"] = edit is not None
        p["pending_images"] = []
        if edit is not None:
            mine = edit.args.get("product") or {}
            p.update({k: v for k, v in mine.items()
                      if k in PRODUCT_FIELDS and k not in ("id", "image_attachment_ids")})
            p["pending_images"] = [u["local_path"] for u in _uploads_of(conn, edit.seq).values()
                                   if u["state"] != "failed"]
        p["conflict"] = p["id"] in conflicts
        out.append(p)
    return out


def _day_range(first: date, last: date) -> list[str]:
    n = (last - first).days
    return [(first + timedelta(days=i)).isoformat() for i in range(max(0, n) + 1)]


def list_figures(db: sqlite_utils.Database, company_id: int, first_day: str | date,
                 last_day: str | date) -> list[dict[str, Any]]:
    """One row per UTC day from ``first_day`` to ``last_day`` (inclusive, oldest first),
    the cached ``figures_day`` values, 0 for days without one."""
    first = first_day if isinstance(first_day, date) else date.fromisoformat(first_day)
    last = last_day if isinstance(last_day, date) else date.fromisoformat(last_day)
    if last < first:
        raise ValueError("the first day is after the last day")
    if (last - first).days > 3660:
        raise ValueError("at most ten years of figures at once")
    conn = _conn(db)
    cached = {r[0]: _loads(r[1]) or {} for r in conn.execute(
        "SELECT day, data FROM ws_figures WHERE company_id = ? AND day BETWEEN ? AND ?",
        (company_id, first.isoformat(), last.isoformat()))}
    out = []
    for day in _day_range(first, last):
        d = cached.get(day, {})
        row: dict[str, Any] = {"day": day}
        for f in FIGURES:
            v = d.get(f)
            row[f] = int(v) if _is_int(v) else 0
        row["top_products"] = list(d.get("top_products") or [])
        out.append(row)
    return out


def list_leads(db: sqlite_utils.Database, company_id: int, text: str = "",
               source: str | None = None, sort: str = "last_contact") -> list[dict[str, Any]]:
    """The company's leads (protocol 9.2), filtered by text (name, company, country,
    email) and source (authorized | messaged | deal), sorted by ``sort`` (a key of
    LEAD_SORTS)."""
    if sort not in LEAD_SORTS:
        raise ValueError(f"sort must be one of {', '.join(LEAD_SORTS)}")
    if source is not None and source not in LEAD_SOURCES:
        raise ValueError(f"source must be one of {', '.join(LEAD_SOURCES)}")
    where = ["company_id = ?"]
    params: list[Any] = [company_id]
    if text.strip():
        like = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append("(display_name LIKE ? ESCAPE '\\' OR company LIKE ? ESCAPE '\\' OR "
                     "country LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')")
        params += [like] * 4
    if source is not None:
        where.append("EXISTS (SELECT 1 FROM json_each(ws_leads.sources) WHERE value = ?)")
        params.append(source)
    rows = _conn(db).execute(
        f"SELECT data FROM ws_leads WHERE {' AND '.join(where)} ORDER BY {LEAD_SORTS[sort]}",
        params).fetchall()
    return [_loads(r[0]) or {} for r in rows]


# ================================================================ uploads
def pending_uploads(db: sqlite_utils.Database,
                    seqs: Iterable[int] | None = None) -> list[dict[str, Any]]:
    """Images still to upload for the given outbox seqs (all when None), in seq order."""
    rows = _conn(db).execute(
        "SELECT u.attachment_id, u.seq, u.purpose, u.local_path, u.filename FROM ws_uploads u "
        "JOIN outbox o ON o.seq = u.seq WHERE u.state = 'pending' "
        "AND o.state IN ('pending', 'sent') ORDER BY u.seq, u.rowid").fetchall()
    wanted = None if seqs is None else set(seqs)
    return [{"attachment_id": r[0], "seq": r[1], "purpose": r[2], "local_path": r[3],
             "filename": r[4]} for r in rows if wanted is None or r[1] in wanted]


def set_upload_state(db: sqlite_utils.Database, attachment_id: str, state: str,
                     reason: str | None = None) -> ChangeSet:
    if state not in ("uploaded", "failed"):
        raise ValueError("upload state must be uploaded or failed")
    _conn(db).execute("UPDATE ws_uploads SET state = ?, reason = coalesce(?, reason) "
                      "WHERE attachment_id = ?", (state, reason, attachment_id))
    changes = ChangeSet()
    changes.add_upsert("upload", attachment_id)
    return changes


def finished_uploads(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Uploaded images whose mutation is done with (applied, or rejected and resolved):
    their local copies may go (``forget_upload_files`` after deleting them)."""
    rows = _conn(db).execute(
        "SELECT u.attachment_id, u.local_path FROM ws_uploads u JOIN outbox o ON o.seq = u.seq "
        "WHERE u.state = 'uploaded' AND u.local_path != '' AND (o.state = 'applied' OR "
        "(o.state = 'rejected' AND o.seq IN (SELECT seq FROM ws_resolved)))").fetchall()
    return [{"attachment_id": r[0], "local_path": r[1]} for r in rows]


def forget_upload_files(db: sqlite_utils.Database, attachment_ids: Iterable[str]) -> None:
    _conn(db).executemany("UPDATE ws_uploads SET local_path = '' WHERE attachment_id = ?",
                          [(a,) for a in attachment_ids])


# ================================================================ imports
def queue_import(db: sqlite_utils.Database, products: Sequence[Mapping[str, Any]], *,
                 company_id: int | None = None, filename: str = "",
                 row_numbers: Sequence[int] = (), created: int = 0, updated: int = 0) -> int:
    """Queue ONE ``product.import`` (all-or-nothing on the server) of 1-2000 products
    (product.upsert fields; an update has ``id`` and ``base_version``). Returns its seq.
    ``row_numbers``: the spreadsheet row of each product, to show the server's errors."""
    conn = _conn(db)
    if not 1 <= len(products) <= MAX_IMPORT_ROWS:
        raise ValueError(f"an import has 1 to {MAX_IMPORT_ROWS:,} products, not {len(products):,}")
    cid = company_id if company_id is not None else own_company_id(conn)
    if cid is None:
        raise ValueError("only exhibitor staff import products (no company in this profile)")
    _pos_int(cid, "company_id")
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    for i, p in enumerate(products):
        row = dict(p)
        base = row.pop("base_version", None)
        create = row.get("id") is None
        for field, why in product_problems(row, create=create):
            problems.append(f"row {row_numbers[i] if i < len(row_numbers) else i + 1}: "
                            f"{field} {why}")
        if not create and (not _is_int(base) or base < 1):
            problems.append(f"row {i + 1}: an update needs base_version")
        if base is not None:
            row["base_version"] = base
        rows.append(row)
    if problems:
        raise ValueError("; ".join(problems[:20]) + (" …" if len(problems) > 20 else ""))
    seq = outbox.enqueue(db, "product.import", {"company_id": cid, "products": rows})
    conn.execute(
        "INSERT INTO ws_imports(seq, company_id, filename, row_numbers, created, updated, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (seq, cid, filename, _dumps([int(n) for n in row_numbers]), int(created),
         int(updated), _now()))
    return seq


def list_imports(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Queued imports, newest first: ``state`` waiting | sent | applied | rejected; when
    applied ``created``/``updated`` (product ids); when rejected ``code``, ``reason``
    and ``errors`` [{row (the spreadsheet row), field, problem}]."""
    rows = _conn(db).execute(
        "SELECT i.seq, i.company_id, i.filename, i.row_numbers, i.created, i.updated, "
        "i.created_at, o.state, o.code, o.reason, o.result, o.args FROM ws_imports i "
        "JOIN outbox o ON o.seq = i.seq ORDER BY i.seq DESC").fetchall()
    out = []
    for (seq, cid, filename, numbers_json, n_created, n_updated, at, state, code, reason,
         result_json, args_json) in rows:
        numbers = _loads(numbers_json) or []
        result = _loads(result_json)
        args = _loads(args_json) or {}
        entry: dict[str, Any] = {
            "seq": seq, "company_id": cid, "filename": filename,
            "rows": len(args.get("products") or []), "expect_created": n_created,
            "expect_updated": n_updated, "created_at": at,
            "state": "waiting" if state == "pending" else state, "code": code,
            "reason": reason, "created": [], "updated": [], "errors": []}
        if isinstance(result, Mapping):
            if state == "applied":
                entry["created"] = list(result.get("created") or [])
                entry["updated"] = list(result.get("updated") or [])
            for e in result.get("errors") or []:
                if not isinstance(e, Mapping):
                    continue
                i = e.get("row")
                row = numbers[i] if _is_int(i) and 0 <= i < len(numbers) else i
                entry["errors"].append({"row": row, "index": i, "field": e.get("field"),
                                        "problem": e.get("problem")})
        out.append(entry)
    return out
