"""Run-time language switching for widgets: on QEvent.LanguageChange, retranslate()."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontDatabase


class Retranslatable:
    """Mix in before QWidget; the class sets every user-visible text in retranslate()."""

    def retranslate(self) -> None:  # pragma: no cover - each widget overrides
        raise NotImplementedError

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


BUNDLED_CJK_FAMILY = "BP Studio CJK"  # the app's own subset (resources/fonts), once registered


def has_cjk_font() -> bool:
    """Can Chinese text be drawn (else it would draw as boxes)? The bundled subset has every
    character the app writes; fontconfig does not count it as a Chinese font (too few
    characters), so it is looked for by name."""
    return (BUNDLED_CJK_FAMILY in QFontDatabase.families()
            or bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)))
