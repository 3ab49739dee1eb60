"""One operand or result of a step: a grid of numbers a student can check by hand when it is small
(≤ 10×10, as the seed's 2×2 example), a heatmap with a colour bar and values on hover otherwise."""

from __future__ import annotations

import functools
import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from .palette import NEGATIVE, NEUTRAL, POSITIVE

GRID_LIMIT = 10  # rows and columns up to which the numbers are written out
MAX_CELLS = 256  # heatmap cells per side; bigger matrices are sampled with a stride


def _colour_table() -> np.ndarray:
    """256 RGB entries from NEGATIVE through NEUTRAL to POSITIVE."""
    t = np.linspace(-1, 1, 256)[:, None]
    neg = np.array(NEGATIVE.getRgb()[:3], float)
    mid = np.array(NEUTRAL.getRgb()[:3], float)
    pos = np.array(POSITIVE.getRgb()[:3], float)
    rgb = np.where(t < 0, mid + (neg - mid) * -t, mid + (pos - mid) * t)
    return rgb.round().astype(np.uint8)


_TABLE = _colour_table()


@functools.cache
def _bar_image() -> QImage:
    return QImage(_TABLE.tobytes(), 256, 1, 256 * 3, QImage.Format.Format_RGB888).copy()


class MatrixView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(80, 60)
        self.name = ""
        self.value = np.zeros((0, 0))
        self._image: QImage | None = None
        self._stride = (1, 1)
        self._scale = 1.0

    def sizeHint(self) -> QSize:
        return QSize(220, 200)

    @property
    def is_grid(self) -> bool:
        v = self.value
        return v.ndim < 2 or (v.shape[0] <= GRID_LIMIT and v.shape[1] <= GRID_LIMIT)

    def set_matrix(self, name: str, value: np.ndarray) -> None:
        self.name = name
        v = np.asarray(value)
        self.value = v.reshape(1, 1) if v.ndim == 0 else v.reshape(-1, 1) if v.ndim == 1 else v
        self._image = None
        if not self.is_grid:
            rows, cols = self.value.shape
            self._stride = (max(1, math.ceil(rows / MAX_CELLS)), max(1, math.ceil(cols / MAX_CELLS)))
            sample = np.asarray(self.value[:: self._stride[0], :: self._stride[1]], dtype=float)
            finite = np.isfinite(sample)
            self._scale = float(np.abs(sample[finite]).max()) if finite.any() else 1.0
            norm = np.zeros_like(sample) if self._scale == 0 else sample / self._scale
            index = np.clip(np.round((np.nan_to_num(norm) + 1) * 127.5), 0, 255).astype(np.uint8)
            rgb = np.ascontiguousarray(_TABLE[index])
            rgb[~finite] = (158, 158, 158)  # NaN/inf: grey, never a glitch
            h, w, _ = rgb.shape
            self._image = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        self.update()

    # ----- layout ----------------------------------------------------------------------------------

    def _header_height(self) -> float:
        return self.fontMetrics().height() * 1.4

    def _content_rect(self) -> QRectF:
        top = self._header_height()
        bar = 0 if self.is_grid else self.fontMetrics().height() * 1.6
        return QRectF(2, top, self.width() - 4, self.height() - top - bar - 2)

    def _cell_at(self, pos: QPointF) -> tuple[int, int] | None:
        r = self._content_rect()
        if not r.contains(pos) or self.value.size == 0:
            return None
        rows, cols = self.value.shape
        i = int((pos.y() - r.top()) / r.height() * rows)
        j = int((pos.x() - r.left()) / r.width() * cols)
        return min(i, rows - 1), min(j, cols - 1)

    # ----- painting ----------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        text = self.palette().text().color()
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(text)
        shape = "×".join(map(str, self.value.shape))
        p.drawText(QRectF(0, 0, self.width(), self._header_height()), Qt.AlignmentFlag.AlignCenter,
                   f"{self.name}  ({shape})")
        p.setFont(self.font())
        r = self._content_rect()
        if self.is_grid:
            self._paint_grid(p, r)
        elif self._image is not None:
            p.drawImage(r, self._image)
            p.setPen(QPen(text, 1))
            p.drawRect(r)
            self._paint_bar(p, r)
        p.end()

    def _paint_grid(self, p: QPainter, r: QRectF) -> None:
        rows, cols = self.value.shape
        cw, ch = r.width() / max(cols, 1), r.height() / max(rows, 1)
        texts = [[_number(float(self.value[i, j])) for j in range(cols)] for i in range(rows)]
        font = QFont(self.font())
        font.setPointSizeF(20.0)
        widest = max((QFontMetricsF(font).horizontalAdvance(t) for row in texts for t in row),
                     default=1.0)
        # the largest size at which every number fits its cell (a projector needs big digits)
        size = 20.0 * min(0.88 * cw / max(widest, 1.0), 0.5 * ch / QFontMetricsF(font).height() * 2)
        font.setPointSizeF(max(6.0, min(size, 28.0)))
        p.setFont(font)
        scale = float(np.nanmax(np.abs(self.value))) if self.value.size else 1.0
        for i in range(rows):
            for j in range(cols):
                v = float(self.value[i, j])
                t = abs(v) / scale if scale and math.isfinite(v) else 0.0
                fill = QColor(POSITIVE if v >= 0 else NEGATIVE)
                fill.setAlphaF(0.12 + 0.35 * t)
                cell = QRectF(r.left() + j * cw, r.top() + i * ch, cw, ch)
                p.fillRect(cell, fill)
                p.setPen(QPen(self.palette().mid().color(), 1))
                p.drawRect(cell)
                p.setPen(self.palette().text().color())
                p.drawText(cell, Qt.AlignmentFlag.AlignCenter, texts[i][j])

    def _paint_bar(self, p: QPainter, r: QRectF) -> None:
        """The colour bar under the heatmap: −max … +max, and which rows/columns are shown."""
        fm = self.fontMetrics()
        low, high = _number(-self._scale), _number(self._scale)
        label_w = max(fm.horizontalAdvance(low), fm.horizontalAdvance(high)) + 4
        y = r.bottom() + 4
        h = fm.height() * 0.5
        bar = QRectF(r.left() + label_w, y, max(r.width() - 2 * label_w, 10.0), h)
        p.drawImage(bar, _bar_image())
        p.setPen(self.palette().text().color())
        p.drawText(QRectF(r.left(), y - 3, label_w - 2, fm.height()), Qt.AlignmentFlag.AlignRight, low)
        p.drawText(QRectF(bar.right() + 2, y - 3, label_w, fm.height()), Qt.AlignmentFlag.AlignLeft, high)
        sampled = [text.format(k=k) for k, text in zip(
            self._stride, (self.tr("1 in {k} rows"), self.tr("1 in {k} columns"))) if k > 1]
        if sampled:
            small = QFont(self.font())
            small.setPointSizeF(self.font().pointSizeF() * 0.8)
            p.setFont(small)
            p.drawText(QRectF(0, y + h, self.width(), fm.height()), Qt.AlignmentFlag.AlignCenter,
                       self.tr("showing {what}").format(what=self.tr(" and ").join(sampled)))
            p.setFont(self.font())

    def value_text_at(self, pos: QPointF) -> str:
        cell = self._cell_at(pos)
        if cell is None:
            return ""
        i, j = cell
        return f"{self.name}[{i + 1}, {j + 1}] = {float(self.value[i, j]):.6g}"

    def mouseMoveEvent(self, event) -> None:
        text = self.value_text_at(event.position())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()


def _number(v: float) -> str:
    if not math.isfinite(v):
        return "NaN" if math.isnan(v) else ("∞" if v > 0 else "−∞")
    if v != 0 and (abs(v) < 1e-3 or abs(v) >= 1e4):
        return f"{v:.3g}".replace("e-0", "e-").replace("e+0", "e")
    return f"{v:.4f}"
