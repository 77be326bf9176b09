"""Reading what can be read from a cache file that was moved aside.

Every piece (client id, outbox counter, unsent items, tracked scopes) is read on its
own, so damage in one table does not lose the others; a damaged outbox table is read
row by row by seq where a whole scan fails.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .store import RecoveryInfo

log = logging.getLogger(__name__)

OPEN_STATES = ("pending", "sent")
MAX_ROW_BY_ROW = 200_000


@dataclass
class Salvaged:
    client_id: str | None = None
    next_seq: int | None = None        # from meta
    max_seq: int | None = None         # highest seq seen in the outbox table
    items: list[tuple[Any, ...]] = field(default_factory=list)  # outbox rows
    items_complete: bool = False
    scopes: list[str] = field(default_factory=list)
    # rows of side tables that belong to unsent outbox items (by seq): a chat message's
    # or a catalog edit's file waiting to upload; table -> (columns, rows)
    side: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = field(default_factory=dict)

    def restore_into(self, conn: sqlite3.Connection, info: RecoveryInfo, now: str) -> None:
        """Write the salvaged state into a fresh cache (inside the caller's transaction)."""
        counter_known = self.next_seq is not None or self.max_seq is not None
        items = sorted(self.items, key=lambda r: int(r[0]))
        seq_map = {int(r[0]): int(r[0]) for r in items}
        if self.client_id and counter_known:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'client_id'", (self.client_id,))
            info.client_id_kept = True
            next_seq = max(self.next_seq or 1, (self.max_seq or 0) + 1,
                           (int(items[-1][0]) + 1) if items else 1)
        else:
            # Without the counter we cannot know which seqs the server has seen under
            # the old id: a new client id (kept by the fresh cache) is the safe choice,
            # and the unsent items are renumbered from 1 in their old order.
            if self.client_id:
                log.warning("outbox counter unreadable: starting a new client id")
            renumbered = []
            for i, row in enumerate(items, start=1):
                renumbered.append((i, *row[1:]))
            seq_map = {int(old[0]): int(new[0]) for old, new in zip(items, renumbered, strict=True)}
            items = renumbered
            next_seq = len(items) + 1
        for row in items:
            conn.execute(
                "INSERT INTO outbox(seq, type, args, state, code, reason, result, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('outbox_next_seq', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(next_seq),),
        )
        _restore_side(conn, self.side, seq_map)
        for scope in self.scopes:
            conn.execute(
                "INSERT OR IGNORE INTO scopes(scope, cursor, tracked_at) VALUES (?, NULL, ?)",
                (scope, now),
            )
        info.outbox_kept = len(items)
        info.outbox_lost_unknown = not self.items_complete
        info.next_seq = next_seq
        info.scopes_kept = list(self.scopes)
        if items:
            from .outbox import rebase_local

            rebase_local(conn)


def salvage(path: Path) -> Salvaged:
    """Read what can be read, trying ever more lenient ways to open the file."""
    out = Salvaged()
    with tempfile.TemporaryDirectory(prefix="fairdesk-salvage-") as tmp:
        for conn in _connections(path, Path(tmp)):
            try:
                if out.client_id is None or out.next_seq is None:
                    _read_meta(conn, out)
                if not out.items_complete:
                    _read_outbox(conn, out)
                if not out.scopes:
                    _read_scopes(conn, out)
                _read_side(conn, out)
            finally:
                conn.close()
            if out.client_id and out.next_seq and out.items_complete and out.scopes:
                break
    return out


SIDE_TABLES = ("social_outgoing", "ws_uploads")


def _read_side(conn: sqlite3.Connection, out: Salvaged) -> None:
    """Side rows of the salvaged unsent items (each table on its own; damage skips it)."""
    seqs = {int(r[0]) for r in out.items}
    for table in SIDE_TABLES:
        if table in out.side or not seqs:
            continue
        try:
            cur = conn.execute(f"SELECT * FROM {table}")
            cols = [d[0] for d in cur.description]
            if "seq" not in cols:
                continue
            i = cols.index("seq")
            rows = [tuple(r) for r in cur if isinstance(r[i], int) and r[i] in seqs]
        except sqlite3.Error as exc:
            log.warning("salvage: %s unreadable (%s)", table, exc)
            continue
        out.side[table] = (cols, rows)
    if "meta" not in out.side and seqs:
        # a card photo waiting to upload: meta key "card_photo_upload:<seq>" -> its file
        try:
            rows = [(k, v) for k, v in conn.execute(
                "SELECT key, value FROM meta WHERE key LIKE 'card_photo_upload:%'")
                if str(k).rpartition(":")[2].isdigit()
                and int(str(k).rpartition(":")[2]) in seqs]
        except sqlite3.Error as exc:
            log.warning("salvage: meta unreadable (%s)", exc)
        else:
            out.side["meta"] = (["key", "value"], rows)


def _restore_side(conn: sqlite3.Connection,
                  side: dict[str, tuple[list[str], list[tuple[Any, ...]]]],
                  seq_map: dict[int, int]) -> None:
    for table, (cols, rows) in side.items():
        if table == "meta":
            for key, value in rows:
                prefix, _, old = str(key).rpartition(":")
                new_seq = seq_map.get(int(old))
                if new_seq is not None:
                    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                                 (f"{prefix}:{new_seq}", value))
            continue
        try:
            have = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        except sqlite3.Error:
            continue
        keep = [c for c in cols if c in have]
        if "seq" not in keep:
            continue
        idx = [cols.index(c) for c in keep]
        si = cols.index("seq")
        marks = ", ".join("?" * len(keep))
        for row in rows:
            new_seq = seq_map.get(int(row[si]))
            if new_seq is None:
                continue
            values = [new_seq if j == si else row[j] for j in idx]
            try:
                conn.execute(f"INSERT OR IGNORE INTO {table}({', '.join(keep)}) VALUES ({marks})",
                             values)
            except sqlite3.Error as exc:  # a damaged row: the item stays, without it
                log.warning("salvage: a %s row could not be restored: %s", table, exc)


