"""The tutorial's lesson runs to its end and every number it quotes is the app's (as the other
shipped lessons in test_shipped_lessons.py): in a file of its own, because its cat part trains
the tutorial's network 2,500 iterations and the suite's workers take a file at a time."""

from __future__ import annotations

from bpstudio.app.resources import resource_path
from bpstudio.session.lesson_check import check_lesson_file


def test_the_tutorials_lesson_runs_to_its_end_and_every_quoted_number_is_the_apps(cat_data_dir,
                                                                                  replayed_runs):
    path = str(resource_path("lessons", "bp-tutorial.md"))
    assert check_lesson_file(path, lambda: str(cat_data_dir)) == []
