"""The outbox state machine, local-first writes, and seq continuity across a crash."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from cache_util import apply, product, track, up

from offline_cache import outbox, queries, syncstate, writes
from offline_cache.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_enqueue_requires_a_write_transaction(store: Store) -> None:
    with pytest.raises(outbox.OutboxError):
        store.read_sync(outbox.enqueue, "favourite.set", {})


def test_seqs_are_gap_free_and_never_reused(store: Store) -> None:
    seqs = [store.write_sync(outbox.enqueue, "profile.update", {"country": c})
            for c in ("ES", "FR", "DE")]
    assert seqs == [1, 2, 3]

    def enqueue_then_fail(db):  # type: ignore[no-untyped-def]
        outbox.enqueue(db, "profile.update", {"country": "IT"})
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        store.write_sync(enqueue_then_fail)
    # the rolled-back enqueue left no gap
    assert store.write_sync(outbox.enqueue, "profile.update", {"country": "PT"}) == 4
    store.write_sync(outbox.record_results, [{"seq": s, "status": "applied"}
                                             for s in (1, 2, 3, 4)])
    assert store.write_sync(outbox.enqueue, "profile.update", {"country": "NL"}) == 5


def test_state_machine(store: Store) -> None:
    track(store, "me")
    store.write_sync(writes.set_favourite, "product", 1, note="a", tags=["x", "x", " y "])
    store.write_sync(writes.set_favourite, "company", 2)
    store.write_sync(writes.remove_favourite, "company", 2)
    items = store.read_sync(outbox.pending)
    assert [(i.seq, i.type, i.state) for i in items] == [
        (1, "favourite.set", "pending"), (2, "favourite.set", "pending"),
        (3, "favourite.remove", "pending")]
    assert items[0].args == {"kind": "product", "target_id": 1, "note": "a", "tags": ["x", "y"]}
    assert items[0].to_mutation() == {"seq": 1, "type": "favourite.set", "args": items[0].args}
    store.write_sync(outbox.mark_sent, [1, 2])
    # sent items are still returned (resent after a crash; the server dedups by seq)
    assert [(i.seq, i.state) for i in store.read_sync(outbox.pending)] == [
        (1, "sent"), (2, "sent"), (3, "pending")]
    assert store.read_sync(outbox.counts) == {"pending": 1, "sent": 2, "applied": 0,
                                              "rejected": 0}
    cs = store.write_sync(outbox.record_results, [
        {"seq": 1, "status": "applied", "result": {"id": "product:1"}},
        {"seq": 2, "status": "rejected", "code": "not-found", "reason": "no such company",
         "result": None},
        {"seq": 99, "status": "applied"},                     # unknown: ignored
        {"seq": "x"}, {"status": "applied"},                   # malformed: ignored
    ])
    assert cs.upserted["outbox"] == {1, 2}
    assert [i.seq for i in store.read_sync(outbox.pending)] == [3]
    rejected = store.read_sync(outbox.items, ["rejected"])
    assert [(i.seq, i.code, i.reason) for i in rejected] == [(2, "not-found", "no such company")]
    applied = store.read_sync(outbox.items, ["applied"])
    assert applied[0].result == {"id": "product:1"}
    # a replayed reply changes nothing
    store.write_sync(outbox.record_results, [{"seq": 1, "status": "rejected", "code": "x"}])
    assert store.read_sync(outbox.items, ["applied"])[0].seq == 1
    assert [i.seq for i in store.read_sync(outbox.items)] == [3, 2, 1]


def test_rejected_favourite_is_undone_and_me_repulled(store: Store) -> None:
    track(store, "me")
    apply(store, "me", [], "m5")
    store.write_sync(writes.set_favourite, "product", 404)
    assert [f["id"] for f in store.read_sync(queries.list_favourites)] == ["product:404"]
    cs = store.write_sync(outbox.record_results, [
        {"seq": 1, "status": "rejected", "code": "not-found", "reason": "target does not exist"}])
    assert cs.deleted["favourite"] == {"product:404"}
    assert store.read_sync(queries.list_favourites) == []
    # the next pull of `me` starts over and brings the server's truth
    assert store.read_sync(syncstate.get_cursors)["me"] is None


def test_rejected_profile_update_repulls_me(store: Store) -> None:
    track(store, "me")
    apply(store, "me", [up("profile", {"user_id": 1, "display_name": "Ana", "email": "a@x",
                                       "role": "buyer", "company_id": None, "company": "R",
                                       "country": "ES", "interests": [], "annual_volume": "",
                                       "version": 1}, 1)], "m1")
    store.write_sync(writes.update_profile, country="zz", interests=["lamps"])
    prof = store.read_sync(queries.get_profile)
    assert prof["country"] == "ZZ" and prof["interests"] == ["lamps"]  # type: ignore[index]
    store.write_sync(outbox.record_results, [
        {"seq": 1, "status": "rejected", "code": "invalid-value", "reason": "bad country"}])
    assert store.read_sync(syncstate.get_cursors)["me"] is None
    # the re-pull from the start restores the server's profile
    apply(store, "me", [up("profile", {"user_id": 1, "display_name": "Ana", "email": "a@x",
                                       "role": "buyer", "company_id": None, "company": "R",
                                       "country": "ES", "interests": [], "annual_volume": "",
                                       "version": 1}, 1)], "m2")
    assert store.read_sync(queries.get_profile)["country"] == "ES"  # type: ignore[index]


@pytest.mark.parametrize("call", [
    lambda db: writes.set_favourite(db, "booth", 1),
    lambda db: writes.set_favourite(db, "product", 0),
    lambda db: writes.set_favourite(db, "product", True),
    lambda db: writes.set_favourite(db, "product", 1, note=5),
    lambda db: writes.set_favourite(db, "product", 1, tags="abc"),
    lambda db: writes.set_favourite(db, "product", 1, note="x" * 5000),
    lambda db: writes.update_profile(db),
    lambda db: writes.update_profile(db, email="x@y"),
    lambda db: writes.update_profile(db, display_name=" "),
    lambda db: writes.update_profile(db, interests=[1]),
    lambda db: writes.product_upsert(db, {"name_en": "x"}, None),
    lambda db: writes.product_upsert(db, {"company_id": 1, "section_id": 1, "category_id": 1,
                                          "name_en": "x", "name_zh": "x"}, 3),
    lambda db: writes.product_delete(db, -1, 1),
])
def test_bad_input_is_refused_and_writes_nothing(store: Store, call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        store.write_sync(call)
    assert store.read_sync(outbox.counts)["pending"] == 0
    assert store.read_sync(queries.list_favourites) == []


def test_product_edit_and_conflict(store: Store) -> None:
    track(store, "company:1")
    apply(store, "company:1", [up("product", product(5, name_en="Old Lamp", version=3))])
    p = store.read_sync(queries.get_product, 5)
    p["name_en"] = "New Lamp"  # type: ignore[index]
    store.write_sync(writes.product_upsert, p, 3)
    assert store.read_sync(queries.get_product, 5)["name_en"] == "New Lamp"  # type: ignore[index]
    item = store.read_sync(outbox.pending)[0]
    assert item.type == "product.upsert" and item.args["base_version"] == 3
    server = product(5, name_en="Server Lamp", version=4)
    store.write_sync(outbox.record_results, [{"seq": item.seq, "status": "rejected",
                                              "code": "conflict", "reason": "changed",
                                              "result": {"current": server}}])
    assert store.read_sync(queries.get_product, 5)["name_en"] == "Server Lamp"  # type: ignore[index]


def test_product_create_and_delete(store: Store) -> None:
    track(store, "company:1")
    new = {k: v for k, v in product(1, name_en="Brand New Kettle").items() if k != "id"}
    store.write_sync(writes.product_upsert, new, None)
    drafts = store.read_sync(queries.list_products, 1)
    assert [p["id"] for p in drafts] == [-1]               # a temporary local id: -seq
    store.write_sync(outbox.record_results, [{"seq": 1, "status": "applied",
                                              "result": {"id": "product:77"}}])
    assert store.read_sync(queries.list_products, 1) == []  # the pull brings product 77
    apply(store, "company:1", [up("product", product(77, version=1))])
    store.write_sync(writes.product_delete, 77, 1)
    assert store.read_sync(queries.get_product, 77) is None
    store.write_sync(outbox.record_results, [{"seq": 2, "status": "rejected",
                                              "code": "forbidden", "reason": "no"}])
    # no current copy in the reply: the company scope is pulled again from the start
    assert store.read_sync(syncstate.get_cursors)["company:1"] is None


_CRASH = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {root!r})
    from offline_cache import outbox, writes
    from offline_cache.store import Store
    s = Store.open_sync({path!r})
    for i in range(3):
        s.write_sync(writes.set_favourite, "product", 100 + i)
    os._exit(0)   # no close: like a crash or a kill
""")


def test_seq_continuity_across_a_crash(cache_path: Path) -> None:
    s = Store.open_sync(cache_path)
    s.write_sync(writes.set_favourite, "product", 1)
    s.write_sync(outbox.mark_sent, [1])
    cid = s.read_sync(outbox.client_id)
    s.close_sync()
    code = _CRASH.format(root=str(ROOT), path=str(cache_path))
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    s = Store.open_sync(cache_path)      # an unclean shutdown: quick_check runs
    try:
        assert s.recovery is None
        assert s.read_sync(outbox.client_id) == cid
        assert [(i.seq, i.state) for i in s.read_sync(outbox.pending)] == [
            (1, "sent"), (2, "pending"), (3, "pending"), (4, "pending")]
        assert s.write_sync(outbox.enqueue, "favourite.remove",
                            {"kind": "product", "target_id": 1}) == 5
    finally:
        s.close_sync()
