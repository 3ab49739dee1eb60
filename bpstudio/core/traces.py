"""An iteration's trace: what recomputing it needs of its first layer's weighted input Z[1].

The timeline (timeline.py) keeps every iteration's Z[1] so that a recomputation skips W[1]·X.
What it then reads of Z[1] is A[1] = σ(Z[1]) and σ′(Z[1]) (等式2b): for a ReLU hidden layer
max(Z, 0) and the mask Z > 0, so the trace keeps only Z[1]'s positive numbers and that mask, one
bit a number (the cat run's Z[1] is 51–68 % positive: 21 kB an iteration instead of 33 kB).
Given back, the other numbers are 0: σ and σ′ give the same bits as on Z[1] itself, which
``compact`` checks for every trace (a NaN keeps it whole). A leaky ReLU's slope needs the
negative numbers too: its trace, as any other activation's, is Z[1] whole.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple, Sequence, Union

import numpy as np

from .activations import get_activation

# the share of a ReLU layer's Z[1] a run's memory plan counts as positive (the cat run: 0.51 at
# its start, 0.68 at most); an iteration whose trace would overrun the run's share is not traced
RELU_POSITIVE_SHARE = 0.7
CHECKED_BYTES = 4_000_000  # compact_all checks the traces of a record this many bytes at a time


class ReluTrace(NamedTuple):
    """Z[1] of a ReLU hidden layer as recomputing needs it: its numbers above 0 (row by row),
    where they stand (np.packbits of Z[1] > 0) and its layout in memory (column by column,
    ``fortran``, as the engine's (Xᵀ·W[1]ᵀ)ᵀ makes it: the products A[1] takes part in run on
    another path of BLAS's kernel, with other last bits, on another layout)."""

    positive: np.ndarray
    above: np.ndarray
    shape: tuple[int, int]
    fortran: bool

    @property
    def nbytes(self) -> int:
        return int(self.positive.nbytes + self.above.nbytes)

    def z(self) -> np.ndarray:
        """Z[1] with its numbers at or below 0 made 0: the same A[1] and σ′ bit for bit."""
        n = self.shape[0] * self.shape[1]
        mask = np.unpackbits(self.above, count=n).view(bool).reshape(self.shape)
        z = np.zeros(self.shape, dtype=self.positive.dtype, order="F" if self.fortran else "C")
        z[mask] = self.positive
        return z


Trace = Union[np.ndarray, ReluTrace]  # Z[1] whole (read-only), or a ReLU layer's compact one


def planned_bytes(activation: str, hidden: bool, neurons: int, samples: int) -> int:
    """The bytes a run's memory plan counts for one trace of ``neurons`` × ``samples``."""
    if activation == "relu" and hidden:
        return (math.ceil(8 * neurons * samples * RELU_POSITIVE_SHARE)
                + math.ceil(neurons * samples / 8))
    return 8 * neurons * samples


def compact(z: np.ndarray, activation: str, hidden: bool) -> Trace:
    """The trace of Z[1] (of a hidden layer with this ``activation``): compact for ReLU when it
    gives σ and σ′ the same bits, else ``z`` itself (``compact_all`` of one)."""
    return compact_all([z], activation, hidden)[0]


def compact_all(zs: Sequence[np.ndarray], activation: str, hidden: bool) -> list[Trace]:
    """The traces of a record's Z[1]s, as ``compact`` makes each: a ReLU layer's is compact when
    σ and σ′ give each of its numbers at or below 0 (or NaN) the bits they give the +0 the trace
    puts there (σ and σ′ work number by number). Checked on all of them at once, without
    building Z[1] back: one by one, the checks held the window's GUI thread ~0.25 s a cat run."""
    if activation != "relu" or not hidden or not zs:
        return list(zs)
    first = zs[0]
    if any(z.ndim != 2 or z.shape != first.shape or z.dtype != first.dtype
           or not (z.flags.c_contiguous or z.flags.f_contiguous) for z in zs):
        if len(zs) > 1:  # (not one record's: checked one by one)
            return [compact_all([z], activation, hidden)[0] for z in zs]
        return list(zs)
    chunk = max(1, CHECKED_BYTES // max(1, first.nbytes))
    if len(zs) > chunk:  # (a wide first layer's: a few at a time)
        return [t for at in range(0, len(zs), chunk)
                for t in compact_all(zs[at:at + chunk], activation, hidden)]
    relu, zero = get_activation("relu"), np.zeros(1, first.dtype)
    stack = np.stack(zs)  # (k, n, m): every trace's numbers, each in its logical order
    above = stack > 0
    a, a0 = relu.f(stack), relu.f(zero)
    same = ((_bits(relu.prime(stack, a)) == _bits(relu.prime(zero, a0))[0])
            & (_bits(a) == _bits(a0)[0]))
    usable = (same | above).reshape(len(zs), -1).all(axis=1)  # (a NaN: σ gives NaN)
    packed = np.packbits(above.reshape(len(zs), -1), axis=1)  # each row as packbits of its own
    # every trace's positive numbers at once, row by row (the stack's order): one by one from
    # a column-by-column z, they took twice as long as all the rest. Each trace gets a copy of
    # its own (in z's byte order), never a view that keeps the whole record's alive
    positive = stack[above]
    ends = np.cumsum(above.reshape(len(zs), -1).sum(axis=1))
    starts = np.concatenate([[0], ends[:-1]])
    shape = (int(first.shape[0]), int(first.shape[1]))  # (given back in z's own layout)
    return [ReluTrace(positive[starts[k]:ends[k]].astype(z.dtype), packed[k].copy(), shape,
                      bool(z.flags.f_contiguous and not z.flags.c_contiguous))
            if usable[k] else z for k, z in enumerate(zs)]


def _bits(a: np.ndarray) -> np.ndarray:
    """The numbers of ``a`` as unsigned integers of their size: equal when their bits are."""
    return a.view(np.dtype(f"u{a.itemsize}"))


def first_z(trace: Trace | None) -> np.ndarray | None:
    """Z[1] as the recomputation reads it (None: no trace, it computes W[1]·X)."""
    return trace.z() if isinstance(trace, ReluTrace) else trace


class Traces(dict[int, Trace]):
    """A run's traces by iteration, with their bytes kept as they come and go (``nbytes``): a
    timeline asks at every record (summing 2,500 traces each time cost the window's GUI thread
    ~0.4 s a run)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.nbytes = sum(int(z.nbytes) for z in self.values())

    def __setitem__(self, key: int, value: Trace) -> None:
        old = self.get(key)
        super().__setitem__(key, value)
        self.nbytes += int(value.nbytes) - (int(old.nbytes) if old is not None else 0)

    def __delitem__(self, key: int) -> None:
        self.nbytes -= int(self[key].nbytes)
        super().__delitem__(key)

    def pop(self, key: int, *default: Any) -> Any:
        if key in self:
            self.nbytes -= int(self[key].nbytes)
        return super().pop(key, *default)

    def clear(self) -> None:
        super().clear()
        self.nbytes = 0

    def copy(self) -> "Traces":
        return Traces(self)

    # what would change it behind the total's back is not for a timeline's traces
    def update(self, *args: Any, **kwargs: Any) -> None:
        raise NotImplementedError("set the traces one by one")

    def setdefault(self, *args: Any) -> Any:
        raise NotImplementedError("set the traces one by one")

    def popitem(self) -> tuple[int, Trace]:
        raise NotImplementedError("pop a trace by its iteration")
