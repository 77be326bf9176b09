"""First run: choose the demo or a server, sign in or register, pick sections, first sync."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalog import Row
from app.events import Progress
from ui.asyncutil import spawn
from ui.sections import SectionPicker
from ui.statusbar import _eta_text
from ui.widgets import label

PAGE_SERVER, PAGE_ACCOUNT, PAGE_SECTIONS, PAGE_SYNC = range(4)


class FirstRunBackend(Protocol):
    """What the dialog needs from the wiring (ui.main implements it)."""

    async def use_demo(self, progress: Callable[[str, float], None]) -> dict[str, Any]: ...
    async def use_server(self, url: str) -> dict[str, Any]: ...
    async def sign_in(self, email: str, password: str) -> dict[str, Any]: ...
    async def register(self, fields: dict[str, Any]) -> dict[str, Any]: ...
    async def sections(self) -> list[Row]: ...
    async def follow(self, section_ids: list[int]) -> None: ...
    async def cancel_sync(self) -> None: ...


class FirstRunDialog(QDialog):
    """A four-step dialog. ``completed`` fires once the user is signed in and sections are chosen."""

    signed_in = Signal()
    sections_chosen = Signal(list)

    def __init__(self, backend: FirstRunBackend, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.lang = lang
        self.setObjectName("first-run-dialog")
        self.setWindowTitle(self.tr("Welcome to FairDesk"))
        self.setAccessibleName(self.tr("First run"))
        self.demo_accounts: list[dict[str, Any]] = []
        self.demo_role = "buyer"  # which demo account to fill in
        self._progress: dict[str, Progress] = {}

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._server_page())
        self.stack.addWidget(self._account_page())
        self.stack.addWidget(self._sections_page())
        self.stack.addWidget(self._sync_page())
        self.error = label("", "", self, wrap=True)
        self.error.setStyleSheet("color: #c53030;")
        self.error.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.error)
        self.resize(580, 440)

    # -- step 1: where is the fair
    def _server_page(self) -> QWidget:
        page = QWidget(self)
        self.demo_radio = QRadioButton(self.tr("Explore the demo fair on this computer (recommended)"), page)
        self.demo_radio.setAccessibleName(self.tr("Use the demo fair"))
        self.server_radio = QRadioButton(self.tr("Connect to a fair server"), page)
        self.server_radio.setAccessibleName(self.tr("Connect to a fair server"))
        group = QButtonGroup(page)
        group.addButton(self.demo_radio)
        group.addButton(self.server_radio)
        self.demo_radio.setChecked(True)
        self.url_edit = QLineEdit(page)
        self.url_edit.setPlaceholderText("https://fair.example.com")
        self.url_edit.setAccessibleName(self.tr("Server address"))
        self.url_edit.setEnabled(False)
        self.server_radio.toggled.connect(self.url_edit.setEnabled)
        self.demo_status = label("", "muted", page, wrap=True)
        self.demo_bar = QProgressBar(page)
        self.demo_bar.setAccessibleName(self.tr("Demo fair start progress"))
        self.demo_bar.hide()
        self.continue1 = QPushButton(self.tr("Continue"), page)
        self.continue1.setDefault(True)
        self.continue1.clicked.connect(self._continue_server)
        lay = QVBoxLayout(page)
        self.heading = label(self.tr("Welcome to FairDesk"), "title", page)
        lay.addWidget(self.heading)
        lay.addWidget(
            label(
                self.tr(
                    "FairDesk keeps the trade fair on your computer: browse booths, search "
                    "products and keep a shortlist, even when the connection drops."
                ),
                "subtitle",
                page,
                wrap=True,
            )
        )
        lay.addSpacing(12)
        lay.addWidget(self.demo_radio)
        lay.addWidget(
            label(self.tr("A generated fair with demo exhibitors, started in the background."), "muted", page, wrap=True)
        )
        lay.addSpacing(6)
        lay.addWidget(self.server_radio)
        lay.addWidget(self.url_edit)
        lay.addStretch(1)
        lay.addWidget(self.demo_status)
        lay.addWidget(self.demo_bar)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.continue1)
        lay.addLayout(row)
        return page

    def _continue_server(self) -> None:
        spawn(self.choose_server(demo=self.demo_radio.isChecked(), url=self.url_edit.text().strip()), "firstrun-server")

    async def choose_server(self, demo: bool, url: str = "") -> bool:
        self._clear_error()
        self.continue1.setEnabled(False)
        try:
            if demo:
                self.demo_bar.show()
                self.demo_bar.setRange(0, 100)
                info = await self.backend.use_demo(self._demo_progress)
                self.demo_accounts = list(info.get("accounts") or [])
            else:
                if not url:
                    self._show_error(self.tr("Enter the address of the fair server."))
                    return False
                info = await self.backend.use_server(url)
        except Exception as exc:
            self._show_error(self.tr("Could not reach the fair: {error}").format(error=str(exc)))
            return False
        finally:
            self.continue1.setEnabled(True)
            self.demo_bar.hide()
        self.fair_name.setText(str(info.get("name") or ""))
        if info.get("signed_in"):  # a saved token (or the demo account): on to the sections
            self.signed_in.emit()
            self.stack.setCurrentIndex(PAGE_SECTIONS)
            await self.load_sections()
            return True
        buyer = next((a for a in self.demo_accounts if a.get("role") == self.demo_role), None)
        if buyer:
            self.email.setText(str(buyer.get("email") or ""))
            self.password.setText(str(buyer.get("password") or ""))
            self.demo_hint.setText(self.tr("The demo account is filled in. Just sign in."))
            self.demo_hint.show()
        self.stack.setCurrentIndex(PAGE_ACCOUNT)
        return True

    def _demo_progress(self, stage: str, fraction: float) -> None:
        self.demo_bar.setValue(int(max(0.0, min(1.0, fraction)) * 100))
        self.demo_status.setText(self.tr("Starting the demo fair: {stage}").format(stage=stage))

    # -- step 2: account
    def _account_page(self) -> QWidget:
        page = QWidget(self)
        self.fair_name = label("", "subtitle", page)
        self.tabs = QTabWidget(page)
        sign = QWidget(page)
        self.email = QLineEdit(sign)
        self.email.setAccessibleName(self.tr("Email"))
        self.password = QLineEdit(sign)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.returnPressed.connect(self._continue_account)
        sf = QFormLayout(sign)
        sf.addRow(self.tr("Email"), self.email)
        sf.addRow(self.tr("Password"), self.password)
        self.demo_hint = label("", "muted", sign, wrap=True)
        self.demo_hint.hide()
        sf.addRow(self.demo_hint)
        reg = QWidget(page)
        self.r_name = QLineEdit(reg)
        self.r_email = QLineEdit(reg)
        self.r_password = QLineEdit(reg)
        self.r_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.r_company = QLineEdit(reg)
        self.r_country = QLineEdit(reg)
        self.r_country.setMaxLength(2)
        self.r_country.setPlaceholderText(self.tr("Two letters, e.g. DE"))
        rf = QFormLayout(reg)
        for text, w in (
            (self.tr("Your name"), self.r_name),
            (self.tr("Email"), self.r_email),
            (self.tr("Password (8 characters or more)"), self.r_password),
            (self.tr("Company"), self.r_company),
            (self.tr("Country"), self.r_country),
        ):
            w.setAccessibleName(text)
            rf.addRow(text, w)
        self.tabs.addTab(sign, self.tr("Sign in"))
        self.tabs.addTab(reg, self.tr("Register as a buyer"))
        self.continue2 = QPushButton(self.tr("Sign in"), page)
        self.continue2.setDefault(True)
        self.continue2.clicked.connect(self._continue_account)
        self.tabs.currentChanged.connect(
            lambda i: self.continue2.setText(self.tr("Sign in") if i == 0 else self.tr("Register"))
        )
        back = QPushButton(self.tr("Back"), page)
        back.clicked.connect(lambda: self.stack.setCurrentIndex(PAGE_SERVER))
        lay = QVBoxLayout(page)
        lay.addWidget(label(self.tr("Your account"), "title", page))
        lay.addWidget(self.fair_name)
        lay.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.continue2)
        lay.addLayout(row)
        return page

    def _continue_account(self) -> None:
        spawn(self.submit_account(), "firstrun-account")

    async def submit_account(self) -> bool:
        self._clear_error()
        self.continue2.setEnabled(False)
        try:
            if self.tabs.currentIndex() == 0:
                if not self.email.text().strip() or not self.password.text():
                    self._show_error(self.tr("Enter your email and password."))
                    return False
                await self.backend.sign_in(self.email.text().strip(), self.password.text())
            else:
                fields = {
                    "email": self.r_email.text().strip(),
                    "password": self.r_password.text(),
                    "display_name": self.r_name.text().strip(),
                    "role": "buyer",
                    "company": self.r_company.text().strip(),
                    "country": self.r_country.text().strip().upper(),
                }
                if not fields["email"] or len(str(fields["password"])) < 8 or not fields["display_name"]:
                    self._show_error(self.tr("Enter your name, email and a password of at least 8 characters."))
                    return False
                await self.backend.register(fields)
        except Exception as exc:
            self._show_error(self.tr("Signing in failed: {error}").format(error=str(exc)))
            return False
        finally:
            self.continue2.setEnabled(True)
        self.signed_in.emit()
        self.stack.setCurrentIndex(PAGE_SECTIONS)
        await self.load_sections()
        return True

    # -- step 3: sections
    def _sections_page(self) -> QWidget:
        page = QWidget(self)
        self.picker = SectionPicker(self.lang, page)
        self.picker.view.setObjectName("firstrun-sections")
        # the parts tests and the smoke reach for
        self.section_model = self.picker.model
        self.section_list = self.picker.view
        self.estimate = self.picker.estimate
        self.continue3 = QPushButton(self.tr("Download and start"), page)
        self.continue3.setDefault(True)
        self.continue3.clicked.connect(self._continue_sections)
        skip = QPushButton(self.tr("Skip for now"), page)
        skip.clicked.connect(lambda: spawn(self.start_sync([]), "firstrun-skip"))
        lay = QVBoxLayout(page)
        lay.addWidget(label(self.tr("Sections to keep offline"), "title", page))
        lay.addWidget(
            label(
                self.tr(
                    "The booth directory is always available. Choose the exhibition sections "
                    "whose products you want on this computer, to browse and search them offline."
                ),
                "subtitle",
                page,
                wrap=True,
            )
        )
        lay.addWidget(self.picker, 1)
        row = QHBoxLayout()
        row.addWidget(skip)
        row.addStretch(1)
        row.addWidget(self.continue3)
        lay.addLayout(row)
        return page

    async def load_sections(self) -> None:
        try:
            sections = await self.backend.sections()
        except Exception as exc:
            self._show_error(self.tr("The list of sections could not be loaded: {error}").format(error=str(exc)))
            sections = []
        categories: list[Row] = []
        fetch = getattr(self.backend, "categories", None)
        if fetch is not None:
            try:
                categories = await fetch()
            except Exception:
                categories = []  # headings are a nicety; the list works without them
        self.picker.set_sections(sections, categories)

    def checked_sections(self) -> list[int]:
        return self.picker.checked()

    def set_checked(self, section_ids: list[int]) -> None:
        self.picker.set_checked(section_ids)

    @property
    def _expected_total(self) -> int:
        return self.picker.expected_products

    def _continue_sections(self) -> None:
        spawn(self.start_sync(self.checked_sections()), "firstrun-follow")

    # -- step 4: the first download
    def _sync_page(self) -> QWidget:
        page = QWidget(self)
        self.sync_bar = QProgressBar(page)
        self.sync_bar.setAccessibleName(self.tr("Download progress"))
        self.sync_text = label(self.tr("Preparing…"), "", page, wrap=True)
        self.sync_rate = label("", "muted", page)
        self.cancel_button = QPushButton(self.tr("Cancel download"), page)
        self.cancel_button.setAccessibleName(self.tr("Cancel the download; it resumes on the next start"))
        self.cancel_button.clicked.connect(lambda: spawn(self.cancel(), "firstrun-cancel"))
        self.done_button = QPushButton(self.tr("Continue in the background"), page)
        self.done_button.setDefault(True)
        self.done_button.clicked.connect(self.accept)
        lay = QVBoxLayout(page)
        lay.addWidget(label(self.tr("Downloading the fair"), "title", page))
        lay.addWidget(
            label(
                self.tr("You can start browsing now; the download goes on in the background."),
                "subtitle",
                page,
                wrap=True,
            )
        )
        lay.addSpacing(12)
        lay.addWidget(self.sync_bar)
        lay.addWidget(self.sync_text)
        lay.addWidget(self.sync_rate)
        lay.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.done_button)
        lay.addLayout(row)
        return page

    async def start_sync(self, section_ids: list[int]) -> None:
        self._clear_error()
        self.stack.setCurrentIndex(PAGE_SYNC)
        self.sync_bar.setRange(0, max(self._expected_total, 1) if section_ids else 1)
        self.sync_bar.setValue(0)
        self.sections_chosen.emit(section_ids)
        try:
            await self.backend.follow(section_ids)
        except Exception as exc:
            self._show_error(self.tr("Following the sections failed: {error}").format(error=str(exc)))
        if not section_ids and self.error.isHidden():
            # nothing to download but the booth directory, which the status bar shows:
            # no progress page that would sit at 0 %
            self.accept()

    def on_progress(self, event: Progress) -> None:
        self._progress[event.scope] = event
        items = [p for s, p in self._progress.items() if s.startswith("section:")]
        done = sum(p.done for p in items)
        rate = sum(p.rate for p in self._progress.values() if not p.complete)
        if self._expected_total:
            self.sync_bar.setRange(0, self._expected_total)
            self.sync_bar.setValue(min(done, self._expected_total))
        self.sync_text.setText(
            self.tr("{done} of %Ln product(s) downloaded", "", self._expected_total).format(done=f"{done:,}")
        )
        etas = [p.eta for p in self._progress.values() if p.eta is not None and not p.complete]
        text = self.tr("{rate} products/s").format(rate=f"{rate:,.0f}")
        if etas:
            text += " · " + self.tr("about {eta} left").format(eta=_eta_text(max(etas)))
        self.sync_rate.setText(text)
        if items and all(p.complete for p in items):
            self.sync_bar.setValue(self.sync_bar.maximum())
            self.sync_text.setText(self.tr("Download complete: the sections are available offline."))
            self.sync_rate.setText("")
            self.done_button.setText(self.tr("Start browsing"))
            self.cancel_button.setEnabled(False)

    async def cancel(self) -> None:
        await self.backend.cancel_sync()
        self.sync_text.setText(self.tr("Download paused. It resumes when FairDesk starts next time."))
        self.cancel_button.setEnabled(False)
        self.done_button.setText(self.tr("Close"))

    # -- errors
    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _clear_error(self) -> None:
        self.error.hide()
        self.error.setText("")

    def section_index(self, row: int) -> QModelIndex:
        return self.section_model.index(row, 0)
