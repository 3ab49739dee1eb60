"""Guards against known-bad Qt bindings: the app pumps events for hours."""

from __future__ import annotations

import sys


def test_process_events_keeps_reference_counts(qapp):
    before = sys.getrefcount(None)
    for _ in range(2000):
        qapp.processEvents()
    # PySide6 6.12.0 loses one reference to None per call and aborts the interpreter
    assert sys.getrefcount(None) >= before - 50
