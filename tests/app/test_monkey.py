"""A seeded monkey: thousands of random user actions on the main window.

Each action is what a user does: type into the editor's spin boxes, pick from its combo boxes,
click buttons, press the stepper's keys, trigger menu actions, switch theme and language, resize
the window and drop files (good and bad ones, see monkey_corpus.py). A few actions call the model's
setters with values no widget lets through, which must be refused.

After every action the test asserts:

* no exception in a Qt slot or virtual method, and no Qt warning (pytest-qt would fail the test
  at its end anyway; here it fails at once, naming the action);
* (in the full run, or with BPSTUDIO_MONKEY_TIMING=1; CI's short run prints them) no GUI-thread
  stall over STALL_LIMIT_MS, measured by a heartbeat timer that ticks every 5 ms:
  its longest gap covers the action's own, synchronous part as well as the work that it starts
  for later (a decoded image arriving, the training's records, a throttled redraw). Where Linux
  says where the time went (see Gap), the part in which the thread was ready but the machine
  ran something else (its run queue, or the host stealing the virtual CPU) is the machine's:
  such a stall is printed, not failed; running or blocked time is always the app's;
* a consistent state: the engine's network (dims, W and b shapes, activations), the data set,
  the layer editor (rows, sizes, activations, options, hyper-parameters), the diagram (labels
  and drawn neurons), the cost plot's ‖dW‖ curves, the training buttons, the stepper and the
  classify gallery all agree; the diagram and the plot redraw on a throttled clock, so they get
  CATCH_UP_MS to show an edit;
* while training runs, no action changes the network or the data set (edits are refused with a
  message); a bad file changes nothing; an out-of-range value is refused with a message.

A failure names the seed and the action number. Replay with
``BPSTUDIO_MONKEY_SEED=<seed> pytest tests/app/test_monkey.py -k short`` (or ``-m slow -k full``);
``BPSTUDIO_MONKEY_ACTIONS`` overrides the number of actions, and ``BPSTUDIO_MONKEY_PROFILE=<n>``
prints a profile of action n (with the views' catching up after it). Training (a child process) and image
decoding (a thread) run alongside, so a replay takes the same actions but their timing may differ.

To look for more than the first bug: ``BPSTUDIO_MONKEY_KEEP_GOING=1`` notes the soft failures (a
stall, a view that lags, what the editor shows) and goes on, failing at the end;
``BPSTUDIO_MONKEY_SKIP="undo while training;remove layer;set_hyper(learning_rate=1e6)"`` leaves
out kinds of action, model-setter calls or corpus items (by the names in the log; "… while
training": only then) while their bug is being fixed. Neither is meant for CI.
"""

from __future__ import annotations

import gc
import os
import random
import sys
import threading
import time
import traceback
from collections import Counter as collections_counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (QApplication, QComboBox, QDoubleSpinBox, QLabel, QPushButton, QSlider,
                               QSpinBox)

import monkey_corpus
from file_drops import send_file_drop
from bpstudio.core.datasets import images_to_columns
from bpstudio.core.network import PRECISIONS
from bpstudio.core.trainer import RunState
from bpstudio.session.messages import dataset_name
from bpstudio.session.network_model import MAX_NEURONS
from bpstudio.widgets.diagram_layout import MAX_SHOWN
from bpstudio.widgets.network_diagram import shown_indices

STALL_LIMIT_MS = 250.0
SHORT_ACTIONS, FULL_ACTIONS = 180, 2000
SHORT_SEED, FULL_SEED = 1, 2
# The diagram and the cost plot redraw on a throttled clock, so they may lag an edit a little;
# showing it later than CATCH_UP_MS counts as an inconsistent state, never showing it (within
# NEVER_MS) as a broken one.
CATCH_UP_MS, NEVER_MS = 1000, 10_000

KEYS = {"Space": Qt.Key.Key_Space, "Right": Qt.Key.Key_Right, "Left": Qt.Key.Key_Left,
        "PageUp": Qt.Key.Key_PageUp, "PageDown": Qt.Key.Key_PageDown, "Home": Qt.Key.Key_Home}
SIZES = [(800, 600), (1024, 768), (1280, 720), (1366, 768), (1600, 1000), (1920, 1080),
         (2560, 1440), (3840, 2160)]


def pick(seq, u: float):
    """The element of ``seq`` a uniform number in [0, 1) stands for."""
    return seq[min(int(u * len(seq)), len(seq) - 1)]


class MonkeyFailure(AssertionError):
    pass


def _clock() -> tuple[int, int, dict]:
    """The calling thread's ns on a CPU and ns waiting for one (/proc/thread-self/schedstat), and
    each CPU's time stolen by the host (/proc/stat), in ns; zeros where /proc has none of it."""
    try:
        run, wait = (int(v) for v in Path("/proc/thread-self/schedstat").read_text().split()[:2])
        steal = {}
        for line in Path("/proc/stat").read_text().splitlines():
            if line.startswith("cpu") and line[3].isdigit():
                fields = line.split()
                steal[fields[0]] = int(fields[8]) * _NS_PER_TICK
        return run, wait, steal
    except (OSError, ValueError, IndexError):
        return 0, 0, {}


_NS_PER_TICK = 10**9 // (os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100)


@dataclass
class Gap:
    """One gap between heartbeat ticks and where its time went, in ms. ``machine`` is the part
    the GUI thread was ready to run but had no CPU: waiting in the kernel's run queue, or its
    virtual CPU stolen by the host (counted as the most any one CPU lost meanwhile, an upper
    bound, and no more than the time the thread neither ran nor queued). The rest, running or
    blocked (on a lock, the GIL, a pipe), is the app's."""
    ms: float = 0.0
    running: float = 0.0
    waiting: float = 0.0
    stolen: float = 0.0
    stacks: list = field(default_factory=list)  # the watchdog's samples of a long gap

    @property
    def unexplained(self) -> float:
        """Neither running nor queued: blocked, or (the kernel leaves stolen time out of both)
        stolen."""
        return max(0.0, self.ms - self.running - self.waiting)

    @property
    def machine(self) -> float:
        return min(self.ms, self.waiting + min(self.stolen, self.unexplained))

    @property
    def app(self) -> float:
        return self.ms - self.machine

    def __str__(self) -> str:
        return (f"{self.ms:.0f} ms: {self.running:.0f} running, "
                f"{self.unexplained:.0f} blocked or stolen, "
                f"{self.waiting:.0f} waiting for a CPU, {self.stolen:.0f} stolen by the host")


