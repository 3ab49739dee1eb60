"""The classroom at 1024×768: presentation stages, readable from the back row, nothing clipped,
a blank screen that any clicker key brings back, training slow enough to watch."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QLabel, QScrollArea,
                               QWidget)
from screens import screen

from posted_events import delivered
from bpstudio.core.vocabulary import STAGES
from bpstudio.core.trainer import RunState
from bpstudio.widgets.matrix_view import MatrixView

READABLE_CAP = 12.0  # px: the equation stage's text at scale 100 %, from the back row


def present(w, qtbot, stage: str) -> None:
    if not w.presenter.presenting:
        qtbot.keyClick(w, Qt.Key.Key_F5)
    qtbot.keyClick(w, Qt.Key.Key_1 + STAGES.index(stage))
    qtbot.waitUntil(lambda: w.isFullScreen() and w.presenter.stage == stage)
    delivered()  # the stage's style and layout


def visible_texts(root: QWidget):
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
            yield widget


def test_blank_works_in_and_out_of_presentation_and_a_clicker_key_only_brings_it_back(
        make_window, qtbot):
    w = make_window()
    blank = w.presenter.blank
    for presenting in (False, True):
        if presenting:
            qtbot.keyClick(w, Qt.Key.Key_F5)
        qtbot.keyClick(w, Qt.Key.Key_B)
        assert blank.isVisible() and blank.geometry() == w.rect()
        for key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_PageUp):
            position = w.studio.stepper.position()
            qtbot.keyClick(w, key)
            assert not blank.isVisible()  # the picture is back …
            assert w.studio.stepper.position() == position  # … and nothing else happened
            qtbot.keyClick(w, Qt.Key.Key_B)
        qtbot.keyClick(w, Qt.Key.Key_Escape)  # Esc too only brings the picture back
        assert not blank.isVisible() and w.presenter.presenting == presenting
    qtbot.keyClick(w, Qt.Key.Key_Right)  # and afterwards the keys step again
    assert w.studio.stepper.position() == 1


def test_every_stage_shows_its_view_and_the_stepper_keys_keep_working(make_window, qtbot):
    w = make_window()
    shown = {"equations": [w.equations], "network": [w.diagram], "training": [w.cost_plot,
                                                                              w.training_panel],
             "classify": [w.gallery], "mixed": [w.diagram, w.equations, w.cost_plot]}
    hidden = {"equations": [w.diagram, w.cost_plot, w.gallery], "network": [w.equations,
                                                                            w.cost_plot],
              "training": [w.diagram, w.equations], "classify": [w.diagram, w.cost_plot],
              "mixed": [w.gallery]}
    for k, stage in enumerate(STAGES, start=1):
        present(w, qtbot, stage)
        assert all(v.isVisible() for v in shown[stage]), stage
        assert not any(v.isVisible() for v in hidden[stage]), stage
        assert not w.editor.isVisible() and not w.menuBar().isVisible()
        qtbot.keyClick(w, Qt.Key.Key_Right)
        assert w.studio.stepper.position() == k  # a clicker steps whatever is on screen
    # the bar shows which stage this is when the mouse moves (it hides a few seconds later)
    qtbot.mouseMove(w.diagram, w.diagram.rect().center())
    assert w.findChild(QWidget, "StageBar").isVisible()
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert not w.presenter.presenting and w.editor.isVisible() and w.diagram.isVisible()
    assert w.equations.next_button.isVisible()  # the stage's lean panel is the usual one again


def caps(w) -> dict[str, float]:
    """Cap heights of what the equation stage shows: every text, the formula, every matrix
    view's title and digits."""
    panel = w.equations
    out = {f"{type(t).__name__} {t.objectName()} {t.text()[:20]!r}": QFontMetricsF(t.font()).capHeight()
           for t in visible_texts(panel)}
    out["formula"] = QFontMetricsF(panel.formula.layout_for(panel.formula.width())[0]).capHeight()
    for view in panel.findChildren(MatrixView):
        if view.isVisible():
            out[f"{view.name} title"] = QFontMetricsF(view.font()).capHeight()
            if view.is_grid:
                out[f"{view.name} digits"] = QFontMetricsF(view.grid_font()).capHeight()
    return out


