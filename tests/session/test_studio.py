"""The studio without any window: everything a user does, done through its methods."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from shiboken6 import getCppPointer
from scenario import CELL, ITERATIONS, STEP, TWIN_RATE, assert_same_state, state_of
from studio_actions import settle

from bpstudio.core.modelfile import save_model
from bpstudio.core.network import Network


def cpp(widget) -> int:
    """The widget itself, not its Python wrapper (made anew for a widget Python does not hold)."""
    return getCppPointer(widget)[0]


def test_the_tutorial_scenario_through_the_studio_alone(studio, qtbot, cat_data_dir, tmp_path):
    # the widgets there are now: another test's window may still be on its way out
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    widgets = set(map(cpp, QApplication.allWidgets()))
    s = studio()
    said = []
    s.message.connect(said.append)
    assert s.open_dataset(str(cat_data_dir))
    settle(qtbot, s)
    assert s.model.dataset.X_train.shape == (12288, 209)
    assert s.choose_preset("four-layer")
    assert s.model.network.dims == (12288, 20, 7, 5, 1)
    assert s.set_hyper(iterations=ITERATIONS)
    assert s.train()
    settle(qtbot, s)
    assert s.model.network.iterations_trained == ITERATIONS and len(s.model.history) == ITERATIONS
    # the tutorial's published first cost, and the engine's own 100 iterations
    assert f"{s.model.history.costs.view()[0]:.6f}" == "0.771749"
    fresh = Network.create((12288, 20, 7, 5, 1))
    X, Y = s.model.dataset.X_train, s.model.dataset.Y_train
    for _ in range(ITERATIONS):
        fresh.iteration(X, Y, 0.0075)
    assert all(np.array_equal(a, b) for a, b in zip(fresh.weights, s.model.network.weights))
    s.set_step_mode("batch")
    assert s.step_to(*STEP)
    step = s.stepper.current_step()
    assert (step.equation.key, step.layer, step.result.name) == ("2a", 3, "dA[3]")
    assert step.result.shape == (5, 209)
    assert not s.step_to("2a", 4)  # 等式2 passes the error back to hidden layers only
    s.explain_cell(*CELL)
    assert s.explain.explanation.value == step.result.value[CELL[1], CELL[2]]
    twin = s.fork_twin(learning_rate=TWIN_RATE)
    assert twin is not None and twin.model.hyper.learning_rate == TWIN_RATE
    path = str(tmp_path / "scenario.bpstudio")
    assert s.save_session(path)
    assert [w for w in QApplication.allWidgets() if cpp(w) not in widgets] == []  # none was made
    again = studio()
    assert again.open_session(path)
    settle(qtbot, again)
    assert_same_state(state_of(again), state_of(s), explained=False)  # a session keeps no cell
    assert "Saved scenario.bpstudio." in said


def test_train_to_an_iteration_and_present_a_stage(studio, qtbot):
    s = studio()
    assert s.train_to(30)
    settle(qtbot, s)
    assert s.model.network.iterations_trained == 30
    assert not s.train_to(30)  # there already
    s.move_time_cursor(10)
    qtbot.waitUntil(lambda: s.model.shown.network.iterations_trained == 10)
    assert s.timeline.iteration == 10
    s.back_to_now()
    qtbot.waitUntil(lambda: s.model.shown.network is s.model.network)
    assert s.present("training") and s.presentation.presenting
    assert s.presentation.stage == "training"
    assert not s.present("nowhere") and s.presentation.stage == "training"
    s.stop_presenting()
    assert not s.presentation.presenting


def test_layers_are_set_at_once_and_a_wrong_one_is_said(studio, qtbot):
    s = studio()
    said = []
    s.message.connect(said.append)
    assert s.set_layers([4, 3, 1])
    assert s.model.network.dims == (3, 4, 3, 1)
    assert s.model.network.activations == ("sigmoid", "sigmoid", "sigmoid")  # like the last hidden
    assert s.set_activation(2, "relu") and s.model.network.activations[1] == "relu"
    assert not s.set_layers([0, 1])
    assert said and "1 to 512 neurons" in said[-1]
    s.undo()
    assert s.model.network.activations == ("sigmoid", "sigmoid", "sigmoid")


def test_a_step_that_this_network_lacks_is_refused(studio):
    s = studio()  # the tutorial's 3–2–1 net: layers 1 and 2
    assert s.step_to("z", 2)
    assert s.stepper.current_step().result.name == "z[2]"
    assert s.step_to("1b")
    assert s.stepper.current_step().equation.key.startswith("1b")
    assert not s.step_to("2a", 2)  # 等式2 gives hidden layers their error; layer 2 is the output
    assert not s.step_to("nothing", 1)


def test_every_opened_file_that_would_replace_the_run_asks_first(studio, qtbot, tmp_path):
    """Data (a CSV, a folder, the cat data, a drop), a model, a session: ``may_replace`` is asked
    before anything is read, with what would replace the run; False keeps everything."""
    s = studio()
    assert s.use_builtin("moons")
    settle(qtbot, s)
    session, model = tmp_path / "moons.bpstudio", tmp_path / "moons.npz"
    assert s.save_session(str(session))
    save_model(str(model), s.model.network, input_shape=(2,), class_names=("0", "1"))
    csv = tmp_path / "plane.csv"
    csv.write_text("x1,x2,label\n" + "".join(f"{k / 10},{1 - k / 10},{k % 2}\n" for k in range(20)))
    asked: list[str] = []
    s.may_replace = lambda what: bool(asked.append(what))  # the user keeps the session
    network, data = s.model.network, s.model.dataset
    assert not s.open_csv(str(csv))
    assert not s.open_image_folder(str(tmp_path))
    assert not s.open_dataset(str(tmp_path / "train_catvnoncat.h5"))
    assert not s.open_model(str(model))
    assert not s.open_session(str(session))
    s.open(str(csv), str(model), str(session))  # dropped together
    settle(qtbot, s)
    assert asked == ["data", "data", "data", "model", "session", "data", "model", "session"]
    assert s.model.network is network and s.model.dataset is data
    s.may_replace = lambda what: True
    assert s.open_csv(str(csv))
    settle(qtbot, s)
    assert s.model.dataset.name == "plane" and s.model.dataset is not data
