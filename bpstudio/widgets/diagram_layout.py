"""Where the diagram's parts go: columns, neurons, the "⋮ N more" bundles, edges and labels,
from the network's layer sizes and weights and the widget's size. Nothing here paints.

Big layers stay readable and fast: at most MAX_SHOWN neurons per layer are placed, the rest stand
behind a marker whose edges are aggregated (the mean of the hidden weights), so the cat network
has a few hundred edges, never 245,760.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple, Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF

from .palette import finite_max_abs

MAX_SHOWN = 10  # neurons drawn per layer; the middle of a bigger layer hides behind a marker
# the least distance between two drawn neurons' centres: a diagram squeezed low (beside the
# steps at 1024×768, a twin beside it) shows fewer of a column's neurons, never neurons on
# top of each other and of the marker
LEAST_SPACING = 14.0
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
    """A column's label: its title, and the details under it, one item a line."""

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


@dataclass(frozen=True)
class PlacedText:
    """One line of a column's label as drawn: its text and the room it has (its column's, never
    a neighbour's, inside the widget); ``bold``: the title's font, else the details'."""

    rect: QRectF
    text: str
    bold: bool


LABEL_GAP = 6.0  # px at least between two columns' labels, and from a label to the widget's edge
SMALLEST_LABEL = 0.6  # of the font: labels set smaller than this are not read; they are cut
ELLIPSIS = "…"


def _scaled(font: QFont, scale: float, bold: bool = False) -> QFont:
    out = QFont(font)
    if out.pointSizeF() > 0:
        out.setPointSizeF(out.pointSizeF() * scale)
    else:  # a size in pixels (a style sheet's)
        out.setPixelSize(max(1, round(out.pixelSize() * scale)))
    out.setBold(bold or font.bold())
    return out


def _wrapped(text: str, fm: QFontMetricsF, width: float) -> list[str]:
    """``text`` broken at its spaces into lines no wider than ``width`` where it can; a word
    wider than that stays whole (the caller cuts it)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and fm.horizontalAdvance(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


class _Words:
    """The columns' labels set one way: a font scale, and how the details break."""

    def __init__(self, columns: Sequence[ColumnText], font: QFont, scale: float, how: str):
        self.scale, self.how = scale, how
        self.detail_font = _scaled(font, scale)
        self.title_font = _scaled(font, scale, bold=True)
        self.fm, self.bold_fm = QFontMetricsF(self.detail_font), QFontMetricsF(self.title_font)
        self.columns = columns

    def lines(self, c: ColumnText, width: float = math.inf) -> tuple[list[str], list[str]]:
        """(title lines, detail lines) of column ``c`` in ``width`` px."""
        items = [" · ".join(c.items)] if self.how == "joined" else list(c.items)
        details = items + ([c.last] if c.last else [])
        if self.how not in ("wrapped", "cut"):
            return [c.title], details
        titles = _wrapped(c.title, self.bold_fm, width)
        details = [part for d in details for part in _wrapped(d, self.fm, width)]
        if self.how == "cut":  # a word wider than its room: cut, and said to be (…)
            titles = [self.cut(t, self.bold_fm, width) for t in titles]
            details = [self.cut(d, self.fm, width) for d in details]
        return [t for t in titles if t], [d for d in details if d]

    @staticmethod
    def cut(text: str, fm: QFontMetricsF, width: float) -> str:
        if fm.horizontalAdvance(text) <= width:
            return text
        short = fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return "" if short in ("", ELLIPSIS) else short  # nothing readable left: dropped

    def widest(self, c: ColumnText, width: float = math.inf) -> float:
        titles, details = self.lines(c, width)
        return max([self.bold_fm.horizontalAdvance(t) for t in titles]
                   + [self.fm.horizontalAdvance(d) for d in details], default=0.0)


# the ways to set the labels, most readable first: the first with which every line fits its
# column is taken (the last always fits: it cuts what does not)
NARROWEST = 100.0  # px: a diagram is laid out at least this wide (its widget's minimum is more)
_SETTINGS = ([("joined", s) for s in (1.0, 0.9)] + [("one a line", s) for s in (1.0, 0.9, 0.8)]
             + [("wrapped", s) for s in (0.9, 0.8, 0.7, SMALLEST_LABEL)]
             + [("cut", SMALLEST_LABEL)])


