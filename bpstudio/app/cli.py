"""The command line: ``bpstudio train`` and ``bpstudio classify`` run in the terminal; anything
else starts the app (``bpstudio FILE…`` opens the files in it, see build_gui_parser).

Bad arguments give a usage message and exit 2; bad files a one-line message and exit 1. Nothing
ends in a traceback: what the file checks did not foresee is still one line and exit 1; Ctrl+C
is one line and exit 130; a reader that stops reading (``bpstudio train … | head -1``) ends the
command quietly with exit 141, as the shell's own tools do.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import signal
import sys
import time
from collections.abc import Iterator

from .. import __version__
from .cli_numbers import number

EXIT_FILE = 1
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl+C
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE: the reader of our output went away


def _layers(text: str) -> list[int]:
    try:
        dims = [int(n) for n in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected sizes like 12288,20,7,5,1, not {text!r}") from None
    if len(dims) < 2 or min(dims) < 1:
        raise argparse.ArgumentTypeError("need at least two layer sizes, each 1 or more")
    return dims


def _names(text: str) -> list[str]:
    return [s.strip() for s in text.split(",")]


_positive_float = number(float, lambda v: 0 < v < float("inf"), "a positive number")
_non_negative_float = number(float, lambda v: 0 <= v < float("inf"), "0 or more")
_positive_int = number(int, lambda v: v >= 1, "1 or more")


COMMANDS = ("train", "classify", "lesson", "export")


def build_gui_parser() -> argparse.ArgumentParser:
    """``bpstudio [FILE…]``: the app, opening what it is given as a drop on its window would."""
    parser = argparse.ArgumentParser(
        prog="bpstudio",
        description="BP Studio: see back-propagation work. Opens the app, and in it the files "
                    "given: a session (.bpstudio), a model (.npz), a data set (.h5, the cat data's "
                    "folder, .csv, a folder of class folders) or pictures to classify. A window "
                    "already open takes them (one window per user).",
        epilog="In the terminal: bpstudio train …, bpstudio classify … and bpstudio export … "
               "(bpstudio train --help).")
    parser.add_argument("files", nargs="*", metavar="FILE", help="files or folders to open")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data", metavar="DIR", help="open this data set (a folder or an .h5 file)")
    parser.add_argument("--new-window", action="store_true",
                        help="open a window of its own even when one is open already")
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument("--install-desktop", action="store_true",
                         help="add BP Studio to the desktop's menu, with its icon, and open "
                              ".bpstudio sessions with it (Linux, for this user)")
    desktop.add_argument("--uninstall-desktop", action="store_true",
                         help="remove what --install-desktop added")
    parser.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The terminal's commands (the first argument is one of COMMANDS)."""
    from ..core.activations import ACTIVATIONS
    from ..core.losses import LOSSES
    from ..core.network import INITIALIZERS, MAX_SEED, PRECISIONS

    seed = number(int, lambda v: 0 <= v <= MAX_SEED, f"a whole number from 0 to {MAX_SEED}")

    parser = argparse.ArgumentParser(
        prog="bpstudio",
        description="BP Studio in the terminal: train a network, classify pictures with one, check "
                    "a lesson, or export a saved session's iteration as an animation.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    t = sub.add_parser("train", help="train a network on a data set and print its cost")
    t.add_argument("--data", required=True, metavar="DIR",
                   help="the cat data: a folder, train_catvnoncat.h5 or test_catvnoncat.h5")
    t.add_argument("--layers", type=_layers, default=[12288, 20, 7, 5, 1], metavar="N0,N1,…",
                   help="layer sizes, input first (default 12288,20,7,5,1)")
    t.add_argument("--activations", type=_names, metavar="A1,…",
                   help=f"one per layer after the input, from {', '.join(ACTIVATIONS)} "
                        "(default: relu for hidden layers, sigmoid for the output)")
    t.add_argument("--lr", type=_positive_float, default=0.0075, help="learning rate α (0.0075)")
    t.add_argument("--iterations", type=_positive_int, default=2500, help="iterations (2500)")
    t.add_argument("--batch-size", type=_positive_int, metavar="N",
                   help="mini-batch size (default: the full batch)")
    t.add_argument("--init", choices=INITIALIZERS, default="lecun", help="initialiser (lecun)")
    t.add_argument("--seed", type=seed, default=1, help="random seed, 0 to 2³²−1 (1)")
    t.add_argument("--dtype", choices=PRECISIONS, default="float64",
                   help="float64 (exact) or float32 (fast)")
    t.add_argument("--loss", choices=list(LOSSES), default="bce", help="cost (bce)")
    t.add_argument("--l2", type=_non_negative_float, default=0.0, metavar="λ", help="L2 strength (0)")
    t.add_argument("--log-every", type=_positive_int, default=100, metavar="K",
                   help="print the cost every K iterations (100)")
    t.add_argument("--save", metavar="MODEL.npz", help="save the trained model")
    t.add_argument("--json", action="store_true", help="end with one JSON line of results")
    t.set_defaults(run=cmd_train, parser=t)

    c = sub.add_parser("classify", help="classify images with a saved model")
    c.add_argument("--model", required=True, metavar="MODEL.npz")
    c.add_argument("images", nargs="+", metavar="IMAGE")
    c.add_argument("--squash", action="store_true",
                   help="squash the whole picture to the input size instead of a centre crop")
    c.add_argument("--json", action="store_true", help="print a JSON list of results")
    c.set_defaults(run=cmd_classify, parser=c)

    le = sub.add_parser("lesson", help="check a lesson file without opening a window")
    le.add_argument("--check", required=True, metavar="LESSON.md",
                    help="run every beat's actions, compare every quoted number with the app's, "
                         "and name what is missing; one line per fault, exit 1 if any")
    le.add_argument("--cat-data", metavar="DIR",
                    help="the cat data, for lessons that open it (default: $BPSTUDIO_CAT_DATA, "
                         "else the data set the app opened last)")
    le.set_defaults(run=cmd_lesson, parser=le)
    from .cli_export import add_parser  # bpstudio export SESSION --animation OUT.gif
    add_parser(sub, _fail)
    return parser


class _ProgressBar:
    """A one-line bar on stderr, only when stderr is a terminal."""

    def __init__(self, total: int):
        self.total = total
        self.enabled = sys.stderr.isatty()

    def update(self, done: int, elapsed: float) -> None:
        if not self.enabled:
            return
        frac = done / self.total
        rate = done / elapsed if elapsed > 0 else 0
        left = (self.total - done) / rate if rate else 0
        bar = "█" * int(30 * frac) + "·" * (30 - int(30 * frac))
        sys.stderr.write(f"\r{bar} {done}/{self.total} {rate:,.0f} it/s, {left:.0f} s left ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 70 + "\r")
            sys.stderr.flush()


def _fail(message: str, status: int = EXIT_FILE) -> int:
    try:
        print(f"bpstudio: {message}", file=sys.stderr)
    except OSError:  # stderr closed too (… 2>&1 | head -1): the exit status still says it
        pass
    return status


def _silence_stdout() -> None:
    """After the reader of stdout went away: what is still buffered goes nowhere, so Python's
    flush at exit raises nothing ("Exception ignored … BrokenPipeError")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real stdout (a test's capture): nothing to flush at exit
        pass


def run_terminal_command(argv: list[str]) -> int:
    """``bpstudio train|classify|lesson …``: the exit status; Ctrl+C and a closed pipe end it
    quietly wherever they come (while parsing, importing numpy, training or printing)."""
    try:
        return run_command(build_parser().parse_args(argv))
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PIPE_CLOSED


@contextlib.contextmanager
def _ctrl_c_stops(trainer) -> Iterator[list[int]]:
    """Ctrl+C while training asks the trainer to stop at its next iteration; the list it yields
    says whether it did, and the command ends as Ctrl+C ends it, after the iteration instead of
    in the middle of numpy's work. A second Ctrl+C, for an iteration that does not end,
    interrupts at once. A command started with SIGINT ignored (``&`` in a script) keeps it so."""
    interrupted: list[int] = []

    def on_ctrl_c(signum, frame) -> None:
        if interrupted:
            raise KeyboardInterrupt
        interrupted.append(signum)
        trainer.stop()

    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:  # started with & by a script: its way
        yield interrupted
        return
    try:
        previous = signal.signal(signal.SIGINT, on_ctrl_c)
    except ValueError:  # not the main thread (a caller's own thread): Ctrl+C is not ours to take
        yield interrupted
        return
    try:
        yield interrupted
    finally:
        signal.signal(signal.SIGINT, previous)


def cmd_train(args) -> int:
    from ..core.datasets import DatasetError
    from ..core.h5data import load_catvnoncat
    from ..core.modelfile import ModelFileError, save_model
    from ..core.network import Network, NetworkError
    from ..core.trainer import HyperParameters, ProgressState, Trainer, accuracy

    try:
        ds = load_catvnoncat(args.data)
    except DatasetError as e:
        return _fail(str(e))
    try:
        net = Network.create(args.layers, args.activations, loss=args.loss, init=args.init,
                             seed=args.seed, precision=args.dtype)
        hyper = HyperParameters(args.lr, args.iterations, args.batch_size, args.l2,
                                shuffle_seed=args.seed)
        X, X_test = ds.inputs(net.input_dtype)
        trainer = Trainer(net, X, ds.Y_train, hyper, report_every=args.log_every)
    except NetworkError as e:
        args.parser.error(str(e))
    bar = _ProgressBar(args.iterations)
    logged: list[list[float]] = []
    start = time.perf_counter()
    final = None
    with _ctrl_c_stops(trainer) as interrupted:
        for record in trainer.run():
            for k, cost in enumerate(record.costs):
                i = record.first + k
                if i % args.log_every == 0:
                    logged.append([i, float(cost)])
                    bar.close()
                    print(f"Cost after iteration {i}: {cost:f}", flush=True)
            bar.update(record.done, record.elapsed)
            final = record
    bar.close()
    if interrupted:
        raise KeyboardInterrupt
    seconds = time.perf_counter() - start
    if final.state is ProgressState.DIVERGED:
        print(final.message, file=sys.stderr)
    train_acc = accuracy(net.predict_proba(X), ds.Y_train)
    test_acc = accuracy(net.predict_proba(X_test), ds.Y_test)
    print(f"train accuracy: {train_acc:.6f}")
    print(f"test accuracy: {test_acc:.6f}")
    print(f"{final.done} iterations in {seconds:.2f} s ({1000 * seconds / max(final.done, 1):.2f} ms "
          "per iteration)")
    if args.save:
        try:
            save_model(args.save, net, input_shape=ds.input_shape, class_names=ds.classes)
        except ModelFileError as e:
            return _fail(str(e))
        print(f"saved {args.save}")
    if args.json:
        print(json.dumps({
            "costs": logged,
            "train_accuracy": train_acc,
            "test_accuracy": test_acc,
            "seconds": seconds,
            "ms_per_iteration": 1000 * seconds / max(final.done, 1),
        }))
    return 0 if final.state is ProgressState.FINISHED else EXIT_FILE


def cmd_classify(args) -> int:
    import numpy as np

    from ..core.datasets import images_to_columns
    from ..core.modelfile import ModelFileError, load_model
    from ..core.network import decide
    from ..session.images import CROP, SQUASH, ImageError, load_input_image

    try:
        net, info = load_model(args.model)
    except ModelFileError as e:
        return _fail(str(e))
    if len(info.input_shape) != 3:
        return _fail(f"{os.path.basename(args.model)}: this model takes {info.input_shape[0]} "
                     "numbers, not images")
    results, status = [], 0
    for path in args.images:
        try:
            pixels = load_input_image(path, info.input_shape, SQUASH if args.squash else CROP)
        except ImageError as e:
            status = _fail(str(e))
            continue
        with np.errstate(over="ignore", invalid="ignore"):  # a non-finite result is said below
            p = float(net.predict_proba(images_to_columns(pixels[None]))[0, 0])
        if not math.isfinite(p):  # JSON has no NaN: null, and why
            status = _fail(f"{os.path.basename(path)}: the model's output is not a number")
            results.append({"path": path, "probability": None, "label": None,
                            "reason": "the model's output is not a number"})
            continue
        label = info.class_names[decide(p)]
        results.append({"path": path, "probability": p, "label": label})
        if not args.json:
            print(f"{path}: {p:.2f} {label}")
    if args.json:
        print(json.dumps(results, allow_nan=False))
    return status


def cmd_lesson(args) -> int:
    if not os.environ.get("QT_QPA_PLATFORM"):  # a terminal command needs no screen
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from ..session.lesson_actions import cat_data_in
    from ..session.lesson_check import check_lesson_file
    from .file_actions import LAST_DATA_KEY
    from .gui import create_application
    from .settings import recall

    create_application(["bpstudio"])
    last = recall(LAST_DATA_KEY, "", str)
    folder = cat_data_in(args.cat_data, os.environ.get("BPSTUDIO_CAT_DATA"),
                         last if os.path.isdir(last) else os.path.dirname(last))
    faults = check_lesson_file(args.check, lambda: folder)
    for line in faults:
        print(line)
    if not faults:
        print(f"{os.path.basename(args.check)}: good")
    return 1 if faults else 0


def run_command(args) -> int:
    from ..core.messages import UserMessage

    try:
        return args.run(args)
    except BrokenPipeError:
        raise  # the reader went away: not an error of ours (run_terminal_command)
    except UserMessage as e:
        return _fail(str(e))
    except MemoryError:
        return _fail("not enough memory for this")
    except Exception as e:  # noqa: BLE001 - a bug, still one line for whoever runs it
        return _fail(f"unexpected error: {type(e).__name__}: {e}")
