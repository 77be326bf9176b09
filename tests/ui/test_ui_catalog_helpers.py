"""app.catalog's pure helpers (bilingual text, prices, CSV export, comparison rows)."""

from __future__ import annotations

import csv
import io

from app.catalog import (
    MAX_COMPARE,
    UiFilters,
    as_list,
    bilingual,
    compare_rows,
    format_bytes,
    format_price,
    localized,
    shortlist_csv,
)

P1 = {
    "id": 1,
    "name_en": "LED Desk Lamp",
    "name_zh": "LED台灯",
    "price_min_cents": 120,
    "price_max_cents": 340,
    "currency": "USD",
    "moq": 500,
    "unit_en": "pieces",
    "unit_zh": "件",
    "lead_time_days": 30,
    "certifications": ["CE", "RoHS"],
    "specs": [{"name_en": "Power", "name_zh": "功率", "value": "5 W"}],
    "company_name_en": "Bright Co",
    "company_name_zh": "明亮公司",
}
P2 = {
    "id": 2,
    "name_en": "Floor Lamp",
    "name_zh": "",
    "price_min_cents": 1000,
    "price_max_cents": 1000,
    "currency": "EUR",
    "moq": None,
    "certifications": "[\"UL\"]",
    "specs": [{"name_en": "Height", "name_zh": "高度", "value": "1.6 m"}],
}


def test_bilingual_prefers_the_ui_language_and_falls_back():
    assert bilingual(P1, "name", "en") == ("LED Desk Lamp", "LED台灯")
    assert bilingual(P1, "name", "zh_CN") == ("LED台灯", "LED Desk Lamp")
    assert bilingual(P2, "name", "zh_CN") == ("Floor Lamp", "")
    assert localized({}, "name", "en") == ""


def test_prices_and_sizes():
    assert format_price(P1) == "USD 1.20 – 3.40"
    assert format_price(P2) == "EUR 10.00"
    assert format_price({"currency": "USD"}) == ""
    assert format_price({"price_min_cents": 150000, "price_max_cents": None, "currency": "XYZ"}) == "XYZ 1,500.00"
    assert format_bytes(512) == "512 B"
    assert format_bytes(3 * 1024 * 1024) == "3.0 MB"


def test_as_list_tolerates_json_text_and_junk():
    assert as_list(None) == []
    assert as_list('["a", "b"]') == ["a", "b"]
    assert as_list("a, b") == ["a", "b"]
    assert as_list(("x",)) == ["x"]
    assert as_list(5) == [5]


def test_filters_as_params_drop_empty_values():
    assert UiFilters().as_params() == {}
    f = UiFilters(section_id=3, price_max_cents=500, cert="CE")
    assert f.as_params() == {"section_id": 3, "price_max_cents": 500, "cert": "CE"}


def test_shortlist_csv_has_every_entry_and_neutralises_formulas():
    entries = [
        {"kind": "product", "target_id": 1, "note": "=HYPERLINK(\"x\")", "tags": ["samples", "a,b"], "target": P1},
        {"kind": "company", "target_id": 9, "note": "visit", "tags": [], "target": {"name_en": "Bright Co", "name_zh": "明亮公司"}},
        {"kind": "product", "target_id": 77, "note": "", "tags": [], "target": None},
    ]
    text = shortlist_csv(entries)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "kind"
    assert len(rows) == 4
    assert rows[1][2] == "LED Desk Lamp" and rows[1][3] == "LED台灯"
    assert rows[1][4] == "Bright Co"
    assert rows[1][10].startswith("'=")  # never a live formula
    assert rows[1][11] == "samples; a,b"
    assert rows[2][0] == "company" and rows[2][2] == "Bright Co"
    assert rows[3][1] == "77" and rows[3][2] == ""
    assert shortlist_csv([]).count("\n") == 1


def test_compare_rows_align_specs_across_products():
    rows = dict(compare_rows([P1, P2], "en"))
    assert rows["name"] == ["LED Desk Lamp", "Floor Lamp"]
    assert rows["company"] == ["Bright Co", ""]
    assert rows["moq"] == ["500 pieces", ""]
    assert rows["certifications"] == ["CE, RoHS", "UL"]
    assert rows["spec:Power"] == ["5 W", ""]
    assert rows["spec:Height"] == ["", "1.6 m"]
    zh = dict(compare_rows([P1], "zh_CN"))
    assert zh["name"] == ["LED台灯"] and "spec:功率" in zh
    assert len(compare_rows([P1] * 6, "en")[0][1]) == MAX_COMPARE
