"""RFC 9457 problem documents for every error reply, and the exception handlers."""

from __future__ import annotations

import json
import logging
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

log = logging.getLogger(__name__)

PROBLEM_BASE = "https://fairdesk.invalid/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"

TITLES: dict[str, str] = {
    "bad-request": "Bad request",
    "invalid-cursor": "Invalid cursor",
    "invalid-scope": "Invalid scope",
    "unauthenticated": "Not signed in",
    "forbidden": "Forbidden",
    "not-found": "Not found",
    "method-not-allowed": "Method not allowed",
    "not-acceptable": "Not acceptable",
    "sequence-gap": "Sequence gap",
    "client-id-taken": "Client id taken",
    "email-taken": "Email taken",
    "too-large": "Too large",
    "unsupported-media-type": "Unsupported media type",
    "range-not-satisfiable": "Range not satisfiable",
    "invalid-value": "Invalid value",
    "rate-limited": "Too many requests",
    "internal-error": "Internal server error",
    "unavailable": "Service unavailable",
}

_STATUS_CODES: dict[int, str] = {
    400: "bad-request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    413: "too-large",
    415: "unsupported-media-type",
    416: "range-not-satisfiable",
    422: "invalid-value",
    429: "rate-limited",
    500: "internal-error",
    503: "unavailable",
}


class ProblemError(Exception):
    """Raise anywhere in a request to answer with a problem document."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str = "",
        *,
        title: str | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.title = title or TITLES.get(code, code.replace("-", " ").capitalize())
        self.headers = headers or {}
        self.extra = extra

    def to_dict(self) -> dict[str, Any]:
        return problem_dict(self.status, self.code, self.detail, title=self.title, **self.extra)


def problem_dict(
    status: int, code: str, detail: str = "", *, title: str | None = None, **extra: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + code,
        "title": title or TITLES.get(code, code),
        "status": status,
        "code": code,
    }
    if detail:
        body["detail"] = detail
    body.update(extra)
    return body


def dumps_safe(obj: Any) -> bytes:
    """orjson, falling back to ASCII-escaped JSON for text orjson refuses (lone
    surrogates echoed from a hostile request)."""
    try:
        return orjson.dumps(obj)
    except TypeError:
        return json.dumps(obj, ensure_ascii=True, default=str).encode()


def problem_response(
    status: int,
    code: str,
    detail: str = "",
    *,
    headers: dict[str, str] | None = None,
    title: str | None = None,
    **extra: Any,
) -> Response:
    body = dumps_safe(problem_dict(status, code, detail, title=title, **extra))
    return Response(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def problem_bytes(status: int, code: str, detail: str = "", **extra: Any) -> bytes:
    return dumps_safe(problem_dict(status, code, detail, **extra))


def _loc(loc: Any) -> list[Any]:
    return [x for x in loc] if isinstance(loc, (list, tuple)) else [loc]


def validation_errors(errors: Any) -> list[dict[str, Any]]:
    """Pydantic/FastAPI error list -> [{loc, msg}] (JSON-safe)."""
    out = []
    for e in errors:
        out.append({"loc": [str(x) for x in _loc(e.get("loc", ()))], "msg": str(e.get("msg", ""))})
    return out


def install(app: FastAPI) -> None:
    """Make every error reply a problem document."""

    async def on_problem(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ProblemError)
        return Response(
            dumps_safe(exc.to_dict()),
            status_code=exc.status,
            media_type=PROBLEM_MEDIA_TYPE,
            headers=exc.headers,
        )

    async def on_http(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        code = _STATUS_CODES.get(exc.status_code, "bad-request" if exc.status_code < 500 else "internal-error")
        detail = exc.detail if isinstance(exc.detail, str) else ""
        if exc.status_code == 404 and detail == "Not Found":
            detail = "No such resource."
        headers = dict(exc.headers) if exc.headers else None
        return problem_response(exc.status_code, code, detail, headers=headers)

    async def on_validation(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = validation_errors(exc.errors())
        detail = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors[:5])
        return problem_response(400, "bad-request", detail or "Malformed request.", errors=errors)

    async def on_bad_text(_request: Request, exc: Exception) -> Response:
        return problem_response(
            400, "bad-request", "Text must be valid Unicode (no unpaired surrogates).",
            errors=[{"loc": ["body"], "msg": "unpaired surrogate in a string"}],
        )

    async def on_too_deep(_request: Request, exc: Exception) -> Response:
        return problem_response(400, "bad-request", "The JSON is nested too deeply.")

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return problem_response(500, "internal-error", "An unexpected error occurred.")

    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(UnicodeEncodeError, on_bad_text)
    app.add_exception_handler(RecursionError, on_too_deep)
    app.add_exception_handler(Exception, on_unexpected)
