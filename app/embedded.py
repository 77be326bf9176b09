"""The embedded demo fair: the cloud fair service in-process on 127.0.0.1.

The only client module allowed to import ``server``. ``EmbeddedDemo.start()`` runs the
(blocking) server start — database creation and demo generation on the first run — on a
worker thread, relays progress to the caller's event loop, and returns the base URL.

    demo = EmbeddedDemo(profile_dir)
    url = await demo.start(lambda stage, fraction: ...)
    account = demo.account("buyer")      # {"email", "password", "role", "display_name"}
    ...
    await demo.stop()
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

DEMO_DB_FILE = "demo-fair.sqlite"
ENV_DEMO_SIZE = "FAIRDESK_DEMO_SIZE"
DEMO_SIZES = ("small", "medium", "large")

Progress = Callable[[str, float], None]


class EmbeddedDemoError(RuntimeError):
    """The embedded demo fair could not start."""


def demo_size_from_env(default: str = "medium") -> str:
    size = os.environ.get(ENV_DEMO_SIZE, "").strip().lower()
    return size if size in DEMO_SIZES else default


class EmbeddedDemo:
    def __init__(self, profile_dir: Path, demo_size: str | None = None) -> None:
        self.db_path = Path(profile_dir) / DEMO_DB_FILE
        self.demo_size = demo_size or demo_size_from_env()
        self.port = 0  # a preferred port (e.g. the last one used); 0: any free port
        self.port_used: int | None = None
        self.url: str | None = None
        self.accounts: list[dict[str, Any]] = []
        self._server: Any = None

    async def start(self, progress: Progress | None = None) -> str:
        """Start the service off the event loop's thread; return its base URL."""
        if self.url is not None:
            return self.url
        loop = asyncio.get_running_loop()

        def relay(stage: str, fraction: float) -> None:
            if progress is not None:
                loop.call_soon_threadsafe(progress, stage, fraction)

        ports = [self.port, 0] if self.port else [0]
        url: str | None = None
        for i, port in enumerate(ports):
            # the server's modules (FastAPI, SQLAlchemy...) are imported on the worker
            # thread too: importing them takes a second or two, never on the GUI thread
            server = await asyncio.to_thread(_make_server, self.db_path, self.demo_size, port)
            self._server = server
            try:
                url = await asyncio.to_thread(server.start, relay)
                break
            except Exception as exc:
                self._server = None
                await asyncio.to_thread(_stop_quietly, server)
                if i + 1 < len(ports) and isinstance(exc, OSError):
                    log.info("port %s is taken; using another", port)
                    continue
                log.exception("embedded demo failed to start")
                raise EmbeddedDemoError(f"The demo fair could not start: {exc}") from exc
        assert url is not None
        self.url = str(url)
        with contextlib.suppress(ValueError, IndexError):
            self.port_used = int(self.url.rstrip("/").rsplit(":", 1)[1])
        self.accounts = [dict(a) for a in getattr(server, "demo_accounts", []) or []]
        return self.url

    def account(self, role: str = "buyer") -> dict[str, Any]:
        for a in self.accounts:
            if a.get("role") == role:
                return a
        raise EmbeddedDemoError(f"The demo fair has no {role} account.")

    async def stop(self) -> None:
        server, self._server = self._server, None
        self.url = None
        if server is not None:
            await asyncio.to_thread(_stop_quietly, server)

    def stop_now(self) -> None:
        """Blocking stop (for exit paths without an event loop)."""
        server, self._server = self._server, None
        self.url = None
        if server is not None:
            _stop_quietly(server)


def _make_server(db_path: Path, demo_size: str, port: int) -> Any:
    from server.embedded import EmbeddedServer

    return EmbeddedServer(db_path, demo_size=demo_size, port=port)


def _stop_quietly(server: Any) -> None:
    try:
        server.stop()
    except Exception:
        log.exception("embedded demo did not stop cleanly")
