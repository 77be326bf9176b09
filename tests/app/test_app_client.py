"""The API client: every endpoint against the real server, and hostile replies."""

from __future__ import annotations

import email.utils
import gzip
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import orjson
import pytest

from app.client import (
    USER_AGENT,
    ApiClient,
    ApiError,
    NetworkError,
    ProtocolError,
    RateLimited,
    SignedOut,
    normalize_base_url,
)
from app.events import ConnState
from app.sync import SyncEngine
from offline_cache import queries, syncstate
from offline_cache.store import Store
from tests.app.helpers import local_http_server
from tests.faultproxy import FaultProxy

# ---------------------------------------------------------------- the real server


async def test_endpoints_against_real_server(module_server) -> None:
    email, password = module_server.accounts["buyer"]
    async with ApiClient(module_server.url) as c:
        info = await c.info()
        assert info["protocol"] == 1 and info["epoch"]
        with pytest.raises(ApiError) as wrong:
            await c.login(email, "not the password")
        assert wrong.value.status == 401 and not isinstance(wrong.value, SignedOut)
        data = await c.login(email, password)
        assert c.token == data["token"] and data["user"]["email"] == email
        me = await c.me()
        assert me["role"] == "buyer"
        sections = await c.sections()
        assert sections and all("est_bytes" in s for s in sections)
        sid = next(s["id"] for s in sections if s["product_count"] > 0)
        reply = await c.pull({f"section:{sid}": None, "directory": None}, limit=50)
        page = reply.scopes[f"section:{sid}"]
        assert page.changes and page.cursor
        product = page.changes[0]["data"]
        assert (await c.product(product["id"]))["id"] == product["id"]
        assert (await c.company(product["company_id"]))["id"] == product["company_id"]
        found = await c.search(product["name_en"].split()[0], limit=5)
        assert found["total"] >= 1 and found["items"]
        assert (await c.search('"; DROP TABLE products; -- *', limit=5))["total"] >= 0
        with pytest.raises(ApiError) as nf:
            await c.product(2**40)
        assert nf.value.status == 404 and nf.value.code == "not-found"
        # compression: the wire bytes of a big pull are far below its JSON size
        before = c.bytes_received
        big = await c.pull({f"section:{sid}": None}, limit=500)
        json_size = len(orjson.dumps([ch for p in big.scopes.values() for ch in p.changes]))
        assert big.wire_bytes == c.bytes_received - before
        assert big.wire_bytes < json_size / 2
        await c.logout()
        assert c.token is None
        with pytest.raises(SignedOut):
            await c.me()


async def test_image_etag_and_range_resume(module_server) -> None:
    email, password = module_server.accounts["buyer"]
    port = int(module_server.url.rsplit(":", 1)[1])
    async with ApiClient(module_server.url) as c:
        token = (await c.login(email, password))["token"]
        sections = await c.sections()
        sid = next(s["id"] for s in sections if s["product_count"] > 0)
        reply = await c.pull({f"section:{sid}": None}, limit=100)
        product = next(
            ch["data"]
            for ch in reply.scopes[f"section:{sid}"].changes
            if ch["data"]["image_count"] > 0
        )
        full = await c.image("product", product["id"], 0, "full")
        assert full.data[:2] == b"\xff\xd8" and full.etag
        same = await c.image("product", product["id"], 0, "full", etag=full.etag)
        assert same.not_modified and same.data == b""
    # a download cut half way resumes from where it stopped
    with FaultProxy(port) as proxy:
        async with ApiClient(proxy.url, token) as c:
            proxy.set_cut(len(full.data) // 2, "connection")
            with pytest.raises(NetworkError) as cut:
                await c.image("product", product["id"], 0, "full")
            partial = cut.value.partial
            assert 0 < len(partial) < len(full.data) and cut.value.etag == full.etag
            proxy.set_cut(None)
            resumed = await c.image(
                "product", product["id"], 0, "full", etag=cut.value.etag, partial=partial
            )
            assert resumed.resumed and resumed.data == full.data
    async with ApiClient(module_server.url, token) as c:
        logo = await c.image("company", product["company_id"], "logo", "thumb")
        assert logo.data[:2] == b"\xff\xd8"
        with pytest.raises(ValueError):
            await c.image("company", 1, "../../etc/passwd")


async def test_unreachable_server_is_network_error() -> None:
    async with ApiClient("http://127.0.0.1:9") as c:  # discard port: nothing listens
        with pytest.raises(NetworkError):
            await c.info()


@pytest.mark.parametrize("bad", ["", "ftp://x", "http://", "http://h/?q=1", "http://h/#f", "::::"])
def test_bad_server_addresses(bad: str) -> None:
    with pytest.raises(ValueError):
        normalize_base_url(bad)


def test_server_address_normalised() -> None:
    assert normalize_base_url(" 127.0.0.1:8765/ ") == "http://127.0.0.1:8765"


# ---------------------------------------------------------------- a hostile server


class _Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    replies: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}
    seen_headers: ClassVar[list[dict[str, str]]] = []

    def _reply(self) -> None:
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        _Hostile.seen_headers.append(dict(self.headers))
        path = self.path.split("?")[0]
        status, headers, body = _Hostile.replies.get(path, (404, {}, b""))
        if status == 0:  # truncated: promise more than we send, then close
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body) * 2))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
            self.close_connection = True
            return
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = _reply
    do_POST = _reply

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def hostile() -> Iterator[str]:
    _Hostile.replies = {}
    _Hostile.seen_headers = []
    with local_http_server(_Hostile) as url:
        yield url


