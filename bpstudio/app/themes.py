"""The application's look: a theme (palette + style sheet) and the UI's scale, applied together.

With a style sheet set, Qt resolves widget fonts through it and ignores QApplication.setFont, so
the scale is written into the style sheet: the base size for every widget, and the large sizes of
the equation view relative to it.

The style sheet is the main window's, not the application's: QApplication.setStyleSheet restyles
every widget of the process, and pyqtgraph keeps ~280 hidden ones for its plots' context menus,
so a theme switch took 80-260 ms instead of 40-70 ms. Dialogs parented to the window inherit
its sheet; the parentless menus keep Fusion with the theme's palette and the scaled app font.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtWidgets import QApplication, QWidget

from ..widgets.equation_panel import FORMULA_SCALE, SHAPES_SCALE
from ..widgets.theme import DEFAULT_THEME, THEMES, Theme
from .resources import resource_path
from .settings import recall, remember

THEME_KEY = "ui/theme"
_state = {"theme": DEFAULT_THEME, "scale": 1.0, "base": None, "stage": None}
_KEEP = object()
# the stages of presentation mode write their view larger than the rest of the UI: the equation
# stage's text has a cap height of 12 px or more at scale 1 (13 pt at 96 dpi, DejaVu Sans)
LESSON_TEXT = 13.0
STAGE_TEXT = {"equations": ("#EquationPanel", 13.0), "network": ("#NetworkDiagram", 12.0),
              "training": ("#TrainingDock", 11.0), "classify": ("#ClassifyDock", 12.0)}


def saved_theme() -> str:
    return recall(THEME_KEY, DEFAULT_THEME, str, lambda v: v in THEMES)


def base_point_size() -> float:
    if _state["base"] is None:
        _state["base"] = QApplication.font().pointSizeF()
    return _state["base"]


def style_sheet(theme: Theme, scale: float, stage: str | None = None) -> str:
    size = base_point_size() * scale
    sizes = (f"QWidget {{ font-size: {size:.2f}pt; }}\n"
             f"#StepFormula, QLabel#StepSymbol {{ font-size: {FORMULA_SCALE * size:.2f}pt; "
             "font-weight: bold; }\n"
             f"QLabel#StepShapes {{ font-size: {SHAPES_SCALE * size:.2f}pt; }}\n")
    if stage in STAGE_TEXT:  # the stage's view: larger, its formula and shapes in proportion
        view, points = STAGE_TEXT[stage]
        text = max(points, 1.4 * base_point_size()) * scale
        sizes += (f"{view}, {view} QWidget {{ font-size: {text:.2f}pt; }}\n"
                  f"{view} #StepFormula, {view} #StepSymbol {{ font-size: "
                  f"{FORMULA_SCALE * text:.2f}pt; font-weight: bold; }}\n"
                  f"{view} #StepShapes {{ font-size: {SHAPES_SCALE * text:.2f}pt; }}\n")
    if stage is not None:  # a lesson beside every stage, readable from the back of the room
        text = max(LESSON_TEXT, 1.3 * base_point_size()) * scale
        sizes += f"#LessonPane, #LessonPane QWidget {{ font-size: {text:.2f}pt; }}\n"
    return sizes + _theme_sheet(theme.key)


@lru_cache(maxsize=None)
def _theme_sheet(key: str) -> str:
    """Read once per theme: switching back and forth touches no file."""
    return resource_path("styles", f"{key}.qss").read_text(encoding="utf-8")


def apply_style(window: QWidget, theme_key: str | None = None, scale: float | None = None,
                views=(), stage=_KEEP) -> Theme:
    """Set the theme, scale and/or presentation stage (None: none) on the window, the
    application's palette and font, and on every view with set_theme()."""
    if stage is not _KEEP:
        _state["stage"] = stage
    if theme_key is not None:
        _state["theme"] = theme_key if theme_key in THEMES else DEFAULT_THEME
        remember(THEME_KEY, _state["theme"])
    app = QApplication.instance()
    if scale is not None and scale != _state["scale"]:
        _state["scale"] = scale
        font = app.font()
        font.setPointSizeF(base_point_size() * scale)
        app.setFont(font)  # for the widgets outside the window's style sheet
    theme = THEMES[_state["theme"]]
    sheet = style_sheet(theme, _state["scale"], _state["stage"])
    if window.styleSheet() != sheet:  # restyling repolishes every widget: only when it changes
        if not app.property("bpstudio_fusion"):
            app.setStyle("Fusion")  # the same look on every platform, and it honours the palette
            app.setProperty("bpstudio_fusion", True)
        app.setPalette(theme.palette())
        window.setStyleSheet(sheet)
    for view in views:
        view.set_theme(theme)
    return theme
