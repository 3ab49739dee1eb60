"""The building blocks of a lesson's lines: its faults (one a line) and the error that lists
them all, text in two languages, and the typed words of an action or a question (whole numbers,
numbers, keys of core's tables, layer sizes, a file in the lesson's folder, name=value settings).

A slot parses one word (or the rest of a line) into a value and formats it back, so a recorded
action writes the line that reads back to it; when it refuses a word it says what it takes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Generic, Iterable, TypeVar

from .equations import TABLE
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .network import (MAX_HIDDEN_LAYERS, NetworkError, check_editable, default_activations,
                      validate_settings)
from .plane import PlaneError, check_features

# A lesson waits while the app trains: beyond this a class would wait for minutes, so more is a
# mistake (or a hostile file), refused before anything runs.
MAX_ITERATIONS = 100_000
MAX_LAYER = MAX_HIDDEN_LAYERS + 1  # L: the output layer of the deepest network the editor builds
# rows, columns, samples and pictures: far beyond any data set a lesson opens, far below absurd
MAX_INDEX = 10_000_000
SHOWN_CHARS = 40  # what a message quotes of a bad word (a 4,000-character name is not repeated)
SHOWN_FAULTS = 30  # faults a message lists; LessonError.faults holds every one
LANGUAGES = ("en", "zh_CN")


class LessonFault(UserMessage, ValueError):
    """One fault of a lesson, "line N: …"; its line is ``values["line"]``."""

    @property
    def line(self) -> int:
        line = self.values.get("line", 0)  # fault() gives it, a whole number
        return line if isinstance(line, int) else 0


def _rebuild_error(cls: type[LessonError], template: str, values: dict[str, object],
                   faults: tuple[LessonFault, ...]) -> LessonError:
    error = cls(template, **values)
    error.faults = faults
    return error


class LessonError(UserMessage, ValueError):
    """A lesson that cannot be used, as one message naming the file and every fault by line;
    ``faults`` holds them one by one (LessonFault), e.g. for a checker's one line per fault."""

    faults: tuple[LessonFault, ...] = ()

    @classmethod
    def listing(cls, name: str, faults: Iterable[LessonFault]) -> LessonError:
        faults = tuple(sorted(faults, key=lambda f: f.line))
        listed: UserMessage = faults[0]
        for fault in faults[1:SHOWN_FAULTS]:
            listed = UserMessage(QT_TRANSLATE_NOOP("core", "{a}; {b}"), a=listed, b=fault)
        if len(faults) > SHOWN_FAULTS:
            listed = UserMessage(QT_TRANSLATE_NOOP("core", "{a}; and {n} more"), a=listed,
                                 n=len(faults) - SHOWN_FAULTS)
        error = cls(QT_TRANSLATE_NOOP("core", "{name}: {faults}"), name=name, faults=listed)
        error.faults = faults
        return error

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(f.line for f in self.faults)

    def __reduce__(self) -> tuple[Callable[..., LessonError], tuple[object, ...]]:
        # the faults survive pickling, as the message's values do
        return _rebuild_error, (type(self), self.template, self.values, self.faults)


def fault(line: int, template: str, **values: object) -> LessonFault:
    """``template`` (which starts "line {line}: ") as a fault of that line."""
    return LessonFault(template, line=line, **values)


_CODE_SPAN = re.compile(r"`[^`]*`")
# a tag as Markdown renderers take one (a < b is no tag), a comment or a declaration
_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<[!?]")


def markup_fault(line: int, text: str) -> LessonFault | None:
    """HTML or a Markdown picture in ``text`` (code spans aside), which a lesson's text never
    holds: the pane shows Markdown, and a picture is an action."""
    checked = _CODE_SPAN.sub("", text)
    if _HTML.search(checked) or "![" in checked:
        return fault(line, QT_TRANSLATE_NOOP("core", "line {line}: HTML and pictures are no part of "
                                             "a lesson's text; write Markdown, and show a picture "
                                             "with the action 'picture FILE'"))
    return None


