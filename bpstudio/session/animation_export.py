"""An animation written while the window stays responsive: frames are drawn on the GUI thread
a few at a time (drawing widgets belongs there), between turns of the event loop, and encoded on
a thread as they come (core/animation.py), with progress, an estimate of the time left, and
Cancel, which leaves no file."""

from __future__ import annotations

import math
import queue
import threading
import time
from typing import Iterator, Protocol

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from ..core.animation import Frame, write_animation
from .background import BackgroundJob, Cancelled
from . import threads

AHEAD = 3  # frames drawn and waiting for the encoder at most (their memory, a few MB each)
WAIT_S = 0.05  # the encoder looks whether it was cancelled this often while it waits


class FrameSource(Protocol):
    """What draws the frames, on the GUI thread: frame k is laid out by show(k) and drawn by
    take(k) a turn of the event loop later."""

    @property
    def count(self) -> int: ...

    def duration(self, k: int) -> int: ...

    def show(self, k: int) -> None: ...

    def take(self, k: int) -> np.ndarray: ...


class AnimationExport(QObject):
    progressed = Signal(int, int, float)  # frames written, of how many, seconds left (nan: unknown)
    finished = Signal(str)  # the file written
    failed = Signal(object)  # the exception: nothing was written
    cancelled = Signal()  # nothing was written

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._job = BackgroundJob("bpstudio-animation", self)
        self._frames: queue.Queue[Frame] = queue.Queue()
        self._source: FrameSource | None = None
        self._count = 0  # the frames to write, as they were when the export started
        self._path = ""
        self._next = 0  # the frame to draw next
        self._shown = False  # frame _next is laid out, to be drawn
        self._done = 0
        self._started = 0.0
        self._lock = threading.Lock()
        self._committed = False  # the file is whole: too late to cancel it
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._draw)
        self._written = threads.caller(self, "_on_written")  # from the encoder's thread
        # the window closed while writing: the encoder stops, and leaves no file
        self._abandoned = abandoned = threading.Event()
        self.destroyed.connect(lambda *_: abandoned.set())

    @property
    def running(self) -> bool:
        return self._source is not None

    def start(self, path: str, source: FrameSource) -> None:
        """Draw ``source``'s frames and write them to ``path`` (its suffix names the format)."""
        self.cancel()
        self._source, self._path = source, path
        self._frames = frames = queue.Queue[Frame]()
        self._next, self._shown, self._done = 0, False, 0
        self._committed = False
        self._started = time.monotonic()
        count = self._count = source.count
        job = self._job

        def incoming() -> Iterator[Frame]:
            for _ in range(count):
                while True:
                    job.check()  # cancelled: Cancelled, and the file is not written
                    if abandoned.is_set():
                        raise Cancelled
                    try:
                        yield frames.get(timeout=WAIT_S)
                        break
                    except queue.Empty:
                        continue

        abandoned, lock = self._abandoned, self._lock

        def last_look() -> None:
            with lock:  # cancelled now, or never: the file is written then
                job.check()
                if abandoned.is_set():
                    raise Cancelled
                self._committed = True

        def work() -> str:
            write_animation(path, incoming(), self._written, last_look)
            return path

        job.start(work, self._on_finished, self._on_failed)
        self.progressed.emit(0, count, math.nan)
        self._timer.start(0)

    def _draw(self) -> None:
        """One step of the drawing: lay out the next frame, or draw the one laid out (and come
        back at the next turn of the event loop, or when the encoder has caught up)."""
        source = self._source
        if source is None:
            return
        if self._next >= self._count:
            return
        if self._frames.qsize() >= AHEAD:
            self._timer.start(20)  # the encoder is behind: its queue is not to grow
            return
        k = self._next
        try:
            if source.count != self._count:
                raise RuntimeError(self.tr("what was exported changed while it was drawn"))
            if not self._shown:
                source.show(k)
                self._shown = True
            else:
                self._frames.put((source.take(k), source.duration(k)))
                self._next, self._shown = k + 1, False
        except Exception as e:  # noqa: BLE001 - said to the user; nothing is written
            self._stop()
            self.failed.emit(e)
            return
        self._timer.start(0)

    def _on_written(self, done: int) -> None:
        if self._source is None:
            return
        self._done = done
        total = self._source.count
        elapsed = time.monotonic() - self._started
        left = elapsed / done * (total - done) if done else math.nan
        self.progressed.emit(done, total, left)

    def _on_finished(self, path: object) -> None:
        self._source = None
        self.finished.emit(str(path))

    def _on_failed(self, error: BaseException) -> None:
        self._stop()
        self.failed.emit(error)

    def _stop(self) -> None:
        self._timer.stop()
        self._source = None
        self._job.cancel()  # the encoder stops at its next look, and removes what it wrote

    def cancel(self) -> bool:
        """Stop drawing and writing; nothing is left of the file. False: there is nothing to
        cancel, or the file is written already (``finished`` says so)."""
        with self._lock:
            if self._source is None or self._committed:
                return False
            self._stop()
        self.cancelled.emit()
        return True

    def wait(self, seconds: float = 30.0) -> None:
        """Until the encoder's thread has ended (the file is written, or not)."""
        self._job.wait(seconds)
