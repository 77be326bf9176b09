"""Chat benchmarks: live delivery latency and an offline backlog.

    uv run python -m bench.bench_chat [--messages 100] [--backlog 1000]

A real server subprocess (``python -m server.cli``, small demo fair) on 127.0.0.1 and
two real clients in this process: a freshly registered buyer and a demo exhibitor's
staff member, each with its own Store, ApiClient and SyncEngine in live mode (the
buyer grants the company first, so both may write).

1. Delivery latency: ``--messages`` messages, alternating buyer -> company and
   company -> buyer, one at a time; each from the sender's local write
   (``SocialService.send_text``) until the receiver's cache holds it (the receiver's
   engine reports the applied page). p50/p95; budget p50 <= 100 ms. Beside it, in the
   same run, a baseline without our client stack: a bare httpx push of
   ``message.send`` while the receiver holds a bare long-poll pull, until that pull
   returns the message.
2. Offline backlog: the buyer's engine is stopped, ``--backlog`` messages are queued in
   its cache, then the engine starts again ("reconnect"); the figure is the time until
   the exhibitor's cache holds all of them. They must arrive exactly once and in order
   (checked in the exhibitor's cache and in the server's database). Budget <= 5 s.
   Baseline, in the same run: the same number of messages pushed with bare httpx (500
   per push, as the engine's pushes) and pulled by the other side with bare pulls.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import orjson

from app.client import ApiClient
from app.events import Changed
from app.social import SocialService
from app.sync import SyncEngine
from bench.bench_sync import ServerProcess
from bench.common import Table, percentile
from offline_cache.store import Store

LATENCY_BUDGET_MS = 100.0
BACKLOG_BUDGET_S = 5.0


class Side:
    """One signed-in live client, with a watch on the pages its engine applies."""

    def __init__(self, store: Store, client: ApiClient, engine: SyncEngine,
                 me: dict[str, Any]) -> None:
        self.store = store
        self.client = client
        self.engine = engine
        self.svc = SocialService(store, engine)
        self.me = me
        self.applied = asyncio.Event()
        self.applied_at = 0.0
        engine.add_listener(self._on_event)

    def _on_event(self, event: object) -> None:
        if isinstance(event, Changed):
            self.applied_at = time.perf_counter()
            self.applied.set()

    async def close(self) -> None:
        await self.engine.stop()
        await self.client.aclose()
        await self.store.close()


async def open_side(path: Path, url: str, token: str) -> Side:
    async with ApiClient(url, token) as c:
        me = await c.me()
    me = me.get("user", me)
    store = await Store.open(path)
    client = ApiClient(url, token)
    engine = SyncEngine(store, client, backoff_base=0.05, backoff_cap=0.5)
    extra = [f"company:{me['company_id']}"] if me.get("role") != "buyer" else []
    await engine.ensure_default_scopes(extra)
    return Side(store, client, engine, me)


def _has_message(db: Any, cmid: str) -> bool:
    conn = db.conn if hasattr(db, "conn") else db
    return conn.execute("SELECT 1 FROM social_messages WHERE client_msg_id = ?",
                        (cmid,)).fetchone() is not None


def _count_prefix(db: Any, prefix: str) -> int:
    conn = db.conn if hasattr(db, "conn") else db
    return int(conn.execute("SELECT count(*) FROM social_messages WHERE client_msg_id LIKE ?",
                            (prefix + "%",)).fetchone()[0])


def _ids_by_n(db: Any, prefix: str) -> list[tuple[str, int]]:
    conn = db.conn if hasattr(db, "conn") else db
    return [(str(r[0]), int(r[1])) for r in conn.execute(
        "SELECT client_msg_id, n FROM social_messages WHERE client_msg_id LIKE ? ORDER BY n",
        (prefix + "%",))]


async def wait_applied(side: Side, present: Callable[[], Awaitable[bool]],
                       timeout: float = 30.0) -> float:
    """Wait until ``present()``; returns the time of the applied page that made it so."""
    deadline = time.perf_counter() + timeout
    while True:
        if await present():
            return side.applied_at
        left = deadline - time.perf_counter()
        if left <= 0:
            raise RuntimeError("the message did not arrive in time")
        try:
            await asyncio.wait_for(side.applied.wait(), timeout=left)
        except TimeoutError:
            continue
        side.applied.clear()


async def _full_pull(http: httpx.AsyncClient, scope: str) -> str:
    cursor: str | None = None
    while True:
        r = await http.post("/v1/sync/pull", json={"scopes": {scope: cursor}, "limit": 5000})
        r.raise_for_status()
        page = r.json()["scopes"][scope]
        cursor = page["cursor"]
        if page["complete"]:
            return str(cursor)


async def baseline(url: str, buyer_token: str, staff_token: str, company_id: int,
                   buyer_id: int, count: int) -> list[float]:
    """Push-to-delivery with bare httpx: no cache, no engine (ms per message)."""
    out: list[float] = []
    h_b = {"Authorization": f"Bearer {buyer_token}"}
    h_s = {"Authorization": f"Bearer {staff_token}"}
    async with httpx.AsyncClient(base_url=url, headers=h_b, timeout=60) as hb, \
            httpx.AsyncClient(base_url=url, headers=h_s, timeout=60) as hs:
        cur = {"me": await _full_pull(hb, "me"),
               f"company:{company_id}": await _full_pull(hs, f"company:{company_id}")}
        seqs = {"b": 0, "s": 0}
        ids = {"b": str(uuid.uuid4()), "s": str(uuid.uuid4())}
        for i in range(count):
            if i % 2 == 0:
                sender, who, rx, scope = hb, "b", hs, f"company:{company_id}"
                args: dict[str, Any] = {"company_id": company_id}
            else:
                sender, who, rx, scope = hs, "s", hb, "me"
                args = {"buyer_user_id": buyer_id}
            cmid = f"base-{i}-{uuid.uuid4().hex[:8]}"
            args.update({"client_msg_id": cmid, "kind": "text", "text": f"baseline {i}"})
            seqs[who] += 1
            body = {"client_id": ids[who],
                    "mutations": [{"seq": seqs[who], "type": "message.send", "args": args}]}
            body_pull = {"scopes": {scope: cur[scope]}, "limit": 1000, "wait": 25}
            poll = asyncio.create_task(rx.post("/v1/sync/pull", json=body_pull))
            await asyncio.sleep(0.02)  # let the long-poll park on the server
            t0 = time.perf_counter()
            r = await sender.post("/v1/sync/push", json=body)
            r.raise_for_status()
            [res] = r.json()["results"]
            if res["status"] != "applied":
                raise RuntimeError(f"baseline push rejected: {res}")
            while True:
                reply = await poll
                reply.raise_for_status()
                page = reply.json()["scopes"][scope]
                cur[scope] = page["cursor"]
                if any(ch.get("entity") == "message"
                       and (ch.get("data") or {}).get("client_msg_id") == cmid
                       for ch in page["changes"]):
                    got = time.perf_counter()
                    break
                body_pull = {"scopes": {scope: cur[scope]}, "limit": 1000, "wait": 25}
                poll = asyncio.create_task(rx.post("/v1/sync/pull", json=body_pull))
            out.append((got - t0) * 1000)
            await asyncio.sleep(0.02)
    return out


async def baseline_backlog(url: str, buyer_token: str, staff_token: str, company_id: int,
                           count: int) -> float:
    """Seconds for ``count`` messages pushed with bare httpx (500 per push) and pulled
    by the other side (bare pulls) until it has them all: no cache, no engine."""
    h_b = {"Authorization": f"Bearer {buyer_token}"}
    h_s = {"Authorization": f"Bearer {staff_token}"}
    scope = f"company:{company_id}"
    prefix = f"baseoff-{uuid.uuid4().hex[:8]}-"
    async with httpx.AsyncClient(base_url=url, headers=h_b, timeout=120) as hb, \
            httpx.AsyncClient(base_url=url, headers=h_s, timeout=120) as hs:
        cursor = await _full_pull(hs, scope)
        muts = [{"seq": i + 1, "type": "message.send",
                 "args": {"company_id": company_id, "client_msg_id": f"{prefix}{i:05d}",
                          "kind": "text", "text": f"offline {i}"}} for i in range(count)]
        client_id = str(uuid.uuid4())
        t0 = time.perf_counter()
        for i in range(0, count, 500):
            r = await hb.post("/v1/sync/push",
                              json={"client_id": client_id, "mutations": muts[i:i + 500]})
            r.raise_for_status()
        got = 0
        while got < count:
            r = await hs.post("/v1/sync/pull",
                              json={"scopes": {scope: cursor}, "limit": 5000, "wait": 25})
            r.raise_for_status()
            page = r.json()["scopes"][scope]
            cursor = page["cursor"]
            got += sum(1 for ch in page["changes"] if ch.get("entity") == "message"
                       and str((ch.get("data") or {}).get("client_msg_id", "")).startswith(prefix))
        return time.perf_counter() - t0


async def latency(buyer: Side, staff: Side, company_id: int, count: int) -> list[float]:
    """Local write -> receiver's cache, through the whole client stack (ms)."""
    out: list[float] = []
    conv_id: int | None = None
    for i in range(count):
        await asyncio.sleep(0.03)  # both engines idle in their long-polls
        sender, receiver = (buyer, staff) if i % 2 == 0 else (staff, buyer)
        receiver.applied.clear()
        t0 = time.perf_counter()
        if sender is buyer:
            cmid = await buyer.svc.send_text(f"latency {i}", company_id=company_id)
        else:
            assert conv_id is not None
            cmid = await staff.svc.send_text(f"latency {i}", conversation_id=conv_id)

        async def present(store: Store = receiver.store, cmid: str = cmid) -> bool:
            return await store.read(_has_message, cmid)

        t1 = await wait_applied(receiver, present)
        out.append((t1 - t0) * 1000)
        if conv_id is None:
            convs = [c for c in await staff.svc.conversations()
                     if c["buyer_user_id"] == buyer.me["id"]]
            conv_id = int(convs[0]["id"])
    return out


