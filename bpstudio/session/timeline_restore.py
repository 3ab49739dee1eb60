"""The time cursor of a session opened from a file: its runs recomputed from their starts.

A session file keeps, of each run the cursor reaches, where it started (core/sessionfile.py's
SavedPiece), not its keyframes (the cat run's take 293 MB). The first time the cursor goes back,
the runs are trained once more from there on the file loader's thread, with its bar and Cancel
(the cat run's 2,500 iterations take seconds): the same bits as the first time, which the record
checks (timeline_model.py cuts the chain where a row differs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from ..core.sessionfile import SavedPiece
from ..core.timeline import Timeline, recompute
from .loading import ITERATIONS, FileLoader, Report
from .network_model import NetworkModel


@dataclass(frozen=True)
class Recomputed:
    """A saved run trained again: its timeline, and the costs it computed on the way."""

    timeline: Timeline
    costs: np.ndarray


def recompute_saved(loader: FileLoader, name: str, model: NetworkModel, pieces: list[SavedPiece],
                    landed: Callable[[list[Recomputed]], None],
                    failed: Callable[[str], None]) -> None:
    """Recompute ``pieces`` (earliest first) on ``loader``'s thread, on the model's training
    data; ``landed`` with each one's timeline, or ``failed`` with the message (Cancel too)."""
    net = model.network
    X = model.dataset.inputs(net.input_dtype)[0]
    Y = model.dataset.Y_train
    total = sum(p.last - p.start.iteration for p in pieces)

    def work(progress: Report) -> list[Recomputed]:
        done: list[Recomputed] = []
        before = 0
        for p in pieces:
            timeline, costs = recompute(p.start, p.last, p.every, p.blas_threads, X, Y,
                                        lambda k, _n: progress(before + k, total))
            done.append(Recomputed(timeline, costs))
            before += p.last - p.start.iteration
        return done

    loader.read(name, work, landed, failed, ITERATIONS)
