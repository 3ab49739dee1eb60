"""Data sets as the seed lays them out: X (n, m) with one column per sample, Y (1, m) of 0/1."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from .messages import QT_TRANSLATE_NOOP, UserMessage
from .plane import PlaneSpec, check_features, feature_rows

# The seed's loader calls the files train.h5 / test.h5; the published copies carry the longer names.
CAT_FILE_PAIRS = (("train_catvnoncat.h5", "test_catvnoncat.h5"), ("train.h5", "test.h5"))
# Declared array sizes above this are refused before anything is read.
MAX_DATASET_BYTES = 2 * 1024**3


class DatasetError(UserMessage):
    """A data set that cannot be used; str() is one line naming the file and the problem."""


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
    origin: dict | None = field(default=None, compare=False)
    points_train: np.ndarray | None = field(default=None, compare=False, repr=False)
    points_test: np.ndarray | None = field(default=None, compare=False, repr=False)
    _cast: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def n_features(self) -> int:
        return self.X_train.shape[0]

    @property
    def is_image(self) -> bool:
        return len(self.input_shape) == 3

    def inputs(self, dtype: str) -> tuple[np.ndarray, np.ndarray]:
        """(X_train, X_test) in ``dtype``, converted once and cached."""
        if dtype not in self._cast:
            self._cast[dtype] = (np.asfortranarray(self.X_train, dtype=dtype),
                                 np.asfortranarray(self.X_test, dtype=dtype))
        return self._cast[dtype]


def images_to_columns(images: np.ndarray) -> np.ndarray:
    """(m, H, W, C) uint8 → (H·W·C, m) float64 in [0, 1]: the seed's ``reshape(m, -1).T / 255``.

    Like the seed's, the result is column-major: each sample's 12288 numbers lie side by side,
    the layout the engine's matrix products run fastest on.
    """
    m = images.shape[0]
    return np.asfortranarray(images.reshape(m, -1).T / 255.0)


def _resolve_cat_files(path: Path) -> tuple[Path, Path]:
    if path.is_dir():
        for train, test in CAT_FILE_PAIRS:
            if (path / train).exists() or (path / test).exists():
                return path / train, path / test
        names = " / ".join(f"{a} + {b}" for a, b in CAT_FILE_PAIRS)
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{path}: no cat data set here (looked for {names})"),
                           path=path, names=names)
    for train, test in CAT_FILE_PAIRS:
        if path.name == train:
            return path, path.with_name(test)
        if path.name == test:
            return path.with_name(train), path
    if not path.exists():
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{path}: no such file or folder"), path=path)
    raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: not a cat data set file (expected one of {names})"),
                       name=path.name, names=", ".join(n for pair in CAT_FILE_PAIRS for n in pair))


def _read_split(path: Path, split: str, max_bytes: int) -> tuple[np.ndarray, np.ndarray, tuple]:
    import h5py

    if not path.exists():
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{path}: file not found (the {split} half of the data set)"),
                           path=path, split=split)
    try:
        f = h5py.File(path, "r")
    except OSError:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: not an HDF5 file, or a damaged one"),
                           name=path.name) from None
    with f:
        x_key, y_key = f"{split}_set_x", f"{split}_set_y"
        missing = [k for k in (x_key, y_key) if k not in f]
        if missing:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: missing {keys} (it has {has})"),
                               name=path.name, keys=" and ".join(missing),
                               has=", ".join(f.keys()) or "–")
        x, y = f[x_key], f[y_key]
        if not isinstance(x, h5py.Dataset) or not isinstance(y, h5py.Dataset):
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {x} and {y} must be arrays"),
                               name=path.name, x=x_key, y=y_key)
        if x.ndim not in (2, 4) or (x.ndim == 4 and x.shape[3] not in (1, 3)):
            raise DatasetError(
                QT_TRANSLATE_NOOP("core", "{name}: {x} has shape {shape}; expected (m, height, width, "
                                  "3) images or (m, features)"), name=path.name, x=x_key, shape=x.shape)
        if x.size * max(x.dtype.itemsize, 1) > max_bytes:
            raise DatasetError(
                QT_TRANSLATE_NOOP("core", "{name}: {x} would need {gb} GB, over the {limit} GB limit"),
                name=path.name, x=x_key, gb=f"{x.size * x.dtype.itemsize / 1e9:.1f}",
                limit=f"{max_bytes / 1e9:.1f}")
        y_shape = tuple(y.shape)
        if not (y.ndim == 1 or (y.ndim == 2 and 1 in y_shape)):
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {y} has shape {shape}; expected (m,) or (1, m)"),
                               name=path.name, y=y_key, shape=y_shape)
        if y.size != x.shape[0]:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {m} samples in {x} but {n} labels in {y}"),
                               name=path.name, m=x.shape[0], x=x_key, n=y.size, y=y_key)
        if not np.issubdtype(x.dtype, np.number) or not np.issubdtype(y.dtype, np.number):
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {x} and {y} must hold numbers"),
                               name=path.name, x=x_key, y=y_key)
        try:
            x_arr, y_arr = x[()], np.asarray(y[()]).reshape(-1)
        except OSError:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: the file is truncated or damaged"),
                               name=path.name) from None
        classes = ("non-cat", "cat")
        if "list_classes" in f:
            try:
                classes = tuple(
                    c.decode() if isinstance(c, bytes) else str(c) for c in f["list_classes"][()]
                )
            except (OSError, TypeError, UnicodeDecodeError, ValueError):
                raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: list_classes is not a list of names"),
                                   name=path.name) from None
    bad = np.setdiff1d(np.unique(y_arr), [0, 1])
    if bad.size:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: labels must be 0 or 1, found {bad}"),
                           name=path.name, bad=", ".join(str(v) for v in bad[:5].tolist()))
    return x_arr, y_arr, classes


def load_catvnoncat(path: str | os.PathLike, max_bytes: int = MAX_DATASET_BYTES) -> Dataset:
    """The cat / non-cat data from a folder or from either of its two .h5 files."""
    train_path, test_path = _resolve_cat_files(Path(path))
    x_train, y_train, classes = _read_split(train_path, "train", max_bytes)
    x_test, y_test, _ = _read_split(test_path, "test", max_bytes)
    if x_train.shape[1:] != x_test.shape[1:]:
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "{name}: test samples are {test}, train samples {train}; they must match"),
            name=test_path.name, test=x_test.shape[1:], train=x_train.shape[1:])
    if x_train.ndim == 4:
        if x_train.dtype != np.uint8:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: images must be 8-bit (uint8), not {dtype}"),
                               name=train_path.name, dtype=x_train.dtype)
        X_train, X_test = images_to_columns(x_train), images_to_columns(x_test)
        input_shape = tuple(x_train.shape[1:])
    else:
        X_train = np.asfortranarray(x_train.T, dtype=np.float64)
        X_test = np.asfortranarray(x_test.T, dtype=np.float64)
        input_shape = (x_train.shape[1],)
    return Dataset(
        name=train_path.parent.name or "cat",
        X_train=X_train,
        Y_train=y_train.reshape(1, -1).astype(np.float64),
        X_test=X_test,
        Y_test=y_test.reshape(1, -1).astype(np.float64),
        classes=classes if len(classes) == 2 else ("0", "1"),
        input_shape=input_shape,
        source=str(train_path.parent.resolve()),
        files=(str(train_path.resolve()), str(test_path.resolve())),
    )


# ----- built-in synthetic data sets: the app does something real on a fresh machine ------------------

def split_samples(name: str, X: np.ndarray, y: np.ndarray, rng: np.random.RandomState,
                  train_share: float, classes=("0", "1"), **fields) -> Dataset:
    """Shuffle the samples (rows of X) and split them into train and test, columns as samples;
    at least one sample on each side. ``fields``: the Dataset's other fields (source, files…)."""
    order = rng.permutation(len(y))
    X, y = X[order], y[order]
    k = min(max(int(round(train_share * len(y))), 1), len(y) - 1)
    fields = {"input_shape": (X.shape[1],), "source": f"built-in:{name}", **fields}
    return Dataset(
        name=name,
        X_train=np.asfortranarray(X[:k].T), Y_train=y[:k].reshape(1, -1).astype(np.float64),
        X_test=np.asfortranarray(X[k:].T), Y_test=y[k:].reshape(1, -1).astype(np.float64),
        classes=classes, **fields,
    )


