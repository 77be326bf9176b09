"""Push mutation handlers: a registry ``type -> handler``.

A handler runs inside the push's write transaction (within a SAVEPOINT): it validates
``args``, changes rows (taking change-sequence values with ``ctx.seq()``), records the
scopes its change touched in ``ctx.touched`` and returns the ``result`` (JSON-able, or
None).  A mutation that fails for good raises :class:`Rejected`; its writes are rolled
back to the savepoint and the rejection is recorded.

Later features register more handlers with ``@mutation("chat.send")`` etc.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

import orjson
import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError
from sqlalchemy.engine import Connection

from server import db, entities
from server.auth import User, check_profile_fields
from server.problems import ProblemError


class Rejected(Exception):
    """A mutation that fails for good: recorded as ``rejected`` with ``code``/``reason``."""

    def __init__(self, code: str, reason: str, result: Any = None) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason
        self.result = result


@dataclass
class MutationContext:
    conn: Connection
    user: User
    now: str
    touched: set[str] = field(default_factory=set)

    def seq(self) -> int:
        """Take the next change-sequence value (one per changed row)."""
        return db.next_seq(self.conn)


Handler = Callable[[MutationContext, dict[str, Any]], Any]
MUTATIONS: dict[str, Handler] = {}
#: Called after every applied handler, inside its savepoint: ``hook(ctx, type_)``
#: (derived data such as the workspace's leads and figures, :mod:`server.workspace`).
AFTER_APPLY: list[Callable[[MutationContext, str], None]] = []


def mutation(type_: str) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        MUTATIONS[type_] = fn
        return fn

    return deco


def apply(ctx: MutationContext, type_: str, args: Any) -> Any:
    handler = MUTATIONS.get(type_)
    if handler is None:
        raise Rejected("unknown-mutation", f"unknown mutation type {type_!r}")
    if not isinstance(args, dict):
        raise Rejected("invalid-value", "args must be an object")
    if not _valid_text(args):
        raise Rejected("invalid-value", "text must be valid Unicode (no unpaired surrogates)")
    result = handler(ctx, args)
    for hook in AFTER_APPLY:
        hook(ctx, type_)
    return result


def _valid_text(value: Any, depth: int = 0) -> bool:
    """No unpaired surrogates anywhere in the (JSON) value."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if depth > 32:
        return False
    if isinstance(value, dict):
        return all(_valid_text(k, depth + 1) and _valid_text(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return all(_valid_text(v, depth + 1) for v in value)
    return True


def _parse(model: type[BaseModel], args: dict[str, Any]) -> Any:
    try:
        return model.model_validate(args)
    except ValidationError as e:
        msgs = []
        for err in e.errors()[:5]:
            loc = ".".join(str(x) for x in err.get("loc", ()))
            msgs.append(f"{loc}: {err.get('msg')}" if loc else str(err.get("msg")))
        raise Rejected("invalid-value", "; ".join(msgs)) from None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ------------------------------------------------------------------ profile.update

@mutation("profile.update")
def profile_update(ctx: MutationContext, args: dict[str, Any]) -> Any:
    allowed = {"display_name", "company", "country", "interests", "annual_volume"}
    unknown = set(args) - allowed
    if unknown:
        raise Rejected("invalid-value", f"unknown profile field(s): {', '.join(sorted(unknown))}")
    if "display_name" in args and args["display_name"] is None:
        raise Rejected("invalid-value", "display_name: must be 1 to 100 characters")
    try:
        fields = check_profile_fields(args)
    except ProblemError as e:
        raise Rejected("invalid-value", e.detail) from None
    u = db.users
    version = ctx.conn.execute(
        sa.update(u)
        .where(u.c.id == ctx.user.id)
        .values(**fields, version=u.c.version + 1, seq=ctx.seq())
        .returning(u.c.version)
    ).scalar_one()
    ctx.touched.add(f"me:{ctx.user.id}")
    if ctx.user.company_id is not None:
        ctx.touched.add(f"company:{ctx.user.company_id}")
    from server.social_schema import buyer_links  # companies that see this buyer (§7)

    ctx.touched.update(f"company:{cid}" for cid in ctx.conn.execute(
        sa.select(buyer_links.c.company_id).where(buyer_links.c.buyer_user_id == ctx.user.id)
    ).scalars())
    return {"id": f"profile:{ctx.user.id}", "version": version}


# ------------------------------------------------------------------- favourites

Kind = Annotated[StrictStr, Field(pattern=r"^(product|company)$")]
TargetId = Annotated[StrictInt, Field(ge=1, le=2**62)]


class FavouriteSetArgs(_Strict):
    kind: Kind
    target_id: TargetId
    note: Annotated[StrictStr, Field(max_length=4000)] = ""
    tags: Annotated[list[Annotated[StrictStr, Field(min_length=1, max_length=50)]], Field(max_length=20)] = []


class FavouriteKeyArgs(_Strict):
    kind: Kind
    target_id: TargetId


def _visible_product(conn: Connection, user: User, product_id: int) -> Any:
    p = db.products.c
    row = conn.execute(sa.select(p.company_id, p.hidden).where(p.id == product_id)).first()
    if row is None or (row.hidden and row.company_id != user.company_id):
        return None
    return row


@mutation("favourite.set")
def favourite_set(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: FavouriteSetArgs = _parse(FavouriteSetArgs, args)
    conn = ctx.conn
    if a.kind == "product":
        exists = _visible_product(conn, ctx.user, a.target_id) is not None
    else:
        exists = conn.execute(
            sa.select(db.companies.c.id).where(db.companies.c.id == a.target_id)
        ).first() is not None
    if not exists:
        raise Rejected("not-found", f"{a.kind} {a.target_id} does not exist")
    f = db.favourites
    key = (f.c.user_id == ctx.user.id, f.c.kind == a.kind, f.c.target_id == a.target_id)
    tags = orjson.dumps(a.tags).decode()
    updated = conn.execute(sa.update(f).where(*key).values(note=a.note, tags=tags, seq=ctx.seq()))
    if updated.rowcount == 0:
        conn.execute(
            f.insert().values(
                user_id=ctx.user.id, kind=a.kind, target_id=a.target_id, note=a.note, tags=tags,
                created_at=ctx.now, seq=ctx.seq(),
            )
        )
        db.clear_tombstone(conn, f"me:{ctx.user.id}", "favourite", entities.favourite_id(a.kind, a.target_id))
    ctx.touched.add(f"me:{ctx.user.id}")
    return {"id": entities.favourite_id(a.kind, a.target_id)}


@mutation("favourite.remove")
def favourite_remove(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: FavouriteKeyArgs = _parse(FavouriteKeyArgs, args)
    f = db.favourites
    fid = entities.favourite_id(a.kind, a.target_id)
    deleted = ctx.conn.execute(
        sa.delete(f).where(f.c.user_id == ctx.user.id, f.c.kind == a.kind, f.c.target_id == a.target_id)
    )
    if deleted.rowcount:
        db.add_tombstone(ctx.conn, f"me:{ctx.user.id}", "favourite", fid, ctx.seq())
        ctx.touched.add(f"me:{ctx.user.id}")
    return {"id": fid}


# ------------------------------------------------------------------ catalog edits

Text200 = Annotated[StrictStr, Field(max_length=200)]
Text20k = Annotated[StrictStr, Field(max_length=20000)]
Cents = Annotated[StrictInt, Field(ge=0, le=10**13)]


class SpecIn(_Strict):
    name_en: Annotated[StrictStr, Field(max_length=200)]
    name_zh: Annotated[StrictStr, Field(max_length=200)] = ""
    value: Annotated[StrictStr, Field(max_length=500)]


class ProductFields(_Strict):
    id: Annotated[StrictInt, Field(ge=1, le=2**62)] | None = None
    company_id: Annotated[StrictInt, Field(ge=1, le=2**62)] | None = None
    section_id: Annotated[StrictInt, Field(ge=1, le=2**62)] | None = None
    category_id: StrictInt | None = None  # derived from the section; accepted and ignored
    name_en: Annotated[StrictStr, Field(min_length=1, max_length=300)] | None = None
    name_zh: Annotated[StrictStr, Field(max_length=300)] | None = None
    desc_en: Text20k | None = None
    desc_zh: Text20k | None = None
    specs: Annotated[list[SpecIn], Field(max_length=100)] | None = None
    image_count: Annotated[StrictInt, Field(ge=0, le=12)] | None = None
    price_min_cents: Cents | None = None
    price_max_cents: Cents | None = None
    currency: Annotated[StrictStr, Field(pattern=r"^[A-Z]{3}$")] | None = None
    moq: Annotated[StrictInt, Field(ge=1, le=10**9)] | None = None
    unit_en: Annotated[StrictStr, Field(max_length=50)] | None = None
    unit_zh: Annotated[StrictStr, Field(max_length=50)] | None = None
    lead_time_days: Annotated[StrictInt, Field(ge=0, le=3650)] | None = None
    certifications: Annotated[list[Annotated[StrictStr, Field(min_length=1, max_length=50)]], Field(max_length=50)] | None = None
    keywords: Text20k | None = None
    hidden: StrictBool | None = None
    # read-only fields a client may echo back; ignored
    version: StrictInt | None = None
    updated_at: StrictStr | None = None


class ProductUpsertArgs(_Strict):
    product: ProductFields
    base_version: Annotated[StrictInt, Field(ge=1, le=2**62)] | None


class ProductDeleteArgs(_Strict):
    id: Annotated[StrictInt, Field(ge=1, le=2**62)]
    base_version: Annotated[StrictInt, Field(ge=1, le=2**62)] | None = None


_PRODUCT_EDITABLE = (
    "section_id", "name_en", "name_zh", "desc_en", "desc_zh", "specs", "image_count",
    "price_min_cents", "price_max_cents", "currency", "moq", "unit_en", "unit_zh",
    "lead_time_days", "certifications", "keywords", "hidden",
)


def load_product(conn: Connection, product_id: int) -> dict[str, Any] | None:
    row = conn.execute(sa.select(*entities.PRODUCT_COLS).where(db.products.c.id == product_id)).first()
    return entities.product(row) if row is not None else None


def _staff_company(ctx: MutationContext) -> int:
    if ctx.user.role != "exhibitor" or ctx.user.company_id is None:
        raise Rejected("forbidden", "only exhibitor staff edit a catalog")
    return ctx.user.company_id


def _section_category(conn: Connection, section_id: int) -> int:
    cat = conn.execute(
        sa.select(db.sections.c.category_id).where(db.sections.c.id == section_id)
    ).scalar()
    if cat is None:
        raise Rejected("invalid-value", f"section_id: section {section_id} does not exist")
    return int(cat)


def _bump_section(ctx: MutationContext, section_id: int, delta: int) -> None:
    """Change a section's product count (and its estimated size) by ``delta``."""
    s = db.sections
    row = ctx.conn.execute(sa.select(s.c.product_count, s.c.est_bytes).where(s.c.id == section_id)).first()
    if row is None:
        return
    count, est = int(row.product_count), int(row.est_bytes)
    per = est // count if count > 0 else 600
    ctx.conn.execute(
        sa.update(s)
        .where(s.c.id == section_id)
        .values(
            product_count=max(0, count + delta),
            est_bytes=max(0, est + per * delta),
            seq=ctx.seq(),
        )
    )
    ctx.touched.add("directory")


@mutation("product.upsert")
def product_upsert(ctx: MutationContext, args: dict[str, Any]) -> Any:
    from server import catalog

    a: ProductUpsertArgs = _parse(ProductUpsertArgs, args)
    company_id = _staff_company(ctx)
    fields = a.product
    conn = ctx.conn
    given = {k: getattr(fields, k) for k in _PRODUCT_EDITABLE if k in fields.model_fields_set}
    if any(given.get(k, 0) is None for k in given if k not in ("price_min_cents", "price_max_cents", "lead_time_days")):
        bad = sorted(k for k, v in given.items() if v is None and k not in ("price_min_cents", "price_max_cents", "lead_time_days"))
        raise Rejected("invalid-value", f"{', '.join(bad)}: may not be null")
    if "specs" in given:
        given["specs"] = orjson.dumps([s.model_dump() for s in fields.specs or []]).decode()
    if "certifications" in given:
        given["certifications"] = orjson.dumps(fields.certifications or []).decode()
    if fields.company_id is not None and fields.company_id != company_id:
        raise Rejected("forbidden", "you may only edit your own company's catalog")

    if a.base_version is None:  # create
        if fields.id is not None:
            raise Rejected("invalid-value", "product.id: must be absent when base_version is null (create)")
        if "name_en" not in given or "section_id" not in given:
            raise Rejected("invalid-value", "product: name_en and section_id are required to create")
        category_id = _section_category(conn, given["section_id"])
        row = {
            "name_zh": "", "desc_en": "", "desc_zh": "", "specs": "[]", "image_count": 0,
            "price_min_cents": None, "price_max_cents": None, "currency": "USD", "moq": 1,
            "unit_en": "piece", "unit_zh": "件", "lead_time_days": None,
            "certifications": "[]", "keywords": "", "hidden": False,
            **given,
        }
        _check_prices(row)
        pid = conn.execute(
            db.products.insert().values(
                **row, company_id=company_id, category_id=category_id, version=1,
                updated_at=ctx.now, seq=ctx.seq(),
            ).returning(db.products.c.id)
        ).scalar_one()
        if not row["hidden"]:
            _bump_section(ctx, row["section_id"], +1)
        ctx.touched.update({f"section:{row['section_id']}", f"company:{company_id}"})
        catalog.index_product(conn, pid, row["name_en"], row["name_zh"], row["keywords"])
    else:  # update
        if fields.id is None:
            raise Rejected("invalid-value", "product.id: required to update (base_version is set)")
        pid = fields.id
        current = load_product(conn, pid)
        if current is None:
            raise Rejected("not-found", f"product {pid} does not exist")
        if current["company_id"] != company_id:
            raise Rejected("forbidden", "you may only edit your own company's catalog")
        if current["version"] != a.base_version:
            raise Rejected(
                "conflict",
                f"product {pid} is at version {current['version']}, not {a.base_version}",
                {"current": current},
            )
        new = {**current, **given}
        _check_prices(new)
        old_section, new_section = current["section_id"], new["section_id"]
        values = dict(given)
        if new_section != old_section:
            values["category_id"] = _section_category(conn, new_section)
        conn.execute(
            sa.update(db.products)
            .where(db.products.c.id == pid)
            .values(**values, version=db.products.c.version + 1, updated_at=ctx.now, seq=ctx.seq())
        )
        was_visible, now_visible = not current["hidden"], not new["hidden"]
        if new_section != old_section:
            db.add_tombstone(conn, f"section:{old_section}", "product", pid, ctx.seq())
            db.clear_tombstone(conn, f"section:{new_section}", "product", pid)
            if was_visible:
                _bump_section(ctx, old_section, -1)
            if now_visible:
                _bump_section(ctx, new_section, +1)
        elif was_visible != now_visible:
            _bump_section(ctx, new_section, +1 if now_visible else -1)
        ctx.touched.update({f"section:{old_section}", f"section:{new_section}", f"company:{company_id}"})
        if {"name_en", "name_zh", "keywords"} & set(given):
            catalog.index_product(conn, pid, new["name_en"], new["name_zh"], new["keywords"])
    data = load_product(conn, pid)
    assert data is not None
    return {"id": f"product:{pid}", "product_id": pid, "version": data["version"], "data": data}


def _check_prices(row: dict[str, Any]) -> None:
    lo, hi = row.get("price_min_cents"), row.get("price_max_cents")
    if lo is not None and hi is not None and lo > hi:
        raise Rejected("invalid-value", "price_min_cents must not exceed price_max_cents")


@mutation("product.delete")
def product_delete(ctx: MutationContext, args: dict[str, Any]) -> Any:
    from server import catalog

    a: ProductDeleteArgs = _parse(ProductDeleteArgs, args)
    company_id = _staff_company(ctx)
    current = load_product(ctx.conn, a.id)
    if current is None:
        raise Rejected("not-found", f"product {a.id} does not exist")
    if current["company_id"] != company_id:
        raise Rejected("forbidden", "you may only edit your own company's catalog")
    if a.base_version is not None and current["version"] != a.base_version:
        raise Rejected(
            "conflict",
            f"product {a.id} is at version {current['version']}, not {a.base_version}",
            {"current": current},
        )
    conn = ctx.conn
    conn.execute(sa.delete(db.products).where(db.products.c.id == a.id))
    catalog.unindex_product(conn, a.id)
    section_id = current["section_id"]
    db.add_tombstone(conn, f"section:{section_id}", "product", a.id, ctx.seq())
    db.add_tombstone(conn, f"company:{company_id}", "product", a.id, ctx.seq())
    if not current["hidden"]:
        _bump_section(ctx, section_id, -1)
    ctx.touched.update({f"section:{section_id}", f"company:{company_id}"})
    return {"id": f"product:{a.id}", "product_id": a.id}


class CompanyFieldsIn(_Strict):
    name_en: Annotated[StrictStr, Field(min_length=1, max_length=300)] | None = None
    name_zh: Annotated[StrictStr, Field(max_length=300)] | None = None
    country: Annotated[StrictStr, Field(pattern=r"^[A-Z]{2}$")] | None = None
    city: Text200 | None = None
    founded: Annotated[StrictInt, Field(ge=1700, le=2100)] | None = None
    employees: Annotated[StrictInt, Field(ge=0, le=10**7)] | None = None
    profile_en: Text20k | None = None
    profile_zh: Text20k | None = None


class CompanyUpdateArgs(_Strict):
    id: Annotated[StrictInt, Field(ge=1, le=2**62)] | None = None
    fields: CompanyFieldsIn
    base_version: Annotated[StrictInt, Field(ge=1, le=2**62)] | None


def load_company(conn: Connection, company_id: int) -> dict[str, Any] | None:
    row = conn.execute(sa.select(*entities.COMPANY_COLS).where(db.companies.c.id == company_id)).first()
    return entities.company(row) if row is not None else None


@mutation("company.update")
def company_update(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: CompanyUpdateArgs = _parse(CompanyUpdateArgs, args)
    company_id = _staff_company(ctx)
    if a.id is not None and a.id != company_id:
        raise Rejected("forbidden", "you may only edit your own company")
    current = load_company(ctx.conn, company_id)
    if current is None:  # pragma: no cover - staff always have a company
        raise Rejected("not-found", f"company {company_id} does not exist")
    if a.base_version is not None and current["version"] != a.base_version:
        raise Rejected(
            "conflict",
            f"company {company_id} is at version {current['version']}, not {a.base_version}",
            {"current": current},
        )
    values = {k: getattr(a.fields, k) for k in a.fields.model_fields_set}
    nulls = sorted(k for k, v in values.items() if v is None and k not in ("founded", "employees"))
    if nulls:
        raise Rejected("invalid-value", f"{', '.join(nulls)}: may not be null")
    c = db.companies
    ctx.conn.execute(
        sa.update(c)
        .where(c.c.id == company_id)
        .values(**values, version=c.c.version + 1, updated_at=ctx.now, seq=ctx.seq())
    )
    ctx.touched.add("directory")
    data = load_company(ctx.conn, company_id)
    assert data is not None
    return {"id": f"company:{company_id}", "version": data["version"], "data": data}
