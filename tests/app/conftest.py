"""Fixtures shared by the window's tests."""

from __future__ import annotations

import pytest
from screens import screen


@pytest.fixture(scope="session", autouse=True)
def prepared_process(qapp):
    """What the app does once when it creates its QApplication (one BLAS thread, the bundled
    Chinese font), done for pytest-qt's QApplication before any window."""
    from bpstudio.app.gui import prepare_process

    prepare_process()


@pytest.fixture
def english_afterwards():
    """A test that switches to Chinese leaves the next one in English."""
    from bpstudio.app import i18n

    yield
    i18n.apply_language("en")


@pytest.fixture
def on_projector(make_window, qtbot):
    """A window on the 1024×768 projector (tests/conftest.py's second screen), maximised."""
    def make():
        w = make_window(900, 700)
        w.setScreen(screen("projector"))
        w.move(screen("projector").geometry().topLeft())
        w.showMaximized()
        qtbot.waitUntil(lambda: w.width() >= 1000)  # all of the screen, less the frame
        return w
    return make
