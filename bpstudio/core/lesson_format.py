"""A lesson file: plain Markdown with a title, chapters and beats, text in English and Chinese,
```actions blocks that set the app's state and ```question blocks (docs/lessons.md).

    # Title | 标题                  the lesson (one, first)
    ## Chapter | 章                 a chapter
    ### Beat | 节拍                 a beat: what one press of Space shows
    en:  / zh:                      the text that follows is in that language (Markdown)
    ```actions … ```                one action a line (lesson_actions.py)
    ```question … ```               predict, then reveal (lesson_questions.py)

Parsing returns a whole Lesson or raises one LessonError that lists every fault by line; nothing
is half read. The size is checked before a byte is parsed. This module is the lessons' public
face: the runner and the pane import from here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import NamedTuple, Sequence
from pathlib import Path

from .lesson_actions import ACTIONS, Action, parse_action
from .lesson_answers import (ANSWER_COLUMNS, Answer, Tolerance, matches, read_number, read_shape,
                             save_answers_csv, write_answers_csv)
from .lesson_questions import (QUANTITIES, Option, Quantity, Question, check_answer,
                               parse_question, parse_quantity, understood)
from .lesson_slots import (LANGUAGES, Bilingual, LessonError, LessonFault, fault, markup_fault,
                           shown)
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .readable import not_readable, open_regular

__all__ = ["ACTIONS", "ANSWER_COLUMNS", "LANGUAGES", "QUANTITIES", "Action", "Answer", "Beat",
           "BeatPlace", "Bilingual", "Chapter", "Lesson", "LessonError", "LessonFault",
           "LessonSummary", "MissingText", "Option", "Quantity", "Question", "QuotedNumber",
           "Tolerance", "check_answer", "format_lesson", "lesson_file", "lesson_summary",
           "matches", "parse_action", "parse_lesson", "parse_quantity", "read_lesson",
           "save_answers_csv", "understood", "write_answers_csv"]

MAX_BYTES = 1 << 20  # a lesson of 30 chapters in two languages is about 100 kB
MAX_LINES = 20_000
MAX_LINE_CHARS = 4000  # a long paragraph of Chinese on one line is about 500

_HEADING = re.compile(r"(#{1,6})(?:\s+(.*?))?\s*#*\s*")
_MARKER = re.compile(r"(en|zh|zh_CN|zh-CN):(?:\s+(.*))?")
_FENCE = re.compile(r"(`{3,}|~{3,})\s*([^\s`]*)\s*")
_MARK = re.compile(r"\{\{(.*?)\}\}")
_QUOTE = re.compile(r"\s*(\S+)\s*=\s*(.+?)\s*")
# C0 and C1 controls but the tab, and the bidirectional overrides that make text read otherwise
# than it is stored ("Trojan source")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class QuotedNumber:
    """A number the text quotes from the app, ``{{0.771749 = cost}}``: the student reads
    0.771749; a checker compares it with the quantity's value after the beat's actions ran."""

    text: str
    quantity: Quantity
    line: int
    language: str


@dataclass(frozen=True)
class Beat:
    """What one press of Space shows: a text (Markdown source, quoted numbers marked), the
    actions that set the app's state in order, and perhaps a question, asked after the first
    ``question_at`` actions have run and revealed after the rest."""

    title: Bilingual
    body: Bilingual = Bilingual()
    actions: tuple[Action, ...] = ()
    question: Question | None = None
    question_at: int = 0
    line: int = field(default=0, compare=False)
    quoted: tuple[QuotedNumber, ...] = field(default=(), compare=False)

    def text(self, language: str) -> str:
        """The text a student reads (the other language's when this one is missing): Markdown,
        each quoted number as the number alone."""
        return _MARK.sub(lambda m: m[0] if (q := _QUOTE.fullmatch(m[1])) is None else q[1],
                         self.body.text(language))

    def source(self, language: str) -> str:
        return self.body.text(language)

    @property
    def before_question(self) -> tuple[Action, ...]:
        return self.actions[:self.question_at] if self.question else self.actions

    @property
    def after_question(self) -> tuple[Action, ...]:
        return self.actions[self.question_at:] if self.question else ()


@dataclass(frozen=True)
class Chapter:
    title: Bilingual
    intro: Bilingual = Bilingual()  # shown above its beats
    beats: tuple[Beat, ...] = ()
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Lesson:
    title: Bilingual
    intro: Bilingual = Bilingual()
    chapters: tuple[Chapter, ...] = ()
    file: str = field(default="", compare=False)  # its name, for messages
    folder: Path | None = field(default=None, compare=False)  # where its pictures are
    line: int = field(default=1, compare=False)  # of its title


@dataclass(frozen=True)
class MissingText:
    """A text with one language and not the other: ``what`` is title, chapter, beat, question
    or option; ``name`` its title (or words) in the language it has."""

    line: int
    what: str
    name: str
    language: str

    def message(self) -> LessonFault:
        language = {"en": QT_TRANSLATE_NOOP("core", "English"),
                    "zh_CN": QT_TRANSLATE_NOOP("core", "Chinese")}[self.language]
        return fault(self.line, QT_TRANSLATE_NOOP("core", "line {line}: the {what} {name} has no "
                                                  "{language} text"),
                     what=UserMessage(_WHAT[self.what]), name=shown(self.name),
                     language=UserMessage(language))


_WHAT = {"title": QT_TRANSLATE_NOOP("core", "title"), "chapter": QT_TRANSLATE_NOOP("core", "chapter"),
         "beat": QT_TRANSLATE_NOOP("core", "beat"), "question": QT_TRANSLATE_NOOP("core", "question"),
         "option": QT_TRANSLATE_NOOP("core", "option")}


@dataclass(frozen=True)
class BeatPlace:
    """A beat and where it stands: ``number`` counts through the whole lesson from 1,
    ``chapter_number`` from 1, ``beat_number`` within its chapter from 1."""

    number: int
    chapter_number: int
    beat_number: int
    chapter: Chapter
    beat: Beat


@dataclass(frozen=True)
class LessonSummary:
    chapters: int
    beats: int
    questions: int
    actions: int
    places: tuple[BeatPlace, ...]
    quoted: tuple[tuple[BeatPlace, QuotedNumber], ...]  # every quoted number, in order
    missing: tuple[MissingText, ...]  # every text without one of the two languages

    def place(self, number: int) -> BeatPlace:
        """Beat ``number`` of the lesson (1 is the first)."""
        return self.places[number - 1]

    def progress(self, number: int) -> UserMessage:
        """Where beat ``number`` is, as the pane says it: chapter 3 of 9 · beat 4 of 31."""
        p = self.place(number)
        return UserMessage(QT_TRANSLATE_NOOP("core", "chapter {chapter} of {chapters} · beat {beat} "
                                             "of {beats}"), chapter=p.chapter_number,
                           chapters=self.chapters, beat=p.number, beats=self.beats)


def lesson_summary(lesson: Lesson) -> LessonSummary:
    places = tuple(BeatPlace(0, c, b, chapter, beat)
                   for c, chapter in enumerate(lesson.chapters, start=1)
                   for b, beat in enumerate(chapter.beats, start=1))
    places = tuple(BeatPlace(n, p.chapter_number, p.beat_number, p.chapter, p.beat)
                   for n, p in enumerate(places, start=1))
    missing = _missing(lesson.line, "title", lesson.title, lesson.intro)
    for chapter in lesson.chapters:
        missing += _missing(chapter.line, "chapter", chapter.title, chapter.intro)
        for beat in chapter.beats:
            missing += _missing(beat.line, "beat", beat.title, beat.body)
            if beat.question:
                q = beat.question
                missing += _missing(q.line, "question", q.prompt, q.prompt)
                missing += [missed for o in q.options
                            for missed in _missing(q.line, "option", o.text, o.text)]
    return LessonSummary(
        len(lesson.chapters), len(places), sum(p.beat.question is not None for p in places),
        sum(len(p.beat.actions) for p in places), places,
        tuple((p, q) for p in places for q in p.beat.quoted), tuple(dict.fromkeys(missing)))


def _missing(line: int, what: str, title: Bilingual, text: Bilingual) -> list[MissingText]:
    name = title.en or title.zh
    return [MissingText(line, what, name, lang) for lang in dict.fromkeys(title.missing + text.missing)]


def lesson_file(lesson: Lesson, relative: str, line: int = 0) -> Path:
    """The file ``relative`` (a picture action's) in the lesson's folder; LessonError when it
    lies outside it, through a link too."""
    folder = lesson.folder.resolve() if lesson.folder is not None else None
    target = (folder / relative).resolve() if folder is not None else None
    if folder is None or target is None or not target.is_relative_to(folder):
        raise LessonError.listing(lesson.file, [fault(line, QT_TRANSLATE_NOOP(
            "core", "line {line}: {file} is not in the lesson's folder"), file=shown(relative))])
    return target


# ----- reading ---------------------------------------------------------------------------------

def read_lesson(path: str | os.PathLike[str]) -> Lesson:
    """The lesson in file ``path``: its size checked before it is read."""
    path = Path(path)
    with open_regular(path, LessonError) as f:
        try:
            size = os.fstat(f.fileno()).st_size
            data = f.read(MAX_BYTES + 1) if size <= MAX_BYTES else b""
        except OSError as e:
            raise not_readable(e, path.name, LessonError) from None
    if size > MAX_BYTES or len(data) > MAX_BYTES:
        raise LessonError(QT_TRANSLATE_NOOP("core", "{name}: {kb} kB is over the {limit} kB a "
                                            "lesson may have"), name=path.name,
                          kb=f"{max(size, len(data)) // 1024:,}", limit=MAX_BYTES // 1024)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise LessonError(QT_TRANSLATE_NOOP("core", "{name}: not UTF-8 text (byte {at})"),
                          name=path.name, at=e.start) from None
    return parse_lesson(text, path.name, path.parent)


def parse_lesson(text: str, name: str = "lesson.md",
                 folder: str | os.PathLike[str] | None = None) -> Lesson:
    """The lesson ``text`` holds; LessonError naming ``name`` and every fault by line."""
    if len(text) > MAX_BYTES:
        raise LessonError(QT_TRANSLATE_NOOP("core", "{name}: over the {limit} kB a lesson may have"),
                          name=name, limit=MAX_BYTES // 1024)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) > MAX_LINES:
        raise LessonError(QT_TRANSLATE_NOOP("core", "{name}: {n} lines; a lesson has at most {max}"),
                          name=name, n=f"{len(lines):,}", max=f"{MAX_LINES:,}")
    reader = _Reader(name)
    for k, line in enumerate(lines, start=1):
        reader.line(k, line)
    lesson = reader.finish(Path(folder) if folder is not None else None)
    if reader.faults:
        raise LessonError.listing(name, reader.faults)
    return lesson


class _Part:
    """A lesson, chapter or beat being read."""

    def __init__(self, kind: str, line: int, title: Bilingual):
        self.kind, self.line, self.title = kind, line, title
        self.texts: dict[str, list[str]] = {"en": [], "zh": []}
        self.quoted: list[QuotedNumber] = []
        self.actions: list[Action] = []
        self.question: Question | None = None
        self.question_at = 0
        self.children: list[_Part] = []

    def text(self) -> Bilingual:
        return Bilingual(*("\n\n".join(self.texts[lang]) for lang in ("en", "zh")))


class _Block(NamedTuple):
    """A block of text in one language ("en" or "zh"): its lines, numbered."""

    language: str
    lines: list[tuple[int, str]]


class _Reader:
    def __init__(self, name: str):
        self.name = name
        self.faults: list[LessonFault] = []
        self.lesson: _Part | None = None
        self.part: _Part | None = None  # where text, actions and questions go
        self.block: _Block | None = None  # a language's lines
        self.fence: tuple[str, str, int, list[tuple[int, str]]] | None = None  # marks, kind, line

    def fault(self, line: int, template: str, **values: object) -> None:
        self.faults.append(fault(line, template, **values))

    def line(self, k: int, line: str) -> None:
        if len(line) > MAX_LINE_CHARS:
            return self.fault(k, QT_TRANSLATE_NOOP("core", "line {line}: {n} characters; a line has "
                                                   "at most {max}"), n=f"{len(line):,}", max=MAX_LINE_CHARS)
        if control := _CONTROL.search(line):
            return self.fault(k, QT_TRANSLATE_NOOP("core", "line {line}: a control character "
                                                   "(U+{code}) is no part of a lesson"),
                              code=f"{ord(control[0]):04X}")
        stripped = line.strip()
        if self.fence:
            marks, kind, start, body = self.fence
            if stripped and stripped == marks[0] * len(stripped) and len(stripped) >= len(marks):
                self.fence = None
                return self.fenced(kind, start, body, k, line)
            if kind in ("actions", "question"):
                body.append((k, line))
            elif self.block is not None:  # code in the text: kept as it is
                self.block.lines.append((k, line))
            return
        fence, heading, marker = (_FENCE.fullmatch(stripped), _HEADING.fullmatch(stripped),
                                  _MARKER.fullmatch(stripped))
        if fence:
            self.fence = (fence[1], fence[2], k, [])
            if fence[2] not in ("actions", "question"):
                self.text_line(k, line)
        elif heading and len(heading[1]) <= 3 and not line.startswith(" "):
            self.close_block()
            self.heading(k, len(heading[1]), heading[2] or "")
        elif marker:
            self.close_block()
            if self.part is None:
                return self.fault(k, QT_TRANSLATE_NOOP("core", "line {line}: text before the title; "
                                                       "a lesson starts '# Title | 标题'"))
            self.block = _Block("zh" if marker[1].startswith("zh") else "en", [])
            if marker[2]:
                self.text_line(k, marker[2])
        elif self.block is not None:
            self.text_line(k, line)
        elif stripped and not (stripped.startswith("<!--") and stripped.endswith("-->")):
            self.fault(k, QT_TRANSLATE_NOOP("core", "line {line}: text outside 'en:' or 'zh:'; write "
                                            "one of them on the line before the text"))

    def text_line(self, k: int, line: str) -> None:
        if self.block is None:  # (a code block outside: this one fault, its lines swallowed)
            return self.fault(k, QT_TRANSLATE_NOOP("core", "line {line}: text outside 'en:' or "
                                                   "'zh:'; write one of them on the line before"))
        self.block.lines.append((k, line))
        if markup := markup_fault(k, line):
            self.faults.append(markup)
        if line.count("{{") != line.count("}}"):
            self.fault(k, QT_TRANSLATE_NOOP("core", "line {line}: a quoted number is written "
                                            "{{{{0.771749 = cost}}}}, on one line"))
        for mark in _MARK.finditer(line):
            self.quote(k, mark[1])

    def quote(self, k: int, inside: str) -> None:
        block, part = self.block, self.part
        if block is None or part is None:  # (text_line quotes only inside a part's block)
            return
        language = "zh_CN" if block.language == "zh" else "en"
        parts = _QUOTE.fullmatch(inside)
        if part.kind != "beat":
            return self.fault(k, QT_TRANSLATE_NOOP("core", "line {line}: quote numbers in a beat's "
                                                   "text, where the beat's actions have set them"))
        if parts is None or read_number(parts[1]) is None and read_shape(parts[1]) is None:
            return self.fault(k, QT_TRANSLATE_NOOP("core", "line {line}: a quoted number is written "
                                                   "{{{{NUMBER = QUANTITY}}}}, not {text}"),
                              text=shown(inside))
        try:
            quantity = parse_quantity(parts[2], k)
        except LessonFault as f:
            return self.faults.append(f)
        if quantity.shape and read_shape(parts[1]) is None:
            return self.fault(k, QT_TRANSLATE_NOOP("core", "line {line}: {quantity} is a shape, "
                                                   "such as 5×209, not {text}"),
                              quantity=quantity.text, text=shown(parts[1]))
        part.quoted.append(QuotedNumber(parts[1], quantity, k, language))

    def close_block(self) -> None:
        if self.block is None:
            return
        language, lines = self.block
        self.block = None
        texts = [t for _, t in lines]
        while texts and not texts[0].strip():
            texts.pop(0)
        while texts and not texts[-1].strip():
            texts.pop()
        if texts and self.part is not None:  # (a block opens only inside a part)
            self.part.texts[language].append("\n".join(texts))

    def heading(self, k: int, level: int, words: str) -> None:
        title = Bilingual.from_line(words)
        if not (title.en or title.zh):
            return self.fault(k, QT_TRANSLATE_NOOP("core", "line {line}: a heading without a title"))
        if markup := markup_fault(k, words):
            self.faults.append(markup)
        if "{{" in words:
            self.fault(k, QT_TRANSLATE_NOOP("core", "line {line}: quote numbers in a beat's text, "
                                            "where the beat's actions have set them"))
        if level == 1:
            if self.lesson is not None:
                return self.fault(k, QT_TRANSLATE_NOOP("core", "line {line}: a second title; a lesson "
                                                       "has one '# …', chapters '## …', beats '### …'"))
            self.lesson = self.part = _Part("lesson", k, title)
        elif self.lesson is None:
            self.fault(k, QT_TRANSLATE_NOOP("core", "line {line}: a lesson starts with its title "
                                            "'# Title | 标题'"))
            self.lesson = _Part("lesson", k, Bilingual())  # read on, to find the other faults
        if level == 2:
            self.part = _Part("chapter", k, title)
            self.lesson.children.append(self.part)
        elif level == 3:
            chapter = self.lesson.children[-1] if self.lesson.children else None
            if chapter is None:
                return self.fault(k, QT_TRANSLATE_NOOP("core", "line {line}: a beat before the first "
                                                       "chapter '## …'"))
            self.part = _Part("beat", k, title)
            chapter.children.append(self.part)

    def fenced(self, kind: str, start: int, body: list[tuple[int, str]], k: int, closing: str) -> None:
        if kind not in ("actions", "question"):
            if self.block is not None:
                self.block[1].append((k, closing))
            return
        self.close_block()
        if self.part is None or self.part.kind != "beat":
            return self.fault(start, QT_TRANSLATE_NOOP("core", "line {line}: {kind} belong to a beat "
                                                       "'### …'"), kind=kind)
        if kind == "question":
            if self.part.question is not None:
                return self.fault(start, QT_TRANSLATE_NOOP("core", "line {line}: a beat has one "
                                                           "question; make another beat"))
            question, faults = parse_question(body, start, self.name)
            self.faults += faults
            self.part.question, self.part.question_at = question, len(self.part.actions)
            return
        for n, line in body:
            if line.strip() and not line.strip().startswith("#"):
                try:
                    self.part.actions.append(parse_action(line.strip(), n, self.name))
                except LessonFault as f:
                    self.faults.append(f)

    def finish(self, folder: Path | None) -> Lesson:
        self.close_block()
        if self.fence:
            self.fault(self.fence[2], QT_TRANSLATE_NOOP("core", "line {line}: this block is never "
                                                        "closed with {marks}"), marks=self.fence[0])
        if self.lesson is None:
            self.fault(1, QT_TRANSLATE_NOOP("core", "line {line}: a lesson starts with its title "
                                            "'# Title | 标题'"))
            return Lesson(Bilingual(), file=self.name, folder=folder)
        if not self.lesson.children:
            self.fault(self.lesson.line, QT_TRANSLATE_NOOP("core", "line {line}: a lesson needs a "
                                                           "chapter '## …' with a beat '### …'"))
        for c in self.lesson.children:
            if not c.children:
                self.fault(c.line, QT_TRANSLATE_NOOP("core", "line {line}: a chapter without beats; "
                                                     "start one with '### …'"))
        chapters = tuple(
            Chapter(c.title, c.text(), tuple(
                Beat(b.title, b.text(), tuple(b.actions), b.question, b.question_at, b.line,
                     tuple(sorted(b.quoted, key=lambda q: q.line)))
                for b in c.children), c.line)
            for c in self.lesson.children)
        return Lesson(self.lesson.title, self.lesson.text(), chapters, self.name, folder,
                      self.lesson.line)


# ----- writing ---------------------------------------------------------------------------------

def format_lesson(lesson: Lesson) -> str:
    """The lesson as a file: what Record writes, and what parses back to an equal Lesson."""
    out = [f"# {lesson.title.to_line()}", ""]
    out += _texts(lesson.intro)
    for chapter in lesson.chapters:
        out += [f"## {chapter.title.to_line()}", ""] + _texts(chapter.intro)
        for beat in chapter.beats:
            out += [f"### {beat.title.to_line()}", ""] + _texts(beat.body)
            out += _actions(beat.before_question)
            if beat.question:
                out += beat.question.to_lines() + [""] + _actions(beat.after_question)
    return "\n".join(out).rstrip("\n") + "\n"


def _texts(text: Bilingual) -> list[str]:
    return [line for marker, words in (("en:", text.en), ("zh:", text.zh)) if words
            for line in (marker, words, "")]


def _actions(actions: Sequence[Action]) -> list[str]:
    return ["```actions", *(a.to_line() for a in actions), "```", ""] if actions else []
