"""Loading never freezes the window (issue 22, class 6): every open reads on the loader's thread,
the status bar shows how far it is, and Cancel (or Esc) stops it with nothing changed."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from file_drops import send_file_drop
from hostile_files import cat_pair, model_with
from PySide6.QtCore import Qt, QTimer

from bpstudio.session import classify, data_choice, session_store


def slow_reader(real, events: dict):
    """``real`` wrapped: it says it started and how far it is, then waits until released (or
    cancelled: the loader's progress raises then)."""
    def read(*args, progress=None, **kwargs):
        events["thread"] = threading.current_thread().name
        events["started"].set()
        try:
            for k in range(1, 2000):
                progress(2e6 * min(k, 3), 8e6)
                if events["release"].wait(0.01):
                    break
        except BaseException as e:
            events["ended"] = type(e).__name__
            raise
        events["ended"] = "released"
        return real(*args, progress=progress, **kwargs)
    return read


@pytest.fixture
def events():
    return {"started": threading.Event(), "release": threading.Event()}


def test_an_open_reads_off_the_gui_thread_with_progress_and_cancel(make_window, qtbot, tmp_path,
                                                                  monkeypatch, events):
    monkeypatch.setattr(data_choice, "load_catvnoncat",
                        slow_reader(data_choice.load_catvnoncat, events))
    folder = cat_pair(tmp_path / "cats")
    w = make_window()
    before = (w.studio.model.network, w.studio.model.dataset, w.windowTitle())
    ticks = []
    timer = QTimer(w)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    assert send_file_drop(w, w.rect().center(), [folder / "train_catvnoncat.h5"]) == (True, True)
    progress = w.load_progress
    qtbot.waitUntil(lambda: progress.text.text().startswith(
        "Reading train_catvnoncat.h5: 6.0 of 8.0 MB"), timeout=5000)
    assert events["thread"] == "bpstudio-loader"
    assert progress.isVisible() and progress.bar.value() == 750
    seen = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) > seen)  # the window goes on while the file is read
    qtbot.mouseClick(progress.cancel, Qt.MouseButton.LeftButton)
    assert w.statusBar().currentMessage() == ("Stopped reading train_catvnoncat.h5; nothing was "
                                              "changed.")
    assert not progress.isVisible() and not w.studio.model.loader.running
    qtbot.waitUntil(lambda: "ended" in events, timeout=5000)
    assert events["ended"] == "Cancelled"  # the read itself stopped, at its next report
    assert (w.studio.model.network, w.studio.model.dataset, w.windowTitle()) == before
    timer.stop()


def test_esc_cancels_a_read_and_the_next_open_goes_on(make_window, qtbot, tmp_path, monkeypatch,
                                                      events):
    monkeypatch.setattr(data_choice, "load_catvnoncat",
                        slow_reader(data_choice.load_catvnoncat, events))
    folder = cat_pair(tmp_path / "cats")
    w = make_window()
    assert w.files.open_dataset(str(folder))
    assert events["started"].wait(5)
    qtbot.waitUntil(w.load_progress.isVisible)
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not w.studio.model.loader.running)  # the button shows its press first
    assert w.studio.model.dataset.name == "three-features"
    events["release"].set()
    assert w.files.open_dataset(str(folder))
    w.studio.model.loader.wait()
    assert w.studio.model.dataset.name == "cats"


def _csv(path):
    rng = np.random.default_rng(2)
    path.write_text("".join(f"{a:.3f},{b:.3f},{int(a > b)}\n" for a, b in rng.normal(size=(20, 2))))
    return path


def _session(w, path):
    assert w.studio.store.save(str(path))
    return path


KINDS = {  # what is opened, the module whose reader it uses, that reader's name
    "an .h5": (lambda w, tmp: cat_pair(tmp / "cats") / "test_catvnoncat.h5", data_choice,
               "load_catvnoncat"),
    "a CSV": (lambda w, tmp: _csv(tmp / "points.csv"), data_choice, "load_csv"),
    "a model": (lambda w, tmp: model_with(tmp / "m.npz"), classify, "load_model"),
    "a session": (lambda w, tmp: _session(w, tmp / "s.bpstudio"), session_store, "read_session"),
}


@pytest.mark.parametrize("kind", KINDS, ids=list(KINDS))
def test_every_kind_of_file_is_read_on_the_loaders_thread(make_window, tmp_path, monkeypatch, kind):
    make, module, name = KINDS[kind]
    w = make_window()
    if kind == "a model":
        assert w.files.open_dataset(str(cat_pair(tmp_path / "data")))
        w.studio.model.loader.wait()
    path = make(w, tmp_path)
    threads = []
    real = getattr(module, name)

    def recording(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)
    monkeypatch.setattr(module, name, recording)
    assert send_file_drop(w, w.rect().center(), [path]) == (True, True)
    w.studio.model.loader.wait()
    assert threads == ["bpstudio-loader"], w.statusBar().currentMessage()


def test_files_dropped_together_are_read_one_after_the_other(make_window, tmp_path):
    """The data set first, then the model that needs it."""
    w = make_window()
    folder = cat_pair(tmp_path / "cats")
    model = model_with(tmp_path / "m.npz")
    assert send_file_drop(w, w.rect().center(), [folder, model]) == (True, True)
    w.studio.model.loader.wait()
    assert w.studio.model.dataset.name == "cats" and w.studio.model.network.dims == (48, 3, 1)


def test_while_presenting_esc_still_leaves_presentation_and_the_read_goes_on(
        make_window, qtbot, tmp_path, monkeypatch, events):
    monkeypatch.setattr(data_choice, "load_catvnoncat",
                        slow_reader(data_choice.load_catvnoncat, events))
    w = make_window()
    w.presenter.enter()
    assert w.files.open_dataset(str(cat_pair(tmp_path / "cats")))
    assert events["started"].wait(5)
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not w.presenter.presenting)
    # the hidden Cancel did not take the key: it would be down now (a shortcut presses a button
    # at once and clicks it a moment later), and the read would end with the click
    assert not w.load_progress.cancel.isDown()
    assert w.studio.model.loader.running
    events["release"].set()
    w.studio.model.loader.wait()
    assert w.studio.model.dataset.name == "cats"
