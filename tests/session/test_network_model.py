from __future__ import annotations

import numpy as np

from bpstudio.core.trainer import RunState
from bpstudio.session.network_model import MAX_NEURONS, NetworkModel


def test_first_start_is_the_seeds_3_2_1_network_on_built_in_data(qtbot):
    model = NetworkModel()
    assert model.network.dims == (3, 2, 1)
    assert model.dataset.name == "three-features"


def test_changing_a_layer_reinitialises_and_undo_brings_trained_parameters_back(qtbot):
    model = NetworkModel()
    X, Y = model.dataset.X_train, model.dataset.Y_train
    for _ in range(50):
        model.network.iteration(X, Y, 0.5)
    trained = [W.copy() for W in model.network.weights]
    with qtbot.waitSignal(model.architecture_changed):
        assert model.set_layer_size(1, 5)
    assert model.network.dims == (3, 5, 1)
    model.undo_stack.undo()
    assert model.network.dims == (3, 2, 1)
    for W, T in zip(model.network.weights, trained):
        np.testing.assert_array_equal(W, T)
    model.undo_stack.redo()
    assert model.network.dims == (3, 5, 1)


def test_out_of_range_sizes_are_refused_with_a_message(qtbot):
    model = NetworkModel()
    with qtbot.waitSignal(model.error_reported) as blocker:
        assert not model.set_layer_size(1, MAX_NEURONS + 1)
    assert f"1 to {MAX_NEURONS} neurons" in blocker.args[0]
    with qtbot.waitSignal(model.error_reported):
        assert not model.set_layer_size(1, 0)
    assert model.network.dims == (3, 2, 1)


def test_bad_hyper_parameters_are_refused(qtbot):
    model = NetworkModel()
    for bad in (dict(learning_rate=0.0), dict(learning_rate=float("nan")), dict(iterations=0),
                dict(batch_size=10_000)):
        with qtbot.waitSignal(model.error_reported):
            assert not model.set_hyper(**bad)
    assert model.hyper.learning_rate == 0.5 and model.hyper.iterations == 1000


def test_a_broken_data_file_keeps_the_previous_data(qtbot, tmp_path):
    model = NetworkModel()
    bad = tmp_path / "train_catvnoncat.h5"
    bad.write_text("nope")
    with qtbot.waitSignal(model.error_reported) as blocker:  # read on a thread: said when found
        assert model.data.open_dataset(str(bad))
    assert "train_catvnoncat.h5: not an HDF5 file" in blocker.args[0]
    assert model.dataset.name == "three-features" and model.network.dims == (3, 2, 1)


def test_cat_presets_need_the_cat_data(qtbot, cat_data_dir):
    model = NetworkModel()
    assert not model.preset_available("four-layer")
    with qtbot.waitSignal(model.error_reported):
        assert not model.apply_preset("four-layer")
    assert model.data.open_dataset(str(cat_data_dir))
    model.loader.wait()  # read on a thread
    assert model.preset_available("four-layer")
    assert model.apply_preset("four-layer")
    assert model.network.dims == (12288, 20, 7, 5, 1)
    assert model.network.activations == ("relu", "relu", "relu", "sigmoid")
    assert model.hyper.learning_rate == 0.0075 and model.hyper.iterations == 2500
    assert model.apply_preset("seed-3-2-1")  # brings its own data back
    assert model.dataset.name == "three-features" and model.network.dims == (3, 2, 1)


def refused(qtbot, model, call, words):
    with qtbot.waitSignal(model.error_reported, timeout=10_000) as blocker:
        assert call() is False
    assert words in blocker.args[0]


def test_values_the_engine_cannot_run_are_refused_with_a_message(qtbot):
    model = NetworkModel()
    before = (model.network.dims, model.network.precision, model.network.loss, model.hyper)
    refused(qtbot, model, lambda: model.set_hyper(learning_rate=0.0), "learning rate")
    refused(qtbot, model, lambda: model.set_hyper(learning_rate=float("nan")), "learning rate")
    refused(qtbot, model, lambda: model.set_hyper(learning_rate=1e6), "at most 10")
    refused(qtbot, model, lambda: model.set_hyper(iterations=0), "a whole number from 1 to 10,000,000, not 0")
    refused(qtbot, model, lambda: model.set_hyper(batch_size=10**6), "batch size")
    refused(qtbot, model, lambda: model.set_layer_size(1, -3), "1 to 512")
    refused(qtbot, model, lambda: model.add_hidden_layer(MAX_NEURONS + 1), "1 to 512")
    refused(qtbot, model, lambda: model.set_network_option(precision="float16"), "float16")
    refused(qtbot, model, lambda: model.set_network_option(loss="nonsense"), "nonsense")
    assert (model.network.dims, model.network.precision, model.network.loss, model.hyper) == before


def test_nothing_replaces_the_network_while_a_run_owns_it(qtbot):
    model = NetworkModel()
    assert model.set_layer_size(1, 4)
    model.set_run_state(RunState.RUNNING)  # what the training session sets while its child trains
    net = model.network
    refused(qtbot, model, lambda: model.undo(), "Stop training")
    refused(qtbot, model, lambda: model.set_network_option(precision="float32"), "Stop training")
    refused(qtbot, model, lambda: model.set_activation(1, "tanh"), "Stop training")
    refused(qtbot, model, lambda: model.data.use_builtin("xor"), "Stop training")
    assert model.network is net and model.undo_stack.can_undo()
    model.set_run_state(RunState.IDLE)
    assert model.undo() and model.network.dims == (3, 2, 1)
    assert model.redo() and model.network.dims == (3, 4, 1)


def test_the_current_sample_is_named_with_its_label_as_the_tutorial_writes_it(qtbot, cat_data_dir):
    model = NetworkModel()
    y = int(model.dataset.Y_train[0, 0])
    assert model.sample.name() == f"#1 of the training set (y = {y})"  # classes named 0 and 1
    assert model.data.open_dataset(str(cat_data_dir))
    model.loader.wait()
    cats = np.flatnonzero(model.dataset.Y_train[0] == 1)
    model.sample.choose(int(cats[0]))
    assert model.sample.name() == f"#{cats[0] + 1} of the training set (y = 1, cat)"
