"""A lesson run on a studio without a window: beats, questions, answers, refusals, the checker."""

from __future__ import annotations

import csv

import pytest

from bpstudio.core.lesson_format import parse_lesson
from bpstudio.session.lesson_check import check_lesson_file
from bpstudio.session.lesson_runner import BeatState, LessonRunner
from bpstudio.session.studio import Studio

LESSON = """# The forward pass | 前向传播

## One neuron | 一个神经元

### The weighted input | 加权输入

en:
Before any training the cost is {{0.6575 = cost}}.

zh:
训练之前代价是 {{0.6575 = cost}}。

```actions
preset seed-3-2-1
step z layer 1
```

### All samples | 所有样本

en:
Now the whole batch.

zh:
现在是整批样本。

```actions
step mode batch
```

```question
kind: shape
quantity: step result shape
en: What shape will Z[1] have?
zh: Z[1] 的形状是什么？
```

```actions
step z layer 1
```

### Training | 训练

en:
Twenty iterations later.

zh:
二十次迭代之后。

```actions
train to 20
```

```question
kind: sign
quantity: cost at 20
en: Is the cost above zero?
zh: 代价大于零吗？
```
"""


@pytest.fixture
def runner(qtbot):
    studio = Studio()
    r = LessonRunner(studio, parent=studio)
    yield r
    studio.shut_down()


def settled(qtbot, r, *states):
    qtbot.waitUntil(lambda: r.state in states, timeout=60_000)


def test_a_lesson_runs_beat_by_beat_and_asks_before_it_reveals(runner, qtbot, tmp_path):
    r = runner
    r.start(parse_lesson(LESSON, "forward.md"))
    settled(qtbot, r, BeatState.READY)
    assert r.number == 1 and r.progress() == "chapter 1 of 1 · beat 1 of 3"
    assert r.studio.stepper.current_step().result.name == "z[1]"
    assert "0.6575" in r.beat.text("en") and "{{" not in r.beat.text("en")
    assert r.next()
    settled(qtbot, r, BeatState.ASKING)  # the mode is set, the step not yet taken
    assert r.studio.stepper.mode == "batch" and r.studio.stepper.current_step() is None
    assert not r.answer("a lot")  # not a shape: asked again
    assert r.state == BeatState.ASKING
    assert r.answer("2x150")
    settled(qtbot, r, BeatState.REVEALED)
    assert r.right is True and r.revealed == "2×150"
    assert r.studio.stepper.current_step().result.shape == (2, 150)
    assert r.next()
    settled(qtbot, r, BeatState.ASKING)
    assert r.studio.model.network.iterations_trained == 20  # the run came before the question
    assert r.answer("-")
    settled(qtbot, r, BeatState.REVEALED)
    assert r.right is False
    assert not r.next()  # the last beat
    path = tmp_path / "answers.csv"
    assert r.save_answers(str(path))
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    # a cell starting with - would be a formula in a spreadsheet: it is written as text
    assert [row[4:6] for row in rows[1:]] == [["2x150", "1"], ["'-", "0"]]
    said: list[str] = []
    r.studio.message.connect(said.append)
    assert not r.save_answers(str(tmp_path / "no such folder" / "answers.csv"))
    assert said == ["answers.csv: could not save the answers (No such file or directory)"]
    assert r.save_answers(str(path))  # the answers are still there to save


def test_space_reveals_a_question_nobody_answered(runner, qtbot):
    r = runner
    r.start(parse_lesson(LESSON, "forward.md"), at=2)
    settled(qtbot, r, BeatState.ASKING)
    assert r.next()  # Space: the answer, with nobody's answer recorded
    settled(qtbot, r, BeatState.REVEALED)
    assert r.right is None and r.revealed == "2×150" and r.answers == []


def test_a_resumed_lesson_does_the_beats_before_again(runner, qtbot):
    r = runner
    r.studio.set_step_mode("sample")
    r.start(parse_lesson(LESSON, "forward.md"), at=3)
    settled(qtbot, r, BeatState.ASKING)
    assert r.number == 3 and r.studio.stepper.mode == "batch"  # beat 2's action was done
    assert r.studio.model.network.iterations_trained == 20


def test_an_action_this_network_cannot_do_stops_the_beat_with_its_line(runner, qtbot):
    r = runner
    said = []
    r.studio.message.connect(said.append)
    text = LESSON.replace("step z layer 1\n```\n\n### All", "step 2a layer 2\n```\n\n### All")
    r.start(parse_lesson(text, "bad.md"))
    settled(qtbot, r, BeatState.STOPPED)
    assert r.problem == "bad.md: line 15: this network has no step 2a of layer 2 (L = 2)"
    assert said[-1] == r.problem


