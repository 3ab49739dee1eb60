from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QToolTip
from readable_labels import assert_labels_fit

from bpstudio.session.network_model import NetworkModel
from bpstudio.session.plane_maps import PlaneMaps
from bpstudio.widgets.network_diagram import NetworkDiagram
from bpstudio.widgets.palette import NOT_A_NUMBER


def shown(qtbot, d: NetworkDiagram, width: int = 900, height: int = 600) -> NetworkDiagram:
    qtbot.addWidget(d)
    d.resize(width, height)
    d.show()
    qtbot.waitExposed(d)
    d.refresh_now()
    return d


@pytest.fixture
def diagram(qtbot):
    return shown(qtbot, NetworkDiagram(NetworkModel()))


def colour_at(widget, point: QPointF):
    img = widget.grab().toImage()
    ratio = img.devicePixelRatio()
    return img.pixelColor(int(point.x() * ratio), int(point.y() * ratio))


def test_labels_show_index_size_and_activation(diagram):
    assert diagram.layer_labels() == ["input: n[0] = 3", "layer 1: n[1] = 2 · sigmoid",
                                      "output: n[2] = 1 · sigmoid"]
    assert [len(diagram.drawn_neurons(l)) for l in range(3)] == [3, 2, 1]
    assert diagram.edge_count() == 3 * 2 + 2 * 1


def test_edges_are_coloured_by_sign(diagram):
    model = diagram.model
    W1, W2 = model.network.weights
    model.set_parameters([W1, np.array([[3.0, -3.0]])], model.network.biases)
    diagram.refresh_now()
    out = diagram.neuron_pos(2, 0)
    for j, sign in ((0, "+"), (1, "-")):
        mid = (diagram.neuron_pos(1, j) + out) / 2
        c = colour_at(diagram, mid)
        if sign == "+":
            assert c.blue() > c.red() + 60, c.name()  # blue for w > 0
        else:
            assert c.red() > c.blue() + 60, c.name()  # orange for w < 0


def test_neurons_are_coloured_by_their_activation(diagram):
    model = diagram.model
    model.set_parameters([np.full((2, 3), 0.0), np.array([[0.0, 0.0]])],
                         [np.array([[8.0], [-8.0]]), np.zeros((1, 1))])
    diagram.refresh_now()
    r = diagram.scene.layout.radius
    high = colour_at(diagram, diagram.neuron_pos(1, 0) + QPointF(0, r * 0.7))  # a ≈ 1: blue
    low = colour_at(diagram, diagram.neuron_pos(1, 1) + QPointF(0, r * 0.7))  # a ≈ 0: pale
    assert high.blue() > high.red() + 80
    assert low.lightness() > 220


def test_hover_shows_z_and_a_in_the_seeds_notation(diagram, qtbot):
    x, Zs, As = diagram.model.sample.forward()
    pos = diagram.neuron_pos(1, 1).toPoint()
    qtbot.mouseMove(diagram, pos)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    text = QToolTip.text()  # typeset: z₂ with [1] above, as the tutorial writes it
    assert f"<i>z</i><sub>2</sub><sup>[1]</sup> = {Zs[0][1, 0]:.6g}" in text
    assert f"<i>a</i><sub>2</sub><sup>[1]</sup> = {As[1][1, 0]:.6g}" in text
    assert "_" not in text and "^" not in text


def test_hover_an_edge_shows_its_weight(diagram):
    W2 = diagram.model.network.weights[1]
    mid = (diagram.neuron_pos(1, 0) + diagram.neuron_pos(2, 0)) / 2
    assert diagram.tooltip_at(mid) == (f"<qt><nobr><i>w</i><sub>1,1</sub><sup>[2]</sup> = "
                                       f"{W2[0, 0]:.6g}</nobr></qt>")


def test_zoom_pan_and_fit(diagram, qtbot):
    before = diagram.neuron_pos(2, 0)
    diagram.zoom(2.0)
    assert diagram.neuron_pos(2, 0) != before
    qtbot.mouseDClick(diagram, Qt.MouseButton.LeftButton, pos=diagram.rect().topLeft() + diagram.rect().center() / 4)
    assert diagram.neuron_pos(2, 0) == before


