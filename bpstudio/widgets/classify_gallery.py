"""Classified pictures: the user's image, the input as the network sees it, p(class 1), the label
and a bar; and the test set with every prediction, misclassified ones marked and filterable."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QLabel,
                               QListWidget, QPushButton, QTabWidget, QVBoxLayout,
                               QWidget)

from ..core.network import decide
from ..session.call_soon import call_soon
from ..session.classify import ClassifySession
from ..session.images import CROP, SQUASH
from ..session.messages import class_names
from ..session.predictions import Predictions
from ..session.training import TrainingSession
from .i18n import Retranslatable
from .palette import ON_STRONG, RIGHT, WARNING_TEXT, WRONG
from .item_text import text_margins, text_room
from .plain_text import isolated, tip
from .result_card import ResultCard, card_min_width, pixmap_of

# new cards made in one turn of the event loop (a card takes a few ms: 1,000 at once froze the
# window 6 s); the rest in the next turns
CARDS_A_TURN = 10
FITTED_A_TURN = 100  # cards fitted to a new width of the list in one turn
CELL_GAP = 4  # px between two test pictures' cells (three columns in a 1024×768 window's dock)


class ClassifyGallery(Retranslatable, QWidget):
    def __init__(self, session: ClassifySession, training: TrainingSession,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ClassifyGallery")
        self.session, self.training = session, training
        self.model = session.model
        self.mode_box = QComboBox()
        self.mode_box.setObjectName("PreprocessMode")
        self.mode_box.addItem("", CROP)
        self.mode_box.addItem("", SQUASH)
        self.mode_box.activated.connect(lambda i: session.set_mode(self.mode_box.itemData(i)))
        self.clear_button = clear = QPushButton()
        clear.setObjectName("ClearImages")
        clear.clicked.connect(session.clear)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.messages = QLabel()
        self.messages.setObjectName("ClassifyMessage")
        self.messages.setWordWrap(True)
        self.messages.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.untrained = QLabel()
        self.untrained.setObjectName("UntrainedWarning")
        self.untrained.setWordWrap(True)
        self.untrained.setStyleSheet(f"color: {WARNING_TEXT.name()}; font-weight: bold")
        self.train_button = QPushButton()
        self.train_button.setObjectName("TrainFromGallery")
        self.train_button.clicked.connect(training.start)
        warn = QHBoxLayout()
        warn.addWidget(self.untrained, 1)
        warn.addWidget(self.train_button)
        self.list = QListWidget()
        self.list.setObjectName("ClassifiedImages")
        # cards as wide as the list, fitted again when it changes width (a card wider than a
        # narrow dock was cut, its text over its picture)
        self.list.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.viewport().installEventFilter(self)
        self._fitting = QTimer(self)  # a dock dragged wider: fitted once it rests
        self._fitting.setSingleShot(True)
        self._fitting.setInterval(50)
        self._fitting.timeout.connect(lambda: self._fit_cards(0))
        self.list.currentRowChanged.connect(self._on_row_selected)
        mine = QWidget()
        ml = QVBoxLayout(mine)
        ml.setContentsMargins(0, 0, 0, 0)
        self.mode_label = QLabel()
        ml.addWidget(self.mode_label)  # above its choice: the dock stays narrow
        ml.addWidget(self.mode_box)
        ml.addWidget(self.hint)
        ml.addWidget(self.messages)
        ml.addLayout(warn)
        ml.addWidget(self.list, 1)
        ml.addWidget(clear, 0, Qt.AlignmentFlag.AlignRight)  # under the list: the dock stays narrow

        self.test_list = QListWidget()
        self.test_list.setObjectName("TestSetGallery")
        self.test_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.test_list.setIconSize(QSize(80, 80))
        self.test_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.test_list.setUniformItemSizes(True)
        self.test_list.itemClicked.connect(
            lambda item: session.select_test_image(self.test_list.row(item)))
        # by keys: the arrows choose a picture, Enter steps it (a click's work)
        self.test_list.itemActivated.connect(
            lambda item: session.select_test_image(self.test_list.row(item)))
        self.only_wrong = QCheckBox()
        self.only_wrong.setObjectName("OnlyMisclassified")
        self.only_wrong.toggled.connect(self._apply_filter)
        self.test_summary = QLabel()
        self.test_summary.setObjectName("TestSetSummary")
        test = QWidget()
        tl = QVBoxLayout(test)
        tl.setContentsMargins(0, 0, 0, 0)
        self.test_summary.setWordWrap(True)  # a long summary must not widen the dock
        tl.addWidget(self.test_summary)
        tl.addWidget(self.only_wrong)
        tl.addWidget(self.test_list, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(mine, "")
        self.tabs.addTab(test, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        session.results_changed.connect(self._on_results_changed)
        session.message.connect(self._on_message)
        session.refused.connect(lambda text: self._on_message(text, refusal=True))
        session.requested.connect(self._clear_messages)
        # pictures opened: their tab is the one to see
        session.opened.connect(lambda what: what == "images" and self.tabs.setCurrentIndex(0))
        self.model.parameters_changed.connect(self._on_network_changed)
        self.model.architecture_changed.connect(self._on_network_changed)
        self.model.dataset_changed.connect(self._on_network_changed)
        self.tabs.currentChanged.connect(lambda _: self._update_test_set())
        self._test_dirty = True
        self.test_predictions = Predictions(self.model, "bpstudio-test-gallery", self)
        self.test_predictions.failed.connect(lambda why: self._on_message(
            self.tr("The test set could not be classified ({why}).").format(why=why)))
        self._pictures_of, self._pictures = None, []
        self._lines: list[tuple[str, bool]] = []  # (message, a refusal of the network's)
        self._more_cards = False  # the next turn shows more cards
        self._next_card = 0  # the cards before it show their results
        self.retranslate()

    def retranslate(self) -> None:
        self.mode_box.setItemText(0, self.tr("centre crop"))
        self.mode_box.setItemText(1, self.tr("squash"))
        self.mode_box.setToolTip(self.tr("centre crop: cut the middle square, then resize; squash: "
                                    "resize the whole picture to a square"))
        self.mode_label.setText(self.tr("Preprocessing"))
        self.clear_button.setText(self.tr("Clear"))
        self.hint.setText(self.tr("Drop pictures anywhere on the window, use File → Open images…, or "
                             "paste one with Ctrl+V."))
        self.train_button.setText(self.tr("Train it now"))
        self.only_wrong.setText(self.tr("only the misclassified"))
        self.tabs.setTabText(0, self.tr("Your images"))
        self.tabs.setTabText(1, self.tr("Test set"))
        self.list.setAccessibleName(self.tr("Your classified pictures"))
        self.list.setAccessibleDescription(self.tr(
            "Each picture with the network's verdict: p(class 1), the class it says and how sure."))
        self.test_list.setAccessibleName(self.tr("Test set pictures with their verdicts"))
        self.test_list.setAccessibleDescription(self.tr(
            "Arrow keys choose a picture, Enter steps it with its true label."))
        self._test_dirty = True
        self._on_results_changed()
        self._on_network_changed()

    # ----- your images ------------------------------------------------------------------------------

    def _on_results_changed(self) -> None:
        """Every card shows its result: those whose result or words changed are drawn again, a
        few a turn (a new data set redrew 1,000 cards in one pass: 370 ms)."""
        self.mode_box.setCurrentIndex(self.mode_box.findData(self.session.mode))
        results = self.session.results
        if self.list.count() > len(results):
            self.list.model().removeRows(len(results), self.list.count() - len(results))
        self._next_card = 0
        self._show_cards()
        self.hint.setVisible(not results)
        self._update_untrained()

    def _show_cards(self) -> None:
        """From the first card not yet shown as it is: at most CARDS_A_TURN cards made or drawn
        again, the rest in the next turns."""
        self._more_cards = False
        results = self.session.results
        classes = class_names(self.model.dataset)
        shape = "×".join(map(str, self.model.dataset.input_shape))
        input_text = (self.tr("input {shape}, cropped") if self.session.mode == CROP
                      else self.tr("input {shape}, squashed")).format(shape=shape)
        k, drawn = self._next_card, 0
        while k < len(results) and drawn < CARDS_A_TURN:
            if k == self.list.count():
                # this turn's new rows in one insertion: one by one, each made the view place
                # every card before it again (1,000 cards took 3.5 s)
                n = min(CARDS_A_TURN - drawn, len(results) - k)
                self.list.model().insertRows(k, n)
                for j in range(k, k + n):
                    self.list.setItemWidget(self.list.item(j), ResultCard())
            item = self.list.item(k)
            card = self.list.itemWidget(item)
            if card.show_result(results[k], classes, input_text):
                drawn += 1
                item.setSizeHint(card.fit(self.card_width()))
                item.setToolTip(tip(results[k].text(classes)))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, results[k].text(classes))
            k += 1
        self._next_card = k
        if k < len(results) and not self._more_cards:  # the others in the next turns
            self._more_cards = True
            call_soon(self, self._show_cards)

    def card_width(self) -> int:
        """As wide as the list shows (a narrower one scrolls sideways, never cuts a picture)."""
        return max(self.list.viewport().width(), card_min_width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.list.viewport() and event.type() == QEvent.Type.Resize
                and event.size().width() != event.oldSize().width()):
            self._fitting.start()
        return False

    def _fit_cards(self, start: int) -> None:
        """The cards from ``start`` on fitted to the list's width, a few a turn."""
        width = self.card_width()
        end = min(self.list.count(), start + FITTED_A_TURN)
        for k in range(start, end):
            item = self.list.item(k)
            card = self.list.itemWidget(item)
            if card.fitted != width:
                item.setSizeHint(card.fit(width))
        if end < self.list.count():
            self._fit_next = end
            call_soon(self, self._fit_more)

    def _fit_more(self) -> None:
        self._fit_cards(self._fit_next)

    def _on_message(self, text: str, refusal: bool = False) -> None:
        self._lines = [*self._lines, (text, refusal)][-4:]  # the last few, newest last
        self._show_messages()

    def _clear_messages(self) -> None:
        self._lines = []
        self._show_messages()

    def _show_messages(self) -> None:
        if self.session.takes_pictures():  # "takes numbers, not images" is no longer true
            self._lines = [(text, refusal) for text, refusal in self._lines if not refusal]
        self.messages.setText("\n".join(text for text, _ in self._lines))

    def _on_row_selected(self, row: int) -> None:
        if 0 <= row < len(self.session.results):
            self.session.select(row)

    def result_texts(self) -> list[str]:
        """What each result says, as a user reads it."""
        return [self.list.item(k).toolTip() for k in range(self.list.count())]

    def _update_untrained(self) -> None:
        untrained = self.model.shown.network.iterations_trained == 0
        self.untrained.setText(self.tr("This network is untrained: its probabilities are noise.")
                               if untrained else "")
        self.untrained.setVisible(untrained)
        self.train_button.setVisible(untrained)

    # ----- the test set ----------------------------------------------------------------------------

    def _on_network_changed(self) -> None:
        self._update_untrained()
        self._show_messages()
        self._test_dirty = True
        if self.tabs.currentIndex() == 1:
            self._update_test_set()

    def _update_test_set(self) -> None:
        if not self._test_dirty or self.tabs.currentIndex() != 1:
            return
        self._test_dirty = False
        ds = self.model.dataset
        if not ds.is_image or not ds.has_samples:
            self.test_predictions.cancel()
            self.test_list.clear()
            self.test_summary.setText(self.tr("The test set gallery shows image data sets.")
                                      if ds.has_samples else
                                      self.tr("No test set: the model was opened without data."))
            return
        X = ds.inputs(self.model.network.input_dtype)[1]
        self.test_predictions.request(lambda: X, *X.shape, lambda p: self._show_test_set(ds, p))
        if self.test_predictions.pending and self.test_list.count() == 0:
            self.test_summary.setText(self.tr("Classifying the test images…"))

    def _test_pictures(self, ds) -> list[QPixmap]:
        """The test images at icon size, made once per data set."""
        if self._pictures_of is not ds:
            pixels = (ds.X_test.T.reshape((-1,) + ds.input_shape) * 255 + 0.5).astype(np.uint8)
            self._pictures = [pixmap_of(px, 80) for px in pixels]
            self._pictures_of = ds
        return self._pictures

    def _show_test_set(self, ds, p: np.ndarray) -> None:
        if ds is not self.model.dataset:
            return  # a pass for the data set before: the new one's is on its way
        y = ds.Y_test[0]
        wrong = decide(p) != y
        self.test_list.clear()
        for k, pm in enumerate(self._test_pictures(ds)):
            framed = verdict_frame(pm, bool(wrong[k]))
            classes = class_names(ds)
            said = isolated(classes[decide(p[k])])
            truth = isolated(classes[int(y[k])])
            text = (f"#{k + 1}: {p[k]:.2f} {said}"
                    + (self.tr(" ✗ (it is {truth})").format(truth=truth) if wrong[k] else " ✓"))
            # made by Qt, not in Python: clearing items made in Python crashed PySide6 now and
            # then (the step list's, equation_panel.py), and this list follows the time cursor
            self.test_list.addItem(f"#{k + 1} {said}{' ✗' if wrong[k] else ''}")
            item = self.test_list.item(self.test_list.count() - 1)
            item.setIcon(QIcon(framed))
            item.setToolTip(tip(text))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr(
                "test picture {k}: p = {p}, the network says {said}; {verdict}").format(
                k=k + 1, p=f"{p[k]:.2f}", said=said, verdict=self.tr(
                    "wrong, it is {truth}").format(truth=truth) if wrong[k] else self.tr("right")))
            item.setData(Qt.ItemDataRole.UserRole, bool(wrong[k]))
        self._fit_test_grid()
        self.test_summary.setText(
            self.tr("{w} of {n} test images misclassified (accuracy {a}); striped orange frame = "
                    "wrong; click one (or choose it and press Enter) to step it with its true label")
            .format(w=int(wrong.sum()), n=len(y), a=f"{1 - wrong.mean():.2f}"))
        self._apply_filter()

    def _fit_test_grid(self) -> None:
        """Each test picture's cell as wide as the widest caption under it, in the list's font
        and with the margins a caption is drawn in: under an 80-px picture "#12 non-cat ✗" was
        cut to "#12 non-cat…" in the English UI (Qt's own measure left the ✗ out)."""
        view = self.test_list
        if view.count() == 0:
            return
        # through the model: no Python wrapper of a list item (clearing a list whose items had
        # wrappers crashed PySide6 now and then, equation_panel.py)
        rows = [view.model().index(k, 0) for k in range(view.count())]
        room = text_room(view, (row.data() for row in rows))
        icon = view.iconSize()
        cell = QSize(max(icon.width(), room),
                     icon.height() + view.fontMetrics().height() + text_margins(view))
        for row in rows:
            view.model().setData(row, cell, Qt.ItemDataRole.SizeHintRole)
        grid = cell + QSize(CELL_GAP, CELL_GAP)
        if view.gridSize() != grid:
            view.setGridSize(grid)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:  # the UI's scale: the captions' widths,
            call_soon(self, self._fit_test_grid)  # once the list has its new font
        super().changeEvent(event)

    def _apply_filter(self) -> None:
        only = self.only_wrong.isChecked()
        for k in range(self.test_list.count()):
            item = self.test_list.item(k)
            item.setHidden(only and not item.data(Qt.ItemDataRole.UserRole))


FRAME = 4  # px: a test picture's frame, its verdict
STRIPES = 7.0  # px between a wrong one's white stripes


def verdict_frame(picture: QPixmap, wrong: bool) -> QPixmap:
    """``picture`` in a frame that says the verdict: bluish green when right, vermilion with
    white diagonal stripes when wrong (the two merge in greyscale: the stripes do not)."""
    framed = QPixmap(picture.size())
    framed.fill(WRONG if wrong else RIGHT)
    painter = QPainter(framed)
    if wrong:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(ON_STRONG, 2.5))
        side = framed.width() + framed.height()
        for k in range(int(side / STRIPES) + 1):
            c = k * STRIPES
            painter.drawLine(QPointF(c, 0), QPointF(c - framed.height(), framed.height()))
    painter.drawPixmap(FRAME, FRAME, picture.scaled(picture.width() - 2 * FRAME,
                                                    picture.height() - 2 * FRAME))
    painter.end()
    return framed
