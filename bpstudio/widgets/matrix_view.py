"""One operand or result of a step: a grid of numbers a student can check by hand when its digits
fit their cells at a readable size (a cap height of READABLE_CAP pixels, and never smaller than the
text), a heatmap with a colour bar and values on hover otherwise. A grid writes every number in one
format, as large as its cells allow; a grid too wide for its view is written in bands of columns,
one under another ("columns 11–20"), as a book sets a long row. Where even that is a heatmap, a
grid of numbers below 1 may be written over a shared power of ten, named once in its header
("×10⁻²": 0.2317 as 23.17), with the very digits of the plain format: one or two characters less
a number."""

from __future__ import annotations

import functools
import math

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from .matrix_keys import MOVES, MatrixKeys
from .matrix_texts import MINUS, SUPERSCRIPTS, one_number, factored_texts, grid_texts
from .palette import (HIGHLIGHT, NEGATIVE, NEUTRAL, ON_PALE, POSITIVE, diverging_image,
                      finite_max_abs)

__all__ = ["MINUS", "MatrixView", "READABLE_CAP", "factored_texts", "grid_texts"]

GRID_CELLS = 400  # numbers up to which a matrix may be written out (20×12288 never is)
READABLE_CAP = 12.0  # px: the least cap height of a grid's digits (read from the back row)
MOST_BANDS = 6  # a wide grid is written in at most this many bands of columns …
BAND_COLUMNS = 5  # … of at least this many each
MAX_CELLS = 256  # heatmap cells per side; bigger matrices are sampled with a stride
# a grid's digits, relative to the view's text: never smaller (below that the heatmap is more
# use), at most this many times larger; so the UI's scale grows and shrinks them too
MAX_DIGITS = 2.5
# a grid's row is this many times its digits' cap height: numbers (no descenders, no accents)
# need no room for the font's full line, and a 20×1 vector fits a 1024×768 window's step
ROW_LEADING = 1.3
# a heatmap's negative cells carry a bar, a minus sign, as well as their orange: the sign is read
# in greyscale and by every colour-blind eye. Only in cells this large (px): a smaller cell has
# no room for a bar that reads as one (a grid writes its numbers with their signs instead)
GLYPH_CELL = (7.0, 5.0)


@functools.cache
def _bar_image() -> QImage:
    return diverging_image(np.linspace(-1, 1, 256)[None, :], 1.0)


