"""Themes: light (default), dark, a high-contrast projector theme (black on white) and a
high-contrast theme for low vision (white on black).

A Theme carries the palette, what the plots draw with, and how thick lines are; the style sheet
of each lives in resources/styles/<key>.qss. The diverging blue/orange of weights is the same in
every theme (colour-blind safe); only its background changes, and on high contrast's black the
diagram's lines take a lighter blue.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from .palette import HIGHLIGHTED_TEXT, NEGATIVE, POSITIVE, THEME_COLOURS


@dataclass(frozen=True)
class Theme:
    key: str
    title: str
    window: str
    base: str
    text: str
    mid: str
    button: str
    highlight: str
    plot_background: str
    plot_foreground: str
    line_scale: float = 1.0  # pen widths in the diagram and the plots
    weakest_edge: float = 0.15  # how far toward the colour the faintest edge is mixed
    highlighted_text: str = HIGHLIGHTED_TEXT.name()  # a selection's text
    positive: str = POSITIVE.name()  # the diagram's lines for w > 0 and w < 0
    negative: str = NEGATIVE.name()

    def palette(self) -> QPalette:
        p = QPalette()
        roles = {
            QPalette.ColorRole.Window: self.window, QPalette.ColorRole.Base: self.base,
            QPalette.ColorRole.AlternateBase: self.window, QPalette.ColorRole.Text: self.text,
            QPalette.ColorRole.WindowText: self.text, QPalette.ColorRole.ButtonText: self.text,
            QPalette.ColorRole.Button: self.button, QPalette.ColorRole.Mid: self.mid,
            QPalette.ColorRole.Highlight: self.highlight,
            QPalette.ColorRole.HighlightedText: self.highlighted_text,
            QPalette.ColorRole.ToolTipBase: self.base,
            QPalette.ColorRole.ToolTipText: self.text, QPalette.ColorRole.PlaceholderText: self.mid,
        }
        for role, colour in roles.items():
            p.setColor(role, QColor(colour))
        # disabled controls must look disabled: their text takes the mid tone
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                     QPalette.ColorRole.ButtonText):
            p.setColor(QPalette.ColorGroup.Disabled, role, QColor(self.mid))
        return p


THEMES = {
    t.key: t
    for t in (
        Theme("light", "Light", **THEME_COLOURS["light"]),
        Theme("dark", "Dark", **THEME_COLOURS["dark"]),
        # for a projector: thick lines, and the faintest edge still plain to see
        Theme("projector", "Projector (high contrast)", **THEME_COLOURS["projector"],
              line_scale=1.8, weakest_edge=0.4),
        Theme("contrast", "High contrast (white on black)", **THEME_COLOURS["contrast"],
              line_scale=1.8, weakest_edge=0.4),
    )
}
DEFAULT_THEME = "light"
