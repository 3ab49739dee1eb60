"""Shared test settings: Qt offscreen, and the cat data from ../shared (or $BPSTUDIO_CAT_DATA)."""

from __future__ import annotations

import gc
import json
import os
import tempfile
import weakref
from pathlib import Path

import numpy as np
import pytest

# Qt offscreen, on two screens: a desktop (1920×1080, the primary: Qt takes the first by name)
# and a classroom projector (1024×768) to the right of it, which tests move windows onto
SCREENS = {"screens": [
    {"name": "desktop", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1},
    {"name": "projector", "x": 1920, "y": 0, "width": 1024, "height": 768, "logicalDpi": 96,
     "dpr": 1}]}
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screens = Path(tempfile.gettempdir()) / f"bpstudio-test-screens-{os.getpid()}.json"
    _screens.write_text(json.dumps(SCREENS))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screens}"

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CAT_DATA = Path(os.environ.get("BPSTUDIO_CAT_DATA", PROJECT_ROOT.parent / "shared" / "data" / "catvnoncat"))


@pytest.fixture(scope="session")
def prepared_process(qapp):
    """What the app does once when it creates its QApplication (one BLAS thread, the bundled
    Chinese font), done for pytest-qt's QApplication before any window or widget; the Qt tests'
    folders ask for it (tests/app, session and widgets' conftest.py), so each runs alike alone
    or after the others. Core's tests never import Qt."""
    from bpstudio.app.gui import prepare_process

    prepare_process()


@pytest.fixture(scope="session")
def cat_data_dir() -> Path:
    """The real cat / non-cat folder; skipped where absent, but a failure under CI."""
    if not (CAT_DATA / "train_catvnoncat.h5").exists():
        msg = f"cat data not found at {CAT_DATA} (set BPSTUDIO_CAT_DATA)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return CAT_DATA


@pytest.fixture(scope="session")
def cat_data(cat_data_dir):
    from bpstudio.core.h5data import load_catvnoncat

    return load_catvnoncat(cat_data_dir)


# the seed's published run, once for the suite (tests/seed_run.py): precision → the process
_SEED_RUNS: dict = {}
_SEED_RUN_FIXTURES = {"seed_run": "float64", "seed_run32": "float32"}
# the folder every process of one test run (pytest-xdist's workers too) shares the runs in
SEED_RUNS_FOLDER = "BPSTUDIO_TEST_SEED_RUNS"


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # the one process, or the workers' controller
        os.environ[SEED_RUNS_FOLDER] = tempfile.mkdtemp(prefix="bpstudio-seed-runs-")
    if hasattr(config, "workerinput") or config.getoption("numprocesses", None) in (None, 0):
        _one_blas_thread_a_process()


def _one_blas_thread_a_process() -> None:
    """Every process of the suite computes on one BLAS thread: the test processes (three on
    two cores, -n 3) and every process they start (training children, the command
    line). A second thread found no free core and spun waiting for one: a cat run took 2.6 times
    the CPU on two threads (13.1 s against 5.1 s for 500 iterations) and the suite 1,054 s CPU
    in all. This process's numpy is loaded already (above): its products are limited here, and
    a test asks for more with blas.limited. The children read the environment as they start:
    the training children's fork server (core/warm_process.py) is started here, once, with it,
    and they are forked from it (a test of the app's own thread counts removes it, in a process
    of its own: test_reliability_in_the_window.py)."""
    from seed_run import ONE_BLAS_THREAD
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")
    os.environ.update(ONE_BLAS_THREAD)
    from bpstudio.core.warm_process import CONTEXT

    if CONTEXT.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        import shutil

        shutil.rmtree(os.environ.pop(SEED_RUNS_FOLDER, ""), ignore_errors=True)


def _start_seed_run(precision: str, data_dir: Path):
    from seed_run import SeedRunProcess

    if precision not in _SEED_RUNS:
        _SEED_RUNS[precision] = SeedRunProcess(data_dir, Path(os.environ[SEED_RUNS_FOLDER]),
                                               precision)
    return _SEED_RUNS[precision]


