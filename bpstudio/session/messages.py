"""Core's messages in the user's language: the template through Qt's translator, values too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core.messages import UserMessage


def translated(error: BaseException) -> str:
    """The message of ``error`` as the user reads it, nested messages translated as well."""
    if not isinstance(error, UserMessage):
        return str(error)
    values = {k: translated(v) if isinstance(v, BaseException) else str(v)
              for k, v in error.values.items()}
    return QCoreApplication.translate("core", error.template).format(**values)


def core_text(text: str) -> str:
    """A plain template of core's (a title, a name) in the user's language."""
    return QCoreApplication.translate("core", text)


def capital(text: str) -> str:
    """A clause that begins a line: a capital first letter where its script has one (a Latin
    one: σ′ stays σ′, never Σ′), and no full stop added."""
    return text[:1].upper() + text[1:] if text[:1].isascii() else text


def sentence(text: str) -> str:
    """A clause as a sentence: a capital first letter (a Latin one: σ′ stays σ′, never Σ′) and
    the full stop of its script."""
    if text[:1].isascii():
        text = text[:1].upper() + text[1:]
    if not text or text[-1] in ".。!?！？":
        return text
    return text + ("。" if any("\u2e80" <= c <= "\u9fff" for c in text) else ".")
