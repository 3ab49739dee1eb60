"""Every ready-made comparison, run through the studio without a window, tells its story with its
runs' own numbers, in English and in Chinese, and tells it again from a saved session: each
number below is computed here from the runs' records and networks, never taken from the story's
code, and each claim the story makes is checked against them."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from bpstudio.core.comparisons import COMPARISONS, starting_points
from bpstudio.core.trainer import ProgressState, RunState
from bpstudio.session.studio import Studio

ITERATIONS = 20
QM = Path(__file__).resolve().parents[2] / "resources/translations/bpstudio_zh_CN.qm"  # the repository's


@pytest.fixture
def chinese():
    """Tell it in Chinese inside the block: the app's own translation, installed as the app does."""
    translator = QTranslator()
    assert translator.load(str(QM))

    class Chinese:
        def __enter__(self):
            QCoreApplication.installTranslator(translator)

        def __exit__(self, *_):
            QCoreApplication.removeTranslator(translator)
    return Chinese()


def settle(qtbot, s: Studio) -> None:
    qtbot.waitUntil(lambda: not s.busy, timeout=300_000)


def compared(qtbot, s: Studio, key: str) -> None:
    assert s.run_comparison(key, ITERATIONS)
    assert s.runs.story() is not None and not s.runs.story().figures  # the question at once
    qtbot.waitUntil(lambda: s.runs.compared, timeout=300_000)
    settle(qtbot, s)


def spread(W: np.ndarray) -> float:
    return float(np.abs(W - W[:1]).max())


def g(x: float) -> str:
    return "0" if x == 0 else f"{x:.3g}"


def computed_without_a_window(s: Studio, name: str, X: np.ndarray, Y: np.ndarray):
    """The costs and first ‖dW[l]‖ of every iteration run ``name`` of the studio's comparison
    computes, trained by the engine alone (no process, no record, no rollback)."""
    c = s.runs.comparison.with_iterations(ITERATIONS)
    for settings, point in zip((c.first, c.second), starting_points(c, X, Y)):
        if name == settings.name:
            trainer = point.trainer(X, Y, record_grad_norms=True, report_every=10**9)
            list(trainer.run())
            return trainer.costs[:trainer.done], trainer.grad_norms[0]
    raise AssertionError(f"no run {name!r} in {c.key}")


def what_runs_show(s: Studio) -> list[dict]:
    """Each run's numbers, from its record, its last training report and its network."""
    shown = []
    for name, model, training in s.runs.runs():
        net, ds, h = model.network, model.dataset, model.history
        X, X_test = ds.inputs(net.input_dtype)
        last = training.last_record
        diverged = last.state is ProgressState.DIVERGED
        if diverged:  # its record lost the iterations past the one kept: the engine alone again
            costs, first = computed_without_a_window(s, name, X, ds.Y_train)
        else:
            costs, first = h.costs.view(), h.grad_norms.view()[0]
        ratio = ("all gradients zero" if first[-1] == first[0] == 0 else g(first[0] / first[-1]))
        shown.append(dict(
            name=name, net=net, diverged=diverged, n=net.iterations_trained, costs=costs,
            first=first, ratio=ratio, kept=last.kept,
            test=f"{np.mean((net.predict_proba(X_test) > 0.5) == ds.Y_test):.1%}",
            train=f"{np.mean((net.predict_proba(X) > 0.5) == ds.Y_train):.1%}",
            spread=g(spread(net.weights[0]))))
    return shown


def assert_no_missing_numbers(text: str) -> None:
    assert "nan" not in text.lower()
    assert not re.search(r"(?<![\d,])(?<!第 )0 (iterations|次迭代)", text)  # "第 0 次迭代": iteration 0


