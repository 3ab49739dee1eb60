"""Edit the architecture (layers, neurons, activations), the hyper-parameters and presets.

Every edit goes to the model's setters; the editor redraws itself only from the model's signals.
"""

from __future__ import annotations

import math
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from ..core.activations import ACTIVATIONS
from ..core.datasets import BUILTIN
from ..core.losses import LOSSES
from ..core.network import INITIALIZER_FORMULAS, INITIALIZER_TITLES, INITIALIZERS, MAX_NEURONS, PRECISIONS
from ..core.presets import PRESETS
from ..core.trainer import MAX_ITERATIONS, MAX_L2, MAX_LEARNING_RATE
from ..session.messages import class_names, core_text, dataset_name
from ..session.network_model import NetworkModel
from .i18n import Retranslatable
from .key_slider import KeySlider
from .popup_keys import OpenOnArrows
from .plain_text import plain_labels

LR_LOG_MIN, LR_LOG_MAX, LR_STEPS_PER_DECADE = -5, 1, 20


def name_initialisers(box: QComboBox) -> None:
    """A combo box of the initialisers (their keys as item data): each by its name in the
    user's language, its formula as the item's tooltip."""
    for row in range(box.count()):
        key = box.itemData(row)
        box.setItemText(row, core_text(INITIALIZER_TITLES[key]))
        box.setItemData(row, INITIALIZER_FORMULAS[key], Qt.ItemDataRole.ToolTipRole)


