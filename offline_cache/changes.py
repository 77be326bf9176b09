"""ChangeSet: what a write touched, for the UI to refresh only that."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class ChangeSet:
    """Entity type -> ids upserted / deleted, and the scopes whose state changed.

    Entity types are the protocol's (``product``, ``company``, ``section``, ``category``,
    ``profile``, ``favourite``, ``staff``) plus ``outbox`` (ids are seqs).
    """

    upserted: dict[str, set[int | str]] = field(default_factory=dict)
    deleted: dict[str, set[int | str]] = field(default_factory=dict)
    scopes: set[str] = field(default_factory=set)

    def add_upsert(self, entity: str, ident: int | str) -> None:
        self.upserted.setdefault(entity, set()).add(ident)
        gone = self.deleted.get(entity)
        if gone is not None:
            gone.discard(ident)

    def add_delete(self, entity: str, ident: int | str) -> None:
        self.deleted.setdefault(entity, set()).add(ident)
        done = self.upserted.get(entity)
        if done is not None:
            done.discard(ident)

    def add_upserts(self, entity: str, idents: Iterable[int | str]) -> None:
        ids = set(idents)
        if not ids:
            return
        self.upserted.setdefault(entity, set()).update(ids)
        gone = self.deleted.get(entity)
        if gone:
            gone.difference_update(ids)

    def add_deletes(self, entity: str, idents: Iterable[int | str]) -> None:
        ids = set(idents)
        if not ids:
            return
        self.deleted.setdefault(entity, set()).update(ids)
        done = self.upserted.get(entity)
        if done:
            done.difference_update(ids)

    def merge(self, other: ChangeSet) -> ChangeSet:
        for entity, ids in other.upserted.items():
            self.add_upserts(entity, ids)
        for entity, ids in other.deleted.items():
            self.add_deletes(entity, ids)
        self.scopes |= other.scopes
        return self

    def __bool__(self) -> bool:
        return bool(
            any(self.upserted.values()) or any(self.deleted.values()) or self.scopes
        )

    def touches(self, entity: str) -> bool:
        return bool(self.upserted.get(entity) or self.deleted.get(entity))
