"""The client cache of the exhibitor's workspace: figures and leads (protocol section 9) (Qt-free)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from . import outbox
from .changes import ChangeSet


def apply_changes(conn: sqlite3.Connection, scope: str, kind: str, ident: int | None,
                  other: Mapping[str, Sequence[Mapping[str, Any]]], out: ChangeSet) -> None:
    """Apply this module's entities of one pulled page of a ``me``/``company`` scope
    (inside apply_page's transaction); unknown entity types are ignored."""


def discard_scope(conn: sqlite3.Connection, scope: str, kind: str, ident: int | None,
                  changes: ChangeSet) -> None:
    """Drop the data a ``me``/``company`` scope owns (reset or untrack)."""


def after_result(conn: sqlite3.Connection, item: outbox.OutboxItem, status: str,
                 code: str | None, reason: str | None, result: Any,
                 changes: ChangeSet) -> bool:
    """The server's result for one of this module's mutations. Returns True when the
    ``me`` scope should be pulled again from the start."""
    return False
