"""Where a data set came from, as a session file keeps it, and loading it again from there.

A data set is kept by reference, never its samples: a built-in set's name; the cat files' path;
a CSV's or an image folder's path with the split that made it (``origin``) and the 2-D
playground's settings (``plane``); or, for a model opened without data, its input shape and
class names. The data files are hashed when the session is written (``HASH_LATER``), so an
opened session can say that they changed since.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from ..core.csvdata import load_csv
from ..core.datasets import BUILTIN, Dataset, DatasetError, builtin_dataset, model_inputs, plane_dataset
from ..core.h5data import load_catvnoncat
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.plane import PlaneError, PlaneSpec
from ..core.sessionfile import SessionFileError
from ..core.typealiases import JsonObject
from .image_folder import load_image_folder
from .loading import IMAGES, Report

HASH_LATER = "_files_to_hash"  # describe() names the data files; the session's writer hashes them


def describe_origin(ds: Dataset) -> JsonObject:
    """The reference a session file keeps for ``ds``."""
    if ds.origin is not None or ds.plane is not None:  # made from files or settings
        data: JsonObject = {"kind": "made", "origin": ds.origin,
                            "plane": asdict(ds.plane) if ds.plane is not None else None}
        if ds.files:
            data[HASH_LATER] = list(ds.files)
        return data
    if ds.files:
        return {"kind": "file", "path": ds.files[0], HASH_LATER: list(ds.files)}
    if not ds.has_samples:
        return {"kind": "model", "name": ds.name, "input_shape": list(ds.input_shape),
                "classes": list(ds.classes)}
    return {"kind": "builtin", "name": ds.name}


def _present(path: str, name: str) -> str:
    """``path``, if it is still there; a session without its data cannot open."""
    if not Path(path).exists():
        raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: its data set is missing ({path}); put "
                                                 "it back or open the data first"),
                               name=name, path=path)
    return path


def load_origin(data: JsonObject, spec: PlaneSpec | None, name: str, progress: Report) -> Dataset:
    """The data set ``data`` (describe_origin's reference, checked by core/sessionfile.py) and
    ``spec`` (its 2-D settings) describe, read again; ``name`` is the session's, for messages."""
    if data["kind"] == "builtin":
        if data["name"] not in BUILTIN:
            raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: unknown built-in data set {data}"),
                                   name=name, data=repr(data["name"]))
        return builtin_dataset(data["name"])
    if data["kind"] == "model":
        return model_inputs(data["name"], tuple(data["input_shape"]), tuple(data["classes"]))
    origin = data.get("origin") if data["kind"] == "made" else None
    try:
        if data["kind"] == "file":
            return load_catvnoncat(_present(data["path"], name), progress=progress)
        if origin is None:
            assert spec is not None  # core/sessionfile.py checked: made data has one or the other
            return plane_dataset(spec)
        path = _present(origin["path"], name)
        if origin["kind"] == "folder":
            return load_image_folder(path, origin["side"], origin["train_share"], origin["seed"],
                                     progress=lambda k, n: progress(k, n, IMAGES)).dataset
        return load_csv(path, origin["train_share"], origin["seed"],
                        spec.features if spec is not None else None, progress=progress)
    except (DatasetError, PlaneError) as e:
        raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: its data set cannot be read ({why})"),
                               name=name, why=e) from None
