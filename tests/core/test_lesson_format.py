"""The lesson file format (docs/lessons.md): a lesson parses whole or is refused with every fault
by line; actions, questions and quoted numbers read back as they were written; answers are
checked as a student types them."""

from __future__ import annotations

import csv
import io
import os
import pickle
from datetime import datetime
from pathlib import Path

import pytest

from bpstudio.core.lesson_format import (ACTIONS, QUANTITIES, Action, Answer, Bilingual,
                                         LessonError, Quantity, Question, Tolerance, check_answer,
                                         format_lesson, lesson_file, lesson_summary, matches,
                                         parse_action, parse_lesson, parse_quantity, read_lesson,
                                         save_answers_csv, understood, write_answers_csv)
from bpstudio.core.lesson_slots import LessonFault
from bpstudio.core.messages import UserMessage

ROOT = Path(__file__).resolve().parents[2]

LESSON = """\
# Backprop by hand | 手算反向传播

en:
The tutorial's **3–2–1** network, one step at a time.

zh:
一步一步看教程里的 **3–2–1** 网络。

## The forward pass | 前向传播

en:
What goes in comes out.

zh:
输入什么，输出什么。

### One sample | 一个样本

en:
Each neuron adds its weighted inputs: `z = W·a + b`.
Before training the cost is {{0.771749 = cost}}.

zh:
每个神经元把加权输入相加。训练前代价是 {{0.771749 = cost}}。

```actions
data three-features
layers 3,2,1
step z layer 1
```

### Predict | 预测

en:
- one column per sample
- **m** columns in all

```actions
# the batch: all m samples at once
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

## Training | 训练

### Down it goes | 一路下降

zh:
看代价下降：第 100 次迭代后是 {{0.672053 = cost at 100}}。

```actions
train to 100
```

```question
kind: choice
en: Which way does the cost go?
zh: 代价往哪个方向走？
- [ ] up | 上升
- [x] down | 下降
```
"""


def lesson_with(actions: str, name: str = "lesson.md"):
    """A one-beat lesson with these action lines; the first action is on line 6."""
    return parse_lesson(f"# T | 标\n## C | 章\n### B | 节\n\n```actions\n{actions}\n```\n", name)


def refusal(text: str, name: str = "lesson.md") -> LessonError:
    with pytest.raises(LessonError) as caught:
        parse_lesson(text, name)
    return caught.value


# ----- a whole lesson ------------------------------------------------------------------------------

def test_a_small_lesson_parses_into_its_chapters_beats_actions_and_questions():
    lesson = parse_lesson(LESSON, "backprop.md")
    assert lesson.title == Bilingual("Backprop by hand", "手算反向传播")
    assert lesson.intro.zh == "一步一步看教程里的 **3–2–1** 网络。"
    assert [c.title.en for c in lesson.chapters] == ["The forward pass", "Training"]
    assert lesson.chapters[0].intro == Bilingual("What goes in comes out.", "输入什么，输出什么。")
    one, predict = lesson.chapters[0].beats
    assert one.title == Bilingual("One sample", "一个样本") and one.line == 17
    assert [a.to_line() for a in one.actions] == ["data three-features", "layers 3,2,1", "step z layer 1"]
    assert one.actions[2]["key"] == "z" and one.actions[2]["layer"] == 1
    assert (one.actions[0].line, one.actions[0].file) == (27, "backprop.md")
    assert one.question is None and one.before_question == one.actions
    # Markdown kept as written; the quoted number shown as the number alone
    assert one.source("en").endswith("the cost is {{0.771749 = cost}}.")
    assert one.text("en") == ("Each neuron adds its weighted inputs: `z = W·a + b`.\n"
                              "Before training the cost is 0.771749.")
    assert one.text("zh_CN") == "每个神经元把加权输入相加。训练前代价是 0.771749。"
    # the question comes after the first actions block: asked after 1 action, revealed after 2
    q = predict.question
    assert q.kind == "shape" and q.quantity == Quantity("step result", shape=True)
    assert q.prompt == Bilingual("What shape will Z[1] have?", "Z[1] 的形状是什么？")
    assert predict.question_at == 1 and [a.name for a in predict.after_question] == ["step"]
    assert predict.text("zh_CN") == "- one column per sample\n- **m** columns in all"  # no Chinese
    down = lesson.chapters[1].beats[0]
    assert down.text("en") == "看代价下降：第 100 次迭代后是 0.672053。"  # no English
    assert [o.right for o in down.question.options] == [False, True]
    assert down.question.options[1].text == Bilingual("down", "下降")


