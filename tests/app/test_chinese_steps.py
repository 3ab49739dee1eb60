"""In 简体中文 the stepper, its notes and "why", and the training panel speak Chinese: no English
word is left outside formulas, symbols and names (W, dZ, relu, the data's class names)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QMenu

from user_actions import train_and_wait
from bpstudio.session.stepper_model import BATCH, SAMPLE

# symbols and names that stay as they are in every language
ALLOWED = {"dZ", "dA", "dW", "db", "relu", "sigmoid", "tanh", "leaky", "linear", "ReLU",
           "log", "exp", "max", "randn", "meanOfEachRow", "XOR", "He", "NaN", "L2", "cat", "non"}


def english_words(text: str, exempt=()) -> list[str]:
    for part in exempt:
        text = text.replace(part, " ")
    text = re.sub(r"\b[A-Za-z]+_[A-Za-z0-9]+\b", " ", text)  # z_j, w_jk: the tutorial's indices
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in ALLOWED]


def walk(window, mode) -> list[tuple[str, str]]:
    """(where, text) of everything the stepper shows, step by step, in ``mode``."""
    window.studio.stepper.set_mode(mode)
    panel = window.equations
    shown = [("start", panel.title.text()), ("start note", panel.note.text())]
    window.studio.stepper.home()
    steps = window.studio.stepper.stepper.steps
    for k in range(1, len(steps) + 1):
        window.studio.stepper.go(k)
        step = window.studio.stepper.stepper.current
        exempt = [step.formula, step.result.name, *(o.name for o in step.operands)]
        for where, text in (("title", panel.title.text()), ("note", panel.note.text()),
                            ("why", panel.why(step)), ("description", panel.accessibleDescription())):
            shown.append((f"{mode} step {k} {where}", (text, exempt)))
    return shown


def assert_chinese(shown):
    bad = []
    for where, item in shown:
        text, exempt = item if isinstance(item, tuple) else (item, ())
        words = english_words(text, exempt)
        if words:
            bad.append((where, words, text))
    assert bad == [], bad[:5]


@pytest.fixture
def chinese_window(make_window, english_afterwards, qtbot):
    w = make_window(1600, 1000)
    w.set_language("zh_CN")
    qtbot.waitUntil(lambda: w.menus.file.title() == "文件(&F)")
    return w


def test_every_step_of_the_3_2_1_net_speaks_chinese(chinese_window):
    w = chinese_window
    for mode in (SAMPLE, BATCH):
        assert_chinese(walk(w, mode))
    assert "等式2b" in w.equations.title.text() or "等式4b" in w.equations.title.text()


def test_every_step_of_the_cat_net_speaks_chinese(chinese_window, cat_data_dir, qtbot):
    w = chinese_window
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()  # read on a thread
    for mode in (SAMPLE, BATCH):
        assert_chinese(walk(w, mode))


def test_the_training_panel_speaks_chinese_and_switches_back(chinese_window, qtbot):
    w = chinese_window
    w.studio.model.set_hyper(iterations=300)
    train_and_wait(qtbot, w)
    panel = w.training_panel
    texts = [panel.speed.text(), panel.cost.text(), panel.accuracy.text(), panel.status.text(),
             w.statusBar().currentMessage()]
    assert all(texts[:3]) and "训练准确率" in panel.accuracy.text()
    assert_chinese([("training panel", t) for t in texts])
    w.set_language("en")
    qtbot.waitUntil(lambda: w.menus.file.title() == "&File")
    assert "iterations" in panel.speed.text() and "train accuracy" in panel.accuracy.text()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_accelerator_letter_twice_in_one_menu(make_window, english_afterwards, qtbot, language):
    w = make_window()
    w.set_language(language)
    qtbot.waitUntil(lambda: w.menus.file.title() == ("文件(&F)" if language == "zh_CN" else "&File"))
    for menu in [w.menuBar(), *w.findChildren(QMenu)]:
        actions = menu.actions()
        letters = []
        for a in actions:
            found = re.search(r"&([^&])", a.text().replace("&&", ""))
            if found:
                letters.append(found.group(1).lower())
        assert len(letters) == len(set(letters)), (menu.title() if isinstance(menu, QMenu) else
                                                    "menu bar", [a.text() for a in actions])
