"""Catalog spreadsheets: read CSV/XLSX, map columns, dry-run, template (Qt-free).

Blocking functions (file I/O, parsing): call them off the GUI thread
(``WorkspaceService`` does, through ``asyncio.to_thread``).

Public interface::

    read_spreadsheet(path, progress=None, max_rows=MAX_ROWS) -> Sheet
        # CSV (UTF-8 with/without BOM, UTF-16 with BOM, GB18030) or XLSX (openpyxl,
        # read-only, streaming; formulas are NOT evaluated: each is a cell error).
        # SpreadsheetError (a ValueError) with a clear message for a bad file; more
        # than ``max_rows`` product rows is refused. progress(rows_read, total_or_None).
    guess_mapping(headers) -> dict[str, int]         # field -> column index (EN/ZH headers)
    dry_run(sheet, mapping, company, sections, existing=()) -> ImportReport
        # every row checked; nothing is written
    write_template(dest, fmt="xlsx") -> Path          # "xlsx" | "csv"
    IMPORT_FIELDS: tuple[ImportField, ...]           # field, label_en, label_zh, help

Row numbers are the spreadsheet's own (the header is usually row 1, the first product
row 2), so a user finds the cell a problem names.

Every message (``RowProblem.problem``, ``SpreadsheetError.args[0]``) is a
``CodedText``: the English text as a ``str`` that also carries a stable ``code``
(``"moq.not_whole"``, ``"file.empty"``) and its ``params`` for a translated UI;
``RowProblem.code`` / ``RowProblem.params`` give them directly.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from offline_cache.workspace import MAX_IMPORT_ROWS, CodedText, product_problems

__all__ = [
    "IMPORT_FIELDS",
    "MAX_ROWS",
    "CodedText",
    "ImportField",
    "ImportReport",
    "RowProblem",
    "RowResult",
    "Sheet",
    "SpreadsheetError",
    "column_letter",
    "dry_run",
    "guess_mapping",
    "read_spreadsheet",
    "write_template",
]

MAX_ROWS = MAX_IMPORT_ROWS           # product rows per file (the server's import limit)
MAX_COLUMNS = 100
MAX_SCANNED_ROWS = 50_000            # blank rows included: a sheet formatted to row 1M
MAX_CSV_BYTES = 32 * 1024 * 1024
MAX_XLSX_UNPACKED = 256 * 1024 * 1024   # a zip bomb is refused before parsing
PROGRESS_EVERY = 100

Progress = Callable[[int, int | None], None]


class SpreadsheetError(ValueError):
    """A file that cannot be read as a catalog spreadsheet (the message says why; it is
    a ``CodedText``: ``exc.args[0].code``)."""


def _msg(code: str, text: str, **params: Any) -> CodedText:
    """An English message with its code and params (see the module docstring)."""
    return CodedText(text, code, params)


@dataclass(frozen=True)
class ImportField:
    field: str
    label_en: str
    label_zh: str
    help_en: str
    help_zh: str

    @property
    def header(self) -> str:
        """The template's column header (guess_mapping recognises it)."""
        return f"{self.label_en} / {self.label_zh}"


