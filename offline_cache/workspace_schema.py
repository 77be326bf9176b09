"""Cache schema version 5: the exhibitor's workspace: figures and leads (protocol section 9).

Appended to offline_cache.schema.MIGRATIONS; never edit once released.
"""

from __future__ import annotations

SQL = ""
