"""Messages: conversations with exhibitors (or buyers), the message view and a composer.

Message text is untrusted: it is shown as plain text only (list item text is never
interpreted as rich text; tooltips go through ``plain_tooltip``). Messages written
offline show "waiting to send" until the server has them. Attachments are chosen with
the platform's open dialog and saved through its save dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog import localized
from app.social import AttachmentError, SocialService
from offline_cache import social
from ui.asyncutil import spawn
from ui.context import UiContext
from ui.models import ID_ROLE, ROW_ROLE, plain_tooltip
from ui.problems import tr_error
from ui.widgets import label, show_message

Row = dict[str, Any]
AnyIndex = QModelIndex | QPersistentModelIndex
_REFRESH_ON = ("conversation", "message", "outgoing", "outbox")


class _LocalWriter:
    """Without a signed-in session, writes go to the store (pushed after sign-in)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.client = None

    async def local_write(self, fn: Any, *args: Any, **kw: Any) -> Any:
        return await self.store.write(fn, *args, **kw)


def social_service(ctx: UiContext) -> SocialService:
    """The chat/cards/grants service; without a session, writes wait in the store."""
    engine = ctx.engine
    return SocialService(ctx.store, engine if engine is not None
                         else _LocalWriter(ctx.store))  # type: ignore[arg-type]


async def profile_side(ctx: UiContext) -> str:
    """``buyer`` or ``company`` (exhibitor staff) for the signed-in profile."""
    role = await ctx.store.read(_profile_role)
    return "buyer" if role in (None, "buyer") else "company"


async def contact_company(ctx: UiContext, company_id: int, product_id: int | None = None,
                          wait: float = 3.0) -> int | None:
    """Open (or start) the conversation with a company, sharing a product card when
    given; returns the conversation id once known (a new one needs the server: it is
    None while offline, and the message waits to send)."""
    import asyncio

    async def find() -> int | None:
        rows = await ctx.store.read(social.list_conversations, "")
        return next((int(r["id"]) for r in rows if int(r.get("company_id") or 0) == company_id),
                    None)

    svc = social_service(ctx)
    cid = await find()
    if product_id is not None:
        if cid is not None:
            await svc.share_product(product_id, conversation_id=cid)
        else:
            await svc.share_product(product_id, company_id=company_id)
    if cid is None and ctx.is_online():
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while cid is None and loop.time() < deadline:
            await asyncio.sleep(0.1)
            cid = await find()
    return cid


