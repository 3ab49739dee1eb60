"""Make resources/fonts/BPStudioCJK-Regular.otf: the Chinese characters BP Studio shows, cut from
Noto Sans CJK SC, so Chinese works on machines with no Chinese font (many Linux classrooms).

    pip install fonttools
    python resources/fonts/make_cjk_font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

Run it again when a translation or a lesson brings a new character (tests/app/test_fonts.py says which), with
the PySide6 the app ships with: besides our texts it takes the characters of what Qt itself writes
in Chinese through its own translation (qtbase_zh_CN, which bpstudio/app/i18n.py loads): key names
("右方向" for →, in the menus, the guide and the shortcut sheet), dialog buttons, the context menus
of text fields and Qt's own file dialog. A new shortcut on a key missing from QT_KEYS goes there.

The subset is renamed "BP Studio CJK": the licence (OFL.txt beside it) reserves the name "Source",
"Noto" is Google's trademark, and a system with the full font must not find a partial one under
its name. Only a developer runs this; the app and its tests need nothing but the .otf.
"""

from __future__ import annotations

import sys
from pathlib import Path

FAMILY = "BP Studio CJK"
HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
OUTPUT = HERE / "BPStudioCJK-Regular.otf"


def needed_characters(project: Path = PROJECT) -> set[str]:
    """Every character outside Latin/Greek/symbols in the translations, the user guide, the
    shipped lessons and the sources (the equation titles and language names are written in the
    code)."""
    files = [*(project / "resources" / "translations").glob("*.ts"),
             *(project / "resources" / "help").glob("*.md"),
             *(project / "resources" / "lessons").glob("*.md"),
             *(project / "bpstudio").rglob("*.py")]
    return {c for f in files for c in f.read_text(encoding="utf-8") if ord(c) >= 0x2E80}


# The keys whose names Qt may write in Chinese: the app's shortcuts (Space, → and Page Down step,
# Esc cancels, F1, …) and every key of Qt's standard bindings on any desktop (Undo, Zoom in, Back,
# …: the ones a platform binds to a dedicated key as well), so a new shortcut or another desktop
# finds its key name drawn. (Not every key Qt names: its media keys would add some 90 characters.)
QT_KEYS = ("Left", "Right", "Up", "Down", "Space", "PageUp", "PageDown", "Home", "End", "Escape",
           "Delete", "Insert", "Backspace", "Tab", "Backtab", "Return", "Enter", "Print", "Pause",
           "SysReq", "Clear", "Menu", "Help", "CapsLock", "NumLock", "ScrollLock", "Open", "Close",
           "Save", "New", "Cut", "Copy", "Paste", "Undo", "Redo", "Find", "Cancel", "ZoomIn",
           "ZoomOut", "Back", "Forward", "Refresh", *(f"F{n}" for n in range(1, 36)))


def qt_texts(language: str = "zh_CN") -> list[str]:
    """What Qt, not BP Studio, writes in ``language`` through its qtbase translation: the names
    of QT_KEYS and the modifiers, Qt's standard key bindings, every standard dialog button, the
    context menus of the text widgets and the texts of Qt's own file dialog (where the desktop
    has no native one). Asked of Qt itself, with the translation installed for the while; needs
    a QApplication (an offscreen one is made when there is none)."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt, QTranslator
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialogButtonBox, QFileDialog,
                                   QLabel, QLineEdit, QPlainTextEdit, QTextBrowser, QTextEdit,
                                   QWidget)

    app = QCoreApplication.instance() or QApplication(["make_cjk_font", "-platform", "offscreen"])
    if not isinstance(app, QApplication):
        raise RuntimeError("qt_texts needs a QApplication (it asks Qt's widgets for their texts)")
    qt = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not qt.load(f"qtbase_{language}", folder):
        raise RuntimeError(f"no qtbase_{language}.qm in {folder}: the font would miss Qt's texts")
    app.installTranslator(qt)
    widgets = []
    try:
        native = QKeySequence.SequenceFormat.NativeText
        texts = [QKeySequence(getattr(Qt.Key, f"Key_{k}")).toString(native) for k in QT_KEYS]
        texts += [QKeySequence("Ctrl+Shift+Alt+Meta+A").toString(native),
                  QKeySequence(Qt.KeyboardModifier.KeypadModifier | Qt.Key.Key_1).toString(native)]
        texts += [k.toString(native) for key in QKeySequence.StandardKey
                  for k in QKeySequence.keyBindings(key)]
        box = QDialogButtonBox()
        widgets.append(box)
        texts += [box.addButton(b).text() for b in QDialogButtonBox.StandardButton]
        for editor in (QLineEdit(), QTextEdit(), QTextBrowser(), QPlainTextEdit()):
            widgets.append(editor)
            texts += [a.text() for a in editor.createStandardContextMenu().actions()]
        texts += [QCoreApplication.translate("QAbstractSpinBox", t)  # a spin box adds these
                  for t in ("&Select All", "&Step up", "Step &down")]
        dialog = QFileDialog(None, "", str(HERE))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        widgets.append(dialog)
        texts += [w.text() for kind in (QLabel, QAbstractButton) for w in dialog.findChildren(kind)]
        texts += [w.toolTip() for w in dialog.findChildren(QWidget)]
        texts += [a.text() for a in dialog.findChildren(QAction)]  # its views' context menus
        for view in dialog.findChildren(QWidget, "treeView"):
            texts += [str(view.model().headerData(c, Qt.Orientation.Horizontal))
                      for c in range(view.model().columnCount())]
    finally:
        app.removeTranslator(qt)
        for w in widgets:
            w.deleteLater()
    return [t for t in texts if t]


def qt_characters(language: str = "zh_CN") -> set[str]:
    return {c for t in qt_texts(language) for c in t if ord(c) >= 0x2E80}


def main(source: str) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    if source.endswith(".ttc"):
        fonts = TTCollection(source).fonts
        font = next(f for f in fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    else:
        font = TTFont(source)
    options = subset.Options()
    options.layout_features = ["*"]  # vertical forms and locl are harmless and small
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    characters = needed_characters() | qt_characters()
    subsetter.populate(text="".join(sorted(characters)))
    subsetter.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(f"{FAMILY} subset of {record.toUnicode()}", 3, record.platformID,
                          record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName("BPStudioCJK-Regular", 6, record.platformID, record.platEncID,
                          record.langID)
    cff = font["CFF "].cff
    cff.fontNames = ["BPStudioCJK-Regular"]
    top = cff.topDictIndex[0]
    top.FullName = top.FamilyName = FAMILY
    font.save(OUTPUT)
    print(f"{OUTPUT}: {len(characters)} characters, {OUTPUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
