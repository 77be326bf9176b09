"""The fault proxy itself, against a tiny real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import httpx
import pytest

from tests.faultproxy import FaultProxy

BODY = bytes(range(256)) * 400  # 102,400 bytes


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    posts: ClassVar[list[bytes]] = []

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def do_POST(self) -> None:
        n = int(self.headers.get("Content-Length", "0"))
        _Handler.posts.append(self.rfile.read(n))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def upstream() -> Iterator[int]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    _Handler.posts = []
    yield srv.server_address[1]
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def proxy(upstream: int) -> Iterator[FaultProxy]:
    with FaultProxy(upstream) as p:
        yield p


def test_clean_link_passes_everything(proxy: FaultProxy) -> None:
    with httpx.Client(base_url=proxy.url) as c:
        for _ in range(3):
            r = c.get("/x")
            assert r.content == BODY
    assert proxy.stats["bytes_down"] > 3 * len(BODY)
    assert proxy.stats["connections"] == 1  # keep-alive through the proxy


def test_cut_per_connection_truncates_reply(proxy: FaultProxy) -> None:
    proxy.set_cut(50_000, "connection")
    with httpx.Client(base_url=proxy.url) as c, pytest.raises(httpx.RemoteProtocolError):
        c.get("/x")
    assert proxy.stats["cuts"] == 1
    assert proxy.stats["bytes_down"] == 50_000
    proxy.set_cut(None)
    with httpx.Client(base_url=proxy.url) as c:
        assert c.get("/x").content == BODY


def test_cumulative_cut_every_n_bytes(proxy: FaultProxy) -> None:
    proxy.set_cut(250_000, "cumulative")
    ok = failed = 0
    with httpx.Client(base_url=proxy.url) as c:
        for _ in range(10):
            try:
                assert c.get("/x").content == BODY
                ok += 1
            except httpx.TransportError:
                failed += 1
    # ~1,030,000 bytes offered -> cuts at 250k, 500k, 750k, 1M
    assert proxy.stats["cuts"] == failed
    assert 3 <= failed <= 5
    assert ok == 10 - failed


def test_reset_after_forwarding_request(proxy: FaultProxy) -> None:
    proxy.reset_next_reply(count=1, match=b"/commit")
    with httpx.Client(base_url=proxy.url) as c:
        assert c.get("/other").content == BODY  # not matched: untouched
        with pytest.raises(httpx.TransportError):
            c.post("/commit", content=b"payload-1")
        assert c.post("/commit", content=b"payload-2").content == b"ok"
    # the server received (and "committed") the request whose reply was lost
    assert _Handler.posts == [b"payload-1", b"payload-2"]
    assert proxy.stats["resets"] == 1


def test_latency_and_bandwidth_slow_the_link(proxy: FaultProxy) -> None:
    with httpx.Client(base_url=proxy.url) as c:
        c.get("/x")  # connect
        proxy.latency = 0.1
        proxy.bandwidth = 400_000
        t0 = time.monotonic()
        assert c.get("/x").content == BODY
        slow = time.monotonic() - t0
    # 2 x 0.1 s latency + 102,400 B at 400 KB/s = 0.456 s at least (a lower bound the
    # proxy guarantees, not a speed budget)
    assert slow >= 0.45


def test_stall_holds_reply(proxy: FaultProxy) -> None:
    proxy.stall_next(0.5, match=b"/x")
    with httpx.Client(base_url=proxy.url) as c:
        t0 = time.monotonic()
        assert c.get("/x").content == BODY
        assert time.monotonic() - t0 >= 0.5
    assert proxy.stats["stalls"] == 1


def test_refuse_and_drop_all(proxy: FaultProxy) -> None:
    with httpx.Client(base_url=proxy.url) as c:
        assert c.get("/x").status_code == 200
        proxy.drop_all()
        proxy.refuse = True
        with pytest.raises(httpx.TransportError):
            c.get("/x")
        proxy.refuse = False
        assert c.get("/x").content == BODY
    assert proxy.stats["refused"] >= 1
