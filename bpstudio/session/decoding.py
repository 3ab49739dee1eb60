"""Pictures decoded on worker threads and handed to the GUI thread a few at a time.

A worker decodes a picture, makes its thumbnail and its input as the network sees it (for the
input shape and preprocessing of the request), so the GUI thread only files it. Decoded
pictures wait in a queue; the GUI thread is woken once and takes at most DECODED_A_TURN of them a
turn of the event loop, the rest the next turns: 1,000 handed-over pictures decoded while the
window was busy were taken in one pass and froze it for a second.
"""

from __future__ import annotations

import functools
import threading
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage

from ..core.sessionfile import THUMBNAIL_SIDE
from .call_soon import call_soon
from .images import ImageError, input_pixels, read_image
from . import threads

DECODED_A_TURN = 50  # decoded pictures handed to the gallery in one turn of the event loop


@dataclass(frozen=True)
class Decoded:
    """A picture as the worker thread prepared it, for the input shape and mode of its request."""

    image: QImage  # oriented, possibly reduced (images.read_image)
    thumbnail: QImage  # at most THUMBNAIL_SIDE; the image itself when it is that small
    pixels: np.ndarray | None  # None: no input of this shape is made of a picture (said later)
    shape: tuple[int, ...]
    mode: str


def thumbnail(image: QImage) -> QImage:
    if max(image.width(), image.height()) <= THUMBNAIL_SIDE:
        return image
    return image.scaled(THUMBNAIL_SIDE, THUMBNAIL_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


def decode(path: str, shape: tuple[int, ...], mode: str) -> Decoded:
    """On a worker thread; raises ImageError (or what the decoder raises) for a bad picture."""
    image = read_image(path)
    try:
        pixels: np.ndarray | None = input_pixels(image, shape, mode)
    except ImageError:
        pixels = None
    return Decoded(image, thumbnail(image), pixels, shape, mode)


# (path, arrival order of the request), and the worker's future
Arrival = tuple[tuple[str, int], "Future[Decoded]"]


class DecodedPictures(QObject):
    """Decodes on two worker threads; ``arrived`` hands them over on the GUI thread, at most
    DECODED_A_TURN a turn."""

    arrived = Signal(list)  # list[Arrival], on the GUI thread

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="decode")
        self._waiting: deque[Arrival] = deque()
        self._lock = threading.Lock()
        self._woken = False  # a wake-up is on its way, or the GUI thread is taking them
        self._wake = threads.caller(self, "_take")  # from a worker thread

    def submit(self, path: str, order: int, shape: tuple[int, ...], mode: str) -> None:
        future = self._pool.submit(decode, path, shape, mode)
        future.add_done_callback(functools.partial(self._done, (path, order)))

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _done(self, request: tuple[str, int], future: Future[Decoded]) -> None:
        """On the pool's thread: the picture waits; the GUI thread is woken once for many."""
        with self._lock:
            self._waiting.append((request, future))
            if self._woken:
                return
            self._woken = True
        self._wake()

    @Slot()
    def _take(self) -> None:
        with self._lock:
            taken = [self._waiting.popleft()
                     for _ in range(min(DECODED_A_TURN, len(self._waiting)))]
            if self._waiting:
                call_soon(self, self._take)  # the rest next turn, the window answering
            else:
                self._woken = False  # the next arrival wakes this again
        if taken:
            self.arrived.emit(taken)
