"""A twin of the same 2-D data set at 1024×768 maximised (issue 28): the window's diagram, the
twin's and the output over the input plane are each whole inside the window, beside the docks
(also with the editor docked on the left again, where their minimums together were 1078 px),
in both languages; the diagrams' labels stay in their rooms and their neurons inside."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from readable_labels import assert_labels_fit
from screens import screen
from test_runs_never_vanish import wait_idle
from user_actions import choose, fork_in_the_dialog


def on_window(w, widget) -> QRect:
    return QRect(widget.mapTo(w, widget.rect().topLeft()), widget.size())


def assert_whole(w, widget) -> None:
    rect = on_window(w, widget)
    assert widget.isVisible() and w.rect().contains(rect), (widget.objectName(), rect, w.rect())
    for dock in (w.editor_dock, w.training_dock):
        if dock.isVisible() and not dock.isFloating():
            assert not dock.geometry().intersects(rect), (widget.objectName(), dock.objectName())


def assert_diagram_whole(diagram) -> None:
    diagram.refresh_now()
    layout = diagram.scene.layout
    assert_labels_fit(layout, diagram.width())
    for column in layout.slots:
        for slot in column:
            x = slot.pos.x()
            assert layout.radius <= x <= diagram.width() - layout.radius, (x, diagram.width())


@pytest.mark.parametrize("editor_left", [False, True])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_spiral_twin_and_the_output_plane_are_whole_at_1024(on_projector, qtbot, tmp_path,
                                                              english_afterwards, language,
                                                              editor_left):
    w = on_projector()
    w.set_language(language)
    presets = w.editor.preset_box
    choose(qtbot, presets, presets.itemText(presets.findData("plane-spiral")))  # in either language
    wait_idle(qtbot, w)
    fork_in_the_dialog(qtbot, w, 0.1)
    qtbot.waitUntil(lambda: len(w.twin_runs.panels) == 1)
    if editor_left:  # dragged back beside the diagram, or a layout remembered so
        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, w.editor_dock)
        w.editor_dock.show()
    qtbot.waitUntil(lambda: w.plane_view.image is not None)
    qtbot.wait(50)  # the splitters laid out
    room = screen("projector").availableGeometry()
    assert room.contains(w.frameGeometry())
    twin = w.twin_runs.panels[0].diagram
    for view in (w.diagram, twin, w.plane_view, w.plane_view.plane):
        assert_whole(w, view)
    for diagram in (w.diagram, twin):
        assert_diagram_whole(diagram)
    w.grab().save(str(tmp_path / f"spiral-twin-{language}-{'left' if editor_left else 'tabs'}.png"))
