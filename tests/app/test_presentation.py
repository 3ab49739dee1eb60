"""Projecting in class: presentation mode, the UI's scale, the blank screen, remembered settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from bpstudio.app.main_window import MainWindow

from bpstudio.session.studio import Studio
from bpstudio.app.themes import base_point_size
from bpstudio.core.trainer import RunState


@pytest.fixture
def window(make_window):
    w = make_window(1280, 800)
    yield w
    w.presenter.set_scale(1.0)  # the application font is global: leave it as found


def test_f5_enters_and_esc_leaves_presentation_mode(window, qtbot):
    editor = window.findChild(QDockWidget, "EditorDock")
    assert editor.isVisible() and window.menuBar().isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.presenter.presenting and window.isFullScreen()
    assert not editor.isVisible() and not window.menuBar().isVisible()
    assert window.diagram.isVisible() and window.equations.isVisible() and window.cost_plot.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Right)  # the stepper's keys work unchanged
    assert window.equations.title.text().startswith("Step 1 of")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presenter.presenting and not window.isFullScreen()
    assert editor.isVisible() and window.menuBar().isVisible()


def test_b_blanks_the_screen_and_any_key_brings_it_back(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.keyClick(window, Qt.Key.Key_B)
    blank = window.presenter.blank
    assert blank.isVisible() and blank.geometry() == window.rect()
    assert window.grab().toImage().pixelColor(200, 200).name() == "#000000"
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert not blank.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_B)
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # Esc first unblanks, then leaves
    assert not blank.isVisible() and window.presenter.presenting


def test_scale_keys_change_the_equation_views_font(window, qtbot):
    before = window.equations.formula.font().pointSizeF()

    def formula_size_becomes(expected):
        # QApplication.setFont posts the font change to every widget: wait for it to arrive
        qtbot.waitUntil(lambda: window.equations.formula.font().pointSizeF() == pytest.approx(expected))

    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    formula_size_becomes(before * 1.25)
    assert window.diagram.font().pointSizeF() == pytest.approx(base_point_size() * 1.25)
    # the plots' right-click menu (a popup of its own) follows the scale too
    menu = window.cost_plot.menu
    qtbot.waitUntil(lambda: menu.font().pointSizeF() == pytest.approx(base_point_size() * 1.25))
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    formula_size_becomes(before * 1.1)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    formula_size_becomes(before)


def test_scale_layout_and_geometry_survive_a_new_window(window, qtbot):
    window.presenter.set_scale(1.5)
    window.resize(1111, 777)
    editor = window.findChild(QDockWidget, "EditorDock")
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, editor)  # the user moved it
    window.close()
    again = MainWindow(Studio())
    qtbot.addWidget(again)
    assert again.presenter.scale == 1.5
    moved = again.findChild(QDockWidget, "EditorDock")
    assert again.dockWidgetArea(moved) == Qt.DockWidgetArea.RightDockWidgetArea
    # the offscreen platform's small virtual screen narrows a restored window; the height stays
    assert abs(again.height() - 777) <= 5
    again.presenter.set_scale(1.0)


def test_themes_restyle_the_app_diagram_and_plots_and_are_remembered(window, make_window, qtbot):
    diagram = window.diagram
    corner = diagram.rect().topLeft() + diagram.rect().center() / 8
    assert diagram.grab().toImage().pixelColor(corner).lightness() > 240  # light by default
    window.findChild(object, "Theme_dark").trigger()
    diagram.refresh_now()
    assert diagram.grab().toImage().pixelColor(corner).lightness() < 40
    assert window.cost_plot.graphics.backgroundBrush().color().name() == "#1e1e1e"
    assert "QToolTip" in window.styleSheet()
    window.findChild(object, "Theme_projector").trigger()
    assert diagram.theme.line_scale > 1.5 and "font-weight: bold" in window.styleSheet()
    help_box = window.equations.help  # a dialog of the window: it takes the window's theme
    help_box.ensurePolished()
    assert help_box.font().bold()
    again = make_window()
    assert again.diagram.theme.key == "projector"
    assert again.findChild(object, "Theme_projector").isChecked()
    again.findChild(object, "Theme_light").trigger()


def test_the_last_data_set_and_model_come_back(make_window, cat_data_dir, tmp_path):
    from bpstudio.core.modelfile import save_model
    from bpstudio.core.network import Network

    w = make_window()
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()  # read on a thread
    net = Network.create([12288, 4, 1], seed=3)
    save_model(tmp_path / "m.npz", net)
    assert w.studio.classify.open_model(str(tmp_path / "m.npz"))
    w.studio.model.loader.wait()  # read on a thread
    again = make_window()
    again.files.restore_last_dataset()  # what the app does at start-up
    again.studio.model.loader.wait()  # read on a thread
    assert again.studio.model.network.dims == (12288, 4, 1)
    assert (again.studio.model.network.weights[0] == net.weights[0]).all()


def test_training_from_the_keyboard_in_presentation_mode(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    window.studio.model.set_hyper(iterations=1_000_000)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.studio.training.state is RunState.RUNNING
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.studio.training.state is RunState.PAUSED
    with qtbot.waitSignal(window.studio.training.state_changed,
                          check_params_cb=lambda s: s is RunState.IDLE):
        qtbot.keyClick(window, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)


def test_the_first_start_follows_the_system_locale(monkeypatch):
    from PySide6.QtCore import QLocale

    from bpstudio.app import i18n

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.saved_language() == "zh_CN"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.saved_language() == "en"


@pytest.mark.parametrize("theme", ["light", "dark", "projector", "contrast"])
def test_disabled_controls_look_disabled_in_every_theme(window, theme):
    window.set_theme(theme)
    stop = window.training_panel.stop_button  # idle: Stop is disabled, Train enabled
    train = window.training_panel.train_button
    assert not stop.isEnabled() and train.isEnabled()

    def ink(button):
        """The darkest (or, on dark themes, lightest) text pixel: the label's colour."""
        img = button.grab().toImage()
        values = [img.pixelColor(x, y).lightness() for x in range(img.width())
                  for y in range(img.height())]
        return min(values) if theme not in ("dark", "contrast") else max(values)

    assert abs(ink(stop) - ink(train)) > 40
    window.set_theme("light")


