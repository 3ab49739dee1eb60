"""What a time-lapse frame shows beside the diagram, as the data calls for it, at the frame's
iteration (recomputed from the run, never trained again): the rows of W[1] as pictures for
image data, the output over the input plane for 2-D data; and its title frame's words."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from bpstudio.app import i18n
from bpstudio.app.timelapses import timelapse_frames
from bpstudio.core.plane import plane_activations
from bpstudio.core.trainer import RunState
from bpstudio.session.studio import Studio
from bpstudio.session.timelapse import when_reachable
from bpstudio.widgets.plane_view import output_rgb
from bpstudio.widgets.step_frames import rgb_array


def train(qtbot, studio, iterations):
    assert studio.set_hyper(iterations=iterations)
    with qtbot.waitSignal(studio.training.state_changed, timeout=120000,
                          check_params_cb=lambda s: s is RunState.IDLE):
        assert studio.train()
    qtbot.waitUntil(lambda: not studio.busy, timeout=60000)
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
    train(qtbot, studio, 30)
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
    train(qtbot, studio, 40)
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
        assert np.array_equal(rgb_array(panel.image), output_rgb(output, False)), k
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
    train(qtbot, studio, 50)
    frames = timelapse_frames(studio, "1024x768", 5, "even")
    net = studio.model.network
    layers = "–".join(map(str, net.dims))
    lines = [text for text, _ in frames.title_lines()]
    assert lines[0] == "Time-lapse of a training run"
    assert lines[1] == "XOR (2-D)"
    assert lines[2] == f"Network {layers} ({', '.join(net.activations)}) · learning rate α = 0.25"
    assert lines[3] == "5 frames, iterations 0 to 50, evenly spaced"
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


def test_twins_titles_name_each_run_in_its_colour(make_window, qtbot):
    w = make_window()
    s = w.studio
    s.set_pace(None)
    train(qtbot, s, 30)
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
