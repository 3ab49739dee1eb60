"""Save the whole session, open it again, survive a crash, export pictures and numbers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFileDialog

from bpstudio.core.sessionfile import load_session
from bpstudio.core.trainer import RunState
from bpstudio.session.cost_now import cost_now
from bpstudio.session.session_store import autosave_path


def train(qtbot, w, iterations):
    w.studio.model.set_hyper(iterations=iterations)
    with qtbot.waitSignal(w.studio.training.state_changed, timeout=30_000,
                          check_params_cb=lambda s: s is RunState.IDLE):
        w.studio.training.start()


def step_to_first(w, label):
    """To the first step of the tutorial's equation ``label`` ("2b", "3b", …)."""
    s = w.studio.stepper.stepper
    w.studio.stepper.go(next(st.index for st in s.steps if st.equation.label == label) + 1)


def test_save_and_open_restores_parameters_history_and_step(make_window, qtbot, tmp_path,
                                                            monkeypatch):
    w = make_window()
    train(qtbot, w, 40)
    w.studio.stepper.set_mode("batch")
    step_to_first(w, "2b")
    title = w.equations.title.text()
    assert "equation 2b" in title and w.isWindowModified()
    path = tmp_path / "lesson.bpstudio"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.wait(20)  # the stepper announces the steps above at the next turn, as before a keypress
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # no path yet: Save as…
    # written on a thread: the status bar says when
    qtbot.waitUntil(lambda: w.statusBar().currentMessage() == "Saved lesson.bpstudio.")
    assert path.exists() and not w.isWindowModified() and "lesson.bpstudio" in w.windowTitle()

    other = make_window()
    assert other.files.open_session(str(path))
    other.studio.model.loader.wait()  # read on a thread
    for a, b in zip(other.studio.model.network.weights + other.studio.model.network.biases,
                    w.studio.model.network.weights + w.studio.model.network.biases):
        np.testing.assert_array_equal(a, b)  # bitwise, including the iteration's partial updates
    np.testing.assert_array_equal(other.studio.model.history.costs.view(), w.studio.model.history.costs.view())
    assert len(other.studio.model.history) == 40
    assert other.studio.model.network.iterations_trained == 40
    assert other.equations.title.text() == title
    assert other.studio.stepper.stepper.position == w.studio.stepper.stepper.position
    # and the step goes on exactly as it would have
    other.studio.stepper.run_to_end()
    w.studio.stepper.run_to_end()
    np.testing.assert_array_equal(other.studio.model.network.weights[0], w.studio.model.network.weights[0])


def test_a_session_is_plain_arrays_and_json(make_window, tmp_path):
    w = make_window()
    w.studio.training.step_once()
    path = tmp_path / "s.bpstudio"
    assert w.studio.store.save(str(path))
    with np.load(path, allow_pickle=False) as z:  # any numpy reads it, no pickle involved
        assert {"W1", "b1", "W2", "b2", "costs", "session.json"} <= set(z.files)
    meta, arrays = load_session(path)
    assert meta["data"] == {"kind": "builtin", "name": "three-features"}
    assert meta["network"]["dims"] == [3, 2, 1] and arrays["costs"].shape == (1,)


def test_missing_or_changed_data_is_reported(make_window, tmp_path, cat_files):
    cat_files(tmp_path / "data", m_train=8, m_test=4)
    w = make_window()
    assert w.files.open_dataset(str(tmp_path / "data"))
    w.studio.model.loader.wait()  # read on a thread
    path = tmp_path / "s.bpstudio"
    assert w.studio.store.save(str(path))
    cat_files(tmp_path / "data", m_train=8, m_test=4, seed=7)  # same shapes, other pixels
    other = make_window()
    assert other.files.open_session(str(path))
    other.studio.model.loader.wait()  # read on a thread
    assert "the data set changed since this session was saved" in other.statusBar().currentMessage()
    for f in (tmp_path / "data").iterdir():
        f.unlink()
    third = make_window()
    before = third.studio.model.network
    assert third.files.open_session(str(path))  # on its way: refused once read
    third.studio.model.loader.wait()
    assert "its data set is missing" in third.statusBar().currentMessage()
    assert third.studio.model.network is before


