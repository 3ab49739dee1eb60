"""Ready-made networks (presets): an architecture, hyper-parameters and the data they bring along.

What a preset sets is plain data, so the editor, a lesson file and the headless lesson runner all
read the same table; ``preset_setup`` is what choosing one does to the data set and the network.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .datasets import PLANE_SETS, Dataset, builtin_dataset, plane_dataset
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .plane import FEATURES, PlaneSpec


class PresetError(UserMessage, ValueError):
    """A preset that cannot be chosen with this data; the message is meant for the user."""


@dataclass(frozen=True)
class Preset:
    key: str
    title: str  # a template of core's: session/messages.core_text shows it translated
    hidden: tuple[int, ...]
    hidden_activation: str
    learning_rate: float
    iterations: int
    n_inputs: int | None  # None: any data set; else only data with this many features
    builtin: str | None = None  # the built-in data set it brings along, if any
    plane: PlaneSpec | None = None  # or the 2-D set and the features it brings along


PRESETS = {
    p.key: p
    for p in (
        Preset("seed-3-2-1", QT_TRANSLATE_NOOP("core", "Tutorial figure 4 (3–2–1)"), (2,), "sigmoid", 0.5, 1000, 3, "three-features"),
        Preset("two-layer", QT_TRANSLATE_NOOP("core", "Two-layer (12288–7–1)"), (7,), "relu", 0.0075, 2500, 12288),
        Preset("four-layer", QT_TRANSLATE_NOOP("core", "Four-layer (12288–20–7–5–1)"), (20, 7, 5), "relu", 0.0075, 2500, 12288),
        # the 2-D playground: each reaches ≥ 95 % test accuracy in its iterations (tests/app)
        Preset("plane-circle", QT_TRANSLATE_NOOP("core", "Circle: x₁², x₂², no hidden layer"), (), "tanh", 1.0, 300, None,
               plane=PlaneSpec("circle", features=("x1^2", "x2^2"))),
        Preset("plane-xor", QT_TRANSLATE_NOOP("core", "XOR: x₁x₂, no hidden layer"), (), "tanh", 1.0, 300, None,
               plane=PlaneSpec("xor", features=("x1x2",))),
        Preset("plane-gaussians", QT_TRANSLATE_NOOP("core", "Two Gaussians: x₁, x₂, no hidden layer"), (), "tanh", 0.5, 300,
               None, plane=PlaneSpec("gaussians")),
        Preset("plane-moons", QT_TRANSLATE_NOOP("core", "Two moons: x₁, x₂, 8 tanh neurons"), (8,), "tanh", 0.5, 2000, None,
               plane=PlaneSpec("moons")),
        Preset("plane-spiral", QT_TRANSLATE_NOOP("core", "Spiral: all seven features, 8–8–4 tanh"), (8, 8, 4), "tanh", 0.3,
               5000, None, plane=PlaneSpec("spiral", features=tuple(FEATURES))),
    )
}


@dataclass(frozen=True)
class PresetSetup:
    """What choosing a preset makes of the current state: the data set, the layer sizes from the
    input to the output, their activations and the two hyper-parameters a preset sets. The
    network is drawn afresh with cross-entropy, the tutorial's initialiser and seed 1."""

    dataset: Dataset
    dims: tuple[int, ...]
    activations: tuple[str, ...]
    learning_rate: float
    iterations: int


def preset_setup(key: str, dataset: Dataset) -> PresetSetup:
    """Preset ``key`` chosen while ``dataset`` is open. A 2-D preset brings its set (keeping the
    noise, train share and seed of a built-in 2-D set already open); one with a built-in set
    brings it unless the open data already has its number of inputs; one for images needs them
    open (PresetError otherwise)."""
    p = PRESETS[key]
    if p.plane is not None:
        spec, now = p.plane, dataset.plane
        if now is not None and now.source in PLANE_SETS:
            spec = replace(spec, noise=now.noise, train_share=now.train_share, seed=now.seed)
        dataset = plane_dataset(spec)
    elif p.builtin and dataset.n_features != p.n_inputs:
        dataset = builtin_dataset(p.builtin)
    if p.n_inputs is not None and dataset.n_features != p.n_inputs:
        raise PresetError(QT_TRANSLATE_NOOP("core", "this preset needs data with {n} inputs; open "
                                            "the cat data set first"), n=p.n_inputs)
    dims = (dataset.n_features, *p.hidden, 1)
    activations = (p.hidden_activation,) * len(p.hidden) + ("sigmoid",)
    return PresetSetup(dataset, dims, activations, p.learning_rate, p.iterations)
