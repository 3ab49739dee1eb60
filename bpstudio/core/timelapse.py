"""Which iterations of a run a time-lapse shows: ``n`` of them from ``first`` to ``last`` (both
shown), evenly spaced, or log-spaced (the early iterations, where most changes, closer together).
"""

from __future__ import annotations

import bisect
from typing import Sequence

import numpy as np

EVEN, LOG = "even", "log"
SPACINGS = (EVEN, LOG)
DEFAULT_FRAMES = 100


def frame_iterations(first: int, last: int, n: int, spacing: str = EVEN,
                     kept: Sequence[int] = ()) -> list[int]:
    """Strictly increasing iterations from ``first`` to ``last``, ``n`` of them (fewer when the
    run has fewer iterations). ``kept``: the iterations whose parameters the run keeps (its
    keyframes, sorted): each frame between the first and the last is moved to the nearest of
    them that is nearer to it than to its neighbours, so that a long run's frames are
    recomputed from nothing (else every iteration between two frames is)."""
    if last < first:
        raise ValueError(f"no iterations from {first} to {last}")
    if spacing not in SPACINGS:
        raise ValueError(f"spacing is even or log, not {spacing!r}")
    span = last - first
    n = max(1, min(int(n), span + 1))
    if n == 1:
        return [last]
    if spacing == EVEN:
        grid = np.linspace(0, span, n)
    else:
        grid = np.geomspace(1, span + 1, n) - 1
    steps = [int(round(float(a))) for a in grid]
    for k in range(1, n):  # rounding may give two the same: each a step after the one before
        steps[k] = max(steps[k], steps[k - 1] + 1)
    for k in range(n - 1, -1, -1):  # and room for those after it before the last
        steps[k] = min(steps[k], span - (n - 1 - k))
    at = [first + s for s in steps]
    for k in range(1, n - 1):
        near = _nearest(kept, at[k])
        if near is not None and abs(near - at[k]) * 2 < min(at[k] - at[k - 1], at[k + 1] - at[k]):
            at[k] = near  # still between its neighbours, strictly
    return at


def _nearest(kept: Sequence[int], i: int) -> int | None:
    j = bisect.bisect_left(kept, i)
    near = [kept[x] for x in (j - 1, j) if 0 <= x < len(kept)]
    return min(near, key=lambda k: abs(k - i)) if near else None
