"""Modules the window's first paint does not need (pyqtgraph: 170–310 ms at start on this
machine), imported on a thread of their own once the window is on screen: a click meanwhile is
answered, as the thread gives the Python lock back every few milliseconds. ``done`` comes on the
GUI thread; what then builds the widgets that need the modules finds them imported."""

from __future__ import annotations

import importlib
import sys
import threading

from PySide6.QtCore import QObject, QTimer, Signal


_running: set["BackgroundImport"] = set()  # kept until done (their owner may go first)


class BackgroundImport(QObject):
    """No parent: a widget that asked for the modules and closed before they came leaves it
    alive until its thread has said ``done`` (its connection to the widget went with it)."""

    done = Signal()

    def __init__(self, modules: tuple[str, ...]) -> None:
        super().__init__()
        self.modules = modules
        self.done.connect(lambda: _running.discard(self))

    def start(self) -> None:
        _running.add(self)
        if all(name in sys.modules for name in self.modules):  # imported already: no thread
            QTimer.singleShot(0, self.done.emit)
            return
        threading.Thread(target=self._run, name="bpstudio-import", daemon=True).start()

    def _run(self) -> None:
        for name in self.modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - imported again where needed, and said there
                break
        self.done.emit()  # queued to the GUI thread, where this object lives
