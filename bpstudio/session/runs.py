"""Twin runs: a second run beside the window's, forked from it with some settings changed.

A twin is a whole session model of its own (NetworkModel, TrainingSession, TimelineModel), so
every view the window has can be built on it as it is built on the window's. It starts from the
window's run at iteration 0 (the same initial parameters, where the initialiser and the layer
sizes stay) or at the time cursor's iteration, and shares the record's rows before it. The time
cursor of the window moves the twins' cursors to the same iteration. Both runs can train at once,
each in its own child process on one BLAS thread: the two processes then share the two cores
instead of four BLAS threads fighting over them. At most one process a core trains at once; the
other runs queue and start as those end (131 processes at once took 1.8 GB and froze the window
12.6 s).
"""

from __future__ import annotations

import itertools
import math
import os
from typing import Any, Callable, Iterable

import numpy as np
from PySide6.QtCore import QObject, Signal

from ..core.comparisons import COMPARISONS, Comparison, Figures, SavedComparison, figures
from ..core.messages import isolated
from ..core.network import Network
from ..core.network import MAX_NAME_CHARS, MAX_TWINS, NetworkError
from ..core.sessionfile import SavedRun, run_entries, timeline_entries
from ..core.timeline import StartingPoint, Timeline
from ..core.trainer import ProgressState, RunState
from ..core.typealiases import JsonObject
from .comparison_story import Story, tell
from .exports import write_runs_csv
from .history import History
from .messages import dataset_name, sentence, translated
from .network_model import NetworkModel
from .timeline_model import TimelineModel
from .twin_names import colour_index, setting_said
from .training import TrainingSession
from .undo import State

TOGETHER_BLAS_THREADS = 1


