"""The exhibitor's workspace against the real server (signed in as exhibitor@demo):
the app opens on the workspace after an exhibitor sign-in and charts the demo history;
two staff PCs edit the same product and the conflict dialog shows both versions; the
import wizard refuses a file with bad rows (nothing imported), then imports the fixed
file all at once."""

from __future__ import annotations

import asyncio
import csv
from pathlib import Path
from typing import Any

from offline_cache import outbox
from tests.ui.helpers import wait_until
from tests.ui.test_ui_app_flow import app_args
from ui.app import FairDeskApp
from ui.mainwindow import MainWindow


def _account(server: Any, email: str) -> tuple[str, str, int]:
    a = next(a for a in server.all_accounts if a["email"] == email)
    return str(a["email"]), str(a["password"]), int(a.get("company_id") or 0)


async def _sync(session: Any) -> None:
    for _ in range(30):
        summary = await session.engine.sync_once(attempts=3)
        if getattr(summary, "complete", True):
            return


def test_exhibitor_sign_in_opens_the_workspace_with_the_demo_history(
        qapp: Any, run: Any, module_server: Any, tmp_path: Path) -> None:
    email, password, _cid = _account(module_server, "exhibitor@demo.example")
    fd = FairDeskApp(qapp, app_args(server=module_server.url), profile="ws-ui",
                     data_dir=tmp_path / "profile")

    async def go() -> None:
        task = asyncio.ensure_future(fd.run())
        await wait_until(lambda: fd._account_dialog is not None and fd._account_dialog.isVisible(),
                         what="sign-in dialog")
        window = fd.window
        assert window is not None and window.current == ("fair", None)
        dialog = fd._account_dialog
        dialog.email.setText(email)
        dialog.password.setText(password)
        assert await dialog.submit_account()
        await wait_until(lambda: fd.window.current is not None
                         and fd.window.current[0] == "workspace", timeout=30,
                         what="the workspace after an exhibitor sign-in")
        dialog.close()
        window = fd.window
        assert window.is_staff
        page = window.pages["workspace"]
        # the company scope arrives with the sync: the chart draws the demo's 30 days
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 60
        while loop.time() < deadline:
            await page.reload()
            if page.charts["booth_visits"].total() > 0 and page.company is not None:
                break
            await asyncio.sleep(0.3)
        visits = page.charts["booth_visits"]
        assert visits.total() > 0, "no demo history charted"
        assert len(visits.values) == 30
        assert sum(1 for v in visits.values if v > 0) >= 20  # most days have visits
        assert page.charts["product_views"].total() > 0
        assert page.top_model.rowCount() > 0
        assert window.pages["workspace"].title.text() == page.company["name_en"]
        img = visits.grab().toImage()
        assert not img.isNull() and img.width() > 200
        fd.quit_event.set()
        assert await task == 0

    run(go(), timeout=120)


async def _open_staff(server: Any, tmp_path: Path, email: str) -> tuple[Any, Any]:
    from app.session import AppSession
    from ui.context import UiContext

    _email, password, _cid = _account(server, email)
    profile = email.split("@")[0]
    session = AppSession(profile, server.url, data_dir=tmp_path / profile)
    await session.open()
    await session.sign_in(email, password, start=False)
    await _sync(session)
    ctx = UiContext(session.store, lang="en", session=session, profile_dir=tmp_path / profile)
    return session, ctx


