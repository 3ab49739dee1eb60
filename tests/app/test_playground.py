"""The 2-D playground in the window: presets that learn each set, the data controls, the output
heatmap read back pixel by pixel, the neurons' own heatmaps, and your own CSV and image folders."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QCheckBox, QLabel, QSlider

from file_drops import send_file_drop
from user_actions import choose, train_and_wait
from bpstudio.core.plane import feature_rows

PRESET_TITLES = {
    "plane-circle": "Circle: x₁², x₂², no hidden layer",
    "plane-xor": "XOR: x₁x₂, no hidden layer",
    "plane-gaussians": "Two Gaussians: x₁, x₂, no hidden layer",
    "plane-moons": "Two moons: x₁, x₂, 8 tanh neurons",
    "plane-spiral": "Spiral: all seven features, 8–8–4 tanh",
}


@pytest.fixture
def window(make_window):
    return make_window(1600, 1000)


def tick(qtbot, box: QCheckBox):
    """A click on the box itself (its indicator, at the left)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def input_size_reads(qtbot, window, text):
    """The editor's input row (rebuilt rows replace the old ones at the next turn)."""
    qtbot.waitUntil(lambda: [label.text() for label in window.findChildren(QLabel, "InputSize")
                             if label.isVisible()] == [text])


def test_without_2d_data_the_playground_stays_out_of_the_way(window):
    assert window.studio.model.dataset.plane is None  # the seed's three features
    assert not window.plane_view.isVisible() and not window.playground.isVisible()


@pytest.mark.parametrize("preset,iterations,dims", [
    ("plane-circle", 300, (2, 1)),  # x₁², x₂² and no hidden layer
    ("plane-xor", 300, (1, 1)),  # x₁x₂
    ("plane-gaussians", 300, (2, 1)),
    ("plane-moons", 2000, (2, 8, 1)),
    ("plane-spiral", 5000, (7, 8, 8, 4, 1)),  # a deeper net
])
def test_each_set_is_learnt_to_95_percent_test_accuracy_by_its_preset(window, qtbot, preset,
                                                                      iterations, dims):
    choose(qtbot, window.editor.preset_box, PRESET_TITLES[preset])
    assert window.studio.model.network.dims == dims
    input_size_reads(qtbot, window, f"{dims[0]} (from the data)")
    assert window.plane_view.isVisible() and window.playground.isVisible()
    assert window.editor.iterations_spin.value() == iterations
    train_and_wait(qtbot, window)
    assert window.studio.model.network.iterations_trained == iterations
    net, ds = window.studio.model.network, window.studio.model.dataset
    train, test = (100 * float(((net.predict_proba(X) > 0.5) == Y).mean())
                   for X, Y in ((ds.X_train, ds.Y_train), (ds.X_test, ds.Y_test)))
    label = window.findChild(QLabel, "PlaneAccuracy")  # what the user reads, after the run
    qtbot.waitUntil(lambda: label.text() == f"train accuracy {train:.1f}\u00a0% · test accuracy {test:.1f}\u00a0%")
    assert test >= 95.0, label.text()


def test_noise_share_regenerate_and_features_change_the_data_and_the_input_layer(window, qtbot):
    choose(qtbot, window.editor.data_box, "XOR (2-D)")
    panel = window.playground
    before = window.studio.model.dataset
    noise = panel.findChild(QSlider, "NoiseSlider")
    noise.setFocus()
    for _ in range(2):  # two page steps: 20 %
        qtbot.keyClick(noise, Qt.Key.Key_PageUp)
    ds = window.studio.model.dataset
    assert ds.plane.noise == pytest.approx(0.2) and "Noise 20 %" in panel.noise_label.text()
    assert not np.array_equal(ds.points_train, before.points_train)
    share = panel.findChild(QSlider, "TrainShareSlider")
    share.setFocus()
    qtbot.keyClick(share, Qt.Key.Key_End)
    assert window.studio.model.dataset.X_train.shape[1] == 360  # 90 % of 400
    seed = window.studio.model.dataset.plane.seed
    qtbot.mouseClick(panel.regenerate, Qt.MouseButton.LeftButton)
    assert window.studio.model.dataset.plane.seed == seed + 1 and f"Seed {seed + 1}" in panel.seed_label.text()
    tick(qtbot, panel.findChild(QCheckBox, "Feature_x1x2"))
    assert window.studio.model.network.dims[0] == 3
    input_size_reads(qtbot, window, "3 (from the data)")
    for name in ("Feature_x1", "Feature_x2", "Feature_x1x2"):  # the last one cannot go
        tick(qtbot, panel.findChild(QCheckBox, name))
    assert window.studio.model.dataset.plane.features == ("x1x2",)
    assert panel.findChild(QCheckBox, "Feature_x1x2").isChecked()
    assert "at least one input feature" in window.training_panel.status.text()
    window.studio.model.undo()  # the features were an edit like any other
    assert window.studio.model.dataset.plane.features == ("x2", "x1x2")


