"""Pictures for slides and print: the diagram and the plots at a chosen resolution (2× the
screen's unless the user says otherwise, up to 4×), the whole legend, none of the mouse's hints,
legends that curves never cross; the plots' numbers in named columns."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from bpstudio.app.file_actions import EXPORT_SCALE_KEY
from bpstudio.app.settings import recall
from bpstudio.session.history import History
from bpstudio.session.network_model import NetworkModel
from bpstudio.widgets.cost_plot import CostPlot
from bpstudio.widgets.theme import THEMES


@pytest.fixture
def save_as(monkeypatch):
    """The Export dialogs answer with the path the test gives."""
    answer = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(answer["path"]), ""))

    def export(window, action, path):
        answer["path"] = path
        window.findChild(object, action).trigger()
        return path
    return export


def test_the_resolution_is_chosen_in_the_export_menu_and_remembered(make_window, qtbot,
                                                                      save_as, tmp_path):
    w = make_window()
    assert w.findChild(object, "ExportScale_2").isChecked()  # the default: 2×
    png = QImage(save_as(w, "ExportDiagramPng", tmp_path / "two.png"))
    assert png.width() == 2 * w.diagram.width()
    w.findChild(object, "ExportScale_4").trigger()  # File → Export → Pictures' resolution → 4×
    assert recall(EXPORT_SCALE_KEY) == 4
    png = QImage(save_as(w, "ExportDiagramPng", tmp_path / "four.png"))
    assert png.width() == 4 * w.diagram.width() and png.height() >= 4 * w.diagram.height()
    plots = QImage(save_as(w, "ExportPlotsPng", tmp_path / "plots.png"))
    assert plots.width() == 4 * w.cost_plot.graphics.viewport().width()
    assert plots.height() >= 4 * w.cost_plot.graphics.viewport().height() - 4
    again = make_window()
    assert again.findChild(object, "ExportScale_4").isChecked()


def test_no_curve_runs_through_an_exported_legend(qtbot, tmp_path):
    """A cost that rises ends at the top right, where the legend is: the legend's background
    hides it, in the exported picture as on screen."""
    model = NetworkModel()
    rising = np.linspace(0.1, 0.7, 400)
    model.history = History(model.network.L)
    model.append_history(rising, np.ones((400, model.network.L)))
    plot = CostPlot(model)
    qtbot.addWidget(plot)
    # tall enough for the three plots with their legends (a curve area of LEGEND_ROOM px): at
    # 620 px they stand without (a legend would hide the curves), as they do once laid out
    plot.resize(420, 900)
    plot.show()
    qtbot.waitExposed(plot)
    qtbot.waitUntil(lambda: plot.is_built)  # after the first paint (pyqtgraph imported on a thread)
    qtbot.waitExposed(plot.graphics)
    qtbot.waitUntil(lambda: all(p.isVisible() and p.legend.isVisible() for p in plot.plots()))
    plot.set_theme(THEMES["light"])
    plot.frames.flush()
    label = plot.cost_plot.legend.getLabel(plot.train_curve)
    box = label.sceneBoundingRect()
    curve = QColor("#0072b2")
    for name in ("screen", "export"):
        if name == "export":
            assert plot.export(str(tmp_path / "plots.png"), scale=2)
            image, ratio = QImage(str(tmp_path / "plots.png")), 2 * plot.devicePixelRatioF()
        else:
            image = plot.graphics.grab().toImage()
            ratio = image.devicePixelRatio()
        view = plot.graphics.mapFromScene(box.center())
        assert plot.cost_plot.vb.sceneBoundingRect().intersects(box)  # the curve's area
        blues = 0
        for x in np.linspace(box.left() + 2, box.right() - 2, 30):
            for y in np.linspace(box.top() + 2, box.bottom() - 2, 8):
                p = plot.graphics.mapFromScene(QPointF(x, y))
                c = image.pixelColor(int(p.x() * ratio), int(p.y() * ratio))
                blues += abs(c.red() - curve.red()) + abs(c.green() - curve.green()) + abs(
                    c.blue() - curve.blue()) < 60
        assert blues == 0, (name, view)
    # and the curve does reach under the legend: without its background it would show
    x_end, y_end = plot.cost_plot.vb.mapViewToScene(QPointF(399, 0.7)).toTuple()
    assert box.left() - 40 < x_end and y_end < box.bottom() + 40