IMPORT_FIELDS: tuple[ImportField, ...] = (
    ImportField("id", "Product ID", "产品编号",
                "Leave empty for a new product; the id of one of your products to update it.",
                "新产品留空；填写已有产品的编号则更新该产品。"),
    ImportField("name_en", "Name (English)", "英文名称", "Required for a new product.",
                "新产品必填。"),
    ImportField("name_zh", "Name (Chinese)", "中文名称", "", ""),
    ImportField("section", "Section", "展区",
                "Section id or name; empty: your booth's main section.",
                "展区编号或名称；留空则为展位的主展区。"),
    ImportField("price_min", "Price min", "最低价", "FOB price, e.g. 1.20", "离岸价，例如 1.20"),
    ImportField("price_max", "Price max", "最高价", "FOB price, e.g. 3.40", "离岸价，例如 3.40"),
    ImportField("currency", "Currency", "币种", "ISO code such as USD, EUR, CNY",
                "货币代码，如 USD、EUR、CNY"),
    ImportField("moq", "MOQ", "起订量", "Minimum order quantity (whole number)",
                "最小起订量（整数）"),
    ImportField("unit_en", "Unit (English)", "单位（英文）", "e.g. piece", "例如 piece"),
    ImportField("unit_zh", "Unit (Chinese)", "单位（中文）", "e.g. 件", "例如 件"),
    ImportField("lead_time_days", "Lead time (days)", "交货期（天）", "0-3650", "0-3650"),
    ImportField("certifications", "Certifications", "认证", "Separated by commas: CE, RoHS",
                "用逗号分隔：CE, RoHS"),
    ImportField("keywords", "Keywords", "关键词", "", ""),
    ImportField("desc_en", "Description (English)", "英文描述", "", ""),
    ImportField("desc_zh", "Description (Chinese)", "中文描述", "", ""),
    ImportField("specs", "Specifications", "规格参数",
                "name: value; name: value (e.g. Material: steel; Size: 10 cm)",
                "名称: 数值; 名称: 数值（例如 材质: 钢; 尺寸: 10 cm）"),
    ImportField("hidden", "Hidden", "隐藏", "yes/no (hidden products are not shown to buyers)",
                "是/否（隐藏的产品不向采购商展示）"),
)
_FIELDS = {f.field: f for f in IMPORT_FIELDS}

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "productid", "product no", "productnumber", "产品id", "产品编号", "编号",
           "产品号"),
    "name_en": ("name", "nameen", "englishname", "productname", "productnameen",
                "productnameenglish", "nameenglish", "title", "英文名", "英文名称",
                "产品英文名称", "英文品名"),
    "name_zh": ("namezh", "chinesename", "namechinese", "productnamezh",
                "productnamechinese", "中文名", "中文名称", "产品名称", "品名", "名称",
                "产品中文名称", "中文品名"),
    "section": ("section", "sectionid", "sectionname", "hall", "展区", "分区", "展区编号",
                "展区名称", "展馆"),
    "price_min": ("pricemin", "minprice", "price", "fobprice", "unitprice", "pricefrom",
                  "lowestprice", "最低价", "最低价格", "价格", "单价", "fob价格", "离岸价",
                  "最低单价"),
    "price_max": ("pricemax", "maxprice", "priceto", "highestprice", "最高价", "最高价格",
                  "最高单价"),
    "currency": ("currency", "cur", "币种", "货币", "币别"),
    "moq": ("moq", "minimumorder", "minimumorderquantity", "minorder", "minorderqty",
            "起订量", "最小起订量", "最低起订量"),
    "unit_en": ("unit", "uniten", "unitenglish", "单位英文", "英文单位"),
    "unit_zh": ("unitzh", "unitchinese", "单位", "单位中文", "计量单位", "中文单位"),
    "lead_time_days": ("leadtime", "leadtimedays", "deliverytime", "deliverydays",
                       "交货期", "交期", "交货期天", "交货天数", "生产周期"),
    "certifications": ("certifications", "certification", "certificates", "certs",
                       "认证", "证书", "产品认证"),
    "keywords": ("keywords", "keyword", "tags", "关键词", "关键字", "标签"),
    "desc_en": ("description", "desc", "descriptionen", "englishdescription",
                "descriptionenglish", "英文描述", "英文介绍"),
    "desc_zh": ("descriptionzh", "chinesedescription", "descriptionchinese", "描述",
                "中文描述", "产品描述", "产品介绍", "中文介绍"),
    "specs": ("specs", "specifications", "specification", "规格", "规格参数", "参数"),
    "hidden": ("hidden", "hide", "隐藏", "下架"),
}


def _norm_header(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s_\-.:：()（）\[\]【】#/\\*]+", "", t)


_LOOKUP: dict[str, str] = {}
for _f, _names in _SYNONYMS.items():
    for _n in (*_names, _FIELDS[_f].label_en, _FIELDS[_f].label_zh, _f):
        _LOOKUP.setdefault(_norm_header(_n), _f)


# ---------------------------------------------------------------- reading
@dataclass
class Sheet:
    """A spreadsheet read for import.

    ``rows[i]`` holds the values of spreadsheet row ``row_numbers[i]`` (one per header
    column; ``None`` for empty cells); ``cell_errors[(i, c)]`` names a cell that holds
    no usable value (a formula, an error value such as ``#DIV/0!``).
    """

    name: str
    format: str                         # "csv" | "xlsx"
    headers: list[str]
    rows: list[list[Any]]
    row_numbers: list[int]
    cell_errors: dict[tuple[int, int], str] = field(default_factory=dict)
    encoding: str | None = None         # CSV only
    sheet_name: str | None = None       # XLSX only


def column_letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    out = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
     "an old-format Excel (.xls) or other Office file; save it as .xlsx or CSV", "xls"),
    (b"%PDF-", "a PDF document, not a spreadsheet", "pdf"),
    (b"\x89PNG", "a PNG image, not a spreadsheet", "png"),
    (b"\xff\xd8\xff", "a JPEG image, not a spreadsheet", "jpeg"),
    (b"GIF8", "a GIF image, not a spreadsheet", "gif"),
    (b"\x1f\x8b", "a gzip archive, not a spreadsheet", "gzip"),
    (b"Rar!", "a RAR archive, not a spreadsheet", "rar"),
    (b"7z\xbc\xaf", "a 7-Zip archive, not a spreadsheet", "7z"),
)


