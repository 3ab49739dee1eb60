"""Projecting in class: presentation mode (F5 in, Esc out), the whole UI's scale (Ctrl+ / Ctrl− /
Ctrl+0) and a blank screen (B, which presentation clickers send)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from .settings import recall, remember
from .themes import apply_style

SCALES = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
SCALE_KEY = "ui/scale"


class BlankScreen(QWidget):
    """Black over the whole window; any key or click brings the lesson back."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("BlankScreen")
        self.hide()

    def paintEvent(self, event) -> None:
        QPainter(self).fillRect(self.rect(), Qt.GlobalColor.black)

    def mousePressEvent(self, event) -> None:
        self.hide()


class Presenter(QObject):
    def __init__(self, window: QMainWindow, hide_docks: tuple[str, ...], side_dock: str = ""):
        super().__init__(window)
        self.window = window
        self.hide_docks = hide_docks
        self.side_dock = side_dock  # kept on screen, at a third of the width: the plots
        self.presenting = False
        self._state = QByteArray()
        self._was_maximized = False
        self.blank = BlankScreen(window)
        self.scale = 1.0
        window.installEventFilter(self)

        def action(text, slot, keys, name):
            a = QAction(text, window)
            a.setObjectName(name)
            sequences = []
            for k in keys:  # a sequence listed twice makes the action ambiguous: it never fires
                for seq in (QKeySequence.keyBindings(k) if isinstance(k, QKeySequence.StandardKey)
                            else [QKeySequence(k)]):
                    if seq not in sequences:
                        sequences.append(seq)
            a.setShortcuts(sequences)
            a.triggered.connect(slot)
            window.addAction(a)  # reachable from the keyboard while the menu bar is hidden
            return a

        self.present_action = action("", self.toggle, ["F5"], "PresentAction")
        self.leave_action = action("", self.leave, ["Esc"], "LeavePresentAction")
        self.blank_action = action("", self.toggle_blank, ["B", "."], "BlankAction")
        self.zoom_in_action = action("", lambda: self.step_scale(+1),
                                     [QKeySequence.StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"],
                                     "ZoomInAction")
        self.zoom_out_action = action("", lambda: self.step_scale(-1),
                                      [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"], "ZoomOutAction")
        self.zoom_reset_action = action("", lambda: self.set_scale(1.0), ["Ctrl+0"],
                                        "ZoomResetAction")
        self.retranslate()
        self.leave_action.setEnabled(False)
        self.blank_action.setEnabled(False)
        # the window applies theme and scale together once it has its theme (one restyle)
        self.scale = recall(SCALE_KEY, 1.0, float, lambda v: SCALES[0] <= v <= SCALES[-1])

    def retranslate(self) -> None:
        self.present_action.setText(self.tr("&Presentation mode"))
        self.leave_action.setText(self.tr("Leave presentation"))
        self.blank_action.setText(self.tr("&Blank the screen"))
        self.zoom_in_action.setText(self.tr("&Larger"))
        self.zoom_out_action.setText(self.tr("&Smaller"))
        self.zoom_reset_action.setText(self.tr("&Normal size"))

    def actions(self) -> list[QAction]:
        return [self.present_action, self.blank_action, self.zoom_in_action, self.zoom_out_action,
                self.zoom_reset_action]

    # ----- presentation mode ---------------------------------------------------------------------

    def toggle(self) -> None:
        self.leave() if self.presenting else self.enter()

    def enter(self) -> None:
        if self.presenting:
            return
        w = self.window
        self._state = w.saveState()
        self._was_maximized = w.isMaximized()
        for name in self.hide_docks:
            dock = w.findChild(QDockWidget, name)
            if dock is not None:
                dock.hide()
        w.menuBar().hide()
        w.statusBar().hide()
        self.presenting = True
        self.leave_action.setEnabled(True)
        self.blank_action.setEnabled(True)
        w.showFullScreen()
        self._fit_side_dock()

    def _fit_side_dock(self) -> None:
        """While presenting, the plots take a third of the width; the diagram and the equations
        the rest. Done again whenever the full-screen window changes size."""
        w = self.window
        side = w.findChild(QDockWidget, self.side_dock) if self.side_dock else None
        if side is not None:
            w.resizeDocks([side], [max(side.minimumSizeHint().width(), w.width() // 3)],
                          Qt.Orientation.Horizontal)

    def leave(self) -> None:
        if self.blank.isVisible():  # Esc first brings the picture back
            self.blank.hide()
            return
        if not self.presenting:
            return
        w = self.window
        self.presenting = False
        self.leave_action.setEnabled(False)
        self.blank_action.setEnabled(False)
        w.menuBar().show()
        w.statusBar().show()
        w.restoreState(self._state)
        w.showMaximized() if self._was_maximized else w.showNormal()

    def toggle_blank(self) -> None:
        if self.blank.isVisible():
            self.blank.hide()
        else:
            self.blank.setGeometry(self.window.rect())
            self.blank.raise_()
            self.blank.show()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Resize:
            if self.blank.isVisible():
                self.blank.setGeometry(self.window.rect())
            if self.presenting:
                self._fit_side_dock()
        if (event.type() == QEvent.Type.KeyPress and self.blank.isVisible()
                and event.key() not in (Qt.Key.Key_B, Qt.Key.Key_Period, Qt.Key.Key_Escape)):
            self.blank.hide()
            return True
        return False

    # ----- scale ---------------------------------------------------------------------------------

    def step_scale(self, direction: int) -> None:
        bigger = [s for s in SCALES if s > self.scale + 1e-9]
        smaller = [s for s in SCALES if s < self.scale - 1e-9]
        if direction > 0 and bigger:
            self.set_scale(bigger[0])
        elif direction < 0 and smaller:
            self.set_scale(smaller[-1])

    def set_scale(self, scale: float) -> None:
        """The whole UI's text size: every view's fonts follow the style sheet's sizes."""
        self.scale = min(max(scale, SCALES[0]), SCALES[-1])
        apply_style(self.window, scale=self.scale)
        remember(SCALE_KEY, self.scale)
