"""Your own data from a CSV file: numeric feature columns and a 0/1 label column.

The header is optional (a first line without a single number names the columns; quotes around
names are dropped); the label is the column named label, y, class or target, else the last one. The separator is a comma, semicolon
or tab. A file with bad rows is refused as a whole, and the message names their line numbers, so
nobody trains on half a file without knowing. Two feature columns make a 2-D set: the playground's
features and views work on it.
"""

from __future__ import annotations

import io
import math
import os
import re
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from .datasets import (MAX_DATASET_BYTES, Dataset, DatasetError, split_samples, with_features,
                       with_points)
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .plane import PlaneSpec
from .readable import not_readable, open_regular

LABEL_NAMES = ("label", "y", "class", "target")
SEPARATORS = (",", ";", "\t")
SHOWN_PROBLEMS = 5  # line-numbered problems listed in the message; the rest are counted
MAX_LINE_CHARS = 1 << 20  # a longer line is no row of numbers (and is not held in memory)
BLOCK_LINES = 4096  # rows parsed at once, between progress reports (and chances to cancel)


# a number as a CSV writes it: ASCII digits, one point, an exponent. Python's float() also takes
# 1_000, full-width and Arabic-Indic digits, "nan" and "infinity": none is a number in a CSV
_CSV_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)


# what a spreadsheet runs as a formula when a cell starts with it (OWASP's CSV injection): a run
# named "=HYPERLINK(…)" or a student's answer "@SUM(…)"; a tab or a carriage return first too
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# a number a person writes (-1,000, +5.5%, 7.5e-3): a spreadsheet reads it as that number
_WRITTEN_NUMBER = re.compile(r"[+-]?[0-9.,]*[0-9][0-9.,]*(?:[eE][+-]?[0-9]+)?%?", re.ASCII)


def spreadsheet_cell(text: object) -> str:
    """A text cell of a CSV that is written for spreadsheets: one that starts as a formula gets
    a leading ' (shown as text, never run), unless it is a plain number."""
    text = str(text)
    if text.startswith(FORMULA_STARTS) and not _WRITTEN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _number(text: str) -> float | None:
    text = text.strip(" \t\r\n")
    if not _CSV_NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def load_csv(path: str | os.PathLike[str], train_share: float = 0.7, seed: int = 0,
             features: Iterable[str] | None = None, max_bytes: int = MAX_DATASET_BYTES,
             progress: Callable[[float, float], None] | None = None) -> Dataset:
    """The rows as samples, shuffled with ``seed`` and split ``train_share`` : rest; with
    ``features``, a 2-D file's inputs are those features of its points. The file is read in
    blocks of lines into float64 rows, so what it needs in memory is counted as it grows."""
    path = Path(path)
    with open_regular(path, DatasetError) as raw:
        size = os.fstat(raw.fileno()).st_size
        if size > max_bytes:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {mb} MB is over the {limit} MB limit"),
                               name=path.name, mb=f"{size / 1e6:.0f}", limit=f"{max_bytes / 1e6:.0f}")
        table = _Table(path.name, max_bytes)
        block: list[tuple[int, str]] = []
        try:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline=None)
            for k, line in enumerate(iter(lambda: text.readline(MAX_LINE_CHARS + 1), ""), start=1):
                if len(line) > MAX_LINE_CHARS:
                    raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: line {line} is over {n} "
                                                         "characters long; not a table of numbers"),
                                       name=path.name, line=k, n=f"{MAX_LINE_CHARS:,}")
                if line.strip() and not line.lstrip().startswith("#"):
                    block.append((k, line))
                if len(block) == BLOCK_LINES:
                    table.add_block(block)
                    block = []
                    if progress is not None:
                        progress(raw.tell(), size)
            table.add_block(block)
        except UnicodeDecodeError:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: not a text file (CSV must be UTF-8 text)"),
                               name=path.name) from None
        except OSError as e:
            raise not_readable(e, path.name, DatasetError) from None
    X, y = table.finished()
    where = str(path.resolve())
    split = split_samples(path.stem, X, y, np.random.RandomState(seed), train_share, source=where,
                          files=(where,), origin={"kind": "csv", "path": where,
                                                  "train_share": train_share, "seed": seed})
    if X.shape[1] == 2:  # a plane: the playground's features and heatmaps apply
        spec = PlaneSpec("csv", noise=0.0, train_share=train_share, seed=seed)
        split = with_points(split, spec, split.X_train, split.X_test)
    return split if features is None else with_features(split, features)


