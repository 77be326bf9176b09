"""Small shared widgets and helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFontMetrics,
    QIcon,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)


def label(text: str = "", role: str = "", parent: QWidget | None = None, wrap: bool = False) -> QLabel:
    """A plain-text label (never rich text: catalog data is not trusted HTML)."""
    lab = QLabel(parent)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setText(text)
    if role:
        lab.setProperty("role", role)
    lab.setWordWrap(wrap)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if wrap:
        lab.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    return lab


def hline(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Plain)
    line.setStyleSheet("color: palette(mid);")
    return line


class CardGrid(QListView):
    """Icon-mode list whose cells widen a little so the columns fill the whole width
    (no ragged empty strip at the right edge)."""

    base_grid = QSize(0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        base = self.base_grid
        if base.width() <= 0:
            return
        avail = self.viewport().width() - 1  # already laid out (scroll bar included)
        cols = max(1, avail // base.width())
        width = max(base.width(), avail // cols)
        if width != self.gridSize().width():
            self.setGridSize(QSize(width, base.height()))


def grid_view(
    icon: int = 120,
    parent: QWidget | None = None,
    subtitle: Callable[[dict[str, Any]], str] | None = None,
    badge: Callable[[dict[str, Any]], str] | None = None,
) -> QListView:
    """A QListView in icon mode: the product grid (one model, no widget per item)."""
    view = CardGrid(parent)
    delegate = ProductCardDelegate(icon, subtitle or (lambda _r: ""), view, badge)
    view.setItemDelegate(delegate)
    view.setMouseTracking(True)
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setMovement(QListView.Movement.Static)
    view.setIconSize(QSize(icon, icon))
    view.base_grid = QSize(icon + 52, icon + 24 + int(view.fontMetrics().lineSpacing() * 1.3) * 3 + 8)
    view.setGridSize(view.base_grid)
    view.setWordWrap(True)
    view.setUniformItemSizes(True)
    view.setSpacing(0)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setLayoutMode(QListView.LayoutMode.Batched)
    view.setBatchSize(200)
    return view


# a card: the row, its name (the first column's text), its thumbnail (a QIcon or None)
Card = tuple[dict[str, Any], str, Any]


def card_from_roles(index: QModelIndex | QPersistentModelIndex) -> Card | None:
    """A card from any model's roles (for models without ``card_at``)."""
    from ui.models import ROW_ROLE

    name = index.data(Qt.ItemDataRole.DisplayRole)
    if name is None:
        return None
    row = index.data(ROW_ROLE)
    return (row if isinstance(row, dict) else {}, str(name),
            index.data(Qt.ItemDataRole.DecorationRole))


