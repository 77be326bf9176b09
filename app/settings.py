"""Per-profile settings in ``settings.json`` (written atomically, owner-only).

A missing file gives the defaults; an unreadable or malformed file is moved aside
(``settings.json.bad-<time>``) and the defaults are used, so a bad file never stops the
app. Unknown keys are kept (a newer version's settings survive a round trip); invalid
values fall back to their default one by one. No secrets are ever stored here.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Literal, cast

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
LowDataMode = Literal["off", "thumbnails", "text"]
LOW_DATA_MODES: tuple[str, ...] = ("off", "thumbnails", "text")
LANGUAGES: tuple[str, ...] = ("en", "zh_CN")


@dataclass
class Settings:
    server_url: str | None = None  # None: the embedded demo fair
    language: str = "en"  # "en" | "zh_CN"
    time_zone: str | None = None  # IANA name; None: the system's
    low_data_mode: LowDataMode = "off"
    image_cache_mb: int = 256
    followed_sections: list[int] = field(default_factory=list)  # mirror of the cache's
    last_user_email: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # unknown keys, kept as they are

    # -- (de)serialisation

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        s = cls()
        known = {f.name for f in fields(cls)} - {"extra"}
        for key, value in data.items():
            if key in known:
                with contextlib.suppress(ValueError, TypeError):
                    setattr(s, key, _check(key, value))
            else:
                s.extra[key] = value
        return s

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        extra = data.pop("extra")
        return {**extra, **data}

    # -- files

    @classmethod
    def load(cls, directory: Path) -> Settings:
        path = Path(directory) / SETTINGS_FILE
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls()
        except OSError as exc:
            log.warning("cannot read %s (%s); using defaults", path, exc)
            return cls()
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except ValueError as exc:
            aside = path.with_name(f"{SETTINGS_FILE}.bad-{time.strftime('%Y%m%d-%H%M%S')}")
            log.warning("settings file %s is malformed (%s); moved to %s", path, exc, aside.name)
            with contextlib.suppress(OSError):
                os.replace(path, aside)
            return cls()
        return cls.from_dict(data)

    def save(self, directory: Path) -> None:
        """Write atomically: a temp file in the same directory, fsync, rename."""
        directory = Path(directory)
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, directory / SETTINGS_FILE)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def _check(key: str, value: Any) -> Any:
    if key in ("server_url", "time_zone", "last_user_email"):
        if value is None or (isinstance(value, str) and len(value) < 2048):
            return value
    elif key == "language":
        if value in LANGUAGES:
            return value
    elif key == "low_data_mode":
        if value in LOW_DATA_MODES:
            return cast(LowDataMode, value)
    elif key == "image_cache_mb":
        if isinstance(value, int) and not isinstance(value, bool) and 16 <= value <= 100_000:
            return value
    elif (
        key == "followed_sections"
        and isinstance(value, list)
        and all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value)
    ):
        return list(value)
    raise ValueError(f"invalid value for {key}")
