"""The studio window: editor on the left, diagram and equations in the middle, training on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import (QBoxLayout, QCheckBox, QDockWidget, QFrame, QHBoxLayout, QLabel,
                               QInputDialog, QMainWindow, QMessageBox, QPushButton, QScrollArea,
                               QSplitter, QVBoxLayout, QWidget)

from ..core.modelfile import ModelFileError, save_model
from ..core.sessionfile import SUFFIX
from ..session.classify import ClassifySession
from ..session.explain_model import ExplainModel
from ..session.exports import write_cost_csv, write_step_csvs, write_training_log
from ..session.image_folder import MAX_SIDE, MIN_SIDE
from ..session.lesson import LessonStore
from ..session.messages import sentence, translated
from ..session.network_model import NetworkModel
from ..session.plane_maps import PlaneMaps
from ..session.stepper_model import StepperModel
from ..session.training import TrainingSession
from ..widgets.classify_gallery import ClassifyGallery
from ..widgets.cost_plot import CostPlot
from ..widgets.equation_panel import EquationPanel
from ..widgets.layer_editor import LayerEditor
from ..widgets.load_progress import LoadProgress
from ..widgets.network_diagram import NetworkDiagram
from ..widgets.plane_view import PlaneView
from ..widgets.playground_panel import PlaygroundPanel
from ..widgets.training_panel import TrainingPanel
from ..widgets.vertical_scroll import VerticalScroll
from ..widgets.theme import THEMES
from . import file_dialogs as dialogs
from .help import AboutBox, GuideDialog, HelpWindows, ShortcutSheet
from .presentation import Presenter
from .time_travel import install as install_time_travel
from .twin_runs import install as install_twin_runs
from .gui import limit_blas_threads
from .i18n import LANGUAGES, apply_language, current_language, install_cjk_font, saved_language
from .themes import apply_style, saved_theme
from .settings import add_recent, flush, forget, problems, recall, recent_files, remember

LAST_DATA_KEY = "data/last"
LAST_MODEL_KEY = "model/last"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
ASK_UNSAVED_KEY = "window/ask_about_unsaved_training"
EXPORT_SCALE_KEY = "export/scale"
EXPORT_SCALES = (1, 2, 3, 4)  # × the screen's pixels; 2 is sharp on slides, 4 in print
# below this share of the window the diagram and the equations are squeezed: docks sized anew
CENTRAL_SHARE = 0.35
EXPLAIN_CENTRE = 0.62  # the steps' share of the centre's height while a number is explained


def first_size(screen=None) -> QSize:
    """The window's size on a first start: 1600×960 where there is room, else 90 % of the
    screen's available area (a 1024×768 projector: 921×691)."""
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1600, 960)
    room = screen.availableGeometry()
    return QSize(min(1600, int(0.9 * room.width())), min(960, int(0.9 * room.height())))


