"""Uploaded images (docs/protocol.md §10): card photos, company logos and banners,
product images.

An image is first uploaded as an attachment (``PUT /v1/attachments/{uuid}``, §7.6); a
mutation then names it (``card.update`` ``photo_attachment_id``, ``company.update``
``logo_attachment_id``/``banner_attachment_id``, ``product.upsert``
``image_attachment_ids``).  The mutation checks the attachment (it exists, the caller
uploaded it, it is a JPEG/PNG/WebP image), decodes it with Pillow (EXIF orientation
applied, decompression-bomb guard) and stores the re-encoded JPEGs (full 960 px and
thumb 240 px; banners 3:1) ONCE per source content and geometry, next to the
attachments.  The ``uploaded_images`` table (migration 6) maps (kind, owner, n) to the
source attachment; :mod:`server.images` serves the stored JPEGs.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import uuid
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from server.social_schema import attachments

uploads_metadata = sa.MetaData()

#: (kind, owner_id, n) -> the attachment whose image is shown there.
#: kind: ``card`` (owner = card id), ``logo``/``banner`` (owner = company id),
#: ``product`` (owner = product id, n = image index 0..7).
uploaded_images = sa.Table(
    "uploaded_images",
    uploads_metadata,
    sa.Column("kind", sa.Text, primary_key=True),
    sa.Column("owner_id", sa.Integer, primary_key=True),
    sa.Column("n", sa.Integer, primary_key=True),
    sa.Column("attachment_id", sa.Text, nullable=False),
    sa.Column("sha256", sa.Text, nullable=False),
    # logo/banner: the company's has_logo/has_banner before its first upload (the drawn
    # default that a removal returns to)
    sa.Column("drawn_default", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.Text, nullable=False),
)


def create(conn: Connection) -> None:
    """Migration 6: the ``uploaded_images`` table."""
    uploads_metadata.create_all(conn)


Kind = Literal["card", "logo", "banner", "product"]
Size = Literal["thumb", "full"]

#: kind -> (size -> (width, height)), and how the source is fitted: ``cover`` crops to
#: fill, ``contain`` keeps the whole picture on a white background (logos, products).
GEOMETRY: dict[str, dict[str, tuple[int, int]]] = {
    "card": {"thumb": (240, 240), "full": (960, 960)},
    "logo": {"thumb": (240, 240), "full": (960, 960)},
    "banner": {"thumb": (240, 80), "full": (960, 320)},
    "product": {"thumb": (240, 240), "full": (960, 960)},
}
FIT: dict[str, str] = {"card": "cover", "logo": "contain", "banner": "cover", "product": "contain"}
#: A source image may have at most this many pixels (and each side at most MAX_SIDE):
#: decoding is bounded in memory and time (a "decompression bomb" is refused).
MAX_PIXELS = 40_000_000
MAX_SIDE = 20_000
IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp")
JPEG_QUALITY = 85


class BadImage(Exception):
    """The named attachment cannot be used as an image: ``problem`` says why."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


# ------------------------------------------------------------------------- paths

def attachment_dir_for(conn: Connection) -> Path:
    """Where :mod:`server.attachments` stores uploads, derived from the database (the
    same rule as :func:`server.attachments.attachment_dir`)."""
    url = conn.engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        p = Path(url.database).expanduser().resolve()
        return p.parent / (p.stem + "-attachments")
    return Path("fairdesk-attachments")


def source_path(conn: Connection, sha256: str) -> Path:
    return attachment_dir_for(conn) / sha256[:2] / sha256


def rendered_path(conn: Connection, sha256: str, kind: str, size: str) -> Path:
    w, h = GEOMETRY[kind][size]
    return attachment_dir_for(conn) / "images" / sha256[:2] / f"{sha256}-{FIT[kind]}-{w}x{h}.jpg"


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".jpg")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# ---------------------------------------------------------------------- checking

@dataclass(frozen=True)
class Source:
    attachment_id: str
    sha256: str


