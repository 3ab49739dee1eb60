"""Saving and opening a whole session in the studio: plain arrays and JSON, the data set read
again (and refused when it changed), autosaves and saves written on a thread, what a failure
says, links kept (the window's parts of it: tests/app/test_sessions.py)."""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from studio_actions import messages, train

from bpstudio.core.sessionfile import load_session
from bpstudio.session import session_store as store
from bpstudio.session.session_store import autosave_path


def opened(qtbot, s, path, timeout=10_000) -> None:
    """Open the session at ``path`` and wait until it is on screen."""
    with qtbot.waitSignal(s.store.opened, timeout=timeout,
                          check_params_cb=lambda where, remark: where == str(path)):
        assert s.open_session(str(path))


def refused(s, path) -> str:
    """Open the session at ``path``, refused once it is read: what the studio says last; the
    network and its data set stay as they were."""
    said, before = messages(s), (s.model.network, s.model.dataset)
    assert s.open_session(str(path))  # on its way
    s.model.loader.wait()
    assert (s.model.network, s.model.dataset) == before
    return said[-1]


def background_save(qtbot, s, path: str | None = None) -> None:
    """What Ctrl+S does: the session written on a thread, to ``path`` or its own file."""
    with qtbot.waitSignal(s.store.saved, timeout=30_000):
        assert s.store.save_in_background(path)


def test_a_session_is_plain_arrays_and_json(studio, tmp_path):
    s = studio()
    s.train_one_iteration()
    path = tmp_path / "s.bpstudio"
    assert s.save_session(str(path))
    with np.load(path, allow_pickle=False) as z:  # any numpy reads it, no pickle involved
        assert {"W1", "b1", "W2", "b2", "costs", "session.json"} <= set(z.files)
    meta, arrays = load_session(path)
    assert meta["data"] == {"kind": "builtin", "name": "three-features"}
    assert meta["network"]["dims"] == [3, 2, 1] and arrays["costs"].shape == (1,)


def test_missing_or_changed_data_is_reported(studio, tmp_path, cat_files):
    cat_files(tmp_path / "data", m_train=8, m_test=4)
    s = studio()
    assert s.open_dataset(str(tmp_path / "data"))
    s.model.loader.wait()  # read on a thread
    path = tmp_path / "s.bpstudio"
    assert s.save_session(str(path))
    cat_files(tmp_path / "data", m_train=8, m_test=4, seed=7)  # same shapes, other pixels
    other = studio()
    remarks = []  # what the window says beside "Opened s.bpstudio."
    other.store.opened.connect(lambda where, remark: remarks.append(remark))
    assert other.open_session(str(path))
    other.model.loader.wait()  # read on a thread
    assert len(remarks) == 1 and "the data set changed since this session was saved" in remarks[0]
    for f in (tmp_path / "data").iterdir():
        f.unlink()
    assert "its data set is missing" in refused(studio(), path)


def test_a_broken_session_file_changes_nothing(studio, tmp_path):
    bad = tmp_path / "bad.bpstudio"
    bad.write_bytes(b"PK\x03\x04 not really")
    assert "bad.bpstudio: not a session file" in refused(studio(), bad)


def test_training_stopping_autosaves(studio, qtbot):
    s = studio()
    assert not autosave_path().exists()
    train(qtbot, s, 20)
    s.store.wait_for_autosave()  # written on a thread
    meta, arrays = load_session(autosave_path())
    assert arrays["costs"].shape == (20,)


def test_the_autosave_is_written_on_a_thread_and_a_failure_is_said(studio, qtbot, monkeypatch):
    s = studio()
    s.train_one_iteration()
    writers = []
    real = store.save_session

    def recording(*args):
        writers.append(threading.current_thread())
        real(*args)

    monkeypatch.setattr(store, "save_session", recording)
    assert s.store.autosave()
    s.store.wait_for_autosave()
    assert writers and writers[0] is not threading.main_thread()
    assert len(load_session(autosave_path())[1]["costs"]) == 1

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "save_session", full_disk)
    s.store.wait_for_autosave()  # nothing else writing: the next one starts
    with qtbot.waitSignal(s.store.message, timeout=5000) as said:
        assert s.store.autosave()
    assert "Autosave failed" in said.args[0] and "No space left" in said.args[0]
    assert len(load_session(autosave_path())[1]["costs"]) == 1  # the last good one stays


def test_a_csv_that_changed_shape_on_disk_is_refused_with_a_message(studio, tmp_path):
    csv = tmp_path / "points.csv"
    csv.write_text("".join(f"{k / 10},{k % 3},{k % 2}\n" for k in range(20)))
    s = studio()
    assert s.open_csv(str(csv))
    s.model.loader.wait()  # read on a thread
    assert s.save_session(str(tmp_path / "points.bpstudio"))
    csv.write_text("".join(f"{k / 10},{k % 3},{k % 5},{k % 2}\n" for k in range(20)))  # a column more
    said = messages(s)
    before = s.model.dataset
    assert not s.set_plane(seed=4)  # the playground reads the file again
    assert s.model.dataset is before and "not a 2-D data set any more (3 feature columns)" in said[-1]
    assert "not a 2-D data set any more" in refused(studio(), tmp_path / "points.bpstudio")


def _same_data(a, b):
    for name in ("X_train", "Y_train", "X_test", "Y_test"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))


