"""ms per iteration of the seed's four-layer cat run: BP Studio's engine, a textbook engine, PyTorch.

Run:  python benchmarks/bench_engine.py [--data DIR] [--iterations N]

All engines run the same iterations in one process, interleaved round by round, so machine noise
hits them alike; compare the ratios. The textbook engine is the seed's code style: a dict of caches,
dA[0] computed, sigmoid recomputed in the backward pass, fresh arrays everywhere.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from bpstudio.core.h5data import load_catvnoncat
from bpstudio.core.network import Network

DIMS = [12288, 20, 7, 5, 1]
LR = 0.0075
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "catvnoncat"


# ----- the textbook implementation ----------------------------------------------------------------

def tb_init(dims, seed=1):
    np.random.seed(seed)
    p = {}
    for l in range(1, len(dims)):
        p["W" + str(l)] = np.random.randn(dims[l], dims[l - 1]) / np.sqrt(dims[l - 1])
        p["b" + str(l)] = np.zeros((dims[l], 1))
    return p


def tb_sigmoid(Z):
    return 1 / (1 + np.exp(-Z)), Z


def tb_relu(Z):
    return np.maximum(0, Z), Z


def tb_forward(X, p):
    caches, A, L = [], X, len(p) // 2
    for l in range(1, L):
        A_prev = A
        Z = np.dot(p["W" + str(l)], A_prev) + p["b" + str(l)]
        A, act_cache = tb_relu(Z)
        caches.append(((A_prev, p["W" + str(l)], p["b" + str(l)]), act_cache))
    Z = np.dot(p["W" + str(L)], A) + p["b" + str(L)]
    AL, act_cache = tb_sigmoid(Z)
    caches.append(((A, p["W" + str(L)], p["b" + str(L)]), act_cache))
    return AL, caches


def tb_cost(AL, Y):
    m = Y.shape[1]
    return np.squeeze(-1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


def tb_linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1.0 / m * np.dot(dZ, A_prev.T)
    db = 1.0 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def tb_backward(AL, Y, caches):
    grads, L = {}, len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    lin, Z = caches[L - 1]
    s = 1 / (1 + np.exp(-Z))
    dA, grads["dW" + str(L)], grads["db" + str(L)] = tb_linear_backward(dAL * s * (1 - s), lin)
    for l in reversed(range(L - 1)):
        lin, Z = caches[l]
        dZ = np.array(dA, copy=True)
        dZ[Z <= 0] = 0
        dA, grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = tb_linear_backward(dZ, lin)
    return grads


def tb_update(p, grads, lr):
    for l in range(len(p) // 2):
        p["W" + str(l + 1)] = p["W" + str(l + 1)] - lr * grads["dW" + str(l + 1)]
        p["b" + str(l + 1)] = p["b" + str(l + 1)] - lr * grads["db" + str(l + 1)]
    return p


def textbook_stepper(X, Y):
    p = tb_init(DIMS)

    def step():
        nonlocal p
        AL, caches = tb_forward(X, p)
        tb_cost(AL, Y)
        p = tb_update(p, tb_backward(AL, Y, caches), LR)
    return step


# ----- PyTorch ------------------------------------------------------------------------------------

def torch_stepper(X, Y, dtype_name):
    import torch

    dtype = getattr(torch, dtype_name)
    Xt = torch.from_numpy(np.ascontiguousarray(X)).to(dtype)
    Yt = torch.from_numpy(Y).to(dtype)
    params = []
    for W, b in zip(*map(list, zip(*[(tb_init(DIMS)[f"W{l}"], tb_init(DIMS)[f"b{l}"])
                                     for l in range(1, len(DIMS))]))):
        params += [torch.tensor(W, dtype=dtype, requires_grad=True),
                   torch.tensor(b, dtype=dtype, requires_grad=True)]

    def step():
        A = Xt
        for i in range(0, len(params), 2):
            Z = params[i] @ A + params[i + 1]
            A = torch.relu(Z) if i + 2 < len(params) else Z
        loss = torch.nn.functional.binary_cross_entropy_with_logits(A, Yt)
        loss.backward()
        with torch.no_grad():
            for q in params:
                q -= LR * q.grad
                q.grad = None
    return step


# ----- the run ------------------------------------------------------------------------------------

def engine_stepper(X, Y, precision):
    net = Network.create(DIMS, precision=precision)

    def step():
        net.iteration(X, Y, LR)
    return step


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.environ.get("BPSTUDIO_CAT_DATA", DEFAULT_DATA))
    ap.add_argument("--iterations", type=int, default=200, help="timed iterations per engine")
    ap.add_argument("--block", type=int, default=25,
                    help="iterations an engine runs before the next takes over (PyTorch's OpenMP "
                         "threads spin for a while after their work and would slow a BLAS call "
                         "that follows at once)")
    args = ap.parse_args(argv)
    ds = load_catvnoncat(args.data)
    X64, X32 = ds.inputs("float64")[0], ds.inputs("float32")[0]
    Y = ds.Y_train
    engines = {
        "bpstudio float64": engine_stepper(X64, Y, "float64"),
        "bpstudio float32": engine_stepper(X32, Y, "float32"),
        "textbook float64": textbook_stepper(X64, Y),
    }
    try:
        import torch

        torch.set_num_threads(os.cpu_count() or 1)
        engines["pytorch float32"] = torch_stepper(X64, Y, "float32")
        engines["pytorch float64"] = torch_stepper(X64, Y, "float64")
        torch_note = f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads"
    except ImportError:
        torch_note = "PyTorch not importable: skipped"
    times: dict[str, list[float]] = {k: [] for k in engines}
    for step in engines.values():  # warm up: allocator, BLAS buffers, page faults
        for _ in range(10):
            step()
    for _ in range(max(1, args.iterations // args.block)):  # interleaved blocks: noise hits all alike
        for name, step in engines.items():
            step()  # first of a block: absorbs the previous engine's threads winding down
            for _ in range(args.block):
                t0 = time.perf_counter()
                step()
                times[name].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) * 1e3 for k, v in times.items()}
    print(f"four-layer cat net {DIMS}, m = {X64.shape[1]}, {args.iterations} iterations each; {torch_note}")
    print(f"numpy {np.__version__}, {os.cpu_count()} cores, python {sys.version.split()[0]}")
    print(f"{'engine':<20} {'median ms/it':>12} {'p10':>8} {'p90':>8}")
    for k, v in times.items():
        q = np.percentile(np.array(v) * 1e3, [10, 90])
        print(f"{k:<20} {med[k]:12.3f} {q[0]:8.3f} {q[1]:8.3f}")
    print(f"bpstudio float64 / textbook float64 = {med['bpstudio float64'] / med['textbook float64']:.2f} (target ≤ 0.50)")
    if "pytorch float32" in med:
        print(f"bpstudio float32 / pytorch float32 = {med['bpstudio float32'] / med['pytorch float32']:.2f} (target ≤ 1.00)")
        print(f"bpstudio float64 / pytorch float64 = {med['bpstudio float64'] / med['pytorch float64']:.2f}")


if __name__ == "__main__":
    main()
