"""A model on its own classifies: dropped on a fresh window with no data, then photos after it."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpstudio.core.modelfile import save_model
from bpstudio.core.network import Network
from bpstudio.core.trainer import HyperParameters, RunState, Trainer
from file_drops import drop, photo, wait_results


@pytest.fixture(scope="module")
def cat_model(tmp_path_factory, cat_data):
    """A small cat network trained a little, saved as `bpstudio train --save` saves it."""
    net = Network.create([12288, 7, 1], seed=2)
    list(Trainer(net, cat_data.X_train, cat_data.Y_train, HyperParameters(0.0075, 60)).run())
    path = tmp_path_factory.mktemp("model") / "cat.npz"
    save_model(path, net, input_shape=cat_data.input_shape, class_names=cat_data.classes)
    return path


def test_a_dropped_model_then_dropped_photos_give_the_command_lines_probabilities(
        make_window, qtbot, tmp_path, cat_model):
    w = make_window()
    assert w.studio.model.dataset.n_features == 3  # the first start's built-in set: no pictures
    drop(w, [cat_model])
    w.studio.model.loader.wait()  # read on a thread
    assert w.studio.model.network.dims == (12288, 7, 1)
    said = w.statusBar().currentMessage()
    assert said.startswith("model cat.npz takes 64×64×3 pictures: drop pictures to classify them")
    assert "open matching data first" not in said
    assert w.editor.data_label.text().startswith("No data: the model cat.npz takes 64×64×3 images "
                                                 "(non-cat / cat)")
    paths = [tmp_path / "wide.png", tmp_path / "tall.jpg"]
    assert photo(160, 90, seed=1).save(str(paths[0])) and photo(70, 120, seed=2).save(str(paths[1]))
    drop(w, paths)
    wait_results(qtbot, w, 2)
    cli = subprocess.run([sys.executable, "-m", "bpstudio", "classify", "--model", str(cat_model),
                          *map(str, paths), "--json"], capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    expected = json.loads(cli.stdout)
    got = [r.probability for r in w.studio.classify.results]
    np.testing.assert_allclose(got, [e["probability"] for e in expected], rtol=0, atol=1e-6)
    texts = w.gallery.result_texts()
    for text, e in zip(texts, expected):  # the model's own class names
        assert text.endswith(f"{e['probability']:.2f} {e['label']}")
    assert w.gallery.messages.text() == ""  # nothing refused, nothing to say


def test_training_a_model_without_data_says_why_and_the_data_makes_it_train(
        make_window, qtbot, cat_model, cat_data_dir):
    w = make_window()
    assert w.studio.classify.open_model(str(cat_model))
    w.studio.model.loader.wait()
    assert w.training_panel.status.text() == ""  # nothing said about training until it is tried
    qtbot.mouseClick(w.training_panel.train_button, Qt.MouseButton.LeftButton)
    assert w.studio.training.state is RunState.IDLE
    assert w.training_panel.status.text() == (
        "Training needs data: cat.npz was opened without any. Open a data set with 64×64×3 "
        "inputs (File → Open data set…), then train.")
    qtbot.mouseClick(w.training_panel.step_button, Qt.MouseButton.LeftButton)
    assert w.studio.model.network.iterations_trained == 60  # One iteration is refused the same way
    trained = w.studio.model.network
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()
    assert w.studio.model.network is trained  # the matching data keeps the model
    with qtbot.waitSignal(w.studio.training.state_changed, timeout=60_000,
                          check_params_cb=lambda state: state is RunState.IDLE):
        qtbot.mouseClick(w.training_panel.step_button, Qt.MouseButton.LeftButton)  # in the child
    assert w.studio.model.network.iterations_trained == 61


def test_the_stepper_and_the_test_gallery_without_data(make_window, qtbot, cat_model):
    w = make_window()
    assert w.studio.classify.open_model(str(cat_model))
    w.studio.model.loader.wait()
    assert w.diagram.legend_texts()[2].endswith("current sample: none yet (no data: drop a picture)")
    w.studio.stepper.set_mode("batch")  # no batch to step: the forward pass of the one input
    w.studio.stepper.run_to_end()
    assert w.studio.stepper.stepper.finished and not w.studio.stepper.applicable
    w.gallery_dock.raise_()
    w.gallery.tabs.setCurrentIndex(1)
    assert w.gallery.test_summary.text() == "No test set: the model was opened without data."
    assert w.gallery.test_list.count() == 0


def test_a_session_of_a_model_without_data_opens_again(make_window, qtbot, tmp_path, cat_model):
    w = make_window()
    assert w.studio.classify.open_model(str(cat_model))
    w.studio.model.loader.wait()
    path = tmp_path / "model-only.bpstudio"
    assert w.studio.store.save(str(path))
    other = make_window()
    assert other.files.open_session(str(path))
    other.studio.model.loader.wait()
    assert other.statusBar().currentMessage() == "Opened model-only.bpstudio."
    ds = other.studio.model.dataset
    assert (ds.name, ds.input_shape, ds.classes, ds.has_samples) == (
        "cat.npz", (64, 64, 3), ("non-cat", "cat"), False)
    np.testing.assert_array_equal(other.studio.model.network.weights[0], w.studio.model.network.weights[0])


def test_a_model_of_plain_numbers_never_classifies_the_gallerys_pictures(
        make_window, qtbot, tmp_path, cat_files):
    """Pictures of 4×4×3 are 48 numbers; a model of 48 plain inputs is not a picture model:
    the gallery says its pictures are not classified rather than show its numbers."""
    cat_files(tmp_path / "cats")  # 4×4 pictures
    w = make_window()
    assert w.files.open_dataset(str(tmp_path / "cats"))
    w.studio.model.loader.wait()
    assert photo(40, 30).save(str(tmp_path / "p.png"))
    drop(w, [tmp_path / "p.png"])
    wait_results(qtbot, w, 1)
    for inputs in (5, 48):
        save_model(tmp_path / f"plain{inputs}.npz", Network.create([inputs, 3, 1], seed=inputs))
        drop(w, [tmp_path / f"plain{inputs}.npz"])
        w.studio.model.loader.wait()
        assert w.studio.model.dataset.input_shape == (inputs,)
        qtbot.waitUntil(lambda: not w.studio.classify.predictions.pending)
        assert w.gallery.result_texts() == ["p.png: –"], inputs
