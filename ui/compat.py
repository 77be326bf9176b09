"""Work-arounds for how the Qt binding and Python's garbage collector interact."""

from __future__ import annotations


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
