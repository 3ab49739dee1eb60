"""The iterations a time-lapse shows: the run's first and last, strictly increasing, evenly or
log-spaced."""

import numpy as np
import pytest

from bpstudio.core.timelapse import frame_iterations


@pytest.mark.parametrize("spacing", ["even", "log"])
@pytest.mark.parametrize("first,last,n", [(0, 2500, 100), (10, 60, 51), (0, 7, 100), (5, 6, 2),
                                          (0, 1000, 3)])
def test_from_the_first_to_the_last_strictly_increasing(first, last, n, spacing):
    its = frame_iterations(first, last, n, spacing)
    assert its[0] == first and its[-1] == last
    assert len(its) == min(n, last - first + 1)
    assert all(b > a for a, b in zip(its, its[1:]))


def test_even_steps_are_equal_and_log_steps_grow():
    even = np.diff(frame_iterations(0, 2500, 101, "even"))
    assert set(even) == {25}
    log = np.diff(frame_iterations(0, 2500, 100, "log"))
    assert (log[:40] == 1).all() and log[-1] > 100  # the early iterations one by one


def test_a_run_of_no_iterations_or_an_unknown_spacing_is_refused():
    with pytest.raises(ValueError):
        frame_iterations(5, 4, 10)
    with pytest.raises(ValueError):
        frame_iterations(0, 10, 10, "cubic")


def test_frames_move_to_the_iterations_the_run_keeps_when_near():
    kept = list(range(0, 2501, 7))  # a keyframe every 7 iterations
    its = frame_iterations(0, 2500, 101, "even", kept)
    assert its[0] == 0 and its[-1] == 2500
    assert all(i in kept for i in its[1:-1])  # nothing to recompute for any frame between
    assert all(abs(i - 25 * k) <= 3 for k, i in enumerate(its))  # still evenly spaced
    # log-spaced: the early frames, an iteration apart, stay where they are
    log = frame_iterations(0, 2500, 100, "log", kept)
    assert log[:10] == list(range(10))
    assert all(b > a for a, b in zip(log, log[1:]))
    assert all(i in kept for i in log[60:-1])
