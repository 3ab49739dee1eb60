"""What a screen reader finds: Qt's accessibility tree of the window (QAccessible interfaces,
walked from the window down), every control in it named, and the custom views named with a
description that says their numbers — the diagram, the step's formula and matrices, the plots,
the output plane, the classified pictures — in English and in Chinese."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from bpstudio.core.stepper import BACKWARD

R = QAccessible.Role
# what a user acts on: each must say what it is
CONTROLS = {R.PushButton, R.CheckBox, R.RadioButton, R.ComboBox, R.SpinBox, R.Slider,
            R.EditableText, R.PageTab, R.List, R.ButtonMenu, R.ButtonDropDown, R.Table}


def walk(interface, found: list) -> None:
    """Every visible interface under ``interface``, as (role, name, description, object)."""
    if interface is None or not interface.isValid() or interface.state().invisible:
        return
    found.append((interface.role(), interface.text(QAccessible.Text.Name),
                  interface.text(QAccessible.Text.Description), interface.object()))
    for k in range(interface.childCount()):
        walk(interface.child(k), found)


def tree(window) -> list:
    found: list = []
    walk(QAccessible.queryAccessibleInterface(window), found)
    return found


def described(found, name: str):
    """The (name, description) of the object named ``name`` in the tree."""
    hits = [(n, d) for _, n, d, obj in found if obj is not None and obj.objectName() == name]
    assert hits, f"{name} is not in the accessibility tree"
    return hits[0]


def a_number(text: str) -> bool:
    return re.search(r"\d", text) is not None


@pytest.fixture
def stepped(make_window, qtbot):
    """The XOR playground with a few iterations trained and the stepper in the backward pass."""
    w = make_window()
    w.studio.use_builtin("xor")
    qtbot.waitUntil(lambda: w.studio.model.dataset.points_train is not None)
    w.studio.set_hyper(iterations=20)
    w.studio.train()
    qtbot.waitUntil(lambda: len(w.studio.model.history) >= 20, timeout=60_000)
    qtbot.waitUntil(lambda: not w.studio.model.busy, timeout=60_000)
    w.studio.stepper.jump_to(BACKWARD)
    qtbot.waitUntil(lambda: w.studio.stepper.current_step() is not None)
    w.diagram.refresh_now()
    w.cost_plot.frames.request_soon()
    qtbot.waitUntil(lambda: "Cost C" in w.cost_plot.graphics.accessibleDescription())
    return w


def test_every_control_in_the_tree_has_a_name(stepped):
    found = tree(stepped)
    unnamed = [(role, obj.objectName() or type(obj).__name__) for role, name, _, obj in found
               if role in CONTROLS and not name.strip()]
    assert unnamed == []
    assert sum(1 for role, *_ in found if role in CONTROLS) > 30  # the walk saw the window


def test_the_custom_views_say_their_numbers(stepped, qtbot):
    w = stepped
    found = tree(w)
    name, said = described(found, "NetworkDiagram")  # no neuron chosen yet: its columns
    assert name == "Network diagram" and "n[1] = 2" in said and "neuron 1" not in said
    w.diagram.clearFocus()
    w.diagram.setFocus(Qt.FocusReason.TabFocusReason)  # the keys come: the first neuron
    found = tree(w)
    name, said = described(found, "NetworkDiagram")
    assert name == "Network diagram" and "neuron 1 of 2" in said and a_number(said)
    step = w.studio.stepper.current_step()
    name, said = described(found, "StepFormula")
    assert name.startswith(f"equation {step.equation.label}, ") and f"layer {step.layer}" in name
    assert " equals " in said and "·" not in said and "=" not in said  # signs said in words
    for k in range(len(step.operands) + 1):
        name, said = described(found, f"StepMatrix{k}")
        assert name.startswith("matrix ") and " by " in name and a_number(said)
    name, said = described(found, "PlaneHeatmap")
    assert name == "Output over the input plane" and "test accuracy" in said
    cost = w.studio.model.history.costs.view()[-1]
    plots = [(n, d) for _, n, d, obj in found if obj is w.cost_plot.graphics]
    assert plots and plots[0][0].startswith("Training plots")
    assert f"{cost:.4g}" in plots[0][1] and re.search(r"falling|rising|about flat", plots[0][1])


def test_a_cell_chosen_by_keys_reads_its_row_column_and_value(stepped, qtbot):
    w = stepped
    view = w.equations.views[0]
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    rows = view.value.shape[0]
    i = min(1, rows - 1)
    value = float(view.value[i, 0])
    name, said = described(tree(w), view.objectName())
    assert f"row {i + 1}, column 1 = {value:.6g}".replace("-", "−") in said


def test_the_verdicts_of_the_test_set_are_read(make_window, qtbot, cat_data_dir):
    w = make_window()
    w.studio.open_dataset(str(cat_data_dir / "train_catvnoncat.h5"))
    qtbot.waitUntil(lambda: w.studio.model.dataset.is_image, timeout=60_000)
    w.gallery_dock.raise_()
    w.gallery.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: w.gallery.test_list.count() == 50, timeout=60_000)
    item = w.gallery.test_list.item(0)
    said = item.data(Qt.ItemDataRole.AccessibleTextRole)
    assert said.startswith("test picture 1: p = ") and re.search(r"right|wrong, it is", said)
    name, _ = described(tree(w), "TestSetGallery")
    assert name == "Test set pictures with their verdicts"


def test_in_chinese_the_views_speak_chinese(stepped, qtbot, english_afterwards):
    from bpstudio.app import i18n

    i18n.apply_language("zh_CN")
    w = stepped
    w.studio.step_next()
    qtbot.waitUntil(lambda: "等式" in w.equations.formula.accessibleName()
                    and w.diagram.accessibleName() == "网络图")  # every view has heard it
    found = tree(w)
    for name in ("NetworkDiagram", "StepFormula", "StepMatrix0", "PlaneHeatmap"):
        n, d = described(found, name)
        assert re.search(r"[\u4e00-\u9fff]", n + d), (name, n, d)
    unnamed = [obj.objectName() for role, n, _, obj in found if role in CONTROLS and not n.strip()]
    assert unnamed == []
