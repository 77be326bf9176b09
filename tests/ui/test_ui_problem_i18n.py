"""The client's own problem texts in the Chinese UI (ui/problems.py).

The Qt-free modules write their problems in English as CodedText (a str with a stable
code and params); the UI translates them: the spreadsheet import check (problems and
the report's column labels), the deal terms editor, DealError and WorkspaceError
messages. Unknown codes, untranslated templates and plain strings show as written.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.deals import DealError, DealService, normalise_terms, validate_terms
from app.spreadsheet import RowProblem, dry_run, guess_mapping, read_spreadsheet
from app.workspace import WorkspaceError, WorkspaceService
from offline_cache.workspace import CodedText, product_problems
from tests.ui.test_ui_workspace import staff_data
from ui import i18n
from ui.pages.deal_terms import COL_QUANTITY, TermsEditor
from ui.pages.import_wizard import ImportWizard
from ui.problems import TEMPLATES, tr_error, tr_problem, tr_text

HAN = re.compile(r"[\u4e00-\u9fff]")
HEADER = ["Name (English)", "中文名称", "Price min", "Currency", "MOQ"]
ROWS = [
    ["Desk lamp", "台灯", "1.20", "USD", "100"],       # row 2: fine
    ["Floor lamp", "落地灯", "2.50", "USD", "lots"],    # row 3: MOQ is not a number
    ["Wall lamp", "壁灯", "cheap", "USD", "10"],        # row 4: not a price
    ["", "无名灯", "3.00", "USD", "10"],                # row 5: no English name
    ["Table fan", "台扇", "=B2*2", "USD", "10"],        # row 6: a formula
]


@pytest.fixture
def zh(qapp: Any) -> Iterator[None]:
    assert i18n.install("zh_CN")
    yield
    i18n.install("en")


def _sheet(path: Path) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(ROWS)
    return path


def _terms() -> dict[str, Any]:
    until = (datetime.now(UTC) + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"items": [{"product_id": 1001, "description": "Smart Lamp 1001", "spec_notes": "",
                       "quantity": "2000", "unit": "piece", "unit_price": "4.32",
                       "currency": "USD"}],
            "incoterm": "FOB", "incoterm_place": "Ningbo", "delivery_date": "2099-05-01",
            "payment_terms": "T/T 30/70", "valid_until": until, "notes": ""}


# ---------------------------------------------------------------- Qt-free: codes ride along
def test_problems_keep_their_english_text_and_carry_a_code(tmp_path: Path) -> None:
    sheet = read_spreadsheet(_sheet(tmp_path / "bad.csv"))
    report = dry_run(sheet, guess_mapping(sheet.headers), {"id": 100, "main_section_id": 10},
                     [{"id": 10, "name_en": "Lighting"}])
    by_row: dict[int, list[RowProblem]] = {}
    for p in report.problems:
        by_row.setdefault(p.row, []).append(p)
    (moq,) = by_row[3]
    assert isinstance(moq, RowProblem)
    assert moq.problem == "MOQ must be a whole number, not 'lots'"  # the English text as before
    assert (moq.code, moq.params) == ("moq.not_whole", {"value": "'lots'"})
    assert [p.code for p in by_row[4]] == ["price.not_price"]
    assert [(p.problem, p.code) for p in by_row[5]] == [
        ("a new product needs an English name", "name.required")]
    formula = by_row[6][0]
    assert formula.problem == "holds a formula (=B2*2), not a value; paste the values instead"
    assert (formula.code, formula.params) == ("cell.formula", {"formula": "=B2*2"})
    # every code the Qt-free code made has a template in the UI
    assert all(p.code in TEMPLATES for p in report.problems)
    # (field, problem) pairs are unchanged tuples of strings
    pairs = product_problems({"name_en": "X", "section_id": 10, "moq": 0}, create=True)
    assert pairs == [("moq", "must be a whole number from 1 to 1,000,000,000")]
    assert getattr(pairs[0][1], "code", "") == "product.moq_range"
    terms = _terms()
    terms["items"][0]["quantity"] = "0"
    assert validate_terms(terms) == [("terms.items.0.quantity", "must be positive")]
    assert getattr(validate_terms(terms)[0][1], "code", "") == "terms.quantity_not_positive"


# ---------------------------------------------------------------- the import check
def test_import_check_in_chinese_shows_chinese_problems_and_column_labels(
        zh: None, store: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    from ui.context import UiContext

    run(store.write(staff_data))
    ctx = UiContext(store, lang="zh_CN", profile_dir=tmp_path)
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    path = _sheet(tmp_path / "catalog.csv")

    async def go() -> None:
        assert await wizard.load_file(path)
        wizard.mapping = dict(guess_mapping(wizard.headers()))
        assert await wizard.run_check() is not None

    run(go())
    page = wizard.check_page
    assert not page.isComplete()
    lines = {(r["row"], r["column"], r["problem"]) for r in page.model.rows()}
    assert (3, "起订量", "起订量必须是整数，不能是 'lots'") in lines
    assert (4, "最低价", "价格必须是类似 1.20 的金额，不能是 'cheap'") in lines
    assert (5, "英文名称", "新产品需要英文名称") in lines
    assert (6, "最低价", "包含公式（=B2*2）而不是数值；请改为粘贴数值") in lines
    assert {r for r, _c, _p in lines} == {3, 4, 5, 6}
    assert all(r["problem_kind"] == "error" for r in page.model.rows())
    # nothing of the report is left in English: every problem and column is Chinese
    for _row, column, problem in lines:
        assert HAN.search(problem), problem
        assert HAN.search(column), column
    # the table shows them as the model holds them
    view = page.proxy
    shown = {view.index(r, 2).data() for r in range(view.rowCount())}
    assert "新产品需要英文名称" in shown


def test_import_check_in_english_is_unchanged(
        store: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    from ui.context import UiContext

    i18n.install("en")
    run(store.write(staff_data))
    ctx = UiContext(store, lang="en", profile_dir=tmp_path)
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    path = _sheet(tmp_path / "catalog.csv")

    async def go() -> None:
        assert await wizard.load_file(path)
        wizard.mapping = dict(guess_mapping(wizard.headers()))
        await wizard.run_check()

    run(go())
    lines = {(r["row"], r["column"], r["problem"]) for r in wizard.check_page.model.rows()}
    assert (3, "MOQ", "MOQ must be a whole number, not 'lots'") in lines
    assert (5, "Name (English)", "a new product needs an English name") in lines
    assert (6, "Price min", "holds a formula (=B2*2), not a value; paste the values instead") \
        in lines


def test_a_bad_file_is_refused_in_chinese(zh: None, store: Any, qtbot: Any, run: Any,
                                          tmp_path: Path) -> None:
    from ui.context import UiContext

    ctx = UiContext(store, lang="zh_CN", profile_dir=tmp_path)
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    junk = tmp_path / "photo.csv"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert not run(wizard.load_file(junk))
    assert wizard.file_page.status.text() == "photo.csv 是 PNG 图片，不是电子表格"


# ---------------------------------------------------------------- deal terms and deal errors
def test_deal_terms_problems_show_in_chinese(zh: None, qtbot: Any) -> None:
    editor = TermsEditor()
    qtbot.addWidget(editor)
    editor.set_terms(_terms())
    model = editor.model
    model.setData(model.index(0, COL_QUANTITY), "0")
    problems = editor.check()
    assert problems == [("terms.items.0.quantity", "must be positive")]  # English in the data
    text = editor.problems_label.text()
    assert "必须大于 0" in text and "must be positive" not in text
    tip = model.data(model.index(0, COL_QUANTITY), Qt.ItemDataRole.ToolTipRole)
    assert "必须大于 0" in str(tip)
    # the same problem raised by normalise_terms (DealError), one line per problem
    with pytest.raises(DealError) as err:
        normalise_terms(editor.terms())
    assert str(err.value) == "terms.items.0.quantity: must be positive"
    shown = tr_error(err.value)
    assert "必须大于 0" in shown and "must" not in shown


def test_deal_and_workspace_errors_show_in_chinese(zh: None, store: Any, run: Any) -> None:
    run(store.write(staff_data))

    async def go() -> tuple[DealError, WorkspaceError]:
        with pytest.raises(DealError) as deal_err:
            await DealService(store, None).accept("0b6a4a52-2f7b-4f39-9f36-6f0e0b1d0c01", 1)
        with pytest.raises(WorkspaceError) as ws_err:
            await WorkspaceService(store, None).save_product(
                {"name_en": "Lamp", "section_id": 10, "company_id": 100, "moq": 0}, None)
        return deal_err.value, ws_err.value

    deal_err, ws_err = run(go())
    assert str(deal_err) == ("There is no deal 0b6a4a52-2f7b-4f39-9f36-6f0e0b1d0c01 "
                             "on this device.")
    assert deal_err.code == "deal.not_found"
    assert tr_error(deal_err) == "此设备上没有交易 0b6a4a52-2f7b-4f39-9f36-6f0e0b1d0c01。"
    assert str(ws_err) == "moq: must be a whole number from 1 to 1,000,000,000"
    assert tr_error(ws_err) == "起订量：必须是 1 到 1,000,000,000 之间的整数"


# ---------------------------------------------------------------- fallbacks
def test_unknown_codes_and_plain_texts_fall_back_to_english(zh: None) -> None:
    assert tr_problem("no.such.code", {"value": 1}, "Something odd") == "Something odd"
    assert tr_text(CodedText("Something odd", "no.such.code", {"x": 1})) == "Something odd"
    assert tr_text("a plain English text") == "a plain English text"
    assert tr_error(ValueError("plain")) == "plain"
    assert tr_error(ValueError()) == "ValueError"
    # a known code whose params do not fit the translation: the English text, no crash
    assert tr_problem("moq.not_whole", {}, "MOQ must be a whole number, not 'x'") == \
        "MOQ must be a whole number, not 'x'"
    # a known code with its params: Chinese
    assert tr_problem("moq.not_whole", {"value": "'x'"}, "…") == "起订量必须是整数，不能是 'x'"


def test_english_ui_shows_the_english_text(qapp: Any) -> None:
    i18n.install("en")
    english = "MOQ must be a whole number, not 'lots'"
    assert tr_problem("moq.not_whole", {"value": "'lots'"}, english) == english
    problems = [("moq", CodedText("must be positive", "terms.quantity_not_positive"))]
    listed = CodedText("moq: must be positive", "product.problems", {"items": problems})
    assert tr_text(listed) == "moq: must be positive"


def test_a_deal_state_in_a_message_is_translated(zh: None) -> None:
    err = DealError(CodedText("You cannot sign now: the deal is offered (…).",
                              "deal.not_allowed.sign", {"state": "offered"}))
    shown = tr_error(err)
    assert shown.startswith("现在不能签署") and "offered" not in shown, shown
