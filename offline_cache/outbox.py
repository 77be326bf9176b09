"""The outbox: local-first writes waiting to be pushed (protocol "Push").

Every local change appends a mutation here *in the same transaction* as the change
(``writes.py`` does both). Each item gets the next value of a gap-free sequence kept in
``meta.outbox_next_seq``: a seq is never reused, survives restarts and is carried over
when a damaged cache is rebuilt (``store.py``/``salvage.py``).

States: ``pending`` (not yet pushed) -> ``sent`` (pushed, no reply recorded yet) ->
``applied`` | ``rejected`` (the server's recorded result). ``pending()`` returns pending
*and* sent items in seq order: after a crash or a lost reply the sent items are pushed
again with the same seqs and the server answers them from its record, applying nothing
twice. Rejected items stay listed (``items(db, states=["rejected"])``) with the server's
``code`` and ``reason`` for the UI to show.

A rejected local change is undone locally: a rejected ``favourite.set`` removes the local
favourite row, and for ``favourite.*``/``profile.update`` the ``me`` scope's cursor is
reset to the start, so the next pull of ``me`` (which runs after every push) brings the
server's truth for the profile and favourites; still-unsent local changes are re-applied
on top of every pulled ``me`` page (``rebase_local``). A rejected ``product.upsert`` or
``product.delete`` takes the server's current product from ``result.current`` when the
server sent it, and otherwise re-pulls that company's scope.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson

from .changes import ChangeSet

if TYPE_CHECKING:
    import sqlite_utils

STATES = ("pending", "sent", "applied", "rejected")
OPEN_STATES = ("pending", "sent")
MAX_BATCH = 500
# authorization, cards and chat: their results are handled by social.after_result
_SOCIAL = frozenset({
    "grant.set", "grant.revoke", "card.update", "card.request", "card.accept",
    "card.decline", "card.send", "card_holder.update", "card_holder.remove",
    "message.send", "conversation.read", "quick_reply.set", "quick_reply.remove",
})


class OutboxError(RuntimeError):
    """Misuse of the outbox (e.g. enqueue outside a write transaction)."""


@dataclass(frozen=True)
class OutboxItem:
    seq: int
    type: str
    args: dict[str, Any]
    state: str
    code: str | None
    reason: str | None
    result: Any
    created_at: str
    updated_at: str

    def to_mutation(self) -> dict[str, Any]:
        """The item as the push body's mutation object."""
        return {"seq": self.seq, "type": self.type, "args": self.args}


def _conn(db: sqlite_utils.Database | sqlite3.Connection) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def _now() -> str:
    from .store import utcnow

    return utcnow()


def client_id(db: sqlite_utils.Database) -> str:
    """This installation's client id (a UUID), created once, kept across rebuilds."""
    conn = _conn(db)
    row = conn.execute("SELECT value FROM meta WHERE key = 'client_id'").fetchone()
    if row is not None and row[0]:
        return str(row[0])
    if not conn.in_transaction or conn.execute("PRAGMA query_only").fetchone()[0]:
        raise OutboxError("no client id yet: the store creates it when it opens")
    cid = str(uuid.uuid4())
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('client_id', ?)", (cid,))
    return cid


def next_seq(db: sqlite_utils.Database) -> int:
    row = _conn(db).execute("SELECT value FROM meta WHERE key = 'outbox_next_seq'").fetchone()
    return int(row[0]) if row is not None else 1


def enqueue(db: sqlite_utils.Database, type: str, args: Mapping[str, Any]) -> int:
    """Append a mutation; call inside the write fn that makes the local change."""
    conn = _conn(db)
    if not conn.in_transaction or conn.execute("PRAGMA query_only").fetchone()[0]:
        raise OutboxError("enqueue must run inside a write transaction (Store.write)")
    if not isinstance(type, str) or not type:
        raise ValueError("mutation type must be a non-empty string")
    try:
        args_json = orjson.dumps(dict(args)).decode()
    except TypeError as exc:
        raise ValueError(f"mutation args are not JSON-serialisable: {exc}") from exc
    seq = next_seq(db)
    now = _now()
    conn.execute(
        "INSERT INTO outbox(seq, type, args, state, created_at, updated_at) "
        "VALUES (?, ?, ?, 'pending', ?, ?)",
        (seq, type, args_json, now, now),
    )
    conn.execute(
        "INSERT INTO meta(key, value) VALUES ('outbox_next_seq', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (str(seq + 1),),
    )
    return seq


_COLS = "seq, type, args, state, code, reason, result, created_at, updated_at"


def _item(row: Sequence[Any]) -> OutboxItem:
    return OutboxItem(
        seq=int(row[0]), type=row[1], args=orjson.loads(row[2]), state=row[3],
        code=row[4], reason=row[5],
        result=orjson.loads(row[6]) if row[6] is not None else None,
        created_at=row[7], updated_at=row[8],
    )


def pending(db: sqlite_utils.Database, limit: int = MAX_BATCH) -> list[OutboxItem]:
    """Items to push (pending and sent), in seq order."""
    rows = _conn(db).execute(
        f"SELECT {_COLS} FROM outbox WHERE state IN ('pending', 'sent') ORDER BY seq LIMIT ?",
        (max(0, int(limit)),),
    ).fetchall()
    return [_item(r) for r in rows]


