"""The Fair page: categories -> exhibition sections (a tree) beside the booths of a section."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.catalog import Row, bilingual, format_bytes
from ui.asyncutil import spawn
from ui.context import UiContext
from ui.images import company_key, key_parts
from ui.models import ROW_ROLE, DirectoryTreeModel, LazyRowModel, company_columns
from ui.widgets import label, table_view


class FairPage(QWidget):
    """Browse the booth directory; follow sections to keep their products offline."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-fair")
        self.setAccessibleName(self.tr("Fair"))
        self._section: Row | None = None

        self.tree_model = DirectoryTreeModel(ctx.lang, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("fair-directory")
        self.tree.setAccessibleName(self.tr("Categories and exhibition sections"))
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setMinimumWidth(220)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)

        self.title = label(self.tr("Choose an exhibition section"), "title", self)
        self.subtitle = label("", "subtitle", self, wrap=True)
        self.follow_button = QPushButton(self.tr("Follow section"), self)
        self.follow_button.setAccessibleName(self.tr("Follow or unfollow this section"))
        self.follow_button.setEnabled(False)
        self.follow_button.clicked.connect(self._toggle_follow)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter booths by name…"))
        self.filter_edit.setAccessibleName(self.tr("Filter booths"))
        self.filter_edit.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(200)
        self._filter_timer.timeout.connect(self._reload_booths)
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())

        self.booth_model = LazyRowModel(
            company_columns(ctx.lang),
            page_size=100,
            decoration=self._logo,
            tooltip=lambda r: "\n".join(t for t in bilingual(r, "name", ctx.lang) if t),
            parent=self,
        )
        self.booths = table_view(self)
        self.booths.setObjectName("fair-booths")
        self.booths.setAccessibleName(self.tr("Booths"))
        self.booths.setModel(self.booth_model)
        self.booths.setIconSize(QSize(24, 24))
        self.booths.verticalHeader().setDefaultSectionSize(32)
        header = self.booths.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, 120)
        self.booths.activated.connect(self._open_booth)
        self.booths.doubleClicked.connect(self._open_booth)
        self.count_label = label("", "muted", self)

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(12, 4, 4, 4)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        top.addWidget(self.follow_button, 0, Qt.AlignmentFlag.AlignTop)
        rl.addLayout(top)
        rl.addWidget(self.filter_edit)
        rl.addWidget(self.booths, 1)
        rl.addWidget(self.count_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("fair-splitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([290, 800])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.splitter)

        self.booth_model.loaded.connect(self._update_count)
        ctx.changed.connect(self._on_changes)
        self._dir_timer = QTimer(self)
        self._dir_timer.setSingleShot(True)
        self._dir_timer.setInterval(400)
        self._dir_timer.timeout.connect(lambda: spawn(self.load_directory(), "fair-directory"))
        ctx.images.image_ready.connect(self._on_image)
        self._loaded_once = False
        self.directory_ready = False  # the directory was read once (tree filled or empty)
        self._cached_count: tuple[int, int] | None = None  # (section id, products cached)

    # -- data
    def page_title(self) -> str:
        return self.tr("Fair")

    def activate(self, arg: object = None) -> None:
        if not self._loaded_once:
            self._loaded_once = True
            spawn(self.load_directory(), "fair-directory")
        if isinstance(arg, int):
            self.select_section(arg)

    async def load_directory(self) -> None:
        from offline_cache import queries

        self._loaded_once = True
        self._cached_count = None  # counted again for the section shown
        categories = await self.ctx.catalog.categories()
        # without the per-section product counts (a scan of every cached product's index
        # entry): the header counts the one section shown
        sections = list(await self.ctx.store.read(queries.list_sections, None, False))
        current = self._section.get("id") if self._section else None
        self.tree_model.set_data(categories, sections)
        self.tree.expandAll()
        if current is not None:
            self.select_section(int(current))
        elif sections and not self.tree.currentIndex().isValid():
            followed = [s for s in self.tree_model.all_sections() if s.get("followed")]
            first = (followed or self.tree_model.all_sections())[0]
            self.select_section(int(first["id"]))
        self.directory_ready = True

    def select_section(self, section_id: int) -> None:
        idx = self.tree_model.section_index(section_id)
        if idx.isValid():
            self.tree.setCurrentIndex(idx)

    def _on_tree_current(self, current: QModelIndex, _prev: QModelIndex) -> None:
        item = self.tree_model.row_of(current)
        if item is None or item[0] != "section":
            return
        same = self._section is not None and self._section.get("id") == item[1].get("id")
        self._section = item[1]
        self._show_section_header()
        if not same or self.booth_model.rowCount() == 0:
            self._reload_booths()

    def _show_section_header(self) -> None:
        s = self._section
        if s is None:
            return
        first, second = bilingual(s, "name", self.ctx.lang)
        self.title.setText(first)
        info = self.tr("{booths} · {products} · about {size} to download").format(
            booths=self.tr("%Ln booth(s)", "", int(s.get("booth_count") or 0)),
            products=self.tr("%Ln product(s)", "", int(s.get("product_count") or 0)),
            size=format_bytes(s.get("est_bytes")),
        )
        if s.get("followed"):
            sid = int(s.get("id") or 0)
            known = self._cached_count
            if known is not None and known[0] == sid:
                info += " · " + self.tr("followed: %Ln product(s) available offline", "", known[1])
            else:
                spawn(self._count_cached(sid), "fair-cached-count")
        self.subtitle.setText(f"{second}\n{info}" if second else info)
        self.follow_button.setEnabled(True)
        self.follow_button.setText(
            self.tr("Unfollow section") if s.get("followed") else self.tr("Follow section")
        )

    async def _count_cached(self, section_id: int) -> None:
        n = await self.ctx.catalog.count_products(section_id=section_id)
        self._cached_count = (section_id, n)
        if self._section is not None and int(self._section.get("id") or 0) == section_id:
            self._show_section_header()

    def _reload_booths(self) -> None:
        s = self._section
        if s is None:
            return
        section_id = int(s["id"])
        text = self.filter_edit.text().strip()
        catalog = self.ctx.catalog

        async def loader(offset: int, limit: int) -> list[Row]:
            return await catalog.companies(section_id, text, offset=offset, limit=limit)

        self.booth_model.set_loader(loader)
        spawn(self._count(section_id, text), "fair-count")

    async def _count(self, section_id: int, text: str) -> None:
        self._total = await self.ctx.catalog.count_companies(section_id, text)
        self._update_count()

    def _update_count(self) -> None:
        total = getattr(self, "_total", None)
        if total is None:
            return
        self.count_label.setText(
            self.tr("{shown} of %Ln booth(s)", "", int(total)).format(shown=f"{self.booth_model.rowCount():,}")
        )

    def _logo(self, row: Row) -> QIcon | None:
        name = str(row.get("name_en") or row.get("name_zh") or "")
        images = self.ctx.images
        if row.get("has_logo"):
            key = company_key(int(row["id"]), "logo", "thumb", row.get("version"))
            pix = images.cached(key)
            if pix is not None:
                return QIcon(pix)
            images.request(key)
        return QIcon(images.initials(QSize(48, 48), name))

    def _on_image(self, key: str) -> None:
        kind, ident, which, size = key_parts(key)
        if kind == "company" and which == "logo" and size == "thumb" and ident.isdigit():
            self.booth_model.row_changed(int(ident))

    def _open_booth(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row:
            self.ctx.navigate("booth", int(row["id"]))

    def _toggle_follow(self) -> None:
        s = self._section
        if s is None:
            return
        spawn(self._set_follow(int(s["id"]), not s.get("followed")), "follow")

    async def _set_follow(self, section_id: int, follow: bool) -> None:
        self.follow_button.setEnabled(False)
        try:
            await self.ctx.follow(section_id, follow)
        finally:
            self.follow_button.setEnabled(True)
        await self.load_directory()

    def _on_changes(self, changes: Any) -> None:
        touched = set(getattr(changes, "upserted", {}) or {}) | set(
            getattr(changes, "deleted", {}) or {}
        )
        scopes = set(getattr(changes, "scopes", set()) or set())
        if self._loaded_once and (
            touched & {"category", "section"} or any(s.startswith("section:") for s in scopes)
        ):
            self._dir_timer.start()
        if "company" in touched and self._section is not None:
            self.booth_model.refresh()
