"""What a training child's reports cost the two processes to move: pickled whole
(``Connection.send`` / ``recv``) against core/array_pipe (arrays out of band, read in place).

Run:  python benchmarks/bench_report_pipe.py [--messages 150] [--rounds 3]

A child sends what the cat network's 2,500-iteration run sent the window when it reported every
0.2 s (a 2 MB parameter snapshot, most with a 2 MB keyframe, 17 first-layer traces of 33 KB; it
now reports every 0.4 s, half as many reports with twice the traces);
the parent reads them on a thread, as the window does. Printed: the CPU seconds of the reading
thread (the window's process) and of the child, the median of the rounds, each way.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import threading
import time

import numpy as np

from bpstudio.core import array_pipe
from bpstudio.core.warm_process import widen


def _message(k: int) -> dict:
    rng = np.random.default_rng(k)
    snapshot = [rng.standard_normal((20, 12288)), rng.standard_normal((7, 20)),
                rng.standard_normal((5, 7)), rng.standard_normal((1, 5))]
    return {"costs": rng.random(17), "weights": snapshot,
            "keyframe": [W.copy() for W in snapshot] if k % 4 else [],
            "traces": [rng.standard_normal((20, 209)) for _ in range(17)]}


def _child(write, messages: int, fast: bool, cpu) -> None:
    made = [_message(k) for k in range(4)]
    start = time.process_time()
    for k in range(messages):
        if fast:
            array_pipe.send(write, made[k % 4])
        else:
            write.send(made[k % 4])
    cpu.value = time.process_time() - start
    write.close()


def one(messages: int, fast: bool) -> tuple[float, float, float]:
    ctx = mp.get_context("forkserver")
    read, write = ctx.Pipe(duplex=False)
    widen(read)  # as the window's results pipe
    cpu = ctx.Value("d", 0.0)
    child = ctx.Process(target=_child, args=(write, messages, fast, cpu))
    child.start()
    write.close()
    spent = []

    def reader() -> None:
        start = time.thread_time()
        got = 0
        while True:
            try:
                message = array_pipe.recv(read) if fast else read.recv()
            except EOFError:
                break
            got += message["weights"][0].nbytes
        spent.append(time.thread_time() - start)

    t0 = time.perf_counter()
    thread = threading.Thread(target=reader)
    thread.start()
    thread.join()
    wall = time.perf_counter() - t0
    child.join()
    read.close()
    return spent[0], cpu.value, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=150)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    sizes = [sum(a.nbytes for v in _message(k).values()  # the four the child sends in turn
                 for a in (v if isinstance(v, list) else [v])) for k in range(4)]
    mb = sum(sizes[k % 4] for k in range(args.messages)) / 1e6
    print(f"{args.messages} reports, {mb:.0f} MB of arrays, {args.rounds} rounds")
    results: dict[str, list[tuple[float, float, float]]] = {"pickled whole": [], "array_pipe": []}
    for _ in range(args.rounds):  # alternating, so the machine's noise hits both
        results["pickled whole"].append(one(args.messages, fast=False))
        results["array_pipe"].append(one(args.messages, fast=True))
    for name, runs in results.items():
        reader, child, wall = (statistics.median(r[i] for r in runs) for i in range(3))
        print(f"{name:14s}: reading thread {reader:.3f} s CPU, child {child:.3f} s CPU, "
              f"wall {wall:.3f} s (median)")
    old, new = (statistics.median(r[0] for r in results[k]) for k in results)
    print(f"reading thread's CPU, array_pipe / pickled whole: {new / old:.2f}")


if __name__ == "__main__":
    main()
