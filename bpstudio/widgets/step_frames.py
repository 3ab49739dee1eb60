"""One iteration as pictures: a title, then every step of the stepper as the equation stage of
presentation mode draws it (the equation's number and formula, the shapes, the operands and the
result with their numbers or heatmaps), in the interface's language and theme.

The steps are drawn by an equation panel of their own, off screen, on a stepper of their own:
the window's stepping stays where the user left it. Widgets are drawn on the GUI thread only; a
frame is handed on as an RGB array (a copy), which any thread may encode.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from ..core import iterations
from ..core.vocabulary import SAMPLE
from ..session.messages import capital, dataset_name, translated
from ..session.network_model import NetworkModel
from ..session.stepper_model import StepperModel
from .equation_panel import EquationPanel
from .palette import rgb_image

SIZES = {"1024x768": QSize(1024, 768), "1920x1080": QSize(1920, 1080)}


def rgb_array(image: QImage) -> np.ndarray:
    """A QImage as an RGB (height, width, 3) uint8 array of its own."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), np.uint8, count=h * stride).reshape(h, stride)
    return pixels[:, :3 * w].reshape(h, w, 3).copy()


class IterationFrames(QObject):
    """Frame 0 the title, frame k (1 … n) the iteration after its k-th step. ``style_sheet``:
    the window's for the equation stage (its fonts and theme), ``palette`` its colours."""

    def __init__(self, model: NetworkModel, mode: str, size: QSize, style_sheet: str,
                 palette: QPalette, step_ms: int, title_ms: int | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.model, self.size = model, QSize(size)
        self.step_ms, self.title_ms = step_ms, title_ms or max(step_ms, 3000)
        self.palette = QPalette(palette)
        self.stepper = StepperModel(model, self)
        self.stepper.set_mode(mode)
        self.panel = EquationPanel(self.stepper)
        self.panel.setObjectName("EquationPanel")
        self.panel.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.panel.setPalette(self.palette)
        self.panel.setAutoFillBackground(True)
        self.panel.setStyleSheet(style_sheet)
        self.panel.resize(self.size)
        self.panel.set_stage(True)
        self.panel.show()
        # an edit, a training step, another sample or data set while the frames are drawn: the
        # film would mix two iterations, so the export stops and writes nothing
        self.changed = False
        for signal in (model.architecture_changed, model.parameters_changed,
                       model.dataset_changed, model.sample.changed):
            signal.connect(self._on_changed)

    def when_ready(self, then: Callable[[], None],
                   failed: Callable[[BaseException], None] | None = None) -> None:
        """``then()`` once the iteration is laid out (a wide first layer's on a thread);
        ``failed(error)`` if it is not (the layout failed, or the iteration changed first)."""
        self.stepper.when_laid_out(then, failed)

    @property
    def count(self) -> int:
        return 1 + len(self.stepper.stepper.steps)

    def duration(self, k: int) -> int:
        return self.title_ms if k == 0 else self.step_ms

    def _on_changed(self, *_args) -> None:
        self.changed = True

    def _unchanged(self) -> None:
        if self.changed:
            raise RuntimeError(self.tr("the network, its parameters or the sample changed while "
                                       "the iteration was drawn"))

    def show(self, k: int) -> None:
        """Lay out frame ``k``; it is drawn by take(k) once the panel has laid out its words (a
        turn of the event loop later)."""
        self._unchanged()
        if k > 0:
            self.stepper.go(k)
        # what the window asks of its user (apply the iteration, a picture's class) has no
        # button to press in a film
        self.panel.apply_row.hide()
        self.panel.question.hide()

    def take(self, k: int) -> np.ndarray:
        self._unchanged()
        image = QImage(self.size, QImage.Format.Format_RGB32)
        image.fill(self.palette.color(QPalette.ColorRole.Window))
        if k == 0:
            self._paint_title(image)
        else:
            QCoreApplication.sendPostedEvents()  # the layouts the step asked for
            self.panel.render(image)
        return rgb_array(image)

    def close(self) -> None:
        self.panel.hide()
        self.panel.deleteLater()
        self.stepper.deleteLater()
        self.deleteLater()

    # ----- the title -------------------------------------------------------------------------------

    def title_lines(self) -> tuple[str, str, str]:
        """The network, the data and the samples, the iteration and its steps."""
        model, s = self.model, self.stepper.stepper
        net = model.shown.network
        layers = "–".join(str(n) for n in net.dims)
        functions = ", ".join(net.activations)
        network = self.tr("Network {layers} ({functions})").format(layers=layers,
                                                                   functions=functions)
        m = s.X.shape[1]
        if model.sample.picture is not None and self.stepper.mode == SAMPLE:
            samples = self.tr("The input: {name}").format(name=model.sample.name())
        elif m == 1 and self.stepper.mode == SAMPLE:
            samples = self.tr("{data}: sample {name}").format(data=dataset_name(model.dataset),
                                                              name=model.sample.name())
        else:
            samples = (self.tr("{data}: the whole batch of {m} samples") if m != 1 else
                       self.tr("{data}: the whole batch of 1 sample")).format(
                data=dataset_name(model.dataset), m=f"{m:,}")
        i = capital(translated(iterations.iteration(net.iterations_trained)))
        # one sample's step computes its loss L; the batch's, the cost C (the tutorial's two tables)
        steps = (self.tr("{iteration}: {n} steps, one equation each — the forward pass only "
                         "(no label: no loss L, no backward pass)") if s.forward_only else
                 self.tr("{iteration}: {n} steps, one equation each — forward pass, loss, "
                         "backward pass, update") if self.stepper.mode == SAMPLE else
                 self.tr("{iteration}: {n} steps, one equation each — forward pass, cost, "
                         "backward pass, update")).format(iteration=i, n=len(s.steps))
        return network, samples, steps

    def _paint_title(self, image: QImage) -> None:
        ds = self.model.dataset
        picture = None
        if ds.is_image and self.stepper.stepper.X.shape[1] == 1:
            picture = rgb_image(self.model.sample.x()[:, 0].reshape(ds.input_shape))
        paint_title(image, [(line, None) for line in self.title_lines()], self.panel.font(),
                    self.palette, picture)


def paint_title(image: QImage, lines: list[tuple[str, QColor | None]], font: QFont,
                palette: QPalette, picture: QImage | None = None) -> None:
    """A title frame: the first line large and bold, the others under it (each in its colour,
    None: the text's), then ``picture``, the whole centred; "BP Studio" at the foot."""
    w, h = image.width(), image.height()
    unit = h / 768  # the layout of a 1024×768 frame, larger on a larger one
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    text = palette.color(QPalette.ColorRole.WindowText)
    font = QFont(font)
    flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
    width, gap = w - int(120 * unit), int(28 * unit)
    blocks = []  # each line's font and height, then the picture's side: the whole centred
    for k, (line, colour) in enumerate(lines):
        font.setPixelSize(int((40 if k == 0 else 26) * unit))
        font.setBold(k == 0)
        p.setFont(font)
        blocks.append((line, colour or text, QFont(font),
                       p.boundingRect(QRect(0, 0, width, h), flags, line).height()))
    side = int(256 * unit) if picture is not None else 0
    height = sum(b[3] for b in blocks) + gap * len(blocks) + side
    top = max((h - height) // 2, int(20 * unit))
    for line, colour, f, line_height in blocks:
        p.setPen(colour)
        p.setFont(f)
        p.drawText(QRect(int(60 * unit), top, width, line_height), flags, line)
        top += line_height + gap
    if picture is not None:
        p.drawImage((w - side) // 2, top, picture.scaled(side, side))
    font.setPixelSize(int(20 * unit))
    font.setBold(False)
    p.setFont(font)
    p.setPen(QColor(palette.color(QPalette.ColorRole.Mid)))
    p.drawText(QRect(0, h - int(60 * unit), w, int(40 * unit)), Qt.AlignmentFlag.AlignHCenter,
               "BP Studio")
    p.end()