class _Table:
    """The rows read so far, in a float64 buffer that doubles when full; the first problems
    (by line) and how many there are."""

    def __init__(self, name: str, max_bytes: int):
        self.name, self.max_bytes = name, max_bytes
        self.separator = ""
        self.width = 0
        self.label_col = -1
        self.rows = np.empty((0, 0))
        self.n = 0
        self.problems: list[UserMessage] = []
        self.bad = 0

    def add_block(self, block: list[tuple[int, str]]) -> None:
        """Rows at once: numpy's parser when each is a good row (a file of 1.5 million rows
        took 12 s line by line, 2 s so); line by line, for the messages, when one is not."""
        if block and not self.separator and self._header(*block[0]):
            block = block[1:]
        if not block:
            return
        rows = self._parsed(block)
        if rows is None:
            for k, line in block:
                self.add(k, line)
        elif not self.bad:
            if self.n + len(rows) > len(self.rows):
                self._grow(self.n + len(rows))
            self.rows[self.n: self.n + len(rows)] = rows
            self.n += len(rows)

    def _parsed(self, block: list[tuple[int, str]]) -> np.ndarray | None:
        """The block's rows if every field is a finite number (numpy's parser takes no quotes, no
        empty fields and no separator at the end: those lines go the slow way) and every label
        is 0 or 1."""
        try:
            rows = np.loadtxt([line for _, line in block], delimiter=self.separator, ndmin=2,
                              comments=None)
        except ValueError:
            return None
        if (rows.shape != (len(block), self.width) or not np.isfinite(rows).all()
                or not np.isin(rows[:, self.label_col], (0.0, 1.0)).all()):
            return None
        return rows

    def add(self, k: int, line: str) -> None:
        if not self.separator and self._header(k, line):
            return
        fields = _fields(line, self.separator)
        if len(fields) != self.width:
            return self._problem(UserMessage(QT_TRANSLATE_NOOP("core", "line {line}: {n} fields, expected {width}")
                                             if len(fields) != 1 else
                                             QT_TRANSLATE_NOOP("core", "line {line}: 1 field, expected {width}"),
                                             line=k, n=len(fields), width=self.width))
        values = [_number(f) for f in fields]
        bad = [f for f, v in zip(fields, values) if v is None]
        if bad:
            return self._problem(UserMessage(QT_TRANSLATE_NOOP("core", "line {line}: {value} is not a number"),
                                             line=k, value=repr(bad[0])))
        if values[self.label_col] not in (0.0, 1.0):
            return self._problem(UserMessage(QT_TRANSLATE_NOOP("core", "line {line}: the label is {value}, not 0 or 1"),
                                             line=k, value=fields[self.label_col]))
        if self.bad:
            return  # nothing will be loaded: no need to keep rows
        if self.n == len(self.rows):
            self._grow(self.n + 1)
        self.rows[self.n] = values
        self.n += 1

    def _header(self, k: int, first: str) -> bool:
        """Read the layout from the first line; True if it names the columns."""
        self.separator = max(SEPARATORS, key=first.count)
        header = _fields(first, self.separator)
        self.width = len(header)
        self.rows = np.empty((0, self.width))
        if self.width < 2:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: line {line} has one column; a CSV needs "
                                                 "feature columns and a 0/1 label column, separated by "
                                                 "commas, semicolons or tabs"),
                               name=self.name, line=k)
        self.label_col = self.width - 1
        if all(_number(f) is None for f in header):  # a bad first row is a bad row, not a header
            lowered = [n.lower() for n in header]
            self.label_col = next((lowered.index(c) for c in LABEL_NAMES if c in lowered),
                                  self.width - 1)
            return True
        return False

    def _grow(self, need: int) -> None:
        most = self.max_bytes // (self.width * 8 * 2)  # the rows, then X and the split's copies
        if need > most:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: more numbers than fit the {limit} MB "
                                                 "limit once loaded"),
                               name=self.name, limit=f"{self.max_bytes / 1e6:.0f}")
        bigger = np.empty((min(max(1024, 2 * self.n, need), most), self.width))
        bigger[: self.n] = self.rows[: self.n]
        self.rows = bigger

    def _problem(self, problem: UserMessage) -> None:
        self.bad += 1
        if len(self.problems) < SHOWN_PROBLEMS:
            self.problems.append(problem)

    def finished(self) -> tuple[np.ndarray, np.ndarray]:
        """(X, y): the features as rows of samples and the labels."""
        if not self.separator:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: no rows"), name=self.name)
        if self.bad:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: a bad row, nothing was loaded: {rows}")
                               if self.bad == 1 else
                               QT_TRANSLATE_NOOP("core", "{name}: {n} bad rows, nothing was loaded: {rows}"),
                               name=self.name, n=self.bad, rows=_listed(self.problems, self.bad))
        if self.n < 2:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: one data row; at least 2 are needed")
                               if self.n else
                               QT_TRANSLATE_NOOP("core", "{name}: no data row; at least 2 are needed"),
                               name=self.name)
        table = self.rows[: self.n]
        return np.delete(table, self.label_col, axis=1), table[:, self.label_col].copy()


def _fields(line: str, separator: str) -> list[str]:
    """The line's fields, stripped of spaces and quotes; a separator at the end adds none."""
    fields = [f.strip().strip('"').strip("'").strip() for f in line.split(separator)]
    while len(fields) > 1 and fields[-1] == "":
        fields.pop()
    return fields


def _listed(problems: list[UserMessage], count: int) -> UserMessage:
    """The first few problems, one after the other, and how many more there are."""
    out = problems[0]
    for problem in problems[1:SHOWN_PROBLEMS]:
        out = UserMessage(QT_TRANSLATE_NOOP("core", "{a}; {b}"), a=out, b=problem)
    if count > SHOWN_PROBLEMS:
        out = UserMessage(QT_TRANSLATE_NOOP("core", "{a}; and {n} more"), a=out,
                          n=count - SHOWN_PROBLEMS)
    return out
