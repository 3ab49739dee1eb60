"""Time travel in the window: the timeline model, the cursor on the training plots, the bar under
the plots' options, and the Train menu's keys [ and ] (an iteration earlier or later), Now and
Continue from here. ``install(window)`` is the window's one call."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence

from ..session.timeline_model import TimelineModel
from ..widgets.time_cursor import TimeBar, TimeCursor


class TimeTravel(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.timeline = TimelineModel(window.model, window.training, self)
        self.cursor = TimeCursor(window.cost_plot.plots(), self.timeline, self)
        self.bar = TimeBar(self.timeline)
        window.cost_plot.layout().insertWidget(1, self.bar)  # between the options and the plots
        self.timeline.message.connect(lambda text: window.statusBar().showMessage(text, 15000))
        t = self.timeline
        self.actions: dict[str, QAction] = {}
        window.menus.train.addSeparator()
        for name, slot, key in (("EarlierIterationAction", lambda: t.step(-1), "["),
                                ("LaterIterationAction", lambda: t.step(1), "]"),
                                ("TimeNowAction", t.now, "\\"),
                                ("ContinueFromHereAction", t.continue_from_here, None)):
            action = QAction(window)
            action.setObjectName(name)
            if key:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            window.addAction(action)
            window.menus.train.addAction(action)
            self.actions[name] = action
        t.cursor_changed.connect(self._update_actions)
        t.range_changed.connect(self._update_actions)
        window.installEventFilter(self)
        self.retranslate()
        self._update_actions()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        for name, text in (("EarlierIterationAction", self.tr("An iteration &earlier")),
                           ("LaterIterationAction", self.tr("An iteration &later")),
                           ("TimeNowAction", self.tr("Back to &now")),
                           ("ContinueFromHereAction", self.tr("&Continue from here"))):
            self.actions[name].setText(text)

    def _update_actions(self) -> None:
        t = self.timeline
        self.actions["EarlierIterationAction"].setEnabled(t.available)
        self.actions["LaterIterationAction"].setEnabled(t.past)
        self.actions["TimeNowAction"].setEnabled(t.past)
        self.actions["ContinueFromHereAction"].setEnabled(t.past)


def install(window) -> TimeTravel:
    return TimeTravel(window)
