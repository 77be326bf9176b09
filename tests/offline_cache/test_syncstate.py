"""Applying pulled pages: upserts, tombstones, cursors, resume, reset, follow/unfollow."""

from __future__ import annotations

import pytest
from cache_util import apply, company, directory_page, product, tomb, track, up

from offline_cache import outbox, queries, syncstate, writes
from offline_cache.search import SearchFilters
from offline_cache.store import Store


def _fts_consistent(store: Store) -> None:
    """FTS5's own check: the index agrees with its content (raises if not)."""
    store.write_sync(lambda db: db.conn.execute(
        "INSERT INTO product_fts(product_fts, rank) VALUES ('integrity-check', 1)"))
    assert store.read_sync(lambda db: db.conn.execute(
        "SELECT count(*) FROM product_fts").fetchone()[0]) == store.read_sync(
        lambda db: db.conn.execute(
            "SELECT count(*) FROM products WHERE hidden = 0").fetchone()[0])


def _search_ids(store: Store, text: str, **f: object) -> list[int]:
    page = store.read_sync(queries.search_products, text, SearchFilters(**f), 0, 100)  # type: ignore[arg-type]
    return [p["id"] for p in page.items]


def test_apply_directory_and_products_with_cursor(store: Store) -> None:
    track(store, "directory", "section:1")
    cs = apply(store, "directory", directory_page(), "d1")
    assert cs.upserted["company"] == {1, 2}
    assert cs.upserted["section"] == {1, 2, 3}
    cs = apply(store, "section:1", [up("product", product(i)) for i in (1, 2, 3)], "s1")
    assert cs.upserted["product"] == {1, 2, 3}
    assert cs.scopes == {"section:1"}
    cursors = store.read_sync(syncstate.get_cursors)
    assert cursors == {"directory": "d1", "section:1": "s1"}
    p = store.read_sync(queries.get_product, 2)
    assert p is not None
    assert p["specs"] == [{"name_en": "Material", "name_zh": "材质", "value": "steel"}]
    assert p["hidden"] is False
    assert p["certifications"] == []
    c = store.read_sync(queries.get_company, 1)
    assert c is not None and c["section_ids"] == [1] and c["has_logo"] is True
    # the company's name is searchable through its products
    assert _search_ids(store, "hengda") == [1, 2, 3]
    assert _search_ids(store, "恒达") == [1, 2, 3]


def test_upsert_replaces_and_tombstone_deletes(store: Store) -> None:
    track(store, "section:1")
    apply(store, "section:1", [up("product", product(1, name_en="Thermos Flask"))])
    assert _search_ids(store, "thermos") == [1]
    apply(store, "section:1", [up("product", product(1, name_en="Desk Lamp", version=2))])
    assert _search_ids(store, "thermos") == []
    assert _search_ids(store, "lamp") == [1]
    assert store.read_sync(queries.get_product, 1)["version"] == 2  # type: ignore[index]
    cs = apply(store, "section:1", [tomb("product", 1)], "c2")
    assert cs.deleted["product"] == {1}
    assert store.read_sync(queries.get_product, 1) is None
    assert _search_ids(store, "lamp") == []
    assert store.read_sync(syncstate.get_cursors)["section:1"] == "c2"
    _fts_consistent(store)


def test_unknown_entities_and_ops_are_ignored(store: Store) -> None:
    track(store, "me")
    cs = apply(store, "me", [
        {"entity": "hologram", "op": "upsert", "id": 5, "data": {"x": 1}},
        {"entity": "favourite", "op": "frobnicate", "id": "product:1"},
        up("profile", {"user_id": 7, "display_name": "Ana", "email": "a@x", "role": "buyer",
                       "company_id": None, "company": "Ruiz", "country": "ES",
                       "interests": ["lighting"], "annual_volume": "1M", "version": 1}, 7),
    ], "m1")
    assert cs.upserted == {"profile": {7}}
    prof = store.read_sync(queries.get_profile)
    assert prof is not None and prof["interests"] == ["lighting"]
    assert store.read_sync(syncstate.get_cursors)["me"] == "m1"


def test_page_for_untracked_scope_is_dropped(store: Store) -> None:
    cs = apply(store, "section:2", [up("product", product(1, section_id=2))])
    assert not cs
    assert store.read_sync(queries.get_product, 1) is None
    assert store.read_sync(syncstate.get_cursors) == {}


