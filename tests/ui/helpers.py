"""Helpers shared by the UI tests: waiting on the qasync loop, a hand-written fair."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

N_COMPANIES = 12
PRODUCTS_PER_COMPANY = 9


async def wait_until(cond: Callable[[], bool], timeout: float = 20.0, what: str = "") -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not cond():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what or cond}")
        await asyncio.sleep(0.01)


def fair_changes() -> tuple[list[dict[str, Any]], dict[int, list[dict[str, Any]]]]:
    """(directory changes, {section_id: product changes}) of a small bilingual fair."""
    directory: list[dict[str, Any]] = []
    cats = [(1, "Electronics", "电子产品"), (2, "Home & Garden", "家居园艺")]
    for cid, en, zh in cats:
        directory.append({"entity": "category", "op": "upsert", "id": cid,
                          "data": {"id": cid, "slug": en.lower(), "name_en": en, "name_zh": zh, "position": cid}})
    sections = [(10, 1, "Lighting", "照明"), (11, 1, "Audio", "音响"), (20, 2, "Furniture", "家具")]
    for sid, cid, en, zh in sections:
        directory.append({"entity": "section", "op": "upsert", "id": sid, "data": {
            "id": sid, "category_id": cid, "slug": en.lower(), "name_en": en, "name_zh": zh,
            "position": sid, "booth_count": 4, "product_count": 36, "est_bytes": 123456}})
    products: dict[int, list[dict[str, Any]]] = {sid: [] for sid, *_ in sections}
    pid = 1000
    for i in range(N_COMPANIES):
        sid = sections[i % len(sections)][0]
        co = 100 + i
        directory.append({"entity": "company", "op": "upsert", "id": co, "data": {
            "id": co, "name_en": f"Acme Works {i:02d}", "name_zh": f"极致工坊{i:02d}",
            "country": "CN", "city": "Ningbo", "founded": 1990 + i, "employees": 50 + i,
            "profile_en": "We make <b>lamps</b> & speakers.", "profile_zh": "我们生产灯具和音箱。",
            "booth_no": f"{sid}.{i:02d}", "main_section_id": sid, "section_ids": [sid],
            "has_logo": False, "has_banner": False, "is_demo": True, "version": 1,
            "updated_at": "2026-11-01T00:00:00Z"}})
        for j in range(PRODUCTS_PER_COMPANY):
            pid += 1
            word = ["Lamp", "Speaker", "Chair"][j % 3]
            zh = ["台灯", "音箱", "椅子"][j % 3]
            products[sid].append({"entity": "product", "op": "upsert", "id": pid, "data": {
                "id": pid, "company_id": co, "section_id": sid,
                "category_id": 1 if sid < 20 else 2,
                "name_en": f"Smart {word} {pid}", "name_zh": f"智能{zh}{pid}",
                "desc_en": f"A smart {word.lower()}.", "desc_zh": f"一款智能{zh}。",
                "specs": [{"name_en": "Weight", "name_zh": "重量", "value": f"{j + 1} kg"}],
                "image_count": 0, "price_min_cents": 100 * (j + 1), "price_max_cents": 150 * (j + 1),
                "currency": "USD", "moq": 10 * (j + 1), "unit_en": "pieces", "unit_zh": "件",
                "lead_time_days": 20 + j, "certifications": ["CE"] if j % 2 else ["CE", "RoHS"],
                "keywords": word.lower(), "hidden": False, "version": 1,
                "updated_at": "2026-11-01T00:00:00Z"}})
    return directory, products


async def fill_store(store: Any, sections: tuple[int, ...] = (10, 11, 20)) -> None:
    from offline_cache import syncstate

    directory, products = fair_changes()
    await store.write(syncstate.track_scope, "directory")
    await store.write(syncstate.apply_page, "directory", directory, "cursor-d1")
    for sid in sections:
        scope = f"section:{sid}"
        await store.write(syncstate.track_scope, scope)
        await store.write(syncstate.apply_page, scope, products[sid], f"cursor-{sid}")


