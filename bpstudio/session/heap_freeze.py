"""While a run trains, Python's collector leaves the window's long-lived heap alone.

A full collection walks every object Python tracks: in the window with the plots built, ~87,000
(Qt's and pyqtgraph's wrappers, the modules, the app's own), which took the GUI thread 43–106 ms
at a time on this 2-core machine, twice per cat run (benchmarks/bench_gui.py counts them). What
exists when a run starts lives through it, so it is frozen then (``gc.freeze``: a list splice,
no walk) and thawed when the last run ends (``gc.unfreeze``): the objects of the run itself are
still collected as they die, and whatever of the frozen heap died meanwhile is collected after
the run, as before. A process whose heap someone else froze (the test suite's) is left as it is.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject

from ..core.trainer import RunState
from .network_model import NetworkModel

_holders = 0  # the models training now (twin runs train two)
_frozen_here = False  # the freeze is ours, to undo
# someone else froze the heap before our first run (asked once: get_freeze_count walks every
# frozen object, 16 ms a time under the test suite's freeze)
_frozen_by_others: bool | None = None


def hold() -> None:
    global _holders, _frozen_here, _frozen_by_others
    if _frozen_by_others is None:
        _frozen_by_others = gc.get_freeze_count() > 0
    if _holders == 0 and not _frozen_by_others:
        gc.freeze()
        _frozen_here = True
    _holders += 1


def release() -> None:
    global _holders, _frozen_here
    _holders = max(0, _holders - 1)
    if _holders == 0 and _frozen_here:
        gc.unfreeze()
        _frozen_here = False


class HeapFreeze(QObject):
    """Holds the freeze while ``model`` trains (its run state not IDLE)."""

    def __init__(self, model: NetworkModel, parent: QObject | None = None):
        super().__init__(parent)
        self.held = False
        # (a window closed while training stops its run first: IDLE comes, and the freeze goes)
        model.run_state_changed.connect(self._on_run_state)

    def _on_run_state(self, state: RunState) -> None:
        busy = state is not RunState.IDLE
        if busy and not self.held:
            hold()
        elif self.held and not busy:
            release()
        self.held = busy
