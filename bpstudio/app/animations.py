"""File → Export → Animation of this iteration…: a dialog for the format, the size, the seconds
a step and the samples; the frames drawn a few at a time and encoded on a thread (the window
stays responsive), with progress, the time left and Cancel; the command line's ``bpstudio
export`` makes the same frames (``iteration_frames``)."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QProgressDialog, QWidget)

from ..core.animation import SUFFIXES
from ..core.messages import isolated
from ..core.trainer import RunState
from ..core.vocabulary import BATCH, SAMPLE
from ..session.animation_export import AnimationExport
from ..session.messages import translated
from ..session.studio import Studio
from ..widgets.run_frames import RunFrames
from ..widgets.step_frames import SIZES, IterationFrames
from ..widgets.theme import THEMES
from . import file_dialogs as dialogs
from .themes import style_sheet

FORMATS = {".gif": "GIF", ".png": "APNG", ".webp": "WebP", ".mp4": "MP4 (H.264)",
           ".webm": "WebM (VP9)"}
DEFAULT_SECONDS = 2.0


def iteration_frames(studio: Studio, size: str = "1024x768", seconds: float = DEFAULT_SECONDS,
                     mode: str | None = None, theme: str = "light", scale: float = 1.0,
                     parent: QObject | None = None) -> IterationFrames:
    """The frames of the studio's iteration (its shown network, its current sample or the
    batch) as the equation stage draws them in ``theme``, its text ``scale`` × the UI's on a
    1024×768 frame and in proportion on a larger one."""
    frame = SIZES[size]
    t = THEMES[theme if theme in THEMES else "light"]
    sheet = style_sheet(t, scale * frame.height() / 768, "equations")
    return IterationFrames(studio.model, mode or studio.stepper.mode, frame, sheet, t.palette(),
                           round(1000 * seconds), parent=parent)


class AnimationDialog(QDialog):
    """What the animation is to be: its format, size, seconds a step, one sample or the batch."""

    def __init__(self, mode: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("AnimationDialog")
        self.setWindowTitle(self.tr("Animation of this iteration"))
        self.format = QComboBox()
        self.format.setObjectName("AnimationFormat")
        for suffix, name in FORMATS.items():
            self.format.addItem(f"{name} (*{suffix})", suffix)
        self.size = QComboBox()
        self.size.setObjectName("AnimationSize")
        for key in SIZES:
            self.size.addItem(key.replace("x", "×"), key)
        self.seconds = QDoubleSpinBox()
        self.seconds.setObjectName("AnimationSeconds")
        self.seconds.setRange(0.5, 20.0)
        self.seconds.setSingleStep(0.5)
        self.seconds.setDecimals(1)
        self.seconds.setValue(DEFAULT_SECONDS)
        self.seconds.setSuffix(self.tr(" s"))
        self.samples = QComboBox()
        self.samples.setObjectName("AnimationSamples")
        self.samples.addItem(self.tr("one sample (the one chosen)"), SAMPLE)
        self.samples.addItem(self.tr("the whole batch"), BATCH)
        self.samples.setCurrentIndex(self.samples.findData(mode))
        form = QFormLayout(self)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Size:"), self.size)
        form.addRow(self.tr("Each step shown for:"), self.seconds)
        form.addRow(self.tr("Samples:"), self.samples)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("AnimationButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class Animations(QObject):
    """The window's animation exports: ``say(text, ms)`` its status bar, ``host`` the dialogs'
    parent; ``theme()`` and ``scale()`` the window's look now."""

    def __init__(self, studio: Studio, host: QWidget, say, theme, scale) -> None:
        super().__init__(host)
        self.studio, self.host, self.say = studio, host, say
        self.theme, self.scale = theme, scale
        self.export = AnimationExport(self)
        self.export.progressed.connect(self._on_progressed)
        self.export.finished.connect(self._on_finished)
        self.export.failed.connect(self._on_failed)
        self.export.cancelled.connect(self._on_cancelled)
        self.frames: IterationFrames | RunFrames | None = None
        self.dialog: AnimationDialog | None = None
        self.progress: QProgressDialog | None = None
        self._path = ""

    def export_iteration_dialog(self) -> None:
        """Ask what the animation is to be (the dialog stays open while the user chooses; the
        window is not held up by it), then where to write it."""
        if self.export.running:
            return
        if self.studio.model.run_state is RunState.RUNNING and not self.studio.stepper.past:
            self.say(self.tr("Training is running: pause or stop it to export this iteration."),
                     15000)
            return
        self.dialog = dialog = AnimationDialog(self.studio.stepper.mode, self.host)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._chosen(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _chosen(self, dialog: AnimationDialog) -> None:
        suffix = dialog.format.currentData()
        name = dialogs.dated_name(f"{self.studio.model.dataset.name} iteration", suffix)
        path = dialogs.save_file(self.host, dialogs.EXPORTS, self.tr("Export"), name,
                                 f"{FORMATS[suffix]} (*{suffix})")
        if not path:
            return
        if Path(path).suffix.lower() not in SUFFIXES:
            path += suffix
        self.start(path, dialog.size.currentData(), dialog.seconds.value(),
                   dialog.samples.currentData())

    def start(self, path: str, size: str = "1024x768", seconds: float = DEFAULT_SECONDS,
              mode: str | None = None) -> None:
        """Draw and write the animation to ``path``, with a progress dialog and Cancel."""
        self.open_progress(path, self.tr("Animation of this iteration"),
                           self.tr("Laying out the iteration…"))
        try:
            self.frames = frames = iteration_frames(self.studio, size, seconds, mode, self.theme(),
                                                    self.scale(), self)
        except MemoryError:  # its views: said, the progress closed
            self._on_failed(MemoryError(self.tr("out of memory")))
            return
        frames.when_ready(lambda: self.frames is frames and self.export.start(path, frames),
                          lambda error: self.frames is frames and self._on_failed(error))

    def open_progress(self, path: str, title: str, label: str) -> QProgressDialog:
        """The progress dialog of an export to ``path`` (its Cancel stops it, whatever it is
        doing); the time-lapses' too (app/timelapses.py)."""
        self._path = path
        self.progress = progress = QProgressDialog(self.host)
        progress.setObjectName("AnimationProgress")
        progress.setWindowTitle(title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)  # the session stays as it is
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setLabelText(label)
        progress.canceled.connect(self._cancel)
        progress.show()
        return progress

    def _cancel(self) -> None:
        if self.export.running:
            self.export.cancel()  # (which says so)
        elif self.progress is not None:  # still laid out: nothing is drawn after it
            self._on_cancelled()

    def _on_progressed(self, done: int, total: int, left: float) -> None:
        progress = self.progress
        if progress is None:
            return
        name = isolated(Path(self._path).name)
        text = self.tr("Writing {name}: frame {k} of {n}").format(name=name, k=done, n=total)
        if math.isfinite(left) and done < total:
            text += self.tr(", about {s} s left").format(s=math.ceil(left))
        progress.setLabelText(text)
        progress.setMaximum(total)
        progress.setValue(done)  # last: a modal dialog's setValue runs the event loop a turn

    def _end(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self.frames is not None:
            self.frames.close()
            self.frames = None

    def _on_finished(self, path: str) -> None:
        self._end()
        self.say(self.tr("Exported {name}.").format(name=isolated(Path(path).name)), 15000)

    def _on_failed(self, error: BaseException) -> None:
        self._end()
        self.say(self.tr("{name}: could not export ({why})").format(
            name=isolated(Path(self._path).name), why=translated(error)), 15000)

    def _on_cancelled(self) -> None:
        self._end()
        self.say(self.tr("The animation was not written: cancelled."), 15000)