def _seed_run(precision: str, data_dir: Path):
    return _start_seed_run(precision, data_dir).result()


@pytest.fixture(scope="session")
def seed_run(cat_data_dir):
    """The seed's run (float64): costs, accuracies and the trained network (tests/seed_run.py)."""
    return _seed_run("float64", cat_data_dir)


@pytest.fixture(scope="session")
def seed_run32(cat_data_dir):
    """The same run in single precision."""
    return _seed_run("float32", cat_data_dir)


@pytest.fixture
def replayed_runs(monkeypatch):
    """A run sent to a training process exactly as one before it in this test run (the same
    network, hyper-parameters, options and data) gets that run's reports instead of training
    2,500 cat iterations again; the first trains and is kept (tests/replayed_runs.py)."""
    import replayed_runs as replay

    replay.install(monkeypatch, Path(os.environ[SEED_RUNS_FOLDER]))


def write_cat_files(folder: Path, m_train: int = 6, m_test: int = 4, size: int = 4,
                    names=("train_catvnoncat.h5", "test_catvnoncat.h5"), seed: int = 0):
    """A small data set in the cat files' layout: uint8 (m, size, size, 3) images, 0/1 labels."""
    import h5py

    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    x_train = rng.integers(0, 256, (m_train, size, size, 3), dtype=np.uint8)
    x_test = rng.integers(0, 256, (m_test, size, size, 3), dtype=np.uint8)
    for name, split, x in ((names[0], "train", x_train), (names[1], "test", x_test)):
        with h5py.File(folder / name, "w") as f:
            f[f"{split}_set_x"] = x
            f[f"{split}_set_y"] = np.arange(len(x)) % 2
            f["list_classes"] = np.array([b"non-cat", b"cat"])
    return x_train, x_test


@pytest.fixture
def cat_files():
    """write_cat_files, for tests that make their own small data sets."""
    return write_cat_files


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory, monkeypatch):
    """Every test gets its own empty QSettings folder, data folder (autosaves) and runtime folder:
    nothing leaks between tests or into $HOME."""
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "data"))
    # and an app the test starts as a process of its own (a start after a hostile name, the
    # command line) reads and writes its settings there too, never the user's ~/.config
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))  # the same file QSettings.setPath names
    # the app's one-window socket lives here: a test never hands files to a real BP Studio
    runtime = folder / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    try:
        from PySide6.QtCore import QSettings
    except ImportError:
        yield folder
        return
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    from bpstudio.app.unsaved_question import ASK_UNSAVED_KEY
    from bpstudio.app.settings import remember

    # a test's windows close without asking, as after "Do not ask again"; the tests of the
    # question itself set it back
    remember(ASK_UNSAVED_KEY, False)
    yield folder
    from bpstudio.app.settings import flush

    assert flush(), "the settings writer did not finish"  # before the next test's folder


@pytest.fixture(autouse=True)
def no_training_process_ahead(request, monkeypatch):
    """A shown window starts a training process ahead of its first run (session/ready_process.py):
    a Python importing numpy, 0.3–1 s of CPU, and another after every run, for each of the
    suite's hundreds of windows, most of which never train. Here a process starts when a run
    needs it (as when Train comes before the ready one: the same run); the tests marked
    ``warm_process`` keep the window's asking for one, and tests/session/test_warm_training.py
    makes them ready itself."""
    if request.node.get_closest_marker("warm_process") is not None:
        return
    try:
        from bpstudio.session.ready_process import ReadyProcess
    except ImportError:  # core's tests without Qt
        return
    monkeypatch.setattr(ReadyProcess, "when_idle", lambda self, ms: None)


