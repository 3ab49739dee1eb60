"""Regenerate the screenshots in docs/: python docs/make_screenshots.py [CAT_DATA_DIR].

Presentation-mode pictures need a screen of the projector's size: each is taken in a child
process whose offscreen screen is configured to 1920×1080 or 1024×768.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# pictures of a first start: settings and autosaves of their own, never the user's
_HOME = os.environ.setdefault("BPSTUDIO_SHOT_HOME", tempfile.mkdtemp(prefix="bpstudio-shots-"))
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")

from PySide6.QtCore import QEvent, QEventLoop, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bpstudio.app.gui import create_application  # noqa: E402
from bpstudio.app.main_window import MainWindow  # noqa: E402
from bpstudio.app.unsaved_question import ASK_UNSAVED_KEY  # noqa: E402
from bpstudio.session.studio import Studio  # noqa: E402
from bpstudio.app.settings import remember  # noqa: E402
from bpstudio.core.trainer import RunState  # noqa: E402

HERE = Path(__file__).resolve().parent


QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, _HOME)
remember(ASK_UNSAVED_KEY, False)  # the script's windows close without asking


def settle(app, ms=300):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def train(app, w):
    done = QEventLoop()
    w.studio.training.state_changed.connect(lambda s: s is RunState.IDLE and done.quit())
    w.studio.training.start()
    done.exec()
    settle(app)


def step_to(app, w, mode, wanted) -> None:
    """Go to the first step of the iteration that ``wanted`` accepts."""
    w.studio.stepper.set_mode(mode)
    target = next(s.index for s in w.studio.stepper.stepper.steps if wanted(s))
    w.studio.stepper.go(target + 1)
    settle(app)
    w.diagram.refresh_now()


def playground(app, w) -> None:
    """The spiral learnt by its preset, a hidden neuron's heatmap under the mouse."""
    w.studio.model.apply_preset("plane-spiral")
    w.studio.model.data.set_plane(noise=0.05)
    train(app, w)
    d = w.diagram
    d.refresh_now()
    at = d.neuron_pos(2, 3)
    QApplication.sendEvent(d, QMouseEvent(QEvent.Type.MouseMove, at, d.mapToGlobal(at),
                                          Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                                          Qt.KeyboardModifier.NoModifier))
    settle(app)
    w.grab().save(str(HERE / "playground-spiral.png"))
    QApplication.sendEvent(d, QEvent(QEvent.Type.Leave))


def presentation(data: str, width: int, height: int, language: str) -> None:
    """One picture: the trained cat net in presentation mode, projector theme, 等式2b."""
    app = create_application()
    w = MainWindow(Studio())
    w.show()
    w.set_theme("projector")
    w.set_language(language)
    settle(app)
    w.files.open_dataset(data)
    w.studio.model.loader.wait()  # read on a thread
    if w.studio.model.dataset.n_features != 12288:
        raise SystemExit(f"cannot open {data}")
    train(app, w)
    w.presenter.enter()
    step_to(app, w, "batch", lambda s: s.equation.label == "2b")
    settle(app, 600)
    w.diagram.refresh_now()
    w.grab().save(str(HERE / f"presentation-projector-{language}-{width}x{height}.png"))
    w.set_theme("light")
    w.set_language("en")
    w.close()


def presentation_shots(data: str) -> None:
    for width, height in ((1920, 1080), (1024, 768)):
        screen = {"screens": [{"name": "projector", "x": 0, "y": 0, "width": width,
                               "height": height, "logicalDpi": 96, "dpr": 1}]}
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(screen, f)
        for language in ("en", "zh_CN"):
            env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={f.name}",
                       BPSTUDIO_SHOT_HOME=tempfile.mkdtemp(prefix="bpstudio-shots-"))
            subprocess.run([sys.executable, __file__, "--presentation", data, str(width),
                            str(height), language], env=env, check=True)
        os.unlink(f.name)


def main() -> None:  # spawn-safe: training runs in a child process
    if len(sys.argv) > 1 and sys.argv[1] == "--presentation":
        _, _, data, width, height, language = sys.argv
        presentation(data, int(width), int(height), language)
        return
    app = create_application()
    w = MainWindow(Studio())
    w.resize(1920, 1080)
    w.show()
    w.studio.model.set_hyper(iterations=600)
    train(app, w)
    w.diagram.refresh_now()
    w.grab().save(str(HERE / "studio-3-2-1.png"))
    step_to(app, w, "sample", lambda s: s.equation.label == "3b" and s.layer == 1)
    w.grab().save(str(HERE / "step-3b-3-2-1.png"))
    w.studio.stepper.home()
    data = sys.argv[1] if len(sys.argv) > 1 else str(HERE.parents[1] / "shared/data/catvnoncat")
    w.files.open_dataset(data)
    w.studio.model.loader.wait()  # read on a thread
    if w.studio.model.dataset.n_features == 12288:
        train(app, w)
        w.studio.model.sample.choose(2)
        settle(app)
        w.diagram.refresh_now()
        w.grab().save(str(HERE / "studio-cat-four-layer.png"))
        step_to(app, w, "batch", lambda s: s.equation.key == "z")
        w.grab().save(str(HERE / "step-forward-cat.png"))
        step_to(app, w, "batch", lambda s: s.equation.label == "2b")
        w.grab().save(str(HERE / "step-2b-cat.png"))
        w.studio.stepper.home()
        photos = sorted((HERE.parents[1] / "shared/data/photos").glob("*.jpg"))
        w.studio.classify.open_paths([str(p) for p in photos])
        while w.studio.classify.pending or w.studio.classify.predictions.pending:
            app.processEvents()
        w.gallery.list.setCurrentRow(0)
        settle(app)
        w.diagram.refresh_now()
        w.grab().save(str(HERE / "classify-gallery.png"))
        w.gallery.tabs.setCurrentIndex(1)
        while w.gallery.test_predictions.pending:  # classified on a thread
            app.processEvents()
        settle(app)
        w.grab().save(str(HERE / "classify-test-set.png"))
        w.gallery.tabs.setCurrentIndex(0)
        w.training_dock.raise_()
        playground(app, w)  # last: the cat pictures keep the seed's four-layer network
        w.close()
        presentation_shots(data)
        return
    playground(app, w)
    w.close()


if __name__ == "__main__":
    main()
