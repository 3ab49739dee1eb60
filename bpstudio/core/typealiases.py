"""Names for the types the core is annotated with, and the network as the modules below
network.py (the schedule, the explanations) read it."""

from __future__ import annotations

from dataclasses import Field
from typing import Any, ClassVar, Protocol

import numpy as np
from numpy.typing import NDArray

# Z, A, dZ, W, …: float64, or float32 where a precision or the data makes them so (with the
# dtype known, numpy's stubs know what its arithmetic gives)
FloatArray = NDArray[np.floating[Any]]
# a JSON object as a file holds it: its values are checked where they are read
JsonObject = dict[str, Any]


class NetworkLike(Protocol):
    """A network.Network, as the schedule and the explanations read it: network.py imports
    them, so they cannot import it. A dataclass, so dataclasses.replace makes another."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]
    dims: tuple[int, ...]
    activations: tuple[str, ...]
    weights: list[np.ndarray]
    biases: list[np.ndarray]
    loss: str
    precision: str

    @property
    def L(self) -> int: ...

    @property
    def uses_float32(self) -> bool: ...

    @property
    def init_formula(self) -> str: ...

    def forward(self, X: np.ndarray) -> tuple[list[FloatArray], list[FloatArray]]: ...
