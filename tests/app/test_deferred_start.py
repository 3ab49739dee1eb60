"""Start → a window at once (issue 32): what the first paint does not need waits until after
it. The training plots (pyqtgraph) are a placeholder of their background until the window has
painted, then pyqtgraph is imported on a thread and the plots are built; anything that asks for
them earlier gets them at once. The shipped lessons' titles are read when their menu opens, and
what runs a lesson is imported and made when one first opens."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
from PySide6.QtGui import QColor

from bpstudio.core.lesson_format import read_lesson
from bpstudio.session.network_model import NetworkModel
from bpstudio.widgets.cost_plot import BUILT_PARTS, CostPlot
from bpstudio.widgets.plain_text import as_label_text
from bpstudio.widgets.theme import DEFAULT_THEME, THEMES

FIRST_PAINT = r"""
import sys
import threading

off_the_gui_thread = set()  # what was imported on another thread: of Qt or pyqtgraph, nothing


def imports(event, args):
    if event == "import" and threading.current_thread() is not threading.main_thread():
        off_the_gui_thread.add(args[0])


sys.addaudithook(imports)
from PySide6.QtCore import QEvent, QObject, QTimer
from bpstudio.app.gui import create_application
from bpstudio.app.main_window import MainWindow
from bpstudio.session.studio import Studio

app = create_application()
window = MainWindow(Studio())
print("built window, pyqtgraph imported:", "pyqtgraph" in sys.modules)
print("plots built before show:", window.cost_plot.is_built)
print("lessons' modules imported:", sorted(m for m in sys.modules if "lesson" in m))
seen = {}


class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen["paint"] = "pyqtgraph" in sys.modules
        return False


watch = FirstPaint()
app.installEventFilter(watch)


def built():
    print("at the first paint, pyqtgraph imported:", seen["paint"])
    print("plots built, pyqtgraph imported:", "pyqtgraph" in sys.modules)
    print("time cursor on the plots:", len(window.time_travel.cursor.lines))
    print("Qt's or pyqtgraph's modules imported on a thread:",
          sorted(m for m in off_the_gui_thread if m.startswith(("PySide6", "pyqtgraph"))))
    window.cost_plot.release()
    app.quit()


window.cost_plot.built.connect(built)
window.show()
QTimer.singleShot(120000, app.quit)  # (a hang guard, never reached when it works)
app.exec()
"""


def test_the_window_paints_before_pyqtgraph_is_imported_and_builds_the_plots_after(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path / "data"))
    proc = subprocess.run([sys.executable, "-c", FIRST_PAINT], env=env, capture_output=True,
                          text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    said = proc.stdout.splitlines()
    assert said == ["built window, pyqtgraph imported: False",
                    "plots built before show: False",
                    # the lessons' (~50 ms of a start): imported when a lesson first opens
                    "lessons' modules imported: ['bpstudio.app.lessons']",
                    "at the first paint, pyqtgraph imported: False",
                    "plots built, pyqtgraph imported: True",
                    "time cursor on the plots: 3",
                    # the Qt classes pyqtgraph names, and its own subclasses, become types on
                    # the GUI thread (widgets/background_import.py): made on a thread, they
                    # crashed the GUI thread
                    "Qt's or pyqtgraph's modules imported on a thread: []"], (
                        proc.stdout + proc.stderr)


def test_shown_plots_are_built_after_their_first_paint(qtbot):
    plot = CostPlot(NetworkModel())
    qtbot.addWidget(plot)
    assert not plot.is_built and plot.placeholder.parent() is not None
    plot.resize(400, 600)
    plot.show()
    qtbot.waitUntil(lambda: plot.is_built)
    qtbot.waitUntil(lambda: plot.graphics.isVisible())
    assert plot.graphics.isVisible() and plot.cost_plot.titleLabel.text  # its title, on screen
    plot.release()


def test_plots_of_a_window_closed_before_pyqtgraph_came_are_never_built(qtbot):
    from PySide6.QtCore import QCoreApplication

    plot = CostPlot(NetworkModel())
    qtbot.addWidget(plot)
    plot._build_soon()  # (what the placeholder's first paint asks: the import, on a thread)
    plot.release()  # the window closing
    for _ in range(10):
        QCoreApplication.processEvents()
    assert not plot.is_built and not BUILT_PARTS & set(plot.__dict__)



def test_the_plots_are_built_a_part_a_turn_and_shown_only_whole(qtbot):
    """Once pyqtgraph is imported the plots are built a part at each turn of the event loop
    (in one piece they held the GUI thread 0.15–0.27 s: a click in the window's first second
    waited), never shown half-built; what the user does meanwhile is theirs; asking for them
    finishes them at once, and so does closing the window (their items then go with it)."""
    from PySide6.QtCore import QCoreApplication

    import bpstudio.widgets.plot_items  # noqa: F401 - imported: the build begins on the turn

    def started() -> CostPlot:
        plot = CostPlot(NetworkModel())
        qtbot.addWidget(plot)
        plot.resize(400, 600)
        plot.show()
        qtbot.waitUntil(lambda: plot._importing is None and plot._building is not None)
        return plot

    plot = started()
    turns = 0
    while not plot.is_built:
        # none of the plots' parts is the widget's until the last (read so: asking for one
        # builds them all)
        assert plot.placeholder.isVisible() and not BUILT_PARTS & set(plot.__dict__)
        if turns == 1:
            plot.log_box.click()  # between two parts
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
        turns += 1
    assert turns >= 3  # not in one piece
    assert plot.scroll.isVisible() and plot.scroll.parent() is plot.plot_area
    assert plot.cost_plot.getAxis("left").logMode
    plot.release()

    plot = started()
    QCoreApplication.processEvents()
    assert not plot.is_built
    x, y = plot.cost_points()  # asked for half-way: the rest built now
    assert plot.is_built and plot.scroll.isVisible() and len(x) == 0
    plot.release()

    plot = started()
    QCoreApplication.processEvents()
    plot.release()  # closed half-way: finished, in the widget, and drawn no more
    assert plot.is_built and plot.graphics.parent() is plot.scroll.viewport()
    assert not plot.frames.pending

    plot = started()  # what asks for the plots as they come is answered
    answered = []
    plot.built.connect(lambda: plot.when_built(lambda: answered.append(plot.is_built)))
    qtbot.waitUntil(lambda: plot.is_built)
    assert answered == [True]
    plot.release()


DELETED_HALF_BUILT = r"""
import sys
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

