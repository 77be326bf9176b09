"""Work-arounds for bugs of the Qt binding that this app cannot fix at the source.

PySide6 6.12 drops one reference too many to the value a Python slot returns (usually
``None``) on every signal delivered with arguments, and to the result of a Python-side
``emit()`` (``True``). On Python 3.12+ ``None``/``True``/``False`` are immortal and the
extra decrement does nothing; on 3.11 it counts them down until the interpreter aborts
("deallocating None", during a long session or at exit). We make the three singletons
effectively immortal there too: their reference count gets a margin no session can use
up. Measured with tests/ui (tests/ui/test_compat.py) and /tmp scripts at 6.12.0.
"""

from __future__ import annotations

import ctypes
import sys

MARGIN = 1 << 40
_done = False


def immortalize_singletons() -> bool:
    """Give None, True and False a huge reference-count margin on Python < 3.12.

    Returns whether it did anything (idempotent; no-op on 3.12+, where they are immortal).
    """
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object (Py_ssize_t)
        ctypes.c_ssize_t.from_address(id(obj)).value += MARGIN
    _done = True
    return True
