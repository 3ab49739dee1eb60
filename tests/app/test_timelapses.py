"""File → Export → Time-lapse of this run… and ``bpstudio export --timelapse``: the file read
back with the library that wrote it: a title, then as many frames as asked, the iterations asked
for, each frame the network at that iteration (never trained again), the cost curve growing,
and beside the diagram what the data calls for (the rows of W[1] as pictures, the output over
the input plane); Cancel leaves no file; the command line writes what the window draws."""

from __future__ import annotations

import os
import re

import numpy as np
import pytest
from PIL import Image, ImageSequence
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from cancel_export import cancel_while_drawing
from status_messages import said_in, status_said

from bpstudio.app import i18n, main
from bpstudio.app.timelapses import timelapse_frames
from bpstudio.core.plane import plane_activations
from bpstudio.core.trainer import RunState
from bpstudio.session.studio import Studio
from bpstudio.session.timelapse import when_reachable
from bpstudio.widgets.plane_view import decision_line, output_rgb
from bpstudio.widgets.sign_marks import with_line
from bpstudio.widgets.step_frames import rgb_array


@pytest.fixture
def save_as(monkeypatch):
    answer = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(answer["path"]), ""))
    return answer



def train(qtbot, studio, iterations):
    assert studio.set_hyper(iterations=iterations)
    with qtbot.waitSignal(studio.training.state_changed, timeout=120000,
                          check_params_cb=lambda s: s is RunState.IDLE):
        assert studio.train()
    qtbot.waitUntil(lambda: not studio.busy, timeout=60000)


