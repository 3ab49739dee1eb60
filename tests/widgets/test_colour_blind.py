"""Meaning never only in colour (issue 31): the two signs of a weight in the diagram, of a cell in
a heatmap, the two classes in the playground's plane and the two verdicts in the test gallery stay
apart through the standard simulations of deuteranopia, protanopia and tritanopia (Machado et al.,
severity 100, as colorspacious has them) and in greyscale; and each also carries something that is
not a colour: a negative edge is dashed, a negative heatmap cell has a bar, a class-0 point is
hollow, a wrong picture's frame is striped. The widgets are rendered offscreen and their pixels
read, in every theme."""

from __future__ import annotations

import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPixmap

from bpstudio.session.network_model import NetworkModel
from bpstudio.session.plane_maps import PlaneMaps
from bpstudio.widgets.classify_gallery import FRAME, verdict_frame
from bpstudio.widgets.diagram_layout import Edge
from bpstudio.widgets.diagram_painter import NetworkPainter
from bpstudio.widgets.matrix_view import MatrixView
from bpstudio.widgets.network_diagram import NetworkDiagram
from bpstudio.widgets.palette import POSITIVE
from bpstudio.widgets.plane_view import HOLLOW, POINT_RADIUS, PlaneView
from bpstudio.widgets.theme import THEMES

# CAM02-UCS ΔE (colorspacious' deltaE): about 1 is a just-noticeable difference between two
# large patches side by side; for thin lines and small points a difference must be several times
# larger to be noticed at all (Szafir 2018, "Modelling colour difference for visualization
# design": 5 to 10 for marks of a line's size). A student must tell the two apart at a glance,
# from the back of a room: 15, about twice what a small mark needs to be seen as different.
# (The default blue/orange stays above 20 through every simulation and in greyscale; a red/green
# pair falls to 11 under deuteranopia: test_the_check_catches_a_red_green_pair.)
DISTINGUISHABLE = 15.0
SIMULATIONS = ("deuteranomaly", "protanomaly", "tritanomaly")  # at severity 100: -opia
THEME_KEYS = sorted(THEMES)


def rgb(c: QColor) -> np.ndarray:
    return np.array([c.red(), c.green(), c.blue()], dtype=float)


def seen(colour: np.ndarray, how: str) -> np.ndarray:
    """sRGB 0–255 as a viewer with the colour-vision deficiency ``how`` (100 %), or in greyscale
    ("grey": the relative luminance Y, as a greyscale print or screen keeps it), sees it."""
    colour = np.asarray(colour, dtype=float)
    if how == "grey":
        y = cspace_convert(colour, "sRGB255", "sRGB1-linear") @ np.array([0.2126, 0.7152, 0.0722])
        return cspace_convert(np.stack([y] * 3, axis=-1), "sRGB1-linear", "sRGB255")
    cvd = {"name": "sRGB1+CVD", "cvd_type": how, "severity": 100}
    return np.clip(cspace_convert(colour / 255, cvd, "sRGB1"), 0, 1) * 255


def difference(a: np.ndarray, b: np.ndarray, how: str) -> float:
    return float(deltaE(seen(a, how), seen(b, how), input_space="sRGB255"))


def greyscale(image) -> np.ndarray:
    """A QImage as its greyscale (H, W) luminance 0–255."""
    image = image.convertToFormat(image.Format.Format_RGB888)
    w, h = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(h, image.bytesPerLine())
    pixels = raw[:, : 3 * w].reshape(h, w, 3).astype(float)
    return seen(pixels, "grey")[..., 0]


def assert_apart(a: np.ndarray, b: np.ndarray, what: str) -> None:
    """Two colours stay apart through every colour-vision simulation."""
    for how in SIMULATIONS:
        assert difference(a, b, how) >= DISTINGUISHABLE, (what, how, difference(a, b, how))


def themed(widget, key: str):
    theme = THEMES[key]
    widget.setPalette(theme.palette())
    if hasattr(widget, "set_theme"):
        widget.set_theme(theme)
    return theme


def test_the_check_catches_a_red_green_pair():
    """The threshold has teeth: a red/green pair (ColorBrewer's RdYlGn ends) that a viewer with
    normal colour vision tells apart at once merges under deuteranopia, and vermilion and green
    merge in greyscale."""
    red, green = np.array([215.0, 48, 39]), np.array([26.0, 152, 80])
    assert difference(red, green, "tritanomaly") >= DISTINGUISHABLE
    assert difference(red, green, "deuteranomaly") < DISTINGUISHABLE
    assert difference(np.array([213.0, 94, 0]), np.array([0.0, 158, 115]), "grey") < 5


# ----- the diagram: w > 0 solid blue, w < 0 dashed orange -------------------------------------------

