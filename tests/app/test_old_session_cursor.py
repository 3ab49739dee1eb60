"""A session saved before the runs' starts were kept (an older file): the key [ says in the
status bar why the time cursor cannot go back, instead of nothing (issue 28)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog
from test_runs_never_vanish import trained, wait_idle

from bpstudio.core.sessionfile import load_session, save_session


def test_the_earlier_key_says_why_an_older_session_cannot_go_back(make_window, qtbot, tmp_path,
                                                                  monkeypatch):
    w = make_window()
    trained(qtbot, w, 30)
    path = str(tmp_path / "old.bpstudio")
    assert w.studio.save_session(path)
    meta, arrays = load_session(path)  # as a file of an older BP Studio: no run's start in it
    meta.pop("timeline")
    save_session(path, {k: v for k, v in meta.items() if k not in ("format", "version")},
                 {k: v for k, v in arrays.items() if not k.startswith("timeline")})
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (path, ""))
    w.findChild(QAction, "OpenSessionAction").trigger()
    qtbot.waitUntil(lambda: w.statusBar().currentMessage().startswith("Opened old.bpstudio"))
    wait_idle(qtbot, w)
    earlier = w.findChild(QAction, "EarlierIterationAction")
    assert earlier.isEnabled()  # so that it can answer
    qtbot.keyClick(w, Qt.Key.Key_BracketLeft)
    assert w.statusBar().currentMessage() == (
        "The time cursor cannot go back: this session file does not keep where its run started. "
        "Train, then save the session again to keep it.")
    assert w.studio.timeline.cursor is None
