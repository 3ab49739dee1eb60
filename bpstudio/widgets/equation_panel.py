"""Step through one training iteration, one equation at a time, with the real matrices.

The current equation is large (it gets projected), with the layer filled in and the shapes under
it; operands and result are drawn as number grids or heatmaps. Space, → or Page Down go on; ← or
Page Up go back (what presentation clickers send); Home goes to the iteration's start.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QPushButton, QSpinBox,
                               QSplitter, QVBoxLayout, QWidget)

from ..core.stepper import BACKWARD, FORWARD, UPDATE, Step
from ..session.stepper_model import BATCH, SAMPLE, StepperModel
from .matrix_view import MatrixView


def shapes_line(step: Step) -> str:
    """The shapes under the formula, e.g. (20×12288)·(12288×209) + (20×1) → (20×209)."""
    ops = [f"({o.shape_text})" for o in step.operands]
    out = f"({step.result.shape_text})"
    if step.equation == 1:
        return f"{ops[0]}·{ops[1]} + {ops[2]} → {out}"
    if step.equation in (6, 9):
        return f"{ops[0]}·{ops[1]} → {out}"
    if step.equation in (3, 4):
        return f"{ops[0]} ⊙ {ops[1]} → {out}"
    if step.equation in (7, 8):
        return f"{ops[0]} − α·{ops[1]} → {out}"
    if step.equation == 5:
        return f"Σ_columns {ops[0]} → {out}"
    if step.equation == 2:
        return f"σ{ops[0]} → {out}"
    return ", ".join(f"{o.name} {s}" for o, s in zip(step.operands, ops)) + f" → {step.result.name}"


def operation_text(step: Step) -> str:
    if step.equation == 1:
        return "matrix product, then broadcast add"
    return " and ".join(step.operations)


class EquationPanel(QWidget):
    def __init__(self, stepper: StepperModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("EquationPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a click here takes the keys from editors
        self.stepper_model = stepper
        self.title = QLabel()
        self.title.setObjectName("StepTitle")
        self.formula = QLabel()
        self.formula.setObjectName("StepFormula")
        self.formula.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shapes = QLabel()
        self.shapes.setObjectName("StepShapes")
        self.shapes.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel()
        self.note.setObjectName("StepNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        for label in (self.title, self.formula, self.shapes, self.note):
            # long texts wrap instead of widening the window past a 1024-pixel projector
            label.setWordWrap(True)
            label.setMinimumWidth(120)

        self.matrices = QWidget()
        self.matrix_row = QHBoxLayout(self.matrices)
        self.matrix_row.setContentsMargins(0, 0, 0, 0)
        self.views: list[MatrixView] = []
        self.symbols: list[QLabel] = []

        self.home_button = QPushButton("Start")
        self.prev_button = QPushButton("◀ Previous")
        self.next_button = QPushButton("Next ▶")
        self.end_button = QPushButton("End of iteration")
        self.forward_button = QPushButton("Forward pass")
        self.backward_button = QPushButton("Backward pass")
        self.update_button = QPushButton("Update")
        for name, b in (("StepHome", self.home_button), ("StepPrevious", self.prev_button),
                        ("StepNext", self.next_button), ("StepEnd", self.end_button),
                        ("StepForward", self.forward_button), ("StepBackward", self.backward_button),
                        ("StepUpdate", self.update_button)):
            b.setObjectName(name)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.home_button.setToolTip("back to the start of the iteration (Home)")
        self.prev_button.setToolTip("previous step (← or Page Up)")
        self.next_button.setToolTip("next step (Space, → or Page Down)")
        self.mode_box = QComboBox()
        self.mode_box.setObjectName("StepSamples")
        self.mode_box.addItem("one sample", SAMPLE)
        self.mode_box.addItem("whole batch", BATCH)
        self.mode_box.setToolTip("one sample: vectors, the seed's single-sample table; the whole "
                                 "batch: matrices, its multi-sample table")
        self.sample_spin = QSpinBox()
        self.sample_spin.setObjectName("StepSample")
        self.sample_spin.setPrefix("#")
        self.sample_spin.setToolTip("which training sample")
        self.sample_spin.setKeyboardTracking(False)
        self.sample_image = QLabel()
        self.sample_image.setObjectName("StepSampleImage")
        controls = QHBoxLayout()
        for w in (self.home_button, self.prev_button, self.next_button, self.end_button):
            controls.addWidget(w)
        controls.addStretch(1)
        jumps = QHBoxLayout()
        for w in (self.forward_button, self.backward_button, self.update_button):
            jumps.addWidget(w)
        jumps.addStretch(1)
        jumps.addWidget(self.mode_box)
        jumps.addWidget(self.sample_spin)
        jumps.addWidget(self.sample_image)

        self.step_list = QListWidget()
        self.step_list.setObjectName("StepList")
        self.step_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.step_list.setMinimumWidth(140)

        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.title)
        cl.addWidget(self.formula)
        cl.addWidget(self.shapes)
        cl.addWidget(self.note)
        cl.addWidget(self.matrices, 1)
        split = QSplitter()
        split.addWidget(centre)
        split.addWidget(self.step_list)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(jumps)
        layout.addWidget(split, 1)

        self._apply_fonts()
        m = stepper
        self.home_button.clicked.connect(m.home)
        self.prev_button.clicked.connect(m.previous)
        self.next_button.clicked.connect(m.next)
        self.end_button.clicked.connect(m.run_to_end)
        self.forward_button.clicked.connect(lambda: m.jump_to(FORWARD))
        self.backward_button.clicked.connect(lambda: m.jump_to(BACKWARD))
        self.update_button.clicked.connect(lambda: m.jump_to(UPDATE))
        self.mode_box.activated.connect(lambda i: m.set_mode(self.mode_box.itemData(i)))
        self.sample_spin.valueChanged.connect(lambda v: m.model.set_sample(v - 1))
        self.step_list.itemClicked.connect(lambda item: m.go(self.step_list.row(item) + 1))
        # window-wide, so a clicker works wherever the focus is; editors that use these keys
        # (spin boxes, text) take them first through ShortcutOverride
        for keys, slot in (((Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_PageDown), m.next),
                           ((Qt.Key.Key_Left, Qt.Key.Key_PageUp), m.previous),
                           ((Qt.Key.Key_Home,), m.home)):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot, context=Qt.ShortcutContext.WindowShortcut)
        m.step_changed.connect(self._on_step_changed)
        m.mode_changed.connect(self._on_step_changed)
        m.model.dataset_changed.connect(self._on_dataset_changed)
        m.model.sample_changed.connect(self._on_dataset_changed)
        self._listed = None
        self._on_dataset_changed()

    def _apply_fonts(self) -> None:
        """The formula large and the shapes larger than the text, relative to the UI's scale."""
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 2.2)
        big.setBold(True)
        self.formula.setFont(big)
        mid = QFont(self.font())
        mid.setPointSizeF(self.font().pointSizeF() * 1.4)
        self.shapes.setFont(mid)
        for symbol in self.symbols:
            symbol.setFont(big)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
        super().changeEvent(event)

    # ----- model → view ----------------------------------------------------------------------------

    def _on_dataset_changed(self, *args) -> None:
        model = self.stepper_model.model
        ds = model.dataset
        self.sample_spin.blockSignals(True)
        self.sample_spin.setRange(1, ds.X_train.shape[1])
        self.sample_spin.setValue(model.sample_index + 1)
        self.sample_spin.blockSignals(False)
        if ds.is_image:
            x = model.sample_x()[:, 0].reshape(ds.input_shape)
            data = (x * 255 + 0.5).astype("uint8").copy()
            h, w, _ = data.shape
            img = QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
            self.sample_image.setPixmap(QPixmap.fromImage(img).scaled(48, 48))
            self.sample_image.setToolTip(model.sample_name())
        else:
            self.sample_image.clear()
        self._on_step_changed()

    def _on_step_changed(self) -> None:
        sm = self.stepper_model
        self.mode_box.setCurrentIndex(self.mode_box.findData(sm.mode))
        self.sample_spin.setEnabled(sm.mode == SAMPLE)
        if not sm.available:
            self.title.setText("Training is running; stepping waits until it stops.")
            self._set_enabled(False)
            return
        self._set_enabled(True)
        s = sm.stepper
        if self._listed is not s:
            self._listed = s
            self.step_list.clear()
            self.step_list.addItems([f"{st.index + 1}. {st.formula}" for st in s.steps])
        step = s.current
        self.step_list.setCurrentRow(s.position - 1)
        if step is None:
            m = s.X.shape[1]
            who = ""
            if m == 1:
                who = f" ({sm.model.sample_name()}"
                who += "; its backward pass assumes y = 1)" if sm.model.custom_sample else ")"
            self.title.setText(f"Iteration {sm.model.network.iterations_trained + 1}: "
                               f"{len(s.steps)} steps on {m} sample{'s' if m > 1 else ''}{who}. "
                               "Press → or Space to begin.")
            self.formula.setText("Z[l] = W[l]·A[l−1] + b[l],  A[l] = σ(Z[l])")
            self.shapes.setText("")
            self.note.setText("forward pass, cost, backward pass, update — one equation at a time")
            self._show_matrices([], None)
            self.setAccessibleDescription(self.title.text())
            return
        number = f"eq. ({step.equation})" if step.equation else step.title_en
        where = f" · layer {step.layer}" if step.layer else ""
        self.title.setText(f"Step {s.position} of {len(s.steps)} · {step.phase} pass · {number} · "
                           f"{step.title_en} · {step.title_zh}{where} · {operation_text(step)}")
        self.formula.setText((f"({step.equation})  " if step.equation else "") + step.formula)
        self.shapes.setText(shapes_line(step))
        self.note.setText(step.note)
        self._show_matrices(step.operands, step)
        self.setAccessibleDescription(f"Step {s.position} of {len(s.steps)}. " + step.describe())

    def _set_enabled(self, on: bool) -> None:
        for b in (self.home_button, self.prev_button, self.next_button, self.end_button,
                  self.forward_button, self.backward_button, self.update_button, self.step_list):
            b.setEnabled(on)

    def _show_matrices(self, operands, step: Step | None) -> None:
        items = list(operands) + ([step.result] if step is not None else [])
        while len(self.views) < len(items):
            view = MatrixView()
            view.setObjectName(f"StepMatrix{len(self.views)}")
            symbol = QLabel()
            symbol.setObjectName("StepSymbol")
            symbol.setFont(self.formula.font())
            self.views.append(view)
            self.symbols.append(symbol)
            self.matrix_row.addWidget(symbol)
            self.matrix_row.addWidget(view, 1)
        symbols = self._symbols(step, len(items))
        for k, (view, symbol) in enumerate(zip(self.views, self.symbols)):
            shown = k < len(items)
            view.setVisible(shown)
            symbol.setVisible(shown and k > 0)
            if shown:
                view.set_matrix(items[k].name, items[k].value)
                symbol.setText(symbols[k])

    @staticmethod
    def _symbols(step: Step | None, n: int) -> list[str]:
        """The sign before each drawn matrix: the operation, and → before the result."""
        if step is None or n == 0:
            return [""] * n
        between = {1: ["·", "+"], 3: ["⊙"], 4: ["⊙"], 6: ["·"], 9: ["·"], 7: ["− α·"], 8: ["− α·"]}
        inner = between.get(step.equation, [","] * (n - 2))
        return ["", *inner[: n - 2], "→"]