def test_a_broken_session_file_changes_nothing(make_window, tmp_path):
    bad = tmp_path / "bad.bpstudio"
    bad.write_bytes(b"PK\x03\x04 not really")
    w = make_window()
    before = w.studio.model.network
    assert w.files.open_session(str(bad))  # on its way: refused once read
    w.studio.model.loader.wait()
    assert "bad.bpstudio: not a session file" in w.statusBar().currentMessage()
    assert w.studio.model.network is before


def test_a_killed_session_leaves_an_autosave_that_the_next_start_restores(make_window, qtbot,
                                                                        tmp_path, monkeypatch):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "xdg"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    script = textwrap.dedent("""
        import sys, time
        from bpstudio.app.gui import create_application
        from bpstudio.app.main_window import MainWindow
        from bpstudio.session.studio import Studio
        if __name__ == "__main__":
            app = create_application()
            w = MainWindow(Studio())
            w.show()
            for _ in range(7):
                w.studio.training.step_once()
            w.studio.store.autosave()  # what the timer does every few minutes
            w.studio.store.wait_for_autosave()  # it writes on a thread
            print("autosaved", flush=True)
            while True:
                app.processEvents()
                time.sleep(0.05)
    """)
    (tmp_path / "crashy.py").write_text(script)
    proc = subprocess.Popen([sys.executable, str(tmp_path / "crashy.py")], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "autosaved", proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == -signal.SIGKILL
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    saved_meta, saved = load_session(autosave_path())
    w = make_window()
    assert w.check_autosave()
    assert w.restore_bar.isVisible() and "did not close properly" in w.restore_text.text()
    qtbot.mouseClick(w.findChild(object, "RestoreAutosave"), Qt.MouseButton.LeftButton)
    w.studio.model.loader.wait()  # read on a thread
    assert w.statusBar().currentMessage() == "Restored the autosaved work."
    assert len(w.studio.model.history) == 7
    np.testing.assert_array_equal(w.studio.model.network.weights[0], saved["W1"])
    assert w.isWindowModified() and not w.restore_bar.isVisible()
    w.close()  # a clean exit removes the autosave
    assert not autosave_path().exists()
    assert not make_window().check_autosave()


def test_training_stopping_autosaves(make_window, qtbot):
    w = make_window()
    assert not autosave_path().exists()
    train(qtbot, w, 20)
    w.studio.store.wait_for_autosave()  # written on a thread
    meta, arrays = load_session(autosave_path())
    assert arrays["costs"].shape == (20,)


def test_every_export_writes_a_file_its_reader_opens(make_window, qtbot, tmp_path):
    w = make_window()
    train(qtbot, w, 30)
    w.studio.stepper.set_mode("batch")
    step_to_first(w, "3b")
    assert w.files.export_to(str(tmp_path / "diagram.png"), w.diagram.export_png)
    img = QImage(str(tmp_path / "diagram.png"))
    assert not img.isNull() and img.width() == 2 * w.diagram.width()  # for slides: 2× by default
    assert w.files.export_to(str(tmp_path / "diagram.svg"), w.diagram.export_svg)
    assert QSvgRenderer(str(tmp_path / "diagram.svg")).isValid()
    assert w.files.export_to(str(tmp_path / "plots.png"), w.cost_plot.export)
    assert not QImage(str(tmp_path / "plots.png")).isNull()
    assert w.files.export_to(str(tmp_path / "plots.svg"), w.cost_plot.export)
    assert QSvgRenderer(str(tmp_path / "plots.svg")).isValid()
    assert w.files.export_to(str(tmp_path / "cost.csv"), w.files.export_cost_csv)
    table = np.genfromtxt(tmp_path / "cost.csv", delimiter=",", names=True)
    assert table.dtype.names == ("iteration", "train_cost", "test_cost", "train_accuracy",
                                 "test_accuracy", "stepped_sample", "sample_loss")
    # 30 iterations' costs, and 31 evaluations: the last after the final update, at iteration
    # 30, whose cost is the trained network's own
    np.testing.assert_array_equal(table["train_cost"][:30], w.studio.model.history.costs.view())
    assert table.shape == (31,) and table["train_cost"][30] == cost_now(w.studio.model)
    np.testing.assert_array_equal(table["test_cost"],
                                  [e.test_cost for e in w.studio.model.history.evaluations])
    assert w.files.export_to(str(tmp_path / "log.csv"), w.files.export_training_log)
    log = np.loadtxt(tmp_path / "log.csv", delimiter=",", skiprows=1)
    assert log.shape == (30, 5)  # iteration, cost, ‖dW[1]‖, ‖dW[2]‖, sample_loss
    np.testing.assert_array_equal(log[:, 1], w.studio.model.history.costs.view())
    assert w.files.export_to(str(tmp_path / "model.npz"), w.files.export_model)
    with np.load(tmp_path / "model.npz", allow_pickle=False) as z:
        np.testing.assert_array_equal(z["W1"], w.studio.model.network.weights[0])
    written = w.files.export_step(str(tmp_path))
    step = w.studio.stepper.stepper.current
    assert [os.path.basename(p) for p in written] == [
        "step10_operand1_dZ2.csv", "step10_operand2_A1T.csv", "step10_result_dW2.csv"]
    np.testing.assert_array_equal(np.atleast_2d(np.loadtxt(written[2], delimiter=",")),
                                  step.result.value)


def test_recent_files_remember_sessions(make_window, tmp_path):
    w = make_window()
    path = tmp_path / "r.bpstudio"
    assert w.studio.store.save(str(path))
    assert w.files.open_session(str(path))
    w.studio.model.loader.wait()  # read on a thread
    w.files.fill_recent_menu(w.menus.recent)
    assert [a.text() for a in w.menus.recent.actions()][0] == str(path)


def _same_data(a, b):
    for name in ("X_train", "Y_train", "X_test", "Y_test"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))