class Heartbeat:
    """Ticks every 5 ms on the GUI thread; the longest gap between ticks is the longest time the
    GUI thread did not get back to its event loop. Each tick also reads the thread's scheduler
    clock, so a long gap says whether the app was busy or the machine did not run it."""

    WATCH_AFTER_S = 0.15  # a gap this long has the GUI thread's stack sampled meanwhile

    def __init__(self):
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self._watching = False
        self._samples: list[str] = []  # the current gap's stack samples (the watchdog's)
        self.begin()

    def start(self):
        self.timer.start()
        self._watching = True
        threading.Thread(target=self._watch, args=(threading.get_ident(), threading.get_native_id()),
                         daemon=True, name="monkey-watchdog").start()

    def stop(self):
        self.timer.stop()
        self._watching = False

    def _watch(self, gui: int, tid: int):
        """While a gap lasts, where the GUI thread is: its innermost Python frames (a gap in
        Qt's own code shows the Python call that went into it) and, on Linux, what the kernel
        says it waits in (its system call and wait channel)."""
        task = Path(f"/proc/self/task/{tid}")
        while self._watching:
            time.sleep(0.04)
            if time.perf_counter() - self.last > self.WATCH_AFTER_S:
                frame = sys._current_frames().get(gui)
                if frame is not None and len(self._samples) < 20:
                    try:
                        kernel = (f" [syscall {(task / 'syscall').read_text().split()[0]}, "
                                  f"wchan {(task / 'wchan').read_text() or '-'}]")
                    except OSError:
                        kernel = ""
                    self._samples.append(" < ".join(
                        f"{Path(f.filename).name}:{f.lineno} {f.name}"
                        for f in reversed(traceback.extract_stack(frame)[-7:])) + kernel)

    def _tick(self):
        now, clock = time.perf_counter(), _clock()
        gap = now - self.last
        if gap * 1000 > self.longest.ms:
            (run0, wait0, steal0), (run1, wait1, steal1) = self.last_clock, clock
            stolen = max((steal1[c] - steal0.get(c, steal1[c]) for c in steal1), default=0)
            self.longest = Gap(gap * 1000, (run1 - run0) / 1e6, (wait1 - wait0) / 1e6, stolen / 1e6,
                               list(self._samples))
        self._samples = []
        self.last, self.last_clock = now, clock

    def begin(self):
        self.last, self.last_clock = time.perf_counter(), _clock()
        self.longest = Gap()
        self._samples = []

    def end(self) -> Gap:
        """The longest gap since begin(), counting the time since the last tick."""
        self._tick()
        return self.longest


