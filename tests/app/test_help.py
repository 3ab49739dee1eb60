"""The Help menu: the user guide in both languages, naming the window's real keys and menus; the
keyboard-shortcut sheet; About with the versions and the licences of what is bundled."""

from __future__ import annotations

import re

import h5py
import numpy
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QTextBrowser

from glyphs import boxes

from bpstudio import __version__
from bpstudio.app.help import GUIDES, keys, menu_path
from bpstudio.app.resources import resource_path

# what the guide must name, by the actions that do it
NAMED = ("OpenDatasetAction", "TrainAction", "PauseAction", "StopAction", "OneIterationAction",
         "StepNextAction", "StepPreviousAction", "StepHomeAction", "HelpAction", "UndoAction",
         "OpenImagesAction", "PasteImageAction", "SaveSessionAction", "OpenSessionAction",
         "PresentAction", "LeavePresentAction", "BlankAction", "ZoomInAction", "ZoomOutAction",
         "ZoomResetAction")


def open_help(w, name: str) -> QDialog:
    w.findChild(QAction, name).trigger()
    dialog = next(d for d in w.findChildren(QDialog) if d.isVisible()
                  and d.objectName() in ("UserGuide", "ShortcutSheet", "AboutBox"))
    return dialog


def guide_text(w) -> str:
    dialog = open_help(w, "UserGuideAction")
    assert dialog.objectName() == "UserGuide" and dialog.isVisible()
    return dialog.findChild(QTextBrowser, "UserGuideText").toPlainText()


def test_the_guide_is_shipped_in_both_languages():
    for language, name in GUIDES.items():
        text = resource_path("help", name).read_text(encoding="utf-8")
        # five steps, the stepper, classifying, the classroom, keyboard only and screen readers
        assert text.count("\n## ") == 5, language
        for action in NAMED:
            assert "{key:" + action + "}" in text, (language, action)


def test_the_english_guide_names_the_windows_own_keys_and_menus(make_window):
    w = make_window()
    text = guide_text(w)
    for heading in ("Getting started in five steps", "The stepper: one iteration, equation by "
                    "equation", "Classifying pictures", "In the classroom"):
        assert heading in text
    assert "{" not in text  # every key and menu filled in
    for name in NAMED:
        action = w.findChild(QAction, name)
        assert keys(action) and keys(action) in text, name
    assert "File → Open data set…" in text and menu_path(w.findChild(QAction, "OpenDatasetAction")) \
        == "File → Open data set…"
    assert "Help → Keyboard shortcuts" in text
    for term in ("forward pass", "backward pass", "equation 1", "equation 4", "loss function",
                 "cost function", "hidden layer"):
        assert term in text, term


def test_a_changed_key_is_the_key_the_guide_names(make_window):
    w = make_window()
    w.findChild(QAction, "TrainAction").setShortcut(QKeySequence("Ctrl+Shift+Y"))
    assert "(Ctrl+Shift+Y) starts training" in guide_text(w)


def test_the_chinese_guide_in_the_tutorials_terms(make_window, english_afterwards, qtbot):
    w = make_window()
    w.findChild(QAction, "Language_zh_CN").trigger()
    qtbot.waitUntil(lambda: w.menus.file.title() == "文件(&F)")
    text = guide_text(w)
    for words in ("五步上手", "单步演示", "识别图片", "课堂上", "前向传播", "反向传播", "等式1",
                  "等式2", "等式3", "等式4", "损失函数", "代价函数", "隐含层", "输出层误差",
                  "参数变化率", "单样本输入公式表", "多样本输入公式表"):
        assert words in text, words
    assert "文件 → 打开数据集…" in text and "{" not in text
    for name in NAMED:
        assert keys(w.findChild(QAction, name)) in text, name
    browser = w.findChild(QTextBrowser, "UserGuideText")
    assert boxes(text, browser.font()) == ""  # the bundled font has every character
    w.findChild(QAction, "Language_en").trigger()  # the open guide follows the language
    qtbot.waitUntil(lambda: "Getting started in five steps" in browser.toPlainText())


def test_the_shortcut_sheet_lists_every_key_of_the_window(make_window):
    w = make_window()
    sheet = open_help(w, "ShortcutsAction")
    assert sheet.objectName() == "ShortcutSheet"
    rows = dict(sheet.texts())
    for action in w.findChildren(QAction):
        if keys(action) and action.text():
            text = re.sub(r"\(&\w\)", "", action.text()).replace("&", "")
            assert rows.get(text) == keys(action), (action.objectName(), text)
    assert rows["Quit"] == "Ctrl+Q"
    assert rows["Step forward"] == " / ".join(
        QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
        for k in ("Space", "Right", "PgDown"))


def test_about_says_the_versions_and_shows_the_fonts_licence(make_window, english_afterwards,
                                                            qtbot):
    w = make_window()
    about = open_help(w, "AboutAction")
    assert about.objectName() == "AboutBox"
    said = about.findChild(object, "AboutText").text()
    for version in (__version__, qVersion(), numpy.__version__, h5py.__version__):
        assert version in said
    assert "SIL Open Font License 1.1" in said and "MIT" in said
    licence = about.findChild(QTextBrowser, "LicenceText")
    assert not licence.isVisible()
    qtbot.mouseClick(about.findChild(object, "FontLicenceButton"), Qt.MouseButton.LeftButton)
    assert licence.isVisible()
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence.toPlainText()
    w.findChild(QAction, "Language_zh_CN").trigger()
    qtbot.waitUntil(lambda: "许可证" in about.findChild(object, "AboutText").text())
    assert about.windowTitle() == "关于 BP Studio"


def test_the_shortcut_sheet_and_guide_name_only_keys_a_keyboard_has(make_window):
    """A platform's standard bindings add keys a PC keyboard lacks (a Sun keyboard's Undo F14,
    Paste F18); the sheet and the guide leave them out."""
    w = make_window()
    undo = w.menus.actions["UndoAction"]
    undo.setShortcuts([QKeySequence("Ctrl+Z"), QKeySequence("F14"), QKeySequence("Alt+Backspace")])
    w.menus.actions["PasteImageAction"].setShortcuts([QKeySequence("Ctrl+V"), QKeySequence("F18")])
    native = QKeySequence.SequenceFormat.NativeText
    assert keys(undo) == " / ".join(QKeySequence(k).toString(native)
                                    for k in ("Ctrl+Z", "Alt+Backspace"))
    sheet = open_help(w, "ShortcutsAction")
    listed = [k for _, k in sheet.texts()]
    sheet.close()
    assert dict(sheet.texts())["Undo"] == keys(undo)  # Ctrl+Z / Alt+Backspace, no F14
    for text in listed + [guide_text(w)]:
        assert not re.search(r"\bF(1[3-9]|2\d|3[0-5])\b", text), text
