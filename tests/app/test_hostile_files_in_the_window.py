"""Damaged and strange files through the window's own open paths, a drop and the File menu: the
refusal in the status bar (or beside the pictures), nothing on screen changed, and the window
still closes (issue 22; every kind of file, through the studio: tests/session/test_hostile_files.py)."""

from __future__ import annotations

import numpy as np
import pytest
from file_drops import send_file_drop
from hostile_files import cat_pair, fifo, npz_declaring, npz_members
from PySide6.QtWidgets import QFileDialog

from bpstudio.core.modelfile import save_model
from bpstudio.core.network import Network
from bpstudio.core.trainer import RunState


@pytest.fixture
def window(make_window, tmp_path):
    """The window on a small data set of 4×4 RGB images (a network of 48 inputs)."""
    w = make_window()
    assert w.files.open_dataset(str(cat_pair(tmp_path / "good")))
    w.studio.model.loader.wait()
    assert w.studio.model.network.dims[0] == 48
    return w


def dropped(w, *paths) -> str:
    """Drop ``paths`` on the window as a file manager does; the status bar once they are read."""
    assert send_file_drop(w, w.rect().center(), [str(p) for p in paths]) == (True, True)
    w.studio.model.loader.wait()
    return w.statusBar().currentMessage()


def unchanged(w):
    return (w.studio.model.network, w.studio.model.dataset, w.windowTitle(), w.isWindowModified())


def test_a_refused_drop_is_said_in_the_status_bar_and_changes_nothing(window, tmp_path):
    before = unchanged(window)
    path = npz_members(tmp_path / "many.npz", 1001)
    assert dropped(window, path) == "many.npz: 1,001 arrays; a model or session has at most 1000"
    assert unchanged(window) == before


def test_a_file_refused_through_the_file_menu_is_said_the_same_way(window, tmp_path,
                                                                   monkeypatch):
    path = npz_declaring(tmp_path / "declares.npz", (4_500_000_000,))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    before = unchanged(window)
    window.menus.actions["OpenModelAction"].trigger()
    window.studio.model.loader.wait()
    assert window.statusBar().currentMessage() == ("declares.npz: not a model file (.npz), or a "
                                                   "damaged one")
    assert unchanged(window) == before


@pytest.mark.parametrize("name", ["train_catvnoncat.h5", "photo.jpg"])
def test_a_fifo_is_refused_where_it_is_said_and_the_window_closes(window, tmp_path, qtbot, name):
    pipe = fifo(tmp_path / name)
    before = unchanged(window)
    said = dropped(window, pipe)
    if name.endswith(".jpg"):  # pictures are decoded by the gallery's own threads
        qtbot.waitUntil(lambda: "not a regular file" in window.gallery.messages.text())
        said = window.gallery.messages.text()
    assert said == f"{name}: not a regular file (a device, a pipe or a socket); not read"
    assert unchanged(window) == before and not window.studio.model.loader.running
    window.close()
    assert not window.isVisible()


def test_a_loaded_models_iteration_count_is_kept_across_runs(window, tmp_path, qtbot):
    net = Network.create([48, 3, 1], seed=2)
    net.iterations_trained = 500
    save_model(tmp_path / "m.npz", net, input_shape=(4, 4, 3))
    dropped(window, tmp_path / "m.npz")
    assert window.studio.model.network.iterations_trained == 500
    window.studio.model.set_hyper(iterations=7)
    with qtbot.waitSignal(window.studio.training.state_changed, timeout=30_000,
                          check_params_cb=lambda s: s is RunState.IDLE):
        window.studio.training.start()
    assert window.studio.model.network.iterations_trained == 507
    window.studio.training.step_once()
    assert window.studio.model.network.iterations_trained == 508
    assert window.files.export_to(str(tmp_path / "again.npz"), window.files.export_model)
    with np.load(tmp_path / "again.npz") as z:
        assert int(z["iterations"]) == 508
