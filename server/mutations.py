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

    def __init__(self, code: str, reason: str, result: Any = None, *, field: str | None = None) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason
        self.result = result
        #: the (dotted) argument field at fault, when one is (import reports use it)
        self.field = field


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


def validation_errors(e: ValidationError) -> list[tuple[str, str]]:
    """(dotted field, message) of every error of a pydantic validation."""
    return [(".".join(str(x) for x in err.get("loc", ())), str(err.get("msg"))) for err in e.errors()]


def _parse(model: type[BaseModel], args: dict[str, Any]) -> Any:
    try:
        return model.model_validate(args)
    except ValidationError as e:
        errs = validation_errors(e)
        msgs = [f"{loc}: {msg}" if loc else msg for loc, msg in errs[:5]]
        raise Rejected("invalid-value", "; ".join(msgs), field=errs[0][0] if errs else None) from None


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


AttachmentId = Annotated[StrictStr, Field(min_length=1, max_length=100)]
MAX_PRODUCT_IMAGES = 8


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
    #: uploaded images (§10): replaces the product's images, sets image_count
    image_attachment_ids: Annotated[list[AttachmentId], Field(max_length=MAX_PRODUCT_IMAGES)] | None = None
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
_NULLABLE = ("price_min_cents", "price_max_cents", "lead_time_days")


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
        raise Rejected("invalid-value", f"section_id: section {section_id} does not exist", field="section_id")
    return int(cat)


def _bump_section(ctx: MutationContext, section_id: int, delta: int) -> None:
    """Change a section's product count (and its estimated size) by ``delta``
    (a bulk import adds them up and changes each section once, at its end)."""
    if isinstance(ctx, _BulkContext):
        ctx.section_deltas[section_id] = ctx.section_deltas.get(section_id, 0) + delta
        return
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


def _image_sources(ctx: MutationContext, ids: list[str], field: str, kind: str,
                   render: bool = True, owner_id: int | None = None) -> list[Any]:
    """Check uploaded images (§10) and, with ``render``, decode and store their JPEGs now
    (else only their headers are checked and the JPEGs are made on first read: bulk
    imports keep the write lock short); ``invalid-value`` naming ``field``."""
    from server import uploads

    out = []
    keep = uploads.current_ids(ctx.conn, kind, owner_id)
    for i, aid in enumerate(ids):
        try:
            src = uploads.check_attachment(ctx.conn, ctx.user.id, aid, keep)
            if render:
                uploads.prepare(ctx.conn, src, kind)
            else:
                uploads.inspect(ctx.conn, src)
        except uploads.BadImage as e:
            where = f"{field}.{i}" if kind == "product" else field
            raise Rejected("invalid-value", f"{where}: {e.problem}", field=field) from None
        out.append(src)
    return out


