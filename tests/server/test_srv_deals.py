"""Deals on the real server: negotiation, races, faults, signing, hash chain (protocol §8)."""

from __future__ import annotations

import base64
import sqlite3
import threading
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from social_util import Actor
from srv_util import assert_problem, db_rows

from server.deals import canonical, fingerprint, signing_message, terms_hash


@pytest.fixture
def srv(module_server):
    return module_server


def companies(srv, n: int = 2) -> list[int]:
    """Companies without demo staff accounts (see test_srv_social)."""
    rows = db_rows(srv.db_path, "SELECT id FROM companies ORDER BY id")
    return [r[0] for r in rows[9 : 9 + n]]


@pytest.fixture
def trio(srv):
    """A fresh buyer, a staff member of company X and one of company Y."""
    x, y = companies(srv)
    b, s, o = Actor(srv), Actor(srv, "exhibitor", x), Actor(srv, "exhibitor", y)
    yield b, s, o
    for a in (b, s, o):
        a.close()


def product_of(srv, company_id: int) -> int:
    return db_rows(srv.db_path, "SELECT id FROM products WHERE company_id = ? ORDER BY id LIMIT 1", company_id)[0][0]


def terms(price: str = "10.00", qty: str = "1000", currency: str = "USD", product_id: int | None = None, **over: Any) -> dict[str, Any]:
    until = (datetime.now(UTC) + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%SZ")
    t = {
        "items": [{"product_id": product_id, "description": "LED desk lamp", "spec_notes": "warm white, EU plug",
                   "quantity": qty, "unit": "piece", "unit_price": price, "currency": currency}],
        "incoterm": "FOB", "incoterm_place": "Ningbo", "delivery_date": "2099-03-01",
        "payment_terms": "30% deposit, 70% against B/L copy", "valid_until": until,
    }
    t.update(over)
    return t


class Signer:
    def __init__(self, actor: Actor) -> None:
        self.key = Ed25519PrivateKey.generate()
        raw = self.key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.public_b64 = base64.b64encode(raw).decode()
        self.fp = fingerprint(raw)
        res = actor.do("key.register", public_key=self.public_b64)
        assert res == {"id": f"signing_key:{self.fp}", "fingerprint": self.fp}

    def sign(self, deal_id: str, thash: str) -> str:
        return base64.b64encode(self.key.sign(signing_message(deal_id, thash))).decode()


def open_deal(b: Actor, company_id: int, **extra: Any) -> dict[str, Any]:
    deal_id = str(uuid.uuid4())
    res = b.do("deal.open", deal_id=deal_id, company_id=company_id, **extra)
    assert res["state"] == "draft" and res["version"] == 1
    return res["deal"]


def negotiate_to_v3(b: Actor, s: Actor) -> str:
    """open (v1), buyer offers (v2), staff counters (v3)."""
    deal = open_deal(b, s.company_id)
    b.do("deal.offer", deal_id=deal["id"], base_version=1, terms=terms("9.00"))
    s.do("deal.counter", deal_id=deal["id"], base_version=2, terms=terms("10.50"))
    return str(deal["id"])


def accepted_count(srv, deal_id: str) -> int:
    return db_rows(srv.db_path, "SELECT COUNT(*) FROM deal_events WHERE deal_id = ? AND kind = 'accept'", deal_id)[0][0]


# ----------------------------------------------------------------------- the full flow

def test_full_flow_three_rounds_accept_and_both_sign(srv, trio):
    b, s, _ = trio
    pid = product_of(srv, s.company_id)
    deal = open_deal(b, s.company_id, product_ids=[pid])
    did = deal["id"]
    assert deal["buyer_user_id"] == b.id and deal["company_id"] == s.company_id and deal["product_ids"] == [pid]
    # both sides see the draft in their scopes (the company also sees the buyer: contacted)
    assert s.entities("deal", s.scope())[did]["state"] == "draft"
    assert b.id in s.entities("buyer", s.scope())

    t1 = terms("9.5", "1000", product_id=pid)
    t1["items"].append({"product_id": None, "description": "Gift box", "spec_notes": "", "quantity": "1000",
                        "unit": "piece", "unit_price": "0.355", "currency": "EUR"})
    t1["totals"] = {"USD": "1"}  # computed by the server: ignored
    r = b.do("deal.offer", deal_id=did, base_version=1, terms=t1)
    assert r["state"] == "offered" and r["version"] == 2
    got = r["deal"]["terms"]
    assert got["totals"] == {"EUR": "355.00", "USD": "9500.00"}
    assert got["items"][0]["unit_price"] == "9.5" and got["items"][0]["amount"] == "9500.00"
    assert r["deal"]["terms_hash"] == terms_hash(got)
    assert r["deal"]["offer_by"] == "buyer"

    r = s.do("deal.counter", deal_id=did, base_version=2, terms=terms("10.80", "1000", product_id=pid))
    assert r["state"] == "countered" and r["version"] == 3 and r["deal"]["offer_by"] == "company"
    r = b.do("deal.counter", deal_id=did, base_version=3, terms=terms("10.20", "1200", product_id=pid))
    assert r["version"] == 4 and r["deal"]["terms"]["totals"] == {"USD": "12240.00"}
    # the maker cannot accept their own offer
    assert b.rejected("deal.accept", deal_id=did, base_version=4) == "not-allowed"
    r = s.do("deal.accept", deal_id=did, base_version=4)
    assert r["state"] == "accepted" and r["version"] == 5 and r["deal"]["accepted_version"] == 5
    thash = r["deal"]["terms_hash"]

    # signing: the buyer first, then a staff member; signed only with both
    kb, ks = Signer(b), Signer(s)
    r = b.do("deal.sign", deal_id=did, base_version=5, terms_hash=thash, signature=kb.sign(did, thash), key_fingerprint=kb.fp)
    assert r["state"] == "accepted" and len(r["deal"]["signatures"]) == 1
    # the staff member signs on the version of acceptance (signing is not a race)
    r = s.do("deal.sign", deal_id=did, base_version=5, terms_hash=thash, signature=ks.sign(did, thash), key_fingerprint=ks.fp)
    assert r["state"] == "signed" and r["version"] == 7 and r["deal"]["signed_at"]
    sigs = r["deal"]["signatures"]
    assert [(x["side"], x["user_id"], x["key_fingerprint"]) for x in sigs] == [("buyer", b.id, kb.fp), ("company", s.id, ks.fp)]
    # signed terms are immutable
    for actor in (b, s):
        assert actor.rejected("deal.counter", deal_id=did, base_version=7, terms=terms("1")) == "not-allowed"
        assert actor.rejected("deal.withdraw", deal_id=did, base_version=7) == "not-allowed"
        assert actor.rejected("deal.decline", deal_id=did, base_version=7) == "not-allowed"

    # both scopes converge on the same deal and timeline
    bd, sd = b.entities("deal")[did], s.entities("deal", s.scope())[did]
    assert bd == sd and bd["state"] == "signed" and bd["version"] == 7 and bd["event_count"] == 7
    be = sorted((e for e in b.entities("deal_event").values() if e["deal_id"] == did), key=lambda e: e["n"])
    se = sorted((e for e in s.entities("deal_event", s.scope()).values() if e["deal_id"] == did), key=lambda e: e["n"])
    assert be == se
    assert [e["kind"] for e in be] == ["open", "offer", "counter", "counter", "accept", "sign", "sign"]
    assert [e["actor"]["side"] for e in be] == ["buyer", "buyer", "company", "buyer", "company", "buyer", "company"]
    assert be[0]["prev_hash"] == "0" * 64 and all(be[i]["prev_hash"] == be[i - 1]["hash"] for i in range(1, 7))
    assert bd["head_hash"] == be[-1]["hash"]
    assert be[4]["terms"] == {"terms_hash": thash}
    # own keys are in `me`
    assert set(b.entities("signing_key")) == {kb.fp}
    # the online read and the verification
    full = b.c.get(f"/v1/deals/{did}").json()
    assert full["deal"] == bd and full["events"] == be
    v = s.c.get(f"/v1/deals/{did}/verify").json()
    assert v["valid"] and v["terms_ok"] and v["event_count"] == 7 and v["head_hash"] == bd["head_hash"]
    assert [x["valid"] for x in v["signatures"]] == [True, True]
    # the deal's terms hash is the hash of its canonical terms (clients recompute it)
    assert bd["terms_hash"] == terms_hash(bd["terms"]) == thash
    assert canonical(bd["terms"]).decode().startswith('{"delivery_date":')


def test_decline_and_withdraw_rules(srv, trio):
    b, s, _ = trio
    did = negotiate_to_v3(b, s)
    # only the maker of the current offer (the company) may withdraw it
    assert b.rejected("deal.withdraw", deal_id=did, base_version=3) == "not-allowed"
    assert s.rejected("deal.decline", deal_id=did, base_version=3) == "not-allowed"
    assert s.rejected("deal.offer", deal_id=did, base_version=3, terms=terms()) == "not-allowed"
    r = s.do("deal.withdraw", deal_id=did, base_version=3)
    assert r["state"] == "withdrawn"
    assert b.rejected("deal.accept", deal_id=did, base_version=4) == "not-allowed"
    # a decline is terminal too
    did2 = negotiate_to_v3(b, s)
    assert b.do("deal.decline", deal_id=did2, base_version=3)["state"] == "declined"
    assert s.rejected("deal.counter", deal_id=did2, base_version=4, terms=terms()) == "not-allowed"
    # a draft may be withdrawn by either side
    d3 = open_deal(b, s.company_id)
    assert s.do("deal.withdraw", deal_id=d3["id"], base_version=1)["state"] == "withdrawn"


def test_staff_open_needs_a_grant_or_contact(srv, trio):
    b, s, _ = trio
    did = str(uuid.uuid4())
    assert s.rejected("deal.open", deal_id=did, buyer_user_id=b.id) == "forbidden"
    b.do("grant.set", company_id=s.company_id)
    r = s.do("deal.open", deal_id=did, buyer_user_id=b.id)
    assert r["deal"]["opened_by"] == "company"
    assert b.entities("deal")[did]["company_id"] == s.company_id
    # the same open again is a no-op; the id under another pair is refused
    assert s.do("deal.open", deal_id=did, buyer_user_id=b.id)["version"] == 1
    other = Actor(srv)
    try:
        assert other.rejected("deal.open", deal_id=did, company_id=s.company_id) == "conflict"
    finally:
        other.close()


def test_expired_offer_cannot_be_accepted(srv, trio):
    b, s, _ = trio
    did = negotiate_to_v3(b, s)
    con = sqlite3.connect(srv.db_path, timeout=15)
    with con:
        con.execute("UPDATE deals SET valid_until = '2001-01-01T00:00:00Z' WHERE id = ?", (did,))
    con.close()
    res = b.push_raw([("deal.accept", {"deal_id": did, "base_version": 3})])[0]
    assert res["status"] == "rejected" and res["code"] == "not-allowed" and "expired" in res["reason"]
    # countering an expired offer is still possible
    assert b.do("deal.counter", deal_id=did, base_version=3, terms=terms("10"))["version"] == 4


# ------------------------------------------------------------------------ the race

def _race(plan: list[tuple[str, Actor, str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Push each planned mutation from its own thread, released together."""
    barrier = threading.Barrier(len(plan))
    out: dict[str, dict[str, Any]] = {}

    def run(name: str, actor: Actor, type_: str, args: dict[str, Any]) -> None:
        barrier.wait()
        out[name] = actor.push_raw([(type_, args)])[0]

    threads = [threading.Thread(target=run, args=p) for p in plan]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def test_race_buyer_accepts_while_exhibitor_withdraws_to_revise(srv, trio):
    """v3 is the exhibitor's counter: the buyer accepts v3 while the exhibitor pulls v3
    back to revise it (two clients, at once): exactly one applies, the other is `stale`
    with the current deal and a reason; both sides converge; never two outcomes."""
    b, s, _ = trio
    for i in range(4):
        did = negotiate_to_v3(b, s)
        plan = [("accept", b, "deal.accept", {"deal_id": did, "base_version": 3}),
                ("withdraw", s, "deal.withdraw", {"deal_id": did, "base_version": 3})]
        out = _race(plan if i % 2 == 0 else plan[::-1])
        assert sorted(r["status"] for r in out.values()) == ["applied", "rejected"], out
        loser = next(r for r in out.values() if r["status"] == "rejected")
        assert loser["code"] == "stale" and "the other side" in loser["reason"]
        assert loser["result"]["deal"]["version"] == 4
        bd, sd = b.entities("deal")[did], s.entities("deal", s.scope())[did]
        assert bd == sd and bd["state"] in ("accepted", "withdrawn") and bd["version"] == 4
        assert accepted_count(srv, did) == (1 if bd["state"] == "accepted" else 0)
        assert b.c.get(f"/v1/deals/{did}/verify").json()["valid"]


def test_race_accept_and_counter_from_two_devices(srv, trio):
    """The buyer accepts v3 on one device while countering v3 on another: exactly one
    applies; the loser is `stale` ("on another device")."""
    b, s, _ = trio
    for i in range(4):
        did = negotiate_to_v3(b, s)
        b2 = Actor.__new__(Actor)  # the buyer's second device: same user, own client id
        b2.__dict__.update(b.__dict__)
        b2.c = srv.client(b.token)
        b2.client_id, b2.seq, b2.cursors, b2.state = str(uuid.uuid4()), 0, {}, {}
        plan = [("accept", b, "deal.accept", {"deal_id": did, "base_version": 3}),
                ("counter", b2, "deal.counter", {"deal_id": did, "base_version": 3, "terms": terms("9.90")})]
        out = _race(plan if i % 2 == 0 else plan[::-1])
        b2.c.close()
        applied = [k for k, r in out.items() if r["status"] == "applied"]
        assert len(applied) == 1, out
        loser = out["counter" if applied == ["accept"] else "accept"]
        assert loser["code"] == "stale" and "another device" in loser["reason"]
        assert loser["result"]["deal"]["state"] == ("accepted" if applied == ["accept"] else "countered")
        bd, sd = b.entities("deal")[did], s.entities("deal", s.scope())[did]
        assert bd == sd and bd["version"] == 4
        assert accepted_count(srv, did) == (1 if applied == ["accept"] else 0)


def test_cross_party_race_gives_the_other_side_countered_first(srv, trio):
    """The company countered v3 -> v4 before the buyer's (offline-queued) accept of v2
    arrived: the accept is `stale`, its reason names the counter, the result carries it."""
    b, s, _ = trio
    deal = open_deal(b, s.company_id)
    did = deal["id"]
    b.do("deal.offer", deal_id=did, base_version=1, terms=terms("9"))
    s.do("deal.counter", deal_id=did, base_version=2, terms=terms("11"))
    b.do("deal.counter", deal_id=did, base_version=3, terms=terms("10"))
    s.do("deal.counter", deal_id=did, base_version=4, terms=terms("10.40"))
    res = s.push_raw([("deal.accept", {"deal_id": did, "base_version": 4})])[0]
    assert res["code"] == "stale"
    res = b.push_raw([("deal.accept", {"deal_id": did, "base_version": 4})])[0]
    assert res["status"] == "rejected" and res["code"] == "stale"
    assert "the other side countered first" in res["reason"]
    assert res["result"]["deal"]["version"] == 5 and res["result"]["deal"]["terms"]["items"][0]["unit_price"] == "10.4"
    # the buyer, having seen v5, accepts it
    assert b.do("deal.accept", deal_id=did, base_version=5)["state"] == "accepted"


# ------------------------------------------------------------------ replays and faults

def test_replayed_push_never_creates_two_accepts(srv, trio):
    b, s, _ = trio
    did = negotiate_to_v3(b, s)
    b.seq += 1
    batch = [{"seq": b.seq, "type": "deal.accept", "args": {"deal_id": did, "base_version": 3}}]
    from srv_util import push

    first = push(b.c, b.client_id, batch).json()["results"][0]
    assert first["status"] == "applied"
    for _ in range(3):
        again = push(b.c, b.client_id, batch).json()["results"][0]
        assert again == first
    # the same accept as a NEW mutation (another client of the buyer): stale, not a 2nd accept
    other = b.push_raw([("deal.accept", {"deal_id": did, "base_version": 3})])[0]
    assert other["code"] == "stale"
    assert accepted_count(srv, did) == 1
    assert b.c.get(f"/v1/deals/{did}/verify").json()["valid"]


def test_reply_lost_after_commit_then_retry_gives_one_accept(srv, trio):
    import httpx

    from tests.faultproxy import FaultProxy

    b, s, _ = trio
    did = negotiate_to_v3(b, s)
    client_id = str(uuid.uuid4())
    batch = {"client_id": client_id, "mutations": [
        {"seq": 1, "type": "deal.accept", "args": {"deal_id": did, "base_version": 3}}]}
    with FaultProxy(srv.port) as proxy:
        with httpx.Client(base_url=proxy.url, headers={"Authorization": f"Bearer {b.token}"}, timeout=30) as c:
            proxy.reset_next_reply(count=1, match=b"/v1/sync/push")
            with pytest.raises(httpx.TransportError):
                c.post("/v1/sync/push", json=batch)
            r = c.post("/v1/sync/push", json=batch)  # the retry: same client id and seq
            assert r.status_code == 200
            res = r.json()["results"][0]
            assert res["status"] == "applied" and res["result"]["state"] == "accepted"
        assert proxy.stats["resets"] == 1
    assert accepted_count(srv, did) == 1
    deal = s.entities("deal", s.scope())[did]
    assert deal["state"] == "accepted" and deal["version"] == 4


# ------------------------------------------------------------------------ validation

@pytest.mark.parametrize(("change", "needle"), [
    ({"items": []}, "items"),
    ({"incoterm": "FOO"}, "Incoterm"),
    ({"incoterm_place": ""}, "incoterm_place"),
    ({"delivery_date": "2099-02-30"}, "delivery_date"),
    ({"delivery_date": "01/03/2099"}, "delivery_date"),
    ({"delivery_date": "2001-01-01"}, "past"),
    ({"valid_until": "2001-01-01T00:00:00Z"}, "past"),
    ({"valid_until": "tomorrow"}, "valid_until"),
    ({"payment_terms": "   "}, "payment_terms"),
    ({"unknown": 1}, "unknown"),
    ({"item": {"quantity": "0"}}, "positive"),
    ({"item": {"quantity": "-5"}}, "quantity"),
    ({"item": {"quantity": "1e3"}}, "quantity"),
    ({"item": {"quantity": 1000}}, "quantity"),
    ({"item": {"quantity": "1.1234567"}}, "quantity"),
    ({"item": {"unit_price": "9.12345"}}, "unit_price"),
    ({"item": {"unit_price": "NaN"}}, "unit_price"),
    ({"item": {"currency": "usd"}}, "currency"),
    ({"item": {"currency": "XYZ"}}, "ISO 4217"),
    ({"item": {"description": " "}}, "description"),
    ({"item": {"description": "a\x00b"}}, "NUL"),
    ({"item": {"product_id": 1}}, "catalog"),
])
def test_invalid_terms_are_rejected_clearly(srv, trio, change, needle):
    b, s, _ = trio
    did = open_deal(b, s.company_id)["id"]
    t = terms()
    item = change.pop("item", None)
    if item is not None:
        t["items"][0].update(item)
    t.update(change)
    if item is not None and "product_id" in item:
        other = db_rows(srv.db_path, "SELECT id FROM products WHERE company_id != ? ORDER BY id LIMIT 1", s.company_id)[0][0]
        t["items"][0]["product_id"] = other
    res = b.push_raw([("deal.offer", {"deal_id": did, "base_version": 1, "terms": t})])[0]
    assert res["status"] == "rejected" and res["code"] == "invalid-value", res
    assert needle.lower() in res["reason"].lower(), res["reason"]
    assert b.entities("deal")[did]["version"] == 1  # nothing changed


def test_invalid_commands(srv, trio):
    b, s, _ = trio
    assert b.rejected("deal.open", deal_id="not-a-uuid", company_id=s.company_id) == "invalid-value"
    assert b.rejected("deal.open", deal_id=str(uuid.uuid4()), company_id=2**40) == "not-found"
    assert b.rejected("deal.open", deal_id=str(uuid.uuid4()), company_id=s.company_id, product_ids=[10**12]) == "invalid-value"
    assert b.rejected("deal.open", deal_id=str(uuid.uuid4()), buyer_user_id=b.id) == "forbidden"
    did = open_deal(b, s.company_id)["id"]
    assert b.rejected("deal.offer", deal_id=did, terms=terms()) == "invalid-value"  # no base_version
    assert b.rejected("deal.offer", deal_id=did, base_version=1, terms="cheap") == "invalid-value"
    assert b.rejected("deal.accept", deal_id=did, base_version=1) == "not-allowed"  # nothing offered
    assert b.rejected("key.register", public_key="AAAA") == "invalid-value"
    # opened from a conversation: only the pair's own conversation
    conv = b.do("message.send", client_msg_id=str(uuid.uuid4()), text="hello", company_id=s.company_id)["conversation_id"]
    d = open_deal(b, s.company_id, conversation_id=conv)
    assert d["conversation_id"] == conv
    assert o_rejects_conversation(srv, conv) == "not-found"
    assert b.rejected("key.register", public_key="not base64!") == "invalid-value"


def o_rejects_conversation(srv, conv: int) -> str:
    """Another buyer naming someone else's conversation."""
    other = Actor(srv)
    try:
        return other.rejected("deal.open", deal_id=str(uuid.uuid4()), company_id=companies(srv)[0], conversation_id=conv)
    finally:
        other.close()


# ------------------------------------------------------------------------- signatures

def _accepted(b: Actor, s: Actor) -> tuple[str, str]:
    did = negotiate_to_v3(b, s)
    r = b.do("deal.accept", deal_id=did, base_version=3)
    return did, r["deal"]["terms_hash"]


def test_bad_signatures_are_rejected(srv, trio):
    b, s, o = trio
    did, thash = _accepted(b, s)
    kb = Signer(b)
    ko = Signer(o)  # another company's staff member's key
    sign = {"deal_id": did, "base_version": 4}
    # another user's key
    assert b.rejected("deal.sign", **sign, terms_hash=thash, signature=ko.sign(did, thash), key_fingerprint=ko.fp) == "bad-signature"
    # a signature by a key that is not the one named
    rogue = Ed25519PrivateKey.generate()
    bad = base64.b64encode(rogue.sign(signing_message(did, thash))).decode()
    assert b.rejected("deal.sign", **sign, terms_hash=thash, signature=bad, key_fingerprint=kb.fp) == "bad-signature"
    # the wrong hash
    wrong = "0" * 64
    assert b.rejected("deal.sign", **sign, terms_hash=wrong, signature=kb.sign(did, wrong), key_fingerprint=kb.fp) == "bad-signature"
    # tampered terms: the client signs the hash of terms that differ from the accepted ones
    deal = b.entities("deal")[did]
    tampered = dict(deal["terms"], payment_terms="100% after delivery")
    th2 = terms_hash(tampered)
    assert b.rejected("deal.sign", **sign, terms_hash=th2, signature=kb.sign(did, th2), key_fingerprint=kb.fp) == "bad-signature"
    # the right hash signed for another deal id (replay across deals)
    assert b.rejected("deal.sign", **sign, terms_hash=thash, signature=kb.sign(str(uuid.uuid4()), thash), key_fingerprint=kb.fp) == "bad-signature"
    # garbage
    assert b.rejected("deal.sign", **sign, terms_hash=thash, signature="xx", key_fingerprint=kb.fp) == "invalid-value"
    # an unregistered fingerprint
    assert b.rejected("deal.sign", **sign, terms_hash=thash, signature=kb.sign(did, thash), key_fingerprint="0123456789abcdef") == "bad-signature"
    # the other company's staff: not a party at all
    assert o.rejected("deal.sign", **sign, terms_hash=thash, signature=ko.sign(did, thash), key_fingerprint=ko.fp) == "not-found"
    d = b.entities("deal")[did]
    assert d["state"] == "accepted" and d["signatures"] == [] and d["version"] == 4
    # a good signature works; signing twice with another signature is refused
    b.do("deal.sign", **sign, terms_hash=thash, signature=kb.sign(did, thash), key_fingerprint=kb.fp)
    kb2 = Signer(b)  # rotation: a second key
    assert b.rejected("deal.sign", **sign, terms_hash=thash, signature=kb2.sign(did, thash), key_fingerprint=kb2.fp) == "not-allowed"
    assert set(b.entities("signing_key")) == {kb.fp, kb2.fp}
    # a signature before acceptance is refused
    did2 = negotiate_to_v3(b, s)
    assert b.rejected("deal.sign", deal_id=did2, base_version=3, terms_hash=thash, signature=kb.sign(did2, thash), key_fingerprint=kb.fp) == "not-allowed"


def test_key_rotation_keeps_old_signatures_valid_and_keys_are_personal(srv, trio):
    b, s, o = trio
    did, thash = _accepted(b, s)
    kb, ks = Signer(b), Signer(s)
    b.do("deal.sign", deal_id=did, base_version=4, terms_hash=thash, signature=kb.sign(did, thash), key_fingerprint=kb.fp)
    Signer(b)  # rotate after signing
    s.do("deal.sign", deal_id=did, base_version=4, terms_hash=thash, signature=ks.sign(did, thash), key_fingerprint=ks.fp)
    v = b.c.get(f"/v1/deals/{did}/verify").json()
    assert v["valid"] and v["state"] == "signed"
    # the same public key cannot be registered by somebody else
    assert o.rejected("key.register", public_key=kb.public_b64) == "conflict"
    # registering your own key again is a no-op
    assert b.do("key.register", public_key=kb.public_b64)["fingerprint"] == kb.fp


# ------------------------------------------------------------------------ hash chain

def test_hash_chain_detects_a_tampered_row(srv, trio):
    b, s, _ = trio
    did, _thash = _accepted(b, s)
    assert b.c.get(f"/v1/deals/{did}/verify").json()["valid"]
    con = sqlite3.connect(srv.db_path, timeout=15)
    try:
        with con:  # a lower price in the counter of event 3, as a forger would
            old = con.execute("SELECT terms FROM deal_events WHERE deal_id = ? AND n = 3", (did,)).fetchone()[0]
            con.execute("UPDATE deal_events SET terms = ? WHERE deal_id = ? AND n = 3",
                        (old.replace('"unit_price":"10.5"', '"unit_price":"1.5"'), did))
        v = b.c.get(f"/v1/deals/{did}/verify").json()
        assert not v["valid"] and any(p["n"] == 3 for p in v["problems"]), v
        with con:  # restore; then forge the deal's current terms instead
            con.execute("UPDATE deal_events SET terms = ? WHERE deal_id = ? AND n = 3", (old, did))
        assert b.c.get(f"/v1/deals/{did}/verify").json()["valid"]
        with con:
            cur = con.execute("SELECT terms FROM deals WHERE id = ?", (did,)).fetchone()[0]
            con.execute("UPDATE deals SET terms = ? WHERE id = ?", (cur.replace("Ningbo", "Shanghai"), did))
        v = b.c.get(f"/v1/deals/{did}/verify").json()
        assert not v["valid"] and not v["terms_ok"]
        with con:
            con.execute("UPDATE deals SET terms = ? WHERE id = ?", (cur, did))
            con.execute("DELETE FROM deal_events WHERE deal_id = ? AND n = 2", (did,))
        v = b.c.get(f"/v1/deals/{did}/verify").json()
        assert not v["valid"] and any("missing" in p["problem"] for p in v["problems"])
    finally:
        con.close()


# --------------------------------------------------------------------------- access

def test_access_other_buyer_and_other_company(srv, trio):
    b, s, o = trio
    did = negotiate_to_v3(b, s)
    stranger = Actor(srv)
    try:
        for actor in (stranger, o):
            assert actor.rejected("deal.accept", deal_id=did, base_version=3) == "not-found"
            assert actor.rejected("deal.counter", deal_id=did, base_version=3, terms=terms()) == "not-found"
            assert actor.rejected("deal.withdraw", deal_id=did, base_version=3) == "not-found"
            assert_problem(actor.c.get(f"/v1/deals/{did}"), 404, "not-found")
            assert_problem(actor.c.get(f"/v1/deals/{did}/verify"), 404, "not-found")
        assert did not in stranger.entities("deal")
        assert did not in o.entities("deal", o.scope())
        assert not [e for e in o.entities("deal_event", o.scope()).values() if e["deal_id"] == did]
        # the other company's scope is forbidden to this company's staff
        from srv_util import pull

        assert pull(s.c, {o.scope(): None})[o.scope()]["error"]["status"] == 403
        # a colleague of s sees and may act on the deal
        colleague = Actor(srv, "exhibitor", s.company_id)
        try:
            assert colleague.entities("deal", colleague.scope())[did]["version"] == 3
            assert colleague.c.get(f"/v1/deals/{did}").status_code == 200
            # ...but a colleague cannot answer the company's own offer
            assert colleague.rejected("deal.accept", deal_id=did, base_version=3) == "not-allowed"
        finally:
            colleague.close()
        assert_problem(b.c.get(f"/v1/deals/{uuid.uuid4()}"), 404, "not-found")
        assert_problem(b.c.get("/v1/deals/nope"), 400, "bad-request")
    finally:
        stranger.close()


# ------------------------------------------------------------------ crash mid-push

def test_server_killed_while_accepts_are_pushed_then_retried(start_server):
    """SIGKILL the server at a random moment while a buyer pushes queued accepts (one
    deal each), restart, retry the unacknowledged push: every deal accepted exactly
    once, every hash chain valid."""
    import os
    import random

    import httpx

    rounds = int(os.environ.get("FAIRDESK_DEAL_KILL_ROUNDS", "2"))
    rng = random.Random(int(os.environ.get("FAIRDESK_DEAL_KILL_SEED", "11")))
    srv = start_server()
    b, s = Actor(srv), Actor(srv, "exhibitor", companies(srv, 1)[0])
    client_id = str(uuid.uuid4())
    seq = 0
    all_deals: list[str] = []
    try:
        for _ in range(rounds):
            deal_ids = [negotiate_to_v3(b, s) for _ in range(8)]
            all_deals += deal_ids
            batches = []
            for did in deal_ids:
                seq += 1
                batches.append([{"seq": seq, "type": "deal.accept", "args": {"deal_id": did, "base_version": 3}}])
            stop = threading.Event()

            def killer(stop: threading.Event = stop) -> None:
                stop.wait(rng.uniform(0.01, 0.15))
                srv.kill()

            t = threading.Thread(target=killer)
            t.start()
            pending = list(batches)
            while pending:
                try:
                    with httpx.Client(base_url=srv.url, headers={"Authorization": f"Bearer {b.token}"}, timeout=10) as c:
                        r = c.post("/v1/sync/push", json={"client_id": client_id, "mutations": pending[0]})
                    assert r.status_code == 200, r.text
                    res = r.json()["results"][0]
                    assert res["status"] == "applied" and res["result"]["state"] == "accepted", res
                    pending.pop(0)
                except httpx.TransportError:
                    t.join()
                    if not srv.running:
                        srv.start()
            t.join()
            if not srv.running:
                srv.start()
            b.c.close()
            b.c = srv.client(b.token)
            s.c.close()
            s.c = srv.client(s.token)
        for did in all_deals:
            assert accepted_count(srv, did) == 1
            v = b.c.get(f"/v1/deals/{did}/verify").json()
            assert v["valid"] and v["state"] == "accepted" and v["event_count"] == 4
    finally:
        b.close()
        s.close()
