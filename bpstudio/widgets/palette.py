"""Colours shared by the diagram and the plots: a colour-blind-safe diverging pair (blue +, orange −)."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage

POSITIVE = QColor("#2166ac")  # blue: positive weights and activations
NEGATIVE = QColor("#e08214")  # orange: negative ones (blue/orange stays apart for every CVD type)
NEUTRAL = QColor("#f7f7f7")
HIGHLIGHT = QColor("#f0e442")  # a highlighter's yellow: what an explained number is made of
NOT_A_NUMBER = QColor("#9e9e9e")  # grey: NaN or ±inf, in every view
TIME_CURSOR = QColor("#cc79a7")  # a past iteration (the time cursor): the plots' line, the diagram's banner
# one colour per layer for the ‖dW[l]‖ plot: Okabe–Ito, colour-blind safe
LAYER_COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"]


def mix(a: QColor, b: QColor, t: float) -> QColor:
    t = min(1.0, max(0.0, float(t)))  # (not np.clip: the diagram mixes thousands per frame)
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                           a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


def diverging(value: float, scale: float) -> QColor:
    """NEUTRAL at 0, full POSITIVE/NEGATIVE at ±scale; NaN shows as grey, never as a glitch."""
    if not np.isfinite(value) or not np.isfinite(scale) or scale <= 0:
        return QColor(NOT_A_NUMBER) if not np.isfinite(value) else NEUTRAL
    return mix(NEUTRAL, POSITIVE if value >= 0 else NEGATIVE, abs(value) / scale)


def finite_max_abs(values: np.ndarray) -> float:
    """The largest finite |value| (0 when there is none): NaN or inf must not wash out the rest."""
    if not values.size:
        return 0.0
    top = max(float(values.max()), -float(values.min()))  # no |values| copy of a 50 MB W[1]
    if not np.isfinite(top):
        finite = np.abs(values[np.isfinite(values)])
        top = float(finite.max()) if finite.size else 0.0
    return top


def rgb_image(pixels: np.ndarray) -> QImage:
    """(H, W, 3) RGB → a QImage owning a copy of the pixels: uint8 as they are, floats in [0, 1]
    scaled to bytes."""
    if pixels.dtype != np.uint8:
        pixels = np.clip(pixels * 255 + 0.5, 0, 255).astype(np.uint8)
    data = np.ascontiguousarray(pixels)
    h, w, _ = data.shape
    return QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def diverging_rgb(values: np.ndarray, scale: float, strength: float = 1.0) -> np.ndarray:
    """``diverging`` for a whole array at once: (…) values → (…, 3) uint8 RGB, NEUTRAL at 0,
    ``strength`` of the way to POSITIVE / NEGATIVE at ±scale, grey for NaN and ±inf."""
    ends = {sign: np.array([c.redF(), c.greenF(), c.blueF()]) * 255
            for sign, c in ((1, POSITIVE), (-1, NEGATIVE))}
    neutral = np.array([NEUTRAL.redF(), NEUTRAL.greenF(), NEUTRAL.blueF()]) * 255
    finite = np.isfinite(values)
    t = np.clip(np.where(finite, values, 0.0) / (scale if scale > 0 else 1.0), -1.0, 1.0)[..., None]
    t = t * strength
    rgb = neutral + np.where(t >= 0, t * (ends[1] - neutral), -t * (ends[-1] - neutral))
    rgb[~finite] = [NOT_A_NUMBER.red(), NOT_A_NUMBER.green(), NOT_A_NUMBER.blue()]
    return (rgb + 0.5).astype(np.uint8)


def diverging_image(values: np.ndarray, scale: float) -> QImage:
    """A 2-D array as an image, one pixel per value, coloured as ``diverging_rgb``."""
    return rgb_image(diverging_rgb(np.asarray(values, dtype=float), scale))
