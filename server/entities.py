"""Entities on the wire (docs/protocol.md §4): selected columns and row -> dict.

JSON-valued columns are stored as JSON text and embedded with ``orjson.Fragment``
(no re-parsing), which keeps pulls fast.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from orjson import Fragment

from server import db

P = db.products.c
PRODUCT_COLS: tuple[sa.ColumnElement[Any], ...] = (
    P.id, P.company_id, P.section_id, P.category_id, P.name_en, P.name_zh, P.desc_en,
    P.desc_zh, P.specs, P.image_count, P.price_min_cents, P.price_max_cents, P.currency,
    P.moq, P.unit_en, P.unit_zh, P.lead_time_days, P.certifications, P.keywords, P.hidden,
    P.version, P.updated_at,
)
PRODUCT_KEYS: tuple[str, ...] = tuple(str(c.key) for c in PRODUCT_COLS)
_I_SPECS = PRODUCT_KEYS.index("specs")
_I_CERTS = PRODUCT_KEYS.index("certifications")


_I_HIDDEN = PRODUCT_KEYS.index("hidden")


def product_json_sql(dialect_name: str) -> sa.ColumnElement[Any] | None:
    """A SQL expression that builds the product's wire JSON in the database (SQLite's
    ``json_object``), so pulls do no per-field Python work; None where unsupported."""
    if dialect_name != "sqlite":
        return None  # PostgreSQL would use json_build_object here
    args: list[Any] = []
    for col in PRODUCT_COLS:
        args.append(sa.literal_column(f"'{col.key}'"))
        if col.key in ("specs", "certifications"):
            args.append(sa.func.json(col))
        elif col.key == "hidden":
            args.append(
                sa.func.json(
                    sa.case((col.is_(True), sa.literal_column("'true'")), else_=sa.literal_column("'false'"))
                )
            )
        else:
            args.append(col)
    return sa.func.json_object(*args)


def product(row: Any) -> dict[str, Any]:
    """A product row (PRODUCT_COLS, in order; SQLAlchemy or raw DBAPI) -> wire dict."""
    vals = list(row)
    vals[_I_SPECS] = Fragment(vals[_I_SPECS])
    vals[_I_CERTS] = Fragment(vals[_I_CERTS])
    vals[_I_HIDDEN] = bool(vals[_I_HIDDEN])
    return dict(zip(PRODUCT_KEYS, vals, strict=True))


CA = db.categories.c
CATEGORY_COLS: tuple[sa.ColumnElement[Any], ...] = (CA.id, CA.slug, CA.name_en, CA.name_zh, CA.position)
CATEGORY_KEYS: tuple[str, ...] = tuple(str(c.key) for c in CATEGORY_COLS)


def category(row: Any) -> dict[str, Any]:
    return dict(zip(CATEGORY_KEYS, row, strict=True))


S = db.sections.c
SECTION_COLS: tuple[sa.ColumnElement[Any], ...] = (
    S.id, S.category_id, S.slug, S.name_en, S.name_zh, S.position, S.booth_count,
    S.product_count, S.est_bytes,
)
SECTION_KEYS: tuple[str, ...] = tuple(str(c.key) for c in SECTION_COLS)


def section(row: Any) -> dict[str, Any]:
    return dict(zip(SECTION_KEYS, row, strict=True))


C = db.companies.c
COMPANY_COLS: tuple[sa.ColumnElement[Any], ...] = (
    C.id, C.name_en, C.name_zh, C.country, C.city, C.founded, C.employees, C.profile_en,
    C.profile_zh, C.booth_no, C.main_section_id, C.section_ids, C.has_logo, C.has_banner,
    C.is_demo, C.version, C.updated_at,
)
COMPANY_KEYS: tuple[str, ...] = tuple(str(c.key) for c in COMPANY_COLS)
_I_SECTION_IDS = COMPANY_KEYS.index("section_ids")


def company(row: Any) -> dict[str, Any]:
    vals = list(row)
    vals[_I_SECTION_IDS] = Fragment(vals[_I_SECTION_IDS])
    return dict(zip(COMPANY_KEYS, vals, strict=True))


U = db.users.c
PROFILE_COLS: tuple[sa.ColumnElement[Any], ...] = (
    U.id, U.display_name, U.email, U.role, U.company_id, U.company, U.country, U.interests,
    U.annual_volume, U.version,
)


def profile(row: Any) -> dict[str, Any]:
    (uid, name, email, role, company_id, comp, country, interests, volume, version) = row
    return {
        "user_id": uid,
        "display_name": name,
        "email": email,
        "role": role,
        "company_id": company_id,
        "company": comp,
        "country": country,
        "interests": Fragment(interests),
        "annual_volume": volume,
        "version": version,
    }


STAFF_COLS: tuple[sa.ColumnElement[Any], ...] = (U.id, U.display_name, U.email, U.company_id)


def staff(row: Any) -> dict[str, Any]:
    uid, name, email, company_id = row
    return {"user_id": uid, "display_name": name, "email": email, "company_id": company_id}


F = db.favourites.c
FAVOURITE_COLS: tuple[sa.ColumnElement[Any], ...] = (F.kind, F.target_id, F.note, F.tags, F.created_at)


def favourite_id(kind: str, target_id: int) -> str:
    return f"{kind}:{target_id}"


def favourite(row: Any) -> dict[str, Any]:
    kind, target_id, note, tags, created_at = row
    return {
        "id": favourite_id(kind, target_id),
        "kind": kind,
        "target_id": target_id,
        "note": note,
        "tags": Fragment(tags),
        "created_at": created_at,
    }