class FirstMessageDialog(QDialog):
    """Write the first message to a company (buyers) or to a buyer (exhibitor staff).

    Opened with ``open()`` (no nested event loop); ``sent`` is called with the new
    conversation id (None while offline: the message waits to send)."""

    def __init__(self, ctx: UiContext, parent: QWidget, name: str, *,
                 company_id: int | None = None, buyer_user_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.company_id = company_id
        self.buyer_user_id = buyer_user_id
        self.setWindowTitle(self.tr("Message to {name}").format(name=name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("first-message")
        self.text.setAccessibleName(self.tr("Your message"))
        self.text.setPlaceholderText(self.tr("Write your message"))
        self.buttons = QDialogButtonBox(self)
        self.send_button = self.buttons.addButton(self.tr("Send"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.send_button.setEnabled(False)
        self.text.textChanged.connect(
            lambda: self.send_button.setEnabled(bool(self.text.toPlainText().strip())))
        self.buttons.accepted.connect(self._send)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(label(self.tr("Message to {name}").format(name=name), "section", self))
        lay.addWidget(self.text, 1)
        lay.addWidget(self.buttons)
        self.resize(520, 260)

    def _send(self) -> None:
        self.send_button.setEnabled(False)
        spawn(self.send(self.text.toPlainText()), "first-message")

    async def send(self, text: str) -> int | None:
        try:
            await social_service(self.ctx).send_text(
                text, company_id=self.company_id, buyer_user_id=self.buyer_user_id)
        except ValueError as exc:
            show_message(self, self.tr("Message not sent"), str(exc))
            self.send_button.setEnabled(True)
            return None
        self.accept()
        cid = await _wait_for_conversation(self.ctx, self.company_id, self.buyer_user_id)
        self.ctx.navigate("messages", cid)
        return cid


async def _wait_for_conversation(ctx: UiContext, company_id: int | None,
                                 buyer_user_id: int | None, wait: float = 3.0) -> int | None:
    """The conversation with that company/buyer once the server made it (online)."""
    import asyncio

    async def find() -> int | None:
        for r in await ctx.store.read(social.list_conversations, ""):
            if company_id is not None and int(r.get("company_id") or 0) == company_id:
                return int(r["id"])
            if buyer_user_id is not None and int(r.get("buyer_user_id") or 0) == buyer_user_id:
                return int(r["id"])
        return None

    cid = await find()
    if cid is None and ctx.is_online():
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while cid is None and loop.time() < deadline:
            await asyncio.sleep(0.1)
            cid = await find()
    return cid


def conversation_title(row: Row, side: str) -> str:
    name = row.get("company_name") if side == "buyer" else row.get("buyer_name")
    return str(name or "")


def message_text(row: Row, lang: str = "en") -> str:
    """The plain-text body of a message row as the view shows it."""
    kind = row.get("kind")
    text = str(row.get("text") or "")
    if kind == "product":
        product = row.get("product") or {}
        name = localized(product, "name", lang) or str(row.get("product_id") or "")
        body = QCoreApplication.translate("Messages", "Product: {name}").format(name=name)
        text = f"{body}\n{text}" if text else body
    elif kind == "attachment":
        att = row.get("attachment") or {}
        body = QCoreApplication.translate("Messages", "Attachment: {name}").format(name=att.get("filename") or "")
        text = f"{body}\n{text}" if text else body
    status = row.get("status")
    if status == "waiting":
        text += "\n" + QCoreApplication.translate("Messages", "Waiting to send")
    elif status == "rejected":
        text += "\n" + QCoreApplication.translate("Messages", "Not sent: {reason}").format(
            reason=row.get("reason") or row.get("code") or "")
    return text


class ConversationListModel(QAbstractListModel):
    """Conversations, newest first, with unread counts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self.side = "buyer"

    def set_rows(self, rows: list[Row], side: str) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.side = side
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def row(self, index: int) -> Row:
        return self._rows[index]

    def row_of(self, conversation_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.get("id") == conversation_id:
                return i
        return -1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            title = conversation_title(r, self.side)
            unread = int(r.get("unread") or 0)
            if unread:
                return QCoreApplication.translate("Messages", "{name} ({n} unread)").format(
                    name=title, n=unread)
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            last = r.get("last_message") or {}
            return plain_tooltip(str(last.get("preview") or ""))
        if role == ID_ROLE:
            return r.get("id")
        if role == ROW_ROLE:
            return r
        return None


class MessageListModel(QAbstractListModel):
    """The messages of one conversation, oldest first (plain text only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self.lang = "en"
        self.side = "buyer"  # the viewer's side: "buyer" or "company"
        self.other_read_upto = 0  # the other side's read receipt (a message n)

    def set_rows(self, rows: list[Row], side: str = "buyer", other_read_upto: int = 0) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.side = side
        self.other_read_upto = other_read_upto
        self.endResetModel()

    def is_read(self, r: Row) -> bool:
        """One of ours that the other side has read (their read receipt covers it)."""
        n = r.get("n")
        return (r.get("sender_side") == self.side and r.get("status", "delivered") == "delivered"
                and n is not None and int(n) <= self.other_read_upto)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def row(self, index: int) -> Row:
        return self._rows[index]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            sender = str(r.get("sender_name") or QCoreApplication.translate("Messages", "You"))
            when = str(r.get("created_at") or "")[:16].replace("T", " ")
            text = f"{sender} · {when}\n{message_text(r, self.lang)}"
            if self.is_read(r):
                text += "\n✓ " + QCoreApplication.translate("Messages", "Read")
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(message_text(r, self.lang))
        if role == ID_ROLE:
            return r.get("id")
        if role == ROW_ROLE:
            return r
        return None


class MessagesPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-messages")
        self.setAccessibleName(self.tr("Messages"))
        self.conversation_id: int | None = None
        self.side = "buyer"

        self.filter = QLineEdit(self)
        self.filter.setObjectName("conversation-filter")
        self.filter.setPlaceholderText(self.tr("Search names and messages"))
        self.filter.setAccessibleName(self.tr("Search names and messages"))
        self.filter.textChanged.connect(lambda _t: self.refresh())
        self.conversations = ConversationListModel(self)
        self.conv_view = QListView(self)
        self.conv_view.setObjectName("conversation-list")
        self.conv_view.setAccessibleName(self.tr("Conversations"))
        self.conv_view.setModel(self.conversations)
        self.conv_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.conv_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.conv_view.setSpacing(2)
        self.conv_view.selectionModel().currentChanged.connect(self._on_conversation)

        self.title = label("", "section", self)
        self.title.setObjectName("conversation-title")
        self.messages = MessageListModel(self)
        self.messages.lang = ctx.lang
        self.msg_view = QListView(self)
        self.msg_view.setObjectName("message-list")
        self.msg_view.setAccessibleName(self.tr("Messages"))
        self.msg_view.setModel(self.messages)
        self.msg_view.setWordWrap(True)
        self.msg_view.setSpacing(4)
        self.msg_view.setUniformItemSizes(False)
        self.msg_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.msg_view.doubleClicked.connect(self._open_message)
        self.msg_view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

        self.composer = QPlainTextEdit(self)
        self.composer.setObjectName("composer")
        self.composer.setAccessibleName(self.tr("Message text"))
        self.composer.setPlaceholderText(self.tr("Write a message"))
        self.composer.setTabChangesFocus(True)
        self.composer.setMaximumHeight(90)
        self.composer.textChanged.connect(self._on_composer_text)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.attach_button = QPushButton(self.tr("Attach file…"), self)
        self.save_button = QPushButton(self.tr("Save attachment…"), self)
        self.open_button = QPushButton(self.tr("Open product"), self)
        self.deal_button = QPushButton(self.tr("Open a deal…"), self)
        self.deal_button.setObjectName("conversation-deal")
        self.deal_button.setToolTip(self.tr("Negotiate an order with the other side of this "
                                            "conversation"))
        self.deal_button.clicked.connect(self.deal_clicked)
        self.send_button.clicked.connect(self.send_clicked)
        self.attach_button.clicked.connect(self.attach_clicked)
        self.save_button.clicked.connect(self.save_clicked)
        self.open_button.clicked.connect(lambda: self._open_message(self.msg_view.currentIndex()))
        self.quick_replies: list[Row] = []
        self.quick_menu = QMenu(self)
        self.quick_button = QToolButton(self)
        self.quick_button.setObjectName("quick-replies")
        self.quick_button.setText(self.tr("Quick replies"))
        self.quick_button.setToolTip(self.tr("Insert one of your company's saved replies"))
        self.quick_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.quick_button.setMenu(self.quick_menu)
        self.quick_button.hide()
        self._build_quick_menu()
        self.send_button.setToolTip(self.tr("Send the message (it waits while offline)"))
        self.attach_button.setToolTip(self.tr("Send an image or a PDF (at most 10 MiB)"))

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.filter)
        lv.addWidget(self.conv_view, 1)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.title)
        rv.addWidget(self.msg_view, 1)
        rv.addWidget(self.composer)
        buttons = QHBoxLayout()
        for b in (self.quick_button, self.attach_button, self.save_button, self.open_button,
                  self.deal_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        rv.addLayout(buttons)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([320, 880])
        lay = QVBoxLayout(self)
        lay.addWidget(self.splitter)
        ctx.changed.connect(self._on_changed)
        self._update_buttons()

    # -- page protocol
    def page_title(self) -> str:
        return self.tr("Messages")

    def activate(self, arg: object = None) -> None:
        if isinstance(arg, int):
            self.conversation_id = arg
        self.refresh()

    @property
    def service(self) -> SocialService:
        return social_service(self.ctx)

    # -- loading
    def refresh(self) -> None:
        spawn(self.reload(), "messages-reload")

    async def reload(self) -> None:
        await self._reload_conversations()
        await self.load_messages()

    async def _reload_conversations(self) -> None:
        profile = await self.ctx.store.read(_profile_role)
        self.side = "buyer" if profile in (None, "buyer") else "company"
        rows = await self.ctx.store.read(social.list_conversations, self.filter.text())
        self.conversations.set_rows(rows, self.side)
        await self.load_quick_replies()
        if self.conversation_id is None and rows:
            self.conversation_id = int(rows[0]["id"])
        row = self.conversations.row_of(self.conversation_id or 0)
        if row >= 0:
            self.conv_view.selectionModel().blockSignals(True)
            self.conv_view.setCurrentIndex(self.conversations.index(row))
            self.conv_view.selectionModel().blockSignals(False)

    async def load_messages(self) -> None:
        cid = self.conversation_id
        if cid is None:
            self.messages.set_rows([])
            self.title.setText(self.tr("No conversation yet"))
            self._update_buttons()
            return
        conv = await self.ctx.store.read(social.get_conversation, cid)
        self.title.setText(conversation_title(conv or {}, self.side))
        rows = await self.ctx.store.read(social.conversation_messages, cid)
        for r in rows:  # a card still waiting to send names its product from the cache
            if r.get("kind") == "product" and not r.get("product") and r.get("product_id"):
                product = await self.ctx.catalog.product(int(r["product_id"]))
                if product is not None:
                    r["product"] = product
        if self.conversation_id != cid:
            return
        other = "company_read_upto" if self.side == "buyer" else "buyer_read_upto"
        self.messages.set_rows(rows, self.side, int((conv or {}).get(other) or 0))
        if self.messages.rowCount():
            self.msg_view.scrollToBottom()
        self._update_buttons()
        if conv is not None and int(conv.get("unread") or 0) and self.isVisible():
            await self.service.mark_read(cid)
            await self._reload_conversations()

    def _on_changed(self, changes: Any) -> None:
        if any(changes.touches(e) for e in _REFRESH_ON) and self.isVisible():
            self.refresh()
        elif changes.touches("quick_reply") and self.isVisible():
            spawn(self.load_quick_replies(), "quick-replies")

    # -- quick replies (exhibitor staff)
    async def load_quick_replies(self) -> None:
        staff = self.side == "company"
        self.quick_replies = await self.service.quick_replies() if staff else []
        self.quick_button.setVisible(staff)
        self._build_quick_menu()

    def _build_quick_menu(self) -> None:
        menu = self.quick_menu
        menu.clear()
        for r in self.quick_replies:
            text = str(r.get("text") or "")
            shown = " ".join(text.split())
            shown = shown if len(shown) <= 60 else shown[:59] + "…"
            act = menu.addAction(shown.replace("&", "&&"))
            act.setToolTip(plain_tooltip(text))
            act.triggered.connect(lambda _c=False, t=text: self.insert_quick_reply(t))
        if not self.quick_replies:
            empty = menu.addAction(self.tr("No quick replies yet"))
            empty.setEnabled(False)
        menu.addSeparator()
        add = menu.addAction(self.tr("Save the message as a quick reply"))
        add.setEnabled(bool(self.composer.toPlainText().strip()))
        add.triggered.connect(self.add_quick_reply_clicked)
        self.quick_add_action = add

    def insert_quick_reply(self, text: str) -> None:
        self.composer.insertPlainText(text)
        self.composer.setFocus()

    def add_quick_reply_clicked(self) -> None:
        text = self.composer.toPlainText().strip()
        if text:
            spawn(self.add_quick_reply(text), "quick-reply-add")

    async def add_quick_reply(self, text: str) -> None:
        import uuid

        position = max((int(r.get("position") or 0) for r in self.quick_replies), default=-1) + 1
        try:
            await self.service.set_quick_reply(f"qr-{uuid.uuid4().hex[:16]}", text,
                                               min(position, 10_000))
        except ValueError as exc:
            show_message(self, self.tr("Quick reply not saved"), str(exc))
            return
        await self.load_quick_replies()

    def _on_conversation(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if current.isValid():
            self.conversation_id = int(self.conversations.row(current.row())["id"])
            spawn(self.load_messages(), "messages-load")

    def _current_message(self) -> Row | None:
        idx = self.msg_view.currentIndex()
        return self.messages.row(idx.row()) if idx.isValid() else None

    def _on_composer_text(self) -> None:
        action = getattr(self, "quick_add_action", None)
        if action is not None:
            action.setEnabled(bool(self.composer.toPlainText().strip()))

    def _update_buttons(self) -> None:
        has = self.conversation_id is not None
        for b in (self.send_button, self.attach_button, self.composer, self.deal_button):
            b.setEnabled(has)
        msg = self._current_message()
        self.save_button.setEnabled(bool(msg and msg.get("kind") == "attachment"
                                         and msg.get("status") == "delivered"))
        self.open_button.setEnabled(bool(msg and msg.get("kind") == "product"))

    # -- actions
    def deal_clicked(self) -> None:
        conv = next((self.conversations.row(i) for i in range(self.conversations.rowCount())
                     if self.conversations.row(i).get("id") == self.conversation_id), None)
        if conv is not None:
            spawn(self.open_deal(conv), "conversation-deal")

    async def open_deal(self, conv: Row) -> str | None:
        """Open (or start) the deal with the other side of this conversation."""
        from ui.pages.deals import open_deal_for

        try:
            if self.side == "buyer":
                return await open_deal_for(self.ctx, company_id=int(conv["company_id"]),
                                           conversation_id=int(conv["id"]))
            return await open_deal_for(self.ctx, buyer_user_id=int(conv["buyer_user_id"]),
                                       conversation_id=int(conv["id"]))
        except ValueError as exc:
            show_message(self, self.tr("No deal opened"), tr_error(exc))
            return None

    def send_clicked(self) -> None:
        text = self.composer.toPlainText()
        if not text.strip() or self.conversation_id is None:
            return
        spawn(self._send(text), "messages-send")

    async def _send(self, text: str) -> None:
        try:
            await self.service.send_text(text, conversation_id=self.conversation_id)
        except ValueError as exc:
            show_message(self, self.tr("Message not sent"), str(exc))
            return
        self.composer.clear()
        await self.load_messages()

    def attach_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach a file"), "",
            self.tr("Images and PDF (*.jpg *.jpeg *.png *.webp *.pdf)"))
        if path:
            spawn(self._attach(Path(path)), "messages-attach")

    async def _attach(self, path: Path) -> None:
        try:
            await self.service.send_attachment(path, conversation_id=self.conversation_id)
        except (AttachmentError, ValueError) as exc:
            show_message(self, self.tr("File not sent"), str(exc))
            return
        await self.load_messages()

    def save_clicked(self) -> None:
        msg = self._current_message()
        if not msg or not msg.get("attachment_id"):
            return
        spawn(self._save(msg), "messages-save")

    async def _save(self, msg: Row) -> None:
        from app.social import safe_file_name

        name = safe_file_name(str((msg.get("attachment") or {}).get("filename") or ""))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), name)
        if not path:
            return
        try:
            await self.service.save_attachment(str(msg["attachment_id"]), Path(path))
        except Exception as exc:  # network, permission: tell the user, never crash
            show_message(self, self.tr("Attachment not saved"), str(exc))

    def _open_message(self, index: QModelIndex) -> None:
        self._update_buttons()
        if not index.isValid():
            return
        msg = self.messages.row(index.row())
        if msg.get("kind") == "product" and msg.get("product_id"):
            self.ctx.navigate("product", int(msg["product_id"]))


def _profile_role(db: Any) -> str | None:
    row = db.conn.execute("SELECT role FROM profile LIMIT 1").fetchone()
    return None if row is None else str(row[0])
