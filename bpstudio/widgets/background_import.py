"""Modules the window's first paint does not need (pyqtgraph: 170–310 ms at start on this
machine), imported once the window is on screen without holding the GUI thread long, and never
on another thread.

PySide keeps the private data of every Python type of a Qt class in one table shared by all
threads and guarded by no lock (shiboken's ``PepType_SOTP``, a hash map), and the GUI thread
reads that table without the Python lock whenever Qt asks a Python-made object for its
``metaObject()`` (``QPixmap::fromImage`` does, of the application). Importing pyqtgraph makes
about 1,500 such types: the Qt classes it names (PySide makes a class's type when it is first
named) and its own subclasses. On a thread, it grew the table while the GUI thread read it: a
started app crashed (the core: the GUI thread in ``MetaObjectBuilder::update`` under
``QPixmap::fromImage``, the import thread in pyqtgraph/Qt/__init__.py just after naming
``QStringListModel``). So the types are made on the GUI thread, a slice of SLICE_S a turn of the
event loop (~0.3 s in all), and the modules are then imported there in one piece (pyqtgraph's own
subclasses); the standard library's modules they bring, which make no Qt type, are imported on a
thread meanwhile. ``done`` comes on the GUI thread, the modules imported.
"""

from __future__ import annotations

import importlib
import sys
import threading
import time
from typing import Callable, Iterator

from PySide6.QtCore import QObject, Signal

from ..session import threads
from ..session.call_soon import call_soon

# the Qt modules whose classes pyqtgraph names as it is imported (pyqtgraph/Qt/__init__.py names
# every class of the first three)
QT_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtOpenGL",
              "PySide6.QtOpenGLWidgets", "PySide6.QtSvg", "PySide6.QtTest")
# what pyqtgraph's import adds of the standard library to the window's (measured): no Qt type
STANDARD_MODULES = ("cProfile", "mmap", "pkgutil", "pydoc", "sysconfig", "xml.etree.ElementTree",
                    "importlib.resources")
SLICE_S = 0.010  # the GUI thread's time a turn while the types are made

_running: set["BackgroundImport"] = set()  # kept until done (their owner may go first)


class BackgroundImport(QObject):
    """No parent: a widget that asked for the modules and closed before they came leaves it
    alive until it has said ``done`` (its connection to the widget went with it)."""

    done = Signal()

    def __init__(self, modules: tuple[str, ...], qt_modules: tuple[str, ...] = QT_MODULES,
                 standard: tuple[str, ...] = STANDARD_MODULES,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        super().__init__()
        self.modules = modules
        self.qt_modules, self.standard = qt_modules, standard
        self._clock = clock
        self.worker: threading.Thread | None = None  # the standard library's thread, if needed
        self._types: Iterator[None] | None = None
        self._types_done = self._finished = False
        self.turns = 0  # the turns of the event loop the types took (for the tests)
        # a method, not a lambda holding self: that kept this object, and through ``done``'s
        # other connection the widget that asked, alive for ever
        self.done.connect(self._forget)

    def _forget(self) -> None:
        _running.discard(self)

    def start(self) -> None:
        _running.add(self)
        if all(name in sys.modules for name in self.modules):  # imported already
            self._types_done = True
            call_soon(self, self._finish)
            return
        missing = tuple(name for name in self.standard if name not in sys.modules)
        if missing:
            # waited for before Python's exit (session/threads.py): a daemon thread still
            # importing as Python finalizes was stopped inside its work
            self.worker = threads.start(_import_standard, missing, name="bpstudio-import")
        self._types = self._make_types()
        call_soon(self, self._make_more)

    def _make_types(self) -> Iterator[None]:
        """Each Qt module imported, then each of its classes named (its type made), pausing
        after each."""
        for name in self.qt_modules:
            try:
                module = importlib.import_module(name)
            except Exception:  # noqa: BLE001 - (a PySide6 without it: pyqtgraph does without)
                continue
            yield
            for attribute in dir(module):
                try:
                    getattr(module, attribute)
                except Exception:  # noqa: BLE001 - named again by pyqtgraph, and said there
                    pass
                yield

    def _make_more(self) -> None:
        assert self._types is not None
        self.turns += 1
        deadline = self._clock() + SLICE_S
        try:
            for _ in self._types:
                if self._clock() >= deadline:
                    call_soon(self, self._make_more)
                    return
        except Exception:  # noqa: BLE001 - (never seen) the modules are imported all the same
            pass
        self._types, self._types_done = None, True
        self._finish()

    def _finish(self) -> None:
        """Once the types are made: the modules, here, in one piece, after the standard
        library's thread (done long before: it is waited for, it posts nothing, since a
        thread's signal reads PySide's table of types as the slices grow it)."""
        if self._finished or not self._types_done:
            return
        self._finished = True
        if self.worker is not None:
            self.worker.join()
        for name in self.modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - imported again where needed, and said there
                break
        self.done.emit()


def _import_standard(modules: tuple[str, ...]) -> None:
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - pyqtgraph's import imports it again, or does without
            pass
