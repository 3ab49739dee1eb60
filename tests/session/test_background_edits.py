"""Costly networks (a 512-wide first layer on 64×64 images: 6.3 million weights) are drawn and
stepped on a thread, so the window goes on; what lands is exactly what the GUI thread would have
computed, and nothing else may change the network while it is on its way."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from posted_events import threads_ended

from bpstudio.core.network import Network
from bpstudio.core.stepper import Stepper
from bpstudio.core.trainer import RunState
from bpstudio.session.network_model import COSTLY_WEIGHTS, NetworkModel
from bpstudio.session.stepper_model import StepperModel
from bpstudio.session.training import TrainingSession


@pytest.fixture
def model(qtbot, cat_files, tmp_path):
    cat_files(tmp_path / "cats", m_train=6, m_test=4, size=64)
    m = NetworkModel()
    assert m.data.open_dataset(str(tmp_path / "cats"))
    m.loader.wait()  # read on a thread
    assert m.network.dims == (12288, 20, 7, 5, 1) and not m.building  # the seed's: small enough
    return m


@pytest.fixture
def threads_used(monkeypatch):
    """The threads Network.create and Stepper ran on."""
    used = []
    create, post_init = Network.create.__func__, Stepper.__post_init__

    def recording_create(cls, *args, **kwargs):
        used.append(("create", threading.current_thread()))
        return create(cls, *args, **kwargs)

    def recording_post_init(self):
        used.append(("stepper", threading.current_thread()))
        post_init(self)

    monkeypatch.setattr(Network, "create", classmethod(recording_create))
    monkeypatch.setattr(Stepper, "__post_init__", recording_post_init)
    return used


def test_a_costly_edit_is_drawn_on_a_thread_and_lands_as_one_undoable_edit(model, qtbot,
                                                                            threads_used):
    before = model.network
    building = []
    model.building_changed.connect(building.append)
    assert 12288 * 512 > COSTLY_WEIGHTS
    assert model.set_layer_size(1, 512)
    assert model.building and model.network is before  # on its way, not there yet
    with qtbot.waitSignal(model.architecture_changed, timeout=10_000):
        pass
    assert not model.building and building == [True, False]
    assert model.network.dims == (12288, 512, 7, 5, 1)
    assert threads_used[-1][1] is not threading.main_thread()
    # the same numbers as drawing it here: the seeded stream, layer by layer
    here = Network.create((12288, 512, 7, 5, 1), model.network.activations)
    for a, b in zip(model.network.weights, here.weights):
        np.testing.assert_array_equal(a, b)
    assert model.undo()
    assert model.network is before


def test_while_it_is_drawn_other_edits_undo_and_training_are_refused_with_a_message(model, qtbot):
    training = TrainingSession(model)
    assert model.set_layer_size(1, 512)
    said = []
    model.error_reported.connect(said.append)
    training.message.connect(said.append)
    assert not model.set_layer_size(2, 3)
    assert not model.undo()
    assert not training.start() and not training.step_once()
    assert training.state is RunState.IDLE
    assert len(said) == 4 and all("still being drawn" in text for text in said)
    qtbot.waitUntil(lambda: not model.building, timeout=10_000)
    assert model.network.dims == (12288, 512, 7, 5, 1)  # the refused edit left no trace
    assert model.set_layer_size(2, 3)  # and afterwards edits go on as usual
    qtbot.waitUntil(lambda: model.network.dims == (12288, 512, 3, 5, 1), timeout=10_000)


def test_opening_a_session_meanwhile_drops_the_network_on_its_way(model, qtbot):
    assert model.set_layer_size(1, 512)
    small = Network.create((12288, 2, 1))
    model.restore(model.dataset, small, model.history.__class__(small.L), model.hyper)
    assert not model.building
    threads_ended(qtbot, "bpstudio-network-build")  # its result, had it landed, would be here
    assert model.network is small


def test_stepping_a_costly_network_lays_out_on_a_thread_then_takes_the_step(model, qtbot,
                                                                           threads_used):
    assert model.set_layer_size(1, 512)
    qtbot.waitUntil(lambda: not model.building, timeout=10_000)
    stepper = StepperModel(model)
    assert stepper.costly and not stepper.laid_out
    start = [W.copy() for W in model.network.weights]
    stepper.next()
    assert stepper.laying_out and stepper.current_step() is None
    stepper.next()  # pressed again while it lays out: both moves are taken
    qtbot.waitUntil(lambda: stepper.current_step() is not None, timeout=10_000)
    assert not stepper.laying_out
    assert [w for w, t in threads_used if t is not threading.main_thread()] == ["create", "stepper"]
    assert stepper.stepper.position == 2
    # the same iteration as laying it out here
    here = Stepper(Network(model.network.dims, model.network.activations, start,
                           [np.zeros((n, 1)) for n in model.network.dims[1:]]),
                   model.sample.x(), np.array([[model.sample.label()]]), model.hyper.learning_rate)
    stepper.run_to_end()
    here.go(len(here.steps))
    for a, b in zip(stepper.preview()[0], here.parameters()[0]):
        np.testing.assert_array_equal(a, b)
    for a, b in zip(model.network.weights, start):  # stepping alone changes nothing
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("change", ["sample", "learning rate"])
def test_a_layout_under_way_is_dropped_when_its_sample_or_learning_rate_changes(model, qtbot,
                                                                             change):
    assert model.set_layer_size(1, 512)
    qtbot.waitUntil(lambda: not model.building, timeout=10_000)
    stepper = StepperModel(model)
    stepper.next()
    assert stepper.laying_out
    if change == "sample":
        model.sample.choose(3)
    else:
        assert model.set_hyper(learning_rate=0.5)
    assert not stepper.laying_out
    threads_ended(qtbot, "bpstudio-stepper-layout")  # the dropped layout would have landed by now
    assert not stepper.laid_out and stepper.current_step() is None
    stepper.next()  # the next press lays out the iteration of the new sample or rate
    qtbot.waitUntil(lambda: stepper.current_step() is not None, timeout=10_000)
    assert stepper.stepper.learning_rate == model.hyper.learning_rate
    np.testing.assert_array_equal(stepper.stepper.X, model.sample.x())


@pytest.mark.parametrize("option", [dict(init="nonsense"), dict(loss="nonsense"),
                                    dict(precision="float16")])
def test_a_bad_value_for_a_costly_network_is_refused_at_once_not_on_the_thread(model, qtbot,
                                                                             option):
    assert model.set_layer_size(1, 512)
    qtbot.waitUntil(lambda: not model.building, timeout=10_000)
    before = model.network
    with qtbot.waitSignal(model.error_reported, timeout=10_000):
        assert model.set_network_option(**option) is False
    assert not model.building and model.network is before


def test_a_build_that_fails_unexpectedly_says_so_and_leaves_nothing_stuck(model, qtbot,
                                                                         monkeypatch):
    def out_of_memory(*args, **kwargs):
        raise MemoryError("cannot allocate 50 MB")

    monkeypatch.setattr(Network, "create", out_of_memory)
    before = model.network
    building = []
    model.building_changed.connect(building.append)
    assert model.set_layer_size(1, 512)
    with qtbot.waitSignal(model.error_reported, timeout=10_000) as said:
        pass
    assert "could not be built" in said.args[0] and "MemoryError" in said.args[0]
    assert building == [True, False] and not model.building and model.network is before


def test_a_learning_rate_typed_while_the_network_is_drawn_stays(model, qtbot):
    assert model.set_layer_size(1, 512)
    assert model.set_hyper(learning_rate=0.123)
    qtbot.waitUntil(lambda: not model.building, timeout=10_000)
    assert model.network.dims[1] == 512 and model.hyper.learning_rate == 0.123


def test_back_at_the_start_of_a_costly_iteration_nothing_is_laid_out_and_nothing_sticks(model,
                                                                                       qtbot):
    assert model.set_layer_size(1, 512)
    qtbot.waitUntil(lambda: not model.building, timeout=10_000)
    stepper = StepperModel(model)
    stepper.previous()  # nothing stepped: nothing to lay out
    assert not stepper.laying_out and not stepper.laid_out
    stepper.next()
    stepper.previous()  # replayed: step 1, then back to the start
    with qtbot.waitSignal(stepper.step_changed, timeout=10_000):
        qtbot.waitUntil(lambda: not stepper.laying_out, timeout=10_000)
    assert stepper.laid_out and stepper.stepper.position == 0 and stepper.current_step() is None


def test_what_waits_for_a_layout_that_fails_is_told_why(model, qtbot, monkeypatch):
    """An export waits for the iteration (when_laid_out): a layout that runs out of memory, or
    is dropped because the sample changed, says so to the waiting instead of leaving it waiting
    for ever; what asked for no word is left as before."""
    from bpstudio.session import stepper_model

    assert model.set_layer_size(1, 512)
    qtbot.waitUntil(lambda: not model.building, timeout=10_000)
    stepper = StepperModel(model)
    told, done = [], []
    stepper.when_laid_out(lambda: done.append(1), told.append)
    stepper.when_laid_out(lambda: done.append(2))  # (the diagram's: no word wanted)
    assert stepper.laying_out
    model.sample.choose(3)  # dropped
    assert [str(e) for e in told] == ["the network, its data, the sample or the run changed "
                                      "before the iteration was laid out"]
    threads_ended(qtbot, "bpstudio-stepper-layout")

    def out_of_memory(*args):
        raise MemoryError

    monkeypatch.setattr(stepper_model, "Stepper", out_of_memory)
    told.clear()
    stepper.when_laid_out(lambda: done.append(3), told.append)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert [str(e) for e in told] == ["the iteration could not be laid out: out of memory"]
    assert not stepper.laying_out and done == []
