"""What the session tests do with a studio, and what they read of it: the studio's own methods,
waited on through its signals."""

from __future__ import annotations

from bpstudio.core.trainer import RunState


def settle(qtbot, studio, timeout=120_000) -> None:
    """Until nothing is under way in the background (a read, a run, a save, pictures)."""
    qtbot.waitUntil(lambda: not studio.busy, timeout=timeout)


def wait_idle(qtbot, training, timeout=60_000) -> None:
    """Until the run of ``training`` (the studio's or a twin's) has ended."""
    if training.state is not RunState.IDLE:
        with qtbot.waitSignal(training.state_changed, check_params_cb=lambda s: s is RunState.IDLE,
                              timeout=timeout):
            pass


def train(qtbot, studio, iterations: int, timeout=60_000) -> None:
    """``iterations`` more iterations, as Train with that number of iterations set."""
    assert studio.set_hyper(iterations=iterations)
    with qtbot.waitSignal(studio.training.state_changed, timeout=timeout,
                          check_params_cb=lambda s: s is RunState.IDLE):
        assert studio.train()


def messages(studio) -> list[str]:
    """Everything the studio says from now on, in order: what the window's status bar shows."""
    said: list[str] = []
    studio.message.connect(said.append)
    return said

