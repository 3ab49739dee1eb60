"""Every save and export of the window replaces a regular file or nothing (issue 33, part 3): into a
FIFO, a folder or a link to a FIFO, each one is refused with one line in the status bar, and the
thing there stays what it was (a FIFO was replaced by a regular file; as root, a device)."""

from __future__ import annotations

import os
import stat

import pytest
from user_actions import train_and_wait


def link_to_fifo(path):
    os.mkfifo(path.with_name(path.name + ".fifo"))
    path.symlink_to(path.with_name(path.name + ".fifo"))


KINDS = {"fifo": os.mkfifo, "folder": os.mkdir, "link to a fifo": link_to_fifo}


def writers(w):
    files = w.files
    return {"diagram.png": lambda p: w.diagram.export_png(p, 1.0),
            "diagram.svg": w.diagram.export_svg,
            "plots.png": lambda p: w.cost_plot.export(p, 1.0),
            "plots.svg": w.cost_plot.export,
            "cost.csv": files.export_cost_csv,
            "training-log.csv": files.export_training_log,
            "model.npz": files.export_model,
            "explanation.csv": w.equations.explain_pane.write_csv,
            "runs.csv": w.studio.runs.write_csv}


@pytest.mark.parametrize("kind", KINDS)
def test_every_export_and_the_session_refuse_what_is_not_a_regular_file(make_window, qtbot,
                                                                       tmp_path, kind):
    w = make_window()
    w.studio.model.set_hyper(iterations=5)
    train_and_wait(qtbot, w)
    for name, write in writers(w).items():
        target = tmp_path / name
        KINDS[kind](target)
        before = stat.S_IFMT(os.stat(target).st_mode)
        assert not w.files.export_to(str(target), write), name
        said = w.statusBar().currentMessage()
        assert f"{name}: could not export" in said and "not a regular file" in said, said
        assert "\n" not in said
        assert stat.S_IFMT(os.stat(target).st_mode) == before, name
    target = tmp_path / "work.bpstudio"
    KINDS[kind](target)
    before = stat.S_IFMT(os.stat(target).st_mode)
    assert not w.studio.store.save(str(target))
    said = w.statusBar().currentMessage()
    assert "could not save" in said and "not a regular file" in said, said
    assert stat.S_IFMT(os.stat(target).st_mode) == before
    assert not stat.S_ISREG(os.stat(target).st_mode)


@pytest.mark.parametrize("kind", KINDS)
def test_train_save_refuses_what_is_not_a_regular_file(tmp_path, capsys, cat_files, kind):
    from bpstudio.app import main

    cat_files(tmp_path / "data", m_train=6, m_test=4)
    target = tmp_path / "model.npz"
    KINDS[kind](target)
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "--data", str(tmp_path / "data"), "--layers", "48,2,1", "--iterations", "3",
              "--save", str(target)])
    err = capsys.readouterr().err
    assert exit_info.value.code == 1
    assert len(err.strip().splitlines()) == 1 and "not a regular file" in err, err
    assert not stat.S_ISREG(os.stat(target).st_mode)


@pytest.mark.parametrize("kind", KINDS)
def test_a_damaged_autosave_is_not_set_aside_over_a_fifo_or_a_folder(make_window, kind):
    from bpstudio.session.session_store import autosave_path

    path = autosave_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a session at all")
    aside = path.with_name("autosave-damaged.bpstudio")
    KINDS[kind](aside)
    before = stat.S_IFMT(os.stat(aside).st_mode)
    w = make_window()
    assert not w.check_autosave()
    assert "The autosave cannot be restored" in w.statusBar().currentMessage()
    assert stat.S_IFMT(os.stat(aside).st_mode) == before and not stat.S_ISREG(before)
    assert path.read_bytes() == b"not a session at all"  # kept where it was


@pytest.mark.parametrize("kind", KINDS)
def test_the_step_matrices_refuse_a_fifo_or_a_folder_of_their_name(make_window, qtbot, tmp_path,
                                                                  kind):
    w = make_window()
    w.studio.model.set_hyper(iterations=5)
    train_and_wait(qtbot, w)
    w.studio.stepper.set_mode("batch")
    steps = w.studio.stepper.stepper.steps
    w.studio.stepper.go(next(s.index for s in steps if s.equation.label == "3b") + 1)
    (tmp_path / "first").mkdir()
    names = [os.path.basename(p) for p in w.files.export_step(str(tmp_path / "first"))]
    assert len(names) == 3
    (tmp_path / "second").mkdir()
    KINDS[kind](tmp_path / "second" / names[1])
    assert w.files.export_step(str(tmp_path / "second")) == []
    said = w.statusBar().currentMessage()
    assert f"{names[1]}: could not export" in said and "not a regular file" in said, said
    assert not stat.S_ISREG(os.stat(tmp_path / "second" / names[1]).st_mode)


@pytest.mark.parametrize("kind", KINDS)
def test_a_recorded_lesson_refuses_a_fifo_or_a_folder(make_window, tmp_path, monkeypatch, kind):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QFileDialog

    w = make_window()
    record = w.findChild(QAction, "LessonRecordAction")
    record.trigger()  # on
    path = tmp_path / "mine.md"
    KINDS[kind](path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    record.trigger()  # off: saved where the teacher says, which is no file
    said = w.statusBar().currentMessage()
    assert said.startswith("mine.md: ") and "not a regular file" in said and "\n" not in said
    assert not stat.S_ISREG(os.stat(path).st_mode)
