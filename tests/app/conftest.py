"""Fixtures shared by the client-side tests."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from tests.app.helpers import MemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring for the test (the previous backend is put back after it)."""
    before = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(before)
