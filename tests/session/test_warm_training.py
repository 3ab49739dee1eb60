"""The training process that waits ready for the next run: used by Train, replaced after every
run, ended when the window closes, after a crash, and when the window's process dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from bpstudio.core.trainer import RunState
from bpstudio.core.warm_process import Data, WarmProcess

pytestmark = [pytest.mark.skipif(not os.path.exists("/proc/self/stat"),
                                 reason="reads process states from /proc"),
              pytest.mark.warm_process]


def gone(pid: int) -> bool:
    """Process ``pid`` has ended (a zombie waiting to be reaped has ended too)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] == b"Z"
    except OSError:
        return True


def ready(qtbot, training) -> int:
    """The pid of the training process made ready, once it runs and has the data."""
    training.ready.prepare()
    warm = training.ready.process
    qtbot.waitUntil(lambda: warm.process.pid is not None and warm.process.is_alive(), timeout=30_000)
    assert warm.primed is not None  # the data set went with it, before any Train
    return warm.process.pid


def wait_for(qtbot, training, state: RunState):
    return qtbot.waitSignal(training.state_changed, check_params_cb=lambda s: s is state,
                            timeout=60_000)


def test_train_runs_in_the_process_made_ready_and_a_new_one_is_made_after_the_run(session, qtbot):
    model, training = session
    training.prepare_when_idle(0)
    qtbot.waitUntil(lambda: training.ready.process is not None and training.ready.process.process.pid is not None,
                    timeout=30_000)
    pid = ready(qtbot, training)
    model.set_hyper(iterations=50)
    with wait_for(qtbot, training, RunState.IDLE):
        assert training.start()
        assert training.process.pid == pid and training.ready.process is None  # it was taken
    assert len(model.history) == 50
    qtbot.waitUntil(lambda: gone(pid), timeout=30_000)  # a child serves one run and ends
    # the next run's child, made ready after this one (keep_warm: the window asked for it)
    qtbot.waitUntil(lambda: training.ready.process is not None and training.ready.process.process.pid is not None,
                    timeout=30_000)
    again = training.ready.process.process.pid
    assert again != pid and not gone(again)
    with wait_for(qtbot, training, RunState.IDLE):
        assert training.start()
        assert training.process.pid == again
    assert len(model.history) == 100


def test_a_session_that_never_asked_for_a_ready_process_makes_none(session, qtbot):
    model, training = session
    model.set_hyper(iterations=5)
    with wait_for(qtbot, training, RunState.IDLE):
        assert training.start()  # a process of its own, as before
    qtbot.wait(WARM_WAIT_MS)
    assert training.ready.process is None and len(model.history) == 5


WARM_WAIT_MS = 600  # longer than AFTER_RUN_MS: any ready process would have been started


def test_closing_ends_the_ready_process_and_starts_no_other(session, qtbot):
    model, training = session
    training.prepare_when_idle(0)
    qtbot.waitUntil(lambda: training.ready.process is not None, timeout=10_000)
    pid = ready(qtbot, training)
    training.wait()  # closing the window
    qtbot.waitUntil(lambda: gone(pid), timeout=30_000)
    training.ready.prepare()
    training.prepare_when_idle(0)
    qtbot.wait(WARM_WAIT_MS)
    assert training.ready.process is None


def test_a_ready_process_killed_while_waiting_is_replaced_at_train(session, qtbot):
    model, training = session
    pid = ready(qtbot, training)
    os.kill(pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: not training.ready.process.usable(), timeout=10_000)
    model.set_hyper(iterations=20)
    messages = []
    training.message.connect(messages.append)
    with wait_for(qtbot, training, RunState.IDLE):
        assert training.start()
        assert training.process is not None and training.process is not training.ready.process
    assert len(model.history) == 20 and messages[-1].startswith("Trained 20 iterations")


def test_a_run_whose_process_is_killed_ends_and_a_new_process_is_made_ready(session, qtbot):
    model, training = session
    training.prepare_when_idle(0)
    qtbot.waitUntil(lambda: training.ready.process is not None, timeout=10_000)
    pid = ready(qtbot, training)
    model.set_hyper(iterations=10**7)
    messages = []
    training.message.connect(messages.append)
    assert training.start()
    qtbot.waitUntil(lambda: len(model.history) > 0, timeout=30_000)
    with wait_for(qtbot, training, RunState.IDLE):
        os.kill(pid, signal.SIGKILL)  # a crash
    assert "ended unexpectedly" in messages[-1]
    qtbot.waitUntil(lambda: training.ready.process is not None and training.ready.process.process.pid is not None,
                    timeout=30_000)
    assert training.ready.process.process.pid != pid and training.ready.process.usable()


def test_the_ready_process_ends_when_the_windows_process_dies(tmp_path):
    """The window's process killed outright (no closing, no clean-up): its ready child reads the
    end of its command pipe and ends; it never outlives the window."""
    script = tmp_path / "window.py"
    script.write_text(textwrap.dedent("""
        import os, signal, sys, time
        import numpy as np
        from bpstudio.core.warm_process import Data, WarmProcess

        if __name__ == "__main__":
            warm = WarmProcess()
            warm.prime(Data(np.zeros((3, 10)), np.zeros((1, 10)), None))
            while warm.process.pid is None:
                time.sleep(0.01)
            print(warm.process.pid, flush=True)
            sys.stdin.readline()
            os.kill(os.getpid(), signal.SIGKILL)
    """))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    window = subprocess.Popen([sys.executable, str(script)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env)
    child = int(window.stdout.readline())
    assert not gone(child)
    window.stdin.write("\n")
    window.stdin.flush()
    window.wait(30)
    assert window.returncode == -signal.SIGKILL
    for _ in range(3000):  # waited for (up to 30 s), not timed: it ends on reading the pipe's end
        if gone(child):
            break
        time.sleep(0.01)
    assert gone(child)


def test_data_is_sent_once_for_the_same_arrays():
    import numpy as np

    X, Y = np.zeros((3, 10)), np.zeros((1, 10))
    warm = WarmProcess()
    try:
        warm.prime(Data(X, Y, None))
        first = warm.primed
        warm.prime(Data(X, Y, None))
        assert warm.primed is first  # the very same arrays: nothing sent again
        warm.prime(Data(X.copy(), Y, None))
        assert warm.primed is not first  # equal numbers in other arrays: sent (a new data set)
    finally:
        warm.reap()
    assert not warm.process.is_alive()
