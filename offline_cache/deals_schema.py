"""Cache schema version 4: deals and signing keys (protocol section 8).

Appended to offline_cache.schema.MIGRATIONS; never edit once released.
"""

from __future__ import annotations

SQL = ""
