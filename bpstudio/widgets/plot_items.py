"""The plots' own pyqtgraph items: an axis that labels only the ticks that fit, and a view box
whose right click opens the plots' menu. Imported when the plots are first built (cost_plot.py:
after the window's first paint), with pyqtgraph, never at start."""

from __future__ import annotations

import math
from typing import Generator

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QMenu

from .palette import STEP_UPDATE, TEST_CURVE, TRAIN_CURVE
from .theme import Theme

# the room a vertical axis's tick labels need, in lines of its font: with less they touch
TICK_ROOM = 1.4
NICE_STEPS = (1.0, 2.0, 2.5, 5.0)  # a linear axis's steps (× a power of ten), smallest first
# the multiples of a power of ten a log axis may label, most first: the first set whose labels
# do not touch is drawn (then only every k-th power of ten)
LOG_LABELS = ((1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 5), (1, 3), (1,))


class IterationAxis(pg.AxisItem):
    """The iterations' axis: whole numbers only. An empty plot spans 0…1, where pyqtgraph
    labelled 0.2 0.4 … and, scaling them, said "(x0.001)" beside the word iteration."""

    def getSIPrefixEnableRanges(self):  # noqa: N802 - pyqtgraph's name
        return ()  # a count is never scaled

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802 - pyqtgraph's name
        whole = [(step, offset) for step, offset in super().tickSpacing(minVal, maxVal, size)
                 if step >= 1]
        return whole or [(1.0, 0.0)]


class ReadableAxis(pg.AxisItem):
    """An axis that labels only the ticks whose labels fit: on a log scale pyqtgraph labels
    every minor tick (0.05 0.06 … 0.9), and on a plot a few hundred pixels high they overprint;
    on a linear one it always labels its major ticks, however close (0.0 0.2 … 1.0 on 60 px).
    A vertical linear axis here steps by 1, 2, 2.5 or 5 × a power of ten, the smallest whose
    labels stand TICK_ROOM lines apart."""

    def __init__(self, orientation: str, **kwargs):
        super().__init__(orientation, **kwargs)
        self._labelled: list[float] | None = None
        self._said: list[float] = []  # the values labelled so far in this drawing

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802 - pyqtgraph's name
        levels = super().tickSpacing(minVal, maxVal, size)
        if self.logMode or self.orientation not in ("left", "right") or not levels:
            return levels
        span = abs(maxVal - minVal)
        if span == 0 or size <= 0:
            return levels
        pixels = size / span  # per unit of the axis
        room = self._room([])
        fitting = [(step, offset) for step, offset in levels if step * pixels >= room]
        if fitting:
            return fitting
        power = 10.0 ** math.floor(math.log10(room / pixels))
        step = next((k * power for k in (*NICE_STEPS, 10.0) if k * power * pixels >= room),
                    10 * power)
        return [(step, 0.0)]

    def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802 - pyqtgraph's name
        ticks = super().logTickValues(minVal, maxVal, size, stdTicks)
        values = sorted({float(v) for _, level in ticks for v in level})
        pixels = size / (maxVal - minVal) if maxVal > minVal else math.inf
        self._labelled = self._fitting(values, pixels)
        self._said = []  # pyqtgraph's minor level repeats the powers of ten: labelled once
        return ticks

    def _room(self, values: list[float]) -> float:
        """Pixels one label needs along the axis, with a gap."""
        fm = QFontMetricsF(self.style["tickFont"] or self.font())
        if self.orientation in ("left", "right"):
            return TICK_ROOM * fm.height()
        return max((fm.horizontalAdvance(t) for t in super().logTickStrings(values, 1, 1)),
                   default=0.0) + fm.horizontalAdvance("  ")

    def _fitting(self, values: list[float], pixels: float) -> list[float]:
        room = self._room(values)

        def fits(chosen: list[float]) -> bool:
            return all((b - a) * pixels >= room for a, b in zip(chosen, chosen[1:]))

        for multiples in LOG_LABELS:
            chosen = [v for v in values if round(10 ** (v - math.floor(v + 1e-9))) in multiples]
            if fits(chosen):
                return chosen
        decades = [v for v in values if abs(v - round(v)) < 1e-9]
        k = 1
        while k < len(decades) and not fits(decades[::k]):
            k += 1
        return decades[::k]

    def logTickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        strings = super().logTickStrings(values, scale, spacing)
        if self._labelled is None:
            return strings
        shown = []
        for v, text in zip(values, strings):
            new = not any(abs(v - s) < 1e-9 for s in self._said)
            if new and any(abs(v - l) < 1e-9 for l in self._labelled):
                self._said.append(v)
                shown.append(text)
            else:
                shown.append("")
        return shown


