"""What to do with dropped, opened or pasted files: classify images, open data sets and models.

The window's drop handler only turns URLs into paths; everything else happens here. Images are
decoded on a worker thread (a broken or huge file never blocks the window), preprocessed exactly
as the training data and classified with the current network; probabilities follow the network
as it trains (see predictions.py for how that stays off the GUI thread).
"""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from ..core.datasets import images_to_columns, model_inputs
from ..core.h5data import CAT_FILE_PAIRS
from ..core.messages import isolated
from ..core.modelfile import ModelInfo, load_model
from ..core.network import Network, decide
from ..core.sessionfile import MAX_SAVED_PICTURES, SavedPicture
from .decoding import Arrival, Decoded, DecodedPictures, thumbnail
from .images import CROP, IMAGE_SUFFIXES, ImageError, input_pixels, qimage_to_rgb, rgb_to_qimage
from .messages import translated
from .network_model import NetworkModel
from .predictions import Predictions

MAX_FOLDER_IMAGES = 200  # a dropped folder brings at most this many images
# the gallery's memory: decoded pictures (each reduced, see images.py) and thumbnails; what would
# pass either limit is not decoded or not kept, and one message says how many (80 large PNGs
# dropped at once took 5.4 GB)
MAX_GALLERY_BYTES = 512 * 2**20
MAX_GALLERY_PICTURES = MAX_SAVED_PICTURES  # (a session file keeps them all)


@dataclass(frozen=True)
class Classified:
    name: str
    source: str  # path, or "" for a pasted image
    thumbnail: QImage  # the user's picture, at most THUMBNAIL_SIDE
    decoded: QImage  # the oriented, possibly reduced picture: re-preprocessed on a mode change
    pixels: np.ndarray  # (H, W, 3) uint8: the input as the network sees it
    probability: float = float("nan")
    order: int = 0  # arrival order of the request: results keep it whatever decodes first

    def label(self, classes: tuple[str, ...]) -> str:
        return classes[decide(self.probability)]

    def text(self, classes: tuple[str, ...]) -> str:
        """One line a user (or a screen reader, or a test) reads."""
        name = isolated(self.name)
        if self.probability != self.probability:
            return f"{name}: –"
        return f"{name}: {self.probability:.2f} {isolated(self.label(classes))}"