def mark_sent(db: sqlite_utils.Database, seqs: Iterable[int]) -> None:
    conn = _conn(db)
    now = _now()
    conn.executemany(
        "UPDATE outbox SET state = 'sent', updated_at = ? WHERE seq = ? AND state = 'pending'",
        [(now, int(s)) for s in seqs],
    )


def record_results(db: sqlite_utils.Database,
                   results: Iterable[Mapping[str, Any]]) -> ChangeSet:
    """Record the push reply's results: pending/sent -> applied | rejected.

    Results for unknown seqs or already-final items are ignored (a replayed reply).
    """
    conn = _conn(db)
    now = _now()
    changes = ChangeSet()
    reset_me = False
    for res in results:
        try:
            seq = int(res["seq"])
        except (KeyError, TypeError, ValueError):
            continue
        status = res.get("status")
        if status not in ("applied", "rejected"):
            continue
        row = conn.execute(
            f"SELECT {_COLS} FROM outbox WHERE seq = ? AND state IN ('pending', 'sent')",
            (seq,),
        ).fetchone()
        if row is None:
            continue
        item = _item(row)
        result = res.get("result")
        code = res.get("code") if status == "rejected" else None
        reason = res.get("reason") if status == "rejected" else None
        conn.execute(
            "UPDATE outbox SET state = ?, code = ?, reason = ?, result = ?, updated_at = ? "
            "WHERE seq = ?",
            (status, None if code is None else str(code),
             None if reason is None else str(reason),
             None if result is None else orjson.dumps(result).decode(), now, seq),
        )
        changes.add_upsert("outbox", seq)
        if item.type in _SOCIAL:
            from . import social

            reset_me |= social.after_result(conn, item, status, code, reason, result, changes)
        elif item.type.startswith("deal.") or item.type == "key.register":
            from . import deals

            reset_me |= deals.after_result(conn, item, status, code, reason, result, changes)
        elif item.type == "view.record":
            from . import workspace

            reset_me |= workspace.after_result(conn, item, status, code, reason, result, changes)
        elif status == "rejected":
            reset_me |= _undo_rejected(conn, item, result, changes)
        else:
            _after_applied(conn, item, result, changes)
    if reset_me:
        conn.execute("UPDATE scopes SET cursor = NULL, complete = 0 WHERE scope = 'me'")
        changes.scopes.add("me")
        rebase_local(conn, changes)
    return changes


def _undo_rejected(conn: sqlite3.Connection, item: OutboxItem, result: Any,
                   changes: ChangeSet) -> bool:
    from . import writes

    if item.type == "favourite.set":
        fid = writes.favourite_id(item.args.get("kind"), item.args.get("target_id"))
        if fid is not None:
            conn.execute("DELETE FROM favourites WHERE id = ?", (fid,))
            changes.add_delete("favourite", fid)
        return True
    if item.type in ("favourite.remove", "profile.update"):
        return True
    if item.type in ("product.upsert", "product.delete"):
        writes.undo_product_mutation(conn, item, result, changes)
    return False


def _after_applied(conn: sqlite3.Connection, item: OutboxItem, result: Any,
                   changes: ChangeSet) -> None:
    if item.type == "product.upsert" and item.args.get("base_version") is None:
        from . import writes

        writes.drop_local_draft(conn, item, changes)
    elif item.type == "company.update":
        from . import workspace

        # a booth edit merged into this one after it went out: send the difference now
        workspace.check_merged(conn, changes)


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    out = dict.fromkeys(STATES, 0)
    for state, n in _conn(db).execute("SELECT state, count(*) FROM outbox GROUP BY state"):
        out[state] = int(n)
    return out


def items(db: sqlite_utils.Database, states: Iterable[str] | None = None,
          limit: int = 200) -> list[OutboxItem]:
    """Outbox items, newest first, optionally only those in ``states``."""
    conn = _conn(db)
    if states is None:
        rows = conn.execute(
            f"SELECT {_COLS} FROM outbox ORDER BY seq DESC LIMIT ?", (int(limit),)
        ).fetchall()
    else:
        wanted = [s for s in states if s in STATES]
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        rows = conn.execute(
            f"SELECT {_COLS} FROM outbox WHERE state IN ({marks}) ORDER BY seq DESC LIMIT ?",
            (*wanted, int(limit)),
        ).fetchall()
    return [_item(r) for r in rows]


def rebase_local(db: sqlite_utils.Database | sqlite3.Connection,
                 changes: ChangeSet | None = None) -> None:
    """Re-apply unsent favourite/profile changes on top of pulled ``me`` data.

    A pull can bring an older server state than a local change still in the outbox;
    the user must keep seeing their change until the server has it.
    """
    from . import writes

    conn = _conn(db)
    rows = conn.execute(
        f"SELECT {_COLS} FROM outbox WHERE state IN ('pending', 'sent') "
        "AND type IN ('favourite.set', 'favourite.remove', 'profile.update') ORDER BY seq"
    ).fetchall()
    for row in rows:
        item = _item(row)
        writes.apply_local(conn, item.type, item.args, changes)
    from . import social

    social.rebase_local(conn, changes)
