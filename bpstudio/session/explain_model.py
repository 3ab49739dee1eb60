"""Which number of the stepped iteration is being explained, and its explanation.

The user picks a cell of an operand or a result of the current step (or a weight in the diagram);
this model keeps the choice, computes where the number came from (core/explain.py), the chain
rule and, when asked, the nudge check of a weight, and tells the views what to mark: the rows,
columns and cells the number is made of, and the neurons and edges in the diagram.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from ..core.explain import (ChainRule, Diagram, Explanation, Nudge, chain_rule, explain,
                            explain_weight, nudge)
from ..core.stepper import Stepper
from ..core.vocabulary import BATCH
from .stepper_model import StepperModel

# the nudge sizes offered; None: chosen for the precision (1e-5 in float64, 1e-3 in float32)
EPSILONS = (None, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8)


@dataclass(frozen=True)
class Choice:
    """A cell of the current step: operand ``view`` (0, 1, …) or the result (-1); or, from the
    diagram, a weight (step None, view None)."""

    step: int | None
    view: int | None
    row: int
    col: int
    shape: tuple[int, int]


class ExplainModel(QObject):
    changed = Signal()  # a cell chosen, moved or let go; a chain rule or a nudge computed

    def __init__(self, stepper: StepperModel, parent: QObject | None = None):
        super().__init__(parent)
        self.stepper_model = stepper
        self.choice: Choice | None = None
        self.explanation: Explanation | None = None
        self.rule: ChainRule | None = None
        self.check: Nudge | None = None
        self.epsilon: float | None = None
        self._of: Stepper | None = None  # the iteration the choice belongs to
        self._position = 0
        self._layer: int | None = None  # a weight chosen in the diagram: its layer
        stepper.step_changed.connect(self._on_step_changed)
        stepper.mode_changed.connect(self.close)

    # ----- choosing --------------------------------------------------------------------------------

    def choose(self, view: int, row: int, col: int) -> None:
        """A cell of the current step's operand ``view`` (-1: its result)."""
        step = self.stepper_model.current_step()
        if step is None:
            return
        matrix = step.result if view < 0 else step.operands[view]
        shape = matrix.value.shape if matrix.value.ndim == 2 else (1, 1)
        row, col = min(max(row, 0), shape[0] - 1), min(max(col, 0), shape[1] - 1)
        self._set(Choice(step.index, view, row, col, shape))

    def choose_weight(self, layer: int, j: int, k: int) -> None:
        """A weight chosen in the diagram: its chain rule and nudge, in this iteration (laid out
        first if it is not yet)."""
        net = self.stepper_model.model.shown.network
        if not (1 <= layer <= net.L and 0 <= j < net.dims[layer] and 0 <= k < net.dims[layer - 1]):
            return
        self.stepper_model.when_laid_out(lambda: self._set(
            Choice(None, None, j, k, (net.dims[layer], net.dims[layer - 1])), layer))

    def move(self, rows: int, cols: int) -> None:
        """The arrow keys: the next cell of the same matrix."""
        c = self.choice
        if c is None:
            return
        row = min(max(c.row + rows, 0), c.shape[0] - 1)
        col = min(max(c.col + cols, 0), c.shape[1] - 1)
        if (row, col) != (c.row, c.col):
            self._set(Choice(c.step, c.view, row, col, c.shape), self._layer)

    def close(self) -> None:
        if self.choice is not None:
            self.choice = self.explanation = self.rule = self.check = None
            self._of = None
            self.changed.emit()

    def _set(self, choice: Choice, layer: int | None = None) -> None:
        sm = self.stepper_model
        s = sm.stepper
        ds = sm.model.dataset
        shape = ds.input_shape if ds.is_image else ()
        if choice.step is not None and choice.view is not None:
            e = explain(s, choice.step, choice.view, choice.row, choice.col, shape,
                        self.stepped_sample())
        elif layer is not None:  # a weight chosen in the diagram
            e = explain_weight(s, layer, choice.row, choice.col)
        else:
            return
        self.choice, self.explanation, self.check = choice, e, None
        self._layer = layer
        self._of, self._position = s, s.position
        self.rule = None
        if e.weight is not None and not s.forward_only:
            l, j, k = e.weight
            self.rule = chain_rule(s, l, j, k, self.rule_sample())
        self.changed.emit()

    def stepped_sample(self) -> int | str | None:
        """The one sample stepped, as the explanation names it: its index in the training set,
        or a picture's name (None: no sample of its own, a model opened without data)."""
        sample = self.stepper_model.model.sample
        if sample.picture is not None:
            return sample.picture[0]
        return sample.index if self.stepper_model.model.dataset.has_samples else None

    @property
    def one_sample(self) -> bool:
        """The explanation is of one sample's iteration (the single-sample notation)."""
        s = self.stepper_model.iteration
        return s is None or s.samples == 1

    def rule_sample(self) -> int:
        """The sample the chain rule is written out for: the one chosen for stepping (the
        batch's sample number), or the only one."""
        sm = self.stepper_model
        if sm.mode == BATCH and sm.stepper.samples > 1:
            return min(sm.model.sample.index, sm.stepper.samples - 1)
        return 0

    # ----- checking --------------------------------------------------------------------------------

    def set_epsilon(self, epsilon: float | None) -> None:
        self.epsilon = epsilon

    def nudge(self) -> None:
        """Nudge the explained weight by ±ε and measure the cost's slope (nothing is changed)."""
        e = self.explanation
        if e is None or e.weight is None or self._of is None or self._of.forward_only:
            return
        self.check = nudge(self._of, *e.weight, epsilon=self.epsilon)
        self.changed.emit()

    @property
    def can_nudge(self) -> bool:
        e = self.explanation
        return e is not None and e.weight is not None and self._of is not None \
            and not self._of.forward_only

    # ----- what the views mark ---------------------------------------------------------------------

    def marks(self, view: int, name: str) -> list[tuple[str, int | tuple[int, int]]]:
        """What the matrix view ``view`` (-1: the result), showing ``name``, marks: ("row", i),
        ("column", j), ("cell", (i, j)) of the explanation, and ("chosen", (i, j)) where the
        chosen cell is."""
        e, c = self.explanation, self.choice
        if e is None or c is None:
            return []
        plain = name[:-1] if name.endswith("ᵀ") else None
        flip = {"row": "column", "column": "row"}
        out = []
        for matrix, kind, index in e.lights:
            if matrix == name:
                out.append((kind, index))
            elif matrix == plain:  # a mark of A[0], shown here as A[0]ᵀ
                out.append((flip.get(kind, kind), index[::-1] if isinstance(index, tuple)
                            else index))
        if c.step is not None and c.view == view:
            out.append(("chosen", (c.row, c.col)))
        return out

    def diagram_marks(self) -> Diagram | None:
        """("into", l, j), ("out of", l, j) or ("weight", l, j, k) for the diagram."""
        return self.explanation.diagram if self.explanation is not None else None

    # ----- the iteration moves on ------------------------------------------------------------------

    def _on_step_changed(self) -> None:
        """Another step or another iteration: the chosen cell was the old step's."""
        if self.choice is None:
            return
        s = self.stepper_model.iteration
        if s is None or s is not self._of or (self.choice.step is not None
                                              and s.position != self._position):
            self.close()
