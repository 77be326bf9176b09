"""The demo fair generator: a deterministic, believable bilingual trade fair.

``generate(size, seed)`` returns a :class:`DemoFair`; its products are a stream of
batches, so even the ``large`` fair (1,000,000 products) is never held in memory at once.
The same seed gives the same fair on every run and machine: every random choice comes
from a ``random.Random`` seeded from a SHA-256 of the seed and a label.
"""

from __future__ import annotations

import gc
import random
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from server.demo import texts
from server.demo.companies import Plan, make_companies
from server.demo.features import TYPE_FEATURES
from server.demo.model import COLOURS, Pair, PType, SectionData
from server.demo.tree import join_zh, opt_text, rng_for, spec_row, tree, value_text

Size = Literal["small", "medium", "large"]
SIZES: dict[str, tuple[int, int]] = {
    "small": (50, 2_000),
    "medium": (500, 20_000),
    "large": (5_000, 1_000_000),
}
BATCH_SIZE = 5_000
VARIANTS_PER_TYPE = 48  # distinct name/spec combinations drawn per product type


@dataclass(frozen=True)
class DemoAccount:
    email: str
    password: str
    role: Literal["buyer", "exhibitor"]
    display_name: str
    company_id: int | None  # exhibitor staff: their company
    company: str = ""
    country: str = ""
    interests: tuple[str, ...] = ()
    annual_volume: str = ""


@dataclass
class DemoFair:
    size: str
    categories: list[dict[str, Any]]
    sections: list[dict[str, Any]]
    companies: list[dict[str, Any]]
    products: Iterator[list[dict[str, Any]]]
    accounts: list[DemoAccount]
    product_count: int


# ------------------------------------------------------------------ product variants

# (name_en, name_zh, specs, keywords, base price USD)
Variant = tuple[str, str, list[dict[str, str]], str, float]


def _variants(t: PType, sec: SectionData, rng: random.Random) -> list[Variant]:
    mods = [m.options for m in t.mods]
    sizes: list[str | None] = list(t.size.values) if t.size else [None]
    colours = list(t.colours if t.colours is not None else sec.colours)
    radices = [len(o) for o in mods] + [len(sizes), max(1, len(colours))]
    total = 1
    for r in radices:
        total *= r
    picks = range(total) if total <= VARIANTS_PER_TYPE else sorted(rng.sample(range(total), VARIANTS_PER_TYPE))
    lo, hi = t.price
    base_kw: list[str] = [t.name[0].lower(), t.name[1]]
    for k in t.keywords:
        base_kw += [k[0].lower(), k[1]]
    base_kw += [sec.name[0].lower(), sec.name[1]]
    out: list[Variant] = []
    for idx in picks:
        digits: list[int] = []
        for r in radices:
            digits.append(idx % r)
            idx //= r
        en_parts: list[str] = []
        en_after: list[str] = []  # "with ..." options follow the type name in English
        zh_parts: list[str] = []
        specs: list[dict[str, str]] = []
        kw: list[str] = []
        for m, d in zip(t.mods, digits, strict=False):
            opt = m.options[d]
            if not opt[0]:
                continue
            if opt[0].startswith("With "):
                en_after.append("with " + opt[0][5:])
            else:
                en_parts.append(opt[0])
            zh_parts.append(opt[1])
            kw += [opt[0].lower(), opt[1]]
            if m.spec[0]:
                specs.append(spec_row(m.spec, opt_text(opt)))
        en_parts.append(t.name[0])
        en_parts += en_after
        zh_parts.append(t.name[1])
        name_en = " ".join(en_parts)
        name_zh = join_zh(zh_parts)
        size_i = digits[len(mods)]
        size = sizes[size_i]
        if size is not None and t.size is not None:
            size_en, _, size_zh = size.partition("|")
            size_zh = size_zh or size_en
            name_en += " " + size_en
            name_zh += " " + size_zh
            specs.append(spec_row(t.size.spec, value_text(size)))
            frac = 0.85 * (size_i + 0.5) / len(sizes) + 0.15 * rng.random()
        else:
            frac = rng.random()
        for x in t.specs:
            specs.append(spec_row(x.name, value_text(rng.choice(x.values))))
        for x in sec.specs:
            specs.append(spec_row(x.name, value_text(rng.choice(x.values))))
        if colours:
            cname = colours[digits[-1]]
            czh = COLOURS[cname][0]
            specs.append(spec_row(("Colour", "颜色"), f"{cname} / {czh}"))
            kw += [cname.lower(), czh]
        words = list(dict.fromkeys(w for w in base_kw + kw if w))
        price = lo + (hi - lo) * min(1.0, max(0.0, frac))
        out.append((name_en, name_zh, specs, ", ".join(words), price))
    rng.shuffle(out)
    return out


