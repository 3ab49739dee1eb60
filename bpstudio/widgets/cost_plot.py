"""Live plots: training cost per iteration, test cost and accuracies every k, ‖dW[l]‖ per layer.

Slots only ask for a frame; a FrameThrottle hands the curves to setData at a rate bounded by what
a redraw costs, reduced to the min and max of each pixel of the visible range, so a
100,000-iteration run stays cheap to draw. The dense
curves use 1-pixel pens and there is no grid: in Qt's raster engine a 2-pixel pen and an alpha grid
made one repaint of 12,000 points cost 40 ms instead of 4.
"""

from __future__ import annotations

import math

from typing import TYPE_CHECKING, Callable, Iterator

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFrame, QHBoxLayout, QMenu, QScrollArea,
                               QVBoxLayout, QWidget)

from ..core.network import THRESHOLD
from ..core.trainer import RunState
from ..session.call_soon import call_soon
from ..session.network_model import NetworkModel
from .background_import import BackgroundImport
from .curve_peaks import peaks
from .frame_throttle import FrameThrottle, SpeechThrottle
from .plot_words import plots_words
from .i18n import Retranslatable
from .plot_export import PlotExport
from .plot_placeholder import PlotPlaceholder
from .palette import LAYER_COLOURS, TEST_CURVE, TRAIN_CURVE
from .theme import DEFAULT_THEME, THEMES, Theme

if TYPE_CHECKING:
    import pyqtgraph as pg

# what the plots need that the window's first paint does not: imported after it
PLOT_MODULES = ("pyqtgraph", "bpstudio.widgets.plot_items")
# the plots' parts, made when they are built (CostPlot.__getattr__ builds them when asked for)
BUILT_PARTS = frozenset({"graphics", "cost_plot", "acc_plot", "grad_plot", "train_curve",
                         "test_curve", "one_sample_points", "train_acc", "test_acc",
                         "grad_curves", "scroll", "_foreground"})
LEGEND_TEXT = 0.85  # of the plots' text: a legend is read once, the curves all the time
# px: a plot's curve area is never lower than this (a shorter one shows a line, not a curve, and
# its tick labels run into each other); where the three do not fit, a chooser shows one at a time,
# and where not even one fits (a large UI scale), the plots scroll
PLOT_HEIGHT = 120
PLOT_GAP, PLOT_MARGIN = 6, 9  # px between two plots, and around them
LEGEND_ROOM = 170  # px of a curve area below which its legend would hide the curves: not shown


