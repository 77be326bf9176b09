"""The fair's category/section tree and small helpers shared by the generator modules."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import Any

from server.demo.catalog import CATEGORIES
from server.demo.model import CategoryData, Pair, SectionData


def rng_for(seed: int, *labels: object) -> random.Random:
    """A ``random.Random`` seeded from ``seed`` and labels (stable across runs/machines)."""
    key = "/".join([str(seed), *(str(x) for x in labels)]).encode()
    return random.Random(int.from_bytes(hashlib.sha256(key).digest()[:8], "big"))


def join_zh(parts: list[str]) -> str:
    """Concatenate Chinese name parts; a space only between two Latin words."""
    out = ""
    for p in parts:
        if not p:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum():
            out += " "
        out += p
    return out


def value_text(v: str) -> str:
    """A spec value: ``"en|zh"`` -> ``"en / zh"``; language-neutral values unchanged."""
    if "|" in v:
        en, zh = v.split("|", 1)
        return f"{en.strip()} / {zh.strip()}"
    return v


def spec_row(name: Pair, value: str) -> dict[str, str]:
    return {"name_en": name[0], "name_zh": name[1], "value": value}


def opt_text(opt: Pair) -> str:
    return opt[0] if opt[0] == opt[1] else f"{opt[0]} / {opt[1]}"


# ------------------------------------------------------------------ the catalog tree

@dataclass(frozen=True)
class Section:
    id: int
    category_id: int
    data: SectionData
    category: CategoryData
    hall: str  # "10.2"


def tree() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Section]]:
    categories: list[dict[str, Any]] = []
    sections: list[dict[str, Any]] = []
    secs: list[Section] = []
    sid = 0
    for ci, cat in enumerate(CATEGORIES):
        cid = ci + 1
        categories.append({"id": cid, "slug": cat.slug, "name_en": cat.name[0],
                           "name_zh": cat.name[1], "position": ci})
        for si, sec in enumerate(cat.sections):
            sid += 1
            sections.append({"id": sid, "category_id": cid, "slug": sec.slug,
                             "name_en": sec.name[0], "name_zh": sec.name[1], "position": si})
            secs.append(Section(sid, cid, sec, cat, f"{ci + 1}.{si + 1}"))
    return categories, sections, secs


def section_kinds() -> dict[int, str]:
    """Section id -> default drawing kind (images)."""
    return {s.id: s.data.kind for s in tree()[2]}


