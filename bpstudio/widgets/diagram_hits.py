"""What of a laid-out diagram is at a point: a neuron, a "⋮ N more" marker, or the edge nearest
to it within a few pixels."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF

from .diagram_layout import MARKER, DiagramLayout

EDGE_REACH = 5.0  # pixels on screen: an edge this close to the mouse is under it


def item_at(layout: DiagramLayout, point: QPointF, zoom: float = 1.0) -> tuple[str, object] | None:
    """("neuron", (layer, j)), ("marker", Slot), ("edge", Edge) or None at ``point`` (in the
    layout's coordinates), the diagram zoomed by ``zoom``: neurons and markers before edges."""
    r = layout.radius
    for column in layout.slots:
        for slot in column:
            d = slot.pos - point
            if slot.index != MARKER and d.x() ** 2 + d.y() ** 2 <= (r + 2) ** 2:
                return "neuron", (slot.layer, slot.index)
            if slot.index == MARKER and abs(d.x()) < 60 and abs(d.y()) < r:
                return "marker", slot
    best, best_d = None, EDGE_REACH / max(zoom, 1e-6)
    for e in layout.edges:
        d = segment_distance(point, e.a, e.b)
        if d < best_d:
            best, best_d = e, d
    return ("edge", best) if best is not None else None


def segment_distance(p: QPointF, a: QPointF, b: QPointF) -> float:
    """The distance from ``p`` to the segment from ``a`` to ``b``."""
    ab = b - a
    length2 = ab.x() ** 2 + ab.y() ** 2
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p - a).x() * ab.x() + (p - a).y() * ab.y())
                                                / length2))
    q = a + ab * t
    return float(np.hypot(p.x() - q.x(), p.y() - q.y()))
