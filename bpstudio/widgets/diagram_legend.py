"""The diagram's legend: line samples of the edges' colours and dashes (and the bundles' dots), then what a
line's width and strength mean and which sample is shown. On screen it is three lines elided to
the width; for slides and print it is whole, wrapped."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QPalette, QPen

from .diagram_painter import bundle_pen, sign_pen
from .palette import mix
from .theme import Theme


def top_of_legend(height: float, font: QFont, captions: bool = True) -> float:
    """Where the legend's band begins, at the bottom of a widget ``height`` tall (the layout
    keeps the network above it); ``captions``: with the two lines under the samples."""
    return height - (3.8 if captions else 1.6) * QFontMetrics(font).height()


class DiagramLegend:
    def __init__(self, palette: QPalette, font: QFont, theme: Theme):
        self.palette, self.font, self.theme = palette, font, theme

    def samples(self, words: list[str], bundle_words: str | None) -> list[tuple[QPen, str]]:
        """The line samples, drawn as the edges are: blue, orange and dashed, grey (``words``
        say what each is), and the bundles' dots where there are bundles (``bundle_words``)."""
        text = self.palette.text().color()
        background = self.palette.base().color()
        positive, negative, zero = words
        samples = [(sign_pen(QColor(self.theme.positive), 4, False), positive),
                   (sign_pen(QColor(self.theme.negative), 4, True, 30), negative),
                   (QPen(mix(background, text, self.theme.weakest_edge), 2), zero)]
        if bundle_words is not None:
            samples.append((bundle_pen(mix(background, text, 0.45), 1.5), bundle_words))
        return samples

    def paint(self, p: QPainter, samples: list, lines: list[str], width: float,
              height: float) -> None:  # (no ``lines``: the samples' row alone)
        """The samples and ``lines`` at the bottom of a ``width`` × ``height`` widget, each
        elided to the width, never over the edge, on the background's colour: an edge panned
        under it never runs through its words."""
        fm = p.fontMetrics()
        line = fm.height()
        top = top_of_legend(height, self.font, bool(lines))
        y = top + 0.6 * line
        p.fillRect(QRectF(0, top, width, height - top), self.palette.base())
        x = 12.0
        for pen, label in samples:
            if x + 36 + fm.horizontalAdvance(label) > width:
                break
            x = self._paint_sample(p, pen, label, x, y)
        p.setPen(self.palette.text().color())
        for k, words in enumerate(lines, start=1):
            p.drawText(QPointF(12.0, y + k * 1.1 * line + fm.ascent() / 2),
                       fm.elidedText(words, Qt.TextElideMode.ElideRight, width - 24))

    def paint_whole(self, p: QPainter | None, samples: list, lines: list[str], top: float,
                    width: float) -> float:
        """The whole legend from ``top``, wrapped to ``width`` instead of elided (slides,
        print); its height. Without a painter it is only measured."""
        fm = QFontMetricsF(self.font)
        line = fm.height()
        y, x = top + line, 12.0
        for pen, label in samples:
            if x > 12 and x + 36 + fm.horizontalAdvance(label) > width - 12:
                x, y = 12.0, y + 1.2 * line  # the next row
            # a row of its own too narrow for it (a twin's diagram in a film): elided, not cut
            label = fm.elidedText(label, Qt.TextElideMode.ElideRight, width - 12 - x - 36)
            if p is None:
                x += 46 + fm.horizontalAdvance(label)
            else:
                x = self._paint_sample(p, pen, label, x, y)
        y += 0.6 * line
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        for words in lines:
            box = fm.boundingRect(QRectF(12, y, width - 24, 100 * line), flags, words)
            if p is not None:
                p.setPen(self.palette.text().color())
                p.drawText(box, flags, words)
            y += box.height() + 0.2 * line
        return y + 0.4 * line - top

    def _paint_sample(self, p: QPainter, pen: QPen, label: str, x: float, y: float) -> float:
        """One line sample and its words at (x, y); the x after it."""
        fm = p.fontMetrics()
        p.setPen(pen)
        p.drawLine(QPointF(x, y), QPointF(x + 30, y))
        p.setPen(self.palette.text().color())
        p.drawText(QPointF(x + 36, y + fm.ascent() / 2 - 1), label)
        return x + 46 + fm.horizontalAdvance(label)
