"""A run as pictures: frame k the network diagram with its weights at the frame's iteration
(session/timelapse.py recomputes them from the run's keyframes), the cost curve drawn up to that
iteration with a cursor, and the iteration's number, in the interface's language and theme.

The diagram is a NetworkDiagram of its own, off screen, reading a RunFrame in place of the
window's model: the window's views and time cursor stay as they are. Drawn on the GUI thread;
a frame is handed on as an RGB array (a copy), which any thread may encode.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QWidget

from ..core import iterations
from ..core.iterations import of_row
from ..session.messages import capital, dataset_name, translated
from ..session.timelapse import RunFrame
from .network_diagram import NetworkDiagram
from .step_frames import rgb_array
from .theme import Theme

FRAME_MS = 100  # each frame a tenth of a second: 100 frames, ten seconds of film
LAST_MS = 3000  # the run's end stays a while


class RunFrames(QObject):
    """Frame k (0 … count − 1) the runs at ``iterations[k]``: the window's run (``runs[0]``)
    and its twin runs side by side, each in its ``colours``."""

    def __init__(self, runs: list[RunFrame], colours: list[QColor], size: QSize,
                 style_sheet: str, theme: Theme, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runs, self.colours = runs, colours
        self.frame, self.size, self.theme = runs[0], QSize(size), theme
        self.palette = theme.palette()
        self.unit = size.height() / 768  # the layout of a 1024×768 frame, larger on a larger one
        self.header = int(84 * self.unit)
        self.plot_height = int(size.height() * 0.27)
        holder = QWidget()  # the diagram's parent: the style sheet's fonts reach it by its name
        holder.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        holder.setPalette(self.palette)
        holder.setStyleSheet(style_sheet)
        self.holder = holder
        self.named = int(30 * self.unit) if len(runs) > 1 else 0  # each twin's name above it
        self.diagrams = []
        width = size.width() // len(runs)
        for k, run in enumerate(runs):
            diagram = NetworkDiagram(run, parent=holder)  # type: ignore[arg-type]
            diagram.setPalette(self.palette)
            diagram.set_theme(theme)
            diagram.setGeometry(k * width, 0, width, self.diagram_height - self.named)
            self.diagrams.append(diagram)
        self.diagram = self.diagrams[0]
        holder.resize(self.size)
        holder.show()

    @property
    def diagram_height(self) -> int:
        return self.size.height() - self.header - self.plot_height

    @property
    def count(self) -> int:
        return len(self.frame.iterations)

    def duration(self, k: int) -> int:
        return LAST_MS if k == self.count - 1 else FRAME_MS

    def show(self, k: int) -> None:
        """Frame k's networks (recomputed from the runs' keyframes)."""
        for run in self.runs:
            run.go(k)

    def take(self, k: int) -> np.ndarray:
        image = QImage(self.size, QImage.Format.Format_RGB32)
        image.fill(self.palette.color(QPalette.ColorRole.Window))
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._paint_header(p)
        if self.named:
            self._paint_names(p)
        p.end()
        for diagram in self.diagrams:
            diagram.refresh_now()
            diagram.render(image, QPoint(diagram.x(), self.header + self.named))
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._paint_costs(p)
        p.end()
        return rgb_array(image)

    def _paint_names(self, p: QPainter) -> None:
        """Each run's name and iteration above its diagram, in its colour."""
        p.setFont(self._font(17, True))
        for run, diagram, colour in zip(self.runs, self.diagrams, self.colours):
            p.setPen(colour)
            p.drawText(QRect(diagram.x(), self.header, diagram.width(), self.named),
                       Qt.AlignmentFlag.AlignCenter, self.tr("{run} · {iteration}").format(
                           run=run.name, iteration=translated(iterations.iteration(run.iteration))))

    def close(self) -> None:
        self.holder.hide()
        self.holder.deleteLater()

    # ----- the words -------------------------------------------------------------------------------

    def title(self) -> str:
        """"Iteration 1,234 (of 2,500)": the frame's network, and the run's end."""
        now = max(run.iteration for run in self.runs)
        end = max(run.real.network.iterations_trained for run in self.runs)
        return self.tr("{iteration} (of {last})").format(
            iteration=capital(translated(iterations.iteration(now))), last=f"{end:,}")

    def subtitle(self) -> str:
        """The data and the network, and the cost last recorded up to the frame's iteration."""
        f = self.frame
        net = f.network
        data, layers = dataset_name(f.dataset), "–".join(str(n) for n in net.dims)
        words = data if layers in data else self.tr("{data} · network {layers}").format(
            data=data, layers=layers)
        costs = f.costs_so_far()
        if len(costs) and len(self.runs) == 1:
            row = len(costs) - 1
            words += " · " + translated(iterations.cost(of_row(f.history_first, row),
                                                        float(costs[-1])))
        return words

    def _font(self, pixels: float, bold: bool = False) -> QFont:
        font = QFont(self.diagram.font())
        font.setPixelSize(max(int(pixels * self.unit), 8))
        font.setBold(bold)
        return font

    def _paint_header(self, p: QPainter) -> None:
        w, u = self.size.width(), self.unit
        p.setPen(self.palette.color(QPalette.ColorRole.WindowText))
        p.setFont(self._font(30, True))
        p.drawText(QRect(int(24 * u), int(8 * u), w - int(48 * u), int(40 * u)),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title())
        p.setFont(self._font(18))
        p.drawText(QRect(int(24 * u), int(48 * u), w - int(48 * u), int(30 * u)),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.subtitle())

    def _paint_costs(self, p: QPainter) -> None:
        """The cost of every iteration recorded up to the frame's, on axes as long as the whole
        run (the curve grows frame by frame), and a cursor at the frame's iteration."""
        f, u, t = self.frame, self.unit, self.theme
        w, h = self.size.width(), self.size.height()
        top = h - self.plot_height
        p.fillRect(QRect(0, top, w, self.plot_height), QColor(t.plot_background))
        fg = QColor(t.plot_foreground)
        small = self._font(15)
        p.setFont(small)
        p.setPen(fg)
        left, right = int(90 * u), w - int(24 * u)
        plot = QRectF(left, top + 16 * u, right - left, self.plot_height - 52 * u)
        every = np.concatenate([run.costs for run in self.runs])
        finite = every[np.isfinite(every)]
        high = float(finite.max()) if len(finite) else 1.0
        high = high if high > 0 else 1.0
        end = max(max(len(run.costs) for run in self.runs), 1)
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.bottomLeft(), plot.topLeft())
        labels = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for value in (0.0, high):
            y = plot.bottom() - value / high * plot.height()
            p.drawText(QRectF(0, y - 12 * u, left - 8 * u, 24 * u), labels, f"{value:.3g}")
        p.drawText(QRectF(0, plot.center().y() - 12 * u, left - 8 * u, 24 * u), labels,
                   self.tr("cost C"))
        below = QRectF(left, plot.bottom() + 4 * u, plot.width(), 28 * u)
        p.drawText(below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                   f"{of_row(f.history_first, 0):,}")
        p.drawText(below, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                   self.tr("iteration"))
        p.drawText(below, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                   f"{of_row(f.history_first, end):,}")

        def at(row: float, cost: float) -> QPointF:
            c = min(max(cost, 0.0), high) if np.isfinite(cost) else high
            return QPointF(plot.left() + row / end * plot.width(),
                           plot.bottom() - c / high * plot.height())

        for run, colour in reversed(list(zip(self.runs, self.colours))):  # the window's on top
            shown = run.costs_so_far()
            if len(shown):
                rows = np.linspace(0, len(shown) - 1, min(len(shown), 2000)).astype(int)
                path = QPainterPath(at(0, float(shown[0])))
                for r in rows[1:]:
                    path.lineTo(at(float(r), float(shown[r])))
                p.setPen(QPen(colour, 2.5 * u * t.line_scale))
                p.drawPath(path)
        shown = f.costs_so_far()
        x = plot.left() + min(f.at, end) / end * plot.width()
        cursor = QColor(t.highlight)
        p.setPen(QPen(cursor, 2 * u * t.line_scale, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        if len(shown):
            p.setBrush(cursor)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(at(float(len(shown) - 1), float(shown[-1])), 5 * u, 5 * u)