def test_a_big_image_network_stays_small(qtbot, cat_data_dir):
    model = NetworkModel()
    assert model.data.open_dataset(str(cat_data_dir))
    model.loader.wait()  # read on a thread
    d = NetworkDiagram(model)
    qtbot.addWidget(d)
    d.resize(1200, 700)
    d.show()
    d.refresh_now()
    assert d.layer_labels()[0] == "input: n[0] = 12,288"
    assert d.layer_labels()[1] == "layer 1: n[1] = 20 · relu"
    assert d.marker_texts() == ["⋮ 10 more"]  # layer 1 draws 10 of its 20 neurons
    assert d.edge_count() < 300  # not 245,760
    # the input column is the sample's image: the grab shows its pixels there
    img = model.dataset.X_train[:, 0].reshape(64, 64, 3)
    rect = d.scene.layout.image_rect
    c = colour_at(d, rect.center())
    expected = img[32, 32] * 255
    assert np.abs(np.array([c.red(), c.green(), c.blue()]) - expected).max() < 40


def test_clicking_a_first_layer_neuron_shows_its_weights_as_an_image(qtbot, cat_data_dir):
    model = NetworkModel()
    model.data.open_dataset(str(cat_data_dir))
    model.loader.wait()  # read on a thread
    d = NetworkDiagram(model)
    qtbot.addWidget(d)
    d.resize(1200, 700)
    d.show()
    d.refresh_now()
    with qtbot.waitSignal(d.neuron_selected) as blocker:
        qtbot.mouseClick(d, Qt.MouseButton.LeftButton, pos=d.neuron_pos(1, 2).toPoint())
    assert blocker.args == [1, 2]
    picture, caption = d.weight_picture
    assert "W[1] row 3 as 64×64×3" in caption
    assert picture.width() == 64 and picture.height() == 64


def test_layer_labels_fit_their_columns_in_a_narrow_window(qtbot, cat_data_dir):
    model = NetworkModel()
    model.data.open_dataset(str(cat_data_dir))
    model.loader.wait()  # read on a thread
    d = NetworkDiagram(model)
    qtbot.addWidget(d)
    d.resize(520, 420)  # the centre of a 1366-px screen with every dock open
    d.show()
    d.refresh_now()
    layout = d.scene.layout
    xs = [pos.x() for pos, _, _ in layout.labels]
    # neighbouring labels never overlap, and all of them stay above the first neurons
    assert all(b - a >= layout.label_width for a, b in zip(xs[1:], xs[2:]))
    line = d.fontMetrics().height()
    label_bottom = 8 + 1.4 * line + layout.label_lines * line
    top_neuron = min(d.neuron_pos(1, j).y() for j in d.drawn_neurons(1))
    assert top_neuron - layout.radius > label_bottom


def test_a_paint_between_an_edit_and_its_redraw_draws_the_laid_out_network(diagram, qtbot):
    model = diagram.model
    assert model.add_hidden_layer(3, "tanh")
    qtbot.waitUntil(lambda: len(diagram.layer_labels()) == 4)
    assert model.remove_hidden_layer(2)  # the layout still has four columns until the redraw
    diagram.repaint()  # e.g. the window was uncovered: raised IndexError mid-paint before
    qtbot.waitUntil(lambda: len(diagram.layer_labels()) == 3, timeout=10_000)


def test_non_finite_values_never_show_as_colours(diagram, qtbot):
    model = diagram.model
    W = [w.copy() for w in model.network.weights]
    W[0][0, 0] = np.nan
    W[1][0, 1] = np.inf
    model.set_parameters(W, model.network.biases)
    diagram.refresh_now()
    a = diagram.neuron_pos(1, 0)
    assert "nan" in diagram.tooltip_at(a).lower()
    assert colour_at(diagram, a).name() == NOT_A_NUMBER.name()


def test_a_paint_between_an_edit_and_its_redraw_keeps_the_hovered_neurons_heatmap(qtbot):
    from bpstudio.session.plane_maps import PlaneMaps

    model = NetworkModel()
    assert model.apply_preset("plane-spiral")  # 7–8–8–4–1
    d = NetworkDiagram(model, None, PlaneMaps(model))
    qtbot.addWidget(d)
    d.resize(700, 500)
    d.show()
    d.refresh_now()
    qtbot.mouseMove(d, d.neuron_pos(3, 2).toPoint())
    qtbot.waitUntil(lambda: d.hovered == (3, 2))
    with qtbot.captureExceptions() as exceptions:
        assert model.remove_hidden_layer(1) and model.remove_hidden_layer(1)  # now 7–4–1
        d.repaint()  # laid out with five columns still: its maps must be those of that layout
    assert not exceptions
    qtbot.waitUntil(lambda: len(d.layer_labels()) == 3, timeout=10_000)


