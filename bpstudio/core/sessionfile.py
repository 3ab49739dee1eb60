"""Session files (``.bpstudio``): the whole session in one file, no pickle.

The file is an .npz archive: one entry ``session.json`` (a unicode string: architecture,
hyper-parameters, data set reference, stepper position, …) and plain numeric arrays (parameters,
cost history, ‖dW[l]‖, evaluations). Loading never unpickles; saving is atomic.

``read_session`` checks every entry's JSON type, range and array shape before it returns, so
opening a session is all or nothing: a damaged file is refused before anything on screen changes.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, TypeGuard

import numpy as np

from .comparisons import SavedComparison
from .datasets import Picture
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .network import (MAX_COUNT, MAX_RECORD_ROWS, MAX_TEXT_CHARS, MAX_TWINS, Network, NetworkError,
                      check_count, check_editable, check_name, check_seed)
from .npzfile import NpzError, Progress, read_plain_npz, write_plain_npz
from .plane import PlaneError, PlaneSpec, check_features
from .readable import open_regular
from .timeline import StartingPoint
from .trainer import Evaluation, HyperParameters
from .typealiases import JsonObject

FORMAT = "bpstudio-session"
VERSION = 1
SUFFIX = ".bpstudio"
MODES = ("sample", "batch")
DATA_KINDS = ("builtin", "file", "made", "model")
MAX_JSON_CHARS = 1_000_000  # the description of a session is a few hundred characters


class SessionFileError(UserMessage):
    """A session file that cannot be read or written; str() is one line for the user."""


@dataclass(frozen=True)
class Session:
    """A session file's contents, every value checked."""

    meta: JsonObject  # the description as saved ("saved", "autosave_of" are read from it)
    network: Network
    hyper: HyperParameters  # checked but for the batch size, which needs the data set's size
    costs: np.ndarray  # (n,)
    grad_norms: np.ndarray  # (n, L)
    evaluations: tuple[Evaluation, ...]
    # kind "builtin" (name), "file" (path, sha256), "made" (origin, plane, sha256) or "model"
    # (name, input_shape, classes: a model opened without data)
    data: JsonObject
    plane: PlaneSpec | None
    mode: str
    sample: int
    position: int
    one_sample: np.ndarray  # (n,): 1 where an iteration was one stepped sample, applied by hand
    picture: Picture | None  # the stepper's picture
    runs: tuple["SavedRun", ...] = ()  # twin runs (issue 18), each with its record
    comparison: SavedComparison | None = None  # the ready-made comparison the runs are
    timeline: tuple["SavedPiece", ...] = ()  # the time cursor's runs, earliest first
    gallery: tuple["SavedPicture", ...] = ()  # the classified pictures, in their order
    gallery_mode: str = "crop"  # how they were made the network's input: "crop" or "squash"


@dataclass(frozen=True)
class SavedRun:
    """A twin run as saved: meta["runs"][k] and the arrays named ``run{k}_…``."""

    name: str
    colour: str
    network: Network
    hyper: HyperParameters
    costs: np.ndarray
    grad_norms: np.ndarray
    evaluations: tuple[Evaluation, ...]
    timeline: tuple["SavedPiece", ...] = ()
    # the iteration it ends at (a fork from a past iteration: where the window's run was to end);
    # None in files from before it was saved: its record's first iteration + hyper.iterations
    end: int | None = None


@dataclass(frozen=True)
class SavedPiece:
    """One run of a record's time-cursor chain, as saved: where it started (its parameters,
    settings, iteration and mini-batch order), the last row it made that the record holds, its
    keyframe interval and the BLAS threads it ran on: enough to recompute its iterations bit for
    bit (core/timeline.py's ``recompute``), instead of its hundreds of MB of keyframes."""

    start: StartingPoint
    last: int
    every: int
    blas_threads: int


@dataclass(frozen=True)
class SavedPicture:
    """A classified picture of the gallery: its name, its file ("" for a pasted one), the input
    the network saw ((H, W, channels) uint8) and its thumbnail ((h, w, 3) uint8 RGB)."""

    name: str
    source: str
    pixels: np.ndarray
    thumbnail: np.ndarray