def grid_fits(view: MatrixView) -> bool:
    fm = QFontMetricsF(view.grid_font())
    width = view.cell_rect(0, 0).width()  # a grid's cells share its rectangle evenly
    return all(fm.horizontalAdvance(t) <= width for row in view.cell_texts() for t in row)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("where", ["projector", "desktop"])
def test_the_equation_stage_is_readable_from_the_back_row(make_window, qtbot, english_afterwards,
                                                          language, where, cat_data_dir):
    w = make_window()
    w.setScreen(screen(where))
    w.move(screen(where).geometry().topLeft())
    w.set_language(language)
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()  # read on a thread
    w.studio.stepper.set_mode("batch")
    present(w, qtbot, "equations")
    assert w.geometry() == screen(where).geometry()
    steps = w.studio.stepper.stepper.steps
    for label in ("2b", "4b"):  # W[3] is 5×7
        w.studio.stepper.go(next(s.index for s in steps if s.equation.label == label and s.layer == 3) + 1)
        delivered()  # the step's layout
        sizes = caps(w)
        assert min(sizes.values()) >= READABLE_CAP, sorted(sizes.items(), key=lambda kv: kv[1])[:3]
        assert sizes["formula"] > 1.5 * READABLE_CAP
        for view in w.equations.findChildren(MatrixView):
            if view.isVisible() and view.is_grid:
                assert grid_fits(view), view.name
    before = caps(w)
    qtbot.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    delivered()  # the new scale's layout
    larger = caps(w)
    for key in ("formula", *(k for k in before if k.endswith("title"))):
        assert larger[key] > before[key], key
    qtbot.keyClick(w, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(w, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    delivered()  # the new scale's layout
    smaller = caps(w)
    for key in ("formula", *(k for k in before if k.endswith("title"))):
        assert smaller[key] < before[key], key
    qtbot.keyClick(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)


def needed_width(c: QWidget) -> int:
    """The width below which a control's text is cut: its words, or what it must show."""
    fm = c.fontMetrics()
    if isinstance(c, QAbstractButton):
        return fm.horizontalAdvance(c.text().replace("&", "")) + 6
    if isinstance(c, QComboBox):
        return fm.horizontalAdvance(c.currentText()) + 24  # the text and the arrow
    return c.minimumSizeHint().width() - 1


def clipped(w) -> list[str]:
    """Controls a user sees only in part: outside the window, or cut at the side of the scroll
    area they sit in (below it is fine: docks scroll vertically)."""
    window = QRect(QPoint(0, 0), w.size())
    out = []
    for c in w.findChildren(QWidget):
        if not isinstance(c, (QAbstractButton, QComboBox, QAbstractSpinBox)):
            continue
        if not c.isVisible() or c.visibleRegion().isEmpty():  # e.g. behind another dock's tab
            continue
        box = QRect(c.mapTo(w, QPoint(0, 0)), c.size())
        parent = c.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        scrolled = parent is not None  # (may be scrolled out of sight below: that is allowed)
        if (not window.contains(box) if not scrolled
                else box.left() < 0 or box.right() > window.right()):
            out.append(f"{c.objectName() or type(c).__name__} {box} outside {window}")
        if scrolled:
            view = parent.viewport()
            left = c.mapTo(view, QPoint(0, 0)).x()
            if left < 0 or left + c.width() > view.width():
                out.append(f"{c.objectName() or type(c).__name__} cut at the side of its scroll area")
        needed = needed_width(c)
        if c.width() < needed:
            out.append(f"{c.objectName() or type(c).__name__} squeezed to {c.width()} px of "
                       f"{needed}")
    return out


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("theme", ["light", "dark", "projector", "contrast"])
def test_nothing_is_clipped_at_1024x768(on_projector, qtbot, english_afterwards, theme, language):
    w = on_projector()
    w.set_theme(theme)
    w.set_language(language)
    delivered()  # the theme's and language's layout
    assert w.minimumSizeHint().width() <= 1000
    problems = clipped(w)
    assert problems == [], "\n".join(problems)
    assert w.studio.model.apply_preset("plane-spiral")  # the playground: more controls, the output view
    delivered()  # the playground's layout
    assert w.minimumSizeHint().width() <= 1000
    assert clipped(w) == []
    w.set_theme("light")


def test_the_first_start_fits_a_1024x768_screen(tmp_path):
    """In a process of its own whose only screen is the projector."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "projector", "x": 0, "y": 0, "width": 1024,
                                               "height": 768, "logicalDpi": 96, "dpr": 1}]}))
    code = ("import os, tempfile\n"
            "from PySide6.QtCore import QSettings\n"
            "home = tempfile.mkdtemp(); os.environ['XDG_DATA_HOME'] = home\n"
            "QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, home)\n"
            "from bpstudio.app.gui import create_application\n"
            "from bpstudio.app.main_window import MainWindow\n"
            "from bpstudio.session.studio import Studio\n"
            "app = create_application(); w = MainWindow(Studio()); w.show(); app.processEvents()\n"
            "print(w.width(), w.height(), w.minimumSizeHint().width(), flush=True)\n"
            "w.close(); os._exit(0)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ,
                              "QT_QPA_PLATFORM": f"offscreen:configfile={config}"})
    assert out.returncode == 0, out.stderr
    width, height, minimum = map(int, out.stdout.split()[-3:])
    assert width <= 0.9 * 1024 + 1 and height <= 0.9 * 768 + 1 and minimum <= 921


def test_panels_sized_on_a_wide_screen_do_not_squeeze_a_small_one(make_window, qtbot):
    from bpstudio.app.window_layout import GEOMETRY_KEY, STATE_KEY
    from bpstudio.app.settings import recall

    wide = make_window(1920, 1080)
    wide.resizeDocks([wide.editor_dock, wide.training_dock], [600, 700], Qt.Orientation.Horizontal)
    delivered()  # the docks' new layout
    wide.close()  # remembers its window and its docks
    assert recall(STATE_KEY) is not None and recall(GEOMETRY_KEY) is not None
    from bpstudio.app.main_window import MainWindow
    from bpstudio.session.studio import Studio

    small = MainWindow(Studio())
    qtbot.addWidget(small)
    small.setScreen(screen("projector"))
    small.move(screen("projector").geometry().topLeft())
    small.showMaximized()
    qtbot.waitUntil(lambda: small.width() >= 1000)
    qtbot.waitUntil(lambda: small.centralWidget().width() >= 0.35 * small.width())
    delivered()  # and the docks of a narrow window tabbed on one side (window_layout.py)
    assert clipped(small) == []


def test_one_iteration_at_a_time_and_stepping_while_paused(make_window, qtbot):
    w = make_window()
    panel = w.training_panel
    box = panel.pace_box
    box.setCurrentIndex(box.count() - 1)
    box.activated.emit(box.count() - 1)
    assert box.currentText() == "one iteration at a time"
    qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.studio.training.state is RunState.PAUSED, timeout=20_000)
    assert len(w.studio.model.history) == 1 and panel.pause_button.text() == "Next iteration"
    qtbot.keyClick(w, Qt.Key.Key_Right)  # the stepper works while the run waits
    assert w.studio.stepper.position() == 1 and w.equations.title.text().startswith("Step 1 of")
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.studio.training.state is RunState.PAUSED and len(w.studio.model.history) == 2,
                    timeout=20_000)
    with qtbot.waitSignal(w.studio.training.state_changed, check_params_cb=lambda s: s is RunState.IDLE):
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert len(w.studio.model.history) == 2 and w.studio.model.network.iterations_trained == 2