def _upsert_product(
    ctx: MutationContext, fields: ProductFields, base_version: int | None, create: bool, company_id: int,
    render_images: bool = True,
) -> int:
    """Create (``create``) or update one product of ``company_id``; returns its id.
    ``base_version`` None on an update skips the version check (imports only).
    Shared by ``product.upsert`` and ``product.import``; raises :class:`Rejected`."""
    from server import catalog, uploads

    conn = ctx.conn
    given = {k: getattr(fields, k) for k in _PRODUCT_EDITABLE if k in fields.model_fields_set}
    bad = sorted(k for k, v in given.items() if v is None and k not in _NULLABLE)
    if bad:
        raise Rejected("invalid-value", f"{', '.join(bad)}: may not be null", field=bad[0])
    if "specs" in given:
        given["specs"] = orjson.dumps([s.model_dump() for s in fields.specs or []]).decode()
    if "certifications" in given:
        given["certifications"] = orjson.dumps(fields.certifications or []).decode()
    if fields.company_id is not None and fields.company_id != company_id:
        raise Rejected("forbidden", "you may only edit your own company's catalog", field="company_id")
    images: list[Any] | None = None
    if "image_attachment_ids" in fields.model_fields_set:
        if fields.image_attachment_ids is None:
            raise Rejected("invalid-value", "image_attachment_ids: may not be null (send [] to remove the images)",
                           field="image_attachment_ids")
        # the product's current images may be named again by any of its company's staff
        # (checked below: an update of a product of this company)
        owner = fields.id if not create else None
        images = _image_sources(ctx, fields.image_attachment_ids, "image_attachment_ids", "product",
                                render=render_images, owner_id=owner)
        given["image_count"] = len(images)

    if create:
        if fields.id is not None:
            raise Rejected("invalid-value", "product.id: must be absent when base_version is null (create)", field="id")
        if "name_en" not in given or "section_id" not in given:
            missing = "name_en" if "name_en" not in given else "section_id"
            raise Rejected("invalid-value", f"{missing}: required to create a product (name_en and section_id)",
                           field=missing)
        _check_prices(given)
        category_id = _section_category(conn, given["section_id"])
        row = {
            "name_zh": "", "desc_en": "", "desc_zh": "", "specs": "[]", "image_count": 0,
            "price_min_cents": None, "price_max_cents": None, "currency": "USD", "moq": 1,
            "unit_en": "piece", "unit_zh": "件", "lead_time_days": None,
            "certifications": "[]", "keywords": "", "hidden": False,
            **given,
        }
        pid = int(conn.execute(
            db.products.insert().values(
                **row, company_id=company_id, category_id=category_id, version=1,
                updated_at=ctx.now, seq=ctx.seq(),
            ).returning(db.products.c.id)
        ).scalar_one())
        if images:
            uploads.replace_all(conn, "product", pid, images, ctx.now)
        if not row["hidden"]:
            _bump_section(ctx, row["section_id"], +1)
        ctx.touched.update({f"section:{row['section_id']}", f"company:{company_id}"})
        catalog.index_product(conn, pid, row["name_en"], row["name_zh"], row["keywords"])
        return pid
    if fields.id is None:
        raise Rejected("invalid-value", "product.id: required to update (base_version is set)", field="id")
    pid = fields.id
    current = load_product(conn, pid)
    if current is None:
        raise Rejected("not-found", f"product {pid} does not exist", field="id")
    if current["company_id"] != company_id:
        raise Rejected("forbidden", "you may only edit your own company's catalog", field="id")
    if base_version is not None and current["version"] != base_version:
        raise Rejected(
            "conflict",
            f"product {pid} is at version {current['version']}, not {base_version}",
            {"current": current},
            field="base_version",
        )
    if images is None and "image_count" in given and uploads.has_any(conn, "product", pid):
        del given["image_count"]  # set by its uploaded images; an echoed count is ignored
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
    if images is not None:
        uploads.replace_all(conn, "product", pid, images, ctx.now)
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
    return pid


@mutation("product.upsert")
def product_upsert(ctx: MutationContext, args: dict[str, Any]) -> Any:
    a: ProductUpsertArgs = _parse(ProductUpsertArgs, args)
    company_id = _staff_company(ctx)
    pid = _upsert_product(ctx, a.product, a.base_version, a.base_version is None, company_id)
    data = load_product(ctx.conn, pid)
    assert data is not None
    return {"id": f"product:{pid}", "product_id": pid, "version": data["version"], "data": data}


def _check_prices(row: dict[str, Any]) -> None:
    lo, hi = row.get("price_min_cents"), row.get("price_max_cents")
    if lo is not None and hi is not None and lo > hi:
        raise Rejected("invalid-value", "price_min_cents must not exceed price_max_cents", field="price_min_cents")


@mutation("product.delete")
def product_delete(ctx: MutationContext, args: dict[str, Any]) -> Any:
    from server import catalog, uploads

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
    uploads.remove(conn, "product", a.id)
    catalog.unindex_product(conn, a.id)
    section_id = current["section_id"]
    db.add_tombstone(conn, f"section:{section_id}", "product", a.id, ctx.seq())
    db.add_tombstone(conn, f"company:{company_id}", "product", a.id, ctx.seq())
    if not current["hidden"]:
        _bump_section(ctx, section_id, -1)
    ctx.touched.update({f"section:{section_id}", f"company:{company_id}"})
    return {"id": f"product:{a.id}", "product_id": a.id}


# ------------------------------------------------------------------ product.import

MAX_IMPORT_ROWS = 2000
MAX_IMPORT_ERRORS = 500