class ClassifySession(QObject):
    results_changed = Signal()
    message = Signal(str)
    refused = Signal(str)  # the network takes no pictures: true until the data set changes
    requested = Signal()  # new files or a picture to classify: what was said before is old news
    opened = Signal(str)  # "images", "dataset" or "model": what a drop brought in
    session_requested = Signal(str)  # a .bpstudio file: the window opens it
    lesson_requested = Signal(str)  # a lesson (.md): the window's lessons open it
    model_opened = Signal(str)  # the path of a model now in use

    def __init__(self, model: NetworkModel, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.mode = CROP
        self.results: list[Classified] = []  # by order; only _file and clear() change its pictures
        self._held = 0  # what the results' pictures take: held_bytes()
        self.pending = 0  # requested pictures not yet in the gallery or refused
        self._requests = 0
        self._skipped = 0  # pictures of the current requests refused for the gallery's limits
        self._decoding = DecodedPictures(self)  # a few a turn: decoding.py
        self._decoding.arrived.connect(self._on_decoded)
        # many pictures on their way: the views hear of them together, at most every 100 ms
        # (each change redraws every card: 1,000 handed-over pictures froze the window 2 minutes)
        self._changed = QTimer(self)
        self._changed.setSingleShot(True)
        self._changed.setInterval(100)
        self._changed.timeout.connect(self.results_changed)
        self.predictions = Predictions(model, "bpstudio-gallery", self)
        self.predictions.failed.connect(lambda why: self.message.emit(
            self.tr("The gallery could not be classified again ({why}).").format(why=why)))
        model.parameters_changed.connect(self._reclassify)
        model.architecture_changed.connect(self._reclassify)
        model.dataset_changed.connect(self._on_dataset_changed)

    # ----- what comes in ----------------------------------------------------------------------------

    def open_paths(self, paths: list[str]) -> None:
        """Dropped or opened files and folders, routed by kind; each problem names its file."""
        self.requested.emit()
        images: list[str] = []
        for raw in paths:
            if len(images) >= MAX_GALLERY_PICTURES and os.path.splitext(raw)[1].lower() in IMAGE_SUFFIXES:
                images.append(raw)  # over the gallery's count: counted as skipped, never looked at
                continue  # (40,000 handed-over paths took 0.8 s of stat() on the GUI thread)
            path = Path(raw)
            suffix = path.suffix.lower()
            if path.is_dir() and any((path / n).exists() for pair in CAT_FILE_PAIRS for n in pair):
                self.model.data.open_dataset(str(path), lambda: self.opened.emit("dataset"))
            elif path.is_dir():
                found = sorted(p for p in path.iterdir()
                               if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)
                if not found and any(p.is_dir() for p in path.iterdir()):
                    # one sub-folder per class: a data set of your own images
                    self.model.data.open_image_folder(str(path), self.model.data.image_side())
                    continue
                if not found:
                    self.message.emit(self.tr("{name}: no images in this folder").format(
                        name=isolated(path.name)))
                skipped = max(0, len(found) - MAX_FOLDER_IMAGES)
                if skipped:
                    self.message.emit(self.tr("{name}: took the first {k} of {n} images; {s} skipped")
                                      .format(name=isolated(path.name), k=MAX_FOLDER_IMAGES,
                                              n=len(found), s=skipped))
                images += [str(p) for p in found[:MAX_FOLDER_IMAGES]]
            elif suffix in (".h5", ".hdf5"):
                self.model.data.open_dataset(str(path), lambda: self.opened.emit("dataset"))
            elif suffix == ".csv":
                self.model.data.open_csv(str(path))
            elif suffix == ".npz":
                self.open_model(str(path))
            elif suffix == ".bpstudio":
                self.session_requested.emit(str(path))
            elif suffix == ".md":
                self.lesson_requested.emit(str(path))
            elif suffix in IMAGE_SUFFIXES:
                images.append(str(path))
            elif not path.exists():
                self.message.emit(self.tr("{name}: no such file").format(name=isolated(path.name)))
            else:
                self.message.emit(self.tr("{name}: not an image, a data set (.h5 or .csv), a model "
                                          "(.npz), a session (.bpstudio) or a lesson (.md)").format(
                    name=path.name))
        if images:  # after the data set or model dropped with them, if any
            self.model.loader.after(lambda: self._classify_files(images))

    def _classify_files(self, images: list[str]) -> None:
        """Decode on the worker threads, then classify with the network as it is then."""
        if self._check_image_network():
            self.opened.emit("images")
            room = max(0, MAX_GALLERY_PICTURES - len(self.results) - self.pending)
            if self.held_bytes() >= MAX_GALLERY_BYTES:
                room = 0
            self._skipped += max(0, len(images) - room)
            shape = self.model.dataset.input_shape
            for p in images[:room]:
                self.pending += 1
                self._requests += 1
                self._decoding.submit(p, self._requests, shape, self.mode)
            self._say_skipped()

    def open_model(self, path: str, otherwise: Callable[[], None] | None = None) -> bool:
        """Read a model on the loader's thread, then use it; True: on its way. ``otherwise``:
        called when it is refused."""
        def landed(loaded: tuple[Network, ModelInfo]) -> bool:
            network, info = loaded
            inputs = model_inputs(Path(path).name, info.input_shape, info.class_names)
            if not self.model.set_network(network, f"model {Path(path).name}", inputs):
                return False
            self.opened.emit("model")
            self.model_opened.emit(str(Path(path).resolve()))
            return True

        return self.model.data.read_file(path, lambda progress: load_model(path, progress), landed,
                                         otherwise, replacing="model")

    def classify_image(self, image: QImage, name: str = "pasted image") -> bool:
        """An image that is already decoded (the clipboard)."""
        self.requested.emit()
        if image.isNull():
            self.message.emit(self.tr("The clipboard holds no image."))
            return False
        if not self._check_image_network():
            return False
        if not self._room_for(image):
            self._say_skipped()
            return False
        self.opened.emit("images")
        self._requests += 1
        self._add(name, "", image, self._requests)
        return True

    def set_mode(self, mode: str) -> None:
        """Crop or squash: every image is prepared again from its decoded picture."""
        if mode == self.mode:
            return
        self.mode = mode
        shape = self.model.dataset.input_shape
        self.results = [replace(r, pixels=input_pixels(r.decoded, shape, mode)) for r in self.results]
        self._reclassify()

    def clear(self) -> None:
        self.results, self._held = [], 0
        self.results_changed.emit()

    def select(self, index: int) -> None:
        """Make this image the current sample of the diagram and the stepper; nobody has said
        which class it is yet (the stepper asks before the loss)."""
        r = self.results[index]
        if r.pixels.size == self.model.network.dims[0]:
            self.model.sample.choose_picture(r.name, images_to_columns(r.pixels[None]))

    def select_test_image(self, k: int) -> bool:
        """Make test image k the current sample, with its true label."""
        ds = self.model.dataset
        if not 0 <= k < ds.X_test.shape[1]:
            return False
        return self.model.sample.choose_picture(self.tr("test image #{k}").format(k=k + 1),
                                            ds.X_test[:, k], float(ds.Y_test[0, k]))

    def capture(self) -> tuple[list[SavedPicture], str]:
        """The gallery as a session file keeps it: each picture's input and thumbnail (a
        reopened gallery prepares its pictures again from the thumbnail), and the mode."""
        return [SavedPicture(r.name, r.source, r.pixels, qimage_to_rgb(r.thumbnail))
                for r in self.results], self.mode

    def restore(self, pictures: tuple[SavedPicture, ...], mode: str) -> None:
        """The gallery of a session just opened, classified by its network (one saved without
        pictures leaves the gallery as it is)."""
        if not pictures:
            return
        self.mode = mode
        images = [rgb_to_qimage(p.thumbnail) for p in pictures]
        self.results = [Classified(p.name, p.source, image, image, p.pixels, order=k)
                        for k, (p, image) in enumerate(zip(pictures, images))]
        self._held = sum(self._bytes_of(r.decoded, r.thumbnail) for r in self.results)
        self._requests = max(self._requests, len(pictures))  # later pictures come after them
        shape = self.model.dataset.input_shape
        if self.takes_pictures() and self.results[0].pixels.shape != shape:
            self.results = [replace(r, pixels=input_pixels(r.decoded, shape, mode))
                            for r in self.results]
        if self.takes_pictures() and self.results[0].pixels.size == self.model.network.dims[0]:
            p = self._probabilities([r.pixels for r in self.results])
            self.results = [replace(r, probability=float(q)) for r, q in zip(self.results, p)]
        self.results_changed.emit()

    def shutdown(self) -> None:
        self._decoding.shutdown()

    # ----- internals ---------------------------------------------------------------------------------

    def takes_pictures(self) -> bool:
        shape = self.model.dataset.input_shape
        return len(shape) == 3 and shape[2] in (1, 3)  # RGB, or grey (images.input_pixels)

    def _check_image_network(self) -> bool:
        if not self.takes_pictures():
            self.refused.emit(self.tr("This network takes numbers, not images: open the cat data set "
                                      "(File → Open data set…) to classify pictures."))
            return False
        return True

    @Slot(list)
    def _on_decoded(self, taken: list[Arrival]) -> None:
        """A few decoded pictures (decoding.py hands over at most DECODED_A_TURN a turn)."""
        self.pending -= len(taken)
        self._add_decoded(taken)
        self._say_skipped()

    def _add_decoded(self, taken: list[Arrival]) -> None:
        """Each picture with its message if it cannot be had; the others classified at once."""
        good: list[tuple[str, str, Decoded, np.ndarray, int]] = []
        shape = self.model.dataset.input_shape
        for (path, order), future in taken:
            name = os.path.basename(path)
            try:
                d = future.result()
                pixels = d.pixels
                if pixels is None or d.shape != shape or d.mode != self.mode:
                    # changed since it was requested, or an input no picture makes (it says why)
                    pixels = input_pixels(d.image, shape, self.mode)
            except ImageError as e:
                self.message.emit(translated(e))
                continue
            except Exception as e:  # noqa: BLE001 - any decoder failure is a message, not a crash
                self.message.emit(self.tr("{name}: cannot read this image ({why})").format(
                    name=name, why=e))
                continue
            good.append((name, path, d, pixels, order))
        if not good:
            return
        p = self._probabilities([pixels for _, _, _, pixels, _ in good])
        for (name, path, d, pixels, order), q in zip(good, p):
            if self._room_for(d.image, d.thumbnail):
                self._file(Classified(name, path, d.thumbnail, d.image, pixels, float(q), order))
        self._announce()

    def _add(self, name: str, source: str, image: QImage, order: int) -> None:
        try:
            pixels = input_pixels(image, self.model.dataset.input_shape, self.mode)
        except ImageError as e:
            self.message.emit(translated(e))
            return
        self._file(Classified(name, source, thumbnail(image), image, pixels,
                              float(self._probabilities([pixels])[0]), order))
        self._announce()

    def _file(self, r: Classified) -> None:
        """Into the gallery at its place by order."""
        bisect.insort(self.results, r, key=lambda c: c.order)
        self._held += self._bytes_of(r.decoded, r.thumbnail)

    def _announce(self) -> None:
        """The views hear of new pictures together, at most every 100 ms while more are on
        their way, and at once after the last."""
        if self.pending:
            if not self._changed.isActive():
                self._changed.start()
        else:
            self._changed.stop()
            self.results_changed.emit()

    @staticmethod
    def _bytes_of(decoded: QImage, thumbnail: QImage) -> int:
        return decoded.sizeInBytes() + (thumbnail.sizeInBytes() if thumbnail is not decoded else 0)

    def held_bytes(self) -> int:
        """What the gallery's pictures take in memory (their decoded pictures and thumbnails),
        counted as they come and go."""
        return self._held

    def _room_for(self, image: QImage, thumbnail: QImage | None = None) -> bool:
        """Whether this picture fits the gallery's limits; if not, it is counted as skipped."""
        if (len(self.results) < MAX_GALLERY_PICTURES
                and self._held + self._bytes_of(image, thumbnail or image) <= MAX_GALLERY_BYTES):
            return True
        self._skipped += 1
        return False

    def _say_skipped(self) -> None:
        """Once every requested picture is in or refused: one line for all that were skipped."""
        if self.pending or not self._skipped:
            return
        n, self._skipped = self._skipped, 0
        self.message.emit(self.tr("Pictures not added: {n}; the gallery holds at most {count} "
                                  "pictures and {mb} MB (clear it to add others)").format(
            n=f"{n:,}", count=f"{MAX_GALLERY_PICTURES:,}", mb=MAX_GALLERY_BYTES // 2**20))

    def _probabilities(self, pixels: list[np.ndarray]) -> np.ndarray:
        X = images_to_columns(np.stack(pixels))
        p: np.ndarray = self.model.shown.network.predict_proba(X)[0]
        return p

    def _reclassify(self) -> None:
        if not self.results:
            return
        if (not self.takes_pictures() or self.results[0].pixels.size != self.model.network.dims[0]
                or self.results[0].pixels.shape != self.model.dataset.input_shape):
            # another network's input, or numbers that happen to be as many as a picture's
            # pixels (a 48-input model, pictures of 4×4): the gallery keeps its last numbers
            return
        pixels = [r.pixels for r in self.results]
        self.predictions.request(lambda: images_to_columns(np.stack(pixels)), pixels[0].size,
                                 len(pixels),
                                 lambda p: self._show_probabilities(pixels, p))

    def _show_probabilities(self, pixels: list[np.ndarray], p: np.ndarray) -> None:
        """Each image's probability, if it is still in the gallery as it was classified (a mode
        change prepares new pixels; a newer image was classified when it came)."""
        by_pixels = {id(px): float(q) for px, q in zip(pixels, p)}
        self.results = [replace(r, probability=by_pixels[id(r.pixels)])
                        if id(r.pixels) in by_pixels else r for r in self.results]
        self.results_changed.emit()

    def _on_dataset_changed(self) -> None:
        """The pictures stay (an undo must never lose them): prepared again for another image
        size, or shown as not classified while the network takes no pictures."""
        shape = self.model.dataset.input_shape
        if not self.results or self.results[0].pixels.shape == shape:
            return
        if self.takes_pictures():
            self.results = [replace(r, pixels=input_pixels(r.decoded, shape, self.mode))
                            for r in self.results]
        else:  # nor shown later by a pass the pictures' network started before
            self.predictions.cancel()
            self.results = [replace(r, probability=float("nan")) for r in self.results]
        self.results_changed.emit()
        self._reclassify()
