"""A running child's reports reach the model a few times a second, coalesced (issue 32: the
window's own work kept from the training process's cores); what must be seen at once is applied
at once: a run's first record, a paused, stopped or finished one, the child's last word, every
record of a run at a watching pace. The clock is the test's own: nothing is timed."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.core.trainer import Progress, ProgressState
from bpstudio.core.training_process import Done, Progressed, Started
from bpstudio.session.report_frames import FRAME_HZ, ReportFrames

RUNNING, PAUSED = ProgressState.RUNNING, ProgressState.PAUSED


def record(first: int, n: int, state: ProgressState = RUNNING, snapshot: bool = True) -> Progressed:
    weights = (np.full((2, 3), float(first + n)),) if snapshot else ()
    return Progressed(Progress(first=first, costs=np.arange(first, first + n, dtype=float),
                               grad_norms=np.ones((n, 1)), done=first + n, total=1000,
                               elapsed=0.1, evaluations=(), state=state, weights=weights,
                               biases=(np.zeros((2, 1)),) if snapshot else ()))


@pytest.fixture
def frames(qtbot):
    """(frames, what each frame applied, the clock in seconds: the test moves it)."""
    applied, now = [], [0.0]
    frames = ReportFrames(applied.append, clock=lambda: now[0])
    frames.start()
    return frames, applied, now


def records_in(reports) -> list[tuple[int, int, ProgressState]]:
    return [(r.record.first, r.record.done, r.record.state) for r in reports
            if isinstance(r, Progressed)]


def test_reports_faster_than_the_frames_are_applied_once_a_frame_as_one(frames, qtbot):
    frames, applied, now = frames
    frames.add([record(0, 1)])  # the run's first cost: at once
    assert [records_in(a) for a in applied] == [[(0, 1, RUNNING)]]
    for k, t in enumerate((0.1, 0.2, 0.3)):  # five a second, the child's rate
        now[0] = t
        frames.add([record(1 + 10 * k, 10, snapshot=k < 2)])
    assert len(applied) == 1 and frames.waiting
    now[0] = 1 / FRAME_HZ
    qtbot.waitUntil(lambda: not frames.waiting)  # the frame's moment
    assert len(applied) == 2 and frames.frames == 2
    [one] = applied[1]
    p = one.record
    assert (p.first, p.done, p.state) == (1, 31, RUNNING)
    np.testing.assert_array_equal(p.costs, np.arange(1, 31))
    assert p.weights[0][0, 0] == 21  # the newest snapshot: the last record carried none
    now[0] += 0.1  # the next record waits for the next frame again
    frames.add([record(31, 10)])
    assert len(applied) == 2 and frames.waiting


def test_a_paused_record_is_applied_at_once_with_what_waited_before_it(frames):
    frames, applied, now = frames
    frames.add([record(0, 1)])
    now[0] = 0.1
    frames.add([record(1, 10)])
    now[0] = 0.15
    frames.add([record(11, 3, PAUSED)])
    assert not frames.waiting  # nothing is left for a frame: the paused run is shown exactly
    assert records_in(applied[-1]) == [(1, 11, RUNNING), (11, 14, PAUSED)]


def test_the_last_word_is_applied_at_once_and_reports_keep_their_order(frames):
    frames, applied, now = frames
    frames.add([record(0, 1)])
    now[0] = 0.1
    frames.add([record(1, 5), Started(4), record(6, 5)])
    assert frames.waiting
    frames.add([record(11, 4, ProgressState.FINISHED), Done(15)])
    assert not frames.waiting
    kinds = [type(r).__name__ for r in applied[-1]]
    assert kinds == ["Progressed", "Started", "Progressed", "Progressed", "Done"]
    assert records_in(applied[-1]) == [(1, 6, RUNNING), (6, 11, RUNNING),
                                       (11, 15, ProgressState.FINISHED)]


def test_a_run_at_a_watching_pace_has_every_record_applied_as_it_comes(frames):
    frames, applied, now = frames
    for k in range(4):
        now[0] = 0.01 * k
        frames.add([record(k, 1)], at_once=True)
    assert [records_in(a) for a in applied] == [[(k, k + 1, RUNNING)] for k in range(4)]


def test_a_new_run_drops_nothing_and_shows_its_first_record_at_once(frames):
    frames, applied, now = frames
    frames.add([record(0, 1)])
    frames.add([record(1, 1)])
    assert frames.waiting
    frames.flush()  # (the run's end applies what waited: TrainingSession.wait)
    frames.start()
    frames.add([record(0, 1)])  # a new run, at once: the clock has not moved
    assert not frames.waiting and records_in(applied[-1]) == [(0, 1, RUNNING)]


def test_news_before_the_first_record_never_holds_the_first_cost_back(frames):
    """The child says which keyframe interval it chose just before its first record: that news
    is applied as it comes, and the first record right after it is too (it waited a whole frame:
    Train → first cost took 0.57 s, benchmarks/bench_first_cost.py)."""
    frames, applied, now = frames
    frames.add([Started(50)])
    assert applied == [[Started(50)]]
    now[0] = 0.01
    frames.add([record(0, 1)])  # the run's first cost: at once all the same
    assert not frames.waiting and records_in(applied[-1]) == [(0, 1, RUNNING)]
    now[0] = 0.02
    frames.add([Started(60), record(1, 1)])  # news with a record: the frame's clock as before
    assert frames.waiting
