#!/usr/bin/env python3
"""The three tutor benchmarks as hand-written NumPy, for bench/compare.

Same work and same output format as the TutorBenchmarks executable: one JSON
object per line (the BLAS first, then one per benchmark), then a table.
(a) one full-batch epoch of the 784-64-10 sigmoid network on Fashion-MNIST,
    MSE on the sigmoid outputs, SGD with learning rate 0.1;
(b) 1000 full-batch epochs of a 10-5-1 relu network on 100x10 data, MSE, lr 0.01;
(c) n x n matrix products, n = 512 and 2048, and the two products of a hidden
    layer of 64 over the images (x·Wᵀ and Gᵀ·x).
"""
import ctypes
import glob
import gzip
import json
import os
import sys
import time

import numpy as np

DATA = os.environ.get("TUTOR_DATA") or "/usr/share/datasets/fashion-mnist"


def blas_info():
    """The OpenBLAS that NumPy bundles, as it reports itself."""
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "*openblas*.so*"))
    if not libs:
        return {"library": "unknown (no bundled OpenBLAS found)", "core": "?", "threads": 0}
    lib = ctypes.CDLL(libs[0])
    for prefix, suffix in (("scipy_openblas_", "64_"), ("scipy_openblas_", ""), ("openblas_", "64_"), ("openblas_", "")):
        try:
            config = getattr(lib, f"{prefix}get_config{suffix}")
            core = getattr(lib, f"{prefix}get_corename{suffix}")
            threads = getattr(lib, f"{prefix}get_num_threads{suffix}")
        except AttributeError:
            continue
        config.restype = core.restype = ctypes.c_char_p
        return {"library": config().decode(), "core": core().decode(), "threads": threads()}
    return {"library": os.path.basename(libs[0]), "core": "?", "threads": 0}


def best_time(repetitions, body):
    """The shortest of `repetitions` runs of body, after one untimed warm-up."""
    body()
    best = float("inf")
    for _ in range(repetitions):
        start = time.perf_counter()
        body()
        best = min(best, time.perf_counter() - start)
    return best


def load_idx(name):
    with gzip.open(os.path.join(DATA, name + ".gz")) as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def fashion_epoch(x, y, repetitions):
    rng = np.random.default_rng(1)
    # A1: weights N(0, 1)*0.01, zero biases.
    w1 = rng.standard_normal((64, 784)) * 0.01
    b1 = np.zeros((1, 64))
    w2 = rng.standard_normal((10, 64)) * 0.01
    b2 = np.zeros((1, 10))
    lr = 0.1
    loss = [0.0]

    def epoch():
        nonlocal w1, b1, w2, b2
        z1 = x @ w1.T + b1
        a1 = sigmoid(z1)
        z2 = a1 @ w2.T + b2
        a2 = sigmoid(z2)
        d = a2 - y
        loss[0] = float(np.mean(d * d))
        dz2 = (2.0 / d.size) * d * a2 * (1.0 - a2)
        dw2 = dz2.T @ a1
        db2 = dz2.sum(axis=0, keepdims=True)
        dz1 = (dz2 @ w2) * a1 * (1.0 - a1)
        dw1 = dz1.T @ x
        db1 = dz1.sum(axis=0, keepdims=True)
        w1 -= lr * dw1
        b1 -= lr * db1
        w2 -= lr * dw2
        b2 -= lr * db2

    seconds = best_time(repetitions, epoch)
    return {"benchmark": "a", "name": "epoch 784-64-10 sigmoid, MSE, 60000 images",
            "seconds": seconds, "repetitions": repetitions, "loss": loss[0]}


