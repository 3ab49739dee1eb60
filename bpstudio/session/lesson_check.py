"""Checking a lesson as its class would meet it, without a window: every beat's actions run on a
fresh studio, every number its text quotes compared with the app's, every question's quantity
read, both languages present. ``bpstudio lesson --check FILE`` prints what this finds."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer

from ..core.lesson_format import Lesson, LessonError, lesson_summary, matches, read_lesson
from ..core.lesson_slots import fault
from ..core.messages import QT_TRANSLATE_NOOP
from .lesson_runner import BeatState, LessonRunner
from .messages import translated
from .studio import Studio


class LessonCheck(QObject):
    """Walks ``runner``'s lesson from its first beat to its last; ``finished(faults)`` once done."""

    def __init__(self, runner: LessonRunner, lesson: Lesson,
                 finished: Callable[[list[str]], None]):
        super().__init__(runner)
        self.runner, self.lesson, self.finished = runner, lesson, finished
        self.faults: list[str] = []
        runner.changed.connect(self._on_changed)

    def start(self) -> None:
        self.faults += [translated(LessonError.listing(self.lesson.file, [missing.message()]))
                        for missing in lesson_summary(self.lesson).missing]
        self.runner.start(self.lesson)

    def _on_changed(self) -> None:
        r = self.runner
        if r.state == BeatState.RUNNING or not r.open:
            return
        if r.state == BeatState.ASKING:
            QTimer.singleShot(0, r.reveal)
            return
        if r.state == BeatState.STOPPED:
            self.faults.append(r.problem)
        else:
            self._compare_quoted()
        if r.summary is not None and r.number < r.summary.beats:
            QTimer.singleShot(0, r.next)
        else:
            r.changed.disconnect(self._on_changed)
            self.finished(self.faults)

    def _compare_quoted(self) -> None:
        r = self.runner
        for quoted in r.beat.quoted if r.beat is not None else ():
            try:
                value = r.actions.value_of(quoted.quantity)
            except ValueError as e:
                self.faults.append(self._fault(quoted.line, QT_TRANSLATE_NOOP(
                    "core", "line {line}: {quantity}: {why}"), quantity=quoted.quantity.text,
                    why=str(e)))
                continue
            if not matches(quoted.text, value):
                self.faults.append(self._fault(quoted.line, QT_TRANSLATE_NOOP(
                    "core", "line {line}: the text quotes {quoted} for {quantity}; the app's is "
                    "{value}"), quoted=quoted.text, quantity=quoted.quantity.text,
                    value=f"{value:.6g}" if isinstance(value, float) else str(value)))

    def _fault(self, line: int, template: str, **values: object) -> str:
        return translated(LessonError.listing(self.lesson.file, [fault(line, template, **values)]))


def check_lesson_file(path: str, cat_data: Callable[[], str | None] = lambda: None,
                      seconds: float = 3600) -> list[str]:
    """Every fault of the lesson in ``path``, one line each (none: it is good). Needs a Qt
    application; runs an event loop until the lesson's last beat."""
    try:
        lesson = read_lesson(path)
    except LessonError as e:
        return [translated(e)]
    studio = Studio()
    studio.set_pace(None)  # checked as fast as it goes: the numbers are the same at any pace
    runner = LessonRunner(studio, cat_data, studio)
    loop = QEventLoop()
    result: list[str] = []

    def finished(faults: list[str]) -> None:
        result.extend(faults)
        loop.quit()
    check = LessonCheck(runner, lesson, finished)
    QTimer.singleShot(0, check.start)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    studio.shut_down()
    studio.deleteLater()  # now, while the application is there to delete it
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return list(dict.fromkeys(result))
