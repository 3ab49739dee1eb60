"""How the equation view stands a step's matrices: in one row beside the diagram; in the equation
stage of presentation mode the operands above the result, or each in a row of its own, whichever
writes out the most numbers that would otherwise be a heatmap (three 5×7 matrices at 1024 px:
only one under another)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .matrix_view import MatrixView


class MatrixRows:
    """The rows of ``container``: at most ``most`` matrices (W, A, b → Z), each after its sign."""

    def __init__(self, container: QWidget, most: int = 4):
        self.container = container
        self.column = QVBoxLayout(container)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.rows = tuple(QHBoxLayout() for _ in range(most))
        for row in self.rows:
            self.column.addLayout(row, 1)
        self.count = 0  # in how many rows they stand

    def arrange(self, views: list[MatrixView], symbols: list[QLabel], shown: int, stage: bool,
                force: bool = False) -> None:
        """The first ``shown`` views, each after its symbol, in the rows that show the most;
        ``stage``: the equation stage, where the step has the screen's height."""
        rows = self._best_rows(views, symbols, shown, stage)
        if rows == self.count and not force:
            return
        self.count = rows
        used = {self._row_of(k, rows, shown) for k in range(shown)}
        for r in range(len(self.rows)):  # the rows in use share the height
            self.column.setStretch(r, 1 if r in used else 0)
        for k in range(shown):
            into = self.rows[self._row_of(k, rows, shown)]
            if k > 0:
                into.addWidget(symbols[k])
            into.addWidget(views[k], 1)

    @staticmethod
    def _row_of(k: int, rows: int, shown: int) -> int:
        """The row of matrix k when there are ``rows``: 1 (all in one), 2 (the result below the
        operands) or one for each."""
        if rows == 1:
            return 0
        if rows == 2:
            return 1 if k == shown - 1 else 0
        return k

    def _best_rows(self, views: list[MatrixView], symbols: list[QLabel], n: int,
                   stage: bool) -> int:
        """In the equation stage, the arrangement that writes out the most matrices; beside
        the diagram there is no height to spare: one row."""
        views = views[:n]
        if not stage or n < 2 or not any(v.cell_texts() is not None for v in views):
            return 1
        width, height = self.container.width(), self.container.height()
        sign = max((s.sizeHint().width() for s in symbols[1:n]), default=0)
        best, most = 1, -1
        for rows in (1, 2, n) if n > 2 else (1, n):
            shown = 0
            for k, view in enumerate(views):
                row = self._row_of(k, rows, n)
                beside = sum(1 for j in range(n) if self._row_of(j, rows, n) == row)
                shown += view.would_show_numbers((width - beside * sign) / beside, height / rows)
            if shown > most:
                best, most = rows, shown
        return best
