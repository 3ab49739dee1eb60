"""Decoding user images with QImage and turning them into the network's input column.

Preprocessing matches the training data: 8-bit RGB, alpha composited over white, grayscale
expanded to RGB, EXIF orientation applied; then a centre crop to a square (or a squash) and a
resize to the input size. An image already at the input size is used pixel for pixel.
"""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

CROP, SQUASH = "crop", "squash"


class ImageError(Exception):
    """An image that cannot be decoded; str() is one line naming the file."""


def qimage_to_rgb(image: QImage) -> np.ndarray:
    """(H, W, 3) uint8 RGB; transparent pixels composited over white."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    h, w = rgba.height(), rgba.width()
    buf = np.frombuffer(rgba.constBits(), np.uint8, count=rgba.sizeInBytes())
    arr = buf.reshape(h, rgba.bytesPerLine())[:, : w * 4].reshape(h, w, 4)
    rgb = arr[..., :3].astype(np.uint16)
    alpha = arr[..., 3:4].astype(np.uint16)
    if (alpha == 255).all():
        return np.ascontiguousarray(arr[..., :3])
    # over white: c·a + 255·(255 − a), rounded to the nearest of 0…255
    return ((rgb * alpha + 255 * (255 - alpha) + 127) // 255).astype(np.uint8)


def read_image(path: str | os.PathLike) -> QImage:
    reader = QImageReader(os.fspath(path))
    reader.setAutoTransform(True)  # EXIF orientation
    image = reader.read()
    if image.isNull():
        name = os.path.basename(os.fspath(path))
        raise ImageError(f"{name}: cannot read this image ({reader.errorString()})")
    return image


def fit_to_input(image: QImage, size: tuple[int, int], mode: str = CROP) -> QImage:
    """Centre-crop to the input's aspect (or squash), then resize smoothly to ``size`` (w, h)."""
    w, h = image.width(), image.height()
    tw, th = size
    if mode == CROP and w * th != h * tw:
        cw = min(w, h * tw // th)
        ch = min(h, w * th // tw)
        image = image.copy(QRect((w - cw) // 2, (h - ch) // 2, cw, ch))
    if (image.width(), image.height()) != (tw, th):
        image = image.scaled(QSize(tw, th), Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


def load_input_image(path: str | os.PathLike, input_shape: tuple[int, ...],
                     mode: str = CROP) -> np.ndarray:
    """The picture as the network sees it: (H, W, 3) uint8 for an (H, W, 3) input shape."""
    if len(input_shape) != 3 or input_shape[2] != 3:
        raise ImageError(f"this network takes {input_shape} inputs, not RGB images")
    h, w = input_shape[0], input_shape[1]
    return qimage_to_rgb(fit_to_input(read_image(path), (w, h), mode))
