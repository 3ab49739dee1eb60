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


def has_cjk_font() -> bool:
    """Is a font for Simplified Chinese installed (else Chinese text would draw as boxes)?"""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
