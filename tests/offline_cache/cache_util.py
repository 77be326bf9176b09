"""Helpers for the offline_cache tests: protocol-shaped entities and pages."""

from __future__ import annotations

from typing import Any

from offline_cache import syncstate
from offline_cache.store import Store


def product(pid: int, *, section_id: int = 1, company_id: int = 1, category_id: int = 1,
            name_en: str = "Plain Widget", name_zh: str = "普通部件", desc_en: str = "",
            desc_zh: str = "", keywords: str = "", price: tuple[int, int] = (100, 200),
            moq: int = 10, certifications: list[str] | None = None, hidden: bool = False,
            version: int = 1, currency: str = "USD") -> dict[str, Any]:
    return {
        "id": pid, "company_id": company_id, "section_id": section_id,
        "category_id": category_id, "name_en": name_en, "name_zh": name_zh,
        "desc_en": desc_en, "desc_zh": desc_zh,
        "specs": [{"name_en": "Material", "name_zh": "材质", "value": "steel"}],
        "image_count": 1, "price_min_cents": price[0], "price_max_cents": price[1],
        "currency": currency, "moq": moq, "unit_en": "pieces", "unit_zh": "件",
        "lead_time_days": 15, "certifications": certifications or [], "keywords": keywords,
        "hidden": hidden, "version": version, "updated_at": "2026-11-01T00:00:00Z",
    }


def company(cid: int, name_en: str = "", name_zh: str = "", section_ids: list[int] | None = None
            ) -> dict[str, Any]:
    return {
        "id": cid, "name_en": name_en or f"Ningbo Hengda Electrical Co., Ltd. {cid}",
        "name_zh": name_zh or f"宁波恒达电器有限公司{cid}", "country": "CN", "city": "Ningbo",
        "founded": 2001, "employees": 300, "profile_en": "Maker.", "profile_zh": "制造商。",
        "booth_no": f"10.2 D{cid}", "main_section_id": (section_ids or [1])[0],
        "section_ids": section_ids or [1], "has_logo": True, "has_banner": False,
        "is_demo": True, "version": 1, "updated_at": "2026-11-01T00:00:00Z",
    }


def up(entity: str, data: dict[str, Any], ident: Any = None) -> dict[str, Any]:
    return {"entity": entity, "op": "upsert",
            "id": ident if ident is not None else data.get("id", data.get("user_id")),
            "data": data}


def tomb(entity: str, ident: Any) -> dict[str, Any]:
    return {"entity": entity, "op": "delete", "id": ident}


def directory_page(companies: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    ch = [up("category", {"id": 1, "slug": "lighting", "name_en": "Lighting",
                          "name_zh": "照明", "position": 1}),
          up("category", {"id": 2, "slug": "household", "name_en": "Household",
                          "name_zh": "家居", "position": 2})]
    ch += [up("section", {"id": s, "category_id": 1 if s < 3 else 2, "slug": f"s{s}",
                          "name_en": f"Section {s}", "name_zh": f"展区{s}", "position": s,
                          "booth_count": 1, "product_count": 10, "est_bytes": 1000})
           for s in (1, 2, 3)]
    ch += [up("company", c) for c in (companies or [company(1), company(2)])]
    return ch


def apply(store: Store, scope: str, changes: list[dict[str, Any]],
          cursor: str | None = "c1") -> syncstate.ChangeSet:
    return store.write_sync(syncstate.apply_page, scope, changes, cursor)


def track(store: Store, *scopes: str) -> None:
    for s in scopes:
        store.write_sync(syncstate.track_scope, s)
