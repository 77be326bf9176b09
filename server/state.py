"""Settings and the per-application state shared by the route modules."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import orjson
from anyio import to_thread
from fastapi import Request
from sqlalchemy.engine import Engine
from starlette.responses import Response

from server import db
from server.notify import Notifier

T = TypeVar("T")

VERSION = "0.1.0"
PROTOCOL = 1


@dataclass
class Settings:
    """How to run the service.

    ``db`` is a SQLite file path (or a SQLAlchemy URL).  ``image_dir`` defaults to a
    directory next to the database file.
    """

    db: str | Path
    image_dir: Path | None = None
    name: str | None = None
    log_level: str = "info"


@dataclass
class ServerState:
    settings: Settings
    engine: Engine
    epoch: str
    cursor_key: bytes
    name: str
    demo: bool
    image_dir: Path
    notifier: Notifier = field(default_factory=Notifier)

    @classmethod
    def open(cls, settings: Settings) -> ServerState:
        engine = db.open_db(settings.db)
        with db.read_tx(engine) as conn:
            epoch = db.get_meta(conn, "epoch") or ""
            key = db.get_meta(conn, "cursor_key") or ""
            name = settings.name or db.get_meta(conn, "name") or "FairDesk fair"
            demo = db.get_meta(conn, "demo") == "1"
        image_dir = settings.image_dir
        if image_dir is None:
            if "://" in str(settings.db):
                image_dir = Path("fairdesk-images")
            else:
                p = Path(settings.db).expanduser().resolve()
                image_dir = p.parent / (p.stem + "-images")
        return cls(
            settings=settings,
            engine=engine,
            epoch=epoch,
            cursor_key=bytes.fromhex(key),
            name=name,
            demo=demo,
            image_dir=image_dir,
        )


def get_state(request: Request) -> ServerState:
    st: ServerState = request.app.state.fair
    return st


async def run_sync(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run blocking (database) work in a worker thread."""
    return await to_thread.run_sync(functools.partial(fn, *args, **kwargs))


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        orjson.dumps(data), status_code=status, media_type="application/json", headers=headers
    )
