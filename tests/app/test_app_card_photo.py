"""The photo on one's business card (issue 5; protocol §10): SocialService.set_card_photo
against the real server, online and offline (queued, uploaded once the link returns,
idempotent under cut replies), checks of bad files, removal, and the holder's view."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PIL import Image

from app.client import ApiClient, ApiError
from app.social import AttachmentError, fetch_card_photo
from offline_cache import outbox, social
from tests.app.helpers import login_token, register_buyer
from tests.app.test_app_social import Side, _company, open_side
from tests.faultproxy import FaultProxy


@pytest.fixture
async def exhibitor(module_server, tmp_path) -> AsyncIterator[Side]:
    token = await login_token(module_server.url, *module_server.accounts["exhibitor"])
    side = await open_side(tmp_path / "exhibitor.sqlite", module_server.url, token)
    yield side
    await side.close()


def _photo(path: Path, colour: tuple[int, int, int], fmt: str = "JPEG") -> Path:
    buf = io.BytesIO()
    Image.new("RGB", (320, 200), colour).save(buf, fmt)
    path.write_bytes(buf.getvalue())
    return path


def _centre(data: bytes) -> tuple[int, ...]:
    img = Image.open(io.BytesIO(data)).convert("RGB")
    assert img.size in ((240, 240), (960, 960))
    return tuple(img.getpixel((img.width // 2, img.height // 2)))


async def _my_card(side: Side) -> dict:
    card = await side.svc.my_card()
    assert card is not None
    return card


async def test_card_photo_online_then_holder_sees_it_then_removed(
        module_server, exhibitor: Side, tmp_path: Path) -> None:
    _email, token = await register_buyer(module_server.url)
    b = await open_side(tmp_path / "b.sqlite", module_server.url, token)
    try:
        await b.svc.update_my_card(name="Ana Ruiz")
        await b.svc.set_card_photo(_photo(tmp_path / "me.jpg", (220, 20, 20)))
        card = await _my_card(b)
        assert card["has_photo"] is True  # shown at once (local-first)
        assert await b.svc.pending_card_photo() == str(tmp_path / "me.jpg")
        await b.sync()
        assert await b.svc.pending_card_photo() is None
        card = await _my_card(b)
        assert card["has_photo"] is True and card["id"] > 0
        red = await fetch_card_photo(b.client, card["id"])
        assert _centre(red)[0] > 180

        # the exhibitor holds the card: sees the photo
        await b.svc.send_card(company_id=_company(exhibitor))
        await b.sync()
        await exhibitor.sync()
        [held] = [c for c in await exhibitor.svc.cards() if c["id"] == card["id"]]
        assert held["has_photo"] is True
        assert await fetch_card_photo(exhibitor.client, card["id"], "full") != red

        # a new photo (PNG) replaces it; removal
        await b.svc.set_card_photo(_photo(tmp_path / "me2.png", (20, 20, 220), "PNG"))
        await b.sync()
        assert _centre(await fetch_card_photo(b.client, card["id"]))[2] > 180
        await b.svc.set_card_photo(None)
        assert (await _my_card(b))["has_photo"] is False
        await b.sync()
        assert (await _my_card(b))["has_photo"] is False
        with pytest.raises(ApiError) as err:
            await fetch_card_photo(b.client, card["id"])
        assert err.value.status == 404
        await exhibitor.sync()
        [held] = [c for c in await exhibitor.svc.cards() if c["id"] == card["id"]]
        assert held["has_photo"] is False
        assert not [i for i in await b.store.read(outbox.items) if i.state == "rejected"]
    finally:
        await b.close()


async def test_bad_files_are_refused_before_anything_is_queued(module_server, tmp_path: Path) -> None:
    _email, token = await register_buyer(module_server.url)
    b = await open_side(tmp_path / "b.sqlite", module_server.url, token)
    try:
        pdf = tmp_path / "card.pdf"
        pdf.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
        exe = tmp_path / "photo.jpg"
        exe.write_bytes(b"MZ\x90\x00 not a photo")
        empty = tmp_path / "empty.png"
        empty.write_bytes(b"")
        for path, message in ((pdf, "not a JPEG, PNG or WebP image"), (exe, "not a JPEG"),
                              (empty, "empty"), (tmp_path / "missing.jpg", "cannot read")):
            with pytest.raises(AttachmentError, match=message):
                await b.svc.set_card_photo(path)
        assert await b.store.read(outbox.pending) == []
    finally:
        await b.close()


async def test_card_photo_offline_goes_up_once_when_the_link_returns(
        module_server, tmp_path: Path) -> None:
    """Chosen offline: the card shows it at once; the link returns but the proxy cuts the
    upload's and the push's replies after the server committed; the photo arrives once
    (one attachment, one applied card.update)."""
    _email, token = await register_buyer(module_server.url)
    port = int(module_server.url.rsplit(":", 1)[1])
    photo = _photo(tmp_path / "offline photo.jpg", (30, 200, 30))
    with FaultProxy(port) as proxy:
        b = await open_side(tmp_path / "b.sqlite", proxy.url, token, me_url=module_server.url)
        try:
            proxy.refuse = True
            await b.svc.set_card_photo(photo)
            assert (await _my_card(b))["has_photo"] is True
            with pytest.raises(Exception):  # noqa: B017 - any network error: offline
                await b.engine.sync_once()
            assert await b.svc.pending_card_photo() == str(photo)
            proxy.refuse = False
            proxy.reset_next_reply(count=1, match=b"/v1/attachments/")
            proxy.reset_next_reply(count=1, match=b"/v1/sync/push")
            await b.sync()
            assert proxy.stats["resets"] == 2
            assert await b.svc.pending_card_photo() is None
            card = await _my_card(b)
            assert card["has_photo"] is True and card["id"] > 0
            async with ApiClient(module_server.url, token) as direct:
                assert _centre(await fetch_card_photo(direct, card["id"]))[1] > 160
            items = await b.store.read(outbox.items)
            assert [(i.type, i.state) for i in items if i.type == "card.update"] == [("card.update", "applied")]
        finally:
            await b.close()
    db = sqlite3.connect(module_server.db_path)
    try:
        uploads = db.execute(
            "SELECT count(*) FROM attachments a JOIN users u ON u.id = a.uploader_user_id "
            "WHERE u.id = ?", (b.user_id,)).fetchone()[0]
    finally:
        db.close()
    assert uploads == 1


async def test_a_photo_gone_before_upload_is_rejected_and_the_queue_goes_on(
        module_server, tmp_path: Path) -> None:
    _email, token = await register_buyer(module_server.url)
    b = await open_side(tmp_path / "b.sqlite", module_server.url, token)
    try:
        photo = _photo(tmp_path / "soon gone.jpg", (200, 200, 0))
        await b.svc.set_card_photo(photo)
        photo.unlink()
        await b.svc.update_my_card(title="Purchasing")
        await b.sync()
        states = [(i.type, i.state, i.code) for i in reversed(await b.store.read(outbox.items))
                  if i.type == "card.update"]
        assert states == [("card.update", "rejected", "invalid-value"),
                          ("card.update", "applied", None)]
        card = await _my_card(b)
        assert card["has_photo"] is False and card["title"] == "Purchasing"
        assert await b.svc.pending_card_photo() is None
        assert (await b.store.read(social.my_card))["title"] == "Purchasing"
    finally:
        await b.close()
