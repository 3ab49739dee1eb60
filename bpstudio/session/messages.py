"""Core's messages in the user's language: the template through Qt's translator, values too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core.datasets import BUILTIN, Dataset
from ..core.h5data import CAT_CLASSES
from ..core.messages import QT_TRANSLATE_NOOP, UserMessage, shown_values

# the cat data's own class names (its files' list_classes), as the window says them; a user's
# own class names (an image folder's, a model's) are shown as they were given
CAT_CLASS_NAMES = {"non-cat": QT_TRANSLATE_NOOP("core", "non-cat"),
                   "cat": QT_TRANSLATE_NOOP("core", "cat")}


def translated(error: BaseException) -> str:
    """The message of ``error`` as the user reads it, nested messages translated as well."""
    if not isinstance(error, UserMessage):
        return str(error)
    values = {k: translated(v) if isinstance(v, BaseException) else shown_values({k: v})[k]
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


def sentences(*parts: str) -> str:
    """Sentences one after another: a space after an English one, none after a Chinese one
    (its full stop is the gap)."""
    out = ""
    for part in parts:
        if out and part and not out.endswith(("。", "！", "？", "；", "：")):
            out += " "
        out += part
    return out


def dataset_name(dataset: Dataset) -> str:
    """A data set as the window names it: a built-in one by its title in the user's language
    ("Three features (3–2–1 network)"), any other by its file's or folder's name."""
    return core_text(BUILTIN[dataset.builtin][1]) if dataset.builtin else dataset.name


def class_names(dataset: Dataset) -> tuple[str, ...]:
    """The names of classes 0 and 1 as the window shows them: the cat data's in the user's
    language (猫 / 非猫), any other data's as given."""
    if is_cat_data(dataset):
        return tuple(core_text(CAT_CLASS_NAMES[c]) for c in dataset.classes)
    return tuple(dataset.classes)


def is_cat_data(dataset: Dataset) -> bool:
    """Read from the cat data's .h5 files, with their own class names."""
    return (tuple(dataset.classes) == CAT_CLASSES and bool(dataset.files)
            and all(f.lower().endswith((".h5", ".hdf5")) for f in dataset.files))
