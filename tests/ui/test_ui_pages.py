"""Pages and the main window over a real Store (offline: no session), driven like a user."""

from __future__ import annotations

import asyncio
import csv
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.helpers import N_COMPANIES, wait_until
from ui.mainwindow import MainWindow
from ui.models import ROW_ROLE


def make_window(ctx: Any, qtbot: Any, tmp_path: Path) -> MainWindow:
    window = MainWindow(ctx, state_file=tmp_path / "window.ini")
    qtbot.addWidget(window)
    window.show()
    window.navigate("fair")
    return window


def test_browse_fair_booth_product_and_history(ctx: Any, qtbot: Any, run: Any, tmp_path: Path, qtmodeltester: Any) -> None:
    window = make_window(ctx, qtbot, tmp_path)
    fair = window.pages["fair"]

    async def go() -> None:
        await wait_until(lambda: fair.tree_model.rowCount() == 2, what="categories")
        await wait_until(lambda: fair.booth_model.rowCount() > 0, what="booths of the first section")
        fair.select_section(20)
        await wait_until(lambda: fair.title.text() == "Furniture", what="section header")
        await wait_until(lambda: fair.booth_model.rowCount() == N_COMPANIES // 3 and not fair.booth_model.is_loading())
        assert "4 booths" in fair.subtitle.text()
        # filter booths as you type
        qtbot.keyClicks(fair.filter_edit, "Works 02")
        await wait_until(lambda: fair.booth_model.rowCount() == 1 and not fair.booth_model.is_loading(), what="filtered booths")
        qtmodeltester.check(fair.booth_model)
        qtmodeltester.check(fair.tree_model)
        # open the booth (Enter on the table activates)
        fair.booths.setCurrentIndex(fair.booth_model.index(0, 0))
        fair.booths.setFocus()
        qtbot.keyClick(fair.booths, Qt.Key.Key_Return)
        booth = window.pages["booth"]
        await wait_until(lambda: window.current_page() is booth, what="booth page")
        await wait_until(lambda: booth.model.rowCount() == 9 and not booth.model.is_loading(), what="product grid")
        assert booth.title.text() == "Acme Works 02"
        assert booth.subtitle.text() == "极致工坊02"
        assert booth.profile.text() == "We make <b>lamps</b> & speakers."  # plain text, never HTML
        assert booth.profile.textFormat() == Qt.TextFormat.PlainText
        assert booth.demo_badge.isVisibleTo(window)
        qtmodeltester.check(booth.model)
        # open a product from the grid
        index = booth.model.index(0, 0)
        pid = index.data(ROW_ROLE)["id"]
        booth.grid.activated.emit(index)
        product = window.pages["product"]
        await wait_until(lambda: product.product is not None and product.product["id"] == pid, what="product page")
        assert product.title.text().startswith("Smart ")
        assert product.subtitle.text().startswith("智能")
        assert product.values["price"].text().startswith("USD ")
        assert product.values["moq"].text() == "10 pieces"
        assert product.spec_model.rowCount() == 1
        assert product.spec_model.index(0, 0).data() == "Weight / 重量"
        qtmodeltester.check(product.spec_model)
        qtmodeltester.check(product.gallery_model)
        # product -> its booth through the link
        product.booth_button.click()
        await wait_until(lambda: window.current_page() is booth)
        # history: Alt+Left goes back (shortcuts need the active window)
        window.activateWindow()
        await wait_until(lambda: QApplication.activeWindow() is window, what="active window")
        qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
        await wait_until(lambda: window.current_page() is product, what="back to the product")
        window.back()
        assert window.current_page() is booth
        window.back()
        assert window.current_page() is fair
        assert not window.act_back.isEnabled()
        qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        assert window.current_page() is booth
        # the mouse's back and forward buttons over a view that takes its other clicks,
        # delivered as the platform does: to the native window, then to the widget under it
        def click(widget: Any, button: Qt.MouseButton) -> None:
            at = QPointF(widget.mapTo(window, QPoint(20, 20)))
            press = QMouseEvent(QMouseEvent.Type.MouseButtonPress, at, at, button, button,
                                Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(window.windowHandle(), press)

        click(booth.grid.viewport(), Qt.MouseButton.BackButton)
        assert window.current_page() is fair
        click(fair.booths.viewport(), Qt.MouseButton.ForwardButton)
        assert window.current_page() is booth
        click(booth.grid.viewport(), Qt.MouseButton.BackButton)
        assert window.current_page() is fair
        # left navigation and Ctrl+F
        window.nav.setCurrentRow(2)
        assert window.current_page() is window.pages["shortlist"]
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() is window.pages["search"]
        assert window.nav.currentRow() == 1

    run(go())


def test_search_as_you_type_filters_and_views(ctx: Any, qtbot: Any, run: Any, tmp_path: Path, qtmodeltester: Any) -> None:
    window = make_window(ctx, qtbot, tmp_path)
    window.navigate("search")
    search = window.pages["search"]
    model = search.model

    async def go() -> None:
        await wait_until(lambda: search.section.count() == 4, what="section filter filled")
        qtbot.keyClicks(search.query, "lamp")
        await wait_until(lambda: model.rowCount() > 0 and not model.is_loading(), what="results for lamp")
        assert all("Lamp" in model.index(r, 0).data() for r in range(model.rowCount()))
        n_all = model.rowCount()
        assert "results in the offline cache" in search.status.text()
        # Chinese text finds the same products
        search.query.setText("台灯")
        await wait_until(lambda: not search._debounce.isActive() and not model.is_loading())
        await wait_until(lambda: model.rowCount() == n_all, what="Chinese results")
        # a section filter narrows the results
        search.section.setCurrentIndex(search.section.findData(10))
        await wait_until(lambda: not search._debounce.isActive() and not model.is_loading())
        assert 0 < model.rowCount() < n_all
        assert {model.index(r, 0).data(ROW_ROLE)["section_id"] for r in range(model.rowCount())} == {10}
        # price and MOQ filters
        search.section.setCurrentIndex(0)
        search.moq_max.setValue(30)
        await wait_until(lambda: not search._debounce.isActive() and not model.is_loading())
        assert all(model.index(r, 0).data(ROW_ROLE)["moq"] <= 30 for r in range(model.rowCount()))
        search.moq_max.setValue(0)
        search.price_max.setValue(1.0)
        await wait_until(lambda: not search._debounce.isActive() and not model.is_loading())
        assert all(model.index(r, 0).data(ROW_ROLE)["price_min_cents"] <= 100 for r in range(model.rowCount()))
        # no match is an empty list, not an error
        search.price_max.setValue(0)
        search.query.setText("zzzz-no-such-thing \"(")
        await wait_until(lambda: not search._debounce.isActive() and not model.is_loading())
        assert model.rowCount() == 0
        # list view and grid view share the model
        search.list_button.click()
        assert search.stack.currentWidget() is search.table
        search.grid_button.click()
        assert search.stack.currentWidget() is search.grid
        # offline: the whole-fair button is disabled
        assert not search.remote_button.isEnabled()

    run(go())
    qtmodeltester.check(model)


def test_shortlist_add_note_compare_export(ctx: Any, qtbot: Any, run: Any, tmp_path: Path, qtmodeltester: Any) -> None:
    window = make_window(ctx, qtbot, tmp_path)
    product = window.pages["product"]
    shortlist = window.pages["shortlist"]

    async def go() -> None:
        for pid in (1001, 1002, 1004):
            window.navigate("product", pid)
            await wait_until(lambda pid=pid: product.product is not None and product.product["id"] == pid)
            await wait_until(lambda: product.fav_button.text() == "Add to shortlist")
            product.fav_button.click()
            await wait_until(lambda: product.fav_button.text() == "Remove from shortlist", what="favourite set")
        window.navigate("booth", 100)
        booth = window.pages["booth"]
        await wait_until(lambda: booth.company is not None and booth.fav_button.text() == "Add booth to shortlist")
        booth.fav_button.click()
        await wait_until(lambda: booth.fav_button.text() == "Remove booth from shortlist")

        window.navigate("shortlist")
        await wait_until(lambda: shortlist.model.rowCount() == 4, what="4 shortlist rows")
        assert "3 products and 1 booth on your shortlist" in shortlist.summary.text()
        qtmodeltester.check(shortlist.model)
        # a note and tags through the dialog
        row = next(i for i, e in enumerate(shortlist.entries) if e["target_id"] == 1002)
        shortlist.table.selectRow(row)
        assert shortlist.edit_button.isEnabled()
        shortlist.edit_button.click()
        dialog = shortlist.findChild(QDialog, "note-dialog")
        assert dialog is not None
        dialog.note.setPlainText("Ask for samples")
        dialog.tags.setText("samples， urgent, ")
        dialog.accept()
        await wait_until(lambda: any(e.get("note") == "Ask for samples" for e in shortlist.entries), what="note saved")
        entry = next(e for e in shortlist.entries if e["target_id"] == 1002)
        assert list(entry["tags"]) == ["samples", "urgent"]
        # compare the three products
        shortlist.table.selectAll()
        assert shortlist.compare_button.isEnabled()
        shortlist.compare_button.click()
        assert shortlist.compare_box.isVisibleTo(window)
        assert shortlist.compare_model.columnCount() == 3
        labels = [shortlist.compare_model.headerData(r, Qt.Orientation.Vertical) for r in range(shortlist.compare_model.rowCount())]
        assert labels[:3] == ["Booth", "FOB price", "Minimum order"] and "Weight" in labels
        qtmodeltester.check(shortlist.compare_model)
        # export
        out = tmp_path / "shortlist"
        assert await shortlist.export_to(out)
        rows = list(csv.reader((tmp_path / "shortlist.csv").read_text(encoding="utf-8-sig").splitlines()))
        assert len(rows) == 5 and rows[0][0] == "kind"
        assert any(r[10] == "Ask for samples" and r[11] == "samples; urgent" for r in rows[1:])
        # an unwritable place gives a message, not a crash
        assert not await shortlist.export_to(tmp_path / "missing-dir" / "x.csv")
        # remove two entries
        shortlist.table.clearSelection()
        shortlist.table.selectRow(0)
        shortlist.remove_button.click()
        await wait_until(lambda: shortlist.model.rowCount() == 3, what="removed")

    run(go())


def test_settings_dialog_values_and_low_data(ctx: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    window = make_window(ctx, qtbot, tmp_path)
    applied: list[dict[str, Any]] = []
    window.settings_applied.connect(applied.append)

    async def go() -> None:
        dialog = window.open_settings()
        await dialog.measure()
        assert "products" in dialog.usage.text()
        assert str(tmp_path) in dialog.location.text()
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        dialog.low_data.setCurrentIndex(dialog.low_data.findData("text"))
        dialog.time_zone.setCurrentIndex(dialog.time_zone.findData("Asia/Shanghai"))
        dialog._accept()
        assert applied == [{"language": "zh_CN", "time_zone": "Asia/Shanghai", "low_data_mode": "text", "image_cache_mb": 256}]
        ctx.set_low_data("text")
        assert window.status.low_data_label.text() == "Low data: text only"
        assert window.low_data_actions["text"].isChecked()
        assert not ctx.images.allowed("product/1/0?size=thumb")
        ctx.set_low_data("thumbnails")
        assert ctx.images.allowed("product/1/0?size=thumb")
        assert not ctx.images.allowed("product/1/0?size=full")

    run(go())


def test_window_state_is_remembered(ctx: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    async def go() -> None:
        window = make_window(ctx, qtbot, tmp_path)
        window.resize(790, 540)  # fits the offscreen screen (800x600)
        await wait_until(lambda: window.pages["fair"].tree_model.rowCount() > 0)
        size = window.size()
        window.navigate("shortlist")
        shortlist = window.pages["shortlist"]
        shortlist.compare_box.show()
        await asyncio.sleep(0.05)
        total = sum(shortlist.splitter.sizes())
        shortlist.splitter.setSizes([total - 150, 150])
        await asyncio.sleep(0.05)
        top = shortlist.splitter.sizes()[0]
        window.pages["search"].set_view(1)
        window.close_for_real()
        again = MainWindow(ctx, state_file=tmp_path / "window.ini")
        qtbot.addWidget(again)
        again.show()
        assert again.size() == size
        assert again.pages["search"].stack.currentIndex() == 1
        again.navigate("shortlist")
        again.pages["shortlist"].compare_box.show()
        await asyncio.sleep(0.05)
        assert abs(again.pages["shortlist"].splitter.sizes()[0] - top) <= 2
        again.close_for_real()

    run(go())
