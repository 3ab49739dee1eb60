"""The iterations a time-lapse shows: the run's first and last, strictly increasing, evenly or
log-spaced."""

from fractions import Fraction

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


@pytest.mark.parametrize("first,last,n", [(0, 2500, 100), (0, 2500, 101), (17, 1234, 37),
                                          (3, 1003, 7)])
def test_the_frames_are_the_iterations_asked_for_not_nearby_ones(first, last, n):
    """Frame k at the whole iteration nearest first + k (last − first)/(n − 1): none moved
    (to a keyframe, say) by more than rounding."""
    even = frame_iterations(first, last, n, "even")
    for k, i in enumerate(even):
        exact = Fraction(first) + Fraction(k * (last - first), n - 1)
        assert abs(i - exact) <= Fraction(1, 2), (k, i, float(exact))
    # log-spaced: the early points crowd closer than an iteration (those frames an iteration
    # apart); every other frame at the whole iteration nearest its point
    log = frame_iterations(first, last, n, "log")
    points = first - 1 + np.geomspace(1, last - first + 1, n)
    free = 0
    for k in range(1, n):
        if round(points[k]) > log[k - 1]:
            assert log[k] == round(points[k]), (k, log[k], points[k])
            free += 1
        else:
            assert log[k] == log[k - 1] + 1
    assert free > n // 3
