"""The exhibitor's workspace home: figures by day as small bar charts, top products,
recent leads, catalog edits that need attention, and quick links to the other
workspace pages (catalog, booth, leads, spreadsheet import).

Also the helpers the other workspace pages share: ``workspace_service(ctx)`` and
``staff_company_id(ctx)``, and ``record_view(ctx, kind, id)`` which the buyer's booth
and product pages call when a buyer opens them (protocol section 9.1).

The charts are drawn with QPainter (``BarChart``): no QtCharts, the bundle stays small.

``shoot_workspace(window, shot, sample_file=None)`` walks the workspace pages for
``ui/smoke.py`` screenshots (signed in as exhibitor staff).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.catalog import localized
from ui.asyncutil import spawn
from ui.context import UiContext
from ui.models import ROW_ROLE, StaticTableModel, plain_tooltip
from ui.widgets import label, table_view

if TYPE_CHECKING:
    from app.workspace import WorkspaceService

log = logging.getLogger("fairdesk.ui")

Row = dict[str, Any]
AnyIndex = QModelIndex | QPersistentModelIndex

#: the charted figures: (key, colour); the captions are translated in ``figure_caption``
FIGURES: tuple[tuple[str, str], ...] = (
    ("booth_visits", "#2b6cb0"),
    ("product_views", "#2f855a"),
    ("inquiries", "#b7791f"),
    ("deals", "#805ad5"),
)
#: the entity types of the company scope that change what the workspace shows
_REFRESH_ON = ("figures_day", "lead", "product", "company", "outbox", "conflict", "import")


def workspace_service(ctx: UiContext) -> WorkspaceService:
    """The workspace service over the page's store; without a session, edits wait in
    the store (pushed after sign-in)."""
    from app import workspace

    return workspace.WorkspaceService(ctx.store, ctx.engine)


async def staff_company_id(ctx: UiContext) -> int | None:
    """The company of the signed-in exhibitor staff member, else None (a buyer).

    The session's user when known, else the cached profile (an offline start)."""
    session = ctx.session
    user = getattr(session, "user", None) if session is not None else None
    if isinstance(user, dict) and user.get("role"):
        cid = user.get("company_id")
        if user.get("role") == "exhibitor" and isinstance(cid, int) and cid > 0:
            return cid
        return None
    row = await ctx.store.read(_cached_role)
    if row is None:
        return None
    role, cid = row
    return cid if role == "exhibitor" and cid else None


def _cached_role(db: Any) -> tuple[str, int | None] | None:
    row = db.conn.execute("SELECT role, company_id FROM profile LIMIT 1").fetchone()
    if row is None:
        return None
    return str(row[0] or ""), (int(row[1]) if row[1] is not None else None)


async def record_view(ctx: UiContext, kind: str, ident: int) -> None:
    """A buyer opened a booth (``kind="booth"``, the company id) or a product page:
    queue ``view.record`` (the service de-duplicates per day). Staff views are not
    recorded (the server would not count them). Never raises: a view is not worth an
    error message."""
    try:
        if ctx.session is None or ident <= 0 or await staff_company_id(ctx) is not None:
            return
        await workspace_service(ctx).record_view(kind, int(ident))
    except Exception as exc:  # the page works without it
        log.info("view of %s %s not recorded: %s", kind, ident, exc)


def figure_caption(key: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "booth_visits": QCoreApplication.translate("Workspace", "Booth visits"),
        "product_views": QCoreApplication.translate("Workspace", "Product views"),
        "inquiries": QCoreApplication.translate("Workspace", "Inquiries"),
        "deals": QCoreApplication.translate("Workspace", "Deals"),
        "grants": QCoreApplication.translate("Workspace", "Authorizations"),
        "card_requests": QCoreApplication.translate("Workspace", "Card requests"),
    }.get(key, key)


def short_day(day: str) -> str:
    """``2026-11-03`` -> ``11-03`` (a compact, language-neutral axis label)."""
    date = QDate.fromString(day[:10], "yyyy-MM-dd")
    return date.toString("MM-dd") if date.isValid() else day


