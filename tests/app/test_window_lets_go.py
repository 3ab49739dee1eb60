"""A window that is closed and deleted lets go of its studio (the network, its data, the
run's history): nothing outside the window keeps them. A parentless combo box's connection and
a background import's lambda kept every window the suite made, and all it held, alive."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QCoreApplication, QEvent


def test_a_deleted_window_lets_go_of_its_studio(make_window, qtbot):
    window = make_window()
    qtbot.waitUntil(lambda: window.cost_plot.is_built)  # pyqtgraph imported on its thread
    studio = weakref.ref(window.studio)
    model = weakref.ref(window.studio.model)
    window.close()
    window.deleteLater()
    del window
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(50)  # the background import's "done", had it been pending
    gc.collect()
    assert studio() is None and model() is None
