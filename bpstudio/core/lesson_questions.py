"""Predict, then reveal: a lesson's questions, the app quantities that answer them, checking an
answer, matching a quoted number, and the CSV of a class's answers.

A question names the QUANTITY of the app whose value is its answer (``cost``, ``W[1][2,3]``,
``step result shape``, …), from the table ``QUANTITIES``; the runner evaluates it after the
beat's actions have run. Names and indices are checked here, their existence in the network by
the runner. Indices are 1-based, as the app shows rows, columns and samples; layers are the
tutorial's (A[0] is the input).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, NamedTuple

from .lesson_answers import (DEFAULT_TOLERANCE, AppValue, Tolerance, matches, plain, read_number,
                             read_shape, read_sign, shape_text, value_text)
from .lesson_slots import (MAX_INDEX, MAX_ITERATIONS, MAX_LAYER, BadWord, Bilingual, LessonFault,
                           Real, Whole, fault, markup_fault, shown)
from .messages import QT_TRANSLATE_NOOP, UserMessage

KINDS = ("shape", "sign", "number", "choice")
MAX_OPTIONS = 10
MAX_TOLERANCE = 1e6  # beyond any value a lesson asks about


@dataclass(frozen=True)
class QuantitySpec:
    """A quantity a question or a quoted number may name: with ``layered`` it takes [l] (from
    ``first_layer``); ``cell`` names its 1-based indices (a matrix: [j,k] picks a number, and
    "shape" asks for its shape); ``timed`` ones take "at ITERATION" (the run's record then)."""

    name: str
    meaning: str  # translatable, for the docs and a checker
    layered: bool = False
    cell: tuple[str, ...] = ()
    timed: bool = False
    first_layer: int = 1


QUANTITIES: dict[str, QuantitySpec] = {q.name: q for q in (
    QuantitySpec("cost", QT_TRANSLATE_NOOP("core", "the cost C now (or at an iteration of the run)"),
                 timed=True),
    QuantitySpec("train accuracy", QT_TRANSLATE_NOOP("core", "the share of training samples classified "
                                                     "right, 0 to 1"), timed=True),
    QuantitySpec("test accuracy", QT_TRANSLATE_NOOP("core", "the share of test samples classified "
                                                    "right, 0 to 1"), timed=True),
    QuantitySpec("iterations", QT_TRANSLATE_NOOP("core", "the iterations the network has done")),
    QuantitySpec("output", QT_TRANSLATE_NOOP("core", "a[L], the network's output for the current "
                                              "sample")),
    QuantitySpec("prediction", QT_TRANSLATE_NOOP("core", "the class the network says for the current "
                                                  "sample, 1 or 0")),
    QuantitySpec("step result", QT_TRANSLATE_NOOP("core", "the current step's result"),
                 cell=("row", "col")),
    QuantitySpec("W", QT_TRANSLATE_NOOP("core", "the weights of layer l"), True, ("j", "k")),
    QuantitySpec("b", QT_TRANSLATE_NOOP("core", "the biases of layer l"), True, ("j",)),
    QuantitySpec("dW", QT_TRANSLATE_NOOP("core", "the weight gradient of layer l (等式3)"), True,
                 ("j", "k")),
    QuantitySpec("db", QT_TRANSLATE_NOOP("core", "the bias gradient of layer l (等式3)"), True, ("j",)),
    QuantitySpec("Z", QT_TRANSLATE_NOOP("core", "the weighted inputs of layer l, a column a sample"),
                 True, ("j", "i")),
    QuantitySpec("A", QT_TRANSLATE_NOOP("core", "the activations of layer l (A[0]: the inputs)"),
                 True, ("j", "i"), first_layer=0),
    QuantitySpec("dZ", QT_TRANSLATE_NOOP("core", "the error of layer l (等式1, 等式2)"), True,
                 ("j", "i")),
    QuantitySpec("dA", QT_TRANSLATE_NOOP("core", "the gradient of the cost by A[l]"), True, ("j", "i")),
)}

_QUANTITY = re.compile(r"(?P<name>[A-Za-z][A-Za-z ]*?)\s*(?P<brackets>(\[[^\[\]]*\]\s*)*)"
                       r"(?P<shape>\s*\bshape)?(\s+at\s+(?P<at>\S+))?")


@dataclass(frozen=True)
class Quantity:
    """A quantity named in full: ``W[1][2,3]`` is Quantity("W", 1, (2, 3)); ``A[0] shape`` is
    Quantity("A", 0, shape=True); ``cost at 100`` is Quantity("cost", at=100)."""

    name: str
    layer: int | None = None
    cell: tuple[int, ...] = ()
    shape: bool = False
    at: int | None = None

    @property
    def spec(self) -> QuantitySpec:
        return QUANTITIES[self.name]

    @property
    def answer(self) -> str:
        """What its value is: "shape" (a tuple of sizes) or "number"."""
        return "shape" if self.shape else "number"

    @property
    def text(self) -> str:
        layer = "" if self.layer is None else f"[{self.layer}]"
        cell = f"[{','.join(map(str, self.cell))}]" if self.cell else ""
        return (f"{self.name}{layer}{cell}" + (" shape" if self.shape else "")
                + ("" if self.at is None else f" at {self.at}"))


def parse_quantity(text: str, line: int = 0) -> Quantity:
    """The quantity ``text`` names; LessonFault naming the line when it names none."""
    match = _QUANTITY.fullmatch(text.strip())
    spec = QUANTITIES.get(match["name"]) if match else None
    try:
        if spec is None or match is None:
            raise BadWord(UserMessage(QT_TRANSLATE_NOOP("core", "the quantities are {known}"),
                                      known=", ".join(QUANTITIES)))
        brackets = re.findall(r"\[([^\[\]]*)\]", match["brackets"])
        layer = None
        if spec.layered:
            if not brackets:
                raise BadWord(UserMessage(QT_TRANSLATE_NOOP("core", "write its layer, as in {example}"),
                                          example=f"{spec.name}[1]"))
            layer = _index(brackets.pop(0), Whole(spec.first_layer, MAX_LAYER))
        cell = tuple(_index(p, Whole(1, MAX_INDEX)) for p in brackets[0].split(",")) if brackets else ()
        shape = bool(match["shape"])
        if not spec.cell and (brackets or shape):
            raise BadWord(UserMessage(QT_TRANSLATE_NOOP("core", "it is one number")))
        if len(brackets) > 1 or len(cell) != (0 if shape else len(spec.cell)):
            raise BadWord(UserMessage(QT_TRANSLATE_NOOP(
                "core", "write [{cell}] for one of its numbers, or shape for its shape"),
                cell=",".join(spec.cell)))
        at = None
        if match["at"] is not None:
            if not spec.timed:
                raise BadWord(UserMessage(QT_TRANSLATE_NOOP("core", "only cost and the accuracies "
                                                            "have a value 'at ITERATION'")))
            at = _index(match["at"], Whole(0, MAX_ITERATIONS))
        return Quantity(spec.name, layer, cell, shape, at)
    except BadWord as bad:
        raise fault(line, QT_TRANSLATE_NOOP("core", "line {line}: the quantity {text}: {why}"),
                    text=shown(text.strip()), why=bad.need) from None


def _index(text: str, whole: Whole) -> int:
    try:
        return whole.parse(text.strip())
    except BadWord as bad:
        raise BadWord(UserMessage(QT_TRANSLATE_NOOP("core", "{value} is not {need}"),
                                  value=shown(text.strip()), need=bad.need)) from None


# ----- questions -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Option:
    """A choice: its text (the same in both languages unless it has a Chinese one), whether it is
    the right one, or the value of the question's quantity it stands for."""

    text: Bilingual
    right: bool = False
    value: str | None = None

    def to_line(self) -> str:
        return (f"- [{'x' if self.right else ' '}] {self.text.to_line(same=True)}"
                + (f" => {self.value}" if self.value else ""))


@dataclass(frozen=True)
class Question:
    """A question of a beat. It is asked after the beat's first ``Beat.question_at`` actions have
    run and answered (the quantity evaluated) after the rest."""

    kind: str  # one of KINDS
    prompt: Bilingual
    quantity: Quantity | None = None
    tolerance: Tolerance | None = None  # number and sign questions; None: DEFAULT_TOLERANCE, 0
    options: tuple[Option, ...] = ()
    line: int = field(default=0, compare=False)
    file: str = field(default="", compare=False)

    def to_lines(self) -> list[str]:
        """The ```question block that parses back to this question."""
        out = ["```question", f"kind: {self.kind}"]
        out += [f"quantity: {self.quantity.text}"] if self.quantity else []
        out += [f"tolerance: {self.tolerance.text}"] if self.tolerance else []
        out += [f"en: {self.prompt.en}"] if self.prompt.en else []
        out += [f"zh: {self.prompt.zh}"] if self.prompt.zh else []
        return out + [o.to_line() for o in self.options] + ["```"]


_KEY_LINE = re.compile(r"(kind|quantity|tolerance|en|zh|zh_CN):\s*(.*)")
_OPTION_LINE = re.compile(r"-\s+(?:\[(?P<mark>[ xX])\]\s+)?(?P<text>.*?)(?:\s+=>\s*(?P<value>\S.*))?")


class _Given(NamedTuple):
    """A question's key line: where it is, and what follows the key."""

    line: int
    text: str


class _Numbered(NamedTuple):
    line: int
    option: Option


def parse_question(lines: list[tuple[int, str]], start: int,
                   file: str = "") -> tuple[Question | None, list[LessonFault]]:
    """A ```question block's lines (number, text; the block opens on line ``start``) into a
    Question, or None and its faults."""
    given: dict[str, _Given] = {}
    options: list[_Numbered] = []
    faults: list[LessonFault] = []
    for k, text in lines:
        text = text.strip()
        key, option = _KEY_LINE.fullmatch(text), _OPTION_LINE.fullmatch(text)
        if not text or text.startswith("#"):
            continue
        if markup := markup_fault(k, text):
            faults.append(markup)
        if "{{" in text:  # a reveal shows the app's own number
            faults.append(fault(k, QT_TRANSLATE_NOOP("core", "line {line}: quote numbers in a "
                                                     "beat's text, not in its question")))
        if key:
            name = "zh" if key[1] == "zh_CN" else key[1]
            if name in given:
                faults.append(fault(k, QT_TRANSLATE_NOOP("core", "line {line}: {key} a second time"),
                                    key=name + ":"))
            given[name] = _Given(k, key[2].strip())
        elif option:
            value = option["value"]
            if value is not None and read_shape(value) is None and read_number(value) is None:
                faults.append(fault(k, QT_TRANSLATE_NOOP("core", "line {line}: an option's value is "
                                                         "a number or a shape, not {value}"),
                                    value=shown(value)))
            options.append(_Numbered(k, Option(Bilingual.from_line(option["text"], same=True),
                                               option["mark"] in ("x", "X"), value)))
        else:
            faults.append(fault(k, QT_TRANSLATE_NOOP("core", "line {line}: a question has lines "
                                                     "kind:, quantity:, tolerance:, en:, zh: and "
                                                     "options '- [ ] …', not {text}"),
                                text=shown(text)))
    kind = given.get("kind", _Given(start, ""))
    if kind.text not in KINDS:
        faults.append(fault(kind.line, QT_TRANSLATE_NOOP("core", "line {line}: a question's kind is "
                                                         "one of {known}, not {kind}"),
                            known=", ".join(KINDS), kind=shown(kind.text)))
    quantity = tolerance = None
    if "quantity" in given:
        try:
            quantity = parse_quantity(given["quantity"].text, given["quantity"].line)
        except LessonFault as f:
            faults.append(f)
    if "tolerance" in given:
        k, text = given["tolerance"]
        try:
            tolerance = _tolerance(text, relative_allowed=kind.text == "number")
        except BadWord as bad:
            faults.append(fault(k, QT_TRANSLATE_NOOP("core", "line {line}: the tolerance is {need}, "
                                                     "not {value}"), need=bad.need, value=shown(text)))
    prompt = Bilingual(given.get("en", _Given(0, "")).text, given.get("zh", _Given(0, "")).text)
    if not (prompt.en or prompt.zh):
        faults.append(fault(start, QT_TRANSLATE_NOOP("core", "line {line}: a question needs its "
                                                     "words: en: … or zh: …")))
    faults += _fits(kind.text, start, quantity, "quantity" in given, given.get("tolerance"),
                    options)
    if faults:
        return None, faults
    return Question(kind.text, prompt, quantity, tolerance, tuple(o for _, o in options), start,
                    file), []


def _tolerance(text: str, relative_allowed: bool) -> Tolerance:
    relative = text.endswith("%")
    if relative and not relative_allowed:
        raise BadWord(Real(0, MAX_TOLERANCE, above=False).need())
    return Tolerance(Real(0, 100 if relative else MAX_TOLERANCE, above=False)
                     .parse(text[:-1].strip() if relative else text), relative)


def _fits(kind: str, line: int, quantity: Quantity | None, named: bool, tolerance: _Given | None,
          options: list[_Numbered]) -> list[LessonFault]:
    """What a question of ``kind`` needs: a quantity of its sort, options for a choice."""
    if kind not in KINDS:
        return []
    wants = {"shape": "shape", "sign": "number", "number": "number"}.get(kind)
    out: list[LessonFault] = []
    if wants and not named:
        out.append(fault(line, QT_TRANSLATE_NOOP("core", "line {line}: a {kind} question needs "
                                                 "quantity: (the app's number that answers it)"),
                         kind=kind))
    elif wants and quantity is not None and quantity.answer != wants:
        out.append(fault(line, QT_TRANSLATE_NOOP("core", "line {line}: a {kind} question needs a "
                                                 "quantity that is a {wants}, not {quantity}"),
                         kind=kind, wants=wants, quantity=quantity.text))
    if tolerance is not None and kind not in ("number", "sign"):
        out.append(fault(tolerance.line, QT_TRANSLATE_NOOP("core", "line {line}: only number and "
                                                           "sign questions have a tolerance")))
    if kind != "choice":
        if options:
            out.append(fault(options[0].line, QT_TRANSLATE_NOOP("core", "line {line}: only a "
                                                                "choice question has options")))
        return out
    right = [o for _, o in options if o.right]
    valued = [o for _, o in options if o.value is not None]
    if not 2 <= len(options) <= MAX_OPTIONS:
        out.append(fault(line, QT_TRANSLATE_NOOP("core", "line {line}: a choice has 2 to {max} "
                                                 "options, not {n}"), max=MAX_OPTIONS, n=len(options)))
    elif named and (right or len(valued) != len(options)):
        out.append(fault(line, QT_TRANSLATE_NOOP("core", "line {line}: with a quantity the app "
                                                 "decides: give every option its value '=> 1', "
                                                 "and mark none [x]")))
    elif not named and (len(right) != 1 or valued):
        out.append(fault(line, QT_TRANSLATE_NOOP("core", "line {line}: mark the one right option "
                                                 "'- [x] …' (or name a quantity: and give each "
                                                 "option its value)")))
    return out


# ----- answers ---------------------------------------------------------------------------------

def understood(question: Question, given: str) -> bool:
    """Whether ``given`` reads as an answer of the question's kind (else the pane asks again)."""
    readers: dict[str, Callable[[str], object]] = {
        "shape": read_shape, "sign": read_sign, "number": read_number,
        "choice": lambda g: _chosen(question, g)}
    read = readers[question.kind]
    return read(given) is not None


def _chosen(question: Question, given: str) -> Option | None:
    """The option a student chose: its number (1 is the first), its letter or its words."""
    t, options = plain(given), question.options
    if t.isdigit() and 1 <= int(t) <= len(options):
        return options[int(t) - 1]
    if len(t) == 1 and "a" <= t <= chr(ord("a") + len(options) - 1):
        return options[ord(t) - ord("a")]
    return next((o for o in options if t in (plain(o.text.en), plain(o.text.zh))), None)


def check_answer(question: Question, given: str, value: AppValue | None = None,
                 language: str = "en") -> tuple[bool, str]:
    """(right?, the answer as the reveal shows it, in ``language``) for what a student typed.
    ``value`` is the app's value of the question's quantity (a shape a tuple or "5×209"); only a
    choice without a quantity, whose right option is fixed, does without."""
    kind = question.kind
    if kind == "choice":
        right = next((o for o in question.options if o.right or (
            value is not None and o.value is not None and matches(o.value, value))), None)
        chosen = _chosen(question, given)
        shown_ = right.text.text(language) if right else value_text(value) if value is not None else ""
        return chosen is not None and chosen is right, shown_
    if kind == "shape":
        app = read_shape(value)
        return app is not None and read_shape(given) == app, shape_text(app or ())
    if value is None or isinstance(value, (tuple, list)):
        raise TypeError(f"a {kind} question's value is a number, not {value!r}")
    v = float(value)
    if kind == "sign":
        margin = question.tolerance.amount if question.tolerance else 0.0
        app_sign = 0 if abs(v) <= margin else (v > 0) - (v < 0)
        return read_sign(given) == app_sign and math.isfinite(v), value_text(v)
    g = read_number(given)
    tolerance = question.tolerance or DEFAULT_TOLERANCE
    return g is not None and math.isfinite(v) and tolerance.allows(g, v), value_text(v)
