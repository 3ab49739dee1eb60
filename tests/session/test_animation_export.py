"""The export's machinery without a window: frames drawn a turn of the event loop apart, encoded
on a thread as they come, progress counted to the end with an estimate; a failed frame, Cancel
or the owner going away leaves no file."""

from __future__ import annotations

import math
import os

import numpy as np
import pytest
import shiboken6
from PIL import Image, ImageSequence

from bpstudio.session.animation_export import AnimationExport


class Source:
    """Frame k a grey of its own; ``fail_at``: the frame whose drawing raises."""

    def __init__(self, count=6, fail_at=None):
        self.count, self.fail_at = count, fail_at
        self.shown: list[int] = []
        self.taken: list[int] = []

    def duration(self, k):
        return 100 * (k + 1)

    def show(self, k):
        self.shown.append(k)

    def take(self, k):
        assert self.shown[-1] == k  # laid out first, drawn after
        if k == self.fail_at:
            raise RuntimeError("no frame")
        self.taken.append(k)
        return np.full((24, 32, 3), 30 * k, np.uint8)


def test_every_frame_in_order_with_progress_to_the_end(qtbot, tmp_path):
    export = AnimationExport()
    seen = []
    export.progressed.connect(lambda done, total, left: seen.append((done, total, left)))
    source = Source()
    with qtbot.waitSignal(export.finished, timeout=30000) as finished:
        export.start(str(tmp_path / "a.gif"), source)
    assert finished.args == [str(tmp_path / "a.gif")]
    assert not export.running
    assert source.taken == list(range(6))
    assert seen[0][:2] == (0, 6) and math.isnan(seen[0][2])
    assert [s[0] for s in seen[1:]] == [1, 2, 3, 4, 5, 6]
    assert seen[-1][2] == 0
    with Image.open(tmp_path / "a.gif") as im:
        durations = [f.info["duration"] for f in ImageSequence.Iterator(im)]
    assert durations == [100, 200, 300, 400, 500, 600]


def test_a_frame_that_cannot_be_drawn_leaves_no_file(qtbot, tmp_path):
    export = AnimationExport()
    with qtbot.waitSignal(export.failed, timeout=30000) as failed:
        export.start(str(tmp_path / "a.mp4"), Source(fail_at=3))
    assert str(failed.args[0]) == "no frame"
    export.wait()
    assert os.listdir(tmp_path) == []


def test_a_cancel_after_the_file_is_whole_is_refused_and_it_stays(qtbot, tmp_path):
    export = AnimationExport()
    with qtbot.waitSignal(export.finished, timeout=30000):
        export.start(str(tmp_path / "a.png"), Source(count=2))
    assert not export.cancel()
    assert os.listdir(tmp_path) == ["a.png"]


@pytest.mark.parametrize("suffix", [".webp", ".webm"])
def test_the_owner_gone_half_way_stops_the_encoder_and_leaves_no_file(qtbot, tmp_path, suffix):
    export = AnimationExport()
    source = Source(count=50)
    thread = []
    export.progressed.connect(lambda done, total, left: done == 2 and thread.append(
        export._job._thread))  # noqa: SLF001 - the encoder's thread, to see it end
    export.start(str(tmp_path / f"a{suffix}"), source)
    qtbot.waitUntil(lambda: bool(thread))
    shiboken6.delete(export)  # as the window's closing deletes it
    thread[0].join(30)
    assert not thread[0].is_alive()
    assert os.listdir(tmp_path) == []
