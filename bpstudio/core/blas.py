"""How many threads BLAS runs the matrix products on: a run's bits depend on it.

OpenBLAS splits a product's rows among its threads, and the rows at a split are computed by
another path of its kernel: the cat network's first product (209×12288 by 12288×20) differs in
the last bit in a few rows between one thread and two. An iteration recomputed on another
number of threads than the run trained on is therefore not the run's, bit for bit.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np  # noqa: F401 - loads the BLAS the controller looks for
from threadpoolctl import LibController, ThreadpoolController

_controller: ThreadpoolController | None = None
# the count of threads is the process's, not a thread's: one exact section at a time sets it
_exact = threading.RLock()


def _blas() -> ThreadpoolController:
    global _controller
    if _controller is None:  # finding the libraries takes a millisecond: once
        _controller = ThreadpoolController().select(user_api="blas")
    return _controller


def threads() -> int:
    """The BLAS threads the products run on now (1 where numpy has no threaded BLAS)."""
    count: int = max((lib.num_threads for lib in _blas().lib_controllers), default=1)
    return count


@contextmanager
def limited(n: int) -> Iterator[None]:
    """A context in which BLAS runs on ``n`` threads (any number, more than the cores too), on
    whichever thread it is entered; leaving it sets each library's count back."""
    n = int(n)
    libs = _blas().lib_controllers
    before = [lib.num_threads for lib in libs]
    with _blas().limit(limits=n):
        set_here = threads() != n and _set_here(libs, [n] * len(libs))
        try:
            yield
        finally:
            if set_here:
                _set_here(libs, before)


def _set_here(libs: list[LibController], counts: list[int]) -> bool:
    """threadpoolctl (3.8) sets a count only from the first thread that set one (the main
    thread: the app lowers the count at its start, app/gui.py) and ignores the others' asking:
    a saved run recomputed on the file loader's thread ran on one thread instead of its two,
    and a few of its costs differed in the last bit ("could not be recomputed exactly").
    OpenBLAS's own ``openblas_set_num_threads_local`` is obeyed from any thread (it sets the
    process's count). True if it set one."""
    done = False
    for lib, count in zip(libs, counts):
        set_local = getattr(lib.dynlib, "openblas_set_num_threads_local", None)
        if lib.internal_api == "openblas" and set_local is not None:
            set_local(ctypes.c_int(count))
            done = True
    return done


@contextmanager
def exactly(n: int) -> Iterator[None]:
    """A section whose products run on ``n`` threads, and no other thread's ``exactly`` changes
    the count meanwhile (it waits): a run recomputed on a thread of its own beside one on the
    GUI thread, each on its run's threads, each gets its run's bits. Keep it short: the other
    waits for it."""
    with _exact, limited(n):
        yield