def test_a_zero_weight_is_grey_not_blue(diagram):
    model = diagram.model
    W1, _ = model.network.weights
    model.set_parameters([W1, np.array([[0.0, 3.0]])], model.network.biases)
    diagram.refresh_now()
    mid = (diagram.neuron_pos(1, 0) + diagram.neuron_pos(2, 0)) / 2
    c = colour_at(diagram, mid)
    assert abs(c.blue() - c.red()) < 25 and c.lightness() < 250, c.name()


def test_a_bundles_edges_are_dashed_grey_whatever_their_mean(qtbot):
    """The "⋮ N more" bundle stands for many weights: its edges must not read as weak ones."""
    model = NetworkModel()
    assert model.set_layer_size(1, 30)
    W1, W2 = model.network.weights
    model.set_parameters([np.full_like(W1, 5.0), np.full_like(W2, 5.0)], model.network.biases)
    d = NetworkDiagram(model)
    qtbot.addWidget(d)
    d.resize(900, 600)
    d.show()
    d.refresh_now()
    bundles = [e for e in d.scene.layout.edges if e.bundle]
    assert bundles and all(e.value == 5.0 for e in bundles)  # a strong positive mean …
    img = d.grab().toImage()
    # the bundle's edge into the output, near the bundle, where no other edge runs close by
    e = next(e for e in bundles if e.layer == 2)
    colours = [img.pixelColor(int(e.a.x() + (e.b.x() - e.a.x()) * t),
                              int(e.a.y() + (e.b.y() - e.a.y()) * t)) for t in np.linspace(0.03, 0.2, 40)]
    darkest = min(colours, key=lambda c: c.lightness())
    assert darkest.lightness() < 235 and darkest.hslSaturation() < 40, darkest.name()  # … drawn grey
    assert "w = 0" in d.legend_texts()[0] and "neurons not drawn" in d.legend_texts()[0]


def test_the_legend_says_what_the_drawing_does(diagram):
    words = " ".join(diagram.legend_texts())
    assert "∝" not in words
    assert "the larger |w| / max |w| of its layer" in words and "wider and stronger" in words


# ----- pictures out: for slides and print -------------------------------------------------------

@pytest.fixture
def playground_diagram(qtbot):
    """The moons' 2–8–1 network, each neuron a heatmap, on a diagram as narrow as a projector's
    middle column: its legend does not fit on screen."""
    model = NetworkModel()
    assert model.apply_preset("plane-moons")
    return shown(qtbot, NetworkDiagram(model, maps=PlaneMaps(model)), 380, 460)


def svg_texts(path) -> str:
    return " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", path.read_text(encoding="utf-8")))


def test_the_exported_diagram_is_twice_the_screen_and_keeps_the_mouse_out(
        playground_diagram, qtbot, tmp_path):
    d = playground_diagram
    calm = d.export_image()
    assert calm.width() == 2 * d.width() and calm.height() >= 2 * d.height()
    before = d.grab().toImage()
    qtbot.mouseMove(d, d.neuron_pos(1, 3).toPoint())  # its big heatmap and a tooltip show …
    qtbot.waitUntil(lambda: d.hovered == (1, 3))
    big = d.hover_map_rect().center().toPoint()
    assert d.grab().toImage().pixelColor(big) != before.pixelColor(big)
    hovered = d.export_image()
    assert hovered == calm  # … on screen only
    assert d.export_svg(str(tmp_path / "d.svg"))
    words = svg_texts(tmp_path / "d.svg")
    for hint in ("over the plane", "under the mouse", "scroll", "zoom", "click", "…"):
        assert hint not in words, hint


def test_the_exported_diagram_has_the_whole_legend(playground_diagram, tmp_path):
    d = playground_diagram
    fm = d.fontMetrics()
    on_screen = d.legend_texts()
    assert fm.horizontalAdvance(on_screen[2]) > d.width() - 24  # elided on screen
    assert d.export_svg(str(tmp_path / "d.svg"))
    words = svg_texts(tmp_path / "d.svg").split()
    for line in d.legend_texts(printed=True):
        for word in line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").split():
            assert word in words, (word, line)
    for sample in ("w &gt; 0", "w &lt; 0", "w = 0"):  # each edge colour's sample
        assert sample in svg_texts(tmp_path / "d.svg")


