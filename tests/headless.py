"""A run trained headless beside the one under test, and what the tests compare it with: the
tests of time travel and twin runs (tests/session and tests/app) read every iteration of it."""

from __future__ import annotations

import numpy as np

from bpstudio.core.network import Network
from bpstudio.core.trainer import Trainer


def headless(net0: Network, X, Y, hyper):
    """The parameters of a headless run at every iteration: iteration i → the network then."""
    net0 = net0.copy()
    trainer = Trainer(net0.copy(), X, Y, hyper, keyframe_every=1, report_every=10**9)
    frames = {k.iteration: k for record in trainer.run() for k in record.keyframes}

    def at(i: int) -> Network:
        k = frames[i]
        return Network(net0.dims, net0.activations, list(k.weights), list(k.biases),
                       loss=net0.loss, init=net0.init, seed=net0.seed,
                       iterations_trained=net0.iterations_trained + i,
                       precision=net0.precision)
    return at


def go_to(qtbot, timeline, i: int | None) -> None:
    """The time cursor to iteration ``i`` (None: now), once the views may show it."""
    with qtbot.waitSignal(timeline.shown):
        timeline.set_cursor(i)


def same(a, b) -> bool:
    return all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
