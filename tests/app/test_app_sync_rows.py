"""The engine's compact pull format and byte-limited pushes, against the real server.

- The engine asks for ``product_format: "rows"``; the cache it builds holds exactly the
  products the default format describes (every field), and a server that does not know
  the format (simulated by a transport that drops the field) still syncs completely.
- A malformed ``products`` part is a ProtocolError and leaves the cache as it was.
- Pushes are cut by bytes as well as by count: mutations of ~1.4 MB each go out in
  several pushes, never one body over the server's 4 MiB limit (no 413).
"""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar

import httpx
import orjson
import pytest

from app.client import ApiClient, ProtocolError
from app.sync import PUSH_MAX_BYTES, SyncEngine, _within_push_bytes
from offline_cache import outbox, queries, syncstate
from offline_cache.schema import PRODUCT_COLUMNS
from offline_cache.search import SearchFilters
from offline_cache.store import Store
from tests.app.helpers import (
    FAST_BACKOFF,
    assert_cache_matches_server,
    local_http_server,
    register_buyer,
)


async def _sections(url: str, token: str, n: int) -> list[int]:
    async with ApiClient(url, token) as c:
        items = await c.sections()
    best = sorted((s for s in items if s.get("product_count", 0) > 0),
                  key=lambda s: -int(s["product_count"]))
    return [int(s["id"]) for s in best[:n]]


async def _server_products(url: str, token: str, scopes: list[str]) -> dict[int, dict[str, Any]]:
    """Every product of ``scopes`` in the default (object) format."""
    out: dict[int, dict[str, Any]] = {}
    async with ApiClient(url, token) as c:
        for scope in scopes:
            cursor: str | None = None
            while True:
                page = (await c.pull({scope: cursor}, limit=500)).scopes[scope]
                assert not page.product_rows
                for ch in page.changes:
                    if ch["op"] == "upsert":
                        out[ch["id"]] = ch["data"]
                    else:
                        out.pop(ch["id"], None)
                cursor = page.cursor
                if page.complete:
                    break
    return out


def _cache_products(db: Any) -> dict[int, dict[str, Any]]:
    cols = ", ".join(PRODUCT_COLUMNS)
    rows = db.conn.execute(f"SELECT {cols} FROM products").fetchall()
    return {r[0]: queries.product_from_row(r) for r in rows}


class _OldServer(httpx.AsyncHTTPTransport):
    """Loopback transport that drops ``product_format`` from pulls: a server from before
    the compact format, as far as the client can tell."""

    pulls = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/sync/pull":
            body = orjson.loads(await request.aread())
            assert body.pop("product_format") == "rows"
            type(self).pulls += 1
            headers = [(k, v) for k, v in request.headers.items() if k.lower() != "content-length"]
            request = httpx.Request(request.method, request.url, headers=headers,
                                    content=orjson.dumps(body))
        return await super().handle_async_request(request)


@pytest.mark.parametrize("old_server", [False, True], ids=["rows", "old-server"])
async def test_cache_holds_every_field_of_every_product(module_server, tmp_path: Path,
                                                        old_server: bool) -> None:
    _, token = await register_buyer(module_server.url)
    sections = await _sections(module_server.url, token, 3)
    store = await Store.open(tmp_path / "c.sqlite")
    client = ApiClient(module_server.url, token, transport=_OldServer() if old_server else None)
    engine = SyncEngine(store, client, page_limit=100, **FAST_BACKOFF)  # several pages
    try:
        await engine.ensure_default_scopes()
        for sid in sections:
            await engine.follow(sid)
        summary = await engine.sync_once()
        assert summary.complete
        assert engine.stats.pull_requests >= 3
        if old_server:
            assert _OldServer.pulls >= engine.stats.pull_requests
        cached = await store.read(_cache_products)
        server = await _server_products(module_server.url, token,
                                        [f"section:{s}" for s in sections])
        assert len(cached) == len(server) > 100
        assert cached == server
        await assert_cache_matches_server(store, module_server.url, token)
        # searchable: a word of a product name finds that product
        some = next(p for p in server.values() if p["name_en"])
        word = max(some["name_en"].split(), key=len)
        page = await store.read(queries.search_products, word,
                                SearchFilters(section_id=some["section_id"]), 0, 500)
        assert some["id"] in [p["id"] for p in page.items]
    finally:
        await client.aclose()
        await store.close()


# ---------------------------------------------------------------- pushes cut by bytes


