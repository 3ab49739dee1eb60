"""The studio window: editor on the left, diagram and equations in the middle, training on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import (QBoxLayout, QDockWidget, QFrame, QHBoxLayout, QLabel,
                               QMainWindow, QMenu, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)

from ..session.messages import dataset_name, sentence, sentences, translated
from ..session.studio import Studio
from ..widgets.classify_gallery import ClassifyGallery
from ..widgets.cost_plot import CostPlot
from ..widgets.equation_panel import EquationPanel
from ..widgets.focus_frame import FocusFrame
from ..widgets.i18n import name_dock_buttons
from ..widgets.layer_editor import LayerEditor
from ..widgets.load_progress import LoadProgress
from ..widgets.network_diagram import NetworkDiagram
from ..widgets.plane_view import PlaneView
from ..widgets.plain_text import plain_labels
from ..widgets.playground_panel import PlaygroundPanel
from ..widgets.training_panel import TrainingPanel
from ..widgets.vertical_scroll import VerticalScroll
from .animations import Animations
from .timelapses import Timelapses
from .file_actions import EXPORT_SCALES, FileActions
from .help import HelpWindows
from .lessons import Lessons
from .i18n import apply_language, current_language, saved_language
from .menus import WindowMenus
from .pane_keys import PaneKeys
from .typed_keys import TypedKeys
from .presentation import Presenter
from .settings import problems
from .time_travel import TimeTravel
from .twin_runs import TwinRuns
from .unsaved_question import CLOSING, UnsavedQuestion
from .themes import apply_style, saved_theme
from .window_layout import WindowLayout, first_size

SHOWN_MS = 15000  # a status-bar message stays this long (a long one longer: time to read it)
# a training process is made ready this long after the window shows (its first frames first), so
# that Train answers at once; it is made ready again after every run
WARM_AFTER_SHOW_MS = 1000


class MainWindow(QMainWindow):
    """The views of ``studio``: they draw what its parts say and call their setters."""

    def __init__(self, studio: Studio) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle("BP Studio")
        self.resize(first_size())
        self.studio = s = studio
        if studio.parent() is None:  # the window's session goes with the window
            studio.setParent(self)
        self.diagram = NetworkDiagram(s.model, s.stepper, s.plane_maps)
        self.plane_view = PlaneView(s.model, s.plane_maps)
        self.equations = EquationPanel(s.stepper, s.explain)
        FocusFrame(self.equations)  # F6 here: Space and the arrows step, the focus seen
        # an explained number's neuron and edges in the diagram; a weight clicked there explained
        s.explain.changed.connect(self._on_explained)
        self.diagram.weight_clicked.connect(s.explain.choose_weight)
        self.equations.explain_pane.export_asked.connect(lambda: self.files.export(
            "explanation.csv", self.equations.explain_pane.write_csv))
        self.restore_bar = QFrame()
        self.restore_bar.setObjectName("RestoreBar")
        self.restore_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.restore_text = QLabel()
        self.restore_text.setWordWrap(True)
        restore = QPushButton()
        restore.setObjectName("RestoreAutosave")
        restore.clicked.connect(self._on_restore_autosave)
        discard = QPushButton()
        discard.setObjectName("DiscardAutosave")
        discard.clicked.connect(self._on_discard_autosave)
        bar = QHBoxLayout(self.restore_bar)
        bar.addWidget(self.restore_text, 1)
        bar.addWidget(restore)
        bar.addWidget(discard)
        self.restore_buttons = (restore, discard)
        self.restore_bar.hide()
        self.top = top = QSplitter(Qt.Orientation.Horizontal)  # a 2-D set's output beside the network
        top.addWidget(self.diagram)
        top.addWidget(self.plane_view)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        self.centre = centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(top)
        centre.addWidget(self.equations)
        centre.setStretchFactor(0, 1)
        centre.setStretchFactor(1, 1)
        self.equations.setMinimumHeight(300)
        central = QWidget()
        cl = QVBoxLayout(central)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.restore_bar)
        cl.addWidget(centre, 1)
        self.setCentralWidget(central)

        self.editor = LayerEditor(s.model)
        self.playground = PlaygroundPanel(s.model)
        self.editor.add_data_controls(self.playground)
        scroll = VerticalScroll(self.editor)
        self.editor_dock = self._dock("", scroll, Qt.DockWidgetArea.LeftDockWidgetArea, "EditorDock")

        self.training_panel = TrainingPanel(s.model, s.training)
        self.cost_plot = CostPlot(s.model)
        right = QWidget()
        self.training_layout = rl = QBoxLayout(QBoxLayout.Direction.TopToBottom, right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.training_panel)
        rl.addWidget(self.cost_plot, 1)
        right.setMinimumWidth(200)
        self.training_dock = self._dock("", right, Qt.DockWidgetArea.RightDockWidgetArea,
                                        "TrainingDock")

        self.gallery = ClassifyGallery(s.classify, s.training)
        self.gallery_dock = self._dock("", self.gallery, Qt.DockWidgetArea.RightDockWidgetArea,
                                       "ClassifyDock")
        self.tabifyDockWidget(self.training_dock, self.gallery_dock)
        s.classify.opened.connect(self._on_opened)
        for said in (s.classify.message, s.classify.refused):  # about pictures: shown beside them
            said.connect(self.gallery_dock.raise_)
        self.setAcceptDrops(True)

        s.store.modified_changed.connect(self.setWindowModified)
        s.store.path_changed.connect(self._update_title)
        s.message.connect(self.say)
        self.files = FileActions(s, self, self.say)
        self.unsaved = UnsavedQuestion(s, self.files.save_before_closing, self)
        self.editor.may_replace = self.unsaved.may_go_on
        s.may_replace = self.unsaved.may_go_on  # an opened data set, model or session

        self.presenter = Presenter(self, s.presentation)
        self.help_windows = HelpWindows(self)
        self.animations = Animations(s, self, self.say, saved_theme, lambda: self.presenter.scale)
        self.timelapses = Timelapses(s, self.animations)
        self.menus = WindowMenus(self, s, EXPORT_SCALES, FileActions.choose_export_scale)
        self.time_travel = TimeTravel(s.timeline, self.cost_plot, self.menus.train, self)
        runs_menu = QMenu(self)
        self.menuBar().insertMenu(self.menus.help.menuAction(), runs_menu)
        self.twin_runs = TwinRuns(s.runs, self.top, self.cost_plot, runs_menu, self.files.export,
                                  self.say, self)
        self.twin_runs.may_replace = self.unsaved.may_go_on
        self.lessons = Lessons(s, self, self.menus.help, {
            "diagram": self.diagram, "steps": self.equations, "plots": self.training_dock,
            "editor": self.editor_dock, "gallery": self.gallery_dock,
            "playground": self.plane_view},
            (self.menus.actions["StepNextAction"], self.menus.actions["StepPreviousAction"]),
            self.equations)
        self.pane_keys = PaneKeys(self, self.menus.view, [
            (self.diagram, None, None), (self.plane_view, None, None),
            (self.equations, lambda: next((v for v in self.equations.views if v.isVisible()),
                                          None), None),
            (self.editor, None, self.editor_dock), (self.training_dock.widget(), None,
                                                    self.training_dock),
            (self.gallery, None, self.gallery_dock)])
        self.typed_keys = TypedKeys(self)
        self.retranslate()
        self.arrangement = WindowLayout(self)
        self.lessons.dock.hide()  # until a lesson opens, whatever the saved layout showed
        self.set_theme(saved_theme())
        self.set_language(saved_language())
        s.model.building_changed.connect(self._on_building)
        self.load_progress = LoadProgress(s.model.loader)
        self.statusBar().addPermanentWidget(self.load_progress)
        plain_labels(self)  # a name is text, never markup (widgets/plain_text.py)
        s.model.dataset_changed.connect(self._on_dataset_changed)
        self._on_dataset_changed()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 (Qt's name)
        """Tab passes over what is off screen (pane_keys): the focus is always seen."""
        return self.pane_keys.tab(next, super().focusNextPrevChild)

    def say(self, text: str, ms: int = SHOWN_MS) -> None:
        """A message in the status bar: long enough to read it (a long one longer)."""
        self.statusBar().showMessage(text, max(ms, 100 * len(text)))

    def copy_view(self) -> QImage:
        """What the window shows (the diagram, the step, the plots; in presentation mode the
        stage), without its menus and status bar, on the clipboard as a picture."""
        top = self.menuBar().geometry().bottom() + 1 if self.menuBar().isVisible() else 0
        bottom = self.statusBar().geometry().top() if self.statusBar().isVisible() else self.height()
        image = self.grab(QRect(0, top, self.width(), bottom - top)).toImage()
        QGuiApplication.clipboard().setImage(image)
        self.say(self.tr("The view is on the clipboard as a picture ({w}×{h})."
                         ).format(w=image.width(), h=image.height()))
        return image

    def _dock(self, title: str, widget: QWidget, area, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def retranslate(self) -> None:
        """Every text of the window's own menus and docks, in the current language."""
        self.menus.retranslate()
        for dock, title in ((self.editor_dock, self.tr("Network")),
                            (self.training_dock, self.tr("Training")),
                            (self.gallery_dock, self.tr("Classify"))):
            dock.setWindowTitle(title)
        for dock in self.findChildren(QDockWidget):
            name_dock_buttons(dock)
        self.restore_buttons[0].setText(self.tr("Restore"))
        self.restore_buttons[1].setText(self.tr("Discard"))
        self.presenter.retranslate()
        self._update_title()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self, *args) -> None:
        store = self.studio.store
        name = Path(store.path).name if store.path else self.tr("untitled")
        self.setWindowTitle(f"{name}[*] — BP Studio — {dataset_name(self.studio.model.dataset)}")

    # ----- autosave -----------------------------------------------------------------------------

    def check_autosave(self) -> bool:
        """After a crash the autosave is still there: offer it (start-up)."""
        meta = self.studio.store.pending_autosave()
        if meta is None:
            return False
        self.restore_text.setText(self.tr(
            "BP Studio did not close properly last time. Restore the work autosaved at {time}?")
            .format(time=str(meta.get("saved", "?"))))
        self.restore_bar.show()
        return True

    def _on_restore_autosave(self) -> None:
        self.restore_bar.hide()
        self.studio.store.restore_autosave()

    def _on_discard_autosave(self) -> None:
        self.restore_bar.hide()
        self.studio.store.discard_autosave()

    # ----- drag and drop: only turn URLs into paths; ClassifySession does the rest ----------------

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        data = event.mimeData()
        paths = [u.toLocalFile() for u in data.urls() if u.isLocalFile()]
        if paths:  # after the drop has ended: what they replace may ask first
            QTimer.singleShot(0, lambda: self.studio.open(*paths))
        elif data.hasImage():
            self.studio.classify.classify_image(QImage(data.imageData()), "dropped image")
        event.acceptProposedAction()

    def _on_opened(self, what: str) -> None:
        if what == "images":
            self.gallery_dock.raise_()

    def come_forward(self) -> None:
        """A later start handed its files over: the window the user meant comes up."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def _on_building(self, building: bool) -> None:
        text = self.tr("Drawing the new network's initial weights…")
        if building:
            self.statusBar().showMessage(text)
        elif self.statusBar().currentMessage() == text:
            self.statusBar().clearMessage()

    def _on_explained(self) -> None:
        """A number explained: its neuron and edges in the diagram (the equation panel makes
        itself room for the explanation beside its matrices)."""
        self.diagram.set_explained(self.studio.explain.diagram_marks())

    def _on_dataset_changed(self) -> None:
        self._update_title()
        available = self.studio.plane_maps.available
        entering = available and self.plane_view.isHidden()
        self.plane_view.setVisible(available)
        if entering:  # the playground: the network and its output need the room more than the steps
            sizes = self.centre.sizes()  # (a comparison's story between them, when one is told)
            total, steps = sum(sizes), self.centre.indexOf(self.equations)
            sizes = [0] * len(sizes)  # the steps had none: keys moved to them found nothing
            sizes[0], sizes[steps] = total * 2 // 3, total - total * 2 // 3
            self.centre.setSizes(sizes)
            wide = sum(self.top.sizes())  # and the output a square as big as the diagram's height
            diagrams = self.top.indexOf(self.plane_view)  # (the output plane after the twins')
            self.top.setSizes([(wide - wide * 2 // 5) // diagrams] * diagrams + [wide * 2 // 5])

    def set_language(self, code: str) -> bool:
        """Switch every text at run time; refused (with a message, once) without a CJK font."""
        ok, why = apply_language(code)
        if why:
            self.statusBar().showMessage(why, 30000)
        self.menus.languages[current_language()].setChecked(True)
        return ok

    def set_theme(self, key: str) -> None:
        theme = apply_style(self, key, scale=self.presenter.scale, views=(self.diagram, self.cost_plot))
        self.menus.themes[theme.key].setChecked(True)

    def show_start_problems(self) -> None:
        """Settings dropped while starting, said once the window is up."""
        said = [sentence(translated(p)) for p in problems()]
        if said:  # after what the start said already (a damaged autosave)
            self.statusBar().showMessage(sentences(self.statusBar().currentMessage(), *said), 30000)

    def confirm_close(self) -> bool:
        """Ask before trained parameters are lost (unsaved_question.py). True when the window
        may close."""
        return self.unsaved.may_go_on(CLOSING)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.studio.training.prepare_when_idle(WARM_AFTER_SHOW_MS)

    def closeEvent(self, event) -> None:
        self.studio.store.wait_for_save()  # a Ctrl+S under way is written, and known, before anything
        if not self.confirm_close():
            event.ignore()
            return
        self.arrangement.save()
        self.studio.shut_down()
        super().closeEvent(event)
        if event.isAccepted():
            self.studio.store.discard_autosave()  # a clean exit: nothing to restore next time
            self.cost_plot.release()
