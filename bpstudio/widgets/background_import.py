"""Modules the window's first paint does not need (pyqtgraph: 170–310 ms at start on this
machine), imported on a thread of their own once the window is on screen: a click meanwhile is
answered, as the thread gives the Python lock back every few milliseconds. ``done`` comes on the
GUI thread; what then builds the widgets that need the modules finds them imported."""

from __future__ import annotations

import importlib
import sys
import threading
import time

from PySide6.QtCore import QObject, QTimer, Signal


_running: set["BackgroundImport"] = set()  # kept until done (their owner may go first)
_threads: list[threading.Thread] = []


def wait_for_imports(seconds: float = 10.0) -> None:
    """Before the app exits: the import threads end first. A daemon thread still importing when
    Python finalizes is stopped inside the Qt library's C++ code, and the process then aborts or
    crashes instead of exiting 0 (seen 2 times in 40 windows closed as soon as they showed)."""
    deadline = time.monotonic() + seconds
    for thread in list(_threads):
        thread.join(max(0.0, deadline - time.monotonic()))


class BackgroundImport(QObject):
    """No parent: a widget that asked for the modules and closed before they came leaves it
    alive until its thread has said ``done`` (its connection to the widget went with it)."""

    done = Signal()

    def __init__(self, modules: tuple[str, ...]) -> None:
        super().__init__()
        self.modules = modules
        # a method, not a lambda holding self: that kept this object, and through ``done``'s
        # other connection the widget that asked, alive for ever
        self.done.connect(self._forget)

    def _forget(self) -> None:
        _running.discard(self)

    def start(self) -> None:
        _running.add(self)
        if all(name in sys.modules for name in self.modules):  # imported already: no thread
            QTimer.singleShot(0, self.done.emit)
            return
        thread = threading.Thread(target=self._run, name="bpstudio-import", daemon=True)
        _threads[:] = [t for t in _threads if t.is_alive()] + [thread]
        thread.start()

    def _run(self) -> None:
        for name in self.modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - imported again where needed, and said there
                break
        self.done.emit()  # queued to the GUI thread, where this object lives
