"""Profiles, settings and credentials (no server needed)."""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest

from app.credentials import SERVICE, CredentialStore
from app.profiles import ProfileError, list_profiles, profile_dir, validate_profile_name
from app.settings import SETTINGS_FILE, Settings
from tests.app.helpers import MemoryKeyring


class BrokenKeyring(MemoryKeyring):
    """A backend that looks usable but fails when used (locked D-Bus wallet, ...)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("the wallet is locked")

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringError("no D-Bus session")


@pytest.fixture
def restore_keyring():
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


# ---------------------------------------------------------------- profiles


def test_profile_dir_uses_env_and_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAIRDESK_DATA_DIR", str(tmp_path / "data"))
    d = profile_dir("alice")
    assert d == tmp_path / "data" / "alice"
    assert d.is_dir()
    if os.name == "posix":
        assert stat.S_IMODE(d.stat().st_mode) == 0o700
    profile_dir("bob")
    assert list_profiles() == ["alice", "bob"]


@pytest.mark.parametrize(
    "name",
    [
        "",
        ".",
        "..",
        "../x",
        "a/b",
        "a\\b",
        "/abs",
        "x" * 65,
        "-dash",
        ".hidden",
        "con",
        "NUL.txt",
        "a..b",
        "é",
        "a b",
        "trail.",
    ],
)
def test_bad_profile_names_are_refused(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAIRDESK_DATA_DIR", str(tmp_path))
    with pytest.raises(ProfileError):
        validate_profile_name(name)
    with pytest.raises(ProfileError):
        profile_dir(name)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["default", "Alice", "trade-2026", "a.b_c", "0"])
def test_good_profile_names(name: str) -> None:
    assert validate_profile_name(name) == name


# ---------------------------------------------------------------- settings


def test_settings_round_trip_keeps_unknown_keys(tmp_path: Path) -> None:
    s = Settings(server_url="http://127.0.0.1:1", language="zh_CN", low_data_mode="text")
    s.followed_sections = [3, 1]
    s.extra["future_key"] = {"x": 1}
    s.save(tmp_path)
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / SETTINGS_FILE).stat().st_mode) == 0o600
    back = Settings.load(tmp_path)
    assert back == s
    assert [p.name for p in tmp_path.iterdir()] == [SETTINGS_FILE]  # no temp files left


def test_settings_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert Settings.load(tmp_path) == Settings()


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", "\x00\xff", '"text"'])
def test_malformed_settings_moved_aside(tmp_path: Path, content: str) -> None:
    (tmp_path / SETTINGS_FILE).write_text(content, encoding="utf-8", errors="surrogateescape")
    assert Settings.load(tmp_path) == Settings()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 1 and names[0].startswith(SETTINGS_FILE + ".bad-")


def test_invalid_values_fall_back_one_by_one(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text(
        json.dumps(
            {
                "language": "klingon",
                "low_data_mode": "text",
                "image_cache_mb": "lots",
                "followed_sections": [1, "x"],
                "last_user_email": "a@b.example",
            }
        )
    )
    s = Settings.load(tmp_path)
    assert s.language == "en"
    assert s.low_data_mode == "text"
    assert s.image_cache_mb == Settings().image_cache_mb
    assert s.followed_sections == []
    assert s.last_user_email == "a@b.example"


# ---------------------------------------------------------------- credentials


def test_credentials_in_a_real_backend(restore_keyring) -> None:
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    a = CredentialStore("alice", "http://127.0.0.1:1")
    b = CredentialStore("bob", "http://127.0.0.1:1")
    assert a.persistent and a.message == ""
    assert a.get_sync() is None
    assert a.set_sync("tok-a") is True
    b.set_sync("tok-b")
    assert kr.entries[(SERVICE, "alice@http://127.0.0.1:1")] == "tok-a"
    # a new store for the same profile+server (next start) finds it
    assert CredentialStore("alice", "http://127.0.0.1:1").get_sync() == "tok-a"
    assert CredentialStore("alice", "http://127.0.0.1:2").get_sync() is None
    a.delete_sync()
    assert CredentialStore("alice", "http://127.0.0.1:1").get_sync() is None
    assert b.get_sync() == "tok-b"
    a.delete_sync()  # deleting twice is fine
    assert "tok" not in repr(b)


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring, keyring.backends.null.Keyring])
async def test_no_keyring_keeps_token_in_memory_only(
    backend, restore_keyring, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    keyring.set_keyring(backend())
    caplog.set_level(logging.DEBUG)
    c = CredentialStore("p", "http://127.0.0.1:1")
    assert c.persistent is False
    assert "session only" in c.message
    assert await c.set("secret-token-123") is False
    assert await c.get() == "secret-token-123"
    # a later start (new store) does not have it: nothing was persisted
    assert CredentialStore("p", "http://127.0.0.1:1").get_sync() is None
    await c.delete()
    assert await c.get() is None
    assert "secret-token-123" not in caplog.text


async def test_failing_backend_falls_back_to_memory(
    restore_keyring, caplog: pytest.LogCaptureFixture
) -> None:
    keyring.set_keyring(BrokenKeyring())
    c = CredentialStore("p", "http://127.0.0.1:1")
    assert c.persistent is True  # looks usable until used
    assert await c.set("secret-token-456") is False
    assert c.persistent is False and c.message
    assert await c.get() == "secret-token-456"
    assert "secret-token-456" not in caplog.text
