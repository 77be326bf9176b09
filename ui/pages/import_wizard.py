"""The spreadsheet import (exhibitor staff): a QWizard over app.spreadsheet.

1. Choose a CSV or XLSX file (or save the template to start from).
2. Map the file's columns to the product fields (guessed from the headers, English or
   Chinese; one combo per field).
3. The dry run: a report per row (row, column, problem), filterable to the errors.
   Nothing is imported while errors remain: fix the file and check it again.
4. The import: ONE all-or-nothing ``product.import`` queued locally, its progress and
   the result (applied, or the server's per-row errors).
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app import spreadsheet
from ui.asyncutil import spawn
from ui.context import UiContext
from ui.pages.workspace import Col, RecordTableModel, sorted_view, workspace_service
from ui.problems import tr_error, tr_text
from ui.widgets import label, table_view

log = logging.getLogger("fairdesk.ui")

Row = dict[str, Any]
FILE_FILTER = "*.xlsx *.csv"


def _error_style(widget: QWidget) -> None:
    widget.setStyleSheet("color: #b42318;")


class FilePage(QWizardPage):
    """Choose the file (read at once, with progress) or save the template."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Choose a spreadsheet"))
        self.setSubTitle(self.tr(
            "A CSV or Excel (.xlsx) file with one product per row and the column names in "
            "the first row. Not sure how to start? Save the template and fill it in."))
        self.path = QLineEdit(self)
        self.path.setObjectName("import-path")
        self.path.setReadOnly(True)
        self.path.setAccessibleName(self.tr("The chosen file"))
        self.path.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose file…"), self)
        self.choose_button.setObjectName("import-choose")
        self.choose_button.clicked.connect(self.choose)
        self.template_xlsx = QPushButton(self.tr("Save the Excel template…"), self)
        self.template_xlsx.clicked.connect(lambda: self.save_template("xlsx"))
        self.template_csv = QPushButton(self.tr("Save the CSV template…"), self)
        self.template_csv.clicked.connect(lambda: self.save_template("csv"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = label("", "", self, wrap=True)
        self.status.setObjectName("import-file-status")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose_button)
        tpl = QHBoxLayout()
        tpl.addWidget(self.template_xlsx)
        tpl.addWidget(self.template_csv)
        tpl.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addStretch(1)
        lay.addWidget(label(self.tr("Templates"), "section", self))
        lay.addLayout(tpl)

    def isComplete(self) -> bool:
        return self.wiz.table is not None and not self.wiz.reading

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a spreadsheet"), "",
            self.tr("Spreadsheets ({patterns})").format(patterns=FILE_FILTER))
        if path:
            self.wiz.task = spawn(self.wiz.load_file(Path(path)), "import-read")

    def save_template(self, fmt: str) -> None:
        name = "fairdesk-products." + fmt
        caption = self.tr("Excel workbook (*.xlsx)") if fmt == "xlsx" else self.tr("CSV (*.csv)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the template"), name, caption)
        if path:
            self.wiz.task = spawn(self.wiz.write_template(Path(path), fmt), "import-template")


class MappingPage(QWizardPage):
    """One combo per product field: which column of the file fills it."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr(
            "Which column of your file holds each product field? The guesses come from the "
            "column names. New products need the English name (*); each column can be "
            "used once."))
        self.combos: dict[str, QComboBox] = {}
        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)

    def initializePage(self) -> None:
        table = self.wiz.table
        if table is None:
            return
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos.clear()
        headers = list(self.wiz.headers())
        guessed = self.wiz.mapping or dict(spreadsheet.guess_mapping(headers))
        for key, caption in self.wiz.target_fields():
            combo = QComboBox(self.form_host)
            combo.setObjectName(f"map-{key}")
            combo.setAccessibleName(caption)
            combo.addItem(self.tr("(not imported)"), -1)
            for i, h in enumerate(headers):
                combo.addItem(f"{spreadsheet.column_letter(i)}: {h}" if h else
                              spreadsheet.column_letter(i), i)
            chosen = guessed.get(key)
            if chosen is not None:
                i = combo.findData(int(chosen))
                if i >= 0:
                    combo.setCurrentIndex(i)
            combo.setToolTip(self.wiz.field_help(key))
            sample = label("", "muted", self.form_host)
            sample.setMinimumWidth(160)
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, s=sample: self._changed(c, s))
            self._changed(combo, sample)
            self.combos[key] = combo
            row = QHBoxLayout()
            row.addWidget(combo, 1)
            row.addWidget(sample)
            self.form.addRow(caption + (" *" if key == "name_en" else ""), row)
        self.completeChanged.emit()

    def _changed(self, combo: QComboBox, sample: QLabel) -> None:
        """Show the first product row's value of the chosen column (what will be read)."""
        col = combo.currentData()
        rows = getattr(self.wiz.table, "rows", None) or []
        value = ""
        if isinstance(col, int) and col >= 0 and rows and col < len(rows[0]):
            v = rows[0][col]
            value = "" if v is None else str(v)
        if len(value) > 40:
            value = value[:39] + "…"
        sample.setText(self.tr("e.g. {value}").format(value=value) if value else "")
        self.completeChanged.emit()

    def mapping(self) -> dict[str, int]:
        return {k: int(c.currentData()) for k, c in self.combos.items()
                if c.currentData() is not None and int(c.currentData()) >= 0}

    def isComplete(self) -> bool:
        m = self.mapping()
        used = list(m.values())
        # a name for new products, or the ids of products to update; a column used once
        return ("name_en" in m or "id" in m) and len(used) == len(set(used))

    def validatePage(self) -> bool:
        self.wiz.mapping = self.mapping()
        return True


