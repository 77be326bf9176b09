"""The exhibitor's workspace in the cache: figures, leads, views, catalog edits and their
conflicts, booth edits, uploads and imports (no server: results are fed as the server
would record them)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from offline_cache import outbox, queries, syncstate, workspace
from offline_cache.store import Store
from tests.offline_cache.cache_util import apply, company, directory_page, product, tomb, track, up

PROFILE = {"user_id": 7, "display_name": "Staff", "email": "s@x", "role": "exhibitor",
           "company_id": 1, "company": "C", "country": "CN", "interests": [],
           "annual_volume": "", "version": 1}


@pytest.fixture
def staff(store: Store) -> Store:
    track(store, "directory", "me", "company:1")
    apply(store, "directory", directory_page())
    apply(store, "me", [up("profile", PROFILE)])
    apply(store, "company:1", [up("product", product(5, name_en="Lamp", version=3)),
                               up("product", product(6, name_en="Kettle", version=1))])
    return store


def _fig(day: str, visits: int, views: int = 0) -> dict[str, Any]:
    return {"id": day, "company_id": 1, "day": day, "booth_visits": visits,
            "product_views": views, "inquiries": 1, "deals": 0, "grants": 0,
            "card_requests": 0, "top_products": [{"product_id": 5, "views": views}],
            "updated_at": "x"}


def _lead(uid: int, name: str, sources: list[str], last: str) -> dict[str, Any]:
    return {"id": uid, "user_id": uid, "company_id": 1, "sources": sources,
            "authorized": "authorized" in sources, "messaged": "messaged" in sources,
            "deal": "deal" in sources, "message_count": 2 if "messaged" in sources else 0,
            "deal_count": 0, "first_contact_at": "2026-11-01T00:00:00Z",
            "last_contact_at": last, "display_name": name, "company": f"{name} Imports",
            "country": "ES", "limited": False, "email": f"{name.lower()}@x",
            "interests": [], "annual_volume": ""}


def test_figures_and_leads_apply_fill_and_discard(staff: Store) -> None:
    cs = apply(staff, "company:1", [
        up("figures_day", _fig("2026-11-20", 5, 9)), up("figures_day", _fig("2026-11-22", 2)),
        up("lead", _lead(10, "Ana", ["authorized", "messaged"], "2026-11-21T10:00:00Z")),
        up("lead", _lead(11, "Bo", ["deal"], "2026-11-22T10:00:00Z")),
        up("lead", _lead(12, "Cy", ["messaged"], "2026-11-19T10:00:00Z")),
        {"entity": "unknown_future", "op": "upsert", "id": 1, "data": {}},
    ], "c2")
    assert cs.upserted["figures_day"] == {"2026-11-20", "2026-11-22"}
    days = staff.read_sync(workspace.list_figures, 1, "2026-11-19", "2026-11-22")
    assert [d["day"] for d in days] == ["2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"]
    assert [d["booth_visits"] for d in days] == [0, 5, 0, 2]
    assert days[1]["top_products"] == [{"product_id": 5, "views": 9}]
    # the same day again replaces it
    apply(staff, "company:1", [up("figures_day", _fig("2026-11-22", 7))], "c3")
    assert staff.read_sync(workspace.list_figures, 1, "2026-11-22", "2026-11-22")[0][
        "booth_visits"] == 7

    names = [x["display_name"] for x in staff.read_sync(workspace.list_leads, 1)]
    assert names == ["Bo", "Ana", "Cy"]                       # last contact first
    assert [x["display_name"] for x in staff.read_sync(
        workspace.list_leads, 1, "", "messaged", "name")] == ["Ana", "Cy"]
    assert [x["display_name"] for x in staff.read_sync(workspace.list_leads, 1, "bo")] == ["Bo"]
    assert staff.read_sync(workspace.list_leads, 1, "100%_") == []
    with pytest.raises(ValueError):
        staff.read_sync(workspace.list_leads, 1, "", "spam")
    with pytest.raises(ValueError):
        staff.read_sync(workspace.list_leads, 1, "", None, "nonsense")
    # a revoke of a buyer who never contacted: the lead's tombstone
    apply(staff, "company:1", [tomb("lead", 11)], "c4")
    assert [x["user_id"] for x in staff.read_sync(workspace.list_leads, 1)] == [10, 12]
    # reset of the company scope drops them
    cs = staff.write_sync(syncstate.reset_scope, "company:1")
    assert cs.deleted["lead"] == {10, 12}
    assert staff.read_sync(workspace.list_leads, 1) == []
    assert [d["booth_visits"] for d in staff.read_sync(
        workspace.list_figures, 1, "2026-11-20", "2026-11-20")] == [0]


def test_malformed_figures_page_is_refused_whole(staff: Store) -> None:
    with pytest.raises(syncstate.MalformedPage):
        apply(staff, "company:1", [up("lead", _lead(10, "Ana", ["deal"], "x")),
                                   up("figures_day", {"day": "yesterday"}, "yesterday")], "c9")
    assert staff.read_sync(workspace.list_leads, 1) == []
    assert staff.read_sync(syncstate.get_cursors)["company:1"] == "c1"


def test_record_view_once_per_day(store: Store) -> None:
    track(store, "me")
    apply(store, "me", [up("profile", {**PROFILE, "role": "buyer", "company_id": None})])
    for _ in range(3):
        store.write_sync(workspace.record_view, "product", 5, "2026-11-22T08:00:00Z")
    store.write_sync(workspace.record_view, "product", 5, "2026-11-23T08:00:00.5Z")
    store.write_sync(workspace.record_view, "booth", 5, "2026-11-23T09:00:00Z")
    items = store.read_sync(outbox.pending)
    assert [(i.type, i.args["kind"], i.args["at"][:10]) for i in items] == [
        ("view.record", "product", "2026-11-22"), ("view.record", "product", "2026-11-23"),
        ("view.record", "booth", "2026-11-23")]
    for bad in (("shelf", 5, None), ("product", 0, None), ("product", 5, "yesterday")):
        with pytest.raises(ValueError):
            store.write_sync(workspace.record_view, *bad)
    # a refused view is simply not counted (the result is recorded, nothing else)
    store.write_sync(outbox.mark_sent, [1])
    store.write_sync(outbox.record_results, [{"seq": 1, "status": "rejected",
                                              "code": "not-found", "reason": "no product"}])
    assert store.read_sync(outbox.counts)["rejected"] == 1


def test_staff_views_are_not_queued(staff: Store) -> None:
    staff.write_sync(workspace.record_view, "booth", 2)
    assert staff.read_sync(outbox.pending) == []


def _reject_with_current(store: Store, seq: int, current: dict[str, Any]) -> None:
    store.write_sync(outbox.mark_sent, [seq])
    store.write_sync(outbox.record_results, [{
        "seq": seq, "status": "rejected", "code": "conflict",
        "reason": f"product is at version {current['version']}", "result": {"current": current}}])


def test_conflict_keeps_both_versions_and_resolves(staff: Store) -> None:
    mine = {**staff.read_sync(queries.get_product, 5), "name_en": "My Lamp", "moq": 50,
            "pending": True, "conflict": False}            # UI-only keys are dropped
    staff.write_sync(workspace.save_product, mine, 3)
    [item] = staff.read_sync(outbox.pending)
    assert set(item.args["product"]) <= set(workspace.PRODUCT_FIELDS)
    listed = staff.read_sync(workspace.list_company_products, 1)
    assert [(p["id"], p["name_en"], p["pending"]) for p in listed] == [
        (5, "My Lamp", True), (6, "Kettle", False)]
    theirs = product(5, name_en="Their Lamp", version=4)
    _reject_with_current(staff, item.seq, theirs)
    # nothing overwritten silently: the cache shows theirs, the conflict keeps both
    assert staff.read_sync(queries.get_product, 5)["name_en"] == "Their Lamp"
    [c] = staff.read_sync(workspace.catalog_conflicts)
    assert (c["seq"], c["product_id"], c["action"], c["code"]) == (item.seq, 5, "edit",
                                                                  "conflict")
    assert c["mine"]["name_en"] == "My Lamp" and c["theirs"]["name_en"] == "Their Lamp"
    assert c["theirs"]["version"] == 4
    assert [p["conflict"] for p in staff.read_sync(workspace.list_company_products, 1)] == [
        True, False]
    # keep mine: my fields again, on the server's version
    staff.write_sync(workspace.resolve_conflict, item.seq, "mine")
    assert staff.read_sync(workspace.catalog_conflicts) == []
    [again] = staff.read_sync(outbox.pending)
    assert again.args["base_version"] == 4
    assert again.args["product"]["name_en"] == "My Lamp"
    assert again.args["product"]["moq"] == 50
    assert staff.read_sync(queries.get_product, 5)["name_en"] == "My Lamp"
    with pytest.raises(ValueError):
        staff.write_sync(workspace.resolve_conflict, item.seq, "mine")   # already resolved


def test_take_theirs_dismisses(staff: Store) -> None:
    staff.write_sync(workspace.save_product, {"id": 6, "name_en": "Mine"}, 1)
    [item] = staff.read_sync(outbox.pending)
    _reject_with_current(staff, item.seq, product(6, name_en="Theirs", version=2))
    with pytest.raises(ValueError):
        staff.write_sync(workspace.resolve_conflict, item.seq, "both")
    staff.write_sync(workspace.resolve_conflict, item.seq, "theirs")
    assert staff.read_sync(workspace.catalog_conflicts) == []
    assert staff.read_sync(outbox.pending) == []
    assert staff.read_sync(queries.get_product, 6)["name_en"] == "Theirs"


def test_second_offline_edit_merges_into_the_queued_one(staff: Store) -> None:
    staff.write_sync(workspace.save_product, {"id": 5, "name_en": "A"}, 3)
    staff.write_sync(workspace.save_product, {"id": 5, "moq": 12}, 3)
    [item] = staff.read_sync(outbox.pending)
    assert item.args["base_version"] == 3
    assert (item.args["product"]["name_en"], item.args["product"]["moq"]) == ("A", 12)
    # on its way (sent, no reply yet): merged as well; the retry carries it, and if the
    # server had applied the first version, the difference follows (below)
    staff.write_sync(outbox.mark_sent, [item.seq])
    staff.write_sync(workspace.save_product, {"id": 5, "moq": 13}, 3)
    [item] = staff.read_sync(outbox.pending)
    assert (item.state, item.args["product"]["moq"]) == ("sent", 13)
    # a booth edit waits once the first is on its way
    staff.write_sync(workspace.update_company, {"city": "A"})
    [booth] = [i for i in staff.read_sync(outbox.pending) if i.type == "company.update"]
    staff.write_sync(outbox.mark_sent, [booth.seq])
    with pytest.raises(ValueError, match="being sent"):
        staff.write_sync(workspace.update_company, {"city": "B"})


def test_merge_that_missed_the_push_is_queued_again(staff: Store) -> None:
    staff.write_sync(workspace.save_product, {"id": 5, "name_en": "A"}, 3)
    [item] = staff.read_sync(outbox.pending)
    staff.write_sync(workspace.save_product, {"id": 5, "moq": 99}, 3)   # merged
    # the engine had read the item before the merge: the server applied only "A"
    server = product(5, name_en="A", version=4)
    staff.write_sync(outbox.mark_sent, [item.seq])
    staff.write_sync(outbox.record_results, [{"seq": item.seq, "status": "applied", "result": {
        "id": "product:5", "product_id": 5, "version": 4, "data": server}}])
    apply(staff, "company:1", [up("product", server)], "c5")
    [follow] = staff.read_sync(outbox.pending)
    assert follow.args == {"product": {"id": 5, "company_id": 1, "moq": 99}, "base_version": 4}


def test_create_draft_edit_and_applied(staff: Store) -> None:
    new = {"name_en": "Desk Fan", "section_id": 2, "price_min_cents": 100,
           "price_max_cents": 250}
    staff.write_sync(workspace.save_product, new, None)
    [item] = staff.read_sync(outbox.pending)
    draft = -item.seq
    p = staff.read_sync(queries.get_product, draft)
    assert p["company_id"] == 1 and p["category_id"] == 1 and p["name_en"] == "Desk Fan"
    staff.write_sync(workspace.save_product, {"id": draft, "name_zh": "台扇"}, None)
    [item] = staff.read_sync(outbox.pending)
    assert item.args["product"]["name_zh"] == "台扇" and "id" not in item.args["product"]
    assert staff.read_sync(workspace.list_company_products, 1)[0]["id"] == draft
    with pytest.raises(ValueError):
        staff.write_sync(workspace.delete_product, draft)
    staff.write_sync(outbox.mark_sent, [item.seq])
    data = {**product(90, name_en="Desk Fan", section_id=2, price=(100, 250)),
            "name_zh": "台扇", "moq": 10}
    staff.write_sync(outbox.record_results, [{"seq": item.seq, "status": "applied", "result": {
        "id": "product:90", "product_id": 90, "version": 1, "data": data}}])
    assert staff.read_sync(queries.get_product, draft) is None
    # the server has everything that was merged: nothing more to send
    assert staff.read_sync(outbox.pending) == []


@pytest.mark.parametrize("bad", [
    {"id": 5, "price_min_cents": 500, "price_max_cents": 100},
    {"id": 5, "currency": "usd"},
    {"id": 5, "moq": 0},
    {"id": 5, "lead_time_days": 99999},
    {"id": 5, "certifications": ["x" * 51]},
    {"id": 5, "specs": [{"name_en": "", "value": "1"}]},
    {"id": 5, "name_en": "   "},
    {"id": 5, "name_en": "x" * 301},
    {"id": 5, "desc_en": "bad \ud800 text"},
    {"id": 5, "hidden": "yes"},
    {"id": 5, "price_max_cents": 10},       # below the cached minimum (100)
])
def test_bad_product_fields_are_refused(staff: Store, bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        staff.write_sync(workspace.save_product, bad, 3)
    assert staff.read_sync(outbox.pending) == []


def test_hide_delete_and_rejected_delete(staff: Store) -> None:
    staff.write_sync(workspace.set_hidden, 6, True)
    [item] = staff.read_sync(outbox.pending)
    assert item.args == {"product": {"id": 6, "company_id": 1, "hidden": True},
                         "base_version": 1}
    assert staff.read_sync(queries.get_product, 6)["hidden"] is True
    staff.write_sync(workspace.delete_product, 5)
    assert staff.read_sync(queries.get_product, 5) is None
    seqs = [i.seq for i in staff.read_sync(outbox.pending)]
    staff.write_sync(outbox.mark_sent, seqs)
    staff.write_sync(outbox.record_results, [
        {"seq": seqs[0], "status": "applied", "result": {"id": "product:6"}},
        {"seq": seqs[1], "status": "rejected", "code": "conflict", "reason": "changed",
         "result": {"current": product(5, name_en="Changed", version=4)}}])
    [c] = staff.read_sync(workspace.catalog_conflicts)
    assert (c["action"], c["mine"], c["theirs"]["name_en"]) == ("delete", None, "Changed")
    staff.write_sync(workspace.resolve_conflict, c["seq"], "mine")        # delete anyway
    [again] = staff.read_sync(outbox.pending)
    assert again.args == {"id": 5, "base_version": 4}


def test_booth_update_local_first_merge_and_conflict(staff: Store) -> None:
    staff.write_sync(workspace.update_company, {"city": "Yiwu", "country": "cn",
                                                "section_ids": [2, 1]})
    staff.write_sync(workspace.update_company, {"profile_en": "We make fans."})
    [item] = staff.read_sync(outbox.pending)
    assert item.args == {"id": 1, "base_version": 1, "fields": {
        "city": "Yiwu", "country": "CN", "section_ids": [2, 1], "profile_en": "We make fans."}}
    c = staff.read_sync(workspace.get_own_company)
    assert (c["city"], c["section_ids"], c["pending"]) == ("Yiwu", [2, 1], True)
    # a directory page from before the push does not hide the unsent change
    apply(staff, "directory", directory_page(), "d2")
    assert staff.read_sync(workspace.get_own_company)["city"] == "Yiwu"
    for bad in ({"section_ids": []}, {"section_ids": [1, 2, 3, 1]}, {"section_ids": [99]},
                {"founded": 1200}, {"country": "Spain"}, {"booth_no": "X1"}, {}):
        with pytest.raises(ValueError):
            staff.write_sync(workspace.update_company, bad)
    staff.write_sync(outbox.mark_sent, [item.seq])
    theirs = {**company(1), "city": "Ningbo", "version": 2}
    staff.write_sync(outbox.record_results, [{"seq": item.seq, "status": "rejected",
                                              "code": "conflict", "reason": "v2",
                                              "result": {"current": theirs}}])
    [conf] = staff.read_sync(workspace.catalog_conflicts)
    assert conf["action"] == "booth" and conf["mine"]["city"] == "Yiwu"
    assert staff.read_sync(workspace.get_own_company)["conflict"] is True
    staff.write_sync(workspace.resolve_conflict, conf["seq"], "theirs")
    assert staff.read_sync(workspace.get_own_company)["city"] == "Ningbo"
    assert staff.read_sync(workspace.catalog_conflicts) == []


def test_uploads_follow_their_mutation(staff: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    ups = [{"attachment_id": a, "local_path": str(tmp_path / "a.jpg"), "filename": "a.jpg"},
           {"attachment_id": b, "local_path": str(tmp_path / "b.png"), "filename": "b.png"}]
    staff.write_sync(workspace.save_product, {"id": 6, "name_en": "Kettle 2"}, 1, ups)
    [item] = staff.read_sync(outbox.pending)
    assert item.args["product"]["image_attachment_ids"] == [a, b]
    assert [u["attachment_id"] for u in staff.read_sync(workspace.pending_uploads)] == [a, b]
    assert staff.read_sync(workspace.pending_uploads, [item.seq + 1]) == []
    row = next(p for p in staff.read_sync(workspace.list_company_products, 1) if p["id"] == 6)
    assert row["pending_images"] == [ups[0]["local_path"], ups[1]["local_path"]]
    staff.write_sync(workspace.set_upload_state, a, "uploaded")
    staff.write_sync(workspace.set_upload_state, b, "failed", "not an image")
    assert staff.read_sync(workspace.pending_uploads) == []
    staff.write_sync(outbox.mark_sent, [item.seq])
    staff.write_sync(outbox.record_results, [{"seq": item.seq, "status": "rejected",
                                              "code": "invalid-value",
                                              "reason": "image_attachment_ids.1: no such"}])
    [c] = staff.read_sync(workspace.catalog_conflicts)
    assert "not an image" in c["reason"]
    # keep mine: the failed image is left out, the uploaded one kept
    staff.write_sync(workspace.resolve_conflict, c["seq"], "mine")
    [again] = staff.read_sync(outbox.pending)
    assert again.args["product"]["image_attachment_ids"] == [a]
    with pytest.raises(ValueError):
        staff.write_sync(workspace.save_product, {"id": 6}, 1, [{"attachment_id": "x",
                                                                 "local_path": "p"}])


def test_import_queue_and_results(staff: Store) -> None:
    rows = [{"name_en": f"P{i}", "section_id": 1} for i in range(3)]
    rows.append({"id": 5, "moq": 7, "base_version": 3})
    seq = staff.write_sync(workspace.queue_import, rows, filename="cat.xlsx",
                           row_numbers=[2, 3, 5, 6], created=3, updated=1)
    [imp] = staff.read_sync(workspace.list_imports)
    assert (imp["seq"], imp["state"], imp["rows"], imp["filename"]) == (seq, "waiting", 4,
                                                                        "cat.xlsx")
    [item] = staff.read_sync(outbox.pending)
    assert item.type == "product.import" and item.args["company_id"] == 1
    staff.write_sync(outbox.mark_sent, [seq])
    staff.write_sync(outbox.record_results, [{
        "seq": seq, "status": "rejected", "code": "invalid-value", "reason": "2 bad rows",
        "result": {"errors": [{"row": 1, "field": "moq", "problem": "too small"},
                              {"row": 3, "field": "base_version", "problem": "stale"}]}}])
    [imp] = staff.read_sync(workspace.list_imports)
    assert imp["state"] == "rejected"
    assert [(e["row"], e["field"]) for e in imp["errors"]] == [(3, "moq"), (6, "base_version")]
    for bad in ([], [{"name_en": "x"}], [{"id": 5, "moq": 2}],
                [{"name_en": "x", "section_id": 1}] * 2001):
        with pytest.raises(ValueError):
            staff.write_sync(workspace.queue_import, bad)


def test_draft_merge_that_missed_the_push_is_queued_again(staff: Store) -> None:
    staff.write_sync(workspace.save_product, {"name_en": "Fan", "section_id": 1}, None)
    [item] = staff.read_sync(outbox.pending)
    staff.write_sync(workspace.save_product, {"id": -item.seq, "name_zh": "风扇"}, None)
    staff.write_sync(outbox.mark_sent, [item.seq])
    data = {**product(91, name_en="Fan"), "name_zh": ""}      # sent before the merge
    staff.write_sync(outbox.record_results, [{"seq": item.seq, "status": "applied", "result": {
        "id": "product:91", "product_id": 91, "version": 1, "data": data}}])
    [follow] = staff.read_sync(outbox.pending)
    assert follow.args == {"product": {"id": 91, "company_id": 1, "name_zh": "风扇"},
                           "base_version": 1}


def test_booth_keep_mine_leaves_out_a_failed_logo(staff: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    logo = {"attachment_id": str(uuid.uuid4()), "local_path": str(tmp_path / "l.png"),
            "filename": "l.png"}
    staff.write_sync(workspace.update_company, {"city": "Wuxi"}, {"logo": logo})
    [item] = staff.read_sync(outbox.pending)
    assert item.args["fields"]["logo_attachment_id"] == logo["attachment_id"]
    assert staff.read_sync(workspace.get_own_company)["pending_logo"] == logo["local_path"]
    assert [u["purpose"] for u in staff.read_sync(workspace.pending_uploads)] == ["logo"]
    staff.write_sync(workspace.set_upload_state, logo["attachment_id"], "failed", "gone")
    staff.write_sync(outbox.mark_sent, [item.seq])
    staff.write_sync(outbox.record_results, [{"seq": item.seq, "status": "rejected",
                                              "code": "invalid-value", "reason": "logo"}])
    [c] = staff.read_sync(workspace.catalog_conflicts)
    assert c["theirs"]["city"] == "Ningbo" and c["mine"]["city"] == "Wuxi"
    staff.write_sync(workspace.resolve_conflict, c["seq"], "mine")
    [again] = staff.read_sync(outbox.pending)
    assert again.args["fields"] == {"city": "Wuxi"} and again.args["base_version"] == 1


def test_booth_applied_before_the_pull_shows_the_servers_copy(staff: Store) -> None:
    staff.write_sync(workspace.update_company, {"city": "Xiamen"})
    [item] = staff.read_sync(outbox.pending)
    staff.write_sync(outbox.mark_sent, [item.seq])
    data = {**company(1), "city": "Xiamen", "version": 2}
    staff.write_sync(outbox.record_results, [{"seq": item.seq, "status": "applied", "result": {
        "id": "company:1", "version": 2, "data": data}}])
    c = staff.read_sync(workspace.get_own_company)
    assert (c["city"], c["version"], c["pending"]) == ("Xiamen", 2, False)
    apply(staff, "directory", directory_page([{**company(1), "city": "Later", "version": 3}]),
          "d3")
    assert staff.read_sync(workspace.get_own_company)["city"] == "Later"
