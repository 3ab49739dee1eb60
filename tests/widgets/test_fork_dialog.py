"""The fork dialog on a bare studio (no window): it starts from the run's own settings, says only
what the user changed, and those changes make the twin."""

from __future__ import annotations

from dataclasses import replace

import pytest
from headless import headless, same

from bpstudio.core.trainer import RunState
from bpstudio.session.studio import Studio
from bpstudio.widgets.twin_views import ForkDialog


@pytest.fixture
def moons(qtbot):
    s = Studio()
    assert s.choose_preset("plane-moons") and s.set_hyper(iterations=600)
    s.set_pace(None)  # as fast as it goes (the twin goes at its pace): the same numbers
    yield s
    s.shut_down()


def test_the_fork_dialog_says_only_what_changes(moons, qtbot):
    s = moons
    start = s.model.network.copy()
    dialog = ForkDialog(s.model, can_use_cursor=False)
    qtbot.addWidget(dialog)
    assert dialog.changes() == {}  # the run's own settings to start with
    assert not dialog.from_cursor.isEnabled()
    dialog.rate.setValue(0.25)
    dialog.activation.setCurrentText("relu")
    dialog.batch.setValue(50)
    assert dialog.changes() == {"learning_rate": 0.25, "activations": ("relu", "sigmoid"),
                                "batch_size": 50}
    twin = s.fork_twin(**dialog.changes())
    assert twin.name == "B: α 0.25, relu, m = 50"  # in symbols: a session keeps the name
    assert twin.model.network.activations == ("relu", "sigmoid")
    assert twin.model.hyper.batch_size == 50 and twin.model.hyper.learning_rate == 0.25
    with qtbot.waitSignal(twin.training.state_changed, check_params_cb=lambda s: s is RunState.IDLE,
                          timeout=60_000):
        assert twin.training.start()  # mini-batches of 50, from the same initial weights
    relu = replace(start.copy(), activations=("relu", "sigmoid"))
    fresh = headless(relu, s.model.dataset.X_train, s.model.dataset.Y_train, twin.model.hyper)
    assert same(twin.model.network.weights, fresh(600).weights)
