"""Business cards and authorizations.

``CardsPage``: one's own card (edit, QR code), the card holder (search, tags and notes,
export the selected cards to vCard or CSV, remove) and card requests (accept, decline).
``AuthorizationsPage``: a buyer's grants (authorize or revoke each exhibitor); for
exhibitor staff, the buyers who authorized (or contacted) the company.
Card and profile data come from other users: shown as plain text only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, QSortFilterProxyModel, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.social import (
    AttachmentError,
    SocialService,
    card_qr_png,
    cards_to_csv,
    cards_to_vcard,
    check_card_photo,
)
from offline_cache import social
from ui.asyncutil import spawn
from ui.context import UiContext
from ui.models import StaticTableModel
from ui.pages.messages import FirstMessageDialog, _LocalWriter, _profile_role
from ui.pages.shortlist import NoteDialog
from ui.widgets import label, show_message, table_view

Row = dict[str, Any]
CARD_EDIT_FIELDS = ("name", "title", "company", "country", "phone", "email", "website")
#: The card editor's photo choice: unchanged, a new file (its path), or removed.
PHOTO_UNCHANGED = ""
PHOTO_REMOVED = "-"
THUMB = 24  # the round thumbnail in the card holder list
PHOTO = 96  # the photo on the card view


def card_key(card: Row, size: str = "thumb") -> str | None:
    """The image key of a card's photo ("card/<id>/<version>?size=…"), None without one
    (or while the card is a local draft)."""
    try:
        cid, version = int(card.get("id") or 0), int(card.get("version") or 0)
    except (TypeError, ValueError):
        return None
    if not card.get("has_photo") or cid <= 0 or ("photo_attachment_id" in card and not card["photo_attachment_id"]):
        return None  # no photo, a local draft, or a removal waiting to be sent
    return f"card/{cid}/{version}?size={size}"


def round_pixmap(pix: QPixmap, side: int) -> QPixmap:
    """``pix`` cropped to a centred circle of ``side`` pixels (device-pixel aware)."""
    ratio = max(1.0, pix.devicePixelRatio())
    px = round(side * ratio)
    src = pix.scaled(px, px, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                     Qt.TransformationMode.SmoothTransformation)
    out = QPixmap(px, px)
    out.fill(Qt.GlobalColor.transparent)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addEllipse(0, 0, px, px)
    painter.setClipPath(path)
    painter.drawPixmap((px - src.width()) // 2, (px - src.height()) // 2, src)
    painter.end()
    out.setDevicePixelRatio(ratio)
    return out


def photo_pixmap(ctx: UiContext, card: Row | None, side: int, pending: str | None = None) -> QPixmap | None:
    """The photo of ``card`` at ``side`` pixels: a photo still waiting to be uploaded
    (``pending``: its local file) first, else the server's (None until it has loaded)."""
    if card is None:
        return None
    if pending:
        local = QPixmap(pending)
        return None if local.isNull() else local.scaled(
            side, side, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation)
    key = card_key(card, "thumb" if side <= 240 else "full")
    if key is None:
        return None
    pix = ctx.images.cached(key)
    if pix is None:
        ctx.images.request(key)
    return pix


class CardsTableModel(StaticTableModel):
    """The card holder's table with a small round photo before each name."""

    def __init__(self, ctx: UiContext, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self.ctx = ctx
        self._round: dict[str, QPixmap] = {}
        ctx.images.image_ready.connect(self._image_ready)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 0:
            card = self.payload(index.row())
            if not isinstance(card, dict):
                return None
            key = card_key(card)
            pix = self._round.get(key) if key is not None else None
            if pix is not None:
                return pix
            loaded = self.ctx.images.cached(key) if key is not None else None
            if loaded is not None and key is not None:
                pix = self._round[key] = round_pixmap(loaded, THUMB)
                return pix
            if key is not None:
                self.ctx.images.request(key)
            # no photo (or while it loads): the initials, so the names line up
            name = str(card.get("name") or "")
            pix = self._round.get("initials:" + name)
            if pix is None:
                pix = round_pixmap(self.ctx.images.initials(QSize(THUMB, THUMB), name), THUMB)
                if len(self._round) > 2000:
                    self._round.clear()
                self._round["initials:" + name] = pix
            return pix
        return super().data(index, role)

    def _image_ready(self, key: str) -> None:
        if not key.startswith("card/"):
            return
        for row in range(self.rowCount()):
            card = self.payload(row)
            if isinstance(card, dict) and card_key(card) == key:
                idx = self.index(row, 0)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])