def test_push_batches_are_cut_by_bytes() -> None:
    big = {"type": "x.big", "args": {"blob": "a" * 1_400_000}}
    small = {"type": "x.small", "args": {"n": 1}}
    assert _within_push_bytes([small] * 5) == [small] * 5
    assert len(_within_push_bytes([big, big, big])) == 2      # ~2.8 MB <= 3 MiB
    assert len(_within_push_bytes([big, big, big, small])) == 2
    huge = {"type": "x.huge", "args": {"blob": "a" * 5_000_000}}
    assert _within_push_bytes([huge, small]) == [huge]      # alone, whatever its size
    assert _within_push_bytes([small, huge]) == [small]
    assert PUSH_MAX_BYTES < 4 * 1024 * 1024


async def test_big_mutations_are_pushed_without_413(module_server, tmp_path: Path) -> None:
    _, token = await register_buyer(module_server.url)
    store = await Store.open(tmp_path / "c.sqlite")
    client = ApiClient(module_server.url, token)
    engine = SyncEngine(store, client, **FAST_BACKOFF)
    try:
        await engine.ensure_default_scopes()
        # an unknown type: the server rejects each one, but only after reading the body
        seqs = [await store.write(outbox.enqueue, "x.big", {"blob": f"{i}" * 1_400_000})
                for i in range(5)]
        await store.write(outbox.enqueue, "favourite.remove", {"kind": "product",
                                                               "target_id": 1})
        before = client.requests
        summary = await engine.sync_once()
        assert summary.complete and summary.pending == 0
        items = {i.seq: i for i in await store.read(outbox.items)}
        assert [items[s].code for s in seqs] == ["unknown-mutation"] * 5
        assert items[max(items)].state == "applied"
        assert client.requests - before >= 3 + 1       # at least 3 pushes, then the pulls
    finally:
        await client.aclose()
        await store.close()


# ---------------------------------------------------------------- a hostile server


class _Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    body: ClassVar[bytes] = b""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(_Hostile.body)))
        self.end_headers()
        self.wfile.write(_Hostile.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def hostile() -> Iterator[str]:
    with local_http_server(_Hostile) as url:
        yield url


GOOD_ROW = [7, 1, 1, 1, "Lamp", "灯", "", "", "[]", 0, 100, 200, "USD", 10, "pcs", "件", 15,
            '["CE"]', "", False, 1, "2026-01-01T00:00:00Z"]


def _reply(products: Any) -> bytes:
    return orjson.dumps({"scopes": {"section:1": {
        "changes": [], "products": products, "cursor": "v1.x", "complete": True}},
        "server_time": "2026-01-01T00:00:00Z"})


@pytest.mark.parametrize("products", [
    "rows",
    {"columns": list(PRODUCT_COLUMNS)},
    {"columns": "id", "rows": []},
    {"columns": [1, 2], "rows": []},
    {"columns": ["name_en"], "rows": [["x"]]},
    {"columns": ["id", "id"], "rows": []},
    {"columns": list(PRODUCT_COLUMNS), "rows": [GOOD_ROW[:-1]]},
    {"columns": list(PRODUCT_COLUMNS), "rows": [{"id": 1}]},
], ids=["not-object", "no-rows", "columns-str", "columns-int", "no-id", "dup-column",
        "short-row", "row-object"])
async def test_malformed_products_part_is_protocol_error(hostile: str, products: Any) -> None:
    _Hostile.body = _reply(products)
    async with ApiClient(hostile, "tok") as c:
        with pytest.raises(ProtocolError):
            await c.pull({"section:1": None}, product_rows=True)


async def test_bad_row_values_leave_the_cache_as_it_was(hostile: str, tmp_path: Path) -> None:
    bad = list(GOOD_ROW)
    bad[0] = "seven"
    _Hostile.body = _reply({"columns": list(PRODUCT_COLUMNS), "rows": [GOOD_ROW, bad]})
    store = await Store.open(tmp_path / "c.sqlite")
    client = ApiClient(hostile, "tok")
    engine = SyncEngine(store, client, **FAST_BACKOFF)
    try:
        await store.write(syncstate.track_scope, "section:1")
        with pytest.raises(ProtocolError):
            await engine.sync_once()
        assert await store.read(queries.count_products) == 0
        assert (await store.read(syncstate.get_cursors))["section:1"] is None
        # the good row alone is stored and searchable
        _Hostile.body = _reply({"columns": list(PRODUCT_COLUMNS), "rows": [GOOD_ROW]})
        assert (await engine.sync_once()).complete
        page = await store.read(queries.search_products, "灯", SearchFilters(), 0, 10)
        assert [p["id"] for p in page.items] == [7]
    finally:
        await client.aclose()
        await store.close()
