"""A dense curve reduced to what a plot of some pixels' width can show (the plots' and the
twin runs' views)."""

from __future__ import annotations

import numpy as np


def peaks(x: np.ndarray, y: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) reduced to the min and max of each of ``bins`` runs of points, the last short run
    included (pyqtgraph's own peak mode drops it: the newest iterations, where the cost is
    lowest, went missing from a long run's curve)."""
    n = len(x)
    if n <= 2 * bins:
        return x, y
    starts = np.unique(np.linspace(0, n, bins, endpoint=False).astype(int))
    xs = np.repeat(x[starts], 2)
    ys = np.empty(2 * len(starts))
    ys[0::2] = np.minimum.reduceat(y, starts)
    ys[1::2] = np.maximum.reduceat(y, starts)
    return xs, ys
