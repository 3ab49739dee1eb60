"""The time cursor of a session opened from a file: its runs recomputed from their starts.

A session file keeps, of each run the cursor reaches, where it started (core/sessionfile.py's
SavedPiece), not its keyframes (the cat run's take 293 MB). The first time the cursor goes back,
the runs are trained once more from there on the file loader's thread, with its bar and Cancel
(the cat run's 2,500 iterations take seconds): the same bits as the first time, which the record
checks (timeline_model.py cuts the chain where a row differs).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

import numpy as np

from ..core.sessionfile import SavedPiece
from ..core.timeline import (MemoryPlan, Timeline, keyframe_bytes, keyframe_interval, memory_plan,
                             recompute)
from .loading import ITERATIONS, FileLoader, Report
from .network_model import NetworkModel


@dataclass(frozen=True)
class Recomputed:
    """A saved run trained again: its timeline, and the costs it computed on the way."""

    timeline: Timeline
    costs: np.ndarray


def within(pieces: list[SavedPiece], budget: float, m: int) -> list[SavedPiece]:
    """The pieces with a keyframe as often as their file says, or as seldom as keeps them all in
    ``budget`` bytes (shared in proportion to their iterations): a file's ``every`` of 1 on the
    cat run would keep 5 GB. The same bits either way; only scrubbing between keyframes slows."""
    fitting = []
    for p, plan in zip(pieces, plans(pieces, budget, m)):
        n = p.last - p.start.iteration
        size = keyframe_bytes(p.start.network, p.start.hyper, m)
        fits = keyframe_interval(n, size, float("inf"), plan.keyframes, trace_size=plan.trace)
        fitting.append(replace(p, every=max(p.every, fits)))
    return fitting


def plans(pieces: list[SavedPiece], budget: float, m: int) -> list[MemoryPlan]:
    """Each piece's share of ``budget`` (in proportion to its iterations), as a run's is shared
    between its keyframes, its traces and the iterations near the cursor (core/timeline.py)."""
    total = sum(p.last - p.start.iteration for p in pieces) or 1
    return [memory_plan(p.start.network, replace(p.start.hyper, iterations=p.last - p.start.iteration),
                        m, budget * (p.last - p.start.iteration) / total) for p in pieces]


def recompute_saved(loader: FileLoader, name: str, model: NetworkModel, pieces: list[SavedPiece],
                    budget: float, landed: Callable[[list[Recomputed]], None],
                    failed: Callable[[str], None]) -> None:
    """Recompute ``pieces`` (earliest first) on ``loader``'s thread, on the model's training
    data, their keyframes within ``budget`` bytes; ``landed`` with each one's timeline, or
    ``failed`` with the message (Cancel does neither: the loader says it)."""
    net = model.network
    X = model.dataset.inputs(net.input_dtype)[0]
    Y = model.dataset.Y_train
    m = model.dataset.X_train.shape[1]
    pieces = within(pieces, budget, m)
    memory = plans(pieces, budget, m)
    total = sum(p.last - p.start.iteration for p in pieces)

    def work(progress: Report) -> list[Recomputed]:
        done: list[Recomputed] = []
        before = 0
        for p, plan in zip(pieces, memory):
            timeline, costs = recompute(p.start, p.last, p.every, p.blas_threads, X, Y,
                                        lambda k, _n: progress(before + k, total),
                                        plan.trace > 0, plan.near)
            done.append(Recomputed(timeline, costs))
            before += p.last - p.start.iteration
        return done

    loader.read(name, work, landed, failed, ITERATIONS)
