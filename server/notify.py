"""Long-poll wake-ups: an in-process notifier signalled after each commit.

Writers (in worker threads) call :meth:`Notifier.notify` with the internal scope keys
their commit touched (``directory``, ``section:12``, ``company:9``, ``me:<user id>``).
Waiting pulls register their scope keys and are woken on the event loop.  Across
several worker processes, waiters also re-check the database about once a second
(see :mod:`server.sync`), so this is an accelerator, not the source of truth.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable


class Waiter:
    def __init__(self, notifier: Notifier, keys: frozenset[str]) -> None:
        self._notifier = notifier
        self.keys = keys
        self.event = asyncio.Event()
        self.loop = asyncio.get_running_loop()

    async def wait(self, timeout: float) -> bool:
        """True if woken by a relevant commit, False on timeout."""
        try:
            await asyncio.wait_for(self.event.wait(), timeout)
        except TimeoutError:
            return False
        return True

    def clear(self) -> None:
        self.event.clear()

    def close(self) -> None:
        self._notifier._remove(self)

    def __enter__(self) -> Waiter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Notifier:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: set[Waiter] = set()
        self.closed = False

    def close(self) -> None:
        """The server is shutting down: wake every waiter (they answer at once)."""
        self.closed = True
        with self._lock:
            targets = list(self._waiters)
        for w in targets:
            try:
                w.loop.call_soon_threadsafe(w.event.set)
            except RuntimeError:  # loop closed
                self._remove(w)

    def waiter(self, keys: Iterable[str]) -> Waiter:
        """Register interest in ``keys`` (call from the event loop)."""
        w = Waiter(self, frozenset(keys))
        with self._lock:
            self._waiters.add(w)
        return w

    def _remove(self, w: Waiter) -> None:
        with self._lock:
            self._waiters.discard(w)

    def notify(self, keys: Iterable[str]) -> None:
        """Wake the waiters interested in any of ``keys``. Thread-safe."""
        ks = set(keys)
        if not ks:
            return
        with self._lock:
            targets = [w for w in self._waiters if w.keys & ks]
        for w in targets:
            try:
                w.loop.call_soon_threadsafe(w.event.set)
            except RuntimeError:  # loop closed
                self._remove(w)

    @property
    def waiting(self) -> int:
        with self._lock:
            return len(self._waiters)
