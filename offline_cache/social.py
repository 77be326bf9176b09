"""Authorization, business cards and chat in the local cache (protocol section 7).

Three parts, all plain functions over the ``sqlite_utils.Database`` (run them through
``Store.read`` / ``Store.write``):

- **applying pulled entities** (``apply_changes``, called by ``syncstate.apply_page``
  for the ``me`` and ``company:<id>`` scopes; ``discard_scope`` on reset/untrack);
- **local-first writes**: each validates its input (``ValueError``, nothing written),
  changes the local rows so the UI shows it at once and enqueues the mutation in the
  same transaction. A message written here sits in ``social_outgoing`` ("waiting to
  send") until the server's copy arrives by pull (matched by ``client_msg_id``);
- **queries**: conversations with unread counts, a conversation's messages (paged,
  waiting ones last), grants, cards held, card requests, buyers, quick replies, and a
  LIKE search over cached message text and cards (user text is never SQL syntax).

Every entity row keeps its whole wire object in ``data``; queries return it parsed.
"""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import orjson

from . import outbox
from .changes import ChangeSet
from .checks import check_tags

if TYPE_CHECKING:
    import sqlite_utils

__all__ = [
    "MAX_ATTACHMENT",
    "MAX_TEXT",
    "accept_card_request",
    "apply_changes",
    "conversation_messages",
    "count_unread",
    "decline_card_request",
    "discard_scope",
    "dismiss_rejected",
    "find_attachment",
    "get_card",
    "get_conversation",
    "grant",
    "list_buyers",
    "list_card_requests",
    "list_cards",
    "list_conversations",
    "list_grants",
    "list_outgoing",
    "list_quick_replies",
    "mark_read",
    "my_card",
    "pending_uploads",
    "remove_card",
    "remove_quick_reply",
    "request_card",
    "revoke",
    "search_cards",
    "search_messages",
    "send_card",
    "send_message",
    "set_quick_reply",
    "set_upload_state",
    "update_card_holder",
    "update_my_card",
]

MAX_TEXT = 8000
MAX_NOTE = 4000
MAX_REQUEST_NOTE = 500
MAX_TAGS = 20
MAX_TAG = 50
MAX_ATTACHMENT = 10 * 1024 * 1024
MET_AT = ("booth", "chat", "deal", "")
CARD_FIELDS = ("name", "title", "company", "country", "phone", "email", "website", "handles",
               "has_photo")
SOCIAL_MUTATIONS = frozenset({
    "grant.set", "grant.revoke", "card.update", "card.request", "card.accept",
    "card.decline", "card.send", "card_holder.update", "card_holder.remove",
    "message.send", "conversation.read", "quick_reply.set", "quick_reply.remove",
})
_QUICK_ID_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_MSG_ID_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,100}$")
_MAX_LIMIT = 1000


def _conn(db: sqlite_utils.Database | sqlite3.Connection) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def _now() -> str:
    from .store import utcnow

    return utcnow()


def _dumps(v: Any) -> str:
    return orjson.dumps(v).decode()


def _loads(v: str | bytes | None) -> dict[str, Any]:
    if v is None:
        return {}
    out = orjson.loads(v)
    return out if isinstance(out, dict) else {}


