"""Translations: English source strings (plural forms from fairdesk_en.qm), Simplified
Chinese from resources/translations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("en", "zh_CN")

_installed: list[QTranslator] = []


def normalize(lang: str | None) -> str:
    """'zh', 'zh-CN', 'zh_CN.UTF-8' -> 'zh_CN'; anything else -> 'en'."""
    if lang and lang.replace("-", "_").lower().startswith("zh"):
        return "zh_CN"
    return "en"


def system_language() -> str:
    return normalize(QLocale.system().name())


def install(lang: str) -> bool:
    """Install the translator for ``lang`` (removing any previous one).

    Returns False when the translation file is missing (the UI then stays English).
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    for tr in _installed:
        QCoreApplication.removeTranslator(tr)
    _installed.clear()
    lang = normalize(lang)
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        # English plural forms ("1 booth", "2 booths") of the "%Ln booth(s)" sources
        tr = QTranslator(app)
        if tr.load("fairdesk_en", str(TRANSLATIONS_DIR)):
            QCoreApplication.installTranslator(tr)
            _installed.append(tr)
        return True
    tr = QTranslator(app)
    if not tr.load(f"fairdesk_{lang}", str(TRANSLATIONS_DIR)):
        return False
    QCoreApplication.installTranslator(tr)
    _installed.append(tr)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return True
