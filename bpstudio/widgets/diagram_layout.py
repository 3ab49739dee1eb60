"""Where the diagram's parts go: columns, neurons, the "⋮ N more" bundles, edges and labels,
from the network's layer sizes and weights and the widget's size. Nothing here paints.

Big layers stay readable and fast: at most MAX_SHOWN neurons per layer are placed, the rest stand
behind a marker whose edges are aggregated (the mean of the hidden weights), so the cat network
has a few hundred edges, never 245,760.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF

from .palette import finite_max_abs

MAX_SHOWN = 10  # neurons drawn per layer; the middle of a bigger layer hides behind a marker
MARKER = -1


def shown_indices(n: int, limit: int = MAX_SHOWN) -> tuple[list[int], list[int]]:
    """(indices drawn before the marker, indices after it); everything when n ≤ limit."""
    if n <= limit:
        return list(range(n)), []
    head = (limit + 1) // 2
    tail = limit - head
    return list(range(head)), list(range(n - tail, n))


@dataclass
class Slot:
    """One drawn place in a column: a neuron (index ≥ 0) or the marker for hidden ones."""

    layer: int
    index: int  # neuron index (0-based) or MARKER
    pos: QPointF
    hidden: range = range(0)  # for a marker: the neuron indices it stands for

    def rows(self):
        """The index (or slice, for a marker) this slot selects along its layer."""
        return (slice(self.hidden.start, self.hidden.stop) if self.index == MARKER
                else slice(self.index, self.index + 1))

    @property
    def size(self) -> int:
        """How many neurons the slot stands for."""
        return len(self.hidden) if self.index == MARKER else 1


@dataclass
class Edge:
    layer: int  # the edge belongs to W[layer]
    a: QPointF
    b: QPointF
    value: float  # w, or a bundle's mean w
    scale: float  # max |w| of the layer
    bundle: bool = False  # to or from the "⋮ N more" marker: many weights, drawn apart
    dst: int = MARKER  # the neuron of layer ``layer`` it goes into (MARKER: a bundle's)
    src: int = MARKER  # the neuron of layer ``layer`` − 1 it comes from
    count: int = 1  # how many weights it stands for


class Label(NamedTuple):
    """A column's label: its title, and the details under it (lines split by "\\n")."""

    pos: QPointF  # the top centre
    title: str
    detail: str


@dataclass(frozen=True)
class ColumnText:
    """A column's words, from the widget (they are translated): the title, the items of its
    details (on one line, or one a line in a narrow diagram) and a last line of their own."""

    title: str
    items: tuple[str, ...]
    last: str = ""


