"""The FastAPI application factory: ``create_app(settings)``."""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI, Request
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server import attachments, auth, catalog, db, deals, images, problems, social, sync, workspace
from server.compression import CompressionMiddleware
from server.state import PROTOCOL, VERSION, ServerState, Settings, get_state, json_response

log = logging.getLogger(__name__)

MAX_BODY = 4 * 1024 * 1024


class BodyGuardMiddleware:
    """Reject bodies over :data:`MAX_BODY` (413, before reading them) and bodies that
    are not JSON (415)."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        max_body = self.max_body
        raw_upload = str(scope.get("path", "")).startswith(attachments.PATH_PREFIX)
        if raw_upload:  # attachment uploads: raw bytes, own limit (checked by the route too)
            max_body = attachments.MAX_BYTES
        length: int | None = None
        ctype = ""
        for k, v in scope.get("headers", ()):
            if k == b"content-length":
                try:
                    length = int(v)
                except ValueError:
                    length = None
            elif k == b"content-type":
                ctype = v.decode("latin-1").split(";")[0].strip().lower()
        if length is not None and length > max_body:
            resp = problems.problem_response(
                413, "too-large", f"The body is over {max_body // (1024 * 1024)} MiB.",
                headers={"Connection": "close"},
            )
            await resp(scope, receive, send)
            return
        if ctype and not raw_upload and not (ctype == "application/json" or ctype.endswith("+json")) and length != 0:
            resp = problems.problem_response(
                415, "unsupported-media-type", f"Bodies must be application/json, not {ctype}."
            )
            await resp(scope, receive, send)
            return
        seen = 0

        async def guarded() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > max_body:
                    raise StarletteHTTPException(413, f"The body is over {max_body // (1024 * 1024)} MiB.")
            return msg

        await self.app(scope, guarded, send)


def create_app(settings: Settings | None = None, state: ServerState | None = None) -> FastAPI:
    """Build the service. Give ``settings`` (opens/migrates the database) or a ready ``state``."""
    if state is None:
        if settings is None:
            raise ValueError("create_app needs settings or state")
        state = ServerState.open(settings)
    app = FastAPI(
        title="FairDesk cloud fair service",
        version=VERSION,
        description="Protocol v1: see docs/protocol.md. Errors are RFC 9457 problem documents.",
    )
    app.state.fair = state
    problems.install(app)

    async def on_db_error(_request: Request, exc: Exception) -> Response:
        log.warning("database unavailable: %s", exc)
        return problems.problem_response(503, "unavailable", "The database is busy; retry shortly.",
                                         headers={"Retry-After": "1"})

    app.add_exception_handler(sa.exc.OperationalError, on_db_error)

    @app.get("/healthz", tags=["service"])
    async def healthz() -> dict[str, Any]:
        return {"ok": True}

    @app.get("/v1/info", tags=["service"])
    async def info(request: Request) -> Response:
        st = get_state(request)
        return json_response(
            {
                "name": st.name,
                "protocol": PROTOCOL,
                "version": VERSION,
                "epoch": st.epoch,
                "demo": st.demo,
                "server_time": db.now_iso(),
            }
        )

    app.include_router(auth.router)
    app.include_router(sync.router)
    app.include_router(catalog.router)
    app.include_router(images.router)
    app.include_router(social.router)
    app.include_router(attachments.router)
    app.include_router(deals.router)
    app.include_router(workspace.router)
    app.add_middleware(BodyGuardMiddleware)
    app.add_middleware(CompressionMiddleware)
    return app
