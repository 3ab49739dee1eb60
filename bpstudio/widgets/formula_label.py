"""A formula on one line, as large as its font allows and no wider than the view: it shrinks (to
SMALLEST of its font) to fit, and only then breaks before an "=" or "←". A word-wrapping QLabel
broke formulas anywhere and, squeezed by a splitter, cut their second line off."""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

SMALLEST = 0.8  # of the font's size: below this a formula breaks into lines instead


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
        lines = [self._text]
        for attempt in (lines, _broken(self._text)):
            font = QFont(self.font())
            size = self.font().pixelSize() if self.font().pixelSize() > 0 else None
            base = size or self.font().pointSizeF()
            scale = 1.0
            while scale >= SMALLEST:
                if size:
                    font.setPixelSize(max(1, int(base * scale)))
                else:
                    font.setPointSizeF(base * scale)
                fm = QFontMetricsF(font)
                if max((fm.horizontalAdvance(line) for line in attempt), default=0) <= width:
                    return font, attempt
                scale -= 0.05
        return font, _broken(self._text)

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


def _broken(text: str) -> list[str]:
    """The formula in lines, each after the first starting at an "=" or "←"."""
    parts = re.split(r"\s(?=[=←]\s)", text)
    return [part.strip() for part in parts if part.strip()]
