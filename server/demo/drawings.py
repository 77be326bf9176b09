"""Simple flat vector drawings of product kinds, in a unit box mapped onto the image.

``draw(kind, pen, colour, accent, rng)`` draws one product; unknown kinds draw a box.
Coordinates are fractions of the product box (0..1, y downwards)."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence

from PIL import ImageDraw

RGB = tuple[int, int, int]
Pt = tuple[float, float]


def _c(v: float) -> int:
    return 0 if v < 0 else 255 if v > 255 else int(v)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    return (_c(a[0] + (b[0] - a[0]) * t), _c(a[1] + (b[1] - a[1]) * t), _c(a[2] + (b[2] - a[2]) * t))


def shade(c: RGB, f: float) -> RGB:
    """``f`` < 1 darker, > 1 lighter (towards white)."""
    if f <= 1:
        return (_c(c[0] * f), _c(c[1] * f), _c(c[2] * f))
    return mix(c, (255, 255, 255), f - 1)


def dark(c: RGB) -> RGB:
    return shade(c, 0.72)


def light(c: RGB) -> RGB:
    return shade(c, 1.35)


def outline_of(c: RGB) -> RGB:
    return shade(c, 0.6) if sum(c) > 200 else shade(c, 1.5)


class Pen:
    """Draws in unit coordinates inside ``box`` (pixels) on an ImageDraw."""

    def __init__(self, draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], ss: int = 1,
                 flip: bool = False) -> None:
        self.d = draw
        self.x0, self.y0, x1, y1 = box
        self.w = x1 - self.x0
        self.h = y1 - self.y0
        self.ss = ss
        self.flip = flip  # mirror left-right

    def p(self, x: float, y: float) -> Pt:
        return (self.x0 + (1.0 - x if self.flip else x) * self.w, self.y0 + y * self.h)

    def _angles(self, start: float, end: float) -> tuple[float, float]:
        return (180 - end, 180 - start) if self.flip else (start, end)

    def px(self, v: float) -> int:
        return max(1, int(v * self.w))

    def _box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        a, b = self.p(x0, y0)
        c, d = self.p(x1, y1)
        return (min(a, c), min(b, d), max(a, c), max(b, d))

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: RGB | None, r: float = 0.0,
             outline: RGB | None = None, width: float = 0.006) -> None:
        box = self._box(x0, y0, x1, y1)
        w = self.px(width) if outline is not None else 0
        if r > 0:
            rr = min(r * self.w, (box[2] - box[0]) / 2, (box[3] - box[1]) / 2)
            self.d.rounded_rectangle(box, radius=rr, fill=fill, outline=outline, width=w)
        else:
            self.d.rectangle(box, fill=fill, outline=outline, width=w)

    def ell(self, x0: float, y0: float, x1: float, y1: float, fill: RGB | None,
            outline: RGB | None = None, width: float = 0.006) -> None:
        self.d.ellipse(self._box(x0, y0, x1, y1), fill=fill, outline=outline,
                       width=self.px(width) if outline is not None else 0)

    def circle(self, cx: float, cy: float, r: float, fill: RGB | None,
               outline: RGB | None = None, width: float = 0.006) -> None:
        self.ell(cx - r, cy - r, cx + r, cy + r, fill, outline, width)

    def poly(self, pts: Sequence[Pt], fill: RGB | None, outline: RGB | None = None) -> None:
        self.d.polygon([self.p(x, y) for x, y in pts], fill=fill, outline=outline)

    def line(self, pts: Sequence[Pt], fill: RGB, width: float = 0.02, round_ends: bool = True) -> None:
        w = self.px(width)
        xy = [self.p(x, y) for x, y in pts]
        self.d.line(xy, fill=fill, width=w, joint="curve")
        if round_ends:
            for x, y in (xy[0], xy[-1]):
                self.d.ellipse((x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=fill)

    def arc(self, x0: float, y0: float, x1: float, y1: float, start: float, end: float,
            fill: RGB, width: float = 0.02) -> None:
        start, end = self._angles(start, end)
        self.d.arc(self._box(x0, y0, x1, y1), start, end, fill=fill, width=self.px(width))

    def pie(self, x0: float, y0: float, x1: float, y1: float, start: float, end: float, fill: RGB) -> None:
        start, end = self._angles(start, end)
        self.d.pieslice(self._box(x0, y0, x1, y1), start, end, fill=fill)


Drawer = Callable[[Pen, RGB, RGB, random.Random], None]
KINDS: dict[str, Drawer] = {}


def kind(*names: str) -> Callable[[Drawer], Drawer]:
    def reg(fn: Drawer) -> Drawer:
        for n in names:
            KINDS[n] = fn
        return fn
    return reg


def draw(name: str, pen: Pen, colour: RGB, accent: RGB, rng: random.Random) -> None:
    KINDS.get(name, KINDS["box"])(pen, colour, accent, rng)


def star_points(cx: float, cy: float, r1: float, r2: float, n: int = 5, rot: float = -90) -> list[Pt]:
    pts: list[Pt] = []
    for i in range(2 * n):
        r = r1 if i % 2 == 0 else r2
        a = math.radians(rot + i * 180 / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


# ---------------------------------------------------------------- appliances, electronics

@kind("box", "appliance")
def _box(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.12, 0.18, 0.88, 0.92, dark(c), r=0.08)
    p.rect(0.12, 0.14, 0.88, 0.86, c, r=0.08, outline=outline_of(c))
    p.rect(0.22, 0.26, 0.78, 0.6, shade(c, 0.85), r=0.05)
    p.rect(0.26, 0.3, 0.5, 0.42, (40, 48, 60), r=0.02)
    p.rect(0.3, 0.33, 0.46, 0.39, (120, 220, 255))
    for i in range(3):
        p.circle(0.3 + i * 0.2, 0.72, 0.045, a, outline=outline_of(c))
    p.rect(0.2, 0.9, 0.3, 0.95, (50, 50, 50), r=0.02)
    p.rect(0.7, 0.9, 0.8, 0.95, (50, 50, 50), r=0.02)


@kind("kettle")
def _kettle(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.14, 0.84, 0.8, 0.95, (50, 52, 56), r=0.04)
    p.poly([(0.2, 0.86), (0.26, 0.24), (0.66, 0.24), (0.74, 0.86)], c, outline_of(c))
    p.poly([(0.26, 0.3), (0.08, 0.2), (0.1, 0.16), (0.28, 0.26)], c, outline_of(c))
    p.arc(0.56, 0.26, 0.94, 0.74, 270, 90, dark(c), 0.07)
    p.rect(0.28, 0.16, 0.64, 0.26, dark(c), r=0.04)
    p.rect(0.42, 0.1, 0.52, 0.17, (40, 40, 40), r=0.02)
    p.poly([(0.3, 0.34), (0.36, 0.34), (0.32, 0.8), (0.26, 0.8)], light(c))
    p.rect(0.58, 0.4, 0.63, 0.72, (150, 210, 240), r=0.02)


@kind("pot")
def _pot(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.1, 0.3, 0.9, 0.9, c, r=0.16, outline=outline_of(c))
    p.ell(0.12, 0.2, 0.88, 0.42, dark(c))
    p.ell(0.14, 0.18, 0.86, 0.38, shade(c, 1.15), outline=outline_of(c))
    p.rect(0.42, 0.14, 0.58, 0.22, (50, 50, 50), r=0.03)
    p.rect(0.02, 0.42, 0.12, 0.5, dark(c), r=0.02)
    p.rect(0.88, 0.42, 0.98, 0.5, dark(c), r=0.02)
    p.rect(0.34, 0.56, 0.66, 0.74, (40, 44, 52), r=0.04)
    p.rect(0.38, 0.6, 0.5, 0.66, (255, 140, 60))
    p.circle(0.58, 0.65, 0.025, (120, 220, 120))
    p.rect(0.18, 0.46, 0.24, 0.8, light(c), r=0.02)


@kind("bottle")
def _bottle(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.34, 0.04, 0.66, 0.16, dark(c), r=0.03)
    p.rect(0.38, 0.14, 0.62, 0.24, shade(c, 0.9))
    p.rect(0.26, 0.22, 0.74, 0.96, c, r=0.1, outline=outline_of(c))
    p.rect(0.26, 0.48, 0.74, 0.72, a)
    p.rect(0.32, 0.3, 0.38, 0.9, light(c), r=0.02)


@kind("fan")
def _fan(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.47, 0.5, 0.53, 0.9, dark(c))
    p.ell(0.26, 0.86, 0.74, 0.97, dark(c))
    p.circle(0.5, 0.34, 0.3, (250, 250, 250), outline=outline_of(c), width=0.02)
    for i in range(3):
        ang = math.radians(i * 120 + rng.random() * 40)
        pts = [(0.5, 0.34)]
        for t in (-0.45, -0.2, 0.0, 0.2, 0.45):
            pts.append((0.5 + 0.26 * math.cos(ang + t), 0.34 + 0.26 * math.sin(ang + t)))
        p.poly(pts, shade(c, 0.95 + 0.08 * i))
    for r in (0.1, 0.2):
        p.circle(0.5, 0.34, r, None, outline=outline_of(c), width=0.004)
    p.circle(0.5, 0.34, 0.05, a)


@kind("phone")
def _phone(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.3, 0.06, 0.72, 0.96, dark(c), r=0.07)
    p.rect(0.28, 0.04, 0.7, 0.94, c, r=0.07, outline=outline_of(c))
    p.rect(0.32, 0.1, 0.66, 0.86, (30, 36, 48), r=0.03)
    p.poly([(0.32, 0.5), (0.66, 0.2), (0.66, 0.5), (0.32, 0.86)], (44, 80, 130))
    p.circle(0.49, 0.9, 0.02, shade(c, 0.8))
    p.rect(0.44, 0.065, 0.54, 0.08, (20, 20, 20), r=0.01)


@kind("headphones")
def _headphones(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.arc(0.16, 0.08, 0.84, 0.8, 180, 360, dark(c), 0.07)
    for x in (0.1, 0.68):
        p.rect(x, 0.42, x + 0.22, 0.8, c, r=0.08, outline=outline_of(c))
        p.rect(x + 0.04, 0.48, x + 0.18, 0.74, dark(c), r=0.05)
    p.rect(0.36, 0.84, 0.64, 0.96, light(c), r=0.05)


@kind("speaker")
def _speaker(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.12, 0.2, 0.88, 0.9, c, r=0.14, outline=outline_of(c))
    p.circle(0.5, 0.55, 0.26, dark(c))
    p.circle(0.5, 0.55, 0.2, (40, 40, 44))
    p.circle(0.5, 0.55, 0.08, shade(c, 0.6))
    p.rect(0.12, 0.12, 0.88, 0.22, dark(c), r=0.05)
    for i in range(3):
        p.circle(0.36 + i * 0.14, 0.17, 0.02, a)


@kind("battery")
def _battery(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.2, 0.14, 0.8, 0.92, c, r=0.08, outline=outline_of(c))
    p.rect(0.4, 0.08, 0.6, 0.15, dark(c), r=0.02)
    for i in range(4):
        p.rect(0.3, 0.72 - i * 0.14, 0.7, 0.82 - i * 0.14, (90, 200, 110) if i < 3 else shade(c, 0.85), r=0.02)
    p.poly([(0.52, 0.26), (0.4, 0.44), (0.5, 0.44), (0.46, 0.58), (0.6, 0.38), (0.5, 0.38)], (255, 255, 255))


@kind("plug")
def _plug(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.line([(0.5, 0.96), (0.5, 0.8), (0.7, 0.7)], (60, 60, 60), 0.04)
    p.rect(0.28, 0.3, 0.72, 0.76, c, r=0.08, outline=outline_of(c))
    p.rect(0.36, 0.12, 0.42, 0.32, (190, 190, 195), r=0.01)
    p.rect(0.58, 0.12, 0.64, 0.32, (190, 190, 195), r=0.01)
    p.circle(0.5, 0.56, 0.05, a)


@kind("cable")
def _cable(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    for i in range(4):
        r = 0.3 - i * 0.035
        p.arc(0.5 - r, 0.5 - r, 0.5 + r, 0.5 + r, 0, 360, shade(c, 0.8 + 0.1 * i), 0.03)
    p.line([(0.5, 0.2), (0.8, 0.08)], shade(c, 0.9), 0.03)
    p.rect(0.76, 0.02, 0.94, 0.12, (200, 200, 205), r=0.02)
    p.line([(0.5, 0.8), (0.2, 0.92)], shade(c, 0.9), 0.03)
    p.rect(0.06, 0.88, 0.24, 0.98, (200, 200, 205), r=0.02)


# the other drawing modules register their kinds on import
from server.demo import drawings_b, drawings_c, drawings_d  # noqa: E402, F401
