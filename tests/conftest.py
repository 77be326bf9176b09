"""Shared pytest fixtures for every FairDesk test (keep this file stable).

Environment
    ``QT_QPA_PLATFORM`` defaults to ``offscreen`` (UI tests run headless).

Fixtures
    ``demo_db_template`` (session)
        Path of a database holding the *small* demo fair (about 50 booths, 2,000
        products), built ONCE per test session (per xdist worker) in a temp dir.
        Never modify it; copy it (the server fixtures below do).

    ``live_server`` (function) -> :class:`LiveServer`
        The REAL server (``python -m server.cli``) as a subprocess on 127.0.0.1, port
        picked by the OS, on a fresh copy of the small demo database.

    ``module_server`` (module) -> :class:`LiveServer`
        One server shared by all tests of a module (saves start-up time); only for
        tests that tolerate each other's changes (e.g. each registers its own users).

    ``start_server`` (function) -> ``start_server(**opts) -> LiveServer``
        Factory for several servers in one test.  Options:
        ``demo=True`` (False: an empty fair), ``db_path=None`` (use this file as is),
        ``extra_args=()`` (more ``fairdesk-server`` arguments), ``env=None``.
        Every server started by it is stopped at teardown.

LiveServer
    ``.url``            base URL, e.g. ``http://127.0.0.1:41234``
    ``.db_path``        its database file
    ``.accounts``       ``{"buyer": (email, password), "exhibitor": (email, password)}``
    ``.all_accounts``   every demo account: dicts with email, password, role,
                        display_name, company_id, join_code, user_id
    ``.kill()``         SIGKILL (simulates a crash); ``.stop()`` graceful stop
    ``.start()``        (re)start on the SAME port and database
    ``.login(role)``    -> bearer token of that demo account (a fresh sign-in)
    ``.client(token=None, **kw)`` -> ``httpx.Client`` on ``.url`` (with the token)
    ``.join_code(company_id)`` -> that company's staff join code (read from the DB)
    ``.log``            path of the server's combined stdout/stderr
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 60.0


def _read_accounts(db_path: Path) -> list[dict[str, Any]]:
    import orjson

    con = sqlite3.connect(db_path)
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'demo_accounts'").fetchone()
    finally:
        con.close()
    accounts: list[dict[str, Any]] = orjson.loads(row[0]) if row else []
    return accounts


class LiveServer:
    """A real ``fairdesk-server`` subprocess (see the module docstring)."""

    def __init__(
        self,
        db_path: Path,
        workdir: Path,
        extra_args: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ) -> None:
        self.db_path = db_path
        self.workdir = workdir
        self.extra_args = tuple(extra_args)
        self.env = env
        self.port = 0
        self.url = ""
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = workdir / "server.log"
        self.all_accounts: list[dict[str, Any]] = _read_accounts(db_path) if db_path.exists() else []
        self.accounts: dict[str, tuple[str, str]] = {}
        for a in self.all_accounts:
            self.accounts.setdefault(a["role"], (a["email"], a["password"]))

    # -- lifecycle
    def start(self) -> LiveServer:
        if self.proc is not None and self.proc.poll() is None:
            return self
        port_file = self.workdir / "port"
        port_file.unlink(missing_ok=True)
        cmd = [
            sys.executable, "-m", "server.cli", "--db", str(self.db_path),
            "--host", "127.0.0.1", "--port", str(self.port), "--port-file", str(port_file),
            "--log-level", "warning", *self.extra_args,
        ]
        env = {**os.environ, **(self.env or {})}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
        with open(self.log, "ab") as logf:
            self.proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=logf, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if port_file.exists():
                text = port_file.read_text().strip()
                if text:
                    self.port = int(text)
                    break
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.log.read_text()[-4000:]}")
            if time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"server did not start in {START_TIMEOUT_S} s:\n{self.log.read_text()[-4000:]}")
            time.sleep(0.02)
        self.url = f"http://127.0.0.1:{self.port}"
        if not self.all_accounts and self.db_path.exists():
            self.all_accounts = _read_accounts(self.db_path)
            for a in self.all_accounts:
                self.accounts.setdefault(a["role"], (a["email"], a["password"]))
        return self

    def kill(self) -> None:
        """SIGKILL: the process dies at once, as in a crash."""
        if self.proc is not None and self.proc.poll() is None:
            if os.name == "nt":
                self.proc.kill()
            else:
                os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    # -- helpers
    def client(self, token: str | None = None, **kw: Any) -> httpx.Client:
        headers = dict(kw.pop("headers", {}) or {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        kw.setdefault("timeout", 30.0)
        return httpx.Client(base_url=self.url, headers=headers, **kw)

    def login(self, role: str = "buyer") -> str:
        email, password = self.accounts[role]
        with self.client() as c:
            r = c.post("/v1/auth/login", json={"email": email, "password": password})
            r.raise_for_status()
            token: str = r.json()["token"]
            return token

    def join_code(self, company_id: int) -> str:
        con = sqlite3.connect(self.db_path)
        try:
            row = con.execute("SELECT join_code FROM companies WHERE id = ?", (company_id,)).fetchone()
        finally:
            con.close()
        if row is None:
            raise KeyError(company_id)
        return str(row[0])


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo fair, built once per session (per xdist worker: each worker has
    its own base temp dir, so this is safe under xdist)."""
    from server.demo_loader import build_demo_db

    path = tmp_path_factory.mktemp("demo-template") / "small.db"
    build_demo_db(path, "small")
    return path


@pytest.fixture
def start_server(
    tmp_path_factory: pytest.TempPathFactory, demo_db_template: Path
) -> Iterator[Callable[..., LiveServer]]:
    started: list[LiveServer] = []

    def start(
        demo: bool = True,
        db_path: Path | None = None,
        extra_args: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ) -> LiveServer:
        workdir = tmp_path_factory.mktemp("server")
        if db_path is None:
            db_path = workdir / "fair.db"
            if demo:
                shutil.copyfile(demo_db_template, db_path)
        srv = LiveServer(Path(db_path), workdir, extra_args, env)
        started.append(srv)
        return srv.start()

    yield start
    for srv in started:
        srv.stop()


@pytest.fixture
def live_server(start_server: Callable[..., LiveServer]) -> LiveServer:
    return start_server()


@pytest.fixture(scope="module")
def module_server(tmp_path_factory: pytest.TempPathFactory, demo_db_template: Path) -> Iterator[LiveServer]:
    workdir = tmp_path_factory.mktemp("module-server")
    db_path = workdir / "fair.db"
    shutil.copyfile(demo_db_template, db_path)
    srv = LiveServer(db_path, workdir).start()
    yield srv
    srv.stop()
