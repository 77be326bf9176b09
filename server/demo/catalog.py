"""The demo fair's catalog: categories -> sections -> product types (see ``model``)."""

from __future__ import annotations

import dataclasses

from server.demo import catalog_a, catalog_b, catalog_c, catalog_d, catalog_e, catalog_f
from server.demo.catalog_extra import EXTRA_TYPES
from server.demo.model import CategoryData

_BASE: list[CategoryData] = [
    *catalog_a.CATEGORIES,  # electronics, lighting
    *catalog_b.CATEGORIES,  # hardware and tools, building materials
    *catalog_c.CATEGORIES,  # home decorations, gifts, toys
    *catalog_d.CATEGORIES,  # textiles and garments, shoes, cases and bags
    *catalog_e.CATEGORIES,  # office supplies, food, health
    *catalog_f.CATEGORIES,  # vehicles and parts, machinery, energy
]

CATEGORIES: list[CategoryData] = [
    dataclasses.replace(cat, sections=tuple(
        dataclasses.replace(sec, types=sec.types + tuple(EXTRA_TYPES.get(sec.slug, ())))
        for sec in cat.sections
    ))
    for cat in _BASE
]


def check() -> list[str]:
    """Problems in the catalog data (unknown cities/colours/kinds, empty sections)."""
    import server.demo.drawings_b
    import server.demo.drawings_c  # noqa: F401
    from server.demo.drawings import KINDS
    from server.demo.features import TYPE_FEATURES
    from server.demo.model import COLOURS
    from server.demo.names import CITIES

    problems: list[str] = []
    slugs: set[str] = set()
    type_names: set[str] = set()
    sections = {sec.slug for cat in CATEGORIES for sec in cat.sections}
    for slug in EXTRA_TYPES:
        if slug not in sections:
            problems.append(f"extra types for an unknown section {slug!r}")
    for cat in CATEGORIES:
        for sec in cat.sections:
            where = f"{cat.slug}/{sec.slug}"
            if sec.slug in slugs:
                problems.append(f"{where}: duplicate section slug")
            slugs.add(sec.slug)
            if len(sec.types) < 3:
                problems.append(f"{where}: fewer than 3 product types")
            if len(sec.features) < 2:
                problems.append(f"{where}: fewer than 2 features")
            if not sec.certs or not sec.industry:
                problems.append(f"{where}: no certifications or industry words")
            for c in sec.cities:
                if c not in CITIES:
                    problems.append(f"{where}: unknown city {c!r}")
            for kind in {sec.kind, *(t.kind for t in sec.types)}:
                if kind not in KINDS:
                    problems.append(f"{where}: unknown drawing kind {kind!r}")
            for t in sec.types:
                type_names.add(t.name[0])
                for col in (t.colours if t.colours is not None else sec.colours):
                    if col not in COLOURS:
                        problems.append(f"{where}: {t.name[0]}: unknown colour {col!r}")
                if not 0 < t.price[0] <= t.price[1]:
                    problems.append(f"{where}: {t.name[0]}: bad price range")
                if not t.name[1] or t.name[0] == t.name[1]:
                    problems.append(f"{where}: {t.name[0]}: no Chinese name")
            if not 7 <= sec.lead[0] <= sec.lead[1] <= 60:
                problems.append(f"{where}: lead time outside 7-60 days")
    for name in TYPE_FEATURES:
        if name not in type_names:
            problems.append(f"features for an unknown product type {name!r}")
    return problems
