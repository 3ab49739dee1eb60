"""English and Simplified Chinese with Qt's translation system.

Sources are `resources/translations/bpstudio_zh_CN.ts` (edit with Qt Linguist or by hand);
`pyside6-lrelease` compiles the shipped `.qm` beside it (a test checks both are current). The first
start follows the system locale; the choice is remembered. The app brings the Chinese characters
it writes (resources/fonts, a subset of Noto Sans CJK SC), so Chinese works where no Chinese font
is installed; should even that fail to load, the switch is refused with a message, once, rather
than drawing boxes.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from ..widgets.i18n import has_cjk_font
from .resources import resource_path
from .settings import recall, remember

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
LANGUAGE_KEY = "ui/language"
WARNED_KEY = "ui/cjk_font_warned"
CJK_FONT_FILE = "BPStudioCJK-Regular.otf"
_state: dict = {"code": "en", "translators": [], "cjk_font": None, "loaded": {}}


def install_cjk_font() -> bool:
    """Register the bundled Chinese subset (once); Qt's font fallback finds it for the characters
    the interface font lacks. (Not as a substitution of the interface font: that gave English
    text the CJK font's taller line spacing.)"""
    if _state["cjk_font"] is None:
        _state["cjk_font"] = QFontDatabase.addApplicationFont(
            str(resource_path("fonts", CJK_FONT_FILE)))
    return _state["cjk_font"] >= 0


def saved_language() -> str:
    code = recall(LANGUAGE_KEY, "", str, lambda v: v in LANGUAGES)
    if code:
        return code
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def current_language() -> str:
    return _state["code"]


def apply_language(code: str) -> tuple[bool, str]:
    """(switched, message for the user or "")."""
    if code not in LANGUAGES:
        code = "en"
    if code != "en":
        install_cjk_font()
    if code != "en" and not has_cjk_font():
        why = ""
        if not recall(WARNED_KEY, False, bool):
            remember(WARNED_KEY, True)
            why = ("No font for Chinese could be loaded (not even the one BP Studio brings), so "
                   "Chinese text would show as boxes; install one (for example Noto Sans CJK) "
                   "to switch to Chinese.")
        code = "en"
        _install("en")
        return False, why
    _install(code)
    remember(LANGUAGE_KEY, code)
    return True, ""


def _install(code: str) -> None:
    app = QApplication.instance()
    for t in _state["translators"]:
        app.removeTranslator(t)
    _state["translators"] = []
    _state["code"] = code
    if code == "en":
        return
    _state["translators"] = _state["loaded"].get(code) or _load_translators(app, code)
    for t in _state["translators"]:
        app.installTranslator(t)  # sends LanguageChange to every widget


def _load_translators(app, code: str) -> list[QTranslator]:
    """Ours and Qt's own (dialogs, context menus), read once: switching back and forth touches
    no file (a file-system call on the GUI thread can wait behind a large write)."""
    loaded = []
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"bpstudio_{code}.qm"))):
        loaded.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        loaded.append(qt)
    _state["loaded"][code] = loaded
    return loaded