def file_digest(paths: list[str | os.PathLike[str]]) -> str:
    """sha256 over the files' bytes, to notice when a referenced data set changed."""
    h = hashlib.sha256()
    for p in paths:
        with open_regular(p, SessionFileError) as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()


def save_session(path: str | os.PathLike[str], meta: JsonObject,
                 arrays: dict[str, np.ndarray]) -> None:
    """Write ``meta`` (JSON-able) and ``arrays`` (numeric) atomically."""
    meta = {"format": FORMAT, "version": VERSION, **meta}
    entries = {k: np.asarray(v) for k, v in arrays.items()}
    for k, v in entries.items():
        if v.dtype.kind not in "biuf":
            raise SessionFileError(QT_TRANSLATE_NOOP("core", "array {k} is {dtype}, not numbers"), k=k,
                                   dtype=v.dtype)
    entries["session.json"] = np.array(json.dumps(meta, ensure_ascii=False))
    write_plain_npz(path, entries, SessionFileError)


def _archive(path: str | os.PathLike[str], only: set[str] | None = None,
             progress: Progress | None = None) -> dict[str, np.ndarray]:
    try:
        return read_plain_npz(path, UserMessage(QT_TRANSLATE_NOOP("core", "a session file")), only,
                              progress=progress)
    except NpzError as e:
        raise SessionFileError(e.template, **e.values) from None


def read_description(path: str | os.PathLike[str],
                     arrays: dict[str, np.ndarray] | None = None) -> JsonObject:
    """The session's JSON description, its format and version checked (only that entry is read:
    the start-up's look at an autosave reads no parameters)."""
    name = Path(path).name
    data = arrays if arrays is not None else _archive(path, {"session.json"})
    text = data.get("session.json")
    if text is None:
        raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: not a BP Studio session (no session.json)"),
                               name=name)
    damaged = SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: damaged session description"),
                               name=name)
    if text.dtype.kind != "U" or text.ndim != 0 or len(str(text[()])) > MAX_JSON_CHARS:
        raise damaged
    try:
        meta = json.loads(str(text[()]))
    except (ValueError, RecursionError):  # RecursionError: absurdly nested lists
        raise damaged from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: not a BP Studio session"), name=name)
    description: JsonObject = meta
    version = meta.get("version")
    if not _whole(version) or version < 1:
        raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: damaged session ({why})"),
                               name=name, why="version")
    if version > VERSION:
        raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: made by a newer BP Studio (format {v})"),
                               name=name, v=version)
    return description


def load_session(path: str | os.PathLike[str]) -> tuple[JsonObject, dict[str, np.ndarray]]:
    """The description and the arrays, as saved (tests and tools; the app uses read_session)."""
    arrays = _archive(path)
    meta = read_description(path, arrays)
    del arrays["session.json"]
    return meta, arrays


def read_session(path: str | os.PathLike[str], progress: Progress | None = None) -> Session:
    """Everything a session file holds, checked; SessionFileError naming the first problem."""
    name = Path(path).name
    meta = read_description(path)  # that entry alone: what it says is checked before the arrays
    try:
        _check_description(meta)
        arrays = _archive(path, progress=progress)  # (130 twins' arrays were read, then refused)
        arrays.pop("session.json", None)
        return _session(meta, arrays)
    except _Damaged as e:
        raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: damaged session ({why})"),
                               name=name, why=e) from None
    except (NetworkError, PlaneError) as e:
        raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: {why}"), name=name, why=e) from None


class _Damaged(Exception):
    """The entry (a key path such as stepper.position) that is missing or of the wrong kind."""


def _whole(v: object) -> TypeGuard[int]:
    return isinstance(v, int) and not isinstance(v, bool)


def _real(v: object) -> TypeGuard[int | float]:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _get(d: object, key: str, where: str, test: Callable[[Any], object],
         optional: bool = False) -> Any:
    """d[key], a JSON value that passes ``test`` (None if it is ``optional`` and absent);
    _Damaged naming ``where`` otherwise."""
    if not isinstance(d, dict) or (key not in d and not optional):
        raise _Damaged(where.split(".")[0] if not isinstance(d, dict) else where)
    value = d.get(key)
    if optional and value is None:
        return None
    if not test(value):
        raise _Damaged(where)
    return value


