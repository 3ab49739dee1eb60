"""Start → a window that answers a click: how long a new BP Studio process takes.

Run:  python benchmarks/bench_start.py [--rounds 5] [--mode quiet|busy|both] [--imports 15]

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
    print(f"{times.get('paint', times['click']) - started:.4f} {times['click'] - started:.4f}",
          flush=True)
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


def one_start(extra: list[str] | None = None) -> tuple[float, float, str]:
    folder = tempfile.mkdtemp(prefix="bpstudio-bench-start-")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "XDG_CONFIG_HOME": folder, "XDG_DATA_HOME": folder,
           "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT))}
    started = time.time()
    out = subprocess.run([sys.executable, *(extra or []), "-c", CHILD, repr(started)],
                         capture_output=True, text=True, env=env, timeout=120)
    if out.returncode != 0 or not out.stdout.strip():
        raise RuntimeError(out.stderr[-2000:])
    paint, click = map(float, out.stdout.split())
    return paint, click, out.stderr


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--mode", choices=("quiet", "busy", "both"), default="both")
    ap.add_argument("--imports", type=int, default=15, help="the slowest imports to list")
    args = ap.parse_args()
    print(f"start → first paint → a click answered, {args.rounds} starts each")
    for mode in (("quiet", "busy") if args.mode == "both" else (args.mode,)):
        with busy_core(mode == "busy"):
            rounds = [one_start() for _ in range(args.rounds)]
            paints, clicks = [1000 * r[0] for r in rounds], [1000 * r[1] for r in rounds]
            print(f"{mode:5}: click answered median {statistics.median(clicks):.0f} ms (target ≤ "
                  f"800), worst {max(clicks):.0f}; rounds " + " ".join(f"{c:.0f}" for c in clicks))
            print(f"       first paint median {statistics.median(paints):.0f} ms")
            print("       " + load_line())
    *_, stderr = one_start(["-X", "importtime"])
    rows = []
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line[len("import time:"):].split("|")
            if cumulative.strip().isdigit():
                rows.append((int(cumulative), name.rstrip()[1:]))  # (one space, then the depth's)
    total = sum(c for c, name in rows if not name.startswith(" "))
    print(f"imports (one start, -X importtime): {total / 1000:.0f} ms at the top level; the slowest:")
    for cumulative, name in sorted(rows, reverse=True)[:args.imports]:
        print(f"  {cumulative / 1000:7.1f} ms {name}")


if __name__ == "__main__":
    main()
