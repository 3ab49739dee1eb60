"""Guided lessons in the window: opened by a drop, walked with Space, answered in the pane,
resumed where they were left, readable in presentation mode."""

from __future__ import annotations

import pytest
from file_drops import send_file_drop
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from bpstudio.session.lesson_runner import BeatState

LESSON = """# The forward pass | 前向传播

## One neuron | 一个神经元

### The weighted input | 加权输入

en:
Each neuron adds its inputs, each times its weight.

zh:
每个神经元把输入乘以权重再相加。

```actions
preset seed-3-2-1
step z layer 1
highlight steps
```

### All samples | 所有样本

en:
Now the **whole batch**.

zh:
现在是**整批样本**。

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

### The end | 结束

en:
That was the forward pass.

zh:
这就是前向传播。
"""


@pytest.fixture
def lesson_file(tmp_path):
    path = tmp_path / "forward.md"
    path.write_text(LESSON, encoding="utf-8")
    return path


def drop_lesson(w, qtbot, path):
    assert send_file_drop(w.diagram, w.diagram.rect().center(), [path]) == (True, True)
    runner = w.lessons.runner
    qtbot.waitUntil(lambda: runner.open and runner.state == BeatState.READY, timeout=20_000)
    return runner


def test_a_dropped_lesson_is_walked_with_space_and_answered_in_the_pane(make_window, qtbot,
                                                                       lesson_file):
    w = make_window(1600, 1000)
    r = drop_lesson(w, qtbot, lesson_file)
    pane = w.lessons.pane
    assert pane.isVisible() and pane.where.text() == "chapter 1 of 1 · beat 1 of 3"
    assert pane.heading.text() == "One neuron · The weighted input"
    assert "Each neuron adds its inputs" in pane.text.toPlainText()
    assert w.studio.stepper.current_step().result.name == "z[1]"
    qtbot.waitUntil(w.lessons.frame.isVisible)  # the beat points at the steps, a moment
    qtbot.keyClick(w, Qt.Key.Key_Right)  # → still steps the stepper …
    assert w.studio.stepper.current_step().result.name == "a[1]"
    qtbot.keyClick(w, Qt.Key.Key_Space)  # … Space goes on in the lesson
    qtbot.waitUntil(lambda: r.state == BeatState.ASKING)
    assert pane.where.text() == "chapter 1 of 1 · beat 2 of 3"
    assert pane.prompt.text() == "What shape will Z[1] have?" and pane.entry.isEnabled()
    assert pane.text.toPlainText().strip() == "Now the whole batch."  # Markdown, drawn
    # the stepper names only the keys that are still its own
    assert w.equations.title.text().endswith("Press → to begin.")
    qtbot.keyClicks(pane.entry, "2x150")
    qtbot.keyClick(pane.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: r.state == BeatState.REVEALED)
    assert pane.verdict.text() == "Right: the app says 2×150."
    assert w.studio.stepper.current_step().result.shape == (2, 150)
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: r.number == 3 and r.state == BeatState.READY)
    qtbot.keyClick(w, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: r.number == 2 and r.state == BeatState.ASKING)
    w.findChild(QAction, "LessonLeaveAction").trigger()
    assert not w.lessons.dock.isVisible()
    position = w.studio.stepper.position()
    assert w.equations.next_button.toolTip() == "next step (Space, → or Page Down)"
    qtbot.keyClick(w, Qt.Key.Key_Space)  # Space is the stepper's again
    assert w.studio.stepper.position() == position + 1


def test_a_lesson_is_resumed_where_it_was_left(make_window, qtbot, lesson_file):
    w = make_window(1600, 1000)
    r = drop_lesson(w, qtbot, lesson_file)
    r.next()
    qtbot.waitUntil(lambda: r.state == BeatState.ASKING)
    r.next()  # Space on a question: its answer
    qtbot.waitUntil(lambda: r.state == BeatState.REVEALED)
    r.next()
    qtbot.waitUntil(lambda: r.number == 3 and r.state == BeatState.READY)
    w.close()
    again = make_window(1600, 1000)
    again.show()
    # the window starts without it (no lesson open: no empty pane, whatever layout was saved)
    assert not again.lessons.dock.isVisible()
    r = drop_lesson(again, qtbot, lesson_file)
    assert r.number == 3 and again.studio.stepper.mode == "batch"  # the beats before, done again
    assert "Resumed where the lesson was left: chapter 1 of 1 · beat 3 of 3" in (
        again.statusBar().currentMessage())


def test_a_bad_lesson_is_refused_with_its_line_and_nothing_changes(make_window, qtbot, tmp_path):
    w = make_window(1600, 1000)
    path = tmp_path / "bad.md"
    path.write_text(LESSON.replace("step mode batch", "import os"), encoding="utf-8")
    dims = w.studio.model.network.dims
    assert send_file_drop(w.diagram, w.diagram.rect().center(), [path]) == (True, True)
    qtbot.waitUntil(lambda: "bad.md: line" in w.statusBar().currentMessage())
    assert "unknown action 'import'" in w.statusBar().currentMessage()
    assert not w.lessons.runner.open and not w.lessons.dock.isVisible()
    assert w.studio.model.network.dims == dims