class LayerEditor(Retranslatable, QWidget):
    preset_applied = Signal(str)

    def __init__(self, model: NetworkModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("LayerEditor")
        self.model = model
        # asked before a "preset" or another "data" set replaces the session (the window asks
        # about unsaved training): False leaves it as it is
        self.may_replace: Callable[[str], bool] = lambda what: True
        layout = QVBoxLayout(self)

        # presets and data
        self.preset_box = QComboBox()
        self.preset_box.setObjectName("PresetBox")
        self.preset_box.addItem("", None)
        for key in PRESETS:
            self.preset_box.addItem("", key)
        self.preset_box.activated.connect(self._on_preset_activated)
        self.data_box = QComboBox()
        self.data_box.setObjectName("DataBox")
        for key in BUILTIN:
            self.data_box.addItem("", key)
        self.data_box.activated.connect(self._on_data_activated)
        for box in (self.preset_box, self.data_box):
            # as wide as the dock allows, not as the longest title: the editor fits a 1024-pixel
            # window; the open list shows the whole titles
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(12)
        # each choice acts at once: the arrow keys open the list, Enter chooses (popup_keys)
        self._open_on_arrows = OpenOnArrows(self.preset_box, self.data_box)
        self.data_label = QLabel()
        self.data_label.setObjectName("DataLabel")
        self.data_label.setWordWrap(True)
        top = QFormLayout()
        self.preset_label, self.data_title = QLabel(), QLabel()
        top.addRow(self.preset_label, self.preset_box)
        top.addRow(self.data_title, self.data_box)
        top.addRow(self.data_label)
        layout.addLayout(top)

        # layers
        self.layers_group = QGroupBox()
        self.layers_grid = QGridLayout(self.layers_group)
        layout.addWidget(self.layers_group)
        self.add_button = QPushButton()
        self.add_button.setObjectName("AddLayerButton")
        self.add_button.clicked.connect(lambda: self.model.add_hidden_layer())
        layout.addWidget(self.add_button)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        # hyper-parameters
        self.hyper_group = hyper = QGroupBox()
        form = QFormLayout(hyper)
        self.lr_spin = QDoubleSpinBox(decimals=6, minimum=0.0, maximum=MAX_LEARNING_RATE,
                                      singleStep=0.0005)
        self.lr_spin.setObjectName("LearningRate")
        self.lr_spin.setKeyboardTracking(False)
        self.lr_slider = KeySlider(Qt.Orientation.Horizontal)
        self.lr_slider.setObjectName("LearningRateSlider")
        self.lr_slider.setRange(LR_LOG_MIN * LR_STEPS_PER_DECADE, LR_LOG_MAX * LR_STEPS_PER_DECADE)
        lr_row = QHBoxLayout()
        lr_row.addWidget(self.lr_spin)
        lr_row.addWidget(self.lr_slider, 1)
        self.form_labels = [QLabel() for _ in range(8)]
        form.addRow(self.form_labels[0], lr_row)
        # the limits a file may hold are the editor's (core/trainer.py): λ stopped at 100 here
        # while a session of λ 1,000 opened, and the box then said 100
        self.iterations_spin = QSpinBox(minimum=0, maximum=MAX_ITERATIONS, singleStep=100)
        self.iterations_spin.setObjectName("Iterations")
        self.iterations_spin.setKeyboardTracking(False)
        form.addRow(self.form_labels[1], self.iterations_spin)
        self.batch_spin = QSpinBox(minimum=0, maximum=10_000_000)
        self.batch_spin.setObjectName("BatchSize")
        self.batch_spin.setKeyboardTracking(False)
        form.addRow(self.form_labels[2], self.batch_spin)
        self.l2_spin = QDoubleSpinBox(decimals=4, minimum=0.0, maximum=MAX_L2, singleStep=0.01)
        self.l2_spin.setObjectName("L2")
        self.l2_spin.setKeyboardTracking(False)
        form.addRow(self.form_labels[3], self.l2_spin)
        self.init_box = QComboBox()
        self.init_box.setObjectName("Initializer")
        for key in INITIALIZERS:
            self.init_box.addItem("", key)
        form.addRow(self.form_labels[4], self.init_box)
        self.seed_spin = QSpinBox(minimum=0, maximum=2**31 - 1)
        self.seed_spin.setObjectName("Seed")
        self.seed_spin.setKeyboardTracking(False)
        form.addRow(self.form_labels[5], self.seed_spin)
        self.precision_box = QComboBox()
        self.precision_box.setObjectName("Precision")
        self.precision_box.addItem("", "float64")
        self.precision_box.addItem("", "float32")
        form.addRow(self.form_labels[6], self.precision_box)
        self.loss_box = QComboBox()
        self.loss_box.setObjectName("Cost")
        for key in LOSSES:
            self.loss_box.addItem("", key)
        form.addRow(self.form_labels[7], self.loss_box)
        layout.addWidget(hyper)
        layout.addStretch(1)

        self.lr_spin.valueChanged.connect(lambda v: self._set_hyper(learning_rate=v))
        self.lr_slider.valueChanged.connect(self._on_lr_slider)
        self.iterations_spin.valueChanged.connect(lambda v: self._set_hyper(iterations=v))
        self.batch_spin.valueChanged.connect(lambda v: self._set_hyper(batch_size=v or None))
        self.l2_spin.valueChanged.connect(lambda v: self._set_hyper(l2=v))
        self.init_box.activated.connect(lambda i: self._set_option(init=self.init_box.itemData(i)))
        self.seed_spin.valueChanged.connect(lambda v: self._set_option(seed=v))
        self.precision_box.activated.connect(lambda i: self._set_option(precision=PRECISIONS[i]))
        self.loss_box.activated.connect(lambda i: self._set_option(loss=self.loss_box.itemData(i)))

        model.architecture_changed.connect(self._on_architecture_changed)
        model.parameters_changed.connect(self._on_network_options_changed)
        model.dataset_changed.connect(self._on_dataset_changed)
        model.hyper_changed.connect(self._on_hyper_changed)
        self.retranslate()
        self._on_hyper_changed()

    def add_data_controls(self, widget: QWidget) -> None:
        """Controls of the data set (the window's 2-D playground) right under the data row."""
        self.layout().insertWidget(1, widget)

    def retranslate(self) -> None:
        self.preset_box.setItemText(0, self.tr("Presets…"))
        for row in range(1, self.preset_box.count()):
            self.preset_box.setItemText(row, core_text(PRESETS[self.preset_box.itemData(row)].title))
        for row in range(self.data_box.count()):
            self.data_box.setItemText(row, core_text(BUILTIN[self.data_box.itemData(row)][1]))
        self.data_box.setPlaceholderText(self.tr("a data set from a file"))
        for box in (self.preset_box, self.data_box):  # the open list shows the whole titles
            box.view().setMinimumWidth(box.view().sizeHintForColumn(0) + 24)
        self.preset_label.setText(self.tr("Preset"))
        self.data_title.setText(self.tr("Data"))
        self.layers_group.setTitle(self.tr("Layers"))
        self.add_button.setText(self.tr("Add hidden layer"))
        self.hint.setText(self.tr("Hidden layers take 1 to {n} neurons. Changing the network "
                             "re-initialises it; Ctrl+Z brings the trained one back.")
                          .format(n=f"{MAX_NEURONS:,}"))
        self.hyper_group.setTitle(self.tr("Hyper-parameters"))
        for label, text in zip(self.form_labels, (
                self.tr("Learning rate α"), self.tr("Iterations"), self.tr("Batch size"), self.tr("L2 λ"),
                self.tr("Initialiser"), self.tr("Seed"), self.tr("Precision"), self.tr("Cost"))):
            label.setText(text)
        self.lr_slider.setToolTip(self.tr("learning rate α on a log scale, 10⁻⁵ … 10"))
        self.batch_spin.setSpecialValueText(self.tr("full batch"))
        self.precision_box.setItemText(0, self.tr("float64 (exact)"))
        self.precision_box.setItemText(1, self.tr("float32 (fast)"))
        name_initialisers(self.init_box)
        costs = {"bce": self.tr("binary cross-entropy"), "mse": self.tr("mean squared error")}
        for row in range(self.loss_box.count()):
            self.loss_box.setItemText(row, costs[self.loss_box.itemData(row)])
        self._on_dataset_changed()
        self._on_architecture_changed()

    # ----- edits → model ------------------------------------------------------------------------

    def _set_hyper(self, **changes) -> None:
        if not self.model.set_hyper(**changes):
            self._on_hyper_changed()  # refused: show the model's values again

    def _set_option(self, **fields) -> None:
        if not self.model.set_network_option(**fields):
            self._on_network_options_changed()  # refused (or no change): the model's values again

    def _set_activation(self, layer: int, name: str) -> None:
        if not self.model.set_activation(layer, name):
            box = self.activation_boxes.get(layer)
            if box is not None:
                box.setCurrentText(self.model.network.activations[layer - 1])

    def _on_lr_slider(self, step: int) -> None:
        lr = float(f"{10 ** (step / LR_STEPS_PER_DECADE):.3g}")
        if not math.isclose(lr, self.model.hyper.learning_rate, rel_tol=0.03):
            self._set_hyper(learning_rate=lr)

    def _on_preset_activated(self, index: int) -> None:
        key = self.preset_box.itemData(index)
        self.preset_box.setCurrentIndex(0)
        if key and self.may_replace("preset") and self.model.apply_preset(key):
            self.preset_applied.emit(key)

    def _on_data_activated(self, index: int) -> None:
        if not self.may_replace("data"):
            self._on_dataset_changed()  # the box shows the data set there is again
            return
        self.model.data.use_builtin(self.data_box.itemData(index))

    # ----- model → view -------------------------------------------------------------------------

    def _on_dataset_changed(self) -> None:
        ds = self.model.dataset
        shape = "×".join(map(str, ds.input_shape))
        kind = (self.tr("{shape} images").format(shape=shape) if ds.is_image
                else self.tr("1 feature") if ds.n_features == 1
                else self.tr("{n} features").format(n=ds.n_features))
        if ds.has_samples:
            self.data_label.setText(
                self.tr("{name}: {train} training and {test} test samples, {kind}").format(
                    name=dataset_name(ds), train=f"{ds.X_train.shape[1]:,}", test=f"{ds.X_test.shape[1]:,}",
                    kind=kind))
        else:
            self.data_label.setText(self.tr(
                "No data: the model {name} takes {kind} ({classes}). It classifies the pictures "
                "you drop; to train it, open a data set.").format(
                    name=ds.name, kind=kind, classes=" / ".join(class_names(ds))))
        i = self.data_box.findData(ds.builtin) if ds.builtin else -1
        self.data_box.setCurrentIndex(i if i >= 0 else -1)
        for row in range(1, self.preset_box.count()):
            key = self.preset_box.itemData(row)
            self.preset_box.model().item(row).setEnabled(self.model.preset_available(key))

    def _on_architecture_changed(self) -> None:
        grid = self.layers_grid
        while grid.count():
            w = grid.takeAt(0).widget()
            if w is not None:
                w.hide()  # at once: until deleted it would sit over the group's title
                w.deleteLater()
        net = self.model.network
        grid.addWidget(QLabel(self.tr("input")), 0, 0)
        input_label = QLabel(self.tr("{n} (from the data)").format(n=f"{net.dims[0]:,}"))
        input_label.setObjectName("InputSize")
        grid.addWidget(input_label, 0, 1, 1, 2)
        self.size_spins: dict[int, QSpinBox] = {}
        self.activation_boxes: dict[int, QComboBox] = {}
        for l in range(1, net.L + 1):
            output = l == net.L
            grid.addWidget(QLabel(self.tr("output") if output
                                  else self.tr("layer {l}").format(l=l)), l, 0)
            spin = QSpinBox(minimum=0, maximum=99_999)
            spin.setObjectName(f"LayerSize{l}")
            spin.setKeyboardTracking(False)
            spin.setValue(net.dims[l])
            spin.setEnabled(not output)
            spin.setToolTip(self.tr("the output is one unit for a yes/no task") if output
                            else self.tr("neurons in layer {l} (1–{n})").format(l=l, n=MAX_NEURONS))
            spin.valueChanged.connect(lambda v, l=l: self._on_size_changed(l, v))
            box = QComboBox()
            box.setObjectName(f"LayerActivation{l}")
            box.addItems(list(ACTIVATIONS))
            box.setCurrentText(net.activations[l - 1])
            if output and net.loss == "bce":
                box.setEnabled(False)
                box.setToolTip(self.tr("cross-entropy needs a sigmoid output"))
            box.activated.connect(lambda i, l=l, box=box: self._set_activation(l, box.itemText(i)))
            grid.addWidget(spin, l, 1)
            grid.addWidget(box, l, 2)
            self.size_spins[l], self.activation_boxes[l] = spin, box
            if not output:
                remove = QPushButton("✕")
                remove.setObjectName(f"RemoveLayer{l}")
                remove.setToolTip(self.tr("remove layer {l}").format(l=l))
                remove.setFixedWidth(32)
                remove.clicked.connect(lambda _=False, l=l: self.model.remove_hidden_layer(l))
                grid.addWidget(remove, l, 3)
        plain_labels(self.layers_group)  # its new labels: text, never markup
        self._on_network_options_changed()

    def _on_size_changed(self, layer: int, n: int) -> None:
        if not self.model.set_layer_size(layer, n):
            spin = self.size_spins.get(layer)
            if spin is not None:
                spin.blockSignals(True)
                spin.setValue(self.model.network.dims[layer])
                spin.blockSignals(False)

    def _on_network_options_changed(self) -> None:
        net = self.model.network
        for widget in (self.init_box, self.seed_spin):
            widget.blockSignals(True)
        self.init_box.setCurrentIndex(self.init_box.findData(net.init))
        self.seed_spin.setValue(net.seed)
        for widget in (self.init_box, self.seed_spin):
            widget.blockSignals(False)
        self.precision_box.setCurrentIndex(PRECISIONS.index(net.precision))
        self.loss_box.setCurrentIndex(self.loss_box.findData(net.loss))

    def _on_hyper_changed(self) -> None:
        h = self.model.hyper
        pairs = ((self.lr_spin, h.learning_rate), (self.iterations_spin, h.iterations),
                 (self.batch_spin, h.batch_size or 0), (self.l2_spin, h.l2),
                 (self.lr_slider, round(math.log10(h.learning_rate) * LR_STEPS_PER_DECADE)))
        for widget, value in pairs:
            widget.blockSignals(True)
            widget.setValue(value)
            widget.blockSignals(False)
