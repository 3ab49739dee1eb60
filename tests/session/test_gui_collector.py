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
