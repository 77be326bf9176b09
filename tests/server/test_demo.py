"""The demo fair generator and its drawn images (``server.demo``)."""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from server.demo import images
from server.demo.generator import SIZES, DemoFair, generate

HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def _all(fair: DemoFair) -> list[dict[str, Any]]:
    return [p for batch in fair.products for p in batch]


@pytest.fixture(scope="module")
def small() -> tuple[DemoFair, list[dict[str, Any]]]:
    fair = generate("small")
    return fair, _all(fair)


def test_same_seed_same_fair() -> None:
    a, b = generate("small", seed=11), generate("small", seed=11)
    assert a.categories == b.categories
    assert a.sections == b.sections
    assert a.companies == b.companies
    assert a.accounts == b.accounts
    assert _all(a) == _all(b)


def _digest(size: str, seed: int) -> str:
    fair = generate(size, seed)  # type: ignore[arg-type]
    h = hashlib.sha256()
    for part in (fair.categories, fair.sections, fair.companies, [a.__dict__ for a in fair.accounts]):
        h.update(json.dumps(part, sort_keys=True, ensure_ascii=False).encode())
    for batch in fair.products:
        h.update(json.dumps(batch, sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()


def test_same_fair_in_another_process_with_other_hash_seed() -> None:
    # str hashes are salted per process: the fair must not depend on them
    code = "from tests.server.test_demo import _digest; print(_digest('small', 5))"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert out.stdout.strip() == _digest("small", 5)


def test_other_seed_other_fair() -> None:
    a, b = generate("small", seed=1), generate("small", seed=2)
    assert a.companies != b.companies
    assert next(a.products) != next(b.products)


def test_sizes_and_counts(small: tuple[DemoFair, list[dict[str, Any]]]) -> None:
    fair, products = small
    booths, n = SIZES["small"]
    assert fair.size == "small"
    assert len(fair.companies) == booths
    assert fair.product_count == n == len(products)
    assert 45 <= len(fair.sections) <= 55
    cats = {c["slug"] for c in fair.categories}
    for slug in ("electronics", "lighting", "hardware-tools", "building-materials", "home-decorations",
                 "gifts", "toys", "textiles-garments", "shoes", "cases-bags", "office-supplies", "food",
                 "health", "vehicles-parts", "machinery", "energy"):
        assert slug in cats
    per_cat: dict[int, int] = {}
    for s in fair.sections:
        per_cat[s["category_id"]] = per_cat.get(s["category_id"], 0) + 1
    assert all(2 <= k <= 5 for k in per_cat.values())
    # every section has exhibitors and products even in the small fair
    assert {p["section_id"] for p in products} == {s["id"] for s in fair.sections}


def test_unknown_size_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown demo size"):
        generate("huge")  # type: ignore[arg-type]


def test_ids_unique_and_consistent(small: tuple[DemoFair, list[dict[str, Any]]]) -> None:
    fair, products = small
    cat_ids = [c["id"] for c in fair.categories]
    sec_ids = [s["id"] for s in fair.sections]
    co_ids = [c["id"] for c in fair.companies]
    pids = [p["id"] for p in products]
    for ids in (cat_ids, sec_ids, co_ids, pids):
        assert len(ids) == len(set(ids))
    assert pids == list(range(1, len(pids) + 1))
    sec_cat = {s["id"]: s["category_id"] for s in fair.sections}
    assert set(sec_cat.values()) <= set(cat_ids)
    companies = {c["id"]: c for c in fair.companies}
    for c in fair.companies:
        assert c["main_section_id"] in sec_cat
        assert c["main_section_id"] in c["section_ids"]
        assert set(c["section_ids"]) <= set(sec_cat)
    assert len({c["join_code"] for c in fair.companies}) == len(fair.companies)
    assert len({c["booth_no"] for c in fair.companies}) == len(fair.companies)
    assert len({c["name_en"] for c in fair.companies}) == len(fair.companies)
    for p in products:
        assert p["company_id"] in companies
        assert p["section_id"] in companies[p["company_id"]]["section_ids"]
        assert p["category_id"] == sec_cat[p["section_id"]]


def test_accounts(small: tuple[DemoFair, list[dict[str, Any]]]) -> None:
    fair, _ = small
    by_email = {a.email: a for a in fair.accounts}
    expected = {
        "buyer@demo.example": ("fairdesk-buyer", "buyer", None),
        "buyer2@demo.example": ("fairdesk-buyer2", "buyer", None),
        "exhibitor@demo.example": ("fairdesk-exhibitor", "exhibitor", 1),
        "exhibitor2@demo.example": ("fairdesk-exhibitor2", "exhibitor", 1),
        "other@demo.example": ("fairdesk-other", "exhibitor", 2),
    }
    assert set(by_email) == set(expected)
    co_ids = {c["id"] for c in fair.companies}
    for email, (password, role, company) in expected.items():
        a = by_email[email]
        assert (a.password, a.role, a.company_id) == (password, role, company)
        assert len(a.password) >= 8 and a.display_name
        assert a.company_id is None or a.company_id in co_ids
    buyer = by_email["buyer@demo.example"]
    assert buyer.company and buyer.country and buyer.interests and buyer.annual_volume
    slugs = {c["slug"] for c in fair.categories}
    assert set(buyer.interests) <= slugs
    c1 = fair.companies[0]
    assert "Lighting" in c1["name_en"] or "Appliance" in c1["name_en"]
    assert c1["has_logo"] and c1["has_banner"]


def _is_zh(text: str) -> bool:
    return bool(HAN.search(text))


def test_bilingual_text(small: tuple[DemoFair, list[dict[str, Any]]]) -> None:
    fair, products = small
    for row in [*fair.categories, *fair.sections]:
        assert row["name_en"] and not _is_zh(row["name_en"])
        assert _is_zh(row["name_zh"])
    for c in fair.companies:
        assert c["name_en"] and c["profile_en"] and not _is_zh(c["name_en"] + c["profile_en"])
        assert _is_zh(c["name_zh"]) and _is_zh(c["profile_zh"])
        assert c["name_zh"].endswith("公司")
        assert re.fullmatch(r"\d+\.\d [A-Z]\d{2}", c["booth_no"])
        assert c["is_demo"] is True
    for p in products:
        assert not _is_zh(p["name_en"] + p["desc_en"]), p["name_en"]
        assert _is_zh(p["name_zh"]) and _is_zh(p["desc_zh"]), p["name_zh"]
        # no English words left in Chinese text except units, codes and brands (short)
        zh_latin = " ".join(LATIN_WORD.findall(p["desc_zh"]))
        assert len(zh_latin) < len(p["desc_zh"]) / 2
        assert p["name_en"] in p["desc_en"]
        assert _is_zh(p["keywords"]) and re.search(r"[a-z]", p["keywords"])
        assert p["unit_en"] and _is_zh(p["unit_zh"])
        for s in p["specs"]:
            assert s["name_en"] and _is_zh(s["name_zh"]) and s["value"]
        assert "{" not in p["desc_en"] + p["desc_zh"]


def test_commercial_fields(small: tuple[DemoFair, list[dict[str, Any]]]) -> None:
    _, products = small
    currencies = set()
    for p in products:
        assert 0 < p["price_min_cents"] < p["price_max_cents"]
        assert p["currency"] in ("USD", "EUR", "CNY")
        currencies.add(p["currency"])
        assert p["moq"] >= 1
        assert 7 <= p["lead_time_days"] <= 60
        assert p["certifications"] and all(isinstance(c, str) and c for c in p["certifications"])
        assert 1 <= p["image_count"] <= 5
        assert p["hidden"] is False
    assert "USD" in currencies
    assert sum(p["currency"] == "USD" for p in products) > len(products) / 2
    # variety: many different names in every section
    names = {p["name_en"] for p in products}
    assert len(names) > len(products) / 4


def test_large_streams_in_batches() -> None:
    fair = generate("large")
    assert fair.product_count == SIZES["large"][1]
    assert len(fair.companies) == SIZES["large"][0]
    first = list(itertools.islice(fair.products, 3))
    assert all(1 <= len(b) <= 5_000 for b in first)
    ids = [p["id"] for b in first for p in b]
    assert ids == list(range(1, len(ids) + 1))
    company_ids = {c["id"] for c in fair.companies}
    assert all(p["company_id"] in company_ids for b in first for p in b)


def _decode(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img.load()
    assert img.format == "JPEG"
    return img


@pytest.mark.parametrize("size", [240, 960])
def test_product_images(small: tuple[DemoFair, list[dict[str, Any]]], size: int) -> None:
    _, products = small
    by_section: dict[int, dict[str, Any]] = {}
    for p in products:
        by_section.setdefault(p["section_id"], p)
    kinds = {images.product_kind(p) for p in by_section.values()}
    assert len(kinds) >= 15  # sections are drawn differently
    for p in list(by_section.values())[:: 1 if size == 240 else 8]:
        for n in range(min(p["image_count"], 2 if size == 240 else 1)):
            img = _decode(images.render_product_image(p, n, size))
            assert img.size == (size, size)
            assert img.mode == "RGB"


def test_product_image_deterministic_and_varied(small: tuple[DemoFair, list[dict[str, Any]]]) -> None:
    _, products = small
    p = products[0]
    a = images.render_product_image(p, 0, 240)
    assert a == images.render_product_image(dict(p), 0, 240)
    assert a != images.render_product_image(p, 1, 240)
    assert a != images.render_product_image(products[-1], 0, 240)


def test_product_image_from_wire_dict_without_extras() -> None:
    # the server renders from stored rows; missing or odd fields must not crash
    img = _decode(images.render_product_image({"id": 5, "name_en": "Unknown Thing"}, 0, 64))
    assert img.size == (64, 64)
    with pytest.raises(ValueError):
        images.render_product_image({"id": 5}, 0, 0)
    stored = {"id": 7, "section_id": 5, "category_id": "x", "specs": '[{"name_en": "Colour", "value": "Red / 红色"}]'}
    assert _decode(images.render_product_image(stored, -1, 32)).size == (32, 32)
    assert _decode(images.render_product_image({"id": 8, "specs": "not json"}, 0, 32)).size == (32, 32)


@pytest.mark.parametrize(("kind", "size", "expected"), [
    ("logo", 240, (240, 240)), ("logo", 960, (960, 960)),
    ("banner", 480, (480, 160)), ("banner", 960, (960, 320)),
])
def test_company_images(small: tuple[DemoFair, list[dict[str, Any]]], kind: str, size: int,
                        expected: tuple[int, int]) -> None:
    fair, _ = small
    for c in fair.companies[:3]:
        img = _decode(images.render_company_image(c, kind, size))  # type: ignore[arg-type]
        assert img.size == expected
    with pytest.raises(ValueError):
        images.render_company_image(fair.companies[0], "poster", 240)  # type: ignore[arg-type]


def test_catalog_data_is_consistent() -> None:
    from server.demo import catalog

    assert catalog.check() == []