def shown(text: object) -> str:
    """A user's word as a message quotes it: in quotes, cut short when long."""
    text = str(text)
    return repr(text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…")


@dataclass(frozen=True)
class Bilingual:
    """A text in English and Simplified Chinese; either may be empty, and then the other shows."""

    en: str = ""
    zh: str = ""

    def text(self, language: str) -> str:
        mine, other = (self.zh, self.en) if language.startswith("zh") else (self.en, self.zh)
        return mine or other

    @classmethod
    def from_line(cls, text: str, same: bool = False) -> "Bilingual":
        """"English | 中文": the first | divides ("| 中文" has no English). Without one the text
        is English, or with ``same`` both languages' (an option such as 5×209)."""
        en, bar, zh = (part.strip() for part in text.partition("|"))
        return cls(en, zh if bar else en if same else "")

    def to_line(self, same: bool = False) -> str:
        """The line from_line reads back to this text."""
        if same and self.en == self.zh:
            return self.en
        return f"{self.en} | {self.zh}".strip() if self.zh or same else self.en

    @property
    def missing(self) -> tuple[str, ...]:
        """The languages (of LANGUAGES) without text while the other has some."""
        if bool(self.en) == bool(self.zh):
            return ()
        return ("zh_CN",) if self.en else ("en",)


class BadWord(Exception):
    """A slot refused ``word``: ``need`` says what it takes, or with ``reason`` why not;
    ``setting`` names the setting of a set/fork line."""

    def __init__(self, need: UserMessage, word: str = "", setting: str = "", reason: bool = False):
        super().__init__(need, word)
        self.need, self.word, self.setting, self.reason = need, word, setting, reason


# ----- slots: the typed arguments ----------------------------------------------------------------

T = TypeVar("T")


class Slot(Generic[T]):
    """A typed argument: ``parse`` reads a word (with ``rest``: the rest of the line) or raises
    BadWord, ``format`` writes the value back, ``word`` names it in a usage line."""

    word = "X"
    rest = False

    def parse(self, text: str) -> T:
        raise NotImplementedError

    def format(self, value: T) -> str:
        return str(value)


_WHOLE = re.compile(r"\d{1,12}")  # digits only, so int() never meets a 5,000-digit number
_REAL = re.compile(r"[+-]?(\d{1,15}(\.\d{0,15})?|\.\d{1,15})([eE][+-]?\d{1,3})?")


def number_text(value: float) -> str:
    """A number as a lesson writes it: 5, 0.0075, 1e-05 (repr, so it reads back exactly)."""
    text = repr(float(value)) if isinstance(value, float) else str(value)
    return text[:-2] if text.endswith(".0") else text


@dataclass(frozen=True)
class Whole(Slot[int]):
    low: int
    high: int
    word: str = "N"  # how the usage line names it

    def parse(self, text: str) -> int:
        if _WHOLE.fullmatch(text) and self.low <= int(text) <= self.high:
            return int(text)
        raise BadWord(self.need())

    def need(self) -> UserMessage:
        return UserMessage(QT_TRANSLATE_NOOP("core", "a whole number from {low} to {high}"),
                           low=f"{self.low:,}", high=f"{self.high:,}")


@dataclass(frozen=True)
class Real(Slot[float]):
    low: float  # excluded when ``above``
    high: float
    above: bool = True
    word: str = "X"

    def parse(self, text: str) -> float:
        if _REAL.fullmatch(text):
            v = float(text)
            if (v > self.low if self.above else v >= self.low) and v <= self.high:
                return v
        raise BadWord(self.need())

    def need(self) -> UserMessage:
        template = (QT_TRANSLATE_NOOP("core", "a number above {low} and at most {high}") if self.above
                    else QT_TRANSLATE_NOOP("core", "a number from {low} to {high}"))
        return UserMessage(template, low=number_text(self.low), high=number_text(self.high))

    def format(self, value: float) -> str:
        return number_text(value)


@dataclass(frozen=True)
class OneOf(Slot[str]):
    """A key of one of core's tables (or a few words); ``names`` maps other spellings (a stage's
    number) to the key."""

    keys: tuple[str, ...]
    word: str = "NAME"
    names: tuple[tuple[str, str], ...] = ()

    def parse(self, text: str) -> str:
        text = dict(self.names).get(text, text)
        if text in self.keys:
            return text
        raise BadWord(UserMessage(QT_TRANSLATE_NOOP("core", "one of {known}"),
                                  known=", ".join(self.keys)))


@dataclass(frozen=True)
class Either(Slot[int | str | None]):
    """A whole number or one of a few words (``activation hidden …``, ``batch_size=full``)."""

    number: Whole
    words: tuple[str, ...]
    none_word: str = ""  # the word that stands for None (the full batch)
    word: str = "N"

    def parse(self, text: str) -> int | str | None:
        if text in self.words:
            return None if text == self.none_word else text
        try:
            return self.number.parse(text)
        except BadWord:
            raise BadWord(UserMessage(QT_TRANSLATE_NOOP("core", "{number} or {words}"),
                                      number=self.number.need(), words=", ".join(self.words))) from None

    def format(self, value: int | str | None) -> str:
        return self.none_word if value is None else str(value)


def _step_name(key: str) -> str:
    """A table key as a lesson says it: "loss-bce" → "loss", "1b-fused" → "1b"."""
    return key.split("-")[0]


def _step_keys() -> dict[str, tuple[str, ...]]:
    keys: dict[str, tuple[str, ...]] = {}
    for key in TABLE:
        keys[_step_name(key)] = keys.get(_step_name(key), ()) + (key,)
    return {**keys, **{key: (key,) for key in TABLE if key not in keys}}


# step name → the table's keys it may be (the runner takes the one this network's steps have);
# a full key ("1a-bce") is a name too
STEP_KEYS: dict[str, tuple[str, ...]] = _step_keys()
# the steps that need "layer L": their formula has a layer of its own (the rest are layer L's)
LAYERED_STEPS = frozenset(name for name, keys in STEP_KEYS.items()
                          if any("{l}" in TABLE[k].formula[1] for k in keys))


def _view_pattern(template: str) -> str:
    return re.sub(r"\\\{[lpnL]\\\}", r"(\\d{1,2})", re.escape(template))


# The names a step's matrices carry (the equation table's operands and results, in both
# notations), each as a pattern with the layer numbers left open: what ``explain VIEW`` accepts.
VIEW_NAMES = re.compile("|".join(sorted({
    _view_pattern(name) for e in TABLE.values()
    for names in (*e.operands, e.result) for name in (names if isinstance(names, tuple) else (names,))
}, key=len, reverse=True)))
# ASCII a teacher can type for the table's symbols
VIEW_SPELLINGS = (("sigma'", "σ′"), ("σ'", "σ′"), ("delta", "δ"), ("^T", "ᵀ"), ("dL/d", "∂L/∂"),
                  ("grad_a L", "∇ₐL"), ("L(i)", "L⁽ⁱ⁾"))


@dataclass(frozen=True)
class StepName(Slot[str]):
    word: str = "KEY"

    def parse(self, text: str) -> str:
        if text in STEP_KEYS:
            return text
        raise BadWord(UserMessage(QT_TRANSLATE_NOOP("core", "a step of the equation table: {known}"),
                                  known=", ".join(k for k in STEP_KEYS if "-" not in k)))


@dataclass(frozen=True)
class ViewName(Slot[str]):
    word: str = "VIEW"

    def parse(self, text: str) -> str:
        if text == "result":
            return text
        for ascii_, symbol in VIEW_SPELLINGS:
            text = text.replace(ascii_, symbol)
        match = VIEW_NAMES.fullmatch(text)
        if match and all(int(n) <= MAX_LAYER for n in match.groups() if n is not None):
            return text
        raise BadWord(UserMessage(QT_TRANSLATE_NOOP(
            "core", "result or the name of one of the step's matrices, such as dW[1] or A[0]")))


@dataclass(frozen=True)
class Dims(Slot[tuple[int, ...]]):
    """The layer sizes from the input to the output: 3,2,1 (or 12288–20–7–5–1)."""

    word: str = "N0,N1,…,NL"
    rest: bool = True

    def parse(self, text: str) -> tuple[int, ...]:
        parts = [p.strip() for p in re.split(r"[,\-–]", text)]
        if len(parts) < 2 or not all(_WHOLE.fullmatch(p) and 1 <= int(p) <= MAX_INDEX for p in parts):
            raise BadWord(UserMessage(QT_TRANSLATE_NOOP(
                "core", "the layer sizes from the input to the output, such as 3,2,1")))
        dims = tuple(int(p) for p in parts)
        try:
            validate_settings(dims, default_activations(dims), "bce", "lecun", "float64")
            check_editable(dims)
        except NetworkError as e:
            raise BadWord(e, reason=True) from None
        return dims

    def format(self, value: tuple[int, ...]) -> str:
        return ",".join(str(n) for n in value)


@dataclass(frozen=True)
class Features(Slot[tuple[str, ...]]):
    word: str = "F1, F2, …"
    rest: bool = True

    def parse(self, text: str) -> tuple[str, ...]:
        try:
            return check_features(p.strip() for p in text.split(","))
        except PlaneError as e:
            raise BadWord(e, reason=True) from None

    def format(self, value: tuple[str, ...]) -> str:
        return ", ".join(value)


_FILE_PART = re.compile(r"[\w\-. ()+]{1,100}")


@dataclass(frozen=True)
class LessonFile(Slot[str]):
    """A file in the lesson's folder or below it: a relative path of plain names, never '..',
    absolute, a drive or a URL (the runner resolves it and refuses links out of the folder)."""

    word: str = "FILE"
    rest: bool = True

    def parse(self, text: str) -> str:
        parts = text.split("/")
        if len(text) <= 255 and all(_FILE_PART.fullmatch(p) and p.strip(". ") for p in parts):
            return text
        raise BadWord(UserMessage(QT_TRANSLATE_NOOP(
            "core", "a file in the lesson's folder, such as photos/cat.jpg")))


# (setting, value) pairs in the order the slots name them
SettingValues = tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class Settings(Slot[SettingValues]):
    """name=value pairs, at least one, each name once; ``spellings`` maps other names (alpha)
    to the canonical one."""

    slots: tuple[tuple[str, Slot[Any]], ...]  # each setting's own kind of value
    spellings: tuple[tuple[str, str], ...] = ()
    word: str = "NAME=VALUE …"
    rest: bool = True

    def parse(self, text: str) -> SettingValues:
        slots, names = dict(self.slots), dict(self.spellings)
        given: dict[str, object] = {}
        pairs = re.sub(r"\s*=\s*", "=", text).split()
        for pair in pairs:
            name, _, value = pair.partition("=")
            name = names.get(name, name)
            if name not in slots or name in given or not value:
                raise BadWord(UserMessage(QT_TRANSLATE_NOOP(
                    "core", "{given} is not a setting name=value named once; the names are {known}"),
                    known=", ".join(slots), given=shown(pair)), reason=True)
            try:
                given[name] = slots[name].parse(value)
            except BadWord as bad:
                raise BadWord(bad.need, value, setting=name) from None
        if not given:
            raise BadWord(UserMessage(QT_TRANSLATE_NOOP(
                "core", "at least one setting name=value, named {known}"), known=", ".join(slots)))
        return tuple((name, given[name]) for name in slots if name in given)

    def format(self, value: SettingValues) -> str:
        slots = dict(self.slots)
        return " ".join(f"{name}={slots[name].format(v)}" for name, v in value)


