"""Reading files off the GUI thread: data sets, CSV, image folders, models and sessions.

A 60 MB CSV held the window 8.5 s, an .h5 of 2,000 big images 5.9 s and an .npz of 200,000
members 11 s. Every open now goes through one FileLoader: the reading runs on a thread (a
BackgroundJob), says how far it is, can be cancelled, and hands its result to the GUI thread,
where only the swap onto the screen happens. Reads asked for meanwhile wait their turn (a drop of
a data set and a model: the model is checked against the new data).
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..core.messages import UserMessage, isolated
from .background import BackgroundJob
from . import threads
from .messages import translated

BYTES, IMAGES, ITERATIONS = "bytes", "images", "iterations"
REPORT_SECONDS = 0.05  # progress reaches the window at most this often
T = TypeVar("T")


class Report(Protocol):
    """How a read says how far it is: done of total, in its unit (BYTES or IMAGES)."""

    def __call__(self, done: float, total: float, unit: str = ..., /) -> None: ...


@dataclass
class _Read(Generic[T]):
    name: str
    read: Callable[[Report], T] | None  # on the thread; None: only landed(None)
    landed: Callable[[T], None]  # landed(result), on the GUI thread
    failed: Callable[[str], None]  # failed(message), on the GUI thread
    unit: str


class FileLoader(QObject):
    started = Signal(str)  # the name of what is being read now
    progressed = Signal(str, float, float, str)  # name, done, total, unit (BYTES or IMAGES)
    finished = Signal()  # nothing is being read any more
    cancelled = Signal(str)  # a message: what was stopped

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._job = BackgroundJob("bpstudio-loader", self)
        self._queue: deque[_Read[Any]] = deque()  # each read its own kind of result
        self._current: _Read[Any] | None = None
        self._last_report = 0.0
        self._progress = threads.caller(self, "_progressed")  # from the reading thread

    @property
    def running(self) -> bool:
        return self._current is not None

    @property
    def name(self) -> str:
        return self._current.name if self._current is not None else ""

    @property
    def unit(self) -> str:
        """What the read under way counts: BYTES, IMAGES or ITERATIONS (a run recomputed)."""
        return self._current.unit if self._current is not None else BYTES

    def read(self, name: str, read: Callable[[Report], T], landed: Callable[[T], None],
             failed: Callable[[str], None], unit: str = BYTES) -> None:
        """``read(progress)`` on a thread, then ``landed(result)`` here; any problem reaches
        ``failed`` as a one-line message naming ``name``. After the reads asked for before."""
        self._queue.append(_Read(name, read, landed, failed, unit))
        if self._current is None:
            self._next()

    def after(self, then: Callable[[], None]) -> None:
        """``then()`` here once the reads asked for before it have landed or failed (at once
        when none is under way): pictures dropped with a model are classified by that model."""
        if self._current is None:
            then()
        else:
            self._queue.append(_Read[None]("", None, lambda _: then(), lambda _: None, BYTES))

    def cancel(self) -> bool:
        """Stop the read under way and drop those waiting; False if there was none."""
        if self._current is None:
            return False
        name, unit = self._current.name, self._current.unit
        self._job.cancel()  # the thread stops at its next report
        self._queue.clear()
        self._current = None
        said = (self.tr("Stopped recomputing {name}.") if unit == ITERATIONS
                else self.tr("Stopped reading {name}; nothing was changed."))
        self.cancelled.emit(said.format(name=isolated(name)))
        self.finished.emit()
        return True

    def wait(self, seconds: float = 60.0) -> None:
        """Until every read asked for has landed or failed (scripts, tests, closing)."""
        deadline = time.monotonic() + seconds
        while self._current is not None and time.monotonic() < deadline:
            self._job.wait(max(0.0, deadline - time.monotonic()))

    # ----- internals ------------------------------------------------------------------------------

    def _next(self) -> None:
        while self._queue and self._queue[0].read is None:
            self._queue.popleft().landed(None)
        if not self._queue:
            self._current = None
            self.finished.emit()
            return
        current = self._current = self._queue.popleft()
        read = current.read
        assert read is not None  # (the reads without one landed above)
        self._last_report = 0.0
        self.started.emit(current.name)
        self._job.start(lambda: read(lambda done, total, unit=current.unit:
                                     self._report(current, done, total, unit)),
                        lambda result: self._end(current, result, None),
                        lambda error: self._end(current, None, error))

    def _report(self, current: _Read[Any], done: float, total: float, unit: str) -> None:
        """On the thread: raises Cancelled once the read is stale; at most every 50 ms."""
        self._job.check()
        now = time.monotonic()
        if now - self._last_report >= REPORT_SECONDS or done >= total:
            self._last_report = now
            self._progress(current.name, float(done), float(total), unit)

    def _progressed(self, name: str, done: float, total: float, unit: str) -> None:
        self.progressed.emit(name, done, total, unit)

    def _end(self, current: _Read[T], result: T, error: BaseException | None) -> None:
        try:
            if error is not None:
                current.failed(describe(error, current.name))
            else:
                current.landed(result)
        except Exception as e:  # noqa: BLE001 - a bug in a landing is a message, not a half-open file
            current.failed(describe(e, current.name))
        finally:
            if self._current is current:
                self._next()


def describe(error: BaseException, name: str) -> str:
    """The one line a user reads about a failed read of ``name``."""
    if isinstance(error, UserMessage):
        return translated(error)
    if isinstance(error, MemoryError):
        return QCoreApplication.translate("FileLoader", "{name}: not enough memory to read it").format(
            name=name)
    why = error.strerror if isinstance(error, OSError) and error.strerror else \
        f"{type(error).__name__}: {error}"
    return QCoreApplication.translate("FileLoader", "{name}: cannot be read ({why})").format(
        name=name, why=why)
