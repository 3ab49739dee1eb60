"""The cost C of the network as it is now, and how a view says the latest cost it knows.

The record holds the costs of iterations first … end − 1, each computed before its update
(core/iterations.py); the network a run leaves is at iteration ``end``, whose own cost no
iteration has computed yet. To say "iteration 2,500: cost …" of the trained network, that cost
is computed here: one forward pass over the training set, on the GUI thread only where it is
cheap (a tenth of a second's work at most; the cat network on its 209 images takes a few ms),
kept until the parameters, the data or λ change. Where it would hold up the window the views
say the record's last row instead, with its own iteration.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import numpy as np

from ..core import iterations
from ..core.messages import UserMessage

if TYPE_CHECKING:
    from .network_model import NetworkModel

# multiply-adds of a forward pass computed on the GUI thread (a third of an inline iteration's)
FORWARD_MACS = 100_000_000

# model → (what it was of, λ, C)
_kept: weakref.WeakKeyDictionary[NetworkModel, tuple[tuple[object, ...], float, float]] = (
    weakref.WeakKeyDictionary())


def cost_now(model: NetworkModel) -> float | None:
    """C of ``model``'s network on its training set, λ included, as its next iteration would
    record it; None without data or where computing it would hold up the window."""
    net, ds, l2 = model.network, model.dataset, model.hyper.l2
    if not ds.has_samples or ds.n_features != net.dims[0]:
        return None
    of = (net, net.weights, net.biases, ds)
    kept = _kept.get(model)
    if kept is not None and kept[1] == l2 and all(a is b for a, b in zip(kept[0], of)):
        return kept[2]
    if ds.X_train.shape[1] * net.weight_count > FORWARD_MACS:
        return None
    X = ds.inputs(net.input_dtype)[0]
    with np.errstate(all="ignore"):
        c = float(net.cost(X, ds.Y_train, l2))
    _kept[model] = (of, l2, c)
    return c


def latest_cost(model: NetworkModel, compute: bool = True) -> UserMessage | None:
    """The latest cost known, with its iteration: the network's own now ("iteration 2,500: cost
    …") when ``compute`` and it is cheap, else the record's last row (a stepped sample's said as
    its loss L); None when neither exists."""
    c = cost_now(model) if compute else None
    if c is not None:
        return iterations.cost(model.network.iterations_trained, c)
    h = model.history
    return h.said(len(h) - 1) if len(h) else None
