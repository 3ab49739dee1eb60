"""English and Simplified Chinese: complete translations, switched at run time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from bpstudio.app import i18n

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TS = PROJECT_ROOT / "resources" / "translations" / "bpstudio_zh_CN.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    found = shutil.which(name, path=os.path.dirname(sys.executable))
    assert found, f"{name} is not installed next to this Python (PySide6-Essentials ships it)"
    return found


def messages(path: Path):
    for ctx in ET.parse(path).getroot().iter("context"):
        for m in ctx.iter("message"):
            yield ctx.find("name").text, m.find("source").text, m.find("translation")


def test_every_entry_of_the_ts_file_is_translated():
    entries = list(messages(TS))
    assert len(entries) > 200
    for context, source, translation in entries:
        assert translation.get("type") is None, (context, source, translation.get("type"))
        assert translation.text and translation.text.strip(), (context, source)


def test_the_ts_file_holds_every_string_of_the_sources(tmp_path):
    """A tr() string added without its Chinese (or a stale one) fails here."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (PROJECT_ROOT / "bpstudio").rglob("*.py"))
    proc = subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(copy)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    stale = [(c, s, t.get("type")) for c, s, t in messages(copy) if t.get("type")]
    assert stale == [], "untranslated or vanished strings: run pyside6-lupdate and translate them"
    assert len(list(messages(copy))) == len(list(messages(TS)))


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    out = tmp_path / "check.qm"
    proc = subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(out)], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on the .ts and commit the .qm"


def test_switching_to_chinese_and_back_changes_menus_and_panels(make_window, english_afterwards,
                                                                qtbot):
    w = make_window()
    assert w.menus.file.title() == "&File"
    assert w.training_panel.train_button.text() == "Train"
    w.findChild(object, "Language_zh_CN").trigger()
    # installing a translator posts LanguageChange to every widget
    qtbot.waitUntil(lambda: w.menus.file.title() == "文件(&F)")
    assert w.training_panel.train_button.text() == "训练"
    assert w.equations.next_button.text() == "下一步 ▶"
    assert w.editor.add_button.text() == "添加隐含层"
    assert w.findChild(QPushButton, "StepNext").toolTip() == "下一步（空格、→ 或 Page Down）"
    w.studio.stepper.go(11)  # 等式2b: the tutorial's own term
    assert "隐含层误差" in w.equations.title.text() and "第 11 / 17 步" in w.equations.title.text()
    w.findChild(object, "Language_en").trigger()
    qtbot.waitUntil(lambda: w.menus.file.title() == "&File")
    assert w.training_panel.train_button.text() == "Train"
    assert w.equations.title.text().startswith("Step 11 of 17")


def test_the_language_is_remembered(make_window, english_afterwards, qtbot):
    w = make_window()
    w.set_language("zh_CN")
    again = make_window()
    qtbot.waitUntil(lambda: again.menus.file.title() == "文件(&F)")
    assert again.findChild(object, "Language_zh_CN").isChecked()


def test_without_a_chinese_font_the_switch_is_refused_once_with_a_message(make_window, monkeypatch):
    monkeypatch.setattr(i18n, "has_cjk_font", lambda: False)
    w = make_window()
    assert not w.set_language("zh_CN")
    assert "No font for Chinese could be loaded" in w.statusBar().currentMessage()
    assert w.menus.file.title() == "&File" and w.findChild(object, "Language_en").isChecked()
    w.statusBar().clearMessage()
    assert not w.set_language("zh_CN")
    assert w.statusBar().currentMessage() == ""  # said once


def test_f1_explains_the_current_equation(make_window, qtbot):
    from PySide6.QtCore import Qt

    w = make_window()
    w.studio.stepper.go(10)  # 等式2a
    qtbot.keyClick(w, Qt.Key.Key_F1)
    qtbot.waitUntil(w.equations.help.isVisible)
    assert "Why the transpose (the tutorial's FAQ 2)" in w.equations.help.text()
    w.studio.stepper.go(11)  # 等式2b: the text follows the step, with σ′ of these numbers
    text = w.equations.help.text()
    assert "neuron by neuron" in text and "For sigmoid σ′(z) = a(1 − a) is at most 0.25" in text
    primes = w.studio.stepper.stepper.current.operands[1].value
    assert f"between {primes.min():.4g} and {primes.max():.4g}" in text