def read_spreadsheet(path: Path | str, progress: Progress | None = None,
                     max_rows: int = MAX_ROWS) -> Sheet:
    """Read a CSV or XLSX catalog (by content, not by name). See the module docstring."""
    p = Path(path)
    try:
        if not p.is_file():
            raise SpreadsheetError(_msg("file.not_file", f"{p.name} is not a file",
                                        name=p.name))
        size = p.stat().st_size
        with p.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise SpreadsheetError(_msg("file.cannot_read",
                                    f"cannot read {p.name}: {exc.strerror or exc}",
                                    name=p.name, error=str(exc.strerror or exc))) from exc
    if size == 0:
        raise SpreadsheetError(_msg("file.empty", f"{p.name} is empty", name=p.name))
    if head.startswith(b"PK\x03\x04"):
        return _read_xlsx(p, progress, max_rows)
    for magic, what, kind in _MAGIC:
        if head.startswith(magic):
            raise SpreadsheetError(_msg(f"file.is_{kind}", f"{p.name} is {what}", name=p.name))
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        raise SpreadsheetError(_msg("file.bad_xlsx_name",
                                    f"{p.name} is not a valid Excel workbook (.xlsx): "
                                    "the file is damaged or of another type", name=p.name))
    return _read_csv(p, size, progress, max_rows)


# -- CSV
def _decode(raw: bytes, name: str) -> tuple[str, str]:
    """(text, encoding name) or SpreadsheetError."""
    if raw.startswith(codecs.BOM_UTF8):
        enc, body = "UTF-8 (BOM)", raw[len(codecs.BOM_UTF8):]
        codec = "utf-8"
    elif raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and len(raw) % 4 == 0 \
            and raw[:4] in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE):
        enc, body, codec = "UTF-32", raw, "utf-32"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc, body, codec = "UTF-16", raw, "utf-16"
    else:
        if b"\x00" in raw:
            if raw[1:2] == b"\x00" or raw[0:1] == b"\x00":
                raise SpreadsheetError(_msg(
                    "file.utf16_no_bom",
                    f"{name} looks like UTF-16 text without a byte order mark; save it as "
                    "'CSV UTF-8' (or Unicode text with a BOM) and try again", name=name))
            raise SpreadsheetError(_msg(
                "file.binary", f"{name} is not a CSV or Excel file (it holds binary data)",
                name=name))
        try:
            return raw.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as exc:
            first_bad = exc.start
        try:
            return raw.decode("gb18030"), "GB18030"
        except UnicodeDecodeError:
            raise SpreadsheetError(_msg(
                "file.encoding",
                f"{name} is not UTF-8, UTF-16 or GB18030 (Chinese) text: byte "
                f"0x{raw[first_bad]:02X} at position {first_bad:,} cannot be read. Save it as "
                "'CSV UTF-8' from your spreadsheet program and try again",
                name=name, byte=f"0x{raw[first_bad]:02X}", position=f"{first_bad:,}")) from None
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        raise SpreadsheetError(_msg(
            "file.damaged_text",
            f"{name} starts like {enc} text but is damaged at byte {exc.start:,}",
            name=name, encoding=enc, position=f"{exc.start:,}")) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise SpreadsheetError(_msg(
            "file.binary", f"{name} is not a CSV or Excel file (it holds binary data)",
            name=name))
    return text, enc


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(p: Path, size: int, progress: Progress | None, max_rows: int) -> Sheet:
    if size > MAX_CSV_BYTES:
        raise SpreadsheetError(_msg(
            "file.csv_too_big",
            f"{p.name} is {size / 1048576:.0f} MB; a catalog file is at most "
            f"{MAX_CSV_BYTES // 1048576} MB and {max_rows:,} products",
            name=p.name, size=f"{size / 1048576:.0f}", max_mb=MAX_CSV_BYTES // 1048576,
            max_rows=f"{max_rows:,}"))
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise SpreadsheetError(_msg("file.cannot_read",
                                    f"cannot read {p.name}: {exc.strerror or exc}",
                                    name=p.name, error=str(exc.strerror or exc))) from exc
    text, enc = _decode(raw, p.name)
    if not text.strip():
        raise SpreadsheetError(_msg("file.empty", f"{p.name} is empty", name=p.name))
    first = text.lstrip("\r\n").split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first), strict=True)

    def cells() -> Iterator[tuple[int, list[Any], dict[int, str]]]:
        try:
            for number, row in enumerate(reader, start=1):
                errors = {c: _formula_problem(v) for c, v in enumerate(row)
                          if isinstance(v, str) and v.startswith("=") and len(v) > 1}
                yield number, [v if v.strip() else None for v in row], errors
        except csv.Error as exc:
            raise SpreadsheetError(_msg(
                "file.bad_csv",
                f"{p.name} is not valid CSV near line {reader.line_num:,}: {exc}",
                name=p.name, line=f"{reader.line_num:,}", error=str(exc))) from None

    sheet = _collect(p.name, "csv", cells(), progress, max_rows, None)
    sheet.encoding = enc
    return sheet


def _formula_problem(text: str) -> str:
    short = text if len(text) <= 40 else text[:37] + "…"
    return _msg("cell.formula",
                f"holds a formula ({short}), not a value; paste the values instead",
                formula=short)


