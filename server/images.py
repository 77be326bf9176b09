"""Product, company and card images: uploaded ones (§10, :mod:`server.uploads`), else
drawn by ``server.demo.images`` on first request and cached on disk next to the
database; served with a strong ETag, Cache-Control, 304 and Range."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Annotated, Any, Literal

import orjson
import sqlalchemy as sa
from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from server import catalog, db, entities, uploads
from server.auth import Creds, require_user, token_of
from server.problems import ProblemError
from server.state import ServerState, get_state, json_response, run_sync

SIZES = {"thumb": 240, "full": 960}
CACHE_CONTROL = "public, max-age=604800"
_RANGE_RE = re.compile(r"^bytes=(\d{1,15})-(\d{0,15})$")


@dataclass
class Image:
    data: bytes
    etag: str


def _plain(d: dict[str, Any]) -> dict[str, Any]:
    """Wire dict with orjson Fragments -> plain Python values."""
    out: dict[str, Any] = orjson.loads(orjson.dumps(d))
    return out


def _write_atomic(path: FsPath, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".jpg")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _cached(path: FsPath, render: Any) -> Image:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = render()
        _write_atomic(path, data)
    return Image(data, _etag(data))


def _renderer() -> Any:
    try:
        import server.demo.images as demo_images
    except ImportError as e:  # pragma: no cover - the demo package ships with the server
        raise ProblemError(503, "unavailable", "Image rendering is not available.",
                           headers={"Retry-After": "60"}) from e
    return demo_images


def _etag(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


def _uploaded(conn: Any, row: Any, kind: str, size: str, what: str) -> Image:
    """The stored JPEG of an uploaded image (§10)."""
    try:
        data = uploads.rendered(conn, row.sha256, kind, size)
    except FileNotFoundError:
        raise ProblemError(404, "not-found", f"The image file of {what} is missing on the server.") from None
    except uploads.BadImage as e:
        raise ProblemError(404, "not-found", f"The image of {what} cannot be shown: {e.problem}.") from None
    return Image(data, _etag(data))


def product_image(state: ServerState, token: str | None, product_id: int, n: int, size: str) -> Image:
    with db.read_tx(state.engine) as conn:
        user = require_user(conn, token)
        product = catalog.visible_product(conn, user, product_id)
        if uploads.has_any(conn, "product", product_id):
            row = uploads.get(conn, "product", product_id, n)
            if row is None:
                raise ProblemError(404, "not-found", f"Product {product_id} has no image {n}.")
            return _uploaded(conn, row, "product", size, f"image {n} of product {product_id}")
    if n >= product["image_count"]:
        raise ProblemError(404, "not-found", f"Product {product_id} has no image {n}.")
    px = SIZES[size]
    path = state.image_dir / "product" / str(product_id // 1000) / f"{product_id}-{n}-{size}-v{product['version']}.jpg"
    return _cached(path, lambda: _renderer().render_product_image(_plain(product), n, px))


def company_image(state: ServerState, token: str | None, company_id: int, kind: str, size: str) -> Image:
    with db.read_tx(state.engine) as conn:
        require_user(conn, token)
        row = conn.execute(sa.select(*entities.COMPANY_COLS).where(db.companies.c.id == company_id)).first()
        if row is None:
            raise ProblemError(404, "not-found", f"There is no company {company_id}.")
        up = uploads.get(conn, kind, company_id)
        if up is not None:
            return _uploaded(conn, up, kind, size, f"the {kind} of company {company_id}")
    company = entities.company(row)
    if not company["has_logo" if kind == "logo" else "has_banner"]:
        raise ProblemError(404, "not-found", f"Company {company_id} has no {kind}.")
    px = SIZES[size]
    path = state.image_dir / "company" / str(company_id // 1000) / f"{company_id}-{kind}-{size}-v{company['version']}.jpg"
    return _cached(path, lambda: _renderer().render_company_image(_plain(company), kind, px))


def card_image(state: ServerState, token: str | None, card_id: int, size: str) -> Image:
    """A card's photo, for its owner and its holders; 404 for everybody else."""
    from server.social_schema import card_holdings, cards

    with db.read_tx(state.engine) as conn:
        user = require_user(conn, token)
        owner = conn.execute(sa.select(cards.c.owner_user_id).where(cards.c.id == card_id)).scalar()
        h = card_holdings.c
        allowed = owner is not None and (
            owner == user.id
            or conn.execute(
                sa.select(h.card_id).where(h.card_id == card_id, h.holder_user_id == user.id)
            ).first() is not None
        )
        row = uploads.get(conn, "card", card_id) if allowed else None
        if row is None:
            raise ProblemError(404, "not-found", f"There is no photo of card {card_id} you may see.")
        return _uploaded(conn, row, "card", size, f"the photo of card {card_id}")


