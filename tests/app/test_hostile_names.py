"""A name is text, never markup (issue 33, part 1): a class name, a data set's folder, a picture's
file name, a model's class list and a twin run's name that hold tags, entities, style-sheet syntax
or control characters are shown as those characters wherever they appear — no label, tooltip,
legend or pane renders them as rich text — and a window started after each (with the remembered
data set and model) starts and shows them the same way (widgets/plain_text.py is the one home)."""

from __future__ import annotations

import numpy as np
import pytest
from hostile_files import cat_pair, session_with
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (QAbstractItemView, QGraphicsTextItem,
                               QGraphicsView, QLabel, QMessageBox, QTextEdit, QWidget)

from bpstudio.core.modelfile import save_model
from bpstudio.core.network import Network
from bpstudio.widgets.palette import RUN_COLOURS

# an image that does not exist: were it rendered, Qt would try to read it (the issue's
# /dev/zero would hang the test instead of failing it)
IMG = '<img src="/nonexistent-bpstudio/zero.png">'
NAMES = {  # a name in a file (slashes allowed) → what it tries
    "tag": f'{IMG}cat<b>bold</b>',
    "entity": "&amp; &lt;b&gt; R&D",
    "style": "red; background-image: url(x)} QLabel { color: red",
    "control": "a\nb\tc\x00d\u202eevil",
    "table": "<table><tr><td>x</td></tr></table><script>y</script>",
}
FILE_NAMES = {  # the same tries where a file's name holds them (no slash, no NUL)
    "tag": "<img src=zero.png>cat<b>bold<i>",
    "entity": "&amp; &lt;b&gt; R&D",
    "style": "red; background-image: url(x)",
    "control": "a\tb\u202eevil",
    "table": "<table><tr><td>x",
}


def _rich(text: str, fmt) -> bool:
    return fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText
                                             and QtGui.mightBeRichText(text))


def _raw(name: str, text: str) -> bool:
    """``name`` is in ``text`` as written, and written so it differs from its escaped form."""
    return any(c in name for c in "<>&") and name in text


def markup_shown(w: QWidget, name: str) -> list[str]:
    """Every place under ``w`` that would render ``name`` as markup: a rich label or tooltip
    holding it raw, a rich text pane or plot item whose document took a tag of it for a tag."""
    found = []
    for widget in [w, *w.findChildren(QWidget)]:
        kind = f"{type(widget).__name__} {widget.objectName()}"
        if isinstance(widget, QLabel) and _raw(name, widget.text()) \
                and _rich(widget.text(), widget.textFormat()):
            found.append(f"label {kind}: {widget.text()!r}")
        if isinstance(widget, QMessageBox) and _raw(name, widget.text()) \
                and _rich(widget.text(), widget.textFormat()):
            found.append(f"message box {kind}")
        if _raw(name, widget.toolTip()) and QtGui.mightBeRichText(widget.toolTip()):
            found.append(f"tooltip {kind}: {widget.toolTip()!r}")
        if isinstance(widget, QTextEdit) and _tag_taken(widget.toHtml(), name):
            found.append(f"pane {kind}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            m = widget.model()
            for r in range(m.rowCount()):
                tip = m.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) or ""
                if _raw(name, tip) and QtGui.mightBeRichText(tip):
                    found.append(f"item tooltip {kind}: {tip!r}")
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                if isinstance(item, QGraphicsTextItem) and _tag_taken(item.toHtml(), name):
                    found.append(f"plot text {kind}: {item.toPlainText()!r}")
    return found


def _tag_taken(document_html: str, name: str) -> bool:
    """A document took one of ``name``'s tags for markup: an image or a table of it is in the
    document's HTML as one (escaped, it would read &lt;…)."""
    body = document_html.split("<body", 1)[-1]
    return ("<table" in name and "<table" in body) or '<img src="/nonexistent-bpstudio' in body \
        or '<img src="zero.png"' in body


def seen(label: QLabel) -> str:
    """What a label shows a reader: its text, or the text its rich text renders."""
    if not _rich(label.text(), label.textFormat()):
        return label.text()
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


@pytest.fixture(params=sorted(NAMES))
def hostile(request, tmp_path):
    """A data set in a folder named after the name, its class list the name; a model of the
    name's classes; a picture named after it."""
    key = request.param
    name, file_name = NAMES[key], FILE_NAMES[key]
    folder = cat_pair(tmp_path / file_name,
                      train={"list_classes": np.array([b"non " + name.encode(), name.encode()])})
    model = tmp_path / f"{file_name}.npz"
    save_model(model, Network.create([48, 3, 1], seed=1), (4, 4, 3), (f"non {name}", name))
    picture = tmp_path / f"{file_name}.png"
    assert QImage(8, 8, QImage.Format.Format_RGB32).save(str(picture))
    return name, file_name, folder, model, picture


