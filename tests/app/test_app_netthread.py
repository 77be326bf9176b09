"""The network thread (app.netthread) and the API client doing its I/O there (issue 9):
results, errors and cancellation cross between the loops; against the real server, also
through a link that cuts replies, and a session stopped at random points."""

from __future__ import annotations

import asyncio
import random
import threading
from pathlib import Path

import pytest

from app.client import ApiClient, NetworkError, SignedOut
from app.netthread import NetworkClosed, NetworkThread
from app.session import AppSession
from offline_cache import syncstate, writes
from tests.app.helpers import (
    FAST_BACKOFF,
    assert_cache_matches_server,
    register_buyer,
)
from tests.faultproxy import FaultProxy


@pytest.fixture
def net():
    n = NetworkThread("test-net")
    yield n
    n.stop()


async def test_run_returns_and_raises_across_threads(net: NetworkThread) -> None:
    caller = threading.current_thread()

    async def where(x: int) -> tuple[str, int]:
        await asyncio.sleep(0)
        return threading.current_thread().name, x * 2

    assert await net.run(where, 21) == ("test-net", 42)
    assert threading.current_thread() is caller

    class Boom(Exception):
        pass

    async def fail() -> None:
        raise Boom("from the network thread")

    with pytest.raises(Boom, match="network thread"):
        await net.run(fail)
    # many at once, interleaved
    results = await asyncio.gather(*(net.run(where, i) for i in range(50)))
    assert [r[1] for r in results] == [i * 2 for i in range(50)]


async def test_cancelling_the_caller_cancels_the_work(net: NetworkThread) -> None:
    started = threading.Event()
    cancelled = threading.Event()

    async def long_poll() -> None:
        started.set()
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    task = asyncio.ensure_future(net.run(long_poll))
    await asyncio.to_thread(started.wait, 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await asyncio.to_thread(cancelled.wait, 5), "the work went on after the caller gave up"


async def test_work_cancelled_there_is_a_cancellation_here(net: NetworkThread) -> None:
    async def cancel_self() -> None:
        raise asyncio.CancelledError

    with pytest.raises(asyncio.CancelledError):
        await net.run(cancel_self)


async def test_stop_ends_pending_work_and_refuses_more() -> None:
    n = NetworkThread("test-stop")
    started = threading.Event()

    async def forever() -> None:
        started.set()
        await asyncio.sleep(3600)

    task = asyncio.ensure_future(n.run(forever))
    await asyncio.to_thread(started.wait, 5)
    await asyncio.to_thread(n.stop)
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, 5)  # not left hanging
    with pytest.raises(NetworkClosed):
        await n.run(asyncio.sleep, 0)
    n.stop()  # twice is fine


async def test_client_on_a_network_thread_against_the_server(module_server) -> None:
    email, password = module_server.accounts["buyer"]
    port = int(module_server.url.rsplit(":", 1)[1])
    net = NetworkThread("test-client-net")
    signed_out: list[SignedOut] = []
    try:
        async with ApiClient(module_server.url, network=net, on_signed_out=signed_out.append) as c:
            token = (await c.login(email, password))["token"]
            sections = await c.sections()
            sid = next(s["id"] for s in sections if s["product_count"] > 0)
            before = c.bytes_received
            reply = await c.pull({f"section:{sid}": None}, limit=300)
            assert reply.scopes[f"section:{sid}"].item_count > 0
            assert reply.wire_bytes == c.bytes_received - before > 0
            product = next(ch["data"] for ch in reply.scopes[f"section:{sid}"].changes
                           if ch["data"]["image_count"] > 0)
            full = await c.image("product", product["id"], 0, "full")
            assert full.data[:2] == b"\xff\xd8" and full.etag
            assert (await c.image("product", product["id"], 0, "full", etag=full.etag)).not_modified
            c.set_token("not-a-token")
            with pytest.raises(SignedOut):
                await c.me()
            assert len(signed_out) == 1  # the listener ran, on the caller's side
        # an image download cut half way resumes, also from the network thread
        with FaultProxy(port) as proxy:
            async with ApiClient(proxy.url, token, network=net) as c:
                proxy.set_cut(len(full.data) // 2, "connection")
                with pytest.raises(NetworkError) as cut:
                    await c.image("product", product["id"], 0, "full")
                partial = cut.value.partial
                assert 0 < len(partial) < len(full.data)
                proxy.set_cut(None)
                resumed = await c.image("product", product["id"], 0, "full",
                                        etag=cut.value.etag, partial=partial)
                assert resumed.resumed and resumed.data == full.data
    finally:
        await asyncio.to_thread(net.stop)


async def test_session_with_a_network_thread_syncs_through_cuts_and_random_stops(
    module_server, memory_keyring, tmp_path: Path
) -> None:
    """The desktop app's configuration: sync through a link that cuts replies, stopped
    at random points (cancellation crosses to the network thread), ends equal to the
    server with every local write sent exactly once."""
    email, _ = await register_buyer(module_server.url)
    port = int(module_server.url.rsplit(":", 1)[1])
    rng = random.Random(11)
    data_dir = tmp_path / "profile"
    with FaultProxy(port) as proxy:
        for i in range(5):
            s = AppSession("net", proxy.url, data_dir=data_dir, network_thread=True,
                           engine_options={**FAST_BACKOFF, "page_limit": 100, "adaptive_limit": False})
            await s.open()
            try:
                if i == 0:
                    await s.sign_in(email, "test-pass-123", start=False)
                    sections = [x["id"] for x in await s.client.sections() if x["product_count"] > 0][:3]
                    for sid in sections:
                        await s.follow(sid)
                else:
                    assert await s.restore(start=False)
                await s.local_write(writes.set_favourite, "company", i + 1, note=f"run {i}")
                proxy.set_cut(40_000, "cumulative")
                await s.engine.start()
                await asyncio.sleep(rng.uniform(0.05, 0.5))
            finally:
                await s.close()  # stops the engine mid-request, then the network thread
        proxy.set_cut(None)
        s = AppSession("net", proxy.url, data_dir=data_dir, network_thread=True,
                       engine_options=FAST_BACKOFF)
        await s.open()
        try:
            assert await s.restore(start=False)
            summary = await s.engine.sync_once(attempts=50)
            assert summary.complete and summary.pending == 0
            assert sorted(await s.store.read(syncstate.followed_sections)) == sorted(sections)
            token = s.client.token
            assert token
            cache = await assert_cache_matches_server(s.store, module_server.url, token)
            assert set(cache["favourite"]) >= {f"company:{i + 1}" for i in range(5)}
        finally:
            await s.close()
    assert not [t for t in threading.enumerate() if t.name.startswith("fairdesk-net-")]
