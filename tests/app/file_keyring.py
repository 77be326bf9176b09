"""A real keyring backend for subprocess tests: entries in a JSON file.

Select it with ``PYTHON_KEYRING_BACKEND=tests.app.file_keyring.FileKeyring`` and
``FAIRDESK_TEST_KEYRING_FILE=/path/to/file.json``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend
import keyring.errors


class FileKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def path(self) -> Path:
        return Path(os.environ["FAIRDESK_TEST_KEYRING_FILE"])

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(self.path.read_text()))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        d = self._load()
        d[f"{service}\n{username}"] = password
        self.path.write_text(json.dumps(d))

    def delete_password(self, service: str, username: str) -> None:
        d = self._load()
        if f"{service}\n{username}" not in d:
            raise keyring.errors.PasswordDeleteError("not found")
        del d[f"{service}\n{username}"]
        self.path.write_text(json.dumps(d))
