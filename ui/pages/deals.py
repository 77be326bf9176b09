"""Deals: the list of one's deals ("Deals") and the deal room of one deal ("deal").

The deal room shows who the other party is, the state, the version and who made the
current offer; the current terms (read-only) and an editor for an offer or a
counter-offer prefilled from them; the commands DealService allows ("can"); commands
still waiting to send; a rejection with the server's reason until dismissed; the
append-only, hash-chained timeline; the signatures with their key fingerprints; and
"Export contract PDF…" / "Verify a contract file…". Accepting, declining, withdrawing
and signing ask for a confirmation that names the total.

Entry points for other pages::

    deal_service(ctx) -> DealService
    await deals_needing_me(ctx) -> int      # for a "Deals (n)" navigation badge
    await open_deal_for(ctx, company_id=..., buyer_user_id=..., conversation_id=...,
                        product_ids=(...)) -> str   # opens (or creates) and navigates;
                                                    # ValueError: a message for the user

and for the smoke walk (ui/smoke.py): ``await smoke_deal_room(app, shooter, company_id,
product_id)``.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.catalog import localized
from app.deals import DealError, DealService, compute_totals
from ui.asyncutil import spawn
from ui.context import UiContext
from ui.models import ID_ROLE, ROW_ROLE, plain_tooltip
from ui.pages.deal_terms import (
    TermsEditor,
    TermsSummary,
    error_text_colour,
    format_totals,
    note_text_colour,
    parse_utc,
)
from ui.problems import tr_error
from ui.widgets import label, show_message, table_view

if TYPE_CHECKING:
    from app.contract import ContractCheck

log = logging.getLogger("fairdesk.ui")

Row = dict[str, Any]
AnyIndex = QModelIndex | QPersistentModelIndex
OPEN_STATES = ("offered", "countered")
TERMINAL = ("declined", "withdrawn", "signed")
_REFRESH_ON = ("deal", "deal_event", "outbox", "signing_key")
_STATE_COLOURS = {
    "draft": "#718096",
    "offered": "#2b6cb0",
    "countered": "#2b6cb0",
    "accepted": "#2f855a",
    "signed": "#276749",
    "declined": "#c53030",
    "withdrawn": "#718096",
}


def state_text(state: str | None) -> str:
    return {
        "draft": QCoreApplication.translate("Deals", "Draft"),
        "offered": QCoreApplication.translate("Deals", "Offered"),
        "countered": QCoreApplication.translate("Deals", "Countered"),
        "accepted": QCoreApplication.translate("Deals", "Accepted"),
        "signed": QCoreApplication.translate("Deals", "Signed"),
        "declined": QCoreApplication.translate("Deals", "Declined"),
        "withdrawn": QCoreApplication.translate("Deals", "Withdrawn"),
    }.get(str(state or ""), str(state or ""))


def kind_text(kind: str | None) -> str:
    return {
        "open": QCoreApplication.translate("Deals", "Opened"),
        "offer": QCoreApplication.translate("Deals", "Offer"),
        "counter": QCoreApplication.translate("Deals", "Counter-offer"),
        "accept": QCoreApplication.translate("Deals", "Accepted"),
        "decline": QCoreApplication.translate("Deals", "Declined"),
        "withdraw": QCoreApplication.translate("Deals", "Withdrawn"),
        "sign": QCoreApplication.translate("Deals", "Signed"),
    }.get(str(kind or ""), str(kind or ""))


def command_text(type_: str | None) -> str:
    return {
        "deal.open": QCoreApplication.translate("Deals", "opening the deal"),
        "deal.offer": QCoreApplication.translate("Deals", "offer"),
        "deal.counter": QCoreApplication.translate("Deals", "counter-offer"),
        "deal.accept": QCoreApplication.translate("Deals", "acceptance"),
        "deal.decline": QCoreApplication.translate("Deals", "decline"),
        "deal.withdraw": QCoreApplication.translate("Deals", "withdrawal"),
        "deal.sign": QCoreApplication.translate("Deals", "signature"),
        "key.register": QCoreApplication.translate("Deals", "signing key"),
    }.get(str(type_ or ""), str(type_ or ""))


def side_text(side: str | None) -> str:
    return (
        QCoreApplication.translate("Deals", "Buyer")
        if side == "buyer"
        else QCoreApplication.translate("Deals", "Exhibitor")
        if side == "company"
        else ""
    )


async def localize_companies(ctx: UiContext, deals: Sequence[Row]) -> None:
    """Show the exhibitor's name in the UI's language: the wire deal carries the English
    name; the cached booth directory has both."""
    if ctx.lang != "zh_CN":
        return
    names: dict[int, str] = {}
    for deal in deals:
        cid = deal.get("company_id")
        if not isinstance(cid, int):
            continue
        if cid not in names:
            try:
                company = await ctx.company(cid)
            except Exception:  # a closed store at shutdown
                return
            names[cid] = localized(company, "name", ctx.lang) if company else ""
        if names[cid]:
            deal["company_name"] = names[cid]


def other_party(deal: Mapping[str, Any], my_side: str | None) -> str:
    name = deal.get("buyer_name") if my_side == "company" else deal.get("company_name")
    return str(name or "") or (
        QCoreApplication.translate("Deals", "the buyer")
        if my_side == "company"
        else QCoreApplication.translate("Deals", "the exhibitor")
    )


def short_time(text: str | None, ctx: UiContext | None = None) -> str:
    when = parse_utc(text)
    if when is None:
        return str(text or "")
    shown = ctx.local_time(when) if ctx is not None else when.astimezone()
    return shown.strftime("%Y-%m-%d %H:%M")


def deal_id_of(info: Mapping[str, Any] | None) -> str | None:
    deal = (info or {}).get("deal") or {}
    return str(deal["id"]) if deal.get("id") is not None else None


def deal_subject(deal: Mapping[str, Any]) -> str:
    terms = deal.get("terms") or {}
    items = [i for i in terms.get("items") or [] if isinstance(i, Mapping)]
    if not items:
        return QCoreApplication.translate("Deals", "No terms yet")
    first = str(items[0].get("description") or "")
    if len(items) > 1:
        return QCoreApplication.translate("Deals", "{first} and {n} more").format(
            first=first, n=len(items) - 1
        )
    return first


# ============================================================================ service

_KEYS: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
_TOLD: set[int] = set()  # key stores whose message the user has seen


def _key_store(ctx: UiContext) -> Any:
    """This session's KeyStore (one per signed-in session; None without a session)."""
    session = ctx.session
    if session is None:
        return None
    keys = _KEYS.get(session)
    if keys is None:
        from app.keys import KeyStore

        keys = KeyStore(session.profile, session.server_url)
        _KEYS[session] = keys
    return keys


