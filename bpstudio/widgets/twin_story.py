"""A ready-made comparison's story below the twin diagrams: its question, where to look, each
run's figures and its result, as the runs model tells it (session/comparison_story.py)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from ..session.runs import Runs
from .i18n import Retranslatable
from .palette import run_colour


class ComparisonStory(Retranslatable, QTextBrowser):
    """Hidden unless the runs are a ready-made comparison."""

    def __init__(self, runs: Runs, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ComparisonStory")
        self.setOpenLinks(False)
        self.runs = runs
        runs.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        story = self.runs.story()
        self.setVisible(story is not None)
        if story is None:
            self.clear()
            return
        colours = [self.palette().text().color().name(),
                   *(run_colour(t.colour_index).name() for t in self.runs.twins)]
        parts = [f"<b>{escape(story.title)}</b>",
                 f"<p style='margin:2px 0'>{escape(story.question)} <i>{escape(story.look_at)}</i></p>"]
        if story.figures:  # the result first, told with the numbers; each run's figures after
            parts.append("".join(f"<p style='margin:2px 0'>{escape(line)}</p>"
                                 for line in story.result))
            parts.append("<ul style='margin:2px 0'>" + "".join(
                f"<li style='color:{colour}'>{escape(line)}</li>"
                for colour, line in zip(colours, story.figures)) + "</ul>")
        else:
            waiting = self.tr("The result appears here once both runs have ended.")
            parts.append(f"<p style='margin:2px 0'><i>{escape(waiting)}</i></p>")
        self.setHtml("".join(parts))

    def story_text(self) -> str:
        """What it shows, as plain text (for tests)."""
        return self.toPlainText()
