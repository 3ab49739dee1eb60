"""Chinese without a Chinese font installed: the app brings the characters it writes.

CI's machine has no Chinese font, so there these tests exercise exactly the bundled subset; on a
machine with one they still check that nothing the window shows draws as a box.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from glyphs import boxes
from PySide6.QtGui import QAction, QKeySequence, QRawFont, QShortcut
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QGroupBox, QLabel, QLineEdit, QMenu

from bpstudio.app import i18n
from bpstudio.app.resources import resource_path

FONTS = resource_path("fonts")  # as installed: the package carries the font and its licence
MAKER = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "make_cjk_font.py"


def font_maker():
    spec = importlib.util.spec_from_file_location("make_cjk_font", MAKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bundled_font() -> QRawFont:
    font = QRawFont(str(FONTS / i18n.CJK_FONT_FILE), 16)
    assert font.isValid() and font.familyName() == "BP Studio CJK"
    return font


def without_glyph(texts, font: QRawFont) -> str:
    """The Chinese characters of ``texts`` the bundled font alone cannot draw (no fallback: a
    machine with a Chinese font installed would otherwise hide the gap)."""
    return "".join(sorted({c for t in texts for c in t
                           if ord(c) >= 0x2E80 and not font.supportsCharacter(ord(c))}))


def test_the_bundled_font_has_every_chinese_character_of_the_translations_and_sources(qapp):
    maker = font_maker()
    needed = maker.needed_characters()
    assert "训" in needed and "练" in needed and len(needed) > 300
    font = bundled_font()
    missing = sorted(c for c in needed if not font.supportsCharacter(ord(c)))
    assert missing == [], ("characters without a glyph: run resources/fonts/make_cjk_font.py "
                           f"({''.join(missing)})")
    assert (FONTS / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") == 1


def test_the_bundled_font_has_what_qt_itself_writes_in_chinese(make_window, english_afterwards,
                                                               qtbot):
    """Key names, dialog buttons, context menus: Qt's own translation (qtbase_zh_CN, which i18n
    loads) writes them, not ours, so no .ts file holds their characters. The guide's "→" key once
    came out as "右方向" with 右 in no font where no Chinese font is installed."""
    maker = font_maker()
    font = bundled_font()
    w = make_window()
    assert w.set_language("zh_CN")
    qtbot.waitUntil(lambda: w.menus.file.title() == "文件(&F)")
    native = QKeySequence.SequenceFormat.NativeText
    right = QKeySequence("Right").toString(native)
    assert right != "Right" and any(ord(c) >= 0x2E80 for c in right)  # Qt's translation is on
    # every key of the window, as its menus, the guide and the shortcut sheet write it
    shortcuts = [s.toString(native) for a in w.findChildren(QAction) for s in a.shortcuts()]
    shortcuts += [s.key().toString(native) for s in w.findChildren(QShortcut)]
    assert right in shortcuts and QKeySequence("Space").toString(native) in shortcuts
    box = QDialogButtonBox()
    buttons = [box.addButton(b).text() for b in QDialogButtonBox.StandardButton]
    field = QLineEdit()
    shown = shortcuts + buttons + [a.text() for a in field.createStandardContextMenu().actions()]
    assert without_glyph(shown, font) == "", ("run resources/fonts/make_cjk_font.py (a new "
                                              "shortcut's key: add it to its QT_KEYS first)")
    # the maker asks Qt for the same texts (the font is made from them), and more: every key of
    # Qt's standard bindings, the other text widgets' menus, Qt's own file dialog
    made = maker.qt_texts()
    assert right in made and set(buttons) <= set(made)
    assert without_glyph(made, font) == "", "run resources/fonts/make_cjk_font.py"


def shown_texts(window):
    for w in window.findChildren(QLabel):
        yield w, w.text()
    for w in window.findChildren(QAbstractButton):
        yield w, w.text()
    for w in window.findChildren(QGroupBox):
        yield w, w.title()
    for menu in window.findChildren(QMenu):
        yield menu, menu.title()
        for action in menu.actions():
            yield menu, action.text()


def test_chinese_draws_without_boxes_in_the_window(make_window, english_afterwards, qtbot):
    w = make_window()
    assert w.set_language("zh_CN")
    qtbot.waitUntil(lambda: w.menus.file.title() == "文件(&F)")
    checked = 0
    for widget, text in shown_texts(w):
        if text and any(ord(c) >= 0x2E80 for c in text):
            checked += 1
            assert boxes(text, widget.font()) == "", (widget.objectName(), text)
    assert checked > 50


def test_the_box_check_sees_boxes(qapp):
    """The check above would catch a character no font has (a private-use one here)."""
    from PySide6.QtWidgets import QApplication

    assert boxes("训练\ue000", QApplication.font()) == "\ue000"
    assert boxes("训练", QApplication.font()) == ""


def test_bringing_the_chinese_font_leaves_english_text_as_it_was(tmp_path):
    """The subset is only a fallback: English lines keep their height and width (putting it in
    as a substitute of the interface font once made every line taller). In a process of its own:
    this one brought the font as it started, as the app does."""
    script = textwrap.dedent("""
        import json
        from PySide6.QtWidgets import QApplication, QLabel
        from bpstudio.app import i18n

        app = QApplication([])

        def metrics():
            label = QLabel("max |w| 1.33")
            fm = label.fontMetrics()
            return fm.height(), fm.horizontalAdvance(label.text())

        before = metrics()
        switched = i18n.apply_language("zh_CN")
        print(json.dumps({"before": before, "after": metrics(), "switched": switched,
                          "chinese": QLabel("训练").fontMetrics().horizontalAdvance("训练")}))
    """)
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path))  # what it remembers goes there
    proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout.splitlines()[-1])
    assert seen["switched"] == [True, ""] and seen["chinese"] > 0
    assert seen["after"] == seen["before"]


def test_the_language_menu_writes_its_chinese_name_in_an_english_window(make_window):
    """The font is there from the start, not only after a switch: "简体中文" in the View menu."""
    w = make_window()
    action = w.findChild(object, "Language_zh_CN")
    assert action.text() == "简体中文"
    assert boxes(action.text(), w.menus.view.font()) == ""
