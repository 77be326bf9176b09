"""The wired app against a real server: sign in, follow, sync, browse, switch language,
search the whole fair; then an offline start (server killed) that shows the cache."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

from app.events import ConnState
from tests.ui.helpers import wait_until
from ui.app import FairDeskApp


def app_args(**kw: Any) -> argparse.Namespace:
    base = dict(server=None, profile=None, lang="en", demo_role="buyer", smoke=False,
                screenshots=None, loop_lag_probe=False, size=None)
    base.update(kw)
    return argparse.Namespace(**base)


def test_sign_in_follow_browse_then_offline_start(
    qapp: Any, run: Any, live_server: Any, tmp_path: Path, qtmodeltester: Any
) -> None:
    data_dir = tmp_path / "profile"
    email, password = live_server.accounts["buyer"]
    fd = FairDeskApp(qapp, app_args(server=live_server.url), profile="uitest", data_dir=data_dir)

    async def online() -> None:
        task = asyncio.ensure_future(fd.run())
        await wait_until(lambda: fd._account_dialog is not None and fd._account_dialog.isVisible(), what="sign-in dialog")
        dialog = fd._account_dialog
        assert fd.window is not None and fd.window.isVisible()  # the window is there behind it
        # a wrong password is an error message, not a crash
        dialog.email.setText(email)
        dialog.password.setText("wrong-password")
        assert not await dialog.submit_account()
        assert not dialog.error.isHidden() and "failed" in dialog.error.text(), dialog.error.text()
        dialog.password.setText(password)
        assert await dialog.submit_account()
        await wait_until(lambda: dialog.section_model.rowCount() > 1, what="section list")
        assert "products" in dialog.section_model.item(0).text()
        assert not dialog.section_list.visualRect(dialog.section_model.index(0, 0)).isEmpty()
        qtmodeltester.check(dialog.section_model)
        dialog.set_checked([int(dialog.section_model.item(r).data(256)) for r in (0, 1)])
        assert "2 sections selected" in dialog.estimate.text()
        await dialog.start_sync(dialog.checked_sections())
        ctx = fd.ctx
        await wait_until(lambda: "Download complete" in dialog.sync_text.text(), timeout=60, what="first download")
        assert dialog.sync_bar.value() == dialog.sync_bar.maximum()
        dialog.accept()
        await wait_until(lambda: ctx.state == ConnState.ONLINE, timeout=30, what="online state")
        window = fd.window
        assert "Online" in window.status.state_label.text()
        # browse what was synced
        fair = window.pages["fair"]
        window.navigate("fair")
        await fair.load_directory()
        followed = [s for s in fair.tree_model.all_sections() if s.get("followed")]
        assert len(followed) == 2
        fair.select_section(int(followed[0]["id"]))
        await wait_until(lambda: fair.booth_model.rowCount() > 0, what="booths")
        # a booth's product grid loads thumbnails from the server into the image cache
        products = await ctx.catalog.products(section_id=int(followed[0]["id"]), limit=1)
        window.navigate("booth", int(products[0]["company_id"]))
        booth = window.pages["booth"]
        await wait_until(lambda: booth.model.rowCount() > 0, what="booth products")
        await wait_until(lambda: ctx.images.blobs.size_bytes() > 0, timeout=20, what="thumbnails cached")
        # search: local first, then the whole fair marks server results
        window.navigate("search")
        search = window.pages["search"]
        search.query.setText("a")
        search.run_now()
        await search.model.wait_idle()
        await wait_until(lambda: search.remote_button.isEnabled(), what="whole-fair button")
        local = search.model.rowCount()
        search.remote_button.click()
        await wait_until(lambda: search._remote_shown, timeout=20, what="whole-fair results")
        remote_rows = [r for r in search.model.rows() if r.get("_remote")]
        assert search.model.rowCount() == local + len(remote_rows)
        followed_ids = {int(s["id"]) for s in followed}
        assert all(int(r["section_id"]) not in followed_ids for r in remote_rows)
        assert all(r.get("company_name_en") for r in remote_rows)  # booth names from the directory
        if remote_rows:  # a product not cached opens from the server, marked as such
            window.navigate("product", int(remote_rows[0]["id"]))
            page = window.pages["product"]
            await wait_until(lambda: page.product is not None and page.product["id"] == remote_rows[0]["id"])
            assert page.remote_badge.isVisibleTo(window)
        # a favourite goes to the server (nothing waiting afterwards)
        window.navigate("product", int(search.model.rows()[0]["id"]))
        await wait_until(lambda: window.pages["product"].product is not None)
        await ctx.catalog.set_favourite("product", int(search.model.rows()[0]["id"]), note="n")
        await wait_until(lambda: fd.session.engine.pending == 0, timeout=20, what="favourite pushed")
        # switch the language: the window is rebuilt in Chinese, on the same page
        window.request_language("zh_CN")
        await wait_until(lambda: fd.window is not window, what="rebuilt window")
        assert fd.window.nav.item(0).text() == "展会"
        assert fd.window.current[0] == "product"
        assert fd.settings.language == "zh_CN"
        fd.window.request_language("en")
        await wait_until(lambda: fd.window.nav.item(0).text() == "Fair")
        # sign out (File menu): the token is revoked, the cache stays, sign in again
        fd.window.act_sign_out.trigger()
        await wait_until(lambda: not fd.session.signed_in and fd._account_dialog is not dialog
                         and fd._account_dialog is not None and fd._account_dialog.isVisible(),
                         what="sign-in dialog after signing out")
        assert "Signed out" in fd.window.status.state_label.text()
        fd.window.navigate("fair")
        await wait_until(lambda: fd.window.pages["fair"].booth_model.rowCount() > 0, what="cached booths")
        again = fd._account_dialog
        assert again.email.text() == email  # remembered
        again.password.setText(password)
        assert await again.submit_account()
        assert fd.session.signed_in
        fd.quit_event.set()
        assert await task == 0

    run(online(), timeout=120)
    live_server.kill()

    # -- offline start: same profile, server gone: cached data, offline state
    fd2 = FairDeskApp(qapp, app_args(server=live_server.url), profile="uitest", data_dir=data_dir)

    async def offline() -> None:
        task = asyncio.ensure_future(fd2.run())
        await wait_until(lambda: fd2.window is not None, what="window")
        assert fd2.session.signed_in  # the saved token, no network needed
        window = fd2.window
        fair = window.pages["fair"]
        await wait_until(lambda: fair.booth_model.rowCount() > 0, what="cached booths")
        await wait_until(lambda: fd2.ctx.state == ConnState.OFFLINE, timeout=20, what="offline state")
        window.navigate("search", "a")
        search = window.pages["search"]
        search.run_now()
        await search.model.wait_idle()
        assert search.model.rowCount() > 0
        assert not search.remote_button.isEnabled()
        window.navigate("shortlist")
        await window.pages["shortlist"].reload()
        assert window.pages["shortlist"].model.rowCount() == 1
        assert fd2._account_dialog is None  # no sign-in nag while offline
        fd2.quit_event.set()
        assert await task == 0

    run(offline(), timeout=60)


def test_first_run_with_the_embedded_demo_then_cancel_and_resume(qapp: Any, run: Any, tmp_path: Path) -> None:
    """No settings yet: the first-run dialog starts the demo fair, signs in the demo
    buyer, follows a section; cancelling stops the download, the next start resumes."""
    data_dir = tmp_path / "profile"
    fd = FairDeskApp(qapp, app_args(), profile="firstrun", data_dir=data_dir)

    async def first() -> None:
        task = asyncio.ensure_future(fd.run())
        from ui.firstrun import FirstRunDialog

        def dialog() -> FirstRunDialog | None:
            found = [w for w in qapp.topLevelWidgets() if isinstance(w, FirstRunDialog) and w.isVisible()]
            return found[0] if found else None

        await wait_until(lambda: dialog() is not None, what="first-run dialog")
        dlg = dialog()
        assert dlg.demo_radio.isChecked()
        assert await dlg.choose_server(demo=True)
        assert dlg.email.text() and dlg.password.text()  # the demo buyer, filled in
        assert await dlg.submit_account()
        await wait_until(lambda: fd.window is not None, what="main window")
        await wait_until(lambda: dlg.section_model.rowCount() > 2, what="sections")
        first_id = int(dlg.section_model.item(0).data(256))
        dlg.set_checked([first_id])
        await dlg.start_sync(dlg.checked_sections())
        await dlg.cancel()
        assert not fd.session.engine.running
        assert "resumes" in dlg.sync_text.text()
        followed = await fd.session.store.read(__import__("offline_cache.syncstate").syncstate.followed_sections)
        assert followed == [first_id]
        fd.quit_event.set()
        assert await task == 0

    run(first(), timeout=180)
    assert (data_dir / "settings.json").exists()

    # the next start: no dialog, the demo again, the section downloads to the end
    fd2 = FairDeskApp(qapp, app_args(), profile="firstrun", data_dir=data_dir)

    async def second() -> None:
        task = asyncio.ensure_future(fd2.run())
        await wait_until(lambda: fd2.window is not None, timeout=60, what="window")
        assert fd2.demo is not None and fd2.session.signed_in
        await wait_until(lambda: fd2.ctx.state == ConnState.ONLINE, timeout=60, what="caught up")
        stats = await fd2.ctx.catalog.cache_stats()
        assert stats["products"] > 0
        fd2.quit_event.set()
        assert await task == 0

    run(second(), timeout=120)


def test_a_damaged_cache_is_rebuilt_and_the_user_is_told(qapp: Any, run: Any, live_server: Any, tmp_path: Path) -> None:
    data_dir = tmp_path / "profile"
    data_dir.mkdir()
    (data_dir / "cache.sqlite").write_bytes(b"this is not a database" * 1000)
    fd = FairDeskApp(qapp, app_args(server=live_server.url), profile="damaged", data_dir=data_dir)

    async def go() -> None:
        task = asyncio.ensure_future(fd.run())
        await wait_until(lambda: fd.window is not None, what="window")
        assert "rebuilt" in fd.window.status.currentMessage()
        from PySide6.QtWidgets import QMessageBox

        boxes = [w for w in qapp.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert boxes and "rebuilt" in boxes[0].text()
        boxes[0].accept()
        fd.quit_event.set()
        assert await task == 0

    run(go(), timeout=60)