# -- XLSX
def _read_xlsx(p: Path, progress: Progress | None, max_rows: int) -> Sheet:
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError as exc:  # pragma: no cover - a dependency
        raise SpreadsheetError(_msg("file.no_openpyxl",
                                    "reading .xlsx needs the openpyxl package")) from exc
    try:
        with zipfile.ZipFile(p) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SpreadsheetError(_msg(
            "file.bad_xlsx", f"{p.name} is not a readable Excel workbook (.xlsx): {exc}",
            name=p.name, error=str(exc))) from None
    if unpacked > MAX_XLSX_UNPACKED:
        raise SpreadsheetError(_msg(
            "file.xlsx_too_big",
            f"{p.name} unpacks to {unpacked / 1048576:,.0f} MB; a catalog workbook is at most "
            f"{MAX_XLSX_UNPACKED // 1048576} MB unpacked and {max_rows:,} products",
            name=p.name, size=f"{unpacked / 1048576:,.0f}", max_mb=MAX_XLSX_UNPACKED // 1048576,
            max_rows=f"{max_rows:,}"))
    try:
        wb = openpyxl.load_workbook(p, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError,
            TypeError, EOFError) as exc:
        raise SpreadsheetError(_msg(
            "file.bad_xlsx", f"{p.name} is not a readable Excel workbook (.xlsx): {exc}",
            name=p.name, error=str(exc))) from None
    except Exception as exc:
        raise SpreadsheetError(_msg(
            "file.xlsx_unreadable", f"{p.name} cannot be read as an Excel workbook: {exc}",
            name=p.name, error=str(exc))) from None
    try:
        sheets = [ws for ws in wb.worksheets
                  if getattr(ws, "sheet_state", "visible") == "visible"] or list(wb.worksheets)
        if not sheets:
            raise SpreadsheetError(_msg("file.no_worksheet", f"{p.name} has no worksheet",
                                        name=p.name))
        ws = sheets[0]
        total = getattr(ws, "max_row", None)

        def cells() -> Iterator[tuple[int, list[Any], dict[int, str]]]:
            for number, row in enumerate(ws.iter_rows(max_col=MAX_COLUMNS), start=1):
                values: list[Any] = []
                errors: dict[int, str] = {}
                for c, cell in enumerate(row):
                    v = getattr(cell, "value", None)
                    kind = getattr(cell, "data_type", None)
                    if kind == "f" or (isinstance(v, str) and v.startswith("=") and len(v) > 1) \
                            or type(v).__name__ in ("ArrayFormula", "DataTableFormula"):
                        errors[c] = _formula_problem(str(getattr(v, "text", v)))
                        v = None
                    elif kind == "e":
                        errors[c] = _msg("cell.error_value", f"holds the error value {v}",
                                         value=str(v))
                        v = None
                    values.append(_xlsx_value(v))
                yield number, values, errors

        try:
            sheet = _collect(p.name, "xlsx", cells(), progress, max_rows,
                             total if isinstance(total, int) else None)
        except SpreadsheetError:
            raise
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
            raise SpreadsheetError(_msg("file.damaged", f"{p.name} is damaged: {exc}",
                                        name=p.name, error=str(exc))) from None
        except Exception as exc:
            raise SpreadsheetError(_msg("file.unreadable", f"{p.name} cannot be read: {exc}",
                                        name=p.name, error=str(exc))) from None
        sheet.sheet_name = ws.title
        return sheet
    finally:
        wb.close()


def _xlsx_value(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, str):
        return v if v.strip() else None
    if isinstance(v, bool):
        return v
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    if isinstance(v, datetime):
        return v.isoformat(sep=" ")
    if isinstance(v, (date, time)):
        return v.isoformat()
    return v


# -- both
HEADER_SEARCH_ROWS = 10     # title rows above the header row are skipped


def _header_of(values: list[Any]) -> list[str]:
    values = values[:MAX_COLUMNS]
    while values and values[-1] is None:
        values.pop()
    headers = [str(v).strip() if v is not None else "" for v in values]
    return [h or f"Column {column_letter(i)}" for i, h in enumerate(headers)]