def test_every_name_is_shown_as_its_characters_and_the_next_start_works(make_window, qtbot,
                                                                          hostile):
    name, file_name, folder, model, picture = hostile
    w = make_window()
    assert w.files.open_dataset(str(folder))
    w.studio.model.loader.wait()
    qtbot.waitUntil(lambda: w.studio.model.dataset.classes[1] == name)
    assert w.studio.classify.open_model(str(model))
    w.studio.model.loader.wait()
    qtbot.waitUntil(lambda: list(w.studio.model.network.dims) == [48, 3, 1])
    w.studio.classify.open_paths([str(picture)])
    qtbot.waitUntil(lambda: len(w.studio.classify.results) == 1)
    twin = w.studio.runs.fork(name=name, learning_rate=0.1)
    assert twin is not None
    w.say(f"{name} · {file_name}")
    qtbot.waitUntil(lambda: w.findChild(QLabel, "TwinRunName") is not None)
    for shown in (name, file_name):
        assert markup_shown(w, shown) == []
    # the shown text holds the name's own characters
    assert file_name in w.windowTitle()
    assert name in w.statusBar().currentMessage()
    assert name in w.findChild(QLabel, "TwinRunName").text()
    card = w.gallery.list.itemWidget(w.gallery.list.item(0))
    if "\t" not in file_name and "\n" not in name:  # (rich text makes them spaces)
        tip = QTextDocument()
        tip.setHtml(card.name.toolTip()) if QtGui.mightBeRichText(card.name.toolTip()) \
            else tip.setPlainText(card.name.toolTip())
        assert file_name in tip.toPlainText() and name in seen(card.verdict)
    legend = [item.toPlainText() for item in w.cost_plot.cost_plot.legend.scene().items()
              if isinstance(item, QGraphicsTextItem)]
    if "\n" not in name and "\t" not in name:
        assert any(name in text for text in legend), legend
    session = folder.parent / "names.bpstudio"
    assert w.studio.store.save(str(session))
    w.close()
    # a start after it: the remembered data set and model, the name shown as text again
    again = make_window()
    again.files.restore_last_dataset()
    again.studio.model.loader.wait()
    qtbot.waitUntil(lambda: again.studio.model.dataset.classes[1] == name)
    qtbot.waitUntil(lambda: list(again.studio.model.network.dims) == [48, 3, 1])
    again.studio.classify.open_paths([str(picture)])
    qtbot.waitUntil(lambda: len(again.studio.classify.results) == 1)
    for shown in (name, file_name):
        assert markup_shown(again, shown) == []
    # and the session that holds them: its data set, its pictures, its twin run
    assert again.files.open_session(str(session))
    qtbot.waitUntil(lambda: len(again.studio.runs.twins) == 1 and not again.studio.busy,
                    timeout=60_000)
    assert again.studio.runs.twins[0].name == name
    qtbot.waitUntil(lambda: again.findChild(QLabel, "TwinRunName") is not None)
    for shown in (name, file_name):
        assert markup_shown(again, shown) == []


def test_a_button_or_menu_entry_shows_a_names_ampersand_as_itself(make_window, qtbot, tmp_path):
    """An & marks a shortcut key on a button and in a menu: a class named R&D and a recent file
    named A&B show their & and take no key."""
    folder = cat_pair(tmp_path / "A&B", train={"list_classes": np.array([b"R&D", b"Q&A"])})
    w = make_window()
    assert w.files.open_dataset(str(folder))
    w.studio.model.loader.wait()
    w.equations.retranslate()
    from bpstudio.app.settings import add_recent

    add_recent(str(folder / "train_catvnoncat.h5"))
    menu = w.menuBar().findChild(type(w.menus.file))
    w.files.fill_recent_menu(menu)
    assert any(a.text().replace("&&", "&") == str(folder / "train_catvnoncat.h5")
               and "&&" in a.text() for a in menu.actions())
    picture = tmp_path / "p.png"
    assert QImage(8, 8, QImage.Format.Format_RGB32).save(str(picture))
    w.studio.classify.open_paths([str(picture)])
    qtbot.waitUntil(lambda: len(w.studio.classify.results) == 1)
    w.gallery.list.setCurrentRow(0)
    w.studio.stepper.run_to_end()  # an unlabelled picture: the buttons ask for its class
    qtbot.waitUntil(lambda: w.studio.stepper.needs_label)
    texts = [b.text() for b in w.equations.label_buttons]
    assert texts == ["R&&D (y = 0)", "Q&&A (y = 1)"], texts


