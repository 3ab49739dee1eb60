"""The diagram as a picture for slides and print: PNG at a scale of the screen's pixels, or SVG;
the network, the whole legend below it and the user's remarks, none of the mouse's hints."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QBrush, QFont, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from .picture_file import write_svg


@dataclass
class DiagramPicture:
    """What an export draws, from the widget: how to paint the network, the whole legend (or
    only measure it, given no painter) and the remarks."""

    width: float
    legend_top: float  # where the legend's band begins on screen; the picture's legend too
    background: QBrush
    font: QFont
    network: Callable[[QPainter], None]
    legend: Callable[[QPainter | None, float, float], float]  # (painter, top, width) → height
    remarks: Callable[[QPainter], None]

    def size(self) -> QSizeF:
        """In the widget's pixels: the view as it is on screen, with the whole legend in the
        band where the screen shows it elided (as tall as it needs)."""
        return QSizeF(self.width, self.legend_top + self.legend(None, self.legend_top, self.width))

    def paint(self, p: QPainter) -> None:
        p.fillRect(QRectF(QPointF(0, 0), self.size()), self.background)
        p.save()
        p.setClipRect(QRectF(0, 0, self.width, self.legend_top))  # a panned network stays above
        self.network(p)
        p.restore()
        p.setFont(self.font)
        self.legend(p, self.legend_top, self.width)
        self.remarks(p)

    def image(self, ratio: float) -> QImage:
        """The picture at ``ratio`` device pixels a pixel (a 1 × 1 px line is ``ratio`` px)."""
        size = self.size()
        image = QImage(math.ceil(size.width() * ratio), math.ceil(size.height() * ratio),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(self.background.color())
        self._paint_on(image)
        return image

    def svg(self, path: str, title: str) -> bool:
        """The picture as vector graphics, drawn as the PNG is."""
        size = self.size()
        return write_svg(path, size.toSize(), QRectF(QPointF(0, 0), size), title, self._paint_on)

    def _paint_on(self, device) -> None:
        p = QPainter(device)
        p.setFont(self.font)
        self.paint(p)
        p.end()