def test_the_lesson_stays_beside_every_stage_of_presentation_mode_in_large_type(
        make_window, qtbot, lesson_file, english_afterwards):
    w = make_window(1600, 1000)
    drop_lesson(w, qtbot, lesson_file)
    pane = w.lessons.pane
    size = pane.text.font().pointSizeF()
    qtbot.keyClick(w, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: w.presenter.presenting)
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3):
        qtbot.keyClick(w, key)
        assert w.lessons.dock.isVisible()
    assert pane.text.font().pointSizeF() >= max(13.0, 1.2 * size)
    w.findChild(QAction, "Language_zh_CN").trigger()
    qtbot.waitUntil(lambda: pane.heading.text() == "一个神经元 · 加权输入")
    assert "每个神经元" in pane.text.toPlainText()
    qtbot.keyClick(w, Qt.Key.Key_Escape)


def test_recording_a_lesson_in_the_window_saves_lines_that_replay(make_window, qtbot, tmp_path,
                                                                  monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    w = make_window(1600, 1000)
    record = w.findChild(QAction, "LessonRecordAction")
    beat = w.findChild(QAction, "LessonRecordBeatAction")
    assert not beat.isEnabled()
    record.trigger()  # on: the app as it is is the first beat
    assert beat.isEnabled() and "Recording" in w.statusBar().currentMessage()
    w.studio.set_step_mode("batch")
    qtbot.keyClick(w, Qt.Key.Key_Right)
    qtbot.keyClick(w, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert w.statusBar().currentMessage() == ("Beat 2 recorded: step mode batch; "
                                              "step z layer 1")
    path = tmp_path / "mine.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    record.trigger()  # off: saved where the teacher says
    assert w.statusBar().currentMessage() == "Saved the lesson of 2 beats in mine.md."
    text = path.read_text(encoding="utf-8")
    assert "```actions\nstep mode batch\nstep z layer 1\n```" in text
    w.studio.set_step_mode("sample")
    r = drop_lesson(w, qtbot, path)
    r.next()
    qtbot.waitUntil(lambda: r.number == 2 and r.state == BeatState.READY)
    assert w.studio.stepper.mode == "batch"
    assert w.studio.stepper.current_step().result.shape == (2, 150)


def test_a_lesson_given_on_the_command_line_opens_in_the_window(make_window, qtbot, lesson_file):
    w = make_window(1600, 1000)
    w.files.open_given([str(lesson_file)])  # what `bpstudio forward.md` hands the window
    r = w.lessons.runner
    qtbot.waitUntil(lambda: r.open and r.state == BeatState.READY, timeout=20_000)
    assert r.lesson.title.en == "The forward pass" and w.lessons.dock.isVisible()


def test_a_lessons_formulas_are_as_large_as_its_words(make_window, qtbot, tmp_path):
    path = tmp_path / "code.md"
    path.write_text(LESSON.replace("Each neuron adds its inputs, each times its weight.",
                                   "Each neuron computes `z = W·a + b`."), encoding="utf-8")
    w = make_window(1600, 1000)
    drop_lesson(w, qtbot, path)
    pane = w.lessons.pane

    def sizes():
        doc, sizes = pane.text.document(), set()
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                f = it.fragment().charFormat()
                sizes.add((f.fontFixedPitch(), f.fontPointSize() or pane.text.font().pointSizeF()))
                it += 1
            block = block.next()
        return sizes
    fixed = {size for is_code, size in sizes() if is_code}
    assert fixed == {pane.text.font().pointSizeF()}  # the formula is there, in the words' size
    qtbot.keyClick(w, Qt.Key.Key_F5)  # larger in presentation mode: the formula follows
    qtbot.waitUntil(lambda: pane.text.font().pointSizeF() >= 13)
    qtbot.waitUntil(lambda: {s for c, s in sizes() if c} == {pane.text.font().pointSizeF()})
    qtbot.keyClick(w, Qt.Key.Key_Escape)


def test_a_dropped_file_that_is_no_lesson_is_said_so_in_the_interfaces_language(make_window, qtbot,
                                                                                  tmp_path):
    """A README.md dropped with some photos: the message was the parser's English source text
    in a Chinese window."""
    from status_messages import status_said

    readme = tmp_path / "README.md"
    readme.write_text("Photos for drag-and-drop.\n", encoding="utf-8")
    w = make_window(1600, 1000)
    assert w.set_language("zh_CN")
    said = status_said(w)
    assert send_file_drop(w.diagram, w.diagram.rect().center(), [readme]) == (True, True)
    qtbot.waitUntil(lambda: any("README.md" in m for m in said))
    message = next(m for m in said if "README.md" in m)
    assert "课程" in message and "a lesson needs" not in message, message
    assert not w.lessons.dock.isVisible()