@pytest.mark.parametrize("colour", ["red; background-image: url(/nonexistent-bpstudio/x.png)",
                                    "#fff} QLabel { background: url(x)", "1e9", "99999999999999999999",
                                    "\u0661", "", "red\n", "9" * 4000])
def test_a_twin_colour_from_a_file_is_taken_as_a_colour_never_as_a_style_sheet(make_window, qtbot,
                                                                              tmp_path, colour):
    """A session names its twins' colours; a colour that is style-sheet syntax (or no colour at
    all) is one of the run colours, never pasted into the name's style sheet."""
    w = make_window()
    assert w.files.open_dataset(str(cat_pair(tmp_path / "data")))
    w.studio.model.loader.wait()
    assert w.studio.runs.fork(learning_rate=0.1) is not None
    good = tmp_path / "good.bpstudio"
    assert w.studio.store.save(str(good))
    w.close()

    def hostile(meta):
        meta["runs"][0]["colour"] = colour
    path = session_with(good, tmp_path / "colour.bpstudio", hostile)
    again = make_window()
    assert again.files.open_session(str(path))
    qtbot.waitUntil(lambda: len(again.studio.runs.twins) == 1 and not again.studio.busy,
                    timeout=60_000)
    qtbot.waitUntil(lambda: again.findChild(QLabel, "TwinRunName") is not None)
    sheet = again.findChild(QLabel, "TwinRunName").styleSheet()
    said = sheet.split("color:")[1].split(";")[0].strip()
    assert QColor(said).isValid() and said in [QColor(c).name() for c in RUN_COLOURS], sheet
    assert "url" not in sheet and "QLabel" not in sheet and "\n" not in sheet


def test_no_label_of_a_new_window_guesses_its_format(make_window, qtbot, tmp_path):
    """No label is left to Qt's guess, which takes a name with a tag for HTML: not in a new
    window, nor among those made later (the editor's layer rows, the step's symbols, a
    picture's card, a twin run's view, the lesson pane made when a lesson first opens), which
    are plain or say RichText and escape their names."""
    w = make_window()
    w.studio.model.add_hidden_layer()
    w.studio.stepper.run_to_end()
    picture = tmp_path / "p.png"
    assert QImage(8, 8, QImage.Format.Format_RGB32).save(str(picture))
    assert w.files.open_dataset(str(cat_pair(tmp_path / "data")))
    w.studio.model.loader.wait()
    w.studio.classify.open_paths([str(picture)])
    qtbot.waitUntil(lambda: len(w.studio.classify.results) == 1)
    assert w.studio.runs.fork(learning_rate=0.1) is not None
    qtbot.waitUntil(lambda: w.findChild(QLabel, "TwinRunName") is not None)
    assert w.lessons.pane is not None  # (made now, as when a lesson first opens)
    guessing = [f"{type(label.parent()).__name__}.{label.objectName()}"
                for label in w.findChildren(QLabel) if label.textFormat() == Qt.TextFormat.AutoText]
    assert guessing == []


LESSON = """# {name} | {name}

## {name} chapter | {name} 章

### {name} beat | {name} 节

en:
Plain words.

zh:
中文。
"""


@pytest.mark.parametrize("key", ["tag", "entity", "table", "style"])
def test_a_lessons_names_are_text_in_the_lesson_pane(make_window, qtbot, tmp_path, key):
    """A lesson's title, chapter and beat names come from a file anyone writes: shown as text."""
    name = NAMES[key]
    path = tmp_path / "lesson.md"
    path.write_text(LESSON.format(name=name), encoding="utf-8")
    w = make_window()
    opened = w.lessons.open_file(str(path))
    if "<" in name:  # the lesson format refuses HTML (docs/lessons.md): said, and as text
        assert not opened and w.statusBar().currentMessage()
        assert markup_shown(w, name) == []
        return
    assert opened
    qtbot.waitUntil(lambda: name in w.lessons.pane.title.text())
    assert markup_shown(w, name) == []
    assert any(name in label.text() for label in w.findChildren(QLabel)
               if label.objectName() != "LessonTitle" and label is not w.lessons.pane.title)
