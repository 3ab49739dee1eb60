"""The network diagram's mouse: hover (a neuron's big heatmap, tooltips), click (a neuron
selected, a weight explained), drag to pan, the wheel and a double click to zoom and fit: a
part of NetworkDiagram (a mixin, as diagram_focus is for its keys)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QToolTip


class DiagramPointer:
    """Mixed into NetworkDiagram (before QWidget): what the mouse does over it."""

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        if self._drag_from is not None:
            d = pos - self._drag_from
            self._drag_from = pos
            self.view.pan(d.x(), d.y())
            self.update()
            return
        hit = self.item_at(pos)
        hovered = hit[1] if hit is not None and hit[0] == "neuron" else None
        if hovered != self.hovered:
            self._set_hovered(hovered)
            if self.scene.neuron_maps:
                self.update()
        text = self.tooltip_at(pos)
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    def _set_hovered(self, neuron: tuple[int, int] | None) -> None:
        """The neuron under the mouse and its big heatmap, made here, not in paintEvent."""
        self.hovered = neuron
        self._hover_image = (self.scene.plane_images(1, only=neuron).get(neuron)
                             if neuron in self.scene.neuron_maps else None)

    def leaveEvent(self, event) -> None:
        if self.hovered is not None:
            self._set_hovered(None)
            self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.item_at(event.position())
        if hit and hit[0] == "neuron":
            self._select(*hit[1])
            return
        if hit and hit[0] == "edge" and not hit[1].bundle:
            e = hit[1]
            self.weight_clicked.emit(e.layer, e.dst, e.src)
            return
        if self._field is not None:
            self._field, self.marks.selected = None, None
            self.update()
        self._drag_from = event.position()

    def mouseReleaseEvent(self, event) -> None:
        self._drag_from = None

    def mouseDoubleClickEvent(self, event) -> None:
        self.fit_to_window()

    def wheelEvent(self, event) -> None:
        factor = 1.15 ** (event.angleDelta().y() / 120)
        self.zoom(factor, event.position())

    def zoom(self, factor: float, around: QPointF | None = None) -> None:
        c = around if around is not None else QPointF(self.width() / 2, self.height() / 2)
        if self.view.zoom(factor, c):
            self.update()

    def fit_to_window(self) -> None:
        self.view.fit()
        self.update()
