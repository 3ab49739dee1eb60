"""A training process started ahead of its run, so a click on Train only hands it the network.

Starting a child for a run took 0.5 s on a quiet machine and 1–2 s on a busy one (a new
interpreter importing numpy, then the data set through a pipe): all before the first cost. A
``WarmProcess`` is that child started while the window idles (forked from a server that has
imported what a run needs: ``CONTEXT``): it takes the training data when it is sent (``prime``),
and waits. ``run`` then sends only the network, the hyper-parameters and the options; the child
trains exactly as ``training_process.serve`` does (the same reports on the same pipes) and ends
with its run: the next run gets a fresh one.

Nothing here blocks the caller: the child is started and every message sent on this object's own
threads (pickling a 20 MB data set, writing it through a pipe). ``close`` ends a child that never
ran; a child whose parent dies reads the end of its command pipe and ends too.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING

import numpy as np

from . import array_pipe, training_process
from .network import Network
from .trainer import HyperParameters, TrainerOptions
from .training_process import Command, KeyframePlan

if TYPE_CHECKING:  # no fork server on Windows: not there to import
    from multiprocessing.context import ForkServerContext, SpawnContext


def _context() -> ForkServerContext | SpawnContext:
    """Training children are forked from a server process that imported numpy and the trainer
    once: spawned, every child imported them itself (~0.2 s of CPU a run, and a run a warm
    child ends). The server is started afresh, never forked from the window, so it has none of
    the window's threads (Qt's, its one BLAS thread) and its children keep every BLAS thread
    a new process starts with. Only on Linux: elsewhere (macOS's Accelerate is not safe to fork
    once used, and numpy uses it on import there; Windows has no fork) each child is spawned."""
    if not sys.platform.startswith("linux"):
        return mp.get_context("spawn")
    context = mp.get_context("forkserver")
    # numpy.random too: the trainer's batches import it, and every child imported it again
    # before its first cost (20 ms); the window itself does not need it to start
    context.set_forkserver_preload([__name__, "numpy.random"])
    return context


CONTEXT = _context()  # the context every training child starts in


@dataclass(frozen=True)
class Data:
    """The arrays a run trains and evaluates on (test: None, or the test set's X and Y)."""

    X: np.ndarray
    Y: np.ndarray
    test: tuple[np.ndarray, np.ndarray] | None

    def same(self, other: "Data | None") -> bool:
        """The very same arrays (a data set's inputs are converted once and kept)."""
        if other is None:
            return False
        mine = (self.X, self.Y, *(self.test or ()))
        theirs = (other.X, other.Y, *(other.test or ()))
        return len(mine) == len(theirs) and all(a is b for a, b in zip(mine, theirs))


@dataclass(frozen=True)
class Prime:
    """Parent → waiting child: the data the coming run will train on (replacing any before)."""

    data: Data


@dataclass(frozen=True)
class Run:
    """Parent → waiting child: train now; ``data`` None: on the data primed."""

    network: Network
    hyper: HyperParameters
    options: TrainerOptions
    blas_threads: int | None
    keyframes: KeyframePlan | None
    data: Data | None


def serve_warm(commands: Connection, results: Connection) -> None:
    """The warm child: it keeps the data it is sent until a Run comes, serves that run and ends.
    The parent closing the pipe ends it while it waits. Its first iteration is computed as the
    window's threads are (on a busy machine a niced one waited 0.7–1.2 s for the CPU), the rest
    yielding to the window, whose drawing comes first (training_process.yield_to_the_window)."""
    data: Data | None = None
    while True:
        try:
            message = array_pipe.recv(commands)
        except (EOFError, OSError):  # the parent closed this child, or went away
            return
        except Exception:  # noqa: BLE001 - unreadable: what a run needs comes in a Run
            continue
        if isinstance(message, Prime):
            data = message.data
            warm_up(data.X)
        elif isinstance(message, Run):
            given = message.data if message.data is not None else data
            if given is None:
                array_pipe.send(results, training_process.Failed("no training data was sent"))
                return
            options = message.options.copy()
            options["test"] = given.test
            training_process.serve(commands, results, message.network, given.X, given.Y,
                                   message.hyper, options, message.blas_threads,
                                   message.keyframes, then_yield=True)
            return


def warm_up(X: np.ndarray) -> None:
    """A product of the size of a first layer's, while the child waits for its run: a forked
    child's first products ran slowly (BLAS starts its threads again after a fork, and the new
    process maps its memory as it first writes it): the cat network's first iteration took
    50–58 ms in a child and 11–21 ms after one. The result is thrown away."""
    if X.ndim == 2 and X.size and X.dtype.kind == "f":
        try:  # (never at the run's cost: ±inf or an overflow in X only warns, or fails here)
            with np.errstate(all="ignore"):
                _ = np.ones((8, X.shape[0]), dtype=X.dtype) @ X
        except Exception:  # noqa: BLE001 - a warm-up that fails leaves the child as it was
            pass


# the results pipe holds a whole report with the cat network's snapshot (2 MB): read through
# Linux's default 64 KB, each report took ~30 reads, each of which took the GIL from the GUI
# thread again (a reader thread waiting for a core with the GIL held the window with it)
RESULTS_PIPE_BYTES = 1 << 20


def widen(connection: Connection, size: int = RESULTS_PIPE_BYTES) -> int:
    """Make the pipe under ``connection`` hold ``size`` bytes where the system allows (Linux's
    F_SETPIPE_SZ, up to /proc/sys/fs/pipe-max-size); its size after, 0 where it is not known."""
    try:
        import fcntl

        set_size, get_size = fcntl.F_SETPIPE_SZ, fcntl.F_GETPIPE_SZ  # (Linux's only)
        try:
            with open("/proc/sys/fs/pipe-max-size") as f:  # what we may ask for
                size = min(size, int(f.read()))
        except (OSError, ValueError):
            pass
        fd = connection.fileno()
        fcntl.fcntl(fd, set_size, size)
        return int(fcntl.fcntl(fd, get_size))
    except (ImportError, AttributeError, OSError, ValueError, OverflowError):  # another system
        return 0


class WarmProcess:
    """One training child, started at once (on a thread) and kept waiting for its run."""

    def __init__(self) -> None:
        commands_read, self._commands = CONTEXT.Pipe(duplex=False)
        results_read, results_write = CONTEXT.Pipe(duplex=False)
        self.results = array_pipe.Reader(results_read)
        widen(results_read)
        self.process: BaseProcess = CONTEXT.Process(
            target=serve_warm, name="bpstudio-training", daemon=True,
            args=(commands_read, results_write))
        self.starter = threading.Thread(target=training_process.launch, daemon=True,
                                        name="bpstudio-training-start",
                                        args=(self.process, commands_read, results_write))
        self._outbox: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._sender = threading.Thread(target=self._send_all, daemon=True,
                                         name="bpstudio-training-send")
        self.primed: Data | None = None
        self.used = False  # a run was sent: this child serves it and ends
        self._closed = False
        self.starter.start()
        self._sender.start()

    def usable(self) -> bool:
        """Ready for a run (or still starting): not used, not closed, not dead."""
        if self.used or self._closed:
            return False
        return self.starter.is_alive() or self.process.is_alive()

    def prime(self, data: Data) -> None:
        """Send the data the coming run trains on, unless these very arrays were sent already."""
        if not data.same(self.primed) and not self.used:
            self.primed = data
            self._outbox.put(Prime(data))

    def run(self, network: Network, hyper: HyperParameters, options: TrainerOptions,
            blas_threads: int | None, keyframes: KeyframePlan | None, data: Data) -> None:
        """Train now (on ``data``: sent along unless primed)."""
        self.used = True
        self._outbox.put(Run(network, hyper, options, blas_threads, keyframes,
                             None if data.same(self.primed) else data))

    def send(self, command: Command) -> None:
        """A command for the run (after everything sent before it)."""
        self._outbox.put(command)

    def close(self) -> None:
        """No more commands: the child's command pipe closes after the last one. A child that
        waits for its run ends at once; one training stops (it reads the end as Stop)."""
        if not self._closed:
            self._closed = True
            self._outbox.put(None)

    def _send_all(self) -> None:
        self.starter.join()
        try:
            while (message := self._outbox.get()) is not None:
                try:
                    array_pipe.send(self._commands, message)
                except (OSError, ValueError):  # the child has ended: the rest goes nowhere
                    pass
        finally:
            self._commands.close()

    def reap(self, seconds: float = 10.0) -> None:
        """Close, and wait for the child to end (one that hangs is killed); its results pipe
        closes. On any thread; the caller's reader must have finished with the pipe."""
        self.close()
        training_process.reap(self.starter, self.process, seconds)
        self.results.close()