def cores() -> int:
    """The cores this process may run on: as many training processes train at once."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # no affinity (macOS, Windows)
        return max(1, os.cpu_count() or 1)


class TwinRun(QObject):
    """A run of its own: its network, record, training process and timeline."""

    def __init__(self, name: str, colour_index: int, model: NetworkModel, point: StartingPoint,
                 history: History, parent: QObject | None = None, end: int | None = None):
        super().__init__(parent)
        # the k-th twin colour: the session layer names no colour, the views look it up
        self.name, self.colour_index = name, colour_index
        # the record's rows it started with (shared with the run it was forked from, or read
        # from a session file): not trained by this run
        self.inherited = history.costs.view().copy()
        self.model = NetworkModel(self)
        self.model.restore(model.dataset, point.network, history, point.hyper)
        # the iteration its run ends at (a fork's: where the window's was to end; else as the
        # window's run counts it, from its record's first iteration)
        self.end = history.first + point.hyper.iterations if end is None else end
        self.training = TrainingSession(self.model, self)
        self.training.shuffle_state = point.shuffle
        self.timeline = TimelineModel(self.model, self.training, self)

    def close(self) -> None:
        self.training.wait()


class Runs(QObject):
    changed = Signal()  # a twin added or removed
    message = Signal(str)

    def __init__(self, model: NetworkModel, training: TrainingSession, timeline: TimelineModel,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.model, self.training, self.timeline = model, training, timeline
        self.name = "A"  # the window's own run
        self.twins: list[TwinRun] = []
        self.comparison: Comparison | None = None
        self.compared = False  # the comparison's runs have all trained: its figures are in
        self.result: tuple[Figures, ...] = ()  # the comparison's figures, kept when the runs end
        # of each run of a comparison: the network it started from, and the costs and first
        # ‖dW[l]‖ of every iteration it computed (a divergence's rollback drops them from the record)
        self._starts: list[Network] = []
        self._computed: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._colours = itertools.count()  # each new twin the next colour index
        # runs of "Train every run at once" waiting for a core: (session, train until)
        self._queued: list[tuple[TrainingSession, int]] = []
        timeline.cursor_changed.connect(self._lock_cursors)
        training.pace_changed.connect(self._pace_twins)
        training.state_changed.connect(self._on_state_changed)
        model.history_appended.connect(lambda: self._on_computed(0))

    # ----- making twins --------------------------------------------------------------------------

    def fork(self, from_cursor: bool = False, name: str | None = None,
             **changes: object) -> TwinRun | None:
        """A twin of the window's run from its first iteration (or the cursor's) with ``changes``
        (learning_rate, init, activations, batch_size, l2, dims, …: Timeline.fork's)."""
        t, model = self.timeline, self.model
        if model.busy or model.building:
            self.message.emit(self.tr("Stop training before forking a twin run."))
            return None
        if len(self.twins) >= MAX_TWINS:  # what a session file may hold, too
            self.message.emit(self.tr("At most {n} twin runs: remove the twins to fork others.")
                              .format(n=MAX_TWINS))
            return None
        i = t.iteration if from_cursor else t.first
        settings: dict[str, Any] = changes  # Timeline.fork checks every one
        try:
            if t.available:
                point = t.fork(i, **settings)
            else:  # never trained here: the network as it is is the start
                i = len(model.history)
                start = StartingPoint(model.network.copy(), model.hyper, i)
                X = model.dataset.inputs(model.network.input_dtype)[0]
                point = Timeline(start, X, model.dataset.Y_train, 1).fork(i, **settings)
        except NetworkError as e:
            self.message.emit(sentence(translated(e)))
            return None
        if point.network.L == model.network.L:
            history = model.history.copy()
            history.truncate(i)
        else:  # other layers (a fork from the start): the rows before it kept no ‖dW[l]‖ of them
            history = History(point.network.L, model.history.first)
            history.append(np.full(i, math.nan), np.full((i, point.network.L), math.nan))
        letter = chr(ord("B") + len(self.twins))
        said = ", ".join(setting_said(k, v, model.dataset.X_train.shape[1]) for k, v in changes.items())
        name = name or (f"{letter}: {said}" if said else letter)
        if len(name) > MAX_NAME_CHARS:  # as a session file takes it, so a saved one opens again
            name = name[:MAX_NAME_CHARS - 1] + "…"
        twin = TwinRun(name, next(self._colours), model, point, history, self,
                       point.network.iterations_trained + point.hyper.iterations)
        self._adopt(twin)
        return twin

    def remove_twins(self) -> None:
        self._queued = []
        self.timeline.budget.members[1:] = []  # the window's run keeps the whole budget again
        for twin in self.twins:
            twin.close()
            twin.deleteLater()
        self.twins, self.comparison, self.compared, self.result = [], None, False, ()
        self._starts, self._computed = [], {}
        self.changed.emit()

    def keep_to_the_data(self) -> None:
        """The data set changed: a twin is a run of the window's network on the window's data.
        On the same data set with its inputs (a new noise, seed or train share; an undo) twins
        go on with it; twins of another data set or another input size would train and be
        compared on what the window no longer shows: they go, and the user is told what changed."""
        data, twins = self.model.dataset, self.twins
        if all(t.model.dataset is data for t in twins):
            return
        old, inputs = twins[0].model.dataset, twins[0].model.network.dims[0]
        if dataset_name(old) == dataset_name(data) and all(
                t.model.network.dims[0] == data.n_features for t in twins):
            for t in twins:
                m = t.model
                m.restore_state(State(m.network, m.history, data, m.hyper))
            return
        if dataset_name(old) != dataset_name(data):
            said = (self.tr("The twin runs were removed: they trained on {old}, the data set is "
                            "now {new}.") if len(twins) > 1 else
                    self.tr("The twin run was removed: it trained on {old}, the data set is now "
                            "{new}."))
        else:  # the same data set with other features: its name says nothing of what changed
            said = (self.tr("The twin runs were removed: their networks take {inputs} inputs, "
                            "the data set now has {features} features.") if len(twins) > 1 else
                    self.tr("The twin run was removed: its network takes {inputs} inputs, the "
                            "data set now has {features} features."))
        self.remove_twins()
        self.message.emit(said.format(old=isolated(dataset_name(old)),
                                      new=isolated(dataset_name(data)),
                                      inputs=inputs, features=data.n_features))

    def start_comparison(self, key: str, iterations: int | None = None,
                         confirm: Callable[[], bool] = lambda: True) -> bool:
        """One of the ready-made comparisons on the cat data: the window's run is its first, a
        twin its second; both train at once. ``confirm()`` (the window asks about unsaved
        training) comes before anything is replaced: False leaves everything as it is."""
        c = COMPARISONS[key]
        if iterations is not None:
            c = c.with_iterations(iterations)
        model = self.model
        if model.dataset.n_features != c.first.dims[0]:
            self.message.emit(self.tr("The comparisons train on the cat data: open it first "
                                      "(File → Open data set…)."))
            return False
        if self.training_any or model.building:  # nothing replaced under a run
            self.message.emit(self.tr("Stop training before starting a comparison."))
            return False
        if not confirm():
            return False
        self.remove_twins()
        if not model.set_network(c.first.network(), c.first.name):
            return False
        model.set_hyper(learning_rate=c.first.learning_rate, iterations=c.first.iterations,
                    batch_size=None, l2=0.0)
        self.name = c.first.name
        changes: dict[str, Any] = c.second.changes_from(c.first)  # Timeline.fork's names
        twin = self.fork(name=c.second.name, iterations=c.second.iterations, **changes)
        if twin is None:
            return False
        self.comparison = c
        self._starts = [model.network.copy(), twin.model.network.copy()]
        self.changed.emit()
        return self.train_together()

    # ----- the session file ----------------------------------------------------------------------

    def capture(self) -> tuple[list[JsonObject], dict[str, np.ndarray]]:
        """The twins' entries of a session file: descriptions, and arrays named run{k}_…"""
        described: list[JsonObject] = []
        arrays: dict[str, np.ndarray] = {}
        for k, twin in enumerate(self.twins):
            net, hyper, h = twin.model.network, twin.model.hyper, twin.model.history
            meta, more = run_entries(net, hyper, h.costs.view(), h.grad_norms.view(),
                                     h.evaluations, f"run{k}_")
            meta["timeline"], starts = timeline_entries(twin.timeline.capture(), f"run{k}_")
            described.append({"name": twin.name, "colour": str(twin.colour_index),
                              "end": twin.end, **meta})
            arrays.update(more)
            arrays.update(starts)
        return described, arrays

    def restore(self, saved: Iterable[SavedRun]) -> None:
        """The twins a session file holds (its SavedRuns), in place of the ones there were; their
        records come back, their timelines start with their next run."""
        self.remove_twins()
        for run in saved:
            history = History(run.network.L, self.model.history.first)  # restored before
            history.append(run.costs, run.grad_norms, run.evaluations)
            twin = TwinRun(run.name, colour_index(run.colour, self._colours), self.model,
                           StartingPoint(run.network, run.hyper), history, self, run.end)
            twin.timeline.restore(run.timeline)
            self._adopt(twin)

    def capture_comparison(self) -> JsonObject | None:
        """The comparison the runs are, for the session file (meta["comparison"])."""
        c = self.comparison
        if c is None or not self.twins:
            return None
        return SavedComparison(c.key, c.first.iterations, self.name, self.result).as_json()

    def restore_comparison(self, saved: SavedComparison | None) -> None:
        """After ``restore``: the comparison the twins were, its story and figures with it."""
        if saved is None or not self.twins:
            return
        self.comparison, self.name = saved.comparison, saved.name
        self.result, self.compared = saved.figures, bool(saved.figures)
        self.changed.emit()

    def story(self) -> Story | None:
        """The comparison's story: its question and where to look, and once its runs are over
        their figures and its result, told with their numbers."""
        if self.comparison is None:
            return None
        return tell(self.comparison, self.result)

    def _adopt(self, twin: TwinRun) -> None:
        k = len(self.twins) + 1
        twin.timeline.budget = self.timeline.budget  # one keyframe budget for the whole window
        twin.timeline.loader = self.model.loader  # its recomputing on the window's bar
        twin.timeline.run_name = twin.name
        twin.timeline.budget.members.append(twin.timeline)
        twin.model.history_appended.connect(lambda: self._on_computed(k))
        twin.training.message.connect(lambda text, n=twin.name: self.message.emit(f"{n}: {text}"))
        twin.training.state_changed.connect(self._on_state_changed)
        self.twins.append(twin)
        self._pace_twins()
        self.changed.emit()
        self._lock_cursors()

    def _pace_twins(self) -> None:
        """The twins go at the window's run's pace: runs watched side by side keep in step. Not
        one at a time: Next iteration and Resume act on the window's run only, a twin paused
        after each iteration would wait for ever (and every run with it)."""
        for twin in self.twins:
            twin.training.set_pace(self.training.pace)

    # ----- training ------------------------------------------------------------------------------

    def train_together(self, to: int | None = None) -> bool:
        """Every run that has not finished trains at once, each in its own process on one BLAS
        thread: up to its end (``end``), or until it has done ``to`` iterations. Those there
        already stay as they are; when every run is, it says so."""
        ends = [(s, self.end(s) if to is None else to) for s in self._sessions()]
        left = [(s, end) for s, end in ends if s.model.network.iterations_trained < end]
        if to is None and not left and not self.training_any:
            self.message.emit(self.tr("Every run has finished its iterations: nothing was "
                                      "trained. Fork a twin run, or set more iterations."))
        left = [(s, end) for s, end in left if s.state is RunState.IDLE and
                all(s is not q for q, _ in self._queued)]
        together = len(left) > 1 or self.training_any
        for s, _ in left:
            s.blas_threads = TOGETHER_BLAS_THREADS if together else None
        free = max(cores() - sum(s.state is not RunState.IDLE for s in self._sessions()), 0)
        started = [self._start(s, end) for s, end in left[:free]]
        self._queued += left[free:]
        return bool(left) and all(started)

    def end(self, s: TrainingSession) -> int:
        """The iteration run ``s`` ends at: a twin's where its fork was to end, the window's its
        record's first iteration and its hyper-parameters' iterations after it."""
        twin = next((t for t in self.twins if t.training is s), None)
        return twin.end if twin is not None else s.model.history.first + s.model.hyper.iterations

    def stop_queued(self) -> None:
        """The runs waiting for a core start no more (closing, Stop of every run)."""
        self._queued = []

    @property
    def queued(self) -> int:
        """Runs of "Train every run at once" waiting for a core."""
        return len(self._queued)

    @property
    def training_any(self) -> bool:
        return bool(self._queued) or any(s.state is not RunState.IDLE for s in self._sessions())

    def _sessions(self) -> list[TrainingSession]:
        return [self.training, *(t.training for t in self.twins)]

    @staticmethod
    def _start(s: TrainingSession, to: int) -> bool:
        left = to - s.model.network.iterations_trained  # (a queued run may have trained meanwhile)
        return left <= 0 or s.start_for(left)

    def _on_state_changed(self, state: RunState) -> None:
        while state is RunState.IDLE and self._queued and \
                sum(s.state is not RunState.IDLE for s in self._sessions()) < cores():
            self._start(*self._queued.pop(0))  # a core is free: the next run waiting for one
        if state is RunState.IDLE and not self.training_any:
            for s in (self.training, *(t.training for t in self.twins)):
                s.blas_threads = None  # a run alone gets every core again
            if self.comparison is not None and self.twins and not self.compared:
                self.result = tuple(self.figures())
                self.compared = True
                self.changed.emit()  # the comparison's figures are in

    def _on_computed(self, k: int) -> None:
        """Run k's record grew while a comparison trains: keep what it computed so far."""
        if self.comparison is None or self.compared:
            return
        runs = self.runs()
        if k < len(runs):
            h = runs[k][1].history
            norms = h.grad_norms.view()
            self._computed[k] = (h.costs.view().copy(), norms[0].copy() if len(norms) else
                                 np.zeros(0))

    # ----- the time cursor -----------------------------------------------------------------------

    def _lock_cursors(self) -> None:
        for twin in self.twins:
            twin.timeline.set_cursor(self.timeline.cursor)

    # ----- what the runs show --------------------------------------------------------------------

    def runs(self) -> list[tuple[str, NetworkModel, TrainingSession]]:
        return [(self.name, self.model, self.training),
                *((t.name, t.model, t.training) for t in self.twins)]

    def figures(self) -> list[Figures]:
        """Each run's figures at its end (what a comparison is about): those kept when its runs
        ended, else the runs' as they are now."""
        if self.result:
            return list(self.result)
        result = []
        for k, (name, model, training) in enumerate(self.runs()):
            ds, net = model.dataset, model.network
            X, X_test = ds.inputs(net.input_dtype)
            h = model.history
            norms = h.grad_norms.view()
            costs, first = self._computed.get(k, (h.costs.view(), norms[0] if len(norms) else ()))
            start = self._starts[k] if k < len(self._starts) else net
            last = training.last_record
            diverged = last is not None and last.state is ProgressState.DIVERGED
            result.append(figures(name, start, net, diverged, costs, first, X, ds.Y_train,
                                  X_test, ds.Y_test))
        return result

    def write_csv(self, path: str) -> bool:
        """One row per iteration, one set of columns per run (session/exports.py)."""
        write_runs_csv(path, [(name, model.history) for name, model, _ in self.runs()])
        return True