@pytest.mark.parametrize("width", [220, 320, 900])
def test_column_labels_never_overlap_in_a_narrow_diagram(qtbot, width):
    """At 1024×768 the playground leaves the diagram 220 px: the labels are set smaller, one item
    a line, and each fits between its neighbours."""
    d = shown(qtbot, NetworkDiagram(NetworkModel()), width, 400)
    assert d.layer_labels() == ["input: n[0] = 3", "layer 1: n[1] = 2 · sigmoid",
                                "output: n[2] = 1 · sigmoid"]
    assert_labels_fit(d.scene.layout, width)
    words = " ".join(t.text for column in d.scene.layout.texts for t in column)
    for word in ("input", "layer", "output", "sigmoid", "n[1]"):  # the words all there, whole
        assert word in words.split(), (width, words)


@pytest.mark.parametrize("width", [180, 243, 320, 520, 900])
def test_the_cat_networks_labels_never_clip_or_touch(qtbot, cat_data_dir, width):
    """A twin beside the diagram at 1024×768 leaves each 243 px: the labels set smaller, broken
    between words, and cut with "…" only where one word is wider than its column."""
    model = NetworkModel()
    model.data.open_dataset(str(cat_data_dir))
    model.loader.wait()  # read on a thread
    d = shown(qtbot, NetworkDiagram(model), width, 380)
    layout = d.scene.layout
    assert_labels_fit(layout, width)
    top_neuron = min(d.neuron_pos(1, j).y() for j in d.drawn_neurons(1))
    assert max(t.rect.bottom() for c in layout.texts for t in c) < top_neuron - layout.radius
    assert layout.image_rect.top() > max(t.rect.bottom() for t in layout.texts[0])
    if width >= 243:  # nothing cut: every number whole, apart from its neighbours'
        words = [t.text for column in layout.texts for t in column]
        assert not any("…" in w for w in words), words
        for number in ("12,288", "20", "0.04"):
            assert any(number in w for w in words), (number, words)


@pytest.mark.parametrize("height", [150, 190, 260, 600])  # (150: below its least height)
def test_a_low_diagram_shows_fewer_neurons_never_neurons_on_each_other(qtbot, cat_data_dir,
                                                                         height):
    """Beside the steps at 1024×768 with a twin beside it the diagram is left a strip: its
    columns show as many neurons as have room apart (the rest behind "⋮ N more"), never
    circles drawn over each other and over the marker."""
    model = NetworkModel()
    model.data.open_dataset(str(cat_data_dir))
    model.loader.wait()  # read on a thread
    model.set_layers([20, 7, 5, 1])
    d = shown(qtbot, NetworkDiagram(model), 320, height)
    d.resize(320, max(height, d.minimumHeight()))  # as a layout gives it: never below that
    d.refresh_now()
    layout = d.scene.layout
    captions = 2.2 * d.fontMetrics().height() if d.captions else 0  # (they may go when low)
    assert d.minimumHeight() >= layout.least_height - captions
    for column in layout.slots[1:]:
        ys = [s.pos.y() for s in column]
        gaps = [b - a for a, b in zip(ys, ys[1:])]
        assert all(g >= 2 * layout.radius + 2 for g in gaps), (height, gaps, layout.radius)
    if height >= 600:  # room enough: ten of a big layer, as always
        assert len(d.drawn_neurons(1)) == min(10, model.network.dims[1])


def test_a_low_diagram_gives_its_caption_lines_to_the_neurons_and_takes_them_back(qtbot,
                                                                                  cat_data_dir):
    """Beside the steps at 1024×768 the two lines under the legend's samples cost the neurons
    the room they need apart: a low diagram drops them, a tall one shows them again."""
    model = NetworkModel()
    model.data.open_dataset(str(cat_data_dir))
    model.loader.wait()  # read on a thread
    model.set_layers([20, 7, 5, 1])
    d = shown(qtbot, NetworkDiagram(model), 330, 600)
    assert d.captions
    tall_least = d.scene.layout.least_height
    d.resize(330, int(tall_least) - 20)
    d.refresh_now()
    assert not d.captions and d.legend_top() > d.height() - 2 * d.fontMetrics().height()
    assert d.minimumHeight() < tall_least  # it may be set lower than with its captions
    column = d.scene.layout.slots[1]
    assert column[1].pos.y() - column[0].pos.y() >= 2 * d.scene.layout.radius + 2
    d.resize(330, 600)
    d.refresh_now()
    assert d.captions
