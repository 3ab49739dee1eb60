"""The network itself as the diagram paints it: edges, neurons, markers, the input picture and
the column labels, from a laid-out scene, in the widget's palette, font and theme."""

from __future__ import annotations

import math
from typing import Callable

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen,
                           QTransform)

from .diagram_layout import MARKER, Edge
from .diagram_marks import DiagramMarks
from .diagram_scene import DiagramScene
from .palette import NOT_A_NUMBER, ON_PALE, ON_STRONG, diverging, finite_max_abs, mix
from .sign_marks import minus_bar, shows_bar
from .theme import Theme


# a negative weight's line is dashed as well as orange: its sign survives greyscale and every
# colour-vision deficiency. Dashes and gaps in pixels, whatever the line's width (Qt measures a
# pattern in pen widths: a 0.6 px line's dashes would blur into a pale solid line, a 9 px
# line's into blocks)
NEGATIVE_DASH, NEGATIVE_GAP = 7.0, 4.0


def sign_pen(colour: QColor, width: float, negative: bool, length: float = 0.0) -> QPen:
    """A line of ``colour`` and ``width``: dashed where it stands for a negative number, a
    dash in the middle of a line ``length`` long (the dashes symmetric, and its middle, where
    a tooltip or a test looks, never a gap)."""
    pen = QPen(colour, width)
    if negative:
        w = max(width, 0.5)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # a square cap would fill the gaps
        pen.setDashPattern([NEGATIVE_DASH / w, NEGATIVE_GAP / w])
        period = NEGATIVE_DASH + NEGATIVE_GAP
        pen.setDashOffset(((NEGATIVE_DASH / 2 - length / 2) % period) / w)
    return pen


def bundle_pen(colour: QColor, width: float) -> QPen:
    """A bundle's line (many weights' mean): dotted, never taken for a negative weight's dashes."""
    pen = QPen(colour, width)
    pen.setStyle(Qt.PenStyle.DotLine)
    return pen


def strength(e: Edge) -> float:
    """|w| / max |w| of the layer, 0 for a NaN weight."""
    return abs(e.value) / e.scale if e.scale > 0 and math.isfinite(e.value) else 0.0


