"""The main window: navigation, the page stack with back/forward history, menus, status."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QMouseEvent,
    QShowEvent,
    QWindow,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ui.asyncutil import spawn
from ui.context import UiContext
from ui.notify import MessageNotifier
from ui.pages.fair import FairPage
from ui.statusbar import StatusBar
from ui.widgets import LazyPages

if TYPE_CHECKING:  # the dialogs are imported when first opened
    from ui.sections import SectionsDialog
    from ui.settings_dialog import SettingsDialog

NAV_PAGES = ("fair", "search", "shortlist", "messages", "deals", "cards", "authorizations")
#: pages with a splitter whose sizes are kept in the window state
SPLITTER_PAGES = ("fair", "shortlist")
#: the exhibitor's workspace pages: in the navigation for exhibitor staff only
STAFF_PAGES = ("workspace", "catalog", "booth_editor", "leads")


def _keys(*seqs: QKeySequence | QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """Shortcuts without duplicates (a standard key may equal the explicit one)."""
    out: list[QKeySequence] = []
    seen: set[str] = set()
    for seq in seqs:
        keys = QKeySequence.keyBindings(seq) if isinstance(seq, QKeySequence.StandardKey) else [QKeySequence(seq)]
        for k in keys:
            text = k.toString()
            if text and text not in seen:
                seen.add(text)
                out.append(k)
    return out


class Page(Protocol):
    def page_title(self) -> str: ...
    def activate(self, arg: object = None) -> None: ...


class MainWindow(QMainWindow):
    """Signals ask the wiring (ui.main) for things that outlive the window."""

    language_change_requested = Signal(str)
    sign_out_requested = Signal()
    quit_requested = Signal()
    sync_now_requested = Signal()
    cancel_sync_requested = Signal()
    connect_requested = Signal()
    settings_applied = Signal(dict)

    def __init__(self, ctx: UiContext, state_file: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("main-window")
        self.setWindowTitle(self.tr("FairDesk"))
        self.setAccessibleName(self.tr("FairDesk main window"))
        self._state_file = state_file
        self._pending_splitters: dict[str, QByteArray] = {}
        self._closing_for_real = False

        # each page is built the first time it is shown (start-up builds one: issue 9)
        self._search_view: int | None = None
        self.stack = QStackedWidget(self)
        self.pages: LazyPages = LazyPages({
            "fair": lambda: FairPage(ctx, self),
            # the other pages' modules are imported when a page is first shown
            "search": _page(ctx, self, "search", "SearchPage"),
            "shortlist": _page(ctx, self, "shortlist", "ShortlistPage"),
            "messages": _page(ctx, self, "messages", "MessagesPage"),
            "deals": _page(ctx, self, "deals", "DealsPage"),
            "deal": _page(ctx, self, "deals", "DealRoomPage"),
            "cards": _page(ctx, self, "cards", "CardsPage"),
            "authorizations": _page(ctx, self, "cards", "AuthorizationsPage"),
            "booth": _page(ctx, self, "booth", "BoothPage"),
            "product": _page(ctx, self, "product", "ProductPage"),
            "workspace": _page(ctx, self, "workspace", "WorkspacePage"),
            "catalog": _page(ctx, self, "catalog_editor", "CatalogEditorPage"),
            "booth_editor": _page(ctx, self, "booth_editor", "BoothEditorPage"),
            "leads": _page(ctx, self, "leads", "LeadsPage"),
        }, self._page_built)
        self.pages["fair"]  # the start page, built now: first in the focus chain

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(18, 18))
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for kind, text, tip in (
            ("fair", self.tr("Fair"), self.tr("Browse categories, sections and booths")),
            ("search", self.tr("Search"), self.tr("Search products (Ctrl+F)")),
            ("shortlist", self.tr("Shortlist"), self.tr("Your favourite products and booths")),
            ("messages", self.tr("Messages"), self.tr("Chat with exhibitors and buyers")),
            ("deals", self.tr("Deals"), self.tr("Negotiate and sign orders")),
            ("cards", self.tr("Cards"), self.tr("Your card and the cards you hold")),
            ("authorizations", self.tr("Authorizations"),
             self.tr("Who may see your profile and contact you")),
        ):
            item = QListWidgetItem(text, self.nav)
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setToolTip(tip)
        for kind, text, tip in (
            ("workspace", self.tr("Workspace"), self.tr("Your booth's figures, leads and edits")),
            ("catalog", self.tr("Catalog"), self.tr("Add and edit your products")),
            ("booth_editor", self.tr("Booth"), self.tr("Edit your booth: profile, logo, sections")),
            ("leads", self.tr("Leads"), self.tr("Buyers who contacted or authorized you")),
        ):
            item = QListWidgetItem(text, self.nav)
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setToolTip(tip)
            item.setHidden(True)  # shown once the user is known as exhibitor staff
        self.is_staff = False
        self._home_pending = False
        self._was_signed_out: bool | None = None
        self.nav.currentRowChanged.connect(self._on_nav)
        self.notifier = MessageNotifier(ctx, self)
        self.notifier.unread_changed.connect(self.set_unread_badge)
        self.deals_waiting = 0
        ctx.changed.connect(self._on_deals_changed)

        self._welcome_dismissed = False
        self.welcome = self._welcome_banner()
        self.welcome.hide()
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.welcome)
        lay = QHBoxLayout()
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        outer.addLayout(lay, 1)
        self.setCentralWidget(central)
        self.status = StatusBar(ctx, self)
        self.status.cancel_requested.connect(self.cancel_sync_requested)
        self.setStatusBar(self.status)
        self._sections_dialog: SectionsDialog | None = None

        self.history: list[tuple[str, object]] = []
        self.history_pos = -1
        self.current: tuple[str, object] | None = None
        self._build_menus()
        ctx.navigate_requested.connect(self.navigate)
        ctx.state_changed.connect(self._on_state_for_role)
        ctx.changed.connect(self._on_changes_for_role)
        # the mouse's back/forward buttons: filtered on the native window (showEvent), which
        # sees only the window's input. An application-wide filter in Python ran for every
        # event of every object (paints, timers, each child of a page shown): a fifth of
        # the GUI thread's busy time during a sync
        self._filtered_window: QWindow | None = None
        # the first size: roomy, but never larger than the screen (a 1366x768 laptop)
        screen = QGuiApplication.primaryScreen()
        avail = screen.availableGeometry() if screen is not None else None
        if avail is not None and avail.width() > 0:
            self.resize(min(1280, int(avail.width() * 0.94)), min(800, int(avail.height() * 0.92)))
        else:
            self.resize(1280, 800)
        self.setMinimumSize(780, 520)
        self.restore_state()

    # -- menus and shortcuts
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.act_settings = QAction(self.tr("&Settings…"), self)
        self.act_settings.setShortcuts(_keys("Ctrl+,", QKeySequence.StandardKey.Preferences))
        self.act_settings.triggered.connect(self.open_settings)
        self.act_sync = QAction(self.tr("Sync &now"), self)
        self.act_sync.setShortcut(QKeySequence("F5"))
        self.act_sync.triggered.connect(self.sync_now_requested)
        self.act_sign_out = QAction(self.tr("Sign &out"), self)
        self.act_sign_out.triggered.connect(self.sign_out_requested)
        self.act_sections = QAction(self.tr("&Choose sections to keep offline…"), self)
        self.act_sections.triggered.connect(self.open_sections)
        self.act_connect = QAction(self.tr("&Connect to a fair server…"), self)
        self.act_connect.triggered.connect(self.connect_requested)
        self.act_quit = QAction(self.tr("&Quit"), self)
        self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_quit.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.act_quit.triggered.connect(self.close)
        for a in (self.act_sections, self.act_sync, self.act_connect):
            file_menu.addAction(a)
        file_menu.addSeparator()
        for a in (self.act_settings, self.act_sign_out):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)

        go = bar.addMenu(self.tr("&Go"))
        self.act_back = QAction(self.tr("&Back"), self)
        self.act_back.setShortcuts(_keys("Alt+Left", QKeySequence.StandardKey.Back))
        self.act_back.triggered.connect(self.back)
        self.act_forward = QAction(self.tr("&Forward"), self)
        self.act_forward.setShortcuts(_keys("Alt+Right", QKeySequence.StandardKey.Forward))
        self.act_forward.triggered.connect(self.forward)
        self.act_search = QAction(self.tr("&Search"), self)
        self.act_search.setShortcut(QKeySequence("Ctrl+F"))
        self.act_search.triggered.connect(lambda: self.navigate("search"))
        for a in (self.act_back, self.act_forward, self.act_search):
            go.addAction(a)
            self.addAction(a)
        self.addAction(self.act_settings)
        self.addAction(self.act_quit)

        view = bar.addMenu(self.tr("&View"))
        lang_menu = view.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in (("en", "English"), ("zh_CN", "简体中文")):
            act = QAction(name, self)
            act.setCheckable(True)
            act.setChecked(code == self.ctx.lang)
            act.triggered.connect(lambda _c=False, code=code: self.request_language(code))
            group.addAction(act)
            lang_menu.addAction(act)
        low = view.addMenu(self.tr("Low-&data mode"))
        lgroup = QActionGroup(self)
        self.low_data_actions: dict[str, QAction] = {}
        for code, name in (
            ("off", self.tr("Off: load every image")),
            ("thumbnails", self.tr("Thumbnails only")),
            ("text", self.tr("Text only: no images")),
        ):
            act = QAction(name, self)
            act.setCheckable(True)
            act.setChecked(code == self.ctx.images.low_data)
            act.triggered.connect(lambda _c=False, code=code: self.ctx.set_low_data(code))
            lgroup.addAction(act)
            low.addAction(act)
            self.low_data_actions[code] = act
        self.ctx.low_data_changed.connect(self._sync_low_data_actions)

        help_menu = bar.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About FairDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)
        self._update_history_actions()

    def _sync_low_data_actions(self, mode: str) -> None:
        act = self.low_data_actions.get(mode)
        if act is not None:
            act.setChecked(True)

    def request_language(self, code: str) -> None:
        if code != self.ctx.lang:
            self.language_change_requested.emit(code)

    def about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About FairDesk"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "FairDesk 0.1\n\nThe offline-first desktop client for online trade fairs: "
                "browse, search and shortlist with or without a connection."
            )
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _welcome_banner(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("welcome-banner")
        frame.setAccessibleName(self.tr("Welcome"))
        self.welcome_text = QLabel(frame)
        self.welcome_text.setWordWrap(True)
        self.welcome_text.setTextFormat(Qt.TextFormat.PlainText)
        choose = QPushButton(self.tr("Choose sections…"), frame)
        choose.setAccessibleName(self.tr("Choose sections to keep offline"))
        choose.clicked.connect(self.open_sections)
        connect = QPushButton(self.tr("Connect to a fair server…"), frame)
        connect.clicked.connect(self.connect_requested)
        close = QToolButton(frame)
        close.setObjectName("welcome-dismiss")
        close.setText("✕")
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss the welcome message"))
        close.clicked.connect(self.dismiss_welcome)
        lay = QHBoxLayout(frame)
        lay.setContentsMargins(14, 8, 8, 8)
        lay.addWidget(self.welcome_text, 1)
        lay.addWidget(choose)
        lay.addWidget(connect)
        lay.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        return frame

    def show_welcome(self, text: str) -> None:
        """A dismissible line above the pages (first start on the demo fair); once
        dismissed it stays away (later updates of the text only change the text)."""
        self.welcome_text.setText(text)
        if not self._welcome_dismissed:
            self.welcome.show()

    def dismiss_welcome(self) -> None:
        self._welcome_dismissed = True
        self.welcome.hide()

    def open_sections(self) -> SectionsDialog:
        """The non-modal section chooser (the fair stays usable behind it)."""
        old = self._sections_dialog
        if old is not None and isValid(old) and old.isVisible():
            old.raise_()
            old.activateWindow()
            return old
        from ui.sections import SectionsDialog  # imported when first opened (start-up)

        dialog = SectionsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(lambda _ids: self.sync_now_requested.emit())
        self._sections_dialog = dialog
        spawn(dialog.load(), "sections-load")
        dialog.show()
        return dialog

    def open_settings(self) -> SettingsDialog:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(self.settings_applied)
        dialog.sign_out_requested.connect(self.sign_out_requested)
        dialog.open()
        return dialog

    # -- navigation
    def navigate(self, kind: str, arg: object = None, record: bool = True) -> None:
        page = self.pages.get(kind)
        if page is None:
            return
        entry = (kind, arg)
        if record and entry != self.current:
            del self.history[self.history_pos + 1 :]
            self.history.append(entry)
            self.history_pos = len(self.history) - 1
        self.current = entry
        self.stack.setCurrentWidget(page)
        nav_row = self._nav_row("deals" if kind == "deal" else kind)  # the deal room is under Deals
        if nav_row >= 0:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(nav_row)
            self.nav.blockSignals(False)
        page.activate(arg)  # type: ignore[attr-defined]
        self._update_history_actions()
        self._update_title()

    def _update_title(self) -> None:
        page = self.stack.currentWidget()
        title = page.page_title() if page is not None else ""  # type: ignore[attr-defined]
        self.setWindowTitle(self.tr("{page} — FairDesk").format(page=title) if title else self.tr("FairDesk"))

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def back(self) -> None:
        if self.history_pos > 0:
            self.history_pos -= 1
            kind, arg = self.history[self.history_pos]
            self.navigate(kind, arg, record=False)

    def forward(self) -> None:
        if self.history_pos < len(self.history) - 1:
            self.history_pos += 1
            kind, arg = self.history[self.history_pos]
            self.navigate(kind, arg, record=False)

    def _update_history_actions(self) -> None:
        self.act_back.setEnabled(self.history_pos > 0)
        self.act_forward.setEnabled(self.history_pos < len(self.history) - 1)

    def _nav_row(self, kind: str) -> int:
        for i in range(self.nav.count()):
            if self.nav.item(i).data(Qt.ItemDataRole.UserRole) == kind:
                return i
        return -1

    def _on_nav(self, row: int) -> None:
        item = self.nav.item(row) if 0 <= row < self.nav.count() else None
        kind = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(kind, str):
            self.navigate(kind)

    # -- exhibitor staff: the workspace pages
    def open_workspace_if_staff(self) -> None:
        """After a sign-in: exhibitor staff open on their workspace (once the role is
        known; a later sign-in through the dialog does the same)."""
        self._home_pending = True
        spawn(self.update_role(), "nav-role")

    async def update_role(self) -> bool:
        """Show the workspace pages in the navigation for exhibitor staff only."""
        try:
            from ui.pages.workspace import staff_company_id

            staff = await staff_company_id(self.ctx) is not None
        except Exception:  # a closed store at shutdown
            return self.is_staff
        if not isValid(self):
            return staff
        self.is_staff = staff
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in STAFF_PAGES:
                item.setHidden(not staff)
        if staff and self._home_pending and (self.current is None or self.current == ("fair", None)):
            self._home_pending = False
            self.navigate("workspace")
        return staff

    def _on_state_for_role(self, event: Any) -> None:
        state = getattr(event, "state", None)
        signed_out = getattr(state, "value", state) == "signed_out"
        if signed_out == self._was_signed_out:
            return  # syncing <-> online: the user is the same
        self._was_signed_out = signed_out
        if signed_out:
            self._home_pending = True  # the next sign-in opens on the home page again
        spawn(self.update_role(), "nav-role")

    def _on_changes_for_role(self, changes: Any) -> None:
        if changes.touches("profile"):
            spawn(self.update_role(), "nav-role")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self._filtered_window and event.type() == QEvent.Type.MouseButtonPress
                and isinstance(event, QMouseEvent)):
            if event.button() == Qt.MouseButton.BackButton:
                self.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.forward()
                return True
        return super().eventFilter(watched, event)

    # -- state
    def _qsettings(self) -> QSettings | None:
        if self._state_file is None:
            return None
        return QSettings(str(self._state_file), QSettings.Format.IniFormat)

    def restore_state(self) -> None:
        s = self._qsettings()
        if s is None:
            return
        geo = s.value("window/geometry")
        if isinstance(geo, QByteArray):
            self.restoreGeometry(geo)
        st = s.value("window/state")
        if isinstance(st, QByteArray):
            self.restoreState(st)
        self._pending_splitters = {
            key: val
            for key in SPLITTER_PAGES
            if isinstance(val := s.value(f"splitters/{key}"), QByteArray)
        }
        mode = s.value("search/view")
        if mode in ("0", "1", 0, 1):
            self._search_view = int(mode)
            search = self.pages.built("search")
            if search is not None:
                search.set_view(int(mode))  # type: ignore[attr-defined]

    def _page_built(self, kind: str, page: QWidget) -> None:
        self.stack.addWidget(page)
        nav = getattr(self, "nav", None)
        if nav is not None and nav.currentRow() < 0:
            # a page built after the navigation comes after it in the focus chain: give
            # the navigation a current row (silently) so that taking the focus does not
            # pick its first row and open the Fair page
            nav.blockSignals(True)
            nav.setCurrentRow(0)
            nav.blockSignals(False)
        loaded = getattr(page, "loaded", None)
        if loaded is not None:
            loaded.connect(self._update_title)
        if kind == "search" and self._search_view is not None:
            page.set_view(self._search_view)  # type: ignore[attr-defined]
        pending = self._pending_splitters.pop(kind, None) if self.isVisible() else None
        if pending is not None:
            page.resize(self.stack.size())  # an unsized splitter would squeeze its panes
            page.splitter.restoreState(pending)  # type: ignore[attr-defined]

    def _on_deals_changed(self, changes: Any) -> None:
        if changes.touches("deal") or changes.touches("deal_event") or changes.touches("outbox"):
            spawn(self.refresh_deals_badge(), "deals-badge")

    async def refresh_deals_badge(self) -> int:
        """The navigation's "Deals (2)" badge: deals waiting for this user's answer or
        signature."""
        from ui.pages.deals import deals_needing_me

        try:
            waiting = await deals_needing_me(self.ctx)
        except Exception:  # no session yet, or a closed store at shutdown
            return self.deals_waiting
        if not isValid(self):
            return waiting
        self.deals_waiting = waiting
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == "deals":
                item.setText(self.tr("Deals ({n})").format(n=waiting) if waiting > 0
                             else self.tr("Deals"))
                item.setToolTip(self.tr("%Ln deal(s) waiting for your answer or signature", "",
                                        waiting) if waiting > 0
                                else self.tr("Negotiate and sign orders"))
        return waiting

    def set_unread_badge(self, unread: int) -> None:
        """The navigation's "Messages (3)" badge."""
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == "messages":
                item.setText(self.tr("Messages ({n})").format(n=unread) if unread > 0
                             else self.tr("Messages"))
                item.setToolTip(self.tr("{n} unread messages").format(n=unread) if unread > 0
                                else self.tr("Chat with exhibitors and buyers"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None and handle is not self._filtered_window:
            if self._filtered_window is not None:
                self._filtered_window.removeEventFilter(self)
            handle.installEventFilter(self)
            self._filtered_window = handle
        if self._pending_splitters:
            # after the first layout: restoring into an unsized splitter squeezes panes
            pending, self._pending_splitters = self._pending_splitters, {}
            splitters = self._splitters()
            self.centralWidget().layout().activate()  # type: ignore[union-attr]
            for key, val in pending.items():
                if key in splitters:
                    splitters[key].restoreState(val)
                else:  # its page is not built yet: when it is
                    self._pending_splitters[key] = val

    def save_state(self) -> None:
        s = self._qsettings()
        if s is None:
            return
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        for key, splitter in self._splitters().items():
            s.setValue(f"splitters/{key}", splitter.saveState())
        search = self.pages.built("search")
        if search is not None:
            s.setValue("search/view", search.stack.currentIndex())  # type: ignore[attr-defined]
        s.sync()

    def _splitters(self) -> dict[str, Any]:
        """The splitters of the pages built so far (SPLITTER_PAGES)."""
        return {
            key: page.splitter  # type: ignore[attr-defined]
            for key in SPLITTER_PAGES
            if (page := self.pages.built(key)) is not None
        }

    def close_for_real(self) -> None:
        """Close without asking the wiring (used when the app is already shutting down)."""
        self._closing_for_real = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if not self._closing_for_real:
            self.quit_requested.emit()
        event.accept()


def _page(ctx: UiContext, window: MainWindow, module: str, cls: str) -> Callable[[], QWidget]:
    """A page factory that imports ``ui.pages.<module>`` when the page is first shown
    (each page module costs 20–55 ms to import at start-up)."""
    def build() -> QWidget:
        page_class = getattr(_page_module(module), cls)
        page: QWidget = page_class(ctx, window)
        return page

    return build


def _page_module(name: str) -> ModuleType:
    """The page module ``ui.pages.<name>``, imported now. The imports are spelled out (not
    ``importlib``) so that the bundler (PyInstaller) sees every page module."""
    if name == "search":
        from ui.pages import search

        return search
    if name == "shortlist":
        from ui.pages import shortlist

        return shortlist
    if name == "messages":
        from ui.pages import messages

        return messages
    if name == "deals":
        from ui.pages import deals

        return deals
    if name == "cards":
        from ui.pages import cards

        return cards
    if name == "booth":
        from ui.pages import booth

        return booth
    if name == "product":
        from ui.pages import product

        return product
    if name == "workspace":
        from ui.pages import workspace

        return workspace
    if name == "catalog_editor":
        from ui.pages import catalog_editor

        return catalog_editor
    if name == "booth_editor":
        from ui.pages import booth_editor

        return booth_editor
    if name == "leads":
        from ui.pages import leads

        return leads
    raise KeyError(name)
