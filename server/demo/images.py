"""Drawn images for the demo fair (Pillow only: no downloads, no Chinese text).

- :func:`render_product_image`: a tidy product-photo placeholder: a soft gradient in the
  category colour, a floor shadow and a simple vector drawing of the product kind (lamp,
  kettle, shoe, ...), in the product's colour; image ``n`` varies the view.
- :func:`render_company_image`: a logo (initials in a circle or rounded square) or a
  wide banner in the company's colour.

Everything is deterministic from the ids, so an image can be re-rendered at any time.
"""

from __future__ import annotations

import io
import json
from functools import lru_cache
from typing import Any, Literal

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from server.demo import drawings
from server.demo.catalog import CATEGORIES
from server.demo.drawings import RGB, Pen, mix, shade
from server.demo.model import COLOURS
from server.demo.names import CITIES
from server.demo.tree import rng_for

JPEG_QUALITY = 82
MIN_SIZE, MAX_SIZE = 16, 2048
_SEED = 7  # images do not depend on the fair's seed: only on the ids and data

_NEUTRALS: tuple[RGB, ...] = (
    (236, 236, 232), (58, 58, 60), (192, 196, 202), (200, 60, 50), (52, 100, 190),
    (60, 140, 90), (240, 190, 50), (120, 80, 160), (222, 206, 176), (84, 88, 94),
)
_BRAND_COLOURS: tuple[RGB, ...] = (
    (196, 40, 46), (28, 92, 170), (0, 128, 112), (232, 120, 20), (92, 60, 150),
    (30, 40, 60), (16, 120, 60), (180, 30, 110), (0, 110, 150), (150, 100, 20),
)


def _check_size(size: int) -> int:
    if not isinstance(size, int) or isinstance(size, bool) or not MIN_SIZE <= size <= MAX_SIZE:
        raise ValueError(f"image size must be an integer from {MIN_SIZE} to {MAX_SIZE}, not {size!r}")
    return size


@lru_cache(maxsize=1)
def _kind_tables() -> tuple[dict[int, list[tuple[str, str]]], dict[int, str], dict[int, RGB]]:
    """Section id -> [(type name, kind)] (longest first); section id -> default kind;
    category id -> colour."""
    types: dict[int, list[tuple[str, str]]] = {}
    default: dict[int, str] = {}
    colours: dict[int, RGB] = {}
    sid = 0
    for ci, cat in enumerate(CATEGORIES):
        colours[ci + 1] = cat.colour
        for sec in cat.sections:
            sid += 1
            default[sid] = sec.kind
            types[sid] = sorted(((t.name[0], t.kind) for t in sec.types), key=lambda x: -len(x[0]))
    return types, default, colours


def product_kind(product: dict[str, Any]) -> str:
    """The drawing kind of a product: from its type name within its section, else the
    section's kind, else a generic box."""
    types, default, _ = _kind_tables()
    sid = product.get("section_id")
    name = str(product.get("name_en") or "")
    if isinstance(sid, int):
        for tname, kind in types.get(sid, ()):
            if tname in name:
                return kind
        if sid in default:
            return default[sid]
    for table in types.values():
        for tname, kind in table:
            if tname and tname in name:
                return kind
    return "box"


def _product_colour(product: dict[str, Any]) -> RGB | None:
    specs = product.get("specs")
    if isinstance(specs, str | bytes):  # a stored JSON text
        try:
            specs = json.loads(specs)
        except ValueError:
            return None
    if isinstance(specs, list):
        for s in specs:
            if isinstance(s, dict) and s.get("name_en") == "Colour":
                en = str(s.get("value", "")).split(" / ")[0].strip()
                if en in COLOURS:
                    return COLOURS[en][1]
    return None


def _int(v: Any, default: int = 0) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return default


def _background(w: int, h: int, base: RGB, top_light: float, bottom_light: float) -> Image.Image:
    """A vertical gradient from a light tint of ``base`` to a slightly darker one (a copy)."""
    return _background_cached(w, h, base, round(top_light, 3), round(bottom_light, 3)).copy()


