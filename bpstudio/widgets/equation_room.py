"""The equation panel's room: the step's operands and result as matrix grids, and where
they and the explanation of a number go (beside, under, or over the diagram)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QSplitter

from ..core.stepper import Step
from ..session.call_soon import call_soon
from .matrix_view import MatrixView

# the explanation's share of the panel's height when it opens (at least EXPLAIN_MIN pixels), and
# the least it is given under matrices whose numbers need the rest
EXPLAIN_SHARE, EXPLAIN_MIN, EXPLAIN_ROOM = 0.6, 300, 170
# beside the matrices: the least width of the explanation, and the most share of the panel's
EXPLAIN_NARROWEST, EXPLAIN_WIDEST = 260, 0.5
# in the window's centre the steps may take all but this share of it (the diagram keeps the rest)
OTHERS_SHARE = 0.2


class MatrixRoom:
    """Mixed into EquationPanel (before QWidget): its matrices and the room they are given."""

    def _show_matrices(self, operands, step: Step | None) -> None:
        items = list(operands) + ([step.result] if step is not None else [])
        while len(self.views) < len(items):
            view = MatrixView(self.matrices)  # a parent at once: never a window of its own
            k = len(self.views)
            view.setObjectName(f"StepMatrix{k}")
            view.cell_clicked.connect(lambda r, c, k=k: self.explain.choose(self._view_index(k), r, c))
            view.move_asked.connect(self.explain.move)
            view.close_asked.connect(self.explain.close)
            symbol = QLabel(self.matrices)
            symbol.setObjectName("StepSymbol")
            symbol.setTextFormat(Qt.TextFormat.PlainText)
            symbol.setFont(self.formula.font())
            self.views.append(view)
            self.symbols.append(symbol)
        symbols = ["", *step.equation.signs, "→"] if step is not None else []
        for k, (view, symbol) in enumerate(zip(self.views, self.symbols)):
            shown = k < len(items)
            view.setVisible(shown)
            symbol.setVisible(shown and k > 0)
            if shown:
                view.set_matrix(items[k].name, items[k].value)
                symbol.setText(symbols[k])
        self._shown = len(items)
        self._operands = len(operands)
        self._show_marks()
        self._arrange(force=True)
        for layout in (self.step_area.widget().layout(), self.matrix_rows.column):
            layout.activate()  # the matrices where they are drawn at once: a click finds its cell
        call_soon(self, self._make_room)  # once the step's words are laid out

    def _on_explained(self) -> None:
        """A number explained: the pane opens beside the matrices or under them, wherever it
        leaves the more of them written out (the step scrolls); closed, the step has the panel
        back."""
        opening = self.explain.explanation is not None and not self._explaining
        self._explaining = self.explain.explanation is not None
        self._show_marks()
        if opening:
            self._make_room()
        elif not self._explaining:
            self._uncover()
            self._arrange(force=True)

    def _beside(self) -> bool:
        return self.body.orientation() == Qt.Orientation.Horizontal

    def _place_explanation(self) -> None:
        """Beside the matrices, as wide as it may be (EXPLAIN_WIDEST of the panel) while every
        matrix written out without it still is, and at least EXPLAIN_NARROWEST; under them
        (EXPLAIN_ROOM high at least) where that writes out more of them. A 20×1 vector at
        1024×768 needs the whole height: the explanation stands beside it. Where neither keeps
        the matrices written out that are without it (a 7×20 result at 1024×768), the steps take
        the diagram's place in the window while the explanation is open (it names the number it
        explains) and give it back when it closes."""
        width = self.body.width()
        if self.side.isVisible():
            width -= self.side.width() + self.body.handleWidth()
        width -= self.step_area.verticalScrollBar().sizeHint().width()
        # the body's height once the panel has grown as far as the diagram lets it (the step's
        # words scroll away above the matrices), and with the diagram covered
        budget = most = self.body.height()
        centre = self._centre_heights()
        if centre is not None:
            words = self.height() - self.body.height()
            budget, most = centre[0] - words, centre[1] - words
        n = self._shown
        beside = under = covered = 0
        pane = EXPLAIN_NARROWEST
        if n:
            def grids(w: int, h: int) -> int:
                return self.matrix_rows.grids_within(self.views, self.symbols, n, h, w)

            alone = grids(width, budget)
            under = grids(width, budget - EXPLAIN_ROOM)
            handle = self.body.handleWidth()
            widest = int(EXPLAIN_WIDEST * self.body.width())
            for pane in range(widest, EXPLAIN_NARROWEST - 1, -20):
                beside = grids(width - pane - handle, budget)
                if beside >= alone:
                    break
            if most > budget and max(beside, under) < alone:
                covered = grids(width, most - EXPLAIN_ROOM)
        on_side = n > 0 and beside >= covered and beside > under
        self.body.setOrientation(Qt.Orientation.Horizontal if on_side
                                 else Qt.Orientation.Vertical)
        if on_side:
            self.body.setSizes([self.body.width() - pane, pane])
        if covered > max(beside, under):
            self._cover()
        else:
            self._uncover()

    def _centre(self) -> QSplitter | None:
        """The window's centre (the diagram above the steps), where the panel is in one."""
        split = self.parentWidget()
        if isinstance(split, QSplitter) and split.orientation() == Qt.Orientation.Vertical:
            return split
        return None

    def _centre_heights(self) -> tuple[int, int] | None:
        """In the window's centre: the most height the panel may take beside the diagram (all
        but the diagram's share), and with the diagram covered."""
        split = self._centre()
        if split is None or self._stage:
            return None
        total = sum(split.sizes())
        others = sum(split.widget(k).minimumSizeHint().height() for k in range(split.count())
                     if split.widget(k) is not self and split.widget(k).isVisible())
        return max(total - max(others, int(OTHERS_SHARE * total)), self.minimumHeight()), total

    def _cover(self) -> None:
        """The steps and the explanation in the diagram's place."""
        split = self._centre()
        if split is None:
            return
        sizes = split.sizes()
        if self._covered is None:
            self._covered = sizes
        k = split.indexOf(self)
        split.setSizes([sum(sizes) if j == k else 0 for j in range(len(sizes))])

    def _uncover(self) -> None:
        """The diagram back where it was."""
        split, sizes, self._covered = self._centre(), self._covered, None
        if split is not None and sizes is not None and len(sizes) == split.count():
            split.setSizes(sizes)

    def _view_index(self, k: int) -> int:
        """The matrix drawn k-th as the explanation model counts it: an operand, or -1 for the
        result."""
        return k if k < self._operands else -1

    def _show_marks(self) -> None:
        """What the explained number is made of, marked in the matrices on screen."""
        for k, view in enumerate(self.views[:self._shown]):
            view.set_marks(self.explain.marks(self._view_index(k), view.name))

    def eventFilter(self, obj, event) -> bool:
        if obj is self.matrices and event.type() == QEvent.Type.Resize:
            self._arrange()
        return super().eventFilter(obj, event)

    def _most_height(self) -> int:
        """The panel's height at most: in the window's centre, all of it but the diagram's
        share (all of it where the explanation covers the diagram)."""
        centre = self._centre_heights()
        if centre is None:
            return self.height()
        return max(self.height(), centre[1] if self._covered is not None else centre[0])

    def _words_height(self) -> int:
        """The panel's height that is not the matrices': buttons, questions, the step's words
        (and the explanation at its least)."""
        under = not self._beside()
        pane = self.explain_pane.height() if self.explain_pane.isVisible() and under else 0
        room = EXPLAIN_ROOM if self._explaining and under else 0
        return (self.height() - self.step_area.viewport().height() - pane + room
                + self.matrices.y())

    def _arrange(self, force: bool = False) -> None:
        """The matrices in the rows that write the most numbers out: in the equation stage within
        the screen, in the window within the most height the panel may take."""
        # the matrices may have all the step's view: its words scroll away above them if need be
        if self._stage and self._explaining:  # the screen's height less the explanation's
            budget = self.step_area.viewport().height()
        else:
            budget = 0 if self._stage else max(
                self._most_height() - self._words_height() + self.matrices.y(), 0)
        self.matrix_rows.arrange(self.views, self.symbols, self._shown,
                                 self._stage and not self._explaining, force, budget)
        self.matrices.setMinimumHeight(self.matrix_rows.needed)

    def _keep_matrices_seen(self) -> None:
        if self._explaining and self._shown:
            self.step_area.ensureWidgetVisible(self.matrices, 0, 0)

    def _make_room(self) -> None:
        """The step's numbers on screen together: in the window's centre the panel grows (the
        diagram gives way, down to its share) to the height they need; the explanation has the
        rest below them; the step scrolls to show them."""
        if self._explaining:
            self._place_explanation()  # this step's matrices may want it elsewhere
        if self._stage:
            if self._explaining and not self._beside():  # the matrices' height, the rest its
                height = self.body.height()
                self.body.setSizes([height - EXPLAIN_ROOM, EXPLAIN_ROOM])
            self._arrange(force=True)
        if self._stage:
            if self._explaining:  # the words scroll away above the matrices
                call_soon(self, self._keep_matrices_seen)
            return
        self._arrange()
        wanted = self._words_height() + self.matrix_rows.needed
        split = self.parentWidget()
        if (isinstance(split, QSplitter) and split.orientation() == Qt.Orientation.Vertical
                and self.height() < wanted):
            sizes, k = split.sizes(), split.indexOf(self)
            grow = min(wanted, self._most_height()) - sizes[k]
            for j in sorted(range(len(sizes)), key=lambda j: -sizes[j]):
                if j != k and grow > 0:
                    least = split.widget(j).minimumSizeHint().height() if sizes[j] else 0
                    take = max(min(grow, sizes[j] - least), 0)
                    sizes[j] -= take
                    sizes[k] += take
                    grow -= take
            split.setSizes(sizes)
        if self._explaining and not self._beside():
            height = self.body.height()
            step = self.body.sizes()[0] + (self.step_area.widget().height()
                                           - self.step_area.viewport().height())
            pane = max(min(EXPLAIN_ROOM, height // 2), height - step) if self._shown else \
                int(max(EXPLAIN_SHARE * height, min(EXPLAIN_MIN, height - 100)))
            self.body.setSizes([max(height - pane, 0), pane])
        call_soon(self, self._matrices_into_view)

    def _matrices_into_view(self) -> None:
        self.step_area.ensureWidgetVisible(self.matrices, 0, 0)