class NetworkPainter:
    def __init__(self, palette: QPalette, font: QFont, theme: Theme, more: Callable[[int], str]):
        self.palette, self.font, self.theme = palette, font, theme
        self.more = more  # a marker's words for n neurons not drawn
        self.text = palette.text().color()
        self.background = palette.base().color()
        self.positive, self.negative = QColor(theme.positive), QColor(theme.negative)

    def paint(self, p: QPainter, rect: QRect, view: QTransform, scene: DiagramScene,
              marks: DiagramMarks) -> None:
        """``rect`` filled with the background, and the network on it through ``view`` (the
        zoom and pan)."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(rect, self.palette.base())
        p.setTransform(view)
        layout = scene.layout
        # opaque colours mixed toward the background instead of alpha: Qt's raster engine blends
        # antialiased wide lines 15× slower (52 ms instead of 3 for 130 lines); weak edges go
        # first so strong ones stay on top
        for t, e in sorted(((strength(e), e) for e in layout.edges), key=lambda pair: pair[0]):
            p.setPen(self.edge_pen(e, t, marks))
            p.drawLine(e.a, e.b)
        explained_pen = QPen(self.text, 3.0 * self.theme.line_scale)
        for e in layout.edges:  # on top: the edges the explained number's sum runs over
            if marks.is_explained(e, layout):
                p.setPen(explained_pen)
                p.drawLine(e.a, e.b)
        if scene.image is not None:
            p.drawImage(layout.image_rect, scene.image)
            p.setPen(QPen(self.text, 1))
            p.drawRect(layout.image_rect)
        self._paint_neurons(p, scene, marks)
        self._paint_labels(p, scene)
        p.resetTransform()

    def _paint_neurons(self, p: QPainter, scene: DiagramScene, marks: DiagramMarks) -> None:
        """Each neuron filled with its activation (or its heatmap over the plane), its value
        written in when it is big enough; each marker a box saying how many it hides."""
        layout = scene.layout
        r = layout.radius
        font = QFont(self.font)
        for l, column in enumerate(layout.slots):
            a_vals = scene.activations[l][:, 0]
            scale = 1.0 if scene.is_sigmoid(l) else finite_max_abs(a_vals) or 1.0
            for slot in column:
                if slot.index == MARKER:
                    if l == 0 and layout.image_rect is not None:
                        continue
                    self._paint_marker(p, slot, layout.column_room - 4)
                    continue
                value = float(a_vals[slot.index])
                fill = diverging(value, scale or 1.0)
                border, pen_w = marks.neuron_border(l, slot.index, QColor(self.text),
                                                    1.2 * self.theme.line_scale)
                marks.paint_explained_ring(p, l, slot.index, slot.pos, r)
                p.setPen(QPen(border, pen_w))
                p.setBrush(fill)
                p.drawEllipse(slot.pos, r, r)
                heat = scene.neuron_maps.get((l, slot.index))
                if heat is not None:  # its activation over the plane instead of one sample's
                    circle = QPainterPath()
                    circle.addEllipse(slot.pos, r - pen_w / 2, r - pen_w / 2)
                    p.save()
                    p.setClipPath(circle)
                    p.drawImage(QRectF(slot.pos.x() - r, slot.pos.y() - r, 2 * r, 2 * r), heat)
                    p.restore()
                    continue
                words = f"{value:.2f}".replace("-", "−")  # the minus sign, as the tables write it
                font.setPointSizeF(max(6.0, r * 0.42))
                if r < 14 or QFontMetrics(font).horizontalAdvance(words) > 1.8 * r:
                    # no room for its number (−12.35 not over its rim: in its tooltip): a
                    # negative one still shows its sign, a minus bar as a heatmap's cell has
                    if shows_bar(value, r * p.transform().m11()):
                        p.fillRect(minus_bar(slot.pos, r), ON_PALE)
                    continue
                p.setFont(font)
                p.setPen(QColor(ON_STRONG if abs(value) / (scale or 1) > 0.6 else ON_PALE))
                p.drawText(QRectF(slot.pos.x() - r, slot.pos.y() - r, 2 * r, 2 * r),
                           Qt.AlignmentFlag.AlignCenter, words)

    def _paint_marker(self, p: QPainter, slot, room: float) -> None:
        """A box saying how many neurons it hides, no wider than ``room`` (its column's):
        "⋮ 10 more", else "⋮ 10", else "⋮"."""
        p.setFont(self.font)  # the neurons' numbers are set smaller
        fm = p.fontMetrics()
        n = len(slot.hidden)
        options = (self.more(n), f"⋮ {n:,}", "⋮")
        words = next((o for o in options if fm.horizontalAdvance(o) + 10 <= room), options[-1])
        width = fm.horizontalAdvance(words) + 10
        box = QRectF(slot.pos.x() - width / 2, slot.pos.y() - fm.height() / 2 - 2, width,
                     fm.height() + 4)
        p.setPen(QPen(self.text, 1))
        p.setBrush(self.palette.base())  # the edges pass behind it, not through it
        p.drawRoundedRect(box, 4, 4)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, words)

    def _paint_labels(self, p: QPainter, scene: DiagramScene) -> None:
        """Each column's title in bold, its details under it, each line in the room the layout
        gave it (set smaller, broken or cut there so that it fits: never over a neighbour)."""
        layout = scene.layout
        p.setPen(self.text)
        for column in layout.texts:
            for t in column:
                p.setFont(layout.title_font if t.bold else layout.detail_font)
                p.drawText(t.rect, Qt.AlignmentFlag.AlignCenter, t.text)
        p.setFont(self.font)

    def edge_pen(self, e: Edge, t: float, marks: DiagramMarks) -> QPen:
        """Blue for w > 0, orange and dashed for w < 0, grey for w = 0; the larger |w| / max |w|
        of its layer (``t``), the wider and the stronger in colour. A bundle's edges stand for
        many weights at once: dotted grey, so their mean is never read as a weak weight."""
        scale = self.theme.line_scale
        negative = e.value < 0 and not e.bundle  # (False for NaN)
        length = math.hypot(e.b.x() - e.a.x(), e.b.y() - e.a.y())
        if e.layer in marks.lit_edges():  # the step's colour: the dashes still say the sign
            return sign_pen(marks.step_colour(), (0.6 + 4.4 * t) * scale + 1.5, negative, length)
        if e.bundle:
            return bundle_pen(mix(self.background, self.text, 0.45), 1.2 * scale)
        weakest = self.theme.weakest_edge
        if not math.isfinite(e.value):
            colour = QColor(NOT_A_NUMBER)
        elif e.value == 0:
            colour = mix(self.background, self.text, weakest)
        else:
            colour = mix(self.background, self.positive if e.value > 0 else self.negative,
                         weakest + (1 - weakest) * t)
        return sign_pen(colour, (0.6 + 4.4 * t) * scale, negative, length)
