"""Events the sync engine reports to its listeners.

Listeners are plain callables ``fn(event) -> None`` registered with
``SyncEngine.add_listener``; they are called on the event loop's thread (in the app that
is the GUI thread, where the UI adapts them to Qt signals). A listener must be quick and
must not raise; an exception in a listener is logged and otherwise ignored.

Events are small immutable dataclasses:

- ``StateChanged(state, last_synced, pending, message)``: the connectivity state
  (``ConnState``) changed, or the pending count / last-synced time did.
- ``Progress(scope, done, expected, bytes_received, rate, eta)``: pulling a scope.
- ``Changed(changes)``: a write touched the cache (an ``offline_cache`` ChangeSet).
- ``PushResult(applied, rejected)``: outbox items were answered by the server.
- ``ScopeProblem(scope, code, detail, untracked)``: the server refused one scope.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class ConnState(StrEnum):
    """What the status bar shows."""

    OFFLINE = "offline"  # no link to the server (yet); cached data works
    SYNCING = "syncing"  # pushing or pulling
    ONLINE = "online"  # in sync, waiting for news (long-poll)
    ERROR = "error"  # the server answered with an error we cannot fix by retrying soon
    SIGNED_OUT = "signed_out"  # the token was refused; the user must sign in again


@dataclass(frozen=True, slots=True)
class StateChanged:
    state: ConnState
    last_synced: datetime | None  # server time of the last complete pull, UTC
    pending: int  # outbox items not yet answered by the server (pending + sent)
    message: str = ""  # human-readable detail (English), e.g. the last error


@dataclass(frozen=True, slots=True)
class Progress:
    scope: str
    done: int  # items applied for this scope in the current sync run
    expected: int | None  # items expected (known for a section pulled from the start)
    bytes_received: int  # wire bytes received by the sync run so far
    rate: float  # items per second over the current run
    eta: float | None  # seconds left, when `expected` is known
    complete: bool = False  # the scope is caught up


@dataclass(frozen=True, slots=True)
class Changed:
    changes: Any  # offline_cache.syncstate.ChangeSet


@dataclass(frozen=True, slots=True)
class PushResult:
    applied: int
    rejected: int
    rejections: tuple[tuple[int, str, str], ...] = field(default=())  # (seq, code, reason)


@dataclass(frozen=True, slots=True)
class ScopeProblem:
    scope: str
    code: str
    detail: str
    untracked: bool  # the engine stopped tracking the scope (e.g. a section that is gone)


Event = StateChanged | Progress | Changed | PushResult | ScopeProblem
Listener = Callable[[Event], None]
