"""The sync engine against the real server (live_server) and the real Store."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.client import ApiClient, SignedOut
from app.events import Changed, ConnState, Event, Progress, PushResult, ScopeProblem, StateChanged
from app.session import AppSession
from app.sync import SyncEngine
from offline_cache import outbox, queries, syncstate, writes
from offline_cache.store import Store
from tests.app.helpers import (
    FAST_BACKOFF,
    assert_cache_matches_server,
    login_token,
    register_buyer,
    wait_until,
)
from tests.faultproxy import FaultProxy


async def _sections(url: str, token: str, n: int = 2) -> list[int]:
    async with ApiClient(url, token) as c:
        items = await c.sections()
    with_products = sorted(
        (s for s in items if s.get("product_count", 0) > 0), key=lambda s: -int(s["product_count"])
    )
    return [int(s["id"]) for s in with_products[:n]]


async def _product_ids(url: str, token: str, section_id: int, n: int) -> list[int]:
    async with ApiClient(url, token) as c:
        reply = await c.pull({f"section:{section_id}": None}, limit=n)
    return [ch["id"] for ch in reply.scopes[f"section:{section_id}"].changes][:n]


class Harness:
    """A Store + ApiClient + SyncEngine for one user, with recorded events."""

    def __init__(self, store: Store, client: ApiClient, engine: SyncEngine) -> None:
        self.store = store
        self.client = client
        self.engine = engine
        self.events: list[Event] = []
        engine.add_listener(self.events.append)

    async def close(self) -> None:
        await self.engine.stop()
        await self.client.aclose()
        await self.store.close()


async def make_harness(
    path: Path, url: str, token: str, *, timeout: httpx.Timeout | None = None, **engine_kw: Any
) -> Harness:
    store = await Store.open(path)
    client = ApiClient(url, token, timeout=timeout)
    engine = SyncEngine(store, client, **{**FAST_BACKOFF, **engine_kw})
    await engine.ensure_default_scopes()
    return Harness(store, client, engine)


@pytest.fixture
async def buyer_token(module_server) -> str:
    return (await register_buyer(module_server.url))[1]


@pytest.fixture
async def buyer(module_server, buyer_token, tmp_path) -> AsyncIterator[Harness]:
    h = await make_harness(tmp_path / "buyer.sqlite", module_server.url, buyer_token)
    yield h
    await h.close()


def _server_db(live_server) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{live_server.db_path}?mode=ro", uri=True, timeout=10)


# ---------------------------------------------------------------- basic sync


async def test_first_sync_equals_server_view(module_server, buyer, buyer_token) -> None:
    sections = await _sections(module_server.url, buyer_token)
    for sid in sections:
        await buyer.engine.follow(sid)
    pids = await _product_ids(module_server.url, buyer_token, sections[0], 3)
    for pid in pids:
        await buyer.engine.local_write(writes.set_favourite, "product", pid, note=f"note {pid}")
    assert buyer.engine.pending == 3

    summary = await buyer.engine.sync_once()

    assert summary.complete and summary.pushed == 3 and summary.pending == 0
    assert buyer.engine.state == ConnState.ONLINE
    assert buyer.engine.last_synced is not None
    cache = await assert_cache_matches_server(buyer.store, module_server.url, buyer_token)
    assert len(cache["product"]) > 0
    assert set(cache["favourite"]) == {f"product:{p}" for p in pids}
    counts = await buyer.store.read(outbox.counts)
    assert counts.get("applied") == 3 and not counts.get("pending") and not counts.get("sent")
    # progress for a followed section knows how many products to expect
    prog = [
        e for e in buyer.events if isinstance(e, Progress) and e.scope == f"section:{sections[0]}"
    ]
    assert prog and prog[-1].complete and prog[-1].expected == prog[-1].done > 0
    assert any(isinstance(e, Changed) for e in buyer.events)
    assert any(isinstance(e, PushResult) and e.applied == 3 for e in buyer.events)
    states = [e.state for e in buyer.events if isinstance(e, StateChanged)]
    assert ConnState.SYNCING in states and states[-1] == ConnState.ONLINE
    # a second sync has nothing to do and changes nothing
    again = await buyer.engine.sync_once()
    assert again.pulled == 0 and again.pushed == 0
    await assert_cache_matches_server(buyer.store, module_server.url, buyer_token)


async def test_unfollow_evicts_and_refollow_downloads(module_server, buyer, buyer_token) -> None:
    (sid,) = await _sections(module_server.url, buyer_token, 1)
    await buyer.engine.follow(sid)
    await buyer.engine.sync_once()
    n = await buyer.store.read(queries.count_products, section_id=sid)
    assert n > 0
    await buyer.engine.unfollow(sid)
    assert await buyer.store.read(queries.count_products, section_id=sid) == 0
    assert f"section:{sid}" not in await buyer.store.read(syncstate.get_cursors)
    await buyer.engine.sync_once()
    assert await buyer.store.read(queries.count_products, section_id=sid) == 0
    await buyer.engine.follow(sid)
    await buyer.engine.sync_once()
    assert await buyer.store.read(queries.count_products, section_id=sid) == n


async def test_rejected_mutation_is_recorded_and_queue_moves_on(
    module_server, buyer, buyer_token
) -> None:
    (sid,) = await _sections(module_server.url, buyer_token, 1)
    (pid,) = await _product_ids(module_server.url, buyer_token, sid, 1)
    await buyer.engine.local_write(writes.set_favourite, "product", 999_999_999)  # no such product
    await buyer.engine.local_write(writes.set_favourite, "product", pid)
    summary = await buyer.engine.sync_once()
    assert summary.pushed == 1 and summary.rejected == 1 and summary.pending == 0
    rejected = await buyer.store.read(outbox.items, ["rejected"])
    assert len(rejected) == 1
    results = [e for e in buyer.events if isinstance(e, PushResult)]
    assert results[-1].rejections and results[-1].rejections[0][1]  # a code is shown


# ---------------------------------------------------------------- faults


FAULTS = [
    "latency_bandwidth",
    "cut_per_connection",
    "cut_cumulative",
    "stall_short",
    "stall_past_timeout",
    "reset_push_reply",
    "reset_pull_reply",
]


def _apply_fault(proxy: FaultProxy, kind: str) -> None:
    if kind == "latency_bandwidth":
        proxy.latency = 0.02
        proxy.bandwidth = 2_000_000
    elif kind == "cut_per_connection":
        proxy.set_cut(20_000, "connection")
    elif kind == "cut_cumulative":
        proxy.set_cut(25_000, "cumulative")
    elif kind == "stall_short":
        proxy.stall_next(0.3, count=3, match=b"/v1/sync/pull")
    elif kind == "stall_past_timeout":
        proxy.stall_next(2.5, count=1, match=b"/v1/sync/pull")
    elif kind == "reset_push_reply":
        proxy.reset_next_reply(count=2, match=b"/v1/sync/push")
    elif kind == "reset_pull_reply":
        proxy.reset_next_reply(count=3, match=b"/v1/sync/pull")
    else:  # pragma: no cover
        raise AssertionError(kind)


@pytest.mark.parametrize("kind", FAULTS)
async def test_sync_through_faults_equals_server(
    module_server, buyer_token, tmp_path, kind: str
) -> None:
    port = int(module_server.url.rsplit(":", 1)[1])
    sections = await _sections(module_server.url, buyer_token)
    pids = await _product_ids(module_server.url, buyer_token, sections[0], 5)
    with FaultProxy(port) as proxy:
        timeout = httpx.Timeout(connect=2.0, read=1.5, write=5.0, pool=5.0)
        h = await make_harness(
            tmp_path / "c.sqlite",
            proxy.url,
            buyer_token,
            timeout=timeout,
            page_limit=100,
            adaptive_limit=False,
        )
        try:
            for sid in sections:
                await h.engine.follow(sid)
            for pid in pids:
                await h.engine.local_write(writes.set_favourite, "product", pid, note="faulty")
            _apply_fault(proxy, kind)
            summary = await h.engine.sync_once(attempts=200)
            assert summary.complete and summary.pending == 0
            if kind.startswith(("cut", "reset", "stall_past")):
                assert h.engine.stats.failures > 0, "the fault did not happen"
            proxy.reset_faults()
            await assert_cache_matches_server(h.store, module_server.url, buyer_token)
            counts = await h.store.read(outbox.counts)
            assert counts.get("applied") == len(pids)
            client_id = await h.store.write(outbox.client_id)
        finally:
            await h.close()
    with _server_db(module_server) as db:
        seqs = [
            r[0]
            for r in db.execute(
                "SELECT seq FROM push_results WHERE client_id=? ORDER BY seq", (client_id,)
            )
        ]
    assert seqs == list(range(1, len(pids) + 1))


async def test_lost_push_reply_creates_products_exactly_once(module_server, tmp_path) -> None:
    """product.upsert (create) is not idempotent by nature: a replay must not create twice."""
    email, password = module_server.accounts["exhibitor"]
    token = await login_token(module_server.url, email, password)
    async with ApiClient(module_server.url, token) as c:
        me = await c.me()
    sid = (await _sections(module_server.url, token, 1))[0]
    port = int(module_server.url.rsplit(":", 1)[1])
    with FaultProxy(port) as proxy:
        h = await make_harness(tmp_path / "x.sqlite", proxy.url, token)
        try:
            await h.engine.ensure_default_scopes([f"company:{me['company_id']}"])
            for i in range(4):
                await h.store.write(
                    outbox.enqueue,
                    "product.upsert",
                    {
                        "product": {"name_en": f"exactly-once-{i}", "section_id": sid},
                        "base_version": None,
                    },
                )
            proxy.reset_next_reply(count=3, match=b"/v1/sync/push")
            summary = await h.engine.sync_once(attempts=50)
            assert summary.pushed == 4 and proxy.stats["resets"] == 3
            await assert_cache_matches_server(h.store, module_server.url, token)
        finally:
            await h.close()
    with _server_db(module_server) as db:
        rows = db.execute(
            "SELECT name_en, count(*) FROM products WHERE name_en LIKE 'exactly-once-%' GROUP BY name_en"
        ).fetchall()
    assert sorted(rows) == [(f"exactly-once-{i}", 1) for i in range(4)]


# ---------------------------------------------------------------- offline, live, reset, 401


async def test_server_down_at_start_then_back(live_server, tmp_path) -> None:
    buyer_token = await login_token(live_server.url, *live_server.accounts["buyer"])
    sections = await _sections(live_server.url, buyer_token, 1)
    pids = await _product_ids(live_server.url, buyer_token, sections[0], 3)
    h = await make_harness(tmp_path / "c.sqlite", live_server.url, buyer_token, backoff_cap=0.5)
    await h.engine.follow(sections[0])
    await h.engine.sync_once()
    cached = await h.store.read(queries.count_products, section_id=sections[0])
    await h.close()

    live_server.stop()
    h = await make_harness(tmp_path / "c.sqlite", live_server.url, buyer_token, backoff_cap=0.5)
    try:
        await h.engine.start()
        await wait_until(lambda: _is(h.engine.state, ConnState.OFFLINE))
        # cached data is readable offline; writes queue
        assert await h.store.read(queries.count_products, section_id=sections[0]) == cached
        page = await h.store.read(queries.list_products, section_id=sections[0], limit=5)
        assert len(page) == 5
        for pid in pids:
            await h.engine.local_write(writes.set_favourite, "product", pid, note="offline")
        assert h.engine.pending == 3
        await asyncio.sleep(0.3)
        assert h.engine.state == ConnState.OFFLINE and h.engine.pending == 3

        live_server.start()
        await wait_until(lambda: _pending_zero(h), timeout=60)
        await wait_until(lambda: _is(h.engine.state, ConnState.ONLINE), timeout=30)
        await assert_cache_matches_server(h.store, live_server.url, buyer_token)
        favs = await h.store.read(queries.list_favourites)
        assert {f["target_id"] for f in favs} == set(pids)
    finally:
        await h.close()


async def _is(value: Any, expected: Any) -> bool:
    return bool(value == expected)


async def _pending_zero(h: Harness) -> bool:
    return await h.engine.refresh_pending() == 0


async def test_live_mode_push_on_wake_and_pull_by_long_poll(
    module_server, buyer_token, tmp_path
) -> None:
    sections = await _sections(module_server.url, buyer_token, 1)
    pids = await _product_ids(module_server.url, buyer_token, sections[0], 2)
    a = await make_harness(tmp_path / "a.sqlite", module_server.url, buyer_token)
    b = await make_harness(tmp_path / "b.sqlite", module_server.url, buyer_token)
    try:
        await a.engine.start()
        await b.engine.start()
        await wait_until(lambda: _is(a.engine.state, ConnState.ONLINE))
        await wait_until(lambda: _is(b.engine.state, ConnState.ONLINE))
        # a writes; wake pushes it without waiting for the long-poll to time out
        await a.engine.local_write(writes.set_favourite, "product", pids[0], note="from a")
        await wait_until(lambda: _pending_zero(a), timeout=20)
        # b, sitting in a long-poll, receives it
        await wait_until(lambda: _has_favourite(b, pids[0]), timeout=20)
        await b.engine.local_write(writes.remove_favourite, "product", pids[0])
        await wait_until(lambda: _has_no_favourite(a, pids[0]), timeout=20)
        # follow while live: the section downloads without another call
        await a.engine.follow(sections[0])
        await wait_until(
            lambda: _count_positive(a, sections[0]),
            timeout=20,
        )
    finally:
        await a.close()
        await b.close()


async def _has_favourite(h: Harness, pid: int) -> bool:
    return any(f["target_id"] == pid for f in await h.store.read(queries.list_favourites))


async def _has_no_favourite(h: Harness, pid: int) -> bool:
    return not await _has_favourite(h, pid)


async def _count_positive(h: Harness, sid: int) -> bool:
    return await h.store.read(queries.count_products, section_id=sid) > 0


async def test_revoked_token_means_signed_out(module_server, tmp_path) -> None:
    email, password = module_server.accounts["buyer"]
    session = AppSession(
        "revoked", module_server.url, data_dir=tmp_path / "p", engine_options=FAST_BACKOFF
    )
    await session.open()
    signed_out: list[bool] = []
    session.add_signed_out_listener(lambda: signed_out.append(True))
    try:
        await session.sign_in(email, password, start=False)
        await session.engine.sync_once()
        # the token is revoked elsewhere (e.g. signed out on another machine)
        async with ApiClient(module_server.url, session.client.token) as other:
            await other.logout()
        with pytest.raises(SignedOut):
            await session.engine.sync_once()
        assert session.engine.state == ConnState.SIGNED_OUT
        assert signed_out and not session.signed_in
        await asyncio.sleep(0.05)
        assert await session.credentials.get() is None
        # the cache is kept
        assert await session.store.read(queries.list_categories)
        # live mode stops in signed_out too
        await session.engine.start()
        await wait_until(lambda: _is(session.engine.running, False))
        assert session.engine.state == ConnState.SIGNED_OUT
    finally:
        await session.close()


async def test_reset_after_tombstone_purge_resyncs_scope(
    live_server, buyer, buyer_token, tmp_path
) -> None:

    email, password = live_server.accounts["exhibitor"]
    ex_token = await login_token(live_server.url, email, password)
    async with ApiClient(live_server.url, ex_token) as c:
        me = await c.me()
        reply = await c.pull({f"company:{me['company_id']}": None}, limit=50)
    product = next(
        ch["data"]
        for ch in reply.scopes[f"company:{me['company_id']}"].changes
        if ch["entity"] == "product" and not ch["data"]["hidden"]
    )
    sid = product["section_id"]
    buyer_token = await login_token(live_server.url, *live_server.accounts["buyer"])
    buyer = await make_harness(tmp_path / "b.sqlite", live_server.url, buyer_token)
    try:
        await _reset_scenario(live_server, buyer, buyer_token, ex_token, product, sid)
    finally:
        await buyer.close()


async def _reset_scenario(live_server, buyer, buyer_token, ex_token, product, sid) -> None:
    await buyer.engine.follow(sid)
    await buyer.engine.sync_once()
    assert await buyer.store.read(queries.get_product, product["id"]) is not None

    async with ApiClient(live_server.url, ex_token) as c:
        res = await c.push(
            "11111111-2222-4333-8444-555555555555",
            [
                {
                    "seq": 1,
                    "type": "product.delete",
                    "args": {"id": product["id"], "base_version": product["version"]},
                }
            ],
        )
    assert res.results[0]["status"] == "applied"
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "server.cli",
            "purge-tombstones",
            "--db",
            str(live_server.db_path),
            "--before-seq",
            str(10**15),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr

    summary = await buyer.engine.sync_once()
    assert summary.complete
    assert buyer.engine.stats.resets >= 1
    assert await buyer.store.read(queries.get_product, product["id"]) is None
    await assert_cache_matches_server(buyer.store, live_server.url, buyer_token)


async def test_missing_section_is_reported_and_untracked(module_server, buyer, buyer_token) -> None:
    (sid,) = await _sections(module_server.url, buyer_token, 1)
    await buyer.engine.follow(sid)
    await buyer.engine.follow(999_999)
    summary = await buyer.engine.sync_once()
    assert summary.complete  # the other scopes are not held up
    problems = [e for e in buyer.events if isinstance(e, ScopeProblem)]
    assert [(p.scope, p.code, p.untracked) for p in problems] == [
        ("section:999999", "not-found", True)
    ]
    cursors = await buyer.store.read(syncstate.get_cursors)
    assert "section:999999" not in cursors and f"section:{sid}" in cursors
    assert await buyer.store.read(queries.count_products, section_id=sid) > 0
    # another user's company scope is forbidden: untracked, reported, nothing cached
    await buyer.engine.track("company:1")
    await buyer.engine.sync_once()
    assert "company:1" not in await buyer.store.read(syncstate.get_cursors)
    assert any(isinstance(e, ScopeProblem) and e.code == "forbidden" for e in buyer.events)


async def test_live_loop_merges_the_search_index_after_a_large_sync(
    module_server, buyer_token, tmp_path, monkeypatch
) -> None:
    import app.sync as sync_mod
    from offline_cache import search

    monkeypatch.setattr(sync_mod, "MERGE_AFTER_ITEMS", 1)  # every sync counts as large
    monkeypatch.setattr(sync_mod, "MERGE_STEP_PAGES", 4)  # many small steps
    sections = await _sections(module_server.url, buyer_token, 2)
    h = await make_harness(tmp_path / "m.sqlite", module_server.url, buyer_token, page_limit=100)
    try:
        for sid in sections:
            await h.store.write(syncstate.track_scope, f"section:{sid}")
        await h.engine.start()
        await wait_until(lambda: _is(h.engine.state, ConnState.ONLINE))
        await wait_until(lambda: _merge_done(h), timeout=30)
        # merged: another step has nothing left to do, and FTS5 finds its index sound
        assert not await h.store.write(search.merge_index, 4)
        await h.store.write(lambda db: db.conn.execute(
            "INSERT INTO product_fts(product_fts, rank) VALUES ('integrity-check', 1)"))
        assert await h.store.read(queries.count_products) > 0
    finally:
        await h.close()


async def _merge_done(h: Harness) -> bool:
    task = h.engine._merge_task
    return task is not None and task.done()
