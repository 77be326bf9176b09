"""Settings: language, time zone, low-data mode, cache size and location, sign out."""

from __future__ import annotations

import asyncio
import zoneinfo
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.catalog import format_bytes
from ui.asyncutil import spawn
from ui.context import UiContext
from ui.widgets import label


def _zones() -> list[str]:
    try:
        zones = sorted(z for z in zoneinfo.available_timezones() if "/" in z and not z.startswith("Etc/"))
    except Exception:
        zones = []
    return zones or ["UTC", "Asia/Shanghai", "Europe/Berlin", "America/New_York"]


class SettingsDialog(QDialog):
    """Applies on OK through ``applied(dict)``; sign-out and clear-cache act at once."""

    applied = Signal(dict)
    sign_out_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settings-dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        settings = ctx.settings

        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.lang)))

        self.time_zone = QComboBox(self)
        self.time_zone.setAccessibleName(self.tr("Time zone"))
        self.time_zone.setEditable(True)
        self.time_zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.time_zone.addItem(self.tr("System time zone"), None)
        for z in _zones():
            self.time_zone.addItem(z, z)
        completer = self.time_zone.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        tz = getattr(settings, "time_zone", None)
        self.time_zone.setCurrentIndex(max(0, self.time_zone.findData(tz)) if tz else 0)

        self.low_data = QComboBox(self)
        self.low_data.setAccessibleName(self.tr("Low-data mode"))
        self.low_data.addItem(self.tr("Off: load every image"), "off")
        self.low_data.addItem(self.tr("Thumbnails only"), "thumbnails")
        self.low_data.addItem(self.tr("Text only: no images"), "text")
        self.low_data.setCurrentIndex(max(0, self.low_data.findData(ctx.images.low_data)))

        self.cache_mb = QSpinBox(self)
        self.cache_mb.setAccessibleName(self.tr("Image cache size limit"))
        self.cache_mb.setRange(16, 100_000)
        self.cache_mb.setSingleStep(64)
        self.cache_mb.setSuffix(" MB")
        self.cache_mb.setValue(int(getattr(settings, "image_cache_mb", 256) or 256))

        path = str(ctx.profile_dir) if ctx.profile_dir is not None else ""
        self.location = label(path, "muted", self, wrap=True)
        self.location.setAccessibleName(self.tr("Cache location"))
        self.usage = label(self.tr("Measuring…"), "muted", self)
        self.usage.setAccessibleName(self.tr("Cache usage"))
        self.clear_button = QPushButton(self.tr("Clear image cache"), self)
        self.clear_button.setAccessibleName(self.tr("Delete every downloaded image"))
        self.clear_button.clicked.connect(self._clear_images)
        self.sign_out_button = QPushButton(self.tr("Sign out"), self)
        self.sign_out_button.setAccessibleName(self.tr("Sign out and forget the saved password token"))
        self.sign_out_button.clicked.connect(self._sign_out)
        self.sign_out_button.setEnabled(ctx.session is not None)
        user = getattr(ctx.session, "user", None) if ctx.session is not None else None
        who = ""
        if isinstance(user, dict):
            who = str(user.get("display_name") or user.get("email") or "")
        self.account = label(
            self.tr("Signed in as {name}").format(name=who) if who else self.tr("Not signed in"),
            "",
            self,
        )

        general = QGroupBox(self.tr("General"), self)
        gf = QFormLayout(general)
        gf.addRow(self.tr("Language"), self.language)
        gf.addRow(self.tr("Time zone"), self.time_zone)
        gf.addRow(self.tr("Low-data mode"), self.low_data)
        cache = QGroupBox(self.tr("Offline cache"), self)
        cf = QFormLayout(cache)
        cf.addRow(self.tr("Location"), self.location)
        cf.addRow(self.tr("In use"), self.usage)
        cf.addRow(self.tr("Image cache limit"), self.cache_mb)
        crow = QHBoxLayout()
        crow.addStretch(1)
        crow.addWidget(self.clear_button)
        cf.addRow(crow)
        account = QGroupBox(self.tr("Account"), self)
        al = QHBoxLayout(account)
        al.addWidget(self.account, 1)
        al.addWidget(self.sign_out_button)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(general)
        lay.addWidget(cache)
        lay.addWidget(account)
        lay.addStretch(1)
        lay.addSpacing(8)
        lay.addWidget(buttons)
        hint = self.sizeHint()  # as tall as its content: no empty band above the buttons
        self.resize(max(520, hint.width()), hint.height())
        spawn(self.measure(), "settings-measure")

    def values(self) -> dict[str, Any]:
        tz = self.time_zone.currentData()
        text = self.time_zone.currentText().strip()
        if tz is None and text and self.time_zone.findText(text) > 0:
            tz = text
        return {
            "language": self.language.currentData(),
            "time_zone": tz,
            "low_data_mode": self.low_data.currentData(),
            "image_cache_mb": self.cache_mb.value(),
        }

    def _accept(self) -> None:
        self.applied.emit(self.values())
        self.accept()

    async def measure(self) -> None:
        stats = await self.ctx.catalog.cache_stats()
        images = 0
        blobs = self.ctx.images.blobs
        if blobs is not None:
            try:
                images = int(await asyncio.to_thread(blobs.size_bytes))
            except Exception:
                images = 0
        self.usage.setText(
            self.tr("{products}, {companies}: {db}; images: {img}").format(
                products=self.tr("%Ln product(s)", "", int(stats.get("products") or 0)),
                companies=self.tr("%Ln booth(s)", "", int(stats.get("companies") or 0)),
                db=format_bytes(stats.get("bytes")),
                img=format_bytes(images),
            )
        )

    def _clear_images(self) -> None:
        spawn(self._do_clear(), "settings-clear")

    async def _do_clear(self) -> None:
        blobs = self.ctx.images.blobs
        self.clear_button.setEnabled(False)
        if blobs is not None:
            await asyncio.to_thread(blobs.clear)
        self.ctx.images.clear_memory()
        self.clear_button.setEnabled(True)
        await self.measure()

    def _sign_out(self) -> None:
        self.sign_out_requested.emit()
        self.reject()
