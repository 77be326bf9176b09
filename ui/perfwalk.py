"""``fairdesk --perf-walk KIND``: scripted walks for the desktop benchmarks (bench.bench_desktop).

Each walk drives the real window headless (offscreen) and prints one JSON line:

- ``memory``: the fair (booth list shown), the search page with every cached product
  (empty text) scrolled to the end of the result, then 50 product pages; peak RSS.
- ``scroll``: rows rendered per second in the booth list and in the search grid and
  list (with thumbnails), each beside the same view over an in-memory model.
- ``lag``: sign in on ``--server``, follow sections until about ``FAIRDESK_WALK_PRODUCTS``
  products (default 100,000) are to be synced, run the initial sync while scrolling the
  search results and typing searches; the largest event-loop stall (``--loop-lag-probe``)
  during start-up and during the sync.

No timing here is a test: these are measurements for ``bench/``.
"""

from __future__ import annotations

import asyncio
import collections
import json
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QTableView

if TYPE_CHECKING:
    from ui.app import FairDeskApp

WALKS = ("memory", "scroll", "lag")


def memory_kb() -> dict[str, int]:
    """VmHWM (peak RSS) and VmRSS of this process in KiB (Linux; else getrusage)."""
    out: dict[str, int] = {}
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                if key in ("VmHWM", "VmRSS"):
                    out[key] = int(rest.split()[0])
    except OSError:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        out["VmHWM"] = peak // 1024 if sys.platform == "darwin" else peak
    sq = _sqlite_memory()
    if sq is not None:
        out["sqlite"] = sq // 1024
    out["py_blocks"] = sys.getallocatedblocks()
    return out


def _sqlite_memory() -> int | None:
    """SQLite's own heap in bytes (page caches, statements), when its library is shared."""
    import ctypes
    import ctypes.util
    import sqlite3

    try:
        import _sqlite3

        lib = ctypes.CDLL(_sqlite3.__file__)
        fn = lib.sqlite3_memory_used
    except (OSError, AttributeError, ImportError):
        try:
            name = ctypes.util.find_library("sqlite3")
            if not name:
                return None
            fn = ctypes.CDLL(name).sqlite3_memory_used
        except (OSError, AttributeError):
            return None
    fn.restype = ctypes.c_int64
    del sqlite3
    return int(fn())


_T0 = time.perf_counter()


def say(msg: str) -> None:
    """Progress on stderr (the benchmark shows it when a walk fails)."""
    print(f"[walk {time.perf_counter() - _T0:7.2f}s] {msg}", file=sys.stderr, flush=True)


async def wait_until(cond: Callable[[], bool], timeout: float = 60.0) -> bool:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not cond():
        if loop.time() > deadline:
            return False
        await asyncio.sleep(0.01)
    return True


