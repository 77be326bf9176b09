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
        model = dialog.section_model
        rows = [r for r in range(model.rowCount()) if model.item(r).isCheckable()]  # not headings
        assert "products" in model.item(rows[0]).text()
        assert not dialog.section_list.visualRect(model.index(rows[0], 0)).isEmpty()
        qtmodeltester.check(model)
        dialog.set_checked([int(model.item(r).data(256)) for r in rows[:2]])
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


def test_first_run_goes_straight_to_the_demo_fair_then_pause_resume_and_switch_fairs(
    qapp: Any, run: Any, tmp_path: Path, live_server: Any
) -> None:
    """No settings yet: no dialog; the demo fair starts, the demo buyer is signed in,
    sections of the buyer's interests are followed and download in the status bar, which
    can pause it; the next start resumes. File > Connect to a fair server… switches to
    another fair (its own cache) and back to the demo (the demo's cache comes back)."""
    from offline_cache import syncstate
    from ui.firstrun import PAGE_ACCOUNT, FirstRunDialog

    data_dir = tmp_path / "profile"
    fd = FairDeskApp(qapp, app_args(lang=None), profile="firstrun", data_dir=data_dir)

    def dialogs() -> list[FirstRunDialog]:
        return [w for w in qapp.topLevelWidgets() if isinstance(w, FirstRunDialog) and w.isVisible()]

    async def first() -> None:
        task = asyncio.ensure_future(fd.run())
        await wait_until(lambda: fd.window is not None and fd.window.isVisible(), timeout=60, what="main window")
        assert not dialogs()  # nothing to answer before the fair shows
        assert fd.demo is not None and fd.session.signed_in
        assert fd.session.user["role"] == "buyer"
        window = fd.window
        assert window.welcome.isVisibleTo(window) and "demo buyer" in window.welcome_text.text()
        followed: list[int] = []

        async def poll() -> bool:
            followed[:] = await fd.session.store.read(syncstate.followed_sections)
            return bool(followed)

        loop = asyncio.get_running_loop()
        deadline = loop.time() + 60
        while not await poll():
            assert loop.time() < deadline, "no sections followed"
            await asyncio.sleep(0.05)
        # the defaults are followed one by one: read them once all are (the welcome says so)
        await wait_until(lambda: "offline for you" in window.welcome_text.text(), what="welcome text")
        await poll()
        # the buyer's interests: lighting, home decorations, electronics
        sections = {int(s["id"]): s for s in await fd.ctx.catalog.sections()}
        categories = {int(c["id"]): c["slug"] for c in await fd.ctx.catalog.categories()}
        assert 2 <= len(followed) <= 3
        assert {categories[int(sections[i]["category_id"])] for i in followed} <= {
            "lighting", "home-decorations", "electronics"}
        await wait_until(lambda: "offline for you" in window.welcome_text.text(), what="welcome text")
        # the sections dialog shows what is followed, with sizes
        dialog = window.open_sections()
        await wait_until(lambda: dialog.picker.model.rowCount() > 2, what="sections in the dialog")
        assert sorted(dialog.picker.checked()) == sorted(followed)
        assert "about" in dialog.picker.estimate.text() and "sections selected" in dialog.picker.estimate.text()
        dialog.reject()
        window.dismiss_welcome()
        window.show_welcome("later news")  # a dismissed welcome stays away
        assert not window.welcome.isVisibleTo(window)
        # pause the download from the status bar
        window.status.cancel_button.click()
        await wait_until(lambda: not fd.session.engine.running, what="download paused")
        assert "resumes" in window.status.currentMessage()
        await wait_until(lambda: "paused" in window.status.state_label.text(), what="paused state")
        fd.quit_event.set()
        assert await task == 0

    run(first(), timeout=180)
    assert (data_dir / "settings.json").exists()

    # the next start: no dialog, the demo again, the sections download to the end
    fd2 = FairDeskApp(qapp, app_args(), profile="firstrun", data_dir=data_dir)

    async def second() -> None:
        task = asyncio.ensure_future(fd2.run())
        await wait_until(lambda: fd2.window is not None, timeout=60, what="window")
        assert fd2.demo is not None and fd2.session.signed_in
        assert not fd2.window.welcome.isVisibleTo(fd2.window)  # only on the first start
        await wait_until(lambda: fd2.ctx.state == ConnState.ONLINE, timeout=60, what="caught up")
        stats = await fd2.ctx.catalog.cache_stats()
        assert stats["products"] > 0
        demo_followed = await fd2.session.store.read(syncstate.followed_sections)

        # File > Connect to a fair server…: another fair, with its own cache
        fd2.window.act_connect.trigger()
        await wait_until(lambda: bool(dialogs()), what="connect dialog")
        dlg = dialogs()[0]
        assert dlg.server_radio.isChecked()
        assert not await dlg.choose_server(demo=False, url="")  # no address: a clear error
        assert not dlg.error.isHidden()
        assert await dlg.choose_server(demo=False, url=live_server.url)
        assert fd2.session.server_url.startswith(live_server.url.rstrip("/"))
        assert fd2.demo is None
        assert dlg.stack.currentIndex() == PAGE_ACCOUNT
        assert (data_dir / "fairs" / "demo" / "cache.sqlite").exists()
        assert await fd2.ctx.catalog.cache_stats() != stats
        email, password = live_server.accounts["buyer"]
        dlg.email.setText(email)
        dlg.password.setText(password)
        assert await dlg.submit_account()
        assert fd2.session.signed_in
        dlg.close()
        # and back to the demo: its cache (and followed sections) come back
        back = fd2.connect_dialog(server=False)
        assert back.demo_radio.isChecked()
        assert await back.choose_server(demo=True)
        assert fd2.demo is not None and fd2.session.signed_in
        assert await fd2.session.store.read(syncstate.followed_sections) == demo_followed
        back.close()
        fd2.quit_event.set()
        assert await task == 0

    run(second(), timeout=180)


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
