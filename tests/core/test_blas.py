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
