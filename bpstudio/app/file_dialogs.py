"""File dialogs that start where the user last was for that kind of file (data, pictures, models,
sessions, exports), else in Documents or home: never the folder the app was started from."""

from __future__ import annotations

import re
import time
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from .settings import recall, remember

DATA, IMAGES, MODELS, SESSIONS, EXPORTS = "data", "images", "models", "sessions", "exports"
LESSONS = "lessons"


def _key(kind: str) -> str:
    return f"folders/{kind}"


def start_folder(kind: str) -> str:
    """The folder the last dialog of this kind chose a file in, if it is still there; else the
    user's Documents (when there is one) or home."""
    last = recall(_key(kind), "", str)
    if last and Path(last).is_dir():
        return last
    for where in (QStandardPaths.StandardLocation.DocumentsLocation,
                  QStandardPaths.StandardLocation.HomeLocation):
        folder = QStandardPaths.writableLocation(where)
        if folder and Path(folder).is_dir():
            return folder
    return str(Path.home())


def _chosen(kind: str, path: str, folder: bool = False) -> str:
    if path:
        remember(_key(kind), str(Path(path) if folder else Path(path).parent))
    return path


def open_file(parent: QWidget, kind: str, title: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(kind), filters)
    return _chosen(kind, path)


def open_files(parent: QWidget, kind: str, title: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start_folder(kind), filters)
    if paths:
        _chosen(kind, paths[0])
    return paths


def open_folder(parent: QWidget, kind: str, title: str) -> str:
    return _chosen(kind, QFileDialog.getExistingDirectory(parent, title, start_folder(kind)), True)


def save_file(parent: QWidget, kind: str, title: str, name: str, filters: str) -> str:
    """``name``: the file proposed (a bare name goes in the kind's folder)."""
    proposal = name if Path(name).is_absolute() else str(Path(start_folder(kind)) / name)
    path, _ = QFileDialog.getSaveFileName(parent, title, proposal, filters)
    return _chosen(kind, path)


def dated_name(what: str, suffix: str) -> str:
    """A file name for ``what`` (a data set's name) and today: "catvnoncat 2024-05-17.bpstudio";
    characters no file system takes are left out."""
    stem = re.sub(r"\.(npz|csv|txt|h5|hdf5)\b", "", what, flags=re.IGNORECASE)
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", stem)
    stem = " ".join(stem.split()) or "session"
    return f"{stem} {time.strftime('%Y-%m-%d')}{suffix}"
