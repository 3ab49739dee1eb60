"""Remembered settings: counted at once, written to the INI file by a thread of their own."""

from __future__ import annotations

import threading

from PySide6.QtCore import QSettings

from bpstudio.app import settings


def on_disk(key, default=None):
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "BP Studio",
                     "BP Studio").value(key, default)


def test_a_remembered_value_counts_at_once_and_reaches_the_file():
    settings.remember("ui/theme", "projector")
    assert settings.recall("ui/theme", "light", str) == "projector"
    assert settings.flush()
    assert on_disk("ui/theme") == "projector"
    settings.add_recent("/tmp/a.bpstudio")
    settings.add_recent("/tmp/b.bpstudio")
    assert settings.recent_files() == ["/tmp/b.bpstudio", "/tmp/a.bpstudio"]
    assert settings.flush()
    assert on_disk(settings.RECENT_KEY) == ["/tmp/b.bpstudio", "/tmp/a.bpstudio"]


def test_the_file_is_written_off_the_calling_thread(monkeypatch):
    """The write ends in a sync to disk: never on the GUI thread."""
    assert settings.flush()  # the fixture's own setting
    writers = []
    real = QSettings.setValue

    def set_value(self, key, value):  # every QSettings of the app, as it writes
        writers.append(threading.current_thread().name)
        real(self, key, value)
    monkeypatch.setattr(QSettings, "setValue", set_value)
    settings.remember("ui/scale", 1.25)
    assert settings.flush()
    assert writers == ["bpstudio-settings"]
    assert float(on_disk("ui/scale")) == 1.25


def test_flush_sleeps_until_the_writer_says_the_value_is_written(monkeypatch):
    """No polling: flush waits on the writer's condition, woken when the value lands."""
    assert settings.flush()  # the fixture's own setting
    release = threading.Event()
    real = QSettings.sync

    def held_sync(self):  # a slow disk: the write lands when the test says
        release.wait(30)
        real(self)
    monkeypatch.setattr(QSettings, "sync", held_sync)
    settings.remember("ui/scale", 1.5)
    assert not settings.flush(timeout=0.01)  # still on its way
    flushed = []
    waiter = threading.Thread(target=lambda: flushed.append(settings.flush(timeout=30)))
    waiter.start()
    release.set()
    waiter.join(30)
    assert flushed == [True] and float(on_disk("ui/scale")) == 1.5


def test_switching_theme_and_language_leaves_them_in_the_file(make_window, english_afterwards):
    w = make_window()
    w.set_theme("dark")
    assert w.set_language("zh_CN")
    assert settings.flush()
    assert on_disk("ui/theme") == "dark" and on_disk("ui/language") == "zh_CN"


def test_the_high_contrast_theme_is_chosen_in_the_menu_and_comes_back_next_time(make_window):
    """View → Theme → High contrast: white on black, the diagram's lines on black too; the next
    window starts in it."""
    from PySide6.QtGui import QPalette

    w = make_window()
    w.menus.themes["contrast"].trigger()  # as a click on the menu item
    assert w.menus.themes["contrast"].text() == "High contrast (white on black)"
    assert settings.flush() and on_disk("ui/theme") == "contrast"
    assert w.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert w.diagram.theme.key == "contrast"
    w.close()
    again = make_window()
    assert again.menus.themes["contrast"].isChecked()
    assert again.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    again.set_theme("light")
