"""The time cursor: a line on the training plots at the iteration the views show, dragged or
clicked to another one, and a bar saying where it is, with Now and Continue from here.

Both only talk to the TimelineModel: a drag sets its cursor, and the line and the bar move when
its ``cursor_changed`` comes back (napari's dims slider works the same way).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core import iterations
from ..session.messages import capital, translated
from ..session.timeline_model import TimelineModel
from .frame_throttle import FrameThrottle
from .i18n import Retranslatable
from .palette import NOW_LINE, TIME_CURSOR

PAST = TIME_CURSOR.name()
NOW = NOW_LINE.name()

if TYPE_CHECKING:  # imported with the plots, after the first paint (cost_plot.py)
    import pyqtgraph as pg


class TimeCursor(QObject):
    """One movable vertical line per plot, locked together, at the timeline's iteration (the
    plots' x is the iteration, core/iterations.py: the record's row plus its first iteration)."""

    def __init__(self, plots, timeline: TimelineModel, parent: QObject | None = None,
                 frames: FrameThrottle | None = None, drawing: SignalInstance | None = None):
        """``frames``, ``drawing``: the plots' frame clock and their signal as a frame is drawn;
        while a run trains, the line follows its end in the plots' frames (moved at each record,
        it had the plots repainted besides their frames, 5 times a second)."""
        import pyqtgraph as pg

        super().__init__(parent)
        self.timeline = timeline
        self._frames = frames
        self._stale = False  # the run went on: the line moves with the plots' next frame
        self._drawn: tuple | None = None  # the lines' look and bounds as last set
        if drawing is not None:
            drawing.connect(self._catch_up)
        self.lines: list[pg.InfiniteLine] = []
        for plot in plots:
            line = pg.InfiniteLine(angle=90, movable=True)
            line.setZValue(50)  # over the curves
            line.sigDragged.connect(self._on_dragged)
            plot.addItem(line, ignoreBounds=True)  # never widens the plot's range
            plot.scene().sigMouseClicked.connect(lambda event, p=plot: self._on_clicked(p, event))
            self.lines.append(line)
        timeline.cursor_changed.connect(self._update)
        timeline.range_changed.connect(self._on_range_changed)
        self._update()

    def _on_range_changed(self) -> None:
        if self._frames is not None and self.timeline.model.busy and not self.timeline.past:
            self._stale = True  # a run's stream: in the plots' next frame
            self._frames.request()
        else:
            self._update()

    def _catch_up(self) -> None:
        if self._stale:
            self._update()

    @property
    def _first(self) -> int:
        """The iteration of the record's first row (the timeline counts rows)."""
        return self.timeline.model.history.first

    def _on_dragged(self, line: pg.InfiniteLine) -> None:
        self.timeline.set_cursor(round(line.value()) - self._first)

    def _on_clicked(self, plot: pg.PlotItem, event) -> None:
        """A click inside a plot moves the cursor there (a drag of the plot still pans it)."""
        if event.button() != Qt.MouseButton.LeftButton or not self.timeline.available:
            return
        if not plot.vb.sceneBoundingRect().contains(event.scenePos()):
            return
        self.timeline.set_cursor(round(plot.vb.mapSceneToView(event.scenePos()).x()) - self._first)

    def _update(self) -> None:
        import pyqtgraph as pg

        self._stale = False
        t = self.timeline
        past, first = t.past, self._first
        # what changes is set (each set repaints the plots)
        look = (t.available, past, first + t.first, first + t.last)
        changed, self._drawn = look != self._drawn, look
        for line in self.lines:
            if changed:
                line.setVisible(t.available)
                line.setPen(pg.mkPen(PAST if past else NOW, width=3 if past else 1,
                                     style=Qt.PenStyle.SolidLine if past else Qt.PenStyle.DashLine))
                line.setHoverPen(pg.mkPen(PAST, width=4))
                line.setBounds((first + t.first, first + t.last))
            if line.value() != first + t.iteration:
                line.blockSignals(True)  # the model's value, not a drag
                line.setValue(first + t.iteration)
                line.blockSignals(False)

    def value(self) -> float:
        return self.lines[0].value()


class TimeBar(Retranslatable, QWidget):
    """Which iteration the views show, the memory the runs' keyframes take; Now, and Continue
    from here (shown while a past iteration is)."""

    def __init__(self, timeline: TimelineModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("TimeBar")
        self.timeline = timeline
        self.where = QLabel()
        self.where.setObjectName("TimeCursorLabel")
        self.where.setWordWrap(True)
        self.memory = QLabel()
        self.memory.setObjectName("TimelineMemory")
        self.memory.setWordWrap(True)
        self.now_button = QPushButton()
        self.now_button.setObjectName("TimeNowButton")
        self.now_button.clicked.connect(timeline.now)
        self.continue_button = QPushButton()
        self.continue_button.setObjectName("ContinueFromHereButton")
        self.continue_button.clicked.connect(timeline.continue_from_here)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.now_button)
        buttons.addWidget(self.continue_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.where)
        layout.addLayout(buttons)
        layout.addWidget(self.memory)
        timeline.cursor_changed.connect(self._update)
        timeline.range_changed.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.now_button.setText(self.tr("Now"))
        self.now_button.setToolTip(self.tr("Show the latest iteration again"))
        self.continue_button.setText(self.tr("Continue from here"))
        self.continue_button.setToolTip(self.tr(
            "Make this iteration's parameters the network's and forget the later iterations "
            "(Undo brings them back)"))
        self._update()

    def _update(self) -> None:
        t = self.timeline
        self.setVisible(t.available)
        if not t.available:
            return
        h = t.model.history  # the timeline counts the record's rows; the views, iterations
        now = translated(iterations.iteration(h.iteration(t.last)))
        if t.past:
            self.where.setText(self.tr("{iteration} of {n}: a past state, read-only").format(
                iteration=capital(translated(iterations.iteration(h.iteration(t.iteration)))),
                n=iterations.number(h.iteration(t.last))))
        else:
            self.where.setText(self.tr("Now: {iteration} · drag the line or press [ ] to look "
                                       "back").format(iteration=now))
        style = f"color: {PAST}; font-weight: bold" if t.past else ""
        if self.where.styleSheet() != style:  # (each setting re-polishes: ~2 ms a record)
            self.where.setStyleSheet(style)
        self.now_button.setEnabled(t.past)
        self.continue_button.setEnabled(t.past)
        # at the latest iteration (while training, say) the buttons have nothing to do: the bar
        # keeps two lines, and the one plot a 1024×768 window shows keeps its room
        for button in (self.now_button, self.continue_button):
            button.setVisible(t.past)
        size = size_text(t.nbytes)
        self.memory.setText(self.tr("Kept: a keyframe every {k} iterations, {size}").format(
            k=t.keyframe_every(), size=size))
        self.memory.setToolTip(self.tr(
            "The run keeps its parameters every {k} iterations ({size}) and recomputes the "
            "iterations in between, bit for bit.").format(k=t.keyframe_every(), size=size))


def size_text(n: int) -> str:
    """Bytes as a person reads them: 1.1 kB, 2.3 MB, 293 MB."""
    for unit, scale in (("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} B"
