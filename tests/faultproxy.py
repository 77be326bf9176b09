"""A fault-injecting TCP proxy for tests and benchmarks (real sockets on 127.0.0.1).

    from tests.faultproxy import FaultProxy

    with FaultProxy(upstream_port) as proxy:      # runs its own asyncio loop in a thread
        client = ApiClient(proxy.url)              # "http://127.0.0.1:<port>"
        proxy.latency = 0.15                       # s added in EACH direction (RTT +0.3 s)
        proxy.bandwidth = 125_000                  # bytes/s per direction, shared by all
                                                   # connections (one "link"); None = off
        proxy.cut_after = 2_000_000                # cut connections after N reply bytes:
        proxy.cut_mode = "cumulative"              #   "connection": N bytes per connection
                                                   #   "cumulative": every N bytes over all
                                                   #   connections, the carrying one is cut
        proxy.set_cut(2_000_000, "cumulative", first=700_000)  # the same, in one call; the
                                                   # first cut after 700 KB (a phase)
        proxy.stall_next(5.0, count=1, match=b"/v1/sync/pull")  # hold the next reply(s)
        proxy.reset_next_reply(count=1, match=b"/v1/sync/push")
                                                   # forward the request to the server, then
                                                   # RST the client instead of the reply
                                                   # ("server committed, reply lost")
        proxy.refuse = True                        # new connections are reset at once
        proxy.drop_all()                           # RST every open connection now
        proxy.reset_faults()                       # all knobs back to a clean link
        proxy.stats                                # dict: connections, bytes_up, bytes_down,
                                                   # cuts, resets, stalls, refused

Knobs may be changed at any time from any thread; they apply to data forwarded after
the change. ``match`` is a bytes substring looked for in the request (first 8 KiB since
the previous reply), e.g. the request path. A reply is recognised as the first bytes from
the server after the client sent something (HTTP/1.1 without pipelining).

Cuts close the connection cleanly (FIN) after exactly the allowed bytes, so the client
sees a truncated reply; resets and ``drop_all`` abort with RST (SO_LINGER 0).

Command line (for manual experiments):
``python -m tests.faultproxy UPSTREAM_PORT [--port P] [--latency S] [--bandwidth B]
[--cut-after N] [--cut-mode connection|cumulative]``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import socket
import struct
import threading
import time
from dataclasses import dataclass

CHUNK = 16 * 1024


@dataclass
class _Rule:
    count: int
    match: bytes | None
    seconds: float = 0.0


class _Link:
    """A shared serial link of ``rate`` bytes/s for one direction (virtual clock)."""

    def __init__(self) -> None:
        self.free_at = 0.0

    def finish_time(self, n: int, rate: float | None) -> float:
        now = time.monotonic()
        if not rate:
            return now
        start = max(now, self.free_at)
        self.free_at = start + n / rate
        return self.free_at


class _Conn:
    def __init__(self, cw: asyncio.StreamWriter) -> None:
        self.cw = cw
        self.uw: asyncio.StreamWriter | None = None
        self.down = 0
        self.awaiting_reply = False
        self.request_head = bytearray()
        self.closed = False


class FaultProxy:
    def __init__(
        self,
        upstream_port: int,
        upstream_host: str = "127.0.0.1",
        *,
        listen_port: int = 0,
    ) -> None:
        self.upstream_host = upstream_host
        self.upstream_port = upstream_port
        self.listen_port = listen_port
        self.port = 0
        # knobs
        self.latency = 0.0
        self.bandwidth: float | None = None
        self.cut_after: int | None = None
        self.cut_mode = "connection"
        self.refuse = False
        # state
        self._lock = threading.Lock()
        self._stall_rules: list[_Rule] = []
        self._reset_rules: list[_Rule] = []
        self._total_down = 0
        self._next_cut: int | None = None
        self._links = {"up": _Link(), "down": _Link()}
        self._conns: set[_Conn] = set()
        self.stats: dict[str, int] = dict.fromkeys(
            ("connections", "bytes_up", "bytes_down", "cuts", "resets", "stalls", "refused"), 0
        )
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    # ------------------------------------------------------------------ public API

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self._thread = threading.Thread(target=self._run, name="faultproxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fault proxy did not start")
        if self._error is not None:
            raise RuntimeError(f"fault proxy failed to start: {self._error}")
        return self

    def stop(self) -> None:
        loop = self._loop
        if loop is None:
            return
        fut = asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
        with contextlib.suppress(Exception):
            fut.result(10)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(10)
        self._loop = None

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stall_next(self, seconds: float, count: int = 1, match: bytes | None = None) -> None:
        with self._lock:
            self._stall_rules.append(_Rule(count, match, seconds))

    def reset_next_reply(self, count: int = 1, match: bytes | None = None) -> None:
        with self._lock:
            self._reset_rules.append(_Rule(count, match))

    def drop_all(self) -> None:
        loop = self._loop
        if loop is None:
            return
        fut = asyncio.run_coroutine_threadsafe(self._drop_all(), loop)
        fut.result(10)

    def reset_faults(self) -> None:
        with self._lock:
            self.latency = 0.0
            self.bandwidth = None
            self.cut_after = None
            self.cut_mode = "connection"
            self.refuse = False
            self._stall_rules.clear()
            self._reset_rules.clear()
            self._next_cut = None

    def set_cut(self, nbytes: int | None, mode: str = "connection", first: int | None = None) -> None:
        """Cut after ``nbytes`` reply bytes (per connection, or cumulative over all).

        ``first`` (cumulative mode): bytes before the FIRST cut, e.g. ``nbytes // 2`` for
        a link whose cuts do not start counting when the test does.
        """
        with self._lock:
            self.cut_after = nbytes
            self.cut_mode = mode
            self._next_cut = None if first is None else self._total_down + first

    # ------------------------------------------------------------------ loop thread

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            self._server = loop.run_until_complete(
                asyncio.start_server(self._handle, "127.0.0.1", self.listen_port)
            )
            self.port = self._server.sockets[0].getsockname()[1]
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            with contextlib.suppress(Exception):
                pending = asyncio.all_tasks(loop)
                for t in pending:
                    t.cancel()
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.close()

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        await self._drop_all()

    async def _drop_all(self) -> None:
        for conn in list(self._conns):
            self._abort(conn, rst=True)

    def _abort(self, conn: _Conn, *, rst: bool) -> None:
        if conn.closed:
            return
        conn.closed = True
        for w in (conn.cw, conn.uw):
            if w is None:
                continue
            if rst:
                sock = w.get_extra_info("socket")
                if sock is not None:
                    with contextlib.suppress(OSError):
                        sock.setsockopt(
                            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                        )
                w.transport.abort()
            else:
                w.close()
        self._conns.discard(conn)

    def _take_rule(self, rules: list[_Rule], head: bytes) -> _Rule | None:
        with self._lock:
            for rule in rules:
                if rule.count > 0 and (rule.match is None or rule.match in head):
                    rule.count -= 1
                    if rule.count <= 0:
                        rules.remove(rule)
                    return rule
        return None

    async def _handle(self, cr: asyncio.StreamReader, cw: asyncio.StreamWriter) -> None:
        conn = _Conn(cw)
        self.stats["connections"] += 1
        if self.refuse:
            self.stats["refused"] += 1
            self._abort(conn, rst=True)
            return
        try:
            ur, uw = await asyncio.open_connection(self.upstream_host, self.upstream_port)
        except OSError:
            self._abort(conn, rst=True)
            return
        conn.uw = uw
        self._conns.add(conn)
        up = asyncio.ensure_future(self._pump(conn, cr, uw, "up"))
        down = asyncio.ensure_future(self._pump(conn, ur, cw, "down"))
        try:
            await asyncio.gather(up, down)
        except (Exception, asyncio.CancelledError):  # shutdown or a dropped connection
            pass
        finally:
            up.cancel()
            down.cancel()
            self._abort(conn, rst=False)

    async def _pump(
        self,
        conn: _Conn,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        direction: str,
    ) -> None:
        queue: asyncio.Queue[tuple[float, bytes] | None] = asyncio.Queue()
        deliver = asyncio.ensure_future(self._deliver(conn, queue, writer, direction))
        try:
            while not conn.closed:
                try:
                    data = await reader.read(CHUNK)
                except (ConnectionError, OSError):
                    data = b""
                if not data:
                    break
                if direction == "up":
                    if not conn.awaiting_reply:
                        conn.request_head.clear()
                    conn.awaiting_reply = True
                    if len(conn.request_head) < 8192:
                        conn.request_head += data[: 8192 - len(conn.request_head)]
                elif conn.awaiting_reply:
                    conn.awaiting_reply = False
                    head = bytes(conn.request_head)
                    if self._take_rule(self._reset_rules, head) is not None:
                        self.stats["resets"] += 1
                        self._abort(conn, rst=True)
                        break
                    stall = self._take_rule(self._stall_rules, head)
                    if stall is not None:
                        self.stats["stalls"] += 1
                        await asyncio.sleep(stall.seconds)
                await queue.put((time.monotonic() + self.latency, data))
            await queue.put(None)
            await deliver
        finally:
            deliver.cancel()

    async def _deliver(
        self,
        conn: _Conn,
        queue: asyncio.Queue[tuple[float, bytes] | None],
        writer: asyncio.StreamWriter,
        direction: str,
    ) -> None:
        link = self._links[direction]
        while True:
            item = await queue.get()
            if item is None:
                if not conn.closed:
                    with contextlib.suppress(OSError, RuntimeError):
                        if writer.can_write_eof():
                            writer.write_eof()
                return
            due, data = item
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            # bandwidth: deliver in slices so a cut lands at an exact byte
            view = memoryview(data)
            while view:
                piece = bytes(view[:4096]) if self.bandwidth else bytes(view)
                view = view[len(piece) :]
                finish = link.finish_time(len(piece), self.bandwidth)
                wait = finish - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                if conn.closed:
                    return
                if direction == "down":
                    allowed = self._allowed_down(conn, len(piece))
                    if allowed < len(piece):
                        if allowed:
                            writer.write(piece[:allowed])
                            self._count_down(conn, allowed)
                            with contextlib.suppress(OSError, ConnectionError):
                                await writer.drain()
                        self.stats["cuts"] += 1
                        self._abort(conn, rst=False)
                        return
                    self._count_down(conn, len(piece))
                else:
                    self.stats["bytes_up"] += len(piece)
                writer.write(piece)
                try:
                    await writer.drain()
                except (OSError, ConnectionError):
                    self._abort(conn, rst=True)
                    return

    def _allowed_down(self, conn: _Conn, n: int) -> int:
        limit = self.cut_after
        if not limit:
            return n
        if self.cut_mode == "cumulative":
            with self._lock:
                if self._next_cut is None:
                    self._next_cut = self._total_down + limit
                left = self._next_cut - self._total_down
                if n >= left:
                    self._next_cut += limit
                    return max(0, left)
                return n
        left = limit - conn.down
        return n if n < left else max(0, left)

    def _count_down(self, conn: _Conn, n: int) -> None:
        conn.down += n
        self._total_down += n
        self.stats["bytes_down"] += n


def _main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m tests.faultproxy")
    p.add_argument("upstream_port", type=int)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--latency", type=float, default=0.0)
    p.add_argument("--bandwidth", type=float, default=None)
    p.add_argument("--cut-after", type=int, default=None)
    p.add_argument("--cut-mode", default="connection", choices=["connection", "cumulative"])
    a = p.parse_args(argv)
    proxy = FaultProxy(a.upstream_port, listen_port=a.port)
    proxy.latency = a.latency
    proxy.bandwidth = a.bandwidth
    proxy.set_cut(a.cut_after, a.cut_mode)
    proxy.start()
    print(f"listening on {proxy.url} -> 127.0.0.1:{a.upstream_port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        proxy.stop()


if __name__ == "__main__":
    _main()
