"""Data sets as the seed lays them out: X (n, m) with one column per sample, Y (1, m) of 0/1.

The files they are read from: h5data.py (the cat data's HDF5), csvdata.py; built-in sets here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, NamedTuple

import numpy as np

from .messages import QT_TRANSLATE_NOOP, UserMessage
from .plane import PlaneSpec, check_features, feature_rows
from .typealiases import JsonObject

BUILTIN_SOURCE = "built-in:"  # a built-in set's source: this and its name
# What a data set may need once loaded (counted as loaded: float64 columns); more is refused
# before anything is read.
MAX_DATASET_BYTES = 2 * 1024**3


class DatasetError(UserMessage):
    """A data set that cannot be used; str() is one line naming the file and the problem."""


class Picture(NamedTuple):
    """A picture made the current sample (a user's own, a test image): its input column x
    (n[0], 1) and its class y, None until someone says which it is."""

    name: str
    x: np.ndarray
    label: float | None


@dataclass(frozen=True)
class Dataset:
    name: str
    X_train: np.ndarray
    Y_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray
    classes: tuple[str, ...] = ("0", "1")
    input_shape: tuple[int, ...] = ()  # e.g. (64, 64, 3) for images; (n,) for plain features
    source: str = ""
    files: tuple[str, ...] = ()  # the files it was read from (to notice when they change)
    # a 2-D set: how it was made, and its points (2, m) that X's features are computed from
    plane: PlaneSpec | None = None
    # how to read it again (a session keeps this): {"kind": "csv" or "folder", "path", …}
    origin: JsonObject | None = field(default=None, compare=False)
    points_train: np.ndarray | None = field(default=None, compare=False, repr=False)
    points_test: np.ndarray | None = field(default=None, compare=False, repr=False)
    _cast: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict, compare=False,
                                                            repr=False)

    @property
    def builtin(self) -> str | None:
        """The name of the built-in set this is (a key of BUILTIN); None for data from files."""
        name = self.source.removeprefix(BUILTIN_SOURCE)
        return name if self.source.startswith(BUILTIN_SOURCE) and name in BUILTIN else None

    @property
    def n_features(self) -> int:
        return int(self.X_train.shape[0])

    @property
    def is_image(self) -> bool:
        return len(self.input_shape) == 3

    @property
    def has_samples(self) -> bool:
        """False for a model's inputs alone (model_inputs): it classifies, it cannot train."""
        return bool(self.X_train.shape[1] > 0)

    def inputs(self, dtype: str) -> tuple[np.ndarray, np.ndarray]:
        """(X_train, X_test) in ``dtype``, converted once and cached."""
        if dtype not in self._cast:
            self._cast[dtype] = (np.asfortranarray(self.X_train, dtype=dtype),
                                 np.asfortranarray(self.X_test, dtype=dtype))
        return self._cast[dtype]


def model_inputs(name: str, input_shape: tuple[int, ...], classes: tuple[str, ...]) -> Dataset:
    """No samples, only what a model file says it takes: a model opened on its own classifies
    pictures with its own class names; training waits for data."""
    empty, labels = np.zeros((math.prod(input_shape), 0), order="F"), np.zeros((1, 0))
    return Dataset(name, empty, labels, empty, labels, tuple(classes), tuple(input_shape),
                   source=f"model:{name}")


def images_to_columns(images: np.ndarray) -> np.ndarray:
    """(m, H, W, C) uint8 → (H·W·C, m) float64 in [0, 1]: the seed's ``reshape(m, -1).T / 255``.

    Like the seed's, the result is column-major: each sample's 12288 numbers lie side by side,
    the layout the engine's matrix products run fastest on.
    """
    m = images.shape[0]
    return np.asfortranarray(images.reshape(m, -1).T / 255.0)


# ----- built-in synthetic data sets: the app does something real on a fresh machine ------------------

def split_samples(name: str, X: np.ndarray, y: np.ndarray, rng: np.random.RandomState,
                  train_share: float, classes: tuple[str, ...] = ("0", "1"),
                  **fields: Any) -> Dataset:
    """Shuffle the samples (rows of X) and split them into train and test, columns as samples;
    at least one sample on each side. ``fields``: the Dataset's other fields (source, files…)."""
    order = rng.permutation(len(y))
    X, y = X[order], y[order]
    k = min(max(int(round(train_share * len(y))), 1), len(y) - 1)
    fields = {"input_shape": (X.shape[1],), "source": f"{BUILTIN_SOURCE}{name}", **fields}
    return Dataset(
        name=name,
        X_train=np.asfortranarray(X[:k].T), Y_train=y[:k].reshape(1, -1).astype(np.float64),
        X_test=np.asfortranarray(X[k:].T), Y_test=y[k:].reshape(1, -1).astype(np.float64),
        classes=classes, **fields,
    )


_Points = tuple[np.ndarray, np.ndarray]  # X (m, features) and y (m,): a sample a row


def _three_features(rng: np.random.RandomState, m: int, noise: float) -> _Points:
    X = rng.randn(m, 3)
    y = (X[:, 0] + 0.5 * X[:, 1] - X[:, 2] + noise * 2 * rng.randn(m) > 0).astype(float)
    return X, y


def _circle(rng: np.random.RandomState, m: int, noise: float) -> _Points:
    r = np.concatenate([rng.uniform(0, 2.0, m // 2), rng.uniform(3.0, 5.0, m - m // 2)])
    t = rng.uniform(0, 2 * np.pi, m)
    X = np.column_stack([r * np.cos(t), r * np.sin(t)]) + noise * 5 * rng.randn(m, 2)
    y = (np.arange(m) < m // 2).astype(float)  # 1 inside
    return X / 5, y


def _xor(rng: np.random.RandomState, m: int, noise: float) -> _Points:
    X = rng.uniform(-5, 5, (m, 2))
    X += np.sign(X) * 0.3  # keep points off the axes, as TensorFlow Playground does
    y = (X[:, 0] * X[:, 1] >= 0).astype(float)
    X += noise * 5 * rng.randn(m, 2)
    return X / 5, y


def _gaussians(rng: np.random.RandomState, m: int, noise: float) -> _Points:
    half = m // 2
    spread = 0.5 + 3 * noise
    X = np.vstack([rng.randn(half, 2) * spread + 2, rng.randn(m - half, 2) * spread - 2])
    y = np.concatenate([np.ones(half), np.zeros(m - half)])
    return X / 5, y


def _moons(rng: np.random.RandomState, m: int, noise: float) -> _Points:
    half = m // 2
    t_up, t_down = rng.uniform(0, np.pi, half), rng.uniform(0, np.pi, m - half)
    upper = np.column_stack([np.cos(t_up) - 0.5, np.sin(t_up) - 0.25])
    lower = np.column_stack([0.5 - np.cos(t_down), 0.25 - np.sin(t_down)])
    X = np.vstack([upper, lower]) * 2.5 + noise * 5 * rng.randn(m, 2)
    y = np.concatenate([np.ones(half), np.zeros(m - half)])
    return X / 5 * 1.6, y


def _spiral(rng: np.random.RandomState, m: int, noise: float) -> _Points:
    half = m // 2
    out = []
    for k, n in enumerate((half, m - half)):
        i = np.arange(n)
        r = i / n * 5
        t = 1.75 * i / n * 2 * np.pi + k * np.pi
        out.append(np.column_stack([r * np.sin(t), r * np.cos(t)]) + noise * 5 * rng.randn(n, 2))
    y = np.concatenate([np.ones(half), np.zeros(m - half)])
    return np.vstack(out) / 5, y


# name → (generator, title, samples); the name is the data set's in files, sessions, lessons and
# the command line, the title what the window calls it (session/messages.dataset_name)
BUILTIN: dict[str, tuple[Callable[[np.random.RandomState, int, float], _Points], str, int]] = {
    "three-features": (_three_features, QT_TRANSLATE_NOOP("core", "Three features (3–2–1 network)"),
                       300),
    "circle": (_circle, QT_TRANSLATE_NOOP("core", "Circle (2-D)"), 400),
    "xor": (_xor, QT_TRANSLATE_NOOP("core", "XOR (2-D)"), 400),
    "gaussians": (_gaussians, QT_TRANSLATE_NOOP("core", "Two Gaussians (2-D)"), 400),
    "spiral": (_spiral, QT_TRANSLATE_NOOP("core", "Spiral (2-D)"), 400),
    "moons": (_moons, QT_TRANSLATE_NOOP("core", "Two moons (2-D)"), 400),
}
PLANE_SETS = ("circle", "xor", "gaussians", "spiral", "moons")


def builtin_dataset(name: str, seed: int = 0, noise: float = 0.0, train_share: float = 0.5) -> Dataset:
    """A built-in synthetic set, the same for the same seed, noise and train share."""
    try:
        generate, _, m = BUILTIN[name]
    except KeyError:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "no built-in data set {name}; choose one of {known}"),
                           name=repr(name), known=", ".join(BUILTIN)) from None
    if name in PLANE_SETS:
        return plane_dataset(PlaneSpec(name, noise, train_share, seed))
    rng = np.random.RandomState(seed)
    X, y = generate(rng, m, noise)
    return split_samples(name, X, y, rng, train_share)


def plane_dataset(spec: PlaneSpec) -> Dataset:
    """A built-in 2-D set: its points drawn as ``spec`` says, X made of ``spec.features``."""
    if spec.source not in PLANE_SETS:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "no built-in 2-D data set {name}; choose one of {known}"),
                           name=repr(spec.source), known=", ".join(PLANE_SETS))
    generate, _, m = BUILTIN[spec.source]
    rng = np.random.RandomState(spec.seed)
    points, y = generate(rng, m, spec.noise)
    split = split_samples(spec.source, points, y, rng, spec.train_share)
    return with_points(split, spec, split.X_train, split.X_test)


def with_points(dataset: Dataset, spec: PlaneSpec, points_train: np.ndarray,
                points_test: np.ndarray) -> Dataset:
    """``dataset`` as a 2-D set: X recomputed from the points with ``spec.features``."""
    features = check_features(spec.features)
    return Dataset(
        name=dataset.name, X_train=feature_rows(points_train, features), Y_train=dataset.Y_train,
        X_test=feature_rows(points_test, features), Y_test=dataset.Y_test, classes=dataset.classes,
        input_shape=(len(features),), source=dataset.source, files=dataset.files,
        plane=replace(spec, features=features), points_train=points_train, points_test=points_test,
        origin=dataset.origin)


def with_features(dataset: Dataset, features: Iterable[str]) -> Dataset:
    """The same 2-D points with other input features (the input layer follows)."""
    if dataset.plane is None or dataset.points_train is None or dataset.points_test is None:
        # e.g. a CSV that gained a column since
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: not a 2-D data set any more ({n} "
                                             "feature columns)"),
                           name=dataset.name, n=dataset.n_features)
    return with_points(dataset, dataset.plane.with_features(features), dataset.points_train,
                       dataset.points_test)