def _texts(v: object) -> TypeGuard[list[str]]:
    return isinstance(v, list) and all(isinstance(s, str) for s in v)


def _share(v: object) -> bool:
    return _real(v) and 0 < v < 1


def _array(arrays: dict[str, np.ndarray], key: str, ndim: int) -> np.ndarray:
    arr = arrays.get(key)
    if arr is None or arr.dtype.kind not in "iuf" or arr.ndim != ndim:
        raise _Damaged(key)
    return arr.astype(np.float64, copy=False)


def run_entries(network: Network, hyper: HyperParameters, costs: np.ndarray,
                grad_norms: np.ndarray, evaluations: Iterable[Evaluation],
                prefix: str = "") -> tuple[JsonObject, dict[str, np.ndarray]]:
    """A run's description ({"network", "hyper"}) and arrays, as ``_run`` reads them back."""
    arrays: dict[str, np.ndarray] = {}
    for l, (W, b) in enumerate(zip(network.weights, network.biases), start=1):
        arrays[f"{prefix}W{l}"], arrays[f"{prefix}b{l}"] = np.asarray(W), np.asarray(b)
    arrays[f"{prefix}costs"] = np.asarray(costs)
    arrays[f"{prefix}grad_norms"] = np.asarray(grad_norms)
    arrays[f"{prefix}evaluations"] = np.array(
        [[e.iteration, e.train_accuracy, e.test_cost, e.test_accuracy] for e in evaluations],
        dtype=np.float64).reshape(-1, 4)
    net = network
    meta = {"network": {"dims": list(net.dims), "activations": list(net.activations),
                        "loss": net.loss, "init": net.init, "seed": net.seed,
                        "precision": net.precision, "iterations_trained": net.iterations_trained},
            "hyper": {"learning_rate": hyper.learning_rate, "iterations": hyper.iterations,
                      "batch_size": hyper.batch_size, "l2": hyper.l2,
                      "shuffle_seed": hyper.shuffle_seed}}
    return meta, arrays


# a run as read: (network, hyper, costs, grad_norms, evaluations)
_Run = tuple[Network, HyperParameters, np.ndarray, np.ndarray, tuple[Evaluation, ...]]


def _check_description(meta: JsonObject) -> None:
    """What the description alone says against the editor's limits: every text and count, the
    number of twins, each network's layers and each twin's name; NetworkError or _Damaged."""
    _check_limits(meta)
    _dims(meta, "")
    runs = _get(meta, "runs", "runs", lambda v: isinstance(v, list), optional=True) or []
    if len(runs) > MAX_TWINS:
        raise NetworkError(QT_TRANSLATE_NOOP("core", "{n} twin runs; at most {max}"),
                           n=f"{len(runs):,}", max=MAX_TWINS)
    for k, r in enumerate(runs):
        try:
            _dims(r, f"runs.{k}.")
            check_name(_get(r, "name", f"runs.{k}.name", lambda v: isinstance(v, str)),
                       f"runs.{k}.name")
        except NetworkError as e:
            raise NetworkError(QT_TRANSLATE_NOOP("core", "twin run {k}: {why}"), k=k + 1,
                               why=e) from None


def _dims(meta: JsonObject, where: str) -> tuple[int, ...]:
    """A run's layer sizes, within the editor's."""
    n = _get(meta, "network", f"{where}network", lambda v: isinstance(v, dict))
    dims = _get(n, "dims", f"{where}network.dims", lambda v: isinstance(v, list)
                           and len(v) >= 2 and all(_whole(k) and k >= 1 for k in v))
    check_editable(dims)
    return tuple(dims)


