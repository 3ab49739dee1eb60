"""Save and open the whole lesson, autosave it, and notice unsaved changes.

A lesson is what the window shows: the architecture and parameters, hyper-parameters, the data set
(a reference: path plus a hash, or the built-in set's name), the training record, the stepper's
mode, sample and position. The file format lives in core/sessionfile.py.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from pathlib import Path
from typing import Callable

import numpy as np
from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from ..core.csvdata import load_csv
from ..core.datasets import (BUILTIN, Dataset, DatasetError, builtin_dataset, load_catvnoncat,
                             plane_dataset)
from ..core.network import Network, NetworkError
from ..core.plane import PlaneSpec
from ..core.sessionfile import SUFFIX, SessionFileError, file_digest, load_session, save_session
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.trainer import Evaluation, HyperParameters
from .background import BackgroundJob
from .history import History
from .image_folder import load_image_folder
from .messages import translated
from .network_model import NetworkModel
from .stepper_model import StepperModel

AUTOSAVE_SECONDS = 180


def _present(path: str, name: str) -> str:
    """``path``, if it is still there; a session without its data cannot open."""
    if not Path(path).exists():
        raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: its data set is missing ({path}); put "
                                                 "it back or open the data first"),
                               name=name, path=path)
    return path


def autosave_path() -> Path:
    """Where the autosave lives: the user's data folder ($XDG_DATA_HOME/bpstudio on Linux)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base) / "bpstudio" / f"autosave{SUFFIX}"


_HASH_LATER = "_files_to_hash"  # capture() names the data files; the writer hashes them


def _write(path, meta: dict, arrays: dict[str, np.ndarray]) -> Exception | None:
    """Write a session file (atomically, see core/sessionfile.py); the problem, if any. The data
    files are hashed here, where the writing runs (on a thread for Ctrl+S and the autosave):
    a big CSV's hash is no work for the GUI thread."""
    try:
        data = meta["data"]
        if _HASH_LATER in data:
            meta = {**meta, "data": {**data, "sha256": file_digest(data[_HASH_LATER])}}
            del meta["data"][_HASH_LATER]
        save_session(path, meta, arrays)
    except (OSError, SessionFileError) as e:
        return e
    return None


