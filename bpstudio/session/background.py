"""Work that would hold up the window for a noticeable moment, on a Python thread.

Drawing a 512-wide W[1] for the cat images from the seeded stream (6.3 million normal numbers,
~250 ms) and laying out one iteration of it (~400 ms) are long runs of numpy calls that release
the GIL, so a plain thread keeps the GUI thread free. The result comes back by a queued signal and
is handed on only if nobody started or cancelled a newer job in the meantime. Work that calls
check() stops there once it is stale (it raises Cancelled), so a cancelled read of a big file
does not go on reading it.
"""

from __future__ import annotations

import threading
from typing import Callable

from PySide6.QtCore import QObject, Signal


class Cancelled(BaseException):
    """Raised in stale work by check(); a BaseException, so no ``except Exception`` stops it."""


class BackgroundJob(QObject):
    """One job at a time; starting another or cancelling makes the running one's result stale."""

    _finished = Signal(object)  # (generation, result, error), emitted on the worker thread

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self._generation = 0
        self._then: Callable | None = None
        self._failed: Callable | None = None
        self._thread: threading.Thread | None = None
        self._last: tuple | None = None  # the last work's (generation, result, error)
        self._local = threading.local()  # the generation of the work on the calling thread
        self._finished.connect(self._on_finished)  # queued: a different thread emits

    @property
    def running(self) -> bool:
        return self._then is not None

    def start(self, work: Callable[[], object], then: Callable[[object], None],
              failed: Callable[[BaseException], None] | None = None) -> None:
        """Call ``work()`` on a thread, then ``then(result)`` on the GUI thread; an exception
        from ``work`` goes to ``failed(error)`` there (or is raised again without one)."""
        self._generation += 1
        self._then, self._failed = then, failed
        self._thread = threading.Thread(target=self._run, args=(self._generation, work),
                                        name=self.name, daemon=True)
        self._thread.start()

    def wait(self, seconds: float = 30.0) -> None:
        """Until the work has run and its ``then`` (or ``failed``) has been called, here; the
        copy the event loop would bring later is then stale and dropped."""
        if self._thread is not None:
            self._thread.join(seconds)
            if not self._thread.is_alive() and self._last is not None:
                self._on_finished(self._last)

    def check(self) -> None:
        """For the work, on its thread: raise Cancelled if it was cancelled or replaced."""
        if getattr(self._local, "generation", self._generation) != self._generation:
            raise Cancelled

    def cancel(self) -> None:
        self._generation += 1
        self._then = None

    def _run(self, generation: int, work) -> None:
        self._local.generation = generation
        try:
            result, error = work(), None
        except Cancelled:
            return  # nobody is waiting for it
        except Exception as e:  # noqa: BLE001 - raised again on the GUI thread
            result, error = None, e
        self._last = (generation, result, error)  # for wait()
        try:
            self._finished.emit(self._last)
        except RuntimeError:  # the owner was deleted (the window closed): nobody is waiting
            pass

    def _on_finished(self, payload) -> None:
        generation, result, error = payload
        if generation != self._generation or self._then is None:
            return  # stale: a newer job or a cancel came after it
        then, self._then = self._then, None
        if error is None:
            then(result)
        elif self._failed is not None:
            self._failed(error)
        else:
            raise error
