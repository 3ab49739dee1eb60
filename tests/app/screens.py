"""The offscreen screens tests/conftest.py makes: "desktop" (1920×1080) and "projector"
(1024×768)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication


def screen(name: str):
    return next(s for s in QGuiApplication.screens() if s.name() == name)
