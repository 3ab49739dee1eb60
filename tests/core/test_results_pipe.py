"""The pipe a training child reports through holds a whole report with the cat network's
snapshot (2 MB of W[1]): read in one or two pieces, not ~30 (each took the GIL from the window's
GUI thread again, and each full pipe held the child's training until the window read it)."""

from __future__ import annotations

import sys

import pytest

from bpstudio.core.warm_process import RESULTS_PIPE_BYTES, WarmProcess, widen

linux = pytest.mark.skipif(sys.platform != "linux", reason="F_SETPIPE_SZ is Linux's")


def _limit() -> int:
    with open("/proc/sys/fs/pipe-max-size") as f:
        return int(f.read())


@linux
def test_a_training_childs_results_pipe_holds_a_megabyte():
    process = WarmProcess()
    try:
        import fcntl

        size = fcntl.fcntl(process.results.fileno(), getattr(fcntl, "F_GETPIPE_SZ", 1032))
        assert size >= min(RESULTS_PIPE_BYTES, _limit()) >= 1 << 20
    finally:
        process.reap()


@linux
def test_a_size_above_the_systems_limit_gets_the_limit():
    import multiprocessing as mp

    read, write = mp.get_context("spawn").Pipe(duplex=False)
    try:
        assert widen(read, 1 << 40) == _limit()
    finally:
        read.close()
        write.close()
