"""A product: every field, an image gallery and the specification table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.catalog import Row, as_list, bilingual, format_price, localized
from ui.asyncutil import spawn
from ui.context import UiContext
from ui.images import product_key
from ui.models import Column, LazyRowModel, StaticTableModel
from ui.pages.deals import open_deal_for
from ui.pages.messages import contact_company, profile_side
from ui.pages.workspace import record_view
from ui.problems import tr_error
from ui.widgets import label, show_message, table_view

IMAGE = 360


class ProductPage(QWidget):
    loaded = Signal()  # a booth/product was shown (the title changed)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-product")
        self.setAccessibleName(self.tr("Product"))
        self.product: Row | None = None
        self.product_id: int | None = None
        self._image_n = 0
        self._is_fav = False

        self.image = QLabel(self)
        self.image.setFixedSize(IMAGE, IMAGE)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(self.tr("Product image"))
        self.gallery_model = LazyRowModel(
            [Column(self.tr("Image"), lambda r: "")], decoration=self._gallery_icon, parent=self
        )
        self.gallery = QListView(self)
        self.gallery.setObjectName("product-gallery")
        self.gallery.setAccessibleName(self.tr("Image gallery"))
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setFlow(QListView.Flow.LeftToRight)
        self.gallery.setWrapping(False)
        self.gallery.setIconSize(QSize(64, 64))
        self.gallery.setFixedHeight(88)
        self.gallery.setFixedWidth(IMAGE)
        self.gallery.setModel(self.gallery_model)
        self.gallery.selectionModel().currentChanged.connect(self._on_gallery)

        self.title = label("", "title", self, wrap=True)
        self.subtitle = label("", "subtitle", self, wrap=True)
        self.remote_badge = label(self.tr("Not cached: shown from the server"), "badge", self)
        self.remote_badge.hide()
        self.booth_button = QPushButton(self)
        self.booth_button.setAccessibleName(self.tr("Open the exhibitor's booth"))
        self.booth_button.setFlat(True)
        self.booth_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.booth_button.setStyleSheet("text-align: left; color: palette(link); padding: 0;")
        self.booth_button.clicked.connect(self._open_booth)
        self.fav_button = QPushButton(self.tr("Add to shortlist"), self)
        self.fav_button.setAccessibleName(self.tr("Add or remove this product from the shortlist"))
        self.fav_button.clicked.connect(self._toggle_favourite)
        self.contact_button = QPushButton(self.tr("Contact exhibitor"), self)
        self.contact_button.setObjectName("contact-exhibitor")
        self.contact_button.setToolTip(self.tr(
            "Open the conversation with this exhibitor and share this product in it"))
        self.contact_button.clicked.connect(self.contact_clicked)
        self.contact_button.hide()
        self.deal_button = QPushButton(self.tr("Negotiate…"), self)
        self.deal_button.setObjectName("negotiate-product")
        self.deal_button.setToolTip(self.tr(
            "Open a deal with this exhibitor for this product: offer, counter-offer, sign"))
        self.deal_button.clicked.connect(self.deal_clicked)
        self.deal_button.hide()

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.setVerticalSpacing(8)
        self.form.setHorizontalSpacing(16)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}
        for key, caption in (
            ("price", self.tr("FOB price")),
            ("moq", self.tr("Minimum order")),
            ("lead", self.tr("Lead time")),
            ("certs", self.tr("Certifications")),
            ("keywords", self.tr("Keywords")),
            ("id", self.tr("Product no.")),
        ):
            val = label("", "", self, wrap=True)
            cap = label(caption, "muted", self)
            # one line height for both, centred: Latin values beside CJK captions (whose
            # fallback font is taller) keep a common baseline
            line = max(cap.sizeHint().height(), val.fontMetrics().height()) + 4
            for w in (cap, val):
                w.setMinimumHeight(line)
                w.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.form.addRow(cap, val)
            self.values[key] = val

        self.desc_title = label(self.tr("Description"), "section", self)
        self.desc = label("", "", self, wrap=True)
        self.desc.setAccessibleName(self.tr("Description"))
        self.desc_other = label("", "muted", self, wrap=True)
        self.spec_title = label(self.tr("Specifications"), "section", self)
        self.spec_model = StaticTableModel(parent=self)
        self.specs = table_view(self)
        self.specs.setObjectName("product-specs")
        self.specs.setAccessibleName(self.tr("Specifications"))
        self.specs.setModel(self.spec_model)
        self.specs.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.specs.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.specs.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.specs.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        left = QVBoxLayout()
        left.addWidget(self.image)
        left.addWidget(self.gallery)
        left.addStretch(1)

        right = QVBoxLayout()
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        titles.addWidget(self.booth_button, 0, Qt.AlignmentFlag.AlignLeft)
        top.addLayout(titles, 1)
        actions = QVBoxLayout()
        actions.addWidget(self.fav_button)
        actions.addWidget(self.contact_button)
        actions.addWidget(self.deal_button)
        actions.addStretch(1)
        top.addLayout(actions)
        right.addLayout(top)
        right.addWidget(self.remote_badge, 0, Qt.AlignmentFlag.AlignLeft)
        right.addLayout(self.form)
        right.addWidget(self.desc_title)
        right.addWidget(self.desc)
        right.addWidget(self.desc_other)
        right.addWidget(self.spec_title)
        right.addWidget(self.specs)
        right.addStretch(1)

        body = QWidget(self)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(12, 12, 12, 12)
        bl = QHBoxLayout()
        bl.addLayout(left)
        bl.addSpacing(20)
        bl.addLayout(right, 1)
        outer.addLayout(bl)
        outer.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll)

        ctx.images.image_ready.connect(self._on_image)
        ctx.changed.connect(self._on_changes)

    def page_title(self) -> str:
        if self.product:
            return localized(self.product, "name", self.ctx.lang)
        return self.tr("Product")

    def activate(self, arg: object = None) -> None:
        if isinstance(arg, int):
            spawn(self.show_product(arg), "product-load")

    async def show_product(self, product_id: int) -> None:
        self.product_id = product_id
        row = await self.ctx.product(product_id)
        if self.product_id != product_id:
            return
        self.product = row
        if row is None:
            self.contact_button.hide()
            self.deal_button.hide()
            self.title.setText(self.tr("This product is not available offline."))
            for v in self.values.values():
                v.setText("")
            self.subtitle.setText("")
            self.desc.setText("")
            self.desc_other.setText("")
            self.spec_model.set_table([], [])
            self.gallery_model.set_loader(None)
            return
        lang = self.ctx.lang
        first, second = bilingual(row, "name", lang)
        self.title.setText(first)
        self.subtitle.setText(second)
        self.remote_badge.setVisible(bool(row.get("_remote")))
        company = localized(row, "company_name", lang)
        self.booth_button.setText(self.tr("Booth: {name}").format(name=company) if company else "")
        self.booth_button.setVisible(bool(company))
        self.values["price"].setText(format_price(row) or "—")
        unit = localized(row, "unit", lang)
        moq = row.get("moq")
        self.values["moq"].setText(f"{moq} {unit}".strip() if moq is not None else "—")
        days = row.get("lead_time_days")
        self.values["lead"].setText(
            self.tr("%Ln day(s)", "", int(days)) if days is not None else "—"
        )
        self.values["certs"].setText(", ".join(map(str, as_list(row.get("certifications")))) or "—")
        self.values["keywords"].setText(", ".join(map(str, as_list(row.get("keywords")))) or "—")
        self.values["id"].setText(str(row.get("id")))
        d1, d2 = bilingual(row, "desc", lang)
        self.desc.setText(d1)
        self.desc_other.setText(d2)
        self.desc_other.setVisible(bool(d2))
        specs = [s for s in as_list(row.get("specs")) if isinstance(s, dict)]
        self.spec_model.set_table(
            [self.tr("Specification"), self.tr("Value")],
            [
                [
                    " / ".join(t for t in bilingual(s, "name", lang) if t),
                    str(s.get("value") or ""),
                ]
                for s in specs
            ],
        )
        self.specs.setFixedHeight(
            self.specs.horizontalHeader().height()
            + self.specs.verticalHeader().defaultSectionSize() * max(len(specs), 1)
            + 4
        )
        self.spec_title.setVisible(bool(specs))
        self.specs.setVisible(bool(specs))
        count = int(row.get("image_count") or 0)
        images = [{"id": n, "n": n} for n in range(count)]

        async def gallery_loader(offset: int, limit: int) -> list[Row]:
            return images[offset : offset + limit]

        self.gallery_model.set_loader(gallery_loader)
        self.gallery.setVisible(count > 1)
        self._image_n = 0
        self._show_image()
        self.loaded.emit()
        spawn(record_view(self.ctx, "product", product_id), "view-record")  # a buyer's view counts
        await self._update_contact()
        await self._update_fav()

    def _show_image(self) -> None:
        row = self.product
        if row is None:
            return
        name = str(row.get("name_en") or "")
        size = QSize(IMAGE, IMAGE)
        if not row.get("image_count"):
            self.image.setPixmap(self.ctx.images.placeholder(size, name))
            return
        pid = int(row["id"])
        full = product_key(pid, self._image_n, "full", row.get("version"))
        thumb = product_key(pid, self._image_n, "thumb", row.get("version"))
        pix = self.ctx.images.cached(full)
        if pix is None:
            if self.ctx.images.allowed(full):
                self.ctx.images.request(full)
            pix = self.ctx.images.pixmap(thumb, size, name)
        self.image.setPixmap(
            pix.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )

    def _gallery_icon(self, r: Row) -> QIcon:
        if self.product is None:
            return QIcon()
        key = product_key(int(self.product["id"]), int(r["n"]), "thumb",
                          self.product.get("version"))
        return QIcon(self.ctx.images.pixmap(key, QSize(64, 64), str(int(r["n"]) + 1)))

    def _on_gallery(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if current.isValid():
            self._image_n = current.row()
            self._show_image()

    def _on_image(self, key: str) -> None:
        if self.product is None:
            return
        prefix = f"product/{int(self.product['id'])}/"
        if key.startswith(prefix):
            n = int(key[len(prefix) :].split("?")[0])
            if n == self._image_n:
                self._show_image()
            self.gallery_model.row_changed(n)

    async def _update_contact(self) -> None:
        buyer = await profile_side(self.ctx) == "buyer"
        self.contact_button.setVisible(buyer and bool(self.product and self.product.get("company_id")))
        self.contact_button.setEnabled(True)
        self.deal_button.setVisible(buyer and bool(self.product and self.product.get("company_id")))
        self.deal_button.setEnabled(True)

    def deal_clicked(self) -> None:
        if not self.product or not self.product.get("company_id") or self.product_id is None:
            return
        self.deal_button.setEnabled(False)
        spawn(self.negotiate(int(self.product["company_id"]), self.product_id), "product-deal")

    async def negotiate(self, company_id: int, product_id: int) -> str | None:
        try:
            return await open_deal_for(self.ctx, company_id=company_id, product_ids=[product_id])
        except ValueError as exc:
            show_message(self, self.tr("No deal opened"), tr_error(exc))
            return None
        finally:
            self.deal_button.setEnabled(True)

    def contact_clicked(self) -> None:
        if not self.product or not self.product.get("company_id") or self.product_id is None:
            return
        self.contact_button.setEnabled(False)
        spawn(self.contact(int(self.product["company_id"]), self.product_id), "contact-exhibitor")

    async def contact(self, company_id: int, product_id: int) -> None:
        try:
            cid = await contact_company(self.ctx, company_id, product_id)
        except ValueError as exc:
            show_message(self, self.tr("Message not sent"), str(exc))
            return
        finally:
            self.contact_button.setEnabled(True)
        self.ctx.navigate("messages", cid)

    def _open_booth(self) -> None:
        if self.product and self.product.get("company_id"):
            self.ctx.navigate("booth", int(self.product["company_id"]))

    async def _update_fav(self) -> None:
        if self.product_id is None:
            return
        self._is_fav = await self.ctx.catalog.is_favourite("product", self.product_id)
        self.fav_button.setText(
            self.tr("Remove from shortlist") if self._is_fav else self.tr("Add to shortlist")
        )

    def _toggle_favourite(self) -> None:
        if self.product_id is None:
            return
        spawn(self._do_toggle(self.product_id, not self._is_fav), "product-fav")

    async def _do_toggle(self, product_id: int, add: bool) -> None:
        if add:
            await self.ctx.catalog.set_favourite("product", product_id)
        else:
            await self.ctx.catalog.remove_favourite("product", product_id)
        await self._update_fav()

    def _on_changes(self, changes: Any) -> None:
        if self.product_id is None:
            return
        up = getattr(changes, "upserted", {}) or {}
        dl = getattr(changes, "deleted", {}) or {}
        if self.product_id in up.get("product", set()) or self.product_id in dl.get("product", set()):
            spawn(self.show_product(self.product_id), "product-reload")
        elif "favourite" in up or "favourite" in dl:
            spawn(self._update_fav(), "product-fav")
