"""The Help menu's windows: the user guide (resources/help, in the interface's language, naming
the window's own menus and keys), the keyboard-shortcut sheet and About.

The guide's text says ``{key:TrainAction}`` and ``{menu:TrainAction}`` where it names a key or a
menu entry; they are filled in from the window's actions when it is shown, so the guide never
names a key the window does not have.
"""

from __future__ import annotations

import html
import platform
import re

from PySide6.QtCore import QEvent, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QMainWindow, QMenu, QMenuBar, QPushButton, QTableWidget, QTableWidgetItem,
                               QTextBrowser, QVBoxLayout, QWidget)

from .. import __version__
from .i18n import current_language
from .resources import resource_path

GUIDES = {"en": "guide_en.md", "zh_CN": "guide_zh_CN.md"}
FONT_LICENCE = ("fonts", "OFL.txt")


def plain(text: str) -> str:
    """A menu text as read: without its mnemonic ("&File", "文件(&F)")."""
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _typed(sequence: QKeySequence) -> bool:
    """A key a PC keyboard has: not F13–F35 (the platform's standard bindings add a Sun
    keyboard's Undo F14, Copy F16, Open F17, Paste F18, Cut F20) nor a keyboard's own Open / Save /
    Undo / Paste key (they would read "Ctrl+O / Open")."""
    for k in range(sequence.count()):
        key = sequence[k].key().value
        if Qt.Key.Key_F13.value <= key <= Qt.Key.Key_F35.value or key >= Qt.Key.Key_Back.value:
            return False
    return True


def keys(action: QAction) -> str:
    """The action's shortcuts as the menus write them."""
    return " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                      for s in action.shortcuts() if _typed(s))


def _titled_menus(objects) -> list[QMenu]:
    # the menu bar's overflow popup (a narrow window) holds menus too, without a title
    return [menu for menu in objects if isinstance(menu, QMenu) and menu.title()]


def menu_path(action: QAction) -> str:
    """Where a user finds the action: "File → Open data set…"."""
    parts = [plain(action.text())]
    menus = _titled_menus(action.associatedObjects())
    while menus:
        parts.insert(0, plain(menus[0].title()))
        owners = menus[0].menuAction().associatedObjects()
        menus = [] if any(isinstance(o, QMenuBar) for o in owners) else _titled_menus(owners)
    return " → ".join(parts)


def guide_markdown(window: QMainWindow, language: str) -> str:
    """The guide in ``language``, its keys and menu entries read from ``window``'s actions."""
    text = resource_path("help", GUIDES.get(language, GUIDES["en"])).read_text(encoding="utf-8")

    def fill(match: re.Match) -> str:
        action = window.findChild(QAction, match.group(2))
        if action is None:
            raise LookupError(f"the guide names an action the window lacks: {match.group(0)}")
        return keys(action) if match.group(1) == "key" else menu_path(action)

    return re.sub(r"\{(key|menu):(\w+)\}", fill, text)


def _fit(dialog: QDialog, parent: QWidget, width: int, height: int) -> None:
    """As big as asked where there is room; 90 % of a smaller screen (a 1024×768 projector)."""
    screen = (parent.screen() if parent is not None else dialog.screen()).availableGeometry()
    dialog.resize(min(width, int(0.9 * screen.width())), min(height, int(0.9 * screen.height())))


class _HelpDialog(QDialog):
    """A Help window: its body above a Close button; its texts follow the language."""

    def __init__(self, window: QMainWindow, name: str, body: QWidget):
        super().__init__(window)
        self.setObjectName(name)
        self.window_ = window
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(body, 1)
        layout.addWidget(self.buttons)

    def retranslate(self) -> None:  # pragma: no cover - each dialog has its own
        raise NotImplementedError

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class GuideDialog(_HelpDialog):
    def __init__(self, window: QMainWindow):
        self.text = QTextBrowser()
        self.text.setObjectName("UserGuideText")
        self.text.setOpenExternalLinks(True)
        super().__init__(window, "UserGuide", self.text)
        _fit(self, window, 820, 760)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("BP Studio user guide"))
        self.text.setMarkdown(guide_markdown(self.window_, current_language()))


