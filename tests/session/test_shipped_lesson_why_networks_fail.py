"""The lesson on why networks fail runs to its end and every number it quotes is the app's
(as the other shipped lessons in test_shipped_lessons.py): in a file of its own, because its
three comparisons train the cat network 2,500 iterations each and the suite's workers take a
file at a time. Their first runs are one and the same run (the tutorial's): trained once, then
replayed (tests/replayed_runs.py)."""

from __future__ import annotations

from bpstudio.app.resources import resource_path
from bpstudio.session.lesson_check import check_lesson_file


def test_why_networks_fail_runs_to_its_end_and_every_quoted_number_is_the_apps(cat_data_dir,
                                                                                  replayed_runs):
    path = str(resource_path("lessons", "why-networks-fail.md"))
    assert check_lesson_file(path, lambda: str(cat_data_dir)) == []
