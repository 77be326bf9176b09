"""The Qt binding must not leak or over-release references on signal delivery.

PySide6 6.12.0 drops one reference too many to ``None`` (slot results) and ``True``
(``emit()`` results) on every signal with arguments; on Python 3.11 the interpreter then
aborts ("deallocating None") during a long session. pyproject.toml keeps PySide6 below
6.12; this test fails if a binding with that bug is ever installed. It runs in a
subprocess because the bug kills the interpreter.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    anything = Signal(object)
    flag = Signal(bool)

app = QCoreApplication([])
e = Emitter()
got = []
e.anything.connect(lambda v: got.append(v))
e.flag.connect(lambda v: got.append(v))
before = (sys.getrefcount(None), sys.getrefcount(True))
for i in range(20_000):
    e.anything.emit(None)
    e.flag.emit(True)
after = (sys.getrefcount(None), sys.getrefcount(True))
assert len(got) == 40_000, len(got)
print(after[0] - before[0] - 20_000, after[1] - before[1] - 20_000)
"""


def test_signal_delivery_keeps_none_and_true_balanced() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    none_delta, true_delta = (int(x) for x in proc.stdout.split())
    # `got` holds 20,000 references to None and 20,000 to True; nothing else may move
    assert none_delta >= -100, f"None lost {-none_delta} references"
    assert true_delta >= -100, f"True lost {-true_delta} references"
