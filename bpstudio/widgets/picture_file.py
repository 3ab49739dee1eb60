"""Pictures written as every other file is: encoded in memory, then replaced whole by
core/atomicfile.py (a full disk leaves the old picture; a FIFO, a device or a folder is refused,
never turned into a regular file). Qt's own writers (QImage.save, QSvgGenerator.setFileName,
pyqtgraph's exporters given a file name) open the path themselves and do neither."""

from __future__ import annotations

import errno
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgGenerator

from ..core.atomicfile import atomic_write, check_target


def _buffer() -> tuple[QByteArray, QBuffer]:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    return data, buffer


def write_image(image: QImage, path: str, fmt: str = "PNG") -> bool:
    check_target(path)  # refused before the picture is encoded
    data, buffer = _buffer()
    if not image.save(buffer, fmt):
        raise OSError(errno.EIO, f"the {fmt} picture could not be encoded", path)
    buffer.close()
    with atomic_write(path) as f:
        f.write(bytes(data.data()))
    return True


def write_svg(path: str, size: QSize, view_box: QRectF, title: str,
              paint: Callable[[QSvgGenerator], None]) -> bool:
    """``paint`` draws on the generator (and ends its painter)."""
    check_target(path)
    data, buffer = _buffer()
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(view_box)
    generator.setTitle(title)
    paint(generator)
    buffer.close()
    with atomic_write(path) as f:
        f.write(bytes(data.data()))
    return True
