"""File dialogs start where the user last was for that kind of file, else in Documents or home,
never in the folder the app was started from; Save proposes a name from the data and the date."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog


@pytest.fixture
def dialogs_seen(monkeypatch, tmp_path):
    """Every file dialog's proposed folder or file; each answers with what ``answers`` holds."""
    seen: list[tuple[str, str]] = []
    answers: dict[str, object] = {}

    def fake(name):
        def ask(parent, title, where="", *rest, **kw):
            seen.append((name, where))
            answer = answers.get(name, "")
            return answer if name == "getExistingDirectory" else (answer, "")
        return ask

    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, fake(name))
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    started_in = tmp_path / "started-here"
    started_in.mkdir()
    monkeypatch.chdir(started_in)  # where a shell started the app: never a dialog's folder
    return seen, answers, home


def trigger(w, name):
    w.findChild(object, name).trigger()


def test_the_first_dialogs_start_at_home_or_in_documents(make_window, dialogs_seen):
    seen, _, home = dialogs_seen
    w = make_window()
    trigger(w, "OpenSessionAction")
    assert seen[-1] == ("getOpenFileName", str(home))
    (home / "Documents").mkdir()
    for name in ("OpenDatasetAction", "OpenModelAction", "OpenImagesAction", "OpenDataFolderAction"):
        trigger(w, name)
        assert seen[-1][1] == str(home / "Documents"), name


def test_each_kind_of_file_starts_in_its_own_last_folder(make_window, dialogs_seen, tmp_path,
                                                         cat_files):
    seen, answers, home = dialogs_seen
    lessons, pictures = tmp_path / "lessons", tmp_path / "pictures"
    lessons.mkdir(), pictures.mkdir()
    w = make_window()
    assert w.studio.store.save(str(lessons / "one.bpstudio"))
    answers["getOpenFileName"] = str(lessons / "one.bpstudio")
    trigger(w, "OpenSessionAction")
    w.studio.model.loader.wait()
    answers["getOpenFileNames"] = []
    trigger(w, "OpenSessionAction")
    assert seen[-1] == ("getOpenFileName", str(lessons))  # the session's folder …
    trigger(w, "OpenImagesAction")
    assert seen[-1] == ("getOpenFileNames", str(home))  # … is not the pictures'
    answers["getOpenFileNames"] = [str(pictures / "a.png")]
    trigger(w, "OpenImagesAction")
    answers["getOpenFileNames"] = []
    trigger(w, "OpenImagesAction")
    assert seen[-1] == ("getOpenFileNames", str(pictures))
    lessons.rename(tmp_path / "moved")  # a folder that went away: home again
    answers["getOpenFileName"] = ""
    trigger(w, "OpenSessionAction")
    assert seen[-1] == ("getOpenFileName", str(home))


def test_save_session_proposes_the_data_sets_name_and_the_date(make_window, dialogs_seen, qtbot,
                                                                tmp_path, cat_files):
    seen, answers, home = dialogs_seen
    cat_files(tmp_path / "cats")
    w = make_window()
    assert w.files.open_dataset(str(tmp_path / "cats"))
    w.studio.model.loader.wait()
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    today = time.strftime("%Y-%m-%d")
    assert seen[-1] == ("getSaveFileName", str(home / f"cats {today}.bpstudio"))
    answers["getSaveFileName"] = str(tmp_path / "saved" / "mine.bpstudio")
    (tmp_path / "saved").mkdir()
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.statusBar().currentMessage() == "Saved mine.bpstudio.")
    trigger(w, "SaveSessionAsAction")  # its own file, where it is
    assert seen[-1] == ("getSaveFileName", str(tmp_path / "saved" / "mine.bpstudio"))
    answers["getSaveFileName"] = ""
    trigger(w, "ExportDiagramPng")
    assert seen[-1] == ("getSaveFileName", str(home / f"cats diagram {today}.png"))
