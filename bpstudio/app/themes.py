"""The application's look: a theme (palette + style sheet) and the UI's scale, applied together.

With a style sheet set, Qt resolves widget fonts through it and ignores QApplication.setFont, so
the scale is written into the style sheet: the base size for every widget, and the large sizes of
the equation view relative to it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ..widgets.equation_panel import FORMULA_SCALE, SHAPES_SCALE
from ..widgets.theme import DEFAULT_THEME, THEMES, Theme
from .resources import resource_path
from .settings import settings

THEME_KEY = "ui/theme"
_state = {"theme": DEFAULT_THEME, "scale": 1.0, "base": None}


def saved_theme() -> str:
    key = settings().value(THEME_KEY, DEFAULT_THEME, str)
    return key if key in THEMES else DEFAULT_THEME


def base_point_size() -> float:
    if _state["base"] is None:
        _state["base"] = QApplication.font().pointSizeF()
    return _state["base"]


def style_sheet(theme: Theme, scale: float) -> str:
    size = base_point_size() * scale
    sizes = (f"QWidget {{ font-size: {size:.2f}pt; }}\n"
             f"QLabel#StepFormula, QLabel#StepSymbol {{ font-size: {FORMULA_SCALE * size:.2f}pt; "
             "font-weight: bold; }\n"
             f"QLabel#StepShapes {{ font-size: {SHAPES_SCALE * size:.2f}pt; }}\n")
    return sizes + resource_path("styles", f"{theme.key}.qss").read_text(encoding="utf-8")


def apply_style(theme_key: str | None = None, scale: float | None = None, views=()) -> Theme:
    """Set the theme and/or scale on the application and on every view with set_theme()."""
    if theme_key is not None:
        _state["theme"] = theme_key if theme_key in THEMES else DEFAULT_THEME
        settings().setValue(THEME_KEY, _state["theme"])
    if scale is not None:
        _state["scale"] = scale
    theme = THEMES[_state["theme"]]
    app = QApplication.instance()
    sheet = style_sheet(theme, _state["scale"])
    if app.styleSheet() != sheet:  # restyling repolishes every widget: only when it changes
        if not app.property("bpstudio_fusion"):  # once: style() is a style-sheet proxy later
            app.setStyle("Fusion")  # the same look on every platform, and it honours the palette
            app.setProperty("bpstudio_fusion", True)
        app.setPalette(theme.palette())
        app.setStyleSheet(sheet)
    for view in views:
        view.set_theme(theme)
    return theme
