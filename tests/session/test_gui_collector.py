"""Python's garbage is collected on the GUI thread only (session/gui_collector.py): garbage that
another thread's allocations would have had collected there waits for the GUI thread's timer.
Collected on another thread, Qt objects' wrappers froze the suite's monkey for good (PySide's
disconnect waited for the interpreter while the GUI thread waited for Qt's lock)."""

from __future__ import annotations

import gc
import threading


class _Cycle:
    """Garbage only a collection frees (it refers to itself); says on which thread it went."""

    def __init__(self, went: list[str]) -> None:
        self.me = self
        self.went = went

    def __del__(self) -> None:
        self.went.append(threading.current_thread().name)


def test_garbage_is_collected_on_the_gui_thread_not_on_the_thread_that_allocates(qtbot):
    assert not gc.isenabled()  # the app's process collects by its GUI thread's timer
    went: list[str] = []
    _Cycle(went)  # garbage, freed only by a collection
    kept = []

    def allocate() -> None:  # far more than the young generation's threshold (700)
        kept.extend([i] for i in range(20 * gc.get_threshold()[0]))

    worker = threading.Thread(target=allocate, name="allocating")
    worker.start()
    worker.join()
    assert went == []  # the allocating thread did not collect it
    qtbot.waitUntil(lambda: went != [], timeout=10_000)
    assert went == [threading.main_thread().name]


def _collected_by(collector, clock) -> int:
    """The generation ``collector.collect_due()`` collects, with every generation's count over
    its threshold (as after many young collections)."""
    seen: list[int] = []

    def watch(phase, info):
        if phase == "start":
            seen.append(info["generation"])

    for _ in range(gc.get_threshold()[2] + 1):
        gc.collect(1)  # each counts one towards the full collection
    for _ in range(gc.get_threshold()[1] + 1):
        gc.collect(0)  # each counts one towards the middle one
    young = [[] for _ in range(2 * gc.get_threshold()[0])]  # noqa: F841 - kept, counted
    gc.callbacks.append(watch)
    try:
        collector.collect_due()
    finally:
        gc.callbacks.remove(watch)
    return seen[-1]


def test_a_full_collection_waits_a_minute_after_the_last(qtbot, monkeypatch):
    from PySide6.QtCore import QObject

    from bpstudio.session import gui_collector

    monkeypatch.setattr(gui_collector, "GENERATIONS", True)
    now = [1000.0]
    owner = QObject()
    collector = gui_collector.GuiThreadCollector(owner, clock=lambda: now[0])
    collector._timer.stop()  # noqa: SLF001 - driven by the test alone
    now[0] += 59.0
    assert _collected_by(collector, now) == 1  # not yet: the middle generation, as Python
    now[0] += 1.0
    assert _collected_by(collector, now) == 2
    assert _collected_by(collector, now) == 1  # and then a minute again