class BarChart(QWidget):
    """One figure by day as bars: a caption, today's value, the period's total, a light
    grid with the largest value, dates under the first, middle and last bar. Hovering a
    bar shows its day and value. Today's (the last) bar is drawn in full colour."""

    def __init__(self, key: str, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.color = QColor(color)
        self.days: list[str] = []
        self.values: list[int] = []
        self._hover = -1
        self.setObjectName(f"chart-{key}")
        self.setMouseTracking(True)
        self.setMinimumSize(260, 118)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(figure_caption(key))

    def sizeHint(self) -> QSize:
        return QSize(420, 170)

    def set_data(self, days: Sequence[str], values: Sequence[int]) -> None:
        self.days = list(days)
        self.values = [max(0, int(v or 0)) for v in values]
        self._hover = -1
        self.setAccessibleDescription(self.summary())
        self.update()

    def total(self) -> int:
        return sum(self.values)

    def today(self) -> int:
        return self.values[-1] if self.values else 0

    def summary(self) -> str:
        return self.tr("{caption}: {today} today, {total} in {n} days, at most {top} a day").format(
            caption=figure_caption(self.key), today=self.today(), total=self.total(),
            n=len(self.values), top=max(self.values, default=0))

    # -- geometry
    def _plot_rect(self) -> QRectF:
        fm = self.fontMetrics()
        top = fm.height() * 2 + 10
        left = fm.horizontalAdvance(str(self._scale_max())) + 10
        return QRectF(left, top, max(10.0, self.width() - left - 6),
                      max(10.0, self.height() - top - fm.height() - 8))

    def _scale_max(self) -> int:
        top = max(self.values, default=0)
        if top <= 4:
            return 4
        # a round number a little above the largest value
        step = 10 ** (len(str(top)) - 1)
        for m in (1, 2, 2.5, 5, 10):
            if top <= m * step:
                return int(m * step)
        return top

    def _bar_at(self, x: float) -> int:
        n = len(self.values)
        rect = self._plot_rect()
        if n == 0 or not rect.left() <= x <= rect.right():
            return -1
        return min(n - 1, int((x - rect.left()) / (rect.width() / n)))

    # -- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        grid = pal.color(QPalette.ColorRole.Mid)
        fm = self.fontMetrics()
        # caption and figures
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(text)
        p.drawText(QRectF(0, 0, self.width(), fm.height() + 2),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                   figure_caption(self.key))
        p.setFont(self.font())
        p.setPen(muted)
        right = self.tr("today {today} · {n} days {total}").format(
            today=self.today(), n=len(self.values), total=self.total())
        p.drawText(QRectF(0, 0, self.width(), fm.height() + 2),
                   int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), right)
        rect = self._plot_rect()
        scale = self._scale_max()
        # grid: 0, half, max
        p.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
        for frac in (0.0, 0.5, 1.0):
            y = rect.bottom() - rect.height() * frac
            p.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        p.setPen(muted)
        for frac in (0.0, 1.0):
            y = rect.bottom() - rect.height() * frac
            p.drawText(QRectF(0, y - fm.height() / 2, rect.left() - 4, fm.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                       str(int(scale * frac)))
        n = len(self.values)
        if n == 0:
            p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self.tr("No figures yet"))
            p.end()
            return
        slot = rect.width() / n
        gap = max(1.0, slot * 0.22)
        soft = QColor(self.color)
        soft.setAlpha(150)
        for i, v in enumerate(self.values):
            h = rect.height() * (v / scale) if scale else 0.0
            bar = QRectF(rect.left() + i * slot + gap / 2, rect.bottom() - h, slot - gap, h)
            colour = self.color if (i == n - 1 or i == self._hover) else soft
            p.fillRect(bar, colour)
        # dates: first, middle, last
        p.setPen(muted)
        y = rect.bottom() + 4
        for i, align in ((0, Qt.AlignmentFlag.AlignLeft), (n // 2, Qt.AlignmentFlag.AlignHCenter),
                         (n - 1, Qt.AlignmentFlag.AlignRight)):
            if i >= len(self.days):
                continue
            cx = rect.left() + (i + 0.5) * slot
            w = fm.horizontalAdvance("00-00") + 8
            x = cx - w / 2
            if align == Qt.AlignmentFlag.AlignLeft:
                x = rect.left()
            elif align == Qt.AlignmentFlag.AlignRight:
                x = rect.right() - w
            p.drawText(QRectF(x, y, w, fm.height()), int(align | Qt.AlignmentFlag.AlignTop),
                       short_day(self.days[i]))
        p.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        i = self._bar_at(event.position().x())
        if i != self._hover:
            self._hover = i
            self.update()
        if 0 <= i < len(self.values):
            day = self.days[i] if i < len(self.days) else ""
            QToolTip.showText(event.globalPosition().toPoint(),
                              self.tr("{day}: {value}").format(day=day, value=self.values[i]), self)
        else:
            QToolTip.hideText()

    def leaveEvent(self, event: Any) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)


SORT_ROLE = Qt.ItemDataRole.UserRole + 10


