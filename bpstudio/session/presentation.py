"""What presentation mode shows: whether the class sees it, and which stage. The window's
Presenter (app/presentation.py) lays out what this says; lessons and keys set it here."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core.vocabulary import STAGES


class Presentation(QObject):
    changed = Signal()  # presenting began or ended, or the stage changed

    def __init__(self, stage: str = "mixed", parent: QObject | None = None):
        super().__init__(parent)
        self.presenting = False
        self.stage = stage if stage in STAGES else "mixed"

    def present(self, stage: str | None = None) -> bool:
        """Presentation mode, on ``stage`` (or the last one); False for a stage there is not."""
        if stage is not None and stage not in STAGES:
            return False
        if (self.presenting, self.stage) != (True, stage or self.stage):
            self.presenting, self.stage = True, stage or self.stage
            self.changed.emit()
        return True

    def choose_stage(self, stage: str) -> bool:
        """The stage shown when presenting (remembered while not)."""
        if stage not in STAGES:
            return False
        if stage != self.stage:
            self.stage = stage
            self.changed.emit()
        return True

    def leave(self) -> None:
        if self.presenting:
            self.presenting = False
            self.changed.emit()

    def toggle(self) -> None:
        self.leave() if self.presenting else self.present()
