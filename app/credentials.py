"""Sign-in tokens in the operating system's keyring.

``CredentialStore(profile, server_url)`` keeps one keyring entry per profile and server:
service ``"FairDesk"``, user name ``"<profile>@<server_url>"``.

When no usable keyring backend exists (keyring's ``fail`` or ``null`` backend, a chainer
with no backends, or a backend that raises), the token is kept in memory for this
session only: ``.persistent`` is then False and ``.message`` tells the user why. The
token is never written to SQLite, the settings file or the logs (it is not even part of
``repr``).

Keyring calls can block (D-Bus, the macOS keychain prompt), so the async methods
(``get``, ``set``, ``delete``) run them in a worker thread; the ``*_sync`` methods are
for the CLI and tests.
"""

from __future__ import annotations

import asyncio
import logging
import threading

import keyring
import keyring.backend
import keyring.errors

log = logging.getLogger(__name__)

SERVICE = "FairDesk"

NO_KEYRING_MESSAGE = (
    "No system keyring is available, so you will have to sign in again next time: "
    "your sign-in is kept in memory for this session only."
)


def _backend_usable(backend: keyring.backend.KeyringBackend) -> bool:
    module = type(backend).__module__
    if module in ("keyring.backends.fail", "keyring.backends.null"):
        return False
    if module == "keyring.backends.chainer":
        return bool(getattr(backend, "backends", None))
    return True


class CredentialStore:
    """The token of one profile on one server."""

    def __init__(self, profile: str, server_url: str) -> None:
        self.profile = profile
        self.server_url = server_url
        self.username = f"{profile}@{server_url}"
        self._memory: str | None = None
        self._lock = threading.Lock()
        self.persistent = True
        self.message = ""
        try:
            backend = keyring.get_keyring()
            if not _backend_usable(backend):
                self._fall_back(f"backend {type(backend).__module__}")
        except Exception as exc:
            self._fall_back(type(exc).__name__)

    def __repr__(self) -> str:  # never shows the token
        return f"CredentialStore(profile={self.profile!r}, server={self.server_url!r}, persistent={self.persistent})"

    def _fall_back(self, why: str) -> None:
        if self.persistent:
            log.info("keyring unusable (%s); keeping the sign-in for this session only", why)
        self.persistent = False
        self.message = NO_KEYRING_MESSAGE

    # -- blocking API

    def get_sync(self) -> str | None:
        with self._lock:
            if not self.persistent:
                return self._memory
            try:
                value = keyring.get_password(SERVICE, self.username)
            except Exception as exc:  # keyring.errors.KeyringError, D-Bus errors, ...
                self._fall_back(type(exc).__name__)
                return self._memory
            return value if value else self._memory

    def set_sync(self, token: str) -> bool:
        """Store the token; returns True if it was stored persistently."""
        if not token:
            raise ValueError("empty token")
        with self._lock:
            self._memory = token
            if not self.persistent:
                return False
            try:
                keyring.set_password(SERVICE, self.username, token)
            except Exception as exc:
                self._fall_back(type(exc).__name__)
                return False
            return True

    def delete_sync(self) -> None:
        with self._lock:
            self._memory = None
            if not self.persistent:
                return
            try:
                keyring.delete_password(SERVICE, self.username)
            except keyring.errors.PasswordDeleteError:
                pass  # there was no entry
            except Exception as exc:
                log.warning("could not delete the keyring entry: %s", type(exc).__name__)

    # -- async API (runs the keyring in a worker thread)

    async def get(self) -> str | None:
        return await asyncio.to_thread(self.get_sync)

    async def set(self, token: str) -> bool:
        return await asyncio.to_thread(self.set_sync, token)

    async def delete(self) -> None:
        await asyncio.to_thread(self.delete_sync)
