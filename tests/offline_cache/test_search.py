"""Local product search: English prefixes, Chinese characters, hostile input, filters."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from cache_util import apply, directory_page, product, track, up
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offline_cache import queries, schema, search
from offline_cache.search import SearchError, SearchFilters
from offline_cache.store import Store

CATALOG = [
    product(1, name_en="Stainless Steel Thermos Flask", name_zh="不锈钢保温瓶",
            keywords="thermos flask 保温", price=(500, 900), moq=100,
            certifications=["LFGB", "FDA"], section_id=3, category_id=2),
    product(2, name_en="Insulated Cup 500ml", name_zh="保温杯500毫升",
            desc_en="Keeps drinks hot for 12 hours.", price=(300, 450), moq=500,
            certifications=["LFGB"], section_id=3, category_id=2, company_id=2),
    product(3, name_en="LED Ceiling Lamp", name_zh="LED吸顶灯", keywords="led lamp 灯",
            price=(1200, 2500), moq=50, certifications=["CE", "RoHS"], section_id=1),
    product(4, name_en="Desk Lamp", name_zh="台灯", price=(800, 1500), moq=20,
            certifications=["CE"], section_id=1),
    product(5, name_en="Garden Chair", name_zh="花园椅", keywords="reading lamp, 保温坐垫",
            desc_en="Pairs well with a lamp for evenings.", price=(2000, 4000), moq=10,
            section_id=2, category_id=1, company_id=2),
    product(6, name_en="Cup Holder", name_zh="杯架", desc_zh="保温效果好", price=(100, 150),
            moq=1000, section_id=3, category_id=2),
    product(7, name_en="Café Crème Mug", name_zh="咖啡杯", price=(200, 400), section_id=3,
            category_id=2, currency="EUR"),
    product(8, name_en="Hidden Lamp", name_zh="隐藏灯", hidden=True, section_id=1),
]


@pytest.fixture(scope="module")
def cat_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("search") / "cache.sqlite"
    s = Store.open_sync(path)
    track(s, "directory", "section:1", "section:2", "section:3", "company:1")
    apply(s, "directory", directory_page())
    for sec in (1, 2, 3):
        apply(s, f"section:{sec}", [up("product", p) for p in CATALOG
                                    if p["section_id"] == sec and not p["hidden"]])
    apply(s, "company:1", [up("product", p) for p in CATALOG if p["hidden"]])
    yield s
    s.close_sync()


def ids(store: Store, text: str, filters: SearchFilters | None = None, offset: int = 0,
        limit: int = 50) -> list[int]:
    page = store.read_sync(queries.search_products, text, filters or SearchFilters(),
                           offset, limit)
    return [p["id"] for p in page.items]


def test_english_prefix(cat_store: Store) -> None:
    assert ids(cat_store, "therm") == [1]
    assert ids(cat_store, "THERMOS") == [1]
    assert set(ids(cat_store, "lam")) == {3, 4, 5}   # 5: in its keywords
    assert ids(cat_store, "led lamp") == [3]
    assert ids(cat_store, "lamp zzz") == []
    # diacritics are folded both ways
    assert ids(cat_store, "cafe creme") == [7]
    assert ids(cat_store, "café") == [7]


def test_chinese_single_and_multi_character(cat_store: Store) -> None:
    assert set(ids(cat_store, "灯")) == {3, 4}
    assert set(ids(cat_store, "保温")) == {1, 2, 5}
    assert ids(cat_store, "保温杯") == [2]          # a phrase: 保 温 杯 in a row
    assert ids(cat_store, "不锈钢保温瓶") == [1]
    assert ids(cat_store, "温保") == []              # not these characters in that order
    assert ids(cat_store, "吸顶灯 led") == [3]       # mixed scripts
    assert ids(cat_store, "LED吸顶灯") == [3]
    assert ids(cat_store, "恒达") != []              # company names are searchable


def test_ranking_prefers_name_over_keywords(cat_store: Store) -> None:
    assert ids(cat_store, "lamp")[-1] == 5           # only its keywords mention lamps
    assert ids(cat_store, "保温")[-1] == 5           # only in its keywords


def test_descriptions_are_not_indexed(cat_store: Store) -> None:
    # the lean local index: names, keywords, company names (descriptions are shown only)
    assert ids(cat_store, "drinks") == []            # product 2's desc_en
    assert ids(cat_store, "evenings") == []          # product 5's desc_en
    assert ids(cat_store, "效果") == []              # product 6's desc_zh
    assert ids(cat_store, "坐垫") == [5]             # keywords are


def test_company_legal_suffix_is_not_indexed() -> None:
    assert search.company_text("Ningbo Hengda Electrical Co., Ltd.", "宁波恒达电器有限公司") \
        .split() == ["Ningbo", "Hengda", "Electrical", *"宁波恒达电器"]
    assert search.company_text("ACME Inc.", "集团").split() == ["ACME", "集", "团"]
    assert search.company_text("Co., Ltd.", None).split() == ["Co.,", "Ltd."]
    assert search.company_text(None, None).strip() == ""


def test_hidden_products_are_not_found(cat_store: Store) -> None:
    assert 8 not in ids(cat_store, "lamp")
    assert 8 not in ids(cat_store, "", SearchFilters(section_id=1))


def test_filters(cat_store: Store) -> None:
    assert set(ids(cat_store, "lamp", SearchFilters(section_id=1))) == {3, 4}
    assert ids(cat_store, "lamp", SearchFilters(section_id=2)) == [5]
    assert set(ids(cat_store, "", SearchFilters(category_id=2))) == {1, 2, 6, 7}
    assert set(ids(cat_store, "", SearchFilters(company_id=2))) == {2, 5}
    assert ids(cat_store, "lamp", SearchFilters(company_id=2)) == [5]
    # price ranges overlap the product's FOB range
    assert set(ids(cat_store, "", SearchFilters(price_min_cents=1000,
                                                price_max_cents=1300))) == {3, 4}
    assert set(ids(cat_store, "", SearchFilters(price_max_cents=300))) == {2, 6, 7}
    assert ids(cat_store, "lamp", SearchFilters(price_min_cents=2100)) == [3, 5]
    assert set(ids(cat_store, "", SearchFilters(moq_max=50))) == {3, 4, 5, 7}
    assert set(ids(cat_store, "", SearchFilters(certification="ce"))) == {3, 4}
    assert set(ids(cat_store, "保温", SearchFilters(certification="LFGB"))) == {1, 2}
    assert ids(cat_store, "", SearchFilters(certification="ISO 9001")) == []
    assert ids(cat_store, "", SearchFilters(certification="--")) == []
    assert ids(cat_store, "", SearchFilters(currency="eur")) == [7]
    assert ids(cat_store, "lamp", SearchFilters(section_id=1, moq_max=20,
                                                certification="CE")) == [4]


def test_sorts_and_paging(cat_store: Store) -> None:
    assert ids(cat_store, "", SearchFilters(category_id=2, sort="price")) == [6, 7, 2, 1]
    assert ids(cat_store, "", SearchFilters(category_id=2, sort="price_desc")) == [1, 2, 7, 6]
    assert ids(cat_store, "", SearchFilters(category_id=2, sort="name")) == [7, 6, 2, 1]
    assert ids(cat_store, "保温", SearchFilters(sort="price")) == [2, 1, 5]
    everything = ids(cat_store, "")
    assert everything == [1, 2, 3, 4, 5, 6, 7]
    assert ids(cat_store, "", offset=2, limit=3) == [3, 4, 5]
    page = cat_store.read_sync(queries.search_products, "lamp", SearchFilters(), 1, 1)
    assert page.total == 3 and page.total_is_exact and len(page.items) == 1
    assert page.offset == 1 and page.limit == 1
    assert ids(cat_store, "lamp", offset=10) == []
    assert ids(cat_store, "lamp", limit=0) == []


def test_invalid_filters_raise_clear_errors(cat_store: Store) -> None:
    for f in (SearchFilters(section_id="1"),  # type: ignore[arg-type]
              SearchFilters(moq_max=True), SearchFilters(sort="random")):  # type: ignore[arg-type]
        with pytest.raises(SearchError):
            cat_store.read_sync(queries.search_products, "x", f)


HOSTILE = [
    '"', '""', "'", "*", "**", "-", "- lamp", "lamp -", "AND", "OR", "NOT", "lamp AND",
    "OR lamp", "NOT NOT", "NEAR", "NEAR(lamp cup)", "NEAR(", "(", ")", "((lamp)", "^",
    "^lamp", "lamp:", ":", "name_en:lamp", "{name_en}: lamp", "col:", "lamp*", "*lamp",
    'lamp" OR "cup', "😀", "🔥 lamp 🔥", "\x00", "\ufeff", "\u200b", "lamp\x00cup", "\\",
    "%", "_", "+", "lamp + cup", "a" * 10_000, "灯" * 10_000, "lamp " * 5000, "", "   ",
    "\t\n", "‐–—", "ｌａｍｐ", "ǅ", "İ", "ß", "ﬁ", "한국어", "日本語のテキスト", "١٢٣",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_raises(cat_store: Store, text: str) -> None:
    page = cat_store.read_sync(queries.search_products, text, SearchFilters(), 0, 10)
    assert page.total >= len(page.items)
    page = cat_store.read_sync(queries.search_products, text,
                               SearchFilters(section_id=1, price_max_cents=5000, sort="name"),
                               0, 10)
    assert page.total >= len(page.items)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=60))
def test_any_text_builds_a_valid_match(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    schema.create_fts(conn)
    conn.execute(search.FTS_INSERT, search.fts_row(product(1, name_en=text, name_zh=text), ""))
    match = search.build_match(text)
    if match is None:
        assert search.terms(text) == []
        return
    rows = conn.execute("SELECT rowid FROM product_fts WHERE product_fts MATCH ?",
                        (match,)).fetchall()
    # a product whose name is exactly the query is found by it (for scripts whose
    # letters SQLite's Unicode 6.1 tables and Python's agree on)
    if all(ord(c) < 0x0370 or 0x4E00 <= ord(c) <= 0x9FFF for c in text):
        assert rows == [(1,)]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
       st.sampled_from(["relevance", "price", "name"]))
def test_search_never_raises(cat_store: Store, text: str, sort: str) -> None:
    page = cat_store.read_sync(queries.search_products, text,
                               SearchFilters(sort=sort, category_id=2), 0, 5)  # type: ignore[arg-type]
    assert len(page.items) <= 5


def test_total_is_capped_for_huge_match_sets(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    s = Store.open_sync(tmp_path / "c.sqlite")
    try:
        track(s, "section:1")
        apply(s, "section:1", [up("product", product(i, name_en="Lamp")) for i in range(1, 21)])
        page = s.read_sync(queries.search_products, "lamp", SearchFilters(), 0, 3)
        assert (page.total, page.total_is_exact, len(page.items)) == (5, False, 3)
        page = s.read_sync(queries.search_products, "lamp", SearchFilters(), 10, 3)
        assert page.total >= 13 and not page.total_is_exact
        page = s.read_sync(queries.search_products, "", SearchFilters(section_id=1), 0, 3)
        assert not page.total_is_exact
    finally:
        s.close_sync()


def test_common_filter_token_path_gives_the_same_results(cat_store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    plain = {q: ids(cat_store, q, SearchFilters(certification="LFGB")) for q in ("保温", "cup")}
    plain_ce = ids(cat_store, "lamp", SearchFilters(certification="CE", moq_max=50))
    monkeypatch.setattr(search, "COMMON_FACET", 0)     # every certification is "common"
    for q, want in plain.items():
        assert ids(cat_store, q, SearchFilters(certification="LFGB")) == want
    assert ids(cat_store, "lamp", SearchFilters(certification="CE", moq_max=50)) == plain_ce
    assert set(plain_ce) == {3, 4}


def test_index_merging(tmp_path: Path) -> None:
    s = Store.open_sync(tmp_path / "c.sqlite")
    try:
        track(s, "section:1")
        for start in range(1, 400, 20):    # many small pages: many index segments
            apply(s, "section:1", [up("product", product(i, name_en=f"Lamp {i}"))
                                   for i in range(start, start + 20)])
        steps = 0
        while s.write_sync(search.merge_index, 50):
            steps += 1
            assert steps < 1000
        assert not s.write_sync(search.merge_index, 50)
        s.write_sync(search.optimize_index)
        assert len(ids(s, "lamp", limit=500)) == 400
        # FTS5's own consistency check raises if the index and its content disagree
        s.write_sync(lambda db: db.conn.execute(
            "INSERT INTO product_fts(product_fts, rank) VALUES ('integrity-check', 1)"))
    finally:
        s.close_sync()