@pytest.fixture
def diagram(qtbot):
    model = NetworkModel()  # the tutorial's 3–2–1 net
    W1, _ = model.network.weights
    model.set_parameters([W1, np.array([[3.0, -3.0]])], model.network.biases)
    d = NetworkDiagram(model)
    qtbot.addWidget(d)
    d.resize(900, 600)
    d.show()
    qtbot.waitExposed(d)
    return d


def along(image, a: QPointF, b: QPointF, grey: np.ndarray | None = None) -> list:
    """The pixels on the middle fifth of the line a–b (its colours, or ``grey``'s values)."""
    points = [a + (b - a) * t for t in np.linspace(0.4, 0.6, 60)]
    if grey is not None:
        return [float(grey[int(p.y()), int(p.x())]) for p in points]
    return [rgb(image.pixelColor(int(p.x()), int(p.y()))) for p in points]


@pytest.mark.parametrize("key", THEME_KEYS)
def test_the_signs_of_weights_survive_colour_blindness_and_greyscale(diagram, qtbot, key):
    theme = themed(diagram, key)
    diagram.refresh_now()
    image = diagram.grab().toImage()
    assert image.devicePixelRatio() == 1
    out = diagram.neuron_pos(2, 0)
    positive, negative = (diagram.neuron_pos(1, j) for j in (0, 1))  # w = 3 and w = −3
    middle = lambda a: (a + out) / 2  # noqa: E731  (a dash is centred on its line's middle)
    plus = rgb(image.pixelColor(middle(positive).toPoint()))
    minus = rgb(image.pixelColor(middle(negative).toPoint()))
    assert_apart(plus, minus, f"w > 0 and w < 0 ({key})")
    # the dashes: along the negative edge the background shows between them, in greyscale too;
    # the positive edge is one solid line
    grey = greyscale(image)
    background = float(seen(rgb(QColor(theme.base)), "grey")[0])
    solid = along(image, positive, out, grey)
    dashed = along(image, negative, out, grey)
    assert min(abs(v - background) for v in solid) > 20, (key, solid)
    gaps = [v for v in dashed if abs(v - background) < 3]
    dashes = [v for v in dashed if abs(v - background) > 20]
    assert len(gaps) >= 6 and len(dashes) >= 12, (key, dashed)
    # the legend says so, under its dashed sample
    assert "w < 0 (dashed)" in diagram.legend_texts()[0]


def test_a_negative_edge_stays_dashed_when_the_step_lights_it(diagram):
    """While the stepper marks a layer's edges in its phase's colour (one colour for both
    signs), the sign is in the dashes."""
    painter = NetworkPainter(diagram.palette(), diagram.font(), diagram.theme, str)

    class Lit:  # the marks of a step that lights W[2]
        def lit_edges(self):
            return {2}

        def step_colour(self):
            return QColor(diagram.theme.text)

    def pen(w: float):
        return painter.edge_pen(Edge(2, QPointF(0, 0), QPointF(100, 0), w, 1.0), 1.0, Lit())

    assert pen(-1.0).dashPattern() and not pen(1.0).dashPattern()
    assert pen(-1.0).color() == pen(1.0).color()


# ----- a heatmap: a negative cell carries a bar ------------------------------------------------------

@pytest.fixture
def heatmap(qtbot):
    """A 30×30 matrix (too many numbers to write out: a heatmap) of ±1 in a checkerboard, in a
    view whose cells are 12 px and more: room for a bar."""
    v = MatrixView()
    qtbot.addWidget(v)
    v.resize(420, 460)
    signs = np.where(np.add.outer(np.arange(30), np.arange(30)) % 2 == 0, 1.0, -1.0)
    v.set_matrix("dW[2]", signs * np.linspace(0.2, 1.0, 30)[None, :])
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.mark.parametrize("key", THEME_KEYS)
def test_the_signs_of_a_heatmap_survive_colour_blindness_and_greyscale(heatmap, key):
    themed(heatmap, key)
    assert not heatmap.is_grid and heatmap.sign_cells() is not None
    image = heatmap.grab().toImage()
    grey = greyscale(image)
    # the strongest cells (the last column: |v| = max), one of each sign, beside each other
    plus_cell, minus_cell = heatmap.cell_rect(1, 29), heatmap.cell_rect(0, 29)
    corner = lambda c: c.topLeft() + QPointF(2, 2)  # noqa: E731  (off the bar)
    plus, minus = (rgb(image.pixelColor(corner(c).toPoint())) for c in (plus_cell, minus_cell))
    assert_apart(plus, minus, f"a cell of +max and one of −max ({key})")
    # the bar: a negative cell's centre is darker than its own colour, a positive cell's is not
    for i, j in ((0, 0), (0, 29), (5, 12), (1, 29), (6, 12)):
        cell = heatmap.cell_rect(i, j)
        centre, own = (float(grey[int(p.y()), int(p.x())]) for p in (cell.center(), corner(cell)))
        if heatmap.value[i, j] < 0:
            assert own - centre > 40, (key, i, j, own, centre)
        else:
            assert abs(own - centre) < 3, (key, i, j, own, centre)


