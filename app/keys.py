"""Ed25519 signing keys for deals, kept in the OS keyring (protocol §8.5) (Qt-free).

    keys = KeyStore(profile, server_url)
    key = await keys.key_for(user_id)       # loaded, or generated and stored
    key.fingerprint                          # first 16 hex digits of SHA-256(raw public key)
    key.public_key_b64                       # base64 of the raw 32-byte public key
    key.sign(message: bytes) -> str          # base64 of the 64-byte signature

One key per (profile, server, user): keyring service ``"FairDesk signing keys
(<profile>)"``, user name ``"<user_id>@<server_url>"``, the value is the base64 of the
32-byte private seed. The private key is never written to disk by FairDesk (not in the
cache, the settings or the logs; ``repr`` never shows it).

With no usable keyring backend (as in ``app/credentials.py``) the key lives in memory
for this session only: ``.persistent`` is False and ``.message`` tells the user; the next
session generates a new key and registers it (rotation is allowed: old keys stay valid
for the signatures made with them). A stored value that is not a valid key is replaced
by a new key (``.message`` says so).

Public interface::

    class SigningKey:
        fingerprint: str; public_key_b64: str; public_raw: bytes
        def sign(self, message: bytes) -> str
        def verify(self, message: bytes, signature_b64: str) -> bool
    class KeyStore:
        def __init__(self, profile: str, server_url: str) -> None
        persistent: bool; message: str
        def key_for_sync(self, user_id: int) -> SigningKey
        async def key_for(self, user_id: int) -> SigningKey
        def forget_sync(self, user_id: int) -> None
    def fingerprint(raw_public_key: bytes) -> str
    def verify_signature(public_key_b64, message, signature_b64) -> bool
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import logging
import threading

import keyring
import keyring.errors
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from .credentials import _backend_usable

log = logging.getLogger(__name__)

__all__ = ["KeyStore", "SigningKey", "fingerprint", "verify_signature"]

NO_KEYRING_MESSAGE = (
    "No system keyring is available, so your signing key is kept in memory for this "
    "session only: next time a new key is made and registered (signatures made with this "
    "one stay valid)."
)
BAD_KEY_MESSAGE = "The signing key stored in the keyring was unreadable; a new key was made."


def fingerprint(raw_public_key: bytes) -> str:
    """The protocol's key fingerprint: the first 16 hex digits of SHA-256 of the raw key."""
    return hashlib.sha256(raw_public_key).hexdigest()[:16]


def verify_signature(public_key_b64: str, message: bytes, signature_b64: str) -> bool:
    """Does the base64 Ed25519 ``signature_b64`` verify ``message`` with the key?"""
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64, validate=True))
        key.verify(base64.b64decode(signature_b64, validate=True), message)
    except (InvalidSignature, ValueError, binascii.Error, TypeError):
        return False
    return True


class SigningKey:
    """An Ed25519 private key (not printable) with its public half."""

    __slots__ = ("_key", "fingerprint", "public_key_b64", "public_raw")

    def __init__(self, key: Ed25519PrivateKey) -> None:
        self._key = key
        self.public_raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.public_key_b64 = base64.b64encode(self.public_raw).decode()
        self.fingerprint = fingerprint(self.public_raw)

    def __repr__(self) -> str:
        return f"SigningKey(fingerprint={self.fingerprint!r})"

    def sign(self, message: bytes) -> str:
        return base64.b64encode(self._key.sign(message)).decode()

    def verify(self, message: bytes, signature_b64: str) -> bool:
        return verify_signature(self.public_key_b64, message, signature_b64)

    def _seed_b64(self) -> str:
        raw = self._key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return base64.b64encode(raw).decode()


class KeyStore:
    """The signing keys of one profile on one server (see the module docstring)."""

    def __init__(self, profile: str, server_url: str) -> None:
        self.profile = profile
        self.server_url = server_url
        self.service = f"FairDesk signing keys ({profile})"
        self._memory: dict[int, SigningKey] = {}
        self._lock = threading.Lock()
        self.persistent = True
        self.message = ""
        try:
            if not _backend_usable(keyring.get_keyring()):
                self._fall_back(f"backend {type(keyring.get_keyring()).__module__}")
        except Exception as exc:
            self._fall_back(type(exc).__name__)

    def __repr__(self) -> str:
        return f"KeyStore(profile={self.profile!r}, persistent={self.persistent})"

    def _fall_back(self, why: str) -> None:
        if self.persistent:
            log.info("keyring unusable (%s); signing keys live for this session only", why)
        self.persistent = False
        self.message = NO_KEYRING_MESSAGE

    def _username(self, user_id: int) -> str:
        return f"{int(user_id)}@{self.server_url}"

    def key_for_sync(self, user_id: int) -> SigningKey:
        """This user's key: from memory, the keyring, or newly generated (and stored)."""
        with self._lock:
            key = self._memory.get(user_id)
            if key is not None:
                return key
            if self.persistent:
                key = self._load(user_id)
            if key is None:
                key = SigningKey(Ed25519PrivateKey.generate())
                if self.persistent:
                    try:
                        keyring.set_password(self.service, self._username(user_id), key._seed_b64())
                    except Exception as exc:
                        self._fall_back(type(exc).__name__)
            self._memory[user_id] = key
            return key

    def _load(self, user_id: int) -> SigningKey | None:
        try:
            stored = keyring.get_password(self.service, self._username(user_id))
        except Exception as exc:
            self._fall_back(type(exc).__name__)
            return None
        if not stored:
            return None
        try:
            seed = base64.b64decode(stored, validate=True)
            return SigningKey(Ed25519PrivateKey.from_private_bytes(seed))
        except (ValueError, binascii.Error):
            log.warning("the stored signing key is unreadable; making a new one")
            self.message = BAD_KEY_MESSAGE
            return None

    async def key_for(self, user_id: int) -> SigningKey:
        return await asyncio.to_thread(self.key_for_sync, user_id)

    def forget_sync(self, user_id: int) -> None:
        """Drop the user's key from memory and the keyring (a new one is made next time)."""
        with self._lock:
            self._memory.pop(user_id, None)
            if not self.persistent:
                return
            try:
                keyring.delete_password(self.service, self._username(user_id))
            except keyring.errors.PasswordDeleteError:
                pass
            except Exception as exc:
                log.warning("could not delete the signing key: %s", type(exc).__name__)