def _side(colour: QColor) -> int:
    """+1 for a blue-ish pixel, −1 for an orange-ish one."""
    return 1 if colour.blue() > colour.red() else -1


def test_the_heatmaps_pixels_agree_with_the_networks_prediction(window, qtbot):
    choose(qtbot, window.editor.preset_box, PRESET_TITLES["plane-moons"])
    window.studio.model.set_hyper(iterations=400)  # half-learnt: a boundary with curves and doubt
    train_and_wait(qtbot, window)
    view = window.plane_view
    for discrete in (False, True):
        view.discrete.setChecked(discrete)
        view.refresh_now()
        view.show_test.setChecked(False)
        view.show_test.setChecked(True)
        image: QImage = view.plane.grab().toImage()
        net, features = window.studio.model.network, window.studio.model.dataset.plane.features
        checked = 0
        for x1 in np.linspace(-1.3, 1.3, 9):
            for x2 in np.linspace(-1.3, 1.3, 9):
                p = float(net.predict_proba(feature_rows(np.array([[x1], [x2]]), features))[0, 0])
                at = view.to_widget(x1, x2).toPoint()
                if abs(p - 0.5) < 0.1 or _near_a_point(window, view, at):
                    continue  # at the boundary a pixel's centre and the probe differ a little
                colour = image.pixelColor(at)
                assert _side(colour) == (1 if p > 0.5 else -1), (x1, x2, p, colour.name())
                if discrete:  # two colours only
                    assert colour.name() in _decision_colours(), colour.name()
                checked += 1
        assert checked > 30


def _decision_colours():
    from bpstudio.widgets.plane_view import output_rgb

    rgb = output_rgb(np.array([[0.0, 1.0]]), discrete=True)[0]
    return {QColor(*map(int, c)).name() for c in rgb}


def _near_a_point(window, view, at: QPoint) -> bool:
    ds = window.studio.model.dataset
    for points in (ds.points_train, ds.points_test):
        for x1, x2 in points.T:
            c = view.to_widget(x1, x2)
            if abs(c.x() - at.x()) < 8 and abs(c.y() - at.y()) < 8:
                return True
    return False


