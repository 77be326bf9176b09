"""AppSession: sign in, restore from the keyring, sign out; stop() at any point."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest

from app.client import ApiClient, SignedOut
from app.credentials import SERVICE
from app.events import ConnState
from app.session import AppSession
from app.sync import SyncEngine
from offline_cache import queries, syncstate, writes
from offline_cache.store import Store
from tests.app.helpers import (
    FAST_BACKOFF,
    assert_cache_matches_server,
    register_buyer,
    wait_until,
)


async def test_sign_in_restore_sign_out(module_server, memory_keyring, tmp_path: Path) -> None:
    email, _ = await register_buyer(module_server.url)
    data_dir = tmp_path / "profile"
    s = AppSession("alice", module_server.url, data_dir=data_dir, engine_options=FAST_BACKOFF)
    await s.open()
    try:
        user = await s.sign_in(email, "test-pass-123", start=False)
        assert user["email"] == email and s.signed_in
        assert s.credentials.persistent
        token = memory_keyring.entries[(SERVICE, f"alice@{module_server.url}")]
        sections = [x for x in await s.client.sections() if x["product_count"] > 0]
        await s.follow(sections[0]["id"])
        await s.engine.sync_once()
    finally:
        await s.close()

    # next start: the token comes from the keyring, the engine runs live
    s = AppSession("alice", module_server.url, data_dir=data_dir, engine_options=FAST_BACKOFF)
    await s.open()
    try:
        assert s.settings.last_user_email == email
        assert s.settings.followed_sections == [sections[0]["id"]]
        assert await s.restore() is True
        assert s.client.token == token
        await wait_until(lambda: _state(s, ConnState.ONLINE))
        await s.local_write(writes.set_favourite, "company", 1, note="restored")
        await wait_until(lambda: _pending(s, 0))
        await assert_cache_matches_server(s.store, module_server.url, token)
        n = await s.store.read(queries.count_products, section_id=sections[0]["id"])
        assert n > 0

        await s.sign_out()
        assert not s.signed_in and s.engine.state == ConnState.SIGNED_OUT
        assert (SERVICE, f"alice@{module_server.url}") not in memory_keyring.entries
        async with ApiClient(module_server.url, token) as c:  # revoked on the server
            with pytest.raises(SignedOut):
                await c.me()
        # the cache is kept
        assert await s.store.read(queries.count_products, section_id=sections[0]["id"]) == n
    finally:
        await s.close()

    s = AppSession("alice", module_server.url, data_dir=data_dir)
    await s.open()
    try:
        assert await s.restore() is False
    finally:
        await s.close()


async def test_restore_offline_reads_cache_and_queues(
    live_server, memory_keyring, tmp_path: Path
) -> None:
    email, password = live_server.accounts["buyer"]
    data_dir = tmp_path / "p"
    s = AppSession("bob", live_server.url, data_dir=data_dir, engine_options=FAST_BACKOFF)
    await s.open()
    try:
        await s.sign_in(email, password, start=False)
        await s.engine.sync_once()
    finally:
        await s.close()
    live_server.stop()
    s = AppSession(
        "bob",
        live_server.url,
        data_dir=data_dir,
        engine_options={**FAST_BACKOFF, "backoff_cap": 0.5},
    )
    await s.open()
    try:
        assert await s.restore() is True  # no request needed to start
        await wait_until(lambda: _state(s, ConnState.OFFLINE))
        assert await s.store.read(queries.list_categories)
        await s.local_write(writes.set_favourite, "company", 2, note="offline")
        assert s.engine.pending == 1
        live_server.start()
        await wait_until(lambda: _pending(s, 0), timeout=60)
    finally:
        await s.close()


async def _state(s: AppSession, state: ConnState) -> bool:
    return s.engine.state == state


async def _pending(s: AppSession, n: int) -> bool:
    return await s.engine.refresh_pending() == n


async def test_stop_at_random_points_leaves_cache_consistent(module_server, tmp_path: Path) -> None:
    _, token = await register_buyer(module_server.url)
    async with ApiClient(module_server.url, token) as c:
        sections = [x["id"] for x in await c.sections() if x["product_count"] > 0][:4]
    path = tmp_path / "c.sqlite"
    rng = random.Random(7)
    for i in range(6):
        store = await Store.open(path)
        client = ApiClient(module_server.url, token)
        engine = SyncEngine(store, client, page_limit=100, adaptive_limit=False, **FAST_BACKOFF)
        try:
            await engine.ensure_default_scopes()
            if i == 0:
                for sid in sections:
                    await engine.follow(sid)
            await engine.local_write(writes.set_favourite, "company", i + 1, note=f"run {i}")
            await engine.start()
            await asyncio.sleep(rng.uniform(0.0, 0.4))
            await engine.stop()
            assert (
                await store.read(lambda db: db.execute("PRAGMA integrity_check").fetchone()[0])
                == "ok"
            )
        finally:
            await client.aclose()
            await store.close()
    store = await Store.open(path)
    client = ApiClient(module_server.url, token)
    try:
        assert store.recovery is None
        engine = SyncEngine(store, client)
        summary = await engine.sync_once()
        assert summary.pending == 0
        assert sorted(await store.read(syncstate.followed_sections)) == sorted(sections)
        cache = await assert_cache_matches_server(store, module_server.url, token)
        assert set(cache["favourite"]) == {f"company:{i + 1}" for i in range(6)}
    finally:
        await client.aclose()
        await store.close()
