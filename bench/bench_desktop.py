"""Desktop benchmarks (issue 9): start-up, memory, GUI stalls and scrolling with a big cache.

    uv run python -m bench.bench_desktop [--runs N] [--skip-lag] [--quick]

Every figure is measured beside a baseline from the same run on the same machine:

1. Cold start: a new app process (``fairdesk --startup-probe``) on a prepared profile
   with 1,000,000 products cached, until the main window is shown with the booth list
   of a section on screen; beside it a bare PySide6 program (QApplication, a QMainWindow
   shown, its first paint). Both timed from process launch to the line they print, the
   median of ``--runs``. Budget: app <= 4x the bare window.
2. Memory: peak RSS (VmHWM) of the app after opening the fair, scrolling the search
   result of every cached product (1,000,000) to its end and opening 50 product pages
   (``fairdesk --perf-walk memory``); beside it the bare window's peak RSS.
   Budget: <= 150 MB.
3. GUI stalls: the largest event-loop stall (``--loop-lag-probe``, a 20 ms timer) while
   a 100,000-product initial sync runs from a local server subprocess (the large demo
   fair; sections followed until ~100k products) and the walk searches and scrolls
   (``--perf-walk lag``); beside it the same probe in the bare window. Budget: <= 50 ms.
   The largest stalls are printed with the GUI thread's stack while stalled.
4. Scrolling: rows painted per second in the booth list and the search grid and list
   (thumbnails) scrolled a viewport per frame (``--perf-walk scroll``), each beside the
   same kind of view over an in-memory QStandardItemModel in the same process.

The 1M-product cache is the one ``bench.bench_search`` keeps (built on first use) and is
copied into a profile under ``$FAIRDESK_BENCH_DIR/desktop``; the large demo fair's server
database is generated there on first use (a few minutes) and reused.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import common

STARTUP_RATIO_BUDGET = 4.0
MEMORY_BUDGET_MB = 150.0
LAG_BUDGET_MS = 50.0
PROFILE = "bench1m"
PYCACHE = Path(os.environ.get("FAIRDESK_BENCH_DIR", Path.home() / ".cache" / "fairdesk-bench")) / "desktop" / "pycache"

BARE = r"""
import json, sys, time
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel

lag_seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 0.0
app = QApplication([sys.argv[0]])
win = QMainWindow()
win.setWindowTitle("bare")
win.setCentralWidget(QLabel("Hello"))
win.resize(1200, 800)
state = {"painted": False, "max_lag": 0.0}

def status():
    out = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            k, _, v = line.partition(":")
            if k in ("VmHWM", "VmRSS"):
                out[k] = int(v.split()[0])
    return out

def finish():
    print(json.dumps({"ready_seconds": round(time.perf_counter() - t0, 3), "kb": status(),
                      "max_loop_lag_ms": round(state["max_lag"], 1)}), flush=True)
    app.quit()

class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and not state["painted"]:
            state["painted"] = True
            if lag_seconds <= 0:
                QTimer.singleShot(0, finish)
        return False

f = Painted()
win.installEventFilter(f)
win.show()
if lag_seconds > 0:
    last = [time.perf_counter()]
    def tick():
        now = time.perf_counter()
        state["max_lag"] = max(state["max_lag"], (now - last[0] - 0.02) * 1000)
        last[0] = now
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(int(lag_seconds * 1000), finish)
QTimer.singleShot(10000, finish)
app.exec()
"""


def _env(data_root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["FAIRDESK_DATA_DIR"] = str(data_root)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONUNBUFFERED"] = "1"
    env.pop("FAIRDESK_DEBUG", None)
    # an installed app runs from compiled bytecode: the subprocesses keep theirs in the
    # bench directory (never in the source tree), and a warm-up run fills it
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def _run_json(cmd: list[str], env: dict[str, str], timeout: float,
              want: str | None = None) -> tuple[float, dict[str, Any], str]:
    """Run ``cmd``; the wall seconds from launch to its first JSON line (with key
    ``want`` when given), every JSON line merged, and its stderr."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            text=True, cwd=str(Path(__file__).resolve().parent.parent))
    first: float | None = None
    merged: dict[str, Any] = {}
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                data = json.loads(line)
            except ValueError:
                continue
            if first is None and (want is None or want in data):
                first = time.perf_counter() - t0
            merged.update(data)
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode not in (0, None) and not merged:
        raise RuntimeError(f"{' '.join(cmd[:4])}... exited {proc.returncode}: {err[-2000:]}")
    return (first if first is not None else time.perf_counter() - t0), merged, err


