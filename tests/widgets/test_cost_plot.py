"""The plots' axes label only what fits: no tick label runs into the next; where the three
plots do not fit with a readable curve area each, they are shown one at a time."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from readable_labels import drawn_labels

from bpstudio.session.history import History
from bpstudio.session.network_model import NetworkModel
from bpstudio.widgets.cost_plot import PLOT_HEIGHT, CostPlot


@pytest.fixture
def plot(qtbot):
    model = NetworkModel()
    n = 2500
    costs = 0.7 * np.exp(-np.arange(n) / 600) + 0.05  # the cat run's shape: 0.75 down to 0.05
    norms = np.column_stack([1e-3 * np.exp(-np.arange(n) / 900) + 1e-6,  # six decades
                             0.3 * np.exp(-np.arange(n) / 300) + 1e-3])
    model.history = History(model.network.L)
    model.append_history(costs, norms)
    p = CostPlot(model)
    qtbot.addWidget(p)
    p.resize(380, 560)  # a training dock on a projector
    p.show()
    qtbot.waitExposed(p)
    return p


@pytest.mark.parametrize("which", ["cost", "grad"])
def test_log_axes_do_not_crowd_their_labels(plot, qtbot, which):
    if which == "cost":
        qtbot.mouseClick(plot.log_box, Qt.MouseButton.LeftButton)  # "log scale (cost)"
        assert plot.log_box.isChecked()
    plot.frames.flush()
    axis = (plot.cost_plot if which == "cost" else plot.grad_plot).getAxis("left")
    # still read: at least three values, once the plots are laid out in the widget
    qtbot.waitUntil(lambda: len(drawn_labels(axis)) >= 3)
    labels = drawn_labels(axis)
    rects = sorted((r for r, _ in labels), key=lambda r: r.top())
    for a, b in zip(rects, rects[1:]):
        assert a.bottom() <= b.top(), [t for _, t in labels]


def test_the_cost_axis_shows_the_ticks_it_does_not_label(plot, qtbot):
    """Minor ticks stay as marks: a log scale still looks like one."""
    qtbot.mouseClick(plot.log_box, Qt.MouseButton.LeftButton)
    plot.frames.flush()
    axis = plot.cost_plot.getAxis("left")
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    p = QPainter(image)
    _, ticks, _ = axis.generateDrawSpecs(p)
    p.end()
    assert len(ticks) > len(drawn_labels(axis))


def test_a_short_dock_shows_one_plot_at_a_time(plot, qtbot):
    plot.resize(380, 320)
    qtbot.waitUntil(lambda: len(plot.shown_plots()) == 1)
    assert plot.chooser.isVisible() and plot.shown_plots() == (plot.cost_plot,)
    for k, item in enumerate(plot.plots()):
        plot.chooser.setCurrentIndex(k)
        qtbot.waitUntil(lambda: plot.shown_plots() == (item,))
        qtbot.waitUntil(lambda: item.vb.height() >= PLOT_HEIGHT)
        axis = item.getAxis("left")
        labels = sorted((r for r, _ in drawn_labels(axis)), key=lambda r: r.top())
        assert len(labels) >= 2 and all(a.bottom() <= b.top() for a, b in zip(labels, labels[1:]))
    plot.resize(380, 900)  # room for all three: together again, no chooser
    qtbot.waitUntil(lambda: len(plot.shown_plots()) == 3)
    assert not plot.chooser.isVisible()
    qtbot.waitUntil(lambda: all(p.vb.height() >= PLOT_HEIGHT for p in plot.plots()))


@pytest.mark.parametrize("key", ["dark", "contrast", "light"])
def test_the_legends_words_take_the_themes_colour(plot, key):
    """On a dark or high-contrast background the legends' words are the theme's light text, not
    the light theme's dark grey they kept."""
    from bpstudio.widgets.theme import THEMES

    plot.set_theme(THEMES["light"])
    plot.set_theme(THEMES[key])
    for item in (plot.cost_plot, plot.acc_plot, plot.grad_plot):
        for _, label in item.legend.items:
            assert THEMES[key].plot_foreground in label.item.toHtml().lower(), label.text


def test_an_empty_plot_counts_whole_iterations(qtbot):
    """Before any training the plots span 0…1: their iteration axes said 0.2 0.4 0.6 0.8, and
    the ‖dW[l]‖ plot's 'iteration (x0.001)'."""
    p = CostPlot(NetworkModel())
    qtbot.addWidget(p)
    p.resize(380, 900)
    p.show()
    qtbot.waitExposed(p)
    qtbot.waitUntil(lambda: p._built)
    for plot in p.plots():
        axis = plot.getAxis("bottom")
        qtbot.waitUntil(lambda: axis.width() > 100)  # laid out (its ends' labels may not fit)
        assert all(float(text) == int(float(text)) for _, text in drawn_labels(axis)), [
            t for _, t in drawn_labels(axis)]
        assert "x0" not in axis.labelString()


def test_a_log_axis_labels_each_power_of_ten_once(qtbot):
    """pyqtgraph's minor level of a log axis repeats the powers of ten of its major level: each
    was labelled twice, in one place (the ‖dW[l]‖ plot's labels "0.001" over "0.001", seen by
    the readable-plots test while a run trained)."""
    from bpstudio.widgets.plot_items import ReadableAxis

    axis = ReadableAxis("left")
    axis.setLogMode(False, True)
    levels = axis.logTickValues(-3.4, 0.2, 400, [(1.0, [-3.0, -2.0, -1.0, 0.0])])
    assert len(levels) == 2 and -3.0 in levels[0][1] and any(
        abs(v + 3.0) < 1e-9 for v in levels[1][1])  # (the repeat this is about)
    said = [text for spacing, values in levels
            for text in axis.logTickStrings(values, 1, spacing) if text]
    assert said and len(said) == len(set(said)), said