def test_a_session_of_the_playground_keeps_its_set_noise_seed_share_and_features(make_window,
                                                                              qtbot, tmp_path):
    w = make_window()
    m = w.studio.model
    assert m.apply_preset("plane-moons")
    assert m.data.set_plane(noise=0.2) and m.data.set_plane(seed=7) and m.data.set_plane(train_share=0.3)
    assert m.data.set_plane(features=("x1", "x2", "sin x1"))
    train(qtbot, w, 50)
    path = tmp_path / "moons.bpstudio"
    assert w.studio.store.save(str(path))
    other = make_window()
    assert other.files.open_session(str(path))
    other.studio.model.loader.wait()  # read on a thread
    assert other.studio.model.dataset.plane == m.dataset.plane
    _same_data(other.studio.model.dataset, m.dataset)
    np.testing.assert_array_equal(other.studio.model.network.weights[0], m.network.weights[0])
    assert other.plane_view.isVisible()


def test_a_session_of_your_own_csv_or_image_folder_reads_them_again(make_window, qtbot, tmp_path):
    csv = tmp_path / "points.csv"
    rng = np.random.default_rng(1)
    csv.write_text("".join(f"{a:.3f},{b:.3f},{int(a > b)}\n" for a, b in rng.normal(size=(30, 2))))
    folder = tmp_path / "pets"
    for name, colour in (("cat", Qt.GlobalColor.red), ("not-cat", Qt.GlobalColor.blue)):
        (folder / name).mkdir(parents=True)
        for k in range(3):
            image = QImage(20, 20 + k, QImage.Format.Format_RGB32)
            image.fill(colour)
            image.save(str(folder / name / f"{k}.png"))
    w = make_window()
    assert w.studio.model.data.open_csv(str(csv))
    w.studio.model.loader.wait()  # read on a thread
    assert w.studio.model.data.set_plane(features=("x1^2", "x1x2"))
    assert w.studio.store.save(str(tmp_path / "csv.bpstudio"))
    assert w.studio.model.data.open_image_folder(str(folder), side=16)
    qtbot.waitUntil(lambda: w.studio.model.dataset.name == "pets", timeout=10_000)
    assert w.studio.store.save(str(tmp_path / "folder.bpstudio"))
    other = make_window()
    assert other.files.open_session(str(tmp_path / "csv.bpstudio"))
    other.studio.model.loader.wait()  # read on a thread
    assert other.studio.model.dataset.plane.features == ("x1^2", "x1x2")
    assert other.studio.model.network.dims[0] == 2
    csv_data = other.studio.model.dataset
    assert other.files.open_session(str(tmp_path / "folder.bpstudio"))
    # the session and its images are read on a thread: the window goes on meanwhile
    assert other.studio.model.loader.running and other.studio.model.dataset is csv_data
    qtbot.waitUntil(lambda: other.statusBar().currentMessage() == "Opened folder.bpstudio.",
                    timeout=10_000)
    assert other.studio.model.dataset.input_shape == (16, 16, 3)
    assert other.windowTitle().startswith("folder.bpstudio")
    _same_data(other.studio.model.dataset, w.studio.model.dataset)
    for f in (folder / "not-cat").iterdir():  # a class folder emptied: said when found, nothing lost
        f.unlink()
    assert other.files.open_session(str(tmp_path / "csv.bpstudio"))
    other.studio.model.loader.wait()  # read on a thread
    assert other.files.open_session(str(tmp_path / "folder.bpstudio"))
    qtbot.waitUntil(lambda: "its data set cannot be read" in other.statusBar().currentMessage(),
                    timeout=10_000)
    assert "not-cat: no images" in other.statusBar().currentMessage()
    assert other.studio.model.dataset.plane is not None and other.studio.model.network.dims[0] == 2
    csv.unlink()  # gone: opening says so and changes nothing
    before = other.studio.model.dataset
    assert other.files.open_session(str(tmp_path / "csv.bpstudio"))  # on its way: refused once read
    other.studio.model.loader.wait()
    assert "its data set is missing" in other.statusBar().currentMessage()
    assert other.studio.model.dataset is before


