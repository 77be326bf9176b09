"""Chat around the pages, over a real Store (offline, no session): the unread badge and
desktop notice for incoming messages, "Contact exhibitor" on a product, authorizing an
exhibitor from its booth, and the quick replies of exhibitor staff."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from offline_cache import outbox, social, syncstate
from tests.ui.helpers import wait_until
from ui.mainwindow import MainWindow


def _conv(cid: int, company_id: int, unread: int) -> dict[str, Any]:
    return {"id": cid, "buyer_user_id": 7, "buyer_name": "Ana", "company_id": company_id,
            "company_name": "Acme Works 00", "company_is_demo": True, "started_by": "buyer",
            "created_at": "2026-11-01T00:00:00Z", "message_count": 1,
            "last_message": {"preview": "hi"}, "last_message_at": "2026-11-02",
            "unread": unread, "buyer_read_upto": 0, "company_read_upto": 0,
            "company_read_by": None}


def _msg(mid: int, cid: int, n: int, text: str, side: str = "company") -> dict[str, Any]:
    return {"id": mid, "conversation_id": cid, "n": n, "buyer_user_id": 7,
            "company_id": 100, "sender_user_id": 20 if side == "company" else 7,
            "sender_name": "Li (Acme)" if side == "company" else "Ana",
            "sender_side": side, "client_msg_id": f"c{mid}", "kind": "text", "text": text,
            "product_id": None, "product": None, "attachment_id": None, "attachment": None,
            "is_demo_reply": False, "created_at": f"2026-11-02T10:0{n}:00Z"}


def _window(ctx: Any, qtbot: Any, tmp_path: Path) -> MainWindow:
    window = MainWindow(ctx, state_file=tmp_path / "w.ini")
    qtbot.addWidget(window)
    return window


def _nav_text(window: MainWindow, kind: str) -> str:
    for i in range(window.nav.count()):
        item = window.nav.item(i)
        if item.data(0x0100) == kind:
            return str(item.text())
    raise AssertionError(kind)


def test_incoming_message_updates_badge_and_notifies(ctx: Any, qtbot: Any, run: Any,
                                                     tmp_path: Path) -> None:
    window = _window(ctx, qtbot, tmp_path)  # never shown: not the active window
    notices: list[tuple[str, str]] = []
    window.notifier.notified.connect(lambda t, b: notices.append((t, b)))
    assert _nav_text(window, "messages") == "Messages"

    def page(changes: list[dict[str, Any]], cursor: str) -> Any:
        def fn(db: Any) -> Any:
            syncstate.track_scope(db, "me")
            return syncstate.apply_page(db, "me", changes, cursor)
        return fn

    async def go() -> None:
        cs = await ctx.store.write(page([
            {"entity": "conversation", "op": "upsert", "id": 1, "data": _conv(1, 100, 3)},
            {"entity": "message", "op": "upsert", "id": 10,
             "data": _msg(10, 1, 1, "Our <b>price list</b> is attached")},
        ], "m1"))
        ctx.changed.emit(cs)
        await wait_until(lambda: _nav_text(window, "messages") == "Messages (3)", what="badge")
        await wait_until(lambda: len(notices) == 1, what="a notice")
        assert notices[0] == ("New message from Li (Acme)", "Our <b>price list</b> is attached")
        # the same rows again (a re-delivered page) and one's own message: no notice
        cs = await ctx.store.write(page([
            {"entity": "message", "op": "upsert", "id": 10,
             "data": _msg(10, 1, 1, "Our <b>price list</b> is attached")},
            {"entity": "message", "op": "upsert", "id": 11, "data": _msg(11, 1, 2, "Thanks",
                                                                         side="buyer")},
            {"entity": "conversation", "op": "upsert", "id": 1, "data": _conv(1, 100, 0)},
        ], "m2"))
        ctx.changed.emit(cs)
        await wait_until(lambda: _nav_text(window, "messages") == "Messages", what="badge cleared")
        assert len(notices) == 1
        # two at once: one notice that counts them
        cs = await ctx.store.write(page([
            {"entity": "message", "op": "upsert", "id": 12, "data": _msg(12, 1, 3, "a")},
            {"entity": "message", "op": "upsert", "id": 13, "data": _msg(13, 1, 4, "b")},
            {"entity": "conversation", "op": "upsert", "id": 1, "data": _conv(1, 100, 2)},
        ], "m3"))
        ctx.changed.emit(cs)
        await wait_until(lambda: len(notices) == 2, what="a second notice")
        assert notices[1] == ("2 new messages", "Li (Acme)")
        assert _nav_text(window, "messages") == "Messages (2)"

    run(go())


def test_booth_authorize_and_revoke(ctx: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    window = _window(ctx, qtbot, tmp_path)
    window.show()
    window.navigate("booth", 100)
    booth = window.pages["booth"]

    async def go() -> None:
        await wait_until(lambda: booth.grant_button.isVisible(), what="the grant button")
        assert booth.grant_button.text() == "Authorize this exhibitor"
        booth.grant_button.click()
        await wait_until(lambda: booth.grant_button.text() == "Revoke authorization"
                         and booth.grant_button.isEnabled(), what="granted")
        grants = await ctx.store.read(social.list_grants)
        assert [(g["company_id"], g["status"]) for g in grants] == [(100, "granted")]
        booth.grant_button.click()
        await wait_until(lambda: booth.grant_button.text() == "Authorize this exhibitor"
                         and booth.grant_button.isEnabled(), what="revoked")
        types = [i.type for i in await ctx.store.read(outbox.pending)]
        assert types == ["grant.set", "grant.revoke"]
        # another booth shows its own state
        window.navigate("booth", 101)
        await wait_until(lambda: booth.company_id == 101 and booth.grant_button.isVisible())
        assert booth.grant_button.text() == "Authorize this exhibitor"

    run(go())


def test_contact_exhibitor_shares_the_product(ctx: Any, qtbot: Any, run: Any,
                                              tmp_path: Path) -> None:
    window = _window(ctx, qtbot, tmp_path)
    window.show()
    product = window.pages["product"]
    messages = window.pages["messages"]

    async def go() -> None:
        # no conversation yet (offline): the product card waits to start one
        window.navigate("product", 1001)
        await wait_until(lambda: product.contact_button.isVisible(), what="contact button")
        product.contact_button.click()
        await wait_until(lambda: window.current is not None and window.current[0] == "messages",
                         what="the messages page")
        [item] = await ctx.store.read(outbox.pending)
        assert item.type == "message.send"
        assert (item.args["kind"], item.args["product_id"], item.args["company_id"]) == (
            "product", 1001, 100)
        # with a conversation: the card goes into it, and the page opens it
        await ctx.store.write(lambda db: (syncstate.track_scope(db, "me"), syncstate.apply_page(
            db, "me", [{"entity": "conversation", "op": "upsert", "id": 1,
                        "data": _conv(1, 100, 0)}], "m1")))
        window.navigate("product", 1002)
        await wait_until(lambda: product.product_id == 1002 and product.contact_button.isEnabled())
        product.contact_button.click()
        await wait_until(lambda: window.current == ("messages", 1), what="the conversation")
        # both cards wait in it: the first one started it
        await wait_until(lambda: messages.messages.rowCount() == 2, what="the product cards")
        assert [(r["status"], r["kind"], r["product_id"]) for r in messages.messages.rows()] == [
            ("waiting", "product", 1001), ("waiting", "product", 1002)]
        # named from the cache while waiting, not by a number
        assert "Product: Smart Speaker 1002" in messages.messages.data(messages.messages.index(1))
        # buyers have no quick replies
        assert not messages.quick_button.isVisible()

    run(go())


def _staff(db: Any) -> None:
    db.conn.execute("INSERT INTO profile(user_id, display_name, role, company_id) "
                    "VALUES (20, 'Li', 'exhibitor', 100)")
    syncstate.track_scope(db, "company:100")
    conv = {**_conv(1, 100, 0), "buyer_name": "Ana Buyer"}
    syncstate.apply_page(db, "company:100", [
        {"entity": "conversation", "op": "upsert", "id": 1, "data": conv},
        {"entity": "message", "op": "upsert", "id": 10, "data": _msg(10, 1, 1, "Hi", "buyer")},
    ], "c1")


def test_quick_replies_for_staff(ctx: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    run(ctx.store.write(_staff))
    window = _window(ctx, qtbot, tmp_path)
    window.show()
    window.navigate("messages")
    page = window.pages["messages"]

    async def go() -> None:
        await wait_until(lambda: page.quick_button.isVisible(), what="the quick replies button")
        await wait_until(lambda: page.title.text() == "Ana Buyer", what="the conversation")
        assert not page.quick_add_action.isEnabled()  # nothing to save yet
        text = "Our MOQ is 500 pieces & samples ship in 3 days."
        page.composer.setPlainText(text)
        assert page.quick_add_action.isEnabled()
        page.quick_add_action.trigger()
        await wait_until(lambda: len(page.quick_replies) == 1, what="the saved reply")
        assert page.quick_replies[0]["text"] == text
        types = [i.type for i in await ctx.store.read(outbox.pending)]
        assert "quick_reply.set" in types
        page.composer.clear()
        actions = [a for a in page.quick_menu.actions() if a.text().startswith("Our MOQ")]
        assert [a.text() for a in actions] == ["Our MOQ is 500 pieces && samples ship in 3 days."]
        actions[0].trigger()
        assert page.composer.toPlainText() == text

    run(go())


def _dialog(window: MainWindow) -> Any:
    from ui.pages.messages import FirstMessageDialog

    found = [d for d in window.findChildren(FirstMessageDialog) if d.isVisible()]
    return found[0] if found else None


def test_buyer_contacts_an_exhibitor_from_its_booth(ctx: Any, qtbot: Any, run: Any,
                                                    tmp_path: Path) -> None:
    window = _window(ctx, qtbot, tmp_path)
    window.show()
    window.navigate("booth", 101)
    booth = window.pages["booth"]

    async def go() -> None:
        await wait_until(lambda: booth.contact_button.isVisible(), what="the contact button")
        booth.contact_button.click()
        await wait_until(lambda: _dialog(window) is not None, what="the first-message dialog")
        dialog = _dialog(window)
        assert not dialog.send_button.isEnabled()  # nothing written yet
        dialog.text.setPlainText("Do you make <b>custom</b> colours?")
        dialog.send_button.click()
        await wait_until(lambda: window.current[0] == "messages", what="the messages page")
        items = await ctx.store.read(outbox.pending)
        sent = [i for i in items if i.type == "message.send"]
        assert len(sent) == 1 and sent[0].args["company_id"] == 101
        assert sent[0].args["text"] == "Do you make <b>custom</b> colours?"

    run(go())


def test_staff_write_to_and_send_a_card_to_a_buyer(ctx: Any, qtbot: Any, run: Any,
                                                   tmp_path: Path) -> None:
    def staff_with_buyer(db: Any) -> None:
        _staff(db)
        syncstate.apply_page(db, "company:100", [
            {"entity": "buyer", "op": "upsert", "id": 8,
             "data": {"user_id": 8, "display_name": "Bea Lopez", "company": "Lopez SA",
                      "country": "ES", "limited": False, "email": "bea@example.com",
                      "interests": [], "annual_volume": None}},
        ], "c2")

    run(ctx.store.write(staff_with_buyer))
    window = _window(ctx, qtbot, tmp_path)
    window.show()
    window.navigate("authorizations")
    page = window.pages["authorizations"]

    async def go() -> None:
        await wait_until(lambda: page.model.rowCount() >= 1 and page.message_button.isVisible(),
                         what="the buyers")
        assert not page.grant_button.isVisible()
        row = next(r for r in range(page.model.rowCount())
                   if page.model.payload(r).get("user_id") == 8)
        page.table.setCurrentIndex(page.proxy.mapFromSource(page.model.index(row, 0)))
        page.card_button.click()
        page.message_button.click()
        await wait_until(lambda: _dialog(window) is not None, what="the first-message dialog")
        dialog = _dialog(window)
        dialog.text.setPlainText("Thank you for authorizing us: here is our catalogue.")
        dialog.send_button.click()
        await wait_until(lambda: window.current[0] == "messages", what="the messages page")
        items = await ctx.store.read(outbox.pending)
        assert [i.args.get("to_user_id") for i in items if i.type == "card.send"] == [8]
        assert [i.args.get("buyer_user_id") for i in items if i.type == "message.send"] == [8]

    run(go())
