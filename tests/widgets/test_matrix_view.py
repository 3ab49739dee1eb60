"""The number grids of the equation view: one format per grid, no sign on a rounded zero, and every
digit inside its cell at the size the view is laid out at; too small a view shows the heatmap."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QFontMetricsF

from bpstudio.widgets.matrix_view import READABLE_CAP, MatrixView, grid_texts

MIXED = np.array([[0.0236, -0.00001, 12.5, -3.25, 0.0, 7.0, -0.5],
                  [-11.125, 0.75, -0.0004, 2.0, -9.999, 0.1, 3.5],
                  [1.0, -1.0, 0.001, -0.001, 5.5, -6.25, 0.02],
                  [4.0, 0.3, -0.7, 8.125, -2.5, 0.0625, -12.75],
                  [0.5, -0.25, 0.125, -0.0625, 9.5, -10.5, 11.0]])


def decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def test_a_grid_writes_every_number_in_one_format():
    texts = grid_texts(MIXED)
    flat = [t for row in texts for t in row]
    assert {decimals(t) for t in flat} == {2}  # the largest is 12.75: four significant digits
    assert texts[0][:4] == ["0.02", "0.00", "12.50", "−3.25"]  # −0.00001 rounds to 0: no sign
    assert texts[0][4] == "0.00" and not any(t.startswith("−0.00") and t.strip("−0.") == ""
                                             for t in flat)
    assert grid_texts(np.array([[0.5, -0.0000123]])) == [["0.5000", "0.0000"]]
    assert grid_texts(np.array([[1e-5, -2.5e-6]])) == [["1.00e−5", "−2.50e−6"]]
    assert grid_texts(np.array([[123456.0, -7.0]])) == [["1.23e5", "−7.00e0"]]
    assert grid_texts(np.array([[np.nan, -np.inf]])) == [["NaN", "−∞"]]
    assert grid_texts(np.array([[0.0, 1.0, -2.0]])) == [["0", "1", "−2"]]  # y, ReLU's σ′


@pytest.mark.parametrize("size,numbers", [((120, 100), False), ((180, 140), None),
                                          ((240, 170), None), ((330, 220), None),
                                          ((420, 300), None), ((600, 300), True),
                                          ((900, 600), True)])
def test_every_digit_fits_its_cell(qtbot, size, numbers):
    """From the smallest size the equation view gives a 5×7 matrix up: numbers that fit, or the
    heatmap; never digits over the cell's edge."""
    view = MatrixView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.set_matrix("W[2]", MIXED)
    view.show()
    view.grab()  # paints without a hitch
    if numbers is not None:
        assert view.is_grid == numbers
    if not view.is_grid:
        return
    font = view.grid_font()
    fm = QFontMetricsF(font)
    cell = view.cell_rect(0, 0)  # a grid's cells share its rectangle evenly
    cw, ch = cell.width(), cell.height()
    for row in view.cell_texts():
        for t in row:
            assert fm.horizontalAdvance(t) <= cw, (t, fm.horizontalAdvance(t), cw)
    assert fm.height() <= ch
    text = QFontMetricsF(view.font())
    assert fm.capHeight() >= text.capHeight()  # the digits are never smaller than the text …
    assert fm.capHeight() >= READABLE_CAP  # … nor than can be read from the back row


def test_bigger_views_write_bigger_digits(qtbot):
    small, big = MatrixView(), MatrixView()
    for v, size in ((small, (600, 300)), (big, (900, 600))):
        qtbot.addWidget(v)
        v.resize(*size)
        v.set_matrix("W[2]", MIXED)
    assert big.grid_font().pixelSize() > small.grid_font().pixelSize()


def test_a_view_too_small_for_its_digits_shows_the_heatmap(qtbot):
    view = MatrixView()
    qtbot.addWidget(view)
    view.resize(90, 70)
    view.set_matrix("W[1]", np.random.default_rng(0).normal(size=(10, 10)) * 100)
    assert view.cell_texts() is not None and not view.is_grid
    view.grab()


