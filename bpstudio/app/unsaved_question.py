"""The one question before trained work is lost: closing the window, or a preset or a
ready-made comparison replacing the runs. Save, Discard or Cancel, asked alike for each (and
"Do not ask again" holds for each)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from ..core.trainer import RunState
from ..session.messages import sentences
from ..session.studio import Studio
from .settings import recall, remember

ASK_UNSAVED_KEY = "window/ask_about_unsaved_training"
# what would lose the work: closing, a preset, another data set, an opened model or session (the
# editor's and the studio's names), a comparison
CLOSING, PRESET, DATA, COMPARISON = "closing", "preset", "data", "comparison"
MODEL, SESSION = "model", "session"


class UnsavedQuestion(QObject):
    """Asks in ``host`` (the window) about ``studio``'s unsaved training; ``save()`` writes the
    session before it goes (File's save, asking for a name when it has none): True when saved."""

    def __init__(self, studio: Studio, save, host: QWidget) -> None:
        super().__init__(host)
        self.studio, self.save, self.host = studio, save, host

    def may_go_on(self, situation: str = CLOSING) -> bool:
        """Ask before trained parameters are lost (``situation``: CLOSING, PRESET, DATA, MODEL,
        SESSION or COMPARISON): Save, Discard or Cancel; training is paused while asking, resumed on
        Cancel. True when the work may go: saved, discarded, or nothing to lose."""
        training, model = self.studio.training, self.studio.model
        if not self.studio.has_unsaved_training or not recall(ASK_UNSAVED_KEY, True, bool):
            return True
        if situation != CLOSING and (model.busy or model.building):
            return True  # nothing is replaced under a run: the edit itself says so
        running = training.state is RunState.RUNNING
        training.pause()
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        question = {CLOSING: self.tr("Save the trained network before closing?"),
                    PRESET: self.tr("Save the trained network before the preset replaces it?"),
                    DATA: self.tr("Save the session before choosing another data set?"),
                    MODEL: self.tr("Save the trained network before the opened model "
                                   "replaces it?"),
                    SESSION: self.tr("Save this session before opening another one?"),
                    COMPARISON: self.tr("Save the trained network before the comparison "
                                        "replaces it?")}[situation]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved training"), question,
                          buttons, self.host)
        box.setObjectName("UnsavedTrainingBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(sentences(*self._what_is_lost(situation)))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        never = QCheckBox(self.tr("Do not ask again"))
        never.setObjectName("DoNotAskAgain")
        box.setCheckBox(never)
        box.exec()
        answer = box.standardButton(box.clickedButton())
        if answer not in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard):
            if running:  # Cancel, or the box closed with Escape
                training.resume()
            return False
        if never.isChecked():
            remember(ASK_UNSAVED_KEY, False)
        if answer == QMessageBox.StandardButton.Save:
            training.wait()  # the run's last parameters, then save them
            return bool(self.save())
        return True

    def _what_is_lost(self, situation: str) -> list[str]:
        """The iterations trained since the session was saved or opened (the window's run's
        and the twins'), not every iteration the network has."""
        studio = self.studio
        n, twins = studio.store.unsaved_iterations()
        lines = []
        if n:
            lines.append((self.tr("1 iteration of training is not saved in a session file; "
                                  "without saving it is lost.") if n == 1 else
                          self.tr("{n} iterations of training are not saved in a session file; "
                                  "without saving they are lost.")).format(n=f"{n:,}"))
        if twins:
            lines.append((self.tr("1 iteration of the twin runs' training is not saved in a "
                                  "session file.") if twins == 1 else
                          self.tr("{n} iterations of the twin runs' training are not saved in a "
                                  "session file.")).format(n=f"{twins:,}"))
        if studio.runs.training_any and situation == CLOSING:
            lines.append(self.tr("Training is still running; closing stops it."))
        return lines
