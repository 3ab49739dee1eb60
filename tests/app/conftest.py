"""Fixtures shared by the window's tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def cjk_font(monkeypatch):
    """Texts, not glyphs, are under test: behave as if a Chinese font were installed."""
    from bpstudio.app import i18n

    monkeypatch.setattr(i18n, "has_cjk_font", lambda: True)
    yield
    i18n.apply_language("en")
