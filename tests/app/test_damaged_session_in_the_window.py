"""Never lose a file, as the window shows it: after a damaged session is refused, the title, the
"modified" mark and the file Ctrl+S writes are the first session's (issue 22, class 1; every kind
of damage: tests/session/test_hostile_sessions.py)."""

from __future__ import annotations

import numpy as np
from hostile_files import session_with
from PySide6.QtCore import Qt

from bpstudio.core.sessionfile import load_session


def position_not_a_number(meta):
    meta["stepper"]["position"] = "x"


def test_a_damaged_session_leaves_the_window_and_ctrl_s_keeps_the_first_one(make_window, qtbot,
                                                                            tmp_path):
    other = make_window()
    assert other.studio.model.apply_preset("plane-moons")
    b = tmp_path / "b.bpstudio"
    assert other.studio.store.save(str(b))
    w = make_window()
    for _ in range(3):
        w.studio.training.step_once()
    a = tmp_path / "a.bpstudio"
    assert w.studio.store.save(str(a))
    assert w.files.open_session(str(a))
    w.studio.model.loader.wait()
    bad = session_with(b, tmp_path / "bad.bpstudio", position_not_a_number)
    _, saved = load_session(a)
    before = (w.windowTitle(), w.isWindowModified(), w.studio.model.network)
    assert before[0].startswith("a.bpstudio")
    assert w.files.open_session(str(bad))
    w.studio.model.loader.wait()
    assert w.statusBar().currentMessage() == "bad.bpstudio: damaged session (stepper.position)"
    assert (w.windowTitle(), w.isWindowModified(), w.studio.model.network) == before
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.statusBar().currentMessage() == "Saved a.bpstudio.")
    meta, after = load_session(a)  # A still holds A's network
    assert meta["network"]["dims"] == [3, 2, 1]
    for key in ("W1", "b1", "W2", "b2", "costs"):
        np.testing.assert_array_equal(after[key], saved[key])
    # and the good one opens after it, its name in the title
    assert w.files.open_session(str(b))
    w.studio.model.loader.wait()
    assert w.windowTitle().startswith("b.bpstudio") and not w.isWindowModified()
