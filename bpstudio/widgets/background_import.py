"""Modules the window's first paint does not need (pyqtgraph: 170–310 ms at start on this
machine), imported on a thread of their own once the window is on screen: a click meanwhile is
answered, as the thread gives the Python lock back every few milliseconds. ``done`` comes on the
GUI thread; what then builds the widgets that need the modules finds them imported."""

from __future__ import annotations

import importlib
import sys
import threading
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..session import threads


_running: set["BackgroundImport"] = set()  # kept until done (their owner may go first)


class BackgroundImport(QObject):
    """No parent: a widget that asked for the modules and closed before they came leaves it
    alive until its thread has said ``done`` (its connection to the widget went with it)."""

    done = Signal()

    def __init__(self, modules: tuple[str, ...]) -> None:
        super().__init__()
        self.modules = modules
        self.worker: threading.Thread | None = None  # the importing thread, if one was needed
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
        # waited for before Python's exit (session/threads.py): a daemon thread still importing
        # as Python finalizes was stopped inside Qt's C++ code, and the process aborted or
        # crashed instead of exiting 0 (2 in 40 windows closed as soon as they showed)
        self.worker = threads.start(self._run, threads.caller(self, "_imported"),
                                    name="bpstudio-import")

    def _run(self, imported: Callable[[], None]) -> None:
        for name in self.modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - imported again where needed, and said there
                break
        imported()  # on the GUI thread, where this object lives

    def _imported(self) -> None:
        self.done.emit()
