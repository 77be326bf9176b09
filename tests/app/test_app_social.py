"""Authorization, cards and chat: two real clients (two Stores, two engines) and the real
server. Grant, exchange cards, chat both ways, revoke; offline chat; exactly once."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import vobject
from PIL import Image

from app.client import ApiClient
from app.social import AttachmentError, SocialService, card_qr_png
from app.sync import SyncEngine
from offline_cache import outbox, social
from offline_cache.store import Store
from tests.app.helpers import FAST_BACKOFF, login_token, register_buyer, wait_until
from tests.faultproxy import FaultProxy


class Side:
    """One signed-in client: Store + ApiClient + SyncEngine + SocialService."""

    def __init__(self, store: Store, client: ApiClient, engine: SyncEngine,
                 me: dict[str, Any]) -> None:
        self.store = store
        self.client = client
        self.engine = engine
        self.svc = SocialService(store, engine)
        self.me = me

    @property
    def user_id(self) -> int:
        return int(self.me["id"] if "id" in self.me else self.me["user_id"])

    async def sync(self) -> None:
        await self.engine.sync_once(attempts=30)

    async def close(self) -> None:
        await self.engine.stop()
        await self.client.aclose()
        await self.store.close()


async def open_side(path: Path, url: str, token: str, *, me_url: str | None = None) -> Side:
    async with ApiClient(me_url or url, token) as c:
        me = await c.me()
    me = me.get("user", me)
    store = await Store.open(path)
    client = ApiClient(url, token)
    engine = SyncEngine(store, client, **FAST_BACKOFF)
    extra = [f"company:{me['company_id']}"] if me.get("role") != "buyer" else []
    await engine.ensure_default_scopes(extra)
    return Side(store, client, engine, me)


@pytest.fixture
async def exhibitor(module_server, tmp_path) -> AsyncIterator[Side]:
    token = await login_token(module_server.url, *module_server.accounts["exhibitor"])
    side = await open_side(tmp_path / "exhibitor.sqlite", module_server.url, token)
    yield side
    await side.close()


@pytest.fixture
async def buyer(module_server, tmp_path) -> AsyncIterator[Side]:
    _email, token = await register_buyer(module_server.url)
    side = await open_side(tmp_path / "buyer.sqlite", module_server.url, token)
    yield side
    await side.close()


def _company(side: Side) -> int:
    return int(side.me["company_id"])


def _pdf(tag: str) -> bytes:
    return (f"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {tag}\ntrailer << >>\n"
            "%%EOF\n").encode()


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


async def test_grant_cards_chat_revoke(module_server, buyer: Side, exhibitor: Side,
                                       tmp_path: Path) -> None:
    cid = _company(exhibitor)
    await buyer.sync()
    await exhibitor.sync()
    # staff may not write to a buyer who neither authorized nor contacted them
    await exhibitor.svc.send_text("hello?", buyer_user_id=buyer.user_id)
    await exhibitor.sync()
    [refused] = await exhibitor.store.read(social.list_outgoing)
    assert (refused["status"], refused["code"]) == ("rejected", "forbidden")

    # the buyer authorizes the company: the exhibitor sees the full profile
    await buyer.svc.grant(cid)
    assert [g["status"] for g in await buyer.svc.grants()] == ["granted"]
    await buyer.sync()
    assert [(g["company_id"], g["status"]) for g in await buyer.svc.grants()] == \
        [(cid, "granted")]
    await exhibitor.sync()
    [prof] = [b for b in await exhibitor.svc.buyers() if b["user_id"] == buyer.user_id]
    assert prof["authorized"] and not prof["limited"] and prof["email"]

    # card exchange: the buyer asks, the exhibitor accepts
    await buyer.svc.update_my_card(name="Ana Ruiz", title="Buyer", phone="+34 600 000 000")
    await buyer.svc.request_card(company_id=cid, note="nice booth")
    await buyer.sync()
    await exhibitor.sync()
    [req] = [r for r in await exhibitor.svc.card_requests("incoming")
             if r["buyer_user_id"] == buyer.user_id]
    assert req["status"] == "pending" and req["note"] == "nice booth"
    await exhibitor.svc.accept_card_request(int(req["id"]))
    await exhibitor.sync()
    await buyer.sync()
    assert [c["owner_user_id"] for c in await buyer.svc.cards()] == [exhibitor.user_id]
    [ana] = [c for c in await exhibitor.svc.cards() if c["owner_user_id"] == buyer.user_id]
    assert ana["name"] == "Ana Ruiz" and ana["holder"]["via"] == "exchange"
    await exhibitor.svc.update_card_holder(int(ana["id"]), tags=["lamps"], note="wants 5k",
                                           met_at="booth")
    await exhibitor.sync()
    [ana] = [c for c in await exhibitor.svc.cards("wants 5k")]
    assert ana["holder"]["tags"] == ["lamps"] and ana["holder"]["met_at"] == "booth"

    # exports: a standard vCard parser reads them back; CSV round-trips
    vcf = await exhibitor.svc.export_vcard([int(ana["id"])])
    [parsed] = list(vobject.readComponents(vcf))
    assert parsed.fn.value == "Ana Ruiz" and parsed.tel.value == "+34 600 000 000"
    assert parsed.note.value == "wants 5k"
    rows = list(csv.DictReader(io.StringIO(await exhibitor.svc.export_csv([int(ana["id"])]))))
    assert [(r["name"], r["tags"], r["met_at"]) for r in rows] == [("Ana Ruiz", "lamps", "booth")]
    mine = await buyer.svc.my_card()
    assert mine is not None and card_qr_png(mine).startswith(b"\x89PNG")

    # chat both ways, hostile text stays text
    hostile = "<script>alert(1)</script> <b>x</b> \u202eevil\u202c 👋 " + "长" * 3000
    await exhibitor.svc.send_text(hostile, buyer_user_id=buyer.user_id)
    await exhibitor.sync()
    await buyer.sync()
    [conv] = await buyer.svc.conversations()
    assert conv["unread"] == 1 and conv["company_id"] == cid
    msgs = await buyer.svc.messages(int(conv["id"]))
    assert [(m["text"], m["sender_side"], m["sender_user_id"]) for m in msgs] == \
        [(hostile, "company", exhibitor.user_id)]
    await buyer.svc.send_text("Price for 5,000 pcs?", conversation_id=int(conv["id"]))
    await buyer.svc.mark_read(int(conv["id"]))
    await buyer.sync()
    await exhibitor.sync()
    [econv] = [c for c in await exhibitor.svc.conversations()
               if c["buyer_user_id"] == buyer.user_id]
    # sending moves the sender's own receipt to its message
    assert econv["unread"] == 1 and econv["buyer_read_upto"] == 2
    emsgs = await exhibitor.svc.messages(int(econv["id"]))
    # the refused first attempt stays visible in the conversation, marked as not sent
    assert [(m["n"], m["status"]) for m in emsgs] == [
        (1, "delivered"), (2, "delivered"), (None, "rejected")]
    assert emsgs[1]["text"] == "Price for 5,000 pcs?"
    assert [m["id"] for m in await exhibitor.svc.search_messages("5,000 PCS")] == \
        [emsgs[1]["id"]]

    # revoke after contacting: the profile is limited, the history stays
    await buyer.svc.revoke(cid)
    await buyer.sync()
    await exhibitor.sync()
    [prof] = [b for b in await exhibitor.svc.buyers() if b["user_id"] == buyer.user_id]
    assert prof["limited"] and prof["email"] is None and prof["interests"] is None
    assert [m["n"] for m in await exhibitor.svc.messages(int(econv["id"]))] == [1, 2, None]
    await exhibitor.svc.dismiss(refused["client_msg_id"])
    assert [m["n"] for m in await exhibitor.svc.messages(int(econv["id"]))] == [1, 2]


async def test_revoke_evicts_profile_of_buyer_who_never_wrote(module_server, exhibitor: Side,
                                                              tmp_path: Path) -> None:
    _email, token = await register_buyer(module_server.url)
    quiet = await open_side(tmp_path / "quiet.sqlite", module_server.url, token)
    try:
        cid = _company(exhibitor)
        await quiet.svc.grant(cid)
        await quiet.sync()
        await exhibitor.sync()
        assert quiet.user_id in {b["user_id"] for b in await exhibitor.svc.buyers()}
        await quiet.svc.revoke(cid)
        await quiet.sync()
        await exhibitor.sync()
        assert quiet.user_id not in {b["user_id"] for b in await exhibitor.svc.buyers()}
        assert [g["status"] for g in await quiet.svc.grants()] == ["revoked"]
    finally:
        await quiet.close()


async def test_offline_chat_exactly_once_in_order(module_server, exhibitor: Side,
                                                  tmp_path: Path) -> None:
    """The buyer writes offline (text, a product, a PDF); the link returns but the proxy
    cuts the upload's and the push's replies after the server committed: each message
    arrives once, in order, and the attachment's bytes are intact."""
    cid = _company(exhibitor)
    _email, token = await register_buyer(module_server.url)
    port = int(module_server.url.rsplit(":", 1)[1])
    pdf = tmp_path / "spec sheet.pdf"
    pdf.write_bytes(_pdf("offline"))
    with FaultProxy(port) as proxy:
        b = await open_side(tmp_path / "b.sqlite", proxy.url, token, me_url=module_server.url)
        try:
            proxy.refuse = True
            for i in range(5):
                await b.svc.send_text(f"offline {i}", company_id=cid)
            async with ApiClient(module_server.url, token) as c:
                reply = await c.pull({"section:1": None}, limit=1)
                pid = reply.scopes["section:1"].changes[0]["id"] \
                    if reply.scopes["section:1"].changes else None
            if pid is not None:
                await b.svc.share_product(int(pid), company_id=cid)
            await b.svc.send_attachment(pdf, company_id=cid)
            waiting = await b.store.read(social.list_outgoing)
            assert [m["status"] for m in waiting] == ["waiting"] * len(waiting)
            with pytest.raises(Exception):  # noqa: B017 - any network error: offline
                await b.engine.sync_once()
            proxy.refuse = False
            proxy.reset_next_reply(count=1, match=b"/v1/attachments/")
            proxy.reset_next_reply(count=2, match=b"/v1/sync/push")
            await b.sync()
            assert proxy.stats["resets"] == 3
            assert await b.store.read(social.list_outgoing) == []
            [conv] = await b.svc.conversations()
            assert conv["waiting"] == 0
            texts = [m.get("text") for m in await b.svc.messages(int(conv["id"]))]
            assert texts[:5] == [f"offline {i}" for i in range(5)]
            await exhibitor.sync()
            [econv] = [c for c in await exhibitor.svc.conversations()
                       if c["buyer_user_id"] == b.user_id]
            emsgs = await exhibitor.svc.messages(int(econv["id"]))
            assert [m["n"] for m in emsgs] == list(range(1, len(waiting) + 1))
            assert [m["client_msg_id"] for m in emsgs] == [m["client_msg_id"] for m in waiting]
            att = emsgs[-1]
            assert att["kind"] == "attachment" and att["attachment"]["filename"] == \
                "spec sheet.pdf"
            saved = await exhibitor.svc.save_attachment(att["attachment_id"],
                                                        tmp_path / "out" / "saved.pdf")
            assert saved.read_bytes() == pdf.read_bytes()
            assert await exhibitor.svc.attachment_name(att["attachment_id"]) == "spec sheet.pdf"
        finally:
            await b.close()
    db = sqlite3.connect(module_server.db_path)
    try:
        dup = db.execute(
            "SELECT client_msg_id, count(*) FROM messages WHERE sender_user_id = ? "
            "GROUP BY client_msg_id HAVING count(*) > 1", (b.user_id,)).fetchall()
    finally:
        db.close()
    assert dup == []


