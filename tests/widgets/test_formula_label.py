"""A formula is never cut: it shrinks, breaks between two formulas, then at "=", then at an
operator between two terms (never inside brackets), and shrinks further rather than draw past its
edges."""

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
    # room for "Z[l] = W[l]·A[l−1] + b[l]," at the smallest size, not for both formulas
    width = fm.horizontalAdvance("Z[l] = W[l]·A[l−1] + b[l],") + 2
    font, lines = label.layout_for(width)
    assert lines == ["Z[l] = W[l]·A[l−1] + b[l],", "A[l] = σ(Z[l])"]
    assert font.pixelSize() >= int(40 * SMALLEST)


FORMULAS = [START, "b[1] ← b[1] − α·∂L/∂b[1],  α = 0.0075",
            "L = −[y·log a[4] + (1 − y)·log(1 − a[4])]", "(2b)  δ[1] = ∂L/∂a[1] ⊙ σ′(z[1])",
            "∂L/∂W[2] = δ[2]·a[1]ᵀ", "z[1] = W[1]·a[0] + b[1]"]


@pytest.mark.parametrize("text", FORMULAS)
@pytest.mark.parametrize("width", [400, 250, 150, 90, 40])
def test_a_formula_breaks_only_at_an_operator_between_two_terms(label, text, width):
    label.setText(text)
    font, lines = label.layout_for(width)
    assert " ".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
    for before, after in zip(lines, lines[1:]):
        # a line ends a formula (its comma) or the next begins with the operator it breaks at
        assert before.endswith(",") or after[0] in "=←+−·⊙", (before, after)
        assert not ("," in before and after[0] in "=←")  # "…, A[l]" / "= σ(Z[l])": cut in two
        assert not before.endswith(("=", "←", "−", "+", "·", "⊙", "(", "["))  # never a sign
        assert before.count("(") == before.count(")") and before.count("[") == before.count("]")
