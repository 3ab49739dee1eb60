"""The window's menu bar: every action with its object name, shortcut and text, in one table.

Tests and the user guide find actions by their object names (docs/ui-names.md); the texts come
from ``retranslate`` so a language switch renames them all at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from ..session.studio import Studio
from ..widgets.theme import THEMES
from .help import AboutBox, GuideDialog, ShortcutSheet
from .i18n import LANGUAGES
from .motion import apply_reduce_motion, saved_reduce_motion

Open, Save, Quit = (QKeySequence.StandardKey.Open, QKeySequence.StandardKey.Save,
                    QKeySequence.StandardKey.Quit)


class WindowMenus(QObject):
    """File, Edit, Train, View and Help of ``window`` (a MainWindow) on ``studio``: ``actions`` by
    object name, the menus as attributes, the exclusive choices (``themes``, ``languages``,
    ``scales``)."""

    def __init__(self, window, studio: Studio, export_scales: tuple[int, ...], choose_scale) -> None:
        super().__init__(window)
        self.window = w = window
        self.actions: dict[str, QAction] = {}
        bar = w.menuBar()
        files, a = w.files, self._action
        self.file = bar.addMenu("")
        for slot, key, name in (
                (files.open_dataset_dialog, Open, "OpenDatasetAction"),
                (files.open_data_folder_dialog, "Ctrl+Shift+O", "OpenDataFolderAction"),
                (files.open_csv_dialog, None, "OpenCsvAction"),
                (files.open_image_folder_dialog, None, "OpenImageFolderAction"),
                (files.open_images_dialog, "Ctrl+Shift+I", "OpenImagesAction"),
                (files.open_model_dialog, None, "OpenModelAction")):
            self.file.addAction(a(slot, key, name))
        self.file.addSeparator()
        self.file.addAction(a(files.open_session_dialog, "Ctrl+Alt+O", "OpenSessionAction"))
        self.recent = self.file.addMenu("")
        self.recent.setObjectName("RecentMenu")
        self.recent.aboutToShow.connect(lambda: files.fill_recent_menu(self.recent))
        self.file.addAction(a(files.save, Save, "SaveSessionAction"))
        self.file.addAction(a(files.save_as, "Ctrl+Shift+S", "SaveSessionAsAction"))
        self.export = self.file.addMenu("")
        for slot, name in (
                (lambda: files.export("diagram.png", lambda path: w.diagram.export_png(
                    path, files.export_scale())), "ExportDiagramPng"),
                (lambda: files.export("diagram.svg", w.diagram.export_svg), "ExportDiagramSvg"),
                (lambda: files.export("plots.png", lambda path: w.cost_plot.export(
                    path, files.export_scale())), "ExportPlotsPng"),
                (lambda: files.export("plots.svg", w.cost_plot.export), "ExportPlotsSvg"),
                (lambda: files.export("cost.csv", files.export_cost_csv), "ExportPlotsCsv"),
                (files.export_step_dialog, "ExportStepCsv"),
                (lambda: files.export("model.npz", files.export_model), "ExportModel"),
                (lambda: files.export("training-log.csv", files.export_training_log),
                 "ExportTrainingLog")):
            self.export.addAction(a(slot, None, name))
        self.export.addSeparator()
        self.export.addAction(a(w.animations.export_iteration_dialog, None, "ExportAnimation"))
        self.export.addAction(a(w.timelapses.export_dialog, None, "ExportTimelapse"))
        # a plot's right-click menu offers the plots' exports too
        w.cost_plot.add_menu_actions([self.actions[name] for name in (
            "ExportPlotsPng", "ExportPlotsSvg", "ExportPlotsCsv")])
        self.scale = self.export.addMenu("")  # the pictures' resolution, for slides or print
        self.scales = self._choices(self.scale, export_scales, "ExportScale", choose_scale)
        self.scales[files.export_scale()].setChecked(True)
        self.file.addSeparator()
        quit_action = a(w.close, Quit, "QuitAction")
        if not quit_action.shortcuts():  # a desktop without a platform theme binds none
            quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.file.addAction(quit_action)

        self.edit = bar.addMenu("")
        # the model's undo/redo, which refuse (with a message) while training owns the network
        stack = studio.model.undo_stack
        for slot, key, name, possible, changed in (
                (studio.undo, QKeySequence.StandardKey.Undo, "UndoAction", stack.can_undo,
                 stack.can_undo_changed),
                (studio.redo, QKeySequence.StandardKey.Redo, "RedoAction", stack.can_redo,
                 stack.can_redo_changed)):
            action = a(slot, key, name)
            action.setEnabled(possible())
            changed.connect(action.setEnabled)
            self.edit.addAction(action)
        self.edit.addSeparator()
        self.edit.addAction(a(files.paste, QKeySequence.StandardKey.Paste, "PasteImageAction"))
        self.edit.addAction(a(w.copy_view, "Ctrl+Shift+C", "CopyViewAction"))

        self.train = bar.addMenu("")
        training = studio.training
        for slot, key, name in ((training.start, "Ctrl+T", "TrainAction"),
                                (training.pause_or_resume, "Ctrl+P", "PauseAction"),
                                (training.stop, "Ctrl+.", "StopAction"),
                                (training.step_once, "Ctrl+I", "OneIterationAction"),
                                (studio.reset_parameters, None, "ResetAction")):
            self.train.addAction(a(slot, key, name))
        self.train.addSeparator()
        # the stepper's keys, window-wide: a clicker works whatever is on screen (editors that
        # use these keys, spin boxes and text, take them first through ShortcutOverride)
        for slot, keys, name in ((studio.step_next, ("Space", "Right", "PgDown"), "StepNextAction"),
                                 (studio.step_back, ("Left", "PgUp"), "StepPreviousAction"),
                                 (studio.step_home, ("Home",), "StepHomeAction")):
            action = a(slot, None, name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            self.train.addAction(action)

        self.view = bar.addMenu("")
        self.view.addAction(a(w.diagram.fit_to_window, "Ctrl+Shift+F", "FitDiagramAction"))
        self.view.addSeparator()
        self.view.addActions(w.presenter.actions())
        self.reduce_motion = a(apply_reduce_motion, None, "ReduceMotionAction")
        self.reduce_motion.setCheckable(True)
        self.reduce_motion.setChecked(saved_reduce_motion())
        apply_reduce_motion(self.reduce_motion.isChecked())
        self.view.addAction(self.reduce_motion)
        self.theme = self.view.addMenu("")
        self.themes = self._choices(self.theme, THEMES, "Theme", w.set_theme)
        self.language = self.view.addMenu("")
        self.languages = self._choices(self.language, LANGUAGES, "Language", w.set_language)
        for key, text in LANGUAGES.items():  # each language in its own words, whatever the UI's
            self.languages[key].setText(text)

        self.help = bar.addMenu("")
        shown = w.help_windows.show
        self.help.addAction(a(lambda: shown(GuideDialog), None, "UserGuideAction"))
        self.help.addAction(a(lambda: shown(ShortcutSheet), "Ctrl+/", "ShortcutsAction"))
        self.help.addAction(a(w.equations.show_help, "F1", "HelpAction"))
        self.help.addSeparator()
        self.help.addAction(a(lambda: shown(AboutBox), None, "AboutAction"))

    def _action(self, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(self.window)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every binding of the platform (Redo: Ctrl+Shift+Z too)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.window.addAction(action)
        self.actions[name] = action
        return action

    def _choices(self, menu, keys, prefix: str, choose) -> dict:
        """One checkable action per key, exclusive; triggering calls choose(key)."""
        group = QActionGroup(self)
        actions = {}
        for key in keys:
            action = menu.addAction("")
            action.setObjectName(f"{prefix}_{key}")
            action.setCheckable(True)
            action.setActionGroup(group)
            action.triggered.connect(lambda _=False, k=key: choose(k))
            actions[key] = action
        return actions

    def retranslate(self) -> None:
        for menu, text in ((self.file, self.tr("&File")), (self.edit, self.tr("&Edit")),
                           (self.train, self.tr("&Train")), (self.view, self.tr("&View")),
                           (self.help, self.tr("&Help")), (self.recent, self.tr("Open &recent")),
                           (self.export, self.tr("&Export")), (self.theme, self.tr("&Theme")),
                           (self.language, self.tr("Lan&guage")),
                           (self.scale, self.tr("Pictures' &resolution"))):
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
            "ExportAnimation": self.tr("Animation of this iteration…"),
            "ExportTimelapse": self.tr("Time-lapse of this run…"),
            "QuitAction": self.tr("&Quit"),
            "UndoAction": self.tr("&Undo"),
            "RedoAction": self.tr("&Redo"),
            "PasteImageAction": self.tr("&Paste image"),
            "CopyViewAction": self.tr("&Copy the view as a picture"),
            "TrainAction": self.tr("&Train"),
            "PauseAction": self.tr("&Pause / resume"),
            "StopAction": self.tr("&Stop"),
            "OneIterationAction": self.tr("&One iteration"),
            "ResetAction": self.tr("&Reset parameters"),
            "StepNextAction": self.tr("Step &forward"),
            "StepPreviousAction": self.tr("Step &back"),
            "StepHomeAction": self.tr("Back to the start of the &iteration"),
            "FitDiagramAction": self.tr("&Fit diagram"),
            "ReduceMotionAction": self.tr("Reduce &motion"),
            "HelpAction": self.tr("&Why this equation? (F1)"),
            "UserGuideAction": self.tr("User &guide"),
            "ShortcutsAction": self.tr("&Keyboard shortcuts"),
            "AboutAction": self.tr("&About BP Studio"),
        }
        for name, text in texts.items():
            self.actions[name].setText(text)
        themes = {"light": self.tr("Light"), "dark": self.tr("Dark"),
                  "projector": self.tr("Projector (high contrast)"),
                  "contrast": self.tr("High contrast (white on black)")}
        for key, action in self.themes.items():
            action.setText(themes[key])
        for key, action in self.scales.items():
            action.setText(self.tr("{n}× the screen's pixels").format(n=key)
                           + {2: self.tr(" (slides)"), 4: self.tr(" (print)")}.get(key, ""))