def test_progress_numbers_the_beats_through_the_whole_lesson():
    summary = lesson_summary(parse_lesson(LESSON))
    assert (summary.chapters, summary.beats, summary.questions, summary.actions) == (2, 3, 2, 6)
    assert [(p.number, p.chapter_number, p.beat_number) for p in summary.places] == [
        (1, 1, 1), (2, 1, 2), (3, 2, 1)]
    assert str(summary.progress(3)) == "chapter 2 of 2 · beat 3 of 3"
    assert summary.place(2).beat.title.en == "Predict"


def test_the_missing_language_is_named_with_its_line():
    missing = lesson_summary(parse_lesson(LESSON)).missing
    assert [(m.line, m.what, m.name, m.language) for m in missing] == [
        (32, "beat", "Predict", "zh_CN"), (56, "beat", "Down it goes", "en")]
    assert str(missing[0].message()) == "line 32: the beat 'Predict' has no Chinese text"
    only_english = parse_lesson("# Title\n## C | 章\n### B | 节\n")
    assert [(m.what, m.language) for m in lesson_summary(only_english).missing] == [("title", "zh_CN")]


def test_quoted_numbers_are_listed_for_a_checker():
    quoted = lesson_summary(parse_lesson(LESSON)).quoted
    assert [(p.number, q.text, q.quantity.text, q.line, q.language) for p, q in quoted] == [
        (1, "0.771749", "cost", 21, "en"), (1, "0.771749", "cost", 24, "zh_CN"),
        (3, "0.672053", "cost at 100", 59, "zh_CN")]


def test_a_lesson_round_trips_through_its_file_format():
    lesson = parse_lesson(LESSON)
    again = parse_lesson(format_lesson(lesson))
    assert again == lesson
    assert format_lesson(again) == format_lesson(lesson)


def test_read_lesson_reads_a_file_and_knows_its_folder(tmp_path):
    path = tmp_path / "lesson.md"
    path.write_text(LESSON, encoding="utf-8-sig")  # a BOM, as Windows editors write
    lesson = read_lesson(path)
    assert lesson == parse_lesson(LESSON) and lesson.folder == tmp_path and lesson.file == "lesson.md"


# ----- actions -------------------------------------------------------------------------------------

GOOD = [
    ("data circle", "data", {"name": "circle"}),
    ("data three-features", "data", {"name": "three-features"}),
    ("data cat", "data", {"name": "cat"}),
    ("preset four-layer", "preset", {"key": "four-layer"}),
    ("layers 12288–20–7–5–1", "layers", {"dims": (12288, 20, 7, 5, 1)}),
    ("activation 2 tanh", "activation", {"layer": 2, "name": "tanh"}),
    ("activation hidden leaky_relu", "activation", {"layer": "hidden", "name": "leaky_relu"}),
    ("set learning_rate=0.0075 iterations=2500", "set",
     {"settings": (("learning_rate", 0.0075), ("iterations", 2500))}),
    ("set alpha = 0.5 batch_size=full l2=0.1", "set",
     {"settings": (("learning_rate", 0.5), ("batch_size", None), ("l2", 0.1))}),
    ("network init=zeros seed=3 loss=mse", "network",
     {"settings": (("init", "zeros"), ("seed", 3), ("loss", "mse"))}),
    ("features x2, sin x1, x1", "features", {"features": ("x1", "x2", "sin x1")}),
    ("train to 2500", "train to", {"iteration": 2500}),
    ("train 100 more", "train more", {"iterations": 100}),
    ("step 2a layer 3", "step", {"key": "2a", "layer": 3}),
    ("step loss", "step", {"key": "loss"}),
    ("step 1b layer 2", "step", {"key": "1b", "layer": 2}),
    ("step 1a-bce", "step", {"key": "1a-bce"}),
    ("step mode sample", "step mode", {"mode": "sample"}),
    ("step start", "step start", {}),
    ("step end", "step end", {}),
    ("sample 7", "sample", {"index": 7}),
    ("picture test 3", "test picture", {"index": 3}),
    ("picture photos/my cat (2).jpg", "picture", {"file": "photos/my cat (2).jpg"}),
    ("explain dW[1] 2 3", "explain", {"view": "dW[1]", "row": 2, "col": 3}),
    ("explain result 1 209", "explain", {"view": "result", "row": 1, "col": 209}),
    ("explain sigma'(Z[2]) 1 1", "explain", {"view": "σ′(Z[2])", "row": 1, "col": 1}),
    ("explain A[0]^T 5 1", "explain", {"view": "A[0]ᵀ", "row": 5, "col": 1}),
    ("explain weight 1 2 3", "explain weight", {"layer": 1, "row": 2, "col": 3}),
    ("nudge", "nudge", {}),
    ("cursor 0", "cursor", {"iteration": 0}),
    ("cursor now", "cursor now", {}),
    ("fork alpha=5", "fork", {"settings": (("learning_rate", 5.0),)}),
    ("fork init=zeros activation=sigmoid", "fork",
     {"settings": (("init", "zeros"), ("activation", "sigmoid"))}),
    ("compare diverging", "compare", {"key": "diverging"}),
    ("twins remove", "twins remove", {}),
    ("stage 1", "stage", {"stage": "equations"}),
    ("stage classify", "stage", {"stage": "classify"}),
    ("present off", "present off", {}),
    ("highlight plots", "highlight", {"view": "plots"}),
]


