"""Always start (issue 22, class 2): broken settings, a remembered data set or model that is now
damaged (or a FIFO), and a broken autosave never stop the app from starting. The bad value is
dropped with a one-line message and the app starts as fresh."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from hostile_files import deeply_nested_json, fifo
from PySide6.QtCore import QByteArray, QSettings

from bpstudio.app import settings
from bpstudio.app.file_actions import LAST_DATA_KEY, LAST_MODEL_KEY
from bpstudio.app.window_layout import GEOMETRY_KEY, STATE_KEY
from bpstudio.app.presentation import SCALE_KEY
from bpstudio.core.sessionfile import FORMAT
from bpstudio.session.session_store import autosave_path


def ini(folder):
    return folder / "BP Studio" / "BP Studio.ini"


def store():
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "BP Studio", "BP Studio")


BROKEN = {
    "a scale that is not a number": (SCALE_KEY, "banana"),
    "a scale out of range": (SCALE_KEY, "1e9"),
    "a geometry that is text": (GEOMETRY_KEY, "not a geometry"),
    "a geometry of random bytes": (GEOMETRY_KEY, QByteArray(b"\x01\x02garbage")),
    "a window state of random bytes": (STATE_KEY, QByteArray(b"\x00\x00\x00\xffjunk")),
    "an unknown theme": ("ui/theme", "plaid"),
    "an unknown language": ("ui/language", "tlh"),
    "recent files that are a number": ("recent/files", 7),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_setting_is_dropped_with_a_message_and_the_window_starts(make_window, case):
    key, value = BROKEN[case]
    s = store()
    s.setValue(key, value)
    s.sync()
    w = make_window()  # starts
    assert w.isVisible() and w.presenter.scale == 1.0
    w.show_start_problems()
    said = w.statusBar().currentMessage()
    assert f"The remembered setting {key} (" in said and "could not be used; it was reset." in said
    assert settings.flush()
    now = store().value(key)  # dropped from the file (or a good value in its place)
    assert now is None or (now != value and str(now) != str(value))
    w.close()
    again = make_window()
    again.show_start_problems()
    assert "could not be used" not in again.statusBar().currentMessage()


AUTOSAVES = {
    "random bytes": lambda path: path.write_bytes(np.random.default_rng(1).bytes(3000)),
    "JSON of the wrong type": lambda path: _autosave(path, "[1, 2, 3]"),
    "a version that is not a number": lambda path: _autosave(
        path, f'{{"format": "{FORMAT}", "version": "x"}}'),
    "absurdly nested JSON": lambda path: _autosave(path, deeply_nested_json()),
    "a FIFO": lambda path: fifo(path),
}


def _autosave(path, text):
    with open(path, "wb") as f:
        np.savez(f, **{"session.json": np.array(text)})


@pytest.mark.parametrize("case", AUTOSAVES, ids=list(AUTOSAVES))
def test_a_broken_autosave_is_set_aside_with_a_message(make_window, case):
    path = autosave_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    AUTOSAVES[case](path)
    w = make_window()
    assert not w.check_autosave() and not w.restore_bar.isVisible()
    said = w.statusBar().currentMessage()
    assert said.startswith("The autosave cannot be restored (autosave.bpstudio: ")
    assert "it was set aside as" in said and "autosave-damaged.bpstudio" in said
    assert not path.exists() and (path.parent / "autosave-damaged.bpstudio").exists()
    assert not make_window().check_autosave()  # said once: the next start is clean


def test_a_remembered_data_set_and_model_that_no_longer_open_are_forgotten(make_window, qtbot,
                                                                         tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    fifo(data / "train_catvnoncat.h5")  # became a FIFO: it would have hung the start
    (data / "test_catvnoncat.h5").write_bytes(b"")
    model = tmp_path / "m.npz"
    model.write_bytes(b"PK\x03\x04 damaged")
    settings.remember(LAST_DATA_KEY, str(data))
    settings.remember(LAST_MODEL_KEY, str(model))
    w = make_window()
    said = []
    w.studio.model.error_reported.connect(said.append)
    w.files.restore_last_dataset()  # what the app does at start-up
    w.studio.model.loader.wait()
    assert said == ["train_catvnoncat.h5: not a regular file (a device, a pipe or a socket); not read",
                    "m.npz: not a model file (.npz), or a damaged one"]
    assert w.studio.model.dataset.name == "three-features"
    assert settings.recall(LAST_DATA_KEY) is None and settings.recall(LAST_MODEL_KEY) is None
    w.close()  # nothing left to wait for
    assert not w.isVisible()


def test_the_app_starts_with_everything_broken_at_once(tmp_path):
    """As a user starts it: bpstudio, with broken settings, a broken autosave and a remembered
    data set that became a FIFO; it opens and quits on its own."""
    config, data_home = tmp_path / "config", tmp_path / "data"
    (config / "BP Studio").mkdir(parents=True)
    (data_home / "bpstudio").mkdir(parents=True)
    fifo(tmp_path / "train_catvnoncat.h5")
    ini(config).write_text(
        "[ui]\nscale=banana\ntheme=plaid\n[window]\ngeometry=nonsense\nstate=nonsense\n"
        f"[data]\nlast={tmp_path / 'train_catvnoncat.h5'}\n")
    _autosave(data_home / "bpstudio" / "autosave.bpstudio", "[1, 2]")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config),
               XDG_DATA_HOME=str(data_home))
    proc = subprocess.run([sys.executable, "-m", "bpstudio", "--quit-after", "1500"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    written = ini(config).read_text()
    assert "banana" not in written and "plaid" not in written and "nonsense" not in written
    assert "train_catvnoncat.h5" not in written  # the FIFO is forgotten
    assert (data_home / "bpstudio" / "autosave-damaged.bpstudio").exists()


def _start_and_say(config, tmp_path):
    """Start the app as a user would with settings in ``config``: what its status bar says."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config),
               XDG_DATA_HOME=str(tmp_path / "data"))
    script = ("import sys\nfrom bpstudio.app.gui import create_application\n"
              "from bpstudio.app.main_window import MainWindow\n"
              "from bpstudio.session.studio import Studio\n"
              "app = create_application()\nw = MainWindow(Studio())\nw.show()\nw.show_start_problems()\n"
              "print(w.statusBar().currentMessage())\nw.close()\n")
    proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


@pytest.mark.parametrize("mb", [2, 200])
def test_a_settings_file_larger_than_settings_take_is_not_read(tmp_path, mb):
    """A 200 MB settings file took 13 s to read at the start: its size is looked at first, and
    the file is left as it was (sparse here: the test writes no 200 MB)."""
    config = tmp_path / "config"
    (config / "BP Studio").mkdir(parents=True)
    path = ini(config)
    with open(path, "wb") as f:
        f.write(b"[ui]\ntheme=dark\n")
        f.truncate(mb * 1_000_000)
    before = path.stat()
    said = _start_and_say(config, tmp_path)
    assert said == (f"The settings file {path} is {mb} MB, more than settings ever take (1 MB); "
                    "it was not read, and nothing is remembered this time.")
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def test_a_settings_file_that_is_a_fifo_does_not_block_the_start(tmp_path):
    config = tmp_path / "config"
    (config / "BP Studio").mkdir(parents=True)
    fifo(ini(config))  # QSettings would wait for a writer as it is made
    assert _start_and_say(config, tmp_path) == (f"The settings file {ini(config)} is not a regular "
                                                "file; nothing is remembered this time.")
