"""Work for the next turn of the event loop that goes with the object it is for.

``QTimer.singleShot(0, owner, slot)`` runs ``slot`` at the next turn unless ``owner`` is deleted
first; but then PySide keeps ``slot`` for ever, and everything it holds: a bound method of a
panel kept its whole window (the network, its data, the run's history) alive after the window
was closed and deleted. Here the timer is a child of ``owner``, deleted with it, and its
connection with it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Qt, QTimer


def call_soon(owner: QObject, slot: Callable[[], None]) -> None:
    """``slot()`` at the next turn of the event loop, unless ``owner`` is deleted first. Asked
    again before it ran, it runs once (one timer a slot). ``slot`` is a method of ``owner``: the
    timer is found again by the method's name (two lambdas of one function share theirs)."""
    if getattr(slot, "__self__", None) is not owner:
        raise TypeError("call_soon: the slot must be a method of its owner")
    name = f"call_soon:{slot.__qualname__}"
    timer = owner.findChild(QTimer, name, Qt.FindChildOption.FindDirectChildrenOnly)
    if timer is None:
        timer = QTimer(owner)
        timer.setObjectName(name)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(slot)
    timer.start()
