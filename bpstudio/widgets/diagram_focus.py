"""The network diagram's keys and what a screen reader hears of it, beside its mouse: a part of
NetworkDiagram (a mixin: it reads the diagram's scene, marks and focus, and says nothing of its
own; the words are diagram_speech's)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt

from ..core.trainer import RunState
from .diagram_keys import ARROWS, Focus, first_focus, moved
from .diagram_speech import focus_words, summary_words
from .frame_throttle import SpeechThrottle


# how the focus came that the keys are in use: Tab, Shift+Tab, F6 or a mnemonic, or a program
# moving the keys on (a control the keys were on went away)
KEYBOARD_REASONS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                    Qt.FocusReason.ShortcutFocusReason, Qt.FocusReason.OtherFocusReason)
# a focus lost for a while (a menu, the menu bar by Alt, a dialog, another window) comes back as
# it was
PASSING_REASONS = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason,
                   Qt.FocusReason.MenuBarFocusReason)


class DiagramFocus:
    """Arrow keys choose a neuron or an edge (diagram_keys), Enter selects the neuron as a click
    does or explains the weight; Esc on an edge goes back to its neuron.

    The focus frame shows whenever the keys are here; the ring on a neuron once they are in use
    here (the focus came by Tab or F6, or a key was pressed in the diagram), not when the window
    merely starts with the focus in the diagram: a class would read a ring drawn at start as a
    neuron chosen."""

    keys_used = False  # the keys came here, or were pressed here, since the focus came

    @property
    def speech(self) -> SpeechThrottle:
        """The accessible description's pace: while a run trains, at most once a second."""
        if "_speech" not in self.__dict__:
            self._speech = SpeechThrottle(self.setAccessibleDescription, self,
                                          redraw_coming=lambda: self.frames.pending)
            self.model.run_state_changed.connect(self._speech.on_run_state)
        return self._speech

    def _speak(self, now: bool = False) -> None:
        """What a screen reader says of the diagram: the focused neuron or edge with its
        numbers, else its columns (while training, at the speech throttle's pace, unless
        ``now``: what a key did)."""
        scene = self.scene
        if scene is None:
            return
        f = self.focus
        text = (focus_words(scene, f, self.marks.delta(f.layer) if f.layer else None)
                if f is not None else summary_words(scene.layout))
        self.speech.say(text, not now and self.model.run_state is RunState.RUNNING)

    def _select(self, l: int, j: int) -> None:
        """A neuron clicked or chosen with Enter: marked, and a first-layer neuron of an image
        data set shows its weights as a picture."""
        self.marks.selected = (l, j)
        self._field = self._weight_image(l, j) if l == 1 and self.model.dataset.is_image else None
        self.neuron_selected.emit(l, j)
        self.update()

    def event(self, event) -> bool:
        """The arrow keys are the diagram's while it has the focus, not the window's stepping
        shortcuts (Space and the page keys still step)."""
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in ARROWS:
            event.accept()
            return True
        return super().event(event)

    def shows_focus(self) -> bool:
        """Whether the diagram draws the ring on its focus (its frame: whenever it has the
        keys)."""
        return self.hasFocus() and self.keys_used

    def focusInEvent(self, event) -> None:
        if event.reason() in KEYBOARD_REASONS:
            self.keys_used = True
        if self.keys_used and self.focus is None and self.scene is not None:
            self.focus = first_focus(self.scene.layout)
        self._speak(now=True)
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        if event.reason() not in PASSING_REASONS:
            self.keys_used = False
        self.update()
        super().focusOutEvent(event)

    def focus_key(self, event) -> bool:
        """Whether ``event`` was one of the focus's keys (and done)."""
        key = event.key()
        if not self.keys_used:
            self.keys_used = True
            self.update()
        if key in ARROWS and self.scene is not None:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.focus = moved(self.scene.layout, self.focus, key, shift)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focus is not None:
            f = self.focus
            if f.is_edge:
                self.weight_clicked.emit(f.layer, f.j, f.src)
            else:
                self._select(f.layer, f.j)
            return True
        elif key == Qt.Key.Key_Escape and self.focus is not None and self.focus.is_edge:
            self.focus = Focus(self.focus.layer, self.focus.j)
        else:
            return False
        self._speak(now=True)  # what a key chose is said at once, training or not
        self.update()
        return True
