"""Choosing the sections kept offline: defaults for a new user, the sections dialog,
initials for booths without a logo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize

from app.catalog import default_sections
from ui.images import ImageLoader, initials_of

CATS = [
    {"id": 1, "slug": "electronics", "position": 1},
    {"id": 2, "slug": "lighting", "position": 2},
    {"id": 3, "slug": "home-decorations", "position": 3},
    {"id": 4, "slug": "toys", "position": 4},
]
SECS = [
    {"id": 11, "category_id": 1, "slug": "kitchen", "position": 2},
    {"id": 10, "category_id": 1, "slug": "home-appliances", "position": 1},
    {"id": 20, "category_id": 2, "slug": "indoor-lighting", "position": 1},
    {"id": 30, "category_id": 3, "slug": "furniture", "position": 1},
    {"id": 40, "category_id": 4, "slug": "plush", "position": 1},
]


def test_default_sections_follow_interests_own_booth_or_the_first_ones() -> None:
    # one section per interest, in the user's order (category or section slugs)
    assert default_sections(CATS, SECS, ["lighting", "home-decorations", "electronics"]) == [20, 30, 10]
    assert default_sections(CATS, SECS, ["kitchen", "toys"]) == [11, 40]
    assert default_sections(CATS, SECS, ["lighting", "toys", "electronics", "home-decorations"], limit=2) == [20, 40]
    # an exhibitor: their own booth's sections first (unknown ids are ignored)
    assert default_sections(CATS, SECS, ["toys"], own_sections=[30, 999, 30]) == [30]
    # no (known) interests: the first two of the directory
    assert default_sections(CATS, SECS, ["unknown"]) == [10, 11]
    assert default_sections(CATS, SECS) == [10, 11]
    assert default_sections([], [], ["lighting"]) == []


def test_initials_for_booths_without_a_logo(qapp: Any) -> None:
    assert initials_of("Changsha Hengda Home Appliance Co., Ltd.") == "CH"
    assert initials_of("Rossi S.r.l.") == "RS"
    assert initials_of("ningbo haida") == "N"  # only capitalised words count
    assert initials_of("长沙恒达家电") == "长"
    assert initials_of("  ") == ""
    loader = ImageLoader()
    a = loader.initials(QSize(48, 48), "Changsha Hengda")
    assert a.size() == QSize(48, 48) and not a.isNull()
    assert loader.initials(QSize(48, 48), "Changsha Hengda") is a  # cached
    img = a.toImage()
    assert img.pixelColor(24, 4).alpha() == 255  # a filled tile, not a blank


def test_sections_dialog_follows_and_unfollows(ctx: Any, run: Any, qtbot: Any, qtmodeltester: Any) -> None:
    from offline_cache import syncstate
    from ui.sections import SectionsDialog

    dialog = SectionsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    run(dialog.load())
    model = dialog.picker.model
    qtmodeltester.check(model)
    headings = [model.item(r).text() for r in range(model.rowCount()) if not model.item(r).isCheckable()]
    assert headings == ["Electronics", "Home & Garden"]
    assert sorted(dialog.picker.checked()) == [10, 11, 20]  # what the store follows
    assert "3 sections selected" in dialog.picker.estimate.text()
    assert "108 products" in dialog.picker.estimate.text()
    dialog.picker.set_checked([10])
    assert "1 section selected: 36 products" in dialog.picker.estimate.text()
    applied: list[list[int]] = []
    dialog.applied.connect(applied.append)
    run(dialog.apply(dialog.picker.checked()))
    assert applied == [[10]]
    assert run(ctx.store.read(syncstate.followed_sections)) == [10]


def test_status_bar_shows_download_progress_and_pauses_it(ctx: Any, qtbot: Any) -> None:
    from app.events import Progress
    from ui.statusbar import StatusBar

    bar = StatusBar(ctx)
    qtbot.addWidget(bar)
    bar.show()
    ctx.progress.emit(Progress("section:10", 120, 400, 50_000, 240.0, 1.5))
    ctx.progress.emit(Progress("section:11", 1, 100, 50_000, 10.0, 75.0))
    assert bar.cancel_button.isVisible() and bar.progress_bar.isVisible()
    text = bar.progress_label.text()
    assert "Downloading: 121 items" in text and "250/s" in text and "1:15 left" in text
    assert bar.progress_bar.maximum() == 500 and bar.progress_bar.value() == 121
    with qtbot.waitSignal(bar.cancel_requested, timeout=1000):
        bar.cancel_button.click()
    assert not bar.cancel_button.isVisible() and not bar.progress_bar.isVisible()
    assert "resumes" in bar.currentMessage()
    from app.events import ConnState, StateChanged

    ctx.on_event(StateChanged(ConnState.OFFLINE, None, 0))  # what the stopped engine says
    assert "paused" in bar.state_label.text()
    ctx.on_event(StateChanged(ConnState.SYNCING, None, 0))  # resumed (Sync now)
    assert "Syncing" in bar.state_label.text()
    ctx.progress.emit(Progress("section:10", 1, 1, 10, 1.0, None))
    assert "Downloading: 1 item ·" in bar.progress_label.text()  # singular