async def backlog(buyer: Side, staff: Side, company_id: int, count: int,
                  server_db: Path) -> dict[str, Any]:
    await buyer.engine.stop()
    prefix = f"off-{uuid.uuid4().hex[:8]}-"
    sent = []
    for i in range(count):
        cmid = f"{prefix}{i:05d}"
        await buyer.store.write(_queue, company_id, cmid, f"offline {i}")
        sent.append(cmid)
    staff.applied.clear()
    t0 = time.perf_counter()
    await buyer.engine.start()  # reconnect

    async def all_there() -> bool:
        return await staff.store.read(_count_prefix, prefix) >= count

    t1 = await wait_applied(staff, all_there, timeout=120)
    elapsed = t1 - t0
    got = await staff.store.read(_ids_by_n, prefix)
    cache_ok = [c for c, _n in got] == sent and len({n for _c, n in got}) == len(got)
    con = sqlite3.connect(f"file:{server_db}?mode=ro", uri=True, timeout=10)
    try:
        rows = con.execute("SELECT client_msg_id FROM messages WHERE client_msg_id LIKE ? "
                           "ORDER BY n", (prefix + "%",)).fetchall()
    finally:
        con.close()
    server_ok = [r[0] for r in rows] == sent
    return {"seconds": elapsed, "cache_ok": cache_ok, "server_ok": server_ok,
            "received": len(got)}


