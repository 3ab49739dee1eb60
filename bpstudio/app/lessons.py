"""Guided lessons in the window: Help → Lessons (the shipped ones, a file of one's own), the
lesson pane in a dock, Space / Page Down / Page Up through the beats while a lesson is open
(the stepper keeps → and ←), the place in each lesson remembered, a view pointed at."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from ..core.atomicfile import atomic_write
from ..core.messages import isolated
from ..session.messages import translated
from ..session.studio import Studio
from ..widgets.equation_panel import EquationPanel
from ..widgets.palette import POINTED_AT
from ..widgets.plain_text import as_label_text, plain_labels
from . import file_dialogs as dialogs
from .file_actions import LAST_DATA_KEY
from .i18n import current_language
from .resources import resource_path
from .settings import recall, remember

if TYPE_CHECKING:  # imported when a lesson first opens (lessons.runner): ~50 ms of every start
    from ..session.lesson_recorder import LessonRecorder
    from ..session.lesson_runner import LessonRunner
    from ..widgets.lesson_pane import LessonPane

PLACE_KEY = "lesson/place"  # {path: beat} of the lessons left before their end
POINTED_MS = 2500  # how long a view a beat points at is framed


class Frame(QWidget):
    """A coloured frame over a view a beat points at, for a moment; clicks pass through. It
    follows the view when the window lays out anew (presentation mode's stages)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        self.view: QWidget | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def around(self, view: QWidget) -> None:
        if self.view is not None:
            self.view.removeEventFilter(self)
        self.view = view
        view.installEventFilter(self)
        self._place()
        self.raise_()
        self.show()
        self._timer.start(POINTED_MS)

    def _place(self) -> None:
        view = self.view
        top_left = view.mapTo(self.parentWidget(), view.rect().topLeft())
        self.setGeometry(top_left.x(), top_left.y(), view.width(), view.height())

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view and self.isVisible():
            if event.type() == QEvent.Type.Hide:
                self.hide()
            elif event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
                self._place()
        return False

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setPen(QPen(POINTED_AT, 6))
        p.drawRect(self.rect().adjusted(3, 3, -3, -3))


class Lessons(QObject):
    """``window``: the main window, whose docks, keys and Help menu these are; ``views``: the
    widget (or dock) each name a beat may point at; ``step_actions``: the stepper's next and
    previous actions, which give Space, Page Down and Page Up to the lesson while one is open."""

    def __init__(self, studio: Studio, window: QMainWindow, help_menu: QMenu,
                 views: dict[str, QWidget], step_actions: tuple[QAction, QAction],
                 equations: EquationPanel) -> None:
        super().__init__(window)
        self.studio, self.window, self.views = studio, window, views
        self._runner: LessonRunner | None = None  # (runner, below)
        self._pane: LessonPane | None = None
        studio.classify.lesson_requested.connect(self.open_file)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("LessonDock")
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()
        self.frame = Frame(window)
        self.step_next, self.step_back = step_actions
        self.equations = equations
        self._step_keys = (self.step_next.shortcuts(), self.step_back.shortcuts())
        self.path = ""
        self.actions: dict[str, QAction] = {}
        self.recorder: LessonRecorder | None = None
        for name, slot, keys in (("LessonNextAction", lambda: self.runner.next(), ("Space", "PgDown")),
                                 ("LessonBackAction", lambda: self.runner.previous(), ("PgUp",)),
                                 ("LessonOpenAction", self.open_dialog, ()),
                                 ("LessonLeaveAction", self.leave, ()),
                                 ("LessonRecordAction", self.record, ()),
                                 ("LessonRecordBeatAction", self.record_beat, ("Ctrl+Shift+B",))):
            action = QAction(window)
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slot)
            window.addAction(action)
            self.actions[name] = action
        self.menu = QMenu(window)
        self.menu.setObjectName("LessonsMenu")
        self.menu.aboutToShow.connect(self._name_lessons)
        help_menu.insertMenu(help_menu.actions()[0], self.menu)
        self.shipped: list[tuple[Path, QAction]] = []
        for path in sorted(resource_path("lessons").glob("*.md")):
            action = self.menu.addAction("")
            action.setObjectName(f"Lesson_{path.stem}")
            action.triggered.connect(lambda _=False, p=str(path): self.open_file(p))
            self.shipped.append((path, action))
        self.menu.addSeparator()
        self.menu.addActions([self.actions["LessonOpenAction"], self.actions["LessonNextAction"],
                              self.actions["LessonBackAction"], self.actions["LessonLeaveAction"]])
        self.menu.addSeparator()
        self.actions["LessonRecordAction"].setCheckable(True)
        self.menu.addActions([self.actions["LessonRecordAction"],
                              self.actions["LessonRecordBeatAction"]])
        window.installEventFilter(self)
        self.retranslate()
        self._on_changed()

    @property
    def runner(self) -> LessonRunner:
        """What runs a lesson: made with its pane when first asked for (a lesson opens), not at
        every start of the app."""
        return self._made()[0]

    @property
    def pane(self) -> LessonPane:
        return self._made()[1]

    def _made(self) -> tuple[LessonRunner, LessonPane]:
        if self._runner is None or self._pane is None:
            from ..session.lesson_runner import LessonRunner
            from ..widgets.lesson_pane import LessonPane

            self._runner = LessonRunner(self.studio, self.cat_data, self)
            self._runner.highlighted.connect(self.point_at)
            self._runner.changed.connect(self._on_changed)
            self._runner.set_language(current_language())
            self._pane = LessonPane(self._runner)
            self._pane.save_answers_asked.connect(self.save_answers)
            plain_labels(self._pane)  # as the window's (made after them)
            self.dock.setWidget(self._pane)
        return self._runner, self._pane

    @property
    def is_open(self) -> bool:
        """A lesson is open."""
        return self._runner is not None and self._runner.open

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Lessons"))
        self.dock.setWindowTitle(self.tr("Lesson"))
        for name, text in (("LessonNextAction", self.tr("Next beat of the lesson")),
                           ("LessonBackAction", self.tr("Beat before")),
                           ("LessonOpenAction", self.tr("Open a lesson file…")),
                           ("LessonLeaveAction", self.tr("Leave the lesson")),
                           ("LessonRecordAction", self.tr("Record a lesson")),
                           ("LessonRecordBeatAction", self.tr("Record this as a beat"))):
            self.actions[name].setText(text)
        self._titled_in = ""  # the shipped lessons' titles: read when the menu opens
        if self.menu.isVisible():
            self._name_lessons()
        if self._runner is not None:
            self._runner.set_language(current_language())

    def _name_lessons(self) -> None:
        """Each shipped lesson's title in the menu, in the current language: read from its file
        when the menu first opens in that language (reading the three took 40–80 ms at start)."""
        from ..core.lesson_format import LessonError, read_lesson

        language = current_language()
        if self._titled_in == language:
            return
        self._titled_in = language
        for path, action in self.shipped:
            try:
                action.setText(as_label_text(read_lesson(path).title.text(language)))
            except LessonError:
                action.setText(as_label_text(path.name))

    # ----- opening and leaving -------------------------------------------------------------------

    def open_file(self, path: str) -> bool:
        """A lesson, resumed at the beat where it was left (its first beat otherwise)."""
        from ..core.lesson_format import LessonError, read_lesson

        try:
            lesson = read_lesson(path)
        except LessonError as e:
            self.studio.message.emit(translated(e))
            return False
        self.path = str(Path(path).resolve())
        at = recall(PLACE_KEY, {}, dict).get(self.path, 1)
        self.runner.start(lesson, at if isinstance(at, int) else 1)
        self.dock.show()
        self.dock.raise_()
        if at and at != 1:
            self.studio.message.emit(self.tr("Resumed where the lesson was left: {where}. "
                                             "Page Up goes back.").format(where=self.runner.progress()))
        return True

    def open_dialog(self) -> None:
        path = dialogs.open_file(self.window, dialogs.LESSONS, self.tr("Open a lesson"),
                                 self.tr("Lessons (*.md)"))
        if path:
            self.open_file(path)

    def leave(self) -> None:
        if self._runner is not None:
            self._runner.close()
        self.dock.hide()

    def save_answers(self) -> None:
        name = dialogs.dated_name("answers", ".csv")
        path = dialogs.save_file(self.window, dialogs.EXPORTS, self.tr("Save the answers"), name,
                                 "CSV (*.csv)")
        if path and self.runner.save_answers(path):
            n = len(self.runner.answers)
            self.studio.message.emit((self.tr("Saved 1 answer in {name}.") if n == 1 else
                                      self.tr("Saved {n} answers in {name}.")).format(
                n=n, name=isolated(os.path.basename(path))))

    # ----- recording -------------------------------------------------------------------------------

    def record(self, on: bool) -> None:
        """Record on: the app as it is now is the first beat. Off: the lesson is saved where the
        teacher says, to be written into (its texts are placeholders) and replayed."""
        if on:
            from ..session.lesson_recorder import LessonRecorder

            self.recorder = LessonRecorder(self.studio)
            self.recorder.beat()
            self.studio.message.emit(self.tr("Recording: set up the app, then {key} records each "
                                             "beat; Record again saves the lesson.").format(
                key=self.actions["LessonRecordBeatAction"].shortcut().toString(
                    QKeySequence.SequenceFormat.NativeText)))
        elif self.recorder is not None:
            recorder, self.recorder = self.recorder, None
            path = dialogs.save_file(self.window, dialogs.LESSONS, self.tr("Save the recorded lesson"),
                                     dialogs.dated_name("lesson", ".md"), self.tr("Lessons (*.md)"))
            if path:
                try:
                    with atomic_write(path) as f:
                        f.write(recorder.text().encode("utf-8"))
                except OSError as e:
                    self.studio.message.emit(f"{os.path.basename(path)}: {translated(e)}")
                    return
                n = len(recorder.beats)
                self.studio.message.emit((self.tr("Saved the lesson of 1 beat in {name}.") if n == 1
                                          else self.tr("Saved the lesson of {n} beats in {name}."))
                                         .format(n=n, name=isolated(os.path.basename(path))))
        self.actions["LessonRecordBeatAction"].setEnabled(self.recorder is not None)

    def record_beat(self) -> None:
        if self.recorder is None:
            return
        lines = self.recorder.beat()
        self.studio.message.emit(self.tr("Beat {k} recorded: {lines}").format(
            k=len(self.recorder.beats), lines="; ".join(lines) or self.tr("nothing changed")))

    def cat_data(self) -> str | None:
        """The cat data a lesson opens: the one this app opened last, or $BPSTUDIO_CAT_DATA."""
        from ..session.lesson_actions import cat_data_in

        last = recall(LAST_DATA_KEY, "", str)
        return cat_data_in(last if os.path.isdir(last) else os.path.dirname(last),
                           os.environ.get("BPSTUDIO_CAT_DATA"))

    # ----- while a lesson is open ----------------------------------------------------------------

    def _on_changed(self) -> None:
        """Space and Page Down belong to the lesson while one is open, → and ← to the stepper;
        the beat the class is at is remembered."""
        open_ = self.is_open
        for name in ("LessonNextAction", "LessonBackAction", "LessonLeaveAction"):
            self.actions[name].setEnabled(open_)
        self.actions["LessonRecordBeatAction"].setEnabled(self.recorder is not None)
        self.equations.set_lesson_keys(open_)
        if open_:
            self.step_next.setShortcuts([QKeySequence("Right")])
            self.step_back.setShortcuts([QKeySequence("Left")])
            places = recall(PLACE_KEY, {}, dict)
            places = {k: v for k, v in places.items() if isinstance(v, int)}
            places[self.path] = self.runner.number
            remember(PLACE_KEY, places)
        else:
            self.step_next.setShortcuts(self._step_keys[0])
            self.step_back.setShortcuts(self._step_keys[1])

    def point_at(self, view: str) -> None:
        """A beat points at a view: its dock comes forward, and a frame shows it a moment."""
        widget = self.views.get(view)
        if widget is None:
            return
        dock = widget if isinstance(widget, QDockWidget) else None
        if dock is not None:
            dock.show()
            dock.raise_()
            widget = dock.widget()
        QTimer.singleShot(0, lambda: widget.isVisible() and self.frame.around(widget))
