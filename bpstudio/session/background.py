"""Work that would hold up the window for a noticeable moment, on a Python thread.

Drawing a 512-wide W[1] for the cat images from the seeded stream (6.3 million normal numbers,
~250 ms) and laying out one iteration of it (~400 ms) are long runs of numpy calls that release
the GIL, so a plain thread keeps the GUI thread free. The result comes back to the GUI thread
(session/threads.py: never by a signal of this object, which may be deleted meanwhile) and is
handed on only if nobody started or cancelled a newer job in the meantime. Work that calls
check() stops there once it is stale (it raises Cancelled), so a cancelled read of a big file
does not go on reading it.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, NamedTuple, TypeVar

from PySide6.QtCore import QObject

from . import threads


T = TypeVar("T")


class Cancelled(BaseException):
    """Raised in stale work by check(); a BaseException, so no ``except Exception`` stops it."""


class _Finished(NamedTuple):
    """What a work left: its generation, and its result or the exception it raised."""

    generation: int
    result: object
    error: Exception | None


class BackgroundJob(QObject):
    """One job at a time; starting another or cancelling makes the running one's result stale."""

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self._generation = 0
        # the running work's: its result's type is that work's (start() checks they agree)
        self._then: Callable[[Any], object] | None = None
        self._failed: Callable[[BaseException], object] | None = None
        self._thread: threading.Thread | None = None
        self._last: _Finished | None = None  # the last work's
        self._local = threading.local()  # the generation of the work on the calling thread
        self._finished = threads.caller(self, "_on_finished")  # from the work's thread

    @property
    def running(self) -> bool:
        return self._then is not None

    def start(self, work: Callable[[], T], then: Callable[[T], object],
              failed: Callable[[BaseException], object] | None = None) -> None:
        """Call ``work()`` on a thread, then ``then(result)`` on the GUI thread; an exception
        from ``work`` goes to ``failed(error)`` there (or is raised again without one)."""
        self._generation += 1
        self._then, self._failed = then, failed
        self._thread = threads.start(self._run, self._generation, work, name=self.name)

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

    def _run(self, generation: int, work: Callable[[], object]) -> None:
        self._local.generation = generation
        try:
            result, error = work(), None
        except Cancelled:
            return  # nobody is waiting for it
        except Exception as e:  # noqa: BLE001 - raised again on the GUI thread
            result, error = None, e
        self._last = _Finished(generation, result, error)  # for wait()
        self._finished(self._last)

    def _on_finished(self, payload: _Finished) -> None:
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