def test_every_neuron_shows_its_own_heatmap_and_a_bigger_one_under_the_mouse(window, qtbot):
    choose(qtbot, window.editor.preset_box, PRESET_TITLES["plane-moons"])
    d = window.diagram
    d.refresh_now()
    assert set(d.scene.neuron_maps) == {(0, 0), (0, 1), *((1, j) for j in range(8)), (2, 0)}
    # x₁'s map runs from orange (left, x₁ < 0) to blue (right) across the input neuron
    image = d.grab().toImage()
    centre, r = d.neuron_pos(0, 0), d.scene.layout.radius
    left = image.pixelColor(int(centre.x() - r * 0.6), int(centre.y()))
    right = image.pixelColor(int(centre.x() + r * 0.6), int(centre.y()))
    assert _side(left) == -1 and _side(right) == 1, (left.name(), right.name())
    before = d.grab().toImage()
    target = d.neuron_pos(1, 3).toPoint()
    qtbot.mouseMove(d, target)
    qtbot.waitUntil(lambda: d.hovered == (1, 3))
    after = d.grab().toImage()
    big = d.hover_map_rect()
    assert after.pixelColor(big.center().toPoint()) != before.pixelColor(big.center().toPoint())
    # its corners show a_4^[1] at the plane's corners: the same side of 0 as the network's value
    a = window.studio.plane_maps.activations()[1][3]
    G = a.shape[0]
    sides = set()
    for row, col in ((0, 0), (0, G - 1), (G - 1, 0), (G - 1, G - 1), (G // 2, G // 2)):
        if abs(a[row, col]) < 0.2:
            continue
        pixel = QPoint(int(big.left() + (col + 0.5) / G * big.width()),
                       int(big.top() + (row + 0.5) / G * big.height()))
        sides.add(_side(after.pixelColor(pixel)))
        assert _side(after.pixelColor(pixel)) == (1 if a[row, col] > 0 else -1), (row, col)
    assert sides == {-1, 1}  # this neuron's map has both colours: a picture, not a patch
    qtbot.mouseMove(d, QPoint(5, 5))
    qtbot.waitUntil(lambda: d.hovered is None)


def test_a_dropped_csv_becomes_the_data_set_and_a_bad_one_names_its_lines(window, qtbot, tmp_path):
    rng = np.random.default_rng(0)
    pts = rng.uniform(-3, 3, (60, 2))
    rows = [f"{x1:.4f},{x2:.4f},{int(x1 * x1 + x2 * x2 < 4)}" for x1, x2 in pts]
    good = tmp_path / "rings.csv"
    good.write_text("a,b,label\n" + "\n".join(rows) + "\n")
    assert send_file_drop(window, window.rect().center(), [good]) == (True, True)
    window.studio.model.loader.wait()  # read on a thread
    ds = window.studio.model.dataset
    assert ds.name == "rings" and ds.plane.source == "csv" and ds.n_features == 2
    assert window.plane_view.isVisible() and window.playground.isVisible()
    assert not window.playground.noise.isEnabled()  # a CSV's points are what they are
    tick(qtbot, window.playground.findChild(QCheckBox, "Feature_x1sq"))
    assert window.studio.model.network.dims[0] == 3
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,label\n1,2,1\n1,two,0\n3,4,7\n")
    before = window.studio.model.dataset
    assert send_file_drop(window, window.rect().center(), [bad]) == (True, True)
    window.studio.model.loader.wait()
    assert window.studio.model.dataset is before
    assert ("bad.csv: 2 bad rows, nothing was loaded: line 3: 'two' is not a number; line 4: "
            "the label is 7, not 0 or 1") in window.training_panel.status.text()


def test_a_dropped_folder_of_class_folders_is_read_with_progress(window, qtbot, tmp_path):
    root = tmp_path / "pets"
    for name, colour in (("cat", "#ff0000"), ("not-cat", "#0000ff")):
        (root / name).mkdir(parents=True)
        for k in range(6):
            image = QImage(40 + k, 30, QImage.Format.Format_RGB32)
            image.fill(QColor(colour))
            image.save(str(root / name / f"{k}.png"))
    (root / "cat" / "broken.png").write_bytes(b"not a png")
    messages, progress = [], []
    window.statusBar().messageChanged.connect(messages.append)
    # after the status bar's own part has shown it
    window.studio.model.loader.progressed.connect(lambda *_: progress.append(window.load_progress.text.text()))
    assert send_file_drop(window, window.rect().center(), [root]) == (True, True)
    qtbot.waitUntil(lambda: window.studio.model.dataset.name == "pets", timeout=10_000)
    ds = window.studio.model.dataset
    assert ds.input_shape == (64, 64, 3) and ds.classes == ("not-cat", "cat")
    assert ds.X_train.shape[1] + ds.X_test.shape[1] == 12
    assert window.studio.model.network.dims[0] == 64 * 64 * 3
    assert progress[-1] == "Reading pets: 13 of 13 images"
    assert not window.load_progress.isVisible()  # once read
    assert any("Skipped 1 file that could not be read: broken.png" in m for m in messages)
    assert any(m.startswith("pets: 12 images read") for m in messages)
    assert not window.plane_view.isVisible()  # images are no plane



def test_the_playground_trains_slowly_enough_to_watch_and_full_speed_is_one_click(make_window,
                                                                                  qtbot):
    w = make_window(1024, 768, full_speed=False)
    panel, training = w.training_panel, w.studio.training
    assert panel.pace_box.currentText() == "as fast as possible"  # the first start's three features
    assert not panel.full_speed.isEnabled()
    choose(qtbot, w.editor.preset_box, PRESET_TITLES["plane-xor"])
    qtbot.waitUntil(lambda: training.pace is not None)
    assert panel.pace_box.currentText() == f"{training.pace:g} iterations a second"
    assert panel.full_speed.isVisible() and panel.full_speed.isEnabled()
    qtbot.mouseClick(panel.full_speed, Qt.MouseButton.LeftButton)
    assert training.pace is None and panel.pace_box.currentText() == "as fast as possible"
    assert not panel.full_speed.isEnabled()
    choose(qtbot, w.editor.preset_box, PRESET_TITLES["plane-spiral"])  # the choice stays
    qtbot.waitUntil(lambda: w.studio.model.network.dims[0] == 7)
    assert training.pace is None