def _pos_int(v: Any, name: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
        raise ValueError(f"{name} must be a positive integer, got {v!r}")
    return v


def _text(v: Any, name: str, limit: int, *, required: bool = False) -> str:
    if not isinstance(v, str):
        raise ValueError(f"{name} must be a string")
    if len(v) > limit:
        raise ValueError(f"{name} is at most {limit:,} characters")
    if "\x00" in v:
        raise ValueError(f"{name} must not contain NUL characters")
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{name} contains an unpaired surrogate") from None
    if required and not v.strip():
        raise ValueError(f"{name} must not be empty")
    return v


def _limit(limit: int) -> int:
    return max(0, min(_MAX_LIMIT, int(limit)))


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# ================================================================ applying pulled pages
def apply_changes(conn: sqlite3.Connection, scope: str, kind: str, ident: int | None,
                  other: Mapping[str, Sequence[Mapping[str, Any]]], out: ChangeSet) -> None:
    """Apply the section-7 entities of one pulled page (inside apply_page's transaction).

    ``other`` maps entity type -> its changes of this page; types not of this scope are
    ignored, as are unknown ones.
    """
    from .syncstate import MalformedPage

    try:
        if kind == "me":
            for ch in other.get("grant", ()):
                _apply_grant(conn, ch, out)
            for ch in other.get("card", ()):
                _apply_card(conn, ch, out)
        elif kind == "company" and ident is not None:
            for ch in other.get("buyer", ()):
                _apply_buyer(conn, ident, ch, out)
            for ch in other.get("quick_reply", ()):
                _apply_quick_reply(conn, ident, ch, out)
        else:
            return
        for ch in other.get("card_request", ()):
            _apply_request(conn, scope, ch, out)
        for ch in other.get("conversation", ()):
            _apply_conversation(conn, scope, ch, out)
        msgs = other.get("message", ())
        if msgs:
            _apply_messages(conn, scope, msgs, out)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        if isinstance(exc, MalformedPage):
            raise
        raise MalformedPage(f"malformed entity in {scope}: {exc!r}") from exc
    except (sqlite3.InterfaceError, OverflowError) as exc:
        raise MalformedPage(f"values not storable in {scope}: {exc}") from exc


def _ident(ch: Mapping[str, Any]) -> Any:
    if ch["op"] == "upsert":
        data = ch["data"]
        if not isinstance(data, Mapping):
            raise TypeError("data must be an object")
        return data.get("id", ch.get("id"))
    return ch["id"]


def _int(v: Any, what: str) -> int:
    from .syncstate import MalformedPage

    if isinstance(v, bool) or not isinstance(v, int):
        raise MalformedPage(f"{what} must be an integer, got {v!r}")
    return v


def _apply_grant(conn: sqlite3.Connection, ch: Mapping[str, Any], out: ChangeSet) -> None:
    if ch["op"] == "delete":
        cid = _int(ch["id"], "grant id")
        conn.execute("DELETE FROM social_grants WHERE company_id = ?", (cid,))
        out.add_delete("grant", cid)
        return
    data = dict(ch["data"])
    cid = _int(data.get("company_id", data.get("id", ch.get("id"))), "grant company_id")
    conn.execute(
        "INSERT OR REPLACE INTO social_grants(company_id, status, version, data) "
        "VALUES (?, ?, ?, ?)",
        (cid, data.get("status"), data.get("version"), _dumps(data)),
    )
    out.add_upsert("grant", cid)


def _apply_card(conn: sqlite3.Connection, ch: Mapping[str, Any], out: ChangeSet) -> None:
    cid = _int(_ident(ch), "card id")
    if ch["op"] == "delete":
        conn.execute("DELETE FROM social_cards WHERE id = ?", (cid,))
        out.add_delete("card", cid)
        return
    data = dict(ch["data"])
    mine = bool(data.get("mine"))
    if mine:  # a local draft of one's own card is replaced by the server's
        drafts = [r[0] for r in conn.execute("SELECT id FROM social_cards WHERE id < 0 AND mine")]
        conn.execute("DELETE FROM social_cards WHERE id < 0 AND mine")
        out.add_deletes("card", drafts)
    conn.execute(
        "INSERT OR REPLACE INTO social_cards(id, mine, name, company, data) VALUES (?, ?, ?, ?, ?)",
        (cid, int(mine), data.get("name"), data.get("company"), _dumps(data)),
    )
    out.add_upsert("card", cid)


def _apply_buyer(conn: sqlite3.Connection, company_id: int, ch: Mapping[str, Any],
                 out: ChangeSet) -> None:
    if ch["op"] == "delete":
        uid = _int(ch["id"], "buyer id")
        conn.execute("DELETE FROM social_buyers WHERE company_id = ? AND user_id = ?",
                     (company_id, uid))
        out.add_delete("buyer", uid)
        return
    data = dict(ch["data"])
    uid = _int(data.get("user_id", ch.get("id")), "buyer user_id")
    conn.execute(
        "INSERT OR REPLACE INTO social_buyers(company_id, user_id, display_name, data) "
        "VALUES (?, ?, ?, ?)",
        (company_id, uid, data.get("display_name"), _dumps(data)),
    )
    out.add_upsert("buyer", uid)


def _apply_quick_reply(conn: sqlite3.Connection, company_id: int, ch: Mapping[str, Any],
                       out: ChangeSet) -> None:
    qid = str(_ident(ch))
    if ch["op"] == "delete":
        conn.execute("DELETE FROM social_quick_replies WHERE id = ?", (qid,))
        out.add_delete("quick_reply", qid)
        return
    data = dict(ch["data"])
    conn.execute(
        "INSERT OR REPLACE INTO social_quick_replies(id, company_id, position, data) "
        "VALUES (?, ?, ?, ?)",
        (qid, company_id, data.get("position"), _dumps(data)),
    )
    out.add_upsert("quick_reply", qid)


def _apply_request(conn: sqlite3.Connection, scope: str, ch: Mapping[str, Any],
                   out: ChangeSet) -> None:
    rid = _int(_ident(ch), "card_request id")
    if ch["op"] == "delete":
        conn.execute("DELETE FROM social_card_requests WHERE id = ?", (rid,))
        out.add_delete("card_request", rid)
        return
    data = dict(ch["data"])
    conn.execute(
        "INSERT OR REPLACE INTO social_card_requests(id, scope, status, direction, created_at, "
        "data) VALUES (?, ?, ?, ?, ?, ?)",
        (rid, scope, data.get("status"), data.get("direction"), data.get("created_at"),
         _dumps(data)),
    )
    out.add_upsert("card_request", rid)


def _apply_conversation(conn: sqlite3.Connection, scope: str, ch: Mapping[str, Any],
                        out: ChangeSet) -> None:
    cid = _int(_ident(ch), "conversation id")
    if ch["op"] == "delete":
        conn.execute("DELETE FROM social_messages WHERE conversation_id = ?", (cid,))
        conn.execute("DELETE FROM social_conversations WHERE id = ?", (cid,))
        out.add_delete("conversation", cid)
        return
    data = dict(ch["data"])
    unread = data.get("unread")
    conn.execute(
        "INSERT OR REPLACE INTO social_conversations(id, scope, buyer_user_id, company_id, "
        "last_message_at, unread, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (cid, scope, data.get("buyer_user_id"), data.get("company_id"),
         data.get("last_message_at") or data.get("created_at"),
         int(unread) if isinstance(unread, int) else 0, _dumps(data)),
    )
    # a waiting message that opened this conversation now belongs to it
    conn.execute(
        "UPDATE social_outgoing SET conversation_id = ? WHERE conversation_id IS NULL AND "
        "((company_id = ? AND ? = 'me') OR (buyer_user_id = ? AND ? != 'me'))",
        (cid, data.get("company_id"), scope, data.get("buyer_user_id"), scope),
    )
    out.add_upsert("conversation", cid)