def test_the_digits_follow_the_texts_size(qtbot):
    """Ctrl+= makes the UI's text larger: the digits grow with it (up to 2.5 times the text), or
    give way to the heatmap when they no longer fit; never do they shrink as the text grows."""
    view = MatrixView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.set_matrix("dW[1]", np.array([[0.5, -0.25, 0.125]]))
    font = view.font()
    sizes = []
    for points in (9.0, 11.0, 13.5):
        font.setPointSizeF(points)
        view.setFont(font)
        sizes.append(view.grid_font().pixelSize())
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    font.setPointSizeF(60.0)  # a text so large that the digits cannot keep up: the heatmap
    view.setFont(font)
    assert not view.is_grid


def test_a_long_vector_is_written_out_when_its_digits_fit(qtbot):
    """A 20×1 vector (the cat net's first hidden layer) is numbers, not a heatmap, in a view
    tall enough for twenty readable lines; the least such height is what the view says."""
    view = MatrixView()
    qtbot.addWidget(view)
    view.set_matrix("δ[1]", np.linspace(-0.03, 0.05, 20))
    height = view.grid_height(110, 2000)
    assert height is not None and height < 600
    view.resize(110, int(height) + 1)
    assert view.is_grid and QFontMetricsF(view.grid_font()).capHeight() >= READABLE_CAP
    view.resize(110, int(height) - 20)
    assert not view.is_grid


def test_a_wide_grid_is_written_in_bands_of_columns(qtbot):
    """A 7×20 gradient in a view narrower than twenty readable numbers: bands of columns, one
    under another, every number readable and inside its cell; a click finds the number under
    it."""
    view = MatrixView()
    qtbot.addWidget(view)
    value = np.arange(140).reshape(7, 20) * 0.0003 - 0.02
    view.set_matrix("∂L/∂W[2]", value)
    view.resize(900, 420)
    view.show()
    assert view.is_grid and view.bands() > 1
    fm = QFontMetricsF(view.grid_font())
    assert fm.capHeight() >= READABLE_CAP
    rows, cols = value.shape
    boxes = [view.cell_rect(i, j) for i in range(rows) for j in range(cols)]
    assert all(view.rect().contains(b.toRect()) for b in boxes)
    assert not any(a.intersects(b) and a.intersected(b).width() > 1 and a.intersected(b).height() > 1
                   for k, a in enumerate(boxes) for b in boxes[k + 1:])  # no two overlap
    for i, j in ((0, 0), (6, 19), (3, 12), (5, 7)):
        assert fm.horizontalAdvance(view.cell_texts()[i][j]) <= view.cell_rect(i, j).width()
        seen = []
        view.cell_clicked.connect(lambda r, c: seen.append((r, c)))
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.cell_rect(i, j).center().toPoint())
        assert seen[-1] == (i, j)
    view.grab()


def test_a_layout_search_measures_each_number_once_per_size(qtbot, monkeypatch):
    """Finding a matrix's least height tries many sizes of cells, and most of them ask for the
    same font sizes again: each distinct number is measured once per font size, however often
    a size is asked for (the cat net's 20×209 matrices stalled each step for 0.2–0.5 s), and a
    search made again measures nothing."""
    import bpstudio.widgets.matrix_view as matrix_view

    measured: list[tuple[int, str]] = []
    made: list[int] = []

    class Counting(QFontMetricsF):
        def __init__(self, font):
            super().__init__(font)
            self.px = font.pixelSize()
            made.append(self.px)

        def horizontalAdvance(self, text, *args):  # noqa: N802 - Qt's name
            measured.append((self.px, text))
            return super().horizontalAdvance(text, *args)

    asked: list[int] = []

    class CountingInfo(QFontInfo):
        def __init__(self, font):
            super().__init__(font)
            asked.append(1)

    monkeypatch.setattr(matrix_view, "QFontMetricsF", Counting)
    monkeypatch.setattr(matrix_view, "QFontInfo", CountingInfo)
    view = MatrixView()
    qtbot.addWidget(view)
    value = np.random.default_rng(0).standard_normal((6, 40))
    view.set_matrix("W", value)
    height = view.grid_height(900, 600)
    assert height is not None
    searched, fitted = len(made), len(asked)
    # asked again (the equation view arranges a step several times): the layouts found are
    # kept, nothing is measured or fitted again
    assert view.grid_height(900, 600) == height and (len(made), len(asked)) == (searched, fitted)
    numbers = [m for m in measured if any(c.isdigit() for c in m[1])]
    assert numbers and len(numbers) == len(set(numbers))  # never the same number at one size twice
