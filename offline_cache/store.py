"""The cache file: one writer thread, a few reader threads, recovery of bad files.

``Store.open(path)`` opens (creating or migrating) the SQLite cache on the writer
thread. Every ``write(fn)`` runs ``fn(db, ...)`` on that one thread inside ``BEGIN
IMMEDIATE ... COMMIT`` (rolled back if ``fn`` raises); every ``read(fn)`` runs on a
reader thread with its own ``query_only`` connection inside a read transaction, so a
read sees one consistent snapshot and never waits for the writer (WAL mode).

A file that is not a database, fails ``PRAGMA quick_check`` or carries a schema version
newer than this code is moved aside (``cache.sqlite.corrupt-<UTC timestamp>`` or
``cache.sqlite.incompatible-<UTC timestamp>``, with its -wal/-shm) and a fresh cache is
created. The client id, the outbox's unsent items (with their seqs and the next seq) and
the tracked scopes (followed sections...) are salvaged from the old file as far as it
can be read. ``Store.recovery`` describes what happened, for the UI to tell the user.

The quick check costs a full read of the file, so it runs when the previous session did
not close the store cleanly (or when asked with ``check="always"``).

WAL checkpoints run mostly on a background thread of their own (``_Checkpointer``), so
a bulk sync's writer seldom stops for one.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, TypeVar

from . import schema

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)

T = TypeVar("T")
P = ParamSpec("P")

READER_THREADS = 2
BUSY_TIMEOUT_MS = 10_000
FILE_MODE = 0o600
CheckMode = Literal["auto", "always", "never"]


class StoreClosed(RuntimeError):
    """The store was closed; no more reads or writes."""


@dataclass
class RecoveryInfo:
    """What happened when the cache file could not be used as it was."""

    reason: Literal["corrupt", "incompatible"]
    detail: str                      # the error that triggered it, for logs/details
    moved_to: Path | None            # where the old file went (None if it could not move)
    at: str                          # UTC time of the recovery
    client_id_kept: bool = False     # the installation's client id was carried over
    outbox_kept: int = 0             # unsent outbox items carried over
    outbox_lost_unknown: bool = False  # the old outbox could not be read completely
    next_seq: int = 1                # the outbox counter in the new cache
    scopes_kept: list[str] = field(default_factory=list)  # re-tracked (cursors reset)

    def message(self) -> str:
        """A sentence for the user (English; the UI may build its own from the fields)."""
        what = "damaged" if self.reason == "corrupt" else "from a newer FairDesk version"
        kept = f"{self.outbox_kept} unsent item(s) kept"
        if self.outbox_lost_unknown:
            kept += " (some unsent items may have been unreadable)"
        where = f" The old file was kept as {self.moved_to.name}." if self.moved_to else ""
        return (
            f"The local cache was {what} and has been rebuilt; it will download again "
            f"from the fair. {kept}.{where}"
        )


def utcnow() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class LazyDatabase:
    """The ``db`` every store function gets: ``sqlite_utils.Database`` over one
    connection, made (and the library imported: ~60 ms and ~8 MB with its imports) when
    a function first uses more than ``db.conn`` or ``db.execute``, which is all the
    cache's own functions use. Any other attribute, and ``db[table]``, is the real
    ``Database``'s; the connection gets what ``Database(conn)`` does to it at once.
    """

    __slots__ = ("_real", "conn")

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._real: sqlite_utils.Database | None = None
        conn.execute("PRAGMA recursive_triggers=on;")  # as sqlite_utils.Database(conn)

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        if parameters is not None:
            return self.conn.execute(sql, parameters)
        return self.conn.execute(sql)

    def database(self) -> sqlite_utils.Database:
        if self._real is None:
            import sqlite_utils

            self._real = sqlite_utils.Database(self.conn)
        return self._real

    def __getattr__(self, name: str) -> Any:
        return getattr(self.database(), name)

    def __getitem__(self, name: str) -> Any:
        return self.database()[name]


class _Conn(sqlite3.Connection):
    """A connection whose ``with conn:`` does not commit inside a managed transaction.

    sqlite-utils table helpers wrap their work in ``with db.conn:``, which would commit
    the writer's ``BEGIN IMMEDIATE`` transaction half way through a write function.
    """

    managed = False

    def __enter__(self) -> _Conn:
        if self.managed:
            return self
        return super().__enter__()

    def __exit__(self, *exc: object) -> Literal[False]:
        if self.managed:
            return False
        return super().__exit__(*exc)  # type: ignore[arg-type]


def _connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(
        str(path), isolation_level=None, check_same_thread=False, factory=_Conn,
        timeout=BUSY_TIMEOUT_MS / 1000,
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if readonly:
        conn.execute("PRAGMA query_only = 1")
    return conn


# The page size of new cache files: SQLite's default. 16 KiB pages made a bulk sync's
# COMMIT about 40% cheaper, but filtered searches on 1M products ~20-40% slower at p95
# (random product-row reads of 16 KiB pages through the same page-cache budget).
NEW_FILE_PAGE_SIZE = 4096
# Checkpoints: a background thread (``_Checkpointer``) copies the WAL into the database
# (SQLite's PASSIVE checkpoint: it never blocks the writer or the readers) at most every
# CHECKPOINT_INTERVAL_S while writes go on, so a bulk sync's writer rarely stops for one.
# The writer itself still checkpoints after ~WAL_CHECKPOINT_BYTES of WAL (a backstop,
# and what lets SQLite restart the WAL from its beginning; by then the background
# thread has copied most of it).
WAL_CHECKPOINT_BYTES = 160 * 1024 * 1024
CHECKPOINT_INTERVAL_S = 1.0


def _configure_writer(conn: sqlite3.Connection, *, new_file: bool = False) -> None:
    if new_file:
        # only possible before the first table exists and before the switch to WAL
        conn.execute(f"PRAGMA page_size = {NEW_FILE_PAGE_SIZE}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise sqlite3.DatabaseError(f"could not switch the cache to WAL (got {mode})")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
    conn.execute("PRAGMA temp_store = MEMORY")
    # Bulk syncs write many pages: the writer checkpoints every ~160 MB of WAL (most of it
    # already copied by the background checkpointer) instead of SQLite's default ~4 MB
    # (+25-35% apply throughput measured with bench.bench_search), and trims the WAL
    # file back to 16 MB after a checkpoint. Durability is unchanged (WAL +
    # synchronous=NORMAL).
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    conn.execute(f"PRAGMA wal_autocheckpoint = {wal_autocheckpoint_pages(page_size)}")
    conn.execute(f"PRAGMA journal_size_limit = {16 * 1024 * 1024}")


class _Checkpointer:
    """PASSIVE checkpoints on a thread and connection of their own (see above).

    ``kick()`` (the writer calls it after every commit; it never blocks) asks for one;
    kicks within CHECKPOINT_INTERVAL_S of the last checkpoint are coalesced into one
    at the end of the interval. Failures are logged and ignored: the writer's own
    checkpoints still bound the WAL.
    """

    def __init__(self, path: Path, interval: float = CHECKPOINT_INTERVAL_S) -> None:
        self.path = path
        self.interval = interval
        self.runs = 0
        self._wake = threading.Event()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fairdesk-db-checkpoint",
                                        daemon=True)
        self._thread.start()

    def kick(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        last = 0.0
        try:
            while True:
                self._wake.wait()
                if self._stopped.is_set():
                    return
                wait = last + self.interval - time.monotonic()
                if wait > 0 and self._stopped.wait(min(wait, self.interval)):
                    return
                self._wake.clear()
                try:
                    if conn is None:
                        conn = _connect(self.path)
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    self.runs += 1
                except sqlite3.Error as exc:
                    log.debug("background checkpoint of %s: %s", self.path, exc)
                last = time.monotonic()
        finally:
            if conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()

    def close(self) -> None:
        """Stop the thread and close its connection (before the writer's, so the writer
        is the last connection and removes the WAL)."""
        self._stopped.set()
        self._wake.set()
        self._thread.join()


def wal_autocheckpoint_pages(page_size: int) -> int:
    """``PRAGMA wal_autocheckpoint`` for ~WAL_CHECKPOINT_BYTES of WAL."""
    return max(1000, WAL_CHECKPOINT_BYTES // max(512, page_size))


# Memory: the app's budget is 150 MB RSS with 1M products cached, so page caches are
# modest (the OS file cache does the rest) and there is no mmap (mapped pages count as
# resident, once per connection).
WRITER_CACHE_KIB = 32768
READER_CACHE_KIB = 24576


def configure_reader(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA cache_size = -{READER_CACHE_KIB}")
    conn.execute("PRAGMA temp_store = MEMORY")


def _touch_private(path: Path) -> None:
    """Create ``path`` (if missing) with owner-only permissions, and tighten it if not."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, FILE_MODE)
    os.close(fd)
    _chmod_private(path)


