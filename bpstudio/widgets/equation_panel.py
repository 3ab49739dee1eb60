"""Step through one training iteration, one equation at a time, with the real matrices.

The current equation is large (it gets projected), with the layer filled in and the shapes under
it; operands and result are drawn as number grids or heatmaps. The window's step actions (Space,
→ or Page Down on; ← or Page Up back, what presentation clickers send; Home to the start) drive
it whatever is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from ..core import iterations
from ..core.equations import OPERATION_NAMES
from ..core.messages import isolated
from ..core.stepper import BACKWARD, FORWARD, UPDATE, Step
from ..session.call_soon import call_soon
from ..session.explain_model import ExplainModel
from ..session.messages import capital, class_names, core_text, sentences, translated
from ..session.stepper_model import SAMPLE, StepperModel
from .equation_navigation import StepNavigation
from .equation_room import MatrixRoom
from .explain_pane import ExplainPane
from .formula_label import FormulaLabel
from .formula_words import formula_words, spoken_step, step_name
from .i18n import Retranslatable, has_cjk_font
from .matrix_rows import MatrixRows
from .matrix_view import MatrixView
from .palette import rgb_image
from .item_text import text_room
from .plain_text import as_label_text, tip
from .vertical_scroll import VerticalScroll


# the formula and the shapes, relative to the UI's text size (the app's style sheet uses these too)
FORMULA_SCALE, SHAPES_SCALE = 2.2, 1.4


class EquationPanel(Retranslatable, StepNavigation, MatrixRoom, QWidget):
    def __init__(self, stepper: StepperModel, explain: ExplainModel | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("EquationPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a click here takes the keys from editors
        self.stepper_model = stepper
        self.explain = explain if explain is not None else ExplainModel(stepper, self)
        # a cell clicked: where its number comes from, under the step
        self.explain_pane = ExplainPane(self.explain)
        self.title = QLabel()
        self.title.setObjectName("StepTitle")
        self.formula = FormulaLabel()
        self.formula.setObjectName("StepFormula")
        self.shapes = QLabel()
        self.shapes.setObjectName("StepShapes")
        self.shapes.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel()
        self.note.setObjectName("StepNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        for label in (self.title, self.shapes, self.note):
            # long texts wrap instead of widening the window past a 1024-pixel projector
            label.setWordWrap(True)
            label.setMinimumWidth(120)

        # the end of an iteration: applying it is the user's choice
        self.apply_row = QFrame()
        self.apply_row.setObjectName("StepApplyRow")
        self.apply_text = QLabel()
        self.apply_text.setWordWrap(True)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("StepApply")
        row = QVBoxLayout(self.apply_row)  # text over button: narrow enough for 1024 pixels
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.apply_text)
        row.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)
        self.apply_row.hide()
        # an unlabelled picture after its forward pass: which class is it?
        self.question = QFrame()
        self.question.setObjectName("StepLabelQuestion")
        self.question_text = QLabel()
        self.question_text.setWordWrap(True)
        self.label_buttons = [QPushButton(), QPushButton()]
        row = QHBoxLayout(self.question)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.question_text, 1)
        for y, button in enumerate(self.label_buttons):
            button.setObjectName(f"StepLabel{y}")
            button.clicked.connect(lambda _=False, y=y: self.stepper_model.choose_label(y))
            row.addWidget(button)
        self.question.hide()

        self.matrices = QWidget()
        self.matrix_rows = MatrixRows(self.matrices)
        self.matrices.installEventFilter(self)  # resized: one row of matrices or two
        self.views: list[MatrixView] = []
        self.symbols: list[QLabel] = []
        self._shown = 0  # matrices on screen
        self._operands = 0  # of which operands (the rest: the result)
        self._explaining = False  # the explanation pane is open
        # the centre's sizes before the explanation took the diagram's place (None: it has not)
        self._covered: list[int] | None = None
        self.lesson_keys = False  # a lesson has Space and the page keys: the texts say → alone
        self._stage = False  # the equation stage of presentation mode: the screen is the step's

        self._build_navigation(stepper)

        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.title)
        cl.addWidget(self.shapes)
        cl.addWidget(self.note)
        cl.addWidget(self.matrices, 1)
        split = QSplitter()
        # short of height (a 1024×768 window) the step scrolls; its words are never cut
        self.step_area = VerticalScroll(centre)
        self.step_area.setFrameShape(QFrame.Shape.NoFrame)
        # the step laid out anew under an explanation (a nudge's words, the stage's screen): the
        # matrices stay in view, its words above them scroll away
        self.step_area.verticalScrollBar().rangeChanged.connect(self._keep_matrices_seen)
        split.addWidget(self.step_area)
        split.addWidget(self.side)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(split)
        self.body.addWidget(self.explain_pane)
        self.body.setStretchFactor(0, 3)
        self.body.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 0)  # the room is the matrices'
        layout.setSpacing(3)
        layout.addWidget(self.buttons)
        # what the user is asked (the class, applying) never scrolls out of sight with the step
        layout.addWidget(self.question)
        layout.addWidget(self.apply_row)
        # the formula, with its equation's number, never scrolls away from the matrices: the
        # step's other words (title, shapes, note) scroll above them where the height is short
        layout.addWidget(self.formula)
        layout.addWidget(self.body, 1)

        self._apply_fonts()
        self.home_button.clicked.connect(stepper.home)
        self.prev_button.clicked.connect(stepper.previous)
        self.next_button.clicked.connect(stepper.next)
        self.end_button.clicked.connect(stepper.run_to_end)
        self.forward_button.clicked.connect(lambda: stepper.jump_to(FORWARD))
        self.backward_button.clicked.connect(lambda: stepper.jump_to(BACKWARD))
        self.update_button.clicked.connect(lambda: stepper.jump_to(UPDATE))
        self.apply_button.clicked.connect(stepper.apply)
        self.mode_box.activated.connect(lambda i: stepper.set_mode(self.mode_box.itemData(i)))
        self.sample_spin.valueChanged.connect(lambda v: stepper.model.sample.choose(v - 1))
        self.step_list.itemClicked.connect(lambda item: stepper.go(self.step_list.row(item) + 1))
        stepper.step_changed.connect(self._on_step_changed)
        stepper.mode_changed.connect(self._on_step_changed)
        self.explain.changed.connect(self._on_explained)
        stepper.model.dataset_changed.connect(self._on_dataset_changed)
        stepper.model.sample.changed.connect(self._on_dataset_changed)
        self._listed = self._listed_for = None
        self.help = QMessageBox(QMessageBox.Icon.Information, "", "", QMessageBox.StandardButton.Close,
                                self)
        self.help.setObjectName("EquationHelp")
        self.help.setTextFormat(Qt.TextFormat.PlainText)
        self.help.setModal(False)
        self.retranslate()

    def retranslate(self) -> None:
        for button, text in ((self.home_button, self.tr("Start")), (self.prev_button, self.tr("◀ Previous")),
                             (self.next_button, self.tr("Next ▶")), (self.end_button, self.tr("End of iteration")),
                             (self.forward_button, self.tr("Forward pass")),
                             (self.backward_button, self.tr("Backward pass")), (self.update_button, self.tr("Update"))):
            button.setText(text)
        self.home_button.setToolTip(self.tr("back to the start of the iteration (Home)"))
        if self.lesson_keys:  # Space and the page keys go through the lesson's beats
            self.prev_button.setToolTip(self.tr("previous step (←)"))
            self.next_button.setToolTip(self.tr("next step (→)"))
        else:
            self.prev_button.setToolTip(self.tr("previous step (← or Page Up)"))
            self.next_button.setToolTip(self.tr("next step (Space, → or Page Down)"))
        self.mode_box.setItemText(0, self.tr("one sample"))
        self.mode_box.setItemText(1, self.tr("whole batch"))
        self.mode_box.setToolTip(self.tr("one sample: vectors, the tutorial's single-sample table; the whole "
                                    "batch: matrices, its multi-sample table"))
        self.sample_spin.setToolTip(self.tr("which training sample"))
        self.sample_spin.setAccessibleName(self.tr("which training sample"))
        self.step_list.setAccessibleName(self.tr("the iteration's steps"))
        self.step_chooser.setPlaceholderText(self.tr("the iteration's steps"))
        self.help.setWindowTitle(self.tr("Why this equation?"))
        self._listed = self._listed_for = None  # the step list is written anew
        self._on_dataset_changed()

    # ----- words: the step's own, translated -------------------------------------------------------

    def heading(self, step: Step) -> str:
        """"equation 2b · hidden-layer error (隐含层误差): times σ′(z) …": the tutorial's number and
        name for the step; in another language than Chinese its Chinese term stands beside."""
        group, title = step.title_parts()
        name = core_text(group) if group else core_text(title)
        if step.equation.term not in name and has_cjk_font():
            name = self.tr("{name} ({term})").format(name=name, term=step.equation.term)
        if group:
            name = self.tr("{group}: {title}").format(group=name, title=core_text(title))
        label = step.equation.label
        return self.tr("equation {label}").format(label=label) + " · " + name if label else name

    def _operation(self, step: Step) -> str:
        return self.tr(", then ").join(core_text(OPERATION_NAMES[o]) for o in step.operations)

    def why(self, step: Step | None) -> str:
        """The step's "why", for F1."""
        if step is None:
            return (self.tr("Step forward with →; F1 explains the equation on screen.")
                    if self.lesson_keys else
                    self.tr("Step forward with → or Space; F1 explains the equation on screen."))
        return translated(step.why)

    def show_help(self) -> None:
        self.help.setText(self.why(self.stepper_model.current_step()))
        self.help.show()
        self.help.raise_()

    def set_lesson_keys(self, on: bool) -> None:
        """Whether a lesson has taken Space, Page Down and Page Up (the texts name → and ←)."""
        if on != self.lesson_keys:
            self.lesson_keys = on
            self.retranslate()

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
            call_soon(self, self._fit_chooser)  # once the list has its new font
        super().changeEvent(event)  # Retranslatable handles LanguageChange

    # ----- model → view ----------------------------------------------------------------------------

    def _on_dataset_changed(self, *args) -> None:
        model = self.stepper_model.model
        ds = model.dataset
        self.sample_spin.blockSignals(True)
        self.sample_spin.setRange(1, ds.X_train.shape[1])
        self.sample_spin.setValue(model.sample.index + 1)
        self.sample_spin.blockSignals(False)
        if ds.is_image:
            x = model.sample.x()[:, 0].reshape(ds.input_shape)
            self.sample_image.setPixmap(QPixmap.fromImage(rgb_image(x)).scaled(48, 48))
            self.sample_image.setToolTip(tip(model.sample.name()))
        else:
            self.sample_image.clear()
        self._on_step_changed()

    def _list_steps(self, listed: list[tuple[str, str]]) -> None:
        """The iteration's steps, (text, tooltip) each, in the list and the chooser. The items are
        made by Qt from the texts: with items made in Python, a time cursor dragged over a run
        (a new stepper at every move, the list cleared and written anew each time) crashed the
        window now and then in Shiboken's releaseWrapper as the list was cleared
        (benchmarks/bench_heartbeat.py, PySide6 6.11)."""
        self._listed = listed
        self.step_list.clear()
        self.step_chooser.clear()
        self.step_list.addItems([text for text, _ in listed])
        self.step_chooser.addItems([text for text, _ in listed])
        for row, (_, tooltip) in enumerate(listed):
            self.step_list.item(row).setToolTip(tooltip)
            self.step_chooser.setItemData(row, tooltip, Qt.ItemDataRole.ToolTipRole)
        self._fit_chooser()

    def _fit_chooser(self) -> None:
        """The opened chooser as wide as its longest step, in its font and with the margins a
        step is drawn in (the closed box elides), but no wider than the screen: Qt's own
        measure counted only the steps its unopened list had room for."""
        view, chooser = self.step_chooser.view(), self.step_chooser
        width = (text_room(view, (chooser.itemText(k) for k in range(chooser.count())))
                 + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth() + 2)
        screen = self.screen()
        if screen is not None:
            width = min(width, screen.availableGeometry().width())
        view.setMinimumWidth(width)

    def _on_step_changed(self) -> None:
        sm = self.stepper_model
        self.mode_box.setCurrentIndex(self.mode_box.findData(sm.mode))
        self.sample_spin.setEnabled(sm.mode == SAMPLE)
        self._show_end(sm)
        if not sm.available:
            self.title.setText(self.tr("Training is running; stepping waits until it stops."))
            self._set_enabled(False)
            return
        self._set_enabled(True)
        # the iteration stepped is the network's own (core/iterations.py): iteration i computes
        # the cost of the network after i updates, and its update makes iteration i + 1
        i = translated(iterations.iteration(sm.model.shown.network.iterations_trained))
        if not sm.laid_out and sm.costly:
            self._listed = self._listed_for = None
            self.step_list.clear()
            self.step_chooser.clear()
            n = f"{sm.model.shown.network.weight_count:,}"
            if sm.laying_out:
                self._show_start(self.tr("Laying out {iteration} of a network with {n} "
                                         "weights…").format(iteration=i, n=n))
            else:
                self._show_start((self.tr("{iteration} of a network with {n} weights. Press → "
                                          "to lay it out and begin.") if self.lesson_keys else
                                  self.tr("{iteration} of a network with {n} weights. Press → "
                                          "or Space to lay it out and begin.")).format(
                    iteration=capital(i), n=n))
            return
        s = sm.stepper
        if self._listed_for is not s:  # a new stepper (a time cursor's every move brings one):
            self._listed_for = s  # its steps' words, written only if they are not those shown
            listed = [(f"{st.index + 1}. " + (f"({st.equation.label}) " if st.equation.label
                                              else "") + st.formula,
                       tip(self.tr("{formula}: {heading}, layer {l}").format(
                           formula=st.formula, heading=self.heading(st), l=st.layer)))
                      for st in s.steps]
            if self._listed != listed:
                self._list_steps(listed)
        step = s.current
        self.step_list.setCurrentRow(s.position - 1)
        self.step_chooser.setCurrentIndex(s.position - 1)
        self.step_chooser.setToolTip(self.step_chooser.itemData(s.position - 1,
                                                                Qt.ItemDataRole.ToolTipRole)
                                     if s.position > 0 else self.tr("the iteration's steps"))
        if step is None:
            m = s.X.shape[1]
            said = [self.tr("{iteration}: {n} steps on one sample, {name}.").format(
                        iteration=capital(i), n=len(s.steps), name=sm.model.sample.name())
                    if m == 1 else
                    self.tr("{iteration}: {n} steps on {m} samples.").format(
                        iteration=capital(i), n=len(s.steps), m=f"{m:,}")]
            if s.forward_only:
                said.append(self.tr("Its class is asked for after the forward pass."))
            said.append(self.tr("Press → to begin.") if self.lesson_keys else
                        self.tr("Press → or Space to begin."))
            self._show_start(sentences(*said))
            return
        parts = [self.tr("Step {k} of {n}").format(k=s.position, n=len(s.steps)),
                 core_text(step.phase_name),
                 self.heading(step), self.tr("layer {l}").format(l=step.layer),
                 self._operation(step)]
        self.title.setText(" · ".join(parts))
        label = step.equation.label
        self.formula.setText((f"({label})  " if label else "") + step.formula)
        self.shapes.setText(step.shapes_text())
        note = translated(step.note) if step.note is not None else ""
        label = sm.model.sample.label()
        if step.phase == "cost" and step.one_sample and sm.model.sample.picture is not None:
            chosen = self.tr("y = {y} ({name}): the class of this picture").format(
                y=int(label), name=class_names(sm.model.dataset)[int(label)])
            note = f"{chosen} · {note}" if note else chosen
        self.note.setText(note)
        if self.help.isVisible():
            self.help.setText(self.why(step))
        self._show_matrices(step.operands, step)
        # the step as one line of text, in the UI's language: for screen readers (and tests)
        operands = ", ".join(f"{o.name} ({o.shape_text})" for o in step.operands)
        self.setAccessibleDescription(
            self.tr("Step {k} of {n}. {title}. {formula}. Operands: {operands}. Result: {result}.")
            .format(k=s.position, n=len(s.steps), title=self.title.text(),
                    formula=spoken_step(step), operands=operands,
                    result=f"{step.result.name} ({step.result.shape_text})"))
        self.formula.setAccessibleName(step_name(step))
        self.formula.setAccessibleDescription(formula_words(step.formula))
        name = step_name(step)
        for k, view in enumerate(self.views[:self._shown]):
            view.set_about(self.tr("the result of {step}").format(step=name)
                           if k == self._operands else
                           self.tr("operand {k} of {step}").format(k=k + 1, step=name))

    def _show_end(self, sm) -> None:
        """At the end of the forward pass of an unlabelled picture: which class is it? At the end
        of an iteration: apply it, or not."""
        self.question.setVisible(sm.needs_label)
        if sm.needs_label:
            classes = class_names(sm.model.dataset)
            self.question_text.setText(self.tr(
                "The forward pass is done. Which class is {name}? The loss needs its label y; "
                "without one, only the forward pass can be stepped.").format(
                name=sm.model.sample.name()))
            for y, button in enumerate(self.label_buttons):
                button.setText(as_label_text(self.tr("{name} (y = {y})").format(
                    name=isolated(classes[y]), y=y)))
        self.apply_row.setVisible(sm.at_end)
        self.apply_button.setEnabled(sm.applicable)
        if sm.at_end:
            n = sm.model.shown.network.iterations_trained
            i, after = (translated(iterations.iteration(k)) for k in (n, n + 1))
            one_sample = sm.stepper.samples == 1
            # what applying does, as the numbers allow it (core/claims.py)
            said = sm.applying()
            self.apply_button.setToolTip(tip(translated(said)) if said is not None else "")
            self.apply_button.setText(self.tr("Apply this sample's step to the network")
                                      if one_sample else self.tr("Apply this update to the network"))
            self.apply_text.setText((self.tr(
                "End of {iteration} on one sample ({who}): the network has not changed. Apply "
                "this sample's gradient step to move it to {next}, or press Home to step it "
                "again.") if one_sample else self.tr(
                "End of {iteration}: the network has not changed. Apply this update to move it "
                "to {next}, or press Home to step it again.")).format(
                iteration=i, next=after, who=sm.model.sample.name())
                if sm.applicable else self.tr(
                "End of {iteration}, a past one of the run: shown, not applied. Go back to now, "
                "or continue from here, to change the network.").format(iteration=i)
                if sm.past else self.tr(
                "End of {iteration}: training is paused; stop it to apply this update.").format(
                    iteration=i))

    def _one_sample(self) -> bool:
        """The iteration is (or will be) one sample's: the single-sample notation."""
        sm = self.stepper_model
        if sm.iteration is not None:
            return sm.iteration.samples == 1
        ds = sm.model.dataset
        return sm.mode == SAMPLE or not ds.has_samples or ds.X_train.shape[1] == 1

    def _show_start(self, title: str) -> None:
        """Before the first step: what is coming, the forward pass's two equations in the
        notation of one sample or of the batch, no matrices."""
        self.title.setText(title)
        one_sample = self._one_sample()
        self.formula.setText("z[l] = W[l]·a[l−1] + b[l],  a[l] = σ(z[l])" if one_sample else
                             "Z[l] = W[l]·A[l−1] + b[l],  A[l] = σ(Z[l])")
        self.shapes.setText("")
        self.note.setText(self.tr("forward pass, loss, backward pass, update — one equation at "
                                  "a time") if one_sample else
                          self.tr("forward pass, cost, backward pass, update — one equation at "
                                  "a time"))
        self._show_matrices([], None)
        self.setAccessibleDescription(title)
        self.formula.setAccessibleName(self.tr("the forward pass"))
        self.formula.setAccessibleDescription(formula_words(self.formula.text()))

