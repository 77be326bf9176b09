"""UI test fixtures: a qasync loop, a store filled with a hand-written fair, a file keyring.

``run(coro)`` drives a coroutine on the qasync loop (Qt events are processed meanwhile),
so tests use the real Store threads, the real models and the real pages.
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from tests.ui.helpers import fill_store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FAIRDESK_DEMO_SIZE", "small")

T = TypeVar("T")



def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    """The offscreen platform plugin warns about window-manager features it lacks
    (size-hint propagation, raising a window); those are not warnings of ours."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(
                pytest.mark.qt_log_ignore(
                    "This plugin does not support propagateSizeHints",
                    "This plugin does not support raise",
                )
            )


@pytest.fixture(autouse=True)
def _file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Never touch the user's keyring: a real backend writing to a temp file."""
    import keyring

    from tests.app.file_keyring import FileKeyring

    monkeypatch.setenv("FAIRDESK_TEST_KEYRING_FILE", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.app.file_keyring.FileKeyring")
    old = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield
    keyring.set_keyring(old)


@pytest.fixture
def aloop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    import qasync

    from ui.asyncutil import take_errors

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    take_errors()  # failures of an earlier test's background tasks are not ours
    yield loop
    try:
        from ui.asyncutil import cancel_all

        loop.run_until_complete(cancel_all())
    finally:
        loop.close()
        asyncio.set_event_loop(None)
        # collect this test's Qt objects here, on the GUI thread (ui/compat.py GuiThreadGC)
        gc.collect()


@pytest.fixture
def run(aloop: asyncio.AbstractEventLoop) -> Callable[..., Any]:
    def _run(coro: Awaitable[T], timeout: float = 60.0) -> T:
        return aloop.run_until_complete(asyncio.wait_for(coro, timeout))  # type: ignore[arg-type]

    return _run


@pytest.fixture
def store(run: Callable[..., Any], tmp_path: Path) -> Iterator[Any]:
    from offline_cache.store import Store

    st = run(Store.open(tmp_path / "cache.sqlite"))
    run(fill_store(st))
    yield st
    run(st.close())


@pytest.fixture
def ctx(store: Any, qapp: Any, tmp_path: Path) -> Any:
    from ui import i18n
    from ui.context import UiContext

    i18n.install("en")
    return UiContext(store, lang="en", profile_dir=tmp_path)
