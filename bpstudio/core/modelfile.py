"""Model files: ``.npz`` with the seed's parameter dictionary (W1, b1, …, WL, bL) plus metadata.

Every entry is a plain array (numbers or fixed-width unicode), so any numpy can read the file and
loading uses ``allow_pickle=False``: a model file from someone else never runs code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .network import Network, NetworkError, default_activations
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .npzfile import NpzError, read_plain_npz, write_plain_npz

FORMAT_VERSION = 1


class ModelFileError(UserMessage):
    """A model file that cannot be read or written; str() is one line for the user."""


@dataclass(frozen=True)
class ModelInfo:
    input_shape: tuple[int, ...]
    class_names: tuple[str, ...]


def save_model(path: str | os.PathLike, network: Network, input_shape=(), class_names=("0", "1")) -> None:
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


def _text(arr: np.ndarray) -> str:
    return str(arr[()])


def load_model(path: str | os.PathLike) -> tuple[Network, ModelInfo]:
    path = Path(path)
    name = path.name
    try:
        data = read_plain_npz(path, UserMessage(QT_TRANSLATE_NOOP("core", "a model file (.npz)")))
    except NpzError as e:
        raise ModelFileError(e.template, **e.values) from None
    if not isinstance(data, dict) or "dims" not in data:
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: not a BP Studio model (no 'dims' entry)"),
                             name=name)
    try:
        dims = tuple(int(n) for n in data["dims"])
        L = len(dims) - 1
        missing = [k for l in range(1, L + 1) for k in (f"W{l}", f"b{l}") if k not in data]
        if missing:
            raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: missing {keys}"), name=name,
                                 keys=", ".join(missing))
        activations = tuple(str(a) for a in data["activations"]) if "activations" in data else None
        weights = [np.array(data[f"W{l}"]) for l in range(1, L + 1)]
        biases = [np.array(data[f"b{l}"]) for l in range(1, L + 1)]
        for arr in weights + biases:
            if arr.dtype.kind != "f":
                raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: parameters must be floating-point, not {dtype}"),
                                     name=name, dtype=arr.dtype)
        network = Network(
            dims,
            activations if activations is not None else default_activations(dims),
            weights,
            biases,
            loss=_text(data["loss"]) if "loss" in data else "bce",
            init=_text(data["initializer"]) if "initializer" in data else "lecun",
            seed=int(data["seed"]) if "seed" in data else 1,
            iterations_trained=int(data["iterations"]) if "iterations" in data else 0,
            precision=_text(data["precision"]) if "precision" in data else "float64",
        )
        input_shape = tuple(int(n) for n in data.get("input_shape", np.array([dims[0]])))
        if int(np.prod(input_shape)) != dims[0]:
            raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: input shape {shape} does not hold {n} inputs"),
                                 name=name, shape=input_shape, n=dims[0])
        class_names = tuple(str(c) for c in data.get("class_names", np.array(["0", "1"])))
    except NetworkError as e:
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: {why}"), name=name, why=e) from None
    except (TypeError, ValueError) as e:
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name}: damaged metadata ({why})"), name=name,
                             why=e) from None
    return network, ModelInfo(input_shape, class_names)
