"""The window's background imports (widgets/background_import.py) and the app's exit: the app
waits for an import thread (session/threads.py) before Python finalizes, instead of leaving it to
be stopped inside Qt's C++ code (an abort or a crash at exit, seen for windows closed right after
their start)."""

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
        importing = BackgroundImport(("slow_for_the_test",))
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