def test_malformed_page_saves_nothing(store: Store) -> None:
    track(store, "section:1")
    apply(store, "section:1", [up("product", product(1))], "good")
    bad = [up("product", product(2)), {"entity": "product", "op": "upsert", "id": 3}]
    with pytest.raises(syncstate.MalformedPage):
        apply(store, "section:1", bad, "bad")
    bad_id = [up("product", product(2)), tomb("product", "x")]
    with pytest.raises(syncstate.MalformedPage):
        apply(store, "section:1", bad_id, "bad")
    assert store.read_sync(queries.get_product, 2) is None
    assert store.read_sync(syncstate.get_cursors)["section:1"] == "good"


def test_bad_scope_names_raise(store: Store) -> None:
    for bad in ("", "section:", "section:x", "section:-1", "sections:1", "me:1", "company"):
        with pytest.raises(ValueError):
            store.write_sync(syncstate.track_scope, bad)


def test_resume_after_reopen(cache_path) -> None:  # type: ignore[no-untyped-def]
    s = Store.open_sync(cache_path)
    track(s, "section:1")
    apply(s, "section:1", [up("product", product(i)) for i in range(1, 11)], "p1")
    s.close_sync()
    s = Store.open_sync(cache_path)
    try:
        assert s.read_sync(syncstate.get_cursors) == {"section:1": "p1"}
        assert s.read_sync(queries.count_products) == 10
        assert s.read_sync(syncstate.followed_sections) == [1]
    finally:
        s.close_sync()


def test_untrack_section_evicts_its_products_only(store: Store) -> None:
    track(store, "section:1", "section:2")
    apply(store, "section:1", [up("product", product(i, name_en="Lamp")) for i in (1, 2)])
    apply(store, "section:2", [up("product", product(i, section_id=2, name_en="Lamp"))
                               for i in (3, 4)])
    cs = store.write_sync(syncstate.untrack_scope, "section:1")
    assert cs.deleted["product"] == {1, 2}
    assert store.read_sync(syncstate.followed_sections) == [2]
    assert _search_ids(store, "lamp") == [3, 4]
    assert store.read_sync(queries.count_products) == 2


def test_product_in_section_and_company_scope_is_stored_once(store: Store) -> None:
    track(store, "section:1", "company:1")
    apply(store, "section:1", [up("product", product(1, name_en="Lamp"))])
    apply(store, "company:1", [up("product", product(1, name_en="Lamp")),
                               up("product", product(2, name_en="Secret Lamp", hidden=True)),
                               up("staff", {"user_id": 9, "display_name": "Li",
                                            "email": "li@x", "company_id": 1}, 9)])
    assert store.read_sync(queries.count_products) == 2
    assert _search_ids(store, "lamp") == [1]            # hidden products are not searched
    assert store.read_sync(queries.list_staff, 1)[0]["user_id"] == 9
    # unfollowing the section keeps what the company scope still needs
    store.write_sync(syncstate.untrack_scope, "section:1")
    assert store.read_sync(queries.get_product, 1) is not None
    assert _search_ids(store, "lamp") == [1]
    # and a section tombstone for it does nothing now
    track(store, "section:1")
    apply(store, "section:1", [tomb("product", 1)])
    assert store.read_sync(queries.get_product, 1) is not None
    # leaving the company scope evicts them (the section scope no longer holds them)
    store.write_sync(syncstate.untrack_scope, "company:1")
    assert store.read_sync(queries.count_products) == 0
    assert store.read_sync(queries.list_staff, 1) == []
    _fts_consistent(store)


def test_company_tombstone_keeps_product_the_section_holds(store: Store) -> None:
    track(store, "section:1", "company:1")
    apply(store, "company:1", [up("product", product(1))])
    apply(store, "section:1", [up("product", product(1))])
    apply(store, "company:1", [tomb("product", 1)])
    assert store.read_sync(queries.get_product, 1) is not None
    apply(store, "section:1", [tomb("product", 1)])
    assert store.read_sync(queries.get_product, 1) is None