def deal_service(ctx: UiContext) -> DealService:
    """The deal service of this context (offline without a session: writes wait)."""
    return DealService(ctx.store, ctx.engine, _key_store(ctx))


async def open_deal_for(
    ctx: UiContext,
    *,
    company_id: int | None = None,
    buyer_user_id: int | None = None,
    conversation_id: int | None = None,
    product_ids: Sequence[int] = (),
) -> str:
    """Open the deal room of an open deal with that party (covering those products), or
    open a new deal; navigates to it and returns the deal id. Raises ``ValueError``
    (``DealError``) with a message for the user when a deal cannot be opened (e.g. the
    account is not synced yet, or staff try to open a deal with a company)."""
    svc = deal_service(ctx)
    wanted = {int(p) for p in product_ids}
    for row in await svc.deals():
        if row.get("state") in TERMINAL:
            continue
        if company_id is not None and int(row.get("company_id") or 0) != company_id:
            continue
        if buyer_user_id is not None and int(row.get("buyer_user_id") or 0) != buyer_user_id:
            continue
        if wanted and not wanted <= {int(p) for p in row.get("product_ids") or []}:
            continue
        if (
            not wanted
            and conversation_id is not None
            and row.get("conversation_id") not in (None, conversation_id)
        ):
            continue
        ctx.navigate("deal", str(row["id"]))
        return str(row["id"])
    deal_id = await svc.open_deal(
        company_id=company_id,
        buyer_user_id=buyer_user_id,
        conversation_id=conversation_id,
        product_ids=list(product_ids),
    )
    ctx.navigate("deal", deal_id)
    return deal_id


async def deals_needing_me(ctx: UiContext) -> int:
    """How many deals wait for this user (an open offer of the other side, or accepted
    and not signed by me): for a "Deals (2)" badge in the navigation."""
    return sum(1 for r in await deal_service(ctx).deals() if r.get("needs_me"))


async def prefill_items(ctx: UiContext, product_ids: Sequence[int]) -> tuple[list[Row], Row]:
    """Line items for the deal's products from the cache (name, MOQ, unit, the lower
    FOB price) and hints for the other terms (the exhibitor's city, a delivery date
    after the longest lead time)."""
    items: list[Row] = []
    lead = 0
    company_id = None
    for pid in product_ids:
        p = await ctx.product(int(pid))
        if p is None:
            continue
        company_id = company_id or p.get("company_id")
        lead = max(lead, int(p.get("lead_time_days") or 0))
        cents = p.get("price_min_cents")
        items.append(
            {
                "product_id": int(pid),
                "description": localized(p, "name", ctx.lang) or str(pid),
                "spec_notes": "",
                "quantity": str(p.get("moq") or 1),
                "unit": localized(p, "unit", ctx.lang)
                or QCoreApplication.translate("Deals", "piece"),
                "unit_price": f"{int(cents) / 100:.2f}" if cents is not None else "",
                "currency": str(p.get("currency") or "USD").upper(),
            }
        )
    hints: Row = {}
    if company_id:
        company = await ctx.company(int(company_id))
        if company and company.get("city"):
            hints["incoterm_place"] = str(company["city"])
    if lead:
        hints["delivery_date"] = (datetime.now(UTC).date() + timedelta(days=lead + 21)).isoformat()
    return items, hints


# ============================================================================ models


class DealListModel(QAbstractTableModel):
    """Deals, most recently changed first: other party, subject, state, total, updated."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self.ctx: UiContext | None = None

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self._rows[index]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def _cell(self, r: Row, c: int) -> str:
        if c == 0:
            return other_party(r, r.get("my_side"))
        if c == 1:
            return deal_subject(r)
        if c == 2:
            text = state_text(r.get("state"))
            notes = []
            if r.get("needs_me"):
                notes.append(QCoreApplication.translate("Deals", "your turn"))
            if r.get("pending"):
                notes.append(QCoreApplication.translate("Deals", "waiting to send"))
            if r.get("rejections"):
                notes.append(QCoreApplication.translate("Deals", "not applied"))
            return f"{text} · {', '.join(notes)}" if notes else text
        if c == 3:
            terms = r.get("terms") or {}
            return format_totals(terms.get("totals")) if terms else ""
        if c == 4:
            return short_time(r.get("updated_at"), self.ctx)
        return ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        c = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell(r, c)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._cell(r, c))
        if role == Qt.ItemDataRole.FontRole and r.get("needs_me"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and c == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return r.get("id")
        if role == ROW_ROLE:
            return r
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (
            QCoreApplication.translate("Deals", "With"),
            QCoreApplication.translate("Deals", "Subject"),
            QCoreApplication.translate("Deals", "State"),
            QCoreApplication.translate("Deals", "Total"),
            QCoreApplication.translate("Deals", "Updated"),
        )
        return names[section] if 0 <= section < len(names) else None


class TimelineModel(QAbstractTableModel):
    """The deal's events (oldest first) and, after them, commands waiting to send."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self.ctx: UiContext | None = None

    def set_rows(self, events: Sequence[Row], pending: Sequence[Row] = ()) -> None:
        self.beginResetModel()
        self._rows = [dict(e) for e in events] + [{**dict(p), "_pending": True} for p in pending]
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self._rows[index]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def _cell(self, r: Row, c: int) -> str:
        if r.get("_pending"):
            return (
                "",
                command_text(r.get("type")).capitalize(),
                QCoreApplication.translate("Deals", "You"),
                QCoreApplication.translate("Deals", "Waiting to send"),
                "",
            )[c]
        actor = r.get("actor") or {}
        who = str(actor.get("name") or "") or side_text(actor.get("side"))
        return (
            str(r.get("n") or ""),
            kind_text(r.get("kind")),
            who,
            short_time(r.get("created_at"), self.ctx),
            str(r.get("hash") or "")[:10],
        )[c]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self._rows)
            or not 0 <= index.column() < 5
        ):
            return None
        r = self._rows[index.row()]
        c = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell(r, c)
        if role == Qt.ItemDataRole.ToolTipRole:
            if r.get("_pending"):
                return plain_tooltip(
                    QCoreApplication.translate(
                        "Deals", "Queued on this device; sent when the connection returns"
                    )
                )
            tip = QCoreApplication.translate("Deals", "Hash {hash}\nPrevious {prev}").format(
                hash=r.get("hash") or "", prev=r.get("prev_hash") or ""
            )
            return plain_tooltip(tip)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if r.get("_pending"):
                font.setItalic(True)
            if c == 4:
                font.setFamilies(["monospace"])
                font.setStyleHint(QFont.StyleHint.Monospace)
            return font
        if role == ROW_ROLE:
            return r
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (
            "#",
            QCoreApplication.translate("Deals", "Event"),
            QCoreApplication.translate("Deals", "By"),
            QCoreApplication.translate("Deals", "Time"),
            QCoreApplication.translate("Deals", "Hash"),
        )
        return names[section] if 0 <= section < len(names) else None