def _apply_messages(conn: sqlite3.Connection, scope: str,
                    changes: Iterable[Mapping[str, Any]], out: ChangeSet) -> None:
    rows: list[tuple[Any, ...]] = []
    delivered: list[tuple[str]] = []
    for ch in changes:
        mid = _int(_ident(ch), "message id")
        if ch["op"] == "delete":
            conn.execute("DELETE FROM social_messages WHERE id = ?", (mid,))
            out.add_delete("message", mid)
            continue
        data = dict(ch["data"])
        conv = _int(data["conversation_id"], "message conversation_id")
        n = _int(data["n"], "message n")
        cmid = data.get("client_msg_id")
        text = data.get("text")
        rows.append((mid, scope, conv, n, cmid, data.get("sender_user_id"),
                     text if isinstance(text, str) else "", data.get("created_at"),
                     _dumps(data)))
        if isinstance(cmid, str):
            delivered.append((cmid,))
        out.add_upsert("message", mid)
    if rows:
        conn.executemany(
            "INSERT OR REPLACE INTO social_messages(id, scope, conversation_id, n, "
            "client_msg_id, sender_user_id, text, created_at, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    if delivered:
        conn.executemany("DELETE FROM social_outgoing WHERE client_msg_id = ?", delivered)
        out.add_upsert("outgoing", "*")


def discard_scope(conn: sqlite3.Connection, scope: str, kind: str, ident: int | None,
                  changes: ChangeSet) -> None:
    """Drop the section-7 data a scope owns (reset or untrack)."""
    def drop(table: str, key: str, entity: str, where: str, params: tuple[Any, ...]) -> None:
        ids = [r[0] for r in conn.execute(f"SELECT {key} FROM {table} WHERE {where}", params)]
        conn.execute(f"DELETE FROM {table} WHERE {where}", params)
        changes.add_deletes(entity, ids)

    if kind == "me":
        drop("social_grants", "company_id", "grant", "1", ())
        drop("social_cards", "id", "card", "1", ())
    elif kind == "company" and ident is not None:
        drop("social_buyers", "user_id", "buyer", "company_id = ?", (ident,))
        drop("social_quick_replies", "id", "quick_reply", "company_id = ?", (ident,))
    else:
        return
    drop("social_card_requests", "id", "card_request", "scope = ?", (scope,))
    drop("social_messages", "id", "message", "scope = ?", (scope,))
    drop("social_conversations", "id", "conversation", "scope = ?", (scope,))


# ================================================================ local-first writes
def _enqueue(db: sqlite_utils.Database, type_: str, args: Mapping[str, Any],
             changes: ChangeSet) -> int:
    seq = outbox.enqueue(db, type_, args)
    changes.add_upsert("outbox", seq)
    return seq


def grant(db: sqlite_utils.Database, company_id: int) -> ChangeSet:
    """A buyer authorizes a company (``grant.set`` with the grant version last seen, so
    a revoke made elsewhere meanwhile wins)."""
    _pos_int(company_id, "company_id")
    conn = _conn(db)
    row = conn.execute("SELECT version FROM social_grants WHERE company_id = ?",
                       (company_id,)).fetchone()
    args: dict[str, Any] = {"company_id": company_id}
    if row is not None and isinstance(row[0], int):
        args["base_version"] = row[0]
    changes = ChangeSet()
    _local_grant(conn, company_id, "granted", changes)
    _enqueue(db, "grant.set", args, changes)
    return changes


def revoke(db: sqlite_utils.Database, company_id: int) -> ChangeSet:
    """A buyer withdraws a company's authorization (``grant.revoke``)."""
    _pos_int(company_id, "company_id")
    changes = ChangeSet()
    _local_grant(_conn(db), company_id, "revoked", changes)
    _enqueue(db, "grant.revoke", {"company_id": company_id}, changes)
    return changes


def _company_name(conn: sqlite3.Connection, company_id: int) -> str:
    row = conn.execute("SELECT name_en FROM companies WHERE id = ?", (company_id,)).fetchone()
    return str(row[0]) if row is not None and row[0] is not None else ""


def _local_grant(conn: sqlite3.Connection, company_id: int, status: str,
                 changes: ChangeSet | None) -> None:
    row = conn.execute("SELECT data FROM social_grants WHERE company_id = ?",
                       (company_id,)).fetchone()
    data = _loads(row[0]) if row is not None else {
        "id": company_id, "company_id": company_id,
        "company_name": _company_name(conn, company_id), "granted_at": None,
        "revoked_at": None, "version": None,
    }
    if data.get("status") == status:
        return
    data["status"] = status
    data["granted_at" if status == "granted" else "revoked_at"] = _now()
    conn.execute(
        "INSERT OR REPLACE INTO social_grants(company_id, status, version, data) "
        "VALUES (?, ?, ?, ?)",
        (company_id, status, data.get("version"), _dumps(data)),
    )
    if changes is not None:
        changes.add_upsert("grant", company_id)


def send_message(db: sqlite_utils.Database, *, conversation_id: int | None = None,
                 company_id: int | None = None, buyer_user_id: int | None = None,
                 text: str = "", kind: str = "text", product_id: int | None = None,
                 attachment_id: str | None = None, local_path: str | None = None,
                 filename: str | None = None, client_msg_id: str | None = None) -> str:
    """Queue a message (``message.send``); returns its ``client_msg_id``.

    Exactly one of ``conversation_id``, ``company_id`` (a buyer starting) or
    ``buyer_user_id`` (staff starting). ``kind="attachment"`` needs ``attachment_id`` (a
    UUID) and ``local_path``: the sync engine uploads the file before pushing. The
    message shows as waiting to send until the server's copy arrives.
    """
    targets = [t for t in (conversation_id, company_id, buyer_user_id) if t is not None]
    if len(targets) != 1:
        raise ValueError("give exactly one of conversation_id, company_id, buyer_user_id")
    _pos_int(targets[0], "the message's target id")
    if kind not in ("text", "product", "attachment"):
        raise ValueError(f"message kind must be text, product or attachment, got {kind!r}")
    _text(text, "text", MAX_TEXT, required=kind == "text")
    args: dict[str, Any] = {}
    if conversation_id is not None:
        args["conversation_id"] = conversation_id
    elif company_id is not None:
        args["company_id"] = company_id
    else:
        args["buyer_user_id"] = buyer_user_id
    cmid = client_msg_id if client_msg_id is not None else str(uuid.uuid4())
    if not isinstance(cmid, str) or not _MSG_ID_RE.match(cmid):
        raise ValueError("client_msg_id must be 1-100 characters of [A-Za-z0-9_.:-]")
    args.update({"client_msg_id": cmid, "kind": kind, "text": text})
    upload_state = None
    if kind == "product":
        args["product_id"] = _pos_int(product_id, "product_id")
    elif kind == "attachment":
        if not isinstance(attachment_id, str):
            raise ValueError("an attachment message needs attachment_id")
        try:
            canonical = str(uuid.UUID(attachment_id))
        except ValueError:
            raise ValueError("attachment_id must be a UUID") from None
        if canonical != attachment_id:
            raise ValueError("attachment_id must be a UUID in canonical lowercase form")
        if not isinstance(local_path, str) or not local_path:
            raise ValueError("an attachment message needs the local file path")
        args["attachment_id"] = attachment_id
        upload_state = "pending"
    conn = _conn(db)
    if conn.execute("SELECT 1 FROM social_outgoing WHERE client_msg_id = ?",
                    (cmid,)).fetchone() is not None:
        raise ValueError(f"message {cmid} is already queued")
    changes = ChangeSet()
    seq = _enqueue(db, "message.send", args, changes)
    conn.execute(
        "INSERT INTO social_outgoing(client_msg_id, seq, conversation_id, company_id, "
        "buyer_user_id, kind, text, product_id, attachment_id, local_path, filename, "
        "upload_state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (cmid, seq, conversation_id, company_id, buyer_user_id, kind, text, product_id,
         attachment_id, local_path, filename, upload_state, _now()),
    )
    return cmid


