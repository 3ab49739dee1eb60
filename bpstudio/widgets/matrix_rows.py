"""How the equation view stands a step's matrices: in one row, the operands above the result, or
each in a row of its own, whichever writes out the most numbers that would otherwise be a heatmap
(three 5×7 matrices at 1024 px: only one under another). In the equation stage of presentation
mode the matrices share the screen's height; in the window they are given (``budget``) at most
the height the step may take, and say the height their numbers need (``needed``): the step scrolls
or the panel grows rather than squeeze a 20×1 vector's numbers into a heatmap."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .matrix_view import MatrixView


class MatrixRows:
    """The rows of ``container``: at most ``most`` matrices (W, A, b → Z), each after its sign."""

    def __init__(self, container: QWidget, most: int = 4):
        self.container = container
        self.column = QVBoxLayout(container)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(2)  # the height is the numbers'
        self.rows = tuple(QHBoxLayout() for _ in range(most))
        for row in self.rows:
            self.column.addLayout(row, 1)
        self.count = 0  # in how many rows they stand
        self.needed = 0  # the height in which the window's arrangement writes its grids out
        self._heights: list[int] = []

    def arrange(self, views: list[MatrixView], symbols: list[QLabel], shown: int, stage: bool,
                force: bool = False, budget: int = 0) -> None:
        """The first ``shown`` views, each after its symbol, in the rows that show the most;
        ``stage``: the equation stage, where the step has the screen's height; else ``budget``,
        the most height the matrices may have."""
        if stage:
            rows, heights = self._best_rows(views, symbols, shown, stage), []
            self.needed = 0
        else:
            rows, heights, _ = self._rows_within(views, symbols, shown, budget)
            self.needed = sum(heights) + self.column.spacing() * max(len(heights) - 1, 0)
        if rows == self.count and heights == self._heights and not force:
            return
        self.count, self._heights = rows, heights
        used = {self._row_of(k, rows, shown) for k in range(shown)}
        for r in range(len(self.rows)):  # the rows in use share the height as their numbers need
            share = (heights[r] if r < len(heights) else 1) if r in used else 0
            self.column.setStretch(r, share)
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

    def grids_within(self, views: list[MatrixView], symbols: list[QLabel], n: int, budget: int,
                     width: int) -> int:
        """How many of the first ``n`` matrices would be written out ``width`` pixels wide and
        at most ``budget`` high (where to put an explanation beside them or under them)."""
        return self._rows_within(views, symbols, n, budget, width)[2]

    def _rows_within(self, views: list[MatrixView], symbols: list[QLabel], n: int,
                     budget: int, width: int | None = None) -> tuple[int, list[int], int]:
        """The arrangement that writes out the most matrices within ``budget`` pixels of height
        (the fewest rows, then the least height, among equals), the height of each row, and how
        many matrices it writes out; ``width``: the container's, unless given."""
        views = views[:n]
        if n == 0:
            return 1, [], 0
        width = self.container.width() if width is None else width
        spacing = self.column.spacing()
        sign = max((s.sizeHint().width() for s in symbols[1:n]), default=0)
        best: tuple[int, int, int, list[int]] | None = None  # (−grids, height, rows), heights
        for rows in sorted({1, 2, n} if n > 2 else {1, n}):
            members = [[k for k in range(n) if self._row_of(k, rows, n) == r] for r in range(rows)]
            needs = {}
            for row in members:
                room = (width - (len(row) - 1) * sign) / len(row) - 8  # the layout's spacing
                for k in row:
                    needs[k] = views[k].grid_height(room, max(budget, 1))
            heat = {k: views[k].minimumSizeHint().height() for k in range(n)}
            while True:  # the tallest grid gives way to its heatmap until the rows fit
                # never less than a view's least height: the layout shares out no less (a 3×1
                # vector's 67 px beside a 2×3's 52 under two rows of 90 px got 64: a heatmap)
                heights = [max(max(needs[k] or 0, heat[k]) for k in row) for row in members]
                grids = [k for k in range(n) if needs[k] is not None]
                if sum(heights) + spacing * (rows - 1) <= budget or not grids:
                    break
                needs[max(grids, key=lambda k: needs[k])] = None
            key = (-len(grids), rows, sum(heights))
            if best is None or key < best[:3]:
                best = (*key, [math.ceil(h) for h in heights])
        assert best is not None
        return best[1], best[3], -best[0]
