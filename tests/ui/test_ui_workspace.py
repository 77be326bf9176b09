"""The exhibitor's workspace pages over a real Store (offline: no session): the models,
the figures chart, the catalog editor queueing edits offline, the conflict dialog with
both versions, the booth editor, the leads filter and CSV export."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from offline_cache import outbox, syncstate
from tests.ui.helpers import wait_until
from ui.mainwindow import MainWindow
from ui.pages.catalog_editor import ConflictDialog, ProductDialog, parse_money, status_text
from ui.pages.leads import LeadFilterProxy
from ui.pages.workspace import FIGURES, BarChart, Col, RecordTableModel

COMPANY = 100  # "Acme Works 00" of the hand-written fair; products 1001-1009


def _days(n: int = 30) -> list[str]:
    today = datetime.now(UTC).date()
    return [(today - timedelta(days=n - 1 - i)).isoformat() for i in range(n)]


def _lead(uid: int, name: str, company: str, country: str, sources: list[str],
          messages: int, deals: int, last: str) -> dict[str, Any]:
    return {"id": uid, "user_id": uid, "company_id": COMPANY, "sources": sources,
            "authorized": "authorized" in sources, "messaged": "messaged" in sources,
            "deal": "deal" in sources, "message_count": messages, "deal_count": deals,
            "first_contact_at": "2026-10-01T08:00:00Z", "last_contact_at": last,
            "display_name": name, "company": company, "country": country,
            "limited": "authorized" not in sources,
            "email": f"{name.split()[0].lower()}@example.com" if "authorized" in sources else None,
            "interests": None, "annual_volume": None}


def staff_data(db: Any) -> None:
    """The signed-in user is staff of company 100; its figures and leads arrived."""
    syncstate.track_scope(db, "me")
    syncstate.apply_page(db, "me", [
        {"entity": "profile", "op": "upsert", "id": 20, "data": {
            "user_id": 20, "display_name": "Li Wei", "email": "li@example.com",
            "role": "exhibitor", "company_id": COMPANY, "company": "Acme Works 00",
            "country": "CN", "interests": [], "annual_volume": None, "version": 1}},
    ], "me-1")
    scope = f"company:{COMPANY}"
    syncstate.track_scope(db, scope)
    figures = []
    for i, day in enumerate(_days()[1:]):  # the oldest day has no row: filled with 0
        figures.append({"entity": "figures_day", "op": "upsert", "id": day, "data": {
            "id": day, "company_id": COMPANY, "day": day, "booth_visits": 10 + i,
            "product_views": 2 * i, "inquiries": i % 3, "deals": int(i % 5 == 0),
            "grants": 0, "card_requests": 0,
            "top_products": [{"product_id": 1001 + (i % 3), "views": 3}],
            "updated_at": day + "T00:00:00Z"}})
    leads = [
        _lead(7, "Ana Lopez", "Lopez SL", "ES", ["authorized", "messaged"], 4, 0, "2026-11-20T10:00:00Z"),
        _lead(8, "Bo Chen", "Chen Trading", "SG", ["messaged"], 1, 0, "2026-11-18T10:00:00Z"),
        _lead(9, "Carl Weber", "Weber GmbH", "DE", ["authorized", "deal"], 0, 2, "2026-11-21T09:00:00Z"),
    ]
    syncstate.apply_page(db, scope, figures + [
        {"entity": "lead", "op": "upsert", "id": lead["id"], "data": lead} for lead in leads
    ], "co-1")


def test_models_pass_the_model_tester(qtmodeltester: Any, qapp: Any) -> None:
    model = RecordTableModel([Col("Name", lambda r: str(r["name"])),
                              Col("Count", lambda r: str(r["n"]), key=lambda r: r["n"], right=True)])
    model.set_rows([{"name": "b", "n": 10}, {"name": "a", "n": 9}, {"name": "<b>c</b>", "n": 100}])
    qtmodeltester.check(model)
    proxy = LeadFilterProxy()
    leads = RecordTableModel([Col("Buyer", lambda r: str(r["display_name"]))])
    leads.set_rows([_lead(7, "Ana Lopez", "Lopez SL", "ES", ["authorized"], 0, 0, ""),
                    _lead(8, "Bo Chen", "Chen Trading", "SG", ["messaged"], 1, 0, "")])
    proxy.setSourceModel(leads)
    qtmodeltester.check(proxy)
    proxy.set_filter("chen", None)
    assert proxy.rowCount() == 1
    proxy.set_filter("", "authorized")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Ana Lopez"]
    qtmodeltester.check(proxy)
    # money is parsed exactly (no float rounding) and refuses nonsense
    assert parse_money("12.5") == 1250 and parse_money("0.07") == 7 and parse_money("") is None
    for bad in ("abc", "-1", "1e99"):
        try:
            parse_money(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_bar_chart_draws_the_days(qapp: Any) -> None:
    chart = BarChart(*FIGURES[0])
    chart.resize(400, 170)
    chart.set_data(_days(5), [0, 5, 10, 20, 40])
    assert chart.total() == 75 and chart.today() == 40
    assert "40 today" in chart.accessibleDescription()
    img = chart.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    colour = QColor(FIGURES[0][1])
    # today's bar (the last, the tallest) is drawn in the full colour near the right edge
    found = [(x, y) for x in range(img.width()) for y in range(img.height())
             if img.pixelColor(x, y) == colour]
    assert found, "no bar in the chart's colour"
    assert max(x for x, _ in found) > img.width() * 0.8
    chart.set_data([], [])
    chart.grab()  # an empty chart paints "No figures yet" and does not fail


def _window(ctx: Any, qtbot: Any, tmp_path: Path) -> MainWindow:
    window = MainWindow(ctx, state_file=tmp_path / "w.ini")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _nav_hidden(window: MainWindow, kind: str) -> bool:
    for i in range(window.nav.count()):
        item = window.nav.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == kind:
            return bool(item.isHidden())
    raise AssertionError(kind)


def test_buyers_do_not_see_the_workspace(ctx: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    window = _window(ctx, qtbot, tmp_path)
    assert not run(window.update_role())
    assert _nav_hidden(window, "workspace") and _nav_hidden(window, "leads")
    assert not _nav_hidden(window, "fair")
    # reached anyway (a link, the history): a calm note, no failure
    window.navigate("workspace")
    run(window.pages["workspace"].reload())
    assert "exhibitor staff" in window.pages["workspace"].subtitle.text()


def test_workspace_home_charts_and_lists(ctx: Any, qtbot: Any, run: Any, tmp_path: Path,
                                         qtmodeltester: Any) -> None:
    run(ctx.store.write(staff_data))
    window = _window(ctx, qtbot, tmp_path)
    window.navigate("fair")  # as ui.app builds the window after a sign-in
    window.open_workspace_if_staff()
    page = window.pages["workspace"]

    async def go() -> None:
        await wait_until(lambda: window.current is not None and window.current[0] == "workspace",
                         what="the workspace opens for staff")
        assert not _nav_hidden(window, "workspace") and not _nav_hidden(window, "catalog")
        await page.reload()
        visits = page.charts["booth_visits"]
        assert len(visits.values) == 30
        assert visits.values[0] == 0  # a day without a row is 0
        assert visits.total() == sum(10 + i for i in range(29))
        assert page.charts["product_views"].today() == 2 * 28
        assert visits.days[-1] == datetime.now(UTC).date().isoformat()
        # the most viewed products, with their names from the cache
        assert page.top_model.rowCount() == 3
        assert page.top_model.index(0, 0).data().startswith("Smart ")
        assert page.leads_model.rowCount() == 3
        assert page.leads_model.index(0, 0).data() == "Carl Weber"  # the latest contact first
        qtmodeltester.check(page.top_model)
        qtmodeltester.check(page.leads_model)
        assert not page.attention.isVisibleTo(page)

    run(go())


def test_catalog_edit_offline_is_queued(ctx: Any, qtbot: Any, run: Any, tmp_path: Path,
                                        qtmodeltester: Any) -> None:
    run(ctx.store.write(staff_data))
    window = _window(ctx, qtbot, tmp_path)
    window.navigate("catalog")
    page = window.pages["catalog"]

    async def go() -> None:
        await wait_until(lambda: page.model.rowCount() == 9, what="the company's products")
        qtmodeltester.check(page.model)
        qtmodeltester.check(page.proxy)
        # search
        page.search.setText("1003")
        await wait_until(lambda: page.model.rowCount() == 1, what="search")
        page.search.setText("")
        await wait_until(lambda: page.model.rowCount() == 9)
        # edit one product: every field is in the dialog
        row = next(r for r in range(page.proxy.rowCount())
                   if page.proxy.index(r, 0).data() == "Smart Lamp 1001")
        page.table.selectRow(row)
        dialog = page.edit_selected()
        assert isinstance(dialog, ProductDialog)
        assert dialog.name_en.text() == "Smart Lamp 1001" and dialog.name_zh.text() == "智能台灯1001"
        assert dialog.price_min.text() == "1.00" and dialog.price_max.text() == "1.50"
        assert dialog.specs.rowCount() == 1 and dialog.lead.value() == 20
        assert dialog.certs.text() == "CE, RoHS"
        dialog.name_en.setText("Smart Lamp 1001 Pro")
        dialog.price_max.setText("about 2")  # not a price: the dialog says so and stays open
        dialog.try_accept()
        assert dialog.isVisible() and "price" in dialog.error.text()
        dialog.price_max.setText("2.10")
        dialog.add_spec("Colour", "颜色", "white")
        dialog.try_accept()
        assert not dialog.isVisible()
        await wait_until(lambda: any(r.get("name_en") == "Smart Lamp 1001 Pro"
                                     for r in page.model.rows()), what="the edit shows at once")
        items = await ctx.store.read(outbox.pending)
        ups = [i for i in items if i.type == "product.upsert"]
        assert len(ups) == 1
        sent = ups[0].args["product"]
        assert sent["id"] == 1001 and sent["price_max_cents"] == 210
        assert {"name_en": "Colour", "name_zh": "颜色", "value": "white"} in sent["specs"]
        edited = next(r for r in page.model.rows() if r["id"] == 1001)
        assert "waiting to sync" in page.model.index(page.model.rows().index(edited), 6).data()
        # a new product with two images (a thumbnail each; order changed; one not an image)
        dialog = page.add_product()
        dialog.name_en.setText("Desk fan")
        dialog.price_min.setText("3")
        paths = []
        for name, colour in (("front.png", "#2b6cb0"), ("side.jpg", "#2f855a")):
            img = QImage(640, 480, QImage.Format.Format_RGB32)
            img.fill(QColor(colour))
            assert img.save(str(tmp_path / name))
            paths.append(tmp_path / name)
        (tmp_path / "notes.png").write_text("not an image")
        dialog.add_images([*paths, tmp_path / "notes.png"])
        assert dialog.images.count() == 2 and "notes.png" in dialog.error.text()
        dialog.images.setCurrentRow(1)
        dialog.move_image(-1)
        assert [Path(s["path"]).name for s in dialog.image_sources()] == ["side.jpg", "front.png"]
        dialog.try_accept()
        await wait_until(lambda: any(r.get("name_en") == "Desk fan" for r in page.model.rows()),
                         what="the new product")
        new = [i for i in await ctx.store.read(outbox.pending) if i.type == "product.upsert"
               and i.args["product"].get("name_en") == "Desk fan"]
        assert len(new) == 1 and len(new[0].args["product"]["image_attachment_ids"]) == 2
        # editing the draft again (not sent yet) changes that draft, no second product
        draft = next(r for r in page.model.rows() if r.get("name_en") == "Desk fan")
        assert int(draft["id"]) < 0 and "waiting to sync" in status_text(draft)
        dialog = page.open_editor(draft)
        assert dialog.windowTitle() == "Edit product" and dialog.base_version is None
        assert dialog.images.count() == 2  # the images waiting to upload are shown
        dialog.name_en.setText("Desk fan, quiet")
        dialog.try_accept()
        await wait_until(lambda: any(r.get("name_en") == "Desk fan, quiet" for r in page.model.rows()),
                         what="the draft edited")
        fans = [i for i in await ctx.store.read(outbox.pending) if i.type == "product.upsert"
                and str(i.args["product"].get("name_en", "")).startswith("Desk fan")]
        assert len(fans) == 1 and fans[0].args["product"]["name_en"] == "Desk fan, quiet"
        assert len(fans[0].args["product"]["image_attachment_ids"]) == 2  # images kept
        # hide one: queued too, and shown as hidden
        row = next(r for r in range(page.proxy.rowCount())
                   if page.proxy.index(r, 0).data() == "Smart Chair 1003")
        page.table.selectRow(row)
        page.toggle_hidden()
        await wait_until(lambda: any(r.get("id") == 1003 and r.get("hidden") for r in page.model.rows()),
                         what="hidden")
        # delete asks first; cancelling changes nothing
        row = next(r for r in range(page.proxy.rowCount())
                   if page.proxy.index(r, 0).data() == "Smart Speaker 1002")
        page.table.selectRow(row)
        box = page.delete_selected()
        assert box is not None and "cannot be undone" in box.text()
        cancel = next(b for b in box.buttons() if b.text() == "Cancel")
        cancel.click()
        await wait_until(lambda: True)
        assert any(r.get("id") == 1002 for r in page.model.rows())
        page.table.selectRow(next(r for r in range(page.proxy.rowCount())
                                  if page.proxy.index(r, 0).data() == "Smart Speaker 1002"))
        box = page.delete_selected()
        next(b for b in box.buttons() if b.text() == "Delete").click()
        await wait_until(lambda: not any(r.get("id") == 1002 for r in page.model.rows()),
                         what="deleted")
        types = [i.type for i in await ctx.store.read(outbox.pending)]
        assert types.count("product.delete") == 1 and types.count("product.upsert") >= 3

    run(go())


def test_conflict_dialog_shows_both_versions(qapp: Any, qtbot: Any) -> None:
    mine = {"id": 1001, "name_en": "Smart Lamp Pro", "price_min_cents": 120, "hidden": False,
            "certifications": ["CE"], "section_id": 10}
    theirs = {"id": 1001, "name_en": "Smart Lamp 1001", "price_min_cents": 120, "hidden": False,
              "certifications": ["CE", "RoHS"], "section_id": 10, "version": 3}
    dialog = ConflictDialog({"seq": 5, "action": "edit", "code": "conflict", "product_id": 1001,
                             "mine": mine, "theirs": theirs, "reason": "changed meanwhile"},
                            {10: "Lighting"})
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())}
    assert rows["Name (English)"] == ("Smart Lamp Pro", "Smart Lamp 1001")
    assert rows["Certifications"] == ("CE", "CE, RoHS")
    assert rows["Section"] == ("Lighting", "Lighting")
    assert rows["Price from"] == ("1.20", "1.20")
    assert sorted(dialog.differing) == ["certifications", "name_en"]
    assert table.horizontalHeaderItem(2).text() == "The version saved meanwhile on another PC"
    decided: list[tuple[int, str]] = []
    dialog.decided.connect(lambda seq, keep: decided.append((seq, keep)))
    dialog.keep_mine.click()
    assert decided == [(5, "mine")]


def test_booth_editor_saves_locally(ctx: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    run(ctx.store.write(staff_data))
    window = _window(ctx, qtbot, tmp_path)
    window.navigate("booth_editor")
    page = window.pages["booth_editor"]

    async def go() -> None:
        await wait_until(lambda: page.name_en.text() == "Acme Works 00" and page.sections.count() == 3,
                         what="the booth")
        assert page.section_ids() == [10]
        page.country.setText("c1")
        page.save_clicked()
        assert "two-letter" in page.error.text()
        page.country.setText("cn")
        page.city.setText("Yuyao")
        page.profile_en.setPlainText("We make lamps.")
        png = tmp_path / "logo.png"
        img = QImage(300, 300, QImage.Format.Format_RGB32)
        img.fill(QColor("#2b6cb0"))
        assert img.save(str(png))
        assert page.set_image("logo", png)
        not_image = tmp_path / "logo.txt"
        not_image.write_text("hello")
        assert not page.set_image("banner", not_image)
        assert "not an image" in page.error.text()
        # one more section
        for i in range(page.sections.count()):
            if page.sections.item(i).data(Qt.ItemDataRole.UserRole) == 11:
                page.sections.item(i).setCheckState(Qt.CheckState.Checked)
        assert page.section_ids() == [10, 11]
        assert await page.save(page.values(), page.logo_path, None)
        items = [i for i in await ctx.store.read(outbox.pending) if i.type == "company.update"]
        assert len(items) == 1
        fields = items[0].args["fields"]
        assert fields["city"] == "Yuyao" and fields["section_ids"] == [10, 11]
        assert fields.get("logo_attachment_id")  # the logo waits to upload before it
        await wait_until(lambda: page.city.text() == "Yuyao", what="reloaded")
        # the saved logo (waiting to upload) is still previewed after the reload
        assert page.logo_path is None and page.logo_remove.isEnabled()
        assert page.logo.pixmap().toImage().pixelColor(45, 45) == QColor("#2b6cb0")

    run(go())


def test_leads_filter_and_export(ctx: Any, qtbot: Any, run: Any, tmp_path: Path,
                                 qtmodeltester: Any) -> None:
    run(ctx.store.write(staff_data))
    window = _window(ctx, qtbot, tmp_path)
    window.navigate("leads")
    page = window.pages["leads"]

    async def go() -> None:
        await wait_until(lambda: page.model.rowCount() == 3, what="leads")
        qtmodeltester.check(page.model)
        qtmodeltester.check(page.proxy)
        # the latest contact first; a header click sorts by messages (numbers, not text)
        assert page.proxy.index(0, 0).data() == "Carl Weber"
        page.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        assert page.proxy.index(0, 0).data() == "Ana Lopez"
        page.filter.setText("weber")
        assert page.proxy.rowCount() == 1
        page.filter.setText("")
        page.source.setCurrentIndex(page.source.findData("messaged"))
        assert sorted(page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())) == [
            "Ana Lopez", "Bo Chen"]
        assert page.count.text() == "2 of 3 shown"
        # export the shown ones (none selected), then one selected
        dest = await page.export(tmp_path / "all.csv", page.selected() or page.shown_leads())
        assert dest is not None
        with open(dest, encoding="utf-8-sig", newline="") as fh:
            names = [r for r in csv.reader(fh)]
        text = "\n".join(",".join(r) for r in names)
        assert "Ana Lopez" in text and "Bo Chen" in text and "Carl Weber" not in text
        page.table.selectRow(0)
        assert page.message_button.isEnabled()
        dialog = page.write_message()
        assert dialog is not None and "Message to" in dialog.windowTitle()
        dialog.reject()

    run(go())


def test_workspace_empty_before_the_company_arrives(ctx: Any, qtbot: Any, run: Any,
                                                    tmp_path: Path) -> None:
    """Staff whose company scope has not synced yet: calm empty pages, no errors."""
    def profile_only(db: Any) -> None:
        syncstate.track_scope(db, "me")
        syncstate.apply_page(db, "me", [{"entity": "profile", "op": "upsert", "id": 21, "data": {
            "user_id": 21, "display_name": "Chen", "email": "c@example.com", "role": "exhibitor",
            "company_id": 999, "company": "", "country": "CN", "interests": [],
            "annual_volume": None, "version": 1}}], "me-1")

    run(ctx.store.write(profile_only))
    window = _window(ctx, qtbot, tmp_path)
    page = window.pages["workspace"]
    window.navigate("workspace")
    run(page.reload())
    assert "not arrived yet" in page.subtitle.text()
    assert all(c.total() == 0 for c in page.charts.values())
    assert date.fromisoformat(page.charts["deals"].days[-1]) == datetime.now(UTC).date()
