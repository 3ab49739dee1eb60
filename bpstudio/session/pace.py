"""How fast a run goes by default: the 2-D playground's runs slowly enough for a class to watch
(XOR's 300 iterations took 0.0 s as fast as possible, the spiral's 5,000 1.4 s), any other data
as fast as it goes. A speed the user chooses stays (session/training.py's set_pace)."""

from __future__ import annotations

from typing import Protocol

from ..core.datasets import Dataset
from ..core.trainer import HyperParameters

# the speeds a run may go at, iterations a second (None: as fast as it goes; 0: one at a time)
PACES: tuple[float | None, ...] = (None, 1000.0, 300.0, 100.0, 30.0, 10.0, 3.0, 1.0, 0.0)
# a playground run takes at most about this long at its default pace
WATCH_SECONDS = 8.0


class HasData(Protocol):
    """What the default pace reads of the model: its data and hyper-parameters."""

    @property
    def dataset(self) -> Dataset: ...

    @property
    def hyper(self) -> HyperParameters: ...


def watching_pace(iterations: int) -> float:
    """The slowest of PACES at which ``iterations`` take at most WATCH_SECONDS (the fastest of
    them for longer runs): XOR's 300 at 100 a second (3 s), the moons' 2,000 at 300 (7 s), the
    spiral's 5,000 at 1,000 (5 s)."""
    paces = sorted(p for p in PACES if p)
    return next((p for p in paces if iterations / p <= WATCH_SECONDS), paces[-1])


def pace_of_data(model: HasData) -> float | None:
    """The pace a run on the model's data goes at until the user chooses one."""
    return watching_pace(model.hyper.iterations) if model.dataset.plane is not None else None
