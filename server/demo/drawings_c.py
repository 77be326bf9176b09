"""Product drawings, part 3: tools, building, furniture, toys, textiles, bags, office,
food, health, vehicles, machinery."""

from __future__ import annotations

import math
import random

from server.demo.drawings import RGB, Pen, dark, kind, light, mix, outline_of, shade

METAL = (180, 184, 190)
RUBBER = (44, 44, 48)


@kind("tool")
def _tool(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    """A combination wrench lying diagonally, with a coloured grip."""
    steel = shade(METAL, 1.08)
    edge = shade(METAL, 0.7)
    p.line([(0.25, 0.75), (0.75, 0.25)], edge, 0.11)
    p.line([(0.25, 0.75), (0.75, 0.25)], steel, 0.08)
    p.line([(0.34, 0.66), (0.58, 0.42)], c, 0.12)
    p.line([(0.37, 0.63), (0.55, 0.45)], light(c), 0.03)
    p.arc(0.08, 0.68, 0.32, 0.92, 0, 360, edge, 0.075)  # ring end
    p.arc(0.095, 0.695, 0.305, 0.905, 0, 360, steel, 0.05)
    p.arc(0.66, 0.08, 0.94, 0.36, 0, 270, edge, 0.085)  # open end, jaws up-right
    p.arc(0.675, 0.095, 0.925, 0.345, 5, 265, steel, 0.06)


@kind("ball")
def _ball(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.circle(0.5, 0.5, 0.38, c, outline=outline_of(c))
    p.circle(0.5, 0.5, 0.3, shade(c, 1.08))
    p.ell(0.3, 0.22, 0.52, 0.4, light(light(c)))
    p.arc(0.12, 0.3, 0.88, 0.7, 0, 180, dark(c), 0.015)


@kind("canister")
def _canister(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    body = c if sum(c) < 600 else (40, 90, 170)
    p.rect(0.24, 0.18, 0.76, 0.9, body, r=0.05, outline=outline_of(body))
    for i in range(6):
        x = 0.3 + i * 0.08
        p.line([(x, 0.22), (x, 0.86)], shade(body, 0.85), 0.012, False)
    p.rect(0.24, 0.44, 0.76, 0.64, (245, 245, 240))
    p.rect(0.3, 0.5, 0.5, 0.58, a)
    p.ell(0.24, 0.1, 0.76, 0.26, shade(METAL, 0.9))
    p.circle(0.5, 0.18, 0.07, shade(METAL, 0.6))


@kind("disc")
def _disc(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.ell(0.08, 0.34, 0.92, 0.86, dark(c))
    p.ell(0.08, 0.28, 0.92, 0.8, c, outline=outline_of(c))
    p.ell(0.38, 0.34, 0.62, 0.46, shade(c, 0.8))
    p.ell(0.43, 0.37, 0.57, 0.43, (60, 200, 240))
    p.arc(0.16, 0.34, 0.84, 0.76, 200, 340, light(c), 0.012)


@kind("cooktop")
def _cooktop(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.poly([(0.12, 0.34), (0.88, 0.34), (0.98, 0.76), (0.02, 0.76)], shade(METAL, 0.8))
    p.poly([(0.13, 0.3), (0.87, 0.3), (0.97, 0.72), (0.03, 0.72)], (30, 32, 36))
    p.ell(0.2, 0.36, 0.56, 0.6, None, (150, 150, 155), 0.008)
    p.ell(0.28, 0.41, 0.48, 0.55, None, (200, 80, 60), 0.008)
    p.ell(0.58, 0.38, 0.86, 0.58, None, (150, 150, 155), 0.008)
    for i in range(4):
        p.circle(0.34 + i * 0.1, 0.67, 0.014, (240, 240, 240))


@kind("firstaid")
def _firstaid(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    red = (200, 44, 44)
    p.rect(0.4, 0.1, 0.6, 0.26, None, r=0.03, outline=dark(red), width=0.03)
    p.rect(0.12, 0.22, 0.88, 0.9, red, r=0.07, outline=dark(red))
    p.rect(0.12, 0.22, 0.88, 0.3, dark(red), r=0.04)
    p.rect(0.43, 0.4, 0.57, 0.8, (255, 255, 255))
    p.rect(0.3, 0.53, 0.7, 0.67, (255, 255, 255))


@kind("drill")
def _drill(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.32, 0.78, 0.7, 0.94, RUBBER, r=0.04)
    p.poly([(0.4, 0.46), (0.56, 0.46), (0.6, 0.8), (0.44, 0.8)], dark(c))
    p.rect(0.18, 0.2, 0.74, 0.48, c, r=0.1, outline=outline_of(c))
    p.rect(0.74, 0.28, 0.84, 0.4, RUBBER, r=0.02)
    p.rect(0.84, 0.32, 0.98, 0.36, METAL)
    p.rect(0.26, 0.26, 0.5, 0.32, light(c), r=0.02)
    p.rect(0.46, 0.5, 0.5, 0.6, RUBBER)


@kind("screw")
def _screw(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    m = c if sum(c) > 300 else METAL
    for i in range(3):
        x = 0.22 + i * 0.28
        p.poly([(x - 0.1, 0.12), (x + 0.1, 0.12), (x + 0.12, 0.22), (x - 0.12, 0.22)], shade(m, 0.9), outline_of(m))
        p.rect(x - 0.045, 0.22, x + 0.045, 0.86, m)
        for j in range(10):
            y = 0.26 + j * 0.06
            p.line([(x - 0.06, y), (x + 0.06, y + 0.025)], shade(m, 0.7), 0.008, False)
        p.poly([(x - 0.045, 0.86), (x + 0.045, 0.86), (x, 0.94)], m)


@kind("tile")
def _tile(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.poly([(0.5, 0.1), (0.96, 0.4), (0.5, 0.9), (0.04, 0.4)], (220, 220, 218))
    for i in range(3):
        for j in range(3):
            cx = 0.5 + (i - j) * 0.15
            cy = 0.24 + (i + j) * 0.1
            col = shade(c, 0.94 + 0.05 * ((i * 3 + j) % 3))
            p.poly([(cx, cy - 0.085), (cx + 0.14, cy + 0.005), (cx, cy + 0.095), (cx - 0.14, cy + 0.005)], col)
    for _ in range(3):
        x = 0.25 + rng.random() * 0.5
        p.line([(x, 0.3), (x + 0.1, 0.45), (x + 0.06, 0.6)], shade(c, 0.8), 0.006)


@kind("faucet")
def _faucet(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    m = c if c != (236, 236, 232) else METAL
    p.rect(0.2, 0.86, 0.6, 0.94, shade(m, 0.8), r=0.02)
    p.rect(0.32, 0.3, 0.46, 0.88, m, outline=outline_of(m))
    p.arc(0.32, 0.14, 0.9, 0.6, 180, 360, m, 0.1)
    p.rect(0.8, 0.36, 0.9, 0.46, shade(m, 0.8))
    p.line([(0.42, 0.3), (0.62, 0.16)], shade(m, 0.85), 0.05)
    p.line([(0.85, 0.5), (0.85, 0.7)], (150, 200, 240), 0.03)


@kind("door")
def _door(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.22, 0.02, 0.78, 0.98, dark(c))
    p.rect(0.26, 0.05, 0.74, 0.98, c, outline=outline_of(c))
    p.rect(0.32, 0.12, 0.68, 0.48, shade(c, 0.92), outline=outline_of(c), width=0.004)
    p.rect(0.32, 0.56, 0.68, 0.9, shade(c, 0.92), outline=outline_of(c), width=0.004)
    p.rect(0.62, 0.5, 0.7, 0.53, METAL, r=0.01)


@kind("sofa")
def _sofa(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.12, 0.3, 0.88, 0.62, dark(c), r=0.06)
    p.rect(0.06, 0.5, 0.94, 0.8, c, r=0.06, outline=outline_of(c))
    p.rect(0.04, 0.42, 0.16, 0.8, shade(c, 0.9), r=0.05)
    p.rect(0.84, 0.42, 0.96, 0.8, shade(c, 0.9), r=0.05)
    p.rect(0.18, 0.5, 0.5, 0.6, light(c), r=0.03)
    p.rect(0.5, 0.5, 0.82, 0.6, light(c), r=0.03)
    for x in (0.12, 0.84):
        p.rect(x, 0.8, x + 0.04, 0.9, (90, 60, 40))


@kind("teddy")
def _teddy(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    ear = dark(c)
    p.ell(0.22, 0.5, 0.78, 0.96, c)
    p.ell(0.12, 0.56, 0.32, 0.8, ear)
    p.ell(0.68, 0.56, 0.88, 0.8, ear)
    p.circle(0.3, 0.14, 0.09, ear)
    p.circle(0.7, 0.14, 0.09, ear)
    p.circle(0.5, 0.32, 0.24, c)
    p.ell(0.38, 0.34, 0.62, 0.5, light(c))
    p.circle(0.41, 0.28, 0.03, (30, 30, 30))
    p.circle(0.59, 0.28, 0.03, (30, 30, 30))
    p.ell(0.46, 0.36, 0.54, 0.41, (40, 30, 30))
    p.ell(0.38, 0.62, 0.62, 0.86, light(c))


@kind("blocks")
def _blocks(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    cols = [c, (230, 70, 60), (60, 130, 220), (250, 200, 50), (70, 170, 90)]
    for i, (x, y) in enumerate(((0.1, 0.62), (0.4, 0.62), (0.7, 0.62), (0.25, 0.34), (0.55, 0.34), (0.4, 0.06))):
        col = cols[(i + int(rng.random() * 5)) % 5]
        p.rect(x, y, x + 0.28, y + 0.28, col, r=0.03, outline=outline_of(col))
        p.circle(x + 0.09, y + 0.09, 0.04, light(col))


@kind("car")
def _car(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.poly([(0.26, 0.42), (0.36, 0.26), (0.66, 0.26), (0.78, 0.42)], shade(c, 0.9), outline_of(c))
    p.poly([(0.32, 0.41), (0.39, 0.3), (0.5, 0.3), (0.5, 0.41)], (170, 210, 235))
    p.poly([(0.53, 0.41), (0.53, 0.3), (0.64, 0.3), (0.72, 0.41)], (170, 210, 235))
    p.rect(0.04, 0.4, 0.96, 0.66, c, r=0.08, outline=outline_of(c))
    p.rect(0.88, 0.46, 0.95, 0.52, (255, 230, 150), r=0.02)
    for x in (0.24, 0.74):
        p.circle(x, 0.66, 0.11, RUBBER)
        p.circle(x, 0.66, 0.05, METAL)


@kind("bike")
def _bike(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    for x in (0.24, 0.76):
        p.circle(x, 0.64, 0.2, None, RUBBER, 0.03)
        p.circle(x, 0.64, 0.03, METAL)
    p.line([(0.24, 0.64), (0.44, 0.4), (0.7, 0.4), (0.5, 0.66), (0.24, 0.64)], c, 0.03)
    p.line([(0.44, 0.4), (0.5, 0.66)], c, 0.03)
    p.line([(0.7, 0.4), (0.76, 0.64)], c, 0.03)
    p.line([(0.44, 0.4), (0.42, 0.3)], dark(c), 0.025)
    p.rect(0.34, 0.26, 0.5, 0.31, RUBBER, r=0.02)
    p.line([(0.7, 0.4), (0.68, 0.26), (0.76, 0.24)], RUBBER, 0.025)


@kind("wheel")
def _wheel(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.circle(0.5, 0.5, 0.44, RUBBER)
    p.circle(0.5, 0.5, 0.3, c if sum(c) > 300 else METAL, outline=shade(METAL, 0.6))
    for i in range(5):
        ang = math.radians(i * 72 - 90)
        p.line([(0.5, 0.5), (0.5 + 0.27 * math.cos(ang), 0.5 + 0.27 * math.sin(ang))], shade(METAL, 0.75), 0.05)
    p.circle(0.5, 0.5, 0.07, shade(METAL, 0.6))


@kind("shirt")
def _shirt(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    pts = [(0.36, 0.1), (0.44, 0.14), (0.56, 0.14), (0.64, 0.1), (0.92, 0.26), (0.82, 0.44),
           (0.74, 0.4), (0.74, 0.92), (0.26, 0.92), (0.26, 0.4), (0.18, 0.44), (0.08, 0.26)]
    p.poly(pts, c, outline_of(c))
    p.arc(0.42, 0.04, 0.58, 0.22, 0, 180, dark(c), 0.02)
    p.line([(0.26, 0.4), (0.26, 0.6)], dark(c), 0.008, False)
    p.rect(0.56, 0.3, 0.66, 0.36, a, r=0.01)


@kind("fabric")
def _fabric(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    for i, col in enumerate((shade(c, 0.85), c, light(c))):
        y = 0.66 - i * 0.2
        p.rect(0.12 + i * 0.03, y, 0.88 - i * 0.03, y + 0.2, col, r=0.05, outline=outline_of(c))
        p.line([(0.18 + i * 0.03, y + 0.1), (0.82 - i * 0.03, y + 0.1)], shade(col, 0.9), 0.008, False)


@kind("shoe")
def _shoe(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.04, 0.7, 0.96, 0.8, (245, 245, 245), r=0.04, outline=(200, 200, 200))
    pts = [(0.06, 0.72), (0.1, 0.3), (0.3, 0.3), (0.4, 0.42), (0.62, 0.5), (0.86, 0.56), (0.95, 0.66), (0.95, 0.72)]
    p.poly(pts, c, outline_of(c))
    p.poly([(0.3, 0.3), (0.4, 0.42), (0.46, 0.6), (0.28, 0.6)], light(c))
    for i in range(3):
        p.line([(0.36 + i * 0.06, 0.44 + i * 0.025), (0.44 + i * 0.06, 0.4 + i * 0.03)], (250, 250, 250), 0.01)
    p.line([(0.12, 0.62), (0.9, 0.66)], a, 0.02)


@kind("suitcase")
def _suitcase(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.line([(0.42, 0.16), (0.42, 0.04), (0.58, 0.04), (0.58, 0.16)], RUBBER, 0.03)
    p.rect(0.22, 0.14, 0.78, 0.88, c, r=0.06, outline=outline_of(c))
    for x in (0.35, 0.5, 0.65):
        p.line([(x, 0.18), (x, 0.84)], dark(c), 0.012, False)
    for x in (0.28, 0.72):
        p.circle(x, 0.92, 0.04, RUBBER)


@kind("bag")
def _bag(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.arc(0.3, 0.1, 0.7, 0.6, 180, 360, dark(c), 0.04)
    p.poly([(0.18, 0.36), (0.82, 0.36), (0.9, 0.9), (0.1, 0.9)], c, outline_of(c))
    p.poly([(0.18, 0.36), (0.82, 0.36), (0.84, 0.5), (0.16, 0.5)], shade(c, 0.9))
    p.rect(0.46, 0.46, 0.54, 0.54, (212, 176, 80), r=0.01)


@kind("backpack")
def _backpack(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.arc(0.38, 0.02, 0.62, 0.2, 180, 360, dark(c), 0.03)
    p.rect(0.2, 0.1, 0.8, 0.94, c, r=0.18, outline=outline_of(c))
    p.rect(0.3, 0.52, 0.7, 0.86, shade(c, 0.88), r=0.08)
    p.line([(0.32, 0.58), (0.68, 0.58)], a, 0.012)
    p.rect(0.24, 0.3, 0.76, 0.34, dark(c))


@kind("pen")
def _pen(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    for i, col in enumerate((c, a, shade(c, 1.2))):
        dx = i * 0.16
        p.line([(0.2 + dx, 0.84), (0.7 + dx, 0.14)], col, 0.07)
        p.line([(0.2 + dx, 0.84), (0.16 + dx, 0.9)], (60, 60, 60), 0.03)
        p.line([(0.6 + dx, 0.26), (0.66 + dx, 0.26 - 0.02)], METAL, 0.02)


@kind("notebook")
def _notebook(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.24, 0.1, 0.84, 0.92, (245, 244, 238), r=0.02)
    p.rect(0.2, 0.08, 0.8, 0.9, c, r=0.03, outline=outline_of(c))
    p.rect(0.34, 0.24, 0.7, 0.36, (250, 250, 250), r=0.01)
    for i in range(8):
        p.circle(0.2, 0.16 + i * 0.1, 0.025, METAL)


@kind("carton")
def _carton(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    k = (196, 152, 100) if sum(c) < 150 or sum(c) > 650 else mix(c, (196, 152, 100), 0.6)
    p.poly([(0.1, 0.3), (0.5, 0.46), (0.5, 0.94), (0.1, 0.78)], k)
    p.poly([(0.5, 0.46), (0.9, 0.3), (0.9, 0.78), (0.5, 0.94)], dark(k))
    p.poly([(0.1, 0.3), (0.5, 0.14), (0.9, 0.3), (0.5, 0.46)], light(k))
    p.poly([(0.26, 0.24), (0.66, 0.4), (0.74, 0.37), (0.34, 0.21)], shade(k, 0.9))
    p.rect(0.2, 0.56, 0.38, 0.66, (250, 250, 250))


@kind("snack")
def _snack(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    pts = [(0.2, 0.14)] + [(0.2 + i * 0.05, 0.1 if i % 2 else 0.14) for i in range(1, 13)] + [(0.8, 0.9), (0.2, 0.9)]
    p.poly(pts, c, outline_of(c))
    p.ell(0.3, 0.4, 0.7, 0.72, (250, 246, 230))
    p.ell(0.38, 0.48, 0.62, 0.64, a)
    p.rect(0.2, 0.76, 0.8, 0.82, dark(c))


@kind("jar", "tea")
def _jar(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.26, 0.08, 0.74, 0.22, dark(c), r=0.03)
    p.rect(0.2, 0.2, 0.8, 0.92, c, r=0.1, outline=outline_of(c))
    p.rect(0.2, 0.42, 0.8, 0.72, (250, 246, 230))
    p.poly([(0.42, 0.64), (0.5, 0.46), (0.6, 0.52), (0.52, 0.66)], (80, 150, 70))
    p.rect(0.26, 0.26, 0.31, 0.86, light(c), r=0.02)


@kind("medical", "mask")
def _medical(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    blue = (120, 180, 230) if sum(c) > 600 else c
    p.arc(0.0, 0.3, 0.3, 0.7, 90, 270, (240, 240, 240), 0.02)
    p.arc(0.7, 0.3, 1.0, 0.7, 270, 90, (240, 240, 240), 0.02)
    p.poly([(0.14, 0.3), (0.86, 0.3), (0.9, 0.5), (0.86, 0.7), (0.14, 0.7), (0.1, 0.5)], blue, outline_of(blue))
    for y in (0.42, 0.5, 0.58):
        p.line([(0.16, y), (0.84, y)], shade(blue, 0.85), 0.008, False)
    p.rect(0.12, 0.3, 0.88, 0.34, (240, 240, 240))


@kind("pill")
def _pill(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.1, 0.2, 0.9, 0.8, (225, 228, 232), r=0.05, outline=(190, 194, 200))
    for i in range(2):
        for j in range(4):
            x, y = 0.2 + j * 0.18, 0.32 + i * 0.28
            p.rect(x, y, x + 0.1, y + 0.16, mix(c, (255, 255, 255), 0.2), r=0.05)
            p.rect(x, y + 0.08, x + 0.1, y + 0.16, a, r=0.05)


@kind("dumbbell")
def _dumbbell(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.2, 0.46, 0.8, 0.54, METAL)
    for x in (0.12, 0.7):
        p.rect(x, 0.26, x + 0.18, 0.74, c, r=0.05, outline=outline_of(c))
        p.rect(x + 0.04, 0.3, x + 0.07, 0.7, light(c), r=0.01)


@kind("gear", "machine")
def _machine(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.04, 0.82, 0.96, 0.92, (70, 72, 76))
    p.rect(0.08, 0.22, 0.7, 0.82, c, r=0.03, outline=outline_of(c))
    p.rect(0.14, 0.3, 0.5, 0.64, (170, 205, 225), outline=dark(c))
    p.rect(0.7, 0.32, 0.92, 0.82, shade(c, 0.85), outline=outline_of(c))
    p.rect(0.74, 0.38, 0.88, 0.5, (30, 36, 44))
    for i in range(3):
        p.circle(0.77 + i * 0.05, 0.58, 0.018, ((220, 50, 50), (250, 200, 40), (70, 180, 80))[i])
    teeth = []
    for i in range(24):
        r = 0.13 if i % 2 == 0 else 0.1
        ang = math.radians(i * 15)
        teeth.append((0.6 + r * math.cos(ang), 0.7 + r * math.sin(ang)))
    p.poly(teeth, shade((150, 154, 160), 0.9))
    p.circle(0.6, 0.7, 0.04, (70, 72, 76))
    p.rect(0.14, 0.14, 0.3, 0.22, (250, 200, 40))


@kind("umbrella")
def _umbrella(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.pie(0.06, 0.1, 0.94, 0.8, 180, 360, c)
    for x in (0.28, 0.5, 0.72):
        p.line([(0.5, 0.12), (x + (x - 0.5) * 0.9, 0.45)], dark(c), 0.01, False)
    p.line([(0.5, 0.1), (0.5, 0.84)], (70, 60, 50), 0.02, False)
    p.arc(0.5, 0.78, 0.64, 0.92, 0, 180, (70, 60, 50), 0.03)
