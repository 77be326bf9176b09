"""``fairdesk``: the one wiring place (QApplication, qasync loop, session, services, window).

``fairdesk sync ...`` is dispatched to ``app.cli.main`` without importing Qt.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

log = logging.getLogger("fairdesk")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="fairdesk",
        description="FairDesk: the offline-first desktop client for online trade fairs. "
        "With no server configured it starts the embedded demo fair.",
        epilog="Also: 'fairdesk sync --help' for the command-line sync, "
        "'fairdesk verify-contract FILE' to check an exported contract offline.",
    )
    p.add_argument("--server", metavar="URL", help="the fair service to use (default: the embedded demo)")
    p.add_argument("--profile", metavar="NAME", help="profile name (its own cache and settings)")
    p.add_argument("--lang", choices=["en", "zh_CN"], help="interface language")
    p.add_argument(
        "--demo-role",
        choices=["buyer", "exhibitor"],
        default="buyer",
        help="which demo account signs in on the embedded demo fair",
    )
    p.add_argument("--smoke", action="store_true", help="walk every page headless and exit (CI)")
    p.add_argument("--screenshots", metavar="DIR", help="with --smoke: save a PNG of every page here")
    p.add_argument(
        "--loop-lag-probe",
        action="store_true",
        help="measure event-loop stalls and print the largest on exit (benchmarks)",
    )
    p.add_argument("--size", metavar="WxH", help="initial window size, e.g. 1366x768")
    p.add_argument(
        "--startup-probe",
        action="store_true",
        help="print the seconds to an interactive window (directory shown) as JSON and exit "
        "(benchmarks; works offline on an existing profile)",
    )
    p.add_argument(
        "--perf-walk",
        choices=["memory", "scroll", "lag"],
        help="run a scripted walk headless, print its measures as JSON and exit (benchmarks)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] == "sync":
        from app.cli import main as cli_main

        return cli_main(args_list)
    if args_list and args_list[0] == "verify-contract":
        from app.cli import verify_contract_main

        return verify_contract_main(args_list)
    args = build_parser().parse_args(args_list)
    if args.screenshots and not args.smoke:
        build_parser().error("--screenshots needs --smoke")
    if args.profile is not None:
        from app.profiles import ProfileError, validate_profile_name

        try:
            validate_profile_name(args.profile)
        except ProfileError as exc:
            build_parser().error(str(exc))
    if args.server is not None:
        from app.client import normalize_base_url

        try:
            args.server = normalize_base_url(args.server)
        except ValueError as exc:
            build_parser().error(str(exc))
    if args.size:
        try:
            w, h = (int(v) for v in args.size.lower().split("x"))
            if w < 200 or h < 200:
                raise ValueError
        except ValueError:
            build_parser().error("--size must look like 1366x768")
    logging.basicConfig(
        level=logging.INFO if os.environ.get("FAIRDESK_DEBUG") else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    started = time.monotonic()
    if args.smoke or args.startup_probe or args.perf_walk:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        rc = _run_gui(args, started)
    except KeyboardInterrupt:
        rc = 130
    if argv is None:
        # The real program: leave without the interpreter's final garbage collection, in
        # which PySide6 can crash on objects that outlived the QApplication. Everything
        # is closed and saved by now; flush what is buffered and go.
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(rc)
    return rc


SQLITE_HEAP_LIMIT = 10 * 1024 * 1024


def _limit_memory() -> None:
    """The desktop app's memory budget (150 MB with a million products cached).

    SQLite's page caches (every reader connection, the writer, the embedded demo
    server) share one soft heap limit: past it SQLite recycles cached pages instead of
    growing (the OS file cache keeps them close). glibc gets at most two malloc arenas:
    the store, image and server threads would otherwise each grow their own.
    """
    import sqlite3

    try:
        conn = sqlite3.connect(":memory:")
        conn.execute(f"PRAGMA soft_heap_limit = {SQLITE_HEAP_LIMIT}")
        conn.close()
    except sqlite3.Error:
        log.debug("no SQLite heap limit", exc_info=True)
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL("libc.so.6")
            libc.mallopt(-8, 2)  # M_ARENA_MAX
        except (OSError, AttributeError):
            pass


def _preload() -> None:
    """Import the Qt-free modules before PySide6, and detect the keyring on a thread.

    PySide6 installs an import hook that reads the source of every module imported after
    it (looking for its ``__feature__`` switches): importing our services, httpx, SQLite
    helpers and the keyring backends first keeps ~500 modules out of that scan. httpx's
    command-line tool (click, rich, pygments) is not needed by the app. Keyring backend
    detection (entry points, a D-Bus probe) runs off the GUI thread; its result is cached
    for the session's credential store.
    """
    import threading

    # the GUI thread waits at most ~1 ms (not 5) for the interpreter lock when a worker
    # (the store's writer applying a sync page, an image decoder) is running Python
    sys.setswitchinterval(0.001)
    _limit_memory()
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

    def detect_keyring() -> None:
        try:
            import keyring

            keyring.get_keyring()
        except Exception:  # the credential store reports an unusable keyring itself
            log.debug("keyring detection failed", exc_info=True)

    threading.Thread(target=detect_keyring, name="fairdesk-keyring", daemon=True).start()
    import httpcore  # noqa: F401  (httpx imports it when the session's client is made)

    import app.catalog
    import app.embedded
    import app.session
    import app.social  # noqa: F401
    import offline_cache.queries  # noqa: F401


def _run_gui(args: argparse.Namespace, started: float) -> int:
    import asyncio

    _preload()
    import qasync
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from ui.app import FairDeskApp

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("FairDesk")
    app.setApplicationDisplayName("FairDesk")
    app.setOrganizationName("FairDesk")
    app.setDesktopFileName("fairdesk")
    app.setQuitOnLastWindowClosed(False)
    from PySide6.QtGui import QIcon

    icon = Path(__file__).resolve().parent.parent / "resources" / "icons" / "fairdesk.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))

    tmp: tempfile.TemporaryDirectory[str] | None = None
    data_dir: Path | None = None
    profile = args.profile or "default"
    if args.smoke and not args.profile:
        tmp = tempfile.TemporaryDirectory(prefix="fairdesk-smoke-")
        profile = f"smoke-{os.getpid()}"
        data_dir = Path(tmp.name) / profile

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    fd_app = FairDeskApp(app, args, profile=profile, data_dir=data_dir, started=started)
    rc = 1
    try:
        with loop:
            rc = loop.run_until_complete(fd_app.run())
    except Exception as exc:  # the last line of defence: say what happened, no traceback wall
        print(f"fairdesk: {exc}", file=sys.stderr)
        log.exception("fatal error")
        rc = 1
    finally:
        asyncio.set_event_loop(None)
        _dispose_widgets(app)
        if tmp is not None:
            tmp.cleanup()
    if args.loop_lag_probe:
        print(json.dumps({"max_loop_lag_ms": round(fd_app.max_lag_ms, 1)}), flush=True)
        if fd_app.stalls and os.environ.get("FAIRDESK_STALL_TRACE"):
            print(json.dumps({"stalls": fd_app.stalls}, ensure_ascii=False), file=sys.stderr, flush=True)
    return rc


def _dispose_widgets(app: Any) -> None:
    """Delete every top-level widget while the QApplication still exists: Python objects
    that outlive it crash the interpreter's final garbage collection (PySide6)."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for w in QApplication.topLevelWidgets():
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    app.processEvents()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
