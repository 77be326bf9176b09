"""The Store: pragmas, permissions, transactions, threads, closing."""

from __future__ import annotations

import asyncio
import os
import stat
import threading
from pathlib import Path

import pytest
from cache_util import apply, product, track, up

from offline_cache import outbox, queries, schema, syncstate
from offline_cache.store import Store, StoreClosed


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


async def test_open_creates_private_wal_cache(cache_path: Path) -> None:
    store = await Store.open(cache_path)
    try:
        await store.write(syncstate.track_scope, "me")   # makes the WAL non-empty
        for p in (cache_path, Path(f"{cache_path}-wal"), Path(f"{cache_path}-shm")):
            assert p.exists(), p
            assert _mode(p) == 0o600, (p, oct(_mode(p)))

        def pragmas(db):  # type: ignore[no-untyped-def]
            c = db.conn
            return (c.execute("PRAGMA journal_mode").fetchone()[0],
                    c.execute("PRAGMA user_version").fetchone()[0],
                    c.execute("PRAGMA foreign_keys").fetchone()[0],
                    c.execute("PRAGMA busy_timeout").fetchone()[0],
                    c.execute("PRAGMA query_only").fetchone()[0])

        assert await store.read(pragmas) == ("wal", schema.SCHEMA_VERSION, 1, 10000, 1)
        w = await store.write(pragmas)
        assert w[0] == "wal" and w[4] == 0
        assert (await store.write(lambda db: db.conn.execute(
            "PRAGMA synchronous").fetchone()[0])) == 1   # NORMAL
        assert await store.read(outbox.client_id)
        assert store.recovery is None
    finally:
        await store.close()


def test_existing_loose_permissions_are_tightened(cache_path: Path) -> None:
    Store.open_sync(cache_path).close_sync()
    os.chmod(cache_path, 0o644)
    s = Store.open_sync(cache_path)
    s.close_sync()
    assert _mode(cache_path) == 0o600


async def test_write_rolls_back_on_error(store: Store) -> None:
    def half_then_fail(db):  # type: ignore[no-untyped-def]
        syncstate.track_scope(db, "section:1")
        syncstate.apply_page(db, "section:1", [up("product", product(1))], "c")
        # sqlite-utils helpers use `with conn:`; that must not commit half a write
        db["favourites"].insert({"id": "product:1", "kind": "product", "target_id": 1})
        raise RuntimeError("fail")

    with pytest.raises(RuntimeError):
        await store.write(half_then_fail)
    assert await store.read(syncstate.get_cursors) == {}
    assert await store.read(queries.count_products) == 0
    assert await store.read(queries.list_favourites) == []


async def test_reads_do_not_wait_for_a_long_write(store: Store) -> None:
    track(store, "section:1")
    apply(store, "section:1", [up("product", product(1))])
    inside = threading.Event()
    release = threading.Event()

    def long_write(db):  # type: ignore[no-untyped-def]
        syncstate.apply_page(db, "section:1", [up("product", product(2))], "c2")
        inside.set()
        assert release.wait(30), "the test never released the writer"
        return "written"

    writing = asyncio.ensure_future(store.write(long_write))
    assert await asyncio.get_running_loop().run_in_executor(None, inside.wait, 30)
    try:
        # the writer holds an open transaction: reads still answer, from the last commit
        assert await store.read(queries.count_products) == 1
        assert await store.read(syncstate.get_cursors) == {"section:1": "c1"}
        assert not writing.done()
    finally:
        release.set()
    assert await writing == "written"
    assert await store.read(queries.count_products) == 2


async def test_writes_are_serialised_on_one_thread(store: Store) -> None:
    names: set[str] = set()

    def w(db, i):  # type: ignore[no-untyped-def]
        names.add(threading.current_thread().name)
        return outbox.enqueue(db, "profile.update", {"company": str(i)})

    seqs = await asyncio.gather(*(store.write(w, i) for i in range(20)))
    assert sorted(seqs) == list(range(1, 21))
    assert len(names) == 1


async def test_closed_store_refuses_work(cache_path: Path) -> None:
    store = await Store.open(cache_path)
    await store.close()
    await store.close()          # idempotent
    with pytest.raises(StoreClosed):
        await store.read(queries.cache_stats)
    with pytest.raises(StoreClosed):
        await store.write(syncstate.track_scope, "me")


def test_migrations_run_in_order_once(cache_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    Store.open_sync(cache_path).close_sync()
    ran: list[int] = []
    new = len(schema.MIGRATIONS) + 1

    def v_new(conn):  # type: ignore[no-untyped-def]
        ran.append(new)
        conn.execute("ALTER TABLE favourites ADD COLUMN colour TEXT")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, v_new])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    for _ in range(2):
        s = Store.open_sync(cache_path)
        try:
            assert s.recovery is None
            assert s.read_sync(lambda db: (
                db.conn.execute("PRAGMA user_version").fetchone()[0],
                db.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'")
                .fetchone()[0])) == (new, str(new))
            assert "colour" in s.read_sync(lambda db: db["favourites"].columns_dict)
        finally:
            s.close_sync()
    assert ran == [new]


def test_v1_cache_migrates_to_the_lean_index_keeping_everything(cache_path: Path) -> None:
    """Version 1 indexed descriptions in a 7-column FTS table; version 2 rebuilds a lean
    index from the cached products (no re-download) and keeps the outbox."""
    import sqlite3

    cache_path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(cache_path, isolation_level=None)
    conn.execute("BEGIN")
    schema.MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1'), ('clean_shutdown', '1')")
    conn.execute("INSERT INTO companies(id, name_en, name_zh) VALUES "
                 "(1, 'Ningbo Hengda Co., Ltd.', '宁波恒达有限公司')")
    for pid, name, hidden in ((1, "Thermos Flask", 0), (2, "Desk Lamp", 0), (3, "Secret", 1)):
        conn.execute(
            "INSERT INTO products(id, company_id, section_id, category_id, name_en, name_zh, "
            "desc_en, keywords, certifications, hidden, sec_scope) "
            "VALUES (?, 1, 1, 1, ?, '保温瓶', 'bright', 'kw', '[\"CE\"]', ?, 1)",
            (pid, name, hidden))
        conn.execute("INSERT INTO product_fts(rowid, name_en, desc_en) VALUES (?, ?, 'bright')",
                     (pid, name))
    conn.execute("INSERT INTO outbox(type, args, created_at, updated_at) "
                 "VALUES ('favourite.add', '{}', 'now', 'now')")
    conn.execute("COMMIT")
    conn.close()
    s = Store.open_sync(cache_path)
    try:
        assert s.read_sync(lambda db: db.conn.execute("PRAGMA user_version").fetchone()[0]) \
            == schema.SCHEMA_VERSION
        assert s.read_sync(lambda db: db.conn.execute(
            "SELECT count(*) FROM outbox").fetchone()[0]) == 1
        from offline_cache.search import SearchFilters

        def found(text: str, **f: object) -> list[int]:
            page = s.read_sync(queries.search_products, text, SearchFilters(**f), 0, 10)  # type: ignore[arg-type]
            return [p["id"] for p in page.items]

        assert found("therm") == [1]
        assert found("保温") == [1, 2]                 # hidden 3 is not indexed
        assert found("恒达") == [1, 2]
        assert found("bright") == []                  # descriptions are not indexed any more
        assert found("", certification="ce") == [1, 2]
        s.write_sync(lambda db: db.conn.execute(
            "INSERT INTO product_fts(product_fts, rank) VALUES ('integrity-check', 1)"))
    finally:
        s.close_sync()