class CostPlot(Retranslatable, PlotExport, QWidget):
    """The three plots, one above the other where each has PLOT_HEIGHT px of curve area, else
    one at a time, chosen above them (the accuracy plot always has a linear left axis)."""

    built = Signal()  # the plots exist (after the window's first paint, or when first used)
    drawing = Signal()  # a frame is being drawn: the curves are set, the repaint comes next

    def __init__(self, model: NetworkModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CostPlot")
        self.model = model
        self._built = False  # the plots' parts exist (they are shown once _building is done)
        self._building: Iterator[bool] | None = None  # the plots being built, a part a turn
        self._theme: Theme | None = None  # the theme set before the plots were built
        self._font_changed = False
        self._fonts_of = ""  # the font the plots' texts were last set in (QFont.toString)
        # the right-click menu of every plot: "Show all of the curves", then what the window
        # adds (add_menu_actions: the plots' exports)
        self.menu = QMenu(self)
        self.menu.setObjectName("PlotMenu")
        self.show_all = QAction(self.menu)
        self.show_all.setObjectName("PlotShowAllAction")
        self.show_all.triggered.connect(self.show_everything)
        self.menu.addAction(self.show_all)
        self.log_box = QCheckBox()
        self.log_box.setObjectName("CostLogScale")
        self.log_box.toggled.connect(self._on_log_toggled)
        bar = QHBoxLayout()
        bar.addWidget(self.log_box)
        bar.addStretch(1)
        # the plots one at a time where the three do not fit: which one, in words short enough
        # for the narrowest dock
        self.chooser = QComboBox()
        self.chooser.setObjectName("PlotChooser")
        for _ in range(3):
            self.chooser.addItem("")
        self.chooser.currentIndexChanged.connect(self._fit_plots)
        self.chooser.hide()
        # the plots' room until they are built: the plots' background, nothing else; its first
        # paint (the window's) imports pyqtgraph on a thread, then builds the plots here
        self.placeholder = PlotPlaceholder(self._build_soon)
        self.placeholder.setObjectName("PlotPlaceholder")
        self.plot_area = QWidget()  # the chooser and the plots: the room they share
        area = QVBoxLayout(self.plot_area)
        area.setContentsMargins(0, 0, 0, 0)
        area.setSpacing(0)
        area.addWidget(self.chooser)
        area.addWidget(self.placeholder, 1)
        self.plot_area.installEventFilter(self)  # its height decides: together or one at a time
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.plot_area, 1)
        self._line_scale = 1.0
        # what the evaluation curves and the stepped points were last given: a run's frames
        # leave them as they are while they have not changed (setData rebuilt their symbols)
        self._drawn_evaluations: tuple[int, list] | None = None
        self._one_sample_drawn = True
        self._drawn_zoomed = False  # the dense curves were last cut to the user's x range
        self.frames = FrameThrottle(self._redraw, self)
        model.history_appended.connect(self.frames.request)  # a stream while training
        model.run_state_changed.connect(self.frames.on_run_state)
        self.speech = SpeechThrottle(lambda said: self.graphics.setAccessibleDescription(said), self,
                                     redraw_coming=lambda: self.frames.pending)
        model.run_state_changed.connect(self.speech.on_run_state)
        # edits, undo, a new network: drawn at once (a costly redraw stretches the clock to 1 s)
        model.history_changed.connect(self.frames.request_soon)
        model.architecture_changed.connect(self.frames.request_soon)
        self._importing: BackgroundImport | None = None
        self.retranslate()

    def __getattr__(self, name: str):
        """The plots' parts (``cost_plot``, ``train_curve``, ``graphics``…) asked for before
        they are built: built now (what reads them needs them at once)."""
        if name in BUILT_PARTS and not self.__dict__.get("_built", True):
            self.ensure_built()
            if name in self.__dict__:
                return self.__dict__[name]
        raise AttributeError(name)

    @property
    def is_built(self) -> bool:
        """The plots are built whole and stand in the placeholder's place."""
        return self._built and self._building is None

    def when_built(self, then: Callable[[], None]) -> None:
        """``then()`` once the plots exist: now if they do."""
        if self.is_built:
            then()
        else:
            self.built.connect(then)

    def _build_soon(self) -> None:
        """The placeholder painted (the window is on screen): pyqtgraph is imported a slice a
        turn (widgets/background_import.py), so a click meanwhile is answered; then the plots
        are built here."""
        if self._built or self._building is not None or self._importing is not None:
            return
        self._importing = BackgroundImport(PLOT_MODULES)
        self._importing.done.connect(self._imported)
        self._importing.start()

    def _imported(self) -> None:
        """pyqtgraph is imported: the plots are built a part a turn (in one piece they held the
        GUI thread 0.15–0.27 s: a click in the window's first second waited for it)."""
        self._importing = None  # let go of it (a window it held was kept alive)
        if not self._built and self._building is None:
            building = self._building = self._build()
            # deleted half-built (not closed: release), the half-built plots go with it, now
            self.destroyed.connect(lambda: building.close())
            call_soon(self, self._build_more)  # (not in the turn of the import itself)

    def _build_more(self) -> None:  # (nothing left if built meanwhile: ensure_built)
        more = False
        try:
            more = self._building is not None and next(self._building, False)
        finally:
            if more:
                call_soon(self, self._build_more)
            else:  # the last part done (or failed: asking for the plots starts anew)
                self._building = None

    def ensure_built(self) -> None:
        """The three plots, their curves and legends (pyqtgraph), in place of the placeholder."""
        building = self._building
        if building is not None and building.gi_running:
            return  # asked by a part being built: the parts exist from the one that sets them
        if building is None and self._built:
            return
        building = self._building = building or self._build()
        try:
            for _ in building:
                pass
        finally:
            self._building = None

    def _build(self) -> Iterator[bool]:
        """Builds the plots, pausing (``yield True``) between its parts; the plots become the
        widget's parts, are shown and ``built`` is emitted in the last part, together: never
        half-built on screen, nor to what reads them (a part asked for meanwhile builds the
        rest, CostPlot.__getattr__)."""
        from .plot_items import plot_parts

        parts = yield from plot_parts(self.menu, self._theme or THEMES[DEFAULT_THEME],
                                      PLOT_GAP, PLOT_MARGIN, PLOT_HEIGHT)
        self._built = True
        self.__dict__.update(parts)
        self._foreground = THEMES[DEFAULT_THEME].plot_foreground
        if self.log_box.isChecked():  # ticked before the plots were built
            self.cost_plot.setLogMode(y=True)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("PlotScroll")
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.graphics)
        self.plot_area.layout().replaceWidget(self.placeholder, self.scroll)
        self.placeholder.hide()
        self.placeholder.deleteLater()
        if self.isVisible():  # laid out now, as they would have been at show: what asked for
            self.scroll.show()  # them reads their geometry next
            self.plot_area.layout().activate()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.graphics.ci.installEventFilter(self)
        self.cost_plot.vb.sigXRangeChanged.connect(self._on_x_range_changed)
        self._update_curves()
        if self._font_changed:  # a UI scale, a stage, before the plots were built
            self._set_fonts()  # (and the words: retranslate)
        else:
            self.retranslate()
            self._fonts_of = self.font().toString()
        if self._theme is not None:
            self.set_theme(self._theme)
        self._building = None  # built: what asks now (a slot of ``built``) is answered at once
        self.built.emit()

    def retranslate(self) -> None:
        self.log_box.setText(self.tr("log scale (cost)"))
        for k, text in enumerate((self.tr("cost"), self.tr("accuracy"), "‖dW[l]‖")):
            self.chooser.setItemText(k, text)
        self.show_all.setText(self.tr("Show all of the curves"))
        if not self._built:
            return
        for plot, title in ((self.cost_plot, self.tr("cost C per iteration")),
                            (self.acc_plot, self.tr("accuracy (threshold {t})").format(t=THRESHOLD)),
                            (self.grad_plot, self.tr("‖dW[l]‖ per layer"))):
            plot.setTitle(title, color=self._foreground, size=f"{self._text_points():.1f}pt")
            plot.getAxis("bottom").setLabel(self.tr("iteration"),
                                            **{"font-size": f"{self._text_points():.1f}pt"})
        for curve, text in ((self.train_curve, self.tr("train cost")),
                            (self.test_curve, self.tr("test cost")),
                            (self.one_sample_points, self.tr("one stepped sample: its loss L")),
                            (self.train_acc, self.tr("train")), (self.test_acc, self.tr("test"))):
            plot = (self.cost_plot if curve in (self.train_curve, self.test_curve, self.one_sample_points)
                    else self.acc_plot)
            label = plot.legend.getLabel(curve)
            if label is not None:
                label.setText(text, size=f"{LEGEND_TEXT * self._text_points():.1f}pt")
        for _, label in self.grad_plot.legend.items:  # ‖dW[l]‖: no words to translate, a colour
            label.setText(label.text, size=f"{LEGEND_TEXT * self._text_points():.1f}pt")
        self._fit_plots()  # the titles' new words may be taller
        self.graphics.setAccessibleName(self.tr("Training plots: cost, accuracy and ‖dW[l]‖ per "
                                                "iteration"))
        self._speak()

    def _speak(self) -> None:
        """The plots' accessible description: the latest cost, its trend, the accuracies."""
        self.speech.say(plots_words(self.model.history),  # while training: once a second
                        self.model.run_state is RunState.RUNNING)

    def _redraw(self) -> None:
        if not self._built:  # drawn when built
            return
        self._update_curves()
        self.drawing.emit()  # what draws on the plots in their frames (the time cursor)
        self._speak()
        self.graphics.viewport().repaint()  # now, so the throttle measures the painting too

    def _on_log_toggled(self, on: bool) -> None:
        if self._built:  # else set as they are built
            self.cost_plot.setLogMode(y=on)

    def _update_curves(self) -> None:
        h = self.model.history
        costs = h.costs.view()
        x = h.first + np.arange(len(costs), dtype=float)  # the iterations (core/iterations.py)
        # NaN/inf would break the curve (and log scale); a diverged run is cut off before them
        finite = np.isfinite(costs)
        one_sample = h.one_sample.view() > 0
        batch = finite & ~one_sample
        self.train_curve.setData(*self._visible_peaks(x[batch], costs[batch]), skipFiniteCheck=True)
        stepped = finite & one_sample
        if stepped.any() or self._one_sample_drawn:
            self.one_sample_points.setData(x[stepped], costs[stepped])
            self._one_sample_drawn = bool(stepped.any())
        legend = self.cost_plot.legend
        listed = legend.getLabel(self.one_sample_points) is not None
        if one_sample.any() != listed:  # named in the legend only once there are such points
            if listed:
                legend.removeItem(self.one_sample_points)
            else:
                legend.addItem(self.one_sample_points, self.tr("one stepped sample: its loss L"))
        if self._drawn_evaluations != (h.first, h.evaluations):
            self._draw_evaluations(h.first, h.evaluations)
        norms = self._norm_curves()
        xn = h.first + np.arange(len(norms), dtype=float)
        for l, curve in enumerate(self.grad_curves):
            y = norms[:, l]
            good = np.isfinite(y) & (y > 0)
            curve.setData(*self._visible_peaks(xn[good], y[good]), skipFiniteCheck=True)

    def _draw_evaluations(self, first: int, ev: list) -> None:
        """The test cost and the accuracies (an evaluation every 2 % of a run)."""
        self._drawn_evaluations = (first, list(ev))  # (a copy: the list grows)
        it = first + np.array([e.iteration for e in ev], dtype=float)
        test = np.array([e.test_cost for e in ev], dtype=float)
        ok = np.isfinite(test)
        self.test_curve.setData(it[ok], test[ok])
        self.train_acc.setData(it, np.array([e.train_accuracy for e in ev], dtype=float))
        acc = np.array([e.test_accuracy for e in ev], dtype=float)
        self.test_acc.setData(it[np.isfinite(acc)], acc[np.isfinite(acc)])

    def _norm_curves(self) -> np.ndarray:
        """The history's ‖dW[l]‖ (iterations × layers), a curve made for each layer."""
        import pyqtgraph as pg

        norms = self.model.history.grad_norms.view()
        layers = norms.shape[1] if norms.ndim == 2 else 0
        if len(self.grad_curves) != layers:
            for c in self.grad_curves:
                self.grad_plot.removeItem(c)
            self.grad_plot.legend.clear()
            self.grad_curves = [
                self.grad_plot.plot(pen=pg.mkPen(LAYER_COLOURS[l % len(LAYER_COLOURS)],
                                                 width=self._line_scale), name=f"‖dW[{l + 1}]‖")
                for l in range(layers)]
        return norms

    def _on_x_range_changed(self) -> None:
        """Zoomed (or back from a zoom): the dense curves decimated anew. A range that follows
        the data as it grows needs no new frame: its curves were cut to no range (every frame
        of a run had drawn twice, once more for the range its own new points moved)."""
        if self._drawn_zoomed or not self.cost_plot.vb.autoRangeEnabled()[0]:
            self.frames.request()

    def _visible_peaks(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The part of a dense curve the x-axis shows, as the min and max of each pixel's
        iterations (what a full drawing would look like, at a fraction of the points)."""
        vb = self.cost_plot.vb
        (left, right), _ = vb.viewRange()
        zoomed = not vb.autoRangeEnabled()[0]  # the user's range, not one that follows the data
        self._drawn_zoomed = zoomed
        if zoomed and len(x) and (left > x[0] or right < x[-1]):  # one point beyond either edge
            i0 = max(int(np.searchsorted(x, left)) - 1, 0)
            i1 = min(int(np.searchsorted(x, right)) + 1, len(x))
            x, y = x[i0:i1], y[i0:i1]
        return peaks(x, y, max(int(self.cost_plot.vb.width()), 50))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if not self.__dict__.get("_built"):  # the plots are fitted as they are built
            return False
        if (watched is self.plot_area and event.type() == QEvent.Type.Resize
                or watched is self.graphics.ci and event.type() == QEvent.Type.LayoutRequest):
            self._fit_plots()  # a new height, or taller axes once their labels are measured
        return False

    def _needed(self, plots) -> float:
        """The height ``plots`` need one above the other: each curve area PLOT_HEIGHT px, with
        its title and axes in the plots' font."""
        return (sum(p.effectiveSizeHint(Qt.SizeHint.MinimumSize).height() for p in plots)
                + PLOT_GAP * (len(plots) - 1) + 2 * PLOT_MARGIN)

    def _fit_plots(self) -> None:
        """All three plots where each gets its PLOT_HEIGHT px, else the chosen one alone; never
        less than that: the plots scroll (a large UI scale on a small screen)."""
        if not self._built:
            return
        plots = self.plots()
        together = self.plot_area.height() >= self._needed(plots)
        if self.chooser.isHidden() != together:
            self.chooser.setVisible(not together)
        shown = plots if together else (plots[self.chooser.currentIndex()],)
        for plot in plots:
            if plot.isVisible() != (plot in shown):  # only a change: each one lays out anew
                plot.setVisible(plot in shown)
        needed = self._needed(shown)
        if self.graphics.minimumHeight() != math.ceil(needed):
            self.graphics.setMinimumHeight(math.ceil(needed))
        room = self.plot_area.height() - (0 if together else self.chooser.sizeHint().height())
        # each curve area's height once laid out: a legend where it leaves the curves room
        curves = PLOT_HEIGHT + max(0.0, room - needed) / len(shown)
        for plot in plots:
            plot.legend.setVisible(curves >= LEGEND_ROOM)

    def shown_plots(self) -> tuple[pg.PlotItem, ...]:
        """The plots on screen: all three, or the one chosen."""
        return tuple(p for p in self.plots() if p.isVisible())

    def choose_plot(self, plot: pg.PlotItem) -> None:
        """Show ``plot`` where they are shown one at a time."""
        self.chooser.setCurrentIndex(self.plots().index(plot))

    def _text_points(self) -> float:
        return self.font().pointSizeF() if self.font().pointSizeF() > 0 else 9.0

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:  # the UI's scale, a presentation stage
            if self._built:
                if self.font().toString() != self._fonts_of:  # (the time bar's first show)
                    self._set_fonts()
            else:
                self._font_changed = True  # set as the plots are built
        super().changeEvent(event)  # Retranslatable handles LanguageChange

    def _set_fonts(self) -> None:
        """Titles, axis labels, ticks and legends in the widget's font: they grow with the UI's
        scale and in the training stage of presentation mode."""
        font = QFont(self.font())
        self._fonts_of = font.toString()
        for plot in (self.cost_plot, self.acc_plot, self.grad_plot):
            for name in ("left", "bottom"):
                plot.getAxis(name).setStyle(tickFont=font)
            for _, label in plot.legend.items:
                label.setText(label.text, size=f"{LEGEND_TEXT * self._text_points():.1f}pt")
        self.retranslate()  # and the plots fitted anew: larger titles and axes, the same curves

    def set_theme(self, theme: Theme) -> None:
        """Background, axes, titles and line widths of the theme (kept for the plots until
        they are built; the placeholder has the plots' background)."""
        self._theme = theme
        if not self._built:
            self.placeholder.set_background(theme.plot_background)
            return
        import pyqtgraph as pg

        self.graphics.setBackground(theme.plot_background)
        fg = self._foreground = theme.plot_foreground
        for plot in (self.cost_plot, self.acc_plot, self.grad_plot):
            legend = plot.legend
            # opaque: a curve never runs through a legend's words (it did under "test cost")
            legend.setBrush(pg.mkBrush(theme.plot_background))
            legend.setPen(pg.mkPen(fg, width=0.5))
            legend.setLabelTextColor(fg)
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(pg.mkPen(fg, width=theme.line_scale))
                axis.setTextPen(pg.mkPen(fg))
        # the legends' words take their colour when they are written: after it is set (they
        # stayed the light theme's dark grey on dark and high-contrast black)
        self.retranslate()
        dense = max(1.0, theme.line_scale)  # wider than 1 px costs repaint time: projector only
        self.train_curve.setPen(pg.mkPen(TRAIN_CURVE, width=dense))
        self.test_curve.setPen(pg.mkPen(TEST_CURVE, width=2 * theme.line_scale,
                                         style=pg.QtCore.Qt.PenStyle.DashLine))
        self.train_acc.setPen(pg.mkPen(TRAIN_CURVE, width=2 * theme.line_scale))
        self.test_acc.setPen(pg.mkPen(TEST_CURVE, width=2 * theme.line_scale))
        self._line_scale = dense
        for l, curve in enumerate(self.grad_curves):
            curve.setPen(pg.mkPen(LAYER_COLOURS[l % len(LAYER_COLOURS)], width=dense))
        self.frames.request()

    def release(self) -> None:
        """The window is closing: no more frames. Its pyqtgraph items stay in their scene and
        go with it when the window is deleted (app/gui.py deletes it before Python exits): taken
        out of the scene, they were left to Python's garbage collector, which gave them events
        half-destroyed (a LabelItem's resizeEvent without its options; PySide6 6.12 crashed).
        Plots not built yet are built no further; plots being built are finished now, so that
        they too go with the window (left half-built to Python's collector, they would not)."""
        if self._importing is not None:
            self._importing.done.disconnect(self._imported)
        if self._building is not None:
            self.ensure_built()
        self.frames.stop()

    def show_everything(self) -> None:
        """Every curve whole again, after a zoom or a pan: the plots follow their data anew."""
        if not self._built:
            return
        for plot in self.plots():
            plot.enableAutoRange()

    def add_menu_actions(self, actions: list[QAction]) -> None:
        """The window's actions about the plots (their exports), below the menu's own."""
        self.menu.addSeparator()
        self.menu.addActions(actions)

    def insert_bar(self, bar: QWidget) -> None:
        """A bar between the plots' options and the plots (the time cursor's)."""
        self.layout().insertWidget(1, bar)

    def plots(self) -> tuple[pg.PlotItem, ...]:
        """The three plots, top to bottom; their x-axes are linked (iterations)."""
        self.ensure_built()
        return self.cost_plot, self.acc_plot, self.grad_plot

    # for tests: what the plots show
    def cost_points(self) -> tuple[np.ndarray, np.ndarray]:
        self.ensure_built()
        self._update_curves()
        x, y = self.train_curve.xData, self.train_curve.yData
        return (np.array([]), np.array([])) if x is None else (x, y)
