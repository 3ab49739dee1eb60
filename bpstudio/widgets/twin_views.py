"""Views of twin runs: a twin's curves on the window's training plots, its diagram beside the
window's (with the W[1] images and the playground's neuron heatmaps, as the window's has), and the
dialog that forks one. Each is built on the twin's own session models, like the window's views."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget)

from ..core import iterations
from ..core.activations import ACTIVATIONS
from ..core.network import INITIALIZERS
from ..core.trainer import MAX_L2, MAX_LEARNING_RATE
from ..session.messages import translated
from ..session.plane_maps import PlaneMaps
from ..session.runs import TwinRun
from .curve_peaks import peaks
from .frame_throttle import FrameThrottle
from .i18n import Retranslatable
from .layer_editor import name_initialisers
from .network_diagram import NetworkDiagram
from .palette import run_colour
from .plain_text import in_rich_text

if TYPE_CHECKING:  # imported with the plots, after the first paint (cost_plot.py)
    import pyqtgraph as pg


class RunCurves(QObject):
    """A twin's cost, test accuracy and ‖dW[1]‖, in its colour, on the window's three plots."""

    def __init__(self, plots, twin: TwinRun, parent: QObject | None = None):
        import pyqtgraph as pg

        super().__init__(parent)
        self.twin = twin
        self.cost_plot, self.acc_plot, self.grad_plot = plots[:3]
        colour = run_colour(twin.colour_index)
        self.cost = self.cost_plot.plot(pen=pg.mkPen(colour, width=1), name=in_rich_text(twin.name))
        self.accuracy = self.acc_plot.plot(pen=pg.mkPen(colour, width=2), name=in_rich_text(twin.name))
        # dashed: the window's own ‖dW[l]‖ curves take the layers' colours
        self.grad = self.grad_plot.plot(pen=pg.mkPen(colour, width=2,
                                                     style=Qt.PenStyle.DashLine),
                                        name="‖dW[1]‖ " + in_rich_text(twin.name))
        self.frames = FrameThrottle(self.redraw, self)
        twin.model.history_appended.connect(self.frames.request)
        twin.model.history_changed.connect(self.frames.request_soon)
        self.redraw()

    def redraw(self) -> None:
        h = self.twin.model.history
        costs = h.costs.view()
        finite = np.isfinite(costs)
        x = (h.first + np.arange(len(costs), dtype=float))[finite]  # iterations, as cost_plot
        self.cost.setData(*peaks(x, costs[finite], max(int(self.cost_plot.vb.width()), 50)),
                          skipFiniteCheck=True)
        norms = h.grad_norms.view()
        if norms.ndim == 2 and norms.shape[1]:
            g = norms[:, 0]
            good = np.isfinite(g) & (g > 0)  # the plot's y-axis is logarithmic
            xg = (h.first + np.arange(len(g), dtype=float))[good]
            self.grad.setData(*peaks(xg, g[good], max(int(self.grad_plot.vb.width()), 50)),
                              skipFiniteCheck=True)
        ev = [e for e in h.evaluations if np.isfinite(e.test_accuracy)]
        self.accuracy.setData([float(h.first + e.iteration) for e in ev],
                              [e.test_accuracy for e in ev])

    def points(self) -> tuple[np.ndarray, np.ndarray]:
        """For tests: the cost curve as drawn."""
        self.redraw()
        return self.cost.xData, self.cost.yData

    def remove(self) -> None:
        self.frames.stop()
        for plot, item in ((self.cost_plot, self.cost), (self.acc_plot, self.accuracy),
                           (self.grad_plot, self.grad)):
            plot.legend.removeItem(item)
            plot.removeItem(item)


TWIN_DIAGRAM_MIN_WIDTH = 130


class TwinPanel(Retranslatable, QWidget):
    """A twin run's name in its colour, and its network diagram."""

    def __init__(self, twin: TwinRun, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("TwinPanel")
        self.twin = twin
        self.title = QLabel()
        self.title.setObjectName("TwinRunName")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # a name is text, never markup
        self.title.setWordWrap(True)
        self.title.setStyleSheet(f"color: {run_colour(twin.colour_index).name()}; font-weight: bold")
        self.maps = PlaneMaps(twin.model, parent=self)
        self.diagram = NetworkDiagram(twin.model, None, self.maps)
        self.diagram.setObjectName("TwinDiagram")
        # narrower than the window's own: beside it and the output plane at 1024 px, with the
        # editor and the plots docked on either side
        self.diagram.setMinimumWidth(TWIN_DIAGRAM_MIN_WIDTH)
        self.figures = QLabel()
        self.figures.setObjectName("TwinFigures")
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.figures.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.diagram, 1)
        layout.addWidget(self.figures)
        twin.timeline.cursor_changed.connect(self.retranslate)
        twin.training.progress_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        t = self.twin.timeline
        self.title.setText(self.tr("{name} · {iteration}").format(
            name=self.twin.name,
            iteration=translated(iterations.iteration(t.model.history.iteration(t.iteration)))))

    def set_figures(self, text: str) -> None:
        self.figures.setText(text)
        self.figures.setVisible(bool(text))


