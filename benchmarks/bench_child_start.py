"""What starting a training child costs: spawned afresh (as before) against forked from the fork
server (core/warm_process.CONTEXT), the CPU of every process involved and the time to its first
answer.

Run:  python benchmarks/bench_child_start.py [--children 20] [--rounds 3]

Each child is started as a training child is (the same target module) and answers one 209×12288
by 12288×20 product (the cat network's first), then ends. The CPU counted is this process's
children's, the fork server's included (it is stopped and waited for at the end of each round,
so its CPU and that of the children it forked are counted). The two ways alternate round by
round, so machine noise hits both; compare the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

from _load import load_line

ROUND = r"""
import multiprocessing as mp, resource, sys, time
from bpstudio.core import warm_process
from bench_child_start import answer

def main(way, n):
    context = mp.get_context("spawn") if way == "spawn" else warm_process.CONTEXT
    waits = []
    for _ in range(n):
        t0 = time.perf_counter()
        q = context.SimpleQueue()
        p = context.Process(target=answer, args=(q,))
        p.start()
        q.get()
        waits.append(time.perf_counter() - t0)
        p.join()
    if way != "spawn":
        from multiprocessing import forkserver
        forkserver._forkserver._stop()  # waited for: its CPU and its children's are counted
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(repr((c.ru_utime + c.ru_stime, waits)))

main(sys.argv[1], int(sys.argv[2]))
"""


def answer(q) -> None:
    import numpy as np

    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((209, 12288)), rng.standard_normal((12288, 20))
    q.put(float((a @ b).sum()))


def one_round(way: str, n: int) -> tuple[float, list[float]]:
    """(children's CPU seconds, seconds to each child's answer) in a fresh Python."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([os.path.dirname(__file__), *sys.path]))
    out = subprocess.run([sys.executable, "-c", ROUND, way, str(n)], env=env, check=True,
                         capture_output=True, text=True).stdout
    cpu, waits = eval(out.strip().splitlines()[-1])  # noqa: S307 - our own repr above
    return cpu, waits


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--children", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    if not sys.platform.startswith("linux"):
        print("the fork server is used on Linux only: nothing to compare here")
        return
    print(load_line())
    results: dict[str, list[tuple[float, list[float]]]] = {"spawn": [], "forkserver": []}
    for _ in range(args.rounds):
        for way in results:
            results[way].append(one_round(way, args.children))
    for way, rounds in results.items():
        cpu = [c / args.children for c, _ in rounds]
        waits = [w for _, ws in rounds for w in ws[1:]]  # the first: the server's own start too
        firsts = [ws[0] for _, ws in rounds]
        print(f"{way:>10}: CPU a child {1000 * statistics.median(cpu):.0f} ms (rounds: "
              + " ".join(f"{1000 * c:.0f}" for c in cpu) + f"); to its answer: first "
              f"{1000 * statistics.median(firsts):.0f} ms, then median "
              f"{1000 * statistics.median(waits):.0f} ms")
    ratio = (statistics.median(c for c, _ in results["forkserver"])
             / statistics.median(c for c, _ in results["spawn"]))
    print(f"fork server / spawn, CPU: {ratio:.2f}")
    print(load_line())


if __name__ == "__main__":
    main()
