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
POINTED_AT = QColor("#0072b2")  # the frame around a view a lesson points at (a strong blue)
# one colour per layer for the ‖dW[l]‖ plot: Okabe–Ito, colour-blind safe
LAYER_COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"]
# twin runs take these in turn (the window's own run keeps the plots' blue): a run carries an index
RUN_COLOURS = (QColor("#009e73"), QColor("#e69f00"), QColor("#cc79a7"), QColor("#56b4e9"))

# the stepper's phases, where the diagram marks what a step touches
STEP_FORWARD = QColor("#009e73")  # the forward pass and the cost: bluish green
STEP_BACKWARD = QColor("#cc3d8f")  # errors flowing back along Wᵀ: reddish purple
STEP_UPDATE = QColor("#7b2cbf")  # the update (and an iteration applied by hand): violet
STEP_COLOURS = {"forward": STEP_FORWARD, "cost": STEP_FORWARD, "backward": STEP_BACKWARD,
                "update": STEP_UPDATE}
SELECTED = STEP_UPDATE  # a clicked neuron's ring

# words and rims over colours
ON_STRONG = QColor("#ffffff")  # text on a strong fill: a banner, a neuron near ±max
ON_PALE = QColor("#202020")  # text on a pale fill: a neuron near 0
# the points on the output's heatmap: training circles white-rimmed, test squares black
TRAIN_POINT_RIM, TEST_POINT_RIM = QColor("#ffffff"), QColor("#000000")
NOW_LINE = QColor("#7f7f7f")  # the time cursor at the latest iteration: a quiet grey

# the training plots' curves (Okabe–Ito): train blue, test vermilion
TRAIN_CURVE, TEST_CURVE = QColor("#0072b2"), QColor("#d55e00")
# classified pictures: a wrong prediction vermilion, a right one bluish green
WRONG, RIGHT = QColor("#d55e00"), QColor("#009e73")
WARNING_TEXT = QColor("#b3470c")  # "not trained yet": a dark orange, read on every theme

# each theme's colours (widgets/theme.py); its style sheet (resources/styles/) carries its own
THEME_COLOURS = {
    "light": dict(window="#efefef", base="#ffffff", text="#1a1a1a", mid="#a0a0a0",
                  button="#e6e6e6", highlight="#2166ac", plot_background="#ffffff",
                  plot_foreground="#404040"),
    "dark": dict(window="#2b2b2b", base="#1e1e1e", text="#ececec", mid="#6a6a6a",
                 button="#3a3a3a", highlight="#4d8fd6", plot_background="#1e1e1e",
                 plot_foreground="#d0d0d0"),
    # for a projector: pure white, black text, no pale grey anywhere
    "projector": dict(window="#ffffff", base="#ffffff", text="#000000", mid="#6e6e6e",
                      button="#ffffff", highlight="#003f8c", plot_background="#ffffff",
                      plot_foreground="#000000"),
    # for low vision (and a dark room's projector): white on black, a yellow selection with black
    # text, the lines' blue lightened to stand out on black (orange already does); the sign pair
    # stays apart in greyscale (ΔE 20) and every CVD simulation (tests/widgets/test_colour_blind.py)
    "contrast": dict(window="#000000", base="#000000", text="#ffffff", mid="#c8c8c8",
                     button="#000000", highlight="#ffff00", plot_background="#000000",
                     plot_foreground="#ffffff", highlighted_text="#000000",
                     positive="#a6d8ff"),
}
HIGHLIGHTED_TEXT = QColor("#ffffff")  # a selection's text, in every theme but high contrast


def run_colour(index: int) -> QColor:
    """The colour of the twin run that carries ``index`` (session/runs.py): the list in turn."""
    return QColor(RUN_COLOURS[index % len(RUN_COLOURS)])


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


def weight_row_image(row: np.ndarray, shape: tuple[int, ...]) -> QImage:
    """A first-layer neuron's row of W[1] as the picture it looks for: ``shape`` (64×64×3), grey
    at 0, bright where w > 0 and dark where w < 0, scaled by the row's own max |w|."""
    span = float(np.abs(row).max()) or 1.0
    return rgb_image((row.reshape(shape) / span + 1) / 2)
