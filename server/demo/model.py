"""Small data types and a compact notation for the demo fair's catalog data.

The catalog data (``catalog.py``) is written with the helpers below so that each product
type fits on a few lines:

- ``M("Material|材质", "Stainless Steel|不锈钢; Glass|玻璃")``: a name modifier; the chosen
  option goes into the product name and, unless the spec name is ``"-"``, into the specs.
  An option ``"-"`` means "no modifier".
- ``Z("Capacity|容量", "350ml; 500ml")``: a size: appended to the name and put in the specs.
- ``X("Power|功率", "1500W; 1800W")``: a spec only.

Text is always ``"English|中文"``; a value without ``|`` is the same in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Pair = tuple[str, str]


def pair(text: str) -> Pair:
    """``"English|中文"`` -> ``("English", "中文")``; ``"-"`` -> ``("", "")``."""
    text = text.strip()
    if text == "-":
        return ("", "")
    if "|" in text:
        en, zh = text.split("|", 1)
        return (en.strip(), zh.strip())
    return (text, text)


def pairs(text: str) -> tuple[Pair, ...]:
    return tuple(pair(part) for part in text.split(";") if part.strip())


def words(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


@dataclass(frozen=True)
class Mod:
    """A name modifier (material, style, feature), optionally also a spec."""

    spec: Pair  # ("", "") = not shown in the specs
    options: tuple[Pair, ...]


@dataclass(frozen=True)
class Size:
    """A size/capacity/power value appended to the name and shown in the specs."""

    spec: Pair
    values: tuple[str, ...]


@dataclass(frozen=True)
class Spec:
    """A specification row with a choice of (language-neutral or "en / zh") values."""

    name: Pair
    values: tuple[str, ...]


def M(spec: str, options: str) -> Mod:
    return Mod(pair(spec), pairs(options))


def Z(spec: str, values: str) -> Size:
    return Size(pair(spec), words(values))


def X(name: str, values: str) -> Spec:
    return Spec(pair(name), words(values))


@dataclass(frozen=True)
class Unit:
    en: str
    zh: str
    moq: tuple[int, ...]


PCS = Unit("pieces", "件", (100, 200, 300, 500, 500, 1000, 1000, 2000, 3000, 5000))
SETS = Unit("sets", "套", (50, 100, 100, 200, 300, 500, 1000))
PAIRS = Unit("pairs", "双", (300, 500, 600, 1000, 1200, 2000, 3000))
CTNS = Unit("cartons", "箱", (50, 100, 200, 300, 500, 1000))
METERS = Unit("meters", "米", (500, 1000, 1000, 2000, 3000, 5000))
KG = Unit("kg", "千克", (100, 200, 500, 500, 1000, 2000))
TONS = Unit("tons", "吨", (1, 2, 5, 10, 20, 25))
SQM = Unit("square meters", "平方米", (100, 200, 300, 500, 1000))
UNITS = Unit("units", "台", (1, 1, 1, 2, 3, 5))
VEHICLES = Unit("units", "辆", (5, 10, 20, 30, 50, 100))
BOXES = Unit("boxes", "盒", (100, 200, 500, 1000, 2000))
BAGS = Unit("bags", "袋", (200, 500, 1000, 2000, 5000))
ROLLS = Unit("rolls", "卷", (100, 200, 500, 1000))
BOTTLES = Unit("bottles", "瓶", (500, 1000, 2000, 3000, 5000))


@dataclass(frozen=True)
class PType:
    """A kind of product sold in a section ("Insulated Cup" / "保温杯")."""

    name: Pair
    kind: str  # drawing kind for the generated images (see images.py)
    price: tuple[float, float]  # FOB USD per unit, low..high over all variants
    mods: tuple[Mod, ...]
    size: Size | None
    specs: tuple[Spec, ...]
    unit: Unit
    moq: tuple[int, ...]
    keywords: tuple[Pair, ...]
    colours: tuple[str, ...] | None  # None = the section's colours
    features: tuple[Pair, ...] = ()  # selling points of this type (descriptions)


def P(
    name: str,
    kind: str,
    lo: float,
    hi: float,
    *parts: Mod | Size | Spec,
    unit: Unit = PCS,
    moq: tuple[int, ...] | None = None,
    kw: str = "",
    col: str | None = None,
    ft: str = "",
) -> PType:
    mods = tuple(p for p in parts if isinstance(p, Mod))
    sizes = [p for p in parts if isinstance(p, Size)]
    specs = tuple(p for p in parts if isinstance(p, Spec))
    if len(sizes) > 1:
        raise ValueError(f"{name}: at most one size")
    return PType(
        name=pair(name),
        kind=kind,
        price=(lo, hi),
        mods=mods,
        size=sizes[0] if sizes else None,
        specs=specs,
        unit=unit,
        moq=moq if moq is not None else unit.moq,
        keywords=pairs(kw),
        colours=None if col is None else words(col),
        features=pairs(ft),
    )


@dataclass(frozen=True)
class SectionData:
    slug: str
    name: Pair
    kind: str  # default drawing kind of the section
    industry: tuple[Pair, ...]  # words in company names: "Lighting Technology" / "照明科技"
    certs: tuple[str, ...]
    lead: tuple[int, int]  # lead time range in days
    colours: tuple[str, ...]  # names from COLOURS; empty = no colour spec
    features: tuple[Pair, ...]  # bilingual selling-point sentences
    specs: tuple[Spec, ...]  # specs shared by every product type of the section
    types: tuple[PType, ...]
    cities: tuple[str, ...]  # preferred manufacturing cities (keys of CITIES)


def S(
    slug: str,
    name: str,
    kind: str,
    *,
    industry: str,
    certs: str,
    lead: tuple[int, int],
    colours: str = "",
    feats: str,
    specs: tuple[Spec, ...] = (),
    cities: str = "",
    types: list[PType],
) -> SectionData:
    return SectionData(
        slug=slug,
        name=pair(name),
        kind=kind,
        industry=pairs(industry),
        certs=words(certs),
        lead=lead,
        colours=words(colours),
        features=pairs(feats),
        specs=specs,
        types=tuple(types),
        cities=words(cities),
    )


@dataclass(frozen=True)
class CategoryData:
    slug: str
    name: Pair
    colour: tuple[int, int, int]  # the category colour used by images
    sections: tuple[SectionData, ...] = field(default_factory=tuple)


def C(
    slug: str, name: str, colour: tuple[int, int, int], sections: list[SectionData]
) -> CategoryData:
    return CategoryData(slug=slug, name=pair(name), colour=colour, sections=tuple(sections))


# Colours: English, Chinese, RGB (also used to paint the product in its images).
COLOURS: dict[str, tuple[str, tuple[int, int, int]]] = {
    "White": ("白色", (236, 236, 232)),
    "Black": ("黑色", (45, 45, 48)),
    "Silver": ("银色", (192, 196, 202)),
    "Grey": ("灰色", (128, 132, 138)),
    "Red": ("红色", (200, 48, 48)),
    "Blue": ("蓝色", (52, 100, 190)),
    "Navy Blue": ("藏青色", (34, 50, 92)),
    "Sky Blue": ("天蓝色", (110, 170, 225)),
    "Green": ("绿色", (60, 140, 80)),
    "Olive Green": ("橄榄绿", (110, 120, 60)),
    "Yellow": ("黄色", (240, 196, 40)),
    "Orange": ("橙色", (235, 130, 40)),
    "Pink": ("粉色", (238, 150, 180)),
    "Purple": ("紫色", (120, 80, 160)),
    "Beige": ("米色", (222, 206, 176)),
    "Khaki": ("卡其色", (190, 168, 120)),
    "Brown": ("棕色", (120, 80, 50)),
    "Gold": ("金色", (212, 170, 70)),
    "Rose Gold": ("玫瑰金", (220, 160, 140)),
    "Champagne": ("香槟色", (226, 204, 160)),
    "Natural Wood": ("原木色", (196, 152, 100)),
    "Walnut": ("胡桃色", (110, 72, 46)),
    "Transparent": ("透明", (210, 226, 232)),
    "Matte Black": ("哑光黑", (58, 58, 60)),
    "Gunmetal": ("枪灰色", (84, 88, 94)),
    "Chrome": ("镀铬", (200, 204, 210)),
    "Brushed Nickel": ("拉丝镍", (170, 168, 160)),
    "Mint Green": ("薄荷绿", (160, 214, 186)),
}
