"""The diagram by keys: a focused neuron or edge moved with the arrow keys, and the ring that shows
it. Nothing here reads a model; the diagram hands in its layout.

Up / Down: the drawn neuron above or below in the same column; Left / Right: the nearest drawn
neuron of the layer before or after; Shift+Up / Shift+Down on a neuron (or an edge): its incoming
edges one by one, w_jk^[l] for the drawn neurons k of layer l − 1; an arrow without Shift on an
edge goes back to its neuron first.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen

from .diagram_layout import DiagramLayout, Edge


class Focus(NamedTuple):
    """A neuron (``src`` is None) or the edge from neuron ``src`` of layer − 1 into ``j``."""

    layer: int
    j: int
    src: int | None = None

    @property
    def is_edge(self) -> bool:
        return self.src is not None


FOCUS_GAP, FOCUS_WIDTH = 6.0, 4.0  # px: the focus ring's distance from the neuron, its width
ARROWS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down}


def first_focus(layout: DiagramLayout) -> Focus | None:
    """Where the keys begin: the first drawn neuron of the first column that draws any."""
    for layer in range(len(layout.slots)):
        drawn = layout.drawn_neurons(layer)
        if drawn:
            return Focus(layer, drawn[0])
    return None


def still_there(layout: DiagramLayout, focus: Focus | None) -> Focus | None:
    """The focus where the layout still draws it, else the nearest neuron of its layer (a layer
    made smaller), else where the keys begin."""
    if focus is None:
        return None
    if focus.layer < len(layout.slots):
        drawn = layout.drawn_neurons(focus.layer)
        if focus.j in drawn:
            if focus.src is None or edge_of(layout, focus) is not None:
                return focus
            return Focus(focus.layer, focus.j)
        if drawn:
            return Focus(focus.layer, min(drawn, key=lambda k: abs(k - focus.j)))
    return first_focus(layout)


def edge_of(layout: DiagramLayout, focus: Focus) -> Edge | None:
    """The drawn edge a focus names (never a bundle's)."""
    if focus.src is None:
        return None
    return next((e for e in layout.edges if not e.bundle and e.layer == focus.layer
                 and e.dst == focus.j and e.src == focus.src), None)


def incoming(layout: DiagramLayout, layer: int, j: int) -> list[int]:
    """The neurons k of layer − 1 whose drawn edge goes into neuron j of ``layer``."""
    return sorted(e.src for e in layout.edges
                  if not e.bundle and e.layer == layer and e.dst == j)


def moved(layout: DiagramLayout, focus: Focus | None, key: Qt.Key, shift: bool) -> Focus | None:
    """The focus after an arrow key (unchanged where there is nowhere to go)."""
    if focus is None:
        return first_focus(layout)
    down = key == Qt.Key.Key_Down
    if shift and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
        sources = incoming(layout, focus.layer, focus.j)
        if not sources:
            return focus
        if focus.src is None:
            return Focus(focus.layer, focus.j, sources[0 if down else -1])
        k = sources.index(focus.src) if focus.src in sources else 0
        return Focus(focus.layer, focus.j, sources[(k + (1 if down else -1)) % len(sources)])
    if focus.src is not None:  # from an edge, back to its neuron
        return Focus(focus.layer, focus.j)
    if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
        drawn = layout.drawn_neurons(focus.layer)
        k = drawn.index(focus.j) + (1 if down else -1)
        return Focus(focus.layer, drawn[k]) if 0 <= k < len(drawn) else focus
    step = 1 if key == Qt.Key.Key_Right else -1
    layer = focus.layer + step
    while 0 <= layer < len(layout.slots):
        drawn = layout.drawn_neurons(layer)
        if drawn:  # the nearest on screen
            here = layout.slot(focus.layer, focus.j).pos.y()
            return Focus(layer, min(drawn, key=lambda k: abs(layout.slot(layer, k).pos.y() - here)))
        layer += step
    return focus


def paint_focus(p: QPainter, layout: DiagramLayout, focus: Focus, map_point, radius: float,
                palette: QPalette) -> None:
    """The focus ring: a thick ring of the text's colour on a halo of the background's (black
    on white in a light theme, white on black in a dark one: apart from the edges' colours and
    any neuron's fill), FOCUS_GAP outside the neuron; an edge gets the same two lines along it
    and the ring at its neuron."""
    ink, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(Qt.BrushStyle.NoBrush)
    centre = map_point(layout.slot(focus.layer, focus.j).pos)
    edge = edge_of(layout, focus)
    for colour, width in ((base, 2 * FOCUS_WIDTH + 4), (ink, FOCUS_WIDTH)):
        p.setPen(QPen(QColor(colour), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        if edge is not None:
            p.drawLine(map_point(edge.a), map_point(edge.b))
        p.drawEllipse(centre, radius + FOCUS_GAP, radius + FOCUS_GAP)
    p.restore()


def paint_focus_frame(p: QPainter, width: int, height: int, palette: QPalette) -> None:
    """The widget has the keys: a dashed frame in the highlight colour round it."""
    p.save()
    pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(1, 1, width - 3, height - 3)
    p.restore()


__all__ = ["ARROWS", "Focus", "edge_of", "first_focus", "incoming", "moved", "paint_focus",
           "paint_focus_frame", "still_there"]
