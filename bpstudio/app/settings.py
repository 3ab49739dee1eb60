"""Remembered settings: one INI file through QSettings (tests point QSettings.setPath elsewhere).

Writing goes through ``remember``: the value counts at once (``recall`` sees it) and one
background thread writes it. A QSettings write ends in a sync that saves the whole file and
flushes it to disk; on the GUI thread that took 1.5 ms idle but up to 55 ms beside a large write,
and a theme switch waited 272 ms behind the autosave's 50 MB (a monkey run, sampled by its
watchdog). ``flush`` waits for the writes: closing the window does, and so do the tests.
"""

from __future__ import annotations

import atexit
import queue
import threading
import time

from PySide6.QtCore import QSettings

RECENT_KEY = "recent/files"
MAX_RECENT = 8

_lock = threading.Lock()
_pending: dict[str, object] = {}  # remembered, not yet written
_keys: queue.SimpleQueue = queue.SimpleQueue()
_writer: dict[str, threading.Thread | None] = {"thread": None}


def _store() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "BP Studio", "BP Studio")


def recall(key: str, default=None, kind: type | None = None):
    """The remembered value of ``key`` (``kind``: str, bool, float… as QSettings converts)."""
    with _lock:
        if key in _pending:
            return _pending[key]
    store = _store()
    return store.value(key, default) if kind is None else store.value(key, default, kind)


def remember(key: str, value) -> None:
    with _lock:
        _pending[key] = value
        thread = _writer["thread"]
        if thread is None or not thread.is_alive():
            thread = _writer["thread"] = threading.Thread(target=_write, name="bpstudio-settings",
                                                          daemon=True)
            thread.start()
    _keys.put(key)


def flush(timeout: float = 5.0) -> bool:
    """Wait until every remembered value is in the file; False if that took over ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        with _lock:
            if not _pending:
                return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.002)


def _write() -> None:
    while True:
        key = _keys.get()
        with _lock:
            if key not in _pending:
                continue  # written already, at an earlier turn for the same key
            value = _pending[key]
        store = _store()
        store.setValue(key, value)
        store.sync()
        del store
        with _lock:
            if _pending.get(key) is value:
                del _pending[key]


atexit.register(flush)


def recent_files() -> list[str]:
    value = recall(RECENT_KEY, [])
    return [value] if isinstance(value, str) else list(value or [])


def add_recent(path: str) -> None:
    """Newest first, no duplicates, at most MAX_RECENT."""
    files = [path] + [p for p in recent_files() if p != path]
    remember(RECENT_KEY, files[:MAX_RECENT])
