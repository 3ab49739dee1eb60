"""A name is text, never markup (issue 33): the one home for how the views show a string that
comes from a file, a path or the user (a class name, a picture's or a folder's name, a twin run's,
a lesson's or a model's name).

A name put into a sentence is ``isolated`` (core/messages.py): its own directional controls (a
U+202E in a file's name turned the rest of the sentence backwards) are dropped, and a
right-to-left name is isolated so that it never reorders the words around it.

Qt guesses: a label or a tooltip whose text looks like rich text is rendered as HTML, so a class
name holding ``<img src="/dev/zero">`` would make Qt read that file. Every label of the window shows
plain text (``plain_labels``; a label made later, or one that is rich text on purpose, says its
format itself and puts each name in with ``in_rich_text``), every tooltip that holds a name goes
through ``tip``, and a name on a button or a menu entry through ``as_label_text``.
"""

from __future__ import annotations

import html

from ..core.messages import isolated

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["as_label_text", "in_rich_text", "isolated", "plain_labels", "tip"]


def in_rich_text(text: str) -> str:
    """``text`` inside rich text (a label that is rich on purpose, the explain pane, a plot's
    legend): its characters, never its markup; a line break stays one."""
    return html.escape(isolated(text)).replace("\n", "<br>")


def tip(text: str) -> str:
    """A tooltip that shows ``text`` as written: Qt takes a tooltip that looks like rich text for
    HTML, so such a one is handed over as the HTML of its plain text."""
    return QtGui.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) \
        if QtGui.mightBeRichText(text) else text


def plain_labels(root: QWidget) -> None:
    """Every label under ``root`` that would guess its format from its text shows plain text."""
    for label in root.findChildren(QLabel):
        if label.textFormat() == Qt.TextFormat.AutoText:
            label.setTextFormat(Qt.TextFormat.PlainText)


def as_label_text(text: str) -> str:
    """``text`` on a button or a menu entry as written: an ``&`` there marks a shortcut key, so a
    name's own ``&`` (``R&D``) is doubled to show as itself and take no key."""
    return isolated(text).replace("&", "&&")
