"""The layered network: neurons coloured by their activation, edges by the sign and size of w.

Big layers stay readable and fast: at most ten neurons per layer are drawn, the rest stand
behind a "⋮ N more" marker whose edges are aggregated (the mean of the hidden weights), so the
cat network draws a few hundred lines, never 245,760. An image input layer shows the image.
With a 2-D data set every drawn neuron shows its activation over the input plane as a small
heatmap, and a bigger one while the mouse is over it.

This widget reads the models and says things in words (translated here); its
parts each do one job: diagram_layout places, diagram_painter paints the network,
diagram_legend the legend, diagram_marks what is marked and the remarks over it, diagram_hits
finds what is under the mouse, diagram_pointer answers it, diagram_zoom zooms and pans,
diagram_export makes pictures.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget

from ..core import iterations
from ..session.messages import translated
from ..session.network_model import NetworkModel
from ..session.plane_maps import PlaneMaps
from ..session.stepper_model import StepperModel
from .diagram_export import DiagramPicture
from .picture_file import write_image
from .diagram_hits import item_at
from .diagram_focus import DiagramFocus
from .diagram_pointer import DiagramPointer
from .diagram_keys import Focus, paint_focus, paint_focus_frame, still_there
from .diagram_layout import ColumnText, DiagramLayout, Edge, shown_indices
from .diagram_legend import DiagramLegend, top_of_legend
from .diagram_marks import (DiagramMarks, big_map_rect, paint_banner, paint_field,
                            paint_hovered_map, step_marks)
from .diagram_painter import NetworkPainter
from .diagram_scene import DiagramScene
from .diagram_speech import rich, symbol
from .diagram_zoom import ZoomPan
from .frame_throttle import FrameThrottle
from .palette import finite_max_abs, rgb_image, weight_row_image
from .theme import DEFAULT_THEME, THEMES, Theme

__all__ = ["NetworkDiagram", "rich", "shown_indices", "symbol"]  # shown_indices: for the tests


class NetworkDiagram(DiagramFocus, DiagramPointer, QWidget):
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
        self.view = ZoomPan()  # zoom and pan on top of the fitted layout
        self.marks = DiagramMarks()
        self.theme = THEMES[DEFAULT_THEME]
        self.captions = True  # the legend's two lines under its samples (not when low)
        self.scene: DiagramScene | None = None  # what the last refresh read; painted until the next
        self._field: tuple[QImage, str] | None = None  # a clicked neuron's W[1] row as an image
        self.maps = maps
        self.hovered: tuple[int, int] | None = None  # the neuron whose big heatmap shows
        self._hover_image: QImage | None = None
        self._drag_from: QPointF | None = None
        self.focus: Focus | None = None  # the neuron or edge the keys are on (diagram_keys)
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
        deltas = {}
        if step is not None:
            sample = self.model.sample
            column = 0 if sm.mode == "sample" or sample.picture else sample.index
            deltas = {k: v[:, column:column + 1] for k, v in sm.stepper.deltas().items()}
        self.marks.highlight = step_marks(step, deltas)
        # a step is the user's; while training, this comes with every record: the stream's clock
        (self.frames.request if self.model.busy else self.frames.request_soon)()

    # ----- the marks, as others read and set them ---------------------------------------------------

    @property
    def highlight(self) -> dict | None:
        """What the stepper's current step touches (diagram_marks.step_marks)."""
        return self.marks.highlight

    @property
    def explained(self) -> tuple | None:
        return self.marks.explained

    @property
    def selected(self) -> tuple[int, int] | None:
        return self.marks.selected

    def set_explained(self, marks: tuple | None) -> None:
        if marks != self.marks.explained:
            self.marks.explained = marks
            self.update()

    @property
    def weight_picture(self) -> tuple[QImage, str] | None:
        """The clicked first-layer neuron's row of W[1] as a picture, and its caption, drawn top
        right (None: none is open)."""
        return self._field

    @property
    def previewing(self) -> bool:
        """The edges show the stepper's updates, not applied."""
        return self.scene is not None and self.scene.previewing

    @property
    def past_iteration(self) -> int | None:
        """The iteration drawn when it is a past one of the run (the time cursor)."""
        return self.scene.past_iteration if self.scene is not None else None

    # ----- model → view ----------------------------------------------------------------------------

    def _more(self, n: int) -> str:
        return self.tr("⋮ {n} more").format(n=f"{n:,}")

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._set_status_tip()
            self.frames.request_soon()  # labels are laid out with the texts
        elif event.type() == QEvent.Type.FontChange:  # the UI's scale, a presentation stage
            self.frames.request_soon()  # the labels measured in the new font
        super().changeEvent(event)

    def _set_status_tip(self) -> None:
        """How to move around, in the status bar while the mouse is over the diagram (not in
        the picture itself: it is exported for slides)."""
        self.setStatusTip(self.tr("scroll to zoom, drag to pan, double-click to fit; arrow keys "
                                  "choose a neuron, Shift+↑↓ its weights, Enter selects"))
        self.setAccessibleName(self.tr("Network diagram"))
        self._speak()

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

    def _layout(self) -> None:
        """Read the models into a new scene: the sample's forward pass, the weights drawn (the
        stepper's what-if, a past iteration's or the network's own), the plane's maps."""
        model = self.model
        net, ds = model.shown.network, model.dataset
        x, Zs, As = model.sample.forward()
        preview = self.stepper.preview() if self.stepper is not None else None
        # while stepping, the stepper's updated weights (not applied), else the network's own
        weights = preview.weights if preview is not None else net.weights
        # a past iteration of the run (the time cursor): said in the banner
        past = net.iterations_trained if net is not model.network else None
        image_input = ds.is_image and ds.input_shape[2] == 3
        def build(captions: bool) -> DiagramLayout:
            return DiagramLayout.build(net.dims, weights, self.width(), self.height(),
                                       self.font(), self._column_texts(net, weights),
                                       image_input, preview is not None or past is not None,
                                       captions)

        layout = build(True)
        # low (beside the steps at 1024×768): the legend's two caption lines give the neurons
        # their room, and come back with it
        self.captions = self.height() >= layout.least_height
        if not self.captions:
            layout = build(False)
        # a strip never stacks its neurons: as low as it may be without its captions
        low = layout.least_height - (2.2 * self.fontMetrics().height() if self.captions else 0)
        least = max(180, math.ceil(low))
        if least != self.minimumHeight():
            self.setMinimumHeight(least)
        image = rgb_image(x[:, 0].reshape(ds.input_shape)) if image_input else None
        # the plane's activations as laid out: painting (and the big map) never reads a model
        # that an edit has already changed
        plane = self.maps.activations() if self.maps is not None else None
        self.scene = DiagramScene(layout, As, Zs, tuple(net.activations), image, plane,
                                  preview is not None, past)
        self.scene.neuron_maps = self.scene.small_maps()
        self._set_hovered(self.hovered)  # its big map from the new activations (or gone)
        if self._field is not None and self.selected is not None:
            self._field = self._weight_image(*self.selected)
        self.focus = still_there(self.scene.layout, self.focus)
        self._speak()

    def _column_texts(self, net, weights) -> list[ColumnText]:
        """Each column's title, size and activation, and max |w| of its weights."""
        L = net.L
        texts = []
        for l in range(L + 1):
            title = (self.tr("input") if l == 0 else self.tr("output") if l == L
                     else self.tr("layer {l}").format(l=l))
            items = (f"n[{l}] = {net.dims[l]:,}",) + (() if l == 0 else (net.activations[l - 1],))
            last = "" if l == 0 else self.tr("max |w| {w}").format(
                w=f"{finite_max_abs(weights[l - 1]):.3g}")
            texts.append(ColumnText(title, items, last))
        return texts

    # ----- painting -----------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        if self.scene is None:
            self._layout()
        p = QPainter(self)
        self._paint_network(p)
        legend = DiagramLegend(self.palette(), self.font(), self.theme)
        legend.paint(p, legend.samples(self.sample_words(), self._bundle_words_if_any()),
                     self.legend_texts()[1:] if self.captions else [], self.width(), self.height())
        self._paint_remarks(p)
        if self.hasFocus():  # the keys are here: the frame; the ring on what they chose
            paint_focus_frame(p, self.width(), self.height(), self.palette())
            if self.shows_focus() and self.focus is not None:
                paint_focus(p, self.scene.layout, self.focus, self.view.map,
                            self.scene.layout.radius * self.view.scale(), self.palette())
        if self._hover_image is not None:
            paint_hovered_map(p, self.hover_map_rect(), self._hover_image,
                              self._hover_caption(), self.palette())
        p.end()

    def _paint_network(self, p: QPainter) -> None:
        """Edges, neurons, the image input and the layer labels: the picture itself."""
        NetworkPainter(self.palette(), self.font(), self.theme, self._more).paint(
            p, self.rect(), self.view.transform, self.scene, self.marks)

    def _paint_remarks(self, p: QPainter) -> None:
        """What the user chose to see with the network: the stepped update's banner (or the past
        iteration's), the clicked neuron's weights as an image."""
        if self.previewing or self.past_iteration is not None:
            words = [w for w, on in ((self.past_words, self.past_iteration is not None),
                                     (self.preview_words, self.previewing)) if on]
            paint_banner(p, " · ".join(w() for w in words), self.previewing, self.width(),
                         self.height())
        if self._field is not None:
            paint_field(p, *self._field, self.palette(), self.width(), self.height())

    def preview_words(self) -> str:
        return self.tr("stepping: the weights drawn are the stepped update, not applied to the "
                       "network")

    def past_words(self) -> str:
        return self.tr("past: {iteration}").format(
            iteration=translated(iterations.iteration(self.past_iteration)))

    def hover_map_rect(self) -> QRectF:
        """Where the hovered neuron's big heatmap goes: right of it, or left near the edge."""
        return big_map_rect(self.neuron_pos(*self.hovered), self.scene.layout.radius,
                              self.width(), self.height())

    def _hover_caption(self) -> str:
        l, j = self.hovered
        name = symbol("x", j + 1) if l == 0 else symbol("a", j + 1, l)
        return self.tr("{name} over the plane").format(name=name)

    def legend_top(self) -> float:
        """Where the legend's band begins, at the bottom of the widget (the layout keeps the
        network above it)."""
        return top_of_legend(self.height(), self.font(), self.captions)

    def _bundle_words(self) -> str:
        return self.tr("to/from the neurons not drawn (their mean w)")

    def _bundle_words_if_any(self) -> str | None:
        bundles = self.scene is not None and self.scene.layout.has_bundles()
        return self._bundle_words() if bundles else None

    def sample_words(self) -> list[str]:
        """What the legend's line samples of w > 0, w < 0 and w = 0 say (the negative's dashes in
        words too: a legend read aloud or in greyscale)."""
        return ["w > 0", self.tr("w < 0 (dashed)"), "w = 0"]

    def legend_texts(self, printed: bool = False) -> list[str]:
        """The legend's three lines as a user reads them (the first: the line samples');
        ``printed``: for an export, without what only the mouse does."""
        samples = self.sample_words()
        bundles = self._bundle_words_if_any()
        if bundles is not None:
            samples.append(bundles)
        neurons = (self.tr("neuron colour: its activation a for the current sample")
                   if self.scene is None or not self.scene.neuron_maps else
                   self.tr("each neuron: its activation over the input plane, a dark line where "
                           "it crosses 0 (a sigmoid: 0.5)") if printed else
                   self.tr("each neuron: its activation over the input plane, a dark line where "
                           "it crosses 0 (a sigmoid: 0.5; bigger under the mouse)"))
        return ["  ".join(samples),
                self.tr("the larger |w| / max |w| of its layer (under each layer), the wider and "
                        "stronger the line"),
                neurons + " · " + self.tr("current sample: {name}").format(
                    name=self.model.sample.name())]

    def _weight_image(self, layer: int, j: int) -> tuple[QImage, str]:
        shape = self.model.dataset.input_shape
        img = weight_row_image(self.model.shown.network.weights[0][j], shape)
        return img, self.tr("W[1] row {j} as {shape}: what neuron {j} of layer 1 looks for (grey 0, "
                            "bright +, dark −)").format(j=j + 1, shape="×".join(map(str, shape)))

    # ----- hit testing, hover and clicks --------------------------------------------------------------

    def item_at(self, pos: QPointF) -> tuple[str, object] | None:
        """("neuron", (layer, j)), ("edge", Edge), ("marker", Slot) or None at widget pos."""
        if self.scene is None:  # not laid out yet
            return None
        return item_at(self.scene.layout, self.view.to_scene(pos), self.view.scale())

    def tooltip_at(self, pos: QPointF) -> str:
        hit = self.item_at(pos)
        if hit is None:
            return ""
        kind, what = hit
        if kind == "edge":
            return self._edge_words(what)
        if kind == "marker":
            return self.tr("{n} neurons of layer {l} not drawn").format(
                n=f"{len(what.hidden):,}", l=what.layer)
        l, j = what
        a = float(self.scene.activations[l][j, 0])
        # the stepper's notation: one sample's z, a, δ, or the batch's Z, A, dZ of this sample
        it = self.stepper.iteration if self.stepper is not None else None
        i = self.model.sample.index + 1 if it is not None and it.samples > 1 else None
        z_, a_, d_ = ("z", "a", "δ") if i is None else ("Z", "A", "dZ")
        if l == 0:
            return rich(f"{symbol('x', j + 1)} = {symbol(a_, j + 1, 0, i)} = {a:.6g}")
        z = float(self.scene.zs[l - 1][j, 0])
        lines = [f"{symbol(z_, j + 1, l, i)} = {z:.6g}", f"{symbol(a_, j + 1, l, i)} = {a:.6g}"]
        delta = self.marks.delta(l)
        if delta is not None:
            lines.append(f"{symbol(d_, j + 1, l, i)} = {float(delta[j, 0]):.6g}")
        if l == 1 and self.model.dataset.is_image:
            lines.append(html.escape(self.tr("click: see its weights as an image")))
        return rich(*lines)

    def _edge_words(self, e: Edge) -> str:
        """A weight as the tutorial writes it, or what a bundle's edge stands for."""
        if not e.bundle:
            return rich(f"{symbol('w', f'{e.dst + 1},{e.src + 1}', e.layer)} = {e.value:.6g}")
        return rich(html.escape(self.tr(
            "mean of {n} weights of W[{l}] (to or from neurons not drawn) = {v}").format(
                n=f"{e.count:,}", l=e.layer, v=f"{e.value:.4g}")))

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if self.focus_key(event):
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom(0.8)
        elif key == Qt.Key.Key_F:
            self.fit_to_window()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        self._layout()
        super().resizeEvent(event)

    # ----- pictures out ------------------------------------------------------------------------------

    def _picture(self) -> DiagramPicture:
        legend = DiagramLegend(self.palette(), self.font(), self.theme)
        samples = legend.samples(self.sample_words(), self._bundle_words_if_any())
        lines = self.legend_texts(printed=True)[1:]
        return DiagramPicture(
            self.width(), self.legend_top(), self.palette().base(), self.font(),
            self._paint_network,
            lambda p, top, width: legend.paint_whole(p, samples, lines, top, width),
            self._paint_remarks)

    def export_size(self) -> QSizeF:
        """The exported picture in the widget's pixels: the view as it is on screen, with the
        whole legend in the band where the screen shows it elided (as tall as it needs)."""
        return self._picture().size()

    def export_image(self, scale: float = 2.0) -> QImage:
        """The picture at ``scale`` × the screen's pixels (a 1 × 1 px line is ``scale`` px)."""
        self._layout()
        return self._picture().image(scale * self.devicePixelRatioF())

    def export_png(self, path: str, scale: float = 2.0) -> bool:
        return write_image(self.export_image(scale), path, "PNG")

    def export_svg(self, path: str) -> bool:
        """The diagram as vector graphics, drawn as the PNG is."""
        self._layout()
        return self._picture().svg(path, "BP Studio network diagram")

    # ----- for tests and the accessibility tree ---------------------------------------------------------

    def layer_labels(self) -> list[str]:
        """Each column's title, size and activation as one line (without its max |w| line)."""
        return [f"{title}: " + " · ".join(detail.splitlines()[:None if l == 0 else -1])
                for l, (_, title, detail) in enumerate(self.scene.layout.labels)]

    def drawn_neurons(self, layer: int) -> list[int]:
        return self.scene.layout.drawn_neurons(layer)

    def marker_texts(self) -> list[str]:
        return [self._more(len(s.hidden)) for s in self.scene.layout.markers()]

    def neuron_pos(self, layer: int, j: int) -> QPointF:
        """Widget coordinates of a drawn neuron."""
        return self.view.map(self.scene.layout.slot(layer, j).pos)

    def edge_count(self) -> int:
        return len(self.scene.layout.edges)

    # the names tests/app and benchmarks/ read, from before the diagram had parts
    _slots = property(lambda self: self.scene.layout.slots)
    _edges = property(lambda self: self.scene.layout.edges)
    _radius = property(lambda self: self.scene.layout.radius)
    _image = property(lambda self: self.scene.image)
    _activations = property(lambda self: self.scene.activations)
    _neuron_maps = property(lambda self: self.scene.neuron_maps)

