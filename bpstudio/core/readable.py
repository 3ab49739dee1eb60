"""Opening a file to read it: regular files only, refused in words a user can act on.

A FIFO named ``data.h5`` would block the reader until someone writes to it (the window's close
then waited too), and a device such as /dev/zero never ends; both are refused by their type,
before a byte is read. A file that cannot be opened says why: not found, permission denied.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from .messages import QT_TRANSLATE_NOOP, UserMessage


def open_regular(path: str | os.PathLike[str], error: type[UserMessage] = UserMessage) -> BinaryIO:
    """``path`` opened for reading in binary; ``error`` (one line naming the file) when it is not
    a regular file that can be read."""
    name = Path(path).name or str(path)
    try:
        check_kind(os.stat(path), name, error)
        # O_NONBLOCK: were it swapped for a FIFO since the stat, opening would wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise not_readable(e, name, error) from None
    try:
        check_kind(os.fstat(fd), name, error)
    except BaseException:
        os.close(fd)
        raise
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def check_regular(path: str | os.PathLike[str], error: type[UserMessage] = UserMessage) -> int:
    """The size of ``path`` once it has been opened as open_regular does (for readers that take
    a path, such as HDF5's); raises ``error`` as it does."""
    with open_regular(path, error) as f:
        return os.fstat(f.fileno()).st_size


def check_kind(st: os.stat_result, name: str, error: type[UserMessage] = UserMessage) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise error(QT_TRANSLATE_NOOP("core", "{name}: a folder, not a file"), name=name)
    if not stat.S_ISREG(st.st_mode):
        raise error(QT_TRANSLATE_NOOP("core", "{name}: not a regular file (a device, a pipe or a "
                                      "socket); not read"), name=name)


def not_readable(e: OSError, name: str, error: type[UserMessage] = UserMessage) -> UserMessage:
    """The user's words for why ``name`` could not be opened or read."""
    if isinstance(e, FileNotFoundError):
        return error(QT_TRANSLATE_NOOP("core", "{name}: file not found"), name=name)
    if isinstance(e, PermissionError):
        return error(QT_TRANSLATE_NOOP("core", "{name}: permission denied"), name=name)
    if isinstance(e, IsADirectoryError):
        return error(QT_TRANSLATE_NOOP("core", "{name}: a folder, not a file"), name=name)
    return error(QT_TRANSLATE_NOOP("core", "{name}: cannot be read ({why})"), name=name,
                 why=e.strerror or e)