def fit_columns(view: QTableView, widest: int = 360) -> None:
    """Columns as wide as their contents (names are never cut to "Zhongshan ..."), capped."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for col in range(header.count() - 1):
        view.setColumnWidth(col, min(max(view.columnWidth(col), 90), widest))


def _service(ctx: UiContext) -> SocialService:
    engine = ctx.engine
    return SocialService(ctx.store, engine if engine is not None
                         else _LocalWriter(ctx.store))  # type: ignore[arg-type]


class CardDialog(QDialog):
    """Edit one's own card."""

    def __init__(self, card: Row, parent: QWidget | None = None, photo: QPixmap | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My card"))
        self.setObjectName("card-dialog")
        names = {
            "name": self.tr("Name"), "title": self.tr("Title"), "company": self.tr("Company"),
            "country": self.tr("Country (two letters)"), "phone": self.tr("Phone"),
            "email": self.tr("Email"), "website": self.tr("Website"),
        }
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for f in CARD_EDIT_FIELDS:
            e = QLineEdit(str(card.get(f) or ""), self)
            e.setAccessibleName(names[f])
            e.setMaxLength(2 if f == "country" else 300)
            self.edits[f] = e
            form.addRow(names[f], e)
        handles = card.get("handles")
        if isinstance(handles, str):
            try:
                handles = json.loads(handles)
            except ValueError:
                handles = {}
        handles = handles if isinstance(handles, dict) else {}
        self.handles: dict[str, QLineEdit] = {}
        for key, caption in (("wechat", self.tr("WeChat")), ("whatsapp", self.tr("WhatsApp")),
                             ("telegram", self.tr("Telegram")), ("skype", self.tr("Skype"))):
            e = QLineEdit(str(handles.get(key) or ""), self)
            e.setAccessibleName(caption)
            e.setMaxLength(200)
            self.handles[key] = e
            form.addRow(caption, e)
        self._other_handles = {k: str(v) for k, v in handles.items() if k not in self.handles}
        # the photo (or logo): chosen in the platform's open dialog, sent on Save
        self.photo_choice = PHOTO_UNCHANGED
        self._has_photo = bool(card.get("has_photo"))
        self.photo_preview = QLabel(self)
        self.photo_preview.setObjectName("card-photo-preview")
        self.photo_preview.setFixedSize(PHOTO // 2, PHOTO // 2)
        self.photo_preview.setAccessibleName(self.tr("Photo"))
        self.photo_button = QPushButton(self.tr("Choose photo or logo…"), self)
        self.photo_button.setObjectName("choose-card-photo")
        self.remove_photo_button = QPushButton(self.tr("Remove photo"), self)
        self.remove_photo_button.setObjectName("remove-card-photo")
        self.photo_button.clicked.connect(self.choose_photo)
        self.remove_photo_button.clicked.connect(self.remove_photo)
        self.photo_status = label("", "", self, wrap=True)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_preview)
        photo_row.addWidget(self.photo_button)
        photo_row.addWidget(self.remove_photo_button)
        photo_row.addStretch(1)
        form.addRow(self.tr("Photo"), photo_row)
        form.addRow("", self.photo_status)
        self.show_photo(photo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def show_photo(self, pix: QPixmap | None) -> None:
        side = PHOTO // 2
        if pix is not None and not pix.isNull():
            self.photo_preview.setPixmap(round_pixmap(pix, side))
        else:
            self.photo_preview.clear()
        has = self.photo_choice not in (PHOTO_UNCHANGED, PHOTO_REMOVED) or (
            self.photo_choice == PHOTO_UNCHANGED and self._has_photo)
        self.remove_photo_button.setEnabled(has)

    def ask_photo_path(self) -> str:
        """The platform's open dialog, images only."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose photo or logo"), "",
            self.tr("Images (*.jpg *.jpeg *.png *.webp)"))
        return path

    def choose_photo(self) -> None:
        path = self.ask_photo_path()
        if not path:
            return
        try:
            check_card_photo(Path(path))
        except AttachmentError as exc:
            self.photo_status.setText(self.tr("This file cannot be your photo: {why}").format(why=str(exc)))
            return
        pix = QPixmap(path)
        if pix.isNull():
            self.photo_status.setText(self.tr("This file cannot be your photo: {why}").format(
                why=self.tr("the image cannot be read")))
            return
        self.photo_choice = path
        self.photo_status.setText(self.tr("The photo is sent when you save."))
        self.show_photo(pix)

    def remove_photo(self) -> None:
        self.photo_choice = PHOTO_REMOVED
        self.photo_status.setText(self.tr("The photo is removed when you save."))
        self.show_photo(None)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {f: e.text().strip() for f, e in self.edits.items()}
        handles = dict(self._other_handles)
        for key, e in self.handles.items():
            if e.text().strip():
                handles[key] = e.text().strip()
            else:
                handles.pop(key, None)
        out["handles"] = handles
        return out


class QrDialog(QDialog):
    """One's own card as a QR code, for on-site meetings."""

    def __init__(self, png: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My card as a QR code"))
        self.setObjectName("qr-dialog")
        pix = QPixmap()
        pix.loadFromData(png, "PNG")
        self.image = QLabel(self)
        self.image.setPixmap(pix)
        self.image.setAccessibleName(self.tr("QR code of my card"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.image)
        lay.addWidget(buttons)


class CardsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-cards")
        self.setAccessibleName(self.tr("Cards"))
        self.my: Row | None = None

        self.my_pending_photo: str | None = None
        self.my_photo = QLabel(self)
        self.my_photo.setObjectName("my-card-photo")
        self.my_photo.setFixedSize(PHOTO // 2, PHOTO // 2)
        self.my_photo.setAccessibleName(self.tr("My photo"))
        self.my_label = label("", "section", self, wrap=True)
        self.my_label.setObjectName("my-card")
        self.edit_button = QPushButton(self.tr("Edit my card…"), self)
        self.qr_button = QPushButton(self.tr("Show QR code…"), self)
        self.edit_button.clicked.connect(self.edit_my_card)
        self.qr_button.clicked.connect(self.show_qr)

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Search cards, tags and notes"))
        self.filter.setAccessibleName(self.tr("Search cards, tags and notes"))
        self.filter.textChanged.connect(lambda _t: self.refresh())
        self.model = CardsTableModel(ctx, parent=self)
        self.table = table_view(self)
        self.table.setObjectName("cards-table")
        self.table.setAccessibleName(self.tr("Cards you hold"))
        self.table.setIconSize(QSize(THUMB, THUMB))
        self.proxy = sortable(self.model, self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_selected_photo())
        # the photo of the card selected in the holder
        self.card_photo = QLabel(self)
        self.card_photo.setObjectName("card-photo")
        self.card_photo.setFixedSize(PHOTO, PHOTO)
        self.card_photo.setAccessibleName(self.tr("Photo of the selected card"))
        self.card_photo.hide()
        ctx.images.image_ready.connect(self._image_ready)
        self.note_button = QPushButton(self.tr("Note and tags…"), self)
        self.vcard_button = QPushButton(self.tr("Export vCard…"), self)
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.note_button.clicked.connect(self.edit_note)
        self.vcard_button.clicked.connect(lambda: self.export("vcf"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.remove_button.clicked.connect(self.remove_selected)

        self.requests = StaticTableModel(parent=self)
        self.req_table = table_view(self)
        self.req_table.setObjectName("card-requests-table")
        self.req_table.setAccessibleName(self.tr("Card requests"))
        self.req_table.setModel(self.requests)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.decline_button = QPushButton(self.tr("Decline"), self)
        self.accept_button.clicked.connect(lambda: self.decide(True))
        self.decline_button.clicked.connect(lambda: self.decide(False))

        top = QHBoxLayout()
        top.addWidget(self.my_photo)
        top.addWidget(self.my_label, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.qr_button)
        held = QWidget(self)
        hv = QVBoxLayout(held)
        hv.addWidget(self.filter)
        table_row = QHBoxLayout()
        table_row.addWidget(self.table, 1)
        table_row.addWidget(self.card_photo, 0, Qt.AlignmentFlag.AlignTop)
        hv.addLayout(table_row, 1)
        hb = QHBoxLayout()
        for b in (self.note_button, self.remove_button):
            hb.addWidget(b)
        hb.addStretch(1)
        hb.addWidget(self.vcard_button)
        hb.addWidget(self.csv_button)
        hv.addLayout(hb)
        reqs = QWidget(self)
        rv = QVBoxLayout(reqs)
        rv.addWidget(self.req_table, 1)
        rb = QHBoxLayout()
        rb.addStretch(1)
        rb.addWidget(self.accept_button)
        rb.addWidget(self.decline_button)
        rv.addLayout(rb)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(held, self.tr("Card holder"))
        self.tabs.addTab(reqs, self.tr("Requests"))
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.tabs, 1)
        ctx.changed.connect(self._on_changed)

    def page_title(self) -> str:
        return self.tr("Cards")

    def activate(self, arg: object = None) -> None:
        self.refresh()

    def refresh(self) -> None:
        spawn(self.reload(), "cards-reload")

    def _on_changed(self, changes: Any) -> None:
        if (changes.touches("card") or changes.touches("card_request")) and self.isVisible():
            self.refresh()

    async def reload(self) -> None:
        store = self.ctx.store
        self.my = await store.read(social.my_card)
        self.my_pending_photo = await _service(self.ctx).pending_card_photo()
        self.show_my_photo()
        if self.my:
            parts = [self.my.get("name"), self.my.get("title"), self.my.get("company")]
            self.my_label.setText(" · ".join(str(p) for p in parts if p))
        else:
            self.my_label.setText(self.tr("You have no card yet"))
        self.qr_button.setEnabled(self.my is not None)
        cards = await store.read(social.list_cards, self.filter.text())
        reqs = await store.read(social.list_card_requests)  # both tables change together
        self.model.set_table(
            [self.tr("Name"), self.tr("Company"), self.tr("Title"), self.tr("Country"),
             self.tr("Tags"), self.tr("Met at")],
            [[str(c.get("name") or ""), str(c.get("company") or ""), str(c.get("title") or ""),
              str(c.get("country") or ""), ", ".join((c.get("holder") or {}).get("tags") or ()),
              self._met_at((c.get("holder") or {}).get("met_at"))] for c in cards],
            payload=cards)
        self.requests.set_table(
            [self.tr("From"), self.tr("Company"), self.tr("Direction"), self.tr("Status"),
             self.tr("Note")],
            [[str(r.get("from_name") or ""), str(r.get("company_name") or ""),
              self.tr("Incoming") if r.get("direction") == "incoming" else self.tr("Outgoing"),
              self._status(str(r.get("status") or "")), str(r.get("note") or "")]
             for r in reqs],
            payload=reqs)
        fit_columns(self.table)
        fit_columns(self.req_table)
        self.show_selected_photo()

    # -- photos
    def show_my_photo(self) -> None:
        pix = photo_pixmap(self.ctx, self.my, PHOTO // 2, self.my_pending_photo)
        if pix is not None:
            self.my_photo.setPixmap(round_pixmap(pix, PHOTO // 2))
            self.my_photo.show()
        else:
            self.my_photo.clear()
            self.my_photo.setVisible(bool(self.my and self.my.get("has_photo")))

    def show_selected_photo(self) -> None:
        cards = self.selected_cards() if self.table.selectionModel() is not None else []
        card = cards[0] if len(cards) == 1 else None
        pix = photo_pixmap(self.ctx, card, PHOTO)
        if pix is None:
            self.card_photo.clear()
            self.card_photo.hide()
            return
        self.card_photo.setPixmap(round_pixmap(pix, PHOTO))
        self.card_photo.show()

    def _image_ready(self, key: str) -> None:
        if not key.startswith("card/"):
            return
        if self.my is not None and key == card_key(self.my):
            self.show_my_photo()
        self.show_selected_photo()

    def _met_at(self, v: Any) -> str:
        return {"booth": self.tr("Booth"), "chat": self.tr("Chat"),
                "deal": self.tr("Deal")}.get(str(v or ""), "")

    def _status(self, v: str) -> str:
        return {"pending": self.tr("Pending"), "accepted": self.tr("Accepted"),
                "declined": self.tr("Declined")}.get(v, v)

    def selected_cards(self) -> list[Row]:
        rows = sorted({self.proxy.mapToSource(i).row()
                       for i in self.table.selectionModel().selectedRows()})
        return [self.model.payload(r) for r in rows if self.model.payload(r)]

    # -- actions
    def edit_my_card(self) -> CardDialog:
        dialog = CardDialog(self.my or {}, self,
                            photo_pixmap(self.ctx, self.my, PHOTO, self.my_pending_photo))
        dialog.accepted.connect(lambda: spawn(
            self._save_card(dialog.values(), dialog.photo_choice), "card-save"))
        dialog.open()
        return dialog

    async def _save_card(self, values: dict[str, Any], photo: str = PHOTO_UNCHANGED) -> None:
        svc = _service(self.ctx)
        try:
            await svc.update_my_card(**values)
            if photo == PHOTO_REMOVED:
                await svc.set_card_photo(None)
            elif photo != PHOTO_UNCHANGED:
                await svc.set_card_photo(photo)
        except ValueError as exc:  # AttachmentError too (the file changed meanwhile)
            show_message(self, self.tr("Card not saved"), str(exc))
            return
        await self.reload()

    def show_qr(self) -> QrDialog | None:
        if self.my is None:
            return None
        dialog = QrDialog(card_qr_png(self.my), self)
        dialog.open()
        return dialog

    def edit_note(self) -> None:
        cards = self.selected_cards()
        if len(cards) != 1:
            return
        card = cards[0]
        holder = card.get("holder") or {}
        dialog = NoteDialog(str(card.get("name") or ""), str(holder.get("note") or ""),
                            list(holder.get("tags") or ()), self)
        dialog.accepted.connect(lambda: spawn(self._save_note(card, *dialog.values()),
                                              "card-note"))
        dialog.open()

    async def _save_note(self, card: Row, note: str, tags: list[str]) -> None:
        try:
            await _service(self.ctx).update_card_holder(int(card["id"]), note=note, tags=tags)
        except ValueError as exc:
            show_message(self, self.tr("Card not saved"), str(exc))
            return
        await self.reload()

    def remove_selected(self) -> None:
        async def run(ids: list[int]) -> None:
            for cid in ids:
                await _service(self.ctx).remove_card(cid)
            await self.reload()

        ids = [int(c["id"]) for c in self.selected_cards()]
        if ids:
            spawn(run(ids), "cards-remove")

    def export(self, kind: str) -> None:
        cards = self.selected_cards() or [self.model.payload(r)
                                          for r in range(self.model.rowCount())]
        if not cards:
            return
        if kind == "vcf":
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export vCard"), "cards.vcf",
                                                  self.tr("vCard (*.vcf)"))
        else:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), "cards.csv",
                                                  self.tr("CSV (*.csv)"))
        if path:
            self.write_export(Path(path), kind, cards)

    def write_export(self, path: Path, kind: str, cards: list[Row]) -> None:
        text = cards_to_vcard(cards) if kind == "vcf" else cards_to_csv(cards)
        try:
            path.write_text(text, encoding="utf-8-sig" if kind == "csv" else "utf-8",
                            newline="")
        except OSError as exc:
            show_message(self, self.tr("Export failed"), str(exc))

    def decide(self, accept: bool) -> None:
        idx = self.req_table.currentIndex()
        req = self.requests.payload(idx.row()) if idx.isValid() else None
        if not req or req.get("direction") != "incoming" or req.get("status") != "pending":
            return

        async def run() -> None:
            svc = _service(self.ctx)
            try:
                if accept:
                    await svc.accept_card_request(int(req["id"]))
                else:
                    await svc.decline_card_request(int(req["id"]))
            except ValueError as exc:
                show_message(self, self.tr("Card request"), str(exc))
            await self.reload()

        spawn(run(), "card-request")


def sortable(model: StaticTableModel, view: QTableView) -> QSortFilterProxyModel:
    """Show ``model`` in ``view`` through a proxy so that clicking a header sorts it."""
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setSortLocaleAware(True)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the model's own order until clicked
    return proxy


class AuthorizationsPage(QWidget):
    """Buyers: the exhibitors you authorized. Staff: the buyers who authorized you."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-authorizations")
        self.setAccessibleName(self.tr("Authorizations"))
        self.role: str | None = None
        self.intro = label("", "", self, wrap=True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Search"))
        self.filter.setAccessibleName(self.tr("Search"))
        self.filter.textChanged.connect(lambda _t: self.refresh())
        self.model = StaticTableModel(parent=self)
        self.table = table_view(self)
        self.table.setObjectName("authorizations-table")
        self.table.setAccessibleName(self.tr("Authorizations"))
        self.proxy = sortable(self.model, self.table)
        self.grant_button = QPushButton(self.tr("Authorize"), self)
        self.revoke_button = QPushButton(self.tr("Revoke"), self)
        self.grant_button.clicked.connect(lambda: self.set_grant(True))
        self.revoke_button.clicked.connect(lambda: self.set_grant(False))
        # exhibitor staff: answer a buyer who authorized or contacted the company
        self.message_button = QPushButton(self.tr("Write a message…"), self)
        self.message_button.setObjectName("message-buyer")
        self.message_button.clicked.connect(self.write_to_buyer)
        self.card_button = QPushButton(self.tr("Send our card"), self)
        self.card_button.setObjectName("send-card")
        self.card_button.clicked.connect(self.send_card)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.message_button)
        buttons.addWidget(self.card_button)
        buttons.addWidget(self.grant_button)
        buttons.addWidget(self.revoke_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.filter)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        ctx.changed.connect(self._on_changed)

    def page_title(self) -> str:
        return self.tr("Authorizations")

    def activate(self, arg: object = None) -> None:
        self.refresh()

    def refresh(self) -> None:
        spawn(self.reload(), "authorizations-reload")

    def _on_changed(self, changes: Any) -> None:
        if (changes.touches("grant") or changes.touches("buyer")) and self.isVisible():
            self.refresh()

    async def reload(self) -> None:
        store = self.ctx.store
        self.role = await store.read(_profile_role)
        buyer = self.role in (None, "buyer")
        self.grant_button.setVisible(buyer)
        self.revoke_button.setVisible(buyer)
        self.message_button.setVisible(not buyer)
        self.card_button.setVisible(not buyer)
        text = self.filter.text().strip().casefold()
        if buyer:
            self.intro.setText(self.tr(
                "Exhibitors you authorized see your profile and may contact you."))
            rows = [g for g in await store.read(social.list_grants)
                    if not text or text in str(g.get("company_name") or "").casefold()]
            self.model.set_table(
                [self.tr("Exhibitor"), self.tr("Status")],
                [[str(g.get("company_name") or ""),
                  self.tr("Authorized") if g.get("status") == "granted" else self.tr("Revoked")]
                 for g in rows], payload=rows)
        else:
            self.intro.setText(self.tr("Buyers who authorized your company or contacted it."))
            rows = await store.read(social.list_buyers, None, self.filter.text())
            self.model.set_table(
                [self.tr("Buyer"), self.tr("Company"), self.tr("Country"), self.tr("Email"),
                 self.tr("Access")],
                [[str(b.get("display_name") or ""), str(b.get("company") or ""),
                  str(b.get("country") or ""), str(b.get("email") or ""),
                  self.tr("Contacted only") if b.get("limited") else self.tr("Authorized")]
                 for b in rows], payload=rows)
        fit_columns(self.table, widest=480)

    def selected_buyer(self) -> Row | None:
        if self.role in (None, "buyer"):
            return None
        idx = self.proxy.mapToSource(self.table.currentIndex())
        row = self.model.payload(idx.row()) if idx.isValid() else None
        return row if row and row.get("user_id") is not None else None

    def write_to_buyer(self) -> None:
        buyer = self.selected_buyer()
        if buyer is None:
            return
        dialog = FirstMessageDialog(self.ctx, self, str(buyer.get("display_name") or ""),
                                    buyer_user_id=int(buyer["user_id"]))
        dialog.open()

    def send_card(self) -> None:
        buyer = self.selected_buyer()
        if buyer is None:
            return

        async def run(user_id: int, name: str) -> None:
            try:
                await _service(self.ctx).send_card(to_user_id=user_id)
            except ValueError as exc:
                show_message(self, self.tr("Card not sent"), str(exc))
                return
            show_message(self, self.tr("Card sent"),
                         self.tr("Your card is on its way to {name}.").format(name=name),
                         warning=False)

        spawn(run(int(buyer["user_id"]), str(buyer.get("display_name") or "")), "send-card")

    def set_grant(self, grant: bool) -> None:
        idx = self.proxy.mapToSource(self.table.currentIndex())
        row = self.model.payload(idx.row()) if idx.isValid() else None
        if not row or self.role not in (None, "buyer"):
            return

        async def run() -> None:
            svc = _service(self.ctx)
            cid = int(row["company_id"])
            await (svc.grant(cid) if grant else svc.revoke(cid))
            await self.reload()

        spawn(run(), "grant")