def test_the_autosave_is_written_on_a_thread_and_a_failure_is_said(make_window, qtbot, monkeypatch):
    import threading

    from bpstudio.session import session_store as store

    w = make_window()
    w.studio.training.step_once()
    writers = []
    real = store.save_session

    def recording(*args):
        writers.append(threading.current_thread())
        real(*args)

    monkeypatch.setattr(store, "save_session", recording)
    assert w.studio.store.autosave()
    w.studio.store.wait_for_autosave()
    assert writers and writers[0] is not threading.main_thread()
    assert len(load_session(autosave_path())[1]["costs"]) == 1

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "save_session", full_disk)
    qtbot.waitUntil(lambda: not w.studio.store._autosaver.running)
    with qtbot.waitSignal(w.studio.store.message, timeout=5000) as said:
        assert w.studio.store.autosave()
    assert "Autosave failed" in said.args[0] and "No space left" in said.args[0]
    assert len(load_session(autosave_path())[1]["costs"]) == 1  # the last good one stays


def test_a_csv_that_changed_shape_on_disk_is_refused_with_a_message(make_window, tmp_path):
    csv = tmp_path / "points.csv"
    csv.write_text("".join(f"{k / 10},{k % 3},{k % 2}\n" for k in range(20)))
    w = make_window()
    assert w.studio.model.data.open_csv(str(csv))
    w.studio.model.loader.wait()  # read on a thread
    assert w.studio.store.save(str(tmp_path / "points.bpstudio"))
    csv.write_text("".join(f"{k / 10},{k % 3},{k % 5},{k % 2}\n" for k in range(20)))  # a column more
    said = []
    w.studio.model.error_reported.connect(said.append)
    before = w.studio.model.dataset
    assert not w.studio.model.data.set_plane(seed=4)  # the playground reads the file again
    assert w.studio.model.dataset is before and "not a 2-D data set any more (3 feature columns)" in said[-1]
    other = make_window()
    assert other.files.open_session(str(tmp_path / "points.bpstudio"))  # on its way: refused once read
    other.studio.model.loader.wait()
    assert "not a 2-D data set any more" in other.statusBar().currentMessage()


def test_ctrl_s_writes_on_a_thread_and_an_edit_meanwhile_stays_unsaved(make_window, qtbot,
                                                                       tmp_path, monkeypatch):
    import threading

    from bpstudio.session import session_store as store

    writers, release = [], threading.Event()
    real = store.save_session

    def slow_save(*args):
        writers.append(threading.current_thread().name)
        release.wait(5)  # a slow disk
        real(*args)
    monkeypatch.setattr(store, "save_session", slow_save)
    w = make_window()
    path = tmp_path / "lesson.bpstudio"
    release.set()
    assert w.studio.store.save(str(path))  # closing and scripts write at once, here
    assert w.studio.model.set_hyper(learning_rate=0.3)
    assert w.isWindowModified()
    release.clear()
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert w.statusBar().currentMessage() == "Saving lesson.bpstudio…"
    assert w.studio.model.set_hyper(learning_rate=0.25)  # the window goes on while the disk is slow
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert w.statusBar().currentMessage() == "Still saving; a moment, please."
    release.set()
    qtbot.waitUntil(lambda: w.statusBar().currentMessage() == "Saved lesson.bpstudio.")
    assert writers == ["MainThread", "bpstudio-save"]
    assert w.isWindowModified()  # 0.25 came after what was written
    other = make_window()
    assert other.files.open_session(str(path))
    other.studio.model.loader.wait()  # read on a thread
    assert other.studio.model.hyper.learning_rate == 0.3


