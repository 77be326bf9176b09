"""Sync benchmarks: initial sync throughput and a poor link.

    uv run python -m bench.bench_sync            # medium demo fair
    uv run python -m bench.bench_sync --large    # also the large demo fair (1M products)
    uv run python -m bench.bench_sync --initial-only --repeat 5   # throughput only

1. Initial catalog sync over loopback: a buyer follows every section and syncs from an
   empty cache (push, pull until complete, every page applied and FTS-indexed through the
   real Store); the figure is products applied and searchable per second. Beside it, in
   the same run, a baseline: the same product rows inserted straight into the cache's
   schema with the same lean FTS5 index texts (prepared beforehand; executemany, one
   transaction per 5,000 rows, no network, no JSON), the server's pull rate alone, the
   CPU time per product of the client (all its threads) and of the server process, and
   the machine's load average (the machine may be shared). Budget: >= 50,000 products/s.
   The engine asks for the compact pull format (docs/protocol.md §4, product rows).
2. Poor link: the same client through the fault proxy (tests/faultproxy.py) with 150 ms
   added each way (300 ms RTT), 1 Mbit/s (125,000 bytes/s) and the connection cut after
   every ~2 MB (cumulative over all connections; the first cut comes after 40% of the
   interval, since a real link's cuts are not in phase with our sync: a 20,000-product
   section is only ~1.7 MB compressed, so counting from zero would never cut it). A
   second, informational run cuts every 500 KB. It downloads ~20,000 products: with
   ``--large`` the large fair's section closest to 20,000 products; otherwise (to keep the
   default run short) every section of the medium fair (~20,000 products in all, pulled
   together). It must complete, and the bytes fetched twice (wire bytes of replies that
   were received, fully or partly, but not applied) must be <= 5% of the bytes applied.

The server runs as a separate process (``python -m server.cli``), so it does not share
the client's interpreter; the demo databases are generated once into the work directory
(``--workdir``, default a temporary directory; pass one to reuse the generated fairs).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from app.client import ApiClient
from app.sync import SyncEngine
from bench.common import Table
from offline_cache import queries, syncstate
from offline_cache.store import Store
from tests.faultproxy import FaultProxy

BUYER = ("buyer@demo.example", "fairdesk-buyer")
THROUGHPUT_BUDGET = 50_000
WASTE_BUDGET = 0.05


class ServerProcess:
    def __init__(self, db: Path, size: str, workdir: Path) -> None:
        self.db = db
        self.size = size
        self.port_file = workdir / f"port-{size}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0

    def start(self, timeout: float = 900) -> str:
        self.port_file.unlink(missing_ok=True)
        log = open(self.db.with_suffix(".log"), "ab")  # noqa: SIM115 - kept for the process
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "--db", str(self.db), "--demo", "--demo-size", self.size,
             "--port", "0", "--port-file", str(self.port_file), "--log-level", "warning"],
            stdout=log, stderr=log,
        )
        deadline = time.monotonic() + timeout
        while not self.port_file.exists():
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}; see {log.name}")
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start in time")
            time.sleep(0.1)
        self.port = int(self.port_file.read_text().strip())
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


async def _login(url: str) -> str:
    async with ApiClient(url) as c:
        return str((await c.login(*BUYER))["token"])


async def _sections(url: str, token: str) -> list[dict[str, Any]]:
    async with ApiClient(url, token) as c:
        return await c.sections()


async def _fetch_rows(
    url: str, token: str, scopes: list[str], max_rows: int = 200_000
) -> tuple[list[dict[str, Any]], float]:
    """The products of ``scopes`` as the server sends them (for the baseline; at most
    ``max_rows``, so the large fair's baseline is a sample that fits in memory), and the
    products/s of the pulls alone (compact rows, decoded, not stored)."""
    rows: list[dict[str, Any]] = []
    pulled = 0.0
    async with ApiClient(url, token) as c:
        for scope in scopes:
            cursor: str | None = None
            while len(rows) < max_rows:
                t0 = time.perf_counter()
                reply = await c.pull({scope: cursor}, limit=5000, product_rows=True)
                pulled += time.perf_counter() - t0
                page = reply.scopes[scope]
                rows.extend(ch["data"] for ch in page.changes if ch["op"] == "upsert")
                for values in page.product_rows:
                    p = dict(zip(page.product_columns, values, strict=True))
                    p["specs"] = orjson.loads(p["specs"] or "[]")
                    p["certifications"] = orjson.loads(p["certifications"] or "[]")
                    rows.append(p)
                cursor = page.cursor
                if page.complete:
                    break
    return rows, len(rows) / max(pulled, 1e-9)


def baseline_insert(rows: list[dict[str, Any]], path: Path, companies: dict[int, str],
                    page: int = 5000) -> float:
    """Products/s for the same rows inserted and FTS-indexed straight into SQLite.

    The same cache schema and lean FTS layout as the app (``offline_cache.schema``), the
    same index texts (``search.fts_row``: names, keywords, company, facets), the same
    pragmas (WAL, synchronous=NORMAL; SQLite's default page size and checkpoint
    interval, unchanged since the first figures so ratios compare), one transaction per
    page of ``page`` rows like the sync's, but the row tuples and index texts are
    prepared beforehand (not timed): no network, no JSON, no Python per-row work.
    """
    from offline_cache import schema, search

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA cache_size=-32768")
    db.execute("BEGIN")
    schema.migrate(db, "2026-01-01T00:00:00Z")
    db.execute("COMMIT")
    cols = schema.PRODUCT_COLUMNS
    prod = [
        (*(orjson.dumps(r[c]).decode() if c in ("specs", "certifications") else r.get(c)
           for c in cols), r["section_id"], None)
        for r in rows
    ]
    fts = [search.fts_row(r, companies.get(r["company_id"], "")) for r in rows if not r["hidden"]]
    insert = (f"INSERT OR REPLACE INTO products({', '.join(cols)}, sec_scope, co_scope) "
              f"VALUES ({', '.join('?' * (len(cols) + 2))})")
    t0 = time.perf_counter()
    fi = 0
    for i in range(0, len(prod), page):
        chunk = prod[i:i + page]
        last = chunk[-1][0]
        n_fts = 0
        while fi + n_fts < len(fts) and fts[fi + n_fts][0] <= last:
            n_fts += 1
        db.execute("BEGIN IMMEDIATE")
        db.executemany(insert, chunk)
        db.executemany(search.FTS_INSERT, fts[fi:fi + n_fts])
        db.execute("COMMIT")
        fi += n_fts
    elapsed = time.perf_counter() - t0
    db.close()
    return len(rows) / elapsed


async def _company_texts(url: str, token: str) -> dict[int, str]:
    """The indexed company text per company id (as the cache computes it)."""
    from offline_cache import search

    out: dict[int, str] = {}
    async with ApiClient(url, token) as c:
        cursor: str | None = None
        while True:
            reply = await c.pull({"directory": cursor}, limit=5000)
            page = reply.scopes["directory"]
            for ch in page.changes:
                if ch.get("entity") == "company" and ch.get("op") == "upsert":
                    d = ch["data"]
                    out[d["id"]] = search.company_text(d.get("name_en"), d.get("name_zh"))
            cursor = page.cursor
            if page.complete:
                return out


def _search_word(rows: list[dict[str, Any]]) -> str:
    for r in rows:
        for w in str(r.get("name_en", "")).split():
            if len(w) >= 4 and w.isalpha():
                return w
    return "a"


async def _searchable(store: Store, word: str) -> int:
    from offline_cache import search

    def run(db: Any) -> int:
        page = queries.search_products(db, word, search.SearchFilters(), limit=5)
        return int(getattr(page, "total", 0) or len(getattr(page, "items", []) or []))

    return await store.read(run)


def _process_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` (Linux; else 0)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


async def initial_sync(url: str, token: str, cache: Path, scopes: list[str], word: str,
                       server_pid: int = 0) -> dict[str, float]:
    for p in cache.parent.glob(cache.name + "*"):
        p.unlink()
    store = await Store.open(cache)
    client = ApiClient(url, token)
    engine = SyncEngine(store, client, page_limit=5000)
    try:
        await engine.ensure_default_scopes()
        for s in scopes:
            await store.write(syncstate.track_scope, s)
        server0 = _process_cpu(server_pid) if server_pid else 0.0
        cpu0 = time.process_time()
        t0 = time.perf_counter()
        summary = await engine.sync_once()
        found = await _searchable(store, word)
        elapsed = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
        server_cpu = (_process_cpu(server_pid) - server0) if server_pid else 0.0
        products = await store.read(queries.count_products)
        return {
            "client_us": 1e6 * cpu / max(1, products),
            "server_us": 1e6 * server_cpu / max(1, products),
            "products": products,
            "items": summary.pulled,
            "seconds": elapsed,
            "rate": products / elapsed,
            "found": found,
            "bytes": client.bytes_received,
            "requests": engine.stats.pull_requests,
        }
    finally:
        await client.aclose()
        await store.close()


async def poor_link(
    url: str, port: int, token: str, cache: Path, scopes: list[str], cut_every: int = 2_000_000
) -> dict[str, float]:
    for p in cache.parent.glob(cache.name + "*"):
        p.unlink()
    store = await Store.open(cache)
    try:
        # the directory and the user's own data first, on a clean link (not measured)
        direct = ApiClient(url, token)
        setup = SyncEngine(store, direct)
        await setup.ensure_default_scopes()
        await setup.sync_once()
        await direct.aclose()
        with FaultProxy(port) as proxy:
            proxy.latency = 0.150
            proxy.bandwidth = 125_000
            # the link's cuts are not in phase with our sync: the first comes after a
            # fixed fraction of the interval (deterministic, so runs compare)
            proxy.set_cut(cut_every, "cumulative", first=int(cut_every * 0.4))
            client = ApiClient(proxy.url, token)
            engine = SyncEngine(store, client)
            try:
                for s in scopes:
                    await store.write(syncstate.track_scope, s)
                t0 = time.perf_counter()
                summary = await engine.sync_once(attempts=10_000)
                elapsed = time.perf_counter() - t0
                st = engine.stats
                products = await store.read(queries.count_products)
                return {
                    "complete": float(summary.complete),
                    "products": products,
                    "seconds": elapsed,
                    "wire": st.pull_bytes,
                    "applied": st.applied_bytes,
                    "wasted": st.wasted_bytes,
                    "ratio": st.wasted_bytes / max(1, st.applied_bytes),
                    "cuts": proxy.stats["cuts"],
                    "failures": st.failures,
                    "requests": st.pull_requests,
                    "final_limit": engine.limit,
                }
            finally:
                await client.aclose()
    finally:
        await store.close()


async def run(args: argparse.Namespace) -> int:
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="fairdesk-bench-sync-"))
    workdir.mkdir(parents=True, exist_ok=True)
    table = Table("FairDesk sync benchmarks (bench/bench_sync.py)")
    ok = True
    sizes = ["medium"] + (["large"] if args.large else [])
    poor_done = False
    try:
        for size in sizes:
            server = ServerProcess(workdir / f"fair-{size}.db", size, workdir)
            print(f"[{size}] starting the server (generates the demo fair on first use)...", flush=True)
            url = server.start()
            try:
                token = await _login(url)
                sections = await _sections(url, token)
                scopes = [f"section:{s['id']}" for s in sections if s["product_count"] > 0]
                print(f"[{size}] fetching the rows for the baseline...", flush=True)
                rows, fetch_rate = await _fetch_rows(url, token, scopes)
                word = _search_word(rows)
                rows.sort(key=lambda r: r["id"])
                load = os.getloadavg()[0]
                base = baseline_insert(rows, workdir / f"baseline-{size}.sqlite",
                                       await _company_texts(url, token))
                n_rows = len(rows)
                del rows
                results = []
                for i in range(args.repeat):
                    print(f"[{size}] initial sync {i + 1}/{args.repeat}...", flush=True)
                    assert server.proc is not None
                    results.append(await initial_sync(url, token, workdir / f"cache-{size}.sqlite",
                                                      scopes, word, server.proc.pid))
                best = sorted(results, key=lambda r: r["rate"])[len(results) // 2]  # median
                print(f"[{size}] initial sync rates: "
                      + ", ".join(f"{r['rate']:,.0f}/s" for r in results), flush=True)
                passed = best["rate"] >= THROUGHPUT_BUDGET and best["found"] > 0
                ok &= passed
                table.add(f"initial sync, {size} fair ({int(best['products']):,} products)", best["rate"],
                          "products/s", f">= {THROUGHPUT_BUDGET:,}/s", passed)
                sample = "" if n_rows >= sum(s["product_count"] for s in sections) else f", {n_rows:,}-row sample"
                table.add(f"  baseline: same rows straight into SQLite+FTS5 ({size}{sample})", base, "products/s")
                table.add(f"  sync / baseline ({size})", 100 * best["rate"] / base, "%")
                table.add(f"  client CPU per product ({size})", best["client_us"], "us")
                table.add(f"  server CPU per product ({size})", best["server_us"], "us")
                table.add(f"  server pull alone, no cache writes ({size})", fetch_rate, "products/s")
                table.add(f"  machine load (1-min average) at the start ({size})", load, "")
                table.add(f"  wire bytes ({size})", best["bytes"] / 1e6, "MB")
                table.add(f"  pull requests ({size})", best["requests"], "")
                if not args.initial_only and (
                        size == "large" or (size == "medium" and not args.large)):
                    if size == "large":
                        sec = min(sections, key=lambda s: abs(int(s["product_count"]) - 20_000))
                        poor_scopes = [f"section:{sec['id']}"]
                        what = f"section {sec['id']} of the large fair, {sec['product_count']:,} products"
                    else:
                        poor_scopes = scopes
                        what = f"all sections of the medium fair, {sum(s['product_count'] for s in sections):,} products"
                    for label, cut in (("poor link", 2_000_000), ("stress: cut every 500 KB", 500_000)):
                        print(f"[{size}] {label}: {what} (takes a minute or two)...", flush=True)
                        pr = await poor_link(
                            url, server.port, token, workdir / f"poor-{size}.sqlite", poor_scopes, cut
                        )
                        done = pr["complete"] == 1.0
                        within = pr["ratio"] <= WASTE_BUDGET
                        budget = cut == 2_000_000  # the stress run is informational
                        if budget:
                            ok &= done and within
                        table.add(f"{label}: {what}: completed", pr["products"], "products",
                                  "completes" if budget else "(info)", done if budget else None)
                        table.add(f"  {label}: bytes fetched twice", 100 * pr["ratio"], "%",
                                  "<= 5%" if budget else "(info: 5%)", within if budget else None)
                        table.add(f"  {label}: wire bytes", pr["wire"] / 1e6, "MB")
                        table.add(f"  {label}: wasted bytes", pr["wasted"] / 1e3, "KB")
                        table.add(f"  {label}: connection cuts", pr["cuts"], "")
                        table.add(f"  {label}: elapsed", pr["seconds"], "s")
                        table.add(f"  {label}: pull requests", pr["requests"], "")
                        table.add(f"  {label}: final page size", pr["final_limit"], "items")
                    poor_done = True
            finally:
                server.stop()
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    assert poor_done or args.initial_only
    print()
    print(table.render())
    print()
    print("overall:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.bench_sync")
    p.add_argument("--large", action="store_true", help="also the large demo fair (1M products)")
    p.add_argument("--repeat", type=int, default=3, help="initial-sync runs per fair (median)")
    p.add_argument("--workdir", help="keep generated fairs here (reused next time)")
    p.add_argument("--initial-only", action="store_true",
                   help="only the initial-sync throughput (no poor-link runs)")
    args = p.parse_args(argv)
    os.environ.setdefault("FAIRDESK_DATA_DIR", tempfile.mkdtemp(prefix="fairdesk-bench-data-"))
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
