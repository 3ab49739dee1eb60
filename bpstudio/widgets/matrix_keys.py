"""A matrix view by keys, and what a screen reader hears of it: a part of MatrixView (a mixin:
it reads the view's matrix, marks and cursor)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from .matrix_texts import MINUS

MOVES = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Up: (-1, 0),
         Qt.Key.Key_Down: (1, 0)}

translate = QCoreApplication.translate


class MatrixKeys:
    """Tab brings the keys here with a cursor on a cell; arrows move it (or, a cell chosen, ask
    for the next one), Enter asks where its number comes from, Esc lets a chosen cell go."""

    def event(self, event) -> bool:
        """While a cell of this view is chosen, or the keys' cursor is here, its arrow keys and
        Esc are the view's, not the window's stepping shortcuts (Space and the page keys still
        step)."""
        if event.type() == QEvent.Type.ShortcutOverride and (
                self.has_chosen or self.cursor is not None) and (
                event.key() in MOVES or event.key() == Qt.Key.Key_Escape) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()
            return True
        return super().event(event)

    def focusInEvent(self, event) -> None:
        """Reached by keys (Tab, a shortcut): the cursor on the chosen cell or the first."""
        if event.reason() != Qt.FocusReason.MouseFocusReason and self.cursor is None:
            self.cursor = self.chosen() or (0, 0)
            self._speak()
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if self.has_chosen and key in MOVES:
            self.move_asked.emit(*MOVES[key])
        elif self.has_chosen and key == Qt.Key.Key_Escape:
            self.close_asked.emit()
        elif self.cursor is not None and key in MOVES and self.value.size:
            rows, cols = self.value.shape
            di, dj = MOVES[key]
            self.cursor = (min(max(self.cursor[0] + di, 0), rows - 1),
                           min(max(self.cursor[1] + dj, 0), cols - 1))
            self._speak()
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.value.size:
            if self.cursor is None:
                self.cursor = self.chosen() or (0, 0)
            self.cell_clicked.emit(*self.cursor)
        else:
            super().keyPressEvent(event)

    # ----- words for a screen reader -----------------------------------------------------------

    def _speak(self) -> None:
        """The matrix by name and shape (and what it is); the cursor's cell and its value."""
        rows, cols = self.value.shape
        name = translate("MatrixView", "matrix {name}, {rows} by {cols}").format(
            name=self.name, rows=rows, cols=cols)
        self.setAccessibleName(f"{name}, {self.about}" if self.about else name)
        cell = self.cursor if self.cursor is not None else self.chosen()
        if self.value.size == 0:
            said = ""
        elif cell is None:
            low, high = _range(self.value)
            said = translate("MatrixView", "{n} numbers from {low} to {high}. Tab here and use "
                             "the arrow keys to read them; Enter explains one.").format(
                n=f"{self.value.size:,}", low=low.replace("-", MINUS),
                high=high.replace("-", MINUS))
        else:
            i, j = cell
            said = translate("MatrixView",
                             "{name} row {i}, column {j} = {value}. Enter explains it.").format(
                name=self.name, i=i + 1, j=j + 1,
                value=f"{float(self.value[i, j]):.6g}".replace("-", MINUS))
        if said != self.accessibleDescription():
            self.setAccessibleDescription(said)

    def set_about(self, about: str) -> None:
        if about != self.about:
            self.about = about
            self._speak()

    def _paint_focus(self, p: QPainter) -> None:
        """The keys are here: a dashed frame round the view in the highlight colour, and the
        cursor's cell boxed in the text's colour on a halo of the background's (seen on any
        cell's fill, in light and dark themes), at least a few pixels wide in a heatmap."""
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(self.palette().highlight().color(), 2, Qt.PenStyle.DashLine))
        p.drawRect(QRectF(1, 1, self.width() - 2, self.height() - 2))
        if self.cursor is None or self.value.size == 0:
            return
        box = self.cell_rect(*self.cursor)
        grow = max(0.0, (9.0 - min(box.width(), box.height())) / 2) + 1.5
        box = box.adjusted(-grow, -grow, grow, grow)
        for colour, width in ((self.palette().base().color(), 6.0),
                              (self.palette().text().color(), 2.5)):
            p.setPen(QPen(colour, width))
            p.drawRect(box)


def _range(v: np.ndarray) -> tuple[str, str]:
    """The least and greatest finite numbers of ``v`` as said: read in place when all are finite
    (a step's 12288×209 X, several times a step, on the GUI thread), else of a finite copy."""
    low, high = float(v.min()), float(v.max())
    if not (np.isfinite(low) and np.isfinite(high)):
        finite = v[np.isfinite(v)]
        if not finite.size:
            return "NaN", "NaN"
        low, high = float(finite.min()), float(finite.max())
    return f"{low:.4g}", f"{high:.4g}"

