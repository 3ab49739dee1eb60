"""At start no neuron looks chosen: the window opens with the keys in the diagram, and its focus
frame says so, but the ring on a neuron shows only once the keys are used there (Tab or F6 to
it, or a key pressed in it). A class reads a ring drawn at start as a selection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QPushButton, QScrollArea, QVBoxLayout, QWidget


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
    qtbot.waitUntil(lambda: highlight_pixels(d) > 0)  # the frame: the keys are here
    assert not d.shows_focus()  # and no ring


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
    assert d.focus is None and not d.shows_focus()  # the window's start is not the keys
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
    for _ in range(150):
        key(qtbot, Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab, modifier)
        focus = QApplication.focusWidget()
        stops.append(focus)
        assert focus.isVisible() and not focus.visibleRegion().isEmpty(), focus
        if focus is w.diagram:
            break
    assert stops[-1] is w.diagram and len(stops) > 5
    assert w.equations.findChild(QWidget, "StepHome") in stops


def test_the_menu_bar_by_alt_and_back_keeps_the_ring(make_window, qtbot):
    """Alt to the menu bar and Esc back: the keys come back as they were (the ring was gone
    until another key)."""
    w = make_window()
    d = w.diagram
    qtbot.waitUntil(lambda: d.scene is not None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d)
    key(qtbot, Qt.Key.Key_Down)
    assert d.shows_focus()
    w.menuBar().setFocus(Qt.FocusReason.MenuBarFocusReason)  # as Alt does
    qtbot.waitUntil(lambda: not d.hasFocus())
    d.setFocus(Qt.FocusReason.MenuBarFocusReason)  # as Esc gives it back
    qtbot.waitUntil(d.hasFocus)
    assert d.shows_focus() and d.focus is not None


def test_tab_scrolls_a_control_below_the_fold_into_view_and_reaches_it(qtbot):
    """Tab passes over what nobody sees, but a control scrolled out of a scroll area's view is
    not skipped: it is scrolled into view and reached (a review feared it was out of reach)."""
    from bpstudio.app.pane_keys import PaneKeys

    class Host(QWidget):
        def focusNextPrevChild(self, next):  # noqa: N802 - Qt's name
            return self.keys.tab(next, super().focusNextPrevChild)

    host = Host()
    host.keys = PaneKeys(host, QMenu(host), [])
    area = QScrollArea(host)
    inner = QWidget()
    layout = QVBoxLayout(inner)
    buttons = [QPushButton(f"button {k}") for k in range(12)]
    for b in buttons:
        b.setMinimumHeight(40)
        layout.addWidget(b)
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.resize(200, 120)  # three buttons in view, nine below the fold
    host.resize(220, 140)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(buttons[0].hasFocus)
    assert buttons[-1].visibleRegion().isEmpty()
    for a, b in zip(buttons, buttons[1:]):
        qtbot.keyClick(a, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is b
        assert not b.visibleRegion().isEmpty()  # in view, where the focus is seen
