"""Shortlist: favourite products and booths with notes and tags; compare; export CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.catalog import (
    MAX_COMPARE,
    Row,
    as_list,
    compare_rows,
    format_price,
    localized,
    shortlist_csv,
)
from ui.asyncutil import spawn
from ui.context import UiContext
from ui.models import StaticTableModel
from ui.problems import tr_error
from ui.widgets import label, show_message, table_view


def compare_field_label(key: str) -> str:
    names = {
        "name": QCoreApplication.translate("Shortlist", "Product"),
        "company": QCoreApplication.translate("Shortlist", "Booth"),
        "price": QCoreApplication.translate("Shortlist", "FOB price"),
        "moq": QCoreApplication.translate("Shortlist", "Minimum order"),
        "lead_time_days": QCoreApplication.translate("Shortlist", "Lead time (days)"),
        "certifications": QCoreApplication.translate("Shortlist", "Certifications"),
    }
    if key.startswith("spec:"):
        return key[5:]
    return names.get(key, key)


class NoteDialog(QDialog):
    """Edit the note and tags of a shortlist entry."""

    def __init__(self, title: str, note: str, tags: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note and tags"))
        self.setObjectName("note-dialog")
        self.note = QPlainTextEdit(self)
        self.note.setPlainText(note)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.tags = QLineEdit(", ".join(tags), self)
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. samples, priority"))
        form = QFormLayout()
        form.addRow(label(title, "section", self, wrap=True))
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Tags"), self.tags)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.resize(420, 260)

    def values(self) -> tuple[str, list[str]]:
        tags = [t.strip() for t in self.tags.text().replace("，", ",").split(",") if t.strip()]
        return self.note.toPlainText().strip(), tags[:20]


class ShortlistPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-shortlist")
        self.setAccessibleName(self.tr("Shortlist"))
        self.entries: list[Row] = []

        self.model = StaticTableModel(parent=self)
        self.table = table_view(self)
        self.table.setObjectName("shortlist-table")
        self.table.setAccessibleName(self.tr("Shortlisted products and booths"))
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.doubleClicked.connect(self._open)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.open_button = QPushButton(self.tr("Open"), self)
        self.edit_button = QPushButton(self.tr("Note and tags…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.compare_button = QPushButton(self.tr("Compare selected"), self)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.deal_button = QPushButton(self.tr("Negotiate…"), self)
        self.deal_button.setObjectName("shortlist-deal")
        self.deal_button.setToolTip(self.tr(
            "Open a deal for the selected products (all of one exhibitor)"))
        self.deal_button.clicked.connect(self.deal_clicked)
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex()))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.export_button.clicked.connect(self.export_dialog)
        self.compare_button.setToolTip(
            self.tr("Select two to four products to compare them side by side")
        )
        for b, name in (
            (self.open_button, self.tr("Open the selected entry")),
            (self.edit_button, self.tr("Edit the note and tags of the selected entry")),
            (self.remove_button, self.tr("Remove the selected entries from the shortlist")),
            (self.compare_button, self.tr("Compare the selected products")),
            (self.export_button, self.tr("Export the shortlist as a CSV file")),
        ):
            b.setAccessibleName(name)
        self.summary = label("", "muted", self)
        self.empty_hint = label(
            self.tr(
                "Your shortlist is empty. Open a product or a booth and choose "
                "“Add to shortlist” to keep it here with your notes."
            ),
            "muted",
            self,
            wrap=True,
        )

        self.compare_model = StaticTableModel(parent=self)
        self.compare_view = table_view(self)
        self.compare_view.setObjectName("shortlist-compare")
        self.compare_view.setAccessibleName(self.tr("Product comparison"))
        self.compare_view.setModel(self.compare_model)
        self.compare_view.verticalHeader().setVisible(True)
        self.compare_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.compare_title = label(self.tr("Comparison"), "section", self)
        compare_box = QWidget(self)
        cl = QVBoxLayout(compare_box)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.compare_title)
        cl.addWidget(self.compare_view)
        self.compare_box = compare_box
        compare_box.hide()

        top = QWidget(self)
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.edit_button, self.remove_button, self.compare_button,
                  self.deal_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        tl.addLayout(buttons)
        tl.addWidget(self.empty_hint)
        tl.addWidget(self.table, 1)
        tl.addWidget(self.summary)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("shortlist-splitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(compare_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 8)
        lay.addWidget(label(self.tr("Shortlist"), "title", self))
        lay.addWidget(self.splitter, 1)
        ctx.changed.connect(self._on_changes)
        self._update_buttons()

    def page_title(self) -> str:
        return self.tr("Shortlist")

    def activate(self, arg: object = None) -> None:
        spawn(self.reload(), "shortlist-load")

    async def reload(self) -> None:
        entries = await self.ctx.catalog.favourites()
        entries.sort(key=lambda f: str(f.get("created_at") or ""), reverse=True)
        self.entries = entries
        lang = self.ctx.lang
        rows = []
        for fav in entries:
            target = fav.get("target") or {}
            kind = fav.get("kind")
            name = localized(target, "name", lang) if target else self.tr("(not in the offline cache: #{id})").format(id=fav.get("target_id"))
            rows.append(
                [
                    self.tr("Product") if kind == "product" else self.tr("Booth"),
                    name,
                    localized(target, "company_name", lang) if kind == "product" else "",
                    format_price(target) if kind == "product" and target else "",
                    str(fav.get("note") or ""),
                    ", ".join(map(str, as_list(fav.get("tags")))),
                ]
            )
        self.model.set_table(
            [self.tr("Kind"), self.tr("Name"), self.tr("Booth"), self.tr("FOB price"), self.tr("Note"), self.tr("Tags")],
            rows,
            payload=entries,
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 180)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, 200)
        products = sum(1 for f in entries if f.get("kind") == "product")
        self.summary.setText(
            self.tr("{products} and {booths} on your shortlist").format(
                products=self.tr("%Ln product(s)", "", products),
                booths=self.tr("%Ln booth(s)", "", len(entries) - products),
            )
        )
        self.empty_hint.setVisible(not entries)
        self._update_buttons()

    def selected_entries(self) -> list[Row]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.entries[r] for r in rows if r < len(self.entries)]

    def _update_buttons(self) -> None:
        sel = self.selected_entries()
        products = [e for e in sel if e.get("kind") == "product" and e.get("target")]
        self.open_button.setEnabled(len(sel) == 1)
        self.edit_button.setEnabled(len(sel) == 1)
        self.remove_button.setEnabled(bool(sel))
        self.compare_button.setEnabled(2 <= len(products) <= MAX_COMPARE)
        self.export_button.setEnabled(bool(self.entries))
        self.deal_button.setEnabled(bool(self._deal_products()))

    def _deal_products(self) -> tuple[int, list[int]] | None:
        """(company id, product ids) when the selection is products of one exhibitor."""
        products = [e for e in self.selected_entries() if e.get("kind") == "product"]
        companies = {int((e.get("target") or {}).get("company_id") or 0) for e in products}
        if not products or len(companies) != 1 or 0 in companies:
            return None
        return companies.pop(), sorted(int(e["target_id"]) for e in products)

    def deal_clicked(self) -> None:
        chosen = self._deal_products()
        if chosen is not None:
            spawn(self.open_deal(*chosen), "shortlist-deal")

    async def open_deal(self, company_id: int, product_ids: list[int]) -> str | None:
        from ui.pages.deals import open_deal_for

        try:
            return await open_deal_for(self.ctx, company_id=company_id, product_ids=product_ids)
        except ValueError as exc:
            show_message(self, self.tr("No deal opened"), tr_error(exc))
            return None

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid() or index.row() >= len(self.entries):
            return
        fav = self.entries[index.row()]
        self.ctx.navigate("product" if fav.get("kind") == "product" else "booth", int(fav["target_id"]))

    def edit_selected(self) -> None:
        sel = self.selected_entries()
        if len(sel) != 1:
            return
        fav = sel[0]
        title = localized(fav.get("target") or {}, "name", self.ctx.lang) or str(fav.get("target_id"))
        dialog = NoteDialog(title, str(fav.get("note") or ""), [str(t) for t in as_list(fav.get("tags"))], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                note, tags = dialog.values()
                spawn(self.save_note(fav, note, tags), "shortlist-note")

        dialog.finished.connect(done)
        dialog.open()

    async def save_note(self, fav: Row, note: str, tags: list[str]) -> bool:
        try:
            await self.ctx.catalog.set_favourite(
                str(fav["kind"]), int(fav["target_id"]), note=note, tags=tags
            )
        except ValueError as exc:  # too long, too many tags: say so, keep the old note
            show_message(self, self.tr("Note and tags"), str(exc))
            return False
        await self.reload()
        return True

    def remove_selected(self) -> None:
        sel = self.selected_entries()
        if sel:
            spawn(self._remove(sel), "shortlist-remove")

    async def _remove(self, entries: list[Row]) -> None:
        for fav in entries:
            await self.ctx.catalog.remove_favourite(str(fav["kind"]), int(fav["target_id"]))
        await self.reload()

    def compare_selected(self) -> None:
        products = [e["target"] for e in self.selected_entries() if e.get("kind") == "product" and e.get("target")]
        self.show_comparison(products[:MAX_COMPARE])

    def show_comparison(self, products: list[Row]) -> None:
        rows = [r for r in compare_rows(products, self.ctx.lang) if r[0] != "name"]
        if not rows or not products:
            self.compare_box.hide()
            return
        headers = [localized(p, "name", self.ctx.lang) for p in products]
        self.compare_model.set_table(
            headers, [cells for _k, cells in rows], [compare_field_label(k) for k, _c in rows]
        )
        self.compare_box.show()
        if self.splitter.sizes()[1] == 0:
            self.splitter.setSizes([1, 1])

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export shortlist"),
            str(Path.home() / "fairdesk-shortlist.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            spawn(self.export_to(Path(path)), "shortlist-export")

    async def export_to(self, path: Path) -> bool:
        import asyncio

        if path.suffix.lower() != ".csv":
            path = path.with_suffix(".csv")
        text = shortlist_csv(self.entries)
        try:
            # utf-8-sig so spreadsheet programs read the Chinese names correctly
            await asyncio.to_thread(path.write_text, text, encoding="utf-8-sig")
        except OSError as exc:
            show_message(
                self,
                self.tr("Export shortlist"),
                self.tr("The file could not be written: {error}").format(error=exc.strerror or str(exc)),
            )
            return False
        self.summary.setText(self.tr("Exported %Ln entr(y/ies) to {path}", "", len(self.entries)).format(path=str(path)))
        return True

    def _on_changes(self, changes: Any) -> None:
        up = getattr(changes, "upserted", {}) or {}
        dl = getattr(changes, "deleted", {}) or {}
        if "favourite" in up or "favourite" in dl:
            spawn(self.reload(), "shortlist-load")