def _queue(db: Any, company_id: int, cmid: str, text: str) -> str:
    from offline_cache import social

    return social.send_message(db, company_id=company_id, text=text, client_msg_id=cmid)


def _accounts(db: Path) -> list[dict[str, Any]]:
    con = sqlite3.connect(db)
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'demo_accounts'").fetchone()
    finally:
        con.close()
    accounts: list[dict[str, Any]] = orjson.loads(row[0]) if row else []
    return accounts


async def run(url: str, db: Path, workdir: Path, messages: int, backlog_n: int) -> Table:
    staff_acc = next(a for a in _accounts(db) if a["role"] == "exhibitor")
    async with ApiClient(url) as c:
        staff_token = str((await c.login(staff_acc["email"], staff_acc["password"]))["token"])
    async with ApiClient(url) as c:
        reg = await c.register(email=f"bench-{uuid.uuid4().hex[:10]}@example.com",
                               password="bench-pass-123", display_name="Bench Buyer",
                               role="buyer", company="Bench Imports", country="ES",
                               interests=[], annual_volume="")
        buyer_token = str(reg["token"])
    buyer = await open_side(workdir / "buyer.sqlite", url, buyer_token)
    staff = await open_side(workdir / "staff.sqlite", url, staff_token)
    try:
        cid = int(staff.me["company_id"])
        await buyer.svc.grant(cid)
        await buyer.engine.sync_once(attempts=5)
        await staff.engine.sync_once(attempts=5)
        await buyer.engine.start()
        await staff.engine.start()
        lat = await latency(buyer, staff, cid, messages)
        base = await baseline(url, buyer_token, staff_token, cid, int(buyer.me["id"]), messages)
        bl = await backlog(buyer, staff, cid, backlog_n, db)
        bl_base = await baseline_backlog(url, buyer_token, staff_token, cid, backlog_n)
    finally:
        await buyer.close()
        await staff.close()
    t = Table("Chat delivery (real server on 127.0.0.1, two live clients in one process)")
    p50, p95 = percentile(lat, 50), percentile(lat, 95)
    t.add(f"latency p50, local write -> other cache ({len(lat)} msgs, both ways)", p50,
          "ms", f"<= {LATENCY_BUDGET_MS:.0f} ms", p50 <= LATENCY_BUDGET_MS)
    t.add("latency p95, local write -> other cache", p95, "ms")
    t.add("latency max", max(lat), "ms")
    t.add("baseline p50, bare httpx push -> long-poll", percentile(base, 50), "ms")
    t.add("baseline p95, bare httpx push -> long-poll", percentile(base, 95), "ms")
    exact = bool(bl["cache_ok"] and bl["server_ok"])
    t.add(f"backlog: {backlog_n} queued offline, reconnect -> all at receiver",
          bl["seconds"], "s", f"<= {BACKLOG_BUDGET_S:.0f} s",
          bl["seconds"] <= BACKLOG_BUDGET_S and exact)
    t.add("backlog baseline: bare httpx pushes (500 each) + pulls", bl_base, "s")
    t.add("backlog: received exactly once, in order (cache and server)", float(exact), "",
          "1 (yes)", exact)
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_chat", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=100, help="live messages (both ways)")
    ap.add_argument("--backlog", type=int, default=1000, help="messages queued offline")
    ap.add_argument("--workdir", type=Path, default=None,
                    help="work directory (default: a temporary one, removed afterwards)")
    args = ap.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="fairdesk-bench-chat-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "chat.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    for name in ("buyer.sqlite", "staff.sqlite"):
        for p in workdir.glob(name + "*"):
            p.unlink()
    server = ServerProcess(db, "small", workdir)
    try:
        url = server.start()
        table = asyncio.run(run(url, db, workdir, max(2, args.messages), max(1, args.backlog)))
    finally:
        server.stop()
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(table.render(), flush=True)
    return 0 if all(r.ok is not False for r in table.rows) else 1


if __name__ == "__main__":
    sys.exit(main())
