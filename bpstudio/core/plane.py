"""The 2-D playground: points (x₁, x₂) in a plane, the input features made from them, and the
network's activations over a grid of the plane (what the output view and the neurons' small
heatmaps show).

Points are kept as (2, m) arrays beside the data set's X, so a change of features rebuilds X
from the same points.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterable

import numpy as np

from .messages import QT_TRANSLATE_NOOP, UserMessage
from .network import Network

# key → (label, f(x1, x2)); the order is the input layer's order
FEATURES: dict[str, tuple[str, Callable[[np.ndarray, np.ndarray], np.ndarray]]] = {
    "x1": ("x₁", lambda x1, x2: x1),
    "x2": ("x₂", lambda x1, x2: x2),
    "x1^2": ("x₁²", lambda x1, x2: x1 * x1),
    "x2^2": ("x₂²", lambda x1, x2: x2 * x2),
    "x1x2": ("x₁x₂", lambda x1, x2: x1 * x2),
    "sin x1": ("sin x₁", lambda x1, x2: np.sin(x1)),
    "sin x2": ("sin x₂", lambda x1, x2: np.sin(x2)),
}
DEFAULT_FEATURES = ("x1", "x2")
# the generated sets lie within ±1.2 (noise aside); the view shows a little more
EXTENT = 1.5


class PlaneError(UserMessage, ValueError):
    """A feature choice that cannot be used; the message is meant for the user."""


@dataclass(frozen=True)
class PlaneSpec:
    """How a 2-D data set was made: a built-in generator (or "csv"), noise (0–0.5), the train
    share (0.1–0.9), the seed, and the features the input layer takes."""

    source: str
    noise: float = 0.0
    train_share: float = 0.5
    seed: int = 0
    features: tuple[str, ...] = DEFAULT_FEATURES

    def with_features(self, features: Iterable[str]) -> PlaneSpec:
        return replace(self, features=check_features(features))


def check_features(features: Iterable[str]) -> tuple[str, ...]:
    """The chosen features in the canonical order; at least one, all known."""
    chosen = tuple(features)
    unknown = [f for f in chosen if f not in FEATURES]
    if unknown:
        raise PlaneError(QT_TRANSLATE_NOOP("core", "unknown feature {name}; choose from {known}"),
                         name=repr(unknown[0]), known=", ".join(FEATURES))
    if not chosen:
        raise PlaneError(QT_TRANSLATE_NOOP("core", "choose at least one input feature"))
    return tuple(f for f in FEATURES if f in chosen)


def feature_rows(points: np.ndarray, features: Iterable[str]) -> np.ndarray:
    """(2, m) points → (k, m) inputs, one row per feature, column-major like every X."""
    x1, x2 = points[0], points[1]
    return np.asfortranarray(np.vstack([FEATURES[f][1](x1, x2) for f in features]),
                             dtype=np.float64)


def grid(resolution: int, extent: float = EXTENT) -> np.ndarray:
    """(2, G·G) points of a G×G grid over [−extent, extent]², in image order: row by row from
    the top (x₂ = +extent) down, each row from left (x₁ = −extent) to right; a pixel's centre."""
    step = 2 * extent / resolution
    centres = -extent + step * (np.arange(resolution) + 0.5)
    x1, x2 = np.meshgrid(centres, centres[::-1])
    return np.vstack([x1.ravel(), x2.ravel()])


def plane_activations(network: Network, features: Iterable[str], resolution: int,
                      extent: float = EXTENT) -> list[np.ndarray]:
    """A[l] over the grid for l = 0…L, each reshaped to (n[l], G, G): A[0] are the features
    themselves, A[L] the network's output. One forward pass of G² samples."""
    X = feature_rows(grid(resolution, extent), features)
    _, As = network.forward(X)
    return [A.reshape(A.shape[0], resolution, resolution) for A in As]


def plane_extent(points_train: np.ndarray, points_test: np.ndarray, source: str) -> float:
    """Half the side of the square the views show: fixed for the built-in sets (regenerating
    keeps the picture still), from the points for a CSV."""
    if source != "csv":
        return EXTENT
    largest = float(max(np.abs(points_train).max(initial=0), np.abs(points_test).max(initial=0)))
    return largest * 1.1 if largest > 0 else 1.0
