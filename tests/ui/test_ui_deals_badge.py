"""The navigation's "Deals (n)" badge follows the deals waiting for this user."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from offline_cache import syncstate
from tests.ui.helpers import wait_until
from tests.ui.test_ui_deals import DEAL_ID, _deal, _window, _with_deal


def _deals_item(window: Any) -> Any:
    from PySide6.QtCore import Qt

    for i in range(window.nav.count()):
        item = window.nav.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == "deals":
            return item
    raise AssertionError("no Deals entry in the navigation")


def test_deals_badge(ctx: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    run(ctx.store.write(_with_deal))  # the exhibitor countered: the buyer's turn
    window = _window(ctx, qtbot, tmp_path)
    item = _deals_item(window)

    async def go() -> None:
        assert await window.refresh_deals_badge() == 1
        assert item.text() == "Deals (1)"
        assert "1 deal waiting" in item.toolTip()
        # the buyer declines elsewhere: the deal is closed, the badge goes (by a pull)
        await ctx.store.write(lambda db: syncstate.apply_page(db, "me", [
            {"entity": "deal", "op": "upsert", "id": DEAL_ID,
             "data": _deal(state="declined", version=4)}], "d2"))
        changes = await ctx.store.write(lambda db: syncstate.apply_page(db, "me", [], "d3"))
        changes.add_upsert("deal", DEAL_ID)
        ctx.changed.emit(changes)
        await wait_until(lambda: item.text() == "Deals", what="the badge cleared")
        assert window.deals_waiting == 0

    run(go())


def test_deal_party_in_the_ui_language(ctx: Any, run: Any) -> None:
    """The wire deal names the exhibitor in English; the Chinese UI shows its Chinese name
    from the cached directory (and the English UI leaves it as it is)."""
    from ui.pages.deals import localize_companies

    deal = _deal()
    run(localize_companies(ctx, [deal]))
    assert deal["company_name"] == "Acme Works 00"
    ctx.lang = "zh_CN"
    try:
        run(localize_companies(ctx, [deal, {"company_id": None}]))
    finally:
        ctx.lang = "en"
    assert deal["company_name"] == "极致工坊00"
