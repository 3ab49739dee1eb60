"""The equation panel's navigation: the step buttons, the samples, the step list (or, in a
narrow panel, the list that opens from the buttons), and which of them show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from ..session.stepper_model import BATCH, SAMPLE, StepperModel
from ..session.call_soon import call_soon

# a panel narrower than this (a 1024-pixel window) gives the step list's column to the matrices:
# the steps are chosen in a list that opens from the button row, the samples beside the buttons
COMPACT_PANEL = 740


class StepNavigation:
    """Mixed into EquationPanel (before QWidget): its step and sample controls."""

    def _build_navigation(self, stepper: StepperModel) -> None:
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
        # the buttons in two short rows, the samples above the step list: the panel fits beside
        # the editor and the plots in a 1024-pixel window
        self.buttons = QWidget()
        rows = QVBoxLayout(self.buttons)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        self.button_rows: list[QHBoxLayout] = []
        for group in ((self.home_button, self.prev_button, self.next_button, self.end_button),
                      (self.forward_button, self.backward_button, self.update_button)):
            row = QHBoxLayout()
            for w in group:
                row.addWidget(w)
            row.addStretch(1)
            rows.addLayout(row)
            self.button_rows.append(row)
        # the steps in a list that opens from the buttons, where the panel is too narrow for
        # the step list beside the matrices (COMPACT_PANEL)
        # a child of the panel while no layout holds it: a widget without a parent outlives the
        # panel, and its connection's lambda kept the whole window alive (issue 26)
        self.step_chooser = QComboBox(self)  # type: ignore[arg-type]
        self.step_chooser.setObjectName("StepChooser")
        self.step_chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.step_chooser.setMinimumContentsLength(10)
        self.step_chooser.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.step_chooser.activated.connect(lambda k: stepper.go(k + 1))
        self.step_chooser.hide()
        self.compact = False

        self.step_list = QListWidget()
        self.step_list.setObjectName("StepList")
        self.step_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # a narrow list wraps its steps rather than cut them; each says itself whole on hover
        self.step_list.setWordWrap(True)
        self.step_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.step_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.side = QWidget()
        self.side_layout = sl = QVBoxLayout(self.side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.mode_box)
        self.sample_row = sample = QHBoxLayout()
        sample.addWidget(self.sample_spin, 1)
        sample.addWidget(self.sample_image)
        sl.addLayout(sample)
        sl.addWidget(self.step_list, 1)
        self.side.setMinimumWidth(120)

    def set_stage(self, on: bool) -> None:
        """The equation stage of presentation mode: the step fills the screen, the buttons and
        the step list give way (the keys, a clicker and the stage bar drive it)."""
        self.buttons.setVisible(not on)
        self.side.setVisible(not on and not self.compact)
        self._stage = on
        self._arrange(force=True)
        if self._explaining:  # the explanation placed anew for the screen's height
            call_soon(self, self._make_room)

    def resizeEvent(self, event) -> None:
        width = event.size().width()
        self._set_compact(width < COMPACT_PANEL)
        if self.compact and self.buttons.minimumSizeHint().width() > width:
            self._set_compact(False)  # the buttons' rows would widen the window: the list stays
        super().resizeEvent(event)

    def _set_compact(self, on: bool) -> None:
        """Narrow: the step list's column gives way to the matrices; the samples stand beside
        the phase buttons and the steps open from a list beside the step buttons (each says
        itself whole there, and on hover)."""
        if on == self.compact:
            return
        self.compact = on
        first, second = self.button_rows
        if on:
            first.insertWidget(first.count() - 1, self.step_chooser, 1)
            for w in (self.mode_box, self.sample_spin):
                second.insertWidget(second.count() - 1, w)
        else:
            self.side_layout.insertWidget(0, self.mode_box)
            self.sample_row.insertWidget(0, self.sample_spin, 1)
        # the picture of the sample is the diagram's input column too
        self.sample_image.setVisible(not on)
        self.step_chooser.setVisible(on)
        self.side.setVisible(not on and not self._stage)


    def _set_enabled(self, on: bool) -> None:
        for b in (self.home_button, self.prev_button, self.next_button, self.end_button,
                  self.forward_button, self.backward_button, self.update_button, self.step_list,
                  self.step_chooser):
            b.setEnabled(on)

