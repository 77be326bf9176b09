"""Small shared widgets and helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
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

    Paints from the model's roles (DecorationRole, DisplayRole, ROW_ROLE); no widgets.
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
        from ui.models import ROW_ROLE

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
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        img_rect = QRect(rect.x() + (rect.width() - self.icon) // 2, rect.y() + 6, self.icon, self.icon)
        if isinstance(icon, QIcon):
            icon.paint(painter, img_rect)
        fm = option.fontMetrics
        row = index.data(ROW_ROLE) or {}
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
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        elided = _elide_lines(fm, name, text_rect.width(), 2)
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


def _elide_lines(fm: QFontMetrics, text: str, width: int, lines: int) -> str:
    """Wrap ``text`` into at most ``lines`` lines of ``width`` px, eliding the last."""
    out: list[str] = []
    rest = text
    while rest and len(out) < lines:
        if len(out) == lines - 1 or fm.horizontalAdvance(rest) <= width:
            out.append(fm.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        # the longest prefix that fits, preferring a break at a space (CJK breaks anywhere)
        cut = len(rest)
        while cut > 1 and fm.horizontalAdvance(rest[:cut]) > width:
            cut -= 1
        space = rest.rfind(" ", 0, cut)
        if space > 0:
            cut = space
        out.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return "\n".join(out)
