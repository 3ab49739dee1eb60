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


def test_a_records_traces_compacted_at_once_are_each_as_it_alone_would_be(monkeypatch):
    """compact_all checks a record's Z[1]s together: each comes out as compact() made it alone,
    in its own layout and memory, and a NaN or −0 in one of them changes that one only; Z[1]s
    of other shapes, types or byte orders are still compacted right, one by one."""
    from bpstudio.core.traces import ReluTrace, compact_all

    rng = np.random.default_rng(3)
    zs = [rng.standard_normal((9, 20)).T for _ in range(6)]  # column by column, as the engine's
    zs[1][4, 2] = np.nan  # σ gives NaN: kept whole
    zs[2][0, 0] = -0.0  # σ gives +0, as the trace's 0 does: compact
    zs[3] = np.ascontiguousarray(zs[3])  # row by row
    assert zs[0].flags.f_contiguous and not zs[0].flags.c_contiguous
    stacked = []
    stack = np.stack
    monkeypatch.setattr(np, "stack", lambda arrays, *a, **k: stacked.append(len(arrays))
                        or stack(arrays, *a, **k))
    together = compact_all(zs, "relu", True)
    assert stacked == [6]  # checked together
    others = [rng.standard_normal((7, 3)), rng.standard_normal((20, 9)).astype(np.float32),
              rng.standard_normal((20, 9)).astype(">f8")]
    alone = compact_all(zs[:2] + others, "relu", True)
    assert alone[1] is zs[1] and together[1] is zs[1]
    counts = set()
    for z, trace in [*zip(zs, together), *zip(zs[:2] + others, alone)]:
        if trace is z:
            continue
        assert isinstance(trace, ReluTrace) and trace.shape == z.shape
        assert trace.fortran == (z.flags.f_contiguous and not z.flags.c_contiguous)
        assert trace.positive.dtype == z.dtype and trace.positive.base is None  # its own memory
        assert np.array_equal(trace.positive, z[z > 0])  # row by row, whatever z's layout
        assert trace.nbytes == z[z > 0].nbytes + np.packbits(z > 0).nbytes
        back = trace.z()
        assert back.flags.f_contiguous == trace.fortran
        a, a_back = np.maximum(z, 0), np.maximum(back, 0)
        assert np.array_equal(a_back.view(f"u{a.itemsize}"), a.view(f"u{a.itemsize}"))
        counts.add(int((z > 0).sum()))
    assert len(counts) > 3  # (traces of different lengths: each cut where it ends)
    assert sum(isinstance(t, ReluTrace) for t in together) == len(zs) - 1
    assert all(t is z for t, z in zip(compact_all(zs, "leaky_relu", True), zs))


def test_a_wide_layers_traces_are_checked_a_few_at_a_time(monkeypatch):
    from bpstudio.core import traces

    monkeypatch.setattr(traces, "CHECKED_BYTES", 3 * 8 * 6 * 5)  # three traces a check
    rng = np.random.default_rng(4)
    zs = [rng.standard_normal((6, 5)) + 0.3 * k for k in range(8)]  # more positive, one by one
    zs[4][1, 1] = np.nan
    stacked = []
    stack = np.stack
    monkeypatch.setattr(np, "stack", lambda arrays, *a, **k: stacked.append(len(arrays))
                        or stack(arrays, *a, **k))
    out = traces.compact_all(zs, "relu", True)
    assert stacked == [3, 3, 2]
    assert len({int((z > 0).sum()) for z in zs}) > 4
    assert [t is z for t, z in zip(out, zs)] == [k == 4 for k in range(8)]
    for z, t in zip(zs, out):
        if t is not z:
            assert np.array_equal(t.z(), np.where(z > 0, z, 0.0))