def bare_cmd(lag_seconds: float = 0.0) -> list[str]:
    return [sys.executable, "-c", BARE, str(lag_seconds)]


def app_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "ui.main", *args]


def prepare_profile(work: Path, products: int) -> Path:
    """A profile directory with ``products`` cached (a copy of bench_search's cache)."""
    from bench import bench_search
    from offline_cache import schema

    src = work / f"search-{products}-v{schema.SCHEMA_VERSION}.sqlite"
    marker = work / f"search-{products}-v{schema.SCHEMA_VERSION}.ok"
    # the kept cache is per schema *text*, not only its version number: a version's
    # migration may be filled in after a cache was made at that version
    fingerprint = _schema_fingerprint()
    schema_marker = work / f"search-{products}-v{schema.SCHEMA_VERSION}.schema"
    stale = not schema_marker.exists() or schema_marker.read_text() != fingerprint
    if not marker.exists() or not src.exists() or stale:
        print(f"building the {products:,}-product cache (bench_search) ...", file=sys.stderr, flush=True)
        bench_search.main(["--products", str(products), "--skip-apply", "--reps", "1"]
                          + (["--rebuild"] if stale else []))
        schema_marker.write_text(fingerprint)
    root = work / "desktop" / "profiles"
    prof = root / f"{PROFILE}-{products}"
    done = prof / ".prepared"
    stamp = f"{src.name} {fingerprint}"
    if not done.exists() or done.read_text() != stamp:
        if prof.exists():
            shutil.rmtree(prof)
        prof.mkdir(parents=True, mode=0o700)
        print(f"copying the cache into the profile {prof} ...", file=sys.stderr, flush=True)
        shutil.copyfile(src, prof / "cache.sqlite")
        # an unreachable fair: the app starts offline on its cache, as after a trip
        (prof / "settings.json").write_text(json.dumps(
            {"server_url": "http://127.0.0.1:9", "language": "en", "low_data_mode": "off"}))
        done.write_text(stamp)
    return prof


def _schema_fingerprint() -> str:
    import hashlib
    import sqlite3

    from offline_cache import schema

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("BEGIN")
    schema.migrate(conn, "2026-01-01T00:00:00Z")
    conn.execute("COMMIT")
    text = "\n".join(str(r[0]) for r in conn.execute(
        "SELECT sql FROM sqlite_master ORDER BY type, name"))
    conn.close()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def measure_startup(prof: Path, runs: int, table: common.Table) -> None:
    env = _env(prof.parent)
    bare: list[float] = []
    app: list[float] = []
    inner: list[float] = []
    booths = 0
    # warm-up (bytecode, the OS file cache): not counted
    _run_json(bare_cmd(), env, 60)
    _run_json(app_cmd("--profile", prof.name, "--startup-probe"), env, 120)
    for _ in range(runs):  # interleaved, so load changes hit both alike
        secs, _data, _ = _run_json(bare_cmd(), env, 60, "ready_seconds")
        bare.append(secs)
        secs, data, err = _run_json(
            app_cmd("--profile", prof.name, "--startup-probe", "--size", "1200x800"), env, 120,
            "ready_seconds")
        if "ready_seconds" not in data:
            raise RuntimeError(f"the startup probe printed nothing: {err[-2000:]}")
        app.append(secs)
        inner.append(float(data["ready_seconds"]))
        booths = int(data.get("booths_shown") or 0)
    b, a = statistics.median(bare), statistics.median(app)
    print("start-up runs (ms): app " + " ".join(f"{x * 1000:.0f}" for x in app)
          + "; bare window " + " ".join(f"{x * 1000:.0f}" for x in bare), file=sys.stderr)
    table.add(f"cold start to the booth list, 1M products cached (median of {runs})",
              a * 1000, "ms")
    table.add("  (the app's own clock, from main())", statistics.median(inner) * 1000, "ms")
    table.add("  booths shown", booths, "rows")
    table.add("baseline: bare PySide6 window to its first paint", b * 1000, "ms")
    table.add("cold start / baseline", a / b, "x", f"<= {STARTUP_RATIO_BUDGET:g}x",
              a / b <= STARTUP_RATIO_BUDGET)


