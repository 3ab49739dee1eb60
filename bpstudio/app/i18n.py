"""English and Simplified Chinese with Qt's translation system.

Sources are `resources/translations/bpstudio_zh_CN.ts` (edit with Qt Linguist or by hand);
`pyside6-lrelease` compiles the shipped `.qm` beside it (a test checks both are current). The first
start follows the system locale; the choice is remembered. Without a font for Chinese the switch
is refused with a message, once, rather than drawing boxes.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ..widgets.i18n import has_cjk_font
from .resources import resource_path
from .settings import settings

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
LANGUAGE_KEY = "ui/language"
WARNED_KEY = "ui/cjk_font_warned"
_state: dict = {"code": "en", "translators": []}


def saved_language() -> str:
    code = settings().value(LANGUAGE_KEY, "", str)
    if code in LANGUAGES:
        return code
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def current_language() -> str:
    return _state["code"]


def apply_language(code: str) -> tuple[bool, str]:
    """(switched, message for the user or "")."""
    if code not in LANGUAGES:
        code = "en"
    if code != "en" and not has_cjk_font():
        why = ""
        if not settings().value(WARNED_KEY, False, bool):
            settings().setValue(WARNED_KEY, True)
            why = ("No font for Chinese is installed, so Chinese text would show as boxes; "
                   "install one (for example Noto Sans CJK) to switch to Chinese.")
        code = "en"
        _install("en")
        return False, why
    _install(code)
    settings().setValue(LANGUAGE_KEY, code)
    return True, ""


def _install(code: str) -> None:
    app = QApplication.instance()
    for t in _state["translators"]:
        app.removeTranslator(t)
    _state["translators"] = []
    _state["code"] = code
    if code == "en":
        return
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"bpstudio_{code}.qm"))):
        _state["translators"].append(ours)
    qt = QTranslator(app)  # Qt's own dialogs and context menus
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _state["translators"].append(qt)
    for t in _state["translators"]:
        app.installTranslator(t)  # sends LanguageChange to every widget