def _run(meta: JsonObject, arrays: dict[str, np.ndarray], prefix: str = "",
         where: str = "") -> _Run:
    """(network, hyper, costs, grad_norms, evaluations) of a run: the window's (no prefix) or a
    twin's (``run{k}_`` before its arrays' names, ``runs.{k}.`` before its entries')."""
    dims = _dims(meta, where)
    n = meta["network"]
    L = len(dims) - 1
    for l in range(1, L + 1):
        for key in (f"{prefix}W{l}", f"{prefix}b{l}"):
            if arrays.get(key) is None or arrays[key].dtype.kind != "f":
                raise _Damaged(key)
    network = Network(
        dims, _get(n, "activations", f"{where}network.activations", _texts),
        [arrays[f"{prefix}W{l}"] for l in range(1, L + 1)],
        [arrays[f"{prefix}b{l}"] for l in range(1, L + 1)],
        loss=_get(n, "loss", f"{where}network.loss", lambda v: isinstance(v, str)),
        init=_get(n, "init", f"{where}network.init", lambda v: isinstance(v, str)),
        seed=check_seed(_get(n, "seed", f"{where}network.seed", _whole)),
        iterations_trained=_get(n, "iterations_trained", f"{where}network.iterations_trained",
                                lambda v: _whole(v) and v >= 0),
        precision=_get(n, "precision", f"{where}network.precision", lambda v: isinstance(v, str)))
    h = _get(meta, "hyper", f"{where}hyper", lambda v: isinstance(v, dict))
    hyper = HyperParameters(
        learning_rate=_get(h, "learning_rate", f"{where}hyper.learning_rate", _real),
        iterations=_get(h, "iterations", f"{where}hyper.iterations", _whole),
        batch_size=_get(h, "batch_size", f"{where}hyper.batch_size", _whole, optional=True),
        l2=_get(h, "l2", f"{where}hyper.l2", _real),
        shuffle_seed=_get(h, "shuffle_seed", f"{where}hyper.shuffle_seed", _whole))
    hyper.validate(max(hyper.batch_size or 1, 1))  # the batch size against m: once the data is read
    costs = _array(arrays, f"{prefix}costs", 1)
    if len(costs) > MAX_RECORD_ROWS:
        raise NetworkError(QT_TRANSLATE_NOOP("core", "a record of {n} iterations; at most {max}"),
                           n=f"{len(costs):,}", max=f"{MAX_RECORD_ROWS:,}")
    grad_norms = _array(arrays, f"{prefix}grad_norms", 2)
    if grad_norms.shape != (len(costs), L) and not (grad_norms.size == 0 and len(costs) == 0):
        raise _Damaged(f"{prefix}grad_norms")
    evaluations = _array(arrays, f"{prefix}evaluations", 2)
    if evaluations.shape[1:] != (4,) or len(evaluations) > MAX_RECORD_ROWS \
            or not np.isfinite(evaluations[:, 0]).all() or (evaluations[:, 0] < 0).any() \
            or (evaluations[:, 0] > MAX_COUNT).any() or (evaluations[:, 0] % 1).any():
        raise _Damaged(f"{prefix}evaluations")
    return (network, hyper, costs, grad_norms.reshape(-1, L),
            tuple(Evaluation(int(r[0]), *map(float, r[1:])) for r in evaluations))


def _runs(meta: JsonObject, arrays: dict[str, np.ndarray], inputs: int) -> tuple[SavedRun, ...]:
    runs = meta.get("runs") or []  # a list of at most MAX_TWINS: _check_description
    saved = []
    for k, r in enumerate(runs):
        where = f"runs.{k}."
        try:
            network, hyper, costs, grad_norms, evaluations = _run(r, arrays, f"run{k}_", where)
            name = check_name(_get(r, "name", f"{where}name", lambda v: isinstance(v, str)),
                              f"{where}name")
        except NetworkError as e:
            raise NetworkError(QT_TRANSLATE_NOOP("core", "twin run {k}: {why}"), k=k + 1,
                               why=e) from None
        if network.dims[0] != inputs:
            raise _Damaged(f"{where}network.dims")
        # a colour is any text: one that is not one of ours takes the next run colour (runs.py)
        saved.append(SavedRun(name, _get(r, "colour", f"{where}colour",
                                         lambda v: isinstance(v, str)),
                              network, hyper, costs, grad_norms, evaluations,
                              _timeline(r, arrays, network, len(costs), f"run{k}_", where),
                              _get(r, "end", f"{where}end", lambda v: _whole(v) and v >= 0,
                                   optional=True)))
    return tuple(saved)


