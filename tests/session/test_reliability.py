"""Bad input, numerical faults and a training process that dies or cannot start, in the studio: a
message, nothing lost (what the window shows meanwhile: tests/app/test_reliability_in_the_window.py)."""

from __future__ import annotations

import os

import numpy as np
import pytest
from PySide6.QtGui import QImage
from studio_actions import messages, train

from bpstudio.core import npzfile
from bpstudio.core.sessionfile import load_session
from bpstudio.core.trainer import RunState


def test_a_session_save_that_fails_half_way_keeps_the_old_file(studio, qtbot, tmp_path,
                                                               monkeypatch):
    s = studio()
    train(qtbot, s, 20)
    path = tmp_path / "lesson.bpstudio"
    assert s.save_session(str(path))
    before = path.read_bytes()
    train(qtbot, s, 20)

    def disk_full(f, **arrays):
        f.write(b"PK\x03\x04 half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(npzfile.np, "savez", disk_full)
    with qtbot.waitSignal(s.store.message) as said:
        assert not s.save_session()
    assert "could not save (No space left on device)" in said.args[0]
    assert s.store.modified  # still unsaved: the question on closing still comes
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["lesson.bpstudio"]
    meta, arrays = load_session(path)
    assert arrays["costs"].shape == (20,)


def test_a_cut_off_jpeg_is_refused_and_changes_nothing(studio, qtbot, tmp_path, cat_files):
    cat_files(tmp_path / "data")
    s = studio()
    assert s.open_dataset(str(tmp_path / "data"))  # a network for 4×4 RGB images
    s.model.loader.wait()  # read on a thread
    noise = np.random.default_rng(0).integers(0, 256, (80, 120, 3), dtype=np.uint8)
    image = QImage(noise.data, 120, 80, 360, QImage.Format.Format_RGB888)
    whole = tmp_path / "whole.jpg"
    assert image.save(str(whole), "JPEG")
    data = whole.read_bytes()
    for name, end in (("in-the-scan.jpg", len(data) * 2 // 3), ("in-the-header.jpg", 300)):
        (tmp_path / name).write_bytes(data[:end])
        with qtbot.waitSignal(s.classify.message, timeout=5000) as said:
            s.classify_pictures(str(tmp_path / name))
        assert f"{name}: the JPEG file is incomplete" in said.args[0]  # and no libjpeg warning
    assert s.classify.results == []
    s.classify_pictures(str(whole))  # the whole file still opens (no false alarm)
    qtbot.waitUntil(lambda: len(s.classify.results) == 1, timeout=5000)


def test_one_iteration_that_overflows_keeps_the_parameters(studio, qtbot):
    s = studio()
    m = s.model
    huge = [W.copy() for W in m.network.weights]
    huge[0][0, 0] = np.inf  # as if an earlier step had overflowed
    m.set_parameters(huge, m.network.biases)
    with qtbot.waitSignal(s.training.message) as said:
        assert not s.train_one_iteration()
    assert "diverged" in said.args[0]
    assert len(m.history) == 0 and m.network.iterations_trained == 0
    np.testing.assert_array_equal(m.network.weights[0], huge[0])


def test_one_iteration_of_a_big_network_runs_off_the_gui_thread_with_the_same_result(
        studio, qtbot, cat_data_dir):
    from bpstudio.session.training import INLINE_ITERATION_MACS

    s = studio()
    m = s.model
    assert s.open_dataset(str(cat_data_dir))
    m.loader.wait()  # read on a thread
    for edit in (lambda: s.set_layer_size(1, 100), lambda: s.remove_hidden_layer(2),
                 lambda: s.remove_hidden_layer(2)):
        assert edit()
        qtbot.waitUntil(lambda: not m.building)  # 1.2 million weights: drawn on a thread
    assert m.network.dims == (12288, 100, 1)
    assert 209 * 12288 * 100 > INLINE_ITERATION_MACS  # so this one goes to the child process
    expected = m.network.copy()
    X = m.dataset.inputs(expected.input_dtype)[0]
    expected.iteration(X, m.dataset.Y_train, m.hyper.learning_rate)
    with qtbot.waitSignal(s.training.state_changed, timeout=60_000,
                          check_params_cb=lambda state: state is RunState.IDLE):
        assert s.train_one_iteration()  # One iteration
        assert s.training.process is not None
    assert len(m.history) == 1 and m.network.iterations_trained == 1
    for a, b in zip(m.network.weights, expected.weights):
        np.testing.assert_array_equal(a, b)


def test_a_training_process_that_dies_is_reported_and_its_last_report_kept(studio, qtbot):
    s = studio()
    said = messages(s)
    s.set_hyper(iterations=10**7)
    assert s.train()
    qtbot.waitUntil(lambda: s.model.network.iterations_trained > 10, timeout=30_000)
    with qtbot.waitSignal(s.training.state_changed, timeout=10_000,
                          check_params_cb=lambda state: state is RunState.IDLE):
        s.training.process.kill()  # as the system's out-of-memory killer would
    assert "ended unexpectedly" in said[-1]
    assert s.model.network.iterations_trained == len(s.model.history) > 10
    s.set_hyper(iterations=1000)  # (10**7 more would pass the record's limit, MAX_RECORD_ROWS)
    assert s.train()  # and the next run starts as usual
    s.training.wait()


# the starter thread must not die of it either
@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")
@pytest.mark.parametrize("failure", [OSError(12, "Cannot allocate memory"),
                                     EOFError()])  # the fork server could not fork, and ended
def test_a_training_process_that_cannot_start_ends_the_run_with_a_message(studio, qtbot,
                                                                           monkeypatch, failure):
    """No memory or no process left for the child: the studio does not say "running" for ever."""
    from bpstudio.core.warm_process import CONTEXT

    def refused(self):
        raise failure

    s = studio()
    said = messages(s)
    # the class of every process the training session starts
    monkeypatch.setattr(CONTEXT.Process, "start", refused)
    with qtbot.waitSignal(s.training.state_changed, timeout=10_000,
                          check_params_cb=lambda state: state is RunState.IDLE):
        assert s.train()
    assert "ended unexpectedly" in said[-1]
    assert s.model.network.iterations_trained == 0 and len(s.model.history) == 0
    monkeypatch.undo()
    assert s.train()  # and the next run starts as usual
    qtbot.waitUntil(lambda: s.model.network.iterations_trained == s.hyper.iterations,
                    timeout=60_000)


def test_a_finished_runs_process_is_reaped_without_the_studio_waiting_for_it(studio, qtbot):
    s = studio()
    s.set_hyper(iterations=200)
    assert s.train()
    process = s.training.process
    qtbot.waitUntil(lambda: s.training.state is RunState.IDLE, timeout=30_000)
    assert s.training.process is None  # the studio let go of it at once
    qtbot.waitUntil(lambda: not process.is_alive(), timeout=10_000)  # and a thread reaped it
    assert process.exitcode == 0
