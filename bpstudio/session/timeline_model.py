"""Time travel: the views show any iteration of the runs that made the current parameters.

Every run (and every single iteration trained) records a Timeline (core/timeline.py): keyframes
every k iterations, the ones between recomputed bit for bit. The runs since the network was built
chain into the record's rows 0…n; the cursor picks one iteration of that chain and the model shows
its network (``NetworkModel.show_past``): every view that draws ``shown_network`` moves with it.
Training, editing and saving keep acting on the latest parameters; at a past iteration nothing
is applied (the stepper steps it, read-only), until the user goes back to now or continues from
there (one undoable command that forgets the later iterations).

A run's rows in the record are checked against the costs it had when it was recorded: an undo,
a continuation or a stepped iteration that rewrote the record cuts the chain there, so a cursor
never shows parameters the record does not belong to.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from ..core import iterations
from ..core.network import Network
from ..core.sessionfile import MAX_SAVED_PIECES, SavedPiece
from ..core.timeline import StartingPoint, Timeline, keyframe_bytes
from .keyframe_budget import KeyframeBudget
from .loading import FileLoader
from .messages import translated
from .timeline_commands import ContinueFrom
from .timeline_pieces import Piece, Segment
from .timeline_prefetch import NearPrefetch
from .timeline_restore import Recomputed, recompute_saved
from .network_model import NetworkModel
from .training import TrainingSession

# the starts of the chain's runs a session file keeps, at most (the cat net's: 2 MB each)
SAVED_STARTS_BYTES = 64e6
class TimelineModel(QObject):
    cursor_changed = Signal()  # the iteration the cursor is at moved, or went back to now
    shown = Signal()  # the views now show the cursor's iteration (its network is in the model)
    range_changed = Signal()  # the iterations the cursor can reach, or the memory they take
    message = Signal(str)

    def __init__(self, model: NetworkModel, training: TrainingSession,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.model, self.training = model, training
        self.cursor: int | None = None  # None: now, the latest parameters
        self._segments: list[Segment] = []
        self._chain: list[Piece] = []  # latest first
        self.budget = KeyframeBudget()  # its own, until Runs makes it the window's (twins)
        self.budget.members.append(self)
        self.given = 0.0  # bytes of keyframes the budget gave its latest run
        self._show = QTimer(self)  # a drag asks many times a frame: the last one is recomputed
        self._show.setSingleShot(True)
        self._show.timeout.connect(self._settle_in_slices)
        self.prefetch = NearPrefetch(self._near_cursor, model, self)  # while the window idles
        # runs of a session as it was opened: their starts, recomputed when the cursor first
        # goes back (timeline_restore.py); the loader whose bar says how far (the window's)
        self._saved: list[SavedPiece] = []
        self._saved_of: Network | None = None
        self._recomputing: FileLoader | None = None  # the loader recomputing them, while it does
        self._startless: Network | None = None  # opened from a file that keeps no run's start
        self.loader: FileLoader = model.loader
        self.run_name = ""  # a twin's name, in what the recomputing says
        training.timeline_started.connect(self._on_timeline_started)
        training.keyframe_budget = self.memory_left
        model.history_appended.connect(self._on_history_appended)
        model.history_changed.connect(self._on_history_changed)
        model.parameters_changed.connect(self._on_parameters_changed)
        model.architecture_changed.connect(self._on_history_changed)

    # ----- reading -------------------------------------------------------------------------------

    @property
    def first(self) -> int:
        """The earliest iteration the cursor reaches (a saved run's once recomputed)."""
        first = self._chain[-1].first if self._chain else len(self.model.history)
        return min(first, self._saved[0].start.iteration) if self._has_saved() else first

    def _has_saved(self) -> bool:
        return bool(self._saved) and self._saved_of is self.model.network \
            and self._saved[-1].last <= len(self.model.history)

    @property
    def last(self) -> int:
        """The latest: now."""
        return len(self.model.history)

    @property
    def available(self) -> bool:
        return (bool(self._chain) or self._has_saved()) and self.first < self.last

    @property
    def past(self) -> bool:
        return self.cursor is not None

    @property
    def settling(self) -> bool:
        """The cursor has moved and the views do not show its iteration yet."""
        return self._show.isActive() or self._recomputing is not None

    @property
    def iteration(self) -> int:
        """The iteration shown: the cursor's, or now's."""
        return self.last if self.cursor is None else self.cursor

    @property
    def nbytes(self) -> int:
        """The memory the reachable runs' keyframes take."""
        runs = {id(p.segment): p.segment for p in self._chain}  # a run's pieces count once
        return sum(s.timeline.nbytes for s in runs.values())

    def keyframe_every(self) -> int:
        """k of the run at the cursor (or the latest run)."""
        piece = self._piece(self.iteration) or (self._chain[0] if self._chain else None)
        return piece.segment.timeline.every if piece else 0

    def memory_left(self) -> float:
        """What the next run's keyframes may take: its share of the window's budget, less what
        the reachable runs keep (KeyframeBudget)."""
        return self.budget.share(self)

    def network_at(self, i: int) -> Network:
        """The network after iteration i − 1 (as iteration i starts): recomputed when needed."""
        piece = self._piece(i)
        if piece is None:
            raise IndexError(f"iteration {i} is not on the timeline ({self.first}…{self.last})")
        return piece.segment.timeline.network_at(i)

    def learning_rates(self) -> list[float]:
        """The learning rate α of the reachable runs, the earliest first, a run on with the same
        α once (one, unless training went on with another α; α, then β, then α again is three)."""
        rates: list[float] = []
        for p in reversed(self._chain):
            alpha = p.segment.timeline.hyper.learning_rate
            if not rates or rates[-1] != alpha:
                rates.append(alpha)
        return rates

    def fork(self, i: int, **changes: object) -> StartingPoint:
        """A new run's start from iteration i with some settings changed (Timeline.fork)."""
        piece = self._piece(i)
        if piece is None:
            raise IndexError(f"iteration {i} is not on the timeline ({self.first}…{self.last})")
        settings: dict[str, Any] = changes  # Timeline.fork checks every one
        return piece.segment.timeline.fork(i, **settings)

    def _piece(self, i: int) -> Piece | None:
        return next((p for p in self._chain if p.first <= i <= p.last), None)

    # ----- moving --------------------------------------------------------------------------------

    def set_cursor(self, i: int | None) -> None:
        """Show iteration i (clamped to the runs recorded; the latest or None: now). The line
        moves at once; the views follow once the event loop is free (a drag's last position)."""
        if i is not None:
            i = int(min(max(int(i), self.first), self.last))
            if i >= self.last or not (self._chain or self._has_saved()):
                i = None
        if i == self.cursor:
            return
        self.cursor = i
        self.cursor_changed.emit()
        self._show.start(0)

    @property
    def startless(self) -> bool:
        """The network was opened from a session file that keeps none of its runs' starts (an
        older one) and has trained nothing since: its iterations are out of the cursor's reach."""
        return (self._startless is self.model.network and not self.available
                and len(self.model.history) > 0)

    def step(self, by: int) -> None:
        """The keys [ and ]: an iteration earlier or later (from now: the one before it)."""
        if self.available:
            self.set_cursor(self.iteration + by)
        elif by < 0 and self.startless:
            self.message.emit(self.tr(
                "The time cursor cannot go back: this session file does not keep where its run "
                "started. Train, then save the session again to keep it."))

    def now(self) -> None:
        self.set_cursor(None)

    def settle(self) -> None:
        """Show the cursor's iteration now (the views follow the model's signal)."""
        self._show.stop()
        shown = self.model.shown.network
        if self.cursor is None:
            if shown is not self.model.network:
                self.model.shown.show(None)
            self.prefetch.stop()
            for p in self._chain:  # what was recomputed near the cursor goes (its budget's)
                p.segment.timeline.forget_near()
        else:
            piece = self._piece(self.cursor)
            if piece is None and self._has_saved():
                self._recompute()  # the views follow once it is done
                return
            if piece is None:
                raise IndexError(f"iteration {self.cursor} is not on the timeline")
            timeline = piece.segment.timeline
            self.model.shown.show(timeline.network_at(self.cursor), timeline.hyper)
            self.prefetch.start()  # the iterations near it, from the next turn of the loop on
        self.shown.emit()

    def _settle_in_slices(self) -> None:
        """The cursor's iteration recomputed a slice a turn (timeline_prefetch.py), then shown."""
        if self.prefetch.toward_cursor():
            self._show.start(0)  # the next one at the next turn: still settling
        else:
            self.settle()

    def _near_cursor(self) -> tuple[Timeline, int] | None:
        i = self.cursor
        piece = None if i is None or self._show.isActive() else self._piece(i)
        return None if piece is None or i is None else (piece.segment.timeline, i)

    def continue_from_here(self) -> bool:
        """Forget the iterations after the cursor's and make its parameters the network's (one
        undoable step); the next run trains on from there."""
        i = self.cursor
        if i is None:
            return False
        if self.model.busy or self.model.building:
            self.message.emit(self.tr("Stop training before continuing from a past iteration."))
            return False
        at = self.network_at(i)
        self.cursor = None
        self.model.undo_stack.push(ContinueFrom(self.model, i, at, f"continue from iteration {i}"))
        self.cursor_changed.emit()
        self.message.emit(self.tr("Continuing from {iteration}: the later iterations were "
                                  "forgotten (Undo brings them back).").format(
            iteration=translated(iterations.iteration(self.model.history.iteration(i)))))
        return True

    # ----- the session file ----------------------------------------------------------------------

    def capture(self) -> list[SavedPiece]:
        """The chain's runs as a session file keeps them, earliest first: each one's start (its
        keyframes, hundreds of MB, are recomputed instead); the latest runs whose starts take
        at most SAVED_STARTS_BYTES."""
        if self._has_saved():  # opened and not gone back to yet: as they came
            return list(self._saved)
        pieces: list[SavedPiece] = []
        kept, m = 0, self.model.dataset.X_train.shape[1]
        for p in self._chain:  # latest first
            t = p.segment.timeline
            kept += keyframe_bytes(t.start.network, t.hyper, m)
            if p.last <= p.first or kept > SAVED_STARTS_BYTES or len(pieces) >= MAX_SAVED_PIECES:
                break
            pieces.append(SavedPiece(t.start, p.last, t.every, t.start_keyframe.blas_threads))
        return pieces[::-1]

    def restore(self, pieces: Sequence[SavedPiece]) -> None:
        """The runs of a session just opened: the cursor reaches them, recomputed the first
        time it goes back."""
        self._saved, self._saved_of = list(pieces), self.model.network
        self._startless = None if pieces else self.model.network
        self.range_changed.emit()

    def _recompute(self) -> None:
        if self._recomputing is not None:
            return
        self._recomputing = self.loader  # its Cancel drops the recomputation: _cancelled
        self.loader.cancelled.connect(self._cancelled)
        self.message.emit(self.tr("The session file keeps where its runs started: their "
                                  "iterations are being recomputed."))
        name = (self.tr("the saved run {name}").format(name=self.run_name) if self.run_name
                else self.tr("the saved run"))
        recompute_saved(self.loader, name, self.model, list(self._saved), self.memory_left(),
                        self._recomputed, self._not_recomputed)

    def _recomputing_ended(self) -> None:
        if self._recomputing is not None:
            self._recomputing.cancelled.disconnect(self._cancelled)
            self._recomputing = None

    def _cancelled(self, _said: str) -> None:
        """Cancel on the loader bar (it dropped the recomputation, under way or waiting): the
        saved runs stay, to be recomputed when the cursor goes back again; the cursor is now."""
        self._recomputing_ended()
        if self.cursor is not None and self._piece(self.cursor) is None:
            self.cursor = None
            self.cursor_changed.emit()
        self.message.emit(self.tr("The saved runs were not recomputed: the time cursor is at now "
                                  "again. Move it back to recompute them."))
        self.settle()

    def _recomputed(self, done: list[Recomputed]) -> None:
        self._recomputing_ended()
        wanted = self._saved[0].start.iteration if self._saved else self.first
        changed = self._saved_of is not self.model.network  # an edit while they were recomputed
        if not changed:
            net = self.model.network
            self._segments += [Segment(r.timeline, net, r.costs) for r in done]
        self._saved = []
        self._rechain()
        reach = translated(iterations.iteration(self.model.history.iteration(self.first)))
        # in place of "…are being recomputed", what came of it
        if changed:
            self.message.emit(self.tr("The saved runs were not recomputed: the network was "
                                      "changed meanwhile."))
        elif self.available and self.first > wanted:
            self.message.emit(self.tr("The saved runs could not be recomputed exactly before "
                                      "{iteration}: the time cursor reaches from there.").format(
                iteration=reach))
        elif self.available:
            self.message.emit(self.tr("Recomputed: the time cursor reaches back to {iteration}.")
                              .format(iteration=reach))
        else:  # the costs differ from the record's from the runs' first iteration on
            self.message.emit(self.tr("The saved runs could not be recomputed exactly: the time "
                                      "cursor cannot go back over them."))
        self._after_recomputing()

    def _not_recomputed(self, why: str) -> None:
        self._recomputing_ended()
        self._saved = []
        self.message.emit(why)
        self.range_changed.emit()
        self._after_recomputing()

    def _after_recomputing(self) -> None:
        """The cursor where it can be: on a run recomputed, or now."""
        i = self.cursor
        if i is not None and self._piece(i) is None:
            self.cursor = None if not self.available else int(min(max(i, self.first), self.last))
            if self.cursor is not None and self.cursor >= self.last:
                self.cursor = None
            self.cursor_changed.emit()
        self.settle()

    # ----- what training and edits change --------------------------------------------------------

    def _on_timeline_started(self, timeline: Timeline) -> None:
        net = self.model.network
        # runs of another network, or that the record no longer holds, are forgotten
        self._segments = [s for s in self._segments if s.network is net
                          and self._valid_end(s) >= s.first
                          and any(p.segment is s for p in self._chain)]
        self._segments.append(Segment(timeline, net))
        self._rechain()

    def _on_history_appended(self) -> None:
        seg = self._recording()
        if seg is not None:
            rows = self.model.history.costs.view()[seg.first + len(seg.costs):seg.timeline.end]
            seg.costs = np.concatenate([seg.costs, rows])
        self._rechain()

    def _recording(self) -> Segment | None:
        t = self.training.timeline
        return next((s for s in reversed(self._segments) if s.timeline is t), None)

    def _on_history_changed(self) -> None:
        self._rechain()
        if self.cursor is not None and not self.first <= self.cursor < self.last:
            self.now()

    def _on_parameters_changed(self) -> None:
        """A new network (an edit while looking back): its views show it, so the cursor is now."""
        if self.cursor is not None and self.model.shown.network is self.model.network \
                and not self._show.isActive():
            self.cursor = None
            self.cursor_changed.emit()

    def _valid_end(self, seg: Segment) -> int:
        """The last iteration of the run the record still holds as the run made it."""
        h = self.model.history.costs.view()
        end = min(seg.timeline.end, len(h), seg.first + len(seg.costs))
        rows, kept = h[seg.first:end], seg.costs[:end - seg.first]
        differ = np.flatnonzero(~((rows == kept) | (np.isnan(rows) & np.isnan(kept))))
        return seg.first + (int(differ[0]) if len(differ) else len(rows))

    def _rechain(self) -> None:
        """The runs that lead to the record's end, latest first, each with its iterations."""
        net, at, chain = self.model.network, len(self.model.history), []
        live = [s for s in self._segments if s.network is net]
        while True:
            seg = next((s for s in reversed(live) if s.first < at <= self._valid_end(s)), None)
            if seg is None:
                break
            chain.append(Piece(seg.first, at, seg))
            at = seg.first
        if not chain:  # a run that has only started: its first iteration, now
            seg = next((s for s in reversed(live) if s.first == at), None)
            chain = [Piece(at, at, seg)] if seg is not None else []
        if [(a, b, id(s)) for a, b, s in chain] != [(a, b, id(s)) for a, b, s in self._chain]:
            self._chain = chain
            self.range_changed.emit()