def _check_limits(meta: JsonObject) -> None:
    """Every text and whole number of the description within what the editor makes (a path at
    most MAX_TEXT_CHARS, a count at most MAX_COUNT), before any of it is used; NetworkError
    naming the entry. Iterative: the description may be nested as deep as JSON allows."""
    stack: list[tuple[str, object]] = [("", meta)]
    while stack:
        where, v = stack.pop()
        if isinstance(v, dict):
            stack.extend((f"{where}.{k}" if where else str(k), x) for k, x in v.items())
            if any(len(k) > MAX_TEXT_CHARS for k in v):
                raise NetworkError(QT_TRANSLATE_NOOP("core", "{what}: an entry's name is too long"),
                                   what=where or "session.json")
        elif isinstance(v, list):
            stack.extend((f"{where}.{k}", x) for k, x in enumerate(v))
        elif isinstance(v, str) and len(v) > MAX_TEXT_CHARS:
            check_name(v, where, MAX_TEXT_CHARS)
        elif _whole(v) and abs(v) > MAX_COUNT:
            check_count(v, where)


def _session(meta: JsonObject, arrays: dict[str, np.ndarray]) -> Session:
    _check_limits(meta)
    network, hyper, costs, grad_norms, evaluations = _run(meta, arrays)
    dims = network.dims
    one_sample = _array(arrays, "single_sample_steps", 1) if "single_sample_steps" in arrays \
        else np.zeros(len(costs))  # (sessions saved before steps could be applied by hand)
    if one_sample.shape != costs.shape or not np.isin(one_sample, (0.0, 1.0)).all():
        raise _Damaged("single_sample_steps")
    st = _get(meta, "stepper", "stepper", lambda v: isinstance(v, dict))
    data = _data(meta)
    return Session(
        meta=meta, network=network, hyper=hyper, costs=costs, grad_norms=grad_norms,
        evaluations=evaluations, data=data, plane=_plane(data.get("plane")),
        mode=_get(st, "mode", "stepper.mode", lambda v: v in MODES),
        sample=_get(st, "sample", "stepper.sample", lambda v: _whole(v) and v >= 0),
        position=_get(st, "position", "stepper.position", lambda v: _whole(v) and v >= 0),
        one_sample=one_sample, picture=_picture(st, arrays, dims[0]), runs=_runs(meta, arrays, dims[0]),
        comparison=_comparison(meta), timeline=_timeline(meta, arrays, network, len(costs)),
        gallery=_gallery(meta, arrays), gallery_mode=_get(meta.get("gallery") or {"mode": "crop"},
                                                          "mode", "gallery.mode",
                                                          lambda v: v in ("crop", "squash")))


def _comparison(meta: JsonObject) -> SavedComparison | None:
    if meta.get("comparison") is None:
        return None
    try:
        return SavedComparison.from_json(meta["comparison"])
    except ValueError as e:
        raise _Damaged(f"comparison.{e}") from None


def _picture(st: JsonObject, arrays: dict[str, np.ndarray], inputs: int) -> Picture | None:
    """The picture the stepper stepped (a user's photo, a test image): its input column and the
    class the user gave it (None: not yet)."""
    picture = _get(st, "picture", "stepper.picture", lambda v: isinstance(v, dict), optional=True)
    if picture is None:
        return None
    name = check_name(_get(picture, "name", "stepper.picture.name", lambda v: isinstance(v, str)),
                      "stepper.picture.name")
    label = _get(picture, "label", "stepper.picture.label", lambda v: v in (0, 1), optional=True)
    x = _array(arrays, "sample_x", 2)
    if x.shape != (inputs, 1) or not np.isfinite(x).all():
        raise _Damaged("sample_x")
    return Picture(name, x, None if label is None else float(label))