class SignaturesModel(QAbstractTableModel):
    """Both parties' signatures (a missing one says so)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self.ctx: UiContext | None = None

    def set_deal(self, deal: Mapping[str, Any] | None) -> None:
        self.beginResetModel()
        sigs = [s for s in (deal or {}).get("signatures") or [] if isinstance(s, Mapping)]
        rows: list[Row] = []
        for side in ("buyer", "company"):
            found = next((dict(s) for s in sigs if s.get("side") == side), None)
            rows.append(found or {"side": side, "_missing": True})
        self._rows = rows if deal is not None else []
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self._rows[index]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def _cell(self, r: Row, c: int) -> str:
        if r.get("_missing"):
            return (
                side_text(r.get("side")),
                "—",
                "—",
                QCoreApplication.translate("Deals", "Not signed yet"),
            )[c]
        return (
            side_text(r.get("side")),
            str(r.get("name") or ""),
            str(r.get("key_fingerprint") or ""),
            short_time(r.get("signed_at"), self.ctx),
        )[c]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self._rows)
            or not 0 <= index.column() < 4
        ):
            return None
        r = self._rows[index.row()]
        c = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell(r, c)
        if role == Qt.ItemDataRole.ToolTipRole and not r.get("_missing"):
            return plain_tooltip(
                QCoreApplication.translate(
                    "Deals", "Key fingerprint {fp}\nSigned terms hash {hash}"
                ).format(fp=r.get("key_fingerprint") or "", hash=r.get("terms_hash") or "")
            )
        if role == Qt.ItemDataRole.FontRole and c == 2:
            font = QFont()
            font.setFamilies(["monospace"])
            font.setStyleHint(QFont.StyleHint.Monospace)
            return font
        if role == ROW_ROLE:
            return r
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (
            QCoreApplication.translate("Deals", "Party"),
            QCoreApplication.translate("Deals", "Signed by"),
            QCoreApplication.translate("Deals", "Key fingerprint"),
            QCoreApplication.translate("Deals", "Signed at"),
        )
        return names[section] if 0 <= section < len(names) else None


# ============================================================================ helpers


def _banner(parent: QWidget, kind: str) -> QFrame:
    frame = QFrame(parent)
    frame.setObjectName(f"deal-{kind}-banner")
    if kind == "rejection":
        frame.setStyleSheet(
            f"QFrame#deal-{kind}-banner {{ background: rgba(197, 48, 48, 0.10); "
            "border: 1px solid rgba(197, 48, 48, 0.45); border-radius: 6px; }"
        )
    else:
        frame.setStyleSheet(
            f"QFrame#deal-{kind}-banner {{ background: rgba(43, 108, 176, 0.09); "
            "border: 1px solid rgba(43, 108, 176, 0.35); border-radius: 6px; }"
        )
    return frame


def _badge(parent: QWidget) -> QLabel:
    badge = QLabel(parent)
    badge.setObjectName("deal-state")
    badge.setTextFormat(Qt.TextFormat.PlainText)
    badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return badge


def _set_badge(badge: QLabel, state: str | None) -> None:
    colour = _STATE_COLOURS.get(str(state or ""), "#718096")
    badge.setText(state_text(state))
    badge.setStyleSheet(
        f"color: white; background: {colour}; border-radius: 4px; "
        "padding: 2px 8px; font-weight: 600;"
    )


def check_text(check: ContractCheck) -> tuple[bool, str]:
    """(valid, the verification result as the user reads it)."""
    lines = []
    if check.valid:
        lines.append(
            QCoreApplication.translate(
                "Deals",
                "This contract file is valid: the terms, the history and both signatures verify.",
            )
        )
    else:
        lines.append(
            QCoreApplication.translate(
                "Deals", "This contract file does NOT verify. Do not rely on it."
            )
        )
    if check.deal_id:
        lines.append(QCoreApplication.translate("Deals", "Deal: {id}").format(id=check.deal_id))
    if check.terms_hash:
        lines.append(
            QCoreApplication.translate("Deals", "Terms hash: {hash}").format(hash=check.terms_hash)
        )
    for sig in check.signatures or []:
        if isinstance(sig, Mapping):
            ok = sig.get("valid")
            mark = "✓" if ok else "✗"
            who = str(sig.get("name") or "") or side_text(sig.get("side"))
            lines.append(
                f"{mark} {side_text(sig.get('side'))}: {who} · {sig.get('key_fingerprint') or ''}"
            )
        else:
            lines.append(str(sig))
    if check.problems:
        lines.append("")
        lines.append(QCoreApplication.translate("Deals", "Problems:"))
        lines.extend(f"• {p}" for p in check.problems)
    return bool(check.valid), "\n".join(lines)


async def verify_contract_file(
    parent: QWidget, path: Path
) -> tuple[ContractCheck | None, QMessageBox]:
    """Verify a contract PDF offline and show the result (a window-modal box)."""
    from app.contract import verify_contract

    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("deal-verify-result")
    check: ContractCheck | None
    try:
        check = await asyncio.to_thread(verify_contract, path)
    except Exception as exc:  # unreadable, not a PDF: say so
        check = None
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("Deals", "Contract not verified"))
        box.setText(
            QCoreApplication.translate(
                "Deals", "The file could not be read as a FairDesk contract: {error}"
            ).format(error=str(exc) or type(exc).__name__)
        )
    else:
        valid, text = check_text(check)
        box.setIcon(QMessageBox.Icon.Information if valid else QMessageBox.Icon.Critical)
        box.setWindowTitle(
            QCoreApplication.translate("Deals", "Contract verified")
            if valid
            else QCoreApplication.translate("Deals", "Contract NOT valid")
        )
        box.setText(text)
    box.open()
    return check, box


def _verify_dialog(parent: QWidget, done: Any) -> None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Deals", "Verify a contract file"),
        str(Path.home()),
        QCoreApplication.translate("Deals", "PDF files (*.pdf)"),
    )
    if path:
        done(Path(path))


# ============================================================================ list page


class DealsPage(QWidget):
    """All cached deals with a filter; opens the deal room."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-deals")
        self.setAccessibleName(self.tr("Deals"))
        self.verify_box: QMessageBox | None = None

        self.filter = QLineEdit(self)
        self.filter.setObjectName("deal-filter")
        self.filter.setPlaceholderText(self.tr("Search parties, products and places"))
        self.filter.setAccessibleName(self.tr("Search deals"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self.refresh())
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("deal-state-filter")
        self.state_filter.setAccessibleName(self.tr("Show deals in this state"))
        self.state_filter.addItem(self.tr("All states"), None)
        for state in (
            "draft",
            "offered",
            "countered",
            "accepted",
            "signed",
            "declined",
            "withdrawn",
        ):
            self.state_filter.addItem(state_text(state), state)
        self.state_filter.currentIndexChanged.connect(lambda _i: self.refresh())

        self.model = DealListModel(self)
        self.model.ctx = ctx
        self.table = table_view(self)
        self.table.setObjectName("deal-list")
        self.table.setAccessibleName(self.tr("Deals"))
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 340)  # company names are long ("… Technology Co., Ltd.")
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 190)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 130)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, 150)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

        self.open_button = QPushButton(self.tr("Open deal"), self)
        self.open_button.setObjectName("deal-open")
        self.open_button.clicked.connect(lambda: self._open_index(self.table.currentIndex()))
        self.verify_button = QPushButton(self.tr("Verify a contract file…"), self)
        self.verify_button.setObjectName("deal-verify")
        self.verify_button.setToolTip(
            self.tr("Check an exported contract PDF offline: its terms, history and signatures")
        )
        self.verify_button.clicked.connect(self.verify_clicked)
        self.summary = label("", "muted", self)
        self.empty_hint = label(
            self.tr(
                "No deals yet. Open a product, a conversation or your shortlist and choose "
                "“Negotiate” to start one."
            ),
            "muted",
            self,
            wrap=True,
        )

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.state_filter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.verify_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 8)
        lay.addWidget(label(self.tr("Deals"), "title", self))
        lay.addLayout(top)
        lay.addWidget(self.empty_hint)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        lay.addWidget(self.summary)
        ctx.changed.connect(self._on_changed)
        self._update_buttons()

    def page_title(self) -> str:
        return self.tr("Deals")

    def activate(self, arg: object = None) -> None:
        self.refresh()

    def refresh(self) -> None:
        spawn(self.reload(), "deals-reload")

    async def reload(self) -> None:
        state = self.state_filter.currentData()
        rows = await deal_service(self.ctx).deals(self.filter.text(), state)
        await localize_companies(self.ctx, rows)
        current = self.table.currentIndex()
        keep = self.model.row(current.row()).get("id") if current.isValid() else None
        self.model.set_rows(rows)
        for i in range(self.model.rowCount()):
            if self.model.row(i).get("id") == keep:
                self.table.setCurrentIndex(self.model.index(i, 0))
                break
        mine = sum(1 for r in rows if r.get("needs_me"))
        text = self.tr("%Ln deal(s)", "", len(rows))
        if mine:
            text = self.tr("{deals}, {n} waiting for you").format(deals=text, n=mine)
        self.summary.setText(text)
        filtered = bool(self.filter.text().strip()) or state is not None
        self.empty_hint.setVisible(not rows and not filtered)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.table.currentIndex().isValid())

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.ctx.navigate("deal", str(self.model.row(index.row())["id"]))

    def verify_clicked(self) -> None:
        _verify_dialog(self, lambda p: spawn(self.verify_file(p), "deal-verify"))

    async def verify_file(self, path: Path) -> ContractCheck | None:
        check, self.verify_box = await verify_contract_file(self, path)
        return check

    def _on_changed(self, changes: Any) -> None:
        if self.isVisible() and any(changes.touches(e) for e in _REFRESH_ON):
            self.refresh()


