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


# The compact pull format (docs/protocol.md §4, "product_format": "rows"): a product
# upsert is one JSON array of PRODUCT_KEYS values, in that order, with ``specs`` and
# ``certifications`` as their JSON text (a string the client stores without decoding).
PRODUCT_ROW_SPECS_AS_TEXT = ("specs", "certifications")


def product_row_sql(dialect_name: str) -> sa.ColumnElement[Any] | None:
    """The product's compact wire row (``json_array``) built in the database; None where
    unsupported. A TEXT argument of ``json_array`` becomes a JSON string, so specs and
    certifications go out as their stored JSON text without being parsed."""
    if dialect_name != "sqlite":
        return None
    args: list[Any] = []
    for col in PRODUCT_COLS:
        if col.key == "hidden":
            args.append(
                sa.func.json(
                    sa.case((col.is_(True), sa.literal_column("'true'")), else_=sa.literal_column("'false'"))
                )
            )
        else:
            args.append(col)
    return sa.func.json_array(*args)


def product_row(row: Any) -> list[Any]:
    """A product row (PRODUCT_COLS, in order) -> its compact wire row (see above)."""
    vals = list(row)
    vals[_I_HIDDEN] = bool(vals[_I_HIDDEN])
    for i in (_I_SPECS, _I_CERTS):
        if vals[i] is None:
            vals[i] = "[]"
    return vals


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


# ------------------------------------------- authorization, cards and chat (§7)
# These take a row's ``_mapping`` (or any mapping) of the columns named below.

def _json(text: str | None, default: str) -> Fragment:
    return Fragment(text if text else default)


def grant(m: Any) -> dict[str, Any]:
    """grant {id: company_id, company_id, company_name, status, granted_at, revoked_at, version}"""
    return {
        "id": m["company_id"],
        "company_id": m["company_id"],
        "company_name": m["company_name"],
        "status": m["status"],
        "granted_at": m["granted_at"],
        "revoked_at": m["revoked_at"],
        "version": m["version"],
    }


def buyer(m: Any) -> dict[str, Any]:
    """buyer: the full profile while authorized; only the limited part (user_id,
    display_name, company, country) when the buyer merely contacted the company."""
    authorized = bool(m["authorized"])
    return {
        "user_id": m["buyer_user_id"],
        "display_name": m["display_name"],
        "company": m["company"],
        "country": m["country"],
        "authorized": authorized,
        "contacted": bool(m["contacted"]),
        "authorized_at": m["authorized_at"] if authorized else None,
        "contacted_at": m["contacted_at"],
        "limited": not authorized,
        "email": m["email"] if authorized else None,
        "interests": _json(m["interests"], "[]") if authorized else None,
        "annual_volume": m["annual_volume"] if authorized else None,
    }


CARD_FIELDS = ("name", "title", "company", "country", "phone", "email", "website")


def card(m: Any, mine: bool) -> dict[str, Any]:
    """card {id, owner_user_id, name, title, company, country, phone, email, website,
    handles, has_photo, company_id, role, is_demo, version, updated_at, mine, holder}"""
    out: dict[str, Any] = {"id": m["id"], "owner_user_id": m["owner_user_id"]}
    for k in CARD_FIELDS:
        out[k] = m[k]
    out["handles"] = _json(m["handles"], "{}")
    out["has_photo"] = bool(m["has_photo"])
    out["company_id"] = m["company_id"]
    out["role"] = m["role"]
    out["is_demo"] = bool(m["is_demo"])
    out["version"] = m["version"]
    out["updated_at"] = m["updated_at"]
    out["mine"] = mine
    out["holder"] = None if mine else {
        "tags": _json(m["h_tags"], "[]"),
        "note": m["h_note"],
        "met_at": m["h_met_at"],
        "via": m["h_via"],
        "received_at": m["h_received_at"],
    }
    return out


def card_request(m: Any, outgoing: bool) -> dict[str, Any]:
    return {
        "id": m["id"],
        "from_user_id": m["from_user_id"],
        "from_name": m["from_name"],
        "from_company_id": m["from_company_id"],
        "to_user_id": m["to_user_id"],
        "to_company_id": m["to_company_id"],
        "buyer_user_id": m["buyer_user_id"],
        "company_id": m["company_id"],
        "company_name": m["company_name"],
        "note": m["note"],
        "status": m["status"],
        "direction": "outgoing" if outgoing else "incoming",
        "created_at": m["created_at"],
        "decided_at": m["decided_at"],
        "decided_by_user_id": m["decided_by_user_id"],
    }


def conversation(m: Any, side: str) -> dict[str, Any]:
    """``side``: the viewer's side (buyer | company), which picks ``unread``."""
    return {
        "id": m["id"],
        "buyer_user_id": m["buyer_user_id"],
        "buyer_name": m["buyer_name"],
        "company_id": m["company_id"],
        "company_name": m["company_name"],
        "company_is_demo": bool(m["company_is_demo"]),
        "started_by": m["started_by"],
        "created_at": m["created_at"],
        "message_count": m["message_count"],
        "last_message": _json(m["last_message"], "null"),
        "last_message_at": m["last_message_at"],
        "unread": m["buyer_unread"] if side == "buyer" else m["company_unread"],
        "buyer_read_upto": m["buyer_read_upto"],
        "company_read_upto": m["company_read_upto"],
        "company_read_by": m["company_read_by"],
    }


def message(m: Any) -> dict[str, Any]:
    return {
        "id": m["id"],
        "conversation_id": m["conversation_id"],
        "n": m["n"],
        "buyer_user_id": m["buyer_user_id"],
        "company_id": m["company_id"],
        "sender_user_id": m["sender_user_id"],
        "sender_name": m["sender_name"],
        "sender_side": m["sender_side"],
        "client_msg_id": m["client_msg_id"],
        "kind": m["kind"],
        "text": m["text"],
        "product_id": m["product_id"],
        "product": _json(m["product"], "null"),
        "attachment_id": m["attachment_id"],
        "attachment": _json(m["attachment"], "null"),
        "is_demo_reply": bool(m["is_demo_reply"]),
        "created_at": m["created_at"],
    }


def quick_reply(m: Any) -> dict[str, Any]:
    return {
        "id": m["key"],
        "text": m["text"],
        "position": m["position"],
        "updated_by_user_id": m["updated_by"],
        "updated_at": m["updated_at"],
    }