def test_product_moved_between_followed_sections(store: Store) -> None:
    track(store, "section:1", "section:2")
    apply(store, "section:1", [up("product", product(1, name_en="Lamp"))])
    # the new section's upsert may arrive before the old section's tombstone
    apply(store, "section:2", [up("product", product(1, section_id=2, name_en="Lamp"))])
    apply(store, "section:1", [tomb("product", 1)])
    p = store.read_sync(queries.get_product, 1)
    assert p is not None and p["section_id"] == 2
    assert _search_ids(store, "lamp", section_id=2) == [1]
    assert _search_ids(store, "lamp", section_id=1) == []
    store.write_sync(syncstate.untrack_scope, "section:2")
    assert store.read_sync(queries.get_product, 1) is None
    _fts_consistent(store)


def test_reset_scope_discards_data_and_cursor(store: Store) -> None:
    track(store, "section:1", "directory")
    apply(store, "directory", directory_page(), "d1")
    apply(store, "section:1", [up("product", product(i)) for i in (1, 2)], "s1")
    cs = store.write_sync(syncstate.reset_scope, "section:1")
    assert cs.deleted["product"] == {1, 2}
    assert store.read_sync(syncstate.get_cursors) == {"directory": "d1", "section:1": None}
    assert store.read_sync(queries.count_products) == 0
    cs = store.write_sync(syncstate.reset_scope, "directory")
    assert cs.deleted["company"] == {1, 2}
    assert store.read_sync(queries.list_categories) == []


def test_company_rename_reindexes_its_products(store: Store) -> None:
    track(store, "directory", "section:1")
    apply(store, "section:1", [up("product", product(1))])       # before the directory
    assert _search_ids(store, "hengda") == []
    apply(store, "directory", directory_page())
    assert _search_ids(store, "hengda") == [1]
    apply(store, "directory", [up("company", company(1, name_en="Xiamen Sunrise Ltd",
                                                     name_zh="厦门日出有限公司"))])
    assert _search_ids(store, "hengda") == []
    assert _search_ids(store, "sunrise") == [1]
    assert _search_ids(store, "日出") == [1]
    _fts_consistent(store)


def test_list_sections_followed_and_counts(store: Store) -> None:
    track(store, "directory", "section:1")
    apply(store, "directory", directory_page())
    apply(store, "section:1", [up("product", product(i)) for i in (1, 2, 3)])
    secs = {s["id"]: s for s in store.read_sync(queries.list_sections)}
    assert secs[1]["followed"] is True and secs[1]["cached_products"] == 3
    assert secs[2]["followed"] is False and secs[2]["cached_products"] == 0
    assert [s["id"] for s in store.read_sync(queries.list_sections, 2)] == [3]
    assert store.read_sync(queries.count_companies, 1) == 2
    assert store.read_sync(queries.count_companies, None, "D1") == 1
    assert [c["id"] for c in store.read_sync(queries.list_companies, None, "恒达")] == [1, 2]
    stats = store.read_sync(queries.cache_stats)
    assert stats["products"] == 3 and stats["companies"] == 2 and stats["bytes"] > 0


def test_me_page_keeps_unsent_local_changes(store: Store) -> None:
    track(store, "me")
    store.write_sync(writes.set_favourite, "product", 7, note="local note")
    # a pull brings the server's older state of that favourite and none of the new note
    apply(store, "me", [up("favourite", {"id": "product:7", "kind": "product",
                                         "target_id": 7, "note": "old", "tags": [],
                                         "created_at": "2026-11-01T00:00:00Z"})])
    favs = store.read_sync(queries.list_favourites)
    assert [(f["id"], f["note"]) for f in favs] == [("product:7", "local note")]
    # once applied on the server, the pulled state is the truth
    seq = store.read_sync(outbox.pending)[0].seq
    store.write_sync(outbox.record_results, [{"seq": seq, "status": "applied"}])
    apply(store, "me", [up("favourite", {"id": "product:7", "kind": "product",
                                         "target_id": 7, "note": "server", "tags": ["a"],
                                         "created_at": "2026-11-01T00:00:00Z"})])
    favs = store.read_sync(queries.list_favourites)
    assert [(f["note"], f["tags"]) for f in favs] == [("server", ["a"])]
    apply(store, "me", [tomb("favourite", "product:7")])
    assert store.read_sync(queries.list_favourites) == []