def test_each_action_parses_and_round_trips():
    wrong = []
    for line, name, args in GOOD:
        action = parse_action(line, 12, "l.md")
        if ((action.name, dict(action.args), action.line, action.file) != (name, args, 12, "l.md")
                or parse_action(action.to_line()) != action):
            wrong.append((line, action, action.to_line()))
    assert wrong == []


def test_every_action_of_the_vocabulary_is_tried_above():
    assert {name for _, name, _ in GOOD} == set(ACTIONS)


BAD = [
    ("rm -rf /", "unknown action 'rm'"),
    ("data mnist", "'data' needs one of three-features, circle"),
    ("preset huge", "'preset' needs one of seed-3-2-1"),
    ("layers 3,2,2", "'layers': the output layer has 2 neurons"),
    ("layers 3", "'layers' needs the layer sizes"),
    ("activation 10 relu", "'activation' needs a whole number from 1 to 9 or hidden, output, not '10'"),
    ("activation 1 softmax", "'activation' needs one of sigmoid, relu"),
    ("set learning_rate=0", "'set learning_rate' needs a number above 0 and at most 10, not '0'"),
    ("set learning_rate=nan", "'set learning_rate' needs a number above 0"),
    ("set iterations=1e9", "'set iterations' needs a whole number from 1 to 100,000"),
    ("set speed=3", "'set': 'speed=3' is not a setting"),
    ("set alpha=1 learning_rate=2", "'set': 'learning_rate=2' is not a setting name=value named once"),
    ("network init=ones", "'network init' needs one of lecun, small"),
    ("network seed=-1", "'network seed' needs a whole number from 0"),
    ("features x1, x3", "'features': unknown feature 'x3'"),
    ("train to x", "'train to' needs a whole number from 1 to 100,000, not 'x'"),
    ("train to 0", "'train to' needs a whole number from 1 to 100,000, not '0'"),
    ("train 100", "write 'train to ITERATION' or 'train ITERATIONS more', not 'train 100'"),
    ("train 5 more please", "write 'train to ITERATION' or 'train ITERATIONS more'"),
    ("step 9z layer 1", "'step' needs a step of the equation table: z, a, loss, cost, 1a, 1b"),
    ("step 2a", "step 2a needs its layer, e.g. 'step 2a layer 1'"),
    ("step 2a layer 0", "'step' needs a whole number from 1 to 9, not '0'"),
    ("step mode both", "'step mode' needs one of sample, batch"),
    ("sample 0", "'sample' needs a whole number from 1"),
    ("sample -3", "'sample' needs a whole number from 1"),
    ("picture test", "write 'picture test N' or 'picture FILE'"),
    ("explain dW[1] 0 1", "'explain' needs a whole number from 1"),
    ("explain W[99] 1 1", "'explain' needs result or the name of one of the step's matrices"),
    ("explain weight 1 2", "write 'explain weight L J K' or 'explain VIEW ROW COL'"),
    ("nudge 3", "write 'nudge', not 'nudge 3'"),
    ("cursor then", "'cursor' needs a whole number from 0"),
    ("fork", "'fork' needs at least one setting name=value"),
    ("fork iterations=5", "'fork': 'iterations=5' is not a setting"),
    ("compare apples", "'compare' needs one of depth, sigmoid, diverging, faq6, zeros"),
    ("twins", "write 'twins remove', not 'twins'"),
    ("stage 6", "'stage' needs one of equations, network, training, classify, mixed, not '6'"),
    ("present on", "write 'present off', not 'present on'"),
    ("highlight window", "'highlight' needs one of diagram, steps, plots"),
]


def refused_actions(lines, name="lesson.md") -> list[tuple[str, str]]:
    """(line, message) of each action line, refused alone in a one-beat lesson (line 6)."""
    out = []
    for line in lines:
        error = refusal(f"# T | 标\n## C | 章\n### B | 节\n\n```actions\n{line}\n```\n", name)
        assert error.lines == (6,), line
        out.append((line, str(error)))
    return out


