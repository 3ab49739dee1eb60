"""Time travel in the window: the cursor on the training plots, the bar under the plots' options,
and the Train menu's keys [ and ] (an iteration earlier or later), Now and Continue from here,
all on the studio's timeline."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ..session.timeline_model import TimelineModel
from ..widgets.cost_plot import CostPlot
from ..widgets.time_cursor import TimeBar, TimeCursor


class TimeTravel(QObject):
    """``host``: the widget whose shortcuts the keys are (the window)."""

    def __init__(self, timeline: TimelineModel, cost_plot: CostPlot, menu: QMenu,
                 host: QWidget) -> None:
        super().__init__(host)
        self.host = host
        self.timeline = t = timeline
        self.cost_plot = cost_plot
        self._cursor: TimeCursor | None = None  # on the plots, once they are built
        cost_plot.when_built(self._on_plots_built)
        self.bar = TimeBar(timeline)
        cost_plot.insert_bar(self.bar)
        self.actions: dict[str, QAction] = {}
        menu.addSeparator()
        for name, slot, key in (("EarlierIterationAction", lambda: t.step(-1), "["),
                                ("LaterIterationAction", lambda: t.step(1), "]"),
                                ("TimeNowAction", t.now, "\\"),
                                ("ContinueFromHereAction", t.continue_from_here, None)):
            action = QAction(host)
            action.setObjectName(name)
            if key:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            host.addAction(action)
            menu.addAction(action)
            self.actions[name] = action
        t.cursor_changed.connect(self._update_actions)
        t.range_changed.connect(self._update_actions)
        host.installEventFilter(self)
        self.retranslate()
        self._update_actions()

    def _on_plots_built(self) -> None:
        if self._cursor is None:
            self._cursor = TimeCursor(self.cost_plot.plots(), self.timeline, self,
                                      self.cost_plot.frames, self.cost_plot.drawing)

    @property
    def cursor(self) -> TimeCursor:
        """The line on the plots (the plots built first if they are not yet)."""
        self.cost_plot.ensure_built()
        self._on_plots_built()
        assert self._cursor is not None
        return self._cursor

    def eventFilter(self, watched, event) -> bool:
        if watched is self.host and event.type() == QEvent.Type.LanguageChange:
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
        # a session file that keeps no run's start: [ says why it cannot go back
        self.actions["EarlierIterationAction"].setEnabled(t.available or t.startless)
        self.actions["LaterIterationAction"].setEnabled(t.past)
        self.actions["TimeNowAction"].setEnabled(t.past)
        self.actions["ContinueFromHereAction"].setEnabled(t.past)