def _data(meta: JsonObject) -> JsonObject:
    data: JsonObject = _get(meta, "data", "data", lambda v: isinstance(v, dict))
    kind = _get(data, "kind", "data.kind", lambda v: v in DATA_KINDS)
    _get(data, "sha256", "data.sha256", lambda v: isinstance(v, str), optional=True)
    if kind == "builtin":
        check_name(_get(data, "name", "data.name", lambda v: isinstance(v, str)), "data.name")
    elif kind == "file":
        _get(data, "path", "data.path", lambda v: isinstance(v, str) and v)
    elif kind == "model":
        check_name(_get(data, "name", "data.name", lambda v: isinstance(v, str)), "data.name")
        _get(data, "input_shape", "data.input_shape", lambda v: isinstance(v, list)
             and len(v) in (1, 3) and all(_whole(k) and k >= 1 for k in v)
             and (len(v) == 1 or v[2] in (1, 3)))
        for c in _get(data, "classes", "data.classes", lambda v: _texts(v) and len(v) == 2
                      and all(c.strip() for c in v)):
            check_name(c, "data.classes")
    else:
        origin = _get(data, "origin", "data.origin", lambda v: isinstance(v, dict), optional=True)
        _get(data, "plane", "data.plane", lambda v: isinstance(v, dict), optional=True)
        if origin is None and data.get("plane") is None:
            raise _Damaged("data.origin")
        if origin is not None:
            what = _get(origin, "kind", "data.origin.kind", lambda v: v in ("csv", "folder"))
            _get(origin, "path", "data.origin.path", lambda v: isinstance(v, str) and v)
            _get(origin, "train_share", "data.origin.train_share", _share)
            check_seed(_get(origin, "seed", "data.origin.seed", _whole))
            if what == "folder":
                _get(origin, "side", "data.origin.side", _whole)
    return data


def _plane(plane: JsonObject | None) -> PlaneSpec | None:
    if plane is None:
        return None
    if set(plane) - {"source", "noise", "train_share", "seed", "features"}:
        raise _Damaged("data.plane")
    return PlaneSpec(
        source=_get(plane, "source", "data.plane.source", lambda v: isinstance(v, str)),
        noise=_get(plane, "noise", "data.plane.noise", lambda v: _real(v) and 0 <= v <= 1),
        train_share=_get(plane, "train_share", "data.plane.train_share", _share),
        seed=check_seed(_get(plane, "seed", "data.plane.seed", _whole)),
        features=check_features(_get(plane, "features", "data.plane.features", _texts)))


# ----- the time cursor's runs and the gallery (sessions saved before them have neither) ----------

MAX_SAVED_PIECES = 64  # runs of a chain a session keeps the starts of (the latest ones)
MAX_SAVED_PICTURES = 1000  # the gallery's count (session/classify.py keeps at most as many)
THUMBNAIL_SIDE = 256  # a gallery thumbnail's longest side


def timeline_entries(pieces: Iterable[SavedPiece], prefix: str = "") -> tuple[list[JsonObject],
                                                                          dict[str, np.ndarray]]:
    """The descriptions (meta[...]["timeline"]) and arrays (``{prefix}timeline{j}_…``) of a
    chain's runs, earliest first, as ``_timeline`` reads them back."""
    described: list[JsonObject] = []
    arrays: dict[str, np.ndarray] = {}
    for j, p in enumerate(pieces):
        net, at = p.start.network, f"{prefix}timeline{j}_"
        meta, more = run_entries(net, p.start.hyper, np.zeros(0), np.zeros((0, net.L)), (), at)
        described.append({**meta, "first": p.start.iteration, "last": p.last, "every": p.every,
                          "blas_threads": p.blas_threads})
        arrays.update(more)
        if p.start.shuffle is not None and len(p.start.shuffle):
            arrays[f"{at}shuffle"] = np.asarray(p.start.shuffle, dtype=np.uint32)
    return described, arrays