def test_a_bad_action_is_refused_with_the_file_and_line():
    got = refused_actions([line for line, _ in BAD], "mine.md")
    wrong = [(line, text) for (line, message), (_, text) in zip(BAD, got)
             if not text.startswith(f"mine.md: line 6: {message}")]
    assert wrong == []


def test_every_fault_is_listed_in_one_message():
    error = refusal("# T | 标\n## C | 章\n### B | 节\n\n```actions\nrm x\ndata circle\n"
                    "train to x\n```\n")
    assert str(error) == ("lesson.md: line 6: unknown action 'rm'; the actions are data, preset, "
                          "layers, activation, set, network, features, train, step, sample, "
                          "picture, explain, nudge, cursor, fork, compare, twins, present, stage, "
                          "highlight; line 8: 'train to' needs a whole number from 1 to 100,000, "
                          "not 'x'")
    assert error.lines == (6, 8)
    assert isinstance(error, UserMessage) and isinstance(error, ValueError)
    assert all(isinstance(f, LessonFault) and str(f).startswith("line ") for f in error.faults)


def test_a_lesson_error_keeps_its_faults_across_a_process_boundary():
    error = refusal("# T | 标\n## C | 章\n### B | 节\n```actions\nrm x\n```\n")
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.lines == (5,) and again.template == error.template


def test_many_faults_are_counted_beyond_those_the_message_lists():
    error = refusal("# T | 标\n## C | 章\n### B | 节\n```actions\n" + "rm\n" * 100 + "```\n")
    assert len(error.faults) == 100 and str(error).endswith("; and 70 more")


# ----- malicious and broken files --------------------------------------------------------------------

MALICIOUS = [
    ("preset <script>alert(1)</script>", "'preset' needs one of"),
    ("data <img src=x onerror=alert(1)>", "'data' needs one of"),
    ("__import__('os').system('rm -rf ~')", "unknown action \"__import__('os').system('rm\""),
    ("exec(open('x').read())", "unknown action \"exec(open('x').read())\""),
    ("train to 99999999999999999999999", "'train to' needs a whole number from 1 to 100,000"),
    ("train to " + "9" * 3000, "'train to' needs a whole number from 1 to 100,000, not '99999"),
    ("layers 3,100000,1", "'layers': layer 1 has 100,000 neurons; the editor takes 1 to 512"),
    ("layers 3,100000000,1", "'layers' needs the layer sizes"),
    ("picture ../../etc/passwd", "'picture' needs a file in the lesson's folder"),
    ("picture /etc/passwd", "'picture' needs a file in the lesson's folder"),
    ("picture C:\\Windows\\win.ini", "'picture' needs a file in the lesson's folder"),
    ("picture https://example.com/x.jpg", "'picture' needs a file in the lesson's folder"),
    ("picture photos/../../x.jpg", "'picture' needs a file in the lesson's folder"),
]


def test_a_malicious_action_is_refused_with_its_line():
    got = refused_actions([line for line, _ in MALICIOUS])
    wrong = [(line, text) for (line, message), (_, text) in zip(MALICIOUS, got)
             if not text.startswith(f"lesson.md: line 6: {message}")
             or len(text) > 400]  # a long word is quoted cut short, never whole
    assert wrong == []


BROKEN_TEXT = [
    ("en:\nClick <a href='javascript:alert(1)'>here</a>", 5, "HTML and pictures are no part"),
    ("en:\n<script>alert(1)</script>", 5, "HTML and pictures are no part"),
    ("en:\n![x](file:///etc/passwd)", 5, "HTML and pictures are no part"),
    ("en:\nthe cost is {{0.77 = __import__('os')}}", 5, "the quantity \"__import__('os')\""),
    ("en:\nthe cost is {{rm = cost}}", 5, "a quoted number is written {{NUMBER = QUANTITY}}"),
    ("en:\nthe cost is {{0.77 = cost", 5, "a quoted number is written {{0.771749 = cost}}"),
    ("en:\nright-to-left \u202e text", 5, "a control character (U+202E)"),
    ("en:\na NUL \x00 byte", 5, "a control character (U+0000)"),
    ("stray words", 4, "text outside 'en:' or 'zh:'"),
    ("```actions\ntrain to 5\n", 4, "this block is never closed with ```"),
    ("```python\nimport os\n```", 4, "text outside 'en:' or 'zh:'"),
]


def test_malicious_or_broken_text_is_refused_with_its_line():
    wrong = [(text, str(error)) for text, line, message in BROKEN_TEXT
             if f"line {line}: {message}" not in str(
                 error := refusal(f"# T | 标\n## C | 章\n### B | 节\n{text}\n"))]
    assert wrong == []


