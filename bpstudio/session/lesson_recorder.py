"""Record: what a teacher does in the app becomes a lesson's lines. At each beat the studio's
state is compared with the beat before's, and the actions that lead from one to the other are
written (a data set, layers, hyper-parameters, training to an iteration, a step, a sample, a
twin run, the time cursor, a stage). The file is theirs to edit; replayed, it comes to the same
state."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.lesson_format import parse_lesson
from ..core.network import default_activations
from .network_model import NetworkModel
from .runs import TwinRun
from .studio import Studio

TITLE = "A recorded lesson | 录制的课"
CHAPTER = "Recorded | 录制"
PLACEHOLDER = ("Write here what the class reads at this beat.", "在这里写下这一步学生读到的内容。")


@dataclass(frozen=True)
class Snapshot:
    """What a lesson's actions can set, as a studio shows it."""

    data: str | None
    features: tuple[str, ...] | None
    dims: tuple[int, ...]
    activations: tuple[str, ...]
    network: tuple[str, int, str]  # (init, seed, loss)
    hyper: tuple[float, int, int | None, float]  # (learning rate, iterations, batch size, λ)
    iterations: int
    mode: str
    sample: int | None
    step: tuple[str, int] | None  # (key, layer) of the step on screen, None before the first
    explained: tuple[str | int, ...] | None  # what ``explain`` is written with
    cursor: int | None
    twins: tuple[tuple[str, ...], ...]  # each twin's fork settings
    stage: str | None


def snapshot(studio: Studio) -> Snapshot:
    model = studio.model
    ds, net, h = model.dataset, model.network, model.hyper
    if ds.source.startswith("built-in:"):
        data = ds.source.removeprefix("built-in:")
    elif ds.n_features == 12288 and "catvnoncat" in " ".join(str(f) for f in ds.files):
        data = "cat"
    else:
        data = None  # the user's own data: a lesson cannot open it
    step = studio.stepper.current_step()
    e, explanation = studio.explain.choice, studio.explain.explanation
    explained: tuple[str | int, ...] | None = None
    if e is not None and e.step is None and explanation is not None and explanation.weight:
        layer = explanation.weight[0]
        explained = ("weight", layer, e.row + 1, e.col + 1)
    elif e is not None and e.view is not None and step is not None:
        view = "result" if e.view < 0 else step.operands[e.view].name
        explained = (view, e.row + 1, e.col + 1)
    return Snapshot(
        data, tuple(ds.plane.features) if ds.plane is not None else None, net.dims, net.activations,
        (net.init, net.seed, net.loss), (h.learning_rate, h.iterations, h.batch_size, h.l2),
        net.iterations_trained, studio.stepper.mode,
        None if model.sample.picture is not None else model.sample.index,
        None if step is None else (step.equation.key.split("-")[0], step.layer), explained,
        studio.timeline.cursor, tuple(_twin(t, model) for t in studio.runs.twins),
        studio.presentation.stage if studio.presentation.presenting else None)


def _twin(twin: TwinRun, model: NetworkModel) -> tuple[str, ...]:
    """A twin as the settings its fork changed, in the fork dialog's order."""
    t, h = twin.model.network, twin.model.hyper
    net, main = model.network, model.hyper
    out: list[str] = []
    if h.learning_rate != main.learning_rate:
        out.append(f"learning_rate={h.learning_rate:g}")
    if t.init != net.init:
        out.append(f"init={t.init}")
    if t.activations[:-1] != net.activations[:-1]:
        out.append(f"activation={t.activations[0]}")
    if h.batch_size != main.batch_size:
        out.append(f"batch_size={h.batch_size or 'full'}")
    if h.l2 != main.l2:
        out.append(f"l2={h.l2:g}")
    return tuple(out)


def actions_between(before: Snapshot | None, now: Snapshot) -> list[str]:
    """The lines that take a studio from ``before`` (None: a fresh one) to ``now``."""
    b = before
    lines: list[str] = []
    def changed(field: str, fresh: object = ...) -> bool:
        """Whether ``field`` moved since the beat before (the first beat: from ``fresh``, what a
        new studio shows; ... for what it must say in any case)."""
        if b is None:
            return fresh is ... or bool(getattr(now, field) != fresh)
        return bool(getattr(b, field) != getattr(now, field))
    rebuilt = False
    if changed("data"):
        lines.append(f"data {now.data}" if now.data else "# the data set is a file of your own")
        rebuilt = True
    if now.features is not None and changed("features"):
        lines.append("features " + ",".join(now.features))
        rebuilt = True
    if changed("dims") or changed("activations") or rebuilt:
        lines.append("layers " + ",".join(map(str, now.dims)))
        for l, (act, default) in enumerate(zip(now.activations, default_activations(now.dims)), 1):
            if act != default:
                lines.append(f"activation {l} {act}")
        rebuilt = True
    if changed("network"):
        init, seed, loss = now.network
        lines.append(f"network init={init} seed={seed} loss={loss}")
        rebuilt = True
    if changed("hyper"):
        rate, iterations, batch, l2 = now.hyper
        lines.append(f"set learning_rate={rate:g} iterations={iterations} "
                     f"batch_size={batch or 'full'} l2={l2:g}")
    if now.iterations and (rebuilt or changed("iterations")):
        if b is not None and not rebuilt and now.iterations < b.iterations:
            lines.append(f"# back to iteration {now.iterations}: choose the network again, then")
        lines.append(f"train to {now.iterations}")
    if b is not None and b.twins and not now.twins:
        lines.append("twins remove")
    known = 0 if b is None or not now.twins[:len(b.twins)] == b.twins else len(b.twins)
    lines += ["fork " + " ".join(settings) for settings in now.twins[known:]]
    if changed("cursor", None):
        lines.append("cursor now" if now.cursor is None else f"cursor {now.cursor}")
    if changed("mode"):
        lines.append(f"step mode {now.mode}")
    if now.sample is not None and changed("sample", 0):
        lines.append(f"sample {now.sample + 1}")
    if now.step is None and b is not None and b.step is not None:
        lines.append("step start")
    elif now.step is not None and (changed("step") or changed("mode") or changed("sample")
                                   or rebuilt):
        lines.append("step {} layer {}".format(*now.step))
    if now.explained is not None and (changed("explained", None) or changed("step")):
        lines.append("explain " + " ".join(map(str, now.explained)))
    if changed("stage", None):
        lines.append("present off" if now.stage is None else f"stage {now.stage}")
    return lines


class LessonRecorder:
    """Beats recorded from ``studio``: ``beat()`` keeps what changed since the last one."""

    def __init__(self, studio: Studio):
        self.studio = studio
        self.beats: list[list[str]] = []
        self._last: Snapshot | None = None

    def beat(self) -> list[str]:
        now = snapshot(self.studio)
        lines = actions_between(self._last, now)
        self._last = now
        self.beats.append(lines)
        return lines

    def text(self) -> str:
        """The lesson file, every action checked by the parser as any teacher's would be."""
        en, zh = PLACEHOLDER
        parts = [f"# {TITLE}", "", f"## {CHAPTER}", ""]
        for k, lines in enumerate(self.beats, start=1):
            parts += [f"### Beat {k} | 第 {k} 步", "", "en:", en, "", "zh:", zh, ""]
            if lines:
                parts += ["```actions", *lines, "```", ""]
        text = "\n".join(parts)
        parse_lesson(text, "recorded.md")  # LessonError if a line is not a lesson's
        return text
