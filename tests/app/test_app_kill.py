"""SIGKILL a headless sync (``python -m app.cli sync``) at random points, many times.

Seeds: ``FAIRDESK_KILL_SEEDS`` (default 20). Each seed queues new outbox items (product
creations, which a duplicate delivery WOULD show as duplicate products, plus
favourites), starts the sync in a subprocess and kills it after a random delay drawn from
the seed. After every kill the cache must open without recovery and pass
``PRAGMA integrity_check``; at the end a clean sync must bring every item to the server
exactly once (checked in the server's database) and the pulled data must be complete.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from app.client import ApiClient
from offline_cache import outbox, syncstate, writes
from offline_cache.store import Store
from tests.app.helpers import assert_cache_matches_server, login_token
from tests.faultproxy import FaultProxy

SEEDS = int(os.environ.get("FAIRDESK_KILL_SEEDS", "20"))
PROFILE = "killed"


def _integrity(db: Any) -> str:
    return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def _cli(url: str, data_dir: Path, email: str, follow: list[int]) -> list[str]:
    cmd = [
        sys.executable,
        "-m",
        "app.cli",
        "sync",
        "--server",
        url,
        "--profile",
        PROFILE,
        "--quiet",
    ]
    cmd += ["--email", email, "--password-stdin", "--attempts", "3"]
    for sid in follow:
        cmd += ["--follow", str(sid)]
    return cmd


def _run(
    cmd: list[str], env: dict[str, str], password: str, kill_after: float | None
) -> int | None:
    proc = subprocess.Popen(
        cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    if kill_after is None:
        _, err = proc.communicate((password + "\n").encode(), timeout=120)
        if proc.returncode != 0:
            raise AssertionError(f"sync failed ({proc.returncode}): {err.decode()[-2000:]}")
        return proc.returncode
    assert proc.stdin is not None and proc.stderr is not None
    proc.stdin.write((password + "\n").encode())
    proc.stdin.close()
    try:
        proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stderr.close()
        return None
    err = proc.stderr.read()
    proc.stderr.close()
    if proc.returncode != 0:
        raise AssertionError(f"sync failed ({proc.returncode}): {err.decode()[-2000:]}")
    return proc.returncode


@pytest.mark.slow
async def test_sync_survives_sigkill_at_random_points(live_server, tmp_path: Path) -> None:
    email, password = live_server.accounts["exhibitor"]
    token = await login_token(live_server.url, email, password)
    async with ApiClient(live_server.url, token) as c:
        me = await c.me()
        sections = sorted(await c.sections(), key=lambda s: -int(s["product_count"]))
    follow = [int(s["id"]) for s in sections[:2]]
    target_section = follow[0]
    data_dir = tmp_path / "data"
    env = {**os.environ, "FAIRDESK_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
    cache = data_dir / PROFILE / "cache.sqlite"
    # a slow link stretches the sync phase, so that kills land in it and not only in
    # the interpreter's start-up
    proxy = FaultProxy(int(live_server.url.rsplit(":", 1)[1])).start()
    proxy.bandwidth = 300_000
    proxy.latency = 0.01
    try:
        await _scenario(
            live_server,
            proxy,
            token,
            me,
            follow,
            target_section,
            data_dir,
            env,
            cache,
            email,
            password,
        )
    finally:
        proxy.stop()


async def _scenario(
    live_server, proxy, token, me, follow, target_section, data_dir, env, cache, email, password
) -> None:
    cmd = _cli(proxy.url, data_dir, email, follow)

    # a first whole sync, then calibrate: how long does a run like the killed ones take
    # here (start-up included), i.e. one that downloads the second section again?
    _run(cmd, env, password, None)
    store = await Store.open(cache)
    try:
        await store.write(syncstate.untrack_scope, f"section:{follow[-1]}")
        await store.write(syncstate.track_scope, f"section:{follow[-1]}")
    finally:
        await store.close()
    t0 = time.monotonic()
    _run(cmd, env, password, None)
    full = time.monotonic() - t0

    created: list[str] = []
    favourites: set[int] = set()
    kills = 0
    for seed in range(SEEDS):
        rng = random.Random(seed)
        store = await Store.open(cache)
        try:
            assert store.recovery is None, (
                f"seed {seed}: the cache needed recovery: {store.recovery}"
            )
            assert await store.read(_integrity) == "ok"
            for i in range(rng.randint(1, 3)):
                name = f"kill-{seed}-{i}"
                await store.write(
                    outbox.enqueue,
                    "product.upsert",
                    {
                        "product": {"name_en": name, "section_id": target_section},
                        "base_version": None,
                    },
                )
                created.append(name)
            fav = rng.randint(1, 50)
            favourites.add(fav)
            await store.write(writes.set_favourite, "company", fav, note=f"seed {seed}")
            # download a section again, so that every run is about as long as the
            # calibration run and the kill lands in start-up, push or pull alike
            await store.write(syncstate.untrack_scope, f"section:{follow[-1]}")
            await store.write(syncstate.track_scope, f"section:{follow[-1]}")
        finally:
            await store.close()
        if _run(cmd, env, password, rng.uniform(0.2, full * 0.8)) is None:
            kills += 1

    assert kills >= SEEDS // 2, f"only {kills} of {SEEDS} runs were killed"
    _run(cmd, env, password, None)  # a clean run delivers everything

    store = await Store.open(cache)
    try:
        assert store.recovery is None
        assert await store.read(_integrity) == "ok"
        counts = await store.read(outbox.counts)
        assert not counts.get("pending") and not counts.get("sent"), counts
        assert counts.get("applied", 0) + counts.get("rejected", 0) == len(created) + SEEDS
        client_id = await store.write(outbox.client_id)
        tracked = await store.read(syncstate.get_cursors)
        assert {f"section:{s}" for s in follow} <= set(tracked)
        await assert_cache_matches_server(store, live_server.url, token)
    finally:
        await store.close()

    with sqlite3.connect(f"file:{live_server.db_path}?mode=ro", uri=True, timeout=10) as db:
        rows = db.execute(
            "SELECT name_en, count(*) FROM products WHERE name_en LIKE 'kill-%' AND company_id=? GROUP BY name_en",
            (me["company_id"],),
        ).fetchall()
        seqs = [
            r[0]
            for r in db.execute(
                "SELECT seq FROM push_results WHERE client_id=? ORDER BY seq", (client_id,)
            )
        ]
    assert dict(rows) == dict.fromkeys(created, 1), (
        "an outbox item reached the server twice or never"
    )
    assert seqs == list(range(1, len(created) + SEEDS + 1))
