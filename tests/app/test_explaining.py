"""Explaining a number as a user meets it: click a cell of the step on screen, see what it is made
of marked in the matrices and in the diagram, read its sum; the arrow keys move the cell, Esc lets
it go; a weight's chain rule and its nudge check; the explanation exported and in Chinese."""

from __future__ import annotations

import csv
import math

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from posted_events import delivered
from bpstudio.session.stepper_model import BATCH


def click_cell(qtbot, view, row: int, col: int) -> None:
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.cell_rect(row, col).center().toPoint())


def shown_number(text: str) -> float:
    return float(text.replace("−", "-"))


def views(w):
    """The matrices on screen, by name."""
    return {v.name: v for v in w.equations.views if v.isVisible()}


@pytest.fixture
def window(make_window, qtbot):
    w = make_window(1600, 1000)
    qtbot.keyClick(w, Qt.Key.Key_Right)  # step 1: z[1] = W[1]·a[0] + b[1], one sample
    assert w.studio.stepper.current_step().equation.key == "z"
    return w


def test_clicking_a_z_cell_marks_its_row_and_column_and_the_sum_is_the_cell(window, qtbot):
    w = window
    v = views(w)
    assert set(v) == {"W[1]", "a[0]", "b[1]", "z[1]"}
    assert v["z[1]"].is_grid
    click_cell(qtbot, v["z[1]"], 1, 0)
    pane = w.equations.explain_pane
    assert pane.isVisible()
    assert v["W[1]"].marks() == [("row", 1)]
    assert v["a[0]"].marks() == [("column", 0)]
    assert v["b[1]"].marks() == [("cell", (1, 0))]
    assert ("chosen", (1, 0)) in v["z[1]"].marks()
    e = w.studio.explain.explanation
    # the pane's total, as the user reads it, is the number in the cell
    text = pane.body.toPlainText()
    cell = v["z[1]"].cell_texts()[1][0]
    decimals = len(cell.split(".")[1])
    assert f"{e.total:.{decimals}f}".replace("-", "−") == cell
    assert "✓ the same number as the cell" in text
    assert pane.heading.text().startswith("<b>z<sub>2</sub><sup>[1]</sup> = ")
    # every product of the sum is listed with its two factors, as the tutorial writes them
    net = w.studio.model.network
    x = w.studio.model.sample.x()[:, 0]
    for k in range(net.dims[0]):
        assert f"w2,{k + 1}[1] · a{k + 1}[0]" in text.replace("\u2029", "\n")
        product = net.weights[0][1, k] * x[k]
        assert f"{product:.6g}".replace("-", "−") in text
    assert w.diagram.explained == ("into", 1, 1)


def test_arrow_keys_move_the_cell_and_esc_lets_it_go(window, qtbot):
    w = window
    v = views(w)
    W = v["W[1]"]
    click_cell(qtbot, W, 0, 0)
    assert w.studio.explain.explanation.weight == (1, 0, 0)
    position = w.studio.stepper.stepper.position
    qtbot.keyClick(W, Qt.Key.Key_Right)  # the cell moves; the step does not
    assert (w.studio.explain.choice.row, w.studio.explain.choice.col) == (0, 1)
    assert ("chosen", (0, 1)) in W.marks()
    assert w.studio.stepper.stepper.position == position
    qtbot.keyClick(W, Qt.Key.Key_Down)
    assert (w.studio.explain.choice.row, w.studio.explain.choice.col) == (1, 1)
    assert w.studio.explain.explanation.target.text() == "w_2,2^[1]"
    assert w.studio.explain.explanation.value == w.studio.model.network.weights[0][1, 1]
    for _ in range(5):  # at the edge it stays
        qtbot.keyClick(W, Qt.Key.Key_Down)
    assert w.studio.explain.choice.row == w.studio.model.network.dims[1] - 1
    qtbot.keyClick(W, Qt.Key.Key_Escape)
    assert w.studio.explain.explanation is None and not w.equations.explain_pane.isVisible()
    assert W.marks() == []
    qtbot.keyClick(W, Qt.Key.Key_Right)  # the arrows step again
    assert w.studio.stepper.stepper.position == position + 1


def test_a_step_closes_the_explanation_of_the_step_before(window, qtbot):
    w = window
    click_cell(qtbot, views(w)["z[1]"], 0, 0)
    assert w.studio.explain.explanation is not None
    w.studio.stepper.next()
    assert w.studio.explain.explanation is None and w.diagram.explained is None


