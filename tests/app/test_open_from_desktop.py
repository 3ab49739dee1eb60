"""``bpstudio FILE…`` opens what it is given, as the desktop opens files with an app; a second
``bpstudio FILE`` hands the file to the window already open (one window per user)."""

from __future__ import annotations

import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bpstudio.core.modelfile import save_model
from bpstudio.core.network import Network

PROBE = Path(__file__).with_name("gui_probe.py")
PATIENCE = 120.0  # seconds: a start on a busy 2-core CI machine; a healthy one takes 1–3


class Probe:
    """The app in a process of its own, as ``bpstudio ARGS`` starts it (see gui_probe.py)."""

    def __init__(self, args, env):
        self.proc = subprocess.Popen([sys.executable, str(PROBE), *map(str, args)], env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue = queue.Queue()
        self.last: dict = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def wait_for(self, ok) -> dict:
        """The first state of the window that ``ok`` accepts."""
        deadline = time.monotonic() + PATIENCE
        if self.last and ok(self.last):
            return self.last
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                pytest.fail(f"the app ended: {self.proc.wait()} {self.proc.stderr.read()}")
            if line.startswith("{"):
                self.last = json.loads(line)
                if ok(self.last):
                    return self.last
        pytest.fail(f"never seen; the last state: {self.last}")

    def close(self) -> dict:
        self.proc.stdin.write("close\n")
        self.proc.stdin.flush()
        said = self.wait_for(lambda s: "closed" in s)
        assert self.proc.wait(PATIENCE) == 0, self.proc.stderr.read()
        return said

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def desktop(tmp_path):
    """A user's fresh desktop session: settings, data and runtime folders of its own."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(runtime))
    env.pop("QT_QPA_PLATFORM", None)
    env["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    probes: list[Probe] = []

    def start(*args) -> Probe:
        probes.append(Probe(args, env))
        return probes[-1]

    def run(*args) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "bpstudio", *map(str, args)], env=env,
                              capture_output=True, text=True, timeout=PATIENCE)

    yield start, run, runtime
    for p in probes:
        p.kill()


@pytest.fixture
def trained_session(tmp_path):
    """A lesson trained 30 iterations and stepped, saved as the user saved it."""
    script = (
        "import sys\n"
        "from bpstudio.app.gui import create_application\n"
        "from bpstudio.app.main_window import MainWindow\n"
        "from bpstudio.session.studio import Studio\n"
        "app = create_application()\nw = MainWindow(Studio())\n"
        "for _ in range(30): w.studio.training.step_once()\n"
        "w.studio.stepper.go(4)\n"
        "assert w.studio.store.save(sys.argv[1])\n")
    path = tmp_path / "lesson.bpstudio"
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "maker"),
               XDG_DATA_HOME=str(tmp_path / "maker"))
    proc = subprocess.run([sys.executable, "-c", script, str(path)], env=env, capture_output=True,
                          text=True, timeout=PATIENCE)
    assert proc.returncode == 0, proc.stderr
    return path


def test_bpstudio_with_a_session_opens_it_unmodified_and_quits_without_a_question(
        desktop, trained_session):
    start, _, _ = desktop
    app = start(trained_session)
    seen = app.wait_for(lambda s: s["title"].startswith("lesson.bpstudio") and not s["reading"])
    assert seen["status"] == "Opened lesson.bpstudio." and not seen["modified"]
    said = app.close()  # the first start asks about unsaved training; here nothing is unsaved
    assert said == {"closed": True, "asked": []}


def test_a_second_start_hands_its_file_to_the_open_window(desktop, tmp_path):
    start, run, _ = desktop
    first = start()
    first.wait_for(lambda s: s["listening"])
    model = tmp_path / "wide.npz"
    save_model(model, Network.create([3, 9, 1], seed=4))
    second = run(model)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == "bpstudio: the open BP Studio window took wide.npz"
    first.wait_for(lambda s: s["dims"] == [3, 9, 1])
    (tmp_path / "notes.txt").write_text("not for BP Studio")
    third = run(tmp_path / "nowhere.xyz", tmp_path / "notes.txt")  # said as a drop says it
    assert third.returncode == 0
    seen = first.wait_for(lambda s: "notes.txt" in s["gallery"])
    assert seen["gallery"].splitlines() == [
        "nowhere.xyz: no such file",
        "notes.txt: not an image, a data set (.h5 or .csv), a model (.npz), a session "
        "(.bpstudio) or a lesson (.md)"]
    first.close()


def test_a_socket_left_by_a_crash_does_not_block_the_start(desktop, tmp_path):
    start, run, runtime = desktop
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(runtime / "bpstudio.socket"))  # a socket file nobody listens on
    stale.close()
    first = start()
    first.wait_for(lambda s: s["listening"])
    model = tmp_path / "m.npz"
    save_model(model, Network.create([3, 5, 1]))
    assert run(model).returncode == 0
    first.wait_for(lambda s: s["dims"] == [3, 5, 1])
    first.close()


def test_new_window_opens_a_window_of_its_own(desktop, tmp_path):
    start, _, _ = desktop
    first = start()
    first.wait_for(lambda s: s["listening"])
    model = tmp_path / "m.npz"
    save_model(model, Network.create([3, 6, 1]))
    second = start("--new-window", model)
    seen = second.wait_for(lambda s: s["dims"] == [3, 6, 1])
    assert not seen["listening"]
    assert first.last["dims"] == [3, 2, 1]
    second.close()
    first.close()


def test_a_model_and_pictures_on_the_command_line_are_classified_by_that_model(
        desktop, tmp_path):
    from PySide6.QtGui import QColor, QImage

    start, _, _ = desktop
    model = tmp_path / "cat.npz"
    save_model(model, Network.create([12, 4, 1], seed=1), input_shape=(2, 2, 3),
               class_names=("dog", "cat"))
    picture = QImage(30, 20, QImage.Format.Format_RGB888)
    picture.fill(QColor("#c08040"))
    assert picture.save(str(tmp_path / "photo.png"))
    app = start(tmp_path / "photo.png", model)  # in any order: the model is read first
    seen = app.wait_for(lambda s: s["results"])
    assert seen["dims"] == [12, 4, 1] and seen["data"] == "cat.npz"
    assert seen["results"][0].startswith("photo.png: ") and seen["results"][0][-3:] in ("dog", "cat")
    app.close()


def test_a_stopped_window_keeps_its_socket_and_a_start_opens_its_own(desktop, tmp_path):
    import signal

    start, run, runtime = desktop
    first = start()
    first.wait_for(lambda s: s["listening"])
    model = tmp_path / "m.npz"
    save_model(model, Network.create([3, 7, 1]))
    os.kill(first.proc.pid, signal.SIGSTOP)  # frozen, not dead
    try:
        second = run("--quit-after", "0", model)  # waits for a greeting that never comes
    finally:
        os.kill(first.proc.pid, signal.SIGCONT)
    assert second.returncode == 0, second.stderr
    assert "does not answer (stopped or busy)" in second.stderr
    assert (runtime / "bpstudio.socket").is_socket()
    third = run(model)  # the woken window still owns the socket and answers
    assert third.stdout.strip() == "bpstudio: the open BP Studio window took m.npz"
    first.wait_for(lambda s: s["dims"] == [3, 7, 1])
    first.close()
