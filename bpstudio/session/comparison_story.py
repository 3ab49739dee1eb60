"""A ready-made comparison's story in the user's language: its question, where to look, each
run's figures and its result, the claims of core/comparisons.py chosen by the runs' numbers.
The views show these lines as they are."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.comparisons import Comparison, Figures, figure_line
from .messages import core_text, translated


@dataclass(frozen=True)
class Story:
    title: str
    question: str
    look_at: str
    figures: tuple[str, ...] = ()  # one line per run, once the runs are over
    result: tuple[str, ...] = ()  # the claims that the numbers make true (or their counterparts)

    def text(self) -> str:
        """Every line, for a reader without the view (tests, the status bar)."""
        return "\n".join((self.title, self.question, self.look_at, *self.figures, *self.result))


def tell(comparison: Comparison, figures: tuple[Figures, ...] = ()) -> Story:
    """The story so far: the question and where to look while the runs train; the figures and
    the result once ``figures`` (the first run's, the second's) are in."""
    story = Story(core_text(comparison.title), core_text(comparison.question),
                  core_text(comparison.look_at))
    if len(figures) != 2:
        return story
    first, second = figures
    return Story(story.title, story.question, story.look_at,
                 tuple(translated(figure_line(f)) for f in figures),
                 tuple(translated(said) for said in comparison.result(first, second)))