class _VariantCache:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.cache: dict[tuple[str, int], list[Variant]] = {}

    def get(self, sec: SectionData, ti: int) -> list[Variant]:
        key = (sec.slug, ti)
        v = self.cache.get(key)
        if v is None:
            t = sec.types[ti]
            v = _variants(t, sec, rng_for(self.seed, "variants", sec.slug, t.name[0]))
            self.cache[key] = v
        return v


# ------------------------------------------------------------------ products

_RATES = {"USD": 1.0, "EUR": 0.92, "CNY": 7.2}


def _cents(v: float) -> int:
    """A price in cents, rounded like a price list (whole units above 100, dimes above 10)."""
    if v >= 100:
        return int(v + 0.5) * 100
    if v >= 10:
        return int(v * 10 + 0.5) * 10
    return max(1, int(v * 100 + 0.5))


# one (section, type) a company sells, resolved for the hot loop
_Slot = tuple[int, int, list[Variant], tuple[Pair, ...], tuple[Pair, ...], int, int,
              tuple[int, ...], str, str, list[list[str]]]


_NICE = (1, 2, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000, 10000)


def _moq(moq: int, usd: float) -> int:
    """Cap the minimum order at about USD 40,000 (a nice round number)."""
    if moq * usd <= 40_000:
        return moq
    cap = 40_000 / usd
    best = 1
    for n in _NICE:
        if n > cap:
            break
        best = n
    return best


def _split(template: str, field: str) -> tuple[str, str]:
    pre, _, post = template.partition("{" + field + "}")
    return pre, post