def _connections(path: Path, tmp: Path) -> Iterator[sqlite3.Connection]:
    """Plain read-only; then ignoring a damaged schema (e.g. statistics pages lost to a
    truncation); then a copy padded to the length its header claims."""
    for lenient in (False, True):
        try:
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
            if lenient:
                conn.execute("PRAGMA writable_schema = ON")
            conn.execute("PRAGMA query_only = 1")
        except sqlite3.Error as exc:
            log.warning("salvage: cannot open %s: %s", path, exc)
            continue
        yield conn
    try:
        data = path.read_bytes()
        if len(data) < 100:
            return
        page = int.from_bytes(data[16:18], "big")
        page = 65536 if page == 1 else page
        pages = int.from_bytes(data[28:32], "big")
        want = page * pages
        if want <= len(data) or want > len(data) * 8:
            return
        copy = tmp / "padded.sqlite"
        copy.write_bytes(data + bytes(want - len(data)))
        for side in ("-wal", "-shm"):
            src = path.with_name(path.name + side)
            if src.exists():
                shutil.copyfile(src, copy.with_name(copy.name + side))
        conn = sqlite3.connect(copy, isolation_level=None)
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("PRAGMA query_only = 1")
    except (OSError, sqlite3.Error) as exc:
        log.warning("salvage: padded copy failed: %s", exc)
        return
    yield conn


def _read_meta(conn: sqlite3.Connection, out: Salvaged) -> None:
    for key in ("client_id", "outbox_next_seq"):
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            log.warning("salvage: meta %s unreadable: %s", key, exc)
            continue
        if row is None or row[0] is None:
            continue
        if key == "client_id":
            with contextlib.suppress(ValueError):
                out.client_id = str(uuid.UUID(str(row[0])))
        else:
            with contextlib.suppress(ValueError, TypeError):
                value = int(row[0])
                if value >= 1:
                    out.next_seq = value


_OUTBOX_COLS = "seq, type, args, state, code, reason, result, created_at, updated_at"


def _read_outbox(conn: sqlite3.Connection, out: Salvaged) -> None:
    with contextlib.suppress(sqlite3.Error):
        row = conn.execute("SELECT max(seq) FROM outbox").fetchone()
        if row is not None and row[0] is not None:
            out.max_seq = max(out.max_seq or 0, int(row[0]))
    rows: list[tuple[Any, ...]] = []
    try:
        cur = conn.execute(
            f"SELECT {_OUTBOX_COLS} FROM outbox NOT INDEXED WHERE state IN (?, ?) ORDER BY seq",
            OPEN_STATES,
        )
        rows.extend(cur)
        valid = [r for r in rows if _valid(r)]
        if len(valid) >= len(out.items):
            out.items = valid
            out.items_complete = len(valid) == len(rows)
        return
    except sqlite3.Error as exc:
        log.warning("salvage: outbox scan failed (%s): reading row by row", exc)
    # row by row, by primary key; damaged rows are skipped
    top = max(out.max_seq or 0, (out.next_seq or 1) - 1)
    if top <= 0 or top > MAX_ROW_BY_ROW:
        top = MAX_ROW_BY_ROW if top > MAX_ROW_BY_ROW else top
    found: dict[int, tuple[Any, ...]] = {int(r[0]): r for r in out.items}
    found.update({int(r[0]): r for r in rows if _valid(r)})
    complete = top > 0
    for seq in range(1, top + 1):
        if seq in found:
            continue
        try:
            r = conn.execute(f"SELECT {_OUTBOX_COLS} FROM outbox WHERE seq = ?", (seq,)).fetchone()
        except sqlite3.Error:
            complete = False
            continue
        if r is not None and r[3] in OPEN_STATES and _valid(r):
            found[seq] = r
    out.items = [found[k] for k in sorted(found)]
    out.items_complete = complete and out.max_seq is not None


def _valid(row: tuple[Any, ...]) -> bool:
    return (
        isinstance(row[0], int) and row[0] >= 1 and isinstance(row[1], str)
        and isinstance(row[2], str) and row[3] in OPEN_STATES
        and isinstance(row[7], str) and isinstance(row[8], str)
    )


def _read_scopes(conn: sqlite3.Connection, out: Salvaged) -> None:
    try:
        rows = conn.execute("SELECT scope FROM scopes").fetchall()
    except sqlite3.Error as exc:
        log.warning("salvage: scopes unreadable: %s", exc)
        return
    out.scopes = [str(r[0]) for r in rows if isinstance(r[0], str)]
