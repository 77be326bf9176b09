"""The deal room against the real server (``--demo``: the demo exhibitor's bot answers).

1. A buyer opens a deal from a product page, makes an offer; the demo exhibitor counters
   (+8 %); the buyer counters within 5 %; the bot accepts and signs; the buyer confirms
   and signs -> signed. The contract PDF is exported and verified from the file; a
   tampered copy fails.
2. A stale command: the buyer (offline) withdraws the offer while the exhibitor's staff
   counter it on the same version; when the link returns the withdrawal is rejected
   and the deal room shows the server's reason and the new offer, until dismissed.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from app.session import AppSession
from offline_cache import queries
from tests.app.helpers import FAST_BACKOFF
from tests.conftest import LiveServer
from tests.ui.helpers import wait_until
from ui.context import UiContext
from ui.mainwindow import MainWindow
from ui.pages.deal_terms import COL_PRICE, COL_QUANTITY

BOT_S = 30.0  # generous bound for the demo bot (it acts after 1-2.5 s) and a long poll


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory,
                demo_db_template: Path) -> Iterator[LiveServer]:
    workdir = tmp_path_factory.mktemp("deals-ui")
    db_path = workdir / "fair.db"
    shutil.copyfile(demo_db_template, db_path)
    srv = LiveServer(db_path, workdir, ("--demo",)).start()
    yield srv
    srv.stop()


def _rows(srv: LiveServer, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(srv.db_path)
    try:
        return list(con.execute(sql, args).fetchall())
    finally:
        con.close()


async def _signed_in(srv: LiveServer, tmp_path: Path, name: str) -> AppSession:
    email, password = srv.accounts["buyer"]
    session = AppSession(name, srv.url, data_dir=tmp_path / name, engine_options=FAST_BACKOFF)
    await session.open()
    await session.sign_in(email, password)
    await wait_until(lambda: session.engine.running, what="the sync engine")
    return session


async def _profile(session: AppSession) -> None:
    for _ in range(400):
        if await session.store.read(queries.get_profile):
            return
        await session.engine.sync_once(attempts=3)
    raise AssertionError("the profile did not sync")


def _window(session: AppSession, qtbot: Any, tmp_path: Path) -> tuple[UiContext, MainWindow]:
    from ui import i18n

    i18n.install("en")
    ctx = UiContext(session.store, lang="en", session=session, profile_dir=tmp_path)
    window = MainWindow(ctx, state_file=tmp_path / "w.ini")
    qtbot.addWidget(window)
    window.show()
    window.navigate("fair")  # as the app starts (the navigation has a current row)
    return ctx, window


def _state(room: Any) -> str:
    return str(room.info["deal"].get("state")) if room.info else ""


def test_buyer_negotiates_with_the_demo_exhibitor_and_signs(
        demo_server: LiveServer, qapp: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    # a bot-run demo company (its staff never sign in during the tests)
    company = int(_rows(demo_server, "SELECT id FROM companies WHERE is_demo = 1 "
                                     "ORDER BY id")[21][0])
    product_id = int(_rows(demo_server, "SELECT id FROM products WHERE company_id = ? "
                                        "ORDER BY id LIMIT 1", company)[0][0])

    async def go() -> None:
        session = await _signed_in(demo_server, tmp_path, "buyer-a")
        try:
            await _profile(session)
            _ctx, window = _window(session, qtbot, tmp_path)
            product = window.pages["product"]
            room = window.pages["deal"]
            window.navigate("product", product_id)
            await wait_until(lambda: product.deal_button.isVisible(), what="negotiate button")
            product.deal_button.click()
            await wait_until(lambda: room.info is not None and room.offer_button.isEnabled(),
                             what="the draft deal")
            assert [k for k, p in window.pages.items() if p.isVisible()] == ["deal"]
            items = room.editor.model
            assert items.rowCount() == 1 and items.items()[0]["product_id"] == product_id
            items.setData(items.index(0, COL_QUANTITY), "1000")
            price = Decimal(items.items()[0]["unit_price"] or "5")
            if price <= 0:
                price = Decimal(5)
                items.setData(items.index(0, COL_PRICE), "5")
            room.offer_button.click()
            await wait_until(lambda: _state(room) == "countered", timeout=BOT_S,
                             what="the demo exhibitor's counter-offer")
            deal = room.info["deal"]
            assert deal["offer_by"] == "company" and deal["version"] == 3
            countered = Decimal(deal["terms"]["items"][0]["unit_price"])
            assert countered == (price * Decimal("1.08")).quantize(Decimal("0.01"), ROUND_HALF_UP)
            assert "(demo)" in room.summary.values["notes"].text()
            assert room.counter_button.isEnabled() and room.accept_button.isEnabled()
            assert room.timeline.rowCount() == 3
            # the editor starts from the counter; offer 2 % less: the bot accepts and signs
            assert Decimal(room.editor.model.items()[0]["unit_price"]) == countered
            mine = (countered * Decimal("0.98")).quantize(Decimal("0.01"), ROUND_HALF_UP)
            items.setData(items.index(0, COL_PRICE), str(mine))
            room.counter_button.click()
            await wait_until(lambda: _state(room) == "accepted" and bool(
                room.info["deal"].get("signatures")) and room.sign_button.isEnabled(),
                timeout=BOT_S, what="acceptance and the bot's signature")
            assert "both sides now sign" in room.hint.text().lower()
            box = room.ask("sign")
            assert box is not None and f"{mine * 1000:,.2f}" in box.text()
            assert room.info["deal"]["terms_hash"] in box.text()
            assert room.confirm_yes is not None
            room.confirm_yes.click()
            await wait_until(lambda: _state(room) == "signed", timeout=BOT_S, what="signed")
            assert room.badge.text() == "Signed"
            assert room.signatures.rowCount() == 2
            assert all(room.signatures.data(room.signatures.index(r, 2)) not in ("", "—")
                       for r in range(2))
            assert not any(b.isEnabled() for b in room._command_buttons())
            # the contract: exported, verified from the file alone; a tampered copy fails
            await wait_until(lambda: room.export_button.isEnabled(), what="export enabled")
            pdf = await room.export_to(tmp_path / "contract")
            assert pdf is not None and pdf.suffix == ".pdf" and pdf.stat().st_size > 1000
            check = await room.verify_file(pdf)
            assert check is not None and check.valid, check
            assert room.verify_box is not None and "is valid" in room.verify_box.text()
            room.verify_box.close()
            data = bytearray(pdf.read_bytes())
            at = data.find(b"1000")
            assert at > 0
            data[at:at + 4] = b"9000"
            bad = tmp_path / "tampered.pdf"
            bad.write_bytes(bytes(data))
            check = await room.verify_file(bad)
            assert check is None or not check.valid
            assert room.verify_box is not None and "NOT" in room.verify_box.text()
            room.verify_box.close()
            # the deal list shows it signed
            window.navigate("deals")
            deals = window.pages["deals"]
            await wait_until(lambda: deals.model.rowCount() >= 1, what="the deal list")
            assert any(deals.model.data(deals.model.index(r, 2)) == "Signed"
                       for r in range(deals.model.rowCount()))
        finally:
            await session.close()

    run(go(), timeout=150)


def _staff_counter(srv: LiveServer, deal_id: str, base_version: int) -> dict[str, Any]:
    token = srv.login("exhibitor")
    until = (datetime.now(UTC) + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    terms = {"items": [{"product_id": None, "description": "Ceramic mug 350 ml",
                        "spec_notes": "", "quantity": "500", "unit": "piece",
                        "unit_price": "4.80", "currency": "USD"}],
             "incoterm": "FOB", "incoterm_place": "Ningbo", "delivery_date": "2099-05-01",
             "payment_terms": "T/T 30/70", "valid_until": until, "notes": "our best price"}
    with srv.client(token) as c:
        r = c.post("/v1/sync/push", json={"client_id": uuid.uuid4().hex, "mutations": [
            {"seq": 1, "type": "deal.counter",
             "args": {"deal_id": deal_id, "base_version": base_version, "terms": terms}}]})
        r.raise_for_status()
        result: dict[str, Any] = r.json()["results"][0]
        return result


def test_a_stale_withdrawal_shows_the_servers_reason(
        demo_server: LiveServer, qapp: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    staff = next(a for a in demo_server.all_accounts if a["role"] == "exhibitor")
    company = int(staff["company_id"])

    async def go() -> None:
        from ui.pages.deals import open_deal_for

        session = await _signed_in(demo_server, tmp_path, "buyer-b")
        try:
            await _profile(session)
            ctx, window = _window(session, qtbot, tmp_path)
            room = window.pages["deal"]
            deal_id = await open_deal_for(ctx, company_id=company)
            assert deal_id is not None
            await wait_until(lambda: room.info is not None and room.offer_button.isEnabled(),
                             what="the draft deal")
            items = room.editor.model
            assert items.rowCount() == 1  # no product: one empty line to fill
            for col, value in ((0, "Ceramic mug 350 ml"), (2, "500"), (3, "piece"), (4, "4.50")):
                items.setData(items.index(0, col), value)
            room.editor.place.setText("Ningbo")
            room.offer_button.click()
            await wait_until(lambda: _state(room) == "offered" and not room.info["pending"],
                             timeout=BOT_S, what="the offer applied")
            assert room.info["deal"]["version"] == 2
            assert room.withdraw_button.isEnabled() and not room.accept_button.isEnabled()
            # offline: withdraw (queued on version 2) ...
            await session.engine.stop()
            box = room.ask("withdraw")
            assert box is not None and "USD 2,250.00" in box.text()
            assert room.confirm_yes is not None
            room.confirm_yes.click()
            await wait_until(lambda: room.pending_banner.isVisible(), what="waiting to send")
            assert "withdrawal" in room.pending_text.text()
            # ... while the exhibitor counters version 2 first
            res = await _to_thread(_staff_counter, demo_server, deal_id, 2)
            assert res["status"] == "applied", res
            await session.engine.start()
            await wait_until(lambda: room.rejection_banner.isVisible(), timeout=BOT_S,
                             what="the rejection")
            assert room.rejection_title.text() == "Your withdrawal was not applied"
            text = room.rejection_text.text()
            assert "countered first" in text and "version 2" in text, text
            await wait_until(lambda: room.info["deal"]["version"] == 3, timeout=BOT_S,
                             what="the current deal")
            assert room.badge.text() == "Countered"
            assert room.summary.totals_label.text() == "USD 2,400.00"
            assert not room.pending_banner.isVisible()
            assert room.accept_button.isEnabled()  # now it is ours to answer
            room.dismiss_button.click()
            await wait_until(lambda: not room.rejection_banner.isVisible(), what="dismissed")
        finally:
            await session.close()

    run(go(), timeout=120)


async def _to_thread(fn: Any, *args: Any) -> Any:
    import asyncio

    return await asyncio.to_thread(fn, *args)


def test_smoke_walk_shoots_the_deal_room(
        demo_server: LiveServer, qapp: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    """ui.smoke can call smoke_deal_room: a countered deal and the list, as PNGs."""
    from types import SimpleNamespace

    from ui.pages.deals import smoke_deal_room
    from ui.smoke import Shooter

    company = int(_rows(demo_server, "SELECT id FROM companies WHERE is_demo = 1 "
                                     "ORDER BY id")[22][0])
    product_id = int(_rows(demo_server, "SELECT id FROM products WHERE company_id = ? "
                                        "ORDER BY id LIMIT 1", company)[0][0])

    async def go() -> None:
        session = await _signed_in(demo_server, tmp_path, "buyer-c")
        try:
            await _profile(session)
            ctx, window = _window(session, qtbot, tmp_path)
            window.resize(1366, 768)
            shooter = Shooter(tmp_path / "shots", "en")
            app = SimpleNamespace(window=window, ctx=ctx, demo=object())
            await smoke_deal_room(app, shooter, company, product_id)
            assert shooter.pages == ["deal", "deals"]
            assert sorted(p.name for p in (tmp_path / "shots").iterdir()) == [
                "01-deal.png", "02-deals.png"]
            room = window.pages["deal"]
            assert room.info is not None and room.info["deal"]["state"] == "countered"
        finally:
            await session.close()

    run(go(), timeout=120)
