"""A run as pictures: a title (the network, the data, the learning rate α, the iterations shown),
then frame k the network diagram with its weights at the k-th iteration shown (session/timelapse.py
recomputes them from the run's keyframes) beside what the data calls for (the rows of W[1] as
pictures, the output over the input plane: run_panels.py), the cost curve drawn up to that
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
from ..core.timelapse import EVEN
from ..session.plane_maps import PlaneMaps
from ..session.timelapse import RunFrame
from .network_diagram import NetworkDiagram
from .run_panels import WeightRows, plane_panel
from .step_frames import paint_title, rgb_array
from .theme import Theme

FRAME_MS = 100  # each frame a tenth of a second: 100 frames, ten seconds of film
LAST_MS = 3000  # the run's end stays a while
TITLE_MS = 3000  # and the title, long enough to read
PANEL_SHARE = 0.36  # of a run's width: the W[1] pictures or the output over the plane


class RunFrames(QObject):
    """Frame 0 the title, frame k (1 … count − 1) the runs at ``iterations[k − 1]``: the
    window's run (``runs[0]``) and its twin runs side by side, each in its ``colours``."""

    def __init__(self, runs: list[RunFrame], colours: list[QColor], size: QSize,
                 style_sheet: str, theme: Theme, parent: QObject | None = None,
                 spacing: str = EVEN) -> None:
        super().__init__(parent)
        self.runs, self.colours, self.spacing = runs, colours, spacing
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
        self.diagrams: list[NetworkDiagram] = []
        self.panels: list[QWidget | None] = []  # what each run's data calls for, beside it
        width, body = size.width() // len(runs), self.diagram_height - self.named
        for k, run in enumerate(runs):
            maps = PlaneMaps(run, parent=holder) if run.dataset.plane is not None else None  # type: ignore[arg-type]
            diagram = NetworkDiagram(run, maps=maps, parent=holder)  # type: ignore[arg-type]
            diagram.setPalette(self.palette)
            diagram.set_theme(theme)
            panel: QWidget | None = (WeightRows(run, holder) if run.dataset.is_image else
                                     plane_panel(run, maps, holder) if maps is not None else None)
            side = min(int(width * PANEL_SHARE), body) if panel is not None else 0
            diagram.setGeometry(k * width, 0, width - side, body)
            if panel is not None:
                panel.setGeometry(k * width + width - side, 0, side, body)
            self.diagrams.append(diagram)
            self.panels.append(panel)
        self.diagram = self.diagrams[0]
        holder.resize(self.size)
        holder.show()
        # the panels' words as large as the diagram's (the stage's size, not the window's)
        sheet = f"QWidget {{ font-size: {self.diagram.font().pointSizeF():.2f}pt; }}"
        back = QPalette(self.palette)  # and on the diagram's background
        back.setColor(QPalette.ColorRole.Window, self.palette.color(QPalette.ColorRole.Base))
        for panel, diagram in zip(self.panels, self.diagrams):
            if panel is not None:
                panel.setStyleSheet(sheet)
                for widget in [panel, *panel.findChildren(QWidget)]:
                    widget.setPalette(back)
            self._fit(diagram, body)

    @staticmethod
    def _fit(diagram: NetworkDiagram, body: int) -> None:
        """A diagram as low as it must be for its picture (with the whole legend, wrapped: a
        film has no mouse to read the elided words with) to be ``body`` tall at most."""
        for _ in range(2):  # a lower diagram may drop its captions: measured again
            diagram.refresh_now()
            extra = int(np.ceil(diagram.export_size().height())) - body
            if extra <= 0:
                return
            diagram.resize(diagram.width(), diagram.height() - extra)

    @property
    def diagram_height(self) -> int:
        return self.size.height() - self.header - self.plot_height

    @property
    def count(self) -> int:
        return 1 + len(self.frame.iterations)

    def duration(self, k: int) -> int:
        return TITLE_MS if k == 0 else LAST_MS if k == self.count - 1 else FRAME_MS

    def show(self, k: int) -> None:
        """Frame k's networks (recomputed from the runs' keyframes); the title has none."""
        if k > 0:
            for run in self.runs:
                run.go(k - 1)

    def at(self, widget: QWidget) -> QPoint:
        """Where a diagram's or a panel's top left corner is in a frame."""
        return QPoint(widget.x(), self.header + self.named + widget.y())

    def take(self, k: int) -> np.ndarray:
        image = QImage(self.size, QImage.Format.Format_RGB32)
        image.fill(self.palette.color(QPalette.ColorRole.Window))
        if k == 0:
            paint_title(image, self.title_lines(), self.diagram.font(), self.palette)
            return rgb_array(image)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._paint_header(p)
        if self.named:
            self._paint_names(p)
        p.end()
        for diagram in self.diagrams:
            diagram.refresh_now()
            picture = diagram.export_image(1.0 / diagram.devicePixelRatioF())
            picture.setDevicePixelRatio(1.0)
            p = QPainter(image)
            p.drawImage(self.at(diagram), picture)
            p.end()
        for panel in self.panels:
            if panel is not None:
                panel.refresh_now()  # type: ignore[attr-defined]
                panel.render(image, self.at(panel))
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

    def title_lines(self) -> list[tuple[str, QColor | None]]:
        """The title frame: what the film is; each run's network and learning rate α (a twin's
        in its colour); the iterations shown and how; what each frame shows."""
        f = self.frame
        twins = len(self.runs) > 1
        lines: list[tuple[str, QColor | None]] = [(
            self.tr("Time-lapse of {n} training runs side by side").format(n=len(self.runs))
            if twins else self.tr("Time-lapse of a training run"), None)]
        lines.append((dataset_name(f.dataset), None))
        for run, colour in zip(self.runs, self.colours):
            net = run.real.network
            words = self.tr("network {layers} ({functions}) · learning rate α = {alpha}").format(
                layers="–".join(str(n) for n in net.dims), functions=", ".join(net.activations),
                alpha=" → ".join(f"{a:g}" for a in run.learning_rates()))
            lines.append((self.tr("{run}: {words}").format(run=run.name, words=words)
                          if twins else capital(words), colour if twins else None))
        first, last = (of_row(f.history_first, row) for row in (f.iterations[0], f.iterations[-1]))
        n = len(f.iterations)
        shown = (self.tr("{n} frames after this one, iterations {first} to {last}, evenly "
                         "spaced")
                 if self.spacing == EVEN else
                 self.tr("{n} frames after this one, iterations {first} to {last}, log-spaced "
                         "(the early iterations closer together)")).format(
                     n=n, first=f"{first:,}", last=f"{last:,}")
        lines.append((shown, None))
        ds = f.dataset
        lines.append((self.tr("Each frame: the weights at one iteration, the rows of W[1] as "
                              "pictures, and the cost C up to it") if ds.is_image else
                       self.tr("Each frame: the weights at one iteration, the output over the "
                               "input plane, and the cost C up to it") if ds.plane is not None
                       else self.tr("Each frame: the weights at one iteration, and the cost C "
                                    "up to it"), None))
        return lines

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