def _collect(name: str, fmt: str, cells: Iterable[tuple[int, list[Any], dict[int, str]]],
             progress: Progress | None, max_rows: int, total: int | None) -> Sheet:
    """The header row is the first of the first non-blank rows in which at least two
    column names are recognised (a title row above it is skipped), else the first."""
    headers: list[str] | None = None
    rows: list[list[Any]] = []
    numbers: list[int] = []
    errors: dict[tuple[int, int], str] = {}
    early: list[tuple[int, list[Any], dict[int, str]]] = []

    def add(number: int, values: list[Any], cell_errors: dict[int, str]) -> None:
        assert headers is not None
        if len(rows) >= max_rows:
            raise SpreadsheetError(_msg(
                "file.too_many_rows",
                f"{name} has more than {max_rows:,} product rows; import at most "
                f"{max_rows:,} products per file (split it into several files)",
                name=name, max_rows=f"{max_rows:,}"))
        width = len(headers)
        row = list(values[:width]) + [None] * max(0, width - len(values))
        for c, problem in cell_errors.items():
            if c < width:
                errors[(len(rows), c)] = problem
        rows.append(row)
        numbers.append(number)

    def settle(at: int) -> None:
        nonlocal headers
        headers = _header_of(early[at][1])
        for rest in early[at + 1:]:
            add(*rest)
        early.clear()

    for scanned, (number, values, cell_errors) in enumerate(cells, start=1):
        if scanned > MAX_SCANNED_ROWS:
            raise SpreadsheetError(_msg(
                "file.too_many_scanned",
                f"{name} has more than {MAX_SCANNED_ROWS:,} rows; a catalog file holds at "
                f"most {max_rows:,} products (delete the empty rows below your data, or "
                "split the file)", name=name, scanned=f"{MAX_SCANNED_ROWS:,}",
                max_rows=f"{max_rows:,}"))
        if progress is not None and scanned % PROGRESS_EVERY == 0:
            progress(scanned, total)
        blank = all(v is None or (isinstance(v, str) and not v.strip()) for v in values)
        if blank and not cell_errors:
            continue
        if headers is not None:
            add(number, values, cell_errors)
            continue
        early.append((number, values, cell_errors))
        if len(guess_mapping(_header_of(values))) >= 2:
            settle(len(early) - 1)
        elif len(early) >= HEADER_SEARCH_ROWS:
            settle(0)
    if headers is None and early:
        settle(0)
    if headers is None:
        raise SpreadsheetError(_msg("file.empty", f"{name} is empty", name=name))
    if not rows:
        raise SpreadsheetError(_msg("file.no_rows",
                                    f"{name} has a header row but no product rows", name=name))
    if progress is not None:
        progress(len(rows), len(rows))
    return Sheet(name=name, format=fmt, headers=headers, rows=rows, row_numbers=numbers,
                 cell_errors=errors)


# ---------------------------------------------------------------- mapping
def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Field -> column index for the headers this recognises (English and Chinese,
    e.g. "Product name", "英文名称", "起订量", the template's "MOQ / 起订量"). Each field
    and each column is used once; unknown columns are left out."""
    out: dict[str, int] = {}
    for i, h in enumerate(headers):
        if not isinstance(h, str):
            continue
        candidates = [h, *re.split(r"\s*[/|]\s*", h)]
        for cand in candidates:
            f = _LOOKUP.get(_norm_header(cand))
            if f is not None and f not in out:
                out[f] = i
                break
    return out


# ---------------------------------------------------------------- dry run
@dataclass(frozen=True)
class RowProblem:
    row: int            # the spreadsheet row number
    column: str         # the column's header ("" when the problem is the row's)
    field: str
    problem: str        # English (a CodedText when made here)

    @property
    def code(self) -> str:
        """The problem's stable id ("moq.not_whole"; "" when it has none)."""
        return str(getattr(self.problem, "code", ""))

    @property
    def params(self) -> dict[str, Any]:
        """The values of the problem's template (e.g. ``{"value": "lots"}``)."""
        return dict(getattr(self.problem, "params", {}))

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.problem}"


@dataclass
class RowResult:
    row: int                    # the spreadsheet row number
    action: str                 # "create" | "update" | "error"
    name: str
    product_id: int | None      # the product an update changes
    product: dict[str, Any] | None    # the product.import entry (None on error)
    problems: list[RowProblem] = field(default_factory=list)


@dataclass
class ImportReport:
    """The dry run of one sheet: per row what would happen or what is wrong."""

    name: str
    rows: list[RowResult]
    problems: list[RowProblem]          # every problem, in row order
    mapping: dict[str, int]

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    @property
    def creates(self) -> list[RowResult]:
        return [r for r in self.rows if r.action == "create"]

    @property
    def updates(self) -> list[RowResult]:
        return [r for r in self.rows if r.action == "update"]

    @property
    def error_rows(self) -> list[RowResult]:
        return [r for r in self.rows if r.action == "error"]

    @property
    def products(self) -> list[dict[str, Any]]:
        """The product.import entries (file order) when there is no error."""
        return [r.product for r in self.rows if r.product is not None]

    @property
    def row_numbers(self) -> list[int]:
        return [r.row for r in self.rows if r.product is not None]


