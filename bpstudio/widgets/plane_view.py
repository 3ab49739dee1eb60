"""The output view of a 2-D data set: the network's output over the input plane as a heatmap
(blue: class 1, orange: class 0, pale near 0.5), with the training points (circles, white rim)
and the test points (squares, black rim) on it, class 1 filled and class 0 hollow (a ring: the
class is read without its colour, in greyscale and by every colour-blind eye), and the accuracies
under it. Discretised, the plane shows only the two decisions. Redrawn on the frame clock while training."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from ..core.network import decide
from ..core.trainer import RunState
from ..session.network_model import NetworkModel
from ..session.plane_maps import PlaneMaps
from .frame_throttle import FrameThrottle, SpeechThrottle
from .i18n import Retranslatable
from .palette import (NEGATIVE, POSITIVE, TEST_POINT_RIM, TRAIN_POINT_RIM, diverging_rgb,
                      rgb_image)
from .sign_marks import boundary, with_line

HEAT_STRENGTH = 0.55  # how far toward full blue / orange the surest output goes: points stay visible
POINT_RADIUS = 4.5
HOLLOW = 0.4  # a class-0 point's hole: this share of its radius (the ring around it ~2 px)


def point_path(centre: QPointF, square: bool, radius: float = POINT_RADIUS) -> QPainterPath:
    """A point's shape: a circle (training) or a square (test) of ``radius``."""
    path = QPainterPath()
    box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    if square:
        path.addRect(box)
    else:
        path.addEllipse(box)
    return path


def output_rgb(output: np.ndarray, discrete: bool) -> np.ndarray:
    """(G, G) outputs in [0, 1] → colours: 2a − 1 on the diverging scale, or only the class the
    network says."""
    t = np.where(decide(output), 1.0, -1.0) if discrete else 2.0 * output - 1.0
    return diverging_rgb(t, 1.0, HEAT_STRENGTH)


def decision_line(output: np.ndarray) -> np.ndarray:
    """The grid points of class 1 (a > 0.5) beside one of class 0: the decision boundary."""
    return boundary(decide(output))


PLANE_MIN_SIDE = 140  # the square's smallest side: its points still told apart


