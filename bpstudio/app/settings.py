"""Remembered settings: one QSettings in INI format (tests point QSettings.setPath elsewhere)."""

from __future__ import annotations

from PySide6.QtCore import QSettings


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "BP Studio", "BP Studio")


RECENT_KEY = "recent/files"
MAX_RECENT = 8


def recent_files() -> list[str]:
    value = settings().value(RECENT_KEY, [])
    return [value] if isinstance(value, str) else list(value or [])


def add_recent(path: str) -> None:
    """Newest first, no duplicates, at most MAX_RECENT."""
    files = [path] + [p for p in recent_files() if p != path]
    settings().setValue(RECENT_KEY, files[:MAX_RECENT])
