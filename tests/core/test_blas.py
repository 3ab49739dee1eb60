"""The BLAS thread count is the process's: an exact section (blas.exactly) keeps it while another
thread's waits, so a saved run recomputed on the loader's thread and a time cursor's move on the
GUI thread each compute on their own run's threads."""

from __future__ import annotations

import threading

import pytest

from bpstudio.core import blas


class _Watched:
    """blas's lock, saying when a thread is about to wait for it."""

    def __init__(self, lock):
        self.lock, self.trying = lock, threading.Event()

    def __enter__(self):
        self.trying.set()
        return self.lock.__enter__()

    def __exit__(self, *exc):
        return self.lock.__exit__(*exc)


def test_an_exact_section_keeps_its_count_while_another_threads_waits(monkeypatch):
    with blas.limited(2):
        if blas.threads() != 2:
            pytest.skip("this numpy's BLAS has no threads to set")
    before = blas.threads()
    watched = _Watched(blas._exact)
    monkeypatch.setattr(blas, "_exact", watched)
    inside, go, seen = threading.Event(), threading.Event(), {}

    def first():
        with blas.exactly(2):
            inside.set()
            go.wait(60)
            seen["first"] = blas.threads()

    def second():
        with blas.exactly(1):
            seen["second"] = blas.threads()
            seen["second entered after the first left"] = "first" in seen

    a = threading.Thread(target=first)
    a.start()
    assert inside.wait(60)
    watched.trying.clear()
    b = threading.Thread(target=second)
    b.start()
    assert watched.trying.wait(60)  # the second is at the lock
    go.set()
    a.join(60)
    b.join(60)
    assert seen == {"first": 2, "second": 1, "second entered after the first left": True}
    assert blas.threads() == before


def test_one_thread_may_nest_its_exact_sections():
    with blas.exactly(2), blas.exactly(1):
        assert blas.threads() == 1


RISE_ON_A_THREAD = r"""
import threading
import numpy as np
from threadpoolctl import threadpool_limits
from bpstudio.core import blas

rng = np.random.default_rng(0)
A, B = rng.random((209, 12288)), rng.random((12288, 20))  # the cat network's first product
threadpool_limits(1, user_api="blas")  # what the app does at its start (app/gui.py)
seen = {}

def recompute():  # as the file loader's thread recomputes a saved run of two threads
    with blas.exactly(2):
        seen["threads"], seen["product"] = blas.threads(), A @ B
        with blas.exactly(1):  # lowered again inside, and raised again after
            seen["inner"] = blas.threads()
        seen["outer again"] = blas.threads()
    seen["after"] = blas.threads()

thread = threading.Thread(target=recompute)
thread.start()
thread.join()
with blas.exactly(2):
    two = A @ B
with blas.exactly(1):
    one = A @ B
print(seen["threads"], seen["inner"], seen["outer again"], seen["after"], blas.threads(),
      np.array_equal(seen["product"], two), np.array_equal(one, two))
"""


def test_a_thread_other_than_the_main_one_gets_the_count_it_asks_for():
    """In a process of its own, without the suite's one-thread environment: the app's start
    lowers the count to 1 on the main thread; a thread's exact section of 2 then runs on 2 (the
    same bits as 2 on the main thread), a section of 1 inside it runs on 1, and leaving each sets
    the count back."""
    import os
    import subprocess
    import sys

    from seed_run import ONE_BLAS_THREAD

    env = {k: v for k, v in os.environ.items() if k not in ONE_BLAS_THREAD}
    out = subprocess.run([sys.executable, "-c", RISE_ON_A_THREAD], env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    *counts, same_as_two, one_is_two = out.stdout.split()
    if one_is_two == "True":
        pytest.skip("one thread and two give the same bits here: nothing to tell apart")
    assert (counts, same_as_two) == (["2", "1", "2", "1", "1"], "True")