def test_a_heatmap_too_fine_for_bars_has_none_and_a_grid_writes_its_signs(qtbot, heatmap):
    """Cells of a few pixels carry no bar (it would read as noise); a grid's numbers carry their
    minus sign themselves, and no bar covers a digit."""
    heatmap.resize(150, 170)  # 30 cells in ~146 px: under 5 px each
    assert heatmap.sign_cells() is None
    grid = MatrixView()
    qtbot.addWidget(grid)
    grid.resize(300, 200)
    grid.set_matrix("W[2]", np.array([[0.5, -0.25], [-1.0, 2.0]]))
    grid.show()
    assert grid.is_grid and grid.sign_cells() is None
    assert [t.startswith("−") for row in grid.cell_texts() for t in row] == [False, True, True,
                                                                             False]


# ----- the plane: class 1 filled, class 0 hollow ----------------------------------------------------

@pytest.fixture
def plane(qtbot):
    model = NetworkModel()
    assert model.apply_preset("plane-xor")
    v = PlaneView(model, PlaneMaps(model))
    qtbot.addWidget(v)
    v.resize(500, 560)
    v.show()
    qtbot.waitExposed(v)
    v.show_test.setChecked(False)
    v.refresh_now()
    return v


def lone_points(v, count: int = 3) -> dict[int, list[QPointF]]:
    """For each class, training points with no other point within three radii (nothing painted
    over them): their centres in the plane widget."""
    points, labels = v.points[0]
    centres = [v.to_widget(*points[:, k]) for k in range(points.shape[1])]
    xy = np.array([[c.x(), c.y()] for c in centres])
    square = v.plane.square().adjusted(10, 10, -10, -10)
    found: dict[int, list[QPointF]] = {0: [], 1: []}
    for k, c in enumerate(centres):
        near = np.hypot(*(xy - xy[k]).T)
        near[k] = np.inf
        y = int(labels[k] > 0.5)
        if near.min() > 3 * POINT_RADIUS and square.contains(c) and len(found[y]) < count:
            found[y].append(c)
    assert all(len(found[y]) == count for y in (0, 1)), found
    return found


@pytest.mark.parametrize("key", THEME_KEYS)
def test_the_classes_on_the_plane_survive_colour_blindness_and_greyscale(plane, key):
    themed(plane, key)
    plane.plane.repaint()
    image = plane.plane.grab().toImage()
    grey = greyscale(image)
    found = lone_points(plane)
    ring = QPointF((HOLLOW + 1) / 2 * POINT_RADIUS - 0.4, 0)  # a class-0 ring inside its rim
    one = rgb(image.pixelColor(found[1][0].toPoint()))
    zero = rgb(image.pixelColor((found[0][0] + ring).toPoint()))
    assert_apart(one, zero, f"class 1 and class 0 ({key})")
    # hollow: a class-0 point's centre is the heatmap under it, not its ring's colour; a class-1
    # point's centre is its fill
    r, heat = plane.plane.square(), plane.image
    for y, centres in found.items():
        for c in centres:
            centre, on_ring = (float(grey[int(p.y()), int(p.x())]) for p in (c, c + ring))
            if y == 1:
                assert abs(centre - float(seen(rgb(POSITIVE), "grey")[0])) < 3, (key, centre)
            else:
                under = heat.pixelColor(int((c.x() - r.left()) / r.width() * heat.width()),
                                        int((c.y() - r.top()) / r.height() * heat.height()))
                assert abs(centre - float(seen(rgb(under), "grey")[0])) < 6, (key, centre)
                assert abs(centre - on_ring) > 15, (key, y, centre, on_ring)
    assert "○ hollow" in plane.legend.text() and "● filled" in plane.legend.text()


# ----- the test gallery: a wrong picture's frame is striped ------------------------------------------

def test_right_and_wrong_frames_survive_colour_blindness_and_greyscale(qapp):
    picture = QPixmap(80, 80)
    picture.fill(QColor(THEMES["light"].mid))
    right, wrong = (verdict_frame(picture, w).toImage() for w in (False, True))
    edge = [(x, 1) for x in range(2, 78)]  # along the top of the frame
    assert_apart(rgb(right.pixelColor(40, 1)),
                 rgb(next(wrong.pixelColor(x, y) for x, y in edge
                          if wrong.pixelColor(x, y).saturation() > 200)), "right and wrong")
    # the two merge in greyscale (ΔE < 5): the stripes tell them apart there
    g_right, g_wrong = greyscale(right), greyscale(wrong)
    assert np.ptp([g_right[y, x] for x, y in edge]) < 3
    assert np.ptp([g_wrong[y, x] for x, y in edge]) > 60
    assert (g_wrong[FRAME:-FRAME, FRAME:-FRAME] == g_right[FRAME:-FRAME, FRAME:-FRAME]).all()


