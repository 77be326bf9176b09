"""The booth editor (exhibitor staff): the company profile in English and Chinese,
country, city, founded, employees, the logo and the banner with a preview, and the
exhibition sections the booth belongs to (1 to 5). Saved local-first like every edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.catalog import as_list, localized
from ui.asyncutil import spawn
from ui.context import UiContext
from ui.images import company_key
from ui.pages.catalog_editor import IMAGE_FILTER, image_thumb
from ui.pages.workspace import workspace_service
from ui.problems import tr_error
from ui.widgets import label, show_message

Row = dict[str, Any]
LOGO = QSize(90, 90)
BANNER = QSize(300, 100)
MAX_SECTIONS = 5


class BoothEditorPage(QWidget):
    loaded = Signal()
    saved = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-booth-editor")
        self.setAccessibleName(self.tr("Booth editor"))
        self.company: Row | None = None
        self.logo_path: Path | None = None
        self.banner_path: Path | None = None
        self.remove_logo = False
        self.remove_banner = False

        self.title = label(self.tr("Your booth"), "title", self)
        self.intro = label(self.tr(
            "What buyers see on your booth page. Changes are saved on this PC at once and "
            "reach the fair with the next sync."), "muted", self, wrap=True)

        def line(name: str, max_len: int) -> QLineEdit:
            e = QLineEdit(self)
            e.setMaxLength(max_len)
            e.setAccessibleName(name)
            return e

        self.name_en = line(self.tr("Company name (English)"), 300)
        self.name_en.setObjectName("booth-name_en")
        self.name_zh = line(self.tr("Company name (Chinese)"), 300)
        self.name_zh.setObjectName("booth-name_zh")
        # older booths may hold a country name ("China"): shown as it is, and only a
        # changed value must be a two-letter code
        self.country = line(self.tr("Country (two letters)"), 60)
        self.country.setObjectName("booth-country")
        self.country.setPlaceholderText("CN")
        self.country.setMaximumWidth(110)
        self.city = line(self.tr("City"), 200)
        self.city.setObjectName("booth-city")
        self.founded = QSpinBox(self)
        self.founded.setObjectName("booth-founded")
        self.founded.setAccessibleName(self.tr("Founded"))
        self.founded.setRange(1699, 2100)
        self.founded.setSpecialValueText(self.tr("not given"))
        self.employees = QSpinBox(self)
        self.employees.setObjectName("booth-employees")
        self.employees.setAccessibleName(self.tr("Employees"))
        self.employees.setRange(-1, 10_000_000)
        self.employees.setSpecialValueText(self.tr("not given"))
        self.profile_en = QPlainTextEdit(self)
        self.profile_en.setObjectName("booth-profile_en")
        self.profile_en.setAccessibleName(self.tr("Company profile (English)"))
        self.profile_zh = QPlainTextEdit(self)
        self.profile_zh.setObjectName("booth-profile_zh")
        self.profile_zh.setAccessibleName(self.tr("Company profile (Chinese)"))
        for e in (self.profile_en, self.profile_zh):
            e.setMinimumHeight(80)

        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name (English)"), self.name_en)
        form.addRow(self.tr("Name (Chinese)"), self.name_zh)
        place = QHBoxLayout()
        place.addWidget(self.country)
        place.addSpacing(12)
        place.addWidget(label(self.tr("City"), "muted", self))
        place.addWidget(self.city, 1)
        form.addRow(self.tr("Country"), place)
        nums = QHBoxLayout()
        nums.addWidget(self.founded)
        nums.addSpacing(24)
        nums.addWidget(label(self.tr("Employees"), "muted", self))
        nums.addWidget(self.employees)
        nums.addStretch(1)
        form.addRow(self.tr("Founded"), nums)
        form.addRow(self.tr("Profile (English)"), self.profile_en)
        form.addRow(self.tr("Profile (Chinese)"), self.profile_zh)

        # logo and banner
        self.logo = QLabel(self)
        self.logo.setObjectName("booth-logo-preview")
        self.logo.setAccessibleName(self.tr("Logo preview"))
        self.logo.setFixedSize(LOGO)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner = QLabel(self)
        self.banner.setObjectName("booth-banner-preview")
        self.banner.setAccessibleName(self.tr("Banner preview"))
        self.banner.setFixedSize(BANNER)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (self.logo, self.banner):
            w.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_button = QPushButton(self.tr("Choose logo…"), self)
        self.logo_button.clicked.connect(lambda: self.choose_image("logo"))
        self.logo_remove = QPushButton(self.tr("Remove"), self)
        self.logo_remove.setObjectName("booth-logo-remove")
        self.logo_remove.clicked.connect(lambda: self.clear_image("logo"))
        self.banner_button = QPushButton(self.tr("Choose banner…"), self)
        self.banner_button.clicked.connect(lambda: self.choose_image("banner"))
        self.banner_remove = QPushButton(self.tr("Remove"), self)
        self.banner_remove.setObjectName("booth-banner-remove")
        self.banner_remove.clicked.connect(lambda: self.clear_image("banner"))
        images = QGridLayout()
        images.addWidget(label(self.tr("Logo (square)"), "muted", self), 0, 0)
        images.addWidget(label(self.tr("Banner (3 : 1, shown across the booth page)"), "muted", self), 0, 1)
        images.addWidget(self.logo, 1, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        images.addWidget(self.banner, 1, 1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        lb = QHBoxLayout()
        lb.addWidget(self.logo_button)
        lb.addWidget(self.logo_remove)
        lb.addStretch(1)
        bb = QHBoxLayout()
        bb.addWidget(self.banner_button)
        bb.addWidget(self.banner_remove)
        bb.addStretch(1)
        images.addLayout(lb, 2, 0)
        images.addLayout(bb, 2, 1)
        images.setColumnStretch(2, 1)

        # sections
        self.sections = QListWidget(self)
        self.sections.setObjectName("booth-sections")
        self.sections.setAccessibleName(self.tr("Sections the booth belongs to"))
        self.sections.setMinimumHeight(100)
        self.sections.setSpacing(1)
        self.sections.itemChanged.connect(lambda _i: self._sections_changed())
        self.sections_note = label("", "muted", self, wrap=True)

        self.conflict_note = QPushButton(self)
        self.conflict_note.setObjectName("booth-conflict")
        self.conflict_note.setText(self.tr(
            "A booth change of yours was not accepted. Nothing was overwritten: compare and "
            "decide…"))
        self.conflict_note.setStyleSheet(
            "QPushButton#booth-conflict { background: #fdf3e1; border: 1px solid #e8c98f;"
            " border-radius: 6px; color: #5a3d0a; padding: 6px 10px; text-align: left; }")
        self.conflict_note.clicked.connect(lambda: self.ctx.navigate("catalog", "conflicts"))
        self.conflict_note.hide()
        self.error = label("", "", self, wrap=True)
        self.error.setObjectName("booth-error")
        self.error.setStyleSheet("color: #b42318;")
        self.error.hide()
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("booth-save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_clicked)
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.revert_button.clicked.connect(self.refresh)
        self.view_button = QPushButton(self.tr("See it as a buyer"), self)
        self.view_button.clicked.connect(self._view_booth)

        left = QVBoxLayout()
        left.addLayout(form)
        right = QVBoxLayout()
        right.addWidget(label(self.tr("Logo and banner"), "section", self))
        right.addLayout(images)
        right.addWidget(label(self.tr("Exhibition sections"), "section", self))
        right.addWidget(self.sections_note)
        right.addWidget(self.sections, 1)
        cols = QHBoxLayout()
        cols.setSpacing(24)
        cols.addLayout(left, 3)
        cols.addLayout(right, 2)
        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(16, 10, 16, 12)
        lay.addWidget(self.title)
        lay.addWidget(self.intro)
        lay.addWidget(self.conflict_note)
        lay.addLayout(cols, 1)
        lay.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.view_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        lay.addLayout(buttons)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        ctx.images.image_ready.connect(self._on_image)

    def page_title(self) -> str:
        return self.tr("Booth editor")

    def activate(self, arg: object = None) -> None:
        self.refresh()

    def refresh(self) -> None:
        spawn(self.reload(), "booth-editor-reload")

    async def reload(self) -> None:
        company = await workspace_service(self.ctx).company()
        if company and not (company.get("name_en") or company.get("name_zh")):
            company = None  # a stub until the directory brings the booth
        self.company = company
        self.logo_path = self.banner_path = None
        self.remove_logo = self.remove_banner = False
        self.show_error("")
        c = company or {}
        self.name_en.setText(str(c.get("name_en") or ""))
        self.name_zh.setText(str(c.get("name_zh") or ""))
        self.country.setText(str(c.get("country") or ""))
        self.city.setText(str(c.get("city") or ""))
        self.founded.setValue(int(c.get("founded") or self.founded.minimum()))
        self.employees.setValue(int(c["employees"]) if c.get("employees") is not None else -1)
        self.profile_en.setPlainText(str(c.get("profile_en") or ""))
        self.profile_zh.setPlainText(str(c.get("profile_zh") or ""))
        self.title.setText(localized(c, "name", self.ctx.lang) if c else self.tr("Your booth"))
        for w in (self.save_button, self.revert_button, self.view_button):
            w.setEnabled(company is not None)
        if company is None:
            self.intro.setText(self.tr(
                "Your company's data has not arrived yet: it downloads with the next sync."))
        self.conflict_note.setVisible(bool(c.get("conflict")))
        await self._load_sections(c)
        self._show_images()
        self.loaded.emit()

    async def _load_sections(self, c: Row) -> None:
        lang = self.ctx.lang
        chosen = [int(x) for x in as_list(c.get("section_ids"))]
        if not chosen and c.get("main_section_id"):
            chosen = [int(c["main_section_id"])]
        cats = {int(k["id"]): localized(k, "name", lang) for k in await self.ctx.catalog.categories()}
        sections = await self.ctx.catalog.sections()
        self.sections.blockSignals(True)
        self.sections.clear()
        for s in sorted(sections, key=lambda s: (int(s.get("category_id") or 0), int(s.get("position") or 0))):
            cat = cats.get(int(s.get("category_id") or 0), "")
            item = QListWidgetItem(f"{cat} › {localized(s, 'name', lang)}" if cat else localized(s, "name", lang))
            item.setData(Qt.ItemDataRole.UserRole, int(s["id"]))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if int(s["id"]) in chosen else Qt.CheckState.Unchecked)
            self.sections.addItem(item)
        self.sections.blockSignals(False)
        self._sections_changed()

    def section_ids(self) -> list[int]:
        """The checked sections; the booth's main section first when still checked."""
        ids = [int(self.sections.item(i).data(Qt.ItemDataRole.UserRole))
               for i in range(self.sections.count())
               if self.sections.item(i).checkState() == Qt.CheckState.Checked]
        main = int((self.company or {}).get("main_section_id") or 0)
        if main in ids:
            ids.remove(main)
            ids.insert(0, main)
        return ids

    def _sections_changed(self) -> None:
        n = len(self.section_ids())
        self.sections_note.setText(self.tr(
            "{n} of at most 5 chosen. Buyers find your booth in these sections.").format(n=n))

    # -- images
    def _show_images(self) -> None:
        c = self.company or {}
        cid = int(c.get("id") or 0)
        name = str(c.get("name_en") or c.get("name_zh") or "")
        images = self.ctx.images
        # the logo
        pix: QPixmap | None = None
        if self.logo_path is not None:
            pix = image_thumb(str(self.logo_path), LOGO.width() * 2)
        elif c.get("pending_logo") and not self.remove_logo:  # saved here, not uploaded yet
            pix = image_thumb(str(c["pending_logo"]), LOGO.width() * 2)
        elif c.get("has_logo") and not self.remove_logo and cid:
            key = company_key(cid, "logo", "thumb", c.get("version"))
            pix = images.cached(key)
            if pix is None:
                images.request(key)
        self.logo.setPixmap(
            pix.scaled(LOGO, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            if pix is not None and not pix.isNull() else images.initials(LOGO, name))
        self.logo_remove.setEnabled(self.logo_path is not None or (
            bool(c.get("has_logo") or c.get("pending_logo")) and not self.remove_logo))
        # the banner
        bpix: QPixmap | None = None
        if self.banner_path is not None:
            bpix = image_thumb(str(self.banner_path), BANNER.width() * 2)
        elif c.get("pending_banner") and not self.remove_banner:
            bpix = image_thumb(str(c["pending_banner"]), BANNER.width() * 2)
        elif c.get("has_banner") and not self.remove_banner and cid:
            key = company_key(cid, "banner", "full", c.get("version"))
            bpix = images.cached(key)
            if bpix is None:
                images.request(key)
        if bpix is not None and not bpix.isNull():
            self.banner.setPixmap(bpix.scaled(BANNER, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
        else:
            self.banner.setPixmap(QPixmap())
            self.banner.setText(self.tr("No banner"))
        self.banner_remove.setEnabled(self.banner_path is not None or (
            bool(c.get("has_banner") or c.get("pending_banner")) and not self.remove_banner))

    def _on_image(self, key: str) -> None:
        if self.company and key.startswith(f"company/{int(self.company.get('id') or 0)}/"):
            self._show_images()

    def choose_image(self, which: str) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo") if which == "logo" else self.tr("Choose the banner"),
            "", self.tr("Images ({patterns})").format(patterns=IMAGE_FILTER))
        if path:
            self.set_image(which, Path(path))

    def set_image(self, which: str, path: Path) -> bool:
        if image_thumb(str(path), 64).isNull():
            self.show_error(self.tr("{name} is not an image that can be used (JPEG, PNG or WebP).")
                            .format(name=path.name))
            return False
        self.show_error("")
        if which == "logo":
            self.logo_path, self.remove_logo = path, False
        else:
            self.banner_path, self.remove_banner = path, False
        self._show_images()
        return True

    def clear_image(self, which: str) -> None:
        if which == "logo":
            self.logo_path, self.remove_logo = None, True
        else:
            self.banner_path, self.remove_banner = None, True
        self._show_images()

    # -- save
    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def values(self) -> Row:
        name_en = self.name_en.text().strip()
        if not name_en:
            raise ValueError(self.tr("The English company name is required."))
        old_country = str((self.company or {}).get("country") or "")
        country = self.country.text().strip()
        if country == old_country:
            country = ""  # unchanged: not sent
        else:
            country = country.upper()
            if len(country) != 2 or not country.isalpha() or not country.isascii():
                raise ValueError(self.tr("The country is a two-letter code such as CN or DE."))
        ids = self.section_ids()
        if not 1 <= len(ids) <= MAX_SECTIONS:
            raise ValueError(self.tr("Choose between 1 and 5 exhibition sections."))
        fields: Row = {
            "name_en": name_en,
            "name_zh": self.name_zh.text().strip(),
            "city": self.city.text().strip(),
            "profile_en": self.profile_en.toPlainText().strip(),
            "profile_zh": self.profile_zh.toPlainText().strip(),
            "section_ids": ids,
        }
        if country:
            fields["country"] = country
        if self.founded.value() >= 1700:
            fields["founded"] = self.founded.value()
        if self.employees.value() >= 0:
            fields["employees"] = self.employees.value()
        if self.remove_logo:
            fields["logo_attachment_id"] = None
        if self.remove_banner:
            fields["banner_attachment_id"] = None
        old = self.company or {}
        return {k: v for k, v in fields.items()
                if k in ("logo_attachment_id", "banner_attachment_id", "section_ids")
                or v != (old.get(k) if old.get(k) is not None else ("" if isinstance(v, str) else None))}

    def save_clicked(self) -> None:
        try:
            fields = self.values()
        except ValueError as exc:
            self.show_error(tr_error(exc))
            return
        self.show_error("")
        spawn(self.save(fields, self.logo_path, self.banner_path), "booth-save")

    async def save(self, fields: Row, logo: Path | None, banner: Path | None) -> bool:
        self.save_button.setEnabled(False)
        try:
            await workspace_service(self.ctx).update_booth(fields, logo=logo, banner=banner)
        except ValueError as exc:
            self.show_error(tr_error(exc))
            return False
        except OSError as exc:
            show_message(self, self.tr("Booth not saved"), tr_error(exc))
            return False
        finally:
            self.save_button.setEnabled(True)
        window = self.window()
        bar = getattr(window, "status", None)
        if bar is not None and hasattr(bar, "showMessage"):
            bar.showMessage(self.tr("Booth saved; it reaches the fair with the next sync."), 8000)
        await self.reload()
        self.saved.emit()
        return True

    def _view_booth(self) -> None:
        if self.company:
            self.ctx.navigate("booth", int(self.company["id"]))
