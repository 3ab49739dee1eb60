"""The 2-D playground's data controls: noise, train share, regenerate (seeded), and the input
features; shown while the data set is a 2-D one. Every change goes to the model, which makes the
new data set (undoable) and resizes the input layer to the features."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QGridLayout, QGroupBox, QLabel, QPushButton,
                               QWidget)

from ..core.plane import FEATURES
from ..session.network_model import NetworkModel
from .i18n import Retranslatable
from .key_slider import KeySlider


class PlaygroundPanel(Retranslatable, QGroupBox):
    def __init__(self, model: NetworkModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("PlaygroundPanel")
        self.model = model
        self.noise = self._slider("NoiseSlider", 0, 50, lambda v: model.data.set_plane(noise=v / 100))
        self.share = self._slider("TrainShareSlider", 10, 90,
                                  lambda v: model.data.set_plane(train_share=v / 100))
        self.noise_label, self.share_label = QLabel(), QLabel()
        self.regenerate = QPushButton()
        self.regenerate.setObjectName("RegenerateButton")
        self.regenerate.clicked.connect(
            lambda: model.data.set_plane(seed=model.dataset.plane.seed + 1))
        self.seed_label = QLabel()
        form = QFormLayout(self)
        form.addRow(self.noise_label, self.noise)
        form.addRow(self.share_label, self.share)
        form.addRow(self.seed_label, self.regenerate)
        self.features_title = QLabel()
        form.addRow(self.features_title)
        grid = QGridLayout()
        self.feature_boxes: dict[str, QCheckBox] = {}
        for k, (key, (label, _)) in enumerate(FEATURES.items()):
            box = QCheckBox(label)
            box.setObjectName(f"Feature_{key.replace('^2', 'sq').replace(' ', '_')}")
            box.clicked.connect(self._on_feature_clicked)
            grid.addWidget(box, k // 2, k % 2)
            self.feature_boxes[key] = box
        form.addRow(grid)
        model.dataset_changed.connect(self._on_dataset_changed)
        self.retranslate()

    def _slider(self, name: str, low: int, high: int, apply) -> KeySlider:
        slider = KeySlider(Qt.Orientation.Horizontal)
        slider.setObjectName(name)
        slider.setRange(low, high)
        slider.setPageStep(10)
        slider.setTracking(False)  # one new data set when the handle is let go, not one per pixel
        slider.valueChanged.connect(lambda v: apply(v) or self._on_dataset_changed())
        return slider

    def retranslate(self) -> None:
        self.setTitle(self.tr("2-D playground"))
        self.regenerate.setText(self.tr("Regenerate"))
        self.features_title.setText(self.tr("Input features (the input layer follows):"))
        self._on_dataset_changed()

    def _on_feature_clicked(self) -> None:
        chosen = [key for key, box in self.feature_boxes.items() if box.isChecked()]
        if not self.model.data.set_plane(features=tuple(chosen)):
            self._on_dataset_changed()  # refused (none left): show the model's choice again

    def _on_dataset_changed(self) -> None:
        spec = self.model.dataset.plane
        self.setVisible(spec is not None)
        if spec is None:
            return
        for slider, value in ((self.noise, spec.noise), (self.share, spec.train_share)):
            slider.blockSignals(True)
            slider.setValue(round(100 * value))
            slider.blockSignals(False)
        csv = spec.source == "csv"
        self.noise.setEnabled(not csv)  # a CSV's points are what they are
        self.noise_label.setText(self.tr("Noise {p} %").format(p=round(100 * spec.noise)))
        self.share_label.setText(self.tr("Training share {p} %").format(p=round(100 * spec.train_share)))
        self.seed_label.setText(self.tr("Seed {seed}").format(seed=spec.seed))
        self.regenerate.setToolTip(self.tr("split the rows again with the next seed") if csv
                                   else self.tr("new points from the next seed"))
        for key, box in self.feature_boxes.items():
            box.setChecked(key in spec.features)
