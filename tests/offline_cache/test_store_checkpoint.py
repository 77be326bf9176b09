"""The store's background WAL checkpoints (offline_cache.store._Checkpointer)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from offline_cache import store as store_mod
from offline_cache.store import Store


def _main_file_keys(path: Path) -> set[str]:
    """The meta keys in the database file itself, ignoring the WAL (immutable read)."""
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT key FROM meta WHERE key LIKE 'ck-%'")}
    except sqlite3.OperationalError:    # not even the schema is in the file yet
        return set()
    finally:
        conn.close()


def test_commits_reach_the_database_file_without_a_writer_checkpoint(cache_path: Path) -> None:
    s = Store.open_sync(cache_path)
    try:
        # the writer's own checkpoints are ~160 MB apart: these commits stay in the WAL
        # unless the background thread copies them
        assert store_mod.wal_autocheckpoint_pages(4096) * 4096 >= 100 * 1024 * 1024
        keys = {f"ck-{i}" for i in range(40)}
        for k in sorted(keys):
            s.write_sync(lambda db, k=k: db.conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?)", (k, "x" * 3000)))
        deadline = time.monotonic() + 15
        while _main_file_keys(cache_path) != keys:
            assert time.monotonic() < deadline, "the WAL was not checkpointed in time"
            s.write_sync(lambda db: None)   # a commit kicks the checkpointer again
            time.sleep(0.2)
        checkpointer = s._checkpointer
        assert checkpointer is not None and checkpointer.runs >= 1
        # and the cache reads the same through the WAL
        assert s.read_sync(lambda db: db.conn.execute(
            "SELECT count(*) FROM meta WHERE key LIKE 'ck-%'").fetchone()[0]) == len(keys)
    finally:
        s.close_sync()
    # the writer closed last: SQLite removed the WAL, the file is whole
    assert not cache_path.with_name(cache_path.name + "-wal").exists()
    conn = sqlite3.connect(cache_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_close_stops_the_checkpoint_thread(cache_path: Path) -> None:
    s = Store.open_sync(cache_path)
    for _ in range(3):      # the first kick checkpoints at once, the next ones wait
        s.write_sync(lambda db: db.conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('ck-x', '1')"))
    checkpointer = s._checkpointer
    assert checkpointer is not None and checkpointer._thread.is_alive()
    s.close_sync()
    assert not checkpointer._thread.is_alive()
    again = Store.open_sync(cache_path)
    try:
        assert again.read_sync(lambda db: db.conn.execute(
            "SELECT value FROM meta WHERE key = 'ck-x'").fetchone()[0]) == "1"
    finally:
        again.close_sync()
