"""Save and open the whole session (.bpstudio), autosave it, and notice unsaved changes.

A session is what the window shows: the architecture and parameters, hyper-parameters, the data set
(a reference: path plus a hash, or the built-in set's name), the training record, the stepper's
mode, sample and position. The file format lives in core/sessionfile.py.
"""

from __future__ import annotations

import time
import weakref
from pathlib import Path
from typing import Callable

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from ..core.atomicfile import check_target, remove_stale_temporaries
from ..core.datasets import Dataset
from ..core.messages import QT_TRANSLATE_NOOP, UserMessage, isolated
from ..core.network import NetworkError, check_editable
from ..core.sessionfile import (SUFFIX, Session, SessionFileError, file_digest, gallery_entries,
                                read_description, read_session, run_entries, save_session,
                                timeline_entries)
from ..core.typealiases import JsonObject
from .background import BackgroundJob
from .session_files import autosave_path, parameters_key, records, rows_added, stepper_place
from .classify import ClassifySession
from .data_origin import HASH_LATER, describe_origin, load_origin
from .history import History
from .loading import Report
from .messages import translated
from .network_model import NetworkModel
from .runs import Runs
from .stepper_model import StepperModel

AUTOSAVE_SECONDS = 180


def _write(path: str | Path, meta: JsonObject, arrays: dict[str, np.ndarray]) -> Exception | None:
    """Write a session file (atomically, see core/sessionfile.py); the problem, if any. The data
    files are hashed here, where the writing runs (on a thread for Ctrl+S and the autosave):
    a big CSV's hash is no work for the GUI thread."""
    try:
        data = meta["data"]
        if HASH_LATER in data:
            meta = {**meta, "data": {**data, "sha256": file_digest(data[HASH_LATER])}}
            del meta["data"][HASH_LATER]
        save_session(path, meta, arrays)
    except (OSError, SessionFileError) as e:
        return e
    return None


