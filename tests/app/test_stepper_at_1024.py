"""The stepper in the everyday window at 1024×768, maximised, in English and Chinese: a 20×1
vector's numbers are written out, readable, with the operands and the result on screen together;
the apply row is inside the window; the step list says each step whole; formulas break only at an
operator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetricsF

from posted_events import delivered
from bpstudio.widgets.matrix_view import READABLE_CAP


def go(w, qtbot, label: str, layer: int) -> None:
    steps = w.studio.stepper.stepper.steps
    w.studio.stepper.go(next(s.index for s in steps if s.equation.label == label
                             and s.layer == layer) + 1)
    delivered()  # the step's layout, the room it makes, its scrolling
    delivered()


def shown_in(view, area) -> bool:
    """The whole of ``view`` inside the scroll area's viewport."""
    port = area.viewport()
    box = QRect(view.mapTo(port, QPoint(0, 0)), view.size())
    return port.rect().contains(box)


@pytest.fixture
def cat_net(on_projector, qtbot, cat_data_dir):
    def make(language):
        w = on_projector()
        w.set_language(language)
        assert w.files.open_dataset(str(cat_data_dir))
        w.studio.model.loader.wait()  # read on a thread
        delivered()
        w.studio.choose_preset("four-layer")
        w.studio.set_step_mode("sample")
        qtbot.keyClick(w, Qt.Key.Key_Right)
        delivered()
        assert list(w.studio.model.network.dims[1:]) == [20, 7, 5, 1]
        return w
    return make


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_20x1_step_is_numbers_on_screen_together(cat_net, qtbot, english_afterwards, language):
    w = cat_net(language)
    panel = w.equations
    go(w, qtbot, "2b", 1)  # δ[1] = ∂L/∂a[1] ⊙ σ′(z[1]): three 20×1 vectors
    views = [v for v in panel.views if v.isVisible()]
    assert [v.value.shape for v in views] == [(20, 1)] * 3
    for v in views:
        assert v.is_grid, v.name
        assert QFontMetricsF(v.grid_font()).capHeight() >= READABLE_CAP
        fm = QFontMetricsF(v.grid_font())
        assert all(fm.horizontalAdvance(t[0]) <= v.cell_rect(0, 0).width() for t in v.cell_texts())
        assert shown_in(v, panel.step_area), v.name  # operands and result together


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_apply_row_the_step_list_and_the_formula_at_1024(cat_net, qtbot, english_afterwards,
                                                             language):
    w = cat_net(language)
    panel = w.equations
    qtbot.mouseClick(panel.end_button, Qt.MouseButton.LeftButton)
    delivered()
    row = panel.apply_row
    assert row.isVisible() and panel.apply_button.isVisible()
    box = QRect(row.mapTo(w, QPoint(0, 0)), row.size())
    assert QRect(QPoint(0, 0), w.size()).contains(box)  # never scrolled out of sight
    steps = w.studio.stepper.stepper.steps
    for k, step in enumerate(steps):  # every step says itself whole, wrapped or on hover
        item = panel.step_list.item(k)
        assert step.formula in item.text() and step.formula in item.toolTip()
    assert panel.step_list.wordWrap() and panel.step_list.textElideMode() == Qt.TextElideMode.ElideNone
    for label, layer in (("4a", 1), ("2b", 1), ("3b", 2)):
        go(w, qtbot, label, layer)
        lines = panel.formula.layout_for(panel.formula.width())[1]
        for before, after in zip(lines, lines[1:]):
            assert before.endswith(",") or after[0] in "=←+−·⊙", lines
