"""The output view on bare session models."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from bpstudio.session.network_model import NetworkModel
from bpstudio.session.plane_maps import PlaneMaps
from bpstudio.widgets.palette import NEGATIVE, NEUTRAL, POSITIVE
from bpstudio.widgets.plane_view import HEAT_STRENGTH, HOLLOW, POINT_RADIUS, PlaneView, output_rgb


@pytest.fixture
def view(qtbot):
    model = NetworkModel()
    assert model.apply_preset("plane-xor")
    v = PlaneView(model, PlaneMaps(model))
    qtbot.addWidget(v)
    v.resize(400, 460)
    v.show()
    return v


def test_output_colours_run_from_orange_through_pale_to_blue():
    rgb = output_rgb(np.array([[0.0, 0.5, 1.0]]), discrete=False)[0]
    def toward(colour):
        return np.array([colour.red(), colour.green(), colour.blue()])
    neutral = toward(NEUTRAL)
    np.testing.assert_allclose(rgb[1], neutral, atol=1)
    np.testing.assert_allclose(rgb[2], neutral + HEAT_STRENGTH * (toward(POSITIVE) - neutral), atol=1)
    np.testing.assert_allclose(rgb[0], neutral + HEAT_STRENGTH * (toward(NEGATIVE) - neutral), atol=1)
    discrete = output_rgb(np.array([[0.2, 0.49, 0.51, 0.9]]), discrete=True)[0]
    assert (discrete[0] == discrete[1]).all() and (discrete[2] == discrete[3]).all()
    assert not (discrete[1] == discrete[2]).all()


def test_a_paint_between_a_change_of_data_and_its_redraw_shows_the_last_picture(view, qtbot):
    view.refresh_now()
    with qtbot.captureExceptions() as exceptions:
        assert view.model.data.use_builtin("three-features")  # no plane any more: no points
        view.plane.repaint()  # e.g. uncovered before the redraw comes
    assert not exceptions
    qtbot.waitUntil(lambda: view.image is None)
    assert "needs a 2-D data set" in view.accuracy.text()


def test_points_show_their_class_and_test_points_go_with_their_box(view, qtbot):
    ds = view.model.dataset

    def painted(points, labels):
        """How many of the first 20 points show their class's colour: class 1 at its centre,
        hollow class 0 on its ring (in one of eight directions from its centre)."""
        image = view.plane.grab().toImage()
        ring = (HOLLOW + 1) / 2 * POINT_RADIUS - 0.4  # the middle of the ring inside its rim
        around = [QPointF(ring * np.cos(a), ring * np.sin(a)) for a in np.arange(8) * np.pi / 4]

        def shows(k: int) -> bool:
            centre, one = view.to_widget(*points[:, k]), labels[k] > 0.5
            colour = POSITIVE if one else NEGATIVE
            # a ring two pixels wide has few pixels of its very colour: one close enough
            return any(sum(abs(a - b) for a, b in zip(
                image.pixelColor((centre + d).toPoint()).getRgb()[:3], colour.getRgb()[:3])) < 24
                for d in ([QPointF(0, 0)] if one else around))
        return sum(shows(k) for k in range(20))

    view.refresh_now()
    assert painted(ds.points_test, ds.Y_test[0]) >= 14  # on top; 400 points overlap a little
    view.show_test.setChecked(False)
    qtbot.waitUntil(lambda: not view.frames.pending)
    assert painted(ds.points_train, ds.Y_train[0]) >= 16
    assert painted(ds.points_test, ds.Y_test[0]) <= 8  # gone: the heatmap (or a training point)
