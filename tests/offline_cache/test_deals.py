"""Deals in the cache: applying pulled pages, local-first commands and their results."""

from __future__ import annotations

import base64
import hashlib
import uuid
from typing import Any

import pytest
from cache_util import apply, company, directory_page, track, up

from offline_cache import deals, outbox, schema, syncstate
from offline_cache.store import Store

BUYER = {"user_id": 7, "display_name": "Ana", "email": "a@x", "role": "buyer",
         "company_id": None, "company": "Ruiz", "country": "ES", "interests": [],
         "annual_volume": "", "version": 1}
STAFF = {**BUYER, "user_id": 20, "display_name": "Li", "role": "exhibitor", "company_id": 3}


def deal(did: str, version: int = 2, *, state: str = "offered", offer_by: str | None = "buyer",
         updated: str = "2026-11-02T00:00:00Z", desc: str = "LED desk lamp",
         company_id: int = 3, signatures: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    terms = None if state == "draft" else {
        "items": [{"product_id": None, "description": desc, "spec_notes": "", "quantity": "10",
                   "unit": "piece", "unit_price": "2", "currency": "USD", "amount": "20.00"}],
        "incoterm": "FOB", "incoterm_place": "Ningbo", "delivery_date": "2099-01-01",
        "payment_terms": "T/T", "valid_until": "2099-01-01T00:00:00Z", "notes": "",
        "totals": {"USD": "20.00"}}
    return {"id": did, "buyer_user_id": 7, "buyer_name": "Ana", "company_id": company_id,
            "company_name": f"Hengda {company_id}", "company_is_demo": False,
            "conversation_id": None, "product_ids": [], "opened_by": "buyer", "state": state,
            "version": version, "offer_by": offer_by, "offer_user_id": 7, "terms": terms,
            "terms_hash": "ab" * 32 if terms else None, "valid_until": None,
            "accepted_version": None, "accepted_at": None, "signatures": signatures or [],
            "signed_at": None, "event_count": version, "head_hash": "cd" * 32,
            "created_at": "2026-11-01T00:00:00Z", "updated_at": updated}


def event(did: str, n: int, kind: str = "offer") -> dict[str, Any]:
    return {"id": f"{did}:{n}", "deal_id": did, "n": n, "kind": kind,
            "actor": {"side": "buyer", "user_id": 7, "name": "Ana"}, "version": n,
            "terms": None, "created_at": f"2026-11-02T00:00:0{n}Z", "prev_hash": "0" * 64,
            "hash": f"{n:064x}"}


def new_id() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def buyer_store(store: Store) -> Store:
    track(store, "directory")
    apply(store, "directory", directory_page([company(3)]), "d0")
    track(store, "me")
    apply(store, "me", [up("profile", BUYER, 7)], "m0")
    return store


def result(seq: int, status: str = "applied", **kw: Any) -> dict[str, Any]:
    return {"seq": seq, "status": status, **kw}


def push(store: Store, results: list[dict[str, Any]]) -> Any:
    store.write_sync(outbox.mark_sent, [r["seq"] for r in results])
    return store.write_sync(outbox.record_results, results)


def test_migration_creates_the_deal_tables(store: Store) -> None:
    tables = store.read_sync(lambda db: {r[0] for r in db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")})
    assert {"deals", "deal_events", "signing_keys", "deal_commands"} <= tables
    assert store.read_sync(lambda db: schema.user_version(db.conn)) == schema.SCHEMA_VERSION


def test_pulled_deals_events_and_keys(buyer_store: Store) -> None:
    a, b = new_id(), new_id()
    key = {"id": "f" * 16, "fingerprint": "f" * 16, "public_key": "x", "is_demo": False,
           "created_at": "t"}
    cs = apply(buyer_store, "me", [
        up("deal", deal(a, 2, updated="2026-11-02T00:00:00Z"), a),
        up("deal", deal(b, 1, state="draft", offer_by=None, updated="2026-11-03T00:00:00Z",
                        company_id=4), b),
        up("deal_event", event(a, 1, "open"), f"{a}:1"), up("deal_event", event(a, 2), f"{a}:2"),
        up("signing_key", key, key["id"]),
    ], "m1")
    assert cs.upserted["deal"] == {a, b}
    assert cs.upserted["deal_event"] == {f"{a}:1", f"{a}:2"}
    assert cs.upserted["signing_key"] == {"f" * 16}
    rows = buyer_store.read_sync(deals.list_deals)
    assert [r["id"] for r in rows] == [b, a]  # newest first
    assert rows[1]["my_side"] == "buyer" and rows[1]["needs_me"] is False
    assert [r["id"] for r in buyer_store.read_sync(deals.list_deals, "desk LAMP")] == [a]
    assert [r["id"] for r in buyer_store.read_sync(deals.list_deals, "", "draft")] == [b]
    assert buyer_store.read_sync(deals.list_deals, "100%_") == []
    detail = buyer_store.read_sync(deals.deal_detail, a)
    assert [e["n"] for e in detail["events"]] == [1, 2]
    assert detail["pending"] == [] and detail["rejections"] == [] and detail["my_side"] == "buyer"
    assert [k["fingerprint"] for k in buyer_store.read_sync(deals.list_signing_keys)] == ["f" * 16]
    # an older version never replaces a newer one; a newer one does
    apply(buyer_store, "me", [up("deal", deal(a, 1, state="draft", offer_by=None), a)], "m2")
    assert buyer_store.read_sync(deals.get_deal, a)["version"] == 2
    apply(buyer_store, "me", [up("deal", deal(a, 3, state="countered", offer_by="company"), a)],
          "m3")
    got = buyer_store.read_sync(deals.list_deals, "", "countered")
    assert [(r["id"], r["version"], r["needs_me"]) for r in got] == [(a, 3, True)]


def test_malformed_deal_page_saves_nothing(buyer_store: Store) -> None:
    a = new_id()
    bad = deal(a)
    bad["version"] = "two"
    with pytest.raises(syncstate.MalformedPage):
        apply(buyer_store, "me", [up("deal", deal(new_id()), None), up("deal", bad, a)], "mX")
    assert buyer_store.read_sync(deals.list_deals) == []
    assert buyer_store.read_sync(syncstate.get_cursors)["me"] == "m0"


def test_reset_drops_confirmed_deals_but_keeps_a_local_draft(buyer_store: Store) -> None:
    a = new_id()
    apply(buyer_store, "me", [up("deal", deal(a), a), up("deal_event", event(a, 1), f"{a}:1")],
          "m1")
    local = new_id()
    buyer_store.write_sync(deals.open_deal, local, company_id=3)
    cs = buyer_store.write_sync(syncstate.reset_scope, "me")
    assert a in cs.deleted["deal"] and f"{a}:1" in cs.deleted["deal_event"]
    assert [r["id"] for r in buyer_store.read_sync(deals.list_deals)] == [local]


def test_open_offer_and_results(buyer_store: Store) -> None:
    did = new_id()
    cs = buyer_store.write_sync(deals.open_deal, did, company_id=3, product_ids=[5, 5, 6])
    assert cs.upserted["deal"] == {did} and cs.upserted["outbox"] == {1}
    d = buyer_store.read_sync(deals.get_deal, did)
    assert (d["state"], d["version"], d["local"], d["company_name"]) == \
        ("draft", 1, True, company(3)["name_en"])
    [item] = buyer_store.read_sync(outbox.pending)
    assert (item.type, item.args) == ("deal.open", {"deal_id": did, "company_id": 3,
                                                    "product_ids": [5, 6]})
    buyer_store.write_sync(deals.queue_command, did, "deal.offer",
                           {"base_version": 1, "terms": {"x": 1}})
    detail = buyer_store.read_sync(deals.deal_detail, did)
    assert [(p["seq"], p["type"], p["state"]) for p in detail["pending"]] == \
        [(1, "deal.open", "pending"), (2, "deal.offer", "pending")]
    # the open is applied: the server's deal replaces the local draft
    server = deal(did, 1, state="draft", offer_by=None)
    push(buyer_store, [result(1, result={"id": f"deal:{did}", "deal": server})])
    d = buyer_store.read_sync(deals.get_deal, did)
    assert d["local"] is False and d["version"] == 1
    # the offer is rejected as stale: the current deal is stored at once
    current = deal(did, 3, state="countered", offer_by="company")
    cs = push(buyer_store, [result(2, "rejected", code="stale", reason="the other side first",
                                   result={"deal": current})])
    assert did in cs.upserted["deal"]
    detail = buyer_store.read_sync(deals.deal_detail, did)
    assert detail["deal"]["version"] == 3 and detail["pending"] == []
    [rej] = detail["rejections"]
    assert (rej["seq"], rej["code"], rej["reason"], rej["type"], rej["made_on_version"]) == \
        (2, "stale", "the other side first", "deal.offer", 1)
    assert buyer_store.read_sync(deals.list_deals)[0]["rejections"] == 1
    buyer_store.write_sync(deals.dismiss_rejection, 2)
    assert buyer_store.read_sync(deals.deal_detail, did)["rejections"] == []
    assert buyer_store.read_sync(deals.get_deal, did) is not None


def test_rejected_open_is_shown_then_dismissed_with_its_draft(buyer_store: Store) -> None:
    did = new_id()
    buyer_store.write_sync(deals.open_deal, did, company_id=3)
    push(buyer_store, [result(1, "rejected", code="not-found", reason="company 3 does not exist")])
    detail = buyer_store.read_sync(deals.deal_detail, did)
    assert detail["deal"]["local"] and detail["rejections"][0]["code"] == "not-found"
    cs = buyer_store.write_sync(deals.dismiss_rejection, 1)
    assert did in cs.deleted["deal"]
    assert buyer_store.read_sync(deals.get_deal, did) is None


def test_sign_queues_key_register_first_once(buyer_store: Store) -> None:
    did = new_id()
    apply(buyer_store, "me", [up("deal", deal(did, 3, state="accepted"), did)], "m1")
    raw = bytes(range(32))
    pub = base64.b64encode(raw).decode()
    fp = hashlib.sha256(raw).hexdigest()[:16]
    args = {"base_version": 3, "terms_hash": "ab" * 32, "signature": "c2ln", "key_fingerprint": fp}
    buyer_store.write_sync(deals.queue_sign, did, args, pub)
    items = buyer_store.read_sync(outbox.pending)
    assert [(i.seq, i.type) for i in items] == [(1, "key.register"), (2, "deal.sign")]
    assert items[0].args == {"public_key": pub} and items[1].args["deal_id"] == did
    assert buyer_store.read_sync(deals.key_known, fp)
    # a second signature with the same key (another deal) does not register it again
    other = new_id()
    apply(buyer_store, "me", [up("deal", deal(other, 3, state="accepted"), other)], "m2")
    buyer_store.write_sync(deals.queue_sign, other, args, pub)
    assert [i.type for i in buyer_store.read_sync(outbox.pending)][2:] == ["deal.sign"]
    push(buyer_store, [result(1, result={"id": f"signing_key:{fp}", "fingerprint": fp})])
    assert [k["fingerprint"] for k in buyer_store.read_sync(deals.list_signing_keys)] == [fp]
    with pytest.raises(ValueError, match="fingerprint"):
        buyer_store.write_sync(deals.queue_sign, other, {**args, "key_fingerprint": "0" * 16}, pub)


@pytest.mark.parametrize(("call", "match"), [
    (lambda db: deals.open_deal(db, "not-a-uuid", company_id=3), "UUID"),
    (lambda db: deals.open_deal(db, str(uuid.uuid4()).upper(), company_id=3), "lower-case"),
    (lambda db: deals.open_deal(db, str(uuid.uuid4())), "exactly one"),
    (lambda db: deals.open_deal(db, str(uuid.uuid4()), company_id=3, buyer_user_id=4),
     "exactly one"),
    (lambda db: deals.open_deal(db, str(uuid.uuid4()), buyer_user_id=4), "exhibitor staff"),
    (lambda db: deals.open_deal(db, str(uuid.uuid4()), company_id=-1), "positive"),
    (lambda db: deals.open_deal(db, str(uuid.uuid4()), company_id=3, product_ids=[True]),
     "positive"),
    (lambda db: deals.queue_command(db, str(uuid.uuid4()), "deal.accept", {"base_version": 1}),
     "no deal"),
    (lambda db: deals.queue_command(db, str(uuid.uuid4()), "deal.merge", {"base_version": 1}),
     "not a deal command"),
    (lambda db: deals.queue_command(db, str(uuid.uuid4()), "deal.accept", {}), "base_version"),
])
def test_bad_input_writes_nothing(buyer_store: Store, call: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        buyer_store.write_sync(call)
    assert buyer_store.read_sync(outbox.counts)["pending"] == 0
    assert buyer_store.read_sync(deals.list_deals) == []


def test_staff_open_and_company_scope(store: Store) -> None:
    track(store, "me")
    apply(store, "me", [up("profile", STAFF, 20)], "m0")
    track(store, "company:3")
    did = new_id()
    store.write_sync(deals.open_deal, did, buyer_user_id=7)
    row = store.read_sync(lambda db: db.conn.execute(
        "SELECT scope, local FROM deals WHERE id = ?", (did,)).fetchone())
    assert tuple(row) == ("company:3", 1)
    [d] = store.read_sync(deals.list_deals)
    assert d["my_side"] == "company" and d["opened_by"] == "company"
    other = new_id()
    apply(store, "company:3", [up("deal", deal(other), other),
                               up("deal_event", event(other, 1), f"{other}:1")], "c1")
    [mine] = [d for d in store.read_sync(deals.list_deals) if d["id"] == other]
    assert mine["my_side"] == "company" and mine["needs_me"] is True  # the buyer's offer
    store.write_sync(syncstate.untrack_scope, "company:3")
    assert [d["id"] for d in store.read_sync(deals.list_deals)] == [did]


def test_not_synced_yet(store: Store) -> None:
    with pytest.raises(ValueError, match="not synced"):
        store.write_sync(deals.open_deal, new_id(), company_id=3)


def test_deal_values_are_stored_as_given(buyer_store: Store) -> None:
    """The wire object is kept whole (what is hashed and signed must not change)."""
    did = new_id()
    d = deal(did, desc="保温杯 “quoted” \\ 100%")
    apply(buyer_store, "me", [up("deal", d, did)], "m1")
    got = buyer_store.read_sync(deals.get_deal, did)
    got.pop("local")
    assert got == d
    raw = buyer_store.read_sync(lambda db: db.conn.execute(
        "SELECT data FROM deals WHERE id = ?", (did,)).fetchone()[0])
    assert isinstance(raw, str)


def test_pending_commands_come_from_the_outbox(buyer_store: Store) -> None:
    """A rebuilt cache salvages the outbox but not the command records: what waits is
    still shown (from the outbox), and its result is still applied."""
    did = new_id()
    apply(buyer_store, "me", [up("deal", deal(did, 2, offer_by="company"), did)], "m1")
    buyer_store.write_sync(deals.queue_command, did, "deal.accept", {"base_version": 2})
    buyer_store.write_sync(lambda db: db.conn.execute("DELETE FROM deal_commands"))
    detail = buyer_store.read_sync(deals.deal_detail, did)
    assert [(p["seq"], p["type"], p["made_on_version"]) for p in detail["pending"]] == \
        [(1, "deal.accept", 2)]
    assert buyer_store.read_sync(deals.list_deals)[0]["pending"] == 1
    push(buyer_store, [result(1, result={"deal": deal(did, 3, state="accepted")})])
    detail = buyer_store.read_sync(deals.deal_detail, did)
    assert detail["pending"] == [] and detail["deal"]["state"] == "accepted"


def test_a_rejection_without_its_record_is_still_shown(buyer_store: Store) -> None:
    did = new_id()
    apply(buyer_store, "me", [up("deal", deal(did, 2, offer_by="company"), did)], "m1")
    buyer_store.write_sync(deals.queue_command, did, "deal.accept", {"base_version": 2})
    buyer_store.write_sync(lambda db: db.conn.execute("DELETE FROM deal_commands"))
    bad_deal = {**deal(did, 9), "company_id": {"not": "storable"}}
    push(buyer_store, [result(1, "rejected", code="stale", reason="moved on",
                              result={"deal": bad_deal})])
    detail = buyer_store.read_sync(deals.deal_detail, did)
    assert [(r["code"], r["made_on_version"]) for r in detail["rejections"]] == [("stale", 2)]
    assert detail["deal"]["version"] == 2  # the unstorable deal was skipped


def test_unstorable_deal_values_are_a_malformed_page(buyer_store: Store) -> None:
    did = new_id()
    with pytest.raises(syncstate.MalformedPage):
        apply(buyer_store, "me", [up("deal", {**deal(did), "company_id": [1]}, did)], "mY")
    assert buyer_store.read_sync(deals.list_deals) == []
