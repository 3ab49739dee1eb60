"""The lessons BP Studio ships (resources/lessons/): each runs from its first beat to its last on
a studio without a window, every number its text quotes equals the app's, and every text, title,
question and option is there in English and in Chinese.

The checker (session/lesson_check.py) runs every beat's actions, reads every question's quantity
and compares each {{NUMBER = QUANTITY}} with the app's value, so these tests are what makes every
number a lesson quotes (the tutorial's cost table, its 0.9856 / 0.80 among them) checked. The cat
lesson and the comparisons train the tutorial's network on the real cat data (2,500 iterations
each): those two lessons are checked in files of their own (below).
"""

from __future__ import annotations

import pytest

from bpstudio.app.resources import resource_path
from bpstudio.core.lesson_format import lesson_summary, read_lesson
from bpstudio.session.lesson_check import check_lesson_file

LESSONS = ("bp-tutorial.md", "playground.md", "why-networks-fail.md")


def lesson_path(name: str) -> str:
    return str(resource_path("lessons", name))


def test_the_lessons_folder_holds_exactly_the_shipped_lessons():
    assert sorted(p.name for p in resource_path("lessons").glob("*.md")) == sorted(LESSONS)


# the lessons that train the cat network run in files of their own, beside the rest of the suite
# on the other workers: why-networks-fail.md (its three cat comparisons, the suite's longest test)
# in test_shipped_lesson_why_networks_fail.py, bp-tutorial.md in test_shipped_lesson_bp_tutorial.py
@pytest.mark.parametrize("name", [n for n in LESSONS
                                  if n not in ("why-networks-fail.md", "bp-tutorial.md")])
def test_a_shipped_lesson_runs_to_its_end_and_every_quoted_number_is_the_apps(name, cat_data_dir,
                                                                              replayed_runs):
    assert check_lesson_file(lesson_path(name), lambda: str(cat_data_dir)) == []


@pytest.mark.parametrize("name", LESSONS)
def test_a_shipped_lesson_has_both_languages_everywhere(name):
    summary = lesson_summary(read_lesson(lesson_path(name)))
    assert summary.missing == ()
    assert summary.beats > 0 and summary.questions > 0 and summary.quoted