def _push_as(server: Any, email: str, mutations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    _email, password, _cid = _account(server, email)
    with server.client() as c:
        token = c.post("/v1/auth/login", json={"email": email, "password": password}).json()["token"]
    with server.client(token) as c:
        r = c.post("/v1/sync/push", json={"client_id": "other-staff-pc-h24", "mutations": mutations})
        r.raise_for_status()
        results: list[dict[str, Any]] = r.json()["results"]
        return results


def test_two_staff_pcs_conflict_dialog_then_keep_mine(
        qapp: Any, qtbot: Any, run: Any, module_server: Any, tmp_path: Path) -> None:
    async def go() -> None:
        session, ctx = await _open_staff(module_server, tmp_path, "exhibitor@demo.example")
        window = MainWindow(ctx, state_file=tmp_path / "w.ini")
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.navigate("catalog")
        page = window.pages["catalog"]
        await wait_until(lambda: page.model.rowCount() > 3, what="the company's products")
        row = next(r for r in page.model.rows() if r["id"] > 0 and not r.get("hidden"))
        pid, version = int(row["id"]), int(row["version"])
        # the other PC (exhibitor2, same company) saves first
        res = _push_as(module_server, "exhibitor2@demo.example", [
            {"seq": 1, "type": "product.upsert", "args": {
                "product": {"id": pid, "name_en": "Saved on the other PC", "moq": 77},
                "base_version": version}}])
        assert res[0]["status"] == "applied", res
        # this PC edits the version it saw (offline-style: queued, then synced)
        view_row = next(r for r in range(page.proxy.rowCount())
                        if page.proxy.index(r, 0).data() == row["name_en"])
        page.table.selectRow(view_row)
        dialog = page.edit_selected()
        assert dialog is not None
        dialog.name_en.setText("Saved on this PC")
        dialog.try_accept()
        await wait_until(lambda: any(r.get("name_en") == "Saved on this PC" for r in page.model.rows()),
                         what="the local edit")
        await _sync(session)
        await page.reload()
        await wait_until(lambda: bool(page.conflicts), what="the conflict")
        assert page.attention.isVisibleTo(window)
        conflict = page.review_conflicts()
        assert conflict is not None
        table = conflict.table
        cells = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
                 for r in range(table.rowCount())}
        assert cells["Name (English)"] == ("Saved on this PC", "Saved on the other PC")
        assert "name_en" in conflict.differing
        # nothing was overwritten silently: the cache shows the other PC's version
        shown = next(r for r in page.model.rows() if r["id"] == pid)
        assert shown["name_en"] == "Saved on the other PC"
        conflict.keep_mine.click()
        await wait_until(lambda: not page.conflicts, what="resolved")
        await _sync(session)
        with module_server.client(module_server.login("exhibitor")) as c:
            server_row = c.get(f"/v1/products/{pid}").json()
        assert server_row["name_en"] == "Saved on this PC"
        assert server_row["moq"] == 77  # the other PC's other field is kept
        await session.close()

    run(go(), timeout=120)


HEADER = ["Name (English)", "中文名称", "Price min", "Price max", "Currency", "MOQ", "Unit",
          "Lead time (days)", "Certifications"]


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(rows)


