"""Property-based: interleaved local writes, remote writes, syncs, disconnects and lost
replies, checked against a simple model of the server and of the local cache.

Examples: ``FAIRDESK_HYPOTHESIS_EXAMPLES`` (default 12), steps per example
``FAIRDESK_HYPOTHESIS_STEPS`` (default 14).
"""

from __future__ import annotations

import asyncio
import itertools
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from app.client import ApiClient, NetworkError
from app.sync import SyncEngine
from offline_cache import outbox, queries, writes
from offline_cache.store import Store
from tests.app.helpers import FAST_BACKOFF, server_view
from tests.faultproxy import FaultProxy

EXAMPLES = int(os.environ.get("FAIRDESK_HYPOTHESIS_EXAMPLES", "12"))
STEPS = int(os.environ.get("FAIRDESK_HYPOTHESIS_STEPS", "14"))
_users = itertools.count()

Fav = dict[str, str]  # "product:<id>" -> note


def _cache_favs(db: Any) -> Fav:
    return {
        f"{r['kind']}:{r['target_id']}": r.get("note") or "" for r in queries.list_favourites(db)
    }


def make_machine(
    url: str, proxy: FaultProxy, products: list[int], tmp: Any
) -> type[RuleBasedStateMachine]:
    targets = st.sampled_from(products)
    notes = st.sampled_from(["", "sample", "ask price"])

    class SyncModel(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.loop = asyncio.new_event_loop()
            n = next(_users)
            self.run(self._setup(n))
            self.server: Fav = {}  # the server's favourites for this user
            self.local: Fav = {}  # what the cache shows
            self.undelivered: list[
                tuple[str, int, str | None]
            ] = []  # local ops not yet on the server
            self.queued = 0  # local ops not yet answered (delivered or not)
            self.remote_seq = 0

        def run(self, coro: Any) -> Any:
            return self.loop.run_until_complete(coro)

        async def _setup(self, n: int) -> None:
            email = f"model-{os.getpid()}-{n}@example.com"
            async with ApiClient(url) as c:
                data = await c.register(
                    email=email,
                    password="model-pass-123",
                    display_name=f"Model {n}",
                    role="buyer",
                    company="Model Co",
                    country="ES",
                    interests=[],
                    annual_volume="",
                )
            self.token = data["token"]
            self.store = await Store.open(tmp / f"model-{n}.sqlite")
            self.client = ApiClient(proxy.url, self.token)
            self.engine = SyncEngine(self.store, self.client, **FAST_BACKOFF)
            await self.engine.ensure_default_scopes()
            self.remote = ApiClient(url, self.token)
            self.remote_client_id = f"00000000-0000-4000-8000-{n:012d}"

        def teardown(self) -> None:
            async def close() -> None:
                await self.engine.stop()
                await self.client.aclose()
                await self.remote.aclose()
                await self.store.close()

            self.run(close())
            self.loop.close()
            proxy.reset_faults()

        # -- local writes (local first: the cache shows them at once)

        @rule(pid=targets, note=notes)
        def local_set(self, pid: int, note: str) -> None:
            self.run(self.engine.local_write(writes.set_favourite, "product", pid, note=note))
            self.local[f"product:{pid}"] = note
            self.undelivered.append(("set", pid, note))
            self.queued += 1

        @rule(pid=targets)
        def local_remove(self, pid: int) -> None:
            self.run(self.engine.local_write(writes.remove_favourite, "product", pid))
            self.local.pop(f"product:{pid}", None)
            self.undelivered.append(("remove", pid, None))
            self.queued += 1

        # -- another device of the same user writes straight to the server

        @rule(pid=targets, note=notes, remove=st.booleans())
        def remote_write(self, pid: int, note: str, remove: bool) -> None:
            self.remote_seq += 1
            if remove:
                m = {
                    "seq": self.remote_seq,
                    "type": "favourite.remove",
                    "args": {"kind": "product", "target_id": pid},
                }
            else:
                m = {
                    "seq": self.remote_seq,
                    "type": "favourite.set",
                    "args": {"kind": "product", "target_id": pid, "note": note, "tags": []},
                }
            reply = self.run(self.remote.push(self.remote_client_id, [m]))
            assert reply.results[0]["status"] == "applied"
            self._apply_server("remove" if remove else "set", pid, note)

        def _apply_server(self, op: str, target: int, note: str | None) -> None:
            key = f"product:{target}"
            if op == "set":
                self.server[key] = note or ""
            else:
                self.server.pop(key, None)

        def _deliver(self) -> None:
            for op, target, note in self.undelivered:
                self._apply_server(op, target, note)
            self.undelivered.clear()

        # -- syncs

        @rule()
        def sync(self) -> None:
            summary = self.run(self.engine.sync_once())
            assert summary.complete and summary.pending == 0
            self._deliver()
            self.queued = 0
            self.local = dict(self.server)

        @rule()
        def sync_while_offline(self) -> None:
            proxy.refuse = True
            proxy.drop_all()
            try:
                with pytest.raises(NetworkError):
                    self.run(self.engine.sync_once())
            finally:
                proxy.refuse = False

        @precondition(lambda self: bool(self.undelivered))
        @rule()
        def sync_push_reply_lost(self) -> None:
            proxy.reset_next_reply(count=1, match=b"/v1/sync/push")
            try:
                with pytest.raises(NetworkError):
                    self.run(self.engine.sync_once())
            finally:
                proxy.reset_faults()
            self._deliver()  # the server committed them; the reply was lost

        @rule()
        def sync_pull_reply_lost(self) -> None:
            proxy.reset_next_reply(count=1, match=b"/v1/sync/pull")
            try:
                with pytest.raises(NetworkError):
                    self.run(self.engine.sync_once())
            finally:
                proxy.reset_faults()
            # push went through (its results were recorded); the pull did not
            self._deliver()
            self.queued = 0

        # -- invariants

        @invariant()
        def cache_shows_local_view(self) -> None:
            assert self.run(self.store.read(_cache_favs)) == self.local

        @invariant()
        def outbox_counts(self) -> None:
            c = self.run(self.store.read(outbox.counts))
            assert c.get("pending", 0) + c.get("sent", 0) == self.queued

        @invariant()
        def server_matches_model(self) -> None:
            view = self.run(server_view(url, self.token, ["me"]))
            favs = {k: v[0] for k, v in view.get("favourite", {}).items()}
            assert favs == self.server

    return SyncModel


@pytest.mark.slow
def test_sync_model(live_server, tmp_path) -> None:
    async def products() -> list[int]:
        email, password = live_server.accounts["buyer"]
        async with ApiClient(live_server.url) as c:
            await c.login(email, password)
            sections = [s for s in await c.sections() if s["product_count"] > 0]
            reply = await c.pull({f"section:{sections[0]['id']}": None}, limit=4)
        return [ch["id"] for ch in next(iter(reply.scopes.values())).changes]

    pids = asyncio.run(products())
    assert len(pids) >= 3
    port = int(live_server.url.rsplit(":", 1)[1])
    with FaultProxy(port) as proxy:
        machine = make_machine(live_server.url, proxy, pids, tmp_path)
        run_state_machine_as_test(
            machine,
            settings=settings(
                max_examples=EXAMPLES,
                stateful_step_count=STEPS,
                deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
                database=None,
            ),
        )