class Col:
    """A column of :class:`RecordTableModel`: header, cell text, sort key, alignment."""

    def __init__(self, header: str, text: Callable[[Row], str],
                 key: Callable[[Row], Any] | None = None, right: bool = False) -> None:
        self.header = header
        self.text = text
        self.key = key
        self.right = right


class RecordTableModel(QAbstractTableModel):
    """Rows (dicts) shown through columns; ``SORT_ROLE`` gives a typed sort key (numbers
    and dates sort as such behind a ``QSortFilterProxyModel``). Plain text only."""

    def __init__(self, columns: Sequence[Col] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self.endResetModel()

    def set_columns(self, columns: Sequence[Col]) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row(self, r: int) -> Row:
        return self._rows[r]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.columns):
            return None
        row, col = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return col.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(col.text(row))
        if role == SORT_ROLE:
            key = col.key(row) if col.key is not None else col.text(row)
            return "" if key is None else key
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and col.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return self.columns[section].header
        return None


def sorted_view(model: RecordTableModel, view: QTableView,
                proxy: QSortFilterProxyModel | None = None) -> QSortFilterProxyModel:
    """``model`` in ``view`` through a proxy sorting by ``SORT_ROLE`` on a header click."""
    proxy = proxy or QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setSortLocaleAware(True)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    return proxy


def selected_records(view: QTableView) -> list[Row]:
    """The rows selected in a view over a (proxied) :class:`RecordTableModel`, in view order."""
    sel = view.selectionModel()
    if sel is None:
        return []
    out: list[Row] = []
    for idx in sorted(sel.selectedRows(), key=lambda i: i.row()):
        row = idx.data(ROW_ROLE)
        if isinstance(row, dict):
            out.append(row)
    return out


def _card(parent: QWidget) -> QFrame:
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    return frame


