"""Faults and long runs in the real window: a refused edit shows the model's values again, the
panel says why a run does not learn, 100,000 iterations keep memory flat, a theme or language
switch freezes the training child only a moment (the studio's part: tests/session/test_reliability.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bpstudio.core.trainer import RunState


def train(qtbot, w, iterations, timeout=30_000):
    w.studio.model.set_hyper(iterations=iterations)
    with qtbot.waitSignal(w.studio.training.state_changed, timeout=timeout,
                          check_params_cb=lambda s: s is RunState.IDLE):
        assert w.studio.training.start()


def resident_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def test_a_refused_edit_while_training_shows_the_models_values_again(make_window, qtbot):
    w = make_window()
    w.studio.model.set_hyper(iterations=10**7)
    assert w.studio.training.start()
    qtbot.waitUntil(lambda: len(w.studio.model.history) > 5, timeout=30_000)
    editor = w.editor
    box = editor.activation_boxes[1]
    box.setCurrentText("tanh")
    box.activated.emit(box.currentIndex())  # what choosing with the mouse sends
    editor.loss_box.setCurrentIndex(editor.loss_box.findData("mse"))
    editor.loss_box.activated.emit(editor.loss_box.currentIndex())
    assert w.studio.model.network.activations[0] == "sigmoid" and w.studio.model.network.loss == "bce"
    assert box.currentText() == "sigmoid"
    assert editor.loss_box.currentData() == "bce"
    assert "Stop training" in w.training_panel.status.text()
    w.studio.training.wait()


def test_a_deep_sigmoid_network_says_why_it_does_not_learn(make_window, qtbot):
    w = make_window()
    m = w.studio.model
    assert m.data.use_builtin("circle")
    for _ in range(5):
        assert m.add_hidden_layer(8, "sigmoid")
    messages = []
    w.studio.training.message.connect(messages.append)
    train(qtbot, w, 200)
    assert any(t.startswith("Vanishing gradients: ‖dW[1]‖ is") for t in messages), messages
    status = w.training_panel.status.text()  # what stays on screen after the run
    assert status.startswith("Trained 200 iterations") and "Vanishing gradients" in status




def test_100000_iterations_keep_memory_flat_and_the_plots_decimated(make_window, qtbot):
    w = make_window()
    train(qtbot, w, 2000)  # warm up: imports, plot items, the first buffers
    start = resident_mb()
    train(qtbot, w, 100_000, timeout=300_000)
    grown = resident_mb() - start
    assert len(w.studio.model.history) == 102_000
    assert grown < 50, f"the window grew by {grown:.0f} MB over 100,000 iterations"
    w.cost_plot.frames.flush()
    x, y = w.cost_plot.train_curve.getData()  # what is drawn: peak-decimated to the view
    width = w.cost_plot.cost_plot.vb.width()
    assert 0 < len(x) <= 10 * width, (len(x), width)  # pyqtgraph: ~5 bins a pixel, 2 peaks each
    assert y.min() == pytest.approx(w.studio.model.history.costs.view().min())  # peaks kept


def _process_state(pid: int) -> str:
    """R running, S sleeping, T stopped (Linux's /proc)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def _policies(pid: int) -> list[tuple[int, int]]:
    """(scheduling policy, nice) of every thread of ``pid``."""
    return [(os.sched_getscheduler(int(t)), os.getpriority(os.PRIO_PROCESS, int(t)))
            for t in os.listdir(f"/proc/{pid}/task")]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
@pytest.mark.parametrize("switch", ["theme", "language"])
def test_a_switch_while_training_never_stops_the_child_which_yields_to_the_window(
        make_window, qtbot, switch, english_afterwards):
    w = make_window()
    w.studio.model.set_hyper(iterations=10**7)
    assert w.studio.training.start()
    qtbot.waitUntil(lambda: w.studio.model.network.iterations_trained > 10, timeout=30_000)
    pid = w.studio.training.process.pid
    # every thread of the child is a batch one, which never takes a core from the window as it
    # wakes; at the window's nice, so that it keeps the window's share of the cores beside other
    # programs
    batch = (os.SCHED_BATCH, os.getpriority(os.PRIO_PROCESS, 0))
    assert _policies(pid) and all(p == batch for p in _policies(pid)), (_policies(pid), batch)
    if switch == "theme":
        w.findChild(object, "Theme_dark").trigger()
    else:
        w.findChild(object, "Language_zh_CN").trigger()
    assert _process_state(pid) not in ("T", "t")  # never frozen: a dying window left it so
    done = w.studio.model.network.iterations_trained
    qtbot.waitUntil(lambda: w.studio.model.network.iterations_trained > done, timeout=10_000)
    w.findChild(object, "Theme_light" if switch == "theme" else "Language_en").trigger()
    with qtbot.waitSignal(w.studio.training.state_changed, timeout=10_000,
                          check_params_cb=lambda s: s is RunState.IDLE):
        w.studio.training.stop()


def _blas_threads(info=None) -> int:
    from threadpoolctl import threadpool_info

    return max(i["num_threads"] for i in info or threadpool_info() if i["user_api"] == "blas")


def _a_windows_and_its_training_childs_blas_threads() -> tuple[int, int]:
    """In a process of its own, as the app starts: its window's BLAS threads, and those of a
    training child it starts (in the context every training child starts in)."""
    import os

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from threadpoolctl import threadpool_info

    app = QApplication([])
    from bpstudio.app.gui import prepare_process
    from bpstudio.app.main_window import MainWindow
    from bpstudio.core.warm_process import CONTEXT
    from bpstudio.session.studio import Studio

    prepare_process()
    w = MainWindow(Studio())
    app.processEvents()
    threads = _blas_threads()
    with CONTEXT.Pool(1) as pool:
        child = _blas_threads(pool.apply(threadpool_info))
    w.studio.shut_down()
    return threads, child


def _answer(queue) -> None:
    queue.put(_a_windows_and_its_training_childs_blas_threads())


def test_the_window_uses_one_blas_thread_and_the_training_child_every_core(monkeypatch):
    """Two BLAS threads in the window's process mostly wait for a core while the child trains
    (benchmarks/bench_blas_threads.py); the child, started afresh (not forked from the
    window), keeps its own. In a fresh process: in the suite's process an earlier test's
    window may still recompute a run on a thread, on the run's threads, and its training
    children's server may have started already. Started as from a desktop: without the suite's
    one BLAS thread for every process (tests/conftest.py)."""
    import os

    from multiprocessing import get_context

    from seed_run import ONE_BLAS_THREAD

    for name in ONE_BLAS_THREAD:
        monkeypatch.delenv(name, raising=False)

    context = get_context("spawn")
    answer = context.SimpleQueue()
    process = context.Process(target=_answer, args=(answer,))  # not a pool's: it has a child
    process.start()
    window, child = answer.get()
    process.join()
    assert window == 1
    if os.cpu_count() > 1:
        assert child > 1
