"""Python threads that hand their results to the GUI thread, and end before Python does.

A thread's Qt signal crashed the process (segmentation faults in 1 full run of the suite in 4):
PySide gives the Python lock up inside ``emit``, so the GUI thread (or Python's exit) could delete
the emitting QObject while the emit was still under way on the thread. Seen twice:

- ``bpstudio lesson --check`` printed its answer, and Python's exit collected a BackgroundJob
  while its thread was emitting (the core: the main thread in ``Py_FinalizeEx``'s collection, the
  job's thread in ``QMetaObject::activate``);
- a studio or window deleted while one of its jobs, or its run's reader, was reporting.

So no thread emits a signal of an object that may go: ``caller(owner, "method")`` makes a
callable that, from any thread, posts through one relay made for the life of the process, and
calls ``owner.method(...)`` on the GUI thread if ``owner`` still exists then (the thread holds
only a weak reference to it). And the threads started here are waited for before Python
finalizes (``join``: at exit, and by the app after its event loop).
"""

from __future__ import annotations

import atexit
import threading
import time
import weakref
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

EXIT_PATIENCE = 10.0  # s: the longest Python's exit waits for the threads (each ends in < 1 s)


class _Relay(QObject):
    posted = Signal(object)  # (weak reference to the owner, the method's name, its arguments)

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _deliver(self, item: tuple[weakref.ref[QObject], str, tuple[Any, ...]]) -> None:
        ref, name, args = item
        owner = ref()
        if owner is not None and shiboken6.isValid(owner):
            getattr(owner, name)(*args)


_relay: _Relay | None = None
_threads: list[threading.Thread] = []
_lock = threading.Lock()


def _the_relay() -> _Relay:
    """Made on the first use, living on the GUI thread (the application's, else the main one)."""
    global _relay
    with _lock:
        if _relay is None:
            _relay = _Relay()
            app = QCoreApplication.instance()
            if app is not None and _relay.thread() is not app.thread():
                _relay.moveToThread(app.thread())
        return _relay


def caller(owner: QObject, method: str) -> Callable[..., None]:
    """A callable for a thread: ``owner.<method>(*args)`` at a next turn of the GUI thread's
    event loop, unless ``owner`` has been deleted by then (nothing happens)."""
    getattr(owner, method)  # a misspelt name fails here, not silently later
    relay, ref = _the_relay(), weakref.ref(owner)

    def post(*args: Any) -> None:
        relay.posted.emit((ref, method, args))
    return post


def start(target: Callable[..., object], *args: Any, name: str) -> threading.Thread:
    """``target(*args)`` on a daemon thread of its own, waited for before Python's exit."""
    _the_relay()
    thread = threading.Thread(target=target, args=args, name=name, daemon=True)
    thread.start()
    with _lock:
        _threads[:] = [t for t in _threads if t.is_alive()] + [thread]
    return thread


def join(seconds: float = EXIT_PATIENCE) -> None:
    """Until every thread started here has ended (at most ``seconds`` in all): none is then
    inside an emit while the objects go."""
    deadline = time.monotonic() + seconds
    with _lock:
        threads = list(_threads)
    for thread in threads:
        if thread is not threading.current_thread():
            thread.join(max(0.0, deadline - time.monotonic()))


atexit.register(join)
