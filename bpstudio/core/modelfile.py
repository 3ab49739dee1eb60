"""Model files: ``.npz`` with the seed's parameter dictionary (W1, b1, …, WL, bL) plus metadata.

Every entry is a plain array (numbers or fixed-width unicode), so any numpy can read the file and
loading never unpickles: a model file from someone else never runs code. Every entry is checked
for its type and shape before it is used, so a damaged or hand-made file is refused with a reason
instead of failing later (an empty class name, a NaN weight, a seed numpy cannot take).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np

from .messages import QT_TRANSLATE_NOOP, UserMessage, shown_names
from .network import (Network, NetworkError, check_count, check_name, check_seed,
                      default_activations)
from .npzfile import NpzError, Progress, read_plain_npz, write_plain_npz

FORMAT_VERSION = 1


class ModelFileError(UserMessage):
    """A model file that cannot be read or written; str() is one line for the user."""


@dataclass(frozen=True)
class ModelInfo:
    input_shape: tuple[int, ...]
    class_names: tuple[str, ...]


def save_model(path: str | os.PathLike[str], network: Network, input_shape: Iterable[int] = (),
               class_names: Iterable[str] = ("0", "1")) -> None:
    arrays = dict(network.parameters())
    arrays.update(
        format_version=np.array(FORMAT_VERSION),
        dims=np.array(network.dims, dtype=np.int64),
        activations=np.array(network.activations),
        loss=np.array(network.loss),
        initializer=np.array(network.init),
        seed=np.array(network.seed, dtype=np.int64),
        precision=np.array(network.precision),
        input_shape=np.array(tuple(input_shape) or (network.dims[0],), dtype=np.int64),
        class_names=np.array(tuple(class_names)),
        iterations=np.array(network.iterations_trained, dtype=np.int64),
    )
    write_plain_npz(path, arrays, ModelFileError)


class _Damaged(Exception):
    """An entry of the wrong type or shape; named in the message."""


def _text(data: dict[str, np.ndarray], key: str, default: str) -> str:
    arr = data.get(key)
    if arr is None:
        return default
    if arr.dtype.kind != "U" or arr.ndim != 0:
        raise _Damaged(key)
    return check_name(str(arr[()]), key)


def _whole(data: dict[str, np.ndarray], key: str, default: int) -> int:
    arr = data.get(key)
    if arr is None:
        return default
    if arr.dtype.kind not in "iu" or arr.ndim != 0:
        raise _Damaged(key)
    return int(arr[()])


def _whole_list(data: dict[str, np.ndarray], key: str) -> tuple[int, ...]:
    arr = data[key]
    if arr.dtype.kind not in "iu" or arr.ndim != 1 or arr.size == 0 or (arr < 1).any():
        raise _Damaged(key)
    return tuple(int(n) for n in arr)


def _names(data: dict[str, np.ndarray], key: str, default: tuple[str, ...]) -> tuple[str, ...]:
    arr = data.get(key)
    if arr is None:
        return default
    if arr.dtype.kind != "U" or arr.ndim != 1:
        raise _Damaged(key)
    return tuple(check_name(str(a), key) for a in arr)  # how many: said where they are used


def load_model(path: str | os.PathLike[str],
               progress: Progress | None = None) -> tuple[Network, ModelInfo]:
    path = Path(path)
    name = path.name
    try:
        data = read_plain_npz(path, UserMessage(QT_TRANSLATE_NOOP("core", "a model file (.npz)")),
                              progress=progress)
    except NpzError as e:
        raise ModelFileError(e.template, **e.values) from None
    if "dims" not in data:
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: not a BP Studio model (no 'dims' entry)"),
                             name=name)
    try:
        if _whole(data, "format_version", FORMAT_VERSION) > FORMAT_VERSION:
            raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: made by a newer BP Studio (format {v})"),
                                 name=name, v=int(data["format_version"]))
        dims = _whole_list(data, "dims")
        L = len(dims) - 1
        missing = [k for l in range(1, L + 1) for k in (f"W{l}", f"b{l}") if k not in data]
        if missing:
            raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: missing {keys}"), name=name,
                                 keys=", ".join(missing))
        weights = [data[f"W{l}"] for l in range(1, L + 1)]
        biases = [data[f"b{l}"] for l in range(1, L + 1)]
        for arr in weights + biases:
            if arr.dtype.kind != "f":
                raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: parameters must be floating-point, not {dtype}"),
                                     name=name, dtype=arr.dtype)
            if not np.isfinite(arr).all():
                raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: its parameters hold NaN or "
                                                       "infinite values; it cannot classify"), name=name)
        iterations = check_count(_whole(data, "iterations", 0), "iterations")
        network = Network(
            dims, _names(data, "activations", default_activations(dims)), weights, biases,
            loss=_text(data, "loss", "bce"), init=_text(data, "initializer", "lecun"),
            seed=check_seed(_whole(data, "seed", 1)), iterations_trained=iterations,
            precision=_text(data, "precision", "float64"))
        input_shape = _whole_list(data, "input_shape") if "input_shape" in data else (dims[0],)
        if len(input_shape) not in (1, 3) or (len(input_shape) == 3 and input_shape[2] not in (1, 3)):
            raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: input shape {shape}; expected "
                                                   "(features,) or (height, width, 3)"),
                                 name=name, shape=input_shape)
        if math.prod(input_shape) != dims[0]:
            raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: input shape {shape} does not hold {n} inputs"),
                                 name=name, shape=input_shape, n=dims[0])
        class_names = _names(data, "class_names", ("0", "1"))
        if len(class_names) != 2 or not all(c.strip() for c in class_names):
            raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: needs two class names (for 0 "
                                                   "and 1), not {names}"),
                                 name=name, names=shown_names(class_names))
    except NetworkError as e:
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: {why}"), name=name, why=e) from None
    except _Damaged as e:
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: damaged metadata ({why})"), name=name,
                             why=e) from None
    return network, ModelInfo(input_shape, class_names)
