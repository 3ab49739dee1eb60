"""Frames to a file: animated GIF, APNG and animated WebP (Pillow), MP4 (H.264) and WebM (VP9)
(PyAV, whose wheels carry FFmpeg with libx264 and libvpx).

A frame is an RGB array (height, width, 3) of uint8 and how long it is shown, in milliseconds.
The frames come from an iterable, one at a time, as they are drawn (a video is encoded as they
come; the still-image formats keep them, a GIF's already reduced to its 256 colours, and write
the file at the end, as Pillow writes them). The file is written atomically (atomicfile.py): an
export that fails or is cancelled (the iterable raises) leaves no file and no half of one, and
an old file of the name as it was.
"""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path
from typing import IO, Callable, Iterable

import numpy as np

from .atomicfile import atomic_write
from .messages import QT_TRANSLATE_NOOP, UserMessage

GIF, APNG, WEBP, MP4, WEBM = "gif", "apng", "webp", "mp4", "webm"
SUFFIXES = {".gif": GIF, ".png": APNG, ".apng": APNG, ".webp": WEBP, ".mp4": MP4, ".webm": WEBM}
VIDEO_TICK_MS = 100  # a video's frames last whole tenths of a second (its frame rate: ≤ 10 fps)

Frame = tuple[np.ndarray, int]  # RGB (h, w, 3) uint8, and its duration in ms
Progress = Callable[[int], None]  # frames written so far


class AnimationError(UserMessage):
    """A file name no animation is written to, or frames that do not make one."""


def animation_format(path: str | os.PathLike[str]) -> str:
    """The format a file name asks for, by its suffix; AnimationError for another."""
    kind = SUFFIXES.get(Path(path).suffix.lower())
    if kind is None:
        raise AnimationError(QT_TRANSLATE_NOOP(
            "core", "{name}: an animation is a .gif, .png, .webp, .mp4 or .webm file"),
            name=Path(path).name)
    return kind


def write_animation(path: str | os.PathLike[str], frames: Iterable[Frame],
                    progress: Progress | None = None,
                    last_look: Callable[[], None] | None = None) -> int:
    """Write ``frames`` to ``path`` in the format its suffix names; the number of frames
    written. ``progress(k)`` is called after each frame is taken in; ``last_look()`` once all
    is written, before the file takes the name (an exception from it leaves no file)."""
    kind = animation_format(path)
    with atomic_write(path) as f:
        if kind in (MP4, WEBM):
            written = _write_video(f, kind, frames, progress)
        else:
            written = _write_pillow(f, kind, frames, progress)
        if last_look is not None:
            last_look()
        return written


def _checked(frames: Iterable[Frame]) -> Iterable[Frame]:
    size = None
    for pixels, ms in frames:
        if pixels.ndim != 3 or pixels.shape[2] != 3 or pixels.dtype != np.uint8:
            raise AnimationError(QT_TRANSLATE_NOOP("core", "a frame is not an RGB picture"))
        if size is None:
            size = pixels.shape
        elif pixels.shape != size:
            raise AnimationError(QT_TRANSLATE_NOOP("core", "the frames differ in size"))
        yield pixels, max(int(ms), 10)


def _write_pillow(f: IO[bytes], kind: str, frames: Iterable[Frame],
                  progress: Progress | None) -> int:
    from PIL import Image

    images, durations = [], []
    for k, (pixels, ms) in enumerate(_checked(frames), start=1):
        image = Image.fromarray(pixels, "RGB")
        if kind == GIF:  # reduced as it comes (as Pillow would at the end): the end is quick
            image = image.convert("P", palette=Image.Palette.ADAPTIVE)
        images.append(image)
        durations.append(ms)
        if progress is not None:
            progress(k)
    if not images:
        raise AnimationError(QT_TRANSLATE_NOOP("core", "no frames to write"))
    options: dict[str, object] = {"save_all": True, "append_images": images[1:],
                                  "duration": durations, "loop": 0}
    if kind == GIF:
        options["optimize"] = False  # every palette its own: a heatmap keeps its colours
    elif kind == WEBP:
        options.update(lossless=True, quality=50, method=0)  # lossless: the numbers stay sharp
    images[0].save(f, format={GIF: "GIF", APNG: "PNG", WEBP: "WEBP"}[kind], **options)
    return len(images)


def _write_video(f: IO[bytes], kind: str, frames: Iterable[Frame],
                 progress: Progress | None) -> int:
    """Each frame repeated for as many ticks as it lasts, at a constant frame rate (players and
    slide programs take it as it is): the frame rate is the largest that divides every duration
    given as whole ticks, which the first frame's duration and VIDEO_TICK_MS decide."""
    import av

    container = av.open(f, mode="w", format="mp4" if kind == MP4 else "webm")
    stream = None
    tick = 0
    written = 0
    try:
        for k, (pixels, ms) in enumerate(_checked(frames), start=1):
            ticks = max(round(ms / VIDEO_TICK_MS), 1)
            if stream is None:
                h, w = pixels.shape[:2]
                if h % 2 or w % 2:  # 4:2:0 colour takes even sizes
                    raise AnimationError(QT_TRANSLATE_NOOP(
                        "core", "a video's width and height are even numbers"))
                rate = Fraction(1000, VIDEO_TICK_MS)
                stream = (container.add_stream("libx264", rate=rate, options={
                              "preset": "veryfast", "crf": "18", "tune": "stillimage"})
                          if kind == MP4 else
                          container.add_stream("libvpx-vp9", rate=rate, options={
                              "deadline": "realtime", "cpu-used": "8", "crf": "20", "b": "0"}))
                stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(pixels), format="rgb24")
            frame = frame.reformat(format="yuv420p")  # once, not once a tick
            for _ in range(ticks):
                frame.pts = tick
                tick += 1
                for packet in stream.encode(frame):
                    container.mux(packet)
            written = k
            if progress is not None:
                progress(k)
        if stream is None:
            raise AnimationError(QT_TRANSLATE_NOOP("core", "no frames to write"))
        for packet in stream.encode():
            container.mux(packet)
    finally:
        container.close()
    return written

