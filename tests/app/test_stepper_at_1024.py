"""The stepper in the everyday window at 1024×768, maximised, in English and Chinese: a 20×1
vector's numbers are written out, readable, with the operands and the result on screen together;
the apply row is inside the window; the step list says each step whole; formulas break only at an
operator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetricsF

from posted_events import delivered
from bpstudio.widgets.item_text import text_margins
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


def seen(view, w) -> bool:
    """The whole of ``view`` on screen: inside the window and every scroll area around it."""
    box = QRect(view.mapTo(w, QPoint(0, 0)), view.size())
    if not QRect(QPoint(0, 0), w.size()).contains(box):
        return False
    parent = view.parentWidget()
    while parent is not None and parent is not w:
        if hasattr(parent, "viewport") and callable(parent.viewport):
            port = parent.viewport()
            if view is not port and port.isAncestorOf(view):
                inner = QRect(view.mapTo(port, QPoint(0, 0)), view.size())
                if not port.rect().contains(inner):
                    return False
        parent = parent.parentWidget()
    return True


def readable_grid(v) -> bool:
    fm = QFontMetricsF(v.grid_font()) if v.is_grid else None
    return fm is not None and fm.capHeight() >= READABLE_CAP and all(
        fm.horizontalAdvance(t) <= v.cell_rect(0, 0).width() for row in v.cell_texts() for t in row)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_an_outer_product_is_numbers_with_its_formula(cat_net, qtbot, english_afterwards, language):
    w = cat_net(language)
    # the editor a tab behind the plots: one dock's width is taken from the steps, not two
    assert w.editor_dock in w.tabifiedDockWidgets(w.training_dock)
    assert w.editor_dock.visibleRegion().isEmpty() and not w.cost_plot.visibleRegion().isEmpty()
    panel = w.equations
    go(w, qtbot, "3b", 2)  # ∂L/∂W[2] = δ[2]·a[1]ᵀ: 7×1 times 1×20 makes 7×20
    views = [v for v in panel.views if v.isVisible()]
    assert [v.value.shape for v in views] == [(7, 1), (1, 20), (7, 20)]
    for v in views:
        assert readable_grid(v), v.name
        assert seen(v, w), v.name
    assert panel.formula.text().startswith("(3b)") and seen(panel.formula, w)
    # the steps are still one click away, each said whole
    chooser = panel.step_chooser
    assert chooser.isVisible() and chooser.count() == len(w.studio.stepper.stepper.steps)
    assert "(3b)" in chooser.currentText()
    before = w.studio.stepper.stepper.steps[chooser.currentIndex() - 1]
    chooser.activated.emit(chooser.currentIndex() - 1)  # as choosing the step before does
    delivered()
    assert panel.formula.text() == f"({before.equation.label})  {before.formula}"
    # opened, the chooser is as wide as its longest step, in a larger UI text too (Ctrl+=)
    widths = []
    for zoomed in range(3):
        if zoomed:
            qtbot.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
            delivered()
        view = chooser.view()
        fm = view.fontMetrics()
        widths.append(max(fm.horizontalAdvance(chooser.itemText(k))
                          for k in range(chooser.count())))
        # the text, the margins it is drawn in and the scroll bar beside it
        assert view.minimumWidth() >= (widths[-1] + text_margins(view)
                                       + view.verticalScrollBar().sizeHint().width()), (zoomed,
                                                                                        widths)
    assert widths[-1] > widths[0]  # (the text did grow)
    qtbot.keyClick(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # (as it was)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_explanation_opens_beside_a_20x1_step(cat_net, qtbot, english_afterwards, language):
    w = cat_net(language)
    panel = w.equations
    go(w, qtbot, "2b", 1)
    delta = panel.views[2]
    qtbot.mouseClick(delta, Qt.MouseButton.LeftButton, pos=delta.cell_rect(3, 0).center().toPoint())
    delivered()
    delivered()
    pane = panel.explain_pane
    assert pane.isVisible() and seen(pane, w)
    w.studio.explain.choose_weight(1, 3, 5)  # a weight clicked in the diagram: its nudge check
    delivered()
    qtbot.mouseClick(pane.nudge_button, Qt.MouseButton.LeftButton)
    delivered()
    delivered()
    assert w.studio.explain.check is not None
    assert pane.isVisible() and pane.body.height() >= 4 * w.fontMetrics().height()
    views = [v for v in panel.views if v.isVisible()]
    assert [v.value.shape for v in views] == [(20, 1)] * 3
    for v in views:
        assert readable_grid(v), v.name
        assert seen(v, w), v.name
    assert seen(panel.formula, w)


def test_a_grid_over_a_shared_power_of_ten_says_it_and_keeps_every_digit(qtbot):
    from bpstudio.widgets.matrix_view import MatrixView, grid_texts
    import numpy as np

    value = np.array([[-0.2317, 0.0008, 0.0], [0.1, -0.05, 0.0123]])
    view = MatrixView()
    qtbot.addWidget(view)
    view.set_matrix("M", value)
    view.resize(400, 200)
    assert view.is_grid and view.factor_text() == ""  # room enough: written as they are
    plain = grid_texts(value)
    narrow = next((k for k in range(60, 400, 2) if (view.resize(k, 200) or True)
                   and view.is_grid and view.factor_text()), None)
    assert narrow is not None, "a width where only the numbers over 10⁻² fit"
    assert view.factor_text() == "×10⁻²" and view.header_text().endswith("×10⁻²")
    for row, plain_row in zip(view.cell_texts(), plain):
        for t, p in zip(row, plain_row):  # the same digits, the point moved two places
            assert float(t.replace("−", "-")) / 100 == pytest.approx(float(p.replace("−", "-")))
            assert t.replace(".", "").lstrip("−0") == p.replace(".", "").lstrip("−0")
    assert view.value_text_at(view.cell_rect(0, 0).center()).endswith("= -0.2317")  # exact


def explain_a_cell(panel, qtbot, view, row: int, column: int) -> None:
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton,
                     pos=view.cell_rect(row, column).center().toPoint())
    delivered()  # the pane's place, the room it takes, the step's scrolling
    delivered()


def assert_grids_with_the_pane(w, shapes) -> None:
    """The step's matrices each written out readable and whole on screen, the explanation open
    beside or over them."""
    panel = w.equations
    assert panel.explain_pane.isVisible() and seen(panel.explain_pane, w)
    views = [v for v in panel.views if v.isVisible()]
    assert [v.value.shape for v in views] == shapes
    for v in views:
        assert readable_grid(v), v.name
        assert seen(v, w), v.name


def nudge(panel, qtbot) -> None:
    qtbot.mouseClick(panel.explain_pane.nudge_button, Qt.MouseButton.LeftButton)
    delivered()
    delivered()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_explanation_of_an_outer_product_takes_the_diagrams_place(cat_net, qtbot,
                                                                     english_afterwards, language):
    """A 7×20 result needs the height the diagram has: the explanation stands in its place (it
    names the weight explained) and gives it back when closed."""
    w = cat_net(language)
    panel = w.equations
    go(w, qtbot, "3b", 2)
    diagram = w.diagram.height()
    assert diagram >= 100 and not w.diagram.visibleRegion().isEmpty()
    explain_a_cell(panel, qtbot, panel.views[2], 3, 5)
    shapes = [(7, 1), (1, 20), (7, 20)]
    assert_grids_with_the_pane(w, shapes)
    assert w.diagram.visibleRegion().isEmpty()  # covered
    assert "w" in panel.explain_pane.heading.text() and "[2]" in panel.explain_pane.heading.text()
    nudge(panel, qtbot)
    assert w.studio.explain.check is not None
    assert_grids_with_the_pane(w, shapes)
    assert panel.explain_pane.body.height() >= 4 * w.fontMetrics().height()
    qtbot.mouseClick(panel.explain_pane.close_button, Qt.MouseButton.LeftButton)
    delivered()
    assert not panel.explain_pane.isVisible()
    assert w.diagram.height() == diagram and not w.diagram.visibleRegion().isEmpty()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_explanation_of_an_outer_product_in_the_equation_stage(cat_net, qtbot,
                                                                   english_afterwards, language):
    w = cat_net(language)
    panel = w.equations
    qtbot.keyClick(w, Qt.Key.Key_F5)
    qtbot.keyClick(w, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: w.isFullScreen() and w.presenter.stage == "equations")
    delivered()
    go(w, qtbot, "3b", 2)
    explain_a_cell(panel, qtbot, panel.views[2], 3, 5)
    shapes = [(7, 1), (1, 20), (7, 20)]
    assert_grids_with_the_pane(w, shapes)
    assert seen(panel.formula, w)
    nudge(panel, qtbot)
    assert_grids_with_the_pane(w, shapes)
    qtbot.keyClick(w, Qt.Key.Key_Escape)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_small_nets_vectors_stay_numbers_with_the_explanation(on_projector, qtbot,
                                                                english_afterwards, language):
    """The tutorial's 3–2–1 net: a[0] (3×1) beside W[1] (2×3) is numbers before and after the
    explanation opens (the rows are given no less than a view's least height)."""
    w = on_projector()
    w.set_language(language)
    w.studio.choose_preset("seed-3-2-1")
    delivered()
    panel = w.equations
    qtbot.keyClick(w, Qt.Key.Key_Right)
    delivered()
    delivered()
    shapes = [(2, 3), (3, 1), (2, 1), (2, 1)]
    views = [v for v in panel.views if v.isVisible()]
    assert [v.value.shape for v in views] == shapes
    assert all(readable_grid(v) and seen(v, w) for v in views), [v.name for v in views]
    explain_a_cell(panel, qtbot, views[-1], 0, 0)
    assert_grids_with_the_pane(w, shapes)
    assert not w.diagram.visibleRegion().isEmpty()  # room enough: the diagram stays
    w.studio.explain.choose_weight(1, 0, 1)  # a weight clicked in the diagram: its nudge check
    delivered()
    nudge(panel, qtbot)
    assert w.studio.explain.check is not None
    assert_grids_with_the_pane(w, shapes)
