"""Where the autosave lives, and what closing would lose of a record: session_store.py's."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QStandardPaths

from ..core.network import Network
from ..core.sessionfile import SUFFIX
from .network_model import NetworkModel
from .stepper_model import StepperModel


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


def records(models: list[NetworkModel]) -> dict[NetworkModel, np.ndarray]:
    """Each model's record of costs as it is now (a copy), by its model."""
    return {m: m.history.costs.view().copy() for m in models}


def parameters_key(network: Network) -> tuple[int, ...]:
    """The network's parameters as they are now: the model replaces its arrays and never
    changes them in place, so the same key is the same parameters."""
    return id(network), *map(id, network.weights), *map(id, network.biases)


def stepper_place(model: NetworkModel, stepper: StepperModel
                  ) -> tuple[str, int, tuple[str, float | None] | None, int]:
    """Where the stepper stands, as a session keeps it: mode, sample, picture, position."""
    picture = model.sample.picture
    named = (picture.name, picture.label) if picture is not None else None
    return stepper.mode, model.sample.index, named, stepper.position()
