"""Reading .npz archives of plain arrays, never pickles: the one reader behind model and session
files, with one-line reasons a user can act on."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import numpy as np

from .atomicfile import atomic_write
from .messages import QT_TRANSLATE_NOOP, UserMessage


def write_plain_npz(path: str | os.PathLike, arrays: dict[str, np.ndarray], error: type) -> None:
    """Save atomically (a failed save leaves the old file); a failure raises ``error``."""
    try:
        with atomic_write(path) as f:
            np.savez(f, **arrays)
    except OSError as e:
        raise error(QT_TRANSLATE_NOOP("core", "{name}: could not save ({why})"),
                    name=Path(path).name, why=e.strerror or e) from None


class NpzError(UserMessage):
    """Why an archive cannot be read; model and session files re-raise it as their own error."""


def read_plain_npz(path: str | os.PathLike, what: UserMessage) -> dict[str, np.ndarray]:
    """Every array of the archive; raises NpzError naming the file, where ``what`` says what kind
    of file was expected ("a model file (.npz)", "a session file")."""
    name = Path(path).name
    pickled = NpzError(QT_TRANSLATE_NOOP("core", "{name}: holds pickled Python objects; refused, "
                                         "since loading them could run code"), name=name)
    damaged = NpzError(QT_TRANSLATE_NOOP("core", "{name}: not {what}, or a damaged one"),
                       name=name, what=what)
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
            if head != b"PK\x03\x04":  # every .npz is a zip archive
                raise pickled if head[:1] == b"\x80" else damaged
            fh.seek(0)
            # our own file handle: numpy leaves its own open when the zip is broken
            with np.load(fh, allow_pickle=False) as z:
                return {k: z[k] for k in z.files}
    except NpzError:
        raise
    except FileNotFoundError:
        raise NpzError(QT_TRANSLATE_NOOP("core", "{name}: file not found"), name=name) from None
    except ValueError as e:
        if "pickle" in str(e):
            raise pickled from None
        raise NpzError(QT_TRANSLATE_NOOP("core", "{name}: not {what} ({why})"), name=name, what=what,
                       why=e) from None
    except (OSError, zipfile.BadZipFile, EOFError):
        raise damaged from None
