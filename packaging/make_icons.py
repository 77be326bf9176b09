"""Render resources/icons/fairdesk.svg to the PNG icons the bundles use.

Run once after changing the SVG (the PNGs are kept in the repository):

    uv run python packaging/make_icons.py

Writes resources/icons/fairdesk-{16,32,48,64,128,256,512}.png. PyInstaller turns the
256 px PNG into the Windows .ico and the 512 px PNG into the macOS .icns (via Pillow).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "fairdesk.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"make_icons: cannot read {SVG}", file=sys.stderr)
        return 1
    for size in SIZES:
        img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        painter = QPainter(img)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = SVG.with_name(f"fairdesk-{size}.png")
        if not img.save(str(out)):
            print(f"make_icons: cannot write {out}", file=sys.stderr)
            return 1
        print(out.relative_to(ROOT))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
