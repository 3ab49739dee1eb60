"""The main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow

from ..core.datasets import DatasetError, load_catvnoncat


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle("BP Studio")
        self.resize(1280, 800)
        self.dataset = None
        self._status = QLabel("No data set loaded.", alignment=Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self._status)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.menuBar().addMenu("&File").addAction(quit_action)

    def open_dataset(self, path: str) -> bool:
        try:
            self.dataset = load_catvnoncat(path)
        except DatasetError as e:
            self.statusBar().showMessage(str(e))
            return False
        ds = self.dataset
        self._status.setText(
            f"{ds.name}: {ds.X_train.shape[1]} training and {ds.X_test.shape[1]} test samples of "
            f"{ds.n_features} features"
        )
        return True