class WorkspacePage(QWidget):
    """The workspace home (exhibitor staff)."""

    loaded = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-workspace")
        self.setAccessibleName(self.tr("Workspace"))
        self.company: Row | None = None
        self.figures: list[Row] = []
        self.top: list[Row] = []
        self.conflict_rows: list[Row] = []
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(lambda: self.refresh() if self.isVisible() else None)

        self.title = label(self.tr("Workspace"), "title", self)
        self._code: str | None = None
        self.subtitle = label("", "subtitle", self)  # no wrap: a wrapped label makes the
        # scroll area size the page by its preferred (taller) height
        # catalog edits that need a decision (conflicts with another PC)
        self.attention = QFrame(self)
        self.attention.setObjectName("workspace-attention")
        self.attention.setStyleSheet(
            "QFrame#workspace-attention { background: #fdf3e1; border: 1px solid #e8c98f;"
            " border-radius: 6px; } QFrame#workspace-attention QLabel { color: #5a3d0a; }")
        self.attention_text = label("", "", self.attention, wrap=True)
        self.review_button = QPushButton(self.tr("Review…"), self.attention)
        self.review_button.setObjectName("review-conflicts")
        self.review_button.clicked.connect(lambda: self.ctx.navigate("catalog", "conflicts"))
        al = QHBoxLayout(self.attention)
        al.setContentsMargins(12, 6, 8, 6)
        al.addWidget(self.attention_text, 1)
        al.addWidget(self.review_button)
        self.attention.hide()

        # quick links
        self.links: dict[str, QPushButton] = {}
        links = QHBoxLayout()
        for key, text, target, arg in (
            ("catalog", self.tr("Edit catalog"), "catalog", None),
            ("add", self.tr("Add a product…"), "catalog", "add"),
            ("import", self.tr("Import a spreadsheet…"), "catalog", "import"),
            ("booth", self.tr("Edit booth"), "booth_editor", None),
            ("leads", self.tr("All leads"), "leads", None),
            ("messages", self.tr("Messages"), "messages", None),
        ):
            b = QPushButton(text, self)
            b.setObjectName(f"link-{key}")
            b.clicked.connect(lambda _c=False, t=target, a=arg: self.ctx.navigate(t, a))
            self.links[key] = b
            links.addWidget(b)
        links.addStretch(1)

        # charts
        self.period = label("", "muted", self)
        self.charts: dict[str, BarChart] = {}
        chart_card = _card(self)
        cg = QGridLayout(chart_card)
        cg.setContentsMargins(12, 8, 12, 8)
        cg.setHorizontalSpacing(24)
        cg.setVerticalSpacing(10)
        for i, (key, colour) in enumerate(FIGURES):
            chart = BarChart(key, colour, chart_card)
            self.charts[key] = chart
            cg.addWidget(chart, i // 2, i % 2)

        # top products and recent leads
        self.top_model = StaticTableModel(parent=self)
        self.top_table = table_view(self)
        self.top_table.setObjectName("top-products")
        self.top_table.setAccessibleName(self.tr("Most viewed products"))
        self.top_table.setModel(self.top_model)
        self.top_table.doubleClicked.connect(self._open_top)
        self.leads_model = StaticTableModel(parent=self)
        self.leads_table = table_view(self)
        self.leads_table.setObjectName("recent-leads")
        self.leads_table.setAccessibleName(self.tr("Recent leads"))
        self.leads_table.setModel(self.leads_model)
        self.leads_table.doubleClicked.connect(lambda _i: self.ctx.navigate("leads"))
        for t in (self.top_table, self.leads_table):
            t.setMinimumHeight(96)

        self.top_empty = label(self.tr("No product views in these 30 days yet."), "muted", self)
        self.leads_empty = label(self.tr(
            "No leads yet: buyers who authorize you, write to you or open a deal appear here."),
            "muted", self)
        lists = QHBoxLayout()
        lists.setSpacing(16)
        for caption, table, empty in (
                (self.tr("Most viewed products (30 days)"), self.top_table, self.top_empty),
                (self.tr("Recent leads"), self.leads_table, self.leads_empty)):
            box = QVBoxLayout()
            box.addWidget(label(caption, "section", self))
            box.addWidget(empty)
            box.addWidget(table, 1)
            lists.addLayout(box, 1)

        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(16, 8, 16, 10)
        lay.setSpacing(6)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        lay.addLayout(head)
        lay.addLayout(links)
        lay.addWidget(self.attention)
        prow = QHBoxLayout()
        prow.addWidget(label(self.tr("Figures by day"), "section", self))
        prow.addStretch(1)
        prow.addWidget(self.period)
        lay.addLayout(prow)
        lay.addWidget(chart_card, 3)
        lay.addLayout(lists, 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        ctx.changed.connect(self._on_changed)
        ctx.push_result.connect(lambda _e: self._refresh_if_visible())

    def page_title(self) -> str:
        return self.tr("Workspace")

    def activate(self, arg: object = None) -> None:
        self.refresh()

    def refresh(self) -> None:
        spawn(self.reload(), "workspace-reload")

    def _refresh_if_visible(self) -> None:
        """Reload soon (a sync brings changes page by page: one reload for a burst)."""
        if self.isVisible() and not self._debounce.isActive():
            self._debounce.start()

    def _on_changed(self, changes: Any) -> None:
        if any(changes.touches(k) for k in _REFRESH_ON):
            self._refresh_if_visible()

    async def reload(self) -> None:
        svc = workspace_service(self.ctx)
        lang = self.ctx.lang
        if await staff_company_id(self.ctx) is None:  # signed in as a buyer (or nobody)
            self.company = None
            self.title.setText(self.tr("Workspace"))
            self.subtitle.setText(self.tr("The workspace is for exhibitor staff."))
            for chart in self.charts.values():
                chart.set_data([], [])
            self.top_model.set_table([], [])
            self.leads_model.set_table([], [])
            self.attention.hide()
            self.loaded.emit()
            return
        company = await svc.company()
        # a stub ({"id"}) until the directory brings the booth
        self.company = company if company and (company.get("name_en") or company.get("name_zh")) else None
        if self.company:
            self.title.setText(localized(self.company, "name", lang) or self.tr("Workspace"))
            booth = str(self.company.get("booth_no") or "")
            text = (self.tr("Your workspace · booth {booth}").format(booth=booth)
                    if booth else self.tr("Your workspace"))
            code = await self._join_code()
            if code:
                text += " · " + self.tr("colleagues join with the staff code {code}").format(
                    code=code)
            self.subtitle.setText(text)
        else:
            self.title.setText(self.tr("Workspace"))
            self.subtitle.setText(self.tr(
                "Your company's data has not arrived yet: it downloads with the next sync."))
        self.figures = await svc.figures(30)
        days = [str(d.get("day") or "") for d in self.figures]
        for key, chart in self.charts.items():
            chart.set_data(days, [int(d.get(key) or 0) for d in self.figures])
        if days:
            self.period.setText(self.tr("{first} to {last} (UTC days)").format(
                first=days[0], last=days[-1]))
        await self._load_top(svc)
        leads = (await svc.leads(sort="last_contact"))[:12]
        self.leads_model.set_table(
            [self.tr("Buyer"), self.tr("Company"), self.tr("Country"), self.tr("Last contact")],
            [[str(r.get("display_name") or ""), str(r.get("company") or ""),
              str(r.get("country") or ""), str(r.get("last_contact_at") or "")[:10]]
             for r in leads], payload=leads)
        from ui.pages.cards import fit_columns

        fit_columns(self.leads_table, widest=220)
        self.leads_empty.setVisible(not leads)
        self.top_empty.setVisible(not self.top)
        self.conflict_rows = await svc.conflicts()
        n = len(self.conflict_rows)
        self.attention.setVisible(n > 0)
        if n:
            self.attention_text.setText(self.tr(
                "%Ln product edit(s) clashed with a change saved meanwhile on another PC. "
                "Nothing was overwritten: choose which version to keep.", "", n))
        self.loaded.emit()

    async def _join_code(self) -> str:
        """The company's staff join code (``GET /v1/me``; online only, kept once read)."""
        if self._code is None and self.ctx.client is not None and self.ctx.is_online():
            try:
                me = await self.ctx.client.me()
            except Exception:  # offline or refused: shown when the link is back
                return ""
            self._code = str(me.get("join_code") or "")
        return self._code or ""

    async def _load_top(self, svc: WorkspaceService) -> None:
        views: dict[int, int] = {}
        for d in self.figures:
            for t in d.get("top_products") or ():
                if isinstance(t, dict) and t.get("product_id") is not None:
                    pid = int(t["product_id"])
                    views[pid] = views.get(pid, 0) + int(t.get("views") or 0)
        ranked = sorted(views.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        names: dict[int, str] = {}
        if ranked:
            for p in await svc.products(include_hidden=True):
                names[int(p["id"])] = localized(p, "name", self.ctx.lang)
        self.top = [{"product_id": pid, "views": v, "name": names.get(pid, "")}
                    for pid, v in ranked]
        self.top_model.set_table(
            [self.tr("Product"), self.tr("Views")],
            [[t["name"] or self.tr("Product {id}").format(id=t["product_id"]), str(t["views"])]
             for t in self.top], payload=self.top)
        self.top_table.resizeColumnToContents(1)
        self.top_table.horizontalHeader().setStretchLastSection(False)
        from PySide6.QtWidgets import QHeaderView

        self.top_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _open_top(self, index: Any) -> None:
        row = self.top_model.payload(index.row())
        if row:
            self.ctx.navigate("catalog", ("edit", int(row["product_id"])))


async def shoot_workspace(window: Any, shot: Callable[[str, QWidget], Any],
                          sample_file: Any = None) -> list[str]:
    """Screenshots of the workspace pages for ``ui/smoke.py`` (signed in as exhibitor
    staff, after a sync): ``shot(name, widget)`` is ``Shooter.shot``. Opens the workspace
    home, the catalog with the product dialog, the booth editor, the leads and the
    import wizard (with ``sample_file``, a CSV/XLSX path, through its check step).
    Returns the names shot. Leaves the window on the workspace page."""
    import asyncio

    names: list[str] = []

    async def take(name: str, widget: QWidget) -> None:
        await shot(name, widget)
        names.append(name)

    async def settle() -> None:
        for _ in range(6):
            await asyncio.sleep(0.03)

    window.navigate("workspace")
    page = window.pages["workspace"]
    await page.reload()
    await settle()
    await take("workspace", window)
    window.navigate("catalog")
    catalog = window.pages["catalog"]
    await catalog.reload()
    await take("catalog", window)
    if catalog.model.rowCount():
        catalog.table.selectRow(0)
        dialog = catalog.edit_selected()
        if dialog is not None:
            await take("catalog-product", dialog)
            for i in (2, 4):
                dialog.tabs.setCurrentIndex(i)
                await take(f"catalog-product-{i}", dialog)
            dialog.reject()
    if catalog.conflicts:
        conflict = catalog.review_conflicts()
        if conflict is not None:
            await take("catalog-conflict", conflict)
            conflict.reject()
    window.navigate("booth_editor")
    booth = window.pages["booth_editor"]
    await booth.reload()
    await take("booth-editor", window)
    window.navigate("leads")
    leads = window.pages["leads"]
    await leads.reload()
    await take("leads", window)
    wizard = catalog.open_import()
    await take("import-file", wizard)
    if sample_file is not None:
        from pathlib import Path

        if await wizard.load_file(Path(sample_file)):
            wizard.next()
            await take("import-mapping", wizard)
            wizard.next()
            await wizard.wait_checked()
            await take("import-check", wizard)
    wizard.reject()
    window.navigate("workspace")
    return names
