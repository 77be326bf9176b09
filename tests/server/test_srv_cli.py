"""The command line (--demo, --port-file, restart) and the in-process EmbeddedServer."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from srv_util import pull_all

REPO = Path(__file__).resolve().parents[2]


def test_cli_demo_prints_accounts_and_serves(tmp_path):
    db = tmp_path / "demo.db"
    port_file = tmp_path / "port"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH", "")]))}
    proc = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "--db", str(db), "--demo", "--demo-size", "small",
         "--port", "0", "--port-file", str(port_file), "--log-level", "warning"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not (port_file.exists() and port_file.read_text().strip()):
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.05)
        port = int(port_file.read_text())
        url = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=url, timeout=30) as c:
            assert c.get("/openapi.json").status_code == 200
            info = c.get("/v1/info").json()
            assert info["demo"] is True
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert url in out
    assert "buyer" in out and "exhibitor" in out and "join code" in out.lower()
    # every printed account signs in (restart on the same database: no regeneration)
    proc2 = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "--db", str(db), "--demo", "--port", "0",
         "--port-file", str(port_file), "--log-level", "warning"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    port_file.unlink(missing_ok=True)
    try:
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            assert proc2.poll() is None
            assert time.monotonic() < deadline
            time.sleep(0.05)
        url2 = f"http://127.0.0.1:{int(port_file.read_text())}"
        with httpx.Client(base_url=url2, timeout=30) as c:
            assert c.get("/v1/info").json()["epoch"] == info["epoch"]
            from server import db as sdb
            from server.demo_loader import demo_accounts

            engine = sdb.make_engine(db)
            accounts = demo_accounts(engine)
            engine.dispose()
            assert {a["role"] for a in accounts} >= {"buyer", "exhibitor"}
            for a in accounts:
                r = c.post("/v1/auth/login", json={"email": a["email"], "password": a["password"]})
                assert r.status_code == 200, r.text
    finally:
        proc2.terminate()
        out2, _ = proc2.communicate(timeout=30)
    for a in accounts:
        assert a["email"] in out2 and a["password"] in out2


def test_restart_on_same_port_after_kill(live_server):
    token = live_server.login("buyer")
    with live_server.client(token) as c:
        _changes, cursor, _ = pull_all(c, "directory")
    port = live_server.port
    live_server.kill()
    live_server.start()
    assert live_server.port == port
    with live_server.client(token) as c:  # tokens survive a restart
        assert c.get("/v1/me").status_code == 200
        _, again, _ = pull_all(c, "directory", cursor)
        assert again


def test_embedded_server(demo_db_template, tmp_path):
    import shutil

    from server.embedded import EmbeddedServer

    db = tmp_path / "embedded.db"
    shutil.copyfile(demo_db_template, db)
    seen: list[tuple[str, float]] = []
    srv = EmbeddedServer(db, demo_size="small")
    url = srv.start(progress=lambda stage, frac: seen.append((stage, frac)))
    try:
        assert url == srv.url and url.startswith("http://127.0.0.1:")
        assert seen and seen[-1][1] == 1.0
        acct = next(a for a in srv.demo_accounts if a["role"] == "buyer")
        assert set(acct) >= {"email", "password", "role", "display_name"}
        with httpx.Client(base_url=url, timeout=30) as c:
            tok = c.post("/v1/auth/login", json={"email": acct["email"], "password": acct["password"]}).json()["token"]
            r = c.post("/v1/sync/pull", json={"scopes": {"directory": None}}, headers={"Authorization": f"Bearer {tok}"})
            assert r.status_code == 200 and r.json()["scopes"]["directory"]["changes"]
    finally:
        srv.stop()
    assert not srv.running
    with httpx.Client(timeout=2) as c:
        try:
            c.get(url + "/healthz")
            raise AssertionError("still serving after stop()")
        except httpx.TransportError:
            pass


def test_embedded_server_generates_a_fresh_demo(tmp_path):
    from server.embedded import EmbeddedServer

    srv = EmbeddedServer(tmp_path / "fresh.db", demo_size="small")
    stages: list[str] = []
    srv.start(progress=lambda stage, frac: stages.append(stage))
    try:
        assert len(stages) >= 3
        with httpx.Client(base_url=srv.url, timeout=30) as c:
            assert c.get("/v1/info").json()["demo"] is True
    finally:
        srv.stop()


def test_stop_answers_waiting_long_polls(demo_db_template, tmp_path):
    import shutil
    import threading

    from server.embedded import EmbeddedServer

    db = tmp_path / "lp.db"
    shutil.copyfile(demo_db_template, db)
    srv = EmbeddedServer(db, demo_size="small")
    url = srv.start()
    acct = next(a for a in srv.demo_accounts if a["role"] == "buyer")
    with httpx.Client(base_url=url, timeout=60) as c:
        tok = c.post("/v1/auth/login", json={"email": acct["email"], "password": acct["password"]}).json()["token"]
        c.headers["Authorization"] = f"Bearer {tok}"
        _, cursor, _ = pull_all(c, "me")
    out: dict = {}

    def waiter() -> None:
        with httpx.Client(base_url=url, timeout=60, headers={"Authorization": f"Bearer {tok}"}) as c2:
            try:
                out["r"] = c2.post("/v1/sync/pull", json={"scopes": {"me": cursor}, "wait": 25})
            except httpx.HTTPError as e:
                out["error"] = e

    t = threading.Thread(target=waiter)
    t.start()
    deadline = time.monotonic() + 30
    while srv._state is not None and srv._state.notifier.waiting == 0:  # the poll is waiting
        assert time.monotonic() < deadline and t.is_alive(), out
        time.sleep(0.02)
    srv.stop()
    t.join(30)
    assert "r" in out, out  # answered, not cut off
    assert out["r"].status_code == 200
    assert out["r"].json()["scopes"]["me"]["complete"] is True


def test_cli_refuses_a_file_that_is_not_a_database(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all, only text " * 10)
    out = subprocess.run([sys.executable, "-m", "server.cli", "--db", str(bad), "--port", "0"],
                         cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert "cannot use the database" in out.stderr
    assert bad.read_bytes().startswith(b"this is not a database")  # left untouched
