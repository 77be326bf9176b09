"""SIGKILL the sender of chat messages at random points, many times.

Seeds: ``FAIRDESK_KILL_SEEDS`` (default 20). For each seed, a buyer's process
(``python -c`` on the real cache) opens the Store and queues N messages to an
exhibitor company through ``offline_cache.social.send_message``, printing each message's
id once its write has committed; it is SIGKILLed at a random point (after a random
number of committed writes plus a random few milliseconds, so the kill also lands
inside a write). Then a headless sync (``python -m app.cli sync``, through a slow
proxy) is SIGKILLed after a random delay, as in test_app_kill.py, so kills land in
start-up, the push (before or after the server committed) or the pull.

After every kill the cache opens without recovery and passes ``PRAGMA integrity_check``,
and the queued messages are exactly the printed ones (plus possibly the one whose write
was cut at its commit), in order. After a final clean sync every queued message is on
the server exactly once and in order (the server's database), in the receiving
exhibitor's cache (its own Store and SyncEngine) and back in the sender's cache, and
nothing is left waiting.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.client import ApiClient
from app.sync import SyncEngine
from offline_cache import social, syncstate
from offline_cache.store import Store
from tests.app.helpers import login_token, register_buyer
from tests.faultproxy import FaultProxy

SEEDS = int(os.environ.get("FAIRDESK_KILL_SEEDS", "20"))
PROFILE = "chatkill"
PASSWORD = "test-pass-123"  # tests.app.helpers.register_buyer's password

# The killed writer: queue messages one write (one transaction) each; print each id
# after its commit; then wait to be killed.
WRITER = """
import asyncio, sys
from offline_cache import social
from offline_cache.store import Store

async def main() -> None:
    cache, company, prefix, n = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    store = await Store.open(cache)
    for i in range(n):
        cmid = f"{prefix}-{i:03d}"
        await store.write(social.send_message, company_id=company,
                          text=f"message {cmid}", client_msg_id=cmid)
        print(cmid, flush=True)
    print("done", flush=True)
    sys.stdin.read()

asyncio.run(main())
"""


def _integrity(db: Any) -> str:
    return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def _queued(db: Any) -> list[str]:
    return [m["client_msg_id"] for m in social.list_outgoing(db)]


def _delivered(db: Any) -> list[str]:
    """Our test messages in the cache, in the conversation's order (``n``)."""
    conn = db.conn if hasattr(db, "conn") else db
    return [str(r[0]) for r in conn.execute(
        "SELECT client_msg_id FROM social_messages WHERE client_msg_id LIKE 'k%' "
        "ORDER BY conversation_id, n")]


def _write_and_kill(cache: Path, company_id: int, prefix: str, n: int, rng: random.Random,
                    env: dict[str, str]) -> list[str]:
    """Run the writer, SIGKILL it at a random point; returns the ids it reported."""
    stop_after = rng.randint(0, n)
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(cache), str(company_id), prefix, str(n)],
        env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stdin is not None and proc.stderr is not None
    printed: list[str] = []
    try:
        while len(printed) < stop_after:
            line = proc.stdout.readline().decode().strip()
            if not line or line == "done":
                break
            printed.append(line)
        time.sleep(rng.uniform(0, 0.02))  # the writer goes on: the kill may land mid-write
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        rest = proc.stdout.read().decode().split()
        err = proc.stderr.read().decode()
    finally:
        for stream in (proc.stdout, proc.stdin, proc.stderr):
            stream.close()
    if proc.returncode != -signal.SIGKILL:
        raise AssertionError(f"the writer exited by itself ({proc.returncode}): {err[-2000:]}")
    return printed + [x for x in rest if x != "done"]


def _cli(url: str, email: str, follow: list[int]) -> list[str]:
    cmd = [sys.executable, "-m", "app.cli", "sync", "--server", url, "--profile", PROFILE,
           "--quiet", "--email", email, "--password-stdin", "--attempts", "3"]
    for sid in follow:
        cmd += ["--follow", str(sid)]
    return cmd


def _sync(cmd: list[str], env: dict[str, str], kill_after: float | None,
          kill_when: Callable[[], bool] | None = None) -> bool:
    """Run a headless sync; True when it was killed. It is killed ``kill_after``
    seconds after it started or, with ``kill_when``, that long after ``kill_when()``
    first holds."""
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    assert proc.stdin is not None and proc.stderr is not None
    proc.stdin.write((PASSWORD + "\n").encode())
    proc.stdin.close()
    if kill_when is not None and kill_after is not None:
        deadline = time.monotonic() + 120
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


def _server_count(db_path: Path, buyer_id: int) -> int:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10) as db:
        return int(db.execute("SELECT count(*) FROM messages WHERE sender_user_id = ?",
                              (buyer_id,)).fetchone()[0])