@dataclass
class Monkey:
    window: object
    qtbot: object
    qtlog: object
    seed: int
    corpus: list
    rng: random.Random = field(init=False)
    log: list = field(default_factory=list)  # (number, description)
    stalls: list = field(default_factory=list)  # (Gap, number, description)
    errors: list = field(default_factory=list)  # the model's error_reported messages
    catch_up: tuple = (0.0, -1, "")
    counts: dict = field(default_factory=dict)
    number: int = 0
    seen_records: int = 0
    test_id: str = "short"
    keep_going: bool = False  # soft failures: note them and go on, fail at the end (to find more)
    # kinds of action, model-setter calls as written in the log, or corpus items by name, left
    # out, always or (with " while training") only while training: to get past a known bug and
    # find the next one
    skip: frozenset = frozenset()
    late_failures: list = field(default_factory=list)
    soft_seen: set = field(default_factory=set)
    # stalls and slow catch-ups fail only where timing is what is measured (the full run, on a
    # quiet machine, or BPSTUDIO_MONKEY_TIMING=1): in CI they are printed, since a machine that
    # is busy with something else makes them, not the app
    timed: bool = False

    def __post_init__(self):
        self.rng = random.Random(self.seed)
        w = self.window
        w.studio.model.error_reported.connect(self.errors.append)
        self.heartbeat = Heartbeat()
        self.heartbeat.start()
        self.kinds = [
            # (weight, name, method)
            (10, "layer size", self.act_layer_size),
            (4, "layer size extreme", self.act_layer_size_extreme),
            (6, "activation", self.act_activation),
            (4, "add layer", self.act_add_layer),
            (3, "remove layer", self.act_remove_layer),
            (3, "learning rate", self.act_learning_rate),
            (2, "learning-rate slider", self.act_lr_slider),
            (4, "iterations", self.act_iterations),
            (3, "batch size", self.act_batch),
            (2, "L2", self.act_l2),
            (2, "initialiser", lambda u: self.act_combo("Initializer", u)),
            (2, "seed", self.act_seed),
            (2, "precision", lambda u: self.act_combo("Precision", u)),
            (2, "cost", lambda u: self.act_combo("Cost", u)),
            (2, "preset", self.act_preset),
            (3, "built-in data", self.act_data_box),
            (6, "train", self.act_train),
            (3, "pause", self.act_pause),
            (4, "stop", self.act_stop),
            (3, "one iteration", self.act_one_iteration),
            (2, "reset", self.act_reset),
            (4, "undo", self.act_undo),
            (3, "redo", self.act_redo),
            (10, "stepper key", self.act_key),
            (2, "theme", self.act_theme),
            (2, "language", self.act_language),
            (3, "resize", self.act_resize),
            (9, "drop", self.act_drop),
            (2, "click diagram", self.act_click_diagram),
            (1, "select gallery image", self.act_gallery),
            (5, "model setter extreme", self.act_setter_extreme),
            (3, "idle", self.act_idle),
            (4, "playground", self.act_playground),
            (2, "hover neuron", self.act_hover),
        ]

    # ----- helpers: act as a user does ---------------------------------------------------------------

    def find(self, cls, name):
        """The visible widget of that name (rebuilt rows leave hidden ones until deleted), once
        it is shown: a row just rebuilt is shown at the event loop's next turn (Qt's layouts
        show a new child then), and a busy machine may not have come to it yet; a user, too,
        waits for the control to appear."""
        found = []

        def shown() -> bool:
            found[:] = [w for w in self.window.findChildren(cls, name) if not w.isHidden()]
            return bool(found)

        if not shown():
            self.qtbot.waitUntil(shown, timeout=20_000)
        return found[0]

    def reveal(self, widget):
        """Scroll the editor to a widget, or raise the dock holding it, as a user would."""
        w = self.window
        if w.editor.isAncestorOf(widget):
            w.editor_dock.widget().ensureWidgetVisible(widget)
        elif w.training_panel.isAncestorOf(widget) and not widget.isVisible():
            w.training_dock.raise_()
            QApplication.processEvents()

    def type_into(self, spin, text: str) -> None:
        self.reveal(spin)
        spin.setFocus()
        spin.selectAll()
        self.qtbot.keyClicks(spin, text)
        self.qtbot.keyClick(spin, Qt.Key.Key_Return)

    def choose(self, combo: QComboBox, u: float) -> str:
        """Half the time the mouse (pick any enabled entry), else the keyboard (↑ or ↓)."""
        self.reveal(combo)
        if not combo.isEnabled():
            return f"{combo.objectName()} is disabled: nothing"
        if u < 0.5:
            enabled = [i for i in range(combo.count())
                       if combo.model().flags(combo.model().index(i, 0)) & Qt.ItemFlag.ItemIsEnabled]
            if not enabled:
                return f"{combo.objectName()}: no enabled entry"
            i = pick(enabled, u * 2)
            combo.setFocus()
            combo.setCurrentIndex(i)
            combo.activated.emit(i)
            return f"{combo.objectName()} ← {combo.itemText(i)!r}"
        key = Qt.Key.Key_Down if u < 0.75 else Qt.Key.Key_Up
        combo.setFocus()
        self.qtbot.keyClick(combo, key)
        return f"{combo.objectName()} key {'Down' if key == Qt.Key.Key_Down else 'Up'}"

    def click(self, button: QPushButton) -> str:
        self.reveal(button)
        name = button.objectName()
        if not button.isVisible():
            return f"{name} not visible: nothing"
        if not button.isEnabled():
            return f"{name} disabled: nothing"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return f"click {name}"

    def drop(self, paths, panel) -> str:
        """The drag-enter, drag-move and drop a file manager sends, to the widget under the
        pointer (the centre of ``panel``); Qt hands them on to the parents until one accepts."""
        centre = panel.rect().center()
        target = panel.childAt(centre) or panel
        entered, dropped = send_file_drop(target, target.mapFrom(panel, centre), paths)
        self.expect(entered, f"the drag entering {target.objectName()} was not accepted")
        self.expect(dropped, f"the drop on {target.objectName()} was not accepted")
        return f"{panel.objectName()} ({type(target).__name__} {target.objectName()!r})"

    def skipped(self, name: str) -> bool:
        return name in self.skip or (self.window.studio.model.busy and f"{name} while training" in self.skip)

    def expect(self, condition, message: str, soft: bool = False) -> None:
        """Fail at once; with keep_going, a soft failure (what the editor shows, a stall) is
        noted, once per message, and the run goes on to find more."""
        if condition:
            return
        if soft and self.keep_going:
            if message not in self.soft_seen:
                self.soft_seen.add(message)
                self.late_failures.append(f"action #{self.number} ({self.log[-1][1]}): {message}")
            return
        self.fail(message)

    def fail(self, message: str) -> None:
        recent = "\n".join(f"  #{n}: {d}" for n, d in self.log[-25:])
        raise MonkeyFailure(
            f"seed {self.seed}, action #{self.number}: {message}\nlast actions:\n{recent}\n"
            f"replay: BPSTUDIO_MONKEY_SEED={self.seed} BPSTUDIO_MONKEY_ACTIONS={self.number + 1} "
            f"pytest tests/app/test_monkey.py -k {self.test_id}"
            + (" -m slow" if self.test_id == "full" else ""))

    # ----- the actions: each takes uniform numbers u[0..3] and returns what it did ------------------

    @property
    def net(self):
        return self.window.studio.model.network

    def hidden_layer(self, u: float) -> int | None:
        L = self.net.L
        return pick(range(1, L), u) if L > 1 else None

    def act_layer_size(self, u):
        l = self.hidden_layer(u[0])
        if l is None:
            return "layer size: no hidden layer"
        n = pick([1, 2, 3, 4, 5, 7, 8, 16, 20, 33, 64, 100, 128, 256, 512], u[1])
        if u[2] < 0.2:  # the spin box's arrows: PageUp/PageDown step by 10, ↑/↓ by 1
            spin = self.find(QSpinBox, f"LayerSize{l}")
            self.reveal(spin)
            spin.setFocus()
            key = pick([Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown], u[3])
            self.qtbot.keyClick(spin, key)
            return f"LayerSize{l} key {key.name}"
        self.type_into(self.find(QSpinBox, f"LayerSize{l}"), str(n))
        return f"type {n} into LayerSize{l}"

    def act_layer_size_extreme(self, u):
        l = self.hidden_layer(u[0])
        if l is None:
            return "layer size extreme: no hidden layer"
        text = pick(["0", "1", "512", "513", "10000", "99999", "abc", "-5", " "], u[1])
        before = self.net
        self.type_into(self.find(QSpinBox, f"LayerSize{l}"), text)
        if text in ("0", "513", "10000", "99999"):
            self.expect(self.net is before, f"typing {text} into LayerSize{l} changed the network")
            self.expect(self.errors and str(MAX_NEURONS) in self.errors[-1] or self.window.studio.model.busy,
                        f"typing {text} into LayerSize{l}: no message naming the range")
        return f"type {text!r} into LayerSize{l}"

    def act_activation(self, u):
        l = pick(range(1, self.net.L + 1), u[0])
        return self.choose(self.find(QComboBox, f"LayerActivation{l}"), u[1])

    def act_add_layer(self, u):
        return self.click(self.find(QPushButton, "AddLayerButton"))

    def act_remove_layer(self, u):
        l = self.hidden_layer(u[0])
        if l is None:
            return "remove layer: no hidden layer"
        return self.click(self.find(QPushButton, f"RemoveLayer{l}"))

    def act_learning_rate(self, u):
        text = pick(["0", "0.5", "0.1", "0.0075", "1", "3", "10", "0.000001", "0.00001", "9.999999"],
                    u[0])
        self.type_into(self.find(QDoubleSpinBox, "LearningRate"), text)
        return f"type {text} into LearningRate"

    def act_lr_slider(self, u):
        slider = self.find(QSlider, "LearningRateSlider")
        self.reveal(slider)
        value = slider.minimum() + int(u[0] * (slider.maximum() - slider.minimum() + 1))
        slider.setValue(min(value, slider.maximum()))
        return f"LearningRateSlider ← {slider.value()}"

    def act_iterations(self, u):
        text = pick(["0", "1", "5", "20", "100", "300", "1000", "5000", "100000", "10000000"], u[0])
        self.type_into(self.find(QSpinBox, "Iterations"), text)
        return f"type {text} into Iterations"

    def act_batch(self, u):
        m = self.window.studio.model.dataset.X_train.shape[1]
        text = pick(["0", "1", "2", "5", str(m), str(m + 1), "1000000"], u[0])
        self.type_into(self.find(QSpinBox, "BatchSize"), text)
        return f"type {text} into BatchSize (m = {m})"

    def act_l2(self, u):
        text = pick(["0", "0.01", "0.7", "5", "100"], u[0])
        self.type_into(self.find(QDoubleSpinBox, "L2"), text)
        return f"type {text} into L2"

    def act_combo(self, name, u):
        return self.choose(self.find(QComboBox, name), u[0])

    def act_seed(self, u):
        text = pick(["0", "1", "2", "42", "2147483647"], u[0])
        self.type_into(self.find(QSpinBox, "Seed"), text)
        return f"type {text} into Seed"

    def act_preset(self, u):
        return self.choose(self.find(QComboBox, "PresetBox"), u[0] * 0.5)  # the mouse: any enabled

    def act_data_box(self, u):
        return self.choose(self.find(QComboBox, "DataBox"), u[0])

    def _button_or_action(self, button: str, action: str, shortcut, u) -> str:
        w = self.window
        if u < 0.6:
            return self.click(self.find(QPushButton, button))
        if u < 0.8 or shortcut is None:
            w.menus.actions[action].trigger()
            return f"trigger {action}"
        self.qtbot.keyClick(w, shortcut[0], shortcut[1])
        return f"key {action} shortcut"

    def act_train(self, u):
        return self._button_or_action("TrainButton", "TrainAction",
                                      (Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier), u[0])

    def act_pause(self, u):
        return self._button_or_action("PauseButton", "PauseAction",
                                      (Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier), u[0])

    def act_stop(self, u):
        return self._button_or_action("StopButton", "StopAction",
                                      (Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier), u[0])

    def act_one_iteration(self, u):
        return self._button_or_action("OneIterationButton", "OneIterationAction",
                                      (Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier), u[0])

    def act_reset(self, u):
        return self._button_or_action("ResetButton", "ResetAction", None, u[0])

    def act_undo(self, u):
        if u[0] < 0.7:
            self.window.menus.actions["UndoAction"].trigger()
            return "trigger UndoAction"
        self.qtbot.keyClick(self.window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        return "key Ctrl+Z"

    def act_redo(self, u):
        if u[0] < 0.7:
            self.window.menus.actions["RedoAction"].trigger()
            return "trigger RedoAction"
        self.qtbot.keyClick(self.window, Qt.Key.Key_Z,
                            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        return "key Ctrl+Shift+Z"

    def act_key(self, u):
        w = self.window
        where = ""
        if u[1] < 0.4:  # a click on the equations takes the keys from an editor
            self.qtbot.mouseClick(w.equations, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
            where = "click the equations, then "
        name = pick(list(KEYS), u[0])
        times = 1 + int(u[2] * 3)
        for _ in range(times):
            self.qtbot.keyClick(w, KEYS[name])
        return f"{where}key {name} ×{times}"

    def act_theme(self, u):
        key = pick(list(self.window.menus.themes), u[0])
        self.window.menus.themes[key].trigger()
        return f"trigger Theme_{key}"

    def act_language(self, u):
        code = pick(["en", "zh_CN"], u[0])
        self.window.menus.languages[code].trigger()
        return f"trigger Language_{code}"

    def act_resize(self, u):
        width, height = pick(SIZES, u[0])
        self.window.resize(width, height)
        return f"resize to {width}×{height}"

    def act_drop(self, u):
        w = self.window
        items = [pick(self.corpus, u[0])]
        if u[1] < 0.15:
            items.append(pick(self.corpus, u[2]))
        targets = [w.diagram, w.equations, w.training_panel, w.cost_plot, w.gallery, w.editor]
        if any(self.skipped(item.name) for item in items):
            return f"drop {[i.name for i in items]}: skipped"
        paths = [p for item in items for p in item.paths]
        bad = all(item.kind != "good" for item in items)
        if bad:  # files are read on a thread: what was dropped before lands first
            self.qtbot.waitUntil(lambda: not w.studio.model.loader.running, timeout=NEVER_MS)
        net, ds = w.studio.model.network, w.studio.model.dataset
        target = self.drop(paths, pick(targets, u[3]))
        if bad:  # and these are read, and refused, without changing anything
            self.qtbot.waitUntil(lambda: not w.studio.model.loader.running, timeout=NEVER_MS)
            self.expect(w.studio.model.network is net and w.studio.model.dataset is ds,
                        f"dropping {[i.name for i in items]} changed the network or the data set")
        return f"drop {[i.name for i in items]} on {target}"

    def act_click_diagram(self, u):
        d = self.window.diagram
        pos = QPoint(int(u[0] * d.width()), int(u[1] * d.height()))
        self.qtbot.mouseClick(d, Qt.MouseButton.LeftButton, pos=pos)
        return f"click the diagram at {pos.x()},{pos.y()}"

    def act_gallery(self, u):
        g = self.window.gallery
        if g.list.count() == 0:
            return "select gallery image: none"
        row = pick(range(g.list.count()), u[0])
        g.list.setCurrentRow(row)
        return f"select gallery row {row}"

    def act_playground(self, u):
        """The 2-D playground's controls: a slider key, regenerate, a feature, a view option."""
        w = self.window
        panel = w.playground
        if panel.isHidden():
            return "playground hidden: nothing"
        choice = pick(["noise", "share", "regenerate", "feature", "discretise", "show test"], u[0])
        if choice in ("noise", "share"):
            slider = panel.noise if choice == "noise" else panel.share
            self.reveal(slider)
            key = pick([Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End,
                        Qt.Key.Key_Right], u[1])
            slider.setFocus()
            self.qtbot.keyClick(slider, key)
            return f"{slider.objectName()} key {key.name} → {slider.value()}"
        if choice == "regenerate":
            return self.click(panel.regenerate)
        if choice == "feature":
            box = pick(list(panel.feature_boxes.values()), u[1])
            self.reveal(box)
            self.qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
            return f"click {box.objectName()} → {box.isChecked()}"
        box = w.plane_view.discrete if choice == "discretise" else w.plane_view.show_test
        self.qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        return f"click {box.objectName()} → {box.isChecked()}"

    def act_hover(self, u):
        d = self.window.diagram
        neurons = [(l, j) for l in range(len(d.scene.layout.slots)) for j in d.drawn_neurons(l)]
        if not neurons:
            return "hover: no neuron drawn"
        l, j = pick(neurons, u[0])
        self.qtbot.mouseMove(d, d.neuron_pos(l, j).toPoint())
        return f"hover neuron {j + 1} of layer {l}"

    def act_idle(self, u):
        ms = 50 + int(u[0] * 550)
        self.qtbot.wait(ms)
        return f"idle {ms} ms"

    def act_setter_extreme(self, u):
        """Values the widgets do not let through, straight to the model: refused, with a message."""
        m = self.window.studio.model
        l = self.hidden_layer(u[1]) or 1
        calls = [
            (f"set_layer_size({l}, 0)", lambda: m.set_layer_size(l, 0)),
            (f"set_layer_size({l}, -1)", lambda: m.set_layer_size(l, -1)),
            (f"set_layer_size({l}, 513)", lambda: m.set_layer_size(l, MAX_NEURONS + 1)),
            (f"set_layer_size({l}, 10000)", lambda: m.set_layer_size(l, 10_000)),
            ("set_hyper(learning_rate=0.0)", lambda: m.set_hyper(learning_rate=0.0)),
            ("set_hyper(learning_rate=-1)", lambda: m.set_hyper(learning_rate=-1.0)),
            ("set_hyper(learning_rate=nan)", lambda: m.set_hyper(learning_rate=float("nan"))),
            ("set_hyper(learning_rate=inf)", lambda: m.set_hyper(learning_rate=float("inf"))),
            ("set_hyper(learning_rate=1e6)", lambda: m.set_hyper(learning_rate=1e6)),
            ("set_hyper(iterations=0)", lambda: m.set_hyper(iterations=0)),
            ("set_hyper(iterations=-3)", lambda: m.set_hyper(iterations=-3)),
            ("set_hyper(batch_size=10**6)", lambda: m.set_hyper(batch_size=10**6)),
            ("set_hyper(batch_size=0)", lambda: m.set_hyper(batch_size=0)),
            ("set_hyper(l2=-1)", lambda: m.set_hyper(l2=-1.0)),
            ("set_hyper(l2=nan)", lambda: m.set_hyper(l2=float("nan"))),
            ("set_activation(1, 'nonsense')", lambda: m.set_activation(1, "nonsense")),
            ("set_network_option(init='nonsense')", lambda: m.set_network_option(init="nonsense")),
            ("set_network_option(loss='nonsense')", lambda: m.set_network_option(loss="nonsense")),
            ("set_network_option(precision='float16')",
             lambda: m.set_network_option(precision="float16")),
            ("add_hidden_layer(n=0)", lambda: m.add_hidden_layer(n=0)),
            ("add_hidden_layer(n=513)", lambda: m.add_hidden_layer(n=MAX_NEURONS + 1)),
        ]
        text, call = pick(calls, u[0])
        if self.skipped(text):
            return f"{text}: skipped"
        net, ds, hyper = m.network, m.dataset, m.hyper
        messages = len(self.errors)
        result = call()
        self.expect(result is False, f"{text} returned {result!r}, expected a refusal (False)")
        self.expect(m.network is net and m.dataset is ds and m.hyper == hyper,
                    f"{text} changed the model")
        self.expect(len(self.errors) > messages, f"{text} was refused without a message")
        return text

    # ----- the checks ---------------------------------------------------------------------------------

    def check_engine(self):
        w = self.window
        m, net = w.studio.model, w.studio.model.network
        dims, L = net.dims, net.L
        self.expect(len(net.activations) == L, f"{L} layers but activations {net.activations}")
        self.expect(len(net.weights) == L and len(net.biases) == L,
                    f"dims {dims} but {len(net.weights)} W and {len(net.biases)} b")
        for l in range(1, L + 1):
            W, b = net.weights[l - 1], net.biases[l - 1]
            self.expect(W.shape == (dims[l], dims[l - 1]),
                        f"dims {dims}: W[{l}] has shape {W.shape}, expected {(dims[l], dims[l - 1])}")
            self.expect(b.shape == (dims[l], 1), f"dims {dims}: b[{l}] has shape {b.shape}")
        self.expect(dims[0] == m.dataset.n_features,
                    f"dims[0] = {dims[0]} but the data set {m.dataset.name!r} has "
                    f"{m.dataset.n_features} features")
        self.expect(net.precision in PRECISIONS, f"precision {net.precision!r}")
        norms = m.history.grad_norms.view()
        self.expect(norms.ndim == 2 and norms.shape[1] == L,
                    f"the training record keeps ‖dW‖ of {norms.shape[1:]} layers, the network has {L}")
        self.expect(m.busy == (w.studio.training.state is not RunState.IDLE),
                    f"model.busy {m.busy} but training is {w.studio.training.state!r}")
        self.expect(w.windowTitle().endswith(dataset_name(m.dataset)),
                    f"title {w.windowTitle()!r} does not name the data set {m.dataset.name!r}")

    def check_editor(self):
        w = self.window
        ed, net = w.editor, w.studio.model.network
        L, dims = net.L, net.dims

        def visible(cls, prefix):
            return sorted(x.objectName() for x in ed.findChildren(cls)
                          if x.objectName().startswith(prefix) and x.isVisibleTo(ed))

        self.expect(visible(QSpinBox, "LayerSize")
                    == sorted(f"LayerSize{l}" for l in range(1, L + 1)),
                    f"dims {dims}: the editor shows rows {visible(QSpinBox, 'LayerSize')}")
        self.expect(visible(QComboBox, "LayerActivation")
                    == sorted(f"LayerActivation{l}" for l in range(1, L + 1)),
                    f"dims {dims}: the editor shows {visible(QComboBox, 'LayerActivation')}")
        self.expect(visible(QPushButton, "RemoveLayer")
                    == sorted(f"RemoveLayer{l}" for l in range(1, L)),
                    f"dims {dims}: the editor shows {visible(QPushButton, 'RemoveLayer')}")
        for l in range(1, L + 1):
            spin, box = ed.size_spins[l], ed.activation_boxes[l]
            self.expect(spin.objectName() == f"LayerSize{l}" and spin.isVisibleTo(ed),
                        f"size_spins[{l}] is {spin.objectName()}", soft=True)
            self.expect(spin.value() == dims[l],
                        f"dims {dims}: LayerSize{l} shows {spin.value()}", soft=True)
            self.expect(box.currentText() == net.activations[l - 1],
                        f"activations {net.activations}: LayerActivation{l} shows "
                        f"{box.currentText()!r}", soft=True)
        inputs = [x.text() for x in ed.findChildren(QLabel, "InputSize") if x.isVisibleTo(ed)]
        self.expect(len(inputs) == 1 and f"{dims[0]:,}" in inputs[0],
                    f"dims {dims}: the input row says {inputs}", soft=True)
        self.expect(ed.init_box.currentData() == net.init,
                    f"initialiser {net.init!r}, editor {ed.init_box.currentData()!r}", soft=True)
        self.expect(ed.seed_spin.value() == net.seed, f"seed {net.seed}, editor {ed.seed_spin.value()}",
                    soft=True)
        self.expect(ed.precision_box.currentData() == net.precision,
                    f"precision {net.precision!r}, editor {ed.precision_box.currentData()!r}", soft=True)
        self.expect(ed.loss_box.currentData() == net.loss,
                    f"cost {net.loss!r}, editor {ed.loss_box.currentData()!r}", soft=True)
        h = w.studio.model.hyper
        self.expect(abs(ed.lr_spin.value() - h.learning_rate) <= 0.5e-6 + 1e-9 * h.learning_rate,
                    f"learning rate {h.learning_rate!r}, editor {ed.lr_spin.value()!r}", soft=True)
        self.expect(ed.iterations_spin.value() == h.iterations,
                    f"iterations {h.iterations}, editor {ed.iterations_spin.value()}", soft=True)
        self.expect(ed.batch_spin.value() == (h.batch_size or 0),
                    f"batch size {h.batch_size}, editor {ed.batch_spin.value()}", soft=True)
        self.expect(abs(ed.l2_spin.value() - h.l2) <= 0.5e-4 + 1e-9 * h.l2,
                    f"L2 {h.l2!r}, editor {ed.l2_spin.value()!r}", soft=True)

    def check_panels(self):
        w = self.window
        p, state = w.training_panel, w.studio.training.state
        idle = state is RunState.IDLE
        for button, enabled in ((p.train_button, idle), (p.step_button, idle), (p.reset_button, idle),
                                (p.pause_button, not idle), (p.stop_button, not idle)):
            self.expect(button.isEnabled() == enabled,
                        f"training {state!r}: {button.objectName()} enabled {button.isEnabled()}")
        s = w.studio.stepper.iteration
        if s is not None and w.studio.stepper.available:
            self.expect(s.network.dims == w.studio.model.network.dims,
                        f"the stepper steps a {s.network.dims} network, the model has "
                        f"{w.studio.model.network.dims}")
        results = w.studio.classify.results
        ds = w.studio.model.dataset
        if results and not w.studio.classify.takes_pictures():
            # the pictures stay for an undo (ClassifySession keeps them on a data set change), unclassified
            shown = [r.probability for r in results]
            self.expect(np.isnan(shown).all(),
                        f"gallery probabilities {shown[:5]} but the network takes no pictures")
        elif results:
            shapes = {r.pixels.shape for r in results}
            self.expect(shapes == {ds.input_shape},
                        f"gallery images prepared as {shapes}, the data set takes {ds.input_shape}")
        # a big gallery follows new parameters from a thread: checked once it has caught up
        if results and w.studio.classify.takes_pictures() and not w.studio.classify.predictions.pending:
            X = images_to_columns(np.stack([r.pixels for r in results]))
            p_now = w.studio.model.network.predict_proba(X)[0]
            shown = np.array([r.probability for r in results])
            # float32 products depend (by ~1e-8) on how many images go in one batch
            self.expect(np.allclose(shown, p_now, rtol=0, atol=1e-6, equal_nan=True),
                        f"gallery probabilities {shown[:5]} but the network gives {p_now[:5]}")
        self.expect(not monkey_corpus.TRIPPED, f"unpickled: {monkey_corpus.TRIPPED}")

    def views_agree(self) -> str:
        """"" when the editor's rows, the diagram and the cost plot show the model's network,
        else what differs. Each catches up in its own time: the diagram and the plot redraw on a
        throttled clock, and rebuilt editor rows are shown by a queued call (QLayout). A costly
        network is drawn on a thread: until it lands, the editor shows the edit ahead of it."""
        w = self.window
        if w.studio.model.building:
            return "the edited network is still being drawn"
        ed, L = w.editor, w.studio.model.network.L
        rows = sorted(x.objectName() for x in ed.findChildren(QSpinBox)
                      if x.objectName().startswith("LayerSize") and x.isVisibleTo(ed))
        if rows != sorted(f"LayerSize{l}" for l in range(1, L + 1)):
            return f"dims {w.studio.model.network.dims}: the editor shows rows {rows}"
        net, ds = w.studio.model.network, w.studio.model.dataset
        d = w.diagram
        labels = d.layer_labels()
        if len(labels) != net.L + 1:
            return f"the diagram shows {len(labels)} layers, dims {net.dims}"
        image_input = ds.is_image and ds.input_shape[2] == 3
        for l in range(net.L + 1):
            detail = f"n[{l}] = {net.dims[l]:,}" + ("" if l == 0 else f" · {net.activations[l - 1]}")
            if not labels[l].endswith(detail):
                return f"diagram label {labels[l]!r}, expected …{detail!r}"
            # a low diagram draws fewer neurons (as many as fit, at least the first and last):
            # whatever it draws must be the first and last of the model's n[l], the marker between
            n = net.dims[l]
            drawn = d.drawn_neurons(l)
            head, tail = shown_indices(n, min(max(len(drawn), 2), MAX_SHOWN))
            expected = [] if (l == 0 and image_input) else head + tail
            if drawn != expected:
                return f"the diagram draws neurons {drawn} of layer {l}, expected {expected}"
        if (d.scene.image is not None) != image_input:
            return f"the diagram's input image {d.scene.image is not None}, image data {image_input}"
        plane = ds.plane is not None
        if w.plane_view.isVisible() != plane or w.playground.isVisible() != plane:
            return (f"a {'2-D' if plane else 'non-2-D'} data set, but the output view is "
                    f"{'shown' if w.plane_view.isVisible() else 'hidden'} and the playground "
                    f"{'shown' if w.playground.isVisible() else 'hidden'}")
        if plane:
            ticked = tuple(k for k, box in w.playground.feature_boxes.items() if box.isChecked())
            if ticked != ds.plane.features:
                return f"features {ds.plane.features}, the playground ticks {ticked}"
            if set(d.scene.neuron_maps) != {(l, j) for l in range(net.L + 1)
                                            for j in d.drawn_neurons(l)}:
                return f"the diagram's neuron heatmaps {sorted(d.scene.neuron_maps)} for dims {net.dims}"
        curves = len(w.cost_plot.grad_curves)
        if curves != net.L:
            return f"the cost plot has {curves} ‖dW‖ curves for {net.L} layers"
        return ""

    def check_qt(self, exceptions):
        if exceptions:
            n = len(exceptions)
            text = "".join(traceback.format_exception(*exceptions[0]))
            # as pytest-qt does: a kept traceback keeps its frames' objects alive (a QPainter
            # still painting on a widget that Qt then deletes crashes the process)
            del exceptions[:]
            self.fail(f"{n} exception(s) in Qt slots or virtual methods, first:\n{text}")
        records = self.qtlog.records
        new = records[self.seen_records:]
        self.seen_records = len(records)
        bad = [r for r in new if r.matches_level("WARNING") and not r.ignored]
        if bad:
            self.fail("Qt warnings: " + "; ".join(f"{r.type_name}: {r.message}" for r in bad))

    # ----- the loop -----------------------------------------------------------------------------------

    def step(self):
        w = self.window
        weights = [k[0] for k in self.kinds]
        _, kind, act = self.rng.choices(self.kinds, weights)[0]
        u = [self.rng.random() for _ in range(4)]
        m = w.studio.model
        before = (m.network, m.dataset)
        busy = m.busy
        if self.skipped(kind):  # the same random numbers are drawn: the other actions stay
            self.log.append((self.number, f"{kind}: skipped"))
            self.number += 1
            return
        self.log.append((self.number, kind))
        profile = os.environ.get("BPSTUDIO_MONKEY_PROFILE") == str(self.number)
        if profile:  # where a stall goes: this action and the views' catching up, by function
            import cProfile
            profiler = cProfile.Profile()
            profiler.enable()
        with self.qtbot.captureExceptions() as exceptions:
            self.heartbeat.begin()
            start = time.perf_counter()
            try:
                description = act(u)
            except MonkeyFailure:
                self.check_qt(exceptions)  # an exception in a slot is the first thing to name
                raise
            except Exception as e:  # noqa: BLE001 - named with the action, then failed
                self.fail(f"{kind} raised:\n{''.join(traceback.format_exception(e))}")
            sync_ms = (time.perf_counter() - start) * 1000
            after_sync = (m.network, m.dataset)
            description = f"{kind}: {description}" + (" [while training]" if busy else "")
            self.log[-1] = (self.number, description)
            self.qtbot.wait(5)
            # the heartbeat's gaps include the action's own part (no tick can come during it,
            # unless the action itself runs the event loop, as waiting does)
            stall = self.heartbeat.end()
            # the views catch up in their own time (see views_agree)
            self.heartbeat.begin()
            t0 = time.perf_counter()
            why = first_why = self.views_agree()
            while why and time.perf_counter() - t0 < NEVER_MS / 1000:
                self.qtbot.wait(10)
                why = self.views_agree()
            lag = (time.perf_counter() - t0) * 1000
            stall = max(stall, self.heartbeat.end(), key=lambda g: g.app)
        if profile:
            import pstats
            profiler.disable()
            print(f"\nprofile of #{self.number} ({description}):")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        self.check_qt(exceptions)
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.stalls.append((stall, self.number, description))
        if lag > self.catch_up[0]:
            self.catch_up = (lag, self.number, f"{description} ({first_why})")
        if busy:
            self.expect(after_sync[0] is before[0] and after_sync[1] is before[1],
                        "while training, this action changed the "
                        + ("network" if after_sync[0] is not before[0] else "data set"), soft=True)
        self.expect(not why, f"the views did not catch up in {NEVER_MS} ms: {why}")
        self.expect(lag <= CATCH_UP_MS or not self.timed, f"the views caught up only after {lag:.0f} ms (limit "
                                        f"{CATCH_UP_MS} ms): {first_why}", soft=True)
        self.check_engine()
        self.check_editor()
        self.check_panels()
        if stall.app > STALL_LIMIT_MS and self.timed:
            where = "".join(f"\n    {count} × {stack}" for stack, count in
                            collections_counter(stall.stacks).most_common(4))
            self.expect(False, f"the GUI thread stalled {stall} (limit {STALL_LIMIT_MS:.0f}) "
                               f"during {description!r} (its own part took {sync_ms:.0f} ms)"
                               + (f"; sampled meanwhile:{where}" if where else ""), soft=True)
        self.number += 1

    def finish(self, check: bool = True):
        """Stop training, let the decodes end, and (after a clean run) check once more."""
        w = self.window
        self.heartbeat.stop()
        self.log.append((self.number, "finish: stop training, wait for the decodes"))
        with self.qtbot.captureExceptions() as exceptions:
            w.studio.training.stop()
            self.qtbot.waitUntil(lambda: w.studio.training.state is RunState.IDLE, timeout=30_000)
            self.qtbot.waitUntil(lambda: w.studio.classify.pending == 0
                                 and not w.studio.classify.predictions.pending, timeout=30_000)
            self.qtbot.wait(50)
        if check:
            self.check_qt(exceptions)
            self.check_engine()
            self.check_editor()
            self.check_panels()


def _spin(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


@pytest.mark.slow  # it times stalls of known length: only on a quiet machine
@pytest.mark.skipif(not (Path("/proc/thread-self/schedstat").exists()
                         and hasattr(os, "sched_setaffinity")), reason="Linux's scheduler clock")
def test_the_heartbeat_tells_the_apps_stalls_from_the_machines(qtbot):
    """The stall criterion's split, checked with stalls of known cause."""
    import subprocess
    import sys

    heartbeat = Heartbeat()
    heartbeat.start()
    qtbot.wait(20)
    heartbeat.begin()
    time.sleep(0.3)  # blocked (a lock, a pipe): the app's
    gap = heartbeat.end()
    assert gap.ms >= 300 and gap.app > STALL_LIMIT_MS, gap
    # the watchdog saw where the GUI thread was
    assert gap.stacks and "test_the_heartbeat_tells" in gap.stacks[0].split(" < ")[0], gap.stacks
    heartbeat.begin()
    _spin(0.3)  # busy: the app's
    gap = heartbeat.end()
    assert gap.running > STALL_LIMIT_MS and gap.app > STALL_LIMIT_MS, gap
    # ready to run but crowded out: two busy processes on the GUI thread's only CPU
    allowed = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(allowed)})  # the calling thread; children inherit it
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        time.sleep(0.3)
        heartbeat.begin()
        _spin(0.45)
        gap = heartbeat.end()
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
        os.sched_setaffinity(0, allowed)
        heartbeat.stop()
    assert gap.ms >= 450 and gap.waiting > 150 and gap.running < 300, gap
    assert gap.machine >= gap.waiting and gap.app < gap.ms - 150, gap


@pytest.mark.parametrize("test_id,actions,default_seed", [
    pytest.param("short", SHORT_ACTIONS, SHORT_SEED, id="short"),
    pytest.param("full", FULL_ACTIONS, FULL_SEED, id="full", marks=pytest.mark.slow),
])
def test_monkey(test_id, actions, default_seed, make_window, qtbot, qtlog, tmp_path, cat_files,
                english_afterwards, capsys):
    seed = int(os.environ.get("BPSTUDIO_MONKEY_SEED", default_seed))
    actions = int(os.environ.get("BPSTUDIO_MONKEY_ACTIONS", actions))
    corpus = monkey_corpus.build_corpus(tmp_path / "corpus", cat_files)
    monkey_corpus.TRIPPED.clear()
    window = make_window(1600, 1000)
    monkey = Monkey(window, qtbot, qtlog, seed, corpus, test_id=test_id,
                    keep_going=os.environ.get("BPSTUDIO_MONKEY_KEEP_GOING", "") == "1",
                    timed=test_id == "full" or os.environ.get("BPSTUDIO_MONKEY_TIMING") == "1",
                    skip=frozenset(filter(None, os.environ.get("BPSTUDIO_MONKEY_SKIP", "")
                                              .split(";"))))
    started = time.perf_counter()
    clean = False
    collections = []  # (ms, generation, action number): the collector's long pauses

    def timed_collection(phase, info, t=[0.0]):
        if phase == "start":
            t[0] = time.perf_counter()
        elif (ms := (time.perf_counter() - t[0]) * 1000) > 20:
            collections.append((ms, info["generation"], monkey.number))

    gc.callbacks.append(timed_collection)
    try:
        for _ in range(actions):
            monkey.step()
        clean = True
        if monkey.late_failures:
            pytest.fail(f"seed {seed}: " + "\n".join(monkey.late_failures), pytrace=False)
    finally:
        try:
            monkey.finish(check=clean)
        finally:
            gc.callbacks.remove(timed_collection)
            worst = sorted(monkey.stalls, key=lambda s: -s[0].app)[:5]
            machine = [s for s in monkey.stalls if s[0].ms > STALL_LIMIT_MS >= s[0].app]
            with capsys.disabled():
                print(f"\nmonkey seed {seed}: {monkey.number} of {actions} actions in "
                      f"{time.perf_counter() - started:.1f} s")
                for gap, n, what in worst:
                    print(f"  stall {gap} at #{n}: {what}")
                if worst:  # what led to the worst one, and where the GUI thread was meanwhile
                    gap, n, _ = worst[0]
                    print("  before it: " + "; ".join(f"#{k} {d}"
                                                      for k, d in monkey.log[max(0, n - 8):n]))
                    for stack, count in collections_counter(gap.stacks).most_common(4):
                        print(f"    {count} × {stack}")
                for gap, n, what in machine:
                    print(f"  over the limit only with the machine's {gap.machine:.0f} ms: {gap} "
                          f"at #{n}: {what}")
                lag, n, what = monkey.catch_up
                print(f"  slowest catch-up of the views {lag:.0f} ms at #{n}: {what}")
                print("  actions: " + ", ".join(f"{k} {v}" for k, v in sorted(monkey.counts.items())))
                for ms, generation, n in sorted(collections, reverse=True)[:5]:
                    print(f"  garbage collection (generation {generation}) {ms:.0f} ms at #{n}")
                for text in monkey.late_failures:
                    print(f"  noted: {text}")
                if monkey.skip:
                    print(f"  SKIPPED kinds: {sorted(monkey.skip)}")
