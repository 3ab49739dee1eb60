"""File → Export → Animation of this iteration…: the dialog chosen as a user chooses, the file
read back with the library that wrote it: a title, then every step in order, each frame the
step as the equation stage draws it; the window's own stepping stays where it was; Cancel leaves
no file."""

from __future__ import annotations

import os

import numpy as np
import pytest
from PIL import Image, ImageSequence
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from cancel_export import cancel_while_drawing
from status_messages import said_in, status_said
from bpstudio.app.animations import iteration_frames


@pytest.fixture
def save_as(monkeypatch):
    answer = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(answer["path"]), ""))
    return answer



def choose(qtbot, w, suffix, samples="sample", seconds=2.0):
    """File → Export → Animation of this iteration…, the format and samples chosen, OK; back
    once the export has ended (written, failed or cancelled)."""
    export, ended = w.animations.export, []
    for signal in (export.finished, export.failed, export.cancelled):
        signal.connect(lambda *args: ended.append(args))
    w.findChild(object, "ExportAnimation").trigger()
    dialog = w.findChild(object, "AnimationDialog")
    qtbot.waitUntil(dialog.isVisible)
    box = dialog.findChild(object, "AnimationFormat")
    box.setCurrentIndex(box.findData(suffix))
    samples_box = dialog.findChild(object, "AnimationSamples")
    samples_box.setCurrentIndex(samples_box.findData(samples))
    dialog.findChild(object, "AnimationSeconds").setValue(seconds)
    buttons = dialog.findChild(QDialogButtonBox, "AnimationButtons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(ended), timeout=120000)


def frames_of(path):
    with Image.open(path) as im:
        return [(np.asarray(f.convert("RGB")), f.info.get("duration"))
                for f in ImageSequence.Iterator(im)]


def test_an_iteration_exported_from_the_menu_shows_every_step_in_order(make_window, qtbot,
                                                                       save_as, tmp_path):
    w = make_window()
    said = status_said(w)
    w.studio.step_next()
    w.studio.step_next()  # the window's stepping, which the export leaves where it is
    steps = len(w.studio.stepper.stepper.steps)
    save_as["path"] = path = tmp_path / "iteration.png"
    choose(qtbot, w, ".png", seconds=1.5)
    assert said_in(said, "Exported iteration.png"), said
    frames = frames_of(path)
    assert len(frames) == 1 + steps  # the title, then each step
    assert all(f.shape == (768, 1024, 3) for f, _ in frames)
    assert [d for _, d in frames] == [3000] + [1500] * steps
    for (a, _), (b, _) in zip(frames, frames[1:]):
        assert (a != b).any(axis=2).mean() > 0.01  # each frame a step of its own
    assert w.studio.stepper.position() == 2
    assert w.findChild(object, "AnimationProgress") is None or \
        not w.findChild(object, "AnimationProgress").isVisible()
    # frame k is step k as the equation stage draws it: drawn again, pixel for pixel
    again = iteration_frames(w.studio, "1024x768", 1.5, "sample")
    for k in (0, 1, steps // 2, steps):
        again.show(k)
        qtbot.wait(0)  # the panel's words laid out, as between the export's slices
        assert np.array_equal(again.take(k), frames[k][0])
    # the end of the iteration as the stage shows it, without the window's Apply: no button to
    # press in a film
    assert w.studio.stepper.position() == 2 and not again.panel.apply_row.isVisible()
    again.close()


def test_the_whole_batch_and_a_video(make_window, qtbot, save_as, tmp_path):
    import av

    w = make_window()
    said = status_said(w)
    w.studio.set_step_mode("sample")
    save_as["path"] = path = tmp_path / "batch.mp4"
    choose(qtbot, w, ".mp4", samples="batch", seconds=0.5)
    assert said_in(said, "Exported batch.mp4"), said
    with av.open(str(path)) as c:
        decoded = [f.to_ndarray(format="rgb24") for f in c.decode(video=0)]
    w.studio.set_step_mode("batch")
    steps = len(w.studio.stepper.stepper.steps)
    assert decoded[0].shape == (768, 1024, 3)
    assert len(decoded) == 30 + 5 * steps  # 3 s of title, then half a second a step, 10 a second
    assert (decoded[0] != decoded[30]).any(axis=2).mean() > 0.01


def test_cancel_leaves_no_file(make_window, qtbot, save_as, tmp_path, monkeypatch):
    from bpstudio.widgets.step_frames import IterationFrames

    w = make_window()
    said = status_said(w)
    save_as["path"] = tmp_path / "stopped.gif"
    drawn = cancel_while_drawing(monkeypatch, w, IterationFrames)  # at the fourth frame
    choose(qtbot, w, ".gif")
    assert said_in(said, "not written"), said
    export = w.animations.export
    assert not export.running
    export.wait()  # the encoder's thread has removed what it began
    assert os.listdir(tmp_path) == []
    assert drawn == [0, 1, 2, 3]  # nothing drawn after Cancel
    assert w.findChild(object, "AnimationProgress") is None or \
        not w.findChild(object, "AnimationProgress").isVisible()


def test_ctrl_shift_c_copies_the_view_as_a_picture(make_window, qtbot):
    from PySide6.QtGui import QGuiApplication

    w = make_window()
    said = status_said(w)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(w, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    image = QGuiApplication.clipboard().image()
    menus, status = w.menuBar().geometry(), w.statusBar().geometry()
    assert (image.width(), image.height()) == (w.width(), status.top() - menus.bottom() - 1)
    assert said_in(said, f"({image.width()}×{image.height()})"), said
    # the diagram where it is on screen: the picture's pixels there are the diagram's own
    corner = w.diagram.mapTo(w, w.diagram.rect().center())
    shown = w.grab().toImage().pixelColor(corner)
    assert image.pixelColor(corner.x(), corner.y() - menus.bottom() - 1) == shown
    assert len({image.pixelColor(x, image.height() // 2).rgb()
                for x in range(0, image.width(), 7)}) > 3  # a view, not a blank


def test_the_title_of_an_unlabelled_pictures_iteration_says_what_it_is(qtbot):
    """A picture nobody labelled is stepped forward only: the title frame says so (not "cost,
    backward pass, update") and names the picture as the input, not as a sample of the data."""

    from bpstudio.session.studio import Studio

    s = Studio()
    try:
        assert s.choose_preset("plane-moons")
        qtbot.waitUntil(lambda: not s.busy)
        assert s.model.sample.choose_picture("mine.png", np.array([0.3, -0.2]))
        qtbot.waitUntil(lambda: s.stepper.stepper is not None and s.stepper.stepper.forward_only)
        frames = iteration_frames(s, "1024x768", 1.0, "sample")
        try:
            _network, samples, steps = frames.title_lines()
        finally:
            frames.close()
        assert samples == "The input: your image mine.png"
        assert "the forward pass only" in steps and "update" not in steps
        assert "no loss L" in steps and "cost" not in steps  # one sample: its loss, not a cost
        assert f" {len(s.stepper.stepper.steps)} steps" in steps
    finally:
        s.shut_down()


@pytest.mark.parametrize("edit", ["layers", "reset"])
def test_an_edit_while_the_frames_are_drawn_stops_the_export_and_writes_nothing(
        qtbot, tmp_path, edit):
    """The network changed under the export (a file opened meanwhile, a key): the film would
    show two networks under one title, or wait for frames that no longer come."""
    from bpstudio.session.animation_export import AnimationExport
    from bpstudio.session.studio import Studio

    s = Studio()
    try:
        assert s.choose_preset("seed-3-2-1")
        qtbot.waitUntil(lambda: not s.busy and s.stepper.stepper is not None)
        frames = iteration_frames(s, "1024x768", 1.0, "sample")
        export = AnimationExport()
        out = tmp_path / "steps.gif"
        drawn = []
        show = frames.show

        def watched(k):
            drawn.append(k)
            if k == 3:  # half-way: the edit comes
                if edit == "layers":
                    assert s.set_layers([3, 3, 1])
                else:
                    s.reset_parameters()
            show(k)

        frames.show = watched
        with qtbot.waitSignal(export.failed, timeout=60_000) as failed:
            export.start(str(out), frames)
        assert "changed while" in str(failed.args[0])
        export.wait()  # (the encoder's thread ends)
        assert not out.exists() and not list(tmp_path.iterdir())
        assert max(drawn) <= 4  # it stopped there
        frames.close()
    finally:
        s.shut_down()


def test_an_iteration_that_cannot_be_laid_out_says_why_and_writes_nothing(
        make_window, qtbot, save_as, tmp_path, monkeypatch):
    from bpstudio.session import stepper_model

    def out_of_memory(*args):
        raise MemoryError

    monkeypatch.setattr(stepper_model.StepperModel, "costly", property(lambda self: True))
    monkeypatch.setattr(stepper_model, "Stepper", out_of_memory)
    w = make_window()
    said = status_said(w)
    save_as["path"] = tmp_path / "steps.gif"
    w.findChild(object, "ExportAnimation").trigger()
    dialog = w.findChild(object, "AnimationDialog")
    qtbot.waitUntil(dialog.isVisible)
    buttons = dialog.findChild(QDialogButtonBox, "AnimationButtons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: said_in(said, "could not export"), timeout=30000)
    assert said_in(said, "steps.gif: could not export (the iteration could not be laid out: out "
                         "of memory)"), said
    assert w.animations.progress is None and w.animations.frames is None  # closed
    assert not w.animations.export.running
    assert os.listdir(tmp_path) == []
