"""The terms of a deal: the line items table and the terms editor (protocol section 8.2).

* :class:`LineItemsModel` — product/description, specification notes, quantity, unit,
  unit price, currency (editable when the model is) and the computed amount (never
  typed). Cells the validation complains about are marked and carry the message.
* :class:`TermsEditor` — the items table with add/remove, Incoterm + named place,
  delivery date, payment terms, valid until, notes; per-currency totals computed as the
  user types; ``check()`` runs ``app.deals.validate_terms`` and shows the problems
  inline BEFORE anything is queued.
* :class:`TermsSummary` — the same terms read-only (the current offer of a deal).

All text is plain text (terms come from the other party: never rich text).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.deals import INCOTERMS, compute_totals, minor_units, validate_terms
from ui.models import ROW_ROLE, plain_tooltip
from ui.problems import tr_text
from ui.widgets import label, table_view

Row = dict[str, Any]
AnyIndex = QModelIndex | QPersistentModelIndex
Problem = tuple[str, str]

# the columns of the line items table
COL_DESCRIPTION, COL_SPEC, COL_QUANTITY, COL_UNIT, COL_PRICE, COL_CURRENCY, COL_AMOUNT = range(7)
FIELDS = ("description", "spec_notes", "quantity", "unit", "unit_price", "currency", "amount")
#: Offered first in the currency editor (any ISO 4217 code may be typed).
COMMON_CURRENCIES = (
    "USD",
    "EUR",
    "CNY",
    "GBP",
    "JPY",
    "HKD",
    "AUD",
    "CAD",
    "CHF",
    "SGD",
    "KRW",
    "INR",
    "AED",
    "BRL",
    "MXN",
    "TRY",
    "VND",
    "KWD",
)
_ERROR_BG = QColor(197, 48, 48, 45)


def error_text_colour() -> str:
    """Dark red on a light theme, light red on a dark one (readable on both)."""
    from ui.theme import is_dark

    return "#feb2b2" if is_dark() else "#9b2c2c"


def note_text_colour() -> str:
    from ui.theme import is_dark

    return "#f6c177" if is_dark() else "#975a16"


def format_amount(amount: str | Decimal | None, currency: str) -> str:
    """``"USD 8,640.00"`` (thousands grouped; '' for no amount)."""
    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        return f"{currency} {amount}".strip()
    places = minor_units(currency)
    return f"{currency} {value:,.{places}f}".strip()


def format_totals(totals: Mapping[str, Any] | None) -> str:
    """``"USD 8,640.00 · EUR 120.00"`` (currencies in key order)."""
    return " · ".join(format_amount(str(v), str(k)) for k, v in (totals or {}).items())


def line_amount(quantity: str, unit_price: str, currency: str) -> str | None:
    """quantity × unit price rounded half-up to the currency's minor units (None while
    the line is not complete and valid: exactly the lines the totals count)."""
    cur = currency.strip().upper()
    return compute_totals([{"quantity": quantity, "unit_price": unit_price, "currency": cur}]).get(
        cur
    )


def price_text(price: str) -> str:
    """A unit price as shown: at least two decimals ("9" -> "9.00", "4.125" as is)."""
    try:
        value = Decimal(price.strip())
    except InvalidOperation:
        return price
    if not value.is_finite():
        return price
    places = max(2, -int(value.as_tuple().exponent))
    return f"{value:.{places}f}"


def problem_key(path: str) -> tuple[int | None, str]:
    """``"terms.items.2.quantity"`` -> (2, "quantity"); ``"terms.incoterm"`` -> (None, "incoterm")."""
    parts = path.split(".")
    if parts and parts[0] == "terms":
        parts = parts[1:]
    if len(parts) >= 2 and parts[0] == "items" and parts[1].isdigit():
        return int(parts[1]), parts[2] if len(parts) > 2 else ""
    return None, parts[0] if parts else ""


def field_caption(field: str) -> str:
    names = {
        "items": QCoreApplication.translate("DealTerms", "Line items"),
        "description": QCoreApplication.translate("DealTerms", "Product / description"),
        "spec_notes": QCoreApplication.translate("DealTerms", "Specification notes"),
        "quantity": QCoreApplication.translate("DealTerms", "Quantity"),
        "unit": QCoreApplication.translate("DealTerms", "Unit"),
        "unit_price": QCoreApplication.translate("DealTerms", "Unit price"),
        "currency": QCoreApplication.translate("DealTerms", "Currency"),
        "product_id": QCoreApplication.translate("DealTerms", "Product"),
        "incoterm": QCoreApplication.translate("DealTerms", "Incoterm"),
        "incoterm_place": QCoreApplication.translate("DealTerms", "Named place"),
        "delivery_date": QCoreApplication.translate("DealTerms", "Delivery date"),
        "payment_terms": QCoreApplication.translate("DealTerms", "Payment terms"),
        "valid_until": QCoreApplication.translate("DealTerms", "Valid until"),
        "notes": QCoreApplication.translate("DealTerms", "Notes"),
    }
    return names.get(field, field)


def describe_problem(path: str, problem: str) -> str:
    """One problem as the user reads it: ``Line 2, Quantity: must be positive`` (the
    problem translated when it is coded, see ui/problems.py)."""
    problem = tr_text(problem)
    row, field = problem_key(path)
    if row is not None:
        where = QCoreApplication.translate("DealTerms", "Line {n}").format(n=row + 1)
        if field:
            where = QCoreApplication.translate("DealTerms", "{line}, {field}").format(
                line=where, field=field_caption(field)
            )
        return f"{where}: {problem}"
    return f"{field_caption(field)}: {problem}"


def blank_item(currency: str = "USD") -> Row:
    return {
        "product_id": None,
        "description": "",
        "spec_notes": "",
        "quantity": "",
        "unit": "",
        "unit_price": "",
        "currency": currency,
    }


class LineItemsModel(QAbstractTableModel):
    """The line items of terms; editable or read-only; amounts always computed."""

    items_changed = Signal()

    def __init__(self, editable: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editable = editable
        self._rows: list[Row] = []
        self._amounts: list[str | None] = []
        self._problems: dict[tuple[int, str], str] = {}

    # -- content
    def set_items(self, items: Sequence[Mapping[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [self._clean(i) for i in items]
        self._problems = {}
        self._recompute()
        self.endResetModel()
        self.items_changed.emit()

    @staticmethod
    def _clean(item: Mapping[str, Any]) -> Row:
        row = blank_item()
        for key in ("description", "spec_notes", "quantity", "unit", "unit_price", "currency"):
            value = item.get(key)
            row[key] = "" if value is None else str(value)
        pid = item.get("product_id")
        row["product_id"] = int(pid) if isinstance(pid, int) and not isinstance(pid, bool) else None
        if item.get("amount") is not None:
            row["amount"] = str(item["amount"])
        return row

    def items(self) -> list[Row]:
        """The items as terms send them (text trimmed; no amounts: the server computes)."""
        out = []
        for r in self._rows:
            out.append(
                {
                    "product_id": r.get("product_id"),
                    "description": str(r["description"]).strip(),
                    "spec_notes": str(r["spec_notes"]).strip(),
                    "quantity": str(r["quantity"]).strip(),
                    "unit": str(r["unit"]).strip(),
                    "unit_price": str(r["unit_price"]).strip(),
                    "currency": str(r["currency"]).strip().upper(),
                }
            )
        return out

    def add_item(self, item: Mapping[str, Any] | None = None) -> int:
        n = len(self._rows)
        currency = str(self._rows[-1]["currency"]) if self._rows else "USD"
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(self._clean(item) if item is not None else blank_item(currency))
        self._recompute()
        self.endInsertRows()
        self.items_changed.emit()
        return n

    def remove_item(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._problems = {}
        self._recompute()
        self.endRemoveRows()
        self.items_changed.emit()

    def amounts(self) -> list[str | None]:
        return list(self._amounts)

    def _recompute(self) -> None:
        self._amounts = [
            r["amount"]
            if not self.editable and r.get("amount")
            else line_amount(str(r["quantity"]), str(r["unit_price"]), str(r["currency"]))
            for r in self._rows
        ]

    def set_problems(self, problems: Sequence[Problem]) -> None:
        """Mark the cells named by ``(path, problem)`` pairs (other paths are ignored)."""
        marks: dict[tuple[int, str], str] = {}
        for path, problem in problems:
            row, field = problem_key(path)
            if row is not None and 0 <= row < len(self._rows):
                key = (row, field if field in FIELDS else "description")
                marks.setdefault(key, problem)
        self._problems = marks
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(FIELDS) - 1)
            )

    # -- Qt model
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() != COL_AMOUNT:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, c = index.row(), index.column()
        if not 0 <= c < len(FIELDS):
            return None
        row = self._rows[r]
        field = FIELDS[c]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if c == COL_AMOUNT:
                amount = self._amounts[r]
                return format_amount(amount, str(row["currency"]).upper()) if amount else "—"
            if c == COL_SPEC:
                return " ".join(str(row[field]).split())
            if c == COL_PRICE:
                return price_text(str(row[field]))
            return str(row[field])
        if role == Qt.ItemDataRole.EditRole:
            return "" if c == COL_AMOUNT else str(row[field])
        if role == Qt.ItemDataRole.ToolTipRole:
            problem = self._problems.get((r, field))
            if problem:
                return plain_tooltip(tr_text(problem))
            if c == COL_AMOUNT:
                return plain_tooltip(
                    QCoreApplication.translate(
                        "DealTerms", "Quantity × unit price, computed (never typed)"
                    )
                )
            return plain_tooltip(str(row[field])) if row[field] else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_ERROR_BG) if (r, field) in self._problems else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if c in (COL_QUANTITY, COL_PRICE, COL_AMOUNT):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return dict(row)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not self.editable
            or role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or not 0 <= index.row() < len(self._rows)
            or index.column() == COL_AMOUNT
            or not 0 <= index.column() < len(FIELDS)
        ):
            return False
        r, field = index.row(), FIELDS[index.column()]
        text = "" if value is None else str(value)
        if field == "currency":
            text = text.strip().upper()
        if self._rows[r][field] == text:
            return True
        self._rows[r][field] = text
        self._problems.pop((r, field), None)
        self._recompute()
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(FIELDS) - 1))
        self.items_changed.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and orientation == Qt.Orientation.Horizontal
            and section in (COL_QUANTITY, COL_PRICE, COL_AMOUNT)
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < len(self._rows) else None
        if 0 <= section < len(FIELDS):
            return (
                field_caption(FIELDS[section])
                if section != COL_AMOUNT
                else QCoreApplication.translate("DealTerms", "Amount")
            )
        return None


class CurrencyDelegate(QStyledItemDelegate):
    """An editable combo of common ISO 4217 codes (any code may be typed)."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.addItems(list(COMMON_CURRENCIES))
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


