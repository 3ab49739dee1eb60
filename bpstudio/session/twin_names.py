"""What a twin run is called and coloured: a changed setting as its name says it, and the colour
index a session file gives it (session/runs.py makes the twins)."""

from __future__ import annotations

from typing import Iterator

from ..core.network import INITIALIZER_RULES


def setting_said(name: str, value: object, m: int) -> str:
    """A changed setting as the twin's name says it, in symbols that read alike in every
    language (a session keeps the name): α 0.1, λ 0.5, sigmoid, 2–4–1, W = 0, m = 64 (the
    samples of an iteration; ``m`` those of the full batch)."""
    if name == "activations" and isinstance(value, (tuple, list)):
        return "/".join(dict.fromkeys(value[:-1])) or str(value[-1])
    if name == "dims" and isinstance(value, (tuple, list)):
        return "–".join(map(str, value))
    if name == "batch_size":
        return f"m = {min(value, m) if isinstance(value, int) and value else m}"
    if name == "init" and isinstance(value, str):
        return INITIALIZER_RULES.get(value, value)
    symbol = {"learning_rate": "α", "l2": "λ"}.get(name, name)
    return f"{symbol} {value:g}" if isinstance(value, float) else f"{symbol} {value}"


def colour_index(saved: str, fresh: Iterator[int]) -> int:
    """A saved twin's colour index; a session saved with colours themselves (before the views
    kept them), or anything but a short whole number (a style sheet's syntax, 5,000 digits that
    int() refuses), takes the next index of ``fresh``: a colour is never text from the file."""
    return int(saved) if saved.isascii() and saved.isdecimal() and len(saved) <= 6 else next(fresh)
