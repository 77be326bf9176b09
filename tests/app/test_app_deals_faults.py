"""Deals under faults, with real clients and the real server: a push reply lost after the
server committed an accept, duplicate pushes, and SIGKILL of the client after queueing
an accept (the writer and the headless sync killed at random points).

Never two accepted offers, never a lost one, the server's hash chain stays valid and
every cache converges on the server's deal.

Seeds of the kill loop: ``FAIRDESK_DEAL_KILL_SEEDS`` (default 3).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from app.client import ApiClient
from app.sync import SyncEngine
from offline_cache import deals, outbox
from offline_cache.store import Store
from tests.app.helpers import login_token, register_buyer
from tests.app.test_app_deals import Side, open_side, terms
from tests.faultproxy import FaultProxy

SEEDS = int(os.environ.get("FAIRDESK_DEAL_KILL_SEEDS", "3"))
PROFILE = "dealkill"
PASSWORD = "test-pass-123"  # tests.app.helpers.register_buyer's password


def accepts_on_server(db_path: Path, deal_id: str) -> int:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10) as db:
        return int(db.execute("SELECT count(*) FROM deal_events WHERE deal_id = ? AND "
                              "kind = 'accept'", (deal_id,)).fetchone()[0])


class Device:
    """The buyer's other device: raw pushes with its own client id and seqs."""

    def __init__(self, client: ApiClient) -> None:
        self.client = client
        self.client_id = str(uuid.uuid4())
        self.seq = 0

    async def do(self, type_: str, **args: Any) -> dict[str, Any]:
        self.seq += 1
        reply = await self.client.push(self.client_id, [{"seq": self.seq, "type": type_,
                                                         "args": args}])
        [res] = reply.results
        assert res["status"] == "applied", res
        out: dict[str, Any] = res["result"]
        return out


async def to_v3(device: Device, staff: Side, company_id: int) -> str:
    """The buyer opens and offers (v2) elsewhere; the staff client counters (v3)."""
    did = str(uuid.uuid4())
    await device.do("deal.open", deal_id=did, company_id=company_id)
    await device.do("deal.offer", deal_id=did, base_version=1, terms=terms("9.00"))
    await staff.sync()
    await staff.svc.counter(did, 2, terms("9.80"))
    await staff.sync()
    return did


@pytest.fixture
async def staff(module_server: Any, tmp_path: Path) -> AsyncIterator[Side]:
    token = await login_token(module_server.url, *module_server.accounts["exhibitor"])
    side = await open_side(tmp_path / "staff.sqlite", module_server.url, token, "staff")
    yield side
    await side.close()


async def test_lost_reply_and_duplicate_pushes_never_accept_twice(
    module_server: Any, staff: Side, tmp_path: Path
) -> None:
    cid = int(staff.me["company_id"])
    _email, token = await register_buyer(module_server.url)
    proxy = FaultProxy(int(module_server.url.rsplit(":", 1)[1])).start()
    buyer = await open_side(tmp_path / "buyer.sqlite", module_server.url, token, "buyer",
                            via=proxy.url)
    device = Device(ApiClient(module_server.url, token))
    try:
        for round_ in range(3):
            did = await to_v3(device, staff, cid)
            await buyer.sync()
            await buyer.svc.accept(did, 3)
            # the server commits the push, the reply never arrives; the retry (same seq)
            # gets the recorded result
            proxy.reset_next_reply(count=round_ + 1, match=b"/v1/sync/push")
            await buyer.sync()
            assert proxy.stats["resets"] >= 1
            d = await buyer.deal(did)
            assert d["deal"]["state"] == "accepted" and d["pending"] == [] and d["rejections"] == []
            assert accepts_on_server(module_server.db_path, did) == 1
            # duplicate pushes of the same item (a client replaying its outbox)
            [item] = [i for i in await buyer.store.read(outbox.items, ["applied"])
                      if i.args.get("deal_id") == did and i.type == "deal.accept"]
            cid_ = await buyer.store.read(outbox.client_id)
            for _ in range(2):
                reply = await buyer.client.push(cid_, [item.to_mutation()])
                assert reply.results[0]["status"] == "applied"
                assert reply.results[0]["result"]["version"] == 4
            assert accepts_on_server(module_server.db_path, did) == 1
            # the same accept made again (a new seq) is refused, not applied twice
            buyer_again = await buyer.store.write(deals.queue_command, did, "deal.accept",
                                                  {"base_version": 3})
            assert buyer_again
            await buyer.sync()
            d = await buyer.deal(did)
            [rej] = d["rejections"]
            assert rej["code"] == "stale" and "on another device" in rej["reason"]
            assert accepts_on_server(module_server.db_path, did) == 1
            v = await buyer.svc.verify_online(did)
            assert v["valid"] and v["state"] == "accepted", v
            await staff.sync()
            assert (await staff.deal(did))["deal"] == d["deal"]
    finally:
        await device.client.aclose()
        await buyer.close()
        proxy.stop()


# ---------------------------------------------------------------- SIGKILL
# The killed writer: queue deal.accept through the DealService (no engine: offline),
# print once its write has committed, then wait to be killed.
WRITER = """
import asyncio, sys
from app.deals import DealService
from offline_cache.store import Store

async def main() -> None:
    cache, deal_id, base = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = await Store.open(cache)
    print("open", flush=True)
    await DealService(store, None).accept(deal_id, base)
    print("queued", flush=True)
    sys.stdin.read()

asyncio.run(main())
"""