class ForkDialog(Retranslatable, QDialog):
    """The settings a twin run changes: the window's values to start with."""

    def __init__(self, model, can_use_cursor: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ForkDialog")
        self.model = model
        h, net = model.hyper, model.network
        self.rate = QDoubleSpinBox()
        self.rate.setObjectName("ForkLearningRate")
        self.rate.setDecimals(6)
        self.rate.setRange(1e-6, MAX_LEARNING_RATE)
        self.rate.setValue(h.learning_rate)
        self.init = QComboBox()
        self.init.setObjectName("ForkInitializer")
        for key in INITIALIZERS:
            self.init.addItem("", key)
        self.init.setCurrentIndex(self.init.findData(net.init))
        self.activation = QComboBox()
        self.activation.setObjectName("ForkHiddenActivation")
        self.activation.addItems(list(ACTIVATIONS))
        hidden = net.activations[:-1]
        self.activation.setCurrentText(hidden[0] if hidden else "relu")
        self.activation.setEnabled(bool(hidden))
        self.batch = QSpinBox()
        self.batch.setObjectName("ForkBatchSize")
        self.batch.setRange(0, model.dataset.X_train.shape[1])
        self.batch.setValue(h.batch_size or 0)
        self.l2 = QDoubleSpinBox()
        self.l2.setObjectName("ForkL2")
        self.l2.setDecimals(4)
        self.l2.setRange(0.0, MAX_L2)  # what the editor and a file take
        self.l2.setValue(h.l2)
        self.from_cursor = QCheckBox()
        self.from_cursor.setObjectName("ForkFromCursor")
        self.from_cursor.setEnabled(can_use_cursor)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        for label, field in zip(self.labels, (self.rate, self.init, self.activation, self.batch,
                                              self.l2)):
            self.form.addRow(label, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.from_cursor)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Fork a twin run"))
        for label, text in zip(self.labels, (self.tr("Learning rate α"), self.tr("Initialiser"),
                                             self.tr("Hidden activation"),
                                             self.tr("Batch size (0: full batch)"),
                                             self.tr("L2 λ"))):
            label.setText(text)
        name_initialisers(self.init)
        self.from_cursor.setText(self.tr("From the time cursor's iteration (else from the start, "
                                         "with the same initial parameters)"))

    def changes(self) -> dict:
        """The settings that differ from the window's run, as Timeline.fork takes them."""
        h, net = self.model.hyper, self.model.network
        changes = {}
        if self.rate.value() != h.learning_rate:
            changes["learning_rate"] = self.rate.value()
        if self.init.currentData() != net.init:
            changes["init"] = self.init.currentData()
        hidden = self.activation.currentText()
        if self.activation.isEnabled() and any(a != hidden for a in net.activations[:-1]):
            changes["activations"] = (hidden,) * (net.L - 1) + (net.activations[-1],)
        batch = self.batch.value() or None
        if batch != h.batch_size:
            changes["batch_size"] = batch
        if self.l2.value() != h.l2:
            changes["l2"] = self.l2.value()
        return changes
