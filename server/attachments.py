"""Chat attachments (docs/protocol.md §7.6): ``PUT``/``GET /v1/attachments/{uuid}``.

* Only JPEG, PNG and WebP images and PDF documents, recognised by their content
  (magic bytes, then Pillow's ``verify`` for images, the PDF header and trailer for PDF),
  never by the declared ``Content-Type`` or the file name.
* At most :data:`MAX_BYTES` (10 MiB).  Stored on disk next to the database, named by
  SHA-256 (identical files are stored once); metadata in the ``attachments`` table.
* Idempotent: the same id with the same bytes by the same user answers the same
  metadata again; other bytes (or another user) under an existing id is ``409``.
* Read by the uploader, and by the participants of a conversation once a message there
  refers to it; everyone else gets ``404``.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import unicodedata
import uuid
import warnings
from pathlib import Path as FsPath
from typing import Any
from urllib.parse import quote, unquote

import sqlalchemy as sa
from fastapi import APIRouter, Request
from starlette.responses import Response

from server import db
from server.auth import Creds, require_user, token_of
from server.problems import ProblemError
from server.social_schema import attachments, messages
from server.state import ServerState, get_state, json_response, run_sync

MAX_BYTES = 10 * 1024 * 1024
#: Total bytes one user may upload (distinct attachments); env var to change it.
QUOTA_ENV = "FAIRDESK_ATTACHMENT_QUOTA_BYTES"
DEFAULT_QUOTA = 2 * 1024 * 1024 * 1024
_RANGE_RE = re.compile(r"^bytes=(\d{1,15})-(\d{0,15})$")
MAX_FILENAME = 120
PATH_PREFIX = "/v1/attachments/"

TYPES: dict[str, tuple[str, ...]] = {
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "image/webp": (".webp",),
    "application/pdf": (".pdf",),
}
_PIL_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)
_BAD_CHARS = re.compile(r'[<>:"/\\|?*]')


def attachment_dir(state: ServerState) -> FsPath:
    url = str(state.settings.db)
    if "://" in url:
        return FsPath("fairdesk-attachments")
    p = FsPath(url).expanduser().resolve()
    return p.parent / (p.stem + "-attachments")


def sniff(data: bytes) -> str | None:
    """The accepted media type of ``data`` by its content, or None."""
    if data.startswith(b"\xff\xd8\xff"):
        kind = "image/jpeg"
    elif data.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "image/png"
    elif len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        kind = "image/webp"
    elif re.match(rb"%PDF-[12]\.[0-9]", data[:16]):
        return "application/pdf" if b"%%EOF" in data[-2048:] else None
    else:
        return None
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                fmt = img.format
                img.verify()
    except Exception:
        return None
    return kind if fmt == _PIL_FORMATS[kind] else None


def safe_filename(raw: str | None, content_type: str) -> str:
    """A file name that is safe to save anywhere: no path parts, no control or
    direction-override characters, no reserved Windows names, at most
    :data:`MAX_FILENAME` characters, ending in an extension of ``content_type``."""
    name = unquote(raw or "", errors="replace")
    name = unicodedata.normalize("NFC", name)
    name = re.split(r"[/\\]", name)[-1]  # no directories, on any platform
    name = "".join(
        ch for ch in name
        if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
    )
    name = _BAD_CHARS.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    if _WINDOWS_RESERVED.match(name):
        name = "_" + name
    exts = TYPES[content_type]
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    if "." + ext.lower() not in exts:
        stem, ext = name, exts[0][1:]  # keep e.g. "spec.exe" visible as "spec.exe.pdf"
    stem = stem.strip(" .") or "attachment"
    stem = stem[: MAX_FILENAME - len(ext) - 1].rstrip(" .") or "attachment"
    return f"{stem}.{ext}"


def _quota() -> int:
    try:
        return int(os.environ.get(QUOTA_ENV, DEFAULT_QUOTA))
    except ValueError:
        return DEFAULT_QUOTA


def _check_id(attachment_id: str) -> str:
    try:
        u = uuid.UUID(attachment_id)
    except ValueError:
        raise ProblemError(400, "bad-request", "The attachment id must be a UUID.",
                           errors=[{"loc": ["path", "attachment_id"], "msg": "not a UUID"}]) from None
    if str(u) != attachment_id.lower():
        raise ProblemError(400, "bad-request", "The attachment id must be a UUID in its canonical form.",
                           errors=[{"loc": ["path", "attachment_id"], "msg": "not a canonical UUID"}])
    return str(u)


def _meta(row: Any) -> dict[str, Any]:
    return {
        "id": row.id, "filename": row.filename, "content_type": row.content_type,
        "size": int(row.size), "sha256": row.sha256, "created_at": row.created_at,
    }


_COLS = (attachments.c.id, attachments.c.uploader_user_id, attachments.c.filename,
         attachments.c.content_type, attachments.c.size, attachments.c.sha256,
         attachments.c.created_at)


def put_attachment(
    state: ServerState, token: str | None, attachment_id: str, data: bytes, filename: str | None
) -> tuple[int, dict[str, Any]]:
    aid = _check_id(attachment_id)
    if len(data) > MAX_BYTES:
        raise ProblemError(413, "too-large", f"An attachment is at most {MAX_BYTES // (1024 * 1024)} MiB.")
    with db.read_tx(state.engine) as conn:
        user = require_user(conn, token)
    if not data:
        raise ProblemError(422, "invalid-value", "The file is empty.",
                           errors=[{"loc": ["body"], "msg": "empty file"}])
    ctype = sniff(data)
    if ctype is None:
        raise ProblemError(
            415, "unsupported-media-type",
            "Only JPEG, PNG and WebP images and PDF documents are accepted; this file is "
            "none of them (or is damaged). The declared type and file name are not trusted.",
        )
    sha = hashlib.sha256(data).hexdigest()
    name = safe_filename(filename, ctype)
    folder = attachment_dir(state) / sha[:2]
    path = folder / sha
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{sha}.{uuid.uuid4().hex}.tmp"
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    with db.write_tx(state.engine) as conn:
        row = conn.execute(sa.select(*_COLS).where(attachments.c.id == aid)).first()
        if row is not None:
            if row.uploader_user_id != user.id or row.sha256 != sha:
                raise ProblemError(409, "conflict",
                                   "An attachment with this id and other content exists; "
                                   "a new file needs a new id.")
            return 200, _meta(row)
        used = conn.execute(
            sa.select(sa.func.coalesce(sa.func.sum(attachments.c.size), 0))
            .where(attachments.c.uploader_user_id == user.id)
        ).scalar_one()
        quota = _quota()
        if int(used) + len(data) > quota:
            raise ProblemError(413, "too-large",
                               f"Your attachments would exceed your upload quota of {quota} bytes.",
                               quota=quota, used=int(used))
        conn.execute(attachments.insert().values(
            id=aid, uploader_user_id=user.id, sha256=sha, size=len(data), content_type=ctype,
            filename=name, created_at=db.now_iso(),
        ))
        row = conn.execute(sa.select(*_COLS).where(attachments.c.id == aid)).one()
    return 201, _meta(row)


def get_attachment(state: ServerState, token: str | None, attachment_id: str) -> tuple[dict[str, Any], bytes]:
    aid = _check_id(attachment_id)
    not_found = ProblemError(404, "not-found", f"There is no attachment {aid} you may read.")
    with db.read_tx(state.engine) as conn:
        user = require_user(conn, token)
        row = conn.execute(sa.select(*_COLS).where(attachments.c.id == aid)).first()
        if row is None:
            raise not_found
        if row.uploader_user_id != user.id:
            m = messages.c
            member = sa.or_(
                m.buyer_user_id == user.id,
                m.company_id == (user.company_id if user.role == "exhibitor" and user.company_id else -1),
            )
            seen = conn.execute(sa.select(m.id).where(m.attachment_id == aid, member).limit(1)).first()
            if seen is None:
                raise not_found
    path = attachment_dir(state) / row.sha256[:2] / row.sha256
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ProblemError(404, "not-found", f"The file of attachment {aid} is missing on the server.") from None
    return _meta(row), data


def content_disposition(filename: str) -> str:
    fallback = "".join(ch if 32 <= ord(ch) < 127 and ch not in '"\\;%' else "_" for ch in filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


router = APIRouter()


_RAW_BODY = {"requestBody": {"required": True, "content": {
    t: {"schema": {"type": "string", "format": "binary"}} for t in (*TYPES, "application/octet-stream")
}}}


@router.put("/v1/attachments/{attachment_id}", tags=["chat"], openapi_extra=_RAW_BODY,
            responses={200: {"description": "Already uploaded (same bytes)"},
                       201: {"description": "Stored"}, 409: {"description": "Other bytes under this id"},
                       413: {"description": "Over 10 MiB"}, 415: {"description": "Not JPEG/PNG/WebP/PDF"}})
async def put_route(request: Request, creds: Creds, attachment_id: str) -> Response:
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_BYTES:
        raise ProblemError(413, "too-large", f"An attachment is at most {MAX_BYTES // (1024 * 1024)} MiB.",
                           headers={"Connection": "close"})
    body = await request.body()
    status, meta = await run_sync(
        put_attachment, get_state(request), token_of(creds), attachment_id, body,
        request.headers.get("x-filename"),
    )
    return json_response(meta, status=status)


@router.get("/v1/attachments/{attachment_id}", tags=["chat"], response_class=Response,
            responses={200: {"content": {"image/jpeg": {}, "image/png": {}, "image/webp": {},
                                         "application/pdf": {}}}})
async def get_route(request: Request, creds: Creds, attachment_id: str) -> Response:
    meta, data = await run_sync(get_attachment, get_state(request), token_of(creds), attachment_id)
    headers = {
        "Content-Disposition": content_disposition(meta["filename"]),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, max-age=86400",
        "ETag": f'"{meta["sha256"]}"',
    }
    headers["Accept-Ranges"] = "bytes"
    headers["Content-Encoding"] = "identity"  # never compressed: ranges are ranges of the file
    inm = request.headers.get("if-none-match")
    if inm is not None and headers["ETag"] in [t.strip().removeprefix("W/") for t in inm.split(",")]:
        return Response(status_code=304, headers=headers)
    rng = request.headers.get("range")
    if_range = request.headers.get("if-range")
    total = len(data)
    if rng and (if_range is None or if_range.strip() == headers["ETag"]):
        m = _RANGE_RE.match(rng.strip())
        if m:  # resume an interrupted download
            start = int(m.group(1))
            end = int(m.group(2)) if m.group(2) else total - 1
            if start >= total or end < start:
                raise ProblemError(416, "range-not-satisfiable", f"The file has {total} bytes.",
                                   headers={"Content-Range": f"bytes */{total}"})
            end = min(end, total - 1)
            headers["Content-Range"] = f"bytes {start}-{end}/{total}"
            return Response(data[start : end + 1], status_code=206, media_type=meta["content_type"],
                            headers=headers)
    return Response(data, media_type=meta["content_type"], headers=headers)
