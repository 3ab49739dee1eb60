"""Errors meant for the user: a message template and its values, translated by the GUI.

Core never imports Qt, yet its messages must appear in English and Chinese. So each one is a
template marked with QT_TRANSLATE_NOOP("core", …) — a no-op here that pyside6-lupdate finds by its
name — plus named values; str() gives the English text (the command line prints that), and the
GUI translates the template (session/messages.py).
"""

from __future__ import annotations

from typing import Callable, Sequence

SHOWN_NAMES = 5  # a message lists at most this many names from a file…
SHOWN_NAME_CHARS = 40  # …each cut to this many characters


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


def _rebuild(cls: type[UserMessage], template: str, values: dict[str, object]) -> UserMessage:
    return cls(template, **values)


class UserMessage(Exception):
    def __init__(self, template: str, **values: object) -> None:
        self.template, self.values = template, values
        super().__init__(template.format(**{k: str(v) for k, v in values.items()}))

    def __reduce__(self) -> tuple[Callable[..., UserMessage], tuple[object, ...]]:
        # keyword values survive pickling (records cross a process boundary)
        return _rebuild, (type(self), self.template, self.values)


def shown_names(names: Sequence[str]) -> str:
    """Names from a file as a message lists them: ['a', 'b'] as Python writes a list, but at most
    SHOWN_NAMES of them, each cut short, and how many there are (a model with a million class
    names made a message of a million names)."""
    def one(name: str) -> str:
        return repr(name if len(name) <= SHOWN_NAME_CHARS else name[:SHOWN_NAME_CHARS] + "…")
    shown = ", ".join(one(n) for n in names[:SHOWN_NAMES])
    if len(names) > SHOWN_NAMES:
        shown += f", … {len(names):,} in all"
    return f"[{shown}]"
