"""Compact product rows (protocol §4, ``product_format: "rows"``) give the same cache.

Every scenario is run twice, once with the products as change objects and once as
compact rows, and the two caches must hold exactly the same rows: products (every
column, the scope ownership included), the full-text index and the scopes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from cache_util import company, directory_page, product, tomb, track, up

from offline_cache import queries, syncstate
from offline_cache.schema import PRODUCT_COLUMNS
from offline_cache.search import SearchFilters
from offline_cache.store import Store


def to_row(p: dict[str, Any], columns: tuple[str, ...] = PRODUCT_COLUMNS) -> list[Any]:
    return [orjson.dumps(p[c]).decode() if c in ("specs", "certifications") else p[c]
            for c in columns]


Apply = Callable[[Store, str, list[dict[str, Any]], str], None]


def apply_objects(store: Store, scope: str, changes: list[dict[str, Any]], cursor: str) -> None:
    store.write_sync(syncstate.apply_page, scope, changes, cursor)


def apply_rows(store: Store, scope: str, changes: list[dict[str, Any]], cursor: str) -> None:
    rows = [to_row(ch["data"]) for ch in changes
            if ch["entity"] == "product" and ch["op"] == "upsert"]
    rest = [ch for ch in changes if not (ch["entity"] == "product" and ch["op"] == "upsert")]
    store.write_sync(syncstate.apply_page, scope, rest, cursor, product_rows=rows)


def dump(store: Store) -> dict[str, list[Any]]:
    def read(db: Any) -> dict[str, list[Any]]:
        c = db.conn
        return {
            "products": c.execute("SELECT * FROM products ORDER BY id").fetchall(),
            "fts": c.execute(
                "SELECT rowid, name, extra, facets FROM product_fts ORDER BY rowid").fetchall(),
            "scopes": c.execute("SELECT scope, cursor, complete FROM scopes ORDER BY scope"
                                ).fetchall(),
        }
    return store.read_sync(read)


def fts_check(store: Store) -> None:
    store.write_sync(lambda db: db.conn.execute(
        "INSERT INTO product_fts(product_fts, rank) VALUES ('integrity-check', 1)"))


def scenario(store: Store, apply: Apply) -> list[dict[str, list[Any]]]:
    """Follow, receive, move, hide, tombstone and unfollow; a snapshot after each step."""
    snaps = []
    track(store, "directory", "section:1", "section:2", "company:1")
    apply(store, "directory", directory_page([company(1), company(2, name_en="Acme Group Inc.")]),
          "d1")
    apply(store, "section:1", [
        up("product", product(1, name_en="Thermos Cup", name_zh="保温杯",
                              keywords="vacuum flask, 保温瓶", certifications=["CE", "FDA"])),
        up("product", product(2, name_en="Desk Lamp", name_zh="台灯", company_id=2,
                              certifications=["CE"])),
        up("product", product(3, name_en="LED Bulb", name_zh="灯泡", certifications=[])),
    ], "s1a")
    snaps.append(dump(store))
    apply(store, "company:1", [
        up("product", product(1, name_en="Thermos Cup 500ml", name_zh="保温杯", version=2,
                              certifications=["CE", "FDA"])),
        up("product", product(4, name_en="Secret Prototype", hidden=True)),
        up("staff", {"user_id": 9, "display_name": "Li", "email": "li@x", "company_id": 1}, 9),
    ], "c1a")
    snaps.append(dump(store))
    # product 3 moves to section 2 (the new section's upsert first), product 1 is hidden
    apply(store, "section:2", [up("product", product(3, section_id=2, name_en="LED Bulb",
                                                     name_zh="灯泡"))], "s2a")
    apply(store, "section:1", [tomb("product", 3), tomb("product", 1)], "s1b")
    apply(store, "company:1", [up("product", product(1, hidden=True, version=3))], "c1b")
    snaps.append(dump(store))
    # shown again, then the section is unfollowed: the company scope keeps its products
    apply(store, "company:1", [up("product", product(1, name_en="Thermos Cup", name_zh="保温杯",
                                                     certifications=["FDA"], version=4)),
                               up("product", product(4, name_en="Prototype", version=2))],
          "c1c")
    store.write_sync(syncstate.untrack_scope, "section:1")
    snaps.append(dump(store))
    fts_check(store)
    return snaps


def test_rows_and_objects_give_the_same_cache(tmp_path: Path) -> None:
    a = Store.open_sync(tmp_path / "objects.sqlite")
    b = Store.open_sync(tmp_path / "rows.sqlite")
    try:
        snaps_a = scenario(a, apply_objects)
        snaps_b = scenario(b, apply_rows)
        assert len(snaps_b) == len(snaps_a)
        for i, (x, y) in enumerate(zip(snaps_a, snaps_b, strict=True)):
            assert x == y, f"step {i}"
        # and it is the cache the searches expect
        page = b.read_sync(queries.search_products, "保温杯", SearchFilters(), 0, 10)
        assert [p["id"] for p in page.items] == [1]
        page = b.read_sync(queries.search_products, "therm", SearchFilters(certification="fda"),
                           0, 10)
        assert [p["id"] for p in page.items] == [1]
        got = b.read_sync(queries.get_product, 1)
        assert got is not None and got["specs"] == product(1)["specs"]
        assert got["certifications"] == ["FDA"] and got["hidden"] is False
    finally:
        a.close_sync()
        b.close_sync()


def test_rows_in_another_column_order_or_without_optional_columns(store: Store) -> None:
    track(store, "section:1")
    cols = tuple(reversed([c for c in PRODUCT_COLUMNS if c not in ("image_count", "specs")]))
    rows = [to_row(product(5, name_en="Rattan Pendant", certifications=["UKCA"]), cols)]
    store.write_sync(syncstate.apply_page, "section:1", [], "s1", product_rows=rows,
                     product_columns=cols)
    got = store.read_sync(queries.get_product, 5)
    assert got is not None
    assert got["name_en"] == "Rattan Pendant" and got["image_count"] == 0
    assert got["specs"] == [] and got["certifications"] == ["UKCA"]
    page = store.read_sync(queries.search_products, "rattan", SearchFilters(certification="ukca"),
                           0, 10)
    assert [p["id"] for p in page.items] == [5]
    fts_check(store)


def _bad(row: list[Any], i: str, value: Any) -> list[Any]:
    out = list(row)
    out[PRODUCT_COLUMNS.index(i)] = value
    return out


GOOD = to_row(product(1))


@pytest.mark.parametrize("rows", [
    [_bad(GOOD, "id", "1")],
    [_bad(GOOD, "id", None)],
    [_bad(GOOD, "id", True)],
    [_bad(GOOD, "hidden", 1)],
    [_bad(GOOD, "specs", [])],
    [_bad(GOOD, "specs", "not json")],
    [_bad(GOOD, "certifications", ["CE"])],
    [_bad(GOOD, "certifications", "{\"a\": 1}")],
    [_bad(GOOD, "certifications", "[oops")],
    [_bad(GOOD, "name_zh", 5)],
    [_bad(GOOD, "desc_en", {"x": 1})],
    [GOOD[:-1]],
    [GOOD, to_row(product(1))],            # the same id twice in one page
], ids=["id-str", "id-null", "id-bool", "hidden-int", "specs-list", "specs-text",
        "certs-list", "certs-object", "certs-bad-json", "name-int", "desc-object", "short",
        "twice"])
def test_malformed_rows_save_nothing(store: Store, rows: list[list[Any]]) -> None:
    track(store, "section:1")
    store.write_sync(syncstate.apply_page, "section:1", [], "s0",
                     product_rows=[to_row(product(9))])
    before = dump(store)
    with pytest.raises(syncstate.MalformedPage):
        store.write_sync(syncstate.apply_page, "section:1", [], "s1", product_rows=rows)
    assert dump(store) == before


def test_rows_without_required_columns_are_malformed(store: Store) -> None:
    track(store, "section:1")
    cols = tuple(c for c in PRODUCT_COLUMNS if c != "section_id")
    with pytest.raises(syncstate.MalformedPage):
        store.write_sync(syncstate.apply_page, "section:1", [], "s1",
                         product_rows=[to_row(product(1), cols)], product_columns=cols)
    assert store.read_sync(queries.count_products) == 0


def test_rows_for_other_scopes_are_ignored(store: Store) -> None:
    track(store, "directory", "me")
    store.write_sync(syncstate.apply_page, "directory", directory_page(), "d1",
                     product_rows=[to_row(product(1))])
    store.write_sync(syncstate.apply_page, "me", [], "m1", product_rows=[to_row(product(2))])
    assert store.read_sync(queries.count_products) == 0