def line_of(text: str, words: str) -> int:
    return next(k for k, line in enumerate(text.splitlines(), start=1) if words in line)


def test_the_checker_names_a_wrong_number_a_missing_step_and_a_missing_language(tmp_path, qtbot):
    good = tmp_path / "good.md"
    good.write_text(LESSON, encoding="utf-8")
    assert check_lesson_file(str(good)) == []
    text = (LESSON.replace("{{0.6575 = cost}}.", "{{0.6123 = cost}}.")
            .replace("train to 20", "step 2a layer 2").replace("zh: Z[1] 的形状是什么？\n", ""))
    bad = tmp_path / "bad.md"
    bad.write_text(text, encoding="utf-8")
    question = line_of(text, "```question")
    assert check_lesson_file(str(bad)) == [
        f"bad.md: line {question}: the question 'What shape will Z[1] have?' has no Chinese text",
        f"bad.md: line {line_of(text, '0.6123')}: the text quotes 0.6123 for cost; the app's is "
        "0.657475",
        f"bad.md: line {line_of(text, 'step 2a layer 2')}: this network has no step 2a of layer 2 "
        "(L = 2)"]
    unknown = tmp_path / "unknown.md"
    text = LESSON.replace("step mode batch", "rm -rf /")
    unknown.write_text(text, encoding="utf-8")
    [fault] = check_lesson_file(str(unknown))
    assert fault.startswith(f"unknown.md: line {line_of(text, 'rm -rf')}: unknown action 'rm'")


def test_every_quantity_is_the_engines_number(runner, qtbot):
    """What a question reveals, against the engine's own forward and backward pass."""
    import numpy as np

    from bpstudio.core.lesson_format import parse_quantity

    s = runner.studio
    s.set_step_mode("batch")
    s.step_to("2b", 1)
    net, ds = s.model.network, s.model.dataset
    X, Y = ds.X_train, ds.Y_train
    Zs, As = net.forward(X)
    dWs, dbs = net.gradients(Zs, As, Y)
    value = lambda text: runner.actions.value_of(parse_quantity(text))  # noqa: E731
    assert value("cost") == net.cost(X, Y)
    assert value("iterations") == 0
    assert value("W[2][1,2]") == net.weights[1][0, 1] and value("b[1][2]") == net.biases[0][1, 0]
    assert value("Z[1][2,7]") == Zs[0][1, 6] and value("A[2][1,150]") == As[2][0, 149]
    assert value("A[0] shape") == (3, 150) and value("dW[1] shape") == (2, 3)
    assert value("dW[1][2,3]") == dWs[0][1, 2] and value("db[2][1]") == dbs[1][0, 0]
    dZ2 = As[2] - Y  # 等式1 for a sigmoid output and cross-entropy
    assert np.isclose(value("dZ[2][1,4]"), dZ2[0, 3], rtol=0, atol=1e-15)
    dA1 = net.weights[1].T @ dZ2  # 等式2's first half, before ⊙ σ′(Z[1])
    assert np.isclose(value("dA[1][2,5]"), dA1[1, 4], rtol=1e-12, atol=0)
    assert value("step result shape") == (2, 150)  # dZ[1], the step on screen
    assert value("train accuracy") == np.mean((As[2] > 0.5) == Y)
    output = value("output")
    assert output == net.forward(X[:, :1])[1][-1][0, 0] and value("prediction") == int(output > 0.5)


TWINS = """# Twins | 双胞胎

## Two rates | 两个学习率

### Fork | 分叉

en:
A twin with a smaller step.

zh:
步子小一些的双胞胎。

```actions
preset seed-3-2-1
fork alpha=0.05
train to 30
cursor 10
```

```question
kind: number
quantity: cost
en: The cost at iteration 10?
zh: 第 10 次迭代的代价？
```
"""


def test_train_to_trains_the_twins_too_and_the_cursor_is_shown_before_a_number_is_read(
        runner, qtbot):
    r = runner
    r.start(parse_lesson(TWINS, "twins.md"))
    settled(qtbot, r, BeatState.ASKING)
    s = r.studio
    [twin] = s.runs.twins
    assert s.model.network.iterations_trained == twin.model.network.iterations_trained == 30
    assert twin.model.hyper.learning_rate == 0.05
    assert s.model.shown.network.iterations_trained == 10  # the cursor's iteration, on screen
    r.reveal()
    settled(qtbot, r, BeatState.REVEALED)
    from bpstudio.core.lesson_answers import value_text
    from bpstudio.core.lesson_format import parse_quantity

    ds = s.model.dataset
    past = s.timeline.network_at(10).cost(ds.X_train, ds.Y_train)
    assert r.actions.value_of(parse_quantity("cost")) == past != s.model.network.cost(
        ds.X_train, ds.Y_train)
    assert r.revealed == value_text(past)
