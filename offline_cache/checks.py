"""Validation shared by the local-first writes (favourites, cards)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def check_tags(tags: Iterable[Any], *, max_tags: int, max_len: int) -> list[str]:
    """Tags as the server takes them: strings, trimmed, non-empty, unique, in order."""
    if isinstance(tags, str):
        raise ValueError("tags must be a list of strings, not a string")
    out: list[str] = []
    for t in tags:
        if not isinstance(t, str):
            raise ValueError(f"a tag must be a string, got {t!r}")
        t = t.strip()
        if not t:
            continue
        if len(t) > max_len:
            raise ValueError(f"a tag is at most {max_len} characters")
        if t not in out:
            out.append(t)
    if len(out) > max_tags:
        raise ValueError(f"at most {max_tags} tags")
    return out