def _three_features(rng, m, noise):
    X = rng.randn(m, 3)
    y = (X[:, 0] + 0.5 * X[:, 1] - X[:, 2] + noise * 2 * rng.randn(m) > 0).astype(float)
    return X, y


def _circle(rng, m, noise):
    r = np.concatenate([rng.uniform(0, 2.0, m // 2), rng.uniform(3.0, 5.0, m - m // 2)])
    t = rng.uniform(0, 2 * np.pi, m)
    X = np.column_stack([r * np.cos(t), r * np.sin(t)]) + noise * 5 * rng.randn(m, 2)
    y = (np.arange(m) < m // 2).astype(float)  # 1 inside
    return X / 5, y


def _xor(rng, m, noise):
    X = rng.uniform(-5, 5, (m, 2))
    X += np.sign(X) * 0.3  # keep points off the axes, as TensorFlow Playground does
    y = (X[:, 0] * X[:, 1] >= 0).astype(float)
    X += noise * 5 * rng.randn(m, 2)
    return X / 5, y


def _gaussians(rng, m, noise):
    half = m // 2
    spread = 0.5 + 3 * noise
    X = np.vstack([rng.randn(half, 2) * spread + 2, rng.randn(m - half, 2) * spread - 2])
    y = np.concatenate([np.ones(half), np.zeros(m - half)])
    return X / 5, y


def _moons(rng, m, noise):
    half = m // 2
    t_up, t_down = rng.uniform(0, np.pi, half), rng.uniform(0, np.pi, m - half)
    upper = np.column_stack([np.cos(t_up) - 0.5, np.sin(t_up) - 0.25])
    lower = np.column_stack([0.5 - np.cos(t_down), 0.25 - np.sin(t_down)])
    X = np.vstack([upper, lower]) * 2.5 + noise * 5 * rng.randn(m, 2)
    y = np.concatenate([np.ones(half), np.zeros(m - half)])
    return X / 5 * 1.6, y


def _spiral(rng, m, noise):
    half = m // 2
    out = []
    for k, n in enumerate((half, m - half)):
        i = np.arange(n)
        r = i / n * 5
        t = 1.75 * i / n * 2 * np.pi + k * np.pi
        out.append(np.column_stack([r * np.sin(t), r * np.cos(t)]) + noise * 5 * rng.randn(n, 2))
    y = np.concatenate([np.ones(half), np.zeros(m - half)])
    return np.vstack(out) / 5, y


# name → (generator, title, samples)
BUILTIN = {
    "three-features": (_three_features, "Three features (3–2–1 network)", 300),
    "circle": (_circle, "Circle (2-D)", 400),
    "xor": (_xor, "XOR (2-D)", 400),
    "gaussians": (_gaussians, "Two Gaussians (2-D)", 400),
    "spiral": (_spiral, "Spiral (2-D)", 400),
    "moons": (_moons, "Two moons (2-D)", 400),
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


def with_features(dataset: Dataset, features) -> Dataset:
    """The same 2-D points with other input features (the input layer follows)."""
    if dataset.plane is None:  # e.g. a CSV that gained a column since
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: not a 2-D data set any more ({n} "
                                             "feature columns)"),
                           name=dataset.name, n=dataset.n_features)
    return with_points(dataset, dataset.plane.with_features(features), dataset.points_train,
                       dataset.points_test)
