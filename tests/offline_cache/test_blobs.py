"""The image disk cache: naming, atomic writes, LRU eviction, threads."""

from __future__ import annotations

import hashlib
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from offline_cache.blobs import BlobCache


def test_put_get_names_and_permissions(tmp_path: Path) -> None:
    c = BlobCache(tmp_path / "img", 10_000)
    key = "product/7/0?size=thumb"
    assert c.get(key) is None
    c.put(key, b"jpegdata")
    assert c.get(key) == b"jpegdata"
    digest = hashlib.sha256(key.encode()).hexdigest()
    path = tmp_path / "img" / digest[:2] / digest
    assert path.is_file() and c.path_for(key) == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    c.put(key, b"newer")
    assert c.get(key) == b"newer"
    assert c.size_bytes() == 5
    assert c.delete(key) and not c.delete(key)
    assert c.size_bytes() == 0


def test_keys_cannot_escape_the_directory(tmp_path: Path) -> None:
    c = BlobCache(tmp_path / "img", 10_000)
    c.put("../../etc/passwd", b"x")
    c.put("/absolute", b"y")
    assert all(p.is_relative_to(tmp_path / "img") for p in tmp_path.rglob("*") if p.is_file())
    with pytest.raises(TypeError):
        c.put("k", "not bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        BlobCache(tmp_path / "x", -1)


def test_lru_eviction_by_access(tmp_path: Path) -> None:
    c = BlobCache(tmp_path / "img", 1000)
    for i in range(4):
        c.put(f"k{i}", bytes(200))
        past = time.time() - 100 + i          # k0 oldest ... k3 newest
        os.utime(c.path_for(f"k{i}"), (past, past))
    assert c.get("k0") is not None           # k0 becomes the most recently used
    c.put("k4", bytes(300))                  # 1100 > 1000: evict down to 900
    assert c.size_bytes() <= 900
    assert c.get("k0") is not None and c.get("k4") is not None
    assert c.get("k1") is None               # the least recently used went first
    # a blob larger than the whole cache is not kept
    c.put("huge", bytes(2000))
    assert c.get("huge") is None and c.size_bytes() <= 1000


def test_size_survives_reopen_and_clear(tmp_path: Path) -> None:
    c = BlobCache(tmp_path / "img", 10_000)
    for i in range(5):
        c.put(f"k{i}", bytes(100))
    assert BlobCache(tmp_path / "img", 10_000).size_bytes() == 500
    c.clear()
    assert c.size_bytes() == 0 and c.get("k1") is None
    assert BlobCache(tmp_path / "img", 10_000).size_bytes() == 0


def test_concurrent_use_from_threads(tmp_path: Path) -> None:
    c = BlobCache(tmp_path / "img", 20_000)
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(60):
                key = f"k{(n * 7 + i) % 40}"
                data = bytes([i % 256]) * (100 + i)
                c.put(key, data)
                got = c.get(key)
                # another thread may have replaced or evicted it, never half-written
                assert got is None or (len(set(got)) <= 1 and 100 <= len(got) < 160)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    actual = sum(p.stat().st_size for p in (tmp_path / "img").rglob("*") if p.is_file())
    assert c.size_bytes() == actual <= 20_000
    assert not list((tmp_path / "img").rglob(".tmp-*"))
