"""The PySide6 reference-count work-around (ui/compat.py) holds under heavy signalling."""

from __future__ import annotations

import gc
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.compat import immortalize_singletons


class Emitter(QObject):
    changed = Signal(object)


def test_many_signals_with_arguments_cannot_exhaust_none(qapp: Any) -> None:
    immortalize_singletons()
    e = Emitter()
    got: list[object] = []
    e.changed.connect(lambda v: got.append(v))
    gc.collect()
    before = sys.getrefcount(None)
    for i in range(20_000):
        e.changed.emit(i)
    gc.collect()
    assert len(got) == 20_000
    # whatever the binding does per emission, None stays far from zero
    assert sys.getrefcount(None) > 1_000_000 or sys.version_info >= (3, 12)
    assert sys.getrefcount(None) > before - 20_001