class _Plane(QWidget):
    """The square: heatmap and points."""

    def __init__(self, view: "PlaneView"):
        super().__init__(view)
        self.view = view
        self.setMinimumSize(PLANE_MIN_SIDE, PLANE_MIN_SIDE)
        self._points_layer: tuple[tuple, QImage] | None = None  # (what it shows, the picture)

    def _points(self) -> QImage:
        """The points on a transparent layer, drawn again only when they or the size change
        (while training, only the heatmap under them does)."""
        v = self.view
        train, test = v.points  # as refreshed: an edit may have changed the data set since
        key = (train[0], test[0], v.show_test.isChecked(), self.width(), self.height(), v.extent)
        if self._points_layer is not None:
            old = self._points_layer[0]
            if old[0] is key[0] and old[1] is key[1] and old[2:] == key[2:]:
                return self._points_layer[1]
        layer = QImage(self.width(), self.height(), QImage.Format.Format_ARGB32_Premultiplied)
        layer.fill(Qt.GlobalColor.transparent)
        p = QPainter(layer)
        p.setClipRect(self.square())  # noisy points beyond the square stay out of the frame
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        sets = [(*train, False)] + ([(*test, True)] if v.show_test.isChecked() else [])
        for points, labels, is_test in sets:
            p.setPen(QPen(QColor(TEST_POINT_RIM if is_test else TRAIN_POINT_RIM),
                          1.5 if is_test else 1.2))
            for (x1, x2), y in zip(points.T, labels):
                c = v.to_widget(x1, x2)
                shape = point_path(c, is_test)
                if y > 0.5:
                    p.setBrush(POSITIVE)
                else:  # class 0: a ring, what lies under it seen through its hole
                    shape.addPath(point_path(c, is_test, HOLLOW * POINT_RADIUS))  # (odd-even)
                    p.fillPath(shape, NEGATIVE)
                    shape = point_path(c, is_test)  # its rim: the outside only
                    p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawPath(shape)
        p.end()
        self._points_layer = (key, layer)
        return layer

    def square(self) -> QRectF:
        side = min(self.width(), self.height()) - 12
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def paintEvent(self, event) -> None:
        v = self.view
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().window())
        if v.image is None:
            p.end()
            return
        r = self.square()
        p.drawImage(r, v.image)
        p.drawImage(0, 0, self._points())
        p.setPen(QPen(self.palette().text().color(), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r)
        p.end()


class PlaneView(Retranslatable, QWidget):
    def __init__(self, model: NetworkModel, maps: PlaneMaps, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("PlaneView")
        # as narrow as its square and its check boxes' words: beside the network and a twin's at
        # 1024 px (its minimum is its layout's)
        self.model, self.maps = model, maps
        self.image: QImage | None = None
        # what the image was made with: ((points, labels) of train and test), the extent
        self.points: tuple = ()
        self.extent = 1.0
        self.title = QLabel()
        self.title.setObjectName("PlaneTitle")
        self.title.setWordWrap(True)
        self.plane = _Plane(self)
        self.plane.setObjectName("PlaneHeatmap")
        self.discrete = QCheckBox()
        self.discrete.setObjectName("DiscretiseOutput")
        self.show_test = QCheckBox()
        self.show_test.setObjectName("ShowTestData")
        self.show_test.setChecked(True)
        self.accuracy = QLabel()
        self.accuracy.setObjectName("PlaneAccuracy")
        self.accuracy.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.plane, 1)
        layout.addWidget(self.discrete)  # one under the other: the view may be narrow (1024 px)
        layout.addWidget(self.show_test)
        layout.addWidget(self.accuracy)
        layout.addWidget(self.legend)
        # the playground's networks are tiny: a quarter of the GUI thread for the picture, 20 Hz
        self.frames = FrameThrottle(self.refresh_now, self, max_hz=20, share=0.25)
        self.speech = SpeechThrottle(self.plane.setAccessibleDescription, self)
        model.run_state_changed.connect(self.speech.on_run_state)
        model.parameters_changed.connect(self.frames.request)  # a stream while training
        model.run_state_changed.connect(self.frames.request_soon)  # started, paused or ended
        for signal in (model.architecture_changed, model.dataset_changed):
            signal.connect(self.frames.request_soon)
        for box in (self.discrete, self.show_test):
            box.toggled.connect(self.frames.request_soon)
        self.retranslate()
        self.refresh_now()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Output over the input plane"))
        self.plane.setAccessibleName(self.title.text())
        self.discrete.setText(self.tr("Discretise output"))
        self.show_test.setText(self.tr("Show test data"))
        self.legend.setText(self.tr("● filled, blue: class 1 · ○ hollow, orange: class 0 · "
                                    "circle: training point · square: test point · dark line: "
                                    "the decision boundary, output a = 0.5"))
        self._show_accuracy()
        self.speech.say_now(self.accuracy.text())

    def refresh_now(self) -> None:
        """The heatmap from the current parameters (computed once for all views), then paint."""
        maps = self.maps.activations()
        if maps is None:
            self.image = None
        else:
            out = maps[-1][0]
            # the decision boundary (a = 0.5) drawn as a dark line: the two classes' regions
            # are told apart without their colours
            self.image = rgb_image(with_line(output_rgb(out, self.discrete.isChecked()),
                                             decision_line(out)))
            ds = self.model.dataset
            self.points = ((ds.points_train, ds.Y_train[0]), (ds.points_test, ds.Y_test[0]))
            self.extent = self.maps.extent
        self._show_accuracy()
        self.speech.say(self.accuracy.text(),  # for a screen reader: while training, once a second
                        self.model.run_state is RunState.RUNNING)
        self.plane.repaint()

    def _show_accuracy(self) -> None:
        if not self.maps.available:
            self.accuracy.setText(self.tr("The output view needs a 2-D data set (circle, XOR, …, "
                                          "or a CSV with two feature columns)."))
            return
        train, test = self.maps.accuracy()
        self.accuracy.setText(self.tr("train accuracy {train} · test accuracy {test}").format(
            train=_percent(train), test=_percent(test)))

    def to_widget(self, x1: float, x2: float) -> QPointF:
        """Where the point (x₁, x₂) of the plane lies in the heatmap widget (self.plane)."""
        r, e = self.plane.square(), self.extent
        return QPointF(r.left() + (x1 + e) / (2 * e) * r.width(),
                       r.top() + (e - x2) / (2 * e) * r.height())


def _percent(share: float) -> str:
    # a no-break space: a narrow pane wraps before the number, never between it and its sign
    return "–" if math.isnan(share) else f"{100 * share:.1f}\u00a0%"
