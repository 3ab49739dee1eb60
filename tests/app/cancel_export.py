"""Cancel pressed in an export's progress dialog while a frame is drawn, as a user would: the
animation and time-lapse tests share it."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton


def cancel_while_drawing(monkeypatch, w, frames_class, at: int = 3) -> list[int]:
    """Press the progress dialog's Cancel while frame ``at`` of ``frames_class`` is drawn (the
    frames before it are with the encoder); the list fills with the frames drawn."""
    drawn: list[int] = []
    take = frames_class.take

    def take_then_cancel(frames, k):
        drawn.append(k)
        if k == at:
            progress = w.findChild(object, "AnimationProgress")
            progress.findChild(QPushButton).click()  # its Cancel button
        return take(frames, k)

    monkeypatch.setattr(frames_class, "take", take_then_cancel)
    return drawn
