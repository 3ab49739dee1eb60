"""Errors meant for the user: a message template and its values, translated by the GUI.

Core never imports Qt, yet its messages must appear in English and Chinese. So each one is a
template marked with QT_TRANSLATE_NOOP("core", …) — a no-op here that pyside6-lupdate finds by its
name — plus named values; str() gives the English text (the command line prints that), and the
GUI translates the template (session/messages.py).
"""

from __future__ import annotations

import unicodedata
from typing import Callable, Sequence

SHOWN_NAMES = 5  # a message lists at most this many names from a file…
SHOWN_NAME_CHARS = 40  # …each cut to this many characters


# explicit directional formatting: embeddings, overrides, isolates and their ends (a name holding
# U+202E turned the rest of the sentence it was put in backwards)
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
FSI, PDI = "\u2068", "\u2069"
_ISOLATES = frozenset("\u2066\u2067\u2068")


def isolated(name: str) -> str:
    """A name as it goes into a sentence: one holding directional controls or right-to-left
    letters is isolated (first strong isolate … pop directional isolate), which ends whatever it
    began; a pop of its own with nothing of its own to end is dropped (it would end the isolate
    early) and an isolate it leaves open is ended, so it never reorders the words around it. Any
    other name is returned as it is."""
    text = str(name)
    if not any(c in BIDI_CONTROLS or unicodedata.bidirectional(c) in ("R", "AL", "AN")
               for c in text):
        return text
    kept, open_isolates = [], 0
    for c in text:
        if c in _ISOLATES:
            open_isolates += 1
        elif c == PDI:
            if not open_isolates:
                continue
            open_isolates -= 1
        kept.append(c)
    return FSI + "".join(kept) + PDI * open_isolates + PDI  # its own isolates ended, then ours


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


def _rebuild(cls: type[UserMessage], template: str, values: dict[str, object]) -> UserMessage:
    return cls(template, **values)


class UserMessage(Exception):
    def __init__(self, template: str, **values: object) -> None:
        self.template, self.values = template, values
        super().__init__(template.format(**shown_values(values)))

    def __reduce__(self) -> tuple[Callable[..., UserMessage], tuple[object, ...]]:
        # keyword values survive pickling (records cross a process boundary)
        return _rebuild, (type(self), self.template, self.values)


def shown_values(values: dict[str, object]) -> dict[str, str]:
    """A message's values as its sentence shows them: each text isolated (a name from a file)."""
    return {k: isolated(v) if isinstance(v, str) else str(v) for k, v in values.items()}


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