def _chmod_private(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError, PermissionError, NotImplementedError):
        if (path.stat().st_mode & 0o777) != FILE_MODE:
            os.chmod(path, FILE_MODE)


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


class Store:
    """The local cache. Create with ``await Store.open(path)``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.recovery: RecoveryInfo | None = None
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="fairdesk-db-writer")
        self._readers = ThreadPoolExecutor(
            READER_THREADS, thread_name_prefix="fairdesk-db-reader",
            initializer=self._init_reader,
        )
        self._local = threading.local()
        self._reader_conns: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._wconn: sqlite3.Connection | None = None
        self._wdb: LazyDatabase | None = None
        self._checkpointer: _Checkpointer | None = None
        self._closed = False
        self.damaged = False    # a query hit corruption: rebuilt at the next open

    # ------------------------------------------------------------------ opening
    @classmethod
    async def open(cls, path: Path | str, *, check: CheckMode = "auto") -> Store:
        store = cls(Path(path))
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(store._writer, store._open_sync, check)
        except BaseException:
            store._shutdown_executors()
            raise
        return store

    @classmethod
    def open_sync(cls, path: Path | str, *, check: CheckMode = "auto") -> Store:
        """Open from synchronous code (scripts, benchmarks, tests without a loop)."""
        store = cls(Path(path))
        try:
            store._writer.submit(store._open_sync, check).result()
        except BaseException:
            store._shutdown_executors()
            raise
        return store

    def _open_sync(self, check: CheckMode) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._open_existing(check)
        except schema.IncompatibleSchema as exc:
            self._recover("incompatible", str(exc))
        except sqlite3.DatabaseError as exc:
            self._recover("corrupt", f"{type(exc).__name__}: {exc}")
        except _QuickCheckFailed as exc:
            self._recover("corrupt", f"quick_check: {exc}")

    def _open_existing(self, check: CheckMode) -> None:
        existed = self.path.exists() and self.path.stat().st_size > 0
        _touch_private(self.path)
        conn = _connect(self.path)
        try:
            # reading the header: "file is not a database" surfaces here
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            version = schema.user_version(conn)
            if version > schema.SCHEMA_VERSION:
                raise schema.IncompatibleSchema(
                    f"cache schema version {version} is newer than this FairDesk "
                    f"({schema.SCHEMA_VERSION})"
                )
            _configure_writer(conn, new_file=not existed and version == 0)
            for side in _sidecars(self.path):
                _chmod_private(side)
            clean = True
            if existed and version > 0:
                row = conn.execute(
                    "SELECT value FROM meta WHERE key = 'clean_shutdown'"
                ).fetchone()
                clean = row is not None and row[0] == "1"
            marker = _check_marker(self.path)
            if existed and version > 0:
                _check_length(conn, self.path)
            if existed and (check == "always" or (
                    check == "auto" and (not clean or marker.exists()))):
                problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
                if problems != ["ok"]:
                    raise _QuickCheckFailed("; ".join(str(p) for p in problems))
            marker.unlink(missing_ok=True)
            conn.execute("BEGIN IMMEDIATE")
            try:
                schema.migrate(conn, utcnow())
                _ensure_client_id(conn)
                conn.execute(
                    "INSERT INTO meta(key, value) VALUES ('clean_shutdown', '0') "
                    "ON CONFLICT(key) DO UPDATE SET value = '0'"
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except BaseException:
            conn.close()
            raise
        self._wconn = conn
        self._wdb = LazyDatabase(conn)

    def _recover(self, reason: Literal["corrupt", "incompatible"], detail: str) -> None:
        log.warning("cache %s is %s (%s): moving it aside and rebuilding", self.path,
                    reason, detail)
        at = utcnow()
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.{reason}-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.{reason}-{stamp}-{n}")
        moved: Path | None = target
        try:
            os.replace(self.path, target)
            for side, suffix in zip(_sidecars(self.path), ("-wal", "-shm", "-journal"),
                                    strict=True):
                if side.exists():
                    os.replace(side, target.with_name(target.name + suffix))
        except OSError as exc:
            log.error("could not move the bad cache aside: %s", exc)
            moved = None
            # last resort: it must not stay in the way
            for p in [self.path, *_sidecars(self.path)]:
                with contextlib.suppress(OSError):
                    p.unlink()
        from .salvage import salvage

        found = salvage(moved) if moved is not None else None
        info = RecoveryInfo(reason=reason, detail=detail, moved_to=moved, at=at)
        self._open_existing("never")
        assert self._wconn is not None
        conn = self._wconn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if found is not None:
                found.restore_into(conn, info, at)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self.recovery = info

    # ------------------------------------------------------------------ threads
    def _init_reader(self) -> None:
        conn = _connect(self.path, readonly=True)
        configure_reader(conn)
        self._local.conn = conn
        self._local.db = LazyDatabase(conn)
        with self._lock:
            self._reader_conns.append(conn)

    def _run_write(self, fn: Callable[..., T], args: tuple[Any, ...],
                   kw: dict[str, Any]) -> T:
        if self._closed or self._wconn is None or self._wdb is None:
            raise StoreClosed("the store is closed")
        conn = self._wconn
        conn.execute("BEGIN IMMEDIATE")
        conn.managed = True  # type: ignore[attr-defined]
        try:
            result = fn(self._wdb, *args, **kw)
        except sqlite3.DatabaseError as exc:
            self._note_error(exc)
            conn.managed = False  # type: ignore[attr-defined]
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        except BaseException:
            conn.managed = False  # type: ignore[attr-defined]
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.managed = False  # type: ignore[attr-defined]
        if conn.in_transaction:
            conn.execute("COMMIT")
            if self._checkpointer is None:
                self._checkpointer = _Checkpointer(self.path)
            self._checkpointer.kick()
        return result

    def _run_read(self, fn: Callable[..., T], args: tuple[Any, ...], kw: dict[str, Any]) -> T:
        if self._closed:
            raise StoreClosed("the store is closed")
        conn: sqlite3.Connection = self._local.conn
        conn.execute("BEGIN")
        conn.managed = True  # type: ignore[attr-defined]
        try:
            return fn(self._local.db, *args, **kw)
        except sqlite3.DatabaseError as exc:
            self._note_error(exc)
            raise
        finally:
            conn.managed = False  # type: ignore[attr-defined]
            if conn.in_transaction:
                conn.execute("ROLLBACK")

    def _note_error(self, exc: sqlite3.DatabaseError) -> None:
        """Damage seen at run time: check (and if need be rebuild) at the next open."""
        if _is_corruption(exc):
            log.error("cache %s looks damaged (%s); it is checked at the next start",
                      self.path, exc)
            self.damaged = True
            with contextlib.suppress(OSError):
                _check_marker(self.path).touch(mode=FILE_MODE)

    async def write(self, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
        """Run ``fn(db, *args, **kw)`` on the writer thread in one transaction."""
        if self._closed:
            raise StoreClosed("the store is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._writer, functools.partial(self._run_write, fn, args, kw)
        )

    async def read(self, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
        """Run ``fn(db, *args, **kw)`` on a reader thread (one consistent snapshot)."""
        if self._closed:
            raise StoreClosed("the store is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._readers, functools.partial(self._run_read, fn, args, kw)
        )

    def write_sync(self, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
        """Blocking ``write`` for scripts and benchmarks (never from the GUI thread)."""
        if self._closed:
            raise StoreClosed("the store is closed")
        return self._writer.submit(self._run_write, fn, args, kw).result()

    def read_sync(self, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
        """Blocking ``read`` for scripts and benchmarks (never from the GUI thread)."""
        if self._closed:
            raise StoreClosed("the store is closed")
        return self._readers.submit(self._run_read, fn, args, kw).result()

    # ------------------------------------------------------------------ closing
    def _close_sync(self) -> None:
        checkpointer, self._checkpointer = self._checkpointer, None
        if checkpointer is not None:
            checkpointer.close()
        conn = self._wconn
        if conn is None:
            return
        try:
            conn.execute(
                "INSERT INTO meta(key, value) VALUES ('clean_shutdown', '1') "
                "ON CONFLICT(key) DO UPDATE SET value = '1'"
            )
            conn.execute("PRAGMA analysis_limit = 400")   # bounded work at exit
            conn.execute("PRAGMA optimize")
        except sqlite3.Error as exc:
            log.warning("closing the cache: %s", exc)
        finally:
            conn.close()
            self._wconn = None
            self._wdb = None

    def _close_readers(self) -> None:
        with self._lock:
            conns, self._reader_conns = self._reader_conns, []
        for conn in conns:
            with contextlib.suppress(sqlite3.Error):
                conn.close()

    def _shutdown_executors(self) -> None:
        self._readers.shutdown(wait=True)
        self._close_readers()
        self._writer.shutdown(wait=True)

    async def close(self) -> None:
        if self._closed:
            return
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self.close_sync)

    def close_sync(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._readers.shutdown(wait=True)
        self._close_readers()
        with contextlib.suppress(RuntimeError):
            self._writer.submit(self._close_sync).result()
        self._writer.shutdown(wait=True)


class _QuickCheckFailed(Exception):
    pass


def _check_marker(path: Path) -> Path:
    return path.with_name(path.name + ".needs-check")


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return True
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def _check_length(conn: sqlite3.Connection, path: Path) -> None:
    """A cheap truncation check: the file must be as long as its header says."""
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return      # pages may live in the WAL
        size = path.stat().st_size
    except OSError:
        return
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    with open(path, "rb") as fh:
        header = fh.read(100)
    if len(header) < 100:
        raise _QuickCheckFailed("the file is shorter than a database header")
    pages = int.from_bytes(header[28:32], "big")
    if header[92:96] != header[24:28]:
        return      # the in-header size is not valid (an old writer): no cheap check
    if pages and size < pages * page_size:
        raise _QuickCheckFailed(
            f"the file is truncated ({size} bytes, its header says {pages * page_size})"
        )


def _ensure_client_id(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = 'client_id'").fetchone()
    if row is not None and row[0]:
        return str(row[0])
    cid = str(uuid.uuid4())
    conn.execute(
        "INSERT INTO meta(key, value) VALUES ('client_id', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (cid,),
    )
    return cid
