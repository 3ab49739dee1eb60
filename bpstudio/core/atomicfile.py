"""Atomic file writes: a temporary file in the same folder, fsync, then os.replace.

A write that fails half-way (full disk, a crash, an exception) leaves the old file as it was. The
file stays the user's: saving over it keeps its permissions, saving to a symbolic link writes the
file the link points to (the link stays a link), a read-only file is refused, and a new file gets
the permissions the user's umask gives. Only a regular file is ever replaced: a target that is
a folder, a FIFO, a socket or a device node (or a link to one) is refused with NotARegularFile,
before anything is written (os.replace would otherwise put a regular file in place of
/dev/something, as root too). The temporary file carries the writer's process id, so
the temporaries of a killed save are recognised and removed at the next save (or start).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import threading
from pathlib import Path
from typing import IO, Iterator

from .messages import QT_TRANSLATE_NOOP, UserMessage

_TEMP_SUFFIX = ".tmp"
_lock = threading.Lock()
_writing: set[Path] = set()  # this process's temporaries being written (never stale)


class NotARegularFile(UserMessage, OSError):
    """A save's target exists and is not a regular file: nothing was written."""

    def __init__(self, template: str = "", **values: object) -> None:
        super().__init__(template or QT_TRANSLATE_NOOP(
            "core", "not a regular file but a folder, a device or a pipe; it is left as it is"),
            **values)
        self.filename = str(values.get("path", ""))
        self.strerror = str(self)

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def check_target(path: str | os.PathLike[str]) -> Path:
    """The file a save of ``path`` writes (through a symbolic link, its target), when it is a
    regular file or nothing yet; NotARegularFile otherwise."""
    target = Path(os.path.realpath(path))
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    except NotADirectoryError:
        raise NotARegularFile(path=os.fspath(path)) from None
    if not stat.S_ISREG(mode):
        raise NotARegularFile(path=os.fspath(path))
    return target


def _temp_prefix(target: Path) -> str:
    return f".{target.name}."


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    target = check_target(path)  # through a symbolic link: its target is written
    mode = None
    if target.exists():
        mode = target.stat().st_mode & 0o7777
        if not (mode & 0o222) or not os.access(target, os.W_OK):  # read-only stays so (root too)
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    remove_stale_temporaries(target)
    tmp = target.parent / f"{_temp_prefix(target)}{os.getpid()}-{secrets.token_hex(4)}{_TEMP_SUFFIX}"
    # 0o666 through the umask, as any new file of the user's; an old file's own mode below
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with _lock:
        _writing.add(tmp)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            if mode is not None:
                os.chmod(tmp, mode)
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        with _lock:
            _writing.discard(tmp)


def remove_stale_temporaries(target: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporaries a killed save of ``target`` left (their writer is gone)."""
    target = Path(target)
    removed: list[Path] = []
    try:
        names = [n for n in os.listdir(target.parent)
                 if n.startswith(_temp_prefix(target)) and n.endswith(_TEMP_SUFFIX)]
    except OSError:
        return removed
    for name in names:
        pid = name[len(_temp_prefix(target)):].split("-", 1)[0]
        with _lock:
            ours = target.parent / name in _writing
        if pid.isdigit() and not ours and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                (target.parent / name).unlink()
                removed.append(target.parent / name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # not among this process's writes under way: a failed one's leftover
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True
