"""F6 and Shift+F6: the keys go from one part of the window to the next, as in a browser or an
office suite: the diagram, the step's matrices, the network editor, the training panel and its
plots, the classified pictures. Each part takes the keys at its first control a user would want
(a matrix of the step, not its buttons), and a raised dock comes forward first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from shiboken6 import isValid

from ..session.call_soon import call_soon


def seen(w: QWidget) -> bool:
    """Whether any of ``w`` is on screen: not behind another dock's tab, not covered whole by
    a scroll area's viewport, not in a part of a splitter closed to nothing. A focus there would
    be a focus nobody sees."""
    return w.isVisible() and not w.visibleRegion().isEmpty()


def first_control(widget: QWidget) -> QWidget | None:
    """``widget`` if Tab can reach it, else the first of its children Tab reaches, in the order
    Tab goes (only what is on screen)."""
    def takes(w: QWidget) -> bool:
        return (seen(w) and w.isEnabled()
                and bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus))

    if takes(widget):
        return widget
    w = widget.nextInFocusChain()
    while w is not None and w is not widget:
        if widget.isAncestorOf(w) and takes(w):
            return w
        w = w.nextInFocusChain()
    return None


class PaneKeys(QObject):
    """``panes``: (the widget, what takes the keys there or None for its first control, the
    dock it lives in or None), in F6's order."""

    def __init__(self, host: QWidget, menu: QMenu, panes) -> None:
        super().__init__(host)
        self.host, self.panes = host, panes
        self.next_action = QAction(host)
        self.next_action.setObjectName("NextPaneAction")
        self.next_action.setShortcut(QKeySequence("F6"))
        self.next_action.triggered.connect(lambda: self.go(1))
        self.previous_action = QAction(host)
        self.previous_action.setObjectName("PreviousPaneAction")
        self.previous_action.setShortcut(QKeySequence("Shift+F6"))
        self.previous_action.triggered.connect(lambda: self.go(-1))
        menu.addSeparator()
        for action in (self.next_action, self.previous_action):
            host.addAction(action)
            menu.addAction(action)
        host.installEventFilter(self)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self.retranslate()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.host and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.next_action.setText(self.tr("Ne&xt part of the window"))
        self.previous_action.setText(self.tr("Previous part of the window"))

    def _target(self, k: int) -> QWidget | None:
        widget, preferred, dock = self.panes[k]
        if dock is not None and not dock.toggleViewAction().isChecked():
            return None  # closed by the user
        if dock is not None:
            dock.raise_()  # a tabbed dock comes forward
        chosen = preferred() if preferred is not None else None
        return chosen if chosen is not None else first_control(widget)

    def current(self) -> int:
        """The part the focus is in (-1: none of them)."""
        focus = QApplication.focusWidget()
        for k, (widget, _, _) in enumerate(self.panes):
            if focus is not None and (focus is widget or widget.isAncestorOf(focus)):
                return k
        return -1

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """The control with the keys went away (disabled while training, hidden): the keys stay
        in its part of the window, at its first control still there, never nowhere."""
        if not isValid(self.host):  # the window is being taken down
            return
        if new is None and old is not None and self.host.isActiveWindow() \
                and self.host.isAncestorOf(old):
            part = next((k for k, (widget, _, _) in enumerate(self.panes)
                         if widget is old or widget.isAncestorOf(old)), -1)
            self._lost = part
            call_soon(self, self._recover_lost)

    def _recover_lost(self) -> None:
        self._recover(self._lost)

    def _recover(self, part: int) -> None:
        if not isValid(self.host) or QApplication.focusWidget() is not None or not self.host.isActiveWindow():
            return
        target = self._target(part) if part >= 0 else None
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.go(1)

    def tab(self, forward: bool, step) -> bool:
        """Tab and Shift+Tab (``step``: the window's own focusNextPrevChild) go on past the
        controls nobody sees, to the next one on screen: the focus is always visible."""
        start = QApplication.focusWidget()
        for _ in range(500):  # (the chain is finite: it comes round to where it started)
            if not step(forward):
                return False
            now = QApplication.focusWidget()
            if now is None or now is start or seen(now):
                return True
        return True

    def go(self, step: int) -> None:
        n = len(self.panes)
        k = self.current()
        for i in range(1, n + 1):
            target = self._target((k + step * i) % n if k >= 0 else (i - 1 if step > 0 else n - i))
            if target is not None:
                target.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return