# ----- no room for a number: a small negative neuron carries a bar; maps carry their sign line ------

def test_a_neuron_too_small_for_its_number_shows_its_sign_by_a_bar(qtbot):
    """A network too wide for the neurons' numbers: a neuron with a < 0 has a dark bar across
    its middle (read in greyscale), one with a > 0 has none."""
    model = NetworkModel()
    assert model.set_layers((24, 1), ("tanh", "sigmoid"))
    rng = np.random.default_rng(3)
    W1, W2 = (rng.normal(0, 2, W.shape) for W in model.network.weights)
    model.set_parameters([W1, W2], model.network.biases)
    d = NetworkDiagram(model)
    qtbot.addWidget(d)
    d.resize(700, 500)
    d.show()
    qtbot.waitExposed(d)
    d.refresh_now()
    scene = d.scene
    radius = scene.layout.radius * d.view.scale()
    assert scene.layout.radius < 14  # too small for a number (diagram_painter)
    grey = greyscale(d.grab().toImage())
    a = scene.activations[1][:, 0]
    drawn = [j for j in scene.layout.drawn_neurons(1)]
    signs = {True: 0, False: 0}
    for j in drawn:
        c = d.neuron_pos(1, j)
        beside = c + QPointF(0, 0.55 * radius)  # inside the circle, off the bar
        centre, fill = (float(grey[int(p.y()), int(p.x())]) for p in (c, beside))
        if a[j] < 0:
            assert fill - centre > 30, (j, a[j], centre, fill)
        else:
            assert abs(fill - centre) < 6, (j, a[j], centre, fill)
        signs[bool(a[j] < 0)] += 1
    assert signs[True] and signs[False]  # both kinds were looked at


def test_an_in_neuron_map_draws_the_line_where_it_changes_sign(qtbot):
    """A tanh neuron's map over the plane is dark along a = 0, between its + and − regions."""
    from bpstudio.widgets.diagram_scene import DiagramScene  # noqa: F401 (what made the maps)
    from bpstudio.widgets.sign_marks import LINE_INK

    model = NetworkModel()
    assert model.apply_preset("plane-moons")  # 8 tanh neurons over the 2-D plane
    d = NetworkDiagram(model, maps=PlaneMaps(model))
    qtbot.addWidget(d)
    d.resize(900, 600)
    d.show()
    qtbot.waitExposed(d)
    d.refresh_now()
    maps = d.scene.plane_images(1)
    crossing = 0
    for (l, j), image in maps.items():
        if l != 1:
            continue
        values = d.scene.plane_maps[1][j]
        pixels = np.array([[rgb(image.pixelColor(x, y)) for x in range(image.width())]
                           for y in range(image.height())])
        dark = (pixels == LINE_INK).all(axis=-1)
        if (values > 0).any() and (values < 0).any():
            crossing += 1
            assert dark.any()
            assert (values[dark] > 0).all()  # on the + side of the line, beside a −
        else:
            assert not dark.any()
    assert crossing


@pytest.mark.parametrize("discrete", [False, True])
def test_the_planes_decision_boundary_is_a_dark_line(plane, discrete):
    """Between the two classes' regions (a > 0.5 and a ≤ 0.5) a dark line, in greyscale darker
    than either region: the classes are apart without their colours."""
    plane.discrete.setChecked(discrete)
    plane.refresh_now()
    output = plane.maps.activations()[-1][0]
    one = output > 0.5
    assert one.any() and (~one).any()
    grey = greyscale(plane.image)
    padded = np.pad(one, 1, mode="edge")
    inside = np.ones_like(one)  # a region's own cells, off any edge between the classes
    for di in (0, 1, 2):
        for dj in (0, 1, 2):
            inside &= padded[di:di + one.shape[0], dj:dj + one.shape[1]] == one
    regions = grey[inside].min()
    rows = [i for i in range(one.shape[0]) if one[i].any() and (~one[i]).any()]
    for i in rows:
        for k in np.flatnonzero(one[i, 1:] != one[i, :-1]):  # each crossing along the row
            line = grey[i, k:k + 2].min()
            assert line < 45 and regions > line + 40, (i, k, grey[i, max(0, k - 3):k + 5])
    assert "decision boundary" in plane.legend.text()
