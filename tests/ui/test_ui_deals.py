"""The deal pages over a real Store, offline (no session): the models, the terms editor
(computed totals, inline validation that queues nothing), a deal opened from a product
page and from the shortlist, an offer waiting to send, a rejection with its reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from offline_cache import outbox, syncstate
from tests.ui.helpers import wait_until
from ui.mainwindow import MainWindow
from ui.pages.deal_terms import (
    COL_AMOUNT,
    COL_DESCRIPTION,
    COL_PRICE,
    COL_QUANTITY,
    LineItemsModel,
    TermsEditor,
)
from ui.pages.deals import DealListModel, SignaturesModel, TimelineModel, deals_needing_me

DEAL_ID = "6f1c2b8e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"


def _until(days: int = 5) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _terms(price: str = "4.32", qty: str = "2000") -> dict[str, Any]:
    amount = f"{float(price) * float(qty):.2f}"
    return {"items": [{"product_id": 1001, "description": "Smart Lamp 1001",
                       "spec_notes": "logo <b>print</b>", "quantity": qty, "unit": "piece",
                       "unit_price": price, "currency": "USD", "amount": amount}],
            "incoterm": "FOB", "incoterm_place": "Ningbo", "delivery_date": "2099-05-01",
            "payment_terms": "T/T 30/70", "valid_until": _until(), "notes": "",
            "totals": {"USD": amount}}


def _deal(**kw: Any) -> dict[str, Any]:
    base = {"id": DEAL_ID, "buyer_user_id": 7, "buyer_name": "Ana Buyer", "company_id": 100,
            "company_name": "Acme Works 00", "company_is_demo": True, "conversation_id": None,
            "product_ids": [1001], "opened_by": "buyer", "state": "countered", "version": 3,
            "offer_by": "company", "offer_user_id": 20, "terms": _terms(), "terms_hash": "ab" * 32,
            "valid_until": _until(), "accepted_version": None, "accepted_at": None,
            "signatures": [], "signed_at": None, "event_count": 3, "head_hash": "cd" * 32,
            "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-20T10:05:00Z"}
    base.update(kw)
    return base


def _event(n: int, kind: str, side: str, terms: Any = None) -> dict[str, Any]:
    return {"id": f"{DEAL_ID}:{n}", "deal_id": DEAL_ID, "n": n, "kind": kind,
            "actor": {"side": side, "user_id": 7 if side == "buyer" else 20,
                      "name": "Ana Buyer" if side == "buyer" else "Li (Acme)"},
            "version": n, "terms": terms, "created_at": f"2026-11-20T10:0{n}:00Z",
            "prev_hash": f"{n - 1:064x}", "hash": f"{n:064x}"}


def _buyer(db: Any) -> None:
    db.conn.execute("INSERT INTO profile(user_id, display_name, role, company_id) "
                    "VALUES (7, 'Ana Buyer', 'buyer', NULL)")
    syncstate.track_scope(db, "me")


def _with_deal(db: Any) -> None:
    _buyer(db)
    syncstate.apply_page(db, "me", [
        {"entity": "deal", "op": "upsert", "id": DEAL_ID, "data": _deal()},
        {"entity": "deal_event", "op": "upsert", "id": f"{DEAL_ID}:1",
         "data": _event(1, "open", "buyer")},
        {"entity": "deal_event", "op": "upsert", "id": f"{DEAL_ID}:2",
         "data": _event(2, "offer", "buyer", _terms("4.00"))},
        {"entity": "deal_event", "op": "upsert", "id": f"{DEAL_ID}:3",
         "data": _event(3, "counter", "company", _terms())},
    ], "d1")


def test_deal_models(qtmodeltester: Any) -> None:
    items = LineItemsModel(editable=True)
    items.set_items(_terms()["items"] + [{"description": "Cable", "quantity": "3",
                                          "unit": "m", "unit_price": "1.005",
                                          "currency": "JPY"}])
    qtmodeltester.check(items)
    assert items.data(items.index(0, COL_AMOUNT)) == "USD 8,640.00"
    assert items.data(items.index(1, COL_AMOUNT)) == "JPY 3"  # no minor units, half-up
    assert not items.flags(items.index(0, COL_AMOUNT)) & Qt.ItemFlag.ItemIsEditable
    assert items.setData(items.index(0, COL_QUANTITY), "1000")
    assert items.data(items.index(0, COL_AMOUNT)) == "USD 4,320.00"
    assert not items.setData(items.index(0, COL_AMOUNT), "1")  # never typed
    read_only = LineItemsModel(editable=False)
    read_only.set_items(_terms()["items"])
    qtmodeltester.check(read_only)
    assert not read_only.setData(read_only.index(0, COL_QUANTITY), "5")
    read_only.set_items([{**_terms()["items"][0], "unit_price": "9", "amount": "18000.00"}])
    assert read_only.data(read_only.index(0, COL_PRICE)) == "9.00"  # prices: 2+ decimals
    assert read_only.data(read_only.index(0, COL_AMOUNT)) == "USD 18,000.00"

    deals = DealListModel()
    deals.set_rows([{**_deal(), "my_side": "buyer", "needs_me": True, "pending": 1},
                    {**_deal(id="x", state="draft", terms=None), "my_side": "company"}])
    qtmodeltester.check(deals)
    assert deals.data(deals.index(0, 0)) == "Acme Works 00"
    assert deals.data(deals.index(1, 0)) == "Ana Buyer"  # staff see the buyer
    assert deals.data(deals.index(0, 2)) == "Countered · your turn, waiting to send"
    assert deals.data(deals.index(0, 3)) == "USD 8,640.00"
    assert deals.data(deals.index(1, 1)) == "No terms yet"

    timeline = TimelineModel()
    timeline.set_rows([_event(1, "open", "buyer"), _event(2, "offer", "buyer")],
                      [{"seq": 9, "type": "deal.accept", "args": {}, "state": "pending"}])
    qtmodeltester.check(timeline)
    assert timeline.data(timeline.index(1, 1)) == "Offer"
    assert timeline.data(timeline.index(1, 4)) == f"{2:064x}"[:10]
    assert timeline.data(timeline.index(2, 3)) == "Waiting to send"

    sigs = SignaturesModel()
    sigs.set_deal(_deal(state="accepted", signatures=[
        {"side": "company", "user_id": 20, "name": "Li (Acme)", "key_fingerprint": "0123456789abcdef",
         "public_key": "k", "signature": "s", "terms_hash": "ab" * 32,
         "signed_at": "2026-11-20T11:00:00Z"}]))
    qtmodeltester.check(sigs)
    assert sigs.data(sigs.index(0, 3)) == "Not signed yet"  # the buyer has not signed
    assert sigs.data(sigs.index(1, 2)) == "0123456789abcdef"


def test_terms_editor_totals_and_validation(qtbot: Any) -> None:
    editor = TermsEditor()
    qtbot.addWidget(editor)
    editor.set_terms(_terms("9.50", "1000"))
    assert editor.totals_label.text() == "USD 9,500.00"
    assert not editor.dirty
    model = editor.model
    # totals follow the quantities as they are typed, per currency
    model.setData(model.index(0, COL_QUANTITY), "1200")
    assert editor.totals_label.text() == "USD 11,400.00"
    assert editor.dirty
    row = editor.add_line({"description": "Gift box", "quantity": "10", "unit": "piece",
                           "unit_price": "2.5", "currency": "EUR"})
    assert row == 1
    assert editor.totals_label.text() == "EUR 25.00 · USD 11,400.00"
    assert editor.check() == []
    assert editor.problems_label.isHidden()
    # bad input: empty description, negative quantity, too many decimals
    model.setData(model.index(0, COL_DESCRIPTION), "   ")
    model.setData(model.index(1, COL_QUANTITY), "-3")
    model.setData(model.index(0, COL_PRICE), "9.123456")
    editor.place.setText("")
    problems = editor.check()
    paths = {p for p, _m in problems}
    assert {"terms.items.0.description", "terms.items.1.quantity", "terms.items.0.unit_price",
            "terms.incoterm_place"} <= paths, problems
    assert not editor.problems_label.isHidden()
    text = editor.problems_label.text()
    assert "Line 1, Product / description" in text and "Line 2, Quantity" in text
    assert "Line 1, Unit price" in text and "Named place" in text
    # the cells are marked and say why
    assert model.data(model.index(1, COL_QUANTITY), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, COL_QUANTITY), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, COL_AMOUNT)) == "—"  # no amount for a bad line
    assert editor.totals_label.text() == "USD 0.00" or "EUR" not in editor.totals_label.text()
    # fixing them clears the marks as the user types
    model.setData(model.index(0, COL_DESCRIPTION), "Smart Lamp")
    model.setData(model.index(1, COL_QUANTITY), "3")
    model.setData(model.index(0, COL_PRICE), "9.1234")
    editor.place.setText("Ningbo")
    assert editor.check() == []
    assert editor.problems_label.isHidden()
    terms = editor.terms()
    assert terms["items"][0]["unit_price"] == "9.1234" and terms["incoterm"] == "FOB"
    assert terms["valid_until"].endswith("Z")


def _window(ctx: Any, qtbot: Any, tmp_path: Path) -> MainWindow:
    window = MainWindow(ctx, state_file=tmp_path / "w.ini")
    qtbot.addWidget(window)
    window.show()
    window.navigate("fair")  # as the app starts (the navigation has a current row)
    return window


def test_deal_from_product_page_offline(ctx: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    run(ctx.store.write(_buyer))
    window = _window(ctx, qtbot, tmp_path)
    product = window.pages["product"]
    room = window.pages["deal"]

    async def go() -> None:
        window.navigate("product", 1001)
        await wait_until(lambda: product.deal_button.isVisible(), what="the negotiate button")
        product.deal_button.click()
        await wait_until(lambda: window.current is not None and window.current[0] == "deal",
                         what="the deal room")
        await wait_until(lambda: room.info is not None and room.offer_button.isEnabled(),
                         what="the draft")
        assert room.title.text() == "Acme Works 00"
        assert room.badge.text() == "Draft"
        assert room.editor.isVisible() and not room.counter_button.isVisible()
        # prefilled from the product: name, MOQ, unit, the lower FOB price
        items = room.editor.model.items()
        assert [(i["description"], i["quantity"], i["unit"], i["unit_price"]) for i in items] == [
            ("Smart Lamp 1001", "10", "pieces", "1.00")]
        assert room.editor.totals_label.text() == "USD 10.00"
        assert "opening the deal" in room.pending_text.text()
        # bad input: a clear message, nothing queued
        model = room.editor.model
        model.setData(model.index(0, COL_QUANTITY), "-5")
        room.offer_button.click()
        assert "Line 1, Quantity" in room.editor.problems_label.text()
        types = [i.type for i in await ctx.store.read(outbox.pending)]
        assert types == ["deal.open"]
        model.setData(model.index(0, COL_QUANTITY), "2000")
        assert room.editor.totals_label.text() == "USD 2,000.00"
        room.offer_button.click()
        await wait_until(lambda: "offer" in room.pending_text.text().replace("opening", ""),
                         what="the offer waiting to send")
        items_out = await ctx.store.read(outbox.pending)
        assert [i.type for i in items_out] == ["deal.open", "deal.offer"]
        offer = items_out[1].args
        assert offer["base_version"] == 1 and offer["terms"]["items"][0]["quantity"] == "2000"
        assert not room.offer_button.isEnabled()  # one command at a time
        assert room.timeline.data(room.timeline.index(room.timeline.rowCount() - 1, 3)) == \
            "Waiting to send"
        # the same product again opens the same deal, not a second one
        window.navigate("product", 1001)
        await wait_until(lambda: product.deal_button.isVisible() and product.deal_button.isEnabled())
        product.deal_button.click()
        await wait_until(lambda: window.current == ("deal", room.deal_id))
        window.navigate("deals")
        deals = window.pages["deals"]
        await wait_until(lambda: deals.model.rowCount() == 1, what="the deal list")
        assert deals.model.data(deals.model.index(0, 2)).startswith("Draft · waiting to send")

    run(go())


def test_deal_room_shows_offer_rejection_and_confirms(ctx: Any, qtbot: Any, run: Any,
                                                      tmp_path: Path) -> None:
    run(ctx.store.write(_with_deal))
    window = _window(ctx, qtbot, tmp_path)
    window.navigate("deal", DEAL_ID)
    room = window.pages["deal"]

    async def go() -> None:
        await wait_until(lambda: room.info is not None, what="the deal")
        assert room.badge.text() == "Countered"
        assert "current offer by Acme Works 00" in room.meta.text()
        assert room.demo_badge.isVisible()
        assert room.accept_button.isEnabled() and room.decline_button.isEnabled()
        assert room.counter_button.isVisible() and room.counter_button.isEnabled()
        assert not room.withdraw_button.isEnabled()  # not our offer
        assert room.summary.totals_label.text() == "USD 8,640.00"
        assert room.summary.values["incoterm"].text() == "FOB Ningbo"
        assert room.timeline.rowCount() == 3
        # the counter-offer editor starts from the current terms; the user starts editing
        assert room.editor.model.items()[0]["unit_price"] == "4.32"
        room.editor.model.setData(room.editor.model.index(0, COL_PRICE), "4.10")
        assert room.editor.dirty and not room.changed_note.isVisible()
        # accepting asks first and names the total; cancel queues nothing
        box = room.ask("accept")
        assert box is not None and "USD 8,640.00" in box.text()
        box.reject()
        assert await ctx.store.read(outbox.pending) == []
        box = room.ask("accept")
        assert box is not None and room.confirm_yes is not None
        room.confirm_yes.click()
        await wait_until(lambda: room.pending_banner.isVisible(), what="waiting to send")
        [item] = await ctx.store.read(outbox.pending)
        assert (item.type, item.args["base_version"]) == ("deal.accept", 3)
        assert not room.accept_button.isEnabled()
        # the server answers: stale, the other side countered first (the current deal)
        reason = ("the other side countered first: here is the new offer (deal version 4; "
                  "your change was made on version 3)")
        newer = _deal(version=4, terms=_terms("4.20"), event_count=4)

        # (the push reply as the sync engine records it; the live test gets a real one)
        changes = await ctx.store.write(outbox.record_results, [
            {"seq": item.seq, "status": "rejected", "code": "stale", "reason": reason,
             "result": {"deal": newer}}])
        ctx.changed.emit(changes)
        await wait_until(lambda: room.rejection_banner.isVisible(), what="the rejection")
        assert room.rejection_title.text() == "Your acceptance was not applied"
        assert reason[1:] in room.rejection_text.text()
        assert "You made it on version 3" in room.rejection_text.text()
        assert room.meta.text().startswith("Version 4")
        assert room.summary.totals_label.text() == "USD 8,400.00"
        # the edits made before are kept, with a word that the deal moved on
        assert room.changed_note.isVisible() and "version 4" in room.changed_note.text()
        assert room.editor.model.items()[0]["unit_price"] == "4.10"
        room.reset_button.click()
        await wait_until(lambda: room.editor.model.items()[0]["unit_price"] == "4.20",
                         what="the editor reset to the current offer")
        assert not room.changed_note.isVisible() and not room.editor.dirty
        room.dismiss_button.click()
        await wait_until(lambda: not room.rejection_banner.isVisible(), what="dismissed")

    run(go())


def test_deal_from_shortlist_and_from_a_conversation(ctx: Any, qtbot: Any, run: Any,
                                                     tmp_path: Path) -> None:
    def buyer_with_chat(db: Any) -> None:
        _buyer(db)
        syncstate.apply_page(db, "me", [{"entity": "conversation", "op": "upsert", "id": 1, "data": {
            "id": 1, "buyer_user_id": 7, "buyer_name": "Ana Buyer", "company_id": 101,
            "company_name": "Acme Works 01", "company_is_demo": True, "started_by": "buyer",
            "created_at": "2026-11-01T00:00:00Z", "message_count": 0, "last_message": None,
            "last_message_at": "2026-11-02", "unread": 0, "buyer_read_upto": 0,
            "company_read_upto": 0, "company_read_by": None}}], "m1")

    run(ctx.store.write(buyer_with_chat))
    window = _window(ctx, qtbot, tmp_path)
    room = window.pages["deal"]

    async def go() -> None:
        # two products of one exhibitor and one of another on the shortlist
        for pid in (1001, 1002, 1013):
            await ctx.catalog.set_favourite("product", pid)
        window.navigate("shortlist")
        shortlist = window.pages["shortlist"]
        await shortlist.reload()
        rows = {int(e["target_id"]): i for i, e in enumerate(shortlist.entries)}
        sel = shortlist.table.selectionModel()

        def select(*pids: int) -> None:
            from PySide6.QtCore import QItemSelectionModel

            shortlist.table.clearSelection()
            flags = (QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)
            for pid in pids:
                sel.select(shortlist.model.index(rows[pid], 0), flags)

        select(1001, 1013)  # two exhibitors: no single deal
        assert not shortlist.deal_button.isEnabled()
        select(1001, 1002)
        assert len(sel.selectedRows()) == 2 and shortlist.deal_button.isEnabled()
        shortlist.deal_button.click()
        await wait_until(lambda: room.info is not None and room.editor.model.rowCount() == 2,
                         what="the deal with both products")
        assert room.info["deal"]["product_ids"] == [1001, 1002]
        assert [i["product_id"] for i in room.editor.model.items()] == [1001, 1002]
        first = room.deal_id
        # a conversation opens a deal with its exhibitor, named after the conversation
        window.navigate("messages", 1)
        messages = window.pages["messages"]
        await wait_until(lambda: messages.deal_button.isEnabled(), what="the conversation")
        messages.deal_button.click()
        await wait_until(lambda: room.deal_id != first and room.info is not None,
                         what="the second deal")
        assert room.info["deal"]["company_id"] == 101
        assert room.info["deal"]["conversation_id"] == 1
        opened = [i.args for i in await ctx.store.read(outbox.pending) if i.type == "deal.open"]
        assert [(a.get("company_id"), a.get("product_ids"), a.get("conversation_id"))
                for a in opened] == [(100, [1001, 1002], None), (101, None, 1)]

    run(go())


def test_exhibitor_staff_see_the_buyer_and_answer(ctx: Any, qtbot: Any, run: Any,
                                                  tmp_path: Path) -> None:
    def staff(db: Any) -> None:
        db.conn.execute("INSERT INTO profile(user_id, display_name, role, company_id) "
                        "VALUES (20, 'Li', 'exhibitor', 100)")
        syncstate.track_scope(db, "company:100")
        offered = _deal(state="offered", version=2, offer_by="buyer", offer_user_id=7,
                        terms={**_terms("4.00"), "notes": "please ship in May"})
        syncstate.apply_page(db, "company:100", [
            {"entity": "deal", "op": "upsert", "id": DEAL_ID, "data": offered}], "c1")

    run(ctx.store.write(staff))
    window = _window(ctx, qtbot, tmp_path)
    room = window.pages["deal"]

    async def go() -> None:
        window.navigate("deals")
        deals = window.pages["deals"]
        await wait_until(lambda: deals.model.rowCount() == 1, what="the deal list")
        assert deals.model.data(deals.model.index(0, 0)) == "Ana Buyer"
        assert deals.model.data(deals.model.index(0, 2)) == "Offered · your turn"
        assert await deals_needing_me(ctx) == 1
        deals.table.setCurrentIndex(deals.model.index(0, 0))
        deals.open_button.click()
        await wait_until(lambda: room.info is not None, what="the deal room")
        assert room.title.text() == "Ana Buyer"
        assert "current offer by Ana Buyer" in room.meta.text()
        assert room.counter_button.isEnabled() and room.accept_button.isEnabled()
        # a counter-offer starts from their terms, without their notes
        assert room.editor.model.items()[0]["unit_price"] == "4.00"
        assert room.editor.notes.toPlainText() == ""
        assert room.summary.values["notes"].text() == "please ship in May"
        model = room.editor.model
        model.setData(model.index(0, COL_PRICE), "4.25")
        room.counter_button.click()
        await wait_until(lambda: room.pending_banner.isVisible(), what="waiting to send")
        [item] = await ctx.store.read(outbox.pending)
        assert item.type == "deal.counter" and item.args["base_version"] == 2
        assert item.args["terms"]["items"][0]["unit_price"] == "4.25"
        assert "waits for the server" in room.hint.text()

    run(go())
