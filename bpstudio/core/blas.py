"""How many threads BLAS runs the matrix products on: a run's bits depend on it.

OpenBLAS splits a product's rows among its threads, and the rows at a split are computed by
another path of its kernel: the cat network's first product (209×12288 by 12288×20) differs in
the last bit in a few rows between one thread and two. An iteration recomputed on another
number of threads than the run trained on is therefore not the run's, bit for bit.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

import numpy as np  # noqa: F401 - loads the BLAS the controller looks for
from threadpoolctl import ThreadpoolController

_controller: ThreadpoolController | None = None


def _blas() -> ThreadpoolController:
    global _controller
    if _controller is None:  # finding the libraries takes a millisecond: once
        _controller = ThreadpoolController().select(user_api="blas")
    return _controller


def threads() -> int:
    """The BLAS threads the products run on now (1 where numpy has no threaded BLAS)."""
    count: int = max((lib.num_threads for lib in _blas().lib_controllers), default=1)
    return count


def limited(n: int) -> AbstractContextManager[object]:
    """A context in which BLAS runs on ``n`` threads (any number, more than the cores too)."""
    limit: AbstractContextManager[object] = _blas().limit(limits=int(n))
    return limit
