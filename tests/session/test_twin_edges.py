"""Twin runs at their edges: the "one at a time" pace, a change of the playground's data, a fork
from a past iteration saved and reopened, twins restored from the autosave (the twins' main
behaviour: tests/session/test_runs.py)."""

from __future__ import annotations

from studio_actions import messages, settle, train, wait_idle

from bpstudio.core.trainer import RunState


def moons_and_twin_trained(studio, qtbot, iterations: int):
    """A studio on the two moons with a twin (α 0.1), both runs trained ``iterations``."""
    s = studio()
    assert s.choose_preset("plane-moons")
    settle(qtbot, s)
    assert s.set_hyper(iterations=iterations)
    twin = s.fork_twin(learning_rate=0.1)
    assert s.train_every_run()
    settle(qtbot, s)
    assert twin.model.network.iterations_trained == s.model.network.iterations_trained == iterations
    return s, twin


def test_one_at_a_time_pauses_the_windows_run_only_and_every_run_ends(studio, qtbot, monkeypatch):
    """Train every run at once with the pace "one at a time": the window's run waits for Next
    iteration (its buttons act on it alone); a twin goes on to its end, or it would stay paused
    for ever and every run with it (no comparison, no fork, no data change)."""
    import bpstudio.session.runs as runs_module
    monkeypatch.setattr(runs_module, "cores", lambda: 2)
    s = studio()
    assert s.choose_preset("plane-xor")
    settle(qtbot, s)
    assert s.set_hyper(iterations=40)
    twin = s.fork_twin(learning_rate=0.1)
    s.set_pace(0.0, stepwise=True)
    assert s.train_every_run()
    wait_idle(qtbot, twin.training, timeout=30_000)
    assert twin.model.network.iterations_trained == 40
    qtbot.waitUntil(lambda: s.training.state is RunState.PAUSED, timeout=30_000)
    assert s.model.network.iterations_trained < 40  # the window's run waits, one at a time
    s.stop()
    wait_idle(qtbot, s.training)
    assert not s.runs.training_any


def test_a_twin_forked_from_a_past_iteration_ends_where_it_did_after_reopening(studio, qtbot,
                                                                               tmp_path):
    """Forked at 100 of 600: it ends at 600, and still does once saved and opened again (its
    hyper-parameters' iterations are only the 500 left); a file from before still opens."""
    from bpstudio.core.sessionfile import load_session, save_session

    s = studio()
    assert s.choose_preset("plane-moons")
    train(qtbot, s, 600)
    s.move_time_cursor(100)
    settle(qtbot, s)
    twin = s.fork_twin(from_cursor=True, learning_rate=0.1)
    s.back_to_now()
    settle(qtbot, s)
    assert twin.end == 600
    path = str(tmp_path / "fork.bpstudio")
    assert s.save_session(path)
    settle(qtbot, s)
    other = studio()
    assert other.open_session(path)
    qtbot.waitUntil(lambda: len(other.runs.twins) == 1, timeout=20_000)
    settle(qtbot, other)
    back = other.runs.twins[0]
    assert back.end == 600
    assert other.train_every_run()
    settle(qtbot, other)
    assert back.model.network.iterations_trained == 600
    # a session file from before twins kept their end: it opens (its end counted as before)
    meta, arrays = load_session(path)
    del meta["runs"][0]["end"]
    save_session(path, meta, arrays)
    old = studio()
    assert old.open_session(path)
    qtbot.waitUntil(lambda: len(old.runs.twins) == 1, timeout=20_000)
    settle(qtbot, old)
    assert old.runs.twins[0].model.network.iterations_trained == 100  # as it was saved


def test_twins_restored_from_the_autosave_are_unsaved_training(studio, qtbot):
    """What a twin trained before the crash is unsaved training once restored (closing asks, a
    clean exit would remove the autosave), as the window's run's iterations are."""
    s, twin = moons_and_twin_trained(studio, qtbot, 50)
    s.store.wait_for_autosave()
    assert s.store.autosave()
    s.store.wait_for_autosave()
    other = studio()
    assert other.store.restore_autosave()
    qtbot.waitUntil(lambda: len(other.runs.twins) == 1, timeout=20_000)
    settle(qtbot, other)
    assert other.store.unsaved_iterations()[1] == 50
    assert other.has_unsaved_training


def test_twins_go_on_with_new_noise_and_go_when_the_inputs_change(studio, qtbot):
    """A twin is a run of the window's network on the window's data: a new noise keeps it (on the
    new points), undo and redo too; other features ask first, then remove it, saying what
    changed (the data set's name is the same)."""
    s, twin = moons_and_twin_trained(studio, qtbot, 30)
    said = messages(s)
    before = s.model.dataset
    assert s.set_plane(noise=0.3)
    settle(qtbot, s)
    assert s.runs.twins == [twin] and twin.model.dataset is s.model.dataset is not before
    assert twin.model.network.iterations_trained == 30  # its training kept
    assert s.undo()
    settle(qtbot, s)
    assert s.runs.twins == [twin] and twin.model.dataset is s.model.dataset is before
    assert s.redo()
    settle(qtbot, s)
    assert s.runs.twins == [twin] and twin.model.dataset is s.model.dataset
    assert not said
    # other features: the window's network gets other inputs, the twin cannot follow; asked first
    asked: list[str] = []
    s.may_replace = lambda what: asked.append(what) or False
    data = s.model.dataset
    assert not s.set_plane(features=("x1", "x2", "sin x1"))
    assert asked == ["data"] and s.runs.twins == [twin] and s.model.dataset is data
    s.may_replace = lambda what: True
    assert s.set_plane(features=("x1", "x2", "sin x1"))
    settle(qtbot, s)
    assert not s.runs.twins
    assert said == ["The twin run was removed: its network takes 2 inputs, the data set now has "
                    "3 features."]
