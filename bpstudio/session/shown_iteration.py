"""Which iteration of the network the views draw: the latest, or a past one of its training run
(the time cursor, session/timeline_model.py). Training, edits and saving always act on the
latest; a past one is only looked at."""

from __future__ import annotations

from PySide6.QtCore import QObject


class ShownIteration(QObject):
    """For ``model`` (a NetworkModel): ``network`` and ``hyper`` are what the views draw."""

    def __init__(self, model) -> None:
        super().__init__(model)
        self.model = model
        self._past = None  # (the latest network it belongs to, the past network, its hyper)

    @property
    def network(self):
        """The network, or a past iteration of it until the network is replaced."""
        past, latest = self._past, self.model.network
        return past[1] if past is not None and past[0] is latest else latest

    @property
    def hyper(self):
        """The hyper-parameters of the iteration shown (a past one's run may have had others)."""
        return self._past[2] if self.network is not self.model.network else self.model.hyper

    def show(self, network, hyper=None) -> None:
        """Views draw ``network`` (None: the latest), trained with ``hyper``."""
        m = self.model
        self._past = None if network is None else (m.network, network, hyper or m.hyper)
        m.sample.forget_pass()
        m.parameters_changed.emit()
