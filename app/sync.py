"""The sync engine: push the outbox, pull every tracked scope, stay live by long-poll.

``SyncEngine(store, client)`` is Qt-free and runs on any asyncio loop (qasync in the app,
a plain loop in the CLI and the tests). One engine per signed-in session.

A round is: push pending outbox items in ``seq`` order (batches of <= 500 items and
<= ~3 MiB, a bigger mutation alone; each batch is marked ``sent`` before it goes out and
its results recorded after; a lost reply is simply retried later with the SAME seqs),
then pull every tracked scope until all are complete.
Each pulled page of a scope is applied with its cursor in ONE store transaction
(``syncstate.apply_page`` on the store's writer thread), so a killed or cancelled sync
resumes where it stopped. The pull is pipelined: while page N is applied on the writer
thread, page N+1 is already being fetched.

Live mode (``start()``): after a round, one long-poll pull (``wait=25``) waits for news;
``wake()`` (call it after every local write) cuts the wait short and pushes at once.
Failures back off exponentially with full jitter (base 0.5 s, cap 60 s) and honour
``Retry-After``. A 401 stops the engine in the ``signed_out`` state.

Listeners (``add_listener``) receive the dataclasses of ``app.events``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, TypeVar

import orjson

from app.client import (
    ApiClient,
    ApiError,
    ClientError,
    NetworkError,
    ProtocolError,
    PullReply,
    ScopePage,
    SignedOut,
    parse_server_time,
)
from app.events import (
    Changed,
    ConnState,
    Event,
    Listener,
    Progress,
    PushResult,
    ScopeProblem,
    StateChanged,
)
from offline_cache import outbox, search, syncstate

log = logging.getLogger(__name__)

T = TypeVar("T")

MAX_SCOPES_PER_PULL = 64
PUSH_BATCH = 500
# A push body stays under ~3 MiB (the server's limit is 4 MiB): batches are cut by bytes
# as well as by count.
PUSH_MAX_BYTES = 3 * 1024 * 1024
MIN_LIMIT = 100
MAX_LIMIT = 5000
# After this many products applied (a large initial sync), the live loop merges the
# full-text index while idle, in bounded steps (search.merge_index), so later searches
# scan fewer index segments.
MERGE_AFTER_ITEMS = 20_000
MERGE_STEP_PAGES = 500
MERGE_MAX_STEPS = 10_000


class StoreLike(Protocol):
    async def read(self, fn: Callable[..., T], *args: Any, **kw: Any) -> T: ...
    async def write(self, fn: Callable[..., T], *args: Any, **kw: Any) -> T: ...


class CacheError(ClientError):
    """The local cache could not be written (disk full, I/O error): sync stops, data is safe."""


@dataclass
class SyncStats:
    """Counters for the status bar and the benchmarks (since the engine was made)."""

    pull_requests: int = 0
    pull_bytes: int = 0  # wire bytes of every pull reply, including cut-off ones
    applied_bytes: int = 0  # wire bytes of pull replies whose pages were applied
    items_applied: int = 0
    pushed: int = 0
    rejected: int = 0
    resets: int = 0
    failures: int = 0

    @property
    def wasted_bytes(self) -> int:
        """Bytes received but not applied (cut replies, discarded pages): fetched twice."""
        return max(0, self.pull_bytes - self.applied_bytes)


@dataclass
class SyncSummary:
    """What ``sync_once`` did."""

    pushed: int = 0
    rejected: int = 0
    pulled: int = 0
    complete: bool = False
    pending: int = 0
    problems: list[str] = field(default_factory=list)


def scope_order(scope: str) -> tuple[int, int, str]:
    """Pull order: directory, me, company scopes, then sections."""
    kind, _, rest = scope.partition(":")
    rank = {"directory": 0, "me": 1, "company": 2, "section": 3}.get(kind, 4)
    num = int(rest) if rest.isdigit() else 0
    return (rank, num, scope)


def _apply_pages(db: Any, pages: list[ScopePage]) -> list[Any]:
    """Apply the pages of one pull reply, each with its cursor, in ONE transaction.

    A page of a scope untracked meanwhile is dropped by ``apply_page``.
    """
    out = []
    for p in pages:
        if p.product_rows:
            out.append(syncstate.apply_page(
                db, p.scope, p.changes, p.cursor or "", p.complete,
                product_rows=p.product_rows, product_columns=p.product_columns))
        else:
            out.append(syncstate.apply_page(db, p.scope, p.changes, p.cursor or "", p.complete))
    return out


def _mutation_bytes(item: Any) -> int:
    """About the bytes of one mutation in the push body."""
    return len(orjson.dumps(_item_field(item, "args"))) + len(str(_item_field(item, "type"))) + 48


def _within_push_bytes(items: list[Any], limit: int | None = None) -> list[Any]:
    """The longest prefix of ``items`` whose push body stays under ``PUSH_MAX_BYTES``
    (the server refuses bodies over 4 MiB with 413); always at least the first item, so
    a big mutation (a catalog import) goes out alone."""
    budget = PUSH_MAX_BYTES if limit is None else limit
    total = 64
    for n, item in enumerate(items):
        total += _mutation_bytes(item)
        if total > budget and n > 0:
            return items[:n]
    return items


def _reset_if_tracked(db: Any, scope: str) -> Any:
    if scope not in syncstate.get_cursors(db):
        return None
    return syncstate.reset_scope(db, scope)


def _pending_count(db: Any) -> int:
    c = outbox.counts(db)
    return int(c.get("pending", 0)) + int(c.get("sent", 0))


def _section_counts(db: Any) -> dict[int, int]:
    from offline_cache import queries

    out: dict[int, int] = {}
    for row in queries.list_sections(db):
        sid, count = row.get("id"), row.get("product_count")
        if isinstance(sid, int) and isinstance(count, int):
            out[sid] = count
    return out


def _item_field(item: Any, name: str) -> Any:
    return item[name] if isinstance(item, dict) else getattr(item, name)


class _ScopeProgress:
    __slots__ = ("done", "from_start")

    def __init__(self, from_start: bool) -> None:
        self.done = 0
        self.from_start = from_start


class SyncEngine:
    """Push/pull/live loop over one Store and one ApiClient."""

    def __init__(
        self,
        store: StoreLike,
        client: ApiClient,
        *,
        page_limit: int = 1000,
        adaptive_limit: bool = True,
        live_wait: float = 25,
        backoff_base: float = 0.5,
        backoff_cap: float = 60.0,
        target_page_seconds: float = 0.5,
        rng: random.Random | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.limit = max(MIN_LIMIT, min(MAX_LIMIT, page_limit))
        self.adaptive_limit = adaptive_limit
        self.live_wait = live_wait
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.target_page_seconds = target_page_seconds
        self.stats = SyncStats()
        self._rng = rng or random.Random()
        self._listeners: list[Listener] = []
        self._state = ConnState.OFFLINE
        self._message = ""
        self._last_synced: datetime | None = None
        self._pending = 0
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._scopes_dirty = True
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client_id: str | None = None
        self._section_counts: dict[int, int] = {}
        self._progress: dict[str, _ScopeProgress] = {}
        self._run_started = time.monotonic()
        self._run_items = 0
        self._run_bytes0 = 0
        self._unmerged = 0  # items applied since the full-text index was last merged
        self._merge_task: asyncio.Task[None] | None = None
        self._push_problem: str | None = None
        self._scope_problem: str | None = None
        self._bytes_since_cut = 0  # pull bytes since the last connection cut
        self._cut_interval: float | None = None  # average bytes between cuts, once seen

    # ------------------------------------------------------------------ listeners/state

    def add_listener(self, fn: Listener) -> Callable[[], None]:
        """Register ``fn(event)``; returns a function that removes it."""
        self._listeners.append(fn)

        def remove() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(fn)

        return remove

    def _emit(self, event: Event) -> None:
        for fn in list(self._listeners):
            try:
                fn(event)
            except Exception:
                log.exception("sync listener failed on %r", type(event).__name__)

    @property
    def state(self) -> ConnState:
        return self._state

    @property
    def last_synced(self) -> datetime | None:
        return self._last_synced

    @property
    def pending(self) -> int:
        return self._pending

    @property
    def message(self) -> str:
        return self._message

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def _set_state(self, state: ConnState, message: str | None = None) -> None:
        msg = self._message if message is None else message
        if state == self._state and msg == self._message:
            return
        self._state = state
        self._message = msg
        self._emit_state()

    def _emit_state(self) -> None:
        self._emit(StateChanged(self._state, self._last_synced, self._pending, self._message))

    async def refresh_pending(self) -> int:
        """Re-read the outbox counts; emits StateChanged when they changed."""
        n = await self.store.read(_pending_count)
        if n != self._pending:
            self._pending = n
            self._emit_state()
        return n

    # ------------------------------------------------------------------ control

    def wake(self) -> None:
        """A local write happened: push now. Safe from any thread; never blocks."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                same = asyncio.get_running_loop() is loop
            except RuntimeError:
                same = False
            if not same:
                loop.call_soon_threadsafe(self._wake.set)
                return
        self._wake.set()

    async def start(self) -> None:
        """Run the live loop in the background (idempotent)."""
        if self.running:
            return
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.create_task(self._live(), name="fairdesk-sync")

    async def stop(self) -> None:
        """Stop the live loop; the cache stays consistent (every page is one transaction)."""
        merge, self._merge_task = self._merge_task, None
        if merge is not None:
            merge.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await merge
        task, self._task = self._task, None
        if task is None:
            return
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        if self._state not in (ConnState.SIGNED_OUT,):
            self._set_state(ConnState.OFFLINE, "")

    async def local_write(self, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
        """Run a local-first write fn on the store, report it, and push it at once."""
        cs = await self.store.write(fn, *args, **kw)
        if cs:
            self._emit(Changed(cs))
        await self.refresh_pending()
        self.wake()
        return cs

    def set_signed_out(self, message: str = "Signed out.") -> None:
        """Show the signed-out state (after ``AppSession.sign_out``)."""
        self._set_state(ConnState.SIGNED_OUT, message)

    async def track(self, scope: str) -> None:
        """Start caching a scope (e.g. ``company:9`` for staff); pulled on the next round."""
        await self.store.write(syncstate.track_scope, scope)
        self._scopes_dirty = True
        self.wake()

    async def untrack(self, scope: str) -> None:
        cs = await self.store.write(syncstate.untrack_scope, scope)
        self._scopes_dirty = True
        self._progress.pop(scope, None)
        if cs:
            self._emit(Changed(cs))
        self.wake()

    async def follow(self, section_id: int) -> None:
        """Follow a section: its products download on the next round."""
        await self.track(f"section:{int(section_id)}")

    async def unfollow(self, section_id: int) -> None:
        """Unfollow a section: its products are evicted from the cache."""
        await self.untrack(f"section:{int(section_id)}")

    async def ensure_default_scopes(self, extra: Iterable[str] = ()) -> None:
        """Track ``directory`` and ``me`` (and ``extra``) if they are not tracked yet."""
        cursors = await self.store.read(syncstate.get_cursors)
        for scope in ("directory", "me", *extra):
            if scope not in cursors:
                await self.store.write(syncstate.track_scope, scope)
                self._scopes_dirty = True

    # ------------------------------------------------------------------ one-shot sync

    async def sync_once(self, *, attempts: int = 1) -> SyncSummary:
        """Push everything, then pull every tracked scope until complete.

        Transient failures (network, 5xx, 429) are retried with backoff up to
        ``attempts`` times in all; the last error is raised (a ``ClientError``).
        """
        summary = SyncSummary()
        failures = 0
        while True:
            try:
                async with self._lock:
                    self._begin_run()
                    self._set_state(ConnState.SYNCING, "")
                    await self._push_all(summary)
                    summary.pulled += await self._pull_until_complete()
                self._after_complete()
                summary.complete = True
                summary.pending = self._pending
                if self._push_problem:
                    summary.problems.append(self._push_problem)
                if self._scope_problem:
                    summary.problems.append(self._scope_problem)
                return summary
            except SignedOut:
                self._set_state(ConnState.SIGNED_OUT, "Signed out: please sign in again.")
                raise
            except ClientError as exc:  # NetworkError, ApiError, ProtocolError, CacheError
                self.stats.failures += 1
                failures += 1
                self._report_failure(exc)
                if failures >= attempts or not _retryable(exc):
                    raise
                await asyncio.sleep(self._backoff_delay(failures - 1, exc))

    # ------------------------------------------------------------------ live loop

    async def _live(self) -> None:
        failures = 0
        caught_up = False
        cursors: dict[str, str | None] = {}
        while True:
            try:
                async with self._lock:
                    if not caught_up or self._wake.is_set() or self._scopes_dirty:
                        self._wake.clear()
                        self._begin_run()
                        self._set_state(ConnState.SYNCING, "")
                        await self._push_all(SyncSummary())
                        await self._pull_until_complete()
                        self._after_complete()
                        caught_up = True
                    self._maybe_merge_index()
                    cursors = await self.store.read(syncstate.get_cursors)
                failures = 0
                if self._wake.is_set() or self._scopes_dirty:
                    continue
                reply = await self._long_poll(cursors)
                if reply is None:  # woken by a local write or a follow
                    continue
                async with self._lock:
                    if self._scopes_dirty:
                        caught_up = False  # the scope set changed; re-pull properly
                        continue
                    state = _PullState(self, dict(cursors))
                    await state.handle_reply(reply)
                    await state.finish()
                    caught_up = not state.incomplete and not state.needs_repull
                    if caught_up:
                        self._mark_synced(reply.server_time)
            except asyncio.CancelledError:
                raise
            except SignedOut:
                self._set_state(ConnState.SIGNED_OUT, "Signed out: please sign in again.")
                return
            except Exception as exc:  # never let the loop die on an unexpected error
                self.stats.failures += 1
                if not isinstance(exc, ClientError):
                    log.exception("sync round failed")
                self._report_failure(exc)
                caught_up = False
                delay = self._backoff_delay(failures, exc)
                failures += 1
                interruptible = not (isinstance(exc, ApiError) and exc.retry_after)
                await self._sleep(delay, interruptible=interruptible)

    async def _long_poll(self, cursors: dict[str, str | None]) -> PullReply | None:
        scopes = dict(
            sorted(cursors.items(), key=lambda kv: scope_order(kv[0]))[:MAX_SCOPES_PER_PULL]
        )
        if not scopes:
            await self._wake.wait()
            return None
        before = self.client.bytes_received
        poll = asyncio.ensure_future(
            self.client.pull(scopes, limit=self.limit, wait=self.live_wait, product_rows=True)
        )
        waker = asyncio.ensure_future(self._wake.wait())
        try:
            done, _ = await asyncio.wait({poll, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            waker.cancel()
            if not poll.done():
                poll.cancel()
                with contextlib.suppress(BaseException):
                    await poll
                self.stats.pull_bytes += self.client.bytes_received - before
        if poll not in done or poll.cancelled():
            return None
        try:
            reply = poll.result()
        except Exception:
            self.stats.pull_bytes += self.client.bytes_received - before
            raise
        self.stats.pull_requests += 1
        self.stats.pull_bytes += reply.wire_bytes
        return reply

    async def _sleep(self, delay: float, *, interruptible: bool) -> None:
        if not interruptible:
            await asyncio.sleep(delay)
            return
        self._wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout=delay)

    def _backoff_delay(self, failures: int, exc: BaseException | None = None) -> float:
        """Full jitter: uniform(0, min(cap, base * 2**failures)), at least Retry-After."""
        ceiling = min(self.backoff_cap, self.backoff_base * (2 ** min(failures, 30)))
        delay = self._rng.uniform(0, ceiling)
        if isinstance(exc, ApiError) and exc.retry_after is not None:
            delay = max(delay, min(exc.retry_after, 3600.0))
        return delay

    def _report_failure(self, exc: BaseException) -> None:
        if isinstance(exc, NetworkError):
            self._set_state(ConnState.OFFLINE, str(exc))
        elif isinstance(exc, ApiError) and exc.transient:
            self._set_state(ConnState.ERROR, f"The server is busy ({exc.code}); retrying.")
        else:
            self._set_state(ConnState.ERROR, str(exc) or type(exc).__name__)

    # ------------------------------------------------------------------ run bookkeeping

    def _begin_run(self) -> None:
        self._run_started = time.monotonic()
        self._run_items = 0
        self._run_bytes0 = self.client.bytes_received
        self._progress.clear()
        self._scope_problem = None

    def _after_complete(self) -> None:
        if self._push_problem:
            self._set_state(ConnState.ERROR, self._push_problem)
        elif self._scope_problem:
            self._set_state(ConnState.ERROR, self._scope_problem)
        else:
            self._set_state(ConnState.ONLINE, "")

    def _mark_synced(self, server_time: str) -> None:
        when = parse_server_time(server_time)
        if when is not None:
            self._last_synced = when
            self._emit_state()

    # ------------------------------------------------------------------ index merging

    def _maybe_merge_index(self) -> None:
        """After a large sync, merge the full-text index in the background while idle."""
        if self._unmerged < MERGE_AFTER_ITEMS:
            return
        if self._merge_task is not None and not self._merge_task.done():
            return
        self._unmerged = 0
        self._merge_task = asyncio.create_task(self._merge_index(), name="fairdesk-fts-merge")

    async def _merge_index(self) -> None:
        """Bounded merge steps, each its own short write; yields to syncing in between."""
        try:
            for _ in range(MERGE_MAX_STEPS):
                while self._lock.locked():  # a sync round is running: merge after it
                    await asyncio.sleep(0.5)
                if not await self.store.write(search.merge_index, MERGE_STEP_PAGES):
                    return
                await asyncio.sleep(0.02)  # let local writes in between steps
        except asyncio.CancelledError:
            raise
        except Exception:  # maintenance only: searches work unmerged, just slower
            log.warning("merging the search index failed", exc_info=True)

    # ------------------------------------------------------------------ push

    async def _client_id_value(self) -> str:
        if self._client_id is None:
            self._client_id = str(await self.store.write(outbox.client_id))
        return self._client_id

    async def _push_all(self, summary: SyncSummary) -> None:
        self._push_problem = None
        client_id = await self._client_id_value()
        last_first: int | None = None
        while True:
            items = await self.store.read(outbox.pending, PUSH_BATCH)
            if not items:
                break
            items = _within_push_bytes(items)
            seqs = [int(_item_field(i, "seq")) for i in items]
            if seqs[0] == last_first:
                raise ProtocolError("The server did not answer the pushed mutations.")
            last_first = seqs[0]
            # attachments first: message.send (and a card.update's photo) names a file the
            # server must already hold
            if any(_item_field(i, "type") in ("message.send", "card.update") for i in items):
                from .social import upload_pending

                await upload_pending(self.store, self.client, seqs)
            # images of catalog/booth edits likewise (offline_cache.workspace.ws_uploads)
            if any(_item_field(i, "type") in ("product.upsert", "company.update") for i in items):
                from .workspace import upload_pending as upload_images

                await upload_images(self.store, self.client, seqs)
            to_mark = [
                s for s, i in zip(seqs, items, strict=True) if _item_field(i, "state") == "pending"
            ]
            if to_mark:
                await self.store.write(outbox.mark_sent, to_mark)
            mutations = [
                {"seq": s, "type": _item_field(i, "type"), "args": _item_field(i, "args")}
                for s, i in zip(seqs, items, strict=True)
            ]
            try:
                reply = await self.client.push(client_id, mutations)
            except ApiError as exc:
                if exc.code in ("sequence-gap", "client-id-taken"):
                    self._push_problem = _push_problem_text(exc)
                    log.warning("push blocked: %s", exc)
                    break
                raise
            wanted = set(seqs)
            results = [r for r in reply.results if r["seq"] in wanted]
            cs = await self.store.write(outbox.record_results, results)
            applied = sum(1 for r in results if r["status"] == "applied")
            rejections = tuple(
                (int(r["seq"]), str(r.get("code") or ""), str(r.get("reason") or ""))
                for r in results
                if r["status"] == "rejected"
            )
            summary.pushed += applied
            summary.rejected += len(rejections)
            self.stats.pushed += applied
            self.stats.rejected += len(rejections)
            if cs:
                self._emit(Changed(cs))
            self._emit(PushResult(applied, len(rejections), rejections))
            await self.refresh_pending()
        await self.refresh_pending()

    # ------------------------------------------------------------------ pull

    async def _pull_until_complete(self) -> int:
        """Pull every tracked scope until all are complete; returns items applied."""
        if not self._section_counts:
            try:
                self._section_counts = await self.store.read(_section_counts)
            except Exception:  # only used for progress estimates
                log.debug("section counts unavailable", exc_info=True)
        cursors = await self.store.read(syncstate.get_cursors)
        self._scopes_dirty = False
        state = _PullState(self, cursors)
        items0 = self._run_items
        try:
            while True:
                if self._scopes_dirty:
                    self._scopes_dirty = False
                    state.refresh(await self.store.read(syncstate.get_cursors))
                if not state.incomplete:
                    break
                scopes = state.request_scopes()
                before = self.client.bytes_received
                t0 = time.monotonic()
                try:
                    reply = await self.client.pull(
                        scopes, limit=self.limit, wait=0, product_rows=True
                    )
                except NetworkError:
                    got = self.client.bytes_received - before
                    self.stats.pull_bytes += got
                    self._note_cut(got)
                    raise
                except ApiError as exc:
                    self.stats.pull_bytes += self.client.bytes_received - before
                    if exc.status == 400 and exc.code in ("invalid-cursor", "invalid-scope"):
                        await state.wait_applied()
                        await self._repair_scopes(state)
                        continue
                    raise
                except ProtocolError:
                    self.stats.pull_bytes += self.client.bytes_received - before
                    raise
                elapsed = time.monotonic() - t0
                self.stats.pull_requests += 1
                self.stats.pull_bytes += reply.wire_bytes
                self._bytes_since_cut += reply.wire_bytes
                self._adapt_limit(reply, elapsed)
                await state.handle_reply(reply)
                if state.needs_repull:
                    state.needs_repull = False
            await state.finish()
            if state.last_server_time:
                self._mark_synced(state.last_server_time)
        finally:
            await state.drain()
        return self._run_items - items0

    def _adapt_limit(self, reply: PullReply, elapsed: float) -> None:
        """Size pages so one takes ~``target_page_seconds`` to arrive on this link.

        The link's speed is estimated from the time spent receiving the reply's body
        (not the round trip or the server's work), so a long round trip does not shrink
        pages. Small pages on a slow link keep a cut connection from wasting much.
        """
        if not self.adaptive_limit:
            return
        n = sum(p.item_count for p in reply.scopes.values())
        if n < 50 or reply.wire_bytes < 4096:
            return  # too small to measure the link
        per_item = reply.wire_bytes / n
        transfer = max(reply.body_seconds, 1e-3)
        throughput = reply.wire_bytes / transfer
        target_bytes = min(8 << 20, max(32 << 10, throughput * self.target_page_seconds))
        if self._cut_interval is not None:
            # a link that drops connections every ~N bytes: pages of N/10 lose ~5% at most
            target_bytes = min(target_bytes, max(8 << 10, self._cut_interval / 10))
        wanted = int(target_bytes / per_item)
        # move gradually (at most x2 up) so one fast reply does not overshoot a slow link
        wanted = min(wanted, self.limit * 2)
        self.limit = max(MIN_LIMIT, min(MAX_LIMIT, wanted))

    def _note_cut(self, got: int) -> None:
        """A pull failed after receiving ``got`` bytes: learn how often the link cuts."""
        self._bytes_since_cut += got
        if got <= 0:
            return  # not a cut mid-reply (refused, timed out before the reply)
        interval = float(self._bytes_since_cut)
        old = self._cut_interval
        self._cut_interval = interval if old is None else 0.5 * old + 0.5 * interval
        self._bytes_since_cut = 0
        if self.adaptive_limit:
            self.limit = max(MIN_LIMIT, self.limit // 2)

    async def _repair_scopes(self, state: _PullState) -> None:
        """After a whole-request 400: find the scopes the server refuses, one by one."""
        for scope, cursor in list(state.cursors.items()):
            if scope not in state.incomplete:
                continue
            try:
                await self.client.pull({scope: cursor}, limit=1, wait=0)
            except ApiError as exc:
                if exc.status != 400:
                    raise
                if exc.code == "invalid-cursor":
                    log.warning("cursor of %s refused by the server; re-syncing it", scope)
                    await self._reset(scope, state)
                else:
                    await self._untrack_problem(scope, exc.code, exc.detail, state)

    async def _reset(self, scope: str, state: _PullState) -> None:
        cs = await self.store.write(_reset_if_tracked, scope)
        self.stats.resets += 1
        state.cursors[scope] = None
        self._progress[scope] = _ScopeProgress(True)
        if cs:
            self._emit(Changed(cs))

    async def _untrack_problem(self, scope: str, code: str, detail: str, state: _PullState) -> None:
        cs = await self.store.write(syncstate.untrack_scope, scope)
        state.cursors.pop(scope, None)
        state.incomplete.discard(scope)
        self._progress.pop(scope, None)
        if cs:
            self._emit(Changed(cs))
        self._emit(ScopeProblem(scope, code, detail, untracked=True))

    def _scope_error(self, page: ScopePage, state: _PullState) -> Awaitable[None] | None:
        err = page.error or {}
        code = str(err.get("code") or "error")
        detail = str(err.get("detail") or err.get("title") or code)
        kind = page.scope.partition(":")[0]
        if code in ("forbidden", "not-found") and kind in ("section", "company"):
            log.info("scope %s refused (%s); no longer tracked", page.scope, code)
            return self._untrack_problem(page.scope, code, detail, state)
        state.incomplete.discard(page.scope)
        self._scope_problem = f"{page.scope}: {detail}"
        self._emit(ScopeProblem(page.scope, code, detail, untracked=False))
        return None

    def _record_applied(self, scope: str, n: int) -> None:
        self._run_items += n
        self._unmerged += n
        self.stats.items_applied += n

    def _emit_progress(self, scope: str, complete: bool) -> None:
        prog = self._progress.get(scope)
        if prog is None:
            return
        expected: int | None = None
        if prog.from_start and scope.startswith("section:"):
            sid = scope.partition(":")[2]
            if sid.isdigit():
                expected = self._section_counts.get(int(sid))
        elapsed = max(1e-6, time.monotonic() - self._run_started)
        rate = self._run_items / elapsed
        eta: float | None = None
        if expected is not None:
            left = max(0, expected - prog.done)
            eta = 0.0 if complete else (left / rate if rate > 0 else None)
        self._emit(
            Progress(
                scope=scope,
                done=prog.done,
                expected=expected,
                bytes_received=self.client.bytes_received - self._run_bytes0,
                rate=rate,
                eta=eta,
                complete=complete,
            )
        )


def _retryable(exc: BaseException) -> bool:
    if isinstance(exc, NetworkError):
        return True
    return isinstance(exc, ApiError) and exc.transient


def _push_problem_text(exc: ApiError) -> str:
    if exc.code == "sequence-gap":
        return (
            "The server does not know some earlier changes from this computer "
            f"(it expects change #{exc.problem.get('expected_seq')}); unsent changes are kept."
        )
    return (
        "This profile's changes belong to another account on this server; unsent changes are kept."
    )


class _PullState:
    """Cursors and completion of one pull run, with the pipelined apply task."""

    def __init__(self, engine: SyncEngine, cursors: dict[str, str | None]) -> None:
        self.engine = engine
        self.cursors = dict(cursors)
        self.incomplete: set[str] = set(self.cursors)
        self.needs_repull = False
        self.last_server_time = ""
        self._apply: asyncio.Task[None] | None = None
        for scope, cursor in self.cursors.items():
            engine._progress.setdefault(scope, _ScopeProgress(cursor is None))

    def refresh(self, tracked: dict[str, str | None]) -> None:
        for scope in list(self.cursors):
            if scope not in tracked:
                self.cursors.pop(scope, None)
                self.incomplete.discard(scope)
        for scope, cursor in tracked.items():
            if scope not in self.cursors:
                self.cursors[scope] = cursor
                self.incomplete.add(scope)
                self.engine._progress.setdefault(scope, _ScopeProgress(cursor is None))

    def request_scopes(self) -> dict[str, str | None]:
        ordered = sorted(self.incomplete, key=scope_order)[:MAX_SCOPES_PER_PULL]
        return {s: self.cursors[s] for s in ordered}

    async def wait_applied(self) -> None:
        task, self._apply = self._apply, None
        if task is not None:
            await task

    async def handle_reply(self, reply: PullReply) -> None:
        """Update cursors from ``reply`` and start applying it (after the previous page)."""
        engine = self.engine
        await self.wait_applied()  # pages are applied strictly in order
        pages: list[tuple[ScopePage, str | None]] = []
        progressed = False
        for scope, page in reply.scopes.items():
            if scope not in self.cursors:
                continue  # not asked for (or untracked meanwhile)
            if page.reset:
                await engine._reset(scope, self)
                self.incomplete.add(scope)
                progressed = True
                continue
            if page.error is not None:
                pending = engine._scope_error(page, self)
                if pending is not None:
                    await pending
                progressed = True
                continue
            old = self.cursors[scope]
            self.cursors[scope] = page.cursor
            if page.complete:
                self.incomplete.discard(scope)
                progressed = True
            else:
                self.incomplete.add(scope)
            items = page.item_count
            if items or page.cursor != old:
                progressed = progressed or bool(items) or page.cursor != old
                pages.append((page, old))
            self._capture_sections(page)
        if not progressed and self.incomplete:
            raise ProtocolError("The server's pull reply made no progress.")
        self.last_server_time = reply.server_time or self.last_server_time
        self._apply = asyncio.ensure_future(self._apply_pages(pages, reply.wire_bytes))

    def _capture_sections(self, page: ScopePage) -> None:
        if page.scope != "directory":
            return
        counts = self.engine._section_counts
        for ch in page.changes:
            if ch.get("entity") == "section" and ch.get("op") == "upsert":
                data = ch.get("data") or {}
                count = data.get("product_count")
                if isinstance(count, int) and isinstance(ch.get("id"), int):
                    counts[ch["id"]] = count

    async def _apply_pages(
        self, pages: list[tuple[ScopePage, str | None]], wire_bytes: int
    ) -> None:
        engine = self.engine
        if pages:
            batch = [p for p, _old in pages]
            try:
                results = await engine.store.write(_apply_pages, batch)
            except ValueError as exc:  # offline_cache.syncstate.MalformedPage
                raise ProtocolError(f"The server sent a page the cache cannot use: {exc}") from exc
            except Exception as exc:
                raise CacheError(f"Could not save synced data in the cache: {exc}") from exc
            for (page, _old), cs in zip(pages, results, strict=True):
                n = page.item_count
                prog = engine._progress.setdefault(page.scope, _ScopeProgress(False))
                prog.done += n
                engine._record_applied(page.scope, n)
                if cs:
                    engine._emit(Changed(cs))
                engine._emit_progress(page.scope, page.complete)
        engine.stats.applied_bytes += wire_bytes

    async def finish(self) -> None:
        await self.wait_applied()

    async def drain(self) -> None:
        """On the way out (error or cancellation): let a started apply finish."""
        task, self._apply = self._apply, None
        if task is None:
            return
        if not task.done():
            try:
                await asyncio.shield(task)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("applying a pulled page failed")
                return
        elif not task.cancelled() and task.exception() is not None:
            log.warning("applying a pulled page failed: %s", task.exception())
