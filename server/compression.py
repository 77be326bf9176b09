"""zstd/gzip response compression (pure ASGI middleware).

* ``zstd`` (level 3) when ``Accept-Encoding`` lists it, else ``gzip`` (level 5).
* Only bodies of at least :data:`MIN_SIZE` bytes; never images, never partial
  (206) or 304 replies, never a reply that already has a ``Content-Encoding``.
* A single-message body is compressed in one go; a streamed body is compressed
  chunk by chunk with a flush per chunk, so streaming is not buffered.
"""

from __future__ import annotations

import zlib
from typing import Any

import zstandard
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MIN_SIZE = 1024
ZSTD_LEVEL = 3
GZIP_LEVEL = 5

_SKIP_TYPES = (b"image/", b"video/", b"audio/", b"application/zstd", b"application/gzip",
               b"application/zip", b"application/octet-stream")


def choose_encoding(accept_encoding: str) -> str | None:
    """'zstd', 'gzip' or None for an ``Accept-Encoding`` header value."""
    offered: dict[str, float] = {}
    for part in accept_encoding.split(","):
        bits = part.strip().split(";")
        name = bits[0].strip().lower()
        if not name:
            continue
        q = 1.0
        for b in bits[1:]:
            b = b.strip()
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        offered[name] = q
    star = offered.get("*", 0.0)
    if offered.get("zstd", star) > 0:
        return "zstd"
    if offered.get("gzip", star) > 0:
        return "gzip"
    return None


class _Compressor:
    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._z: Any
        if encoding == "zstd":
            self._z = zstandard.ZstdCompressor(level=ZSTD_LEVEL).compressobj()
        else:
            self._z = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)

    def chunk(self, data: bytes) -> bytes:
        out = self._z.compress(data)
        if self.encoding == "zstd":
            out += self._z.flush(zstandard.COMPRESSOBJ_FLUSH_BLOCK)
        else:
            out += self._z.flush(zlib.Z_SYNC_FLUSH)
        return bytes(out)

    def finish(self) -> bytes:
        return bytes(self._z.flush())


def compress_once(data: bytes, encoding: str) -> bytes:
    if encoding == "zstd":
        return bytes(zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(data))
    z = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)
    return z.compress(data) + z.flush()


class CompressionMiddleware:
    def __init__(self, app: ASGIApp, minimum_size: int = MIN_SIZE) -> None:
        self.app = app
        self.minimum_size = minimum_size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        accept = ""
        for k, v in scope.get("headers", ()):
            if k == b"accept-encoding":
                accept = v.decode("latin-1")
                break
        encoding = choose_encoding(accept) if accept else None
        if encoding is None:
            await self.app(scope, receive, send)
            return

        start: Message | None = None
        compressor: _Compressor | None = None
        passthrough = False

        async def wrapped_send(message: Message) -> None:
            nonlocal start, compressor, passthrough
            mtype = message["type"]
            if mtype == "http.response.start":
                headers = message.get("headers", [])
                hmap = {k.lower(): v for k, v in headers}
                status = message["status"]
                ctype = hmap.get(b"content-type", b"")
                length = hmap.get(b"content-length")
                if (
                    status in (204, 206, 304)
                    or status < 200
                    or b"content-encoding" in hmap
                    or b"content-range" in hmap
                    or ctype.startswith(_SKIP_TYPES)
                    or (length is not None and length.isdigit() and int(length) < self.minimum_size)
                ):
                    passthrough = True
                    await send(message)
                else:
                    start = message
                return
            if mtype != "http.response.body" or passthrough:
                await send(message)
                return
            body: bytes = message.get("body", b"")
            more = message.get("more_body", False)
            if start is not None:
                # First body message decides.
                st, start = start, None
                headers = [(k, v) for k, v in st.get("headers", []) if k.lower() != b"content-length"]
                if not more:
                    if len(body) < self.minimum_size:
                        passthrough = True
                        await send(st)
                        await send(message)
                        return
                    data = compress_once(body, encoding)
                    headers += [
                        (b"content-encoding", encoding.encode()),
                        (b"content-length", str(len(data)).encode()),
                        (b"vary", b"Accept-Encoding"),
                    ]
                    await send({**st, "headers": headers})
                    await send({"type": "http.response.body", "body": data, "more_body": False})
                    passthrough = True
                    return
                compressor = _Compressor(encoding)
                headers += [(b"content-encoding", encoding.encode()), (b"vary", b"Accept-Encoding")]
                await send({**st, "headers": headers})
            assert compressor is not None
            out = compressor.chunk(body) if body else b""
            if not more:
                out += compressor.finish()
            await send({"type": "http.response.body", "body": out, "more_body": more})

        await self.app(scope, receive, wrapped_send)
