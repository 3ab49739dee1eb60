"""Start → a window that answers a click: how long a new BP Studio process takes.

Run:  python benchmarks/bench_start.py [--rounds 5] [--mode quiet|busy|both] [--imports 15]
      [--compare OTHER_TREE] [--no-bytecode]

Each round starts a new Python process (offscreen Qt, settings of its own) that does what
``bpstudio`` does when started (app/gui.py's run_gui: the application, the studio, the window,
shown) and posts a mouse click on the Reset button as the window shows; printed: when the window
first painted and when the click was answered, counted from the moment the process was started,
the median and every round, and the machine's load. Then one start under ``python -X importtime``
lists the imports that took longest (cumulative). Issue 32's target: a window that answers a
click ≤ 0.8 s (median).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _load import busy_core, load_line

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import os, sys, time
started = float(sys.argv[1])
from bpstudio.app.gui import create_application
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QSettings

app = create_application()
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["XDG_CONFIG_HOME"])
from bpstudio.session.studio import Studio
from bpstudio.app.main_window import MainWindow

window = MainWindow(Studio())
times = {}


class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "paint" not in times:
            times["paint"] = time.time()
        return False


watch = FirstPaint()
app.installEventFilter(watch)
button = window.training_panel.reset_button


def answered():
    times["click"] = time.time()
    times["cpu"] = time.process_time()  # the process's CPU until then: what load cannot stretch
    plots = window.cost_plot
    if getattr(plots, "is_built", True):  # (before issue 32's deferred plots: built at once)
        plotted()
    else:
        plots.built.connect(plotted)


def plotted():
    end = time.time()
    print(f"{times.get('paint', times['click']) - started:.4f} {times['click'] - started:.4f} "
          f"{end - started:.4f} {times['cpu']:.4f}", flush=True)
    os._exit(0)  # (what closing does is not what is measured)


button.clicked.connect(answered)
window.show()
centre = QPointF(button.rect().center())
for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
    app.postEvent(button, QMouseEvent(kind, centre, button.mapToGlobal(centre),
                                      Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                                      Qt.KeyboardModifier.NoModifier))
app.exec()
"""


PYCACHE = Path(tempfile.gettempdir()) / "bpstudio-bench-start-pycache"


def one_start(extra: list[str] | None = None, tree: Path = ROOT,
              bytecode: bool = True) -> tuple[float, float, float, float, str]:
    """One start of the source in ``tree``: (first paint, click answered, plots built, the
    process's CPU seconds until the click) in s.
    ``bytecode``: compiled modules kept between starts (in a folder of the benchmark's own), as
    an installed BP Studio has them (pip compiles them); without, every module is compiled at
    each start (PYTHONDONTWRITEBYTECODE, as the development machine sets it)."""
    folder = tempfile.mkdtemp(prefix="bpstudio-bench-start-")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "XDG_CONFIG_HOME": folder, "XDG_DATA_HOME": folder, "PYTHONPATH": str(tree)}
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    started = time.time()
    out = subprocess.run([sys.executable, *(extra or []), "-c", CHILD, repr(started)],
                         capture_output=True, text=True, env=env, timeout=120)
    if out.returncode != 0 or not out.stdout.strip():
        raise RuntimeError(out.stderr[-2000:])
    paint, click, built, cpu = map(float, out.stdout.split())
    return paint, click, built, cpu, out.stderr


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--mode", choices=("quiet", "busy", "both"), default="both")
    ap.add_argument("--imports", type=int, default=15, help="the slowest imports to list")
    ap.add_argument("--compare", type=Path, default=None, metavar="TREE",
                    help="another source tree (e.g. main's, from git archive), started in turn "
                         "with this one in every round: before and after in one run")
    ap.add_argument("--no-bytecode", action="store_true",
                    help="compile every module at each start (PYTHONDONTWRITEBYTECODE)")
    args = ap.parse_args()
    trees = {"this": ROOT} | ({"compared": args.compare.resolve()} if args.compare else {})
    bytecode = not args.no_bytecode
    if bytecode:
        for tree in trees.values():  # compiled once, before what is measured
            one_start(tree=tree)
    print(f"start → first paint → a click answered → plots built, {args.rounds} starts each"
          f"{' (modules compiled once, as installed)' if bytecode else ' (no bytecode kept)'}")
    for mode in (("quiet", "busy") if args.mode == "both" else (args.mode,)):
        with busy_core(mode == "busy"):
            rounds: dict[str, list] = {name: [] for name in trees}
            for _ in range(args.rounds):
                for name, tree in trees.items():  # in turn: the same load for both
                    rounds[name].append(one_start(tree=tree, bytecode=bytecode))
            for name, tree in trees.items():
                paints = [1000 * r[0] for r in rounds[name]]
                clicks = [1000 * r[1] for r in rounds[name]]
                built = [1000 * r[2] for r in rounds[name]]
                cpu = [1000 * r[3] for r in rounds[name]]
                print(f"{mode:5} {name} ({tree}):")
                print(f"       click answered median {statistics.median(clicks):.0f} ms (target ≤ "
                      f"800), worst {max(clicks):.0f}; rounds " + " ".join(f"{c:.0f}" for c in clicks))
                print(f"       first paint median {statistics.median(paints):.0f} ms; plots built "
                      f"median {statistics.median(built):.0f} ms")
                print(f"       CPU until the click median {statistics.median(cpu):.0f} ms (the "
                      "process's own work, which a loaded machine stretches least); rounds "
                      + " ".join(f"{c:.0f}" for c in cpu))
            print("       " + load_line())
    *_, stderr = one_start(["-X", "importtime"], bytecode=bytecode)
    rows = []
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line[len("import time:"):].split("|")
            if cumulative.strip().isdigit():
                rows.append((int(cumulative), name.rstrip()[1:]))  # (one space, then the depth's)
    total = sum(c for c, name in rows if not name.startswith(" "))
    print(f"imports (one start of this tree, -X importtime, until the plots are built): {total / 1000:.0f} ms "
          "at the top level; the slowest:")
    for cumulative, name in sorted(rows, reverse=True)[:args.imports]:
        print(f"  {cumulative / 1000:7.1f} ms {name}")


if __name__ == "__main__":
    main()
