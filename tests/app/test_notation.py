"""One notation per mode: the batch is written only in the tutorial's multi-sample notation (Z, A,
dZ, dA, dW, db, C), one sample only in its single-sample notation (z, a, δ, ∂L/∂a, ∂L/∂W, L).
Every step of the 3–2–1 net and of the cat net is walked in both modes and both languages: its
title, formula, note, shapes and "why" (F1), the start and the end of the iteration, and the explanation of
a cell of every matrix on screen (with the chain rule and the nudge of a weight); the other
mode's symbols never appear. The explanation names the sample actually stepped."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextDocument

from bpstudio.core.equations import LOSS_FUNCTION, LOSS_OF_EACH, NOTHING, OUTER_PRODUCT
from bpstudio.session.stepper_model import BATCH, SAMPLE

# symbols of the single-sample table, wherever a batch's text would show them
SINGLE_ONLY = [
    re.compile(r"δ"), re.compile(r"∇ₐ"),
    re.compile(r"(?<![A-Za-z0-9])[zy](?![A-Za-z])"),  # z, y as symbols (z[1], σ′(z), (y = 1))
    # a as a symbol, not the article (nor 1a, 等式 2a): a[1], a(1 − a), a = 0.5, the output a of …
    re.compile(r"(?<![A-Za-z0-9])a(?=[\[\d_(⁽·²)/]|\s*[=−+·⊙)/]|\s+(of|is)\b|$)"),
    re.compile(r"∂L/∂a(?![A-Za-z])"),
]
SINGLE_ONLY_ZH = [*SINGLE_ONLY, re.compile(r"(?<![A-Za-z0-9])a(?![A-Za-z])")]  # no articles in Chinese
# symbols of the multi-sample table, wherever one sample's text would show them
BATCH_ONLY = [
    re.compile(r"(?<![A-Za-z])d[WZAb](?![A-Za-z])"),  # dW, dZ, dA, db
    re.compile(r"(?<![A-Za-z0-9])C(?![A-Za-z])"),  # the cost C, ∂C/∂W, C(w + ε)
    re.compile(r"(?<![A-Za-z])[ZAY](?=[\[\d_(⁽·²)/]|\s*[=−+·⊙)/])"),  # Z[1], A2[0], A(1 − A), Y = 1
]


def plain(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def forbidden(mode: str, chinese: bool) -> list[re.Pattern]:
    if mode == SAMPLE:
        return BATCH_ONLY
    return SINGLE_ONLY_ZH if chinese else SINGLE_ONLY


def screen_texts(w) -> list[tuple[str, str]]:
    """What the stepper shows now, as a user sees it."""
    p = w.equations
    step = w.studio.stepper.stepper.current
    out = [("title", p.title.text()), ("formula", p.formula.text()), ("shapes", p.shapes.text()),
           ("note", p.note.text()), ("why (F1)", plain(p.why(step))),
           ("description", p.accessibleDescription())]
    if p.help.isVisible():
        out.append(("help", plain(p.help.text())))
    if p.apply_row.isVisibleTo(p):
        out += [("apply", p.apply_text.text()), ("apply button", p.apply_button.text()),
                ("apply tooltip", p.apply_button.toolTip())]
    return out


def pane_texts(w) -> list[tuple[str, str]]:
    pane = w.equations.explain_pane
    out = [("heading", plain(pane.heading.text())), ("explanation", plain(pane.html()))]
    if pane.nudge_row.isVisibleTo(pane):
        out.append(("nudge tooltip", pane.nudge_button.toolTip()))
    return out


def walk(w, mode: str, nudges: int = 1) -> list[tuple[str, str]]:
    """(where, text) of the whole iteration in ``mode``: every step, and the explanation of the
    first and the last cell of every matrix of it (a weight's nudged ``nudges`` times)."""
    studio = w.studio
    studio.set_step_mode(mode)
    studio.step_home()
    shown = [(f"start {where}", text) for where, text in screen_texts(w)]
    steps = studio.stepper.stepper.steps
    for k in range(1, len(steps) + 1):
        studio.stepper.go(k)
        step = studio.stepper.stepper.current
        shown += [(f"step {k} {where}", text) for where, text in screen_texts(w)]
        for view, matrix in [*enumerate(step.operands), (-1, step.result)]:
            rows, cols = matrix.value.shape if matrix.value.ndim == 2 else (1, 1)
            for row, col in {(0, 0), (rows - 1, cols - 1)}:
                studio.explain_cell(view, row, col)
                e = studio.explain.explanation
                assert e is not None, (k, view)
                if e.weight is not None and nudges:
                    nudges -= 1
                    studio.nudge()
                    assert studio.explain.check is not None
                shown += [(f"step {k} {matrix.name}[{row},{col}] {where}", text)
                          for where, text in pane_texts(w)]
        studio.close_explanation()
    return shown


def assert_one_notation(shown, mode: str, chinese: bool) -> None:
    bad = [(where, p.pattern, text) for where, text in shown for p in forbidden(mode, chinese)
           if p.search(text)]
    assert bad == [], bad[:6]


@pytest.fixture
def window(make_window, english_afterwards):
    return make_window(1600, 1000)


def check_both_modes_in_both_languages(w, qtbot) -> None:
    for language in ("en", "zh_CN"):
        w.set_language(language)
        qtbot.waitUntil(lambda: (w.menus.file.title() == "文件(&F)") == (language == "zh_CN"))
        for mode in (SAMPLE, BATCH):
            shown = walk(w, mode)
            assert len(shown) > 50
            assert_one_notation(shown, mode, language == "zh_CN")


def test_the_3_2_1_net_keeps_one_notation_per_mode(window, qtbot):
    check_both_modes_in_both_languages(window, qtbot)


def test_the_cat_net_keeps_one_notation_per_mode(window, qtbot, cat_data_dir):
    w = window
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()  # read on a thread
    w.studio.set_layers([20, 7, 5, 1])
    check_both_modes_in_both_languages(w, qtbot)


def test_one_samples_operations_are_what_runs(window):
    """On one sample nothing is summed over samples or scaled by 1/m: 3a is δ itself, 3b a
    column times a row; the loss is the loss function, not σ."""
    studio = window.studio
    for mode, loss, bias, weight in ((SAMPLE, LOSS_FUNCTION, (NOTHING,), (OUTER_PRODUCT,)),
                                     (BATCH, LOSS_OF_EACH, None, None)):
        studio.set_step_mode(mode)
        steps = studio.stepper.stepper.steps
        ops = {s.equation.key: s.operations for s in steps}
        assert ops["loss-bce"] == (loss,)
        if bias is not None:
            assert ops["3a"] == bias and ops["3b"] == weight
        for s in steps:
            studio.stepper.go(s.index + 1)
            title = window.equations.title.text()
            assert "σ of each element" not in title or s.equation.key == "a", title
            if mode == SAMPLE and s.equation.number != 4:  # (4: α scales the gradient)
                assert "sum of" not in title and "scaled by" not in title, title


@pytest.mark.parametrize("language,words", [("en", ("sample 17", "sample 1 ", "sample 1:")),
                                            ("zh_CN", ("样本 17", "样本 1 ", "样本 1："))])
def test_the_explanation_names_the_sample_stepped(window, qtbot, language, words):
    w, studio = window, window.studio
    w.set_language(language)
    qtbot.waitUntil(lambda: (w.menus.file.title() == "文件(&F)") == (language == "zh_CN"))
    studio.set_step_mode(SAMPLE)
    studio.choose_sample(16)  # #17
    steps = studio.stepper.stepper.steps
    loss = next(s for s in steps if s.equation.key.startswith("loss"))
    studio.step_to("loss")
    said = []
    for view in (0, 1, -1):  # a[2] (the output), y, L
        studio.explain_cell(view, 0, 0)
        said.append(plain(w.equations.explain_pane.html()))
    studio.step_to("z", 1)
    studio.explain_cell(1, 5 % loss.operands[0].value.shape[0], 0)  # an input of a[0]
    studio.explain_cell(1, 2, 0)
    said.append(plain(w.equations.explain_pane.html()))
    right, wrong = words[0], words[1:]
    assert all(right in text for text in said[1:]), said
    assert not any(bad in text for text in said for bad in wrong), said


def test_the_diagrams_neuron_speaks_the_stepped_notation(window):
    """Hovering a neuron while stepping: z, a, δ of the one sample, or Z, A, dZ of the batch's
    column of the sample shown (never "δ = dz", the two notations at once)."""
    w, studio = window, window.studio
    studio.choose_sample(4)
    for mode, names in ((SAMPLE, ("<i>z</i>", "<i>a</i>", "<i>δ</i>")),
                        (BATCH, ("<i>Z</i>", "<i>A</i>", "<i>dZ</i>"))):
        studio.set_step_mode(mode)
        studio.step_to("2b", 1)
        d = w.diagram
        d.refresh_now()
        tip = d.tooltip_at(d.neuron_pos(1, 0))
        assert all(n in tip for n in names) and "dz" not in tip, tip
        assert ("[1](5)" in tip) == (mode == BATCH), tip