async def test_live_delivery_both_ways(module_server, buyer: Side, exhibitor: Side) -> None:
    """Both engines run their live loops: a message reaches the other side by long-poll."""
    cid = _company(exhibitor)
    await buyer.engine.start()
    await exhibitor.engine.start()
    await buyer.svc.send_text("anyone there?", company_id=cid)

    async def exhibitor_has(n: int) -> bool:
        convs = [c for c in await exhibitor.svc.conversations()
                 if c["buyer_user_id"] == buyer.user_id]
        return bool(convs) and len(await exhibitor.svc.messages(int(convs[0]["id"]))) == n

    await wait_until(lambda: exhibitor_has(1), timeout=20)
    [econv] = [c for c in await exhibitor.svc.conversations()
               if c["buyer_user_id"] == buyer.user_id]
    await exhibitor.svc.send_text("yes, at booth 3", conversation_id=int(econv["id"]))

    async def buyer_has_reply() -> bool:
        convs = await buyer.svc.conversations()
        if not convs:
            return False
        msgs = await buyer.svc.messages(int(convs[0]["id"]))
        return [m["text"] for m in msgs] == ["anyone there?", "yes, at booth 3"] and \
            all(m["status"] == "delivered" for m in msgs)

    await wait_until(buyer_has_reply, timeout=20)