async def run_walk(app: FairDeskApp, kind: str) -> int:
    try:
        if kind == "memory":
            result = await _memory(app)
        elif kind == "scroll":
            result = await _scroll(app)
        elif kind == "lag":
            result = await _lag(app)
        else:
            raise ValueError(f"unknown walk {kind!r}")
    except Exception as exc:
        print(f"fairdesk perf walk failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return 1
    result["walk"] = kind
    print(json.dumps(result), flush=True)
    return 0


async def _open_fair(app: FairDeskApp) -> Any:
    window = app.window
    assert window is not None
    window.navigate("fair")
    fair = window.pages["fair"]
    if hasattr(fair, "directory_ready"):
        await wait_until(lambda: fair.directory_ready, 30)
    else:  # an older Fair page (the "before" figures)
        await fair.load_directory()  # type: ignore[attr-defined]
    await wait_until(lambda: fair.booth_model.rowCount() > 0, 30)  # type: ignore[attr-defined]
    return fair


def _visible_loaded(view: QAbstractItemView) -> bool:
    """Every row at the top-left and bottom-left of the viewport has its data."""
    model = view.model()
    vp = view.viewport().rect()
    for point in (vp.topLeft(), vp.bottomLeft()):
        idx = view.indexAt(point)
        if idx.isValid() and not model.data(idx, Qt.ItemDataRole.DisplayRole):
            return False
    return True


async def _scroll_to_end(view: QAbstractItemView, model: Any, timeout: float) -> dict[str, Any]:
    """Scroll a view to the end of its model: in 50 jumps (each waiting for the rows in
    view), then to the bottom until no more rows come."""
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    deadline = t0 + timeout
    bar = view.verticalScrollBar()
    await wait_until(lambda: model.rowCount() > 0, 30)
    await asyncio.sleep(0.3)  # the exact count of a big result arrives after page one
    say(f"scrolling {model.rowCount()} rows")
    steps = 50
    for i in range(1, steps + 1):
        if loop.time() > deadline:
            break
        bar.setValue(bar.maximum() * i // steps)
        await asyncio.sleep(0)
        ok = await wait_until(lambda: _visible_loaded(view) and not model.is_loading(), 10)
        if not ok or i % 10 == 0:
            say(f"step {i}: value {bar.value()}/{bar.maximum()} loaded={ok} rows={model.rowCount()}")
    while loop.time() < deadline:  # a growing model: keep going to the bottom
        view.scrollToBottom()
        await asyncio.sleep(0)
        await wait_until(lambda: not model.is_loading(), 10)
        if not model.canFetchMore():
            break
        model.fetchMore()
    await wait_until(lambda: _visible_loaded(view), 10)
    last = view.indexAt(view.viewport().rect().bottomLeft())
    return {
        "rows": model.rowCount(),
        "reached_end": not model.canFetchMore(),
        "seconds": round(loop.time() - t0, 2),
        "last_visible_row": last.row() if last.isValid() else -1,
    }


async def _memory(app: FairDeskApp) -> dict[str, Any]:
    window = app.window
    assert window is not None
    start = memory_kb()
    say("opening the fair")
    fair = await _open_fair(app)
    booths = fair.booth_model.rowCount()
    after_fair = memory_kb()
    window.navigate("search", "")
    search = window.pages["search"]
    search.set_view(0)  # type: ignore[attr-defined]  # the grid (a saved window state may say list)
    search.run_now()  # type: ignore[attr-defined]
    timeout = float(os.environ.get("FAIRDESK_WALK_SCROLL_TIMEOUT", "120"))
    scrolled = await _scroll_to_end(search.grid, search.model, timeout)  # type: ignore[attr-defined]
    after_scroll = memory_kb()
    from offline_cache import queries

    ctx = app.ctx
    assert ctx is not None
    visible = int(await ctx.store.read(queries.count_products, None, None, False))
    scrolled["reached_end"] = scrolled["rows"] >= visible
    scrolled["visible_products"] = visible
    say(f"scrolled: {scrolled}")
    # 50 product pages, spread over the catalog
    total = int(await ctx.store.read(queries.count_products))
    ids = [int(r["id"]) for r in await ctx.store.read(
        _spread_ids, max(1, total // 50), 50)]
    product = window.pages["product"]
    opened = 0
    for pid in ids:
        window.navigate("product", pid)
        def shown(pid: int = pid) -> bool:
            return getattr(product, "product_id", None) == pid and getattr(product, "product", None) is not None

        if await wait_until(shown, 10):
            opened += 1
        await asyncio.sleep(0.02)
        if opened % 10 == 0:
            say(f"{opened} products: {memory_kb()}")
            if os.environ.get("FAIRDESK_WALK_TRIM"):
                import ctypes

                ctypes.CDLL("libc.so.6").malloc_trim(0)
                say(f"  trimmed: {memory_kb()}")
    await asyncio.sleep(0.3)
    end = memory_kb()
    return {
        "booths_shown": booths,
        "scroll": scrolled,
        "products_opened": opened,
        "kb": {"start": start, "fair": after_fair, "scrolled": after_scroll, "end": end},
        "vmhwm_kb": end.get("VmHWM", 0),
    }


def _spread_ids(db: Any, step: int, n: int) -> list[dict[str, Any]]:
    conn = db if hasattr(db, "execute") and not hasattr(db, "conn") else db.conn
    rows = conn.execute(
        "SELECT id FROM products WHERE hidden = 0 AND id % ? = 0 ORDER BY id LIMIT ?", (step, n)
    ).fetchall()
    return [{"id": r[0]} for r in rows]


# ------------------------------------------------------------------ scrolling


async def _rows_per_second(view: QAbstractItemView, frames: int, rows_per_frame: int,
                           model: Any = None) -> dict[str, Any]:
    """Scroll by one viewport per frame and paint it at once; rows painted per second.

    Between frames the event loop runs once (pages and thumbnails arrive as they would).
    """
    bar = view.verticalScrollBar()
    bar.setValue(0)
    view.viewport().repaint()
    await asyncio.sleep(0.05)
    painted = 0
    t0 = time.perf_counter()
    frame = 0
    while frame < frames:
        if bar.value() >= bar.maximum():
            if model is not None and model.canFetchMore():
                model.fetchMore()
                await asyncio.sleep(0)
                continue
            bar.setValue(0)
        bar.setValue(bar.value() + max(1, bar.pageStep()))
        view.viewport().repaint()
        painted += rows_per_frame
        frame += 1
        await asyncio.sleep(0)
    seconds = time.perf_counter() - t0
    return {"rows_per_s": round(painted / seconds, 1), "frames": frames,
            "rows_per_frame": rows_per_frame, "seconds": round(seconds, 3)}


def _rows_in_view(view: QAbstractItemView) -> int:
    if isinstance(view, QTableView):
        h = max(1, view.verticalHeader().defaultSectionSize())
        rows = max(1, view.viewport().height() // h)
        if view.horizontalHeader().isHidden():  # the card table: a row of cards
            rows *= view.model().columnCount() if view.model() is not None else 1
        return rows
    assert isinstance(view, QListView)
    grid = view.gridSize()
    if not grid.isValid():
        grid = view.sizeHintForIndex(view.model().index(0, 0))
    cols = max(1, view.viewport().width() // max(1, grid.width()))
    return cols * max(1, view.viewport().height() // max(1, grid.height()))


def _baseline_view(like: QAbstractItemView, rows: int, columns: int, icon: QSize) -> QAbstractItemView:
    """The same kind of view, size and icon size over a plain in-memory model."""
    model = QStandardItemModel(rows, columns)
    from PySide6.QtGui import QPixmap

    pix = QPixmap(icon)
    pix.fill(Qt.GlobalColor.gray)
    qicon = QIcon(pix)
    for r in range(rows):
        for c in range(columns):
            item = QStandardItem(f"Row {r} column {c} Stainless Steel Insulated Cup 500ml")
            if c == 0:
                item.setIcon(qicon)
            model.setItem(r, c, item)
    view: QAbstractItemView
    if isinstance(like, QTableView):
        view = QTableView()
        view.verticalHeader().setDefaultSectionSize(like.verticalHeader().defaultSectionSize())
        view.verticalHeader().hide()
        if like.horizontalHeader().isHidden():  # the card table: cells of the cards' size
            view.horizontalHeader().hide()
            view.horizontalHeader().setDefaultSectionSize(like.horizontalHeader().sectionSize(0))
    else:
        lv = QListView()
        lv.setViewMode(QListView.ViewMode.IconMode)
        lv.setMovement(QListView.Movement.Static)
        lv.setUniformItemSizes(True)
        assert isinstance(like, QListView)
        lv.setGridSize(like.gridSize())
        view = lv
    view.setIconSize(icon)
    view.setModel(model)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.resize(like.size())
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.show()
    view.setProperty("_model", model)
    return view


async def _scroll(app: FairDeskApp) -> dict[str, Any]:
    window = app.window
    assert window is not None
    frames = int(os.environ.get("FAIRDESK_WALK_FRAMES", "300"))
    out: dict[str, Any] = {}
    fair = await _open_fair(app)
    # the biggest section's booth list
    sections = fair.tree_model.all_sections()
    if sections:
        biggest = max(sections, key=lambda s: int(s.get("booth_count") or 0))
        fair.select_section(int(biggest["id"]))
        await wait_until(lambda: fair.booth_model.rowCount() > 0 and not fair.booth_model.is_loading(), 30)
    booths = fair.booths
    await asyncio.sleep(0.2)
    out["booths"] = await _rows_per_second(booths, frames, _rows_in_view(booths), fair.booth_model)
    base = _baseline_view(booths, 2000, 4, booths.iconSize())
    await asyncio.sleep(0.2)  # laid out at its size
    out["booths_baseline"] = await _rows_per_second(base, frames, _rows_in_view(base))
    base.close()
    base.deleteLater()

    window.navigate("search", "")
    search = window.pages["search"]
    search.run_now()  # type: ignore[attr-defined]
    await wait_until(lambda: search.model.rowCount() > 0, 30)  # type: ignore[attr-defined]
    await asyncio.sleep(0.5)
    for name, view in (("search_grid", search.grid), ("search_list", search.table)):  # type: ignore[attr-defined]
        search.set_view(0 if name == "search_grid" else 1)  # type: ignore[attr-defined]
        await asyncio.sleep(0.2)
        out[name] = await _rows_per_second(view, frames, _rows_in_view(view), search.model)  # type: ignore[attr-defined]
        columns = view.model().columnCount()
        base = _baseline_view(view, 5000 // columns if name == "search_grid" else 5000, columns,
                              view.iconSize())
        await asyncio.sleep(0.2)
        out[name + "_baseline"] = await _rows_per_second(base, frames, _rows_in_view(view))
        base.close()
        base.deleteLater()
    return out


# ------------------------------------------------------------------ loop lag during a sync


async def _lag(app: FairDeskApp) -> dict[str, Any]:
    window, session, ctx = app.window, app.session, app.ctx
    assert window is not None and session is not None and ctx is not None
    startup_lag = app.max_lag_ms
    startup_stalls = list(app.stalls)
    target = int(os.environ.get("FAIRDESK_WALK_PRODUCTS", "100000"))
    email = os.environ.get("FAIRDESK_WALK_EMAIL", "buyer@demo.example")
    password = os.environ.get("FAIRDESK_WALK_PASSWORD", "fairdesk-buyer")
    if not session.signed_in:
        await session.sign_in(email, password, start=False)
    sections = [dict(s) for s in await session.client.sections()]
    sections.sort(key=lambda s: int(s.get("product_count") or 0))
    chosen: list[int] = []
    planned = 0
    for s in sections:  # small ones first, until the target is reached
        n = int(s.get("product_count") or 0)
        if planned >= target:
            break
        if n and planned + n <= target * 1.1:
            chosen.append(int(s["id"]))
            planned += n
    for sid in chosen:
        await session.follow(sid)
    fair = await _open_fair(app)
    del fair
    search = window.pages["search"]
    # building the page (above) is not part of the measure: let the probe tick once
    # after it before starting from zero (a reset right after it counted it)
    await asyncio.sleep(0.1)
    app.max_lag_ms = 0.0
    app.stalls.clear()
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    engine = session.engine
    await engine.start()
    engine.wake()
    words = ["steel", "led", "保温", "cup", "solar", "lamp", "bag", "drill"]
    n = 0
    cached = 0
    timeout = float(os.environ.get("FAIRDESK_WALK_SYNC_TIMEOUT", "900"))
    from offline_cache import queries

    while loop.time() - t0 < timeout:
        # the user: search (typed, debounced), scroll the results, look at the fair
        window.navigate("search", words[n % len(words)])
        search.run_now()  # type: ignore[attr-defined]
        await asyncio.sleep(0.3)
        bar = search.grid.verticalScrollBar()  # type: ignore[attr-defined]
        for _ in range(10):
            bar.setValue(min(bar.maximum(), bar.value() + bar.pageStep()))
            await asyncio.sleep(0.05)
        n += 1
        cached = int(await ctx.store.read(queries.count_products))
        if cached >= planned * 0.999 and not engine.pending and n > 2:
            summary_state = getattr(engine, "state", None)
            if str(summary_state).lower().endswith("online"):
                break
    seconds = loop.time() - t0
    return {
        "planned_products": planned,
        "cached_products": cached,
        "sync_seconds": round(seconds, 1),
        "max_lag_ms_sync": round(app.max_lag_ms, 1),
        "max_lag_ms_startup": round(startup_lag, 1),
        "stalls_sync": app.stalls[:5],
        "stalls_startup": startup_stalls[:5],
        "searches": n,
    }


# ------------------------------------------------------------------ where the stalls are


class StallWatch:
    """With ``--loop-lag-probe``: a watchdog thread that samples the GUI thread's stack
    while the event loop has not ticked for ``threshold_ms`` and records, per stall, its
    length and the GUI thread's innermost frames (what blocked it), plus what the other
    threads were running (a stall can be the interpreter lock held by a worker)."""

    def __init__(self, out: list[dict[str, Any]], threshold_ms: float = 40.0, keep: int = 20) -> None:
        import threading

        self.out = out
        self.threshold = threshold_ms / 1000
        self.keep = keep
        self._main = threading.get_ident()
        self._last = time.perf_counter()
        self._samples: list[list[str]] = []
        self._others: dict[str, int] = {}
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="fairdesk-stall-watch", daemon=True)
        # FAIRDESK_STALL_GDB=<file>: the native stacks of every thread (gdb) during the
        # first stall over 300 ms, for stalls inside Qt or a C extension
        self._gdb_dump = os.environ.get("FAIRDESK_STALL_GDB", "")
        self._dumped = False
        self._events: collections.deque[tuple[float, int, str]] | None = None
        self._event_names: dict[int, str] = {}
        self._recorder: Any = None
        self._slow_callbacks: collections.deque[tuple[float, float, str]] = collections.deque()

    def _native_dump(self) -> None:
        import subprocess

        try:
            out = subprocess.run(
                ["gdb", "-p", str(os.getpid()), "-batch", "-ex", "thread apply all bt 25"],
                capture_output=True, text=True, timeout=60).stdout
        except (OSError, subprocess.SubprocessError) as exc:
            out = f"gdb failed: {exc}"
        with open(self._gdb_dump, "w", encoding="utf-8") as fh:
            fh.write(out)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._thread.start()

    def trace_events(self, qapp: Any) -> None:
        """Also record which Qt events the GUI thread handled during each stall (an
        application-wide event filter; ``FAIRDESK_STALL_EVENTS=1``): a stall inside Qt,
        e.g. a paint or a page's first show, has no Python frame to show."""
        from PySide6.QtCore import QEvent, QObject

        events = self._events = collections.deque(maxlen=4000)
        names = {int(v): k for k, v in vars(QEvent.Type).items() if isinstance(v, QEvent.Type)}
        self._event_names = names

        class _Recorder(QObject):
            def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
                events.append((time.perf_counter(), int(ev.type()), type(obj).__name__))
                return False

        self._recorder = _Recorder()
        qapp.installEventFilter(self._recorder)
        # and which asyncio callbacks (a task's step) ran long: a Timer event of qasync's
        # _SimpleTimer is one of them
        import asyncio.events

        slow = self._slow_callbacks = collections.deque(maxlen=200)
        run = asyncio.events.Handle._run

        def timed_run(handle: asyncio.events.Handle) -> None:
            t = time.perf_counter()
            run(handle)
            d = time.perf_counter() - t
            if d > 0.01:
                slow.append((t, d, repr(handle)[:160]))

        asyncio.events.Handle._run = timed_run  # type: ignore[method-assign,assignment]

    def _stall_events(self, start: float, end: float) -> list[str]:
        """The longest events handled in [start, end]: "Paint CardTable 31.2 ms"."""
        events = [e for e in (self._events or ()) if e[0] >= start]
        spans = []
        for (t, kind, cls), nxt in zip(events, [*events[1:], (end, 0, "")], strict=True):
            spans.append((nxt[0] - t, kind, cls))
        spans.sort(reverse=True)
        out = [f"{self._event_names.get(kind, kind)} {cls} {d * 1000:.1f} ms"
               for d, kind, cls in spans[:3] if d > 0.004]
        out += [f"callback {text} {d * 1000:.1f} ms"
                for t, d, text in self._slow_callbacks if start <= t <= end]
        return out

    def stop(self) -> None:
        self._stop.set()

    def tick(self) -> None:
        now = time.perf_counter()
        with self._lock:
            samples, others = self._samples, self._others
            self._samples, self._others = [], {}
            stalled = now - self._last
            self._last = now
        if samples:
            # the innermost frames seen most often while stalled
            counts: dict[tuple[str, ...], int] = {}
            for s in samples:
                counts[tuple(s)] = counts.get(tuple(s), 0) + 1
            top = max(counts.items(), key=lambda kv: kv[1])[0]
            record: dict[str, Any] = {
                "ms": round(stalled * 1000, 1),
                "gui_thread": list(top),
                "other_threads": sorted(others, key=lambda k: -others[k])[:4],
            }
            if self._events is not None:
                record["events"] = self._stall_events(now - stalled, now)
            self.out.append(record)
            self.out.sort(key=lambda d: -float(d["ms"]))
            del self.out[self.keep:]

    def _run(self) -> None:
        import threading
        import traceback

        while not self._stop.wait(0.005):
            with self._lock:
                stalled = time.perf_counter() - self._last
            if stalled < self.threshold:
                continue
            if stalled > 0.3 and self._gdb_dump and not self._dumped:
                self._dumped = True
                self._native_dump()
            frames = sys._current_frames()
            main = frames.get(self._main)
            if main is None:
                continue
            stack = [f"{os.path.basename(fs.filename)}:{fs.lineno} {fs.name}"
                     for fs in traceback.extract_stack(main)[-8:]]
            names = {t.ident: t.name for t in threading.enumerate()}
            with self._lock:
                self._samples.append(stack)
                for ident, frame in frames.items():
                    if ident in (self._main, threading.get_ident()):
                        continue
                    key = (f"{names.get(ident, ident)}: {os.path.basename(frame.f_code.co_filename)}:"
                           f"{frame.f_lineno} {frame.f_code.co_name}")
                    self._others[key] = self._others.get(key, 0) + 1