app = QApplication([])
import bpstudio.widgets.plot_items  # noqa: F401
from bpstudio.session.network_model import NetworkModel
from bpstudio.widgets.cost_plot import CostPlot

plot = CostPlot(NetworkModel())
plot.resize(400, 600)
plot.show()
while plot._building is None:
    QCoreApplication.processEvents()
QCoreApplication.processEvents()
print("half-built:", plot._building is not None and not plot.is_built)
plot.deleteLater()  # deleted without release(), the Python object kept (as a test's local)
QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
print("left:", sorted(type(w).__name__ for w in QApplication.allWidgets()))
"""


def test_plots_deleted_half_built_go_with_their_widget(tmp_path):
    """A plots widget deleted while its plots are built (not closed through release(), as the
    window does) takes the half-built plots with it at once: left to Python's exit, PySide
    deleted their items one by one, calling back into a Python that was going (a segfault)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", DELETED_HALF_BUILT], env=env,
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["half-built: True", "left: []"], proc.stdout

def test_plots_never_shown_are_built_when_asked_for(qtbot):
    model = NetworkModel()
    model.append_history(np.array([0.7, 0.6, 0.5]), np.ones((3, model.network.L)))
    plot = CostPlot(model)
    qtbot.addWidget(plot)
    assert not plot.is_built
    x, y = plot.cost_points()  # what the cost curve shows: built for the question
    assert plot.is_built and list(y) == [0.7, 0.6, 0.5]
    plot.release()


def test_a_log_scale_and_a_theme_chosen_before_the_plots_exist_are_theirs(qtbot):
    plot = CostPlot(NetworkModel())
    qtbot.addWidget(plot)
    plot.log_box.click()  # (as a user could, while the plots are still the placeholder)
    dark = next(t for t in THEMES.values()
                if QColor(t.plot_background) != QColor(THEMES[DEFAULT_THEME].plot_background))
    plot.set_theme(dark)
    plot.ensure_built()
    assert plot.cost_plot.getAxis("left").logMode
    assert plot.graphics.backgroundBrush().color() == QColor(dark.plot_background)
    plot.release()


def test_the_lessons_titles_are_read_when_their_menu_opens(qtbot, make_window):
    w = make_window()
    lessons = w.lessons
    path, action = next((p, a) for p, a in lessons.shipped if p.stem == "bp-tutorial")
    assert action.text() == ""  # not read at start
    lessons.menu.aboutToShow.emit()  # (what Qt says as the menu opens; a popup warns offscreen)
    assert action.text() == as_label_text(read_lesson(path).title.text("en"))
    assert "一文搞定BP神经网络" in action.text()
