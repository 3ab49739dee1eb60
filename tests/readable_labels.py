"""Whether labels can be read: the plots' tick labels and the diagram's column labels, as the
widget and the window tests both check them."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF, QImage, QPainter


def drawn_labels(axis) -> list:
    """(rect, text) of every tick label a pyqtgraph axis draws, as its paint() would."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    p = QPainter(image)
    _, _, texts = axis.generateDrawSpecs(p)
    p.end()
    return [(rect, text) for rect, _, text in texts if text]


def assert_labels_fit(layout, width: float) -> None:
    """Every line of every column label (diagram_layout's PlacedText) is no wider, in its font,
    than the room the layout gave it; the rooms of two columns never meet, and none leaves the
    widget (``width`` px wide)."""
    for column in layout.texts:
        for t in column:
            font = layout.title_font if t.bold else layout.detail_font
            assert t.text and QFontMetricsF(font).horizontalAdvance(t.text) <= t.rect.width(), (
                width, t.text, t.rect.width())
            assert 0 <= t.rect.left() and t.rect.right() <= width, (width, t.text)
    for left, right in zip(layout.texts, layout.texts[1:]):
        assert max(t.rect.right() for t in left) < min(t.rect.left() for t in right), width
