"""How long explaining a number of the cat net takes, from the click to the pane on screen; and
how long a nudge check takes.

Run:  python benchmarks/bench_explain.py [--data DIR] [--rounds 15]

Offscreen Qt, a 1920×1080 window with the cat data, the whole batch (m = 209) stepped. A "click"
is a mouse press on the cell in its matrix view; the time runs until the explanation pane has
been laid out and painted (its text, table and, for Z[1], the 64×64 picture). Cells: a Z[1] cell
(a sum of 12,288 products), a dW[1] cell (a sum over 209 samples, with its chain rule), a δ of
layer 2 and a W[1] weight (with its chain rule). Then the nudge check of a weight in each layer,
float64 and float32 (which also runs the nudge in float64). Targets: a click ≤ 30 ms median, a
nudge ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import statistics
import time

from _window import DEFAULT_DATA, cat_window

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402


def step_to(window, key: str, layer: int) -> None:
    s = window.studio.stepper.stepper
    k = next(st.index for st in s.steps if st.equation.key == key and st.layer == layer)
    window.studio.stepper.go(k + 1)
    window.app.processEvents()


def click(window, view_name: str, row: int, col: int) -> float:
    """Seconds from the press on the cell to the pane painted."""
    eq = window.equations
    view = next(v for v in eq.views[:eq._shown] if v.name == view_name)
    window.studio.explain.close()
    window.app.processEvents()
    t0 = time.perf_counter()
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.cell_rect(row, col).center().toPoint())
    eq.explain_pane.repaint()
    eq.explain_pane.body.viewport().repaint()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    app, window = cat_window(args.data)
    window.app = app
    window.studio.stepper.set_mode("batch")
    window.studio.stepper.next()
    app.processEvents()
    cells = [("Z[1] cell, 12,288 terms + its picture", "z", 1, "Z[1]", 3, 17),
             ("dW[1] cell, 209 samples + chain rule", "3b", 1, "dW[1]", 4, 6000),
             ("dZ[2] cell (equation 2)", "2b", 2, "dZ[2]", 3, 100),
             ("W[1] weight + chain rule (operand of Z[1])", "z", 1, "W[1]", 7, 9000)]
    print(f"{'cell':48s} {'median':>8s} {'max':>8s}   (ms, {args.rounds} clicks each)")
    for title, key, layer, name, row, col in cells:
        step_to(window, key, layer)
        times = [click(window, name, row, col) for _ in range(args.rounds)]
        shown = window.studio.explain.explanation
        assert shown is not None, title
        print(f"{title:48s} {1000 * statistics.median(times):8.1f} {1000 * max(times):8.1f}"
              f"   {shown.target.text()} ({shown.count:,} terms)")

    from bpstudio.core.explain import nudge
    from bpstudio.core.network import Network
    from bpstudio.core.stepper import Stepper

    ds = window.studio.model.dataset
    print(f"\n{'nudge check':48s} {'median':>8s} {'max':>8s}   digits agreeing")
    for precision in ("float64", "float32"):
        net = Network.create((12288, 20, 7, 5, 1), seed=1, precision=precision)
        s = Stepper(net, ds.X_train, ds.Y_train, 0.0075)
        for layer, j, k in ((1, 4, 1000), (2, 3, 11), (3, 2, 5), (4, 0, 1)):
            times, check = [], None
            for _ in range(max(3, args.rounds // 3)):
                t0 = time.perf_counter()
                check = nudge(s, layer, j, k)
                times.append(time.perf_counter() - t0)
            extra = f" (float64: {check.exact_agreement})" if check.exact_slope is not None else ""
            print(f"{f'{precision}, w_{j + 1},{k + 1}^[{layer}]':48s} "
                  f"{1000 * statistics.median(times):8.1f} {1000 * max(times):8.1f}"
                  f"   {check.agreement}{extra}")
    window.close()


if __name__ == "__main__":
    main()
