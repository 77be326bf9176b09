"""``EmbeddedServer``: the service in a daemon thread of this process (embedded demo).

    srv = EmbeddedServer(Path("demo.db"), demo_size="medium")
    url = srv.start(progress=lambda stage, frac: ...)   # blocks until accepting
    ...
    srv.stop()
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import uvicorn

from server import db
from server.api import create_app
from server.cli import FairServer, bind_socket, uvicorn_config
from server.state import ServerState, Settings


class EmbeddedServer:
    def __init__(
        self, db_path: Path, demo_size: str = "medium", host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.db_path = Path(db_path)
        self.demo_size = demo_size
        self.host = host
        self.port = port
        self.url: str = ""
        self.demo_accounts: list[dict[str, Any]] = []
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._state: ServerState | None = None
        self._bots: Any = None

    def start(self, progress: Callable[[str, float], None] | None = None) -> str:
        """Create the demo fair if needed (reporting progress), start serving, and
        return the base URL once the server accepts connections."""
        if self._thread is not None:
            return self.url
        from server.demo_loader import ensure_demo

        engine = db.open_db(self.db_path)
        try:
            engine, accounts = ensure_demo(engine, self.db_path, self.demo_size, progress)
        finally:
            engine.dispose()
        self.demo_accounts = [
            {k: a.get(k) for k in ("email", "password", "role", "display_name", "company_id", "join_code")}
            for a in accounts
        ]
        sock = bind_socket(self.host, self.port)  # fails early (OSError) if the port is taken
        self._state = ServerState.open(Settings(db=self.db_path, log_level="warning"))
        app = create_app(state=self._state)
        self.port = sock.getsockname()[1]
        host = f"[{self.host}]" if ":" in self.host else self.host
        self.url = f"http://{host}:{self.port}"
        server = FairServer(uvicorn_config(app, "warning", embedded=True), self._state)
        self._server = server
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)

            async def main() -> None:
                task = asyncio.create_task(server.serve(sockets=[sock]))
                while not server.started and not task.done():
                    await asyncio.sleep(0.01)
                ready.set()
                await task

            try:
                loop.run_until_complete(main())
            except BaseException as e:  # pragma: no cover - reported to start()
                self._error = e
            finally:
                ready.set()
                sock.close()
                loop.close()

        from server.demo_bots import DemoBots

        self._bots = DemoBots(self._state).start()  # demo exhibitors answer (marked as demo)
        self._thread = threading.Thread(target=run, name="fairdesk-embedded-server", daemon=True)
        self._thread.start()
        ready.wait()
        if not server.started:
            self._bots.stop()
            self._bots = None
            self._thread.join(timeout=5)
            self._thread = None
            raise RuntimeError(f"the embedded server did not start: {self._error!r}")
        return self.url

    def stop(self, timeout: float = 10.0) -> None:
        if self._bots is not None:
            self._bots.stop()
            self._bots = None
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None
        self._server = None
        if self._state is not None:
            self._state.engine.dispose()
            self._state = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()