def current_ids(conn: Connection, kind: str, owner_id: int | None) -> set[str]:
    """The attachment ids shown now by (kind, owner): naming them again is allowed to
    anyone who may edit the owner (a colleague keeps a product's images)."""
    if owner_id is None:
        return set()
    t = uploaded_images.c
    return {str(x) for x in conn.execute(
        sa.select(t.attachment_id).where(t.kind == kind, t.owner_id == owner_id)).scalars()}


def check_attachment(conn: Connection, user_id: int, attachment_id: Any,
                     keep: set[str] | frozenset[str] = frozenset()) -> Source:
    """The attachment ``attachment_id`` if the user uploaded it (or it is in ``keep``,
    the images the owner shows now) and it is an image; :class:`BadImage` otherwise (no
    such attachment, another user's, a PDF)."""
    if not isinstance(attachment_id, str):
        raise BadImage("must be an attachment id (a UUID)")
    try:
        aid = str(uuid.UUID(attachment_id))
    except ValueError:
        raise BadImage("must be an attachment id (a UUID)") from None
    if aid != attachment_id.lower():
        raise BadImage("must be a UUID in its canonical form")
    a = attachments.c
    row = conn.execute(
        sa.select(a.uploader_user_id, a.content_type, a.sha256).where(a.id == aid)
    ).first()
    if row is None or (row.uploader_user_id != user_id and aid not in keep):
        raise BadImage(f"there is no attachment {aid} uploaded by you (upload it first)")
    if row.content_type not in IMAGE_TYPES:
        raise BadImage(f"attachment {aid} is not an image (JPEG, PNG or WebP) but {row.content_type}")
    return Source(aid, str(row.sha256))


