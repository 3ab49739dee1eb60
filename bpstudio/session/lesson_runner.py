"""A lesson in progress: which beat the class is at, its actions run on the studio one after the
other (each waits for what the one before started: a file read, a run), its question asked
before the actions that reveal the answer, and the answers kept for the teacher."""

from __future__ import annotations

import enum
import os
from datetime import datetime
from typing import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from ..core.lesson_format import (Action, Answer, Beat, Lesson, LessonError, LessonSummary,
                                  Question, check_answer, lesson_summary, read_lesson,
                                  save_answers_csv, understood)
from ..core.messages import QT_TRANSLATE_NOOP, UserMessage
from .lesson_actions import ActionRefused, LessonActions
from .messages import translated
from .studio import Studio


class BeatState(enum.Enum):
    RUNNING = "running"  # the beat's actions are being done
    ASKING = "asking"  # the question waits for the class's answer
    REVEALED = "revealed"  # the answer is checked and the app's value shown
    READY = "ready"  # everything of the beat is done
    STOPPED = "stopped"  # an action could not be done: the beat stops there


def _asked(beat: Beat) -> Question:
    """The beat's question: a revealed beat has one."""
    if beat.question is None:
        raise RuntimeError("this beat asks nothing")
    return beat.question


class LessonRunner(QObject):
    changed = Signal()  # a lesson opened or closed, another beat, its state, an answer
    highlighted = Signal(str)  # a view the beat points at (core/vocabulary.py HIGHLIGHTS)

    def __init__(self, studio: Studio, cat_data: Callable[[], str | None] = lambda: None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.studio = studio
        self.actions = LessonActions(studio, cat_data, self.highlighted.emit)
        studio.message.connect(self.actions.said)
        self.lesson: Lesson | None = None
        self.summary: LessonSummary | None = None
        self.number = 0  # the beat shown, from 1 (0: none)
        self.state = BeatState.READY
        self.problem = ""  # why the beat stopped
        self.answers: list[Answer] = []
        self.given = ""  # the class's answer to this beat's question
        self.right: bool | None = None
        self.revealed = ""  # the app's value as the reveal shows it
        self.language = "en"  # of the reveal's words (the window's language)
        self._queue: list[Action] = []
        self._generation = 0  # a beat left before its actions are done stops them

    # ----- the lesson --------------------------------------------------------------------------

    @property
    def open(self) -> bool:
        return self.lesson is not None

    @property
    def beat(self) -> Beat | None:
        return self.summary.place(self.number).beat if self.summary and self.number else None

    def _shown(self) -> tuple[Lesson, LessonSummary, Beat]:
        """The lesson open and the beat shown: what the steps of a beat act on (they run only
        while there is one)."""
        lesson, summary, beat = self.lesson, self.summary, self.beat
        if lesson is None or summary is None or beat is None:
            raise RuntimeError("no lesson beat is shown")
        return lesson, summary, beat

    def open_file(self, path: str) -> bool:
        """Read a lesson; a bad one is refused with every fault by line, and nothing changes."""
        try:
            lesson = read_lesson(path)
        except LessonError as e:
            self.studio.message.emit(translated(e))
            return False
        self.start(lesson)
        return True

    def start(self, lesson: Lesson, at: int = 1) -> None:
        """Begin ``lesson`` at beat ``at`` (a lesson resumed: the beats before it are done
        again, without their questions, so the app is where the class left it)."""
        self.lesson, self.summary = lesson, lesson_summary(lesson)
        self.answers = []
        at = min(max(at, 1), self.summary.beats)
        earlier = [a for n in range(1, at) for a in self.summary.place(n).beat.actions]
        self._enter(at, earlier)

    def close(self) -> None:
        self._generation += 1
        self.lesson = self.summary = None
        self.number = 0
        self._queue = []
        self.changed.emit()

    def set_language(self, code: str) -> None:
        """The window's language: the beat's text and the reveal's words follow it."""
        if code != self.language:
            self.language = code
            self.changed.emit()

    def progress(self) -> str:
        """Where the class is: chapter 3 of 9 · beat 4 of 31."""
        return translated(self.summary.progress(self.number)) if self.summary else ""

    # ----- moving ------------------------------------------------------------------------------

    def next(self) -> bool:
        """The next beat (a question not yet answered is answered first: Space reveals it)."""
        if not self.summary:
            return False
        if self.state == BeatState.ASKING:
            return self.reveal()
        if self.number >= self.summary.beats:
            return False
        self._enter(self.number + 1)
        return True

    def previous(self) -> bool:
        """The beat before, its actions done again."""
        if not self.lesson or self.number <= 1:
            return False
        self._enter(self.number - 1)
        return True

    def go(self, number: int) -> None:
        """Beat ``number``, with every beat's actions before it done again."""
        if self.lesson:
            self.start(self.lesson, number)

    def _enter(self, number: int, earlier: Iterable[Action] = ()) -> None:
        self._generation += 1
        self.number = number
        beat = self._shown()[2]
        self.given, self.right, self.revealed, self.problem = "", None, "", ""
        self._run([*earlier, *beat.before_question],
                  BeatState.ASKING if beat.question else BeatState.READY)

    def _run(self, actions: Iterable[Action], then: BeatState) -> None:
        """Do ``actions`` one after the other, each once the studio has settled."""
        self.state = BeatState.RUNNING
        self.changed.emit()
        self._queue = list(actions)
        generation = self._generation

        def step() -> None:
            if generation != self._generation:
                return  # another beat meanwhile
            if not self._queue:
                self._arrived(then)
                return
            action = self._queue.pop(0)
            self.actions.said("")
            try:
                self.actions.do(action, self.lesson)
            except ActionRefused as e:
                self._stop(str(e))
                return
            self.studio.when_settled(step)
        self.studio.when_settled(step)

    def _arrived(self, state: BeatState) -> None:
        if state == BeatState.REVEALED:
            self._check()
        self.state = state
        self.changed.emit()

    def _stop(self, why: str) -> None:
        self._queue = []
        self.state, self.problem = BeatState.STOPPED, why
        self.studio.message.emit(why)
        self.changed.emit()

    # ----- the question ------------------------------------------------------------------------

    def answer(self, given: str) -> bool:
        """The class's answer: checked once the beat's last actions have run (False: it does not
        read as an answer to this question; ask again)."""
        beat = self.beat
        q = beat.question if beat else None
        if beat is None or q is None or self.state != BeatState.ASKING:
            return False
        if not understood(q, given):
            self.studio.message.emit(translated(UserMessage(QT_TRANSLATE_NOOP(
                "core", "{given} is not an answer to this question; try again"), given=given)))
            return False
        self.given = given
        self._run(beat.after_question, BeatState.REVEALED)
        return True

    def reveal(self) -> bool:
        """The answer without one of the class's (nobody ventured one)."""
        if self.state != BeatState.ASKING:
            return False
        self._run(self._shown()[2].after_question, BeatState.REVEALED)
        return True

    def _check(self) -> None:
        lesson, summary, beat = self._shown()
        q, place = _asked(beat), summary.place(self.number)
        try:
            value = self.actions.value_of(q.quantity) if q.quantity else None
        except ValueError as e:
            self._stop(str(e))
            return
        right, self.revealed = check_answer(q, self.given or "?", value, self.language)
        self.right = right if self.given else None
        if self.given:
            self.answers.append(Answer(
                lesson.title.en or lesson.title.zh,
                place.chapter.title.en or place.chapter.title.zh,
                place.beat.title.en or place.beat.title.zh or str(place.beat_number),
                q.prompt.en or q.prompt.zh, self.given, right, self.revealed, datetime.now()))

    def save_answers(self, path: str) -> bool:
        try:
            save_answers_csv(path, self.answers)
        except OSError as e:  # a read-only folder, a full disk: said, and the answers kept
            self.studio.message.emit(translated(UserMessage(QT_TRANSLATE_NOOP(
                "core", "{name}: could not save the answers ({why})"),
                name=os.path.basename(path), why=e.strerror or str(e))))
            return False
        return True