def small_network(repetitions):
    rng = np.random.default_rng(2)
    x = rng.uniform(size=(100, 10))
    y = rng.uniform(size=(100, 1))
    # PyTorch's default for Linear: U(-1/sqrt(in), 1/sqrt(in)).
    initial = [rng.uniform(-1 / np.sqrt(10), 1 / np.sqrt(10), size=(5, 10)),
               rng.uniform(-1 / np.sqrt(10), 1 / np.sqrt(10), size=(1, 5)),
               rng.uniform(-1 / np.sqrt(5), 1 / np.sqrt(5), size=(1, 5)),
               rng.uniform(-1 / np.sqrt(5), 1 / np.sqrt(5), size=(1, 1))]
    lr = 0.01
    loss = [0.0]

    def train():
        w1, b1, w2, b2 = (p.copy() for p in initial)
        for _ in range(1000):
            z1 = x @ w1.T + b1
            a1 = np.maximum(z1, 0.0)
            out = a1 @ w2.T + b2
            d = out - y
            loss[0] = float(np.mean(d * d))
            dout = (2.0 / d.size) * d
            dw2 = dout.T @ a1
            db2 = dout.sum(axis=0, keepdims=True)
            dz1 = (dout @ w2) * (z1 > 0)
            dw1 = dz1.T @ x
            db1 = dz1.sum(axis=0, keepdims=True)
            w1 -= lr * dw1
            b1 -= lr * db1
            w2 -= lr * dw2
            b2 -= lr * db2

    seconds = best_time(repetitions, train)
    return {"benchmark": "b", "name": "1000 epochs 10-5-1 relu, MSE, 100 rows",
            "seconds": seconds, "repetitions": repetitions, "loss": loss[0]}


def matrix_product(n, repetitions):
    rng = np.random.default_rng(3)
    a = rng.uniform(size=(n, n))
    b = rng.uniform(size=(n, n))
    seconds = best_time(repetitions, lambda: a @ b)
    return {"benchmark": "c", "name": f"matmul {n}×{n}", "seconds": seconds,
            "repetitions": repetitions, "gflops": 2 * n ** 3 / seconds / 1e9}


def layer_products(x, repetitions):
    """x·Wᵀ and Gᵀ·x for a hidden layer of 64 over the images, timed apart."""
    rng = np.random.default_rng(4)
    w = rng.uniform(size=(64, x.shape[1]))
    g = rng.uniform(size=(x.shape[0], 64))
    flops = 2 * x.shape[0] * x.shape[1] * 64
    forward = best_time(repetitions, lambda: x @ w.T)
    gradient = best_time(repetitions, lambda: g.T @ x)
    return [{"benchmark": "c", "name": f"x·Wᵀ {x.shape[0]}×{x.shape[1]} images by {x.shape[1]}×64",
             "seconds": forward, "repetitions": repetitions, "gflops": flops / forward / 1e9},
            {"benchmark": "c", "name": f"Gᵀ·x 64×{x.shape[0]} by {x.shape[0]}×{x.shape[1]} images",
             "seconds": gradient, "repetitions": repetitions, "gflops": flops / gradient / 1e9}]


def main():
    blas = blas_info()
    print(json.dumps({"side": "numpy", "kind": "blas", **blas}, sort_keys=True, ensure_ascii=False), flush=True)

    # Arguments pick benchmarks by letter (`numpy_baseline.py b c`); none runs all.
    selected = set(sys.argv[1:])
    runs = []
    # Loading and one-hot encoding are not timed.
    if not selected or "a" in selected or "c" in selected:
        x = load_idx("train-images-idx3-ubyte").reshape(-1, 784) / 255.0
    if not selected or "a" in selected:
        y = np.eye(10)[load_idx("train-labels-idx1-ubyte")]
        runs.append(lambda: [fashion_epoch(x, y, 5)])
    if not selected or "b" in selected:
        runs.append(lambda: [small_network(5)])
    if not selected or "c" in selected:
        runs += [lambda: [matrix_product(512, 10)], lambda: [matrix_product(2048, 3)], lambda: layer_products(x, 5)]

    measurements = []
    for run in runs:
        for result in run():
            m = {"side": "numpy", "kind": "benchmark", **result}
            print(json.dumps(m, sort_keys=True, ensure_ascii=False), flush=True)
            measurements.append(m)

    print()
    print(f"numpy {np.__version__}, {blas['library']}, core {blas['core']}, {blas['threads']} threads")
    for m in measurements:
        line = f"  {m['benchmark']}  {m['name']:<44}{m['seconds']:10.4f} s  best of {m['repetitions']}"
        if "gflops" in m:
            line += f"  {m['gflops']:7.1f} GFLOP/s"
        if "loss" in m:
            line += f"  loss {m['loss']:.6f}"
        print(line)


if __name__ == "__main__":
    main()
