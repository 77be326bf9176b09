"""``python -m app.cli sync`` as a user would run it (a real subprocess, real server)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.client import ApiClient
from offline_cache import outbox, queries, writes
from offline_cache.store import Store


def _run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "FAIRDESK_DATA_DIR": str(tmp_path / "data"),
        "PYTHON_KEYRING_BACKEND": "tests.app.file_keyring.FileKeyring",
        "FAIRDESK_TEST_KEYRING_FILE": str(tmp_path / "keyring.json"),
    }


async def test_cli_sync_sign_in_then_stored_token(module_server, env, tmp_path: Path) -> None:
    email, password = module_server.accounts["buyer"]
    async with ApiClient(module_server.url) as c:
        await c.login(email, password)
        sid = next(s["id"] for s in await c.sections() if s["product_count"] > 0)
        expected = next(s["product_count"] for s in await c.sections() if s["id"] == sid)

    r = _run(
        [
            "sync",
            "--server",
            module_server.url,
            "--profile",
            "trip",
            "--follow",
            str(sid),
            "--email",
            email,
            "--password-stdin",
        ],
        env,
        password + "\n",
    )
    assert r.returncode == 0, r.stderr
    assert "synced:" in r.stderr and password not in r.stderr
    assert "\r" not in r.stderr  # not a terminal: plain lines

    profile = tmp_path / "data" / "trip"
    store = await Store.open(profile / "cache.sqlite")
    try:
        assert await store.read(queries.count_products, section_id=sid) == expected
    finally:
        await store.close()
    settings = json.loads((profile / "settings.json").read_text())
    assert settings["server_url"] == module_server.url and settings["followed_sections"] == [sid]

    # the token went to the keyring and nowhere else
    (token,) = json.loads((tmp_path / "keyring.json").read_text()).values()
    for f in profile.iterdir():
        assert token.encode() not in f.read_bytes(), f"token found in {f.name}"
    assert token not in r.stderr

    # next time: no password needed, the saved server and token are used
    r2 = _run(["sync", "--profile", "trip"], env)
    assert r2.returncode == 0, r2.stderr


def test_cli_failures_exit_non_zero_with_a_message(
    module_server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """In-process ``main(argv)`` (the same code path as the subprocess, faster)."""
    from app.cli import main

    monkeypatch.setenv("FAIRDESK_DATA_DIR", str(tmp_path / "data"))
    email, _ = module_server.accounts["buyer"]
    url = module_server.url

    def run(args: list[str], stdin: str = "") -> tuple[int, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(args)
        return code, capsys.readouterr().err

    code, err = run(
        ["sync", "--server", url, "--profile", "p", "--email", email, "--password-stdin"],
        "wrong-password\n",
    )
    assert code == 3 and "wrong email or password" in err
    code, err = run(["sync", "--server", url, "--profile", "p"])
    assert code == 3 and "not signed in" in err
    code, err = run(
        [
            "sync",
            "--server",
            "http://127.0.0.1:9",
            "--profile",
            "p",
            "--email",
            email,
            "--password-stdin",
        ],
        "x\n",
    )
    assert code == 1 and "cannot sign in" in err
    code, err = run(
        ["sync", "--server", url, "--profile", "p", "--email", email, "--password-stdin"], ""
    )
    assert code == 2 and "no password" in err
    code, err = run(["sync", "--profile", "../etc"])
    assert code == 2 and "Invalid profile name" in err
    code, err = run(["sync", "--profile", "fresh"])
    assert code == 2 and "No server address" in err
    code, err = run(["sync", "--server", "ftp://x", "--profile", "p"])
    assert code == 2 and "server address" in err
    code, err = run(["sync", "--server", url, "--email", email])
    assert code == 2 and "--password-stdin" in err
    code, err = run(["sync", "--bogus"])
    assert code == 2
    code, err = run(["sync", "--follow", "abc"])
    assert code == 2
    code, err = run(["sync", "--server", url, "--profile", "p", "--follow", "0"])
    assert code == 2 and "not a section id" in err


async def test_cli_offline_sync_fails_cleanly_and_keeps_queue(
    live_server, env, tmp_path: Path
) -> None:
    email, password = live_server.accounts["buyer"]
    r = _run(
        [
            "sync",
            "--server",
            live_server.url,
            "--profile",
            "o",
            "--email",
            email,
            "--password-stdin",
        ],
        env,
        password + "\n",
    )
    assert r.returncode == 0, r.stderr
    cache = tmp_path / "data" / "o" / "cache.sqlite"
    live_server.stop()
    try:
        store = await Store.open(cache)
        try:
            await store.write(writes.set_favourite, "company", 1, note="written offline")
        finally:
            await store.close()
        r = _run(["sync", "--profile", "o", "--attempts", "2"], env)
        assert r.returncode == 1 and "offline" in r.stderr and "Traceback" not in r.stderr
        store = await Store.open(cache)
        try:
            assert (await store.read(outbox.counts)).get("pending", 0) + (
                await store.read(outbox.counts)
            ).get("sent", 0) == 1
        finally:
            await store.close()
    finally:
        live_server.start()
    r = _run(["sync", "--profile", "o"], env)
    assert r.returncode == 0, r.stderr
    store = await Store.open(cache)
    try:
        assert (await store.read(outbox.counts)).get("applied") == 1
        favs = await store.read(queries.list_favourites)
        assert [(f["kind"], f["target_id"], f["note"]) for f in favs] == [
            ("company", 1, "written offline")
        ]
    finally:
        await store.close()
