"""Choosing the data set: files read on the loader's thread (the cat data, a CSV, a folder of
class folders), the built-in sets and the 2-D playground's settings. What is read becomes the
data set through the model's one undoable edit, ``set_dataset``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Protocol, TypeVar

from PySide6.QtCore import QObject, SignalInstance

from ..core.csvdata import load_csv
from ..core.datasets import Dataset, DatasetError, builtin_dataset, plane_dataset, with_features
from ..core.h5data import load_catvnoncat
from ..core.messages import isolated
from ..core.plane import PlaneError, PlaneSpec
from .image_folder import FolderImages, load_image_folder
from .loading import IMAGES, FileLoader, Report
from .messages import sentence, sentences, translated

T = TypeVar("T")


class _Owner(Protocol):
    """What it uses of the NetworkModel that owns it (and imports this module)."""

    dataset: Dataset
    loader: FileLoader
    error_reported: SignalInstance
    note: SignalInstance

    @property
    def busy(self) -> bool: ...

    @property
    def building(self) -> bool: ...

    def set_dataset(self, dataset: Dataset, text: str, replaces: bool = False) -> bool: ...


class DataChoice(QObject):
    """The data-set choices of ``model`` (a NetworkModel, also its ``parent``); problems go to
    its error_reported."""

    def __init__(self, model: _Owner, parent: QObject) -> None:
        super().__init__(parent)
        self.model = model
        # asked before what is read would replace the session's trained work (the window asks
        # about unsaved training; ``what``: "data" or "model"): False leaves everything as it is
        self.may_replace: Callable[[str], bool] = lambda what: True

    def _refuse(self, error: str) -> bool:
        self.model.error_reported.emit(error)
        return False

    def read_file(self, path: str, read: Callable[[Report], T], landed: Callable[[T], bool],
                  otherwise: Callable[[], None] | None = None, unit: str = "bytes",
                  replacing: str = "data") -> bool:
        """Read ``path`` on the loader's thread (``read(progress)``), then ``landed(result)``;
        its problems are reported, and ``otherwise()`` called. False: refused at once (a run owns
        the network: nothing read would be let in), or ``may_replace(replacing)`` said no."""
        def failed(text: str) -> None:
            self.model.error_reported.emit(text)
            if otherwise is not None:
                otherwise()

        def land(result: T) -> None:
            if not landed(result) and otherwise is not None:
                otherwise()

        if self.model.busy:
            failed(self.tr("Stop training before changing the network or the data set."))
            return False
        if not self.may_replace(replacing):
            return False  # kept: the user chose to keep the trained work
        self.model.loader.read(Path(path).name or str(path), read, land, failed, unit)
        return True

    def open_dataset(self, path: str, then: Callable[[], None] | None = None,
                     otherwise: Callable[[], None] | None = None) -> bool:
        """Load the cat data from a folder or .h5 on the loader's thread; ``then`` once it is the
        data set. On error the current data stays. True: on its way."""
        def landed(dataset: Dataset) -> bool:
            ok = self.model.set_dataset(dataset, f"open {dataset.name}", replaces=True)
            if ok and then is not None:
                then()
            return ok
        return self.read_file(path, lambda progress: load_catvnoncat(path, progress=progress),
                              landed, otherwise)

    def open_csv(self, path: str) -> bool:
        """Your own rows: split with the current train share and seed of the playground."""
        spec = self.model.dataset.plane or PlaneSpec("csv", train_share=0.7)
        return self.read_file(
            path, lambda progress: load_csv(path, spec.train_share, spec.seed, progress=progress),
            lambda dataset: self.model.set_dataset(dataset, f"open {dataset.name}", replaces=True))

    def image_side(self) -> int:
        """The side images of a new image folder are resized to: the current data's, else 64."""
        ds = self.model.dataset
        return ds.input_shape[0] if ds.is_image else 64

    def open_image_folder(self, path: str, side: int = 64) -> bool:
        """One sub-folder per class; the images are read on the loader's thread (with progress)
        and become the data set when all are in."""
        model = self.model

        def landed(result: FolderImages) -> bool:
            ds = result.dataset
            if model.busy or model.building:
                return self._refuse(self.tr(
                    "The images of {name} were read, but the network was busy; open the folder "
                    "again when training stops.").format(name=isolated(ds.name)))
            if not model.set_dataset(ds, f"open {ds.name}", replaces=True):
                return False
            read = self.tr("{name}: {n} images read ({train} training, {test} test).").format(
                name=ds.name, n=ds.X_train.shape[1] + ds.X_test.shape[1],
                train=ds.X_train.shape[1], test=ds.X_test.shape[1])
            if result.skipped:
                n = len(result.skipped)
                read = sentences(read, (
                    self.tr("Skipped 1 file that could not be read: {files}") if n == 1 else
                    self.tr("Skipped {n} files that could not be read: {files}")).format(
                    n=n, files="; ".join(result.skipped[:3]) + ("; …" if n > 3 else "")))
            model.note.emit(read)
            return True

        return self.read_file(path, lambda progress: load_image_folder(path, side, progress=progress),
                              landed, unit=IMAGES)

    def set_plane(self, **changes: object) -> bool:
        """The 2-D set's noise, train share, seed or features; the input layer follows the
        features. A CSV's points are split again (noise does not apply to them)."""
        ds = self.model.dataset
        if ds.plane is None:
            return False
        settings: dict[str, Any] = changes  # checked as a data set is made of them
        spec = replace(ds.plane, **settings)
        if spec == ds.plane:
            return False
        try:
            if "features" in changes and set(changes) == {"features"}:
                dataset = with_features(ds, spec.features)
            elif spec.source == "csv":
                dataset = load_csv(ds.files[0], spec.train_share, spec.seed, spec.features)
            else:
                dataset = plane_dataset(spec)
        except DatasetError as e:
            return self._refuse(translated(e))
        except PlaneError as e:
            return self._refuse(sentence(translated(e)))
        if dataset.n_features != ds.n_features and not self.may_replace("data"):
            return False  # other inputs: a new network and no twins (the user keeps the work)
        what = ", ".join(f"{k} {v}" for k, v in changes.items())
        return self.model.set_dataset(dataset, f"{ds.name}: {what}")

    def use_builtin(self, name: str) -> bool:
        try:
            dataset = builtin_dataset(name)
        except DatasetError as e:
            return self._refuse(translated(e))
        return self.model.set_dataset(dataset, f"data: {name}", replaces=True)
