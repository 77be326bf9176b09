"""The client cache of deals and signing keys (protocol section 8) (Qt-free).

Plain functions over the ``sqlite_utils.Database`` (run them through ``Store.read`` /
``Store.write``); tables in ``deals_schema.py`` (cache schema v4).

Applying pulled entities (called by ``syncstate.apply_page`` / ``_discard_scope_data``)::

    apply_changes(conn, scope, kind, ident, other, out) -> None
        # entities "deal", "deal_event" (me, company:<id>) and "signing_key" (me).
        # A deal is replaced only by the same or a newer version (versions only grow).
    discard_scope(conn, scope, kind, ident, changes) -> None
        # drops the scope's confirmed deals and their events (and, for me, the keys);
        # deals opened here and not yet confirmed (local) stay.
    after_result(conn, item, status, code, reason, result, changes) -> bool
        # called by outbox.record_results for deal.* and key.register: applied ->
        # the pending command record is deleted and result["deal"] stored; rejected ->
        # result["deal"] (the current deal) is stored at once and the command record
        # kept as a rejection {code, reason, type, made_on_version} until dismissed.

Local-first writes (one transaction: the command record + ``outbox.enqueue``)::

    open_deal(db, deal_id, *, company_id=None, buyer_user_id=None,
              conversation_id=None, product_ids=()) -> ChangeSet
        # a local draft (version 1, "local") shows at once
    queue_command(db, deal_id, type, args) -> ChangeSet
        # deal.offer/counter/accept/decline/withdraw; args carry base_version
    queue_sign(db, deal_id, sign_args, public_key=None) -> ChangeSet
        # key.register (unless the key is known) is queued before deal.sign: same
        # push, earlier seq
    dismiss_rejection(db, seq) -> ChangeSet

Queries (rows are the wire objects, plus a few local fields)::

    identity(db) -> {"user_id", "role", "company_id", "display_name"} | None
    list_deals(db, text="", state=None) -> list[dict]
        # wire deal + "local", "pending" (count), "rejections" (count), "my_side",
        # "needs_me" (an open offer of the other side, or accepted and not signed by me);
        # newest first; ``text`` matches parties, item descriptions, place, id
    get_deal(db, deal_id) -> dict | None
    deal_detail(db, deal_id) -> {"deal", "events", "pending", "rejections", "my_side"} | None
        # pending: [{"seq","type","args","state"}]  (state: outbox pending|sent)
        # rejections: [{"seq","code","reason","type","made_on_version","args"}]
    list_signing_keys(db) -> list[dict]
    key_known(db, fingerprint) -> bool   # registered (pulled) or queued key.register

ChangeSet entities: ``deal`` (deal ids), ``deal_event`` ("<deal_id>:<n>"),
``signing_key`` (fingerprints), ``outbox`` (seqs).
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import orjson

from . import outbox
from .changes import ChangeSet

if TYPE_CHECKING:
    import sqlite_utils

__all__ = [
    "COMMANDS",
    "after_result",
    "apply_changes",
    "deal_detail",
    "discard_scope",
    "dismiss_rejection",
    "get_deal",
    "identity",
    "key_known",
    "list_deals",
    "list_signing_keys",
    "open_deal",
    "queue_command",
    "queue_sign",
]

COMMANDS = frozenset({"deal.offer", "deal.counter", "deal.accept", "deal.decline",
                      "deal.withdraw"})
STATES = ("draft", "offered", "countered", "accepted", "signed", "declined", "withdrawn")
OPEN_STATES = ("offered", "countered")
MAX_PRODUCTS = 100
_MAX_ID = 2**62


def _conn(db: sqlite_utils.Database | sqlite3.Connection) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def _now() -> str:
    from .store import utcnow

    return utcnow()


def _dumps(v: Any) -> str:
    return orjson.dumps(v).decode()


def _loads(v: str | bytes | None) -> Any:
    return None if v is None else orjson.loads(v)


def _pos_int(v: Any, name: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or not 0 < v <= _MAX_ID:
        raise ValueError(f"{name} must be a positive integer, got {v!r}")
    return v


def check_deal_id(deal_id: Any) -> str:
    """A deal id: a UUID in canonical lower-case form (ValueError otherwise)."""
    if not isinstance(deal_id, str):
        raise ValueError("the deal id must be a string")
    try:
        canonical = str(uuid.UUID(deal_id))
    except ValueError:
        raise ValueError(f"{deal_id!r} is not a deal id (a UUID)") from None
    if canonical != deal_id:
        raise ValueError("a deal id is a UUID in canonical lower-case form")
    return deal_id


# ================================================================ applying pulled pages
def _search_text(d: Mapping[str, Any]) -> str:
    parts = [str(d.get("id") or ""), str(d.get("company_name") or ""),
             str(d.get("buyer_name") or "")]
    terms = d.get("terms")
    if isinstance(terms, Mapping):
        parts.append(str(terms.get("incoterm_place") or ""))
        for it in terms.get("items") or ():
            if isinstance(it, Mapping):
                parts.append(str(it.get("description") or ""))
    return "\n".join(parts).casefold()


def store_deal(conn: sqlite3.Connection, scope: str | None, data: Mapping[str, Any],
               out: ChangeSet, *, local: bool = False) -> bool:
    """Insert or update a deal's wire object unless the cache holds a newer version.
    ``scope`` None keeps the row's scope (or uses the user's own scope)."""
    from .syncstate import MalformedPage

    did = data.get("id")
    version = data.get("version")
    if not isinstance(did, str) or isinstance(version, bool) or not isinstance(version, int):
        raise MalformedPage(f"deal without a valid id/version: {did!r}")
    row = conn.execute("SELECT version, local, scope FROM deals WHERE id = ?", (did,)).fetchone()
    if row is not None and not row[1] and int(row[0]) > version:
        return False  # we hold a newer version already
    if scope is None:
        scope = str(row[2]) if row is not None else _own_scope(conn)
    conn.execute(
        "INSERT OR REPLACE INTO deals(id, scope, company_id, buyer_user_id, state, version, "
        "updated_at, local, search, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (did, scope, data.get("company_id"), data.get("buyer_user_id"), str(data.get("state")),
         version, data.get("updated_at"), int(local), _search_text(data), _dumps(data)),
    )
    out.add_upsert("deal", did)
    return True


def apply_changes(conn: sqlite3.Connection, scope: str, kind: str, ident: int | None,
                  other: Mapping[str, Sequence[Mapping[str, Any]]], out: ChangeSet) -> None:
    """Apply this module's entities of one pulled page of a ``me``/``company`` scope
    (inside apply_page's transaction); unknown entity types are ignored."""
    from .syncstate import MalformedPage

    if kind not in ("me", "company"):
        return
    try:
        for ch in other.get("deal", ()):
            if ch["op"] == "delete":  # never sent (deals are kept), handled anyway
                did = str(ch["id"])
                conn.execute("DELETE FROM deal_events WHERE deal_id = ?", (did,))
                conn.execute("DELETE FROM deals WHERE id = ?", (did,))
                out.add_delete("deal", did)
                continue
            data = ch["data"]
            if not isinstance(data, Mapping):
                raise MalformedPage("deal data must be an object")
            store_deal(conn, scope, data, out)
        events = []
        for ch in other.get("deal_event", ()):
            if ch["op"] == "delete":
                did, _, n = str(ch["id"]).rpartition(":")
                conn.execute("DELETE FROM deal_events WHERE deal_id = ? AND n = ?", (did, n))
                out.add_delete("deal_event", str(ch["id"]))
                continue
            data = ch["data"]
            if not isinstance(data, Mapping):
                raise MalformedPage("deal_event data must be an object")
            did, n = data["deal_id"], data["n"]
            if not isinstance(did, str) or isinstance(n, bool) or not isinstance(n, int):
                raise MalformedPage(f"deal_event without deal_id/n: {data.get('id')!r}")
            events.append((did, n, _dumps(data)))
            out.add_upsert("deal_event", f"{did}:{n}")
            out.add_upsert("deal", did)
        if events:
            conn.executemany(
                "INSERT OR REPLACE INTO deal_events(deal_id, n, data) VALUES (?, ?, ?)", events)
        if kind == "me":
            for ch in other.get("signing_key", ()):
                if ch["op"] == "delete":
                    conn.execute("DELETE FROM signing_keys WHERE fingerprint = ?", (str(ch["id"]),))
                    out.add_delete("signing_key", str(ch["id"]))
                    continue
                data = ch["data"]
                fp = data.get("fingerprint") if isinstance(data, Mapping) else None
                if not isinstance(fp, str):
                    raise MalformedPage("signing_key without a fingerprint")
                conn.execute("INSERT OR REPLACE INTO signing_keys(fingerprint, data) VALUES (?, ?)",
                             (fp, _dumps(data)))
                out.add_upsert("signing_key", fp)
    except MalformedPage:
        raise
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise MalformedPage(f"malformed deal entity in {scope}: {exc!r}") from exc
    except (sqlite3.InterfaceError, sqlite3.ProgrammingError, OverflowError) as exc:
        raise MalformedPage(f"deal values not storable in {scope}: {exc}") from exc


def discard_scope(conn: sqlite3.Connection, scope: str, kind: str, ident: int | None,
                  changes: ChangeSet) -> None:
    """Drop the data a ``me``/``company`` scope owns (reset or untrack)."""
    if kind not in ("me", "company"):
        return
    ids = [str(r[0]) for r in conn.execute(
        "SELECT id FROM deals WHERE scope = ? AND local = 0", (scope,))]
    for did in ids:
        evs = [f"{did}:{r[0]}" for r in conn.execute(
            "SELECT n FROM deal_events WHERE deal_id = ?", (did,))]
        conn.execute("DELETE FROM deal_events WHERE deal_id = ?", (did,))
        changes.add_deletes("deal_event", evs)
    conn.execute("DELETE FROM deals WHERE scope = ? AND local = 0", (scope,))
    changes.add_deletes("deal", ids)
    if kind == "me":
        fps = [str(r[0]) for r in conn.execute("SELECT fingerprint FROM signing_keys")]
        conn.execute("DELETE FROM signing_keys")
        changes.add_deletes("signing_key", fps)


def after_result(conn: sqlite3.Connection, item: outbox.OutboxItem, status: str,
                 code: str | None, reason: str | None, result: Any,
                 changes: ChangeSet) -> bool:
    """The server's result for one of this module's mutations. Returns True when the
    ``me`` scope should be pulled again from the start (never: results carry the deal)."""
    row = conn.execute("SELECT deal_id FROM deal_commands WHERE seq = ?", (item.seq,)).fetchone()
    deal_id = str(row[0]) if row is not None else item.args.get("deal_id")
    deal = result.get("deal") if isinstance(result, Mapping) else None
    if isinstance(deal, Mapping) and isinstance(deal.get("id"), str):
        # a malformed deal in a result is skipped: the next pull brings it
        with contextlib.suppress(ValueError, TypeError, sqlite3.InterfaceError,
                                 sqlite3.ProgrammingError, OverflowError):
            store_deal(conn, None, deal, changes)
    if item.type == "key.register" and status == "applied":
        fp = result.get("fingerprint") if isinstance(result, Mapping) else None
        if isinstance(fp, str):
            data = {"id": fp, "fingerprint": fp, "public_key": item.args.get("public_key"),
                    "is_demo": False, "created_at": item.created_at}
            conn.execute("INSERT OR IGNORE INTO signing_keys(fingerprint, data) VALUES (?, ?)",
                         (fp, _dumps(data)))
            changes.add_upsert("signing_key", fp)
    if status == "applied":
        conn.execute("DELETE FROM deal_commands WHERE seq = ?", (item.seq,))
    elif row is not None:
        conn.execute(
            "UPDATE deal_commands SET state = 'rejected', code = ?, reason = ? WHERE seq = ?",
            (code, reason, item.seq))
    elif isinstance(deal_id, str):  # its record was lost with a rebuilt cache
        base = item.args.get("base_version")
        conn.execute(
            "INSERT OR REPLACE INTO deal_commands(seq, deal_id, type, args, made_on_version, "
            "state, code, reason, created_at) VALUES (?, ?, ?, ?, ?, 'rejected', ?, ?, ?)",
            (item.seq, deal_id, item.type, _dumps(item.args),
             base if isinstance(base, int) else None, code, reason, item.created_at))
    if isinstance(deal_id, str):
        changes.add_upsert("deal", deal_id)
    return False


# ================================================================ local-first writes
def identity(db: sqlite_utils.Database | sqlite3.Connection) -> dict[str, Any] | None:
    """The signed-in user as the cached profile says (None before the first sync)."""
    row = _conn(db).execute(
        "SELECT user_id, role, company_id, display_name FROM profile LIMIT 1").fetchone()
    if row is None:
        return None
    return {"user_id": row[0], "role": row[1], "company_id": row[2], "display_name": row[3]}


def _own_scope(conn: sqlite3.Connection) -> str:
    me = identity(conn)
    if me is not None and me["role"] == "exhibitor" and isinstance(me["company_id"], int):
        return f"company:{me['company_id']}"
    return "me"


def _side(me: Mapping[str, Any] | None, deal: Mapping[str, Any]) -> str | None:
    if me is None:
        return None
    if me.get("user_id") is not None and me.get("user_id") == deal.get("buyer_user_id"):
        return "buyer"
    if me.get("role") == "exhibitor" and me.get("company_id") == deal.get("company_id"):
        return "company"
    return None


def _record(conn: sqlite3.Connection, seq: int, deal_id: str, type_: str,
            args: Mapping[str, Any], made_on: int | None) -> None:
    conn.execute(
        "INSERT INTO deal_commands(seq, deal_id, type, args, made_on_version, state, created_at) "
        "VALUES (?, ?, ?, ?, ?, 'pending', ?)",
        (seq, deal_id, type_, _dumps(dict(args)), made_on, _now()))


def _enqueue(db: sqlite_utils.Database, deal_id: str, type_: str, args: Mapping[str, Any],
             made_on: int | None, changes: ChangeSet) -> int:
    seq = outbox.enqueue(db, type_, args)
    _record(_conn(db), seq, deal_id, type_, args, made_on)
    changes.add_upsert("outbox", seq)
    changes.add_upsert("deal", deal_id)
    return seq


def _name(conn: sqlite3.Connection, sql: str, ident: Any) -> str:
    try:
        row = conn.execute(sql, (ident,)).fetchone()
    except sqlite3.OperationalError:
        return ""
    return str(row[0]) if row is not None and row[0] is not None else ""


def open_deal(db: sqlite_utils.Database, deal_id: str, *, company_id: int | None = None,
              buyer_user_id: int | None = None, conversation_id: int | None = None,
              product_ids: Iterable[int] = ()) -> ChangeSet:
    """Queue ``deal.open``; a local draft (version 1) shows at once.

    A buyer gives ``company_id``, exhibitor staff give ``buyer_user_id``.
    """
    check_deal_id(deal_id)
    conn = _conn(db)
    me = identity(conn)
    if me is None:
        raise ValueError("your account is not synced yet: connect once before opening a deal")
    if (company_id is None) == (buyer_user_id is None):
        raise ValueError("give exactly one of company_id (a buyer opens) and buyer_user_id "
                         "(exhibitor staff open)")
    pids = list(dict.fromkeys(_pos_int(p, "product id") for p in product_ids))
    if len(pids) > MAX_PRODUCTS:
        raise ValueError(f"a deal names at most {MAX_PRODUCTS} products")
    if conversation_id is not None:
        _pos_int(conversation_id, "conversation_id")
    if company_id is not None:
        _pos_int(company_id, "company_id")
        if me["role"] != "buyer":
            raise ValueError("only a buyer opens a deal with a company")
        side, buyer_id, cid = "buyer", me["user_id"], company_id
        buyer_name = str(me["display_name"] or "")
    else:
        _pos_int(buyer_user_id, "buyer_user_id")
        if me["role"] != "exhibitor" or not isinstance(me["company_id"], int):
            raise ValueError("only exhibitor staff open a deal with a buyer")
        side, buyer_id, cid = "company", buyer_user_id, me["company_id"]
        buyer_name = _name(conn, "SELECT json_extract(data, '$.display_name') FROM social_buyers "
                           "WHERE user_id = ?", buyer_user_id)
    if conn.execute("SELECT 1 FROM deals WHERE id = ?", (deal_id,)).fetchone() is not None:
        raise ValueError(f"deal {deal_id} exists already")
    args: dict[str, Any] = {"deal_id": deal_id}
    if company_id is not None:
        args["company_id"] = company_id
    else:
        args["buyer_user_id"] = buyer_user_id
    if conversation_id is not None:
        args["conversation_id"] = conversation_id
    if pids:
        args["product_ids"] = pids
    now = _now()
    is_demo = _name(conn, "SELECT is_demo FROM companies WHERE id = ?", cid)
    data = {
        "id": deal_id, "buyer_user_id": buyer_id, "buyer_name": buyer_name,
        "company_id": cid,
        "company_name": _name(conn, "SELECT name_en FROM companies WHERE id = ?", cid),
        "company_is_demo": is_demo not in ("", "0", "False"), "conversation_id": conversation_id,
        "product_ids": pids, "opened_by": side, "state": "draft", "version": 1,
        "offer_by": None, "offer_user_id": None, "terms": None, "terms_hash": None,
        "valid_until": None, "accepted_version": None, "accepted_at": None, "signatures": [],
        "signed_at": None, "event_count": 0, "head_hash": None, "created_at": now,
        "updated_at": now,
    }
    changes = ChangeSet()
    store_deal(conn, _own_scope(conn), data, changes, local=True)
    _enqueue(db, deal_id, "deal.open", args, None, changes)
    return changes


def queue_command(db: sqlite_utils.Database, deal_id: str, type_: str,
                  args: Mapping[str, Any]) -> ChangeSet:
    """Queue ``deal.offer|counter|accept|decline|withdraw`` (``args`` hold
    ``base_version`` and, for offer/counter, ``terms``). The deal itself changes only
    when the server's result or a pull arrives; until then the command shows pending."""
    check_deal_id(deal_id)
    if type_ not in COMMANDS:
        raise ValueError(f"not a deal command: {type_!r}")
    base = _pos_int(args.get("base_version"), "base_version")
    conn = _conn(db)
    if conn.execute("SELECT 1 FROM deals WHERE id = ?", (deal_id,)).fetchone() is None:
        raise ValueError(f"there is no deal {deal_id} in the cache")
    full = {**dict(args), "deal_id": deal_id}
    changes = ChangeSet()
    _enqueue(db, deal_id, type_, full, base, changes)
    return changes


def queue_sign(db: sqlite_utils.Database, deal_id: str, sign_args: Mapping[str, Any],
               public_key: str | None = None) -> ChangeSet:
    """Queue ``deal.sign`` (args: base_version, terms_hash, signature, key_fingerprint),
    preceded by ``key.register`` of ``public_key`` (base64 of the raw key) unless that
    key is registered already or its registration is queued."""
    check_deal_id(deal_id)
    base = _pos_int(sign_args.get("base_version"), "base_version")
    for key in ("terms_hash", "signature", "key_fingerprint"):
        if not isinstance(sign_args.get(key), str):
            raise ValueError(f"deal.sign needs {key}")
    changes = ChangeSet()
    if public_key is not None and not key_known(db, sign_args["key_fingerprint"]):
        if _key_fp(public_key) != sign_args["key_fingerprint"]:
            raise ValueError("the public key does not match the signature's key fingerprint")
        _enqueue(db, deal_id, "key.register", {"public_key": public_key}, None, changes)
    _enqueue(db, deal_id, "deal.sign", {**dict(sign_args), "deal_id": deal_id}, base, changes)
    return changes


def dismiss_rejection(db: sqlite_utils.Database, seq: int) -> ChangeSet:
    """Forget a rejection the user has seen. Dismissing the rejected ``deal.open`` of a
    deal the server never confirmed removes that local draft too."""
    conn = _conn(db)
    row = conn.execute(
        "SELECT deal_id, type FROM deal_commands WHERE seq = ? AND state = 'rejected'",
        (int(seq),)).fetchone()
    changes = ChangeSet()
    if row is None:
        return changes
    deal_id, type_ = str(row[0]), str(row[1])
    conn.execute("DELETE FROM deal_commands WHERE seq = ?", (int(seq),))
    changes.add_upsert("deal", deal_id)
    if type_ == "deal.open":
        cur = conn.execute("DELETE FROM deals WHERE id = ? AND local = 1", (deal_id,))
        if cur.rowcount:
            conn.execute("DELETE FROM deal_commands WHERE deal_id = ? AND state = 'rejected'",
                         (deal_id,))
            changes.add_delete("deal", deal_id)
    return changes


# ================================================================ queries
def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _needs_me(d: Mapping[str, Any], side: str | None) -> bool:
    if side is None:
        return False
    if d.get("state") in OPEN_STATES:
        return d.get("offer_by") != side
    if d.get("state") == "accepted":
        return not any(s.get("side") == side for s in d.get("signatures") or ())
    return False


def list_deals(db: sqlite_utils.Database, text: str = "",
               state: str | None = None) -> list[dict[str, Any]]:
    """Cached deals, most recently changed first (see the module docstring)."""
    conn = _conn(db)
    where, params = ["1"], []
    if text and text.strip():
        where.append("d.search LIKE ? ESCAPE '\\'")
        params.append(_like(text.strip().casefold()))
    if state:
        where.append("d.state = ?")
        params.append(state)
    rows = conn.execute(
        "SELECT d.data, d.local, "
        "(SELECT count(*) FROM outbox o WHERE o.state IN ('pending', 'sent') AND "
        "o.type LIKE 'deal.%' AND json_extract(o.args, '$.deal_id') = d.id), "
        "(SELECT count(*) FROM deal_commands c WHERE c.deal_id = d.id AND c.state = 'rejected') "
        f"FROM deals d WHERE {' AND '.join(where)} ORDER BY d.updated_at DESC, d.id",
        params).fetchall()
    me = identity(conn)
    out = []
    for data, local, pend, rej in rows:
        d = dict(_loads(data))
        side = _side(me, d)
        d.update(local=bool(local), pending=int(pend), rejections=int(rej), my_side=side,
                 needs_me=_needs_me(d, side))
        out.append(d)
    return out


def get_deal(db: sqlite_utils.Database, deal_id: str) -> dict[str, Any] | None:
    row = _conn(db).execute("SELECT data, local FROM deals WHERE id = ?", (deal_id,)).fetchone()
    if row is None:
        return None
    d = dict(_loads(row[0]))
    d["local"] = bool(row[1])
    return d


# the outbox is the truth of what waits (its items survive a rebuilt cache; the command
# records keep the key.register that goes with a signature)
_PENDING_SQL = (
    "SELECT o.seq, o.type, o.args, o.state FROM outbox o WHERE o.state IN ('pending', 'sent') "
    "AND ((o.type LIKE 'deal.%' AND json_extract(o.args, '$.deal_id') = ?) OR o.seq IN "
    "(SELECT seq FROM deal_commands WHERE deal_id = ? AND state = 'pending')) ORDER BY o.seq"
)


def deal_detail(db: sqlite_utils.Database, deal_id: str) -> dict[str, Any] | None:
    """The deal, its events (oldest first), its pending commands and rejections."""
    conn = _conn(db)
    deal = get_deal(db, deal_id)
    if deal is None:
        return None
    events = [_loads(r[0]) for r in conn.execute(
        "SELECT data FROM deal_events WHERE deal_id = ? ORDER BY n", (deal_id,))]
    rejections = []
    for seq, type_, args, made_on, code, reason in conn.execute(
        "SELECT seq, type, args, made_on_version, code, reason FROM deal_commands "
        "WHERE deal_id = ? AND state = 'rejected' ORDER BY seq", (deal_id,)
    ):
        rejections.append({"seq": seq, "type": type_, "code": code, "reason": reason,
                           "made_on_version": made_on, "args": _loads(args)})
    pending = []
    for seq, type_, args, ostate in conn.execute(_PENDING_SQL, (deal_id, deal_id)):
        a = _loads(args)
        base = a.get("base_version") if isinstance(a, dict) else None
        pending.append({"seq": seq, "type": type_, "args": a, "state": ostate,
                        "made_on_version": base})
    return {"deal": deal, "events": events, "pending": pending, "rejections": rejections,
            "my_side": _side(identity(conn), deal)}


def list_signing_keys(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return [dict(_loads(r[0])) for r in _conn(db).execute(
        "SELECT data FROM signing_keys ORDER BY fingerprint")]


def key_known(db: sqlite_utils.Database, fingerprint: str) -> bool:
    """Is this key registered (pulled or applied) or is its key.register queued?"""
    conn = _conn(db)
    if conn.execute("SELECT 1 FROM signing_keys WHERE fingerprint = ?",
                    (fingerprint,)).fetchone() is not None:
        return True
    for (args,) in conn.execute(
        "SELECT args FROM outbox WHERE type = 'key.register' AND state IN ('pending', 'sent')"
    ):
        if _key_fp(_loads(args).get("public_key")) == fingerprint:
            return True
    return False


def _key_fp(public_b64: Any) -> str | None:
    import base64
    import binascii
    import hashlib

    if not isinstance(public_b64, str):
        return None
    try:
        raw = base64.b64decode(public_b64, validate=True)
    except (binascii.Error, ValueError):
        return None
    return hashlib.sha256(raw).hexdigest()[:16]
