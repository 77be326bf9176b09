"""Choosing the exhibition sections kept offline: a checkable list with download estimates.

``SectionPicker`` is the list (used by the first-run dialog and by ``SectionsDialog``);
``SectionsDialog`` is the non-modal "Choose sections to keep offline…" window of the
main window: it follows and unfollows through the UiContext and closes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListView,
    QVBoxLayout,
    QWidget,
)

from app.catalog import Row, bilingual, format_bytes
from ui.asyncutil import spawn
from ui.widgets import label

ID_ROLE = Qt.ItemDataRole.UserRole
BYTES_ROLE = Qt.ItemDataRole.UserRole + 1
PRODUCTS_ROLE = Qt.ItemDataRole.UserRole + 2


class SectionPicker(QWidget):
    """A checkable list of sections and a line with the total to download."""

    selection_changed = Signal()

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._filling = False
        self.expected_products = 0
        self.model = QStandardItemModel(self)
        self.model.itemChanged.connect(self._update_estimate)
        self.view = QListView(self)
        self.view.setObjectName("section-picker")
        self.view.setAccessibleName(self.tr("Sections to follow"))
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.estimate = label("", "muted", self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.estimate)

    def section_text(self, section: Row) -> str:
        first, _second = bilingual(section, "name", self.lang)
        return self.tr("{name} · {products} · about {size}").format(
            name=first,
            products=self.tr("%Ln product(s)", "", int(section.get("product_count") or 0)),
            size=format_bytes(section.get("est_bytes")),
        )

    def set_sections(self, sections: list[Row], categories: list[Row] | None = None) -> None:
        """Fill the list in directory order; with ``categories``, under category headings."""
        self._filling = True
        self.model.clear()
        cat_pos = {int(c["id"]): (int(c.get("position") or 0), int(c["id"])) for c in categories or []}
        cat_row = {int(c["id"]): c for c in categories or []}
        ordered = sorted(
            sections,
            key=lambda s: (
                cat_pos.get(int(s.get("category_id") or 0), (0, int(s.get("category_id") or 0))),
                int(s.get("position") or 0),
                int(s["id"]),
            ),
        )
        current_cat: int | None = None
        for s in ordered:
            cid = int(s.get("category_id") or 0)
            if cid in cat_row and cid != current_cat:
                current_cat = cid
                head = QStandardItem(bilingual(cat_row[cid], "name", self.lang)[0])
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = head.font()
                font.setBold(True)
                head.setFont(font)
                self.model.appendRow(head)
            item = QStandardItem(self.section_text(s))
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked if s.get("followed") else Qt.CheckState.Unchecked)
            item.setData(int(s["id"]), ID_ROLE)
            item.setData(int(s.get("est_bytes") or 0), BYTES_ROLE)
            item.setData(int(s.get("product_count") or 0), PRODUCTS_ROLE)
            self.model.appendRow(item)
        self._filling = False
        self._update_estimate()

    def checked(self) -> list[int]:
        out = []
        for r in range(self.model.rowCount()):
            item = self.model.item(r)
            if item is not None and item.isCheckable() and item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(ID_ROLE)))
        return out

    def set_checked(self, section_ids: list[int]) -> None:
        for r in range(self.model.rowCount()):
            item = self.model.item(r)
            if item is not None and item.isCheckable():
                sid = int(item.data(ID_ROLE))
                item.setCheckState(Qt.CheckState.Checked if sid in section_ids else Qt.CheckState.Unchecked)

    def _update_estimate(self, *_args: Any) -> None:
        if self._filling:
            return
        size = products = n = 0
        for r in range(self.model.rowCount()):
            item = self.model.item(r)
            if item is not None and item.isCheckable() and item.checkState() == Qt.CheckState.Checked:
                n += 1
                size += int(item.data(BYTES_ROLE) or 0)
                products += int(item.data(PRODUCTS_ROLE) or 0)
        self.expected_products = products
        self.estimate.setText(
            self.tr("{sections} selected: {products}, about {size} to download").format(
                sections=self.tr("%Ln section(s)", "", n),
                products=self.tr("%Ln product(s)", "", products),
                size=format_bytes(size),
            )
        )
        self.selection_changed.emit()


class SectionsDialog(QDialog):
    """Follow or unfollow sections while the fair stays usable behind (non-modal)."""

    applied = Signal(list)  # the followed section ids

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("sections-dialog")
        self.setWindowTitle(self.tr("Sections to keep offline"))
        self.setAccessibleName(self.tr("Sections to keep offline"))
        self._initial: list[int] = []
        self.picker = SectionPicker(ctx.lang, self)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(self.tr("Download selected"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._apply)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.addWidget(label(self.tr("Sections to keep offline"), "title", self))
        lay.addWidget(
            label(
                self.tr(
                    "The booth directory is always available. Choose the exhibition sections "
                    "whose products you want on this computer, to browse and search them offline. "
                    "Unchecked sections are removed from this computer."
                ),
                "subtitle",
                self,
                wrap=True,
            )
        )
        lay.addWidget(self.picker, 1)
        lay.addWidget(self.buttons)
        self.resize(600, 520)

    async def load(self) -> None:
        sections = await self.ctx.catalog.sections()
        categories = await self.ctx.catalog.categories()
        self._initial = sorted(int(s["id"]) for s in sections if s.get("followed"))
        self.picker.set_sections(sections, categories)

    def _apply(self) -> None:
        chosen = self.picker.checked()
        spawn(self.apply(chosen), "sections-apply")
        self.accept()

    async def apply(self, chosen: list[int]) -> None:
        for sid in chosen:
            if sid not in self._initial:
                await self.ctx.follow(sid, True)
        for sid in self._initial:
            if sid not in chosen:
                await self.ctx.follow(sid, False)
        self.applied.emit(chosen)