def dismiss_rejected(db: sqlite_utils.Database, client_msg_id: str) -> ChangeSet:
    """Forget a message the server refused (it was never delivered). Waiting messages
    cannot be dismissed: they may already be on the server."""
    cur = _conn(db).execute(
        "DELETE FROM social_outgoing WHERE client_msg_id = ? AND state = 'rejected'",
        (client_msg_id,))
    changes = ChangeSet()
    if cur.rowcount:
        changes.add_upsert("outgoing", client_msg_id)
    return changes


def mark_read(db: sqlite_utils.Database, conversation_id: int,
              up_to_message_id: int | None = None) -> ChangeSet:
    """Read receipt up to a message (default: the newest cached one); a no-op (empty
    ChangeSet, nothing queued) when there is nothing new to mark."""
    _pos_int(conversation_id, "conversation_id")
    conn = _conn(db)
    row = conn.execute("SELECT unread, data FROM social_conversations WHERE id = ?",
                       (conversation_id,)).fetchone()
    if row is None:
        raise ValueError(f"conversation {conversation_id} is not cached")
    if up_to_message_id is None:
        last = conn.execute(
            "SELECT id, n FROM social_messages WHERE conversation_id = ? ORDER BY n DESC LIMIT 1",
            (conversation_id,)).fetchone()
        if last is None:
            return ChangeSet()
        up_to_message_id, n = int(last[0]), int(last[1])
    else:
        _pos_int(up_to_message_id, "up_to_message_id")
        found = conn.execute("SELECT n FROM social_messages WHERE id = ? AND conversation_id = ?",
                             (up_to_message_id, conversation_id)).fetchone()
        if found is None:
            raise ValueError(f"message {up_to_message_id} is not in conversation {conversation_id}")
        n = int(found[0])
    data = _loads(row[1])
    side = "buyer" if conn.execute("SELECT scope FROM social_conversations WHERE id = ?",
                                   (conversation_id,)).fetchone()[0] == "me" else "company"
    key = f"{side}_read_upto"
    current = data.get(key)
    if isinstance(current, int) and current >= n and not row[0]:
        return ChangeSet()
    data[key] = max(n, current if isinstance(current, int) else 0)
    newer = conn.execute(
        "SELECT count(*) FROM social_messages WHERE conversation_id = ? AND n > ? "
        "AND json_extract(data, '$.sender_side') != ?",
        (conversation_id, n, side)).fetchone()[0]
    data["unread"] = int(newer)
    conn.execute("UPDATE social_conversations SET unread = ?, data = ? WHERE id = ?",
                 (int(newer), _dumps(data), conversation_id))
    changes = ChangeSet()
    changes.add_upsert("conversation", conversation_id)
    _enqueue(db, "conversation.read",
             {"conversation_id": conversation_id, "up_to_message_id": up_to_message_id}, changes)
    return changes


def _check_tags(tags: Iterable[Any]) -> list[str]:
    return check_tags(tags, max_tags=MAX_TAGS, max_len=MAX_TAG)


