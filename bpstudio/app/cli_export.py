"""``bpstudio export SESSION.bpstudio --animation OUT.gif``: a saved session's iteration as an
animation, without a window: the same frames as File → Export → Animation of this iteration…
(app/animations.py), drawn off screen and encoded as the window encodes them."""

from __future__ import annotations

import argparse
import math
import os
import signal
import sys

from ..core.animation import SUFFIXES
from .cli_numbers import number

# the window's choices (widgets/step_frames.py SIZES, widgets/theme.py THEMES, app/i18n.py
# LANGUAGES), named here so that parsing the command line imports no Qt
SIZES = ("1024x768", "1920x1080")
THEMES = ("light", "dark", "projector", "contrast")
LANGUAGES = ("en", "zh_CN")

_seconds = number(float, lambda v: 0.1 <= v <= 60, "0.1 to 60 seconds")
_frames = number(int, lambda n: 2 <= n <= 2000, "2 to 2000 frames")


def _sample(text: str) -> str | int:
    if text == "batch":
        return text
    try:
        k = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a sample number (1, 2, …) or batch, not {text!r}") \
            from None
    if k < 1:
        raise argparse.ArgumentTypeError(f"samples are numbered from 1, not {text}")
    return k


def add_parser(sub, fail) -> None:
    e = sub.add_parser("export", help="write a saved session's iteration as an animation, or "
                                      "its run as a time-lapse")
    e.add_argument("session", metavar="SESSION.bpstudio")
    out = e.add_mutually_exclusive_group(required=True)
    out.add_argument("--animation", metavar="OUT",
                     help="the iteration's steps to OUT: .gif, .png (APNG), .webp, .mp4 (H.264) "
                          "or .webm (VP9)")
    out.add_argument("--timelapse", metavar="OUT",
                     help="the run's iterations to OUT (the same formats)")
    e.add_argument("--frames", type=_frames, default=100, metavar="N",
                   help="the time-lapse's frames (100)")
    e.add_argument("--spacing", choices=["even", "log"], default="even",
                   help="the time-lapse's iterations: evenly spaced or log-spaced (even)")
    e.add_argument("--size", choices=list(SIZES), default="1024x768", help="frame size (1024x768)")
    e.add_argument("--duration", type=_seconds, default=2.0, metavar="S",
                   help="seconds each step is shown (2)")
    e.add_argument("--sample", type=_sample, metavar="N|batch",
                   help="step training sample N (from 1), or the whole batch (default: as saved)")
    e.add_argument("--theme", choices=list(THEMES), help="light, dark, projector or contrast "
                                                         "(default: the app's)")
    e.add_argument("--language", choices=list(LANGUAGES), help="en or zh_CN (default: the app's)")
    e.set_defaults(run=lambda args: cmd_export(args, fail), parser=e)


def _quiet_offscreen(kind, context, message: str) -> None:
    """Qt's words on stderr, but the offscreen platform's about what it cannot do for a
    window (it shows none)."""
    if "This plugin does not support" not in message:
        sys.stderr.write(message + "\n")


def cmd_export(args, fail) -> int:
    out = args.timelapse or args.animation
    option = "--timelapse" if args.timelapse else "--animation"
    if os.path.splitext(out)[1].lower() not in SUFFIXES:
        args.parser.error(f"{option}: a .gif, .png, .webp, .mp4 or .webm file, not {out}")
    if not os.environ.get("QT_QPA_PLATFORM"):  # no window: drawn off screen
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop, QTimer, qInstallMessageHandler

    from ..session.animation_export import AnimationExport
    from ..session.messages import translated
    from ..session.studio import Studio
    from ..session.timelapse import when_all_reachable
    from ..widgets.run_frames import RunFrames
    from ..widgets.step_frames import IterationFrames
    from .animations import iteration_frames
    from .timelapses import runs_timelines, timelapse_frames
    from .gui import create_application
    from .i18n import apply_language, saved_language
    from .themes import saved_theme

    app = create_application(["bpstudio"])
    qInstallMessageHandler(_quiet_offscreen)
    apply_language(args.language or saved_language())
    studio = Studio()
    said: list[str] = []
    studio.message.connect(said.append)
    opened: list[str] = []
    studio.store.opened.connect(lambda path, remark: opened.append(path))

    # Ctrl+C: a KeyboardInterrupt raised in a slot is printed by Qt and dropped, so the handler
    # only says so; the wait below ends at its next poll and the export is cancelled
    interrupted: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda *_: interrupted.append(1))
    export: AnimationExport | None = None

    def wait(done) -> None:
        """The event loop runs (the frames are drawn in its turns) until ``done()``; Ctrl+C
        cancels the export (nothing is left of its file) and ends the command."""
        loop, poll = QEventLoop(), QTimer()
        poll.timeout.connect(lambda: (done() or interrupted) and loop.quit())
        poll.start(20)
        if not done() and not interrupted:
            loop.exec()
        poll.stop()
        if interrupted:
            if export is not None:
                export.cancel()
                export.wait()
            raise KeyboardInterrupt

    try:
        if not os.path.isfile(args.session):
            return fail(f"{args.session}: no such file")
        studio.open_session(args.session)
        settled: list[bool] = []
        studio.when_settled(lambda: settled.append(True))
        wait(lambda: settled)
        if not opened:
            return fail(said[-1] if said else f"{args.session}: could not open it")
        mode = None
        if args.sample == "batch":
            mode = "batch"
        elif args.sample is not None:
            m = studio.model.dataset.X_train.shape[1]
            if args.sample > m:
                return fail(f"--sample {args.sample}: the session's data has {m} training samples")
            studio.choose_sample(args.sample - 1)
            mode = "sample"
        if args.timelapse:
            reachable: list[bool] = []
            when_all_reachable(runs_timelines(studio), reachable.append)
            wait(lambda: reachable)
            if not reachable[0]:
                return fail(f"{args.session}: no training run to show (train, then save it)")
            frames: RunFrames | IterationFrames = timelapse_frames(
                studio, args.size, args.frames, args.spacing, args.theme or saved_theme())
        else:
            frames = iteration_frames(studio, args.size, args.duration, mode,
                                      args.theme or saved_theme())
            ready: list[BaseException | None] = []
            frames.when_ready(lambda: ready.append(None), ready.append)
            wait(lambda: ready)
            if ready[0] is not None:
                frames.close()
                return fail(f"{os.path.basename(out)}: not written ({translated(ready[0])})")
        export = AnimationExport()
        ended: list[str | BaseException | None] = []
        export.finished.connect(ended.append)
        export.failed.connect(ended.append)
        shown = sys.stderr.isatty()

        def progressed(done: int, total: int, left: float) -> None:
            if shown:
                eta = f", about {math.ceil(left)} s left" if math.isfinite(left) else ""
                sys.stderr.write(f"\rframe {done} of {total}{eta}   ")
                sys.stderr.flush()

        export.progressed.connect(progressed)
        export.start(out, frames)
        wait(lambda: ended)
        if shown:
            sys.stderr.write("\r" + " " * 50 + "\r")
        if isinstance(ended[0], BaseException):
            return fail(f"{os.path.basename(out)}: {translated(ended[0])}")
        what = (f" (the title and {frames.count - 1} iterations)" if args.timelapse else "")
        print(f"wrote {out}: {frames.count} frames{what}, {args.size}")
        return 0
    finally:
        signal.signal(signal.SIGINT, previous)
        studio.shut_down()
