"""A formula on one line, as large as its font allows and no wider than the view: it shrinks (to
SMALLEST of its font) to fit, and only then breaks between expressions, never inside one: first
after the comma between two formulas, then before an "=" or "←", then before a "+", "−", "·" or
"⊙" that joins two terms (never inside brackets, never a sign); a line still too wide shrinks
further rather than be cut. A word-wrapping QLabel broke formulas anywhere and, squeezed by a
splitter, cut their second line off.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

SMALLEST = 0.8  # of the font's size: below this a formula breaks into lines instead
TINIEST = 0.25  # broken as far as it goes and still too wide: it shrinks to this, never cut


class FormulaLabel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(80)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - QLabel's name: the views call it so
        self._text = text
        self.updateGeometry()
        self.update()

    def layout_for(self, width: float) -> tuple[QFont, list[str]]:
        """The font and lines the formula is drawn with at ``width``."""
        levels = [[[self._text]], *(_pieces(self._text, k) for k in range(1, len(BREAKS) + 1))]
        size = self.font().pixelSize() if self.font().pixelSize() > 0 else None
        base = size or self.font().pointSizeF()
        font = QFont(self.font())
        lines = [self._text]
        for k, formulas in enumerate(levels):
            smallest = TINIEST if k == len(levels) - 1 else SMALLEST
            for scale in (round(1 - 0.05 * n, 2) for n in range(int(round((1 - smallest) / 0.05)) + 1)):
                if size:
                    font.setPixelSize(max(1, round(base * scale)))
                else:
                    font.setPointSizeF(base * scale)
                fm = QFontMetricsF(font)
                lines = _packed(formulas, width, fm.horizontalAdvance)
                if max((fm.horizontalAdvance(line) for line in lines), default=0) <= width:
                    return font, lines
        return font, lines

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        font, lines = self.layout_for(width)
        return int(QFontMetricsF(font).height() * max(len(lines), 1)) + 4

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        return QSize(int(fm.horizontalAdvance(self._text)) + 8, int(fm.height()) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, int(QFontMetricsF(self.font()).height() * SMALLEST) + 4)

    def paintEvent(self, event) -> None:
        font, lines = self.layout_for(self.width())
        p = QPainter(self)
        p.setFont(font)
        p.setPen(self.palette().windowText().color())
        p.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, "\n".join(lines))
        p.end()


# where a formula may break, in order: between two formulas (after their comma), before "=" or
# "←", before an operator joining two terms
BREAKS = (",", "=←", "+−·⊙")
OPENING, CLOSING = "([{", ")]}"


def _pieces(text: str, level: int) -> list[list[str]]:
    """The formulas of ``text`` (split after a comma between two of them, from level 1), each in
    the pieces a line may end between: before "=" or "←" (level 2), before "+", "−", "·" or "⊙"
    between two terms (level 3); never inside brackets, never before a sign ("= −(…)")."""
    formulas: list[list[str]] = [[]]
    depth, piece = 0, ""
    operators = "".join(BREAKS[1:level])
    for k, c in enumerate(text):
        before = text[:k].rstrip()
        binary = bool(before) and before[-1] not in OPENING + "=←+−·⊙,"
        if depth == 0 and c in operators and binary and piece.strip():
            formulas[-1].append(piece)
            piece = ""
        piece += c
        depth += (c in OPENING) - (c in CLOSING)
        if depth == 0 and c == "," and level >= 1 and text[k + 1:k + 2].isspace():
            formulas[-1].append(piece)
            formulas.append([])
            piece = ""
    formulas[-1].append(piece)
    return [f for f in ([p for p in f if p.strip()] for f in formulas) if f]


def _packed(formulas: list[list[str]], width: float, advance) -> list[str]:
    """The pieces in as few lines as fit ``width`` (a piece wider than it alone on its line);
    a formula starts a new line only where the one before does not leave room for it whole."""
    lines: list[str] = []
    for pieces in formulas:
        whole = "".join(pieces).strip()
        if lines and advance(lines[-1] + "  " + whole) <= width:
            lines[-1] += "  " + whole
            continue
        line = ""
        for piece in pieces:
            joined = (line + piece).strip()
            if line and advance(joined) > width:
                lines.append(line.strip())
                line = piece
            else:
                line += piece
        lines.append(line.strip())
    return lines