def measure_memory(prof: Path, table: common.Table) -> dict[str, Any]:
    env = _env(prof.parent)
    _s, bare, _ = _run_json(bare_cmd(), env, 60)
    _s, data, err = _run_json(app_cmd("--profile", prof.name, "--perf-walk", "memory",
                                      "--size", "1200x800"), env, 900)
    if "vmhwm_kb" not in data:
        raise RuntimeError(f"the memory walk failed: {err[-2000:]}")
    peak = data["vmhwm_kb"] / 1024
    scroll = data.get("scroll", {})
    table.add("peak RSS: fair + 1M search scrolled to the end + 50 products", peak, "MB",
              f"<= {MEMORY_BUDGET_MB:g} MB", peak <= MEMORY_BUDGET_MB
              and bool(scroll.get("reached_end")))
    table.add("  search rows reached / seconds to scroll", scroll.get("rows", 0), "rows")
    table.add("  ... seconds to scroll to the end", float(scroll.get("seconds", 0)), "s")
    table.add("  ... reached the end", 1.0 if scroll.get("reached_end") else 0.0, "")
    table.add("  product pages opened", data.get("products_opened", 0), "")
    kb = data.get("kb", {})
    for step in ("start", "fair", "scrolled"):
        table.add(f"  peak RSS after '{step}'", kb.get(step, {}).get("VmHWM", 0) / 1024, "MB")
    table.add("baseline: bare PySide6 window peak RSS", bare["kb"]["VmHWM"] / 1024, "MB")
    return data


def measure_scroll(prof: Path, table: common.Table, frames: int) -> None:
    env = _env(prof.parent)
    env["FAIRDESK_WALK_FRAMES"] = str(frames)
    _s, data, err = _run_json(app_cmd("--profile", prof.name, "--perf-walk", "scroll",
                                      "--size", "1200x800"), env, 600)
    if "booths" not in data:
        raise RuntimeError(f"the scroll walk failed: {err[-2000:]}")
    for key, name in (("booths", "booth list"), ("search_grid", "search grid (thumbnails)"),
                      ("search_list", "search list (thumbnails)")):
        table.add(f"scrolling: {name}", data[key]["rows_per_s"], "rows/s")
        table.add("  baseline: same view, in-memory model", data[key + "_baseline"]["rows_per_s"],
                  "rows/s")