@dataclass
class DiagramLayout:
    slots: list[list[Slot]]  # per layer, top to bottom
    edges: list[Edge]
    labels: list[Label]
    image_rect: QRectF | None  # the input column as a picture (an image data set)
    radius: float  # of a neuron
    label_lines: int  # the detail lines a label has room for
    label_width: float  # a label's width: its column's
    label_scale: float  # the labels' text size (≤ 1): narrow columns set them smaller

    @classmethod
    def build(cls, dims: Sequence[int], weights: Sequence[np.ndarray], width: float,
              height: float, font: QFont, columns: Sequence[ColumnText],
              image_input: bool = False, banner: bool = False) -> DiagramLayout:
        """The layout of a network with layer sizes ``dims`` and ``weights`` (W[l] is
        (n[l], n[l-1])) in a ``width`` × ``height`` widget whose text is set in ``font``;
        ``image_input``: the input column is the sample's picture; ``banner``: a line above the
        legend says the weights are not the network's own."""
        L = len(dims) - 1
        w, h = max(width, 200), max(height, 200)
        fm = QFontMetrics(font)
        line = fm.height()
        # the legend's three lines, and the banner above them
        bottom = (4.0 + (1.4 if banner else 0.0)) * line + 8
        # the labels above the columns: a title, then the details on 2 lines, or one item a line
        # when the columns are narrow (the playground beside the diagram at 1024×768)
        narrow = (w - 130) / L < 150
        label_lines = 4 if narrow else 2
        texts = []
        for c in columns:
            detail = ("\n" if narrow else " · ").join(c.items)
            texts.append((c.title, detail + ("\n" + c.last if c.last else "")))
        bold = QFont(font)
        bold.setBold(True)
        needs = [max(QFontMetricsF(bold).horizontalAdvance(title),
                     *(fm.horizontalAdvance(t) for t in detail.split("\n"))) + 6
                 for title, detail in texts]
        # room at the sides for the outer columns' labels (the output's "n[4] = 1 · sigmoid" was
        # cut at the edge in the large text of presentation mode)
        left, right = max(40.0, needs[0] / 2 + 4), max(40.0, needs[-1] / 2 + 4)
        top = 8 + 1.4 * line + label_lines * line + 8 + 24  # 24: the largest neuron radius
        usable_h = h - top - bottom
        img_size = min(180.0, usable_h * 0.6, w * 0.16) if image_input else 0.0
        x0 = left + img_size / 2 if image_input else left
        xs = [x0 + (w - x0 - right) * l / L for l in range(L + 1)]
        # a label may use its column's width, no more: columns too narrow for their labels set
        # them smaller (down to 60 %) rather than let them overlap
        room = (w - x0 - right) / L
        slots, labels, image_rect = [], [], None
        for l in range(L + 1):
            n = dims[l]
            column: list[Slot] = []
            if l == 0 and image_input:
                image_rect = QRectF(xs[0] - img_size / 2, top + (usable_h - img_size) / 2,
                                    img_size, img_size)
                column.append(Slot(0, MARKER, image_rect.center(), range(n)))
            else:
                head, tail = shown_indices(n)
                entries = [(j, range(0)) for j in head]
                if tail:
                    entries.append((MARKER, range(len(head), n - len(tail))))
                    entries += [(j, range(0)) for j in tail]
                spacing = min(72.0, usable_h / max(len(entries), 1))
                y0 = top + (usable_h - spacing * (len(entries) - 1)) / 2
                for k, (j, hidden) in enumerate(entries):
                    column.append(Slot(l, j, QPointF(xs[l], y0 + k * spacing), hidden))
            slots.append(column)
            labels.append(Label(QPointF(xs[l], 8.0), *texts[l]))
        layout = cls(slots, [], labels, image_rect, _neuron_radius(slots), label_lines,
                     min(180.0, room - 4), min(1.0, max(0.6, (room - 4) / max(needs))))
        layout.edges = layout._edges_of(weights)
        return layout

    def _edges_of(self, weights: Sequence[np.ndarray]) -> list[Edge]:
        """An edge between every two drawn slots of neighbouring columns; one to or from a marker
        carries the mean of the weights it stands for."""
        edges = []
        for l in range(1, len(self.slots)):
            W = weights[l - 1]
            scale = finite_max_abs(W)
            for dst in self.slots[l]:
                for src in self.slots[l - 1]:
                    bundle = dst.index == MARKER or src.index == MARKER
                    if bundle:
                        value = float(W[dst.rows(), src.rows()].mean())  # slices: a view
                    else:
                        value = float(W[dst.index, src.index])
                    edges.append(Edge(l, self.anchor(src, right_side=True),
                                      self.anchor(dst, right_side=False), value, scale, bundle,
                                      dst.index, src.index, dst.size * src.size))
        return edges

    def anchor(self, slot: Slot, right_side: bool) -> QPointF:
        """Where an edge meets a slot: the rim of a neuron, near a marker's middle, the side of
        the input picture."""
        if slot.layer == 0 and self.image_rect is not None:
            r = self.image_rect
            return QPointF(r.right() if right_side else r.left(), r.center().y())
        dx = self.radius if right_side else -self.radius
        return QPointF(slot.pos.x() + (dx if slot.index != MARKER else dx * 0.4), slot.pos.y())

    # ----- reading it ----------------------------------------------------------------------------

    def slot(self, layer: int, j: int) -> Slot:
        """The slot of drawn neuron j of ``layer``."""
        return next(s for s in self.slots[layer] if s.index == j)

    def drawn_neurons(self, layer: int) -> list[int]:
        return [s.index for s in self.slots[layer] if s.index != MARKER]

    def markers(self) -> list[Slot]:
        """The "⋮ N more" markers drawn (the input picture's slot is none)."""
        return [s for c in self.slots for s in c
                if s.index == MARKER and not (s.layer == 0 and self.image_rect is not None)]

    def has_bundles(self) -> bool:
        return any(e.bundle for e in self.edges)

    def reaches(self, index: int, layer: int, j: int) -> bool:
        """Whether the drawn slot ``index`` of ``layer`` is neuron j, or the marker hiding it."""
        if index != MARKER:
            return index == j
        return any(s.index == MARKER and j in s.hidden for s in self.slots[layer])


def _neuron_radius(slots: list[list[Slot]]) -> float:
    """As big as the tightest column allows, within 6–24 pixels."""
    gaps = [abs(c[1].pos.y() - c[0].pos.y()) for c in slots if len(c) > 1]
    return float(np.clip(min(gaps, default=80.0) * 0.36, 6.0, 24.0))
