"""The running desktop app: session start (embedded demo or a server), window, shutdown.

Created by ``ui.main`` on the GUI path; it also serves the first-run dialog's backend.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.catalog import Row, as_list, default_sections, format_bytes, localized
from app.embedded import EmbeddedDemo
from app.events import ConnState, StateChanged
from app.profiles import profile_dir
from app.session import AppSession
from app.settings import SETTINGS_FILE, Settings
from ui import i18n, theme
from ui.asyncutil import cancel_all, spawn
from ui.compat import GuiThreadGC
from ui.context import UiContext
from ui.mainwindow import MainWindow

if TYPE_CHECKING:  # the sign-in and connect dialog: imported when first shown
    from ui.firstrun import FirstRunDialog

log = logging.getLogger("fairdesk.ui")

# The sync engine runs on the GUI thread's event loop and decodes each pull reply there
# (orjson holds the interpreter lock): pages of at most ~1,000 products keep one decode
# well under the 50 ms stall budget (5,000-product pages stalled the window ~300 ms).
SYNC_OPTIONS: dict[str, Any] = {"page_limit": 1000, "adaptive_limit": False}

DEMO_FLAG = "embedded_demo"
DEMO_PORT = "embedded_demo_port"
WINDOW_STATE_FILE = "window.ini"


class StartupSplash(QWidget):
    """A small window while the embedded demo fair starts (first start: it is generated)."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen)
        self.setObjectName("startup-splash")
        self.setAccessibleName(self.tr("Starting FairDesk"))
        title = QLabel(self.tr("FairDesk"), self)
        title.setProperty("role", "title")
        self.text = QLabel(self.tr("Starting the demo fair…"), self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setAccessibleName(self.tr("Start progress"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.addWidget(title)
        lay.addWidget(self.text)
        lay.addWidget(self.bar)
        self.resize(420, 130)

    def progress(self, stage: str, fraction: float) -> None:
        self.text.setText(self.tr("Starting the demo fair: {stage}").format(stage=stage))
        self.bar.setValue(int(max(0.0, min(1.0, fraction)) * 100))


class FairDeskApp(QObject):
    def __init__(
        self,
        qapp: QApplication,
        args: argparse.Namespace,
        profile: str = "default",
        data_dir: Path | None = None,
        started: float | None = None,
    ) -> None:
        super().__init__()
        self.qapp = qapp
        qapp.setQuitOnLastWindowClosed(False)  # quitting is ours: the session closes first
        self.args = args
        self.profile = profile
        self.dir = Path(data_dir) if data_dir is not None else profile_dir(profile)
        self.dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.started = started if started is not None else time.monotonic()
        self.settings = Settings.load(self.dir)
        self.lang = i18n.normalize(args.lang or self.settings.language or i18n.system_language())
        self.session: AppSession | None = None
        self.demo: EmbeddedDemo | None = None
        self.ctx: UiContext | None = None
        self.window: MainWindow | None = None
        self.quit_event = asyncio.Event()
        self.max_lag_ms = 0.0
        self.stalls: list[dict[str, Any]] = []  # with --loop-lag-probe: where long stalls were
        self._lag_timer: QTimer | None = None
        self._stall_watch: Any = None
        self._account_dialog: FirstRunDialog | None = None
        self._gc = GuiThreadGC()
        # smoke and startup probe: no dialogs, no live sync loop (smoke syncs itself)
        self.headless = bool(
            args.smoke or getattr(args, "startup_probe", False) or getattr(args, "perf_walk", None)
        )

    # ------------------------------------------------------------------ run

    async def run(self) -> int:
        self._gc.start()
        i18n.install(self.lang)
        theme.apply(self.qapp)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _s: theme.apply(self.qapp))
        if self.args.loop_lag_probe:
            self._start_lag_probe()
        # no settings yet and no --server: the demo fair at once, signed in, a few
        # sections followed; the user changes any of it from the window (no dialogs)
        first_run = not (self.dir / SETTINGS_FILE).exists() and not self.args.server and not self.headless
        try:
            signed_in = await self.start_session()
            self.build_window()
            # what start-up built stays: later collections on the GUI thread skip it
            # (a full collection of it stalled the event loop ~200 ms in a sync)
            gc.freeze()
            if not signed_in:
                self.ask_sign_in()
            elif first_run and self.demo is not None:
                spawn(self.welcome_demo(), "welcome-demo")
            if getattr(self.args, "startup_probe", False):
                return await self._startup_probe()
            if getattr(self.args, "perf_walk", None):
                from ui.perfwalk import run_walk

                return await run_walk(self, str(self.args.perf_walk))
            if self.args.smoke:
                from ui.smoke import run_smoke

                return await run_smoke(self)
            await self.quit_event.wait()
            return 0
        finally:
            await self.shutdown()

    async def shutdown(self) -> None:
        if self._lag_timer is not None:
            self._lag_timer.stop()
        if self._stall_watch is not None:
            self._stall_watch.stop()
        if self._account_dialog is not None and isValid(self._account_dialog):
            self._account_dialog.close()
        self._account_dialog = None
        if self.window is not None:
            self.window.close_for_real()
            self.window.deleteLater()
            self.window = None
        if self.session is not None:
            try:
                await self.session.close()
            except Exception:
                log.exception("closing the session failed")
            self.session = None
        if self.demo is not None:
            await self.demo.stop()
            self.demo = None
        await cancel_all()
        self._gc.stop()

    # ------------------------------------------------------------------ session start

    def _demo_configured(self) -> bool:
        return bool(self.settings.extra.get(DEMO_FLAG)) or not self.settings.server_url

    async def start_session(self) -> bool:
        """Open the session non-interactively. Returns whether a user is signed in."""
        if self.args.server or not self._demo_configured():
            url = self.args.server or self.settings.server_url
            assert url
            await self._open_session(url, demo=False)
            assert self.session is not None
            return await self.session.restore(start=not self.headless)
        splash: StartupSplash | None = None
        if not self.headless:
            splash = StartupSplash()
            splash.show()
        try:
            url = await self.start_demo(splash.progress if splash else None)
        finally:
            if splash is not None:
                splash.close()
                splash.deleteLater()
        await self._open_session(url, demo=True)
        assert self.session is not None and self.demo is not None
        if await self.session.restore(start=not self.headless):
            return True
        account = self.demo.account(self.args.demo_role)
        await self.session.sign_in(
            str(account["email"]), str(account["password"]), start=not self.headless
        )
        return True

    async def start_demo(self, progress: Callable[[str, float], None] | None = None) -> str:
        if self.demo is not None and self.demo.url:
            return self.demo.url
        self.demo = EmbeddedDemo(self.dir)
        port = self.settings.extra.get(DEMO_PORT)
        if isinstance(port, int) and 1024 < port < 65536:
            self.demo.port = port
        return await self.demo.start(progress)

    async def _open_session(self, url: str, demo: bool) -> None:
        if self.session is not None:
            await self.session.close()
            self.session = None
        from app.client import prepare_ssl_context

        # an https server's TLS context (the CA bundle, 20-115 ms) is built on a worker
        # thread, not by the client's constructor on this one
        await prepare_ssl_context(url)
        # HTTP on its own thread: replies are read and decompressed off the GUI thread
        session = AppSession(self.profile, url, data_dir=self.dir, engine_options=SYNC_OPTIONS,
                             network_thread=True)
        await session.open()
        settings = session.settings
        if demo:
            settings.extra[DEMO_FLAG] = True
            if self.demo is not None and self.demo.port_used:
                settings.extra[DEMO_PORT] = self.demo.port_used
        else:
            settings.extra.pop(DEMO_FLAG, None)
        if not self.args.lang or settings.language not in i18n.LANGUAGES:
            settings.language = self.lang
        with contextlib.suppress(OSError):
            settings.save(self.dir)
        self.settings = settings
        self.session = session
        session.add_signed_out_listener(self._on_signed_out)
        if self.ctx is not None:
            self.ctx.set_session(session)

    # ------------------------------------------------------------------ first start on the demo

    async def welcome_demo(self) -> list[int]:
        """First start: say where the user is and follow a few sections of their interests
        (the status bar shows the download; the sections dialog changes the choice)."""
        window, session = self.window, self.session
        if window is None or session is None:
            return []
        user = dict(session.user or {})
        name = str(user.get("display_name") or "")
        role = str(user.get("role") or self.args.demo_role)
        who = (
            self.tr("You are signed in as {name}, a demo exhibitor.")
            if role == "exhibitor"
            else self.tr("You are signed in as {name}, a demo buyer.")
        ).format(name=name or self.tr("the demo user"))
        intro = self.tr("Welcome to the FairDesk demo fair.") + " " + who
        window.show_welcome(intro)
        try:
            ids = await self.follow_defaults(user)
        except Exception:
            log.exception("following the default sections failed")
            return []
        if not ids or self.window is None or self.ctx is None:
            return ids
        sections = {int(s["id"]): s for s in await self.ctx.catalog.sections()}
        chosen = [sections[i] for i in ids if i in sections]
        names = ("、" if self.lang == "zh_CN" else ", ").join(localized(s, "name", self.lang) for s in chosen)
        size = format_bytes(sum(int(s.get("est_bytes") or 0) for s in chosen))
        self.window.show_welcome(
            intro
            + " "
            + self.tr("Keeping {names} (about {size}) offline for you; choose other sections any time.").format(
                names=names, size=size
            )
        )
        return ids

    async def follow_defaults(self, user: dict[str, Any] | None = None, timeout: float = 60.0) -> list[int]:
        """Follow two or three sections for a new user, once the directory has arrived."""
        from offline_cache import queries, syncstate

        session = self.session
        if session is None or self.ctx is None:
            return []
        store, catalog = session.store, self.ctx.catalog
        if await store.read(syncstate.followed_sections):
            return []  # the user has chosen already
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        sections = await catalog.sections()
        while not sections and loop.time() < deadline:
            await asyncio.sleep(0.2)
            sections = await catalog.sections()
        if not sections or self.session is not session:
            return []
        user = dict(user or session.user or {})
        interests = user.get("interests")
        if not isinstance(interests, list):
            profile = await store.read(queries.get_profile) or {}
            interests = profile.get("interests") if isinstance(profile.get("interests"), list) else []
        own: list[int] = []
        cid = user.get("company_id")
        if user.get("role") == "exhibitor" and isinstance(cid, int):
            company = await self.ctx.company(cid) or {}
            main = company.get("main_section_id")
            own = ([int(main)] if main else []) + [int(x) for x in as_list(company.get("section_ids"))]
        ids = default_sections(await catalog.categories(), sections, interests or [], own)
        for sid in ids:
            await session.follow(sid)
        if session.engine.running:
            session.engine.wake()
        return ids

    # ------------------------------------------------------------------ connect to a fair (dialog backend)

    def connect_dialog(self, server: bool = True) -> FirstRunDialog:
        """File > Connect to a fair server…: the choice of fair, sign in, sections."""
        from ui.firstrun import FirstRunDialog

        old = self._account_dialog
        if old is not None and isValid(old) and old.isVisible():
            old.close()
        dialog = FirstRunDialog(self, self.lang)  # top-level: the window is rebuilt behind it
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.demo_role = self.args.demo_role
        dialog.setWindowTitle(self.tr("Connect to a fair"))
        dialog.heading.setText(self.tr("Which fair?"))
        if server:
            dialog.server_radio.setChecked(True)
            if self.session is not None and self.demo is None:
                dialog.url_edit.setText(self.session.server_url)
            dialog.url_edit.setFocus()
        self._account_dialog = dialog
        if self.ctx is not None:
            self.ctx.progress.connect(dialog.on_progress)
        dialog.show()
        return dialog

    async def use_demo(self, progress: Callable[[str, float], None]) -> dict[str, Any]:
        url = await self.start_demo(progress)
        await self._switch(url, demo=True)
        assert self.demo is not None and self.session is not None
        signed = self.session.signed_in
        if not signed:
            account = self.demo.account(self.args.demo_role)
            await self.session.sign_in(str(account["email"]), str(account["password"]))
            self._after_sign_in()
            signed = True
        return {
            "name": QApplication.translate("FirstRun", "FairDesk demo fair"),
            "accounts": self.demo.accounts,
            "signed_in": signed,
        }

    async def use_server(self, url: str) -> dict[str, Any]:
        from app.client import ApiClient, normalize_base_url, prepare_ssl_context

        url = normalize_base_url(url)
        await prepare_ssl_context(url)
        async with ApiClient(url) as client:
            info = await client.info()
        await self._switch(url, demo=False)
        if self.demo is not None:
            await self.demo.stop()
            self.demo = None
        assert self.session is not None
        return {**dict(info), "signed_in": self.session.signed_in}

    async def _switch(self, url: str, demo: bool) -> None:
        """Use another fair: each fair keeps its own offline cache and images in the
        profile (the current ones are put aside and come back when the user returns)."""
        old = self.session
        if old is not None and old.server_url == url:
            return
        if self.window is not None:
            self.window.save_state()
            self.window.close_for_real()
            self.window.deleteLater()
            self.window = None
        if self.ctx is not None:
            self.ctx.deleteLater()
            self.ctx = None
        old_key: str | None = None
        if old is not None:
            old_key = "demo" if self.settings.extra.get(DEMO_FLAG) else old.server_url
            await old.close()
            self.session = None
            await asyncio.to_thread(_swap_caches, self.dir, old_key, "demo" if demo else url)
        try:
            await self._open_session(url, demo=demo)
        except Exception:
            # the new fair's cache could not be opened: go back to the fair we were on
            if old is not None and old_key is not None:
                log.exception("switching to %s failed; back to %s", url, old.server_url)
                await asyncio.to_thread(_swap_caches, self.dir, "demo" if demo else url, old_key)
                await self._open_session(old.server_url, demo=old_key == "demo")
                assert self.session is not None
                await self.session.restore(start=not self.headless)
                self.build_window()
            raise
        assert self.session is not None
        await self.session.restore(start=not self.headless)
        self.build_window()
        dialog = self._account_dialog
        if dialog is not None and isValid(dialog) and self.ctx is not None:
            self.ctx.progress.connect(dialog.on_progress)

    async def sign_in(self, email: str, password: str) -> dict[str, Any]:
        assert self.session is not None
        user = await self.session.sign_in(email, password)
        self._after_sign_in()
        return user

    async def register(self, fields: dict[str, Any]) -> dict[str, Any]:
        assert self.session is not None
        user = await self.session.register(**fields)
        self._after_sign_in()
        return user

    async def sections(self) -> list[Row]:
        assert self.session is not None
        followed: set[int] = set()
        try:
            from offline_cache import syncstate

            followed = set(await self.session.store.read(syncstate.followed_sections))
        except Exception:
            log.exception("reading followed sections failed")
        try:
            rows = [dict(r) for r in await self.session.client.sections()]
        except Exception as exc:
            log.info("online section list unavailable (%s); using the cache", exc)
            from app.catalog import CatalogService

            rows = await CatalogService(self.session.store).sections()
        for r in rows:
            r["followed"] = bool(r.get("followed")) or int(r.get("id") or 0) in followed
        return rows

    async def categories(self) -> list[Row]:
        """The cached categories (headings of the section list; empty before the directory)."""
        if self.session is None:
            return []
        from app.catalog import CatalogService

        return await CatalogService(self.session.store).categories()

    async def follow(self, section_ids: list[int]) -> None:
        assert self.session is not None
        for sid in section_ids:
            await self.session.follow(sid)
        if not self.session.engine.running:
            await self.session.engine.start()
        self.session.engine.wake()

    async def cancel_sync(self) -> None:
        if self.session is not None:
            await self.session.engine.stop()

    def _after_sign_in(self) -> None:
        if self.ctx is not None and self.session is not None:
            self.ctx.set_session(self.session)
            self._emit_state()

    # ------------------------------------------------------------------ the window

    def build_window(self) -> MainWindow:
        assert self.session is not None
        session = self.session
        if self.ctx is None:
            self.ctx = UiContext(
                session.store,
                lang=self.lang,
                session=session,
                settings=session.settings,
                blobs=self._blob_cache(),
                profile_dir=self.dir,
            )
        old = self.window
        geometry = old.saveGeometry() if old is not None else None
        current = old.current if old is not None else None
        if old is not None:
            old.save_state()
        window = MainWindow(self.ctx, state_file=self.dir / WINDOW_STATE_FILE)
        window.language_change_requested.connect(self.change_language)
        window.sign_out_requested.connect(self.sign_out)
        window.quit_requested.connect(self.quit_event.set)
        window.sync_now_requested.connect(self.sync_now)
        window.cancel_sync_requested.connect(lambda: spawn(self.cancel_sync(), "cancel-sync"))
        window.connect_requested.connect(self.connect_dialog)
        window.settings_applied.connect(self.apply_settings)
        if geometry is not None:
            window.restoreGeometry(geometry)
        elif self.args.size:
            w, h = (int(v) for v in self.args.size.lower().split("x"))
            window.resize(w, h)
        if old is not None:
            old.close_for_real()
            old.deleteLater()
        self.window = window
        window.show()
        spawn(window.notifier.check(), "unread-count")
        if current is not None:
            window.navigate(*current)
        else:
            window.navigate("fair")
            window.open_workspace_if_staff()  # exhibitor staff open on their workspace
        self._emit_state()
        window.status.refresh_stats()
        recovery = getattr(session.store, "recovery", None)
        if recovery is not None and old is None:
            self._tell_recovery(window, recovery)
        return window

    def _tell_recovery(self, window: MainWindow, recovery: Any) -> None:
        """The cache was damaged (or from a newer version) and was rebuilt: say so."""
        from ui.widgets import show_message

        if recovery.reason == "corrupt":
            text = self.tr(
                "The offline cache was damaged and has been rebuilt. It downloads again "
                "from the fair; {n} unsent items were kept and will be sent."
            )
        else:
            text = self.tr(
                "The offline cache was made by a newer FairDesk and has been rebuilt. It "
                "downloads again from the fair; {n} unsent items were kept and will be sent."
            )
        message = text.format(n=int(getattr(recovery, "outbox_kept", 0) or 0))
        window.status.showMessage(message, 30_000)
        if not self.headless:
            show_message(window, self.tr("Offline cache rebuilt"), message, warning=False)

    def _blob_cache(self) -> Any:
        try:
            from offline_cache.blobs import BlobCache
        except ImportError:
            return None
        mb = int(getattr(self.settings, "image_cache_mb", 256) or 256)
        try:
            return BlobCache(self.dir / "images", max_bytes=mb * 1024 * 1024)
        except Exception:
            log.exception("the image cache could not be opened; images will not be kept")
            return None

    def _emit_state(self) -> None:
        if self.ctx is None or self.session is None:
            return
        try:
            engine = self.session.engine
        except RuntimeError:
            return
        state = engine.state if self.session.signed_in else ConnState.SIGNED_OUT
        self.ctx.on_event(StateChanged(state, engine.last_synced, engine.pending, engine.message))

    def change_language(self, lang: str) -> None:
        lang = i18n.normalize(lang)
        if lang == self.lang:
            return
        self.lang = lang
        i18n.install(lang)
        if self.ctx is not None:
            self.ctx.lang = lang
        self.settings.language = lang
        if self.ctx is not None:
            self.ctx.save_settings()
        self.build_window()

    def apply_settings(self, values: dict[str, Any]) -> None:
        s = self.settings
        if values.get("time_zone", s.time_zone) != s.time_zone:
            s.time_zone = values.get("time_zone")
        mb = values.get("image_cache_mb")
        if isinstance(mb, int) and mb != s.image_cache_mb:
            s.image_cache_mb = mb
            blobs = self.ctx.images.blobs if self.ctx else None
            if blobs is not None and hasattr(blobs, "max_bytes"):
                blobs.max_bytes = mb * 1024 * 1024
        mode = values.get("low_data_mode")
        if self.ctx is not None and mode and mode != self.ctx.images.low_data:
            self.ctx.set_low_data(str(mode))
        elif self.ctx is not None:
            self.ctx.save_settings()
        lang = values.get("language")
        if lang and lang != self.lang:
            # after the dialog has closed: the window is rebuilt
            QTimer.singleShot(0, lambda: self.change_language(str(lang)))

    def sync_now(self) -> None:
        if self.session is None or not self.session.signed_in:
            self.ask_sign_in()
            return
        engine = self.session.engine
        if not engine.running:
            spawn(engine.start(), "engine-start")
        engine.wake()

    def sign_out(self) -> None:
        spawn(self._sign_out(), "sign-out")

    async def _sign_out(self) -> None:
        if self.session is None:
            return
        await self.session.sign_out()
        self._emit_state()
        self.ask_sign_in()

    def _on_signed_out(self) -> None:
        self._emit_state()
        self.ask_sign_in()

    def ask_sign_in(self) -> None:
        """The account step of the first-run dialog, over the window (cache stays usable)."""
        if self.headless:
            return
        old = self._account_dialog
        if old is not None and isValid(old) and old.isVisible():
            old.raise_()
            return
        from ui.firstrun import PAGE_ACCOUNT, FirstRunDialog

        dialog = FirstRunDialog(self, self.lang, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.stack.setCurrentIndex(PAGE_ACCOUNT)
        if self.demo is not None:
            dialog.demo_accounts = list(self.demo.accounts)
            buyer = next((a for a in self.demo.accounts if a.get("role") == self.args.demo_role), None)
            if buyer:
                dialog.email.setText(str(buyer.get("email") or ""))
                dialog.password.setText(str(buyer.get("password") or ""))
        elif self.settings.last_user_email:
            dialog.email.setText(self.settings.last_user_email)
        if self.ctx is not None:
            self.ctx.progress.connect(dialog.on_progress)
        self._account_dialog = dialog
        dialog.show()

    async def _startup_probe(self) -> int:
        """The window is up and the booth directory is on screen: report and leave."""
        import json

        assert self.window is not None
        fair = self.window.pages["fair"]
        model = fair.booth_model  # type: ignore[attr-defined]
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 30
        # the page reads the directory itself when shown (once: not again here)
        while (model.is_loading() or model.rowCount() == 0) and loop.time() < deadline:
            if fair.directory_ready and not fair.tree_model.rowCount():  # type: ignore[attr-defined]
                break  # an empty cache: nothing to wait for
            await asyncio.sleep(0.005)
        print(
            json.dumps(
                {
                    "ready_seconds": round(time.monotonic() - self.started, 3),
                    "booths_shown": model.rowCount(),
                }
            ),
            flush=True,
        )
        return 0

    # ------------------------------------------------------------------ loop-lag probe

    def _start_lag_probe(self) -> None:
        interval = 0.02
        last = [time.perf_counter()]

        from ui.perfwalk import StallWatch

        watch = StallWatch(self.stalls)
        self._stall_watch = watch
        if os.environ.get("FAIRDESK_STALL_EVENTS"):
            watch.trace_events(self.qapp)

        def tick() -> None:
            now = time.perf_counter()
            lag = (now - last[0] - interval) * 1000
            last[0] = now
            watch.tick()
            if lag > self.max_lag_ms:
                self.max_lag_ms = lag

        timer = QTimer(self)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(int(interval * 1000))
        timer.timeout.connect(tick)
        timer.start()
        self._lag_timer = timer
        watch.start()


CACHE_FILES = ("cache.sqlite", "cache.sqlite-wal", "cache.sqlite-shm", "images")


def _cache_slot(key: str) -> str:
    import hashlib

    return "demo" if key == "demo" else hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _swap_caches(directory: Path, old_key: str, new_key: str) -> None:
    """Put the current fair's cache aside (``fairs/<slot>/``) and bring back the new
    fair's, if this profile used it before. Runs on a worker thread."""
    import os
    import shutil

    aside = directory / "fairs" / _cache_slot(old_key)
    aside.mkdir(parents=True, exist_ok=True, mode=0o700)
    for name in CACHE_FILES:
        src = directory / name
        if src.exists():
            dst = aside / name
            if dst.is_dir():
                shutil.rmtree(dst)
            os.replace(src, dst)
    back = directory / "fairs" / _cache_slot(new_key)
    for name in CACHE_FILES:
        src = back / name
        if src.exists():
            os.replace(src, directory / name)
