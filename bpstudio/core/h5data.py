"""The cat / non-cat data (and any data set in its layout) from its two HDF5 files.

Each file holds ``{split}_set_x`` (m, height, width, 3) uint8 images or (m, features) numbers,
``{split}_set_y`` the m labels (0 or 1) and, in the training file, ``list_classes``. Only data
stored in the files themselves is read: a link to another file, a virtual data set made of other
files and external storage are refused (external storage read any local file as pixels). What
loading will need, counted as loaded (float64 columns are 8 bytes for each 1-byte pixel), is
checked against the limit before anything is read; the arrays are then read in pieces, with
progress.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple

import numpy as np

from .datasets import MAX_DATASET_BYTES, Dataset, DatasetError, images_to_columns
from .messages import QT_TRANSLATE_NOOP, shown_names
from .network import MAX_NAME_CHARS
from .readable import check_regular

if TYPE_CHECKING:
    import h5py  # imported where a file is read: it takes a while

# The seed's loader calls the files train.h5 / test.h5; the published copies carry the longer names.
CAT_FILE_PAIRS = (("train_catvnoncat.h5", "test_catvnoncat.h5"), ("train.h5", "test.h5"))
_PIECE = 1 << 22  # bytes read between progress reports (and chances to cancel)
MAX_CLASS_NAMES = 16
CAT_CLASSES = ("non-cat", "cat")  # the published files' list_classes, classes 0 and 1

Progress = Callable[[float, float], None]


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


@contextlib.contextmanager
def _opened(path: Path, split: str) -> Iterator[h5py.File]:
    import h5py

    if not path.exists():
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{path}: file not found (the {split} half of the data set)"),
                           path=path, split=split)
    check_regular(path, DatasetError)  # a FIFO would hang HDF5; "permission denied" says so
    try:
        f = h5py.File(path, "r")
    except OSError:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: not an HDF5 file, or a damaged one"),
                           name=path.name) from None
    with f:
        yield f


def _stored_path(f: h5py.File, path: str) -> bool:
    """Every component of ``path`` is an object of this file, not a link to elsewhere."""
    import h5py

    node = ""
    for part in path.strip("/").split("/"):
        node += "/" + part
        if not isinstance(f.get(node, getlink=True), h5py.HardLink):
            return False
    return True


def _dataset(f: h5py.File, key: str, name: str) -> h5py.Dataset | None:
    """The array ``key`` of the file, or None if there is none; refused when it is not stored in
    this file (a link elsewhere, a virtual data set, external storage)."""
    import h5py

    elsewhere = DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {key} is a link to another file, or "
                                               "one that leads nowhere; only data stored in this "
                                               "file is read"), name=name, key=key)
    try:
        link = f.get(key, getlink=True)
        if link is None:
            return None
        if isinstance(link, h5py.SoftLink) and not _stored_path(f, link.path):
            raise elsewhere
        if not isinstance(link, (h5py.HardLink, h5py.SoftLink)):
            raise elsewhere
        obj = f[key]
    except (KeyError, RuntimeError, ValueError):
        raise elsewhere from None
    if not isinstance(obj, h5py.Dataset):
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {key} must be an array"), name=name,
                           key=key)
    if obj.is_virtual or obj.external:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {key} keeps its numbers in other files; "
                                             "only data stored in this file is read"),
                           name=name, key=key)
    return obj


class _Split(NamedTuple):
    """A split's data sets in the file: the samples x and their labels y."""

    x: h5py.Dataset
    y: h5py.Dataset


def _split_arrays(f: h5py.File, name: str, split: str) -> _Split:
    """The split's data sets, their shapes and kinds checked; nothing read yet."""
    x_key, y_key = f"{split}_set_x", f"{split}_set_y"
    x, y = _dataset(f, x_key, name), _dataset(f, y_key, name)
    if x is None or y is None:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: missing {keys} (it has {has})"),
                           name=name, keys=" and ".join(k for k, d in ((x_key, x), (y_key, y))
                                                        if d is None),
                           has=", ".join(f.keys()) or "–")
    if (x.ndim not in (2, 4) or (x.ndim == 4 and x.shape[3] not in (1, 3))
            or 0 in x.shape[1:]):
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "{name}: {x} has shape {shape}; expected (m, height, width, "
                              "3) images or (m, features)"), name=name, x=x_key, shape=x.shape)
    if x.shape[0] == 0:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {x} holds no samples"), name=name,
                           x=x_key)
    y_shape = tuple(y.shape)
    if not (y.ndim == 1 or (y.ndim == 2 and 1 in y_shape)):
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {y} has shape {shape}; expected (m,) or (1, m)"),
                           name=name, y=y_key, shape=y_shape)
    if y.size != x.shape[0]:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {m} samples in {x} but {n} labels in {y}"),
                           name=name, m=x.shape[0], x=x_key, n=y.size, y=y_key)
    for key, d in ((x_key, x), (y_key, y)):
        if d.dtype.kind == "c":
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {key} holds complex numbers; "
                                                 "expected real ones"), name=name, key=key)
        if d.dtype.kind not in "uif":
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {x} and {y} must hold numbers"),
                               name=name, x=x_key, y=y_key)
    if x.ndim == 4 and x.dtype != np.uint8:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: images must be 8-bit (uint8), not {dtype}"),
                           name=name, dtype=x.dtype)
    return _Split(x, y)