@dataclass
class DiagramLayout:
    slots: list[list[Slot]]  # per layer, top to bottom
    edges: list[Edge]
    labels: list[Label]
    image_rect: QRectF | None  # the input column as a picture (an image data set)
    radius: float  # of a neuron
    label_lines: int  # the most detail lines a label has
    label_width: float  # the room of a label between two others: its column's less a gap
    label_scale: float  # the labels' text size (≤ 1): narrow columns set them smaller
    texts: list[list[PlacedText]] = field(default_factory=list)  # per column, as drawn
    title_font: QFont = field(default_factory=QFont)  # the labels' fonts, at label_scale
    detail_font: QFont = field(default_factory=QFont)
    column_room: float = 0.0  # px between two neighbouring columns
    # the least height that keeps three places a column (a neuron, "⋮ N more", a neuron) apart
    # under these labels and above the legend
    least_height: float = 0.0

    @classmethod
    def build(cls, dims: Sequence[int], weights: Sequence[np.ndarray], width: float,
              height: float, font: QFont, columns: Sequence[ColumnText],
              image_input: bool = False, banner: bool = False,
              captions: bool = True) -> DiagramLayout:
        """The layout of a network with layer sizes ``dims`` and ``weights`` (W[l] is
        (n[l], n[l-1])) in a ``width`` × ``height`` widget whose text is set in ``font``;
        ``image_input``: the input column is the sample's picture; ``banner``: a line above the
        legend says the weights are not the network's own."""
        L = len(dims) - 1
        # laid out in the width there is (a twin's diagram beside the window's and the output
        # plane at 1024 px is 130–160 px): drawn wider, its right-hand columns were cut off
        w, h = max(width, NARROWEST), max(height, 150)
        line = QFontMetrics(font).height()
        # the legend's three lines, and the banner above them
        bottom = ((4.0 if captions else 1.8) + (1.4 if banner else 0.0)) * line + 8
        for how, scale in _SETTINGS:
            words = _Words(columns, font, scale, how)
            xs, room, rooms = cls._columns(w, h, bottom, line, L, image_input,
                                           [words.widest(c) for c in columns])
            if how == "cut" or all(words.widest(c, r) <= r for c, r in zip(columns, rooms)):
                break
        placed = [cls._placed(words, c, x, r) for c, x, r in zip(columns, xs, rooms)]
        label_bottom = max((t.rect.bottom() for column in placed for t in column), default=8.0)
        top = label_bottom + 8 + 24  # 24: the largest neuron radius
        usable_h = h - top - bottom
        img_size = min(cls._image_size(w, h, bottom, line, image_input), max(usable_h, 0.0))
        slots, labels, image_rect = [], [], None
        for l in range(L + 1):
            n = dims[l]
            column: list[Slot] = []
            if l == 0 and image_input:
                image_rect = QRectF(xs[0] - img_size / 2, top + (usable_h - img_size) / 2,
                                    img_size, img_size)
                column.append(Slot(0, MARKER, image_rect.center(), range(n)))
            else:
                fit = max(3, int(usable_h // LEAST_SPACING))  # places in the column
                head, tail = shown_indices(n, MAX_SHOWN if n <= fit else min(MAX_SHOWN, fit - 1))
                entries = [(j, range(0)) for j in head]
                if tail:
                    entries.append((MARKER, range(len(head), n - len(tail))))
                    entries += [(j, range(0)) for j in tail]
                spacing = min(72.0, usable_h / max(len(entries), 1))
                y0 = top + (usable_h - spacing * (len(entries) - 1)) / 2
                for k, (j, hidden) in enumerate(entries):
                    column.append(Slot(l, j, QPointF(xs[l], y0 + k * spacing), hidden))
            slots.append(column)
            c = columns[l]
            labels.append(Label(QPointF(xs[l], 8.0), c.title,
                                "\n".join(c.items + ((c.last,) if c.last else ()))))
        layout = cls(slots, [], labels, image_rect, _neuron_radius(slots, room),
                     max(sum(not t.bold for t in column) for column in placed),
                     room - LABEL_GAP, words.scale, placed, words.title_font, words.detail_font,
                     room)
        layout.edges = layout._edges_of(weights)
        layout.least_height = top + bottom + 3 * LEAST_SPACING
        return layout

    @staticmethod
    def _image_size(w: float, h: float, bottom: float, line: float, image_input: bool) -> float:
        """The input picture's side: from the room below a two-line label (it does not depend
        on how the labels are set, so the columns do not move with them)."""
        if not image_input:
            return 0.0
        usable_h = h - bottom - (8 + 3.4 * line + 8 + 24)
        return max(0.0, min(180.0, usable_h * 0.6, w * 0.16))

    @classmethod
    def _columns(cls, w: float, h: float, bottom: float, line: float, L: int, image_input: bool,
                 needs: list[float]) -> tuple[list[float], float, list[float]]:
        """The columns' x, the room between two of them, and each label's room: its column's
        less a gap, and at the sides no further than the widget's edge."""
        img_size = cls._image_size(w, h, bottom, line, image_input)
        # room at the sides for the outer columns' labels (the output's "n[4] = 1 · sigmoid" was
        # cut at the edge in the large text of presentation mode), at most a fifth of the width
        left = min(max(40.0, needs[0] / 2 + LABEL_GAP), w / 5)
        right = min(max(40.0, needs[-1] / 2 + LABEL_GAP), w / 5)
        x0 = max(left, img_size / 2 + 12) if image_input else left
        room = (w - x0 - right) / L
        xs = [x0 + room * l for l in range(L + 1)]
        rooms = [room - LABEL_GAP] * (L + 1)
        rooms[0] = min(rooms[0], 2 * (xs[0] - LABEL_GAP))
        rooms[-1] = min(rooms[-1], 2 * (w - xs[-1] - LABEL_GAP))
        return xs, room, [min(180.0, max(r, 1.0)) for r in rooms]

    @staticmethod
    def _placed(words: _Words, c: ColumnText, x: float, room: float) -> list[PlacedText]:
        """Column ``c``'s lines, top to bottom from y = 8, each centred over its column."""
        titles, details = words.lines(c, room)
        out, y = [], 8.0
        title_h, detail_h = words.bold_fm.height(), words.fm.lineSpacing()
        for t in titles:
            out.append(PlacedText(QRectF(x - room / 2, y, room, title_h), t, True))
            y += title_h
        y += 0.3 * title_h  # a little air under the title
        for d in details:
            out.append(PlacedText(QRectF(x - room / 2, y, room, detail_h), d, False))
            y += detail_h
        return out

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


def _neuron_radius(slots: list[list[Slot]], room: float) -> float:
    """As big as the tightest column allows, within 4–24 pixels, and no wider than 4/5 of the
    room between two columns (a narrow diagram's neurons do not cover each other's edges)."""
    gaps = [abs(c[1].pos.y() - c[0].pos.y()) for c in slots if len(c) > 1]
    return float(np.clip(min(min(gaps, default=80.0) * 0.36, room * 0.4), 4.0, 24.0))
