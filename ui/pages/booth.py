"""A booth: banner, company profile, and its product grid with thumbnails."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.catalog import Row, bilingual, format_price, localized
from offline_cache import social
from ui.asyncutil import spawn
from ui.context import UiContext
from ui.images import company_key, key_parts, product_key
from ui.models import ROW_ROLE, Column, LazyRowModel
from ui.pages.messages import FirstMessageDialog, contact_company, profile_side, social_service
from ui.pages.workspace import record_view
from ui.widgets import grid_view, label

THUMB = 128


class BoothPage(QWidget):
    loaded = Signal()  # a booth/product was shown (the title changed)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-booth")
        self.setAccessibleName(self.tr("Booth"))
        self.company: Row | None = None
        self.company_id: int | None = None
        self._banner_pix: QPixmap | None = None

        self.banner = QLabel(self)
        self.banner.setAccessibleName(self.tr("Booth banner"))
        self.banner.setFixedHeight(150)
        self.banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setScaledContents(False)
        self.logo = QLabel(self)
        self.logo.setFixedSize(72, 72)
        self.logo.setAccessibleName(self.tr("Company logo"))

        self.title = label("", "title", self, wrap=True)
        self.subtitle = label("", "subtitle", self, wrap=True)
        self.demo_badge = label(self.tr("Demo exhibitor"), "badge", self)
        self.demo_badge.hide()
        self.fav_button = QPushButton(self.tr("Add booth to shortlist"), self)
        self.fav_button.setAccessibleName(self.tr("Add or remove this booth from the shortlist"))
        self.fav_button.clicked.connect(self._toggle_favourite)
        self.granted = False
        self.grant_button = QPushButton(self.tr("Authorize this exhibitor"), self)
        self.grant_button.setObjectName("grant-exhibitor")
        self.grant_button.setToolTip(self.tr(
            "An exhibitor you authorize sees your profile and may contact you"))
        self.grant_button.clicked.connect(self.grant_clicked)
        self.grant_button.hide()
        self.contact_button = QPushButton(self.tr("Contact exhibitor"), self)
        self.contact_button.setObjectName("contact-booth")
        self.contact_button.setToolTip(self.tr("Open or start the conversation with this exhibitor"))
        self.contact_button.clicked.connect(self.contact_clicked)
        self.contact_button.hide()
        self._is_fav = False

        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(16)
        self.fact_labels: dict[str, QLabel] = {}
        names = [
            ("booth_no", self.tr("Booth no.")),
            ("country", self.tr("Country / city")),
            ("founded", self.tr("Founded")),
            ("employees", self.tr("Employees")),
        ]
        for i, (key, caption) in enumerate(names):
            cap = label(caption, "muted", self)
            val = label("", "", self)
            self.facts.addWidget(cap, 0, i)
            self.facts.addWidget(val, 1, i)
            self.fact_labels[key] = val
        self.facts.setColumnStretch(len(names), 1)
        self.profile = label("", "", self, wrap=True)
        self.profile.setAccessibleName(self.tr("Company profile"))
        self.profile.setMaximumHeight(110)
        self.products_title = label(self.tr("Products"), "section", self)
        self.note = label("", "muted", self, wrap=True)
        self.follow_button = QPushButton(self.tr("Follow this section"), self)
        self.follow_button.setAccessibleName(self.tr("Follow this booth's section"))
        self.follow_button.clicked.connect(self._follow)
        self.follow_button.hide()

        lang = ctx.lang
        self.model = LazyRowModel(
            [Column(self.tr("Product"), lambda r: localized(r, "name", lang))],
            page_size=60,
            decoration=self._thumb,
            tooltip=lambda r: "\n".join(t for t in bilingual(r, "name", lang) if t),
            parent=self,
        )
        self.grid = grid_view(THUMB, self, format_price)
        self.grid.setObjectName("booth-products")
        self.grid.setAccessibleName(self.tr("Product grid"))
        self.grid.setModel(self.model)
        self.grid.activated.connect(self._open_product)
        self.grid.doubleClicked.connect(self._open_product)
        ctx.images.image_ready.connect(self._on_image)
        ctx.changed.connect(self._on_changes)
        self._products_dirty = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(500)
        self._refresh_timer.timeout.connect(self._refresh_products)

        head = QHBoxLayout()
        head.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        trow = QHBoxLayout()
        trow.addWidget(self.title, 1)
        trow.addWidget(self.demo_badge, 0, Qt.AlignmentFlag.AlignTop)
        titles.addLayout(trow)
        titles.addWidget(self.subtitle)
        titles.addLayout(self.facts)
        head.addLayout(titles, 1)
        actions = QVBoxLayout()
        actions.addWidget(self.fav_button)
        actions.addWidget(self.grant_button)
        actions.addWidget(self.contact_button)
        actions.addStretch(1)
        head.addLayout(actions)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.addWidget(self.banner)
        lay.addLayout(head)
        lay.addWidget(self.profile)
        prow = QHBoxLayout()
        prow.addWidget(self.products_title)
        prow.addStretch(1)
        prow.addWidget(self.follow_button)
        lay.addLayout(prow)
        lay.addWidget(self.note)
        lay.addWidget(self.grid, 1)

    def page_title(self) -> str:
        if self.company:
            return localized(self.company, "name", self.ctx.lang)
        return self.tr("Booth")

    def activate(self, arg: object = None) -> None:
        if isinstance(arg, int):
            spawn(self.show_company(arg), "booth-load")

    async def show_company(self, company_id: int) -> None:
        self.company_id = company_id
        row = await self.ctx.company(company_id)
        if self.company_id != company_id:
            return
        self.company = row
        if row is None:
            self.title.setText(self.tr("This booth is not in the offline cache."))
            self.subtitle.setText("")
            self.profile.setText("")
            self.model.set_loader(None)
            return
        lang = self.ctx.lang
        first, second = bilingual(row, "name", lang)
        self.title.setText(first)
        self.subtitle.setText(second)
        self.demo_badge.setVisible(bool(row.get("is_demo")))
        self.fact_labels["booth_no"].setText(str(row.get("booth_no") or "—"))
        place = ", ".join(str(x) for x in (row.get("city"), row.get("country")) if x)
        self.fact_labels["country"].setText(place or "—")
        self.fact_labels["founded"].setText(str(row.get("founded") or "—"))
        self.fact_labels["employees"].setText(str(row.get("employees") or "—"))
        self.profile.setText(localized(row, "profile", lang))
        self._set_images(row)
        catalog = self.ctx.catalog

        async def loader(offset: int, limit: int) -> list[Row]:
            return await catalog.products(company_id=company_id, offset=offset, limit=limit)

        self.model.set_loader(loader)
        self.loaded.emit()
        spawn(record_view(self.ctx, "booth", company_id), "view-record")  # a buyer's visit counts
        await self._update_fav()
        await self._update_grant()
        await self._update_note(company_id)

    async def _update_note(self, company_id: int) -> None:
        count = await self.ctx.catalog.count_products(company_id=company_id)
        if self.company_id != company_id:
            return
        self.products_title.setText(self.tr("Products (%Ln available offline)", "", count))
        if count == 0:
            self.note.setText(
                self.tr(
                    "This booth's products are not cached yet. Follow its exhibition section "
                    "to download them and browse them offline."
                )
            )
            self.note.show()
            self.follow_button.setVisible(self.company is not None)
        else:
            self.note.hide()
            self.follow_button.hide()

    def _set_images(self, row: Row) -> None:
        cid = int(row["id"])
        name = str(row.get("name_en") or "")
        if row.get("has_banner"):
            key = company_key(cid, "banner", "full", row.get("version"))
            pix = self.ctx.images.cached(key)
            if pix is None and self.ctx.images.allowed(key):
                self.ctx.images.request(key)
            self._show_banner(pix)
        else:
            self._show_banner(None)
        logo: QPixmap | None = None
        if row.get("has_logo"):
            key = company_key(cid, "logo", "thumb", row.get("version"))
            logo = self.ctx.images.cached(key)
            if logo is None:
                self.ctx.images.request(key)
        self.logo.setPixmap(
            logo.scaled(72, 72, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            if logo is not None
            else self.ctx.images.initials(QSize(72, 72), name or str(row.get("name_zh") or ""))
        )

    def _show_banner(self, pix: QPixmap | None) -> None:
        self._banner_pix = pix
        if pix is None or pix.isNull():
            self.banner.hide()
            return
        self.banner.show()
        self._fit_banner()

    def _fit_banner(self) -> None:
        """The whole banner (3:1), centred in the strip; the strip's sides take the colours
        of the banner's edges, so a wide window shows a calm band, never a cropped name."""
        pix = self._banner_pix
        if pix is None or pix.isNull():
            return
        w = max(self.banner.width(), 200)
        h = self.banner.height()
        dpr = self.devicePixelRatioF()
        scaled = pix.scaled(
            int(w * dpr), int(h * dpr), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        scaled.setDevicePixelRatio(dpr)
        sw = scaled.width() / dpr
        sh = scaled.height() / dpr
        canvas = QPixmap(int(w * dpr), int(h * dpr))
        canvas.setDevicePixelRatio(dpr)
        img = scaled.toImage()
        left = img.pixelColor(1, img.height() // 2)
        right = img.pixelColor(img.width() - 2, img.height() // 2)
        canvas.fill(left)
        painter = QPainter(canvas)
        x = (w - sw) / 2
        painter.fillRect(QRectF(w / 2, 0, w / 2, h), right)
        painter.drawPixmap(QPointF(x, (h - sh) / 2), scaled)
        painter.end()
        self.banner.setPixmap(canvas)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.banner.isVisible():
            self._fit_banner()

    def _thumb(self, row: Row) -> QIcon:
        key = product_key(int(row["id"]), 0, "thumb", row.get("version"))
        if not row.get("image_count"):
            return QIcon(self.ctx.images.placeholder(QSize(THUMB, THUMB), str(row.get("name_en") or "")))
        return QIcon(self.ctx.images.pixmap(key, QSize(THUMB, THUMB), str(row.get("name_en") or "")))

    def _on_image(self, key: str) -> None:
        kind, ident, which, size = key_parts(key)
        if kind == "product" and which == "0" and size == "thumb" and ident.isdigit():
            self.model.row_changed(int(ident))
        elif self.company and key == company_key(int(self.company["id"]), "banner", "full",
                                                 self.company.get("version")):
            self._show_banner(self.ctx.images.cached(key))
        elif self.company and key == company_key(int(self.company["id"]), "logo", "thumb",
                                                 self.company.get("version")):
            self._set_images(self.company)

    def _open_product(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row:
            self.ctx.navigate("product", int(row["id"]))

    async def _update_fav(self) -> None:
        if self.company_id is None:
            return
        self._is_fav = await self.ctx.catalog.is_favourite("company", self.company_id)
        self.fav_button.setText(
            self.tr("Remove booth from shortlist") if self._is_fav else self.tr("Add booth to shortlist")
        )

    def _refresh_products(self) -> None:
        if not self._products_dirty or self.company_id is None:
            return
        self._products_dirty = False
        self.model.refresh()
        spawn(self._update_note(self.company_id), "booth-note")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._products_dirty:
            self._refresh_timer.start()

    def _toggle_favourite(self) -> None:
        if self.company_id is None:
            return
        spawn(self._do_toggle(self.company_id, not self._is_fav), "booth-fav")

    async def _do_toggle(self, company_id: int, add: bool) -> None:
        if add:
            await self.ctx.catalog.set_favourite("company", company_id)
        else:
            await self.ctx.catalog.remove_favourite("company", company_id)
        await self._update_fav()

    async def _update_grant(self) -> None:
        company_id = self.company_id
        if company_id is None or self.company is None or await profile_side(self.ctx) != "buyer":
            self.grant_button.hide()
            self.contact_button.hide()
            return
        self.contact_button.show()
        grants = await self.ctx.store.read(social.list_grants)
        if self.company_id != company_id:
            return
        self.granted = any(int(g.get("company_id") or 0) == company_id
                           and g.get("status") == "granted" for g in grants)
        self.grant_button.setText(self.tr("Revoke authorization") if self.granted
                                  else self.tr("Authorize this exhibitor"))
        self.grant_button.setToolTip(
            self.tr("This exhibitor no longer sees your profile once revoked") if self.granted
            else self.tr("An exhibitor you authorize sees your profile and may contact you"))
        self.grant_button.setEnabled(True)
        self.grant_button.show()

    def contact_clicked(self) -> None:
        if self.company_id is None:
            return
        spawn(self.contact(self.company_id), "booth-contact")

    async def contact(self, company_id: int) -> None:
        """The existing conversation, or a first message to this exhibitor."""
        cid = await contact_company(self.ctx, company_id, wait=0)
        if cid is not None:
            self.ctx.navigate("messages", cid)
            return
        name = self.title.text()
        dialog = FirstMessageDialog(self.ctx, self, name, company_id=company_id)
        dialog.open()

    def grant_clicked(self) -> None:
        if self.company_id is None:
            return
        self.grant_button.setEnabled(False)
        spawn(self.set_granted(self.company_id, not self.granted), "booth-grant")

    async def set_granted(self, company_id: int, grant: bool) -> None:
        svc = social_service(self.ctx)
        try:
            await (svc.grant(company_id) if grant else svc.revoke(company_id))
        finally:
            await self._update_grant()

    def _follow(self) -> None:
        if self.company is None:
            return
        section_id = self.company.get("main_section_id")
        if section_id:
            self.follow_button.setEnabled(False)
            spawn(self.ctx.follow(int(section_id), True), "booth-follow")
            self.note.setText(self.tr("Following the section: its products are downloading…"))

    def _on_changes(self, changes: Any) -> None:
        if self.company_id is None:
            return
        up = getattr(changes, "upserted", {}) or {}
        if "product" in up or "product" in (getattr(changes, "deleted", {}) or {}):
            # a sync delivers many pages: refresh at most twice a second, and only when seen
            self._products_dirty = True
            if self.isVisible() and not self._refresh_timer.isActive():
                self._refresh_timer.start()
        if "favourite" in up or "favourite" in (getattr(changes, "deleted", {}) or {}):
            spawn(self._update_fav(), "booth-fav")
        if "grant" in up or "grant" in (getattr(changes, "deleted", {}) or {}):
            spawn(self._update_grant(), "booth-grant")
