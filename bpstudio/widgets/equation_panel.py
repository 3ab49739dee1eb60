"""Step through one training iteration, one equation at a time, with the real matrices.

The current equation is large (it gets projected), with the layer filled in and the shapes under
it; operands and result are drawn as number grids or heatmaps. Space, → or Page Down go on; ← or
Page Up go back (what presentation clickers send); Home goes to the iteration's start.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QMessageBox, QPushButton,
                               QSpinBox, QSplitter, QVBoxLayout, QWidget)

from ..core.stepper import BACKWARD, FORWARD, UPDATE, Step
from ..session.stepper_model import BATCH, SAMPLE, StepperModel
from .i18n import Retranslatable, has_cjk_font
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


# the formula and the shapes, relative to the UI's text size (the app's style sheet uses these too)
FORMULA_SCALE, SHAPES_SCALE = 2.2, 1.4


class EquationPanel(Retranslatable, QWidget):
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

        self.home_button = QPushButton()
        self.prev_button = QPushButton()
        self.next_button = QPushButton()
        self.end_button = QPushButton()
        self.forward_button = QPushButton()
        self.backward_button = QPushButton()
        self.update_button = QPushButton()
        for name, b in (("StepHome", self.home_button), ("StepPrevious", self.prev_button),
                        ("StepNext", self.next_button), ("StepEnd", self.end_button),
                        ("StepForward", self.forward_button), ("StepBackward", self.backward_button),
                        ("StepUpdate", self.update_button)):
            b.setObjectName(name)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.mode_box = QComboBox()
        self.mode_box.setObjectName("StepSamples")
        self.mode_box.addItem("", SAMPLE)
        self.mode_box.addItem("", BATCH)
        self.sample_spin = QSpinBox()
        self.sample_spin.setObjectName("StepSample")
        self.sample_spin.setPrefix("#")
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
        self.help = QMessageBox(QMessageBox.Icon.Information, "", "", QMessageBox.StandardButton.Close,
                                self)
        self.help.setObjectName("EquationHelp")
        self.help.setModal(False)
        self.retranslate()

    def retranslate(self) -> None:
        for button, text in ((self.home_button, self.tr("Start")), (self.prev_button, self.tr("◀ Previous")),
                             (self.next_button, self.tr("Next ▶")), (self.end_button, self.tr("End of iteration")),
                             (self.forward_button, self.tr("Forward pass")),
                             (self.backward_button, self.tr("Backward pass")), (self.update_button, self.tr("Update"))):
            button.setText(text)
        self.home_button.setToolTip(self.tr("back to the start of the iteration (Home)"))
        self.prev_button.setToolTip(self.tr("previous step (← or Page Up)"))
        self.next_button.setToolTip(self.tr("next step (Space, → or Page Down)"))
        self.mode_box.setItemText(0, self.tr("one sample"))
        self.mode_box.setItemText(1, self.tr("whole batch"))
        self.mode_box.setToolTip(self.tr("one sample: vectors, the seed's single-sample table; the whole "
                                    "batch: matrices, its multi-sample table"))
        self.sample_spin.setToolTip(self.tr("which training sample"))
        self.help.setWindowTitle(self.tr("Why this equation?"))
        self._listed = None  # the step list is written anew
        self._on_dataset_changed()

    # ----- words -----------------------------------------------------------------------------------

    def _title(self, step: Step) -> str:
        """The step's name in the current language, with the seed's Chinese term beside it."""
        names = {1: self.tr("weighted input"), 2: self.tr("activation"), 3: self.tr("output-layer error"),
                 4: self.tr("hidden-layer error"), 5: self.tr("bias gradient"), 6: self.tr("weight gradient"),
                 7: self.tr("bias update"), 8: self.tr("weight update"), 9: self.tr("error passed back")}
        name = names.get(step.equation) or (self.tr("cost") if step.phase == "cost"
                                             else self.tr("gradient of the cost"))
        if name == step.title_zh or not has_cjk_font():
            return name
        return f"{name} · {step.title_zh}"

    def _phase(self, step: Step) -> str:
        return {"forward": self.tr("forward pass"), "cost": self.tr("cost"),
                "backward": self.tr("backward pass"), "update": self.tr("update")}[step.phase]

    def _operation(self, step: Step) -> str:
        if step.equation == 1:
            return self.tr("matrix product, then broadcast add")
        names = {"matrix product": self.tr("matrix product"),
                 "element-wise ⊙": self.tr("element-wise ⊙"), "broadcast add": self.tr("broadcast add"),
                 "function": self.tr("function"), "sum over columns": self.tr("sum over columns")}
        return self.tr(" and ").join(names[o] for o in step.operations)

    def _note(self, step: Step) -> str:
        l, e = step.layer, step.equation
        m = step.result.value.shape[1] if step.result.value.ndim == 2 else 1
        if e == 1:
            return self.tr("b[{l}] is one column, added to each of the m columns (broadcast)").format(l=l)
        if e in (2, 4):
            return step.note  # σ and σ′ as formulas: the same in every language
        if e == 3:
            return self.tr("for sigmoid with cross-entropy this is exactly A − Y, computed so, which stays "
                      "finite where dA is infinite") if step.note else ""
        if e == 5:
            return self.tr("the sum over the m columns, divided by m (the seed's table writes 1/m × a "
                      "mean, which would divide twice)")
        if e == 6:
            return self.tr("m = {m}: the product sums over the samples, 1/m averages").format(m=m)
        if e == 9:
            return self.tr("a matrix product (the seed's table writes ⊙): the error flows back along the "
                      "transposed weights")
        if step.phase == "backward":
            return self.tr("per sample: the 1/m comes in eq. 5 and 6")
        return ""

    def why(self, step: Step | None) -> str:
        """The short "why" of an equation, for F1."""
        if step is None:
            return self.tr("Step forward with → or Space; F1 explains the equation on screen.")
        texts = {
            1: self.tr("Each neuron adds up its inputs, each weighted by its row of W[l]: that row times "
                  "the column A[l−1] is the · product. Then it adds its bias; b[l] has one number "
                  "per neuron, so the same bias is added to every sample: a broadcast."),
            2: self.tr("Without a non-linear σ, stacked layers would collapse into one linear map; σ lets "
                  "the network bend its decision boundary."),
            3: self.tr("The output error is how the cost changes with z. The chain rule multiplies ∂C/∂a "
                  "by σ′(z) neuron by neuron, each with its own slope: hence the element-wise ⊙, "
                  "not a matrix product."),
            4: self.tr("A hidden neuron's error is the error passed back to it, dA = W[l+1]ᵀ·dZ[l+1] "
                  "(eq. 9: the transpose sends each error back along the weights it came through), "
                  "times its own slope σ′(z), neuron by neuron: ⊙."),
            5: self.tr("A bias feeds every sample, so its gradient adds the errors over the m columns; "
                  "1/m makes it the average over the batch, so the step does not grow with m."),
            6: self.tr("Weight w_jk joins input k to neuron j, so its gradient is neuron j's error times "
                  "input k's activation, summed over the samples: dZ·A[l−1]ᵀ does every pair at "
                  "once, and 1/m averages."),
            7: self.tr("Gradient descent: step against the gradient, scaled by the learning rate α. Too "
                  "large an α overshoots and diverges; too small crawls."),
            8: self.tr("Gradient descent: step against the gradient, scaled by the learning rate α. Too "
                  "large an α overshoots and diverges; too small crawls."),
            9: self.tr("Why the transpose: W[l] carries layer l−1 forward to layer l. Going back, each "
                  "neuron of layer l−1 collects the errors of the neurons it feeds, weighted by the "
                  "same weights: that is the product with W[l]ᵀ."),
        }
        if step.equation in texts:
            return texts[step.equation]
        if step.phase == "cost":
            return self.tr("Cross-entropy punishes confident wrong answers hard, and with a sigmoid "
                      "output it gives the simple error A − Y.")
        return self.tr("∂C/∂A[L]: how the cost changes with each output; eq. 3 turns it into the output "
                  "layer's error.")

    def show_help(self) -> None:
        self.help.setText(self.why(self.stepper_model.current_step()))
        self.help.show()
        self.help.raise_()

    def _apply_fonts(self) -> None:
        """The formula large and the shapes larger than the text, relative to the UI's scale."""
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * FORMULA_SCALE)
        big.setBold(True)
        self.formula.setFont(big)
        mid = QFont(self.font())
        mid.setPointSizeF(self.font().pointSizeF() * SHAPES_SCALE)
        self.shapes.setFont(mid)
        for symbol in self.symbols:
            symbol.setFont(big)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
        super().changeEvent(event)  # Retranslatable handles LanguageChange

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
            self.title.setText(self.tr("Training is running; stepping waits until it stops."))
            self._set_enabled(False)
            return
        self._set_enabled(True)
        if not sm.laid_out and sm.costly:
            self._listed = None
            self.step_list.clear()
            i, n = sm.model.network.iterations_trained + 1, f"{sm.model.network.weight_count:,}"
            if sm.laying_out:
                self._show_start(self.tr("Laying out iteration {i} of a network with {n} "
                                         "weights…").format(i=i, n=n))
            else:
                self._show_start(self.tr("Iteration {i} of a network with {n} weights. Press → "
                                         "or Space to lay it out and begin.").format(i=i, n=n))
            return
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
                who += self.tr("; its backward pass assumes y = 1)") if sm.model.custom_sample else ")"
            self._show_start(self.tr("Iteration {i}: {n} steps on {m} sample(s){who}. Press → or "
                                     "Space to begin.").format(
                i=sm.model.network.iterations_trained + 1, n=len(s.steps), m=m, who=who))
            return
        number = f"eq. ({step.equation})" if step.equation else ""
        where = self.tr(" · layer {l}").format(l=step.layer) if step.layer else ""
        parts = [self.tr("Step {k} of {n}").format(k=s.position, n=len(s.steps)), self._phase(step),
                 number, self._title(step) + where, self._operation(step)]
        self.title.setText(" · ".join(p for p in parts if p))
        self.formula.setText((f"({step.equation})  " if step.equation else "") + step.formula)
        self.shapes.setText(shapes_line(step))
        self.note.setText(self._note(step))
        if self.help.isVisible():
            self.help.setText(self.why(step))
        self._show_matrices(step.operands, step)
        # the step as one line of text, in the UI's language: for screen readers (and tests)
        operands = ", ".join(f"{o.name} ({o.shape_text})" for o in step.operands)
        self.setAccessibleDescription(
            self.tr("Step {k} of {n}. {title}. {formula}. Operands: {operands}. Result: {result}.")
            .format(k=s.position, n=len(s.steps), title=self.title.text(), formula=step.formula,
                    operands=operands, result=f"{step.result.name} ({step.result.shape_text})"))

    def _show_start(self, title: str) -> None:
        """Before the first step: what is coming, the forward pass's two equations, no matrices."""
        self.title.setText(title)
        self.formula.setText("Z[l] = W[l]·A[l−1] + b[l],  A[l] = σ(Z[l])")
        self.shapes.setText("")
        self.note.setText(self.tr("forward pass, cost, backward pass, update — one equation at "
                                  "a time"))
        self._show_matrices([], None)
        self.setAccessibleDescription(title)

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
