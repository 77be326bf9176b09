"""Every visible string is translated into Simplified Chinese.

1. The shipped .ts holds exactly what lupdate extracts from ui/ today, all translated,
   and the shipped .qm answers every one of them.
2. Walking every widget of every page and dialog in zh_CN finds no text that is still an
   English source string (product data and a few names are allowed).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QWidget,
)

from tests.ui.helpers import wait_until
from ui.i18n import TRANSLATIONS_DIR

TS = TRANSLATIONS_DIR / "fairdesk_zh_CN.ts"
QM = TRANSLATIONS_DIR / "fairdesk_zh_CN.qm"
REPO = Path(__file__).resolve().parents[2]
ALLOWED_SAME = {"FairDesk", "English", "简体中文", "–", "any"}


def ts_messages(path: Path) -> dict[tuple[str, str], str | None]:
    out: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            tr = m.find("translation")
            if tr is not None and tr.get("type") in ("obsolete", "vanished"):
                continue
            text = tr.text if tr is not None else None
            if tr is not None and m.get("numerus") == "yes":  # plural forms: all must be there
                forms = [f.text or "" for f in tr.findall("numerusform")]
                text = forms[0] if forms and all(f.strip() for f in forms) else None
            done = tr is not None and tr.get("type") is None and (text or "").strip()
            out[(name, m.findtext("source") or "")] = (text if done else None)
    return out


def lupdate_tool() -> list[str]:
    exe = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("pyside6-lupdate is not installed")
    return [exe]


def test_ts_matches_the_code_and_is_fully_translated(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [*lupdate_tool(), "-extensions", "py", "-no-obsolete", "-locations", "none", "ui", "-ts", str(fresh)],
        cwd=REPO, check=True, capture_output=True,
    )
    extracted = set(ts_messages(fresh))
    shipped = ts_messages(TS)
    missing = sorted(extracted - set(shipped))
    assert not missing, f"strings not in the .ts (run resources/translations/update.sh): {missing[:10]}"
    untranslated = sorted(k for k, v in shipped.items() if k in extracted and not v)
    assert not untranslated, f"untranslated: {untranslated[:10]}"


def test_qm_answers_every_source(qapp: Any) -> None:
    tr = QTranslator()
    assert tr.load(str(QM))
    wrong = []
    for (context, source), text in ts_messages(TS).items():
        n = 1 if "%Ln" in source or "%n" in source else -1
        got = tr.translate(context, source, None, n)
        if text and got != text:
            wrong.append((context, source))
    assert not wrong, f".qm is stale (run resources/translations/update.sh): {wrong[:5]}"


def test_english_plurals(qapp: Any) -> None:
    """"%Ln booth(s)" reads "1 booth" and "1,234 booths" in English, "%Ln 个展位" in Chinese."""
    from ui import i18n

    assert i18n.install("en")
    try:
        tr = QCoreApplication.translate
        assert tr("FairPage", "%Ln booth(s)", "", 1) == "1 booth"
        assert tr("FairPage", "%Ln booth(s)", "", 1234) == "1,234 booths"
        assert tr("SectionPicker", "%Ln section(s)", "", 2) == "2 sections"
        assert tr("ShortlistPage", "%Ln product(s)", "", 0) == "0 products"
        assert i18n.install("zh_CN")
        assert tr("FairPage", "%Ln booth(s)", "", 1) == "1 个展位"
    finally:
        i18n.install("en")
    # every plural string of the code has its English forms
    en = ts_messages(TRANSLATIONS_DIR / "fairdesk_en.ts")
    plural_sources = {k for k in ts_messages(TS) if "%Ln" in k[1] or "%n" in k[1]}
    assert plural_sources and plural_sources <= {k for k, v in en.items() if v}


def _visible_texts(root: QWidget) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QLabel):
            out.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
            out.append((name + ":tip", w.toolTip()))
        elif isinstance(w, QLineEdit):
            out.append((name, w.placeholderText()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QTabWidget):
            out.extend((name, w.tabText(i)) for i in range(w.count()))
        elif isinstance(w, QListWidget):
            out.extend((name, w.item(i).text()) for i in range(w.count()))
            out.extend((name + ":tip", w.item(i).toolTip()) for i in range(w.count()))
        elif isinstance(w, QComboBox):
            out.extend((name, w.itemText(i)) for i in range(min(w.count(), 3)))
        if w.isWindow():
            out.append((name + ":title", w.windowTitle()))
        out.append((name + ":accessible", w.accessibleName()))
        for act in w.actions():
            out.append(("action", act.text()))
            if act.menu() is not None:
                out.append(("menu", act.menu().title()))
                out.extend(("action", a.text()) for a in act.menu().actions())
    return out


def test_every_page_and_dialog_is_chinese(ctx: Any, qtbot: Any, run: Any, tmp_path: Path) -> None:
    from ui import i18n
    from ui.firstrun import FirstRunDialog
    from ui.mainwindow import MainWindow
    from ui.pages.shortlist import NoteDialog

    english = {source for (_c, source) in ts_messages(TS)}
    assert i18n.install("zh_CN")
    ctx.lang = "zh_CN"
    try:
        assert QCoreApplication.translate("MainWindow", "Search") == "搜索"
        window = MainWindow(ctx, state_file=tmp_path / "w.ini")
        qtbot.addWidget(window)
        window.show()
        roots: list[QWidget] = [window]

        async def visit() -> None:
            window.navigate("fair")
            fair = window.pages["fair"]
            await wait_until(lambda: fair.booth_model.rowCount() > 0)
            window.navigate("booth", 101)
            await wait_until(lambda: window.pages["booth"].company is not None)
            window.navigate("product", 1001)
            await wait_until(lambda: window.pages["product"].product is not None)
            window.navigate("search", "lamp")
            window.pages["search"].run_now()
            await window.pages["search"].model.wait_idle()
            window.navigate("shortlist")
            await window.pages["shortlist"].reload()
            dialog = window.open_settings()
            await dialog.measure()
            roots.append(dialog)

        run(visit())
        note = NoteDialog("x", "", [], window)
        qtbot.addWidget(note)
        first = FirstRunDialog(backend=None, lang="zh_CN")  # type: ignore[arg-type]
        qtbot.addWidget(first)
        roots.extend([note, first])
        bad = []
        for root in roots:
            for where, text in _visible_texts(root):
                plain = text.replace("&", "")
                if (text and text in english and text not in ALLOWED_SAME) or (plain and plain in english and plain not in ALLOWED_SAME):
                    bad.append((where, text))
        # model headers are visible too
        for model in (window.pages["search"].model, window.pages["fair"].booth_model, window.pages["shortlist"].model):
            for c in range(model.columnCount()):
                h = model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
                if h in english and h not in ALLOWED_SAME:
                    bad.append(("header", h))
        assert not bad, f"English text in the Chinese UI: {bad[:15]}"
    finally:
        i18n.install("en")
        ctx.lang = "en"