class MainWindow(QMainWindow):
    def __init__(self, model: NetworkModel | None = None) -> None:
        super().__init__()
        limit_blas_threads()
        install_cjk_font()  # the Language menu's "简体中文" and the equations' Chinese names too
        self.setObjectName("MainWindow")
        self.setWindowTitle("BP Studio")
        self.resize(first_size())
        self.model = model or NetworkModel(self)
        self.training = TrainingSession(self.model, self)
        self.stepper = StepperModel(self.model, self)

        self.plane_maps = PlaneMaps(self.model, parent=self)
        self.diagram = NetworkDiagram(self.model, self.stepper, self.plane_maps)
        self.plane_view = PlaneView(self.model, self.plane_maps)
        self.explain = ExplainModel(self.stepper, self)
        self._explaining = False
        self.equations = EquationPanel(self.stepper, self.explain)
        # an explained number's neuron and edges in the diagram; a weight clicked there explained
        self.explain.changed.connect(self._on_explained)
        self.diagram.weight_clicked.connect(self.explain.choose_weight)
        self.equations.explain_pane.export_asked.connect(lambda: self._export(
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

        self.editor = LayerEditor(self.model)
        self.playground = PlaygroundPanel(self.model)
        self.editor.add_data_controls(self.playground)
        scroll = VerticalScroll(self.editor)
        self.editor_dock = self._dock("", scroll, Qt.DockWidgetArea.LeftDockWidgetArea, "EditorDock")

        self.training_panel = TrainingPanel(self.model, self.training)
        self.cost_plot = CostPlot(self.model)
        right = QWidget()
        self.training_layout = rl = QBoxLayout(QBoxLayout.Direction.TopToBottom, right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.training_panel)
        rl.addWidget(self.cost_plot, 1)
        right.setMinimumWidth(200)
        self.training_dock = self._dock("", right, Qt.DockWidgetArea.RightDockWidgetArea,
                                        "TrainingDock")

        self.classify = ClassifySession(self.model, self)
        self.gallery = ClassifyGallery(self.classify, self.training)
        self.gallery_dock = self._dock("", self.gallery, Qt.DockWidgetArea.RightDockWidgetArea,
                                       "ClassifyDock")
        self.tabifyDockWidget(self.training_dock, self.gallery_dock)
        self.classify.opened.connect(self._on_opened)
        self.classify.message.connect(self._on_classify_message)
        self.classify.refused.connect(self._on_classify_message)
        self.setAcceptDrops(True)

        self.lesson = LessonStore(self.model, self.stepper, self)
        self.lesson.modified_changed.connect(self.setWindowModified)
        self.lesson.path_changed.connect(self._update_title)
        self.lesson.message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.lesson.opened.connect(self._on_session_opened)
        self.lesson.saved.connect(add_recent)
        self.lesson.clean_up(recent_files())
        self.classify.session_requested.connect(self.open_session)
        self.classify.model_opened.connect(self._on_model_opened)
        self.training.state_changed.connect(self._on_training_state)
        self._was_training = False

        self.presenter = Presenter(self)
        self._build_menus()
        self.retranslate()
        self._restore_window()
        self.set_theme(saved_theme())
        self.set_language(saved_language())
        self.model.error_reported.connect(self._on_error_reported)
        self.model.building_changed.connect(self._on_building)
        self.model.note.connect(lambda text: self.statusBar().showMessage(text, 30000))
        self.load_progress = LoadProgress(self.model.loader)
        self.statusBar().addPermanentWidget(self.load_progress)
        self.model.loader.cancelled.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.model.dataset_changed.connect(self._on_dataset_changed)
        self._on_dataset_changed()
        self.training.message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.stepper.message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.training.state_changed.connect(self.plane_view.frames.request_soon)  # a run's end
        self.time_travel = install_time_travel(self)  # the cursor on the plots; [ and ]
        self.twin_runs = install_twin_runs(self)  # the Runs menu: forks, comparisons

    def _dock(self, title: str, widget: QWidget, area, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every binding of the platform (Redo: Ctrl+Shift+Z too)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_menus(self) -> None:
        """Menus and actions, once; their texts come from retranslate()."""
        self.actions_by_name: dict[str, QAction] = {}
        bar = self.menuBar()
        a = self._action
        self.file_menu = file_menu = bar.addMenu("")
        file_menu.addAction(a(self._on_open_dataset, QKeySequence.StandardKey.Open, "OpenDatasetAction"))
        file_menu.addAction(a(self._on_open_data_folder, "Ctrl+Shift+O", "OpenDataFolderAction"))
        file_menu.addAction(a(self._on_open_csv, None, "OpenCsvAction"))
        file_menu.addAction(a(self._on_open_image_folder, None, "OpenImageFolderAction"))
        file_menu.addAction(a(self._on_open_images, "Ctrl+Shift+I", "OpenImagesAction"))
        file_menu.addAction(a(self._on_open_model, None, "OpenModelAction"))
        file_menu.addSeparator()
        file_menu.addAction(a(self._on_open_session, "Ctrl+Alt+O", "OpenSessionAction"))
        self.recent_menu = file_menu.addMenu("")
        self.recent_menu.setObjectName("RecentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(a(self._on_save, QKeySequence.StandardKey.Save, "SaveSessionAction"))
        file_menu.addAction(a(self._on_save_as, "Ctrl+Shift+S", "SaveSessionAsAction"))
        self.export_menu = export = file_menu.addMenu("")
        for slot, name in (
            (lambda: self._export("diagram.png", lambda path: self.diagram.export_png(
                path, self.export_scale())), "ExportDiagramPng"),
            (lambda: self._export("diagram.svg", self.diagram.export_svg), "ExportDiagramSvg"),
            (lambda: self._export("plots.png", lambda path: self.cost_plot.export(
                path, self.export_scale())), "ExportPlotsPng"),
            (lambda: self._export("plots.svg", self.cost_plot.export), "ExportPlotsSvg"),
            (lambda: self._export("cost.csv", self.export_cost_csv), "ExportPlotsCsv"),
            (self._export_step, "ExportStepCsv"),
            (lambda: self._export("model.npz", self.export_model), "ExportModel"),
            (lambda: self._export("training-log.csv", self.export_training_log), "ExportTrainingLog"),
        ):
            export.addAction(a(slot, None, name))
        self.scale_menu = export.addMenu("")  # the pictures' resolution, for slides or print
        self.scale_actions = self._choices(self.scale_menu, dict.fromkeys(EXPORT_SCALES, ""),
                                           "ExportScale", lambda k: remember(EXPORT_SCALE_KEY, k))
        self.scale_actions[self.export_scale()].setChecked(True)
        file_menu.addSeparator()
        quit_action = a(self.close, QKeySequence.StandardKey.Quit, "QuitAction")
        if not quit_action.shortcuts():  # a desktop without a platform theme binds none
            quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        file_menu.addAction(quit_action)
        self.edit_menu = edit = bar.addMenu("")
        # the model's undo/redo, which refuse (with a message) while training owns the network
        stack = self.model.undo_stack
        self.undo_action = a(self.model.undo, QKeySequence.StandardKey.Undo, "UndoAction")
        self.undo_action.setEnabled(stack.canUndo())
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.redo_action = a(self.model.redo, QKeySequence.StandardKey.Redo, "RedoAction")
        self.redo_action.setEnabled(stack.canRedo())
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        edit.addAction(a(self._on_paste, QKeySequence.StandardKey.Paste, "PasteImageAction"))
        self.train_menu = train = bar.addMenu("")
        train.addAction(a(self.training.start, "Ctrl+T", "TrainAction"))
        train.addAction(a(self._on_pause_resume, "Ctrl+P", "PauseAction"))
        train.addAction(a(self.training.stop, "Ctrl+.", "StopAction"))
        train.addAction(a(self.training.step_once, "Ctrl+I", "OneIterationAction"))
        train.addAction(a(self.model.reset_parameters, None, "ResetAction"))
        train.addSeparator()
        # the stepper's keys, window-wide: a clicker works whatever is on screen (editors that
        # use these keys, spin boxes and text, take them first through ShortcutOverride)
        for slot, keys, name in ((self.stepper.next, ("Space", "Right", "PgDown"), "StepNextAction"),
                                 (self.stepper.previous, ("Left", "PgUp"), "StepPreviousAction"),
                                 (self.stepper.home, ("Home",), "StepHomeAction")):
            action = a(slot, None, name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            train.addAction(action)
        self.view_menu = view = bar.addMenu("")
        view.addAction(a(self.diagram.fit_to_window, "Ctrl+Shift+F", "FitDiagramAction"))
        view.addSeparator()
        view.addActions(self.presenter.actions())
        self.theme_menu = view.addMenu("")
        self.theme_actions = self._choices(self.theme_menu, dict.fromkeys(THEMES, ""), "Theme",
                                           self.set_theme)
        self.language_menu = view.addMenu("")
        # each language in its own words, whatever the UI's language
        self.language_actions = self._choices(self.language_menu, LANGUAGES, "Language",
                                              self.set_language)
        self.help_menu = help_menu = bar.addMenu("")
        self.help_windows = HelpWindows(self)
        help_menu.addAction(a(lambda: self.help_windows.show(GuideDialog), None, "UserGuideAction"))
        help_menu.addAction(a(lambda: self.help_windows.show(ShortcutSheet), "Ctrl+/",
                              "ShortcutsAction"))
        help_menu.addAction(a(self.equations.show_help, "F1", "HelpAction"))
        help_menu.addSeparator()
        help_menu.addAction(a(lambda: self.help_windows.show(AboutBox), None, "AboutAction"))

    def _choices(self, menu, items: dict[str, str], prefix: str, choose) -> dict[str, QAction]:
        """One checkable action per key, exclusive; triggering calls choose(key)."""
        group = QActionGroup(self)
        actions = {}
        for key, text in items.items():
            action = menu.addAction(text)
            action.setObjectName(f"{prefix}_{key}")
            action.setCheckable(True)
            action.setActionGroup(group)
            action.triggered.connect(lambda _=False, k=key: choose(k))
            actions[key] = action
        return actions

    def retranslate(self) -> None:
        """Every text of the window's own menus and docks, in the current language."""
        for menu, text in ((self.file_menu, self.tr("&File")), (self.edit_menu, self.tr("&Edit")),
                           (self.train_menu, self.tr("&Train")), (self.view_menu, self.tr("&View")),
                           (self.help_menu, self.tr("&Help")),
                           (self.recent_menu, self.tr("Open &recent")),
                           (self.export_menu, self.tr("&Export")),
                           (self.theme_menu, self.tr("&Theme")),
                           (self.language_menu, self.tr("Lan&guage"))):
            menu.setTitle(text)
        texts = {
            "OpenDatasetAction": self.tr("&Open data set…"),
            "OpenDataFolderAction": self.tr("Open data &folder…"),
            "OpenCsvAction": self.tr("Open &CSV data…"),
            "OpenImageFolderAction": self.tr("Open a folder of c&lass folders…"),
            "OpenImagesAction": self.tr("Open &images…"),
            "OpenModelAction": self.tr("Open &model…"),
            "OpenSessionAction": self.tr("Open sessio&n…"),
            "SaveSessionAction": self.tr("&Save session"),
            "SaveSessionAsAction": self.tr("Save session &as…"),
            "ExportDiagramPng": self.tr("Diagram as PNG…"),
            "ExportDiagramSvg": self.tr("Diagram as SVG…"),
            "ExportPlotsPng": self.tr("Plots as PNG…"),
            "ExportPlotsSvg": self.tr("Plots as SVG…"),
            "ExportPlotsCsv": self.tr("Cost curve as CSV…"),
            "ExportStepCsv": self.tr("Current step's matrices as CSV…"),
            "ExportModel": self.tr("Model as .npz…"),
            "ExportTrainingLog": self.tr("Training log as CSV…"),
            "QuitAction": self.tr("&Quit"),
            "PasteImageAction": self.tr("&Paste image"),
            "TrainAction": self.tr("&Train"),
            "PauseAction": self.tr("&Pause / resume"),
            "StopAction": self.tr("&Stop"),
            "OneIterationAction": self.tr("&One iteration"),
            "ResetAction": self.tr("&Reset parameters"),
            "StepNextAction": self.tr("Step &forward"),
            "StepPreviousAction": self.tr("Step &back"),
            "StepHomeAction": self.tr("Back to the start of the &iteration"),
            "FitDiagramAction": self.tr("&Fit diagram"),
            "HelpAction": self.tr("&Why this equation? (F1)"),
            "UserGuideAction": self.tr("User &guide"),
            "ShortcutsAction": self.tr("&Keyboard shortcuts"),
            "AboutAction": self.tr("&About BP Studio"),
        }
        for name, text in texts.items():
            self.actions_by_name[name].setText(text)
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        theme_titles = {"light": self.tr("Light"), "dark": self.tr("Dark"),
                        "projector": self.tr("Projector (high contrast)")}
        for key, action in self.theme_actions.items():
            action.setText(theme_titles[key])
        self.scale_menu.setTitle(self.tr("Pictures' &resolution"))
        for key, action in self.scale_actions.items():
            action.setText(self.tr("{n}× the screen's pixels").format(n=key)
                           + {2: self.tr(" (slides)"), 4: self.tr(" (print)")}.get(key, ""))
        for dock, title in ((self.editor_dock, self.tr("Network")),
                            (self.training_dock, self.tr("Training")),
                            (self.gallery_dock, self.tr("Classify"))):
            dock.setWindowTitle(title)
        self.restore_buttons[0].setText(self.tr("Restore"))
        self.restore_buttons[1].setText(self.tr("Discard"))
        self.presenter.retranslate()
        self._update_title()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- actions --------------------------------------------------------------------------------

    # ----- sessions, recent files, exports ---------------------------------------------------------

    def _update_title(self, *args) -> None:
        name = Path(self.lesson.path).name if self.lesson.path else self.tr("untitled")
        self.setWindowTitle(f"{name}[*] — BP Studio — {self.model.dataset.name}")

    def open_session(self, path: str) -> bool:
        """True: the session is on its way (read on the loader's thread); the status bar says
        when it is on screen, or why it is not."""
        return self.lesson.open(path)

    def _on_session_opened(self, path: str, remark: str) -> None:
        if path:
            add_recent(path)
        said = (self.tr("Opened {name}.").format(name=Path(path).name) if path
                else self.tr("Restored the autosaved work."))
        self.statusBar().showMessage(" ".join(t for t in (said, remark) if t), 15000)

    def _on_open_session(self) -> None:
        path = dialogs.open_file(self, dialogs.SESSIONS, self.tr("Open a session"),
                                 self.tr("Sessions (*.bpstudio)"))
        if path:
            self.open_session(path)

    def _on_save(self) -> bool:
        """Ctrl+S: written on a thread; the status bar says when it is saved."""
        if not self.lesson.path:
            return self._on_save_as()
        return self.lesson.save_in_background()

    def _on_save_as(self) -> bool:
        path = self._ask_save_path()
        return bool(path) and self.lesson.save_in_background(path)

    def _ask_save_path(self) -> str:
        """The session's own file, or a new name from the data set and the date."""
        name = self.lesson.path or dialogs.dated_name(self.model.dataset.name, SUFFIX)
        return dialogs.save_file(self, dialogs.SESSIONS, self.tr("Save the session"), name,
                                 self.tr("Sessions (*.bpstudio)"))

    def _save_before_closing(self) -> bool:
        """Written before the window goes: True when it is."""
        self.lesson.wait_for_save()  # a save under way ends first
        path = self.lesson.path or self._ask_save_path()
        return bool(path) and self.lesson.save(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_any(p))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def open_any(self, path: str) -> None:
        """A recent file: a session, a data set, a model or an image, by its kind."""
        if path.endswith(".bpstudio"):
            self.open_session(path)
        else:
            self.classify.open_paths([path])

    def _export(self, what: str, write) -> None:
        """``what``: e.g. "diagram.png", the proposed name's end and the file's kind."""
        part, suffix = what.rsplit(".", 1)
        name = dialogs.dated_name(f"{self.model.dataset.name} {part}", f".{suffix}")
        filters = f"{suffix.upper()} (*.{suffix})"
        path = dialogs.save_file(self, dialogs.EXPORTS, self.tr("Export"), name, filters)
        if path:
            self.export_to(path, write)

    def export_to(self, path: str, write) -> bool:
        try:
            write(path)
        except (OSError, ValueError, ModelFileError) as e:
            self.statusBar().showMessage(self.tr("{name}: could not export ({why})").format(
                name=Path(path).name, why=e), 15000)
            return False
        self.statusBar().showMessage(self.tr("Exported {name}.").format(name=Path(path).name), 15000)
        return True

    def export_model(self, path: str) -> None:
        ds = self.model.dataset
        save_model(path, self.model.network, input_shape=ds.input_shape, class_names=ds.classes)

    def export_scale(self) -> int:
        """The exported pictures' pixels per screen pixel (File → Export → Resolution)."""
        return recall(EXPORT_SCALE_KEY, 2, int, lambda v: v in EXPORT_SCALES)

    def export_cost_csv(self, path: str) -> None:
        write_cost_csv(path, self.model.history)

    def export_training_log(self, path: str) -> None:
        write_training_log(path, self.model.history)

    def _export_step(self) -> None:
        folder = dialogs.open_folder(self, dialogs.EXPORTS,
                                     self.tr("Export the current step's matrices into"))
        if folder:
            self.export_step(folder)

    def export_step(self, folder: str) -> list[str]:
        step = self.stepper.current_step()
        if step is None:
            self.statusBar().showMessage(self.tr("No step yet: press → to take the first one."), 15000)
            return []
        written = write_step_csvs(folder, step, self.stepper.stepper.position)
        self.statusBar().showMessage(self.tr("Exported {n} matrices to {folder}.").format(n=len(written),
                                                                                 folder=folder), 15000)
        return [str(p) for p in written]

    # ----- autosave -----------------------------------------------------------------------------

    def _on_training_state(self, state: str) -> None:
        if state == "idle" and self._was_training:
            for view in (self.cost_plot, self.diagram):
                view.frames.flush()  # the run's last numbers, not a throttled moment before them
            self.lesson.autosave()  # training stopped: keep what it learned
        self._was_training = state != "idle"

    def check_autosave(self) -> bool:
        """After a crash the autosave is still there: offer it (start-up)."""
        meta = self.lesson.pending_autosave()
        if meta is None:
            return False
        self.restore_text.setText(self.tr(
            "BP Studio did not close properly last time. Restore the work autosaved at {time}?")
            .format(time=str(meta.get("saved", "?"))))
        self.restore_bar.show()
        return True

    def _on_restore_autosave(self) -> None:
        self.restore_bar.hide()
        self.lesson.restore_autosave()

    def _on_discard_autosave(self) -> None:
        self.restore_bar.hide()
        self.lesson.discard_autosave()

    def _on_pause_resume(self) -> None:
        if self.training.state == "paused":
            self.training.resume()
        else:
            self.training.pause()

    def _on_open_dataset(self) -> None:
        path = dialogs.open_file(self, dialogs.DATA, self.tr("Open the cat data set (either .h5 file)"),
                                 self.tr("HDF5 data (*.h5 *.hdf5);;All files (*)"))
        if path:
            self.open_dataset(path)

    def _on_open_data_folder(self) -> None:
        path = dialogs.open_folder(self, dialogs.DATA,
                                   self.tr("Open the folder holding the cat data set"))
        if path:
            self.open_dataset(path)

    def _on_open_csv(self) -> None:
        path = dialogs.open_file(self, dialogs.DATA,
                                 self.tr("Open CSV data: feature columns and a 0/1 label column"),
                                 self.tr("CSV (*.csv *.txt);;All files (*)"))
        if path:
            self.model.open_csv(path)

    def _on_open_image_folder(self) -> None:
        path = dialogs.open_folder(
            self, dialogs.DATA,
            self.tr("A folder with one sub-folder of images per class (e.g. cat/, not-cat/)"))
        if not path:
            return
        side, ok = QInputDialog.getInt(self, self.tr("Image size"),
                                       self.tr("Resize every image to N×N pixels:"),
                                       self.model.image_side(), MIN_SIDE, MAX_SIDE)
        if ok:
            self.model.open_image_folder(path, side)

    def _on_open_images(self) -> None:
        paths = dialogs.open_files(
            self, dialogs.IMAGES, self.tr("Open images to classify"),
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;All files (*)"))
        if paths:
            self.classify.open_paths(paths)

    def _on_open_model(self) -> None:
        path = dialogs.open_file(self, dialogs.MODELS, self.tr("Open a model"),
                                 self.tr("Models (*.npz)"))
        if path:
            self.classify.open_model(path)

    def _on_paste(self) -> None:
        data = QGuiApplication.clipboard().mimeData()
        if data is not None and data.hasUrls():
            self.classify.open_paths([u.toLocalFile() for u in data.urls() if u.isLocalFile()])
        else:
            self.classify.classify_image(QGuiApplication.clipboard().image())

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
        if paths:
            self.classify.open_paths(paths)
        elif data.hasImage():
            self.classify.classify_image(QImage(data.imageData()), "dropped image")
        event.acceptProposedAction()

    def _on_opened(self, what: str) -> None:
        if what == "images":
            self.gallery_dock.raise_()
            self.gallery.tabs.setCurrentIndex(0)

    def _on_classify_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)
        self.gallery_dock.raise_()

    def open_dataset(self, path: str, otherwise=None) -> bool:
        """True: on its way; remembered as the last data set once it is the data set."""
        def opened() -> None:
            remember(LAST_DATA_KEY, str(Path(path).resolve()))
            add_recent(str(Path(path).resolve()))
        return self.model.open_dataset(path, opened, otherwise)

    def open_given(self, files: list[str], data: str | None = None) -> None:
        """What the command line or a later ``bpstudio FILE`` gives: a data set, then the files,
        each opened as a drop on the window opens it (bad paths say so the same way)."""
        if data:
            self.open_dataset(data)
        if files:
            self.classify.open_paths(files)

    def come_forward(self) -> None:
        """A later start handed its files over: the window the user meant comes up."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def _on_model_opened(self, path: str) -> None:
        remember(LAST_MODEL_KEY, path)
        add_recent(path)

    def restore_last_dataset(self) -> None:
        """Start-up: the data set and then the model of the last run (read one after the other),
        when they are still there; one that no longer opens is forgotten (its message says why)."""
        last = recall(LAST_DATA_KEY, "", str)
        if last and Path(last).exists():
            self.model.open_dataset(last, otherwise=lambda: forget(LAST_DATA_KEY))
        model = recall(LAST_MODEL_KEY, "", str)
        if model and Path(model).exists():
            self.classify.open_model(model, otherwise=lambda: forget(LAST_MODEL_KEY))

    def _on_error_reported(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def _on_building(self, building: bool) -> None:
        text = self.tr("Drawing the new network's initial weights…")
        if building:
            self.statusBar().showMessage(text)
        elif self.statusBar().currentMessage() == text:
            self.statusBar().clearMessage()

    def _on_explained(self) -> None:
        """A number explained: its neuron and edges in the diagram; and, opening, the steps get
        the larger part of the window's centre (at 1024×768 the sum needs the lines)."""
        self.diagram.set_explained(self.explain.diagram_marks())
        opening = self.explain.explanation is not None and not self._explaining
        self._explaining = self.explain.explanation is not None
        if opening and not self.presenter.presenting:
            total = sum(self.centre.sizes())
            if self.centre.sizes()[1] < EXPLAIN_CENTRE * total:
                self.centre.setSizes([total - int(EXPLAIN_CENTRE * total), int(EXPLAIN_CENTRE * total)])

    def _on_dataset_changed(self) -> None:
        self._update_title()
        entering = self.plane_maps.available and self.plane_view.isHidden()
        self.plane_view.setVisible(self.plane_maps.available)
        if entering:  # the playground: the network and its output need the room more than the steps
            total = sum(self.centre.sizes())
            self.centre.setSizes([total * 2 // 3, total - total * 2 // 3])
            wide = sum(self.top.sizes())  # and the output a square as big as the diagram's height
            self.top.setSizes([wide - wide * 2 // 5, wide * 2 // 5])

    def set_language(self, code: str) -> bool:
        """Switch every text at run time; refused (with a message, once) without a CJK font."""
        self.training.hold()  # the window relays out; a training run waits a moment
        ok, why = apply_language(code)
        if why:
            self.statusBar().showMessage(why, 30000)
        self.language_actions[current_language()].setChecked(True)
        return ok

    def set_theme(self, key: str) -> None:
        self.training.hold()  # the window restyles; a training run waits a moment
        theme = apply_style(self, key, scale=self.presenter.scale, views=(self.diagram, self.cost_plot))
        self.theme_actions[theme.key].setChecked(True)

    def _restore_window(self) -> None:
        """The last layout; one that Qt cannot use is dropped (the window starts as fresh)."""
        geometry = recall(GEOMETRY_KEY, None, QByteArray)
        self._restored_geometry = geometry is not None and self.restoreGeometry(geometry)
        if geometry is not None and not self._restored_geometry:
            forget(GEOMETRY_KEY, geometry)
        state = recall(STATE_KEY, None, QByteArray)
        if state is not None and not self.restoreState(state):
            forget(STATE_KEY, state)
        self._fit_docks_when_shown = True  # the first start, or panels from another screen

    def show_start_problems(self) -> None:
        """Settings dropped while starting, said once the window is up."""
        said = [sentence(translated(p)) for p in problems()]
        if said:  # after what the start said already (a damaged autosave)
            self.statusBar().showMessage(" ".join([self.statusBar().currentMessage(), *said]).strip(),
                                         30000)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._fit_docks_when_shown:  # once laid out: the docks' frames are known then
            self._fit_docks_when_shown = False
            QTimer.singleShot(0, self._fit_window_to_screen)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() > 0 and event.size().width() < event.oldSize().width():
            QTimer.singleShot(0, self._keep_central_share)  # once the docks are laid out

    def _keep_central_share(self) -> None:
        """A smaller window (another screen, a maximised window on a projector) gives the
        diagram and the equations their room back from docks sized for a wider one."""
        if not self.presenter.presenting and self.centralWidget().width() < CENTRAL_SHARE * self.width():
            self._fit_docks()

    def _fit_window_to_screen(self) -> None:
        """A window remembered from a bigger screen is made to fit this one, and docks sized for
        a wider window give the diagram and the equations their room back."""
        screen = self.screen().availableGeometry()
        if self._restored_geometry and not self.isMaximized() and not self.isFullScreen() and (
                self.width() > screen.width() or self.height() > screen.height()):
            self.resize(first_size(self.screen()))
            QTimer.singleShot(0, self._fit_docks)
            return
        if recall(STATE_KEY) is None or self.centralWidget().width() < CENTRAL_SHARE * self.width():
            self._fit_docks()

    def _fit_docks(self) -> None:
        """The editor as wide as its controls need (up to 380 px, or 28 % of the window), the
        plots up to 480 px: the diagram and the equations keep the rest."""
        width = self.width()
        editor = max(self.editor_dock.minimumSizeHint().width(), min(380, int(0.28 * width)))
        side = max(self.training_dock.minimumSizeHint().width(), self.gallery_dock.minimumSizeHint().width(),
                   min(480, int(0.28 * width)))
        self.resizeDocks([self.editor_dock, self.training_dock], [editor, side],
                         Qt.Orientation.Horizontal)
        self.training_dock.raise_()

    def side_dock(self) -> QDockWidget:
        """The dock that stays beside the diagram in the mixed stage of presentation mode."""
        return self.training_dock

    def arrange_stage(self, stage: str | None) -> None:
        """What a stage of presentation mode shows (None: the window as it is outside it; the
        docks come back with the window's saved state). The equation, network, training and
        classify stages give one view the whole screen."""
        central = stage in (None, "mixed", "equations", "network")
        self.centralWidget().setVisible(central)
        self.top.setVisible(stage != "equations")
        self.equations.setVisible(stage != "network")
        self.equations.set_stage(stage == "equations")
        # the training stage: the plots the height of the screen, the buttons beside them
        self.training_layout.setDirection(QBoxLayout.Direction.LeftToRight if stage == "training"
                                          else QBoxLayout.Direction.TopToBottom)
        self.training_panel.setMaximumWidth(self.width() // 3 if stage == "training" else 16777215)
        if stage is None:
            return
        self.editor_dock.hide()
        self.training_dock.setVisible(stage in ("mixed", "training"))
        self.gallery_dock.setVisible(stage == "classify")

    def _save_window(self) -> None:
        if self.presenter.presenting:
            self.presenter.leave()
        remember(GEOMETRY_KEY, self.saveGeometry())
        remember(STATE_KEY, self.saveState())
        flush()  # the window is closing: what it remembers reaches the file

    def _unsaved_training(self) -> bool:
        return self.lesson.modified and (self.model.network.iterations_trained > 0
                                         or self.training.state != "idle")

    def confirm_close(self) -> bool:
        """Ask before trained parameters are lost: Save, Discard or Cancel (training paused while
        asking, resumed on Cancel). True when the window may close."""
        if not self._unsaved_training() or not recall(ASK_UNSAVED_KEY, True, bool):
            return True
        running = self.training.state == "running"
        self.training.pause()
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved training"),
                          self.tr("Save the trained network before closing?"), buttons, self)
        box.setObjectName("UnsavedTrainingBox")
        lines = [self.tr("{n} iterations of training are not saved in a session file; without "
                         "saving they are lost.").format(n=f"{self.model.network.iterations_trained:,}")]
        if self.training.state != "idle":
            lines.append(self.tr("Training is still running; closing stops it."))
        box.setInformativeText(" ".join(lines))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        never = QCheckBox(self.tr("Do not ask again"))
        never.setObjectName("DoNotAskAgain")
        box.setCheckBox(never)
        box.exec()
        answer = box.standardButton(box.clickedButton())
        if answer == QMessageBox.StandardButton.Cancel:
            if running:
                self.training.resume()
            return False
        if never.isChecked():
            remember(ASK_UNSAVED_KEY, False)
        if answer == QMessageBox.StandardButton.Save:
            self.training.wait()  # the run's last parameters, then save them
            return self._save_before_closing()
        return True

    def closeEvent(self, event) -> None:
        self.lesson.wait_for_save()  # a Ctrl+S under way is written, and known, before anything
        if not self.confirm_close():
            event.ignore()
            return
        self.model.loader.cancel()  # a file being read is not waited for
        self._save_window()
        self.training.wait()
        self.classify.shutdown()
        super().closeEvent(event)
        if event.isAccepted():
            self.lesson.discard_autosave()  # a clean exit: nothing to restore next time
        if event.isAccepted():
            self.cost_plot.release()
