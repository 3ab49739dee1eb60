"""The editor's limits are the files' (issue 33 §4): λ stopped at 100 in the editor and the fork
dialog while a session of λ 1,000 opened (the box then said 100, the run trained with 1,000);
every box of a hyper-parameter takes what HyperParameters.validate takes, from core/trainer.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

from bpstudio.core.trainer import MAX_ITERATIONS, MAX_L2, MAX_LEARNING_RATE


def type_into(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


@pytest.fixture
def moons(make_window):
    w = make_window()
    assert w.studio.choose_preset("plane-moons")
    return w


@pytest.mark.parametrize("box, field, limit, typed", [
    ("L2", "l2", MAX_L2, "5000"),
    ("Iterations", "iterations", MAX_ITERATIONS, "99999999"),
])
def test_a_box_takes_up_to_the_files_limit_and_no_more(moons, qtbot, box, field, limit, typed):
    w = moons
    spin = w.findChild(QDoubleSpinBox if field == "l2" else QSpinBox, box)
    type_into(qtbot, spin, str(limit))
    assert spin.value() == limit and getattr(w.studio.model.hyper, field) == limit
    type_into(qtbot, spin, typed)  # beyond it: the box takes no digit that would pass it
    assert spin.value() <= limit and getattr(w.studio.model.hyper, field) == spin.value()


def test_a_session_of_the_largest_lambda_shows_it(moons, qtbot, tmp_path):
    w = moons
    assert w.studio.set_hyper(l2=MAX_L2)
    path = tmp_path / "strong.bpstudio"
    assert w.studio.store.save(str(path))
    assert w.studio.set_hyper(l2=0.5)
    assert w.files.open_session(str(path))
    w.studio.model.loader.wait()
    qtbot.waitUntil(lambda: w.studio.model.hyper.l2 == MAX_L2)
    assert w.findChild(QDoubleSpinBox, "L2").value() == MAX_L2  # was 100: not what trains


def test_the_fork_dialog_takes_the_same_limits(moons, qtbot):
    from bpstudio.widgets.twin_views import ForkDialog

    w = moons
    dialog = ForkDialog(w.studio.model, False, w)
    qtbot.addWidget(dialog)
    assert (dialog.l2.maximum(), dialog.rate.maximum()) == (MAX_L2, MAX_LEARNING_RATE)
    type_into(qtbot, dialog.l2, str(MAX_L2))
    assert dialog.changes()["l2"] == MAX_L2
    twin = w.studio.fork_twin(**dialog.changes())
    assert twin is not None and twin.model.hyper.l2 == MAX_L2
