"""The exhibitor's catalog editor: own products (hidden ones too), search, add and edit
with every product field, hide/unhide, delete (asked first), and the conflict dialog
for an edit that clashed with one saved meanwhile on another PC ("your version" and
"the version saved meanwhile on another PC" side by side, field by field; "Keep mine"
or "Take theirs"). Edits are local-first: they show at once and wait in the outbox
while offline.
"""

from __future__ import annotations

import logging
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QImageReader, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalog import as_list, format_price, localized
from ui.asyncutil import spawn
from ui.context import UiContext
from ui.images import product_key
from ui.pages.workspace import (
    Col,
    RecordTableModel,
    selected_records,
    sorted_view,
    staff_company_id,
    workspace_service,
)
from ui.problems import tr_error
from ui.widgets import label, show_message, table_view

log = logging.getLogger("fairdesk.ui")

Row = dict[str, Any]
CURRENCIES = ("USD", "EUR", "CNY", "GBP", "JPY", "HKD", "AUD", "CAD", "CHF", "INR", "KRW", "SGD")
MAX_IMAGES = 8
THUMB = 96
IMAGE_FILTER = "*.jpg *.jpeg *.png *.webp"


def _cents_text(cents: Any) -> str:
    if cents is None or cents == "":
        return ""
    value = Decimal(int(cents)) / 100
    return f"{value:.2f}"


def parse_money(text: str) -> int | None:
    """``"12.5"`` -> 1250 cents; empty -> None; raises ValueError on anything else."""
    t = text.strip().replace(",", "")
    if not t:
        return None
    try:
        value = Decimal(t)
    except InvalidOperation:
        raise ValueError(text) from None
    if value < 0 or value != value or value > Decimal(10) ** 11:
        raise ValueError(text)
    return int((value * 100).to_integral_value())


def status_text(row: Row) -> str:
    from PySide6.QtCore import QCoreApplication

    parts = [QCoreApplication.translate("CatalogEditor", "Hidden") if row.get("hidden")
             else QCoreApplication.translate("CatalogEditor", "Visible")]
    if row.get("pending") or row.get("_pending") or int(row.get("id") or 0) < 0:
        parts.append(QCoreApplication.translate("CatalogEditor", "waiting to sync"))
    if row.get("conflict"):
        parts.append(QCoreApplication.translate("CatalogEditor", "needs a decision"))
    return ", ".join(parts)