def items_table(model: LineItemsModel, parent: QWidget | None = None) -> QTableView:
    view = table_view(parent)
    view.setModel(model)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(True)
    view.verticalHeader().setMinimumWidth(24)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(48)
    header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(COL_SPEC, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(COL_SPEC, 110)  # the description gets the room
    for col in (COL_QUANTITY, COL_UNIT, COL_PRICE, COL_CURRENCY, COL_AMOUNT):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    if model.editable:
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        view.setItemDelegateForColumn(COL_CURRENCY, CurrencyDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    return view


def _fit_rows(view: QTableView, rows: int, min_rows: int = 2, max_rows: int = 8) -> None:
    """A table as tall as its rows (within limits): no empty white box, no tiny window."""
    shown = max(min_rows, min(rows, max_rows))
    height = (
        view.horizontalHeader().sizeHint().height()
        + view.verticalHeader().defaultSectionSize() * shown
        + 2 * view.frameWidth()
        + 2
    )
    if rows > max_rows:
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    else:
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setFixedHeight(height)


def utc_text(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_utc(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.strptime(str(text)[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def default_terms(now: datetime | None = None) -> Row:
    """Terms for a new offer when there are none yet (the user edits them)."""
    now = now or datetime.now(UTC)
    return {
        "items": [],
        "incoterm": "FOB",
        "incoterm_place": "",
        "delivery_date": (now.date() + timedelta(days=60)).isoformat(),
        "payment_terms": QCoreApplication.translate(
            "DealTerms", "30% deposit, 70% against B/L copy"
        ),
        "valid_until": utc_text(
            (now + timedelta(days=7)).replace(minute=0, second=0, microsecond=0)
        ),
        "notes": "",
    }


class TermsEditor(QWidget):
    """Edit terms for an offer or a counter-offer; ``terms()`` is what would be sent.

    ``check()`` validates (``app.deals.validate_terms``) and shows every problem inline:
    the list under the form and the marked table cells / fields. ``changed`` is emitted
    on every edit; ``dirty`` says whether the user changed anything since ``set_terms``.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("terms-editor")
        self.setAccessibleName(self.tr("Terms editor"))
        self.dirty = False
        self._loading = False
        self._totals: dict[str, str] = {}

        self.model = LineItemsModel(editable=True, parent=self)
        self.table = items_table(self.model, self)
        self.table.setObjectName("terms-items")
        self.table.setAccessibleName(self.tr("Line items"))
        self.add_button = QPushButton(self.tr("Add line"), self)
        self.add_button.setToolTip(self.tr("Add a line item"))
        self.remove_button = QPushButton(self.tr("Remove line"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected line item"))
        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_current_line)
        self.totals_label = label("", "", self)
        self.totals_label.setObjectName("terms-totals")
        self.totals_label.setAccessibleName(self.tr("Totals"))
        self.totals_label.setStyleSheet("font-weight: 600;")

        self.incoterm = QComboBox(self)
        self.incoterm.setObjectName("terms-incoterm")
        self.incoterm.setAccessibleName(self.tr("Incoterm"))
        self.incoterm.addItems(list(INCOTERMS))
        self.incoterm.setToolTip(
            self.tr(
                "The Incoterms 2020 rule: who pays and bears the risk "
                "of transport up to which point"
            )
        )
        self.place = QLineEdit(self)
        self.place.setObjectName("terms-place")
        self.place.setAccessibleName(self.tr("Named place"))
        self.place.setPlaceholderText(self.tr("Named place, e.g. Ningbo port"))
        self.place.setMaxLength(200)
        self.delivery = QDateEdit(self)
        self.delivery.setObjectName("terms-delivery")
        self.delivery.setAccessibleName(self.tr("Delivery date"))
        self.delivery.setCalendarPopup(True)
        self.delivery.setDisplayFormat("yyyy-MM-dd")
        self.payment = QLineEdit(self)
        self.payment.setObjectName("terms-payment")
        self.payment.setAccessibleName(self.tr("Payment terms"))
        self.payment.setPlaceholderText(self.tr("e.g. 30% deposit, 70% against B/L copy"))
        self.payment.setMaxLength(2000)
        self.valid_until = QDateTimeEdit(self)
        self.valid_until.setObjectName("terms-valid-until")
        self.valid_until.setAccessibleName(self.tr("Valid until"))
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.valid_until.setToolTip(
            self.tr("Until when the other side may accept this offer (your local time)")
        )
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("terms-notes")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr("Anything else both sides agree on (optional)"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(58)

        self.problems_label = QLabel(self)
        self.problems_label.setObjectName("terms-problems")
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(
            f"color: {error_text_colour()}; background: rgba(197, 48, 48, 0.08); "
            "border: 1px solid rgba(197, 48, 48, 0.35); border-radius: 4px; padding: 6px 8px;"
        )
        self.problems_label.setAccessibleName(self.tr("Problems with these terms"))
        self.problems_label.hide()
        self.problems: list[Problem] = []

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        inco = QHBoxLayout()
        inco.addWidget(self.incoterm)
        inco.addWidget(self.place, 1)
        form.addRow(self.tr("Incoterm and place"), inco)
        dates = QHBoxLayout()
        dates.addWidget(self.delivery)
        dates.addSpacing(16)
        dates.addWidget(label(self.tr("Offer valid until"), "", self))
        dates.addSpacing(6)
        dates.addWidget(self.valid_until)
        dates.addStretch(1)
        form.addRow(self.tr("Delivery date"), dates)
        form.addRow(self.tr("Payment terms"), self.payment)
        form.addRow(self.tr("Notes"), self.notes)

        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(label(self.tr("Total"), "muted", self))
        row.addWidget(self.totals_label)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        lay.addLayout(row)
        lay.addSpacing(4)
        lay.addLayout(form)
        lay.addWidget(self.problems_label)

        self.model.items_changed.connect(self._on_items)
        self.model.rowsInserted.connect(lambda *_: self._fit())
        self.model.rowsRemoved.connect(lambda *_: self._fit())
        self.model.modelReset.connect(self._fit)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        for w in (self.place, self.payment):
            w.textEdited.connect(self._edited)
        self.incoterm.currentIndexChanged.connect(self._edited)
        self.delivery.dateChanged.connect(self._edited)
        self.valid_until.dateTimeChanged.connect(self._edited)
        self.notes.textChanged.connect(self._edited)
        self.set_terms(None)

    # -- content
    def set_terms(self, terms: Mapping[str, Any] | None, *, renew_validity: bool = False) -> None:
        """Fill the editor (None: defaults for a first offer). ``renew_validity`` keeps
        a validity that is still ahead, else proposes a week from now (a counter-offer
        starts from the other side's terms, whose validity may run out soon)."""
        base = default_terms()
        data: dict[str, Any] = {**base, **dict(terms or {})}
        self._loading = True
        try:
            self.model.set_items([i for i in data.get("items") or [] if isinstance(i, Mapping)])
            code = str(data.get("incoterm") or "FOB").upper()
            idx = self.incoterm.findText(code)
            self.incoterm.setCurrentIndex(idx if idx >= 0 else self.incoterm.findText("FOB"))
            self.place.setText(str(data.get("incoterm_place") or ""))
            today = date.today()
            self.delivery.setMinimumDate(QDate(today.year, today.month, today.day))
            try:
                d = date.fromisoformat(str(data.get("delivery_date") or ""))
            except ValueError:
                d = date.fromisoformat(str(base["delivery_date"]))
            self.delivery.setDate(QDate(d.year, d.month, d.day))
            self.payment.setText(str(data.get("payment_terms") or ""))
            until = parse_utc(str(data.get("valid_until") or "")) or parse_utc(
                str(base["valid_until"])
            )
            assert until is not None
            if renew_validity and until < datetime.now(UTC) + timedelta(days=1):
                until = parse_utc(str(base["valid_until"])) or until
            self.set_valid_until(until)
            self.notes.setPlainText(str(data.get("notes") or ""))
        finally:
            self._loading = False
        self.dirty = False
        self.show_problems([])
        self._on_items(mark_dirty=False)

    def set_valid_until(self, when: datetime) -> None:
        utc = QDateTime(
            QDate(when.year, when.month, when.day),
            QTime(when.hour, when.minute, when.second),
            QTimeZone.utc(),
        )
        self.valid_until.setDateTime(utc.toLocalTime())

    def valid_until_utc(self) -> str:
        dt = self.valid_until.dateTime().toUTC()
        d, t = dt.date(), dt.time()
        return f"{d.year():04d}-{d.month():02d}-{d.day():02d}T{t.hour():02d}:{t.minute():02d}:00Z"

    def terms(self) -> Row:
        """The terms as the editor shows them (raw, as sent; the server normalises)."""
        d = self.delivery.date()
        return {
            "items": self.model.items(),
            "incoterm": self.incoterm.currentText(),
            "incoterm_place": self.place.text().strip(),
            "delivery_date": f"{d.year():04d}-{d.month():02d}-{d.day():02d}",
            "payment_terms": self.payment.text().strip(),
            "valid_until": self.valid_until_utc(),
            "notes": self.notes.toPlainText().strip(),
        }

    def totals(self) -> dict[str, str]:
        return dict(self._totals)

    # -- validation
    def check(self) -> list[Problem]:
        """Validate the terms; show and return the problems ([] when they may be sent)."""
        problems = list(validate_terms(self.terms()))
        self.show_problems(problems)
        return problems

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        self.model.set_problems(self.problems)
        fields = {problem_key(p)[1] for p, _m in self.problems if problem_key(p)[0] is None}
        for name, widget in (
            ("incoterm", self.incoterm),
            ("incoterm_place", self.place),
            ("delivery_date", self.delivery),
            ("payment_terms", self.payment),
            ("valid_until", self.valid_until),
            ("notes", self.notes),
        ):
            widget.setProperty("invalid", name in fields)
            widget.setStyleSheet("border: 1px solid #c53030;" if name in fields else "")
        if not self.problems:
            self.problems_label.hide()
            self.problems_label.setText("")
            return
        lines = [describe_problem(p, m) for p, m in self.problems[:8]]
        if len(self.problems) > 8:
            lines.append(self.tr("… and {n} more").format(n=len(self.problems) - 8))
        self.problems_label.setText(
            self.tr("Please correct these terms before sending:")
            + "\n"
            + "\n".join(f"• {line}" for line in lines)
        )
        self.problems_label.show()

    # -- edits
    def add_line(self, item: Mapping[str, Any] | None = None) -> int:
        row = self.model.add_item(item if isinstance(item, Mapping) else None)
        self.table.setCurrentIndex(self.model.index(row, COL_DESCRIPTION))
        return row

    def remove_current_line(self) -> None:
        idx = self.table.currentIndex()
        if idx.isValid():
            self.model.remove_item(idx.row())

    def set_read_only(self, read_only: bool) -> None:
        self.model.editable = not read_only
        for w in (
            self.add_button,
            self.remove_button,
            self.incoterm,
            self.place,
            self.delivery,
            self.payment,
            self.valid_until,
        ):
            w.setEnabled(not read_only)
        self.notes.setReadOnly(read_only)

    def _edited(self, *_args: Any) -> None:
        if self._loading:
            return
        self.dirty = True
        if self.problems:  # the user is fixing them: re-check quietly
            self.show_problems(validate_terms(self.terms()))
        self.changed.emit()

    def _on_items(self, mark_dirty: bool = True) -> None:
        self._totals = compute_totals(self.model.items())
        self.totals_label.setText(format_totals(self._totals) or "—")
        self._update_buttons()
        if mark_dirty and not self._loading:
            self._edited()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.model.editable and self.table.currentIndex().isValid())

    def _fit(self) -> None:
        _fit_rows(self.table, self.model.rowCount(), min_rows=3, max_rows=7)


class TermsSummary(QWidget):
    """Terms shown read-only: the items with amounts, the totals and the other fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("terms-summary")
        self.model = LineItemsModel(editable=False, parent=self)
        self.table = items_table(self.model, self)
        self.table.setObjectName("terms-summary-items")
        self.table.setAccessibleName(self.tr("Line items of the current offer"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.totals_label = label("", "", self)
        self.totals_label.setObjectName("summary-totals")
        self.totals_label.setStyleSheet("font-weight: 600;")
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, caption in (
            ("incoterm", self.tr("Incoterm and place")),
            ("delivery_date", self.tr("Delivery date")),
            ("payment_terms", self.tr("Payment terms")),
            ("valid_until", self.tr("Valid until")),
            ("notes", self.tr("Notes")),
        ):
            value = label("", "", self, wrap=True)
            value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
            form.addRow(label(caption, "muted", self), value)
            self.values[key] = value
        totals = QHBoxLayout()
        totals.addStretch(1)
        totals.addWidget(label(self.tr("Total"), "muted", self))
        totals.addWidget(self.totals_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        lay.addLayout(totals)
        lay.addLayout(form)
        self.set_terms(None)

    def set_terms(self, terms: Mapping[str, Any] | None, local_time: Any = None) -> None:
        t = dict(terms or {})
        self.model.set_items([i for i in t.get("items") or [] if isinstance(i, Mapping)])
        _fit_rows(self.table, self.model.rowCount(), min_rows=1, max_rows=8)
        totals = t.get("totals") if isinstance(t.get("totals"), Mapping) else None
        self.totals_label.setText(
            format_totals(totals or compute_totals(self.model.items())) or "—"
        )
        inco = " ".join(
            x for x in (str(t.get("incoterm") or ""), str(t.get("incoterm_place") or "")) if x
        )
        self.values["incoterm"].setText(inco or "—")
        self.values["delivery_date"].setText(str(t.get("delivery_date") or "—"))
        self.values["payment_terms"].setText(str(t.get("payment_terms") or "—"))
        until = parse_utc(str(t.get("valid_until") or ""))
        if until is None:
            self.values["valid_until"].setText("—")
        else:
            shown = local_time(until) if local_time is not None else until.astimezone()
            text = shown.strftime("%Y-%m-%d %H:%M")
            if until <= datetime.now(UTC):
                text = self.tr("{time} (expired)").format(time=text)
            self.values["valid_until"].setText(text)
        self.values["notes"].setText(str(t.get("notes") or "—"))
