"""The image disk cache: size-limited, least recently used files evicted first.

Files are named by the SHA-256 of their key, in fan-out directories (``ab/abcdef…``),
written atomically (temporary file + rename, so a reader never sees half a file) and
created owner-only. A read marks the file as used (its mtime: access times are not
reliable with ``noatime``/``relatime`` mounts); when the total goes over ``max_bytes``
the least recently used files are removed until it is under ``low_water`` of it.
Safe to use from several threads (one lock guards the size bookkeeping; file
operations are atomic renames and unlinks).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import threading
import time
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
LOW_WATER = 0.9


class BlobCache:
    def __init__(self, directory: Path | str, max_bytes: int) -> None:
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0:
            raise ValueError("max_bytes must be a non-negative integer")
        self.directory = Path(directory)
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._size: int | None = None      # computed lazily by a scan
        self.directory.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)

    # ---------------------------------------------------------------- paths
    def path_for(self, key: str) -> Path:
        if not isinstance(key, str):
            raise TypeError("blob keys are strings")
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
        return self.directory / digest[:2] / digest

    def _files(self) -> list[Path]:
        out: list[Path] = []
        for sub in self.directory.iterdir():
            if sub.is_dir() and len(sub.name) == 2:
                out.extend(p for p in sub.iterdir() if len(p.name) == 64)
        return out

    def _scan(self) -> int:
        total = 0
        for p in self._files():
            with contextlib.suppress(FileNotFoundError):
                total += p.stat().st_size
        return total

    # ---------------------------------------------------------------- API
    def get(self, key: str) -> bytes | None:
        path = self.path_for(key)
        try:
            data = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        with contextlib.suppress(OSError):
            now = time.time()
            os.utime(path, (now, now))
        return data

    def contains(self, key: str) -> bool:
        return self.path_for(key).is_file()

    def put(self, key: str, data: bytes) -> None:
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("blob data must be bytes")
        data = bytes(data)
        path = self.path_for(key)
        if len(data) > self.max_bytes:
            # larger than the whole cache: do not keep it (and drop an older copy)
            self.delete(key)
            return
        path.parent.mkdir(mode=DIR_MODE, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, FILE_MODE)
            old = 0
            with self._lock:
                with contextlib.suppress(FileNotFoundError):
                    old = path.stat().st_size
                os.replace(tmp, path)
                if self._size is not None:
                    self._size += len(data) - old
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        self._maybe_evict()

    def delete(self, key: str) -> bool:
        path = self.path_for(key)
        with self._lock:
            try:
                size = path.stat().st_size
                path.unlink()
            except FileNotFoundError:
                return False
            if self._size is not None:
                self._size -= size
        return True

    def size_bytes(self) -> int:
        with self._lock:
            if self._size is None:
                self._size = self._scan()
            return self._size

    def clear(self) -> None:
        with self._lock:
            for p in self._files():
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()
            for sub in self.directory.iterdir():
                if sub.is_dir() and len(sub.name) == 2:
                    for tmp in sub.glob(".tmp-*"):
                        with contextlib.suppress(FileNotFoundError):
                            tmp.unlink()
            self._size = 0

    def _maybe_evict(self) -> None:
        if self.size_bytes() <= self.max_bytes:
            return
        with self._lock:
            self._size = self._scan()
            if self._size <= self.max_bytes:
                return
            entries = []
            for p in self._files():
                with contextlib.suppress(FileNotFoundError):
                    st = p.stat()
                    entries.append((st.st_mtime, st.st_size, p))
            entries.sort(key=lambda e: e[0])
            target = int(self.max_bytes * LOW_WATER)
            size = sum(e[1] for e in entries)
            for _mtime, fsize, p in entries:
                if size <= target:
                    break
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()
                    size -= fsize
            self._size = size
