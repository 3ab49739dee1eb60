"""The undo history: commands in order, the undone ones dropped by a new edit, a limit, and
signals when undo or redo becomes possible or impossible."""

from __future__ import annotations

from bpstudio.session.undo import UndoStack


class Set:
    def __init__(self, log: list, value: int):
        self.log, self.value, self.text = log, value, f"set {value}"

    def redo(self):
        self.log.append(self.value)

    def undo(self):
        self.log.append(-self.value)


def test_commands_are_done_undone_and_redone_in_order(qtbot):
    log: list[int] = []
    stack = UndoStack(limit=3)
    seen = []
    stack.can_undo_changed.connect(lambda b: seen.append(("undo", b)))
    stack.can_redo_changed.connect(lambda b: seen.append(("redo", b)))
    for v in (1, 2, 3, 4):
        stack.push(Set(log, v))
    assert log == [1, 2, 3, 4] and seen == [("undo", True)]
    for _ in range(4):
        stack.undo()  # only the last three are kept
    assert log == [1, 2, 3, 4, -4, -3, -2] and not stack.can_undo() and stack.can_redo()
    stack.redo()
    stack.push(Set(log, 5))  # drops the undone 3 and 4
    assert not stack.can_redo()
    stack.undo(), stack.undo(), stack.undo()
    assert log[-5:] == [-2, 2, 5, -5, -2] and not stack.can_undo()
    stack.clear()
    assert not stack.can_undo() and not stack.can_redo()