class CheckPage(QWizardPage):
    """The dry run: what would be created or updated, and every problem per row."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Check"))
        self.setSubTitle(self.tr(
            "Nothing is imported yet. Every row is checked; fix the problems in your file, "
            "save it and check again."))
        self.summary = label("", "", self, wrap=True)
        self.summary.setObjectName("import-summary")
        self.errors_only = QCheckBox(self.tr("Show only rows with problems"), self)
        self.errors_only.setObjectName("import-errors-only")
        self.errors_only.setChecked(True)
        self.errors_only.toggled.connect(lambda _c: self.show_rows())
        self.recheck = QPushButton(self.tr("Check the file again"), self)
        self.recheck.setObjectName("import-recheck")
        self.recheck.clicked.connect(self._recheck)
        self.model = RecordTableModel([
            Col(self.tr("Row"), lambda r: str(r.get("row") or ""), key=lambda r: int(r.get("row") or 0),
                right=True),
            Col(self.tr("Column"), lambda r: str(r.get("column") or "")),
            Col(self.tr("Problem"), lambda r: str(r.get("problem") or "")),
        ], self)
        self.table = table_view(self)
        self.table.setObjectName("import-report")
        self.table.setAccessibleName(self.tr("Problems found, by row"))
        self.proxy = sorted_view(self.model, self.table)
        bar = QHBoxLayout()
        bar.addWidget(self.errors_only)
        bar.addStretch(1)
        bar.addWidget(self.recheck)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)

    def initializePage(self) -> None:
        self.wiz.task = spawn(self.wiz.run_check(), "import-check")

    def _recheck(self) -> None:
        self.wiz.task = spawn(self.wiz.recheck(), "import-recheck")

    def show_rows(self) -> None:
        report = self.wiz.report
        if report is None:
            self.model.set_rows([])
            return
        rows = list(self.wiz.report_rows())
        if self.errors_only.isChecked():
            rows = [r for r in rows if r.get("problem_kind") == "error"]
        self.model.set_rows(rows)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)

    def isComplete(self) -> bool:
        return self.wiz.report is not None and self.wiz.error_count() == 0 and self.wiz.product_count() > 0


class RunPage(QWizardPage):
    """The import itself: queued as one mutation, then its result."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr(
            "All products are imported together, or none: if the fair refuses a row, "
            "nothing changes."))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("import-progress")
        self.progress.setRange(0, 0)
        self.status = label("", "", self, wrap=True)
        self.status.setObjectName("import-status")
        self.model = RecordTableModel([
            Col(self.tr("Row"), lambda r: str(r.get("row") or ""), key=lambda r: int(r.get("row") or 0),
                right=True),
            Col(self.tr("Column"), lambda r: str(r.get("column") or r.get("field") or "")),
            Col(self.tr("Problem"), lambda r: str(r.get("problem") or "")),
        ], self)
        self.table = table_view(self)
        self.table.setObjectName("import-server-errors")
        self.proxy = sorted_view(self.model, self.table)
        self.table.hide()
        lay = QVBoxLayout(self)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.table, 1)
        lay.addStretch(0)

    def initializePage(self) -> None:
        self.wiz.done_importing = False
        self.wiz.task = spawn(self.wiz.run_import(), "import-run")

    def isComplete(self) -> bool:
        return self.wiz.done_importing


