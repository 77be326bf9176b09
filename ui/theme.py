"""Look: Fusion with a light or dark palette that follows the system, and a small sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = QColor("#2b6cb0")


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    if dark:
        base, window, text = QColor("#1e1f22"), QColor("#2b2d31"), QColor("#e6e6e6")
        alt, button, mid = QColor("#26282c"), QColor("#34363b"), QColor("#55585e")
        highlight = QColor("#3b82c4")
    else:
        base, window, text = QColor("#ffffff"), QColor("#f4f5f7"), QColor("#1f2328")
        alt, button, mid = QColor("#f7f8fa"), QColor("#fbfbfc"), QColor("#c9ccd1")
        highlight = ACCENT
    role = QPalette.ColorRole
    p.setColor(role.Window, window)
    p.setColor(role.WindowText, text)
    p.setColor(role.Base, base)
    p.setColor(role.AlternateBase, alt)
    p.setColor(role.Text, text)
    p.setColor(role.Button, button)
    p.setColor(role.ButtonText, text)
    p.setColor(role.ToolTipBase, window)
    p.setColor(role.ToolTipText, text)
    p.setColor(role.PlaceholderText, QColor("#8b9099"))
    p.setColor(role.Mid, mid)
    p.setColor(role.Highlight, highlight)
    p.setColor(role.HighlightedText, QColor("#ffffff"))
    p.setColor(role.Link, QColor("#6cb2f5") if dark else ACCENT)
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor("#7a7f87"))
    return p


def stylesheet(dark: bool) -> str:
    border = "#3d4046" if dark else "#d7dae0"
    nav_bg = "#232428" if dark else "#eceef2"
    nav_sel = "#3b82c4" if dark else "#2b6cb0"
    muted = "#9aa0a8" if dark else "#5f6670"
    card = "#26282c" if dark else "#ffffff"
    notice_bg = "#1f3347" if dark else "#e8f1fb"
    notice_border = "#2e4a66" if dark else "#c6dcf2"
    notice_text = "#dbe9f7" if dark else "#1d3b5a"
    return f"""
QListView#navigation {{
    background: {nav_bg}; border: none; border-right: 1px solid {border};
    padding-top: 8px; font-size: 10.5pt;
}}
QListView#navigation::item {{ padding: 9px 14px; border-radius: 6px; margin: 1px 6px; }}
QListView#navigation::item:selected {{ background: {nav_sel}; color: white; }}
QLabel[role="title"] {{ font-size: 17pt; font-weight: 600; }}
QLabel[role="subtitle"] {{ color: {muted}; font-size: 10.5pt; }}
QLabel[role="muted"] {{ color: {muted}; }}
QLabel[role="section"] {{ font-size: 11.5pt; font-weight: 600; margin-top: 6px; }}
QLabel[role="badge"] {{
    color: white; background: #b7791f; border-radius: 4px; padding: 1px 6px; font-size: 8.5pt;
}}
QFrame[role="card"] {{ background: {card}; border: 1px solid {border}; border-radius: 8px; }}
QTableView, QTreeView, QListView {{ border: 1px solid {border}; border-radius: 4px; }}
QHeaderView::section {{ padding: 4px 6px; border: none; border-bottom: 1px solid {border}; }}
QStatusBar {{ border-top: 1px solid {border}; }}
QStatusBar QLabel {{ padding: 0 6px; }}
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox {{ padding: 3px 6px; }}
QPushButton {{ padding: 4px 12px; }}
QFrame#welcome-banner {{
    background: {notice_bg}; border: none; border-bottom: 1px solid {notice_border};
}}
QFrame#welcome-banner QLabel {{ color: {notice_text}; }}
QToolButton#welcome-dismiss {{ border: none; padding: 2px 6px; font-size: 12pt; }}
"""


def apply(app: QApplication) -> None:
    """Fusion + palette + sheet for the current system scheme (call again on change)."""
    dark = is_dark()
    app.setStyle("Fusion")
    app.setPalette(_palette(dark))
    app.setStyleSheet(stylesheet(dark))
    font = app.font()
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(9.5)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
