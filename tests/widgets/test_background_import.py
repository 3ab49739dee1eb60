"""The window's background imports (widgets/background_import.py): Qt's types made on the GUI
thread a slice at a time, the modules imported there, only the standard library's on a thread;
and the app's exit waits for that thread (session/threads.py) before Python finalizes, instead
of leaving it to be stopped inside its work (an abort or a crash at exit, seen for windows
closed right after their start)."""

from __future__ import annotations

import sys
import threading
import types

from bpstudio.session import threads
from bpstudio.widgets.background_import import BackgroundImport


class _SlowFinder:
    """Imports the module ``slow_for_the_test`` only when ``release`` is set."""

    def __init__(self) -> None:
        self.started, self.release = threading.Event(), threading.Event()

    def find_spec(self, name, path=None, target=None):
        if name != "slow_for_the_test":
            return None
        import importlib.machinery
        return importlib.machinery.ModuleSpec(name, self)

    def create_module(self, spec):
        self.started.set()
        self.release.wait(30)
        return types.ModuleType(spec.name)

    def exec_module(self, module) -> None:
        pass


def test_the_exit_waits_for_an_import_still_running(qtbot):
    finder = _SlowFinder()
    sys.meta_path.insert(0, finder)
    try:
        importing = BackgroundImport(("slow_for_the_test",), qt_modules=(),
                                     standard=("slow_for_the_test",))
        with qtbot.waitSignal(importing.done, timeout=30_000):
            importing.start()
            assert finder.started.wait(30)
            thread = importing.worker
            assert thread.is_alive()
            # the import is let go a little after the exit starts waiting
            threading.Timer(0.05, finder.release.set).start()
            threads.join()
            assert not thread.is_alive()
        assert "slow_for_the_test" in sys.modules
    finally:
        sys.meta_path.remove(finder)
        sys.modules.pop("slow_for_the_test", None)


def test_the_types_are_made_on_the_gui_thread_a_slice_a_turn(qtbot):
    """Each Qt class of the modules is named (its type made) on the GUI thread, over several
    turns of the event loop when they take longer than a slice; the modules come after."""
    import PySide6.QtSql as sql  # (a module the app never uses: its classes not named yet)

    lazy = [n for n in dir(sql) if n not in vars(sql)]
    assert len(lazy) > 10
    ticks = iter(range(10**6))
    threads_asking = set()

    def clock() -> float:  # 4 ms a name, and which thread names them
        threads_asking.add(threading.current_thread())
        return 0.004 * next(ticks)

    importing = BackgroundImport(("bpstudio_no_such_module",), qt_modules=("PySide6.QtSql",),
                                 standard=(), clock=clock)
    with qtbot.waitSignal(importing.done, timeout=30_000):
        importing.start()
        assert importing.turns == 0  # nothing before the next turn
    assert all(n in vars(sql) for n in lazy)  # every class's type made
    assert importing.turns >= len(dir(sql)) // 3  # ~2 names a 10 ms slice
    assert importing.worker is None  # no thread: nothing of the standard library to import
    assert threads_asking == {threading.main_thread()}
