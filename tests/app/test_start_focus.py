"""At start no neuron looks chosen: the window opens with the keys in the diagram, but its focus
frame and the ring on a neuron show only once the keys are used there (Tab or F6 to it, or a key
pressed in it). A class reads a ring drawn at start as a selection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget


def highlight_pixels(widget) -> int:
    """How many pixels of the focus frame's colour (the palette's highlight) the diagram shows
    along its left border, where the frame is drawn."""
    image = widget.grab().toImage()
    colour = widget.palette().color(QPalette.ColorRole.Highlight)
    return sum(1 for y in range(image.height()) for x in (1, 2)
               if QColor(image.pixel(x, y)) == colour)


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), k, modifier)


def test_the_window_starts_with_no_neuron_chosen(make_window, qtbot):
    w = make_window()
    d = w.diagram
    qtbot.waitUntil(lambda: d.scene is not None and d.accessibleDescription() != "")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d)  # the keys start in the diagram
    assert d.focus is None
    assert "neuron 1 of" not in d.accessibleDescription()  # its columns, not a neuron
    assert highlight_pixels(d) == 0  # no focus frame


def test_f6_to_the_diagram_shows_the_focus_and_an_arrow_moves_it(make_window, qtbot):
    w = make_window()
    d = w.diagram
    qtbot.waitUntil(lambda: d.scene is not None)
    for _ in range(8):  # F6 round the window's parts until the diagram has the keys
        key(qtbot, Qt.Key.Key_F6)
        if QApplication.focusWidget() is d:
            break
    assert QApplication.focusWidget() is d
    qtbot.waitUntil(lambda: highlight_pixels(d) > 0)  # the frame: the keys are here
    assert d.focus is not None and (d.focus.layer, d.focus.j) == (0, 0)
    assert d.accessibleDescription().startswith("input layer, neuron 1 of ")
    key(qtbot, Qt.Key.Key_Right)
    assert d.focus.layer == 1
    assert d.accessibleDescription().startswith("hidden layer 1, neuron ")
    assert highlight_pixels(d) > 0


def test_a_key_pressed_in_the_diagram_at_start_shows_its_focus(make_window, qtbot):
    w = make_window()
    d = w.diagram
    qtbot.waitUntil(lambda: d.scene is not None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d)
    assert highlight_pixels(d) == 0 and d.focus is None  # the window's start is not the keys
    key(qtbot, Qt.Key.Key_Down)
    assert d.focus is not None and "neuron 1 of" in d.accessibleDescription()
    assert highlight_pixels(d) > 0


def test_f6_on_to_the_step_shows_its_frame_and_the_keys_step(make_window, qtbot):
    """F6 from the diagram to the step's panel (nothing stepped yet: the panel itself takes the
    keys): a dashed frame round it, and Space steps."""
    w = make_window()
    d, panel = w.diagram, w.equations
    qtbot.waitUntil(lambda: d.scene is not None)
    for _ in range(8):
        key(qtbot, Qt.Key.Key_F6)
        focus = QApplication.focusWidget()
        if focus is panel or panel.isAncestorOf(focus):
            break
    assert QApplication.focusWidget() is panel
    qtbot.waitUntil(lambda: highlight_pixels(panel) > 0)  # its frame
    assert highlight_pixels(d) == 0  # the diagram's is gone
    before = w.studio.stepper.position()
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: w.studio.stepper.position() > before, timeout=30_000)
    key(qtbot, Qt.Key.Key_F6)
    assert not (QApplication.focusWidget() is panel)
    qtbot.waitUntil(lambda: highlight_pixels(panel) == 0)


@pytest.mark.parametrize("back", [False, True])
def test_tab_round_the_window_stops_only_where_the_focus_is_seen(make_window, qtbot, back):
    """Tab and Shift+Tab pass over what is off screen: the controls of a dock behind another's
    tab, a scroll area covered by its own viewport. Every stop is on screen, and the round comes
    back to where it began."""
    w = make_window(1024, 700)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.diagram)
    modifier = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    stops = []
    for _ in range(80):
        key(qtbot, Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab, modifier)
        focus = QApplication.focusWidget()
        stops.append(focus)
        assert focus.isVisible() and not focus.visibleRegion().isEmpty(), focus
        if focus is w.diagram:
            break
    assert stops[-1] is w.diagram and len(stops) > 5
    assert w.equations.findChild(QWidget, "StepHome") in stops
