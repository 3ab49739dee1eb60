"""How a grid writes its numbers: one format for all of them, and the same numbers over a shared
power of ten where that is shorter (matrix_view draws them)."""

from __future__ import annotations

import math

import numpy as np

MINUS = "−"


def one_number(v: float) -> str:
    """One number on its own (the colour bar's ends)."""
    return grid_texts(np.array([[v]]))[0][0]


SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def factored_texts(values: np.ndarray,
                   texts: list[list[str]]) -> tuple[int, list[list[str]]] | None:
    """The numbers of ``texts`` (grid_texts of ``values``) over a shared power of ten 10^e,
    where that writes them shorter: numbers below 1 in fixed decimals (the largest |v| in
    [0.001, 1)), each written with its own digits, the decimal point moved −e places so that the
    largest has two digits before it (0.2317 → 23.17 over 10⁻², 0.0409 → 40.9 over 10⁻³): no
    digit is lost or added. None where there is nothing to shorten."""
    v = np.asarray(values, dtype=float)
    if not np.all(np.isfinite(v)) or v.size == 0:
        return None
    top = float(np.abs(v).max())
    if not 1e-3 <= top < 1 or any("e" in t for row in texts for t in row):
        return None
    e = math.floor(math.log10(top)) - 1
    shift = -e

    def moved(t: str) -> str:
        sign = MINUS if t.startswith(MINUS) else ""
        whole, _, fraction = t.lstrip(MINUS).partition(".")
        digits = whole + fraction
        point = len(whole) + shift
        if point > len(digits):
            return t  # cannot happen for four decimals and a shift of at most four
        head = digits[:point].lstrip("0") or "0"
        tail = digits[point:]
        return sign + head + ("." + tail if tail else "")

    return e, [[moved(t) for t in row] for row in texts]


def grid_texts(values: np.ndarray) -> list[list[str]]:
    """Every number of a grid in one format: whole numbers when all are whole; fixed decimals when
    the largest |v| lies in [0.001, 10⁴) (four decimals below 1, fewer above, four significant
    digits for the largest), else scientific with three significant digits. A number that rounds to zero is written
    without a sign, and minus is "−"."""
    v = np.asarray(values, dtype=float)
    finite = v[np.isfinite(v)]
    top = float(np.abs(finite).max()) if finite.size else 0.0
    if top < 1e4 and finite.size and np.all(finite == np.round(finite)):
        decimals = 0  # labels y, ReLU's σ′: whole numbers stay whole
    elif top == 0 or 1e-3 <= top < 1e4:
        decimals = 4 if top < 1 else max(0, 3 - int(math.floor(math.log10(top))))
    else:
        decimals = None

    def fmt(x: float) -> str:
        if decimals is not None:
            return f"{x:.{decimals}f}"
        return f"{x:.2e}".replace("e-0", "e-").replace("e+0", "e").replace("e+", "e")

    def text(x: float) -> str:
        if not math.isfinite(x):
            return "NaN" if math.isnan(x) else ("∞" if x > 0 else MINUS + "∞")
        out = fmt(x)
        if out.startswith("-") and not any(c in "123456789" for c in out.split("e")[0]):
            out = out[1:]  # −0.0000 beside 0.0236 reads as a sign that is not there
        return out.replace("-", MINUS)

    return [[text(float(x)) for x in row] for row in np.atleast_2d(v)]
