"""Which iterations of a run a time-lapse shows: ``n`` of them from ``first`` to ``last`` (both
shown), evenly spaced, or log-spaced (the early iterations, where most changes, closer together).
"""

from __future__ import annotations

import numpy as np

EVEN, LOG = "even", "log"
SPACINGS = (EVEN, LOG)
DEFAULT_FRAMES = 100


def frame_iterations(first: int, last: int, n: int, spacing: str = EVEN) -> list[int]:
    """Strictly increasing iterations from ``first`` to ``last``, ``n`` of them (fewer when the
    run has fewer iterations): the nearest whole iterations to ``n`` evenly spaced (or
    log-spaced) points, exactly those, whatever the run keeps (its parameters at any of them
    are recomputed bit for bit from the keyframe before it)."""
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
    return [first + s for s in steps]