def test_a_failed_background_save_says_so_and_keeps_the_window_modified(make_window, qtbot,
                                                                        tmp_path, monkeypatch):
    from pathlib import Path

    from bpstudio.core.sessionfile import SessionFileError
    from bpstudio.session import session_store as store

    def full_disk(path, *args):
        raise SessionFileError("{name}: could not save ({why})", name=Path(path).name,
                               why="No space left on device")
    w = make_window()
    assert w.studio.model.set_hyper(learning_rate=0.3)
    monkeypatch.setattr(store, "save_session", full_disk)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "lesson.bpstudio"), ""))
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "No space left on device" in w.statusBar().currentMessage())
    assert w.isWindowModified() and w.studio.store.path == ""


def test_a_save_landing_after_another_session_opened_leaves_that_sessions_path(
        make_window, qtbot, tmp_path, monkeypatch):
    """Else the next Ctrl+S would write the opened session over the file just saved."""
    import threading

    from bpstudio.session import session_store as store

    w = make_window()
    b = tmp_path / "b.bpstudio"
    assert w.studio.store.save(str(b))
    release, real = threading.Event(), store.save_session

    def slow_save(*args):
        release.wait(5)
        real(*args)
    monkeypatch.setattr(store, "save_session", slow_save)
    assert w.studio.model.set_hyper(learning_rate=0.3)
    assert w.studio.store.save_in_background(str(tmp_path / "a.bpstudio"))
    assert w.files.open_session(str(b))  # while a.bpstudio is written
    w.studio.model.loader.wait()  # read on a thread
    release.set()
    qtbot.waitUntil(lambda: w.statusBar().currentMessage() == "Saved a.bpstudio.")
    assert w.studio.store.path == str(b) and (tmp_path / "a.bpstudio").exists()


def test_closing_during_a_ctrl_s_writes_it_first(make_window, qtbot, tmp_path, monkeypatch):
    import threading

    from bpstudio.session import session_store as store

    w = make_window()
    release, real = threading.Event(), store.save_session

    def slow_save(*args):
        release.wait(0.3)  # a slow disk
        real(*args)
    monkeypatch.setattr(store, "save_session", slow_save)
    assert w.studio.model.set_hyper(learning_rate=0.3)
    assert w.studio.store.save_in_background(str(tmp_path / "a.bpstudio"))
    w.close()
    assert (tmp_path / "a.bpstudio").exists() and w.studio.store.path.endswith("a.bpstudio")


def test_ctrl_s_to_a_session_behind_a_link_writes_its_target_and_keeps_its_permissions(
        make_window, qtbot, tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "lesson.bpstudio"
    w = make_window()
    assert w.studio.store.save(str(target))
    target.chmod(0o640)
    link = tmp_path / "lesson.bpstudio"
    link.symlink_to(target)
    other = make_window()
    assert other.files.open_session(str(link))
    other.studio.model.loader.wait()
    other.studio.training.step_once()
    qtbot.keyClick(other, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: other.statusBar().currentMessage() == "Saved lesson.bpstudio.")
    assert link.is_symlink() and target.stat().st_mode & 0o777 == 0o640
    assert load_session(target)[1]["costs"].shape == (1,)  # the one iteration reached the target


def test_the_start_removes_what_a_killed_save_left(make_window, tmp_path):
    autosave_path().parent.mkdir(parents=True, exist_ok=True)
    left = autosave_path().parent / ".autosave.bpstudio.999999999-0a1b.tmp"  # no such process
    left.write_bytes(b"half a session")
    w = make_window()
    w.studio.store._cleaner.wait()
    assert not left.exists()
