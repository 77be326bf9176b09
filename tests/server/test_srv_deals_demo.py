"""The demo exhibitor negotiates and signs (server started with --demo; protocol §8.7)."""

from __future__ import annotations

import base64
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from social_util import Actor
from srv_util import db_rows, pull

from server.deals import fingerprint, signing_message

DEADLINE_S = 30.0  # generous: the bot acts after 1-2.5 s; this only bounds a broken run


def wait_deal(actor: Actor, deal_id: str, pred: Any) -> dict[str, Any]:
    """Long-poll ``me`` until the deal satisfies ``pred``."""
    end = time.monotonic() + DEADLINE_S
    while time.monotonic() < end:
        d = actor.entities("deal").get(deal_id)
        if d is not None and pred(d):
            return d
        pull(actor.c, {"me": actor.cursors["me"]}, wait=5)
    raise AssertionError(f"the demo exhibitor did not act on deal {deal_id}")


def terms(price: str) -> dict[str, Any]:
    until = (datetime.now(UTC) + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "items": [{"product_id": None, "description": "Ceramic mug 350 ml", "spec_notes": "logo print",
                   "quantity": "2000", "unit": "piece", "unit_price": price, "currency": "USD"}],
        "incoterm": "CIF", "incoterm_place": "Hamburg", "delivery_date": "2099-05-01",
        "payment_terms": "T/T 30/70", "valid_until": until,
    }


@pytest.fixture(scope="module")
def demo_srv(tmp_path_factory, demo_db_template):
    import shutil

    from tests.conftest import LiveServer

    workdir = tmp_path_factory.mktemp("demo-deals")
    db_path = workdir / "fair.db"
    shutil.copyfile(demo_db_template, db_path)
    srv = LiveServer(db_path, workdir, ("--demo",)).start()
    yield srv
    srv.stop()


def demo_company(srv, k: int) -> int:
    return int(db_rows(srv.db_path, "SELECT id FROM companies WHERE is_demo = 1 ORDER BY id")[20 + k][0])


def test_demo_exhibitor_counters_once_accepts_a_reasonable_offer_and_signs(demo_srv):
    company = demo_company(demo_srv, 0)
    b = Actor(demo_srv)
    try:
        did = str(uuid.uuid4())
        b.do("deal.open", deal_id=did, company_id=company)
        b.do("deal.offer", deal_id=did, base_version=1, terms=terms("4.00"))
        d = wait_deal(b, did, lambda d: d["version"] >= 3)
        assert d["state"] == "countered" and d["offer_by"] == "company"
        assert d["terms"]["items"][0]["unit_price"] == "4.32"  # +8%
        assert "(demo)" in d["terms"]["notes"] and "演示" in d["terms"]["notes"]
        assert d["company_is_demo"]
        # an unreasonable second offer: the bot repeats its counter ("best price")
        b.do("deal.counter", deal_id=did, base_version=3, terms=terms("3.50"))
        d = wait_deal(b, did, lambda d: d["version"] >= 5)
        assert d["state"] == "countered" and d["terms"]["items"][0]["unit_price"] == "4.32"
        assert "best price" in d["terms"]["notes"]
        # a reasonable one (within 5% of 4.32): accepted, then signed by the bot
        b.do("deal.counter", deal_id=did, base_version=5, terms=terms("4.15"))
        d = wait_deal(b, did, lambda d: d["state"] == "accepted" and d["signatures"])
        assert d["terms"]["items"][0]["unit_price"] == "4.15" and d["terms"]["totals"] == {"USD": "8300.00"}
        bot_sig = d["signatures"][0]
        assert bot_sig["side"] == "company" and "(demo)" in bot_sig["name"]
        keys = db_rows(demo_srv.db_path, "SELECT is_demo FROM signing_keys WHERE fingerprint = ?", bot_sig["key_fingerprint"])
        assert keys == [(1,)]
        # the buyer signs: the deal is signed, and verifies
        key = Ed25519PrivateKey.generate()
        raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        b.do("key.register", public_key=base64.b64encode(raw).decode())
        sig = base64.b64encode(key.sign(signing_message(did, d["terms_hash"]))).decode()
        r = b.do("deal.sign", deal_id=did, base_version=d["version"], terms_hash=d["terms_hash"],
                 signature=sig, key_fingerprint=fingerprint(raw))
        assert r["state"] == "signed"
        v = b.c.get(f"/v1/deals/{did}/verify").json()
        assert v["valid"] and [s["valid"] for s in v["signatures"]] == [True, True]
        kinds = [k for (k,) in db_rows(demo_srv.db_path, "SELECT kind FROM deal_events WHERE deal_id = ? ORDER BY n", did)]
        assert kinds == ["open", "offer", "counter", "counter", "counter", "counter", "accept", "sign", "sign"]
    finally:
        b.close()


def test_buyer_accepting_the_demo_counter_gets_it_signed(demo_srv):
    company = demo_company(demo_srv, 1)
    b = Actor(demo_srv)
    try:
        did = str(uuid.uuid4())
        b.do("deal.open", deal_id=did, company_id=company)
        b.do("deal.offer", deal_id=did, base_version=1, terms=terms("2.00"))
        d = wait_deal(b, did, lambda d: d["version"] >= 3)
        b.do("deal.accept", deal_id=did, base_version=d["version"])
        d = wait_deal(b, did, lambda d: bool(d["signatures"]))
        assert d["state"] == "accepted" and d["signatures"][0]["side"] == "company"
        assert d["terms"]["items"][0]["unit_price"] == "2.16"
    finally:
        b.close()


def test_no_bot_once_a_human_staff_member_signed_in(demo_srv):
    company = demo_company(demo_srv, 2)
    human = Actor(demo_srv, "exhibitor", company)  # registering signs in: the company is human-run
    b = Actor(demo_srv)
    try:
        did = str(uuid.uuid4())
        b.do("deal.open", deal_id=did, company_id=company)
        b.do("deal.offer", deal_id=did, base_version=1, terms=terms("4.00"))
        time.sleep(3.5)  # longer than the bot's longest delay (2.5 s)
        assert b.entities("deal")[did]["version"] == 2
        assert human.entities("deal", human.scope())[did]["state"] == "offered"
    finally:
        b.close()
        human.close()
