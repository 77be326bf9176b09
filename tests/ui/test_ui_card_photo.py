"""The photo on business cards in the UI (issue 5): the card editor's "Choose photo or
logo…" / "Remove photo" (the platform open dialog is answered by the test), the photo on
one's card view, and the small round thumbnail in the card holder list, against a
real Store and, for the live test, the real server with two signed-in clients."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap

from app.session import AppSession
from offline_cache import outbox, queries, social, syncstate
from tests.app.helpers import FAST_BACKOFF, register_buyer
from tests.ui.helpers import wait_until
from ui.context import UiContext, parse_image_key
from ui.mainwindow import MainWindow
from ui.pages.cards import CardDialog, card_key, round_pixmap


def _jpeg(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (300, 200)) -> Path:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "JPEG")
    path.write_bytes(buf.getvalue())
    return path


def _my_card(db: Any) -> None:
    syncstate.track_scope(db, "me")
    syncstate.apply_page(db, "me", [{"entity": "card", "op": "upsert", "id": 6, "data": {
        "id": 6, "owner_user_id": 7, "name": "Ana Ruiz", "title": "Buyer", "company": "Ruiz",
        "country": "ES", "phone": "", "email": "ana@example.com", "website": "", "handles": {},
        "has_photo": False, "company_id": None, "role": "buyer", "is_demo": False,
        "version": 3, "updated_at": "t", "mine": True, "holder": None}}], "m1")


def test_image_keys_and_round_thumbnails(qapp: Any) -> None:
    assert parse_image_key("card/12/4?size=full") == ("card", 12, 4, "full")
    assert parse_image_key("product/7/0?size=thumb") == ("product", 7, 0, "thumb")
    assert parse_image_key("company/3/logo?size=thumb") == ("company", 3, "logo", "thumb")
    assert card_key({"id": 12, "version": 4, "has_photo": True}) == "card/12/4?size=thumb"
    assert card_key({"id": 12, "version": 4, "has_photo": False}) is None
    assert card_key({"id": -3, "version": 0, "has_photo": True}) is None  # a local draft
    src = QPixmap(80, 40)
    src.fill(Qt.GlobalColor.red)
    out = round_pixmap(src, 24).toImage()
    assert (out.width(), out.height()) == (24, 24)
    assert out.pixelColor(12, 12).red() > 200 and out.pixelColor(12, 12).alpha() == 255
    assert out.pixelColor(0, 0).alpha() == 0  # outside the circle: transparent


def test_card_editor_chooses_checks_and_removes_the_photo(
        ctx: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    run(ctx.store.write(_my_card))
    window = MainWindow(ctx, state_file=tmp_path / "w.ini")
    qtbot.addWidget(window)
    window.show()
    window.navigate("cards")
    page = window.pages["cards"]
    photo = _jpeg(tmp_path / "me.jpg", (20, 40, 220))
    pdf = tmp_path / "me.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")

    async def go() -> None:
        await wait_until(lambda: page.my_label.text().startswith("Ana Ruiz"), what="my card")
        assert page.my_photo.pixmap().isNull()
        dialog = page.edit_my_card()
        assert dialog.photo_button.text() == "Choose photo or logo…"
        assert not dialog.remove_photo_button.isEnabled()  # nothing to remove yet
        # a PDF is refused with a clear message; nothing is chosen
        dialog.ask_photo_path = lambda: str(pdf)  # type: ignore[method-assign]
        dialog.photo_button.click()
        assert "not a JPEG, PNG or WebP image" in dialog.photo_status.text()
        assert dialog.photo_choice == ""
        # the open dialog answered "cancel": nothing changes
        dialog.ask_photo_path = lambda: ""  # type: ignore[method-assign]
        dialog.photo_button.click()
        assert dialog.photo_choice == ""
        # a photo: previewed, sent on Save
        dialog.ask_photo_path = lambda: str(photo)  # type: ignore[method-assign]
        dialog.photo_button.click()
        assert dialog.photo_choice == str(photo)
        assert not dialog.photo_preview.pixmap().isNull()
        assert dialog.remove_photo_button.isEnabled()
        dialog.accept()
        await wait_until(lambda: not page.my_photo.pixmap().isNull(), what="my photo shown")
        colour = page.my_photo.pixmap().toImage().pixelColor(24, 24)
        assert colour.blue() > 180 and colour.red() < 80
        pending = await ctx.store.read(outbox.pending)
        assert [(i.type, i.args["fields"].get("photo_attachment_id") is not None)
                for i in pending] == [("card.update", False), ("card.update", True)]
        mine = await ctx.store.read(social.my_card)
        assert mine["has_photo"] is True
        # remove it again
        dialog = page.edit_my_card()
        assert dialog.remove_photo_button.isEnabled()
        dialog.remove_photo_button.click()
        assert dialog.photo_preview.pixmap().isNull()
        dialog.accept()
        await wait_until(lambda: page.my_photo.pixmap().isNull(), what="my photo removed")
        pending = await ctx.store.read(outbox.pending)
        assert pending[-1].type == "card.update" and pending[-1].args == {
            "fields": {"photo_attachment_id": None}}
        assert (await ctx.store.read(social.my_card))["has_photo"] is False

    run(go())


def test_card_dialog_photo_buttons_start_from_the_card(qtbot: Any) -> None:
    pix = QPixmap(50, 50)
    pix.fill(Qt.GlobalColor.green)
    dialog = CardDialog({"name": "Ana", "has_photo": True}, None, pix)
    qtbot.addWidget(dialog)
    assert not dialog.photo_preview.pixmap().isNull()
    assert dialog.remove_photo_button.text() == "Remove photo"
    assert dialog.remove_photo_button.isEnabled()


async def _session(url: str, tmp_path: Path, name: str, email: str, password: str) -> AppSession:
    session = AppSession(name, url, data_dir=tmp_path / name, engine_options=FAST_BACKOFF)
    await session.open()
    await session.sign_in(email, password)
    await wait_until(lambda: session.engine.running, what="the sync engine")
    for _ in range(400):
        if await session.store.read(queries.get_profile):
            return session
        await session.engine.sync_once(attempts=3)
    raise AssertionError("the profile did not sync")


def _window(session: AppSession, qtbot: Any, tmp_path: Path, name: str) -> MainWindow:
    from ui import i18n

    i18n.install("en")
    ctx = UiContext(session.store, lang="en", session=session, profile_dir=tmp_path / name)
    window = MainWindow(ctx, state_file=tmp_path / f"{name}.ini")
    qtbot.addWidget(window)
    window.show()
    return window


def test_photo_reaches_the_server_and_the_holders_list(
        module_server: Any, qapp: Any, qtbot: Any, run: Any, tmp_path: Path,
        qtmodeltester: Any) -> None:
    """A buyer sets a photo in the card editor (uploaded by the running engine); the
    exhibitor who receives the card sees a round thumbnail in the card holder and the
    photo on the card view."""
    photo = _jpeg(tmp_path / "buyer.jpg", (230, 30, 30), (200, 320))

    async def go() -> None:
        email, _token = await register_buyer(module_server.url)
        buyer = await _session(module_server.url, tmp_path, "buyer", email, "test-pass-123")
        staff = await _session(module_server.url, tmp_path, "staff",
                               *module_server.accounts["exhibitor"])
        try:
            bw = _window(buyer, qtbot, tmp_path, "buyer")
            bw.navigate("cards")
            bpage = bw.pages["cards"]
            await wait_until(lambda: bpage.my_label.text() != "", what="the cards page")
            dialog = bpage.edit_my_card()
            dialog.edits["name"].setText("Ana Photo")
            dialog.ask_photo_path = lambda: str(photo)  # type: ignore[method-assign]
            dialog.photo_button.click()
            dialog.accept()

            async def uploaded() -> bool:
                card = await buyer.store.read(social.my_card)
                return bool(card and card["id"] > 0 and card["has_photo"]
                            and not await buyer.store.read(outbox.pending))

            for _ in range(200):
                if await uploaded():
                    break
                await buyer.engine.sync_once(attempts=3)
            assert await uploaded()
            await bpage.reload()
            await wait_until(lambda: not bpage.my_photo.pixmap().isNull(), what="my photo from the server")

            # send the card to the exhibitor's company: it shows the photo
            company_id = int((await staff.store.read(queries.get_profile))["company_id"])
            await buyer.engine.local_write(social.send_card, company_id=company_id)
            await buyer.engine.sync_once(attempts=3)
            sw = _window(staff, qtbot, tmp_path, "staff")
            sw.navigate("cards")
            spage = sw.pages["cards"]
            card_id = int((await buyer.store.read(social.my_card))["id"])

            def row_of_card() -> int:
                for r in range(spage.model.rowCount()):
                    if spage.model.payload(r)["id"] == card_id:
                        return r
                return -1

            for _ in range(200):
                await staff.engine.sync_once(attempts=3)
                await spage.reload()
                if row_of_card() >= 0:
                    break
            row = row_of_card()
            assert row >= 0
            qtmodeltester.check(spage.model)
            idx = spage.model.index(row, 0)
            initials = spage.model.data(idx, Qt.ItemDataRole.DecorationRole)  # while it loads
            assert isinstance(initials, QPixmap) and not initials.isNull()
            key = card_key(spage.model.payload(row))
            assert key is not None
            await wait_until(lambda: spage.ctx.images.cached(key) is not None, what="the photo")
            thumb = spage.model.data(idx, Qt.ItemDataRole.DecorationRole)
            assert isinstance(thumb, QPixmap)
            assert thumb.toImage().size() == QSize(24, 24) * thumb.devicePixelRatio()
            centre: QImage = thumb.toImage()
            assert centre.pixelColor(12, 12).red() > 180 and centre.pixelColor(0, 0).alpha() == 0
            assert spage.model.data(idx) == "Ana Photo"
            spage.table.selectRow(spage.proxy.mapFromSource(idx).row())
            await wait_until(lambda: spage.card_photo.isVisible() and not spage.card_photo.pixmap().isNull(),
                             what="the card view's photo")
        finally:
            await buyer.close()
            await staff.close()

    run(go(), timeout=120)
