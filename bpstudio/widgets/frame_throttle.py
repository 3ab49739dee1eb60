"""Redraw on a clock that adapts to what a redraw costs.

While training streams changes, a view redraws at most ``max_hz`` times a second and at most so
often that redrawing takes ``share`` of the time: a 10 ms redraw runs at most every 333 ms. A
user's edit comes through ``request_soon()`` and redraws at once, whatever the clock. So a costly view can never eat the CPU the
trainer needs, and a cheap one stays fluid.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QObject, QTimer

from ..core.trainer import RunState


class FrameThrottle(QObject):
    # reduced motion (View → Reduce motion): streamed redraws at most this often, every view
    calm_interval = 0.0

    @classmethod
    def set_calm(cls, hz: float | None) -> None:
        """Streamed redraws at most ``hz`` a second in every view (None: as the views allow);
        a user's edit still redraws at once."""
        cls.calm_interval = 1.0 / hz if hz else 0.0

    def __init__(self, redraw: Callable[[], None], parent: QObject, max_hz: float = 30.0,
                 share: float = 0.03, clock: Callable[[], float] = time.perf_counter):
        super().__init__(parent)
        self._redraw = redraw
        self._clock = clock
        self._min_interval = 1.0 / max_hz
        self._share = share
        self.interval = self._min_interval
        self.last_cost = 0.0
        self._last = -1e9
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)

    def request(self, *args) -> None:
        """Something changed: redraw now, or at the next allowed moment."""
        if self._timer.isActive():
            return
        self._timer.start(self.wait_ms())

    @property
    def pending(self) -> bool:
        """A change waits for its redraw."""
        return self._timer.isActive()

    def wait_ms(self) -> int:
        """How long a streamed change waits now before it is drawn."""
        interval = max(self.interval, self.calm_interval)
        return max(0, int((self._last + interval - self._clock()) * 1000))

    def request_soon(self, *args) -> None:
        """A user's edit: redraw at the next turn of the event loop, whatever the clock says
        (several edits in one turn still draw once)."""
        if not (self._timer.isActive() and self._timer.remainingTime() == 0):
            self._timer.start(0)

    def _on_timeout(self) -> None:
        start = self._clock()
        self._redraw()
        end = self._clock()
        self.last_cost = end - start
        self.interval = max(self._min_interval, self.last_cost / self._share)
        self._last = end

    def on_run_state(self, state: RunState) -> None:
        """For a model's run_state_changed: a training run that ends shows its last numbers at
        the next turn of the event loop, not a throttled moment later. Not inside the signal:
        there the diagram's and the plots' last redraws came on top of every other view's
        answer to the run's end, and held the window 85–110 ms in one piece (bench_gui.py)."""
        if state is RunState.IDLE and self.pending:
            self.request_soon()

    def flush(self) -> None:
        """Draw a pending change now (the stream ended: show its last state at once)."""
        if self._timer.isActive():
            self._timer.stop()
            self._on_timeout()

    def stop(self) -> None:
        self._timer.stop()


SPEECH_INTERVAL = 1.0  # s: a screen reader hears a view that changes while training this often


class SpeechThrottle(QObject):
    """What a screen reader hears of a view that changes on every progress update: while a run
    trains, a new accessible text is given at most once every ``interval`` seconds (the latest
    one, when its moment comes); a reader is not flooded. ``say_now`` is for what a user did (a
    key, an edit): said at once. A run that pauses or stops has its last text said at once.

    ``setter`` gives the widget its text (setAccessibleDescription); ``redraw_coming``: the view
    has a redraw on its way, which says the newest text itself (a run's end: FrameThrottle)."""

    def __init__(self, setter: Callable[[str], None], parent: QObject,
                 interval: float = SPEECH_INTERVAL, clock: Callable[[], float] = time.monotonic,
                 redraw_coming: Callable[[], bool] = lambda: False):
        super().__init__(parent)
        self._set, self.clock, self.interval = setter, clock, interval
        self._redraw_coming = redraw_coming
        self.said: str | None = None
        self.pending: str | None = None
        self._last = -1e9
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)

    def say(self, text: str, streaming: bool) -> None:
        """``text`` for the reader: at once, or while ``streaming`` (a run trains) at the next
        allowed moment."""
        if not streaming:
            self.say_now(text)
            return
        if text == self.said:
            self.pending = None
            self._timer.stop()
            return
        self.pending = text
        self._on_timeout()

    def _on_timeout(self) -> None:
        """The pending text said if its moment has come, else waited for (by the clock)."""
        wait = self._last + self.interval - self.clock()
        if wait <= 0:
            self.flush()
        elif not self._timer.isActive():
            self._timer.start(int(wait * 1000) + 1)

    def say_now(self, text: str) -> None:
        self._timer.stop()
        self.pending = None
        if text != self.said:
            self._last = self.clock()
            self.said = text
            self._set(text)

    def flush(self) -> None:
        """Say what waits, now."""
        if self.pending is not None:
            self.say_now(self.pending)

    def on_run_state(self, state: RunState) -> None:
        """For a model's run_state_changed: a run that pauses or stops is heard as it ended (by
        the view's coming redraw, when one comes: not the frame before it first)."""
        if state is not RunState.RUNNING:
            if self._redraw_coming():
                self._timer.stop()
                self.pending = None
            else:
                self.flush()
