"""One way of counting iterations, the tutorial's, and the words every view says it in.

The tutorial's loop prints "Cost after iteration 0" for the network it starts from, the untrained
one. So: the network after i updates is at iteration i, and the cost of iteration i is computed
from that network, by the forward pass of the loop's turn i, before its update. A run of n
iterations from the start records the costs of iterations 0 … n − 1 and leaves the network at
iteration n, whose own cost the next iteration would compute first. Stepping iteration i walks
that turn of the loop: its cost, its backward pass and the update that makes iteration i + 1.

The training record counts its rows from ``first``, the iteration its first row is of: 0 for a
network trained here from the start, n for a model file opened after n iterations trained
elsewhere (whose costs nobody kept). Every view says an iteration, and a cost with its
iteration, through this module, so all of them count alike.
"""

from __future__ import annotations

from .messages import QT_TRANSLATE_NOOP, UserMessage

ITERATION = QT_TRANSLATE_NOOP("core", "iteration {i}")
COST = QT_TRANSLATE_NOOP("core", "iteration {i}: cost {c}")
# an iteration applied by hand on one stepped sample: what it computed is that sample's loss
STEPPED_LOSS = QT_TRANSLATE_NOOP("core", "iteration {i}: one stepped sample, its loss L {c}")
# the end of a run, for one iteration and for more, with the latest cost known or without
TRAINED = {(True, False): QT_TRANSLATE_NOOP("core", "Trained 1 iteration in {s} s."),
           (False, False): QT_TRANSLATE_NOOP("core", "Trained {n} iterations in {s} s."),
           (True, True): QT_TRANSLATE_NOOP("core", "Trained 1 iteration in {s} s; {cost}."),
           (False, True): QT_TRANSLATE_NOOP("core", "Trained {n} iterations in {s} s; {cost}.")}


def number(i: int) -> str:
    """An iteration's number as every view writes it: 1,234."""
    return f"{int(i):,}"


def iteration(i: int) -> UserMessage:
    """"iteration 1,234": the network after 1,234 updates."""
    return UserMessage(ITERATION, i=number(i))


def cost(i: int, c: float) -> UserMessage:
    """"iteration 1,234: cost 0.123456": the cost C of the network at iteration i (the tutorial's
    "Cost after iteration i"), six decimals as the tutorial prints it."""
    return UserMessage(COST, i=number(i), c=f"{c:.6f}")


def stepped_loss(i: int, loss: float) -> UserMessage:
    """Iteration i, applied by hand on one stepped sample: the loss L of that sample, which is
    not the network's cost C."""
    return UserMessage(STEPPED_LOSS, i=number(i), c=f"{loss:.6f}")


def trained(n: int, seconds: float, latest: UserMessage | None) -> UserMessage:
    """"Trained 2,500 iterations in 12.3 s; iteration 2,500: cost 0.088413.": a run's end, with
    the latest cost known (``latest``, e.g. ``cost``) when there is one."""
    return UserMessage(TRAINED[n == 1, latest is not None], n=number(n), s=f"{seconds:.1f}",
                       cost=latest if latest is not None else "")


def of_row(first: int, row: int) -> int:
    """The iteration of row ``row`` of a training record whose first row is iteration
    ``first``."""
    return int(first) + int(row)