def test_core_messages_are_translated_too(make_window, english_afterwards, tmp_path, qtbot):
    bad = tmp_path / "train_catvnoncat.h5"
    bad.write_text("not hdf5")
    w = make_window()
    assert w.files.open_dataset(str(bad))  # read on a thread: refused when read
    w.studio.model.loader.wait()
    assert w.statusBar().currentMessage() == "train_catvnoncat.h5: not an HDF5 file, or a damaged one"
    w.set_language("zh_CN")
    qtbot.waitUntil(lambda: w.menus.file.title() == "文件(&F)")
    assert w.files.open_dataset(str(bad))
    w.studio.model.loader.wait()
    assert w.statusBar().currentMessage() == "train_catvnoncat.h5：不是 HDF5 文件，或者文件已损坏"
    assert not w.studio.model.set_hyper(learning_rate=0.0)
    assert w.training_panel.status.text() == "学习率必须大于 0 且不超过 10，而不是 0.0。"


def test_user_messages_survive_pickling_with_their_values():
    import pickle

    from bpstudio.core.datasets import DatasetError
    from bpstudio.core.messages import QT_TRANSLATE_NOOP

    e = DatasetError(QT_TRANSLATE_NOOP("core", "{name}: the file is truncated or damaged"), name="x.h5")
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is DatasetError and back.values == {"name": "x.h5"}
    assert str(back) == "x.h5: the file is truncated or damaged"


SHOWN_ARGS = {  # call name → positions of its arguments a user reads
    "showMessage": (0,), "setText": (0,), "setToolTip": (0,), "setWindowTitle": (0,),
    "setStatusTip": (0,), "setPlaceholderText": (0,), "addAction": (0,), "addMenu": (0,),
    "getOpenFileName": (1, 3), "getOpenFileNames": (1, 3), "getSaveFileName": (1, 3),
    "getExistingDirectory": (1,), "information": (1, 2), "warning": (1, 2), "critical": (1, 2),
    "question": (1, 2),
}


def english_words(node) -> list[str]:
    """The words of a literal (or an f-string's literal parts), leaving out what is inside
    parentheses (file patterns such as "PNG (*.png)"), HTML tags, single letters (formulas) and
    the app's name."""
    import ast
    import re

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = " ".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return []
    text = re.sub(r"\([^)]*\)|<[^>]*>|BP Studio", " ", text)
    return re.findall(r"[A-Za-z]*[a-z]{2,}", text)


def test_no_words_reach_the_user_without_translation():
    """Status messages, dialog titles, file filters, menu entries: written through tr(), or
    they stay English in the Chinese interface (the status bar once said "Opened …")."""
    import ast

    untranslated = []
    for path in sorted((PROJECT_ROOT / "bpstudio").rglob("*.py")):
        if path.parent.name == "core":  # Qt-free: its messages are QT_TRANSLATE_NOOP'd
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            for i in SHOWN_ARGS.get(node.func.attr, ()):
                if i < len(node.args) and english_words(node.args[i]):
                    untranslated.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno} "
                                        f"{ast.unparse(node.args[i])[:60]}")
    assert untranslated == [], "\n".join(untranslated)


def test_the_windows_own_status_messages_follow_the_language(make_window, english_afterwards,
                                                              tmp_path, qtbot):
    w = make_window()
    assert w.studio.store.save(str(tmp_path / "lesson.bpstudio"))
    w.set_language("zh_CN")
    qtbot.waitUntil(lambda: w.menus.file.title() == "文件(&F)")
    assert w.files.open_session(str(tmp_path / "lesson.bpstudio"))
    w.studio.model.loader.wait()  # read on a thread
    assert w.statusBar().currentMessage().startswith("已打开 lesson.bpstudio。")
    w.studio.stepper.home()
    assert w.files.export_step(str(tmp_path)) == []
    assert w.statusBar().currentMessage() == "还没有步骤：按 → 走第一步。"
