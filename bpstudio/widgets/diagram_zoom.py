"""Zoom and pan on top of the diagram's fitted layout: a transform from the layout's
coordinates (the scene) to the widget's."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QTransform

SMALLEST, LARGEST = 0.2, 20.0  # how far out and in a zoom goes


class ZoomPan:
    def __init__(self) -> None:
        self.transform = QTransform()

    def map(self, point: QPointF) -> QPointF:
        """A point of the scene in the widget."""
        return self.transform.map(point)

    def to_scene(self, pos: QPointF) -> QPointF:
        """A point of the widget in the scene."""
        inverse, _ = self.transform.inverted()
        return inverse.map(QPointF(pos))

    def scale(self) -> float:
        return self.transform.m11()

    def pan(self, dx: float, dy: float) -> None:
        self.transform = self.transform * QTransform.fromTranslate(dx, dy)

    def zoom(self, factor: float, around: QPointF) -> bool:
        """Zoom by ``factor`` keeping the point ``around`` where it is; False (and nothing
        changed) past the smallest or the largest zoom."""
        if not SMALLEST <= self.scale() * factor <= LARGEST:
            return False
        c = around
        self.transform = self.transform * QTransform.fromTranslate(-c.x(), -c.y()) * \
            QTransform.fromScale(factor, factor) * QTransform.fromTranslate(c.x(), c.y())
        return True

    def fit(self) -> None:
        """Back to the layout as fitted to the widget."""
        self.transform = QTransform()
