"""A run's traces keep their byte count as they come and go (a timeline reads it at every record
instead of summing every trace)."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.core.traces import Traces, compact


def _sum(traces: Traces) -> int:
    return sum(int(z.nbytes) for z in traces.values())


def test_the_count_follows_every_change():
    rng = np.random.default_rng(0)
    traces = Traces()
    for j in range(6):
        z = rng.standard_normal((5, 7 + j))
        traces[j] = compact(z, "relu", True) if j % 2 else z
        assert traces.nbytes == _sum(traces)
    traces[2] = rng.standard_normal((3, 3))  # replaced: the old one no longer counts
    assert traces.nbytes == _sum(traces)
    del traces[0]
    assert traces.pop(1).nbytes > 0 and traces.pop(99, None) is None
    assert traces.nbytes == _sum(traces) > 0
    copy = Traces(traces)
    assert copy.nbytes == traces.nbytes and copy == traces
    traces.clear()
    assert traces.nbytes == 0 and copy.nbytes == _sum(copy) > 0


@pytest.mark.parametrize("change", ["update", "setdefault", "popitem"])
def test_what_would_bypass_the_count_is_refused(change):
    traces = Traces({1: np.zeros((2, 2))})
    with pytest.raises(NotImplementedError):
        {"update": lambda: traces.update({2: np.zeros(3)}),
         "setdefault": lambda: traces.setdefault(2, np.zeros(3)),
         "popitem": traces.popitem}[change]()
    assert traces.nbytes == _sum(traces)
