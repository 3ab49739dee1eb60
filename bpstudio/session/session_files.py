"""Where the autosave lives, and what closing would lose of a record: session_store.py's."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QStandardPaths

from ..core.sessionfile import SUFFIX


def autosave_path() -> Path:
    """Where the autosave lives: the user's data folder ($XDG_DATA_HOME/bpstudio on Linux)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base) / "bpstudio" / f"autosave{SUFFIX}"


def rows_added(kept: np.ndarray, now: np.ndarray) -> int:
    """The rows of a record ``now`` that its copy ``kept`` (as saved) does not hold: those after
    the first row where they differ (NaN equal to NaN), or after its end."""
    n = min(len(kept), len(now))
    same = (kept[:n] == now[:n]) | (np.isnan(kept[:n]) & np.isnan(now[:n]))
    differ = np.flatnonzero(~same)
    return len(now) - (int(differ[0]) if len(differ) else n)