def _classes(f: h5py.File, name: str) -> tuple[str, ...]:
    import h5py

    names = _dataset(f, "list_classes", name)
    if names is None:
        return CAT_CLASSES
    bad = DatasetError(QT_TRANSLATE_NOOP("core", "{name}: list_classes is not a list of names"),
                       name=name)
    if (names.ndim != 1 or names.size > MAX_CLASS_NAMES
            or not (names.dtype.kind in "SU" or h5py.check_string_dtype(names.dtype))):
        raise bad
    try:
        classes = tuple((c.decode() if isinstance(c, bytes) else str(c)).strip() for c in names[()])
    except (OSError, TypeError, UnicodeDecodeError, ValueError):
        raise bad from None
    long = next((c for c in classes if len(c) > MAX_NAME_CHARS), None)
    if long is not None:  # (900,000 characters crashed Qt drawing them)
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: a class name of {n} characters in "
                                             "list_classes; at most {max}"),
                           name=name, n=f"{len(long):,}", max=MAX_NAME_CHARS)
    if len(classes) != 2 or not all(classes):
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: list_classes must name the two classes "
                                             "(0 and 1), not {names}"), name=name, names=shown_names(classes))
    return classes


def _loaded_bytes(d: h5py.Dataset) -> int:
    """What reading ``d`` makes: its own numbers, then the float64 columns made of them."""
    return int(d.size) * (int(d.dtype.itemsize) + 8)


class _Reader:
    """Reads data sets in pieces of rows, reporting the bytes read so far."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress = float(total), 0.0, progress

    def read(self, d: h5py.Dataset, name: str) -> np.ndarray:
        out = np.empty(d.shape, d.dtype)
        rows = max(1, _PIECE // max(1, out[0].nbytes))
        try:
            for start in range(0, out.shape[0], rows):
                part = np.s_[start: start + rows]
                d.read_direct(out, part, part)
                self.done += out[part].nbytes
                if self.progress is not None:
                    self.progress(self.done, self.total)
        except OSError:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: the file is truncated or damaged"),
                               name=name) from None
        return out


def _check_values(x: np.ndarray, y: np.ndarray, name: str, x_key: str) -> None:
    if x.dtype.kind == "f":
        bad = ~np.isfinite(x).all(axis=tuple(range(1, x.ndim)))
        if bad.any():
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {x} holds NaN or infinite values "
                                                 "(sample {k} and {n} in all)"),
                               name=name, x=x_key, k=int(np.argmax(bad)) + 1, n=int(bad.sum()))
    labels = np.unique(y)
    bad_labels = labels[(labels != 0) & (labels != 1)]
    if bad_labels.size:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: labels must be 0 or 1, found {bad}"),
                           name=name, bad=", ".join(str(v) for v in bad_labels[:5].tolist()))


def load_catvnoncat(path: str | os.PathLike[str], max_bytes: int = MAX_DATASET_BYTES,
                    progress: Progress | None = None) -> Dataset:
    """The cat / non-cat data from a folder or from either of its two .h5 files."""
    train_path, test_path = _resolve_cat_files(Path(path))
    with _opened(train_path, "train") as ftrain, _opened(test_path, "test") as ftest:
        train = _split_arrays(ftrain, train_path.name, "train")
        test = _split_arrays(ftest, test_path.name, "test")
        if train.x.shape[1:] != test.x.shape[1:]:
            raise DatasetError(
                QT_TRANSLATE_NOOP("core", "{name}: test samples are {test}, train samples {train}; they must match"),
                name=test_path.name, test=test.x.shape[1:], train=train.x.shape[1:])
        need = sum(_loaded_bytes(d) for d in train + test)
        if need > max_bytes:
            raise DatasetError(
                QT_TRANSLATE_NOOP("core", "{name}: the data set would need {gb} GB once loaded, over "
                                  "the {limit} GB limit"),
                name=train_path.name, gb=f"{need / 1e9:.1f}", limit=f"{max_bytes / 1e9:.1f}")
        classes = _classes(ftrain, train_path.name)
        reader = _Reader(sum(d.nbytes for d in train + test), progress)
        x_train, y_train = (reader.read(d, train_path.name) for d in train)
        x_test, y_test = (reader.read(d, test_path.name) for d in test)
    _check_values(x_train, y_train, train_path.name, "train_set_x")
    _check_values(x_test, y_test, test_path.name, "test_set_x")
    if x_train.ndim == 4:
        X_train, X_test = images_to_columns(x_train), images_to_columns(x_test)
    else:
        X_train = np.asfortranarray(x_train.T, dtype=np.float64)
        X_test = np.asfortranarray(x_test.T, dtype=np.float64)
    return Dataset(
        name=train_path.parent.name or "cat",
        X_train=X_train,
        Y_train=y_train.reshape(1, -1).astype(np.float64),
        X_test=X_test,
        Y_test=y_test.reshape(1, -1).astype(np.float64),
        classes=classes,
        input_shape=tuple(x_train.shape[1:]),
        source=str(train_path.parent.resolve()),
        files=(str(train_path.resolve()), str(test_path.resolve())),
    )
