"""Run a Trainer in a child process and talk to it over two pipes.

A training thread in the GUI's own process shares the GIL with the GUI: while a small network
trains, every frame the GUI draws waits for the interpreter, and frames took 60–190 ms. A child
process has its own interpreter, so the GUI only shares the CPU. The child has numpy and
bpstudio.core only (forked from a server that imported them: warm_process.CONTEXT); it computes
with the same numpy and BLAS, so its numbers are bit for bit those of a headless run.

Every message is a frozen dataclass of this module. Parent → child, a ``Command``: Pause, Resume,
Stop, SetPace, SetStepwise. Child → parent, a ``Report``: Started (the keyframe interval it chose),
Progressed (a Progress record) and Refused (a command it could not obey: the run goes on), then
one final report: Done or Failed; the parent's reader adds Ended when the pipe closes. A message
that is not one of these, or is malformed, is logged and answered; it never ends the listening.

Two runs training at once share the two cores best on one BLAS thread each
(benchmarks/bench_timeline.py); a run alone keeps every core.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import numbers
import os
import queue
import threading
import time
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Callable, ClassVar

import numpy as np

from . import array_pipe, blas
from .network import Network
from .timeline import keyframe_bytes, keyframe_interval
from .trainer import HyperParameters, Progress, ProgressState, Trainer, TrainerOptions

log = logging.getLogger(__name__)

# Parameter snapshots cross the pipe at most at this rate while a run goes on: the seed's cat
# network (2 MB) still every record, a 512-wide first layer on the cat images (50 MB) every 2 s.
SNAPSHOT_BYTES_PER_SECOND = 25e6


# ----- parent → child ----------------------------------------------------------------------------

class Command:
    """What the window asks of the run; the child obeys between iterations."""

    def apply(self, trainer: Trainer) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Pause(Command):
    def apply(self, trainer: Trainer) -> None:
        trainer.pause()


@dataclass(frozen=True)
class Resume(Command):
    """Go on (one iteration at a time: the next one)."""

    def apply(self, trainer: Trainer) -> None:
        trainer.resume()


@dataclass(frozen=True)
class Stop(Command):
    def apply(self, trainer: Trainer) -> None:
        trainer.stop()


@dataclass(frozen=True)
class SetPace(Command):
    """At most ``pace`` iterations a second (None: as fast as it goes), and a record every
    ``report_seconds`` from now on (None: as before)."""

    pace: float | None
    report_seconds: float | None = None

    def apply(self, trainer: Trainer) -> None:
        # checked here: unpickling builds the object without __init__, so nothing checked it yet
        for name, value in (("pace", self.pace), ("report interval", self.report_seconds)):
            if value is not None and (isinstance(value, bool)
                                      or not isinstance(value, numbers.Real)):
                raise TypeError(f"the {name} must be a number or None, not {value!r}")
        trainer.set_pace(self.pace)
        if self.report_seconds is not None:
            trainer.report_seconds = self.report_seconds


@dataclass(frozen=True)
class SetStepwise(Command):
    """Pause after each iteration (Resume does the next one)."""

    on: bool

    def apply(self, trainer: Trainer) -> None:
        if not isinstance(self.on, bool):
            raise TypeError(f"stepwise must be True or False, not {self.on!r}")
        trainer.set_stepwise(self.on)


# ----- child → parent ----------------------------------------------------------------------------

class Report:
    """What the child tells the window."""

    final: ClassVar[bool] = False  # the child's last word: nothing is read after it


@dataclass(frozen=True)
class Started(Report):
    """The run has begun; its records carry a keyframe every ``keyframe_every`` iterations."""

    keyframe_every: int


@dataclass(frozen=True)
class Progressed(Report):
    record: Progress


@dataclass(frozen=True)
class Refused(Report):
    """A message the child could not obey (not a Command, or malformed); the run goes on."""

    command: str  # its repr, cut short
    why: str


@dataclass(frozen=True)
class Done(Report):
    final: ClassVar[bool] = True
    iterations_trained: int


@dataclass(frozen=True)
class Failed(Report):
    final: ClassVar[bool] = True
    why: str


@dataclass(frozen=True)
class Ended(Report):
    """Made by the parent's reader: the pipe closed (the child is gone)."""

    final: ClassVar[bool] = True


@dataclass(frozen=True)
class KeyframePlan:
    """Choose the keyframe interval in the child, from the run's own first ``repeats`` iterations
    (a costly network: one is enough), so that the keyframes fit in ``budget`` bytes. Timed as
    they train: nothing waits for a timing before the first cost is seen."""

    budget: float
    repeats: int = 3
    trace: int = 0  # bytes of an iteration's trace, when the run keeps them (timeline.trace_bytes)

    def options(self, network: Network, hyper: HyperParameters, m: int) -> TrainerOptions:
        """The Trainer's options that make the run choose its interval so."""
        size = keyframe_bytes(network, hyper, m)
        return TrainerOptions(timed_iterations=self.repeats, trace_first_layer=self.trace > 0,
                              keyframe_choice=functools.partial(
            keyframe_interval, hyper.iterations, size, budget=self.budget, trace_size=self.trace))


def _short(message: object) -> str:
    text = repr(message)
    return text if len(text) <= 200 else text[:200] + "…"


