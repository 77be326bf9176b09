"""Product drawings, part 4: small appliances, hand tools, clothing and furniture."""

from __future__ import annotations

import random

from server.demo.drawings import RGB, Pen, dark, kind, light, outline_of, shade

METAL = (180, 184, 190)
RUBBER = (44, 44, 48)


@kind("iron")
def _iron(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.poly([(0.06, 0.78), (0.3, 0.5), (0.9, 0.5), (0.94, 0.78)], METAL, shade(METAL, 0.7))
    p.poly([(0.1, 0.74), (0.32, 0.46), (0.88, 0.46), (0.9, 0.74)], c, outline_of(c))
    p.arc(0.42, 0.16, 0.92, 0.74, 180, 360, dark(c), 0.08)
    p.rect(0.56, 0.52, 0.8, 0.62, (160, 210, 240), r=0.03)
    p.circle(0.44, 0.62, 0.035, a)
    p.line([(0.92, 0.6), (0.99, 0.66)], RUBBER, 0.02)


@kind("hairdryer")
def _hairdryer(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.42, 0.44, 0.58, 0.92, dark(c), r=0.06)
    p.rect(0.12, 0.18, 0.78, 0.5, c, r=0.16, outline=outline_of(c))
    p.rect(0.72, 0.22, 0.9, 0.46, shade(c, 0.85), r=0.04)
    p.circle(0.24, 0.34, 0.1, shade(c, 0.8))
    p.circle(0.24, 0.34, 0.05, RUBBER)
    p.rect(0.46, 0.6, 0.54, 0.68, a, r=0.02)
    p.line([(0.5, 0.92), (0.6, 0.99)], RUBBER, 0.02)


@kind("hammer")
def _hammer(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.45, 0.26, 0.55, 0.94, c, r=0.04, outline=outline_of(c))
    p.rect(0.44, 0.62, 0.56, 0.94, dark(c), r=0.05)
    p.rect(0.4, 0.12, 0.78, 0.3, shade(METAL, 0.95), r=0.02, outline=shade(METAL, 0.6))
    p.rect(0.78, 0.1, 0.86, 0.32, shade(METAL, 0.8), r=0.02)
    p.poly([(0.4, 0.14), (0.24, 0.06), (0.14, 0.1), (0.3, 0.2), (0.16, 0.3), (0.26, 0.32), (0.4, 0.28)],
           shade(METAL, 0.9), shade(METAL, 0.6))


@kind("knife")
def _knife(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    for i in range(3):
        dx = i * 0.2
        p.poly([(0.14 + dx, 0.1), (0.26 + dx, 0.08), (0.27 + dx, 0.56), (0.18 + dx, 0.56)], shade(METAL, 1.1 - 0.05 * i),
               shade(METAL, 0.7))
        p.rect(0.17 + dx, 0.56, 0.28 + dx, 0.9, c, r=0.03, outline=outline_of(c))
        for y in (0.64, 0.74, 0.84):
            p.circle(0.225 + dx, y, 0.012, METAL)


@kind("pliers")
def _pliers(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.line([(0.5, 0.42), (0.28, 0.92)], c, 0.09)
    p.line([(0.5, 0.42), (0.72, 0.92)], c, 0.09)
    p.poly([(0.44, 0.44), (0.4, 0.12), (0.48, 0.06), (0.52, 0.42)], shade(METAL, 0.95), shade(METAL, 0.6))
    p.poly([(0.56, 0.44), (0.6, 0.12), (0.52, 0.06), (0.48, 0.42)], shade(METAL, 0.85), shade(METAL, 0.6))
    p.circle(0.5, 0.42, 0.05, shade(METAL, 0.7))


@kind("handle")
def _handle(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    for i in range(3):
        y = 0.22 + i * 0.24
        p.rect(0.12, y + 0.08, 0.2, y + 0.16, dark(c))
        p.rect(0.8, y + 0.08, 0.88, y + 0.16, dark(c))
        p.rect(0.1, y, 0.9, y + 0.09, c, r=0.04, outline=outline_of(c))
        p.line([(0.16, y + 0.025), (0.84, y + 0.025)], light(c), 0.012)


@kind("glove")
def _glove(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    g = c if sum(c) < 600 else (70, 110, 200)
    for x, top in ((0.3, 0.16), (0.42, 0.08), (0.54, 0.1), (0.66, 0.18)):
        p.rect(x, top, x + 0.11, 0.56, g, r=0.05)
    p.poly([(0.26, 0.5), (0.16, 0.34), (0.22, 0.28), (0.34, 0.42)], g)
    p.rect(0.28, 0.4, 0.78, 0.8, g, r=0.08)
    p.rect(0.3, 0.78, 0.76, 0.94, shade(g, 0.85), r=0.03)
    p.line([(0.36, 0.3), (0.36, 0.5)], light(g), 0.015)


@kind("pants")
def _pants(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.poly([(0.28, 0.08), (0.72, 0.08), (0.78, 0.94), (0.56, 0.94), (0.5, 0.36), (0.44, 0.94), (0.22, 0.94)], c, outline_of(c))
    p.rect(0.28, 0.08, 0.72, 0.15, dark(c))
    p.line([(0.5, 0.15), (0.5, 0.36)], dark(c), 0.008, False)
    p.arc(0.3, 0.12, 0.44, 0.3, 0, 120, dark(c), 0.01)


@kind("cap")
def _cap(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.ell(0.5, 0.58, 0.98, 0.74, dark(c))
    p.pie(0.1, 0.22, 0.78, 0.9, 180, 360, c)
    p.rect(0.1, 0.54, 0.78, 0.62, shade(c, 0.9))
    p.line([(0.44, 0.24), (0.44, 0.56)], dark(c), 0.008, False)
    p.circle(0.44, 0.23, 0.03, dark(c))
    p.rect(0.26, 0.38, 0.4, 0.48, a, r=0.01)


@kind("toilet")
def _toilet(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    w = (246, 246, 244)
    p.rect(0.52, 0.08, 0.9, 0.5, w, r=0.04, outline=(190, 190, 190))
    p.rect(0.64, 0.12, 0.76, 0.16, METAL, r=0.01)
    p.poly([(0.2, 0.52), (0.88, 0.52), (0.84, 0.66), (0.64, 0.72), (0.62, 0.94), (0.4, 0.94), (0.4, 0.72), (0.22, 0.64)],
           w, (190, 190, 190))
    p.ell(0.12, 0.44, 0.9, 0.58, shade(w, 0.95), outline=(190, 190, 190))


@kind("stickvac")
def _stickvac(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.line([(0.62, 0.3), (0.36, 0.86)], METAL, 0.03)
    p.rect(0.14, 0.84, 0.5, 0.94, RUBBER, r=0.03)
    p.rect(0.54, 0.12, 0.8, 0.46, c, r=0.08, outline=outline_of(c))
    p.rect(0.58, 0.18, 0.7, 0.4, (170, 200, 220), r=0.04)
    p.arc(0.66, 0.04, 0.96, 0.34, 270, 90, dark(c), 0.04)


@kind("bed")
def _bed(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    p.rect(0.04, 0.24, 0.22, 0.86, dark(c), r=0.04)
    p.rect(0.16, 0.54, 0.96, 0.78, c, r=0.03, outline=outline_of(c))
    p.rect(0.18, 0.46, 0.94, 0.58, (246, 244, 238), r=0.04)
    p.rect(0.22, 0.38, 0.4, 0.48, (250, 250, 250), r=0.04)
    p.rect(0.4, 0.46, 0.94, 0.6, a, r=0.04)
    for x in (0.2, 0.9):
        p.rect(x, 0.78, x + 0.04, 0.88, dark(c))


@kind("chair")
def _chair(p: Pen, c: RGB, a: RGB, rng: random.Random) -> None:
    wood = (140, 96, 60)
    p.line([(0.3, 0.58), (0.26, 0.94)], wood, 0.03)
    p.line([(0.7, 0.58), (0.74, 0.94)], wood, 0.03)
    p.line([(0.36, 0.6), (0.38, 0.86)], shade(wood, 0.8), 0.025)
    p.line([(0.64, 0.6), (0.62, 0.86)], shade(wood, 0.8), 0.025)
    p.rect(0.28, 0.08, 0.72, 0.5, c, r=0.1, outline=outline_of(c))
    p.rect(0.24, 0.5, 0.76, 0.62, shade(c, 0.9), r=0.04, outline=outline_of(c))

