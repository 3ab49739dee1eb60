"""Modules the window's first paint does not need (pyqtgraph: 170–310 ms at start on this
machine), imported on a thread of their own once the window is on screen: a click meanwhile is
answered, as the thread gives the Python lock back every few milliseconds. ``done`` comes on the
GUI thread; what then builds the widgets that need the modules finds them imported."""

from __future__ import annotations

import importlib
import threading

from PySide6.QtCore import QObject, Signal


class BackgroundImport(QObject):
    done = Signal()

    def __init__(self, modules: tuple[str, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.modules = modules

    def start(self) -> None:
        threading.Thread(target=self._run, name="bpstudio-import", daemon=True).start()

    def _run(self) -> None:
        for name in self.modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - imported again where needed, and said there
                break
        try:
            self.done.emit()  # queued to the GUI thread, where this object lives
        except RuntimeError:  # the window closed meanwhile: nothing waits for the plots
            pass