def image_thumb(path: str, size: int = THUMB) -> QPixmap:
    """A small thumbnail of a local image file, decoded at (about) the size shown."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    src = reader.size()
    if src.isValid() and (src.width() > size or src.height() > size):
        reader.setScaledSize(src.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    img = reader.read()
    if img.isNull():
        return QPixmap()
    return QPixmap.fromImage(img)


class ProductDialog(QDialog):
    """Add or edit one product: every field of the product page, in tabs."""

    def __init__(self, ctx: UiContext, product: Row | None, sections: list[Row],
                 categories: list[Row], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.product = dict(product or {})
        pid = int(self.product.get("id") or 0)
        # new: not saved yet; a draft (negative id) was saved here but not yet sent
        self.is_new = pid == 0
        self.is_draft = pid < 0
        self.setObjectName("product-dialog")
        self.setWindowTitle(self.tr("New product") if self.is_new else self.tr("Edit product"))
        self.base_version: int | None = (None if self.is_new or self.is_draft
                                         else int(self.product.get("version") or 1))
        lang = ctx.lang
        p = self.product

        def line(key: str, max_len: int, name: str) -> QLineEdit:
            e = QLineEdit(str(p.get(key) or ""), self)
            e.setMaxLength(max_len)
            e.setAccessibleName(name)
            e.setObjectName(f"edit-{key}")
            e.setCursorPosition(0)  # a long value shows its start, not its end
            return e

        # -- general
        self.name_en = line("name_en", 300, self.tr("Name (English)"))
        self.name_zh = line("name_zh", 300, self.tr("Name (Chinese)"))
        self.section = QComboBox(self)
        self.section.setObjectName("edit-section")
        self.section.setAccessibleName(self.tr("Exhibition section"))
        cats = {int(c["id"]): localized(c, "name", lang) for c in categories}
        for s in sorted(sections, key=lambda s: (int(s.get("category_id") or 0), int(s.get("position") or 0))):
            cat = cats.get(int(s.get("category_id") or 0), "")
            text = f"{cat} › {localized(s, 'name', lang)}" if cat else localized(s, "name", lang)
            self.section.addItem(text, int(s["id"]))
        if p.get("section_id") is not None:
            i = self.section.findData(int(p["section_id"]))
            if i >= 0:
                self.section.setCurrentIndex(i)
        self.keywords = line("keywords", 2000, self.tr("Keywords"))
        self.keywords.setPlaceholderText(self.tr("Words buyers search for, separated by commas"))
        self.certs = QLineEdit(", ".join(map(str, as_list(p.get("certifications")))), self)
        self.certs.setObjectName("edit-certifications")
        self.certs.setAccessibleName(self.tr("Certifications"))
        self.certs.setPlaceholderText(self.tr("For example: CE, RoHS, ISO 9001"))
        self.hidden = QCheckBox(self.tr("Hidden: buyers do not see this product"), self)
        self.hidden.setObjectName("edit-hidden")
        self.hidden.setChecked(bool(p.get("hidden")))
        general = QWidget(self)
        gf = QFormLayout(general)
        gf.addRow(self.tr("Name (English)"), self.name_en)
        gf.addRow(self.tr("Name (Chinese)"), self.name_zh)
        gf.addRow(self.tr("Section"), self.section)
        gf.addRow(self.tr("Keywords"), self.keywords)
        gf.addRow(self.tr("Certifications"), self.certs)
        gf.addRow("", self.hidden)

        # -- descriptions
        self.desc_en = QPlainTextEdit(str(p.get("desc_en") or ""), self)
        self.desc_en.setObjectName("edit-desc_en")
        self.desc_en.setAccessibleName(self.tr("Description (English)"))
        self.desc_zh = QPlainTextEdit(str(p.get("desc_zh") or ""), self)
        self.desc_zh.setObjectName("edit-desc_zh")
        self.desc_zh.setAccessibleName(self.tr("Description (Chinese)"))
        desc = QWidget(self)
        dl = QVBoxLayout(desc)
        dl.addWidget(label(self.tr("Description (English)"), "muted", desc))
        dl.addWidget(self.desc_en, 1)
        dl.addWidget(label(self.tr("Description (Chinese)"), "muted", desc))
        dl.addWidget(self.desc_zh, 1)

        # -- price and order
        self.price_min = QLineEdit(_cents_text(p.get("price_min_cents")), self)
        self.price_min.setObjectName("edit-price_min")
        self.price_min.setAccessibleName(self.tr("Price from"))
        self.price_max = QLineEdit(_cents_text(p.get("price_max_cents")), self)
        self.price_max.setObjectName("edit-price_max")
        self.price_max.setAccessibleName(self.tr("Price to"))
        for e in (self.price_min, self.price_max):
            e.setPlaceholderText(self.tr("e.g. 12.50"))
            e.setMaxLength(20)
        self.currency = QComboBox(self)
        self.currency.setObjectName("edit-currency")
        self.currency.setAccessibleName(self.tr("Currency"))
        self.currency.setEditable(True)
        self.currency.addItems(list(CURRENCIES))
        self.currency.setCurrentText(str(p.get("currency") or "USD"))
        self.moq = QSpinBox(self)
        self.moq.setObjectName("edit-moq")
        self.moq.setAccessibleName(self.tr("Minimum order quantity"))
        self.moq.setRange(1, 1_000_000_000)
        self.moq.setValue(int(p.get("moq") or 1))
        self.unit_en = line("unit_en", 50, self.tr("Unit (English)"))
        self.unit_zh = line("unit_zh", 50, self.tr("Unit (Chinese)"))
        if self.is_new and not p.get("unit_en"):
            self.unit_en.setText("pieces")
            self.unit_zh.setText("件")
        self.lead = QSpinBox(self)
        self.lead.setObjectName("edit-lead_time")
        self.lead.setAccessibleName(self.tr("Lead time in days"))
        self.lead.setRange(-1, 3650)
        self.lead.setSpecialValueText(self.tr("not given"))
        self.lead.setSuffix(self.tr(" days"))
        self.lead.setValue(int(p["lead_time_days"]) if p.get("lead_time_days") is not None else -1)
        for spin in (self.moq, self.lead):
            spin.setMinimumWidth(140)
            spin.setMaximumWidth(200)
        prices = QHBoxLayout()
        prices.addWidget(self.price_min, 1)
        prices.addWidget(label("–", "", self))
        prices.addWidget(self.price_max, 1)
        prices.addWidget(self.currency)
        units = QHBoxLayout()
        units.addWidget(self.unit_en, 1)
        units.addWidget(self.unit_zh, 1)
        order = QWidget(self)
        of = QFormLayout(order)
        of.addRow(self.tr("FOB price"), prices)
        of.addRow(self.tr("Minimum order"), self.moq)
        of.addRow(self.tr("Unit (English / Chinese)"), units)
        of.addRow(self.tr("Lead time"), self.lead)

        # -- specifications
        self.specs = QTableWidget(0, 3, self)
        self.specs.setObjectName("edit-specs")
        self.specs.setAccessibleName(self.tr("Specifications"))
        self.specs.setHorizontalHeaderLabels(
            [self.tr("Name (English)"), self.tr("Name (Chinese)"), self.tr("Value")])
        self.specs.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.specs.verticalHeader().setVisible(False)
        for s in as_list(p.get("specs")):
            if isinstance(s, dict):
                self.add_spec(str(s.get("name_en") or ""), str(s.get("name_zh") or ""),
                              str(s.get("value") or ""))
        add_spec = QPushButton(self.tr("Add a row"), self)
        add_spec.clicked.connect(lambda: self.add_spec())
        del_spec = QPushButton(self.tr("Remove the row"), self)
        del_spec.clicked.connect(self.remove_spec)
        specs = QWidget(self)
        sl = QVBoxLayout(specs)
        sl.addWidget(self.specs, 1)
        sb = QHBoxLayout()
        sb.addWidget(add_spec)
        sb.addWidget(del_spec)
        sb.addStretch(1)
        sl.addLayout(sb)

        # -- images
        self.images = QListWidget(self)
        self.images.setObjectName("edit-images")
        self.images.setAccessibleName(self.tr("Product images"))
        self.images.setViewMode(QListView.ViewMode.IconMode)
        self.images.setFlow(QListView.Flow.LeftToRight)
        self.images.setIconSize(QSize(THUMB, THUMB))
        self.images.setGridSize(QSize(THUMB + 16, THUMB + 28))
        self.images.setMovement(QListView.Movement.Static)
        self.images.setResizeMode(QListView.ResizeMode.Adjust)
        self.images.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.images_touched = False
        pid = int(p.get("id") or 0)
        self._pid = pid
        self._version = p.get("version")
        pending = [str(x) for x in as_list(p.get("pending_images")) if x]
        for path in pending:  # images of an unsent edit: they replace the server's
            self._add_image_item(image_thumb(path), {"path": path}, Path(path).name)
        for n in range(int(p.get("image_count") or 0) if pid > 0 and not pending else 0):
            key = product_key(pid, n, "thumb", p.get("version"))
            pix = ctx.images.pixmap(key, QSize(THUMB, THUMB), str(n + 1))
            self._add_image_item(pix, {"n": n}, self.tr("Image {n}").format(n=n + 1))
        ctx.images.image_ready.connect(self._on_image)
        self.add_image_button = QPushButton(self.tr("Add images…"), self)
        self.add_image_button.clicked.connect(self.choose_images)
        self.remove_image_button = QPushButton(self.tr("Remove"), self)
        self.remove_image_button.clicked.connect(self.remove_image)
        self.left_button = QPushButton(self.tr("Move left"), self)
        self.left_button.clicked.connect(lambda: self.move_image(-1))
        self.right_button = QPushButton(self.tr("Move right"), self)
        self.right_button.clicked.connect(lambda: self.move_image(1))
        imgs = QWidget(self)
        il = QVBoxLayout(imgs)
        il.addWidget(label(self.tr(
            "Up to 8 images (JPEG, PNG or WebP). The first one is the product's picture in "
            "the catalog. Large photos are made smaller before they are sent."), "muted", imgs,
            wrap=True))
        il.addWidget(self.images, 1)
        ib = QHBoxLayout()
        for b in (self.add_image_button, self.remove_image_button, self.left_button,
                  self.right_button):
            ib.addWidget(b)
        ib.addStretch(1)
        il.addLayout(ib)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(general, self.tr("General"))
        self.tabs.addTab(desc, self.tr("Description"))
        self.tabs.addTab(order, self.tr("Price and order"))
        self.tabs.addTab(specs, self.tr("Specifications"))
        self.tabs.addTab(imgs, self.tr("Images"))
        self.error = label("", "", self, wrap=True)
        self.error.setObjectName("product-error")
        self.error.setStyleSheet("color: #b42318;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.resize(720, 520)

    # -- specs
    def add_spec(self, name_en: str = "", name_zh: str = "", value: str = "") -> None:
        r = self.specs.rowCount()
        self.specs.insertRow(r)
        for c, text in enumerate((name_en, name_zh, value)):
            self.specs.setItem(r, c, QTableWidgetItem(text))
        first = self.specs.item(r, 0)
        if not (name_en or value) and first is not None:
            self.specs.setCurrentCell(r, 0)
            self.specs.editItem(first)

    def remove_spec(self) -> None:
        r = self.specs.currentRow()
        if r >= 0:
            self.specs.removeRow(r)

    # -- images
    def _on_image(self, key: str) -> None:
        """A server image arrived: show it instead of its placeholder."""
        prefix = f"product/{self._pid}/"
        if self._pid <= 0 or not key.startswith(prefix) or "size=thumb" not in key:
            return
        for i in range(self.images.count()):
            item = self.images.item(i)
            data = item.data(Qt.ItemDataRole.UserRole)
            if isinstance(data, dict) and key == product_key(
                    self._pid, int(data.get("n", -1)), "thumb", self._version):
                pix = self.ctx.images.cached(key)
                if pix is not None:
                    item.setIcon(QIcon(pix))

    def _add_image_item(self, pix: QPixmap, data: dict[str, Any], text: str) -> None:
        item = QListWidgetItem(QIcon(pix), text, self.images)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setToolTip(text)

    def choose_images(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose product images"), "",
            self.tr("Images ({patterns})").format(patterns=IMAGE_FILTER))
        self.add_images([Path(p) for p in paths])

    def add_images(self, paths: list[Path]) -> None:
        bad: list[str] = []
        for path in paths:
            if self.images.count() >= MAX_IMAGES:
                self.show_error(self.tr("A product has at most 8 images."))
                break
            pix = image_thumb(str(path))
            if pix.isNull():
                bad.append(path.name)
                continue
            self._add_image_item(pix, {"path": str(path)}, path.name)
            self.images_touched = True
        if bad:
            self.show_error(self.tr("Not an image that can be used: {names}").format(
                names=", ".join(bad)))

    def remove_image(self) -> None:
        r = self.images.currentRow()
        if r >= 0:
            self.images.takeItem(r)
            self.images_touched = True

    def move_image(self, delta: int) -> None:
        r = self.images.currentRow()
        to = r + delta
        if r < 0 or not 0 <= to < self.images.count():
            return
        item = self.images.takeItem(r)
        self.images.insertItem(to, item)
        self.images.setCurrentRow(to)
        self.images_touched = True

    def image_sources(self) -> list[dict[str, Any]]:
        """The images in order: ``{"n": i}`` (already on the server) or ``{"path": p}``."""
        out = []
        for i in range(self.images.count()):
            data = self.images.item(i).data(Qt.ItemDataRole.UserRole)
            if isinstance(data, dict):
                out.append(dict(data))
        return out

    # -- result
    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def values(self) -> Row:
        """The product fields (raises ValueError with a message for the user)."""
        name_en = self.name_en.text().strip()
        if not name_en:
            self.tabs.setCurrentIndex(0)
            raise ValueError(self.tr("The English name is required."))
        if self.section.currentIndex() < 0:
            raise ValueError(self.tr("Choose the exhibition section of the product."))
        try:
            lo = parse_money(self.price_min.text())
            hi = parse_money(self.price_max.text())
        except ValueError:
            self.tabs.setCurrentIndex(2)
            raise ValueError(self.tr("A price is a number such as 12.50.")) from None
        if lo is not None and hi is not None and lo > hi:
            self.tabs.setCurrentIndex(2)
            raise ValueError(self.tr("The lowest price is higher than the highest price."))
        currency = self.currency.currentText().strip().upper()
        if len(currency) != 3 or not currency.isalpha() or not currency.isascii():
            self.tabs.setCurrentIndex(2)
            raise ValueError(self.tr("The currency is a three-letter code such as USD."))
        specs: list[Row] = []
        for r in range(self.specs.rowCount()):
            cells = [(item.text().strip() if (item := self.specs.item(r, c)) is not None else "")
                     for c in range(3)]
            if not any(cells):
                continue
            if not cells[0] or not cells[2]:
                self.tabs.setCurrentIndex(3)
                raise ValueError(self.tr(
                    "Specification row {n} needs an English name and a value.").format(n=r + 1))
            specs.append({"name_en": cells[0], "name_zh": cells[1], "value": cells[2]})
        certs = [c.strip() for c in self.certs.text().replace("，", ",").split(",") if c.strip()]
        if any(len(c) > 50 for c in certs):
            raise ValueError(self.tr("A certification name has at most 50 characters."))
        out: Row = {
            "name_en": name_en,
            "name_zh": self.name_zh.text().strip(),
            "section_id": int(self.section.currentData()),
            "desc_en": self.desc_en.toPlainText().strip(),
            "desc_zh": self.desc_zh.toPlainText().strip(),
            "specs": specs,
            "price_min_cents": lo,
            "price_max_cents": hi,
            "currency": currency,
            "moq": self.moq.value(),
            "unit_en": self.unit_en.text().strip(),
            "unit_zh": self.unit_zh.text().strip(),
            "lead_time_days": self.lead.value() if self.lead.value() >= 0 else None,
            "certifications": certs,
            "keywords": self.keywords.text().strip(),
            "hidden": self.hidden.isChecked(),
        }
        if not self.is_new:  # an edit, or more changes to a draft not sent yet
            out["id"] = int(self.product["id"])
        if self.product.get("company_id") is not None:
            out["company_id"] = int(self.product["company_id"])
        return out

    def try_accept(self) -> None:
        try:
            self.result_values = self.values()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.show_error("")
        self.accept()


#: the fields the conflict dialog compares, in the order of the product page
CONFLICT_FIELDS = (
    "name_en", "name_zh", "section_id", "desc_en", "desc_zh", "specs", "price_min_cents",
    "price_max_cents", "currency", "moq", "unit_en", "unit_zh", "lead_time_days",
    "certifications", "keywords", "hidden", "image_count",
)
#: the booth fields the conflict dialog compares (a rejected company.update)
BOOTH_FIELDS = (
    "name_en", "name_zh", "country", "city", "founded", "employees", "profile_en",
    "profile_zh", "section_ids",
)


def field_caption(key: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "name_en": QCoreApplication.translate("CatalogEditor", "Name (English)"),
        "name_zh": QCoreApplication.translate("CatalogEditor", "Name (Chinese)"),
        "section_id": QCoreApplication.translate("CatalogEditor", "Section"),
        "desc_en": QCoreApplication.translate("CatalogEditor", "Description (English)"),
        "desc_zh": QCoreApplication.translate("CatalogEditor", "Description (Chinese)"),
        "specs": QCoreApplication.translate("CatalogEditor", "Specifications"),
        "price_min_cents": QCoreApplication.translate("CatalogEditor", "Price from"),
        "price_max_cents": QCoreApplication.translate("CatalogEditor", "Price to"),
        "currency": QCoreApplication.translate("CatalogEditor", "Currency"),
        "moq": QCoreApplication.translate("CatalogEditor", "Minimum order"),
        "unit_en": QCoreApplication.translate("CatalogEditor", "Unit (English)"),
        "unit_zh": QCoreApplication.translate("CatalogEditor", "Unit (Chinese)"),
        "lead_time_days": QCoreApplication.translate("CatalogEditor", "Lead time"),
        "certifications": QCoreApplication.translate("CatalogEditor", "Certifications"),
        "keywords": QCoreApplication.translate("CatalogEditor", "Keywords"),
        "hidden": QCoreApplication.translate("CatalogEditor", "Hidden"),
        "image_count": QCoreApplication.translate("CatalogEditor", "Images"),
        "country": QCoreApplication.translate("CatalogEditor", "Country"),
        "city": QCoreApplication.translate("CatalogEditor", "City"),
        "founded": QCoreApplication.translate("CatalogEditor", "Founded"),
        "employees": QCoreApplication.translate("CatalogEditor", "Employees"),
        "profile_en": QCoreApplication.translate("CatalogEditor", "Profile (English)"),
        "profile_zh": QCoreApplication.translate("CatalogEditor", "Profile (Chinese)"),
        "section_ids": QCoreApplication.translate("CatalogEditor", "Sections"),
    }.get(key, key)


def field_text(key: str, value: Any) -> str:
    from PySide6.QtCore import QCoreApplication

    if value is None or value == "":
        return "—"
    if key in ("price_min_cents", "price_max_cents"):
        return _cents_text(value)
    if key == "hidden":
        return (QCoreApplication.translate("CatalogEditor", "Yes") if value
                else QCoreApplication.translate("CatalogEditor", "No"))
    if key == "specs":
        return "\n".join(
            f"{s.get('name_en') or ''}{' / ' + str(s['name_zh']) if s.get('name_zh') else ''}: "
            f"{s.get('value') or ''}" for s in as_list(value) if isinstance(s, dict)) or "—"
    if key in ("certifications", "section_ids"):
        return ", ".join(map(str, as_list(value))) or "—"
    return str(value)


def _same(key: str, a: Any, b: Any) -> bool:
    if key in ("specs", "certifications", "section_ids"):
        return as_list(a) == as_list(b)
    if key == "hidden":
        return bool(a) == bool(b)
    return (a if a not in ("", None) else None) == (b if b not in ("", None) else None)


class ConflictDialog(QDialog):
    """Both versions of a product side by side, field by field; the fields that differ
    are marked. "Keep mine" sends my fields again on top of the other PC's version;
    "Take theirs" drops my edit. Nothing is decided by closing the dialog."""

    decided = Signal(int, str)  # outbox seq, "mine" | "theirs"

    def __init__(self, conflict: Row, sections: dict[int, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.seq = int(conflict.get("seq") or 0)
        self.setObjectName("conflict-dialog")
        self.setWindowTitle(self.tr("Two versions of a product"))
        action = str(conflict.get("action") or "edit")
        mine_deleted = conflict.get("mine") is None
        theirs_gone = conflict.get("theirs") is None
        mine = dict(conflict.get("mine") or {})
        theirs = dict(conflict.get("theirs") or {})
        name = str(mine.get("name_en") or theirs.get("name_en") or "")
        sections = sections or {}
        if str(conflict.get("code") or "") == "conflict":
            text = self.tr(
                "“{name}” was changed on another PC while you were editing it. Nothing has "
                "been overwritten. Compare the two versions and choose the one to keep.")
        else:
            text = self.tr(
                "The fair did not accept your change to “{name}”. Nothing has been "
                "overwritten. Compare your version with the one saved at the fair and "
                "choose the one to keep.")
        intro = label(text.format(name=name), "", self, wrap=True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("conflict-table")
        self.table.setAccessibleName(self.tr("The two versions, field by field"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Your version"),
             self.tr("The version saved meanwhile on another PC")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        changed = QBrush(QColor(253, 236, 200))
        self.differing: list[str] = []
        fields = BOOTH_FIELDS if action == "booth" else CONFLICT_FIELDS
        deleted = self.tr("(deleted)")
        gone = self.tr("(not at the fair)")
        for key in fields:
            if key not in mine and key not in theirs:
                continue
            a, b = mine.get(key), theirs.get(key)
            if key not in mine and not mine_deleted:  # a partial edit keeps their field
                a = b
            if key == "section_id":
                ta, tb = sections.get(int(a or 0), field_text(key, a)), sections.get(int(b or 0), field_text(key, b))
            elif key == "section_ids":
                ta = ", ".join(sections.get(int(x), str(x)) for x in as_list(a)) or "—"
                tb = ", ".join(sections.get(int(x), str(x)) for x in as_list(b)) or "—"
            else:
                ta, tb = field_text(key, a), field_text(key, b)
            if mine_deleted:
                ta = deleted
            if theirs_gone:
                tb = gone
            r = self.table.rowCount()
            self.table.insertRow(r)
            items = [QTableWidgetItem(field_caption(key)), QTableWidgetItem(ta), QTableWidgetItem(tb)]
            differs = mine_deleted or theirs_gone or not _same(key, a, b)
            if differs:
                self.differing.append(key)
                f = items[0].font()
                f.setBold(True)
                items[0].setFont(f)
                for it in items:
                    it.setBackground(changed)
                    it.setForeground(QBrush(QColor("#1f2328")))
            for c, it in enumerate(items):
                self.table.setItem(r, c, it)
        self.table.resizeRowsToContents()
        reason = str(conflict.get("reason") or "")
        note = label(self.tr("Highlighted rows differ. The server said: {reason}").format(
            reason=reason) if reason else self.tr("Highlighted rows differ."), "muted", self, wrap=True)
        buttons = QDialogButtonBox(self)
        self.keep_mine = buttons.addButton(self.tr("Keep mine"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_mine.setObjectName("keep-mine")
        self.keep_mine.setToolTip(self.tr("Save your version on top of the other one"))
        self.take_theirs = buttons.addButton(self.tr("Take theirs"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.take_theirs.setObjectName("take-theirs")
        self.take_theirs.setToolTip(self.tr("Drop your edit and keep the version saved on the other PC"))
        later = buttons.addButton(self.tr("Decide later"), QDialogButtonBox.ButtonRole.RejectRole)
        later.clicked.connect(self.reject)
        self.keep_mine.clicked.connect(lambda: self._decide("mine"))
        self.take_theirs.clicked.connect(lambda: self._decide("theirs"))
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(note)
        lay.addWidget(buttons)
        self.resize(820, 520)

    def _decide(self, keep: str) -> None:
        self.decided.emit(self.seq, keep)
        self.accept()


class CatalogEditorPage(QWidget):
    """Own products: a sortable table with search, and the editing actions."""

    loaded = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-catalog")
        self.setAccessibleName(self.tr("Catalog"))
        self.company_id: int | None = None
        self.sections: list[Row] = []
        self.categories: list[Row] = []
        self.section_names: dict[int, str] = {}
        self.conflicts: list[Row] = []
        self.dialog: QDialog | None = None
        self._generation = 0
        self._fitted = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(lambda: self.refresh() if self.isVisible() else None)

        self.title = label(self.tr("Catalog"), "title", self)
        self.count = label("", "muted", self)
        self.search = QLineEdit(self)
        self.search.setObjectName("catalog-search")
        self.search.setPlaceholderText(self.tr("Search your products (name, keywords)"))
        self.search.setAccessibleName(self.tr("Search your products"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh())

        self.attention = QFrame(self)
        self.attention.setObjectName("catalog-attention")
        self.attention.setStyleSheet(
            "QFrame#catalog-attention { background: #fdf3e1; border: 1px solid #e8c98f;"
            " border-radius: 6px; } QFrame#catalog-attention QLabel { color: #5a3d0a; }")
        self.attention_text = label("", "", self.attention, wrap=True)
        self.review_button = QPushButton(self.tr("Compare and decide…"), self.attention)
        self.review_button.setObjectName("catalog-review")
        self.review_button.clicked.connect(self.review_conflicts)
        al = QHBoxLayout(self.attention)
        al.setContentsMargins(12, 6, 8, 6)
        al.addWidget(self.attention_text, 1)
        al.addWidget(self.review_button)
        self.attention.hide()

        lang = ctx.lang
        self.model = RecordTableModel([
            Col(self.tr("Product"), lambda r: str(r.get("name_en") or "") if lang != "zh_CN"
                else str(r.get("name_zh") or r.get("name_en") or "")),
            Col(self.tr("Chinese name") if lang != "zh_CN" else self.tr("English name"),
                lambda r: str(r.get("name_zh") or "") if lang != "zh_CN" else str(r.get("name_en") or "")),
            Col(self.tr("Section"), lambda r: self.section_names.get(int(r.get("section_id") or 0), "")),
            Col(self.tr("FOB price"), format_price, key=lambda r: r.get("price_min_cents") or 0, right=True),
            Col(self.tr("MOQ"), lambda r: f"{r.get('moq')} {localized(r, 'unit', lang)}".strip()
                if r.get("moq") is not None else "", key=lambda r: int(r.get("moq") or 0), right=True),
            Col(self.tr("Images"), lambda r: str(int(r.get("image_count") or 0)),
                key=lambda r: int(r.get("image_count") or 0), right=True),
            Col(self.tr("Status"), status_text),
            Col(self.tr("Updated"), lambda r: str(r.get("updated_at") or "")[:10]),
        ], self)
        self.table = table_view(self)
        self.table.setObjectName("catalog-table")
        self.table.setAccessibleName(self.tr("Your products"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.proxy = sorted_view(self.model, self.table)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.activated.connect(lambda _i: self.edit_selected())  # Enter
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.add_button = QPushButton(self.tr("Add a product…"), self)
        self.add_button.setObjectName("catalog-add")
        self.add_button.clicked.connect(self.add_product)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("catalog-edit")
        self.edit_button.clicked.connect(self.edit_selected)
        self.hide_button = QPushButton(self.tr("Hide"), self)
        self.hide_button.setObjectName("catalog-hide")
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setObjectName("catalog-delete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button = QPushButton(self.tr("Import a spreadsheet…"), self)
        self.import_button.setObjectName("catalog-import")
        self.import_button.clicked.connect(self.open_import)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.count)
        head.addLayout(titles, 1)
        head.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.hide_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 10, 16, 12)
        lay.addLayout(head)
        lay.addWidget(self.attention)
        lay.addWidget(self.search)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self._update_buttons()
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.delete_selected),
                           (QKeySequence.StandardKey.New, self.add_product)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        ctx.changed.connect(self._on_changed)
        ctx.push_result.connect(lambda _e: self._refresh_if_visible())

    def page_title(self) -> str:
        return self.tr("Catalog")

    def activate(self, arg: object = None) -> None:
        spawn(self._activate(arg), "catalog-activate")

    async def _activate(self, arg: object) -> None:
        await self.reload()
        if arg == "add":
            self.add_product()
        elif arg == "import":
            self.open_import()
        elif arg == "conflicts":
            self.review_conflicts()
        elif isinstance(arg, tuple) and len(arg) == 2 and arg[0] == "edit":
            row = next((r for r in self.model.rows() if int(r["id"]) == int(arg[1])), None)
            if row is not None:
                self.open_editor(row)

    def refresh(self) -> None:
        spawn(self.reload(), "catalog-reload")

    def _refresh_if_visible(self) -> None:
        """Reload soon (a sync brings changes page by page: one reload for a burst)."""
        if self.isVisible() and not self._debounce.isActive():
            self._debounce.start()

    def _on_changed(self, changes: Any) -> None:
        if any(changes.touches(k) for k in ("product", "section", "outbox", "conflict", "upload")):
            self._refresh_if_visible()

    async def reload(self) -> None:
        self._generation += 1
        gen = self._generation
        svc = workspace_service(self.ctx)
        if not self.sections:
            self.categories = await self.ctx.catalog.categories()
            self.sections = await self.ctx.catalog.sections()
            self.section_names = {int(s["id"]): localized(s, "name", self.ctx.lang)
                                  for s in self.sections}
        self.company_id = await staff_company_id(self.ctx)
        rows = await svc.products(self.search.text().strip(), include_hidden=True)
        conflicts = await svc.conflicts()
        if gen != self._generation:
            return
        ids = {int(c.get("product_id") or 0) for c in conflicts}
        for r in rows:
            r["conflict"] = int(r.get("id") or 0) in ids
        selected = {int(r["id"]) for r in selected_records(self.table)}
        self.model.set_rows(rows)
        self._reselect(selected)
        if rows and not self._fitted:  # once: a large catalog is not measured on every sync
            from ui.pages.cards import fit_columns

            fit_columns(self.table, widest=320)
            # room for the longest status ("Visible, waiting to sync"), which comes later
            status = self.table.fontMetrics().horizontalAdvance(
                status_text({"hidden": False, "pending": True})) + 16
            self.table.setColumnWidth(6, max(self.table.columnWidth(6), status))
            for col in (1, 2):  # the other name and the section give way on small screens
                self.table.setColumnWidth(col, min(self.table.columnWidth(col), 165))
            self._fitted = True
        hidden = sum(1 for r in rows if r.get("hidden"))
        self.count.setText(self.tr("%Ln product(s), of which {hidden} hidden", "", len(rows))
                           .format(hidden=hidden))
        self.conflicts = conflicts
        self.attention.setVisible(bool(conflicts))
        if conflicts:
            self.attention_text.setText(self.tr(
                "%Ln of your edits clashed with a change saved meanwhile on another PC. "
                "Nothing was overwritten.", "", len(conflicts)))
        self._update_buttons()
        self.loaded.emit()

    def _reselect(self, ids: set[int]) -> None:
        if not ids:
            return
        from PySide6.QtCore import QItemSelectionModel

        sel = self.table.selectionModel()
        for r in range(self.proxy.rowCount()):
            idx = self.proxy.index(r, 0)
            row = idx.data(Qt.ItemDataRole.UserRole + 1)
            if isinstance(row, dict) and int(row.get("id") or 0) in ids:
                sel.select(idx, QItemSelectionModel.SelectionFlag.Select
                           | QItemSelectionModel.SelectionFlag.Rows)

    def selected(self) -> list[Row]:
        return selected_records(self.table)

    def _update_buttons(self) -> None:
        rows = self.selected()
        one = len(rows) == 1
        self.edit_button.setEnabled(one)
        self.hide_button.setEnabled(bool(rows))
        self.delete_button.setEnabled(bool(rows))
        if rows and all(r.get("hidden") for r in rows):
            self.hide_button.setText(self.tr("Show to buyers"))
        else:
            self.hide_button.setText(self.tr("Hide"))

    # -- actions
    def add_product(self) -> ProductDialog:
        base: Row = {"company_id": self.company_id} if self.company_id else {}
        return self.open_editor(base)

    def edit_selected(self) -> ProductDialog | None:
        rows = self.selected()
        if len(rows) != 1:
            return None
        return self.open_editor(rows[0])

    def open_editor(self, row: Row) -> ProductDialog:
        dialog = ProductDialog(self.ctx, row, self.sections, self.categories, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        base_version = dialog.base_version
        dialog.accepted.connect(lambda: spawn(self.save(dialog.result_values, base_version,
                                                        dialog.image_sources()
                                                        if dialog.images_touched else None,
                                                        row), "product-save"))
        self.dialog = dialog
        dialog.open()
        return dialog

    async def save(self, values: Row, base_version: Any, images: list[Row] | None,
                   original: Row) -> bool:
        svc = workspace_service(self.ctx)
        product = dict(values)
        if base_version:
            # an edit sends only what the user changed: a field another PC changed
            # meanwhile is not reverted to the value this PC saw
            product = {k: v for k, v in product.items()
                       if k in ("id", "company_id") or not _same(k, v, original.get(k))}
        if self.company_id and "company_id" not in product:
            product["company_id"] = self.company_id
        if "section_id" in product:
            sec = next((s for s in self.sections if int(s["id"]) == int(product["section_id"])), None)
            if sec is not None:
                product["category_id"] = int(sec.get("category_id") or 0)
        if base_version and set(product) <= {"id", "company_id"} and images is None:
            return True  # nothing changed
        paths: list[Path | str] | None = None
        try:
            if images is not None:
                paths = await self._image_paths(images, original)
            await svc.save_product(product, int(base_version) if base_version else None, paths)
        except ValueError as exc:
            show_message(self, self.tr("Product not saved"), tr_error(exc))
            return False
        await self.reload()
        return True

    async def _image_paths(self, images: list[Row], original: Row) -> list[Path | str]:
        """Local files for the chosen images, in order: the ones already on the server come
        from the image cache (full size when there), else are fetched when online."""
        out: list[Path | str] = []
        missing: list[int] = []
        pid = int(original.get("id") or 0)
        for img in images:
            if "path" in img:
                out.append(Path(str(img["path"])))
                continue
            path = await self._existing_image(pid, int(img["n"]))
            if path is None:
                missing.append(int(img["n"]) + 1)
            else:
                out.append(path)
        if missing:
            raise ValueError(self.tr(
                "Image {numbers} of this product is not available offline, so the new "
                "order of the images cannot be saved yet. Try again when connected.").format(
                    numbers=", ".join(map(str, missing))))
        return out

    async def _existing_image(self, pid: int, n: int) -> Path | None:
        import os
        import tempfile

        data: bytes | None = None
        for size in ("full", "thumb"):
            data = await self.ctx.images._bytes(product_key(pid, n, size))
            if data:
                break
        if not data:
            return None
        fd, name = tempfile.mkstemp(prefix=f"fairdesk-product-{pid}-{n}-", suffix=".jpg")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return Path(name)

    def toggle_hidden(self) -> None:
        rows = self.selected()
        if not rows:
            return
        hide = not all(r.get("hidden") for r in rows)

        async def run() -> None:
            svc = workspace_service(self.ctx)
            try:
                for r in rows:
                    await svc.set_hidden(int(r["id"]), hide)
            except ValueError as exc:
                show_message(self, self.tr("Product not changed"), tr_error(exc))
            await self.reload()

        spawn(run(), "product-hide")

    def delete_selected(self) -> QMessageBox | None:
        rows = self.selected()
        if not rows:
            return None
        box = QMessageBox(self)
        box.setObjectName("confirm-delete")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete products"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        names = "\n".join(f"• {r.get('name_en') or ''}" for r in rows[:8])
        more = len(rows) - 8
        if more > 0:
            names += "\n" + self.tr("… and {n} more").format(n=more)
        box.setText(self.tr("Delete %Ln product(s) from your catalog? Buyers will no longer "
                            "see them. This cannot be undone; hiding a product keeps it.",
                            "", len(rows)) + "\n\n" + names)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done() -> None:
            if box.clickedButton() is delete:
                spawn(self._delete([int(r["id"]) for r in rows]), "product-delete")

        box.buttonClicked.connect(lambda _b: done())
        box.open()
        return box

    async def _delete(self, ids: list[int]) -> None:
        svc = workspace_service(self.ctx)
        try:
            for pid in ids:
                await svc.delete_product(pid)
        except ValueError as exc:
            show_message(self, self.tr("Product not deleted"), tr_error(exc))
        await self.reload()

    def review_conflicts(self) -> ConflictDialog | None:
        if not self.conflicts:
            return None
        dialog = ConflictDialog(self.conflicts[0], self.section_names, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.decided.connect(lambda seq, keep: spawn(self.resolve(seq, keep), "conflict"))
        self.dialog = dialog
        dialog.open()
        return dialog

    async def resolve(self, seq: int, keep: str) -> None:
        try:
            await workspace_service(self.ctx).resolve_conflict(seq, keep)
        except ValueError as exc:
            show_message(self, self.tr("Not resolved"), tr_error(exc))
        await self.reload()
        if self.conflicts and self.isVisible():
            self.review_conflicts()

    def open_import(self) -> QDialog:
        from ui.pages.import_wizard import ImportWizard

        wizard = ImportWizard(self.ctx, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished.connect(lambda _r: self.refresh())
        self.dialog = wizard
        wizard.open()
        return wizard