def _fit(img: Any, kind: str, box: tuple[int, int]) -> Any:
    from PIL import Image, ImageOps

    if FIT[kind] == "cover":
        return ImageOps.fit(img, box, Image.Resampling.LANCZOS)
    inner = ImageOps.contain(img, box, Image.Resampling.LANCZOS)
    canvas = Image.new("RGB", box, (255, 255, 255))
    canvas.paste(inner, ((box[0] - inner.width) // 2, (box[1] - inner.height) // 2))
    return canvas


def render(data: bytes, kind: str) -> dict[str, bytes]:
    """Decode ``data`` (JPEG/PNG/WebP) and re-encode it for ``kind``: {size: JPEG bytes}.
    :class:`BadImage` for damaged files and decompression bombs."""
    from PIL import Image, ImageOps

    full = GEOMETRY[kind]["full"]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as src:
                if src.format not in ("JPEG", "PNG", "WEBP"):
                    raise BadImage("is not a JPEG, PNG or WebP image")
                w, h = src.size
                if w < 1 or h < 1 or w > MAX_SIDE or h > MAX_SIDE or w * h > MAX_PIXELS:
                    raise BadImage(
                        f"the image is {w}×{h} pixels; at most {MAX_PIXELS // 1_000_000} megapixels "
                        f"and {MAX_SIDE} pixels a side are accepted"
                    )
                if src.format == "JPEG":
                    src.draft("RGB", full)  # decode at a reduced scale when that suffices
                src.load()
                img = ImageOps.exif_transpose(src) or src
                if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
                    rgba = img.convert("RGBA")
                    flat = Image.new("RGB", rgba.size, (255, 255, 255))
                    flat.paste(rgba, mask=rgba.getchannel("A"))
                    img = flat
                else:
                    img = img.convert("RGB")
                out: dict[str, bytes] = {}
                for size in ("full", "thumb"):
                    buf = io.BytesIO()
                    _fit(img, kind, GEOMETRY[kind][size]).save(
                        buf, "JPEG", quality=JPEG_QUALITY, optimize=True
                    )
                    out[size] = buf.getvalue()
                return out
    except BadImage:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise BadImage("the image has too many pixels (a decompression bomb?)") from None
    except Exception as e:  # Pillow raises many kinds for damaged files: never a 500
        raise BadImage(f"the image could not be decoded ({type(e).__name__}: it is damaged)") from None


def inspect(conn: Connection, src: Source) -> None:
    """A cheap check of the source image's header (format, pixel dimensions) without
    decoding it; :class:`BadImage` when it cannot be used."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source_path(conn, src.sha256)) as img:
                fmt, (w, h) = img.format, img.size
    except FileNotFoundError:
        raise BadImage(f"the file of attachment {src.attachment_id} is missing on the server") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise BadImage("the image has too many pixels (a decompression bomb?)") from None
    except Exception:  # damaged headers raise many kinds: never a 500
        raise BadImage("is not a readable JPEG, PNG or WebP image") from None
    if fmt not in ("JPEG", "PNG", "WEBP"):
        raise BadImage("is not a JPEG, PNG or WebP image")
    if w < 1 or h < 1 or w > MAX_SIDE or h > MAX_SIDE or w * h > MAX_PIXELS:
        raise BadImage(f"the image is {w}×{h} pixels; at most {MAX_PIXELS // 1_000_000} megapixels "
                       f"and {MAX_SIDE} pixels a side are accepted")


def prepare(conn: Connection, src: Source, kind: str) -> None:
    """Make sure the re-encoded JPEGs of ``src`` for ``kind`` are stored (once per
    content); :class:`BadImage` if the image cannot be used."""
    paths = {size: rendered_path(conn, src.sha256, kind, size) for size in ("full", "thumb")}
    if all(p.exists() for p in paths.values()):
        return
    try:
        data = source_path(conn, src.sha256).read_bytes()
    except FileNotFoundError:
        raise BadImage(f"the file of attachment {src.attachment_id} is missing on the server") from None
    out = render(data, kind)
    for size, p in paths.items():
        _write_atomic(p, out[size])


def rendered(conn: Connection, sha256: str, kind: str, size: str) -> bytes:
    """The stored JPEG (rendered again from the source if the file went missing)."""
    path = rendered_path(conn, sha256, kind, size)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    data = source_path(conn, sha256).read_bytes()  # FileNotFoundError: caller answers 404
    out = render(data, kind)
    _write_atomic(path, out[size])
    return out[size]


# ------------------------------------------------------------------- the table

def get(conn: Connection, kind: str, owner_id: int, n: int = 0) -> Any:
    t = uploaded_images.c
    return conn.execute(
        sa.select(t.attachment_id, t.sha256, t.drawn_default).where(
            t.kind == kind, t.owner_id == owner_id, t.n == n
        )
    ).first()


def count(conn: Connection, kind: str, owner_id: int) -> int:
    t = uploaded_images.c
    return int(conn.execute(
        sa.select(sa.func.count()).select_from(uploaded_images).where(t.kind == kind, t.owner_id == owner_id)
    ).scalar_one())


def has_any(conn: Connection, kind: str, owner_id: int) -> bool:
    t = uploaded_images.c
    return conn.execute(
        sa.select(t.n).where(t.kind == kind, t.owner_id == owner_id).limit(1)
    ).first() is not None


def set_one(conn: Connection, kind: str, owner_id: int, src: Source, now: str,
            drawn_default: bool = False, n: int = 0) -> None:
    """(kind, owner, n) now shows ``src``; keeps the recorded drawn default."""
    t = uploaded_images
    old = get(conn, kind, owner_id, n)
    if old is not None:
        conn.execute(sa.update(t).where(t.c.kind == kind, t.c.owner_id == owner_id, t.c.n == n)
                     .values(attachment_id=src.attachment_id, sha256=src.sha256, created_at=now))
    else:
        conn.execute(t.insert().values(kind=kind, owner_id=owner_id, n=n, attachment_id=src.attachment_id,
                                       sha256=src.sha256, drawn_default=drawn_default, created_at=now))


def remove(conn: Connection, kind: str, owner_id: int) -> None:
    t = uploaded_images.c
    conn.execute(sa.delete(uploaded_images).where(t.kind == kind, t.owner_id == owner_id))


def replace_all(conn: Connection, kind: str, owner_id: int, sources: list[Source], now: str) -> None:
    remove(conn, kind, owner_id)
    if sources:
        conn.execute(uploaded_images.insert(), [
            {"kind": kind, "owner_id": owner_id, "n": i, "attachment_id": s.attachment_id,
             "sha256": s.sha256, "drawn_default": False, "created_at": now}
            for i, s in enumerate(sources)
        ])