@dataclass
class _BulkContext(MutationContext):
    """A mutation context for bulk work inside one mutation: change-sequence values are
    taken in blocks (fewer counter updates) and section counts are summed up."""

    section_deltas: dict[int, int] = field(default_factory=dict)
    _next: int = 0
    _end: int = 0

    def seq(self) -> int:
        if self._next >= self._end:
            self._next = db.next_seq(self.conn, 256)
            self._end = self._next + 256
        self._next += 1
        return self._next - 1


class ImportRow(ProductFields):
    base_version: Annotated[StrictInt, Field(ge=1, le=2**62)] | None = None


class ProductImportArgs(_Strict):
    company_id: Annotated[StrictInt, Field(ge=1, le=2**62)] | None = None
    products: Annotated[list[Any], Field(min_length=1, max_length=MAX_IMPORT_ROWS)]


@mutation("product.import")
def product_import(ctx: MutationContext, args: dict[str, Any]) -> Any:
    """All-or-nothing catalog import (§10): every row goes through product.upsert's
    validation; any bad row rejects the whole import (nothing applied) with a report
    of every bad row."""
    a: ProductImportArgs = _parse(ProductImportArgs, args)
    company_id = _staff_company(ctx)
    if a.company_id is not None and a.company_id != company_id:
        raise Rejected("forbidden", "you may only import into your own company's catalog")
    errors: list[dict[str, Any]] = []
    conflicts_only = True
    created: list[int] = []
    updated: list[int] = []
    bulk = _BulkContext(conn=ctx.conn, user=ctx.user, now=ctx.now)

    def bad(row: int, field: str | None, problem: str, conflict: bool = False) -> None:
        nonlocal conflicts_only
        conflicts_only = conflicts_only and conflict
        if len(errors) < MAX_IMPORT_ERRORS:
            errors.append({"row": row, "field": field or "", "problem": problem})

    for i, raw in enumerate(a.products):
        if not isinstance(raw, dict):
            bad(i, None, "a row must be an object of product fields")
            continue
        try:
            row = ImportRow.model_validate(raw)
        except ValidationError as e:
            for loc, msg in validation_errors(e):
                bad(i, loc, msg)
            continue
        fields = ProductFields.model_validate(row.model_dump(exclude={"base_version"}, exclude_unset=True))
        create = row.id is None
        if create and row.base_version is not None:
            bad(i, "base_version", "a new product (no id) has no base_version")
            continue
        try:
            pid = _upsert_product(bulk, fields, row.base_version, create, company_id, render_images=False)
        except Rejected as rej:
            reason = rej.reason
            if rej.field and reason.startswith(rej.field + ": "):
                reason = reason[len(rej.field) + 2:]
            bad(i, rej.field, reason, conflict=rej.code == "conflict")
            continue
        (created if create else updated).append(pid)
    if errors:
        n_bad = len({e["row"] for e in errors})
        code = "conflict" if conflicts_only else "invalid-value"
        raise Rejected(
            code,
            f"nothing was imported: {n_bad} of {len(a.products)} rows "
            f"{'are stale (edited meanwhile)' if conflicts_only else 'have errors'}"
            f"{' (the first ' + str(MAX_IMPORT_ERRORS) + ' problems are listed)' if len(errors) >= MAX_IMPORT_ERRORS else ''}",
            {"errors": errors},
        )
    for section_id, delta in sorted(bulk.section_deltas.items()):
        if delta:
            _bump_section(ctx, section_id, delta)
    ctx.touched |= bulk.touched
    key = f"imports:{company_id}"
    n = int(db.get_meta(ctx.conn, key, "0") or 0) + 1
    db.set_meta(ctx.conn, key, str(n))
    return {"id": f"import:{company_id}:{n}", "created": created, "updated": updated}


# ------------------------------------------------------------------ company.update

MAX_COMPANY_SECTIONS = 5


