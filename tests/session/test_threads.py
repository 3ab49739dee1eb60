"""Threads that report to the GUI thread (session/threads.py): a thread never holds or emits on
the object it reports to, and Python's exit waits for them (a job's thread emitting while the exit
collected its job crashed `bpstudio lesson --check` after it had printed its answer)."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
import weakref

from PySide6.QtCore import QObject

from bpstudio.session import threads


class Owner(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.heard: list[tuple[object, str]] = []

    def hear(self, what: object) -> None:
        self.heard.append((what, threading.current_thread().name))


def _on_a_thread(post, *args) -> None:
    thread = threads.start(post, *args, name="test-thread")
    thread.join(30)
    assert not thread.is_alive()


def test_a_threads_call_runs_on_the_gui_thread_at_its_next_turn(qtbot):
    owner = Owner()
    _on_a_thread(threads.caller(owner, "hear"), 42)
    assert owner.heard == []  # not on the thread, not yet
    qtbot.waitUntil(lambda: owner.heard != [], timeout=10_000)
    assert owner.heard == [(42, threading.main_thread().name)]


def test_an_owner_deleted_before_the_call_comes_hears_nothing_and_nothing_fails(qtbot):
    owner = Owner()
    post = threads.caller(owner, "hear")
    gone = Owner()
    _on_a_thread(threads.caller(gone, "hear"), "late")
    _on_a_thread(post, "after")
    import shiboken6
    shiboken6.delete(gone)  # the C++ object goes, its Python wrapper stays
    qtbot.waitUntil(lambda: owner.heard != [], timeout=10_000)  # (posted after the other)
    assert owner.heard == [("after", threading.main_thread().name)]
    assert gone.heard == []


class Failing(Owner):
    def hear(self, what: object) -> None:
        raise RuntimeError(f"a bug in the owner's {what}")


def test_a_call_that_raises_is_said_and_the_next_calls_still_come(qtbot):
    """As a slot's exception would: to sys.excepthook (where pytest-qt catches it), and the
    calls posted after it still made (an exception escaping the relay's event() made PySide drop
    the next one)."""
    from PySide6.QtCore import QCoreApplication

    owner, failing = Owner(), Failing()
    with qtbot.captureExceptions() as said:
        _on_a_thread(threads.caller(failing, "hear"), "first")
        _on_a_thread(threads.caller(owner, "hear"), "second")
        QCoreApplication.sendPostedEvents()  # both at once (as tests/posted_events.py does)
    assert [str(e) for _, e, _ in said] == ["a bug in the owner's first"]
    assert owner.heard == [("second", threading.main_thread().name)]


def test_a_thread_holding_a_caller_does_not_keep_its_owner(qtbot):
    owner = Owner()
    post = threads.caller(owner, "hear")
    ref = weakref.ref(owner)
    del owner
    gc.collect()
    assert ref() is None
    _on_a_thread(post, "nobody")  # posts for an owner that is gone: dropped on the GUI thread
    other = Owner()
    _on_a_thread(threads.caller(other, "hear"), "next")
    qtbot.waitUntil(lambda: other.heard != [], timeout=10_000)  # (posted after the other)


def test_a_misspelt_method_fails_where_the_caller_is_made():
    owner = Owner()
    try:
        threads.caller(owner, "haer")
    except AttributeError:
        return
    raise AssertionError("a caller for a method the owner does not have was made")


EXIT_SCRIPT = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from bpstudio.session.background import BackgroundJob

app = QCoreApplication([])
job = BackgroundJob("test-job")
def work():
    time.sleep(0.5)
    Path(sys.argv[1]).write_text("finished")
    return 1
job.start(work, lambda result: None)
print("started", flush=True)
# the script ends here, its job still working: Python's exit waits for it
"""


def test_pythons_exit_waits_for_a_job_still_working(tmp_path):
    mark = tmp_path / "mark"
    proc = subprocess.run([sys.executable, "-c", EXIT_SCRIPT, str(mark)], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "started\n"
    assert mark.read_text() == "finished"  # a daemon thread left to the exit never wrote it
