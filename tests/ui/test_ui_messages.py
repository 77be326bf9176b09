"""The Messages page over a real Store (offline: no session): conversations, plain-text
messages, the composer queueing a message that waits to send."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from offline_cache import outbox, social, syncstate
from tests.ui.helpers import wait_until
from ui.mainwindow import MainWindow
from ui.pages.messages import ConversationListModel, MessageListModel

HOSTILE = '<script>alert("x")</script><b>bold</b> <a href="http://e.invalid">link</a> \u202eRTL 👋'


def _conv(cid: int, name: str, unread: int, last: str) -> dict[str, Any]:
    return {"id": cid, "buyer_user_id": 7, "buyer_name": "Ana", "company_id": 100 + cid,
            "company_name": name, "company_is_demo": False, "started_by": "buyer",
            "created_at": "2026-11-01T00:00:00Z", "message_count": 2,
            "last_message": {"preview": "<b>hi</b>"}, "last_message_at": last,
            "unread": unread, "buyer_read_upto": 0, "company_read_upto": 0,
            "company_read_by": None}


def _msg(mid: int, cid: int, n: int, text: str, kind: str = "text",
         **extra: Any) -> dict[str, Any]:
    return {"id": mid, "conversation_id": cid, "n": n, "buyer_user_id": 7,
            "company_id": 100 + cid, "sender_user_id": 20, "sender_name": "Li (Hengda)",
            "sender_side": "company", "client_msg_id": f"c{mid}", "kind": kind, "text": text,
            "product_id": None, "product": None, "attachment_id": None, "attachment": None,
            "is_demo_reply": False, "created_at": f"2026-11-02T10:0{n}:00Z", **extra}


def _fill(db: Any) -> None:
    syncstate.track_scope(db, "me")
    syncstate.apply_page(db, "me", [
        {"entity": "conversation", "op": "upsert", "id": 1,
         "data": _conv(1, "Hengda Lighting", 1, "2026-11-03")},
        {"entity": "conversation", "op": "upsert", "id": 2,
         "data": _conv(2, "Ruiz Furniture", 0, "2026-11-01")},
        {"entity": "message", "op": "upsert", "id": 10, "data": _msg(10, 1, 1, HOSTILE)},
        {"entity": "message", "op": "upsert", "id": 11, "data": _msg(
            11, 1, 2, "", kind="product", product_id=1001,
            product={"id": 1001, "name_en": "Desk lamp"})},
    ], "m1")


def test_conversation_and_message_models(qtmodeltester: Any) -> None:
    convs = ConversationListModel()
    convs.set_rows([_conv(1, "Hengda", 3, "b"), _conv(2, "Ruiz", 0, "a")], "buyer")
    qtmodeltester.check(convs)
    assert convs.data(convs.index(0)) == "Hengda (3 unread)"
    assert convs.data(convs.index(1)) == "Ruiz"
    assert "<b>" not in convs.data(convs.index(0), Qt.ItemDataRole.ToolTipRole)
    msgs = MessageListModel()
    msgs.set_rows([_msg(10, 1, 1, HOSTILE), {"id": None, "kind": "text", "text": "later",
                                              "status": "waiting", "created_at": "x"}])
    qtmodeltester.check(msgs)
    assert HOSTILE in msgs.data(msgs.index(0))  # shown as the characters it is
    assert msgs.data(msgs.index(1)).endswith("Waiting to send")


def test_messages_page_shows_and_queues(ctx: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    run(ctx.store.write(_fill))
    window = MainWindow(ctx, state_file=tmp_path / "w.ini")
    qtbot.addWidget(window)
    window.show()
    window.navigate("messages")
    page = window.pages["messages"]

    async def go() -> None:
        await wait_until(lambda: page.conversations.rowCount() == 2, what="conversations")
        await wait_until(lambda: page.messages.rowCount() == 2, what="messages")
        assert page.title.text() == "Hengda Lighting"
        assert page.title.textFormat() == Qt.TextFormat.PlainText
        # opening the conversation sent a read receipt (queued while offline)
        await wait_until(lambda: page.conversations.row(0)["unread"] == 0, what="read")
        # the product card opens the product page
        page.msg_view.setCurrentIndex(page.messages.index(1))
        assert page.open_button.isEnabled() and not page.save_button.isEnabled()
        page.open_button.click()
        assert window.current == ("product", 1001)
        window.navigate("messages")
        await wait_until(lambda: page.messages.rowCount() == 2)
        qtbot.keyClicks(page.composer, "Samples of the desk lamp?")
        page.send_button.click()
        await wait_until(lambda: page.messages.rowCount() == 3, what="the waiting message")
        last = page.messages.row(2)
        assert (last["status"], last["text"]) == ("waiting", "Samples of the desk lamp?")
        assert page.composer.toPlainText() == ""
        types = [i.type for i in await ctx.store.read(outbox.pending)]
        assert types == ["conversation.read", "message.send"]
        # the other conversation
        page.conv_view.setCurrentIndex(page.conversations.index(1))
        await wait_until(lambda: page.title.text() == "Ruiz Furniture")
        assert page.messages.rowCount() == 0
        assert len(await ctx.store.read(social.list_outgoing)) == 1

    run(go())


def _fill_cards(db: Any) -> None:
    syncstate.track_scope(db, "me")
    holder = {"tags": ["lamps"], "note": "<b>met</b>", "met_at": "booth", "via": "exchange",
              "received_at": "2026-11-02"}
    base = {"owner_user_id": 30, "title": "Sales", "country": "CN", "phone": "+86 1",
            "email": "li@example.com", "website": "", "handles": {"WeChat": "li-h"},
            "has_photo": False, "company_id": 101, "role": "exhibitor", "is_demo": False,
            "version": 1, "updated_at": "t"}
    syncstate.apply_page(db, "me", [
        {"entity": "card", "op": "upsert", "id": 5, "data": {
            **base, "id": 5, "name": "Li Wei", "company": "Hengda", "mine": False,
            "holder": holder}},
        {"entity": "card", "op": "upsert", "id": 6, "data": {
            **base, "id": 6, "name": "Ana Ruiz", "company": "Ruiz", "mine": True,
            "holder": None}},
        {"entity": "card_request", "op": "upsert", "id": 8, "data": {
            "id": 8, "from_user_id": 31, "from_name": "Bo", "from_company_id": 102,
            "to_user_id": 7, "to_company_id": None, "buyer_user_id": 7, "company_id": 102,
            "company_name": "Bo Ltd", "note": "", "status": "pending",
            "direction": "incoming", "created_at": "t", "decided_at": None,
            "decided_by_user_id": None}},
        {"entity": "grant", "op": "upsert", "id": 101, "data": {
            "id": 101, "company_id": 101, "company_name": "Hengda", "status": "granted",
            "granted_at": "t", "revoked_at": None, "version": 1}},
    ], "m1")


def test_cards_and_authorizations_pages(ctx: Any, qtbot: Any, run: Any, tmp_path: Path,
                                        qtmodeltester: Any) -> None:
    import vobject

    run(ctx.store.write(_fill_cards))
    window = MainWindow(ctx, state_file=tmp_path / "w.ini")
    qtbot.addWidget(window)
    window.show()
    window.navigate("cards")
    page = window.pages["cards"]

    async def go() -> None:
        await wait_until(lambda: page.model.rowCount() == 1, what="held cards")
        qtmodeltester.check(page.model)
        qtmodeltester.check(page.requests)
        assert page.my_label.text() == "Ana Ruiz · Sales · Ruiz"
        assert page.model.data(page.model.index(0, 4)) == "lamps"
        qr = page.show_qr()
        assert qr is not None and not qr.image.pixmap().isNull()
        qr.reject()
        page.table.selectRow(0)
        out = tmp_path / "cards.vcf"
        page.write_export(out, "vcf", page.selected_cards())
        [card] = list(vobject.readComponents(out.read_text(encoding="utf-8")))
        assert card.fn.value == "Li Wei" and card.note.value == "<b>met</b>"
        page.write_export(tmp_path / "cards.csv", "csv", page.selected_cards())
        assert "Li Wei" in (tmp_path / "cards.csv").read_text(encoding="utf-8-sig")
        # accept the incoming request: queued, shown as accepted at once
        page.req_table.setCurrentIndex(page.requests.index(0, 0))
        page.accept_button.click()
        await wait_until(lambda: page.requests.data(page.requests.index(0, 3)) == "Accepted")
        window.navigate("authorizations")
        auth = window.pages["authorizations"]
        await wait_until(lambda: auth.model.rowCount() == 1, what="grants")
        qtmodeltester.check(auth.model)
        assert auth.model.data(auth.model.index(0, 1)) == "Authorized"
        auth.table.setCurrentIndex(auth.proxy.mapFromSource(auth.model.index(0, 0)))
        auth.revoke_button.click()
        await wait_until(lambda: auth.model.data(auth.model.index(0, 1)) == "Revoked")
        types = [i.type for i in await ctx.store.read(outbox.pending)]
        assert types == ["card.accept", "grant.revoke"]

    run(go())


def test_read_receipts_mark_our_messages_the_other_side_has_read(qtmodeltester: Any) -> None:
    rows = [
        {"id": 1, "n": 1, "sender_side": "buyer", "sender_name": "Ana", "kind": "text",
         "text": "first", "created_at": "2026-11-22T04:30:00Z", "status": "delivered"},
        {"id": 2, "n": 2, "sender_side": "company", "sender_name": "Li Wei", "kind": "text",
         "text": "reply", "created_at": "2026-11-22T04:31:00Z", "status": "delivered"},
        {"id": 3, "n": 3, "sender_side": "buyer", "sender_name": "Ana", "kind": "text",
         "text": "second", "created_at": "2026-11-22T04:32:00Z", "status": "delivered"},
        {"id": None, "sender_side": "buyer", "kind": "text", "text": "queued",
         "status": "waiting"},
    ]
    model = MessageListModel()
    model.set_rows(rows, side="buyer", other_read_upto=2)
    qtmodeltester.check(model)
    texts = [model.data(model.index(i)) for i in range(model.rowCount())]
    assert texts[0].endswith("✓ Read")  # ours, covered by the company's receipt
    assert "✓" not in texts[1]  # theirs
    assert "✓" not in texts[2]  # ours, not read yet
    assert "✓" not in texts[3]  # not even sent
    model.set_rows(rows, side="buyer", other_read_upto=3)
    assert model.data(model.index(2)).endswith("✓ Read")
    # seen from the company's side, the buyer's receipt covers the company's messages
    model.set_rows(rows, side="company", other_read_upto=2)
    assert model.data(model.index(1)).endswith("✓ Read")
    assert "✓" not in model.data(model.index(0))


def test_card_and_authorization_tables_sort_by_header(qtbot: Any, qtmodeltester: Any) -> None:
    from PySide6.QtCore import Qt as QtNs

    from ui.models import StaticTableModel
    from ui.pages.cards import sortable
    from ui.widgets import table_view

    view = table_view()
    qtbot.addWidget(view)
    model = StaticTableModel(parent=view)
    rows = [{"id": 1, "name": "zhou"}, {"id": 2, "name": "Ana"}, {"id": 3, "name": "mehmet"}]
    model.set_table(["Name"], [[r["name"]] for r in rows], payload=rows)
    proxy = sortable(model, view)
    qtmodeltester.check(proxy)
    assert [proxy.index(i, 0).data() for i in range(3)] == ["zhou", "Ana", "mehmet"]
    view.sortByColumn(0, QtNs.SortOrder.AscendingOrder)
    assert [proxy.index(i, 0).data() for i in range(3)] == ["Ana", "mehmet", "zhou"]
    # actions map the view's row back to the model's payload
    assert model.payload(proxy.mapToSource(proxy.index(0, 0)).row())["id"] == 2


def test_card_dialog_edits_messaging_handles(qtbot: Any) -> None:
    from ui.pages.cards import CardDialog

    dialog = CardDialog({"name": "Ana", "handles": '{"wechat": "ana_w", "line": "ana-l"}'})
    qtbot.addWidget(dialog)
    assert dialog.handles["wechat"].text() == "ana_w"
    dialog.handles["wechat"].clear()
    dialog.handles["whatsapp"].setText(" +34 600 000 000 ")
    values = dialog.values()
    assert values["name"] == "Ana"
    # cleared handles are dropped, unknown ones kept, text trimmed
    assert values["handles"] == {"line": "ana-l", "whatsapp": "+34 600 000 000"}
