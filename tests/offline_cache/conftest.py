from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from offline_cache.store import Store


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "profile" / "cache.sqlite"


@pytest.fixture
def store(cache_path: Path) -> Iterator[Store]:
    s = Store.open_sync(cache_path)
    yield s
    s.close_sync()