def test_html_in_inline_code_and_comparisons_are_text():
    lesson = parse_lesson("# T | 标\n## C | 章\n### B | 节\nen:\nWrite `<b>` for bold; "
                          "a < b and c > d.\n")
    assert lesson.chapters[0].beats[0].text("en") == "Write `<b>` for bold; a < b and c > d."


def test_a_huge_line_is_refused_with_its_line_and_a_huge_file_before_it_is_parsed(tmp_path):
    error = refusal("# T | 标\n## C | 章\n### B | 节\nen:\n" + "x" * 5000 + "\n")
    assert str(error) == "lesson.md: line 5: 5,000 characters; a line has at most 4000"
    ten_mb = "# T\n## C\n### B\nen:\n" + "x" * 10_000_000 + "\n"
    assert str(refusal(ten_mb)) == "lesson.md: over the 1024 kB a lesson may have"
    path = tmp_path / "huge.md"
    path.write_text(ten_mb)
    with pytest.raises(LessonError, match=r"^huge.md: 9,765 kB is over the 1024 kB a lesson may have$"):
        read_lesson(path)
    with pytest.raises(LessonError, match=r"lines; a lesson has at most 20,000"):
        parse_lesson("\n" * 30_000)


def test_files_that_are_not_lessons_are_refused_by_name(tmp_path):
    (tmp_path / "latin1.md").write_bytes("# Caf\xe9\n".encode("latin-1"))
    with pytest.raises(LessonError, match=r"^latin1.md: not UTF-8 text \(byte 5\)$"):
        read_lesson(tmp_path / "latin1.md")
    with pytest.raises(LessonError, match=r"^nowhere.md: file not found$"):
        read_lesson(tmp_path / "nowhere.md")
    with pytest.raises(LessonError, match="a folder, not a file"):
        read_lesson(tmp_path)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo.md")
        with pytest.raises(LessonError, match="not a regular file"):
            read_lesson(tmp_path / "fifo.md")


SHAPELESS = [
    ("", "line 1: a lesson starts with its title '# Title | 标题'"),
    ("## C\n### B\n", "line 1: a lesson starts with its title"),
    ("# T\n", "line 1: a lesson needs a chapter '## …' with a beat '### …'"),
    ("# T\n## C\n", "line 2: a chapter without beats"),
    ("# T\n### B\n", "line 2: a beat before the first chapter"),
    ("# T\n# U\n## C\n### B\n", "line 2: a second title"),
    ("# T\n## C\n```actions\ndata circle\n```\n### B\n", "line 3: actions belong to a beat"),
    ("# T\n## C\nen:\n{{0.5 = cost}}\n### B\n", "line 4: quote numbers in a beat's text"),
    ("# T\n## C\n### B\n```question\nkind: number\nquantity: cost\nen: ?\n```\n"
     "```question\nkind: number\nquantity: cost\nen: ?\n```\n", "line 9: a beat has one question"),
    ("# |\n## C\n### B\n", "line 1: a heading without a title"),
    ("# T\n## <script>x</script>\n### B\n", "line 2: HTML and pictures are no part"),
]


def test_a_lesson_needs_its_shape():
    wrong = [(text, str(e)) for text, message in SHAPELESS if message not in str(e := refusal(text))]
    assert wrong == []


def test_a_picture_resolves_inside_the_lesson_folder_only(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"x")
    (tmp_path / "lesson.md").write_text("# T\n## C\n### B\n```actions\npicture photos/cat.jpg\n"
                                        "picture photos/escape.jpg\n```\n")
    lesson = read_lesson(tmp_path / "lesson.md")
    first, second = lesson.chapters[0].beats[0].actions
    assert lesson_file(lesson, first["file"], first.line) == tmp_path / "photos" / "cat.jpg"
    os.symlink("/etc/passwd", tmp_path / "photos" / "escape.jpg")  # a link out of the folder
    with pytest.raises(LessonError, match=r"^lesson.md: line 6: 'photos/escape.jpg' is not in "
                                          r"the lesson's folder$"):
        lesson_file(lesson, second["file"], second.line)
    with pytest.raises(LessonError):
        lesson_file(parse_lesson("# T\n## C\n### B\n"), "cat.jpg")  # no folder: no files


# ----- quantities and questions ----------------------------------------------------------------------

