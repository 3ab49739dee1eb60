"""The Chinese interface as a user sees it, read whole: every menu and action, every dock, every
visible label, button, combo item, tooltip and list item of the window with the tutorial's 3–2–1
net and with the cat data, the plots (titles, axes, legends and their right-click menu), the
diagram's painted legend, every step of the stepper and its F1 text, the fork dialog, About, the
user guide and the shortcut sheet.

Three rules hold for all of it:
- no Latin word but the names and symbols of ALLOWED (W[l], dZ, σ, relu, key names, file kinds,
  units, the app's name, the licences' names);
- Chinese sentences take full-width punctuation: no ASCII comma, colon, semicolon, "!" or "?"
  after a Chinese character, no ASCII brackets around Chinese words (a menu's mnemonic "(&F)",
  Qt's convention, aside);
- one term per idea, the tutorial's where it has one (TERMS): z is 线性结果, a is 激活函数输出,
  b is 偏差, stepping is 单步演示, one name per data set.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QComboBox,
                               QDockWidget, QGroupBox, QLabel, QLineEdit, QListWidget, QMenu,
                               QTabBar, QTableWidget, QTextEdit, QWidget)

from bpstudio.app.help import GUIDES, AboutBox, GuideDialog, ShortcutSheet
from bpstudio.app.resources import resource_path
from bpstudio.session.stepper_model import BATCH, SAMPLE
from bpstudio.widgets.twin_views import ForkDialog
from user_actions import train_and_wait

CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"

# Latin words a Chinese screen may show: symbols of the tutorial's notation and of maths, the
# activations' names (as the tutorial writes them), the initialisers named after people, key
# names, file kinds, units, and the names of the app, its parts and licences (About)
ALLOWED = {
    # notation and maths
    "dZ", "dA", "dW", "db", "dz", "da", "relu", "sigmoid", "tanh", "leaky", "leaky_relu",
    "linear", "ReLU", "log", "max", "min", "randn", "exp", "sin", "NaN", "L2", "XOR",
    "meanOfEachRow",  # the tutorial's own code, quoted
    # initialisers named after their authors
    "He", "Xavier", "LeCun",
    # keys, as Qt writes them in Chinese too
    "Ctrl", "Shift", "Alt", "Esc", "Home", "End", "PgUp", "PgDown", "Ins", "Del", "Tab", "Enter",
    # file kinds and numbers' types
    "CSV", "PNG", "SVG", "HDF5", "JPEG", "npz", "bpstudio", "h5", "hdf5", "md", "float32",
    "float64",
    # units
    "MB", "GB", "KB", "ms", "px",
    # a language in its own words (View → Language)
    "English",
    # names: the tutorial's BP, the cat data's files, what About names and licenses
    "BP", "catvnoncat", "Python", "Qt", "PySide6", "numpy", "pyqtgraph", "h5py", "threadpoolctl",
    "MIT", "LGPL", "BSD", "OFL", "SIL", "Adobe",
}
# names of more than one word, allowed as a whole only
ALLOWED_NAMES = ("BP Studio CJK", "BP Studio", "SIL Open Font License", "Noto Sans CJK SC",
                 "Page Down", "Page Up")
# one term per idea: (what must not appear, what to say instead)
TERMS = (
    (r"加权输入", "z is 线性结果, the tutorial's term"),
    (r"激活值", "a is 激活函数输出, the tutorial's term"),
    (r"偏置", "b is 偏差, the tutorial's term"),
    (r"单步执行|单步查看", "stepping is 单步演示"),
    (r"两个高斯", "the Gaussians' data set is 两团高斯"),
    (r"猫图数据(?!集)|(?<!图)猫数据", "the cat data is 猫图数据集"),
    (r"演练数据", "the 2-D sets are 二维游乐场's"),
    (r"隐藏层", "the tutorial's 隐含层"),
    (r"正向传播", "the tutorial's 前向传播"),
)


def plain(text: str) -> str:
    """What a label shows: rich text without its tags."""
    if re.search(r"<[A-Za-z/][^>]*>", text):
        # a_k, w_jk: an index, not a word (QTextEdit.toHtml writes <sub> as a styled span)
        text = re.sub(r"<su[bp]>|<span style=\"[^\"]*vertical-align:su[bp][^\"]*\">", "_", text)
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return html.unescape(text)


def latin_words(text: str) -> list[str]:
    """The Latin words of ``text`` that are not allowed names or symbols."""
    for name in ALLOWED_NAMES:
        text = text.replace(name, " ")
    text = re.sub(r"[\w.*-]*\.(?:h5|hdf5|csv|npz|bpstudio|png|svg|jpe?g|md|txt|bmp|gif|webp|"
                  r"tiff?)\b", " ", text)  # file names and patterns
    text = re.sub(r"\b[A-Za-z]+_[A-Za-z0-9]+\b", " ", text)  # z_j, w_jk: the tutorial's indices
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", text)
    # a symbol with its index (x1, W2), and the function keys of a PC keyboard (F1 … F12)
    return [w for w in words if len(w) > 1 and w not in ALLOWED
            and not re.fullmatch(r"[A-EG-Za-z]\d+|F(?:[1-9]|1[0-2])", w)]


def punctuation_faults(text: str) -> list[str]:
    """ASCII punctuation in a Chinese sentence: a comma, colon, semicolon, "!" or "?" after a
    Chinese character, or ASCII brackets around Chinese words (a mnemonic "(&F)" and a
    function's argument, p(猫), aside)."""
    text = re.sub(r"\(&\w\)", "", text)
    faults = re.findall(f"[{CJK}] ?[,:;!?]|[{CJK}]\\(", text)
    faults += [m.group(0) for m in re.finditer(r"(?<![A-Za-z])\([^()]*\)", text)
               if re.search(f"[{CJK}]", m.group(0))]
    return faults


def term_faults(text: str) -> list[str]:
    return [f"{m.group(0)} ({why})" for pattern, why in TERMS for m in re.finditer(pattern, text)]


def faults(shown: list[tuple[str, str]]) -> list[tuple[str, str, list[str]]]:
    bad = []
    for where, text in shown:
        found = ([f"Latin {w!r}" for w in latin_words(text)] + punctuation_faults(text)
                 + term_faults(text))
        if found:
            bad.append((where, text[:160], found))
    return bad


# ----- reading what a user sees ------------------------------------------------------------------

def menu_texts(menu: QMenu, where: str) -> list[tuple[str, str]]:
    out = [(where, menu.title())]
    for action in menu.actions():
        if action.menu() is not None:
            out += menu_texts(action.menu(), f"{where} → {action.menu().title()}")
        elif action.text():
            out.append((f"{where} → {action.objectName()}", action.text()))
            if menu.toolTipsVisible():
                out.append((f"{where} → {action.objectName()} tooltip", action.toolTip()))
            out.append((f"{where} → {action.objectName()} status tip", action.statusTip()))
    return out


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every text of ``root``'s visible widgets, their tooltips and status tips."""
    out = []
    for x in [root, *root.findChildren(QWidget)]:
        if x is not root and not x.isVisibleTo(root):
            continue
        name = f"{type(x).__name__} {x.objectName()}"
        texts = [x.toolTip(), x.statusTip(), x.accessibleDescription()]
        if isinstance(x, QLabel):
            texts.append(x.text())
        elif isinstance(x, QAbstractButton):
            texts.append(x.text())
        elif isinstance(x, QGroupBox):
            texts.append(x.title())
        elif isinstance(x, QDockWidget):
            texts.append(x.windowTitle())
        elif isinstance(x, QComboBox):
            texts += [x.placeholderText()]
            for row in range(x.count()):
                texts += [x.itemText(row), x.itemData(row, Qt.ItemDataRole.ToolTipRole) or ""]
        elif isinstance(x, QAbstractSpinBox):
            texts += [x.specialValueText(), getattr(x, "prefix", str)(),
                      getattr(x, "suffix", str)()]
        elif isinstance(x, QLineEdit):
            texts.append(x.placeholderText())
        elif isinstance(x, QTabBar):
            for k in range(x.count()):
                texts += [x.tabText(k), x.tabToolTip(k)]
        elif isinstance(x, QListWidget):
            for k in range(x.count()):
                texts += [x.item(k).text(), x.item(k).toolTip()]
        elif isinstance(x, QTableWidget):
            texts += [x.item(r, c).text() for r in range(x.rowCount())
                      for c in range(x.columnCount()) if x.item(r, c) is not None]
        elif isinstance(x, QTextEdit):
            texts.append(x.toHtml())
        out += [(name, plain(t)) for t in texts if t and t.strip()]
    return out


def plot_texts(w) -> list[tuple[str, str]]:
    """The plots' titles, axis labels and legends: pyqtgraph draws them, no QLabel holds them."""
    out = []
    for plot in w.cost_plot.plots():
        out.append(("plot title", plain(plot.titleLabel.text)))
        for side in ("left", "bottom"):
            out.append((f"plot axis {side}", plain(plot.getAxis(side).labelText)))
        out += [("plot legend", plain(label.text)) for _, label in plot.legend.items]
    return out


def plot_menu_texts(w, qtbot) -> list[tuple[str, str]]:
    """A right click on a plot, as a user makes it: the menu that opens."""
    view = w.cost_plot.graphics
    centre = view.mapFromScene(w.cost_plot.cost_plot.vb.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=centre)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    texts = [(f"plot menu {a.objectName()}", a.text()) for a in menu.actions() if a.text()]
    menu.close()
    return texts


def diagram_texts(w) -> list[tuple[str, str]]:
    d = w.diagram
    out = [("diagram legend", t) for t in d.legend_texts()]
    d.refresh_now()  # the column labels as painted: a title, and its detail lines
    out += [("diagram column", t) for label in d.scene.layout.labels
            for t in (label.title, *label.detail.split("\n"))]
    return out + [("diagram status tip", d.statusTip()), ("diagram banner", d.preview_words())]


def stepper_texts(w) -> list[tuple[str, str]]:
    """Every step of the iteration, one sample and the batch: the title, the note, F1's text."""
    panel, stepper = w.equations, w.studio.stepper
    out = []
    for mode in (SAMPLE, BATCH):
        stepper.set_mode(mode)
        stepper.home()
        out += [(f"{mode} start", panel.title.text()), (f"{mode} start note", panel.note.text())]
        for k in range(1, len(stepper.stepper.steps) + 1):
            stepper.go(k)
            step = stepper.stepper.current
            exempt = [step.formula, step.result.name, *(o.name for o in step.operands)]
            for part, text in (("title", panel.title.text()), ("note", panel.note.text()),
                               ("why", plain(panel.why(step)))):
                for symbol in exempt:  # a formula is notation in every language
                    text = text.replace(symbol, " ")
                out.append((f"{mode} step {k} {part}", text))
    stepper.home()
    return out


def explain_texts(w) -> list[tuple[str, str]]:
    """The explain pane for the first number of every step's result, one sample and the batch,
    and a weight's chain rule with its nudge check."""
    panel, stepper, studio = w.equations, w.studio.stepper, w.studio
    out = []
    for mode in (SAMPLE, BATCH):
        stepper.set_mode(mode)
        for k in range(1, len(stepper.stepper.steps) + 1):
            stepper.go(k)
            studio.explain_cell(-1, 0, 0)
            out += [(f"{mode} step {k} explained: {where}", text)
                    for where, text in widget_texts(panel.explain_pane)]
    studio.explain_weight(1, 0, 0)
    studio.nudge()
    out += [(f"weight explained: {where}", text) for where, text in widget_texts(panel.explain_pane)]
    studio.close_explanation()
    stepper.home()
    return out


def window_texts(w) -> list[tuple[str, str]]:
    out = [("window title", w.windowTitle())]
    for top in w.menuBar().actions():
        if top.menu() is not None:
            out += menu_texts(top.menu(), plain(top.text()))
    listed = {a for m in w.findChildren(QMenu) for a in m.actions()}
    out += [(f"action {a.objectName()}", a.text()) for a in w.findChildren(QAction)
            if a not in listed and a.text() and a.shortcuts()]  # the shortcut sheet lists them
    # presentation mode's stage bar (shown when the mouse moves): its buttons show iconText
    stage_bar = [(f"stage bar {a.objectName()}", text) for a in w.presenter.toolbar.actions()
                 for text in (a.iconText(), a.toolTip()) if text]
    return out + widget_texts(w) + stage_bar + plot_texts(w) + diagram_texts(w)


def dialog_texts(w) -> list[tuple[str, str]]:
    out = []
    for kind in (AboutBox, ShortcutSheet, GuideDialog):
        dialog = w.help_windows.show(kind)
        out += [(f"{dialog.objectName()} title", dialog.windowTitle())]
        out += [(f"{dialog.objectName()}: {where}", text) for where, text in widget_texts(dialog)
                if "LicenceText" not in where]  # the OFL's own words, in the licence's language
        dialog.close()
    fork = ForkDialog(w.studio.model, False, w)
    fork.show()
    out += [(f"fork dialog: {where}", text) for where, text in
            [("title", fork.windowTitle()), *widget_texts(fork)]]
    fork.close()
    return out


@pytest.fixture
def chinese_window(make_window, english_afterwards, qtbot):
    w = make_window(1600, 1000)
    assert w.set_language("zh_CN")
    qtbot.waitUntil(lambda: w.menus.file.title() == "文件(&F)")
    return w


def assert_chinese(shown: list[tuple[str, str]]) -> None:
    bad = faults(shown)
    assert bad == [], "\n".join(f"{where}: {text!r}: {found}" for where, text, found in bad[:30])


# ----- the rules see what they are meant to -------------------------------------------------------

def test_the_rules_catch_english_mixed_punctuation_and_other_terms():
    assert latin_words("视图(&V) → View All") == ["View", "All"]
    assert latin_words("撤销 Ctrl+Z / F14，帮助 F1，x1、W2") == ["F14"]
    assert latin_words("训练集第 1 个（y = 0，non-cat）") == ["non", "cat"]
    assert latin_words("打开 train_catvnoncat.h5（Ctrl+O）：W[1]、dZ[2]、σ′(z)，sigmoid") == []
    assert punctuation_faults("第 1 次迭代：17 个步骤 (训练集第 17 个（y = 0）)") == [
        "(训练集第 17 个（y = 0）)"]
    assert punctuation_faults("代价: 0.69, 准确率") == ["价:"]
    assert punctuation_faults("文件(&F)") == [] and punctuation_faults("斜率 (C(w + ε) − C) / 2ε") == []
    assert punctuation_faults("p(猫) = 0.93") == [] and punctuation_faults("黑屏(B)") == ["屏("]
    assert term_faults("逐层计算加权输入 Z[l]") and term_faults("打开猫数据集") and \
        not term_faults("打开猫图数据集")


def test_every_translation_and_the_guide_keep_the_punctuation_and_the_terms():
    """What no walk reaches (a refused file's message, a lesson's fault, the lessons' texts)
    keeps the rules too."""
    import xml.etree.ElementTree as ET

    ts = resource_path("translations", "bpstudio_zh_CN.ts")
    if not ts.exists():  # an installed copy ships the .qm alone
        ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / ts.name
    shown = [(m.find("source").text, "".join(m.find("translation").itertext()))
             for m in ET.parse(ts).getroot().iter("message")]
    shown.append(("the guide", resource_path("help", GUIDES["zh_CN"]).read_text(encoding="utf-8")))
    bad = [(where, text, punctuation_faults(text) + term_faults(text)) for where, text in shown
           if punctuation_faults(text) + term_faults(text)]
    # the lessons speak both languages in one file (English quotes the tutorial's Chinese
    # terms): their terms only
    lessons = Path(__file__).resolve().parents[2] / "resources" / "lessons"
    for path in sorted(lessons.glob("*.md")):
        found = term_faults(path.read_text(encoding="utf-8"))
        if found:
            bad.append((path.name, "", found))
    assert bad == []


# ----- the window, its menus, the plots, the Help windows ----------------------------------------

@pytest.mark.qt_log_ignore("^This plugin does not support grabbing the keyboard")  # the plot's menu
def test_the_chinese_window_with_the_3_2_1_net(chinese_window, qtbot):
    w = chinese_window
    shown = window_texts(w) + plot_menu_texts(w, qtbot) + dialog_texts(w)
    assert any("三个特征" in t for _, t in shown)  # the built-in set by its Chinese name
    assert any("显示全部曲线" in t for _, t in shown)  # the plot's own menu opened
    initialisers = w.editor.init_box
    assert [initialisers.itemText(k) for k in range(initialisers.count())] == [
        "LeCun（教程所用）", "小随机数（0.01·randn）", "He", "Xavier", "全零"]
    assert_chinese(shown)
    w.studio.model.set_hyper(iterations=100)
    train_and_wait(qtbot, w)  # the panel's numbers, the plots' curves, the gallery's test set
    assert_chinese(window_texts(w) + [("status bar", w.statusBar().currentMessage())]
                   + stepper_texts(w) + explain_texts(w))


def test_the_chinese_window_with_the_cat_data(chinese_window, cat_data_dir, qtbot):
    w = chinese_window
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()
    qtbot.waitUntil(lambda: w.studio.model.dataset.n_features == 12288, timeout=30_000)
    w.gallery_dock.raise_()
    w.gallery.tabs.setCurrentIndex(1)  # the test set, each picture with the class it is given
    qtbot.waitUntil(lambda: w.gallery.test_list.count() == 50, timeout=30_000)
    w.studio.choose_sample(2)  # the third training picture: a cat
    shown = window_texts(w)
    assert_chinese(shown + stepper_texts(w))
    said = "\n".join(t for _, t in shown)
    # the cat data's classes by their Chinese names, in the stepper, the diagram and the gallery
    assert "y = 1，猫" in said and "非猫" in said and not re.search(r"\bcat\b", said)


def test_the_chinese_window_with_the_playground_and_a_twin_run(chinese_window, qtbot):
    """The 2-D playground's panel and output view, and a twin run: its name is made of symbols
    (a session keeps it), its panel and curves beside the window's."""
    w = chinese_window
    assert w.studio.choose_preset("plane-moons")
    qtbot.waitUntil(w.plane_view.isVisible, timeout=10_000)
    twin = w.studio.runs.fork(init="zeros", batch_size=20)
    assert twin.name == "B: W = 0, m = 20"
    panels = [(f"twin panel: {where}", text) for panel in w.twin_runs.panels
              for where, text in widget_texts(panel)]
    assert_chinese(window_texts(w) + panels)

