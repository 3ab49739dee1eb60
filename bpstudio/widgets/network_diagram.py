"""The layered network: neurons coloured by their activation, edges by the sign and size of w.

Big layers stay readable and fast: at most MAX_SHOWN neurons per layer are drawn, the rest stand
behind a "⋮ N more" marker whose edges are aggregated (the mean of the hidden weights), so the
cat network draws a few hundred lines, never 245,760. An image input layer shows the image.
With a 2-D data set every drawn neuron shows its activation over the input plane as a small
heatmap, and a bigger one while the mouse is over it.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen,
                           QStaticText, QTransform)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QToolTip, QWidget

from ..session.network_model import NetworkModel
from ..session.plane_maps import PlaneMaps
from ..session.stepper_model import StepperModel
from .frame_throttle import FrameThrottle
from .palette import (HIGHLIGHT, NEGATIVE, NOT_A_NUMBER, POSITIVE, TIME_CURSOR, diverging,
                      diverging_rgb, finite_max_abs, mix, rgb_image)
from .theme import DEFAULT_THEME, THEMES, Theme

MAX_SHOWN = 10  # neurons drawn per layer; the middle of a bigger layer hides behind a marker
MARKER = -1
NEURON_MAP_SIDE = 25  # a neuron's small heatmap: about this many points a side of the plane's grid
HOVER_MAP_SIZE = 150.0
STEP_COLOURS = {"forward": "#009e73", "cost": "#009e73", "backward": "#cc3d8f", "update": "#7b2cbf"}


@dataclass
class _Slot:
    """One drawn place in a column: a neuron (index ≥ 0) or the marker for hidden ones."""

    layer: int
    index: int  # neuron index (0-based) or MARKER
    pos: QPointF
    hidden: range = range(0)  # for a marker: the neuron indices it stands for

    def rows(self):
        """The index (or slice, for a marker) this slot selects along its layer."""
        return (slice(self.hidden.start, self.hidden.stop) if self.index == MARKER
                else slice(self.index, self.index + 1))


@dataclass
class _Edge:
    layer: int  # the edge belongs to W[layer]
    a: QPointF
    b: QPointF
    value: float
    scale: float
    text: str
    bundle: bool = False  # to or from the "⋮ N more" marker: many weights, drawn apart
    dst: int = MARKER  # the neuron of layer ``layer`` it goes into (MARKER: a bundle's)
    src: int = MARKER  # the neuron of layer ``layer`` − 1 it comes from


def symbol(name: str, index: int | str, layer: int | None = None) -> str:
    """A quantity as the tutorial sets it, index below and [layer] above (z₅^[1]), as rich
    text for a tooltip or a caption."""
    above = "" if layer is None else f"<sup>[{layer}]</sup>"
    return f"<i>{name}</i><sub>{index}</sub>{above}"


def rich(*lines: str) -> str:
    """Lines of rich text a tooltip shows as they are (no wrapping inside a formula)."""
    return "<qt><nobr>" + "<br>".join(lines) + "</nobr></qt>"


def shown_indices(n: int, limit: int = MAX_SHOWN) -> tuple[list[int], list[int]]:
    """(indices drawn before the marker, indices after it); everything when n ≤ limit."""
    if n <= limit:
        return list(range(n)), []
    head = (limit + 1) // 2
    tail = limit - head
    return list(range(head)), list(range(n - tail, n))


class NetworkDiagram(QWidget):
    neuron_selected = Signal(int, int)  # layer, neuron (0-based)
    weight_clicked = Signal(int, int, int)  # layer, j, k (0-based): w_jk^[layer]

    def __init__(self, model: NetworkModel, stepper: StepperModel | None = None,
                 maps: PlaneMaps | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("NetworkDiagram")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(180, 180)
        self.model = model
        self.view = QTransform()  # zoom and pan on top of the fitted layout
        self.selected: tuple[int, int] | None = None
        self.highlight: dict | None = None  # set by the stepper view: layers/edges to mark
        self.explained: tuple | None = None  # an explained number: ("into"/"out of", l, j) or
        # ("weight", l, j, k): its neuron and the edges its sum runs over, marked
        self.previewing = False  # the edges show the stepper's updates, not applied
        self.theme = THEMES[DEFAULT_THEME]
        self._slots: list[list[_Slot]] = []
        self._edges: list[_Edge] = []
        self._labels: list[tuple[QPointF, str, str]] = []
        self._image_rect: QRectF | None = None
        self._image: QImage | None = None
        self._field: tuple[QImage, str] | None = None
        self.maps = maps
        self._neuron_maps: dict[tuple[int, int], QImage] = {}  # (layer, j) → small heatmap
        self._plane_maps: list[np.ndarray] | None = None
        self.hovered: tuple[int, int] | None = None  # the neuron whose big heatmap shows
        self._hover_image: QImage | None = None
        self._drag_from: QPointF | None = None
        self.frames = FrameThrottle(self.refresh_now, self)
        model.parameters_changed.connect(self.frames.request)  # a stream while training
        model.run_state_changed.connect(self.frames.on_run_state)
        for signal in (model.architecture_changed, model.dataset_changed, model.sample.changed):
            signal.connect(self.frames.request_soon)  # edits: drawn at once, whatever the clock
        self.stepper = stepper
        if stepper is not None:
            stepper.step_changed.connect(self._on_step_changed)
        self._set_status_tip()

    def _on_step_changed(self) -> None:
        """Mark what the current step touches: forward green, backward (along Wᵀ) reddish
        purple, updated weights violet."""
        sm = self.stepper
        step = sm.current_step()  # None until someone steps: never lays out an iteration here
        if step is None:
            self.highlight = None
        else:
            lights = step.equation.lights
            layers = set() if lights.neurons is None else {step.layer + lights.neurons}
            edges = set() if lights.edges is None else {step.layer + lights.edges}
            colour = STEP_COLOURS[step.phase]
            column = 0 if sm.mode == "sample" or self.model.sample.picture else self.model.sample.index
            deltas = {k: v[:, column:column + 1] for k, v in sm.stepper.deltas().items()}
            self.highlight = {"layers": layers, "edges": edges, "colour": colour, "delta": deltas}
        # a step is the user's; while training, this comes with every record: the stream's clock
        (self.frames.request if self.model.busy else self.frames.request_soon)()

    # ----- model → view ----------------------------------------------------------------------------

    def _more(self, n: int) -> str:
        return self.tr("⋮ {n} more").format(n=f"{n:,}")

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._set_status_tip()
            self.frames.request_soon()  # labels are laid out with the texts
        super().changeEvent(event)

    def _set_status_tip(self) -> None:
        """How to move around, in the status bar while the mouse is over the diagram (not in
        the picture itself: it is exported for slides)."""
        self.setStatusTip(self.tr("scroll to zoom, drag to pan, double-click to fit"))

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.frames.request_soon()  # after the window's restyle, in a turn of its own

    def sizeHint(self) -> QSize:
        """Room for a few layers of neurons; inside the window's splitters this is what keeps the
        diagram from starting at its minimum beside the equation view."""
        return QSize(640, 480)

    def refresh_now(self) -> None:
        """Lay out and repaint at once; model changes arrive here through the frame throttle."""
        self._layout()
        self.repaint()

    # ----- layout ------------------------------------------------------------------------------------

    def _layout(self) -> None:
        m = self.model
        net, ds = m.shown.network, m.dataset
        x, Zs, As = m.sample.forward()
        preview = self.stepper.preview() if self.stepper is not None else None
        # while stepping, the stepper's updated weights (not applied), else the network's own
        weights = preview[0] if preview is not None else net.weights
        self.previewing = preview is not None
        # a past iteration of the run (the time cursor): said in the banner
        self.past_iteration = net.iterations_trained if net is not m.network else None
        L = net.L
        w, h = max(self.width(), 200), max(self.height(), 200)
        # the legend's three lines, and the "not applied" banner above them while stepping
        banner = preview is not None or self.past_iteration is not None
        bottom = (4.0 + (1.4 if banner else 0.0)) * self.fontMetrics().height() + 8
        # the labels above the columns: a title, then the details on 2 lines, or one item a line
        # when the columns are narrow (the playground beside the diagram at 1024×768)
        fm = self.fontMetrics()
        line = fm.height()
        narrow = (w - 130) / L < 150
        self._label_lines = 4 if narrow else 2
        texts = []
        for l in range(L + 1):
            title = (self.tr("input") if l == 0 else self.tr("output") if l == L
                     else self.tr("layer {l}").format(l=l))
            parts = [f"n[{l}] = {net.dims[l]:,}"] + ([] if l == 0 else [net.activations[l - 1]])
            detail = ("\n" if narrow else " · ").join(parts)
            if l > 0:
                detail += "\n" + self.tr("max |w| {w}").format(w=f"{finite_max_abs(weights[l - 1]):.3g}")
            texts.append((title, detail))
        bold = QFont(self.font())
        bold.setBold(True)
        needs = [max(QFontMetricsF(bold).horizontalAdvance(title),
                     *(fm.horizontalAdvance(t) for t in detail.split("\n"))) + 6
                 for title, detail in texts]
        # room at the sides for the outer columns' labels (the output's "n[4] = 1 · sigmoid" was
        # cut at the edge in the large text of presentation mode)
        left, right = max(40.0, needs[0] / 2 + 4), max(40.0, needs[-1] / 2 + 4)
        top = 8 + 1.4 * line + self._label_lines * line + 8 + 24  # 24: the largest neuron radius
        usable_h = h - top - bottom
        image_input = ds.is_image and ds.input_shape[2] == 3
        img_size = min(180.0, usable_h * 0.6, w * 0.16) if image_input else 0.0
        x0 = left + img_size / 2 if image_input else left
        xs = [x0 + (w - x0 - right) * l / L for l in range(L + 1)]
        # a label may use its column's width, no more: columns too narrow for their labels set
        # them smaller (down to 60 %) rather than let them overlap
        room = (w - x0 - right) / L
        self._label_width = min(180.0, room - 4)
        self._label_scale = min(1.0, max(0.6, (room - 4) / max(needs)))
        self._slots, self._edges, self._labels = [], [], []
        self._image_rect = self._image = None
        for l in range(L + 1):
            n = net.dims[l]
            column: list[_Slot] = []
            if l == 0 and image_input:
                self._image_rect = QRectF(xs[0] - img_size / 2, top + (usable_h - img_size) / 2,
                                          img_size, img_size)
                self._image = rgb_image(x[:, 0].reshape(ds.input_shape))
                column.append(_Slot(0, MARKER, self._image_rect.center(), range(n)))
            else:
                head, tail = shown_indices(n)
                entries = [(j, range(0)) for j in head]
                if tail:
                    entries.append((MARKER, range(len(head), n - len(tail))))
                    entries += [(j, range(0)) for j in tail]
                spacing = min(72.0, usable_h / max(len(entries), 1))
                y0 = top + (usable_h - spacing * (len(entries) - 1)) / 2
                for k, (j, hidden) in enumerate(entries):
                    column.append(_Slot(l, j, QPointF(xs[l], y0 + k * spacing), hidden))
            self._slots.append(column)
            self._labels.append((QPointF(xs[l], 8.0), *texts[l]))
        self._radius = self._neuron_radius()
        for l in range(1, L + 1):
            W = weights[l - 1]
            scale = finite_max_abs(W)
            for dst in self._slots[l]:
                for src in self._slots[l - 1]:
                    bundle = dst.index == MARKER or src.index == MARKER
                    if not bundle:
                        value = float(W[dst.index, src.index])
                        text = rich(f"{symbol('w', f'{dst.index + 1},{src.index + 1}', l)} = "
                                    f"{value:.6g}")
                    else:
                        block = W[dst.rows(), src.rows()]  # slices and indices: a view
                        value = float(block.mean())
                        text = rich(html.escape(self.tr(
                            "mean of {n} weights of W[{l}] (bundle of hidden neurons) = {v}").format(
                                n=f"{block.size:,}", l=l, v=f"{value:.4g}")))
                    a = self._anchor(src, right_side=True)
                    b = self._anchor(dst, right_side=False)
                    self._edges.append(_Edge(l, a, b, value, scale, text, bundle, dst.index,
                                             src.index))
        self._activations = As
        self._zs = Zs
        self._activation_names = tuple(net.activations)
        # the plane's activations as laid out: painting (and the big map) never reads a model
        # that an edit has already changed
        self._plane_maps = self.maps.activations() if self.maps is not None else None
        side = self._plane_maps[0].shape[-1] if self._plane_maps is not None else 1
        self._neuron_maps = self._plane_images(max(1, side // NEURON_MAP_SIDE))
        self._set_hovered(self.hovered)  # its big map from the new activations (or gone)
        if self._field is not None and self.selected is not None:
            self._field = self._weight_image(*self.selected)

    def _plane_images(self, step: int, only: tuple[int, int] | None = None) -> dict:
        """(layer, j) → heatmap of a_j^[l] over the input plane, for the drawn neurons (or
        ``only`` one), from every ``step``-th grid point. Sigmoid units on 2a − 1 like the output
        view, the others on ±max |a| of their layer; empty without a 2-D data set."""
        maps = self._plane_maps
        if maps is None:
            return {}
        images = {}
        for l, column in enumerate(self._slots):
            wanted = [s.index for s in column if s.index != MARKER
                      and (only is None or only == (l, s.index))]
            if not wanted:
                continue
            A = maps[l][:, ::step, ::step]
            if l > 0 and self._activation_names[l - 1] == "sigmoid":
                values, scale = 2.0 * A - 1.0, 1.0
            else:
                values, scale = A, finite_max_abs(A) or 1.0
            for j in wanted:
                images[(l, j)] = rgb_image(diverging_rgb(values[j], scale))
        return images

    def _neuron_radius(self) -> float:
        gaps = [abs(c[1].pos.y() - c[0].pos.y()) for c in self._slots if len(c) > 1]
        return float(np.clip(min(gaps, default=80.0) * 0.36, 6.0, 24.0))

    def _anchor(self, slot: _Slot, right_side: bool) -> QPointF:
        if slot.layer == 0 and self._image_rect is not None:
            r = self._image_rect
            return QPointF(r.right() if right_side else r.left(), r.center().y())
        dx = self._radius if right_side else -self._radius
        return QPointF(slot.pos.x() + (dx if slot.index != MARKER else dx * 0.4), slot.pos.y())

    # ----- painting -----------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        if not self._slots:
            self._layout()
        p = QPainter(self)
        self._paint_network(p)
        self._paint_legend(p)
        self._paint_remarks(p)
        if self._hover_image is not None:
            self._paint_hovered_map(p)
        p.end()

    def _paint_network(self, p: QPainter) -> None:
        """Edges, neurons, the image input and the layer labels: the picture itself."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        p.setTransform(self.view)
        hl = self.highlight or {}
        background = self.palette().base().color()
        # opaque colours mixed toward the background instead of alpha: Qt's raster engine blends
        # antialiased wide lines 15× slower (52 ms instead of 3 for 130 lines); weak edges go
        # first so strong ones stay on top
        for t, e in sorted(((_strength(e), e) for e in self._edges), key=lambda pair: pair[0]):
            p.setPen(self._edge_pen(e, t, background, hl))
            p.drawLine(e.a, e.b)
        explained_pen = QPen(self.palette().text().color(), 3.0 * self.theme.line_scale)
        for e in self._edges:  # on top: the edges the explained number's sum runs over
            if self._is_explained(e):
                p.setPen(explained_pen)
                p.drawLine(e.a, e.b)
        if self._image is not None:
            p.drawImage(self._image_rect, self._image)
            p.setPen(QPen(self.palette().text().color(), 1))
            p.drawRect(self._image_rect)
        text_colour = self.palette().text().color()
        r = self._radius
        font = QFont(self.font())
        for l, column in enumerate(self._slots):
            a_vals = self._activations[l][:, 0]
            scale = finite_max_abs(a_vals) or 1.0
            if l > 0 and self._activation_names[l - 1] == "sigmoid":
                scale = 1.0
            for slot in column:
                if slot.index == MARKER:
                    if l == 0 and self._image_rect is not None:
                        continue
                    p.setFont(self.font())  # the neurons' numbers are set smaller
                    words = self._more(len(slot.hidden))
                    width = p.fontMetrics().horizontalAdvance(words) + 10
                    box = QRectF(slot.pos.x() - width / 2, slot.pos.y() - p.fontMetrics().height() / 2 - 2,
                                 width, p.fontMetrics().height() + 4)
                    p.setPen(QPen(text_colour, 1))
                    p.setBrush(self.palette().base())  # the edges pass behind it, not through it
                    p.drawRoundedRect(box, 4, 4)
                    p.drawText(box, Qt.AlignmentFlag.AlignCenter, words)
                    continue
                value = float(a_vals[slot.index])
                fill = diverging(value, scale or 1.0)
                border = QColor(text_colour)
                pen_w = 1.2 * self.theme.line_scale
                if self.selected == (l, slot.index):
                    border, pen_w = QColor("#7b2cbf"), 3.0
                if l in hl.get("layers", set()):
                    border, pen_w = QColor(hl.get("colour", "#7b2cbf")), 3.5
                if self._explained_neuron() == (l, slot.index):
                    p.setPen(QPen(QColor(HIGHLIGHT), 5.0))
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawEllipse(slot.pos, r + 4, r + 4)
                p.setPen(QPen(border, pen_w))
                p.setBrush(fill)
                p.drawEllipse(slot.pos, r, r)
                heat = self._neuron_maps.get((l, slot.index))
                if heat is not None:  # its activation over the plane instead of one sample's
                    circle = QPainterPath()
                    circle.addEllipse(slot.pos, r - pen_w / 2, r - pen_w / 2)
                    p.save()
                    p.setClipPath(circle)
                    p.drawImage(QRectF(slot.pos.x() - r, slot.pos.y() - r, 2 * r, 2 * r), heat)
                    p.restore()
                    continue
                if r >= 14:
                    font.setPointSizeF(max(6.0, r * 0.42))
                    p.setFont(font)
                    p.setPen(QColor("#ffffff") if abs(value) / (scale or 1) > 0.6 else QColor("#202020"))
                    p.drawText(QRectF(slot.pos.x() - r, slot.pos.y() - r, 2 * r, 2 * r),
                               Qt.AlignmentFlag.AlignCenter, f"{value:.2f}")
        p.setFont(self.font())
        p.setPen(text_colour)
        small = QFont(self.font())
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * self._label_scale)
        else:  # a size in pixels (a style sheet's)
            small.setPixelSize(max(1, round(small.pixelSize() * self._label_scale)))
        bold = QFont(small)
        bold.setBold(True)
        line = self.fontMetrics().height()  # the lines keep their height: the layout counts them
        for pos, title, detail in self._labels:
            p.setFont(bold)
            lw = self._label_width
            p.drawText(QRectF(pos.x() - lw / 2, pos.y(), lw, 1.4 * line), Qt.AlignmentFlag.AlignCenter,
                       title)
            p.setFont(small)
            p.drawText(QRectF(pos.x() - lw / 2, pos.y() + 1.4 * line, lw, self._label_lines * line),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                       | Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextDontClip, detail)
        p.setFont(self.font())
        p.resetTransform()

    def _paint_remarks(self, p: QPainter) -> None:
        """What the user chose to see with the network: the stepped update's banner (or the past
        iteration's), the clicked neuron's weights as an image."""
        if self.previewing or self.past_iteration is not None:
            self._paint_preview_banner(p)
        if self._field is not None:
            self._paint_field(p)

    def _edge_pen(self, e: _Edge, t: float, background: QColor, hl: dict) -> QPen:
        """Blue for w > 0, orange for w < 0, grey for w = 0; the larger |w| / max |w| of its
        layer, the wider and the stronger in colour. A bundle's edges stand for many weights at
        once: dashed grey, so their mean is never read as a weak weight."""
        if e.layer in hl.get("edges", set()):
            return QPen(QColor(hl.get("colour", "#7b2cbf")),
                        (0.6 + 4.4 * t) * self.theme.line_scale + 1.5)
        if e.bundle:
            pen = QPen(mix(background, self.palette().text().color(), 0.45),
                       1.2 * self.theme.line_scale)
            pen.setStyle(Qt.PenStyle.DashLine)
            return pen
        if not math.isfinite(e.value):
            colour = QColor(NOT_A_NUMBER)
        elif e.value == 0:
            colour = mix(background, self.palette().text().color(), self.theme.weakest_edge)
        else:
            weakest = self.theme.weakest_edge
            colour = mix(background, POSITIVE if e.value > 0 else NEGATIVE,
                         weakest + (1 - weakest) * t)
        return QPen(colour, (0.6 + 4.4 * t) * self.theme.line_scale)

    def set_explained(self, marks: tuple | None) -> None:
        if marks != self.explained:
            self.explained = marks
            self.update()

    def _explained_neuron(self) -> tuple[int, int] | None:
        e = self.explained
        return (e[1], e[2]) if e is not None and e[0] in ("into", "out of") else None

    def _is_explained(self, e: _Edge) -> bool:
        """Into neuron j (a weighted input's sum), out of it (an error flowing back), or the one
        weight; an edge of a bundle stands for the hidden neurons' weights too."""
        x = self.explained
        if x is None:
            return False
        kind, l, j = x[:3]
        if kind == "into":
            return e.layer == l and self._reaches(e.dst, l, j)
        if kind == "out of":
            return e.layer == l + 1 and self._reaches(e.src, l, j)
        return e.layer == l and self._reaches(e.dst, l, j) and self._reaches(e.src, l - 1, x[3])

    def _reaches(self, index: int, layer: int, j: int) -> bool:
        """Whether the drawn slot ``index`` of ``layer`` is neuron j, or the marker hiding it."""
        if index != MARKER:
            return index == j
        return any(s.index == MARKER and j in s.hidden for s in self._slots[layer])

    def preview_words(self) -> str:
        return self.tr("stepping: the weights drawn are the stepped update, not applied to the "
                       "network")

    def past_words(self) -> str:
        return self.tr("past: iteration {i}").format(
            i=f"{self.past_iteration:,}")

    def _paint_preview_banner(self, p: QPainter) -> None:
        """Boxed, in the update's colour: the weights on screen are a what-if (or, in the time
        cursor's colour, a past iteration's)."""
        fm = p.fontMetrics()
        words = [w for w, on in ((self.past_words, self.past_iteration is not None),
                                 (self.preview_words, self.previewing)) if on]
        text = fm.elidedText(" · ".join(w() for w in words), Qt.TextElideMode.ElideRight,
                             self.width() - 32)
        box = QRectF(8, self.height() - 4.4 * fm.height() - 12, fm.horizontalAdvance(text) + 16,
                     fm.height() + 8)  # just above the legend
        p.fillRect(box, QColor(STEP_COLOURS["update"] if self.previewing else TIME_CURSOR))
        p.setPen(QColor("#ffffff"))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def hover_map_rect(self) -> QRectF:
        """Where the hovered neuron's big heatmap goes: right of it, or left near the edge."""
        size = HOVER_MAP_SIZE
        at = self.neuron_pos(*self.hovered)
        x = at.x() + self._radius + 12
        if x + size > self.width() - 4:
            x = at.x() - self._radius - 12 - size
        y = min(max(4.0, at.y() - size / 2), self.height() - size - 24)
        return QRectF(x, y, size, size)

    def _paint_hovered_map(self, p: QPainter) -> None:
        """The hovered neuron's heatmap, big, beside it (inside the widget)."""
        l, j = self.hovered
        rect = self.hover_map_rect()
        x, y, size = rect.x(), rect.y(), rect.width()
        p.fillRect(rect.adjusted(-4, -4, 4, 22), self.palette().window())
        p.drawImage(rect, self._hover_image)
        p.setPen(QPen(self.palette().text().color(), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)  # the last neuron's fill is still set
        p.drawRect(rect)
        name = symbol("x", j + 1) if l == 0 else symbol("a", j + 1, l)
        # one line: rich text would wrap at the first space past an arbitrary width
        caption = QStaticText("<nobr>" + self.tr("{name} over the plane").format(name=name)
                              + "</nobr>")
        caption.setTextFormat(Qt.TextFormat.RichText)
        caption.prepare(QTransform(), p.font())
        width = caption.size().width()
        p.drawStaticText(QPointF(x + (size - width) / 2, y + size + 2), caption)

    def _legend_samples(self) -> list[tuple[QPen, str]]:
        """The legend's line samples: the edges' colours (and the bundles' dashes)."""
        text = self.palette().text().color()
        background = self.palette().base().color()
        samples = [(QPen(POSITIVE, 4), "w > 0"), (QPen(NEGATIVE, 4), "w < 0"),
                   (QPen(mix(background, text, self.theme.weakest_edge), 2), "w = 0")]
        if any(e.bundle for e in self._edges):
            bundle = QPen(mix(background, text, 0.45), 1.5)
            bundle.setStyle(Qt.PenStyle.DashLine)
            samples.append((bundle, self._bundle_words()))
        return samples

    def _paint_sample(self, p: QPainter, pen: QPen, label: str, x: float, y: float) -> float:
        """One line sample and its words at (x, y); the x after it."""
        fm = p.fontMetrics()
        p.setPen(pen)
        p.drawLine(QPointF(x, y), QPointF(x + 30, y))
        p.setPen(self.palette().text().color())
        p.drawText(QPointF(x + 36, y + fm.ascent() / 2 - 1), label)
        return x + 46 + fm.horizontalAdvance(label)

    def _paint_legend(self, p: QPainter) -> None:
        """Three lines at the bottom: what the colours mean, what width and colour strength
        mean, and which sample is shown; each elided to the width, never over the edge, on the
        background's colour: an edge panned under it never runs through its words."""
        fm = p.fontMetrics()
        line = fm.height()
        top = self.legend_top()
        y = top + 0.6 * line
        p.fillRect(QRectF(0, top, self.width(), self.height() - top), self.palette().base())
        x = 12.0
        for pen, label in self._legend_samples():
            if x + 36 + fm.horizontalAdvance(label) > self.width():
                break
            x = self._paint_sample(p, pen, label, x, y)
        p.setPen(self.palette().text().color())
        for k, words in enumerate(self.legend_texts()[1:], start=1):
            p.drawText(QPointF(12.0, y + k * 1.1 * line + fm.ascent() / 2),
                       fm.elidedText(words, Qt.TextElideMode.ElideRight, self.width() - 24))

    def legend_top(self) -> float:
        """Where the legend's band begins, at the bottom of the widget (the layout keeps the
        network above it)."""
        return self.height() - 3.8 * self.fontMetrics().height()

    def _full_legend(self, p: QPainter | None, top: float, width: float) -> float:
        """The whole legend below the picture, wrapped to ``width`` instead of elided (slides,
        print); its height. Without a painter it is only measured."""
        fm = QFontMetricsF(self.font())
        line = fm.height()
        y, x = top + line, 12.0
        for pen, label in self._legend_samples():
            if x > 12 and x + 36 + fm.horizontalAdvance(label) > width - 12:
                x, y = 12.0, y + 1.2 * line  # the next row
            if p is None:
                x += 46 + fm.horizontalAdvance(label)
            else:
                x = self._paint_sample(p, pen, label, x, y)
        y += 0.6 * line
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        for words in self.legend_texts(printed=True)[1:]:
            box = fm.boundingRect(QRectF(12, y, width - 24, 100 * line), flags, words)
            if p is not None:
                p.setPen(self.palette().text().color())
                p.drawText(box, flags, words)
            y += box.height() + 0.2 * line
        return y + 0.4 * line - top

    def _bundle_words(self) -> str:
        return self.tr("to/from the hidden neurons (their mean w)")

    def legend_texts(self, printed: bool = False) -> list[str]:
        """The legend's three lines as a user reads them (the first: the line samples');
        ``printed``: for an export, without what only the mouse does."""
        samples = ["w > 0", "w < 0", "w = 0"]
        if any(e.bundle for e in self._edges):
            samples.append(self._bundle_words())
        neurons = (self.tr("neuron colour: its activation a for the current sample")
                   if not self._neuron_maps else
                   self.tr("each neuron: its activation over the input plane") if printed else
                   self.tr("each neuron: its activation over the input plane (bigger under the "
                           "mouse)"))
        return ["  ".join(samples),
                self.tr("the larger |w| / max |w| of its layer (under each layer), the wider and "
                        "stronger the line"),
                neurons + " · " + self.tr("current sample: {name}").format(
                    name=self.model.sample.name())]

    def _weight_image(self, layer: int, j: int) -> tuple[QImage, str]:
        W = self.model.shown.network.weights[0][j]
        shape = self.model.dataset.input_shape
        span = float(np.abs(W).max()) or 1.0
        img = rgb_image((W.reshape(shape) / span + 1) / 2)
        return img, self.tr("W[1] row {j} as {shape}: what neuron {j} of layer 1 looks for (grey 0, "
                            "bright +, dark −)").format(j=j + 1, shape="×".join(map(str, shape)))

    def _paint_field(self, p: QPainter) -> None:
        img, caption = self._field
        size = min(220.0, self.height() * 0.35)
        rect = QRectF(self.width() - size - 16, 16, size, size)
        p.fillRect(rect.adjusted(-6, -6, 6, 46), self.palette().window())
        p.drawImage(rect, img)
        p.setPen(self.palette().text().color())
        p.drawText(QRectF(rect.left() - 4, rect.bottom() + 2, size + 8, 44),
                   Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter, caption)

    # ----- hit testing, hover and clicks --------------------------------------------------------------

    def _to_scene(self, pos: QPointF) -> QPointF:
        inverse, _ = self.view.inverted()
        return inverse.map(QPointF(pos))

    def item_at(self, pos: QPointF) -> tuple[str, object] | None:
        """("neuron", (layer, j)), ("edge", _Edge), ("marker", _Slot) or None at widget pos."""
        s = self._to_scene(pos)
        r = self._radius
        for column in self._slots:
            for slot in column:
                d = slot.pos - s
                if slot.index != MARKER and d.x() ** 2 + d.y() ** 2 <= (r + 2) ** 2:
                    return "neuron", (slot.layer, slot.index)
                if slot.index == MARKER and abs(d.x()) < 60 and abs(d.y()) < r:
                    return "marker", slot
        best, best_d = None, 5.0 / max(self.view.m11(), 1e-6)
        for e in self._edges:
            d = _segment_distance(s, e.a, e.b)
            if d < best_d:
                best, best_d = e, d
        return ("edge", best) if best is not None else None

    def tooltip_at(self, pos: QPointF) -> str:
        hit = self.item_at(pos)
        if hit is None:
            return ""
        kind, what = hit
        if kind == "edge":
            return what.text
        if kind == "marker":
            return self.tr("{n} neurons of layer {l} not drawn").format(
                n=f"{len(what.hidden):,}", l=what.layer)
        l, j = what
        a = float(self._activations[l][j, 0])
        if l == 0:
            return rich(f"{symbol('x', j + 1)} = {symbol('a', j + 1, 0)} = {a:.6g}")
        z = float(self._zs[l - 1][j, 0])
        lines = [f"{symbol('z', j + 1, l)} = {z:.6g}", f"{symbol('a', j + 1, l)} = {a:.6g}"]
        delta = (self.highlight or {}).get("delta", {}).get(l)
        if delta is not None:
            lines.append(f"{symbol('δ', j + 1, l)} = {symbol('dz', j + 1, l)} = "
                         f"{float(delta[j, 0]):.6g}")
        if l == 1 and self.model.dataset.is_image:
            lines.append(html.escape(self.tr("click: see its weights as an image")))
        return rich(*lines)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        if self._drag_from is not None:
            d = pos - self._drag_from
            self._drag_from = pos
            self.view = self.view * QTransform.fromTranslate(d.x(), d.y())
            self.update()
            return
        hit = self.item_at(pos)
        hovered = hit[1] if hit is not None and hit[0] == "neuron" else None
        if hovered != self.hovered:
            self._set_hovered(hovered)
            if self._neuron_maps:
                self.update()
        text = self.tooltip_at(pos)
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    def _set_hovered(self, neuron: tuple[int, int] | None) -> None:
        """The neuron under the mouse and its big heatmap, made here, not in paintEvent."""
        self.hovered = neuron
        self._hover_image = (self._plane_images(1, only=neuron).get(neuron)
                             if neuron in self._neuron_maps else None)

    def leaveEvent(self, event) -> None:
        if self.hovered is not None:
            self._set_hovered(None)
            self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.item_at(event.position())
        if hit and hit[0] == "neuron":
            l, j = hit[1]
            self.selected = (l, j)
            self._field = self._weight_image(l, j) if l == 1 and self.model.dataset.is_image else None
            self.neuron_selected.emit(l, j)
            self.update()
            return
        if hit and hit[0] == "edge" and not hit[1].bundle:
            e = hit[1]
            self.weight_clicked.emit(e.layer, e.dst, e.src)
            return
        if self._field is not None:
            self._field, self.selected = None, None
            self.update()
        self._drag_from = event.position()

    def mouseReleaseEvent(self, event) -> None:
        self._drag_from = None

    def mouseDoubleClickEvent(self, event) -> None:
        self.fit_to_window()

    def wheelEvent(self, event) -> None:
        factor = 1.15 ** (event.angleDelta().y() / 120)
        self.zoom(factor, event.position())

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom(0.8)
        elif key == Qt.Key.Key_F:
            self.fit_to_window()
        else:
            super().keyPressEvent(event)

    def zoom(self, factor: float, around: QPointF | None = None) -> None:
        c = around if around is not None else QPointF(self.width() / 2, self.height() / 2)
        scale = self.view.m11() * factor
        if not 0.2 <= scale <= 20:
            return
        self.view = self.view * QTransform.fromTranslate(-c.x(), -c.y()) * \
            QTransform.fromScale(factor, factor) * QTransform.fromTranslate(c.x(), c.y())
        self.update()

    def fit_to_window(self) -> None:
        self.view = QTransform()
        self.update()

    def resizeEvent(self, event) -> None:
        self._layout()
        super().resizeEvent(event)

    # ----- pictures out ------------------------------------------------------------------------------

    def export_size(self) -> QSizeF:
        """The exported picture in the widget's pixels: the view as it is on screen, with the
        whole legend in the band where the screen shows it elided (as tall as it needs)."""
        top = self.legend_top()
        return QSizeF(self.width(), top + self._full_legend(None, top, self.width()))

    def _paint_export(self, p: QPainter) -> None:
        """For slides and print: the network, the whole legend, the user's remarks; none of the
        mouse's (the hovered neuron's big map, tooltips)."""
        top = self.legend_top()
        p.fillRect(QRectF(QPointF(0, 0), self.export_size()), self.palette().base())
        p.save()
        p.setClipRect(QRectF(0, 0, self.width(), top))  # a panned network stays above the legend
        self._paint_network(p)
        p.restore()
        p.setFont(self.font())
        self._full_legend(p, top, self.width())
        self._paint_remarks(p)

    def export_image(self, scale: float = 2.0) -> QImage:
        """The picture at ``scale`` × the screen's pixels (a 1 × 1 px line is ``scale`` px)."""
        self._layout()
        ratio = scale * self.devicePixelRatioF()
        size = self.export_size()
        image = QImage(math.ceil(size.width() * ratio), math.ceil(size.height() * ratio),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(self.palette().base().color())
        p = QPainter(image)
        p.setFont(self.font())
        self._paint_export(p)
        p.end()
        return image

    def export_png(self, path: str, scale: float = 2.0) -> bool:
        return self.export_image(scale).save(path, "PNG")

    def export_svg(self, path: str) -> bool:
        """The diagram as vector graphics, drawn as the PNG is."""
        self._layout()
        size = self.export_size()
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(size.toSize())
        generator.setViewBox(QRectF(QPointF(0, 0), size))
        generator.setTitle("BP Studio network diagram")
        p = QPainter(generator)
        p.setFont(self.font())
        self._paint_export(p)
        p.end()
        return True

    # ----- for tests and the accessibility tree ---------------------------------------------------------

    def layer_labels(self) -> list[str]:
        """Each column's title, size and activation as one line (without its max |w| line)."""
        return [f"{title}: " + " · ".join(detail.splitlines()[:None if l == 0 else -1])
                for l, (_, title, detail) in enumerate(self._labels)]

    def drawn_neurons(self, layer: int) -> list[int]:
        return [s.index for s in self._slots[layer] if s.index != MARKER]

    def marker_texts(self) -> list[str]:
        return [self._more(len(s.hidden)) for c in self._slots for s in c
                if s.index == MARKER and not (s.layer == 0 and self._image_rect is not None)]

    def neuron_pos(self, layer: int, j: int) -> QPointF:
        """Widget coordinates of a drawn neuron."""
        slot = next(s for s in self._slots[layer] if s.index == j)
        return self.view.map(slot.pos)

    def edge_count(self) -> int:
        return len(self._edges)


def _strength(e: _Edge) -> float:
    """|w| / max |w| of the layer, 0 for a NaN weight."""
    return abs(e.value) / e.scale if e.scale > 0 and math.isfinite(e.value) else 0.0


def _segment_distance(p: QPointF, a: QPointF, b: QPointF) -> float:
    ab = b - a
    length2 = ab.x() ** 2 + ab.y() ** 2
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p - a).x() * ab.x() + (p - a).y() * ab.y()) / length2))
    q = a + ab * t
    return float(np.hypot(p.x() - q.x(), p.y() - q.y()))
