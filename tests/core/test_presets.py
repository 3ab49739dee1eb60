"""Choosing a preset: the data it brings, the layers it builds, the data it needs."""

from __future__ import annotations

import pytest

from bpstudio.core.datasets import builtin_dataset, plane_dataset
from bpstudio.core.plane import PlaneSpec
from bpstudio.core.presets import PRESETS, PresetError, preset_setup


def test_the_tutorials_network_brings_its_three_features():
    setup = preset_setup("seed-3-2-1", plane_dataset(PlaneSpec("xor")))
    assert setup.dataset.name == "three-features"
    assert setup.dims == (3, 2, 1) and setup.activations == ("sigmoid", "sigmoid")
    assert (setup.learning_rate, setup.iterations) == (0.5, 1000)


def test_a_2d_preset_brings_its_features_and_keeps_the_noise_share_and_seed_of_2d_data():
    open_now = plane_dataset(PlaneSpec("moons", noise=0.2, train_share=0.3, seed=4))
    setup = preset_setup("plane-circle", open_now)
    assert setup.dataset.plane == PlaneSpec("circle", 0.2, 0.3, 4, ("x1^2", "x2^2"))
    assert setup.dims == (2, 1) and setup.activations == ("sigmoid",)
    spiral = preset_setup("plane-spiral", builtin_dataset("three-features"))
    assert spiral.dataset.plane.noise == 0 and spiral.dims == (7, 8, 8, 4, 1)
    assert spiral.activations == ("tanh", "tanh", "tanh", "sigmoid")


def test_a_picture_preset_needs_pictures():
    with pytest.raises(PresetError) as info:
        preset_setup("four-layer", builtin_dataset("three-features"))
    assert "12288 inputs" in str(info.value)


def test_every_preset_is_filed_under_its_key():
    assert all(p.key == key for key, p in PRESETS.items())
