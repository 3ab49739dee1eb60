"""The status bar's part while a file is read: "Reading train.h5: 12 of 40 MB, about 3 s left",
a bar, and Cancel (Esc)."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ..core.messages import isolated
from ..session.loading import IMAGES, ITERATIONS, FileLoader
from .i18n import Retranslatable

STEPS = 1000  # the bar's resolution


class LoadProgress(Retranslatable, QWidget):
    def __init__(self, loader: FileLoader, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("LoadProgress")
        self.loader = loader
        self.text = QLabel()
        self.text.setObjectName("LoadProgressText")
        self.bar = QProgressBar()
        self.bar.setObjectName("LoadProgressBar")
        self.bar.setRange(0, STEPS)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.cancel = QPushButton()
        self.cancel.setObjectName("CancelLoadButton")
        self.cancel.clicked.connect(loader.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text)
        row.addWidget(self.bar)
        row.addWidget(self.cancel)
        self._started = time.monotonic()
        self._first = (0.0, 0.0)  # (time, done) of the first report: the rate is measured from it
        loader.started.connect(self._on_started)
        loader.progressed.connect(self._on_progressed)
        loader.finished.connect(self.hide)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("Cancel"))  # (which sets the button's shortcut to none)
        # only while this is on screen: a hidden button's Esc leaves presentation mode's alone
        self.cancel.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel.setToolTip(self.tr("Stop reading (Esc); nothing is changed"))
        if self.loader.running and self.bar.value() == 0:
            self._on_started(self.loader.name)

    def _on_started(self, name: str) -> None:
        self._started = time.monotonic()
        self._first = (0.0, 0.0)
        self.bar.setValue(0)
        self.text.setText(self.tr("Recomputing {name}…").format(name=isolated(name))
                          if self.loader.unit == ITERATIONS else
                          self.tr("Reading {name}…").format(name=isolated(name)))
        self.show()

    def _on_progressed(self, name: str, done: float, total: float, unit: str) -> None:
        """How far, and about how long to go at the rate so far."""
        if name != self.loader.name or total <= 0:
            return  # a late report of a read that was cancelled
        now = time.monotonic()
        if self._first == (0.0, 0.0):
            self._first = (now, done)
        rate = (done - self._first[1]) / max(now - self._first[0], 1e-6)
        left = (total - done) / rate if rate > 0 else math.inf
        eta = ("" if done >= total or not math.isfinite(left) or now - self._started < 0.5
               else self.tr(", about {s} s left").format(s=math.ceil(left)))
        if unit == ITERATIONS:
            text = self.tr("Recomputing {name}: {k} of {n} iterations{eta}").format(
                name=isolated(name), k=f"{int(done):,}", n=f"{int(total):,}", eta=eta)
        elif unit == IMAGES:
            text = self.tr("Reading {name}: {k} of {n} images{eta}").format(
                name=isolated(name), k=int(done), n=int(total), eta=eta)
        else:
            text = self.tr("Reading {name}: {k} of {n} MB{eta}").format(
                name=isolated(name), k=_mb(done), n=_mb(total), eta=eta)
        self.text.setText(text)
        self.bar.setValue(round(STEPS * min(done / total, 1.0)))
        self.show()


def _mb(n: float) -> str:
    return f"{n / 1e6:.1f}" if n < 10e6 else f"{n / 1e6:,.0f}"
