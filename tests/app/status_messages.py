"""What the window's status bar has said: every message from when the test starts listening (a
status tip, as the pointer crosses the diagram, may replace the latest before the test reads it)."""

from __future__ import annotations


def status_said(w) -> list[str]:
    said: list[str] = []
    w.statusBar().messageChanged.connect(said.append)
    return said


def said_in(said: list[str], words: str) -> bool:
    return any(words in m for m in said)
