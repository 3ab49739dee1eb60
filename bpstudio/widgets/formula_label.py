"""A formula on one line, as large as its font allows and no wider than the view: it shrinks (to
SMALLEST of its font) to fit, and only then breaks: before an "=" or "←", then also after the
comma between two formulas; a line still too wide shrinks further rather than be cut. A
word-wrapping QLabel broke formulas anywhere and, squeezed by a splitter, cut their second line
off."""

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
        attempts = [[self._text], _broken(self._text), _broken(self._text, commas=True)]
        for k, attempt in enumerate(attempts):
            font = QFont(self.font())
            size = self.font().pixelSize() if self.font().pixelSize() > 0 else None
            base = size or self.font().pointSizeF()
            smallest = TINIEST if k == len(attempts) - 1 else SMALLEST
            for scale in (round(1 - 0.05 * n, 2) for n in range(int(round((1 - smallest) / 0.05)) + 1)):
                if size:
                    font.setPixelSize(max(1, round(base * scale)))
                else:
                    font.setPointSizeF(base * scale)
                fm = QFontMetricsF(font)
                if max((fm.horizontalAdvance(line) for line in attempt), default=0) <= width:
                    return font, attempt
        return font, attempts[-1]

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


def _broken(text: str, commas: bool = False) -> list[str]:
    """The formula in lines, each after the first starting at an "=" or "←" (and, with
    ``commas``, after the comma that ends one formula before the next)."""
    pattern = r"\s(?=[=←]\s)|(?<=,)\s+" if commas else r"\s(?=[=←]\s)"
    parts = re.split(pattern, text)
    return [part.strip() for part in parts if part.strip()]