@lru_cache(maxsize=128)
def _background_cached(w: int, h: int, base: RGB, top_light: float, bottom_light: float) -> Image.Image:
    top = mix(base, (255, 255, 255), top_light)
    bottom = mix(base, (255, 255, 255), bottom_light)
    grad = Image.linear_gradient("L").resize((1, h), Image.Resampling.BILINEAR)
    bands = [grad.point([top[k] + (bottom[k] - top[k]) * i // 255 for i in range(256)]) for k in range(3)]
    return Image.merge("RGB", bands).resize((w, h), Image.Resampling.NEAREST)


def _shadow(img: Image.Image, box: tuple[float, float, float, float], strength: int) -> None:
    """A soft elliptic floor shadow (drawn small, blurred, scaled up) under ``box``."""
    w, h = img.size
    pad = (box[2] - box[0]) * 0.12
    rx0, ry0 = max(0, int(box[0] - pad)), max(0, int(box[1] - pad))
    rx1, ry1 = min(w, int(box[2] + pad) + 1), min(h, int(box[3] + pad) + 1)
    rw, rh = rx1 - rx0, ry1 - ry0
    if rw < 2 or rh < 2:
        return
    k = 8
    sw, sh = max(2, rw // k), max(2, rh // k)
    mask = Image.new("L", (sw, sh), 0)
    ImageDraw.Draw(mask).ellipse(
        ((box[0] - rx0) / k, (box[1] - ry0) / k, (box[2] - rx0) / k, (box[3] - ry0) / k), fill=strength)
    mask = mask.filter(ImageFilter.GaussianBlur(max(0.6, sh / 5))).resize((rw, rh), Image.Resampling.BILINEAR)
    img.paste((40, 40, 40), (rx0, ry0, rx1, ry1), mask)


def _jpeg(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False)
    return out.getvalue()


def render_product_image(product: dict[str, Any], n: int, size: int) -> bytes:
    """JPEG (``size`` x ``size``) of image ``n`` of ``product`` (a product wire dict)."""
    size = _check_size(size)
    pid = _int(product.get("id"))
    n = max(0, _int(n))
    rng = rng_for(_SEED, "product", pid, n)
    _, _, cat_colours = _kind_tables()
    base = cat_colours.get(_int(product.get("category_id")), (150, 160, 170))
    colour = _product_colour(product) or _NEUTRALS[rng_for(_SEED, "colour", pid).randrange(len(_NEUTRALS))]
    kind = product_kind(product)
    view = n % 4
    ss = 2 if size <= 1024 else 1  # supersampling: smooth edges
    s = size * ss
    img = _background(s, s, base, 0.86 - 0.04 * view, 0.66 - 0.05 * (view % 2))
    scale = (0.64, 0.8, 0.52, 0.62)[view]
    cx = 0.5 + (rng.random() - 0.5) * 0.06
    cy = 0.5 + (0.04 if view == 1 else 0.0)
    half = scale / 2
    box = ((cx - half) * s, (cy - half) * s, (cx + half) * s, (cy + half) * s)
    floor = box[3] - (box[3] - box[1]) * 0.02
    _shadow(img, (box[0] + (box[2] - box[0]) * 0.1, floor - s * 0.03,
                  box[2] - (box[2] - box[0]) * 0.1, floor + s * 0.03), 70)
    draw = ImageDraw.Draw(img)
    accent = mix(base, (30, 30, 30), 0.25)
    if view == 2:  # a second piece behind, in another colour
        other = _NEUTRALS[(rng.randrange(len(_NEUTRALS)))]
        off = (box[2] - box[0]) * 0.36
        back = (box[0] + off, box[1] - off * 0.55, box[2] + off, box[3] - off * 0.55)
        drawings.draw(kind, Pen(draw, back, ss), shade(other, 0.92), accent, rng_for(_SEED, "p2", pid))
        box = (box[0] - off * 0.5, box[1] + off * 0.25, box[2] - off * 0.5, box[3] + off * 0.25)
    drawings.draw(kind, Pen(draw, box, ss, flip=view == 3), colour, accent, rng)
    # colour swatches in a corner: a catalogue-photo touch
    r = s * 0.022
    y = s - r * 3
    for i, c in enumerate((colour, shade(colour, 0.7), mix(colour, (255, 255, 255), 0.5))[: 1 + view % 3]):
        x = r * 3 + i * r * 2.8
        draw.ellipse((x - r, y - r, x + r, y + r), fill=c, outline=(255, 255, 255), width=ss)
    if s != size:
        img = img.reduce(ss)
    return _jpeg(img)


# ---------------------------------------------------------------- company images

_CITY_NAMES = {c[0] for c in CITIES.values()}


def _initials(company: dict[str, Any]) -> str:
    words = [w for w in str(company.get("name_en") or "").replace(",", " ").split() if w[:1].isalpha()]
    skip = {"Co.", "Ltd.", "Group", "Industrial", "Import", "Export", "Manufacturing", "GmbH",
            "S.r.l.", "S.L.", "Ltda.", "Pvt.", "Sdn.", "Bhd.", "&", "Trade", "Industry"}
    core = [w for w in words if w not in skip]
    if len(core) >= 2 and core[0] in _CITY_NAMES:  # "Ningbo Hengda Electrical ..." -> "HE"
        core = core[1:]
    letters = "".join(w[0] for w in core[:2]).upper()
    return letters or "FD"


def _font(px: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=max(8, px))
    except (TypeError, OSError):  # Pillow without FreeType: the small bitmap font
        return ImageFont.load_default()


def _fit_text(d: ImageDraw.ImageDraw, at: tuple[float, float], width: float, h: int, text: str) -> None:
    """White text left-aligned at ``at``: one line, or two lines, shrunk to ``width``."""
    words = text.split()
    lines = [text]
    if len(words) > 2:
        best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(text) / 2))
        lines = [text, "\n".join((" ".join(words[:best]), " ".join(words[best:])))]
    px = int(h * 0.14)
    while True:
        font = _font(px)
        for candidate in lines:
            box = d.multiline_textbbox((0, 0), candidate, font=font)
            if box[2] - box[0] <= width or px <= 8:
                d.multiline_text(at, candidate, fill=(255, 255, 255), font=font, anchor="lm",
                                 spacing=px // 4)
                return
        px = int(px * 0.9)


def company_colour(company: dict[str, Any]) -> RGB:
    rng = rng_for(_SEED, "company-colour", _int(company.get("id")))
    return _BRAND_COLOURS[rng.randrange(len(_BRAND_COLOURS))]


def render_company_image(company: dict[str, Any], kind: Literal["logo", "banner"], size: int) -> bytes:
    """JPEG logo (``size`` x ``size``) or banner (``size`` x ``size // 3``) of a company."""
    size = _check_size(size)
    if kind not in ("logo", "banner"):
        raise ValueError(f"kind must be 'logo' or 'banner', not {kind!r}")
    cid = _int(company.get("id"))
    rng = rng_for(_SEED, "company", cid)
    colour = company_colour(company)
    text = _initials(company)
    ss = 2 if size <= 512 else 1
    if kind == "logo":
        s = size * ss
        img = Image.new("RGB", (s, s), (255, 255, 255))
        d = ImageDraw.Draw(img)
        m = s * 0.08
        if rng.random() < 0.5:
            d.ellipse((m, m, s - m, s - m), fill=colour)
            d.ellipse((m * 1.8, m * 1.8, s - m * 1.8, s - m * 1.8), outline=mix(colour, (255, 255, 255), 0.45),
                      width=max(1, int(s * 0.015)))
        else:
            d.rounded_rectangle((m, m, s - m, s - m), radius=s * 0.2, fill=colour)
        font = _font(int(s * (0.36 if len(text) > 1 else 0.46)))
        d.text((s / 2, s / 2), text, fill=(255, 255, 255), font=font, anchor="mm")
    else:
        w, h = size * ss, max(MIN_SIZE, size // 3) * ss
        img = _background(w, h, colour, 0.05, -0.25)
        d = ImageDraw.Draw(img)
        light = mix(colour, (255, 255, 255), 0.18)
        for i in range(5):  # soft diagonal bands
            x = w * (0.45 + 0.13 * i) + rng.random() * w * 0.05
            d.polygon([(x, 0), (x + w * 0.08, 0), (x - h * 0.6 + w * 0.08, h), (x - h * 0.6, h)], fill=light)
        r = h * 0.3
        d.ellipse((h * 0.2, h / 2 - r, h * 0.2 + 2 * r, h / 2 + r), fill=(255, 255, 255))
        d.text((h * 0.2 + r, h / 2), text, fill=colour, font=_font(int(r * 0.9)), anchor="mm")
        name = str(company.get("name_en") or "")
        if name and all(ord(c) < 0x2E80 for c in name):  # Latin only: no CJK glyphs
            x = h * 0.3 + 2 * r
            _fit_text(d, (x, h / 2), w - x - h * 0.15, h, name)
    if ss > 1:
        img = img.reduce(ss)
    return _jpeg(img)
