"""What one refresh of the diagram read from the models, painted until the next refresh: a paint
between an edit and its redraw draws the network it was laid out for, never half of a new one."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtGui import QImage

from .diagram_layout import MARKER, DiagramLayout
from .palette import diverging_rgb, finite_max_abs, rgb_image
from .sign_marks import sign_line, with_line

NEURON_MAP_SIDE = 25  # a neuron's small heatmap: about this many points a side of the plane's grid


@dataclass
class DiagramScene:
    layout: DiagramLayout
    activations: list[np.ndarray]  # A[l] of the sample (one column), l = 0 … L
    zs: list[np.ndarray]  # Z[l], l = 1 … L
    activation_names: tuple[str, ...]  # of layers 1 … L
    image: QImage | None = None  # the input, when it is a picture
    plane_maps: list[np.ndarray] | None = None  # A[l] over the input plane (a 2-D data set)
    previewing: bool = False  # the weights are the stepper's update, not applied
    past_iteration: int | None = None  # the weights are those of a past iteration of the run
    neuron_maps: dict[tuple[int, int], QImage] = field(default_factory=dict)  # (l, j) → heatmap

    def small_maps(self) -> dict[tuple[int, int], QImage]:
        """Every drawn neuron's small heatmap, from about NEURON_MAP_SIDE points a side."""
        side = self.plane_maps[0].shape[-1] if self.plane_maps is not None else 1
        return self.plane_images(max(1, side // NEURON_MAP_SIDE))

    def plane_images(self, step: int, only: tuple[int, int] | None = None) -> dict:
        """(layer, j) → heatmap of a_j^[l] over the input plane, for the drawn neurons (or
        ``only`` one), from every ``step``-th grid point. Sigmoid units on 2a − 1 like the output
        view, the others on ±max |a| of their layer; empty without a 2-D data set."""
        maps = self.plane_maps
        if maps is None:
            return {}
        images = {}
        for l, column in enumerate(self.layout.slots):
            wanted = [s.index for s in column if s.index != MARKER
                      and (only is None or only == (l, s.index))]
            if not wanted:
                continue
            A = maps[l][:, ::step, ::step]
            if self.is_sigmoid(l):
                values, scale = 2.0 * A - 1.0, 1.0
            else:
                values, scale = A, finite_max_abs(A) or 1.0
            for j in wanted:
                # the line where it changes sign: the sign is not only in the colour
                images[(l, j)] = rgb_image(with_line(diverging_rgb(values[j], scale),
                                                     sign_line(values[j])))
        return images

    def is_sigmoid(self, l: int) -> bool:
        """Whether layer l's units are sigmoids: their a in [0, 1] is shown on a fixed scale."""
        return l > 0 and self.activation_names[l - 1] == "sigmoid"