class LessonStore(QObject):
    modified_changed = Signal(bool)
    path_changed = Signal(str)
    message = Signal(str)
    opened = Signal(str)  # the path of a session now on screen
    saved = Signal(str)  # the path of a session file just written

    def __init__(self, model: NetworkModel, stepper: StepperModel, parent: QObject | None = None):
        super().__init__(parent)
        self.model, self.stepper = model, stepper
        self.path: str = ""
        self.modified = False
        self._restoring = False
        for signal in (model.architecture_changed, model.parameters_changed, model.dataset_changed,
                       model.hyper_changed, model.history_changed, model.history_appended,
                       stepper.step_changed, stepper.mode_changed):
            signal.connect(self._on_changed)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_SECONDS * 1000)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self._autosaver = BackgroundJob("bpstudio-autosave", self)
        self._saver = BackgroundJob("bpstudio-save", self)
        self._changes = 0  # edits so far: a save written meanwhile leaves the window modified
        self._sessions = 0  # sessions put on screen so far (opened, restored)

    # ----- state ⇄ file ----------------------------------------------------------------------------

    def capture(self) -> tuple[dict, dict[str, np.ndarray]]:
        m, sm = self.model, self.stepper
        net, ds, h = m.network, m.dataset, m.history
        arrays: dict[str, np.ndarray] = {}
        for l, (W, b) in enumerate(zip(net.weights, net.biases), start=1):
            arrays[f"W{l}"], arrays[f"b{l}"] = np.asarray(W), np.asarray(b)
        arrays["costs"] = h.costs.view()
        arrays["grad_norms"] = h.grad_norms.view()
        arrays["single_sample_steps"] = h.single.view()
        custom = None
        if m.custom_sample is not None:  # a picture as the stepper's sample: it opens on it again
            name, x, label = m.custom_sample
            arrays["sample_x"] = x
            custom = {"name": name, "label": label}
        arrays["evaluations"] = np.array(
            [[e.iteration, e.train_accuracy, e.test_cost, e.test_accuracy] for e in h.evaluations],
            dtype=np.float64).reshape(-1, 4)
        if ds.origin is not None or ds.plane is not None:  # made from files or settings
            data = {"kind": "made", "origin": ds.origin,
                    "plane": asdict(ds.plane) if ds.plane is not None else None}
            if ds.files:
                data[_HASH_LATER] = list(ds.files)
        elif ds.files:
            data = {"kind": "file", "path": ds.files[0], _HASH_LATER: list(ds.files)}
        else:
            data = {"kind": "builtin", "name": ds.name}
        meta = {
            "network": {"dims": list(net.dims), "activations": list(net.activations),
                        "loss": net.loss, "init": net.init, "seed": net.seed,
                        "precision": net.precision,
                        "iterations_trained": net.iterations_trained},
            "hyper": {"learning_rate": m.hyper.learning_rate, "iterations": m.hyper.iterations,
                      "batch_size": m.hyper.batch_size, "l2": m.hyper.l2,
                      "shuffle_seed": m.hyper.shuffle_seed},
            "data": data,
            "stepper": {"mode": sm.mode, "sample": m.sample_index, "position": sm.position(),
                        "picture": custom},
            "saved": time.strftime("%Y-%m-%d %H:%M:%S"),
        }
        return meta, arrays

    def _dataset_for(self, data: dict, name: str) -> Dataset:
        if data.get("kind") == "builtin":
            if data.get("name") not in BUILTIN:
                raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: unknown built-in data set {data}"),
                                       name=name, data=repr(data.get("name")))
            if self.model.dataset.source == f"built-in:{data['name']}":
                return self.model.dataset
            return builtin_dataset(data["name"])
        try:
            if data.get("kind") == "made":
                dataset = self._made_dataset(data.get("origin"), data.get("plane"), name)
            else:
                dataset = load_catvnoncat(_present(data.get("path", ""), name))
        except (KeyError, TypeError, ValueError) as e:
            raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: damaged session ({why})"),
                                   name=name, why=e) from None
        except DatasetError as e:
            raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: its data set cannot be read ({why})"),
                                   name=name, why=e) from None
        if data.get("sha256") and dataset.files and file_digest(list(dataset.files)) != data["sha256"]:
            self.message.emit(self.tr("{name}: the data set changed since this session was saved; "
                                      "the numbers may differ.").format(name=name))
        return dataset

    @staticmethod
    def _made_dataset(origin: dict | None, plane: dict | None, name: str) -> Dataset:
        """A 2-D set from its settings or a CSV, made again as it was (an image folder is read
        on a thread: see _show_after_reading)."""
        spec = PlaneSpec(**{**plane, "features": tuple(plane["features"])}) if plane else None
        if origin is None:
            return plane_dataset(spec)
        return load_csv(_present(origin["path"], name), origin["train_share"], origin["seed"],
                        spec.features if spec is not None else None)

    @staticmethod
    def _reads_images(data: dict) -> bool:
        origin = data.get("origin") if data.get("kind") == "made" else None
        return isinstance(origin, dict) and origin.get("kind") == "folder"

    def apply(self, meta: dict, arrays: dict[str, np.ndarray], name: str,
              then: Callable[[], None] = lambda: None) -> None:
        """Put a loaded session on screen, then call ``then``; on any problem nothing changes
        (SessionFileError). A session on a folder of images reads them on the model's loader
        thread first (with progress): its problems come later, as messages, and ``then`` only
        once it is on screen."""
        self._refuse_while_busy(name)
        try:
            n = meta["network"]
            L = len(n["dims"]) - 1
            network = Network(n["dims"], n["activations"],
                              [arrays[f"W{l}"] for l in range(1, L + 1)],
                              [arrays[f"b{l}"] for l in range(1, L + 1)],
                              loss=n["loss"], init=n["init"], seed=int(n["seed"]),
                              iterations_trained=int(n["iterations_trained"]),
                              precision=n["precision"])
            hyper = HyperParameters(**meta["hyper"])
            history = History(L)
            costs = arrays["costs"]
            single = arrays.get("single_sample_steps", np.zeros(len(costs)))
            if len(single) != len(costs):
                raise ValueError("single_sample_steps")
            history.append(costs, arrays["grad_norms"].reshape(-1, L),
                           [Evaluation(int(r[0]), *map(float, r[1:])) for r in arrays["evaluations"]],
                           single=single)
            st = meta["stepper"]
            picture = st.get("picture")
            if picture is not None:  # the stepper's sample was a picture: its input and label
                label = picture["label"]
                picture = (str(picture["name"]), np.asarray(arrays["sample_x"], dtype=np.float64),
                           None if label is None else float(label))
                if picture[1].size != network.dims[0] or picture[2] not in (None, 0.0, 1.0):
                    raise ValueError("picture")
            parts = (network, hyper, history, st, picture)
            if self._reads_images(meta["data"]):
                origin = meta["data"]["origin"]
                folder = (origin["path"], origin["side"], origin["train_share"], origin["seed"])
        except (KeyError, TypeError, ValueError, NetworkError) as e:
            raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: damaged session ({why})"),
                                   name=name, why=e) from None
        if self._reads_images(meta["data"]):
            self._show_after_reading(parts, folder, name, then)
            return
        self._show(parts, self._dataset_for(meta["data"], name), name)
        then()

    def _show_after_reading(self, parts: tuple, folder: tuple, name: str,
                            then: Callable[[], None]) -> None:
        """Re-reading a folder of photos took seconds on the GUI thread (a JPEG from a phone
        decodes in ~50 ms): it runs where opening the folder runs, with the same progress."""
        path, side, share, seed = folder
        _present(path, name)
        loader = self.model.loader
        if loader.running:
            raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: an image folder is still being "
                                                     "read; open the session again in a moment"),
                                   name=name)

        def landed(dataset: Dataset) -> None:
            try:
                self._show(parts, dataset, name)
            except SessionFileError as e:
                self.message.emit(translated(e))
                return
            then()

        def failed(error: BaseException) -> None:
            self.message.emit(translated(SessionFileError(
                QT_TRANSLATE_NOOP("core", "{name}: its data set cannot be read ({why})"), name=name,
                why=error if isinstance(error, DatasetError) else f"{type(error).__name__}: {error}")))

        loader.start(lambda: load_image_folder(path, side, share, seed,
                                               progress=loader.report).dataset, landed, failed)

    def _refuse_while_busy(self, name: str) -> None:
        if self.model.busy:
            raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: stop training before opening "
                                                     "a session"), name=name)

    def _show(self, parts: tuple, dataset: Dataset, name: str) -> None:
        network, hyper, history, st, picture = parts
        self._refuse_while_busy(name)  # training may have started while the images were read
        if dataset.n_features != network.dims[0]:
            raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: the network takes {n} inputs but its data "
                                                     "set has {m}"),
                                   name=name, n=network.dims[0], m=dataset.n_features)
        self._restoring = True
        self._sessions += 1
        try:
            self.model.restore(dataset, network, history, hyper, int(st.get("sample", 0)))
            if picture is not None:
                self.model.set_custom_sample(*picture)
            self.stepper.set_mode(st.get("mode", "sample"))
            if int(st.get("position", 0)):
                self.stepper.go(int(st["position"]))
        finally:
            self._restoring = False

    # ----- commands -------------------------------------------------------------------------------

    def save(self, path: str | None = None) -> bool:
        """Write the session now (closing the window, scripts); False, with a message, on a
        problem."""
        path = self._target(path or self.path)
        if not path:
            return False
        asked = (self._changes, self._sessions)
        return self._saved(path, _write(path, *self.capture()), asked)

    def save_in_background(self, path: str | None = None) -> bool:
        """The Save command: what is saved is captured now and written on a thread (a 512-wide
        cat network is 50 MB: 60–170 ms idle, and on this kind of machine a file-system call can
        wait seconds behind other writes); ``saved`` and the message follow. False: nowhere to
        save, or a save is still being written."""
        path = self._target(path or self.path)
        if not path:
            return False
        if self._saver.running:
            self.message.emit(self.tr("Still saving; a moment, please."))
            return False
        asked = (self._changes, self._sessions)
        meta, arrays = self.capture()
        self.message.emit(self.tr("Saving {name}…").format(name=Path(path).name))
        self._saver.start(lambda: _write(path, meta, arrays),
                          lambda error: self._saved(path, error, asked),
                          lambda error: self._saved(path, error, asked))
        return True

    @property
    def saving(self) -> bool:
        return self._saver.running

    def wait_for_save(self) -> None:
        """Until a background save has been written and its end handled (path, message)."""
        self._saver.wait()

    @staticmethod
    def _target(path: str | None) -> str:
        return path if not path or path.endswith(SUFFIX) else path + SUFFIX

    def _saved(self, path: str, error: BaseException | None, asked: tuple[int, int]) -> bool:
        """The end of a save, written here or on the thread: path, modified, the message. A
        session opened while it was written keeps its own path (else the next Ctrl+S would
        write it over the file just saved); edits made meanwhile keep the window modified."""
        if error is not None:
            self.message.emit(translated(error) if isinstance(error, SessionFileError) else
                              self.tr("{name}: could not save ({why})").format(
                                  name=Path(path).name, why=f"{type(error).__name__}: {error}"))
            return False
        changes, sessions = asked
        if sessions == self._sessions:
            self._set_path(path)
            if changes == self._changes:  # nothing changed while it was written
                self._set_modified(False)
        self.message.emit(self.tr("Saved {name}.").format(name=Path(path).name))
        self.saved.emit(path)
        return True

    def open(self, path: str) -> bool:
        """Read a session and put it on screen; False, with a message, on any problem. True: on
        screen, or (a session on a folder of images) on its way; ``opened`` says when it is."""
        def shown(meta: dict) -> None:
            self._set_path(path)
            self._set_modified(False)
            self.opened.emit(path)
        return self._load(path, Path(path).name, shown)

    def _load(self, path, name: str, shown: Callable[[dict], None]) -> bool:
        try:
            meta, arrays = load_session(path)
            self.apply(meta, arrays, name, lambda: shown(meta))
        except SessionFileError as e:
            self.message.emit(translated(e))
            return False
        return True

    def autosave(self) -> bool:
        """Write the autosave (timer, end of training) on a thread: a 512-wide cat network is
        50 MB, and writing and syncing it took 60–170 ms on the GUI thread, seconds on a busy
        disk. What is written is captured here (the model replaces its arrays, never changes
        them in place). A clean exit removes it. False: the last one is still being written."""
        if self._autosaver.running:
            return False
        target = autosave_path()
        meta, arrays = self.capture()
        meta["autosave_of"] = self.path

        def write():
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                return e
            return _write(target, meta, arrays)

        def written(error) -> None:
            if error is not None:
                self.message.emit(self.tr("Autosave failed: {why}").format(why=error))

        def failed(error: BaseException) -> None:
            self.message.emit(self.tr("Autosave failed: {why}").format(why=error))

        self._autosaver.start(write, written, failed)
        return True

    def wait_for_autosave(self) -> None:
        self._autosaver.wait()

    def pending_autosave(self) -> dict | None:
        """The autosave left by a run that did not close cleanly, if any: its description."""
        target = autosave_path()
        if not target.exists():
            return None
        try:
            meta, _ = load_session(target)
        except SessionFileError:
            return None
        return meta

    def restore_autosave(self) -> bool:
        def shown(meta: dict) -> None:
            self._set_path(meta.get("autosave_of", ""))
            self._set_modified(True)  # restored work is not saved anywhere yet
        return self._load(autosave_path(), "the autosave", shown)

    def discard_autosave(self) -> None:
        self.wait_for_autosave()  # or a write under way would bring it back
        autosave_path().unlink(missing_ok=True)

    # ----- bookkeeping ------------------------------------------------------------------------------

    def _on_changed(self, *args) -> None:
        if not self._restoring:
            self._changes += 1
            self._set_modified(True)

    def _set_modified(self, modified: bool) -> None:
        if modified != self.modified:
            self.modified = modified
            self.modified_changed.emit(modified)

    def _set_path(self, path: str) -> None:
        self.path = path
        self.path_changed.emit(path)
