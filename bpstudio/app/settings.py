"""Remembered settings: one INI file through QSettings (tests point QSettings.setPath elsewhere).

Writing goes through ``remember``: the value counts at once (``recall`` sees it) and one
background thread writes it. A QSettings write ends in a sync that saves the whole file and
flushes it to disk; on the GUI thread that took 1.5 ms idle but up to 55 ms beside a large write,
and a theme switch waited 272 ms behind the autosave's 50 MB (a monkey run, sampled by its
watchdog). ``flush`` waits for the writes: closing the window does, and so do the tests.

What is read back is checked: a value of the wrong kind (a scale that is not a number, a
geometry that is not one, hand-edited or left by another version) is dropped, the default used,
and a one-line message kept for the window to show (``problems``): the app always starts.
"""

from __future__ import annotations

import atexit
import math
import queue
import stat
import tempfile
import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from ..core.messages import QT_TRANSLATE_NOOP, UserMessage

RECENT_KEY = "recent/files"
MAX_RECENT = 8
# a settings file is a few kB (eight recent files, a geometry); QSettings reads it whole at the
# first recall, on the GUI thread: a 200 MB one took 13 s, so a larger one is not read at all
MAX_SETTINGS_BYTES = 1 << 20

_lock = threading.Lock()
_written = threading.Condition(_lock)  # a remembered value reached the file: flush looks again
_pending: dict[str, object] = {}  # remembered, not yet written
_keys: queue.SimpleQueue = queue.SimpleQueue()
_writer: dict[str, threading.Thread | None] = {"thread": None}
_REMOVED = object()  # pending: the key is to be removed from the file
_problems: list[UserMessage] = []  # values dropped since problems() was last asked


_checked = threading.Event()  # the settings file's kind, looked at before the first read


def _store() -> QSettings:
    if not _checked.is_set():
        _check_file()
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "BP Studio", "BP Studio")


def _check_file() -> None:
    """A settings file that is a FIFO or a device would block QSettings for good (it reads the
    file as it is made): settings then live in a folder of their own for this run, and the
    window says so."""
    with _lock:
        if _checked.is_set():
            return
        path = (Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation))
                / "BP Studio" / "BP Studio.ini")
        problem = None
        try:
            info = path.stat() if path.exists() else None
            if info is not None and not stat.S_ISREG(info.st_mode):
                problem = UserMessage(QT_TRANSLATE_NOOP(
                    "core", "The settings file {path} is not a regular file; nothing is remembered "
                    "this time"), path=path)
            elif info is not None and info.st_size > MAX_SETTINGS_BYTES:
                problem = UserMessage(QT_TRANSLATE_NOOP(
                    "core", "The settings file {path} is {size} MB, more than settings ever take "
                    "({max} MB); it was not read, and nothing is remembered this time"),
                    path=path, size=f"{info.st_size / 1e6:,.0f}", max=MAX_SETTINGS_BYTES // (1 << 20))
        except OSError:
            problem = UserMessage(QT_TRANSLATE_NOOP(
                "core", "The settings file {path} is not a regular file; nothing is remembered "
                "this time"), path=path)
        if problem is not None:  # the file stays as it is: settings live elsewhere this run
            QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                              tempfile.mkdtemp(prefix="bpstudio-settings-"))
            _problems.append(problem)
        _checked.set()


def recall(key: str, default=None, kind: type | None = None,
           valid: Callable[[object], bool] | None = None):
    """The remembered value of ``key`` as ``kind`` (str, bool, float, int, list, QByteArray);
    a stored value that is not one (or that ``valid`` refuses) is dropped: ``default``."""
    with _lock:
        if key in _pending:
            value = _pending[key]
            return default if value is _REMOVED else value
    stored = _store().value(key)
    if stored is None:
        return default
    value = _converted(stored, kind)
    if value is _BAD or (valid is not None and not valid(value)):
        forget(key, stored)
        return default
    return value


def forget(key: str, bad=None) -> None:
    """Remove ``key`` from the file; with ``bad``, the value that was dropped is reported."""
    if bad is not None:
        text = str(bad)
        with _lock:
            _problems.append(UserMessage(
                QT_TRANSLATE_NOOP("core", "The remembered setting {key} ({value}) could not be "
                                  "used; it was reset"),
                key=key, value=text if len(text) <= 40 else text[:40] + "…"))
    remember(key, _REMOVED)


def problems() -> list[UserMessage]:
    """The settings dropped since the last call (the window shows them once it is up)."""
    with _lock:
        out = list(_problems)
        _problems.clear()
    return out


_BAD = object()


def _converted(value, kind: type | None):
    """``value`` as read from the INI file, as ``kind``; _BAD if it is not one."""
    if kind is None:
        return value
    if kind is bool:
        if isinstance(value, bool):
            return value
        text = str(value).lower() if isinstance(value, str) else ""
        return {"true": True, "false": False}.get(text, _BAD)
    if kind in (float, int):
        try:
            number = kind(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) \
                else _BAD
        except ValueError:
            return _BAD
        return number if number is _BAD or math.isfinite(number) else _BAD
    if kind is list:
        if isinstance(value, str):
            return [value]
        return value if isinstance(value, list) and all(isinstance(v, str) for v in value) else _BAD
    if kind is QByteArray:
        return value if isinstance(value, QByteArray) else _BAD
    return value if isinstance(value, kind) else _BAD


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
    with _written:
        return _written.wait_for(lambda: not _pending, timeout)


def _write() -> None:
    while True:
        key = _keys.get()
        with _lock:
            if key not in _pending:
                continue  # written already, at an earlier turn for the same key
            value = _pending[key]
        store = _store()
        if value is _REMOVED:
            store.remove(key)
        else:
            store.setValue(key, value)
        store.sync()
        del store
        with _written:
            if _pending.get(key) is value:
                del _pending[key]
                _written.notify_all()


atexit.register(flush)


def recent_files() -> list[str]:
    return list(recall(RECENT_KEY, [], list))


def add_recent(path: str) -> None:
    """Newest first, no duplicates, at most MAX_RECENT."""
    files = [path] + [p for p in recent_files() if p != path]
    remember(RECENT_KEY, files[:MAX_RECENT])