QUANTITY_NAMES = [
    ("cost", Quantity("cost")),
    ("cost at 100", Quantity("cost", at=100)),
    ("test accuracy at 2500", Quantity("test accuracy", at=2500)),
    ("iterations", Quantity("iterations")),
    ("step result shape", Quantity("step result", shape=True)),
    ("step result[2, 1]", Quantity("step result", cell=(2, 1))),
    ("W[1][2,3]", Quantity("W", 1, (2, 3))),
    ("b[2][1]", Quantity("b", 2, (1,))),
    ("dW[3][1,7]", Quantity("dW", 3, (1, 7))),
    ("dZ[1][2,209]", Quantity("dZ", 1, (2, 209))),
    ("A[0][5,1]", Quantity("A", 0, (5, 1))),
    ("A[0] shape", Quantity("A", 0, shape=True)),
    ("output", Quantity("output")),
    ("prediction", Quantity("prediction")),
    ("train accuracy", Quantity("train accuracy")),
    ("db[1][3]", Quantity("db", 1, (3,))),
    ("Z[2][1,1]", Quantity("Z", 2, (1, 1))),
    ("dA[1] shape", Quantity("dA", 1, shape=True)),
]


def test_quantities_parse_and_write_back():
    wrong = [text for text, quantity in QUANTITY_NAMES
             if parse_quantity(text) != quantity or parse_quantity(quantity.text) != quantity]
    assert wrong == []
    assert {q.name for _, q in QUANTITY_NAMES} == set(QUANTITIES)


BAD_QUANTITIES = [
    ("loss of everything", "the quantities are cost, train accuracy"),
    ("W[1]", "write [j,k] for one of its numbers, or shape for its shape"),
    ("W[1][1]", "write [j,k]"),
    ("W[1][1,2,3]", "write [j,k]"),
    ("W", "write its layer, as in W[1]"),
    ("W[0][1,1]", "'0' is not a whole number from 1 to 9"),
    ("A[0][0,1]", "'0' is not a whole number from 1 to 10,000,000"),
    ("cost[1,1]", "it is one number"),
    ("cost shape", "it is one number"),
    ("W[1][1,1] at 5", "only cost and the accuracies have a value 'at ITERATION'"),
    ("<script>", "the quantities are"),
]


def test_bad_quantities_are_refused():
    wrong = []
    for text, message in BAD_QUANTITIES:
        with pytest.raises(LessonFault) as caught:
            parse_quantity(text, 9)
        if not str(caught.value).startswith("line 9: the quantity") or message not in str(caught.value):
            wrong.append((text, str(caught.value)))
    assert wrong == []


def question(block: str) -> Question:
    return parse_lesson(f"# T\n## C\n### B\n```question\n{block}\n```\n").chapters[0].beats[0].question


BAD_QUESTIONS = [
    ("kind: guess\nen: ?", "line 5: a question's kind is one of shape, sign, number, choice, not 'guess'"),
    ("kind: number\nen: ?", "line 4: a number question needs quantity:"),
    ("kind: shape\nquantity: cost\nen: ?", "a shape question needs a quantity that is a shape, not cost"),
    ("kind: number\nquantity: W[1] shape\nen: ?", "a quantity that is a number, not W[1] shape"),
    ("kind: number\nquantity: cost", "line 4: a question needs its words"),
    ("kind: number\nquantity: cost\ntolerance: lots\nen: ?", "line 7: the tolerance is a number from 0"),
    ("kind: sign\nquantity: cost\ntolerance: 5%\nen: ?", "line 7: the tolerance is a number from 0"),
    ("kind: shape\nquantity: step result shape\ntolerance: 1\nen: ?", "only number and sign questions"),
    ("kind: choice\nen: ?\n- [x] only", "a choice has 2 to 10 options, not 1"),
    ("kind: choice\nen: ?\n- [ ] a\n- [ ] b", "mark the one right option"),
    ("kind: choice\nen: ?\n- [x] a\n- [x] b", "mark the one right option"),
    ("kind: choice\nquantity: prediction\nen: ?\n- [x] cat => 1\n- [ ] not => 0", "the app decides"),
    ("kind: choice\nquantity: prediction\nen: ?\n- [ ] cat => yes\n- [ ] not => 0", "an option's value"),
    ("kind: number\nquantity: cost\nen: ?\n- [x] a", "only a choice question has options"),
    ("kind: number\nkind: sign\nquantity: cost\nen: ?", "line 6: kind: a second time"),
    ("kind: number\nquantity: cost\nen: ?\nimport os", "line 8: a question has lines kind:"),
    ("kind: number\nquantity: cost\nen: <b onclick=x>?</b>", "line 7: HTML and pictures are no part"),
    ("kind: number\nquantity: cost\nen: is it {{0.5 = cost}}?", "line 7: quote numbers in a beat's text"),
]


