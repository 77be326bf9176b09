"""An asyncio event loop on its own thread for a client's network I/O.

The desktop app runs its asyncio loop inside Qt's event loop on the GUI thread. httpx,
httpcore and h11 are pure Python: every request sent and every reply parsed and
decompressed there is time in which the window cannot repaint (a search grid loading
its thumbnails makes dozens of requests per scroll step, a sync hundreds of pulls).
An ``ApiClient`` given a ``NetworkThread`` sends its requests and reads their replies on
this thread's loop; the caller's loop sees one callback per finished exchange.

    net = NetworkThread()
    value = await net.run(some_coroutine_function, arg)   # runs on the network thread
    net.stop()                                            # after the last run finished

``run`` is cancellation-safe both ways: cancelling the caller cancels the work on the
network thread (a long poll ends at once), and work cancelled there is reported to the
caller as a cancellation. Nothing else about the caller's loop is touched.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class NetworkClosed(RuntimeError):
    """``run`` after ``stop``."""


class NetworkThread:
    """A daemon thread running an asyncio loop; ``await run(fn, *args)`` from any loop."""

    def __init__(self, name: str = "fairdesk-net") -> None:
        self.name = name
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._closed = False
        self._thread = threading.Thread(target=self._main, name=name, daemon=True)
        self._thread.start()
        self._ready.wait()

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    @property
    def closed(self) -> bool:
        return self._closed

    def in_thread(self) -> bool:
        return threading.current_thread() is self._thread

    def _main(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.call_soon(self._ready.set)
        try:
            self._loop.run_forever()
        finally:
            try:
                pending = [t for t in asyncio.all_tasks(self._loop) if not t.done()]
                for task in pending:
                    task.cancel()
                if pending:
                    self._loop.run_until_complete(
                        asyncio.gather(*pending, return_exceptions=True))
                self._loop.run_until_complete(self._loop.shutdown_asyncgens())
            finally:
                self._loop.close()

    async def run(self, fn: Callable[..., Awaitable[T]], *args: Any) -> T:
        """``await fn(*args)`` on the network thread's loop; its result or exception here."""
        if self.in_thread():
            return await fn(*args)
        if self._closed:
            raise NetworkClosed("The network thread was stopped.")
        caller = asyncio.get_running_loop()
        result: asyncio.Future[T] = caller.create_future()
        started: list[asyncio.Task[T]] = []

        def copy(task: asyncio.Task[T]) -> None:  # on the caller's loop
            if result.done():
                return
            if task.cancelled():
                result.cancel()
                return
            exc = task.exception()
            if exc is not None:
                result.set_exception(exc)
            else:
                result.set_result(task.result())

        def deliver(task: asyncio.Task[T]) -> None:  # on the network thread
            if not task.cancelled():
                task.exception()  # retrieved here: the caller may have given up meanwhile
            with contextlib.suppress(RuntimeError):  # the caller's loop is closed: nobody waits
                caller.call_soon_threadsafe(copy, task)

        async def call() -> T:
            return await fn(*args)

        def start() -> None:  # on the network thread
            if result.cancelled():  # the caller gave up before it started
                return
            task = self._loop.create_task(call())
            started.append(task)
            task.add_done_callback(deliver)

        try:
            self._loop.call_soon_threadsafe(start)
        except RuntimeError as exc:  # stopped meanwhile
            raise NetworkClosed("The network thread was stopped.") from exc
        try:
            return await result
        except asyncio.CancelledError:
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(_cancel_started, started)
            raise

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the loop (work still running there is cancelled) and join the thread."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(self._loop.stop)
        if not self.in_thread():
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("the network thread %s did not stop within %.0f s", self.name, timeout)


def _cancel_started(started: list[asyncio.Task[Any]]) -> None:
    for task in started:
        task.cancel()
