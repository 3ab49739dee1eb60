"""Run-time language switching for widgets: on QEvent.LanguageChange, retranslate()."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QAbstractButton, QDockWidget


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


# a dock's title-bar buttons, by Qt's object names: (name, description) for screen readers
_DOCK_BUTTONS = {"qt_dockwidget_floatbutton": ("Float", "Undocks and re-attaches the dock widget"),
                 "qt_dockwidget_closebutton": ("Close", "Closes the dock widget")}


def name_dock_buttons(dock: QDockWidget) -> None:
    """Qt names a dock's title-bar buttons in the language of the moment it makes them and never
    again: named here in the current one, from Qt's own translation (context QDockWidget)."""
    for object_name, texts in _DOCK_BUTTONS.items():
        button = dock.findChild(QAbstractButton, object_name)
        if button is not None:
            name, description = (QCoreApplication.translate("QDockWidget", t) for t in texts)
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