class ImportWizard(QWizard):
    """File → column mapping → dry run → import."""

    PAGE_FILE, PAGE_MAPPING, PAGE_CHECK, PAGE_RUN = range(4)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("import-wizard")
        self.setWindowTitle(self.tr("Import products from a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.path: Path | None = None
        self.table: Any = None
        self.reading = False
        self.mapping: dict[str, int] | None = None
        self.report: Any = None
        self.done_importing = False
        self.import_result: Any = None
        self.import_seq: int | None = None
        self.task: asyncio.Task[Any] | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.run_page = RunPage(self)
        self.setPage(self.PAGE_FILE, self.file_page)
        self.setPage(self.PAGE_MAPPING, self.mapping_page)
        self.setPage(self.PAGE_CHECK, self.check_page)
        self.setPage(self.PAGE_RUN, self.run_page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.check_page.setCommitPage(True)
        self.resize(760, 540)

    async def wait_checked(self) -> Any:
        """Wait for the step running in the background (reading, checking, importing)."""
        task = self.task
        if task is not None:
            return await asyncio.shield(task)
        return None

    # -- adapters over app.spreadsheet (the one place that knows its names)
    def headers(self) -> list[str]:
        return [str(h) for h in getattr(self.table, "headers", []) or []]

    def target_fields(self) -> list[tuple[str, str]]:
        zh = self.ctx.lang == "zh_CN"
        return [(f.field, f.label_zh if zh else f.label_en) for f in spreadsheet.IMPORT_FIELDS]

    def field_help(self, key: str) -> str:
        zh = self.ctx.lang == "zh_CN"
        f = next((f for f in spreadsheet.IMPORT_FIELDS if f.field == key), None)
        return "" if f is None else (f.help_zh if zh else f.help_en)

    def column_caption(self, problem: Any) -> str:
        """The report's column of a problem: the file's header in English, the field's
        Chinese label in the Chinese UI."""
        column = str(getattr(problem, "column", None) or "")
        if column and self.ctx.lang == "zh_CN":
            field = getattr(problem, "field", None)
            f = next((f for f in spreadsheet.IMPORT_FIELDS if f.field == field), None)
            if f is not None:
                return f.label_zh
        return column

    def report_rows(self) -> list[Row]:
        """One line per problem (translated), and one per good row saying what it would do."""
        rep = self.report
        out: list[Row] = []
        for r in getattr(rep, "rows", []) or []:
            if r.problems:
                for p in r.problems:
                    out.append({"row": p.row, "column": self.column_caption(p),
                                "problem": tr_text(p.problem), "problem_kind": "error"})
            elif r.action == "update":
                out.append({"row": r.row, "column": "", "problem_kind": "ok",
                            "problem": self.tr("Updates product {id}: {name}").format(
                                id=r.product_id, name=r.name)})
            else:
                out.append({"row": r.row, "column": "", "problem_kind": "ok",
                            "problem": self.tr("New product: {name}").format(name=r.name)})
        listed = {(x["row"], x["column"], x["problem"]) for x in out}
        for p in getattr(rep, "problems", []) or []:  # problems of the sheet, not of a row
            line = {"row": p.row, "column": self.column_caption(p), "problem": tr_text(p.problem),
                    "problem_kind": "error"}
            if (line["row"], line["column"], line["problem"]) not in listed:
                out.append(line)
        return out

    def error_count(self) -> int:
        return len(getattr(self.report, "problems", []) or [])

    def product_count(self) -> int:
        return len(getattr(self.report, "products", []) or [])

    # -- steps
    async def load_file(self, path: Path) -> bool:
        page = self.file_page
        self.path = path
        page.path.setText(str(path))
        self.table = None
        self.mapping = None
        self.report = None
        self.reading = True
        page.completeChanged.emit()
        page.progress.setValue(0)
        page.progress.show()
        page.status.setStyleSheet("")
        page.status.setText(self.tr("Reading {name}…").format(name=path.name))
        loop = asyncio.get_running_loop()

        def progress(done: int, total: int | None = None) -> None:
            if total:
                value = int(100 * done / max(1, total))
                loop.call_soon_threadsafe(page.progress.setValue, value)

        try:
            table = await workspace_service(self.ctx).read_spreadsheet(path, progress)
        except (ValueError, OSError) as exc:
            self.reading = False
            page.progress.hide()
            _error_style(page.status)
            page.status.setText(tr_error(exc))
            page.completeChanged.emit()
            return False
        self.reading = False
        self.table = table
        page.progress.setValue(100)
        page.progress.hide()
        page.status.setText(self.tr("{rows} rows and {cols} columns read from {name}.").format(
            rows=len(table.rows), cols=len(self.headers()), name=path.name))
        page.completeChanged.emit()
        return True

    async def write_template(self, dest: Path, fmt: str) -> bool:
        page = self.file_page
        try:
            path = await workspace_service(self.ctx).write_template(dest, fmt)
        except (OSError, ValueError) as exc:
            _error_style(page.status)
            page.status.setText(tr_error(exc))
            return False
        page.status.setStyleSheet("")
        page.status.setText(self.tr("Template saved as {path}. Fill it in, save it, then choose it here.")
                            .format(path=path))
        return True

    async def run_check(self) -> Any:
        page = self.check_page
        page.summary.setStyleSheet("")
        page.summary.setText(self.tr("Checking…"))
        self.report = None
        page.show_rows()
        page.completeChanged.emit()
        try:
            report = await workspace_service(self.ctx).dry_run(self.table, dict(self.mapping or {}))
        except ValueError as exc:
            _error_style(page.summary)
            page.summary.setText(tr_error(exc))
            return None
        self.report = report
        errors = self.error_count()
        products = self.product_count()
        if errors:
            _error_style(page.summary)
            bad_rows = len({p.row for p in report.problems})
            page.summary.setText(self.tr(
                "{errors} problems in {rows} rows. Nothing will be imported until they are "
                "fixed: correct the file, save it, then press “Check the file again”.").format(
                    errors=errors, rows=bad_rows))
        elif products == 0:
            _error_style(page.summary)
            page.summary.setText(self.tr("The file has no product rows."))
        else:
            page.summary.setText(self.tr(
                "No problems found: {created} new products and {updated} updates are ready "
                "to import.").format(created=len(report.creates), updated=len(report.updates)))
        page.show_rows()
        page.completeChanged.emit()
        return report

    async def recheck(self) -> Any:
        """Read the (fixed) file again and run the check with the same column mapping."""
        if self.path is None:
            return None
        mapping = self.mapping
        if not await self.load_file(self.path):
            self.check_page.summary.setText(self.file_page.status.text())
            _error_style(self.check_page.summary)
            return None
        if mapping is not None and all(c < len(self.headers()) for c in mapping.values()):
            self.mapping = mapping
        else:  # the columns changed: guess again
            self.mapping = dict(spreadsheet.guess_mapping(self.headers()))
        return await self.run_check()

    async def run_import(self) -> Any:
        page = self.run_page
        page.progress.setRange(0, 0)
        page.progress.show()
        page.table.hide()
        page.status.setStyleSheet("")
        page.status.setText(self.tr("Importing {n} products…").format(n=self.product_count()))
        svc = workspace_service(self.ctx)
        try:
            seq = await svc.import_products(self.report)
        except ValueError as exc:
            page.progress.hide()
            _error_style(page.status)
            page.status.setText(tr_error(exc))
            self.done_importing = True
            page.completeChanged.emit()
            return None
        self.import_seq = seq
        return await self.follow_import(seq)

    async def follow_import(self, seq: int) -> Any:
        """Show the queued import's state until the server's answer is here (or the
        wizard closes): waiting (offline: sent with the next sync), applied, rejected."""
        svc = workspace_service(self.ctx)
        shown = None
        while True:
            entry = next((i for i in await svc.imports() if i.get("seq") == seq), None)
            state = (entry or {}).get("state")
            if state != shown:
                shown = state
                self._show_result(entry)
            if state in ("applied", "rejected") or not self.isVisible():
                self.import_result = entry
                return entry
            await asyncio.sleep(0.3)

    def _show_result(self, entry: Row | None) -> None:
        page = self.run_page
        state = (entry or {}).get("state")
        n = self.product_count()
        if state in (None, "waiting", "sent", "pending"):
            page.progress.setRange(0, 0)
            if self.ctx.is_online():
                page.status.setText(self.tr("Sending {n} products to the fair…").format(n=n))
            else:
                page.status.setText(self.tr(
                    "The import is saved on this PC and is sent with the next sync: all "
                    "{n} products together, or none.").format(n=n))
            # closing is fine now: the import waits in the outbox
            self.done_importing = True
        else:
            page.progress.setRange(0, 1)
            page.progress.setValue(1)
            self.done_importing = True
            if state == "applied":
                page.status.setStyleSheet("")
                page.status.setText(self.tr(
                    "Imported: {created} new products and {updated} updated are in your "
                    "catalog.").format(created=len((entry or {}).get("created") or []),
                                       updated=len((entry or {}).get("updated") or [])))
            else:
                errors = list((entry or {}).get("errors") or [])
                _error_style(page.status)
                reason = str((entry or {}).get("reason") or "")
                page.status.setText(self.tr(
                    "The fair refused the import, so nothing was changed. {reason}").format(
                        reason=reason).strip())
                page.model.set_rows([dict(e) for e in errors if isinstance(e, dict)])
                page.table.setVisible(bool(errors))
        page.completeChanged.emit()