# ============================================================================ deal room


class DealRoomPage(QWidget):
    """One deal: header, banners, current terms, the editor, timeline, signatures."""

    loaded = Signal()  # a deal was shown (the window title changes)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-deal")
        self.setAccessibleName(self.tr("Deal"))
        self.deal_id: str | None = None
        self.info: Row | None = None
        self.editor_base: tuple[str, int] | None = None
        self.confirm_box: QMessageBox | None = None
        self.confirm_yes: QPushButton | None = None
        self.verify_box: QMessageBox | None = None
        self.last_error = ""
        self._busy = False
        self._generation = 0
        self._fill_task: asyncio.Future[None] | None = None

        # -- header
        self.title = label("", "title", self)
        self.title.setObjectName("deal-title")
        self.badge = _badge(self)
        self.demo_badge = label(self.tr("Demo exhibitor"), "badge", self)
        self.demo_badge.hide()
        self.meta = label("", "subtitle", self, wrap=True)
        self.meta.setObjectName("deal-meta")
        self.hint = label("", "", self, wrap=True)
        self.hint.setObjectName("deal-hint")

        # -- banners
        self.rejection_banner = _banner(self, "rejection")
        self.rejection_title = label(
            self.tr("Your change was not applied"), "", self.rejection_banner
        )
        self.rejection_title.setStyleSheet(f"font-weight: 600; color: {error_text_colour()};")
        self.rejection_text = label("", "", self.rejection_banner, wrap=True)
        self.rejection_text.setObjectName("deal-rejection")
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self.rejection_banner)
        self.dismiss_button.setObjectName("deal-dismiss")
        self.dismiss_button.setToolTip(
            self.tr("Hide this message (the deal shows the current offer)")
        )
        self.dismiss_button.clicked.connect(self.dismiss_clicked)
        rl = QHBoxLayout(self.rejection_banner)
        rl.setContentsMargins(12, 8, 8, 8)
        rtext = QVBoxLayout()
        rtext.addWidget(self.rejection_title)
        rtext.addWidget(self.rejection_text)
        rl.addLayout(rtext, 1)
        rl.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.rejection_banner.hide()

        self.pending_banner = _banner(self, "pending")
        self.pending_text = label("", "", self.pending_banner, wrap=True)
        self.pending_text.setObjectName("deal-pending")
        pl = QHBoxLayout(self.pending_banner)
        pl.setContentsMargins(12, 8, 12, 8)
        pl.addWidget(self.pending_text, 1)
        self.pending_banner.hide()

        # -- terms
        self.current_title = label(self.tr("Current offer"), "section", self)
        self.summary = TermsSummary(self)
        self.editor_title = label(self.tr("Your offer"), "section", self)
        self.changed_note = label("", "", self, wrap=True)
        self.changed_note.setObjectName("deal-changed-note")
        self.changed_note.setStyleSheet(f"color: {note_text_colour()};")
        self.changed_note.hide()
        self.editor = TermsEditor(self)
        self.reset_button = QPushButton(self.tr("Start again from the current terms"), self)
        self.reset_button.setObjectName("deal-reset")
        self.reset_button.clicked.connect(self.reset_editor)
        self.offer_button = QPushButton(self.tr("Send offer"), self)
        self.offer_button.setObjectName("deal-offer")
        self.offer_button.setToolTip(
            self.tr("Send these terms as your offer (it waits while offline)")
        )
        self.counter_button = QPushButton(self.tr("Send counter-offer"), self)
        self.counter_button.setObjectName("deal-counter")
        self.counter_button.setToolTip(self.tr("Answer the current offer with these terms"))
        self.offer_button.clicked.connect(lambda: self.send_terms("offer"))
        self.counter_button.clicked.connect(lambda: self.send_terms("counter"))
        for b in (self.offer_button, self.counter_button):
            b.setDefault(True)

        # -- actions
        self.accept_button = QPushButton(self.tr("Accept offer…"), self)
        self.accept_button.setObjectName("deal-accept")
        self.decline_button = QPushButton(self.tr("Decline…"), self)
        self.decline_button.setObjectName("deal-decline")
        self.withdraw_button = QPushButton(self.tr("Withdraw…"), self)
        self.withdraw_button.setObjectName("deal-withdraw")
        self.sign_button = QPushButton(self.tr("Sign…"), self)
        self.sign_button.setObjectName("deal-sign")
        self.sign_button.setToolTip(self.tr("Sign the accepted terms with your key on this device"))
        self.export_button = QPushButton(self.tr("Export contract PDF…"), self)
        self.export_button.setObjectName("deal-export")
        self.verify_button = QPushButton(self.tr("Verify a contract file…"), self)
        self.verify_button.setObjectName("deal-verify-file")
        self.accept_button.clicked.connect(lambda: self.ask("accept"))
        self.decline_button.clicked.connect(lambda: self.ask("decline"))
        self.withdraw_button.clicked.connect(lambda: self.ask("withdraw"))
        self.sign_button.clicked.connect(lambda: self.ask("sign"))
        self.export_button.clicked.connect(self.export_clicked)
        self.verify_button.clicked.connect(self.verify_clicked)

        # -- history
        self.timeline = TimelineModel(self)
        self.timeline.ctx = ctx
        self.timeline_view = table_view(self)
        self.timeline_view.setObjectName("deal-timeline")
        self.timeline_view.setAccessibleName(self.tr("History of the deal"))
        self.timeline_view.setModel(self.timeline)
        th = self.timeline_view.horizontalHeader()
        th.setStretchLastSection(False)
        th.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        th.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        th.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        th.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        th.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.signatures = SignaturesModel(self)
        self.signatures.ctx = ctx
        self.signature_view = table_view(self)
        self.signature_view.setObjectName("deal-signatures")
        self.signature_view.setAccessibleName(self.tr("Signatures"))
        self.signature_view.setModel(self.signatures)
        self.signature_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        sh = self.signature_view.horizontalHeader()
        sh.setStretchLastSection(False)
        for c in range(4):
            sh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        sh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._fit(self.signature_view, 2)
        self.hash_label = label("", "muted", self, wrap=True)
        self.hash_label.setObjectName("deal-hashes")

        # -- layout
        left_body = QWidget(self)
        ll = QVBoxLayout(left_body)
        ll.setContentsMargins(0, 0, 8, 0)
        ll.addWidget(self.current_title)
        ll.addWidget(self.summary)
        actions = QHBoxLayout()
        actions.addWidget(self.accept_button)
        actions.addWidget(self.decline_button)
        actions.addWidget(self.withdraw_button)
        actions.addWidget(self.sign_button)
        actions.addStretch(1)
        ll.addLayout(actions)
        ll.addSpacing(8)
        ll.addWidget(self.editor_title)
        ll.addWidget(self.changed_note)
        ll.addWidget(self.editor)
        send = QHBoxLayout()
        send.addWidget(self.reset_button)
        send.addStretch(1)
        send.addWidget(self.offer_button)
        send.addWidget(self.counter_button)
        ll.addLayout(send)
        ll.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(left_body)
        self.terms_scroll = scroll

        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(8, 0, 0, 0)
        rv.addWidget(label(self.tr("History"), "section", right))
        rv.addWidget(self.timeline_view, 1)
        self.signature_title = label(self.tr("Signatures"), "section", right)
        rv.addWidget(self.signature_title)
        rv.addWidget(self.signature_view)
        rv.addWidget(self.hash_label)
        files = QHBoxLayout()
        files.addWidget(self.export_button)
        files.addWidget(self.verify_button)
        files.addStretch(1)
        rv.addLayout(files)

        self.splitter = QSplitter(self)
        self.splitter.setObjectName("deal-splitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([730, 450])
        self.splitter.setChildrenCollapsible(False)

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addSpacing(6)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.demo_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 8)
        lay.setSpacing(6)
        lay.addLayout(head)
        lay.addWidget(self.meta)
        lay.addWidget(self.hint)
        lay.addWidget(self.rejection_banner)
        lay.addWidget(self.pending_banner)
        lay.addWidget(self.splitter, 1)
        ctx.changed.connect(self._on_changed)
        self._show_nothing()

    @staticmethod
    def _fit(view: QTableView, rows: int) -> None:
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setFixedHeight(
            view.horizontalHeader().sizeHint().height()
            + view.verticalHeader().defaultSectionSize() * rows
            + 2 * view.frameWidth()
            + 2
        )

    # -- page protocol
    def page_title(self) -> str:
        if self.info is not None:
            deal = self.info["deal"]
            return self.tr("Deal with {name}").format(
                name=other_party(deal, self.info.get("my_side"))
            )
        return self.tr("Deal")

    def activate(self, arg: object = None) -> None:
        if isinstance(arg, str) and arg != self.deal_id:
            self.deal_id = arg
            self.info = None
            self.editor_base = None
            self.editor.dirty = False
            self._show_nothing()
        self.refresh()

    @property
    def service(self) -> DealService:
        return deal_service(self.ctx)

    def refresh(self) -> None:
        spawn(self.reload(), "deal-reload")

    def _on_changed(self, changes: Any) -> None:
        if self.deal_id and self.isVisible() and any(changes.touches(e) for e in _REFRESH_ON):
            self.refresh()

    # -- showing
    def _show_nothing(self) -> None:
        self.title.setText(self.tr("Deal"))
        self.badge.hide()
        self.meta.setText("")
        self.hint.setText(
            self.tr("This deal is not on this device yet: it arrives with the next sync.")
        )
        for w in (self.rejection_banner, self.pending_banner):
            w.hide()
        self.summary.set_terms(None)
        self.timeline.set_rows([])
        self.signatures.set_deal(None)
        self.hash_label.setText("")
        for b in self._command_buttons():
            b.setEnabled(False)
        self.export_button.setEnabled(False)

    def _command_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.offer_button,
            self.counter_button,
            self.accept_button,
            self.decline_button,
            self.withdraw_button,
            self.sign_button,
        )

    async def reload(self) -> None:
        deal_id = self.deal_id
        if deal_id is None:
            return
        self._generation += 1
        gen = self._generation
        info = await self.service.deal(deal_id)
        if info is not None:
            await localize_companies(self.ctx, [info["deal"]])
        if deal_id != self.deal_id or gen != self._generation:
            return  # another deal, or a newer reload, meanwhile
        if info is None:
            self.info = None
            self._show_nothing()
            return
        await self._show(info, gen)  # sets self.info once every widget shows it

    async def _show(self, info: Row, gen: int) -> None:
        deal: Row = info["deal"]
        side = info.get("my_side")
        can: Mapping[str, bool] = info.get("can") or {}
        pending: list[Row] = list(info.get("pending") or [])
        rejections: list[Row] = list(info.get("rejections") or [])
        state = str(deal.get("state") or "")
        other = other_party(deal, side)
        version = int(deal.get("version") or 1)

        self.title.setText(other)
        self.badge.show()
        _set_badge(self.badge, state)
        self.demo_badge.setVisible(bool(deal.get("company_is_demo")))
        meta = [self.tr("Version {v}").format(v=version)]
        offer_by = deal.get("offer_by")
        if offer_by and state in (*OPEN_STATES, "accepted", "signed"):
            maker = self.tr("you") if offer_by == side else other
            meta.append(
                self.tr("current offer by {who}").format(who=maker)
                if state in OPEN_STATES
                else self.tr("agreed terms offered by {who}").format(who=maker)
            )
        if deal.get("local"):
            meta.append(self.tr("not yet confirmed by the server"))
        elif deal.get("created_at"):
            meta.append(
                self.tr("opened {time}").format(time=short_time(deal.get("created_at"), self.ctx))
            )
        self.meta.setText(" · ".join(meta))
        blocking = [p for p in pending if p.get("type") not in ("deal.open", "key.register")]
        if blocking:
            self.hint.setText(self.tr(
                "Your {command} waits for the server's answer; you can act on this deal "
                "again once it is here.").format(command=command_text(blocking[-1].get("type"))))
        else:
            self.hint.setText(self._hint(deal, side, other))

        # rejection (the newest first) and commands waiting to send
        if rejections:
            rej = rejections[-1]
            self.rejection_title.setText(
                self.tr("Your {command} was not applied").format(
                    command=command_text(rej.get("type"))
                )
            )
            reason = str(rej.get("reason") or rej.get("code") or "")
            text = reason[:1].upper() + reason[1:]
            if rej.get("made_on_version"):
                text += "\n" + self.tr(
                    "You made it on version {v}; the deal below is the current one."
                ).format(v=rej["made_on_version"])
            if len(rejections) > 1:
                text += "\n" + self.tr("(and {n} earlier)").format(n=len(rejections) - 1)
            self.rejection_text.setText(text)
            self.rejection_banner.show()
        else:
            self.rejection_banner.hide()
        if pending:
            names = ", ".join(command_text(p.get("type")) for p in pending)
            self.pending_text.setText(
                self.tr(
                    "Waiting to send: {commands}. It is sent when the connection returns; the "
                    "result shows here."
                ).format(commands=names)
            )
            self.pending_banner.show()
        else:
            self.pending_banner.hide()

        terms = deal.get("terms")
        self.current_title.setVisible(bool(terms))
        self.summary.setVisible(bool(terms))
        self.summary.set_terms(terms, self.ctx.local_time)

        # the editor: an offer on a draft, a counter-offer on the other side's offer
        editing = bool(can.get("offer") or can.get("counter"))
        self.editor_title.setText(
            self.tr("Your counter-offer") if can.get("counter") else self.tr("Your offer")
        )
        self.reset_button.setText(
            self.tr("Start again from the current terms") if terms else self.tr("Start again")
        )
        for w in (self.editor_title, self.editor, self.reset_button):
            w.setVisible(editing)
        base = (str(deal.get("id")), version)
        stale_edit = editing and self.editor.dirty and self.editor_base not in (None, base)
        self.changed_note.setText(self.tr(
            "The deal changed while you were editing (it is now version {v}): check the "
            "current offer above; your changes below are kept.").format(v=version)
            if stale_edit else "")
        self.changed_note.setVisible(stale_edit)
        if editing and self.editor_base != base and not self.editor.dirty:
            self.editor_base = base
            self._fill_task = spawn(self._fill_editor(deal, side), "deal-fill")
        if self._fill_task is not None and not self._fill_task.done():
            await self._fill_task  # (an earlier reload may have started it)
            if gen != self._generation:
                return  # a newer reload shows the deal

        # commands, enabled by what the service allows
        relevant = {
            "offer": state == "draft",
            "counter": state in OPEN_STATES,
            "accept": state in OPEN_STATES,
            "decline": state in OPEN_STATES,
            "withdraw": state in ("draft", *OPEN_STATES),
            "sign": state == "accepted",
        }
        buttons = dict(
            zip(
                ("offer", "counter", "accept", "decline", "withdraw", "sign"),
                self._command_buttons(),
                strict=True,
            )
        )
        for name, button in buttons.items():
            allowed = bool(can.get(name)) and not self._busy
            button.setVisible(relevant[name] and (name not in ("offer", "counter") or editing))
            button.setEnabled(allowed)
        self.export_button.setEnabled(state in ("accepted", "signed") and bool(terms))

        # history and signatures
        self.timeline.set_rows(info.get("events") or [], pending)
        if self.timeline.rowCount():
            self.timeline_view.scrollToBottom()
        show_sigs = state in ("accepted", "signed") or bool(deal.get("signatures"))
        self.signatures.set_deal(deal)
        self.signature_title.setVisible(show_sigs)
        self.signature_view.setVisible(show_sigs)
        hashes, full = [], []
        for key, caption in (
            ("terms_hash", self.tr("Terms hash")),
            ("head_hash", self.tr("History head")),
        ):
            value = str(deal.get(key) or "")
            if value:
                hashes.append(f"{caption}: {value[:16]}…")
                full.append(f"{caption}: {value}")
        self.hash_label.setText("\n".join(hashes))
        self.hash_label.setToolTip(plain_tooltip("\n".join(full)))
        if deal_id_of(info) == self.deal_id:
            self.info = info
        self.loaded.emit()

    def _hint(self, deal: Mapping[str, Any], side: str | None, other: str) -> str:
        state = deal.get("state")
        mine = deal.get("offer_by") == side
        if state == "draft":
            return self.tr("A draft: write the terms below and send the first offer.")
        if state in OPEN_STATES:
            until = parse_utc(str(deal.get("valid_until") or ""))
            expired = until is not None and until <= datetime.now(UTC)
            if mine:
                return self.tr(
                    "Your offer is with {other}. You may withdraw it while they decide."
                ).format(other=other)
            if expired:
                return self.tr(
                    "The offer of {other} has expired: it can no longer be "
                    "accepted, but you may counter it."
                ).format(other=other)
            return self.tr(
                "{other} made an offer: accept it, decline it or answer with a counter-offer."
            ).format(other=other)
        if state == "accepted":
            signed = {s.get("side") for s in deal.get("signatures") or []}
            if side in signed:
                return self.tr("You signed. Waiting for the signature of {other}.").format(
                    other=other
                )
            return self.tr("The offer was accepted. Both sides now sign the final terms.")
        if state == "signed":
            return self.tr(
                "Signed by both sides: these terms are final. Export the contract "
                "as a PDF to keep it."
            )
        if state == "declined":
            return self.tr("The offer was declined: this deal is closed.")
        if state == "withdrawn":
            return self.tr("The offer was withdrawn: this deal is closed.")
        return ""

    async def _fill_editor(self, deal: Mapping[str, Any], my_side: str | None) -> None:
        terms = deal.get("terms")
        if terms:
            # a counter-offer starts from their terms; their notes stay theirs (shown above)
            mine = deal.get("offer_by") == my_side
            self.editor.set_terms({**terms, "notes": terms.get("notes") if mine else ""},
                                  renew_validity=True)
            return
        items, hints = await prefill_items(
            self.ctx, [int(p) for p in deal.get("product_ids") or []]
        )
        self.editor.set_terms({"items": items, **hints})
        if not items:
            self.editor.add_line()
            self.editor.dirty = False

    def reset_editor(self) -> None:
        self.editor.dirty = False
        self.changed_note.hide()
        if self.info is not None:
            deal = self.info["deal"]
            self.editor_base = (str(deal.get("id")), int(deal.get("version") or 1))
            self._fill_task = spawn(self._fill_editor(deal, self.info.get("my_side")), "deal-reset")

    # -- commands
    def send_terms(self, kind: str) -> None:
        if self.info is None or self._busy:
            return
        problems = self.editor.check()
        if problems:
            QTimer.singleShot(
                0, lambda: self.terms_scroll.ensureWidgetVisible(self.editor.problems_label)
            )
            return
        spawn(self.run_command(kind, self.editor.terms()), f"deal-{kind}")

    def ask(self, kind: str) -> QMessageBox | None:
        """Confirm accept/decline/withdraw/sign (a window-modal box, no nested loop)."""
        if self.info is None:
            return None
        deal = self.info["deal"]
        other = other_party(deal, self.info.get("my_side"))
        terms = deal.get("terms") or {}
        total = (
            format_totals(terms.get("totals") or compute_totals(terms.get("items") or [])) or "—"
        )
        where = " ".join(
            x
            for x in (str(terms.get("incoterm") or ""), str(terms.get("incoterm_place") or ""))
            if x
        )
        texts = {
            "accept": (
                self.tr("Accept the offer"),
                self.tr(
                    "Accept the offer of {other}?\n\nTotal: {total}\n{where}, delivery "
                    "{date}\n\nBoth sides then sign these terms."
                ).format(
                    other=other, total=total, where=where, date=terms.get("delivery_date") or "—"
                ),
                self.tr("Accept offer"),
            ),
            "decline": (
                self.tr("Decline the offer"),
                self.tr(
                    "Decline the offer of {other} (total {total})? The deal ends and cannot be "
                    "reopened."
                ).format(other=other, total=total),
                self.tr("Decline"),
            ),
            "withdraw": (
                self.tr("Withdraw"),
                self.tr(
                    "Withdraw your offer (total {total})? The deal ends and cannot be reopened."
                ).format(total=total)
                if deal.get("state") in OPEN_STATES
                else self.tr("Withdraw this draft? The deal ends."),
                self.tr("Withdraw"),
            ),
            "sign": (
                self.tr("Sign the accepted terms"),
                self.tr(
                    "Sign the accepted terms with {other}?\n\nTotal: {total}\n{where}, delivery "
                    "{date}\nTerms hash: {hash}\n\nYou sign with your own key on this device; a "
                    "signature cannot be taken back."
                ).format(
                    other=other,
                    total=total,
                    where=where,
                    date=terms.get("delivery_date") or "—",
                    hash=deal.get("terms_hash") or "",
                ),
                self.tr("Sign"),
            ),
        }
        title, text, yes = texts[kind]
        box = QMessageBox(self)
        box.setObjectName("deal-confirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        self.confirm_yes = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        yes_button = self.confirm_yes

        def done(_result: int) -> None:
            if box.clickedButton() is yes_button:
                spawn(self.run_command(kind), f"deal-{kind}")
            if self.confirm_box is box:
                self.confirm_box = None

        box.finished.connect(done)
        self.confirm_box = box
        box.open()
        return box

    async def run_command(self, kind: str, terms: Mapping[str, Any] | None = None) -> bool:
        """Queue one command on the version the user saw; False (and a message) when the
        service refuses it."""
        if self.info is None or self.deal_id is None:
            return False
        deal_id = self.deal_id
        version = int(self.info["deal"].get("version") or 1)
        svc = self.service
        self._busy = True
        for b in self._command_buttons():
            b.setEnabled(False)
        try:
            if kind == "offer":
                await svc.offer(deal_id, version, terms or {})
            elif kind == "counter":
                await svc.counter(deal_id, version, terms or {})
            elif kind == "accept":
                await svc.accept(deal_id, version)
            elif kind == "decline":
                await svc.decline(deal_id, version)
            elif kind == "withdraw":
                await svc.withdraw(deal_id, version)
            elif kind == "sign":
                await svc.sign(deal_id)
            else:
                raise ValueError(kind)
        except (DealError, ValueError) as exc:
            self.last_error = tr_error(exc)  # translated when the message is coded
            show_message(self, self.tr("Not sent"), self.last_error)
            return False
        except Exception as exc:  # a keyring failure, a closed store: tell, never crash
            log.exception("deal command %s failed", kind)
            self.last_error = tr_error(exc)
            show_message(self, self.tr("Not sent"), self.last_error)
            return False
        finally:
            self._busy = False
            if deal_id == self.deal_id:
                await self.reload()
        if kind in ("offer", "counter"):
            self.editor.dirty = False
        if kind == "sign":
            self._tell_about_key()
        return True

    def _tell_about_key(self) -> None:
        """Once per session: the signing key could not be kept in a system keyring (or
        the stored one was unreadable): KeyStore says what that means."""
        keys = _key_store(self.ctx)
        message = str(getattr(keys, "message", "") or "")
        if keys is None or not message or id(keys) in _TOLD:
            return
        _TOLD.add(id(keys))
        show_message(self, self.tr("Your signing key"), message, warning=False)

    def dismiss_clicked(self) -> None:
        if self.info and self.info.get("rejections"):
            spawn(self.dismiss_all(), "deal-dismiss")

    async def dismiss_all(self) -> None:
        for rej in list((self.info or {}).get("rejections") or []):
            await self.service.dismiss_rejection(int(rej["seq"]))
        await self.reload()

    # -- files
    def export_clicked(self) -> None:
        if self.deal_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export contract PDF"),
            str(Path.home() / f"fairdesk-contract-{self.deal_id[:8]}.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            spawn(self.export_to(Path(path)), "deal-export")

    async def export_to(self, path: Path) -> Path | None:
        if self.deal_id is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            out = await self.service.export_contract(self.deal_id, path, lang=self.ctx.lang)
        except (DealError, OSError, ValueError) as exc:
            show_message(self, self.tr("Contract not exported"), tr_error(exc))
            return None
        show_message(
            self,
            self.tr("Contract exported"),
            self.tr("The contract was saved to {path}").format(path=str(out)),
            warning=False,
        )
        return out

    def verify_clicked(self) -> None:
        _verify_dialog(self, lambda p: spawn(self.verify_file(p), "deal-verify"))

    async def verify_file(self, path: Path) -> ContractCheck | None:
        check, self.verify_box = await verify_contract_file(self, path)
        return check


# ============================================================================ smoke


async def smoke_deal_room(app: Any, shooter: Any, company_id: int, product_id: int) -> None:
    """For ui/smoke.py: open (or reopen) the deal on a product of ``company_id``; on a
    fresh draft send the prefilled offer and, on the demo, wait for the demo exhibitor's
    counter-offer; shoot the deal room ("deal") and the deal list ("deals")."""
    from ui.smoke import wait_until

    window, ctx = app.window, app.ctx
    deal_id = await open_deal_for(ctx, company_id=company_id, product_ids=[product_id])
    page: DealRoomPage = window.pages["deal"]
    await wait_until(lambda: page.info is not None and page.deal_id == deal_id,
                     what="the deal room")
    assert page.info is not None
    if page.info["can"].get("offer"):
        page.send_terms("offer")
        session = ctx.session
        want = ("countered",) if getattr(app, "demo", None) is not None else ("offered",)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 20
        while session is not None and loop.time() < deadline:
            await session.engine.sync_once(attempts=3)
            await page.reload()
            if page.info and page.info["deal"].get("state") in want:
                break
            await asyncio.sleep(0.3)
    await shooter.shot("deal", window)
    window.navigate("deals")
    await window.pages["deals"].reload()
    await shooter.shot("deals", window)
