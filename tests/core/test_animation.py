"""Animations written and read back with the libraries that wrote them (Pillow, PyAV): every
format has its frames, in order, at their size and for their durations; an export that fails or
is cancelled half-way leaves no file."""

from __future__ import annotations

import os

import av
import numpy as np
import pytest
from PIL import Image, ImageSequence

from bpstudio.core.animation import AnimationError, animation_format, write_animation

W, H = 64, 48


def frames(n=4):
    """Frame k: a grey of its own with a coloured square where k says, so each differs."""
    out = []
    for k in range(n):
        pixels = np.full((H, W, 3), 40 * k + 20, np.uint8)
        pixels[4:12, 4 + 10 * k:12 + 10 * k] = (250, 30, 30)
        out.append((pixels, 500 if k == 0 else 300))
    return out


def still_frames(path):
    with Image.open(path) as im:
        return [(np.asarray(f.convert("RGB")), f.info.get("duration"))
                for f in ImageSequence.Iterator(im)]


@pytest.mark.parametrize("suffix", [".gif", ".png", ".webp"])
def test_still_image_animations_hold_every_frame_for_its_duration(tmp_path, suffix):
    path = tmp_path / f"a{suffix}"
    given = frames()
    seen = []
    assert write_animation(path, iter(given), seen.append) == 4
    assert seen == [1, 2, 3, 4]
    read = still_frames(path)
    assert len(read) == 4
    for (pixels, ms), (back, duration) in zip(given, read):
        assert back.shape == (H, W, 3)
        assert duration == ms
        # GIF keeps 256 colours of each frame; these few are exact everywhere
        assert np.abs(back.astype(int) - pixels).max() <= 2


@pytest.mark.parametrize("suffix", [".mp4", ".webm"])
def test_videos_show_every_frame_for_its_duration(tmp_path, suffix):
    path = tmp_path / f"a{suffix}"
    given = frames()
    write_animation(path, iter(given))
    with av.open(str(path)) as c:
        decoded = [(f.time, f.to_ndarray(format="rgb24")) for f in c.decode(video=0)]
    assert decoded[0][1].shape == (H, W, 3)
    # 0.5 s then 0.3 s each: at ten frames a second, 5 + 3 + 3 + 3 frames
    assert len(decoded) == 14
    assert [round(t, 3) for t, _ in decoded] == [round(0.1 * i, 3) for i in range(14)]
    first = [0, 5, 8, 11]  # each frame's first tenth of a second
    for k, (pixels, _) in enumerate(given):
        for i in range(first[k], first[k + 1] if k + 1 < len(first) else 14):
            back = decoded[i][1]  # lossy, yet each frame's own grey and the square where it is
            assert abs(int(back[30, 30, 0]) - int(pixels[30, 30, 0])) < 8
            square = back[6:10, 6 + 10 * k:10 + 10 * k]
            assert square[..., 0].mean() > 180 and square[..., 1].mean() < 90


def test_an_export_cancelled_half_way_leaves_no_file_and_the_old_one_whole(tmp_path):
    class Cancelled(BaseException):
        pass

    for suffix in (".gif", ".mp4"):
        path = tmp_path / f"a{suffix}"
        path.write_bytes(b"old")

        def cancelled_after_two():
            yield from frames()[:2]
            raise Cancelled

        with pytest.raises(Cancelled):
            write_animation(path, cancelled_after_two())
        assert path.read_bytes() == b"old"
        assert os.listdir(tmp_path) == [path.name]
        path.unlink()


def test_a_folder_that_is_not_there_or_read_only_leaves_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_animation(tmp_path / "gone" / "a.gif", iter(frames()))
    assert os.listdir(tmp_path) == []
    if os.geteuid() == 0:
        return  # root writes in a read-only folder

    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(PermissionError):
            write_animation(folder / "a.gif", iter(frames()))
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o700)


def test_frames_that_are_no_animation_are_refused_and_leave_nothing(tmp_path):
    with pytest.raises(AnimationError, match="differ in size"):
        write_animation(tmp_path / "a.mp4", iter([frames()[0], (np.zeros((8, 8, 3), np.uint8), 100)]))
    with pytest.raises(AnimationError, match="no frames"):
        write_animation(tmp_path / "a.gif", iter([]))
    with pytest.raises(AnimationError, match="even"):
        write_animation(tmp_path / "a.mp4", iter([(np.zeros((9, 8, 3), np.uint8), 100)]))
    assert os.listdir(tmp_path) == []


def test_the_suffix_names_the_format():
    assert [animation_format(f"x{s}") for s in (".GIF", ".png", ".apng", ".webp", ".mp4", ".webm")] \
        == ["gif", "apng", "apng", "webp", "mp4", "webm"]
    with pytest.raises(AnimationError, match="x.avi: an animation is"):
        animation_format("x.avi")
