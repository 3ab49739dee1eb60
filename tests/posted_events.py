"""Waiting for what other threads and timers posted to the GUI thread, without a clock: the
tests that check that something did not happen, or that a change has been laid out, wait here."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication


def delivered() -> None:
    """Run what other threads and zero timers have posted to the GUI thread (a job's result, a
    layout or style request, an announcement), and what that posts in turn, as the event loop
    would before the next input; no clock involved."""
    for _ in range(5):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()


def threads_ended(qtbot, name: str, timeout=10_000) -> None:
    """Until every thread called ``name`` (a background job's) has ended, and what it posted
    has been delivered: a result it dropped would have landed by then."""
    qtbot.waitUntil(lambda: not any(t.name == name and t.is_alive()
                                    for t in threading.enumerate()), timeout=timeout)
    delivered()
