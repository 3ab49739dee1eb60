"""What the File and Edit menus open, save and export, and what the desktop hands the window:
dialogs that remember their folders (file_dialogs.py), the status bar's one-line answers, the
last data set and model remembered for the next start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from ..core.messages import isolated
from ..core.modelfile import ModelFileError, save_model
from ..core.sessionfile import SUFFIX
from ..session.cost_now import cost_now
from ..session.exports import write_cost_csv, write_step_csvs, write_training_log
from ..session.image_folder import MAX_SIDE, MIN_SIDE
from ..session.messages import sentences, translated
from ..session.studio import Studio
from ..widgets.plain_text import as_label_text
from . import file_dialogs as dialogs
from .settings import add_recent, forget, recall, recent_files, remember

LAST_DATA_KEY = "data/last"
LAST_MODEL_KEY = "model/last"
EXPORT_SCALE_KEY = "export/scale"
EXPORT_SCALES = (1, 2, 3, 4)  # × the screen's pixels; 2 is sharp on slides, 4 in print
SHOWN_MS = 15000  # a status-bar answer stays this long


class FileActions(QObject):
    """The files of ``studio``'s session: ``host`` (the window) is the dialogs' parent and
    ``say(text, ms)`` its status bar; the studio's parts do the reading."""

    def __init__(self, studio: Studio, host: QWidget, say) -> None:
        super().__init__(host)
        self.studio, self.host, self.say = studio, host, say
        self.model, self.classify, self.store = studio.model, studio.classify, studio.store
        self.store.opened.connect(self._on_session_opened)
        self.store.saved.connect(add_recent)
        self.store.clean_up(recent_files())
        self.classify.model_opened.connect(self._on_model_opened)

    def _say(self, text: str, ms: int = SHOWN_MS) -> None:
        self.say(text, ms)

    # ----- opening -------------------------------------------------------------------------------

    def open_dataset(self, path: str, otherwise=None) -> bool:
        """True: on its way; remembered as the last data set once it is the data set."""
        def opened() -> None:
            remember(LAST_DATA_KEY, str(Path(path).resolve()))
            add_recent(str(Path(path).resolve()))
        return self.model.data.open_dataset(path, opened, otherwise)

    def open_session(self, path: str) -> bool:
        """True: the session is on its way (read on the loader's thread); the status bar says
        when it is on screen, or why it is not."""
        return self.studio.open_session(path)

    def open_given(self, files: list[str], data: str | None = None) -> None:
        """What the command line or a later ``bpstudio FILE`` gives: a data set, then the files,
        each opened as a drop on the window opens it (bad paths say so the same way)."""
        if data:
            self.open_dataset(data)
        if files:
            self.classify.open_paths(files)

    def open_any(self, path: str) -> None:
        """A recent file: a session, a data set, a model or an image, by its kind."""
        if path.endswith(SUFFIX):
            self.open_session(path)
        else:
            self.classify.open_paths([path])

    def restore_last_dataset(self) -> None:
        """Start-up: the data set and then the model of the last run (read one after the other),
        when they are still there; one that no longer opens is forgotten (its message says why)."""
        last = recall(LAST_DATA_KEY, "", str)
        if last and Path(last).exists():
            self.model.data.open_dataset(last, otherwise=lambda: forget(LAST_DATA_KEY))
        model = recall(LAST_MODEL_KEY, "", str)
        if model and Path(model).exists():
            self.classify.open_model(model, otherwise=lambda: forget(LAST_MODEL_KEY))

    def _on_session_opened(self, path: str, remark: str) -> None:
        if path:
            add_recent(path)
        said = (self.tr("Opened {name}.").format(name=isolated(Path(path).name)) if path
                else self.tr("Restored the autosaved work."))
        self._say(sentences(said, remark))

    def _on_model_opened(self, path: str) -> None:
        remember(LAST_MODEL_KEY, path)
        add_recent(path)

    def fill_recent_menu(self, menu) -> None:
        menu.clear()
        for path in recent_files():
            action = menu.addAction(as_label_text(path))  # a path's & is itself
            action.triggered.connect(lambda _=False, p=path: self.open_any(p))
        if not menu.actions():
            menu.addAction(self.tr("(none yet)")).setEnabled(False)

    # ----- the menus' dialogs ---------------------------------------------------------------------

    def open_dataset_dialog(self) -> None:
        path = dialogs.open_file(self.host, dialogs.DATA,
                                 self.tr("Open the cat data set (either .h5 file)"),
                                 self.tr("HDF5 data (*.h5 *.hdf5);;All files (*)"))
        if path:
            self.open_dataset(path)

    def open_data_folder_dialog(self) -> None:
        path = dialogs.open_folder(self.host, dialogs.DATA,
                                   self.tr("Open the folder holding the cat data set"))
        if path:
            self.open_dataset(path)

    def open_csv_dialog(self) -> None:
        path = dialogs.open_file(self.host, dialogs.DATA,
                                 self.tr("Open CSV data: feature columns and a 0/1 label column"),
                                 self.tr("CSV (*.csv *.txt);;All files (*)"))
        if path:
            self.model.data.open_csv(path)

    def open_image_folder_dialog(self) -> None:
        path = dialogs.open_folder(
            self.host, dialogs.DATA,
            self.tr("A folder with one sub-folder of images per class (e.g. cat/, not-cat/)"))
        if not path:
            return
        side, ok = QInputDialog.getInt(self.host, self.tr("Image size"),
                                       self.tr("Resize every image to N×N pixels:"),
                                       self.model.data.image_side(), MIN_SIDE, MAX_SIDE)
        if ok:
            self.model.data.open_image_folder(path, side)

    def open_images_dialog(self) -> None:
        paths = dialogs.open_files(
            self.host, dialogs.IMAGES, self.tr("Open images to classify"),
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;All files (*)"))
        if paths:
            self.classify.open_paths(paths)

    def open_model_dialog(self) -> None:
        path = dialogs.open_file(self.host, dialogs.MODELS, self.tr("Open a model"),
                                 self.tr("Models (*.npz)"))
        if path:
            self.classify.open_model(path)

    def open_session_dialog(self) -> None:
        path = dialogs.open_file(self.host, dialogs.SESSIONS, self.tr("Open a session"),
                                 self.tr("Sessions (*.bpstudio)"))
        if path:
            self.open_session(path)

    def paste(self) -> None:
        data = QGuiApplication.clipboard().mimeData()
        if data is not None and data.hasUrls():
            self.classify.open_paths([u.toLocalFile() for u in data.urls() if u.isLocalFile()])
        else:
            self.classify.classify_image(QGuiApplication.clipboard().image())

    # ----- saving ---------------------------------------------------------------------------------

    def save(self) -> bool:
        """Ctrl+S: written on a thread; the status bar says when it is saved."""
        if not self.store.path:
            return self.save_as()
        return self.store.save_in_background()

    def save_as(self) -> bool:
        path = self._ask_save_path()
        return bool(path) and self.store.save_in_background(path)

    def _ask_save_path(self) -> str:
        """The session's own file, or a new name from the data set and the date."""
        name = self.store.path or dialogs.dated_name(self.model.dataset.name, SUFFIX)
        return dialogs.save_file(self.host, dialogs.SESSIONS, self.tr("Save the session"), name,
                                 self.tr("Sessions (*.bpstudio)"))

    def save_before_closing(self) -> bool:
        """Written before the window goes: True when it is."""
        self.store.wait_for_save()  # a save under way ends first
        path = self.store.path or self._ask_save_path()
        return bool(path) and self.store.save(path)

    # ----- exports --------------------------------------------------------------------------------

    def export(self, what: str, write) -> None:
        """``what``: e.g. "diagram.png", the proposed name's end and the file's kind."""
        part, suffix = what.rsplit(".", 1)
        name = dialogs.dated_name(f"{self.model.dataset.name} {part}", f".{suffix}")
        filters = f"{suffix.upper()} (*.{suffix})"
        path = dialogs.save_file(self.host, dialogs.EXPORTS, self.tr("Export"), name, filters)
        if path:
            self.export_to(path, write)

    def export_to(self, path: str, write) -> bool:
        try:
            write(path)
        except (OSError, ValueError, ModelFileError) as e:
            self._say(self.tr("{name}: could not export ({why})").format(name=isolated(Path(path).name),
                                                                         why=translated(e)))
            return False
        self._say(self.tr("Exported {name}.").format(name=isolated(Path(path).name)))
        return True

    def export_model(self, path: str) -> None:
        ds = self.model.dataset
        save_model(path, self.model.network, input_shape=ds.input_shape, class_names=ds.classes)

    @staticmethod
    def export_scale() -> int:
        """The exported pictures' pixels per screen pixel (File → Export → Resolution)."""
        return recall(EXPORT_SCALE_KEY, 2, int, lambda v: v in EXPORT_SCALES)

    @staticmethod
    def choose_export_scale(scale: int) -> None:
        remember(EXPORT_SCALE_KEY, scale)

    def export_cost_csv(self, path: str) -> None:
        write_cost_csv(path, self.model.history, cost_now(self.model))

    def export_training_log(self, path: str) -> None:
        write_training_log(path, self.model.history)

    def export_step_dialog(self) -> None:
        folder = dialogs.open_folder(self.host, dialogs.EXPORTS,
                                     self.tr("Export the current step's matrices into"))
        if folder:
            self.export_step(folder)

    def export_step(self, folder: str) -> list[str]:
        stepper = self.studio.stepper
        step = stepper.current_step()
        if step is None:
            self._say(self.tr("No step yet: press → to take the first one."))
            return []
        try:
            written = write_step_csvs(folder, step, stepper.stepper.position)
        except OSError as e:  # a FIFO or a folder of the name, a read-only folder: one line
            self._say(self.tr("{name}: could not export ({why})").format(
                name=Path(e.filename or folder).name, why=translated(e)))
            return []
        self._say(self.tr("Exported {n} matrices to {folder}.").format(n=len(written), folder=folder))
        return [str(p) for p in written]