def choose(qtbot, w, suffix, frames, spacing):
    """File → Export → Time-lapse of this run…, the format, frames and spacing chosen, OK; back
    once the export has ended (written, failed or cancelled)."""
    export, ended = w.animations.export, []
    for signal in (export.finished, export.failed, export.cancelled):
        signal.connect(lambda *args: ended.append(args))
    w.findChild(object, "ExportTimelapse").trigger()
    dialog = w.findChild(object, "TimelapseDialog")
    qtbot.waitUntil(dialog.isVisible)
    box = dialog.findChild(object, "TimelapseFormat")
    box.setCurrentIndex(box.findData(suffix))
    dialog.findChild(object, "TimelapseFrames").setValue(frames)
    spacing_box = dialog.findChild(object, "TimelapseSpacing")
    spacing_box.setCurrentIndex(spacing_box.findData(spacing))
    buttons = dialog.findChild(QDialogButtonBox, "TimelapseButtons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(ended), timeout=120000)


def frames_of(path):
    with Image.open(path) as im:
        return [(np.asarray(f.convert("RGB")), f.info.get("duration"))
                for f in ImageSequence.Iterator(im)]


def shown_iteration(frames) -> int:
    return int(re.sub(r"\D", "", frames.title().split("(")[0]))


def test_a_run_exported_from_the_menu_frame_by_frame(make_window, qtbot, save_as, tmp_path):
    w = make_window()
    said = status_said(w)
    train(qtbot, w.studio, 120)
    save_as["path"] = path = tmp_path / "run.png"
    choose(qtbot, w, ".png", 6, "log")
    assert said_in(said, "Exported run.png"), said
    frames = frames_of(path)
    assert len(frames) == 1 + 6  # the title, then the run's
    assert all(f.shape == (768, 1024, 3) for f, _ in frames)
    assert [d for _, d in frames] == [3000] + [100] * 5 + [3000]
    first, last = frames[1][0], frames[-1][0]
    assert (first != last).any(axis=2).mean() > 0.01  # other weights, a longer curve
    # the window's time cursor is where it was: at now
    assert w.studio.timeline.cursor is None
    again = timelapse_frames(w.studio, "1024x768", 6, "log")
    # the iterations asked for: 121^(k/5) − 1 to the nearest (log-spaced), none moved
    assert again.frame.iterations == [round(121 ** (k / 5)) - 1 for k in range(6)]
    X, Y = w.studio.model.dataset.X_train, w.studio.model.dataset.Y_train
    recorded = w.studio.model.history.costs.view()
    assert np.array_equal(again.take(0), frames[0][0])  # the title
    shown = []
    for k, row in enumerate(again.frame.iterations, start=1):
        again.show(k)
        # frame k's weights: that iteration's, not a keyframe's near it: its cost is the one
        # training recorded at that iteration
        if row < len(recorded):
            assert again.frame.network.cost(X, Y) == pytest.approx(recorded[row], abs=1e-12)
        # frame k's weights: the time cursor's network at that iteration
        w.studio.move_time_cursor(row)
        w.studio.timeline.settle()
        cursor_net = w.studio.model.shown.network
        for mine, theirs in zip(again.frame.network.weights, cursor_net.weights):
            assert np.array_equal(mine, theirs)
        assert again.frame.iteration == cursor_net.iterations_trained
        # and the file's frame k is that network drawn: pixel for pixel
        assert np.array_equal(again.take(k), frames[k][0]), k
        shown.append(shown_iteration(again))
    assert shown == sorted(set(shown)) and shown[0] == 0 and shown[-1] == 120
    # the cost curve ends at the frame's iteration: longer frame by frame
    assert len(again.frame.costs_so_far()) > 100
    again.show(1)
    assert len(again.frame.costs_so_far()) == 1
    again.close()
    w.studio.back_to_now()


def test_cancel_leaves_no_file(make_window, qtbot, save_as, tmp_path, monkeypatch):
    from bpstudio.widgets.run_frames import RunFrames

    w = make_window()
    said = status_said(w)
    train(qtbot, w.studio, 40)
    save_as["path"] = tmp_path / "stopped.gif"
    drawn = cancel_while_drawing(monkeypatch, w, RunFrames)  # at the fourth frame
    choose(qtbot, w, ".gif", 20, "even")
    assert said_in(said, "not written"), said
    export = w.animations.export
    assert not export.running
    export.wait()
    assert os.listdir(tmp_path) == []
    assert drawn == [0, 1, 2, 3]


def test_frames_that_cannot_be_built_close_the_progress_and_say_why(make_window, qtbot, save_as,
                                                                  tmp_path, monkeypatch):
    """Out of memory while the frames' views were built: the progress dialog stayed open."""
    from bpstudio.app import timelapses

    def out_of_memory(*args, **kwargs):
        raise MemoryError

    w = make_window()
    said = status_said(w)
    train(qtbot, w.studio, 20)
    monkeypatch.setattr(timelapses, "timelapse_frames", out_of_memory)
    save_as["path"] = tmp_path / "run.gif"
    w.findChild(object, "ExportTimelapse").trigger()
    dialog = w.findChild(object, "TimelapseDialog")
    qtbot.waitUntil(dialog.isVisible)
    buttons = dialog.findChild(QDialogButtonBox, "TimelapseButtons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: said_in(said, "could not export (out of memory)"), timeout=60000)
    progress = w.findChild(object, "AnimationProgress")
    assert progress is None or not progress.isVisible()
    assert os.listdir(tmp_path) == []


def test_no_run_no_time_lapse(make_window, qtbot):
    w = make_window()
    said = status_said(w)
    w.findChild(object, "ExportTimelapse").trigger()
    assert said_in(said, "no run to show"), said
    assert w.findChild(object, "TimelapseDialog") is None


def run(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def test_the_command_line_writes_a_saved_runs_time_lapse(qtbot, capsys, tmp_path,
                                                         english_afterwards):
    import av

    studio = Studio()
    studio.set_pace(None)
    try:
        train(qtbot, studio, 80)
        session = tmp_path / "run.bpstudio"
        assert studio.save_session(str(session))
        out = tmp_path / "run.png"
        code, said, err = run(["export", str(session), "--timelapse", str(out), "--frames", "5",
                               "--spacing", "log", "--theme", "dark", "--language", "en"],
                              capsys)
        assert (code, err) == (0, ""), err
        assert said == f"wrote {out}: 6 frames (the title and 5 iterations), 1024x768\n"
        frames = frames_of(out)
        assert len(frames) == 6
        # what the window draws of the same run, pixel for pixel
        again = timelapse_frames(studio, "1024x768", 5, "log", "dark")
        for k in range(again.count):
            again.show(k)
            assert np.array_equal(again.take(k), frames[k][0]), k
        again.close()
        video = tmp_path / "run.mp4"
        code, said, err = run(["export", str(session), "--timelapse", str(video), "--frames",
                               "4", "--size", "1920x1080"], capsys)
        assert code == 0, err
        with av.open(str(video)) as c:
            decoded = [f.to_ndarray(format="rgb24") for f in c.decode(video=0)]
        assert decoded[0].shape == (1080, 1920, 3)
        # the title three seconds, a tenth of a second a frame, the last three seconds
        assert len(decoded) == 30 + 3 + 30
    finally:
        studio.shut_down()


def test_twin_runs_side_by_side(make_window, qtbot, save_as, tmp_path):
    w = make_window()
    s = w.studio
    train(qtbot, s, 60)
    twin = s.fork_twin(learning_rate=3.0)
    assert twin is not None
    assert s.train_every_run() or True
    qtbot.waitUntil(lambda: len(twin.model.history) >= 60 and not s.busy
                    and twin.training.state is RunState.IDLE, timeout=120000)
    save_as["path"] = path = tmp_path / "twins.png"
    choose(qtbot, w, ".png", 4, "even")
    frames = frames_of(path)
    assert len(frames) == 1 + 4
    again = timelapse_frames(s, "1024x768", 4, "even")
    assert [r.name for r in again.runs] == ["A", twin.name]
    half = 1024 // 2
    assert np.array_equal(again.take(0), frames[0][0])
    for k, row in enumerate(again.frame.iterations, start=1):
        again.show(k)
        a, b = again.runs
        if 0 < row < twin.timeline.last:
            assert np.array_equal(b.network.weights[0], twin.timeline.network_at(row).weights[0])
        assert np.array_equal(again.take(k), frames[k][0])
    # the two runs' diagrams differ (another learning rate): the halves of the last frame
    last = frames[-1][0]
    top, bottom = 84 + 40, 768 - 220
    assert (last[top:bottom, :half] != last[top:bottom, half:2 * half]).any()
    again.close()


def test_the_command_line_says_when_a_session_has_no_run(qtbot, capsys, tmp_path):
    studio = Studio()
    try:
        session = tmp_path / "untrained.bpstudio"
        assert studio.save_session(str(session))
        out = tmp_path / "run.gif"
        code, said, err = run(["export", str(session), "--timelapse", str(out)], capsys)
        assert code == 1 and "no training run to show" in err
        assert not out.exists()
        code, said, err = run(["export", str(session), "--timelapse", str(out), "--frames", "1"],
                              capsys)
        assert code == 2 and "--frames" in err
    finally:
        studio.shut_down()


# ----- what the data calls for, beside the diagram, and the title -------------------------------------


def trained(qtbot, studio, iterations):
    """Trained, and its iterations reachable by the time cursor."""
    train(qtbot, studio, iterations)
    reachable = []
    when_reachable(studio.timeline, reachable.append)
    qtbot.waitUntil(lambda: bool(reachable), timeout=60000)
    assert reachable == [True]


def settle(qtbot, studio):
    settled = []
    studio.when_settled(lambda: settled.append(True))
    qtbot.waitUntil(lambda: bool(settled), timeout=60000)


@pytest.fixture
def studio(qapp):
    s = Studio()
    s.set_pace(None)
    yield s
    s.shut_down()


def network_at(studio, row):
    t = studio.timeline
    return studio.model.network if row >= t.last else t.network_at(row)


def region(image, at, rect):
    x, y = at.x() + rect.x(), at.y() + rect.y()
    return image[y:y + rect.height(), x:x + rect.width()]


def test_pictures_show_each_row_of_W1_as_a_picture_at_the_frames_iteration(qtbot, studio,
                                                                            tmp_path):
    rng = np.random.default_rng(3)
    for name in ("cat", "not-cat"):
        (tmp_path / name).mkdir()
        for k in range(5):
            noise = rng.integers(0, 256, (8, 8, 3), dtype=np.uint8)
            image = QImage(noise.tobytes(), 8, 8, 24, QImage.Format.Format_RGB888)
            assert image.save(str(tmp_path / name / f"{k}.png"))
    assert studio.open_image_folder(str(tmp_path), side=8)
    studio.model.loader.wait()  # read on a thread
    qtbot.waitUntil(lambda: studio.model.dataset.input_shape == (8, 8, 3), timeout=30000)
    assert studio.set_layers([6, 1])
    settle(qtbot, studio)
    assert studio.model.network.dims == (8 * 8 * 3, 6, 1)
    trained(qtbot, studio, 30)
    frames = timelapse_frames(studio, "1024x768", 4, "even")
    panel = frames.panels[0]
    assert panel.objectName() == "TimelapseWeightRows"
    seen = []
    for k, row in enumerate(frames.frame.iterations, start=1):
        frames.show(k)
        image = frames.take(k)
        W = network_at(studio, row).weights[0]
        cells = panel.cells()
        assert [j for j, _ in cells] == list(range(6))  # every neuron of layer 1, in order
        for j, cell in cells:
            # the row as an 8×8×3 picture: grey 0, bright +, dark −, by its own max |w|;
            # each of its pixels a block of the cell (sampled at the blocks' middles)
            expected = np.clip((W[j].reshape(8, 8, 3) / np.abs(W[j]).max() + 1) / 2 * 255 + 0.5,
                               0, 255).astype(np.uint8)
            shown = region(image, frames.at(panel), cell)
            ys = ((np.arange(8) + 0.5) * cell.height() / 8).astype(int)
            xs = ((np.arange(8) + 0.5) * cell.width() / 8).astype(int)
            assert np.array_equal(shown[ys][:, xs], expected), (k, j)
        seen.append(region(image, frames.at(panel), cells[0][1]).copy())
        assert cells[0][1].width() >= 50  # a picture, not a speck
    assert not np.array_equal(seen[0], seen[-1])  # the weights moved
    assert "W[1]" in panel.caption() and "8×8×3" in panel.caption()
    frames.close()


def test_2d_data_shows_the_output_over_the_plane_at_the_frames_iteration(qtbot, studio):
    assert studio.use_builtin("circle")
    settle(qtbot, studio)
    trained(qtbot, studio, 40)
    frames = timelapse_frames(studio, "1920x1080", 3, "log")
    panel = frames.panels[0]
    assert panel.objectName() == "TimelapsePlane"
    assert not panel.discrete.isVisible() and not panel.show_test.isVisible()  # nothing to click
    heatmaps = []
    for k, row in enumerate(frames.frame.iterations, start=1):
        frames.show(k)
        image = frames.take(k)
        plane = studio.model.dataset.plane
        output = plane_activations(network_at(studio, row), plane.features,
                                   panel.maps.grid_side(), panel.maps.extent)[-1][0]
        # the output's colours, with the decision boundary a = 0.5 as a dark line
        expected = with_line(output_rgb(output, False), decision_line(output))
        assert np.array_equal(rgb_array(panel.image), expected), k
        # and the frame shows the panel's square as the panel draws it
        at = frames.at(panel) + panel.plane.pos()
        square = panel.plane.square().toRect()
        drawn = rgb_array(panel.plane.grab().toImage())
        assert np.array_equal(region(image, at, square),
                              region(drawn, panel.plane.rect().topLeft(), square)), k
        heatmaps.append(output)
        assert square.width() >= 300  # at 1920×1080
    assert not np.array_equal(heatmaps[0], heatmaps[-1])
    frames.close()


def test_the_title_frame_names_the_network_data_learning_rate_and_iterations(
        qtbot, studio, english_afterwards):
    assert studio.use_builtin("xor")
    settle(qtbot, studio)
    assert studio.set_hyper(learning_rate=0.25)
    trained(qtbot, studio, 50)
    frames = timelapse_frames(studio, "1024x768", 5, "even")
    net = studio.model.network
    layers = "–".join(map(str, net.dims))
    lines = [text for text, _ in frames.title_lines()]
    assert lines[0] == "Time-lapse of a training run"
    assert lines[1] == "XOR (2-D)"
    assert lines[2] == f"Network {layers} ({', '.join(net.activations)}) · learning rate α = 0.25"
    assert lines[3] == "5 frames after this one, iterations 0 to 50, evenly spaced"
    assert "output over the input plane" in lines[4] and "cost C" in lines[4]
    assert frames.count == 6 and frames.duration(0) >= 2000
    title = frames.take(0)
    frames.show(1)
    assert not np.array_equal(title, frames.take(1))
    frames.close()
    i18n.apply_language("zh_CN")
    frames = timelapse_frames(studio, "1024x768", 5, "log")
    lines = [text for text, _ in frames.title_lines()]
    assert "学习率 α = 0.25" in lines[2] and layers in lines[2]
    assert "迭代" in lines[3] and "0" in lines[3] and "50" in lines[3]
    assert "代价 C" in lines[4]
    assert not any(c.isascii() and c.isalpha() and c not in "CWα" for c in lines[0])
    frames.close()


def test_the_title_names_every_change_of_the_learning_rate(qtbot, studio):
    """α, then another, then the first again: three runs on, three rates (a set of them said
    'α = 0.25 → 0.5' and hid the last change)."""
    assert studio.use_builtin("xor")
    settle(qtbot, studio)
    for alpha in (0.25, 0.5, 0.25):
        assert studio.set_hyper(learning_rate=alpha)
        trained(qtbot, studio, 10)
    frames = timelapse_frames(studio, "1024x768", 5, "even")
    assert "learning rate α = 0.25 → 0.5 → 0.25" in frames.title_lines()[2][0]
    frames.close()


def test_twins_titles_name_each_run_in_its_colour(studio, qtbot):
    s = studio
    trained(qtbot, s, 30)
    twin = s.fork_twin(learning_rate=2.0)
    assert twin is not None
    s.train_every_run()
    qtbot.waitUntil(lambda: len(twin.model.history) >= 30 and not s.busy
                    and twin.training.state is RunState.IDLE, timeout=120000)
    reachable = []
    when_reachable(twin.timeline, reachable.append)
    qtbot.waitUntil(lambda: bool(reachable), timeout=60000)
    frames = timelapse_frames(s, "1024x768", 3, "even")
    lines = frames.title_lines()
    assert lines[0][0] == "Time-lapse of 2 training runs side by side"
    mine = [(t, c) for t, c in lines if t.startswith("A: ")]
    theirs = [(t, c) for t, c in lines if t.startswith(f"{twin.name}: ")]
    assert len(mine) == len(theirs) == 1
    assert "learning rate α = 2" in theirs[0][0] and theirs[0][1] == frames.colours[1]
    assert isinstance(mine[0][1], QColor) and mine[0][1] != theirs[0][1]
    frames.close()
