"""Which iteration of the network the views draw: the latest, or a past one of its training run
(the time cursor, session/timeline_model.py). Training, edits and saving always act on the
latest; a past one is only looked at."""

from __future__ import annotations

from typing import NamedTuple, Protocol

from PySide6.QtCore import QObject, SignalInstance

from ..core.network import Network
from ..core.trainer import HyperParameters
from .current_sample import CurrentSample


class _Owner(Protocol):
    """What it reads of the NetworkModel that owns it (and imports this module)."""

    network: Network
    hyper: HyperParameters
    sample: CurrentSample
    parameters_changed: SignalInstance


class _Past(NamedTuple):
    """A past iteration shown: the latest network it belongs to, its own network, its run's
    hyper-parameters."""

    latest: Network
    network: Network
    hyper: HyperParameters


class ShownIteration(QObject):
    """For ``model`` (a NetworkModel, also its ``parent``): ``network`` and ``hyper`` are what
    the views draw."""

    def __init__(self, model: _Owner, parent: QObject) -> None:
        super().__init__(parent)
        self.model = model
        self._past: _Past | None = None

    @property
    def network(self) -> Network:
        """The network, or a past iteration of it until the network is replaced."""
        past, latest = self._past, self.model.network
        return past.network if past is not None and past.latest is latest else latest

    @property
    def hyper(self) -> HyperParameters:
        """The hyper-parameters of the iteration shown (a past one's run may have had others)."""
        past = self._past
        return past.hyper if past is not None and self.network is not self.model.network \
            else self.model.hyper

    def show(self, network: Network | None, hyper: HyperParameters | None = None) -> None:
        """Views draw ``network`` (None: the latest), trained with ``hyper``."""
        model = self.model
        self._past = None if network is None else _Past(model.network, network,
                                                        hyper or model.hyper)
        model.sample.forget_pass()
        model.parameters_changed.emit()
