"""A formula is never cut: it shrinks, breaks at "=" (then after the comma between two formulas)
and shrinks further rather than draw past its edges."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetricsF

from bpstudio.widgets.formula_label import SMALLEST, FormulaLabel

START = "Z[l] = W[l]·A[l−1] + b[l],  A[l] = σ(Z[l])"


@pytest.fixture
def label(qtbot):
    w = FormulaLabel()
    qtbot.addWidget(w)
    font = QFont(w.font())
    font.setPixelSize(40)
    w.setFont(font)
    w.setText(START)
    return w


def widest(font, lines) -> float:
    fm = QFontMetricsF(font)
    return max(fm.horizontalAdvance(line) for line in lines)


def test_a_wide_view_keeps_one_line_at_full_size(label):
    font, lines = label.layout_for(5000)
    assert lines == [START] and font.pixelSize() == 40


@pytest.mark.parametrize("width", [600, 400, 300, 200, 150])
def test_every_line_fits_the_width(label, width):
    font, lines = label.layout_for(width)
    assert widest(font, lines) <= width
    assert "".join(lines).replace(" ", "") == START.replace(" ", "")  # nothing lost


def test_two_formulas_break_after_their_comma_before_shrinking_too_far(label):
    small = QFont(label.font())
    small.setPixelSize(round(40 * SMALLEST))
    fm = QFontMetricsF(small)
    # room for "= W[l]·A[l−1] + b[l]," at the smallest size, not for it with "A[l]" after it
    width = fm.horizontalAdvance("= W[l]·A[l−1] + b[l],") + 2
    assert width < fm.horizontalAdvance("= W[l]·A[l−1] + b[l],  A[l]")
    font, lines = label.layout_for(width)
    assert "A[l]" in lines and lines[0] == "Z[l]"
    assert font.pixelSize() >= int(40 * SMALLEST)
