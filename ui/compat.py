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


class GuiThreadGC:
    """Run Python's cyclic garbage collector on the GUI thread only.

    Automatic collection runs in whichever thread happens to allocate: a store reader,
    an image decoder, the embedded server. Collecting a Qt object there destroys it on
    the wrong thread ("Timers cannot be stopped from another thread", or worse). While
    started, automatic collection is off and a GUI-thread timer collects instead, with
    the interpreter's own thresholds (the approach pyqtgraph uses).
    """

    def __init__(self, interval_ms: int = 500) -> None:
        from PySide6.QtCore import QTimer

        self._was_enabled = False
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        import gc

        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        import gc

        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    def check(self) -> None:
        import gc

        t0, t1, t2 = gc.get_threshold()
        c0, c1, c2 = gc.get_count()
        if c0 > t0:
            if c1 > t1:
                gc.collect(2 if c2 > t2 else 1)
            else:
                gc.collect(0)