def product_uploads(state: ServerState, token: str | None, product_id: int) -> dict[str, Any]:
    """The attachment ids of a product's uploaded images, in order (§10.3), for its
    company's staff (to keep some of them in a later ``image_attachment_ids``)."""
    with db.read_tx(state.engine) as conn:
        user = require_user(conn, token)
        owner = conn.execute(sa.select(db.products.c.company_id).where(db.products.c.id == product_id)).scalar()
        if owner is None or user.role != "exhibitor" or user.company_id != owner:
            raise ProblemError(404, "not-found", f"There is no product {product_id} of your company.")
        t = uploads.uploaded_images.c
        ids = list(conn.execute(
            sa.select(t.attachment_id).where(t.kind == "product", t.owner_id == product_id).order_by(t.n)
        ).scalars())
    return {"product_id": product_id, "image_attachment_ids": ids}


def _etag_matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    tags = [t.strip() for t in header.split(",")]
    return any(t.removeprefix("W/") == etag for t in tags)


def image_response(request: Request, img: Image) -> Response:
    headers = {"ETag": img.etag, "Cache-Control": CACHE_CONTROL, "Accept-Ranges": "bytes"}
    inm = request.headers.get("if-none-match")
    if inm is not None and _etag_matches(inm, img.etag):
        return Response(status_code=304, headers=headers)
    rng = request.headers.get("range")
    if_range = request.headers.get("if-range")
    total = len(img.data)
    if rng and (if_range is None or if_range.strip() == img.etag):
        m = _RANGE_RE.match(rng.strip())
        if m:
            start = int(m.group(1))
            end = int(m.group(2)) if m.group(2) else total - 1
            if start >= total or end < start:
                raise ProblemError(
                    416, "range-not-satisfiable", f"The image has {total} bytes.",
                    headers={"Content-Range": f"bytes */{total}", **headers},
                )
            end = min(end, total - 1)
            headers["Content-Range"] = f"bytes {start}-{end}/{total}"
            return Response(img.data[start : end + 1], status_code=206, media_type="image/jpeg", headers=headers)
    return Response(img.data, media_type="image/jpeg", headers=headers)


router = APIRouter()
_IMG: dict[int | str, dict[str, Any]] = {200: {"content": {"image/jpeg": {}}}, 206: {"description": "Partial content"}, 304: {"description": "Not modified"}}
Id = Annotated[int, Path(ge=1, le=2**62)]
Size = Annotated[Literal["thumb", "full"], Query()]


@router.get("/v1/images/product/{product_id}/{n}", response_class=Response, responses=_IMG, tags=["images"])
async def product_image_route(
    request: Request,
    creds: Creds,
    product_id: Id,
    n: Annotated[int, Path(ge=0, le=1000)],
    size: Size = "thumb",
) -> Response:
    img = await run_sync(product_image, get_state(request), token_of(creds), product_id, n, size)
    return image_response(request, img)


@router.get("/v1/images/company/{company_id}/{kind}", response_class=Response, responses=_IMG, tags=["images"])
async def company_image_route(
    request: Request,
    creds: Creds,
    company_id: Id,
    kind: Literal["logo", "banner"],
    size: Size = "thumb",
) -> Response:
    img = await run_sync(company_image, get_state(request), token_of(creds), company_id, kind, size)
    return image_response(request, img)


@router.get("/v1/images/card/{card_id}", response_class=Response, responses=_IMG, tags=["images"])
async def card_image_route(request: Request, creds: Creds, card_id: Id, size: Size = "thumb") -> Response:
    img = await run_sync(card_image, get_state(request), token_of(creds), card_id, size)
    return image_response(request, img)


@router.get("/v1/products/{product_id}/images", tags=["images"])
async def product_uploads_route(request: Request, creds: Creds, product_id: Id) -> Response:
    out = await run_sync(product_uploads, get_state(request), token_of(creds), product_id)
    return json_response(out)
