"""A gallery's probabilities are the network's for those pictures, or none: a pass started for
the pictures' network never shows its numbers once the network takes no pictures (the full
monkey run found probabilities beside "the network takes no pictures")."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QImage

from bpstudio.session.predictions import INLINE_MACS
from bpstudio.session.studio import Studio


def picture(seed: int) -> QImage:
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    image.fill(0xFF000000 + seed * 0x010305)
    return image


def test_a_pass_started_for_pictures_never_lands_on_a_network_that_takes_none(tmp_path, qtbot,
                                                                              cat_files):
    s = Studio()
    cat_files(tmp_path / "cat", size=16)
    opened = []
    assert s.open_dataset(str(tmp_path / "cat"), then=lambda: opened.append(True))
    qtbot.waitUntil(lambda: opened == [True] and not s.busy, timeout=30_000)
    assert s.set_layers([512, 1])  # 768 inputs: 16×16 RGB
    pictures = 12
    # big enough that the gallery's pass runs on a thread and lands later, on the GUI thread
    assert pictures * s.model.network.weight_count > INLINE_MACS
    for k in range(pictures):
        assert s.classify.classify_image(picture(k), f"p{k}")
    qtbot.waitUntil(lambda: len(s.classify.results) == pictures
                    and not s.classify.predictions.pending
                    and not any(math.isnan(r.probability) for r in s.classify.results),
                    timeout=30_000)
    s.classify.set_mode("squash" if s.classify.mode != "squash" else "crop")  # a pass starts
    assert s.classify.predictions.pending
    assert s.choose_preset("plane-moons")  # and, before it lands, numbers, not pictures
    assert not s.classify.takes_pictures()
    qtbot.waitUntil(lambda: not s.classify.predictions.pending, timeout=30_000)
    shown = [r.probability for r in s.classify.results]
    assert len(shown) == pictures and np.isnan(shown).all(), shown
