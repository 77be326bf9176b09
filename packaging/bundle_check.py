"""``FairDesk --bundle-check``: does the frozen bundle hold what FairDesk loads lazily?

PyInstaller finds imports by reading the code; what is found at run time (keyring's
backends through package metadata, uvicorn's protocol modules, Qt plugins, the
translation files, the version from the package metadata) can go missing without a
build error. This check touches each of them and prints one JSON object; the exit code
is 0 when every check passed, 1 otherwise. It also works unfrozen
(``uv run python packaging/bundle_check.py``), which is how its checks are kept honest.
"""

from __future__ import annotations

import importlib
import io
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _resources() -> Path:
    import ui

    return Path(ui.__file__).resolve().parent.parent / "resources"


def check_version() -> str:
    from importlib import metadata

    return metadata.version("fairdesk")


def check_keyring() -> dict[str, Any]:
    from importlib import metadata

    import keyring
    import keyring.backend

    names = sorted(ep.name for ep in metadata.entry_points(group="keyring.backends"))
    if not names:
        raise RuntimeError("keyring's backends are not registered (package metadata missing)")
    wanted = {"linux": ["SecretService", "kwallet"], "win32": ["Windows"], "darwin": ["macOS"]}
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    for mod in wanted.get(platform, []):
        importlib.import_module(f"keyring.backends.{mod}")
    viable = sorted(
        type(k).__module__ + "." + type(k).__name__ for k in keyring.backend.get_all_keyring()
    )
    return {
        "registered": names,
        "viable": viable,
        "selected": type(keyring.get_keyring()).__module__,
    }


def check_server_stack() -> list[str]:
    mods = [
        "server.api",
        "server.embedded",
        "server.demo.generator",
        "app.embedded",
        "uvicorn.loops.auto",
        "uvicorn.loops.asyncio",
        "uvicorn.protocols.http.auto",
        "uvicorn.protocols.http.h11_impl",
        "uvicorn.protocols.websockets.auto",
        "uvicorn.lifespan.on",
        "sqlalchemy.dialects.sqlite.pysqlite",
    ]
    for mod in mods:
        importlib.import_module(mod)
    return mods


def check_native() -> dict[str, Any]:
    import sqlite3

    import argon2
    import orjson
    import zstandard
    from PIL import Image, ImageFont

    ph = argon2.PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    if not ph.verify(ph.hash("fairdesk"), "fairdesk"):
        raise RuntimeError("argon2 failed")
    raw = orjson.dumps({"fair": "FairDesk", "展会": 1})
    if zstandard.ZstdDecompressor().decompress(zstandard.ZstdCompressor().compress(raw)) != raw:
        raise RuntimeError("zstandard round trip failed")
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    con.close()
    ImageFont.load_default(size=12)
    Image.new("RGB", (4, 4)).save(io.BytesIO(), "JPEG")
    return {"sqlite": sqlite3.sqlite_version, "zstd": zstandard.ZSTD_VERSION}


def check_qt() -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QIcon, QImage, QImageReader
    from PySide6.QtWidgets import QApplication, QStyleFactory

    app = QApplication.instance() or QApplication([sys.argv[0]])
    formats = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
    for fmt in ("jpeg", "png", "svg"):
        if fmt not in formats:
            raise RuntimeError(f"Qt cannot read {fmt} images (image format plugin missing)")
    res = _resources()
    icon = QIcon(str(res / "icons" / "fairdesk.svg"))
    if icon.pixmap(64, 64).isNull():
        raise RuntimeError("the SVG window icon does not render (svg icon engine missing)")
    tr = QTranslator()
    if not tr.load("fairdesk_zh_CN", str(res / "translations")):
        raise RuntimeError("the Chinese translation does not load")
    # ICU data (trimmed in the bundle): Chinese collation sorts by pinyin (li < zhang)
    from PySide6.QtCore import QCollator, QLocale

    if QCollator(QLocale("zh_CN")).compare("李", "张") >= 0:
        raise RuntimeError("Chinese collation data missing (ICU)")
    if QLocale("en_US").toUpper("straße") != "STRASSE":
        raise RuntimeError("ICU case mapping failed")
    from PySide6.QtCore import QByteArray, QTimeZone

    tz = QTimeZone(QByteArray(b"Asia/Shanghai"))
    zh_name = tz.displayName(
        QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("zh_CN")
    )
    if "中国" not in zh_name:
        raise RuntimeError(f"Chinese time-zone names missing (ICU): {zh_name!r}")
    if "Fusion" not in list(QStyleFactory.keys()):
        raise RuntimeError("the Fusion style is missing")
    # a JPEG as the demo server sends it decodes through Qt's plugin
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (43, 108, 176)).save(buf, "JPEG")
    if QImage.fromData(buf.getvalue()).isNull():
        raise RuntimeError("Qt cannot decode a JPEG")
    del app
    return {
        "image_formats": formats,
        "platform": os.environ["QT_QPA_PLATFORM"],
        "zone_name_zh": zh_name,
    }


def check_contract() -> dict[str, Any]:
    """reportlab (lazily imported font data, the CJK CID font) renders a contract whose
    pages the offline verifier reads back."""
    from app.contract import _page_text, render_contract

    terms = {"items": [{"product_id": None, "description": "LED 台灯 desk lamp", "spec_notes": "",
                        "quantity": "100", "unit": "piece", "unit_price": "9.5",
                        "currency": "USD", "amount": "950.00"}],
             "incoterm": "FOB", "incoterm_place": "宁波 Ningbo", "delivery_date": "2027-03-01",
             "payment_terms": "30% deposit", "valid_until": "2027-01-15T12:00:00Z",
             "notes": "", "totals": {"USD": "950.00"}}
    deal = {"id": "00000000-0000-4000-8000-000000000000", "buyer_name": "Bundle Check",
            "company_name": "检查 Check Ltd", "state": "offered", "version": 2,
            "offer_by": "buyer", "terms": terms, "terms_hash": "0" * 64, "signatures": [],
            "event_count": 0, "head_hash": "0" * 64}
    pdf = render_contract(deal, [], "zh_CN")
    text = b"".join(_page_text(pdf))
    if not pdf.startswith(b"%PDF-") or not text:
        raise RuntimeError("the contract PDF has no readable page text")
    return {"bytes": len(pdf), "page_text_bytes": len(text)}


CHECKS: dict[str, Callable[[], Any]] = {
    "version": check_version,
    "keyring": check_keyring,
    "server_stack": check_server_stack,
    "native": check_native,
    "qt": check_qt,
    "contract": check_contract,
}


def main() -> int:
    report: dict[str, Any] = {"frozen": bool(getattr(sys, "frozen", False))}
    failed: list[str] = []
    for name, fn in CHECKS.items():
        try:
            report[name] = fn()
        except Exception as exc:
            failed.append(name)
            report[name] = {"error": f"{type(exc).__name__}: {exc}"}
    report["ok"] = not failed
    print(json.dumps(report, ensure_ascii=False), flush=True)
    if failed:
        print(f"bundle check failed: {', '.join(failed)}", file=sys.stderr, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
