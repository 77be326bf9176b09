"""Damaged and incompatible cache files: moved aside, rebuilt, unsent items kept."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from cache_util import apply, product, track, up

from offline_cache import outbox, queries, syncstate, writes
from offline_cache.search import SearchFilters
from offline_cache.store import Store

N_PRODUCTS = 3000


def _fill(path: Path) -> str:
    """A realistic cache: products, followed sections and an outbox in every state."""
    s = Store.open_sync(path)
    track(s, "directory", "me", "section:1", "section:2")
    for start in range(1, N_PRODUCTS, 500):
        apply(s, "section:1", [up("product", product(i, name_en=f"Lamp {i}",
                                                     desc_en="bright " * 20))
                               for i in range(start, start + 500)], f"s{start}")
    for t in range(1, 6):
        s.write_sync(writes.set_favourite, "product", t, note=f"note {t}")
    s.write_sync(outbox.mark_sent, [1, 2, 3])
    s.write_sync(outbox.record_results, [{"seq": 1, "status": "applied"},
                                         {"seq": 2, "status": "rejected", "code": "x"}])
    cid = s.read_sync(outbox.client_id)
    s.close_sync()
    return cid


def _moved(path: Path, reason: str) -> list[Path]:
    return sorted(p for p in path.parent.iterdir() if p.name.startswith(f"{path.name}.{reason}-")
                  and not p.name.endswith(("-wal", "-shm")))


def _assert_kept(s: Store, cid: str) -> None:
    assert s.recovery is not None
    assert s.read_sync(outbox.client_id) == cid
    assert s.recovery.client_id_kept
    assert [(i.seq, i.state, i.args["target_id"]) for i in s.read_sync(outbox.pending)] == [
        (3, "sent", 3), (4, "pending", 4), (5, "pending", 5)]
    assert s.recovery.outbox_kept == 3
    # the seq counter continues; no seq is ever reused
    assert s.write_sync(outbox.enqueue, "favourite.remove",
                        {"kind": "product", "target_id": 9}) == 6
    assert s.read_sync(syncstate.followed_sections) == [1, 2]
    cursors = s.read_sync(syncstate.get_cursors)
    assert set(cursors) == {"directory", "me", "section:1", "section:2"}
    assert all(c is None for c in cursors.values())       # everything downloads again
    # the unsent favourites are visible again (they are re-applied locally)
    assert {f["target_id"] for f in s.read_sync(queries.list_favourites)} == {3, 4, 5}
    assert s.read_sync(queries.count_products) == 0
    assert s.read_sync(lambda db: db.conn.execute("PRAGMA integrity_check").fetchone()[0]) == "ok"
    assert "rebuilt" in s.recovery.message()


def test_text_file_is_moved_aside(cache_path: Path) -> None:
    cache_path.parent.mkdir(parents=True)
    cache_path.write_text("this is not a database\n" * 100)
    s = Store.open_sync(cache_path)
    try:
        assert s.recovery is not None and s.recovery.reason == "corrupt"
        moved = _moved(cache_path, "corrupt")
        assert len(moved) == 1 and moved[0] == s.recovery.moved_to
        assert moved[0].read_text().startswith("this is not a database")
        assert s.recovery.outbox_kept == 0
        # a fresh, working cache
        assert s.write_sync(outbox.enqueue, "profile.update", {"country": "ES"}) == 1
    finally:
        s.close_sync()
    # and the next start is quiet
    s = Store.open_sync(cache_path)
    try:
        assert s.recovery is None
    finally:
        s.close_sync()


def test_future_schema_version_is_incompatible(cache_path: Path) -> None:
    cid = _fill(cache_path)
    conn = sqlite3.connect(cache_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    s = Store.open_sync(cache_path)
    try:
        assert s.recovery is not None and s.recovery.reason == "incompatible"
        assert "99" in s.recovery.detail
        assert len(_moved(cache_path, "incompatible")) == 1
        _assert_kept(s, cid)
    finally:
        s.close_sync()


def test_truncated_file(cache_path: Path) -> None:
    cid = _fill(cache_path)
    size = cache_path.stat().st_size
    with open(cache_path, "r+b") as fh:
        fh.truncate(size * 2 // 3)
    s = Store.open_sync(cache_path)
    try:
        assert s.recovery is not None and s.recovery.reason == "corrupt"
        _assert_kept(s, cid)
    finally:
        s.close_sync()


def _scribble(path: Path, first: float, last: float, seed: int) -> None:
    rnd = random.Random(seed)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    pages = len(data) // page
    for n in range(int(pages * first), int(pages * last)):
        data[n * page:(n + 1) * page] = rnd.randbytes(page)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("seed", [1, 2])
def test_random_bytes_over_pages_found_by_quick_check(cache_path: Path, seed: int) -> None:
    cid = _fill(cache_path)
    _scribble(cache_path, 0.45, 0.7, seed)
    s = Store.open_sync(cache_path, check="always")
    try:
        assert s.recovery is not None and s.recovery.reason == "corrupt"
        assert "quick_check" in s.recovery.detail
        _assert_kept(s, cid)
    finally:
        s.close_sync()


def test_damage_found_at_run_time_is_rebuilt_at_next_start(cache_path: Path) -> None:
    cid = _fill(cache_path)
    _scribble(cache_path, 0.45, 0.7, 3)
    s = Store.open_sync(cache_path)          # clean shutdown before: no full check
    try:
        with pytest.raises(sqlite3.DatabaseError):
            for q in ("lamp", "bright", "1", "2"):
                s.read_sync(queries.search_products, q, SearchFilters(), 0, 500)
                s.read_sync(queries.list_products, None, None, 0, 1000)
                s.read_sync(lambda db: db.conn.execute(
                    "SELECT sum(length(desc_en)) FROM products").fetchone())
        assert s.damaged
    finally:
        s.close_sync()
    s = Store.open_sync(cache_path)
    try:
        assert s.recovery is not None and s.recovery.reason == "corrupt"
        _assert_kept(s, cid)
    finally:
        s.close_sync()


def test_unclean_shutdown_runs_quick_check(cache_path: Path) -> None:
    cid = _fill(cache_path)
    conn = sqlite3.connect(cache_path)
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'clean_shutdown'")
    conn.commit()
    conn.close()
    _scribble(cache_path, 0.45, 0.7, 4)
    s = Store.open_sync(cache_path)
    try:
        assert s.recovery is not None
        _assert_kept(s, cid)
    finally:
        s.close_sync()


def test_unreadable_outbox_counter_gets_a_new_client_id(cache_path: Path) -> None:
    s = Store.open_sync(cache_path)
    s.write_sync(writes.set_favourite, "product", 1)
    old_cid = s.read_sync(outbox.client_id)
    s.close_sync()
    conn = sqlite3.connect(cache_path)
    conn.execute("DELETE FROM meta WHERE key = 'outbox_next_seq'")
    conn.execute("DROP TABLE outbox")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    s = Store.open_sync(cache_path)
    try:
        assert s.recovery is not None
        # the old id's sequence is unknown: reusing it could make the server drop new
        # mutations as replays, so a new id starts a new sequence
        assert s.read_sync(outbox.client_id) != old_cid
        assert not s.recovery.client_id_kept
        assert s.write_sync(outbox.enqueue, "profile.update", {"country": "ES"}) == 1
    finally:
        s.close_sync()


def test_files_waiting_to_upload_survive_a_rebuild(cache_path: Path) -> None:
    """A chat attachment or a catalog image waiting to upload stays with its unsent item."""
    cid = _fill(cache_path)
    conn = sqlite3.connect(cache_path)
    conn.execute(
        "INSERT INTO social_outgoing(client_msg_id, seq, kind, attachment_id, local_path, "
        "filename, upload_state, created_at) VALUES ('m-1', 4, 'attachment', 'a-1', "
        "'/tmp/spec.pdf', 'spec.pdf', 'pending', 't')")
    conn.execute(
        "INSERT INTO ws_uploads(attachment_id, seq, purpose, local_path, filename, created_at) "
        "VALUES ('a-2', 5, 'product', '/tmp/lamp.jpg', 'lamp.jpg', 't')")
    conn.execute("INSERT INTO ws_uploads(attachment_id, seq, purpose, local_path, created_at) "
                 "VALUES ('a-3', 1, 'product', '/tmp/old.jpg', 't')")  # of an applied item
    conn.execute("INSERT INTO meta(key, value) VALUES ('card_photo_upload:3', '{\"p\": 1}')")
    conn.execute("INSERT INTO meta(key, value) VALUES ('card_photo_upload:2', 'old')")
    conn.commit()
    conn.close()
    with open(cache_path, "r+b") as fh:
        fh.truncate(cache_path.stat().st_size * 2 // 3)
    s = Store.open_sync(cache_path)
    try:
        _assert_kept(s, cid)
        rows = s.read_sync(lambda db: (
            db.conn.execute("SELECT client_msg_id, seq, local_path, upload_state "
                            "FROM social_outgoing").fetchall(),
            db.conn.execute("SELECT attachment_id, seq, local_path FROM ws_uploads").fetchall()))
        assert rows == ([("m-1", 4, "/tmp/spec.pdf", "pending")],
                        [("a-2", 5, "/tmp/lamp.jpg")])
        assert s.read_sync(lambda db: db.conn.execute(
            "SELECT key, value FROM meta WHERE key LIKE 'card_photo_upload:%'").fetchall()) == [
            ("card_photo_upload:3", '{"p": 1}')]
    finally:
        s.close_sync()


def test_a_cache_stamped_version_5_without_its_tables_gets_them(cache_path: Path) -> None:
    """Development builds stamped caches 4/5 before those versions held tables."""
    from offline_cache import schema

    s = Store.open_sync(cache_path)
    s.close_sync()
    conn = sqlite3.connect(cache_path)
    for t in ("deals", "deal_events", "signing_keys", "deal_commands", "ws_figures",
              "ws_leads", "ws_views", "ws_uploads", "ws_resolved", "ws_merged", "ws_imports"):
        conn.execute(f"DROP TABLE {t}")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    s = Store.open_sync(cache_path)
    try:
        assert s.recovery is None
        tables = s.read_sync(lambda db: {r[0] for r in db.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")})
        assert {"deals", "ws_figures", "ws_uploads"} <= tables
        assert s.read_sync(lambda db: db.conn.execute("PRAGMA user_version").fetchone()[0]) \
            == schema.SCHEMA_VERSION
    finally:
        s.close_sync()
