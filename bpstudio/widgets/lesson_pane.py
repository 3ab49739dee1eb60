"""The lesson pane: where the class is in the lesson, the beat's text, its question (predict,
then reveal) and the way on. It draws what the LessonRunner says and calls its methods."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QRadioButton, QTextBrowser, QVBoxLayout, QWidget)

from ..session.lesson_runner import BeatState, LessonRunner
from .i18n import Retranslatable


class LessonPane(Retranslatable, QWidget):
    save_answers_asked = Signal()  # the window asks where, then runner.save_answers(path)

    def __init__(self, runner: LessonRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("LessonPane")
        self.runner = runner
        self.title = QLabel()
        self.title.setObjectName("LessonTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # a file's words are text, never markup
        self.where = QLabel()
        self.where.setObjectName("LessonProgress")
        self.bar = QProgressBar()
        self.bar.setObjectName("LessonProgressBar")
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.heading = QLabel()
        self.heading.setObjectName("LessonBeatTitle")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QTextBrowser()
        self.text.setObjectName("LessonText")
        self.text.setOpenLinks(False)  # a link opens in the browser, and only a web one
        self.text.anchorClicked.connect(self._on_link)
        self.text.installEventFilter(self)
        self.question = QWidget()
        self.question.setObjectName("LessonQuestion")
        self.prompt = QLabel()
        self.prompt.setObjectName("LessonQuestionText")
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.entry = QLineEdit()
        self.entry.setObjectName("LessonAnswer")
        self.entry.returnPressed.connect(self._on_check)
        self.options = QWidget()
        self.options_layout = QVBoxLayout(self.options)
        self.options_layout.setContentsMargins(0, 0, 0, 0)
        self.choices = QButtonGroup(self)
        self.check_button = QPushButton()
        self.check_button.setObjectName("LessonCheckAnswer")
        self.check_button.clicked.connect(self._on_check)
        self.reveal_button = QPushButton()
        self.reveal_button.setObjectName("LessonReveal")
        self.reveal_button.clicked.connect(runner.reveal)
        self.verdict = QLabel()
        self.verdict.setObjectName("LessonVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        q = QVBoxLayout(self.question)
        q.setContentsMargins(0, 0, 0, 0)
        q.addWidget(self.prompt)
        q.addWidget(self.entry)
        q.addWidget(self.options)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.check_button)
        answer_row.addWidget(self.reveal_button)
        answer_row.addStretch(1)
        q.addLayout(answer_row)
        q.addWidget(self.verdict)
        self.status = QLabel()
        self.status.setObjectName("LessonStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.back_button = QPushButton()
        self.back_button.setObjectName("LessonBack")
        self.back_button.clicked.connect(runner.previous)
        self.next_button = QPushButton()
        self.next_button.setObjectName("LessonNext")
        self.next_button.clicked.connect(runner.next)
        self.save_button = QPushButton()
        self.save_button.setObjectName("LessonSaveAnswers")
        self.save_button.clicked.connect(self.save_answers_asked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.where)
        layout.addWidget(self.bar)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.question)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        runner.changed.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.check_button.setText(self.tr("Check my answer"))
        self.reveal_button.setText(self.tr("Show the answer"))
        self.back_button.setText(self.tr("Back"))
        self.next_button.setText(self.tr("Next (Space)"))
        self.save_button.setText(self.tr("Save answers…"))
        self.entry.setPlaceholderText(self.tr("Your prediction"))
        self._update()

    # ----- drawing what the runner says ----------------------------------------------------------

    def _update(self) -> None:
        r = self.runner
        if not r.open or r.beat is None:
            for w in (self.title, self.where, self.heading, self.status, self.verdict):
                w.setText("")
            self.text.clear()
            self.question.hide()
            self.bar.setValue(0)
            return
        language = r.language
        place = r.summary.place(r.number)
        self.title.setText(r.lesson.title.text(language))
        self.where.setText(r.progress())
        self.bar.setRange(0, r.summary.beats)
        self.bar.setValue(r.number)
        chapter = place.chapter.title.text(language)
        beat = place.beat.title.text(language)
        self.heading.setText(" · ".join(t for t in (chapter, beat) if t))
        self.text.document().setMarkdown(r.beat.text(language),
                                         QTextDocument.MarkdownFeature.MarkdownNoHTML)
        self._code_as_large_as_the_text()
        self._show_question(language)
        self.status.setText({BeatState.RUNNING: self.tr("Setting up the app for this beat…"),
                             BeatState.STOPPED: r.problem}.get(r.state, ""))
        self.back_button.setEnabled(r.number > 1)
        self.next_button.setEnabled(r.number < r.summary.beats or r.state == BeatState.ASKING)
        self.save_button.setEnabled(bool(r.answers))

    def _code_as_large_as_the_text(self) -> None:
        """Markdown's `code` (a lesson's formulas) comes in the system's fixed font at its own
        size; it is set as large as the words around it, which the theme and stage scale."""
        size = self.text.font().pointSizeF()
        block = self.text.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().fontFixedPitch():
                    cursor = QTextCursor(self.text.document())
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(),
                                       QTextCursor.MoveMode.KeepAnchor)
                    larger = QTextCharFormat()
                    larger.setFontPointSize(size)
                    cursor.mergeCharFormat(larger)
                it += 1
            block = block.next()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.text and event.type() == QEvent.Type.FontChange:
            self._code_as_large_as_the_text()  # a theme, a scale or a stage of presentation mode
        return False

    def _show_question(self, language: str) -> None:
        r = self.runner
        q = r.beat.question
        self.question.setVisible(q is not None)
        if q is None:
            return
        asking = r.state == BeatState.ASKING
        self.prompt.setText(q.prompt.text(language))
        choice = q.kind == "choice"
        self.entry.setVisible(not choice)
        self.options.setVisible(choice)
        if self._asked != (id(q), language):  # another question, or another language
            if self._asked[0] != id(q):
                self.entry.clear()
            self._asked = (id(q), language)
            for b in self.choices.buttons():
                self.choices.removeButton(b)
                b.deleteLater()
            for k, option in enumerate(q.options if choice else ()):
                b = QRadioButton(option.text.text(language))
                b.setObjectName(f"LessonOption{k + 1}")
                self.choices.addButton(b, k + 1)
                self.options_layout.addWidget(b)
        for b in self.choices.buttons():
            b.setEnabled(asking)
        self.entry.setEnabled(asking)
        self.check_button.setEnabled(asking)
        self.reveal_button.setEnabled(asking)
        if r.state != BeatState.REVEALED:
            self.verdict.setText("")
        elif r.right is None:
            self.verdict.setText(self.tr("The app says: {value}").format(value=r.revealed))
        elif r.right:
            self.verdict.setText(self.tr("Right: the app says {value}.").format(value=r.revealed))
        else:
            self.verdict.setText(self.tr("Not quite: the app says {value}.").format(value=r.revealed))

    _asked: tuple = (None, None)

    # ----- the class's answer --------------------------------------------------------------------

    def _on_check(self) -> None:
        q = self.runner.beat.question if self.runner.beat else None
        if q is None:
            return
        given = (str(self.choices.checkedId()) if q.kind == "choice" and self.choices.checkedId() > 0
                 else self.entry.text())
        self.runner.answer(given)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
