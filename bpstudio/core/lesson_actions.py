"""The actions of a lesson: a fixed vocabulary of one-line commands that set the app's state.

An action is data, never code: a line of a lesson's ```actions block is matched against the
table ``ACTIONS`` below, each of its arguments is parsed by a typed slot (lesson_slots.py) whose
keys come from core's own tables (data sets, presets, activations, initialisers, features, the
equation table, the comparisons), and anything else is refused with the line number. What
depends on the network (does layer 3 exist?) the runner checks; every Action keeps its file name
and line for that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, NamedTuple

from .activations import ACTIVATIONS
from .comparisons import COMPARISONS
from .datasets import BUILTIN
from .lesson_slots import (LAYERED_STEPS, MAX_INDEX, MAX_ITERATIONS, MAX_LAYER, Dims, Either, Features,
                           LessonFile, OneOf, Real, Settings, Slot, StepName, ViewName, Whole,
                           BadWord, fault, shown)
from .losses import LOSSES
from .messages import QT_TRANSLATE_NOOP
from .network import INITIALIZERS, MAX_SEED
from .presets import PRESETS
from .trainer import MAX_L2, MAX_LEARNING_RATE
from .vocabulary import HIGHLIGHTS, STAGES, STEP_MODES


CAT_DATA = "cat"  # the tutorial's cat / non-cat files, which the runner finds


# ----- the table of actions --------------------------------------------------------------------

class Arg(NamedTuple):
    """A slot of a pattern, named by the argument it fills."""

    name: str
    slot: Slot[Any]  # each argument its own kind of value


@dataclass(frozen=True)
class Maybe:
    """Words and slots that may follow (``layer L`` after a step's name)."""

    items: Pattern


# a pattern's items: literal words, arguments, a Maybe tail
Pattern = tuple["str | Arg | Maybe", ...]


@dataclass(frozen=True)
class ActionSpec:
    """One action: its name (what the runner dispatches on), its pattern (literal words, slots
    named by the argument they fill, a Maybe tail) and what it does, in a line."""

    name: str
    pattern: Pattern
    does: str

    @property
    def words(self) -> tuple[str, ...]:
        """The literal words it starts with."""
        out: list[str] = []
        for item in self.pattern:
            if not isinstance(item, str):
                break
            out.append(item)
        return tuple(out)

    @property
    def usage(self) -> str:
        def text(items: Pattern) -> str:
            return " ".join(i if isinstance(i, str) else i.slot.word if isinstance(i, Arg)
                            else f"[{text(i.items)}]" for i in items)
        return text(self.pattern)


_ITERATION = Whole(1, MAX_ITERATIONS, "ITERATION")
_LAYER = Whole(1, MAX_LAYER, "L")
_ROW, _COL = Whole(1, MAX_INDEX, "ROW"), Whole(1, MAX_INDEX, "COL")
_RATE = Real(0.0, MAX_LEARNING_RATE)
_BATCH = Either(Whole(1, MAX_INDEX), ("full",), none_word="full")
_L2 = Real(0.0, MAX_L2, above=False)
_INIT = OneOf(INITIALIZERS)
_RATE_SPELLINGS = (("alpha", "learning_rate"), ("α", "learning_rate"))

ACTIONS: dict[str, ActionSpec] = {s.name: s for s in (
    ActionSpec("data", ("data", Arg("name", OneOf((*BUILTIN, CAT_DATA), "NAME"))),
               "open a built-in data set, or the tutorial's cat data"),
    ActionSpec("preset", ("preset", Arg("key", OneOf(tuple(PRESETS), "KEY"))), "choose a preset"),
    ActionSpec("layers", ("layers", Arg("dims", Dims())), "set the layer sizes, input to output"),
    ActionSpec("activation", ("activation", Arg("layer", Either(_LAYER, ("hidden", "output"), word="L")),
                              Arg("name", OneOf(tuple(ACTIVATIONS)))),
               "set the activation of layer L (or of every hidden layer, or the output's)"),
    ActionSpec("set", ("set", Arg("settings", Settings((
        ("learning_rate", _RATE), ("iterations", _ITERATION), ("batch_size", _BATCH),
        ("l2", _L2)), _RATE_SPELLINGS))), "set hyper-parameters"),
    ActionSpec("network", ("network", Arg("settings", Settings((
        ("init", _INIT), ("seed", Whole(0, MAX_SEED)), ("loss", OneOf(tuple(LOSSES))))))),
               "draw the network afresh with this initialiser, seed or cost"),
    ActionSpec("features", ("features", Arg("features", Features())),
               "choose the playground's input features"),
    ActionSpec("train to", ("train", "to", Arg("iteration", _ITERATION)),
               "train until the network has done ITERATION iterations"),
    ActionSpec("train more", ("train", Arg("iterations", Whole(1, MAX_ITERATIONS, "ITERATIONS")), "more"),
               "train ITERATIONS more iterations"),
    ActionSpec("step mode", ("step", "mode", Arg("mode", OneOf(STEP_MODES, "sample|batch"))),
               "step one sample or the whole batch"),
    ActionSpec("step start", ("step", "start"), "go to the start of the iteration"),
    ActionSpec("step end", ("step", "end"), "go to the end of the iteration"),
    ActionSpec("step", ("step", Arg("key", StepName()), Maybe(("layer", Arg("layer", _LAYER)))),
               "go to a step of the tutorial's equations"),
    ActionSpec("sample", ("sample", Arg("index", Whole(1, MAX_INDEX))),
               "make training sample N the current sample (1 is the first)"),
    ActionSpec("test picture", ("picture", "test", Arg("index", Whole(1, MAX_INDEX))),
               "make picture N of the cat test set the current sample"),
    ActionSpec("picture", ("picture", Arg("file", LessonFile())),
               "make a picture from the lesson's folder the current sample"),
    ActionSpec("explain weight", ("explain", "weight", Arg("layer", _LAYER), Arg("row", Whole(1, MAX_INDEX, "J")),
                                  Arg("col", Whole(1, MAX_INDEX, "K"))),
               "explain the weight w_JK of layer L"),
    ActionSpec("explain", ("explain", Arg("view", ViewName()), Arg("row", _ROW), Arg("col", _COL)),
               "explain the number at ROW, COL of the current step's result or matrix VIEW"),
    ActionSpec("nudge", ("nudge",), "nudge the explained weight to measure the cost's slope"),
    ActionSpec("cursor now", ("cursor", "now"), "move the time cursor to the present"),
    ActionSpec("cursor", ("cursor", Arg("iteration", Whole(0, MAX_ITERATIONS, "ITERATION"))),
               "move the time cursor to an iteration of the run"),
    ActionSpec("fork", ("fork", Arg("settings", Settings((
        ("learning_rate", _RATE), ("init", _INIT), ("activation", OneOf(tuple(ACTIVATIONS))),
        ("batch_size", _BATCH), ("l2", _L2)), _RATE_SPELLINGS))),
               "fork a twin run with other settings (activation: its hidden layers')"),
    ActionSpec("compare", ("compare", Arg("key", OneOf(tuple(COMPARISONS), "KEY"))),
               "run a ready-made comparison"),
    ActionSpec("twins remove", ("twins", "remove"), "remove the twin runs"),
    ActionSpec("present off", ("present", "off"), "leave presentation mode"),
    ActionSpec("stage", ("stage", Arg("stage", OneOf(STAGES, "N|NAME", tuple(
        (str(n), s) for n, s in enumerate(STAGES, start=1))))),
               "presentation mode at stage N (1–5) or by its name"),
    ActionSpec("highlight", ("highlight", Arg("view", OneOf(HIGHLIGHTS, "VIEW"))), "point at a view"),
)}
# the specs with more literal words first: "step mode" is tried before "step KEY"
_BY_WORDS = sorted(ACTIONS.values(), key=lambda s: -len(s.words))


@dataclass(frozen=True)
class Action:
    """One action of a lesson: its ``name`` (a key of ACTIONS) and its arguments, typed, by name
    (``action["layer"]``; an optional one absent is None). File and line say where it was written,
    for the runner's messages; they take no part in equality."""

    name: str
    args: tuple[tuple[str, object], ...] = ()
    line: int = field(default=0, compare=False)
    file: str = field(default="", compare=False)

    # an argument's value is of its slot's type (ACTIONS says which): Any, for the runner
    def __getitem__(self, key: str) -> Any:
        return dict(self.args)[key]

    def get(self, key: str, default: object = None) -> Any:
        return dict(self.args).get(key, default)

    @property
    def spec(self) -> ActionSpec:
        return ACTIONS[self.name]

    def to_line(self) -> str:
        """The canonical line that parses back to this action."""
        args = dict(self.args)

        def text(items: Pattern) -> list[str]:
            out: list[str] = []
            for item in items:
                if isinstance(item, str):
                    out.append(item)
                elif isinstance(item, Maybe):
                    if all(args.get(arg.name) is not None for arg in item.items
                           if isinstance(arg, Arg)):
                        out += text(item.items)
                else:
                    out.append(item.slot.format(args[item.name]))
            return out
        return " ".join(text(self.spec.pattern))


def parse_action(text: str, line: int = 0, file: str = "") -> Action:
    """The action a line says; LessonFault naming the line when it says none."""
    tokens = text.split()
    candidates = [s for s in _BY_WORDS if tuple(tokens[:len(s.words)]) == s.words]
    if not tokens or not any(s.words[0] == tokens[0] for s in _BY_WORDS):
        first = tokens[0] if tokens else ""
        raise fault(line, QT_TRANSLATE_NOOP("core", "line {line}: unknown action {word}; the "
                                            "actions are {known}"),
                    word=shown(first), known=", ".join(dict.fromkeys(s.words[0] for s in ACTIONS.values())))
    # a known first word but no form fits ("twins"): the usage line says how it is written
    spec = candidates[0] if candidates else next(s for s in _BY_WORDS if s.words[0] == tokens[0])
    args: list[tuple[str, object]] = []
    try:
        end = _match(spec.pattern, tokens, args)
    except _Mismatch:
        end = -1
    except BadWord as bad:
        said = shown(f"{spec.name} {bad.setting}" if bad.setting else spec.name)
        if bad.reason:
            raise fault(line, QT_TRANSLATE_NOOP("core", "line {line}: {action}: {why}"),
                        action=said, why=bad.need) from None
        raise fault(line, QT_TRANSLATE_NOOP("core", "line {line}: {action} needs {need}, not {value}"),
                    action=said, need=bad.need, value=shown(bad.word)) from None
    if end != len(tokens):
        usages = [s.usage for s in _BY_WORDS if s.words[0] == spec.words[0]]
        raise fault(line, QT_TRANSLATE_NOOP("core", "line {line}: write {usage}, not {text}"),
                    usage=" or ".join(repr(u) for u in usages), text=shown(text.strip()))
    action = Action(spec.name, tuple(args), line, file)
    if action.name == "step" and action["key"] in LAYERED_STEPS and action.get("layer") is None:
        raise fault(line, QT_TRANSLATE_NOOP("core", "line {line}: step {key} needs its layer, "
                                            "e.g. 'step {key} layer 1'"), key=action["key"])
    return action


class _Mismatch(Exception):
    """The line is not written as the pattern says: a word missing, another word, too short."""


def _match(pattern: Pattern, tokens: list[str], args: list[tuple[str, object]], at: int = 0) -> int:
    """Fill ``args`` from ``tokens[at:]`` along ``pattern``; the index after what it took."""
    for item in pattern:
        if isinstance(item, str):
            if at >= len(tokens) or tokens[at] != item:
                raise _Mismatch
            at += 1
        elif isinstance(item, Maybe):
            if at < len(tokens) and tokens[at] == item.items[0]:
                at = _match(item.items, tokens, args, at)
        else:
            name, slot = item
            if slot.rest:  # the rest of the line, spaces and all
                word, at = " ".join(tokens[at:]), len(tokens)
            elif at < len(tokens):
                word, at = tokens[at], at + 1
            else:
                raise _Mismatch
            try:
                args.append((name, slot.parse(word)))
            except BadWord as bad:
                raise BadWord(bad.need, bad.word or word, bad.setting, bad.reason) from None
    return at
