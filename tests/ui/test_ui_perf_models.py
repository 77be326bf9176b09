"""The long-list machinery (issue 9): the paged, counted result model, the card table, the
exact search count and the empty query's listing over a real Store. Functional, not timed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from app.catalog import Row, UiFilters, _make_filters
from offline_cache import queries
from offline_cache.search import SearchFilters, count_matching, search_products
from tests.ui.helpers import N_COMPANIES, PRODUCTS_PER_COMPANY, wait_until
from ui.images import ImageLoader
from ui.models import ID_ROLE, ROW_ROLE, Column, PagedRowModel
from ui.widgets import CardRowsProxy, CardTable, card_grid

N_PRODUCTS = N_COMPANIES * PRODUCTS_PER_COMPANY


def _numbers(n: int) -> tuple[Any, Any, list[tuple[int, int]]]:
    """A loader and a counter over rows 0..n-1, recording the pages asked for."""
    asked: list[tuple[int, int]] = []

    async def loader(offset: int, limit: int) -> list[Row]:
        asked.append((offset, limit))
        return [{"id": i, "name_en": f"Item {i}"} for i in range(offset, min(n, offset + limit))]

    async def counter() -> int:
        return n

    return loader, counter, asked


def test_paged_model_counts_then_fetches_only_what_is_looked_at(qtmodeltester: Any, run: Any) -> None:
    model = PagedRowModel([Column("Name", lambda r: str(r["name_en"]))], page_size=10, max_pages=3)
    qtmodeltester.check(model)  # empty
    loader, counter, asked = _numbers(1000)
    counted: list[int] = []
    model.counted.connect(counted.append)

    async def go() -> None:
        model.set_loader(loader, counter)
        await wait_until(lambda: model.rowCount() == 1000 and not model.is_loading(), what="count")
        assert counted == [1000] and model.total() == 1000
        assert not model.canFetchMore()  # the whole length is known
        # a row deep in the list: empty until its page arrives, then there
        deep = model.index(987, 0)
        assert deep.data() is None
        await wait_until(lambda: model.index(987, 0).data() == "Item 987", what="deep page")
        assert (980, 10) in asked
        # looking at many pages keeps only the most recent max_pages in memory
        for r in range(0, 1000, 100):
            model.index(r, 0).data()
            await model.wait_idle()
        assert len(model.rows()) <= 3 * 10
        assert model.row(0) == {} or model.row(0)["id"] == 0

    run(go())
    pages_asked = {offset for offset, _ in asked}
    assert len(pages_asked) < 20  # never the whole list
    assert model.index(900, 0).data(ROW_ROLE) == {"id": 900, "name_en": "Item 900"}
    assert model.index(900, 0).data(ID_ROLE) == 900
    qtmodeltester.check(model)


def test_paged_model_grows_without_a_counter_and_appends_rows(qtmodeltester: Any, run: Any) -> None:
    model = PagedRowModel([Column("Name", lambda r: str(r["name_en"]))], page_size=10)
    loader, _counter, _asked = _numbers(25)

    async def go() -> None:
        model.set_loader(loader)
        await wait_until(lambda: model.rowCount() == 10 and not model.is_loading(), what="page one")
        assert model.total() is None and model.canFetchMore()
        while model.canFetchMore():
            model.fetchMore()
            await model.wait_idle()
        assert model.rowCount() == 25
        model.append_rows([{"id": "r1", "name_en": "Remote"}])
        assert model.rowCount() == 26 and model.index(25, 0).data() == "Remote"
        model.refresh()
        await model.wait_idle()
        assert model.rowCount() == 26 and model.index(24, 0).data() == "Item 24"

    run(go())
    qtmodeltester.check(model)


def test_paged_model_refresh_follows_a_changed_count(run: Any) -> None:
    model = PagedRowModel([Column("Name", lambda r: str(r["name_en"]))], page_size=10)
    size = {"n": 30}

    async def loader(offset: int, limit: int) -> list[Row]:
        return [{"id": i, "name_en": f"Item {i}"} for i in range(offset, min(size["n"], offset + limit))]

    async def counter() -> int:
        return size["n"]

    async def go() -> None:
        model.set_loader(loader, counter)
        await wait_until(lambda: model.rowCount() == 30 and not model.is_loading(), what="count")
        size["n"] = 45  # a sync brought more
        model.refresh()
        await wait_until(lambda: model.rowCount() == 45 and not model.is_loading(), what="more")
        size["n"] = 12  # and some went away
        model.refresh()
        await wait_until(lambda: model.rowCount() == 12 and not model.is_loading(), what="fewer")
        await wait_until(lambda: model.index(11, 0).data() == "Item 11", what="the last row")
        assert model.index(12, 0).data() is None

    run(go())


def test_paged_model_reports_failures(run: Any) -> None:
    from ui.asyncutil import take_errors

    model = PagedRowModel([Column("x", lambda r: str(r))], page_size=10)
    failures: list[str] = []
    model.failed.connect(failures.append)

    async def loader(offset: int, limit: int) -> list[Row]:
        raise OSError("disk on fire")

    async def go() -> None:
        model.set_loader(loader)
        await wait_until(lambda: bool(failures), what="failure")
        await model.wait_idle()

    run(go())
    take_errors()
    assert failures == ["disk on fire"] and model.rowCount() == 0 and not model.canFetchMore()


def test_card_rows_proxy_maps_items_to_cells(qtmodeltester: Any) -> None:
    source = QStandardItemModel()
    proxy = CardRowsProxy(source, 4)
    qtmodeltester.check(proxy)
    for i in range(10):
        item = QStandardItem(f"card {i}")
        item.setData({"id": i}, ROW_ROLE)
        source.appendRow(item)
    assert (proxy.rowCount(), proxy.columnCount()) == (3, 4)
    assert proxy.index(2, 1).data() == "card 9"
    assert proxy.index(2, 2).data() is None  # past the end: an empty cell
    assert not proxy.flags(proxy.index(2, 2)) & Qt.ItemFlag.ItemIsEnabled
    assert proxy.item_of(proxy.index(1, 3)) == 7 and proxy.cell_of(7) == proxy.index(1, 3)
    source.item(5).setText("changed")
    assert proxy.index(1, 1).data() == "changed"
    proxy.set_columns(3)
    assert (proxy.rowCount(), proxy.index(3, 0).data()) == (4, "card 9")
    source.removeRows(6, 4)
    assert proxy.rowCount() == 2
    qtmodeltester.check(proxy)
    source.clear()
    assert proxy.rowCount() == 0


def test_card_table_over_a_paged_model(qtmodeltester: Any, qtbot: Any, run: Any) -> None:
    model = PagedRowModel([Column("Name", lambda r: str(r["name_en"]))], page_size=50)
    loader, counter, asked = _numbers(100_000)
    grid = card_grid(64, None, lambda r: "USD 1")
    assert isinstance(grid, CardTable)
    qtbot.addWidget(grid)
    grid.resize(800, 600)
    grid.setModel(model)
    grid.show()
    proxy = grid.proxy()
    assert proxy is not None and proxy.source() is model

    async def go() -> None:
        model.set_loader(loader, counter)
        await wait_until(lambda: model.rowCount() == 100_000 and not model.is_loading(), what="count")
        cols = proxy.columnCount()
        assert cols == (grid.viewport().width() - 1) // grid.base_grid.width() and cols > 1
        assert proxy.rowCount() == -(-100_000 // cols)
        grid.scrollToBottom()
        grid.viewport().repaint()
        await wait_until(lambda: not model.is_loading() and model.index(99_999, 0).data() == "Item 99999",
                         what="the last page")
        grid.resize(500, 600)  # fewer columns: the same items, more rows
        assert proxy.columnCount() < cols

    run(go())
    assert len(asked) < 20
    assert grid.gridSize().width() >= grid.base_grid.width()
    qtmodeltester.check(proxy)


def test_cards_come_in_one_call_and_agree_with_the_roles(qtmodeltester: Any, qtbot: Any, run: Any) -> None:
    """The grid's delegate reads a card with ``card(index)`` (row, name, thumbnail) instead
    of a dozen index/data calls; it must show exactly what the roles say, for the paged
    model through the card table's proxy and for a model without ``card_at``."""
    from PySide6.QtGui import QColor, QIcon, QPixmap

    pix = QPixmap(8, 8)
    pix.fill(QColor("red"))
    icon = QIcon(pix)
    model = PagedRowModel([Column("Name", lambda r: f"Name {r['id']}")], page_size=20,
                          decoration=lambda r: icon)
    loader, counter, _asked = _numbers(45)
    grid = card_grid(64, None, lambda r: "")
    qtbot.addWidget(grid)
    grid.resize(600, 400)
    grid.setModel(model)
    proxy = grid.proxy()
    assert proxy is not None

    async def go() -> None:
        model.set_loader(loader, counter)
        await wait_until(lambda: model.rowCount() == 45 and not model.is_loading(), what="count")
        assert proxy.card(proxy.cell_of(44)) is None  # its page is not loaded yet: asked for
        await wait_until(lambda: not model.is_loading() and proxy.card(proxy.cell_of(44)) is not None,
                         what="the last page")
        for item in (0, 19, 20, 44):
            cell = proxy.cell_of(item)
            await wait_until(lambda c=cell: proxy.card(c) is not None, what=f"card {item}")
            row, name, deco = proxy.card(cell)
            assert row == cell.data(ROW_ROLE) and row["id"] == item
            assert name == cell.data() == f"Name {item}"
            assert isinstance(deco, QIcon) and isinstance(cell.data(Qt.ItemDataRole.DecorationRole), QIcon)
        cols = proxy.columnCount()
        past = proxy.index(proxy.rowCount() - 1, cols - 1)
        if proxy.item_of(past) < 0:
            assert proxy.card(past) is None and past.data() is None
        grid.show()
        grid.scrollToTop()
        await wait_until(lambda: proxy.card(proxy.index(0, 2)) is not None, what="the first page")
        # the grid paints its cards itself: a selected card is highlighted, its neighbour not
        from PySide6.QtCore import QItemSelectionModel

        grid.selectionModel().select(proxy.index(0, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        image = grid.viewport().grab().toImage()
        at = grid.visualRect(proxy.index(0, 1)).topLeft() + QPoint(8, 8)
        beside = grid.visualRect(proxy.index(0, 2)).topLeft() + QPoint(8, 8)
        assert image.pixelColor(at) != image.pixelColor(beside)

    run(go())
    qtmodeltester.check(proxy)
    # a source without card_at: the same cards from its roles
    source = QStandardItemModel()
    for i in range(3):
        item = QStandardItem(f"card {i}")
        item.setData({"id": i}, ROW_ROLE)
        source.appendRow(item)
    plain = CardRowsProxy(source, 2)
    row, name, deco = plain.card(plain.index(1, 0))
    assert (row, name, deco) == ({"id": 2}, "card 2", None)
    assert plain.card(plain.index(1, 1)) is None


def test_search_list_columns_fit_once_and_stay_the_users(ctx: Any, run: Any, qtbot: Any) -> None:
    """The list's value columns are fitted to the loaded rows once per search, then left
    alone (no ResizeToContents: it re-measured every row after each change)."""
    from PySide6.QtWidgets import QHeaderView

    from ui.pages.search import SearchPage

    page = SearchPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    header = page.table.horizontalHeader()
    for col in range(page.model.columnCount()):
        assert header.sectionResizeMode(col) != QHeaderView.ResizeMode.ResizeToContents

    async def go() -> None:
        page.set_view(1)
        page.query.setText("lamp")
        page.run_now()
        await wait_until(lambda: page.model.total() is not None and not page.model.is_loading()
                         and bool(page.model.rows()), what="lamp results")
        fm = page.table.fontMetrics()
        rows = page.model.rows()[:50]
        for col in range(2, page.model.columnCount()):
            column = page.model.column(col)
            widest = max(fm.horizontalAdvance(t) for t in [column.header] + [column.text(r) for r in rows])
            assert header.sectionSize(col) >= min(widest, 320), column.header
        header.resizeSection(2, 333)  # the user drags a column
        page.model.refresh()  # a sync page arrives
        await page.model.wait_idle()
        assert header.sectionSize(2) == 333

    run(go())


def test_search_page_lists_and_counts_the_whole_cache(ctx: Any, run: Any, qtbot: Any) -> None:
    from ui.pages.search import SearchPage

    page = SearchPage(ctx)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()

    async def go() -> None:
        page.query.setText("")
        page.run_now()
        await wait_until(lambda: page.model.total() == N_PRODUCTS and not page.model.is_loading(),
                         what="the exact count")
        assert page.model.rowCount() == N_PRODUCTS
        assert str(N_PRODUCTS) in page.status.text()
        page.query.setText("lamp")
        page.run_now()
        await wait_until(lambda: page.model.total() is not None and not page.model.is_loading(),
                         what="lamp count")
        assert page.model.rowCount() == N_PRODUCTS // 3
        cell = page.grid.model().index(0, 0)
        assert "Lamp" in str(cell.data())

    run(go())


def test_count_matching_agrees_with_search(store: Any, run: Any) -> None:
    cases: list[tuple[str, SearchFilters]] = [
        ("", SearchFilters()),
        ("", SearchFilters(section_id=10)),
        ("", SearchFilters(category_id=1)),
        ("", SearchFilters(certification="RoHS")),
        ("", SearchFilters(price_max_cents=300)),
        ("lamp", SearchFilters()),
        ("台灯", SearchFilters()),
        ("smart", SearchFilters(section_id=11, moq_max=30)),
        ("lamp chair", SearchFilters()),
        ("\"*:(", SearchFilters()),
    ]
    for text, flt in cases:
        exact = run(store.read(count_matching, text, flt))
        listed = run(store.read(search_products, text, flt, 0, 500))
        assert exact == len(listed.items), (text, flt)
        if listed.total_is_exact:
            assert exact == listed.total
    assert run(store.read(count_matching, "", _make_filters(UiFilters()))) == N_PRODUCTS


def test_empty_query_lists_every_visible_product_in_id_order(store: Any, run: Any) -> None:
    from offline_cache import syncstate

    everything = run(store.read(queries.list_products, None, None, 0, 1000, False))
    ids = [p["id"] for p in everything]
    page = run(store.read(search_products, "", SearchFilters(), 0, 50))
    assert [p["id"] for p in page.items] == ids[:50]
    assert page.total == len(ids) and page.total_is_exact
    tail = run(store.read(search_products, "", SearchFilters(), len(ids) - 3, 50))
    assert [p["id"] for p in tail.items] == ids[-3:]
    # a hidden product (its company's staff have it) is not listed nor counted
    hidden = dict(everything[0], hidden=True, version=2)
    run(store.write(syncstate.apply_page, "section:10",
                    [{"entity": "product", "op": "upsert", "id": hidden["id"], "data": hidden}], "c2"))
    page = run(store.read(search_products, "", SearchFilters(), 0, 50))
    assert hidden["id"] not in [p["id"] for p in page.items]
    assert page.total == len(ids) - 1
    assert run(store.read(count_matching, "", SearchFilters())) == len(ids) - 1


def test_image_memory_is_bounded(qapp: Any) -> None:
    from PySide6.QtGui import QPixmap

    loader = ImageLoader(memory_bytes=1_000_000)
    for i in range(20):
        pix = QPixmap(200, 200)  # 160 KB each
        loader._remember(f"product/{i}/0?size=thumb", pix)
    assert loader._memory_used <= 1_000_000 and len(loader._memory) == 6
    assert loader.cached("product/19/0?size=thumb") is not None
    assert loader.cached("product/0/0?size=thumb") is None
    # placeholders of a Chinese catalog (thousands of first characters) stay bounded too
    for code in range(0x4E00, 0x4E00 + 400):
        loader.placeholder(QSize(360, 360), chr(code))
    assert loader._placeholders.used <= 3 * 1024 * 1024
    same = loader.placeholder(QSize(360, 360), chr(0x4E00 + 399))
    assert same is loader.placeholder(QSize(360, 360), chr(0x4E00 + 399))
    for i in range(3000):
        loader.initials(QSize(48, 48), f"Company {i}")
    assert loader._initials.used <= 3 * 1024 * 1024 and len(loader._initials) > 100
