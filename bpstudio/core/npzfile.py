"""Reading .npz archives of plain arrays, never pickles: the one reader behind model and session
files, with one-line reasons a user can act on."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import numpy as np


def read_plain_npz(path: str | os.PathLike, what: str) -> dict[str, np.ndarray]:
    """Every array of the archive; raises ValueError("<file>: <why>") where ``what`` names the
    kind of file expected ("a model file (.npz)", "a session file")."""
    name = Path(path).name
    pickled = f"{name}: holds pickled Python objects; refused, since loading them could run code"
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
            if head != b"PK\x03\x04":  # every .npz is a zip archive
                raise ValueError(pickled if head[:1] == b"\x80" else
                                 f"{name}: not {what}, or a damaged one")
            fh.seek(0)
            # our own file handle: numpy leaves its own open when the zip is broken
            with np.load(fh, allow_pickle=False) as z:
                return {k: z[k] for k in z.files}
    except FileNotFoundError:
        raise ValueError(f"{name}: file not found") from None
    except ValueError as e:
        if str(e).startswith(name):
            raise
        if "pickle" in str(e):
            raise ValueError(pickled) from None
        raise ValueError(f"{name}: not {what} ({e})") from None
    except (OSError, zipfile.BadZipFile, EOFError):
        raise ValueError(f"{name}: not {what}, or a damaged one") from None
