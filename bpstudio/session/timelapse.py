"""A time-lapse of a run (File → Export → Time-lapse of this run…): the network at chosen
iterations of its training run, each recomputed from the run's keyframes as the time cursor
recomputes it (TimelineModel.network_at: never trained again), and the cost record up to it.

``RunFrame`` is what the frame's diagram reads in place of the window's NetworkModel: the network
at the frame's iteration as both the latest and the shown one (a frame is no "past" view), the
data and the current sample of the window, and their forward pass through that network. The
window's own views and time cursor stay as they are.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
from PySide6.QtCore import QObject, Signal

from ..core.datasets import Dataset
from ..core.network import Network
from ..core.timelapse import frame_iterations
from ..core.trainer import RunState
from .current_sample import CurrentSample, Pass
from .network_model import NetworkModel
from .timeline_model import TimelineModel


class _Shown:
    def __init__(self) -> None:
        self.network: Network | None = None


class FrameSample(QObject):
    """The window's current sample, passed forward through the frame's network."""

    changed = Signal()

    def __init__(self, sample: CurrentSample, frame: "RunFrame") -> None:
        super().__init__(frame)
        self.real, self.frame = sample, frame
        self._forward: tuple[Network, Pass] | None = None

    @property
    def index(self) -> int:
        return self.real.index

    @property
    def picture(self) -> object:
        return self.real.picture

    def x(self) -> np.ndarray:
        return self.real.x()

    def name(self) -> str:
        return self.real.name()

    def forward(self) -> Pass:
        net = self.frame.network
        if self._forward is None or self._forward[0] is not net:
            x = self.x()
            Zs, As = net.forward(x)
            self._forward = (net, Pass(x, Zs, As))
        return self._forward[1]


def run_iterations(*timelines: TimelineModel) -> tuple[int, int]:
    """The runs' iterations a time-lapse can show (rows of the record, as the time cursor
    counts them): from the first the time cursor reaches to now (of the one that trained
    longest, for twin runs side by side)."""
    return min(t.first for t in timelines), max(t.last for t in timelines)


def when_all_reachable(timelines: list[TimelineModel], then: Callable[[bool], None]) -> None:
    """when_reachable for each run in turn: ``then(True)`` once the first can be shown and
    the others have been recomputed (a twin without a run is shown as it is)."""
    if len(timelines) == 1:
        when_reachable(timelines[0], then)
        return
    when_reachable(timelines[0], lambda ok: when_all_reachable(
        timelines[1:], lambda _: then(ok)) if ok else then(False))


def when_reachable(timeline: TimelineModel, then: Callable[[bool], None]) -> None:
    """``then(True)`` once the run's iterations can be recomputed (a session just opened keeps
    only where its runs started: they are recomputed first, as when the time cursor first goes
    back, and the cursor is put back where it was); ``then(False)``: there is no run to show."""
    first, last = run_iterations(timeline)
    if first >= last:
        then(False)
        return
    try:
        timeline.network_at(first)
    except IndexError:
        pass
    else:
        then(True)
        return
    was = timeline.cursor

    def shown() -> None:
        timeline.shown.disconnect(shown)
        timeline.set_cursor(was)
        timeline.settle()
        then(timeline.available and timeline.first < timeline.last)

    timeline.shown.connect(shown)
    timeline.set_cursor(first)


def frame_rows(timelines: list[TimelineModel], count: int, spacing: str) -> list[int]:
    """The rows of the record the frames show, the same for every run: exactly the iterations
    asked for (frame_iterations), not the keyframes near them."""
    return frame_iterations(*run_iterations(*timelines), count, spacing)


class RunFrame(QObject):
    """What a time-lapse frame shows, frame k at ``iterations[k]`` (rows of the record)."""

    parameters_changed = Signal()
    run_state_changed = Signal(object)
    architecture_changed = Signal()
    dataset_changed = Signal()
    busy = False
    run_state = RunState.IDLE  # a frame never trains: its views read and speak it at once

    def __init__(self, model: NetworkModel, timeline: TimelineModel, rows: list[int],
                 name: str = "", sample: CurrentSample | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.real, self.timeline, self.name = model, timeline, name
        self.iterations = rows
        self.costs = np.array(model.history.costs.view(), dtype=np.float64).ravel()
        self.history_first = model.history.first
        self.shown = _Shown()
        self.network: Network = model.network
        self.shown.network = self.network
        self.sample = FrameSample(sample or model.sample, self)  # a twin's: the window's
        self.row = self.at = timeline.last

    @property
    def dataset(self) -> Dataset:
        return self.real.dataset

    def network_at(self, row: int) -> Network:
        """The network as iteration ``row`` of the record starts: the time cursor's network
        there (now's at the end, and after it: a twin run that trained less; its first before
        the first it reaches)."""
        t = self.timeline
        if row >= t.last or not t.available:
            return self.real.network
        return t.network_at(max(row, t.first))

    def learning_rates(self) -> list[float]:
        """The run's learning rate α (more than one: training went on with another)."""
        return self.timeline.learning_rates() or [self.real.hyper.learning_rate]

    def go(self, k: int) -> None:
        """Frame k: its iteration's network, and the record up to it."""
        self.at = self.iterations[k]  # the frame's (the cost plot's cursor)
        self.row = min(self.at, self.timeline.last)  # this run's: a twin may have ended
        self.network = self.network_at(self.row)
        self.shown.network = self.network
        self.parameters_changed.emit()

    @property
    def iteration(self) -> int:
        """The frame's iteration as the window numbers it (the network's updates so far)."""
        return self.network.iterations_trained

    def costs_so_far(self) -> np.ndarray:
        """The cost of each iteration of the record up to the frame's (its network's own cost
        included, when recorded)."""
        return self.costs[:min(self.row + 1, len(self.costs))]
