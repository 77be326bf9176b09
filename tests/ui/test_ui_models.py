"""Every Qt model of the UI through pytest-qt's model tester, over a real Store."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from app.catalog import Row
from tests.ui.helpers import N_COMPANIES, wait_until
from ui.models import (
    ID_ROLE,
    ROW_ROLE,
    Column,
    DirectoryTreeModel,
    LazyRowModel,
    StaticTableModel,
    company_columns,
    product_columns,
)


def test_directory_tree_model(qtmodeltester: Any, ctx: Any, run: Any) -> None:
    model = DirectoryTreeModel("en")
    qtmodeltester.check(model)  # empty
    cats = run(ctx.catalog.categories())
    secs = run(ctx.catalog.sections())
    model.set_data(cats, secs)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    electronics = model.index(0, 0)
    assert electronics.data() == "Electronics"
    assert model.rowCount(electronics) == 2
    lighting = model.index(0, 0, electronics)
    assert model.row_of(lighting)[0] == "section"
    assert lighting.data(ID_ROLE) == 10
    assert model.parent(lighting) == electronics
    assert model.section_index(20).data(ID_ROLE) == 20
    assert not model.section_index(999).isValid()
    zh = DirectoryTreeModel("zh_CN")
    zh.set_data(cats, secs)
    qtmodeltester.check(zh)
    assert zh.index(0, 0).data() == "电子产品"


def test_lazy_company_model_fetches_pages(qtmodeltester: Any, ctx: Any, run: Any) -> None:
    model = LazyRowModel(company_columns("en"), page_size=5)

    async def loader(offset: int, limit: int) -> list[Row]:
        return await ctx.catalog.companies(None, "", offset=offset, limit=limit)

    async def go() -> None:
        model.set_loader(loader)
        await wait_until(lambda: model.rowCount() == 5 and not model.is_loading(), what="first page")
        assert model.canFetchMore()
        model.fetchMore()
        await wait_until(lambda: model.rowCount() == 10 and not model.is_loading(), what="second page")
        while model.canFetchMore():
            model.fetchMore()
            await model.wait_idle()
        assert model.rowCount() == N_COMPANIES

    run(go())
    assert len({model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())}) == N_COMPANIES
    qtmodeltester.check(model)
    first = model.index(0, 0)
    assert first.data(ROW_ROLE)["id"] == first.data(ID_ROLE)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Booth"


def test_lazy_product_model_refresh_and_append(qtmodeltester: Any, ctx: Any, run: Any) -> None:
    model = LazyRowModel(product_columns("en"), page_size=50)

    async def loader(offset: int, limit: int) -> list[Row]:
        return (await ctx.catalog.search("lamp", None, offset=offset, limit=limit)).items

    async def go() -> None:
        model.set_loader(loader)
        await model.wait_idle()
        await wait_until(lambda: model.rowCount() > 0, what="search rows")
        n = model.rowCount()
        model.refresh()
        await wait_until(lambda: not model.is_loading(), what="refresh")
        assert model.rowCount() == n
        model.append_rows([{"id": 999999, "name_en": "Remote Lamp", "_remote": True}])
        assert model.rowCount() == n + 1

    run(go())
    qtmodeltester.check(model)
    last = model.index(model.rowCount() - 1, 5)
    assert last.data() == "Whole fair (online)"
    assert model.index(0, 5).data() == "Offline cache"
    assert "Acme Works" in model.index(0, 1).data()


def test_lazy_model_under_the_model_tester_while_loading(qtmodeltester: Any, ctx: Any, run: Any) -> None:
    """The tester stays attached while pages arrive (it fetches eagerly)."""
    model = LazyRowModel(company_columns("en"), page_size=5)
    qtmodeltester.check(model)

    async def loader(offset: int, limit: int) -> list[Row]:
        return await ctx.catalog.companies(None, "", offset=offset, limit=limit)

    async def go() -> None:
        model.set_loader(loader)
        await wait_until(lambda: model.rowCount() > 0 and not model.is_loading(), what="a page")
        while model.canFetchMore():
            model.fetchMore()
            await wait_until(lambda: not model.is_loading(), what="next page")
        model.refresh()
        await wait_until(lambda: not model.is_loading(), what="refresh")

    run(go())
    assert model.rowCount() == N_COMPANIES
    ids = [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]
    assert len(set(ids)) == N_COMPANIES


def test_lazy_model_reports_loader_failures(qtmodeltester: Any, run: Any, aloop: Any) -> None:
    from ui.asyncutil import take_errors

    model = LazyRowModel([Column("x", lambda r: str(r))])
    failures: list[str] = []
    model.failed.connect(failures.append)

    async def loader(offset: int, limit: int) -> list[Row]:
        raise OSError("disk on fire")

    async def go() -> None:
        model.set_loader(loader)
        await wait_until(lambda: bool(failures), what="failure signal")

    run(go())
    assert failures == ["disk on fire"]
    assert not model.canFetchMore()
    assert [type(e) for e in take_errors()] == [OSError]
    qtmodeltester.check(model)


def test_static_table_model(qtmodeltester: Any) -> None:
    model = StaticTableModel()
    qtmodeltester.check(model)
    model.set_table(["a", "b"], [["1", "2"], ["3"]], ["r1", "r2"], payload=[{"x": 1}, {"x": 2}])
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == ""
    assert model.headerData(1, Qt.Orientation.Vertical) == "r2"
    assert model.index(0, 0).data(ROW_ROLE) == {"x": 1}
    assert model.rowCount(model.index(0, 0)) == 0
    assert not model.index(5, 5).isValid()
    assert model.data(QModelIndex()) is None
    # untrusted text in a tooltip is escaped, never rendered as HTML
    model.set_table(["a"], [["<img src=x onerror=1><b>bold</b>\nline"]])
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip and "&lt;b&gt;bold&lt;/b&gt;" in tip and "<br>" in tip
    assert model.index(0, 0).data() == "<img src=x onerror=1><b>bold</b>\nline"
