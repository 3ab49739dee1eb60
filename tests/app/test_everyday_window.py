"""The everyday window at 1024×768, maximised, in English and Chinese and every theme: the
training plots each keep a readable curve area (one at a time where the three do not fit), their
tick labels never touch, the training texts are never cut, the diagram's labels (a twin's diagram
beside it too) never clip or touch, and the UI's zoom never collapses a plot and scales the
diagram's labels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from posted_events import delivered
from readable_labels import assert_labels_fit, drawn_labels

from bpstudio.core.vocabulary import STAGES
from bpstudio.widgets.cost_plot import PLOT_HEIGHT

THEMES = ["light", "dark", "projector"]


def curve_heights(w) -> list[float]:
    """The curve areas of the plots on screen, in pixels."""
    return [p.vb.height() for p in w.cost_plot.shown_plots()]


def each_plot_in_turn(w, qtbot):
    """Every plot shown once, through the chooser where they are shown one at a time: yields
    the plot."""
    plot = w.cost_plot
    if len(plot.shown_plots()) == len(plot.plots()):
        assert not plot.chooser.isVisible()
        yield from plot.plots()
        return
    assert plot.chooser.isVisible() and len(plot.shown_plots()) == 1
    chooser = plot.chooser
    for k, item in enumerate(plot.plots()):
        chooser.setCurrentIndex(k)  # as the user's choice in the list does
        delivered()  # the plot's layout
        assert plot.shown_plots() == (item,)
        yield item


def assert_readable(w, qtbot, scrolled: bool = False) -> None:
    """Each plot's curve area at least PLOT_HEIGHT px, its left axis labelled without two labels
    touching; ``scrolled``: the plots may scroll (else they fit in their room)."""
    for item in each_plot_in_turn(w, qtbot):
        assert item.vb.height() >= PLOT_HEIGHT, (item.titleLabel.text, curve_heights(w))
        if not scrolled:
            assert w.cost_plot.scroll.verticalScrollBar().maximum() == 0
        labels = drawn_labels(item.getAxis("left"))
        assert len(labels) >= 2, item.titleLabel.text  # a scale, not a bare axis
        rects = sorted((r for r, _ in labels), key=lambda r: r.top())
        for a, b in zip(rects, rects[1:]):
            assert a.bottom() <= b.top(), [t for _, t in labels]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("theme", THEMES)
def test_every_plot_is_readable_after_opening_the_cat_data(on_projector, qtbot, english_afterwards,
                                                           cat_data_dir, theme, language):
    w = on_projector()
    w.set_theme(theme)
    w.set_language(language)
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()  # read on a thread
    delivered()  # the window's layout with the data's network
    assert w.cost_plot.isVisible()
    assert_readable(w, qtbot)
    w.set_theme("light")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_while_training_the_texts_are_whole_and_the_plots_readable(on_projector, qtbot,
                                                                   english_afterwards,
                                                                   cat_data_dir, language):
    w = on_projector()
    w.set_theme("projector")  # the widest text
    w.set_language(language)
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()
    w.studio.set_hyper(iterations=200)
    w.studio.set_pace(30.0)  # a run to watch: still under way when looked at
    qtbot.mouseClick(w.training_panel.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(w.studio.model.history.evaluations) >= 2, timeout=60_000)
    delivered()  # the texts' and the time cursor's layout
    panel = w.training_panel
    for label in (panel.speed, panel.cost, panel.accuracy):
        assert label.isVisible() and label.text()
        assert label.height() >= label.heightForWidth(label.width()), (label.objectName(),
                                                                       label.text())
        assert panel.rect().contains(label.geometry()), label.objectName()
    assert "0." in panel.accuracy.text()
    # the time cursor's bar has come (its buttons wait for a past iteration): the plots still
    # fit their room, in Chinese on the projector theme too
    bar = w.time_travel.bar
    assert bar.isVisible() and bar.where.text() and not bar.now_button.isVisible()
    assert_readable(w, qtbot)
    w.studio.stop()
    w.set_theme("light")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_zooming_the_ui_never_collapses_a_plot(on_projector, qtbot, english_afterwards,
                                               cat_data_dir, language):
    """Stage 5 (all of it) with Ctrl+= twice, and more: every plot keeps its curve area, the
    plots scroll where even one does not fit, and the diagram's labels grow with the text."""
    w = on_projector()
    w.set_language(language)
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()
    qtbot.keyClick(w, Qt.Key.Key_F5)
    qtbot.keyClick(w, Qt.Key.Key_1 + STAGES.index("mixed"))
    qtbot.waitUntil(lambda: w.isFullScreen() and w.presenter.stage == "mixed")
    delivered()  # the stage's style and layout
    before = w.diagram.scene.layout.title_font.pointSizeF()
    for presses in range(1, 6):
        qtbot.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        delivered()  # the new scale's layout
        w.cost_plot.frames.flush()
        for item in each_plot_in_turn(w, qtbot):
            assert item.vb.height() >= PLOT_HEIGHT, (presses, curve_heights(w))
        if presses == 2:
            assert w.cost_plot.scroll.verticalScrollBar().maximum() == 0  # no need to scroll yet
    assert w.diagram.scene.layout.title_font.pointSizeF() > before
    qtbot.keyClick(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(w, Qt.Key.Key_Escape)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_diagram_label_is_clipped_with_a_twin_beside_it(on_projector, qtbot, english_afterwards,
                                                           cat_data_dir, language):
    w = on_projector()
    w.set_theme("projector")  # bold: the widest words
    w.set_language(language)
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()
    delivered()
    w.diagram.refresh_now()
    assert_labels_fit(w.diagram.scene.layout, w.diagram.width())
    assert w.studio.fork_twin(learning_rate=0.01) is not None
    delivered()  # the twin's diagram beside the window's
    # the plots as wide as a user may drag them: the diagrams narrow
    w.resizeDocks([w.training_dock], [w.width() - 560], Qt.Orientation.Horizontal)
    delivered()
    twin = w.twin_runs.panels[0].diagram
    assert twin.isVisible() and w.diagram.width() < 300  # narrow: the case that clipped
    for d in (w.diagram, twin):
        d.refresh_now()
        assert_labels_fit(d.scene.layout, d.width())
        words = [t.text for column in d.scene.layout.texts for t in column]
        assert any("12,288" in t for t in words), words  # the input's size, whole
    w.studio.remove_twins()
    w.set_theme("light")
