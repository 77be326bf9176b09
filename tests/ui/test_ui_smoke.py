"""``fairdesk --smoke`` as a user (and CI) runs it: a subprocess on the small demo fair."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_smoke_walks_every_page_and_saves_screenshots(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FAIRDESK_DEMO_SIZE": "small",
        "FAIRDESK_DATA_DIR": str(tmp_path / "data"),
        "PYTHON_KEYRING_BACKEND": "tests.app.file_keyring.FileKeyring",
        "FAIRDESK_TEST_KEYRING_FILE": str(tmp_path / "keyring.json"),
        "PYTHONPATH": str(REPO),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "ui.main", "--smoke", "--screenshots", str(shots), "--lang", "zh_CN"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=240,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")][-1]
    report = json.loads(line)
    assert report["ok"] is True
    assert report["products_cached"] > 0
    for page in ("fair", "booth", "product", "search", "shortlist", "messages", "cards",
                 "card-qr", "authorizations", "settings", "first-run"):
        assert page in report["pages"]
    pngs = sorted(shots.glob("*.png"))
    assert len(pngs) == len(report["pages"])
    # a page is never blank; the QR code dialog is black and white, so small
    assert all(p.stat().st_size > (1000 if "card-qr" in p.name else 5000) for p in pngs)
    # the temporary smoke profile left nothing in the data dir
    assert not any((tmp_path / "data").glob("*/cache.sqlite"))


def test_smoke_failure_exits_non_zero(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO),
           "FAIRDESK_DATA_DIR": str(tmp_path / "data"),
           "PYTHON_KEYRING_BACKEND": "tests.app.file_keyring.FileKeyring",
           "FAIRDESK_TEST_KEYRING_FILE": str(tmp_path / "keyring.json")}
    proc = subprocess.run(
        [sys.executable, "-m", "ui.main", "--smoke", "--server", "http://127.0.0.1:9"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode != 0
    assert proc.stderr.strip()


def test_sync_subcommand_does_not_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from ui.main import main\n"
        "try:\n"
        "    main(['sync', '--help'])\n"
        "except SystemExit as e:\n"
        "    assert e.code in (0, None), e.code\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 0, proc.stderr
    assert "fairdesk sync" in proc.stdout and proc.stdout.strip().endswith("ok")


def test_bad_arguments_are_clear_errors(capsys) -> None:
    import pytest

    from ui.main import main

    for argv, words in (
        (["--profile", "../etc"], "Invalid profile name"),
        (["--server", "ftp://example"], "Not a valid server address"),
        (["--smoke", "--size", "huge"], "--size must look like"),
        (["--screenshots", "/tmp/x"], "--screenshots needs --smoke"),
        (["--lang", "fr"], "invalid choice"),
    ):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
        assert words in capsys.readouterr().err


def test_startup_probe_reports_an_interactive_window(tmp_path: Path, live_server) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO),
           "FAIRDESK_DATA_DIR": str(tmp_path / "data"),
           "PYTHON_KEYRING_BACKEND": "tests.app.file_keyring.FileKeyring",
           "FAIRDESK_TEST_KEYRING_FILE": str(tmp_path / "keyring.json")}
    proc = subprocess.run(
        [sys.executable, "-m", "ui.main", "--startup-probe", "--profile", "bench", "--server", live_server.url],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads([ln for ln in proc.stdout.splitlines() if ln.startswith("{")][-1])
    assert report["ready_seconds"] > 0 and report["booths_shown"] == 0  # nothing cached yet