def update_my_card(db: sqlite_utils.Database, **fields: Any) -> ChangeSet:
    """Edit one's own card (``card.update``); the server validates values further."""
    if not fields:
        raise ValueError("update_my_card needs at least one field")
    unknown = sorted(set(fields) - set(CARD_FIELDS))
    if unknown:
        raise ValueError(f"unknown card field(s): {', '.join(unknown)}")
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "handles":
            if not isinstance(value, Mapping) or not all(
                    isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                raise ValueError("handles must map names to strings")
            clean[name] = dict(value)
        elif name == "has_photo":
            if not isinstance(value, bool):
                raise ValueError("has_photo must be true or false")
            clean[name] = value
        else:
            value = _text(value, name, 300).strip()
            if name == "country":
                value = value.upper()
            clean[name] = value
    changes = ChangeSet()
    seq = _enqueue(db, "card.update", {"fields": clean}, changes)
    _local_card_update(_conn(db), clean, seq, changes)
    return changes


def _local_card_update(conn: sqlite3.Connection, fields: Mapping[str, Any], seq: int,
                       changes: ChangeSet | None) -> None:
    row = conn.execute("SELECT id, data FROM social_cards WHERE mine ORDER BY id DESC "
                       "LIMIT 1").fetchone()
    data: dict[str, Any]
    if row is None:
        cid, data = -seq, {"id": -seq, "mine": True, "holder": None, "handles": {},
                           "version": 0}
    else:
        cid, data = int(row[0]), _loads(row[1])
    data.update(fields)
    conn.execute(
        "INSERT OR REPLACE INTO social_cards(id, mine, name, company, data) VALUES (?, 1, ?, ?, ?)",
        (cid, data.get("name"), data.get("company"), _dumps(data)),
    )
    if changes is not None:
        changes.add_upsert("card", cid)


def update_card_holder(db: sqlite_utils.Database, card_id: int, *,
                       tags: Iterable[str] | None = None, note: str | None = None,
                       met_at: str | None = None) -> ChangeSet:
    """Tags, note and "met at" of a card one holds (``card_holder.update``)."""
    _pos_int(card_id, "card_id")
    args: dict[str, Any] = {"card_id": card_id}
    if tags is not None:
        args["tags"] = _check_tags(tags)
    if note is not None:
        args["note"] = _text(note, "note", MAX_NOTE)
    if met_at is not None:
        if met_at not in MET_AT:
            raise ValueError("met_at must be booth, chat, deal or empty")
        args["met_at"] = met_at
    if len(args) == 1:
        raise ValueError("give tags, note or met_at")
    conn = _conn(db)
    if conn.execute("SELECT 1 FROM social_cards WHERE id = ? AND NOT mine",
                    (card_id,)).fetchone() is None:
        raise ValueError(f"you do not hold card {card_id}")
    changes = ChangeSet()
    _local_holder(conn, args, changes)
    _enqueue(db, "card_holder.update", args, changes)
    return changes


def _local_holder(conn: sqlite3.Connection, args: Mapping[str, Any],
                  changes: ChangeSet | None) -> None:
    card_id = args.get("card_id")
    row = conn.execute("SELECT data FROM social_cards WHERE id = ?", (card_id,)).fetchone()
    if row is None:
        return
    data = _loads(row[0])
    holder = dict(data.get("holder") or {})
    for key in ("tags", "note", "met_at"):
        if key in args:
            holder[key] = args[key]
    data["holder"] = holder
    conn.execute("UPDATE social_cards SET data = ? WHERE id = ?", (_dumps(data), card_id))
    if changes is not None:
        changes.add_upsert("card", int(card_id))  # type: ignore[arg-type]


def remove_card(db: sqlite_utils.Database, card_id: int) -> ChangeSet:
    """Drop a held card from the card holder (``card_holder.remove``)."""
    _pos_int(card_id, "card_id")
    changes = ChangeSet()
    conn = _conn(db)
    conn.execute("DELETE FROM social_cards WHERE id = ? AND NOT mine", (card_id,))
    changes.add_delete("card", card_id)
    _enqueue(db, "card_holder.remove", {"card_id": card_id}, changes)
    return changes


def request_card(db: sqlite_utils.Database, *, company_id: int | None = None,
                 to_user_id: int | None = None, note: str = "") -> ChangeSet:
    """Ask for a card (``card.request``): a buyer asks a company (or one of its staff),
    staff ask a buyer (``to_user_id``). Shown as an outgoing pending request (a local
    draft with id ``-seq``) until the server's copy arrives."""
    if (company_id is None) == (to_user_id is None):
        raise ValueError("give exactly one of company_id, to_user_id")
    args: dict[str, Any] = {}
    if company_id is not None:
        args["company_id"] = _pos_int(company_id, "company_id")
    else:
        args["to_user_id"] = _pos_int(to_user_id, "to_user_id")
    args["note"] = _text(note, "note", MAX_REQUEST_NOTE)
    conn = _conn(db)
    changes = ChangeSet()
    seq = _enqueue(db, "card.request", args, changes)
    scope = _own_scope(conn)
    data = {"id": -seq, "to_user_id": to_user_id, "to_company_id": company_id,
            "company_id": company_id, "company_name": _company_name(conn, company_id)
            if company_id is not None else "", "note": args["note"], "status": "pending",
            "direction": "outgoing", "created_at": _now(), "decided_at": None,
            "local": True}
    conn.execute(
        "INSERT OR REPLACE INTO social_card_requests(id, scope, status, direction, created_at, "
        "data) VALUES (?, ?, 'pending', 'outgoing', ?, ?)",
        (-seq, scope, data["created_at"], _dumps(data)),
    )
    changes.add_upsert("card_request", -seq)
    return changes


def _own_scope(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT role, company_id FROM profile LIMIT 1").fetchone()
    if row is not None and row[0] != "buyer" and isinstance(row[1], int):
        return f"company:{row[1]}"
    return "me"


def _decide(db: sqlite_utils.Database, request_id: int, status: str) -> ChangeSet:
    _pos_int(request_id, "request_id")
    conn = _conn(db)
    changes = ChangeSet()
    _local_decide(conn, request_id, status, changes)
    _enqueue(db, "card.accept" if status == "accepted" else "card.decline",
             {"request_id": request_id}, changes)
    return changes


def _local_decide(conn: sqlite3.Connection, request_id: Any, status: str,
                  changes: ChangeSet | None) -> None:
    row = conn.execute("SELECT data FROM social_card_requests WHERE id = ?",
                       (request_id,)).fetchone()
    if row is None:
        return
    data = _loads(row[0])
    if data.get("status") != "pending":
        return
    data["status"] = status
    data["decided_at"] = _now()
    conn.execute("UPDATE social_card_requests SET status = ?, data = ? WHERE id = ?",
                 (status, _dumps(data), request_id))
    if changes is not None:
        changes.add_upsert("card_request", int(request_id))


def accept_card_request(db: sqlite_utils.Database, request_id: int) -> ChangeSet:
    """Accept an incoming card request (``card.accept``): cards are exchanged."""
    return _decide(db, request_id, "accepted")


def decline_card_request(db: sqlite_utils.Database, request_id: int) -> ChangeSet:
    return _decide(db, request_id, "declined")


def send_card(db: sqlite_utils.Database, *, to_user_id: int | None = None,
              company_id: int | None = None) -> ChangeSet:
    """Give one's card (``card.send``): staff -> a buyer, a buyer -> a staff member or
    every staff member of a company."""
    if (company_id is None) == (to_user_id is None):
        raise ValueError("give exactly one of company_id, to_user_id")
    args = ({"company_id": _pos_int(company_id, "company_id")} if company_id is not None
            else {"to_user_id": _pos_int(to_user_id, "to_user_id")})
    changes = ChangeSet()
    _enqueue(db, "card.send", args, changes)
    return changes


def set_quick_reply(db: sqlite_utils.Database, id: str, text: str,
                    position: int = 0) -> ChangeSet:
    """Staff: keep a quick-reply phrase (``quick_reply.set``)."""
    if not isinstance(id, str) or not _QUICK_ID_RE.match(id) or id.isdigit():
        raise ValueError("a quick reply id is 1-64 characters of [A-Za-z0-9_.:-], "
                         "not all digits")
    _text(text, "text", 2000, required=True)
    if isinstance(position, bool) or not isinstance(position, int) \
            or not 0 <= position <= 10_000:
        raise ValueError("position must be an integer from 0 to 10,000")
    conn = _conn(db)
    scope = _own_scope(conn)
    if not scope.startswith("company:"):
        raise ValueError("only exhibitor staff keep quick replies")
    data = {"id": id, "text": text, "position": position, "updated_at": _now()}
    conn.execute(
        "INSERT OR REPLACE INTO social_quick_replies(id, company_id, position, data) "
        "VALUES (?, ?, ?, ?)",
        (id, int(scope.split(":")[1]), position, _dumps(data)),
    )
    changes = ChangeSet()
    changes.add_upsert("quick_reply", id)
    _enqueue(db, "quick_reply.set", {"id": id, "text": text, "position": position}, changes)
    return changes


def remove_quick_reply(db: sqlite_utils.Database, id: str) -> ChangeSet:
    if not isinstance(id, str) or not _QUICK_ID_RE.match(id):
        raise ValueError("not a quick reply id")
    _conn(db).execute("DELETE FROM social_quick_replies WHERE id = ?", (id,))
    changes = ChangeSet()
    changes.add_delete("quick_reply", id)
    _enqueue(db, "quick_reply.remove", {"id": id}, changes)
    return changes


# ---------------------------------------------------------------- outbox hooks
def after_result(conn: sqlite3.Connection, item: outbox.OutboxItem, status: str,
                 code: str | None, reason: str | None, result: Any,
                 changes: ChangeSet) -> bool:
    """The server's result for a section-7 mutation. Returns True when the ``me`` scope
    should be pulled again from the start (a rejected grant/card change)."""
    t = item.type
    if t == "message.send":
        cmid = item.args.get("client_msg_id")
        if status == "rejected":
            # a failed upload keeps its own (clearer) reason
            conn.execute(
                "UPDATE social_outgoing SET state = 'rejected', code = ?, reason = CASE WHEN "
                "upload_state = 'failed' AND reason IS NOT NULL THEN reason ELSE ? END "
                "WHERE client_msg_id = ?", (code, reason, cmid))
        else:
            mid = result.get("message_id") if isinstance(result, Mapping) else None
            conv = result.get("conversation_id") if isinstance(result, Mapping) else None
            conn.execute(
                "UPDATE social_outgoing SET state = 'sent', message_id = ?, "
                "conversation_id = coalesce(conversation_id, ?) WHERE client_msg_id = ?",
                (mid, conv, cmid))
            # the server's copy may have arrived already (pulled before this reply)
            conn.execute(
                "DELETE FROM social_outgoing WHERE client_msg_id = ? AND EXISTS "
                "(SELECT 1 FROM social_messages WHERE client_msg_id = ?)", (cmid, cmid))
        changes.add_upsert("outgoing", "*")
        return False
    if t == "card.request" or (t == "card.update" and status == "applied"):
        table = "social_card_requests" if t == "card.request" else "social_cards"
        entity = "card_request" if t == "card.request" else "card"
        if t == "card.update":
            # keep the draft until the server's card arrives (apply_card drops it)
            return False
        conn.execute(f"DELETE FROM {table} WHERE id = ?", (-item.seq,))
        changes.add_delete(entity, -item.seq)
        return status == "rejected"
    if status == "rejected" and t in SOCIAL_MUTATIONS:
        if t.startswith("quick_reply."):
            for row in conn.execute("SELECT scope FROM scopes WHERE scope LIKE 'company:%'"):
                conn.execute("UPDATE scopes SET cursor = NULL, complete = 0 WHERE scope = ?",
                             (row[0],))
                changes.scopes.add(row[0])
            return False
        return not (t == "conversation.read" and _own_scope(conn) != "me")
    return False


def rebase_local(conn: sqlite3.Connection, changes: ChangeSet | None = None) -> None:
    """Re-apply unsent grant/card changes on top of pulled ``me`` data."""
    rows = conn.execute(
        "SELECT seq, type, args FROM outbox WHERE state IN ('pending', 'sent') AND type IN "
        "('grant.set', 'grant.revoke', 'card.update', 'card_holder.update', "
        "'card_holder.remove', 'card.accept', 'card.decline') ORDER BY seq"
    ).fetchall()
    for seq, type_, args_json in rows:
        args = _loads(args_json)
        if type_ in ("grant.set", "grant.revoke"):
            cid = args.get("company_id")
            if isinstance(cid, int):
                _local_grant(conn, cid, "granted" if type_ == "grant.set" else "revoked",
                             changes)
        elif type_ == "card.update":
            fields = args.get("fields")
            if isinstance(fields, Mapping):
                _local_card_update(conn, fields, int(seq), changes)
        elif type_ == "card_holder.update":
            _local_holder(conn, args, changes)
        elif type_ == "card_holder.remove":
            conn.execute("DELETE FROM social_cards WHERE id = ? AND NOT mine",
                         (args.get("card_id"),))
        else:
            _local_decide(conn, args.get("request_id"),
                          "accepted" if type_ == "card.accept" else "declined", changes)


# ---------------------------------------------------------------- uploads (sync engine)
def pending_uploads(db: sqlite_utils.Database,
                    seqs: Iterable[int] | None = None) -> list[dict[str, Any]]:
    """Attachments still to upload (of the given outbox seqs), in seq order."""
    rows = _conn(db).execute(
        "SELECT seq, client_msg_id, attachment_id, local_path, filename FROM social_outgoing "
        "WHERE upload_state = 'pending' AND state = 'waiting' ORDER BY seq"
    ).fetchall()
    wanted = None if seqs is None else set(seqs)
    return [
        {"seq": r[0], "client_msg_id": r[1], "attachment_id": r[2], "local_path": r[3],
         "filename": r[4]}
        for r in rows if wanted is None or r[0] in wanted
    ]


def set_upload_state(db: sqlite_utils.Database, attachment_id: str, state: str,
                     reason: str | None = None) -> ChangeSet:
    if state not in ("uploaded", "failed"):
        raise ValueError("upload state must be uploaded or failed")
    _conn(db).execute(
        "UPDATE social_outgoing SET upload_state = ?, reason = coalesce(?, reason) "
        "WHERE attachment_id = ?", (state, reason, attachment_id))
    changes = ChangeSet()
    changes.add_upsert("outgoing", "*")
    return changes


# ================================================================ queries
def _rows(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    return [_loads(r[0]) for r in conn.execute(sql, params)]


def list_grants(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """A buyer's grants (granted first, then by company name)."""
    return _rows(_conn(db),
                 "SELECT data FROM social_grants ORDER BY status != 'granted', "
                 "json_extract(data, '$.company_name') COLLATE NOCASE, company_id")


_BUYER_SORTS = {
    "name": "display_name COLLATE NOCASE, user_id",
    "country": "json_extract(data, '$.country'), display_name COLLATE NOCASE",
    "company": "json_extract(data, '$.company') COLLATE NOCASE, display_name COLLATE NOCASE",
    "recent": "coalesce(json_extract(data, '$.authorized_at'), "
              "json_extract(data, '$.contacted_at')) DESC, user_id",
}


def list_buyers(db: sqlite_utils.Database, company_id: int | None = None, text: str = "",
                sort: str = "name", authorized_only: bool = False) -> list[dict[str, Any]]:
    """Buyers who authorized (or contacted) the company, searchable and sortable."""
    if sort not in _BUYER_SORTS:
        raise ValueError(f"sort must be one of {sorted(_BUYER_SORTS)}")
    where = ["1"]
    params: list[Any] = []
    if company_id is not None:
        where.append("company_id = ?")
        params.append(company_id)
    if text.strip():
        where.append("(display_name LIKE ? ESCAPE '\\' OR json_extract(data, '$.company') "
                     "LIKE ? ESCAPE '\\' OR json_extract(data, '$.email') LIKE ? ESCAPE '\\')")
        params += [_like(text.strip())] * 3
    if authorized_only:
        where.append("json_extract(data, '$.authorized')")
    return _rows(_conn(db), f"SELECT data FROM social_buyers WHERE {' AND '.join(where)} "
                            f"ORDER BY {_BUYER_SORTS[sort]}", params)


def get_buyer(db: sqlite_utils.Database, user_id: int) -> dict[str, Any] | None:
    rows = _rows(_conn(db), "SELECT data FROM social_buyers WHERE user_id = ? LIMIT 1",
                 (user_id,))
    return rows[0] if rows else None


_CARD_SORTS = {
    "name": "name COLLATE NOCASE, id",
    "company": "company COLLATE NOCASE, name COLLATE NOCASE, id",
    "received": "json_extract(data, '$.holder.received_at') DESC, id",
}


def list_cards(db: sqlite_utils.Database, text: str = "", tag: str | None = None,
               sort: str = "name") -> list[dict[str, Any]]:
    """Cards one holds (not one's own), searchable, filtered by tag, sorted."""
    if sort not in _CARD_SORTS:
        raise ValueError(f"sort must be one of {sorted(_CARD_SORTS)}")
    where = ["NOT mine"]
    params: list[Any] = []
    if text.strip():
        like = _like(text.strip())
        where.append(
            "(name LIKE ? ESCAPE '\\' OR company LIKE ? ESCAPE '\\' "
            "OR json_extract(data, '$.title') LIKE ? ESCAPE '\\' "
            "OR json_extract(data, '$.email') LIKE ? ESCAPE '\\' "
            "OR json_extract(data, '$.holder.note') LIKE ? ESCAPE '\\' "
            "OR json_extract(data, '$.holder.tags') LIKE ? ESCAPE '\\')")
        params += [like] * 6
    if tag:
        where.append("EXISTS (SELECT 1 FROM json_each(json_extract(data, '$.holder.tags')) "
                     "WHERE value = ?)")
        params.append(tag)
    return _rows(_conn(db), f"SELECT data FROM social_cards WHERE {' AND '.join(where)} "
                            f"ORDER BY {_CARD_SORTS[sort]}", params)


def search_cards(db: sqlite_utils.Database, text: str) -> list[dict[str, Any]]:
    return list_cards(db, text=text)


def get_card(db: sqlite_utils.Database, card_id: int) -> dict[str, Any] | None:
    rows = _rows(_conn(db), "SELECT data FROM social_cards WHERE id = ?", (card_id,))
    return rows[0] if rows else None


def my_card(db: sqlite_utils.Database) -> dict[str, Any] | None:
    rows = _rows(_conn(db), "SELECT data FROM social_cards WHERE mine ORDER BY id DESC LIMIT 1")
    return rows[0] if rows else None


def list_card_requests(db: sqlite_utils.Database, direction: str | None = None,
                       status: str | None = None) -> list[dict[str, Any]]:
    """Card requests (incoming/outgoing), newest first; local drafts have negative ids."""
    where = ["1"]
    params: list[Any] = []
    if direction is not None:
        where.append("direction = ?")
        params.append(direction)
    if status is not None:
        where.append("status = ?")
        params.append(status)
    return _rows(_conn(db), f"SELECT data FROM social_card_requests WHERE {' AND '.join(where)} "
                            "ORDER BY created_at DESC, id DESC", params)


def list_conversations(db: sqlite_utils.Database, text: str = "") -> list[dict[str, Any]]:
    """Conversations, the most recent first, each with its ``unread`` count and
    ``waiting`` (messages written here not yet delivered). ``text`` matches the other
    side's name or any cached message of the conversation (offline history search)."""
    conn = _conn(db)
    where = "1"
    params: list[Any] = []
    if text.strip():
        where = ("(json_extract(data, '$.company_name') LIKE ? ESCAPE '\\' "
                 "OR json_extract(data, '$.buyer_name') LIKE ? ESCAPE '\\' "
                 "OR id IN (SELECT conversation_id FROM social_messages "
                 "WHERE text LIKE ? ESCAPE '\\'))")
        params = [_like(text.strip())] * 3
    out = []
    for cid, unread, data in conn.execute(
            f"SELECT id, unread, data FROM social_conversations WHERE {where} "
            "ORDER BY last_message_at DESC, id DESC", params):
        d = _loads(data)
        d["unread"] = int(unread)
        d["waiting"] = int(conn.execute(
            "SELECT count(*) FROM social_outgoing WHERE conversation_id = ? "
            "AND state != 'rejected'", (cid,)).fetchone()[0])
        out.append(d)
    return out


def count_unread(db: sqlite_utils.Database) -> int:
    return int(_conn(db).execute(
        "SELECT coalesce(sum(unread), 0) FROM social_conversations").fetchone()[0])


def get_conversation(db: sqlite_utils.Database, conversation_id: int) -> dict[str, Any] | None:
    rows = _rows(_conn(db), "SELECT data FROM social_conversations WHERE id = ?",
                 (conversation_id,))
    return rows[0] if rows else None


def _outgoing_dict(r: Sequence[Any]) -> dict[str, Any]:
    (cmid, seq, conv, company_id, buyer_user_id, kind, text, product_id, attachment_id,
     filename, upload_state, state, code, reason, created_at) = r
    return {
        "id": None, "client_msg_id": cmid, "seq": seq, "conversation_id": conv,
        "company_id": company_id, "buyer_user_id": buyer_user_id, "kind": kind, "text": text,
        "product_id": product_id, "attachment_id": attachment_id,
        "attachment": {"id": attachment_id, "filename": filename} if attachment_id else None,
        "upload_state": upload_state, "created_at": created_at, "n": None,
        "status": "rejected" if state == "rejected" else "waiting",
        "code": code, "reason": reason,
    }


_OUT_COLS = ("client_msg_id, seq, conversation_id, company_id, buyer_user_id, kind, text, "
             "product_id, attachment_id, filename, upload_state, state, code, reason, created_at")


def conversation_messages(db: sqlite_utils.Database, conversation_id: int,
                          before_n: int | None = None, limit: int = 100,
                          include_waiting: bool = True) -> list[dict[str, Any]]:
    """The newest ``limit`` cached messages before ``before_n`` (all when None), oldest
    first, each with ``status: "delivered"``; then (on the newest page) the messages
    written here and not delivered yet (``status`` "waiting" or "rejected", ``id`` None)."""
    conn = _conn(db)
    params: list[Any] = [conversation_id]
    where = "conversation_id = ?"
    if before_n is not None:
        where += " AND n < ?"
        params.append(before_n)
    rows = conn.execute(
        f"SELECT data FROM social_messages WHERE {where} ORDER BY n DESC LIMIT ?",
        (*params, _limit(limit))).fetchall()
    out = []
    for (data,) in reversed(rows):
        d = _loads(data)
        d["status"] = "delivered"
        out.append(d)
    if include_waiting and before_n is None:
        conv = conn.execute(
            "SELECT scope, company_id, buyer_user_id FROM social_conversations WHERE id = ?",
            (conversation_id,)).fetchone()
        if conv is not None:
            scope, company_id, buyer_id = conv
            rows = conn.execute(
                f"SELECT {_OUT_COLS} FROM social_outgoing WHERE (conversation_id = ? OR "
                "(conversation_id IS NULL AND ((? = 'me' AND company_id = ?) OR "
                "(? != 'me' AND buyer_user_id = ?)))) AND NOT EXISTS (SELECT 1 FROM "
                "social_messages m WHERE m.client_msg_id = social_outgoing.client_msg_id) "
                "ORDER BY seq",
                (conversation_id, scope, company_id, scope, buyer_id)).fetchall()
            out.extend(_outgoing_dict(r) for r in rows)
    return out


def list_outgoing(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every message written here and not delivered back yet, in send order."""
    rows = _conn(db).execute(f"SELECT {_OUT_COLS} FROM social_outgoing ORDER BY seq").fetchall()
    return [_outgoing_dict(r) for r in rows]


def search_messages(db: sqlite_utils.Database, text: str,
                    limit: int = 100) -> list[dict[str, Any]]:
    """Cached messages whose text contains ``text`` (case-insensitive for ASCII), newest
    first; the text is matched literally (``%``/``_`` are not wildcards)."""
    if not isinstance(text, str) or not text.strip():
        return []
    rows = _conn(db).execute(
        "SELECT data FROM social_messages WHERE text LIKE ? ESCAPE '\\' "
        "ORDER BY created_at DESC, id DESC LIMIT ?",
        (_like(text.strip()), _limit(limit))).fetchall()
    return [_loads(r[0]) for r in rows]


def find_attachment(db: sqlite_utils.Database, attachment_id: str) -> dict[str, Any] | None:
    """The ``attachment`` object of a cached message naming ``attachment_id``."""
    row = _conn(db).execute(
        "SELECT json_extract(data, '$.attachment') FROM social_messages "
        "WHERE json_extract(data, '$.attachment_id') = ? LIMIT 1", (attachment_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    return _loads(row[0])


def list_quick_replies(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return _rows(_conn(db), "SELECT data FROM social_quick_replies ORDER BY position, id")
