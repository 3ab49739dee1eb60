"""File → Export → Time-lapse of this run…: a dialog for the format, the size, the number of
frames and their spacing; the frames (the diagram with its weights at each chosen iteration,
recomputed from the run's keyframes, the cost curve up to it) drawn a few at a time and encoded
on a thread, with progress, the time left and Cancel (the machinery of app/animations.py); the
command line's ``bpstudio export --timelapse`` makes the same frames (``timelapse_frames``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox,
                               QWidget)

from ..core.animation import SUFFIXES
from ..core.timelapse import DEFAULT_FRAMES, EVEN, LOG
from ..core.trainer import RunState
from ..session.studio import Studio
from ..session.timelapse import RunFrame, frame_rows, when_all_reachable
from ..widgets.palette import TRAIN_CURVE, run_colour
from ..widgets.run_frames import RunFrames
from ..widgets.step_frames import SIZES
from ..widgets.theme import THEMES
from . import file_dialogs as dialogs
from .animations import FORMATS, Animations
from .themes import style_sheet

MAX_FRAMES = 2000


def timelapse_frames(studio: Studio, size: str = "1024x768", count: int = DEFAULT_FRAMES,
                     spacing: str = EVEN, theme: str = "light", scale: float = 1.0,
                     parent: QObject | None = None) -> RunFrames:
    """The frames of the studio's run (its time cursor's reach, to now) in ``theme``, the
    diagram's text ``scale`` × the UI's on a 1024×768 frame and in proportion on a larger one.
    The run must be reachable (session/timelapse.py when_reachable)."""
    frame = SIZES[size]
    t = THEMES[theme if theme in THEMES else "light"]
    sheet = style_sheet(t, scale * frame.height() / 768, "network")
    twins = studio.runs.twins
    rows = frame_rows([studio.timeline] + [w.timeline for w in twins], count, spacing)
    runs = [RunFrame(studio.model, studio.timeline, rows, studio.runs.name if twins else "",
                     parent=parent)]
    runs += [RunFrame(w.model, w.timeline, rows, w.name, studio.model.sample, parent)
             for w in twins]
    colours = [QColor(TRAIN_CURVE)] + [run_colour(w.colour_index) for w in twins]
    return RunFrames(runs, colours, frame, sheet, t, parent, spacing)


def runs_timelines(studio: Studio) -> list:
    """The window's run's timeline, then its twins'."""
    return [studio.timeline] + [w.timeline for w in studio.runs.twins]


class TimelapseDialog(QDialog):
    """What the time-lapse is to be: its format, size, number of frames and their spacing."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("TimelapseDialog")
        self.setWindowTitle(self.tr("Time-lapse of this run"))
        self.format = QComboBox()
        self.format.setObjectName("TimelapseFormat")
        for suffix, name in FORMATS.items():
            self.format.addItem(f"{name} (*{suffix})", suffix)
        self.format.setCurrentIndex(self.format.findData(".mp4"))
        self.size = QComboBox()
        self.size.setObjectName("TimelapseSize")
        for key in SIZES:
            self.size.addItem(key.replace("x", "×"), key)
        self.frames = QSpinBox()
        self.frames.setObjectName("TimelapseFrames")
        self.frames.setRange(2, MAX_FRAMES)
        self.frames.setValue(DEFAULT_FRAMES)
        self.spacing = QComboBox()
        self.spacing.setObjectName("TimelapseSpacing")
        self.spacing.addItem(self.tr("evenly over the run"), EVEN)
        self.spacing.addItem(self.tr("log-spaced (the early iterations closer together)"), LOG)
        form = QFormLayout(self)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Size:"), self.size)
        form.addRow(self.tr("Frames:"), self.frames)
        form.addRow(self.tr("Iterations shown:"), self.spacing)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("TimelapseButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class Timelapses(QObject):
    """The window's time-lapse exports, through its animation exports' progress and Cancel
    (``animations``: the window's Animations)."""

    def __init__(self, studio: Studio, animations: Animations) -> None:
        super().__init__(animations)
        self.studio, self.animations = studio, animations
        self.dialog: TimelapseDialog | None = None

    def export_dialog(self) -> None:
        a = self.animations
        if a.export.running:
            return
        if self.studio.model.run_state is RunState.RUNNING:
            a.say(self.tr("Training is running: pause or stop it to export a time-lapse of the "
                          "run."), 15000)
            return
        first, last = self.studio.timeline.first, self.studio.timeline.last
        if not self.studio.timeline.available or first >= last:
            a.say(self.tr("There is no run to show: train the network first (a time-lapse shows "
                          "the iterations the time cursor reaches)."), 15000)
            return
        self.dialog = dialog = TimelapseDialog(a.host)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._chosen(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _chosen(self, dialog: TimelapseDialog) -> None:
        suffix = dialog.format.currentData()
        name = dialogs.dated_name(f"{self.studio.model.dataset.name} run", suffix)
        path = dialogs.save_file(self.animations.host, dialogs.EXPORTS, self.tr("Export"), name,
                                 f"{FORMATS[suffix]} (*{suffix})")
        if not path:
            return
        if Path(path).suffix.lower() not in SUFFIXES:
            path += suffix
        self.start(path, dialog.size.currentData(), dialog.frames.value(),
                   dialog.spacing.currentData())

    def start(self, path: str, size: str = "1024x768", count: int = DEFAULT_FRAMES,
              spacing: str = EVEN) -> None:
        """Draw and write the time-lapse to ``path``, with a progress dialog and Cancel."""
        a = self.animations
        progress = a.open_progress(path, self.tr("Time-lapse of this run"),
                                   self.tr("Recomputing the run's iterations…"))

        def reachable(ok: bool) -> None:
            if a.progress is not progress:  # cancelled meanwhile
                return
            if not ok:
                a._on_failed(ValueError(self.tr("the run's iterations cannot be recomputed")))
                return
            try:
                frames = timelapse_frames(self.studio, size, count, spacing, a.theme(), a.scale(),
                                          a)
            except MemoryError:  # its views and maps: said, the progress closed
                a._on_failed(MemoryError(self.tr("out of memory")))
                return
            a.frames = frames
            a.export.start(path, frames)

        when_all_reachable(runs_timelines(self.studio), reachable)
