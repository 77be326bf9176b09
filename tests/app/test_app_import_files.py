"""Catalog spreadsheets without a server: encodings, formulas, huge sheets, empty and
wrong files, column mapping (English/Chinese), the dry run's per-row report, template."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PIL import Image

from app.spreadsheet import (
    IMPORT_FIELDS,
    MAX_ROWS,
    SpreadsheetError,
    dry_run,
    guess_mapping,
    read_spreadsheet,
    write_template,
)

COMPANY = {"id": 1, "main_section_id": 2, "section_ids": [2, 3]}
SECTIONS = [{"id": 2, "name_en": "Lighting", "name_zh": "照明", "slug": "lighting"},
            {"id": 3, "name_en": "Kitchen", "name_zh": "厨房", "slug": "kitchen"}]
EXISTING = [{"id": 40, "name_en": "Desk Lamp", "version": 3, "price_min_cents": 100,
             "price_max_cents": 200}]

CSV_ZH = "英文名称,中文名称,最低价,最高价,起订量,展区,认证\r\n" \
         "Tea Kettle,茶壶,2.50,3.00,500,厨房,\"CE, LFGB\"\r\n" \
         "Desk Lamp,台灯,1.20,,100,,\r\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("encoding,expect", [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 (BOM)"), ("utf-16", "UTF-16"),
    ("gb18030", "GB18030"),
])
def test_csv_encodings(tmp_path: Path, encoding: str, expect: str) -> None:
    p = _write(tmp_path, "cat.csv", CSV_ZH.encode(encoding))
    sheet = read_spreadsheet(p)
    assert sheet.encoding == expect
    assert sheet.headers[:2] == ["英文名称", "中文名称"]
    assert sheet.rows[0][1] == "茶壶" and sheet.row_numbers == [2, 3]


def test_wrong_encoding_is_named(tmp_path: Path) -> None:
    p = _write(tmp_path, "latin.csv", "name,desc\r\nCafé,Crème brûlée\r\n".encode("cp1252"))
    with pytest.raises(SpreadsheetError, match="not UTF-8, UTF-16 or GB18030"):
        read_spreadsheet(p)
    p = _write(tmp_path, "nobom.csv", "name\r\nLamp\r\n".encode("utf-16-le"))
    with pytest.raises(SpreadsheetError, match="UTF-16 text without a byte order mark"):
        read_spreadsheet(p)


def test_semicolon_and_tab_delimiters(tmp_path: Path) -> None:
    p = _write(tmp_path, "semi.csv", b"Name;MOQ;Price\nLamp;10;1,50\n")
    sheet = read_spreadsheet(p)
    assert sheet.headers == ["Name", "MOQ", "Price"] and sheet.rows == [["Lamp", "10", "1,50"]]
    p = _write(tmp_path, "tab.txt", b"Name\tMOQ\nLamp\t10\n")
    assert read_spreadsheet(p).rows == [["Lamp", "10"]]


@pytest.mark.parametrize("name,data,message", [
    ("empty.csv", b"", "is empty"),
    ("blank.csv", b"\r\n \r\n", "is empty"),
    ("header.csv", b"name,moq\r\n", "no product rows"),
    ("photo.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "PNG image"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, r"\.xls"),
    ("fake.xlsx", b"name,moq\r\nLamp,1\r\n", "not a valid Excel workbook"),
    ("broken.xlsx", b"PK\x03\x04garbage" * 10, "Excel workbook"),
    ("doc.pdf", b"%PDF-1.4\n%%EOF\n", "PDF"),
    ("bin.csv", b"abc\x00def\x01\x02" * 50, "binary data"),
    ("quote.csv", b'name,moq\r\n"Lamp,1\r\n', "not valid CSV"),
])
def test_bad_files_get_clear_errors(tmp_path: Path, name: str, data: bytes,
                                    message: str) -> None:
    p = _write(tmp_path, name, data)
    with pytest.raises(SpreadsheetError, match=message):
        read_spreadsheet(p)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SpreadsheetError, match="not a file"):
        read_spreadsheet(tmp_path / "nope.csv")


def _xlsx(tmp_path: Path, rows: list[list[Any]], name: str = "cat.xlsx") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    p = tmp_path / name
    wb.save(p)
    return p


def test_xlsx_formulas_and_errors_are_cell_errors(tmp_path: Path) -> None:
    p = _xlsx(tmp_path, [["Name (English)", "MOQ", "Price", "Note"],
                         ["Lamp", "=2*50", 1.5, "=A2"],
                         ["Fan", 20, "#DIV/0!", None],
                         [None, None, None, None],
                         ["Kettle", 30.0, 2, None]])
    sheet = read_spreadsheet(p)
    assert sheet.format == "xlsx" and sheet.row_numbers == [2, 3, 5]
    assert sheet.rows[2] == ["Kettle", 30, 2, None]           # 30.0 -> 30
    assert "formula (=2*50)" in sheet.cell_errors[(0, 1)]
    report = dry_run(sheet, guess_mapping(sheet.headers), COMPANY, SECTIONS)
    by_row = {r.row: r for r in report.rows}
    assert by_row[2].action == "error"
    [problem] = by_row[2].problems
    assert (problem.row, problem.column, problem.field) == (2, "MOQ", "moq")
    assert "formula" in problem.problem
    # the unmapped Note column's formula does not matter; the text "#DIV/0!" is no price
    assert by_row[3].action == "error" and by_row[3].problems[0].field == "price_min"
    assert by_row[5].action == "create"
    assert not report.ok


def test_huge_sheets_are_refused(tmp_path: Path) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["Name", "MOQ"])
    for i in range(MAX_ROWS + 1):
        ws.append([f"Product {i}", 10])
    p = tmp_path / "huge.xlsx"
    wb.save(p)
    seen: list[int] = []
    with pytest.raises(SpreadsheetError, match="more than 2,000 product rows"):
        read_spreadsheet(p, progress=lambda n, _total: seen.append(n))
    assert seen and seen[-1] >= 2000
    lines = "Name,MOQ\r\n" + "".join(f"P{i},1\r\n" for i in range(MAX_ROWS + 1))
    with pytest.raises(SpreadsheetError, match="split it"):
        read_spreadsheet(_write(tmp_path, "huge.csv", lines.encode()))
    # exactly the limit is fine
    lines = "Name,MOQ\r\n" + "".join(f"P{i},1\r\n" for i in range(MAX_ROWS))
    assert len(read_spreadsheet(_write(tmp_path, "max.csv", lines.encode())).rows) == MAX_ROWS


def test_blank_formatted_rows_do_not_count(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["Name", "MOQ"], ["Lamp", 5]] + [[None, None]] * 3000
    rows.append(["Fan", 6])
    sheet = read_spreadsheet(_xlsx(tmp_path, rows))
    assert [r[0] for r in sheet.rows] == ["Lamp", "Fan"]
    assert sheet.row_numbers == [2, 3003]


def test_guess_mapping_english_chinese_and_template() -> None:
    assert guess_mapping(["Product name", "Chinese name", "FOB Price", "Max price", "MOQ",
                          "Lead time", "Certifications", "SKU"]) == {
        "name_en": 0, "name_zh": 1, "price_min": 2, "price_max": 3, "moq": 4,
        "lead_time_days": 5, "certifications": 6}
    assert guess_mapping(["英文名称", "产品名称", "单价", "起订量", "交货期（天）", "币种",
                          "规格参数", "关键词", "展区"]) == {
        "name_en": 0, "name_zh": 1, "price_min": 2, "moq": 3, "lead_time_days": 4,
        "currency": 5, "specs": 6, "keywords": 7, "section": 8}
    headers = [f.header for f in IMPORT_FIELDS]
    assert guess_mapping(headers) == {f.field: i for i, f in enumerate(IMPORT_FIELDS)}
    # a field is mapped once: the first matching column wins
    assert guess_mapping(["Name", "Name"]) == {"name_en": 0}


def test_dry_run_reports_every_problem_with_row_and_column(tmp_path: Path) -> None:
    text = ("Product ID,Name,Price min,Price max,Currency,MOQ,Lead time,Section,Hidden,Specs\r\n"
            ",Tea Kettle,\"$2.50\",3,usd,\"1,000\",25 days,Kitchen,no,Material: steel; Size: 2 L\r\n"
            ",,1,2,USD,10,5,,,\r\n"                                  # no name
            ",Fan,abc,1.005,EURO,0,soon,Garden,maybe,broken\r\n"      # many problems
            "40,,0.5,,,,,,yes,\r\n"                                   # update by id
            "99,Ghost,1,2,,,,,,\r\n"                                  # not ours
            ",Tea Kettle,1,2,,,,,,\r\n"                               # duplicate name
            ",desk lamp,3,2,,,,,,\r\n"                                # update by name, min>max
            ",Range Pot,1.20-3.40,,,,,3,,\r\n")                       # a price range
    sheet = read_spreadsheet(_write(tmp_path, "cat.csv", text.encode()))
    mapping = guess_mapping(sheet.headers)
    assert mapping["id"] == 0 and mapping["section"] == 7
    report = dry_run(sheet, mapping, COMPANY, SECTIONS, EXISTING)
    rows = {r.row: r for r in report.rows}
    assert rows[2].action == "create"
    assert rows[2].product == {
        "name_en": "Tea Kettle", "price_min_cents": 250, "price_max_cents": 300,
        "currency": "USD", "moq": 1000, "lead_time_days": 25, "section_id": 3,
        "hidden": False, "company_id": 1,
        "specs": [{"name_en": "Material", "name_zh": "", "value": "steel"},
                  {"name_en": "Size", "name_zh": "", "value": "2 L"}]}
    assert [p.field for p in rows[3].problems] == ["name_en"]
    assert {p.field for p in rows[4].problems} == {
        "price_min", "price_max", "currency", "moq", "lead_time_days", "section", "hidden",
        "specs"}
    assert all(p.row == 4 and p.column for p in rows[4].problems)
    assert rows[5].action == "update" and rows[5].product == {
        "id": 40, "price_min_cents": 50, "hidden": True, "company_id": 1, "base_version": 3}
    assert rows[6].problems[0].problem == "product 99 is not one of your products"
    assert "row 2" in rows[7].problems[0].problem
    assert rows[8].action == "error" and "also updated by row 5" in rows[8].problems[0].problem
    assert rows[9].product is not None and (rows[9].product["price_min_cents"],
                                            rows[9].product["price_max_cents"],
                                            rows[9].product["section_id"]) == (120, 340, 3)
    assert not report.ok and len(report.error_rows) == 5
    assert str(report.problems[0]).startswith("row 3, column Name:")
    # fixing the sheet: only good rows
    good = dry_run(sheet, mapping, COMPANY, SECTIONS, EXISTING)
    good.rows = [r for r in good.rows if r.action != "error"]
    good.problems = []
    assert good.ok and good.row_numbers == [2, 5, 9]
    assert [r.action for r in good.rows] == ["create", "update", "create"]


def test_dry_run_mapping_checks(tmp_path: Path) -> None:
    sheet = read_spreadsheet(_write(tmp_path, "c.csv", b"a,b\r\n1,2\r\n"))
    with pytest.raises(ValueError):
        dry_run(sheet, {"colour": 0}, COMPANY, SECTIONS)
    with pytest.raises(ValueError):
        dry_run(sheet, {"name_en": 5}, COMPANY, SECTIONS)
    report = dry_run(sheet, {}, COMPANY, SECTIONS)
    assert not report.ok and report.problems[0].field == "name_en"


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_template_round_trip(tmp_path: Path, fmt: str) -> None:
    p = write_template(tmp_path / f"template.{fmt}", fmt)
    if fmt == "xlsx":
        wb = openpyxl.load_workbook(p)
        ws = wb.worksheets[0]
        ws.append(["", "Solar Lantern", "太阳能灯", "", "4.20", "5.10", "USD", "200", "piece",
                   "件", "20", "CE", "solar", "", "", "", "no"])
        wb.save(p)
    else:
        with p.open("a", encoding="utf-8", newline="") as f:
            f.write(",Solar Lantern,太阳能灯,,4.20,5.10,USD,200,piece,件,20,CE,solar,,,,no\r\n")
    sheet = read_spreadsheet(p)
    report = dry_run(sheet, guess_mapping(sheet.headers), COMPANY, SECTIONS)
    assert report.ok, report.problems
    assert report.products[0]["section_id"] == 2 and report.products[0]["moq"] == 200
    with pytest.raises(ValueError):
        write_template(tmp_path / "t.ods", "ods")


def test_an_image_renamed_xlsx(tmp_path: Path) -> None:
    buf = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buf, "PNG")
    with pytest.raises(SpreadsheetError, match="PNG image"):
        read_spreadsheet(_write(tmp_path, "cat.xlsx", buf.getvalue()))


def test_title_rows_above_the_header_are_skipped(tmp_path: Path) -> None:
    p = _xlsx(tmp_path, [["Ningbo Hengda catalog 2026"], [None], ["Updated 1 Nov"],
                         ["Name", "MOQ", "Price"], ["Lamp", 5, 1.25]])
    sheet = read_spreadsheet(p)
    assert sheet.headers == ["Name", "MOQ", "Price"] and sheet.row_numbers == [5]
    # no recognisable header at all: the first row is the header
    p = _write(tmp_path, "odd.csv", b"colour,size\r\nred,L\r\n")
    sheet = read_spreadsheet(p)
    assert sheet.headers == ["colour", "size"] and sheet.rows == [["red", "L"]]


def test_a_sheet_formatted_far_below_its_data_is_refused(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import app.spreadsheet as spreadsheet

    monkeypatch.setattr(spreadsheet, "MAX_SCANNED_ROWS", 200)
    rows: list[list[Any]] = [["Name", "MOQ"], ["Lamp", 5]] + [[None, None]] * 250 + [["Fan", 1]]
    with pytest.raises(SpreadsheetError, match="more than 200 rows"):
        read_spreadsheet(_xlsx(tmp_path, rows))


def test_check_product_for_forms() -> None:
    from app.workspace import WorkspaceService

    problems = WorkspaceService.check_product({"name_en": "", "moq": 0, "version": 3,
                                               "category_id": 1}, create=True)
    assert {f for f, _why in problems} == {"name_en", "section_id", "moq"}
    assert WorkspaceService.check_product({"id": 4, "name_en": "Lamp", "pending": True},
                                          create=False) == []


def test_an_xlsx_zip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.spreadsheet as spreadsheet

    p = _xlsx(tmp_path, [["Name"], ["x" * 5000]] * 50)
    monkeypatch.setattr(spreadsheet, "MAX_XLSX_UNPACKED", 100_000)
    with pytest.raises(SpreadsheetError, match="unpacks to"):
        read_spreadsheet(p)