def yield_to_the_window() -> None:
    """Make every thread of this process a batch one (Linux's SCHED_BATCH, at the window's own
    nice; threads started later inherit it from the thread that starts them): it never takes a
    core from the window when it wakes, and it keeps the window's share of the cores beside every
    other program. (At nice +10 a busy core of another program left it a tenth of that core: the
    cat run took 2.4 times as long as headless, 1.17 times as a batch one; bench_gui.py --mode
    busy. The window's long relayouts pay for it: they share a core with a BLAS thread,
    docs/reliability.md.) Never frozen: a dying window could leave it so. Where there is no such
    policy, the process trains as the window does."""
    try:
        tasks = [int(t) for t in os.listdir("/proc/self/task")]
    except OSError:
        tasks = [0]
    for tid in tasks:
        try:
            os.sched_setscheduler(tid, os.SCHED_BATCH, os.sched_param(0))
        except (AttributeError, OSError):  # not on this system, or the thread has ended
            pass


def stopped(pid: int) -> bool:
    """Whether process ``pid`` is stopped (SIGSTOP, a debugger): Linux's /proc says "T" or "t";
    False where it cannot be read (another system, or the process has ended)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            state = f.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state in (b"T", b"t")


def serve(commands: Connection, results: Connection, network: Network, X: np.ndarray,
          Y: np.ndarray, hyper: HyperParameters, options: TrainerOptions,
          blas_threads: int | None = None, keyframes: KeyframePlan | None = None,
          then_yield: bool = False) -> None:
    """Train, sending every record; obey commands between iterations. ``blas_threads``: the
    BLAS threads to train on (None: as many as BLAS starts with). ``keyframes``: the interval is
    measured here (else ``options`` has it, or there are none). ``then_yield``: the first record
    is computed as the window's, the rest yielding to it (yield_to_the_window)."""
    sending = threading.Lock()  # the listener answers on the pipe the records go by

    def send(report: Report) -> None:
        with sending:
            array_pipe.send(results, report)

    if keyframes is not None:  # timed on the run's own BLAS threads, as it recomputes
        options = TrainerOptions(**options, **keyframes.options(network, hyper, X.shape[1]))
    try:
        trainer = Trainer(network, X, Y, hyper, report_first=True, **options)
    except Exception as e:  # noqa: BLE001 - reported to the parent, which shows it
        array_pipe.send(results, Failed(f"{type(e).__name__}: {e}"))
        return
    threading.Thread(target=_listen, args=(commands, trainer, send), daemon=True).start()
    try:
        last_snapshot = -math.inf
        announced = keyframes is None
        if announced:
            send(Started(trainer.keyframe_every))
        with blas.limited(blas_threads) if blas_threads else contextlib.nullcontext():
            for record in trainer.run():
                if not announced and trainer.keyframe_every:  # the run has chosen its interval
                    send(Started(trainer.keyframe_every))
                    announced = True
                now = time.perf_counter()
                size = sum(W.nbytes for W in record.weights)
                if (record.state is ProgressState.RUNNING
                        and now - last_snapshot < size / SNAPSHOT_BYTES_PER_SECOND):
                    record = replace(record, weights=(), biases=())  # the parent keeps the last one
                elif record.weights:
                    last_snapshot = now
                send(Progressed(record))
                if then_yield:  # the first cost is out: from now on it yields to the window
                    then_yield = False
                    yield_to_the_window()
        send(Done(network.iterations_trained))
    except (BrokenPipeError, EOFError):
        pass  # the parent closed: nobody to tell
    except Exception as e:  # noqa: BLE001
        send(Failed(f"{type(e).__name__}: {e}"))


def _listen(commands: Connection, trainer: Trainer, send: Callable[[Report], None]) -> None:
    """The child's listener thread: every command to the trainer until the parent goes away.
    A bad message is logged and answered, and the next one is read: Stop must always work."""
    while True:
        try:
            command = array_pipe.recv(commands)
        except (EOFError, OSError):  # the parent went away: stop
            trainer.stop()
            return
        except Exception as e:  # noqa: BLE001 - it could not be unpickled; the stream goes on
            command, error = "(unreadable)", e
        else:
            try:
                if not isinstance(command, Command):
                    raise TypeError("not a training command")
                command.apply(trainer)
                continue
            except Exception as e:  # noqa: BLE001 - a malformed command
                error = e
        why = f"{type(error).__name__}: {error}"
        log.warning("training process: refused %s: %s", _short(command), why)
        try:
            send(Refused(_short(command), why))
        except OSError:
            pass  # the parent has closed; its EOF ends this loop next


def receive(results: array_pipe.Reader, inbox: queue.SimpleQueue[Report],
            arrived: Callable[[], None]) -> None:
    """The parent's reader thread: every report of the child into ``inbox`` (calling
    ``arrived`` after each), until the final one; Ended when the pipe closes first."""
    while True:
        try:
            report = results.recv()
        except (EOFError, OSError):
            report = Ended()
        except Exception as e:  # noqa: BLE001 - one that could not be unpickled; read on
            log.warning("training process: unreadable report: %s: %s", type(e).__name__, e)
            continue
        inbox.put(report)
        arrived()
        if getattr(report, "final", False):
            return


def launch(process: BaseProcess, *parent_ends: Connection) -> None:
    """Start the child; then the parent's copies of the child's pipe ends close. A start that
    fails (no memory or no process left for it) closes them too: the reader then hears the end
    at once and the run ends with a message, instead of a window that says "running" for ever.
    A fork server that could not fork ends itself, and its child's start ends in EOFError."""
    try:
        process.start()
    except (OSError, RuntimeError, EOFError):
        pass
    finally:
        for conn in parent_ends:
            conn.close()


def reap(starter: threading.Thread, process: BaseProcess, seconds: float = 10.0) -> None:
    """Wait for the child to end; one that hangs on its way out is killed."""
    starter.join()
    if process.pid is None:  # it never started (launch)
        return
    process.join(seconds)
    if process.is_alive():
        process.kill()
        process.join(1)
