"""Save the whole session from the window, open it again, survive a crash, export pictures and
numbers (what the studio itself saves and opens: tests/session/test_session_store.py)."""

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

from posted_events import delivered
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
    delivered()  # the stepper announces the steps above at the next turn, as before a keypress
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


def test_a_killed_session_leaves_an_autosave_that_the_next_start_restores(make_window, qtbot,
                                                                        tmp_path, monkeypatch):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "xdg"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    script = textwrap.dedent("""
        import sys
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
            app.exec()  # until it is killed
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


def test_the_start_removes_what_a_killed_save_left(make_window, qtbot, tmp_path):
    autosave_path().parent.mkdir(parents=True, exist_ok=True)
    left = autosave_path().parent / ".autosave.bpstudio.999999999-0a1b.tmp"  # no such process
    left.write_bytes(b"half a session")
    make_window()
    qtbot.waitUntil(lambda: not left.exists())  # removed on a thread
