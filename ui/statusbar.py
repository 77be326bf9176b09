"""The status bar: connection state, sync progress, last synced, waiting items, bytes used."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from app.catalog import format_bytes
from app.events import ConnState, Progress, StateChanged
from ui.asyncutil import spawn
from ui.context import UiContext


def _eta_text(seconds: float | None) -> str:
    if seconds is None or seconds < 0:
        return ""
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"


class StatusBar(QStatusBar):
    cancel_requested = Signal()  # pause the download (it resumes on the next start)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("status-bar")
        self.setSizeGripEnabled(True)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("status-state")
        self.state_label.setAccessibleName(self.tr("Connection state"))
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("status-progress")
        self.progress_bar.setAccessibleName(self.tr("Sync progress"))
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setMaximumHeight(14)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.progress_label = QLabel(self)
        self.progress_label.hide()
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("status-cancel")
        self.cancel_button.setText(self.tr("Pause"))
        self.cancel_button.setToolTip(self.tr("Pause the download; it resumes on the next start or with Sync now (F5)"))
        self.cancel_button.setAccessibleName(self.tr("Pause the download"))
        self.cancel_button.setAutoRaise(False)
        self.cancel_button.clicked.connect(self._cancel)
        self.cancel_button.hide()
        self.synced_label = QLabel(self)
        self.synced_label.setAccessibleName(self.tr("Last synced"))
        self.pending_label = QLabel(self)
        self.pending_label.setAccessibleName(self.tr("Items waiting to send"))
        self.bytes_label = QLabel(self)
        self.bytes_label.setAccessibleName(self.tr("Storage used"))
        self.low_data_label = QLabel(self)
        self.low_data_label.setAccessibleName(self.tr("Low-data mode"))
        self.addWidget(self.state_label)
        self.addWidget(self.progress_bar)
        self.addWidget(self.progress_label)
        self.addWidget(self.cancel_button)
        self.addPermanentWidget(self.low_data_label)
        self.addPermanentWidget(self.pending_label)
        self.addPermanentWidget(self.synced_label)
        self.addPermanentWidget(self.bytes_label)

        self._state: StateChanged | None = ctx.last_event
        self.paused = False  # the user paused the download (the engine reports "offline")
        self._progress: dict[str, Progress] = {}
        ctx.state_changed.connect(self.on_state)
        ctx.progress.connect(self.on_progress)
        self._stats_timer = QTimer(self)
        self._stats_timer.setSingleShot(True)
        self._stats_timer.setInterval(1500)
        self._stats_timer.timeout.connect(self.refresh_stats)
        ctx.low_data_changed.connect(self._show_low_data)
        ctx.changed.connect(self._on_changed)
        self._clock = QTimer(self)
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self._show_state)
        self._clock.start()
        self._show_state()
        self._show_low_data()

    def on_state(self, event: StateChanged) -> None:
        self._state = event
        # a pause ends when the engine runs again (a state event queued before the
        # pause took effect must not end it)
        running = bool(getattr(self.ctx.engine, "running", True))
        if event.state == ConnState.SIGNED_OUT or (
                event.state in (ConnState.SYNCING, ConnState.ONLINE) and running):
            self.paused = False
        if event.state != ConnState.SYNCING:
            self._progress.clear()
            self.progress_bar.hide()
            self.progress_label.hide()
            self.cancel_button.hide()
        self._show_state()

    def on_progress(self, event: Progress) -> None:
        if event.complete:
            self._progress.pop(event.scope, None)
        else:
            self._progress[event.scope] = event
        self._show_progress()

    def _show_progress(self) -> None:
        items = list(self._progress.values())
        if not items:
            self.progress_bar.hide()
            self.progress_label.hide()
            self.cancel_button.hide()
            return
        done = sum(p.done for p in items)
        expected_known = all(p.expected for p in items)
        rate = sum(p.rate for p in items)
        if expected_known:
            expected = sum(int(p.expected or 0) for p in items)
            self.progress_bar.setRange(0, max(expected, 1))
            self.progress_bar.setValue(min(done, expected))
        else:
            self.progress_bar.setRange(0, 0)
        etas = [p.eta for p in items if p.eta is not None]
        text = self.tr("Downloading: %Ln item(s)", "", done) + " · " + self.tr("{rate}/s").format(
            rate=f"{rate:,.0f}"
        )
        if etas:
            text += " · " + self.tr("{eta} left").format(eta=_eta_text(max(etas)))
        self.progress_label.setText(text)
        self.progress_bar.show()
        self.progress_label.show()
        self.cancel_button.show()

    def _cancel(self) -> None:
        self.cancel_button.hide()
        self.progress_bar.hide()
        self.progress_label.hide()
        self._progress.clear()
        self.paused = True
        self.showMessage(
            self.tr("Download paused: it resumes on the next start or with Sync now (F5)."), 15_000
        )
        self.cancel_requested.emit()

    def _show_state(self) -> None:
        ev = self._state
        state = ev.state if ev else self.ctx.state
        names = {
            ConnState.ONLINE: self.tr("● Online"),
            ConnState.OFFLINE: self.tr("○ Offline: showing cached data"),
            ConnState.SYNCING: self.tr("⟳ Syncing…"),
            ConnState.ERROR: self.tr("⚠ Sync problem"),
            ConnState.SIGNED_OUT: self.tr("Signed out"),
        }
        if self.paused and state == ConnState.OFFLINE:
            names[state] = self.tr("⏸ Download paused")
        self.state_label.setText(names.get(state, str(state)))
        self.state_label.setToolTip(ev.message if ev and ev.message else "")
        last = ev.last_synced if ev else None
        self.synced_label.setText(
            self.tr("Last synced: {when}").format(when=self._when(last)) if last else self.tr("Not synced yet")
        )
        pending = ev.pending if ev else 0
        self.pending_label.setText(self.tr("%Ln waiting to send", "", pending))
        self.pending_label.setVisible(pending > 0)

    def _when(self, when: datetime) -> str:
        delta = (datetime.now(UTC) - when).total_seconds()
        if delta < 60:
            return self.tr("just now")
        if delta < 3600:
            return self.tr("%Ln min ago", "", int(delta // 60))
        return self.ctx.local_time(when).strftime("%Y-%m-%d %H:%M")

    def _on_changed(self, _changes: object) -> None:
        if not self._stats_timer.isActive():
            self._stats_timer.start()

    def _show_low_data(self, _mode: str = "") -> None:
        mode = self.ctx.images.low_data
        names = {"thumbnails": self.tr("Low data: thumbnails only"), "text": self.tr("Low data: text only")}
        self.low_data_label.setText(names.get(mode, ""))
        self.low_data_label.setVisible(mode in names)

    def refresh_stats(self) -> None:
        spawn(self._refresh_stats(), "status-stats")

    async def _refresh_stats(self) -> None:
        stats: dict[str, Any] = await self.ctx.catalog.cache_stats()
        images = 0
        blobs = self.ctx.images.blobs
        if blobs is not None:
            try:
                import asyncio

                images = int(await asyncio.to_thread(blobs.size_bytes))
            except Exception:
                images = 0
        total = int(stats.get("bytes") or 0) + images
        self.bytes_label.setText(
            self.tr("{products} cached · {size}").format(
                products=self.tr("%Ln product(s)", "", int(stats.get("products") or 0)),
                size=format_bytes(total),
            )
        )
