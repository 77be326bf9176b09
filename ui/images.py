"""Asynchronous images: disk cache first, then the server; decoded off the GUI thread.

``ImageLoader.pixmap(key)`` answers at once with the cached QPixmap or a placeholder and
starts a load in the background; ``image_ready(key)`` fires when it arrives, so models
repaint the one row that shows it. Low-data mode skips full images (and, in its strict
setting, every image) and keeps the placeholder.
"""

from __future__ import annotations

import asyncio
import logging
import zlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap

from ui.asyncutil import spawn

log = logging.getLogger("fairdesk.ui.images")

Fetcher = Callable[[str], Awaitable[bytes | None]]


def _versioned(key: str, version: object) -> str:
    # the entity's version keeps cached images apart: an exhibitor's new logo or product
    # images come with a new version, so a client never shows the old file for them
    return key if version is None else f"{key}&v={version}"


def product_key(product_id: int, n: int = 0, size: str = "thumb", version: object = None) -> str:
    return _versioned(f"product/{int(product_id)}/{int(n)}?size={size}", version)


def company_key(company_id: int, which: str = "logo", size: str = "thumb",
                version: object = None) -> str:
    return _versioned(f"company/{int(company_id)}/{which}?size={size}", version)


def key_parts(key: str) -> tuple[str, str, str, str]:
    """"product/7/0?size=thumb&v=3" -> ("product", "7", "0", "thumb")."""
    path, _, query = key.partition("?")
    kind, _, rest = path.partition("/")
    ident, _, which = rest.partition("/")
    return kind, ident, which, "full" if "size=full" in query else "thumb"


