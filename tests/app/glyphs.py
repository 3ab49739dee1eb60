"""What a user would see as boxes: the characters a font and Qt's fallbacks cannot draw (the
tests of fonts and of the help read it)."""

from __future__ import annotations

from PySide6.QtGui import QTextLayout


def glyph_runs(text: str, font):
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout.glyphRuns()


def boxes(text: str, font) -> str:
    """The characters of ``text`` that draw as .notdef (glyph 0) with ``font`` and Qt's font
    fallbacks: what a user would see as boxes."""
    return "".join(c for c in dict.fromkeys(text) if c.strip()
                   and any(0 in run.glyphIndexes() for run in glyph_runs(c, font)))
