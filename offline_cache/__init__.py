"""The local SQLite store (Qt-free): schema, sync state, outbox, queries, search, blobs."""

from .blobs import BlobCache
from .changes import ChangeSet
from .outbox import OutboxItem
from .search import SearchFilters, SearchPage
from .store import RecoveryInfo, Store, StoreClosed

__all__ = [
    "BlobCache",
    "ChangeSet",
    "OutboxItem",
    "RecoveryInfo",
    "SearchFilters",
    "SearchPage",
    "Store",
    "StoreClosed",
]