def test_presentation_gives_the_diagram_and_equations_two_thirds(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    side = window.findChild(QDockWidget, "TrainingDock")
    assert side.isVisible()  # the plots stay on screen …
    # … at a third of the width, once the full-screen geometry has arrived
    qtbot.waitUntil(lambda: window.isFullScreen()
                    and side.width() <= window.width() // 3 + 10
                    and window.centralWidget().width() >= window.width() * 0.6)


@pytest.mark.parametrize("theme,size", [("projector", (1920, 1080)), ("light", (1280, 800))])
def test_on_first_start_the_editor_fits_its_dock(make_window, qtbot, theme, size):
    """The projector's bold text is the widest editor; at 1280×800 the plots gave it too little
    room (it scrolled sideways, its × buttons out of reach) until it came first."""
    from bpstudio.app.themes import THEME_KEY
    from bpstudio.app.settings import remember

    remember(THEME_KEY, theme)
    w = make_window(*size)
    scroll = w.editor_dock.widget()
    # sized once the window is laid out (the next turn of the event loop after showing)
    qtbot.waitUntil(lambda: scroll.horizontalScrollBar().maximum() == 0)  # nothing cut off
    assert w.editor.width() >= w.editor.minimumSizeHint().width()
    w.set_theme("light")


def test_the_diagram_keeps_its_share_of_a_small_screen_beside_the_equation_view(make_window):
    w = make_window(1024, 768)
    w.presenter.enter()
    d, e = w.diagram.height(), w.equations.height()
    assert d >= 0.45 * (d + e), (d, e)  # it started at its 200-px minimum once: neurons overlapped
    w.presenter.leave()


def test_switching_theme_and_language_again_reads_no_file(make_window, english_afterwards,
                                                          monkeypatch, qtbot):
    """A file-system call on the GUI thread can wait behind a large write: a theme switch once
    waited 401 ms in a stat() of the resources folder. After the first time, nothing is read."""
    import pathlib

    from PySide6.QtCore import QTranslator

    w = make_window()
    for key in ("dark", "projector", "contrast", "light"):
        w.set_theme(key)
    assert w.set_language("zh_CN") and w.set_language("en")

    reads = []

    def recorded(cls, name):
        real = getattr(cls, name)

        def call(*args, **kwargs):
            reads.append(f"{name}{args[1:] if cls is QTranslator else args[:1]}")
            return real(*args, **kwargs)
        monkeypatch.setattr(cls, name, call)
    for name in ("stat", "read_text", "open", "exists", "is_dir"):
        recorded(pathlib.Path, name)
    recorded(QTranslator, "load")
    try:
        for key in ("dark", "projector", "contrast", "light"):
            w.set_theme(key)
            assert w.menus.themes[key].isChecked()
        assert w.set_language("zh_CN")
        qtbot.waitUntil(lambda: w.menus.file.title() == "文件(&F)")
    finally:
        monkeypatch.undo()  # pytest itself reads files to report
    assert reads == []
    assert w.set_language("en")