class CardRowsProxy(QAbstractTableModel):
    """A list model shown as rows of ``columns`` cards: item ``i`` of the source is cell
    (i // columns, i % columns). Lets a QTableView, whose layout costs nothing per row,
    show a card grid of a million items (a QListView lays out every item: seconds and
    tens of MB for a million). Roles are the source's; cells past its end are empty."""

    def __init__(self, source: QAbstractItemModel, columns: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._cols = max(1, columns)
        self._n = source.rowCount()
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self._on_reset)
        source.layoutAboutToBeChanged.connect(self.beginResetModel)
        source.layoutChanged.connect(self._on_reset)
        source.rowsInserted.connect(self._on_rows_changed)
        source.rowsRemoved.connect(self._on_rows_changed)
        source.dataChanged.connect(self._on_data_changed)

    def source(self) -> QAbstractItemModel:
        return self._source

    def columns(self) -> int:
        return self._cols

    def set_columns(self, columns: int) -> None:
        columns = max(1, columns)
        if columns != self._cols:
            self.beginResetModel()
            self._cols = columns
            self.endResetModel()

    def item_of(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """The source row of a cell (-1 for none)."""
        if not index.isValid():
            return -1
        i = index.row() * self._cols + index.column()
        return i if i < self._n else -1

    def cell_of(self, item: int) -> QModelIndex:
        if not 0 <= item < self._n:
            return QModelIndex()
        return self.index(item // self._cols, item % self._cols)

    def _rows_for(self, n: int) -> int:
        return (n + self._cols - 1) // self._cols

    def _on_reset(self) -> None:
        self._n = self._source.rowCount()
        self.endResetModel()

    def _on_rows_changed(self, *_args: Any) -> None:
        n = self._source.rowCount()
        old_rows, new_rows = self._rows_for(self._n), self._rows_for(n)
        first_changed = min(self._n, n)
        if new_rows > old_rows:
            self.beginInsertRows(QModelIndex(), old_rows, new_rows - 1)
            self._n = n
            self.endInsertRows()
        elif new_rows < old_rows:
            self.beginRemoveRows(QModelIndex(), new_rows, old_rows - 1)
            self._n = n
            self.endRemoveRows()
        else:
            self._n = n
        # cells that existed before and now show other items: the (formerly) partial
        # last row when items were appended; every later row after a change inside
        top = first_changed // self._cols
        bottom = min(old_rows, new_rows) - 1
        if n and top <= bottom:
            self.dataChanged.emit(self.index(top, 0), self.index(bottom, self._cols - 1))

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Any = ()) -> None:
        if not top_left.isValid() or not self._n:
            return
        r1 = min(top_left.row(), self._n - 1) // self._cols
        r2 = min(bottom_right.row(), self._n - 1) // self._cols
        self.dataChanged.emit(self.index(r1, 0), self.index(r2, self._cols - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows_for(self._n)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._cols

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        i = self.item_of(index)
        if i < 0:
            return None
        return self._source.data(self._source.index(i, 0), role)

    def card(self, index: QModelIndex | QPersistentModelIndex) -> Card | None:
        """What the card in this cell shows, in one Python call (see ``_ColumnsMixin.card``)."""
        return self.card_item(self.item_of(index))

    def card_item(self, i: int) -> Card | None:
        """The card of source item ``i`` (None past the end or while its page loads)."""
        if not 0 <= i < self._n:
            return None
        card_at = getattr(self._source, "card_at", None)
        if card_at is not None:
            return card_at(i)
        return card_from_roles(self._source.index(i, 0))

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if self.item_of(index) < 0:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._source.canFetchMore(QModelIndex())

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._source.fetchMore(QModelIndex())


class CardTable(QTableView):
    """The product card grid for result lists of any length: a table of cards whose
    columns fill the width (``setModel`` takes the list model and wraps it)."""

    def __init__(self, base: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base_grid = base
        self._proxy: CardRowsProxy | None = None
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(True)
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(base.height())
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setMinimumSectionSize(8)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        if model is None:
            self._proxy = None
            super().setModel(None)
            return
        self._proxy = CardRowsProxy(model, self._columns_for_width(), self)
        super().setModel(self._proxy)
        self._fit_columns()

    def proxy(self) -> CardRowsProxy | None:
        return self._proxy

    def paintEvent(self, event: QPaintEvent) -> None:
        """The visible cards, painted in one Python pass. QTableView's own paint called into
        Python for every cell (``index()`` with its ``rowCount``/``columnCount``, ``flags()``,
        the delegate): ~100 entries per repaint, each taking the interpreter lock back from
        the store's writer or the network thread during a sync."""
        proxy = self._proxy
        delegate = self.itemDelegate()
        selection = self.selectionModel()
        if proxy is None or not isinstance(delegate, ProductCardDelegate) or selection is None:
            super().paintEvent(event)
            return
        rows, cols = proxy.rowCount(), proxy.columns()
        height = self.verticalHeader().defaultSectionSize()
        if not rows or height <= 0:
            return
        area = event.rect()
        first = max(0, self.rowAt(area.top()))
        last = self.rowAt(area.bottom())
        last = rows - 1 if last < 0 else last
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        plain = option.state & ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver)
        selected = {(i.row(), i.column()) for i in selection.selectedIndexes()}
        hover: tuple[int, int] | None = None
        viewport = self.viewport()
        if viewport.underMouse():
            at = viewport.mapFromGlobal(QCursor.pos())
            hover = (self.rowAt(at.y()), self.columnAt(at.x()))
        xs = [self.columnViewportPosition(c) for c in range(cols)]
        widths = [self.columnWidth(c) for c in range(cols)]
        painter = QPainter(viewport)
        try:
            for r in range(first, last + 1):
                y = self.rowViewportPosition(r)
                for c in range(cols):
                    card = proxy.card_item(r * cols + c)
                    if card is None:
                        continue  # past the end, or its page is loading (asked for)
                    state = plain
                    if (r, c) in selected:
                        state |= QStyle.StateFlag.State_Selected
                    if hover == (r, c):
                        state |= QStyle.StateFlag.State_MouseOver
                    option.state = state
                    option.rect = QRect(xs[c], y, widths[c], height)
                    delegate.paint_card(painter, option, card)
        finally:
            painter.end()

    def gridSize(self) -> QSize:
        h = self.horizontalHeader()
        width = h.defaultSectionSize() if self._proxy is None else h.sectionSize(0)
        return QSize(width, self.base_grid.height())

    def _columns_for_width(self) -> int:
        return max(1, (self.viewport().width() - 1) // max(1, self.base_grid.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        proxy = self._proxy
        if proxy is None:
            return
        cols = self._columns_for_width()
        if cols != proxy.columns():
            # keep the first item in view in view
            top = proxy.item_of(self.indexAt(self.viewport().rect().topLeft() + QPoint(1, 1)))
            proxy.set_columns(cols)
            if top > 0:
                self.scrollTo(proxy.cell_of(top), QAbstractItemView.ScrollHint.PositionAtTop)
        width = max(self.base_grid.width(), (self.viewport().width() - 1) // cols)
        header = self.horizontalHeader()
        header.setDefaultSectionSize(width)
        for c in range(cols):
            if header.sectionSize(c) != width:
                header.resizeSection(c, width)


def card_grid(
    icon: int = 120,
    parent: QWidget | None = None,
    subtitle: Callable[[dict[str, Any]], str] | None = None,
    badge: Callable[[dict[str, Any]], str] | None = None,
) -> CardTable:
    """The product card grid for long result lists (``grid_view``'s look, any length)."""
    probe = QListView()
    line = int(probe.fontMetrics().lineSpacing() * 1.3)
    probe.deleteLater()
    view = CardTable(QSize(icon + 52, icon + 24 + line * 3 + 8), parent)
    view.setItemDelegate(ProductCardDelegate(icon, subtitle or (lambda _r: ""), view, badge))
    view.setIconSize(QSize(icon, icon))
    return view


def table_view(parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    view.horizontalHeader().setHighlightSections(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view


def show_message(parent: QWidget, title: str, text: str, warning: bool = True) -> None:
    """A window-modal message that does not start a nested event loop (safe in tasks)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


class ProductCardDelegate(QStyledItemDelegate):
    """A product grid card: the thumbnail, the name on up to two lines, the price.

    Paints what the model's ``card(index)`` gives (the row, its name, its thumbnail: one
    Python call), else from its roles (DisplayRole, DecorationRole, ROW_ROLE); no widgets.
    A card grid repaints ~20 cards per scroll step: through Qt's index and data calls each
    card cost a dozen crossings between C++ and Python, most of the paint's time.
    """

    def __init__(
        self,
        icon: int,
        subtitle: Callable[[dict[str, Any]], str],
        parent: QObject | None = None,
        badge: Callable[[dict[str, Any]], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.icon = icon
        self.subtitle = subtitle
        self.badge = badge

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        fm = option.fontMetrics
        return QSize(self.icon + 32, self.icon + 16 + int(fm.lineSpacing() * 1.3) * 3 + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        model = index.model()
        card_of = getattr(model, "card", None)
        card = card_of(index) if card_of is not None else card_from_roles(index)
        if card is None:
            return  # a cell past the end of a card table, or a row whose page is loading
        self.paint_card(painter, option, card)

    def paint_card(self, painter: QPainter, option: QStyleOptionViewItem, card: Card) -> None:
        row, name, icon = card
        painter.save()
        rect = option.rect.adjusted(3, 3, -3, -3)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected or hover:
            color = QColor(palette.color(QPalette.ColorRole.Highlight))
            color.setAlpha(60 if selected else 25)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(rect, 6, 6)
        img_rect = QRect(rect.x() + (rect.width() - self.icon) // 2, rect.y() + 6, self.icon, self.icon)
        if isinstance(icon, QIcon):
            icon.paint(painter, img_rect)
        fm = option.fontMetrics
        badge = self.badge(row) if (self.badge and row) else ""
        if badge:
            w = fm.horizontalAdvance(badge) + 10
            badge_rect = QRect(img_rect.x() + 4, img_rect.y() + 4, w, fm.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#b7791f"))
            painter.drawRoundedRect(badge_rect, 4, 4)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge_rect, int(Qt.AlignmentFlag.AlignCenter), badge)
        # CJK fallback glyphs are taller than the Latin font's line: leave room for them
        line = int(fm.lineSpacing() * 1.3)
        # the text may use the whole grid cell (wider than the item when columns widen)
        view = self.parent()
        cell = view.gridSize().width() - 6 if isinstance(view, QListView) and view.gridSize().isValid() else 0
        text_w = max(rect.width(), cell) - 12
        text_rect = QRect(rect.center().x() - text_w // 2, img_rect.bottom() + 6, text_w, line * 2)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        elided = _elide_lines(fm, name, text_rect.width(), 2, option.font.key())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), elided)
        sub = self.subtitle(row) if row else ""
        if sub:
            sub_rect = QRect(text_rect.x(), text_rect.bottom() + 2, text_rect.width(), line)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                sub_rect,
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                fm.elidedText(sub, Qt.TextElideMode.ElideRight, sub_rect.width()),
            )
        painter.restore()


_ELIDED: dict[tuple[str, int, int, str], str] = {}


def _elide_lines(fm: QFontMetrics, text: str, width: int, lines: int, font_key: str = "") -> str:
    """Wrap ``text`` into at most ``lines`` lines of ``width`` px, eliding the last
    (remembered: a card grid paints the same names again as it scrolls and repaints)."""
    key = (text, width, lines, font_key or f"{fm.height()}/{fm.averageCharWidth()}")
    done = _ELIDED.get(key)
    if done is None:
        if len(_ELIDED) > 4000:
            _ELIDED.clear()
        done = _ELIDED[key] = _wrap_lines(fm, text, width, lines)
    return done


def _wrap_lines(fm: QFontMetrics, text: str, width: int, lines: int) -> str:
    out: list[str] = []
    rest = text
    while rest and len(out) < lines:
        if len(out) == lines - 1 or fm.horizontalAdvance(rest) <= width:
            out.append(fm.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        # the longest prefix that fits (a binary search: a card paints in well under a
        # millisecond), preferring a break at a space (CJK breaks anywhere)
        lo, hi = 1, len(rest)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if fm.horizontalAdvance(rest[:mid]) <= width:
                lo = mid
            else:
                hi = mid - 1
        cut = lo
        space = rest.rfind(" ", 0, cut)
        if space > 0:
            cut = space
        out.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return "\n".join(out)


class LazyPages(dict[str, QWidget]):
    """The main window's pages, each built the first time it is asked for (start-up
    builds the page it shows, not all of them: less time and memory before the window
    is up). ``built(kind)`` is the page if it exists; iterating builds every page."""

    def __init__(
        self,
        factories: dict[str, Callable[[], QWidget]],
        on_built: Callable[[str, QWidget], None],
    ) -> None:
        super().__init__()
        self._factories = dict(factories)
        self._on_built = on_built

    def __missing__(self, kind: str) -> QWidget:
        page = self._factories[kind]()  # KeyError for an unknown page
        dict.__setitem__(self, kind, page)
        self._on_built(kind, page)
        return page

    def built(self, kind: str) -> QWidget | None:
        return dict.get(self, kind)

    def get(self, kind: str, default: QWidget | None = None) -> QWidget | None:  # type: ignore[override]
        return self[kind] if kind in self._factories else default

    def __contains__(self, kind: object) -> bool:
        return kind in self._factories

    def __iter__(self) -> Any:
        return iter(list(self._factories))

    def __len__(self) -> int:
        return len(self._factories)

    def keys(self) -> Any:
        return list(self._factories)

    def values(self) -> Any:
        return [self[k] for k in self._factories]

    def items(self) -> Any:
        return [(k, self[k]) for k in self._factories]
