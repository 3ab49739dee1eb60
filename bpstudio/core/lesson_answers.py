"""Answers: a number, a shape or a sign as a person writes it, whether it is close enough to the
app's value, whether a quoted number is the app's, and the CSV of a class's answers.

Students type on any keyboard: full-width digits from a Chinese input method, the minus sign −,
"5 x 209" or "(5, 209)", "negative" or 负; all of them read here, so a right answer is never
marked wrong for its spelling.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Iterable, TextIO

from .atomicfile import atomic_write
from .csvdata import spreadsheet_cell
from .lesson_slots import number_text


@dataclass(frozen=True)
class Tolerance:
    """How far a number may be from the app's: ``amount`` itself, or ``amount`` % of the app's."""

    amount: float
    relative: bool = False

    @property
    def text(self) -> str:
        return number_text(self.amount) + ("%" if self.relative else "")

    def allows(self, given: float, value: float) -> bool:
        allowed = self.amount / 100 * abs(value) if self.relative else self.amount
        # a hair of slack: 0.78 − 0.77 is 0.010000000000000009 in floating point
        return abs(given - value) <= allowed * (1 + 1e-9) + 1e-12


DEFAULT_TOLERANCE = Tolerance(1.0, relative=True)  # a number question without one: within 1 %


_MINUS = str.maketrans({"−": "-", "–": "-", "﹣": "-"})
_NUMBER = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d{1,3})?%?")
_SIGNS = {1: {"+", "plus", "positive", "pos", "正", "正数", ">0"},
          -1: {"-", "minus", "negative", "neg", "负", "负数", "<0"},
          0: {"0", "zero", "零", "=0"}}


def plain(text: object) -> str:
    """What a student typed, in one form: full-width digits (a Chinese IME) and the minus signs
    folded, spaces gone, lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)).translate(_MINUS)).lower()


# the app's value of a quantity: a number, or a shape as (5, 209) or "5×209"
AppValue = float | str | tuple[int, ...] | list[int]


def read_number(text: str) -> float | None:
    """A number as a person writes it: −0.5, 1,000, 7.5e-3, 98.56% (a share: 0.9856)."""
    t = plain(text)
    if not t or len(t) > 40 or not _NUMBER.fullmatch(t) or not any(c.isdigit() for c in t):
        return None
    value = float(t.rstrip("%").replace(",", ""))
    return value / 100 if t.endswith("%") else value


def read_shape(text: AppValue | None) -> tuple[int, ...] | None:
    """5×209, 5x209, (5, 209), 5 by 209 → (5, 209)."""
    if isinstance(text, (tuple, list)):
        return tuple(int(n) for n in text)
    t = plain(text).strip("()[]").replace("by", "x")
    parts = re.split(r"[x×*,]", t)
    if len(t) > 40 or not all(p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)


def read_sign(text: str) -> int | None:
    t = plain(text)
    for sign, words in _SIGNS.items():
        if t in words:
            return sign
    value = read_number(text)
    return None if value is None else (value > 0) - (value < 0)


def shape_text(shape: Iterable[int]) -> str:
    return "×".join(str(n) for n in shape)


def value_text(value: AppValue) -> str:
    """The app's value as a reveal and the CSV show it: 0.771749, 5×209."""
    if isinstance(value, (tuple, list)):
        return shape_text(value)
    v = float(value)
    return f"{v:.6g}" if math.isfinite(v) else str(v)


def matches(quoted: str, value: AppValue) -> bool:
    """Whether the app's ``value`` is the number ``quoted`` (0.771749, 0.80, 98.56%, 1.5e-05):
    equal when rounded to as many decimals as the quote has, as print would round it. A tuple
    value is a shape, compared with a quoted 5×209."""
    if isinstance(value, (tuple, list)):
        return read_shape(quoted) == tuple(value)
    t = plain(quoted)
    if read_number(t) is None:
        return False
    try:
        v = float(value) * (100 if t.endswith("%") else 1)
    except (TypeError, ValueError):
        return False
    if not math.isfinite(v):
        return False
    t = t.rstrip("%").replace(",", "")
    mantissa, e, _ = t.partition("e")
    decimals = len(mantissa.partition(".")[2])
    printed = f"{v:.{decimals}e}" if e else f"{v:.{decimals}f}"
    try:
        return Decimal(printed) == Decimal(t)
    except InvalidOperation:
        return False


# ----- the class's answers as CSV ---------------------------------------------------------------

ANSWER_COLUMNS = ("lesson", "chapter", "beat", "question", "given", "correct", "app's value", "time")


@dataclass(frozen=True)
class Answer:
    """One answer a student gave; ``correct`` is written 1 or 0 (a column a spreadsheet sums)."""

    lesson: str
    chapter: str
    beat: str
    question: str
    given: str
    correct: bool
    app_value: str
    time: datetime

    def row(self) -> list[str]:
        return [spreadsheet_cell(v) for v in (self.lesson, self.chapter, self.beat, self.question, self.given,
                                   "1" if self.correct else "0", self.app_value,
                                   self.time.isoformat(timespec="seconds"))]


def write_answers_csv(out: TextIO, answers: Iterable[Answer]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ANSWER_COLUMNS)
    writer.writerows(a.row() for a in answers)


def save_answers_csv(path: str | os.PathLike[str], answers: Iterable[Answer]) -> None:
    """The answers as a CSV file, replaced whole or not at all; UTF-8 with a byte-order mark, by
    which spreadsheet programs know the Chinese is UTF-8."""
    text = io.StringIO()
    write_answers_csv(text, answers)
    with atomic_write(path) as f:
        f.write(text.getvalue().encode("utf-8-sig"))
