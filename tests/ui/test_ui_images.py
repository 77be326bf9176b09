"""ImageLoader over a real BlobCache: decoding off the GUI thread, bad bytes, low-data mode."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QImage

from offline_cache.blobs import BlobCache
from ui.images import ImageLoader, company_key, product_key


def jpeg_bytes(w: int = 300, h: int = 200) -> bytes:
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor("#2b6cb0"))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "JPEG")
    return bytes(data.data())


def test_cached_image_is_decoded_and_scaled(qapp: Any, run: Any, tmp_path: Path) -> None:
    blobs = BlobCache(tmp_path / "img", max_bytes=10_000_000)
    key = product_key(7, 0, "thumb")
    blobs.put(key, jpeg_bytes(600, 400))
    fetched: list[str] = []

    async def fetch(k: str) -> bytes | None:
        fetched.append(k)
        return None

    loader = ImageLoader(blobs=blobs, fetch=fetch)
    ready: list[str] = []
    loader.image_ready.connect(ready.append)
    pix = run(loader.load(key))
    assert pix is not None and max(pix.width(), pix.height()) == 240  # a thumbnail's size
    assert ready == [key] and fetched == []  # from the disk cache, no download
    assert loader.cached(key) is pix


def test_downloaded_image_is_kept_on_disk(qapp: Any, run: Any, tmp_path: Path) -> None:
    blobs = BlobCache(tmp_path / "img", max_bytes=10_000_000)
    data = jpeg_bytes()

    async def fetch(k: str) -> bytes | None:
        return data

    loader = ImageLoader(blobs=blobs, fetch=fetch)
    key = company_key(3, "logo", "thumb")
    assert run(loader.load(key)) is not None
    assert blobs.get(key) == data


def test_bad_bytes_and_failures_keep_the_placeholder(qapp: Any, run: Any, tmp_path: Path) -> None:
    blobs = BlobCache(tmp_path / "img", max_bytes=10_000_000)
    bad = product_key(1, 0, "thumb")
    blobs.put(bad, b"<html>not an image</html>")

    async def fetch(k: str) -> bytes | None:
        raise ConnectionError("offline")

    loader = ImageLoader(blobs=blobs, fetch=fetch)
    assert run(loader.load(bad)) is None
    assert run(loader.load(product_key(2, 0, "thumb"))) is None  # network error: no crash
    placeholder = loader.pixmap(bad, QSize(64, 64), "Lamp")
    assert placeholder.width() == 64 and not placeholder.isNull()


def test_low_data_modes(qapp: Any, run: Any, tmp_path: Path) -> None:
    calls: list[str] = []

    async def fetch(k: str) -> bytes | None:
        calls.append(k)
        return jpeg_bytes()

    loader = ImageLoader(blobs=None, fetch=fetch)
    loader.low_data = ImageLoader.NONE
    assert run(loader.load(product_key(1, 0, "thumb"))) is None
    loader.low_data = ImageLoader.THUMBS
    assert run(loader.load(product_key(1, 0, "full"))) is None
    assert run(loader.load(product_key(1, 0, "thumb"))) is not None
    assert calls == [product_key(1, 0, "thumb")]


def test_image_keys_carry_the_entity_version() -> None:
    """A new logo or new product images come with a new entity version: a new key, so
    the old cached file is never shown for them; fetching ignores the version."""
    from ui.context import parse_image_key
    from ui.images import company_key, key_parts, product_key

    assert product_key(7, 0, "thumb") == "product/7/0?size=thumb"
    assert product_key(7, 0, "thumb", 3) != product_key(7, 0, "thumb", 4)
    assert company_key(5, "logo", "full", 2) == "company/5/logo?size=full&v=2"
    assert key_parts(product_key(7, 1, "full", 9)) == ("product", "7", "1", "full")
    assert parse_image_key(company_key(5, "banner", "full", 2)) == ("company", 5, "banner", "full")
    assert parse_image_key(product_key(7, 2, "thumb", 9)) == ("product", 7, 2, "thumb")
