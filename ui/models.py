"""Qt item models over the local cache: lazy, paged, async (never a widget per row)."""

from __future__ import annotations

import asyncio
import html
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.catalog import Row, as_list, bilingual, format_price, localized
from ui.asyncutil import spawn


def plain_tooltip(text: str) -> str:
    """Tooltips guess rich text from the content: catalog data (untrusted) is escaped
    and shown as plain text, never as HTML."""
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SECONDARY_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex
Loader = Callable[[int, int], Awaitable[list[Row]]]


class Column:
    """One column of a :class:`LazyRowModel`: a header and a cell formatter."""

    def __init__(self, header: str, text: Callable[[Row], str], align_right: bool = False) -> None:
        self.header = header
        self.text = text
        self.align_right = align_right


class _ColumnsMixin:
    """What a row model over :class:`Column` s answers per cell and per header (shared by
    :class:`LazyRowModel` and :class:`PagedRowModel`)."""

    _columns: Sequence[Column]
    _decoration: Callable[[Row], Any] | None
    _tooltip: Callable[[Row], str] | None

    def column(self, i: int) -> Column:
        return self._columns[i]

    def _card_row(self, i: int) -> Row | None:
        raise NotImplementedError

    def card_at(self, i: int) -> tuple[Row, str, Any] | None:
        """Row ``i`` as a card grid paints it, in one call: the row, the first column's
        text and the decoration (None while the row's page is loading)."""
        row = self._card_row(i)
        if row is None:
            return None
        return row, self._columns[0].text(row), self._decoration(row) if self._decoration else None

    def card(self, index: AnyIndex) -> tuple[Row, str, Any] | None:
        return self.card_at(index.row()) if index.isValid() else None

    def _cell(self, row: Row, column: int, role: int) -> Any:
        col = self._columns[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return col.text(row)
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and self._decoration:
            return self._decoration(row)
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return plain_tooltip(self._tooltip(row))
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.get("id")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None


class LazyRowModel(_ColumnsMixin, QAbstractTableModel):
    """Rows fetched in pages from an async loader as views scroll (canFetchMore/fetchMore).

    ``loader(offset, limit)`` returns the rows of one page; fewer than ``page_size``
    rows means the end. ``reload()`` starts again from the top (after a filter change or
    a sync change set); stale pages of an older generation are dropped.
    """

    loading_changed = Signal(bool)
    loaded = Signal()
    failed = Signal(str)

    def __init__(
        self,
        columns: Sequence[Column],
        loader: Loader | None = None,
        page_size: int = 100,
        decoration: Callable[[Row], Any] | None = None,
        tooltip: Callable[[Row], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._loader = loader
        self._page_size = page_size
        self._decoration = decoration
        self._tooltip = tooltip
        self._rows: list[Row] = []
        self._exhausted = loader is None
        self._loading = False
        self._generation = 0
        self._extra_rows: list[Row] = []
        self._inserting = False

    # -- loading
    def set_loader(self, loader: Loader | None) -> None:
        self._loader = loader
        self.reload()

    def reload(self) -> None:
        """Drop every row and fetch the first page again."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._extra_rows = []
        self._exhausted = self._loader is None
        self._loading = False
        self.endResetModel()
        if self.canFetchMore():  # a view may already have asked for the first page
            self._start_fetch()

    def refresh(self) -> None:
        """Reload the rows loaded so far (keeping the scroll extent) after data changed."""
        if self._loader is None:
            return
        want = max(len(self._rows), self._page_size)
        self._generation += 1
        gen = self._generation
        loader = self._loader
        self._set_loading(True)

        async def run() -> None:
            try:
                rows = await loader(0, want)
            except Exception as exc:
                if gen == self._generation:
                    self._set_loading(False)
                    self.failed.emit(str(exc))
                raise
            if gen != self._generation:
                return
            self.beginResetModel()
            self._rows = list(rows)
            self._exhausted = len(rows) < want
            self.endResetModel()
            self._set_loading(False)
            self.loaded.emit()

        spawn(run(), "model-refresh")

    def is_loading(self) -> bool:
        return self._loading

    def _set_loading(self, value: bool) -> None:
        if self._loading != value:
            self._loading = value
            self.loading_changed.emit(value)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return not self._exhausted and not self._loading and not self._inserting

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.canFetchMore():
            return
        self._start_fetch()

    def _start_fetch(self) -> None:
        loader = self._loader
        if loader is None:
            return
        gen = self._generation
        offset = len(self._rows)
        self._set_loading(True)

        async def run() -> None:
            try:
                rows = await loader(offset, self._page_size)
            except Exception as exc:
                if gen == self._generation:
                    self._exhausted = True
                    self._set_loading(False)
                    self.failed.emit(str(exc))
                raise
            if gen != self._generation:
                return
            if offset != len(self._rows):  # rows changed meanwhile: ask again later
                self._set_loading(False)
                return
            # not loading any more *before* the rows go in: a view may ask for the next
            # page from its rowsInserted handler (when the first does not fill it)
            self._exhausted = len(rows) < self._page_size
            self._loading = False
            self._append(list(rows))
            if not self._loading:
                self.loading_changed.emit(False)
            self.loaded.emit()

        spawn(run(), "model-fetch")

    def _append(self, rows: list[Row]) -> None:
        if not rows:
            return
        start = len(self._rows)
        self._inserting = True
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self._inserting = False
        self.endInsertRows()

    def append_rows(self, rows: list[Row]) -> None:
        """Add rows that did not come from the loader (e.g. server search results)."""
        self._append(rows)

    async def wait_idle(self, timeout: float = 10.0) -> None:
        """Wait until no page load is running (used by smoke mode and tests)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._loading and loop.time() < deadline:
            await asyncio.sleep(0.01)

    # -- Qt model
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def row(self, index: int) -> Row:
        return self._rows[index]

    def _card_row(self, i: int) -> Row | None:
        return self._rows[i] if 0 <= i < len(self._rows) else None

    def rows(self) -> list[Row]:
        return list(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._cell(self._rows[index.row()], index.column(), role)

    def row_changed(self, row_id: Any) -> None:
        """Repaint the rows with this id (e.g. when its thumbnail arrived)."""
        for i, row in enumerate(self._rows):
            if row.get("id") == row_id:
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))


Counter = Callable[[], Awaitable[int]]


class PagedRowModel(_ColumnsMixin, QAbstractTableModel):
    """A result list of any length (a million products) with a bounded memory.

    ``set_loader(loader, counter)``: ``loader(offset, limit)`` returns one page of rows
    (fewer than ``page_size`` means the end), ``counter()`` the exact number of rows. The
    first page shows at once; while the count is not known the list grows as a view
    scrolls (canFetchMore/fetchMore); once known, the list has its full length and a
    view can jump anywhere: the pages in view are fetched as they are painted (the most
    recently wanted first, at most two at a time), and only the ``max_pages`` most
    recently used pages are kept. Rows not fetched yet show empty until their page
    arrives. Rows added with ``append_rows`` (server results) follow the local ones.
    """

    loading_changed = Signal(bool)
    loaded = Signal()
    failed = Signal(str)
    counted = Signal(int)

    def __init__(
        self,
        columns: Sequence[Column],
        page_size: int = 100,
        max_pages: int = 24,
        decoration: Callable[[Row], Any] | None = None,
        tooltip: Callable[[Row], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._page_size = max(1, page_size)
        self._max_pages = max(2, max_pages)
        self._decoration = decoration
        self._tooltip = tooltip
        self._loader: Loader | None = None
        self._counter: Counter | None = None
        self._generation = 0
        self._local = 0  # local rows (known length, or loaded so far while counting)
        self._count: int | None = None  # the exact local count, once known
        self._exhausted = True
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._inflight: set[int] = set()
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._counting = False
        self._growing = False
        self._extra: list[Row] = []
        self._loading = False
        self._stale: set[int] = set()  # pages shown while their fresh copy loads

    # -- loading
    def set_loader(self, loader: Loader | None, counter: Counter | None = None) -> None:
        self._loader = loader
        self._counter = counter
        self.reload()

    def reload(self) -> None:
        """Drop every row and start again from the first page."""
        self._generation += 1
        self.beginResetModel()
        self._pages.clear()
        self._stale = set()
        self._inflight.clear()
        self._wanted.clear()
        self._extra = []
        self._local = 0
        self._count = None
        self._counting = False
        self._growing = False
        self._exhausted = self._loader is None
        self.endResetModel()
        if self._loader is not None:
            self._request(0)
            if self._counter is not None:
                self._start_count()
        self._update_loading()

    def refresh(self) -> None:
        """After data changed (a sync): count again and fetch the pages in use again,
        keeping the rows shown (and the scroll position) until they arrive."""
        if self._loader is None:
            return
        self._generation += 1
        self._inflight.clear()
        self._wanted.clear()
        recent = list(self._pages)[-4:]
        self._stale = set(self._pages)
        for p in recent or [0]:
            self._request(p)
        if self._counter is not None:
            self._counting = False
            self._start_count()
        elif self._count is None and self._exhausted:
            self._exhausted = False
        self._update_loading()

    def is_loading(self) -> bool:
        return self._loading

    def _update_loading(self) -> None:
        value = bool(self._inflight or self._wanted or self._counting)
        if value != self._loading:
            self._loading = value
            self.loading_changed.emit(value)

    def _start_count(self) -> None:
        counter = self._counter
        if counter is None or self._counting:
            return
        gen = self._generation
        self._counting = True

        async def run() -> None:
            try:
                n = int(await counter())
            except Exception as exc:
                if gen == self._generation:
                    self._counting = False
                    self._update_loading()
                    self.failed.emit(str(exc))
                raise
            if gen != self._generation:
                return
            self._counting = False
            self._set_count(n)
            self._update_loading()
            self.counted.emit(n)

        spawn(run(), "model-count")

    def _set_count(self, n: int) -> None:
        n = max(0, n)
        self._count = n
        self._exhausted = True
        self._resize_local(n)
        # pages beyond the new end are gone
        last_page = (n - 1) // self._page_size if n else -1
        for p in [p for p in self._pages if p > last_page]:
            del self._pages[p]

    def _resize_local(self, n: int) -> None:
        old = self._local
        if n > old:
            self.beginInsertRows(QModelIndex(), old, n - 1)
            self._local = n
            self.endInsertRows()
        elif n < old:
            self.beginRemoveRows(QModelIndex(), n, old - 1)
            self._local = n
            self.endRemoveRows()

    def _request(self, page: int) -> None:
        if page in self._inflight or self._loader is None:
            return
        self._wanted.pop(page, None)
        self._wanted[page] = None  # the most recent last
        while len(self._wanted) > 6:  # scrolled past: forget the oldest wishes
            self._wanted.popitem(last=False)
        self._pump()

    def _pump(self) -> None:
        loader = self._loader
        while loader is not None and self._wanted and len(self._inflight) < 2:
            page, _ = self._wanted.popitem(last=True)
            if page in self._pages and page not in self._stale:
                continue
            self._inflight.add(page)
            spawn(self._fetch(loader, page, self._generation), "model-page")
        self._update_loading()

    async def _fetch(self, loader: Loader, page: int, gen: int) -> None:
        size = self._page_size
        try:
            rows = list(await loader(page * size, size))
        except Exception as exc:
            if gen == self._generation:
                self._inflight.discard(page)
                self._exhausted = True
                self._update_loading()
                self.failed.emit(str(exc))
            raise
        if gen != self._generation:
            return
        self._inflight.discard(page)
        self._stale.discard(page)
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        first = page * size
        end = first + len(rows)
        if self._count is None:
            # still growing: the end is where a short page is
            if len(rows) < size:
                self._exhausted = True
                self._resize_local(end)
            elif end > self._local:
                self._exhausted = False
                self._resize_local(end)
        if rows and first < self._local:
            last = min(end, self._local) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self._pump()
        self.loaded.emit()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._count is not None or self._loader is None:
            return False
        return not self._exhausted and not self._inflight

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._request(self._local // self._page_size)

    def append_rows(self, rows: list[Row]) -> None:
        """Add rows that did not come from the loader (e.g. server search results)."""
        if not rows:
            return
        start = self._local + len(self._extra)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._extra.extend(rows)
        self.endInsertRows()

    async def wait_idle(self, timeout: float = 10.0) -> None:
        """Wait until no page or count is loading (used by smoke mode and tests)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._loading and loop.time() < deadline:
            await asyncio.sleep(0.01)

    # -- rows
    def total(self) -> int | None:
        """The exact number of local rows, once counted."""
        return self._count

    def _row_at(self, i: int, want: bool = True) -> Row | None:
        if i >= self._local:
            j = i - self._local
            return self._extra[j] if 0 <= j < len(self._extra) else None
        page, k = divmod(i, self._page_size)
        rows = self._pages.get(page)
        if rows is None or page in self._stale:
            if want:
                self._request(page)
            if rows is None:
                return None
        else:
            self._pages.move_to_end(page)
        return rows[k] if k < len(rows) else None

    def _card_row(self, i: int) -> Row | None:
        return self._row_at(i) if 0 <= i < self.rowCount() else None

    def row(self, index: int) -> Row:
        """The row at ``index`` ({} while its page is not loaded)."""
        return self._row_at(index, want=False) or {}

    def rows(self) -> list[Row]:
        """The rows loaded now (a window of the list), in order, then the added ones."""
        out: list[Row] = []
        for p in sorted(self._pages):
            out.extend(self._pages[p])
        return out + list(self._extra)

    def row_changed(self, row_id: Any) -> None:
        """Repaint the rows with this id (e.g. when its thumbnail arrived)."""
        last = self.columnCount() - 1
        for p, rows in self._pages.items():
            for k, row in enumerate(rows):
                if row.get("id") == row_id:
                    i = p * self._page_size + k
                    if i < self._local:
                        self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        for k, row in enumerate(self._extra):
            if row.get("id") == row_id:
                i = self._local + k
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))

    # -- Qt model
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._local + len(self._extra)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        row = self._row_at(index.row(), want=role in _PAINT_ROLES)
        return None if row is None else self._cell(row, index.column(), role)


# the roles a view asks for when it paints a row: only these fetch a missing page
_PAINT_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole})


class DirectoryTreeModel(QAbstractItemModel):
    """Categories with their exhibition sections as children (a small two-level tree)."""

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._categories: list[Row] = []
        self._sections: dict[int, list[Row]] = {}

    def set_data(self, categories: list[Row], sections: list[Row]) -> None:
        self.beginResetModel()
        self._categories = sorted(
            categories, key=lambda c: (c.get("position") or 0, c.get("id") or 0)
        )
        by_cat: dict[int, list[Row]] = {}
        for s in sections:
            by_cat.setdefault(int(s.get("category_id") or 0), []).append(s)
        for rows in by_cat.values():
            rows.sort(key=lambda s: (s.get("position") or 0, s.get("id") or 0))
        self._sections = by_cat
        self.endResetModel()

    def _children(self, cat_row: int) -> list[Row]:
        cat = self._categories[cat_row]
        return self._sections.get(int(cat.get("id") or 0), [])

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._categories):
                return QModelIndex()
            return self.createIndex(row, 0, 0)
        if parent.internalId() != 0 or parent.parent().isValid():
            return QModelIndex()
        if row >= len(self._children(parent.row())):
            return QModelIndex()
        # internal id = category row + 1 for section items
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        iid = index.internalId()
        if iid == 0:
            return QModelIndex()
        return self.createIndex(iid - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._categories)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._children(parent.row()))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def row_of(self, index: AnyIndex) -> tuple[str, Row] | None:
        if not index.isValid():
            return None
        iid = index.internalId()
        if iid == 0:
            if index.row() < len(self._categories):
                return "category", self._categories[index.row()]
            return None
        children = self._children(iid - 1)
        if index.row() < len(children):
            return "section", children[index.row()]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_of(index)
        if item is None:
            return None
        kind, row = item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            name = localized(row, "name", self._lang)
            if kind == "section" and row.get("followed"):
                return name + " ✓"
            return name
        if role == Qt.ItemDataRole.ToolTipRole:
            first, second = bilingual(row, "name", self._lang)
            if kind == "section":
                tip = QCoreApplication.translate("Models", "{booths} booths, {products} products").format(
                    booths=row.get("booth_count") or 0, products=row.get("product_count") or 0
                )
                if row.get("followed"):
                    tip += "\n" + QCoreApplication.translate("Models", "Followed: available offline")
                return plain_tooltip(f"{first}\n{second}\n{tip}" if second else f"{first}\n{tip}")
            return plain_tooltip(f"{first}\n{second}" if second else first)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.get("id")
        if role == SECONDARY_ROLE:
            return kind
        return None

    def section_index(self, section_id: int) -> QModelIndex:
        for ci in range(len(self._categories)):
            for si, s in enumerate(self._children(ci)):
                if s.get("id") == section_id:
                    return self.index(si, 0, self.index(ci, 0))
        return QModelIndex()

    def all_sections(self) -> list[Row]:
        out: list[Row] = []
        for ci in range(len(self._categories)):
            out.extend(self._children(ci))
        return out


class StaticTableModel(QAbstractTableModel):
    """A small read-only table (specifications, comparisons, favourites)."""

    def __init__(
        self,
        headers: Sequence[str] = (),
        rows: Sequence[Sequence[str]] = (),
        vertical_headers: Sequence[str] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows = [list(r) for r in rows]
        self._vheaders = list(vertical_headers)
        self._payload: list[Any] = []

    def set_table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        vertical_headers: Sequence[str] = (),
        payload: Sequence[Any] = (),
    ) -> None:
        self.beginResetModel()
        self._headers = list(headers)
        self._rows = [list(r) for r in rows]
        self._vheaders = list(vertical_headers)
        self._payload = list(payload)
        self.endResetModel()

    def payload(self, row: int) -> Any:
        return self._payload[row] if 0 <= row < len(self._payload) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if r >= len(self._rows) or c >= len(self._headers):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            row = self._rows[r]
            return row[c] if c < len(row) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self._rows[r]
            return plain_tooltip(row[c] if c < len(row) else "")
        if role == ROW_ROLE:
            return self.payload(r)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        if 0 <= section < len(self._vheaders):
            return self._vheaders[section]
        return None


# ---------------------------------------------------------------------------
# column sets shared by the pages


def product_columns(lang: str) -> list[Column]:
    return [
        Column(QCoreApplication.translate("Models", "Product"), lambda r: localized(r, "name", lang)),
        Column(QCoreApplication.translate("Models", "Booth"), lambda r: localized(r, "company_name", lang)),
        Column(QCoreApplication.translate("Models", "FOB price"), format_price, align_right=True),
        Column(
            QCoreApplication.translate("Models", "MOQ"),
            lambda r: f"{r.get('moq')} {localized(r, 'unit', lang)}".strip()
            if r.get("moq") is not None
            else "",
            align_right=True,
        ),
        Column(QCoreApplication.translate("Models", "Certifications"), lambda r: ", ".join(map(str, as_list(r.get("certifications"))))),
        Column(QCoreApplication.translate("Models", "Source"), lambda r: QCoreApplication.translate("Models", "Whole fair (online)") if r.get("_remote") else QCoreApplication.translate("Models", "Offline cache")),
    ]


def company_columns(lang: str) -> list[Column]:
    return [
        Column(QCoreApplication.translate("Models", "Booth"), lambda r: localized(r, "name", lang)),
        Column(QCoreApplication.translate("Models", "Booth no."), lambda r: str(r.get("booth_no") or "")),
        Column(QCoreApplication.translate("Models", "Country"), lambda r: str(r.get("country") or "")),
        Column(QCoreApplication.translate("Models", "City"), lambda r: str(r.get("city") or "")),
    ]
