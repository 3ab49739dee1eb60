"""Reduced motion (View → Reduce motion, remembered): the views follow a training run at most
twice a second, and Qt's own transitions (menus and lists that slide or fade open, tooltips that
fade) are off. For students whom movement distracts or makes unwell."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ..widgets.frame_throttle import FrameThrottle
from .settings import recall, remember

MOTION_KEY = "view/reduce_motion"
CALM_HZ = 2.0  # a training run's redraws a second, each view, when motion is reduced
EFFECTS = (Qt.UIEffect.UI_AnimateMenu, Qt.UIEffect.UI_FadeMenu, Qt.UIEffect.UI_AnimateCombo,
           Qt.UIEffect.UI_AnimateTooltip, Qt.UIEffect.UI_FadeTooltip,
           Qt.UIEffect.UI_AnimateToolBox)
_platform: dict[Qt.UIEffect, bool] = {}  # the effects as the platform had them


def saved_reduce_motion() -> bool:
    return recall(MOTION_KEY, False, bool)


def apply_reduce_motion(reduced: bool) -> None:
    """Motion reduced or as the platform has it, remembered for the next start."""
    if not _platform:
        _platform.update({e: QApplication.isEffectEnabled(e) for e in EFFECTS})
    for effect in EFFECTS:
        QApplication.setEffectEnabled(effect, _platform[effect] and not reduced)
    FrameThrottle.set_calm(CALM_HZ if reduced else None)
    remember(MOTION_KEY, bool(reduced))
