"""qasync glue: fire-and-forget tasks that log failures instead of losing them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

log = logging.getLogger("fairdesk.ui")

_tasks: set[asyncio.Task[Any]] = set()
_errors: list[BaseException] = []


def spawn(coro: Coroutine[Any, Any, Any], name: str = "") -> asyncio.Task[Any]:
    """Run ``coro`` on the running qasync loop; keep a reference; log any failure."""
    loop = asyncio.get_event_loop()
    task = loop.create_task(coro, name=name or None)
    _tasks.add(task)
    task.add_done_callback(_done)
    return task


def _done(task: asyncio.Task[Any]) -> None:
    _tasks.discard(task)
    if task.cancelled():
        return
    exc = task.exception()
    if exc is None:
        return
    if _benign(exc):
        log.debug("background task %s ended: %s", task.get_name(), exc)
        return
    _errors.append(exc)
    log.error("background task %s failed", task.get_name(), exc_info=exc)


def _benign(exc: BaseException) -> bool:
    """A page that was closed meanwhile (its widgets are gone: the window was rebuilt for
    another language, or the app is quitting), or a store closed at shutdown."""
    if isinstance(exc, RuntimeError) and "already deleted" in str(exc):
        return True
    return type(exc).__name__ == "StoreClosed"


def take_errors() -> list[BaseException]:
    """Failures of background tasks since the last call (used by smoke mode and tests)."""
    out = list(_errors)
    _errors.clear()
    return out


async def cancel_all() -> None:
    tasks = [t for t in _tasks if not t.done()]
    for t in tasks:
        t.cancel()
    if tasks:
        await asyncio.gather(*tasks, return_exceptions=True)
