"""More product drawings (registered into :data:`server.demo.drawings.KINDS`)."""

from __future__ import annotations

import math
import random

from server.demo.drawings import RGB, Pen, dark, kind, light, mix, outline_of, shade

GLOW = (255, 236, 170)
METAL = (180, 184, 190)


@kind("lamp")
def _lamp(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    if rng.random() < 0.5:  # pendant
        p.line([(0.5, 0.0), (0.5, 0.3)], (60, 60, 60), 0.012)
        p.ell(0.34, 0.62, 0.66, 0.82, GLOW)
        p.poly([(0.38, 0.3), (0.62, 0.3), (0.86, 0.7), (0.14, 0.7)], c, outline_of(c))
        p.ell(0.14, 0.64, 0.86, 0.76, dark(c))
        p.ell(0.36, 0.66, 0.64, 0.74, GLOW)
    else:  # ceiling lamp
        p.ell(0.04, 0.3, 0.96, 0.78, GLOW)
        p.rect(0.08, 0.32, 0.92, 0.5, c, r=0.06, outline=outline_of(c))
        p.ell(0.1, 0.4, 0.9, 0.68, (255, 252, 240), outline=outline_of(c))
        p.ell(0.3, 0.48, 0.7, 0.6, (255, 255, 255))


@kind("bulb")
def _bulb(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.circle(0.5, 0.38, 0.36, mix(GLOW, (255, 255, 255), 0.4))
    p.circle(0.5, 0.36, 0.28, (255, 250, 225), outline=(230, 210, 150), width=0.01)
    p.poly([(0.34, 0.56), (0.66, 0.56), (0.6, 0.72), (0.4, 0.72)], (255, 250, 225))
    for i in range(4):
        p.rect(0.38, 0.72 + i * 0.05, 0.62, 0.76 + i * 0.05, METAL if i % 2 == 0 else shade(METAL, 0.8), r=0.01)
    p.poly([(0.44, 0.92), (0.56, 0.92), (0.52, 0.97), (0.48, 0.97)], (70, 70, 70))
    p.arc(0.42, 0.3, 0.58, 0.46, 200, 340, (240, 180, 60), 0.012)


@kind("desklamp")
def _desklamp(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.ell(0.2, 0.86, 0.62, 0.96, dark(c))
    p.ell(0.2, 0.84, 0.62, 0.93, c)
    p.line([(0.4, 0.88), (0.3, 0.46), (0.56, 0.2)], dark(c), 0.03)
    p.circle(0.3, 0.46, 0.03, a)
    p.poly([(0.5, 0.1), (0.64, 0.06), (0.9, 0.4), (0.66, 0.5)], c, outline_of(c))
    p.ell(0.62, 0.38, 0.92, 0.52, GLOW)


@kind("strip")
def _strip(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    pts = [(0.05 + i * 0.045, 0.5 + 0.25 * math.sin(i * 0.55)) for i in range(21)]
    glow = mix(c, GLOW, 0.5)
    p.line(pts, mix(glow, (255, 255, 255), 0.5), 0.12)
    p.line(pts, (245, 245, 245), 0.06)
    for x, y in pts[1:-1:2]:
        p.circle(x, y, 0.018, glow)
    p.rect(0.0, 0.44, 0.08, 0.56, (60, 60, 60), r=0.01)


@kind("streetlight")
def _streetlight(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.3, 0.9, 0.5, 0.98, dark(c))
    p.rect(0.37, 0.12, 0.43, 0.92, c)
    p.line([(0.4, 0.14), (0.55, 0.1), (0.7, 0.12)], c, 0.03)
    p.ell(0.4, 0.2, 1.0, 0.44, mix(GLOW, (255, 255, 255), 0.5))
    p.rect(0.58, 0.08, 0.96, 0.18, dark(c), r=0.04)
    p.rect(0.62, 0.17, 0.92, 0.2, GLOW, r=0.01)


@kind("panel")
def _panel(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.poly([(0.12, 0.3), (0.88, 0.3), (0.98, 0.74), (0.02, 0.74)], dark(c))
    p.poly([(0.12, 0.26), (0.88, 0.26), (0.98, 0.7), (0.02, 0.7)], c, outline_of(c))
    p.poly([(0.18, 0.31), (0.82, 0.31), (0.9, 0.65), (0.1, 0.65)], (252, 250, 240))
    p.poly([(0.3, 0.36), (0.5, 0.36), (0.4, 0.6), (0.2, 0.6)], (255, 255, 255))


@kind("solar")
def _solar(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.line([(0.5, 0.7), (0.5, 0.96)], (120, 120, 125), 0.04)
    p.poly([(0.16, 0.18), (0.84, 0.18), (0.98, 0.74), (0.02, 0.74)], (200, 204, 210))
    p.poly([(0.18, 0.2), (0.82, 0.2), (0.95, 0.72), (0.05, 0.72)], (28, 52, 110))
    for i in range(1, 6):
        t = i / 6
        p.line([(0.18 + 0.64 * t, 0.2), (0.05 + 0.9 * t, 0.72)], (150, 170, 210), 0.005, False)
    for j in range(1, 4):
        t = j / 4
        p.line([(0.18 - 0.13 * t, 0.2 + 0.52 * t), (0.82 + 0.13 * t, 0.2 + 0.52 * t)], (150, 170, 210), 0.005, False)


@kind("camera")
def _camera(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.44, 0.1, 0.56, 0.34, dark(c))
    p.rect(0.3, 0.04, 0.7, 0.12, dark(c), r=0.03)
    p.circle(0.5, 0.58, 0.34, c, outline=outline_of(c))
    p.circle(0.5, 0.6, 0.2, (30, 32, 40))
    p.circle(0.5, 0.6, 0.11, (50, 80, 140))
    p.circle(0.46, 0.56, 0.035, (200, 220, 255))
    for i in range(4):
        ang = math.radians(200 + i * 45)
        p.circle(0.5 + 0.27 * math.cos(ang), 0.6 + 0.27 * math.sin(ang), 0.02, (160, 20, 20))


@kind("clock", "watch")
def _clock(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.36, 0.0, 0.64, 1.0, dark(c), r=0.06)
    p.rect(0.22, 0.24, 0.78, 0.76, c, r=0.12, outline=outline_of(c))
    p.rect(0.27, 0.29, 0.73, 0.71, (24, 26, 32), r=0.09)
    p.line([(0.5, 0.5), (0.5, 0.36)], (255, 255, 255), 0.02)
    p.line([(0.5, 0.5), (0.62, 0.56)], a, 0.02)
    p.arc(0.32, 0.34, 0.68, 0.66, 200, 320, (90, 200, 120), 0.015)


@kind("lock")
def _lock(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.arc(0.26, 0.06, 0.74, 0.6, 180, 360, METAL, 0.08)
    p.rect(0.26, 0.32, 0.34, 0.46, METAL)
    p.rect(0.66, 0.32, 0.74, 0.46, METAL)
    p.rect(0.16, 0.42, 0.84, 0.94, c, r=0.08, outline=outline_of(c))
    p.circle(0.5, 0.62, 0.06, (40, 40, 40))
    p.rect(0.475, 0.64, 0.525, 0.8, (40, 40, 40))


@kind("cup")
def _cup(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    if rng.random() < 0.5:  # tumbler / insulated cup
        p.rect(0.3, 0.04, 0.7, 0.16, dark(c), r=0.04)
        p.poly([(0.3, 0.16), (0.7, 0.16), (0.66, 0.94), (0.34, 0.94)], c, outline_of(c))
        p.poly([(0.36, 0.22), (0.42, 0.22), (0.4, 0.88), (0.37, 0.88)], light(c))
        p.rect(0.3, 0.16, 0.7, 0.2, METAL)
    else:  # mug
        p.arc(0.58, 0.34, 0.9, 0.72, 270, 90, dark(c), 0.06)
        p.rect(0.14, 0.26, 0.7, 0.9, c, r=0.06, outline=outline_of(c))
        p.ell(0.14, 0.22, 0.7, 0.32, dark(c))
        p.rect(0.2, 0.36, 0.25, 0.8, light(c), r=0.02)


@kind("plate")
def _plate(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.ell(0.04, 0.4, 0.96, 0.9, shade(c, 0.85))
    p.ell(0.04, 0.36, 0.96, 0.86, c, outline=outline_of(c))
    p.ell(0.2, 0.46, 0.8, 0.76, shade(c, 1.1))
    p.pie(0.3, 0.06, 0.82, 0.56, 0, 180, dark(c))
    p.ell(0.3, 0.2, 0.82, 0.36, light(c))


@kind("vase")
def _vase(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    pts = [(0.4, 0.06), (0.6, 0.06), (0.58, 0.22), (0.76, 0.46), (0.72, 0.8), (0.62, 0.94),
           (0.38, 0.94), (0.28, 0.8), (0.24, 0.46), (0.42, 0.22)]
    p.poly(pts, c, outline_of(c))
    p.poly([(0.36, 0.4), (0.42, 0.36), (0.38, 0.78), (0.34, 0.74)], light(c))
    p.rect(0.25, 0.54, 0.75, 0.6, a)


@kind("frame")
def _frame(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.12, 0.1, 0.88, 0.9, c, outline=outline_of(c))
    p.rect(0.2, 0.18, 0.8, 0.82, (250, 248, 240))
    p.rect(0.26, 0.24, 0.74, 0.76, (170, 210, 235))
    p.poly([(0.26, 0.76), (0.44, 0.44), (0.56, 0.62), (0.64, 0.52), (0.74, 0.7), (0.74, 0.76)], (80, 140, 90))
    p.circle(0.62, 0.34, 0.05, (250, 200, 80))


@kind("gift")
def _gift(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.14, 0.4, 0.86, 0.94, c, outline=outline_of(c))
    p.rect(0.1, 0.3, 0.9, 0.44, shade(c, 1.1), outline=outline_of(c))
    rib = mix(a, (255, 215, 90), 0.6)
    p.rect(0.45, 0.3, 0.55, 0.94, rib)
    p.ell(0.26, 0.14, 0.5, 0.32, None, rib, 0.04)
    p.ell(0.5, 0.14, 0.74, 0.32, None, rib, 0.04)


@kind("star")
def _star(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    from server.demo.drawings import star_points
    p.poly([(0.5, 0.08), (0.86, 0.84), (0.14, 0.84)], (40, 120, 70))
    p.rect(0.44, 0.84, 0.56, 0.96, (110, 70, 40))
    p.poly(star_points(0.5, 0.1, 0.09, 0.04), (250, 200, 60))
    for x, y in ((0.4, 0.5), (0.6, 0.62), (0.32, 0.76), (0.66, 0.36), (0.52, 0.78)):
        p.circle(x, y, 0.04, c)
