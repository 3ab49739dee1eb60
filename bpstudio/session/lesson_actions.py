"""What a lesson's actions do and what its quantities are, on a Studio: each action one call of
the studio's (named as a user says it), each quantity read from what the studio shows. What only
the network can tell (does layer 3 exist? is 2a a step of this net?) is checked here, and a
refusal names the lesson's file and line."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Callable

import numpy as np

from ..core.lesson_answers import AppValue
from ..core.lesson_format import Action, Lesson, LessonError, Quantity, lesson_file
from ..core.lesson_slots import fault
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.network import Network, decide, default_activations
from ..core.trainer import accuracy
from .messages import translated
from .studio import Studio


class ActionRefused(Exception):
    """An action this studio cannot do as the lesson says; the text names file and line."""


def _refuse(action: Action, template: str, /, **values: object) -> ActionRefused:
    # (positional only: a template's values may be called "action" too)
    return ActionRefused(translated(LessonError.listing(action.file, [
        fault(action.line, template, **values)])))


class LessonActions:
    """Runs a lesson's actions on ``studio``. ``cat_data()`` finds the tutorial's cat data (a
    folder, or None when it is nowhere to be found); ``highlight(view)`` points at a view."""

    def __init__(self, studio: Studio, cat_data: Callable[[], str | None],
                 highlight: Callable[[str], None] = lambda view: None):
        self.studio, self.cat_data, self.highlight = studio, cat_data, highlight

    # ----- doing -------------------------------------------------------------------------------

    def do(self, action: Action, lesson: Lesson | None = None) -> None:
        """Start ``action``; what runs on in the background ends when the studio is settled.
        ActionRefused when it cannot be done."""
        done = getattr(self, "_" + action.name.replace(" ", "_"))(action, lesson)
        if done is False:
            raise _refuse(action, QT_TRANSLATE_NOOP("core", "line {line}: {action} could not be "
                                                    "done: {why}"),
                          action=action.to_line(), why=self._last_words or "—")

    _last_words = ""

    def said(self, text: str) -> None:
        """The studio's last message: why an action was refused."""
        self._last_words = text

    def _data(self, a: Action, lesson: Lesson | None) -> bool | None:
        s = self.studio
        if a["name"] != "cat":
            return s.use_builtin(a["name"])
        if s.model.dataset.n_features == 12288 and "cat" in s.model.dataset.name.lower():
            return None  # open already
        folder = self.cat_data()
        if folder is None:
            raise _refuse(a, QT_TRANSLATE_NOOP("core", "line {line}: this lesson needs the "
                                               "tutorial's cat data; open it (File → Open data "
                                               "set…) and go on"))
        return s.open_dataset(folder)

    def _preset(self, a: Action, lesson: Lesson | None) -> bool:
        return self.studio.choose_preset(a["key"])

    def _layers(self, a: Action, lesson: Lesson | None) -> bool | None:
        dims, s = a["dims"], self.studio
        if dims[0] != s.model.dataset.n_features:
            raise _refuse(a, QT_TRANSLATE_NOOP("core", "line {line}: the data set has {n} inputs, "
                                               "not {given}"),
                          n=f"{s.model.dataset.n_features:,}", given=f"{dims[0]:,}")
        if tuple(dims) == s.model.network.dims:
            return None
        return s.set_layers(dims[1:], default_activations(dims))

    def _activation(self, a: Action, lesson: Lesson | None) -> bool | None:
        net = self.studio.model.network
        acts, layer = list(net.activations), a["layer"]
        chosen = (range(1, net.L) if layer == "hidden" else [net.L] if layer == "output"
                  else [layer])
        if isinstance(layer, int) and not 1 <= layer <= net.L:
            raise self._no_layer(a, layer)
        for l in chosen:
            acts[l - 1] = a["name"]
        if tuple(acts) == net.activations:
            return None
        return self.studio.set_layers(net.dims[1:], acts)

    def _set(self, a: Action, lesson: Lesson | None) -> bool:
        return self.studio.set_hyper(**dict(a["settings"]))

    def _network(self, a: Action, lesson: Lesson | None) -> bool | None:
        changes = dict(a["settings"])
        net = self.studio.model.network
        if all(getattr(net, k) == v for k, v in changes.items()):
            return None
        return self.studio.set_network_option(**changes)

    def _features(self, a: Action, lesson: Lesson | None) -> bool:
        if self.studio.model.dataset.plane is None:
            raise _refuse(a, QT_TRANSLATE_NOOP("core", "line {line}: features are the "
                                               "playground's; choose a 2-D data set first"))
        return self.studio.set_plane(features=tuple(a["features"]))

    def _train_to(self, a: Action, lesson: Lesson | None) -> bool | None:
        done = self.studio.model.network.iterations_trained
        twins = [t.model.network.iterations_trained for t in self.studio.runs.twins]
        if done == a["iteration"] and all(n >= done for n in twins):
            return None  # every run is there (a twin trains to it with the network)
        if done > a["iteration"]:
            raise _refuse(a, QT_TRANSLATE_NOOP("core", "line {line}: the network has done {done} "
                                               "iterations already, more than {n}"),
                          done=f"{done:,}", n=f"{a['iteration']:,}")
        return self.studio.train_to(a["iteration"])

    def _train_more(self, a: Action, lesson: Lesson | None) -> bool:
        return self.studio.train_to(self.studio.model.network.iterations_trained + a["iterations"])

    def _step_mode(self, a: Action, lesson: Lesson | None) -> None:
        self.studio.set_step_mode(a["mode"])

    def _step_start(self, a: Action, lesson: Lesson | None) -> None:
        self.studio.step_home()

    def _step_end(self, a: Action, lesson: Lesson | None) -> None:
        self.studio.step_to_end()

    def _step(self, a: Action, lesson: Lesson | None) -> None:
        if not self.studio.step_to(a["key"], a.get("layer")):
            if a.get("layer") is None:
                raise _refuse(a, QT_TRANSLATE_NOOP("core", "line {line}: this iteration has "
                                                   "no step {key}"), key=a["key"])
            raise _refuse(a, QT_TRANSLATE_NOOP("core", "line {line}: this network has no step "
                                               "{key} of layer {layer} (L = {L})"),
                          key=a["key"], layer=a["layer"], L=self.studio.model.network.L)

    def _sample(self, a: Action, lesson: Lesson | None) -> None:
        m = self.studio.model.dataset.X_train.shape[1]
        if a["index"] > m:
            raise _refuse(a, QT_TRANSLATE_NOOP("core", "line {line}: sample {k}: the data set has "
                                               "{m} training samples"), k=a["index"], m=m)
        self.studio.choose_sample(a["index"] - 1)

    def _test_picture(self, a: Action, lesson: Lesson | None) -> bool:
        return self.studio.classify.select_test_image(a["index"] - 1)

    def _picture(self, a: Action, lesson: Lesson | None) -> None:
        assert lesson is not None  # (the runner gives its lesson: the picture is in its folder)
        try:
            path = lesson_file(lesson, a["file"], a.line)
        except LessonError as e:
            raise ActionRefused(translated(e)) from None
        before = len(self.studio.classify.results)
        self.studio.classify_pictures(str(path))
        # classified on a thread: once it is, it becomes the sample stepped
        def choose() -> None:
            if len(self.studio.classify.results) > before:
                self.studio.choose_picture(before)
        self.studio.when_settled(choose)

    def _explain(self, a: Action, lesson: Lesson | None) -> None:
        step = self.studio.stepper.current_step()
        names = [] if step is None else [o.name for o in step.operands]
        if step is None or (a["view"] != "result" and a["view"] != step.result.name
                            and a["view"] not in names):
            raise _refuse(a, QT_TRANSLATE_NOOP("core", "line {line}: the step on screen has no "
                                               "matrix {view}"), view=a["view"])
        view = -1 if a["view"] in ("result", step.result.name) else names.index(a["view"])
        value = step.result.value if view < 0 else step.operands[view].value
        rows, cols = value.shape if value.ndim == 2 else (1, 1)
        if not (a["row"] <= rows and a["col"] <= cols):
            raise _refuse(a, QT_TRANSLATE_NOOP("core", "line {line}: {view} is {rows}×{cols}"),
                          view=a["view"], rows=rows, cols=cols)
        self.studio.explain_cell(view, a["row"] - 1, a["col"] - 1)

    def _explain_weight(self, a: Action, lesson: Lesson | None) -> None:
        net = self.studio.model.network
        l, j, k = a["layer"], a["row"], a["col"]
        if not 1 <= l <= net.L:
            raise self._no_layer(a, l)
        if j > net.dims[l] or k > net.dims[l - 1]:
            raise _refuse(a, QT_TRANSLATE_NOOP("core", "line {line}: W[{l}] is {rows}×{cols}"),
                          l=l, rows=net.dims[l], cols=net.dims[l - 1])
        self.studio.explain_weight(l, j - 1, k - 1)

    def _nudge(self, a: Action, lesson: Lesson | None) -> None:
        if not self.studio.explain.can_nudge:
            raise _refuse(a, QT_TRANSLATE_NOOP("core", "line {line}: nudge a weight: explain a "
                                               "weight or a dW cell first"))
        self.studio.nudge()

    def _cursor_now(self, a: Action, lesson: Lesson | None) -> None:
        self.studio.back_to_now()

    def _cursor(self, a: Action, lesson: Lesson | None) -> None:
        t = self.studio.timeline
        if not t.available or not t.first <= a["iteration"] <= t.last:
            raise _refuse(a, QT_TRANSLATE_NOOP("core", "line {line}: iteration {i} is not on the "
                                               "run's timeline"), i=f"{a['iteration']:,}")
        self.studio.move_time_cursor(a["iteration"])

    def _fork(self, a: Action, lesson: Lesson | None) -> bool:
        acts = self.studio.model.network.activations
        # activation: the hidden layers'; the output keeps its own (in its place: the twin's
        # name says the changes in the order they are written)
        changes: dict[str, Any] = {("activations" if k == "activation" else k):
                                   ((v,) * (len(acts) - 1) + acts[-1:] if k == "activation"
                                    else v) for k, v in a["settings"]}
        return self.studio.fork_twin(**changes) is not None

    def _compare(self, a: Action, lesson: Lesson | None) -> bool:
        return self.studio.run_comparison(a["key"])

    def _twins_remove(self, a: Action, lesson: Lesson | None) -> None:
        self.studio.remove_twins()

    def _stage(self, a: Action, lesson: Lesson | None) -> bool:
        return self.studio.present(a["stage"])

    def _present_off(self, a: Action, lesson: Lesson | None) -> None:
        self.studio.stop_presenting()

    def _highlight(self, a: Action, lesson: Lesson | None) -> None:
        self.highlight(a["view"])

    def _no_layer(self, a: Action, l: int) -> ActionRefused:
        return _refuse(a, QT_TRANSLATE_NOOP("core", "line {line}: this network has layers 1 to "
                                            "{L}, not {l}"), L=self.studio.model.network.L, l=l)

    # ----- reading a quantity ------------------------------------------------------------------

    def value_of(self, q: Quantity) -> AppValue:
        """The app's value of ``q`` now: a number, or a shape (a tuple) for "… shape".
        ValueError (its text for the user) when the app has none."""
        s = self.studio
        model = s.model
        net, ds = model.shown.network, model.dataset
        if q.name in ("cost", "train accuracy", "test accuracy"):
            if q.at is not None:
                net = self._network_at(q.at)
            if q.name == "cost":
                return net.cost(ds.X_train, ds.Y_train, model.hyper.l2)
            X, Y = (ds.X_train, ds.Y_train) if q.name == "train accuracy" else (ds.X_test, ds.Y_test)
            return accuracy(net.predict_proba(X), Y)
        if q.name == "iterations":
            return net.iterations_trained
        if q.name in ("output", "prediction"):
            a = float(model.sample.forward().As[-1][0, 0])
            return a if q.name == "output" else int(decide(a))
        if q.name == "step result":
            step = s.stepper.current_step()
            if step is None:
                raise ValueError("no step is on screen")
            return self._read(step.result.value, q)
        matrix = self._matrix(q)
        return self._read(matrix, q)

    def _network_at(self, i: int) -> Network:
        t, model = self.studio.timeline, self.studio.model
        if i == model.network.iterations_trained:
            return model.network
        if not (t.available and t.first <= i <= t.last):
            raise ValueError(f"iteration {i:,} is not on the run's timeline")
        return t.network_at(i)

    def _matrix(self, q: Quantity) -> np.ndarray:
        s = self.studio
        net = s.model.shown.network
        l = q.layer
        assert l is not None  # (a matrix quantity names its layer: parse_quantity)
        if not (q.name == "A" and l == 0) and not 1 <= l <= net.L:
            raise ValueError(f"this network has layers 1 to {net.L}, not {l}")
        if q.name in ("W", "b"):
            return (net.weights if q.name == "W" else net.biases)[l - 1]
        it = s.stepper.stepper  # the iteration the stepper shows (laid out when needed)
        if q.name == "Z":
            return it.Zs[l - 1]
        if q.name == "A":
            return it.As[l]
        if it.dWs is None or it.dbs is None:
            raise ValueError("the backward pass needs the sample's label")
        if q.name == "dW":
            return it.dWs[l - 1]
        if q.name == "db":
            return it.dbs[l - 1]
        found = {"dZ": it.deltas(len(it.steps)).get(l)}
        found["dA"] = next((st.result.value for st in it.steps
                            if st.equation.key == "2a" and st.layer == l), None)
        value = found[q.name]
        if value is None:
            raise ValueError(f"{q.name}[{l}] is not computed in this network")
        return value

    @staticmethod
    def _read(matrix: np.ndarray, q: Quantity) -> AppValue:
        matrix = np.atleast_2d(np.asarray(matrix))
        if q.shape:
            return tuple(matrix.shape)
        index = tuple(c - 1 for c in q.cell) + (0,) * (2 - len(q.cell))
        if any(i >= n for i, n in zip(index, matrix.shape)):
            raise ValueError(f"{q.text}: the matrix is {'×'.join(map(str, matrix.shape))}")
        value = float(matrix[index])
        return value if math.isfinite(value) else value


def cat_data_in(*folders: str | Path | None) -> str | None:
    """The first of ``folders`` that holds the cat data's two files."""
    for folder in folders:
        if folder and (Path(folder) / "train_catvnoncat.h5").is_file() and (
                Path(folder) / "test_catvnoncat.h5").is_file():
            return str(folder)
    return None
