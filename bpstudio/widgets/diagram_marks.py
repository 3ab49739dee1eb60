"""What the diagram marks on the network, and the remarks it paints over it.

Marks: the layers and edges the stepper's current step touches (in its phase's colour), the
explained number's neuron and the edges its sum runs over, the clicked neuron. Remarks: the
banner that says the weights are a what-if or a past iteration's, the clicked first-layer
neuron's weights as an image, the hovered neuron's big heatmap.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen, QStaticText, QTransform

from .diagram_layout import DiagramLayout, Edge
from .palette import HIGHLIGHT, ON_STRONG, SELECTED, STEP_COLOURS, STEP_UPDATE, TIME_CURSOR

HOVER_MAP_SIZE = 150.0


def step_marks(step, deltas: dict) -> dict | None:
    """What ``step`` touches: layers of neurons, layers of edges, its phase's colour, and the
    δ of every layer it knows (``deltas``: l → δ[l] of the sample shown); None before a step."""
    if step is None:
        return None
    lights = step.equation.lights
    layers = set() if lights.neurons is None else {step.layer + lights.neurons}
    edges = set() if lights.edges is None else {step.layer + lights.edges}
    return {"layers": layers, "edges": edges, "colour": QColor(STEP_COLOURS[step.phase]),
            "delta": deltas}


class DiagramMarks:
    def __init__(self) -> None:
        self.highlight: dict | None = None  # step_marks() of the current step
        self.explained: tuple | None = None  # an explained number: ("into"/"out of", l, j) or
        # ("weight", l, j, k): its neuron and the edges its sum runs over, marked
        self.selected: tuple[int, int] | None = None  # the clicked neuron

    def explained_neuron(self) -> tuple[int, int] | None:
        e = self.explained
        return (e[1], e[2]) if e is not None and e[0] in ("into", "out of") else None

    def is_explained(self, e: Edge, layout: DiagramLayout) -> bool:
        """Into neuron j (a weighted input's sum), out of it (an error flowing back), or the one
        weight; an edge of a bundle stands for the weights of the neurons not drawn too."""
        x = self.explained
        if x is None:
            return False
        kind, l, j = x[:3]
        if kind == "into":
            return e.layer == l and layout.reaches(e.dst, l, j)
        if kind == "out of":
            return e.layer == l + 1 and layout.reaches(e.src, l, j)
        return (e.layer == l and layout.reaches(e.dst, l, j)
                and layout.reaches(e.src, l - 1, x[3]))

    def step_colour(self) -> QColor:
        return QColor((self.highlight or {}).get("colour", STEP_UPDATE))

    def lit_layers(self) -> set:
        """The layers whose neurons the step marks."""
        return (self.highlight or {}).get("layers", set())

    def lit_edges(self) -> set:
        """The layers whose edges the step marks."""
        return (self.highlight or {}).get("edges", set())

    def delta(self, l: int):
        """δ[l] of the sample shown, where the step has computed it."""
        return (self.highlight or {}).get("delta", {}).get(l)

    def neuron_border(self, l: int, j: int, colour: QColor, width: float) -> tuple[QColor, float]:
        """The ring of neuron j of layer l: ``colour`` and ``width`` unless it is marked."""
        if self.selected == (l, j):
            colour, width = QColor(SELECTED), 3.0
        if l in self.lit_layers():
            colour, width = self.step_colour(), 3.5
        return colour, width

    def paint_explained_ring(self, p: QPainter, l: int, j: int, centre: QPointF, r: float) -> None:
        """A highlighter's ring round the explained number's neuron."""
        if self.explained_neuron() == (l, j):
            p.setPen(QPen(QColor(HIGHLIGHT), 5.0))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(centre, r + 4, r + 4)


# ----- remarks: painted over the network, in widget coordinates --------------------------------

def paint_banner(p: QPainter, text: str, previewing: bool, width: float, height: float) -> None:
    """Boxed, in the update's colour: the weights on screen are a what-if (or, in the time
    cursor's colour, a past iteration's); just above the legend."""
    fm = p.fontMetrics()
    text = fm.elidedText(text, Qt.TextElideMode.ElideRight, width - 32)
    box = QRectF(8, height - 4.4 * fm.height() - 12, fm.horizontalAdvance(text) + 16,
                 fm.height() + 8)
    p.fillRect(box, QColor(STEP_UPDATE if previewing else TIME_CURSOR))
    p.setPen(QColor(ON_STRONG))
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def paint_field(p: QPainter, image: QImage, caption: str, palette: QPalette, width: float,
                height: float) -> None:
    """A clicked first-layer neuron's weights as an image, top right, with its caption."""
    size = min(220.0, height * 0.35)
    rect = QRectF(width - size - 16, 16, size, size)
    p.fillRect(rect.adjusted(-6, -6, 6, 46), palette.window())
    p.drawImage(rect, image)
    p.setPen(palette.text().color())
    p.drawText(QRectF(rect.left() - 4, rect.bottom() + 2, size + 8, 44),
               Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter, caption)


def big_map_rect(at: QPointF, radius: float, width: float, height: float) -> QRectF:
    """Where the big heatmap of a hovered neuron at ``at`` goes: right of it, or left near the
    edge."""
    size = HOVER_MAP_SIZE
    x = at.x() + radius + 12
    if x + size > width - 4:
        x = at.x() - radius - 12 - size
    y = min(max(4.0, at.y() - size / 2), height - size - 24)
    return QRectF(x, y, size, size)


def paint_hovered_map(p: QPainter, rect: QRectF, image: QImage, caption: str,
                      palette: QPalette) -> None:
    """The hovered neuron's heatmap, big, in ``rect``, its rich-text caption under it."""
    x, y, size = rect.x(), rect.y(), rect.width()
    p.fillRect(rect.adjusted(-4, -4, 4, 22), palette.window())
    p.drawImage(rect, image)
    p.setPen(QPen(palette.text().color(), 1))
    p.setBrush(Qt.BrushStyle.NoBrush)  # the last neuron's fill is still set
    p.drawRect(rect)
    # one line: rich text would wrap at the first space past an arbitrary width
    text = QStaticText("<nobr>" + caption + "</nobr>")
    text.setTextFormat(Qt.TextFormat.RichText)
    text.prepare(QTransform(), p.font())
    p.drawStaticText(QPointF(x + (size - text.size().width()) / 2, y + size + 2), text)
