"""The suite's replay of a run its training process has computed before (tests/replayed_runs.py,
the ``replayed_runs`` fixture, for the lessons that train the cat network again and again): a run
sent to its process exactly as one before it ends as that one did, the same records and the same
network, without training; a run that differs in anything it is sent trains for itself."""

from __future__ import annotations

import numpy as np
import replayed_runs as replay
from studio_actions import train

ITERATIONS = 237  # a run no other test of the suite keeps


def test_a_run_sent_again_ends_as_the_first_did_and_another_run_trains(studio, qtbot,
                                                                         replayed_runs,
                                                                         monkeypatch):
    replayed: list[int] = []
    feed = replay._feed
    monkeypatch.setattr(replay, "_feed", lambda write, reports: (replayed.append(len(reports)),
                                                                 feed(write, reports)))
    first = studio()
    train(qtbot, first, ITERATIONS)
    assert replayed == []  # trained, and kept
    again = studio()
    train(qtbot, again, ITERATIONS)
    assert len(replayed) == 1 and replayed[0] > 1  # its reports, the Done among them
    for a, b in ((first.model, again.model),):
        assert np.array_equal(a.history.costs.view(), b.history.costs.view())
        assert len(a.history) == len(b.history) == ITERATIONS
        assert all(np.array_equal(x, y) for x, y in zip(a.network.weights, b.network.weights))
        assert b.network.iterations_trained == ITERATIONS
    other = studio()
    assert other.set_hyper(learning_rate=0.25)
    train(qtbot, other, ITERATIONS)
    assert len(replayed) == 1  # another α: trained for itself
    assert not np.array_equal(other.model.history.costs.view(), first.model.history.costs.view())
