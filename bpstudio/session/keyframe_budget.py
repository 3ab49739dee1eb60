"""The keyframe memory of a window's runs: one budget its run and its twin runs share
(session/timeline_model.py asks it before each run trains)."""

from __future__ import annotations

from typing import Protocol

from ..core.timeline import MEMORY_BUDGET
from ..core.trainer import RunState


class _Training(Protocol):
    @property
    def state(self) -> RunState: ...


class Member(Protocol):
    """A run's timeline (timeline_model.TimelineModel) as the budget sees it."""

    given: float  # bytes of keyframes the budget gave its latest run

    @property
    def nbytes(self) -> int: ...

    @property
    def training(self) -> _Training: ...

# a run may always keep this share of the budget, whatever the earlier runs took (shared by the
# window's runs: with eight twins, each a ninth of it)
LEAST_BUDGET_SHARE = 0.2


class KeyframeBudget:
    """One budget of keyframe memory (MEMORY_BUDGET) for a window: its run's timeline and its
    twin runs' share it (nine 300-iteration runs, each with a budget of its own, kept 555 MB).

    What a run about to train may take: the budget less what every timeline keeps and what the
    runs training now were given, split between the runs that have not started (a queued run
    has not): runs started together end up with equal shares."""

    def __init__(self, total: float = MEMORY_BUDGET) -> None:
        self.total = total
        self.members: list[Member] = []

    def kept(self) -> float:
        """The bytes the members keep, a training run counted at what it was given."""
        return sum(m.nbytes + (m.given if m.training.state is not RunState.IDLE else 0)
                   for m in self.members)

    def share(self, asking: Member) -> float:
        """What ``asking`` (about to train) may take; recorded as given to it."""
        waiting = sum(m is asking or m.training.state is RunState.IDLE for m in self.members)
        free = self.total - self.kept()  # (asking has not started: its keyframes kept count)
        least = LEAST_BUDGET_SHARE * self.total / max(len(self.members), 1)
        asking.given = max(free / waiting, least)
        return asking.given
