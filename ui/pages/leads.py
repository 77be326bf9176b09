"""Leads (exhibitor staff): buyers who authorized the company, messaged it or have a deal
with it (protocol section 9.2). A sortable, filterable table (text and source), export of
the selected or all shown leads to CSV through the save dialog, and "Write a message…"
/ "Send our card" as on the Authorizations page. Lead data comes from other users: plain
text only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.asyncutil import spawn
from ui.context import UiContext
from ui.models import ROW_ROLE
from ui.pages.messages import FirstMessageDialog, social_service
from ui.pages.workspace import (
    Col,
    RecordTableModel,
    selected_records,
    sorted_view,
    workspace_service,
)
from ui.problems import tr_error
from ui.widgets import label, show_message, table_view

Row = dict[str, Any]
SOURCES = ("authorized", "messaged", "deal")


def source_caption(source: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "authorized": QCoreApplication.translate("Leads", "Authorized"),
        "messaged": QCoreApplication.translate("Leads", "Messaged"),
        "deal": QCoreApplication.translate("Leads", "Deal"),
    }.get(source, source)


def lead_sources(row: Row) -> list[str]:
    src = row.get("sources")
    if isinstance(src, str):
        src = [s for s in src.replace(";", ",").split(",") if s]
    out = [str(s) for s in (src or []) if s]
    if not out:
        out = [s for s in SOURCES if row.get(s)]
    return out


def _day(value: Any) -> str:
    return str(value or "")[:16].replace("T", " ")


class LeadFilterProxy(QSortFilterProxyModel):
    """Sorts by the model's typed keys; filters by free text and by source."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.source: str | None = None

    def set_filter(self, text: str, source: str | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self.text, self.source = text.strip().casefold(), source or None
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.text, self.source = text.strip().casefold(), source or None
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        row = model.index(source_row, 0, source_parent).data(ROW_ROLE)
        if not isinstance(row, dict):
            return True
        if self.source and self.source not in lead_sources(row):
            return False
        if self.text:
            hay = " ".join(str(row.get(k) or "") for k in (
                "display_name", "company", "country", "email")).casefold()
            return self.text in hay
        return True


class LeadsPage(QWidget):
    loaded = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-leads")
        self.setAccessibleName(self.tr("Leads"))
        self.title = label(self.tr("Leads"), "title", self)
        self.intro = label(self.tr(
            "Buyers who authorized your company, messaged it or have a deal with it. Contact "
            "details show only for buyers who authorized you."), "muted", self, wrap=True)
        self.count = label("", "muted", self)
        self.empty = label(self.tr(
            "No leads yet. When a buyer authorizes your company, writes to you or opens a "
            "deal, they appear here."), "muted", self, wrap=True)
        self.empty.hide()
        self._fitted = False
        self.filter = QLineEdit(self)
        self.filter.setObjectName("leads-filter")
        self.filter.setPlaceholderText(self.tr("Filter by name, company, country or email"))
        self.filter.setAccessibleName(self.tr("Filter leads"))
        self.filter.setClearButtonEnabled(True)
        self.source = QComboBox(self)
        self.source.setObjectName("leads-source")
        self.source.setAccessibleName(self.tr("Source"))
        self.source.addItem(self.tr("All sources"), "")
        for s in SOURCES:
            self.source.addItem(source_caption(s), s)
        self.filter.textChanged.connect(lambda _t: self.apply_filter())
        self.source.currentIndexChanged.connect(lambda _i: self.apply_filter())

        self.model = RecordTableModel([
            Col(self.tr("Buyer"), lambda r: str(r.get("display_name") or "")),
            Col(self.tr("Company"), lambda r: str(r.get("company") or "")),
            Col(self.tr("Country"), lambda r: str(r.get("country") or "")),
            Col(self.tr("Sources"), lambda r: ", ".join(source_caption(s) for s in lead_sources(r))),
            Col(self.tr("Messages"), lambda r: str(int(r.get("message_count") or 0)),
                key=lambda r: int(r.get("message_count") or 0), right=True),
            Col(self.tr("Deals"), lambda r: str(int(r.get("deal_count") or 0)),
                key=lambda r: int(r.get("deal_count") or 0), right=True),
            Col(self.tr("First contact"), lambda r: _day(r.get("first_contact_at")),
                key=lambda r: str(r.get("first_contact_at") or "")),
            Col(self.tr("Last contact"), lambda r: _day(r.get("last_contact_at")),
                key=lambda r: str(r.get("last_contact_at") or "")),
            Col(self.tr("Email"), lambda r: str(r.get("email") or "")),
        ], self)
        self.table = table_view(self)
        self.table.setObjectName("leads-table")
        self.table.setAccessibleName(self.tr("Leads"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.proxy = sorted_view(self.model, self.table, LeadFilterProxy(self.table))
        self.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)  # the latest contact first
        self.table.doubleClicked.connect(lambda _i: self.write_message())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.message_button = QPushButton(self.tr("Write a message…"), self)
        self.message_button.setObjectName("leads-message")
        self.message_button.clicked.connect(self.write_message)
        self.card_button = QPushButton(self.tr("Send our card"), self)
        self.card_button.setObjectName("leads-card")
        self.card_button.clicked.connect(self.send_card)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setObjectName("leads-export")
        self.export_button.setToolTip(self.tr("Export the selected leads, or all shown when none is selected"))
        self.export_button.clicked.connect(self.export_clicked)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.source)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message_button)
        buttons.addWidget(self.card_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        buttons.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 10, 16, 12)
        lay.addWidget(self.title)
        lay.addWidget(self.intro)
        lay.addLayout(top)
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self._update_buttons()
        ctx.changed.connect(self._on_changed)

    def page_title(self) -> str:
        return self.tr("Leads")

    def activate(self, arg: object = None) -> None:
        if isinstance(arg, str) and arg in SOURCES:
            self.source.setCurrentIndex(self.source.findData(arg))
        self.refresh()

    def refresh(self) -> None:
        spawn(self.reload(), "leads-reload")

    def _on_changed(self, changes: Any) -> None:
        if (changes.touches("lead") or changes.touches("buyer")) and self.isVisible():
            self.refresh()

    async def reload(self) -> None:
        rows = await workspace_service(self.ctx).leads()
        self.model.set_rows(rows)
        if rows and not self._fitted:
            from ui.pages.cards import fit_columns

            fit_columns(self.table, widest=260)
            self._fitted = True
        self.empty.setVisible(not rows)
        self.apply_filter()
        self.loaded.emit()

    def apply_filter(self) -> None:
        data = self.source.currentData()
        self.proxy.set_filter(self.filter.text(), str(data) if data else None)  # type: ignore[attr-defined]
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("%Ln lead(s)", "", total) if shown == total
                           else self.tr("{shown} of {total} shown").format(shown=shown, total=total))
        self._update_buttons()

    def shown_leads(self) -> list[Row]:
        out = []
        for r in range(self.proxy.rowCount()):
            row = self.proxy.index(r, 0).data(ROW_ROLE)
            if isinstance(row, dict):
                out.append(row)
        return out

    def selected(self) -> list[Row]:
        return selected_records(self.table)

    def _update_buttons(self) -> None:
        one = len(self.selected()) == 1
        self.message_button.setEnabled(one)
        self.card_button.setEnabled(one)
        self.export_button.setEnabled(self.proxy.rowCount() > 0)

    def write_message(self) -> FirstMessageDialog | None:
        rows = self.selected()
        if len(rows) != 1:
            return None
        lead = rows[0]
        dialog = FirstMessageDialog(self.ctx, self, str(lead.get("display_name") or ""),
                                    buyer_user_id=int(lead.get("user_id") or lead["id"]))
        dialog.open()
        return dialog

    def send_card(self) -> None:
        rows = self.selected()
        if len(rows) != 1:
            return
        lead = rows[0]

        async def run(user_id: int, name: str) -> None:
            try:
                await social_service(self.ctx).send_card(to_user_id=user_id)
            except ValueError as exc:
                show_message(self, self.tr("Card not sent"), str(exc))
                return
            show_message(self, self.tr("Card sent"),
                         self.tr("Your card is on its way to {name}.").format(name=name), warning=False)

        spawn(run(int(lead.get("user_id") or lead["id"]), str(lead.get("display_name") or "")),
              "lead-card")

    def export_clicked(self) -> None:
        leads = self.selected() or self.shown_leads()
        if not leads:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export leads"), "leads.csv",
                                              self.tr("CSV (*.csv)"))
        if path:
            spawn(self.export(Path(path), leads), "leads-export")

    async def export(self, path: Path, leads: list[Row]) -> Path | None:
        try:
            out = await workspace_service(self.ctx).export_leads_csv(path, leads)
        except (OSError, ValueError) as exc:
            show_message(self, self.tr("Export failed"), tr_error(exc))
            return None
        self.ctx_status(self.tr("%Ln lead(s) exported to {path}", "", len(leads)).format(path=out))
        return Path(out)

    def ctx_status(self, text: str) -> None:
        window = self.window()
        bar = getattr(window, "status", None)
        if bar is not None and hasattr(bar, "showMessage"):
            bar.showMessage(text, 8000)
