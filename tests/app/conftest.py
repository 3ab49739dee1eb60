"""Fixtures shared by the window's tests."""

from __future__ import annotations

import pytest
from screens import screen


@pytest.fixture(autouse=True)
def in_a_prepared_process(prepared_process):
    """Every window test runs in a process set up as the app sets up its own."""


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