@pytest.fixture(autouse=True)
def studios_deleted_after_each_test(monkeypatch):
    """A studio a test makes without a window is shut down and deleted after it, as the app
    deletes its window and the studio the window owns. Only deleting lets a studio go (its
    signals hold what they call, and that holds the studio): the suite's workers kept every
    studio of every test before, with its data, run and keyframes (3.4 GB in one worker), and
    each collection after a test went through all of them."""
    try:
        import shiboken6
        from PySide6.QtCore import QCoreApplication, QEvent

        from bpstudio.session.studio import Studio
    except ImportError:  # core's tests without Qt
        yield
        return
    made: list[weakref.ref] = []
    init = Studio.__init__

    def made_here(self, *args, **kwargs):
        init(self, *args, **kwargs)
        made.append(weakref.ref(self))

    monkeypatch.setattr(Studio, "__init__", made_here)
    yield
    left = [s for s in (r() for r in made)
            if s is not None and shiboken6.isValid(s) and s.parent() is None]
    for s in left:
        s.shut_down()  # (again, for most: nothing left to stop)
        s.deleteLater()
    if left:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def collect_garbage_after_each_test():
    """Each test starts as a fresh app would: without the cyclic garbage of the tests before it.

    Windows, signal connections and plot items of fifty tests add up to tens of thousands of
    objects; left to the collector, a full pass (0.5 s measured) or a young one (~55 ms) landed
    inside whichever test ran next, e.g. the GUI-latency test. The app alone never pauses so:
    10 s of training showed no collection over 5 ms.
    """
    yield
    gc.collect()


# the files that train the cat network for a minute or more, longest first: handed to the test
# processes before the rest (pyproject's --no-loadscope-reorder: pytest-xdist hands out the files
# in the order collected, not the files with the most tests first), so that the rest of the suite
# runs beside them on the other processes instead of after them. Only the order changes
STARTED_FIRST = ("tests/session/test_shipped_lesson_why_networks_fail.py",
                 "tests/session/test_shipped_lesson_bp_tutorial.py",
                 "tests/app/test_main_window.py",
                 "tests/session/test_shipped_lessons.py")


def pytest_collection_modifyitems(config, items):
    first = {path: k for k, path in enumerate(STARTED_FIRST)}
    items.sort(key=lambda item: first.get(item.nodeid.split("::", 1)[0], len(first)))


def pytest_collection_finish(session):
    _start_the_seed_runs_needed(session.items)
    _freeze_what_lives_for_the_whole_run()


def _start_the_seed_runs_needed(items) -> None:
    """The seed's runs start as soon as a test that reads one is collected: they train beside
    the tests that run before it."""
    if not (CAT_DATA / "train_catvnoncat.h5").exists():
        return  # the fixture skips, or fails under CI
    needed = {_SEED_RUN_FIXTURES[name] for item in items
              for name in getattr(item, "fixturenames", ()) if name in _SEED_RUN_FIXTURES}
    for precision in sorted(needed):
        _start_seed_run(precision, CAT_DATA)


def _freeze_what_lives_for_the_whole_run() -> None:
    """What lives for the whole run (the modules of Qt, pyqtgraph, numpy and the app, pytest's
    own) is moved out of the collector's sight once: a full pass over those 90,000 objects took
    0.1–0.3 s, after every one of the suite's tests. The tests' own garbage is still collected.
    The modules the app imports only when first used (the plots' pyqtgraph, h5py for a data
    file: 230 modules, ~35,000 objects) are imported first, or every collection walks them."""
    import importlib

    try:
        import bpstudio.app.main_window  # noqa: F401 - what private_settings imports anyway
        from bpstudio.widgets.cost_plot import PLOT_MODULES
    except ImportError:
        PLOT_MODULES = ()
    for name in (*PLOT_MODULES, "pyqtgraph.exporters", "h5py"):
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    gc.collect()
    gc.freeze()


@pytest.fixture
def make_window(qtbot):
    """The real main window, shown and active (shortcuts need an active window)."""
    def make(width: int = 1600, height: int = 1000, full_speed: bool = True):
        """``full_speed``: runs train as fast as they go, as after a click on Full speed (the
        2-D playground's slower default pace, for a class to watch, is tested on its own)."""
        from PySide6.QtWidgets import QApplication

        from bpstudio.app.main_window import MainWindow

        from bpstudio.session.studio import Studio

        w = MainWindow(Studio())
        if full_speed:
            w.studio.set_pace(None)
        qtbot.addWidget(w)
        w.resize(width, height)
        w.show()
        w.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
        return w
    return make
