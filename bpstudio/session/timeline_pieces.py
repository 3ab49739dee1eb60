"""The parts of the time cursor's chain: each run's timeline with the network it trained and the
costs it recorded (a Segment), and the part of the record each one covers (a Piece)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from ..core.network import Network
from ..core.timeline import Timeline


@dataclass
class Segment:
    """One run's timeline, the network it trained and the costs it recorded (its rows)."""

    timeline: Timeline
    network: Network
    costs: np.ndarray = field(default_factory=lambda: np.zeros(0))

    @property
    def first(self) -> int:
        return self.timeline.first


class Piece(NamedTuple):
    """A run's part of the chain: the record's iterations first…last, from its segment."""

    first: int
    last: int
    segment: Segment
