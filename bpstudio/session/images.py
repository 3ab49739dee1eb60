"""Decoding user images with QImage and turning them into the network's input column.

Preprocessing matches the training data: 8-bit RGB, alpha composited over white, grayscale
expanded to RGB, EXIF orientation applied; then a centre crop to the input's aspect (or a squash)
and a smooth resize to the input size. An image already at the input size is used pixel for pixel.

Big pictures are decoded at a reduced size (JPEG decodes 1/2…1/8 scale almost for free), never
below REDUCED_SIDE pixels on the short side, so a 4000×3000 photo costs milliseconds and a
20000×20000 one cannot exhaust memory; Qt's allocation limit refuses what still would. Other
formats are decoded whole and reduced at once, so a kept picture is small whatever it was.

Refused before decoding, from the file and its header alone: a file over MAX_PICTURE_BYTES (a
sparse 40 GB "JPEG" held the Python lock in the decoder for 45 s) and a picture that declares
over MAX_DECLARED_PIXELS (a 65000×65000 JPEG was decoded at 1/8 and classified as if it were a
picture).
"""

from __future__ import annotations

import os
import re
from typing import BinaryIO

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from ..core.messages import QT_TRANSLATE_NOOP, UserMessage
from ..core.readable import open_regular

CROP, SQUASH = "crop", "squash"
REDUCED_SIDE = 512  # decode big images so their short side is about this (≥ 8× a 64-px input)
ALLOCATION_LIMIT_MB = 256
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff")
RASTER_FORMATS = ("png", "jpeg", "jpg", "bmp", "gif", "webp", "tif", "tiff")  # as Qt names them
MAX_PICTURE_BYTES = ALLOCATION_LIMIT_MB * 2**20  # a 64-megapixel PNG or TIFF fits; a photo is far less
MAX_DECLARED_PIXELS = 250_000_000  # a 200-megapixel phone photo is read; 65000×65000 is not
JPEG_CHECKED_BYTES = MAX_PICTURE_BYTES  # the JPEG check reaches the end of any file it is given
# 0xFF then a byte that ends entropy-coded data: not a stuffed 00, a restart marker or a fill FF
_MARKER = re.compile(b"\xff[^\x00\xd0-\xd7\xff]")

QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)


class ImageError(UserMessage):
    """An image that cannot be decoded; str() is one line naming the file."""