def test_a_session_of_the_playground_keeps_its_set_noise_seed_share_and_features(studio, qtbot,
                                                                              tmp_path):
    s = studio()
    m = s.model
    assert s.choose_preset("plane-moons")
    assert s.set_plane(noise=0.2) and s.set_plane(seed=7) and s.set_plane(train_share=0.3)
    assert s.set_plane(features=("x1", "x2", "sin x1"))
    train(qtbot, s, 50)
    path = tmp_path / "moons.bpstudio"
    assert s.save_session(str(path))
    other = studio()
    opened(qtbot, other, path)
    assert other.model.dataset.plane == m.dataset.plane
    _same_data(other.model.dataset, m.dataset)
    np.testing.assert_array_equal(other.model.network.weights[0], m.network.weights[0])
    assert other.plane_maps.available  # the playground's views show it


def test_a_session_of_your_own_csv_or_image_folder_reads_them_again(studio, qtbot, tmp_path):
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
    s = studio()
    assert s.open_csv(str(csv))
    s.model.loader.wait()  # read on a thread
    assert s.set_plane(features=("x1^2", "x1x2"))
    assert s.save_session(str(tmp_path / "csv.bpstudio"))
    assert s.open_image_folder(str(folder), side=16)
    qtbot.waitUntil(lambda: s.model.dataset.name == "pets", timeout=10_000)
    assert s.save_session(str(tmp_path / "folder.bpstudio"))
    other = studio()
    said = messages(other)
    opened(qtbot, other, tmp_path / "csv.bpstudio")
    assert other.model.dataset.plane.features == ("x1^2", "x1x2")
    assert other.model.network.dims[0] == 2
    csv_data = other.model.dataset
    with qtbot.waitSignal(other.store.opened, timeout=10_000):
        assert other.open_session(str(tmp_path / "folder.bpstudio"))
        # the session and its images are read on a thread: the studio goes on meanwhile
        assert other.model.loader.running and other.model.dataset is csv_data
    assert other.model.dataset.input_shape == (16, 16, 3)
    assert other.store.path == str(tmp_path / "folder.bpstudio")
    _same_data(other.model.dataset, s.model.dataset)
    for f in (folder / "not-cat").iterdir():  # a class folder emptied: said when found, nothing lost
        f.unlink()
    opened(qtbot, other, tmp_path / "csv.bpstudio")
    del said[:]
    assert other.open_session(str(tmp_path / "folder.bpstudio"))
    qtbot.waitUntil(lambda: any("its data set cannot be read" in m for m in said), timeout=10_000)
    assert "not-cat: no images" in said[-1]
    assert other.model.dataset.plane is not None and other.model.network.dims[0] == 2
    csv.unlink()  # gone: opening says so and changes nothing
    assert "its data set is missing" in refused(other, tmp_path / "csv.bpstudio")


def test_ctrl_s_writes_on_a_thread_and_an_edit_meanwhile_stays_unsaved(studio, qtbot,
                                                                       tmp_path, monkeypatch):
    writers, release = [], threading.Event()
    real = store.save_session

    def slow_save(*args):
        writers.append(threading.current_thread().name)
        release.wait(5)  # a slow disk
        real(*args)
    monkeypatch.setattr(store, "save_session", slow_save)
    s = studio()
    said = messages(s)
    path = tmp_path / "lesson.bpstudio"
    release.set()
    assert s.save_session(str(path))  # closing and scripts write at once, here
    assert s.set_hyper(learning_rate=0.3)
    assert s.store.modified
    release.clear()
    with qtbot.waitSignal(s.store.saved, timeout=30_000):
        assert s.store.save_in_background()  # Ctrl+S
        assert said[-1] == "Saving lesson.bpstudio…"
        assert s.set_hyper(learning_rate=0.25)  # the studio goes on while the disk is slow
        assert not s.store.save_in_background()  # Ctrl+S again
        assert said[-1] == "Still saving; a moment, please."
        release.set()
    assert said[-1] == "Saved lesson.bpstudio."
    assert writers == ["MainThread", "bpstudio-save"]
    assert s.store.modified  # 0.25 came after what was written
    other = studio()
    opened(qtbot, other, path)
    assert other.model.hyper.learning_rate == 0.3


def test_a_save_landing_after_another_session_opened_leaves_that_sessions_path(
        studio, qtbot, tmp_path, monkeypatch):
    """Else the next Ctrl+S would write the opened session over the file just saved."""
    s = studio()
    b = tmp_path / "b.bpstudio"
    assert s.save_session(str(b))
    release, real = threading.Event(), store.save_session

    def slow_save(*args):
        release.wait(5)
        real(*args)
    monkeypatch.setattr(store, "save_session", slow_save)
    said = messages(s)
    assert s.set_hyper(learning_rate=0.3)
    assert s.store.save_in_background(str(tmp_path / "a.bpstudio"))
    assert s.open_session(str(b))  # while a.bpstudio is written
    s.model.loader.wait()  # read on a thread
    with qtbot.waitSignal(s.store.saved, timeout=30_000):
        release.set()
    assert said[-1] == "Saved a.bpstudio."
    assert s.store.path == str(b) and (tmp_path / "a.bpstudio").exists()


def test_ctrl_s_to_a_session_behind_a_link_writes_its_target_and_keeps_its_permissions(
        studio, qtbot, tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "lesson.bpstudio"
    s = studio()
    assert s.save_session(str(target))
    target.chmod(0o640)
    link = tmp_path / "lesson.bpstudio"
    link.symlink_to(target)
    other = studio()
    said = messages(other)
    opened(qtbot, other, link)
    other.train_one_iteration()
    background_save(qtbot, other)  # Ctrl+S: its own file
    assert said[-1] == "Saved lesson.bpstudio."
    assert link.is_symlink() and target.stat().st_mode & 0o777 == 0o640
    assert load_session(target)[1]["costs"].shape == (1,)  # the one iteration reached the target