def test_bad_questions_are_refused_with_their_line():
    wrong = [(block, str(e)) for block, message in BAD_QUESTIONS
             if message not in str(e := refusal(f"# T\n## C\n### B\n```question\n{block}\n```\n"))]
    assert wrong == []


QUESTIONS = [
    "kind: shape\nquantity: step result shape\nen: What shape?\nzh: 什么形状？",
    "kind: sign\nquantity: dW[1][1,1]\ntolerance: 0.001\nen: Which sign?",
    "kind: number\nquantity: cost at 100\ntolerance: 2%\nzh: 代价是多少？",
    "kind: number\nquantity: train accuracy\ntolerance: 0.01\nen: How accurate?",
    "kind: choice\nen: Which?\nzh: 哪个？\n- [ ] ReLU\n- [x] sigmoid | S 型\n- [ ] | 只有中文",
    "kind: choice\nquantity: prediction\nen: Cat?\n- [ ] cat | 猫 => 1\n- [ ] not a cat | 不是猫 => 0",
]


def test_questions_round_trip():
    for block in QUESTIONS:
        q = question(block)
        text = "\n".join(q.to_lines())
        assert question(text.removeprefix("```question\n").removesuffix("\n```")) == q, block
        lesson = parse_lesson(f"# T\n## C\n### B\n```question\n{block}\n```\n")
        assert parse_lesson(format_lesson(lesson)) == lesson, block


def test_an_option_without_a_chinese_text_is_the_same_in_both_languages():
    q = question(QUESTIONS[4])
    assert [(o.text.en, o.text.zh) for o in q.options] == [("ReLU", "ReLU"), ("sigmoid", "S 型"),
                                                          ("", "只有中文")]
    missing = lesson_summary(parse_lesson(f"# T | 标\n## C | 章\n### B | 节\n```question\n"
                                          f"{QUESTIONS[4]}\n```\n")).missing
    assert [(m.what, m.name, m.language) for m in missing] == [("option", "只有中文", "en")]


# ----- checking answers -----------------------------------------------------------------------------

def test_a_shape_is_read_as_students_write_it():
    q = question(QUESTIONS[0])
    for given in ("5×209", "5x209", "5 X 209", "(5, 209)", "[5,209]", "5 by 209", "５×２０９", "5*209"):
        assert check_answer(q, given, (5, 209)) == (True, "5×209"), given
    assert check_answer(q, "209×5", (5, 209)) == (False, "5×209")
    assert check_answer(q, "five", "5×209") == (False, "5×209")
    assert not understood(q, "five") and understood(q, "5 x 209")


def test_a_sign_takes_symbols_words_and_numbers_and_its_tolerance():
    q = question(QUESTIONS[1])  # tolerance 0.001: smaller values are 0
    for given in ("−", "-", "negative", "负", "minus", "−0.3", "-1e-5"):
        assert check_answer(q, given, -0.25) == (True, "-0.25"), given
    assert check_answer(q, "+", -0.25)[0] is False
    assert check_answer(q, "0", 0.0009)[0] and check_answer(q, "zero", -0.001)[0]
    assert check_answer(q, "-", -0.0011)[0] and not check_answer(q, "0", -0.0011)[0]
    assert check_answer(q, "正", 3.0)[0] and not check_answer(q, "?", 3.0)[0]


def test_a_number_is_right_within_its_tolerance_edges_included():
    absolute = question(QUESTIONS[3])  # ± 0.01
    assert check_answer(absolute, "0.78", 0.77) == (True, "0.77")  # 0.010000000000000009 apart
    assert check_answer(absolute, "0.76", 0.77)[0]
    assert not check_answer(absolute, "0.7801", 0.77)[0]
    assert check_answer(absolute, "98%", 0.9856)[0] and not check_answer(absolute, "97%", 0.9856)[0]
    relative = question(QUESTIONS[2])  # ± 2 %
    assert check_answer(relative, "0.102", 0.1)[0] and not check_answer(relative, "0.1021", 0.1)[0]
    assert check_answer(relative, "−0.098", -0.1)[0]  # the minus sign U+2212
    assert check_answer(relative, "－０．０９９", -0.1)[0]  # full-width, from a Chinese input method
    assert check_answer(relative, "1,000", 1000.0) == (True, "1000")
    assert check_answer(relative, "about a half", 0.5) == (False, "0.5")
    assert check_answer(relative, "0.5", float("nan")) == (False, "nan")
    default = question("kind: number\nquantity: cost\nen: ?")  # no tolerance: 1 %
    assert default.tolerance is None
    assert check_answer(default, "0.7794", 0.771749)[0] and not check_answer(default, "0.78", 0.771749)[0]