async def test_invalid_attachments_refused_before_queueing(buyer: Side, tmp_path: Path) -> None:
    exe = tmp_path / "invoice.pdf"
    exe.write_bytes(b"MZ\x90\x00 not a pdf")
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    big = tmp_path / "big.png"
    big.write_bytes(_png() + b"\x00" * (10 * 1024 * 1024))
    for path, message in ((exe, "not a JPEG"), (empty, "empty"), (big, "10 MiB"),
                          (tmp_path / "missing.pdf", "cannot read")):
        with pytest.raises(AttachmentError, match=message):
            await buyer.svc.send_attachment(path, company_id=1)
    assert await buyer.store.read(outbox.pending) == []


async def test_upload_refused_by_server_rejects_message_and_queue_goes_on(
        module_server, buyer: Side, exhibitor: Side, tmp_path: Path) -> None:
    """A file damaged after it was queued: the server refuses the upload (415), the
    message is rejected with a clear reason and the next message still goes out."""
    cid = _company(exhibitor)
    png = tmp_path / "photo.png"
    png.write_bytes(_png())
    await buyer.svc.send_attachment(png, company_id=cid)
    png.write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    await buyer.svc.send_text("after the photo", company_id=cid)
    await buyer.sync()
    [bad] = await buyer.store.read(social.list_outgoing)
    assert bad["status"] == "rejected" and "refused the attachment" in bad["reason"]
    [conv] = await buyer.svc.conversations()
    msgs = await buyer.svc.messages(int(conv["id"]))
    assert [(m["status"], m["text"]) for m in msgs] == [
        ("delivered", "after the photo"), ("rejected", "")]
