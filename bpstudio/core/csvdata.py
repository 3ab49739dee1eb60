"""Your own data from a CSV file: numeric feature columns and a 0/1 label column.

The header is optional (a first line without a single number names the columns; quotes around
names are dropped); the label is the column named label, y, class or target, else the last one. The separator is a comma, semicolon
or tab. A file with bad rows is refused as a whole, and the message names their line numbers, so
nobody trains on half a file without knowing. Two feature columns make a 2-D set: the playground's
features and views work on it.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np

from .datasets import (MAX_DATASET_BYTES, Dataset, DatasetError, split_samples, with_features,
                       with_points)
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .plane import PlaneSpec

LABEL_NAMES = ("label", "y", "class", "target")
SEPARATORS = (",", ";", "\t")
SHOWN_PROBLEMS = 5  # line-numbered problems listed in the message; the rest are counted


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def load_csv(path: str | os.PathLike, train_share: float = 0.7, seed: int = 0,
             features=None, max_bytes: int = MAX_DATASET_BYTES) -> Dataset:
    """The rows as samples, shuffled with ``seed`` and split ``train_share`` : rest; with
    ``features``, a 2-D file's inputs are those features of its points."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {mb} MB is over the {limit} MB limit"),
                               name=path.name, mb=f"{size / 1e6:.0f}", limit=f"{max_bytes / 1e6:.0f}")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{path}: no such file or folder"), path=path) from None
    except UnicodeDecodeError:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: not a text file (CSV must be UTF-8 text)"),
                           name=path.name) from None
    except OSError as e:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: cannot be read ({why})"),
                           name=path.name, why=e.strerror or e) from None
    lines = [(k, line) for k, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: no rows"), name=path.name)
    first_line, first = lines[0]
    separator = max(SEPARATORS, key=first.count)
    header = _fields(first, separator)
    names: list[str] | None = None
    if all(_number(f) is None for f in header):  # a bad first row is a bad row, not a header
        names, lines = header, lines[1:]
    width = len(header)
    if width < 2:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: line {line} has one column; a CSV needs "
                                             "feature columns and a 0/1 label column, separated by "
                                             "commas, semicolons or tabs"),
                           name=path.name, line=first_line)
    label_col = width - 1
    if names is not None:
        lowered = [n.lower() for n in names]
        for candidate in LABEL_NAMES:
            if candidate in lowered:
                label_col = lowered.index(candidate)
                break
    rows, problems = [], []
    for k, line in lines:
        fields = _fields(line, separator)
        if len(fields) != width:
            problems.append(UserMessage(QT_TRANSLATE_NOOP("core", "line {line}: {n} fields, expected {width}"),
                                        line=k, n=len(fields), width=width))
            continue
        values = [_number(f) for f in fields]
        bad = [f for f, v in zip(fields, values) if v is None]
        if bad:
            problems.append(UserMessage(QT_TRANSLATE_NOOP("core", "line {line}: {value} is not a number"),
                                        line=k, value=repr(bad[0])))
            continue
        if values[label_col] not in (0.0, 1.0):
            problems.append(UserMessage(QT_TRANSLATE_NOOP("core", "line {line}: the label is {value}, not 0 or 1"),
                                        line=k, value=fields[label_col]))
            continue
        rows.append(values)
    if problems:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {n} bad row(s), nothing was loaded: {rows}"),
                           name=path.name, n=len(problems), rows=_listed(problems))
    if len(rows) < 2:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{name}: {n} data row(s); at least 2 are needed"),
                           name=path.name, n=len(rows))
    table = np.array(rows, dtype=np.float64)
    y = table[:, label_col]
    X = np.delete(table, label_col, axis=1)
    where = str(path.resolve())
    split = split_samples(path.stem, X, y, np.random.RandomState(seed), train_share, source=where,
                          files=(where,), origin={"kind": "csv", "path": where,
                                                  "train_share": train_share, "seed": seed})
    if X.shape[1] == 2:  # a plane: the playground's features and heatmaps apply
        spec = PlaneSpec("csv", noise=0.0, train_share=train_share, seed=seed)
        split = with_points(split, spec, split.X_train, split.X_test)
    return split if features is None else with_features(split, features)


def _fields(line: str, separator: str) -> list[str]:
    """The line's fields, stripped of spaces and quotes; a separator at the end adds none."""
    fields = [f.strip().strip('"').strip("'").strip() for f in line.split(separator)]
    while len(fields) > 1 and fields[-1] == "":
        fields.pop()
    return fields


def _listed(problems: list[UserMessage]) -> UserMessage:
    """The first few problems, one after the other, and how many more there are."""
    out = problems[0]
    for problem in problems[1:SHOWN_PROBLEMS]:
        out = UserMessage(QT_TRANSLATE_NOOP("core", "{a}; {b}"), a=out, b=problem)
    if len(problems) > SHOWN_PROBLEMS:
        out = UserMessage(QT_TRANSLATE_NOOP("core", "{a}; and {n} more"), a=out,
                          n=len(problems) - SHOWN_PROBLEMS)
    return out