async def _retrack(cache: Path, scope: str) -> None:
    """Download a section again, so every sync run lasts about as long as the
    calibration run and the kill lands in start-up, push or pull alike."""
    store = await Store.open(cache)
    try:
        await store.write(syncstate.untrack_scope, scope)
        await store.write(syncstate.track_scope, scope)
    finally:
        await store.close()


@pytest.mark.slow
async def test_chat_sender_survives_sigkill(live_server: Any, tmp_path: Path) -> None:
    staff_email, staff_password = live_server.accounts["exhibitor"]
    # the receiver signs in first (a demo company's bot stays quiet once a human did)
    staff_token = await login_token(live_server.url, staff_email, staff_password)
    async with ApiClient(live_server.url, staff_token) as c:
        staff_me = await c.me()
        sections = sorted(await c.sections(), key=lambda s: -int(s["product_count"]))
    staff_me = staff_me.get("user", staff_me)
    company_id = int(staff_me["company_id"])
    email, buyer_token = await register_buyer(live_server.url)
    async with ApiClient(live_server.url, buyer_token) as c:
        buyer_me = await c.me()
    buyer_id = int(buyer_me.get("user", buyer_me)["id"])
    follow = [int(s["id"]) for s in sections[:2]]

    data_dir = tmp_path / "data"
    env = {**os.environ, "FAIRDESK_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
    cache = data_dir / PROFILE / "cache.sqlite"
    proxy = FaultProxy(int(live_server.url.rsplit(":", 1)[1])).start()
    proxy.bandwidth = 300_000
    proxy.latency = 0.01
    try:
        cmd = _cli(proxy.url, email, follow)
        _sync(cmd, env, None)  # the profile and its cache exist from here on
        await _retrack(cache, f"section:{follow[-1]}")
        t0 = time.monotonic()
        _sync(cmd, env, None)
        full = time.monotonic() - t0

        expected: list[str] = []
        kills = 0
        for seed in range(SEEDS):
            rng = random.Random(seed)
            n = rng.randint(1, 12)
            prefix = f"k{seed:03d}"
            printed = _write_and_kill(cache, company_id, prefix, n, rng, env)
            store = await Store.open(cache)
            try:
                assert store.recovery is None, f"seed {seed}: recovery: {store.recovery}"
                assert await store.read(_integrity) == "ok"
                queued = [m for m in await store.read(_queued) if m.startswith(prefix)]
            finally:
                await store.close()
            # a committed write survives the kill; at most the write cut at its
            # commit is there without having been reported; none is out of order
            assert queued == [f"{prefix}-{i:03d}" for i in range(len(queued))], seed
            assert queued[:len(printed)] == printed and len(queued) - len(printed) <= 1, \
                (seed, printed, queued)
            expected += queued
            await _retrack(cache, f"section:{follow[-1]}")
            if seed % 2 == 0:
                # anywhere in the run: start-up, sign-in, push or pull
                killed = _sync(cmd, env, rng.uniform(0.2, max(0.3, full * 0.8)))
            else:
                # right after the server committed the push: the reply may be lost
                before = _server_count(live_server.db_path, buyer_id)

                def pushed(before: int = before) -> bool:
                    return _server_count(live_server.db_path, buyer_id) > before

                killed = _sync(cmd, env, rng.uniform(0.0, 0.03), pushed)
            kills += killed
        assert kills >= SEEDS // 2, f"only {kills} of {SEEDS} sync runs were killed"
        assert expected, "no message was ever queued"
        _sync(cmd, env, None)  # a clean run delivers everything
    finally:
        proxy.stop()

    # the sender: nothing waiting, each message back once, in order
    store = await Store.open(cache)
    try:
        assert store.recovery is None
        assert await store.read(_integrity) == "ok"
        assert await store.read(_queued) == []
        assert await store.read(_delivered) == expected
    finally:
        await store.close()

    # the server: once each, in order, all from this buyer to this company
    with sqlite3.connect(f"file:{live_server.db_path}?mode=ro", uri=True, timeout=10) as db:
        rows = db.execute(
            "SELECT m.client_msg_id, m.sender_user_id, c.company_id FROM messages m "
            "JOIN conversations c ON c.id = m.conversation_id "
            "WHERE m.client_msg_id LIKE 'k%' ORDER BY m.conversation_id, m.n").fetchall()
    assert [r[0] for r in rows] == expected
    assert {(r[1], r[2]) for r in rows} == {(buyer_id, company_id)}

    # the receiver: a clean sync of the exhibitor's cache has each once, in order
    rstore = await Store.open(tmp_path / "receiver.sqlite")
    client = ApiClient(live_server.url, staff_token)
    engine = SyncEngine(rstore, client, backoff_base=0.02, backoff_cap=0.3)
    try:
        await engine.ensure_default_scopes([f"company:{company_id}"])
        await engine.sync_once(attempts=10)
        assert await rstore.read(_delivered) == expected
    finally:
        await engine.stop()
        await client.aclose()
        await rstore.close()
