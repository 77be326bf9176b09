"""Buyer authorization, business cards and chat on the real server (protocol §7)."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
from social_util import Actor
from srv_util import assert_problem, db_rows, pull


@pytest.fixture
def srv(module_server):
    return module_server


def companies(srv, n: int = 2) -> list[int]:
    """Companies without demo staff accounts (so tests do not see each other's staff)."""
    rows = db_rows(srv.db_path, "SELECT id FROM companies ORDER BY id")
    return [r[0] for r in rows[5 : 5 + n]]


@pytest.fixture
def trio(srv):
    """A fresh buyer, a staff member of company X and one of company Y."""
    x, y = companies(srv)
    b, s, o = Actor(srv), Actor(srv, "exhibitor", x), Actor(srv, "exhibitor", y)
    yield b, s, o
    for a in (b, s, o):
        a.close()


def msg(actor: Actor, text: str = "hello", **target: Any) -> dict[str, Any]:
    return actor.do("message.send", client_msg_id=str(uuid.uuid4()), kind="text", text=text, **target)


# ----------------------------------------------------------------- authorization

def test_grant_and_revoke_control_what_the_company_sees(srv, trio):
    b, s, _ = trio
    x = s.company_id
    assert b.id not in s.entities("buyer", s.scope())
    # without a grant: no profile, no chat, no card
    assert_problem(s.c.get(f"/v1/buyers/{b.id}"), 404, "not-found")
    assert s.rejected("message.send", client_msg_id="m1", text="hi", buyer_user_id=b.id) == "forbidden"
    assert s.rejected("card.send", to_user_id=b.id) == "forbidden"
    assert s.rejected("card.request", to_user_id=b.id) == "forbidden"

    res = b.do("grant.set", company_id=x)
    assert res == {"id": f"grant:{x}", "company_id": x, "status": "granted", "version": 1}
    grants = b.entities("grant")
    assert grants[x]["status"] == "granted" and grants[x]["company_name"]
    buyer = s.entities("buyer", s.scope())[b.id]
    assert buyer["authorized"] and not buyer["limited"] and buyer["email"] == b.user["email"]
    r = s.c.get(f"/v1/buyers/{b.id}")
    assert r.status_code == 200 and r.json()["email"] == b.user["email"]
    # now staff may start a chat and send a card
    sent = msg(s, "Welcome to our booth", buyer_user_id=b.id)
    assert sent["n"] == 1
    s.do("card.send", to_user_id=b.id)
    conv = b.entities("conversation")[sent["conversation_id"]]
    assert conv["started_by"] == "company" and conv["unread"] == 1
    assert any(c["owner_user_id"] == s.id for c in b.entities("card").values())

    # revoke: a tombstone evicts the buyer from the company's cache
    b.do("grant.revoke", company_id=x)
    changes = s.sync(s.scope())
    assert {"entity": "buyer", "op": "delete", "id": b.id} in changes
    assert b.id not in s.entities("buyer", s.scope())
    assert_problem(s.c.get(f"/v1/buyers/{b.id}"), 404, "not-found")
    assert s.rejected("message.send", client_msg_id="m2", text="hi again", conversation_id=sent["conversation_id"]) == "forbidden"
    assert s.rejected("card.send", to_user_id=b.id) == "forbidden"
    g = b.entities("grant")[x]
    assert g["status"] == "revoked" and g["version"] == 2 and g["revoked_at"]
    # revoke wins: a grant.set that saw an older version is refused
    assert b.rejected("grant.set", company_id=x, base_version=1) == "conflict"
    # a fresh decision (it saw the revoke) grants again, and the buyer reappears
    b.do("grant.set", company_id=x, base_version=2)
    assert s.entities("buyer", s.scope())[b.id]["authorized"]
    # the audit trail is append-only
    assert db_rows(srv.db_path, "SELECT action FROM grant_events WHERE buyer_user_id = ? ORDER BY id", b.id) == [
        ("set",), ("revoke",), ("set",)]


def test_buyer_contacting_first_shares_only_the_limited_profile(srv, trio):
    b, s, _ = trio
    x = s.company_id
    first = msg(b, "Do you ship to France?", company_id=x)
    buyer = s.entities("buyer", s.scope())[b.id]
    assert buyer["contacted"] and not buyer["authorized"] and buyer["limited"]
    assert buyer["email"] is None and buyer["interests"] is None and buyer["annual_volume"] is None
    assert buyer["display_name"] == b.user["display_name"]
    # staff may answer, start over by buyer id, and send a card
    msg(s, "Yes, we do.", conversation_id=first["conversation_id"])
    again = msg(s, "Our catalog:", buyer_user_id=b.id)
    assert again["conversation_id"] == first["conversation_id"]  # one conversation per pair
    s.do("card.send", to_user_id=b.id)
    # grant then revoke: the limited part stays (an upsert, not a tombstone)
    b.do("grant.set", company_id=x)
    assert s.entities("buyer", s.scope())[b.id]["email"] == b.user["email"]
    b.do("grant.revoke", company_id=x)
    changes = [ch for ch in s.sync(s.scope()) if ch["entity"] == "buyer" and ch["id"] == b.id]
    assert changes and changes[-1]["op"] == "upsert"
    assert changes[-1]["data"]["limited"] and changes[-1]["data"]["email"] is None
    msg(s, "Still here if you need us", conversation_id=first["conversation_id"])
    # the buyer's profile edits reach the company (the limited part only)
    b.do("profile.update", display_name="Ana R.", company="Ruiz Imports SL", annual_volume="5M+ USD")
    seen = s.entities("buyer", s.scope())[b.id]
    assert (seen["display_name"], seen["company"], seen["annual_volume"]) == ("Ana R.", "Ruiz Imports SL", None)


def test_only_buyers_grant_and_only_existing_companies(srv, trio):
    b, s, _ = trio
    assert s.rejected("grant.set", company_id=s.company_id) == "forbidden"
    assert b.rejected("grant.set", company_id=10**9) == "not-found"
    assert b.rejected("grant.set", company_id="1") == "invalid-value"
    assert b.rejected("grant.revoke") == "invalid-value"
    # revoking what was never granted is harmless
    assert b.do("grant.revoke", company_id=s.company_id)["status"] == "revoked"


# ----------------------------------------------------------------- forbidden reads

def test_nobody_reads_what_is_not_theirs(srv, trio):
    b, s, o = trio
    conv = msg(b, "private question", company_id=s.company_id)
    cid = conv["conversation_id"]
    other_buyer = Actor(srv)
    try:
        # participants read the history
        assert [m["text"] for m in b.c.get(f"/v1/conversations/{cid}/messages").json()["items"]] == ["private question"]
        assert s.c.get(f"/v1/conversations/{cid}/messages").status_code == 200
        # another company's staff, another buyer: 404 (they may not know it exists)
        assert_problem(o.c.get(f"/v1/conversations/{cid}/messages"), 404, "not-found")
        assert_problem(other_buyer.c.get(f"/v1/conversations/{cid}/messages"), 404, "not-found")
        assert_problem(srv.client().get(f"/v1/conversations/{cid}/messages"), 401, "unauthenticated")
        # the other company's scope is closed to s, and holds nothing of b
        assert pull(s.c, {o.scope(): None})[o.scope()]["error"]["code"] == "forbidden"
        assert b.id not in o.entities("buyer", o.scope())
        assert cid not in o.entities("conversation", o.scope())
        assert not [m for m in o.entities("message", o.scope()).values() if m["conversation_id"] == cid]
        assert cid not in other_buyer.entities("conversation")
        # writes into someone else's conversation are refused
        assert o.rejected("message.send", client_msg_id="x", text="hi", conversation_id=cid) == "not-found"
        assert other_buyer.rejected("message.send", client_msg_id="x", text="hi", conversation_id=cid) == "not-found"
        first_id = next(iter(b.entities("message")))
        assert other_buyer.rejected("conversation.read", conversation_id=cid, up_to_message_id=first_id) == "not-found"
        assert o.rejected("conversation.read", conversation_id=cid, up_to_message_id=first_id) == "not-found"
        # the other company cannot read b's profile
        assert_problem(o.c.get(f"/v1/buyers/{b.id}"), 404, "not-found")
        assert_problem(other_buyer.c.get(f"/v1/buyers/{b.id}"), 404, "not-found")
        # cards: only the owner and its holders
        s.do("card.send", to_user_id=b.id)
        card_id = next(c["id"] for c in b.entities("card").values() if c["owner_user_id"] == s.id)
        assert b.c.get(f"/v1/cards/{card_id}").status_code == 200
        assert s.c.get(f"/v1/cards/{card_id}").json()["mine"] is True
        assert_problem(other_buyer.c.get(f"/v1/cards/{card_id}"), 404, "not-found")
        assert_problem(o.c.get(f"/v1/cards/{card_id}"), 404, "not-found")
        # buyers do not message buyers, staff do not message companies
        assert other_buyer.rejected("message.send", client_msg_id="y", text="hi", buyer_user_id=b.id) == "forbidden"
        assert s.rejected("message.send", client_msg_id="y", text="hi", company_id=o.company_id) == "forbidden"
        assert other_buyer.rejected("card.request", to_user_id=b.id) == "forbidden"
    finally:
        other_buyer.close()


# ----------------------------------------------------------------- chat

def test_messages_exactly_once_under_replays_and_in_order(srv, trio):
    b, s, _ = trio
    x = s.company_id
    muts = [("message.send", {"client_msg_id": f"c-{i}", "text": f"message {i}", "company_id": x}) for i in range(40)]
    first_seq = b.seq + 1
    results = b.push_raw(muts)
    assert [r["status"] for r in results] == ["applied"] * 40
    assert [r["result"]["n"] for r in results] == list(range(1, 41))
    # the reply was lost: the very same push again -> the recorded results, nothing new
    from srv_util import push

    batch = [{"seq": first_seq + i, "type": t, "args": a} for i, (t, a) in enumerate(muts)]
    again = push(b.c, b.client_id, batch).json()["results"]
    assert again == results
    # a buggy client re-mints seqs for the same messages: client_msg_id still dedups
    remint = b.push_raw(muts[:5])
    assert [r["result"]["message_id"] for r in remint] == [r["result"]["message_id"] for r in results[:5]]
    conv_id = results[0]["result"]["conversation_id"]
    rows = db_rows(srv.db_path, "SELECT n, text FROM messages WHERE conversation_id = ? ORDER BY n", conv_id)
    assert rows == [(i + 1, f"message {i}") for i in range(40)]
    # both sides receive each once, in order (pull order = seq order = n order)
    for actor, scope in ((b, "me"), (s, s.scope())):
        got = [ch["data"] for ch in actor.sync(scope) if ch["entity"] == "message" and ch["data"]["conversation_id"] == conv_id]
        assert [m["n"] for m in got] == list(range(1, 41))
        assert all(m["sender_user_id"] == b.id and m["sender_side"] == "buyer" for m in got)
    conv = s.entities("conversation", s.scope())[conv_id]
    assert conv["message_count"] == 40 and conv["unread"] == 40
    assert conv["last_message"]["preview"] == "message 39"


def test_read_receipts_and_unread_counts(srv, trio):
    b, s, _ = trio
    ids = [msg(b, f"q{i}", company_id=s.company_id)["message_id"] for i in range(3)]
    conv_id = next(iter(b.entities("conversation")))
    assert s.entities("conversation", s.scope())[conv_id]["unread"] == 3
    s.do("conversation.read", conversation_id=conv_id, up_to_message_id=ids[1])
    assert s.entities("conversation", s.scope())[conv_id]["unread"] == 1
    seen = b.entities("conversation")[conv_id]
    assert seen["company_read_upto"] == 2 and seen["company_read_by"] == s.id
    # reading an older message again does not move the receipt back
    res = s.do("conversation.read", conversation_id=conv_id, up_to_message_id=ids[0])
    assert res["read_upto"] == 2
    # a reply marks everything before it read for the replying side
    reply = msg(s, "answer", conversation_id=conv_id)
    assert s.entities("conversation", s.scope())[conv_id]["unread"] == 0
    assert b.entities("conversation")[conv_id]["unread"] == 1
    b.do("conversation.read", conversation_id=conv_id, up_to_message_id=reply["message_id"])
    c = s.entities("conversation", s.scope())[conv_id]
    assert c["buyer_read_upto"] == 4 and b.entities("conversation")[conv_id]["unread"] == 0
    assert b.rejected("conversation.read", conversation_id=conv_id, up_to_message_id=10**12) == "not-found"


HOSTILE = [
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "<b>bold</b> &amp; &lt; [link](javascript:alert(1)) https://evil.example/",
    "\u202eevil\u202c العربية עברית mixed RTL",
    "emoji 👩‍👩‍👧‍👦🏳️‍🌈 🇨🇳 and 中文 and combining é",
    "x" * 8000,
    "  leading and trailing whitespace\n\nnew lines\ttabs  ",
]


def test_hostile_text_is_stored_and_returned_verbatim(srv, trio):
    b, s, _ = trio
    for i, text in enumerate(HOSTILE):
        b.do("message.send", client_msg_id=f"h{i}", text=text, company_id=s.company_id)
    got = sorted(s.entities("message", s.scope()).values(), key=lambda m: m["id"])
    mine = [m["text"] for m in got if m["sender_user_id"] == b.id]
    assert mine == HOSTILE
    conv_id = got[-1]["conversation_id"]
    items = b.c.get(f"/v1/conversations/{conv_id}/messages").json()["items"]
    assert [m["text"] for m in items] == HOSTILE
    assert b.rejected("message.send", client_msg_id="too-long", text="y" * 8001, company_id=s.company_id) == "invalid-value"
    assert b.rejected("message.send", client_msg_id="empty", text="  \n ", company_id=s.company_id) == "invalid-value"
    assert b.rejected("message.send", client_msg_id="nul", text="a\x00b", company_id=s.company_id) == "invalid-value"
    assert b.rejected("message.send", client_msg_id="bad id/", text="a", company_id=s.company_id) == "invalid-value"
    assert b.rejected("message.send", client_msg_id="two", text="a", company_id=s.company_id, conversation_id=conv_id) == "invalid-value"
    # a lone surrogate is refused before it reaches the database
    r = b.c.post("/v1/sync/push", content=b'{"client_id": "%s", "mutations": [{"seq": %d, "type": "message.send", "args": {"client_msg_id": "s", "text": "\\ud800", "company_id": %d}}]}'
                 % (b.client_id.encode(), b.seq + 1, s.company_id), headers={"Content-Type": "application/json"})
    assert r.status_code in (200, 400)
    if r.status_code == 200:
        assert r.json()["results"][0]["status"] == "rejected"
    assert db_rows(srv.db_path, "SELECT count(*) FROM messages WHERE sender_user_id = ?", b.id)[0][0] == len(HOSTILE)


def test_product_messages_carry_a_snapshot(srv, trio):
    b, s, _ = trio
    pid, name = db_rows(srv.db_path, "SELECT id, name_en FROM products WHERE company_id = ? AND hidden = 0 LIMIT 1", s.company_id)[0]
    res = b.do("message.send", client_msg_id="p1", kind="product", product_id=pid, text="", company_id=s.company_id)
    m = s.entities("message", s.scope())[res["message_id"]]
    assert m["kind"] == "product" and m["product_id"] == pid and m["product"]["name_en"] == name
    assert b.rejected("message.send", client_msg_id="p2", kind="product", company_id=s.company_id) == "invalid-value"
    assert b.rejected("message.send", client_msg_id="p3", kind="product", product_id=10**9, company_id=s.company_id) == "not-found"


def test_long_poll_delivers_a_new_message(srv, trio):
    b, s, _ = trio
    s.sync(s.scope())
    cursor = s.cursors[s.scope()]
    box: dict[str, Any] = {}

    def wait() -> None:
        box["reply"] = pull(s.c, {s.scope(): cursor}, wait=20)

    t = threading.Thread(target=wait)
    t.start()
    msg(b, "are you there?", company_id=s.company_id)
    t.join(30)
    changes = box["reply"][s.scope()]["changes"]
    assert any(ch["entity"] == "message" and ch["data"]["text"] == "are you there?" for ch in changes)


# ----------------------------------------------------------------- cards

def test_card_exchange_by_request_and_accept(srv, trio):
    b, s, o = trio
    b.do("card.update", fields={"name": "Ana Ruiz", "title": "Buyer", "phone": "+34 600 000 000",
                                "handles": {"wechat": "ana_r", "whatsapp": "+34600000000"}, "has_photo": True})
    own = next(c for c in b.entities("card").values() if c["mine"])
    assert own["name"] == "Ana Ruiz" and own["handles"]["wechat"] == "ana_r" and own["version"] == 2
    assert b.rejected("card.update", fields={"email": "not an email"}) == "invalid-value"
    assert b.rejected("card.update", fields={"colour": "red"}) == "invalid-value"
    assert b.rejected("card.update", fields={"country": "Spain"}) == "invalid-value"

    req = b.do("card.request", company_id=s.company_id, note="met at booth 12.1")
    rid = req["request_id"]
    assert b.do("card.request", company_id=s.company_id)["request_id"] == rid  # no duplicates
    incoming = s.entities("card_request", s.scope())[rid]
    assert incoming["direction"] == "incoming" and incoming["status"] == "pending"
    assert b.entities("card_request")[rid]["direction"] == "outgoing"
    # the requester cannot accept its own request; another company cannot either
    assert b.rejected("card.accept", request_id=rid) == "forbidden"
    assert o.rejected("card.accept", request_id=rid) == "not-found"
    s.do("card.accept", request_id=rid)
    assert s.do("card.accept", request_id=rid)["status"] == "accepted"  # idempotent
    assert s.rejected("card.decline", request_id=rid) == "conflict"
    held_by_b = [c for c in b.entities("card").values() if not c["mine"]]
    assert [c["owner_user_id"] for c in held_by_b] == [s.id]
    assert held_by_b[0]["holder"]["via"] == "exchange"
    held_by_s = [c for c in s.entities("card").values() if not c["mine"]]
    assert [c["name"] for c in held_by_s] == ["Ana Ruiz"]
    assert b.entities("card_request")[rid]["status"] == "accepted"
    # the holder's own tags/notes; owner edits reach the holder
    card_id = held_by_s[0]["id"]
    s.do("card_holder.update", card_id=card_id, tags=["lighting", "VIP"], note="wants samples", met_at="booth")
    h = s.entities("card")[card_id]["holder"]
    assert h["tags"] == ["lighting", "VIP"] and h["note"] == "wants samples" and h["met_at"] == "booth"
    assert s.rejected("card_holder.update", card_id=card_id, met_at="party") == "invalid-value"
    assert o.rejected("card_holder.update", card_id=card_id, note="x") == "not-found"
    b.do("card.update", fields={"title": "Head of Sourcing"})
    assert s.entities("card")[card_id]["title"] == "Head of Sourcing"
    s.do("card_holder.remove", card_id=card_id)
    assert {"entity": "card", "op": "delete", "id": card_id} in s.sync("me")


def test_card_request_decline_and_staff_asking_an_authorized_buyer(srv, trio):
    b, s, _ = trio
    assert s.rejected("card.request", to_user_id=b.id) == "forbidden"
    b.do("grant.set", company_id=s.company_id)
    rid = s.do("card.request", to_user_id=b.id)["request_id"]
    assert b.entities("card_request")[rid]["direction"] == "incoming"
    assert s.rejected("card.accept", request_id=rid) == "forbidden"
    b.do("card.decline", request_id=rid)
    assert s.entities("card_request", s.scope())[rid]["status"] == "declined"
    assert b.rejected("card.accept", request_id=rid) == "conflict"
    assert not [c for c in b.entities("card").values() if not c["mine"]]


# ----------------------------------------------------------------- quick replies

def test_quick_replies_are_shared_by_the_company_staff(srv, trio):
    b, s, _ = trio
    colleague = Actor(srv, "exhibitor", s.company_id)
    try:
        s.do("quick_reply.set", id="moq-1", text="Our MOQ is 500 pieces. 起订量500件。", position=1)
        assert colleague.entities("quick_reply", s.scope())["moq-1"]["text"].startswith("Our MOQ")
        assert "moq-1" in s.entities("quick_reply", s.scope())
        colleague.do("quick_reply.remove", id="moq-1")
        assert {"entity": "quick_reply", "op": "delete", "id": "moq-1"} in s.sync(s.scope())
        assert b.rejected("quick_reply.set", id="x1", text="hi") == "forbidden"
        assert s.rejected("quick_reply.set", id="123", text="hi") == "invalid-value"
        assert s.rejected("quick_reply.set", id="ok", text="") == "invalid-value"
    finally:
        colleague.close()


def test_any_staff_member_answers_and_is_named(srv, trio):
    b, s, _ = trio
    colleague = Actor(srv, "exhibitor", s.company_id)
    try:
        conv_id = msg(b, "hello?", company_id=s.company_id)["conversation_id"]
        msg(s, "Hi, this is the first", conversation_id=conv_id)
        msg(colleague, "and the second of us", conversation_id=conv_id)
        got = sorted((m for m in b.entities("message").values() if m["conversation_id"] == conv_id), key=lambda m: m["n"])
        assert [(m["sender_user_id"], m["sender_name"]) for m in got[1:]] == [
            (s.id, s.user["display_name"]), (colleague.id, colleague.user["display_name"])]
    finally:
        colleague.close()


def test_reply_lost_after_commit_then_retried_gives_one_message_each(srv, trio):
    """The fault proxy forwards the push, the server commits, the client gets a reset
    instead of the reply; the client retries the same push: every message once, in order."""
    import httpx

    from tests.faultproxy import FaultProxy

    b, s, _ = trio
    muts = [{"seq": i + 1, "type": "message.send",
             "args": {"client_msg_id": f"f{i}", "text": f"lost reply {i}", "company_id": s.company_id}}
            for i in range(20)]
    client_id = str(uuid.uuid4())
    with FaultProxy(srv.port) as proxy:
        with httpx.Client(base_url=proxy.url, headers={"Authorization": f"Bearer {b.token}"}, timeout=30) as c:
            for k in range(0, 20, 5):
                proxy.reset_next_reply(count=1, match=b"/v1/sync/push")
                batch = {"client_id": client_id, "mutations": muts[k : k + 5]}
                with pytest.raises(httpx.TransportError):
                    c.post("/v1/sync/push", json=batch)
                r = c.post("/v1/sync/push", json=batch)  # the retry: same seqs
                assert r.status_code == 200 and [x["status"] for x in r.json()["results"]] == ["applied"] * 5
        assert proxy.stats["resets"] == 4
    got = [m for m in s.entities("message", s.scope()).values() if m["sender_user_id"] == b.id]
    assert [m["text"] for m in sorted(got, key=lambda m: m["n"])] == [f"lost reply {i}" for i in range(20)]
    assert [m["n"] for m in sorted(got, key=lambda m: m["n"])] == list(range(1, 21))


def test_server_killed_mid_push_then_retried_gives_each_message_once(start_server):
    """SIGKILL the server at a random moment while a client pushes batches of messages,
    restart it, retry the unacknowledged batch: each message exactly once, in order."""
    import os
    import random

    import httpx

    rounds = int(os.environ.get("FAIRDESK_SOCIAL_KILL_ROUNDS", "3"))
    rng = random.Random(int(os.environ.get("FAIRDESK_SOCIAL_KILL_SEED", "5")))
    srv = start_server()
    company = companies(srv, 1)[0]
    b = Actor(srv)
    client_id = str(uuid.uuid4())
    total = 0
    try:
        for _ in range(rounds):
            batches = []
            for _k in range(6):
                batch = [{"seq": total + i + 1, "type": "message.send",
                          "args": {"client_msg_id": f"k{total + i}", "text": f"msg {total + i}", "company_id": company}}
                         for i in range(25)]
                total += 25
                batches.append(batch)
            stop = threading.Event()

            def killer(stop: threading.Event = stop) -> None:
                stop.wait(rng.uniform(0.05, 0.6))
                srv.kill()

            t = threading.Thread(target=killer)
            t.start()
            pending = list(batches)
            while pending:
                try:
                    with httpx.Client(base_url=srv.url, headers={"Authorization": f"Bearer {b.token}"}, timeout=10) as c:
                        r = c.post("/v1/sync/push", json={"client_id": client_id, "mutations": pending[0]})
                    assert r.status_code == 200, r.text
                    assert all(x["status"] == "applied" for x in r.json()["results"])
                    pending.pop(0)
                except httpx.TransportError:
                    t.join()
                    if not srv.running:
                        srv.start()
            t.join()
            if not srv.running:
                srv.start()
        rows = db_rows(srv.db_path, "SELECT n, text FROM messages WHERE sender_user_id = ? ORDER BY n", b.id)
        assert rows == [(i + 1, f"msg {i}") for i in range(total)]
    finally:
        b.close()
