"""The compression middleware on its own (driven as a plain ASGI app): negotiation,
thresholds, and streaming (chunks are compressed and flushed one by one, never
buffered to the end)."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from typing import Any

import zstandard
from starlette.applications import Starlette
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from server.compression import CompressionMiddleware, choose_encoding

CHUNK = b'{"x": "' + b"abcdefgh" * 400 + b'"}\n'


def make_app() -> CompressionMiddleware:
    async def stream(_request):
        async def gen():
            for _ in range(3):
                yield CHUNK

        return StreamingResponse(gen(), media_type="application/json")

    async def big(_request):
        return Response(CHUNK * 3, media_type="application/json")

    async def small(_request):
        return Response(b'{"ok": true}', media_type="application/json")

    async def image(_request):
        return Response(b"\xff\xd8" + b"\x00" * 5000, media_type="image/jpeg")

    app = Starlette(routes=[Route("/stream", stream), Route("/big", big), Route("/small", small), Route("/image", image)])
    return CompressionMiddleware(app)


def call(path: str, accept: str | None) -> tuple[dict[str, str], list[bytes]]:
    """GET ``path``: (response headers, the body messages as sent)."""
    sent: list[dict[str, Any]] = []
    headers = [(b"host", b"test")]
    if accept is not None:
        headers.append((b"accept-encoding", accept.encode()))
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
             "root_path": "", "headers": headers, "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}

    received = []

    async def receive() -> dict[str, Any]:
        if not received:
            received.append(1)
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # the client stays connected
        raise AssertionError("unreachable")

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(make_app()(scope, receive, send))
    start = sent[0]
    assert start["type"] == "http.response.start"
    hdrs = {k.decode().lower(): v.decode() for k, v in start["headers"]}
    return hdrs, [m.get("body", b"") for m in sent[1:]]


def test_choose_encoding():
    assert choose_encoding("zstd, gzip") == "zstd"
    assert choose_encoding("gzip, zstd;q=0") == "gzip"
    assert choose_encoding("gzip;q=0.5") == "gzip"
    assert choose_encoding("identity") is None
    assert choose_encoding("*") == "zstd"
    assert choose_encoding("br") is None
    assert choose_encoding("gzip;q=abc") is None


def test_streamed_body_is_compressed_chunk_by_chunk():
    hdrs, bodies = call("/stream", "zstd")
    assert hdrs["content-encoding"] == "zstd" and "content-length" not in hdrs
    d = zstandard.ZstdDecompressor().decompressobj()
    assert d.decompress(bodies[0]) == CHUNK  # flushed: the first message alone decodes
    out = CHUNK
    for b in bodies[1:]:
        out += d.decompress(b)
    assert out == CHUNK * 3
    hdrs, bodies = call("/stream", "gzip")
    assert hdrs["content-encoding"] == "gzip"
    dz = zlib.decompressobj(31)
    assert dz.decompress(bodies[0]) == CHUNK
    assert dz.decompress(b"".join(bodies[1:])) + dz.flush() == CHUNK * 2


def test_single_bodies_thresholds_and_images():
    hdrs, bodies = call("/big", "gzip")
    assert hdrs["content-encoding"] == "gzip" and hdrs["vary"] == "Accept-Encoding"
    body = b"".join(bodies)
    assert int(hdrs["content-length"]) == len(body) < len(CHUNK * 3)
    assert gzip.decompress(body) == CHUNK * 3
    hdrs, bodies = call("/big", "zstd")
    assert zstandard.ZstdDecompressor().decompress(b"".join(bodies)) == CHUNK * 3
    for path, accept in [("/small", "zstd"), ("/image", "zstd"), ("/big", "identity"), ("/big", None)]:
        hdrs, bodies = call(path, accept)
        assert "content-encoding" not in hdrs, path