JSON = {"Content-Type": "application/json"}
PROBLEM = {"Content-Type": "application/problem+json"}


def _pull_body(changes: object) -> bytes:
    return orjson.dumps(
        {
            "scopes": {"directory": {"changes": changes, "cursor": "v1.x", "complete": True}},
            "server_time": "2026-01-01T00:00:00Z",
        }
    )


MALFORMED = {
    "not json": (200, JSON, b"<html>hello</html>"),
    "wrong content type": (200, {"Content-Type": "text/html"}, b"{}"),
    "json cut short": (200, JSON, b'{"scopes": {"directory": {"chan'),
    "not an object": (200, JSON, b"[1, 2, 3]"),
    "scopes missing": (200, JSON, b'{"server_time": "x"}'),
    "scopes wrong type": (200, JSON, b'{"scopes": 5}'),
    "scope wrong type": (200, JSON, b'{"scopes": {"directory": "x"}}'),
    "cursor missing": (200, JSON, b'{"scopes": {"directory": {"changes": [], "complete": true}}}'),
    "changes not a list": (200, JSON, _pull_body({"a": 1})),
    "change not an object": (200, JSON, _pull_body([1])),
    "unknown op": (200, JSON, _pull_body([{"entity": "product", "op": "explode", "id": 1}])),
    "upsert without data": (
        200,
        JSON,
        _pull_body([{"entity": "product", "op": "upsert", "id": 1}]),
    ),
    "id of wrong type": (200, JSON, _pull_body([{"entity": "product", "op": "delete", "id": [1]}])),
    "bad zstd": (200, {**JSON, "Content-Encoding": "zstd"}, b"\x28\xb5\x2f\xfdnot really zstd"),
    "bad gzip": (
        200,
        {**JSON, "Content-Encoding": "gzip"},
        gzip.compress(b'{"scopes": {}}')[:-9] + b"xxxxxxxxx",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
async def test_malformed_pull_reply_is_protocol_error(hostile: str, case: str) -> None:
    _Hostile.replies["/v1/sync/pull"] = MALFORMED[case]
    async with ApiClient(hostile, "tok") as c:
        with pytest.raises(ProtocolError) as err:
            await c.pull({"directory": None})
        assert str(err.value)


async def test_truncated_reply_is_network_error(hostile: str) -> None:
    _Hostile.replies["/v1/info"] = (0, {}, b'{"protocol": 1, "epoch": "e"')
    async with ApiClient(hostile) as c:
        with pytest.raises(NetworkError):
            await c.info()
        assert c.bytes_received > 0


async def test_error_replies(hostile: str) -> None:
    _Hostile.replies = {
        "/v1/me": (
            401,
            PROBLEM,
            b'{"status": 401, "code": "unauthenticated", "detail": "revoked"}',
        ),
        "/v1/auth/login": (
            429,
            {**PROBLEM, "Retry-After": "7"},
            b'{"status": 429, "code": "rate-limited"}',
        ),
        "/v1/sections": (502, {"Content-Type": "text/html"}, b"<h1>Bad gateway</h1>"),
        "/v1/info": (
            503,
            {**PROBLEM, "Retry-After": email.utils.formatdate(time.time() + 30, usegmt=True)},
            b'{"code": "unavailable"}',
        ),
        "/v1/search": (
            400,
            PROBLEM,
            b'{"code": "bad-request", "errors": [{"loc": ["q"], "msg": "x"}]}',
        ),
    }
    signed_out: list[SignedOut] = []
    async with ApiClient(hostile, "tok", on_signed_out=signed_out.append) as c:
        with pytest.raises(SignedOut) as so:
            await c.me()
        assert so.value.detail == "revoked" and signed_out == [so.value]
        with pytest.raises(RateLimited) as rl:
            await c.login("a@b.example", "x")
        assert rl.value.retry_after == 7 and rl.value.transient
        with pytest.raises(ApiError) as bg:
            await c.sections()
        assert bg.value.status == 502 and bg.value.code == "http-502" and bg.value.transient
        with pytest.raises(ApiError) as un:
            await c.info()
        assert un.value.retry_after is not None and 25 <= un.value.retry_after <= 31
        assert un.value.code == "unavailable" and un.value.transient
        with pytest.raises(ApiError) as br:
            await c.search("x")
        assert br.value.problem["errors"][0]["msg"] == "x" and not br.value.transient
    headers = _Hostile.seen_headers[0]
    assert headers["Authorization"] == "Bearer tok"
    assert headers["User-Agent"] == USER_AGENT
    assert headers["Accept-Encoding"] == "zstd, gzip"


async def test_engine_reports_malformed_reply_and_keeps_cache(hostile: str, tmp_path: Path) -> None:
    _Hostile.replies["/v1/sync/pull"] = MALFORMED["unknown op"]
    store = await Store.open(tmp_path / "c.sqlite")
    client = ApiClient(hostile, "tok")
    engine = SyncEngine(store, client)
    try:
        await engine.ensure_default_scopes()
        with pytest.raises(ProtocolError):
            await engine.sync_once(attempts=3)
        assert engine.state == ConnState.ERROR and "op" in engine.message
        assert engine.stats.failures == 1  # not retried blindly
        assert await store.read(queries.list_categories) == []
        assert (await store.read(syncstate.get_cursors))["directory"] is None
    finally:
        await client.aclose()
        await store.close()
