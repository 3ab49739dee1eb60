"""Remembered settings: one QSettings in INI format (tests point QSettings.setPath elsewhere)."""

from __future__ import annotations

from PySide6.QtCore import QSettings


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "BP Studio", "BP Studio")