class PlotView(pg.ViewBox):
    """A plot's view box whose right click opens the plots' own menu (CostPlot.menu, in the
    user's language), not pyqtgraph's: its ViewBox menu ("View All", "X axis", "Mouse Mode"),
    "Plot Options" and "Export..." are English whatever the language, and mostly of no use in
    a classroom. A drag still pans and the wheel still zooms."""

    def __init__(self, menu: QMenu):
        super().__init__(enableMenu=False)  # pyqtgraph's menu is never made
        self.menu_ = menu

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph's name
        if ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            self.menu_.popup(ev.screenPos().toPoint())
        else:
            super().mouseClickEvent(ev)


def plot_parts(menu: QMenu, theme: Theme, gap: int, margin: int,
               least_height: int) -> Generator[bool, None, dict[str, object]]:
    """The three plots (cost, accuracy, ‖dW[l]‖) one above the other, their legends and curves,
    made a part at a time: it pauses (``yield True``) between parts and returns the parts by the
    names the plots' widget gives them (cost_plot.py; the ‖dW[l]‖ curves, one a layer, are made
    there as the history has them). ``least_height``: each curve area's, in px."""
    graphics = pg.GraphicsLayoutWidget()
    try:
        return (yield from _parts(graphics, menu, theme, gap, margin, least_height))
    except BaseException:  # closed half-built (its widget went), or failed: they go now, whole
        shiboken6.delete(graphics)
        raise


def _parts(graphics: pg.GraphicsLayoutWidget, menu: QMenu, theme: Theme, gap: int, margin: int,
           least_height: int) -> Generator[bool, None, dict[str, object]]:
    graphics.setBackground(theme.plot_background)
    # set, not the style's: asked of a style while a style sheet is being applied, Qt crashed
    graphics.ci.layout.setVerticalSpacing(gap)
    graphics.ci.layout.setContentsMargins(*(margin,) * 4)
    plots = []
    for row in range(3):
        yield True
        plots.append(graphics.addPlot(
            row=row, col=0, viewBox=PlotView(menu), enableMenu=False,
            axisItems={"left": ReadableAxis("left"), "bottom": IterationAxis("bottom")}))
    cost_plot, acc_plot, grad_plot = plots
    scene = graphics.scene()  # nor pyqtgraph's "Export...": its dialog is English too
    for action in scene.contextMenu:
        action.deleteLater()
    scene.contextMenu = []
    # legends where the curves are not at the end of a run: a falling cost leaves the top
    # right free, a rising accuracy and the flattening ‖dW‖ the bottom right
    for plot, corner in ((cost_plot, (-8, 8)), (acc_plot, (-8, -8)), (grad_plot, (-8, -8))):
        plot.addLegend(offset=corner, colCount=2)  # short and wide: it covers less
    yield True
    acc_plot.setXLink(cost_plot)
    grad_plot.setXLink(cost_plot)
    acc_plot.setYRange(0, 1.02)
    grad_plot.setLogMode(y=True)
    parts: dict[str, object] = dict(
        graphics=graphics, cost_plot=cost_plot, acc_plot=acc_plot, grad_plot=grad_plot,
        train_curve=cost_plot.plot(pen=pg.mkPen(TRAIN_CURVE, width=1), name="train"),
        test_curve=cost_plot.plot(pen=pg.mkPen(TEST_CURVE, width=2, style=Qt.PenStyle.DashLine),
                                  symbol="o", symbolSize=4, symbolBrush=TEST_CURVE, name="test"),
        # iterations on one stepped sample, applied by hand: points apart from the batch's curve
        one_sample_points=cost_plot.plot(pen=None, symbol="x", symbolSize=9,
                                         symbolPen=pg.mkPen(STEP_UPDATE, width=2)),
        train_acc=acc_plot.plot(pen=pg.mkPen(TRAIN_CURVE, width=2), name="train"),
        test_acc=acc_plot.plot(pen=pg.mkPen(TEST_CURVE, width=2), name="test"))
    for plot in plots:
        plot.vb.setMinimumHeight(least_height)
    parts["grad_curves"] = []
    yield True  # (every pause in here: closed at any, the plots go whole)
    return parts
