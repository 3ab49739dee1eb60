"""How fast a run goes by default: the 2-D playground slowly enough for a class to watch, any
other data (the cat pictures) as fast as it goes; a speed the user chooses stays, and twin runs go
at the window's run's (the mechanism only: the pace the training is told, never a clock)."""

from __future__ import annotations

import pytest

from studio_actions import settle, wait_idle
from bpstudio.core.trainer import RunState
from bpstudio.session import training as training_module
from bpstudio.session.pace import PACES, WATCH_SECONDS, watching_pace


@pytest.fixture
def told(monkeypatch):
    """The options every run of this test was started with (what the child is told)."""
    options = []
    real = training_module.TrainerOptions
    monkeypatch.setattr(training_module, "TrainerOptions",
                        lambda **o: options.append(o) or real(**o))
    return options


def start_and_stop(qtbot, s):
    with qtbot.waitSignal(s.training.state_changed, check_params_cb=lambda st: st is RunState.RUNNING):
        assert s.train()
    s.stop()
    wait_idle(qtbot, s.training)


@pytest.mark.parametrize("preset,iterations", [("plane-xor", 300), ("plane-spiral", 5000),
                                               ("plane-moons", 2000)])
def test_a_playground_run_goes_at_a_pace_a_class_can_watch(studio, qtbot, told, preset,
                                                           iterations):
    s = studio(full_speed=False)
    assert s.training.pace is None  # the first start's three features: as fast as it goes
    assert s.choose_preset(preset)
    settle(qtbot, s)
    pace = s.training.pace
    assert pace in PACES and pace == watching_pace(iterations) and not s.training.stepwise
    assert 3 <= iterations / pace <= WATCH_SECONDS  # a few seconds of run to watch
    start_and_stop(qtbot, s)
    assert told[-1]["pace"] == pace and not told[-1]["stepwise"]


def test_the_cat_data_trains_at_full_speed_and_a_chosen_speed_stays(studio, qtbot, told,
                                                                    tmp_path, cat_files):
    s = studio(full_speed=False)
    assert s.choose_preset("plane-xor")
    settle(qtbot, s)
    cat_files(tmp_path / "cats")
    assert s.open_dataset(str(tmp_path / "cats"))
    settle(qtbot, s)
    assert s.model.dataset.plane is None and s.training.pace is None
    start_and_stop(qtbot, s)
    assert told[-1]["pace"] is None
    s.set_pace(30.0)  # the user's choice: whatever data comes next
    assert s.choose_preset("plane-spiral")
    settle(qtbot, s)
    assert s.training.pace == 30.0
    s.set_pace(None)  # Full speed: the playground too
    assert s.choose_preset("plane-xor")
    settle(qtbot, s)
    assert s.training.pace is None
    start_and_stop(qtbot, s)
    assert told[-1]["pace"] is None


def test_twin_runs_go_at_the_windows_pace(studio, qtbot):
    s = studio(full_speed=False)
    assert s.choose_preset("plane-xor")
    settle(qtbot, s)
    twin = s.fork_twin(learning_rate=0.1)
    assert twin.training.pace == s.training.pace == watching_pace(300)
    s.set_pace(None)
    assert twin.training.pace is None
    s.set_pace(0.0, stepwise=True)  # one at a time: the window's run only (Next acts on it)
    assert twin.training.pace == 0.0 and not twin.training.stepwise
