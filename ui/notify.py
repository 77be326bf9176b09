"""New-message notices: the unread count for the navigation badge and a desktop notice
(a system tray message) when a message from the other side arrives while the window is
not the active one. Tray messages only where the platform has a tray (never offscreen)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

from offline_cache import social
from ui.asyncutil import spawn
from ui.context import UiContext

Row = dict[str, Any]


def incoming_messages(db: Any, ids: Sequence[int]) -> list[Row]:
    """The messages among ``ids`` written by the other side (not by this profile)."""
    if not ids:
        return []
    conn = social._conn(db)
    role = conn.execute("SELECT role FROM profile LIMIT 1").fetchone()
    mine = "buyer" if role is None or role[0] in (None, "buyer") else "company"
    marks = ",".join("?" * len(ids))
    out: list[Row] = []
    for (data,) in conn.execute(
            f"SELECT data FROM social_messages WHERE id IN ({marks}) ORDER BY id",
            [int(i) for i in ids]):
        try:
            row = json.loads(data)
        except (TypeError, ValueError):
            continue
        if isinstance(row, dict) and row.get("sender_side") not in (None, mine):
            out.append(row)
    return out


class MessageNotifier(QObject):
    """Watches the engine's changes; ``unread_changed(n)`` feeds the badge and
    ``notified(title, body)`` tells that a desktop notice was due."""

    unread_changed = Signal(int)
    notified = Signal(str, str)

    def __init__(self, ctx: UiContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.unread = 0
        self.tray: QSystemTrayIcon | None = None
        self._seen: set[int] = set()
        ctx.changed.connect(self._on_changed)

    def _on_changed(self, changes: Any) -> None:
        if not (changes.touches("message") or changes.touches("conversation")):
            return
        ids = [int(i) for i in changes.upserted.get("message", ())
               if isinstance(i, int) or str(i).isdigit()]
        spawn(self.check(ids), "message-notice")

    async def check(self, message_ids: Sequence[int] = ()) -> None:
        store = self.ctx.store
        unread = int(await store.read(social.count_unread))
        if unread != self.unread:
            self.unread = unread
            self.unread_changed.emit(unread)
        new = [i for i in message_ids if i not in self._seen]
        self._seen.update(new)
        if not new:
            return
        rows = await store.read(incoming_messages, new)
        if rows and not self.window.isActiveWindow():
            self.notify(rows)

    def notify(self, rows: list[Row]) -> None:
        if len(rows) == 1:
            title = self.tr("New message from {name}").format(
                name=str(rows[0].get("sender_name") or ""))
            body = str(rows[0].get("text") or "") or self.tr("A product or a file")
        else:
            title = self.tr("{n} new messages").format(n=len(rows))
            names = sorted({str(r.get("sender_name") or "") for r in rows} - {""})
            body = ", ".join(names)
        body = body if len(body) <= 200 else body[:199] + "…"
        self.notified.emit(title, body)
        # the taskbar entry asks for attention on every desktop, with or without a tray
        QApplication.alert(self.window, 0)
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.tray is None:
            icon = self.window.windowIcon()
            if icon.isNull():  # a tray icon without an icon is invisible (and warns)
                icon = self.window.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(self.tr("FairDesk"))
            self.tray.messageClicked.connect(self._open_messages)
            self.tray.activated.connect(lambda _reason: self._open_messages())
        self.tray.show()
        self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 8000)

    def _open_messages(self) -> None:
        self.window.showNormal()
        self.window.activateWindow()
        self.ctx.navigate("messages")
