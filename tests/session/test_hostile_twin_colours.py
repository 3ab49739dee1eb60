"""A twin's colour in a session file is a colour index, never text (issue 33, part 1): whatever
the file says, the twin carries one of the run colours' indices, and the session opens
(the views draw the index's colour: tests/app/test_hostile_names.py)."""

from __future__ import annotations

import pytest
from hostile_files import session_with


@pytest.mark.parametrize("saved", ["red; background-image: url(x)", "9" * 4000, "1e9", "-1",
                                   "\u0661\u0662", " 2", "", "#ff0000", "0x10"])
def test_a_saved_colour_that_is_not_a_short_whole_number_takes_the_next_colour(studio, tmp_path,
                                                                               saved):
    s = studio()
    assert s.runs.fork(learning_rate=0.1) is not None
    good = tmp_path / "good.bpstudio"
    assert s.save_session(str(good))

    def hostile(meta):
        meta["runs"][0]["colour"] = saved
    path = session_with(good, tmp_path / "colour.bpstudio", hostile)
    other = studio()
    assert other.open_session(str(path))
    other.model.loader.wait()
    assert [t.name for t in other.runs.twins] == [s.runs.twins[0].name]
    assert other.runs.twins[0].colour_index == 0  # the first fresh index: nothing of the text


def test_a_saved_colour_index_is_kept(studio, tmp_path):
    s = studio()
    for _ in range(3):
        assert s.runs.fork(learning_rate=0.1) is not None
    path = tmp_path / "three.bpstudio"
    assert s.save_session(str(path))
    other = studio()
    assert other.open_session(str(path))
    other.model.loader.wait()
    assert [t.colour_index for t in other.runs.twins] == [0, 1, 2]