def _write_and_kill(cache: Path, deal_id: str, rng: random.Random,
                    env: dict[str, str]) -> bool:
    """Run the writer and SIGKILL it: right after it opened the store (plus a random few
    milliseconds, so the kill may land inside the write) or after it reported the
    accept queued. True when it reported the accept queued."""
    after_queued = rng.random() < 0.5
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(cache), deal_id, "3"],
        env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdin is not None and proc.stderr is not None
    lines: list[str] = []
    try:
        for _ in range(2 if after_queued else 1):
            line = proc.stdout.readline().decode().strip()
            if not line:
                break
            lines.append(line)
        if not after_queued:
            time.sleep(rng.choice([0.0, rng.uniform(0, 0.004)]))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        lines += proc.stdout.read().decode().split()
        err = proc.stderr.read().decode()
    finally:
        for stream in (proc.stdout, proc.stdin, proc.stderr):
            stream.close()
    if proc.returncode != -signal.SIGKILL:
        raise AssertionError(f"the writer exited by itself ({proc.returncode}): {err[-2000:]}")
    return "queued" in lines


def _cli(url: str, email: str) -> list[str]:
    return [sys.executable, "-m", "app.cli", "sync", "--server", url, "--profile", PROFILE,
            "--quiet", "--email", email, "--password-stdin", "--attempts", "5"]


def _sync(cmd: list[str], env: dict[str, str], kill_after: float | None,
          kill_when: Callable[[], bool] | None = None) -> bool:
    """A headless sync; SIGKILLed ``kill_after`` s after start (or after ``kill_when()``
    first holds). True when it was killed."""
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    assert proc.stdin is not None and proc.stderr is not None
    proc.stdin.write((PASSWORD + "\n").encode())
    proc.stdin.close()
    if kill_when is not None and kill_after is not None:
        deadline = time.monotonic() + 60
        while proc.poll() is None and not kill_when() and time.monotonic() < deadline:
            time.sleep(0.002)
    try:
        proc.wait(timeout=120 if kill_after is None else kill_after)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stderr.close()
        return True
    err = proc.stderr.read()
    proc.stderr.close()
    if proc.returncode != 0:
        raise AssertionError(f"sync failed ({proc.returncode}): {err.decode()[-2000:]}")
    return False


async def _sync_here(cache: Path, url: str, token: str) -> None:
    """A clean sync of the profile's cache in this process (quicker than the CLI)."""
    store = await Store.open(cache)
    client = ApiClient(url, token)
    engine = SyncEngine(store, client, backoff_base=0.02, backoff_cap=0.3)
    try:
        await engine.sync_once(attempts=10)
    finally:
        await engine.stop()
        await client.aclose()
        await store.close()


def _integrity(db: Any) -> str:
    return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def _commands(db: Any, deal_id: str) -> list[tuple[str, str]]:
    return [(str(r[0]), str(r[1])) for r in db.conn.execute(
        "SELECT type, state FROM deal_commands WHERE deal_id = ?", (deal_id,))]


@pytest.mark.slow
async def test_sigkill_after_queueing_an_accept(module_server: Any, staff: Side,
                                                tmp_path: Path) -> None:
    cid = int(staff.me["company_id"])
    email, token = await register_buyer(module_server.url)
    device = Device(ApiClient(module_server.url, token))
    data_dir = tmp_path / "data"
    env = {**os.environ, "FAIRDESK_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
    cache = data_dir / PROFILE / "cache.sqlite"
    proxy = FaultProxy(int(module_server.url.rsplit(":", 1)[1])).start()
    proxy.latency = 0.02
    cmd = _cli(proxy.url, email)
    outcome: dict[str, bool] = {}
    try:
        _sync(cmd, env, None)  # the profile and its cache exist from here on
        kills = 0
        for seed in range(SEEDS):
            rng = random.Random(seed)
            did = await to_v3(device, staff, cid)
            await _sync_here(cache, module_server.url, token)  # the buyer's cache has v3
            reported = _write_and_kill(cache, did, rng, env)
            store = await Store.open(cache)
            try:
                assert store.recovery is None, f"seed {seed}: {store.recovery}"
                assert await store.read(_integrity) == "ok"
                queued = await store.read(_commands, did)
            finally:
                await store.close()
            # a reported write survived the kill; an unreported one is all or nothing
            assert queued in ([], [("deal.accept", "pending")]), (seed, queued)
            assert queued or not reported, seed
            outcome[did] = bool(queued)
            if seed % 2 == 0:
                killed = _sync(cmd, env, rng.uniform(0.3, 1.5))
            else:  # right after the server committed the accept: the reply is lost

                def pushed(did: str = did) -> bool:
                    return accepts_on_server(module_server.db_path, did) > 0

                killed = _sync(cmd, env, rng.uniform(0.0, 0.03), pushed if queued else None)
            kills += killed
            assert accepts_on_server(module_server.db_path, did) <= 1
        _sync(cmd, env, None)  # a clean run delivers everything
        assert kills >= 1 or SEEDS < 2
    finally:
        proxy.stop()
        await device.client.aclose()

    store = await Store.open(cache)
    try:
        assert store.recovery is None and await store.read(_integrity) == "ok"
        for did, was_queued in outcome.items():
            assert accepts_on_server(module_server.db_path, did) == int(was_queued), did
            detail = await store.read(deals.deal_detail, did)
            assert detail is not None and detail["pending"] == [] and detail["rejections"] == []
            async with ApiClient(module_server.url, token) as c:
                online = await c._json("GET", f"/v1/deals/{did}")
                check = await c._json("GET", f"/v1/deals/{did}/verify")
            cached = {k: v for k, v in detail["deal"].items() if k != "local"}
            assert cached == online["deal"] and detail["events"] == online["events"]
            assert detail["deal"]["state"] == ("accepted" if was_queued else "countered")
            assert check["valid"], check
    finally:
        await store.close()
