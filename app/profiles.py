"""Profiles: one data directory (cache, settings) per named profile.

``profile_dir(name)`` is ``$FAIRDESK_DATA_DIR/<name>`` when that variable is set, else
``<platformdirs user data dir>/profiles/<name>``; it is created with mode 0700 (owner
only). Profile names are short plain names: letters, digits, ``.``, ``_`` and ``-``,
starting with a letter or digit; no path separators, no ``..``, no reserved device names.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

DEFAULT_PROFILE = "default"
ENV_DATA_DIR = "FAIRDESK_DATA_DIR"

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)


class ProfileError(ValueError):
    """An invalid profile name."""


def validate_profile_name(name: str) -> str:
    """Return ``name`` if it is a valid profile name, else raise ProfileError."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ProfileError(
            f"Invalid profile name {name!r}: use 1-64 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit."
        )
    if name.endswith(".") or ".." in name or name.split(".")[0].lower() in _RESERVED:
        raise ProfileError(f"Invalid profile name {name!r}.")
    return name


def data_root() -> Path:
    """The directory holding every profile's directory."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("FairDesk", appauthor=False)) / "profiles"


def profile_dir(name: str = DEFAULT_PROFILE, *, create: bool = True) -> Path:
    """The data directory of profile ``name`` (created 0700 when ``create``)."""
    validate_profile_name(name)
    root = data_root()
    path = root / name
    if create:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.mkdir(exist_ok=True, mode=0o700)
        try:
            if os.name == "posix" and (path.stat().st_mode & 0o077):
                path.chmod(0o700)
        except OSError:
            pass
    return path


def list_profiles() -> list[str]:
    """Names of the existing profiles."""
    root = data_root()
    if not root.is_dir():
        return []
    out = []
    for child in sorted(root.iterdir()):
        try:
            if child.is_dir() and validate_profile_name(child.name):
                out.append(child.name)
        except ProfileError:
            continue
    return out
