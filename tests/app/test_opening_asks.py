"""Opening a file over unsaved training asks as closing does (issue 28): File → Open data set,
a CSV, a folder of class folders, a dropped data file, an opened model or session. Cancel keeps
the network, the data and the twins; nothing trained since the last save: no question."""

from __future__ import annotations

import numpy as np
import pytest
from file_drops import drop
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from test_runs_never_vanish import MOONS, asking, trained, wait_idle
from user_actions import answer_when_asked, choose, fork_in_the_dialog

Button = QMessageBox.StandardButton
DATA_QUESTION = "Save the session before choosing another data set?"


def plane_csv(folder) -> str:
    points = np.random.default_rng(11).uniform(-1, 1, (40, 2))
    path = folder / "plane.csv"
    path.write_text("x1,x2,label\n" + "".join(f"{a:.4f},{b:.4f},{int(a * b > 0)}\n"
                                              for a, b in points))
    return str(path)


def class_folders(folder) -> str:
    root = folder / "pets"
    for k, name in enumerate(("cat", "dog")):
        (root / name).mkdir(parents=True)
        for i in range(3):
            image = QImage(8, 8, QImage.Format.Format_RGB32)
            image.fill(0xFF000000 + 0x404040 * (k + 1) + i)
            assert image.save(str(root / name / f"{i}.png"))
    return str(root)


def choosing_in_dialogs(monkeypatch, path: str) -> None:
    """Every file or folder dialog answers ``path``; the image size is the proposed one."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (path, ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: path)
    monkeypatch.setattr(QInputDialog, "getInt", lambda parent, title, label, value, *a, **k:
                        (value, True))


def moons_with_a_twin(qtbot, w):
    choose(qtbot, w.editor.preset_box, MOONS)
    trained(qtbot, w, 30)
    fork_in_the_dialog(qtbot, w, 0.1)
    qtbot.waitUntil(lambda: len(w.twin_runs.panels) == 1)
    return w.studio.runs.twins[0], w.studio.model.dataset, w.studio.model.network


@pytest.mark.parametrize("opener", ["OpenCsvAction", "OpenImageFolderAction", "drop"])
def test_opening_data_over_trained_work_asks_and_cancel_keeps_it(make_window, qtbot, tmp_path,
                                                                 monkeypatch, opener):
    w = make_window()
    twin, data, network = moons_with_a_twin(qtbot, w)
    path = class_folders(tmp_path) if opener == "OpenImageFolderAction" else plane_csv(tmp_path)
    choosing_in_dialogs(monkeypatch, path)

    def open_it():
        if opener == "drop":
            drop(w, [path])
        else:
            w.findChild(QAction, opener).trigger()

    seen: list = []
    with asking():
        answer_when_asked(Button.Cancel, seen)
        open_it()
        qtbot.waitUntil(lambda: len(seen) == 1)
        wait_idle(qtbot, w)
        kept = (w.studio.runs.twins == [twin], w.studio.model.dataset is data,
                w.studio.model.network is network, len(w.twin_runs.panels))
        answer_when_asked(Button.Discard, seen)
        open_it()
        qtbot.waitUntil(lambda: len(seen) == 2)
        qtbot.waitUntil(lambda: w.studio.model.dataset is not data, timeout=20_000)
    assert [s[1] for s in seen] == [DATA_QUESTION] * 2
    assert "30 iterations of training are not saved" in seen[0][2]
    assert kept == (True, True, True, 1)  # Cancel: the data, the network and the twin stay
    assert not w.studio.runs.twins and not w.twin_runs.panels  # Discard: the new data came


def test_open_data_set_asks_only_when_training_would_be_lost(make_window, qtbot, tmp_path,
                                                            monkeypatch, cat_data_dir):
    w = make_window()
    choose(qtbot, w.editor.preset_box, MOONS)
    trained(qtbot, w, 20)
    choosing_in_dialogs(monkeypatch, str(cat_data_dir / "train_catvnoncat.h5"))
    seen: list = []
    with asking():
        answer_when_asked(Button.Cancel, seen)
        w.findChild(QAction, "OpenDatasetAction").trigger()
        qtbot.waitUntil(lambda: len(seen) == 1)
        assert w.studio.model.dataset.builtin == "moons"
        assert w.studio.save_session(str(tmp_path / "moons.bpstudio"))  # nothing to lose now
        w.findChild(QAction, "OpenDatasetAction").trigger()
        qtbot.waitUntil(lambda: w.studio.model.dataset.n_features == 12288, timeout=30_000)
    assert [s[1] for s in seen] == [DATA_QUESTION]


def test_opening_a_model_or_a_session_over_unsaved_training_asks(make_window, qtbot, tmp_path,
                                                                  monkeypatch):
    w = make_window()
    choose(qtbot, w.editor.preset_box, MOONS)
    trained(qtbot, w, 20)
    session, model = tmp_path / "moons.bpstudio", tmp_path / "moons.npz"
    assert w.studio.save_session(str(session))
    w.files.export_model(str(model))
    trained(qtbot, w, 25)  # 5 more, not saved
    network = w.studio.model.network
    seen: list = []
    with asking():
        for k, (action, path) in enumerate((("OpenModelAction", model),
                                            ("OpenSessionAction", session))):
            choosing_in_dialogs(monkeypatch, str(path))
            answer_when_asked(Button.Cancel, seen)
            w.findChild(QAction, action).trigger()
            qtbot.waitUntil(lambda: len(seen) == k + 1)
            wait_idle(qtbot, w)
            assert w.studio.model.network is network  # Cancel keeps the run
        answer_when_asked(Button.Discard, seen)
        w.findChild(QAction, "OpenSessionAction").trigger()
        qtbot.waitUntil(lambda: w.studio.model.network.iterations_trained == 20, timeout=20_000)
        wait_idle(qtbot, w)
        assert not w.isWindowModified()
        choosing_in_dialogs(monkeypatch, str(model))
        w.findChild(QAction, "OpenModelAction").trigger()  # nothing trained since: no question
        wait_idle(qtbot, w)
        assert w.studio.model.network.iterations_trained == 20  # the model came, unasked
    assert [s[1] for s in seen] == [
        "Save the trained network before the opened model replaces it?",
        "Save this session before opening another one?",
        "Save this session before opening another one?"]
    assert all("5 iterations of training are not saved" in s[2] for s in seen)