class SessionStore(QObject):
    modified_changed = Signal(bool)
    path_changed = Signal(str)
    message = Signal(str)
    opened = Signal(str, str)  # the path of a session now on screen ("" for the autosave), a remark
    saved = Signal(str)  # the path of a session file just written

    def __init__(self, model: NetworkModel, stepper: StepperModel, runs: Runs | None = None,
                 parent: QObject | None = None, classify: ClassifySession | None = None):
        super().__init__(parent)
        self.model, self.stepper, self.runs, self.classify = model, stepper, runs, classify
        self.path: str = ""
        self.modified = False
        self.restoring = False  # a session read is being put on screen (data set, then twins)
        for signal in (model.architecture_changed, model.dataset_changed,
                       model.hyper_changed, model.history_changed, model.history_appended):
            signal.connect(self._on_changed)
        # the time cursor shows a past iteration through the same signal: no change of the session
        self._parameters = parameters_key(self.model.network)
        model.parameters_changed.connect(self._on_parameters_changed)
        # the stepper announces a fresh layout a turn after an edit (or an open): only a new
        # place in the session is a change
        self._stepped = stepper_place(self.model, self.stepper)
        for signal in (stepper.step_changed, stepper.mode_changed, model.sample.changed,
                       model.sample.label_chosen):
            signal.connect(self._on_stepped)
        # a preset, another data set or a model: Ctrl+S must not write it over the session, and
        # what was opened or chosen is no change of its own
        model.session_replaced.connect(self._on_session_replaced)
        # each run's record as last saved or opened (by its model): what training since added is
        # what closing would lose (unsaved_iterations)
        self._kept: weakref.WeakKeyDictionary[NetworkModel, np.ndarray] = weakref.WeakKeyDictionary()
        self._keep(self._records())
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_SECONDS * 1000)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self._autosaver = BackgroundJob("bpstudio-autosave", self)
        self._cleaner = BackgroundJob("bpstudio-clean-up", self)
        self._saver = BackgroundJob("bpstudio-save", self)
        self._changes = 0  # edits so far: a save written meanwhile leaves the window modified
        self._sessions = 0  # sessions put on screen so far (opened, restored, replaced)

    # ----- state ⇄ file ----------------------------------------------------------------------------

    def capture(self) -> tuple[JsonObject, dict[str, np.ndarray]]:
        model, sm = self.model, self.stepper
        net, ds, h, hyper = model.network, model.dataset, model.history, model.hyper
        run, arrays = run_entries(net, hyper, h.costs.view(), h.grad_norms.view(), h.evaluations)
        arrays["single_sample_steps"] = h.one_sample.view()
        custom = None
        picture = model.sample.picture
        if picture is not None:  # a picture as the stepper's sample: it opens on it again
            name, x, label = picture
            arrays["sample_x"] = x
            custom = {"name": name, "label": label}
        data = describe_origin(ds)
        meta = {
            **run,
            "data": data,
            "stepper": {"mode": sm.mode, "sample": model.sample.index, "position": sm.position(),
                        "picture": custom},
            "saved": time.strftime("%Y-%m-%d %H:%M:%S"),
        }
        if self.runs is not None:  # the time cursor's runs: where each started (issue 28)
            meta["timeline"], starts = timeline_entries(self.runs.timeline.capture())
            arrays.update(starts)
        if self.runs is not None and self.runs.twins:  # twin runs (issue 18): their own entries
            meta["runs"], twins = self.runs.capture()
            arrays.update(twins)
            meta["comparison"] = self.runs.capture_comparison()
        if self.classify is not None and self.classify.results:  # the gallery (issue 28)
            meta["gallery"], pictures = gallery_entries(*self.classify.capture())
            arrays.update(pictures)
        return meta, arrays

    def _read(self, path: str | Path, name: str, progress: Report) -> tuple[Session, Dataset, bool]:
        """On the loader's thread: the session file and its data set, everything checked; and
        whether the data files changed since it was saved."""
        session = read_session(path, progress)  # checked against the editor's limits, twins too
        dataset = load_origin(session.data, session.plane, name, progress)
        if dataset.n_features != session.network.dims[0]:
            raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: the network takes {n} inputs but its data "
                                                     "set has {m}"),
                                   name=name, n=session.network.dims[0], m=dataset.n_features)
        try:
            session.hyper.validate(dataset.X_train.shape[1])
        except NetworkError as e:
            raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: {why}"), name=name, why=e) from None
        digest = session.data.get("sha256")
        changed = bool(digest and dataset.files and file_digest(list(dataset.files)) != digest)
        return session, dataset, changed

    def _refuse_while_busy(self, name: str) -> None:
        if self.model.busy:
            raise SessionFileError(QT_TRANSLATE_NOOP("core", "{name}: stop training before opening "
                                                     "a session"), name=name)

    def _show(self, session: Session, dataset: Dataset, name: str,
              shown: Callable[[Session], None]) -> None:
        """Put a read session on screen (GUI thread): nothing here can fail on the file's
        account, everything was checked on the thread; ``shown`` sets its path and title before
        the stepper moves, so whatever happens after, Ctrl+S writes the file just opened."""
        self._refuse_while_busy(name)  # training may have started while it was read
        if dataset.source.startswith("built-in:") and dataset.source == self.model.dataset.source:
            dataset = self.model.dataset  # the views need not lay it out again
        # a model trained elsewhere before the record began: its first row is not iteration 0
        history = History(session.network.L,
                          max(session.network.iterations_trained - len(session.costs), 0))
        history.append(session.costs, session.grad_norms, session.evaluations,
                       one_sample=session.one_sample)
        self.restoring = True
        self._sessions += 1
        try:
            self.model.restore(dataset, session.network, history, session.hyper, session.sample)
            if self.runs is not None:
                self.runs.timeline.restore(session.timeline)
                self.runs.restore(session.runs)
                self.runs.restore_comparison(session.comparison)
            if self.classify is not None:
                self.classify.restore(session.gallery, session.gallery_mode)
            if session.picture is not None:
                self.model.sample.choose_picture(*session.picture)
            shown(session)
            self.stepper.set_mode(session.mode)
            if session.position:
                self.stepper.go(session.position)
        finally:
            self.restoring = False  # a session read is being put on screen (data set, then twins)
            self._stepped = stepper_place(self.model, self.stepper)

    # ----- commands -------------------------------------------------------------------------------

    def save(self, path: str | None = None) -> bool:
        """Write the session now (closing the window, scripts); False, with a message, on a
        problem."""
        path = self._target(path or self.path)
        if not path:
            return False
        asked = (self._changes, self._sessions, self._records())
        return self._saved(path, _write(path, *self.capture()), asked)

    def save_in_background(self, path: str | None = None) -> bool:
        """The Save command: what is saved is captured now and written on a thread (a 512-wide
        cat network is 50 MB: 60–170 ms idle, and on this kind of machine a file-system call can
        wait seconds behind other writes); ``saved`` and the message follow. False: nowhere to
        save, or a save is still being written."""
        path = self._target(path or self.path)
        if not path:
            return False
        if self._saver.running:
            self.message.emit(self.tr("Still saving; a moment, please."))
            return False
        asked = (self._changes, self._sessions, self._records())
        meta, arrays = self.capture()
        self.message.emit(self.tr("Saving {name}…").format(name=isolated(Path(path).name)))
        self._saver.start(lambda: _write(path, meta, arrays),
                          lambda error: self._saved(path, error, asked),
                          lambda error: self._saved(path, error, asked))
        return True

    @property
    def saving(self) -> bool:
        return self._saver.running

    def wait_for_save(self) -> None:
        """Until a background save has been written and its end handled (path, message)."""
        self._saver.wait()

    @staticmethod
    def _target(path: str) -> str:
        return path if not path or path.endswith(SUFFIX) else path + SUFFIX

    def _saved(self, path: str, error: BaseException | None,
               asked: tuple[int, int, dict[NetworkModel, np.ndarray]]) -> bool:
        """The end of a save, written here or on the thread: path, modified, the message. A
        session opened while it was written keeps its own path (else the next Ctrl+S would
        write it over the file just saved); edits made meanwhile keep the window modified."""
        if error is not None:
            self.message.emit(translated(error) if isinstance(error, SessionFileError) else
                              self.tr("{name}: could not save ({why})").format(
                                  name=Path(path).name, why=translated(error)
                                  if isinstance(error, UserMessage) else
                                  f"{type(error).__name__}: {error}"))
            return False
        changes, sessions, records = asked
        if sessions == self._sessions:
            self._set_path(path)
            self._keep(records)  # what was written is kept, whatever trained meanwhile
            if changes == self._changes:  # nothing changed while it was written
                self._set_modified(False)
        self.message.emit(self.tr("Saved {name}.").format(name=isolated(Path(path).name)))
        self.saved.emit(path)
        return True

    def open(self, path: str) -> bool:
        """Read a session on the loader's thread and put it on screen; all or nothing: on any
        problem a message, and the window, its file and "modified" stay as they were. True: on
        its way; ``opened`` says when it is on screen."""
        def shown(session: Session) -> None:
            self._set_path(path)
            self._set_modified(False)
            self._keep(self._records())
        return self._load(path, Path(path).name, shown, path)

    def _load(self, path: str | Path, name: str, shown: Callable[[Session], None],
              opened: str) -> bool:
        try:
            self._refuse_while_busy(name)
        except SessionFileError as e:
            self.message.emit(translated(e))
            return False

        def landed(result: tuple[Session, Dataset, bool]) -> None:
            session, dataset, changed = result
            self._show(session, dataset, name, shown)
            self.opened.emit(opened, self.tr("{name}: the data set changed since this session was "
                                             "saved; the numbers may differ.").format(name=isolated(name))
                             if changed else "")

        self.model.loader.read(name, lambda progress: self._read(path, name, progress), landed,
                               self.message.emit)
        return True

    def autosave(self) -> bool:
        """Write the autosave (timer, end of training) on a thread: a 512-wide cat network is
        50 MB, and writing and syncing it took 60–170 ms on the GUI thread, seconds on a busy
        disk. What is written is captured here (the model replaces its arrays, never changes
        them in place). A clean exit removes it. False: the last one is still being written."""
        if self._autosaver.running:
            return False
        target = autosave_path()
        meta, arrays = self.capture()
        meta["autosave_of"] = self.path

        def write() -> Exception | None:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                return e
            return _write(target, meta, arrays)

        def written(error: Exception | None) -> None:
            if error is not None:
                self.message.emit(self.tr("Autosave failed: {why}").format(why=error))

        def failed(error: BaseException) -> None:
            self.message.emit(self.tr("Autosave failed: {why}").format(why=error))

        self._autosaver.start(write, written, failed)
        return True

    def wait_for_autosave(self) -> None:
        self._autosaver.wait()

    def clean_up(self, sessions: list[str]) -> None:
        """Start-up, on a thread: remove what saves killed half-way (kill -9, a power cut) left
        beside the autosave and these session files."""
        targets = [autosave_path(), *map(Path, sessions)]
        self._cleaner.start(lambda: [remove_stale_temporaries(t) for t in targets], lambda _: None,
                            lambda _: None)

    def pending_autosave(self) -> JsonObject | None:
        """The autosave left by a run that did not close cleanly, if any: its description (only
        that is read here). One that cannot be read is set aside with a message: the app starts
        as fresh, and the file is kept for whoever wants to look at it."""
        target = autosave_path()
        if not target.exists():
            return None
        try:
            return read_description(target)
        except SessionFileError as e:
            aside = target.with_name(f"autosave-damaged{SUFFIX}")
            try:
                target.replace(check_target(aside))  # a FIFO or a folder there is not replaced
            except OSError:
                aside = target
            self.message.emit(self.tr("The autosave cannot be restored ({why}); it was set aside "
                                      "as {file}.").format(why=translated(e), file=aside))
            return None

    def restore_autosave(self) -> bool:
        def shown(session: Session) -> None:
            of = session.meta.get("autosave_of")
            self._set_path(of if isinstance(of, str) else "")
            self._set_modified(True)  # restored work is not saved anywhere yet: every run's
            self._keep({m: np.zeros(0) for m in self._records()})  # (the twins' too)
        return self._load(autosave_path(), self.tr("the autosave"), shown, "")

    def discard_autosave(self) -> None:
        self.wait_for_autosave()  # or a write under way would bring it back
        autosave_path().unlink(missing_ok=True)

    # ----- bookkeeping ------------------------------------------------------------------------------

    def _records(self) -> dict[NetworkModel, np.ndarray]:  # the window's run's and twins'
        return records([self.model, *(t.model for t in (self.runs.twins if self.runs else []))])

    def _keep(self, records: dict[NetworkModel, np.ndarray]) -> None:
        self._kept.clear()
        self._kept.update(records)

    def unsaved_iterations(self) -> tuple[int, int]:
        """The iterations trained since the session was last saved or opened, which closing
        would lose: the window's run's, and its twin runs' together. A twin forked since counts
        only what it trained itself (not the rows it shares with the run it was forked from)."""
        window = rows_added(self._kept.get(self.model, np.zeros(0)), self.model.history.costs.view())
        twins = sum(rows_added(self._kept.get(t.model, t.inherited), t.model.history.costs.view())
                    for t in (self.runs.twins if self.runs else []))
        return window, twins

    def _on_session_replaced(self) -> None:
        """A model, a data set or a preset in place of the session: a new one, not yet saved
        anywhere, with nothing in it to lose."""
        self._sessions += 1  # a save landing later names the file it wrote, not this session
        self._set_path("")
        self._set_modified(False)
        self._keep(self._records())
        self._stepped = stepper_place(self.model, self.stepper)

    def _on_stepped(self, *args: object) -> None:
        place = stepper_place(self.model, self.stepper)
        if place != self._stepped:
            self._stepped = place
            self._on_changed()

    def _on_parameters_changed(self) -> None:
        now = parameters_key(self.model.network)
        if now != self._parameters:
            self._parameters = now
            self._on_changed()

    def _on_changed(self, *args: object) -> None:
        if not self.restoring:
            self._changes += 1
            self._set_modified(True)

    def _set_modified(self, modified: bool) -> None:
        if modified != self.modified:
            self.modified = modified
            self.modified_changed.emit(modified)

    def _set_path(self, path: str) -> None:
        self.path = path
        self.path_changed.emit(path)
