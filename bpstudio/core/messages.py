"""Errors meant for the user: a message template and its values, translated by the GUI.

Core never imports Qt, yet its messages must appear in English and Chinese. So each one is a
template marked with QT_TRANSLATE_NOOP("core", …) — a no-op here that pyside6-lupdate finds by its
name — plus named values; str() gives the English text (the command line prints that), and the
GUI translates the template (session/messages.py).
"""

from __future__ import annotations

from typing import Callable


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
