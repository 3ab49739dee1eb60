"""Training off the GUI: the core Trainer runs in a child process (see core/training_process.py).

The child is started before it is needed (core/warm_process.py): once the window asks for it
(``prepare_when_idle``, session/ready_process.py), a training process waits ready with the data set, and a new one after
every run; Train hands it the network, and its first iteration's cost comes back at once. Nothing
is timed or trained on the GUI thread (the child chooses its keyframe interval from the run's own
first iterations), but for One iteration of a network so small it takes microseconds.

A reader thread receives the child's reports (frozen dataclasses) from a pipe (reading and
unpickling a big network's 50 MB snapshot took 110–210 ms: not on the GUI thread) and queues them;
the GUI thread applies them, so the model receives parameter snapshots as they arrive. What
crosses is copies; the child trains its own copy of the network.
"""

from __future__ import annotations

import logging
import math
import queue
import signal
import threading
from dataclasses import replace
from multiprocessing.process import BaseProcess
from typing import Callable

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from ..core import iterations, training_process
from ..core.warm_process import WarmProcess
from ..core.network import Network, NetworkError
from ..core.timeline import MEMORY_BUDGET, NEAR_BYTES, StartingPoint, Timeline, memory_plan
from ..core.trainer import (HyperParameters, Progress, ProgressState, RunState, TimelineOptions,
                            Trainer, TrainerOptions, check_run)
from ..core.training_process import (Command, Done, Ended, Failed, KeyframePlan, Pause,
                                     Progressed, Refused, Report, Resume, SetPace, SetStepwise,
                                     Started, Stop)
from .child_watch import ChildWatch
from .cost_now import latest_cost
from .heap_freeze import HeapFreeze
from .messages import sentence, translated
from .network_model import NetworkModel
from .pace import pace_of_data
from .ready_process import ReadyProcess
from .report_frames import FRAME_HZ, ReportFrames
from . import threads
from .undo import Trained

# Records per second the child sends (each carries a copy of the parameters, 2 MB for the cat
# network): while a run goes as fast as it can, as often as the model takes them (at 5 a second,
# every other one was joined into the next frame unseen, its copy read for nothing); at a watching
# pace each is applied as it comes, and the class sees the network change five times a second.
REPORT_HZ = FRAME_HZ
WATCHING_REPORT_HZ = 5
EVALUATIONS_PER_RUN = 50
# One iteration runs on the GUI thread up to this many multiply-adds per pass (the 2-D
# playground's networks: microseconds); any more go to the (warm) training process: the seed's
# cat network (5·10⁷, 5 ms on a quiet machine) held the GUI 490–685 ms on a busy one.
INLINE_ITERATION_MACS = 200_000
log = logging.getLogger(__name__)