def test_a_weight_gradient_shows_its_chain_rule_and_the_nudge_agrees(window, qtbot):
    w = window
    w.studio.stepper.set_mode(BATCH)
    s = w.studio.stepper.stepper
    k = next(st.index for st in s.steps if st.equation.key == "3b" and st.layer == 1)
    w.studio.stepper.go(k + 1)
    dW = views(w)["dW[1]"]
    click_cell(qtbot, dW, 1, 2)
    e = w.studio.explain.explanation
    assert e.weight == (1, 1, 2) and e.count == s.samples
    v = views(w)
    assert v["dZ[1]"].marks() == [("row", 1)]
    assert v["A[0]ᵀ"].marks() == [("column", 2)]  # input 3 in every sample
    assert abs(e.total - s.dWs[0][1, 2]) <= 1e-12
    rule = w.studio.explain.rule
    assert rule is not None and abs(rule.batch - rule.dW) <= 1e-12
    text = w.equations.explain_pane.body.toPlainText()
    assert "The chain rule for w2,3[1]" in text
    pane = w.equations.explain_pane
    assert pane.nudge_button.isVisible()
    qtbot.mouseClick(pane.nudge_button, Qt.MouseButton.LeftButton)
    check = w.studio.explain.check
    assert check is not None and check.agreement >= 5
    text = pane.body.toPlainText()
    assert f"They agree to {check.agreement} significant digits" in text
    # nothing was changed by the nudge
    assert w.studio.model.network.weights[0][1, 2] == s.start_weights[0][1, 2]


def test_a_weight_clicked_in_the_diagram_is_explained(window, qtbot):
    w = window
    d = w.diagram
    d.refresh_now()
    edge = next(e for e in d.scene.layout.edges if e.layer == 2 and not e.bundle)
    middle = d.view.map((edge.a + edge.b) / 2)
    qtbot.mouseClick(d, Qt.MouseButton.LeftButton, pos=QPoint(round(middle.x()), round(middle.y())))
    e = w.studio.explain.explanation
    assert e is not None and e.weight == (2, edge.dst, edge.src)
    assert e.value == w.studio.model.network.weights[1][edge.dst, edge.src]
    assert w.studio.explain.rule is not None
    assert d.explained == ("weight", 2, edge.dst, edge.src)
    assert w.equations.explain_pane.isVisible()


def test_the_explanation_exports_every_term_as_csv(window, qtbot, tmp_path, monkeypatch):
    w = window
    click_cell(qtbot, views(w)["z[1]"], 0, 0)
    path = tmp_path / "z.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(w.equations.explain_pane.export_button, Qt.MouseButton.LeftButton)
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    n = w.studio.model.network.dims[0]
    assert rows[0] == ["term", "factors", "values", "value"]
    assert [r[0] for r in rows[1:n + 1]] == [str(k + 1) for k in range(n)]
    e = w.studio.explain.explanation
    assert float(rows[-1][3]) == e.value
    assert math.isclose(math.fsum(float(r[3]) for r in rows[1:n + 2]), e.value, rel_tol=1e-12)


def test_the_explanation_in_chinese(window, qtbot, english_afterwards):
    w = window
    w.set_language("zh_CN")
    click_cell(qtbot, views(w)["z[1]"], 0, 0)
    text = w.equations.explain_pane.body.toPlainText()
    assert "神经元" in text and "偏差" in text  # the tutorial's words: neuron, bias
    assert "the same number" not in text


def test_the_pane_fits_a_1024_projector(on_projector, qtbot):
    w = on_projector()
    qtbot.keyClick(w, Qt.Key.Key_Right)  # four matrices side by side
    click_cell(qtbot, views(w)["z[1]"], 0, 0)
    delivered()  # the pane's layout
    assert w.equations.explain_pane.isVisible()
    assert w.minimumSizeHint().width() <= 1000
    assert w.equations.explain_pane.body.height() >= 4 * w.fontMetrics().height()


def test_a_narrow_pane_never_splits_a_product_from_its_factors(window, qtbot):
    """A pane narrower than its table wrapped "w × δ" so that δ fell under w and the term's
    result stood beside "w ×": read aloud, the wrong product. Each product stays on one line
    (the pane scrolls sideways instead)."""
    w = window
    click_cell(qtbot, views(w)["z[1]"], 1, 0)
    pane = w.equations.explain_pane
    pane.body.setFixedWidth(160)  # narrower than any term's row
    delivered()
    doc = pane.body.document()
    doc.setTextWidth(pane.body.viewport().width())
    products = []
    block = doc.begin()
    while block.isValid():
        if "×" in block.text() and not block.text().startswith("×"):
            products.append(block)
        block = block.next()
    assert len(products) >= 3  # the listed terms of the sum
    for b in products:
        assert b.layout().lineCount() == 1, b.text()