_TRUE = {"yes", "y", "true", "1", "x", "是", "隐藏", "hidden", "on"}
_FALSE = {"no", "n", "false", "0", "否", "显示", "visible", "off", ""}
_LIST_SPLIT = re.compile(r"\s*[,;，；、|]\s*")
_SPEC_SPLIT = re.compile(r"\s*(?:[;；\n]|\r\n)\s*")
_LEAD_RE = re.compile(r"^\s*(\d+)\s*(?:days?|d|天|日)?\s*$", re.IGNORECASE)
_RANGE_RE = re.compile(r"^\s*([^-~–—]+?)\s*[-~–—]\s*([^-~–—]+?)\s*$")


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _whole(v: Any, what: str, code: str = "number") -> int:
    if isinstance(v, bool):
        raise ValueError(_msg(f"{code}.whole", f"{what} must be a whole number"))
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        if v.is_integer():
            return int(v)
        raise ValueError(_msg(f"{code}.not_whole", f"{what} must be a whole number, not {v}",
                              value=str(v)))
    s = unicodedata.normalize("NFKC", _text(v)).replace(",", "").replace(" ", "")
    if re.fullmatch(r"[0-9]+(\.0+)?", s):
        return int(float(s)) if "." in s else int(s)
    raise ValueError(_msg(f"{code}.not_whole", f"{what} must be a whole number, not {_text(v)!r}",
                          value=repr(_text(v))))


def _cents(v: Any, what: str) -> int:
    if isinstance(v, bool):
        raise ValueError(_msg("price.invalid", f"{what} must be a price such as 1.20"))
    try:
        if isinstance(v, float):
            d = Decimal(str(round(v, 6)))      # 1.1500000000000001 as Excel stores 1.15
        elif isinstance(v, int):
            d = Decimal(v)
        else:
            s = unicodedata.normalize("NFKC", _text(v))
            s = re.sub(r"^[A-Za-z]{3}\s*|\s*[A-Za-z]{3}$", "", s)     # "USD 1.20"
            s = s.strip().lstrip("$€£¥").replace(",", "").replace(" ", "")
            d = Decimal(s)
    except (InvalidOperation, ValueError):
        raise ValueError(_msg("price.not_price",
                              f"{what} must be a price such as 1.20, not {_text(v)!r}",
                              value=repr(_text(v)))) from None
    if not d.is_finite() or d < 0:
        raise ValueError(_msg("price.negative", f"{what} must be a price of 0 or more"))
    cents = d * 100
    if cents != cents.to_integral_value():
        raise ValueError(_msg("price.decimals", f"{what} has more than 2 decimals ({_text(v)})",
                              value=_text(v)))
    return int(cents)


def _bool(v: Any, what: str) -> bool:
    if isinstance(v, bool):
        return v
    s = _text(v).casefold()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise ValueError(_msg("hidden.not_bool", f"{what} must be yes or no, not {_text(v)!r}",
                          value=repr(_text(v))))


def _specs(v: Any) -> list[dict[str, str]]:
    out = []
    for part in _SPEC_SPLIT.split(_text(v)):
        if not part:
            continue
        m = re.match(r"^(.+?)\s*[:：=]\s*(.*)$", part)
        if m is None:
            raise ValueError(_msg("specs.format",
                                  f"specification {part!r} must be written name: value",
                                  spec=repr(part)))
        out.append({"name_en": m.group(1), "name_zh": "", "value": m.group(2)})
    return out


def _section(v: Any, sections: Sequence[Mapping[str, Any]]) -> int:
    s = _text(v)
    ids = {int(x["id"]) for x in sections if isinstance(x.get("id"), int)}
    if re.fullmatch(r"\d+", s):
        sid = int(s)
        if ids and sid not in ids:
            raise ValueError(_msg("section.no_id", f"there is no section {sid}", id=sid))
        return sid
    key = _norm_header(s)
    for x in sections:
        for k in ("name_en", "name_zh", "slug"):
            if isinstance(x.get(k), str) and _norm_header(x[k]) == key:
                return int(x["id"])
    raise ValueError(_msg("section.no_name", f"there is no section named {s!r}",
                          name=repr(s)))


