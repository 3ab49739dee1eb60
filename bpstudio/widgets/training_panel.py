"""Train / Pause / Resume / Stop / Reset / one iteration, with progress, speed and time left, and
how fast a run goes: as fast as it can, a chosen number of iterations a second for a class to
watch, or one iteration at a time."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QProgressBar,
                               QPushButton, QVBoxLayout, QWidget)

from ..core import iterations
from ..core.trainer import RunState
from ..session.cost_now import latest_cost
from ..session.messages import translated
from ..session.network_model import NetworkModel
from ..session.pace import PACES
from ..session.training import TrainingSession
from .i18n import Retranslatable

class Words(QLabel):
    """A wrapped text of the panel: no room while it says nothing, and never less height than
    its words need at its width (a dock's layout gave a wrapped label its one-line height, and
    cut the accuracy while training)."""

    def __init__(self, name: str):
        super().__init__("")
        self.setObjectName(name)
        self.setWordWrap(True)  # a narrow dock (1024×768) wraps instead of cutting off
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setVisible(bool(text))
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        needed = self.heightForWidth(self.width()) if self.width() > 0 else -1
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)



class TrainingPanel(Retranslatable, QWidget):
    def __init__(self, model: NetworkModel, training: TrainingSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("TrainingPanel")
        self.model, self.training = model, training
        self.train_button = QPushButton()
        self.pause_button = QPushButton()
        self.stop_button = QPushButton()
        self.reset_button = QPushButton()
        self.step_button = QPushButton()
        for name, b in (("TrainButton", self.train_button), ("PauseButton", self.pause_button),
                        ("StopButton", self.stop_button), ("ResetButton", self.reset_button),
                        ("OneIterationButton", self.step_button)):
            b.setObjectName(name)
        self.progress = QProgressBar()
        self.progress.setObjectName("TrainingProgress")
        self.speed = Words("TrainingSpeed")
        self.status = Words("TrainingMessage")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cost = Words("TrainingCost")
        self.accuracy = Words("TrainingAccuracy")
        self._progress: tuple | None = None  # the last progress, written again in a new language
        # the network and its iterations the run's texts speak of: another network (a session,
        # a preset, a model) or other parameters (undo) make them stale
        self._said_of: tuple | None = None
        grid = QGridLayout()
        grid.addWidget(self.train_button, 0, 0)
        grid.addWidget(self.pause_button, 0, 1)
        grid.addWidget(self.stop_button, 0, 2)
        grid.addWidget(self.step_button, 1, 0, 1, 2)
        grid.addWidget(self.reset_button, 1, 2)
        self.pace_label = QLabel()
        self.pace_box = QComboBox()
        self.pace_box.setObjectName("TrainingPace")
        for pace in PACES:
            self.pace_box.addItem("", pace)
        self.pace_box.activated.connect(self._on_pace_chosen)
        # the 2-D playground trains slowly by default (session/pace.py): full speed in one click
        self.full_speed = QPushButton()
        self.full_speed.setObjectName("FullSpeedButton")
        self.full_speed.clicked.connect(lambda: self._choose_pace(None))
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.pace_label)  # above its choice: the whole width of a narrow dock
        pace_row = QHBoxLayout()
        pace_row.addWidget(self.pace_box, 1)
        pace_row.addWidget(self.full_speed)
        layout.addLayout(pace_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.speed)
        layout.addWidget(self.cost)
        layout.addWidget(self.accuracy)
        layout.addWidget(self.status)
        layout.addStretch(1)  # beside the plots (the training stage) the texts stay together
        self.train_button.clicked.connect(training.start)
        self.pause_button.clicked.connect(self._on_pause_clicked)
        self.stop_button.clicked.connect(training.stop)
        self.step_button.clicked.connect(training.step_once)
        self.reset_button.clicked.connect(model.reset_parameters)
        training.state_changed.connect(self._on_state_changed)
        training.pace_changed.connect(self._show_pace)
        training.progress_changed.connect(self._on_progress_changed)
        training.message.connect(self._on_message)
        model.error_reported.connect(self._on_message)
        model.history_appended.connect(self._update_cost)
        for signal in (model.history_changed, model.parameters_changed, model.architecture_changed,
                       model.dataset_changed):
            signal.connect(self._on_model_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.train_button.setText(self.tr("Train"))
        self.stop_button.setText(self.tr("Stop"))
        self.reset_button.setText(self.tr("Reset"))
        self.step_button.setText(self.tr("One iteration"))
        self.train_button.setToolTip(self.tr("Train for the set number of iterations (Ctrl+T)"))
        self.pause_button.setToolTip(self.tr("Pause or resume the run (Ctrl+P)"))
        self.reset_button.setToolTip(self.tr("Re-initialise the parameters with the same random seed; Ctrl+Z "
                                             "brings the trained ones back"))
        self.pace_label.setText(self.tr("Speed"))
        for row in range(self.pace_box.count()):
            pace = self.pace_box.itemData(row)
            self.pace_box.setItemText(row, self.tr("as fast as possible") if pace is None
                                      else self.tr("one iteration at a time") if pace == 0
                                      else self.tr("{n} iterations a second").format(n=f"{pace:g}")
                                      if pace != 1 else self.tr("1 iteration a second"))
        self.pace_box.setToolTip(self.tr("slow enough for a class to watch the cost curve and the "
                                         "heatmaps form; one at a time pauses after each "
                                         "iteration (Resume does the next)"))
        self.full_speed.setText(self.tr("Full speed"))
        self.full_speed.setToolTip(self.tr("train as fast as possible"))
        self._show_pace()
        self._on_state_changed(self.training.state)
        self._update_cost()
        if self._progress is not None:
            self._on_progress_changed(*self._progress)

    def _duration(self, seconds: float) -> str:
        if not math.isfinite(seconds):
            return "–"
        seconds = int(round(seconds))
        if seconds >= 60:
            return self.tr("{m} min {s} s").format(m=seconds // 60, s=f"{seconds % 60:02d}")
        return self.tr("{s} s").format(s=seconds)

    def _on_pace_chosen(self, row: int) -> None:
        self._choose_pace(self.pace_box.itemData(row))

    def _choose_pace(self, pace: float | None) -> None:
        self.training.set_pace(pace or None, stepwise=pace == 0)
        self._on_state_changed(self.training.state)

    def _show_pace(self) -> None:
        """The session's pace (the data's until the user chooses one) as the chosen entry."""
        t = self.training
        row = self.pace_box.findData(0.0 if t.stepwise else t.pace)
        if row < 0:  # a pace set by a script or lesson that the list does not offer
            row = self.pace_box.count()
            self.pace_box.addItem(self.tr("{n} iterations a second").format(n=f"{t.pace:g}"),
                                  t.pace)
        self.pace_box.setCurrentIndex(row)
        self.full_speed.setEnabled(t.pace is not None or t.stepwise)

    def _on_pause_clicked(self) -> None:
        if self.training.state is RunState.PAUSED:
            self.training.resume()
        else:
            self.training.pause()

    def _on_state_changed(self, state: RunState) -> None:
        idle = state is RunState.IDLE
        self.train_button.setEnabled(idle)
        self.step_button.setEnabled(idle)
        self.reset_button.setEnabled(idle)
        self.pause_button.setEnabled(not idle)
        self.stop_button.setEnabled(not idle)
        if state is RunState.PAUSED:
            self.pause_button.setText(self.tr("Next iteration") if self.training.stepwise
                                      else self.tr("Resume"))
        else:
            self.pause_button.setText(self.tr("Pause"))
        if state is RunState.RUNNING:
            self.status.setText("")
        self._update_cost()  # stopped or paused: the network's own cost can be said

    def _on_progress_changed(self, done: int, total: int, rate: float, left: float) -> None:
        self._progress = (done, total, rate, left)
        self._said_of = self._now()
        # whole per-cents: QProgressBar repaints at once on every new value (2 ms each)
        percent = 100 * done // max(total, 1)
        if percent != self.progress.value():
            self.progress.setValue(percent)
        if done < total:
            self.speed.setText(self.tr("{done} / {total} iterations · {rate} it/s · {left} left")
                               .format(done=f"{done:,}", total=f"{total:,}", rate=f"{rate:,.0f}",
                                       left=self._duration(left)))
        else:
            self.speed.setText(self.tr("{done} iterations · {rate} it/s").format(
                done=f"{done:,}", rate=f"{rate:,.0f}"))

    def _on_message(self, text: str) -> None:
        self.status.setText(text)
        self._said_of = self._now()

    def _now(self) -> tuple:
        net = self.model.network
        return net, net.iterations_trained

    def _on_model_changed(self) -> None:
        """Texts about a run that is not what the window now shows go (a run's own changes
        keep them: it is about the network it trains)."""
        said = self._said_of
        now = self._now()
        if self.training.state is RunState.IDLE and said is not None and (said[0] is not now[0]
                                                                   or said[1] != now[1]):
            self._said_of = self._progress = None
            self.status.setText("")
            self.speed.setText("")
            self.progress.setValue(0)
        self._update_cost()

    def _update_cost(self) -> None:
        """The latest cost known with its iteration (core/iterations.py): while a run goes, its
        record's last row; stopped or paused, the network's own cost at the iteration it is at
        (never one stepped sample's loss L as the cost C)."""
        h = self.model.history
        trained = self.model.network.iterations_trained
        said = latest_cost(self.model, compute=self.training.state is not RunState.RUNNING)
        if said is None:
            text = (self.tr("trained {n} iterations before it was opened (no cost record)")
                    .format(n=f"{trained:,}") if trained else self.tr("not trained yet"))
        else:
            text = translated(said)
            if not len(h):  # the network's own cost, nothing recorded before it
                text += " · " + (self.tr("trained before it was opened (no cost record)")
                                 if trained else self.tr("not trained yet"))
        self.cost.setText(text)
        last = h.evaluations[-1] if h.evaluations else None
        self.accuracy.setVisible(last is not None)
        if last is not None:  # the tutorial's 0.9856 / 0.80, as numbers
            self.accuracy.setText(self.tr("{iteration}: train accuracy {train}, test accuracy "
                                          "{test}").format(
                iteration=translated(iterations.iteration(h.iteration(last.iteration))),
                train=f"{last.train_accuracy:.4f}",
                test="–" if last.test_accuracy != last.test_accuracy else f"{last.test_accuracy:.4f}"))