def test_import_wizard_refuses_bad_rows_then_imports_the_fixed_file(
        qapp: Any, qtbot: Any, run: Any, module_server: Any, tmp_path: Path) -> None:
    good = [[f"Imported lamp {i}", f"导入台灯{i}", "1.20", "2.50", "USD", "100", "pieces", "30",
             "CE, RoHS"] for i in range(1, 21)]
    bad = [list(r) for r in good]
    bad[2][2] = "cheap"            # row 4: not a price
    bad[5][5] = "-3"               # row 7: not a quantity
    bad[9][0] = ""                 # row 11: no name
    bad[12][2], bad[12][3] = "9", "2"  # row 14: min above max
    path = tmp_path / "catalog.csv"
    _write_csv(path, bad)

    async def go() -> None:
        session, ctx = await _open_staff(module_server, tmp_path, "exhibitor@demo.example")
        window = MainWindow(ctx, state_file=tmp_path / "w.ini")
        qtbot.addWidget(window)
        window.show()
        window.navigate("catalog")
        catalog = window.pages["catalog"]
        await wait_until(lambda: catalog.model.rowCount() > 0, what="products")
        before = catalog.model.rowCount()
        wizard = catalog.open_import()
        assert not wizard.file_page.isComplete()
        assert await wizard.load_file(path)
        assert wizard.file_page.isComplete()
        assert "20 rows" in wizard.file_page.status.text()
        wizard.next()
        mapping = wizard.mapping_page
        assert mapping.mapping()["name_en"] == 0 and mapping.mapping()["name_zh"] == 1
        assert mapping.mapping()["moq"] == 5
        assert mapping.isComplete()
        wizard.next()
        await wizard.wait_checked()
        check = wizard.check_page
        assert not check.isComplete()  # nothing can be imported while errors remain
        rows = {r["row"] for r in check.model.rows()}
        assert {4, 7, 11, 14} <= rows, rows
        assert all(r["problem_kind"] == "error" for r in check.model.rows())
        assert "problems in 4 rows" in check.summary.text()
        check.errors_only.setChecked(False)
        assert check.model.rowCount() >= 20  # the good rows say what they would do
        assert not any(i.type == "product.import" for i in await ctx.store.read(outbox.pending))
        # a bad file: a clear message, the wizard stays usable
        junk = tmp_path / "photo.csv"
        junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
        # fix the file and check again
        _write_csv(path, good)
        check.recheck.click()
        await wizard.wait_checked()
        assert check.isComplete(), check.summary.text()
        assert "20 new products" in check.summary.text()
        wizard.next()  # the commit page: Import
        run_page = wizard.run_page
        await wait_until(lambda: wizard.import_seq is not None, what="queued")
        items = [i for i in await ctx.store.read(outbox.pending) if i.type == "product.import"]
        assert len(items) == 1 and len(items[0].args["products"]) == 20
        await _sync(session)
        await wait_until(lambda: "Imported" in run_page.status.text(), timeout=20,
                         what="the import's result")
        assert "20 new products" in run_page.status.text()
        assert run_page.isComplete()
        wizard.accept()
        await _sync(session)
        await catalog.reload()
        await wait_until(lambda: catalog.model.rowCount() == before + 20, what="imported products")
        # a non-spreadsheet is refused with a clear message
        wizard2 = catalog.open_import()
        assert not await wizard2.load_file(junk)
        assert "not a spreadsheet" in wizard2.file_page.status.text()
        assert not wizard2.file_page.isComplete()
        wizard2.reject()
        await session.close()

    run(go(), timeout=150)


def test_a_buyer_opening_a_booth_and_a_product_records_views(
        qapp: Any, qtbot: Any, run: Any, module_server: Any, tmp_path: Path) -> None:
    """The buyer's booth and product pages queue view.record (once a day each); the
    server counts them in the exhibitor's figures."""
    async def go() -> None:
        from app.workspace import WorkspaceService

        _e, _p, company_id = _account(module_server, "exhibitor@demo.example")
        staff, _staff_ctx = await _open_staff(module_server, tmp_path, "exhibitor@demo.example")
        before = (await WorkspaceService(staff.store, staff.engine).figures(1))[-1]
        session, ctx = await _open_staff(module_server, tmp_path, "buyer@demo.example")
        window = MainWindow(ctx, state_file=tmp_path / "w.ini")
        qtbot.addWidget(window)
        window.show()
        window.navigate("booth", company_id)
        products = await WorkspaceService(staff.store, staff.engine).products(include_hidden=False)
        pid = int(next(p for p in products if p["id"] > 0)["id"])
        window.navigate("product", pid)
        window.navigate("booth", company_id)  # again the same day: not queued twice

        async def views() -> list[Any]:
            return [i for i in await ctx.store.read(outbox.pending) if i.type == "view.record"]

        loop = asyncio.get_running_loop()
        deadline = loop.time() + 20
        while len(await views()) < 2 and loop.time() < deadline:
            await asyncio.sleep(0.05)
        kinds = sorted((i.args["kind"], i.args["id"]) for i in await views())
        assert kinds == sorted([("booth", company_id), ("product", pid)])
        await _sync(session)
        assert not await views()
        await _sync(staff)
        after = (await WorkspaceService(staff.store, staff.engine).figures(1))[-1]
        assert after["booth_visits"] == before["booth_visits"] + 1
        await session.close()
        await staff.close()

    run(go(), timeout=120)
