"""Authorization, cards and chat in the cache: applying pages, local-first writes, queries."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from cache_util import apply, tomb, track, up

from offline_cache import outbox, schema, social, syncstate
from offline_cache.store import Store

BUYER = {"user_id": 7, "display_name": "Ana", "email": "a@x", "role": "buyer",
         "company_id": None, "company": "Ruiz", "country": "ES", "interests": [],
         "annual_volume": "", "version": 1}
STAFF = {**BUYER, "user_id": 20, "display_name": "Li", "role": "exhibitor", "company_id": 3}


def conv(cid: int = 1, *, unread: int = 0, last: str = "2026-11-02T00:00:00Z",
         company_id: int = 3, buyer: int = 7) -> dict[str, Any]:
    return {"id": cid, "buyer_user_id": buyer, "buyer_name": "Ana", "company_id": company_id,
            "company_name": f"Hengda {company_id}", "company_is_demo": False,
            "started_by": "buyer", "created_at": "2026-11-01T00:00:00Z", "message_count": 1,
            "last_message": None, "last_message_at": last, "unread": unread,
            "buyer_read_upto": 0, "company_read_upto": 0, "company_read_by": None}


def msg(mid: int, n: int, *, cid: int = 1, text: str = "hello", side: str = "company",
        cmid: str | None = None) -> dict[str, Any]:
    return {"id": mid, "conversation_id": cid, "n": n, "buyer_user_id": 7, "company_id": 3,
            "sender_user_id": 20 if side == "company" else 7, "sender_name": "x",
            "sender_side": side, "client_msg_id": cmid or f"m{mid}", "kind": "text",
            "text": text, "product_id": None, "product": None, "attachment_id": None,
            "attachment": None, "is_demo_reply": False,
            "created_at": f"2026-11-02T00:00:{n:02d}Z"}


def card(cid: int, name: str, *, mine: bool = False, tags: list[str] | None = None,
         note: str = "", company: str = "Hengda") -> dict[str, Any]:
    return {"id": cid, "owner_user_id": 100 + cid, "name": name, "title": "Sales",
            "company": company, "country": "CN", "phone": "", "email": f"{name}@x",
            "website": "", "handles": {}, "has_photo": False, "company_id": 3,
            "role": "exhibitor", "is_demo": False, "version": 1, "updated_at": "t",
            "mine": mine,
            "holder": None if mine else {"tags": tags or [], "note": note, "met_at": "",
                                         "via": "exchange", "received_at": f"2026-11-0{cid}"}}


@pytest.fixture
def buyer_store(store: Store) -> Store:
    track(store, "me")
    apply(store, "me", [up("profile", BUYER, 7)], "m0")
    return store


def test_migration_creates_social_tables(store: Store) -> None:
    tables = store.read_sync(lambda db: {r[0] for r in db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")})
    assert {"social_grants", "social_cards", "social_messages", "social_outgoing",
            "social_conversations", "social_buyers", "social_card_requests",
            "social_quick_replies"} <= tables
    assert schema.SCHEMA_VERSION >= 3


def test_apply_me_page_and_queries(buyer_store: Store) -> None:
    s = buyer_store
    cs = apply(s, "me", [
        up("grant", {"id": 3, "company_id": 3, "company_name": "Hengda", "status": "granted",
                     "granted_at": "t", "revoked_at": None, "version": 1}),
        up("card", card(1, "Zoe", tags=["vip"])), up("card", card(2, "Bob", company="Acme")),
        up("card", card(9, "Ana", mine=True)),
        up("conversation", conv(1, unread=2)), up("conversation", conv(2, company_id=4,
                                                                      last="2026-11-03")),
        up("message", msg(10, 1, text="<b>bold</b> & <script>x()</script>")),
        up("message", msg(11, 2, text="MOQ is 500 pcs")),
        {"entity": "mystery", "op": "upsert", "id": 1, "data": {}},
    ], "m1")
    assert cs.upserted["message"] == {10, 11} and cs.upserted["card"] == {1, 2, 9}
    assert [g["company_id"] for g in s.read_sync(social.list_grants)] == [3]
    assert [c["name"] for c in s.read_sync(social.list_cards)] == ["Bob", "Zoe"]
    assert [c["name"] for c in s.read_sync(social.list_cards, "", None, "company")] == \
        ["Bob", "Zoe"]
    assert [c["name"] for c in s.read_sync(social.list_cards, "", "vip")] == ["Zoe"]
    assert [c["name"] for c in s.read_sync(social.search_cards, "acm")] == ["Bob"]
    mine = s.read_sync(social.my_card)
    assert mine is not None and mine["name"] == "Ana"
    convs = s.read_sync(social.list_conversations)
    assert [c["id"] for c in convs] == [2, 1] and convs[1]["unread"] == 2
    assert s.read_sync(social.count_unread) == 2
    msgs = s.read_sync(social.conversation_messages, 1)
    assert [m["text"] for m in msgs] == ["<b>bold</b> & <script>x()</script>", "MOQ is 500 pcs"]
    assert [m["id"] for m in s.read_sync(social.search_messages, "moq")] == [11]
    # LIKE wildcards in user text are literal
    assert s.read_sync(social.search_messages, "%") == []
    assert s.read_sync(social.search_messages, "_") == []
    # the conversation filter finds conversations by their cached history, offline
    assert [c["id"] for c in s.read_sync(social.list_conversations, "500 PCS")] == [1]
    assert s.read_sync(social.list_conversations, "%") == []
    # a card tombstone removes it from the holder
    apply(s, "me", [tomb("card", 2)], "m2")
    assert [c["name"] for c in s.read_sync(social.list_cards)] == ["Zoe"]


def test_messages_paged(buyer_store: Store) -> None:
    s = buyer_store
    apply(s, "me", [up("conversation", conv(1))]
          + [up("message", msg(100 + n, n)) for n in range(1, 31)], "m1")
    page = s.read_sync(social.conversation_messages, 1, None, 10)
    assert [m["n"] for m in page] == list(range(21, 31))
    older = s.read_sync(social.conversation_messages, 1, 21, 10)
    assert [m["n"] for m in older] == list(range(11, 21))


def test_send_message_waits_then_delivered_once(buyer_store: Store) -> None:
    s = buyer_store
    apply(s, "me", [up("conversation", conv(1))], "m1")
    cmid = s.write_sync(social.send_message, conversation_id=1, text="مرحبا 👋 <i>hi</i>")
    uuid.UUID(cmid)
    items = s.read_sync(outbox.pending)
    assert [(i.type, i.args["client_msg_id"]) for i in items] == [("message.send", cmid)]
    assert items[0].args == {"conversation_id": 1, "client_msg_id": cmid, "kind": "text",
                             "text": "مرحبا 👋 <i>hi</i>"}
    msgs = s.read_sync(social.conversation_messages, 1)
    assert [(m["status"], m["text"]) for m in msgs] == [("waiting", "مرحبا 👋 <i>hi</i>")]
    assert s.read_sync(social.list_conversations)[0]["waiting"] == 1
    # the server applied it; its copy arrives by pull
    s.write_sync(outbox.mark_sent, [items[0].seq])
    s.write_sync(outbox.record_results, [{"seq": items[0].seq, "status": "applied", "result": {
        "id": "message:50", "message_id": 50, "conversation_id": 1, "n": 1}}])
    assert [m["status"] for m in s.read_sync(social.conversation_messages, 1)] == ["waiting"]
    apply(s, "me", [up("message", msg(50, 1, side="buyer", cmid=cmid,
                                      text="مرحبا 👋 <i>hi</i>"))], "m2")
    msgs = s.read_sync(social.conversation_messages, 1)
    assert [(m["status"], m["id"]) for m in msgs] == [("delivered", 50)]
    assert s.read_sync(social.list_outgoing) == []


def test_buyer_starts_conversation_with_company(buyer_store: Store) -> None:
    s = buyer_store
    cmid = s.write_sync(social.send_message, company_id=3, text="hello")
    # the conversation arrives (pulled) before the message itself
    apply(s, "me", [up("conversation", conv(5))], "m1")
    msgs = s.read_sync(social.conversation_messages, 5)
    assert [(m["status"], m["client_msg_id"]) for m in msgs] == [("waiting", cmid)]


def test_rejected_message_is_shown_with_reason(buyer_store: Store) -> None:
    s = buyer_store
    apply(s, "me", [up("conversation", conv(1))], "m1")
    s.write_sync(social.send_message, conversation_id=1, text="x")
    seq = s.read_sync(outbox.pending)[0].seq
    s.write_sync(outbox.record_results, [{"seq": seq, "status": "rejected",
                                          "code": "forbidden", "reason": "no grant"}])
    [m] = s.read_sync(social.conversation_messages, 1)
    assert (m["status"], m["code"], m["reason"]) == ("rejected", "forbidden", "no grant")


@pytest.mark.parametrize(("kw", "error"), [
    ({"conversation_id": 1, "text": "   "}, "empty"),
    ({"conversation_id": 1, "text": "x" * 8001}, "8,000"),
    ({"conversation_id": 1, "text": "a\x00b"}, "NUL"),
    ({"conversation_id": 1, "text": "\ud800"}, "surrogate"),
    ({"text": "x"}, "exactly one"),
    ({"conversation_id": 1, "company_id": 2, "text": "x"}, "exactly one"),
    ({"conversation_id": 1, "kind": "html", "text": "x"}, "kind"),
    ({"conversation_id": 1, "kind": "attachment", "attachment_id": "nope",
      "local_path": "/tmp/x"}, "UUID"),
    ({"conversation_id": 1, "kind": "attachment", "attachment_id": str(uuid.uuid4())},
     "local file"),
    ({"conversation_id": 1, "kind": "product"}, "product_id"),
    ({"conversation_id": 1, "text": "x", "client_msg_id": "bad id!"}, "client_msg_id"),
])
def test_send_message_refuses_bad_input(buyer_store: Store, kw: dict[str, Any],
                                        error: str) -> None:
    with pytest.raises(ValueError, match=error):
        buyer_store.write_sync(lambda db: social.send_message(db, **kw))
    assert buyer_store.read_sync(outbox.pending) == []
    assert buyer_store.read_sync(social.list_outgoing) == []


def test_attachment_upload_bookkeeping(buyer_store: Store) -> None:
    s = buyer_store
    aid = str(uuid.uuid4())
    s.write_sync(lambda db: social.send_message(
        db, company_id=3, kind="attachment", attachment_id=aid, local_path="/tmp/spec.pdf",
        filename="spec.pdf"))
    [item] = s.read_sync(outbox.pending)
    assert item.args["attachment_id"] == aid and "local_path" not in item.args
    ups = s.read_sync(social.pending_uploads, [item.seq])
    assert [(u["attachment_id"], u["local_path"]) for u in ups] == [(aid, "/tmp/spec.pdf")]
    assert s.read_sync(social.pending_uploads, [item.seq + 1]) == []
    s.write_sync(social.set_upload_state, aid, "uploaded")
    assert s.read_sync(social.pending_uploads) == []


def test_mark_read(buyer_store: Store) -> None:
    s = buyer_store
    apply(s, "me", [up("conversation", conv(1, unread=2)), up("message", msg(10, 1)),
                    up("message", msg(11, 2))], "m1")
    cs = s.write_sync(social.mark_read, 1)
    assert cs.touches("conversation")
    [item] = s.read_sync(outbox.pending)
    assert (item.type, item.args) == ("conversation.read",
                                      {"conversation_id": 1, "up_to_message_id": 11})
    c = s.read_sync(social.get_conversation, 1)
    assert c is not None and c["unread"] == 0 and c["buyer_read_upto"] == 2
    # nothing new: no second receipt
    assert not s.write_sync(social.mark_read, 1)
    assert len(s.read_sync(outbox.pending)) == 1
    with pytest.raises(ValueError):
        s.write_sync(social.mark_read, 99)


def test_grant_revoke_local_first_and_rebased(buyer_store: Store) -> None:
    s = buyer_store
    apply(s, "me", [up("grant", {"id": 3, "company_id": 3, "company_name": "Hengda",
                                 "status": "granted", "granted_at": "t", "revoked_at": None,
                                 "version": 1})], "m1")
    s.write_sync(social.revoke, 3)
    assert s.read_sync(social.list_grants)[0]["status"] == "revoked"
    # a pull of an older state while the revoke is unsent: the revoke still shows
    apply(s, "me", [up("grant", {"id": 3, "company_id": 3, "company_name": "Hengda",
                                 "status": "granted", "granted_at": "t", "revoked_at": None,
                                 "version": 1})], "m2")
    assert s.read_sync(social.list_grants)[0]["status"] == "revoked"
    s.write_sync(social.grant, 3)
    items = s.read_sync(outbox.pending)
    assert [(i.type, i.args) for i in items] == [
        ("grant.revoke", {"company_id": 3}), ("grant.set", {"company_id": 3, "base_version": 1})]
    # a rejected grant.set pulls "me" again from the start
    s.write_sync(outbox.record_results, [
        {"seq": items[0].seq, "status": "applied", "result": {}},
        {"seq": items[1].seq, "status": "rejected", "code": "conflict", "reason": "revoked"}])
    assert s.read_sync(syncstate.get_cursors)["me"] is None


def test_cards_holder_requests(buyer_store: Store) -> None:
    s = buyer_store
    apply(s, "me", [up("card", card(1, "Zoe")),
                    up("card_request", {"id": 4, "from_user_id": 20, "from_name": "Li",
                                        "from_company_id": 3, "to_user_id": 7,
                                        "to_company_id": None, "buyer_user_id": 7,
                                        "company_id": 3, "company_name": "Hengda", "note": "",
                                        "status": "pending", "direction": "incoming",
                                        "created_at": "t1", "decided_at": None,
                                        "decided_by_user_id": None})], "m1")
    s.write_sync(lambda db: social.update_card_holder(db, 1, tags=["vip", "lamps"],
                                                      note="met at booth", met_at="booth"))
    c = s.read_sync(social.get_card, 1)
    assert c is not None and c["holder"]["tags"] == ["vip", "lamps"]
    assert c["holder"]["met_at"] == "booth"
    assert [x["id"] for x in s.read_sync(social.list_cards, "booth")] == [1]
    with pytest.raises(ValueError, match="met_at"):
        s.write_sync(lambda db: social.update_card_holder(db, 1, met_at="pub"))
    with pytest.raises(ValueError, match="do not hold"):
        s.write_sync(lambda db: social.update_card_holder(db, 99, note="x"))
    s.write_sync(social.accept_card_request, 4)
    assert s.read_sync(social.list_card_requests, "incoming")[0]["status"] == "accepted"
    s.write_sync(lambda db: social.request_card(db, company_id=5, note="please"))
    out = s.read_sync(social.list_card_requests, "outgoing")
    assert len(out) == 1 and out[0]["id"] < 0 and out[0]["status"] == "pending"
    seq = -out[0]["id"]
    s.write_sync(outbox.record_results, [{"seq": seq, "status": "applied", "result": {}}])
    assert s.read_sync(social.list_card_requests, "outgoing") == []
    s.write_sync(lambda db: social.update_my_card(db, name="Ana Ruiz", country="es"))
    mine = s.read_sync(social.my_card)
    assert mine is not None and mine["name"] == "Ana Ruiz" and mine["country"] == "ES"
    with pytest.raises(ValueError, match="unknown card field"):
        s.write_sync(lambda db: social.update_my_card(db, nickname="x"))
    s.write_sync(social.remove_card, 1)
    assert s.read_sync(social.list_cards) == []
    types = [i.type for i in s.read_sync(outbox.pending)]
    assert types == ["card_holder.update", "card.accept", "card.update", "card_holder.remove"]


def test_company_scope_buyers_tombstone_and_reset(store: Store) -> None:
    track(store, "me", "company:3")
    apply(store, "me", [up("profile", STAFF, 20)], "m0")
    buyer = {"user_id": 7, "display_name": "Ana", "company": "Ruiz", "country": "ES",
             "authorized": True, "contacted": False, "authorized_at": "t", "contacted_at": None,
             "limited": False, "email": "a@x", "interests": ["lamps"], "annual_volume": "1M"}
    other = {**buyer, "user_id": 8, "display_name": "Bea", "country": "FR"}
    apply(store, "company:3", [up("buyer", buyer, 7), up("buyer", other, 8),
                               up("conversation", conv(1)), up("message", msg(10, 1)),
                               up("quick_reply", {"id": "moq", "text": "MOQ 500",
                                                  "position": 1})], "c1")
    assert [b["user_id"] for b in store.read_sync(social.list_buyers)] == [7, 8]
    assert [b["user_id"] for b in store.read_sync(social.list_buyers, 3, "bea")] == [8]
    assert [b["user_id"] for b in store.read_sync(social.list_buyers, None, "", "country")] \
        == [7, 8]
    assert [q["id"] for q in store.read_sync(social.list_quick_replies)] == ["moq"]
    # revoke of a buyer who never contacted: a tombstone evicts the profile
    apply(store, "company:3", [tomb("buyer", 7)], "c2")
    assert [b["user_id"] for b in store.read_sync(social.list_buyers)] == [8]
    # staff start a chat with a buyer: waiting under the buyer's conversation
    store.write_sync(lambda db: social.send_message(db, buyer_user_id=7, text="hi"))
    assert [m["status"] for m in store.read_sync(social.conversation_messages, 1)] == \
        ["delivered", "waiting"]
    store.write_sync(social.set_quick_reply, "lead", "Lead time 15 days", 2)
    assert [q["id"] for q in store.read_sync(social.list_quick_replies)] == ["moq", "lead"]
    with pytest.raises(ValueError):
        store.write_sync(social.set_quick_reply, "123", "x", 1)
    store.write_sync(syncstate.reset_scope, "company:3")
    assert store.read_sync(social.list_buyers) == []
    assert store.read_sync(social.list_conversations) == []
    assert store.read_sync(social.search_messages, "hello") == []


def test_malformed_message_saves_nothing(buyer_store: Store) -> None:
    s = buyer_store
    with pytest.raises(syncstate.MalformedPage):
        apply(s, "me", [up("conversation", conv(1)),
                        up("message", {"id": 5, "conversation_id": "x", "n": 1})], "bad")
    assert s.read_sync(social.list_conversations) == []
    assert s.read_sync(syncstate.get_cursors)["me"] == "m0"