def _timeline(meta: JsonObject, arrays: dict[str, np.ndarray], network: Network, rows: int,
              prefix: str = "", where: str = "") -> tuple[SavedPiece, ...]:
    entries = _get(meta, "timeline", f"{where}timeline", lambda v: isinstance(v, list)
                   and len(v) <= MAX_SAVED_PIECES, optional=True) or []
    pieces: list[SavedPiece] = []
    for j, entry in enumerate(entries):
        at, here = f"{prefix}timeline{j}_", f"{where}timeline.{j}."
        net, hyper, *_ = _run(entry, arrays, at, here)
        first = _get(entry, "first", f"{here}first", lambda v: _whole(v) and v >= 0)
        last = _get(entry, "last", f"{here}last", lambda v: _whole(v) and first < v <= rows)
        every = _get(entry, "every", f"{here}every", lambda v: _whole(v) and v >= 1)
        threads = _get(entry, "blas_threads", f"{here}blas_threads",
                       lambda v: _whole(v) and 1 <= v <= 4096)
        if net.dims != network.dims or (pieces and pieces[-1].last != first):
            raise _Damaged(f"{here}first")
        shuffle = arrays.get(f"{at}shuffle")
        if shuffle is not None and (shuffle.dtype != np.uint32 or shuffle.shape != (626,)):
            raise _Damaged(f"{at}shuffle")
        pieces.append(SavedPiece(StartingPoint(net, hyper, first, shuffle), last, every, threads))
    if pieces and pieces[-1].last != rows:
        raise _Damaged(f"{where}timeline")
    return tuple(pieces)


def gallery_entries(pictures: Iterable[SavedPicture], mode: str) -> tuple[JsonObject,
                                                                           dict[str, np.ndarray]]:
    """The gallery's description (meta["gallery"]) and its three arrays: every picture's input,
    the thumbnails one after the other, and their sizes."""
    pictures = list(pictures)
    sizes = np.array([p.thumbnail.shape[:2] for p in pictures], dtype=np.int64).reshape(-1, 2)
    arrays = {"gallery_pixels": np.stack([p.pixels for p in pictures]).astype(np.uint8),
              "gallery_thumbnails": np.concatenate([p.thumbnail.astype(np.uint8).ravel()
                                                    for p in pictures]),
              "gallery_sizes": sizes}
    return {"mode": mode, "pictures": [{"name": p.name, "source": p.source}
                                       for p in pictures]}, arrays


def _gallery(meta: JsonObject, arrays: dict[str, np.ndarray]) -> tuple[SavedPicture, ...]:
    gallery = _get(meta, "gallery", "gallery", lambda v: isinstance(v, dict), optional=True)
    if gallery is None:
        return ()
    described = _get(gallery, "pictures", "gallery.pictures", lambda v: isinstance(v, list)
                     and 1 <= len(v) <= MAX_SAVED_PICTURES)
    n = len(described)
    pixels, flat, sizes = (arrays.get(k) for k in ("gallery_pixels", "gallery_thumbnails",
                                                     "gallery_sizes"))
    if pixels is None or pixels.dtype != np.uint8 or pixels.ndim != 4 or len(pixels) != n \
            or pixels.shape[3] not in (1, 3):
        raise _Damaged("gallery_pixels")
    if sizes is None or sizes.dtype.kind not in "iu" or sizes.shape != (n, 2) \
            or (sizes < 1).any() or (sizes > THUMBNAIL_SIDE).any():
        raise _Damaged("gallery_sizes")
    ends = np.cumsum([3 * int(h) * int(w) for h, w in sizes])
    if flat is None or flat.dtype != np.uint8 or flat.shape != (int(ends[-1]),):
        raise _Damaged("gallery_thumbnails")
    pictures = []
    for k, (entry, (h, w), end) in enumerate(zip(described, sizes, ends)):
        name = check_name(_get(entry, "name", f"gallery.pictures.{k}.name",
                               lambda v: isinstance(v, str)), f"gallery.pictures.{k}.name")
        source = _get(entry, "source", f"gallery.pictures.{k}.source", lambda v: isinstance(v, str))
        thumbnail = flat[end - 3 * h * w:end].reshape(int(h), int(w), 3)
        pictures.append(SavedPicture(name, source, pixels[k], thumbnail))
    return tuple(pictures)