def measure_lag(work: Path, prof_root: Path, table: common.Table, products: int) -> None:
    from bench.bench_sync import ServerProcess

    srv_dir = work / "desktop"
    srv_dir.mkdir(parents=True, exist_ok=True)
    server = ServerProcess(srv_dir / "fair-large.db", "large", srv_dir)
    print("starting the large demo fair server (generated on first use) ...", file=sys.stderr,
          flush=True)
    url = server.start()
    try:
        with tempfile.TemporaryDirectory(dir=prof_root) as tmp:
            env = _env(Path(tmp))
            env["FAIRDESK_WALK_PRODUCTS"] = str(products)
            env["FAIRDESK_STALL_TRACE"] = "1"
            if os.environ.get("FAIRDESK_STALL_GDB"):
                env["FAIRDESK_STALL_GDB"] = os.environ["FAIRDESK_STALL_GDB"]
            _s, bare, _ = _run_json(bare_cmd(10.0), env, 60)
            _s, data, err = _run_json(
                app_cmd("--profile", "lag", "--server", url, "--perf-walk", "lag",
                        "--loop-lag-probe", "--size", "1200x800"), env, 1800)
            if "max_lag_ms_sync" not in data:
                raise RuntimeError(f"the lag walk failed: {err[-3000:]}")
    finally:
        server.stop()
    lag = float(data["max_lag_ms_sync"])
    table.add(f"largest GUI stall during a {data.get('planned_products', 0):,}-product sync",
              lag, "ms", f"<= {LAG_BUDGET_MS:g} ms", lag <= LAG_BUDGET_MS)
    table.add("  products cached / sync seconds", data.get("cached_products", 0), "products")
    table.add("  ... sync seconds (with the walk)", float(data.get("sync_seconds", 0)), "s")
    table.add("  largest stall during start-up (info)", float(data.get("max_lag_ms_startup", 0)), "ms")
    table.add("baseline: the same probe in a bare window (10 s)", float(bare["max_loop_lag_ms"]), "ms")
    stalls = data.get("stalls_sync", []) or []
    startup = data.get("stalls_startup", []) or []
    for title, rows in (("during the sync", stalls), ("during start-up", startup)):
        if rows:
            print(f"\nlongest GUI stalls {title} (GUI thread's innermost frames):", file=sys.stderr)
            for s in rows[:3]:
                print(f"  {s['ms']} ms: " + " <- ".join(reversed(s["gui_thread"][-4:])), file=sys.stderr)
                if s.get("other_threads"):
                    print("     others: " + "; ".join(s["other_threads"][:4]), file=sys.stderr)
                if s.get("events"):
                    print("     Qt events: " + "; ".join(s["events"]), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--products", type=int,
                    default=int(os.environ.get("FAIRDESK_BENCH_PRODUCTS", "1000000")))
    ap.add_argument("--runs", type=int, default=5, help="start-up runs (median)")
    ap.add_argument("--sync-products", type=int, default=100_000)
    ap.add_argument("--frames", type=int, default=300, help="frames per scrolling measure")
    ap.add_argument("--skip-lag", action="store_true", help="no server/sync stall measure")
    ap.add_argument("--only", choices=["startup", "memory", "scroll", "lag"], action="append")
    ap.add_argument("--quick", action="store_true", help="fewer runs and frames")
    args = ap.parse_args(argv)
    if args.quick:
        args.runs, args.frames = 2, 60
    only = set(args.only or ["startup", "memory", "scroll", "lag"])
    if args.skip_lag:
        only.discard("lag")
    work = Path(os.environ.get("FAIRDESK_BENCH_DIR", Path.home() / ".cache" / "fairdesk-bench"))
    work.mkdir(parents=True, exist_ok=True)
    table = common.Table("FairDesk bench: the desktop app with a big cache")
    table.add("machine load (1-min average) at the start", os.getloadavg()[0], "")
    rc = 0
    prof = prepare_profile(work, args.products) if only - {"lag"} else work / "desktop" / "profiles"
    steps = [("startup", lambda: measure_startup(prof, args.runs, table)),
             ("memory", lambda: measure_memory(prof, table)),
             ("scroll", lambda: measure_scroll(prof, table, args.frames)),
             ("lag", lambda: measure_lag(work, work / "desktop" / "profiles", table,
                                         args.sync_products))]
    for name, fn in steps:
        if name not in only:
            continue
        try:
            fn()
        except Exception as exc:
            print(f"{name}: {exc}", file=sys.stderr, flush=True)
            table.add(f"{name}: failed (see above)", 0, "", "", False)
            rc = 1
    table.add("machine load (1-min average) at the end", os.getloadavg()[0], "")
    print(table.render(), flush=True)
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