def qimage_to_rgb(image: QImage) -> np.ndarray:
    """(H, W, 3) uint8 RGB; transparent pixels composited over white."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    h, w = rgba.height(), rgba.width()
    buf = np.frombuffer(rgba.constBits(), np.uint8, count=rgba.sizeInBytes())
    arr = buf.reshape(h, rgba.bytesPerLine())[:, : w * 4].reshape(h, w, 4)
    if (arr[..., 3] == 255).all():
        return np.ascontiguousarray(arr[..., :3])
    rgb = arr[..., :3].astype(np.uint16)
    alpha = arr[..., 3:4].astype(np.uint16)
    # over white: c·a + 255·(255 − a), rounded to the nearest of 0…255
    return ((rgb * alpha + 255 * (255 - alpha) + 127) // 255).astype(np.uint8)


def rgb_to_qimage(rgb: np.ndarray) -> QImage:
    """An (H, W, 3) uint8 RGB array as a QImage of its own (qimage_to_rgb's inverse)."""
    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def read_image(path: str | os.PathLike[str], reduce_to: int | None = REDUCED_SIDE) -> QImage:
    """Decode ``path`` (EXIF-oriented); images whose short side exceeds 2 × ``reduce_to`` are
    decoded at a reduced size keeping the aspect ratio."""
    name = os.path.basename(os.fspath(path))
    with open_regular(path, ImageError) as f:  # a FIFO or a device is refused, never read
        st_size = os.fstat(f.fileno()).st_size
        if st_size == 0:
            raise ImageError(QT_TRANSLATE_NOOP("core", "{name}: the file is empty"), name=name)
        if st_size > MAX_PICTURE_BYTES:
            raise ImageError(QT_TRANSLATE_NOOP("core", "{name}: {mb} MB is too big for a picture "
                                               "(at most {limit} MB)"),
                             name=name, mb=f"{st_size / 2**20:,.0f}", limit=MAX_PICTURE_BYTES // 2**20)
        if jpeg_truncated(f):
            # libjpeg would warn and fill the missing part grey; a cut-off download is not a picture
            raise ImageError(QT_TRANSLATE_NOOP("core", "{name}: the JPEG file is incomplete (cut off "
                                               "before its end)"), name=name)
    reader = QImageReader(os.fspath(path))
    kind = bytes(reader.format().data()).decode("ascii", "replace").lower()
    if kind and kind not in RASTER_FORMATS:
        # an SVG needs a QGuiApplication to be drawn (the command line has none: Qt aborted)
        raise ImageError(QT_TRANSLATE_NOOP("core", "{name}: {kind} pictures are not read here; BP "
                                           "Studio reads PNG, JPEG, BMP, GIF, WebP and TIFF"),
                         name=name, kind=kind.upper())
    reader.setAutoTransform(True)  # EXIF orientation
    size = reader.size()  # from the header: nothing is decoded yet
    if size.isValid() and size.width() * size.height() > MAX_DECLARED_PIXELS:
        raise ImageError(QT_TRANSLATE_NOOP("core", "{name}: the picture says it is {w}×{h} pixels; "
                                           "at most {max} million pixels are read"),
                         name=name, w=size.width(), h=size.height(),
                         max=MAX_DECLARED_PIXELS // 1_000_000)
    scaled = False
    if reduce_to and size.isValid() and min(size.width(), size.height()) > 2 * reduce_to:
        if reader.supportsOption(QImageIOHandler.ImageOption.ScaledSize):  # JPEG: cheap
            k = reduce_to / min(size.width(), size.height())
            reader.setScaledSize(QSize(max(1, round(size.width() * k)),
                                       max(1, round(size.height() * k))))
            scaled = True
    if not scaled and size.isValid() and size.width() * size.height() * 4 > ALLOCATION_LIMIT_MB * 2**20:
        raise ImageError(QT_TRANSLATE_NOOP("core", "{name}: cannot read this image ({w}×{h} pixels "
                                           "would need over {mb} MB)"),
                         name=name, w=size.width(), h=size.height(), mb=ALLOCATION_LIMIT_MB)
    image = reader.read()
    if image.isNull():
        raise ImageError(QT_TRANSLATE_NOOP("core", "{name}: cannot read this image ({why})"), name=name,
                         why=reader.errorString())
    side = min(image.width(), image.height())
    if reduce_to and not scaled and side > 2 * reduce_to:  # decoded whole: keep it small
        image = image.scaled(QSize(max(1, round(image.width() * reduce_to / side)),
                                   max(1, round(image.height() * reduce_to / side))),
                             Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


def jpeg_truncated(f: BinaryIO) -> bool:
    """True for a JPEG (by its first bytes, whatever its name) that ends before its end-of-image
    marker. The markers are walked from the start, each segment skipped by its length and each
    scan's entropy-coded data searched for the marker after it (inside it 0xFF is always
    stuffed as FF 00); the walk stops at the end marker, so what follows it is never read (a
    phone's motion photo carries its video there), nor is more than JPEG_CHECKED_BYTES."""
    f.seek(0)
    if f.read(2) != b"\xff\xd8":
        return False  # not a JPEG: nothing more to read here
    pos = 2
    while pos < JPEG_CHECKED_BYTES:
        f.seek(pos)
        head = f.read(4)
        if len(head) < 2:
            return True  # the file ends between segments
        if head[0] != 0xFF:
            return False  # not a marker: damaged inside, which the decoder says in its words
        marker = head[1]
        if marker == 0xD9:
            return False  # the end of the image
        if marker == 0xFF or 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 1 if marker == 0xFF else 2  # a fill byte, or a marker without a length
            continue
        if len(head) < 4:
            return True
        pos += 2 + int.from_bytes(head[2:4], "big")
        if marker == 0xDA:  # a scan: its data runs to the next marker
            after = _next_marker(f, pos)
            if after is None:
                return True
            pos = after
    return False  # too long to check here: the decoder decides


def _next_marker(f: BinaryIO, pos: int) -> int | None:
    """Where the first marker at or after ``pos`` starts; None if the file ends first."""
    while pos < JPEG_CHECKED_BYTES:
        f.seek(pos)
        chunk = f.read(1 << 20)
        if len(chunk) < 2:
            return None
        found = _MARKER.search(chunk)
        if found:
            return pos + found.start()
        pos += len(chunk) - 1  # a marker's 0xFF may be the chunk's last byte
    return pos


def fit_to_input(image: QImage, size: tuple[int, int], mode: str = CROP) -> QImage:
    """Centre-crop to the input's aspect (or squash), then resize smoothly to ``size`` (w, h)."""
    w, h = image.width(), image.height()
    tw, th = size
    if mode == CROP and w * th != h * tw:
        cw = max(1, min(w, h * tw // th))  # never 0: a 16×1 input of a 4×4 picture crops 1×4
        ch = max(1, min(h, w * th // tw))
        image = image.copy(QRect((w - cw) // 2, (h - ch) // 2, cw, ch))
    if (image.width(), image.height()) != (tw, th):
        image = image.scaled(QSize(tw, th), Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


def input_pixels(image: QImage, input_shape: tuple[int, ...], mode: str = CROP) -> np.ndarray:
    """The picture as the network sees it: (H, W, 3) uint8 for an (H, W, 3) input shape, and
    (H, W, 1) grey for a grey model's (H, W, 1): the luma of ITU-R BT.601, as Pillow's "L"."""
    if len(input_shape) == 3 and input_shape[2] == 1:
        rgb = qimage_to_rgb(fit_to_input(image, (input_shape[1], input_shape[0]), mode))
        luma = (rgb.astype(np.uint32) @ np.array([299, 587, 114], np.uint32) + 500) // 1000
        return luma.astype(np.uint8)[..., None]
    if len(input_shape) == 3 and input_shape[2] != 3:  # a file cannot say so (modelfile refuses it)
        raise ImageError(QT_TRANSLATE_NOOP("core", "this network takes {h}×{w} pictures of {c} "
                                           "channel(s); only RGB pictures (3 channels) are classified"),
                         h=input_shape[0], w=input_shape[1], c=input_shape[2])
    if len(input_shape) != 3:
        raise ImageError(QT_TRANSLATE_NOOP("core", "this network takes {n} numbers, not RGB images"),
                         n=input_shape[0])
    return qimage_to_rgb(fit_to_input(image, (input_shape[1], input_shape[0]), mode))


def load_input_image(path: str | os.PathLike[str], input_shape: tuple[int, ...],
                     mode: str = CROP) -> np.ndarray:
    return input_pixels(read_image(path), input_shape, mode)
