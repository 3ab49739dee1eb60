"""The sign of a value drawn as a shape as well as a colour, where a view has no number to write:
a minus bar in a neuron too small for its number, and the line where a map over the input plane
changes sign (an in-neuron map's a = 0, a sigmoid's a = 0.5; the output map's decision boundary
a = 0.5, where the class changes). Both survive greyscale and every colour-blind eye."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF

from .palette import ON_PALE

# a neuron smaller than this (radius, px) carries no bar: it would read as noise
BAR_MIN_RADIUS = 3.0
LINE_INK = np.array([ON_PALE.red(), ON_PALE.green(), ON_PALE.blue()], dtype=np.uint8)


def minus_bar(centre: QPointF, radius: float) -> QRectF:
    """The bar in a negative neuron: across its middle, 1.2 radii wide, a fifth of it thick (at
    least 1.5 px), as a heatmap's negative cell has one."""
    w = 1.2 * radius
    h = max(1.5, 0.2 * radius)
    return QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)


def shows_bar(value: float, radius: float) -> bool:
    """Whether a neuron of ``value`` and ``radius`` (its number not written in it) needs the bar."""
    return value < 0 and radius >= BAR_MIN_RADIUS


def boundary(inside: np.ndarray) -> np.ndarray:
    """The cells of the (H, W) mask ``inside`` next to one outside it (up, down, left or right):
    a line one cell thick along the region's edge, on its inner side."""
    inside = np.asarray(inside, dtype=bool)
    return inside & _touches(~inside)


def sign_line(values: np.ndarray) -> np.ndarray:
    """Where a map of ``values`` crosses from positive to negative (0 itself is no sign: a relu's
    flat zero beside its positive part draws no line)."""
    values = np.asarray(values, dtype=float)
    return (values > 0) & _touches(values < 0)


def _touches(mask: np.ndarray) -> np.ndarray:
    """The cells with a neighbour (up, down, left or right) in ``mask``."""
    near = np.zeros_like(mask, dtype=bool)
    near[1:, :] |= mask[:-1, :]
    near[:-1, :] |= mask[1:, :]
    near[:, 1:] |= mask[:, :-1]
    near[:, :-1] |= mask[:, 1:]
    return near


def with_line(rgb: np.ndarray, line: np.ndarray) -> np.ndarray:
    """(H, W, 3) uint8 colours with the cells of ``line`` in the line's dark ink."""
    out = np.array(rgb, copy=True)
    out[np.asarray(line, dtype=bool)] = LINE_INK
    return out


__all__ = ["BAR_MIN_RADIUS", "boundary", "minus_bar", "shows_bar", "sign_line", "with_line"]