class CompanyFieldsIn(_Strict):
    name_en: Annotated[StrictStr, Field(min_length=1, max_length=300)] | None = None
    name_zh: Annotated[StrictStr, Field(max_length=300)] | None = None
    country: Annotated[StrictStr, Field(pattern=r"^[A-Z]{2}$")] | None = None
    city: Text200 | None = None
    founded: Annotated[StrictInt, Field(ge=1700, le=2100)] | None = None
    employees: Annotated[StrictInt, Field(ge=0, le=10**7)] | None = None
    profile_en: Text20k | None = None
    profile_zh: Text20k | None = None
    # §10: uploaded images (null: back to none / the drawn default) and the sections
    logo_attachment_id: AttachmentId | None = None
    banner_attachment_id: AttachmentId | None = None
    section_ids: Annotated[
        list[Annotated[StrictInt, Field(ge=1, le=2**62)]],
        Field(min_length=1, max_length=MAX_COMPANY_SECTIONS),
    ] | None = None


class CompanyUpdateArgs(_Strict):
    id: Annotated[StrictInt, Field(ge=1, le=2**62)] | None = None
    fields: CompanyFieldsIn
    base_version: Annotated[StrictInt, Field(ge=1, le=2**62)] | None


def load_company(conn: Connection, company_id: int) -> dict[str, Any] | None:
    row = conn.execute(sa.select(*entities.COMPANY_COLS).where(db.companies.c.id == company_id)).first()
    return entities.company(row) if row is not None else None


def _company_sections(ctx: MutationContext, current: dict[str, Any], section_ids: list[int]) -> dict[str, Any]:
    """New section_ids (and main_section_id) of a company; booth counts follow."""
    conn = ctx.conn
    if len(set(section_ids)) != len(section_ids):
        raise Rejected("invalid-value", "fields.section_ids: a section is listed twice", field="section_ids")
    s = db.sections
    known = set(conn.execute(sa.select(s.c.id).where(s.c.id.in_(section_ids))).scalars())
    missing = [sid for sid in section_ids if sid not in known]
    if missing:
        raise Rejected("invalid-value", f"fields.section_ids: no section {missing[0]}", field="section_ids")
    c = db.companies.c
    stored = conn.execute(sa.select(c.section_ids).where(c.id == current["id"])).scalar()
    old_ids = orjson.loads(stored) if stored else []
    old = set(old_ids) or ({current["main_section_id"]} if current["main_section_id"] else set())
    new = set(section_ids)
    for sid, delta in [*((x, -1) for x in sorted(old - new)), *((x, +1) for x in sorted(new - old))]:
        booths = conn.execute(sa.select(s.c.booth_count).where(s.c.id == sid)).scalar()
        if booths is None:
            continue
        conn.execute(
            sa.update(s).where(s.c.id == sid).values(booth_count=max(0, int(booths) + delta), seq=ctx.seq())
        )
    values: dict[str, Any] = {"section_ids": orjson.dumps(section_ids).decode()}
    if current["main_section_id"] not in new:
        values["main_section_id"] = section_ids[0]
    return values


def _company_image(ctx: MutationContext, company_id: int, kind: str, aid: str | None,
                   current: dict[str, Any]) -> dict[str, Any]:
    """Set (or with None remove) the uploaded logo/banner; the has_logo/has_banner value."""
    from server import uploads

    flag = "has_logo" if kind == "logo" else "has_banner"
    field = f"{kind}_attachment_id"
    row = uploads.get(ctx.conn, kind, company_id)
    if aid is None:
        if row is None:
            return {}
        uploads.remove(ctx.conn, kind, company_id)
        return {flag: bool(row.drawn_default)}
    src = _image_sources(ctx, [aid], field, kind, owner_id=company_id)[0]
    uploads.set_one(ctx.conn, kind, company_id, src, ctx.now, drawn_default=bool(current[flag]))
    return {flag: True}


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
    nullable = ("founded", "employees", "logo_attachment_id", "banner_attachment_id")
    nulls = sorted(k for k, v in values.items() if v is None and k not in nullable)
    if nulls:
        raise Rejected("invalid-value", f"{', '.join(nulls)}: may not be null", field=nulls[0])
    for kind in ("logo", "banner"):
        key = f"{kind}_attachment_id"
        if key in values:
            values.update(_company_image(ctx, company_id, kind, values.pop(key), current))
    if "section_ids" in values:
        values.update(_company_sections(ctx, current, values.pop("section_ids")))
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
