"""Fixtures shared by the window's tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def english_afterwards():
    """A test that switches to Chinese leaves the next one in English."""
    from bpstudio.app import i18n

    yield
    i18n.apply_language("en")