def test_a_choice_is_read_by_its_number_letter_or_words():
    fixed = question(QUESTIONS[4])
    for given in ("2", "b", "B", "sigmoid", "S 型", " Sigmoid "):
        assert check_answer(fixed, given, language="zh_CN") == (True, "S 型"), given
    assert check_answer(fixed, "1") == (False, "sigmoid")
    assert check_answer(fixed, "4")[0] is False and not understood(fixed, "4")
    by_value = question(QUESTIONS[5])
    assert check_answer(by_value, "1", 1) == (True, "cat")
    assert check_answer(by_value, "not a cat", 1) == (False, "cat")
    assert check_answer(by_value, "不是猫", 0, "zh_CN") == (True, "不是猫")
    assert check_answer(by_value, "1", 2) == (False, "2")  # no option is the app's value


# ----- quoted numbers ---------------------------------------------------------------------------------

QUOTED = [
    ("0.771749", 0.7717493591521187, True),  # the tutorial's cost at iteration 0
    ("0.771749", 0.7717486, True),
    ("0.771749", 0.7717496, False),
    ("0.9856", 0.9856459330143541, True),  # the train accuracy
    ("0.80", 0.8, True),  # the test accuracy, two decimals quoted
    ("0.80", 0.805, False),
    ("0.8", 0.84, True),
    ("98.56%", 0.9856459330143541, True),
    ("−0.25", -0.25, True),
    ("-0.000", -0.0001, True),
    ("2500", 2500, True),
    ("2,500", 2500.4, True),
    ("1.5e-05", 1.49e-05, True),
    ("1.5e-05", 1.44e-05, False),
    ("0.5", float("nan"), False),
    ("5×209", (5, 209), True),
    ("5x209", (209, 5), False),
    ("cost", 1.0, False),
]


def test_a_quoted_number_matches_the_value_rounded_to_its_digits():
    assert [(q, v) for q, v, equal in QUOTED if matches(q, v) is not equal] == []


# ----- the class's answers -----------------------------------------------------------------------------

ANSWERS = [
    Answer("Backprop", "前向传播", "Predict", "What shape will Z[1] have?", "5x209", True, "5×209",
           datetime(2024, 5, 1, 9, 30, 5)),
    Answer("Backprop", "Training", "Down", "Cost?", "=HYPERLINK(\"http://x\")", False, "0.771749",
           datetime(2024, 5, 1, 9, 31)),
    Answer("Backprop", "Training", "Down", "Sign?", "-0.5", True, "-0.25", datetime(2024, 5, 1, 9, 32)),
]


def test_answers_are_written_as_csv_for_a_teacher():
    out = io.StringIO()
    write_answers_csv(out, ANSWERS)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["lesson", "chapter", "beat", "question", "given", "correct", "app's value", "time"]
    assert rows[1] == ["Backprop", "前向传播", "Predict", "What shape will Z[1] have?", "5x209", "1",
                       "5×209", "2024-05-01T09:30:05"]
    assert rows[2][4:6] == ["'=HYPERLINK(\"http://x\")", "0"]  # never run as a formula
    assert rows[3][4] == "-0.5"  # a negative number stays a number


def test_answers_are_saved_whole_in_utf8_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "answers.csv"
    save_answers_csv(path, ANSWERS)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "前向传播".encode() in data
    assert len(list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))) == 4


# ----- records round trip, and one home per idea -------------------------------------------------------

def test_a_recorded_lesson_of_every_action_round_trips():
    actions = tuple(parse_action(line) for line, _, _ in GOOD)
    beat = "\n".join(a.to_line() for a in actions)
    lesson = lesson_with(beat)
    assert lesson.chapters[0].beats[0].actions == actions
    assert parse_lesson(format_lesson(lesson)) == lesson


def test_tolerances_and_actions_compare_by_value_not_by_line():
    assert parse_action("nudge", 3, "a.md") == Action("nudge")
    assert Tolerance(1.0, True).text == "1%" and Tolerance(0.001).text == "0.001"


def test_the_teachers_reference_names_every_action_and_quantity_and_its_example_parses():
    docs = (ROOT / "docs" / "lessons.md").read_text(encoding="utf-8")
    missing = [s.usage for s in ACTIONS.values() if f"`{s.usage.replace('|', chr(92) + '|')}`" not in docs
               and f"`{s.usage}`" not in docs]
    missing += [name for name in QUANTITIES if f"`{name}" not in docs]
    assert missing == []
    example = docs.split("````markdown\n", 1)[1].split("\n````", 1)[0]
    beats = parse_lesson(example).chapters[0].beats
    assert [b.question_at for b in beats] == [0, 1] and beats[0].quoted[0].text == "0.6575"
