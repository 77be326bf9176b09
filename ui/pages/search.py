"""Search: local results as you type, filters, grid/list views, and the whole fair online."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog import Row, UiFilters, _make_filters, bilingual, format_price, localized
from ui.asyncutil import spawn
from ui.context import UiContext
from ui.images import key_parts, product_key
from ui.models import ROW_ROLE, PagedRowModel, product_columns
from ui.widgets import card_grid, label, table_view

DEBOUNCE_MS = 200
THUMB = 112


class SearchPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-search")
        self.setAccessibleName(self.tr("Search"))
        self._local_total = 0
        self._local_exact = True
        self._remote_total = 0
        self._remote_shown = False

        self.query = QLineEdit(self)
        self.query.setObjectName("search-query")
        self.query.setPlaceholderText(self.tr("Search products in English or Chinese…"))
        self.query.setAccessibleName(self.tr("Search text"))
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(self._schedule)
        self.query.returnPressed.connect(self.run_now)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_now)
        self._sync_refresh = QTimer(self)
        self._sync_refresh.setSingleShot(True)
        self._sync_refresh.setInterval(1000)
        self._sync_refresh.timeout.connect(self._refresh_after_sync)

        self.section = QComboBox(self)
        self.section.setAccessibleName(self.tr("Section filter"))
        self.category = QComboBox(self)
        self.category.setAccessibleName(self.tr("Category filter"))
        self.price_min = QDoubleSpinBox(self)
        self.price_max = QDoubleSpinBox(self)
        for box, name in ((self.price_min, self.tr("Minimum price")), (self.price_max, self.tr("Maximum price"))):
            box.setRange(0, 1_000_000)
            box.setDecimals(2)
            box.setSpecialValueText(self.tr("any"))
            box.setAccessibleName(name)
            box.setMinimumWidth(90)
            box.valueChanged.connect(self._schedule)
        self.moq_max = QSpinBox(self)
        self.moq_max.setRange(0, 10_000_000)
        self.moq_max.setSpecialValueText(self.tr("any"))
        self.moq_max.setAccessibleName(self.tr("Maximum MOQ"))
        self.moq_max.setMinimumWidth(80)
        self.moq_max.valueChanged.connect(self._schedule)
        self.sort = QComboBox(self)
        self.sort.setAccessibleName(self.tr("Sort order"))
        for text, value in (
            (self.tr("Best match"), "relevance"),
            (self.tr("Price: low to high"), "price"),
            (self.tr("Price: high to low"), "price_desc"),
            (self.tr("Name"), "name"),
        ):
            self.sort.addItem(text, value)
        self.sort.currentIndexChanged.connect(self._schedule)
        self.cert = QComboBox(self)
        self.cert.setAccessibleName(self.tr("Certification filter"))
        for combo in (self.section, self.category, self.cert):
            combo.currentIndexChanged.connect(self._schedule)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaximumWidth(240)
        self._fill_combos_empty()

        self.grid_button = QToolButton(self)
        self.grid_button.setText(self.tr("Grid"))
        self.grid_button.setAccessibleName(self.tr("Show results as a grid"))
        self.list_button = QToolButton(self)
        self.list_button.setText(self.tr("List"))
        self.list_button.setAccessibleName(self.tr("Show results as a list"))
        group = QButtonGroup(self)
        for i, b in enumerate((self.grid_button, self.list_button)):
            b.setCheckable(True)
            group.addButton(b, i)
        self.grid_button.setChecked(True)
        group.idClicked.connect(self.set_view)

        self.remote_button = QPushButton(self.tr("Search the whole fair"), self)
        self.remote_button.setAccessibleName(
            self.tr("Search the whole fair on the server, including sections not cached")
        )
        self.remote_button.clicked.connect(self.search_remote)
        self.status = label("", "muted", self)

        lang = ctx.lang
        # a result list of any length (every cached product): paged, counted, bounded
        self.model = PagedRowModel(
            product_columns(lang),
            page_size=50,
            max_pages=16,
            decoration=self._thumb,
            tooltip=self._tooltip,
            parent=self,
        )
        online_badge = self.tr("Online")
        self.grid = card_grid(
            THUMB, self, format_price, lambda r: online_badge if r.get("_remote") else ""
        )
        self.grid.setObjectName("search-grid")
        self.grid.setAccessibleName(self.tr("Search results"))
        self.grid.setModel(self.model)
        self.table = table_view(self)
        self.table.setObjectName("search-list")
        self.table.setAccessibleName(self.tr("Search results"))
        self.table.setModel(self.model)
        self.table.setIconSize(QSize(28, 28))
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # widths fitted once per search from the rows loaded (_fit_list_columns), then the
        # user's: ResizeToContents re-measured every cell through the model after each
        # change (a thumbnail arriving, a sync page), 20-30 ms of the GUI thread each time
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 200)
        header.setResizeContentsPrecision(50)  # a double-click on a divider: the rows near
        self._list_fitted = False
        self._fit_list_columns()
        for view in (self.grid, self.table):
            view.activated.connect(self._open)
            view.doubleClicked.connect(self._open)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.table)
        self.model.loaded.connect(self._update_status)
        self.model.loaded.connect(self._fit_list_columns_once)
        self.model.counted.connect(self._on_counted)

        row1 = QHBoxLayout()
        row1.addWidget(self.query, 1)
        row1.addWidget(self.grid_button)
        row1.addWidget(self.list_button)
        row2 = QHBoxLayout()
        for caption, w in (
            (self.tr("Section"), self.section),
            (self.tr("Category"), self.category),
            (self.tr("Price"), self.price_min),
            ("–", self.price_max),
            (self.tr("Max MOQ"), self.moq_max),
            (self.tr("Certification"), self.cert),
        ):
            lab = label(caption, "muted", self)
            lab.setBuddy(w)
            row2.addWidget(lab)
            row2.addWidget(w)
        row2.addStretch(1)
        row3 = QHBoxLayout()
        row3.addWidget(self.status, 1)
        sort_label = label(self.tr("Sort"), "muted", self)
        sort_label.setBuddy(self.sort)
        row3.addWidget(sort_label)
        row3.addWidget(self.sort)
        row3.addWidget(self.remote_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 8)
        lay.addWidget(label(self.tr("Search"), "title", self))
        lay.addLayout(row1)
        lay.addLayout(row2)
        lay.addLayout(row3)
        lay.addWidget(self.stack, 1)

        ctx.images.image_ready.connect(self._on_image)
        ctx.state_changed.connect(self._update_remote_button)
        ctx.changed.connect(self._on_changes)
        self._filters_loaded = False
        self._update_remote_button()

    # -- page protocol
    def page_title(self) -> str:
        return self.tr("Search")

    def activate(self, arg: object = None) -> None:
        if not self._filters_loaded:
            self._filters_loaded = True
            spawn(self.load_filters(), "search-filters")
        if isinstance(arg, str):
            self.query.setText(arg)
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def set_view(self, mode: int) -> None:
        self.stack.setCurrentIndex(mode)
        (self.grid_button if mode == 0 else self.list_button).setChecked(True)
        self._fit_list_columns_once()

    def _fit_list_columns_once(self) -> None:
        if not self._list_fitted and self.stack.currentWidget() is self.table and self.model.rows():
            self._list_fitted = True
            self._fit_list_columns()

    def _fit_list_columns(self) -> None:
        """The value columns (price, MOQ, certifications, source) as wide as their header and
        the rows loaded now (at most 50), within 60-320 px; the user may drag them after."""
        fm = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        rows = self.model.rows()[:50]
        pad = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 16
        for col in range(2, self.model.columnCount()):
            column = self.model.column(col)
            texts = [column.header] + [column.text(r) for r in rows]
            width = max(fm.horizontalAdvance(t) for t in texts) + pad
            header.resizeSection(col, min(max(width, 60), 320))

    # -- filters
    def _fill_combos_empty(self) -> None:
        for combo, text in (
            (self.section, self.tr("All sections")),
            (self.category, self.tr("All categories")),
            (self.cert, self.tr("Any certification")),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(text, None)
            combo.blockSignals(False)

    async def load_filters(self) -> None:
        lang = self.ctx.lang
        categories = await self.ctx.catalog.categories()
        sections = await self.ctx.catalog.sections()
        certs = await self.ctx.catalog.certifications()
        keep = (self.section.currentData(), self.category.currentData(), self.cert.currentData())
        self._fill_combos_empty()
        for combo, rows in ((self.category, categories), (self.section, sections)):
            combo.blockSignals(True)
            for r in rows:
                combo.addItem(localized(r, "name", lang), r.get("id"))
            combo.blockSignals(False)
        self.cert.blockSignals(True)
        for c in certs:
            self.cert.addItem(c, c)
        self.cert.blockSignals(False)
        for combo, value in zip((self.section, self.category, self.cert), keep, strict=True):
            i = combo.findData(value)
            if i >= 0:
                combo.setCurrentIndex(i)

    def filters(self) -> UiFilters:
        def cents(box: QDoubleSpinBox) -> int | None:
            return round(box.value() * 100) if box.value() > 0 else None

        return UiFilters(
            section_id=self.section.currentData(),
            category_id=self.category.currentData(),
            price_min_cents=cents(self.price_min),
            price_max_cents=cents(self.price_max),
            moq_max=self.moq_max.value() or None,
            cert=str(self.cert.currentData() or ""),
            sort=str(self.sort.currentData() or "relevance"),
        )

    # -- searching
    def _schedule(self, *_args: Any) -> None:
        self._debounce.start()

    def run_now(self) -> None:
        """Run the local search for the current text and filters (after the debounce)."""
        self._debounce.stop()
        text = self.query.text().strip()
        flt = self.filters()
        catalog = self.ctx.catalog
        self._remote_shown = False
        self._remote_total = 0

        async def loader(offset: int, limit: int) -> list[Row]:
            result = await catalog.search(text, flt, offset=offset, limit=limit)
            if offset == 0 and self.model.total() is None:  # the exact count wins
                self._local_total = result.total
                self._local_exact = result.exact
            return result.items

        store = self.ctx.store
        search_filters = _make_filters(flt)

        async def counter() -> int:
            from offline_cache.search import count_matching

            return int(await store.read(count_matching, text, search_filters))

        self._list_fitted = False
        self.model.set_loader(loader, counter)
        self._update_remote_button()

    def _on_counted(self, total: int) -> None:
        self._local_total = total
        self._local_exact = True
        self._update_status()

    def search_remote(self) -> None:
        spawn(self._search_remote(), "search-remote")

    async def _search_remote(self) -> None:
        text = self.query.text().strip()
        flt = self.filters()
        self.remote_button.setEnabled(False)
        self.status.setText(self.tr("Searching the whole fair…"))
        try:
            sections = await self.ctx.catalog.sections()
            followed = {int(s["id"]) for s in sections if s.get("followed")}
            await self.model.wait_idle()
            _total, items = await self.ctx.search_remote(text, flt, limit=100)
        except Exception as exc:
            self.status.setText(self.tr("The whole-fair search failed: {error}").format(error=str(exc)))
            self._update_remote_button()
            return
        known = {r.get("id") for r in self.model.rows()}
        extra = [i for i in items if int(i.get("section_id") or 0) not in followed and i.get("id") not in known]
        self.model.append_rows(extra)
        self._remote_shown = True
        self._remote_total = len(extra)
        self._update_status()
        self._update_remote_button()

    def _refresh_after_sync(self) -> None:
        if not self._remote_shown and not self._debounce.isActive():
            self.model.refresh()

    def _update_status(self) -> None:
        if self._local_exact:
            text = self.tr("%Ln result(s) in the offline cache", "", self._local_total)
        else:
            text = self.tr("More than %Ln results in the offline cache", "", self._local_total)
        if self._remote_shown and self._remote_total:
            text += " · " + self.tr("%Ln more from sections not cached (online)", "", self._remote_total)
        elif self._remote_shown:
            text += " · " + self.tr("no more in the sections not cached (online)")
        self.status.setText(text)

    def _update_remote_button(self, _event: object = None) -> None:
        online = self.ctx.is_online()
        self.remote_button.setEnabled(online and not self._remote_shown)
        self.remote_button.setToolTip(
            "" if online else self.tr("Available when FairDesk is online")
        )

    # -- presentation
    def _thumb(self, row: Row) -> QIcon:
        name = str(row.get("name_en") or "")
        if not row.get("image_count"):
            return QIcon(self.ctx.images.placeholder(QSize(THUMB, THUMB), name))
        key = product_key(int(row["id"]), 0, "thumb", row.get("version"))
        return QIcon(self.ctx.images.pixmap(key, QSize(THUMB, THUMB), name))

    def _tooltip(self, row: Row) -> str:
        lines = [t for t in bilingual(row, "name", self.ctx.lang) if t]
        if row.get("_remote"):
            lines.append(self.tr("From the whole fair (not cached)"))
        return "\n".join(lines)

    def _on_image(self, key: str) -> None:
        kind, ident, which, size = key_parts(key)
        if kind == "product" and which == "0" and size == "thumb" and ident.isdigit():
            self.model.row_changed(int(ident))

    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row:
            self.ctx.navigate("product", int(row["id"]))

    def _on_changes(self, changes: Any) -> None:
        up = getattr(changes, "upserted", {}) or {}
        dl = getattr(changes, "deleted", {}) or {}
        if ("section" in up or "category" in up) and self._filters_loaded:
            spawn(self.load_filters(), "search-filters")
        # a sync delivers pages: refresh what is shown (keeping the scroll), at most 1/s
        touched = "product" in up or "product" in dl
        if touched and self.isVisible() and not self._remote_shown and not self._sync_refresh.isActive():
            self._sync_refresh.start()