def dry_run(sheet: Sheet, mapping: Mapping[str, int], company: Mapping[str, Any] | None,
            sections: Sequence[Mapping[str, Any]],
            existing: Sequence[Mapping[str, Any]] = ()) -> ImportReport:
    """Check every row of ``sheet`` with the column ``mapping`` (field -> column index)
    for ``company`` (its ``id``, ``main_section_id``). ``sections``: the fair's sections
    (ids and names); ``existing``: the company's cached products (for updates: a row
    with a product id, or whose English name matches exactly one existing product,
    updates it with that product's version as base_version). Writes nothing."""
    unknown = sorted(set(mapping) - set(_FIELDS))
    if unknown:
        raise ValueError(_msg("import.unknown_fields",
                              f"unknown import field(s): {', '.join(unknown)}",
                              fields=", ".join(unknown)))
    width = len(sheet.headers)
    for f, c in mapping.items():
        if not isinstance(c, int) or isinstance(c, bool) or not 0 <= c < width:
            raise ValueError(_msg("import.bad_column",
                                  f"column of {f} is not a column of the sheet", field=f))
    by_id = {int(p["id"]): p for p in existing if isinstance(p.get("id"), int) and p["id"] > 0}
    by_name: dict[str, list[Mapping[str, Any]]] = {}
    for prod in by_id.values():
        by_name.setdefault(str(prod.get("name_en") or "").strip().casefold(), []).append(prod)
    default_section = (company or {}).get("main_section_id")
    if not isinstance(default_section, int):
        ids = (company or {}).get("section_ids") or []
        default_section = ids[0] if ids and isinstance(ids[0], int) else None
    company_id = (company or {}).get("id")
    seen_ids: dict[int, int] = {}
    seen_names: dict[str, int] = {}
    results: list[RowResult] = []
    all_problems: list[RowProblem] = []
    column_of = {f: sheet.headers[c] for f, c in mapping.items()}
    fields_of = {c: f for f, c in mapping.items()}
    if "name_en" not in mapping and "id" not in mapping:
        all_problems.append(RowProblem(0, "", "name_en", _msg(
            "import.no_name_column", "map a column to Name (English) (or Product ID)")))
    for i, values in enumerate(sheet.rows):
        number = sheet.row_numbers[i]
        problems: list[RowProblem] = []

        def bad(f: str, why: str, *, _n: int = number, _p: list[RowProblem] = problems) -> None:
            _p.append(RowProblem(_n, column_of.get(f, ""), f, why))

        for (ri, c), why in sheet.cell_errors.items():
            if ri == i and c in fields_of:
                bad(fields_of[c], why)

        def cell(f: str, _values: list[Any] = values) -> Any:
            c = mapping.get(f)
            return None if c is None else _values[c]

        p: dict[str, Any] = {}
        for f in ("name_en", "name_zh", "desc_en", "desc_zh", "unit_en", "unit_zh", "keywords"):
            v = cell(f)
            if v is not None:
                p[f] = _text(v)
        parsers: dict[str, Callable[[Any], Any]] = {
            "moq": lambda v: _whole(v, "MOQ", "moq"),
            "currency": lambda v: _currency(v),
            "certifications": lambda v: [c for c in _LIST_SPLIT.split(_text(v)) if c],
            "specs": _specs,
            "hidden": lambda v: _bool(v, "Hidden"),
            "section": lambda v: _section(v, sections),
        }
        for f, parse in parsers.items():
            v = cell(f)
            if v is None:
                continue
            try:
                p["section_id" if f == "section" else f] = parse(v)
            except ValueError as exc:
                bad(f, _why(exc))
        lead = cell("lead_time_days")
        if lead is not None:
            m = _LEAD_RE.match(unicodedata.normalize("NFKC", _text(lead)))
            if m is None:
                bad("lead_time_days", _msg(
                    "lead_time.invalid", f"lead time must be a number of days, not {_text(lead)!r}",
                    value=repr(_text(lead))))
            else:
                p["lead_time_days"] = int(m.group(1))
        lo, hi = cell("price_min"), cell("price_max")
        if lo is not None and hi is None and isinstance(lo, str) and _RANGE_RE.match(lo) \
                and not re.fullmatch(r"\s*-?[\d.,]+\s*", lo):
            m = _RANGE_RE.match(lo)
            assert m is not None
            lo, hi = m.group(1), m.group(2)
        for f, v in (("price_min", lo), ("price_max", hi)):
            if v is None:
                continue
            try:
                p[f"{f}_cents"] = _cents(v, "price")
            except ValueError as exc:
                bad(f, _why(exc))
        pid_cell = cell("id")
        target: Mapping[str, Any] | None = None
        if pid_cell is not None:
            try:
                pid = _whole(pid_cell, "product ID", "id")
            except ValueError as exc:
                bad("id", _why(exc))
            else:
                target = by_id.get(pid)
                if target is None:
                    bad("id", _msg("id.not_yours", f"product {pid} is not one of your products",
                                   id=pid))
                elif pid in seen_ids:
                    bad("id", _msg("id.duplicate",
                                   f"product {pid} is also updated by row {seen_ids[pid]}",
                                   id=pid, row=seen_ids[pid]))
                else:
                    seen_ids[pid] = number
        elif p.get("name_en"):
            same = by_name.get(p["name_en"].strip().casefold(), [])
            if len(same) == 1:
                target = same[0]
                tid = int(target["id"])
                if tid in seen_ids:
                    bad("name_en", _msg("id.duplicate",
                                        f"product {tid} is also updated by row {seen_ids[tid]}",
                                        id=tid, row=seen_ids[tid]))
                else:
                    seen_ids[tid] = number
        create = target is None
        if create:
            if "section_id" not in p and default_section is not None:
                p["section_id"] = default_section
            key = str(p.get("name_en") or "").strip().casefold()
            if key and key in seen_names:
                bad("name_en", _msg("name.duplicate",
                                    f"the same product name is on row {seen_names[key]}",
                                    row=seen_names[key]))
            elif key:
                seen_names[key] = number
            if not p.get("name_en") and not any(x.field == "name_en" for x in problems):
                bad("name_en", _msg("name.required", "a new product needs an English name"))
            if "section_id" not in p and not any(x.field == "section" for x in problems):
                bad("section", _msg("section.required", "a new product needs a section"))
        else:
            assert target is not None
            p["id"] = int(target["id"])
            lo_v = p.get("price_min_cents", target.get("price_min_cents"))
            hi_v = p.get("price_max_cents", target.get("price_max_cents"))
            if isinstance(lo_v, int) and isinstance(hi_v, int) and lo_v > hi_v \
                    and ("price_min_cents" in p or "price_max_cents" in p):
                bad("price_max", _msg("price.max_below_min",
                                      "the maximum price is below the minimum price"))
        if isinstance(company_id, int) and company_id > 0:
            p["company_id"] = company_id
        for f, why in product_problems(p, create=create):
            field_name = {"section_id": "section", "price_min_cents": "price_min",
                          "price_max_cents": "price_max"}.get(f.split(".")[0], f.split(".")[0])
            if not any(x.field == field_name for x in problems):
                bad(field_name, _msg("field.problem", _label(field_name) + " " + why,
                                     field=field_name, label=_label(field_name),
                                     label_zh=_label_zh(field_name), problem=why))
        name = str(p.get("name_en") or (target or {}).get("name_en") or "")
        if problems:
            results.append(RowResult(number, "error", name, p.get("id"), None, problems))
            all_problems.extend(problems)
            continue
        entry = dict(p)
        if not create:
            assert target is not None
            entry["base_version"] = int(target.get("version") or 1)
        results.append(RowResult(number, "create" if create else "update", name,
                                 p.get("id"), entry, []))
    return ImportReport(sheet.name, results, all_problems, dict(mapping))


