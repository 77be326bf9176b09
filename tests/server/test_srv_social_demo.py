"""Demo exhibitors (server started with --demo) accept card requests and answer chats."""

from __future__ import annotations

import time
from typing import Any

import pytest
from social_util import Actor
from srv_util import db_rows, pull

from server.demo_bots import compose_reply

DEADLINE_S = 30.0  # generous: the bots act after 1-2.5 s; this only bounds a broken run


def wait_for(actor: Actor, pred: Any) -> dict[str, Any]:
    """Long-poll ``me`` until an entity matching ``pred`` arrives."""
    end = time.monotonic() + DEADLINE_S
    while time.monotonic() < end:
        for ch in actor.sync("me"):
            if ch["op"] == "upsert" and pred(ch):
                return dict(ch["data"])
        pull(actor.c, {"me": actor.cursors["me"]}, wait=5)
    raise AssertionError("the demo exhibitor did not act")


@pytest.fixture(scope="module")
def demo_srv(tmp_path_factory, demo_db_template):
    import shutil

    from tests.conftest import LiveServer

    workdir = tmp_path_factory.mktemp("demo-bots")
    db_path = workdir / "fair.db"
    shutil.copyfile(demo_db_template, db_path)
    srv = LiveServer(db_path, workdir, ("--demo",)).start()
    yield srv
    srv.stop()


def test_demo_exhibitor_answers_a_chat_in_both_languages(demo_srv):
    company = db_rows(demo_srv.db_path, "SELECT id FROM companies WHERE is_demo = 1 ORDER BY id")[12][0]
    b = Actor(demo_srv)
    try:
        sent = b.do("message.send", client_msg_id="q1", text="Hello! What is your MOQ? Can I get samples?", company_id=company)
        reply = wait_for(b, lambda ch: ch["entity"] == "message" and ch["data"]["sender_side"] == "company")
        assert reply["conversation_id"] == sent["conversation_id"] and reply["n"] == 2
        assert reply["is_demo_reply"] is True and reply["sender_name"].endswith("(demo)")
        assert "MOQ" in reply["text"] and "起订量" in reply["text"] and "ample" in reply["text"]
        conv = b.entities("conversation")[sent["conversation_id"]]
        assert conv["company_is_demo"] and conv["company_read_upto"] == 2 and conv["unread"] == 1
        # sharing a product: the answer names it
        pid, name = db_rows(demo_srv.db_path, "SELECT id, name_en FROM products WHERE company_id = ? AND hidden = 0 ORDER BY id LIMIT 1", company)[0]
        b.do("message.send", client_msg_id="q2", kind="product", product_id=pid, text="price?", conversation_id=sent["conversation_id"])
        second = wait_for(b, lambda ch: ch["entity"] == "message" and ch["data"]["n"] == 4)
        assert second["is_demo_reply"] and name in second["text"]
        # exactly one answer per buyer turn
        rows = db_rows(demo_srv.db_path, "SELECT sender_side FROM messages WHERE conversation_id = ? ORDER BY n", sent["conversation_id"])
        assert [r[0] for r in rows] == ["buyer", "company", "buyer", "company"]
    finally:
        b.close()


def test_demo_exhibitor_accepts_a_card_request(demo_srv):
    company = db_rows(demo_srv.db_path, "SELECT id FROM companies WHERE is_demo = 1 ORDER BY id")[13][0]
    b = Actor(demo_srv)
    try:
        b.do("card.update", fields={"name": "Demo Tester", "title": "Buyer"})
        rid = b.do("card.request", company_id=company)["request_id"]
        req = wait_for(b, lambda ch: ch["entity"] == "card_request" and ch["data"]["status"] == "accepted")
        assert req["id"] == rid
        held = [c for c in b.entities("card").values() if not c["mine"]]
        assert len(held) == 1 and held[0]["is_demo"] and held[0]["company_id"] == company
        assert "(demo)" in held[0]["name"]
    finally:
        b.close()


def test_reply_templates_cover_the_usual_questions():
    product = {"name_en": "LED panel", "name_zh": "LED面板", "moq": 500, "unit_en": "pieces", "unit_zh": "件",
               "lead_time_days": 25, "currency": "USD", "price_min_cents": 350, "price_max_cents": 420,
               "certifications": ["CE", "RoHS"]}
    assert "USD 3.50 to USD 4.20" in compose_reply("What's the price?", product, "ACME")
    for unit, per in (("cartons", "per carton"), ("boxes", "per box"), ("kg", "per kg"),
                      ("square meters", "per square meter")):
        assert per + " (FOB)" in compose_reply("price?", {**product, "unit_en": unit}, "ACME")
    assert "25 days" in compose_reply("lead time?", product, "ACME")
    assert "交期" in compose_reply("交期多久？", product, "ACME")
    assert "CE, RoHS" in compose_reply("Do you have CE certificates?", product, "ACME")
    hello = compose_reply("hi", None, "ACME")
    assert "ACME" in hello and "您好" in hello and "demo" in hello
    assert "LED panel" in compose_reply("", product, "ACME", shared=True)


def test_a_company_whose_staff_signed_in_is_not_run_by_a_bot(demo_srv):
    from server.demo_bots import delay_for

    ids = [r[0] for r in db_rows(demo_srv.db_path, "SELECT id FROM companies WHERE is_demo = 1 ORDER BY id")]
    human_company = ids[14]
    staff = Actor(demo_srv, "exhibitor", human_company)  # registering signs in
    b = Actor(demo_srv)
    try:
        human = b.do("message.send", client_msg_id="h1", text="Anyone there?", company_id=human_company)
        human_delay = delay_for("conv", human["conversation_id"], 1)
        # a probe to a bot-run company whose bot waits at least as long: once it has
        # answered, a bot would have answered the first conversation too
        for probe_company in ids[15:40]:
            probe = b.do("message.send", client_msg_id=f"p{probe_company}", text="Hello", company_id=probe_company)
            if delay_for("conv", probe["conversation_id"], 1) >= human_delay:
                break
        else:
            raise AssertionError("no probe company found")
        wait_for(b, lambda ch: ch["entity"] == "message" and ch["data"]["conversation_id"] == probe["conversation_id"]
                 and ch["data"]["sender_side"] == "company")
        rows = db_rows(demo_srv.db_path, "SELECT sender_side FROM messages WHERE conversation_id = ?", human["conversation_id"])
        assert rows == [("buyer",)]
        # the human staff member answers instead
        staff.do("message.send", client_msg_id="r1", text="Yes, Li here.", conversation_id=human["conversation_id"])
        got = wait_for(b, lambda ch: ch["entity"] == "message" and ch["data"]["conversation_id"] == human["conversation_id"]
                       and ch["data"]["sender_side"] == "company")
        assert got["is_demo_reply"] is False and got["sender_user_id"] == staff.id
    finally:
        b.close()
        staff.close()
