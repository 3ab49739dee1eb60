"""The playground's live picture: the output heatmap (100×100 grid) plus the diagram with its
neurons' heatmaps, refreshed after a change of parameters as a training record brings one.

Run:  python benchmarks/bench_plane.py [--refreshes 200] [--resolution 100] [--preset plane-moons]

Offscreen Qt, the widgets at the sizes of a 1600×1000 window. The network is the moons preset's
2–8–1 (tanh): 8 hidden neurons' heatmaps, with the two inputs' and the output's 11 in all. Each
refresh: new W and b (as from training), then PlaneView.refresh_now() and NetworkDiagram
.refresh_now(), each of which computes what it needs and repaints at once. Target: median ≤ 33 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--refreshes", type=int, default=200)
    parser.add_argument("--resolution", type=int, default=100)
    parser.add_argument("--preset", default="plane-moons", help="e.g. plane-spiral: 28 neurons")
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    from bpstudio.session.network_model import NetworkModel
    from bpstudio.session.plane_maps import PlaneMaps
    from bpstudio.widgets.network_diagram import NetworkDiagram
    from bpstudio.widgets.plane_view import PlaneView

    model = NetworkModel()
    assert model.apply_preset(args.preset)
    maps = PlaneMaps(model, resolution=args.resolution)
    view, diagram = PlaneView(model, maps), NetworkDiagram(model, None, maps)
    view.resize(420, 520)
    diagram.resize(640, 520)
    view.show()
    diagram.show()
    QApplication.processEvents()
    rng = np.random.default_rng(0)
    net = model.network
    totals, parts = [], {"activations": [], "output view": [], "diagram": []}
    for _ in range(args.refreshes):
        weights = [W + 0.05 * rng.standard_normal(W.shape) for W in net.weights]
        model.set_parameters(weights, net.biases)  # what a training record does
        t0 = time.perf_counter()
        maps.activations()  # computed once, shared by both views
        t1 = time.perf_counter()
        view.refresh_now()
        t2 = time.perf_counter()
        diagram.refresh_now()
        t3 = time.perf_counter()
        totals.append(t3 - t0)
        for key, dt in zip(parts, (t1 - t0, t2 - t1, t3 - t2)):
            parts[key].append(dt)
    QApplication.processEvents()
    hidden = sum(model.network.dims[1:-1])
    assert len(diagram._neuron_maps) == sum(model.network.dims), "every neuron has its heatmap"
    ms = sorted(1000 * t for t in totals)
    print(f"output heatmap {args.resolution}×{args.resolution} + {hidden} hidden neurons' heatmaps "
          f"(+{len(diagram._neuron_maps) - hidden} inputs and output), {args.refreshes} refreshes:")
    print(f"  median {statistics.median(ms):.1f} ms, p90 {ms[int(0.9 * len(ms))]:.1f} ms, "
          f"max {ms[-1]:.1f} ms (target: median <= 33 ms)")
    for key, values in parts.items():
        print(f"    {key:12s} median {1000 * statistics.median(values):.1f} ms")


if __name__ == "__main__":
    main()
