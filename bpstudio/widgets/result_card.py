"""One classified picture of the gallery: the user's picture and the input as the network sees it
side by side, and under them (never over them) its name, the verdict, the input's size and a bar.

The card is as wide as the gallery's list (a narrow dock at 1024×768 cut the verdict and put the
text over the picture): the name is elided in the middle to one line (its tooltip holds all of
it), the verdict wraps between its words and is never cut, a class name too long for a line is
elided in the middle. Everything is plain text: a name from a file is its characters, never markup.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..core.network import THRESHOLD, decide
from ..session.classify import Classified
from .i18n import Retranslatable
from .palette import NEGATIVE, POSITIVE, rgb_image
from .plain_text import isolated, plain_labels, tip

CARD_IMAGE = 80  # two pictures side by side fit the gallery's narrowest list (180 px)
CARD_MARGIN = 4
CARD_SPACING = 4


def pixmap_of(pixels: np.ndarray, side: int) -> QPixmap:
    """(H, W, 3) uint8 → a pixmap scaled to ``side`` with visible pixels (no smoothing)."""
    return QPixmap.fromImage(rgb_image(pixels).scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.FastTransformation))


def card_min_width() -> int:
    """The width both pictures need: a narrower list scrolls sideways rather than cut them."""
    return 2 * CARD_IMAGE + CARD_SPACING + 2 * CARD_MARGIN + 2  # + the frame


class ProbabilityBar(QWidget):
    """p(class 1) as a bar from 0 to 1 with the threshold marked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.value = 0.0
        self.setMinimumHeight(14)
        self.setMaximumHeight(14)

    def set_value(self, value: float) -> None:
        self.value = value
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.fillRect(r, self.palette().base())
        v = self.value if np.isfinite(self.value) else 0.0
        p.fillRect(QRectF(r.left(), r.top(), r.width() * v, r.height()),
                   POSITIVE if decide(v) else NEGATIVE)
        p.setPen(QPen(self.palette().text().color(), 1))
        p.drawRect(r)
        x = r.left() + r.width() * THRESHOLD
        p.drawLine(x, r.top(), x, r.bottom())
        p.end()


class ResultCard(Retranslatable, QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ResultCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.original = QLabel()
        self.seen = QLabel()
        for picture in (self.original, self.seen):
            picture.setFixedSize(CARD_IMAGE, CARD_IMAGE)
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel()
        self.name.setObjectName("CardName")
        bold = QFont(self.name.font())
        bold.setBold(True)
        self.name.setFont(bold)
        self.verdict = QLabel()
        self.verdict.setObjectName("CardVerdict")
        self.verdict.setWordWrap(True)
        self.input = QLabel()
        self.input.setObjectName("CardInput")
        self.input.setWordWrap(True)
        small = QFont(self.input.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 6.0))
        self.input.setFont(small)
        for label in (self.name, self.verdict, self.input):
            label.setMinimumWidth(0)  # the card's width is the list's; the texts fit it
        self.bar = ProbabilityBar()
        pictures = QHBoxLayout()
        pictures.setSpacing(CARD_SPACING)
        pictures.addWidget(self.original)
        pictures.addWidget(self.seen)
        pictures.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(CARD_MARGIN, CARD_MARGIN, CARD_MARGIN, CARD_MARGIN)
        column.setSpacing(2)
        column.addLayout(pictures)
        column.addWidget(self.name)
        column.addWidget(self.verdict)
        column.addWidget(self.input)
        column.addWidget(self.bar)
        plain_labels(self)
        self.retranslate()
        self.shown: tuple[object, ...] | None = None  # what show_result drew last
        self._words: tuple[str, str, str, str] = ("", "", "", "")  # name, p, class 1, label
        self.fitted = 0  # the width the texts were fitted to

    def retranslate(self) -> None:
        self.seen.setToolTip(self.tr("what the network sees: the input after cropping and resizing"))

    def show_result(self, r: Classified, classes: tuple[str, ...], input_text: str) -> bool:
        """Show this result; False: it was shown so already (a card is redrawn only when its
        result or words change)."""
        unclassified = self.tr("not classified: this network does not take pictures")
        said = (r, classes, input_text, unclassified)
        if self.shown is not None and self.shown[0] is r and self.shown[1:] == said[1:]:
            return False
        before = self.shown[0] if self.shown is not None else None
        if not (isinstance(before, Classified) and before.thumbnail is r.thumbnail
                and before.pixels is r.pixels):  # a new probability: the pictures stay
            self.original.setPixmap(QPixmap.fromImage(r.thumbnail).scaled(
                CARD_IMAGE, CARD_IMAGE, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
            self.seen.setPixmap(pixmap_of(r.pixels, CARD_IMAGE))
        self.shown = said
        if r.probability != r.probability:  # NaN: the network now takes no pictures
            self._words = (r.name, "", "", unclassified)
        else:
            self._words = (r.name, f"{r.probability:.2f}", classes[1], r.label(classes))
        self.name.setToolTip(tip(r.name))
        self.input.setText(input_text)
        self.bar.set_value(r.probability)
        self.fit(self.fitted or self.width())
        return True

    def verdict_text(self, width: int | None = None) -> str:
        """The verdict as shown at this width: p(class 1) = 0.19 → class; a class name too long
        for a line elided in its middle."""
        _, p, positive, label = self._words
        if not p:
            return label
        fm = self.verdict.fontMetrics()
        line = max(width if width is not None else self.verdict.width(), 1)
        positive = fm.elidedText(positive, Qt.TextElideMode.ElideMiddle,
                                 line - fm.horizontalAdvance(f"p() = {p}"))
        label = fm.elidedText(label, Qt.TextElideMode.ElideMiddle,
                              line - fm.horizontalAdvance("→ "))
        return f"p({isolated(positive)}) = {p} → {isolated(label)}"

    def fit(self, width: int) -> QSize:
        """Fit the texts to a card ``width`` pixels wide; the size the card then needs."""
        width = max(width, card_min_width())
        self.fitted = width
        inner = width - 2 * CARD_MARGIN - 2 * self.frameWidth()
        self.name.setText(self.name.fontMetrics().elidedText(
            self._words[0], Qt.TextElideMode.ElideMiddle, inner))
        self.verdict.setText(self.verdict_text(inner))
        return QSize(width, self.heightForWidth(width))