def _currency(v: Any) -> str:
    s = _text(v).upper()
    symbols = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "RMB": "CNY",
               "人民币": "CNY", "美元": "USD", "欧元": "EUR"}
    s = symbols.get(s, s)
    if not re.fullmatch(r"[A-Z]{3}", s):
        raise ValueError(_msg("currency.invalid",
                              f"currency must be a 3-letter code such as USD, not {_text(v)!r}",
                              value=repr(_text(v))))
    return s


def _label(field_name: str) -> str:
    f = _FIELDS.get(field_name)
    return f.label_en if f is not None else field_name


def _label_zh(field_name: str) -> str:
    f = _FIELDS.get(field_name)
    return f.label_zh if f is not None else field_name


def _why(exc: ValueError) -> str:
    """The (coded) message of a parser's ValueError."""
    msg = exc.args[0] if exc.args else ""
    return msg if isinstance(msg, CodedText) else str(exc)


# ---------------------------------------------------------------- template
_EXAMPLE = {
    "name_en": "Stainless steel vacuum flask 500 ml", "name_zh": "不锈钢保温杯 500毫升",
    "section": "", "price_min": "2.35", "price_max": "3.10", "currency": "USD",
    "moq": "1000", "unit_en": "piece", "unit_zh": "件", "lead_time_days": "25",
    "certifications": "LFGB, FDA", "keywords": "thermos, bottle",
    "desc_en": "Double-wall insulation keeps drinks hot for 12 hours.",
    "desc_zh": "双层真空保温，12小时保温。", "specs": "Material: 304 steel; Capacity: 500 ml",
    "hidden": "no",
}


def write_template(dest: Path | str, fmt: str = "xlsx") -> Path:
    """A catalog template to fill in: the header row (English / Chinese) and, in the
    XLSX, a second sheet explaining each column with an example."""
    if fmt not in ("xlsx", "csv"):
        raise ValueError("template format must be xlsx or csv")
    target = Path(dest)
    target.parent.mkdir(parents=True, exist_ok=True)
    headers = [f.header for f in IMPORT_FIELDS]
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        if fmt == "csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                csv.writer(fh, lineterminator="\r\n").writerow(headers)
        else:
            import openpyxl
            from openpyxl.styles import Font

            wb = openpyxl.Workbook()
            ws = wb.active
            assert ws is not None
            ws.title = "Products 产品"
            ws.append(headers)
            for cell in ws[1]:
                cell.font = Font(bold=True)
            for i, f in enumerate(IMPORT_FIELDS):
                ws.column_dimensions[column_letter(i)].width = max(14, len(f.header) + 4)
                ws.cell(row=2, column=i + 1).number_format = "@"   # text, not a number
            ws.freeze_panes = "A2"
            info = wb.create_sheet("Help 说明")
            info.append(["Column 列", "Meaning", "说明", "Example 示例"])
            for cell in info[1]:
                cell.font = Font(bold=True)
            for f in IMPORT_FIELDS:
                info.append([f.header, f.help_en, f.help_zh, _EXAMPLE.get(f.field, "")])
            info.append([])
            info.append(["At most 2,000 products per file. Formulas are not read: paste "
                         "values. / 每个文件最多 2,000 个产品。不读取公式，请粘贴数值。"])
            wb.save(tmp)
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