class TrainingSession(QObject):
    state_changed = Signal(object)  # RunState: the model's run_state_changed, passed on
    progress_changed = Signal(int, int, float, float)  # done, total, it/s, seconds left
    message = Signal(str)  # for the user: divergence, errors, end of a run
    timeline_started = Signal(object)  # a run's Timeline (core/timeline.py), before its records
    pace_changed = Signal()  # ``pace`` or ``stepwise`` changed

    def __init__(self, model: NetworkModel, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        model.run_state_changed.connect(self.state_changed)
        self.heap = HeapFreeze(model, self)  # no full collection of the window's heap mid-run
        self.process: BaseProcess | None = None  # the run's child (pid, alive); None between runs
        self._run: WarmProcess | None = None  # the run's child, its pipes and threads
        self.ready = ReadyProcess(model, self)  # the child waiting for the next run
        self._reader: threading.Thread | None = None
        self._inbox: queue.SimpleQueue[Report] = queue.SimpleQueue()
        self.frames = ReportFrames(self._apply, self)  # a few times a second, not each report
        self._offset = 0
        self._base = 0
        self._before: Trained | None = None  # what the run changes from: its undo step
        self._undo_text = "training run"
        self._paused_by_step = False  # the run paused itself (one iteration at a time)
        self.last_record: Progress | None = None
        self._warning = ""  # the run's explanation (vanishing gradients), repeated at its end
        self.watch = ChildWatch(lambda: self.process, self)  # stopped from outside (SIGSTOP)?
        self.watch.message.connect(self.message)
        # watching it learn: iterations a second (None: as fast as it goes), or one at a time
        self.pace: float | None = None
        self.stepwise = False
        self.pace_chosen = False  # the user chose it: the data no longer does (_follow_data)
        model.dataset_changed.connect(self._follow_data)
        model.hyper_changed.connect(self._follow_data)
        self.timeline: Timeline | None = None  # the run's keyframes: any iteration of it again
        # the bytes the run's keyframes may take (session/timeline_model.py: what others leave)
        self.keyframe_budget: Callable[[], float] = lambda: MEMORY_BUDGET
        # two runs at once share the two cores best on a BLAS thread each (None: all of them)
        self.blas_threads: int | None = None
        # a fork's mini-batch order, where its run stood (Batches.state()); used by the next run
        self.shuffle_state: np.ndarray | None = None

    @property
    def stopped_outside(self) -> bool:
        """The run's child was stopped by another program (SIGSTOP, a debugger)."""
        return self.watch.stopped_outside

    @property
    def state(self) -> RunState:
        """The run's state; the model keeps it (its views read ``busy`` and the signal)."""
        return self.model.run_state

    def prepare_when_idle(self, ms: int) -> None:
        """Have a training process ready in ``ms``, and after every run (unless closed)."""
        self.ready.when_idle(ms)

    # ----- control -------------------------------------------------------------------------------

    def start(self) -> bool:
        """Train the hyper-parameters' number of iterations in the child process. (No arguments:
        buttons and actions connect here and would pass their ``checked``.)"""
        return self._start(None)

    def start_for(self, iterations: int) -> bool:
        """Train ``iterations`` iterations (whatever the hyper-parameters say)."""
        return self._start(int(iterations))

    def _can_start(self) -> bool:
        if self.state is not RunState.IDLE:
            return False
        if self.model.building:  # the network a run would train is about to be replaced
            self.message.emit(self.model.building_message())
            return False
        ds = self.model.dataset
        if not ds.has_samples:  # a model opened on its own: said here, when it matters
            self.message.emit(self.tr(
                "Training needs data: {name} was opened without any. Open a data set with "
                "{shape} inputs (File → Open data set…), then train.").format(
                    name=ds.name, shape="×".join(map(str, ds.input_shape))))
            return False
        past = self.model.shown.network
        if past is not self.model.network:  # training goes on from the latest, not from this
            self.message.emit(self.tr(
                "The views show {iteration}, a past one; training goes on from the latest. Press "
                "Now first, or Continue from here to train on from {iteration}.").format(
                iteration=translated(iterations.iteration(past.iterations_trained))))
            return False
        return True

    def _record_timeline(self, net: Network, X: np.ndarray, hyper: HyperParameters,
                         every: int, near: float = NEAR_BYTES) -> TimelineOptions:
        """A Timeline for the run about to train ``net`` (its iterations numbered as the record's
        rows), announced; the Trainer's options that make it record a keyframe every ``every``
        iterations (0: the child process times the run and chooses, see _on_arrived)."""
        model = self.model
        offset = len(model.history)
        shuffle, self.shuffle_state = self.shuffle_state, None
        self.timeline = Timeline(StartingPoint(net.copy(), hyper, offset, shuffle), X,
                                 model.dataset.Y_train, every, near)
        self.timeline_started.emit(self.timeline)
        return TimelineOptions(keyframe_every=every, first_iteration=offset, shuffle_state=shuffle)

    def _start(self, iterations: int | None, undo_text: str = "training run") -> bool:
        if not self._can_start():
            return False
        model = self.model
        net = model.network.copy()
        X = model.dataset.inputs(net.input_dtype)[0]
        hyper = model.hyper if iterations is None else replace(model.hyper, iterations=iterations)
        try:
            check_run(net, X, hyper, len(model.history))  # a refusal is a message, no process
        except NetworkError as e:
            self.message.emit(sentence(translated(e)))
            return False
        # timing iterations to choose the keyframe interval took 0.15–1.3 s: the child does it, on
        # the run's first iteration, so the interval is known with the first record (the time
        # cursor says it; an iteration timed slow only keeps keyframes closer, within the budget)
        memory = memory_plan(net, hyper, X.shape[1], self.keyframe_budget())  # (core/timeline.py)
        plan = (None if hyper.iterations == 1 else  # one iteration: one keyframe after it
                KeyframePlan(memory.keyframes, repeats=1, trace=memory.trace))
        options = TrainerOptions(
            report_every=10**9, test=None,  # (the data's, below)
            report_seconds=self._report_seconds(),
            evaluate_every=max(1, math.ceil(hyper.iterations / EVALUATIONS_PER_RUN)),
            record_grad_norms=True, pace=self.pace, stepwise=self.stepwise,
            **self._record_timeline(net, X, hyper, 0 if plan else 1, memory.near))
        data = self.ready.data()  # X as above, and the test set
        # the waiting child takes the network and trains; the messages go on its own thread
        self._run = run = self.ready.take()
        run.run(net, hyper, options, self.blas_threads, plan, data)
        self.process = run.process
        self._inbox = queue.SimpleQueue()
        self.frames.start()
        self._reader = threads.start(training_process.receive, run.results, self._inbox,
                                     threads.caller(self, "_on_arrived"),
                                     name="bpstudio-training-results")
        self._offset = len(model.history)
        # a loaded model's iterations count on from its own (its history here starts empty)
        self._base = model.network.iterations_trained
        self._before = Trained.of(model)  # the run is one undo step
        self._undo_text = undo_text
        self._paused_by_step = False
        self.last_record = None
        self._warning = ""
        self._set_state(RunState.RUNNING)
        self.watch.start()
        self.progress_changed.emit(0, hyper.iterations, 0.0, math.inf)
        return True

    def set_pace(self, pace: float | None, stepwise: bool = False, chosen: bool = True) -> None:
        """How fast a run goes: at most ``pace`` iterations a second (None: as fast as it can),
        or ``stepwise``, pausing after each iteration; a run under way follows at once.
        ``chosen``: the user's choice, which stays whatever data comes."""
        self.pace_chosen = self.pace_chosen or chosen
        if (pace, stepwise) == (self.pace, self.stepwise):
            return
        self.pace, self.stepwise = pace, stepwise
        self.pace_changed.emit()
        if self.process is not None:
            self._send(SetPace(pace, self._report_seconds()))
            self._send(SetStepwise(stepwise))
            if not stepwise and self.state is RunState.PAUSED and self._paused_by_step:
                self.resume()  # it paused itself, not the user: go on at the new pace

    def _report_seconds(self) -> float:
        """How often the child sends a record at the session's pace."""
        return 1 / (REPORT_HZ if self.pace is None else WATCHING_REPORT_HZ)

    def _follow_data(self) -> None:
        """Until the user chooses a speed: 2-D playground data trains at a pace a class can
        watch (watching_pace), any other as fast as it goes."""
        if not self.pace_chosen:
            self.set_pace(pace_of_data(self.model), chosen=False)

    def _send(self, command: Command) -> None:
        if self._run is not None:  # (else the child has already finished)
            self._run.send(command)  # after the run itself, on the child's sending thread

    def pause(self) -> None:
        if self.state is RunState.RUNNING:
            self._send(Pause())
            self._set_state(RunState.PAUSED)

    def resume(self) -> None:
        """Go on (one iteration at a time: the next one)."""
        if self.state is RunState.PAUSED:
            self._paused_by_step = False
            self._send(Resume())
            self._set_state(RunState.RUNNING)

    def pause_or_resume(self) -> None:
        """One key for both (Ctrl+P)."""
        if self.state is RunState.PAUSED:
            self.resume()
        else:
            self.pause()

    def stop(self) -> None:
        if self.process is not None:
            if hasattr(signal, "SIGCONT"):  # a child stopped from outside would never hear Stop
                self.watch.signal(signal.SIGCONT)
            self._send(Stop())

    def wait(self, ms: int = 10_000) -> bool:
        """Closing: stop the run and wait for the child to end, keeping what it sent; the child
        waiting for a next run ends, and none is started any more."""
        self.ready.close()
        run = self._run
        if self.process is None or run is None or self._reader is None:
            return True
        self.stop()
        training_process.reap(run.starter, run.process, ms / 1000)
        self._reader.join(5)  # the child is gone: its last message is in the inbox
        self._on_arrived()
        self.frames.flush()
        if self.process is not None:
            self._finish()
        return True

    def step_once(self) -> bool:
        """One iteration: in the training process, as a run of one (the waiting one answers at
        once); here only for a network so small that it takes microseconds."""
        if not self._can_start():
            return False
        model = self.model
        X = model.dataset.inputs(model.network.input_dtype)[0]
        if X.shape[1] * model.network.weight_count > INLINE_ITERATION_MACS:
            return self._start(1, "one iteration")
        net = model.network.copy()
        try:
            hyper = replace(model.hyper, iterations=1)
            check_run(net, X, hyper, len(model.history))
            trainer = Trainer(net, X, model.dataset.Y_train, hyper, record_grad_norms=True,
                              **self._record_timeline(net, X, hyper, every=1))
        except NetworkError as e:
            self.message.emit(sentence(translated(e)))
            return False
        p, timeline = list(trainer.run())[-1], self.timeline
        if timeline is not None:  # (the one _record_timeline made)
            timeline.add(p)
        if p.state is ProgressState.DIVERGED:  # the trainer kept the parameters and says why
            self.message.emit(translated(p.problem) if p.problem else p.message)
            return False
        before = Trained.of(model)
        model.append_history(p.costs, p.grad_norms)
        model.set_parameters(net.weights, net.biases, net.iterations_trained)
        model.record_change("one iteration", before)
        return True

    # ----- child → GUI ---------------------------------------------------------------------------

    def _set_state(self, state: RunState) -> None:
        self.model.set_run_state(state)  # state_changed follows from the model's signal

    @Slot()
    def _on_arrived(self) -> None:
        """Reports received: to the model now, or with the next frame (session/report_frames.py;
        a run at a watching pace: each at once)."""
        reports = []
        while True:
            try:
                reports.append(self._inbox.get_nowait())
            except queue.Empty:
                break
        self.frames.add(reports, at_once=self.pace is not None)

    def _apply(self, reports: list[Report]) -> None:
        for report in reports:
            if self.process is None:
                return
            match report:
                case Progressed(record=p):
                    self._on_progressed(p)
                case Started(keyframe_every=every) if self.timeline:  # the child timed it, chose
                    self.timeline.every = every
                case Refused(command=command, why=why):  # a bug of ours: the run goes on
                    log.warning("the training process refused %s: %s", command, why)
                case Failed(why=why):
                    self.message.emit(self.tr("Training failed: {why}").format(why=why))
                    self._finish()
                case Done():
                    self._finish()
                case Ended():
                    if self.last_record is None or not self.last_record.state.ended:
                        self.message.emit(self.tr("The training process ended unexpectedly; the "
                                                  "parameters from its last report were kept."))
                    self._finish()
                case _:
                    log.warning("the training process sent %r; ignored", report)

    def _on_progressed(self, p: Progress) -> None:
        model = self.model
        self.last_record = p
        if self.timeline is not None:  # before the record's rows: the cursor may go there then
            self.timeline.add(p)
        if p.state is ProgressState.PAUSED and self.state is RunState.RUNNING and self.stepwise:
            self._paused_by_step = True  # it waits for Next iteration
            self._set_state(RunState.PAUSED)
        if len(p.costs):
            model.append_history(p.costs, p.grad_norms, p.evaluations, offset=self._offset)
        if p.state is ProgressState.DIVERGED:
            kept = p.kept if p.kept is not None else p.first
            model.set_parameters(p.weights, p.biases, self._base + kept)
            model.truncate_history(self._offset + kept)
            self.message.emit(translated(p.problem) if p.problem else p.message)
        elif p.weights:  # a big network's snapshots come less often than its records
            model.set_parameters(p.weights, p.biases, self._base + p.done)
        if p.warning is not None:  # once per run: the trainer explains and trains on
            self._warning = sentence(translated(p.warning))
            self.message.emit(self._warning)
        self.progress_changed.emit(p.done, p.total, p.iterations_per_second, p.seconds_left)
        if p.state is ProgressState.FINISHED:  # the trained network's own cost, or the last row's
            self._say_last(translated(iterations.trained(p.done, p.elapsed, latest_cost(model))))
        elif p.state is ProgressState.STOPPED:
            self._say_last(self.tr("Stopped after {n} of {total} iterations.").format(
                n=f"{p.done:,}", total=f"{p.total:,}"))

    def _say_last(self, text: str) -> None:
        """The run's last word, keeping its warning in view (a short run warns and ends at once)."""
        self.message.emit(" ".join(t for t in (text, self._warning) if t))

    def _finish(self) -> None:
        self.watch.stop()
        if self._run is not None:
            # the child has said its last word; its interpreter's exit (50–1,000 ms on a busy
            # machine) is waited for on a thread, so the window never holds for it
            threading.Thread(target=self._run.reap, name="bpstudio-training-reap",
                             daemon=True).start()
        self._run = self.process = None
        self.ready.after_run()  # the next run's child, once this one is gone
        if self._before is not None:  # (set as the run started)
            self.model.record_change(self._undo_text, self._before)
        self._set_state(RunState.IDLE)
