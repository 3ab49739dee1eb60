"""session/call_soon.py: work for the next turn of the event loop that goes with its owner."""

from __future__ import annotations

import gc
import weakref

import pytest

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from bpstudio.session.call_soon import call_soon


class _Owner(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.runs = 0
        self.payload = bytearray(1 << 20)  # what a window holds: its network, its data

    def work(self) -> None:
        self.runs += 1


def test_asked_twice_before_the_turn_it_runs_once_at_the_turn(qtbot):
    owner = _Owner()
    call_soon(owner, owner.work)
    call_soon(owner, owner.work)
    assert owner.runs == 0  # not now: at the next turn
    qtbot.waitUntil(lambda: owner.runs == 1)
    qtbot.wait(20)
    assert owner.runs == 1
    call_soon(owner, owner.work)  # and again at a later turn
    qtbot.waitUntil(lambda: owner.runs == 2)


def test_an_owner_deleted_before_the_turn_never_runs_it_and_is_let_go(qtbot):
    owner = _Owner()
    call_soon(owner, owner.work)
    payload = weakref.ref(owner)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del owner
    qtbot.wait(20)
    gc.collect()
    assert payload() is None  # never ran (it would have needed the owner), and let go


def test_a_slot_that_is_not_the_owners_method_is_refused(qtbot):
    owner, other = _Owner(), _Owner()
    with pytest.raises(TypeError):
        call_soon(owner, other.work)
    with pytest.raises(TypeError):
        call_soon(owner, lambda: owner.work())
