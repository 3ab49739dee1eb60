"""Edit the architecture (layers, neurons, activations), the hyper-parameters and presets.

Every edit goes to the model's setters; the editor redraws itself only from the model's signals.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QPushButton, QSlider, QSpinBox, QVBoxLayout,
                               QWidget)

from ..core.activations import ACTIVATIONS
from ..core.datasets import BUILTIN
from ..core.losses import LOSSES
from ..core.network import INITIALIZERS, PRECISIONS
from ..session.network_model import MAX_NEURONS, PRESETS, NetworkModel

LR_LOG_MIN, LR_LOG_MAX, LR_STEPS_PER_DECADE = -5, 1, 20


class LayerEditor(QWidget):
    preset_applied = Signal(str)

    def __init__(self, model: NetworkModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("LayerEditor")
        self.model = model
        layout = QVBoxLayout(self)

        # presets and data
        self.preset_box = QComboBox()
        self.preset_box.setObjectName("PresetBox")
        self.preset_box.addItem("Presets…", None)
        for key, p in PRESETS.items():
            self.preset_box.addItem(p.title, key)
        self.preset_box.activated.connect(self._on_preset_activated)
        self.data_box = QComboBox()
        self.data_box.setObjectName("DataBox")
        for key, (_, title, _) in BUILTIN.items():
            self.data_box.addItem(title, key)
        self.data_box.setPlaceholderText("a data set from a file")
        self.data_box.activated.connect(self._on_data_activated)
        self.data_label = QLabel()
        self.data_label.setObjectName("DataLabel")
        self.data_label.setWordWrap(True)
        top = QFormLayout()
        top.addRow("Preset", self.preset_box)
        top.addRow("Data", self.data_box)
        top.addRow(self.data_label)
        layout.addLayout(top)

        # layers
        self.layers_group = QGroupBox("Layers")
        self.layers_grid = QGridLayout(self.layers_group)
        layout.addWidget(self.layers_group)
        self.add_button = QPushButton("Add hidden layer")
        self.add_button.setObjectName("AddLayerButton")
        self.add_button.clicked.connect(lambda: self.model.add_hidden_layer())
        layout.addWidget(self.add_button)
        hint = QLabel(f"Hidden layers take 1 to {MAX_NEURONS:,} neurons. Changing the network "
                      "re-initialises it; Ctrl+Z brings the trained one back.")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        # hyper-parameters
        hyper = QGroupBox("Hyper-parameters")
        form = QFormLayout(hyper)
        self.lr_spin = QDoubleSpinBox(decimals=6, minimum=0.0, maximum=10.0, singleStep=0.0005)
        self.lr_spin.setObjectName("LearningRate")
        self.lr_spin.setKeyboardTracking(False)
        self.lr_slider = QSlider(Qt.Orientation.Horizontal)
        self.lr_slider.setObjectName("LearningRateSlider")
        self.lr_slider.setRange(LR_LOG_MIN * LR_STEPS_PER_DECADE, LR_LOG_MAX * LR_STEPS_PER_DECADE)
        self.lr_slider.setToolTip("learning rate α on a log scale, 10⁻⁵ … 10")
        lr_row = QHBoxLayout()
        lr_row.addWidget(self.lr_spin)
        lr_row.addWidget(self.lr_slider, 1)
        form.addRow("Learning rate α", lr_row)
        self.iterations_spin = QSpinBox(minimum=0, maximum=10_000_000, singleStep=100)
        self.iterations_spin.setObjectName("Iterations")
        self.iterations_spin.setKeyboardTracking(False)
        form.addRow("Iterations", self.iterations_spin)
        self.batch_spin = QSpinBox(minimum=0, maximum=10_000_000)
        self.batch_spin.setObjectName("BatchSize")
        self.batch_spin.setSpecialValueText("full batch")
        self.batch_spin.setKeyboardTracking(False)
        form.addRow("Batch size", self.batch_spin)
        self.l2_spin = QDoubleSpinBox(decimals=4, minimum=0.0, maximum=100.0, singleStep=0.01)
        self.l2_spin.setObjectName("L2")
        self.l2_spin.setKeyboardTracking(False)
        form.addRow("L2 λ", self.l2_spin)
        self.init_box = QComboBox()
        self.init_box.setObjectName("Initializer")
        self.init_box.addItems(list(INITIALIZERS))
        form.addRow("Initialiser", self.init_box)
        self.seed_spin = QSpinBox(minimum=0, maximum=2**31 - 1)
        self.seed_spin.setObjectName("Seed")
        self.seed_spin.setKeyboardTracking(False)
        form.addRow("Seed", self.seed_spin)
        self.precision_box = QComboBox()
        self.precision_box.setObjectName("Precision")
        self.precision_box.addItem("float64 (exact)", "float64")
        self.precision_box.addItem("float32 (fast)", "float32")
        form.addRow("Precision", self.precision_box)
        self.loss_box = QComboBox()
        self.loss_box.setObjectName("Cost")
        for key, loss in LOSSES.items():
            self.loss_box.addItem(loss.title, key)
        form.addRow("Cost", self.loss_box)
        layout.addWidget(hyper)
        layout.addStretch(1)

        self.lr_spin.valueChanged.connect(lambda v: self._set_hyper(learning_rate=v))
        self.lr_slider.valueChanged.connect(self._on_lr_slider)
        self.iterations_spin.valueChanged.connect(lambda v: self._set_hyper(iterations=v))
        self.batch_spin.valueChanged.connect(lambda v: self._set_hyper(batch_size=v or None))
        self.l2_spin.valueChanged.connect(lambda v: self._set_hyper(l2=v))
        self.init_box.activated.connect(lambda i: self.model.set_network_option(init=INITIALIZERS[i]))
        self.seed_spin.valueChanged.connect(lambda v: self.model.set_network_option(seed=v))
        self.precision_box.activated.connect(
            lambda i: self.model.set_network_option(precision=PRECISIONS[i]))
        self.loss_box.activated.connect(
            lambda i: self.model.set_network_option(loss=self.loss_box.itemData(i)))

        model.architecture_changed.connect(self._on_architecture_changed)
        model.parameters_changed.connect(self._on_network_options_changed)
        model.dataset_changed.connect(self._on_dataset_changed)
        model.hyper_changed.connect(self._on_hyper_changed)
        self._on_dataset_changed()
        self._on_architecture_changed()
        self._on_hyper_changed()

    # ----- edits → model ------------------------------------------------------------------------

    def _set_hyper(self, **changes) -> None:
        if not self.model.set_hyper(**changes):
            self._on_hyper_changed()  # refused: show the model's values again

    def _on_lr_slider(self, step: int) -> None:
        lr = float(f"{10 ** (step / LR_STEPS_PER_DECADE):.3g}")
        if not math.isclose(lr, self.model.hyper.learning_rate, rel_tol=0.03):
            self._set_hyper(learning_rate=lr)

    def _on_preset_activated(self, index: int) -> None:
        key = self.preset_box.itemData(index)
        self.preset_box.setCurrentIndex(0)
        if key and self.model.apply_preset(key):
            self.preset_applied.emit(key)

    def _on_data_activated(self, index: int) -> None:
        self.model.use_builtin(self.data_box.itemData(index))

    # ----- model → view -------------------------------------------------------------------------

    def _on_dataset_changed(self) -> None:
        ds = self.model.dataset
        shape = "×".join(map(str, ds.input_shape))
        kind = f"{shape} images" if ds.is_image else f"{ds.n_features} features"
        self.data_label.setText(
            f"{ds.name}: {ds.X_train.shape[1]:,} training and {ds.X_test.shape[1]:,} test samples, "
            f"{kind}")
        i = self.data_box.findData(ds.source.removeprefix("built-in:"))
        self.data_box.setCurrentIndex(i if i >= 0 else -1)
        for row in range(1, self.preset_box.count()):
            key = self.preset_box.itemData(row)
            self.preset_box.model().item(row).setEnabled(self.model.preset_available(key))

    def _on_architecture_changed(self) -> None:
        grid = self.layers_grid
        while grid.count():
            w = grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        net = self.model.network
        grid.addWidget(QLabel("input"), 0, 0)
        input_label = QLabel(f"{net.dims[0]:,} (from the data)")
        input_label.setObjectName("InputSize")
        grid.addWidget(input_label, 0, 1, 1, 2)
        self.size_spins: dict[int, QSpinBox] = {}
        self.activation_boxes: dict[int, QComboBox] = {}
        for l in range(1, net.L + 1):
            output = l == net.L
            grid.addWidget(QLabel("output" if output else f"layer {l}"), l, 0)
            spin = QSpinBox(minimum=0, maximum=99_999)
            spin.setObjectName(f"LayerSize{l}")
            spin.setKeyboardTracking(False)
            spin.setValue(net.dims[l])
            spin.setEnabled(not output)
            spin.setToolTip("the output is one unit for a yes/no task" if output
                            else f"neurons in layer {l} (1–{MAX_NEURONS})")
            spin.valueChanged.connect(lambda v, l=l: self._on_size_changed(l, v))
            box = QComboBox()
            box.setObjectName(f"LayerActivation{l}")
            box.addItems(list(ACTIVATIONS))
            box.setCurrentText(net.activations[l - 1])
            if output and net.loss == "bce":
                box.setEnabled(False)
                box.setToolTip("cross-entropy needs a sigmoid output")
            box.activated.connect(lambda i, l=l, box=box: self.model.set_activation(l, box.itemText(i)))
            grid.addWidget(spin, l, 1)
            grid.addWidget(box, l, 2)
            self.size_spins[l], self.activation_boxes[l] = spin, box
            if not output:
                remove = QPushButton("✕")
                remove.setObjectName(f"RemoveLayer{l}")
                remove.setToolTip(f"remove layer {l}")
                remove.setFixedWidth(32)
                remove.clicked.connect(lambda _=False, l=l: self.model.remove_hidden_layer(l))
                grid.addWidget(remove, l, 3)
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
        for widget, value in ((self.init_box, net.init), (self.seed_spin, net.seed)):
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentText(value)
            else:
                widget.setValue(value)
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
