#!/usr/bin/env python3
"""Benchmark (d) as a hand-written NumPy program, timed whole by bench/compare.

The same work as bench/whole-process/fashion-5-epochs.md: load the 60000
Fashion-MNIST training images and labels, one-hot the labels, build a 784-64-10
network with sigmoid on both layers (PyTorch's default initialisation), and take
5 full-batch gradient-descent steps (lr 0.5) on binary cross-entropy, the mean
over all outputs with PyTorch's clamp of the logarithms at -100. Prints the loss
before each step and after the last.
"""
import numpy as np

# Reading the IDX files and the sigmoid are the same as in the in-process baseline.
from numpy_baseline import load_idx, sigmoid


def bce(p, y):
    return float(-np.mean(y * np.maximum(np.log(p), -100) + (1 - y) * np.maximum(np.log1p(-p), -100)))


def main():
    x = load_idx("train-images-idx3-ubyte").reshape(-1, 784).astype(np.float64) / 255.0
    labels = load_idx("train-labels-idx1-ubyte").astype(np.int64)
    y = np.zeros((labels.size, 10))
    y[np.arange(labels.size), labels] = 1.0

    rng = np.random.default_rng(0)
    bound1, bound2 = 1 / np.sqrt(784), 1 / np.sqrt(64)
    w1 = rng.uniform(-bound1, bound1, (64, 784))
    b1 = rng.uniform(-bound1, bound1, (1, 64))
    w2 = rng.uniform(-bound2, bound2, (10, 64))
    b2 = rng.uniform(-bound2, bound2, (1, 10))
    lr = 0.5

    def forward():
        a1 = sigmoid(x @ w1.T + b1)
        return a1, sigmoid(a1 @ w2.T + b2)

    for epoch in range(5):
        a1, a2 = forward()
        print(f"epoch {epoch + 1}: loss {bce(a2, y):.6f}")
        # Sigmoid and cross-entropy together: dL/dz2 = (a2 - y) / (number of outputs).
        dz2 = (a2 - y) / a2.size
        dw2 = dz2.T @ a1
        db2 = dz2.sum(axis=0, keepdims=True)
        dz1 = (dz2 @ w2) * a1 * (1.0 - a1)
        dw1 = dz1.T @ x
        db1 = dz1.sum(axis=0, keepdims=True)
        w1 -= lr * dw1
        b1 -= lr * db1
        w2 -= lr * dw2
        b2 -= lr * db2
    print(f"final loss {bce(forward()[1], y):.6f}")


if __name__ == "__main__":
    main()