class ShortcutSheet(_HelpDialog):
    """Every key of the window, by menu, read from its actions."""

    def __init__(self, window: QMainWindow):
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("ShortcutTable")
        self.table.verticalHeader().hide()
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a list to read, not to edit
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        super().__init__(window, "ShortcutSheet", self.table)
        _fit(self, window, 640, 820)
        self.retranslate()

    def groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(menu title, [(what, keys)]) for each menu, then the keys no menu lists."""
        listed: set[QAction] = set()
        out = []

        def walk(menu: QMenu, rows: list) -> None:
            for action in menu.actions():
                if action.menu() is not None:
                    walk(action.menu(), rows)
                elif action.shortcuts():
                    listed.add(action)
                    rows.append((plain(action.text()), keys(action)))

        for top in self.window_.menuBar().actions():
            rows: list = []
            if top.menu() is not None:
                walk(top.menu(), rows)
            if rows:
                out.append((plain(top.text()), rows))
        rest = [(plain(a.text()), keys(a)) for a in self.window_.findChildren(QAction)
                if a.shortcuts() and a not in listed and a.text()]
        if rest:
            out.append((self.tr("Presentation mode and elsewhere"), rest))
        return out

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Keys")])
        self.table.setRowCount(0)
        for title, entries in self.groups():
            rows = [(title, "")] + entries
            for k, (what, where) in enumerate(rows):
                row = self.table.rowCount()
                self.table.insertRow(row)
                first, second = QTableWidgetItem(what), QTableWidgetItem(where)
                if k == 0:  # the menu's title, bold, across the row
                    font = first.font()
                    font.setBold(True)
                    first.setFont(font)
                    self.table.setSpan(row, 0, 1, 2)
                self.table.setItem(row, 0, first)
                self.table.setItem(row, 1, second)

    def showEvent(self, event) -> None:
        self.retranslate()  # the keys as they are now
        super().showEvent(event)

    def texts(self) -> list[tuple[str, str]]:
        """What the sheet says, row by row (tests, the accessibility tree)."""
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text())
                for r in range(self.table.rowCount())]


def versions() -> list[tuple[str, str]]:
    import h5py
    import numpy
    import pyqtgraph
    import PySide6

    return [("BP Studio", __version__), ("Python", platform.python_version()), ("Qt", qVersion()),
            ("PySide6", PySide6.__version__), ("numpy", numpy.__version__),
            ("pyqtgraph", pyqtgraph.__version__), ("h5py", h5py.__version__)]


class AboutBox(_HelpDialog):
    def __init__(self, window: QMainWindow):
        self.text = QLabel()
        self.text.setObjectName("AboutText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licence_button = QPushButton()
        self.licence_button.setObjectName("FontLicenceButton")
        self.licence_button.setCheckable(True)
        self.licence = QTextBrowser()
        self.licence.setObjectName("LicenceText")
        self.licence.setPlainText(resource_path(*FONT_LICENCE).read_text(encoding="utf-8"))
        self.licence.hide()
        self.licence_button.toggled.connect(self._on_licence_toggled)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.licence, 1)
        super().__init__(window, "AboutBox", body)
        self.buttons.addButton(self.licence_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.retranslate()

    def _on_licence_toggled(self, on: bool) -> None:
        self.licence.setVisible(on)
        _fit(self, self.window_, 700, 760 if on else self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About BP Studio"))
        self.licence_button.setText(self.tr("The font's licence (OFL)"))
        rows = "".join(f"<tr><td>{html.escape(name)}</td><td>&nbsp;&nbsp;{html.escape(v)}</td></tr>"
                       for name, v in versions())
        licences = [
            self.tr("BP Studio: MIT licence."),
            self.tr("Bundled: the Chinese characters the interface writes, a subset of Noto Sans "
                    "CJK SC (© 2014–2021 Adobe) renamed “BP Studio CJK”, under the SIL Open Font "
                    "License 1.1: the button below shows it."),
            self.tr("It runs on Qt and PySide6 (LGPL 3), pyqtgraph (MIT), numpy, h5py and "
                    "threadpoolctl (BSD), installed beside it with their own licences."),
        ]
        about = self.tr("A visual simulator of back-propagation neural networks, for the "
                        "classroom, after the tutorial “一文搞定BP神经网络”.")
        heading = self.tr("Licences")  # a call inside an f-string: lupdate would not see it
        self.text.setText(
            f"<h2>BP Studio {html.escape(__version__)}</h2><p>{html.escape(about)}</p>"
            f"<table>{rows}</table><h3>{html.escape(heading)}</h3>"
            + "".join(f"<p>{html.escape(t)}</p>" for t in licences))


class HelpWindows:
    """The guide, the shortcut sheet and About, made when first asked for."""

    def __init__(self, window: QMainWindow):
        self.window = window
        self.dialogs: dict[type, QDialog] = {}

    def show(self, kind: type) -> QDialog:
        dialog = self.dialogs.get(kind)
        if dialog is None:
            dialog = self.dialogs[kind] = kind(self.window)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog
