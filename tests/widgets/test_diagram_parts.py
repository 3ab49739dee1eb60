"""The network diagram's parts on their own, without a widget or a model: where the layout puts
columns, neurons and bundles, what is under a point, zoom and pan, what is marked, the export's
size. (tests/widgets/test_network_diagram.py probes the widget's pixels.)"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor, QFont

from bpstudio.widgets.diagram_export import DiagramPicture
from bpstudio.widgets.diagram_hits import item_at, segment_distance
from bpstudio.widgets.diagram_layout import MARKER, ColumnText, DiagramLayout, shown_indices
from bpstudio.widgets.diagram_marks import DiagramMarks, step_marks
from bpstudio.widgets.diagram_scene import DiagramScene
from bpstudio.widgets.diagram_zoom import ZoomPan
from bpstudio.widgets.palette import STEP_COLOURS


def weights_of(dims, seed=0):
    rng = np.random.default_rng(seed)
    return [rng.standard_normal((dims[l], dims[l - 1])) for l in range(1, len(dims))]


def columns(dims):
    return [ColumnText(f"layer {l}", (f"n[{l}] = {n:,}",) + (("relu",) if l else ()),
                       "max |w| 1" if l else "") for l, n in enumerate(dims)]


def lay_out(dims, width=900, height=600, weights=None, **kwargs) -> DiagramLayout:
    weights = weights_of(dims) if weights is None else weights
    return DiagramLayout.build(dims, weights, width, height, QFont(), columns(dims), **kwargs)


# ----- the layout -----------------------------------------------------------------------------------

def test_columns_stand_evenly_and_neurons_centred_in_each(qapp):
    layout = lay_out([3, 2, 1])
    xs = [column[0].pos.x() for column in layout.slots]
    assert xs[0] < xs[1] < xs[2] and xs[1] - xs[0] == pytest.approx(xs[2] - xs[1])
    assert [len(c) for c in layout.slots] == [3, 2, 1]
    assert all(s.pos.x() == xs[l] for l, c in enumerate(layout.slots) for s in c)
    middles = [np.mean([s.pos.y() for s in c]) for c in layout.slots]
    assert middles == pytest.approx([middles[0]] * 3)  # every column centred on one line
    ys = [s.pos.y() for s in layout.slots[0]]
    assert ys == sorted(ys) and ys[1] - ys[0] == pytest.approx(ys[2] - ys[1])
    assert 6.0 <= layout.radius <= 24.0
    assert [label.pos.x() for label in layout.labels] == xs  # each label over its column
    assert layout.image_rect is None and not layout.has_bundles()


def test_every_edge_runs_rim_to_rim_with_its_weight(qapp):
    weights = weights_of([3, 2, 1])
    layout = lay_out([3, 2, 1], weights=weights)
    assert len(layout.edges) == 3 * 2 + 2 * 1
    r = layout.radius
    for e in layout.edges:
        src, dst = layout.slot(e.layer - 1, e.src), layout.slot(e.layer, e.dst)
        assert e.a == QPointF(src.pos.x() + r, src.pos.y())
        assert e.b == QPointF(dst.pos.x() - r, dst.pos.y())
        assert e.value == weights[e.layer - 1][e.dst, e.src] and e.count == 1
        assert e.scale == np.abs(weights[e.layer - 1]).max()


def test_a_bigger_window_spreads_the_columns(qapp):
    small, big = lay_out([3, 2, 1], 400, 300), lay_out([3, 2, 1], 1200, 800)
    width = lambda layout: layout.slots[-1][0].pos.x() - layout.slots[0][0].pos.x()  # noqa: E731
    assert width(big) > width(small)
    assert big.radius >= small.radius


def test_narrow_columns_put_one_item_a_line_and_set_labels_smaller(qapp):
    wide, narrow = lay_out([3, 2, 1], 900), lay_out([3, 2, 1], 200)
    lines = lambda layout, l: [t.text for t in layout.texts[l]]  # noqa: E731
    assert lines(wide, 1) == ["layer 1", "n[1] = 2 · relu", "max |w| 1"] and wide.label_lines == 2
    assert lines(narrow, 1)[:3] == ["layer 1", "n[1] = 2", "relu"] and narrow.label_lines >= 3
    assert lines(wide, 0) == ["layer 0", "n[0] = 3"]  # the input has no weights to measure
    assert wide.labels[1].detail == narrow.labels[1].detail == "n[1] = 2\nrelu\nmax |w| 1"
    assert narrow.label_width < wide.label_width
    assert 0.6 <= narrow.label_scale <= wide.label_scale == 1.0
    for layout in (wide, narrow):  # each line over its column, in its room
        for l, column in enumerate(layout.texts):
            for t in column:
                assert t.rect.center().x() == pytest.approx(layout.slots[l][0].pos.x())


def test_a_big_layer_shows_ten_neurons_and_a_bundle_for_the_rest(qapp):
    dims = [3, 30, 1]
    weights = weights_of(dims)
    layout = lay_out(dims, weights=weights)
    head, tail = shown_indices(30)
    assert layout.drawn_neurons(1) == head + tail == [0, 1, 2, 3, 4, 25, 26, 27, 28, 29]
    marker = layout.slots[1][len(head)]
    assert marker.index == MARKER and marker.hidden == range(5, 25)
    assert layout.markers() == [marker]
    ys = [s.pos.y() for s in layout.slots[1]]
    assert ys == sorted(ys)  # the marker stands in the middle of its column
    bundles = [e for e in layout.edges if e.bundle]
    assert len(bundles) == 3 + 1  # from each input into the marker, from the marker out
    into = next(e for e in bundles if e.layer == 1 and e.src == 0)
    assert into.dst == MARKER and into.count == 20
    assert into.value == pytest.approx(weights[0][5:25, 0].mean())
    out = next(e for e in bundles if e.layer == 2)
    assert out.src == MARKER and out.value == pytest.approx(weights[1][0, 5:25].mean())
    assert len(layout.edges) == 3 * 11 + 11 * 1
    assert layout.reaches(MARKER, 1, 17) and not layout.reaches(MARKER, 1, 3)
    assert layout.reaches(3, 1, 3) and not layout.reaches(3, 1, 4)


def test_an_image_input_is_one_picture_with_all_its_pixels_behind_it(qapp):
    dims = [12288, 20, 7, 5, 1]
    layout = lay_out(dims, 1200, 700, image_input=True)
    rect = layout.image_rect
    assert rect is not None and rect.width() == rect.height() > 50
    (picture,) = layout.slots[0]
    assert picture.index == MARKER and picture.hidden == range(12288)
    assert picture.pos == rect.center()
    assert layout.markers() == [s for s in layout.slots[1] if s.index == MARKER]  # not the picture
    from_picture = [e for e in layout.edges if e.layer == 1]
    assert {e.a.x() for e in from_picture} == {rect.right()}
    assert all(e.bundle for e in from_picture)
    assert {e.count for e in from_picture} == {12288, 12288 * 10}
    assert len(layout.edges) < 300  # not 245,760
    assert layout.slots[1][0].pos.x() - rect.right() > layout.radius


def test_the_banner_takes_room_from_the_network(qapp):
    plain, banner = lay_out([3, 2, 1]), lay_out([3, 2, 1], banner=True)
    low = lambda layout: max(s.pos.y() for c in layout.slots for s in c)  # noqa: E731
    assert low(banner) < low(plain)


# ----- hit testing ----------------------------------------------------------------------------------

def test_the_neuron_marker_or_edge_under_a_point(qapp):
    layout = lay_out([3, 30, 1])
    neuron = layout.slot(1, 2)
    assert item_at(layout, neuron.pos) == ("neuron", (1, 2))
    off = QPointF(layout.radius + 1, 0)  # inside the rim's 2 px of grace
    assert item_at(layout, neuron.pos + off) == ("neuron", (1, 2))
    marker = layout.markers()[0]
    assert item_at(layout, marker.pos) == ("marker", marker)
    edge = next(e for e in layout.edges if e.layer == 2 and e.src == 29)
    kind, hit = item_at(layout, (edge.a + edge.b) / 2)
    assert kind == "edge" and hit is edge
    assert item_at(layout, QPointF(3, 3)) is None  # the top left corner: nothing


def test_an_edge_is_reached_within_five_pixels_on_screen(qapp):
    layout = lay_out([1, 1, 1])
    e = layout.edges[0]
    middle = (e.a + e.b) / 2
    normal = QPointF(-(e.b - e.a).y(), (e.b - e.a).x())
    normal /= float(np.hypot(normal.x(), normal.y()))
    beside = middle + normal * 4.0
    assert item_at(layout, beside) == ("edge", e)
    assert item_at(layout, beside, zoom=2.0) is None  # zoomed in: 4 scene px are 8 on screen
    assert segment_distance(beside, e.a, e.b) == pytest.approx(4.0)
    assert segment_distance(QPointF(0, 0), QPointF(3, 4), QPointF(3, 4)) == 5.0
    assert segment_distance(QPointF(-2, 0), QPointF(0, 0), QPointF(10, 0)) == 2.0  # past its end


# ----- zoom and pan ---------------------------------------------------------------------------------

def test_zoom_keeps_its_centre_and_stops_at_its_limits():
    view = ZoomPan()
    c, p = QPointF(100, 50), QPointF(300, 200)
    assert view.zoom(2.0, c)
    assert view.map(c) == c and view.map(p) == QPointF(500, 350)
    assert view.to_scene(view.map(p)) == p
    assert not view.zoom(100.0, c) and view.scale() == 2.0  # past 20×: nothing changes
    view.pan(10, -5)
    assert view.map(c) == QPointF(110, 45)
    view.fit()
    assert view.map(p) == p and view.scale() == 1.0


# ----- the marks ------------------------------------------------------------------------------------

def step(phase, layer, neurons, edges):
    lights = SimpleNamespace(neurons=neurons, edges=edges)
    return SimpleNamespace(phase=phase, layer=layer, equation=SimpleNamespace(lights=lights))


def test_a_step_marks_its_layers_and_edges_in_its_phases_colour():
    assert step_marks(None, {}) is None
    marks = step_marks(step("backward", 2, -1, 0), {2: np.ones((1, 1))})
    assert marks["layers"] == {1} and marks["edges"] == {2}
    assert marks["colour"] == STEP_COLOURS["backward"] and set(marks["delta"]) == {2}
    assert step_marks(step("update", 1, None, 0), {})["layers"] == set()


def test_marks_decide_the_rings_and_the_explained_edges(qapp):
    layout = lay_out([3, 30, 1])
    marks = DiagramMarks()
    text = QColor("black")
    assert marks.neuron_border(1, 0, text, 1.2) == (text, 1.2)
    marks.selected = (1, 0)
    assert marks.neuron_border(1, 0, text, 1.2)[1] == 3.0
    marks.highlight = step_marks(step("forward", 1, 0, 0), {})
    assert marks.neuron_border(1, 4, text, 1.2) == (STEP_COLOURS["forward"], 3.5)
    assert marks.lit_edges() == {1} and marks.delta(1) is None
    marks.explained = ("into", 1, 17)  # a hidden neuron: its edges are the bundle's
    into = {(e.dst, e.src) for e in layout.edges if marks.is_explained(e, layout)}
    assert into == {(MARKER, 0), (MARKER, 1), (MARKER, 2)} and marks.explained_neuron() == (1, 17)
    marks.explained = ("out of", 1, 3)
    assert [(e.layer, e.dst, e.src) for e in layout.edges
            if marks.is_explained(e, layout)] == [(2, 0, 3)]
    marks.explained = ("weight", 2, 0, 26)
    assert [(e.layer, e.src) for e in layout.edges if marks.is_explained(e, layout)] == [(2, 26)]
    assert marks.explained_neuron() is None


# ----- the scene's heatmaps and the export ----------------------------------------------------------

def test_heatmaps_are_made_for_the_drawn_neurons_only(qapp):
    dims = [2, 30, 1]
    layout = lay_out(dims)
    plane = [np.random.default_rng(l).random((n, 50, 50)) for l, n in enumerate(dims)]
    scene = DiagramScene(layout, [np.zeros((n, 1)) for n in dims], [], ("tanh", "sigmoid"),
                         plane_maps=plane)
    maps = scene.small_maps()
    assert set(maps) == {(l, j) for l in range(3) for j in layout.drawn_neurons(l)}
    assert maps[(1, 0)].width() == 25  # every second point of a 50-point grid
    big = scene.plane_images(1, only=(2, 0))
    assert set(big) == {(2, 0)} and big[(2, 0)].width() == 50
    no_plane = DiagramScene(layout, [np.zeros((n, 1)) for n in dims], [], ("tanh", "sigmoid"))
    assert no_plane.small_maps() == {}


def test_the_exported_picture_is_the_width_and_the_whole_legend_tall(qapp):
    painted = []

    def legend(p, top, width):
        painted.append(("legend", p is not None, top, width))
        return 50.0

    picture = DiagramPicture(300, 200, QBrush(QColor("white")), QFont(),
                             lambda p: painted.append("network"), legend,
                             lambda p: painted.append("remarks"))
    assert (picture.size().width(), picture.size().height()) == (300, 250)
    image = picture.image(2.0)
    assert (image.width(), image.height()) == (600, 500) and image.devicePixelRatio() == 2.0
    assert painted.index("network") < painted.index(("legend", True, 200, 300)) \
        < painted.index("remarks")
