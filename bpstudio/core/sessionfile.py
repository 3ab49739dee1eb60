"""Session files (``.bpstudio``): the whole lesson in one file, no pickle.

The file is an .npz archive: one entry ``session.json`` (a unicode string: architecture,
hyper-parameters, data set reference, stepper position, …) and plain numeric arrays (parameters,
cost history, ‖dW[l]‖, evaluations). Loading uses ``allow_pickle=False``; saving is atomic.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import numpy as np

from .messages import QT_TRANSLATE_NOOP, UserMessage
from .npzfile import NpzError, read_plain_npz, write_plain_npz

FORMAT = "bpstudio-session"
VERSION = 1
SUFFIX = ".bpstudio"


class SessionFileError(UserMessage):
    """A session file that cannot be read or written; str() is one line for the user."""


def file_digest(paths: list[str | os.PathLike]) -> str:
    """sha256 over the files' bytes, to notice when a referenced data set changed."""
    h = hashlib.sha256()
    for p in paths:
        with open(p, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()


def save_session(path: str | os.PathLike, meta: dict, arrays: dict[str, np.ndarray]) -> None:
    """Write ``meta`` (JSON-able) and ``arrays`` (numeric) atomically."""
    meta = {"format": FORMAT, "version": VERSION, **meta}
    entries = {k: np.asarray(v) for k, v in arrays.items()}
    for k, v in entries.items():
        if v.dtype.kind not in "biuf":
            raise SessionFileError(QT_TRANSLATE_NOOP("core", "array {k} is {dtype}, not numbers"), k=k,
                                   dtype=v.dtype)
    entries["session.json"] = np.array(json.dumps(meta, ensure_ascii=False))
    write_plain_npz(path, entries, SessionFileError)


def load_session(path: str | os.PathLike) -> tuple[dict, dict[str, np.ndarray]]:
    name = Path(path).name
    try:
        data = read_plain_npz(path, UserMessage(QT_TRANSLATE_NOOP("core", "a session file")))
    except NpzError as e:
        raise SessionFileError(e.template, **e.values) from None
    if "session.json" not in data:
        raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: not a BP Studio session (no session.json)"),
                               name=name)
    try:
        meta = json.loads(str(data.pop("session.json")[()]))
    except (json.JSONDecodeError, TypeError, ValueError):
        raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: damaged session description"),
                               name=name) from None
    if meta.get("format") != FORMAT:
        raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: not a BP Studio session"), name=name)
    if int(meta.get("version", 0)) > VERSION:
        raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: made by a newer BP Studio (format {v})"),
                               name=name, v=meta["version"])
    return meta, data