def _decode(data: bytes, max_side: int) -> QImage:
    """Runs in a worker thread: bytes -> scaled QImage (QImage is thread-safe)."""
    img = QImage.fromData(data)
    if img.isNull():
        raise ValueError("not a decodable image")
    if max_side and max(img.width(), img.height()) > max_side:
        img = img.scaled(
            max_side,
            max_side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return img


MEMORY_BYTES = 40 * 1024 * 1024  # decoded images kept (thumbnails are ~60-230 KB)
DRAWN_BYTES = 3 * 1024 * 1024  # placeholders and initials kept, each


def _pixmap_bytes(pix: QPixmap) -> int:
    return max(1, pix.width() * pix.height() * max(1, pix.depth()) // 8)


K = TypeVar("K")


class _PixmapLru(Generic[K]):
    """Pixmaps by key, least recently used dropped past ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.used = 0
        self._items: OrderedDict[K, QPixmap] = OrderedDict()

    def get(self, key: K) -> QPixmap | None:
        pix = self._items.get(key)
        if pix is not None:
            self._items.move_to_end(key)
        return pix

    def put(self, key: K, pix: QPixmap) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self.used -= _pixmap_bytes(old)
        self._items[key] = pix
        self.used += _pixmap_bytes(pix)
        while len(self._items) > 1 and self.used > self.max_bytes:
            _k, dropped = self._items.popitem(last=False)
            self.used -= _pixmap_bytes(dropped)

    def __len__(self) -> int:
        return len(self._items)


class ImageLoader(QObject):
    """Loads images by key ("product/7/0?size=thumb") into a memory LRU of pixmaps."""

    image_ready = Signal(str)

    # low-data modes
    FULL = "off"  # every image
    THUMBS = "thumbnails"  # thumbnails only
    NONE = "text"  # no images at all

    def __init__(
        self,
        blobs: Any = None,
        fetch: Fetcher | None = None,
        memory_items: int = 400,
        parent: QObject | None = None,
        memory_bytes: int = MEMORY_BYTES,
    ) -> None:
        super().__init__(parent)
        self.blobs = blobs
        self.fetch = fetch
        self.low_data = self.FULL
        # decoded images by key, least recently used first, within a count and a size
        self._memory: OrderedDict[str, QPixmap] = OrderedDict()
        self._memory_items = memory_items
        self._memory_bytes = memory_bytes
        self._memory_used = 0
        self._inflight: set[str] = set()
        self._failed: set[str] = set()
        # drawn placeholders and initials, also bounded (a Chinese catalog has thousands
        # of first characters; a 360 px placeholder is half a megabyte)
        self._placeholders: _PixmapLru[tuple[int, int, str]] = _PixmapLru(DRAWN_BYTES)
        self._initials: _PixmapLru[tuple[int, int, str]] = _PixmapLru(DRAWN_BYTES)
        self._sem = asyncio.Semaphore(6)

    def allowed(self, key: str) -> bool:
        if self.low_data == self.NONE:
            return False
        return not (self.low_data == self.THUMBS and "size=full" in key)

    def cached(self, key: str) -> QPixmap | None:
        pix = self._memory.get(key)
        if pix is not None:
            self._memory.move_to_end(key)
        return pix

    def pixmap(self, key: str, size: QSize, label: str = "") -> QPixmap:
        """The image if loaded, else a placeholder (and a load starts if allowed)."""
        pix = self.cached(key)
        if pix is not None:
            return pix
        self.request(key)
        return self.placeholder(size, label)

    def request(self, key: str) -> None:
        if key in self._inflight or key in self._failed or key in self._memory:
            return
        if not self.allowed(key):
            return
        self._inflight.add(key)
        try:
            spawn(self._load(key), "image-load")
        except RuntimeError:  # no event loop (shutting down)
            self._inflight.discard(key)

    async def load(self, key: str) -> QPixmap | None:
        """Load now and return the pixmap (None when unavailable)."""
        if key not in self._memory and key not in self._inflight and self.allowed(key):
            self._inflight.add(key)
            await self._load(key)
        return self.cached(key)

    async def _load(self, key: str) -> None:
        try:
            async with self._sem:
                data = await self._bytes(key)
                if data is None:
                    self._failed.add(key)
                    return
                max_side = 960 if "size=full" in key else 240
                try:
                    img = await asyncio.to_thread(_decode, data, max_side)
                except ValueError:
                    log.warning("image %s could not be decoded", key)
                    self._failed.add(key)
                    return
            self._remember(key, QPixmap.fromImage(img))
            self.image_ready.emit(key)
        finally:
            self._inflight.discard(key)

    async def _bytes(self, key: str) -> bytes | None:
        blobs = self.blobs
        if blobs is not None:
            try:
                data = await asyncio.to_thread(blobs.get, key)
            except Exception:
                log.exception("image cache read failed")
                data = None
            if data:
                return bytes(data)
        if self.fetch is None:
            return None
        try:
            data = await self.fetch(key)
        except Exception as exc:  # offline, 404...: keep the placeholder
            log.info("image %s not fetched: %s", key, exc)
            return None
        if data and blobs is not None:
            try:
                await asyncio.to_thread(blobs.put, key, data)
            except Exception:
                log.exception("image cache write failed")
        return data

    def _remember(self, key: str, pix: QPixmap) -> None:
        old = self._memory.pop(key, None)
        if old is not None:
            self._memory_used -= _pixmap_bytes(old)
        self._memory[key] = pix
        self._memory_used += _pixmap_bytes(pix)
        while len(self._memory) > 1 and (
            len(self._memory) > self._memory_items or self._memory_used > self._memory_bytes
        ):
            _key, dropped = self._memory.popitem(last=False)
            self._memory_used -= _pixmap_bytes(dropped)

    def forget_failures(self) -> None:
        """Try failed images again (after coming online or leaving low-data mode)."""
        self._failed.clear()

    def clear_memory(self) -> None:
        self._memory.clear()
        self._memory_used = 0
        self._failed.clear()

    def placeholder(self, size: QSize, label: str = "") -> QPixmap:
        w, h = max(size.width(), 8), max(size.height(), 8)
        initial = (label.strip()[:1] or "").upper()
        cache_key = (w, h, initial)
        pix = self._placeholders.get(cache_key)
        if pix is not None:
            return pix
        pix = QPixmap(w, h)
        pix.fill(QColor(0, 0, 0, 0))
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(128, 128, 128, 40))
        p.drawRoundedRect(QRectF(0, 0, w, h), 6, 6)
        if initial:
            font = QFont()
            font.setPixelSize(max(10, int(min(w, h) * 0.4)))
            font.setBold(True)
            p.setFont(font)
            p.setPen(QColor(128, 128, 128, 160))
            p.drawText(QRectF(0, 0, w, h), int(Qt.AlignmentFlag.AlignCenter), initial)
        p.end()
        self._placeholders.put(cache_key, pix)
        return pix

    def initials(self, size: QSize, name: str) -> QPixmap:
        """A company without a logo (or while it loads): its initials on a calm colour
        chosen from the name, so every booth row has a tidy, recognisable mark."""
        w, h = max(size.width(), 8), max(size.height(), 8)
        text = initials_of(name)
        cache_key = (w, h, name)
        pix = self._initials.get(cache_key)
        if pix is not None:
            return pix
        hue = zlib.crc32(name.encode("utf-8")) % 360
        pix = QPixmap(w, h)
        pix.fill(QColor(0, 0, 0, 0))
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor.fromHsl(hue, 90, 120))
        radius = min(w, h) * 0.18
        p.drawRoundedRect(QRectF(0, 0, w, h), radius, radius)
        if text:
            font = QFont()
            font.setPixelSize(max(8, int(min(w, h) * (0.42 if len(text) == 1 else 0.36))))
            font.setBold(True)
            p.setFont(font)
            p.setPen(QColor(255, 255, 255))
            p.drawText(QRectF(0, 0, w, h), int(Qt.AlignmentFlag.AlignCenter), text)
        p.end()
        self._initials.put(cache_key, pix)
        return pix


def initials_of(name: str) -> str:
    """"Changsha Hengda Home Appliance Co., Ltd." -> "CH"; "长沙恒达" -> "长"."""
    words = [w for w in name.replace("&", " ").replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return ""
    first = words[0][0]
    if not first.isascii():  # CJK: one character reads better than two
        return first
    second = next((w[0] for w in words[1:] if w[0].isalpha() and w[0].isascii() and w[0].isupper()), "")
    return (first + second).upper()
