"""Shared set-up of the GUI benchmarks: an offscreen 1920×1080 window with the cat data open."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DEFAULT_DATA = os.environ.get("BPSTUDIO_CAT_DATA", str(SHARED / "catvnoncat"))


def cat_window(data: str):
    """(app, window): the real main window, shown, with the cat data set loaded."""
    app, window = new_window()
    assert window.files.open_dataset(data), f"cannot open the cat data at {data}"
    window.studio.model.loader.wait()  # read on a thread
    assert window.studio.model.dataset.n_features == 12288, window.statusBar().currentMessage()
    return app, window


def new_window(width: int = 1920, height: int = 1080):
    """(app, window): the real main window, shown, on settings of its own."""
    from bpstudio.app.gui import create_application
    from bpstudio.app.main_window import MainWindow
    from bpstudio.session.studio import Studio

    app = create_application()
    _private_settings()
    window = MainWindow(Studio())
    window.resize(width, height)
    window.show()
    app.processEvents()
    return app, window


def _private_settings() -> None:
    """Settings of their own (never the user's), and windows that close without asking."""
    import tempfile

    from PySide6.QtCore import QSettings

    from bpstudio.app.unsaved_question import ASK_UNSAVED_KEY
    from bpstudio.app.settings import remember

    folder = tempfile.mkdtemp(prefix="bpstudio-bench-")
    os.environ["XDG_DATA_HOME"] = folder
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    remember(ASK_UNSAVED_KEY, False)