def _products(seed: int, plans: list[Plan]) -> Iterator[list[dict[str, Any]]]:
    """Batches of products; the cyclic garbage collector is paused while a batch is built
    (product dicts hold no cycles) and restored before each batch is handed out."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for batch in _product_batches(seed, plans):
            if was_enabled:
                gc.enable()
            yield batch
            gc.disable()
    finally:
        if was_enabled:
            gc.enable()


def _product_batches(seed: int, plans: list[Plan]) -> Iterator[list[dict[str, Any]]]:
    cache = _VariantCache(seed)
    batch: list[dict[str, Any]] = []
    pid = 0
    intro = [(_split(e, "name"), _split(z, "name")) for e, z in texts.DESC_INTRO]
    n_intro = len(intro)
    n_close = len(texts.DESC_CLOSING)
    for plan in plans:
        rng = rng_for(seed, "products", plan.company_id)
        rand = rng.random
        slots: list[_Slot] = []
        for sec, ti in plan.choices:
            sd = sec.data
            t = sd.types[ti]
            slots.append((sec.id, sec.category_id, cache.get(sd, ti),
                          t.features or TYPE_FEATURES.get(t.name[0], ()), sd.features,
                          sd.lead[0], sd.lead[1] - sd.lead[0] + 1, t.moq, t.unit.en, t.unit.zh,
                          plan.certs[sec.id]))
        cum = plan.cum_weights
        total_w = cum[-1]
        cur = plan.currency
        factor = plan.price_factor * _RATES[cur]
        company_id = plan.company_id
        closings = [(" " + e.format(port=plan.port[0]), z.format(port_zh=plan.port[1]))
                    for e, z in texts.DESC_CLOSING]
        prefix = plan.model_prefix + "-"
        for _ in range(plan.product_count):
            pid += 1
            (sid, cid, variants, tfeat, sfeat, lead0, lead_n, moqs, unit_en, unit_zh,
             certs) = slots[bisect_left(cum, rand() * total_w)]
            name_en, name_zh, vspecs, kw, base = variants[int(rand() * len(variants))]
            nf = len(sfeat)
            f2 = int(rand() * nf)
            if tfeat:
                fe1, fz1 = tfeat[int(rand() * len(tfeat))]
            else:
                f1 = (f2 + 1 + int(rand() * (nf - 1))) % nf
                fe1, fz1 = sfeat[f1]
            fe2, fz2 = sfeat[f2]
            (ie0, ie1), (iz0, iz1) = intro[int(rand() * n_intro)]
            ce, cz = closings[int(rand() * n_close)]
            usd = base * factor * (0.88 + 0.24 * rand())
            pmin = _cents(usd)
            pmax = _cents(usd * (1.12 + 0.5 * rand()))
            if pmax <= pmin:
                pmax = pmin + 1
            batch.append({
                "id": pid,
                "company_id": company_id,
                "section_id": sid,
                "category_id": cid,
                "name_en": name_en,
                "name_zh": name_zh,
                "desc_en": ie0 + name_en + ie1 + " " + fe1 + " " + fe2 + ce,
                "desc_zh": iz0 + name_zh + iz1 + fz1 + fz2 + cz,
                "specs": [{"name_en": "Model No.", "name_zh": "型号",
                           "value": prefix + str(1000 + int(rand() * 9000))}, *vspecs],
                "image_count": 1 + int(rand() * rand() * 5),
                "price_min_cents": pmin,
                "price_max_cents": pmax,
                "currency": cur,
                "moq": _moq(moqs[int(rand() * len(moqs))], usd),
                "unit_en": unit_en,
                "unit_zh": unit_zh,
                "lead_time_days": lead0 + int(rand() * lead_n),
                "certifications": certs[int(rand() * len(certs))],
                "keywords": kw,
                "hidden": False,
            })
            if len(batch) >= BATCH_SIZE:
                yield batch
                batch = []
    if batch:
        yield batch


# ------------------------------------------------------------------ accounts

def _accounts(companies: list[dict[str, Any]]) -> list[DemoAccount]:
    c1, c2 = companies[0], companies[1]
    return [
        DemoAccount("buyer@demo.example", "fairdesk-buyer", "buyer", "Sophie Martin", None,
                    company="Maison Lumière SARL", country="France",
                    interests=("lighting", "home-decorations", "electronics"),
                    annual_volume="1M-5M USD"),
        DemoAccount("buyer2@demo.example", "fairdesk-buyer2", "buyer", "Daniel Okafor", None,
                    company="Okafor Home & Hardware Ltd.", country="Nigeria",
                    interests=("hardware-tools", "building-materials", "energy"),
                    annual_volume="500K-1M USD"),
        DemoAccount("exhibitor@demo.example", "fairdesk-exhibitor", "exhibitor", "Li Wei",
                    c1["id"], company=c1["name_en"], country=c1["country"]),
        DemoAccount("exhibitor2@demo.example", "fairdesk-exhibitor2", "exhibitor", "Chen Jing",
                    c1["id"], company=c1["name_en"], country=c1["country"]),
        DemoAccount("other@demo.example", "fairdesk-other", "exhibitor", "Zhang Min",
                    c2["id"], company=c2["name_en"], country=c2["country"]),
    ]


# ------------------------------------------------------------------ entry point

def generate(size: Size, seed: int = 2026) -> DemoFair:
    """The demo fair of ``size`` ("small", "medium" or "large") for ``seed``."""
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}; expected one of {', '.join(SIZES)}")
    n_booths, n_products = SIZES[size]
    categories, sections, secs = tree()
    companies, plans = make_companies(seed, secs, n_booths, n_products)
    return DemoFair(
        size=size,
        categories=categories,
        sections=sections,
        companies=companies,
        products=_products(seed, plans),
        accounts=_accounts(companies),
        product_count=n_products,
    )