def assert_english_story(key: str, text: str, runs: list[dict]) -> None:
    a, b = runs
    assert_no_missing_numbers(text)
    c = COMPARISONS[key]
    for line in (c.title, c.question, c.look_at):
        assert line in text
    for r in runs:
        line = next(t for t in text.splitlines() if t.startswith(r["name"] + ": "))
        if r["diverged"]:  # where it stopped, what it kept: numbers, never "0 iterations"
            assert (f"diverged at iteration {len(r['costs']) - 1} (cost {r['costs'][-1]:,.0f}), "
                    f"the parameters of iteration {r['kept']} kept") in line
        else:
            assert f": {r['n']:,} iterations · cost of iteration {len(r['costs']) - 1} " \
                   f"{r['costs'][-1]:.6f}" in line
        assert f"train accuracy {r['train']} · test accuracy {r['test']}" in line
        assert f"‖dW[1]‖/‖dW[L]‖ at the start {r['ratio']} · rows of W[1] apart by {r['spread']}" \
            in line
    if key == "depth":
        better = float(a["test"][:-1]) > float(b["test"][:-1])
        assert (f"{a['name']} generalises better: " in text) == better
        assert f"test accuracy {a['test']} against {b['test']}" in text
    elif key == "sigmoid":
        smaller = b["first"][0] < a["first"][0]
        assert smaller  # the numbers: sigmoid's ‖dW[1]‖ is the smaller
        assert (f"In the first iteration ‖dW[1]‖ is {g(b['first'][0])} with sigmoid against "
                f"{g(a['first'][0])} with ReLU, {g(a['first'][0] / b['first'][0])}× smaller") in text
    elif key == "diverging":
        assert b["diverged"] and not a["diverged"]
        # the same start: the same first iteration, said once with its ratio
        assert np.array_equal(a["first"], b["first"]) and a["ratio"] == b["ratio"]
        assert f"their first iterations are the same (‖dW[1]‖/‖dW[L]‖ {a['ratio']})" in text
        assert (f"{b['name']} overshoots: its cost went from {b['costs'][0]:.6f} at iteration 0 to "
                f"{b['costs'][-1]:,.0f} at iteration {len(b['costs']) - 1}") in text
        assert f"keeping the parameters of iteration {b['kept']}." in text
        assert a["costs"][-1] < a["costs"][0]
        assert f"{a['name']} learns: its cost fell from {a['costs'][0]:.6f}" in text
    elif key == "faq6":
        W1 = b["net"].weights[0]
        moved = float(np.abs(W1).max())  # it started at zero
        assert moved > 0 and spread(W1) <= 1e-9 * moved  # FAQ 6, in the numbers
        assert b["net"].activations[0] == "sigmoid"
        assert (f"W[1] moved by up to {g(moved)}, yet its {W1.shape[0]} rows differ by "
                f"{g(spread(W1))}, rounding only; layer 1 works as one neuron.") in text
        assert spread(a["net"].weights[0]) > 1e-3
        assert f"From random weights the rows of W[1] are apart by {a['spread']}: each of" in text
        assert b["first"][0] == 0 and "σ(0) = 0.5 is not 0" in text
    elif key == "zeros":
        net = b["net"]
        assert net.activations[0] == "relu"
        # ReLU from zero: no hidden weight (nor any weight, nor a hidden bias) ever moved
        assert all(not W.any() for W in net.weights) and all(not v.any() for v in net.biases[:-1])
        assert net.biases[-1].any() and b["ratio"] == "all gradients zero"
        assert "(at the start: all gradients zero); in 20 iterations no hidden weight moved." in text
        assert (f"Only b[L] learned (it moved by {g(float(np.abs(net.biases[-1]).max()))}): "
                f"the network gives every picture the same output; its cost still fell from "
                f"{b['costs'][0]:.6f} to {b['costs'][-1]:.6f}") in text
        assert b["costs"][-1] < b["costs"][0]


def assert_chinese_story(key: str, text: str, runs: list[dict]) -> None:
    assert_no_missing_numbers(text)
    title, question, look_at = text.splitlines()[:3]
    assert not any(line.isascii() for line in (title, question, look_at))
    # no English sentence left: the names of the runs are symbols (α = 5, W = 0, ReLU)
    for english in ("iterations", "accuracy", "rows of", "the start", "learns", "diverged"):
        assert english not in text, english
    for r in runs:
        line = next(t for t in text.splitlines() if t.startswith(r["name"] + "："))
        assert f"训练准确率 {r['train']} · 测试准确率 {r['test']}" in line
        assert f"开始时 ‖dW[1]‖/‖dW[L]‖ 为 {r['ratio'].replace('all gradients zero', '所有梯度都为零')}" \
            in line
        if r["diverged"]:
            assert f"在第 {len(r['costs']) - 1} 次迭代发散（代价 {r['costs'][-1]:,.0f}）" in line
        else:
            assert f"：{r['n']:,} 次迭代" in line
    if key == "faq6":
        assert "第 1 层和一个神经元没有区别" in text
    if key == "zeros":
        assert "没有一个隐含层权重变化过" in text and "只有 b[L] 在学习" in text


@pytest.mark.parametrize("key", list(COMPARISONS))
def test_a_comparison_tells_its_story_with_its_runs_numbers_and_again_when_reopened(
        key, studio, qtbot, cat_data_dir, chinese, tmp_path):
    s = studio()
    assert s.open_dataset(str(cat_data_dir))
    settle(qtbot, s)
    compared(qtbot, s, key)
    assert all(t.state is RunState.IDLE for _, _, t in s.runs.runs())
    runs = what_runs_show(s)
    english = s.runs.story().text()
    assert_english_story(key, english, runs)
    with chinese:
        chinese_text = s.runs.story().text()
    assert_chinese_story(key, chinese_text, runs)
    # saved and opened again: the same story, in both languages, with nothing trained again
    path = str(tmp_path / f"{key}.bpstudio")
    assert s.save_session(path)
    again = studio()
    assert again.open_session(path)
    settle(qtbot, again)
    assert again.runs.compared and again.runs.comparison.key == key
    assert again.runs.story().text() == english
    with chinese:
        assert again.runs.story().text() == chinese_text