class MatrixView(MatrixKeys, QWidget):
    """Clicking a cell asks where its number comes from (``cell_clicked``); once a cell of this
    view is chosen, the arrow keys ask for the next one (``move_asked``) and Esc lets it go
    (``close_asked``). What to mark comes from outside (``set_marks``).

    By keys: Tab brings the focus here with a cursor on a cell (a frame round the view, a box
    round the cell); the arrow keys move it, Enter asks where its number comes from as a click
    does. The accessible description reads the cursor's cell: the matrix, row, column, value."""

    cell_clicked = Signal(int, int)
    move_asked = Signal(int, int)
    close_asked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._marks: list[tuple[str, object]] = []
        self.name = ""
        self.value = np.zeros((0, 0))
        self._texts: list[list[str]] | None = None
        # the same numbers over a shared power of ten (exponent, texts), where that is shorter
        self._factored: tuple[int, list[list[str]]] | None = None
        self._image: QImage | None = None
        self._stride = (1, 1)
        self._scale = 1.0
        self._fits_font: str | None = None
        self._fits: dict[tuple[float, float], tuple[QFont, int, bool] | None] = {}
        self._sizes: dict[tuple[int, int], tuple[float, float]] = {}
        self._readable: tuple | None = None
        self.cursor: tuple[int, int] | None = None  # the keys' cell (None: the mouse's view)
        self.about = ""  # what the matrix is, said after its name ("result: weight gradient …")

    def sizeHint(self) -> QSize:
        return QSize(220, 200)

    def minimumSizeHint(self) -> QSize:
        """Room for the title, the colour bar and a picture worth looking at: where there is
        less, the step scrolls rather than squeeze the matrix into a line."""
        line = self.fontMetrics().height()
        return QSize(48, int(3.0 * line) + 48)

    def header_text(self) -> str:
        """"dW[1]  (2×3)" as its width allows: the shape goes first, then the name is elided;
        a grid over a shared power of ten says it always ("dW[1]  (2×3)  ×10⁻²")."""
        shape = "×".join(map(str, self.value.shape))
        bold = QFont(self.font())
        bold.setBold(True)
        fm = QFontMetricsF(bold)
        factor = self.factor_text()
        full = f"{self.name}  ({shape})" + (f"  {factor}" if factor else "")
        if fm.horizontalAdvance(full) <= self.width():
            return full
        if not factor:
            return fm.elidedText(self.name, Qt.TextElideMode.ElideRight, self.width())
        room = self.width() - fm.horizontalAdvance(f"  {factor}")
        return fm.elidedText(self.name, Qt.TextElideMode.ElideRight, max(room, 0)) + f"  {factor}"

    def factor_text(self) -> str:
        """"×10⁻²" where the grid's numbers are written over a shared power of ten, else ""."""
        layout = self._grid_layout()
        if layout is None or not layout[2] or self._factored is None:
            return ""
        return "×10" + str(self._factored[0]).translate(SUPERSCRIPTS)

    @property
    def is_grid(self) -> bool:
        """Whether the numbers are written out: a small matrix whose digits fit their cells."""
        return self._texts is not None and self.grid_font() is not None

    def cell_texts(self) -> list[list[str]] | None:
        """The numbers as the grid writes them (None for a matrix too big to write out): over
        the shared power of ten where the grid is written so."""
        layout = self._grid_layout()
        if layout is not None and layout[2] and self._factored is not None:
            return self._factored[1]
        return self._texts

    def set_marks(self, marks: list[tuple[str, object]]) -> None:
        """("row", i), ("column", j), ("cell", (i, j)) to mark, ("chosen", (i, j)) the cell
        being explained."""
        if marks != self._marks:
            self._marks = list(marks)
            chosen = self.chosen()
            if chosen is not None and self.cursor is not None:
                self.cursor = chosen  # the keys go on from the cell explained
            self._speak()
            self.update()

    def chosen(self) -> tuple[int, int] | None:
        return next((index for kind, index in self._marks if kind == "chosen"), None)

    def marks(self) -> list[tuple[str, object]]:
        return list(self._marks)

    @property
    def has_chosen(self) -> bool:
        return any(kind == "chosen" for kind, _ in self._marks)

    def set_matrix(self, name: str, value: np.ndarray) -> None:
        self.name = name
        v = np.asarray(value)
        self.value = v.reshape(1, 1) if v.ndim == 0 else v.reshape(-1, 1) if v.ndim == 1 else v
        rows, cols = self.value.shape
        small = rows * cols <= GRID_CELLS
        self._texts = grid_texts(self.value) if small else None
        self._factored = factored_texts(self.value, self._texts) if small else None
        self._fits_font = None  # the layouts found are for this matrix in this font (its key)
        self._stride = (max(1, math.ceil(rows / MAX_CELLS)), max(1, math.ceil(cols / MAX_CELLS)))
        sample = np.asarray(self.value[:: self._stride[0], :: self._stride[1]], dtype=float)
        self._scale = finite_max_abs(sample) if sample.size else 0.0
        self._image = diverging_image(sample, self._scale)
        if self.cursor is not None:  # another step's matrix: the cursor stays inside it
            self.cursor = (min(self.cursor[0], rows - 1), min(self.cursor[1], cols - 1))
        self._speak()
        self.update()

    def grid_font(self) -> QFont | None:
        """The largest font (up to MAX_DIGITS times the view's text) in which every number fits
        its cell, with a margin; None when not even a readable size fits (the view shows the
        heatmap)."""
        layout = self._grid_layout()
        return layout[0] if layout is not None else None

    def bands(self) -> int:
        """In how many bands of columns the grid is written (1: as it is)."""
        layout = self._grid_layout()
        return layout[1] if layout is not None else 1

    def _grid_layout(self) -> tuple[QFont, int, bool] | None:
        r = self._grid_rect()
        return self._fitting_layout(r.width(), r.height())

    def would_show_numbers(self, width: float, height: float) -> bool:
        """Whether this matrix would be written out in a view of this size."""
        top = self._header_height()
        return self._fitting_layout(width - 4, height - top - 2) is not None

    def grid_height(self, width: float, most: float) -> float | None:
        """The least height (up to ``most``) in which a view ``width`` wide writes this matrix
        out; None if not even ``most`` does."""
        if self._texts is None or not self.would_show_numbers(width, most):
            return None
        low, high = self._header_height(), float(most)
        while high - low > 2:
            mid = (low + high) / 2
            low, high = (low, mid) if self.would_show_numbers(width, mid) else (mid, high)
        return high

    def readable_size(self) -> int:
        """The least pixel size of a grid's digits: the text's, and a cap height of
        READABLE_CAP as the font measures it at that size (a cap height scaled from another size
        asked for two pixels more than needed: a 20×1 vector taller than a 1024×768 window
        has)."""
        text = QFontInfo(self.font()).pixelSize()
        key = (self.font().key(), text)
        if self._readable is None or self._readable[0] != key:
            font = QFont(self.font())
            size = max(text, 1)
            for size in range(max(text, 1), 4 * int(READABLE_CAP) + 1):
                font.setPixelSize(size)
                if QFontMetricsF(font).capHeight() >= READABLE_CAP:
                    break
            self._readable = (key, size)
        return self._readable[1]

    def _band_label_height(self, bands: int) -> float:
        return self.fontMetrics().height() if bands > 1 else 0.0

    def _fitting_layout(self, width: float, height: float) -> tuple[QFont, int, bool] | None:
        """The largest font and the fewest bands of columns it is written in at that size, and
        whether over a shared power of ten (only where the plain numbers do not fit). Found once
        for a size of this matrix in this font: the equation view arranges a step's matrices
        several times (each a search over heights), and this search held the GUI thread for a
        third of a step of the cat net."""
        if self._texts is None or width <= 0 or height <= 0:
            return None
        font = self.font().key()
        if font != self._fits_font:
            self._fits_font, self._fits, self._sizes = font, {}, {}
        key = (width, height)
        if key not in self._fits:
            self._fits[key] = self._fit(width, height)
        return self._fits[key]

    def _fit(self, width: float, height: float) -> tuple[QFont, int, bool] | None:
        plain = self._fitting_bands(width, height, self._texts)
        if plain is not None or self._factored is None:
            return None if plain is None else (*plain, False)
        factored = self._fitting_bands(width, height, self._factored[1])
        return None if factored is None else (*factored, True)

    def _fitting_bands(self, width: float, height: float,
                       texts: list[list[str]]) -> tuple[QFont, int] | None:
        rows, cols = self.value.shape
        best: tuple[QFont, int] | None = None
        tried = set()
        for bands in range(1, min(cols, MOST_BANDS) + 1):
            per = math.ceil(cols / bands)
            bands = math.ceil(cols / per)
            if per in tried or (bands > 1 and per < BAND_COLUMNS):
                continue
            tried.add(per)
            room = height - bands * self._band_label_height(bands)
            font = self._fitting_font(width / per, room / (rows * bands), texts)
            if font is not None and (best is None or font.pixelSize() > best[0].pixelSize()):
                best = (font, bands)
        return best

    def _fitting_font(self, cw: float, ch: float, texts: list[list[str]]) -> QFont | None:
        """The largest font whose numbers fit cells cw × ch (None below the readable size)."""
        if cw <= 0 or ch <= 0:
            return None
        text = QFontInfo(self.font()).pixelSize()
        widest, cap = self._measured(texts, 20)
        size = int(20 * min(0.88 * cw / (widest or 1.0), ch / (ROW_LEADING * cap)))
        floor = self.readable_size()
        size = min(max(size, floor), int(MAX_DIGITS * text))  # the estimate leaves room to spare
        while size >= floor:  # advances do not scale exactly: check, shrink if needed
            widest, cap = self._measured(texts, size)
            if widest <= 0.92 * cw and ROW_LEADING * cap <= ch:
                font = QFont(self.font())
                font.setPixelSize(size)
                return font
            size -= 1
        return None

    def _measured(self, texts: list[list[str]], size: int) -> tuple[float, float]:
        """The widest of ``texts`` and the cap height, in the view's font at ``size`` pixels:
        measured once per size (a layout's search asks for the same sizes again and again: a
        20×209 matrix's 4,180 numbers were measured 8,000 times a step, 0.3–1 s on the GUI
        thread). Kept with the layouts found (``_fitting_layout``), for this font."""
        key = (id(texts), size)
        if key not in self._sizes:
            font = QFont(self.font())
            font.setPixelSize(size)
            fm = QFontMetricsF(font)
            self._sizes[key] = (max((fm.horizontalAdvance(t) for t in
                                     {t for row in texts for t in row}), default=0.0),
                                fm.capHeight())
        return self._sizes[key]

    # ----- layout ----------------------------------------------------------------------------------

    def _header_height(self) -> float:
        return self.fontMetrics().height() * 1.25

    def _grid_rect(self) -> QRectF:
        """Where the numbers go (no colour bar under a grid)."""
        top = self._header_height()
        return QRectF(2, top, self.width() - 4, self.height() - top - 2)

    def _content_rect(self) -> QRectF:
        if self.is_grid:
            return self._grid_rect()
        top = self._header_height()
        bar = self.fontMetrics().height() * 1.6
        return QRectF(2, top, self.width() - 4, self.height() - top - bar - 2)

    def _cells(self) -> tuple[QRectF, int, float, float, float]:
        """The content's rectangle, the columns a band holds, a cell's width and height, and the
        height of the line that names a band's columns (0 for a grid in one band, a heatmap)."""
        r = self._content_rect()
        rows, cols = max(self.value.shape[0], 1), max(self.value.shape[1], 1)
        bands = self.bands() if self.is_grid else 1
        per = math.ceil(cols / bands)
        label = self._band_label_height(bands)
        return r, per, r.width() / per, (r.height() - bands * label) / (rows * bands), label

    def _cell_at(self, pos: QPointF) -> tuple[int, int] | None:
        r, per, cw, ch, label = self._cells()
        if not r.contains(pos) or self.value.size == 0:
            return None
        rows, cols = self.value.shape
        band, y = divmod(pos.y() - r.top(), label + rows * ch)
        i = int((y - label) / ch)
        j = int(band) * per + int((pos.x() - r.left()) / cw)
        if y < label or j >= cols:
            return None
        return min(i, rows - 1), min(j, cols - 1)

    # ----- painting ----------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        text = self.palette().text().color()
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(text)
        p.drawText(QRectF(0, 0, self.width(), self._header_height()), Qt.AlignmentFlag.AlignCenter,
                   self.header_text())
        p.setFont(self.font())
        r = self._content_rect()
        if self.is_grid:
            self._paint_grid(p, r)
        elif self._image is not None:
            p.drawImage(r, self._image)
            self._paint_signs(p, r)
            p.setPen(QPen(text, 1))
            p.drawRect(r)
            self._paint_bar(p, r)
        if self._marks:
            self._paint_marks(p, r)
        if self.hasFocus():
            self._paint_focus(p)
        p.end()

    def cell_rect(self, i: int, j: int) -> QRectF:
        """Where cell (i, j) is drawn (in a heatmap, its share of the picture, at least 3 px)."""
        r, per, w, h, label = self._cells()
        band, k = divmod(j, per)
        top = r.top() + band * (label + self.value.shape[0] * h) + label
        box = QRectF(r.left() + k * w, top + i * h, w, h)
        centre = box.center()
        box.setSize(QSizeF(max(w, 3.0), max(h, 3.0)))
        box.moveCenter(centre)
        return box

    def _paint_marks(self, p: QPainter, r: QRectF) -> None:
        """The rows, columns and cells a number is made of: a highlighter's yellow with an
        outline; the chosen cell boxed thick."""
        rows, cols = self.value.shape
        fill = QColor(HIGHLIGHT)
        fill.setAlphaF(0.35)
        outline = QPen(self.palette().text().color(), 2)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for kind, index in self._marks:
            per = self._cells()[1]
            if kind == "row" and 0 <= index < rows:  # in every band
                boxes = [self.cell_rect(index, j).united(
                    self.cell_rect(index, min(j + per, cols) - 1)) for j in range(0, cols, per)]
            elif kind == "column" and 0 <= index < cols:
                boxes = [self.cell_rect(0, index).united(self.cell_rect(rows - 1, index))]
            elif kind in ("cell", "chosen") and 0 <= index[0] < rows and 0 <= index[1] < cols:
                boxes = [self.cell_rect(*index)]
            else:
                continue
            pen = QPen(outline)
            if kind == "chosen":
                pen.setWidthF(3.5)
            for box in boxes:
                p.fillRect(box, fill)
                p.setPen(pen)
                p.drawRect(box)

    def _paint_grid(self, p: QPainter, r: QRectF) -> None:
        rows, cols = self.value.shape
        per, label = self._cells()[1], self._cells()[4]
        if label:  # a grid in bands: each names its columns
            p.setPen(self.palette().text().color())
            for j in range(0, cols, per):
                first = self.cell_rect(0, j)
                p.drawText(QRectF(r.left(), first.top() - label, r.width(), label),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                           self.tr("columns {first}–{last}").format(first=j + 1,
                                                                    last=min(j + per, cols)))
        p.setFont(self.grid_font())
        texts = self.cell_texts()
        scale = self._scale
        for i in range(rows):
            for j in range(cols):
                v = float(self.value[i, j])
                t = abs(v) / scale if scale and math.isfinite(v) else 0.0
                fill = QColor(POSITIVE if v > 0 else NEGATIVE if v < 0 else NEUTRAL)
                fill.setAlphaF(0.12 + 0.35 * t)
                cell = self.cell_rect(i, j)
                p.fillRect(cell, fill)
                p.setPen(QPen(self.palette().mid().color(), 1))
                p.drawRect(cell)
                p.setPen(self.palette().text().color())
                p.drawText(cell, Qt.AlignmentFlag.AlignCenter, texts[i][j])

    def sign_cells(self) -> tuple[float, float] | None:
        """The size of a heatmap's cell where it carries its sign's bar, None where its cells
        are too small for one (or the numbers are written out)."""
        if self.is_grid or self._image is None or self._image.isNull():
            return None
        r = self._content_rect()
        cw, ch = r.width() / self._image.width(), r.height() / self._image.height()
        return (cw, ch) if cw >= GLYPH_CELL[0] and ch >= GLYPH_CELL[1] else None

    def sign_bar(self, cell: QRectF) -> QRectF:
        """The minus bar of a negative cell: centred, half its width (at most 12 px), at least
        1.5 px thick."""
        w = min(0.5 * cell.width(), 12.0)
        h = max(1.5, min(0.14 * cell.height(), 3.0))
        return QRectF(cell.center().x() - w / 2, cell.center().y() - h / 2, w, h)

    def _paint_signs(self, p: QPainter, r: QRectF) -> None:
        """A dark bar in every negative cell of a heatmap whose cells have room for it."""
        size = self.sign_cells()
        if size is None:
            return
        cw, ch = size
        sample = np.asarray(self.value[:: self._stride[0], :: self._stride[1]], dtype=float)
        for i, j in zip(*np.nonzero(sample < 0)):
            cell = QRectF(r.left() + j * cw, r.top() + i * ch, cw, ch)
            p.fillRect(self.sign_bar(cell), ON_PALE)

    def _paint_bar(self, p: QPainter, r: QRectF) -> None:
        """The colour bar under the heatmap: −max … +max, and which rows/columns are shown."""
        fm = self.fontMetrics()
        low, high = one_number(-self._scale), one_number(self._scale)
        label_w = max(fm.horizontalAdvance(low), fm.horizontalAdvance(high)) + 4
        y = r.bottom() + 4
        h = fm.height() * 0.5
        bar = QRectF(r.left() + label_w, y, max(r.width() - 2 * label_w, 10.0), h)
        p.drawImage(bar, _bar_image())
        if self.sign_cells() is not None:  # the key to the cells' bars: on the negative half
            half = QRectF(bar.left() + bar.width() / 8, bar.top(), bar.width() / 4, bar.height())
            p.fillRect(self.sign_bar(half), ON_PALE)
        p.setPen(self.palette().text().color())
        p.drawText(QRectF(r.left(), y - 3, label_w - 2, fm.height()), Qt.AlignmentFlag.AlignRight, low)
        p.drawText(QRectF(bar.right() + 2, y - 3, label_w, fm.height()), Qt.AlignmentFlag.AlignLeft, high)
        sampled = [text.format(k=k) for k, text in zip(
            self._stride, (self.tr("1 in {k} rows"), self.tr("1 in {k} columns"))) if k > 1]
        if sampled:
            p.drawText(QRectF(0, y + h, self.width(), fm.height()), Qt.AlignmentFlag.AlignCenter,
                       self.tr("showing {what}").format(what=self.tr(" and ").join(sampled)))

    def value_text_at(self, pos: QPointF) -> str:
        cell = self._cell_at(pos)
        if cell is None:
            return ""
        i, j = cell
        return f"{self.name}[{i + 1}, {j + 1}] = {float(self.value[i, j]):.6g}"

    def mousePressEvent(self, event) -> None:
        cell = self._cell_at(event.position()) if event.button() == Qt.MouseButton.LeftButton \
            else None
        if cell is not None:
            self.cursor = None  # the mouse's choice: the chosen cell is boxed, no cursor
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.cell_clicked.emit(*cell)
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        text = self.value_text_at(event.position())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
