"""Projecting in class: presentation mode (F5 in, Esc out) with its stages (1 the equation, 2 the
network, 3 training, 4 classifying, 5 all of it), the whole UI's scale (Ctrl+ / Ctrl− / Ctrl+0)
and a blank screen (B, which presentation clickers send)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPainter
from PySide6.QtWidgets import QApplication, QMainWindow, QToolBar, QWidget

from ..core.vocabulary import STAGES
from ..session.presentation import Presentation
from .help import plain
from .settings import recall, remember
from .themes import apply_style

SCALES = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
SCALE_KEY = "ui/scale"
STAGE_KEY = "ui/stage"
TOOLBAR_MS = 3000  # the stage bar hides this long after the mouse last moved


class BlankScreen(QWidget):
    """Black over the whole window; any key or click brings the lesson back and does nothing
    else: while it is shown, every key goes to it, before any shortcut (a clicker's Page Down
    must not step the stepper behind a black screen)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("BlankScreen")
        self.hide()

    def paintEvent(self, event) -> None:
        QPainter(self).fillRect(self.rect(), Qt.GlobalColor.black)

    def mousePressEvent(self, event) -> None:
        self.hide()

    def showEvent(self, event) -> None:
        QApplication.instance().installEventFilter(self)
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        QApplication.instance().removeEventFilter(self)
        super().hideEvent(event)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # no shortcut fires: the key press comes here instead
            return True
        if kind == QEvent.Type.KeyPress:
            if not event.isAutoRepeat():
                self.hide()
            return True
        if kind == QEvent.Type.KeyRelease:
            return True
        return False


class Presenter(QObject):
    """Shows ``window`` as the studio's ``presentation`` says (presenting or not, which stage);
    the window's WindowLayout lays out each stage (``arrange_stage``)."""

    def __init__(self, window: QMainWindow, presentation: Presentation):
        super().__init__(window)
        self.window = window
        self.presentation = presentation
        self.presenting = False  # what the window shows now; the model's follows
        self._state = QByteArray()
        self._was_maximized = False
        self.blank = BlankScreen(window)
        self.scale = 1.0
        presentation.choose_stage(recall(STAGE_KEY, "mixed", str))
        presentation.changed.connect(self._on_presentation_changed)
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

        self.present_action = action("", presentation.toggle, ["F5"], "PresentAction")
        self.leave_action = action("", presentation.leave, ["Esc"], "LeavePresentAction")
        self.blank_action = action("", self.toggle_blank, ["B", "."], "BlankAction")
        self.zoom_in_action = action("", lambda: self.step_scale(+1),
                                     [QKeySequence.StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"],
                                     "ZoomInAction")
        self.zoom_out_action = action("", lambda: self.step_scale(-1),
                                      [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"], "ZoomOutAction")
        self.zoom_reset_action = action("", lambda: self.set_scale(1.0), ["Ctrl+0"],
                                        "ZoomResetAction")
        self.stage_actions = {}
        group = QActionGroup(window)
        for k, name in enumerate(STAGES, start=1):
            a = action("", lambda _=False, name=name: presentation.choose_stage(name), [str(k)],
                       f"Stage_{name}")
            a.setCheckable(True)
            a.setActionGroup(group)
            a.setEnabled(False)  # number keys belong to the editors outside presentation mode
            self.stage_actions[name] = a
        self.stage_actions[presentation.stage].setChecked(True)
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("StageBar")
        self.toolbar.setMovable(False)
        self.toolbar.addActions(list(self.stage_actions.values()))
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.blank_action, self.leave_action])
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.toolbar.hide()
        self._hide_bar = QTimer(self)
        self._hide_bar.setSingleShot(True)
        self._hide_bar.setInterval(TOOLBAR_MS)
        self._hide_bar.timeout.connect(self.toolbar.hide)
        self.retranslate()
        self.leave_action.setEnabled(False)
        # the window applies theme and scale together once it has its theme (one restyle)
        self.scale = recall(SCALE_KEY, 1.0, float, lambda v: SCALES[0] <= v <= SCALES[-1])

    def retranslate(self) -> None:
        self.present_action.setText(self.tr("&Presentation mode"))
        self.leave_action.setText(self.tr("Leave presentation"))
        self.blank_action.setText(self.tr("&Blank the screen"))
        titles = {"equations": self.tr("1 Equation"), "network": self.tr("2 Network"),
                  "training": self.tr("3 Training"), "classify": self.tr("4 Classify"),
                  "mixed": self.tr("5 All")}
        for name, a in self.stage_actions.items():
            a.setText(titles[name])
        self.zoom_in_action.setText(self.tr("&Larger"))
        self.zoom_out_action.setText(self.tr("&Smaller"))
        self.zoom_reset_action.setText(self.tr("&Normal size"))
        for a in self.toolbar.actions():  # a button has no mnemonic: "黑屏", not "黑屏(B)"
            a.setIconText(plain(a.text()))
            a.setToolTip(plain(a.text()))

    def actions(self) -> list[QAction]:
        return [self.present_action, self.blank_action, self.zoom_in_action, self.zoom_out_action,
                self.zoom_reset_action]

    # ----- presentation mode ---------------------------------------------------------------------

    @property
    def stage(self) -> str:
        return self.presentation.stage

    def enter(self) -> None:
        self.presentation.present()

    def leave(self) -> None:
        self.presentation.leave()

    def _on_presentation_changed(self) -> None:
        p = self.presentation
        self.stage_actions[p.stage].setChecked(True)
        remember(STAGE_KEY, p.stage)
        if p.presenting and not self.presenting:
            self._enter()
        elif not p.presenting and self.presenting:
            self._leave()
        elif self.presenting:
            self._arrange()

    def _enter(self) -> None:
        w = self.window
        self._state = w.saveState()
        self._was_maximized = w.isMaximized()
        w.menuBar().hide()
        w.statusBar().hide()
        self.presenting = True
        self.leave_action.setEnabled(True)
        for a in self.stage_actions.values():
            a.setEnabled(True)
        QApplication.instance().installEventFilter(self)  # a moving mouse shows the stage bar
        w.showFullScreen()
        self._arrange()
        self._show_bar()

    def _arrange(self) -> None:
        """Lay out the stage: what it shows fills the screen."""
        self.window.arrangement.arrange_stage(self.stage)
        apply_style(self.window, stage=self.stage)
        self._fit_side_dock()

    def _fit_side_dock(self) -> None:
        """In the mixed stage the plots take a third of the width; the diagram and the equations
        the rest. Done again whenever the full-screen window changes size."""
        if self.presenting and self.stage == "mixed":
            w = self.window
            side = w.arrangement.side_dock()
            w.resizeDocks([side], [max(side.minimumSizeHint().width(), w.width() // 3)],
                          Qt.Orientation.Horizontal)

    def _show_bar(self) -> None:
        self.toolbar.show()
        self._hide_bar.start()

    def _leave(self) -> None:
        w = self.window
        self.presenting = False
        self.leave_action.setEnabled(False)
        for a in self.stage_actions.values():
            a.setEnabled(False)
        QApplication.instance().removeEventFilter(self)
        self._hide_bar.stop()
        self.toolbar.hide()
        w.arrangement.arrange_stage(None)
        apply_style(w, stage=None)
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
        elif event.type() == QEvent.Type.MouseMove and self.presenting:
            self._show_bar()
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
