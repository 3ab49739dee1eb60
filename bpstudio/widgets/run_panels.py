"""What a time-lapse frame shows beside the diagram, as the data calls for it: for pictures, the
rows of W[1], each first-layer neuron's weights as the picture it looks for (drawn as the
diagram draws a clicked neuron's: palette.weight_row_image); for 2-D data, the network's output
over the input plane (the window's output view, PlaneView, on the frame's network). Both read
the frame's RunFrame (session/timelapse.py) as the window's views read its NetworkModel.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QWidget

from ..session.plane_maps import PlaneMaps
from ..session.timelapse import RunFrame
from .diagram_layout import shown_indices
from .palette import weight_row_image
from .plane_view import PlaneView

MAX_PICTURES = 20  # rows of W[1] shown; a wider first layer: its first and last ones


class WeightRows(QWidget):
    """The frame's rows of W[1] as pictures, each numbered as its neuron, under a caption."""

    def __init__(self, run: RunFrame, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TimelapseWeightRows")
        self.run = run

    def refresh_now(self) -> None:
        self.update()

    def neurons(self) -> list[int]:
        """The first-layer neurons (0-based) whose rows are shown."""
        head, tail = shown_indices(self.run.network.dims[1], MAX_PICTURES)
        return head + tail

    def caption(self) -> str:
        shape = "×".join(map(str, self.run.dataset.input_shape))
        n, shown = self.run.network.dims[1], len(self.neurons())
        if shown < n:
            return self.tr("W[1]: the rows of {k} of the {n} neurons of layer 1, each as a {shape} "
                           "picture of what it looks for (grey 0, bright +, dark −)").format(
                k=shown, n=f"{n:,}", shape=shape)
        return self.tr("W[1]: each row as a {shape} picture, what neuron j of layer 1 looks for "
                       "(grey 0, bright +, dark −)").format(shape=shape)

    def _caption_rect(self) -> QRect:
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        box = self.fontMetrics().boundingRect(QRect(0, 0, self.width() - 8, self.height()),
                                              flags, self.caption())
        return QRect(4, 4, self.width() - 8, box.height())

    def cells(self) -> list[tuple[int, QRect]]:
        """Each shown neuron (0-based) and where its picture is (in this widget), as large as
        the room under the caption lets them be, a number's line under each."""
        neurons = self.neurons()
        top = self._caption_rect().bottom() + 8
        w, h = self.width() - 8, self.height() - top - 4
        line, gap = self.fontMetrics().height(), 6
        best = (0, 1)
        for cols in range(1, len(neurons) + 1):
            rows = math.ceil(len(neurons) / cols)
            side = min(w // cols - gap, h // rows - line - gap)
            if side > best[0]:
                best = (side, cols)
        side, cols = max(best[0], 1), best[1]
        left = 4 + (w - cols * (side + gap) + gap) // 2
        return [(j, QRect(left + (k % cols) * (side + gap), top + (k // cols) * (side + line + gap),
                          side, side)) for k, j in enumerate(neurons)]

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().window())
        p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        p.drawText(self._caption_rect(), Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                   self.caption())
        W, shape = self.run.network.weights[0], self.run.dataset.input_shape
        line = self.fontMetrics().height()
        for j, cell in self.cells():
            picture = weight_row_image(W[j], shape).scaled(
                cell.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.FastTransformation)
            p.drawImage(cell.topLeft(), picture)
            p.drawText(QRect(cell.left() - 4, cell.bottom() + 1, cell.width() + 8, line),
                       Qt.AlignmentFlag.AlignHCenter, str(j + 1))
        p.end()


def plane_panel(run: RunFrame, maps: PlaneMaps, parent: QWidget | None = None) -> PlaneView:
    """The output view on the frame's network, without the window's check boxes (a film has
    nothing to click): the output as the window draws it, the test points shown."""
    view = PlaneView(run, maps, parent)  # type: ignore[arg-type]
    view.setObjectName("TimelapsePlane")
    view.discrete.hide()
    view.show_test.hide()
    return view
